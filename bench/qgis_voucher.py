#!/usr/bin/python3
"""Ecological-voucher accounting (生态券) the way a QGIS user does it: Processing, then Python.

Vector land use (--mode vector), for the base and the target year each:
  1. native:difference         land use (INPUT) minus the urban mask (OVERLAY)
                               -> qgis_voucher_<year>_outside.gpkg
  2. native:intersection       that x zones, all fields (the dialog's default)
                               -> qgis_voucher_<year>_inter.gpkg
  3. native:fieldcalculator    area_m2 = $area (context ellipsoid EPSG:7019, m^2)
                               -> qgis_voucher_<year>_inter_area.gpkg
  4. qgis:statisticsbycategories  categories code + lucc_code, values area_m2
                               -> qgis_voucher_<year>_stats.csv ("sum" is m^2)
Raster land use (--mode raster):
  1. native:difference         zones minus the urban mask -> qgis_voucher_zones_outside.gpkg
  2. native:zonalhistogram     per year, on those zones -> qgis_voucher_<year>_hist.gpkg
                               (cell counts by cell centre; area = count x the planar
                               cell area of the geotransform, 900 m^2)
Both modes, first:
  0. native:fieldcalculator    zone_area_m2 = $area on the zones (ellipsoidal)
                               -> qgis_voucher_zones_area.gpkg; raster mode also
                               zone_area_planar_m2 = area($geometry) (planar; used only to
                               check against guotu --area planar, which takes planar zone
                               areas)
Then the voucher arithmetic in Python (timed as its own step), SPEC §3 eqs. 1-3:
  M  = sum over classes of A (ha) x k   (k from the coefficient CSV, code -> k; a code
                                         missing from it counts 0 and is listed)
  G  = (gdp / pop) / (sum gdp / sum pop)
  P  = (pop / area_km2) / (sum pop / sum area_km2)   (zone area: the zones' $area)
  E  = (Mt - M0) x G x P
written to qgis_voucher_<mode>.csv (zone_id, area_ha, m0_ha, mt_ha, dm_ha, g_ratio,
p_ratio, e_ha) and qgis_voucher_<mode>_classes.csv (zone_id, class_code, a0_ha, at_ha);
raster mode also qgis_voucher_raster_planar.csv (planar zone areas in G and P).

Run with /usr/bin/python3 (PyQGIS 3.22). Step timings and peak RSS after each step go to
OUT_DIR/qgis_voucher_<mode>_steps.json. Exit code 3: QGIS stopped on an invalid geometry.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_common as qc  # noqa: E402


def read_coefficients(path):
    k = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            k[row["code"].strip()] = float(row["k"])
    return k


def norm_code(v) -> str:
    s = str(v).strip()
    try:
        f = float(s)
        if f == int(f):
            return str(int(f))
    except ValueError:
        pass
    return s


def read_stats_csv(path, zone_field, class_field):
    """statisticsbycategories CSV -> {(zone, class): ha}."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            v = row["sum"].strip()
            if v:
                key = (str(row[zone_field]).strip(), norm_code(row[class_field]))
                out[key] = out.get(key, 0.0) + float(v) / 10000.0
    return out


def read_histogram(path, zone_field, cell_m2, nodata, prefix="HISTO_"):
    """zonal histogram GPKG -> {(zone, class): ha} (count x planar cell area)."""
    from qgis.core import QgsVectorLayer
    lyr = QgsVectorLayer(path, "hist", "ogr")
    cols = [f.name() for f in lyr.fields() if f.name().startswith(prefix)]
    out = {}
    for feat in lyr.getFeatures():
        zone = str(feat[zone_field]).strip()
        for c in cols:
            cls = c[len(prefix):]
            if cls.upper() == "NODATA" or (nodata is not None and norm_code(cls) == norm_code(nodata)):
                continue
            n = feat[c]
            if n:
                key = (zone, norm_code(cls))
                out[key] = out.get(key, 0.0) + float(n) * cell_m2 / 10000.0
    return out


def read_zones(path, zone_field, gdp_field, pop_field, area_fields):
    from qgis.core import QgsVectorLayer
    lyr = QgsVectorLayer(path, "zones", "ogr")
    zones = {}
    for feat in lyr.getFeatures():
        z = str(feat[zone_field]).strip()
        zones[z] = {"gdp": float(feat[gdp_field]), "pop": float(feat[pop_field])}
        for a in area_fields:
            zones[z][a] = float(feat[a]) / 10000.0  # ha
    return zones


