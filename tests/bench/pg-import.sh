#!/bin/bash
# Imports a scenario file into a fresh database on a test cluster, for
# farm-bench (docs/benchmarks.md, "The cost of the database-written audit").
# usage: tests/bench/pg-import.sh LFRPLAN STATE_DIR SCENARIO.json
set -euo pipefail
[[ $# -eq 3 ]] || { echo "usage: $0 LFRPLAN STATE_DIR SCENARIO.json" >&2; exit 2; }
lfrplan=$1 state=$2 scenario=$3
admin=$(cat "$state/admin-uri")
db=bench_$$_$RANDOM
psql -q "$admin" -c "CREATE DATABASE $db" >/dev/null
uri=${admin%/postgres}/$db
"$lfrplan" init "$uri" >/dev/null
"$lfrplan" import "$uri" "$scenario" >/dev/null
psql -q "$admin" -c "DROP DATABASE $db WITH (FORCE)" >/dev/null
