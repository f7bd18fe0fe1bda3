#!/usr/bin/python3
"""Deterministic generator of SYNTHETIC demo data for Guotu (国土).

SYNTHETIC DEMO DATA - not real. Every zone name, code, GDP figure, population
figure and land-use parcel produced here is invented from a seeded random
number generator; nothing describes a real place.

What it writes into ``--out DIR`` (never into the source tree):

* ``zones.gpkg``         layer ``zones``: ~150 county-like (Multi)Polygons that
  tile the square region exactly, with ``code``, ``name``, ``gdp`` and
  ``population`` attributes.
* ``landuse_2010.gpkg`` / ``landuse_2020.gpkg``  layer ``landuse``: a jittered
  lattice of ~600 m quadrilateral parcels with an Integer ``lucc_code``
  (CAS_LUCC classes).  The two years use different jitter, so their
  geometries differ, and designed land-use changes give both gains and
  losses of ecological land per zone.
* ``landuse_2010.tif`` / ``landuse_2020.tif``  30 m Byte rasters (nodata 255)
  made by ``gdal.RasterizeLayer`` from the parcel layers.
* ``urban_2020.gpkg``    layer ``urban``: urban-space mask polygons.
* ``sample_manifest.json`` parameters, counts and file sizes; written LAST so
  its presence means the set is complete.

CRS is CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527).  The region is a
square of 120 km x ``--scale`` centred near the 117E central meridian
(x = 39,500,000 m).

Usage::

    /usr/bin/python3 resources/sample_data/generate_sample.py --out build/sample
    /usr/bin/python3 resources/sample_data/generate_sample.py --out /tmp/s5 --scale 5

Same ``--seed`` and ``--scale`` always give identical attribute values and
identical coordinates: all randomness comes from ``numpy.random.RandomState``
streams derived from the seed (never from time or an unseeded generator).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import sys
import time
from collections import defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

# Bump whenever the output for a given seed/scale changes, so stale
# manifests from an older generator never cause a "skip".
GENERATOR_VERSION = 1
SYNTHETIC_LABEL = "SYNTHETIC DEMO DATA - not real"

EPSG_CODE = 4527
# Centre a multiple of 300 m next to the central meridian (39,500,000): then
# the region origin (centre - n*300) is a multiple of 30 m for every scale, so
# the 30 m raster lies on the global 30 m grid.
CENTRE_X = 39_499_800.0
CENTRE_Y = 4_350_000.0
BASE_SIDE_M = 120_000.0
PARCEL_M = 600.0
PIXEL_M = 30.0
ZONE_LATTICE = 120           # zone cells per side at every scale (~1 km at scale 1)
N_ZONES = 150
N_URBAN = 3
LATTICE_JITTER = 0.3         # fraction of a cell; < 0.5 keeps every quad simple
NODATA = 255
TXN_BATCH = 100_000
NULL_FRACTION = 0.001
# City radii as fractions of the mean zone radius (cities grow 2010 -> 2020).
URBAN_R2010 = 0.55
URBAN_R2020 = 0.80
YEARS = (2010, 2020)

ZONES_FILE = "zones.gpkg"
URBAN_FILE = "urban_2020.gpkg"
MANIFEST_FILE = "sample_manifest.json"

LUCC_CLASSES: dict[int, str] = {
    11: "水田", 12: "旱地",
    21: "有林地", 22: "灌木林", 23: "疏林地", 24: "其他林地",
    31: "高覆盖度草地", 32: "中覆盖度草地", 33: "低覆盖度草地",
    41: "河渠", 42: "湖泊", 43: "水库坑塘", 46: "滩地",
    51: "城镇用地", 52: "农村居民点", 53: "其他建设用地",
    61: "沙地", 64: "沼泽地", 65: "裸土地",
}
ECOLOGICAL_CODES = (21, 22, 23, 24, 31, 32, 33, 41, 42, 43, 46, 64)
FARMLAND_CODES = (11, 12)
WATER_CODES = (41, 42, 43)
BUILT_CODES = (51, 52, 53)

LUCC_COLOURS: dict[int, tuple[int, int, int]] = {
    11: (255, 230, 110), 12: (245, 200, 60),
    21: (0, 110, 40), 22: (60, 150, 60), 23: (120, 180, 90), 24: (160, 210, 120),
    31: (140, 210, 60), 32: (180, 225, 110), 33: (215, 240, 170),
    41: (30, 110, 230), 42: (40, 90, 200), 43: (90, 150, 240), 46: (170, 210, 240),
    51: (220, 30, 30), 52: (240, 120, 100), 53: (160, 60, 120),
    61: (240, 230, 190), 64: (80, 180, 190), 65: (190, 180, 170),
}

# Zone roles drive the designed 2010 -> 2020 changes.
ROLE_STABLE, ROLE_URBAN, ROLE_DEVELOP, ROLE_GREEN, ROLE_WETLAND = range(5)
ROLE_NAMES = {ROLE_URBAN: "urban", ROLE_DEVELOP: "develop",
              ROLE_GREEN: "grain_for_green", ROLE_WETLAND: "wetland_restoration"}

# Independent random streams: changing how one component draws numbers
# never reshuffles another component.
STREAMS = {"zones": 1, "landscape": 2, "roles": 3, "attributes": 4,
           "parcels": 5, "nulls": 6, "urban": 7}


def rng_for(seed: int, stream: str, *extra: int) -> np.random.RandomState:
    """Seeded generator for one named purpose (the only source of randomness)."""
    return np.random.RandomState([seed, STREAMS[stream], *extra])


# --------------------------------------------------------------------------
# Region and lattices
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Region:
    """Square study region; side is a whole number of parcels."""

    xmin: float
    ymin: float
    side: float

    @property
    def xmax(self) -> float:
        return self.xmin + self.side

    @property
    def ymax(self) -> float:
        return self.ymin + self.side

    @property
    def n_parcels(self) -> int:
        return int(round(self.side / PARCEL_M))

    @property
    def n_pixels(self) -> int:
        return int(round(self.side / PIXEL_M))

    def to_unit(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Normalised coordinates (0..1) so large-scale patterns scale with the region."""
        return (x - self.xmin) / self.side, (y - self.ymin) / self.side

    def as_dict(self) -> dict[str, float]:
        return {"xmin": self.xmin, "ymin": self.ymin, "xmax": self.xmax,
                "ymax": self.ymax, "side_m": self.side}


def make_region(scale: float) -> Region:
    """Region of ~120 km * scale per side, a whole number of 600 m parcels."""
    n = max(4, int(round(BASE_SIDE_M * scale / PARCEL_M)))
    side = n * PARCEL_M
    return Region(CENTRE_X - side / 2, CENTRE_Y - side / 2, side)


