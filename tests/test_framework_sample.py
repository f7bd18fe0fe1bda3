"""The framework sample (resources/sample_data/generate_framework_sample.py, SYNTHETIC) through
the whole three-down-three-up workflow with the built tool: guotu border and guotu framework
indicators on both rounds, then guotu framework rounds, with the outcomes the generator
describes. Run with: /usr/bin/python3 -m pytest tests/test_framework_sample.py
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import gdal, ogr

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "resources" / "sample_data" / "generate_framework_sample.py"
GUOTU = ROOT / "build" / "core" / "guotu"


def rows(path: Path, layer: str) -> list:
    ds = ogr.Open(str(path))
    return [{k: f.GetField(k) for k in f.keys()} for f in ds.GetLayerByName(layer)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    if not GUOTU.exists():
        pytest.fail(f"the guotu binary is missing at {GUOTU}: build first (scripts/setup.sh)")
    out = tmp_path_factory.mktemp("framework_sample")
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--guotu", str(GUOTU)], check=True, timeout=300)
    for r in (1, 2):
        subprocess.run([str(GUOTU), "framework", "indicators", "--catalogue", str(out / "catalogue.csv"),
                        "--elements", str(out / f"round{r}" / "submitted.gpkg"), "--city-field", "XZQDM",
                        "--element-field", "YSBH", "--name-field", "YSMC", "--counties", str(out / "counties.csv"),
                        "--thresholds", str(out / "thresholds.csv"), "--dem", str(out / "dem.tif"), "--landuse",
                        str(out / "landuse.gpkg"), "--landuse-code", "DLBM", "-o",
                        str(out / f"round{r}" / "framework.gpkg")], check=True, capture_output=True, timeout=300)
    subprocess.run([str(GUOTU), "framework", "rounds", "--previous", str(out / "round1" / "border.gpkg"),
                    "--previous", str(out / "round1" / "framework.gpkg"), "--current",
                    str(out / "round2" / "border.gpkg"), "--current", str(out / "round2" / "framework.gpkg"),
                    "-o", str(out / "rounds.gpkg")], check=True, capture_output=True, timeout=300)
    return out


def test_labelled_synthetic(sample: Path) -> None:
    assert "SYNTHETIC" in gdal.Info(str(sample / "dem.tif"))
    assert "SYNTHETIC" in (sample / "README.txt").read_text(encoding="utf-8")


def test_round_outcomes(sample: Path) -> None:
    items = {(r["status"], r["source"], r["kind"], r["key"]) for r in rows(sample / "rounds.gpkg", "round_comparison")}
    # Round 1's overlap of the river (40 m into 320200) is fixed, 320300's missing corridor drawn.
    assert ("resolved", "conflict", "overlap", "320100|320200") in items
    assert ("resolved", "catalogue", "not_submitted", "C01|320300|") in items
    # Round 2: the corridor meets the border on one side only, the hills run to an empty border.
    assert ("new", "conflict", "gap", "320200|320300") in items
    assert ("new", "conflict", "discontinuity", "320100|320200") in items
    # The ridge's standards differ (320200 allows 30° mean slope, the others 25°) in both rounds.
    assert ("persisting", "indicator", "threshold_differs", "M01|320100|320200|slope_mean") in items
    returned = {r["city_id"] for r in rows(sample / "rounds.gpkg", "return_list")}
    assert returned == {"320100", "320200", "320300"}


def test_county_rollup_and_indicators(sample: Path) -> None:
    out = sample / "round2" / "framework.gpkg"
    rollup = {r["county_id"]: (r["city_id"], r["features"]) for r in rows(out, "county_rollup")}
    assert rollup == {"320101": ("320100", 1), "320102": ("320100", 1), "320201": ("320200", 1),
                      "320301": ("320300", 1)}
    parts = {r["city_id"]: r for r in rows(out, "element_indicators")
             if r["element_id"] == "M01" and r["zone"] == "part"}
    assert set(parts) == {"320100", "320200", "320300"}
    # The ridge band 2400..3600 m holds forest 0301 on 2600..3400 (8/12) and shrubs 0305 on the
    # rest: all forest codes, so the forest share is 1.
    assert all(p["forest_share"] == pytest.approx(1.0, abs=1e-6) for p in parts.values())
    # The peak is in the middle city.
    assert parts["320200"]["elevation_max"] > parts["320100"]["elevation_max"]
    assert parts["320200"]["elevation_max"] > parts["320300"]["elevation_max"]
