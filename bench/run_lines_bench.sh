#!/usr/bin/env bash
# Overlaps between the three control lines (issue #4, #13): `guotu lines check --rules L04,L05,L06`
# against QGIS native:intersection + $area of each pair of lines (bench/qgis_lines_overlap.py),
# on the same workspace in one run, each tool pinned to one CPU (taskset), CPU seconds
# (user + sys) and wall recorded with the load average, outputs compared
# (bench/compare_lines.py): same pieces, hectares within 1e-6.
#
# Default data (三调-shaped, bench/make_sandiao_data.py --cells 250: 61,875 -> 62,266 parcels):
#   red line           the 2010 forest parcels (lucc_code 21, 22)
#   permanent farmland the 2020 parcels
#   urban boundary     the 2010 construction parcels (52, 53) dissolved per village (ZLDWDM[:12])
# so lines are drawn on parcel boundaries: the same parcel in two lines, neighbours sharing
# edges, and the parcels the survey changed.
# GUOTU_BENCH_VARIANT=sample5 runs the old benchmark instead: the 1,000,000 parcels of the
# scale-5 synthetic sample as farmland and its 2010 forest parcels with fid % 20 = 0 as the
# red line, L04 only.
#
# Environment (optional):
#   GUOTU_BENCH_DATA     data directory (default build/bench-data/sandiao250, or scale5)
#   GUOTU_BENCH_WORK     workspace, outputs, timings (default build/bench-data/lines-VARIANT)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/lines_VARIANT.json)
#   GUOTU_BENCH_REPEAT   guotu runs, best CPU time kept (default 3); QGIS runs once
#   GUOTU_BENCH_CPU      the CPU every tool is pinned to (default 0)
#   GUOTU_BENCH_BEFORE   another guotu binary (an earlier build) to time and compare with
#   GUOTU                the guotu binary (default build/core/guotu)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
VARIANT="${GUOTU_BENCH_VARIANT:-sandiao250}"
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
CPU="${GUOTU_BENCH_CPU:-0}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/lines-$VARIANT}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/lines_$VARIANT.json}"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
# shellcheck source=bench_lib.sh
source "$HERE/bench_lib.sh"  # log, pinned (the timing of every run), machine_line
WS="$WORK/ws.gpkg"
case "$VARIANT" in
sandiao250)
    DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/sandiao250}"
    RULES=L04,L05,L06
    [[ -f "$DATA/landuse_2020.gpkg" ]] || "$PY" "$HERE/make_sandiao_data.py" "$DATA" --cells 250
    if [[ ! -f "$WS" ]]; then
        "$GUOTU" lines init "$WS" --crs EPSG:4527 > /dev/null
        ogr2ogr -append -nln permanent_farmland -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2020.gpkg" \
            -sql "SELECT geom FROM landuse" -gt 100000
        ogr2ogr -append -nln ecological_redline -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
            -sql "SELECT geom FROM landuse WHERE lucc_code IN (21, 22)"
        ogr2ogr -append -nln urban_boundary -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
            -sql "SELECT ST_Union(geom) AS geom FROM landuse WHERE lucc_code IN (52, 53) GROUP BY substr(ZLDWDM, 1, 12)"
    fi ;;
sample5)
    DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/scale5}"
    RULES=L04
    [[ -f "$DATA/landuse_2020.gpkg" ]] || "$PY" "$ROOT/resources/sample_data/generate_sample.py" --out "$DATA" --scale 5
    if [[ ! -f "$WS" ]]; then
        "$GUOTU" lines init "$WS" --crs EPSG:4527 > /dev/null
        ogr2ogr -append -nln permanent_farmland -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2020.gpkg" \
            -sql "SELECT geom FROM landuse" -gt 100000
        ogr2ogr -append -nln ecological_redline -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
            -sql "SELECT geom FROM landuse WHERE lucc_code IN (21, 22) AND fid % 20 = 0"
    fi ;;
*) echo "unknown GUOTU_BENCH_VARIANT $VARIANT (sandiao250 or sample5)" >&2; exit 2 ;;
esac
counts=""
for layer in ecological_redline permanent_farmland urban_boundary; do
    counts+="$layer $(ogrinfo -so "$WS" "$layer" | sed -n 's/Feature Count: //p'); "
done
log "workspace $WS: $counts"

for i in $(seq "$REPEAT"); do
    rm -f "$WORK/guotu.gpkg"
    pinned "guotu.run$i" "$GUOTU" lines check --workspace "$WS" --rules "$RULES" -o "$WORK/guotu.gpkg"
done
if [[ -n "${GUOTU_BENCH_BEFORE:-}" ]]; then
    rm -f "$WORK/before.gpkg"
    pinned before.run1 "$GUOTU_BENCH_BEFORE" lines check --workspace "$WS" --rules "$RULES" -o "$WORK/before.gpkg"
fi
rm -f "$WORK"/qgis_out*.gpkg
pinned qgis.run1 "$PY" "$HERE/qgis_lines_overlap.py" "$WS" "$WORK/qgis_out.gpkg" "$RULES"

"$PY" "$HERE/compare_lines.py" qgis "$WORK/guotu.gpkg" "$WORK/qgis.run1.log" > "$WORK/check_qgis.json" || true
if [[ -n "${GUOTU_BENCH_BEFORE:-}" ]]; then
    "$PY" "$HERE/compare_lines.py" guotu "$WORK/guotu.gpkg" "$WORK/before.gpkg" > "$WORK/check_before.json" || true
fi
PYTHONPATH="$HERE" "$PY" - "$WORK" "$RESULTS" "$REPEAT" <<PYEOF
import json, os, subprocess, sys
from pinned_runs import best_of, reader
work, results, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
run = reader(work)
guotu, best = best_of(run, "guotu", repeat)
qgis = run("qgis.run1")
out = {"benchmark": "lines check overlaps between lines, $VARIANT", "rules": "$RULES", "workspace_counts": "$counts",
       "machine": "$(machine_line)",
       "pinned_to_cpu": $CPU, "guotu_version": "$("$GUOTU" --version | head -1)",
       "guotu_sha256": "$(sha256sum "$GUOTU" | cut -d' ' -f1)", "git_head": "$(git -C "$ROOT" rev-parse --short HEAD)",
       "date_utc": "$(date -u +%FT%TZ)",
       "guotu_runs": guotu, "guotu_best": best,
       "qgis_chain": "native:intersection + native:fieldcalculator \$area per pair of lines (bench/qgis_lines_overlap.py)",
       "qgis": qgis,
       "ratio_cpu_qgis_over_guotu": round(qgis["cpu_s"] / best["cpu_s"], 1),
       "ratio_wall_qgis_over_guotu": round(qgis["wall_s"] / min(r["wall_s"] for r in guotu), 1)}
out["check_qgis"] = json.load(open(f"{work}/check_qgis.json"))
if os.path.exists(f"{work}/before.run1.time") and os.environ.get("GUOTU_BENCH_BEFORE"):
    out["before"] = run("before.run1")
    out["before_binary_sha256"] = subprocess.run(["sha256sum", os.environ["GUOTU_BENCH_BEFORE"]], capture_output=True,
                                                 text=True).stdout.split()[0]
    out["speedup_cpu_before_over_now"] = round(out["before"]["cpu_s"] / best["cpu_s"], 1)
    out["check_before"] = json.load(open(f"{work}/check_before.json"))
json.dump(out, open(results, "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: out[k] for k in ("guotu_best", "qgis", "ratio_cpu_qgis_over_guotu")}, indent=1))
PYEOF
log "written $RESULTS"
