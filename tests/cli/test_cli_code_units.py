"""Zones from the survey's own unit codes (三调 ZLDWDM: 6 county, 9 town, 12 village characters)
for the commands that need zone polygons: `guotu voucher --zone-code-field`. Hand-computed on a
small survey of 1-ha parcels, equal to a run with a zones layer of the same units, and on the
county package (SYNTHETIC) equal to its XZQ towns."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import REPO, X0, Y0, box, run_guotu, write_layer

A, B, C = "130101100001", "130101100002", "130101101001"  # two villages of town 130101100, one of 130101101
NAMES = {A: "东村", B: "西村", C: "南村"}
# (village, class in 2019, class in 2020, box in metres from the origin); every parcel 1 ha
PARCELS = [(A, "0301", "0301", (0, 0, 100, 100)), (A, "0101", "0301", (100, 0, 200, 100)),
           (B, "0301", "0101", (0, 100, 100, 200)), (C, "0101", "0301", (100, 100, 200, 200))]
FIELDS = [("ZLDWDM", ogr.OFTString), ("ZLDWMC", ogr.OFTString), ("DLBM", ogr.OFTString), ("CZCSXM", ogr.OFTString)]


def survey(path: Path, year: int, czcsxm: dict | None = None) -> Path:
    rows = []
    for i, (village, before, after, (a, b, c, d)) in enumerate(PARCELS):
        rows.append(({"ZLDWDM": village + "0000000", "ZLDWMC": NAMES[village], "DLBM": after if year == 2020 else
                      before, "CZCSXM": (czcsxm or {}).get(i, "")}, box(X0 + a, Y0 + b, X0 + c, Y0 + d)))
    return write_layer(path, "DLTB", 4527, FIELDS, rows)


@pytest.fixture()
def small(tmp_path: Path) -> dict:
    coefficients = tmp_path / "k.csv"
    coefficients.write_text("code,k\n0301,1\n0101,0.5\n", encoding="utf-8")
    villages = tmp_path / "villages.csv"
    villages.write_text(f"code,gdp,pop\n{A},1000000,100\n{B},2000000,100\n{C},1000000,50\n", encoding="utf-8")
    towns = tmp_path / "towns.csv"
    towns.write_text("code,gdp,pop\n130101100,3000000,200\n130101101,1000000,50\n", encoding="utf-8")
    return {"base": survey(tmp_path / "dltb_2019.gpkg", 2019), "target": survey(tmp_path / "dltb_2020.gpkg", 2020),
            "k": coefficients, "villages": villages, "towns": towns, "dir": tmp_path}


def voucher(small: dict, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_guotu("voucher", "--gdp-field", "gdp", "--pop-field", "pop", "--base", str(small["base"]),
                     "--base-class-field", "DLBM", "--target", str(small["target"]), "--target-class-field", "DLBM",
                     "--coefficients", str(small["k"]), "--national-gdp-per-capita", "10000",
                     "--national-pop-density", "5000", "--area", "planar", *extra, "-o", str(out))


def zones_of(out: Path) -> dict:
    ds = ogr.Open(str(out))
    rows = {f["zone_id"]: f.items() | {"area_m2": f.GetGeometryRef().GetArea()} for f in ds.GetLayerByName("voucher")}
    meta = {f["item"]: f["text"] for f in ds.GetLayerByName("summary")} if ds.GetLayerByName("summary") else {}
    ds = None
    return rows | {"_meta": meta}


def test_village_vouchers_by_hand(small: dict) -> None:
    """Village A (2 ha): M0 = 1 + 0.5, Mt = 2, G = (1e6/100)/1e4 = 1, P = (100/0.02 km²)/5000 = 1: E = 0.5.
    B (1 ha): M0 = 1, Mt = 0.5, G = 2, P = 2: E = -2. C (1 ha): M0 = 0.5, Mt = 1, G = 2, P = 1: E = 1.
    Names from the survey's own ZLDWMC (its 19-character codes padded with zeros)."""
    out = small["dir"] / "villages.gpkg"
    res = voucher(small, out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "--zone-table",
                  str(small["villages"]), "--zone-id", "code", "--zone-names", str(small["base"]), "--zone-names-id",
                  "ZLDWDM", "--zone-names-name", "ZLDWMC")
    assert res.returncode == 0, res.stderr
    assert "3 units from the first 12 characters of ZLDWDM" in res.stdout
    zones = zones_of(out)
    expected = {A: (2.0, 1.5, 2.0, 1.0, 1.0, 0.5), B: (1.0, 1.0, 0.5, 2.0, 2.0, -2.0), C: (1.0, 0.5, 1.0, 2.0, 1.0, 1.0)}
    for village, (area, m0, mt, g, p, e) in expected.items():
        z = zones[village]
        assert z["zone_name"] == NAMES[village]
        got = (z["area_ha"], z["m0_ha"], z["mt_ha"], z["g_ratio"], z["p_ratio"], z["e_ha"])
        assert got == pytest.approx((area, m0, mt, g, p, e), rel=1e-12), village
        assert z["area_m2"] == pytest.approx(area * 10000, rel=1e-12)  # the unit's polygon: its parcels' union


