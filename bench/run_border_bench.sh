#!/usr/bin/env bash
# Cross-city border conflicts (issue #7): `guotu border` against the same analysis built
# from QGIS Processing steps (bench/qgis_border.sh: buffer, polygons to lines, intersection,
# difference, extract, dissolve; one qgis_process call per step), on the same synthetic data
# in one run, outputs compared (bench/compare_border.py).
#
#   bash bench/run_border_bench.sh
#
# Data, default (GUOTU_BENCH_VARIANT=sandiao250; bench/make_border_sandiao.py, 三调-shaped):
# the 100 villages of the county made by bench/make_sandiao_data.py --cells 250 as admin
# units, each submitting its own parcels (2010 or 2020 survey, alternately) as red line,
# farmland and urban elements (47,172 polygons of ~45 vertices).
# GUOTU_BENCH_VARIANT=synthetic: the old data (bench/make_border_data.py): 15 x 14 = 210 admin
# units with waving shared borders, 500 rectangles per unit (~101,600 polygons).
# Every tool is pinned to one CPU (taskset -c GUOTU_BENCH_CPU, default 0); CPU seconds
# (user + sys, children included) are recorded with the wall times. Environment (optional):
#   GUOTU_BENCH_COUNTY   the county for the default data (default build/bench-data/sandiao250)
#   GUOTU_BENCH_DATA     data directory (default build/bench-data/border-sandiao250, or border)
#   GUOTU_BENCH_WORK     outputs and logs (default build/bench-data/border-sandiao250-work, or border-work)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/border_sandiao250.json, or border_scale1.json)
#   GUOTU_BENCH_REPEAT   guotu runs (with --threads 1 and with its default, one thread per CPU),
#                        best kept (default 3); QGIS runs once (single-threaded)
#   GUOTU                the guotu binary (default build/core/guotu)
#   GUOTU_BEFORE         optional: an older guotu binary (e.g. main's) timed once with --threads 1 in
#                        the same run, its outputs compared with bench/compare_border_outputs.py
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
TIME=/usr/bin/time
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
VARIANT="${GUOTU_BENCH_VARIANT:-sandiao250}"
case "$VARIANT" in
sandiao250)
    DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/border-sandiao250}"
    WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/border-sandiao250-work}"
    RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/border_sandiao250.json}" ;;
synthetic)
    DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/border}"
    WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/border-work}"
    RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/border_scale1.json}" ;;
