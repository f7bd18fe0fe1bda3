#!/usr/bin/env bash
# Re-measures the old synthetic sample's benchmarks (issue #13: "the old sample's ratios must not get
# worse") with every tool — guotu and the QGIS chains, SpatiaLite and GeoPandas where the bench has
# them — pinned to one CPU: the whole driver runs under `taskset -c CPU`, so every child inherits it
# (guotu's default threads share that CPU), and the benches' own one-CPU runs use the same CPU
# (GUOTU_BENCH_CPU). CPU seconds (user + sys) come from the benches' GNU time files; the load average
# is recorded around every run. bench/collect_recheck.py then writes results/*_recheck.json.
#
#   bash bench/run_old_sample_recheck.sh [BENCH...]   # convert tally voucher lines border (default: all)
#
# Environment (optional):
#   GUOTU_BENCH_CPU   the CPU (default 1)
#   GUOTU             the guotu binary (default build/core/guotu)
#   GUOTU_BEFORE      an older guotu for the border bench's same-run comparison (optional)
# Data: build/bench-data/scale1 (resources/sample_data/generate_sample.py --scale 1) for convert,
# tally and voucher; build/bench-data/scale5 for the lines bench's old variant; build/bench-data/border
# (bench/make_border_data.py) for the border — each generated when missing. Work directories are
# build/bench-data/recheck-*; nothing is written outside them and bench/results/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
export GUOTU_BENCH_CPU="${GUOTU_BENCH_CPU:-1}"
export QT_QPA_PLATFORM=offscreen
BD="$ROOT/build/bench-data"
PIN=(taskset -c "$GUOTU_BENCH_CPU")
benches=("$@")
[[ ${#benches[@]} -gt 0 ]] || benches=(convert tally voucher lines border)
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
mkdir -p "$BD"
for bench in "${benches[@]}"; do
    log "$bench (CPU $GUOTU_BENCH_CPU, load $(cut -d' ' -f1-3 /proc/loadavg))"
    case "$bench" in
    convert)
        GUOTU_BENCH_KIND=sample GUOTU_BENCH_DATA="$BD/scale1" GUOTU_BENCH_WORK="$BD/recheck-convert1" \
            GUOTU_BENCH_RESULTS="$BD/recheck-convert1/raw.json" "${PIN[@]}" bash "$HERE/run_convert_bench.sh" 1 ;;
    tally)
        GUOTU_BENCH_DATA="$BD/scale1" GUOTU_BENCH_WORK="$BD/recheck-tally1" \
            GUOTU_BENCH_RESULTS="$BD/recheck-tally1/raw.json" "${PIN[@]}" bash "$HERE/run_tally_bench.sh" 1 ;;
    voucher)
        GUOTU_BENCH_DATA="$BD/scale1" GUOTU_BENCH_WORK="$BD/recheck-voucher1" \
            GUOTU_BENCH_RESULTS="$BD/recheck-voucher1/raw.json" "${PIN[@]}" bash "$HERE/run_voucher_bench.sh" 1 ;;
    lines)
        GUOTU_BENCH_VARIANT=sample5 GUOTU_BENCH_DATA="$BD/scale5" GUOTU_BENCH_WORK="$BD/recheck-lines5" \
            GUOTU_BENCH_RESULTS="$BD/recheck-lines5/raw.json" "${PIN[@]}" bash "$HERE/run_lines_bench.sh" ;;
    border)
        GUOTU_BENCH_VARIANT=synthetic GUOTU_BENCH_DATA="$BD/border" GUOTU_BENCH_WORK="$BD/recheck-border1" \
            GUOTU_BENCH_RESULTS="$BD/recheck-border1/raw.json" "${PIN[@]}" bash "$HERE/run_border_bench.sh" ;;
    *) echo "unknown bench $bench (convert tally voucher lines border)" >&2; exit 2 ;;
    esac
done
log "done"
