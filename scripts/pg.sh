#!/usr/bin/env bash
# Manage a private PostgreSQL cluster for Vigil development and tests.
#
#   scripts/pg.sh start DIR [--throwaway] [--citus]
#                                           create (first use) and start; ensure db "vigil";
#                                           --citus: a node of a Citus cluster (scripts/citus.sh)
#   scripts/pg.sh stop DIR                  stop if running (fast shutdown)
#   scripts/pg.sh url DIR [--user NAME]     print the libpq conninfo string (as
#                                           the superuser, or as NAME)
#
# DIR is the cluster folder, absolute or relative to the project root (the
# parent of this script's folder), e.g. `.vigil` or `.vigil/test`.
#
# The server listens ONLY on a Unix socket (listen_addresses = ''), in a
# private mode-0700 folder, so it never conflicts with, or is reachable like,
# a system PostgreSQL on TCP 5432. It authenticates by peer: the kernel says
# which OS user is at the other end of the socket, and the ident map `vigil`
# lets only the cluster's owner in (as root, root and the postgres user), as
# the superuser or as the login named after that OS user (see write_auth).
#
# Layout:
#   DIR/data          PGDATA (a real folder, or a symlink, see below)
#   DIR/server.log    server log
#   <socket dir>      = the folder that contains the real data folder, i.e.
#                       DIR itself, or the fallback folder below.
#
# Running as root: PostgreSQL refuses to run as root, so the server runs as
# the `postgres` system user. If that user cannot reach DIR (typically a
# project cloned under /root, mode 0700), the real files live in
# /var/tmp/vigil-clusters/<sha1(DIR)[:12]> and DIR/data (and DIR/server.log)
# are symlinks to it, so that later `url`/`stop` calls find the cluster again.
# The same fallback is used when DIR is so deep that the socket path would
# exceed the kernel's Unix socket path limit.
set -euo pipefail

