"""Damaged GeoPackages, as a disk or a copy gone wrong leaves them: a land-use layer of
vertex-rich square parcels (1,600 by default, a 40 × 40 grid of 50 m cells in EPSG:4527,
classes 0101 and 0301 alternating) and a zones layer over it, then one database page
overwritten — in the middle of the land-use table, or its root page. Shared by the CLI and
plugin tests; pure OGR and sqlite3."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from osgeo import ogr, osr

X0, Y0, CELL = 39_500_000.0, 4_400_000.0, 50.0


def write_grid(path: Path, n: int = 1600, columns: int = 40) -> Path:
    """GeoPackage with layers 'landuse' (dlbm) and 'zones' (xzqdm, gdp, pop; one zone 'Z1' over all)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("landuse", srs, ogr.wkbMultiPolygon)
    layer.CreateField(ogr.FieldDefn("dlbm", ogr.OFTString))
    layer.StartTransaction()
    for i in range(n):
        x, y = X0 + (i % columns) * CELL, Y0 + (i // columns) * CELL
        edge = ",".join(f"{x + CELL * k / 20} {y}" for k in range(20))  # 20 vertices on the south edge
        feature = ogr.Feature(layer.GetLayerDefn())
        feature["dlbm"] = "0101" if i % 2 else "0301"
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({edge},{x + CELL} {y},{x + CELL} {y + CELL},{x} {y + CELL},{x} {y})))"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    zones = ds.CreateLayer("zones", srs, ogr.wkbMultiPolygon)
    zones.CreateField(ogr.FieldDefn("xzqdm", ogr.OFTString))
    for name in ("gdp", "pop"):
        zones.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    rows = (n + columns - 1) // columns
    feature = ogr.Feature(zones.GetLayerDefn())
    feature["xzqdm"], feature["gdp"], feature["pop"] = "Z1", 1e9, 1e4
    x1, y1 = X0 + columns * CELL, Y0 + rows * CELL
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"MULTIPOLYGON((({X0} {Y0},{x1} {Y0},{x1} {y1},{X0} {y1},{X0} {Y0})))"))
    zones.CreateFeature(feature)
    ds = None
    return path


def damage(source: Path, target: Path, table: str = "landuse", where: str = "middle") -> Path:
    """A copy of ``source`` with one page of ``table`` overwritten: a leaf page in the middle
    of the table ("middle") or the table's root page ("root")."""
    shutil.copy(source, target)
    db = sqlite3.connect(str(target))
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    leaves = [row[0] for row in db.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", (table,))]
    db.close()
    page = root if where == "root" else leaves[len(leaves) // 2]
    with open(target, "r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\xff" * page_size)
    return target
