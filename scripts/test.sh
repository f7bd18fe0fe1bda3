#!/usr/bin/env bash
# Sets up, then runs every test: C unit tests (plain and under ASan+UBSan), the CLI
# tests, the sample-data tests and the QGIS plugin tests (real QGIS, headless).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== C style (clang-format, the project's .clang-format)"
find core bench -name '*.[ch]' -print0 | xargs -0 clang-format --dry-run --Werror

echo "== C unit tests"
ctest --test-dir build --output-on-failure

echo "== C unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -DGUOTU_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j"$(nproc)" >/dev/null
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure

echo "== Fuzzing the parsers of untrusted bytes (WKB, CSV tables), 20 s each (scripts/fuzz.sh SECONDS by hand)"
bash scripts/fuzz.sh 20

echo "== CLI tests against the sanitizer build (leaks and undefined behaviour in the adapters too)"
GUOTU_CLI=build-asan/core/guotu ASAN_OPTIONS=detect_leaks=1 \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider tests/cli

# Separate processes: the CLI tests switch GDAL's Python bindings to exceptions for their
# process, and the plugin suite runs a QGIS application with worker threads of its own.
export QT_QPA_PLATFORM=offscreen
echo "== CLI and sample-data tests"
/usr/bin/python3 -m pytest -q -p no:cacheprovider tests/cli tests/test_sample_data.py
echo "== QGIS plugin tests (real QGIS, headless; one test starts the desktop under Xvfb)"
/usr/bin/python3 -m pytest -q -p no:cacheprovider tests/plugin
