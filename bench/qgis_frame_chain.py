"""What a planner does in QGIS for the transmission indicators of the city parts (the chain
bench/run_frame_bench.sh times against `guotu framework indicators`), run with
/usr/bin/python3:

  1. native:slope on the DEM (degrees, Z factor 1)               -> slope.tif
  2. qgis:rastercalculator "slope@1" > THRESHOLD                   -> steep.tif (1 / 0)
  3. native:zonalstatisticsfb of the parts on the DEM: min, mean, max
  4. ... on slope.tif: mean; 5. ... on steep.tif: mean (the share steeper than THRESHOLD)

Zonal statistics count the cells whose centre is inside a part (no cell fractions), on the
grid's plane cell size; the elements are in the DEM's CRS. The thresholds are then compared
by hand or in a spreadsheet (not timed). Writes OUT.gpkg (layer parts: the element fields
and dem_min, dem_mean, dem_max, slope_mean, steep_mean).

Usage: /usr/bin/python3 bench/qgis_frame_chain.py DATA_DIR WORK_DIR [THRESHOLD_DEG]
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject  # noqa: E402


def main() -> None:
    data, work = Path(sys.argv[1]), Path(sys.argv[2])
    threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 25.0
    work.mkdir(parents=True, exist_ok=True)
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    steps = []

    def run(alg: str, params: dict) -> dict:
        t = time.perf_counter()
        result = processing.run(alg, params, context=context, feedback=feedback)
        steps.append((alg, time.perf_counter() - t))
        print(f"{alg}: {steps[-1][1]:.1f} s", flush=True)
        return result

    dem = str(data / "dem.tif")
    slope = str(work / "slope.tif")
    steep = str(work / "steep.tif")
    for path in (slope, steep, str(work / "qgis_parts.gpkg")):
        if os.path.exists(path):
            os.remove(path)
    run("native:slope", {"INPUT": dem, "Z_FACTOR": 1.0, "OUTPUT": slope})
    from qgis.core import QgsRasterLayer
    slope_layer = QgsRasterLayer(slope, "slope")
    run("qgis:rastercalculator", {"EXPRESSION": f'"slope@1" > {threshold}', "LAYERS": [slope_layer],
                                  "CELLSIZE": 0, "EXTENT": slope_layer.extent(), "CRS": slope_layer.crs(),
                                  "OUTPUT": steep})
    parts = f"{data / 'elements.gpkg'}|layername=elements"
    a = run("native:zonalstatisticsfb", {"INPUT": parts, "INPUT_RASTER": dem, "RASTER_BAND": 1,
                                         "COLUMN_PREFIX": "dem_", "STATISTICS": [2, 5, 6], "OUTPUT": "TEMPORARY_OUTPUT"})
    b = run("native:zonalstatisticsfb", {"INPUT": a["OUTPUT"], "INPUT_RASTER": slope, "RASTER_BAND": 1,
                                         "COLUMN_PREFIX": "slope_", "STATISTICS": [2], "OUTPUT": "TEMPORARY_OUTPUT"})
    run("native:zonalstatisticsfb", {"INPUT": b["OUTPUT"], "INPUT_RASTER": steep, "RASTER_BAND": 1,
                                     "COLUMN_PREFIX": "steep_", "STATISTICS": [2],
                                     "OUTPUT": str(work / "qgis_parts.gpkg")})
    total = sum(s for _a, s in steps)
    print(f"chain total: {total:.1f} s ({', '.join(f'{a} {s:.1f}' for a, s in steps)})", flush=True)
    sys.stdout.flush()
    os._exit(0)  # QGIS 3.22 may crash in exitQgis after Processing; the outputs are written


if __name__ == "__main__":
    main()
