#!/usr/bin/python3
"""The transition matrix as a GeoPandas user computes it (Debian's python3-geopandas):
read both years, geopandas.overlay(how="intersection"), planar area of every piece,
sum by (2010 code, 2020 code). Writes a CSV from_code,to_code,area_m2 for
bench/collect_convert.py to compare with guotu's planar matrix.

    /usr/bin/python3 bench/geopandas_convert.py BEFORE.gpkg AFTER.gpkg OUT.csv [--class-field lucc_code]
"""
import argparse
import csv
import sys
import time

import geopandas


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("out")
    parser.add_argument("--class-field", default="lucc_code")
    parser.add_argument("--layer", default="landuse")
    args = parser.parse_args()
    steps = {}
    t = time.monotonic()
    a = geopandas.read_file(args.before, layer=args.layer)[[args.class_field, "geometry"]]
    b = geopandas.read_file(args.after, layer=args.layer)[[args.class_field, "geometry"]]
    a = a.rename(columns={args.class_field: "from_code"})
    b = b.rename(columns={args.class_field: "to_code"})
    steps["read_s"] = time.monotonic() - t
    t = time.monotonic()
    pieces = geopandas.overlay(a, b, how="intersection", keep_geom_type=True)
    steps["overlay_s"] = time.monotonic() - t
    t = time.monotonic()
    pieces["area_m2"] = pieces.geometry.area
    matrix = pieces.groupby(["from_code", "to_code"], as_index=False)["area_m2"].sum()
    steps["area_sum_s"] = time.monotonic() - t
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["from_code", "to_code", "area_m2"])
        for row in matrix.itertuples(index=False):
            w.writerow([row.from_code, row.to_code, repr(float(row.area_m2))])
    print(f"pieces {len(pieces)} " + " ".join(f"{k} {v:.2f}" for k, v in steps.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
