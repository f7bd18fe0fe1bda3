"""A county's data as a planning institute receives it (SYNTHETIC — every parcel, name, code and
target is made up; nothing describes a real place).

    /usr/bin/python3 resources/sample_data/generate_county_package.py --out build/county [--cells 75]

Beside the synthetic sample (generate_sample.py, our own schema), this is what planners bring:

- ``130101_2019_三调.gdb`` — the Third National Land Survey (三调, standard time 2019-12-31) as a File
  Geodatabase: DLTB (地类图斑: BSM, DLBM, DLMC, TBMJ, KCXS/KCMJ/TBDLMJ, ZLDWDM/ZLDWMC, GDDB,
  CZCSXM, SJNF — upper-case fields, vertex-rich parcels sharing every boundary, made by
  bench/make_sandiao_data.py; TBMJ their ellipsoidal area), XZQ (乡镇: XZQDM, XZQMC) and CJDCQ (村级调查区: ZLDWDM, ZLDWMC);
- ``130101_2020_变更/`` — the 2020 annual change survey (年度变更调查) as GBK shapefiles without a
  .cpg (DLTB.shp, XZQ.shp): a few percent of the area changed, everything else identical;
- ``规划成果.gdb`` — the plan's results in their own layer and field names: 生态保护红线 (HXBH, HXMC,
  HXLX function type, XZQDM/XZQMC the town a patch was delivered under: the one holding its larger
  part, so a patch that crosses a town border runs beyond its own town), 永久基本农田 (JBNTBH, DLBM), 城镇开发边界 (KFBJBH, KFBJMC) and XZQ_GHZB (the
  towns with their targets: NTRWMJ farmland protection task, HXRWMJ red-line area, CZYD2020 2020 urban
  land, all in ha);
- ``统计年鉴_2020.csv`` — the towns' GDP (yuan) and resident population of 2020, keyed by XZQDM, as
  the statistical yearbook gives them (for the voucher accounting: ``guotu voucher --zone-table``);
- ``整治项目/ZZDK.shp`` — the rectification parcels (整治地块) of a land consolidation project, GBK
  without a .cpg: DKBH, ZZLX (project type), XMBH, XZDL (current class), GHDL (planned class).

The lines are drawn on the survey's parcel boundaries, as real ones are, and carry the kind of
faults a check should find (farmland inside the red line, an urban boundary over farmland, a
town short of its farmland task). Written last: ``package_manifest.json`` (labelled synthetic).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

REPO = Path(__file__).resolve().parents[2]
LABEL = "SYNTHETIC county package made by resources/sample_data/generate_county_package.py; not real data"
X0, Y0 = 39_500_000.0, 4_400_000.0  # as bench/make_sandiao_data.py: EPSG:4527, GK zone 39
VILLAGE_M = 25 * 160.0  # villages of 25 x 25 survey cells (4 km across), towns are columns of villages
COUNTY = "130101"
TOWN_NAMES = ["城关镇", "东岭乡", "河湾镇", "西山乡", "南塘镇"]
FOREST, GRASS, WATER = {"0301", "0305", "0307"}, {"0401", "0404"}, {"1101", "1104"}
CULTIVATED = {"0101", "0102", "0103"}
VERSION = 2  # 2: the red line carries XZQDM/XZQMC; a package of another version is made again


def srs_4527() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    return srs


def unit_of(geometry: ogr.Geometry) -> Tuple[int, int]:
    """(town, village) index of a parcel: the village square its centroid lies in."""
    c = geometry.Centroid()
    return int((c.GetX() - X0) // VILLAGE_M), int((c.GetY() - Y0) // VILLAGE_M)


def village_code(town: int, village: int) -> str:
    return f"{COUNTY}{100 + town:03d}{200 + village:03d}"


def village_name(town: int, village: int) -> str:
    return f"{TOWN_NAMES[town % len(TOWN_NAMES)]}{village + 1}村"


def grade(geometry: ogr.Geometry) -> int:
    """耕地等别 (1 best … 15): better towards the south-west, as on a river plain."""
    c = geometry.Centroid()
    return 3 + int(((c.GetX() - X0) + (c.GetY() - Y0)) / 2500.0) % 10


Parcel = Tuple[ogr.Geometry, Dict[str, object]]


class EllipsoidalArea:
    """A parcel's area on the CGCS2000 ellipsoid, in m², as the survey's TBMJ is defined."""

    def __init__(self) -> None:
        from pyproj import Geod
        self.geod = Geod(a=6378137.0, rf=298.257222101)
        geographic = osr.SpatialReference()
        geographic.ImportFromEPSG(4490)
        geographic.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        projected = srs_4527()
        projected.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x easting, as the geometries hold it
        self.to_lonlat = osr.CoordinateTransformation(projected, geographic)

    def __call__(self, geometry: ogr.Geometry) -> float:
        total = 0.0
        for i in range(geometry.GetGeometryCount()):
            polygon = geometry.GetGeometryRef(i)
            for r in range(polygon.GetGeometryCount()):
                points = self.to_lonlat.TransformPoints(polygon.GetGeometryRef(r).GetPoints())
                area, _perimeter = self.geod.polygon_area_perimeter([p[0] for p in points], [p[1] for p in points])
                total += abs(area) if r == 0 else -abs(area)
        return total


def read_year(path: Path, year: int, area_of: EllipsoidalArea) -> List[Parcel]:
    """The generated DLTB of one year, recoded as the package delivers it: TBMJ the parcel's
    ellipsoidal area (2 decimals), KCMJ = TBMJ x KCXS, TBDLMJ = TBMJ - KCMJ."""
    ds = ogr.Open(str(path))
    out: List[Parcel] = []
    for k, f in enumerate(ds.GetLayer(0)):
        g = f.GetGeometryRef().Clone()
        town, village = unit_of(g)
        code = f["DLBM"]
        tbmj = round(area_of(g), 2)
        kcmj = round(tbmj * f["KCXS"], 2)
        out.append((g, {"BSM": f"{COUNTY}{year}{k:08d}", "DLBM": code, "DLMC": f["DLMC"], "TBMJ": tbmj,
                        "KCXS": f["KCXS"], "KCMJ": kcmj, "TBDLMJ": round(tbmj - kcmj, 2),
                        "ZLDWDM": village_code(town, village) + "0000000", "ZLDWMC": village_name(town, village),
                        "GDDB": grade(g) if code in CULTIVATED else None, "CZCSXM": f["CZCSXM"], "SJNF": year}))
    return out


FIELDS = [("BSM", ogr.OFTString, 18), ("DLBM", ogr.OFTString, 5), ("DLMC", ogr.OFTString, 60),
          ("TBMJ", ogr.OFTReal, 0), ("KCXS", ogr.OFTReal, 0), ("KCMJ", ogr.OFTReal, 0), ("TBDLMJ", ogr.OFTReal, 0),
          ("ZLDWDM", ogr.OFTString, 19), ("ZLDWMC", ogr.OFTString, 60), ("GDDB", ogr.OFTInteger, 0),
          ("CZCSXM", ogr.OFTString, 4), ("SJNF", ogr.OFTInteger, 0)]


def write_layer(ds: ogr.DataSource, name: str, kind: int, fields, rows: List[Parcel],
                options: Optional[List[str]] = None) -> None:
    layer = ds.CreateLayer(name, srs_4527(), kind, options=options or [])
    for field_name, field_type, width in fields:
        fd = ogr.FieldDefn(field_name, field_type)
        if width:
            fd.SetWidth(width)
        layer.CreateField(fd)
    layer.StartTransaction()
    for geometry, values in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for key, value in values.items():
            if value is not None:
                f[key] = value
        f.SetGeometry(ogr.ForceToMultiPolygon(geometry) if kind == ogr.wkbMultiPolygon else geometry)
        layer.CreateFeature(f)
    layer.CommitTransaction()


def dissolve(parcels: List[Parcel], key: Callable[[Dict[str, object]], object]) -> Dict[object, ogr.Geometry]:
    groups: Dict[object, ogr.Geometry] = {}
    for geometry, values in parcels:
        k = key(values)
        if k is None:
            continue
        group = groups.setdefault(k, ogr.Geometry(ogr.wkbMultiPolygon))
        for i in range(geometry.GetGeometryCount()):  # DLTB parcels are one-part MultiPolygons
            group.AddGeometry(geometry.GetGeometryRef(i))
    return {k: g.UnionCascaded() for k, g in groups.items()}


def parts(geometry: ogr.Geometry, min_m2: float) -> List[ogr.Geometry]:
    """The polygons of a union, the small ones left out (a line is drawn on patches, not crumbs)."""
    if geometry.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D):
        polygons = [geometry]
    else:
        polygons = [geometry.GetGeometryRef(i).Clone() for i in range(geometry.GetGeometryCount())]
    return [p for p in polygons if p.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D) and p.GetArea() >= min_m2]


def box(x0: float, y0: float, x1: float, y1: float) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def town_of(patch: ogr.Geometry, towns: Dict[object, ogr.Geometry]) -> str:
    """The town a patch is delivered under: the one holding the larger part of it (first code on a tie)."""
    def inside(code: object) -> float:
        part = patch.Intersection(towns[code])
        return part.GetArea() if part.GetDimension() == 2 else 0.0  # not a touching line
    return str(max(sorted(towns), key=inside))


def planning_layers(base: List[Parcel], size_m: float, towns: Dict[object, ogr.Geometry]):
    """The three lines drawn on the 2019 parcels, with the faults a real submission has."""
    # Red line: forest, grass and water patches of at least 30 ha, their function type by position.
    eco = dissolve(base, lambda v: "eco" if v["DLBM"] in FOREST | GRASS | WATER else None)["eco"]
    types = ["水源涵养", "生物多样性维护", "水土保持"]
    patches = parts(eco, 300_000.0)
    # The largest patch drawn 40 m wide of its parcels: it takes in neighbouring farmland (L04).
    largest = max(range(len(patches)), key=lambda k: patches[k].GetArea())
    patches[largest] = patches[largest].Buffer(40.0, 2)
    names = {code: TOWN_NAMES[k % len(TOWN_NAMES)] for k, code in enumerate(sorted(towns))}
    redline = [(p, {"HXBH": f"HX{k + 1:03d}", "HXMC": f"生态保护红线{k + 1}区",
                    "HXLX": types[int((p.Centroid().GetX() - X0) / size_m * 3) % 3],
                    "XZQDM": town_of(p, towns), "XZQMC": names[town_of(p, towns)]})
               for k, p in enumerate(patches)]
    # Permanent farmland: cultivated patches of at least 5 ha outside the red line; one patch drawn
    # without taking the red line out (an overlap the check must find).
    cultivated = dissolve(base, lambda v: "c" if v["DLBM"] in CULTIVATED else None)["c"]
    red_union = ogr.Geometry(ogr.wkbMultiPolygon)
    for p in parts(eco, 300_000.0):  # as drawn on the parcels, before the widened patch
        red_union.AddGeometry(p)
    red_union = red_union.UnionCascaded()
    farmland = []
    for k, p in enumerate(parts(cultivated, 50_000.0)):
        shape = p if k == 3 else p.Difference(red_union)
        for q in parts(shape, 2_000.0):
            farmland.append((q, {"JBNTBH": f"JB{len(farmland) + 1:04d}", "DLBM": "0103"}))
    # Urban development boundary: around the county seat and a market town; it overlaps farmland
    # (the boundary yields to farmland: L06).
    s = size_m
    urban = [(box(X0 + 0.05 * s, Y0 + 0.05 * s, X0 + 0.22 * s, Y0 + 0.2 * s), {"KFBJBH": "KF01", "KFBJMC": "县城"}),
             (box(X0 + 0.7 * s, Y0 + 0.62 * s, X0 + 0.8 * s, Y0 + 0.72 * s), {"KFBJBH": "KF02", "KFBJMC": "河湾镇区"})]
    return redline, farmland, urban


def town_targets(towns: Dict[object, ogr.Geometry], farmland, redline, urban) -> List[Parcel]:
    """XZQ_GHZB: each town with its targets in ha; the first town's farmland task is 5 % above what
    was drawn (the check finds it short), the others 2 % below."""
    rows: List[Parcel] = []
    for k, (code, shape) in enumerate(sorted(towns.items())):
        def inside(layer) -> float:
            pieces = (g.Intersection(shape) for g, _ in layer)
            return sum(p.GetArea() for p in pieces if p.GetDimension() == 2) / 10_000.0  # not the touching lines
        rows.append((shape, {"XZQDM": code, "XZQMC": TOWN_NAMES[k % len(TOWN_NAMES)],
                             "NTRWMJ": round(inside(farmland) * (1.05 if k == 0 else 0.98), 2),
                             "HXRWMJ": round(inside(redline) * 0.99, 2),
                             "CZYD2020": round(inside(urban) * 0.8, 2)}))
    return rows


def rectification_parcels(base: List[Parcel], redline) -> List[Parcel]:
    """A consolidation project in the first town's first village: homesteads reclaimed to dry land
    (拆旧复垦), other grassland made cultivated (农用地整理), forest in the red line restored, and two
    dry-land parcels planned as homesteads (one outside the urban boundary)."""
    village = village_code(0, 0)
    plan = {"0702": ("拆旧复垦", "0103"), "0404": ("农用地整理", "0103"), "0301": ("生态保护修复", "0301"),
            "0103": ("建设用地整理", "0702")}
    counts: Dict[str, int] = {}
    rows: List[Parcel] = []
    for geometry, v in base:
        code = str(v["DLBM"])
        if not str(v["ZLDWDM"]).startswith(village) or code not in plan:
            continue
        limit = 2 if code == "0103" else 6
        if counts.get(code, 0) >= limit:
            continue
        counts[code] = counts.get(code, 0) + 1
        kind, planned = plan[code]
        rows.append((geometry, {"DKBH": f"ZZ{len(rows) + 1:03d}", "ZZLX": kind, "XMBH": "XM2021-01",
                                "XZDL": code, "GHDL": planned}))
    return rows


def write_shapefile(folder: Path, name: str, fields, rows: List[Parcel]) -> None:
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(folder / f"{name}.shp"))
    shp_fields = [(n, t, w) for n, t, w in fields]
    write_layer(ds, name, ogr.wkbPolygon, shp_fields, rows, options=["ENCODING=CP936"])
    ds = None
    (folder / f"{name}.cpg").unlink(missing_ok=True)  # delivered without one: GBK must be detected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--cells", type=int, default=75, help="survey cells across (75: 12 km, ~5,600 parcels)")
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    out = Path(args.out)
    manifest = out / "package_manifest.json"
    if manifest.exists() and not args.force:
        made = json.loads(manifest.read_text(encoding="utf-8"))
        if made.get("cells") == args.cells and made.get("version") == VERSION:
            print(f"county package already in {out}")
            return
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), tmp, "--cells",
                        str(args.cells)], check=True, capture_output=True, timeout=600)
        area_of = EllipsoidalArea()
        base = read_year(Path(tmp) / "landuse_2010.gpkg", 2019, area_of)
        after = read_year(Path(tmp) / "landuse_2020.gpkg", 2020, area_of)
    size_m = args.cells * 160.0
    villages = dissolve(base, lambda v: (str(v["ZLDWDM"])[:12], v["ZLDWMC"]))
    towns = dissolve(base, lambda v: str(v["ZLDWDM"])[:9])
    town_rows = [(g, {"XZQDM": code, "XZQMC": TOWN_NAMES[k % len(TOWN_NAMES)]})
                 for k, (code, g) in enumerate(sorted(towns.items()))]

    gdb = out / f"{COUNTY}_2019_三调.gdb"
    ds = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(str(gdb))
    write_layer(ds, "DLTB", ogr.wkbMultiPolygon, FIELDS, base)
    xzq_fields = [("XZQDM", ogr.OFTString, 12), ("XZQMC", ogr.OFTString, 60)]
    write_layer(ds, "XZQ", ogr.wkbMultiPolygon, xzq_fields, town_rows)
    write_layer(ds, "CJDCQ", ogr.wkbMultiPolygon, [("ZLDWDM", ogr.OFTString, 19), ("ZLDWMC", ogr.OFTString, 60)],
                [(g, {"ZLDWDM": code + "0000000", "ZLDWMC": name}) for (code, name), g in sorted(villages.items())])
    ds = None

    change = out / f"{COUNTY}_2020_变更"
    change.mkdir()
    write_shapefile(change, "DLTB", FIELDS, after)
    write_shapefile(change, "XZQ", xzq_fields, town_rows)

    redline, farmland, urban = planning_layers(base, size_m, towns)
    plan = out / "规划成果.gdb"
    ds = ogr.GetDriverByName("OpenFileGDB").CreateDataSource(str(plan))
    write_layer(ds, "生态保护红线", ogr.wkbMultiPolygon,
                [("HXBH", ogr.OFTString, 10), ("HXMC", ogr.OFTString, 60), ("HXLX", ogr.OFTString, 20)] + xzq_fields,
                redline)
    write_layer(ds, "永久基本农田", ogr.wkbMultiPolygon, [("JBNTBH", ogr.OFTString, 10), ("DLBM", ogr.OFTString, 5)],
                farmland)
    write_layer(ds, "城镇开发边界", ogr.wkbMultiPolygon,
                [("KFBJBH", ogr.OFTString, 10), ("KFBJMC", ogr.OFTString, 60)], urban)
    write_layer(ds, "XZQ_GHZB", ogr.wkbMultiPolygon,
                xzq_fields + [("NTRWMJ", ogr.OFTReal, 0), ("HXRWMJ", ogr.OFTReal, 0), ("CZYD2020", ogr.OFTReal, 0)],
                town_targets(towns, farmland, redline, urban))
    ds = None

    project = out / "整治项目"
    project.mkdir()
    zzdk = rectification_parcels(base, redline)
    write_shapefile(project, "ZZDK", [("DKBH", ogr.OFTString, 10), ("ZZLX", ogr.OFTString, 30),
                                      ("XMBH", ogr.OFTString, 20), ("XZDL", ogr.OFTString, 5),
                                      ("GHDL", ogr.OFTString, 5)], zzdk)
    with open(out / "统计年鉴_2020.csv", "w", encoding="utf-8", newline="") as f:
        f.write("XZQDM,XZQMC,GDP,POP\n")
        for k, (_g, values) in enumerate(town_rows):
            f.write(f"{values['XZQDM']},{values['XZQMC']},{(2.4 + 1.3 * k) * 1e9:.0f},{31000 + 9000 * k}\n")
    (out / "README.txt").write_text(LABEL + "\n\n" + __doc__.split("\n\n", 2)[2], encoding="utf-8")
    info = {"SYNTHETIC": LABEL, "cells": args.cells, "version": VERSION, "crs": "EPSG:4527",
            "counts": {"DLTB_2019": len(base), "DLTB_2020": len(after), "towns": len(town_rows),
                       "villages": len(villages), "redline": len(redline), "farmland": len(farmland),
                       "urban": len(urban), "ZZDK": len(zzdk)}}
    manifest.write_text(json.dumps(info, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False))


if __name__ == "__main__":
    main()
