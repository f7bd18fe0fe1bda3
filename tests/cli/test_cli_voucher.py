"""guotu voucher, run as a user runs it, on fixtures whose numbers are worked out here.

Hand fixture (planar metres from the GK zone-39 origin X0, Y0), CAS_LUCC preset, --reference zones
(the default reference, the national values of the target year, is tested on its own below):
  zones  Z1 = [0,1000]x[0,1000]    = 100 ha, GDP 2e8, population 1000
         Z2 = [1000,3000]x[0,1000] = 200 ha, GDP 6e8, population 4000
  reference over zones: GDP/cap = 8e8 / 5000 = 160000; density = 5000 / 3 km² = 1666.67
  G1 = 200000 / 160000 = 1.25     P1 = 1000 / 1666.67 = 0.6
  G2 = 150000 / 160000 = 0.9375   P2 = 2000 / 1666.67 = 1.2
  base:   Z1 21 (k 1.00) 50 ha, 12 (k 0) 50 ha;  Z2 41 (k 2.10) 100 ha, 51 (k 0) 100 ha
  target: Z1 21 80 ha, 12 20 ha;                 Z2 41 50 ha, 51 150 ha
  M0_1 = 50,  Mt_1 = 80,  E1 = (80 − 50) · 1.25 · 0.6 = 22.5 ha          (supply)
  M0_2 = 210, Mt_2 = 105, E2 = (105 − 210) · 0.9375 · 1.2 = −118.125 ha  (demand)
  at 1000 yuan/ha: traded = min(22.5, 118.125) = 22.5 ha, Z1 → Z2, 22500 yuan
  amounts: Z1 22.5 · 1000 = 22500, Z2 −118.125 · 1000 = −118125
"""
from __future__ import annotations

from pathlib import Path

import pyproj
import pytest
from osgeo import gdal, ogr

from cli_support import REPO, X0, Y0, box, run_guotu, write_layer

ZONE_FIELDS = [("code", ogr.OFTString), ("name", ogr.OFTString), ("gdp", ogr.OFTReal), ("pop", ogr.OFTInteger)]
ZONES = [("Z1", "一县", 2e8, 1000, (0, 0, 1000, 1000)), ("Z2", "二县", 6e8, 4000, (1000, 0, 3000, 1000))]
BASE = [(21, (0, 0, 500, 1000)), (12, (500, 0, 1000, 1000)), (41, (1000, 0, 2000, 1000)), (51, (2000, 0, 3000, 1000))]
TARGET = [(21, (0, 0, 800, 1000)), (12, (800, 0, 1000, 1000)), (41, (1000, 0, 1500, 1000)), (51, (1500, 0, 3000, 1000))]


def make_fixture(tmp: Path, epsg: int = 4527, to_xy=lambda x, y: (X0 + x, Y0 + y), zones=ZONES) -> dict[str, Path]:
    def poly(b):
        (x0, y0), (x1, y1) = to_xy(b[0], b[1]), to_xy(b[2], b[3])
        return box(x0, y0, x1, y1)
    files = {"zones": write_layer(tmp / "zones.gpkg", "zones", epsg, ZONE_FIELDS,
                                  [({"code": c, "name": n, "gdp": g, "pop": p}, poly(b)) for c, n, g, p, b in zones])}
    for year, rows in (("base", BASE), ("target", TARGET)):
        files[year] = write_layer(tmp / f"{year}.gpkg", "landuse", epsg, [("lucc", ogr.OFTInteger)],
                                  [({"lucc": c}, poly(b)) for c, b in rows])
    return files


def voucher(files: dict, out: Path, *extra: str, base: str = None, target: str = None, classes: bool = True):
    args = ["voucher", "--zones", str(files["zones"]), "--zone-id", "code", "--zone-name", "name",
            "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(base or files["base"]),
            "--target", str(target or files["target"]), "-o", str(out), *extra]
    if classes:
        args += ["--base-class-field", "lucc", "--target-class-field", "lucc"]
    return run_guotu(*args)


def layer_rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    return [f.items() for f in lyr]


def by_zone(path: Path) -> dict[str, dict]:
    return {r["zone_id"]: r for r in layer_rows(path, "voucher")}


def summary(path: Path) -> dict[str, object]:
    return {r["item"]: (r["value"] if r["value"] is not None else r["text"]) for r in layer_rows(path, "summary")}


