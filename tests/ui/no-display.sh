#!/usr/bin/env bash
# lfrplan-gui with no display at all (no DISPLAY, WAYLAND_DISPLAY or
# QT_QPA_PLATFORM), as on a server or in a fresh terminal:
#   - --help and --version print and exit 0;
#   - a plain start says how to run the app and exits 1, never aborting in
#     Qt's platform plugin;
#   - --screenshot needs no display: it writes the picture.
#
#   tests/ui/no-display.sh PATH/TO/lfrplan-gui
set -euo pipefail

gui=${1:?usage: $0 PATH/TO/lfrplan-gui}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lfrplan-no-display.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fails=0

fail()
{
    echo "no-display: FAIL: $*" >&2
    fails=$((fails + 1))
}

# A scratch home: the app's workspace database and settings go there.
run()
{
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM \
        HOME="$scratch/home" XDG_DATA_HOME="$scratch/home/.local/share" XDG_CONFIG_HOME="$scratch/home/.config" \
        XDG_RUNTIME_DIR="$scratch/runtime" "$gui" "$@" >"$scratch/out" 2>"$scratch/err"
}
mkdir -p "$scratch/home" "$scratch/runtime"
chmod 700 "$scratch/runtime"

# 1. --help and -h print the usage and exit 0.
for flag in --help -h; do
    rc=0
    run "$flag" || rc=$?
    [[ $rc -eq 0 ]] || fail "$flag exited $rc: $(head -c 400 "$scratch/err")"
    grep -q -- '--screenshot' "$scratch/out" || fail "$flag did not print the options: $(head -c 400 "$scratch/out")"
done

# 2. --version prints the version and exits 0.
rc=0
run --version || rc=$?
[[ $rc -eq 0 ]] || fail "--version exited $rc: $(head -c 400 "$scratch/err")"
grep -Eq '^lfrplan [0-9]+\.[0-9]+' "$scratch/out" || fail "--version printed '$(head -c 200 "$scratch/out")'"

# 3. A plain start explains and exits 1 (a Qt abort is 134, a crash more).
rc=0
run || rc=$?
[[ $rc -eq 1 ]] || fail "a start without a display exited $rc, not 1: $(head -c 400 "$scratch/err")"
grep -q 'no display' "$scratch/err" || fail "a start without a display did not say so: $(head -c 400 "$scratch/err")"
grep -q 'xvfb-run' "$scratch/err" || fail "a start without a display did not say how to run it"
grep -q 'could not connect to display\|platform plugin' "$scratch/err" && fail "Qt's plugin error was shown"

# 4. A screenshot needs no display.
rc=0
run --screenshot "$scratch/app.png" || rc=$?
[[ $rc -eq 0 ]] || fail "--screenshot without a display exited $rc: $(head -c 400 "$scratch/err")"
[[ -s $scratch/app.png ]] || fail "--screenshot without a display wrote no picture"

[[ $fails -eq 0 ]] || exit 1
echo "no-display: lfrplan-gui answers --help and --version, explains a start and draws a screenshot without a display"
