#!/usr/bin/python3
"""Check every conversion tool's transition matrix against guotu's `transitions` table.

Each output is loaded into {(from_code, to_code): ha}:

  guotu GPKG            layer transitions, rows level = 'code' and zone_id = '' (no zones)
  SpatiaLite CSV        from_code,to_code,area_ha (bench/spatialite_convert.sql)
  GeoPandas CSV         from_code,to_code,area_m2 (bench/geopandas_convert.py)
  QGIS statistics CSV   lucc_code (2010), lucc_code_2 (2020), ..., sum ($area m^2 -> / 10 000)

and compared on the union of pairs (a pair missing on one side counts as 0 ha), as in
compare_results.py. Area is conserved by an overlay of two coverages of the same region,
so the matrix totals are compared too: with each other, with the before/after totals guotu
prints in its log, and (planar) with the area of the region's square from the manifest.

    /usr/bin/python3 bench/compare_convert.py WORK_DIR [--data DATA_DIR] [--json out.json]

Exit code 1 when a comparison fails its tolerance.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_results as cmp  # noqa: E402

COMPARISONS = [
    ("qgis_convert vs guotu_convert_ellipsoidal",
     "guotu_convert_ellipsoidal", "qgis_convert",
     "QGIS intersection + $area (ellipsoid EPSG:7019) + statistics vs guotu convert (ellipsoidal)",
     "rel", 1e-4),
    ("guotu_convert_ellipsoidal_1cpu vs guotu_convert_ellipsoidal",
     "guotu_convert_ellipsoidal", "guotu_convert_ellipsoidal_1cpu",
     "guotu convert on one CPU vs on two: the same matrix",
     "rel", 1e-9),
    ("guotu_qgis_process vs guotu_convert_ellipsoidal",
     "guotu_convert_ellipsoidal", "guotu_qgis_process",
     "guotu:landuseconversion run by qgis_process (the core reads the files) vs guotu convert",
     "rel", 1e-9),
    ("spatialite_convert_planar vs guotu_convert_planar",
     "guotu_convert_planar", "spatialite_convert_planar",
     "SpatiaLite planar SUM(ST_Area(ST_Intersection)) vs guotu convert --area planar",
     "abs_ha", 1e-5),
    ("geopandas_convert_planar vs guotu_convert_planar",
     "guotu_convert_planar", "geopandas_convert_planar",
     "GeoPandas overlay(intersection) + planar area + groupby vs guotu convert --area planar",
     "rel", 1e-6),
]
KEY_NAMES = ("from_code", "to_code")


def load_guotu(path):
    from osgeo import ogr
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName("transitions")
    out = {}
    for f in lyr:
        if f.GetField("level") != "code" or (f.GetField("zone_id") or "") != "":
            continue
        k = (cmp.norm_class(f.GetField("from_class")), cmp.norm_class(f.GetField("to_class")))
        out[k] = out.get(k, 0.0) + f.GetField("area_ha")
    return out


def load_output(name, work):
    if name.startswith("guotu_"):
        p = os.path.join(work, name + ".gpkg")
        return (load_guotu(p), p) if os.path.exists(p) else (None, p)
    if name == "spatialite_convert_planar":
        p = os.path.join(work, name + ".csv")
        return (cmp.load_csv(p, "from_code", "to_code", "area_ha"), p) if os.path.exists(p) else (None, p)
    if name == "geopandas_convert_planar":
        p = os.path.join(work, name + ".csv")
        return (cmp.load_csv(p, "from_code", "to_code", "area_m2", 1e-4), p) if os.path.exists(p) else (None, p)
    if name == "qgis_convert":
        p = os.path.join(work, "qgis_stats.csv")
        return (cmp.load_csv(p, "lucc_code", "lucc_code_2", "sum", 1e-4), p) if os.path.exists(p) else (None, p)
    raise ValueError(name)


def guotu_logged_totals(work, name):
    """The before/after/overlaid totals guotu prints ("before: N polygons, X ha; ...")."""
    for log in sorted(glob.glob(os.path.join(work, "timings", f"{name}.run*.log"))):
        txt = open(log, encoding="utf-8", errors="replace").read()
        m = re.search(r"before: (\d+) polygons, ([\d.]+) ha; after: (\d+) polygons, ([\d.]+) ha", txt)
        o = re.search(r"overlaid: ([\d.]+) ha in (\d+) pieces(?:, ([\d.]+) s)?", txt)
        if m:
            return {"before_polygons": int(m.group(1)), "before_ha": float(m.group(2)),
                    "after_polygons": int(m.group(3)), "after_ha": float(m.group(4)),
                    "overlaid_ha": float(o.group(1)) if o else None,
                    "pieces": int(o.group(2)) if o else None,
                    "overlay_s_as_logged": float(o.group(3)) if o and o.group(3) else None,
                    "log": log}
    return None


def run_all(work, data=None):
    cache = {}

    def get(n):
        if n not in cache:
            cache[n] = load_output(n, work)
        return cache[n]

    results = []
    for name, ref_n, cand_n, what, kind, tol in COMPARISONS:
        (ref, ref_p), (cand, cand_p) = get(ref_n), get(cand_n)
        e = {"comparison": name, "reference": ref_n, "candidate": cand_n, "what": what,
             "reference_file": ref_p, "candidate_file": cand_p, "tolerance": {kind: tol}}
        if ref is None or cand is None:
            e.update(status="missing output", ok=None)
        else:
            c = cmp.compare(ref, cand, KEY_NAMES)
            e.update(c)
            val = c[f"max_rel_diff_pairs_ge_{cmp.REL_MIN_HA}ha"] if kind == "rel" else c["max_abs_diff_ha"]
            e["ok"] = val <= tol
            e["status"] = "agree" if e["ok"] else "DISAGREE"
        results.append(e)

    totals = {}
    for n in ("guotu_convert_ellipsoidal", "guotu_convert_planar", "spatialite_convert_planar",
              "geopandas_convert_planar", "qgis_convert"):
        d, _ = get(n)
        if d is not None:
            totals[n] = {"matrix_total_ha": sum(d.values()), "pairs": len(d)}
    for n in ("guotu_convert_ellipsoidal", "guotu_convert_planar"):
        lt = guotu_logged_totals(work, n)
        if lt and n in totals:
            totals[n]["guotu_log"] = lt
            totals[n]["matrix_vs_before_rel"] = abs(totals[n]["matrix_total_ha"] - lt["before_ha"]) / lt["before_ha"]
            totals[n]["matrix_vs_after_rel"] = abs(totals[n]["matrix_total_ha"] - lt["after_ha"]) / lt["after_ha"]
    if data:
        mf = os.path.join(data, "sample_manifest.json")
        if os.path.exists(mf):
            r = json.load(open(mf, encoding="utf-8"))["region"]
            region_ha = (r["xmax"] - r["xmin"]) * (r["ymax"] - r["ymin"]) / 10000.0
            totals["region_square_planar_ha"] = region_ha
            for n in ("guotu_convert_planar", "spatialite_convert_planar"):
                if n in totals:
                    totals[n]["vs_region_square_rel"] = abs(totals[n]["matrix_total_ha"] - region_ha) / region_ha
    return {"rel_min_ha": cmp.REL_MIN_HA, "checks": results, "totals": totals}


def print_report(rep, out=sys.stdout):
    key = f"max_rel_diff_pairs_ge_{cmp.REL_MIN_HA}ha"
    for e in rep["checks"]:
        print(f"{e['comparison']}: {e['status']}", file=out)
        if "max_abs_diff_ha" not in e:
            continue
        print(f"  pairs ref/cand/union {e['pairs_ref']}/{e['pairs_cand']}/{e['pairs_union']}; "
              f"only in ref {e['only_in_ref']} (max {e['only_in_ref_max_ha']:.6g} ha), "
              f"only in cand {e['only_in_cand']} (max {e['only_in_cand_max_ha']:.6g} ha)", file=out)
        print(f"  max abs diff {e['max_abs_diff_ha']:.3g} ha at {e['max_abs_at']}", file=out)
        print(f"  max rel diff (pairs >= {cmp.REL_MIN_HA} ha) {e[key]:.3g}; pairs >= 1 ha "
              f"{e['max_rel_diff_pairs_ge_1ha']:.3g}; totals {e['total_ref_ha']:.6f} vs "
              f"{e['total_cand_ha']:.6f} ha (rel {e['total_rel_diff']:.3g})", file=out)
    print("totals: " + json.dumps(rep["totals"], indent=1), file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work")
    ap.add_argument("--data")
    ap.add_argument("--json")
    args = ap.parse_args()
    rep = run_all(args.work, args.data)
    print_report(rep)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rep, f, indent=2)
    sys.exit(0 if all(e["ok"] is not False for e in rep["checks"]) else 1)


if __name__ == "__main__":
    main()
