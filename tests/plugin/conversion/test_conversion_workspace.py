"""guotu:landuseconversion with a three-lines workspace: pieces split by the red line,
farmland and urban boundary (red line first, then farmland), the field ``line``, the area
by (zone, line, status), the same numbers as ``guotu convert --workspace``, and the style
that outlines prohibited and gap pieces inside the red line or farmland.

The lines are the CLI test's (tests/cli/test_cli_convert.py, LINES), drawn into a
workspace made by ``guotu lines init``:
  red line [250,350] x [0,100], farmland [200,450] x [0,50], urban boundary [0,150] x [0,100].
  The prohibited piece 41 -> 0103 on [200,300] becomes 0.5 ha in the red line, 0.25 ha in
  farmland and 0.25 ha outside.
"""

from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsRuleBasedRenderer, QgsVectorLayer

import conversion_data as cd
from testdata import X0, Y0

pytestmark = pytest.mark.usefixtures("provider")

(LINES,) = cd._cli_constants("LINES")
LINE_SUMMARY_ALL = {
    ("ecological_redline", "prohibited"): 0.5, ("ecological_redline", "conditional"): 0.5,
    ("permanent_farmland", "prohibited"): 0.25, ("permanent_farmland", "conditional"): 0.25,
    ("permanent_farmland", "same"): 0.25, ("urban_boundary", "path"): 1.5,
    ("", "prohibited"): 0.25, ("", "conditional"): 0.25, ("", "same"): 0.75, ("", "gap"): 0.5, ("", "unknown"): 1.0}


def make_workspace(folder: Path) -> Path:
    path = folder / "ws.gpkg"
    res = cd.run_cli("lines", "init", str(path), "--crs", "EPSG:4527")
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(path), 1)
    for name, boxes in LINES.items():
        layer = ds.GetLayerByName(name)
        for a, b, c, d in boxes:
            feature = ogr.Feature(layer.GetLayerDefn())
            wkt = (f"MULTIPOLYGON((({X0 + a} {Y0 + b},{X0 + c} {Y0 + b},{X0 + c} {Y0 + d},{X0 + a} {Y0 + d},"
                   f"{X0 + a} {Y0 + b})))")
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            assert layer.CreateFeature(feature) == 0
    ds = None
    return path


def test_pieces_split_by_line_and_summary(tmp_path: Path):
    ws = make_workspace(tmp_path)
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], WORKSPACE=str(ws),
                                        LINE_SUMMARY="memory:"))
    conversions = result["CONVERSIONS"]
    assert conversions.fields().names()[-1] == "line"
    pieces = cd.layer_rows(conversions)
    assert sum(p["area_ha"] for p in pieces) == pytest.approx(6.0)
    prohibited = sorted((p["line"], p["area_ha"]) for p in pieces if p["status"] == "prohibited")
    assert prohibited == [("", pytest.approx(0.25)), ("ecological_redline", pytest.approx(0.5)),
                          ("permanent_farmland", pytest.approx(0.25))]
    for feature in conversions.getFeatures():
        assert feature.geometry().area() / 1e4 == pytest.approx(feature["area_ha"], rel=1e-9)
    summary = {(r["line"], r["status"]): r["area_ha"] for r in cd.layer_rows(result["LINE_SUMMARY"])
               if r["zone_id"] == ""}
    assert summary == pytest.approx(LINE_SUMMARY_ALL)
    # The status table is the one without a workspace.
    assert cd.status_areas(cd.layer_rows(result["STATUS_SUMMARY"]), "") == pytest.approx(cd.STATUS_ALL)


def test_same_numbers_as_the_cli(tmp_path: Path):
    ws = make_workspace(tmp_path)
    paths = cd.write_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = cd.cli_convert(paths["before"], paths["after"], out, "--zones", str(paths["zones"]), "--zone-id", "code",
                         "--workspace", str(ws), "--area", "planar")
    assert res.returncode == 0, res.stderr
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], WORKSPACE=str(ws),
                                        LINE_SUMMARY="memory:"))
    cli = {(r["zone_id"], r["line"], r["status"]): r["area_ha"] for r in cd.ogr_rows(out, "line_summary")}
    plugin = {(r["zone_id"], r["line"], r["status"]): r["area_ha"] for r in cd.layer_rows(result["LINE_SUMMARY"])}
    assert plugin.keys() == cli.keys()
    for key, value in cli.items():
        assert plugin[key] == pytest.approx(value, abs=1e-9), key
    cli_pieces = sorted((r["zone_id"], r["line"], r["status"], round(r["area_ha"], 9))
                        for r in cd.ogr_rows(out, "conversions"))
    plugin_pieces = sorted((r["zone_id"], r["line"], r["status"], round(r["area_ha"], 9))
                           for r in cd.layer_rows(result["CONVERSIONS"]))
    assert plugin_pieces == cli_pieces


def test_style_outlines_prohibited_and_gap_inside_red_line_or_farmland(guotu, tmp_path: Path):
    from guotu.conversion.conversion_style import FLAG_COLOR, FLAG_FILTER, style_conversions_layer

    ws = make_workspace(tmp_path)
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], WORKSPACE=str(ws)))
    conversions: QgsVectorLayer = result["CONVERSIONS"]
    style_conversions_layer(conversions)
    renderer = conversions.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    rules = renderer.rootRule().children()
    flag = rules[-1]
    assert flag.filterExpression() == FLAG_FILTER
    assert flag.label() == "prohibited or gap inside the red line or farmland"  # English UI
    assert flag.symbol().symbolLayer(0).strokeColor().name() == FLAG_COLOR
    # The status classes are still there, with their labels.
    labels = [r.label() for r in rules[:-1]]
    assert "prohibited" in labels and "policy gap" in labels
    # Exactly the prohibited pieces in the red line (0.5 ha) and farmland (0.25 ha) are flagged
    # (the gap piece [150,200] lies outside every line).
    flagged = [f for f in conversions.getFeatures(FLAG_FILTER)]
    assert sorted((f["line"], round(f["area_ha"], 6)) for f in flagged) == [("ecological_redline", 0.5),
                                                                          ("permanent_farmland", 0.25)]


def test_without_workspace_nothing_changes_and_bad_workspace(tmp_path: Path):
    from qgis.core import QgsProcessingException

    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"]))
    assert "line" not in result["CONVERSIONS"].fields().names()
    assert "LINE_SUMMARY" not in result or not result["LINE_SUMMARY"]
    not_ws = tmp_path / "other.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(not_ws))
    ds.CreateLayer("something", None, ogr.wkbPolygon)
    ds = None
    with pytest.raises(QgsProcessingException, match="ecological_redline"):
        cd.run_algorithm(cd.params(layers["before"], layers["after"], WORKSPACE=str(not_ws)))
