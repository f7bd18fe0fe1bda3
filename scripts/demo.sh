#!/usr/bin/env bash
# The main job on the bundled (synthetic) sample region: sets up, generates the sample
# data if needed, then runs the ecological voucher (生态券) accounting 2010 → 2020 and the
# voucher market for about 150 county-like zones, printing a summary and writing
# build/demo/vouchers.gpkg (and, with QGIS, a styled map as PNG and a PDF report); then the
# rectification parcel check of a land consolidation project on six of its villages
# (build/demo/parcels/: verdicts, the meeting workbook and one PDF report per village); then
# the three-lines check, the town tally, the conversion map and the parcel check on a county's
# data as delivered (build/county: File Geodatabases and GBK shapefiles, SYNTHETIC).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

SAMPLE=build/sample
OUT=build/demo
mkdir -p "$OUT"
/usr/bin/python3 resources/sample_data/generate_sample.py --out "$SAMPLE"

echo
echo "== Ecological vouchers 2010 -> 2020 (CAS_LUCC land use, urban space excluded), market at 30000 yuan/ha, cap 5000 ha, nearest sellers first"
build/core/guotu voucher \
  --zones "$SAMPLE/zones.gpkg" --zone-id code --zone-name name --gdp-field gdp --pop-field population \
  --base "$SAMPLE/landuse_2010.gpkg" --base-class-field lucc_code --base-system CAS_LUCC \
  --target "$SAMPLE/landuse_2020.gpkg" --target-class-field lucc_code --target-system CAS_LUCC \
  --mask "$SAMPLE/urban_2020.gpkg" \
  --price 30000 --cap 5000 --allocation nearest \
  -o "$OUT/vouchers.gpkg"

if [ -f scripts/voucher_report.py ]; then
  echo
  echo "== Styled map and printable report (QGIS print layout)"
  QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/voucher_report.py "$OUT/vouchers.gpkg" \
    --png "$OUT/vouchers.png" --pdf "$OUT/vouchers.pdf"
fi

echo
echo "== Rectification parcel check (整治地块审查): a consolidation project on six villages"
/usr/bin/python3 resources/sample_data/generate_parcels_sample.py --sample "$SAMPLE" --out "$SAMPLE/parcels" \
  --guotu build/core/guotu
mkdir -p "$OUT/parcels"
build/core/guotu parcels check \
  --parcels "$SAMPLE/parcels/zzdk.gpkg" --parcel-id dkbh --type-field zzlx --project-field xmbh \
  --current-field xzdl --current-system CAS_LUCC --planned-field ghdl --planned-system CAS_LUCC \
  --workspace "$SAMPLE/parcels/workspace.gpkg" \
  --villages "$SAMPLE/parcels/cun.gpkg" --village-id cdm --village-name cmc \
  --xlsx "$OUT/parcels/review.xlsx" -o "$OUT/parcels/verdicts.gpkg"
QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/parcels_report.py "$OUT/parcels/verdicts.gpkg" \
  --out "$OUT/parcels/reports" --workspace "$SAMPLE/parcels/workspace.gpkg"

echo
echo "== A county's data as delivered (SYNTHETIC, shaped like a 三调 package): File Geodatabases, GBK shapefiles"
echo "   without .cpg, upper-case fields, the plan's layers in their own names — used as they are, nothing renamed"
COUNTY=build/county
/usr/bin/python3 resources/sample_data/generate_county_package.py --out "$COUNTY"
SANDIAO="$COUNTY/130101_2019_三调.gdb"
CHANGE="$COUNTY/130101_2020_变更"
PLAN="$COUNTY/规划成果.gdb"
mkdir -p "$OUT/county"
echo
echo "-- Three-lines check of the delivered layers (targets from XZQ_GHZB, cultivated land net of 田坎 from DLTB)"
build/core/guotu lines check \
  --redline "$PLAN" --redline-layer 生态保护红线 --farmland "$PLAN" --farmland-layer 永久基本农田 \
  --urban "$PLAN" --urban-layer 城镇开发边界 --admin "$PLAN" --admin-layer XZQ_GHZB \
  --farmland-target NTRWMJ --redline-target HXRWMJ --urban-2020-field CZYD2020 \
  --landuse "$SANDIAO" --landuse-layer DLTB --class-field DLBM --system SANDIAO_WORK \
  --stats-csv "$OUT/county/line_stats.csv" -o "$OUT/county/lines_check.gpkg"
echo
echo "-- Land use by town from the parcels' own ZLDWDM (no zones layer), named from XZQ, areas checked against TBMJ"
build/core/guotu tally --zone-code-field ZLDWDM --zone-code-length 9 \
  --landuse "$SANDIAO" --landuse-layer DLTB --class-field DLBM \
  --zone-names "$SANDIAO" --zone-names-layer XZQ --area-check TBMJ -o "$OUT/county/tally_towns.gpkg"
