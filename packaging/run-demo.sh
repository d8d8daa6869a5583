#!/usr/bin/env bash
# Builds lfrplan (RelWithDebInfo, Ninja, into build/), prints the demo week's
# summary with the command-line tool, then starts the desktop app on the demo
# week (copied on first start into the user's data location, never edited in
# place). (-O2: at -O3 gcc 12 prints false -Wrestrict warnings on std::string.)
#
#   bash packaging/run-demo.sh            # summary, then the app
#   bash packaging/run-demo.sh ARGS...    # extra arguments go to the app
#   bash packaging/run-demo.sh --configure-only DIR
#                  # install the 'build' packages and configure DIR exactly
#                  # as the demo build is, nothing more (the test command's
#                  # 'deps' stage checks what that configuration finds)
#
# Without a display (no DISPLAY or WAYLAND_DISPLAY), or with
# QT_QPA_PLATFORM=offscreen, the app solves the demo week, renders its
# window at 1366x768 to build/demo-screenshot.png and exits.
#
# LFRPLAN_JOBS sets the build parallelism (default 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# Debian's programs first: the set-up installs and vouches for those, not for
# a python3, cmake or compiler a user put earlier on PATH (pyenv, /usr/local,
# ~/.cargo). What passes here then passes on a fresh machine.
export PATH="/usr/sbin:/usr/bin:/sbin:/bin${PATH:+:$PATH}"
jobs=${LFRPLAN_JOBS:-2}
build=build
configure_only=0
if [[ ${1:-} == --configure-only ]]; then
    [[ $# -eq 2 ]] || {
        echo "usage: $0 --configure-only BUILD_DIR" >&2
        exit 2
    }
    configure_only=1
    build=$2
    shift 2
fi

bash "$root/packaging/bootstrap-deps.sh" build

if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
    export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi

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
[[ $configure_only -eq 0 ]] || exit 0
cmake --build "$build" -j "$jobs"

echo
echo "==== run-demo: $build/app/lfrplan demo"
"$build/app/lfrplan" demo

echo
if [[ ${QT_QPA_PLATFORM:-} == offscreen || ( -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ) ]]; then
    echo "==== run-demo: no display; the app solves the demo week and renders its window"
    QT_QPA_PLATFORM=offscreen exec "$build/app/lfrplan-gui" --screenshot "$build/demo-screenshot.png" --solve "$@"
fi
echo "==== run-demo: $build/app/lfrplan-gui $*"
exec "$build/app/lfrplan-gui" "$@"
