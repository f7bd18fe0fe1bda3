#!/usr/bin/env bash
# Rectification-parcel check (issue #13): `guotu parcels check` against the same geometry done
# with QGIS Processing (bench/qgis_parcels_check.py: native:intersection of the parcels with the
# red line, the farmland, the urban boundary, the villages and themselves, $area of each
# piece, sums per parcel in Python), in one run, each tool pinned to one CPU (taskset), CPU
# seconds (user + sys) and wall recorded with the load average, outputs compared
# (bench/compare_parcels.py: red-line and farmland hectares, village, P18 pairs).
#
# Data (三调-shaped, bench/make_sandiao_data.py --cells 250): the parcels are the 2020 parcels
# of the first 10 villages (ZLDWDM[:12], 6,254 parcels; project = village, type 农用地整理,
# current code DLBM, planned DLBM for farmland/construction and 0103 otherwise); the three
# lines are the lines benchmark's workspace (bench/run_lines_bench.sh: red line = 2010
# forest, farmland = the 2020 parcels, urban boundary = 2010 construction dissolved per
# village), the villages are the county's 100 villages.
#
# Environment (optional):
#   GUOTU_BENCH_DATA     data directory (default build/bench-data/sandiao250)
#   GUOTU_BENCH_WS       the lines workspace (default build/bench-data/lines-sandiao250/ws.gpkg,
#                        made by bench/run_lines_bench.sh)
#   GUOTU_BENCH_WORK     outputs, timings (default build/bench-data/parcels-sandiao250)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/parcels_sandiao250.json)
#   GUOTU_BENCH_REPEAT   guotu runs, best CPU time kept (default 3); QGIS runs once
#   GUOTU_BENCH_CPU      the CPU every tool is pinned to (default 0)
#   GUOTU_BENCH_BEFORE   another guotu binary (an earlier build) to time and compare with
#   GUOTU                the guotu binary (default build/core/guotu)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/sandiao250}"
WS="${GUOTU_BENCH_WS:-$ROOT/build/bench-data/lines-sandiao250/ws.gpkg}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/parcels-sandiao250}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/parcels_sandiao250.json}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
CPU="${GUOTU_BENCH_CPU:-0}"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
# shellcheck source=bench_lib.sh
source "$HERE/bench_lib.sh"  # log, pinned (the timing of every run), machine_line
[[ -f "$WS" ]] || { echo "make the lines workspace first: bash bench/run_lines_bench.sh ($WS)" >&2; exit 2; }
[[ -f "$DATA/villages.gpkg" ]] || { echo "no villages in $DATA (bench/run_tally_sandiao_bench.sh makes them)" >&2; exit 2; }
P="$WORK/parcels.gpkg"
if [[ ! -f "$P" ]]; then
    ogr2ogr -f GPKG "$P" "$DATA/landuse_2020.gpkg" -nln parcels -nlt MULTIPOLYGON -dialect SQLite -sql \
        "SELECT geom, BSM AS dkbh, '农用地整理' AS zzlx, substr(ZLDWDM, 1, 12) AS xmbh, DLBM AS xzdl,
                CASE WHEN DLBM LIKE '01%' OR DLBM LIKE '05%' OR DLBM LIKE '06%' OR DLBM LIKE '07%' OR DLBM LIKE '10%'
                          OR DLBM LIKE '11%' OR DLBM LIKE '12%' THEN DLBM ELSE '0103' END AS ghdl
         FROM landuse WHERE substr(ZLDWDM, 1, 12) IN (SELECT DISTINCT substr(ZLDWDM, 1, 12) FROM landuse ORDER BY 1 LIMIT 10)"
fi
log "parcels: $(ogrinfo -so "$P" parcels | sed -n 's/Feature Count: //p')"
args=(parcels check --parcels "$P" --parcel-id dkbh --type-field zzlx --project-field xmbh --current-field xzdl
      --current-system SANDIAO_WORK --planned-field ghdl --planned-system SANDIAO_WORK --workspace "$WS"
      --villages "$DATA/villages.gpkg" --village-id code)
for i in $(seq "$REPEAT"); do
    rm -f "$WORK/guotu.gpkg"
    pinned "guotu.run$i" "$GUOTU" "${args[@]}" -o "$WORK/guotu.gpkg"
done
if [[ -n "${GUOTU_BENCH_BEFORE:-}" ]]; then
    rm -f "$WORK/before.gpkg"
    pinned before.run1 "$GUOTU_BENCH_BEFORE" "${args[@]}" -o "$WORK/before.gpkg"
fi
rm -f "$WORK"/qgis_*.gpkg
pinned qgis.run1 "$PY" "$HERE/qgis_parcels_check.py" "$P" "$WS" "$DATA/villages.gpkg" "$WORK"
"$PY" "$HERE/compare_parcels.py" qgis "$WORK/guotu.gpkg" "$WORK/qgis_parcels.json" > "$WORK/check_qgis.json" || true
if [[ -n "${GUOTU_BENCH_BEFORE:-}" ]]; then
    "$PY" "$HERE/compare_parcels.py" guotu "$WORK/guotu.gpkg" "$WORK/before.gpkg" > "$WORK/check_before.json" || true
fi
PYTHONPATH="$HERE" "$PY" - "$WORK" "$RESULTS" "$REPEAT" <<PYEOF
import json, os, subprocess, sys
from pinned_runs import best_of, reader
work, results, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
run = reader(work)
guotu, best = best_of(run, "guotu", repeat)
qgis = run("qgis.run1")
out = {"benchmark": "parcels check, 三调-shaped county (sandiao250)", "parcels": "$(ogrinfo -so "$P" parcels | sed -n 's/Feature Count: //p')",
       "machine": "$(machine_line)",
       "pinned_to_cpu": $CPU, "guotu_version": "$("$GUOTU" --version | head -1)",
       "guotu_sha256": "$(sha256sum "$GUOTU" | cut -d' ' -f1)", "git_head": "$(git -C "$ROOT" rev-parse --short HEAD)",
       "date_utc": "$(date -u +%FT%TZ)", "guotu_runs": guotu, "guotu_best": best,
       "qgis_chain": "native:intersection + native:fieldcalculator \$area of the parcels with red line, farmland, urban boundary, villages and themselves; sums per parcel in Python (bench/qgis_parcels_check.py)",
       "qgis": qgis, "qgis_steps": open(f"{work}/qgis.run1.log").read().split("\n"),
       "ratio_cpu_qgis_over_guotu": round(qgis["cpu_s"] / best["cpu_s"], 1),
       "ratio_wall_qgis_over_guotu": round(qgis["wall_s"] / min(r["wall_s"] for r in guotu), 1)}
out["check_qgis"] = json.load(open(f"{work}/check_qgis.json"))
if os.environ.get("GUOTU_BENCH_BEFORE") and os.path.exists(f"{work}/before.run1.time"):
    out["before"] = run("before.run1")
    out["speedup_cpu_before_over_now"] = round(out["before"]["cpu_s"] / best["cpu_s"], 1)
    out["ratio_cpu_qgis_over_guotu_before"] = round(qgis["cpu_s"] / out["before"]["cpu_s"], 1)
    out["check_before"] = json.load(open(f"{work}/check_before.json"))
json.dump(out, open(results, "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: out[k] for k in ("guotu_best", "qgis", "ratio_cpu_qgis_over_guotu")}, indent=1))
PYEOF
log "written $RESULTS"
