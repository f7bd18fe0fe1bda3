"""Checks `guotu priorities rule --area planar` (zone_summary) against the SpatiaLite SQL
(bench/spatialite_priorities_rule.sql) zone by zone. Prints a JSON line; exit 1 on a difference
above 1e-6 ha + 1e-9 relative.

usage: /usr/bin/python3 bench/compare_priorities_rule.py RULE.gpkg SQL.csv"""
import csv
import json
import sys

from osgeo import ogr


def main() -> None:
    ds = ogr.Open(sys.argv[1])  # kept open while its features are read
    guotu = {f["fid_in"]: f["controlled_ha"] for f in ds.GetLayerByName("zone_summary")}
    with open(sys.argv[2], newline="") as f:
        sql = {int(r["zone_no"]): float(r["controlled_ha"]) for r in csv.DictReader(f)}
    worst = 0.0
    differ = []
    for fid, ha in guotu.items():
        other = sql.get(fid, 0.0)
        gap = abs(ha - other)
        worst = max(worst, gap)
        if gap > 1e-6 + 1e-9 * abs(other):
            differ.append(fid)
    print(json.dumps({"zones": len(guotu), "sql_zones": len(sql), "total_guotu_ha": round(sum(guotu.values()), 6),
                      "total_sql_ha": round(sum(sql.values()), 6), "largest_gap_ha": worst, "differ": differ}))
    sys.exit(1 if differ or set(sql) - set(guotu) else 0)


if __name__ == "__main__":
    main()
