#!/usr/bin/env bash
# Area by zone and land-use class on 三调-shaped data (bench/make_sandiao_data.py): guotu from
# the command line and from QGIS against the QGIS Processing chain a planner would build, on
# the SAME data in the SAME run; every tool's table checked against guotu's; results in
# bench/results/tally_sandiao<CELLS>.json.
#
#   bash bench/run_tally_sandiao_bench.sh [CELLS]     # CELLS defaults to 250 (62,500 cells, a county)
#
# Zones: the villages of the data (its ZLDWDM's 12-digit prefix, 25 x 25 cells each: 100 for
# 250 cells), dissolved once with OGR's SQLite dialect (set-up, not timed).
# Tools (each timed with /usr/bin/time -v: wall clock and peak RSS):
#   guotu_cli            guotu tally, zones layer, ellipsoidal area (the vector tally is one thread)
#   guotu_cli_by_code    guotu tally --zone-code-field ZLDWDM --zone-code-length 12 (no zones layer)
#   guotu_qgis_process   guotu:areabyclass through qgis_process on the same files (the plugin
#                        packaged into a throw-away profile; QGIS's start-up included)
#   guotu_qgis_by_code   guotu:areabyunitcode through qgis_process (village level)
#   qgis_chain           native:intersection -> native:fieldcalculator ($area on the ellipsoid)
#                        -> qgis:statisticsbycategories (bench/qgis_vector_tally.py)
# Every tool is pinned to CPU 0 (taskset), so all have the same CPU budget.
#
# Environment (all optional): GUOTU_BENCH_DATA, GUOTU_BENCH_WORK, GUOTU_BENCH_RESULTS,
# GUOTU_BENCH_TOOLS, GUOTU_BENCH_REPEAT_FAST (default 3), GUOTU_BENCH_REPEAT_SLOW (default 1), GUOTU.
set -euo pipefail

CELLS="${1:-250}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
TIME=/usr/bin/time
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/sandiao$CELLS}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/tally-sandiao$CELLS-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/tally_sandiao$CELLS.json}"
ALL_TOOLS="guotu_cli guotu_cli_by_code guotu_qgis_process guotu_qgis_by_code qgis_chain"
TOOLS="${GUOTU_BENCH_TOOLS:-$ALL_TOOLS}"
REPEAT_FAST="${GUOTU_BENCH_REPEAT_FAST:-3}"
REPEAT_SLOW="${GUOTU_BENCH_REPEAT_SLOW:-1}"
PIN=(taskset -c 0)
export QT_QPA_PLATFORM=offscreen

source "$HERE/bench_lib.sh"
wait_for_guotu_binary

if [[ ! -f "$DATA/sample_manifest.json" ]]; then
    log "generating $CELLS x $CELLS cells of 三调-shaped data into $DATA"
    "$PY" "$HERE/make_sandiao_data.py" "$DATA" --cells "$CELLS"
fi
LANDUSE="$DATA/landuse_2020.gpkg"
ZONES="$WORK/villages.gpkg"
mkdir -p "$WORK/timings" "$(dirname "$RESULTS")"
forget_timings
record_run_info "$ROOT" "repeat_fast: $REPEAT_FAST" "repeat_slow: $REPEAT_SLOW" "pinned: ${PIN[*]}"
if [[ ! -f "$ZONES" ]]; then
    log "set-up: the villages dissolved from ZLDWDM into $ZONES"
    ogr2ogr -f GPKG "$ZONES" "$LANDUSE" -nln zones -dialect SQLite \
        -sql "SELECT substr(ZLDWDM, 1, 12) AS code, ST_Union(geom) AS geom FROM landuse GROUP BY substr(ZLDWDM, 1, 12)"
fi
cat "$LANDUSE" "$ZONES" > /dev/null

for run in $(seq "$REPEAT_FAST"); do
    want guotu_cli && timed guotu_cli "$run" -- "${PIN[@]}" "$GUOTU" tally --zones "$ZONES" --zone-id code \
        --landuse "$LANDUSE" --class-field lucc_code --deduction none -o "$WORK/guotu_cli.csv"
    want guotu_cli_by_code && timed guotu_cli_by_code "$run" -- "${PIN[@]}" "$GUOTU" tally \
        --zone-code-field ZLDWDM --zone-code-length 12 --landuse "$LANDUSE" --class-field lucc_code \
        --deduction none -o "$WORK/guotu_cli_by_code.csv"
done

if want guotu_qgis_process || want guotu_qgis_by_code; then
    QP_HOME="$WORK/qgis_home"
    rm -rf "$QP_HOME" "$WORK/plugins"
    mkdir -p "$QP_HOME"
    "$PY" "$ROOT/scripts/package_plugin.py" --build-dir "$ROOT/build" --out "$WORK/plugins" >/dev/null
    QP_ENV=(env HOME="$QP_HOME" XDG_DATA_HOME="$QP_HOME/xdg" QGIS_PLUGINPATH="$WORK/plugins")
    "${QP_ENV[@]}" /usr/bin/qgis_process.bin plugins enable guotu >/dev/null
    for run in $(seq "$REPEAT_FAST"); do
        rm -f "$WORK/guotu_qgis_process.csv" "$WORK/guotu_qgis_by_code.csv"
        want guotu_qgis_process && timed guotu_qgis_process "$run" -- "${PIN[@]}" "${QP_ENV[@]}" \
            /usr/bin/qgis_process.bin run guotu:areabyclass -- ZONES="$ZONES" ZONE_ID=code LANDUSE="$LANDUSE" \
            CLASS_FIELD=lucc_code DEDUCT_TIANKAN=false CHECK_AREAS=false OUTPUT="$WORK/guotu_qgis_process.csv"
        want guotu_qgis_by_code && timed guotu_qgis_by_code "$run" -- "${PIN[@]}" "${QP_ENV[@]}" \
            /usr/bin/qgis_process.bin run guotu:areabyunitcode -- LANDUSE="$LANDUSE" CLASS_FIELD=lucc_code \
            UNIT_CODE_FIELD=ZLDWDM LEVEL=2 DEDUCT_TIANKAN=false CHECK_AREAS=false \
            OUTPUT="$WORK/guotu_qgis_by_code.csv"
    done
fi

if want qgis_chain; then
    for run in $(seq "$REPEAT_SLOW"); do
        timed qgis_chain "$run" -- "${PIN[@]}" "$PY" "$HERE/qgis_vector_tally.py" --zones "$ZONES" \
            --landuse "$LANDUSE" --out-dir "$WORK" --invalid nocheck
    done
fi

log "comparing tables and writing $RESULTS"
"$PY" "$HERE/collect_tally_sandiao.py" --work "$WORK" --data "$DATA" --out "$RESULTS" --tools "$ALL_TOOLS"
