#!/usr/bin/env bash
# Benchmark `guotu voucher` (ecological vouchers, 生态券) against the same accounting done
# with QGIS Processing + Python, on the SAME synthetic data in the SAME run; check the
# per-zone M0, Mt and E of every QGIS chain against guotu's `voucher` layer, and write
# bench/results/voucher_scale<SCALE>.json.
#
#   bash bench/run_voucher_bench.sh [SCALE]        # SCALE defaults to 5
#
# Inputs (from generate_sample.py): zones.gpkg (code, name, gdp, population), base year
# landuse_2010 and target year landuse_2020 (.gpkg with lucc_code, or .tif), urban mask
# urban_2020.gpkg; coefficients resources/presets/voucher/CAS_LUCC.csv; --price 30000
# --cap 50000.
#
# Tools (each timed with /usr/bin/time -v: wall clock and peak RSS):
#   guotu_voucher_vector              guotu voucher, polygons, ellipsoidal (default)
#   guotu_voucher_raster              guotu voucher, GeoTIFFs, exact coverage, ellipsoidal
#                                     (default), guotu's default worker threads (one per CPU)
#   guotu_voucher_raster_centre_planar   same, --raster-mode centre --area planar (what the
#                                     zonal histogram computes; the raster check's reference)
#   guotu_voucher_raster_1core, guotu_voucher_raster_centre_planar_1core
#                                     the same two under `taskset -c 0` (one core; voucher
#                                     has no --threads option, so its two threads share it)
#   qgis_voucher_vector               QGIS: per year native:difference (land use - mask) ->
#                                     native:intersection (x zones) -> native:fieldcalculator
#                                     $area -> qgis:statisticsbycategories; zones $area; then
#                                     the voucher arithmetic in Python (bench/qgis_voucher.py)
#   qgis_voucher_raster               QGIS: native:difference (zones - mask) -> per year
#                                     native:zonalhistogram; zones $area; Python arithmetic
#
# Environment (all optional):
#   GUOTU_BENCH_DATA      data directory (default build/bench-data/scale<SCALE>; generated
#                         with resources/sample_data/generate_sample.py when missing)
#   GUOTU_BENCH_WORK      outputs and raw timings (default build/bench-data/voucher<SCALE>-work)
#   GUOTU_BENCH_RESULTS   results JSON (default bench/results/voucher_scale<SCALE>.json)
#   GUOTU_BENCH_TOOLS     space-separated subset of the tool names above (default: all)
#   GUOTU_BENCH_REPEAT_FAST  runs of each guotu tool; best wall time is kept (default 3)
#   GUOTU_BENCH_REPEAT_SLOW  runs of each QGIS tool (default 2; see GUOTU_BENCH_SLOW_ONCE_S)
#   GUOTU_BENCH_SLOW_ONCE_S  a QGIS tool whose first run takes longer is run once (default 600)
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
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/voucher$SCALE-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/voucher_scale$SCALE.json}"
ALL_TOOLS="guotu_voucher_vector guotu_voucher_raster guotu_voucher_raster_centre_planar guotu_voucher_raster_1core guotu_voucher_raster_centre_planar_1core qgis_voucher_raster qgis_voucher_vector"
TOOLS="${GUOTU_BENCH_TOOLS:-$ALL_TOOLS}"
REPEAT_FAST="${GUOTU_BENCH_REPEAT_FAST:-3}"
REPEAT_SLOW="${GUOTU_BENCH_REPEAT_SLOW:-2}"
COEFFS="$ROOT/resources/presets/voucher/CAS_LUCC.csv"
PRICE=30000
CAP=50000
export QT_QPA_PLATFORM=offscreen

source "$HERE/bench_lib.sh"

for exe in "$PY" "$TIME" taskset; do
    command -v "$exe" >/dev/null || { echo "missing: $exe" >&2; exit 2; }
done
wait_for_guotu_binary

# ---- data -------------------------------------------------------------------------
if [[ ! -f "$DATA/sample_manifest.json" ]]; then
    log "generating scale-$SCALE data into $DATA"
    "$PY" "$ROOT/resources/sample_data/generate_sample.py" --out "$DATA" --scale "$SCALE"
