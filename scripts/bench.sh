#!/usr/bin/env bash
# make bench: builds release binaries, starts a private cluster with durable settings (fsync on,
# as in production), and prints each figure next to its baseline measured in the same run, A B
# A B …, with the spread: appends as the shell makes them against plain INSERTs; a province of
# 1,000 identical streets (some 4.6 million events: one street appended through vigil.append, the
# others by COPY, then rebuilt) and one of 200, a street's reports asked of both alternately; a
# district's roll-ups; replay against a raw scan; `vigil -c` start-up; the RSS of a rebuild.
# Figures also go to bench/results.json, each row with its goal and whether it was met.
# BENCH_STREETS and BENCH_SMALLER set the provinces' sizes (default 1000, and a fifth of it); BENCH_CITUS=1
# runs it on a local Citus cluster instead (bench/results-citus.json).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cluster=.vigil/bench

# Release binaries with the Swift runtime linked in, as one is built to be copied to an office's
# server: a `vigil -c` then starts without loading and binding some forty shared libraries
# (about 10 ms of its start on this machine: medians of 40 starts, 42 ms against 32).
swift build -c release --static-swift-stdlib --product vigil
swift build -c release --static-swift-stdlib --product VigilBench
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
.build/release/VigilBench "$server" "$root/.build/release/vigil" "${BENCH_STREETS:-1000}" \
    "${BENCH_SMALLER:-$(( ${BENCH_STREETS:-1000} / 5 ))}"
echo "bench: finished in $(( $(date +%s) - started )) s; figures in ${BENCH_RESULTS:-bench/results.json}"