def jittered_lattice(rng: np.random.RandomState, region: Region, n: int,
                     amp: float = LATTICE_JITTER) -> tuple[np.ndarray, np.ndarray]:
    """(n+1)x(n+1) vertex lattice (row 0 = south), each vertex jittered once.

    Cells built from these shared vertices tile the region exactly: a vertex
    is stored once, so neighbours see bit-identical coordinates.
    """
    idx = np.arange(n + 1, dtype=np.float64)
    # side*i/n is exact at i = n, so the outer vertices hit the region edge.
    base_x = region.xmin + region.side * idx / n
    base_y = region.ymin + region.side * idx / n
    cell = region.side / n
    jx = rng.uniform(-amp, amp, size=(n + 1, n + 1)) * cell
    jy = rng.uniform(-amp, amp, size=(n + 1, n + 1)) * cell
    # Edge vertices may only slide along their edge, so the outline stays the
    # exact rectangle (corners do not move at all).
    jx[:, 0] = 0.0
    jx[:, n] = 0.0
    jy[0, :] = 0.0
    jy[n, :] = 0.0
    vx = base_x[None, :] + jx
    vy = base_y[:, None] + jy
    return vx, vy


def cell_centres(vx: np.ndarray, vy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vertex-average of each lattice cell (inside the cell for these quads)."""
    cx = (vx[:-1, :-1] + vx[:-1, 1:] + vx[1:, 1:] + vx[1:, :-1]) / 4.0
    cy = (vy[:-1, :-1] + vy[:-1, 1:] + vy[1:, 1:] + vy[1:, :-1]) / 4.0
    return cx, cy


# --------------------------------------------------------------------------
# Smooth noise fields
# --------------------------------------------------------------------------

class ValueNoise:
    """Low-resolution random grid, smoothly upsampled over the unit square.

    Cheap, vectorised and deterministic; gives coherent regions instead of
    salt-and-pepper classes.
    """

    def __init__(self, rng: np.random.RandomState, cells: int) -> None:
        self.cells = max(1, int(cells))
        self.grid = rng.random_sample((self.cells + 1, self.cells + 1))

    def __call__(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        n = self.cells
        gx = np.clip(u, 0.0, 1.0) * n
        gy = np.clip(v, 0.0, 1.0) * n
        i = np.minimum(gx.astype(np.intp), n - 1)
        j = np.minimum(gy.astype(np.intp), n - 1)
        fx = gx - i
        fy = gy - j
        # Smoothstep weights hide the lattice creases of plain bilinear.
        fx = fx * fx * (3.0 - 2.0 * fx)
        fy = fy * fy * (3.0 - 2.0 * fy)
        g = self.grid
        bottom = g[j, i] * (1.0 - fx) + g[j, i + 1] * fx
        top = g[j + 1, i] * (1.0 - fx) + g[j + 1, i + 1] * fx
        return bottom * (1.0 - fy) + top * fy


def cells_for_wavelength(region: Region, wavelength_m: float) -> int:
    """Noise grid size giving features of a fixed size in metres at any scale."""
    return max(1, int(math.ceil(region.side / wavelength_m)))


@dataclass
class River:
    """Meandering centreline v = a + b*u + amp*sin(2*pi*freq*u + phase)."""

    a: float
    b: float
    amp: float
    freq: float
    phase: float

    def distance_m(self, u: np.ndarray, v: np.ndarray, side: float) -> np.ndarray:
        arg = 2.0 * math.pi * self.freq * u + self.phase
        centre = self.a + self.b * u + self.amp * np.sin(arg)
        slope = self.b + self.amp * 2.0 * math.pi * self.freq * np.cos(arg)
        # Vertical offset projected onto the normal: good enough for bands.
        return np.abs(v - centre) * side / np.sqrt(1.0 + slope * slope)


@dataclass
class Lake:
    """Rotated ellipse in unit coordinates."""

    cu: float
    cv: float
    ra: float
    rb: float
    angle: float

    def norm_distance(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        du, dv = u - self.cu, v - self.cv
        c, s = math.cos(self.angle), math.sin(self.angle)
        a = (du * c + dv * s) / self.ra
        b = (-du * s + dv * c) / self.rb
        return np.sqrt(a * a + b * b)


@dataclass
class Fields:
    """Static landscape shared by both years (only designed changes differ)."""

    region: Region
    elev_broad: ValueNoise
    elev_tex: ValueNoise
    moist_broad: ValueNoise
    moist_tex: ValueNoise
    detail: ValueNoise
    settle: ValueNoise
    other: ValueNoise
    resv: ValueNoise
    sand: ValueNoise
    park: ValueNoise
    green: ValueNoise
    develop: ValueNoise
    rivers: list[River] = field(default_factory=list)
    lakes: list[Lake] = field(default_factory=list)
    q: dict[str, float] = field(default_factory=dict)

    def elevation(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        # Ramp puts mountains in the north-west (Taihang/Yanshan-like) and
        # plains in the south-east; noise makes the foothill line irregular.
        ramp = ((1.0 - u) + v) * 0.5
        return 0.5 * ramp + 0.33 * self.elev_broad(u, v) + 0.17 * self.elev_tex(u, v)

    def moisture(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return 0.7 * self.moist_broad(u, v) + 0.3 * self.moist_tex(u, v)

    def river_distance(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        d = np.full(np.shape(u), np.inf)
        for river in self.rivers:
            d = np.minimum(d, river.distance_m(u, v, self.region.side))
        return d

    def lake_distance(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        wobble = 1.0 + 0.3 * (self.detail(u, v) - 0.5)
        d = np.full(np.shape(u), np.inf)
        for lake in self.lakes:
            d = np.minimum(d, lake.norm_distance(u, v) * wobble)
        return d


def reference_grid(n: int = 301) -> tuple[np.ndarray, np.ndarray]:
    """Fixed sample points for calibrating thresholds (independent of parcels,
    so both years use the same thresholds)."""
    t = (np.arange(n) + 0.5) / n
    u, v = np.meshgrid(t, t)
    return u.ravel(), v.ravel()


def make_fields(rng: np.random.RandomState, region: Region) -> Fields:
    """Create all noise fields, rivers, lakes and calibrated thresholds."""
    f = Fields(
        region=region,
        elev_broad=ValueNoise(rng, 4),
        elev_tex=ValueNoise(rng, cells_for_wavelength(region, 6000.0)),
        moist_broad=ValueNoise(rng, 5),
        moist_tex=ValueNoise(rng, cells_for_wavelength(region, 4000.0)),
        detail=ValueNoise(rng, cells_for_wavelength(region, 2000.0)),
        settle=ValueNoise(rng, cells_for_wavelength(region, 2400.0)),
        other=ValueNoise(rng, cells_for_wavelength(region, 2000.0)),
        resv=ValueNoise(rng, cells_for_wavelength(region, 3000.0)),
        sand=ValueNoise(rng, 3),
        park=ValueNoise(rng, cells_for_wavelength(region, 1500.0)),
        green=ValueNoise(rng, cells_for_wavelength(region, 3000.0)),
        develop=ValueNoise(rng, cells_for_wavelength(region, 3000.0)),
    )
    f.q = calibrate_thresholds(f)
    f.rivers = make_rivers(rng)
    f.lakes = make_lakes(rng, f)
    return f


def calibrate_thresholds(f: Fields) -> dict[str, float]:
    """Quantile thresholds so class shares are stable across seeds."""
    u, v = reference_grid()
    e, m = f.elevation(u, v), f.moisture(u, v)
    q: dict[str, float] = {}
    for name, p in (("e_low", 0.35), ("e50", 0.5), ("e_orch", 0.62),
                    ("e_grass", 0.68), ("e_forest", 0.78), ("e_bare", 0.985)):
        q[name] = float(np.quantile(e, p))
    for p in (25, 30, 35, 40, 45, 50, 55, 60):
        q[f"m{p}"] = float(np.quantile(m, p / 100.0))
    for name, noise, p in (("settle", f.settle, 0.955), ("other", f.other, 0.993),
                           ("resv", f.resv, 0.985), ("sand", f.sand, 0.97),
                           ("park", f.park, 0.85), ("green", f.green, 0.45),
                           ("develop", f.develop, 0.70)):
        q[name] = float(np.quantile(noise(u, v), p))
    return q


def make_rivers(rng: np.random.RandomState) -> list[River]:
    """One river from the NW mountains to the SE, one roughly west-east."""
    return [
        River(a=rng.uniform(0.75, 0.85), b=rng.uniform(-0.7, -0.5),
              amp=0.03, freq=rng.uniform(1.5, 2.5), phase=rng.uniform(0, 2 * math.pi)),
        River(a=rng.uniform(0.22, 0.32), b=rng.uniform(-0.12, 0.12),
              amp=0.025, freq=rng.uniform(2.0, 3.0), phase=rng.uniform(0, 2 * math.pi)),
    ]


def make_lakes(rng: np.random.RandomState, f: Fields, count: int = 3) -> list[Lake]:
    """A few lakes in the plains, away from rivers and from each other."""
    lakes: list[Lake] = []
    for _ in range(2000):  # bounded, deterministic rejection sampling
        if len(lakes) == count:
            break
        cu, cv = rng.uniform(0.12, 0.88, size=2)
        ra = rng.uniform(0.018, 0.03)
        lake = Lake(cu, cv, ra, ra * rng.uniform(0.6, 1.0), rng.uniform(0, math.pi))
        pu, pv = np.array([cu]), np.array([cv])
        if f.elevation(pu, pv)[0] > f.q["e_low"]:
            continue
        if f.river_distance(pu, pv)[0] < 0.06 * f.region.side:
            continue
        if any(math.hypot(cu - o.cu, cv - o.cv) < 0.18 for o in lakes):
            continue
        lakes.append(lake)
    return lakes


# --------------------------------------------------------------------------
# Zones: label a jittered lattice, then trace boundary rings
# --------------------------------------------------------------------------

@dataclass
class Zones:
    labels: np.ndarray       # (n, n) zone index per lattice cell, row 0 = south
    vx: np.ndarray           # (n+1, n+1) shared vertex coordinates
    vy: np.ndarray
    centres: np.ndarray      # (N_ZONES, 2) a cell centre inside each zone
    geometries: list[ogr.Geometry] = field(default_factory=list)

    @property
    def n(self) -> int:
        return self.labels.shape[0]


def lloyd_labels(rng: np.random.RandomState, pts: np.ndarray, n_zones: int,
                 iterations: int = 8) -> np.ndarray:
    """Nearest-seed labels after Lloyd relaxation (even, county-sized zones)."""
    seeds = rng.uniform(0.0, 1.0, size=(n_zones, 2))
    labels = np.zeros(len(pts), dtype=np.intp)
    for it in range(iterations + 1):
        d2 = ((pts[:, None, :] - seeds[None, :, :]) ** 2).sum(axis=2)
        labels = np.argmin(d2, axis=1)
        counts = np.bincount(labels, minlength=n_zones)
        if it == iterations and counts.min() > 0:
            break
        for z in range(n_zones):
            if counts[z] > 0:
                seeds[z] = pts[labels == z].mean(axis=0)
            else:
                # Empty seed: restart it inside the biggest zone.
                big = int(np.argmax(counts))
                members = np.flatnonzero(labels == big)
                seeds[z] = pts[members[rng.randint(len(members))]]
    return labels


def components(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    """4-connected components of a boolean grid (BFS; grids are small)."""
    seen = np.zeros_like(mask, dtype=bool)
    out: list[list[tuple[int, int]]] = []
    ny, nx = mask.shape
    for r0, c0 in zip(*np.nonzero(mask)):
        if seen[r0, c0]:
            continue
        comp: list[tuple[int, int]] = []
        queue = deque([(int(r0), int(c0))])
        seen[r0, c0] = True
        while queue:
            r, c = queue.popleft()
            comp.append((r, c))
            for rr, cc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
                if 0 <= rr < ny and 0 <= cc < nx and mask[rr, cc] and not seen[rr, cc]:
                    seen[rr, cc] = True
                    queue.append((rr, cc))
        out.append(comp)
    return out


def enforce_connected(labels: np.ndarray, n_zones: int) -> np.ndarray:
    """Give stray fragments to a neighbour so each zone is one piece."""
    labels = labels.copy()
    for z in range(n_zones):
        comps = sorted(components(labels == z), key=len, reverse=True)
        for comp in comps[1:]:
            for r, c in comp:
                labels[r, c] = -1
    ny, nx = labels.shape
    while (labels < 0).any():
        for r, c in zip(*np.nonzero(labels < 0)):
            neigh = [labels[rr, cc] for rr, cc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1))
                     if 0 <= rr < ny and 0 <= cc < nx and labels[rr, cc] >= 0]
            if neigh:
                vals, counts = np.unique(neigh, return_counts=True)
                labels[r, c] = vals[np.argmax(counts)]  # ties -> smallest label
    return labels


def order_zones(labels: np.ndarray, n_zones: int) -> np.ndarray:
    """Renumber zones north-to-south in bands, west-to-east, so codes read
    like a map (139001 in the north-west)."""
    n = labels.shape[0]
    rows, cols = np.indices(labels.shape)
    counts = np.bincount(labels.ravel(), minlength=n_zones)
    mean_r = np.bincount(labels.ravel(), rows.ravel(), n_zones) / counts
    mean_c = np.bincount(labels.ravel(), cols.ravel(), n_zones) / counts
    band = ((n - mean_r) / (n / 10.0)).astype(int)
    order = sorted(range(n_zones), key=lambda z: (band[z], mean_c[z], z))
    remap = np.empty(n_zones, dtype=np.intp)
    remap[order] = np.arange(n_zones)
    return remap[labels]


def representative_cells(labels: np.ndarray, n_zones: int) -> list[tuple[int, int]]:
    """Cell of each zone nearest its mean position (a point surely inside)."""
    out = []
    for z in range(n_zones):
        rs, cs = np.nonzero(labels == z)
        k = int(np.argmin((rs - rs.mean()) ** 2 + (cs - cs.mean()) ** 2))
        out.append((int(rs[k]), int(cs[k])))
    return out


# Directions in counter-clockwise order, so (d + 1) % 4 is a left turn.
DIRS = ((1, 0), (0, 1), (-1, 0), (0, -1))  # E, N, W, S as (dx, dy) in vertex index


def boundary_edges(mask: np.ndarray) -> list[tuple[int, int, int]]:
    """Directed cell edges (ix, iy, dir) with the zone on their left."""
    p = np.pad(mask, 1, constant_values=False)
    inner = p[1:-1, 1:-1]
    edges: list[tuple[int, int, int]] = []
    # (neighbour slice, start-vertex offset, direction) for each cell side.
    sides = ((p[:-2, 1:-1], (0, 0), 0),   # south side, run east
             (p[1:-1, 2:], (1, 0), 1),    # east side, run north
             (p[2:, 1:-1], (1, 1), 2),    # north side, run west
             (p[1:-1, :-2], (0, 1), 3))   # west side, run south
    for neighbour, (ox, oy), d in sides:
        rs, cs = np.nonzero(inner & ~neighbour)
        edges.extend((int(c) + ox, int(r) + oy, d) for r, c in zip(rs, cs))
    return edges


def trace_rings(mask: np.ndarray) -> list[list[tuple[int, int]]]:
    """Closed boundary rings (vertex indices) of a cell set.

    Where the set touches itself diagonally, always taking the left-most turn
    keeps the two rings apart (they only touch at that vertex), which is valid
    OGC; the other choice would make a self-touching, invalid ring.
    """
    edges = sorted(boundary_edges(mask))
    out_dirs: dict[tuple[int, int], list[int]] = defaultdict(list)
    for ix, iy, d in edges:
        out_dirs[(ix, iy)].append(d)
    used: set[tuple[int, int, int]] = set()
    rings: list[list[tuple[int, int]]] = []
    for start in edges:
        if start in used:
            continue
        ring: list[tuple[int, int]] = []
        edge = start
        while edge not in used:
            used.add(edge)
            ix, iy, d = edge
            ring.append((ix, iy))
            nx_, ny_ = ix + DIRS[d][0], iy + DIRS[d][1]
            options = out_dirs[(nx_, ny_)]
            nd = next(t for t in ((d + 1) % 4, d, (d + 3) % 4) if t in options)
            edge = (nx_, ny_, nd)
        rings.append(ring)
    return rings


def signed_area_index(ring: Sequence[tuple[int, int]]) -> int:
    """Twice the signed area in integer index space (exact orientation test)."""
    s = 0
    for (x0, y0), (x1, y1) in zip(ring, list(ring[1:]) + [ring[0]]):
        s += x0 * y1 - x1 * y0
    return s


def ring_geometry(ring: Sequence[tuple[int, int]], vx: np.ndarray, vy: np.ndarray) -> ogr.Geometry:
    g = ogr.Geometry(ogr.wkbLinearRing)
    for ix, iy in list(ring) + [ring[0]]:
        g.AddPoint_2D(float(vx[iy, ix]), float(vy[iy, ix]))
    return g


def zone_geometry(mask: np.ndarray, vx: np.ndarray, vy: np.ndarray) -> ogr.Geometry:
    """MultiPolygon of one zone built straight from its boundary rings, so
    shared edges reuse the very same lattice vertices as the neighbour."""
    rings = trace_rings(mask)
    shells = [r for r in rings if signed_area_index(r) > 0]
    holes = [r for r in rings if signed_area_index(r) < 0]
    polys = []
    for shell in shells:
        poly = ogr.Geometry(ogr.wkbPolygon)
        poly.AddGeometry(ring_geometry(shell, vx, vy))
        polys.append(poly)
    for hole in holes:
        hole_poly = ogr.Geometry(ogr.wkbPolygon)
        hole_poly.AddGeometry(ring_geometry(hole, vx, vy))
        owner = 0 if len(polys) == 1 else next(
            (k for k, p in enumerate(polys) if p.Contains(hole_poly)), 0)
        polys[owner].AddGeometry(ring_geometry(hole, vx, vy))
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for poly in polys:
        multi.AddGeometry(poly)
    if not multi.IsValid():
        raise RuntimeError("generated zone geometry is invalid")
    return multi


def make_zones(rng: np.random.RandomState, region: Region) -> Zones:
    """~150 county-like zones tiling the region on a jittered lattice."""
    n = ZONE_LATTICE
    vx, vy = jittered_lattice(rng, region, n)
    cx, cy = cell_centres(vx, vy)
    u, v = region.to_unit(cx, cy)
    # Domain warping bends the straight Voronoi borders into county-like ones.
    warp_x, warp_y = ValueNoise(rng, 10), ValueNoise(rng, 10)
    wu = u + 0.05 * (warp_x(u, v) - 0.5)
    wv = v + 0.05 * (warp_y(u, v) - 0.5)
    pts = np.column_stack([wu.ravel(), wv.ravel()])
    labels = lloyd_labels(rng, pts, N_ZONES).reshape(n, n)
    labels = enforce_connected(labels, N_ZONES)
    labels = order_zones(labels, N_ZONES)
    reps = representative_cells(labels, N_ZONES)
    centres = np.array([[cx[r, c], cy[r, c]] for r, c in reps])
    zones = Zones(labels=labels, vx=vx, vy=vy, centres=centres)
    zones.geometries = [zone_geometry(labels == z, vx, vy) for z in range(N_ZONES)]
    return zones


def zone_adjacency(labels: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of zones sharing a lattice edge."""
    pairs = set()
    for a, b in ((labels[:, :-1], labels[:, 1:]), (labels[:-1, :], labels[1:, :])):
        diff = a != b
        for p, q in zip(a[diff], b[diff]):
            pairs.add((int(min(p, q)), int(max(p, q))))
    return pairs


# --------------------------------------------------------------------------
# Settlements, roles and the land-use classifier
# --------------------------------------------------------------------------

@dataclass
class UrbanCentre:
    """City with a star-shaped outline r(theta) (always a simple polygon)."""

    zone: int
    x: float
    y: float
    r2010: float
    r2020: float
    harmonics: list[tuple[int, float, float]]

    def shape_factor(self, theta: np.ndarray) -> np.ndarray:
        f = np.ones_like(theta)
        for k, a, phase in self.harmonics:
            f = f + a * np.cos(k * theta + phase)
        return f

    def mask_radius(self) -> float:
        # Urban-space mask is slightly wider than the 2020 built-up area.
        return 1.08 * self.r2020


@dataclass
class Landscape:
    """Everything the per-parcel classifier needs (picklable for workers)."""

    region: Region
    fields: Fields
    labels: np.ndarray          # zone lattice labels for point -> zone lookup
    towns: np.ndarray           # (N_ZONES, 3) x, y, radius of county seats
    urban: list[UrbanCentre]
    roles: np.ndarray           # (N_ZONES,) ROLE_*

    def zone_of(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Approximate zone lookup on the unjittered lattice; only used to
        decide where designed changes happen, so border precision is moot."""
        n = self.labels.shape[0]
        cell = self.region.side / n
        c = np.clip(((x - self.region.xmin) / cell).astype(np.intp), 0, n - 1)
        r = np.clip(((y - self.region.ymin) / cell).astype(np.intp), 0, n - 1)
        return self.labels[r, c]


def mean_zone_radius(region: Region) -> float:
    return region.side / math.sqrt(N_ZONES * math.pi)


def pick_urban_zones(rng: np.random.RandomState, zones: Zones, f: Fields) -> list[int]:
    """Low-lying interior zones far apart from each other and from lakes.

    The centre also keeps off the river core, otherwise at small scales the
    (fixed-width) river would swallow much of the city.
    """
    lab = zones.labels
    edge = set(np.unique(np.concatenate([lab[0], lab[-1], lab[:, 0], lab[:, -1]])).tolist())
    u, v = f.region.to_unit(zones.centres[:, 0], zones.centres[:, 1])
    elev = f.elevation(u, v) + rng.uniform(0.0, 0.02, size=len(u))
    lake_d = f.lake_distance(u, v)
    river_clear = f.river_distance(u, v) > 0.6 * URBAN_R2020 * mean_zone_radius(f.region) + 500.0
    chosen: list[int] = []
    for z in np.argsort(elev, kind="stable"):
        if int(z) in edge or lake_d[z] < 3.0 or not river_clear[z]:
            continue
        if all(math.hypot(u[z] - u[c], v[z] - v[c]) >= 0.28 for c in chosen):
            chosen.append(int(z))
        if len(chosen) == N_URBAN:
            break
    return chosen


def make_urban_centres(rng: np.random.RandomState, zones: Zones, f: Fields) -> list[UrbanCentre]:
    rz = mean_zone_radius(f.region)
    centres = []
    for z in pick_urban_zones(rng, zones, f):
        harmonics = [(k, float(rng.uniform(0.04, 0.09)), float(rng.uniform(0, 2 * math.pi)))
                     for k in (2, 3, 4, 5)]
        size = rng.uniform(0.9, 1.1)
        centres.append(UrbanCentre(zone=z, x=float(zones.centres[z, 0]),
                                   y=float(zones.centres[z, 1]), r2010=URBAN_R2010 * rz * size,
                                   r2020=URBAN_R2020 * rz * size, harmonics=harmonics))
    return centres


def make_towns(rng: np.random.RandomState, zones: Zones, urban: list[UrbanCentre],
               region: Region) -> np.ndarray:
    """A small county-seat town (class 51) at each non-urban zone centre."""
    rz = mean_zone_radius(region)
    radius = 0.14 * rz * rng.uniform(0.8, 1.2, size=N_ZONES)
    for c in urban:
        radius[c.zone] = 0.0  # the city itself takes the place of the seat
    return np.column_stack([zones.centres, radius])


def base_cover(f: Fields, u: np.ndarray, v: np.ndarray, e: np.ndarray, m: np.ndarray,
               river_d: np.ndarray, lake_d: np.ndarray) -> np.ndarray:
    """Terrain-driven classes: farmland plains, orchards, grass, forest."""
    q = f.q
    code = np.full(u.shape, 12, dtype=np.uint8)
    near_water = (river_d < 6000.0) | (lake_d < 2.5)
    code[near_water & (m > q["m50"]) & (e < q["e_orch"])] = 11
    code[(e >= q["e_orch"]) & (e < q["e_grass"]) & (f.detail(u, v) > 0.5)] = 24
    grass = (e >= q["e_grass"]) & (e < q["e_forest"])
    code[grass] = np.where(m > q["m55"], 31, np.where(m > q["m30"], 32, 33))[grass]
    forest = e >= q["e_forest"]
    code[forest] = np.where(m > q["m45"], 21, np.where(m > q["m25"], 22, 23))[forest]
    code[(e >= q["e_bare"]) & (m < q["m60"])] = 65
    code[(f.sand(u, v) > q["sand"]) & (e < q["e_grass"]) & (m < q["m40"])] = 61
    return code


def add_scattered(f: Fields, code: np.ndarray, u: np.ndarray, v: np.ndarray,
                  e: np.ndarray) -> None:
    """Villages, small industrial/mining sites and reservoirs."""
    q = f.q
    code[np.isin(code, FARMLAND_CODES) & (f.settle(u, v) > q["settle"])] = 52
    code[np.isin(code, (11, 12, 31, 32, 33)) & (f.other(u, v) > q["other"])] = 53
    code[(e >= q["e_orch"]) & (e < q["e_forest"]) & (f.resv(u, v) > q["resv"])] = 43


def add_towns(land: Landscape, code: np.ndarray, x: np.ndarray, y: np.ndarray,
              zone: np.ndarray, wobble: np.ndarray, year: int) -> None:
    t = land.towns[zone]
    grow = 1.12 if year >= 2020 else 1.0
    d = np.hypot(x - t[:, 0], y - t[:, 1]) * wobble
    code[d < t[:, 2] * grow] = 51


def add_urban(land: Landscape, code: np.ndarray, x: np.ndarray, y: np.ndarray,
              u: np.ndarray, v: np.ndarray, wobble: np.ndarray, year: int) -> None:
    """Cities: 2010 core with a green suburban ring that 2020 urbanises."""
    f, q = land.fields, land.fields.q
    park = f.park(u, v) > q["park"]
    for c in land.urban:
        dx, dy = x - c.x, y - c.y
        d = np.hypot(dx, dy) * wobble
        shape = c.shape_factor(np.arctan2(dy, dx))
        rel10 = d / (c.r2010 * shape)
        rel20 = d / (c.r2020 * shape)
        if year < 2020:
            code[rel10 < 1.0] = 51
            ring = (rel10 >= 1.0) & (rel20 < 1.0) & (f.green(u, v) > 0.45)
            # Suburban woodland/grass is the ecological land the city eats.
            code[ring] = np.where(f.detail(u, v) > 0.5, 24, 32)[ring]
        else:
            code[rel20 < 1.0] = 51
            code[(rel20 >= 1.0) & (rel20 < 1.35) & (f.develop(u, v) > q["develop"])] = 53
        # Parks persist in both years: ecological land inside urban space.
        code[(rel10 < 0.85) & park] = 31


def apply_zone_changes(land: Landscape, code: np.ndarray, zone: np.ndarray, u: np.ndarray,
                       v: np.ndarray, e: np.ndarray, river_d: np.ndarray,
                       lake_d: np.ndarray) -> None:
    """Designed 2010 -> 2020 changes so zones gain or lose ecological land."""
    f, q = land.fields, land.fields.q
    role = land.roles[zone]
    dev = (role == ROLE_DEVELOP) & ~np.isin(code, WATER_CODES) & (f.develop(u, v) > q["develop"])
    code[dev] = 53
    green = (role == ROLE_GREEN) & np.isin(code, FARMLAND_CODES) & (f.green(u, v) > q["green"])
    code[green] = np.where(e >= q["e50"], 21, np.where(f.detail(u, v) > 0.5, 24, 31))[green]
    wet = ((role == ROLE_WETLAND) & np.isin(code, (11, 12, 52))
           & ((lake_d < 1.9) | (river_d < 2500.0)))
    code[wet] = 64


def add_water(f: Fields, code: np.ndarray, m: np.ndarray, e: np.ndarray,
              river_d: np.ndarray, lake_d: np.ndarray) -> None:
    """Lakes with marsh fringes, rivers with flood-plain (滩地) banks."""
    q = f.q
    built = np.isin(code, BUILT_CODES)
    code[(lake_d >= 1.0) & (lake_d < 1.35) & (m > q["m35"]) & ~built] = 64
    code[lake_d < 1.0] = 42
    code[(river_d < 1100.0) & (e < q["e_grass"]) & ~built] = 46
    code[river_d < 420.0] = 41


def classify(land: Landscape, x: np.ndarray, y: np.ndarray, year: int) -> np.ndarray:
    """CAS_LUCC code at points (parcel centres) for the given year.

    The landscape is a pure function of position, so the two years agree
    wherever no designed change applies, even though parcels differ.
    """
    f = land.fields
    u, v = land.region.to_unit(x, y)
    e, m = f.elevation(u, v), f.moisture(u, v)
    river_d, lake_d = f.river_distance(u, v), f.lake_distance(u, v)
    wobble = 1.0 + 0.35 * (f.detail(u, v) - 0.5)
    zone = land.zone_of(x, y)
    code = base_cover(f, u, v, e, m, river_d, lake_d)
    add_scattered(f, code, u, v, e)
    add_towns(land, code, x, y, zone, wobble, year)
    add_urban(land, code, x, y, u, v, wobble, year)
    if year >= 2020:
        apply_zone_changes(land, code, zone, u, v, e, river_d, lake_d)
    add_water(f, code, m, e, river_d, lake_d)
    return code


def assign_roles(rng: np.random.RandomState, land: Landscape, zones: Zones) -> np.ndarray:
    """Pick which zones urbanise, develop, re-green or restore wetland.

    Decided from the 2010 classes on the zone lattice so that each role only
    goes where it has something to act on (e.g. develop needs ecological land).
    """
    cx, cy = cell_centres(zones.vx, zones.vy)
    lab = zones.labels.ravel()
    code = classify(land, cx.ravel(), cy.ravel(), 2010)
    cells = np.bincount(lab, minlength=N_ZONES).astype(float)

    def frac(codes: Sequence[int]) -> np.ndarray:
        return np.bincount(lab, np.isin(code, codes).astype(float), N_ZONES) / cells

    eco, farm, water = frac(ECOLOGICAL_CODES), frac(FARMLAND_CODES), frac((41, 42))
    roles = np.full(N_ZONES, ROLE_STABLE, dtype=np.int8)
    urban = [c.zone for c in land.urban]
    roles[urban] = ROLE_URBAN
    near_urban = {b if a in urban else a for a, b in zone_adjacency(zones.labels)
                  if a in urban or b in urban}

    def choose(candidates: np.ndarray, k: int, role: int) -> None:
        pool = [int(z) for z in np.flatnonzero(candidates)
                if roles[z] == ROLE_STABLE and int(z) not in near_urban]
        if pool:
            pick = rng.choice(pool, size=min(k, len(pool)), replace=False)
            roles[np.sort(pick)] = role

    choose(eco >= 0.30, 12, ROLE_DEVELOP)
    choose((water >= 0.02) & (farm >= 0.30), 5, ROLE_WETLAND)
    choose(farm >= 0.40, 30, ROLE_GREEN)
    return roles


def zone_attributes(rng: np.random.RandomState, roles: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Plausible population (persons) and GDP (yuan); urban zones dominate."""
    pop = np.clip(np.exp(rng.normal(math.log(3.5e5), 0.45, N_ZONES)), 1.2e5, 9.0e5)
    per_capita = rng.uniform(2.8e4, 6.5e4, N_ZONES)
    urban = roles == ROLE_URBAN
    pop[urban] = rng.uniform(1.2e6, 2.0e6, int(urban.sum()))
    per_capita[urban] = rng.uniform(9.0e4, 1.0e5, int(urban.sum()))
    dev = roles == ROLE_DEVELOP
    per_capita[dev] *= 1.3
    pop = np.round(pop).astype(np.int64)
    gdp = np.round(np.clip(pop * per_capita, 5e9, 2e11), -4)
    return pop, gdp


def build_landscape(seed: int, region: Region, zones: Zones) -> Landscape:
    fields = make_fields(rng_for(seed, "landscape"), region)
    urban_rng = rng_for(seed, "urban")
    urban = make_urban_centres(urban_rng, zones, fields)
    towns = make_towns(urban_rng, zones, urban, region)
    land = Landscape(region=region, fields=fields, labels=zones.labels, towns=towns,
                     urban=urban, roles=np.zeros(N_ZONES, dtype=np.int8))
    land.roles = assign_roles(rng_for(seed, "roles"), land, zones)
    return land


# --------------------------------------------------------------------------
# Parcels
# --------------------------------------------------------------------------

WKB_POLYGON_DTYPE = np.dtype([("order", "u1"), ("type", "<u4"), ("rings", "<u4"),
                              ("points", "<u4"), ("xy", "<f8", (10,))])


@dataclass
class Parcels:
    coords: np.ndarray   # (N, 10) closed CCW ring x0,y0,...,x0,y0; row-major from NW
    codes: np.ndarray    # (N,) uint8 lucc_code
    nulls: np.ndarray    # (N,) bool: lucc_code left NULL

    def __len__(self) -> int:
        return len(self.codes)

    def areas(self) -> np.ndarray:
        """Shoelace areas, relative to the first vertex for precision."""
        x = self.coords[:, 0::2] - self.coords[:, :1]
        y = self.coords[:, 1::2] - self.coords[:, 1:2]
        return 0.5 * (x[:, :-1] * y[:, 1:] - x[:, 1:] * y[:, :-1]).sum(axis=1)

    def wkb(self) -> bytes:
        """All polygons as little-endian WKB packed in one buffer (93 B each)."""
        rec = np.zeros(len(self), dtype=WKB_POLYGON_DTYPE)
        rec["order"], rec["type"], rec["rings"], rec["points"] = 1, 3, 1, 5
        rec["xy"] = self.coords
        return rec.tobytes()


def make_parcels(land: Landscape, seed: int, year: int, with_nulls: bool) -> Parcels:
    """Jittered ~600 m lattice with this year's own jitter, then classified."""
    region = land.region
    n = region.n_parcels
    vx, vy = jittered_lattice(rng_for(seed, "parcels", year), region, n)
    # Corners counter-clockwise (SW, SE, NE, NW, SW); rows flipped so FIDs
    # run from the north-west corner like raster rows.
    corners = [(vx[:-1, :-1], vy[:-1, :-1]), (vx[:-1, 1:], vy[:-1, 1:]),
               (vx[1:, 1:], vy[1:, 1:]), (vx[1:, :-1], vy[1:, :-1])]
    parts = []
    for cx, cy in corners + corners[:1]:
        parts.extend([cx[::-1].ravel(), cy[::-1].ravel()])
    coords = np.column_stack(parts)
    mx = coords[:, 0:8:2].mean(axis=1)
    my = coords[:, 1:8:2].mean(axis=1)
    codes = classify(land, mx, my, year)
    nulls = np.zeros(len(codes), dtype=bool)
    if with_nulls:
        k = max(3, int(round(len(codes) * NULL_FRACTION)))
        nulls[rng_for(seed, "nulls", year).choice(len(codes), size=k, replace=False)] = True
    return Parcels(coords=coords, codes=codes, nulls=nulls)


# --------------------------------------------------------------------------
# Output helpers
# --------------------------------------------------------------------------

@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """Yield a temp path in the same dir; rename over ``final`` on success.

    Readers never see a half-written file, and a crash leaves no file with
    the final name.  The temp name keeps the extension so GDAL picks the
    right driver behaviour.
    """
    tmp = final.with_name(f".tmp-{os.getpid()}-{final.name}")
    if tmp.exists():
        tmp.unlink()
    try:
        yield tmp
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            tmp.unlink()


def srs_4527() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG_CODE)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def create_gpkg_layer(path: Path, layer: str, geom_type: int,
                      description: str) -> tuple[gdal.Dataset, ogr.Layer]:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    ds.SetMetadataItem("SYNTHETIC", SYNTHETIC_LABEL)
    lyr = ds.CreateLayer(layer, srs_4527(), geom_type,
                         options=[f"DESCRIPTION={SYNTHETIC_LABEL}. {description}",
                                  f"IDENTIFIER={layer} (synthetic)"])
    lyr.SetMetadataItem("SYNTHETIC", SYNTHETIC_LABEL)
    return ds, lyr


def zone_code(z: int) -> str:
    # 13 = Hebei-like province prefix, 9 = made-up prefecture: clearly fake.
    return f"139{z + 1:03d}"


def zone_name(z: int, role: int) -> str:
    kind = "合成市辖区" if role == ROLE_URBAN else "合成县"
    return f"{kind}{z + 1:03d} (synthetic)"


def write_zones(path: Path, zones: Zones, roles: np.ndarray, pop: np.ndarray,
                gdp: np.ndarray) -> None:
    with atomic_path(path) as tmp:
        ds, lyr = create_gpkg_layer(tmp, "zones", ogr.wkbMultiPolygon,
                                    "County-like zones with made-up GDP (yuan) and population.")
        fields = (("code", ogr.OFTString, 6), ("name", ogr.OFTString, 0),
                  ("gdp", ogr.OFTReal, 0), ("population", ogr.OFTInteger, 0))
        for name, ftype, width in fields:
            fd = ogr.FieldDefn(name, ftype)
            if width:
                fd.SetWidth(width)
            lyr.CreateField(fd)
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for z, geom in enumerate(zones.geometries):
            feat = ogr.Feature(defn)
            feat.SetField("code", zone_code(z))
            feat.SetField("name", zone_name(z, int(roles[z])))
            feat.SetField("gdp", float(gdp[z]))
            feat.SetField("population", int(pop[z]))
            feat.SetGeometry(geom)
            lyr.CreateFeature(feat)
        lyr.CommitTransaction()
        del lyr, ds  # close before the rename


def urban_polygon(c: UrbanCentre, region: Region, n_vertices: int = 96) -> ogr.Geometry:
    """Star-shaped outline of the urban-space mask, clipped to the region."""
    theta = np.arange(n_vertices) * (2.0 * math.pi / n_vertices)
    r = c.mask_radius() * c.shape_factor(theta)
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for t, rr in list(zip(theta, r)) + [(theta[0], r[0])]:
        ring.AddPoint_2D(c.x + rr * math.cos(t), c.y + rr * math.sin(t))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    bbox = ogr.CreateGeometryFromWkt(
        f"POLYGON(({region.xmin} {region.ymin},{region.xmax} {region.ymin},"
        f"{region.xmax} {region.ymax},{region.xmin} {region.ymax},{region.xmin} {region.ymin}))")
    clipped = poly.Intersection(bbox)
    return ogr.ForceToMultiPolygon(clipped)


def write_urban(path: Path, land: Landscape) -> None:
    with atomic_path(path) as tmp:
        ds, lyr = create_gpkg_layer(tmp, "urban", ogr.wkbMultiPolygon,
                                    "Urban-space mask for 2020 (ecological land inside is excluded).")
        lyr.CreateField(ogr.FieldDefn("zone_code", ogr.OFTString))
        lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        defn = lyr.GetLayerDefn()
        for c in land.urban:
            feat = ogr.Feature(defn)
            feat.SetField("zone_code", zone_code(c.zone))
            feat.SetField("name", f"合成城区{c.zone + 1:03d} (synthetic)")
            geom = urban_polygon(c, land.region)
            if not geom.IsValid():
                raise RuntimeError("generated urban polygon is invalid")
            feat.SetGeometry(geom)
            lyr.CreateFeature(feat)
        del lyr, ds  # close before the rename


def write_parcels(path: Path, parcels: Parcels, year: int) -> None:
    """Bulk insert via packed WKB and batched transactions (fast for 1M rows)."""
    blob = parcels.wkb()
    size = WKB_POLYGON_DTYPE.itemsize
    codes = parcels.codes.tolist()
    nulls = parcels.nulls
    any_null = bool(nulls.any())
    with atomic_path(path) as tmp:
        ds, lyr = create_gpkg_layer(tmp, "landuse", ogr.wkbPolygon,
                                    f"Land use {year}, CAS_LUCC lucc_code on ~600 m parcels.")
        lyr.SetMetadataItem("LUCC_CLASSES", json.dumps(LUCC_CLASSES, ensure_ascii=False))
        lyr.CreateField(ogr.FieldDefn("lucc_code", ogr.OFTInteger))
        defn = lyr.GetLayerDefn()
        lyr.StartTransaction()
        for i in range(len(codes)):
            feat = ogr.Feature(defn)
            feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(blob[i * size:(i + 1) * size]))
            if any_null and nulls[i]:
                feat.SetFieldNull(0)
            else:
                feat.SetField(0, codes[i])
            lyr.CreateFeature(feat)
            if (i + 1) % TXN_BATCH == 0:
                lyr.CommitTransaction()
                lyr.StartTransaction()
        lyr.CommitTransaction()
        del lyr, ds  # closing builds the spatial index in bulk


