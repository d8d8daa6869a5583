#!/usr/bin/env bash
# Builds lfrplan's .deb from a configured and built build folder, unpacks it
# into a scratch root, runs the installed programs from there (the CLI's
# version and a solve of the installed demo; the desktop app headless, whose
# user database must land in the XDG data folder and never under the
# install prefix), validates the desktop entry and runs lintian, failing on
# any error.
#
#   packaging/test-package.sh BUILD_FOLDER
set -euo pipefail

build=${1:?usage: $0 BUILD_FOLDER}
die()
{
    echo "test-package: error: $*" >&2
    exit 1
}
for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate file; do
    command -v "$tool" >/dev/null || die "$tool not found (packaging/bootstrap-deps.sh test installs it)"
done

cd "$build"
rm -f lfrplan_*.deb
cpack -G DEB >cpack.log 2>&1 || {
    cat cpack.log >&2
    die "cpack failed"
}
deb=$(ls lfrplan_*_amd64.deb)
echo "test-package: built $deb ($(du -h "$deb" | cut -f1))"
echo "test-package: Depends: $(dpkg-deb -f "$deb" Depends)"
for needed in libqt6widgets6 libqt6charts6 libsqlite3-0 libpq5; do
    dpkg-deb -f "$deb" Depends | grep -q "$needed" || die "Depends lacks $needed"
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/lfrplan-package.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$deb" "$scratch/root"
installed=$scratch/root/usr
(cd "$installed" && find . | sort) >"$scratch/files-before"

# The CLI from the installed files, on the installed demo data only.
unset LFRPLAN_DATA_DIR
"$installed/bin/lfrplan" --version
demo=$("$installed/bin/lfrplan" demo --path)
[[ $demo == "$installed/share/lfrplan/demo-week.json" ]] || die "the installed CLI reads $demo, not the installed demo"
"$installed/bin/lfrplan" solve "$demo" -o "$scratch/plan.json" --time-limit 120 >"$scratch/solve.txt"
grep -q '"status": "optimal"' "$scratch/plan.json" || die "the installed demo did not solve to optimality"
echo "test-package: installed lfrplan solved the installed demo: $(grep -m1 -E 'OBJECTIVE|objective' "$scratch/solve.txt" || true)"
"$installed/bin/lfrplan" export-pdf "$demo" "$scratch/plan.json" -o "$scratch/roster.pdf" ||
    die "the installed lfrplan could not write the demo's roster PDF (is libexec/lfrplan/lfrplan-roster-pdf installed?)"
[[ $(head -c 5 "$scratch/roster.pdf") == "%PDF-" ]] || die "the installed export-pdf wrote no PDF"
echo "test-package: installed lfrplan export-pdf wrote a $(stat -c %s "$scratch/roster.pdf")-byte roster PDF"
"$installed/bin/lfrplan" demo --database "$scratch/demo.db" 2>/dev/null
[[ $("$installed/bin/lfrplan" list "$scratch/demo.db" | wc -l) -eq 4 ]] || die "the demo database does not hold 3 scenarios"

# The desktop app, headless: its workspace goes to the XDG data folder.
export HOME=$scratch/home XDG_DATA_HOME=$scratch/home/.local/share XDG_CONFIG_HOME=$scratch/home/.config
export XDG_RUNTIME_DIR=$scratch/runtime QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
"$installed/bin/lfrplan-gui" --screenshot "$scratch/gui.png" --solve 2>"$scratch/gui.log" ||
    {
        cat "$scratch/gui.log" >&2
        die "the installed desktop app failed"
    }
[[ -s $scratch/gui.png ]] || die "the installed desktop app drew nothing"
[[ -f $XDG_DATA_HOME/lfrplan/lfrplan/lfrplan.db ]] || die "no workspace database under \$XDG_DATA_HOME"
# As the desktop entry starts it on a file (Exec=lfrplan-gui %f).
"$installed/bin/lfrplan-gui" "$scratch/demo.db" --scenario "Notting Hill Carnival weekend 2026" \
    --screenshot "$scratch/carnival.png" 2>>"$scratch/gui.log" || die "the app did not open a database given as a file"
(cd "$installed" && find . | sort) >"$scratch/files-after"
diff -u "$scratch/files-before" "$scratch/files-after" || die "running the programs wrote under the install prefix"
echo "test-package: installed lfrplan-gui ran; its database is under \$XDG_DATA_HOME, nothing written under /usr"

desktop-file-validate "$installed/share/applications/lfrplan.desktop"
echo "test-package: lintian:"
lintian --fail-on error --display-info "$deb" 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error "$deb" >/dev/null 2>&1 || die "lintian reports errors"
echo "test-package: ok ($deb: lintian without errors)"
