"""guotu:voucheraccounting on the hand-computed fixture of the CLI tests, in real QGIS."""

from pathlib import Path

import pyproj
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")


def test_hand_computed_account_projected_planar():
    out = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, PRICE=1000)
    voucher = out["VOUCHER"]
    assert voucher.fields().names() == ["zone_id", "zone_name", "area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio",
                                        "p_ratio", "e_ha", "role", "amount_yuan", "dm_redline_ha",
                                        "dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha",
                                        "dm_tradable_ha", "violation", "key_function", "in_market"]
    assert voucher.crs().authid() == "EPSG:4527"
    z = vd.by_zone(voucher)
    assert z["Z1"]["zone_name"] == "一县"
    assert z["Z1"]["area_ha"] == pytest.approx(100)
    assert z["Z1"]["m0_ha"] == pytest.approx(50) and z["Z1"]["mt_ha"] == pytest.approx(80)
    assert z["Z1"]["dm_ha"] == pytest.approx(30)
    assert z["Z1"]["g_ratio"] == pytest.approx(1.25) and z["Z1"]["p_ratio"] == pytest.approx(0.6)
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1) and z["Z1"]["role"] == "supply"
    assert z["Z1"]["amount_yuan"] == pytest.approx(22500)
    assert z["Z2"]["m0_ha"] == pytest.approx(210) and z["Z2"]["mt_ha"] == pytest.approx(105)
    assert z["Z2"]["g_ratio"] == pytest.approx(0.9375) and z["Z2"]["p_ratio"] == pytest.approx(1.2)
    assert z["Z2"]["e_ha"] == pytest.approx(vd.E2) and z["Z2"]["role"] == "demand"
    assert z["Z2"]["amount_yuan"] == pytest.approx(-118125)
    classes = {(r["zone_id"], r["class_code"]): r for r in vd.rows(out["CLASSES"])}
    assert out["CLASSES"].fields().names() == ["zone_id", "class_code", "a0_ha", "at_ha", "k"]
    assert classes[("Z2", "41")]["a0_ha"] == pytest.approx(100) and classes[("Z2", "41")]["at_ha"] == pytest.approx(50)
    assert classes[("Z2", "41")]["k"] == pytest.approx(2.1) and classes[("Z1", "12")]["k"] == 0
    s = vd.summary(out["SUMMARY"])
    assert out["SUMMARY"].fields().names() == ["item", "value", "text"]
    assert s["total_m0_ha"] == pytest.approx(260) and s["total_mt_ha"] == pytest.approx(185)
    assert s["total_supply_ha"] == pytest.approx(22.5) and s["total_demand_ha"] == pytest.approx(118.125)
    assert s["net_ha"] == pytest.approx(22.5 - 118.125)
    assert s["reference_gdp_per_capita_yuan"] == pytest.approx(160000)
    assert s["reference_pop_density_per_km2"] == pytest.approx(5000 / 3)
    assert s["price_yuan_per_ha"] == 1000
    # The audit trail: inputs and every parameter.
    assert s["zones"].startswith("zones") and s["base"].startswith("base") and s["target"].startswith("target")
    assert s["base_system"] == "CAS_LUCC" and s["base_coefficients"].endswith("presets/voucher/CAS_LUCC.csv")
    assert s["area_method"] == "planar" and s["baseline"] == "base-year" and s["reference"] == "zones"
    assert s["crs_mismatch"] == "fail" and s["price"] == "1000" and s["gdp_field"] == "gdp"
    assert out["UNKNOWN"].featureCount() == 0
    assert out["UNKNOWN"].fields().names() == ["class_code", "year", "area_ha"]


