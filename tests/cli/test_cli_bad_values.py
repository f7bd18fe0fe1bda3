"""Values that once passed silently: --threads that is no count, a land use without its class
field (L14 silently skipped), ids too long for their buffer (cut, so distinct zones could
merge), a zone table with two different rows for one zone (the last one won). Each is now an
error naming what is wrong, with nothing written."""
from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import X0, Y0, box, make_landuse, make_zones, run_guotu, write_layer
from test_cli_voucher import make_fixture, voucher


@pytest.mark.parametrize("command", [("tally",), ("convert",), ("border",)], ids=" ".join)
@pytest.mark.parametrize("value", ["abc", "0", "-3", "2x", "65", ""])
def test_threads_must_be_a_count(command: tuple, value: str) -> None:
    res = run_guotu(*command, "--threads", value)
    assert res.returncode == 2, res.stderr
    assert f"--threads needs a whole number from 1 to 64, not '{value}'" in res.stderr


def test_lines_check_land_use_needs_its_class_field(tmp_path: Path) -> None:
    ws = tmp_path / "ws.gpkg"
    assert run_guotu("lines", "init", str(ws), "--crs", "EPSG:4527").returncode == 0
    res = run_guotu("lines", "check", "--workspace", str(ws), "--landuse", str(make_landuse(tmp_path)),
                    "-o", str(tmp_path / "issues.gpkg"))
    assert res.returncode == 2 and "--landuse and --class-field go together" in res.stderr, res.stderr
    assert not (tmp_path / "issues.gpkg").exists()


def test_a_zone_id_too_long_is_an_error_not_a_cut(tmp_path: Path) -> None:
    long_id = "Z" * 1100
    zones = write_layer(tmp_path / "zones.gpkg", "zones", 4527, [("code", ogr.OFTString)], [
        ({"code": long_id + "A"}, box(X0, Y0, X0 + 1000, Y0 + 1000)),
        ({"code": long_id + "B"}, box(X0 + 1000, Y0, X0 + 2000, Y0 + 1000))])
    out = tmp_path / "t.csv"
    res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(make_landuse(tmp_path)),
                    "--class-field", "lucc", "-o", str(out))
    assert res.returncode == 1, res.stderr
    assert "the value of field 'code' is 1101 bytes long; at most 1023 fit" in res.stderr, res.stderr
    assert "layer 'zones'" in res.stderr and not out.exists()


def test_zone_table_with_two_different_rows_for_one_zone(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    table = tmp_path / "zones.csv"
    table.write_text("code,gdp,pop\nZ1,2e8,1000\nZ2,6e8,4000\nZ1,3e8,1000\n", encoding="utf-8")
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--zone-table", str(table))
    assert res.returncode == 1, res.stderr
    assert "two rows for zone 'Z1' with different values (GDP 200000000 and 300000000" in res.stderr, res.stderr
    assert not out.exists()
    # The same row twice is harmless.
    table.write_text("code,gdp,pop\nZ1,2e8,1000\nZ2,6e8,4000\nZ1,2e8,1000\n", encoding="utf-8")
    assert voucher(files, out, "--zone-table", str(table)).returncode == 0


@pytest.mark.parametrize("command", ["tally", "border"])
def test_coordinates_beyond_the_earth_are_an_error(tmp_path: Path, command: str) -> None:
    """A parcel at 1e300 (a damaged file, or wrong units) once gave a border run with no pairs
    and exit 0; areas of such squares overflow. It is an error naming layer and feature."""
    huge = 1e300
    zones = write_layer(tmp_path / "zones.gpkg", "zones", 4527, [("code", ogr.OFTString), ("city", ogr.OFTString)], [
        ({"code": "A", "city": "A"}, box(X0, Y0, X0 + 1000, Y0 + 1000)),
        ({"code": "B", "city": "B"}, f"POLYGON((0 0,{huge} 0,{huge} {huge},0 {huge},0 0))")])
    out = tmp_path / ("t.csv" if command == "tally" else "b.gpkg")
    if command == "tally":
        res = run_guotu("tally", "--zones", str(zones), "--zone-id", "code", "--landuse",
                        str(make_landuse(tmp_path)), "--class-field", "lucc", "-o", str(out))
    else:
        res = run_guotu("border", "--admin", str(zones), "--admin-id", "code", "--elements", str(zones),
                        "--city-field", "city", "--category-field", "code", "-o", str(out))
    assert res.returncode == 1, res.stderr
    assert "feature 2" in res.stderr and "1e+300" in res.stderr and "beyond any position on the Earth" in res.stderr
    assert not out.exists()
