#!/usr/bin/env bash
# Benchmark `guotu convert` (land-use conversion map, 用途转用) against what a planner would
# otherwise use to get the transition matrix (area of each 2010 class -> 2020 class), on
# the SAME data in the SAME run; check every tool's matrix against guotu's `transitions`
# table (level 'code', zone_id '') and write bench/results/convert_<LABEL>.json (sandiao<SCALE> or scale<SCALE>).
#
#   bash bench/run_convert_bench.sh [SCALE]       # 三调-shaped data (the default): SCALE = cells
#                                                 # across, default 250 (about 62,000 parcels a year;
#                                                 # 720 gives a prefecture, >= 500,000)
#   GUOTU_BENCH_KIND=sample bash bench/run_convert_bench.sh [SCALE]   # the old synthetic sample:
#                                                 # SCALE defaults to 3.54 (501,264 polygons a year)
#
# The default data (bench/make_sandiao_data.py) is shaped like a county's two survey years:
# parcels of ~45 vertices, not convex, some with holes, neighbours sharing every boundary, the
# second year differing by ~3 % of the area and 3 % of the boundaries. The old sample's
# parcels are convex quadrilaterals drawn independently each year.
#
# Tools (each timed with /usr/bin/time -v: wall clock and peak RSS):
#   guotu_convert_ellipsoidal  guotu convert 2010 -> 2020, CAS_LUCC both, ellipsoidal (default);
#                              writes every piece (polygons) and the tables to a GeoPackage
#   guotu_convert_ellipsoidal_1cpu  the same pinned to one CPU (taskset -c 0): its overlay
#                              worker and its writer thread share one core
#   guotu_convert_planar       same, --area planar
#   spatialite_convert_planar  ogr2ogr -dialect SQLite: R-tree prefilter +
#                              SUM(ST_Area(ST_Intersection)) GROUP BY both codes
#   geopandas_convert_planar   GeoPandas (Debian's python3-geopandas): read both years,
#                              geopandas.overlay(how="intersection"), .area, groupby both codes
#                              (bench/geopandas_convert.py)
#   qgis_convert               QGIS Processing native:intersection (2010 x 2020, to a GeoPackage)
#                              -> native:fieldcalculator $area (ellipsoid EPSG:7019, m^2)
#                              -> qgis:statisticsbycategories (lucc_code, lucc_code_2)
#                              (bench/qgis_vector_tally.py with the 2020 layer as the overlay)
#
# Environment (all optional):
#   GUOTU_BENCH_KIND      sandiao (default) or sample
#   GUOTU_BENCH_DATA      data directory (default build/bench-data/sandiao<SCALE> or scale<SCALE>;
#                         generated with bench/make_sandiao_data.py or
#                         resources/sample_data/generate_sample.py when missing)
#   GUOTU_BENCH_WORK      outputs and raw timings (default build/bench-data/convert<SCALE>-work)
#   GUOTU_BENCH_RESULTS   results JSON (default bench/results/convert_<LABEL>.json)
#   GUOTU_BENCH_TOOLS     space-separated subset of the tool names above (default: all)
#   GUOTU_BENCH_REPEAT_FAST  runs of each guotu and SpatiaLite tool; best kept (default 2;
#                            a tool whose first run takes longer than GUOTU_BENCH_SLOW_ONCE_S
#                            is run once)
#   GUOTU_BENCH_REPEAT_SLOW  runs of the QGIS chain (default 2, same rule)
#   GUOTU_BENCH_SLOW_ONCE_S  default 600 (10 minutes)
#   GUOTU                 the guotu binary (default build/core/guotu)
# Nothing is written outside the work/data directories and bench/results/.
set -euo pipefail

KIND="${GUOTU_BENCH_KIND:-sandiao}"
case "$KIND" in
    sandiao) SCALE="${1:-250}"; LABEL="sandiao$SCALE" ;;
    sample) SCALE="${1:-3.54}"; LABEL="scale$SCALE" ;;
    *) echo "GUOTU_BENCH_KIND must be sandiao or sample, not '$KIND'" >&2; exit 2 ;;