*) echo "unknown GUOTU_BENCH_VARIANT $VARIANT (sandiao250 or synthetic)" >&2; exit 2 ;;
esac
PIN=(taskset -c "${GUOTU_BENCH_CPU:-0}")
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
wall() { grep 'Elapsed' "$1" | sed 's/.*: //' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }
rss_kb() { grep 'Maximum resident' "$1" | sed 's/.*: //'; }
cpu() { awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f\n", s }' "$1"; }

[[ -x "$GUOTU" ]] || { echo "build guotu first: $GUOTU" >&2; exit 2; }
if [[ ! -f "$DATA/border_manifest.json" ]]; then
    log "generating the data into $DATA"
    if [[ "$VARIANT" == sandiao250 ]]; then
        COUNTY="${GUOTU_BENCH_COUNTY:-$ROOT/build/bench-data/sandiao250}"
        [[ -f "$COUNTY/villages.gpkg" ]] || { echo "no county with villages in $COUNTY" >&2; exit 2; }
        "$PY" "$HERE/make_border_sandiao.py" "$COUNTY" "$DATA"
    else
        "$PY" "$HERE/make_border_data.py" "$DATA"
    fi
fi
ADMIN="$DATA/admin.gpkg"
ELEMENTS="$DATA/elements.gpkg"

# guotu with one thread, then with its default (one per CPU): best of REPEAT runs each.
declare -A best best_run loads
for mode in 1t default; do
    threads=()
    [[ "$mode" == 1t ]] && threads=(--threads 1)
    best[$mode]="" best_run[$mode]=0 loads[$mode]=""
    for i in $(seq "$REPEAT"); do
        rm -f "$WORK/guotu_$mode.gpkg"
        before=$(load)
        log "guotu $mode run $i (load $before)"
        "$TIME" -v -o "$WORK/guotu_$mode.run$i.time" "${PIN[@]}" "$GUOTU" border --admin "$ADMIN" --admin-id code --admin-name name \
            --elements "$ELEMENTS" --city-field city --category-field category --name-field name "${threads[@]}" \
            -o "$WORK/guotu_$mode.gpkg" > "$WORK/guotu_$mode.run$i.log" 2>&1
        t=$(wall "$WORK/guotu_$mode.run$i.time")
        loads[$mode]+="run $i: $before -> $(load); "
        log "  $t s, $(rss_kb "$WORK/guotu_$mode.run$i.time") KB, $(grep 'Percent of CPU' "$WORK/guotu_$mode.run$i.time" | sed 's/.*: //') CPU"
        if [[ -z "${best[$mode]}" ]] || (( $(echo "$t < ${best[$mode]}" | bc) )); then best[$mode]=$t; best_run[$mode]=$i; fi
    done
done
tr '\r' '\n' < "$WORK/guotu_1t.run${best_run[1t]}.log" | grep -v '^\s*$' | tail -5

before_cpu="" before_wall="" before_equal=""
if [[ -n "${GUOTU_BEFORE:-}" ]]; then
    rm -f "$WORK/guotu_before.gpkg"
    log "guotu before ($GUOTU_BEFORE), --threads 1 (load $(load))"
    "$TIME" -v -o "$WORK/guotu_before.time" "${PIN[@]}" "$GUOTU_BEFORE" border --admin "$ADMIN" --admin-id code --admin-name name \
        --elements "$ELEMENTS" --city-field city --category-field category --name-field name --threads 1 \
        -o "$WORK/guotu_before.gpkg" > "$WORK/guotu_before.log" 2>&1
    before_cpu=$(cpu "$WORK/guotu_before.time") before_wall=$(wall "$WORK/guotu_before.time")
    log "  before: $before_cpu s CPU, $before_wall s wall"
    if "$PY" "$HERE/compare_border_outputs.py" "$WORK/guotu_before.gpkg" "$WORK/guotu_1t.gpkg" \
        --json "$WORK/before_vs_now.json" > /dev/null; then before_equal=true; else before_equal=false; fi
    log "  outputs equal to the before run within the tolerances: $before_equal ($WORK/before_vs_now.json)"
fi

# qgis_process start-up (application, providers), paid once per step: wall and CPU seconds.
for i in 1 2 3; do
    "$TIME" -f "%e %U %S" -o "$WORK/startup.$i" "${PIN[@]}" /usr/bin/qgis_process.bin run native:extractbyexpression \
        "--INPUT=$ADMIN|layername=admin" "--EXPRESSION=false" "--OUTPUT=$WORK/startup.gpkg" > /dev/null 2>&1
done
startup=$(cut -d' ' -f1 "$WORK"/startup.? | sort -n | head -1)
startup_cpu=$(awk '{ printf "%.2f\n", $2 + $3 }' "$WORK"/startup.? | sort -n | head -1)

qgis_before=$(load)
log "QGIS Processing chain (load $qgis_before)"
"$TIME" -v -o "$WORK/qgis.time" "${PIN[@]}" bash "$HERE/qgis_border.sh" "$ADMIN" "$ELEMENTS" "$WORK/qgis" > "$WORK/qgis.log" 2>&1
qgis_after=$(load)
q=$(wall "$WORK/qgis.time")
steps=$(wc -l < "$WORK/qgis/steps.tsv")
log "  QGIS: $q s in $steps steps (start-up $startup s each), $(rss_kb "$WORK/qgis.time") KB peak of one step"

r1=$(echo "scale=2; $q / ${best[1t]}" | bc)
r2=$(echo "scale=2; $q / ${best[default]}" | bc)
n1=$(echo "scale=2; ($q - $steps * $startup) / ${best[1t]}" | bc)
n2=$(echo "scale=2; ($q - $steps * $startup) / ${best[default]}" | bc)
log "QGIS / guotu: 1 thread $r1 ($n1 without the start-ups), $(nproc) threads $r2 ($n2)"
cpus() { local m=$1 i; for i in $(seq "$REPEAT"); do printf '%s ' "$(cpu "$WORK/guotu_$m.run$i.time")"; done; }
c1=$(cpus 1t | tr ' ' '\n' | grep . | sort -n | head -1)
cq=$(cpu "$WORK/qgis.time")
rc=$(echo "scale=2; $cq / $c1" | bc)
cq_compute=$(echo "scale=2; $cq - $steps * $startup_cpu" | bc)
rcn=$(echo "scale=2; $cq_compute / $c1" | bc)
log "CPU seconds: guotu 1 thread $c1, QGIS $cq: QGIS / guotu $rc; without QGIS's $steps start-ups ($startup_cpu s CPU each) $cq_compute: $rcn"
cpu="$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
runs() { local m=$1 i; for i in $(seq "$REPEAT"); do printf '%s ' "$(wall "$WORK/guotu_$m.run$i.time")"; done; }
"$PY" "$HERE/compare_border.py" "$WORK/guotu_1t.gpkg" "$WORK/qgis" "$RESULTS" \
    "machine=$(nproc) cores, $cpu, $(. /etc/os-release; echo "$PRETTY_NAME"), $("$GUOTU" --version | head -1)" \
    "data=$(tr -d '\n' < "$DATA/border_manifest.json")" \
    "guotu_1thread_best_s=${best[1t]}" "guotu_1thread_runs_s=$(runs 1t)" \
    "guotu_1thread_peak_rss_kb=$(rss_kb "$WORK/guotu_1t.run${best_run[1t]}.time")" "guotu_1thread_loadavg=${loads[1t]}" \
    "guotu_default_threads=$(nproc)" "guotu_default_best_s=${best[default]}" "guotu_default_runs_s=$(runs default)" \
    "guotu_default_peak_rss_kb=$(rss_kb "$WORK/guotu_default.run${best_run[default]}.time")" \
    "guotu_default_loadavg=${loads[default]}" \
    "qgis_s=$q" "qgis_steps=$steps" "qgis_startup_s_per_step=$startup" \
    "qgis_peak_rss_kb_of_one_step=$(rss_kb "$WORK/qgis.time")" "qgis_loadavg=$qgis_before -> $qgis_after" \
    "qgis_step_times=$(awk -F'\t' '{printf "%s %s; ", $1, $3}' "$WORK/qgis/steps.tsv")" \
    "ratio_qgis_over_guotu_1thread=$r1" "ratio_without_qgis_startups_1thread=$n1" \
    "ratio_qgis_over_guotu_default_threads=$r2" "ratio_without_qgis_startups_default_threads=$n2" \
    "variant=$VARIANT" "pinned=${PIN[*]}" "guotu_1thread_cpu_s_runs=$(cpus 1t)" "guotu_default_cpu_s_runs=$(cpus default)" \
    "guotu_1thread_best_cpu_s=$c1" "qgis_cpu_s=$cq" "ratio_cpu_qgis_over_guotu_1thread=$rc" \
    "qgis_startup_cpu_s_per_step=$startup_cpu" "qgis_cpu_s_without_startups=$cq_compute" \
    "ratio_cpu_without_qgis_startups_1thread=$rcn" \
    "guotu_before=${GUOTU_BEFORE:-}" "guotu_before_1thread_cpu_s=$before_cpu" "guotu_before_1thread_wall_s=$before_wall" \
    "guotu_before_outputs_equal=$before_equal" \
    "git_head=$(git -C "$ROOT" rev-parse --short HEAD)" > "$WORK/compare.log"
if ! cmp -s <(ogrinfo -q -sql "SELECT * FROM pair_summary ORDER BY admin_a, admin_b" "$WORK/guotu_1t.gpkg" | tail -n +3) \
            <(ogrinfo -q -sql "SELECT * FROM pair_summary ORDER BY admin_a, admin_b" "$WORK/guotu_default.gpkg" | tail -n +3); then
    echo "pair_summary differs between 1 and $(nproc) threads" >&2
    exit 1
fi
grep -E '"ok"|all_checks' "$RESULTS"
log "written $RESULTS"
