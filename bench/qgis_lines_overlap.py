"""QGIS's way to find the overlaps between the three control lines: for each rule asked
(L04 red line x farmland, L05 red line x urban boundary, L06 farmland x urban boundary),
native:intersection of the two workspace layers (to a GeoPackage), then $area of each
piece (ellipsoid of the CRS), pieces with area > 0 counted and summed.

    python3 qgis_lines_overlap.py WS.gpkg OUT.gpkg [L04,L05,L06]   (default L04)

Prints one line per rule: `RULE intersection_s=.. area_s=.. pieces=.. total_ha=..`."""
import sys, time
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer
app = QgsApplication([], False); app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
import processing

PAIRS = {"L04": ("permanent_farmland", "ecological_redline"),
         "L05": ("ecological_redline", "urban_boundary"),
         "L06": ("permanent_farmland", "urban_boundary")}
ws, out = sys.argv[1], sys.argv[2]
rules = sys.argv[3].split(",") if len(sys.argv) > 3 else ["L04"]
ctx = QgsProcessingContext()
ctx.setEllipsoid('EPSG:7019')
for rule in rules:
    a, b = PAIRS[rule]
    first = QgsVectorLayer(f"{ws}|layername={a}", a, "ogr")
    second = QgsVectorLayer(f"{ws}|layername={b}", b, "ogr")
    target = out if len(rules) == 1 else out.replace(".gpkg", f"_{rule}.gpkg")
    t0 = time.time()
    res = processing.run("native:intersection", {"INPUT": first, "OVERLAY": second, "OUTPUT": target}, context=ctx,
                         feedback=QgsProcessingFeedback())
    t1 = time.time()
    calc = processing.run("native:fieldcalculator", {"INPUT": res["OUTPUT"], "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                          "FIELD_LENGTH": 20, "FIELD_PRECISION": 4, "FORMULA": "$area",
                          "OUTPUT": target.replace(".gpkg", "_area.gpkg")},
                          context=ctx, feedback=QgsProcessingFeedback())
    t2 = time.time()
    layer = QgsVectorLayer(calc["OUTPUT"], "x", "ogr")
    n = 0; total = 0.0
    for f in layer.getFeatures():
        if f["area_m2"] and f["area_m2"] > 0:
            n += 1; total += f["area_m2"]
    print(f"{rule} intersection_s={t1-t0:.2f} area_s={t2-t1:.2f} pieces={n} total_ha={total/1e4:.6f}", flush=True)