def colour_table() -> gdal.ColorTable:
    ct = gdal.ColorTable()
    for code, rgb in LUCC_COLOURS.items():
        ct.SetColorEntry(code, (*rgb, 255))
    ct.SetColorEntry(NODATA, (0, 0, 0, 0))
    return ct


def rasterize_parcels(gpkg: Path, tif: Path, region: Region, year: int) -> np.ndarray:
    """30 m raster burned from the parcel layer; returns the class histogram."""
    n = region.n_pixels
    gdal.SetCacheMax(max(256 << 20, n * n + (128 << 20)))  # keep the whole raster in cache
    src = ogr.Open(str(gpkg))
    lyr = src.GetLayer("landuse")
    lyr.SetAttributeFilter("lucc_code IS NOT NULL")  # NULL parcels stay nodata
    hist = np.zeros(256, dtype=np.int64)
    with atomic_path(tif) as tmp:
        opts = ["COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512",
                "BIGTIFF=IF_SAFER", "NUM_THREADS=2"]
        ds = gdal.GetDriverByName("GTiff").Create(str(tmp), n, n, 1, gdal.GDT_Byte, opts)
        ds.SetGeoTransform((region.xmin, PIXEL_M, 0.0, region.ymax, 0.0, -PIXEL_M))
        ds.SetProjection(srs_4527().ExportToWkt())
        ds.SetMetadataItem("SYNTHETIC", SYNTHETIC_LABEL)
        ds.SetMetadataItem("TIFFTAG_IMAGEDESCRIPTION",
                           f"{SYNTHETIC_LABEL}. CAS_LUCC land use {year}, 30 m")
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(NODATA)
        band.SetColorTable(colour_table())
        band.Fill(NODATA)
        gdal.RasterizeLayer(ds, [1], lyr, options=["ATTRIBUTE=lucc_code"])
        step = 2048
        for row in range(0, n, step):
            block = band.ReadAsArray(0, row, n, min(step, n - row))
            hist += np.bincount(block.ravel(), minlength=256)
        del band, ds  # close: flushes the compressed tiles before the rename
    del lyr, src
    return hist


