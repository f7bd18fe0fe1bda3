"""New and open three-lines workspace: the CLI's schema and styles, never overwriting,
snapping, avoid-overlap clipping as QGIS's own digitizing tool applies it, and the
admin_code / area fields filled by default values."""

from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsGeometry, QgsProject, QgsVectorLayerUtils

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")


def _tables(path: Path) -> dict:
    """table -> (geometry type, srs code, [(field, type, width)]) and the stored styles."""
    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        srs = layer.GetSpatialRef()
        out[layer.GetName()] = (layer.GetGeomType(), srs.GetAuthorityCode(None) if srs else None,
                                [(d.GetName(), d.GetTypeName(), d.GetWidth()) for d in layer.schema])
    styles = {f["f_table_name"]: (f["styleQML"], f["useAsDefault"], f["styleName"], f["description"],
                                  f["f_geometry_column"])
              for f in ds.GetLayerByName("layer_styles")}
    return out, styles


def test_new_workspace_equals_the_cli_init(tmp_path: Path) -> None:
    import processing

    mine = tmp_path / "plugin.gpkg"
    result = processing.run("guotu:threelinesworkspace", {"CRS": "EPSG:4527", "OUTPUT": str(mine)})
    assert result["OUTPUT"] == str(mine) and result["LAYERS"].split(",")[0] == "ecological_redline"
    cli = tmp_path / "cli.gpkg"
    assert ld.run_cli("lines", "init", str(cli), "--crs", "EPSG:4527").returncode == 0
    assert _tables(mine) == _tables(cli)
    tables, styles = _tables(mine)
    assert set(styles) == {"ecological_redline", "permanent_farmland", "urban_boundary", "eco_units",
                           "admin_units"}
    qml = (ld.REPO / "resources/styles/lines/urban_boundary.qml").read_text(encoding="utf-8")
    assert styles["urban_boundary"][0] == qml and styles["urban_boundary"][1] == 1
    assert tables["exceptions"][0] == ogr.wkbNone
    # QGIS opens it styled, with the Chinese field names of the schema.
    redline = ld.ws_layer(mine, "ecological_redline")
    assert redline.renderer().symbol().color().name() == "#e31a1c"
    assert redline.attributeDisplayName(redline.fields().indexOf("hx_name")) == "红线名称"


def test_never_replaces_a_file(tmp_path: Path, guotu) -> None:
    import processing
    from qgis.core import QgsProcessingException

    from guotu.binding.errors import GuotuInputError
    from guotu.lines.lines_workspace import create_workspace

    existing = tmp_path / "ws.gpkg"
    existing.write_bytes(b"drawing work")
    with pytest.raises(QgsProcessingException) as info:
        processing.run("guotu:threelinesworkspace", {"CRS": "EPSG:4527", "OUTPUT": str(existing)})
    assert "never replaced" in str(info.value)
    assert existing.read_bytes() == b"drawing work"
    with pytest.raises(GuotuInputError):
        create_workspace(tmp_path / "x.gpkg", QgsCoordinateReferenceSystem())
    assert not (tmp_path / "x.gpkg").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws.gpkg"]  # no temporary leftovers


def test_a_workspace_asked_in_degrees_takes_the_zone_of_its_data(tmp_path: Path, tmp_path_factory) -> None:
    """EPSG:4490 alone is refused (widths are metres) with the way out named; with the data the
    workspace is for (the fixture's admin units in degrees, 117°E), it is made in EPSG:4548 — the
    same file as `guotu lines init --crs EPSG:4490 --zone-from` — and the log says so."""
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    with pytest.raises(QgsProcessingException) as info:
        processing.run("guotu:threelinesworkspace", {"CRS": "EPSG:4490", "OUTPUT": str(tmp_path / "no.gpkg")})
    assert "geographic" in str(info.value) and "the data the workspace is for" in str(info.value)
    assert not (tmp_path / "no.gpkg").exists()
    fx = ld.shared_fixture(tmp_path_factory)
    admin = tmp_path / "admin_4490.gpkg"
    gdal.VectorTranslate(str(admin), str(fx / "ws.gpkg"), layers=["admin_units"], dstSRS="EPSG:4490", format="GPKG")

    class Log(QgsProcessingFeedback):
        infos: list = []

        def pushInfo(self, info):  # noqa: N802 — QGIS API name
            self.infos.append(info)

    log = Log()
    mine = tmp_path / "plugin.gpkg"
    processing.run("guotu:threelinesworkspace", {"CRS": "EPSG:4490", "ZONE_FROM": f"{admin}|layername=admin_units",
                                                 "OUTPUT": str(mine)}, feedback=log)
    assert any("EPSG:4548" in i for i in log.infos), log.infos
    cli = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "init", str(cli), "--crs", "EPSG:4490", "--zone-from", str(admin))
    assert res.returncode == 0 and "EPSG:4548" in res.stderr, res.stderr
    assert _tables(mine) == _tables(cli)
    assert _tables(mine)[0]["admin_units"][1] == "4548"


