"""A non-convex variant of a sample's two land-use layers, for the convert benchmark.

    /usr/bin/python3 bench/make_concave_variant.py SAMPLE_DIR OUT_DIR

The generated sample's parcels are convex quadrilaterals (a jittered grid), which guotu
convert clips without GEOS. Real parcels are often not convex, so this makes every interior
edge of both layers bend at its midpoint, pushed sideways by 12 % of the edge's length in a
direction fixed by the edge itself: both neighbours of a shared edge get the same new vertex,
so each layer stays a coverage (no gaps, no overlaps), and one of the two neighbours is
notched there. Edges on the region's outer boundary stay straight, so the region and its
area are unchanged. The output is as synthetic as its input (SYNTHETIC metadata kept).
"""
from __future__ import annotations

import json
import os
import shutil
import sys

from osgeo import ogr


def on_boundary(a: tuple, b: tuple, region: dict) -> bool:
    return ((a[0] == b[0] and a[0] in (region["xmin"], region["xmax"]))
            or (a[1] == b[1] and a[1] in (region["ymin"], region["ymax"])))


def notched(ring: list[tuple], region: dict) -> list[tuple]:
    out = []
    for a, b in zip(ring, ring[1:]):
        out.append(a)
        if on_boundary(a, b, region):
            continue
        p, q = (a, b) if a < b else (b, a)  # the edge's own direction, whichever polygon owns it
        dx, dy = q[0] - p[0], q[1] - p[1]
        out.append(((p[0] + q[0]) / 2 - 0.12 * dy, (p[1] + q[1]) / 2 + 0.12 * dx))
    return out + [out[0]]


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    region = json.load(open(os.path.join(src, "sample_manifest.json"), encoding="utf-8"))["region"]
    for year in ("2010", "2020"):
        ds = ogr.Open(os.path.join(src, f"landuse_{year}.gpkg"))
        layer = ds.GetLayer(0)
        path = os.path.join(dst, f"landuse_{year}.gpkg")
        if os.path.exists(path):
            os.remove(path)
        out = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        out.SetMetadataItem("SYNTHETIC", "SYNTHETIC DEMO DATA - not real (non-convex variant)")
        ol = out.CreateLayer("landuse", layer.GetSpatialRef(), ogr.wkbPolygon)
        ol.CreateField(ogr.FieldDefn("lucc_code", ogr.OFTInteger))
        out.StartTransaction()
        for f in layer:
            shell = f.GetGeometryRef().GetGeometryRef(0)
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for x, y in notched([shell.GetPoint_2D(i) for i in range(shell.GetPointCount())], region):
                ring.AddPoint_2D(x, y)
            g = ogr.Geometry(ogr.wkbPolygon)
            g.AddGeometry(ring)
            nf = ogr.Feature(ol.GetLayerDefn())
            nf.SetField("lucc_code", f.GetField("lucc_code"))
            nf.SetGeometry(g)
            ol.CreateFeature(nf)
        out.CommitTransaction()
        out = None
    shutil.copy(os.path.join(src, "sample_manifest.json"), os.path.join(dst, "sample_manifest.json"))
    print(f"written {dst}")


if __name__ == "__main__":
    main()
