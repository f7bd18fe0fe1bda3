"""Degrees are never taken for metres: every command with planar areas or metre parameters
refuses data in a geographic CRS (EPSG:4490) the same way — exit status 1, a message saying
what needs metres and naming the Gauss-Krüger zones — and writes nothing. Ellipsoidal areas
on the same data work."""
from __future__ import annotations

from pathlib import Path

from osgeo import gdal

from cli_support import make_landuse, make_zones, run_guotu


def to_degrees(source: Path, target: Path) -> Path:
    gdal.VectorTranslate(str(target), str(source), dstSRS="EPSG:4490", reproject=True)
    return target


def assert_refused(res, what: str) -> None:
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert f"{what} needs metres" in res.stderr and "geographic (degrees)" in res.stderr, res.stderr
    assert "Gauss-Krüger" in res.stderr


def test_tally_planar_on_degrees_is_refused_ellipsoidal_works(tmp_path: Path) -> None:
    zones_m, landuse_m = make_zones(tmp_path), make_landuse(tmp_path)
    zones = to_degrees(zones_m, tmp_path / "zones_deg.gpkg")
    landuse = to_degrees(landuse_m, tmp_path / "landuse_deg.gpkg")
    out = tmp_path / "t.csv"
    args = ["tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse), "--class-field", "lucc",
            "-o", str(out)]
    assert_refused(run_guotu(*args, "--area", "planar"), "planar area")
    assert not out.exists()
    res = run_guotu(*args, "--area", "ellipsoidal")
    assert res.returncode == 0, res.stderr
    total = sum(float(line.split(",")[2]) for line in out.read_text().splitlines()[1:])
    # The same ellipsoidal hectares as from the data in metres (not 0.000000 ha).
    metric = tmp_path / "m.csv"
    assert run_guotu("tally", "--zones", str(zones_m), "--zone-id", "code", "--landuse", str(landuse_m),
                     "--class-field", "lucc", "-o", str(metric)).returncode == 0
    expected = sum(float(line.split(",")[2]) for line in metric.read_text().splitlines()[1:])
    assert expected > 50 and abs(total - expected) < 1e-4 * expected


def test_convert_planar_on_degrees_is_refused(tmp_path: Path) -> None:
    landuse = to_degrees(make_landuse(tmp_path), tmp_path / "landuse_deg.gpkg")
    out = tmp_path / "c.gpkg"
    res = run_guotu("convert", "--before", str(landuse), "--before-class-field", "lucc", "--before-system", "CAS_LUCC",
                    "--after", str(landuse), "--after-class-field", "lucc", "--after-system", "CAS_LUCC",
                    "--area", "planar", "-o", str(out))
    assert_refused(res, "planar area")
    assert not out.exists() and not list(tmp_path.glob("*.tmp-*"))


def test_lines_workspace_in_degrees_is_refused(tmp_path: Path) -> None:
    ws = tmp_path / "ws.gpkg"
    assert_refused(run_guotu("lines", "init", str(ws), "--crs", "EPSG:4490"), "a three-lines workspace")
    assert not ws.exists()
    # A workspace made elsewhere in degrees is not half-checked (slivers missed, gaps invented).
    assert run_guotu("lines", "init", str(ws), "--crs", "EPSG:4527").returncode == 0
    degrees = to_degrees(ws, tmp_path / "ws_deg.gpkg")
    out = tmp_path / "issues.gpkg"
    res = run_guotu("lines", "check", "--workspace", str(degrees), "-o", str(out))
    assert_refused(res, "the three-lines check (widths and gaps in metres)")
    assert not out.exists()
