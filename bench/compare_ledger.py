#!/usr/bin/python3
"""Checks the QGIS chain's ledger (bench/qgis_ledger.py, qgis_ledger.csv) against
`guotu ledger`'s unit_ledger, unit by unit: every sum within a relative 1e-6 (QGIS's $area and
guotu's ellipsoidal area are computed differently) and every rule's pass/fail the same.

    /usr/bin/python3 bench/compare_ledger.py GUOTU.gpkg QGIS_DIR/qgis_ledger.csv [--json OUT]
Prints the worst differences; exit 1 when they disagree."""
from __future__ import annotations

import argparse
import csv
import json
import math
import sys

from osgeo import ogr

SUMS = ["cultivated_opening_ha", "cultivated_closing_ha", "grade_opening_mean", "grade_closing_mean",
        "farmland_out_ha", "farmland_in_ha", "construction_opening_ha", "construction_closing_ha", "reclaimed_ha",
        "built_ha", "forest_opening_ha", "forest_closing_ha", "redline_changed_ha", "beach_ha"]
RULES = {"quantity_ok": "quantity_ok", "farmland_ok": "farmland_ok", "construction_ok": "construction_ok",
         "forest_ok": "forest_ok"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("guotu")
    ap.add_argument("qgis")
    ap.add_argument("--json")
    args = ap.parse_args()
    ds = ogr.Open(args.guotu)
    guotu = {f["unit_id"]: f.items() for f in ds.GetLayerByName("unit_ledger")}
    with open(args.qgis, encoding="utf-8") as fh:
        qgis = {r["unit_id"]: r for r in csv.DictReader(fh)}
    problems, worst = [], {k: 0.0 for k in SUMS}
    if set(guotu) != set(qgis):
        problems.append(f"units differ: only guotu {sorted(set(guotu) - set(qgis))[:5]}, "
                        f"only QGIS {sorted(set(qgis) - set(guotu))[:5]}")
    for unit in sorted(set(guotu) & set(qgis)):
        g, q = guotu[unit], qgis[unit]
        for key in SUMS:
            a = g[key]
            b = float(q[key]) if q[key] != "" else None
            if a is None or b is None:
                if (a is None) != (b is None) and not (a in (None, 0.0) and b in (None, 0.0)):
                    problems.append(f"{unit} {key}: guotu {a}, QGIS {b}")
                continue
            rel = abs(a - b) / max(1.0, abs(a), abs(b))
            worst[key] = max(worst[key], rel)
            if rel > 1e-6:
                problems.append(f"{unit} {key}: guotu {a}, QGIS {b}")
        for gk, qk in RULES.items():
            if (g[gk] == "pass") != (q[qk] == "True"):
                problems.append(f"{unit} {gk}: guotu {g[gk]}, QGIS {q[qk]}")
    report = {"units": len(guotu), "worst_relative_difference": worst, "problems": problems[:50],
              "agree": not problems}
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, indent=1, ensure_ascii=False)
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