def test_hand_computed_account_projected(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z1"]["zone_name"] == "一县"
    assert z["Z1"]["area_ha"] == pytest.approx(100)
    assert z["Z1"]["m0_ha"] == pytest.approx(50) and z["Z1"]["mt_ha"] == pytest.approx(80)
    assert z["Z1"]["g_ratio"] == pytest.approx(1.25) and z["Z1"]["p_ratio"] == pytest.approx(0.6)
    assert z["Z1"]["e_ha"] == pytest.approx(22.5) and z["Z1"]["role"] == "supply"
    assert z["Z1"]["amount_yuan"] == pytest.approx(22500)
    assert z["Z2"]["m0_ha"] == pytest.approx(210) and z["Z2"]["mt_ha"] == pytest.approx(105)
    assert z["Z2"]["e_ha"] == pytest.approx(-118.125) and z["Z2"]["role"] == "demand"
    assert z["Z2"]["amount_yuan"] == pytest.approx(-118125)
    trades = layer_rows(out, "trades")
    assert len(trades) == 1
    t = trades[0]
    assert (t["seller_id"], t["buyer_id"]) == ("Z1", "Z2")
    assert t["volume_ha"] == pytest.approx(22.5) and t["amount_yuan"] == pytest.approx(22500)
    s = summary(out)
    assert s["total_supply_ha"] == pytest.approx(22.5) and s["total_demand_ha"] == pytest.approx(118.125)
    assert s["net_ha"] == pytest.approx(22.5 - 118.125)
    assert s["traded_ha"] == pytest.approx(22.5) and s["clearing_price_yuan_per_ha"] == 1000
    classes = {(r["zone_id"], r["class_code"]): r for r in layer_rows(out, "voucher_classes")}
    assert classes[("Z2", "41")]["a0_ha"] == pytest.approx(100) and classes[("Z2", "41")]["k"] == pytest.approx(2.1)
    assert classes[("Z1", "12")]["k"] == 0
    ds = ogr.Open(str(out))  # held: a layer must not outlive its dataset in GDAL's Python bindings
    fields = [d.GetName() for d in ds.GetLayerByName("voucher").schema]
    assert fields == ["zone_id", "zone_name", "area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha",
                      "role", "amount_yuan", "dm_redline_ha", "dm_farmland_ha", "redline_loss_ha",
                      "redline_loss_area_ha", "dm_tradable_ha", "violation", "key_function", "in_market"]
    assert "22.50 ha traded at 1000.00 yuan/ha" in res.stdout


def test_hand_computed_account_in_epsg4490(tmp_path: Path) -> None:
    """The same layout in longitude/latitude, 0.01° to 1000 m; areas are geodesic (pyproj)."""
    lon0, lat0, d = 116.0, 39.0, 0.01 / 1000
    to_xy = lambda x, y: (lon0 + x * d, lat0 + y * d)
    files = make_fixture(tmp_path, 4490, to_xy)
    geod = pyproj.Geod(ellps="GRS80")

    def ha(b):
        (x0, y0), (x1, y1) = to_xy(b[0], b[1]), to_xy(b[2], b[3])
        return abs(geod.polygon_area_perimeter([x0, x1, x1, x0], [y0, y0, y1, y1])[0]) / 1e4
    area = {"Z1": ha(ZONES[0][4]), "Z2": ha(ZONES[1][4])}
    m0 = {"Z1": ha(BASE[0][1]) * 1.0, "Z2": ha(BASE[2][1]) * 2.1}
    mt = {"Z1": ha(TARGET[0][1]) * 1.0, "Z2": ha(TARGET[2][1]) * 2.1}
    gdp, pop = {"Z1": 2e8, "Z2": 6e8}, {"Z1": 1000, "Z2": 4000}
    ref_g = sum(gdp.values()) / sum(pop.values())
    ref_p = sum(pop.values()) / (sum(area.values()) / 100)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--price", "1000", "--reference", "zones")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    for zone in ("Z1", "Z2"):
        g = gdp[zone] / pop[zone] / ref_g
        p = pop[zone] / (area[zone] / 100) / ref_p
        e = (mt[zone] - m0[zone]) * g * p
        assert z[zone]["area_ha"] == pytest.approx(area[zone], rel=1e-9)
        assert z[zone]["m0_ha"] == pytest.approx(m0[zone], rel=1e-9)
        assert z[zone]["mt_ha"] == pytest.approx(mt[zone], rel=1e-9)
        assert z[zone]["e_ha"] == pytest.approx(e, rel=1e-9)
        assert z[zone]["amount_yuan"] == pytest.approx(e * 1000, rel=1e-9)


def test_vector_and_raster_give_the_same_account(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    rasters = {}
    for year in ("base", "target"):
        rasters[year] = tmp_path / f"{year}.tif"
        gdal.Rasterize(str(rasters[year]), str(files[year]), attribute="lucc", xRes=10, yRes=10,
                       outputBounds=(X0, Y0, X0 + 3000, Y0 + 1000), noData=255, outputType=gdal.GDT_Byte)
    vec, ras = tmp_path / "vec.gpkg", tmp_path / "ras.gpkg"
    assert voucher(files, vec, "--price", "1000").returncode == 0
    res = voucher(files, ras, "--price", "1000", base=rasters["base"], target=rasters["target"], classes=False)
    assert res.returncode == 0, res.stderr
    v, r = by_zone(vec), by_zone(ras)
    for zone in ("Z1", "Z2"):
        for field in ("m0_ha", "mt_ha", "e_ha", "amount_yuan"):
            assert r[zone][field] == pytest.approx(v[zone][field], rel=1e-7), (zone, field)


def test_protection_rate_and_national_references(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    # Entered rate 0.5: M0_1 = 100 · 0.5 = 50 (as base year), M0_2 = 200 · 0.5 = 100.
    # National 100000 yuan/person and 1000 persons/km²: G1 = 2, P1 = 1, G2 = 1.5, P2 = 2.
    res = voucher(files, out, "--area", "planar", "--baseline", "protection-rate", "--protection-rate", "0.5",
                  "--national-gdp-per-capita", "100000", "--national-pop-density", "1000")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z1"]["m0_ha"] == pytest.approx(50) and z["Z2"]["m0_ha"] == pytest.approx(100)
    assert z["Z1"]["e_ha"] == pytest.approx(30 * 2 * 1)
    assert z["Z2"]["e_ha"] == pytest.approx((105 - 100) * 1.5 * 2)
    assert z["Z1"]["amount_yuan"] is None  # no price, no market
    s = summary(out)
    assert s["reference"] == "entered" and s["baseline"] == "protection-rate"
    assert layer_rows(out, "trades") == []


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    import subprocess, sys
    subprocess.run(["/usr/bin/python3", str(REPO / "resources/sample_data/generate_sample.py"), "--out", str(out),
                    "--scale", "0.25"], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("extra", [
    ["--price", "30000"],
    ["--price", "30000", "--cap", "300"],
    ["--floor-price", "20000", "--allocation", "nearest"],
    ["--price", "30000", "--settlement", "enclave", "--allocation", "nearest", "--cap", "50"],
])
def test_market_invariants_on_sample_region(sample: Path, tmp_path: Path, extra: list[str]) -> None:
    out = tmp_path / "v.gpkg"
    res = run_guotu("voucher", "--zones", str(sample / "zones.gpkg"), "--zone-id", "code", "--zone-name", "name",
                    "--gdp-field", "gdp", "--pop-field", "population", "--base", str(sample / "landuse_2010.tif"),
                    "--target", str(sample / "landuse_2020.tif"), "--mask", str(sample / "urban_2020.gpkg"),
                    "-o", str(out), *extra)
    assert res.returncode == 0, res.stderr
    zones = by_zone(out)
    trades = layer_rows(out, "trades")
    s = summary(out)
    supply = sum(z["e_ha"] for z in zones.values() if z["e_ha"] > 0)
    demand = -sum(z["e_ha"] for z in zones.values() if z["e_ha"] < 0)
    assert supply > 0 and demand > 0, "the sample must have both sellers and buyers"
    sold: dict[str, float] = {}
    bought: dict[str, float] = {}
    for t in trades:
        sold[t["seller_id"]] = sold.get(t["seller_id"], 0) + t["volume_ha"]
        bought[t["buyer_id"]] = bought.get(t["buyer_id"], 0) + t["volume_ha"]
        assert t["amount_yuan"] == pytest.approx(t["volume_ha"] * t["price_yuan_per_ha"])
    traded = sum(sold.values())
    cap = float(extra[extra.index("--cap") + 1]) if "--cap" in extra else float("inf")
    assert traded <= min(supply, demand, cap) + 1e-6
    assert traded == pytest.approx(min(supply, demand, cap), rel=1e-9)  # everyone trades at a fixed or floor price
    assert traded == pytest.approx(sum(bought.values())) and traded == pytest.approx(s["traded_ha"])
    for zone, v in sold.items():
        assert v <= zones[zone]["e_ha"] + 1e-9
    for zone, v in bought.items():
        assert v <= -zones[zone]["e_ha"] + 1e-9
    if "enclave" in extra:
        assert "equity" in s["settlement"]


def test_unknown_codes_are_reported(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    target = write_layer(tmp_path / "t99.gpkg", "landuse", 4527, [("lucc", ogr.OFTInteger)],
                         [({"lucc": 99 if c == 51 else c}, box(X0 + b[0], Y0 + b[1], X0 + b[2], Y0 + b[3]))
                          for c, b in TARGET] + [({"lucc": 77}, box(X0, Y0, X0 + 1, Y0 + 1))])
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", target=target)
    assert res.returncode == 0, res.stderr
    unknown = {(r["class_code"], r["year"]): r["area_ha"] for r in layer_rows(out, "unknown_codes")}
    assert ("77", "target") in unknown and "'77'" in res.stdout
    assert ("99", "target") not in unknown  # 99 海洋 is a CAS code (k = 0), not unknown


def test_audit_metadata(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    assert voucher(files, out, "--price", "1000", "--cap", "10").returncode == 0
    ds = ogr.Open(str(out))
    meta = ds.GetLayerByName("voucher").GetMetadata()
    size = files["base"].stat().st_size
    assert f"{files['base']} ({size} bytes, modified " in meta["base"]
    assert meta["cap_ha"] == "10" and meta["base_system"] == "CAS_LUCC"
    assert meta["base_coefficients"].endswith("presets/voucher/CAS_LUCC.csv")


def test_bad_zone_fields(tmp_path: Path) -> None:
    def zones_with(rows, fields=ZONE_FIELDS, name="zones.gpkg"):
        return write_layer(tmp_path / name, "zones", 4527, fields,
                           [(attrs, box(X0 + i * 1000, Y0, X0 + (i + 1) * 1000, Y0 + 1000)) for i, attrs in enumerate(rows)])
    files = make_fixture(tmp_path)
    cases = [
        ([{"code": "Z1", "gdp": 1e8, "pop": 0}, {"code": "Z2", "gdp": 1e8, "pop": 5}], "population"),
        ([{"code": "Z1", "gdp": 1e8, "pop": -3}, {"code": "Z2", "gdp": 1e8, "pop": 5}], "population"),
        ([{"code": "Z1", "gdp": 1e8}, {"code": "Z2", "gdp": 1e8, "pop": 5}], "'pop' is empty"),
        ([{"code": "Z1", "gdp": 1e8, "pop": 5}, {"code": "Z1", "gdp": 1e8, "pop": 5}], "'Z1' appears twice"),
    ]
    for i, (rows, message) in enumerate(cases):
        files["zones"] = zones_with(rows, name=f"z{i}.gpkg")
        res = voucher(files, tmp_path / "o.gpkg")
        assert res.returncode == 1 and message in res.stderr, (message, res.stderr)
    text_gdp = [("code", ogr.OFTString), ("gdp", ogr.OFTString), ("pop", ogr.OFTInteger), ("name", ogr.OFTString)]
    files["zones"] = zones_with([{"code": "Z1", "gdp": "很多", "pop": 5}], fields=text_gdp, name="t.gpkg")
    res = voucher(files, tmp_path / "o.gpkg")
    assert res.returncode == 1 and "'gdp' is '很多'" in res.stderr and "feature 1" in res.stderr
    res = voucher(make_fixture(tmp_path), tmp_path / "o.gpkg", "--gdp-field", "gdp_2020")
    assert res.returncode == 1 and "no field 'gdp_2020'" in res.stderr and "code, name, gdp, pop" in res.stderr
    assert not (tmp_path / "o.gpkg").exists()


def test_base_and_target_in_different_crs(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    lonlat = tmp_path / "target4490.gpkg"
    gdal.VectorTranslate(str(lonlat), str(files["target"]), dstSRS="EPSG:4490", layerName="landuse")
    res = voucher(files, tmp_path / "o.gpkg", target=lonlat)
    assert res.returncode == 1 and "4490" in res.stderr and "4527" in res.stderr
    res = voucher(files, tmp_path / "o.gpkg", "--crs-mismatch", "reproject", target=lonlat)
    assert res.returncode == 0, res.stderr


def test_bad_coefficient_tables(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    dup = tmp_path / "dup.csv"
    dup.write_text("code,k\n21,1\n21,0.5\n", encoding="utf-8")
    res = voucher(files, tmp_path / "o.gpkg", "--coefficients", str(dup))
    assert res.returncode == 1 and "line 3" in res.stderr and "'21' is listed twice" in res.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("code,k\n21,high\n", encoding="utf-8")
    res = voucher(files, tmp_path / "o.gpkg", "--coefficients", str(bad))
    assert res.returncode == 1 and "'high'" in res.stderr
    res = voucher(files, tmp_path / "o.gpkg", "--coefficients", "NO_SUCH_SYSTEM")
    assert res.returncode == 1 and "neither a file nor a voucher preset" in res.stderr
    # A user's esv table: k = esv / esv of 21, so 41 gets 82189 / 39065 = 2.1039...
    esv = tmp_path / "esv.csv"
    esv.write_text("code,esv\n21,39065\n41,82189\n", encoding="utf-8")
    out = tmp_path / "esv.gpkg"
    res = voucher(files, out, "--coefficients", str(esv), "--area", "planar")
    assert res.returncode == 0, res.stderr
    assert by_zone(out)["Z1"]["m0_ha"] == pytest.approx(50)
    assert by_zone(out)["Z2"]["m0_ha"] == pytest.approx(100 * 82189 / 39065)


def test_presets_parse_and_follow_the_issue(tmp_path: Path) -> None:
    """Every preset loads in the core, and SANDIAO/GB-T carry the issue's k values."""
    import csv
    for system in ("CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023"):
        rows = list(csv.DictReader(open(REPO / f"resources/presets/voucher/{system}.csv", encoding="utf-8")))
        assert all(r["note"] for r in rows), system
        k = {r["code"]: float(r["k"]) for r in rows}
        assert len(k) == len(rows), f"{system} lists a code twice"
        if system in ("SANDIAO_WORK", "GBT21010_2017"):
            assert (k["0301"], k["0302"], k["0305"], k["0307"]) == (1.0, 1.0, 0.89, 0.65)
            assert (k["0401"], k["0403"], k["0404"]) == (0.28, 0.28, 0.19)
            assert all(k[c] == 2.1 for c in ("1101", "1102", "1103", "1104", "1105", "1106", "1107", "1108"))
            assert k["0603"] == 0 and k["1109"] == 0
        files = make_fixture(tmp_path / system) if (tmp_path / system).mkdir() is None else None
        res = voucher(files, tmp_path / system / "o.gpkg", "--coefficients", system)
        assert res.returncode == 0, res.stderr


def test_units_crossing_counties_are_attributed_by_area(tmp_path: Path) -> None:
    """Counties C1 = [0,2000] and C2 = [2000,3000] over the hand fixture's units:
    Z1 (E 22.5) lies in C1; Z2 (E −118.125, 200 ha) has 100 ha in each.
    C1 = 22.5 + 0.5 · (−118.125) = −36.5625; C2 = 0.5 · (−118.125) = −59.0625."""
    files = make_fixture(tmp_path)
    counties = write_layer(tmp_path / "counties.gpkg", "counties", 4527, [("xzqdm", ogr.OFTString), ("xzqmc", ogr.OFTString)],
                           [({"xzqdm": "C1", "xzqmc": "甲县"}, box(X0, Y0, X0 + 2000, Y0 + 1000)),
                            ({"xzqdm": "C2", "xzqmc": "乙县"}, box(X0 + 2000, Y0, X0 + 3000, Y0 + 1000))])
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--counties", str(counties),
                  "--county-id", "xzqdm", "--county-name", "xzqmc", "--reference", "zones")
    assert res.returncode == 0, res.stderr
    c = {r["county_id"]: r for r in layer_rows(out, "voucher_counties")}
    assert c["C1"]["e_ha"] == pytest.approx(-36.5625) and c["C1"]["units"] == 2 and c["C1"]["county_name"] == "甲县"
    assert c["C2"]["e_ha"] == pytest.approx(-59.0625) and c["C2"]["role"] == "demand"
    assert c["C1"]["amount_yuan"] == pytest.approx(-36562.5)
    assert summary(out)["unattributed_ha"] == pytest.approx(0)
    assert layer_rows(out, "trades") == []  # both counties buy: the units' seller sits inside a buying county
    assert by_zone(out)["Z1"]["e_ha"] == pytest.approx(22.5)  # the units keep their own account
    res = voucher(files, out, "--counties", str(counties))
    assert res.returncode == 2 and "--county-id" in res.stderr


# National reference values of the preset (resources/presets/voucher/national_reference.csv,
# SPEC §3): 2020 GDP per capita 72,000 yuan, population 1,412.12 million on 9.6 million km²;
# 2018 64,644 yuan, 1,395.38 million.
NATIONAL = {2020: (72000.0, 1412.12e6 / 9.6e6), 2018: (64644.0, 1395.38e6 / 9.6e6)}


def national_e(year: int) -> dict[str, float]:
    """E of the hand fixture against the national values, worked out here:
    Z1 GDP/cap 200000, 1000 persons/km², ΔM = 80 − 50 = 30;
    Z2 GDP/cap 150000, 2000 persons/km², ΔM = 105 − 210 = −105."""
    gdp, density = NATIONAL[year]
    return {"Z1": 30 * (200000 / gdp) * (1000 / density), "Z2": -105 * (150000 / gdp) * (2000 / density)}


def test_national_reference_is_the_default_and_equals_the_values_entered(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    preset, entered = tmp_path / "preset.gpkg", tmp_path / "entered.gpkg"
    res = voucher(files, preset, "--area", "planar")
    assert res.returncode == 0, res.stderr
    z = by_zone(preset)
    for zone, e in national_e(2020).items():
        assert z[zone]["e_ha"] == pytest.approx(e, rel=1e-12), zone
    assert z["Z1"]["g_ratio"] == pytest.approx(200000 / 72000) and z["Z1"]["p_ratio"] == pytest.approx(
        1000 / (1412.12e6 / 9.6e6))
    s = summary(preset)
    assert s["reference"] == "national" and s["target_year"] == "2020"
    assert s["reference_table"].endswith("presets/voucher/national_reference.csv")
    assert s["reference_table_line"] == "3" and "2020" in s["reference_source"] and "统计公报" in s["reference_source"]
    assert s["reference_gdp_per_capita_yuan"] == 72000
    assert s["reference_pop_density_per_km2"] == pytest.approx(1412.12e6 / 9.6e6, rel=1e-15)
    assert "national values of 2020" in res.stdout and "statistical communiqué 2020" in res.stdout
    # The same values typed in give the same E.
    res = voucher(files, entered, "--area", "planar", "--national-gdp-per-capita", "72000",
                  "--national-pop-density", repr(1412.12e6 / 9.6e6))
    assert res.returncode == 0, res.stderr
    assert summary(entered)["reference"] == "entered" and "(entered)" in res.stdout
    for zone, row in by_zone(entered).items():
        assert row["e_ha"] == pytest.approx(z[zone]["e_ha"], rel=1e-12), zone
    # Another year of the table.
    out = tmp_path / "2018.gpkg"
    res = voucher(files, out, "--area", "planar", "--target-year", "2018")
    assert res.returncode == 0, res.stderr
    for zone, e in national_e(2018).items():
        assert by_zone(out)[zone]["e_ha"] == pytest.approx(e, rel=1e-12), zone
    assert summary(out)["reference_table_line"] == "2"


def test_a_target_year_missing_from_the_table_is_an_error(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "o.gpkg"
    res = voucher(files, out, "--target-year", "2019")
    assert res.returncode == 1
    assert "national_reference.csv' has no row for 2019 (it has 2018, 2020)" in res.stderr, res.stderr
    assert not out.exists()
    # A user's table adds the year; a density column is enough.
    table = tmp_path / "my_reference.csv"
    table.write_text("year,gdp_per_capita_yuan,pop_density_per_km2,source\n"
                     "2019,100000,1000,\"test values, not NBS\"\n", encoding="utf-8")
    res = voucher(files, out, "--area", "planar", "--target-year", "2019", "--reference-table", str(table))
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z1"]["e_ha"] == pytest.approx(30 * 2 * 1) and z["Z2"]["e_ha"] == pytest.approx(-105 * 1.5 * 2)
    s = summary(out)
    assert s["reference_source"] == "test values, not NBS" and s["reference_table"] == str(table)
    table.write_text("year,gdp_per_capita_yuan,pop_density_per_km2,source\n2019,100000,1000,\n", encoding="utf-8")
    res = voucher(files, tmp_path / "o2.gpkg", "--target-year", "2019", "--reference-table", str(table))
    assert res.returncode == 1 and "line 2 (2019): the source is empty" in res.stderr, res.stderr
    res = voucher(files, tmp_path / "o2.gpkg", "--reference-table", str(tmp_path / "none.csv"))
    assert res.returncode == 1 and "none.csv': no such file" in res.stderr


@pytest.mark.parametrize("extra, message", [
    (["--reference", "country"], "--reference must be national, zones or entered"),
    (["--reference", "zones", "--national-gdp-per-capita", "1", "--national-pop-density", "1"], "--reference entered"),
    (["--reference", "entered"], "needs --national-gdp-per-capita"),
    (["--reference", "zones", "--reference-table", "t.csv"], "use it with --reference national"),
    (["--target-year", "twenty"], "--target-year must be a year"),
])
def test_reference_options_that_do_not_fit(tmp_path: Path, extra: list[str], message: str) -> None:
    res = voucher(make_fixture(tmp_path), tmp_path / "o.gpkg", *extra)
    assert res.returncode == 2 and message in res.stderr, res.stderr


def test_help_names_the_reference_choices() -> None:
    res = run_guotu("voucher", "--help")
    assert res.returncode == 0
    for text in ("--reference national|zones|entered", "--target-year YEAR", "--reference-table CSV",
                 "national_reference.csv", "unmet demand"):
        assert text in res.stdout, text


def test_demand_beyond_supply_is_reported_unmet(tmp_path: Path) -> None:
    """Hand fixture over the zones: supply 22.5 ha (Z1), demand 118.125 ha (Z2), ΣΔM = 30 − 105 = −75 ha,
    ΣE = 22.5 − 118.125 = −95.625 ha. At a fixed 1000 yuan/ha 22.5 ha trade: unmet 95.625 ha, unsold 0.
    With a cap of 10 ha: unmet 108.125 ha, unsold 12.5 ha."""
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--reference", "zones", "--price", "1000")
    assert res.returncode == 0, res.stderr
    s = summary(out)
    assert s["sum_dm_ha"] == pytest.approx(-75) and s["sum_e_ha"] == pytest.approx(-95.625)
    assert s["traded_ha"] == pytest.approx(22.5)
    assert s["unmet_demand_ha"] == pytest.approx(95.625) and s["unsold_supply_ha"] == pytest.approx(0)
    assert s["market_total_demand_ha"] == pytest.approx(118.125)
    assert s["demand_exceeding_supply_ha"] == pytest.approx(95.625)
    assert s["demand_exceeds_supply_at_floor"] == 1 and s["price_effect"] == "demand_exceeds_supply_at_fixed_price"
    assert "unmet demand 95.62 ha" in res.stdout and "sum dM = -75.00 ha" in res.stdout
    assert "the fixed price cannot rise" in res.stdout
    res = voucher(files, out, "--area", "planar", "--reference", "zones", "--price", "1000", "--cap", "10")
    assert res.returncode == 0, res.stderr
    s = summary(out)
    assert s["traded_ha"] == pytest.approx(10)
    assert s["unmet_demand_ha"] == pytest.approx(108.125) and s["unsold_supply_ha"] == pytest.approx(12.5)
    res = voucher(files, out, "--area", "planar", "--reference", "zones", "--floor-price", "1000")
    assert res.returncode == 0, res.stderr
    s = summary(out)
    assert s["price_effect"] == "demand_exceeds_supply_price_at_floor" and s["price_above_floor_yuan_per_ha"] == 0
    assert s["floor_demand_ha"] == pytest.approx(118.125) and s["floor_supply_ha"] == pytest.approx(22.5)
    assert "demand exceeds supply at the floor price" in res.stdout
    # Without a market, the account alone says that demand exceeds supply.
    res = voucher(files, out, "--area", "planar", "--reference", "zones")
    assert res.returncode == 0, res.stderr
    assert summary(out)["unmet_demand_ha"] == ""  # no market, no traded volume: no value
    assert summary(out)["demand_exceeding_supply_ha"] == pytest.approx(95.625)
    assert "demand exceeds supply by 95.62 ha" in res.stdout


def test_bids_raise_the_price_when_demand_exceeds_supply_at_the_floor(tmp_path: Path) -> None:
    """Entered reference 100000 yuan/person, 1000 persons/km². Z1 sells 30·2·1 = 60 ha;
    Z2 buys 105·1.5·2 = 315 ha bidding 5000; Z3 (100 ha, GDP 1e8, 1000 persons: G = P = 1,
    standard forest 210 → 105) buys 105 ha bidding 2000. Floor 1000: at 1000 and at 2000,
    420 ha are asked for 60 offered; at 5000, 315: the price that trades 60 ha and leaves the
    least excess is 5000, 4000 above the floor. Unmet demand 420 − 60 = 360 ha."""
    zones = ZONES + [("Z3", "三县", 1e8, 1000, (3000, 0, 4000, 1000))]
    files = make_fixture(tmp_path, zones=zones)
    bids = {"Z1": None, "Z2": 5000.0, "Z3": 2000.0}
    files["zones"] = write_layer(tmp_path / "zones_bids.gpkg", "zones", 4527, ZONE_FIELDS + [("bid", ogr.OFTReal)],
                                 [({"code": c, "name": n, "gdp": g, "pop": p, "bid": bids[c]},
                                   box(X0 + b[0], Y0 + b[1], X0 + b[2], Y0 + b[3])) for c, n, g, p, b in zones])
    for year, rows in (("base", BASE + [(41, (3000, 0, 4000, 1000))]),
                       ("target", TARGET + [(41, (3000, 0, 3500, 1000)), (51, (3500, 0, 4000, 1000))])):
        files[year] = write_layer(tmp_path / f"{year}3.gpkg", "landuse", 4527, [("lucc", ogr.OFTInteger)],
                                  [({"lucc": c}, box(X0 + b[0], Y0 + b[1], X0 + b[2], Y0 + b[3])) for c, b in rows])
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--national-gdp-per-capita", "100000", "--national-pop-density",
                  "1000", "--floor-price", "1000", "--bid-field", "bid")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert (z["Z1"]["e_ha"], z["Z2"]["e_ha"], z["Z3"]["e_ha"]) == (pytest.approx(60), pytest.approx(-315),
                                                                    pytest.approx(-105))
    s = summary(out)
    assert s["clearing_price_yuan_per_ha"] == 5000 and s["price_above_floor_yuan_per_ha"] == 4000
    assert s["price_effect"] == "demand_exceeds_supply_price_raised"
    assert s["traded_ha"] == pytest.approx(60) and s["unmet_demand_ha"] == pytest.approx(360)
    assert s["floor_demand_ha"] == pytest.approx(420) and s["market_demand_ha"] == pytest.approx(315)
    assert "raised the clearing price to 5000.00 yuan/ha, 4000.00 above the floor" in res.stdout


# ---- within the plan's bottom lines (SPEC §3) -----------------------------------------------
# On the hand fixture: Z2's forest (41, k 2.10) on x 1500–2000 becomes 51 (k 0); Z1's 12 on
# x 500–800 becomes 21 (k 1). The red line covers x 1600–1900 of Z2 (30 ha of that lost forest)
# and x 0–200 of Z1 (21 stays 21); permanent farmland covers x 500–700 of Z1 (20 ha of 12 → 21).
#   Z2: ΔM inside the red line = 30 · (0 − 2.10) = −63: a violation of 63 ha of standard forest
#       (30 ha of land); ΔM in farmland 0.   Z1: ΔM in the red line 0, in farmland 20 · 1 = +20.
#   exclude (default): Z2's E from ΔM −105 + 63 = −42: E2 = −42 · 0.9375 · 1.2 = −47.25
#   count: E2 = −105 · 0.9375 · 1.2 = −118.125, flagged.
#   at 1000 yuan/ha: exclude trades min(22.5, 47.25) = 22.5, unmet demand 47.25 − 22.5 = 24.75.
REDLINE = [(1600, 0, 1900, 1000), (0, 0, 200, 1000)]
FARMLAND = [(500, 0, 700, 1000)]
E2_EXCLUDED = -42 * 0.9375 * 1.2


def write_lines(path: Path, layers: dict[str, list]) -> Path:
    srs = osr_4527()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, boxes in layers.items():
        layer = ds.CreateLayer(name, srs, ogr.wkbPolygon)
        for b in boxes:
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(box(X0 + b[0], Y0 + b[1], X0 + b[2], Y0 + b[3])))
            layer.CreateFeature(feature)
    ds = None
    return path


def osr_4527():
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    return srs


def workspace(tmp: Path) -> Path:
    return write_lines(tmp / "lines.gpkg", {"ecological_redline": REDLINE, "permanent_farmland": FARMLAND,
                                            "urban_boundary": []})


def test_forest_lost_inside_the_red_line_is_a_violation_not_demand(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones",
                  "--workspace", str(workspace(tmp_path)))
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z2"]["dm_ha"] == pytest.approx(-105)
    assert z["Z2"]["dm_redline_ha"] == pytest.approx(-63) and z["Z2"]["dm_farmland_ha"] == pytest.approx(0)
    assert z["Z2"]["redline_loss_ha"] == pytest.approx(63) and z["Z2"]["redline_loss_area_ha"] == pytest.approx(30)
    assert z["Z2"]["violation"] == 1 and z["Z1"]["violation"] == 0
    assert z["Z2"]["dm_tradable_ha"] == pytest.approx(-42)
    assert z["Z2"]["e_ha"] == pytest.approx(E2_EXCLUDED) and z["Z2"]["role"] == "demand"
    assert z["Z1"]["dm_redline_ha"] == pytest.approx(0) and z["Z1"]["dm_farmland_ha"] == pytest.approx(20)
    assert z["Z1"]["e_ha"] == pytest.approx(22.5)
    violations = layer_rows(out, "violations")
    assert len(violations) == 1
    v = violations[0]
    assert (v["zone_id"], v["zone_name"], v["from_code"], v["to_code"]) == ("Z2", "二县", "41", "51")
    assert v["area_ha"] == pytest.approx(30) and v["dm_ha"] == pytest.approx(-63) and v["counted_in_e"] == 0
    s = summary(out)
    assert s["sum_dm_redline_ha"] == pytest.approx(-63) and s["sum_dm_farmland_ha"] == pytest.approx(20)
    assert s["redline_loss_ha"] == pytest.approx(63) and s["violation_zones"] == 1
    assert s["violation_pieces"] == 1 and s["redline_loss_counted"] == 0
    assert s["redline_loss"].startswith("exclude")
    assert s["total_demand_ha"] == pytest.approx(-E2_EXCLUDED)
    assert s["traded_ha"] == pytest.approx(22.5) and s["unmet_demand_ha"] == pytest.approx(-E2_EXCLUDED - 22.5)
    assert "red line" in s["bottom_lines"] and "ecological_redline" in s["bottom_lines"]
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("violations").GetMetadataItem("redline_loss").startswith("exclude")
    assert "violation: Z2 二县 lost 63.00 ha of standard forest (30.00 ha of land)" in res.stdout


def test_red_line_loss_counted_and_flagged_on_request(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones",
                  "--workspace", str(workspace(tmp_path)), "--redline-loss", "count")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z2"]["e_ha"] == pytest.approx(-118.125) and z["Z2"]["violation"] == 1
    assert z["Z2"]["dm_tradable_ha"] == pytest.approx(-105)
    assert layer_rows(out, "violations")[0]["counted_in_e"] == 1
    s = summary(out)
    assert s["redline_loss"].startswith("count") and s["redline_loss_counted"] == 1
    assert s["total_demand_ha"] == pytest.approx(118.125)


def test_lines_as_delivered_equal_the_workspace(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    redline = write_lines(tmp_path / "hx.gpkg", {"STHX": REDLINE})
    farmland = write_lines(tmp_path / "jbnt.gpkg", {"YJJBNT": FARMLAND})
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--reference", "zones", "--redline", str(redline),
                  "--redline-layer", "STHX", "--farmland", str(farmland))
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z2"]["redline_loss_ha"] == pytest.approx(63) and z["Z2"]["e_ha"] == pytest.approx(E2_EXCLUDED)
    assert z["Z1"]["dm_farmland_ha"] == pytest.approx(20)
    # One line alone is not enough: the farmland's figures would read as zero.
    res = voucher(files, tmp_path / "w.gpkg", "--redline", str(redline))
    assert res.returncode == 2 and "--farmland" in res.stderr
    assert not (tmp_path / "w.gpkg").exists()
    # Raster land use: the lines cut its cells (as polygons), and the figures are the vector's.
    from cli_support import rasterize
    extent = (X0, Y0, X0 + 3000, Y0 + 1000)
    rasters = [rasterize(files[y], tmp_path / f"{y}.tif", 10, extent) for y in ("base", "target")]
    raster_out = tmp_path / "r.gpkg"
    res = voucher(files, raster_out, "--area", "planar", "--reference", "zones", "--redline", str(redline),
                  "--redline-layer", "STHX", "--farmland", str(farmland), base=str(rasters[0]),
                  target=str(rasters[1]), classes=False)
    assert res.returncode == 0, res.stderr
    r = by_zone(raster_out)
    for zone in ("Z1", "Z2"):
        for field in ("dm_ha", "dm_redline_ha", "dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha",
                      "dm_tradable_ha", "e_ha", "violation"):
            assert r[zone][field] == pytest.approx(z[zone][field], abs=1e-9), (zone, field)
    violations = layer_rows(raster_out, "violations")
    assert [(v["zone_id"], v["from_code"], v["to_code"]) for v in violations] == [("Z2", "41", "51")]
    assert violations[0]["area_ha"] == pytest.approx(30) and violations[0]["dm_ha"] == pytest.approx(-63)


def test_without_lines_no_line_figures(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    assert voucher(files, out, "--area", "planar", "--reference", "zones").returncode == 0
    z = by_zone(out)
    assert z["Z2"]["dm_redline_ha"] is None and z["Z2"]["violation"] is None
    assert z["Z2"]["e_ha"] == pytest.approx(-118.125)
    ds = ogr.Open(str(out))
    assert "violations" not in [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
    assert summary(out)["redline_loss"] == "(no lines)"


def test_key_function_county_is_out_of_the_market_by_default(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones",
                  "--key-function-ids", "Z1")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert z["Z1"]["key_function"] == 1 and z["Z1"]["in_market"] == 0
    assert z["Z1"]["e_ha"] == pytest.approx(22.5)  # its account is still computed
    assert z["Z1"]["amount_yuan"] is None
    assert z["Z2"]["key_function"] == 0 and z["Z2"]["in_market"] == 1
    assert layer_rows(out, "trades") == []
    s = summary(out)
    assert s["key_function_zones"] == 1 and s["zones_out_of_market"] == 1
    assert s["key_function_supply_ha"] == pytest.approx(22.5) and s["total_supply_ha"] == pytest.approx(0)
    assert s["traded_ha"] == 0 and s["unmet_demand_ha"] == pytest.approx(118.125)
    assert s["key_function_market"].startswith("out")
    assert "key ecological function zones: 1 (accounts computed, kept out of the market) Z1" in res.stdout
    # The other choice puts it in the market.
    out2 = tmp_path / "in.gpkg"
    res = voucher(files, out2, "--area", "planar", "--price", "1000", "--reference", "zones",
                  "--key-function-ids", "Z1", "--key-function-in-market")
    assert res.returncode == 0, res.stderr
    assert by_zone(out2)["Z1"]["in_market"] == 1
    assert summary(out2)["traded_ha"] == pytest.approx(22.5)
    # An id that is no zone is an error, not a silent no-op.
    res = voucher(files, tmp_path / "x.gpkg", "--key-function-ids", "Z1, Z9")
    assert res.returncode == 1 and "Z9" in res.stderr


def test_key_function_from_a_field(tmp_path: Path) -> None:
    files = make_fixture(tmp_path)
    files["zones"] = write_layer(tmp_path / "zones_kf.gpkg", "zones", 4527, ZONE_FIELDS + [("zdstgn", ogr.OFTString)],
                                 [({"code": c, "name": n, "gdp": g, "pop": p, "zdstgn": "是" if c == "Z1" else "否"},
                                   box(X0 + b[0], Y0 + b[1], X0 + b[2], Y0 + b[3])) for c, n, g, p, b in ZONES])
    out = tmp_path / "v.gpkg"
    res = voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones",
                  "--key-function-field", "zdstgn")
    assert res.returncode == 0, res.stderr
    z = by_zone(out)
    assert (z["Z1"]["in_market"], z["Z2"]["in_market"]) == (0, 1)
    assert summary(out)["traded_ha"] == 0
