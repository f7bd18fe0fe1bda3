#!/usr/bin/env bash
# Forest share from a land-use raster (issue #18): `guotu framework indicators --landuse
# landuse.tif` reading only the raster's blocks the elements meet, against the same command
# of an earlier build that read the whole raster (GUOTU_BEFORE=path/to/guotu), on the
# transmission benchmark's data (bench/make_frame_data.py, 20000 x 20000 cells of 10 m, 1,000
# elements) with a land-use raster on the DEM's grid (bench/make_frame_landuse.py, SYNTHETIC).
# Each run pinned to one CPU (GUOTU_BENCH_CPU, default 1), --threads 1; the forest shares of
# both builds compared cell for cell of the output.
# Usage: GUOTU_BEFORE=/path/to/old/guotu bash bench/run_frame_landuse_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${GUOTU_BENCH_SIZE:-20000}
DATA=${GUOTU_BENCH_DATA:-build/bench-data/frame-$SIZE}
WORK=${GUOTU_BENCH_WORK:-build/bench-data/frame-landuse-work-$SIZE}
CPU=${GUOTU_BENCH_CPU:-1}
mkdir -p "$WORK"
[ -s "$DATA/dem.tif" ] || /usr/bin/python3 bench/make_frame_data.py --out "$DATA" --size "$SIZE" --elements 1000
[ -s "$DATA/landuse.tif" ] || /usr/bin/python3 bench/make_frame_landuse.py "$DATA"
echo "data: $DATA ($(du -sh "$DATA/landuse.tif" | cut -f1) land-use raster, $(ogrinfo -so "$DATA/elements.gpkg" elements | grep Count))"
echo "machine: $(nproc) CPUs, $(grep MemTotal /proc/meminfo | awk '{print $2}') kB, git $(git rev-parse --short HEAD), pinned to CPU $CPU"
run() { # name binary extra...
  local name=$1 bin=$2; shift 2
  rm -f "$WORK/$name.gpkg"
  echo "load before $name: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "$name: %e s wall, %U s user, %S s sys, %M KB peak" taskset -c "$CPU" "$bin" framework indicators \
    --threads 1 --catalogue "$DATA/catalogue.csv" --thresholds "$DATA/thresholds.csv" --elements "$DATA/elements.gpkg" \
    --city-field XZQDM --element-field YSBH --name-field YSMC --landuse "$DATA/landuse.tif" "$@" \
    -o "$WORK/$name.gpkg" 2>&1 | grep -E "s wall|error" || true
}
for i in 1 2; do
  [ -n "${GUOTU_BEFORE:-}" ] && run "before_landuse$i" "$GUOTU_BEFORE"
  run "after_landuse$i" build/core/guotu
done
[ -n "${GUOTU_BEFORE:-}" ] && run before_dem_landuse "$GUOTU_BEFORE" --dem "$DATA/dem.tif"
run after_dem_landuse build/core/guotu --dem "$DATA/dem.tif"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${GUOTU_BEFORE:-}" ]; then
  /usr/bin/python3 - "$WORK" <<'PY'
import sys
from osgeo import ogr
work = sys.argv[1]
def shares(name):
    ds = ogr.Open(f"{work}/{name}.gpkg")
    return [(f["element_id"], f["zone"], f["city_id"], f["other_city_id"], f["forest_share"])
            for f in ds.GetLayerByName("element_indicators")]
for a, b in (("before_landuse1", "after_landuse1"), ("before_dem_landuse", "after_dem_landuse")):
    x, y = shares(a), shares(b)
    assert [r[:4] for r in x] == [r[:4] for r in y], "zones differ"
    diff = max(abs((p[4] or 0) - (q[4] or 0)) for p, q in zip(x, y))
    forest = sum(1 for r in y if r[4])
    print(f"{a} vs {b}: {len(x)} zones, {forest} with forest, largest forest-share difference {diff:.3g}")
PY
fi
