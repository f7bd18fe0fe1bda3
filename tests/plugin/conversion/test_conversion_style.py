"""Style of conversion pieces: categorized on status (paths split by their Chinese text),
legend labels in the user's language (both languages in stored styles), the agreed colours; applied when Processing loads the output,
and stored in a GeoPackage as the layer's default style."""

import re
import sqlite3
from pathlib import Path

import processing
import pytest
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFeature, QgsLinePatternFillSymbolLayer, QgsProcessingOutputLayerDefinition,
                       QgsProject, QgsVectorLayer)

import conversion_data as cd

pytestmark = pytest.mark.usefixtures("provider")
HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3,}")


def assert_conversion_style(layer: QgsVectorLayer, bilingual: bool = False) -> None:
    """The agreed style; labels in the user's language (English here), or in both languages
    for a style stored in a file (``bilingual``)."""
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer), type(renderer)
    assert '"status"' in renderer.classAttribute() and '"path_zh"' in renderer.classAttribute()
    categories = {c.value(): c for c in renderer.categories()}
    for status in ("prohibited", "gap", "conditional", "same", "unknown"):
        assert status in categories, status
    labels = [c.label() for c in renderer.categories()]
    if bilingual:
        assert all(HAN.search(label) and LATIN.search(label) for label in labels), labels
        assert categories["prohibited"].label().startswith("禁止 prohibited")
    else:
        assert not any(HAN.search(label) for label in labels), labels
        assert categories["prohibited"].label() == "prohibited"
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
    assert "agricultural land conversion" in paths[0].label()
    assert ("农用地转用" in paths[0].label()) == bilingual
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
    from guotu.conversion.conversion_style import (MIN_COLOR_DISTANCE, PRESET_PATH_COLORS, STATUS_COLORS,
                                                   color_distance, conversion_renderer, path_colors,
                                                   preset_path_order)

    presets = preset_path_order()
    assert len(presets) == 13 and presets[0][0] == "土地整理；园地山坡地改造"
    assert [zh for zh, _en in presets] == list(PRESET_PATH_COLORS)  # every preset path has its own colour
    colors = path_colors([zh for zh, _ in presets] + ["自定义路径"])
    assert len(set(colors.values())) == len(colors) == 14
    assert not set(colors.values()) & set(STATUS_COLORS.values())  # no status colours
    # Far enough apart to tell on a map, from each other and from the statuses.
    palette = list(colors.values()) + list(STATUS_COLORS.values())
    closest = min(color_distance(a, b) for i, a in enumerate(palette) for b in palette[i + 1:])
    assert closest >= MIN_COLOR_DISTANCE, closest
    # Meaningful: paths to forest and grassland green, to construction purple or blue.
    for zh in ("退耕还林", "退耕还草", "土地整治；开垦森林；森林生态修复"):
        c = QColor(colors[zh])
        assert c.green() > c.red() and c.green() >= c.blue() - 60, zh
    for zh in ("农用地转用；占用耕地、林地总量控制", "参照农转用执行", "填海、围海；围填海年度计划指标"):
        c = QColor(colors[zh])
        assert c.blue() > c.green(), zh
    # A path keeps its colour whatever else is on the map.
    assert path_colors(["退耕还林"])["退耕还林"] == colors["退耕还林"]
    renderer = conversion_renderer(presets, bilingual=True)
    labels = [c.label() for c in renderer.categories()]
    assert labels[0] == "禁止 prohibited" and labels[-1].startswith("未知 unknown")
    assert sum(label.startswith("路径 path: ") for label in labels) == 13
    labels = [c.label() for c in conversion_renderer(presets).categories()]  # the English UI's
    assert labels[0] == "prohibited" and sum(label.startswith("legal path: ") for label in labels) == 13


def test_one_distinct_colour_per_category_present(guotu):
    """A policy of one's own with many legal paths: the styled layer has one category per
    status and path present, each with its own colour (none repeated, none a status's)."""
    from guotu.conversion.conversion_style import STATUS_COLORS, color_distance, style_conversions_layer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=status:string&field=path_zh:string"
                           "&field=path_en:string", "many", "memory")
    custom = [f"自定路径{n}" for n in range(30)]
    rows = [("path", zh, f"own path {n}") for n, zh in enumerate(custom)] + \
        [("path", "退耕还林", "returning farmland to forest"), ("path", "农用地转用；占用耕地、林地总量控制", "conversion")] + \
        [(status, "", "") for status in ("prohibited", "gap", "conditional", "same", "unknown")]
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    style_conversions_layer(layer)
    categories = layer.renderer().categories()
    present = {r[0] if r[0] != "path" else "path: " + r[1] for r in rows}
    assert {c.value() for c in categories} == present
    colors = [c.symbol().color().name() for c in categories]
    assert len(set(colors)) == len(colors) == len(present), colors
    paths = [c.symbol().color().name() for c in categories if c.value().startswith("path: ")]
    assert not set(paths) & set(STATUS_COLORS.values())
    closest = min(color_distance(a, b) for i, a in enumerate(colors) for b in colors[i + 1:])
    assert closest >= 20, closest  # still told apart with 32 paths


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
    assert_conversion_style(fresh, bilingual=True)  # its stored default style (any QGIS language)


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
    expected = conversion_renderer(preset_path_order(), bilingual=True)
    assert [(c.value(), c.label(), c.symbol().color().name()) for c in renderer.categories()] == \
        [(c.value(), c.label(), c.symbol().color().name()) for c in expected.categories()]
    assert len(renderer.categories()) == 13 + 5
