#!/usr/bin/python3
"""The measured values of the binding indicators per admin unit the way a QGIS user gets
them, as one Processing chain plus the sums (SYNTHETIC data of make_sandiao_data.py and
make_indicator_inputs.py):

  1. native:intersection  land use 2020 (DLBM, KCXS) x XZQ (XZQDM) -> $area (ellipsoidal)
  2. native:intersection  permanent farmland x XZQ -> $area
  3. native:intersection  land use 2010 (DLBM) x land use 2020 (DLBM as after_DLBM), then x XZQ
                          -> $area
  4. the sums per unit in Python with the class groups of resources/presets/indicators
     (cultivated land net of 田坎: area x (1 - KCXS)); forest cover over the unit's $area.

Writes OUT_DIR/qgis_measured.csv (admin_code, indicator, measured) and the step timings to
OUT_DIR/qgis_indicators_steps.json. Run with /usr/bin/python3 (PyQGIS 3.22).
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_common as qc  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEYS = ["cultivated_land", "permanent_farmland", "construction_land", "urban_rural_construction",
        "new_construction_on_cultivated", "forest_cover", "forest_land", "forest_land_taken"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--invalid", choices=sorted(qc.INVALID_MODES), default="abort")
    ap.add_argument("--ellipsoid", default="EPSG:7019")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    out = {name: os.path.join(args.out_dir, f"qgis_{name}.gpkg")
           for name in ("lu", "lu_a", "jb", "jb_a", "ch", "chz", "chz_a")}
    for p in out.values():
        if os.path.exists(p):
            os.remove(p)
    timer = qc.StepTimer(os.path.join(args.out_dir, "qgis_indicators_steps.json"),
                         {"invalid_geometry_check": args.invalid, "ellipsoid": args.ellipsoid})
    app, processing = timer.run("start_qgis", qc.start_qgis)
    from qgis.core import QgsDistanceArea, QgsProcessingException, QgsVectorLayer

    ctx = qc.make_context(args.invalid, args.ellipsoid)
    d = args.data
    xzq = f"{d}/xzq.gpkg|layername=XZQ"

    def run(alg, params, label):
        fb = qc.Feedback(label)
        try:
            return processing.run(alg, params, context=ctx, feedback=fb)
        except QgsProcessingException as e:
            timer.save(error={"step": label, "message": (str(e) + " | " + " | ".join(fb.errors))[:2000]})
            os._exit(qc.EXIT_INVALID_GEOMETRY if qc.is_invalid_geometry_error(str(e)) else 1)

    def intersect(a, b, a_fields, b_fields, target, prefix=""):
        return run("native:intersection", {"INPUT": a, "OVERLAY": b, "INPUT_FIELDS": a_fields,
                                           "OVERLAY_FIELDS": b_fields, "OVERLAY_FIELDS_PREFIX": prefix,
                                           "OUTPUT": target}, target)

    def area(src, target):
        return run("native:fieldcalculator", {"INPUT": src, "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                                              "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": "$area",
                                              "OUTPUT": target}, target)

    timer.run("landuse_x_admin", lambda: intersect(f"{d}/landuse_2020.gpkg|layername=landuse", xzq,
                                                   ["DLBM", "KCXS"], ["XZQDM"], out["lu"]))
    timer.run("landuse_area", lambda: area(out["lu"], out["lu_a"]))
    timer.run("farmland_x_admin", lambda: intersect(f"{d}/jbnt.gpkg|layername=YJJBNTTB", xzq, ["DLBM"], ["XZQDM"],
                                                    out["jb"]))
    timer.run("farmland_area", lambda: area(out["jb"], out["jb_a"]))
    timer.run("before_x_after", lambda: intersect(f"{d}/landuse_2010.gpkg|layername=landuse",
                                                  f"{d}/landuse_2020.gpkg|layername=landuse", ["DLBM"], ["DLBM"],
                                                  out["ch"], "after_"))
    timer.run("change_x_admin", lambda: intersect(out["ch"], xzq, ["DLBM", "after_DLBM"], ["XZQDM"], out["chz"]))
    timer.run("change_area", lambda: area(out["chz"], out["chz_a"]))

    def sums():
        groups = {row["code"]: row["group"] for row in
                  csv.DictReader(open(os.path.join(REPO, "resources/presets/indicators/SANDIAO_WORK.csv"),
                                      encoding="utf-8"))}
        m = defaultdict(float)
        for f in QgsVectorLayer(out["lu_a"], "lu").getFeatures():
            g, a = groups.get(f["DLBM"]), f["area_m2"] / 10000.0
            k = f["KCXS"] if f["KCXS"] not in (None, "") and str(f["KCXS"]) != "NULL" else 0.0
            code = f["XZQDM"]
            if g == "cultivated":
                m[code, "cultivated_land"] += a * (1 - float(k))
            if g == "forest":
                m[code, "forest_land"] += a
            if g in ("urban_rural", "other_construction"):
                m[code, "construction_land"] += a
            if g == "urban_rural":
                m[code, "urban_rural_construction"] += a
        for f in QgsVectorLayer(out["jb_a"], "jb").getFeatures():
            m[f["XZQDM"], "permanent_farmland"] += f["area_m2"] / 10000.0
        for f in QgsVectorLayer(out["chz_a"], "ch").getFeatures():
            g0, g1 = groups.get(f["DLBM"]), groups.get(f["after_DLBM"])
            if g1 in ("urban_rural", "other_construction"):
                if g0 == "cultivated":
                    m[f["XZQDM"], "new_construction_on_cultivated"] += f["area_m2"] / 10000.0
                if g0 == "forest":
                    m[f["XZQDM"], "forest_land_taken"] += f["area_m2"] / 10000.0
        da = QgsDistanceArea()
        units = QgsVectorLayer(xzq, "xzq")
        da.setSourceCrs(units.crs(), ctx.transformContext())
        da.setEllipsoid(args.ellipsoid)
        with open(os.path.join(args.out_dir, "qgis_measured.csv"), "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["admin_code", "indicator", "measured"])
            for f in units.getFeatures():
                code = f["XZQDM"]
                m[code, "forest_cover"] = 100.0 * m[code, "forest_land"] / (da.measureArea(f.geometry()) / 10000.0)
                for key in KEYS:
                    w.writerow([code, key, repr(m[code, key])])

    timer.run("sums", sums)
    timer.save(done=True, peak_rss_mb=round(qc.peak_rss_mb(), 1))
    qc.stop_qgis()


if __name__ == "__main__":
    main()
