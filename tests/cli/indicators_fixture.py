"""The hand-computed fixture of the binding-indicator tests (CLI and QGIS).

GK zone 39 (EPSG:4527), metres from the origin X0, Y0; near the central meridian the
ellipsoidal area equals the planar one to about 1e-8, so a box of 1000 x 1000 m is 100 ha.
Admin units: A "130101" 甲县 [0,1000]x[0,1000], B "130102" 乙县 [1000,2000]x[0,1000], 100 ha each.

Land use of the later year (DLBM, KCXS):
  A: 0103 旱地 [0,400] 40 ha with KCXS 0.1 → 36 ha cultivated net (4 ha 田坎, 1203);
     0301 [400,700] 30 ha forest; 0702 [700,800] 10 ha urban-rural (and construction);
     1003 公路 [800,900] 10 ha construction only; 1101 [900,1000] 10 ha neither.
  B: 0101 [1000,1500] 50 ha cultivated (KCXS 0); 0305 [1500,2000] 50 ha forest.
Land use of the earlier year (DLBM): A 0103 [0,800], 0301 [800,1000]; B as later.
  change in A: 0103 → 0702 on [700,800] = 10 ha new construction on cultivated land
  (0103 → 0301 on [400,700] is not construction); 0301 → 1003 on [800,900] = 10 ha forest
  land taken (0301 → 1101 on [900,1000] is not). B: none.
Permanent farmland: A [0,300] 30 ha, B [1000,1450] 45 ha, and [950,1050]x[0,100] across the
  border: 0.5 ha each → A 30.5, B 45.5 ha.
Measured:        cultivated farmland construction urban-rural new  cover forest taken
  A              36         30.5     20           10          10   30 %  30     10
  B              50         45.5     0            0           0    50 %  50     0
Targets (ha, cover %) and results:
  A  38 fail (net 36; the gross 40 would pass)  31 fail  25 pass  8 fail  5 fail  25 pass  35 fail  — skip
  B  49 pass  45 pass  — skip  0 pass  0 pass  60 fail  40 pass  1 pass
  A: 2 passed, 5 failed, 1 skipped; B: 6 passed, 1 failed, 1 skipped.
"""
from __future__ import annotations

from pathlib import Path

from osgeo import ogr

X0, Y0 = 39_500_000.0, 4_400_000.0
KEYS = ["cultivated_land", "permanent_farmland", "construction_land", "urban_rural_construction",
        "new_construction_on_cultivated", "forest_cover", "forest_land", "forest_land_taken"]
FIELDS = ["GDBYL", "JBNTRW", "JSYDZGM", "CXJSYD", "XZZYGD", "SLFGL", "LDBYL", "ZYZSLD"]
TARGETS = {"130101": [38, 31, 25, 8, 5, 25, 35, None], "130102": [49, 45, None, 0, 0, 60, 40, 1]}
MEASURED = {"130101": [36, 30.5, 20, 10, 10, 30, 30, 10], "130102": [50, 45.5, 0, 0, 0, 50, 50, 0]}
RESULTS = {"130101": ["fail", "fail", "pass", "fail", "fail", "pass", "fail", "no_target"],
           "130102": ["pass", "pass", "no_target", "pass", "pass", "fail", "pass", "pass"]}
COUNTS = {"130101": (5, 2, 1), "130102": (1, 6, 1)}  # failed, passed, skipped


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    return (f"POLYGON(({X0+x0} {Y0+y0},{X0+x1} {Y0+y0},{X0+x1} {Y0+y1},{X0+x0} {Y0+y1},"
            f"{X0+x0} {Y0+y0}))")


def _write(path: Path, name: str, fields, features) -> Path:
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for attrs, wkt in features:
        f = ogr.Feature(layer.GetLayerDefn())
        for key, value in attrs.items():
            if value is not None:
                f.SetField(key, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def make_fixture(folder: Path) -> dict[str, Path]:
    admin_fields = [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)] + [(f, ogr.OFTReal) for f in FIELDS]
    admins = [({"XZQDM": "130101", "XZQMC": "甲县", **dict(zip(FIELDS, TARGETS["130101"]))}, box(0, 0, 1000, 1000)),
              ({"XZQDM": "130102", "XZQMC": "乙县", **dict(zip(FIELDS, TARGETS["130102"]))},
               box(1000, 0, 2000, 1000))]
    later = [("0103", 0.1, (0, 400)), ("0301", 0, (400, 700)), ("0702", 0, (700, 800)), ("1003", 0, (800, 900)),
             ("1101", 0, (900, 1000)), ("0101", 0, (1000, 1500)), ("0305", 0, (1500, 2000))]
    earlier = [("0103", (0, 800)), ("0301", (800, 1000)), ("0101", (1000, 1500)), ("0305", (1500, 2000))]
    return {
        "admin": _write(folder / "xzq.gpkg", "XZQ", admin_fields, admins),
        "landuse": _write(folder / "dltb_2023.gpkg", "DLTB", [("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal)],
                          [({"DLBM": c, "KCXS": k}, box(a, 0, b, 1000)) for c, k, (a, b) in later]),
        "before": _write(folder / "dltb_2020.gpkg", "DLTB", [("DLBM", ogr.OFTString)],
                         [({"DLBM": c}, box(a, 0, b, 1000)) for c, (a, b) in earlier]),
        "farmland": _write(folder / "jbnt.gpkg", "YJJBNTTB", [("DLBM", ogr.OFTString)],
                           [({"DLBM": "0101"}, box(0, 0, 300, 1000)), ({"DLBM": "0101"}, box(1000, 0, 1450, 1000)),
                            ({"DLBM": "0101"}, box(950, 0, 1050, 100))]),
    }


def target_options() -> list[str]:
    out = []
    for key, field in zip(KEYS, FIELDS):
        out += ["--target", f"{key}={field}"]
    return out
