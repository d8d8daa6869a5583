#!/usr/bin/env bash
# Installs the Debian 12 (bookworm) packages lfrplan needs, and only those
# that are missing. Idempotent: when everything is present it asks dpkg once
# and exits, without touching apt.
#
#   packaging/bootstrap-deps.sh build   # compile and run the program
#   packaging/bootstrap-deps.sh test    # build set + test, sanitizer, fuzz and format tools
#   packaging/bootstrap-deps.sh --print build|test   # the list, one name a line
#
# Runs apt-get as root, or through sudo when not root. Packages are installed
# with --no-install-recommends, so every package the build or a script uses
# must be in a list here or be a dependency (not a recommendation) of one:
# the run-tests stage 'deps' (packaging/check-deps.py) checks exactly that.
set -euo pipefail

usage()
{
    echo "usage: $0 [--print] build|test" >&2
    exit 2
}

print_only=0
if [[ ${1:-} == --print ]]; then
    print_only=1
    shift
fi
[[ $# -eq 1 ]] || usage
set_name=$1

# The printable roster's fonts (lfrplan export-pdf, ui/roster_pdf.cpp):
# DejaVu Sans for Latin, Greek and Cyrillic; WenQuanYi Micro Hei (5 MB
# installed) for Chinese, Japanese and Korean names; Symbola (3 MB) for
# emoji in black and white (outlines, embedded like any text; colour emoji
# fonts are bitmaps). Without them such names print as gaps or boxes, with
# a warning naming them.
# Debian 12 names. Qt Charts' dev package is qt6-charts-dev in bookworm
# (libqt6charts6-dev is only a virtual name that it provides). Qt Charts'
# CMake package needs Qt6OpenGL and Qt6OpenGLWidgets, which are in
# libqt6opengl6-dev: qt6-base-dev only recommends it.
build_packages=(
    cmake
    ninja-build
    g++
    ccache
    pkg-config
    git
    qt6-base-dev
    qt6-charts-dev
    libqt6opengl6-dev
    libsqlite3-dev
    sqlite3
    libpq-dev
    libssl-dev
    libboost-graph-dev
    coinor-libclp-dev
    nlohmann-json3-dev
    python3
    xvfb
    xauth
    fonts-dejavu-core
    fonts-wqy-microhei
    fonts-symbola
)

# clang's own archiver and linker: CMake takes llvm-ar and ld.lld for the
# fuzz build whenever they are installed, so they are listed to make every
# machine build it alike (the deps stage found them used, unlisted).
test_packages=(
    "${build_packages[@]}"
    catch2
    clang
    libclang-rt-14-dev
    llvm-14
    lld-14
    clang-format
    clang-tidy
    coinor-cbc
    python3-icalendar
    dpkg-dev
    file
    lintian
    desktop-file-utils
    postgresql
    poppler-utils
    libreoffice-calc-nogui
    python3-openpyxl
)

case $set_name in
build) wanted=("${build_packages[@]}") ;;
test) wanted=("${test_packages[@]}") ;;
*) usage ;;
esac

if [[ $print_only -eq 1 ]]; then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

log() { echo "bootstrap-deps: $*"; }
die()
{
    echo "bootstrap-deps: error: $*" >&2
    exit 1
}

if [[ -r /etc/os-release ]]; then
    # shellcheck disable=SC1091
    . /etc/os-release
    if [[ ${ID:-} != debian || ${VERSION_ID:-} != 12 ]]; then
        log "warning: written for Debian 12; this is ${PRETTY_NAME:-unknown} (trying anyway)"
    fi
fi

command -v dpkg-query >/dev/null || die "dpkg-query not found: this script needs Debian 12 (apt/dpkg)"

# One dpkg-query call for all packages. Unknown packages make dpkg-query
# exit non-zero and print nothing for them, so read status per line.
missing=()
declare -A installed=()
while IFS=' ' read -r name status; do
    [[ $status == installed ]] && installed[$name]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)
for pkg in "${wanted[@]}"; do
    [[ -n ${installed[$pkg]:-} ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    log "all ${#wanted[@]} '$set_name' packages are installed; nothing is missing"
    exit 0
fi

log "missing '$set_name' packages: ${missing[*]}"

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and sudo is not installed; install as root: apt-get install ${missing[*]}"
    sudo_cmd=(sudo)
fi

apt_env=(env DEBIAN_FRONTEND=noninteractive)
apt_opts=(-y -q -o DPkg::Lock::Timeout=300)

log "running apt-get update"
if ! "${sudo_cmd[@]}" "${apt_env[@]}" apt-get "${apt_opts[@]}" update; then
    die "apt-get update failed (network or apt sources?); cannot install: ${missing[*]}"
fi

log "installing: ${missing[*]}"
if ! "${sudo_cmd[@]}" "${apt_env[@]}" apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"; then
    die "apt-get install failed for: ${missing[*]} (see apt's message above)"
fi

# Check again: apt can succeed without installing a name it resolved to
# another package.
still=()
for pkg in "${missing[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] || still+=("$pkg")
done
[[ ${#still[@]} -eq 0 ]] || die "still not installed after apt-get: ${still[*]}"

log "installed ${#missing[@]} package(s); all '$set_name' packages present"
