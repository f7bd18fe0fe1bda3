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
# The record: every timed run (wall, peak RSS, CPU, load before/after), the data, the check.
/usr/bin/python3 - "$WORK" "$DATA" <<'PY' > "$WORK/summary.json"
import glob, json, os, re, sys
work, data = sys.argv[1], sys.argv[2]
runs = {}
for t in sorted(glob.glob(f"{work}/timings/*.time")):
    name = os.path.basename(t)[:-5]
    text = open(t).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    base = t[:-5]
    runs[name] = {"wall_s": round(seconds, 2),
                  "peak_rss_mb": round(int(re.search(r"Maximum resident set size.*: (\d+)", text).group(1)) / 1024, 1),
                  "cpu_percent": re.search(r"Percent of CPU this job got: (.*)", text).group(1),
                  "cpu_s": round(float(re.search(r"User time \(seconds\): (.*)", text).group(1)) +
                                 float(re.search(r"System time \(seconds\): (.*)", text).group(1)), 2),
                  "exit": open(base + ".rc").read().strip(),
                  "loadavg_before": open(base + ".load").read().strip(),
                  "loadavg_after": open(base + ".load_after").read().strip()}
manifest = json.load(open(f"{data}/sample_manifest.json", encoding="utf-8"))
steps = f"{work}/qgis/qgis_indicators_steps.json"
compare = open(f"{work}/compare.json", encoding="utf-8").read()
print(json.dumps({"data": {"generator": manifest["generator"], "params": manifest["params"],
                           "counts": manifest["counts"], "admin_units": 100},
                  "runs": runs, "qgis_steps": json.load(open(steps)) if os.path.exists(steps) else None,
                  "compare": compare, "nproc": os.cpu_count()}, ensure_ascii=False, indent=1))
PY
cat "$WORK/summary.json"