echo
echo "-- Conversion map 2019 (File Geodatabase) -> 2020 change survey (GBK shapefile), by town"
build/core/guotu convert \
  --before "$SANDIAO" --before-layer DLTB --before-class-field DLBM --before-system SANDIAO_WORK \
  --after "$CHANGE/DLTB.shp" --after-class-field DLBM --after-system SANDIAO_WORK --encoding CP936 \
  --zones "$SANDIAO" --zones-layer XZQ --zone-id XZQDM -o "$OUT/county/conversion.gpkg"
echo
echo "-- Ecological vouchers 2019 -> 2020 by town: GDP and population from the yearbook table, the red line and"
echo "   farmland as delivered (a loss of ecological land inside the red line is a violation, not demand)"
build/core/guotu voucher \
  --zones "$SANDIAO" --zones-layer XZQ --zone-id XZQDM --zone-name XZQMC \
  --gdp-field GDP --pop-field POP --zone-table "$COUNTY/统计年鉴_2020.csv" \
  --base "$SANDIAO" --base-layer DLTB --base-class-field DLBM --base-system SANDIAO_WORK \
  --target "$CHANGE/DLTB.shp" --target-class-field DLBM --target-system SANDIAO_WORK --encoding CP936 \
  --redline "$PLAN" --redline-layer 生态保护红线 --farmland "$PLAN" --farmland-layer 永久基本农田 \
  --price 30000 -o "$OUT/county/vouchers.gpkg"
echo
echo "-- Rectification parcels (GBK shapefile) against the delivered lines, by village (CJDCQ)"
build/core/guotu parcels check \
  --parcels "$COUNTY/整治项目/ZZDK.shp" --encoding CP936 --parcel-id DKBH --type-field ZZLX --project-field XMBH \
  --current-field XZDL --current-system SANDIAO_WORK --planned-field GHDL --planned-system SANDIAO_WORK \
  --redline "$PLAN" --redline-layer 生态保护红线 --farmland "$PLAN" --farmland-layer 永久基本农田 \
  --urban "$PLAN" --urban-layer 城镇开发边界 \
  --villages "$SANDIAO" --villages-layer CJDCQ --village-id ZLDWDM --village-name ZLDWMC \
  --xlsx "$OUT/county/parcels_review.xlsx" -o "$OUT/county/parcels.gpkg"
echo
echo "-- Border between the towns (XZQ): the red line as delivered, each patch under the town in its XZQDM"
build/core/guotu border \
  --admin "$SANDIAO" --admin-layer XZQ --admin-id XZQDM --admin-name XZQMC \
  --elements "$PLAN" --elements-layer 生态保护红线 --city-field XZQDM --category-field HXLX --name-field HXMC \
  -o "$OUT/county/border.gpkg"
echo
echo "-- Ruling objective in the red line by its function type (HXLX), controlled land net of 田坎, by town"
build/core/guotu priorities rule \
  --zones "$PLAN" --zones-layer 生态保护红线 --type-field HXLX \
  --landuse "$SANDIAO" --landuse-layer DLTB --class-field DLBM --deduction-field KCXS \
  --admin "$SANDIAO" --admin-layer XZQ --admin-id XZQDM --admin-name XZQMC -o "$OUT/county/ruling_objective.gpkg"
echo
echo "-- Binding indicators of the towns: XZQ_GHZB's farmland task (NTRWMJ) against the delivered farmland"
build/core/guotu indicators \
  --admin "$PLAN" --admin-layer XZQ_GHZB --admin-code XZQDM --admin-name XZQMC \
  --landuse "$CHANGE/DLTB.shp" --encoding CP936 --class-field DLBM --before "$SANDIAO" --before-layer DLTB \
  --farmland "$PLAN" --farmland-layer 永久基本农田 --target permanent_farmland=NTRWMJ \
  --csv "$OUT/county/indicators.csv" -o "$OUT/county/indicators.gpkg"

echo
echo "Results in $OUT/: vouchers.gpkg (layers voucher, trades, voucher_classes, summary, unknown_codes);"
echo "parcels/verdicts.gpkg (parcel_checks, parcel_reasons, project_checks, village_totals), parcels/review.xlsx"
echo "and parcels/reports/*.pdf; county/ the same jobs on the delivered county package (lines_check.gpkg, line_stats.csv,"
echo "tally_towns.gpkg, conversion.gpkg, vouchers.gpkg, parcels.gpkg, parcels_review.xlsx, border.gpkg,"
echo "ruling_objective.gpkg, indicators.gpkg and indicators.csv)"
