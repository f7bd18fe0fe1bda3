#!/usr/bin/env bash
# Sets up, then runs every test: C unit tests (plain and under ASan+UBSan), the CLI
# tests, the sample-data tests and the QGIS plugin tests (real QGIS, headless).
#
# Two lines of tests run side by side, one per core: the sanitizer line (the ASan+UBSan build,
# its C unit tests, the fuzzers, the CLI tests against it) and the plain line (CLI, sample data,
# plugin). Neither shares a build folder or a temporary folder with the other. The sanitizer
# line's output is kept in build/sanitizer-tests.log and printed when it ends; the script fails
# if either line fails. GUOTU_TESTS_SEQUENTIAL=1 runs them one after the other.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== C style (clang-format, the project's .clang-format)"
find core bench -name '*.[ch]' -print0 | xargs -0 clang-format --dry-run --Werror

echo "== C unit tests"
ctest --test-dir build --output-on-failure

sanitizer_tests() {
    echo "== C unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
    cmake -S . -B build-asan -DGUOTU_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null || return
    cmake --build build-asan -j"$(nproc)" >/dev/null || return
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure || return

    echo "== Fuzzing the parsers of untrusted bytes (WKB, CSV tables), 20 s each (scripts/fuzz.sh SECONDS by hand)"
    bash scripts/fuzz.sh 20 || return

    echo "== CLI tests against the sanitizer build (leaks and undefined behaviour in the adapters too)"
    GUOTU_CLI=build-asan/core/guotu ASAN_OPTIONS=detect_leaks=1 \
        /usr/bin/python3 -m pytest -q -p no:cacheprovider --basetemp="$sanitizer_tmp" tests/cli
}

# Every step ends its function on failure explicitly: `set -e` does not act inside a function
# called from a `||` list.
# Separate processes: the CLI tests switch GDAL's Python bindings to exceptions for their
# process, and the plugin suite runs a QGIS application with worker threads of its own.
plain_tests() {
    echo "== CLI and sample-data tests"
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest -q -p no:cacheprovider --basetemp="$plain_tmp/cli" \
        tests/cli tests/test_sample_data.py || return
    echo "== QGIS plugin tests (real QGIS, headless; the desktop tests start QGIS under Xvfb)"
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest -q -p no:cacheprovider --basetemp="$plain_tmp/plugin" \
        tests/plugin
}

# Each pytest session its own temporary folder: two sessions at once must not clean up each
# other's numbered folders.
work_tmp=$(mktemp -d "${TMPDIR:-/tmp}/guotu-tests.XXXXXX")
sanitizer_tmp="$work_tmp/sanitizer"
plain_tmp="$work_tmp/plain"
mkdir -p "$plain_tmp"
sanitizer_log=build/sanitizer-tests.log
sanitizer_pid=""
finish() {
    local status=$?
    if [ -n "$sanitizer_pid" ] && kill -0 "$sanitizer_pid" 2>/dev/null; then
        kill -- -"$sanitizer_pid" 2>/dev/null || kill "$sanitizer_pid" 2>/dev/null || true
        wait "$sanitizer_pid" 2>/dev/null || true
    fi
    rm -rf "$work_tmp"
    exit "$status"
}
trap finish EXIT
trap 'exit 130' INT TERM

if [ "${GUOTU_TESTS_SEQUENTIAL:-0}" = 1 ]; then
    sanitizer_tests
    plain_tests
    exit 0
fi

# The sanitizer line in its own process group, so that an interrupted run stops all of it.
set -m
(set -euo pipefail; sanitizer_tests) >"$sanitizer_log" 2>&1 &
sanitizer_pid=$!
set +m
echo "== (the sanitizer line runs beside these; its output follows when both have ended)"

plain_status=0
plain_tests || plain_status=$?

sanitizer_status=0
wait "$sanitizer_pid" || sanitizer_status=$?
sanitizer_pid=""
cat "$sanitizer_log"
if [ "$sanitizer_status" != 0 ]; then
    echo "== the sanitizer line FAILED (exit $sanitizer_status): see above" >&2
fi
if [ "$plain_status" != 0 ]; then
    echo "== the CLI / sample / plugin line FAILED (exit $plain_status)" >&2
fi
[ "$plain_status" = 0 ] && [ "$sanitizer_status" = 0 ]
