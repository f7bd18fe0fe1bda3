"""guotu ledger between the county package's two survey years as delivered (SYNTHETIC,
resources/sample_data/generate_county_package.py): the 2019 三调 DLTB of a File Geodatabase and
the 2020 change survey's DLTB as a GBK shapefile without a .cpg, overlaid by the core. Per
village (ZLDWDM, 12 characters) the opening and closing cultivated land net of 田坎 equal
Σ TBMJ × (1 − KCXS) of each year's 耕地 parcels (TBMJ is the parcel's ellipsoidal area to the
hundredth of a m²), and the overlay's slivers are left out, not made into certificates."""
from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from osgeo import gdal, ogr

from cli_support import REPO, run_guotu

CULTIVATED = {"0101", "0102", "0103"}


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("county") / "pkg"
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"), "--out",
                    str(out), "--cells", "30"], check=True, capture_output=True, timeout=300)
    return out


def cultivated_by_village(path: Path, layer: str) -> dict:
    gdal.SetConfigOption("SHAPE_ENCODING", "CP936")
    try:
        ds = ogr.Open(str(path))
        sums: dict = defaultdict(float)
        for f in ds.GetLayerByName(layer):
            if f["DLBM"] in CULTIVATED:
                sums[f["ZLDWDM"][:12]] += f["TBMJ"] * (1 - (f["KCXS"] or 0)) / 10000
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", None)
    return dict(sums)


def test_two_years_of_the_county_package(package: Path, tmp_path: Path) -> None:
    base, change = package / "130101_2019_三调.gdb", package / "130101_2020_变更" / "DLTB.shp"
    out = tmp_path / "ledger.gpkg"
    res = run_guotu("ledger", "--current", str(base), "--current-layer", "DLTB", "--planned", str(change),
                    "--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
                    "--planned-field", "DLBM", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS",
                    "--planned-kcxs-field", "KCXS", "--grade-field", "GDDB", "--planned-grade-field", "GDDB",
                    "--unit-field", "ZLDWDM", "--unit-prefix", "12", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "overlay slivers below 1 m² left out" in res.stdout
    opening, closing = cultivated_by_village(base, "DLTB"), cultivated_by_village(change, "DLTB")
    ds = ogr.Open(str(out))
    units = {f["unit_id"]: (f["cultivated_opening_ha"], f["cultivated_closing_ha"], f["area_ha"])
             for f in ds.GetLayerByName("unit_ledger")}
    assert set(units) >= set(opening) | set(closing) and len(units) >= 4
    for village, (o, c, _area) in units.items():
        assert o == pytest.approx(opening.get(village, 0), abs=1e-5), village
        assert c == pytest.approx(closing.get(village, 0), abs=1e-5), village
    assert any(abs(units[v][0] - units[v][1]) > 0.01 for v in units)  # the change survey changed something
    certificates = [f["area_ha"] for f in ds.GetLayerByName("certificates")]
    assert min(certificates, default=1) >= 1e-4  # no certificate for a sliver of a shared boundary
    assert "pieces below 1 m2" in ds.GetLayerByName("unit_ledger").GetMetadataItem("overlay_slivers_left_out")
    ds = None
