"""What the county package (resources/sample_data/generate_county_package.py, SYNTHETIC) should give
for the border check, the ruling objective, the binding indicators and the frame indicators, computed
here with OGR/GEOS and pyproj's geodesic areas — never with guotu — for the CLI and QGIS tests."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

from osgeo import ogr, osr
from pyproj import Geod

REPO = Path(__file__).resolve().parents[2]
BASE_GDB, PLAN_GDB = "130101_2019_三调.gdb", "规划成果.gdb"
CHANGE_SHP = Path("130101_2020_变更") / "DLTB.shp"
CULTIVATED = ("0101", "0102", "0103")
FOREST = ("0301", "0302", "0305", "0307")  # the framework's default forest classes (三调)
FOREST_SHARE_MIN = 0.6  # the towns' threshold the tests set


def make_package(out: Path, cells: int = 30) -> Path:
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"), "--out",
                    str(out), "--cells", str(cells)], check=True, capture_output=True, timeout=300)
    return out


class Ellipsoidal:
    """Area on the CGCS2000 ellipsoid (m²) of a geometry in EPSG:4527, by pyproj's geodesic polygon area."""

    def __init__(self) -> None:
        self.geod = Geod(a=6378137.0, rf=298.257222101)
        lonlat, projected = osr.SpatialReference(), osr.SpatialReference()
        lonlat.ImportFromEPSG(4490)
        projected.ImportFromEPSG(4527)
        for srs in (lonlat, projected):
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.to_lonlat = osr.CoordinateTransformation(projected, lonlat)

    def __call__(self, geometry: ogr.Geometry) -> float:
        total = 0.0
        for polygon in polygons(geometry):
            for r in range(polygon.GetGeometryCount()):
                points = self.to_lonlat.TransformPoints(polygon.GetGeometryRef(r).GetPoints())
                area, _ = self.geod.polygon_area_perimeter([p[0] for p in points], [p[1] for p in points])
                total += abs(area) if r == 0 else -abs(area)
        return total


def polygons(geometry: ogr.Geometry) -> List[ogr.Geometry]:
    kind = ogr.GT_Flatten(geometry.GetGeometryType())
    if kind == ogr.wkbPolygon:
        return [geometry]
    if kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        return [p for i in range(geometry.GetGeometryCount()) for p in polygons(geometry.GetGeometryRef(i))]
    return []  # lines and points of an intersection have no area


def features(path: Path, layer: str = "", **open_options: str) -> List[Tuple[Dict[str, object], ogr.Geometry]]:
    options = [f"{k}={v}" for k, v in open_options.items()]
    ds = gdal_open(path, options)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    rows = [(f.items(), f.GetGeometryRef().Clone() if f.GetGeometryRef() else None) for f in lyr]
    ds = None
    return rows


def gdal_open(path: Path, options: List[str]):
    from osgeo import gdal
    return gdal.OpenEx(str(path), gdal.OF_VECTOR, open_options=options)


def towns(package: Path) -> Dict[str, ogr.Geometry]:
    return {v["XZQDM"]: g for v, g in features(package / BASE_GDB, "XZQ")}


def redline(package: Path) -> List[Tuple[Dict[str, object], ogr.Geometry]]:
    return features(package / PLAN_GDB, "生态保护红线")


def union(geometries: Iterable[ogr.Geometry]) -> ogr.Geometry:
    collected = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geometries:
        for p in polygons(g):
            collected.AddGeometry(p)
    return collected.UnionCascaded()


# ------------------------------------------------------------------ border between the two towns

def crossing_patches(package: Path) -> Dict[str, Tuple[str, float]]:
    """Red-line patches that run beyond the town they were delivered under: HXMC -> (the other town,
    ellipsoidal m² of the patch inside it)."""
    area, units = Ellipsoidal(), towns(package)
    out: Dict[str, Tuple[str, float]] = {}
    for values, g in redline(package):
        for code, town in units.items():
            if code != values["XZQDM"]:
                part = g.Intersection(town)
                if polygons(part) and part.GetArea() > 0:
                    out[values["HXMC"]] = (code, area(part))
    return out


def shared_border_m(package: Path) -> float:
    a, b = sorted(towns(package).values(), key=lambda g: g.Centroid().GetX())
    return a.Intersection(b).Length()


# ------------------------------------------------------------------ ruling objective

def rule_table() -> Dict[str, List[Tuple[int, str, List[str]]]]:
    """zone type -> [(rank, objective, controlled code prefixes)] of the preset redline_functions."""
    import csv
    table: Dict[str, List[Tuple[int, str, List[str]]]] = {}
    with open(REPO / "resources" / "presets" / "priorities" / "redline_functions.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            table.setdefault(row["zone_type"], []).append((int(row["rank"]), row["objective"],
                                                           row["controls"].split(";")))
    return table


def ruling(table, zone_type: str, code: str):
    """(rank, objective) of the highest-ranked objective of the zone type that controls the class, or None."""
    for rank, objective, controls in sorted(table.get(zone_type, [])):
        if any(code.startswith(prefix) for prefix in controls):
            return rank, objective
    return None


