#!/usr/bin/env bash
# The project's whole test run (what CI runs through .ci/run):
#
#   0. format  clang-format check of every tracked C++ file
#   1. ci      warnings-as-errors build into build-ci/, ctest (UI tests on the
#              offscreen platform included)
#   2. package the .deb from build-ci/ (CPack), unpacked into a scratch root:
#              the installed CLI and app run on the installed demo, lintian
#              without errors (packaging/test-package.sh)
#   3. asan    ASan+UBSan build (LFRPLAN_SANITIZE=ON, no UI) into build-asan/, ctest
#   4. fuzz    libFuzzer build with clang into build-fuzz/, fuzz the scenario
#              and records readers for LFRPLAN_FUZZ_SECONDS (half each) over
#              scratch copies of their seed corpora
#   5. deps    every package the builds and scripts used is in the set-up's
#              lists' no-recommends closure (packaging/check-deps.py): the
#              demo build's configuration (build-deps-demo/, as run-demo.sh
#              configures it) and the product's headers and libraries in
#              build-ci/ against the 'build' list; the tests', build-asan/'s
#              and build-fuzz/'s against the 'test' list; the programs the
#              scripts and tests run. Then the same check without
#              libqt6opengl6-dev must fail, naming it: the check has teeth.
#
# Any failure stops the run with a non-zero exit. Environment:
#   LFRPLAN_FUZZ_SECONDS  fuzzing time in seconds (default 60)
#   LFRPLAN_JOBS          build and ctest parallelism (default 2)
#   LFRPLAN_ASAN_CXX      compiler for the sanitizer build (default g++)
#   LFRPLAN_STAGES        for local use: a subset, e.g. "format ci" (default: all)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# Debian's programs first: the set-up installs and vouches for those, not for
# a python3, cmake or compiler a user put earlier on PATH (pyenv, /usr/local,
# ~/.cargo). What passes here then passes on a fresh machine.
export PATH="/usr/sbin:/usr/bin:/sbin:/bin${PATH:+:$PATH}"

jobs=${LFRPLAN_JOBS:-2}
fuzz_seconds=${LFRPLAN_FUZZ_SECONDS:-60}
asan_cxx=${LFRPLAN_ASAN_CXX:-g++}
all_stages="format ci package asan fuzz deps"
stages=${LFRPLAN_STAGES:-$all_stages}

die()
{
    echo "run-tests: error: $*" >&2
    exit 1
}

[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "LFRPLAN_JOBS must be a positive integer, not '$jobs'"
[[ $fuzz_seconds =~ ^[1-9][0-9]*$ ]] || die "LFRPLAN_FUZZ_SECONDS must be a positive integer, not '$fuzz_seconds'"
for s in $stages; do
    [[ " $all_stages " == *" $s "* ]] || die "unknown stage '$s' in LFRPLAN_STAGES (stages: $all_stages)"
done

want()
{
    [[ " $stages " == *" $1 "* ]]
}

stage=bootstrap
run_start=$SECONDS
scratch=""
summary=()
total_passed=0
total_failed=0

on_exit()
{
    local rc=$?
    [[ -n $scratch && -d $scratch ]] && rm -rf "$scratch"
    if [[ $rc -ne 0 ]]; then
        echo "run-tests: FAILED in stage '$stage' (exit $rc) after $((SECONDS - run_start)) s" >&2
    fi
}
trap on_exit EXIT

banner()
{
    stage=$1
    stage_start=$SECONDS
    echo
    echo "==== run-tests: stage '$1': $2"
}

stage_done()
{
    local line="$stage: $1 ($((SECONDS - stage_start)) s)"
    summary+=("$line")
    echo "==== run-tests: $line"
}

# ccache (used by CMakeLists.txt when installed): key on paths relative to
# the checkout so CI's fresh clones in new folders still hit the cache.
if command -v ccache >/dev/null; then
    export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
    export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
# UI tests never need a display.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

# Configures dir with Ninja. A cache left by another checkout or generator
# (e.g. a build folder copied or committed from elsewhere) is dropped first.
configure()
{
    local dir=$1
    shift
    if [[ -f $dir/CMakeCache.txt ]]; then
        local home gen
        home=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$dir/CMakeCache.txt")
        gen=$(sed -n 's/^CMAKE_GENERATOR:INTERNAL=//p' "$dir/CMakeCache.txt")
        if [[ $home != "$root" || $gen != Ninja ]]; then
            echo "run-tests: $dir/CMakeCache.txt is from '$home' ($gen); starting that folder afresh"
            rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
        fi
    fi
    cmake -S "$root" -B "$dir" -G Ninja "$@"
}

# Runs ctest in dir; adds its counts to the totals and sets ctest_result.
run_ctest()
{
    local dir=$1
    local log=$dir/ctest.log
    ctest --test-dir "$dir" --output-on-failure --no-tests=error -j "$jobs" 2>&1 | tee "$log"
    local line failed total
    line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1 || true)
    [[ -n $line ]] || die "could not read ctest's result line in $log"
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
    total_passed=$((total_passed + total - failed))
    total_failed=$((total_failed + failed))
    ctest_result="$((total - failed))/$total tests passed"
}

