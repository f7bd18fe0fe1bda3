"""三调 packages as delivered: a File Geodatabase (GDAL's OpenFileGDB) holding DLTB and XZQ
with upper-case fields. `guotu tally` reads it by layer name, with field names in any case,
and gives the same table as from the same layers in a GeoPackage (田坎 deducted by KCXS)."""
from __future__ import annotations

import sys
from pathlib import Path

from osgeo import ogr

from cli_support import run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sandiao_package import make_package  # noqa: E402


def test_tally_reads_a_file_geodatabase_by_layer_name(tmp_path: Path) -> None:
    gdb = make_package(tmp_path)
    assert sorted(l.GetName() for l in ogr.Open(str(gdb))) == ["DLTB", "XZQ"]
    from_gdb, from_gpkg = tmp_path / "gdb.csv", tmp_path / "gpkg.csv"
    res = run_guotu("tally", "--zones", str(gdb), "--zones-layer", "XZQ", "--zone-id", "xzqdm", "--landuse", str(gdb),
                    "--landuse-layer", "DLTB", "--class-field", "dlbm", "-o", str(from_gdb))
    assert res.returncode == 0, res.stderr
    assert "田坎 deducted by field KCXS" in res.stdout
    res = run_guotu("tally", "--zones", str(tmp_path / "xzq.gpkg"), "--zone-id", "XZQDM", "--landuse",
                    str(tmp_path / "landuse_2020.gpkg"), "--class-field", "DLBM", "-o", str(from_gpkg))
    assert res.returncode == 0, res.stderr
    assert from_gdb.read_text(encoding="utf-8") == from_gpkg.read_text(encoding="utf-8")
    rows = from_gdb.read_text(encoding="utf-8").splitlines()[1:]
    assert {r.split(",")[0] for r in rows} == {"130101100", "130101101"}
    assert any(r.split(",")[1] == "1203" for r in rows)
