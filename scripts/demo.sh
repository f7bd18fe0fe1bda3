#!/usr/bin/env bash
# The main job on the bundled (synthetic) sample region: sets up, generates the sample
# data if needed, and tallies land-use area by county, from polygons and from the 30 m
# raster, printing a summary and writing the tables under build/demo/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

SAMPLE=build/sample
OUT=build/demo
mkdir -p "$OUT"
/usr/bin/python3 resources/sample_data/generate_sample.py --out "$SAMPLE"

echo
echo "== Land use 2020 (polygons) by county, ellipsoidal area, urban space excluded"
build/core/guotu tally --zones "$SAMPLE/zones.gpkg" --zone-id code \
  --landuse "$SAMPLE/landuse_2020.gpkg" --class-field lucc_code \
  --mask "$SAMPLE/urban_2020.gpkg" -o "$OUT/tally_2020_vector.gpkg"

echo
echo "== Land use 2020 (30 m raster) by county, exact cell coverage"
build/core/guotu tally --zones "$SAMPLE/zones.gpkg" --zone-id code \
  --landuse "$SAMPLE/landuse_2020.tif" -o "$OUT/tally_2020_raster.csv"

echo
echo "Results: $OUT/tally_2020_vector.gpkg (table 'tally') and $OUT/tally_2020_raster.csv"
