"""guotu voucher over several survey years: accounts per zone carried from period to period.

Hand fixture (planar metres from the GK zone-39 origin), CAS_LUCC preset, --reference zones, the zones of
test_cli_voucher (Z1 100 ha with G·P = 1.25 · 0.6 = 0.75; Z2 200 ha with G·P = 0.9375 · 1.2 = 1.125),
21 有林地 k 1.00 in Z1 and 41 河渠 k 2.10 in Z2, the rest k 0; a fixed price of 1000 yuan/ha, caps 10, 100, 100:

  year   Z1 21 (M)     Z2 41 (M)
  2019   50 ha (50)    100 ha (210)     base (SJNF 2019: the 三调 standard time)
  2020   80 ha (80)     50 ha (105)
  2021   70 ha (70)     80 ha (168)
  2022   90 ha (90)     80 ha (168)

  period 1, 2019→2020: E1 = 30·0.75 = 22.5, E2 = −105·1.125 = −118.125; openings 0;
           traded min(22.5, 118.125, cap 10) = 10: Z1 sells 10 → closing 12.5; Z2 buys 10 → −108.125
  period 2, 2020→2021: E1 = −10·0.75 = −7.5 → position 12.5 − 7.5 = 5 (a seller, from its balance);
           E2 = 63·1.125 = 70.875 → position −108.125 + 70.875 = −37.25; traded 5: closings 0 and −32.25
  period 3, 2021→2022: E1 = 20·0.75 = 15, E2 = 0 → positions 15 and −32.25; traded 15: closings 0 and −17.25
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import X0, Y0, box, run_guotu, write_layer
from test_cli_voucher import ZONE_FIELDS, ZONES, layer_rows, summary

SURVEYS = {2019: (500, 1000), 2020: (800, 500), 2021: (700, 800), 2022: (900, 800)}  # metres of 21 and of 41

EXPECTED = [  # period, from, to, zone, opening, dm, e, position, bought, sold, closing
    (1, 2019, 2020, "Z1", 0.0, 30.0, 22.5, 22.5, 0.0, 10.0, 12.5),
    (1, 2019, 2020, "Z2", 0.0, -105.0, -118.125, -118.125, 10.0, 0.0, -108.125),
    (2, 2020, 2021, "Z1", 12.5, -10.0, -7.5, 5.0, 0.0, 5.0, 0.0),
    (2, 2020, 2021, "Z2", -108.125, 63.0, 70.875, -37.25, 5.0, 0.0, -32.25),
    (3, 2021, 2022, "Z1", 0.0, 20.0, 15.0, 15.0, 0.0, 15.0, 0.0),
    (3, 2021, 2022, "Z2", -32.25, 0.0, 0.0, -32.25, 15.0, 0.0, -17.25),
]
COLUMNS = ("period", "year_from", "year_to", "zone_id", "opening_ha", "dm_ha", "e_ha", "position_ha", "bought_ha",
           "sold_ha", "closing_ha")


def poly(x0, x1):
    return box(X0 + x0, Y0, X0 + x1, Y0 + 1000)


def make_surveys(tmp: Path, sjnf: bool = True) -> dict:
    files = {"zones": write_layer(tmp / "zones.gpkg", "zones", 4527, ZONE_FIELDS,
                                  [({"code": c, "name": n, "gdp": g, "pop": p}, poly(b[0], b[2]))
                                   for c, n, g, p, b in ZONES])}
    for year, (forest, water) in SURVEYS.items():
        rows = [(21, 0, forest), (12, forest, 1000), (41, 1000, 1000 + water), (51, 1000 + water, 3000)]
        fields = [("lucc", ogr.OFTInteger)] + ([("SJNF", ogr.OFTInteger)] if sjnf else [])
        files[year] = write_layer(tmp / f"lu{year}.gpkg", "DLTB", 4527, fields,
                                  [({"lucc": c, **({"SJNF": year} if sjnf else {})}, poly(a, b))
                                   for c, a, b in rows])
    return files


def common(files: dict) -> list:
    return ["voucher", "--zones", str(files["zones"]), "--zone-id", "code", "--zone-name", "name",
            "--gdp-field", "gdp", "--pop-field", "pop", "--base-class-field", "lucc", "--target-class-field", "lucc",
            "--area", "planar", "--reference", "zones", "--price", "1000"]


def ledger_rows(path: Path) -> list:
    return [tuple(r[c] for c in COLUMNS) for r in layer_rows(path, "ledger")]


def csv_rows(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [tuple(int(r[c]) if c in ("period", "year_from", "year_to") else r[c] if c == "zone_id" else float(r[c])
                  for c in COLUMNS) for r in rows]


def assert_rows(got: list, expected: list) -> None:
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g[:4] == e[:4]
        assert g[4:] == pytest.approx(e[4:], abs=1e-9)


def three_periods(files: dict, out: Path, *extra: str):
    return run_guotu(*common(files), "--base", str(files[2019]), "--period", f"2020={files[2020]}",
                     "--period", f"2021={files[2021]}", "--period", f"2022={files[2022]}", "--caps", "10,100,100",
                     "-o", str(out), *extra)


def test_three_periods_hand_computed(tmp_path: Path) -> None:
    files = make_surveys(tmp_path)
    out = tmp_path / "ledger.gpkg"
    res = three_periods(files, out)
    assert res.returncode == 0, res.stderr
    assert_rows(ledger_rows(out), EXPECTED)
    assert_rows(csv_rows(tmp_path / "ledger_ledger.csv"), EXPECTED)
    trades = [(t["period"], t["year_to"], t["seller_id"], t["buyer_id"], t["volume_ha"], t["amount_yuan"])
              for t in layer_rows(out, "ledger_trades")]
    assert trades == [(1, 2020, "Z1", "Z2", pytest.approx(10), pytest.approx(10000)),
                      (2, 2021, "Z1", "Z2", pytest.approx(5), pytest.approx(5000)),
                      (3, 2022, "Z1", "Z2", pytest.approx(15), pytest.approx(15000))]
    # The other layers are the last period's: its E, and its market over the positions.
    s = summary(out)
    assert s["traded_ha"] == pytest.approx(15) and s["unmet_demand_ha"] == pytest.approx(17.25)
    assert s["base_year"] == "2019"  # from SJNF: the 三调 standard time
    assert "2021 -> 2022" in s["periods"] and "caps 10,100,100" in s["periods"]
    assert "period 2 (2020 -> 2021): traded 5.00 ha; closing balances: 0.00 ha held by 0 zones, 32.25 ha owed by 1 " \
        "zones" in res.stdout
    assert "Z2: opening -32.25, E 0.00, bought 15.00, sold 0.00, closing -17.25 ha" in res.stdout
    assert "base year: 2019 (the data's SJNF: the 三调 standard time, 2019-12-31)" in res.stdout


def test_three_periods_equal_three_single_runs_chained(tmp_path: Path) -> None:
    files = make_surveys(tmp_path)
    out = tmp_path / "all.gpkg"
    assert three_periods(files, out).returncode == 0
    chained = []
    opening = None
    for k, (year_from, year_to, cap) in enumerate(((2019, 2020, "10"), (2020, 2021, "100"), (2021, 2022, "100"))):
        single = tmp_path / f"p{k + 1}.gpkg"
        res = run_guotu(*common(files), "--base", str(files[year_from]), "--target", str(files[year_to]),
                        "--target-year", str(year_to), "--cap", cap, "-o", str(single),
                        *(["--opening", str(opening)] if opening else []))
        assert res.returncode == 0, res.stderr
        # A single run is period 1 of its own ledger; its base year comes from the data (SJNF).
        chained += [(k + 1, *row[1:]) for row in ledger_rows(single)]
        opening = single  # the earlier run's GeoPackage: its table ledger
        assert not (tmp_path / f"p{k + 1}_ledger.csv").exists()  # a single period writes no CSV beside
    assert_rows(chained, ledger_rows(out))
    assert_rows(chained, EXPECTED)
    # The ledger CSV of a run over several periods opens a later run too.
    res = run_guotu(*common(files), "--base", str(files[2021]), "--target", str(files[2022]), "--target-year",
                    "2022", "--opening", str(tmp_path / "all_ledger.csv"), "-o", str(tmp_path / "after.gpkg"))
    assert res.returncode == 0, res.stderr
    assert [r[4] for r in ledger_rows(tmp_path / "after.gpkg")] == pytest.approx([0.0, -17.25])


def test_opening_balances_as_a_table(tmp_path: Path) -> None:
    files = make_surveys(tmp_path)
    table = tmp_path / "open.csv"
    table.write_text("zone_id,balance_ha\nZ1,12.5\nZ2,-108.125\n", encoding="utf-8")
    out = tmp_path / "p2.gpkg"
    res = run_guotu(*common(files), "--base", str(files[2020]), "--target", str(files[2021]), "--cap", "100",
                    "--target-year", "2021", "--opening", str(table), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert_rows(ledger_rows(out), [(1, *row[1:]) for row in EXPECTED[2:4]])


def test_target_year_from_the_data(tmp_path: Path) -> None:
    """One period: the target year is the one the target data states (SJNF 2021 here), and a --target-year that
    contradicts it is refused (it would take another year's national values)."""
    files = make_surveys(tmp_path)
    out = tmp_path / "one.gpkg"
    res = run_guotu(*common(files), "--base", str(files[2020]), "--target", str(files[2021]), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert [(r[1], r[2]) for r in ledger_rows(out)] == [(2020, 2021), (2020, 2021)]
    assert summary(out)["target_year"] == "2021"
    res = run_guotu(*common(files), "--base", str(files[2020]), "--target", str(files[2021]), "--target-year", "2020",
                    "-o", str(tmp_path / "wrong.gpkg"))
    assert res.returncode == 1 and "states the data year 2021 (SJNF), not --target-year 2020" in res.stderr
    assert not (tmp_path / "wrong.gpkg").exists()


def test_refusals(tmp_path: Path) -> None:
    files = make_surveys(tmp_path, sjnf=False)
    out = tmp_path / "x.gpkg"
    res = three_periods(files, out)
    assert res.returncode == 1 and "no SJNF field): give it with --base-year" in res.stderr
    assert not out.exists()
    res = three_periods(files, out, "--base-year", "2020")
    assert res.returncode == 2 and "in order of year" in res.stderr
    res = run_guotu(*common(files), "--base", str(files[2019]), "--base-year", "2019", "--period",
                    f"2020={files[2020]}", "--period", f"2021={files[2021]}", "--caps", "10", "-o", str(out))
    assert res.returncode == 1 and "one cap (ha, a number >= 0) per --period (2)" in res.stderr
    res = run_guotu(*common(files), "--base", str(files[2019]), "--target", str(files[2020]),
                    "--period", f"2021={files[2021]}", "-o", str(out))
    assert res.returncode == 2 and "--period replaces --target" in res.stderr
    # A survey labelled with another year than its data states (SJNF) is refused.
    (tmp_path / "dated").mkdir()
    dated = make_surveys(tmp_path / "dated")
    res = run_guotu(*common(dated), "--base", str(dated[2019]), "--period", f"2020={dated[2021]}", "-o", str(out))
    assert res.returncode == 1 and "data year (SJNF) is 2021, not 2020" in res.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("zone_id,balance_ha\nZ9,1\n", encoding="utf-8")
    res = run_guotu(*common(files), "--base", str(files[2019]), "--target", str(files[2020]), "--opening", str(bad),
                    "-o", str(out))
    assert res.returncode == 1 and "zone 'Z9' is no zone of layer 'zones'" in res.stderr
    # National values are the default: a year the table lacks is refused, naming the years it has.
    args = [a for a in common(files) if a not in ("--reference", "zones")]
    res = run_guotu(*args, "--base", str(files[2019]), "--base-year", "2019", "--period", f"2020={files[2020]}",
                    "--period", f"2021={files[2021]}", "-o", str(out))
    assert res.returncode == 1 and "2021" in res.stderr and "2018" in res.stderr
    assert not out.exists()


def test_red_line_losses_period_by_period(tmp_path: Path) -> None:
    """The workspace of test_cli_voucher (red line x 1600–1900 and 0–200): Z2's water 41 shrinks from x 2000 to
    1500 in period 1, so 30 ha of it are lost inside the red line, 63 ha of standard forest, a violation left out
    of E (E2 = (−105 + 63) · 1.125 = −47.25); later periods lose nothing inside it."""
    from test_cli_voucher import workspace

    files = make_surveys(tmp_path)
    out = tmp_path / "ledger_lines.gpkg"
    res = three_periods(files, out, "--workspace", str(workspace(tmp_path)))
    assert res.returncode == 0, res.stderr
    rows = layer_rows(out, "ledger")
    assert [(r["period"], r["zone_id"], r["violation"]) for r in rows] == [
        (1, "Z1", 0), (1, "Z2", 1), (2, "Z1", 0), (2, "Z2", 0), (3, "Z1", 0), (3, "Z2", 0)]
    assert [r["redline_loss_ha"] for r in rows] == pytest.approx([0, 63, 0, 0, 0, 0])
    assert rows[1]["e_ha"] == pytest.approx(-47.25)
    # Without the lines the columns are empty, not zero.
    plain = tmp_path / "plain.gpkg"
    assert three_periods(files, plain).returncode == 0
    assert {(r["redline_loss_ha"], r["violation"]) for r in layer_rows(plain, "ledger")} == {(None, None)}
    with open(tmp_path / "plain_ledger.csv", encoding="utf-8") as f:
        assert next(csv.DictReader(f))["redline_loss_ha"] == ""
