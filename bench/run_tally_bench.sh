#!/usr/bin/env bash
# Benchmark `guotu tally` against what a planner would otherwise use, on the SAME
# synthetic data in the SAME run, check every tool's output against guotu's, and
# write bench/results/tally_scale<SCALE>.json.
#
#   bash bench/run_tally_bench.sh [SCALE]        # SCALE defaults to 5
#
# Tools (each timed with /usr/bin/time -v: wall clock and peak RSS):
#   guotu_vector_ellipsoidal   guotu tally, polygons, ellipsoidal area (default)
#   guotu_vector_planar        guotu tally, polygons, --area planar
#   guotu_raster_exact         guotu tally, GeoTIFF, exact partial-cell coverage (default)
#   guotu_raster_centre        guotu tally, GeoTIFF, --raster-mode centre
#   guotu_raster_centre_planar guotu tally, GeoTIFF, --raster-mode centre --area planar
#   guotu_raster_exact_1t, guotu_raster_centre_1t, guotu_raster_centre_planar_1t
#                              the same three with --threads 1 (the three above run with
#                              guotu's default, one worker thread per CPU)
#   spatialite_planar          ogr2ogr -dialect SQLite: R-tree prefilter + SUM(ST_Area(ST_Intersection))
#   qgis_zonalhist             QGIS Processing native:zonalhistogram
#   qgis_vector                QGIS Processing native:intersection -> native:fieldcalculator
#                              ($area, ellipsoid EPSG:7019, m^2) -> qgis:statisticsbycategories
#
# Environment (all optional):
#   GUOTU_BENCH_DATA      data directory (default build/bench-data/scale<SCALE>; generated
#                         with resources/sample_data/generate_sample.py when its
#                         sample_manifest.json is missing)
#   GUOTU_BENCH_WORK      outputs and raw timings (default build/bench-data/scale<SCALE>-work)
#   GUOTU_BENCH_RESULTS   results JSON (default bench/results/tally_scale<SCALE>.json)
#   GUOTU_BENCH_TOOLS     space-separated subset of the tool names above (default: all)
#   GUOTU_BENCH_REPEAT_FAST  runs of each guotu and SpatiaLite tool; best wall time is kept (default 3)
#   GUOTU_BENCH_REPEAT_SLOW  runs of each QGIS tool (default 1)
#   GUOTU                 the guotu binary (default build/core/guotu)
# Nothing is written outside the work/data directories and bench/results/.
set -euo pipefail

SCALE="${1:-5}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3                    # the Python with PyQGIS and GDAL bindings
TIME=/usr/bin/time                     # GNU time (-v gives "Maximum resident set size")
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/scale$SCALE}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/scale$SCALE-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/tally_scale$SCALE.json}"
ALL_TOOLS="guotu_vector_ellipsoidal guotu_vector_planar guotu_raster_exact guotu_raster_centre guotu_raster_centre_planar guotu_raster_exact_1t guotu_raster_centre_1t guotu_raster_centre_planar_1t spatialite_planar qgis_zonalhist qgis_vector"
TOOLS="${GUOTU_BENCH_TOOLS:-$ALL_TOOLS}"
REPEAT_FAST="${GUOTU_BENCH_REPEAT_FAST:-3}"
REPEAT_SLOW="${GUOTU_BENCH_REPEAT_SLOW:-1}"
export QT_QPA_PLATFORM=offscreen

# log, want, wait_for_guotu_binary, forget_timings, record_run_info, timed, ...
source "$HERE/bench_lib.sh"

for exe in "$PY" "$TIME" ogr2ogr; do
    command -v "$exe" >/dev/null || { echo "missing: $exe" >&2; exit 2; }
done
wait_for_guotu_binary

# ---- data -------------------------------------------------------------------------
if [[ ! -f "$DATA/sample_manifest.json" ]]; then
    log "generating scale-$SCALE data into $DATA"
    "$PY" "$ROOT/resources/sample_data/generate_sample.py" --out "$DATA" --scale "$SCALE"
fi
ZONES="$DATA/zones.gpkg"
LANDUSE="$DATA/landuse_2020.gpkg"
RASTER="$DATA/landuse_2020.tif"
for f in "$ZONES" "$LANDUSE" "$RASTER"; do [[ -f "$f" ]] || { echo "missing $f" >&2; exit 2; }; done
"$PY" - "$DATA/sample_manifest.json" "$SCALE" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
if float(m["params"]["scale"]) != float(sys.argv[2]):
    sys.exit(f"{sys.argv[1]} is scale {m['params']['scale']}, not {sys.argv[2]}")
EOF

mkdir -p "$WORK/timings" "$(dirname "$RESULTS")"
# Forget earlier timings of the tools run now (others are kept, so a subset can be re-run).
for t in $TOOLS; do
    rm -f "$WORK/timings/$t".run* "$WORK/timings/$t".setup.cmd
    [[ "$t" == qgis_vector ]] && rm -f "$WORK/timings/qgis_vector_nocheck".run*
