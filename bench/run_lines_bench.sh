#!/usr/bin/env bash
# Red line x permanent farmland overlaps (issue #4): `guotu lines check --rules L04` against
# QGIS native:intersection + $area on the same three-lines workspace, in one run.
# Data: the 1,000,000 parcels of the scale-5 sample as farmland and the 2010 forest parcels
# of classes 21/22 with fid % 20 = 0 (6,566 polygons, drawn on other parcel boundaries, so
# they overlap the farmland) as the red line.
# Usage: bash bench/run_lines_bench.sh   (GUOTU_BENCH_DATA=/tmp/sample5 to reuse data)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${GUOTU_BENCH_DATA:-build/bench-data/scale5}
WORK=${GUOTU_BENCH_WORK:-build/bench-data/lines-work}
GUOTU=build/core/guotu
mkdir -p "$WORK"
[ -f "$DATA/landuse_2020.gpkg" ] || /usr/bin/python3 resources/sample_data/generate_sample.py --out "$DATA" --scale 5
WS="$WORK/ws.gpkg"
if [ ! -f "$WS" ]; then
  $GUOTU lines init "$WS" --crs EPSG:4527 >/dev/null
  ogr2ogr -append -nln permanent_farmland -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2020.gpkg" -sql "SELECT geom FROM landuse" -gt 100000
  ogr2ogr -append -nln ecological_redline -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
    -sql "SELECT geom FROM landuse WHERE lucc_code IN (21, 22) AND fid % 20 = 0"
fi
echo "farmland: $(ogrinfo -so "$WS" permanent_farmland | grep Count), red line: $(ogrinfo -so "$WS" ecological_redline | grep Count)"
for i in 1 2; do
  rm -f "$WORK/guotu$i.gpkg"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "guotu run $i: %e s wall, %M KB peak, %P CPU" $GUOTU lines check --workspace "$WS" --rules L04 \
    -o "$WORK/guotu$i.gpkg" | grep L04
done
ogrinfo -q -sql "SELECT COUNT(*) AS pieces, SUM(value) AS total_ha FROM issues WHERE rule_id='L04'" "$WORK/guotu1.gpkg" | grep -E "pieces|total_ha"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$WORK"/qgis_out*.gpkg
QT_QPA_PLATFORM=offscreen /usr/bin/time -f "qgis: %e s wall, %M KB peak, %P CPU" \
  /usr/bin/python3 bench/qgis_lines_overlap.py "$WS" "$WORK/qgis_out.gpkg"
