"""Voucher accounts over years in QGIS (guotu:voucherledger): the hand-computed ledger of
tests/cli/test_cli_voucher_ledger.py, and the same ledger as ``guotu voucher --period`` on the same files.

Zones of voucher_data (G·P: Z1 0.75, Z2 1.125 over the zones), 21 k 1.00 in Z1 and 41 k 2.10 in Z2,
fixed price 1000 yuan/ha, caps 10, 100, 100; the surveys carry SJNF, so the base year is the data's (2019).
"""

from pathlib import Path
from typing import Dict, List

import processing
import pytest

import voucher_data as vd
from testdata import memory_layer, write_gpkg

pytestmark = pytest.mark.usefixtures("provider")

SURVEYS = {2019: (500, 1000), 2020: (800, 500), 2021: (700, 800), 2022: (900, 800)}
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


def write_surveys(folder: Path, sjnf: bool = True) -> Dict[object, str]:
    files: Dict[object, str] = {"zones": write_gpkg(vd.zones_layer(), folder / "zones.gpkg", "zones")}
    for year, (forest, water) in SURVEYS.items():
        boxes = [(21, (0, 0, forest, 1000)), (12, (forest, 0, 1000, 1000)), (41, (1000, 0, 1000 + water, 1000)),
                 (51, (1000 + water, 0, 3000, 1000))]
        fields = "&field=lucc:integer" + ("&field=SJNF:integer" if sjnf else "")
        layer = memory_layer("MultiPolygon", fields,
                             (([c, year] if sjnf else [c], vd.box_wkt(b)) for c, b in boxes), f"lu{year}",
                             "EPSG:4527")
        files[year] = write_gpkg(layer, folder / f"lu{year}.gpkg", "DLTB")
    return files


def ledger_params(files: Dict[object, str], **extra: object) -> dict:
    params = {"ZONES": files["zones"], "ZONE_ID": "code", "ZONE_NAME": "name", "GDP_FIELD": "gdp",
              "POP_FIELD": "pop", "REFERENCE": 1, "AREA_METHOD": 1, "BASE": files[2019], "BASE_CLASS_FIELD": "lucc",
              "SURVEYS": [files[2020], files[2021], files[2022]], "SURVEY_YEARS": "2020, 2021, 2022",
              "SURVEY_CLASS_FIELD": "lucc", "MARKET_PRICE": 1000, "CAPS": "10,100,100",
              "VOUCHER": "memory:", "CLASSES": "memory:", "SUMMARY": "memory:", "UNKNOWN": "memory:",
              "LEDGER": "memory:", "LEDGER_TRADES": "memory:"}
    params.update(extra)
    return {k: v for k, v in params.items() if v is not None}


def table(layer) -> List[tuple]:
    return [tuple(r[c] for c in COLUMNS) for r in vd.rows(layer)]


def assert_rows(got: List[tuple], expected: List[tuple]) -> None:
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert tuple(g[:4]) == tuple(e[:4])
        assert list(g[4:]) == pytest.approx(list(e[4:]), abs=1e-9)


def test_ledger_hand_computed_and_equal_to_the_cli(tmp_path: Path) -> None:
    files = write_surveys(tmp_path)
    csv_path = tmp_path / "ledger.csv"
    result = processing.run("guotu:voucherledger", ledger_params(files, LEDGER_CSV=str(csv_path)))
    assert_rows(table(result["LEDGER"]), EXPECTED)
    trades = [(r["period"], r["year_to"], r["seller_id"], r["buyer_id"], r["volume_ha"])
              for r in vd.rows(result["LEDGER_TRADES"])]
    assert trades == [(1, 2020, "Z1", "Z2", pytest.approx(10)), (2, 2021, "Z1", "Z2", pytest.approx(5)),
                      (3, 2022, "Z1", "Z2", pytest.approx(15))]
    # The last period's account as the accounting writes it.
    zones = vd.by_zone(result["VOUCHER"])
    assert zones["Z1"]["e_ha"] == pytest.approx(15) and zones["Z2"]["e_ha"] == pytest.approx(0)
    texts = vd.summary(result["SUMMARY"])
    assert texts["base_year"] == "2019" and texts["caps"] == "10,100,100"
    assert "3: 2021 -> 2022" in texts["periods"]

    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", files["zones"].split("|")[0], "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--area", "planar",
                     "--base", files[2019].split("|")[0], "--base-class-field", "lucc", "--target-class-field",
                     "lucc", *[a for y in (2020, 2021, 2022) for a in ("--period", f"{y}={files[y].split('|')[0]}")],
                     "--caps", "10,100,100", "--price", "1000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    cli = [tuple(r[c] for c in COLUMNS) for r in vd.ogr_rows(out, "ledger")]
    assert_rows(table(result["LEDGER"]), cli)
    # The CSV beside: the CLI's, byte for byte.
    assert csv_path.read_bytes() == (tmp_path / "cli_ledger.csv").read_bytes()


