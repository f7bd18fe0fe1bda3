"""The transition matrix view, driven offscreen: the coloured category matrix of a
conversions layer, the zone selector, and clicking a cell selects exactly its pieces."""

from pathlib import Path
from typing import Optional, Set

import pytest
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QAction, QMainWindow, QMenu, QToolBar
from qgis.core import QgsProject, QgsVectorLayer

import conversion_data as cd

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture
def conversions():
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]))
    layer = result["CONVERSIONS"]
    layer.setName("conversions")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


def expected_ids(layer: QgsVectorLayer, from_category: Optional[str], to_category: Optional[str],
                 zone: str) -> Set[int]:
    """Feature ids found by reading the attributes (not through an expression)."""
    return {f.id() for f in layer.getFeatures()
            if (from_category is None or f["from_category"] == from_category)
            and (to_category is None or f["to_category"] == to_category)
            and (zone == "*" or f["zone_id"] == zone)}


def test_matrix_cells_and_colours(guotu, conversions):
    from guotu.conversion.conversion_style import AREA_RAMP, STATUS_COLORS, area_color
    from guotu.ui.conversion_matrix import ConversionMatrixWidget
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    widget = ConversionMatrixWidget()
    assert widget.layer is conversions  # the first conversions layer of the project
    assert [widget.zoneCombo.itemData(i) for i in range(widget.zoneCombo.count())] == ["*", "Z1", "Z2"]
    table = widget.matrixTable
    assert table.rowCount() == table.columnCount() == 12  # 10 categories, unknown, total
    assert table.verticalHeaderItem(0).text() == "cultivated land"  # English UI
    expected = {("forest", "construction"): ("1.00", "path"), ("cultivated", "construction"): ("0.50", "path"),
                ("cultivated", "river_water"): ("0.50", "gap"), ("river_water", "cultivated"): ("1.00", "prohibited"),
                ("forest", "cultivated"): ("1.00", "conditional"), ("cultivated", "cultivated"): ("1.00", "same"),
                ("cultivated", ""): ("1.00", "unknown")}
    filled = 0
    for r in range(10 + 1):
        for c in range(10 + 1):
            item = table.item(r, c)
            key = (widget.rows[r], widget.columns[c])
            if key in expected:
                text, status = expected[key]
                assert item.text() == text, key
                # The square is the status colour of the map; the shade is the area's (the
                # largest conversion, 1 ha, the darkest); cells that are no conversion grey.
                assert item.data(Qt.ItemDataRole.DecorationRole).name() == STATUS_COLORS[status], key
                shade = STATUS_COLORS["same"] if status == "same" else area_color(float(text), 1.0)
                assert item.background().color().name() == shade, key
                filled += 1
            else:
                assert item.text() == "", key
    assert filled == len(expected)
    # Different areas, different shades: 1 ha darkest, 0.5 ha lighter, whatever the status.
    darkest = table.item(*widget.cell_of("forest", "construction")).background().color()
    half = table.item(*widget.cell_of("cultivated", "construction")).background().color()
    assert darkest.name() == AREA_RAMP[-1]
    assert half.lightness() > darkest.lightness() and half.name() != QColor(STATUS_COLORS["path"]).name()
    assert table.item(*widget.cell_of("river_water", "cultivated")).background().color() == darkest  # 1 ha too
    total = table.item(11, 11)
    assert total.text() == "6.00"
    row, column = widget.cell_of("cultivated", None)
    assert table.item(row, column).text() == "3.00"  # cultivated before: 1 + 0.5 + 0.5 + 1

    widget.set_zone("Z1")
    row, column = widget.cell_of("river_water", "cultivated")
    assert table.item(row, column).text() == "0.50"
    row, column = widget.cell_of("forest", "cultivated")
    assert table.item(row, column).text() == ""