readonly PORT=5432 # fixed: it only names the socket file (.s.PGSQL.5432)
readonly DBNAME=vigil
readonly SOCKET_NAME=".s.PGSQL.$PORT"
# sockaddr_un.sun_path is 108 bytes on Linux and 104 on macOS, including the
# NUL: "<dir>/.s.PGSQL.5432" must fit, or the server cannot create its socket.
readonly MAX_SOCKET_DIR_LEN=$((104 - 1 - 1 - ${#SOCKET_NAME}))

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
readonly ROOT

prog=$(basename "$0")
die() { echo "$prog: $*" >&2; exit 1; }
note() { echo "$prog: $*" >&2; }
usage() {
    echo "usage: $prog start DIR [--throwaway] [--citus] | stop DIR | url DIR [--user NAME]" >&2
    exit 2
}

IS_ROOT=0
[[ $(id -u) -eq 0 ]] && IS_ROOT=1
readonly IS_ROOT

# ---------------------------------------------------------------- helpers

# Run a command as the OS user that owns the cluster: `postgres` when we are
# root, ourselves otherwise. `cd /` first because the postgres user may not
# be allowed into the caller's working directory. fd 9 (our lock) is closed
# so the postmaster started by pg_ctl does not inherit it and hold the lock
# forever.
as_pg() {
    if ((IS_ROOT)); then
        if command -v runuser >/dev/null 2>&1; then
            (cd / && runuser -u postgres -- "$@") 9>&-
        else
            local cmd
            cmd=$(printf '%q ' "$@")
            (cd / && su postgres -s /bin/bash -c "$cmd") 9>&-
        fi
    else
        "$@" 9>&-
    fi
}

# The database superuser: `postgres` when root (the server runs as the
# postgres OS user), else the invoking user, which is initdb's default too.
db_user() {
    if ((IS_ROOT)); then echo postgres; else id -un; fi
}

ensure_postgres_os_user() {
    ((IS_ROOT)) || return 0
    id -u postgres >/dev/null 2>&1 && return 0
    note "creating system user postgres"
    useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home \
        --shell /usr/sbin/nologin --comment "PostgreSQL administrator" postgres
}

owner_uid() { stat -c %u "$1" 2>/dev/null || stat -f %u "$1"; }

sha1_12() {
    local sum
    if command -v sha1sum >/dev/null 2>&1; then
        sum=$(printf '%s' "$1" | sha1sum)
    else
        sum=$(printf '%s' "$1" | shasum -a 1)
    fi
    echo "${sum:0:12}"
}

# Quote a value for a libpq conninfo string (only when needed, so the common
# case stays readable): single quotes, with \ and ' backslash-escaped.
conninfo_value() {
    local v=$1
    if [[ -n $v && $v != *[[:space:]\'\\]* ]]; then
        printf '%s' "$v"
    else
        v=${v//\\/\\\\}
        v=${v//\'/\\\'}
        printf "'%s'" "$v"
    fi
}

# Server binaries: pg_config's bindir when it really holds the server (e.g.
# Homebrew, or PGDG packages with a matching pg_config), else the newest
# Debian-style /usr/lib/postgresql/<major>/bin (Debian's /usr/bin/pg_config
# reports /usr/bin, where there is no initdb). VIGIL_PG_BINDIR overrides.
find_bindir() {
    local dir best=""
    if [[ -n ${VIGIL_PG_BINDIR:-} ]]; then
        [[ -x $VIGIL_PG_BINDIR/pg_ctl ]] || die "VIGIL_PG_BINDIR=$VIGIL_PG_BINDIR has no pg_ctl"
        echo "$VIGIL_PG_BINDIR"
        return
    fi
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null) || dir=""
        if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
            echo "$dir"
            return
        fi
    fi
    best=$(for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]] && echo "$dir"
    done | sort -V | tail -n 1)
    [[ -n $best ]] || die "PostgreSQL server binaries not found (run scripts/deps.sh)"
    echo "$best"
}

# An existing cluster must be run by its own major version: prefer the
# matching /usr/lib/postgresql/<PG_VERSION>/bin when several are installed.
bindir_for_data() {
    local data=$1 ver
    if [[ -z ${VIGIL_PG_BINDIR:-} && -r $data/PG_VERSION ]]; then
        ver=$(<"$data/PG_VERSION")
        if [[ -x /usr/lib/postgresql/$ver/bin/pg_ctl ]]; then
            BINDIR=/usr/lib/postgresql/$ver/bin
        fi
    fi
}

# ------------------------------------------------------------ cluster paths

# Absolute, symlink-free path of DIR (relative paths are from the project
# root, not from the caller's cwd). Prints nothing if DIR does not exist.
cluster_dir() {
    local dir=$1
    [[ $dir == /* ]] || dir=$ROOT/$dir
    if [[ -d $dir ]]; then (cd "$dir" && pwd -P); fi
}

# Take an exclusive lock on DIR so that concurrent start/stop calls (e.g.
# parallel test runners) do not race on initdb/pg_ctl/CREATE DATABASE.
# flock(1) is util-linux; without it we simply run unlocked.
lock_cluster() {
    local cdir=$1
    command -v flock >/dev/null 2>&1 || return 0
    exec 9>"$cdir/.pg.lock"
    flock -w 300 9 || die "timed out waiting for the lock on $cdir"
}

# Sets DATA (real PGDATA path) and SOCKDIR for an existing cluster in CDIR;
# returns 1 if there is none (dangling fallback symlinks count as none).
locate_cluster() {
    local cdir=$1
    [[ -e $cdir/data ]] || return 1
    DATA=$(cd "$cdir/data" && pwd -P)
    SOCKDIR=$(dirname "$DATA")
}

# Base folder for fallback clusters. Root's is shared by the postgres user
# and must not be something another user planted in world-writable /var/tmp.
fallback_base() {
    local base
    if ((IS_ROOT)); then base=/var/tmp/vigil-clusters; else base=/var/tmp/vigil-clusters-$(id -u); fi
    if [[ ! -e $base ]]; then
        if ((IS_ROOT)); then mkdir -m 0755 "$base"; else mkdir -m 0700 "$base"; fi
    fi
    [[ -d $base && ! -L $base && $(owner_uid "$base") -eq $(id -u) ]] ||
        die "$base is not a folder owned by $(id -un); refusing to use it"
    echo "$base"
}

# Decide where a NEW cluster for CDIR lives and prepare that folder (mode
# 0700, owned by the server user). Sets DATA and SOCKDIR.
prepare_new_cluster() {
    local cdir=$1 home="" reason=""
    if ((${#cdir} > MAX_SOCKET_DIR_LEN)); then
        reason="its path is too long for a Unix socket"
    elif ((IS_ROOT)); then
        # The postgres user needs search permission on every parent of DIR
        # and write permission on DIR (the socket and the log go there).
        # chown can fail on exotic filesystems; the check below catches it.
        chown postgres "$cdir" 2>/dev/null || true
        chmod 0700 "$cdir"
        if ! as_pg test -x "$cdir" || ! as_pg test -w "$cdir"; then
            chown 0 "$cdir" 2>/dev/null || true
            reason="the postgres user cannot reach it"
        fi
    else
        chmod 0700 "$cdir"
    fi

    if [[ -n $reason ]]; then
        home=$(fallback_base)/$(sha1_12 "$cdir")
        note "$cdir: $reason; keeping the cluster in $home"
        rm -rf "$home" # leftovers of a cluster whose DIR/data link is gone
        mkdir -m 0700 "$home"
        ((IS_ROOT)) && chown postgres "$home"
        ln -sfn "$home/data" "$cdir/data"
        ln -sfn "$home/server.log" "$cdir/server.log"
    else
        home=$cdir
    fi
    DATA=$home/data
    SOCKDIR=$home
}

is_running() { as_pg "$BINDIR/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

stop_server() {
    is_running || return 0
    if ! as_pg "$BINDIR/pg_ctl" stop -D "$DATA" -m fast -w -t 60 >/dev/null; then
        show_log
        die "could not stop the server in $DATA"
    fi
}

show_log() {
    local log=$SOCKDIR/server.log
    if [[ -r $log ]]; then
        echo "---- last 30 lines of $log ----" >&2
        tail -n 30 "$log" >&2
    fi
}

# Delete the cluster in CDIR (for --throwaway): stop it, then remove only
# what this script created, never anything else in DIR.
destroy_cluster() {
    local cdir=$1
    if locate_cluster "$cdir"; then
        bindir_for_data "$DATA"
        stop_server
        if [[ $SOCKDIR == "$cdir" ]]; then
            rm -rf "$DATA"
        elif [[ $SOCKDIR =~ ^/var/tmp/vigil-clusters(-[0-9]+)?/[0-9a-f]{12}$ ]]; then
            rm -rf "$SOCKDIR"
        else
            die "$cdir/data points to unexpected $DATA; refusing to delete it"
        fi
    fi
    # Dangling links, the log and a stale socket lock file.
    rm -rf "$cdir/data"
    rm -f "$cdir/server.log" "$cdir/$SOCKET_NAME" "$cdir/$SOCKET_NAME.lock"
}

write_settings() {
    local throwaway=$1 citus=$2 sockdir_conf
    # postgresql.conf string literal: ' doubled.
    sockdir_conf=${SOCKDIR//\'/\'\'}
    # Regenerated on every start so the socket folder follows the project if
    # it moves; included from postgresql.conf so a manual `pg_ctl start`
    # behaves identically.
    {
        echo "# Written by scripts/pg.sh on every start; edits are lost."
        echo "listen_addresses = ''"
        echo "port = $PORT"
        echo "unix_socket_directories = '$sockdir_conf'"
        if ((throwaway)); then
            # Disposable test cluster: durability is pointless, speed is not.
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        fi
        if ((citus)); then
            # A node of a local Citus cluster: the extension loaded at start, and logical
            # decoding so that a shard can move while its street is written.
            echo "shared_preload_libraries = 'citus'"
            echo "wal_level = logical"
            echo "max_replication_slots = 16"
            echo "max_wal_senders = 16"
            # A node's connections to itself (moving a shard) go to its socket folder too.
            echo "citus.local_hostname = '$sockdir_conf'"
        fi
    } | as_pg tee "$DATA/vigil.conf" >/dev/null
}

# pg_hba.conf and pg_ident.conf, rewritten on every start: peer authentication
# on the Unix socket only, for the OS users in the map and nobody else.
write_auth() {
    local citus=$1 person major
    person=$(id -un)
    major=$(<"$DATA/PG_VERSION")
    {
        echo "# Written by scripts/pg.sh on every start; edits are lost."
        if ((citus)); then
            # The coordinator connects to the workers as each user of the session (the socket
            # folder is mode 0700: only its owner and root can reach it, as with peer).
            echo "local all all trust"
        else
            echo "local all all peer map=vigil"
        fi
    } | as_pg tee "$DATA/pg_hba.conf" >/dev/null
    {
        echo "# Written by scripts/pg.sh on every start; edits are lost."
        echo "# MAPNAME OS-USER DATABASE-USER"
        echo "vigil $(db_user) $(db_user)"
        if ((IS_ROOT)); then
            echo "vigil $person $(db_user)"
        fi
        # The person's own login (make run creates it as an admin), named after the OS user.
        echo "vigil $person $person"
        # PostgreSQL 16 and later can let the owner log in as any role of the cluster; 15
        # cannot, so tests there become other roles with SET SESSION AUTHORIZATION.
        if ((major >= 16)); then
            echo "vigil $person all"
        fi
    } | as_pg tee "$DATA/pg_ident.conf" >/dev/null
}

init_cluster() {
    local out
    note "initializing cluster in $DATA"
    # --no-locale + UTF8: byte-order collation, identical on every machine.
    # peer on the socket; write_auth adds the ident map before every start.
    if ! out=$(as_pg "$BINDIR/initdb" -D "$DATA" -U "$(db_user)" -E UTF8 --no-locale \
        --auth-local=peer --auth-host=reject 2>&1); then
        printf '%s\n' "$out" >&2
        die "initdb failed"
    fi
    echo "include_if_exists = 'vigil.conf'" | as_pg tee -a "$DATA/postgresql.conf" >/dev/null
}

psql_q() {
    "$BINDIR/psql" -X -q -At -v ON_ERROR_STOP=1 \
        "host=$(conninfo_value "$SOCKDIR") port=$PORT dbname=postgres user=$(db_user)" "$@"
}

ensure_database() {
    local exists
    exists=$(psql_q -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'")
    [[ $exists == 1 ]] && return 0
    psql_q -c "CREATE DATABASE $DBNAME" >/dev/null
}

# ---------------------------------------------------------------- commands

cmd_start() {
    local cdir throwaway=$2 citus=$3 dir=$1 i out
    [[ $dir == /* ]] || dir=$ROOT/$dir
    mkdir -p "$dir"
    cdir=$(cluster_dir "$dir")
    lock_cluster "$cdir"
    ensure_postgres_os_user
    BINDIR=$(find_bindir)

    if ((throwaway)); then
        destroy_cluster "$cdir"
    elif [[ -L $cdir/data && ! -e $cdir/data ]]; then
        # e.g. /var/tmp was cleaned: the data is gone, start afresh.
        note "$cdir/data points to a missing folder; creating a new cluster"
        rm -f "$cdir/data"
    fi

    if ! locate_cluster "$cdir"; then
        prepare_new_cluster "$cdir"
    fi
    bindir_for_data "$DATA"
    if [[ ! -f $DATA/PG_VERSION ]]; then
        if [[ -e $DATA ]] && [[ -n $(ls -A "$DATA") ]]; then
            die "$DATA exists but is not a PostgreSQL cluster; remove it and retry"
        fi
        init_cluster
    fi

    if ! is_running; then
        write_settings "$throwaway" "$citus"
        write_auth "$citus"
        # pg_ctl redirects the server's stdin/stdout/stderr (to /dev/null and
        # the log), so callers capturing our output do not hang on it.
        if ! out=$(as_pg "$BINDIR/pg_ctl" start -D "$DATA" -l "$SOCKDIR/server.log" \
            -w -t 60 2>&1); then
            printf '%s\n' "$out" >&2
            show_log
            die "server failed to start"
        fi
    fi

    # pg_ctl -w already waits, but double-check the socket really answers.
    for ((i = 0; i < 60; i++)); do
        if "$BINDIR/pg_isready" -q -h "$SOCKDIR" -p "$PORT" -U "$(db_user)" -d postgres; then
            break
        fi
        sleep 0.5
    done
    if ((i == 60)); then
        show_log
        die "server is not accepting connections on $SOCKDIR"
    fi
    ensure_database
}

cmd_stop() {
    local cdir
    cdir=$(cluster_dir "$1")
    [[ -n $cdir ]] || return 0
    lock_cluster "$cdir"
    locate_cluster "$cdir" || return 0
    [[ -f $DATA/PG_VERSION ]] || return 0
    BINDIR=$(find_bindir)
    bindir_for_data "$DATA"
    stop_server
}

cmd_url() {
    local cdir user=${2:-$(db_user)}
    cdir=$(cluster_dir "$1")
    if [[ -z $cdir ]] || ! locate_cluster "$cdir"; then
        die "no cluster in $1 (run: $prog start $1)"
    fi
    echo "host=$(conninfo_value "$SOCKDIR") port=$PORT dbname=$DBNAME user=$(conninfo_value "$user")"
}

main() {
    (($# >= 2)) || usage
    local cmd=$1 dir=$2 throwaway=0 citus=0
    shift 2
    [[ -n $dir ]] || usage
    case $cmd in
        start)
            while (($#)); do
                case $1 in
                    --throwaway) throwaway=1 ;;
                    --citus) citus=1 ;;
                    *) usage ;;
                esac
                shift
            done
            cmd_start "$dir" "$throwaway" "$citus"
            ;;
        stop) (($# == 0)) || usage; cmd_stop "$dir" ;;
        url)
            case $# in
                0) cmd_url "$dir" ;;
                2) [[ $1 == --user ]] || usage; cmd_url "$dir" "$2" ;;
                *) usage ;;
            esac
            ;;
        *) usage ;;
    esac
}

main "$@"
