"""A small 三调-shaped county package as planners receive it (SYNTHETIC): DLTB of two survey
years from bench/make_sandiao_data.py (12 x 12 cells), an XZQ layer of two townships, and a
File Geodatabase holding DLTB (2020) and XZQ with their upper-case fields. Shared by the CLI
and plugin tests; GDAL only."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from osgeo import gdal, ogr, osr

REPO = Path(__file__).resolve().parents[1]
X0, Y0 = 39_500_000.0, 4_400_000.0


def make_package(folder: Path) -> Path:
    subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), str(folder), "--cells", "12"],
                   check=True, capture_output=True, timeout=120)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    xzq = folder / "xzq.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(xzq))
    layer = ds.CreateLayer("XZQ", srs, ogr.wkbMultiPolygon)
    for name in ("XZQDM", "XZQMC"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    half = 12 * 160 / 2
    for k, (x, name) in enumerate(((0, "西乡"), (half, "东乡"))):
        f = ogr.Feature(layer.GetLayerDefn())
        f["XZQDM"], f["XZQMC"] = f"13010110{k}", name
        x0, x1 = X0 + x, X0 + x + half
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({x0} {Y0},{x1} {Y0},{x1} {Y0 + 2 * half},{x0} {Y0 + 2 * half},{x0} {Y0})))"))
        layer.CreateFeature(f)
    layer = None
    ds = None
    gdb = folder / "县级三调.gdb"
    gdal.VectorTranslate(str(gdb), str(folder / "landuse_2020.gpkg"), format="OpenFileGDB", layerName="DLTB")
    gdal.VectorTranslate(str(gdb), str(xzq), format="OpenFileGDB", accessMode="update", layerName="XZQ")
    return gdb
