"""Bad inputs give a QgsProcessingException naming the layer, field and feature."""

import pytest
from qgis.core import (QgsCoordinateTransformContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProject)

import testdata as td

pytestmark = pytest.mark.usefixtures("provider")

BOWTIE = td.wkt_polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])  # self-intersecting


@pytest.fixture(autouse=True)
def clean_project():
    yield
    QgsProject.instance().removeAllMapLayers()


def _error(params: dict, feedback=None) -> str:
    with pytest.raises(QgsProcessingException) as info:
        td.run_area(params, feedback=feedback)
    return str(info.value)


def test_missing_class_field_names_layer_and_field():
    message = _error({"ZONES": td.zones_layer(), "ZONE_ID": "xzqdm",
                      "LANDUSE": td.landuse_layer(name="dltb_2023"), "CLASS_FIELD": "no_such_field"})
    assert "dltb_2023" in message and "no_such_field" in message
    assert "dlbm" in message  # lists the fields that do exist


def test_missing_zone_id_field_names_layer_and_field():
    message = _error({"ZONES": td.zones_layer(name="counties"), "ZONE_ID": "code",
                      "LANDUSE": td.landuse_layer(), "CLASS_FIELD": "dlbm"})
    assert "counties" in message and '"code"' in message


def test_no_land_use_input():
    message = _error({"ZONES": td.zones_layer(), "ZONE_ID": "xzqdm"})
    assert "exactly one land-use input" in message


def test_both_land_use_inputs(tmp_path):
    from osgeo import gdal

    path = tmp_path / "r.tif"
    gdal.GetDriverByName("GTiff").Create(str(path), 2, 2, 1, gdal.GDT_Byte)
    message = _error({"ZONES": td.zones_layer(), "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm", "LANDUSE_RASTER": str(path)})
    assert "exactly one land-use input" in message


def test_vector_land_use_without_class_field():
    message = _error({"ZONES": td.zones_layer(), "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer()})
    assert "class field" in message


def test_null_zone_id_names_feature_layer_and_field():
    zones = td.zones_layer([("110101", td.ZONES[0][1]), (None, td.ZONES[1][1])], name="xzq")
    fid = [f.id() for f in zones.getFeatures()][1]
    message = _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm"})
    assert f"Feature {fid} " in message and '"xzq"' in message and '"xzqdm"' in message
    assert "empty zone id" in message


def test_blank_zone_id_is_empty_too():
    zones = td.zones_layer([("  ", td.ZONES[0][1])])
    assert "empty zone id" in _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                                      "CLASS_FIELD": "dlbm"})


def test_duplicate_zone_id_names_both_features():
    zones = td.zones_layer([("110101", td.ZONES[0][1]), ("110101", td.ZONES[1][1])])
    fids = [f.id() for f in zones.getFeatures()]
    message = _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm"})
    assert f"Features {fids[0]} and {fids[1]}" in message and "110101" in message


def test_empty_zones_layer():
    zones = td.zones_layer(name="empty_zones")
    assert zones.setSubsetString("\"xzqdm\" = 'nothing'")
    message = _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm"})
    assert "empty_zones" in message and "no zones" in message


def test_planar_area_refuses_a_geographic_crs():
    import processing

    zones = processing.run("native:reprojectlayer", {"INPUT": td.zones_layer(), "TARGET_CRS": "EPSG:4490",
                                                     "OUTPUT": "memory:"})["OUTPUT"]
    message = _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm", "AREA_METHOD": 1})
    assert "projected CRS in metres" in message and "EPSG:4490" in message


def test_invalid_crs_is_named(guotu):
    from guotu.binding.errors import GuotuInputError
    from guotu.tally.tally import TallyRequest, run_tally

    zones = td.memory_layer("Polygon", "&field=xzqdm:string", [(["a"], td.ZONES[0][1])], "nocrs", crs="")
    assert not zones.crs().isValid()
    with pytest.raises(GuotuInputError, match='"nocrs" has no valid coordinate reference system'):
        run_tally(TallyRequest(zones=zones, zone_id_field="xzqdm", landuse=td.landuse_layer(),
                               class_field="dlbm"), QgsCoordinateTransformContext())


def test_non_polygon_layer_is_named(guotu):
    from guotu.binding.errors import GuotuInputError
    from guotu.tally.tally import TallyRequest, run_tally

    lines = td.memory_layer("LineString", "&field=dlbm:integer",
                            [([1], f"LINESTRING({td.X0} {td.Y0}, {td.X0 + 10} {td.Y0})")], "roads")
    with pytest.raises(GuotuInputError, match='"roads" must be a polygon layer.*LineString'):
        run_tally(TallyRequest(zones=td.zones_layer(), zone_id_field="xzqdm", landuse=lines,
                               class_field="dlbm"), QgsCoordinateTransformContext())


def test_invalid_zone_with_fail_policy_names_the_feature():
    zones = td.zones_layer([("110101", td.ZONES[0][1]), ("bad", BOWTIE)], name="xzq")
    fid = [f.id() for f in zones.getFeatures()][1]
    message = _error({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                      "CLASS_FIELD": "dlbm", "INVALID": 1})
    assert "GUOTU_ERR_INVALID_GEOMETRY" in message
    assert str(fid) in message and "xzq" in message


def test_invalid_zone_with_repair_policy_gives_a_result_and_reports_the_repair():
    zones = td.zones_layer([("110101", td.ZONES[0][1]), ("bad", BOWTIE)])
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, message: str) -> None:
            warnings.append(message)

    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
                       "CLASS_FIELD": "dlbm", "AREA_METHOD": 1}, feedback=Feedback())
    table = td.result_table(out)
    assert table[("110101", "101")] == pytest.approx(32.0)
    # The repaired bow tie is two triangles meeting at (500, 500): bottom and top,
    # and the 101 strip (y 300..700) crosses both.
    assert table[("bad", "101")] > 0
    assert any("Repaired 1 invalid geometries: 1 zones" in w for w in warnings), warnings