def voucher(zones, area_key, base, target, k):
    """The voucher arithmetic; returns (rows by zone, unknown codes)."""
    m0 = {z: 0.0 for z in zones}
    mt = {z: 0.0 for z in zones}
    unknown = {}
    for year, tally, m in (("base", base, m0), ("target", target, mt)):
        for (z, c), ha in tally.items():
            if c in k:
                if z in m:
                    m[z] += ha * k[c]
            else:
                unknown[(c, year)] = unknown.get((c, year), 0.0) + ha
    sgdp = sum(v["gdp"] for v in zones.values())
    spop = sum(v["pop"] for v in zones.values())
    sarea_km2 = sum(v[area_key] for v in zones.values()) / 100.0
    ref_g, ref_p = sgdp / spop, spop / sarea_km2
    rows = []
    for z, v in zones.items():
        g = (v["gdp"] / v["pop"]) / ref_g
        p = (v["pop"] / (v[area_key] / 100.0)) / ref_p
        dm = mt[z] - m0[z]
        rows.append({"zone_id": z, "area_ha": v[area_key], "m0_ha": m0[z], "mt_ha": mt[z],
                     "dm_ha": dm, "g_ratio": g, "p_ratio": p, "e_ha": dm * g * p})
    return rows, unknown


def write_rows(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        for r in rows:
            w.writerow({key: (repr(v) if isinstance(v, float) else v) for key, v in r.items()})


def write_classes(path, base, target):
    rows = [{"zone_id": z, "class_code": c, "a0_ha": base.get((z, c), 0.0),
             "at_ha": target.get((z, c), 0.0)} for z, c in sorted(set(base) | set(target))]
    write_rows(path, rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", choices=("vector", "raster"), required=True)
    ap.add_argument("--zones", required=True)
    ap.add_argument("--zones-layer", default="zones")
    ap.add_argument("--zone-id", default="code")
    ap.add_argument("--gdp-field", default="gdp")
    ap.add_argument("--pop-field", default="population")
    ap.add_argument("--base", required=True, help="base-year land use (GPKG layer 'landuse' or GeoTIFF)")
    ap.add_argument("--target", required=True, help="target-year land use")
    ap.add_argument("--landuse-layer", default="landuse")
    ap.add_argument("--class-field", default="lucc_code")
    ap.add_argument("--mask", required=True, help="urban mask GeoPackage")
    ap.add_argument("--mask-layer", default="urban")
    ap.add_argument("--coefficients", required=True, help="code,k CSV (resources/presets/voucher/*.csv)")
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--invalid", choices=sorted(qc.INVALID_MODES), default="abort")
    ap.add_argument("--ellipsoid", default="EPSG:7019",
                    help="ellipsoid for $area (EPSG:7019 GRS 1980 = CGCS2000's a and 1/f)")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    d = args.out_dir
    pre = os.path.join(d, "qgis_voucher")
    zones_area = pre + "_zones_area.gpkg"
    zones_area2 = pre + "_zones_area2.gpkg"
    years = (("base", args.base), ("target", args.target))
    outputs = [zones_area, zones_area2, pre + f"_{args.mode}.csv", pre + f"_{args.mode}_classes.csv"]
    if args.mode == "vector":
        for y, _ in years:
            outputs += [f"{pre}_{y}_{s}" for s in ("outside.gpkg", "inter.gpkg", "inter_area.gpkg",
                                                   "stats.csv")]
    else:
        outputs += [pre + "_zones_outside.gpkg", pre + "_raster_planar.csv"]
        outputs += [f"{pre}_{y}_hist.gpkg" for y, _ in years]
    for p in outputs:
        if os.path.exists(p):
            os.remove(p)

    timer = qc.StepTimer(os.path.join(d, f"qgis_voucher_{args.mode}_steps.json"),
                         {"mode": args.mode, "invalid_geometry_check": args.invalid,
                          "ellipsoid": args.ellipsoid, "outputs": outputs})
    app, processing = timer.run("start_qgis", qc.start_qgis)
    from qgis.core import QgsProcessingException, QgsRasterLayer

    ctx = qc.make_context(args.invalid, args.ellipsoid)
    zones = f"{args.zones}|layername={args.zones_layer}"
    mask = f"{args.mask}|layername={args.mask_layer}"

    def run(alg, params, label):
        fb = qc.Feedback(label)
        try:
            return processing.run(alg, params, context=ctx, feedback=fb)
        except QgsProcessingException as e:
            msg = str(e) + " | " + " | ".join(fb.errors)
            timer.save(error={"step": label, "message": msg[:2000]})
            print(f"FAILED {label}: {msg[:2000]}", file=sys.stderr, flush=True)
            os._exit(qc.EXIT_INVALID_GEOMETRY if qc.is_invalid_geometry_error(msg) else 1)

    def field_calc(inp, name, formula, out, label):
        timer.run(label, lambda: run("native:fieldcalculator", {
            "INPUT": inp, "FIELD_NAME": name, "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
            "FIELD_PRECISION": 6, "FORMULA": formula, "OUTPUT": out}, label))

    # 0. zone areas
    field_calc(zones, "zone_area_m2", "$area", zones_area, "zones: native:fieldcalculator $area")
    area_fields = ["zone_area_m2"]
    zones_for_attrs = zones_area
    if args.mode == "raster":
        field_calc(zones_area, "zone_area_planar_m2", "area($geometry)", zones_area2,
                   "zones: native:fieldcalculator area($geometry) (check only)")
        area_fields.append("zone_area_planar_m2")
        zones_for_attrs = zones_area2

    tallies = {}
    if args.mode == "vector":
        for y, path in years:
            outside, inter = f"{pre}_{y}_outside.gpkg", f"{pre}_{y}_inter.gpkg"
            inter_area, stats = f"{pre}_{y}_inter_area.gpkg", f"{pre}_{y}_stats.csv"
            lu = f"{path}|layername={args.landuse_layer}"
            timer.run(f"{y}: native:difference", lambda: run("native:difference", {
                "INPUT": lu, "OVERLAY": mask, "OUTPUT": outside}, f"{y} difference"))
            timer.run(f"{y}: native:intersection", lambda: run("native:intersection", {
                "INPUT": outside, "OVERLAY": zones, "INPUT_FIELDS": [], "OVERLAY_FIELDS": [],
                "OVERLAY_FIELDS_PREFIX": "", "OUTPUT": inter}, f"{y} intersection"))
            field_calc(inter, "area_m2", "$area", inter_area, f"{y}: native:fieldcalculator $area")
            timer.run(f"{y}: qgis:statisticsbycategories", lambda: run(
                "qgis:statisticsbycategories", {
                    "INPUT": inter_area, "VALUES_FIELD_NAME": "area_m2",
                    "CATEGORIES_FIELD_NAME": [args.zone_id, args.class_field], "OUTPUT": stats},
                f"{y} statistics"))
            tallies[y] = stats
    else:
        outside = pre + "_zones_outside.gpkg"
        timer.run("zones: native:difference (mask)", lambda: run("native:difference", {
            "INPUT": zones_area, "OVERLAY": mask, "OUTPUT": outside}, "zones difference"))
        for y, path in years:
            hist = f"{pre}_{y}_hist.gpkg"
            timer.run(f"{y}: native:zonalhistogram", lambda: run("native:zonalhistogram", {
                "INPUT_RASTER": path, "RASTER_BAND": 1, "INPUT_VECTOR": outside,
                "COLUMN_PREFIX": "HISTO_", "OUTPUT": hist}, f"{y} zonalhistogram"))
            tallies[y] = hist

    def arithmetic():
        k = read_coefficients(args.coefficients)
        z = read_zones(zones_for_attrs, args.zone_id, args.gdp_field, args.pop_field, area_fields)
        if args.mode == "vector":
            t = {y: read_stats_csv(p, args.zone_id, args.class_field) for y, p in tallies.items()}
        else:
            t = {}
            for y, p in tallies.items():
                r = QgsRasterLayer(dict(years)[y], y)
                cell = abs(r.rasterUnitsPerPixelX() * r.rasterUnitsPerPixelY())
                prov = r.dataProvider()
                nodata = prov.sourceNoDataValue(1) if prov.sourceHasNoDataValue(1) else None
                t[y] = read_histogram(p, args.zone_id, cell, nodata)
        rows, unknown = voucher(z, "zone_area_m2", t["base"], t["target"], k)
        write_rows(f"{pre}_{args.mode}.csv", rows)
        write_classes(f"{pre}_{args.mode}_classes.csv", t["base"], t["target"])
        if args.mode == "raster":
            rows_p, _ = voucher(z, "zone_area_planar_m2", t["base"], t["target"], k)
            write_rows(pre + "_raster_planar.csv", rows_p)
        return {"unknown_codes": {f"{c} ({y})": ha for (c, y), ha in unknown.items()},
                "zones": len(rows), "m0_total_ha": sum(r["m0_ha"] for r in rows),
                "mt_total_ha": sum(r["mt_ha"] for r in rows)}

    res = timer.run("python: voucher arithmetic", arithmetic)
    timer.save(done=True, peak_rss_mb=round(qc.peak_rss_mb(), 1), arithmetic=res)
    print("done", res, flush=True)
    qc.stop_qgis()


if __name__ == "__main__":
    main()
