#!/usr/bin/env bash
# Proves the README's set-up on a machine that has only what the set-up
# installs: a minimal Debian 12 root made with debootstrap (Priority
# 'required' packages and apt, nothing else), a fresh clone of this checkout's
# committed HEAD in it, and the README's commands run inside it with chroot.
#
#   sudo bash packaging/fresh-root-test.sh [options] demo|tests|both
#
#   demo   bash packaging/run-demo.sh: builds, prints the demo summary, and
#          (no display in the root) writes build/demo-screenshot.png
#   tests  CI=true bash packaging/run-tests.sh: the whole test command
#   both   demo, then tests, in the same root
#
# Options:
#   --root DIR     where the root is made (default /var/tmp/lfrplan-fresh-root);
#                  it is made afresh unless --reuse
#   --reuse        reuse DIR's root if debootstrap already completed there
#   --ccache DIR   share a compiler cache folder with the root (faster; the
#                  cache holds compiled objects only, never a package, so a
#                  missing header still fails the build). Default: none, a
#                  cold build
#   --results DIR  where logs and the screenshot are copied (default
#                  build-fresh-root/ in this checkout)
#
# The Debian mirror is the host's own (its apt sources), or
# LFRPLAN_DEBIAN_MIRROR. Needs root (debootstrap, chroot, mount); installs
# debootstrap on the host if it is missing. Takes a while: the demo from a
# cold root about 10 to 15 minutes on 2 cores, the tests much longer. Not a
# stage of the test command for that reason; run it by hand before changing
# the set-up lists, and after.
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
root=/var/tmp/lfrplan-fresh-root
reuse=0
ccache_dir=""
results=$src/build-fresh-root
what=""

die()
{
    echo "fresh-root: error: $*" >&2
    exit 1
}
log() { echo "==== fresh-root: $*"; }

while [[ $# -gt 0 ]]; do
    case $1 in
    --root) root=${2:?--root needs a folder}; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --ccache) ccache_dir=${2:?--ccache needs a folder}; shift 2 ;;
    --results) results=${2:?--results needs a folder}; shift 2 ;;
    demo | tests | both) what=$1; shift ;;
    *) die "unknown argument '$1' (usage: $0 [--root DIR] [--reuse] [--ccache DIR] [--results DIR] demo|tests|both)" ;;
    esac
