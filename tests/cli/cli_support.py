"""Helpers for the guotu CLI tests: the built binary and small GIS files made on the fly.

A module of its own (not conftest.py): tests/plugin has a conftest.py too, and a plain
`from conftest import` would pick whichever pytest imported first."""
from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterable, Sequence

import pytest
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
REPO = Path(__file__).resolve().parents[2]

# Gauss-Krüger zone 39 origin used by the fixtures: near the central meridian, Hebei latitude.
X0, Y0 = 39_500_000.0, 4_400_000.0


def guotu_binary() -> Path:
    path = Path(os.environ.get("GUOTU_CLI", REPO / "build" / "core" / "guotu"))
    if not path.exists():
        pytest.fail(f"the guotu binary is missing at {path}: build first (scripts/setup.sh)")
    return path


def run_guotu(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(guotu_binary()), *args], capture_output=True, text=True, timeout=300)


def style_aliases(qml: str) -> dict:
    """field -> alias of a stored QML style (the attributes in any order)."""
    return {a.get("field"): a.get("name") for a in ET.fromstring(qml).iter("alias")}


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def write_layer(path: Path, name: str, epsg: int | None, fields: Sequence[tuple[str, int]],
                features: Iterable[tuple[dict, str]], driver: str = "GPKG",
                geom_type: int = ogr.wkbPolygon, options: Sequence[str] = ()) -> Path:
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    layer = ds.CreateLayer(name, srs, geom_type, options=list(options))
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for attrs, wkt in features:
        feature = ogr.Feature(layer.GetLayerDefn())
        for key, value in attrs.items():
            feature.SetField(key, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    ds = None
    return path


def make_zones(tmp_path: Path) -> Path:
    """Zone A = [0,1000]x[0,1000] and B = [1000,2000]x[0,1000] metres from the origin."""
    return write_layer(tmp_path / "zones.gpkg", "zones", 4527, [("code", ogr.OFTString)], [
        ({"code": "A"}, box(X0, Y0, X0 + 1000, Y0 + 1000)),
        ({"code": "B"}, box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000)),
    ])


LANDUSE_BOXES = [  # (class, box offsets in metres)
    (21, (100, 100, 500, 500)),
    (12, (800, 0, 1200, 1000)),
    (21, (1500, 500, 2500, 1500)),
    (41, (0, 0, 100, 100)),
]


def make_landuse(tmp_path: Path) -> Path:
    return write_layer(tmp_path / "landuse.gpkg", "landuse", 4527, [("lucc", ogr.OFTInteger)], [
        ({"lucc": code}, box(X0 + a, Y0 + b, X0 + c, Y0 + d)) for code, (a, b, c, d) in LANDUSE_BOXES
    ])


def rasterize(vector: Path, out: Path, cell: float, extent: tuple[float, float, float, float]) -> Path:
    gdal.Rasterize(str(out), str(vector), attribute="lucc", xRes=cell, yRes=cell, outputBounds=extent,
                   noData=255, initValues=255, outputType=gdal.GDT_Byte, creationOptions=["TILED=YES",
                   "BLOCKXSIZE=16", "BLOCKYSIZE=16"])
    return out