esac
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3                    # the Python with PyQGIS and GDAL bindings
TIME=/usr/bin/time                     # GNU time (-v gives "Maximum resident set size")
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/$LABEL}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/convert-$LABEL-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/convert_$LABEL.json}"
ALL_TOOLS="guotu_convert_ellipsoidal guotu_convert_ellipsoidal_1cpu guotu_convert_planar guotu_qgis_process spatialite_convert_planar geopandas_convert_planar qgis_convert"
TOOLS="${GUOTU_BENCH_TOOLS:-$ALL_TOOLS}"
REPEAT_FAST="${GUOTU_BENCH_REPEAT_FAST:-2}"
REPEAT_SLOW="${GUOTU_BENCH_REPEAT_SLOW:-2}"
export QT_QPA_PLATFORM=offscreen

source "$HERE/bench_lib.sh"

for exe in "$PY" "$TIME" ogr2ogr taskset; do
    command -v "$exe" >/dev/null || { echo "missing: $exe" >&2; exit 2; }
done
wait_for_guotu_binary

# ---- data -------------------------------------------------------------------------
if [[ ! -f "$DATA/sample_manifest.json" ]]; then
    log "generating $LABEL data into $DATA"
    if [[ "$KIND" == sandiao ]]; then
        "$PY" "$HERE/make_sandiao_data.py" "$DATA" --cells "$SCALE"
    else
        "$PY" "$ROOT/resources/sample_data/generate_sample.py" --out "$DATA" --scale "$SCALE"
    fi
fi
BEFORE="$DATA/landuse_2010.gpkg"
AFTER="$DATA/landuse_2020.gpkg"
for f in "$BEFORE" "$AFTER"; do [[ -f "$f" ]] || { echo "missing $f" >&2; exit 2; }; done
"$PY" - "$DATA/sample_manifest.json" "$SCALE" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
if float(m["params"]["scale"]) != float(sys.argv[2]):
    sys.exit(f"{sys.argv[1]} is scale {m['params']['scale']}, not {sys.argv[2]}")
EOF

mkdir -p "$WORK/timings" "$(dirname "$RESULTS")"
forget_timings
record_run_info "$ROOT" "repeat_fast: $REPEAT_FAST" "repeat_slow: $REPEAT_SLOW" \
    "slow_once_s: ${GUOTU_BENCH_SLOW_ONCE_S:-600}"

# Warm the page cache so no tool pays for the first read from disk.
cat "$BEFORE" "$AFTER" > /dev/null

G_COMMON=(convert --before "$BEFORE" --before-class-field lucc_code --before-system CAS_LUCC
          --after "$AFTER" --after-class-field lucc_code --after-system CAS_LUCC)
for name in guotu_convert_ellipsoidal guotu_convert_ellipsoidal_1cpu guotu_convert_planar; do
    want "$name" || continue
    extra=(); [[ "$name" == guotu_convert_planar ]] && extra=(--area planar)
    pin=(); [[ "$name" == guotu_convert_ellipsoidal_1cpu ]] && pin=(taskset -c "${GUOTU_BENCH_CPU:-0}")
    for run in $(seq "$REPEAT_FAST"); do
        if [[ "$run" -gt 1 ]] && ! more_slow_runs_wanted "$name"; then break; fi
        rm -f "$WORK/$name.gpkg"
        timed "$name" "$run" -- "${pin[@]}" "$GUOTU" "${G_COMMON[@]}" "${extra[@]}" -o "$WORK/$name.gpkg"
    done
done

if want guotu_qgis_process; then
    # The plugin as QGIS runs it, headless: the packaged plugin enabled in a throw-away profile
    # (set-up, not timed); the algorithm on the same two files, map saved to a GeoPackage.
    QP_HOME="$WORK/qgis_home"
    rm -rf "$QP_HOME" "$WORK/plugins"
    mkdir -p "$QP_HOME"
    "$PY" "$ROOT/scripts/package_plugin.py" --build-dir "$ROOT/build" --out "$WORK/plugins" >/dev/null
    QP_ENV=(env HOME="$QP_HOME" XDG_DATA_HOME="$QP_HOME/xdg" QGIS_PLUGINPATH="$WORK/plugins")
    "${QP_ENV[@]}" /usr/bin/qgis_process.bin plugins enable guotu >/dev/null
    for run in $(seq "$REPEAT_FAST"); do
        rm -f "$WORK/guotu_qgis_process.gpkg"
        timed guotu_qgis_process "$run" -- "${QP_ENV[@]}" /usr/bin/qgis_process.bin run guotu:landuseconversion -- \
            BEFORE="$BEFORE" BEFORE_CLASS_FIELD=lucc_code BEFORE_SYSTEM=0 \
            AFTER="$AFTER" AFTER_CLASS_FIELD=lucc_code AFTER_SYSTEM=0 \
            CONVERSIONS="$WORK/guotu_qgis_process.gpkg" TRANSITIONS=TEMPORARY_OUTPUT \
            STATUS_SUMMARY=TEMPORARY_OUTPUT UNKNOWN=TEMPORARY_OUTPUT
    done
