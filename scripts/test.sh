#!/usr/bin/env bash
# Runs the tests against a throwaway cluster that lives only for this run.
#   scripts/test.sh [ARGS]          every test but the distributed ones, on one PostgreSQL
#   scripts/test.sh --citus [ARGS]  the distributed tests on three Citus nodes (scripts/citus.sh):
#                                   Tests/CitusTests, and the suites whose answers must not
#                                   change when the tables are distributed by street
# ARGS are passed to `swift build`/`swift test` (e.g. -Xswiftc -warnings-as-errors).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [[ ${1:-} == --citus ]]; then
    shift
    manage=scripts/citus.sh cluster=.vigil/citus-test label="citus tests"
    # One suite at a time: the cluster is shared, and a shard moving is felt by every database.
    # (Not the upgrade from seals written before streets: a database is upgraded on one server.)
    selection=(--no-parallel --filter "CitusTests|AcceptanceTests|StreetScopeTests|IntegrityTests/|RunbookTests\
|ConcurrencyTests/(streamCreationRace|lateCommitSeal|rebuildUnderReadersAndWriters)\
|SubscriptionTests/followsStreetByStreet")
else
    # The distributed tests need a Citus cluster: `make test-citus` runs them.
    manage=scripts/pg.sh cluster=.vigil/test label=tests
    selection=(--skip CitusTests)
fi

"$manage" start "$cluster" --throwaway
log=$(mktemp)
trap 'rm -f "$log"; "$manage" stop "$cluster"' EXIT
VIGIL_TEST_DATABASE_URL=$("$manage" url "$cluster")
export VIGIL_TEST_DATABASE_URL
if [[ $manage == scripts/citus.sh ]]; then
    VIGIL_TEST_CITUS_WORKERS=$(scripts/citus.sh workers "$cluster")
    export VIGIL_TEST_CITUS_WORKERS
fi

swift build --build-tests "$@"
# The end-to-end tests run the built binary; tell them where it is.
VIGIL_BIN="$root/.build/debug/vigil"
export VIGIL_BIN
swift test --skip-build "${selection[@]}" "$@" 2>&1 | tee "$log"
# XCTest reports "Executed 0 tests" (every test here is a Swift Testing test); end with one
# plain summary of what actually ran.
count=$(grep -oE 'Test run with [0-9]+ tests? ' "$log" | grep -oE '[0-9]+' | tail -n 1)
echo "$label: ${count:-0} passed, 0 failed"
