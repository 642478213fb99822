#!/usr/bin/env bash
# make bench: builds release binaries, starts a private cluster with durable settings (fsync on,
# as in production), loads a deterministic city of about a million events and prints each
# figure next to its baseline measured in the same run. Figures also go to bench/results.json.
# BENCH_STREETS sets the city's size (default 25 streets, about a million events).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cluster=.vigil/bench

swift build -c release --product vigil
swift build -c release --product VigilBench
scripts/pg.sh start "$cluster"
trap 'scripts/pg.sh stop "$cluster"' EXIT
server=$(scripts/pg.sh url "$cluster")
started=$(date +%s)
.build/release/VigilBench "$server" "$root/.build/release/vigil" "${BENCH_STREETS:-25}"
echo "bench: finished in $(( $(date +%s) - started )) s; figures in bench/results.json"