def class_areas(codes: np.ndarray, areas: np.ndarray, valid: np.ndarray) -> dict[str, float]:
    sums = np.bincount(codes[valid], areas[valid], minlength=256)
    return {str(c): round(float(sums[c]), 3) for c in LUCC_CLASSES if sums[c] > 0}


@dataclass(frozen=True)
class YearJob:
    land: Landscape
    seed: int
    year: int
    out_dir: str
    with_nulls: bool


def build_year(job: YearJob) -> dict:
    """Parcels, GeoPackage and raster for one year (runs in a worker process)."""
    out = Path(job.out_dir)
    t0 = time.perf_counter()
    parcels = make_parcels(job.land, job.seed, job.year, job.with_nulls)
    t1 = time.perf_counter()
    gpkg = out / f"landuse_{job.year}.gpkg"
    write_parcels(gpkg, parcels, job.year)
    t2 = time.perf_counter()
    hist = rasterize_parcels(gpkg, out / f"landuse_{job.year}.tif", job.land.region, job.year)
    t3 = time.perf_counter()
    areas = parcels.areas()
    return {
        "year": job.year,
        "parcels": len(parcels),
        "null_parcels": int(parcels.nulls.sum()),
        "class_area_m2": class_areas(parcels.codes, areas, ~parcels.nulls),
        "raster_cells": {str(c): int(hist[c]) for c in list(LUCC_CLASSES) + [NODATA] if hist[c]},
        "timings_s": {"parcels": round(t1 - t0, 2), "gpkg": round(t2 - t1, 2),
                      "raster": round(t3 - t2, 2)},
    }


