#!/usr/bin/python3
"""Check every benchmarked tool's output against guotu's.

Each output is loaded into {(zone_id, class_code): hectares}:

  guotu CSV               zone_id,class_code,area_ha
  SpatiaLite CSV          zone_id,class_code,area_ha (bench/spatialite_tally.sql)
  QGIS statistics CSV     code,lucc_code,...,sum  (sum of $area in m^2 -> / 10 000)
  QGIS zonal histogram    GPKG: one row per zone, HISTO_<class> = cell count
                          -> count x cell area (planar, from the raster's geotransform)

and compared on the union of pairs (a pair missing on one side counts as 0 ha).

    /usr/bin/python3 bench/compare_results.py WORK_DIR [--raster landuse_2020.tif] [--json out.json]

WORK_DIR is the directory run_tally_bench.sh wrote the outputs to. Exit code 1 when a
comparison fails its tolerance.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys

# Pairs smaller than this are left out of the "relative" maximum: their relative error
# is dominated by the 1e-6 ha (0.01 m^2) rounding of guotu's CSV.
REL_MIN_HA = 0.01

# (name, reference output, candidate output, what, tolerance kind, tolerance)
COMPARISONS = [
    ("qgis_vector vs guotu_vector_ellipsoidal",
     "guotu_vector_ellipsoidal", "qgis_vector",
     "QGIS intersection + $area (ellipsoid EPSG:7019) vs guotu ellipsoidal", "rel", 1e-4),
    ("spatialite_planar vs guotu_vector_planar",
     "guotu_vector_planar", "spatialite_planar",
     "SpatiaLite planar ST_Area(ST_Intersection) vs guotu --area planar", "abs_ha", 1e-5),
    ("qgis_zonalhist vs guotu_raster_centre_planar",
     "guotu_raster_centre_planar", "qgis_zonalhist",
     "QGIS zonal histogram cell counts x cell area vs guotu --raster-mode centre --area planar",
     "abs_ha", 1e-5),
    ("qgis_zonalhist vs guotu_raster_centre_planar_1t",
     "guotu_raster_centre_planar_1t", "qgis_zonalhist",
     "QGIS zonal histogram vs guotu --raster-mode centre --area planar --threads 1",
     "abs_ha", 1e-5),
    # guotu's worker threads must not change the result (only the summation order).
    ("guotu_raster_exact_1t vs guotu_raster_exact",
     "guotu_raster_exact", "guotu_raster_exact_1t",
     "guotu raster exact coverage, --threads 1 vs default threads", "abs_ha", 1e-5),
    ("guotu_raster_centre_1t vs guotu_raster_centre",
     "guotu_raster_centre", "guotu_raster_centre_1t",
     "guotu raster centre, --threads 1 vs default threads", "abs_ha", 1e-5),
    ("guotu_raster_centre_planar_1t vs guotu_raster_centre_planar",
     "guotu_raster_centre_planar", "guotu_raster_centre_planar_1t",
     "guotu raster centre planar, --threads 1 vs default threads", "abs_ha", 1e-5),
]

# Informative only (different methods, not expected to agree to float noise).
INFORMATIVE = [
    ("guotu_raster_exact vs guotu_vector_ellipsoidal",
     "guotu_vector_ellipsoidal", "guotu_raster_exact",
     "30 m raster (exact coverage) vs the polygons it was rasterised from"),
    ("guotu_raster_centre vs guotu_raster_exact",
     "guotu_raster_exact", "guotu_raster_centre",
     "centre-of-cell counting vs exact partial-cell coverage"),
]


def norm_class(v) -> str:
    s = str(v).strip().strip('"')
    try:
        f = float(s)
        if f == int(f):
            return str(int(f))
    except ValueError:
        pass
    return s


def norm_zone(v) -> str:
    return str(v).strip().strip('"')


def load_csv(path, zone_col, class_col, area_col, factor=1.0):
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            v = row[area_col].strip()
            if v == "":
                continue  # SQL SUM over only empty intersections is NULL
            key = (norm_zone(row[zone_col]), norm_class(row[class_col]))
            out[key] = out.get(key, 0.0) + float(v) * factor
    return out


def raster_cell_area_m2(raster):
    from osgeo import gdal
    ds = gdal.Open(raster)
    gt = ds.GetGeoTransform()
    nodata = ds.GetRasterBand(1).GetNoDataValue()
    return abs(gt[1] * gt[5] - gt[2] * gt[4]), nodata


def load_zonal_histogram(path, cell_area_m2, nodata, zone_col="code", prefix="HISTO_"):
    from osgeo import ogr
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    cols = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    hcols = [c for c in cols if c.startswith(prefix)]
    out = {}
    for feat in lyr:
        zone = norm_zone(feat.GetField(zone_col))
        for c in hcols:
            cls = c[len(prefix):]
            if cls.upper() == "NODATA" or (nodata is not None and norm_class(cls) == norm_class(nodata)):
                continue
            n = feat.GetField(c) or 0
            if n:
                key = (zone, norm_class(cls))
                out[key] = out.get(key, 0.0) + n * cell_area_m2 / 10000.0
    return out


def load_output(name, work, raster=None):
    """Load a tool's output from WORK by tool name; None when it is missing."""
    if name.startswith("guotu_") or name == "spatialite_planar":
        p = os.path.join(work, name + ".csv")
        return (load_csv(p, "zone_id", "class_code", "area_ha"), p) if os.path.exists(p) else (None, p)
    if name == "qgis_vector":
        p = os.path.join(work, "qgis_stats.csv")
        return (load_csv(p, "code", "lucc_code", "sum", 1e-4), p) if os.path.exists(p) else (None, p)
    if name == "qgis_zonalhist":
        p = os.path.join(work, "qgis_zonalhist.gpkg")
        if not os.path.exists(p) or not raster:
            return None, p
        cell, nodata = raster_cell_area_m2(raster)
        return load_zonal_histogram(p, cell, nodata), p
    raise ValueError(name)


