"""The plugin gives the CLI's numbers (`guotu voucher`) on the same files, and vector
and raster land use give the same account on an aligned fixture."""

from pathlib import Path
from typing import Dict

import pytest
from qgis.core import QgsRasterLayer, QgsVectorLayer

import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")

COMPARED = ("area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha", "amount_yuan")


def _close(a: float, b: float, rel: float = 1e-9) -> bool:
    return a == pytest.approx(b, rel=rel, abs=1e-9)


def _assert_same_zones(plugin: Dict[str, dict], cli: Dict[str, dict], rel: float = 1e-9) -> None:
    assert set(plugin) == set(cli)
    for zone, row in cli.items():
        mine = plugin[zone]
        assert mine["zone_name"] == row["zone_name"] and mine["role"] == row["role"], zone
        for field in COMPARED:
            assert _close(mine[field], row[field], rel), (zone, field, mine[field], row[field])


def test_plugin_equals_cli_on_the_sample_region(voucher_sample: Path, tmp_path: Path):
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(voucher_sample / "zones.gpkg"), "--zone-id", "code",
                     "--zone-name", "name", "--gdp-field", "gdp", "--pop-field", "population",
                     "--base", str(voucher_sample / "landuse_2010.gpkg"), "--base-class-field", "lucc_code",
                     "--target", str(voucher_sample / "landuse_2020.gpkg"), "--target-class-field", "lucc_code",
                     "--mask", str(voucher_sample / "urban_2020.gpkg"), "--price", "30000", "--cap", "300",
                     "--allocation", "nearest", "-o", str(out))
    assert res.returncode == 0, res.stderr
    account = vd.run_accounting(
        {"zones": QgsVectorLayer(str(voucher_sample / "zones.gpkg"), "zones", "ogr"),
         "base": str(voucher_sample / "landuse_2010.gpkg"), "target": str(voucher_sample / "landuse_2020.gpkg")},
        POP_FIELD="population", BASE_CLASS_FIELD="lucc_code", TARGET_CLASS_FIELD="lucc_code",
        MASK=str(voucher_sample / "urban_2020.gpkg"), PRICE=30000, REFERENCE=None)  # both: national values, 2020
    cli_zones = {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}
    _assert_same_zones(vd.by_zone(account["VOUCHER"]), cli_zones)

    cli_classes = {(r["zone_id"], r["class_code"]): r for r in vd.ogr_rows(out, "voucher_classes")}
    classes = {(r["zone_id"], r["class_code"]): r for r in vd.rows(account["CLASSES"])}
    assert set(classes) == set(cli_classes)
    for key, row in cli_classes.items():
        for field in ("a0_ha", "at_ha", "k"):
            if row[field] is None:
                assert classes[key][field] is None, key
            else:
                assert _close(classes[key][field], row[field]), (key, field)

    cli_summary = {r["item"]: r["value"] for r in vd.ogr_rows(out, "summary") if r["value"] is not None}
    summary = vd.summary_values(account["SUMMARY"])
    for item in ("total_m0_ha", "total_mt_ha", "total_supply_ha", "total_demand_ha", "net_ha",
                 "reference_gdp_per_capita_yuan", "reference_pop_density_per_km2", "protection_rate",
                 "sum_dm_ha", "sum_e_ha", "demand_exceeding_supply_ha", "supply_exceeding_demand_ha"):
        assert _close(summary[item], cli_summary[item]), item
    cli_texts = {r["item"]: r["text"] for r in vd.ogr_rows(out, "summary") if r["value"] is None}
    texts = vd.summary(account["SUMMARY"])
    for item in ("reference", "target_year", "reference_table_line", "reference_source", "national_gdp_per_capita",
                 "national_pop_density", "national_population"):
        assert texts[item] == cli_texts[item], (item, texts[item], cli_texts[item])
    # The same preset (the plugin reads its own installed copy).
    assert Path(texts["reference_table"]).name == Path(cli_texts["reference_table"]).name == "national_reference.csv"
    assert texts["reference"] == "national" and texts["target_year"] == "2020"

    market = vd.run_market(account["VOUCHER"], PRICE=30000, CAP=300, ALLOCATION=1)
    cli_trades = {(r["seller_id"], r["buyer_id"]): r["volume_ha"] for r in vd.ogr_rows(out, "trades")}
    trades = {(r["seller_id"], r["buyer_id"]): r["volume_ha"] for r in vd.rows(market["TRADES"])}
    assert cli_trades and set(trades) == set(cli_trades)
    for pair, volume in cli_trades.items():
        assert _close(trades[pair], volume), pair
    market_summary = vd.summary_values(market["SUMMARY"])
    for item in ("traded_ha", "clearing_price_yuan_per_ha", "traded_amount_yuan", "sellers", "buyers",
                 "unmet_demand_ha", "unsold_supply_ha", "market_total_supply_ha", "market_total_demand_ha",
                 "market_supply_ha", "market_demand_ha", "floor_supply_ha", "floor_demand_ha",
                 "demand_exceeds_supply_at_floor", "price_above_floor_yuan_per_ha"):
        assert _close(market_summary[item], cli_summary[item]), item
    assert vd.summary(market["SUMMARY"])["price_effect"] == cli_texts["price_effect"]
    # Same trade lines: the same points inside the zones.
    cli_lines = {(r["seller_id"], r["buyer_id"]) for r in vd.ogr_rows(out, "trades")}
    assert cli_lines == set(trades)