fi

if want spatialite_convert_planar; then
    # Set-up (not timed): one GeoPackage holding both layers, each with its R-tree.
    BOTH="$WORK/spatialite_both.gpkg"
    rm -f "$BOTH"
    log "set-up: copying both land-use layers into $BOTH"
    ogr2ogr -f GPKG "$BOTH" "$BEFORE" landuse -nln lu2010 -lco IDENTIFIER=lu2010
    ogr2ogr -update "$BOTH" "$AFTER" landuse -nln lu2020 -lco IDENTIFIER=lu2020
    { echo "ogr2ogr -f GPKG $BOTH $BEFORE landuse -nln lu2010 -lco IDENTIFIER=lu2010"
      echo "ogr2ogr -update $BOTH $AFTER landuse -nln lu2020 -lco IDENTIFIER=lu2020"; } \
        > "$WORK/timings/spatialite_convert_planar.setup.cmd"
    cat "$BOTH" > /dev/null
    for run in $(seq "$REPEAT_FAST"); do
        if [[ "$run" -gt 1 ]] && ! more_slow_runs_wanted spatialite_convert_planar; then break; fi
        rm -f "$WORK/spatialite_convert_planar.csv"
        timed spatialite_convert_planar "$run" -- ogr2ogr -f CSV "$WORK/spatialite_convert_planar.csv" \
            "$BOTH" -dialect SQLite -sql "@$HERE/spatialite_convert.sql"
    done
fi

if want geopandas_convert_planar; then
    for run in $(seq "$REPEAT_SLOW"); do
        if [[ "$run" -gt 1 ]] && ! more_slow_runs_wanted geopandas_convert_planar; then break; fi
        rm -f "$WORK/geopandas_convert_planar.csv"
        timed geopandas_convert_planar "$run" -- "$PY" "$HERE/geopandas_convert.py" "$BEFORE" "$AFTER" \
            "$WORK/geopandas_convert_planar.csv"
    done
fi

if want qgis_convert; then
    for run in $(seq "$REPEAT_SLOW"); do
        if [[ "$run" -gt 1 ]] && ! more_slow_runs_wanted qgis_convert; then break; fi
        # The tally chain with the 2020 layer as the overlay: its lucc_code becomes
        # lucc_code_2 in the intersection. QGIS desktop default: stop on an invalid geometry.
        timed qgis_convert "$run" -- "$PY" "$HERE/qgis_vector_tally.py" \
            --landuse "$BEFORE" --landuse-layer landuse --class-field lucc_code \
            --zones "$AFTER" --zones-layer landuse --zone-id lucc_code_2 \
            --out-dir "$WORK" --invalid abort
        cp "$WORK/qgis_vector_steps.json" "$WORK/timings/qgis_convert.run$run.steps.json" || true
        if [[ "$(cat "$WORK/timings/qgis_convert.run$run.rc")" == 3 ]]; then
            log "QGIS stopped on an invalid geometry; re-running with GeometryNoCheck"
            timed qgis_convert_nocheck "$run" -- "$PY" "$HERE/qgis_vector_tally.py" \
                --landuse "$BEFORE" --landuse-layer landuse --class-field lucc_code \
                --zones "$AFTER" --zones-layer landuse --zone-id lucc_code_2 \
                --out-dir "$WORK" --invalid nocheck
            cp "$WORK/qgis_vector_steps.json" "$WORK/timings/qgis_convert_nocheck.run$run.steps.json" || true
        fi
    done
fi

log "comparing outputs and writing $RESULTS"
"$PY" "$HERE/collect_convert.py" --scale "$SCALE" --data "$DATA" --work "$WORK" \
    --guotu "$GUOTU" --out "$RESULTS"
