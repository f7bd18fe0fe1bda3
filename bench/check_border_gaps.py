#!/usr/bin/env python3
"""The gap areas of `guotu border` recomputed independently (Shapely/GEOS and OGR, none of guotu's
code), to judge two builds whose gap areas differ (issue #13/#14: c555cb8 against e0b2596's gap strip
on a 0.1 mm grid).

    /usr/bin/python3 bench/check_border_gaps.py DATA OLD.gpkg NEW.gpkg [--pairs A-B ...] [--top N]
        [--json OUT.json]

DATA holds admin.gpkg (field code) and elements.gpkg (fields city, category, name) as
bench/make_border_data.py writes them; OLD.gpkg and NEW.gpkg are the two builds' outputs of the same
run (bench/run_border_bench.sh's command line). Pairs: the given ones, else the N (default 5) whose
pair_summary gap_area_m2 differ most, relatively; --top 0 takes every pair with a gap.

The gap, as docs/domain.md §6 defines it: the ground in the search corridor that neither side
protects although one side's element runs into it. For each gap conflict of NEW (its border stretch
from border_conflict_lines; OLD's is checked to be the same line) the strip is:
  the corridor along the stretch (buffer of corridor_m, flat ends) in the unit of the unprotected
  side (each of the two units for both_sides), less every element of either city that meets the
  corridor, the polygons of that within snap_m of the stretch (unit by unit: ground of the other
  unit that meets a strip across the border elsewhere is not this stretch's),
with the area on the CGCS2000 ellipsoid (pyproj), as guotu's default. It is computed twice:
  exact     — GEOS's overlay as it comes;
  opened_w  — the same with every passage narrower than w cut (the strip eroded by w/2; its parts
              near the stretch grown back by w/2 and kept within the exact strip), for w = 1 µm
              and 1 cm.
When `exact` and `opened_1um` differ, ground beyond an element is joined to the strip at the border
only through a passage narrower than 1 µm (a crack, or a vertex of an element lying on the strip's
end); the script reports the area beyond."""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

import shapely.ops
from osgeo import ogr
from pyproj import Geod, Transformer
from shapely import wkb as swkb
from shapely.geometry import Polygon

GEOD = Geod(ellps="GRS80")  # CGCS2000's ellipsoid (its flattening differs from GRS80's by 1e-10)


def meta(gpkg: Path) -> dict:
    ds = ogr.Open(str(gpkg))
    return ds.GetLayerByName("pair_summary").GetMetadata()


def load_units(data: Path) -> dict:
    ds = ogr.Open(str(data / "admin.gpkg"))
    return {f.GetField("code"): swkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in ds.GetLayer(0)}


class Checker:
    def __init__(self, data: Path, corridor: float, snap: float, epsg: int) -> None:
        self.units = load_units(data)
        self.elements_ds = ogr.Open(str(data / "elements.gpkg"))
        self.elements = self.elements_ds.GetLayer(0)
        self.corridor, self.snap = corridor, snap
        self.to_geo = Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4490", always_xy=True)

    def ellipsoidal(self, g) -> float:
        return abs(GEOD.geometry_area_perimeter(shapely.ops.transform(self.to_geo.transform, g))[0])

    def strips(self, line, sides, opening: float = 0.0):
        """(pieces of the strip, side by side, that reach the stretch; every piece)."""
        band = line.buffer(self.corridor, resolution=8, cap_style=2, join_style=1)
        x0, y0, x1, y1 = band.bounds
        self.elements.SetSpatialFilterRect(x0, y0, x1, y1)
        near = [swkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in self.elements]
        self.elements.SetSpatialFilter(None)
        covered = shapely.ops.unary_union([e for e in near if e.intersects(band)])
        kept, every = [], []
        for s in sides:  # each unit's strip on its own: a piece must reach the stretch in its unit
            k, e = self.side_strip(line, band.intersection(self.units[s]).difference(covered), opening)
            kept += k
            every += e
        return kept, every

    def side_strip(self, line, open_, opening: float):
        if opening:
            # Passages narrower than `opening` cut: the strip eroded by half of it falls apart there;
            # the eroded parts near the stretch, grown back (round) and kept within the exact strip.
            # (An opening by a negative then positive mitred buffer is no good: the mitres of two
            # wedges meeting at a point grow back into each other.)
            eroded = open_.buffer(-opening / 2, resolution=8)
            parts = [p for p in getattr(eroded, "geoms", [eroded]) if isinstance(p, Polygon) and not p.is_empty]
            near = [p for p in parts if p.distance(line) <= self.snap + opening]
            grown = shapely.ops.unary_union([p.buffer(opening / 2 * 1.001, resolution=8) for p in near])
            kept = open_.intersection(grown) if near else Polygon()
            pieces = [p for p in getattr(kept, "geoms", [kept]) if isinstance(p, Polygon) and not p.is_empty]
            return pieces, parts
        pieces = [p for p in getattr(open_, "geoms", [open_]) if isinstance(p, Polygon) and not p.is_empty]
        return [p for p in pieces if p.distance(line) <= self.snap + 1e-9], pieces


