"""Candidate sites for the priorities benchmark: N small square sites (20–60 m a side) on a
grid in CGCS2000 / GK zone 39 (EPSG:4527), with the attributes cost (10,000 yuan, whole
numbers 1–500: many ties), benefit (0–100, one decimal) and connect (0–10, whole: many
ties), drawn from a fixed seed. Synthetic, clearly: only the shape of the problem matters.

usage: /usr/bin/python3 bench/make_priority_sites.py OUT.gpkg [--n 100000] [--seed 7]"""
import argparse
import random

from osgeo import ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(a.out)
    layer = ds.CreateLayer("sites", srs, ogr.wkbPolygon)
    for name, kind in (("cost", ogr.OFTReal), ("benefit", ogr.OFTReal), ("connect", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    side = int(a.n ** 0.5) + 1
    layer.StartTransaction()
    for i in range(a.n):
        x, y = X0 + (i % side) * 100.0, Y0 + (i // side) * 100.0
        s = rng.uniform(20, 60)
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("cost", float(rng.randint(1, 500)))
        f.SetField("benefit", round(rng.uniform(0, 100), 1))
        f.SetField("connect", float(rng.randint(0, 10)))
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + s} {y},{x + s} {y + s},{x} {y + s},{x} {y}))"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


if __name__ == "__main__":
    main()
