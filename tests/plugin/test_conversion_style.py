"""Style of conversion pieces: categorized on status (paths split by their Chinese text),
bilingual legend labels, the agreed colours; applied when Processing loads the output,
and stored in a GeoPackage as the layer's default style."""

import re
import sqlite3
from pathlib import Path

import processing
import pytest
from qgis.PyQt.QtCore import Qt
from qgis.core import (QgsCategorizedSymbolRenderer, QgsLinePatternFillSymbolLayer, QgsProcessingOutputLayerDefinition,
                       QgsProject, QgsVectorLayer)

import conversion_data as cd

pytestmark = pytest.mark.usefixtures("provider")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def assert_conversion_style(layer: QgsVectorLayer) -> None:
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer), type(renderer)
    assert '"status"' in renderer.classAttribute() and '"path_zh"' in renderer.classAttribute()
    categories = {c.value(): c for c in renderer.categories()}
    for status in ("prohibited", "gap", "conditional", "same", "unknown"):
        assert status in categories, status
    labels = [c.label() for c in renderer.categories()]
    assert all(HAN.search(label) and LATIN.search(label) for label in labels), labels
    assert categories["prohibited"].label().startswith("禁止 prohibited")
    red = categories["prohibited"].symbol().color()
    assert red.red() > 180 and red.green() < 80 and red.blue() < 80
    orange = categories["gap"].symbol().color()
    assert orange.red() > 200 and 100 < orange.green() < 180 and orange.blue() < 100
    assert any(isinstance(categories["gap"].symbol().symbolLayer(i), QgsLinePatternFillSymbolLayer)
               for i in range(categories["gap"].symbol().symbolLayerCount()))  # hatched
    yellow = categories["conditional"].symbol().color()
    assert yellow.red() > 200 and yellow.green() > 180 and yellow.blue() < 100
    same = categories["same"].symbol()
    grey = same.color()
    assert grey.red() == grey.green() == grey.blue() and grey.red() > 200
    assert same.symbolLayer(0).strokeStyle() == Qt.NoPen  # no outline
    paths = [c for value, c in categories.items() if value.startswith("path: ")]
    # The fixture's pieces have one legal path: 农用地转用 (forest/cultivated → construction).
    assert len(paths) == 1
    assert "农用地转用" in paths[0].label() and "agricultural land conversion" in paths[0].label()
    # Every category draws the pieces it is meant for (the expression gives its value).
    values = {f["status"] if f["status"] != "path" else "path: " + f["path_zh"] for f in layer.getFeatures()}
    assert values <= set(categories)


def test_output_is_styled_when_processing_loads_it():
    project = QgsProject.instance()
    layers = cd.fixture_layers()
    params = cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS="TEMPORARY_OUTPUT",
                       TRANSITIONS="TEMPORARY_OUTPUT", STATUS_SUMMARY="TEMPORARY_OUTPUT", UNKNOWN="TEMPORARY_OUTPUT")
    results = processing.runAndLoadResults("guotu:landuseconversion", params)
    try:
        conversions = project.mapLayer(results["CONVERSIONS"])
        assert conversions is not None, results
        assert_conversion_style(conversions)
        # The tables are loaded too, unstyled.
        assert project.mapLayer(results["TRANSITIONS"]) is not None
    finally:
        project.removeAllMapLayers()


def test_palette_gives_every_legal_path_its_own_colour(guotu):
    from guotu.conversion.conversion_style import PATH_PALETTE, conversion_renderer, path_colors, preset_path_order

    presets = preset_path_order()
    assert len(presets) == 13 and presets[0][0] == "土地整理；园地山坡地改造"
    colors = path_colors([zh for zh, _ in presets] + ["自定义路径"])
    assert len(set(colors.values())) == len(colors) == 14
    assert not set(colors.values()) & {"#d7191c", "#f28e2b", "#ffd92f", "#e3e3e3"}  # no status colours
    # A path keeps its colour whatever else is on the map.
    assert path_colors(["退耕还林"])["退耕还林"] == colors["退耕还林"]
    renderer = conversion_renderer(presets)
    labels = [c.label() for c in renderer.categories()]
    assert labels[0] == "禁止 prohibited" and labels[-1].startswith("未知 unknown")
    assert sum(label.startswith("路径 path: ") for label in labels) == 13
    assert set(PATH_PALETTE) >= set(colors.values())


def test_style_saved_in_the_geopackage_is_the_default(tmp_path: Path, guotu):
    from guotu.conversion.conversion_style import write_style_to_gpkg

    gpkg = tmp_path / "out.gpkg"
    layers = cd.fixture_layers()
    params = cd.params(layers["before"], layers["after"])
    for name, table in (("CONVERSIONS", "conversions"), ("TRANSITIONS", "transitions"),
                        ("STATUS_SUMMARY", "status_summary"), ("UNKNOWN", "unknown_codes")):
        params[name] = QgsProcessingOutputLayerDefinition(f"ogr:dbname='{gpkg}' table=\"{table}\" (geom)")
    cd.run_algorithm(params)
    assert write_style_to_gpkg(gpkg) == ""
    assert write_style_to_gpkg(gpkg) == ""  # again: replaced, not a second style (nor a question)
    with sqlite3.connect(str(gpkg)) as db:
        rows = db.execute("SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = 'conversions'"
                          ).fetchall()
    assert rows == [("guotu", 1)]
    fresh = QgsVectorLayer(f"{gpkg}|layername=conversions", "conversions", "ogr")
    assert fresh.isValid()
    assert_conversion_style(fresh)  # loaded with its default style, nothing applied here


def test_committed_qml_has_every_preset_path(guotu, plugin_root: Path):
    """resources/styles/conversion/conversions.qml (for CLI outputs opened by hand) is the
    plugin's style with every legal path of the preset, and ships with the plugin."""
    from guotu.conversion.conversion_style import conversion_renderer, preset_path_order

    qml = plugin_root / "guotu" / "resources" / "styles" / "conversion" / "conversions.qml"
    assert qml.is_file()
    layers = cd.fixture_layers()
    layer = cd.run_algorithm(cd.params(layers["before"], layers["after"]))["CONVERSIONS"]
    message, ok = layer.loadNamedStyle(str(qml))
    assert ok, message
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    expected = conversion_renderer(preset_path_order())
    assert [(c.value(), c.label(), c.symbol().color().name()) for c in renderer.categories()] == \
        [(c.value(), c.label(), c.symbol().color().name()) for c in expected.categories()]
    assert len(renderer.categories()) == 13 + 5