def test_ledger_opening_and_refusals(tmp_path: Path) -> None:
    files = write_surveys(tmp_path)
    opening = tmp_path / "open.csv"
    opening.write_text("zone_id,balance_ha\nZ1,12.5\nZ2,-108.125\n", encoding="utf-8")
    result = processing.run("guotu:voucherledger", ledger_params(
        files, BASE=files[2020], SURVEYS=[files[2021], files[2022]], SURVEY_YEARS="2021,2022", CAPS="100,100",
        OPENING=str(opening)))
    # Periods 2 and 3 of the three-period run, opened with period 1's closing balances.
    assert_rows(table(result["LEDGER"]), [(row[0] - 1, *row[1:]) for row in EXPECTED[2:]])
    # Opened with an earlier run's GeoPackage (its table ledger): the same.
    earlier = tmp_path / "earlier.gpkg"
    res = vd.run_cli("voucher", "--zones", files["zones"].split("|")[0], "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--area", "planar",
                     "--base", files[2019].split("|")[0], "--base-class-field", "lucc", "--target",
                     files[2020].split("|")[0], "--target-class-field", "lucc", "--cap", "10", "--price", "1000",
                     "-o", str(earlier))
    assert res.returncode == 0, res.stderr
    again = processing.run("guotu:voucherledger", ledger_params(
        files, BASE=files[2020], SURVEYS=[files[2021], files[2022]], SURVEY_YEARS="2021,2022", CAPS="100,100",
        OPENING=str(earlier)))
    assert_rows(table(again["LEDGER"]), [(row[0] - 1, *row[1:]) for row in EXPECTED[2:]])
    with pytest.raises(Exception, match="one year per later survey"):
        processing.run("guotu:voucherledger", ledger_params(files, SURVEY_YEARS="2020,2021"))
    with pytest.raises(Exception, match="one cap per period"):
        processing.run("guotu:voucherledger", ledger_params(files, CAPS="10,100"))
    with pytest.raises(Exception, match=r"given the year 2020, but its data year \(SJNF\) is 2021"):
        processing.run("guotu:voucherledger", ledger_params(files, SURVEYS=[files[2021], files[2020], files[2022]]))
    (tmp_path / "bare").mkdir()
    bare = write_surveys(tmp_path / "bare", sjnf=False)
    with pytest.raises(Exception, match="no SJNF field"):
        processing.run("guotu:voucherledger", ledger_params(bare))
    with pytest.raises(Exception, match="in order of year"):
        processing.run("guotu:voucherledger", ledger_params(bare, BASE_YEAR=2021))


def test_report_of_the_ledger(guotu, tmp_path: Path) -> None:
    """The report of a three-period run: the ledger table and a balance chart per zone (pdftotext, pdftoppm)."""
    import subprocess
    import sys

    from qgis.PyQt.QtGui import QColor, QImage
    from test_voucher_report import SCRIPT, pdf_pages, pdf_text

    files = write_surveys(tmp_path)
    out = tmp_path / "ledger.gpkg"
    res = vd.run_cli("voucher", "--zones", files["zones"].split("|")[0], "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--area", "planar",
                     "--base", files[2019].split("|")[0], "--base-class-field", "lucc", "--target-class-field",
                     "lucc", *[a for y in (2020, 2021, 2022) for a in ("--period", f"{y}={files[y].split('|')[0]}")],
                     "--caps", "10,100,100", "--price", "1000", "-o", str(out))
    assert res.returncode == 0, res.stderr
    pdf = tmp_path / "report.pdf"
    res = subprocess.run([sys.executable, str(SCRIPT), str(out), "--pdf", str(pdf)], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                           "HOME": str(tmp_path)})
    assert res.returncode == 0, res.stderr
    pages = [" ".join(pdf_text(pdf, p).split()) for p in range(1, pdf_pages(pdf) + 1)]
    maps = next(i for i, text in enumerate(pages) if "Standard forest by zone" in text)
    assert maps == 1 and "M₀, base year (ha)" in pages[1] and "ΔM = Mₜ − M₀ (ha)" in pages[1]
    ledger = next(i for i, text in enumerate(pages) if text.startswith("Ecological voucher account")
                  and "Accounts over years" in text)
    text = pages[ledger]
    # Z2's account: -108.125 after 2020 (printed -108.12: exact halves round to even), -32.25, -17.25.
    for row in ("Z1 一县 2019–2020 0.00 22.50 0.00 10.00 12.50", "Z2 二县 2020–2021 -108.12 70.88 5.00 0.00 -32.25",
                "Z2 二县 2021–2022 -32.25 0.00 15.00 0.00 -17.25"):
        assert row in text, (row, text)
    charts = ledger + 1
    assert "Balance of every zone's account by year (ha)" in pages[charts]
    assert "Parameters and inputs of the run" in pages[charts + 1]
    # The periods cell wraps over three lines (its paths are long): read without the layout mode.
    parameters = " ".join(" ".join(pdf_text(pdf, p, layout=False).split())
                          for p in range(charts + 2, len(pages) + 1))
    assert "Base year (base_year) 2019" in parameters and "Periods (periods)" in parameters
    assert "1: 2019 -> 2020" in parameters and "3: 2021 -> 2022" in parameters and "10,100,100" in parameters
    # The charts are drawn: the balance line in teal and the E line in red on the chart page.
    png = tmp_path / "charts"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(charts + 1), "-l", str(charts + 1), str(pdf), str(png)],
                   check=True)
    image = QImage(str(next(tmp_path.glob("charts*.png"))))
    teal = red = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            teal += c.green() > c.red() + 40 and c.blue() > c.red() + 30
            red += c.red() > 150 and c.green() < 90 and c.blue() < 90
    assert teal > 20 and red > 20, (teal, red)