def conflict_line(gpkg: Path, cid: int):
    ds = ogr.Open(str(gpkg))
    layer = ds.GetLayerByName("border_conflict_lines")
    layer.SetAttributeFilter(f"conflict_id = {cid}")
    f = next(iter(layer))
    return swkb.loads(bytes(f.GetGeometryRef().ExportToWkb())), f.GetField("side") or ""


def pair_gaps(gpkg: Path) -> dict:
    with sqlite3.connect(gpkg) as db:
        return {(a, b): g for a, b, g in db.execute("SELECT admin_a, admin_b, gap_area_m2 FROM pair_summary")}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--pairs", nargs="*", default=None)
    ap.add_argument("--top", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    m = meta(args.new)
    epsg = 4527
    checker = Checker(args.data, float(m["corridor_m"]), float(m["snap_m"]), epsg)
    old, new = pair_gaps(args.old), pair_gaps(args.new)
    if args.pairs:
        pairs = [tuple(p.split("-")) for p in args.pairs]
    else:
        rel = {k: abs(new[k] - old[k]) / max(new[k], old[k]) for k in new if max(new[k], old.get(k, 0)) > 0}
        pairs = sorted(rel, key=lambda k: -rel[k])
        pairs = pairs[:args.top] if args.top else pairs
    rows = []
    for a, b in pairs:
        with sqlite3.connect(args.new) as db:
            ids = [r[0] for r in db.execute("SELECT conflict_id FROM border_conflicts WHERE kind = 'gap' AND "
                                            "admin_a = ? AND admin_b = ? ORDER BY conflict_id", (a, b))]
        total = {"exact": 0.0, "opened_1um": 0.0, "opened_1cm": 0.0}
        passages = []
        for cid in ids:
            line, side = conflict_line(args.new, cid)
            old_line, old_side = conflict_line(args.old, cid)
            if old_side != side or not old_line.equals_exact(line, 1e-9):
                print(f"conflict {cid} is not the same stretch in the two outputs", file=sys.stderr)
                return 1
            sides = [side] if side else [a, b]
            kept, _ = checker.strips(line, sides)
            kept_1um, _ = checker.strips(line, sides, 1e-6)
            kept_1cm, _ = checker.strips(line, sides, 1e-2)
            exact = sum(checker.ellipsoidal(p) for p in kept)
            opened = sum(checker.ellipsoidal(p) for p in kept_1um)
            total["exact"] += exact
            total["opened_1um"] += opened
            total["opened_1cm"] += sum(checker.ellipsoidal(p) for p in kept_1cm)
            if exact - opened > 1.0:
                # The ground beyond, and how far the passage is from cutting it: the narrowest
                # gap between that ground and the strip at the border.
                beyond = shapely.ops.unary_union(kept).difference(shapely.ops.unary_union(kept_1um).buffer(1e-5))
                beyond = max(getattr(beyond, "geoms", [beyond]), key=lambda g: g.area)
                passages.append({"conflict_id": cid, "beyond_the_passage_m2": round(exact - opened, 2),
                                 "largest_part_beyond_m2": round(beyond.area, 2)})
        rows.append({"pair": f"{a}-{b}", "gap_conflicts": len(ids), "old_gap_area_m2": round(old[(a, b)], 2),
                     "new_gap_area_m2": round(new[(a, b)], 2), **{k: round(v, 2) for k, v in total.items()},
                     "joined_through_passages": passages})
        print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"data": str(args.data), "old": str(args.old), "new": str(args.new),
                                         "corridor_m": checker.corridor, "snap_m": checker.snap, "pairs": rows},
                                        indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
