#!/usr/bin/env bash
# Install the system packages Vigil needs to build and test on Debian/Ubuntu:
#   - PostgreSQL server binaries (initdb, pg_ctl, postgres) for scripts/pg.sh
#   - libpq headers (libpq-dev) and libedit headers (libedit-dev) for the
#     Swift system-library targets, located through pkg-config.
#
# It only touches the system when something is actually missing, and prints
# nothing in that case, so it is cheap to call from CI and from other scripts.
# It never reads stdin and never prompts: it must run unattended in CI
# containers (DEBIAN_FRONTEND=noninteractive, stdin closed).
set -euo pipefail

# Server binaries are looked up the same way scripts/pg.sh does: Debian's
# /usr/bin/pg_config usually reports /usr/bin, which does NOT contain initdb
# (Debian keeps the server under /usr/lib/postgresql/<major>/bin), so
# pg_config alone is not enough.
have_server_binaries() {
    local dir
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir 2>/dev/null) || dir=""
        if [[ -n $dir && -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
            return 0
        fi
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/postgres ]]; then
            return 0
        fi
    done
    return 1
}

# --reports: what printing a report to PDF needs (headless Chromium, and fonts that print
# Chinese as Chinese); `make report-deps` asks for it.
# --test: also what the tests drive (tmux runs the shell under a pseudo-terminal, and less
# is the pager it shows long output in; the report tests print with Chromium and read the PDF
# back with pdftotext and a screenshot with python3, and Python's icalendar reads the calendar
# export back as calendar programs would — the tests run the system's /usr/bin/python3, where
# apt installs both).
packages=(postgresql libpq-dev libedit-dev pkg-config)
missing=()
if [[ "${1:-}" == "--reports" || "${1:-}" == "--test" ]]; then
    packages+=(chromium fonts-noto-cjk)
    command -v chromium >/dev/null 2>&1 || missing+=("chromium")
    [[ -d /usr/share/fonts/opentype/noto ]] || missing+=("fonts-noto-cjk")
fi
if [[ "${1:-}" == "--test" ]]; then
    packages+=(tmux less poppler-utils python3 python3-icalendar)
    command -v tmux >/dev/null 2>&1 || missing+=("tmux")
    command -v less >/dev/null 2>&1 || missing+=("less")
    command -v pdftotext >/dev/null 2>&1 || missing+=("poppler-utils")
    /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing+=("python3 with icalendar")
fi
have_server_binaries || missing+=("PostgreSQL server binaries (initdb/pg_ctl/postgres)")
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists libpq || missing+=("libpq-dev (pkg-config libpq)")
    pkg-config --exists libedit || missing+=("libedit-dev (pkg-config libedit)")
else
    # Without pkg-config we cannot tell whether the -dev packages are there,
    # and SwiftPM needs pkg-config anyway; installing covers all cases.
    missing+=("pkg-config")
fi

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "deps.sh: missing: ${missing[*]}" >&2

if ! command -v apt-get >/dev/null 2>&1; then
    echo "deps.sh: apt-get not found; install PostgreSQL (server), libpq, libedit and pkg-config with your package manager" >&2
    exit 1
fi

# Root installs directly; other users go through sudo when it exists. Without
# a terminal, sudo is given -n so that it fails fast instead of hanging on a
# password prompt nobody can answer.
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "deps.sh: not root and sudo is not available; cannot install packages" >&2
        exit 1
    fi
    sudo_cmd=(sudo)
    [[ -t 0 ]] || sudo_cmd+=(-n)
fi

# sudo resets the environment, so DEBIAN_FRONTEND is passed through `env`.
# --no-upgrade: only install what is absent; never silently upgrade an
# installed PostgreSQL/libpq as a side effect. The dpkg options keep existing
# config files instead of asking, and the lock timeout waits for a concurrent
# apt/dpkg (e.g. unattended-upgrades or another CI step) instead of failing.
apt_env=(env "DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-noninteractive}")
apt_opts=(-q -o DPkg::Lock::Timeout=300)

"${sudo_cmd[@]}" "${apt_env[@]}" apt-get "${apt_opts[@]}" update </dev/null
"${sudo_cmd[@]}" "${apt_env[@]}" apt-get "${apt_opts[@]}" install -y --no-install-recommends --no-upgrade \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${packages[@]}" </dev/null

# Check again so a broken or partial install is reported here rather than as
# a confusing build or test failure later.
if ! have_server_binaries || ! pkg-config --exists libpq || ! pkg-config --exists libedit; then
    echo "deps.sh: packages installed but dependencies are still not found" >&2
    exit 1
fi
