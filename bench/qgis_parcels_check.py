"""The geometry of `guotu parcels check` done with QGIS Processing: each rectification parcel
intersected (native:intersection) with the red line, the permanent farmland, the urban
boundary, the villages and the parcels themselves (overlaps between parcels), $area of every
piece (ellipsoid of the CRS), then summed per parcel in Python — the hectares a reviewer
reads in guotu's parcel_checks (redline_ha, farmland_ha), the village of most area, and the
pairs of parcels that overlap.

    python3 qgis_parcels_check.py PARCELS.gpkg WS.gpkg VILLAGES.gpkg OUT_DIR

Prints one line per step (`step=NAME seconds=..`) and writes OUT_DIR/qgis_parcels.json
({dkbh: {redline_ha, farmland_ha, urban_ha, village, overlaps}})."""
import json
import sys
import time
from collections import defaultdict

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
import processing

parcels_path, ws, villages_path, out_dir = sys.argv[1:5]
ctx = QgsProcessingContext()
ctx.setEllipsoid('EPSG:7019')
parcels = QgsVectorLayer(f"{parcels_path}|layername=parcels", "parcels", "ogr")
overlays = {"redline": (QgsVectorLayer(f"{ws}|layername=ecological_redline", "r", "ogr"), []),
            "farmland": (QgsVectorLayer(f"{ws}|layername=permanent_farmland", "f", "ogr"), []),
            "urban": (QgsVectorLayer(f"{ws}|layername=urban_boundary", "u", "ogr"), []),
            "village": (QgsVectorLayer(villages_path, "v", "ogr"), ["code"]),
            "parcels": (QgsVectorLayer(f"{parcels_path}|layername=parcels", "p2", "ogr"), ["dkbh"])}
result = defaultdict(lambda: {"redline_ha": 0.0, "farmland_ha": 0.0, "urban_ha": 0.0, "village": None,
                              "village_ha": 0.0, "overlaps": []})
for name, (layer, fields) in overlays.items():
    t0 = time.time()
    res = processing.run("native:intersection", {"INPUT": parcels, "OVERLAY": layer, "INPUT_FIELDS": ["dkbh"],
                         "OVERLAY_FIELDS": fields, "OVERLAY_FIELDS_PREFIX": "o_",
                         "OUTPUT": f"{out_dir}/qgis_{name}.gpkg"}, context=ctx, feedback=QgsProcessingFeedback())
    t1 = time.time()
    calc = processing.run("native:fieldcalculator", {"INPUT": res["OUTPUT"], "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                          "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": "$area",
                          "OUTPUT": f"{out_dir}/qgis_{name}_area.gpkg"}, context=ctx, feedback=QgsProcessingFeedback())
    t2 = time.time()
    per_village = defaultdict(float)
    for f in QgsVectorLayer(calc["OUTPUT"], "x", "ogr").getFeatures():
        a = f["area_m2"]
        if not a or a <= 0:
            continue
        r = result[f["dkbh"]]
        if name in ("redline", "farmland", "urban"):
            r[f"{name}_ha"] += a / 1e4
        elif name == "village":
            per_village[(f["dkbh"], f["o_code"])] += a / 1e4
        elif f["o_dkbh"] != f["dkbh"]:
            r["overlaps"].append([f["o_dkbh"], a / 1e4])
    for (dkbh, code), ha in per_village.items():
        if ha > result[dkbh]["village_ha"]:
            result[dkbh]["village"], result[dkbh]["village_ha"] = code, ha
    print(f"step={name} intersection_s={t1 - t0:.2f} area_s={t2 - t1:.2f}", flush=True)
with open(f"{out_dir}/qgis_parcels.json", "w", encoding="utf-8") as f:
    json.dump(result, f, ensure_ascii=False)
print(f"parcels={len(result)}")