def test_towns_sum_the_villages_and_equal_a_zones_layer(small: dict) -> None:
    """Town 130101100 = villages A + B: 3 ha, M0 2.5, Mt 2.5; G = (3e6/200)/1e4 = 1.5,
    P = (200/0.03)/5000 = 4/3, E = 0. Town 130101101 = C. The per-unit sums of M0 and Mt are
    the whole survey's (3.0 and 3.5) at both levels, and a zones layer of the same towns gives
    the same accounts."""
    out = small["dir"] / "towns.gpkg"
    res = voucher(small, out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--zone-table",
                  str(small["towns"]), "--zone-id", "code")
    assert res.returncode == 0, res.stderr
    towns = zones_of(out)
    t = towns["130101100"]
    assert (t["area_ha"], t["m0_ha"], t["mt_ha"], t["g_ratio"], t["p_ratio"], t["e_ha"]) == pytest.approx(
        (3.0, 2.5, 2.5, 1.5, 4 / 3, 0.0), rel=1e-12, abs=1e-12)
    assert towns["130101101"]["e_ha"] == pytest.approx(1.0, rel=1e-12)
    assert t["zone_name"] == ""  # no names asked for
    villages_out = small["dir"] / "villages.gpkg"
    assert voucher(small, villages_out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "--zone-table",
                   str(small["villages"]), "--zone-id", "code").returncode == 0
    villages = zones_of(villages_out)
    for key, whole in (("m0_ha", 3.0), ("mt_ha", 3.5), ("area_ha", 4.0)):
        assert sum(z[key] for k, z in villages.items() if k != "_meta") == pytest.approx(whole, rel=1e-12)
        assert sum(z[key] for k, z in towns.items() if k != "_meta") == pytest.approx(whole, rel=1e-12)
    # town 130101100 as one polygon (villages A and B), 130101101 as village C
    layer = write_layer(small["dir"] / "towns_layer.gpkg", "towns", 4527, [("code", ogr.OFTString)], [
        ({"code": "130101100"},
         f"POLYGON(({X0} {Y0},{X0 + 200} {Y0},{X0 + 200} {Y0 + 100},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0 + 200},"
         f"{X0} {Y0 + 200},{X0} {Y0}))"),
        ({"code": "130101101"}, box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200))])
    by_layer_out = small["dir"] / "by_layer.gpkg"
    res = voucher(small, by_layer_out, "--zones", str(layer), "--zone-id", "code", "--zone-table", str(small["towns"]))
    assert res.returncode == 0, res.stderr
    by_layer = zones_of(by_layer_out)
    for town in ("130101100", "130101101"):
        for key in ("area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha"):
            assert towns[town][key] == pytest.approx(by_layer[town][key], rel=1e-12, abs=1e-12), (town, key)


