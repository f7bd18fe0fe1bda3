#!/usr/bin/env bash
# Fuzzes the parsers that take untrusted bytes: WKB into the core (area, tally: reading,
# repair, overlay) and the CSV tables users may replace (category maps, the conversion policy,
# coefficients, project types). libFuzzer with AddressSanitizer + UndefinedBehaviorSanitizer.
#
#   bash scripts/fuzz.sh [SECONDS]     # each target SECONDS long (default 600; the test command runs 20)
#
# Builds build-fuzz/ with clang, seeds each target from the presets and a few polygons, and
# prints executions per target. Exits non-zero on any finding (the crashing input is left in
# build-fuzz/findings/). The corpus grows in build-fuzz/corpus/ and is reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-600}"
command -v clang >/dev/null || { echo "fuzz: clang is missing (apt-get install clang)" >&2; exit 2; }
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DGUOTU_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" >/dev/null
mkdir -p build-fuzz/corpus/tables build-fuzz/corpus/wkb build-fuzz/findings
# Seeds: every preset table, and polygons as the adapters hand them over (ISO WKB, little and
# big endian, with a hole, a multipolygon, a bow-tie to repair).
find resources/presets -name '*.csv' -exec cp {} build-fuzz/corpus/tables/ \;
/usr/bin/python3 - build-fuzz/corpus/wkb <<'PY'
import sys
from osgeo import ogr
shapes = ["POLYGON((0 0,10 0,10 10,0 10,0 0))",
          "POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))",
          "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
          "POLYGON((0 0,10 10,10 0,0 10,0 0))",
          "POLYGON((39500000 4400000,39500100 4400000,39500100 4400100,39500000 4400000))"]
for i, wkt in enumerate(shapes):
    g = ogr.CreateGeometryFromWkt(wkt)
    for order, name in ((ogr.wkbNDR, "le"), (ogr.wkbXDR, "be")):
        open(f"{sys.argv[1]}/seed{i}_{name}.wkb", "wb").write(g.ExportToIsoWkb(order))
PY
status=0
for target in fuzz_wkb fuzz_tables; do
    corpus=build-fuzz/corpus/${target#fuzz_}
    log=build-fuzz/$target.log
    if ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 LSAN_OPTIONS=suppressions=core/fuzz/lsan.supp \
        UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "build-fuzz/core/fuzz/$target" -max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=2048 \
        -artifact_prefix=build-fuzz/findings/"$target"- -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
        echo "fuzz: $target: ${runs:-?} executions in ${SECONDS_EACH} s, no finding (corpus $(ls "$corpus" | wc -l) inputs)"
    else
        echo "fuzz: $target: FINDING — see $log and build-fuzz/findings/" >&2
        tail -30 "$log" >&2
        status=1
    fi
done
exit $status
