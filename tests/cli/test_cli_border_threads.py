"""guotu border writes the same GeoPackage whatever the thread count: every layer with the same
rows in the same order, the same fids, conflict ids, values and geometries (the workers share the
pairs by a hash and report as they go; the CLI writes the rows pair by pair once the run ends).

The data: 5 x 4 admin units of 1 km (GK zone 39, planar metres), units 0 and 1 overlapping by
2 m and a 0.5 m sliver between units 17 and 18 (base-map issues of two pairs), and along every
shared border elements of the two sides drawn at random (fixed seed) as red line, farmland or
urban boundary: reaching, facing, crossing or stopping short of the border, so that every status
and conflict kind occurs on many pairs; plus the input issues (an element without city, one of
an unknown city, a bow-tie element). Before the ordered writer three runs of this data with 2 or
3 threads gave rows in other orders and other conflict ids than with one.
"""
from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from osgeo import ogr

from cli_support import X0, Y0, box, run_guotu, write_layer

COLS, ROWS, CELL = 5, 4, 1000.0
CATEGORIES = ("ecological_redline", "permanent_farmland", "urban_boundary")
LAYERS = ("border_conflicts", "border_conflict_lines", "shared_borders", "basemap_issues", "basemap_issue_points",
          "pair_summary")


def unit_box(c: int, r: int, k: int) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = X0 + c * CELL, Y0 + r * CELL, X0 + (c + 1) * CELL, Y0 + (r + 1) * CELL
    if k == 1:
        x0 -= 2.0  # unit 1 overlaps unit 0 by 2 x 1000 m
    if k == 18:
        x0 += 0.5  # a 0.5 m sliver between units 17 and 18
    return x0, y0, x1, y1


def write_inputs(tmp: Path) -> tuple[Path, Path]:
    units = []
    for r in range(ROWS):
        for c in range(COLS):
            k = r * COLS + c
            units.append(({"code": f"U{k:02d}", "name": f"单元{k}"}, box(*unit_box(c, r, k))))
    admin = write_layer(tmp / "admin.gpkg", "admin", 4527, [("code", ogr.OFTString), ("name", ogr.OFTString)],
                        units)
    rnd = random.Random(13)
    elements = []

    def element(city: str, x0: float, y0: float, x1: float, y1: float) -> None:
        n = len(elements)
        elements.append(({"city": city, "category": rnd.choice(CATEGORIES), "name": f"{city}-{n}"},
                         box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))))

    for r in range(ROWS):
        for c in range(COLS):
            k = r * COLS + c
            for dx, dy in ((1, 0), (0, 1)):
                if c + dx >= COLS or r + dy >= ROWS:
                    continue
                other = k + dx + dy * COLS
                for i in range(6):  # elements of both sides along the border; the first of one side
                    s0 = rnd.uniform(20, 880)
                    s1 = s0 + rnd.uniform(30, 100)
                    sides = ((f"U{k:02d}", -1), (f"U{other:02d}", 1))
                    for city, sign in sides[:1] if i == 0 else sides:
                        near = rnd.choice((0.0, 0.0, -8.0, 30.0, 60.0))  # reaching, crossing, facing, short
                        depth = rnd.uniform(40, 150)
                        if dx:
                            bx = X0 + (c + 1) * CELL
                            element(city, bx + sign * near, Y0 + r * CELL + s0, bx + sign * (near + depth),
                                    Y0 + r * CELL + s1)
                        else:
                            by = Y0 + (r + 1) * CELL
                            element(city, X0 + c * CELL + s0, by + sign * near, X0 + c * CELL + s1,
                                    by + sign * (near + depth))
    elements.append(({"city": "", "category": "ecological_redline", "name": "orphan"},
                     box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200)))
    elements.append(({"city": "Z9", "category": "ecological_redline", "name": "stranger"},
                     box(X0 + 300, Y0 + 100, X0 + 400, Y0 + 200)))
    x, y = X0 + 2500, Y0 + 2500
    elements.append(({"city": "U12", "category": "permanent_farmland", "name": "bowtie"},
                     f"POLYGON(({x} {y},{x+50} {y+50},{x+50} {y},{x} {y+50},{x} {y}))"))
    rnd.shuffle(elements)
    layer = write_layer(tmp / "elements.gpkg", "elements", 4527,
                        [("city", ogr.OFTString), ("category", ogr.OFTString), ("name", ogr.OFTString)], elements)
    return admin, layer


def table(out: Path, layer: str) -> list[tuple]:
    """Every column of every row (fid, values, the geometry blob) in the file's order."""
    with sqlite3.connect(out) as db:
        return list(db.execute(f'SELECT * FROM "{layer}"'))


def test_same_file_with_1_2_and_3_threads(tmp_path: Path) -> None:
    admin, elements = write_inputs(tmp_path)
    outs = {}
    for n in ("1", "2", "3", "3"):
        out = tmp_path / f"threads{n}_{len(outs)}.gpkg"
        res = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--admin-name", "name",
                        "--elements", str(elements), "--city-field", "city", "--category-field", "category",
                        "--name-field", "name", "--area", "planar", "--threads", n, "-o", str(out))
        assert res.returncode == 0, res.stderr
        outs[out.stem] = out
    one = outs["threads1_0"]
    tables = {layer: table(one, layer) for layer in LAYERS}
    # Enough of every layer that an order left to the threads would show.
    assert len(tables["pair_summary"]) == 31  # 4 x 4 + 5 x 3 neighbours
    assert len(tables["border_conflicts"]) >= 30 and len(tables["shared_borders"]) >= 150
    with sqlite3.connect(one) as db:
        kinds = {k for (k,) in db.execute("SELECT DISTINCT kind FROM border_conflict_lines")}
        issues = {k for (k,) in db.execute("SELECT DISTINCT kind FROM basemap_issues")} | \
            {k for (k,) in db.execute("SELECT DISTINCT kind FROM basemap_issue_points")}
        pairs_with_conflicts = db.execute("SELECT COUNT(DISTINCT admin_a || admin_b) FROM border_conflict_lines")
        assert pairs_with_conflicts.fetchone()[0] >= 25
    assert kinds == {"overlap", "gap", "discontinuity", "category_mismatch"}
    assert {"admin_overlap", "admin_gap", "element_no_city", "element_unknown_city", "element_invalid"} <= issues
    for name, out in outs.items():
        for layer in LAYERS:
            assert table(out, layer) == tables[layer], f"{layer} of {name} differs from the one-thread run"

    # Conflict ids 1, 2, ... in the order written, pair by pair in the order of pair_summary; each
    # segment's conflict_id names the conflict of its own pair, kind and length.
    with sqlite3.connect(outs["threads3_3"]) as db:
        lines = list(db.execute("SELECT conflict_id, admin_a, admin_b, kind, length_m FROM border_conflict_lines"))
        order = [(a, b) for a, b in db.execute("SELECT admin_a, admin_b FROM pair_summary")]
        segments = list(db.execute("SELECT conflict_id, admin_a, admin_b, status, length_m FROM shared_borders "
                                   "WHERE conflict_id IS NOT NULL"))
    assert [r[0] for r in lines] == list(range(1, len(lines) + 1))
    rank = [order.index((a, b)) for _, a, b, _, _ in lines]
    assert rank == sorted(rank)
    by_id = {r[0]: r for r in lines}
    assert segments
    for cid, a, b, status, length in segments:
        assert by_id[cid][1:4] == (a, b, status)
        assert abs(by_id[cid][4] - length) < 1e-9
