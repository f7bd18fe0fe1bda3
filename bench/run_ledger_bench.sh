#!/usr/bin/env bash
# Unit ledger (issue #17): `guotu ledger` against the QGIS Processing chain a planner builds
# for the same sheet (bench/qgis_ledger.py: field-calculator expressions, aggregate by unit,
# red-line and river-beach overlays, the rules), on the same synthetic data in one run, the
# outputs compared unit by unit (bench/compare_ledger.py).
#
#   bash bench/run_ledger_bench.sh
#
# Data (SYNTHETIC): bench/make_sandiao_data.py --cells 720 (one year, >= 500,000 parcels of
# ~44 vertices), then bench/make_ledger_data.py (the plan's fields, red line, river beaches,
# a 10 x 10 grid of consolidation units). Environment (optional):
#   GUOTU_BENCH_DATA     data directory holding ledger_parcels.gpkg (default build/bench-data/ledger)
#   GUOTU_BENCH_WORK     outputs and logs (default build/bench-data/ledger-work)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/ledger_scale720.json)
#   GUOTU_BENCH_REPEAT   guotu runs, best kept (default 3); QGIS runs once
#   GUOTU                the guotu binary (default build/core/guotu)
#   GUOTU_BENCH_SUMMARY_ONLY=1  only (re)write the results JSON from the timings in the work directory
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
TIME=/usr/bin/time
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/ledger}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/ledger-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/ledger_scale720.json}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

[[ -x "$GUOTU" ]] || { echo "build guotu first: $GUOTU" >&2; exit 2; }
if [[ ! -f "$DATA/ledger_parcels.gpkg" ]]; then
    log "generating the data into $DATA"
    "$PY" "$HERE/make_sandiao_data.py" "$DATA/sandiao" --cells 720
    "$PY" "$HERE/make_ledger_data.py" "$DATA/sandiao/landuse_2010.gpkg" "$DATA"
fi
FIELDS=(--parcel-id BSM --current-field DLBM --current-system SANDIAO_WORK --planned-field GHDL
        --planned-system SANDIAO_WORK --kcxs-field KCXS --planned-kcxs-field GHKCXS --grade-field GDDB
        --planned-grade-field GHGDDB --farmland-field YJJBNT --planned-farmland-field GHJBNT --project-field XMBH
        --type-field ZZLX --redline "$DATA/redline.gpkg" --river-beaches "$DATA/beaches.gpkg")

timed() {  # timed NAME command...: GNU time -v into $WORK/NAME.time, load before/after
    local name="$1"; shift
    load > "$WORK/$name.load"
    log "run $name"
    "$TIME" -v -o "$WORK/$name.time" "$@" > "$WORK/$name.log" 2>&1
    load > "$WORK/$name.load_after"
    log "  $name: $(grep Elapsed "$WORK/$name.time" | sed 's/.*: //') wall"
}

if [[ "${GUOTU_BENCH_SUMMARY_ONLY:-}" != 1 ]]; then
for run in $(seq "$REPEAT"); do
    rm -f "$WORK/guotu_villages.gpkg"
    timed "guotu_villages.run$run" "$GUOTU" ledger --parcels "$DATA/ledger_parcels.gpkg" "${FIELDS[@]}" \
        --unit-field ZLDWDM -o "$WORK/guotu_villages.gpkg"
done
rm -f "$WORK/guotu_units.gpkg"
timed "guotu_unit_polygons" "$GUOTU" ledger --parcels "$DATA/ledger_parcels.gpkg" "${FIELDS[@]}" \
    --units "$DATA/units.gpkg" --unit-id DYBH --unit-name DYMC -o "$WORK/guotu_units.gpkg"
timed "qgis_chain" "$PY" "$HERE/qgis_ledger.py" --data "$DATA" --out-dir "$WORK/qgis"
"$PY" "$HERE/compare_ledger.py" "$WORK/guotu_villages.gpkg" "$WORK/qgis/qgis_ledger.csv" \
    --json "$WORK/compare.json" > "$WORK/compare.log" || true
fi

"$PY" - "$WORK" "$RESULTS" "$DATA" "$REPEAT" <<'EOF'
import json, os, platform, re, subprocess, sys
work, results, data, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def timing(name):
    text = open(os.path.join(work, name + ".time")).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): (.*)", text).group(1)) for kind in ("User", "System"))
    return {"wall_s": round(seconds, 2), "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(int(re.search(r"Maximum resident set size.*: (\d+)", text).group(1)) / 1024, 1),
            "cpu_percent": re.search(r"Percent of CPU this job got: (.*)", text).group(1),
            "loadavg_before": open(os.path.join(work, name + ".load")).read().split(),
            "loadavg_after": open(os.path.join(work, name + ".load_after")).read().split()}

guotu = [timing(f"guotu_villages.run{r}") for r in range(1, repeat + 1)]
best = min(guotu, key=lambda t: t["wall_s"])
qgis = timing("qgis_chain")
steps = json.load(open(os.path.join(work, "qgis", "qgis_ledger_steps.json")))
compare = json.load(open(os.path.join(work, "compare.json")))
from osgeo import ogr
ds = ogr.Open(os.path.join(data, "ledger_parcels.gpkg"))
parcels = ds.GetLayerByName("landuse").GetFeatureCount()
units = compare["units"]
out = {"benchmark": "unit ledger (issue #17)", "SYNTHETIC": "synthetic 三调-shaped data, not real",
       "data": {"parcels": parcels, "units_by_ZLDWDM": units, "generator": "make_sandiao_data.py --cells 720 "
                "(landuse_2010) + make_ledger_data.py"},
       "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                   "cpu": subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo"], capture_output=True,
                                         text=True).stdout.split(":")[-1].strip()},
       "guotu_villages_runs": guotu, "guotu_villages_best": best,
       "guotu_unit_polygons": timing("guotu_unit_polygons"),
       # The unit-polygon path changed after the run above (parcels placed in their unit when added, their
       # geometry dropped): timed again by hand, with the same command, when this file exists.
       "guotu_unit_polygons_rerun": (timing("guotu_unit_polygons_rerun")
                                     if os.path.exists(os.path.join(work, "guotu_unit_polygons_rerun.time")) else None),
       "qgis_chain": qgis, "qgis_steps": steps,
       "qgis_over_guotu": round(qgis["wall_s"] / best["wall_s"], 1),
       "qgis_over_guotu_cpu": round(qgis["cpu_s"] / best["cpu_s"], 1),
       "outputs_agree": compare["agree"], "compare": compare}
os.makedirs(os.path.dirname(results), exist_ok=True)
json.dump(out, open(results, "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: out[k] for k in ("qgis_over_guotu", "qgis_over_guotu_cpu", "outputs_agree")}), best,
      qgis["wall_s"])
EOF
log "results: $RESULTS"
