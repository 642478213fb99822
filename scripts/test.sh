#!/usr/bin/env bash
# Runs every test against a throwaway PostgreSQL cluster that lives only for this run.
# Arguments are passed to `swift build`/`swift test` (e.g. -Xswiftc -warnings-as-errors).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cluster=.vigil/test

scripts/pg.sh start "$cluster" --throwaway
trap 'scripts/pg.sh stop "$cluster"' EXIT
VIGIL_TEST_DATABASE_URL=$(scripts/pg.sh url "$cluster")
export VIGIL_TEST_DATABASE_URL

swift build --build-tests "$@"
# The end-to-end tests run the built binary; tell them where it is.
VIGIL_BIN="$root/.build/debug/vigil"
export VIGIL_BIN
log=$(mktemp)
trap 'rm -f "$log"; scripts/pg.sh stop "$cluster"' EXIT
# The distributed tests need a Citus cluster: `make test-citus` runs them.
swift test --skip-build --skip CitusTests "$@" 2>&1 | tee "$log"
# XCTest reports "Executed 0 tests" (every test here is a Swift Testing test); end with one
# plain summary of what actually ran.
count=$(grep -oE 'Test run with [0-9]+ tests? ' "$log" | grep -oE '[0-9]+' | tail -n 1)
echo "tests: ${count:-0} passed, 0 failed"
