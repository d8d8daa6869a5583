#!/usr/bin/env bash
# Applies .clang-format to every tracked C++ file, or checks it.
#
#   packaging/format.sh          # rewrite files in place
#   packaging/format.sh --check  # CI: fail (listing the files) if any file is not formatted
#
# Only files tracked by git are touched (build folders are skipped even if
# someone committed one). CLANG_FORMAT overrides the binary.
set -euo pipefail

cd "$(dirname "$0")/.."

mode=fix
case ${1:-} in
"") ;;
--check) mode=check ;;
*)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac

clang_format=${CLANG_FORMAT:-clang-format}
command -v "$clang_format" >/dev/null ||
    { echo "format: $clang_format not found (packaging/bootstrap-deps.sh test installs it)" >&2; exit 1; }
command -v git >/dev/null || { echo "format: git not found" >&2; exit 1; }

files=()
while IFS= read -r -d '' f; do
    case $f in
    build/* | build-*/*) continue ;; # generated, never ours to format
    esac
    [[ -f $f ]] && files+=("$f")
done < <(git ls-files -z -- '*.cpp' '*.h')

if [[ ${#files[@]} -eq 0 ]]; then
    echo "format: no tracked C++ files"
    exit 0
fi

if [[ $mode == fix ]]; then
    "$clang_format" -i --style=file -- "${files[@]}"
    echo "format: formatted ${#files[@]} files with $("$clang_format" --version | head -n1)"
    exit 0
fi

bad=()
for f in "${files[@]}"; do
    if ! "$clang_format" --dry-run --Werror --style=file -- "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done

if [[ ${#bad[@]} -ne 0 ]]; then
    echo "format: ${#bad[@]} of ${#files[@]} files are not clang-formatted:" >&2
    for f in "${bad[@]}"; do
        echo "  $f" >&2
        "$clang_format" --dry-run --Werror --style=file -- "$f" 2>&1 | head -n 6 | sed 's/^/    /' >&2 || true
    done
    echo "format: run packaging/format.sh and commit the result" >&2
    exit 1
fi
echo "format: all ${#files[@]} tracked C++ files are clang-formatted"