def compare(ref: dict, cand: dict, key_names=("zone", "class")) -> dict:
    """Compare two {key tuple: ha} dicts; key_names label the key's parts in the report."""
    keys = set(ref) | set(cand)
    only_ref = [k for k in keys if k not in cand]
    only_cand = [k for k in keys if k not in ref]
    max_abs, max_abs_key = 0.0, None
    max_rel, max_rel_key = 0.0, None
    max_rel_all = 0.0
    max_rel_1ha = 0.0
    for k in keys:
        a, b = ref.get(k, 0.0), cand.get(k, 0.0)
        d = abs(a - b)
        if d > max_abs:
            max_abs, max_abs_key = d, k
        m = max(abs(a), abs(b))
        if m > 0:
            r = d / m
            max_rel_all = max(max_rel_all, r)
            if m >= 1.0:
                max_rel_1ha = max(max_rel_1ha, r)
            if m >= REL_MIN_HA and r > max_rel:
                max_rel, max_rel_key = r, k
    tr, tc = sum(ref.values()), sum(cand.values())

    def pair(k):
        if k is None:
            return None
        d = dict(zip(key_names, k))
        d.update(ref_ha=ref.get(k, 0.0), cand_ha=cand.get(k, 0.0))
        return d

    return {
        "pairs_ref": len(ref), "pairs_cand": len(cand), "pairs_union": len(keys),
        "only_in_ref": len(only_ref),
        "only_in_ref_max_ha": max((ref[k] for k in only_ref), default=0.0),
        "only_in_cand": len(only_cand),
        "only_in_cand_max_ha": max((cand[k] for k in only_cand), default=0.0),
        "max_abs_diff_ha": max_abs, "max_abs_at": pair(max_abs_key),
        f"max_rel_diff_pairs_ge_{REL_MIN_HA}ha": max_rel, "max_rel_at": pair(max_rel_key),
        "max_rel_diff_pairs_ge_1ha": max_rel_1ha,
        "max_rel_diff_all_pairs": max_rel_all,
        "total_ref_ha": tr, "total_cand_ha": tc,
        "total_rel_diff": abs(tr - tc) / tr if tr else None,
    }


def run_all(work, raster=None):
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = load_output(name, work, raster)
        return cache[name]

    results = []
    for name, ref_n, cand_n, what, kind, tol in COMPARISONS:
        (ref, ref_p), (cand, cand_p) = get(ref_n), get(cand_n)
        entry = {"comparison": name, "reference": ref_n, "candidate": cand_n, "what": what,
                 "reference_file": ref_p, "candidate_file": cand_p,
                 "tolerance": {kind: tol}}
        if ref is None or cand is None:
            entry["status"] = "missing output"
            entry["ok"] = None
        else:
            c = compare(ref, cand)
            entry.update(c)
            if kind == "rel":
                val = c[f"max_rel_diff_pairs_ge_{REL_MIN_HA}ha"]
            else:
                val = c["max_abs_diff_ha"]
            entry["ok"] = val <= tol
            entry["status"] = "agree" if entry["ok"] else "DISAGREE"
        results.append(entry)
    info = []
    for name, ref_n, cand_n, what in INFORMATIVE:
        (ref, _), (cand, _) = get(ref_n), get(cand_n)
        if ref is not None and cand is not None:
            e = {"comparison": name, "what": what}
            e.update(compare(ref, cand))
            info.append(e)
    return {"rel_min_ha": REL_MIN_HA, "checks": results, "informative": info}


def print_report(rep, out=sys.stdout):
    key = f"max_rel_diff_pairs_ge_{REL_MIN_HA}ha"
    for e in rep["checks"] + rep["informative"]:
        print(f"{e['comparison']}: {e.get('status', 'informative')}", file=out)
        if "max_abs_diff_ha" not in e:
            continue
        print(f"  pairs ref/cand/union {e['pairs_ref']}/{e['pairs_cand']}/{e['pairs_union']}; "
              f"only in ref {e['only_in_ref']} (max {e['only_in_ref_max_ha']:.6g} ha), "
              f"only in cand {e['only_in_cand']} (max {e['only_in_cand_max_ha']:.6g} ha)", file=out)
        print(f"  max abs diff {e['max_abs_diff_ha']:.3g} ha at {e['max_abs_at']}", file=out)
        print(f"  max rel diff (pairs >= {REL_MIN_HA} ha) {e[key]:.3g}; pairs >= 1 ha "
              f"{e['max_rel_diff_pairs_ge_1ha']:.3g}; all pairs "
              f"{e['max_rel_diff_all_pairs']:.3g}; totals {e['total_ref_ha']:.6f} vs "
              f"{e['total_cand_ha']:.6f} ha (rel {e['total_rel_diff']:.3g})", file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work")
    ap.add_argument("--raster", help="the land-use GeoTIFF (for the zonal histogram's cell area)")
    ap.add_argument("--json", help="write the comparison as JSON here")
    args = ap.parse_args()
    rep = run_all(args.work, args.raster)
    print_report(rep)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rep, f, indent=2)
    sys.exit(0 if all(e["ok"] is not False for e in rep["checks"]) else 1)


if __name__ == "__main__":
    main()
