"""Checks the QGIS chain's measured values (qgis_measured.csv of bench/qgis_indicators.py)
against guotu indicators' table, unit by unit and indicator by indicator, and prints the
largest differences as JSON. Exit 1 when any differs by more than --rel (default 1e-6) of
the value plus --abs ha (default 1e-4)."""
from __future__ import annotations

import argparse
import csv
import json
import sys

from osgeo import ogr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("guotu_gpkg")
    ap.add_argument("qgis_csv")
    ap.add_argument("--rel", type=float, default=1e-6)
    ap.add_argument("--abs", type=float, default=1e-4)
    args = ap.parse_args()
    ds = ogr.Open(args.guotu_gpkg)
    guotu = {(f["admin_code"], f["indicator"]): f["measured"] for f in ds.GetLayerByName("indicators")}
    ds = None
    qgis = {(r["admin_code"], r["indicator"]): float(r["measured"])
            for r in csv.DictReader(open(args.qgis_csv, encoding="utf-8"))}
    worst: dict = {}
    bad = []
    for key, value in qgis.items():
        mine = guotu.get(key)
        if mine is None:
            bad.append({"key": key, "guotu": None, "qgis": value})
            continue
        diff = abs(mine - value)
        k = key[1]
        if diff > worst.get(k, {"abs": -1})["abs"]:
            worst[k] = {"abs": diff, "rel": diff / max(abs(value), 1e-12), "unit": key[0], "guotu": mine,
                        "qgis": value}
        if diff > args.abs + args.rel * abs(value):
            bad.append({"key": key, "guotu": mine, "qgis": value})
    print(json.dumps({"compared": len(qgis), "disagree": len(bad), "largest_difference": worst,
                      "examples": bad[:5]}, ensure_ascii=False, indent=1))
    sys.exit(1 if bad or len(qgis) != len(guotu) else 0)


if __name__ == "__main__":
    main()
