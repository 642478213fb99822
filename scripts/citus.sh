#!/usr/bin/env bash
# A local Citus cluster for the scale-out tests (Runbooks/scaling-out.md): a coordinator and two
# workers on this machine, each a private cluster of scripts/pg.sh listening on its own Unix
# socket folder only, so that no TCP port is opened.
#
#   scripts/citus.sh start DIR [--throwaway]   build Citus when it is missing, start the three
#                                              nodes, make database "vigil" a Citus database
#   scripts/citus.sh stop DIR                  stop the three nodes
#   scripts/citus.sh url DIR                   the coordinator's conninfo (database "vigil")
#   scripts/citus.sh workers DIR               the workers' conninfos, one a line
#   scripts/citus.sh createdb DIR NAME         another Citus database on the same nodes
#
# The nodes live in DIR/coordinator, DIR/worker1 and DIR/worker2. Citus itself comes from the
# system (citus.so in PostgreSQL's library folder) or is built from the source that
# VIGIL_CITUS_SOURCE names (default: ../shared/citus beside the project, which holds
# citus-13.2.2.tar.gz and build.sh). On a real deployment Citus comes from its vendor's
# packages or a managed service instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
readonly ROOT
readonly NODES=(coordinator worker1 worker2)
prog=$(basename "$0")
die() { echo "$prog: $*" >&2; exit 1; }
usage() { die "usage: $prog start DIR [--throwaway] | stop DIR | url DIR | workers DIR | createdb DIR NAME"; }

pg() { "$ROOT/scripts/pg.sh" "$@"; }

# The libpq value of a node's socket folder (host=…) and its port, from pg.sh's conninfo.
field() { sed -E "s/.*(^| )$2=('([^']|\\\\')*'|[^ ]*).*/\\2/" <<<"$1"; }

ensure_citus() {
    local pkglib source
    pkglib=$(pg_config --pkglibdir)
    [[ -f $pkglib/citus.so ]] && return 0
    source=${VIGIL_CITUS_SOURCE:-$ROOT/../shared/citus}
    if [[ ! -x $source/build.sh ]]; then
        die "Citus is not installed ($pkglib/citus.so is missing) and there is no $source/build.sh to build it.
Install Citus 13 for PostgreSQL $(pg_config --version | grep -oE '[0-9]+' | head -n 1) from Citus Data's packages
(https://docs.citusdata.com/en/stable/installation/), or set VIGIL_CITUS_SOURCE to a folder holding
citus-13.2.2.tar.gz and its build.sh."
    fi
    echo "$prog: building Citus from $source (about 1.5 minutes)" >&2
    "$source/build.sh" >&2
}

psql_node() {
    local conninfo=$1
    shift
    psql -X -q -At -v ON_ERROR_STOP=1 "$conninfo" "$@"
}

# Creates database NAME on every node, with the extension, and joins the workers to the
# coordinator's copy. CREATE DATABASE is not propagated by Citus, and the nodes reach each other
# only through their socket folders (host = the folder).
create_database() {
    local dir=$1 name=$2 node url host
    for node in "${NODES[@]}"; do
        url=$(pg url "$dir/$node")
        if [[ $(psql_node "$url dbname=postgres" -c "SELECT count(*) FROM pg_database WHERE datname = '$name'") == 0 ]]; then
            psql_node "$url dbname=postgres" -c "CREATE DATABASE \"$name\""
        fi
        psql_node "$url dbname=$name" -c "CREATE EXTENSION IF NOT EXISTS citus"
    done
    url=$(pg url "$dir/coordinator")
    host=$(field "$url" host)
    psql_node "$url dbname=$name" -c "SELECT citus_set_coordinator_host($(quote "$host"), 5432)" >/dev/null
    for node in worker1 worker2; do
        host=$(field "$(pg url "$dir/$node")" host)
        psql_node "$url dbname=$name" -c "SELECT citus_add_node($(quote "$host"), 5432)" >/dev/null
    done
}

# A host value as an SQL string literal (pg.sh quotes it for libpq only when needed).
quote() {
    local v=$1
    if [[ $v == \'*\' ]]; then v=${v:1:${#v}-2}; v=${v//\\\'/\'}; v=${v//\\\\/\\}; fi
    printf "'%s'" "${v//\'/\'\'}"
}

cmd_start() {
    local dir=$1 throwaway=$2 node
    ensure_citus
    for node in "${NODES[@]}"; do
        if ((throwaway)); then pg start "$dir/$node" --citus --throwaway; else pg start "$dir/$node" --citus; fi
    done
    create_database "$dir" vigil
}

main() {
    (($# >= 2)) || usage
    local cmd=$1 dir=$2
    shift 2
    case $cmd in
        start)
            case ${1:-} in
                "") cmd_start "$dir" 0 ;;
                --throwaway) cmd_start "$dir" 1 ;;
                *) usage ;;
            esac
            ;;
        stop) for node in "${NODES[@]}"; do pg stop "$dir/$node"; done ;;
        url) pg url "$dir/coordinator" ;;
        workers) pg url "$dir/worker1"; pg url "$dir/worker2" ;;
        createdb) (($# == 1)) || usage; create_database "$dir" "$1" ;;
        *) usage ;;
    esac
}

main "$@"