echo "==== run-tests: $(date -u '+%Y-%m-%dT%H:%M:%SZ') in $root (jobs $jobs, stages: $stages)"
bash "$root/packaging/bootstrap-deps.sh" test

# ---------------------------------------------------------------- format
if want format; then
    banner format "clang-format --dry-run --Werror on tracked sources"
    bash "$root/packaging/format.sh" --check
    stage_done "ok"
fi

# ---------------------------------------------------------------- ci
if want ci; then
    banner ci "warnings as errors, build-ci/"
    configure build-ci -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLFRPLAN_WERROR=ON -DLFRPLAN_BUILD_TESTS=ON \
        -DLFRPLAN_SANITIZE=OFF -DLFRPLAN_FUZZ=OFF
    cmake --build build-ci -j "$jobs"
    run_ctest build-ci
    stage_done "$ctest_result"
fi

# ---------------------------------------------------------------- package
if want package; then
    banner package "the .deb from build-ci/: install into a scratch root, run, lintian"
    [[ -x build-ci/app/lfrplan ]] || die "the package stage needs the ci stage's build-ci/"
    bash "$root/packaging/test-package.sh" build-ci
    stage_done "built, ran from the unpacked package, lintian without errors"
fi

# ---------------------------------------------------------------- asan
if want asan; then
    banner asan "ASan+UBSan with $asan_cxx, build-asan/"
    (
        # Also in force while building: catch_discover_tests runs the test
        # binary at build time.
        export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
        export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
        # Debug (-O0): GCC 12's flow-based warnings (-Wmaybe-uninitialized)
        # give false positives on ASan-instrumented optimised code (e.g.
        # in <regex>, used by Catch2's main), which -Werror would turn
        # into a failed build. -O0 also gives the clearest reports.
        configure build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$asan_cxx" \
            -DLFRPLAN_SANITIZE=ON -DLFRPLAN_WERROR=ON -DLFRPLAN_BUILD_UI=OFF -DLFRPLAN_BUILD_TESTS=ON \
            -DLFRPLAN_FUZZ=OFF
        cmake --build build-asan -j "$jobs"
        run_ctest build-asan
        echo "$total_passed $total_failed $ctest_result" >build-asan/.run-tests-result
    )
    read -r total_passed total_failed ctest_result_rest <build-asan/.run-tests-result
    stage_done "${ctest_result_rest}"
fi

# ---------------------------------------------------------------- fuzz
if want fuzz; then
    banner fuzz "libFuzzer on the scenario and records readers for $fuzz_seconds s, build-fuzz/"
    command -v clang++ >/dev/null || die "clang++ not found (packaging/bootstrap-deps.sh test installs clang)"
    configure build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
        -DLFRPLAN_FUZZ=ON -DLFRPLAN_BUILD_TESTS=ON -DLFRPLAN_BUILD_UI=OFF -DLFRPLAN_SANITIZE=OFF
    cmake --build build-fuzz -j "$jobs" --target fuzz_scenario_reader fuzz_records_reader

    # Each target in turn, half the time each. The fuzzer adds what it finds
    # to its first corpus folder: give it a scratch copy so the checkout is
    # never modified.
    mkdir -p build-fuzz/fuzz-artifacts
    fuzz_summary=""
    for target in scenario_reader records_reader; do
        case $target in
        scenario_reader) corpus=$root/tests/fuzz/corpus dict=(-dict="$root/tests/fuzz/scenario.dict") ;;
        records_reader) corpus=$root/tests/fuzz/records-corpus dict=() ;;
        esac
        scratch=$(mktemp -d "${TMPDIR:-/tmp}/lfrplan-fuzz.XXXXXX")
        mkdir -p "$scratch/corpus"
        cp -R "$corpus/." "$scratch/corpus/"
        seeds=$(find "$scratch/corpus" -type f | wc -l)
        [[ $seeds -gt 0 ]] || die "no seed inputs in $corpus"
        seconds=$(((fuzz_seconds + 1) / 2))
        fuzz_log=build-fuzz/fuzz-$target.log
        echo "run-tests: fuzzing $target for $seconds s from $seeds seeds; log in $fuzz_log"
        fuzz_rc=0
        "build-fuzz/tests/fuzz/fuzz_$target" "${dict[@]}" \
            -max_total_time="$seconds" \
            -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
            -print_final_stats=1 \
            -artifact_prefix="$root/build-fuzz/fuzz-artifacts/" \
            "$scratch/corpus" >"$fuzz_log" 2>&1 || fuzz_rc=$?
        if [[ $fuzz_rc -ne 0 ]]; then
            tail -n 80 "$fuzz_log" >&2
            echo "run-tests: the fuzzer found a problem (exit $fuzz_rc); reproduce with:" >&2
            echo "  build-fuzz/tests/fuzz/fuzz_$target build-fuzz/fuzz-artifacts/<file>" >&2
            exit "$fuzz_rc"
        fi
        grep -E '^(Dictionary:|INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE))|^stat::' "$fuzz_log" || true
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$fuzz_log" | tail -n1)
        [[ -n $runs && $runs -gt 0 ]] || die "the fuzzer ran no input (see $fuzz_log)"
        fuzz_summary+="$target: $runs inputs in $seconds s; "
    done
    stage_done "${fuzz_summary}no finding"
