"""Compares two outputs of `guotu border` on the same inputs (e.g. before and after a change of
the core) layer by layer and row by row, and says how far apart they are.

  compare_border_outputs.py BEFORE.gpkg AFTER.gpkg [--json OUT.json] [--rel 1e-9] [--abs 1e-6]

Rows are matched after sorting both sides by their text and integer fields (conflict ids
included), then their reals rounded to a millimetre and the centre of their geometry: runs with several threads write pairs in the order they finish
(conflict ids are part of the row). For each layer: the row count, every text and
integer field equal, real fields within `--abs` (metres, m²) or `--rel` relative, and the
geometries: the Hausdorff distance of every pair (metres) and, for polygons, the area of their
symmetric difference relative to the area. Polygon parts without width — thinner than 0.1 mm on
average (twice the area over the perimeter), the rounding noise the core no longer keeps in a
gap strip — are left out of both sides first and counted (`noise_parts_before/after`). Exit status 0 when every layer agrees within the
tolerances, 1 otherwise; the report is printed (and written as JSON with --json).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from osgeo import ogr
from shapely import wkb as shapely_wkb
from shapely.geometry import MultiPolygon

ogr.UseExceptions()

LAYERS = ("pair_summary", "border_conflicts", "border_conflict_lines", "shared_borders", "basemap_issues",
          "basemap_issue_points")


NOISE_WIDTH_M = 1e-4


def without_noise(g):
    """(g without its polygon parts thinner than NOISE_WIDTH_M on average, parts left out)."""
    if g is None or not g.geom_type.endswith("Polygon"):
        return g, 0
    parts = list(getattr(g, "geoms", [g]))
    kept = [p for p in parts if 2 * p.area >= NOISE_WIDTH_M * p.length]
    return (MultiPolygon(kept) if len(kept) != len(parts) else g), len(parts) - len(kept)


def read(path: Path, name: str) -> tuple[list[dict], list]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(name)
    if lyr is None:
        return [], []
    items, geoms = [], []
    for f in lyr:
        items.append(f.items())
        g = f.GetGeometryRef()
        geoms.append(shapely_wkb.loads(bytes(g.ExportToWkb())) if g is not None else None)
    return items, geoms


def sort_key(item: dict, geom) -> tuple:
    texts = tuple((k, str(v)) for k, v in sorted(item.items()) if not isinstance(v, float))
    fields = texts + tuple((k, round(v, 3)) for k, v in sorted(item.items()) if isinstance(v, float))
    centre = geom.envelope.centroid if geom is not None and not geom.is_empty else None
    return fields + ((round(centre.x, 3), round(centre.y, 3)) if centre is not None else (0.0, 0.0),)


def sorted_rows(items: list, geoms: list) -> tuple[list, list]:
    order = sorted(range(len(items)), key=lambda i: sort_key(items[i], geoms[i]))
    return [items[i] for i in order], [geoms[i] for i in order]


def compare_layer(before: Path, after: Path, name: str, rel: float, abs_tol: float) -> dict:
    a_items, a_geoms = sorted_rows(*read(before, name))
    b_items, b_geoms = sorted_rows(*read(after, name))
    out: dict = {"rows_before": len(a_items), "rows_after": len(b_items), "text_mismatches": 0,
                 "max_abs_diff": 0.0, "max_rel_diff": 0.0, "worst_field": "", "max_hausdorff_m": 0.0,
                 "max_symdiff_rel": 0.0, "noise_parts_before": 0, "noise_parts_after": 0, "examples": []}
    ok = len(a_items) == len(b_items)
    for i, (x, y) in enumerate(zip(a_items, b_items)):
        for key, u in x.items():
            v = y.get(key)
            if isinstance(u, float) or isinstance(v, float):
                u, v = float(u or 0.0), float(v or 0.0)
                d = abs(u - v)
                r = d / max(abs(u), abs(v)) if d else 0.0
                if d > out["max_abs_diff"]:
                    out["max_abs_diff"], out["worst_field"] = d, key
                out["max_rel_diff"] = max(out["max_rel_diff"], r)
                if d > abs_tol and r > rel:
                    ok = False
                    if len(out["examples"]) < 5:
                        out["examples"].append({"row": i, "field": key, "before": u, "after": v})
            elif u != v:
                out["text_mismatches"] += 1
                ok = False
                if len(out["examples"]) < 5:
                    out["examples"].append({"row": i, "field": key, "before": u, "after": v})
        (g, dropped_g), (h, dropped_h) = without_noise(a_geoms[i]), without_noise(b_geoms[i])
        out["noise_parts_before"] += dropped_g
        out["noise_parts_after"] += dropped_h
        if (g is None) != (h is None):
            ok = False
            out["examples"].append({"row": i, "field": "geometry", "before": str(g is None), "after": str(h is None)})
            continue
        if g is None or (g.is_empty and h.is_empty):
            continue
        hd = g.hausdorff_distance(h)
        out["max_hausdorff_m"] = max(out["max_hausdorff_m"], hd)
        if hd > max(abs_tol, 1e-6):
            ok = False
            if len(out["examples"]) < 5:
                out["examples"].append({"row": i, "field": "geometry", "hausdorff_m": hd})
        if g.geom_type.endswith("Polygon") and g.area > 0:
            sd = g.symmetric_difference(h).area / g.area
            out["max_symdiff_rel"] = max(out["max_symdiff_rel"], sd)
            if sd > max(rel, 1e-9):
                ok = False
    out["ok"] = ok
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--rel", type=float, default=1e-9, help="relative tolerance of real fields (default 1e-9)")
    ap.add_argument("--abs", type=float, default=1e-6, dest="abs_tol",
                    help="absolute tolerance of real fields and of geometries, metres (default 1e-6)")
    args = ap.parse_args()
    report = {"before": str(args.before), "after": str(args.after), "rel_tolerance": args.rel,
              "abs_tolerance": args.abs_tol, "layers": {}}
    for name in LAYERS:
        report["layers"][name] = compare_layer(args.before, args.after, name, args.rel, args.abs_tol)
    report["all_equal"] = all(v["ok"] for v in report["layers"].values())
    text = json.dumps(report, indent=2, ensure_ascii=False, default=lambda x: None if isinstance(x, float) and
                      math.isnan(x) else str(x))
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if report["all_equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
