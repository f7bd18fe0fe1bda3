"""QGIS's way to find red line x farmland overlaps: native:intersection of the two
workspace layers (to a GeoPackage), then $area of each piece (ellipsoid of the CRS)."""
import sys, time
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsVectorLayer, QgsFeatureRequest
app = QgsApplication([], False); app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
import processing
ws, out = sys.argv[1], sys.argv[2]
ctx = QgsProcessingContext()
ctx.setEllipsoid('EPSG:7019')
farmland = QgsVectorLayer(f"{ws}|layername=permanent_farmland", "farmland", "ogr")
redline = QgsVectorLayer(f"{ws}|layername=ecological_redline", "redline", "ogr")
t0 = time.time()
res = processing.run("native:intersection", {"INPUT": farmland, "OVERLAY": redline, "OUTPUT": out}, context=ctx,
                     feedback=QgsProcessingFeedback())
t1 = time.time()
calc = processing.run("native:fieldcalculator", {"INPUT": res["OUTPUT"], "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                      "FIELD_LENGTH": 20, "FIELD_PRECISION": 4, "FORMULA": "$area", "OUTPUT": out.replace(".gpkg", "_area.gpkg")},
                      context=ctx, feedback=QgsProcessingFeedback())
t2 = time.time()
layer = QgsVectorLayer(calc["OUTPUT"], "x", "ogr")
n = 0; total = 0.0
for f in layer.getFeatures():
    if f["area_m2"] and f["area_m2"] > 0:
        n += 1; total += f["area_m2"]
print(f"intersection_s={t1-t0:.2f} area_s={t2-t1:.2f} pieces={n} total_ha={total/1e4:.4f}")
