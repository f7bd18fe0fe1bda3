#!/usr/bin/python3
"""Check the QGIS voucher accounting (bench/qgis_voucher.py) against `guotu voucher`.

guotu's output GPKG: layer `voucher` (zone_id, area_ha, m0_ha, mt_ha, dm_ha, g_ratio,
p_ratio, e_ha, ...) and `voucher_classes` (zone_id, class_code, a0_ha, at_ha, k).
QGIS's: qgis_voucher_<mode>.csv (same zone columns) and qgis_voucher_<mode>_classes.csv.

Per zone, M0, Mt and the zone area are compared by relative difference; E = (Mt - M0) G P
is a difference of two large numbers, so its difference is reported both relative to |E|
and relative to the magnitude of its terms, (|M0| + |Mt|) G P ("scaled"), which is what
a relative error of the areas can produce; the tolerance is on the scaled figure. Class
areas (zone, class, year) are compared too: guotu lists every class of a zone, QGIS every
(zone, class) its statistics found.

    /usr/bin/python3 bench/compare_voucher.py WORK_DIR [--json out.json]

Exit code 1 when a check fails its tolerance.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_results  # noqa: E402

# (name, guotu output, QGIS output, what, tolerance on M0/Mt/area (rel), on E (scaled),
#  on class areas (abs ha))
CHECKS = [
    ("qgis_voucher_vector vs guotu_voucher_vector",
     "guotu_voucher_vector.gpkg", "qgis_voucher_vector",
     "difference + intersection + $area (ellipsoid EPSG:7019) + statistics, Python "
     "arithmetic vs guotu voucher (ellipsoidal, exact polygon overlay)",
     {"rel": 1e-4, "e_scaled": 1e-4, "class_rel_ge_0.01ha": 1e-4}),
    ("qgis_voucher_raster_planar vs guotu_voucher_raster_centre_planar",
     "guotu_voucher_raster_centre_planar.gpkg", "qgis_voucher_raster_planar",
     "zones minus mask + zonal histogram (cell centres x 900 m^2), planar zone areas, "
     "Python arithmetic vs guotu voucher --raster-mode centre --area planar",
     {"rel": 1e-9, "e_scaled": 1e-9, "class_abs_ha": 1e-5}),
    ("qgis_voucher_raster_planar vs guotu_voucher_raster_centre_planar_1core",
     "guotu_voucher_raster_centre_planar_1core.gpkg", "qgis_voucher_raster_planar",
     "as above, guotu pinned to one core (taskset -c 0)",
     {"rel": 1e-9, "e_scaled": 1e-9, "class_abs_ha": 1e-5}),
    ("guotu_voucher_raster_1core vs guotu_voucher_raster",
     "guotu_voucher_raster.gpkg", "guotu_voucher_raster_1core.gpkg",
     "guotu raster default, pinned to one core vs not (must be the same)",
     {"rel": 1e-9, "e_scaled": 1e-9, "class_abs_ha": 1e-5}),
]

# Informative only: different methods, not expected to agree to float noise.
INFORMATIVE = [
    ("qgis_voucher_raster (planner: ellipsoidal zone areas) vs guotu_voucher_raster (default)",
     "guotu_voucher_raster.gpkg", "qgis_voucher_raster",
     "centre-of-cell counts x 900 m^2 planar vs exact coverage, ellipsoidal"),
    ("qgis_voucher_raster (planner) vs guotu_voucher_raster_centre_planar",
     "guotu_voucher_raster_centre_planar.gpkg", "qgis_voucher_raster",
     "same cell areas; zone areas ellipsoidal (QGIS) vs planar (guotu) in P"),
    ("guotu_voucher_raster vs guotu_voucher_vector",
     "guotu_voucher_vector.gpkg", "guotu_voucher_raster.gpkg",
     "30 m raster vs the polygons it was rasterised from"),
]

ZONE_COLS = ("area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha")


def load_guotu(path):
    from osgeo import ogr
    ds = ogr.Open(path)
    if ds is None:
        return None, None
    zones = {}
    for f in ds.GetLayerByName("voucher"):
        zones[str(f.GetField("zone_id"))] = {c: f.GetField(c) for c in ZONE_COLS}
    classes = {}
    for f in ds.GetLayerByName("voucher_classes"):
        z, c = str(f.GetField("zone_id")), compare_results.norm_class(f.GetField("class_code"))
        classes[(z, c, "base")] = f.GetField("a0_ha")
        classes[(z, c, "target")] = f.GetField("at_ha")
    return zones, classes


def load_qgis(work, name):
    p = os.path.join(work, name + ".csv")
    if not os.path.exists(p):
        return None, None
    zones = {}
    with open(p, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            zones[row["zone_id"]] = {c: float(row[c]) for c in ZONE_COLS}
    classes = {}
    cp = os.path.join(work, name.replace("_planar", "") + "_classes.csv")
    if os.path.exists(cp):
        with open(cp, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                z, c = row["zone_id"], compare_results.norm_class(row["class_code"])
                classes[(z, c, "base")] = float(row["a0_ha"])
                classes[(z, c, "target")] = float(row["at_ha"])
    return zones, classes


def load(work, name):
    if name.endswith(".gpkg"):
        p = os.path.join(work, name)
        return load_guotu(p) if os.path.exists(p) else (None, None)
    return load_qgis(work, name)


def compare_zones(ref, cand):
    keys = sorted(set(ref) | set(cand))
    out = {"zones_ref": len(ref), "zones_cand": len(cand),
           "zones_only_in_ref": [k for k in keys if k not in cand],
           "zones_only_in_cand": [k for k in keys if k not in ref]}
    both = [k for k in keys if k in ref and k in cand]
    for col in ZONE_COLS:
        worst, worst_at, worst_abs = 0.0, None, 0.0
        for z in both:
            a, b = ref[z][col], cand[z][col]
            d = abs(a - b)
            m = max(abs(a), abs(b))
            r = d / m if m > 0 else 0.0
            worst_abs = max(worst_abs, d)
            if r > worst:
                worst, worst_at = r, {"zone": z, "ref": a, "cand": b}
        out[f"{col}_max_rel"] = worst
        out[f"{col}_max_abs"] = worst_abs
        out[f"{col}_max_rel_at"] = worst_at
        out[f"{col}_total_ref"] = sum(ref[z][col] for z in both)
        out[f"{col}_total_cand"] = sum(cand[z][col] for z in both)
    # E relative to the size of its terms: (|M0| + |Mt|) * G * P
    worst, worst_at = 0.0, None
    for z in both:
        r = ref[z]
        scale = (abs(r["m0_ha"]) + abs(r["mt_ha"])) * r["g_ratio"] * r["p_ratio"]
        s = abs(r["e_ha"] - cand[z]["e_ha"]) / scale if scale > 0 else 0.0
        if s > worst:
            worst, worst_at = s, {"zone": z, "ref_e": r["e_ha"], "cand_e": cand[z]["e_ha"],
                                  "scale_ha": scale}
    out["e_ha_max_scaled"] = worst
    out["e_ha_max_scaled_at"] = worst_at
    big = [z for z in both if max(abs(ref[z]["e_ha"]), abs(cand[z]["e_ha"])) >= 1.0]
    out["e_ha_max_rel_zones_abs_e_ge_1ha"] = max(
        (abs(ref[z]["e_ha"] - cand[z]["e_ha"]) / max(abs(ref[z]["e_ha"]), abs(cand[z]["e_ha"]))
         for z in big), default=0.0)
    out["e_ha_zones_abs_e_ge_1ha"] = len(big)
    out["sign_of_e_differs"] = [z for z in both if (ref[z]["e_ha"] > 0) != (cand[z]["e_ha"] > 0)]
    return out


def run_all(work):
    cache = {}

    def get(n):
        if n not in cache:
            cache[n] = load(work, n)
        return cache[n]

    checks = []
    for name, ref_n, cand_n, what, tol in CHECKS:
        (rz, rc), (cz, cc) = get(ref_n), get(cand_n)
        e = {"comparison": name, "reference": ref_n, "candidate": cand_n, "what": what,
             "tolerance": tol}
        if rz is None or cz is None:
            e.update(status="missing output", ok=None)
            checks.append(e)
            continue
        e["zones"] = compare_zones(rz, cz)
        e["classes"] = compare_results.compare(rc, cc, ("zone", "class", "year")) if rc and cc else None
        z = e["zones"]
        ok = (not z["zones_only_in_ref"] and not z["zones_only_in_cand"]
              and max(z["m0_ha_max_rel"], z["mt_ha_max_rel"], z["area_ha_max_rel"]) <= tol["rel"]
              and z["e_ha_max_scaled"] <= tol["e_scaled"])
        if e["classes"]:
            c = e["classes"]
            if "class_abs_ha" in tol:
                ok = ok and c["max_abs_diff_ha"] <= tol["class_abs_ha"]
            else:
                ok = ok and c[f"max_rel_diff_pairs_ge_{compare_results.REL_MIN_HA}ha"] <= \
                    tol["class_rel_ge_0.01ha"]
        e["ok"] = bool(ok)
        e["status"] = "agree" if ok else "DISAGREE"
        checks.append(e)
    info = []
    for name, ref_n, cand_n, what in INFORMATIVE:
        (rz, rc), (cz, cc) = get(ref_n), get(cand_n)
        if rz is not None and cz is not None:
            info.append({"comparison": name, "what": what, "zones": compare_zones(rz, cz),
                         "classes": compare_results.compare(rc, cc, ("zone", "class", "year")) if rc and cc else None})
    return {"checks": checks, "informative": info}


def summary_line(e):
    if "zones" not in e:
        return e.get("status", "")
    z = e["zones"]
    s = (f"M0 max rel {z['m0_ha_max_rel']:.2g}, Mt max rel {z['mt_ha_max_rel']:.2g}, "
         f"E max rel {z['e_ha_max_rel_zones_abs_e_ge_1ha']:.2g} (zones |E| >= 1 ha; scaled "
         f"{z['e_ha_max_scaled']:.2g}), zone area max rel {z['area_ha_max_rel']:.2g}")
    if e.get("classes"):
        c = e["classes"]
        s += (f"; class areas max abs {c['max_abs_diff_ha']:.2g} ha, max rel "
              f"{c[f'max_rel_diff_pairs_ge_{compare_results.REL_MIN_HA}ha']:.2g}")
    if z["sign_of_e_differs"]:
        s += f"; E changes sign in zones {z['sign_of_e_differs']}"
    return s


def print_report(rep, out=sys.stdout):
    for e in rep["checks"] + rep["informative"]:
        print(f"{e['comparison']}: {e.get('status', 'informative')}", file=out)
        print(f"  {summary_line(e)}", file=out)
        if "zones" in e:
            z = e["zones"]
            print(f"  totals M0 {z['m0_ha_total_ref']:.4f} vs {z['m0_ha_total_cand']:.4f}, "
                  f"Mt {z['mt_ha_total_ref']:.4f} vs {z['mt_ha_total_cand']:.4f}, "
                  f"E {z['e_ha_total_ref']:.4f} vs {z['e_ha_total_cand']:.4f} ha", file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work")
    ap.add_argument("--json")
    args = ap.parse_args()
    rep = run_all(args.work)
    print_report(rep)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rep, f, indent=2)
    sys.exit(0 if all(e["ok"] is not False for e in rep["checks"]) else 1)


if __name__ == "__main__":
    main()