def test_hand_computed_account_in_epsg4490_is_ellipsoidal():
    """The same layout in longitude/latitude, 0.01° to 1000 m; areas are geodesic (pyproj)."""
    lon0, lat0, d = 116.0, 39.0, 0.01 / 1000

    def to_xy(x, y):
        return lon0 + x * d, lat0 + y * d

    geod = pyproj.Geod(ellps="GRS80")

    def ha(b):
        (x0, y0), (x1, y1) = to_xy(b[0], b[1]), to_xy(b[2], b[3])
        return abs(geod.polygon_area_perimeter([x0, x1, x1, x0], [y0, y0, y1, y1])[0]) / 1e4

    area = {"Z1": ha(vd.ZONES[0][4]), "Z2": ha(vd.ZONES[1][4])}
    m0 = {"Z1": ha(vd.BASE[0][1]) * 1.0, "Z2": ha(vd.BASE[2][1]) * 2.1}
    mt = {"Z1": ha(vd.TARGET[0][1]) * 1.0, "Z2": ha(vd.TARGET[2][1]) * 2.1}
    gdp, pop = {"Z1": 2e8, "Z2": 6e8}, {"Z1": 1000, "Z2": 4000}
    ref_g = sum(gdp.values()) / sum(pop.values())
    ref_p = sum(pop.values()) / (sum(area.values()) / 100)
    out = vd.run_accounting(vd.fixture_layers("EPSG:4490", to_xy), PRICE=1000)
    z = vd.by_zone(out["VOUCHER"])
    for zone in ("Z1", "Z2"):
        e = (mt[zone] - m0[zone]) * (gdp[zone] / pop[zone] / ref_g) * (pop[zone] / (area[zone] / 100) / ref_p)
        assert z[zone]["area_ha"] == pytest.approx(area[zone], rel=1e-9)
        assert z[zone]["m0_ha"] == pytest.approx(m0[zone], rel=1e-9)
        assert z[zone]["mt_ha"] == pytest.approx(mt[zone], rel=1e-9)
        assert z[zone]["e_ha"] == pytest.approx(e, rel=1e-9)
        assert z[zone]["amount_yuan"] == pytest.approx(e * 1000, rel=1e-9)
    assert "ellipsoidal" in vd.summary(out["SUMMARY"])["area_description"]


def test_no_price_means_null_amounts_and_entered_references_and_protection_rate():
    # Rate 0.5: M0_1 = 100 · 0.5 = 50, M0_2 = 100. National 100000 yuan/person, 1000 persons/km²:
    # G1 = 2, P1 = 1, G2 = 1.5, P2 = 2.
    out = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, BASELINE=1, PROTECTION_RATE=0.5,
                            REFERENCE=None, REFERENCE_GDP_PER_CAPITA=100000, REFERENCE_POP_DENSITY=1000)
    z = vd.by_zone(out["VOUCHER"])
    assert z["Z1"]["m0_ha"] == pytest.approx(50) and z["Z2"]["m0_ha"] == pytest.approx(100)
    assert z["Z1"]["e_ha"] == pytest.approx(30 * 2 * 1)
    assert z["Z2"]["e_ha"] == pytest.approx((105 - 100) * 1.5 * 2)
    assert z["Z1"]["amount_yuan"] is None and z["Z2"]["amount_yuan"] is None
    s = vd.summary(out["SUMMARY"])
    assert s["reference"] == "entered" and s["baseline"] == "protection-rate" and s["protection_rate_parameter"] == "0.5"
    assert vd.summary_values(out["SUMMARY"])["protection_rate"] == 0.5
    assert s["national_gdp_per_capita"] == "100000" and s["price"] == "(none)"


def test_gdp_and_population_from_a_joined_table():
    from testdata import memory_layer

    layers = vd.fixture_layers()
    layers["zones"] = vd.zones_layer(rows=[(c, n, None, None, b) for c, n, _, _, b in vd.ZONES])
    table = memory_layer("None", "&field=zone:string&field=gdp_2020:string&field=pop_2020:double",
                         [(["Z2", "6e8", 4000], None), (["Z1", "200000000", 1000], None)], "economy")
    out = vd.run_accounting(layers, AREA_METHOD=1, GDP_FIELD=None, POP_FIELD=None, ZONE_TABLE=table,
                            TABLE_ID="zone", TABLE_GDP="gdp_2020", TABLE_POP="pop_2020")
    z = vd.by_zone(out["VOUCHER"])
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1) and z["Z2"]["e_ha"] == pytest.approx(vd.E2)


def test_unknown_codes_are_reported():
    layers = vd.fixture_layers()
    layers["target"] = vd.landuse_layer([(77 if c == 51 else c, b) for c, b in vd.TARGET], name="target77")
    out = vd.run_accounting(layers, AREA_METHOD=1)
    unknown = {(r["class_code"], r["year"]): r["area_ha"] for r in vd.rows(out["UNKNOWN"])}
    assert unknown == {("77", "target"): pytest.approx(150)}
    classes = {(r["zone_id"], r["class_code"]): r for r in vd.rows(out["CLASSES"])}
    assert classes[("Z2", "77")]["k"] is None  # NULL: the table does not list 77


