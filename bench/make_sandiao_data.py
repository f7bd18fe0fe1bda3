"""Land-use coverages shaped like a 三调 county package, for the benchmarks (SYNTHETIC).

    /usr/bin/python3 bench/make_sandiao_data.py OUT_DIR [--cells 250] [--change 0.05] [--seed 1]

Real 地类图斑 layers are not jittered quadrilaterals: their parcels have tens of vertices, are
often not convex, some have holes (a pond or a homestead inside a field), and neighbours share
every boundary vertex for vertex. An annual change survey (年度变更调查) then alters a few percent
of the area and leaves the rest — geometry and boundaries — identical. This makes both years:

- a grid of CELLS × CELLS jittered nodes, 160 m apart (250 × 250 cells ≈ a 40 km × 40 km county);
  every edge between two nodes is a wiggly line of WIGGLE intermediate vertices computed from the
  edge itself, so both parcels beside it carry exactly the same vertices; a parcel is a cell
  (about 4 × (WIGGLE + 1) = 44 vertices, not convex); 3 % of neighbouring cells are one parcel
  (the shared edge dropped); 2 % of cells hold an island parcel in a hole;
- classes (DLBM, the 三调 working classification) in patches from a smooth random field, with the
  fields of a DLTB layer: BSM, DLBM, DLMC, TBMJ (m², planar here), KCXS/KCMJ/TBDLMJ (田坎 on dry
  land), ZLDWDM/ZLDWMC (12-digit village codes in blocks), CZCSXM (203 on homesteads), SJNF;
  and `lucc_code`, the CAS_LUCC class of DLBM, so the older benchmark scripts run on it unchanged;
- the second year: about CHANGE of the area changed — parcels reclassified, split in two along a
  line between existing vertices, neighbours merged — and a further 3 % of the shared edges moved
  (the same new vertices on both sides). Everything else is identical.

Both layers are coverages (no gaps, no overlaps). Written as OUT_DIR/landuse_2010.gpkg and
OUT_DIR/landuse_2020.gpkg (layer `landuse`, EPSG:4527) with sample_manifest.json; sizes from one
county (--cells 250: 62,500 cells) to one prefecture (--cells 720: ≥ 500,000 parcels a year).
Labelled synthetic in the manifest and the layers' metadata.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import time

import numpy as np
from osgeo import ogr, osr

X0, Y0 = 39_500_000.0, 4_400_000.0  # EPSG:4527, Gauss-Krüger zone 39 (117°E)
SPACING = 160.0
WIGGLE = 10
# (DLBM, DLMC, CAS_LUCC, share of the patches)
CLASSES = [("0101", "水田", 11, 0.12), ("0102", "水浇地", 12, 0.08), ("0103", "旱地", 12, 0.22),
           ("0201", "果园", 24, 0.05), ("0301", "乔木林地", 21, 0.14), ("0305", "灌木林地", 22, 0.05),
           ("0307", "其他林地", 24, 0.03), ("0401", "天然牧草地", 31, 0.03), ("0404", "其他草地", 32, 0.04),
           ("0702", "农村宅基地", 52, 0.10), ("1006", "农村道路", 53, 0.03), ("1101", "河流水面", 41, 0.03),
           ("1104", "坑塘水面", 43, 0.03), ("1107", "沟渠", 41, 0.02), ("1202", "设施农用地", 53, 0.03)]
ISLAND_CLASSES = [("1104", "坑塘水面", 43), ("0702", "农村宅基地", 52)]
CAS = {code: cas for code, _name, cas, _share in CLASSES} | {code: cas for code, _n, cas in ISLAND_CLASSES}
NAMES = {code: name for code, name, _cas, _share in CLASSES} | {code: name for code, name, _c in ISLAND_CLASSES}


class Grid:
    def __init__(self, cells: int, rng: np.random.Generator) -> None:
        self.n = cells
        jitter = rng.uniform(-0.2, 0.2, size=(cells + 1, cells + 1, 2)) * SPACING
        jitter[0, :, 0] = jitter[-1, :, 0] = 0  # a straight outer boundary
        jitter[:, 0, 1] = jitter[:, -1, 1] = 0
        ii, jj = np.meshgrid(np.arange(cells + 1), np.arange(cells + 1), indexing="ij")
        self.nodes = np.stack([X0 + ii * SPACING, Y0 + jj * SPACING], axis=-1) + jitter
        # Wiggle amplitudes per edge and intermediate vertex (fraction of the edge length),
        # tapered towards both ends so that edges meeting at a node cannot cross.
        self.h_wiggle = rng.uniform(-0.06, 0.06, size=(cells, cells + 1, WIGGLE))
        self.v_wiggle = rng.uniform(-0.06, 0.06, size=(cells + 1, cells, WIGGLE))

    def _edge(self, p: np.ndarray, q: np.ndarray, wiggle: np.ndarray, on_border: bool) -> np.ndarray:
        t = np.arange(1, WIGGLE + 1) / (WIGGLE + 1)
        d = q - p
        normal = np.array([-d[1], d[0]])
        amount = np.zeros(WIGGLE) if on_border else wiggle * np.sin(math.pi * t)
        return p + np.outer(t, d) + np.outer(amount, normal)

    def h_edge(self, i: int, j: int) -> np.ndarray:
        """Node (i, j) to (i+1, j), both ends included."""
        inner = self._edge(self.nodes[i, j], self.nodes[i + 1, j], self.h_wiggle[i, j], j in (0, self.n))
        return np.vstack([self.nodes[i, j], inner, self.nodes[i + 1, j]])

    def v_edge(self, i: int, j: int) -> np.ndarray:
        """Node (i, j) to (i, j+1), both ends included."""
        inner = self._edge(self.nodes[i, j], self.nodes[i, j + 1], self.v_wiggle[i, j], i in (0, self.n))
        return np.vstack([self.nodes[i, j], inner, self.nodes[i, j + 1]])

    def cell_sides(self, i: int, j: int):
        """bottom (west→east), right (south→north), top (west→east), left (south→north)."""
        return self.h_edge(i, j), self.v_edge(i + 1, j), self.h_edge(i, j + 1), self.v_edge(i, j)

    def cell_ring(self, i: int, j: int) -> np.ndarray:
        b, r, t, l = self.cell_sides(i, j)
        return np.vstack([b[:-1], r[:-1], t[::-1][:-1], l[::-1]])

    def half_rings(self, i: int, j: int):
        """The cell split by a straight line between the middle vertices of bottom and top."""
        b, r, t, l = self.cell_sides(i, j)
        m = (WIGGLE + 1) // 2
        west = np.vstack([b[:m + 1], t[m::-1][:-1], l[::-1]])  # ends where it starts
        east = np.vstack([b[m:-1], r[:-1], t[::-1][:len(t) - m]])
        return [west, np.vstack([east, east[:1]])]


def ring_wkt(ring: np.ndarray) -> str:
    return "(" + ",".join(f"{x:.3f} {y:.3f}" for x, y in ring) + ")"


def island(ring: np.ndarray) -> np.ndarray:
    """A small square inside the cell around its centroid (10 % of the spacing across)."""
    cx, cy = ring[:-1].mean(axis=0)
    h = 0.1 * SPACING / 2
    return np.array([[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]])


def class_field(cells: int, rng: np.random.Generator) -> np.ndarray:
    """Class index per cell: patches from a smooth random field, shares as in CLASSES."""
    coarse = rng.random((cells // 6 + 3, cells // 6 + 3))
    ii = np.arange(cells) / 6.0
    i0 = np.floor(ii).astype(int)
    f = ii - i0
    rows = coarse[i0] * (1 - f)[:, None] + coarse[i0 + 1] * f[:, None]
    field = rows[:, i0] * (1 - f)[None, :] + rows[:, i0 + 1] * f[None, :]
    field += rng.normal(0, 0.08, size=field.shape)  # some salt inside the patches
    shares = np.cumsum([c[3] for c in CLASSES])
    quantiles = np.quantile(field, shares[:-1] / shares[-1])
    return np.searchsorted(quantiles, field)


def build_year(grid: Grid, classes: np.ndarray, plan: dict, second: bool):
    """Parcels as (rings, dlbm, village index) of one year."""
    n = grid.n
    parcels = []
    skip = set()
    for (i, j) in plan["merged"]:
        skip.add((i + 1, j))
    merged_now = set(plan["merged"]) | (set(plan["merge_2020"]) if second else set())
    for (i, j) in (plan["merge_2020"] if second else []):
        skip.add((i + 1, j))
    village = lambda i, j: (i // 25) * ((n + 24) // 25) + j // 25  # noqa: E731  ~4 km² villages
    for i in range(n):
        for j in range(n):
            if (i, j) in skip:
                continue
            code = CLASSES[classes[i, j]][0]
            if second and (i, j) in plan["reclass"]:
                code = plan["reclass"][(i, j)]
            if (i, j) in merged_now:
                a = ogr.CreateGeometryFromWkt(f"POLYGON({ring_wkt(grid.cell_ring(i, j))})")
                b = ogr.CreateGeometryFromWkt(f"POLYGON({ring_wkt(grid.cell_ring(i + 1, j))})")
                shape = a.Union(b)
                rings = [np.array(shape.GetGeometryRef(0).GetPoints())[:, :2]]
                parcels.append((rings, code, village(i, j)))
                continue
            if second and (i, j) in plan["split"]:
                west, east = grid.half_rings(i, j)
                parcels.append(([west], code, village(i, j)))
                parcels.append(([east], plan["split"][(i, j)], village(i, j)))
                continue
            ring = grid.cell_ring(i, j)
            if (i, j) in plan["islands"]:
                hole = island(ring)
                parcels.append(([ring, hole[::-1]], code, village(i, j)))
                parcels.append(([hole], plan["islands"][(i, j)], village(i, j)))
            else:
                parcels.append(([ring], code, village(i, j)))
    return parcels


def write(path: str, parcels, year: int, rng: np.random.Generator) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("landuse", srs, ogr.wkbMultiPolygon, options=["SPATIAL_INDEX=YES"])
    for name, kind, width in (("BSM", ogr.OFTString, 18), ("DLBM", ogr.OFTString, 5), ("DLMC", ogr.OFTString, 60),
                              ("TBMJ", ogr.OFTReal, 0), ("KCXS", ogr.OFTReal, 0), ("KCMJ", ogr.OFTReal, 0),
                              ("TBDLMJ", ogr.OFTReal, 0), ("ZLDWDM", ogr.OFTString, 19), ("ZLDWMC", ogr.OFTString, 60),
                              ("CZCSXM", ogr.OFTString, 4), ("SJNF", ogr.OFTInteger, 0),
                              ("lucc_code", ogr.OFTInteger, 0)):
        field = ogr.FieldDefn(name, kind)
        if width:
            field.SetWidth(width)
        layer.CreateField(field)
    layer.SetMetadataItem("SYNTHETIC", "synthetic 三调-shaped data made by bench/make_sandiao_data.py; not real")
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for k, (rings, code, village) in enumerate(parcels):
        f = ogr.Feature(defn)
        geometry = ogr.CreateGeometryFromWkt("MULTIPOLYGON((" + ",".join(ring_wkt(r) for r in rings) + "))")
        area = geometry.GetArea()
        kcxs = round(float(rng.uniform(0.05, 0.15)), 4) if code == "0103" else 0.0
        f["BSM"] = f"{year}{k:012d}"
        f["DLBM"], f["DLMC"] = code, NAMES[code]
        f["TBMJ"], f["KCXS"] = round(area, 2), kcxs
        f["KCMJ"] = round(area * kcxs, 2)
        f["TBDLMJ"] = round(area - area * kcxs, 2)
        f["ZLDWDM"] = f"130101{100 + village // 40:03d}{200 + village % 40:03d}0000000"
        f["ZLDWMC"] = f"示范{village // 40 + 1}镇{village % 40 + 1}村"
        f["CZCSXM"] = "203" if code == "0702" else None
        f["SJNF"], f["lucc_code"] = year, CAS[code]
        f.SetGeometry(geometry)
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--cells", type=int, default=250)
    parser.add_argument("--change", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    rng = np.random.default_rng(args.seed)
    n = args.cells
    grid = Grid(n, rng)
    classes = class_field(n, rng)
    codes = [c[0] for c in CLASSES]
    picks = rng.permutation(n * n)
    cells = [(int(p) // n, int(p) % n) for p in picks]
    plan = {"merged": [], "merge_2020": [], "islands": {}, "reclass": {}, "split": {}}
    taken = set()
    cursor = 0

    def take(count: int, need_east: bool = False):
        nonlocal cursor
        chosen = []
        while len(chosen) < count and cursor < len(cells):
            i, j = cells[cursor]
            cursor += 1
            group = {(i, j), (i + 1, j)} if need_east else {(i, j)}
            if (need_east and i + 1 >= n) or group & taken:
                continue
            taken.update(group)
            chosen.append((i, j))
        return chosen

    total = n * n
    plan["merged"] = take(int(0.03 * total), need_east=True)
    plan["islands"] = {c: ISLAND_CLASSES[k % 2][0] for k, c in enumerate(take(int(0.02 * total)))}
    # The change: reclassify half of it, split a quarter, merge a quarter (by area).
    plan["reclass"] = {c: codes[(codes.index(CLASSES[classes[c]][0]) + 1 + int(rng.integers(len(codes) - 1)))
                               % len(codes)] for c in take(int(args.change * 0.5 * total))}
    plan["split"] = {c: codes[int(rng.integers(len(codes)))] for c in take(int(args.change * 0.25 * total))}
    plan["merge_2020"] = take(int(args.change * 0.25 * total / 2), need_east=True)
    os.makedirs(args.out, exist_ok=True)
    base = build_year(grid, classes, plan, second=False)
    write(os.path.join(args.out, "landuse_2010.gpkg"), base, 2010, rng)
    # Boundary adjustments of the change survey: 3 % of the interior edges get new vertices.
    moved = rng.random(grid.h_wiggle.shape[:2]) < 0.03
    grid.h_wiggle[moved] = rng.uniform(-0.06, 0.06, size=(int(moved.sum()), WIGGLE))
    moved_v = rng.random(grid.v_wiggle.shape[:2]) < 0.03
    grid.v_wiggle[moved_v] = rng.uniform(-0.06, 0.06, size=(int(moved_v.sum()), WIGGLE))
    target = build_year(grid, classes, plan, second=True)
    write(os.path.join(args.out, "landuse_2020.gpkg"), target, 2020, rng)
    size = n * SPACING
    manifest = {
        "SYNTHETIC": "synthetic 三调-shaped land use for benchmarks; not real data",
        "generator": "bench/make_sandiao_data.py", "kind": "sandiao",
        "params": {"scale": n, "cells": n, "change": args.change, "seed": args.seed, "spacing_m": SPACING,
                   "wiggle_vertices": WIGGLE},
        "region": {"xmin": X0, "ymin": Y0, "xmax": X0 + size, "ymax": Y0 + size, "epsg": 4527},
        "label": "SYNTHETIC 三调-shaped county package (bench/make_sandiao_data.py)",
        "crs": "EPSG:4527",
        "counts": {"landuse_2010": len(base), "landuse_2020": len(target)},
        "mean_vertices_2010": float(np.mean([sum(len(r) for r in p[0]) for p in base[:5000]])),
        "seconds": round(time.monotonic() - started, 1),
    }
    with open(os.path.join(args.out, "sample_manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(json.dumps(manifest, ensure_ascii=False))


if __name__ == "__main__":
    main()