@pytest.mark.parametrize("zone,from_category,to_category", [
    ("*", "river_water", "cultivated"),   # prohibited, cut in two by the zones
    ("Z2", "river_water", "cultivated"),  # one half
    ("Z1", "forest", "construction"),
    ("*", "cultivated", ""),              # the unknown code 9999
    ("*", "cultivated", None),            # row total
    ("Z2", None, "cultivated"),           # column total in a zone
    ("*", None, None),                    # everything
])
def test_clicking_a_cell_selects_exactly_its_pieces(guotu, conversions, zone, from_category, to_category):
    from guotu.ui.conversion_matrix import ConversionMatrixWidget

    widget = ConversionMatrixWidget()
    widget.set_layer(conversions)
    widget.set_zone(zone)
    conversions.removeSelection()
    row, column = widget.cell_of(from_category, to_category)
    widget.matrixTable.cellClicked.emit(row, column)
    wanted = expected_ids(conversions, from_category, to_category, zone)
    assert wanted, "the case must select something"
    assert set(conversions.selectedFeatureIds()) == wanted
    assert f"{len(wanted)} " in widget.selectionLabel.text()


def test_matrix_of_a_cli_geopackage_without_zones(guotu, tmp_path: Path):
    from guotu.ui.conversion_matrix import ConversionMatrixWidget

    files = cd.write_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    assert cd.cli_convert(files["before"], files["after"], out, "--area", "planar").returncode == 0
    layer = QgsVectorLayer(f"{out}|layername=conversions", "cli conversions", "ogr")
    # written by the CLI's bulk writer: QGIS sees the count, extent and spatial index
    from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsRectangle
    features = list(layer.getFeatures())
    assert layer.isValid() and layer.featureCount() == len(features) > 0
    assert layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    extent = QgsRectangle()
    for f in features:
        extent.combineExtentWith(f.geometry().boundingBox())
    assert layer.extent().toString(3) == extent.toString(3)
    probe = features[0].geometry().boundingBox()
    near = {f.id() for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(probe))}
    assert near == {f.id() for f in features if f.geometry().boundingBox().intersects(probe)}
    widget = ConversionMatrixWidget()
    widget.set_layer(layer)
    assert widget.zoneCombo.count() == 1 and widget.current_zone() == "*"
    row, column = widget.cell_of("forest", "cultivated")
    assert widget.matrixTable.item(row, column).text() == "1.00"
    widget.matrixTable.cellClicked.emit(row, column)
    assert set(layer.selectedFeatureIds()) == expected_ids(layer, "forest", "cultivated", "*")
    assert layer.selectedFeatureCount() == 1


def test_a_layer_that_is_not_a_conversion_layer_is_explained(guotu):
    from guotu.ui.conversion_matrix import ConversionMatrixWidget

    widget = ConversionMatrixWidget()
    widget.set_layer(cd.zones_layer())
    assert widget.matrixTable.rowCount() == 0
    assert "from_category" in widget.selectionLabel.text()


class _Iface:
    """The few QgisInterface calls the plugin makes."""

    def __init__(self) -> None:
        self.window = QMainWindow()
        self.help = self.window.menuBar().addMenu("Help")
        self.docks = []

    def mainWindow(self):  # noqa: N802 — QGIS API name
        return self.window

    def helpMenu(self):  # noqa: N802
        return self.help

    def pluginHelpMenu(self):  # noqa: N802
        return self.help

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks.append(dock)
        self.window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks.remove(dock)
        self.window.removeDockWidget(dock)

    def mapCanvas(self):  # noqa: N802
        return None