fi

# ---------------------------------------------------------------- deps
if want deps; then
    banner deps "everything used comes from packaging/bootstrap-deps.sh's lists"
    mkdir -p build-deps-demo
    bash "$root/packaging/run-demo.sh" --configure-only build-deps-demo >build-deps-demo/configure.log 2>&1 || {
        cat build-deps-demo/configure.log >&2
        die "configuring the demo build failed"
    }
    deps_args=(--configured-dir build:build-deps-demo)
    # Each build folder this run built must be there to be checked; one
    # left by an earlier run is checked too.
    for entry in ci:build-ci:build asan:build-asan:test fuzz:build-fuzz:test; do
        IFS=: read -r built_by dir set <<<"$entry"
        if [[ -f $dir/build.ninja && -f $dir/.ninja_deps ]]; then
            deps_args+=(--build-dir "$set:$dir")
        elif want "$built_by"; then
            die "the deps stage needs $dir/, which the $built_by stage should have built"
        fi
    done
    # Programs run by run-demo.sh (build), and by run-tests.sh, format.sh,
    # test-package.sh, tests/pg/pg-cluster.sh and the tests (test).
    for tool in bash cmake ninja ccache sed; do
        deps_args+=(--tool "build:$tool")
    done
    for tool in git clang-format clang++ ctest cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate \
        file cbc python3 psql runuser apt-cache dpkg-query xvfb-run pdftotext pdffonts soffice; do
        deps_args+=(--tool "test:$tool")
    done
    for tool in /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_ctl; do
        deps_args+=(--tool "test:$tool")
    done
    deps_args+=(--python-module test:icalendar --python-module test:openpyxl)
    # Fonts the roster PDF falls back to, found through fontconfig at run time.
    deps_args+=(--file build:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)
    deps_args+=(--file build:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
    deps_args+=(--file build:/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf)
    # Runtimes the compiler drivers link by themselves (-fsanitize=...):
    # in no build log, so named here.
    deps_args+=(--file "test:$(g++ -print-file-name=libasan.so)" --file "test:$(g++ -print-file-name=libubsan.so)")
    deps_args+=(--file "test:$(clang++ -print-resource-dir)/lib/linux/libclang_rt.fuzzer-x86_64.a")
    python3 "$root/packaging/check-deps.py" "${deps_args[@]}"

    # The check must fail when a package it needs is missing from the list.
    teeth_rc=0
    python3 "$root/packaging/check-deps.py" --configured-dir build:build-deps-demo --without libqt6opengl6-dev \
        >build-deps-demo/teeth.log 2>&1 || teeth_rc=$?
    if [[ $teeth_rc -ne 1 ]] || ! grep -q 'FAIL \[build\] package libqt6opengl6-dev ' build-deps-demo/teeth.log; then
        cat build-deps-demo/teeth.log >&2
        die "check-deps did not fail (exit $teeth_rc) with libqt6opengl6-dev left out of the lists"
    fi
    echo "run-tests: without libqt6opengl6-dev the check fails as it must:" \
        "$(grep -c 'FAIL' build-deps-demo/teeth.log) failure(s)"
    stage_done "every package used is in the lists' closure; a missing one is caught"
fi

# ---------------------------------------------------------------- summary
echo
echo "==== run-tests: summary ($((SECONDS - run_start)) s)"
for line in "${summary[@]}"; do
    echo "  $line"
done
for s in $all_stages; do
    want "$s" || echo "  $s: SKIPPED (LFRPLAN_STAGES)"
done
echo "run-tests: $total_passed passed, $total_failed failed"
