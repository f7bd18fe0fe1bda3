#!/usr/bin/env bash
# Cross-city border conflicts (issue #7): `guotu border` against the same analysis built
# from QGIS Processing steps (bench/qgis_border.sh: buffer, polygons to lines, intersection,
# difference, extract, dissolve; one qgis_process call per step), on the same synthetic data
# in one run, outputs compared (bench/compare_border.py).
#
#   bash bench/run_border_bench.sh
#
# Data (bench/make_border_data.py, synthetic): 15 x 14 = 210 admin units with waving shared
# borders, 500 elements per unit (~101,600 polygons). Environment (optional):
#   GUOTU_BENCH_DATA     data directory (default build/bench-data/border)
#   GUOTU_BENCH_WORK     outputs and logs (default build/bench-data/border-work)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/border_scale1.json)
#   GUOTU_BENCH_REPEAT   guotu runs, best kept (default 3); QGIS runs once
#   GUOTU                the guotu binary (default build/core/guotu)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
TIME=/usr/bin/time
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/border}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/border-work}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/border_scale1.json}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
wall() { grep 'Elapsed' "$1" | sed 's/.*: //' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
rss_kb() { grep 'Maximum resident' "$1" | sed 's/.*: //'; }

[[ -x "$GUOTU" ]] || { echo "build guotu first: $GUOTU" >&2; exit 2; }
if [[ ! -f "$DATA/border_manifest.json" ]]; then
    log "generating the data into $DATA"
    "$PY" "$HERE/make_border_data.py" "$DATA"
fi
ADMIN="$DATA/admin.gpkg"
ELEMENTS="$DATA/elements.gpkg"

best="" best_run=0 guotu_loads=()
for i in $(seq "$REPEAT"); do
    rm -f "$WORK/guotu.gpkg"
    before=$(load)
    log "guotu run $i (load $before)"
    "$TIME" -v -o "$WORK/guotu.run$i.time" "$GUOTU" border --admin "$ADMIN" --admin-id code --admin-name name \
        --elements "$ELEMENTS" --city-field city --category-field category --name-field name \
        -o "$WORK/guotu.gpkg" > "$WORK/guotu.run$i.log" 2>&1
    t=$(wall "$WORK/guotu.run$i.time")
    guotu_loads+=("run $i: $before -> $(load)")
    log "  $t s, $(rss_kb "$WORK/guotu.run$i.time") KB"
    if [[ -z "$best" ]] || (( $(echo "$t < $best" | bc) )); then best=$t; best_run=$i; fi
done
cat "$WORK/guotu.run$best_run.log" | tr '\r' '\n' | grep -v '^\s*$' | tail -5

# qgis_process start-up (application, providers), paid once per step.
for i in 1 2 3; do
    "$TIME" -f %e -o "$WORK/startup.$i" /usr/bin/qgis_process.bin run native:extractbyexpression \
        "--INPUT=$ADMIN|layername=admin" "--EXPRESSION=false" "--OUTPUT=$WORK/startup.gpkg" > /dev/null 2>&1
done
startup=$(sort -n "$WORK"/startup.? | head -1)

qgis_before=$(load)
log "QGIS Processing chain (load $qgis_before)"
"$TIME" -v -o "$WORK/qgis.time" bash "$HERE/qgis_border.sh" "$ADMIN" "$ELEMENTS" "$WORK/qgis" > "$WORK/qgis.log" 2>&1
qgis_after=$(load)
q=$(wall "$WORK/qgis.time")
steps=$(wc -l < "$WORK/qgis/steps.tsv")
log "  QGIS: $q s in $steps steps (start-up $startup s each), $(rss_kb "$WORK/qgis.time") KB peak of one step"

ratio=$(echo "scale=2; $q / $best" | bc)
ratio_net=$(echo "scale=2; ($q - $steps * $startup) / $best" | bc)
log "QGIS / guotu = $ratio (without start-ups: $ratio_net)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
"$PY" "$HERE/compare_border.py" "$WORK/guotu.gpkg" "$WORK/qgis" "$RESULTS" \
    "machine=$(nproc) cores, $cpu, $(. /etc/os-release; echo "$PRETTY_NAME"), $("$GUOTU" --version | head -1)" \
    "data=$(cat "$DATA/border_manifest.json" | tr -d '\n')" \
    "guotu_best_s=$best" "guotu_runs_s=$(for i in $(seq "$REPEAT"); do printf '%s ' "$(wall "$WORK/guotu.run$i.time")"; done)" \
    "guotu_peak_rss_kb=$(rss_kb "$WORK/guotu.run$best_run.time")" "guotu_loadavg=${guotu_loads[*]}" \
    "qgis_s=$q" "qgis_steps=$steps" "qgis_startup_s_per_step=$startup" \
    "qgis_peak_rss_kb_of_one_step=$(rss_kb "$WORK/qgis.time")" "qgis_loadavg=$qgis_before -> $qgis_after" \
    "qgis_step_times=$(awk -F'\t' '{printf "%s %s; ", $1, $3}' "$WORK/qgis/steps.tsv")" \
    "ratio_qgis_over_guotu=$ratio" "ratio_without_qgis_startups=$ratio_net" "git_head=$(git -C "$ROOT" rev-parse --short HEAD)" \
    > "$WORK/compare.log"
grep -E '"ok"|all_checks' "$RESULTS"
log "written $RESULTS"
