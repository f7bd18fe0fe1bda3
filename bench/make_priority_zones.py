"""Zones and admin units for the ruling-objective run on a 三调-shaped county
(bench/make_sandiao_data.py): ZONES round zones (radius 1.5–5 km, some overlapping) whose type
field GNLX cycles through the red-line function types of the preset
(resources/presets/priorities/redline_functions.csv) plus one type the preset does not list, and
four admin quadrants (XZQDM 130101–130104). SYNTHETIC. Also writes the table `ctl`
(zone_type, prefix) of every code prefix a type controls, for the SQL check.

usage: /usr/bin/python3 bench/make_priority_zones.py COUNTY.gpkg OUT.gpkg [--zones 24] [--seed 5]"""
import argparse
import csv
import math
import random
from pathlib import Path

from osgeo import ogr, osr

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("county")
    ap.add_argument("out")
    ap.add_argument("--zones", type=int, default=24)
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    rows = list(csv.DictReader(open(REPO / "resources/presets/priorities/redline_functions.csv", encoding="utf-8")))
    types = sorted({r["zone_type"] for r in rows}) + ["其他保护地"]
    src = ogr.Open(a.county)
    xmin, xmax, ymin, ymax = src.GetLayer(0).GetExtent()
    rng = random.Random(a.seed)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(a.out)
    zones = ds.CreateLayer("zones", srs, ogr.wkbPolygon)
    zones.CreateField(ogr.FieldDefn("GNLX", ogr.OFTString))
    for i in range(a.zones):
        cx, cy = rng.uniform(xmin + 3000, xmax - 3000), rng.uniform(ymin + 3000, ymax - 3000)
        r = rng.uniform(1500, 5000)
        ring = ",".join(f"{cx + r * (1 + 0.2 * math.sin(5 * t)) * math.cos(t)} "
                        f"{cy + r * (1 + 0.2 * math.sin(5 * t)) * math.sin(t)}"
                        for t in [2 * math.pi * s / 180 for s in range(180)] + [0.0])
        f = ogr.Feature(zones.GetLayerDefn())
        f.SetField("GNLX", types[i % len(types)])
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({ring}))"))
        zones.CreateFeature(f)
    admin = ds.CreateLayer("xzq", srs, ogr.wkbPolygon)
    admin.CreateField(ogr.FieldDefn("XZQDM", ogr.OFTString))
    xm, ym = (xmin + xmax) / 2, (ymin + ymax) / 2
    for n, (x0, y0, x1, y1) in enumerate(((xmin, ymin, xm, ym), (xm, ymin, xmax, ym), (xmin, ym, xm, ymax),
                                          (xm, ym, xmax, ymax))):
        f = ogr.Feature(admin.GetLayerDefn())
        f.SetField("XZQDM", f"13010{n + 1}")
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        admin.CreateFeature(f)
    ctl = ds.CreateLayer("ctl", None, ogr.wkbNone)
    ctl.CreateField(ogr.FieldDefn("zone_type", ogr.OFTString))
    ctl.CreateField(ogr.FieldDefn("prefix", ogr.OFTString))
    for r in rows:
        for prefix in r["controls"].replace(";", " ").split():
            f = ogr.Feature(ctl.GetLayerDefn())
            f.SetField("zone_type", r["zone_type"])
            f.SetField("prefix", prefix)
            ctl.CreateFeature(f)
    ds = None


if __name__ == "__main__":
    main()
