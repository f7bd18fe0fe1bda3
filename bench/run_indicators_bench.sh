#!/bin/bash
# Binding indicators on real-shaped data: `guotu indicators` against the QGIS Processing chain
# a planner would otherwise run (bench/qgis_indicators.py), on the same data in the same run,
# outputs checked against each other (bench/compare_indicators.py).
#
#   bash bench/run_indicators_bench.sh [WORK_DIR] [CELLS] [RUNS]
#
# Data: bench/make_sandiao_data.py (CELLS x CELLS parcels a year, default 250: a county of
# ~62,000 parcels in 2010 and 2020) and bench/make_indicator_inputs.py (10 x 10 = 100 admin
# units with targets, permanent farmland). Timings under GNU time -v in WORK/timings with the
# load average before and after each run; summary in WORK/summary.json.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/guotu_indicators_bench}"
CELLS="${2:-250}"
RUNS="${3:-3}"
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
TIME=/usr/bin/time
TOOLS="guotu qgis"
mkdir -p "$WORK/timings"
source "$ROOT/bench/bench_lib.sh"
wait_for_guotu_binary
forget_timings
DATA="$WORK/data"
if [[ ! -f "$DATA/landuse_2020.gpkg" ]]; then
    /usr/bin/python3 "$ROOT/bench/make_sandiao_data.py" "$DATA" --cells "$CELLS" || exit 1
fi
/usr/bin/python3 "$ROOT/bench/make_indicator_inputs.py" "$DATA" || exit 1
record_run_info "$ROOT" "cells: $CELLS" "runs: $RUNS"
TARGETS=(--target cultivated_land=GDBYL --target permanent_farmland=JBNTRW --target construction_land=JSYDZGM
         --target urban_rural_construction=CXJSYD --target new_construction_on_cultivated=XZZYGD
         --target forest_cover=SLFGL --target forest_land=LDBYL --target forest_land_taken=ZYZSLD)
for run in $(seq "$RUNS"); do
    rm -f "$WORK/guotu.gpkg" "$WORK/guotu.csv"
    timed guotu "$run" -- "$GUOTU" indicators --admin "$DATA/xzq.gpkg" --landuse "$DATA/landuse_2020.gpkg" \
        --before "$DATA/landuse_2010.gpkg" --farmland "$DATA/jbnt.gpkg" "${TARGETS[@]}" \
        -o "$WORK/guotu.gpkg" --csv "$WORK/guotu.csv"
done
timed qgis 1 -- /usr/bin/python3 "$ROOT/bench/qgis_indicators.py" --data "$DATA" --out-dir "$WORK/qgis"
/usr/bin/python3 "$ROOT/bench/compare_indicators.py" "$WORK/guotu.gpkg" "$WORK/qgis/qgis_measured.csv" \
    > "$WORK/compare.json"
echo "compare exit $?" >> "$WORK/compare.json"
cat "$WORK/compare.json"
