#!/usr/bin/python3
"""Area by (zone, land-use class) the way a QGIS user does it, as one Processing chain.

  1. native:intersection      landuse (INPUT) x zones (OVERLAY), all fields kept
                              (the dialog's default) -> intersection.gpkg
  2. native:fieldcalculator   area_m2 = $area, with the context ellipsoid set to
                              the CRS's ellipsoid and area units m^2
                              -> intersection_area.gpkg
  3. qgis:statisticsbycategories  categories code + lucc_code, values area_m2
                              -> stats.csv (column "sum" is m^2)

Run with /usr/bin/python3 (PyQGIS 3.22). Step timings and the peak RSS after each
step go to OUT_DIR/qgis_vector_steps.json. Exit code 3 means QGIS stopped on an
invalid geometry (re-run with --invalid nocheck and record it).
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_common as qc  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zones", required=True, help="zones GeoPackage (layer 'zones')")
    ap.add_argument("--zones-layer", default="zones")
    ap.add_argument("--landuse", required=True, help="land-use GeoPackage (layer 'landuse')")
    ap.add_argument("--landuse-layer", default="landuse")
    ap.add_argument("--zone-id", default="code")
    ap.add_argument("--class-field", default="lucc_code")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--invalid", choices=sorted(qc.INVALID_MODES), default="abort",
                    help="invalid-geometry handling (default abort = QGIS desktop default)")
    ap.add_argument("--ellipsoid", default="EPSG:7019",
                    help="ellipsoid for $area (default EPSG:7019 GRS 1980, identical "
                         "a and 1/f to CGCS2000's EPSG:1024)")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    inter = os.path.join(args.out_dir, "qgis_intersection.gpkg")
    inter_area = os.path.join(args.out_dir, "qgis_intersection_area.gpkg")
    stats = os.path.join(args.out_dir, "qgis_stats.csv")
    for p in (inter, inter_area, stats):
        if os.path.exists(p):
            os.remove(p)

    timer = qc.StepTimer(os.path.join(args.out_dir, "qgis_vector_steps.json"),
                         {"invalid_geometry_check": args.invalid,
                          "ellipsoid": args.ellipsoid,
                          "outputs": {"intersection": inter, "with_area": inter_area,
                                      "stats": stats}})
    app, processing = timer.run("start_qgis", qc.start_qgis)

    from qgis.core import QgsCoordinateReferenceSystem, QgsEllipsoidUtils, QgsProcessingException

    # Record that the chosen ellipsoid is the CRS's own ellipsoid.
    crs_ell = QgsCoordinateReferenceSystem("EPSG:4527").ellipsoidAcronym()
    ell = {}
    for name in {crs_ell, args.ellipsoid}:
        p = QgsEllipsoidUtils.ellipsoidParameters(name)
        ell[name] = {"a": p.semiMajor, "b": p.semiMinor, "inv_f": p.inverseFlattening,
                     "valid": p.valid}
    timer.save(crs_ellipsoid=crs_ell, ellipsoid_parameters=ell)

    ctx = qc.make_context(args.invalid, args.ellipsoid)
    zones = f"{args.zones}|layername={args.zones_layer}"
    landuse = f"{args.landuse}|layername={args.landuse_layer}"

    def run(alg, params, label):
        fb = qc.Feedback(label)
        try:
            return processing.run(alg, params, context=ctx, feedback=fb)
        except QgsProcessingException as e:
            msg = str(e) + " | " + " | ".join(fb.errors)
            timer.save(error={"step": label, "message": msg[:2000]})
            print(f"FAILED {label}: {msg[:2000]}", file=sys.stderr, flush=True)
            if qc.is_invalid_geometry_error(msg):
                os._exit(qc.EXIT_INVALID_GEOMETRY)
            os._exit(1)

    timer.run("native:intersection", lambda: run("native:intersection", {
        "INPUT": landuse,
        "OVERLAY": zones,
        "INPUT_FIELDS": [],
        "OVERLAY_FIELDS": [],
        "OVERLAY_FIELDS_PREFIX": "",
        "OUTPUT": inter,
    }, "intersection"))

    timer.run("native:fieldcalculator", lambda: run("native:fieldcalculator", {
        "INPUT": inter,
        "FIELD_NAME": "area_m2",
        "FIELD_TYPE": 0,          # Float
        "FIELD_LENGTH": 20,
        "FIELD_PRECISION": 6,
        "FORMULA": "$area",
        "OUTPUT": inter_area,
    }, "fieldcalculator"))

    timer.run("qgis:statisticsbycategories", lambda: run("qgis:statisticsbycategories", {
        "INPUT": inter_area,
        "VALUES_FIELD_NAME": "area_m2",
        "CATEGORIES_FIELD_NAME": [args.zone_id, args.class_field],
        "OUTPUT": stats,
    }, "statisticsbycategories"))

    timer.save(done=True, peak_rss_mb=round(qc.peak_rss_mb(), 1))
    print("done", flush=True)
    qc.stop_qgis()


if __name__ == "__main__":
    main()
