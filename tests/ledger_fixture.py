"""The unit-ledger fixture shared by the CLI and plugin tests: the layout of
core/tests/test_ledger.c (same hand-computed sheet), in EPSG:4527 metres from X0, Y0 so that
planar areas are exact. 三调-shaped field names (DLBM, KCXS, GDDB); the plan's fields GHDL,
GHKCXS, GHGDDB; permanent farmland now YJJBNT and after GHJBNT. Pure OGR.

    id  x0    DLBM→GHDL   KCXS→GHKCXS  GDDB→GHGDDB  farmland  XMBH / ZZLX
    A   0     0103→0103   .10→.05      5→           1→1       (unchanged inside the red line)
    B   100   0103→0702   .20          7            1→0
    C   200   0702→0103   →.10         →4           0→1       PJ1 拆旧复垦
    D   300   0702→0301                                       PJ1 拆旧复垦
    E   400   0404→0103                →6
    F   1000  0103→0601   .10          3            1→0
    G   1100  0201→0103                →9           0→1
    H   1200  0702→0103                →8                     PJ2 拆旧复垦 (half on the river beach)
    I   1300  0301→0103                →8                     农用地整理 (in the red line)
    J   1400  0404→0301                                       生态保护修复 (in the red line)
Units U1 [0,1000] 一号单元 and U2 [1000,2000] 二号单元; red line [0,50] and [1300,1500];
river beach [1200,1300]×[0,50]. U1 passes every rule; U2 fails L2, L3 quality, L5, L6, L7.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional, Tuple

from osgeo import ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0
EPSG = 4527


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    x0, x1, y0, y1 = X0 + x0, X0 + x1, Y0 + y0, Y0 + y1
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


N = None
# id -> (x0, DLBM, GHDL, KCXS, GHKCXS, GDDB, GHGDDB, YJJBNT, GHJBNT, XMBH, ZZLX)
PARCELS: Dict[str, Tuple] = {
    "A": (0, "0103", "0103", .10, .05, 5, N, 1, 1, "", ""),
    "B": (100, "0103", "0702", .20, N, 7, N, 1, 0, "", ""),
    "C": (200, "0702", "0103", N, .10, N, 4, 0, 1, "PJ1", "拆旧复垦"),
    "D": (300, "0702", "0301", N, N, N, N, 0, 0, "PJ1", "拆旧复垦"),
    "E": (400, "0404", "0103", N, N, N, 6, 0, 0, "", ""),
    "F": (1000, "0103", "0601", .10, N, 3, N, 1, 0, "", ""),
    "G": (1100, "0201", "0103", N, N, N, 9, 0, 1, "", ""),
    "H": (1200, "0702", "0103", N, N, N, 8, 0, 0, "PJ2", "拆旧复垦"),
    "I": (1300, "0301", "0103", N, N, N, 8, 0, 0, "", "农用地整理"),
    "J": (1400, "0404", "0301", N, N, N, N, 0, 0, "", "生态保护修复"),
}
UNITS = {"U1": ("一号单元", box(0, -10, 1000, 110)), "U2": ("二号单元", box(1000, -10, 2000, 110))}

# The hand-computed sheet (core/tests/test_ledger.c).
EXPECTED = {
    "U1": {"parcels": 5, "area_ha": 5, "cultivated_opening_ha": 1.7, "lost_construction_ha": .8,
           "gained_reclamation_ha": .9, "gained_grassland_ha": 1.0, "tiankan_change_ha": .05,
           "cultivated_closing_ha": 2.85, "tiankan_opening_ha": .3, "tiankan_closing_ha": .15,
           "grade_opening_mean": 10.1 / 1.7, "grade_closing_mean": 14.35 / 2.85, "farmland_out_ha": .8,
           "farmland_in_ha": .9, "farmland_ratio": 1.125, "construction_opening_ha": 2, "reclaimed_ha": 2,
           "built_ha": 1, "construction_closing_ha": 1, "linkage_balance_ha": 1, "forest_opening_ha": .19,
           "forest_closing_ha": 1.0, "verdict_en": "pass", "quality_ok": "pass", "linkage_ok": "pass"},
    "U2": {"parcels": 5, "cultivated_opening_ha": .9, "lost_construction_ha": .9, "gained_garden_ha": 1,
           "gained_reclamation_ha": 1, "gained_forest_ha": 1, "cultivated_closing_ha": 3,
           "grade_opening_mean": 3, "grade_closing_mean": 25 / 3, "farmland_ratio": 1 / .9, "beach_parcels": 1,
           "beach_ha": .5, "beach_parcel_ids": "H", "forest_opening_ha": 1.19, "forest_closing_ha": 1.0,
           "redline_parcels": 1, "redline_changed_ha": 1, "quantity_ok": "pass", "quality_ok": "fail",
           "farmland_ok": "pass", "farmland_quality_ok": "fail", "construction_ok": "pass", "linkage_ok": "fail",
           "forest_ok": "fail", "redline_ok": "fail", "verdict_en": "fail"},
}
# number -> (parcel, cultivated ha, 田坎 ha, forest ha, standard forest ha, issuable)
CERTIFICATES = {"PJ1-0001": ("C", .9, .1, 0, 0, "是"), "PJ1-0002": ("D", 0, 0, 1, 1, "是"),
                "PJ2-0001": ("H", 1, 0, 0, 0, "否")}


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def _layer(path: Path, name: str, fields):
    if path.exists():
        path.unlink()  # one layer per file: a second call writes it afresh
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(name, _srs(), ogr.wkbPolygon)
    for fname, ftype in fields:
        layer.CreateField(ogr.FieldDefn(fname, ftype))
    return ds, layer


def write_parcels(path: Path, unit_field: bool = False, parcels: Optional[Dict[str, Tuple]] = None) -> Path:
    fields = [("BSM", ogr.OFTString), ("DLBM", ogr.OFTString), ("GHDL", ogr.OFTString), ("KCXS", ogr.OFTReal),
              ("GHKCXS", ogr.OFTReal), ("GDDB", ogr.OFTInteger), ("GHGDDB", ogr.OFTInteger),
              ("YJJBNT", ogr.OFTInteger), ("GHJBNT", ogr.OFTInteger), ("XMBH", ogr.OFTString),
              ("ZZLX", ogr.OFTString), ("DYBH", ogr.OFTString)]
    ds, layer = _layer(path, "dltb", fields)
    for pid, (x0, cur, plan, k0, k1, g0, g1, f0, f1, proj, typ) in (parcels or PARCELS).items():
        f = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("BSM", pid), ("DLBM", cur), ("GHDL", plan), ("KCXS", k0), ("GHKCXS", k1),
                            ("GDDB", g0), ("GHGDDB", g1), ("YJJBNT", f0), ("GHJBNT", f1), ("XMBH", proj),
                            ("ZZLX", typ)):
            if value is not None:
                f.SetField(name, value)
        if unit_field:
            f.SetField("DYBH", "U1" if x0 < 1000 else "U2")
        f.SetGeometry(ogr.CreateGeometryFromWkt(box(x0, 0, x0 + 100, 100)))
        layer.CreateFeature(f)
    ds = None
    return path


def write_units(path: Path) -> Path:
    ds, layer = _layer(path, "units", [("DYBH", ogr.OFTString), ("DYMC", ogr.OFTString)])
    for uid, (name, wkt) in UNITS.items():
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("DYBH", uid)
        f.SetField("DYMC", name)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def write_polygons(path: Path, name: str, boxes) -> Path:
    ds, layer = _layer(path, name, [])
    for b in boxes:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(box(*b)))
        layer.CreateFeature(f)
    ds = None
    return path


def write_redline(path: Path) -> Path:
    return write_polygons(path, "stbhhx", [(0, 0, 50, 100), (1300, 0, 1500, 100)])


def write_beaches(path: Path) -> Path:
    return write_polygons(path, "hdtd", [(1200, 0, 1300, 50)])


# ---- Two survey years as separate layers -------------------------------------------------
CURRENT_FIELDS = [("BSM", ogr.OFTString), ("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal), ("GDDB", ogr.OFTInteger),
                  ("YJJBNT", ogr.OFTInteger), ("DYBH", ogr.OFTString)]
PLANNED_FIELDS = [("BSM", ogr.OFTString), ("GHDL", ogr.OFTString), ("GHKCXS", ogr.OFTReal),
                  ("GHGDDB", ogr.OFTInteger), ("GHJBNT", ogr.OFTInteger), ("XMBH", ogr.OFTString),
                  ("ZZLX", ogr.OFTString)]


def _write_rows(path: Path, name: str, fields, rows) -> Path:
    """rows: (wkt, {field: value}); None values stay NULL."""
    ds, layer = _layer(path, name, fields)
    for wkt, values in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            if value is not None:
                f.SetField(key, value)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def write_years(current: Path, planned: Path, parcels: Optional[Dict[str, Tuple]] = None) -> Tuple[Path, Path]:
    """PARCELS split into two layers with the same geometry: the current land use (BSM, DLBM,
    KCXS, GDDB, YJJBNT) and the planned one (BSM, GHDL, GHKCXS, GHGDDB, GHJBNT, XMBH, ZZLX).
    The ledger of the two must equal the ledger of the one layer carrying both."""
    cur, plan = [], []
    for pid, (x0, c, p, k0, k1, g0, g1, f0, f1, proj, typ) in (parcels or PARCELS).items():
        wkt = box(x0, 0, x0 + 100, 100)
        cur.append((wkt, {"BSM": pid, "DLBM": c, "KCXS": k0, "GDDB": g0, "YJJBNT": f0}))
        plan.append((wkt, {"BSM": pid, "GHDL": p, "GHKCXS": k1, "GHGDDB": g1, "GHJBNT": f1, "XMBH": proj,
                           "ZZLX": typ}))
    return (_write_rows(current, "dltb_2019", CURRENT_FIELDS, cur),
            _write_rows(planned, "dltb_2020", PLANNED_FIELDS, plan))


# Two years whose parcels are cut differently (x from 0, y 0..100, planar ha = width / 100):
#   current  P1 [0,200] 0103 KCXS .1 GDDB 5 in farmland; P2 [200,300] 0702 (unit field DYBH = "U")
#   planned  Q1 [0,100] 0103 GHKCXS .1 GHGDDB 5 in farmland; Q2 [100,250] 0702;
#            Q3 [250,300] 0103 GHKCXS .2 GHGDDB 6, PJ1 拆旧复垦
# Pieces: P1/Q1 1 ha stays cultivated (net .9, grade 5); P1/Q2 1 ha cultivated → built (net .9
# lost, farmland .9 out); P2/Q2 .5 ha stays construction; P2/Q3 .5 ha reclaimed to cultivated
# (net .4, 田坎 .1, grade 6). Unit U (DYBH of the current layer; the planned layer has none):
#   cultivated 1.8 → .9 + .4 = 1.3 (lost to construction .9, gained by reclamation .4), 田坎 .2 → .2;
#   mean grade 5 → (.9×5 + .4×6) / 1.3 = 6.9 / 1.3; farmland out .9, in 0; construction 1 → 1.5,
#   reclaimed .5, built 1, linkage −.5; certificate PJ1-0001 for P2/Q3: .5 ha, cultivated .4, 田坎 .1.
SPLIT_CURRENT = [(box(0, 0, 200, 100), {"BSM": "P1", "DLBM": "0103", "KCXS": .1, "GDDB": 5, "YJJBNT": 1,
                                        "DYBH": "U"}),
                 (box(200, 0, 300, 100), {"BSM": "P2", "DLBM": "0702", "YJJBNT": 0, "DYBH": "U"})]
SPLIT_PLANNED = [(box(0, 0, 100, 100), {"BSM": "Q1", "GHDL": "0103", "GHKCXS": .1, "GHGDDB": 5, "GHJBNT": 1}),
                 (box(100, 0, 250, 100), {"BSM": "Q2", "GHDL": "0702", "GHJBNT": 0}),
                 (box(250, 0, 300, 100), {"BSM": "Q3", "GHDL": "0103", "GHKCXS": .2, "GHGDDB": 6, "GHJBNT": 0,
                                          "XMBH": "PJ1", "ZZLX": "拆旧复垦"})]
SPLIT_EXPECTED = {"parcels": 4, "area_ha": 3, "cultivated_opening_ha": 1.8, "lost_construction_ha": .9,
                  "gained_reclamation_ha": .4, "tiankan_change_ha": 0, "cultivated_closing_ha": 1.3,
                  "tiankan_opening_ha": .2, "tiankan_closing_ha": .2, "grade_opening_mean": 5,
                  "grade_closing_mean": 6.9 / 1.3, "farmland_out_ha": .9, "farmland_in_ha": 0,
                  "farmland_ratio": 0, "construction_opening_ha": 1, "construction_closing_ha": 1.5,
                  "reclaimed_ha": .5, "built_ha": 1, "linkage_balance_ha": -.5, "quantity_ok": "fail",
                  "quality_ok": "fail", "farmland_ok": "fail", "construction_ok": "fail", "linkage_ok": "fail",
                  "verdict_en": "fail"}


def write_split_years(current: Path, planned: Path, planned_rows=None) -> Tuple[Path, Path]:
    return (_write_rows(current, "dltb_2019", CURRENT_FIELDS, SPLIT_CURRENT),
            _write_rows(planned, "dltb_2020", PLANNED_FIELDS, planned_rows or SPLIT_PLANNED))
