#!/usr/bin/env bash
# Runs the concurrency tests (stream-creation races, late commits, rebuild under readers and
# writers, concurrent writers with a tailing reader) many times against a throwaway cluster:
# a race that shows once in a while cannot hide behind a single green run.
#   scripts/stress.sh [RUNS]      (default 20)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-20}
cluster=.vigil/stress
scripts/pg.sh start "$cluster" --throwaway
trap 'scripts/pg.sh stop "$cluster"' EXIT
VIGIL_TEST_DATABASE_URL=$(scripts/pg.sh url "$cluster")
export VIGIL_TEST_DATABASE_URL
swift build --build-tests
passed=0
failed=0
for ((i = 1; i <= runs; i++)); do
    if swift test --skip-build --filter 'SecurityTests.ConcurrencyTests|EventStoreTests.GlobalReadTests|EndToEndTests.TailTests' >"$cluster.log" 2>&1; then
        passed=$((passed + 1))
        echo "stress: run $i/$runs passed"
    else
        failed=$((failed + 1))
        echo "stress: run $i/$runs FAILED"
        grep -E '✘|error' "$cluster.log" | head -20
    fi
done
echo "stress: $passed passed, $failed failed"
((failed == 0))
