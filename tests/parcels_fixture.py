"""The rectification-parcel fixture shared by the CLI and plugin tests: the layout of
core/tests/test_parcels.c (same hand-computed areas), in EPSG:4527 metres from X0, Y0 so
that planar areas are exact. Pure OGR: no guotu binary or QGIS needed to build it.

    id  x           type          current→planned   expected (rule ids)
    A   [0,100]     农用地整理     0404→0103         fail        P10 (0.5 ha in the red line), P14
    A2  [0,100]×[100,200] 生态保护修复 0103→0301      pass        P10 info, P15
    B   [100,200]   建设用地整理   0103→0702         fail        P11 (1 ha farmland), P15, P17 (1 ha)
    C   [200,300]   拆旧复垦       0702→0103         pass        P15
    D   [300,400]   农用地整理     0103→0601         conditional P15, P17 (0.5 ha)
    E   [400,500]   拆旧复垦       0702→0103         fail        P15, P16 (0.5 ha on the beach layer)
    G   [500,600]   高标准农田     1106→0103         fail        P12, P16 (1 ha: a beach code)
    H   [600,700]   未知类型       0103→0103         fail        P02
    I   [700,800]   农用地整理     0103→9999         fail        P03
    J   [800,900], K [850,950]   0103→0103          fail        P18 (0.5 ha each)
    L   [1000,1100] 农用地整理     0103→0201         conditional P13
    M   bow-tie in [1200,1300]     0103→0103         fail        P01 (repaired: 0.5 ha)
    N   [1400,1500] 农用地整理     0103→0103         pass        (0.5 m² red-line sliver ignored)
Projects: P1 = A, A2, B, D, L fails U01 ((1 − 4) / 4 = −75 %) and U02 (1 ha added for 1 ha out);
P2 = the rest passes U01 (3 / 5.5 = 54.5 %). Villages: V1 = [0,600], V2 = [600,1600].
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Tuple

from osgeo import ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0
EPSG = 4527


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    x0, x1, y0, y1 = X0 + x0, X0 + x1, Y0 + y0, Y0 + y1
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


BOWTIE = (f"POLYGON(({X0 + 1200} {Y0},{X0 + 1300} {Y0 + 100},{X0 + 1300} {Y0},{X0 + 1200} {Y0 + 100},"
          f"{X0 + 1200} {Y0}))")

# parcel id -> (type, project, current code, planned code, wkt)
PARCELS: Dict[str, Tuple[str, str, str, str, str]] = {
    "A": ("农用地整理", "P1", "0404", "0103", box(0, 0, 100, 100)),
    "A2": ("生态保护修复", "P1", "0103", "0301", box(0, 100, 100, 200)),
    "B": ("建设用地整理", "P1", "0103", "0702", box(100, 0, 200, 100)),
    "C": ("拆旧复垦", "P2", "0702", "0103", box(200, 0, 300, 100)),
    "D": ("农用地整理", "P1", "0103", "0601", box(300, 0, 400, 100)),
    "E": ("拆旧复垦", "P2", "0702", "0103", box(400, 0, 500, 100)),
    "G": ("高标准农田", "P2", "1106", "0103", box(500, 0, 600, 100)),
    "H": ("未知类型", "P2", "0103", "0103", box(600, 0, 700, 100)),
    "I": ("农用地整理", "P2", "0103", "9999", box(700, 0, 800, 100)),
    "J": ("农用地整理", "P2", "0103", "0103", box(800, 0, 900, 100)),
    "K": ("农用地整理", "P2", "0103", "0103", box(850, 0, 950, 100)),
    "L": ("农用地整理", "P1", "0103", "0201", box(1000, 0, 1100, 100)),
    "M": ("农用地整理", "P2", "0103", "0103", BOWTIE),
    "N": ("农用地整理", "P2", "0103", "0103", box(1400, 0, 1500, 100)),
}

# parcel id -> (verdict_en, rule ids)
EXPECTED: Dict[str, Tuple[str, str]] = {
    "A": ("fail", "P10,P14"), "A2": ("pass", "P10,P15"), "B": ("fail", "P11,P15,P17"), "C": ("pass", "P15"),
    "D": ("conditional", "P15,P17"), "E": ("fail", "P15,P16"), "G": ("fail", "P12,P16"), "H": ("fail", "P02"),
    "I": ("fail", "P03"), "J": ("fail", "P18"), "K": ("fail", "P18"), "L": ("conditional", "P13"),
    "M": ("fail", "P01"), "N": ("pass", ""),
}

LINES: Dict[str, List[str]] = {
    "ecological_redline": [box(0, 0, 50, 200), box(1499.995, 0, 1510, 100)],
    "permanent_farmland": [box(100, 0, 200, 100)],
    "urban_boundary": [box(300, 0, 350, 100)],
}


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def _layer(ds, name: str, fields: List[Tuple[str, int]], rows: List[Tuple[dict, str]]) -> None:
    layer = ds.CreateLayer(name, _srs(), ogr.wkbMultiPolygon)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for attrs, wkt in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        layer.CreateFeature(f)


def write_workspace(path: Path) -> Path:
    """The three lines only (the layers `guotu parcels check` reads from a workspace)."""
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, wkts in LINES.items():
        _layer(ds, name, [("remark", ogr.OFTString)], [({}, w) for w in wkts])
    ds = None
    return path


def write_parcels(path: Path, driver: str = "GPKG", encoding: str = "") -> Path:
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    options = [f"ENCODING={encoding}"] if encoding else []
    layer = ds.CreateLayer("zzdk", _srs(), ogr.wkbPolygon, options=options)
    for name in ("dkbh", "zzlx", "xmbh", "xzdl", "ghdl"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for pid, (kind, project, current, planned, wkt) in PARCELS.items():
        f = ogr.Feature(layer.GetLayerDefn())
        f["dkbh"], f["zzlx"], f["xmbh"], f["xzdl"], f["ghdl"] = pid, kind, project, current, planned
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def write_beaches(path: Path) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    _layer(ds, "htd", [], [({}, box(400, 0, 500, 50))])
    ds = None
    return path


def write_villages(path: Path) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    _layer(ds, "cun", [("cdm", ogr.OFTString), ("cmc", ogr.OFTString)],
           [({"cdm": "V1", "cmc": "东村"}, box(0, 0, 600, 200)), ({"cdm": "V2", "cmc": "西村"}, box(600, 0, 1600, 200))])
    ds = None
    return path
