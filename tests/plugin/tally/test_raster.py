"""guotu:areabyclass on a categorical GeoTIFF made here with GDAL."""

from collections import defaultdict
from pathlib import Path
from typing import Dict

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import (QgsCoordinateTransformContext, QgsGeometry, QgsPointXY, QgsProject,
                       QgsRasterLayer, QgsVectorLayer)

import testdata as td

pytestmark = pytest.mark.usefixtures("provider")

# 10 m cells from x = -100 .. 2200 and y = -100 .. 1900 (relative to X0, Y0):
# larger than the zones on every side, and zone edges at x = 0/1000/2000 fall on
# cell edges while zone 110105's slanted edges cut cells.
CELL = 10.0
LEFT, TOP = -100.0, 1900.0
COLS, ROWS = 230, 200
NODATA = -9999
CLASSES = np.array([11, 21, 31, 41], dtype=np.int16)


def _values() -> np.ndarray:
    rows, cols = np.indices((ROWS, COLS))
    values = CLASSES[(cols // 7 + rows // 9) % 4].astype(np.int16)
    values[150:170, 30:60] = NODATA  # x 200..500, y 200..400: inside zone 110101
    return values


@pytest.fixture(scope="module")
def raster_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("raster") / "landuse.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), COLS, ROWS, 1, gdal.GDT_Int16)
    ds.SetGeoTransform((td.X0 + LEFT, CELL, 0, td.Y0 + TOP, 0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.WriteArray(_values())
    ds = None
    return path


@pytest.fixture(scope="module")
def polygonized(raster_path: Path) -> QgsVectorLayer:
    """The raster as polygons (one per patch of equal cells, nodata left out)."""
    out = raster_path.with_name("cells.gpkg")
    ds = gdal.Open(str(raster_path))
    band = ds.GetRasterBand(1)
    vector = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    layer = vector.CreateLayer("cells", srs=ds.GetSpatialRef(), geom_type=ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("cls", ogr.OFTInteger))
    assert gdal.Polygonize(band, band.GetMaskBand(), layer, 0) == 0
    vector = None
    ds = None
    result = QgsVectorLayer(f"{out}|layername=cells", "cells", "ogr")
    assert result.isValid() and result.featureCount() > 0
    return result


@pytest.fixture
def raster_layer(raster_path: Path):
    layer = QgsRasterLayer(str(raster_path), "landuse_raster", "gdal")
    assert layer.isValid()
    yield layer
    QgsProject.instance().removeAllMapLayers()


def _centre_reference() -> Dict[td.Key, float]:
    """Hectares per (zone, class) counting whole cells whose centre is in the zone."""
    values = _values()
    rows, cols = np.indices(values.shape)
    xs = LEFT + (cols + 0.5) * CELL
    ys = TOP - (rows + 0.5) * CELL
    totals: Dict[td.Key, float] = defaultdict(float)
    for zone_id, wkt in td.ZONES:
        geometry = QgsGeometry.fromWkt(wkt)
        engine = QgsGeometry.createGeometryEngine(geometry.constGet())
        engine.prepareGeometry()
        box = geometry.boundingBox()
        near = ((xs + td.X0 >= box.xMinimum()) & (xs + td.X0 <= box.xMaximum())
                & (ys + td.Y0 >= box.yMinimum()) & (ys + td.Y0 <= box.yMaximum()))
        for r, c in zip(*np.nonzero(near)):
            point = QgsGeometry.fromPointXY(QgsPointXY(td.X0 + xs[r, c], td.Y0 + ys[r, c]))
            if values[r, c] != NODATA and engine.contains(point.constGet()):
                totals[(zone_id, str(values[r, c]))] += CELL * CELL / 10_000.0
    return dict(totals)


def _run(zones, raster_layer, **extra) -> Dict[td.Key, float]:
    params = {"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE_RASTER": raster_layer}
    params.update(extra)
    return td.result_table(td.run_area(params))


def test_exact_planar_equals_polygonized_raster_intersection(raster_layer, polygonized):
    zones = td.zones_layer()
    actual = _run(zones, raster_layer, AREA_METHOD=1, RASTER_MODE=0)
    expected = td.qgis_reference(zones, polygonized, "xzqdm", "cls", ellipsoidal=False)
    td.assert_tables_close(actual, expected, rel=1e-9)
    assert not any(code == str(NODATA) for _, code in actual)
    # Zone 110101 is 100 ha, of which 6 ha are nodata cells.
    assert sum(v for (z, _), v in actual.items() if z == "110101") == pytest.approx(94.0, rel=1e-12)


def test_exact_ellipsoidal_matches_qgis_distance_area(raster_layer, polygonized):
    zones = td.zones_layer()
    actual = _run(zones, raster_layer)  # defaults: ellipsoidal, exact
    td.assert_tables_close(actual, td.qgis_reference(zones, polygonized, "xzqdm", "cls"), rel=1e-4)


def test_centre_mode_counts_whole_cells_by_centre(raster_layer):
    zones = td.zones_layer()
    actual = _run(zones, raster_layer, AREA_METHOD=1, RASTER_MODE=1)
    td.assert_tables_close(actual, _centre_reference(), rel=1e-9)
    # Axis-aligned zones on cell edges: both modes agree there.
    exact = _run(zones, raster_layer, AREA_METHOD=1, RASTER_MODE=0)
    for key in actual:
        if key[0] in ("110101", "110102"):
            assert actual[key] == pytest.approx(exact[key], rel=1e-12)
    # ... but not on the slanted zone, whose cut cells count whole or not at all.
    assert any(abs(actual[k] - exact.get(k, 0)) > 1e-3 for k in actual if k[0] == "110105")


def test_zones_in_another_crs_are_reprojected_into_the_raster_crs(raster_layer):
    import processing

    zones = td.zones_layer()
    geographic = processing.run("native:reprojectlayer", {
        "INPUT": zones, "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"})["OUTPUT"]
    td.assert_tables_close(_run(geographic, raster_layer, AREA_METHOD=1),
                           _run(zones, raster_layer, AREA_METHOD=1), rel=1e-6)


def test_blocks_cover_the_zone_window_once_and_stay_small(guotu, raster_layer, monkeypatch):
    """Small blocks give the same answer, every block stays within the block size,
    and only the window of cells under the zones is read."""
    from guotu.inputs import raster_blocks
    from guotu.tally.tally import TallyRequest, run_tally
    from guotu.binding.native import AreaMethod

    zones = td.zones_layer()
    single = _run(zones, raster_layer, AREA_METHOD=1)
    monkeypatch.setattr(raster_blocks, "BLOCK_ROWS", 37)
    monkeypatch.setattr(raster_blocks, "BLOCK_COLS", 50)
    raster = raster_blocks.CategoricalRaster.from_layer(raster_layer)
    shapes = []
    original = raster_blocks.CategoricalRaster._read

    def spy(self, row0, col0, nrows, ncols):
        shapes.append((nrows, ncols))
        return original(self, row0, col0, nrows, ncols)

    monkeypatch.setattr(raster_blocks.CategoricalRaster, "_read", spy)
    result = run_tally(TallyRequest(zones=zones, zone_id_field="xzqdm", raster=raster,
                                    area_method=AreaMethod.PLANAR), QgsCoordinateTransformContext())
    td.assert_tables_close({(z, c): a for z, c, a in result.rows}, single, rel=1e-12)
    assert all(r <= 37 and c <= 50 for r, c in shapes)
    # Zones span x 0..2000, y 0..1800: 200 x 180 cells of the 230 x 200 raster.
    assert (result.raster_window.width, result.raster_window.height) == (200, 180)
    assert sum(r * c for r, c in shapes) == 200 * 180 == result.stats["raster_cells"]
    assert result.stats["nodata_cells"] == 20 * 30


def test_runs_in_a_background_task_like_the_processing_dialog(raster_layer):
    """The dialog runs algorithms in a QgsTask thread: the raster provider is
    cloned in prepareAlgorithm and the core's callbacks come from that thread."""
    from qgis.core import (QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                           QgsProcessingFeedback)
    from qgis.PyQt.QtCore import QCoreApplication, QElapsedTimer

    zones = td.zones_layer()
    QgsProject.instance().addMapLayers([zones, raster_layer])
    algorithm = QgsApplication.processingRegistry().algorithmById("guotu:areabyclass")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    params = {"ZONES": zones.id(), "ZONE_ID": "xzqdm", "LANDUSE_RASTER": raster_layer.id(),
              "AREA_METHOD": 1, "OUTPUT": "memory:"}
    outcome = {}
    task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
    task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    clock = QElapsedTimer()
    clock.start()
    while "ok" not in outcome and clock.elapsed() < 30_000:
        QCoreApplication.processEvents()
    assert outcome.get("ok"), outcome
    table = td.result_table(context.takeResultLayer(outcome["results"]["OUTPUT"]))
    td.assert_tables_close(table, _run(zones, raster_layer, AREA_METHOD=1), rel=1e-12)
    assert progress and max(progress) == pytest.approx(100.0)


def test_raster_outside_the_zones_gives_an_empty_table_and_a_warning(raster_layer):
    from qgis.core import QgsProcessingFeedback

    far = [("far", td.wkt_polygon(td.rect(50_000, 50_000, 51_000, 51_000)))]
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, message: str) -> None:
            warnings.append(message)

    out = td.run_area({"ZONES": td.zones_layer(far), "ZONE_ID": "xzqdm", "LANDUSE_RASTER": raster_layer},
                      feedback=Feedback())
    assert out.featureCount() == 0
    assert any("table is empty" in w for w in warnings), warnings
