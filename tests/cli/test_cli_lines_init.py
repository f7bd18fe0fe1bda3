"""guotu lines init: a workspace GeoPackage that QGIS opens styled, with Chinese field names."""
from __future__ import annotations

import csv
import os
from pathlib import Path

from osgeo import ogr

from cli_support import REPO, run_guotu

SCHEMA = REPO / "resources/presets/lines/workspace_schema.csv"


def test_layers_and_fields_follow_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "ws.gpkg"
    res = run_guotu("lines", "init", str(out), "--crs", "EPSG:4527")
    assert res.returncode == 0, res.stderr
    schema: dict[str, list[str]] = {}
    for row in csv.DictReader(open(SCHEMA, encoding="utf-8")):
        schema.setdefault(row["layer"], []).append(row["field"])
    ds = ogr.Open(str(out))
    for layer_name, fields in schema.items():
        layer = ds.GetLayerByName(layer_name)
        assert layer is not None, layer_name
        assert [d.GetName() for d in layer.schema] == fields
        if layer_name != "exceptions":
            assert layer.GetGeomType() == ogr.wkbMultiPolygon
            assert layer.GetSpatialRef().GetAuthorityCode(None) == "4527"
    styles = {f["f_table_name"]: f for f in ds.GetLayerByName("layer_styles")}
    assert set(styles) == {"ecological_redline", "permanent_farmland", "urban_boundary", "eco_units", "admin_units"}
    assert all(s["useAsDefault"] == 1 and "<qgis" in s["styleQML"] for s in styles.values())


def test_never_replaces_a_workspace_and_checks_the_crs(tmp_path: Path) -> None:
    out = tmp_path / "ws.gpkg"
    out.write_bytes(b"drawing work")
    res = run_guotu("lines", "init", str(out), "--crs", "EPSG:4527")
    assert res.returncode == 1 and "never replaced" in res.stderr
    assert out.read_bytes() == b"drawing work"
    res = run_guotu("lines", "init", str(tmp_path / "x.gpkg"), "--crs", "EPSG:999999")
    assert res.returncode == 1 and "EPSG:999999" in res.stderr and not (tmp_path / "x.gpkg").exists()
    assert run_guotu("lines", "init", str(tmp_path / "y.gpkg")).returncode == 2


# QGIS runs in a child process: starting it here would change GDAL's settings (QGIS sets
# SHAPE_ENCODING, for one) for every later test in this process.
QGIS_CHECK = """
import sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
out = sys.argv[1]
layer = QgsVectorLayer(out + "|layername=ecological_redline", "红线", "ogr")
assert layer.isValid()
c = layer.renderer().symbol().color()
print("redline", c.red(), c.green(), c.blue())
print("alias", layer.attributeDisplayName(layer.fields().indexOf("hx_name")))
ub = QgsVectorLayer(out + "|layername=urban_boundary", "开发边界", "ogr")
print("urban", ub.renderer().symbol().symbolLayer(0).strokeColor().name())
"""


def test_qgis_opens_it_styled_with_chinese_names(tmp_path: Path) -> None:
    import subprocess
    out = tmp_path / "ws.gpkg"
    assert run_guotu("lines", "init", str(out), "--crs", "EPSG:4527").returncode == 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run(["/usr/bin/python3", "-c", QGIS_CHECK, str(out)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    lines = dict(line.split(" ", 1) for line in res.stdout.splitlines() if " " in line)
    assert lines["redline"] == "227 26 28"  # the stored default style, not a random QGIS colour
    assert lines["alias"] == "红线名称"
    assert lines["urban"] == "#7a0177"