def run_years(jobs: list[YearJob], workers: int) -> list[dict]:
    """Both years in parallel when there are two cores (they are independent)."""
    if workers <= 1:
        return [build_year(j) for j in jobs]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes=min(workers, len(jobs))) as pool:
        return pool.map(build_year, jobs)


# --------------------------------------------------------------------------
# Manifest / skip logic
# --------------------------------------------------------------------------

def output_names() -> list[str]:
    names = [ZONES_FILE, URBAN_FILE]
    for y in YEARS:
        names += [f"landuse_{y}.gpkg", f"landuse_{y}.tif"]
    return names


def run_params(args: argparse.Namespace) -> dict:
    return {"scale": float(args.scale), "seed": int(args.seed),
            "with_nulls": bool(args.with_nulls), "generator_version": GENERATOR_VERSION}


def manifest_matches(out: Path, params: dict) -> bool:
    """True when DIR already holds a complete set made with these parameters."""
    try:
        manifest = json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if manifest.get("params") != params:
        return False
    files = manifest.get("files", {})
    for name in output_names():
        p = out / name
        if name not in files or not p.is_file() or p.stat().st_size != files[name]["size"]:
            return False
    return True


def write_json_atomic(path: Path, data: dict) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Generate SYNTHETIC Guotu demo data (not real).")
    p.add_argument("--out", required=True, help="output directory (e.g. build/sample)")
    # Floats (e.g. 0.25) are accepted so tests can run on a tiny region.
    p.add_argument("--scale", type=float, default=1.0,
                   help="side length multiplier: 1 = 120 km, 5 = 600 km (default 1)")
    p.add_argument("--seed", type=int, default=20240101, help="random seed (default 20240101)")
    p.add_argument("--force", action="store_true", help="regenerate even if outputs are complete")
    p.add_argument("--with-nulls", action="store_true",
                   help="leave lucc_code NULL on ~0.1%% of parcels (tests empty-class handling)")
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1),
                   help="worker processes for the two years (default min(2, CPUs))")
    args = p.parse_args(argv)
    if not args.scale > 0:
        p.error("--scale must be positive")
    if not 0 <= args.seed < 2 ** 32:
        p.error("--seed must be in 0..2**32-1")
    return args


