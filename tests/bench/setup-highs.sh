#!/usr/bin/env bash
# Installs HiGHS compiled to WebAssembly (the npm package `highs`) for the
# side-by-side solver benchmark only (docs/benchmarks.md, issue 19). It is
# never a dependency of lfrplan: nothing is built against it, it is not in
# the Debian package, and the set-up does not install it.
#
#   bash tests/bench/setup-highs.sh [DIR]     (default ~/.cache/lfrplan-bench/highs)
#
# DIR then holds node_modules/highs; pass it to bench_solver --highs-dir DIR.
# Needs node and npm (Debian: apt-get install nodejs npm) and the npm
# registry configured for npm.
set -euo pipefail

dir=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/lfrplan-bench/highs}
version=${LFRPLAN_HIGHS_VERSION:-}

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "setup-highs: $tool is not installed (Debian: apt-get install nodejs npm)" >&2
        exit 2
    fi
done

mkdir -p "$dir"
cd "$dir"
if [[ ! -f package.json ]]; then
    printf '{\n  "name": "lfrplan-bench-highs",\n  "private": true,\n  "description": "HiGHS for lfrplan'"'"'s benchmark only"\n}\n' >package.json
fi
npm install --no-audit --no-fund --loglevel=error "highs${version:+@$version}"

# Check that it loads and solves a tiny MILP.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
printf 'Maximize\n obj: x + 2 y\nSubject To\n c1: x + y <= 1.5\nBounds\n 0 <= x <= 1\n 0 <= y <= 1\nGenerals\n y\nEnd\n' >check.lp
node "$here/run-highs.mjs" --highs-dir "$dir" --seconds 10 check.lp
installed=$(node -e 'console.log(require("./node_modules/highs/package.json").version)')
echo "setup-highs: highs $installed in $dir (use: bench_solver --highs-dir $dir)"
