"""A planned land use for the unit-ledger benchmark (SYNTHETIC), on a 三调-shaped layer made
by bench/make_sandiao_data.py:

    /usr/bin/python3 bench/make_ledger_data.py DATA_DIR/landuse_2020.gpkg OUT_DIR [--seed 7]

Copies the land-use layer to OUT_DIR/ledger_parcels.gpkg (layer `landuse`) and gives every
parcel the fields a consolidation plan adds, by fixed random rules:
  GHDL     planned code: a quarter of the homesteads (0702) reclaimed (拆旧复垦) to 0103 / 0301 /
           0404 / 0201; 4 % of the cultivated land built on (0702, 0601); 10 % of other grassland
           and other forest (0404, 0307) developed into 0103; the rest unchanged
  GHKCXS   planned 田坎 coefficient: 0.05 on new dry land, halved on 20 % of the dry land
           (high-standard farmland), else the current KCXS
  GDDB / GHGDDB   cultivated-land grade now (3–12) / of new cultivated land (5–13)
  YJJBNT / GHJBNT permanent farmland now (70 % of cultivated land) / after the adjustment
           plan (built-on land leaves, 1 % more leaves, 30 % of new cultivated land comes in)
  XMBH / ZZLX     project (per town) and type (拆旧复垦, 农用地整理, 高标准农田, 生态保护修复)
Also OUT_DIR/redline.gpkg (12 red-line blocks of 4–8 % of the extent's width; 10 % of the changes inside are ecological
restoration), OUT_DIR/beaches.gpkg (40 river-beach strips) and OUT_DIR/units.gpkg (a 10 × 10
grid of consolidation units). Labelled synthetic in the layers' metadata.
"""
from __future__ import annotations

import argparse
import os
import shutil

import numpy as np
from osgeo import ogr, osr

CULTIVATED = ("0101", "0102", "0103")


def box(x0: float, y0: float, x1: float, y1: float) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def write_boxes(path: str, name: str, boxes, fields=()) -> None:
    if os.path.exists(path):
        os.remove(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
    for field in fields:
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    layer.SetMetadataItem("SYNTHETIC", "synthetic benchmark layer made by bench/make_ledger_data.py; not real")
    for values, geometry in boxes:
        f = ogr.Feature(layer.GetLayerDefn())
        for field, value in zip(fields, values):
            f[field] = value
        f.SetGeometry(geometry)
        layer.CreateFeature(f)
    ds = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("landuse")
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    target = os.path.join(args.out, "ledger_parcels.gpkg")
    shutil.copyfile(args.landuse, target)
    ds = ogr.Open(target, 1)
    layer = ds.GetLayerByName("landuse")
    for name, kind in (("GHDL", ogr.OFTString), ("GHKCXS", ogr.OFTReal), ("GDDB", ogr.OFTInteger),
                       ("GHGDDB", ogr.OFTInteger), ("YJJBNT", ogr.OFTInteger), ("GHJBNT", ogr.OFTInteger),
                       ("XMBH", ogr.OFTString), ("ZZLX", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    layer.SetMetadataItem("SYNTHETIC", "synthetic 三调-shaped data with a synthetic plan (bench/make_ledger_data.py); "
                                       "not real")
    xmin, xmax, ymin, ymax = layer.GetExtent()
    red = []
    for _ in range(12):
        w, h = rng.uniform(0.04, 0.08, 2) * (xmax - xmin)
        x, y = rng.uniform(xmin, xmax - w), rng.uniform(ymin, ymax - h)
        red.append((x, y, x + w, y + h))

    def in_red(geometry: ogr.Geometry) -> bool:
        e = geometry.GetEnvelope()
        return any(e[0] < b[2] and e[1] > b[0] and e[2] < b[3] and e[3] > b[1] for b in red)

    layer.StartTransaction()
    for f in layer:
        code, town = f["DLBM"], f["ZLDWDM"][6:9]
        kcxs = f["KCXS"] or 0.0
        r = rng.random()
        plan, plan_k, grade, plan_grade, project, kind = code, kcxs, None, None, "", ""
        cultivated = code in CULTIVATED
        if cultivated:
            grade = int(rng.integers(3, 13))
        if code == "0702" and r < 0.25:
            plan = ("0103", "0301", "0404", "0201")[int(rng.choice(4, p=(0.6, 0.2, 0.1, 0.1)))]
            project, kind = f"FK{town}", "拆旧复垦"
            plan_k = 0.05 if plan == "0103" else 0.0
            plan_grade = int(rng.integers(5, 14)) if plan == "0103" else None
        elif cultivated and r < 0.04:
            plan = "0702" if r < 0.02 else "0601"
            plan_k = 0.0
        elif code in ("0404", "0307") and r < 0.10:
            plan, plan_k, plan_grade = "0103", 0.05, int(rng.integers(5, 14))
            project, kind = f"ZL{town}", "农用地整理"
        elif code == "0103" and r < 0.24:
            plan_k = round(kcxs * 0.5, 4)
            project, kind = f"GB{town}", "高标准农田"
        if plan != code and in_red(f.GetGeometryRef()) and rng.random() < 0.10:
            kind = "生态保护修复"
        farm = 1 if cultivated and rng.random() < 0.7 else 0
        plan_cultivated = plan in CULTIVATED
        if farm and (not plan_cultivated or rng.random() < 0.01):
            plan_farm = 0
        elif not farm and plan_cultivated and not cultivated and rng.random() < 0.3:
            plan_farm = 1
        else:
            plan_farm = farm
        f["GHDL"], f["GHKCXS"], f["YJJBNT"], f["GHJBNT"] = plan, plan_k, farm, plan_farm
        f["GDDB"] = grade
        f["GHGDDB"] = plan_grade
        f["XMBH"], f["ZZLX"] = project, kind
        layer.SetFeature(f)
    layer.CommitTransaction()
    ds = None
    write_boxes(os.path.join(args.out, "redline.gpkg"), "redline", [((), box(*b)) for b in red])
    beaches = []
    for _ in range(40):
        w = min(2000.0, 0.1 * (xmax - xmin))
        x, y = rng.uniform(xmin, xmax - w), rng.uniform(ymin, ymax - w / 5)
        beaches.append(((), box(x, y, x + w, y + w / 5)))
    write_boxes(os.path.join(args.out, "beaches.gpkg"), "beaches", beaches)
    units = []
    dx, dy = (xmax - xmin) / 10, (ymax - ymin) / 10
    for i in range(10):
        for j in range(10):
            units.append(((f"DY{i:02d}{j:02d}", f"整治单元{i * 10 + j + 1}"),
                          box(xmin + i * dx, ymin + j * dy, xmin + (i + 1) * dx, ymin + (j + 1) * dy)))
    write_boxes(os.path.join(args.out, "units.gpkg"), "units", units, ("DYBH", "DYMC"))
    print(target)


if __name__ == "__main__":
    main()