fi
ZONES="$DATA/zones.gpkg"
MASK="$DATA/urban_2020.gpkg"
for f in "$ZONES" "$MASK" "$COEFFS" "$DATA"/landuse_{2010,2020}.{gpkg,tif}; do
    [[ -f "$f" ]] || { echo "missing $f" >&2; exit 2; }
done
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
cat "$ZONES" "$MASK" "$DATA"/landuse_{2010,2020}.{gpkg,tif} > /dev/null

# guotu takes its CAS_LUCC coefficients from its own preset (the default), QGIS's
# arithmetic reads resources/presets/voucher/CAS_LUCC.csv.
# The QGIS arithmetic (bench/qgis_voucher.py) takes G and P over the zones: so does guotu here
# (its default is the national values of the target year).
G_COMMON=(voucher --zones "$ZONES" --zone-id code --zone-name name --gdp-field gdp
          --pop-field population --mask "$MASK" --price "$PRICE" --cap "$CAP" --reference zones)
G_VECTOR=(--base "$DATA/landuse_2010.gpkg" --base-class-field lucc_code
          --target "$DATA/landuse_2020.gpkg" --target-class-field lucc_code)
G_RASTER=(--base "$DATA/landuse_2010.tif" --target "$DATA/landuse_2020.tif")
ONE_CORE=(taskset -c "${GUOTU_BENCH_CPU:-0}")
for run in $(seq "$REPEAT_FAST"); do
    for name in guotu_voucher_vector guotu_voucher_raster guotu_voucher_raster_centre_planar \
                guotu_voucher_raster_1core guotu_voucher_raster_centre_planar_1core; do
        want "$name" || continue
        out="$WORK/$name.gpkg"
        rm -f "$out"
        case "$name" in
            guotu_voucher_vector) timed "$name" "$run" -- "$GUOTU" "${G_COMMON[@]}" "${G_VECTOR[@]}" -o "$out" ;;
            guotu_voucher_raster) timed "$name" "$run" -- "$GUOTU" "${G_COMMON[@]}" "${G_RASTER[@]}" -o "$out" ;;
            guotu_voucher_raster_centre_planar) timed "$name" "$run" -- "$GUOTU" "${G_COMMON[@]}" \
                "${G_RASTER[@]}" --raster-mode centre --area planar -o "$out" ;;
            guotu_voucher_raster_1core) timed "$name" "$run" -- "${ONE_CORE[@]}" "$GUOTU" \
                "${G_COMMON[@]}" "${G_RASTER[@]}" -o "$out" ;;
            guotu_voucher_raster_centre_planar_1core) timed "$name" "$run" -- "${ONE_CORE[@]}" "$GUOTU" \
                "${G_COMMON[@]}" "${G_RASTER[@]}" --raster-mode centre --area planar -o "$out" ;;
        esac
    done
done

Q_COMMON=(--zones "$ZONES" --mask "$MASK" --coefficients "$COEFFS" --out-dir "$WORK")
for mode in raster vector; do
    name="qgis_voucher_$mode"
    want "$name" || continue
    ext=gpkg; [[ "$mode" == raster ]] && ext=tif
    for run in $(seq "$REPEAT_SLOW"); do
        if [[ "$run" -gt 1 ]] && ! more_slow_runs_wanted "$name"; then break; fi
        # QGIS desktop default: stop when a geometry is invalid.
        timed "$name" "$run" -- "$PY" "$HERE/qgis_voucher.py" --mode "$mode" "${Q_COMMON[@]}" \
            --base "$DATA/landuse_2010.$ext" --target "$DATA/landuse_2020.$ext" --invalid abort
        cp "$WORK/qgis_voucher_${mode}_steps.json" "$WORK/timings/$name.run$run.steps.json" || true
    done
done

log "comparing outputs and writing $RESULTS"
"$PY" "$HERE/collect_voucher.py" --scale "$SCALE" --data "$DATA" --work "$WORK" \
    --guotu "$GUOTU" --out "$RESULTS"