done
record_run_info "$ROOT" "repeat_fast: $REPEAT_FAST" "repeat_slow: $REPEAT_SLOW"

# Warm the page cache so no tool pays for the first read from disk.
cat "$ZONES" "$LANDUSE" "$RASTER" > /dev/null

G_COMMON=(tally --zones "$ZONES" --zone-id code)
for run in $(seq "$REPEAT_FAST"); do
    want guotu_vector_ellipsoidal && timed guotu_vector_ellipsoidal "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$LANDUSE" --class-field lucc_code \
        -o "$WORK/guotu_vector_ellipsoidal.csv"
    want guotu_vector_planar && timed guotu_vector_planar "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$LANDUSE" --class-field lucc_code --area planar \
        -o "$WORK/guotu_vector_planar.csv"
    want guotu_raster_exact && timed guotu_raster_exact "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" -o "$WORK/guotu_raster_exact.csv"
    want guotu_raster_centre && timed guotu_raster_centre "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" --raster-mode centre \
        -o "$WORK/guotu_raster_centre.csv"
    want guotu_raster_centre_planar && timed guotu_raster_centre_planar "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" --raster-mode centre --area planar \
        -o "$WORK/guotu_raster_centre_planar.csv"
    # The same with one thread (guotu's default above is one worker thread per CPU).
    want guotu_raster_exact_1t && timed guotu_raster_exact_1t "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" --threads 1 -o "$WORK/guotu_raster_exact_1t.csv"
    want guotu_raster_centre_1t && timed guotu_raster_centre_1t "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" --raster-mode centre --threads 1 \
        -o "$WORK/guotu_raster_centre_1t.csv"
    want guotu_raster_centre_planar_1t && timed guotu_raster_centre_planar_1t "$run" -- \
        "$GUOTU" "${G_COMMON[@]}" --landuse "$RASTER" --raster-mode centre --area planar --threads 1 \
        -o "$WORK/guotu_raster_centre_planar_1t.csv"
done

if want spatialite_planar; then
    # Set-up (not timed): one GeoPackage holding both layers.
    BOTH="$WORK/spatialite_both.gpkg"
    rm -f "$BOTH"
    log "set-up: copying land use and zones into $BOTH"
    cp "$LANDUSE" "$BOTH"
    ogr2ogr -update "$BOTH" "$ZONES" zones -nln zones
    { echo "cp $LANDUSE $BOTH"
      echo "ogr2ogr -update $BOTH $ZONES zones -nln zones"; } > "$WORK/timings/spatialite_planar.setup.cmd"
    cat "$BOTH" > /dev/null
    for run in $(seq "$REPEAT_FAST"); do
        rm -f "$WORK/spatialite_planar.csv"
        timed spatialite_planar "$run" -- ogr2ogr -f CSV "$WORK/spatialite_planar.csv" "$BOTH" \
            -dialect SQLite -sql "@$HERE/spatialite_tally.sql"
    done
fi

if want qgis_zonalhist; then
    for run in $(seq "$REPEAT_SLOW"); do
        timed qgis_zonalhist "$run" -- "$PY" "$HERE/qgis_zonal_histogram.py" \
            --zones "$ZONES" --raster "$RASTER" --out-dir "$WORK"
        cp "$WORK/qgis_zonalhist_steps.json" "$WORK/timings/qgis_zonalhist.run$run.steps.json" || true
    done
fi

if want qgis_vector; then
    for run in $(seq "$REPEAT_SLOW"); do
        # QGIS desktop default: stop when a geometry is invalid.
        timed qgis_vector "$run" -- "$PY" "$HERE/qgis_vector_tally.py" \
            --zones "$ZONES" --landuse "$LANDUSE" --out-dir "$WORK" --invalid abort
        cp "$WORK/qgis_vector_steps.json" "$WORK/timings/qgis_vector.run$run.steps.json" || true
        if [[ "$(cat "$WORK/timings/qgis_vector.run$run.rc")" == 3 ]]; then
            log "QGIS stopped on an invalid geometry; re-running with GeometryNoCheck"
            timed qgis_vector_nocheck "$run" -- "$PY" "$HERE/qgis_vector_tally.py" \
                --zones "$ZONES" --landuse "$LANDUSE" --out-dir "$WORK" --invalid nocheck
            cp "$WORK/qgis_vector_steps.json" "$WORK/timings/qgis_vector_nocheck.run$run.steps.json" || true
        fi
    done
fi

log "comparing outputs and writing $RESULTS"
"$PY" "$HERE/collect_results.py" --scale "$SCALE" --data "$DATA" --work "$WORK" \
    --guotu "$GUOTU" --out "$RESULTS"