@pytest.fixture
def opened(guotu, tmp_path_factory, tmp_path: Path):
    from guotu.lines.lines_workspace import open_workspace

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    project = QgsProject.instance()
    workspace = open_workspace(fx / "ws.gpkg", project)
    yield workspace
    project.clear()


def test_open_adds_a_group_with_snapping_and_avoid_overlaps(opened) -> None:
    project = QgsProject.instance()
    group = opened.group
    assert [node.layer().customProperty("guotu/lines_role") for node in group.findLayers()] == [
        "admin_units", "urban_boundary", "ecological_redline", "permanent_farmland", "eco_units", "exceptions"]
    lines = [opened.layers[name] for name in ("ecological_redline", "permanent_farmland", "urban_boundary")]
    assert project.avoidIntersectionsMode() == QgsProject.AvoidIntersectionsMode.AvoidIntersectionsLayers
    assert {layer.id() for layer in project.avoidIntersectionsLayers()} == {layer.id() for layer in lines}
    config = project.snappingConfig()
    assert config.enabled()
    for layer in lines + [opened.layers["admin_units"]]:
        settings = config.individualLayerSettings(layer)
        assert settings.enabled() and settings.tolerance() == 10
    assert project.ellipsoid() == "EPSG:1024"  # CGCS2000's ellipsoid


def test_default_values_fill_admin_code_and_areas(opened, guotu) -> None:
    """As the add-feature tool does: QgsVectorLayerUtils.createFeature evaluates the defaults;
    changing the geometry re-evaluates them (apply on update)."""
    from guotu.binding.native import AreaCalculator, AreaMethod, Context

    urban = opened.layers["urban_boundary"]
    assert urban.startEditing()
    g = QgsGeometry.fromWkt(ld.b(1500, 500, 1600, 600))
    g.convertToMultiType()
    feature = QgsVectorLayerUtils.createFeature(urban, g, {}, urban.createExpressionContext())
    assert urban.addFeature(feature)
    stored = urban.getFeature(feature.id())
    assert stored["admin_code"] == "110102"
    with Context() as ctx, AreaCalculator(ctx, "EPSG:4527", AreaMethod.ELLIPSOIDAL) as calc:
        core_m2 = calc.area_of_wkb(bytes(g.asWkb()))
    assert stored["area_ha"] == pytest.approx(core_m2 / 10000, rel=1e-5)  # ellipsoidal, not the planar 1 ha
    assert stored["area_mu"] == pytest.approx(stored["area_ha"] * 15)
    moved = QgsGeometry.fromWkt(ld.b(100, 100, 300, 200))
    moved.convertToMultiType()
    assert urban.changeGeometry(feature.id(), moved)
    stored = urban.getFeature(feature.id())
    assert stored["admin_code"] == "110101"
    da = QgsDistanceArea()
    da.setSourceCrs(urban.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:1024")
    assert stored["area_ha"] == pytest.approx(da.measureArea(moved) / 10000, rel=1e-9)
    assert urban.commitChanges()
    saved = ld.ws_layer(Path(opened.path), "urban_boundary").getFeature(3)  # U1, U2, then this one
    assert saved["admin_code"] == "110101" and saved["area_ha"] == pytest.approx(2.0, rel=1e-3)


def test_a_digitized_polygon_is_clipped_against_the_other_lines(opened) -> None:
    """QGIS's digitizing tool (QgsMapToolDigitizeFeature) with the workspace's avoid-overlap
    settings: a square drawn on the urban layer over farmland F1 (x ≤ 400) keeps only x ≥ 400."""
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.core import QgsPointXY, QgsRectangle
    from qgis.gui import (QgsAdvancedDigitizingDockWidget, QgsMapCanvas, QgsMapMouseEvent, QgsMapToolCapture,
                          QgsMapToolDigitizeFeature)

    urban = opened.layers["urban_boundary"]
    canvas = QgsMapCanvas()
    canvas.resize(800, 600)
    canvas.setDestinationCrs(urban.crs())
    canvas.setLayers(list(opened.layers.values()))
    canvas.setExtent(QgsRectangle(ld.X0, ld.Y0, ld.X0 + 1000, ld.Y0 + 1000))
    cad = QgsAdvancedDigitizingDockWidget(canvas)
    assert urban.startEditing()
    tool = QgsMapToolDigitizeFeature(canvas, cad, QgsMapToolCapture.CapturePolygon)
    tool.setLayer(urban)
    digitized = []
    tool.digitizingCompleted.connect(lambda f: digitized.append(QgsGeometry(f.geometry())))
    canvas.setMapTool(tool)

    def click(x: float, y: float, button=Qt.LeftButton) -> None:
        pixel = canvas.getCoordinateTransform().transform(QgsPointXY(ld.X0 + x, ld.Y0 + y))
        tool.cadCanvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease,
                                                    QPoint(round(pixel.x()), round(pixel.y())), button))

    for x, y in ((350, 420), (450, 420), (450, 480), (350, 480)):
        click(x, y)
    click(350, 480, Qt.RightButton)
    assert len(digitized) == 1
    geometry = digitized[0]
    geometry.convertToMultiType()
    feature = QgsVectorLayerUtils.createFeature(urban, geometry, {}, urban.createExpressionContext())
    assert urban.addFeature(feature)
    stored = urban.getFeature(feature.id()).geometry()
    assert stored.boundingBox().xMinimum() == pytest.approx(ld.X0 + 400, abs=1e-6)  # clipped at F1's edge
    assert 0.4 * 100 * 60 < stored.area() < 0.6 * 100 * 60  # about half of the drawn 100 m × 60 m
    for other in ("ecological_redline", "permanent_farmland"):
        for f in opened.layers[other].getFeatures():
            assert stored.intersection(f.geometry()).area() < 1e-6, other
    urban.rollBack()
    canvas.unsetMapTool(tool)


