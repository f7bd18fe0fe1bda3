#!/usr/bin/env bash
# Unit ledger between two survey years as separate layers (issue #17): `guotu ledger --current
# Y1 --planned Y2` against the QGIS chain a planner builds for it (bench/qgis_ledger_years.py:
# intersection of the two years, field-calculator expressions, aggregate by village), on the
# same synthetic data in one run, checked unit by unit (bench/compare_ledger_years.py).
#
#   bash bench/run_ledger_years_bench.sh [DATA] [CELLS=250]
#
# Data (SYNTHETIC): bench/make_sandiao_data.py --cells CELLS (landuse_2010.gpkg and
# landuse_2020.gpkg, coverages of the same county, a few percent changed). Environment:
#   GUOTU_BENCH_WORK     outputs and logs (default build/bench-data/ledger-years-work)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/ledger_years_scaleCELLS.json)
#   GUOTU_BENCH_REPEAT   guotu runs, best kept (default 3); QGIS runs once
#   GUOTU_BENCH_CPU      pin every run to this CPU (taskset -c), the fair measure on a shared machine
#                        is then user+sys CPU seconds (default: not pinned)
#   GUOTU_BENCH_QGIS_LIMIT  stop the QGIS chain after this many seconds of wall time (a prefecture's
#                        intersection takes hours on a loaded machine); the results then give the CPU
#                        seconds it used without finishing, so QGIS / guotu is a measured lower bound
#   GUOTU_BENCH_SUMMARY_ONLY=1  only compare again and rewrite the results JSON from the work directory
#                        (also after the QGIS run was stopped by hand: its GNU time record is kept)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
TIME=/usr/bin/time
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
CELLS="${2:-250}"
DATA="${1:-$ROOT/build/bench-data/ledger-years}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/ledger-years-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/ledger_years_scale$CELLS.json}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
PIN=()
[[ -n "${GUOTU_BENCH_CPU:-}" ]] && PIN=(taskset -c "$GUOTU_BENCH_CPU")
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

[[ -x "$GUOTU" ]] || { echo "build guotu first: $GUOTU" >&2; exit 2; }
if [[ ! -f "$DATA/landuse_2020.gpkg" ]]; then
    log "generating the data into $DATA"
    "$PY" "$HERE/make_sandiao_data.py" "$DATA" --cells "$CELLS"
fi

timed() {  # timed NAME command...: GNU time -v into $WORK/NAME.time, load before/after
    local name="$1"; shift
    load > "$WORK/$name.load"
    log "run $name"
    "$TIME" -v -o "$WORK/$name.time" "${PIN[@]}" "$@" > "$WORK/$name.log" 2>&1 || echo "$name did not finish" >&2
    load > "$WORK/$name.load_after"
    log "  $name: $(grep Elapsed "$WORK/$name.time" | sed 's/.*: //') wall"
}

if [[ "${GUOTU_BENCH_SUMMARY_ONLY:-}" != 1 ]]; then
for run in $(seq "$REPEAT"); do
    rm -f "$WORK/guotu_years.gpkg"
    timed "guotu_years.run$run" "$GUOTU" ledger --current "$DATA/landuse_2010.gpkg" --planned \
        "$DATA/landuse_2020.gpkg" --parcel-id BSM --current-field DLBM --current-system SANDIAO_WORK \
        --planned-field DLBM --planned-system SANDIAO_WORK --kcxs-field KCXS --planned-kcxs-field KCXS \
        --unit-field ZLDWDM -o "$WORK/guotu_years.gpkg"
done
QGIS_LIMIT=()
[[ -n "${GUOTU_BENCH_QGIS_LIMIT:-}" ]] && QGIS_LIMIT=(timeout -s TERM "$GUOTU_BENCH_QGIS_LIMIT")
timed "qgis_chain" "${QGIS_LIMIT[@]}" "$PY" "$HERE/qgis_ledger_years.py" --earlier "$DATA/landuse_2010.gpkg" \
    --later "$DATA/landuse_2020.gpkg" --out-dir "$WORK/qgis"
fi
if [[ -f "$WORK/qgis/qgis_ledger_years.csv" ]]; then
    "$PY" "$HERE/compare_ledger_years.py" "$WORK/guotu_years.gpkg" "$WORK/qgis/qgis_ledger_years.csv" \
        --qgis-pieces "$WORK/qgis/qgis_years_fields.gpkg" > "$WORK/compare.json" || true
