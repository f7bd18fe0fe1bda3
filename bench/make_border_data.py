"""Synthetic data for the border benchmark (bench/run_border_bench.sh): clearly labelled
synthetic, CGCS2000 / 3-degree Gauss-Krüger zone 39 (EPSG:4527).

Admin units: a COLS x ROWS grid of 10 km cells whose shared edges wave (a sum of two sines
with a random phase per edge, one vertex every 50 m), so neighbouring units share exactly
the same vertices, like a clean county layer.
Elements: PER_UNIT polygons per unit (red line 60 %, farmland 30 %, urban 10 %):
  70 % random rectangles 50-300 m inside the unit, away from its edges;
  30 % rectangles 100-400 m on one of its edges, offset -150..150 m across it: most are
      clipped to their own unit (they reach the border, or stop short of it when the offset
      keeps them inside), one in ten is left unclipped and crosses into the neighbour.
Usage: make_border_data.py OUT_DIR [--cols 15 --rows 14 --per-unit 500 --seed 7]
"""
from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

from osgeo import ogr, osr

ogr.UseExceptions()
X0, Y0, CELL, STEP, AMP = 39_400_000.0, 4_300_000.0, 10_000.0, 50.0, 120.0
CATEGORIES = ["ecological_redline"] * 6 + ["permanent_farmland"] * 3 + ["urban_boundary"]


def wave(seed: int, n: int) -> list[float]:
    r = random.Random(seed)
    p1, p2 = r.uniform(0, 2 * math.pi), r.uniform(0, 2 * math.pi)
    # Zero at both ends so that the corners stay on the grid and four units meet there.
    return [AMP * math.sin(math.pi * k / n) * (0.7 * math.sin(3 * math.pi * k / n + p1) +
                                               0.3 * math.sin(11 * math.pi * k / n + p2)) for k in range(n + 1)]


def vertical_edge(i: int, j: int) -> list[tuple[float, float]]:
    """Edge of grid line x = i from row j to j + 1, bottom to top."""
    n = int(CELL / STEP)
    w = wave(1_000_003 * i + j, n)
    return [(X0 + i * CELL + w[k], Y0 + j * CELL + k * STEP) for k in range(n + 1)]


def horizontal_edge(i: int, j: int) -> list[tuple[float, float]]:
    """Edge of grid line y = j from column i to i + 1, left to right."""
    n = int(CELL / STEP)
    w = wave(7_000_019 * j + i + 555, n)
    return [(X0 + i * CELL + k * STEP, Y0 + j * CELL + w[k]) for k in range(n + 1)]


def cell_polygon(i: int, j: int) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    pts = horizontal_edge(i, j) + vertical_edge(i + 1, j)[1:] + horizontal_edge(i, j + 1)[::-1][1:] + \
        vertical_edge(i, j)[::-1][1:]
    for x, y in pts:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def rect(x0: float, y0: float, x1: float, y1: float) -> ogr.Geometry:
    return ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--cols", type=int, default=15)
    ap.add_argument("--rows", type=int, default=14)
    ap.add_argument("--per-unit", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    rnd = random.Random(a.seed)

    admin_path, elements_path = a.out / "admin.gpkg", a.out / "elements.gpkg"
    for p in (admin_path, elements_path):
        if p.exists():
            p.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(admin_path))
    lyr = ds.CreateLayer("admin", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    cells = {}
    lyr.StartTransaction()
    for j in range(a.rows):
        for i in range(a.cols):
            code = f"39{j:02d}{i:02d}"
            g = cell_polygon(i, j)
            cells[(i, j)] = (code, g)
            f = ogr.Feature(lyr.GetLayerDefn())
            f["code"], f["name"] = code, f"合成市 {code} (synthetic)"
            f.SetGeometry(g)
            lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(elements_path))
    lyr = ds.CreateLayer("elements", srs, ogr.wkbMultiPolygon)
    for name in ("city", "category", "name"):
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    lyr.StartTransaction()
    count = crossing = 0
    for (i, j), (code, cell) in cells.items():
        cx0, cy0 = X0 + i * CELL, Y0 + j * CELL
        for k in range(a.per_unit):
            category = rnd.choice(CATEGORIES)
            if rnd.random() < 0.7:
                w, h = rnd.uniform(50, 300), rnd.uniform(50, 300)
                x = rnd.uniform(cx0 + AMP + 400, cx0 + CELL - AMP - 400 - w)
                y = rnd.uniform(cy0 + AMP + 400, cy0 + CELL - AMP - 400 - h)
                g = rect(x, y, x + w, y + h)
            else:
                along, across = rnd.uniform(100, 400), rnd.uniform(100, 400)
                t = rnd.uniform(500, CELL - 500 - along)
                off = rnd.uniform(-150, 150)
                edge = rnd.randrange(4)
                if edge == 0:    # left
                    g = rect(cx0 + off - across / 2, cy0 + t, cx0 + off + across / 2, cy0 + t + along)
                elif edge == 1:  # right
                    g = rect(cx0 + CELL + off - across / 2, cy0 + t, cx0 + CELL + off + across / 2, cy0 + t + along)
                elif edge == 2:  # bottom
                    g = rect(cx0 + t, cy0 + off - across / 2, cx0 + t + along, cy0 + off + across / 2)
                else:            # top
                    g = rect(cx0 + t, cy0 + CELL + off - across / 2, cx0 + t + along, cy0 + CELL + off + across / 2)
                if rnd.random() < 0.1:
                    crossing += 1
                else:
                    g = g.Intersection(cell)
                    if g is None or g.IsEmpty() or g.GetArea() < 1.0:
                        continue
            f = ogr.Feature(lyr.GetLayerDefn())
            f["city"], f["category"], f["name"] = code, category, f"{code}-{k}"
            f.SetGeometry(ogr.ForceToMultiPolygon(g))
            lyr.CreateFeature(f)
            count += 1
    lyr.CommitTransaction()
    ds = None
    manifest = {"synthetic": True, "crs": "EPSG:4527", "admin_units": len(cells), "elements": count,
                "elements_left_crossing": crossing, "cell_m": CELL, "wave_amplitude_m": AMP, "vertex_step_m": STEP,
                "per_unit": a.per_unit, "seed": a.seed}
    (a.out / "border_manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    main()
