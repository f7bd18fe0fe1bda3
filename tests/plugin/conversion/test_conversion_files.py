"""guotu:landuseconversion with the core reading the files behind the layers (libguotu_io):
taken for file layers that hold what the user sees, equal to reading features through QGIS;
unsaved edits, a selection and memory layers still read through QGIS; a layer's filter goes
with the file; cancel and damage leave nothing behind."""

import sys
from pathlib import Path
from typing import List

import pytest
from qgis.core import (QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsProcessingFeedback,
                       QgsProject, QgsVectorLayer)

import conversion_data as cd
import voucher_data as vd
from conftest import REPO
from test_conversion_cli_parity import _pieces_by_key

sys.path.insert(0, str(REPO / "tests"))
import damaged_files as dmg  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

FROM_FILES = "The core read the input files itself"
TEMPORARY = {"CONVERSIONS": "TEMPORARY_OUTPUT", "TRANSITIONS": "TEMPORARY_OUTPUT",
             "STATUS_SUMMARY": "TEMPORARY_OUTPUT", "UNKNOWN": "TEMPORARY_OUTPUT"}


class Log(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines: List[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 — QGIS API name
        self.lines.append(info)
        super().pushInfo(info)

    def text(self) -> str:
        return "\n".join(self.lines)


def _run(params: dict) -> tuple:
    log = Log()
    return cd.run_algorithm(params, feedback=log), log


def _summary(result: dict) -> dict:
    layer = result["STATUS_SUMMARY"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "s", "ogr")
    return {(r["zone_id"], r["status"]): r["area_ha"] for r in cd.layer_rows(layer)}


def _assert_same(mine: dict, theirs: dict) -> None:
    a, b = _pieces_by_key(cd.layer_rows(mine["CONVERSIONS"])), _pieces_by_key(cd.layer_rows(theirs["CONVERSIONS"]))
    assert a.keys() == b.keys()
    for key, (count, area, dm, _areas) in b.items():
        assert a[key][0] == count and a[key][1] == pytest.approx(area, rel=1e-9, abs=1e-12) and \
            a[key][2] == pytest.approx(dm, rel=1e-9, abs=1e-12), key
    sa, sb = _summary(mine), _summary(theirs)
    assert sa.keys() == sb.keys() and all(sa[k] == pytest.approx(sb[k], rel=1e-9, abs=1e-12) for k in sb)


@pytest.fixture
def files(tmp_path: Path) -> dict:
    return cd.write_fixture(tmp_path)


def test_file_layers_are_read_by_the_core_and_equal_reading_through_qgis(files: dict) -> None:
    fast, log = _run(cd.params(str(files["before"]), str(files["after"]), str(files["zones"]), **TEMPORARY))
    assert FROM_FILES in log.text(), log.text()
    # Temporary outputs are handed over as Processing hands over temporary layers.
    assert isinstance(fast["CONVERSIONS"], QgsVectorLayer) and fast["CONVERSIONS"].featureCount() > 0
    layers = cd.fixture_layers()  # the same features in memory layers: read through QGIS
    slow, slow_log = _run(cd.params(layers["before"], layers["after"], layers["zones"]))
    assert FROM_FILES not in slow_log.text() and "read through QGIS" in slow_log.text()
    _assert_same(fast, slow)
    # And the hand-worked numbers of the fixture.
    assert {s: a for (z, s), a in _summary(fast).items() if z == "Z1"} == pytest.approx(cd.STATUS_Z1)


def test_map_saved_to_a_geopackage_gets_its_tables_and_style_from_the_core_run(files: dict, tmp_path: Path) -> None:
    out = tmp_path / "result.gpkg"
    params = cd.params(str(files["before"]), str(files["after"]), **TEMPORARY)
    params["CONVERSIONS"] = str(out)
    result, log = _run(params)
    assert FROM_FILES in log.text(), log.text()
    assert result["CONVERSIONS"] == f"{out}|layername=conversions"
    assert {"conversions", "transitions", "status_summary", "unknown_codes", "layer_styles"} <= set(
        vd.ogr_layer_names(out))
    reopened = QgsVectorLayer(f"{out}|layername=conversions", "reopened", "ogr")
    assert reopened.renderer().type() in ("categorizedSymbol", "RuleRenderer")  # the stored default style
    cli = tmp_path / "cli.gpkg"
    res = cd.cli_convert(files["before"], files["after"], cli, "--area", "planar")
    assert res.returncode == 0, res.stderr
    assert cd.status_areas(cd.ogr_rows(out, "status_summary"), "") == pytest.approx(
        cd.status_areas(cd.ogr_rows(cli, "status_summary"), ""))


def test_unsaved_edits_and_selections_are_read_through_qgis(files: dict) -> None:
    before = QgsVectorLayer(f"{files['before']}|layername=landuse", "before", "ogr")
    QgsProject.instance().addMapLayer(before)
    try:
        untouched, _log = _run(cd.params(before, str(files["after"]), **TEMPORARY))
        assert before.startEditing()
        first = next(before.getFeatures())
        assert before.changeAttributeValue(first.id(), before.fields().indexOf("dlbm"), "41")
        edited, log = _run(cd.params(before, str(files["after"]), **TEMPORARY))
        assert FROM_FILES not in log.text() and "unsaved edits" in log.text(), log.text()
        def river_before(result: dict) -> float:
            return sum(r["area_ha"] for r in cd.layer_rows(result["CONVERSIONS"]) if r["from_code"] == "41")

        # The edit counts, as the user sees it: strip [0,100] is river water now.
        assert river_before(edited) == pytest.approx(river_before(untouched) + 1.0)
        before.rollBack()
        before.selectByIds([first.id()])
        selected = QgsProcessingFeatureSourceDefinition(before.id(), True)
        part, log = _run(cd.params(selected, str(files["after"]), **TEMPORARY))
        assert "selected features only" in log.text(), log.text()
        assert sum(r["area_ha"] for r in cd.layer_rows(part["CONVERSIONS"])) == pytest.approx(1.0)
    finally:
        QgsProject.instance().removeMapLayer(before.id())


def test_a_layer_filter_goes_with_the_file(files: dict) -> None:
    before = QgsVectorLayer(f"{files['before']}|layername=landuse", "before", "ogr")
    assert before.setSubsetString("dlbm <> '41'")
    fast, log = _run(cd.params(before, str(files["after"]), **TEMPORARY))
    assert FROM_FILES in log.text(), log.text()
    kept = [row for row in cd.BEFORE if row[0] != "41"]
    slow, _log = _run(cd.params(cd.strips_layer(kept, "before"), cd.fixture_layers()["after"]))
    _assert_same(fast, slow)
    assert sum(r["area_ha"] for r in cd.layer_rows(fast["CONVERSIONS"])) == pytest.approx(5.0)


class CancelAfterTables(QgsProcessingFeedback):
    """Cancels once the run reports progress past the tables (from the core's worker thread)."""

    def setProgress(self, progress: float) -> None:  # noqa: N802 — QGIS API name
        super().setProgress(progress)
        if progress > 5.0:
            self.cancel()


def test_cancel_leaves_no_file(files: dict, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.gpkg"
    params = cd.params(str(files["before"]), str(files["after"]), str(files["zones"]), **TEMPORARY)
    params["CONVERSIONS"] = str(out)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        cd.run_algorithm(params, feedback=CancelAfterTables())
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("cancelled")]


def test_a_damaged_file_stops_the_core_run(tmp_path: Path) -> None:
    intact = dmg.write_grid(tmp_path / "lu.gpkg")
    bad = dmg.damage(intact, tmp_path / "bad.gpkg")
    out = tmp_path / "out.gpkg"
    params = {"BEFORE": f"{bad}|layername=landuse", "BEFORE_CLASS_FIELD": "dlbm", "BEFORE_SYSTEM": 1,
              "AFTER": f"{intact}|layername=landuse", "AFTER_CLASS_FIELD": "dlbm", "AFTER_SYSTEM": 1,
              **TEMPORARY, "CONVERSIONS": str(out)}
    with pytest.raises(QgsProcessingException, match="damaged"):
        cd.run_algorithm(params, feedback=Log())
    assert not out.exists()


def test_inputs_in_another_crs_are_read_through_qgis(files: dict, tmp_path: Path) -> None:
    """The core would reproject with PROJ's default operation, QGIS with the project's: layers
    in different CRSs are read through QGIS, which says so (naming the input)."""
    import processing

    after = processing.run("native:reprojectlayer", {"INPUT": f"{files['after']}|layername=landuse",
                                                      "TARGET_CRS": "EPSG:4490",
                                                      "OUTPUT": str(tmp_path / "after_4490.gpkg")})["OUTPUT"]
    result, log = _run(cd.params(str(files["before"]), after, **TEMPORARY))
    assert FROM_FILES not in log.text() and "the after layer: another CRS than the before layer" in log.text()
    assert sum(r["area_ha"] for r in cd.layer_rows(result["CONVERSIONS"])) == pytest.approx(6.0, rel=1e-6)


def _gbk_zones(folder: Path, keep_cpg: bool) -> Path:
    """The fixture's zones as a GBK shapefile with Chinese ids (with or without its .cpg)."""
    from osgeo import ogr, osr

    from osgeo import gdal

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "zones.shp"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    # QGIS sets SHAPE_ENCODING to "" for its process, which makes GDAL write UTF-8 whatever the
    # ENCODING option: cleared while writing (as test_encoding.py does).
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
        layer = ds.CreateLayer("zones", srs, ogr.wkbPolygon, options=["ENCODING=CP936"])
        layer.CreateField(ogr.FieldDefn("code", ogr.OFTString))
        for name, (_zone, a, b) in zip(("甲区", "乙区"), cd.ZONES):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature["code"] = name
            feature.SetGeometry(ogr.CreateGeometryFromWkt(cd.strip_wkt(a, b)))
            layer.CreateFeature(feature)
        ds = None
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    assert "甲区".encode("gbk") in path.with_suffix(".dbf").read_bytes()
    if not keep_cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


@pytest.mark.parametrize("keep_cpg", [True, False], ids=["with .cpg", "encoding set in QGIS"])
def test_a_gbk_shapefile_is_read_by_the_core_in_its_encoding(files: dict, tmp_path: Path, keep_cpg: bool) -> None:
    """Chinese zone ids of a GBK shapefile come out whole, whether the .cpg says GBK or the
    user set the layer's encoding in QGIS: the core reads the file in the encoding QGIS uses."""
    shp = _gbk_zones(tmp_path / "shp", keep_cpg)
    zones = QgsVectorLayer(str(shp), "zones", "ogr")
    if not keep_cpg:
        zones.setProviderEncoding("GBK")
    assert {f["code"] for f in zones.getFeatures()} == {"甲区", "乙区"}
    fast, log = _run(cd.params(str(files["before"]), str(files["after"]), zones, **TEMPORARY))
    assert FROM_FILES in log.text(), log.text()
    assert {zone for zone, _status in _summary(fast)} == {"甲区", "乙区", "*"}


def test_a_crs_set_in_qgis_or_a_qgis_field_keeps_the_reading_in_qgis(files: dict) -> None:
    """The core would read the file's own CRS and fields: a layer whose CRS the user set in QGIS
    (here a wrong one) or whose class field is an expression is read through QGIS, which
    computes with what the user sees."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsField

    from guotu.compat import FIELD_STRING

    layers = [QgsVectorLayer(f"{files[role]}|layername=landuse", role, "ogr") for role in ("before", "after")]
    for layer in layers:
        layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4528"))  # both in a zone their files are not in
    _result, log = _run(cd.params(layers[0], layers[1], **TEMPORARY))
    assert FROM_FILES not in log.text() and "a CRS set in QGIS, not the file's" in log.text(), log.text()
    before = QgsVectorLayer(f"{files['before']}|layername=landuse", "before", "ogr")
    assert before.addExpressionField('"dlbm"', QgsField("code_expr", FIELD_STRING))
    result, log = _run(cd.params(before, str(files["after"]), BEFORE_CLASS_FIELD="code_expr", **TEMPORARY))
    assert FROM_FILES not in log.text() and "the field code_expr is not in the file" in log.text(), log.text()
    fast, _log = _run(cd.params(str(files["before"]), str(files["after"]), **TEMPORARY))
    _assert_same(result, fast)  # the expression equals dlbm: the same answer either way
