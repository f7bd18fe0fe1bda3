#!/usr/bin/python3
"""Checks `guotu ledger --current/--planned` (OUT.gpkg, table unit_ledger) against the QGIS
chain of bench/qgis_ledger_years.py (qgis_ledger_years.csv), unit by unit: area, cultivated
land opening/closing, construction opening/closing, reclaimed, newly built, and
the L1 and L4 results. guotu leaves out overlay slivers below its tolerance (1 m²) that the QGIS
intersection keeps: with --qgis-pieces (the chain's qgis_years_fields.gpkg) the QGIS pieces below
--sliver-m2 are taken out of its sums first, and their number and area are reported. Prints
the worst relative difference; exit 1 when a unit or a result differs or a number differs by
more than --rel (default 1e-6, relative to max(1 ha, |value|))."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from osgeo import ogr

NUMBERS = ("area_ha", "cultivated_opening_ha", "cultivated_closing_ha", "construction_opening_ha", "construction_closing_ha", "reclaimed_ha", "built_ha")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("guotu_gpkg")
    ap.add_argument("qgis_csv")
    ap.add_argument("--rel", type=float, default=1e-6)
    ap.add_argument("--qgis-pieces", help="qgis_years_fields.gpkg of bench/qgis_ledger_years.py")
    ap.add_argument("--sliver-m2", type=float, default=1.0)
    args = ap.parse_args()
    ds = ogr.Open(args.guotu_gpkg)
    g = {f["unit_id"]: f.items() for f in ds.GetLayerByName("unit_ledger")}
    with open(args.qgis_csv, encoding="utf-8") as fh:
        q = {r["unit_id"]: r for r in csv.DictReader(fh)}
    slivers, sliver_m2 = 0, 0.0
    if args.qgis_pieces:  # the QGIS pieces guotu leaves out as slivers, taken out of the QGIS sums
        columns = {"area_ha": "area_ha", "cultivated_opening_ha": "cult0", "cultivated_closing_ha": "cult1",
                   "construction_opening_ha": "constr0", "construction_closing_ha": "constr1",
                   "reclaimed_ha": "reclaimed", "built_ha": "built"}
        pieces = ogr.Open(args.qgis_pieces)
        for f in pieces.GetLayer(0):
            if f["area_ha"] * 10000 < args.sliver_m2 and f["ZLDWDM"] in q:
                slivers += 1
                sliver_m2 += f["area_ha"] * 10000
                row = q[f["ZLDWDM"]]
                for name, column in columns.items():
                    row[name] = str(float(row[name]) - (f[column] or 0.0))
        pieces = None
    problems, worst = [], (0.0, "", "")
    if set(g) != set(q):
        problems.append(f"units differ: only guotu {sorted(set(g) - set(q))[:5]}, only QGIS {sorted(set(q) - set(g))[:5]}")
    for unit in sorted(set(g) & set(q)):
        for name in NUMBERS:
            a, b = g[unit][name], q[unit][name]
            if a is None or b == "":
                if not (a is None and b == ""):
                    problems.append(f"{unit} {name}: {a} vs {b!r}")
                continue
            rel = abs(a - float(b)) / max(1.0, abs(a))
            if rel > worst[0]:
                worst = (rel, unit, name)
            if rel > args.rel:
                problems.append(f"{unit} {name}: guotu {a} QGIS {b}")
        for name, column in (("quantity_ok", "quantity_ok"), ("construction_ok", "construction_ok")):
            if (g[unit][name] == "pass") != (q[unit][column] == "True"):
                problems.append(f"{unit} {name}: guotu {g[unit][name]} QGIS {q[unit][column]}")
    print(json.dumps({"units": len(g), "worst_relative": worst[0], "worst_at": worst[1:],
                      "qgis_slivers_taken_out": slivers, "qgis_sliver_m2": sliver_m2, "problems": problems[:20]},
                     ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