def test_ledger_within_the_bottom_lines_equals_the_cli(tmp_path: Path) -> None:
    """Red-line losses period by period (hand numbers of tests/cli/test_cli_voucher_ledger.py: 63 ha of
    standard forest lost by Z2 in period 1, a violation left out of E), the same in QGIS and guotu voucher."""
    from test_voucher_cli_parity import _workspace

    files = write_surveys(tmp_path)
    workspace = _workspace(tmp_path / "ws.gpkg")
    csv_path = tmp_path / "qgis_ledger.csv"
    result = processing.run("guotu:voucherledger", ledger_params(files, WORKSPACE=str(workspace),
                                                                 LEDGER_CSV=str(csv_path)))
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("voucher", "--zones", files["zones"].split("|")[0], "--zone-id", "code", "--zone-name", "name",
                     "--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--area", "planar",
                     "--base", files[2019].split("|")[0], "--base-class-field", "lucc", "--target-class-field",
                     "lucc", *[a for y in (2020, 2021, 2022) for a in ("--period", f"{y}={files[y].split('|')[0]}")],
                     "--caps", "10,100,100", "--price", "1000", "--workspace", str(workspace), "-o", str(out))
    assert res.returncode == 0, res.stderr
    mine = vd.rows(result["LEDGER"])
    cli = vd.ogr_rows(out, "ledger")
    assert [(r["period"], r["zone_id"], r["violation"]) for r in mine] == \
        [(r["period"], r["zone_id"], r["violation"]) for r in cli] == \
        [(1, "Z1", 0), (1, "Z2", 1), (2, "Z1", 0), (2, "Z2", 0), (3, "Z1", 0), (3, "Z2", 0)]
    for a, b in zip(mine, cli):
        for name in ("opening_ha", "dm_ha", "e_ha", "position_ha", "bought_ha", "sold_ha", "closing_ha",
                     "redline_loss_ha"):
            assert a[name] == pytest.approx(b[name], abs=1e-9), (a["period"], a["zone_id"], name)
    assert mine[1]["redline_loss_ha"] == pytest.approx(63) and mine[1]["e_ha"] == pytest.approx(-47.25)
    assert csv_path.read_bytes() == (tmp_path / "cli_ledger.csv").read_bytes()


def test_accounting_refuses_national_values_of_another_year_than_the_data(tmp_path: Path) -> None:
    """A target survey whose SJNF says 2021 with the national values of 2020 would be a wrong E: refused, as
    guotu voucher refuses a contradicting --target-year."""
    files = write_surveys(tmp_path)
    params = {"ZONES": files["zones"], "ZONE_ID": "code", "ZONE_NAME": "name", "GDP_FIELD": "gdp", "POP_FIELD": "pop",
              "REFERENCE": 0, "TARGET_YEAR": 2020, "BASE": files[2020], "BASE_CLASS_FIELD": "lucc",
              "TARGET": files[2021], "TARGET_CLASS_FIELD": "lucc", "VOUCHER": "memory:", "CLASSES": "memory:",
              "SUMMARY": "memory:", "UNKNOWN": "memory:"}
    with pytest.raises(Exception, match=r"states the data year 2021 \(SJNF\), but the target year of the national "
                                        r"values is 2020"):
        processing.run("guotu:voucheraccounting", params)
    # The data's own year is used (here 2020 with the 2020 survey): it runs.
    result = processing.run("guotu:voucheraccounting", dict(params, BASE=files[2019], TARGET=files[2020]))
    assert vd.summary(result["SUMMARY"])["target_year"] == "2020"