def print_summary(manifest: dict) -> None:
    r = manifest["region"]
    print(f"SYNTHETIC sample data (scale {manifest['params']['scale']}, "
          f"seed {manifest['params']['seed']}) in {manifest['out_dir']}")
    print(f"  extent EPSG:{EPSG_CODE}: x {r['xmin']:.0f}..{r['xmax']:.0f}, "
          f"y {r['ymin']:.0f}..{r['ymax']:.0f} ({r['side_m'] / 1000:.1f} km square)")
    c = manifest["counts"]
    print(f"  zones: {c['zones']}  urban polygons: {c['urban']}  "
          f"parcels/year: {c['parcels_per_year']}  raster: {c['raster_size']}x{c['raster_size']}")
    for name, info in manifest["files"].items():
        print(f"  {name:<20} {info['size'] / 1e6:9.1f} MB")
    print("  timings [s]: " + ", ".join(f"{k} {v}" for k, v in manifest["timings_s"].items()))


def generate(args: argparse.Namespace) -> dict:
    """Run the whole pipeline and return the manifest."""
    out = Path(args.out).resolve()
    seed = int(args.seed)
    timings: dict[str, float] = {}
    t = time.perf_counter()
    region = make_region(args.scale)
    zones = make_zones(rng_for(seed, "zones"), region)
    land = build_landscape(seed, region, zones)
    pop, gdp = zone_attributes(rng_for(seed, "attributes"), land.roles)
    timings["zones_landscape"] = round(time.perf_counter() - t, 2)

    t = time.perf_counter()
    write_zones(out / ZONES_FILE, zones, land.roles, pop, gdp)
    write_urban(out / URBAN_FILE, land)
    timings["write_zones_urban"] = round(time.perf_counter() - t, 2)

    t = time.perf_counter()
    jobs = [YearJob(land, seed, y, str(out), bool(args.with_nulls)) for y in YEARS]
    years = run_years(jobs, args.jobs)
    timings["years_parallel"] = round(time.perf_counter() - t, 2)
    for y in years:
        for k, v in y["timings_s"].items():
            timings[f"{y['year']}_{k}"] = v

    roles = {name: [zone_code(z) for z in np.flatnonzero(land.roles == role)]
             for role, name in ROLE_NAMES.items()}
    return {
        "label": SYNTHETIC_LABEL,
        "generator": "resources/sample_data/generate_sample.py",
        "params": run_params(args),
        "out_dir": str(out),
        "crs": f"EPSG:{EPSG_CODE}",
        "region": region.as_dict(),
        "parcel_size_m": PARCEL_M,
        "pixel_size_m": PIXEL_M,
        "nodata": NODATA,
        "counts": {"zones": N_ZONES, "urban": len(land.urban),
                   "parcels_per_year": region.n_parcels ** 2, "raster_size": region.n_pixels},
        "zone_roles": roles,
        "years": {str(y["year"]): {k: y[k] for k in ("parcels", "null_parcels",
                                                     "class_area_m2", "raster_cells")}
                  for y in years},
        "files": {name: {"size": (out / name).stat().st_size} for name in output_names()},
        "timings_s": timings,
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if not args.force and manifest_matches(out, run_params(args)):
        print(f"sample data in {out} is complete for scale {args.scale} seed {args.seed}; "
              "skipping (use --force to regenerate)")
        return 0
    # Drop the old manifest first: if we crash midway the set must not look complete.
    (out / MANIFEST_FILE).unlink(missing_ok=True)
    t0 = time.perf_counter()
    manifest = generate(args)
    manifest["timings_s"]["total"] = round(time.perf_counter() - t0, 2)
    write_json_atomic(out / MANIFEST_FILE, manifest)  # written LAST on purpose
    print_summary(manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
