#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on loopback only.
#
#   tests/pg/pg-cluster.sh start STATE_DIR   # create, start, make the roles
#   tests/pg/pg-cluster.sh stop STATE_DIR    # stop and remove everything
#
# start creates a new cluster in a scratch folder (initdb), starts it on a
# free TCP port of 127.0.0.1 with no Unix socket, and makes:
#   - lfrplan_admin: the superuser the tests create databases as, and the
#     administrator (owner) of every lfrplan schema they make;
#   - the group roles lfrplan_planner, lfrplan_commander, lfrplan_auditor;
#   - login users: planner_pat (planner), commander_kim (commander),
#     auditor_ali (auditor), both_bo (planner and commander), outsider_oz
#     (no lfrplan role).
# Authentication is "trust" on 127.0.0.1: this cluster lives for one test
# run and holds only test data. It runs with fsync off unless
# LFRPLAN_PG_FSYNC=on (the load benchmark's documented figures use on).
# STATE_DIR/admin-uri then holds the admin connection string; stop reads
# STATE_DIR to find the cluster. As root, the server runs as the "postgres"
# user that Debian's postgresql package creates (PostgreSQL refuses root).
set -euo pipefail

die()
{
    echo "pg-cluster: error: $*" >&2
    exit 1
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop STATE_DIR"
action=$1
state=$2

bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
    [[ -x $candidate/initdb ]] && bindir=$candidate
done
if [[ -z $bindir ]] && command -v initdb >/dev/null; then
    bindir=$(dirname "$(command -v initdb)")
fi
[[ -n $bindir ]] || die "initdb not found (packaging/bootstrap-deps.sh test installs postgresql)"

as_server()
{
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user (package postgresql)"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_cluster()
{
    [[ -f $state/datadir ]] || return 0
    local data
    data=$(cat "$state/datadir")
    if [[ -f $data/postmaster.pid ]]; then
        as_server "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$(dirname "$data")"
    rm -f "$state/datadir" "$state/admin-uri" "$state/port"
}

case $action in
start)
    mkdir -p "$state"
    stop_cluster # a cluster left by an interrupted run
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/lfrplan-pg.XXXXXX")
    data=$scratch/data
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres "$scratch"
    fi
    echo "$data" >"$state/datadir"
    as_server "$bindir/initdb" -D "$data" -U lfrplan_admin --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$state/initdb.log" 2>&1 || {
        cat "$state/initdb.log" >&2
        die "initdb failed"
    }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    fsync=${LFRPLAN_PG_FSYNC:-off}
    as_server "$bindir/pg_ctl" -D "$data" -l "$scratch/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories= -c fsync=$fsync \
            -c synchronous_commit=$fsync -c full_page_writes=$fsync -c max_connections=120 \
            -c deadlock_timeout=200ms" >/dev/null || {
        cat "$scratch/server.log" >&2
        die "the server did not start"
    }
    echo "$port" >"$state/port"
    admin="postgresql://lfrplan_admin@127.0.0.1:$port/postgres"
    psql -X -q -v ON_ERROR_STOP=1 "$admin" <<'SQL'
CREATE ROLE lfrplan_planner NOLOGIN;
CREATE ROLE lfrplan_commander NOLOGIN;
CREATE ROLE lfrplan_auditor NOLOGIN;
CREATE ROLE planner_pat LOGIN IN ROLE lfrplan_planner;
CREATE ROLE commander_kim LOGIN IN ROLE lfrplan_commander;
CREATE ROLE auditor_ali LOGIN IN ROLE lfrplan_auditor;
CREATE ROLE both_bo LOGIN IN ROLE lfrplan_planner, lfrplan_commander;
CREATE ROLE outsider_oz LOGIN;
SQL
    echo "$admin" >"$state/admin-uri"
    echo "pg-cluster: PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (fsync $fsync)"
    ;;
stop)
    stop_cluster
    echo "pg-cluster: stopped and removed"
    ;;
*)
    die "usage: $0 start|stop STATE_DIR"
    ;;
esac
