#!/usr/bin/python3
"""The unit ledger the way a QGIS user builds it, as one Processing chain (SANDIAO_WORK codes,
units = villages by ZLDWDM, as `guotu ledger --unit-field ZLDWDM`):

  1. native:refactorfields    one pass of field-calculator expressions over the parcels: $area;
                              cultivated land net of 田坎 now and planned (KCXS, GHKCXS), its
                              grade × area, construction now / planned, reclaimed, newly built,
                              farmland out / in (and grade × area), standard forest now / planned
                              (a CASE of the voucher coefficients) -> ledger_fields.gpkg
  2. native:aggregate         sums of those fields grouped by ZLDWDM -> ledger_sums.gpkg
  3. red line: native:dissolve (the red-line blocks overlap), native:extractbyexpression
                              (code changed, not ecological restoration), native:intersection,
                              native:fieldcalculator $area, native:aggregate by ZLDWDM
  4. river beaches: the same for the reclaimed parcels
  5. the rules per unit in Python (means, ratios, pass/fail) -> qgis_ledger.csv

Run with /usr/bin/python3 (PyQGIS 3.22). Step timings and peak RSS go to
OUT_DIR/qgis_ledger_steps.json.
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
    ap.add_argument("--data", required=True, help="folder of bench/make_ledger_data.py")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--ellipsoid", default="EPSG:7019")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    out = {k: os.path.join(args.out_dir, f"qgis_{k}.gpkg") for k in
           ("fields", "sums", "red_dissolved", "red_changed", "red_pieces", "red_area", "red_sums", "beach_dissolved",
            "beach_reclaimed", "beach_pieces", "beach_area", "beach_sums")}
    table = os.path.join(args.out_dir, "qgis_ledger.csv")
    qc.remove_outputs(list(out.values()) + [table])
    timer, run = qc.start_chain(os.path.join(args.out_dir, "qgis_ledger_steps.json"), {"outputs": out, "table": table},
                                "nocheck", args.ellipsoid)
    from qgis.core import QgsVectorLayer

    parcels = os.path.join(args.data, "ledger_parcels.gpkg") + "|layername=landuse"
    construction = [r["code"] for r in qc.read_preset("conversion/SANDIAO_WORK.csv") if r["category"] == "construction"]
    k_rows = qc.read_preset("voucher/SANDIAO_WORK.csv")
    k_case = lambda f: "CASE " + " ".join(f"WHEN \"{f}\" = '{r['code']}' THEN {float(r['k'])}" for r in k_rows) + " END"
    c0, c1 = qc.in_list("DLBM", CULTIVATED), qc.in_list("GHDL", CULTIVATED)
    b0, b1 = qc.in_list("DLBM", construction), qc.in_list("GHDL", construction)
    ha = "($area / 10000.0)"
    net0 = f"(CASE WHEN {c0} THEN {ha} * (1 - coalesce(\"KCXS\", 0)) ELSE 0 END)"
    net1 = f"(CASE WHEN {c1} THEN {ha} * (1 - coalesce(\"GHKCXS\", \"KCXS\", 0)) ELSE 0 END)"
    grade1 = f"coalesce(\"GHGDDB\", CASE WHEN {c0} THEN \"GDDB\" END)"
    exprs = {
        "area_ha": ha,
        "cult0": net0, "cult1": net1,
        "g0": f"CASE WHEN \"GDDB\" IS NOT NULL THEN {net0} * \"GDDB\" ELSE 0 END",
        "graded0": f"CASE WHEN \"GDDB\" IS NOT NULL THEN {net0} ELSE 0 END",
        "g1": f"CASE WHEN {grade1} IS NOT NULL THEN {net1} * {grade1} ELSE 0 END",
        "graded1": f"CASE WHEN {grade1} IS NOT NULL THEN {net1} ELSE 0 END",
        "constr0": f"CASE WHEN {b0} THEN {ha} ELSE 0 END", "constr1": f"CASE WHEN {b1} THEN {ha} ELSE 0 END",
        "reclaimed": f"CASE WHEN {b0} AND NOT {b1} THEN {ha} ELSE 0 END",
        "built": f"CASE WHEN NOT {b0} AND {b1} THEN {ha} ELSE 0 END",
        "farm_out": f"CASE WHEN \"YJJBNT\" = 1 AND \"GHJBNT\" = 0 THEN (CASE WHEN {c0} THEN {net0} ELSE {ha} END) "
                    f"ELSE 0 END",
        "farm_in": f"CASE WHEN \"YJJBNT\" = 0 AND \"GHJBNT\" = 1 THEN (CASE WHEN {c1} THEN {net1} ELSE {ha} END) "
                   f"ELSE 0 END",
        "farm_out_g": f"CASE WHEN \"YJJBNT\" = 1 AND \"GHJBNT\" = 0 THEN {net0} * coalesce(\"GDDB\", 0) ELSE 0 END",
        "farm_in_g": f"CASE WHEN \"YJJBNT\" = 0 AND \"GHJBNT\" = 1 THEN {net1} * coalesce({grade1}, 0) ELSE 0 END",
        "sf0": f"{ha} * {k_case('DLBM')}", "sf1": f"{ha} * {k_case('GHDL')}",
    }
    mapping, aggregates = qc.sums_by_unit(exprs, '"ZLDWDM"')
    timer.run("native:refactorfields", lambda: run("native:refactorfields", {
        "INPUT": parcels, "FIELDS_MAPPING": mapping, "OUTPUT": out["fields"]}, "refactorfields"))
    timer.run("native:aggregate", lambda: run("native:aggregate", {
        "INPUT": out["fields"], "GROUP_BY": '"ZLDWDM"', "AGGREGATES": aggregates, "OUTPUT": out["sums"]},
        "aggregate"))

    def overlay_sum(kind: str, overlay: str, where: str) -> None:
        timer.run(f"{kind}:native:dissolve", lambda: run("native:dissolve", {
            "INPUT": overlay, "FIELD": [], "OUTPUT": out[f"{kind}_dissolved"]}, f"{kind} dissolve"))
        timer.run(f"{kind}:native:extractbyexpression", lambda: run("native:extractbyexpression", {
            "INPUT": parcels, "EXPRESSION": where, "OUTPUT": out[f"{kind}_{'changed' if kind == 'red' else 'reclaimed'}"]},
            f"{kind} extract"))
        timer.run(f"{kind}:native:intersection", lambda: run("native:intersection", {
            "INPUT": out[f"{kind}_{'changed' if kind == 'red' else 'reclaimed'}"],
            "OVERLAY": out[f"{kind}_dissolved"], "INPUT_FIELDS": ["ZLDWDM", "BSM"], "OVERLAY_FIELDS": [],
            "OUTPUT": out[f"{kind}_pieces"]}, f"{kind} intersection"))
        timer.run(f"{kind}:native:fieldcalculator", lambda: run("native:fieldcalculator", {
            "INPUT": out[f"{kind}_pieces"], "FIELD_NAME": "inside_ha", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 8, "FORMULA": "$area / 10000.0", "OUTPUT": out[f"{kind}_area"]},
            f"{kind} fieldcalculator"))
        timer.run(f"{kind}:native:aggregate", lambda: run("native:aggregate", {
            "INPUT": out[f"{kind}_area"], "GROUP_BY": '"ZLDWDM"', "AGGREGATES": [
                {"aggregate": "first_value", "delimiter": ",", "input": '"ZLDWDM"', "length": 19, "name": "ZLDWDM",
                 "precision": 0, "type": 10},
                {"aggregate": "sum", "delimiter": ",", "input": '"inside_ha"', "length": 0, "name": "inside_ha",
                 "precision": 0, "type": 6},
                {"aggregate": "count", "delimiter": ",", "input": '"BSM"', "length": 0, "name": "parcels",
                 "precision": 0, "type": 4}],
            "OUTPUT": out[f"{kind}_sums"]}, f"{kind} aggregate"))

    overlay_sum("red", os.path.join(args.data, "redline.gpkg") + "|layername=redline",
                "\"DLBM\" <> \"GHDL\" AND coalesce(\"ZZLX\", '') <> '生态保护修复'")
    overlay_sum("beach", os.path.join(args.data, "beaches.gpkg") + "|layername=beaches", f"{b0} AND NOT {b1}")

    def rules() -> None:
        def rows(path):
            layer = QgsVectorLayer(path, "t", "ogr")
            return {f["ZLDWDM"]: {n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()}

        sums, red, beach = rows(out["sums"]), rows(out["red_sums"]), rows(out["beach_sums"])
        with open(table, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["unit_id", "cultivated_opening_ha", "cultivated_closing_ha", "grade_opening_mean",
                        "grade_closing_mean", "farmland_out_ha", "farmland_in_ha", "construction_opening_ha",
                        "construction_closing_ha", "reclaimed_ha", "built_ha", "forest_opening_ha",
                        "forest_closing_ha", "redline_changed_ha", "beach_ha", "quantity_ok", "farmland_ok",
                        "construction_ok", "forest_ok", "verdict_core"])
            for unit, s in sorted(sums.items()):
                rl = (red.get(unit) or {}).get("inside_ha") or 0.0
                bh = (beach.get(unit) or {}).get("inside_ha") or 0.0
                q = s["cult1"] >= s["cult0"] - 1e-7
                fo = s["farm_in"] >= 1.05 * s["farm_out"] - 1e-7
                co = s["constr1"] <= s["constr0"] + 1e-7
                fk = s["sf1"] >= s["sf0"] - 1e-7
                link = s["reclaimed"] >= s["built"] - 1e-7 and bh == 0
                w.writerow([unit, s["cult0"], s["cult1"], s["g0"] / s["graded0"] if s["graded0"] else "",
                            s["g1"] / s["graded1"] if s["graded1"] else "", s["farm_out"], s["farm_in"], s["constr0"],
                            s["constr1"], s["reclaimed"], s["built"], s["sf0"], s["sf1"], rl, bh, q, fo, co, fk,
                            q and fo and co and fk and link and rl == 0])

    timer.run("rules (python)", rules)
    qc.finish_chain(timer)


if __name__ == "__main__":
    main()
