"""guotu:frameindicators in QGIS with the land-use raster of the transmission benchmark
(bench/run_frame_landuse_bench.sh's data), for timing the plugin's reading of the raster.

Usage: /usr/bin/python3 bench/qgis_frame_landuse.py PLUGIN_ROOT DATA OUT.gpkg
PLUGIN_ROOT holds an assembled guotu/ (scripts/package_plugin.py --out PLUGIN_ROOT); the
script prints the algorithm's own wall and CPU seconds (QGIS start-up left out).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_common import start_qgis, stop_qgis  # noqa: E402


def main() -> None:
    plugin_root, data, out = sys.argv[1:4]
    _app, processing = start_qgis()
    sys.path.insert(0, plugin_root)
    from qgis.core import QgsApplication
    from guotu.processing.provider import GuotuProvider

    provider = GuotuProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    if os.path.exists(out):
        os.remove(out)
    params = {"CATALOGUE": f"{data}/catalogue.csv", "THRESHOLDS": f"{data}/thresholds.csv",
              "ELEMENTS": f"{data}/elements.gpkg|layername=elements", "CITY_FIELD": "XZQDM",
              "ELEMENT_FIELD": "YSBH", "NAME_FIELD": "YSMC", "LANDUSE_RASTER": f"{data}/landuse.tif", "THREADS": 1,
              "ELEMENT_INDICATORS": f"ogr:dbname='{out}' table=\"element_indicators\" (geom)",
              "INDICATOR_FINDINGS": "memory:", "CATALOGUE_FINDINGS": "memory:", "CATALOGUE_CITIES": "memory:"}
    wall, cpu = time.perf_counter(), time.process_time()
    processing.run("guotu:frameindicators", params)
    print(f"guotu:frameindicators with the land-use raster: {time.perf_counter() - wall:.2f} s wall, "
          f"{time.process_time() - cpu:.2f} s CPU", flush=True)
    stop_qgis()


if __name__ == "__main__":
    main()
