"""Clear errors of the land-use conversion: bad policy and category tables (the core's
message names the file and the line or the missing pair), rasters, missing fields, and an
exception inside the piece callback."""

from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProject, QgsRasterLayer

import conversion_data as cd
from conftest import REPO

pytestmark = pytest.mark.usefixtures("provider")

POLICY = REPO / "resources" / "presets" / "conversion" / "policy.csv"


def _run_expecting(match: str, **params) -> str:
    layers = cd.fixture_layers()
    with pytest.raises(QgsProcessingException) as info:
        cd.run_algorithm(cd.params(layers["before"], layers["after"], **params))
    message = str(info.value)
    assert match in message, message
    return message


def test_policy_missing_a_pair(tmp_path: Path):
    lines = POLICY.read_text(encoding="utf-8").splitlines()
    short = tmp_path / "short.csv"
    short.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    message = _run_expecting("no rule for construction -> construction", POLICY=str(short))
    assert "short.csv" in message and "policy table" in message


def test_policy_with_an_unknown_category(tmp_path: Path):
    lines = POLICY.read_text(encoding="utf-8").splitlines()
    weird = tmp_path / "weird.csv"
    weird.write_text("\n".join(lines + ["wetland,forest,path,x,y"]) + "\n", encoding="utf-8")
    message = _run_expecting("'wetland'", POLICY=str(weird))
    assert "line 102" in message and "weird.csv" in message


def test_policy_with_an_unknown_status(tmp_path: Path):
    text = POLICY.read_text(encoding="utf-8").replace("garden,cultivated,path,", "garden,cultivated,maybe,", 1)
    bad = tmp_path / "status.csv"
    bad.write_text(text, encoding="utf-8")
    _run_expecting("unknown status 'maybe'", POLICY=str(bad))


def test_category_table_with_an_unknown_category(tmp_path: Path):
    cats = tmp_path / "cats.csv"
    cats.write_text("code,category\n21,woodland\n", encoding="utf-8")
    message = _run_expecting("'woodland'", BEFORE_CATEGORIES=str(cats))
    assert "line 2" in message and "before layer" in message


def test_user_category_table_is_used(tmp_path: Path):
    """Every after code as forest: 21 (forest) → forest is then "same"."""
    cats = tmp_path / "after.csv"
    cats.write_text("code,category\n0701,forest\n1101,forest\n0103,forest\n0101,forest\n9999,forest\n",
                    encoding="utf-8")
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], AFTER_CATEGORIES=str(cats)))
    statuses = cd.status_areas(cd.layer_rows(result["STATUS_SUMMARY"]), "")
    # forest→forest same 2.0; cultivated→forest path (退耕还林) 3.0; river_water→forest gap 1.0.
    assert statuses == pytest.approx({"same": 2.0, "path": 3.0, "gap": 1.0})
    assert result["UNKNOWN"].featureCount() == 0


def test_rasters_are_refused(tmp_path: Path):
    files = cd.write_fixture(tmp_path)
    tif = tmp_path / "before.tif"
    gdal.Rasterize(str(tif), str(files["before"]), attribute="dlbm", xRes=10, yRes=10, outputType=gdal.GDT_Int16)
    layers = cd.fixture_layers()
    for value in (str(tif), QgsRasterLayer(str(tif), "before raster")):
        with pytest.raises(QgsProcessingException) as info:
            cd.run_algorithm(cd.params(value, layers["after"]))
        message = str(info.value)
        assert "is a raster" in message and "Polygonize" in message, message
    raster = QgsRasterLayer(str(tif), "raster in project")
    QgsProject.instance().addMapLayer(raster)
    try:
        with pytest.raises(QgsProcessingException, match="raster in project"):
            cd.run_algorithm(cd.params(layers["before"], raster.id()))
    finally:
        QgsProject.instance().removeMapLayer(raster.id())


def test_missing_class_field_names_layer_and_fields():
    message = _run_expecting('has no field "DLBM2"', BEFORE_CLASS_FIELD="DLBM2")
    assert "before" in message and "dlbm" in message


def test_planar_area_needs_metres():
    layers = cd.fixture_layers()
    geographic = cd.memory_layer("Polygon", "&field=dlbm:string", [(["21"], "POLYGON((117 39,117.01 39,117.01 "
                                                                               "39.01,117 39.01,117 39))")],
                                 "geographic", "EPSG:4490")
    with pytest.raises(QgsProcessingException, match="projected CRS in metres"):
        cd.run_algorithm(cd.params(geographic, layers["after"]))


def test_exception_in_the_piece_callback_reaches_the_caller(guotu):
    from guotu.conversion.convert import ConversionRequest, LandUseInput, run_conversion
    from guotu.binding.native import AreaMethod

    layers = cd.fixture_layers()
    request = ConversionRequest(before=LandUseInput(layers["before"], "dlbm", "CAS_LUCC"),
                                after=LandUseInput(layers["after"], "dlbm", "SANDIAO_WORK"),
                                area_method=AreaMethod.PLANAR)
    seen = []

    def fail_on_third(piece):
        seen.append(piece)
        if len(seen) == 3:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        run_conversion(request, QgsProject.instance().transformContext(), None, fail_on_third)
    assert len(seen) == 3
    # The binding still works afterwards, and without a callback only tables are made.
    result = run_conversion(request, QgsProject.instance().transformContext())
    assert result.status_areas() == pytest.approx(cd.STATUS_ALL)
    assert result.stats["pieces"] == 7


def test_invalid_geometry_fails_naming_layer_and_feature_or_is_repaired():
    layers = cd.fixture_layers()
    x0, y0 = cd.X0, cd.Y0
    bowtie = (f"POLYGON(({x0} {y0}, {x0 + 100} {y0 + 100}, {x0 + 100} {y0}, {x0} {y0 + 100}, {x0} {y0}))")
    rows = [(["21"], bowtie)] + [([c], cd.strip_wkt(a, b)) for c, a, b in cd.BEFORE[1:]]
    before = cd.memory_layer("Polygon", "&field=dlbm:string", rows, "before_bowtie")
    with pytest.raises(QgsProcessingException) as info:
        cd.run_algorithm(cd.params(before, layers["after"], INVALID=1))
    message = str(info.value)
    assert "before_bowtie" in message and "feature 1" in message and "invalid" in message.lower(), message
    result = cd.run_algorithm(cd.params(before, layers["after"]))  # repaired (the default)
    pieces = cd.layer_rows(result["CONVERSIONS"])
    # The bow tie [0,100] is repaired into its two triangles: 0.5 ha of forest instead of 1.
    assert sum(p["area_ha"] for p in pieces) == pytest.approx(5.5)
