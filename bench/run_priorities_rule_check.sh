#!/usr/bin/env bash
# The ruling objective on a 三调-shaped county (issue #19): `guotu priorities rule` on the 62,266
# parcels of bench/make_sandiao_data.py --cells 250 (2020 layer) with 24 synthetic red-line zones
# and four admin quadrants (bench/make_priority_zones.py), checked zone by zone against the
# SpatiaLite SQL of bench/spatialite_priorities_rule.sql (planar areas), timed with GNU time.
# Usage: bash bench/run_priorities_rule_check.sh   (GUOTU_BENCH_DATA=DIR to reuse the county)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${GUOTU_BENCH_DATA:-build/bench-data/sandiao250}
W=${GUOTU_BENCH_WORK:-build/bench-data/prio-rule}
mkdir -p "$W"
[ -f "$DATA/landuse_2020.gpkg" ] || /usr/bin/python3 bench/make_sandiao_data.py "$DATA" --cells 250
if [ ! -f "$W/both.gpkg" ]; then
  cp "$DATA/landuse_2020.gpkg" "$W/both.gpkg"
  /usr/bin/python3 bench/make_priority_zones.py "$W/both.gpkg" "$W/zones.gpkg"
  ogr2ogr -append "$W/both.gpkg" "$W/zones.gpkg" zones
  ogr2ogr -append "$W/both.gpkg" "$W/zones.gpkg" ctl
fi
args=(--zones "$W/zones.gpkg" --zones-layer zones --type-field GNLX --landuse "$W/both.gpkg" --landuse-layer landuse
      --deduction-field KCXS --admin "$W/zones.gpkg" --admin-layer xzq)
for area in planar ellipsoidal; do
  for i in 1 2; do
    rm -f "$W/rule_$area.gpkg"
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
    /usr/bin/time -f "guotu $area run $i: %e s wall, %U s user + %S s system, %M KB peak" \
      build/core/guotu priorities rule "${args[@]}" --area "$area" -o "$W/rule_$area.gpkg" 2>&1 | grep -v warning
  done
done
for i in 1 2; do
  rm -f "$W/sql.csv"
  echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "spatialite run $i: %e s wall, %U s user + %S s system, %M KB peak" \
    ogr2ogr -f CSV "$W/sql.csv" "$W/both.gpkg" -dialect SQLite -sql @bench/spatialite_priorities_rule.sql
done
/usr/bin/python3 bench/compare_priorities_rule.py "$W/rule_planar.gpkg" "$W/sql.csv"
