#!/usr/bin/env bash
# make bench: builds release binaries, starts a private cluster with durable settings (fsync on,
# as in production), loads a deterministic city of about a million events and prints each
# figure next to its baseline measured in the same run. Figures also go to bench/results.json.
# BENCH_STREETS sets the city's size (default 25 streets, about a million events); BENCH_CITUS=1
# runs it on a local Citus cluster instead (bench/results-citus.json).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cluster=.vigil/bench

swift build -c release --product vigil
swift build -c release --product VigilBench
if [[ ${BENCH_CITUS:-0} == 1 ]]; then
    # The same benchmark on a local Citus cluster of three nodes (scripts/citus.sh), durable as
    # well: on one machine it measures what distribution costs, not what it gains.
    cluster=.vigil/bench-citus
    scripts/citus.sh start "$cluster"
    trap 'scripts/citus.sh stop "$cluster"' EXIT
    server=$(scripts/citus.sh url "$cluster")
    VIGIL_BENCH_CITUS_WORKERS=$(scripts/citus.sh workers "$cluster")
    export VIGIL_BENCH_CITUS_WORKERS BENCH_RESULTS=bench/results-citus.json
else
    scripts/pg.sh start "$cluster"
    trap 'scripts/pg.sh stop "$cluster"' EXIT
    server=$(scripts/pg.sh url "$cluster")
fi
started=$(date +%s)
.build/release/VigilBench "$server" "$root/.build/release/vigil" "${BENCH_STREETS:-25}"
echo "bench: finished in $(( $(date +%s) - started )) s; figures in ${BENCH_RESULTS:-bench/results.json}"
