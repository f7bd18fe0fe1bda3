#!/usr/bin/env bash
# The main job on the bundled (synthetic) sample region: sets up, generates the sample
# data if needed, then runs the ecological voucher (生态券) accounting 2010 → 2020 and the
# voucher market for about 150 county-like zones, printing a summary and writing
# build/demo/vouchers.gpkg (and, with QGIS, a styled map as PNG and a PDF report); then the
# rectification parcel check of a land consolidation project on six of its villages
# (build/demo/parcels/: verdicts, the meeting workbook and one PDF report per village).
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
echo "Results in $OUT/: vouchers.gpkg (layers voucher, trades, voucher_classes, summary, unknown_codes);"
echo "parcels/verdicts.gpkg (parcel_checks, parcel_reasons, project_checks, village_totals), parcels/review.xlsx"
echo "and parcels/reports/*.pdf"
