#!/usr/bin/env bash
# Runs a test program as an unprivileged user, for the tests of file modes,
# read-only files and locks: root ignores permissions, so they prove nothing
# as root.
#
#   bash tests/as-nonroot.sh PROGRAM [ARGUMENTS...]
#
# As root, PROGRAM runs as nobody (uid and gid 65534, no other groups); as
# any other user, it runs as that user. Either way it gets a fresh private
# TMPDIR (mode 0700, owned by the user it runs as) for its scratch folders,
# removed afterwards, and runs from there. The exit status is PROGRAM's: pass
# Catch's --warn NoTests so that running no test at all fails.
set -euo pipefail

if [ "$#" -lt 1 ]; then
    echo "usage: bash $0 PROGRAM [ARGUMENTS...]" >&2
    exit 2
fi
program=$1
shift
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
test_data="$here/data"

if [ ! -x "$program" ]; then
    echo "as-nonroot.sh: $program does not exist or is not executable (build it first)" >&2
    exit 2
fi
# It runs from its scratch folder: name it from anywhere.
case "$program" in
/*) ;;
*) program="$(cd "$(dirname "$program")" && pwd)/$(basename "$program")" ;;
esac

keep_env=(PATH="${PATH:-/usr/bin:/bin}")
for name in LANG LC_ALL TZ; do
    if [ -n "${!name:-}" ]; then
        keep_env+=("$name=${!name}")
    fi
done

if [ "$(id -u)" -ne 0 ]; then
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/lfrplan-nonroot-XXXXXX")
    trap 'chmod -R u+rwx "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
    chmod 0700 "$scratch"
    echo "as-nonroot.sh: running as $(id -un) (uid $(id -u)), scratch folders in $scratch" >&2
    set +e
    (cd "$scratch" && env -i "${keep_env[@]}" HOME="$scratch" TMPDIR="$scratch" "$program" "$@")
    status=$?
    set -e
    exit "$status"
fi

uid=65534
gid=65534
if ! command -v setpriv >/dev/null 2>&1; then
    echo "as-nonroot.sh: setpriv (util-linux) is needed to run the tests as user $uid" >&2
    exit 2
fi
as_user=(setpriv --reuid="$uid" --regid="$gid" --clear-groups)

# Everything the tests read must be reachable by that user: name the first
# folder on the way that is not, rather than letting tests fail obscurely.
check_reachable() {
    local what=$1 path=$2 test_op=$3 walk=""
    if "${as_user[@]}" test "$test_op" "$path"; then
        return 0
    fi
    local IFS=/
    for part in $path; do
        [ -z "$part" ] && continue
        walk="$walk/$part"
        if [ -d "$walk" ] && ! "${as_user[@]}" test -x "$walk"; then
            echo "as-nonroot.sh: user $uid cannot reach $what ($path): the folder $walk is not open to it" \
                "(mode $(stat -c %a "$walk"), owner $(stat -c %U "$walk")); give others search permission" \
                "(chmod o+x $walk) or build in a folder they can reach" >&2
            exit 1
        fi
    done
    echo "as-nonroot.sh: user $uid cannot use $what ($path): mode $(stat -c %a "$path")," \
        "owner $(stat -c %U "$path")" >&2
    exit 1
}
check_reachable "the test program" "$program" -x
check_reachable "the test data" "$test_data/small-scenario.json" -r

scratch=$(mktemp -d /tmp/lfrplan-nonroot-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
chown "$uid:$gid" "$scratch"
chmod 0700 "$scratch"
echo "as-nonroot.sh: running as uid $uid, gid $gid, scratch folders in $scratch" >&2
set +e
(cd "$scratch" && env -i "${keep_env[@]}" HOME="$scratch" TMPDIR="$scratch" "${as_user[@]}" "$program" "$@")
status=$?
set -e
exit "$status"
