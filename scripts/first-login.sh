#!/usr/bin/env bash
# Gives the person at the keyboard their own admin login in the embedded cluster, named after
# their OS user, and writes the connection string vigil uses by default to one fixed place per
# OS user ($XDG_STATE_HOME/vigil/conninfo). The superuser is kept for migrations, so the prompt
# and `history` name the person, not postgres.
#
#   scripts/first-login.sh VIGIL_BINARY CLUSTER_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$1
cluster=$2
person=$(id -un)
superuser=$("$root/scripts/pg.sh" url "$cluster")
"$bin" --db "$superuser" --format json -c "user add $person --role admin" >/dev/null
state=${XDG_STATE_HOME:-$HOME/.local/state}/vigil
mkdir -p -m 0700 "$state"
"$root/scripts/pg.sh" url "$cluster" --user "$person" >"$state/conninfo.new"
mv "$state/conninfo.new" "$state/conninfo"
