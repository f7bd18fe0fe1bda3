#!/usr/bin/env bash
# Transmission indicators (issue #18): `guotu framework indicators` against the QGIS chain a
# planner would otherwise run (native:slope, qgis:rastercalculator for the steep share and
# three native:zonalstatisticsfb), on the same synthetic data in one run, outputs compared.
# Data: bench/make_frame_data.py (SYNTHETIC: a 20000 x 20000 Float32 DEM of 10 m cells and
# 1,000 cross-city elements = 2,000 city parts on a 4 x 4 grid of cities).
# Usage: bash bench/run_frame_bench.sh   (GUOTU_BENCH_SIZE=4000 GUOTU_BENCH_ELEMENTS=200 for a quick run)
# GUOTU_BENCH_CPU=1: every run pinned to that CPU (taskset), guotu with --threads 1, so that
# the CPU seconds of the two tools are measured alike on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${GUOTU_BENCH_SIZE:-20000}
ELEMENTS=${GUOTU_BENCH_ELEMENTS:-1000}
SLOPE=${GUOTU_BENCH_SLOPE:-10}
DATA=${GUOTU_BENCH_DATA:-build/bench-data/frame-$SIZE}
WORK=${GUOTU_BENCH_WORK:-build/bench-data/frame-work-$SIZE}
GUOTU=build/core/guotu
mkdir -p "$WORK"
[ -s "$DATA/dem.tif" ] || /usr/bin/python3 bench/make_frame_data.py --out "$DATA" --size "$SIZE" --elements "$ELEMENTS"
echo "data: $DATA ($(du -sh "$DATA/dem.tif" | cut -f1) DEM, $(ogrinfo -so "$DATA/elements.gpkg" elements | grep Count))"
echo "machine: $(nproc) CPUs, $(grep MemTotal /proc/meminfo | awk '{print $2}') kB, git $(git rev-parse --short HEAD)"
PIN=(); [ -n "${GUOTU_BENCH_CPU:-}" ] && PIN=(taskset -c "$GUOTU_BENCH_CPU")
echo "pinned: ${PIN[*]:-no}"
for i in 1 2 t1; do
  THREADS=(); { [ "$i" = t1 ] || [ ${#PIN[@]} -gt 0 ]; } && THREADS=(--threads 1)
  rm -f "$WORK/guotu$i.gpkg"
  echo "load before guotu run $i: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "guotu run $i ${THREADS[*]}: %e s wall, %U s user, %S s sys, %M KB peak, %P CPU" "${PIN[@]}" $GUOTU framework indicators "${THREADS[@]}" \
    --catalogue "$DATA/catalogue.csv" --thresholds "$DATA/thresholds.csv" --elements "$DATA/elements.gpkg" \
    --city-field XZQDM --element-field YSBH --name-field YSMC --dem "$DATA/dem.tif" --slope-threshold "$SLOPE" \
    -o "$WORK/guotu$i.gpkg" 2>&1 | grep -v '^guotu: note'
done
echo "load before QGIS: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "qgis chain: %e s wall, %U s user, %S s sys, %M KB peak, %P CPU" \
  "${PIN[@]}" /usr/bin/python3 bench/qgis_frame_chain.py "$DATA" "$WORK" "$SLOPE" 2>&1 | grep -v XDG_RUNTIME
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 bench/compare_frame.py "$WORK/guotu1.gpkg" "$WORK/qgis_parts.gpkg"