def test_zones_from_codes_are_refused_with_what_they_cannot_have(small: dict) -> None:
    out = small["dir"] / "x.gpkg"
    common = ("--zone-code-field", "ZLDWDM", "--zone-code-length", "12")
    res = voucher(small, out, *common)
    assert res.returncode == 2 and "--zone-table" in res.stderr
    res = voucher(small, out, *common, "--zone-table", str(small["villages"]), "--zones", str(small["base"]))
    assert res.returncode == 2 and "leave --zones" in res.stderr
    res = voucher(small, out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "20", "--zone-table",
                  str(small["villages"]), "--zone-id", "code")
    assert res.returncode == 1 and "has 19 characters; 20 are needed" in res.stderr
    res = voucher(small, out, *common, "--zone-table", str(small["towns"]), "--zone-id", "code")
    assert res.returncode == 1 and "has no row for zone '130101100001'" in res.stderr
    assert not out.exists()


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("county") / "pkg"
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"), "--out",
                    str(out), "--cells", "30"], check=True, capture_output=True, timeout=300)
    return out


def test_town_vouchers_of_the_county_package_from_codes_equal_its_xzq(package: Path, tmp_path: Path) -> None:
    """The towns made from ZLDWDM[:9] of the 三调 DLTB, named from XZQ, with the yearbook's GDP and
    population: the same accounts as with the XZQ layer as zones (its towns are those units)."""
    sandiao, change = str(package / "130101_2019_三调.gdb"), str(package / "130101_2020_变更" / "DLTB.shp")
    common = ["voucher", "--gdp-field", "GDP", "--pop-field", "POP", "--zone-table", str(package / "统计年鉴_2020.csv"),
              "--zone-id", "XZQDM", "--base", sandiao, "--base-layer", "DLTB", "--base-class-field", "DLBM",
              "--base-system", "SANDIAO_WORK", "--target", change, "--target-class-field", "DLBM", "--target-system",
              "SANDIAO_WORK", "--encoding", "CP936", "--price", "30000"]
    by_code, by_layer = tmp_path / "code.gpkg", tmp_path / "layer.gpkg"
    res = run_guotu(*common, "--zone-code-field", "ZLDWDM", "--zone-code-length", "9", "--zone-names", sandiao,
                    "--zone-names-layer", "XZQ", "-o", str(by_code))
    assert res.returncode == 0, res.stderr
    res = run_guotu(*common, "--zones", sandiao, "--zones-layer", "XZQ", "--zone-name", "XZQMC", "-o", str(by_layer))
    assert res.returncode == 0, res.stderr
    code, layer = zones_of(by_code), zones_of(by_layer)
    assert {z: v["zone_name"] for z, v in code.items() if z != "_meta"} == {"130101100": "城关镇",
                                                                          "130101101": "东岭乡"}
    for town in ("130101100", "130101101"):
        for key in ("area_ha", "m0_ha", "mt_ha", "dm_ha", "e_ha", "amount_yuan"):
            assert code[town][key] == pytest.approx(layer[town][key], rel=1e-9), (town, key)
    ds = ogr.Open(str(by_code))
    meta = ds.GetLayerByName("voucher").GetMetadata()
    ds = None
    assert meta["zone_code_field"] == "ZLDWDM" and meta["zone_code_length"] == "9"
    assert meta["zones"].startswith("2 units: the first 9 characters of ZLDWDM")


# ---- conversion matrices per unit -------------------------------------------------------------

def after_layer(path: Path) -> Path:
    """2020 as one split: forest (0301) west of x = 150 m, homesteads (0702) east of it."""
    return write_layer(path, "after", 4527, [("DLBM", ogr.OFTString)], [
        ({"DLBM": "0301"}, box(X0, Y0, X0 + 150, Y0 + 200)), ({"DLBM": "0702"}, box(X0 + 150, Y0, X0 + 200, Y0 + 200))])