else
    echo '{"problems": ["the QGIS chain did not finish: nothing to compare"], "units": null}' > "$WORK/compare.json"
fi

"$PY" - "$WORK" "$RESULTS" "$DATA" "$REPEAT" "$CELLS" "${GUOTU_BENCH_CPU:-}" <<'PYEOF'
import json, os, platform, re, subprocess, sys
work, results, data, repeat, cells = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
pinned = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None

def timing(name):
    text = open(os.path.join(work, name + ".time")).read()
    stopped = re.search(r"Command (terminated by signal \d+|exited with non-zero status \d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time.*: (.*)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = sum(float(re.search(rf"{kind} time \(seconds\): (.*)", text).group(1)) for kind in ("User", "System"))
    return {"wall_s": round(seconds, 2), "cpu_s": round(cpu, 2),
            "peak_rss_mb": round(int(re.search(r"Maximum resident set size.*: (\d+)", text).group(1)) / 1024, 1),
            "cpu_percent": re.search(r"Percent of CPU this job got: (.*)", text).group(1),
            "loadavg_before": open(os.path.join(work, name + ".load")).read().split(),
            "loadavg_after": open(os.path.join(work, name + ".load_after")).read().split()
            if os.path.exists(os.path.join(work, name + ".load_after")) else None,
            "finished": not stopped, **({"stopped": stopped.group(1)} if stopped else {})}

guotu = [timing(f"guotu_years.run{r}") for r in range(1, repeat + 1)]
# Runs of earlier builds kept in the work directory as guotu_years.NAME.time (e.g. before an
# optimisation, on the same data in the same session), reported beside the current one.
earlier = {name[len("guotu_years."):-len(".time")]: timing(name[:-len(".time")])
           for name in sorted(os.listdir(work)) if name.startswith("guotu_years.") and name.endswith(".time")
           and not re.match(r"guotu_years\.run\d+\.time$", name)}
best = min(guotu, key=lambda t: t["wall_s"])
qgis = timing("qgis_chain")
steps = json.load(open(os.path.join(work, "qgis", "qgis_ledger_years_steps.json")))
progress = re.findall(r"\[(\w+)\]\s+(\d+) %", open(os.path.join(work, "qgis_chain.log")).read())
compare = json.load(open(os.path.join(work, "compare.json")))
from osgeo import ogr
counts = {}
for year in ("2010", "2020"):
    ds = ogr.Open(os.path.join(data, f"landuse_{year}.gpkg"))
    counts[year] = ds.GetLayerByName("landuse").GetFeatureCount()
    ds = None
summary = open(os.path.join(work, "guotu_years.run1.log")).read()
slivers = re.search(r"(\d+) overlay slivers below", summary)
out = {"benchmark": "unit ledger between two survey years as layers (issue #17)",
       "SYNTHETIC": "synthetic 三调-shaped data, not real",
       "data": {"parcels_2010": counts["2010"], "parcels_2020": counts["2020"], "units_by_ZLDWDM": compare["units"],
                "generator": f"make_sandiao_data.py --cells {cells}",
                "guotu_slivers_left_out": int(slivers.group(1)) if slivers else None},
       "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                   "cpu": subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo"], capture_output=True,
                                         text=True).stdout.split(":")[-1].strip()},
       "pinned_cpu": pinned,
       "guotu_runs": guotu, "guotu_best": best, "guotu_earlier_builds": earlier, "qgis_chain": qgis, "qgis_steps": steps,
       "qgis_last_progress": {"step": progress[-1][0], "percent": int(progress[-1][1])} if progress else None,
       "qgis_over_guotu": round(qgis["wall_s"] / best["wall_s"], 1),
       "qgis_over_guotu_cpu": round(qgis["cpu_s"] / best["cpu_s"], 1),
       "ratios_are": "measured" if qgis["finished"] else
                     "lower bounds: the QGIS chain was stopped before it finished, after the CPU time given",
       "outputs_agree": not compare["problems"], "compare": compare}
os.makedirs(os.path.dirname(results), exist_ok=True)
json.dump(out, open(results, "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: out[k] for k in ("qgis_over_guotu", "qgis_over_guotu_cpu", "outputs_agree")}), best["wall_s"],
      qgis["wall_s"])
PYEOF
log "results: $RESULTS"
