#!/usr/bin/env bash
# Builds lfrplan (RelWithDebInfo, Ninja, into build/) and prints the demo week's
# summary. (-O2: at -O3 gcc 12 prints false -Wrestrict warnings on std::string.)
# It uses the command-line tool:
#
#   bash packaging/run-demo.sh            # = build/app/lfrplan demo
#   bash packaging/run-demo.sh ARGS...    # extra arguments go to `lfrplan demo`
#
# LFRPLAN_JOBS sets the build parallelism (default 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=${LFRPLAN_JOBS:-2}

bash "$root/packaging/bootstrap-deps.sh" build

if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
    export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi

build=build
# A cache from another checkout or generator cannot be reused.
if [[ -f $build/CMakeCache.txt ]]; then
    home=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt")
    gen=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$build/CMakeCache.txt")
    if [[ $home != "$root" || $gen != Ninja ]]; then
        echo "run-demo: $build/CMakeCache.txt is from '$home' ($gen); starting afresh"
        rm -rf "$build/CMakeCache.txt" "$build/CMakeFiles"
    fi
fi
# The demo needs the program only: no tests (Catch2 is a test dependency).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLFRPLAN_BUILD_TESTS=OFF \
    -DLFRPLAN_SANITIZE=OFF -DLFRPLAN_FUZZ=OFF
cmake --build "$build" -j "$jobs"

echo
echo "==== run-demo: $build/app/lfrplan demo $*"
exec "$build/app/lfrplan" demo "$@"
