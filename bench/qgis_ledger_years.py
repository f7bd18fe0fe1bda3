#!/usr/bin/python3
"""The unit ledger between two survey years given as separate layers, the way a QGIS user
builds it (SANDIAO_WORK codes, units = villages by ZLDWDM of the later year, as
`guotu ledger --current Y1 --planned Y2 --unit-field ZLDWDM`):

  1. native:intersection      the earlier year (BSM, DLBM, KCXS, ZLDWDM) with the later one
                              (prefix L_) -> years_pieces.gpkg
  2. native:refactorfields    one pass of field-calculator expressions: $area; cultivated land
                              net of 田坎 in each year, construction in each year,
                              reclaimed, newly built -> years_fields.gpkg
  3. native:aggregate         sums grouped by L_ZLDWDM -> years_sums.gpkg
  4. the rules per unit in Python -> qgis_ledger_years.csv

Run with /usr/bin/python3 (PyQGIS 3.22). Step timings and peak RSS go to
OUT_DIR/qgis_ledger_years_steps.json.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_common as qc  # noqa: E402

CULTIVATED = ("0101", "0102", "0103")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--earlier", required=True, help="GeoPackage of the earlier year (layer landuse)")
    ap.add_argument("--later", required=True, help="GeoPackage of the later year (layer landuse)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--ellipsoid", default="EPSG:7019")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    out = {k: os.path.join(args.out_dir, f"qgis_years_{k}.gpkg") for k in ("pieces", "fields", "sums")}
    table = os.path.join(args.out_dir, "qgis_ledger_years.csv")
    qc.remove_outputs(list(out.values()) + [table])
    timer, run = qc.start_chain(os.path.join(args.out_dir, "qgis_ledger_years_steps.json"),
                                {"outputs": out, "table": table}, "nocheck", args.ellipsoid)
    from qgis.core import QgsVectorLayer

    construction = [r["code"] for r in qc.read_preset("conversion/SANDIAO_WORK.csv") if r["category"] == "construction"]
    timer.run("native:intersection", lambda: run("native:intersection", {
        "INPUT": args.earlier + "|layername=landuse", "OVERLAY": args.later + "|layername=landuse",
        "INPUT_FIELDS": ["BSM", "DLBM", "KCXS", "ZLDWDM"], "OVERLAY_FIELDS": ["BSM", "DLBM", "KCXS", "ZLDWDM"], "OVERLAY_FIELDS_PREFIX": "L_",
        "OUTPUT": out["pieces"]}, "intersection"))
    c0, c1 = qc.in_list("DLBM", CULTIVATED), qc.in_list("L_DLBM", CULTIVATED)
    b0, b1 = qc.in_list("DLBM", construction), qc.in_list("L_DLBM", construction)
    ha = "($area / 10000.0)"
    net0 = f"(CASE WHEN {c0} THEN {ha} * (1 - coalesce(\"KCXS\", 0)) ELSE 0 END)"
    net1 = f"(CASE WHEN {c1} THEN {ha} * (1 - coalesce(\"L_KCXS\", \"KCXS\", 0)) ELSE 0 END)"
    exprs = {
        "area_ha": ha, "cult0": net0, "cult1": net1,
        "constr0": f"CASE WHEN {b0} THEN {ha} ELSE 0 END", "constr1": f"CASE WHEN {b1} THEN {ha} ELSE 0 END",
        "reclaimed": f"CASE WHEN {b0} AND NOT {b1} THEN {ha} ELSE 0 END",
        "built": f"CASE WHEN NOT {b0} AND {b1} THEN {ha} ELSE 0 END",
    }
    mapping, aggregates = qc.sums_by_unit(exprs, '"L_ZLDWDM"')
    timer.run("native:refactorfields", lambda: run("native:refactorfields", {
        "INPUT": out["pieces"], "FIELDS_MAPPING": mapping, "OUTPUT": out["fields"]}, "refactorfields"))
    timer.run("native:aggregate", lambda: run("native:aggregate", {
        "INPUT": out["fields"], "GROUP_BY": '"ZLDWDM"', "AGGREGATES": aggregates, "OUTPUT": out["sums"]},
        "aggregate"))

    def rules() -> None:
        layer = QgsVectorLayer(out["sums"], "t", "ogr")
        sums = {f["ZLDWDM"]: {n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()}
        with open(table, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["unit_id", "area_ha", "cultivated_opening_ha", "cultivated_closing_ha",
                        "construction_opening_ha", "construction_closing_ha", "reclaimed_ha", "built_ha",
                        "quantity_ok", "construction_ok"])
            for unit, s in sorted(sums.items()):
                w.writerow([unit, s["area_ha"], s["cult0"], s["cult1"], s["constr0"], s["constr1"],
                            s["reclaimed"], s["built"], s["cult1"] >= s["cult0"] - 1e-7,
                            s["constr1"] <= s["constr0"] + 1e-7])

    timer.run("rules (python)", rules)
    qc.finish_chain(timer)


if __name__ == "__main__":
    main()