def test_menu_entry_opens_the_matrix_dock(guotu, conversions):
    from guotu.guotu_plugin import GuotuPlugin
    from guotu.ui.conversion_matrix import ConversionMatrixDock

    iface = _Iface()
    plugin = GuotuPlugin(iface)
    plugin._add_menu()
    try:
        menu = iface.window.findChild(QMenu, "mGuotuMenu")
        action = iface.window.findChild(QAction, "mActionGuotuConversionMatrix")
        assert menu is not None and action is not None and action in menu.actions()
        # The menu bar shows the name, not a 16-px icon; a toolbar holds the main entry points,
        # each action with an icon of its own.
        assert menu.title() == "Guotu 国土" and menu.icon().isNull()
        toolbar = iface.window.findChild(QToolBar, "mGuotuToolbar")
        assert toolbar is not None and toolbar.windowTitle() == "Guotu 国土"
        assert [a.objectName() for a in toolbar.actions()] == [
            "mActionGuotuVouchers", "mActionGuotuConversion", "mActionGuotuLinesCheck", "mActionGuotuParcelsReview",
            "mActionGuotuBorderReview"]
        entries = [a for a in menu.actions() if not a.isSeparator()]
        assert len(entries) == 12 and all(not a.icon().isNull() for a in entries)
        # The user guide is in the Guotu menu and in QGIS's Help ▸ Plugins menu.
        guide = iface.window.findChild(QAction, "mActionGuotuHelp")
        assert guide in entries and guide in iface.help.actions()
        assert len({a.icon().cacheKey() for a in entries}) == len(entries)
        action.trigger()
        docks = [d for d in iface.docks if isinstance(d, ConversionMatrixDock)]
        assert len(docks) == 1
        assert docks[0].matrix.layer is conversions
        assert iface.window.dockWidgetArea(docks[0]) != Qt.NoDockWidgetArea
        action.trigger()  # a second time: the same dock, shown again
        assert len([d for d in iface.docks if isinstance(d, ConversionMatrixDock)]) == 1
    finally:
        plugin.unload()
    assert not [d for d in iface.docks if isinstance(d, ConversionMatrixDock)]
    QCoreApplication.processEvents()
    assert iface.window.findChild(QToolBar, "mGuotuToolbar") is None or \
        iface.window.toolBarArea(iface.window.findChild(QToolBar, "mGuotuToolbar")) == Qt.NoToolBarArea


def test_removing_layers_and_renewing_the_project_raise_nothing(guotu, monkeypatch):
    """Removing the shown layer, removing every layer and a new project once raised "wrapped
    C/C++ object has been deleted" from the matrix's slots (seen only as a Python error box):
    every exception in a slot is caught here through sys.excepthook."""
    import sys

    from qgis.PyQt.QtCore import QCoreApplication
    from guotu.ui.conversion_matrix import ConversionMatrixWidget

    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: errors.append(info))
    project = QgsProject.instance()

    def conversions_layer(name: str) -> QgsVectorLayer:
        layers = cd.fixture_layers()
        layer = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]))["CONVERSIONS"]
        layer.setName(name)
        project.addMapLayer(layer)
        return layer

    first, second = conversions_layer("first"), conversions_layer("second")
    widget = ConversionMatrixWidget()
    shown = widget.layer
    assert shown in (first, second) and widget.matrixTable.rowCount() > 0
    other = second if shown is first else first
    project.removeMapLayer(shown.id())
    QCoreApplication.processEvents()
    assert widget.layer is other and widget.matrixTable.rowCount() > 0  # the other one, once settled
    project.removeAllMapLayers()
    QCoreApplication.processEvents()
    assert widget.layer is None and widget.matrixTable.rowCount() == 0
    conversions_layer("third")
    project.clear()  # a new project
    QCoreApplication.processEvents()
    assert widget.layer is None
    widget.cleanup()
    widget.deleteLater()
    QCoreApplication.processEvents()
    conversions_layer("after the widget")
    project.removeAllMapLayers()
    QCoreApplication.processEvents()
    assert not errors, errors


def test_report_button_opens_the_report_with_the_layer_shown(guotu, conversions):
    """The dock's Report (PDF)… button: the report algorithm with the shown layer chosen, and
    those parameters make the PDF (what the dialog runs)."""
    import processing
    from guotu.ui.conversion_matrix import REPORT_ALGORITHM, ConversionMatrixWidget

    widget = ConversionMatrixWidget()
    widget.set_layer(conversions)
    assert widget.reportButton.isEnabled()
    params = widget.report_parameters()
    assert params == {"CONVERSIONS": conversions.id()}
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        result = processing.run(REPORT_ALGORITHM, dict(params, OUTPUT=str(pdf)))
        assert pdf.read_bytes()[:5] == b"%PDF-" and result["PAGES"] >= 2
    QgsProject.instance().removeMapLayer(conversions.id())  # no conversion layer left: nothing to report
    widget.set_layer(None)
    assert not widget.reportButton.isEnabled() and widget.report_parameters() == {}
    widget.cleanup()