def controlled_by_zone(package: Path) -> Dict[str, Tuple[str, float, float]]:
    """HXBH -> (ruling objective, controlled ha, ha net of KCXS) of the 2019 parcels inside each patch."""
    area, table = Ellipsoidal(), rule_table()
    parcels = features(package / BASE_GDB, "DLTB")
    out: Dict[str, Tuple[str, float, float]] = {}
    for values, zone in redline(package):
        gross = net = 0.0
        for parcel, g in parcels:
            if ruling(table, values["HXLX"], parcel["DLBM"]) is None or not g.Intersects(zone):
                continue
            piece = area(g.Intersection(zone))
            gross += piece
            net += piece * (1.0 - (parcel["KCXS"] or 0.0))
        out[values["HXBH"]] = (sorted(table[values["HXLX"]])[0][1], gross / 1e4, net / 1e4)
    return out


# ------------------------------------------------------------------ binding indicators

def cultivated_net_ha(package: Path) -> Dict[str, float]:
    """Per town, the 2020 survey's cultivated land net of 田坎 inside it (ha)."""
    area, units = Ellipsoidal(), towns(package)
    out = {code: 0.0 for code in units}
    for values, g in features(package / CHANGE_SHP, ENCODING="CP936"):
        if values["DLBM"] not in CULTIVATED:
            continue
        for code, town in units.items():
            if g.Intersects(town):
                out[code] += area(g.Intersection(town)) * (1.0 - values["KCXS"]) / 1e4
    return out


def farmland_ha(package: Path) -> Dict[str, float]:
    """Per town (XZQ_GHZB), the permanent farmland drawn inside it (ha) and its task NTRWMJ."""
    area = Ellipsoidal()
    farmland = union(g for _, g in features(package / PLAN_GDB, "永久基本农田"))
    return {v["XZQDM"]: (area(farmland.Intersection(g)) / 1e4, v["NTRWMJ"])
            for v, g in features(package / PLAN_GDB, "XZQ_GHZB")}


# ------------------------------------------------------------------ frame indicators

def catalogue_csv(package: Path, path: Path) -> Dict[str, List[str]]:
    """The province's catalogue the tests use: every red-line patch an element, listed for the towns it
    touches (its area inside them), with the forest share as indicator; HXBH -> towns."""
    units = towns(package)
    spans = {v["HXBH"]: [c for c, t in sorted(units.items()) if polygons(g.Intersection(t))
                         and g.Intersection(t).GetArea() > 0] for v, g in redline(package)}
    lines = ["element_id,name,type,cities,indicators"]
    lines += [f"{v['HXBH']},{v['HXMC']},{v['HXLX']},{';'.join(spans[v['HXBH']])},forest_share"
              for v, _ in redline(package)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return spans


def thresholds_csv(package: Path, path: Path) -> None:
    """Every town holds every red-line type to a forest share of at least FOREST_SHARE_MIN."""
    kinds = sorted({v["HXLX"] for v, _ in redline(package)})
    rows = ["city,element_type,indicator,min,max"]
    rows += [f"{code},{kind},forest_share,{FOREST_SHARE_MIN}," for code in sorted(towns(package)) for kind in kinds]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def forest_shares(package: Path) -> Dict[str, Tuple[str, float, float]]:
    """HXBH -> (town submitted under, ellipsoidal m² of the patch, forest share from the 2019 DLTB)."""
    area = Ellipsoidal()
    forest = union(g for v, g in features(package / BASE_GDB, "DLTB") if v["DLBM"] in FOREST)
    out = {}
    for v, g in redline(package):
        whole = area(g)
        out[v["HXBH"]] = (v["XZQDM"], whole, area(g.Intersection(forest)) / whole)
    return out


def redline_code(package: Path, name: str) -> str:
    """HXBH of the patch named HXMC."""
    return next(v["HXBH"] for v, _ in redline(package) if v["HXMC"] == name)


# ------------------------------------------------------------------ Pareto ranking of the project's parcels

def site_fronts(package: Path) -> Dict[str, Tuple[float, float, int]]:
    """The consolidation project's parcels (ZZDK, GBK) as candidate sites: DKBH -> (ellipsoidal ha,
    distance to the red line in m, Pareto front maximising the area and minimising the distance),
    the fronts by peeling off the non-dominated sites one front after another."""
    area = Ellipsoidal()
    red = union(g for _, g in redline(package))
    sites = {v["DKBH"]: (area(g) / 1e4, g.Distance(red))
             for v, g in features(package / "整治项目" / "ZZDK.shp", ENCODING="CP936")}

    def dominates(a: Tuple[float, float], b: Tuple[float, float]) -> bool:
        return a[0] >= b[0] and a[1] <= b[1] and (a[0] > b[0] or a[1] < b[1])

    fronts: Dict[str, int] = {}
    left, front = set(sites), 1
    while left:
        first = {s for s in left if not any(dominates(sites[o], sites[s]) for o in left if o != s)}
        fronts.update({s: front for s in first})
        left -= first
        front += 1
    return {s: (ha, m, fronts[s]) for s, (ha, m) in sites.items()}