def convert(small: dict, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_guotu("convert", "--before", str(small["base"]), "--before-class-field", "DLBM", "--before-system",
                     "SANDIAO_WORK", "--after", str(after_layer(small["dir"] / "after.gpkg")), "--after-class-field",
                     "DLBM", "--after-system", "SANDIAO_WORK", "--area", "planar", *extra, "-o", str(out))


def unit_cells(out: Path) -> dict:
    ds = ogr.Open(str(out))
    cells = {(f["unit_id"], f["from_code"], f["to_code"]): f["area_ha"] for f in ds.GetLayerByName("unit_transitions")}
    ds = None
    return cells


def test_conversion_matrix_per_village_and_town_by_hand(small: dict) -> None:
    """Each piece belongs to its before parcel's unit: A's paddy field (x 100–200) goes half to
    forest, half to homesteads, so A: 0301→0301 1 ha, 0101→0301 0.5, 0101→0702 0.5; B: 0301→0301 1;
    C: 0101→0301 0.5, 0101→0702 0.5. Town 130101100 = A + B. The sums over units are the whole
    matrix (transitions, code level), and a zones layer of the same towns gives the same cells."""
    out = small["dir"] / "villages.gpkg"
    res = convert(small, out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "12")
    assert res.returncode == 0, res.stderr
    assert unit_cells(out) == pytest.approx({
        (A, "0101", "0301"): 0.5, (A, "0101", "0702"): 0.5, (A, "0301", "0301"): 1.0, (B, "0301", "0301"): 1.0,
        (C, "0101", "0301"): 0.5, (C, "0101", "0702"): 0.5}, rel=1e-12)
    ds = ogr.Open(str(out))
    whole = {(f["from_class"], f["to_class"]): f["area_ha"] for f in ds.GetLayerByName("transitions")
             if f["level"] == "code"}
    pieces = {}
    for f in ds.GetLayerByName("conversions"):
        pieces[f["zone_id"]] = pieces.get(f["zone_id"], 0.0) + f["area_ha"]
    statuses = {(f["unit_id"], f["from_code"], f["to_code"]): (f["from_category"], f["status"])
                for f in ds.GetLayerByName("unit_transitions")}
    meta = ds.GetLayerByName("unit_transitions").GetMetadata()
    ds = None
    assert whole == pytest.approx({("0101", "0301"): 1.0, ("0101", "0702"): 1.0, ("0301", "0301"): 2.0}, rel=1e-12)
    assert pieces == pytest.approx({A: 2.0, B: 1.0, C: 1.0}, rel=1e-12)  # the pieces carry their unit
    assert statuses[(B, "0301", "0301")][1] == "same" and statuses[(A, "0101", "0702")][1] != "same"
    assert meta["units_from_codes"] == "the first 12 characters of ZLDWDM of the before parcels (3 units)"

    towns_out = small["dir"] / "towns.gpkg"
    assert convert(small, towns_out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "9").returncode == 0
    towns = unit_cells(towns_out)
    assert towns == pytest.approx({
        ("130101100", "0101", "0301"): 0.5, ("130101100", "0101", "0702"): 0.5, ("130101100", "0301", "0301"): 2.0,
        ("130101101", "0101", "0301"): 0.5, ("130101101", "0101", "0702"): 0.5}, rel=1e-12)
    for cells in (unit_cells(out), towns):
        summed: dict = {}
        for (_unit, a, b), ha in cells.items():
            summed[(a, b)] = summed.get((a, b), 0.0) + ha
        assert summed == pytest.approx(whole, rel=1e-12)
    layer = write_layer(small["dir"] / "towns_layer.gpkg", "towns", 4527, [("code", ogr.OFTString)], [
        ({"code": "130101100"},
         f"POLYGON(({X0} {Y0},{X0 + 200} {Y0},{X0 + 200} {Y0 + 100},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0 + 200},"
         f"{X0} {Y0 + 200},{X0} {Y0}))"),
        ({"code": "130101101"}, box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200))])
    zoned = small["dir"] / "zoned.gpkg"
    assert convert(small, zoned, "--zones", str(layer), "--zone-id", "code").returncode == 0
    ds = ogr.Open(str(zoned))
    by_layer = {(f["zone_id"], f["from_class"], f["to_class"]): f["area_ha"] for f in ds.GetLayerByName("transitions")
                if f["level"] == "code" and f["zone_id"] != "*"}
    ds = None
    assert by_layer == pytest.approx(towns, rel=1e-12)


