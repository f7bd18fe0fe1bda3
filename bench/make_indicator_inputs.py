"""Admin units, targets and permanent farmland for the binding-indicator benchmark (SYNTHETIC).

    /usr/bin/python3 bench/make_indicator_inputs.py DATA_DIR [--units 10]

On the county of bench/make_sandiao_data.py (DATA_DIR/landuse_2010.gpkg, landuse_2020.gpkg,
EPSG:4527): DATA_DIR/xzq.gpkg, layer XZQ — UNITS × UNITS admin units tiling the region (10 × 10 =
100 units of 4 km × 4 km on the default county), fields XZQDM (9-digit town codes), XZQMC and
one target field per indicator (GDBYL 耕地保有量, JBNTRW 永久基本农田保护任务, JSYDZGM 建设用地总规模,
CXJSYD 城乡建设用地规模, XZZYGD 新增建设占用耕地规模, SLFGL 森林覆盖率 %, LDBYL 林地保有量,
ZYZSLD 占用征收林地, ha), drawn so that about a third of the comparisons fail; a few targets are
left NULL (skipped indicators). DATA_DIR/jbnt.gpkg, layer YJJBNTTB: four cultivated parcels of
five of the 2020 land use, as permanent farmland. Labelled synthetic in the layers' metadata.
"""
from __future__ import annotations

import argparse
import json
import os

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
FIELDS = ["GDBYL", "JBNTRW", "JSYDZGM", "CXJSYD", "XZZYGD", "SLFGL", "LDBYL", "ZYZSLD"]
# Rough shares of a unit's area in the generator's classes, to draw targets around.
SHARES = [0.38, 0.30, 0.14, 0.10, 0.004, 22.0, 0.22, 0.002]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--units", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    manifest = json.load(open(os.path.join(args.data, "sample_manifest.json"), encoding="utf-8"))
    region = manifest["region"]
    rng = np.random.default_rng(args.seed)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    path = os.path.join(args.data, "xzq.gpkg")
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("XZQ", srs, ogr.wkbPolygon)
    layer.SetMetadataItem("SYNTHETIC", "synthetic admin units for the binding-indicator benchmark")
    layer.CreateField(ogr.FieldDefn("XZQDM", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("XZQMC", ogr.OFTString))
    for f in FIELDS:
        layer.CreateField(ogr.FieldDefn(f, ogr.OFTReal))
    n = args.units
    w = (region["xmax"] - region["xmin"]) / n
    h = (region["ymax"] - region["ymin"]) / n
    area_ha = w * h / 10000.0
    ds.StartTransaction()
    for i in range(n):
        for j in range(n):
            x0, y0 = region["xmin"] + i * w, region["ymin"] + j * h
            f = ogr.Feature(layer.GetLayerDefn())
            f["XZQDM"] = f"130102{i * n + j + 1:03d}"
            f["XZQMC"] = f"合成镇{i * n + j + 1:03d}"
            for field, share in zip(FIELDS, SHARES):
                if rng.random() < 0.05:
                    continue  # no target: skipped
                base = share if field == "SLFGL" else share * area_ha
                f[field] = round(base * rng.uniform(0.8, 1.2), 2)
            f.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON(({x0} {y0},{x0 + w} {y0},{x0 + w} {y0 + h},{x0} {y0 + h},{x0} {y0}))"))
            layer.CreateFeature(f)
    ds.CommitTransaction()
    ds = None
    out = os.path.join(args.data, "jbnt.gpkg")
    if os.path.exists(out):
        os.remove(out)
    gdal.VectorTranslate(out, os.path.join(args.data, "landuse_2020.gpkg"), layerName="YJJBNTTB",
                         SQLStatement="SELECT geom, DLBM FROM landuse WHERE DLBM IN ('0101','0102','0103') "
                                      "AND fid % 5 <> 0", SQLDialect="SQLite")
    print(f"{n * n} admin units -> {path}; farmland -> {out}")


if __name__ == "__main__":
    main()
