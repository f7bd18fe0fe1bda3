"""Compares `guotu border` with the QGIS Processing chain (bench/qgis_border.sh) on the same
data and writes the comparison (and the timings given) as JSON.

  compare_border.py GUOTU_OUT.gpkg QGIS_DIR RESULTS.json [key=value ...]

The QGIS chain computes the same quantities with buffers and overlays, so some agree
exactly by construction and some only roughly, by definition:
  - shared border length per pair: the same set of pairs (QGIS pieces of at least 4 m, as
    guotu's adjacency rule) and lengths within 10 m (QGIS keeps the 1 m stubs where a
    boundary leaves its neighbour, guotu cuts them);
  - crossing and double-claim areas (pieces of at least 100 m²): within 1 %;
  - border reached by one side only (gap + discontinuity), discontinuity and category
    mismatch lengths: reported, not checked — QGIS's 5 m buffer stretches each element's
    reach 5 m along the border at both ends, its "near" is a 200 m buffer rather than
    guotu's perpendicular facing, and mismatch stretches of several elements add up.
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from osgeo import ogr

ogr.UseExceptions()


def layer_rows(path: Path, layer: str | None = None):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    for f in lyr:
        g = f.GetGeometryRef()
        yield f.items(), (g.Clone() if g else None)


def line_length(g) -> float:
    return ogr.ForceToMultiLineString(g).Length() if g else 0.0


def per_pair_length(path: Path) -> dict:
    out: dict = defaultdict(float)
    for item, g in layer_rows(path):
        out[(item["code"], item["b_code"])] += line_length(g)
    return out


def main() -> None:
    guotu, qgis, results = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    extra = dict(kv.split("=", 1) for kv in sys.argv[4:])
    summary = {(r["admin_a"], r["admin_b"]): r for r, _ in layer_rows(guotu, "pair_summary")}
    conflicts = [r for r, _ in layer_rows(guotu, "border_conflicts")]

    # guotu's neighbours share at least 4 x snap = 4 m of border: units meeting at a corner
    # leave QGIS a piece of about 2 m (1 m of each boundary within the 1 m buffer).
    q_border = {p: m for p, m in per_pair_length(qgis / "borders.gpkg").items() if m >= 4.0}
    pairs_same = set(q_border) == set(summary)
    border_diff = max(abs(q_border.get(p, 0) - summary[p]["border_m"]) for p in summary)

    def area_total(path: Path, min_area: float) -> float:
        return sum(g.GetArea() for _, g in layer_rows(path) if g and g.GetArea() >= min_area)

    g_crossing = sum(r["area_m2"] for r in conflicts if r["detail"] == "crossing")
    g_claim = sum(r["area_m2"] for r in conflicts if r["detail"] == "double_claim")
    q_crossing = area_total(qgis / "crossings.gpkg", 100.0)
    q_claim = area_total(qgis / "claims.gpkg", 100.0)

    def total(name: str) -> float:
        return sum(per_pair_length(qgis / f"{name}_d.gpkg").values())

    g_total = lambda key: sum(r[key] for r in summary.values())  # noqa: E731
    lengths = {
        "one_side_only_m": {"guotu_gap_plus_discontinuity": g_total("gap_m") + g_total("discontinuity_m"),
                            "qgis": total("only_a") + total("only_b")},
        "discontinuity_m": {"guotu": g_total("discontinuity_m"), "qgis": total("disc_a") + total("disc_b")},
        "category_mismatch_m": {"guotu": g_total("mismatch_m"), "qgis": total("mismatch")},
        "gap_m": {"guotu": g_total("gap_m"),
                  "qgis_one_side_minus_discontinuity": total("only_a") + total("only_b") - total("disc_a") -
                  total("disc_b")},
    }
    rel = lambda a, b: abs(a - b) / max(abs(b), 1e-9)  # noqa: E731
    checks = {
        "same_pairs": {"guotu": len(summary), "qgis": len(q_border), "ok": pairs_same},
        "border_length_per_pair_max_abs_diff_m": {"value": border_diff, "tolerance": 10.0, "ok": border_diff <= 10.0},
        "crossing_area_m2": {"guotu": g_crossing, "qgis": q_crossing, "rel_diff": rel(g_crossing, q_crossing),
                             "ok": rel(g_crossing, q_crossing) <= 0.01},
        "double_claim_area_m2": {"guotu": g_claim, "qgis": q_claim, "rel_diff": rel(g_claim, q_claim),
                                 "ok": rel(g_claim, q_claim) <= 0.01},
    }
    result = {"checks": checks, "lengths_reported_not_checked": lengths,
              "all_checks_ok": all(c["ok"] for c in checks.values()), **extra}
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
