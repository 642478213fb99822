#!/usr/bin/env bash
# Runs the distributed tests on a throwaway three-node Citus cluster (scripts/citus.sh): the
# tests of Tests/CitusTests, and the suites whose answers must not change when the tables are
# distributed by street (the acceptance year in two streets, concurrent writers, rights by
# street, the hash chains and seals, following the log street by street). Arguments go to
# `swift build`/`swift test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cluster=.vigil/citus-test
# (Not the upgrade from seals written before streets: a database is upgraded on one server.)
suites='CitusTests|AcceptanceTests|ConcurrencyTests/(streamCreationRace|lateCommitSeal|rebuildUnderReadersAndWriters)'
suites+='|StreetScopeTests|IntegrityTests/|SubscriptionTests/followsStreetByStreet|RunbookTests'

scripts/citus.sh start "$cluster" --throwaway
trap 'scripts/citus.sh stop "$cluster"' EXIT
VIGIL_TEST_DATABASE_URL=$(scripts/citus.sh url "$cluster")
VIGIL_TEST_CITUS_WORKERS=$(scripts/citus.sh workers "$cluster")
VIGIL_BIN="$root/.build/debug/vigil"
export VIGIL_TEST_DATABASE_URL VIGIL_TEST_CITUS_WORKERS VIGIL_BIN

swift build --build-tests "$@"
log=$(mktemp)
trap 'rm -f "$log"; scripts/citus.sh stop "$cluster"' EXIT
# One suite at a time: the cluster is shared, and a shard moving is felt by every database.
swift test --skip-build --no-parallel --filter "$suites" "$@" 2>&1 | tee "$log"
count=$(grep -oE 'Test run with [0-9]+ tests? ' "$log" | grep -oE '[0-9]+' | tail -n 1)
echo "citus tests: ${count:-0} passed, 0 failed"
