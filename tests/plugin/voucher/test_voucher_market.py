"""guotu:vouchermarket: the hand fixture's trade, invariants on the sample region, enclave."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer, QgsWkbTypes

import voucher_data as vd
from testdata import memory_layer

pytestmark = pytest.mark.usefixtures("provider")


def test_hand_fixture_one_trade_from_z1_to_z2():
    account = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1, PRICE=1000)
    out = vd.run_market(account["VOUCHER"], PRICE=1000)
    trades = out["TRADES"]
    assert trades.fields().names() == ["seller_id", "buyer_id", "volume_ha", "price_yuan_per_ha", "amount_yuan"]
    assert QgsWkbTypes.geometryType(trades.wkbType()) == QgsWkbTypes.LineGeometry
    assert trades.crs().authid() == "EPSG:4527"
    rows = vd.rows(trades)
    assert len(rows) == 1
    t = rows[0]
    assert (t["seller_id"], t["buyer_id"]) == ("Z1", "Z2")
    assert t["volume_ha"] == pytest.approx(22.5) and t["amount_yuan"] == pytest.approx(22500)
    line = next(trades.getFeatures()).geometry().asPolyline()
    zones = {f["zone_id"]: f.geometry() for f in account["VOUCHER"].getFeatures()}
    assert zones["Z1"].contains(line[0]) and zones["Z2"].contains(line[-1])  # seller -> buyer
    s = vd.summary(out["SUMMARY"])
    assert s["traded_ha"] == pytest.approx(22.5) and s["clearing_price_yuan_per_ha"] == 1000
    assert s["traded_amount_yuan"] == pytest.approx(22500) and s["sellers"] == 1 and s["buyers"] == 1
    assert s["settlement"] == "payment" and s["allocation"] == "pro-rata" and s["cap_ha"] == "(none)"


def _invariants(zones: dict, trades: list, cap: float) -> float:
    supply = sum(e for e in zones.values() if e > 0)
    demand = -sum(e for e in zones.values() if e < 0)
    assert supply > 0 and demand > 0, "the sample must have both sellers and buyers"
    sold, bought = {}, {}
    for t in trades:
        sold[t["seller_id"]] = sold.get(t["seller_id"], 0) + t["volume_ha"]
        bought[t["buyer_id"]] = bought.get(t["buyer_id"], 0) + t["volume_ha"]
        assert t["volume_ha"] > 0
        assert t["amount_yuan"] == pytest.approx(t["volume_ha"] * t["price_yuan_per_ha"])
    traded = sum(sold.values())
    assert traded <= min(supply, demand, cap) + 1e-6
    assert traded == pytest.approx(min(supply, demand, cap), rel=1e-9)
    assert traded == pytest.approx(sum(bought.values()))
    for zone, volume in sold.items():
        assert zones[zone] > 0 and volume <= zones[zone] + 1e-9
    for zone, volume in bought.items():
        assert zones[zone] < 0 and volume <= -zones[zone] + 1e-9
    return traded


@pytest.fixture(scope="module")
def sample_vouchers(voucher_sample: Path):
    return vd.run_accounting(
        {"zones": QgsVectorLayer(str(voucher_sample / "zones.gpkg"), "zones", "ogr"),
         "base": QgsVectorLayer(str(voucher_sample / "landuse_2010.gpkg"), "landuse_2010", "ogr"),
         "target": QgsVectorLayer(str(voucher_sample / "landuse_2020.gpkg"), "landuse_2020", "ogr")},
        POP_FIELD="population", BASE_CLASS_FIELD="lucc_code", TARGET_CLASS_FIELD="lucc_code",
        MASK=str(voucher_sample / "urban_2020.gpkg"))["VOUCHER"]


@pytest.mark.parametrize("extra", [
    {"PRICE": 30000},
    {"PRICE": 30000, "CAP": 300},
    {"FLOOR_PRICE": 20000, "ALLOCATION": 1},
    {"PRICE": 30000, "ALLOCATION": 1, "CAP": 50},
])
def test_market_invariants_on_the_sample_region(sample_vouchers, extra):
    zones = {f["zone_id"]: f["e_ha"] for f in sample_vouchers.getFeatures()}
    out = vd.run_market(sample_vouchers, **extra)
    trades = vd.rows(out["TRADES"])
    traded = _invariants(zones, trades, extra.get("CAP", float("inf")))
    s = vd.summary(out["SUMMARY"])
    assert s["traded_ha"] == pytest.approx(traded)
    assert s["trades"] == len(trades)
    assert s["allocation"] == ("nearest" if extra.get("ALLOCATION") else "pro-rata")


def test_nearest_allocation_pairs_neighbours_first():
    """Seller S at x = 0 and buyers near (x = 1 km) and far (x = 10 km): the near one is served first."""
    def square(x):
        return f"POLYGON(({x} 0, {x + 500} 0, {x + 500} 500, {x} 500, {x} 0))"

    layer = memory_layer("Polygon", "&field=zone_id:string&field=e_ha:double",
                         [(["S", 10.0], square(0)), (["NEAR", -6.0], square(1000)), (["FAR", -6.0], square(10000))],
                         "three")
    trades = {(r["seller_id"], r["buyer_id"]): r["volume_ha"]
              for r in vd.rows(vd.run_market(layer, PRICE=100, ALLOCATION=1)["TRADES"])}
    assert trades == {("S", "NEAR"): pytest.approx(6.0), ("S", "FAR"): pytest.approx(4.0)}
    pro_rata = {(r["seller_id"], r["buyer_id"]): r["volume_ha"]
                for r in vd.rows(vd.run_market(layer, PRICE=100)["TRADES"])}
    assert pro_rata == {("S", "NEAR"): pytest.approx(5.0), ("S", "FAR"): pytest.approx(5.0)}


def test_enclave_settlement_is_recorded():
    account = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1)
    out = vd.run_market(account["VOUCHER"], PRICE=1000, SETTLEMENT=1, CAP=10)
    s = vd.summary(out["SUMMARY"])
    assert s["settlement"] == "enclave (amounts are equity value)"
    assert s["traded_ha"] == pytest.approx(10) and s["cap_ha"] == "10"
    assert vd.rows(out["TRADES"])[0]["amount_yuan"] == pytest.approx(10000)


def test_asks_and_bids_set_the_clearing_price_above_the_floor():
    layer = memory_layer("Polygon", "&field=zone_id:string&field=e_ha:double&field=ask:double&field=bid:double",
                         [(["S", 10.0, 500.0, None], "POLYGON((0 0, 1 0, 1 1, 0 0))"),
                          (["B", -10.0, None, 800.0], "POLYGON((5 0, 6 0, 6 1, 5 0))")], "asks")
    out = vd.run_market(layer, FLOOR_PRICE=100, ASK_FIELD="ask", BID_FIELD="bid")
    s = vd.summary(out["SUMMARY"])
    assert s["clearing_price_yuan_per_ha"] == 500 and s["traded_ha"] == pytest.approx(10)
    with pytest.raises(QgsProcessingException, match="floor price"):
        vd.run_market(layer, PRICE=100, ASK_FIELD="ask")


def test_market_errors_name_the_feature():
    layer = memory_layer("Polygon", "&field=zone_id:string&field=e_ha:double",
                         [(["A", 1.0], "POLYGON((0 0, 1 0, 1 1, 0 0))"), (["A", -1.0], "POLYGON((5 0, 6 0, 6 1, 5 0))")],
                         "twice")
    with pytest.raises(QgsProcessingException, match=r'Features 1 and 2 of layer "twice" have the same zone id "A"'):
        vd.run_market(layer, PRICE=100)
    empty = memory_layer("Polygon", "&field=zone_id:string&field=e_ha:double",
                         [(["A", None], "POLYGON((0 0, 1 0, 1 1, 0 0))")], "nulls")
    with pytest.raises(QgsProcessingException, match=r'Feature 1 of layer "nulls" \(zone "A"\): the voucher field "e_ha"'):
        vd.run_market(empty, PRICE=100)


def _market_log(vouchers, **extra) -> tuple:
    from qgis.core import QgsProcessingFeedback
    import processing

    lines = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            lines.append(info)
            super().pushInfo(info)

        def pushWarning(self, warning):  # noqa: N802
            lines.append(warning)
            super().pushWarning(warning)

    params = {"VOUCHERS": vouchers, "ZONE_ID": "zone_id", "E_FIELD": "e_ha", "TRADES": "memory:",
              "SUMMARY": "memory:"}
    params.update(extra)
    return processing.run("guotu:vouchermarket", params, feedback=Feedback()), "\n".join(lines)


def test_demand_beyond_supply_stays_unmet_and_is_said():
    """Hand fixture over the zones: supply 22.5 ha, demand 118.125 ha. At 1000 yuan/ha 22.5 ha trade:
    unmet demand 118.125 − 22.5 = 95.625 ha, unsold supply 0. Cap 10: unmet 108.125, unsold 12.5."""
    account = vd.run_accounting(vd.fixture_layers(), AREA_METHOD=1)
    out, log = _market_log(account["VOUCHER"], PRICE=1000)
    s = vd.summary(out["SUMMARY"])
    assert s["traded_ha"] == pytest.approx(22.5)
    assert s["unmet_demand_ha"] == pytest.approx(95.625) and s["unsold_supply_ha"] == 0
    assert s["market_total_supply_ha"] == pytest.approx(22.5) and s["market_total_demand_ha"] == pytest.approx(118.125)
    assert s["demand_exceeds_supply_at_floor"] == 1 and s["price_effect"] == "demand_exceeds_supply_at_fixed_price"
    assert "unmet demand 95.62 ha" in log and "the price cannot rise" in log
    out, log = _market_log(account["VOUCHER"], PRICE=1000, CAP=10)
    s = vd.summary(out["SUMMARY"])
    assert s["unmet_demand_ha"] == pytest.approx(108.125) and s["unsold_supply_ha"] == pytest.approx(12.5)
    out, log = _market_log(account["VOUCHER"], FLOOR_PRICE=1000)
    s = vd.summary(out["SUMMARY"])
    assert s["price_effect"] == "demand_exceeds_supply_price_at_floor" and s["price_above_floor_yuan_per_ha"] == 0
    assert s["floor_demand_ha"] == pytest.approx(118.125) and s["floor_supply_ha"] == pytest.approx(22.5)
    assert "Demand exceeds supply at the floor price" in log and "stays at the floor" in log


def test_bids_raise_the_price_above_the_floor_when_demand_exceeds_supply():
    """A seller of 60 ha; buyers of 315 ha (bid 5000) and 105 ha (bid 2000); floor 1000. At 1000 and 2000
    420 ha are asked; at 5000 315: the clearing price is 5000, 4000 above the floor; 60 ha trade,
    unmet demand 420 − 60 = 360 ha."""
    zones = memory_layer("Polygon", "&field=zone_id:string&field=e_ha:double&field=bid:double",
                         [(["S", 60.0, None], "POLYGON((0 0,1 0,1 1,0 1,0 0))"),
                          (["B1", -315.0, 5000.0], "POLYGON((2 0,3 0,3 1,2 1,2 0))"),
                          (["B2", -105.0, 2000.0], "POLYGON((4 0,5 0,5 1,4 1,4 0))")], "e", "EPSG:4527")
    out, log = _market_log(zones, FLOOR_PRICE=1000, BID_FIELD="bid")
    s = vd.summary(out["SUMMARY"])
    assert s["clearing_price_yuan_per_ha"] == 5000 and s["price_above_floor_yuan_per_ha"] == 4000
    assert s["price_effect"] == "demand_exceeds_supply_price_raised"
    assert s["traded_ha"] == pytest.approx(60) and s["unmet_demand_ha"] == pytest.approx(360)
    assert "raised the clearing price to 5,000.00 yuan/ha, 4,000.00 above the floor" in log