def test_units_attributed_to_counties():
    """Counties C1 = [0,2000], C2 = [2000,3000]: C1 = 22.5 − 118.125/2, C2 = −118.125/2."""
    from testdata import memory_layer

    counties = memory_layer("Polygon", "&field=xzqdm:string&field=xzqmc:string",
                            [(["C1", "甲县"], vd.box_wkt((0, 0, 2000, 1000))),
                             (["C2", "乙县"], vd.box_wkt((2000, 0, 3000, 1000)))], "counties")
    out = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, PRICE=1000, COUNTIES=counties,
                            COUNTY_ID="xzqdm", COUNTY_NAME="xzqmc", COUNTIES_OUTPUT="memory:")
    c = {r["county_id"]: r for r in vd.rows(out["COUNTIES_OUTPUT"])}
    assert c["C1"]["e_ha"] == pytest.approx(-36.5625) and c["C1"]["units"] == 2
    assert c["C1"]["county_name"] == "甲县" and c["C1"]["amount_yuan"] == pytest.approx(-36562.5)
    assert c["C2"]["e_ha"] == pytest.approx(-59.0625) and c["C2"]["role"] == "demand"
    assert vd.summary(out["SUMMARY"])["unattributed_ha"] == pytest.approx(0)
    assert vd.by_zone(out["VOUCHER"])["Z1"]["e_ha"] == pytest.approx(vd.E1)


def test_progress_reaches_the_end_and_is_monotonic():
    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.values = []
            self.progressChanged.connect(self.values.append)

    feedback = Recorder()
    vd.run_accounting(vd.fixture_layers(), feedback=feedback, AREA_METHOD=1)
    assert feedback.values and max(feedback.values) == pytest.approx(100)
    assert all(b >= a - 1e-9 for a, b in zip(feedback.values, feedback.values[1:])), feedback.values


def test_cancel_stops_the_accounting():
    from qgis.core import QgsProcessingException

    class CancelInTargetYear(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.progressChanged.connect(self._on_progress)

        def _on_progress(self, percent):
            if percent > 50:
                self.cancel()

    with pytest.raises(QgsProcessingException, match="cancelled"):
        vd.run_accounting(vd.fixture_layers(), feedback=CancelInTargetYear(), AREA_METHOD=1)


def test_algorithms_speak_chinese(provider, plugin_root: Path):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    accounting, market = provider.algorithm("voucheraccounting"), provider.algorithm("vouchermarket")
    assert (accounting.displayName(), accounting.group()) == ("Ecological voucher accounting", "Ecological vouchers")
    QCoreApplication.installTranslator(translator)
    try:
        assert (accounting.displayName(), accounting.group()) == ("生态券核算", "生态券")
        assert market.displayName() == "生态券交易" and "飞地" in market.shortHelpString()
        fresh = market.create()
        assert fresh.parameterDefinition("SETTLEMENT").options() == ["直接支付", "飞地（股权）"]
        assert all("，" not in tag for tag in accounting.tags())  # split on ASCII commas
    finally:
        QCoreApplication.removeTranslator(translator)


def _log(**extra) -> tuple:
    from qgis.core import QgsProcessingFeedback

    lines = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            lines.append(info)
            super().pushInfo(info)

    out = vd.run_accounting(vd.fixture_layers(), feedback=Feedback(), **extra)
    return out, "\n".join(lines)


def test_national_reference_by_default_equals_the_same_values_entered(tmp_path: Path):
    """No reference chosen: the national values of 2020 from the preset (hand-computed E in voucher_data)."""
    preset, log = _log(AREA_METHOD=1, REFERENCE=None, REFERENCE_TABLE="")  # '' from qgis_process: not given
    z = vd.by_zone(preset["VOUCHER"])
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1_NATIONAL, rel=1e-12)
    assert z["Z2"]["e_ha"] == pytest.approx(vd.E2_NATIONAL, rel=1e-12)
    s = vd.summary(preset["SUMMARY"])
    assert s["reference"] == "national" and s["target_year"] == "2020" and s["reference_table_line"] == "3"
    assert s["reference_table"].endswith("national_reference.csv") and "2020年国民经济" in s["reference_source"]
    assert s["reference_gdp_per_capita_yuan"] == 72000
    assert "Reference: national values of 2020" in log and "statistical communiqué 2020" in log
    # Entered by hand: the same E.
    entered = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, REFERENCE=2, REFERENCE_GDP_PER_CAPITA=72000,
                                REFERENCE_POP_DENSITY=vd.NATIONAL_2020[1])
    for zone, row in vd.by_zone(entered["VOUCHER"]).items():
        assert row["e_ha"] == pytest.approx(z[zone]["e_ha"], rel=1e-12), zone
    assert vd.summary(entered["SUMMARY"])["reference"] == "entered"
    # The dialog's empty file box (a NULL QVariant) is "not given" too; 2018 is the table's other year.
    from qgis.PyQt.QtCore import QVariant

    out = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, REFERENCE=0, TARGET_YEAR=2018,
                            REFERENCE_TABLE=QVariant())
    gdp, density = 64644.0, 1395.38e6 / 9.6e6
    assert vd.by_zone(out["VOUCHER"])["Z1"]["e_ha"] == pytest.approx(30 * (200000 / gdp) * (1000 / density),
                                                                     rel=1e-12)


