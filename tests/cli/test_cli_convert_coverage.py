"""`guotu convert` on data shaped like two 三调 survey years (bench/make_sandiao_data.py, small):
parcels of ~45 vertices sharing every boundary, holes with island parcels, merges, splits and
moved boundaries in the second year. Neighbours are answered without a general overlay, so
the matrix is checked against an independent one — every pair of parcels intersected by GDAL
(GEOS) — and area is conserved; one and two threads give the same tables to the last bit."""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import REPO, run_guotu


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("sandiao")
    subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), str(folder), "--cells", "24",
                    "--change", "0.2", "--seed", "7"], check=True, capture_output=True, timeout=120)
    return folder


def reference_matrix(before: Path, after: Path) -> dict:
    """Planar area (ha) of each (DLBM before, DLBM after) from GDAL's own intersections."""
    a_ds, b_ds = ogr.Open(str(after)), ogr.Open(str(before))
    a_layer, b_layer = a_ds.GetLayer(0), b_ds.GetLayer(0)
    matrix = defaultdict(float)
    for feature in b_layer:
        g = feature.GetGeometryRef()
        a_layer.SetSpatialFilter(g)
        for other in a_layer:
            piece = g.Intersection(other.GetGeometryRef())
            if piece is not None and not piece.IsEmpty():
                matrix[(feature["DLBM"], other["DLBM"])] += piece.GetArea() / 10000.0
    return {k: v for k, v in matrix.items() if v > 1e-9}


def test_matrix_equals_pairwise_intersections(data: Path, tmp_path: Path) -> None:
    before, after = data / "landuse_2010.gpkg", data / "landuse_2020.gpkg"
    out = tmp_path / "c.gpkg"
    tables = {}
    for threads in ("1", "2"):
        res = run_guotu("convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
                        "SANDIAO_WORK", "--after", str(after), "--after-class-field", "DLBM", "--after-system",
                        "SANDIAO_WORK", "--area", "planar", "--threads", threads, "-o", str(out))
        assert res.returncode == 0, res.stderr
        ds = ogr.Open(str(out))
        got = {(f["from_class"], f["to_class"]): f["area_ha"] for f in ds.GetLayerByName("transitions")
               if f["level"] == "code" and f["zone_id"] == ""}
        want = reference_matrix(before, after)
        assert got.keys() == want.keys()
        for key, value in want.items():
            assert got[key] == pytest.approx(value, rel=1e-9, abs=1e-9), key
        total = sum(got.values())
        assert total == pytest.approx(24 * 24 * 160 * 160 / 10000.0, rel=1e-12)
        changed = sum(v for (a, b), v in got.items() if a != b)
        assert 0.02 * total < changed < 0.2 * total  # a change survey: a few percent to some
        tables[threads] = sorted(tuple(f.items().values()) for name in ("transitions", "status_summary")
                                 for f in ds.GetLayerByName(name))
        ds = None
        out.unlink()
    # The same to the last bit whatever the number of threads (sums in fixed point).
    assert tables["1"] == tables["2"]
