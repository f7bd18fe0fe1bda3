"""The area tally's tables as Processing loads them into the project: the column titles of
resources/schemas/tally.csv and area_check.csv as aliases in the Chinese UI, the field names in
the English UI — as every other output."""

from pathlib import Path

import processing
import pytest
from qgis.core import QgsProject

from test_area_by_class import area_check_files
from test_column_titles import chinese

pytestmark = pytest.mark.usefixtures("provider")

TALLY_ZH = ["分区编号", "地类编码", "面积（公顷）"]
CHECK_ZH = ["fid", "标识码", "图斑编号", "地类编码", "图斑面积", "计算椭球面积", "面积差", "相对差 (ppm)"]


def _titles(layer) -> list:
    return [layer.attributeDisplayName(i) for i in range(layer.fields().count())]


def _run(tmp_path: Path):
    zones, files = area_check_files(tmp_path)
    project = QgsProject.instance()
    result = processing.runAndLoadResults("guotu:areabyclass", {
        "ZONES": zones, "ZONE_ID": "code", "LANDUSE": files[4527], "CLASS_FIELD": "DLBM",
        "OUTPUT": "TEMPORARY_OUTPUT", "AREA_CHECK": "TEMPORARY_OUTPUT"})
    tally, check = project.mapLayer(result["OUTPUT"]), project.mapLayer(result["AREA_CHECK"])
    assert tally is not None and check is not None, result
    assert check.featureCount() == 1  # parcel 2, 0.5 m² off its TBMJ
    return tally, check


def test_the_tally_tables_have_chinese_titles_in_the_chinese_ui(guotu, plugin_root: Path, tmp_path: Path) -> None:
    with chinese(plugin_root):
        tally, check = _run(tmp_path)
        assert _titles(tally) == TALLY_ZH
        assert _titles(check) == CHECK_ZH
    QgsProject.instance().removeAllMapLayers()


def test_the_tally_tables_show_field_names_in_the_english_ui(guotu, tmp_path: Path) -> None:
    tally, check = _run(tmp_path)
    assert _titles(tally) == ["zone_id", "class_code", "area_ha"]
    assert _titles(check) == ["fid", "bsm", "tbbh", "class_code", "official_m2", "computed_m2", "difference_m2",
                              "difference_ppm"]
    QgsProject.instance().removeAllMapLayers()


def test_a_tally_by_unit_code_with_names_has_the_zone_name_title(guotu, plugin_root: Path) -> None:
    import testdata as td

    landuse = td.memory_layer("Polygon", "&field=ZLDWDM:string&field=DLBM:string",
                              [(["130101001001", "0101"], td.wkt_polygon(td.rect(100, 100, 300, 300)))], "DLTB")
    names = td.memory_layer("Polygon", "&field=XZQDM:string&field=XZQMC:string",
                            [(["130101001", "甲镇"], td.wkt_polygon(td.rect(0, 0, 1000, 1000)))], "XZQ")
    with chinese(plugin_root):
        result = processing.runAndLoadResults("guotu:areabyunitcode", {
            "LANDUSE": landuse, "CLASS_FIELD": "DLBM", "UNIT_CODE_FIELD": "ZLDWDM", "LEVEL": 1, "NAMES": names,
            "NAMES_CODE_FIELD": "XZQDM", "NAMES_NAME_FIELD": "XZQMC", "OUTPUT": "TEMPORARY_OUTPUT"})
        tally = QgsProject.instance().mapLayer(result["OUTPUT"])
        assert tally is not None, result
        assert [f["zone_name"] for f in tally.getFeatures()] == ["甲镇"]
        assert _titles(tally) == ["分区编号", "分区名称", "地类编码", "面积（公顷）"]
    QgsProject.instance().removeAllMapLayers()
