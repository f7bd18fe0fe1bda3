"""Checks that a Python ranking (bench/python_pareto_sites.py's CSV: fid, front) gives every site
the front guotu gave it (ranked_sites of `guotu priorities rank`). Prints a JSON line; exit 1
on any difference.

usage: /usr/bin/python3 bench/compare_priorities.py GUOTU.gpkg PYTHON.csv"""
import csv
import json
import sys

from osgeo import ogr


def main() -> None:
    ds = ogr.Open(sys.argv[1])  # kept open while its features are read
    guotu = {f["site_fid"]: f["front"] for f in ds.GetLayerByName("ranked_sites")}
    with open(sys.argv[2], newline="") as f:
        python = {int(r["fid"]): int(r["front"]) for r in csv.DictReader(f)}
    common = set(guotu) & set(python)
    differ = sorted(fid for fid in common if guotu[fid] != python[fid])
    print(json.dumps({"guotu_sites": len(guotu), "python_sites": len(python), "compared": len(common),
                      "different_fronts": len(differ), "examples": differ[:5]}))
    sys.exit(1 if differ or not common or len(python) > len(guotu) else 0)


if __name__ == "__main__":
    main()