def test_plugin_equals_cli_on_the_hand_fixture_files(tmp_path: Path):
    sources = vd.write_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name",
                     "name", "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(tmp_path / "target.gpkg"),
                     "--target-class-field", "lucc", "--price", "1000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    account = vd.run_accounting(sources, PRICE=1000, REFERENCE=None)  # both defaults: national values of 2020
    _assert_same_zones(vd.by_zone(account["VOUCHER"]), {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")})


def test_vector_and_raster_land_use_give_the_same_account(tmp_path: Path):
    sources = vd.write_fixture(tmp_path)
    rasters = {year: vd.rasterize(tmp_path / f"{year}.gpkg", tmp_path / f"{year}.tif") for year in ("base", "target")}
    vector = vd.run_accounting(sources, PRICE=1000)
    raster = vd.run_accounting({"zones": sources["zones"]}, PRICE=1000,
                               BASE_RASTER=QgsRasterLayer(str(rasters["base"]), "base_tif"),
                               TARGET_RASTER=QgsRasterLayer(str(rasters["target"]), "target_tif"),
                               BASE_CLASS_FIELD=None, TARGET_CLASS_FIELD=None)
    v, r = vd.by_zone(vector["VOUCHER"]), vd.by_zone(raster["VOUCHER"])
    for zone in ("Z1", "Z2"):
        for field in ("m0_ha", "mt_ha", "e_ha", "amount_yuan"):
            assert _close(r[zone][field], v[zone][field], rel=1e-7), (zone, field)
    sv, sr = vd.summary_values(vector["SUMMARY"]), vd.summary_values(raster["SUMMARY"])
    for item in ("total_m0_ha", "total_mt_ha", "total_supply_ha", "total_demand_ha"):
        assert _close(sr[item], sv[item], rel=1e-7), item
    assert vd.summary(raster["SUMMARY"])["base_class_field"] == "(raster values)"
    # And the CLI on the same rasters agrees.
    out = tmp_path / "cli_raster.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name",
                     "name", "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(rasters["base"]),
                     "--target", str(rasters["target"]), "--price", "1000", "--reference", "zones", "-o", str(out))
    assert res.returncode == 0, res.stderr
    _assert_same_zones(r, {row["zone_id"]: row for row in vd.ogr_rows(out, "voucher")})


# ---- within the plan's bottom lines (SPEC §3), hand numbers of tests/cli/test_cli_voucher.py ----
# Z2's forest (41, k 2.10) on x 1500–2000 becomes 51; the red line covers x 1600–1900 of it (30 ha):
# a violation of 30 · 2.10 = 63 ha of standard forest. Farmland x 500–700 of Z1: 20 ha of 12 → 21 (+20).
# Excluded (default): E2 = (−105 + 63) · 0.9375 · 1.2 = −47.25; counted: −118.125.
REDLINE = [(1600, 0, 1900, 1000), (0, 0, 200, 1000)]
FARMLAND = [(500, 0, 700, 1000)]
LINE_FIELDS = ("dm_redline_ha", "dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha", "dm_tradable_ha",
               "violation", "key_function", "in_market")


def _workspace(path: Path, redline=None) -> Path:
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, boxes in (("ecological_redline", REDLINE if redline is None else redline),
                        ("permanent_farmland", FARMLAND), ("urban_boundary", [])):
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        for b in boxes:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(vd.box_wkt(b)))
            layer.CreateFeature(feature)
    ds = None
    return path


