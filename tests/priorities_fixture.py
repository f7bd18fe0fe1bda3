"""Shared fixture of the priorities tests (CLI and QGIS): layers in CGCS2000 / GK zone 39
(EPSG:4527) at X0, Y0, with hand-computed answers (planar areas, exact).

Ruling objective, with the preset table redline_functions:
  zones (GNLX):  Z1 水源涵养 [0,1000]x[0,1200]; Z2 生物多样性维护 [1000,2000]x[0,1000];
                 Z3 其他 [0,100]x[2000,2100] (no row in the table).
  admin (XZQDM): A1 [0,1500]x[0,1000]; A2 [1500,2000]x[0,1000].
  land (DLBM, KCXS):
    L1 0101 水田 KCXS 0.1 [800,1200]x[0,500]: 10 ha in Z1 (water conservation rules: farmland in a
       water-source zone, net 9 ha) and 10 ha in Z2 (biodiversity rules), all in A1;
    L2 0301 forest [0,200]x[600,800]: controlled by nothing in Z1;
    L3 1206 bare soil [1400,1600]x[0,100]: 2 ha in Z2, ruled by its rank-2 objective (水源涵养),
       1 ha in A1 and 1 ha in A2;
    L4 0102 [2500,2600]x[0,100]: in no zone; L6 0101 in Z3: no rule;
    L5 0201K orchard [900,1100]x[900,1100]: 2 ha in Z1 (1 ha in A1, 1 ha in no unit) and 1 ha in Z2.
  Z1: 12 ha, net 11, 3 pieces; Z2: 13 ha, net 12, 4 pieces; A1: 23 ha; A2: 1 ha; 7 pieces, 25 ha.

Sites for the ranking (attributes cost, benefit; fronts known by construction, cost min and
benefit max): see SITES / FRONTS.
"""
from __future__ import annotations

from pathlib import Path

from osgeo import ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0
EPSG = 4527


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    x0, x1, y0, y1 = X0 + x0, X0 + x1, Y0 + y0, Y0 + y1
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def write(path: Path, name: str, fields, features) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    for attrs, wkt in features:
        f = ogr.Feature(layer.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


ZONES = [("水源涵养", (0, 0, 1000, 1200)), ("生物多样性维护", (1000, 0, 2000, 1000)), ("其他", (0, 2000, 100, 2100))]
ADMIN = [("130101", "甲县", (0, 0, 1500, 1000)), ("130102", "乙县", (1500, 0, 2000, 1000))]
LAND = [("0101", 0.1, (800, 0, 1200, 500)), ("0301", 0.0, (0, 600, 200, 800)), ("1206", 0.0, (1400, 0, 1600, 100)),
        ("0102", 0.0, (2500, 0, 2600, 100)), ("0201K", 0.0, (900, 900, 1100, 1100)), ("0101", 0.0, (0, 2000, 100, 2100))]

# zone fid -> (controlled ha, net ha, pieces); admin code -> controlled ha
ZONE_EXPECTED = {1: (12.0, 11.0, 3), 2: (13.0, 12.0, 4), 3: (0.0, 0.0, 0)}
ADMIN_EXPECTED = {"130101": 23.0, "130102": 1.0}
# (landuse fid, zone fid) -> (area ha, objective, rank)
PIECES_EXPECTED = {(1, 1): (10.0, "水源涵养", 1), (1, 2): (10.0, "生物多样性维护", 1), (3, 2): (2.0, "水源涵养", 2),
                   (5, 1): (2.0, "水源涵养", 1), (5, 2): (1.0, "生物多样性维护", 1)}


def write_zones(path: Path) -> Path:
    return write(path, "hx", [("GNLX", ogr.OFTString)], [({"GNLX": t}, box(*b)) for t, b in ZONES])


def write_admin(path: Path) -> Path:
    return write(path, "XZQ", [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)],
                 [({"XZQDM": c, "XZQMC": n}, box(*b)) for c, n, b in ADMIN])


def write_landuse(path: Path, land=LAND) -> Path:
    return write(path, "DLTB", [("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal)],
                 [({"DLBM": c, "KCXS": k}, box(*b)) for c, k, b in land])


# Sites: (cost, benefit); cost minimised, benefit maximised. Fronts by construction:
#  F1 (1,-5)→ cost 1 benefit 5, (2,3)x2 duplicates... written as (cost, benefit) with benefit = −second score
#  of the C test's points so that the fronts are the same: F1 {0,1,2,3}, F2 {6,7,8}, F3 {4}, F4 {5}.
POINTS = [(1, 5), (2, 3), (4, 1), (2, 3), (3, 4), (5, 5), (1, 6), (4, 2), (2, 4)]
SITES = [(c, -s) for c, s in POINTS]
FRONTS = [1, 1, 1, 1, 3, 4, 2, 2, 2]


def write_sites(path: Path, sites=SITES) -> Path:
    """Site i (fid i + 1) is named S<i + 1>."""
    return write(path, "sites", [("cost", ogr.OFTReal), ("benefit", ogr.OFTReal), ("DKBH", ogr.OFTString)],
                 [({"cost": c, "benefit": b, "DKBH": f"S{i + 1}"}, box(3000 + 100 * i, 0, 3050 + 100 * i, 50))
                  for i, (c, b) in enumerate(sites)])


# Site objectives computed by the core: land use near the sites and a red line.
#  land: S-L1 0101 KCXS 0.1 [0,100]x[5000,5100]; S-L2 0404 (k 0.19) [100,200]x[5000,5100].
#  red line [300,400]x[5000,5100]. Target 0301 (k 1.00 in SANDIAO_WORK).
#  S1 [50,150]x[5000,5100]: 1 ha; gain 0.5·1 + 0.5·(1 − 0.19) = 0.905; cultivated −0.45; 150 m away.
#  S2 [250,300]x[5000,5100]: touches the red line along 100 m; no land use.
#  S3 [350,360]x[5010,5020] inside it: 0 m, contact 40 m.
SITE_LAND = [("0101", 0.1, (0, 5000, 100, 5100)), ("0404", 0.0, (100, 5000, 200, 5100))]
SCORED_SITES = [(10.0, (50, 5000, 150, 5100)), (20.0, (250, 5000, 300, 5100)), (30.0, (350, 5010, 360, 5020))]
SCORED_EXPECTED = [dict(area_ha=1.0, forest_gain_ha=0.905, cultivated_change_ha=-0.45, redline_distance_m=150.0,
                        redline_contact_m=0.0),
                   dict(area_ha=0.5, forest_gain_ha=0.0, cultivated_change_ha=0.0, redline_distance_m=0.0,
                        redline_contact_m=100.0),
                   dict(area_ha=0.01, forest_gain_ha=0.0, cultivated_change_ha=0.0, redline_distance_m=0.0,
                        redline_contact_m=40.0)]


def write_scored(tmp: Path) -> dict:
    return {"sites": write(tmp / "cand.gpkg", "cand", [("cost", ogr.OFTReal)],
                           [({"cost": c}, box(*b)) for c, b in SCORED_SITES]),
            "landuse": write_landuse(tmp / "site_land.gpkg", SITE_LAND),
            "redline": write(tmp / "redline.gpkg", "redline", [], [({}, box(300, 5000, 400, 5100))])}