def test_the_menu_actions_dialogs(guotu, tmp_path: Path, monkeypatch) -> None:
    """"New" asks for a file and a CRS, creates and opens the workspace; "Open" refuses a
    file that is no workspace with a message naming what is missing."""
    import qgis.gui
    from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox

    from guotu.ui import lines_dock

    class FakeCrsDialog:
        def __init__(self, parent=None):
            self._crs = QgsCoordinateReferenceSystem()

        def setCrs(self, crs):  # noqa: N802 — Qt API name
            self._crs = QgsCoordinateReferenceSystem("EPSG:4528")

        def setWindowTitle(self, title):  # noqa: N802
            pass

        def exec(self):
            return 1

        def crs(self):
            return self._crs

    warnings = []
    monkeypatch.setattr(qgis.gui, "QgsProjectionSelectionDialog", FakeCrsDialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "新建"), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    project = QgsProject.instance()
    try:
        path = lines_dock.new_workspace_interactive(None, project)
        assert path == tmp_path / "新建.gpkg" and path.is_file()
        assert ld.ws_layer(path, "admin_units").crs().authid() == "EPSG:4528"
        assert str(path) in lines_dock.project_workspaces(project)
        assert lines_dock.new_workspace_interactive(None, project) is None  # exists: refused, not replaced
        assert "never replaced" in warnings[-1]
        other = tmp_path / "other.gpkg"
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(other))
        ds.CreateLayer("dltb", None, ogr.wkbMultiPolygon)
        ds = None
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
        assert lines_dock.open_workspace_interactive(None, project) is None
        assert "ecological_redline" in warnings[-1] and "not a complete three-lines workspace" in warnings[-1]
    finally:
        project.clear()


def test_opening_twice_reuses_the_group_and_zooms_to_the_drawing(guotu, tmp_path_factory, tmp_path: Path,
                                                                 monkeypatch) -> None:
    """Opening a workspace that is open already gives back its group and layers (no second
    copy in the layer tree); "Open" zooms the map to what is drawn in it."""
    from qgis.PyQt.QtWidgets import QFileDialog
    from qgis.gui import QgsMapCanvas

    from guotu.lines.lines_workspace import open_workspace
    from guotu.ui import lines_dock

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    project = QgsProject.instance()
    try:
        first = open_workspace(fx / "ws.gpkg", project)
        again = open_workspace(fx / "ws.gpkg", project)
        assert again.group is first.group
        assert {k: v.id() for k, v in again.layers.items()} == {k: v.id() for k, v in first.layers.items()}
        assert len(project.layerTreeRoot().findGroups()) == 1 and len(project.mapLayers()) == 6
        canvas = QgsMapCanvas()
        canvas.setDestinationCrs(first.layers["ecological_redline"].crs())
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fx / "ws.gpkg"), ""))
        assert lines_dock.open_workspace_interactive(None, project, canvas) == fx / "ws.gpkg"
        assert len(project.layerTreeRoot().findGroups()) == 1
        extent = canvas.extent()
        drawn = first.layers["admin_units"].extent()
        assert extent.contains(drawn) and extent.width() < 3 * drawn.width()
    finally:
        project.clear()
