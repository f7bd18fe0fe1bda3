"""The conversion's workers share the before layer (each feature read, repaired and measured
once, by whichever worker takes its batch): a refused before feature is named the same way
whatever the number of threads, and a layer whose size is no multiple of the workers' batch
gives the same tables with 1, 2 and 3 threads as hand-computed."""
from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import box, run_guotu, write_layer

X0, Y0 = 500000.0, 3300000.0  # CGCS2000 / 3-degree GK CM 120E (EPSG:4527) metres


def strips(path: Path, n: int, width: float, codes: tuple, bad_at: int | None = None) -> Path:
    """n strips [i*width, (i+1)*width] x [0, 100] from (X0, Y0); the feature at bad_at is a bow-tie."""
    features = []
    for i in range(n):
        x0, x1 = X0 + i * width, X0 + (i + 1) * width
        wkt = box(x0, Y0, x1, Y0 + 100)
        if i == bad_at:
            wkt = f"POLYGON(({x0} {Y0},{x1} {Y0 + 100},{x1} {Y0},{x0} {Y0 + 100},{x0} {Y0}))"
        features.append(({"dlbm": codes[i % len(codes)]}, wkt))
    return write_layer(path, "DLTB", 4527, [("dlbm", ogr.OFTString)], features)


def convert(folder: Path, before: Path, after: Path, *extra: str):
    out = folder / "conv.gpkg"
    res = run_guotu("convert", "--before", str(before), "--before-class-field", "dlbm", "--before-system",
                    "CAS_LUCC", "--after", str(after), "--after-class-field", "dlbm", "--after-system", "CAS_LUCC",
                    "--area", "planar", "-o", str(out), *extra)
    return res, out


def test_refused_before_feature_is_named_with_any_threads(tmp_path: Path) -> None:
    # 700 strips of 10 m; strip 517 (fid 518, in the fifth batch of 128) is a bow-tie.
    before = strips(tmp_path / "b.gpkg", 700, 10.0, ("21", "12"), bad_at=517)
    after = strips(tmp_path / "a.gpkg", 70, 100.0, ("12",))
    messages = set()
    for threads in ("1", "2", "3"):
        sub = tmp_path / threads
        sub.mkdir()
        res, out = convert(sub, before, after, "--invalid", "fail", "--threads", threads)
        assert res.returncode == 1, res.stderr
        assert "feature 518" in res.stderr and "'DLTB'" in res.stderr, res.stderr
        assert not out.exists() and not list(sub.glob("conv.tmp-*"))
        messages.add(res.stderr.replace(str(sub), "OUT"))
    assert len(messages) == 1, messages


def test_batches_of_the_shared_layers_give_the_hand_computed_tables(tmp_path: Path) -> None:
    # Before: 1,001 strips of 1 m (21 forest, 12 cultivated, 41 river alternating); after: 7
    # strips of 143 m (1,001 m in all), all 12. Forest→cultivated 334 strips (i ≡ 0 mod 3):
    # 3.34 ha conditional; cultivated→cultivated 334 strips: 3.34 ha same; river→cultivated
    # 333 strips: 3.33 ha prohibited.
    before = strips(tmp_path / "b.gpkg", 1001, 1.0, ("21", "12", "41"))
    after = strips(tmp_path / "a.gpkg", 7, 143.0, ("12",))
    tables = []
    for threads in ("1", "2", "3"):
        sub = tmp_path / threads
        sub.mkdir()
        res, out = convert(sub, before, after, "--threads", threads)
        assert res.returncode == 0, res.stderr
        ds = ogr.Open(str(out))
        rows = [(f["zone_id"], f["status"], f["area_ha"]) for f in ds.GetLayerByName("status_summary")]
        n_pieces = ds.GetLayerByName("conversions").GetFeatureCount()
        ds = None
        tables.append(rows)
        # the after boundaries (every 143 m) fall on strip boundaries: one piece per strip
        assert n_pieces == 1001
    got = {status: area for zone, status, area in tables[0] if zone == ""}
    assert got == pytest.approx({"conditional": 3.34, "same": 3.34, "prohibited": 3.33}, rel=1e-12)
    assert tables[1] == tables[0] and tables[2] == tables[0]


def test_the_pieces_are_written_in_the_order_of_the_after_layer_for_any_threads(tmp_path: Path) -> None:
    """2,000 after strips (16 batches of the workers): the pieces come out in the order of the
    after features — their x never goes back — and the file's pieces are the same rows in the
    same order (fid, attributes, geometry) with 1, 2 and 3 threads: a re-run with other threads
    gives the same file."""
    before = strips(tmp_path / "b.gpkg", 1001, 1.0, ("21", "12", "41"))
    after = strips(tmp_path / "a.gpkg", 2000, 1001.0 / 2000, ("12", "21"))
    runs = []
    for threads in ("1", "2", "3"):
        sub = tmp_path / threads
        sub.mkdir()
        res, out = convert(sub, before, after, "--threads", threads)
        assert res.returncode == 0, res.stderr
        ds = ogr.Open(str(out))
        rows = []
        for f in ds.GetLayerByName("conversions"):
            g = f.GetGeometryRef()
            after_strip = int((g.Centroid().GetX() - X0) / (1001.0 / 2000))  # the after feature it lies in
            rows.append((f.GetFID(), f["from_code"], f["to_code"], f["status"], f["area_ha"], g.ExportToIsoWkb(),
                         after_strip))
        ds = None
        runs.append(rows)
    order = [r[-1] for r in runs[0]]
    assert len(order) == 3000 and order == sorted(order) and set(order) == set(range(2000))
    assert runs[1] == runs[0] and runs[2] == runs[0]