done
[[ -n $what ]] || die "say what to run: demo, tests or both"
[[ $(id -u) -eq 0 ]] || die "needs root (debootstrap, chroot and mounts): sudo bash $0 ..."
[[ $root == /* && $root != / ]] || die "--root must be an absolute folder, not '$root'"
git -C "$src" rev-parse --verify HEAD >/dev/null || die "$src is not a git checkout with a commit"

# The host's Debian mirror, from its apt sources (deb822 or one-line style).
mirror_of()
{
    local suite=$1
    local found=""
    if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
        found=$(awk -v suite="$suite" '
            /^URIs:/ { uri = $2 }
            /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite) { print uri; exit } }
        ' /etc/apt/sources.list.d/*.sources)
    fi
    if [[ -z $found && -f /etc/apt/sources.list ]]; then
        found=$(awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }' /etc/apt/sources.list)
    fi
    echo "$found"
}
mirror=${LFRPLAN_DEBIAN_MIRROR:-$(mirror_of bookworm)}
security=${LFRPLAN_DEBIAN_SECURITY_MIRROR:-$(mirror_of bookworm-security)}
[[ -n $mirror ]] || die "no bookworm mirror in the host's apt sources: set LFRPLAN_DEBIAN_MIRROR"

if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap on the host"
    DEBIAN_FRONTEND=noninteractive apt-get -y -q install --no-install-recommends debootstrap >/dev/null ||
        die "could not install debootstrap"
fi

mounted=()
cleanup()
{
    local m
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        m=${mounted[i]}
        umount -l "$m" 2>/dev/null || true
    done
}
trap cleanup EXIT

mount_in_root()
{
    local target=$root$2
    mkdir -p "$target"
    mount "${@:3}" "$1" "$target"
    mounted+=("$target")
}

start=$SECONDS
if [[ $reuse -eq 1 && -f $root/.lfrplan-debootstrap-done ]]; then
    log "reusing the root in $root"
else
    # Never remove a folder through a mount still in it.
    if grep -q " $root/" /proc/mounts; then die "something is still mounted under $root"; fi
    rm -rf "$root"
    mkdir -p "$root"
    log "debootstrap --variant=minbase bookworm $root (mirror from the host's apt sources)"
    debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
        tail -n 30 "$root.debootstrap.log" >&2
        die "debootstrap failed (log: $root.debootstrap.log)"
    }
    {
        echo "deb $mirror bookworm main"
        echo "deb $mirror bookworm-updates main"
        [[ -n $security ]] && echo "deb $security bookworm-security main"
    } >"$root/etc/apt/sources.list"
    touch "$root/.lfrplan-debootstrap-done"
    log "root made in $((SECONDS - start)) s: $(chroot "$root" dpkg-query -W -f='.\n' | wc -l) packages"
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"

mount_in_root proc /proc -t proc
mount_in_root sysfs /sys -t sysfs
mount_in_root /dev /dev --bind
mount_in_root devpts /dev/pts -t devpts -o newinstance,ptmxmode=0666
mount_in_root tmpfs /dev/shm -t tmpfs
if [[ -n $ccache_dir ]]; then
    mkdir -p "$ccache_dir"
    mount_in_root "$(cd "$ccache_dir" && pwd)" /root/.cache/ccache --bind
fi

# A fresh clone of what is committed: nothing uncommitted, no build folder.
rm -rf "$root/home/tester/lfrplan"
mkdir -p "$root/home/tester"
git clone --quiet "$src" "$root/home/tester/lfrplan"
log "cloned $(git -C "$root/home/tester/lfrplan" log --oneline -1)"

mkdir -p "$results"
in_root()
{
    chroot "$root" env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb "$@"
}

status=0
if [[ $what == demo || $what == both ]]; then
    log "in the root: bash packaging/run-demo.sh (log: $results/demo.log)"
    t=$SECONDS
    rc=0
    in_root bash -c 'cd /home/tester/lfrplan && bash packaging/run-demo.sh' >"$results/demo.log" 2>&1 || rc=$?
    cp -f "$root/home/tester/lfrplan/build/demo-screenshot.png" "$results/" 2>/dev/null || true
    if [[ $rc -eq 0 && -s $results/demo-screenshot.png ]]; then
        log "demo: ok in $((SECONDS - t)) s; screenshot in $results/demo-screenshot.png"
    else
        tail -n 40 "$results/demo.log" >&2
        log "demo: FAILED (exit $rc) after $((SECONDS - t)) s"
        status=1
    fi
fi
if [[ $what == tests || $what == both ]]; then
    log "in the root: CI=true bash packaging/run-tests.sh (log: $results/tests.log)"
    t=$SECONDS
    rc=0
    in_root bash -c 'cd /home/tester/lfrplan && CI=true bash packaging/run-tests.sh' >"$results/tests.log" 2>&1 ||
        rc=$?
    if [[ $rc -eq 0 ]]; then
        log "tests: ok in $((SECONDS - t)) s: $(grep -E '^run-tests: [0-9]+ passed' "$results/tests.log" || true)"
    else
        tail -n 60 "$results/tests.log" >&2
        log "tests: FAILED (exit $rc) after $((SECONDS - t)) s"
        status=1
    fi
fi
in_root dpkg-query -W -f='${Package} ${Version}\n' >"$results/packages.txt"
log "the root now has $(wc -l <"$results/packages.txt") packages (list: $results/packages.txt)"
log "$((SECONDS - start)) s in all"
exit "$status"