def test_a_year_the_national_table_lacks_is_an_error_naming_its_years(tmp_path: Path):
    with pytest.raises(QgsProcessingException, match=r"has no row for 2019 \(it has 2018, 2020\)") as info:
        vd.run_accounting(vd.fixture_layers(), REFERENCE=0, TARGET_YEAR=2019)
    assert "national_reference.csv" in str(info.value)
    table = tmp_path / "reference.csv"
    table.write_text("year,gdp_per_capita_yuan,pop_density_per_km2,source\n2019,100000,1000,my office\n",
                     encoding="utf-8")
    out = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, REFERENCE=0, TARGET_YEAR=2019,
                            REFERENCE_TABLE=str(table))
    z = vd.by_zone(out["VOUCHER"])
    assert z["Z1"]["e_ha"] == pytest.approx(30 * 2 * 1) and z["Z2"]["e_ha"] == pytest.approx(-105 * 1.5 * 2)
    assert vd.summary(out["SUMMARY"])["reference_source"] == "my office"


@pytest.mark.parametrize("extra, match", [
    ({"REFERENCE": 0, "REFERENCE_GDP_PER_CAPITA": 1, "REFERENCE_POP_DENSITY": 1}, "the reference is national"),
    ({"REFERENCE": 2}, "Entered reference values: enter"),
    ({"REFERENCE": 1, "REFERENCE_TABLE": "x.csv"}, "national reference values only"),
])
def test_reference_choices_that_do_not_fit(extra, match):
    with pytest.raises(QgsProcessingException, match=match):
        vd.run_accounting(vd.fixture_layers(), **extra)


def test_summary_says_e_is_not_conserved():
    """Over the zones: ΣΔM = (80 − 50) + (105 − 210) = −75 ha, ΣE = 22.5 − 118.125 = −95.625 ha;
    demand exceeds supply by 95.625 ha."""
    out, log = _log(AREA_METHOD=1)
    s = vd.summary_values(out["SUMMARY"])
    assert s["sum_dm_ha"] == pytest.approx(-75) and s["sum_e_ha"] == pytest.approx(-95.625)
    assert s["demand_exceeding_supply_ha"] == pytest.approx(95.625) and s["supply_exceeding_demand_ha"] == 0
    assert "ΣΔM = -75.00 ha" in log and "not conserved" in log
    assert "Demand exceeds supply by 95.62 ha" in log
    assert vd.summary(out["SUMMARY"])["reference"] == "zones" and "(over all zones)" in log


def test_key_function_zone_from_a_field_is_out_of_the_market_by_default():
    """Z1 (E 22.5) is in a key ecological function zone: its account is computed, it is not traded;
    with the other choice it sells its 22.5 ha to Z2."""
    rows = [(c, n, g, p, b) for c, n, g, p, b in vd.ZONES]
    zones = vd.memory_layer("MultiPolygon", "&field=code:string&field=name:string&field=gdp:double"
                                            "&field=pop:integer&field=zdstgn:string",
                            (([c, n, g, p, "是" if c == "Z1" else "否"], vd.box_wkt(b)) for c, n, g, p, b in rows),
                            "zones", "EPSG:4527")
    layers = dict(vd.fixture_layers(), zones=zones)
    out = vd.run_accounting(layers, AREA_METHOD=1, PRICE=1000, KEY_FUNCTION_FIELD="zdstgn")
    z = vd.by_zone(out["VOUCHER"])
    assert (z["Z1"]["key_function"], z["Z1"]["in_market"]) == (1, 0)
    assert z["Z1"]["e_ha"] == pytest.approx(vd.E1) and z["Z1"]["amount_yuan"] is None
    s = vd.summary_values(out["SUMMARY"])
    assert s["key_function_supply_ha"] == pytest.approx(vd.E1) and s["total_supply_ha"] == 0
    assert vd.summary(out["SUMMARY"])["key_function_market"].startswith("out")
    assert vd.summary_values(vd.run_market(out["VOUCHER"], PRICE=1000)["SUMMARY"])["traded_ha"] == 0
    inside = vd.run_accounting(layers, AREA_METHOD=1, PRICE=1000, KEY_FUNCTION_FIELD="zdstgn", KEY_FUNCTION_MARKET=1)
    assert vd.by_zone(inside["VOUCHER"])["Z1"]["in_market"] == 1
    traded = vd.summary_values(vd.run_market(inside["VOUCHER"], PRICE=1000)["SUMMARY"])["traded_ha"]
    assert traded == pytest.approx(vd.E1)