@pytest.mark.parametrize("choice", [0, 1])
def test_bottom_lines_and_key_function_equal_the_cli(tmp_path: Path, choice: int):
    sources = vd.write_fixture(tmp_path)
    workspace = _workspace(tmp_path / "lines.gpkg")
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name",
                     "name", "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(tmp_path / "base.gpkg"),
                     "--base-class-field", "lucc", "--target", str(tmp_path / "target.gpkg"),
                     "--target-class-field", "lucc", "--price", "1000", "--reference", "zones", "--area", "planar",
                     "--workspace", str(workspace), "--redline-loss", ("exclude", "count")[choice],
                     "--key-function-ids", "Z1", "-o", str(out))
    assert res.returncode == 0, res.stderr
    account = vd.run_accounting(sources, PRICE=1000, AREA_METHOD=1, WORKSPACE=str(workspace), REDLINE_LOSS=choice,
                                KEY_FUNCTION_IDS="Z1", VIOLATIONS="memory:")
    mine = vd.by_zone(account["VOUCHER"])
    cli = {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}
    _assert_same_zones(mine, cli)
    for zone in ("Z1", "Z2"):
        for field in LINE_FIELDS:
            assert _close(mine[zone][field], cli[zone][field]), (zone, field, mine[zone][field], cli[zone][field])
    # Hand numbers.
    assert mine["Z2"]["redline_loss_ha"] == pytest.approx(63) and mine["Z2"]["violation"] == 1
    assert mine["Z2"]["e_ha"] == pytest.approx((-47.25, -118.125)[choice])
    assert mine["Z1"]["dm_farmland_ha"] == pytest.approx(20)
    assert (mine["Z1"]["key_function"], mine["Z1"]["in_market"]) == (1, 0)
    violations = vd.rows(account["VIOLATIONS"])
    cli_violations = vd.ogr_rows(out, "violations")
    assert len(violations) == len(cli_violations) == 1
    for field in ("zone_id", "zone_name", "from_code", "to_code", "counted_in_e"):
        assert violations[0][field] == cli_violations[0][field], field
    for field in ("area_ha", "dm_ha"):
        assert _close(violations[0][field], cli_violations[0][field]), field
    assert violations[0]["counted_in_e"] == choice
    cli_summary = {r["item"]: r["value"] for r in vd.ogr_rows(out, "summary") if r["value"] is not None}
    summary = vd.summary_values(account["SUMMARY"])
    for item in ("sum_dm_redline_ha", "sum_dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha",
                 "violation_zones", "violation_pieces", "redline_loss_counted", "key_function_zones",
                 "zones_out_of_market", "key_function_supply_ha", "key_function_demand_ha", "total_supply_ha",
                 "total_demand_ha"):
        assert _close(summary[item], cli_summary[item]), (item, summary[item], cli_summary[item])
    cli_texts = {r["item"]: r["text"] for r in vd.ogr_rows(out, "summary") if r["value"] is None}
    texts = vd.summary(account["SUMMARY"])
    for item in ("redline_loss", "key_function_market"):
        assert texts[item] == cli_texts[item], item
    # The market keeps the key function county out, as the tool's does: no seller, nothing traded.
    market = vd.run_market(account["VOUCHER"], PRICE=1000)
    market_summary = vd.summary_values(market["SUMMARY"])
    for item in ("traded_ha", "unmet_demand_ha", "unsold_supply_ha", "sellers", "buyers"):
        assert _close(market_summary[item], cli_summary[item]), item
    assert market_summary["traded_ha"] == 0 and market_summary["zones_out_of_market"] == 1