def test_conversion_per_unit_refusals(small: dict) -> None:
    out = small["dir"] / "x.gpkg"
    res = convert(small, out, "--zone-code-field", "ZLDWDM", "--zones", str(small["base"]), "--zone-id", "ZLDWDM")
    assert res.returncode == 2 and "not both" in res.stderr
    res = convert(small, out, "--zone-code-field", "ZLDWDM", "--zone-code-length", "20")
    assert res.returncode == 1 and "has 19 characters; 20 are needed" in res.stderr
    res = convert(small, out, "--zone-code-field", "NOPE")
    assert res.returncode == 1 and "NOPE" in res.stderr
    assert not out.exists()


def test_conversion_per_village_of_the_county_package(package: Path, tmp_path: Path) -> None:
    """2019 三调 (File Geodatabase) → 2020 change survey (GBK shapefile) per village of ZLDWDM: the
    villages' cells sum to the whole matrix and equal those of a run with the package's CJDCQ
    villages as zones (their 19-character ZLDWDM padded with zeros)."""
    out, zoned = tmp_path / "conv.gpkg", tmp_path / "zoned.gpkg"
    sandiao = str(package / "130101_2019_三调.gdb")
    common = ["convert", "--before", sandiao, "--before-layer", "DLTB", "--before-class-field", "DLBM",
              "--before-system", "SANDIAO_WORK", "--after", str(package / "130101_2020_变更" / "DLTB.shp"),
              "--after-class-field", "DLBM", "--after-system", "SANDIAO_WORK", "--encoding", "CP936"]
    res = run_guotu(*common, "--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "-o", str(out))
    assert res.returncode == 0, res.stderr
    res = run_guotu(*common, "--zones", sandiao, "--zones-layer", "CJDCQ", "--zone-id", "ZLDWDM", "-o", str(zoned))
    assert res.returncode == 0, res.stderr
    ds = ogr.Open(str(zoned))
    by_layer = {(f["zone_id"][:12], f["from_class"], f["to_class"]): f["area_ha"]
                for f in ds.GetLayerByName("transitions") if f["level"] == "code" and f["zone_id"] != "*"}
    ds = None
    cells = unit_cells(out)
    ds = ogr.Open(str(out))
    whole = {(f["from_class"], f["to_class"]): f["area_ha"] for f in ds.GetLayerByName("transitions")
             if f["level"] == "code"}
    ds = None
    assert len({u for u, _a, _b in cells}) == 4 and all(len(u) == 12 for u, _a, _b in cells)
    summed: dict = {}
    for (_unit, a, b), ha in cells.items():
        summed[(a, b)] = summed.get((a, b), 0.0) + ha
    assert summed == pytest.approx(whole, rel=1e-9)
    # both runs keep the overlay's digitising slivers (areas ~1e-10 ha), the zones run also along
    # the village borders: the cells that hold land are the same, with the same areas
    by_layer = {key: ha for key, ha in by_layer.items() if key[0] and ha > 1e-6}
    real = {key: ha for key, ha in cells.items() if ha > 1e-6}
    assert set(by_layer) == set(real)
    for key, ha in real.items():
        assert ha == pytest.approx(by_layer[key], abs=1e-6), key


# ---- the urban mask from CZCSXM with periods, the bottom lines and counties --------------------

def test_mask_from_czcsxm_with_periods_lines_and_counties_equals_the_layer(package: Path, tmp_path: Path) -> None:
    """--mask-czcsxm 203 (the change survey's homesteads) gives the same accounts as --mask with a
    layer of exactly those parcels: as accounts over years (--period), within the bottom lines
    (the pieces inside the red line and farmland cut by the mask, and the violations), and with the
    towns' vouchers attributed to a county (--counties)."""
    from osgeo import gdal

    sandiao, change = str(package / "130101_2019_三调.gdb"), str(package / "130101_2020_变更" / "DLTB.shp")
    plan = str(package / "规划成果.gdb")
    urban = tmp_path / "urban.gpkg"
    gdal.VectorTranslate(str(urban), change, where="CZCSXM LIKE '203%'", layerName="urban", format="GPKG",
                         options=["-oo", "ENCODING=CP936"])
    county = tmp_path / "county.gpkg"
    gdal.VectorTranslate(str(county), sandiao, SQLStatement="SELECT ST_Union(SHAPE) AS geom, '130101' AS code "
                         "FROM XZQ", SQLDialect="SQLITE", layerName="county", format="GPKG")
    common = ["voucher", "--zones", sandiao, "--zones-layer", "XZQ", "--zone-id", "XZQDM", "--gdp-field", "GDP",
              "--pop-field", "POP", "--zone-table", str(package / "统计年鉴_2020.csv"), "--base", sandiao,
              "--base-layer", "DLTB", "--base-class-field", "DLBM", "--base-system", "SANDIAO_WORK",
              "--target-class-field", "DLBM", "--target-system", "SANDIAO_WORK", "--encoding", "CP936",
              "--price", "30000"]
    lines = ["--redline", plan, "--redline-layer", "生态保护红线", "--farmland", plan, "--farmland-layer", "永久基本农田"]
    cases = {"period": ["--period", f"2020={change}"], "lines": ["--target", change, *lines],
             "counties": ["--target", change, "--counties", str(county), "--county-id", "code"]}
    for case, extra in cases.items():
        outs = {}
        for mask in ("codes", "layer", "none"):
            out = tmp_path / f"{case}_{mask}.gpkg"
            given = {"codes": ["--mask-czcsxm", "203"], "layer": ["--mask", str(urban)], "none": []}[mask]
            res = run_guotu(*common, *extra, *given, "-o", str(out))
            assert res.returncode == 0, (case, mask, res.stderr)
            outs[mask] = out
        ds = {m: ogr.Open(str(p)) for m, p in outs.items()}
        tables = {"period": ("ledger",), "lines": ("voucher", "violations"), "counties": ("voucher_counties",)}[case]
        for table in tables:
            rows = {m: [f.items() for f in ds[m].GetLayerByName(table)] for m in ds}
            assert rows["codes"], (case, table)
            assert len(rows["codes"]) == len(rows["layer"]), (case, table)
            for a, b in zip(rows["codes"], rows["layer"]):
                for key, value in b.items():
                    if isinstance(value, float):
                        assert a[key] == pytest.approx(value, rel=1e-9, abs=1e-9), (case, table, key)
                    else:
                        assert a[key] == value, (case, table, key)
            if table in ("voucher", "voucher_counties", "ledger"):
                key = {"voucher": "e_ha", "voucher_counties": "e_ha", "ledger": "e_ha"}[table]
                assert [r[key] for r in rows["codes"]] != [r[key] for r in rows["none"]], (case, table)
        meta = ds["codes"].GetLayerByName(tables[0]).GetMetadata() or ds["codes"].GetLayerByName("voucher").GetMetadata()
        ds = None
        assert "CZCSXM LIKE '203%'" in meta.get("mask", ""), (case, meta.get("mask"))


# ---- line statistics per unit ------------------------------------------------------------------

def test_line_statistics_per_village_by_hand(small: dict) -> None:
    """Red line x 50–150 m (A 1 ha, B 0.5, C 0.5), farmland x 0–50 m (A 0.5, B 0.5), urban boundary
    the north-east quarter of C (0.25 ha): line_stats per village of the land use's ZLDWDM, named
    from its ZLDWMC; the per-village sums are the layers' whole areas."""
    d = small["dir"]
    lines = {name: write_layer(d / f"{name}.gpkg", name, 4527, [("id", ogr.OFTString)], [({"id": "1"}, wkt)])
             for name, wkt in (("redline", box(X0 + 50, Y0, X0 + 150, Y0 + 200)),
                               ("farmland", box(X0, Y0, X0 + 50, Y0 + 200)),
                               ("urban", box(X0 + 150, Y0 + 150, X0 + 200, Y0 + 200)))}
    out = d / "lines.gpkg"
    res = run_guotu("lines", "check", "--redline", str(lines["redline"]), "--farmland", str(lines["farmland"]),
                    "--urban", str(lines["urban"]), "--landuse", str(small["base"]), "--class-field", "DLBM",
                    "--admin-code-field", "ZLDWDM", "--admin-code-length", "12", "--admin-names", str(small["base"]),
                    "--admin-names-id", "ZLDWDM", "--admin-names-name", "ZLDWMC", "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "3 units from the first 12 characters of ZLDWDM" in res.stdout
    ds = ogr.Open(str(out))
    stats = {f["admin_code"]: (f["admin_name"], f["redline_ha"], f["farmland_ha"], f["urban_ha"])
             for f in ds.GetLayerByName("line_stats")}
    meta = ds.GetLayerByName("line_stats").GetMetadata()
    ds = None
    assert {k: v[0] for k, v in stats.items()} == NAMES
    expected = {A: (1.0, 0.5, 0.0), B: (0.5, 0.5, 0.0), C: (0.5, 0.0, 0.25)}
    for village, values in expected.items():
        assert stats[village][1:] == pytest.approx(values, abs=1e-9), village
    assert sum(v[1] for v in stats.values()) == pytest.approx(2.0, rel=1e-12)  # the red line, 100 m x 200 m
    assert meta["admin_units"].startswith("units of the first 12 characters of ZLDWDM of the land use")
    res = run_guotu("lines", "check", "--redline", str(lines["redline"]), "--farmland", str(lines["farmland"]),
                    "--urban", str(lines["urban"]), "--admin", str(lines["urban"]), "--landuse", str(small["base"]),
                    "--class-field", "DLBM", "--admin-code-field", "ZLDWDM", "-o", str(d / "x.gpkg"))
    assert res.returncode == 2 and "leave --admin out" in res.stderr


def test_line_statistics_per_town_of_the_county_package_equal_its_xzq(package: Path, tmp_path: Path) -> None:
    """The towns of ZLDWDM[:9] of the 三调 DLTB, named from XZQ, against the planning database's lines:
    the same line_stats as with the XZQ layer as admin units."""
    sandiao, plan = str(package / "130101_2019_三调.gdb"), str(package / "规划成果.gdb")
    common = ["lines", "check", "--redline", plan, "--redline-layer", "生态保护红线", "--farmland", plan,
              "--farmland-layer", "永久基本农田", "--urban", plan, "--urban-layer", "城镇开发边界", "--landuse", sandiao,
              "--landuse-layer", "DLTB", "--class-field", "DLBM", "--system", "SANDIAO_WORK"]
    by_code, by_layer = tmp_path / "code.gpkg", tmp_path / "layer.gpkg"
    res = run_guotu(*common, "--admin-code-field", "ZLDWDM", "--admin-code-length", "9", "--admin-names", sandiao,
                    "--admin-names-layer", "XZQ", "-o", str(by_code))
    assert res.returncode == 0, res.stderr
    res = run_guotu(*common, "--admin", sandiao, "--admin-layer", "XZQ", "-o", str(by_layer))
    assert res.returncode == 0, res.stderr
    rows = {}
    for name, path in (("code", by_code), ("layer", by_layer)):
        ds = ogr.Open(str(path))
        rows[name] = {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}
        ds = None
    assert rows["code"].keys() == rows["layer"].keys() == {"130101100", "130101101"}
    for town, row in rows["layer"].items():
        assert rows["code"][town]["admin_name"] == row["admin_name"]
        for key in ("redline_ha", "farmland_ha", "urban_ha", "cultivated_ha"):
            assert rows["code"][town][key] == pytest.approx(row[key], rel=1e-9, abs=1e-9), (town, key)
