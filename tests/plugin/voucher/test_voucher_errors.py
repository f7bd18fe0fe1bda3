"""Bad voucher inputs stop with a QgsProcessingException naming the layer, field and feature."""

from pathlib import Path

import processing
import pytest
from qgis.core import QgsProcessingException

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")


def _fails(layers, match: str, **extra):
    with pytest.raises(QgsProcessingException, match=match) as info:
        vd.run_accounting(layers, **{"AREA_METHOD": 1, **extra})
    return str(info.value)


def _with_zones(rows, **kwargs):
    layers = vd.fixture_layers()
    layers["zones"] = vd.zones_layer(rows=rows, **kwargs)
    return layers


def test_non_numeric_gdp_names_feature_layer_and_field():
    rows = [("Z1", "一县", "很多", 1000, (0, 0, 1000, 1000)), ("Z2", "二县", "6e8", 4000, (1000, 0, 3000, 1000))]
    _fails(_with_zones(rows, gdp_type="string"),
           r'Feature 1 of layer "zones": the GDP field "gdp" is "很多"; a number is needed')


def test_numeric_text_gdp_is_accepted():
    rows = [("Z1", "一县", "2e8", 1000, (0, 0, 1000, 1000)), ("Z2", "二县", "600000000", 4000, (1000, 0, 3000, 1000))]
    z = vd.by_zone(vd.run_accounting(_with_zones(rows, gdp_type="string"), AREA_METHOD=1)["VOUCHER"])
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1)


def test_missing_population_names_the_field():
    rows = [("Z1", "一县", 2e8, None, (0, 0, 1000, 1000)), ("Z2", "二县", 6e8, 4000, (1000, 0, 3000, 1000))]
    _fails(_with_zones(rows), r'Feature 1 of layer "zones": the population field "pop" is empty')


@pytest.mark.parametrize("population", [0, -3])
def test_zero_or_negative_population(population):
    rows = [("Z1", "一县", 2e8, 1000, (0, 0, 1000, 1000)), ("Z2", "二县", 6e8, population, (1000, 0, 3000, 1000))]
    _fails(_with_zones(rows), r'Feature 2 of layer "zones" \(zone "Z2"\): the population in field "pop" is '
                              r'-?\d.*more than 0 persons')


def test_duplicate_zone_ids():
    rows = [("Z1", "一县", 2e8, 1000, (0, 0, 1000, 1000)), ("Z1", "二县", 6e8, 4000, (1000, 0, 3000, 1000))]
    _fails(_with_zones(rows), r'Features 1 and 2 of layer "zones" have the same zone id "Z1" in field "code"')


def test_missing_field_lists_the_fields():
    _fails(vd.fixture_layers(), r'Layer "zones" has no field "gdp_2020". Its fields are: code, name, gdp, pop',
           GDP_FIELD="gdp_2020")


def test_zone_table_without_a_row_for_a_zone():
    from testdata import memory_layer

    table = memory_layer("None", "&field=zone:string&field=g:double&field=p:double", [(["Z1", 2e8, 1000], None)],
                         "economy")
    _fails(vd.fixture_layers(), r'The zone table "economy" has no row for zone "Z2"', GDP_FIELD=None,
           POP_FIELD=None, ZONE_TABLE=table, TABLE_ID="zone", TABLE_GDP="g", TABLE_POP="p")


def test_base_and_target_in_different_crs_are_refused_unless_reprojection_is_asked():
    layers = vd.fixture_layers()
    lonlat = processing.run("native:reprojectlayer", {"INPUT": layers["target"], "TARGET_CRS": "EPSG:4490",
                                                      "OUTPUT": "memory:"})["OUTPUT"]
    lonlat.setName("target_4490")
    layers["target"] = lonlat
    message = _fails(layers, r'base-year land use "base" is in EPSG:4527.*target-year land use "target_4490" is in '
                             r'EPSG:4490', AREA_METHOD=0)
    assert "reproject" in message
    z = vd.by_zone(vd.run_accounting(layers, CRS_MISMATCH=1)["VOUCHER"])
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1, rel=1e-3)


def test_mask_in_another_crs_is_refused_by_default():
    from testdata import memory_layer

    mask = memory_layer("Polygon", "&field=id:integer", [([1], "POLYGON((116 39, 116.001 39, 116.001 39.001, 116 39))")],
                        "urban_4490", crs="EPSG:4490")
    _fails(vd.fixture_layers(), r'The mask layer "urban_4490" is in EPSG:4490.*zones layer "zones" is in EPSG:4527',
           MASK=mask)


def test_coefficient_table_with_a_duplicate_code(tmp_path: Path):
    table = tmp_path / "dup.csv"
    table.write_text("code,k\n21,1\n21,0.5\n", encoding="utf-8")
    message = _fails(vd.fixture_layers(), "line 3", COEFFICIENTS=str(table))
    assert "'21' is listed twice" in message and "dup.csv" in message


def test_coefficient_table_with_non_numeric_k(tmp_path: Path):
    table = tmp_path / "bad.csv"
    table.write_text("code,k\n21,high\n", encoding="utf-8")
    assert "line 2" in _fails(vd.fixture_layers(), "'high'", COEFFICIENTS=str(table))


def test_esv_table_is_scaled_by_the_reference_class(tmp_path: Path):
    table = tmp_path / "esv.csv"
    table.write_text("code,esv\n21,39065\n41,82189\n", encoding="utf-8")
    z = vd.by_zone(vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, COEFFICIENTS=str(table))["VOUCHER"])
    assert z["Z1"]["m0_ha"] == pytest.approx(50)
    assert z["Z2"]["m0_ha"] == pytest.approx(100 * 82189 / 39065)


def test_land_use_inputs_must_be_one_per_year():
    with pytest.raises(QgsProcessingException, match="exactly one base-year land-use input"):
        vd.run_accounting(vd.fixture_layers(), BASE=None)