def test_raster_land_use_within_the_bottom_lines_equals_the_cli(tmp_path: Path):
    """Raster land use is cut by the lines cell by cell. A red line of x 1605–1895 cuts the 10 m cells at its
    edges in half: 29 ha of Z2's lost forest lie inside it, 29 · 2.10 = 60.9 ha of standard forest, so
    E2 = (−105 + 60.9) · 1.125 = −49.6125; the same in QGIS and in guotu voucher, and as on polygons."""
    from qgis.core import QgsRasterLayer

    sources = vd.write_fixture(tmp_path)
    rasters = {year: vd.rasterize(tmp_path / f"{year}.gpkg", tmp_path / f"{year}.tif") for year in ("base", "target")}
    workspace = _workspace(tmp_path / "lines.gpkg", redline=[(1605, 0, 1895, 1000)])
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", str(tmp_path / "zones.gpkg"), "--zone-id", "code", "--zone-name",
                     "name", "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(rasters["base"]),
                     "--target", str(rasters["target"]), "--reference", "zones", "--area", "planar",
                     "--workspace", str(workspace), "-o", str(out))
    assert res.returncode == 0, res.stderr
    raster = vd.run_accounting({"zones": sources["zones"]}, AREA_METHOD=1, WORKSPACE=str(workspace),
                               BASE_RASTER=QgsRasterLayer(str(rasters["base"]), "base_tif"),
                               TARGET_RASTER=QgsRasterLayer(str(rasters["target"]), "target_tif"),
                               BASE_CLASS_FIELD=None, TARGET_CLASS_FIELD=None, VIOLATIONS="memory:")
    vector = vd.run_accounting(sources, AREA_METHOD=1, WORKSPACE=str(workspace), VIOLATIONS="memory:")
    mine, polygons = vd.by_zone(raster["VOUCHER"]), vd.by_zone(vector["VOUCHER"])
    cli = {r["zone_id"]: r for r in vd.ogr_rows(out, "voucher")}
    assert mine["Z2"]["redline_loss_area_ha"] == pytest.approx(29)
    assert mine["Z2"]["redline_loss_ha"] == pytest.approx(60.9)
    assert mine["Z2"]["e_ha"] == pytest.approx((-105 + 60.9) * 0.9375 * 1.2)
    for zone in ("Z1", "Z2"):
        for field in LINE_FIELDS + ("e_ha", "dm_ha"):
            assert _close(mine[zone][field], cli[zone][field]), (zone, field, mine[zone][field], cli[zone][field])
            assert _close(mine[zone][field], polygons[zone][field]), (zone, field)
    violations, cli_violations = vd.rows(raster["VIOLATIONS"]), vd.ogr_rows(out, "violations")
    assert [(v["zone_id"], v["from_code"], v["to_code"]) for v in violations] == [("Z2", "41", "51")]
    assert [(v["zone_id"], v["from_code"], v["to_code"]) for v in cli_violations] == [("Z2", "41", "51")]
    assert _close(violations[0]["area_ha"], 29) and _close(cli_violations[0]["area_ha"], 29)
