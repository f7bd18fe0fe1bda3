"""The balance sheet of the village's unit in the village reports written from the parcel
review dock: with a unit ledger whose units are the villages loaded on the dock's ledger page,
every village report gets page 2 — the unit's map coloured by its verdict, the balance sheet
of cultivated land, cultivated land by grade and the rules L1–L7 with their numbers — checked
page by page (pdftotext, pdftoppm) in English and in Chinese; a village the ledger has no unit
for gets no such page and the dock says so; without a ledger the reports are as before.

Data: the parcel-check fixture (villages V1 东村 [0,600], V2 西村 [600,1600]) and the ledger
fixture run with two units named V1 [0,1000] and V2 [1000,2000] — the ledger fixture's U1 and
U2 — so V1's sheet is U1's hand-computed one (tests/ledger_fixture.py) and V2's is U2's."""

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
from osgeo import ogr, osr
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QColor, QImage
from qgis.core import QgsProject

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "tests" / "plugin"))
import ledger_fixture as lf  # noqa: E402
import parcels_fixture as pf  # noqa: E402
from test_ledger_page import ledger_params  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

CHECK_OUTPUTS = ("PARCEL_CHECKS", "PARCEL_REASONS", "PROJECT_CHECKS", "VILLAGE_TOTALS")


def write_village_units(path: Path, units=(("V1", 0, 1000), ("V2", 1000, 2000))) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(lf.EPSG)
    layer = ds.CreateLayer("units", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DYBH", ogr.OFTString))
    for uid, x0, x1 in units:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("DYBH", uid)
        f.SetGeometry(ogr.CreateGeometryFromWkt(lf.box(x0, -10, x1, 110)))
        layer.CreateFeature(f)
    ds = None
    return path


def run_ledger(tmp: Path, units_path: Path) -> Dict:
    import processing

    from guotu.ledger.ledger_style import style_certificates_layer, style_units_layer

    params = ledger_params(tmp)
    params.update(UNITS=f"{units_path}|layername=units", UNIT_NAME=None)
    result = processing.run("guotu:unitledger", params)
    style_units_layer(result["UNIT_LEDGER"])
    style_certificates_layer(result["CERTIFICATES"])
    return result


@pytest.fixture
def fx(guotu, tmp_path: Path) -> Iterator[Dict]:
    import processing

    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

    checks = processing.run("guotu:parcelscheck", {
        "PARCELS": f"{pf.write_parcels(tmp_path / 'zzdk.gpkg')}|layername=zzdk", "PARCEL_ID": "dkbh",
        "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1,
        "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1, "WORKSPACE": str(pf.write_workspace(tmp_path / "ws.gpkg")),
        "VILLAGES": f"{pf.write_villages(tmp_path / 'cun.gpkg')}|layername=cun", "VILLAGE_ID": "cdm",
        "VILLAGE_NAME": "cmc", "AREA_METHOD": 1, **{key: "memory:" for key in CHECK_OUTPUTS}})
    style_parcels_layer(checks["PARCEL_CHECKS"])
    style_reasons_layer(checks["PARCEL_REASONS"])
    project = QgsProject.instance()
    for key in CHECK_OUTPUTS:
        project.addMapLayer(checks[key])
    yield {"dir": tmp_path, "project": project}
    project.clear()


def make_dock(project: QgsProject):
    from guotu.ui.parcels_dock import ParcelsDock

    return ParcelsDock(project=project)


def close_dock(dock) -> None:
    from qgis.PyQt.QtCore import QEvent

    dock.cleanup()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pages_text(pdf: Path) -> List[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:page_count(pdf)]


def page_image(pdf: Path, page: int, folder: Path) -> QImage:
    stem = folder / f"{pdf.stem}_p{page}"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(stem)], check=True)
    return QImage(str(stem) + ".png")


def map_pixels(image: QImage, fill: str, right: float = 0.42) -> int:
    """Pixels of a verdict's fill (drawn at alpha 170 over white) in the unit's map, the left
    ``right`` share of the page."""
    target = QColor(fill)
    alpha = 170 / 255

    def blend(c: int) -> float:
        return c * alpha + 255 * (1 - alpha)

    want = (blend(target.red()), blend(target.green()), blend(target.blue()))
    hits = 0
    for y in range(image.height()):
        for x in range(int(image.width() * right)):
            c = QColor(image.pixel(x, y))
            if all(abs(a - b) < 14 for a, b in zip((c.red(), c.green(), c.blue()), want)):
                hits += 1
    return hits


@contextmanager
def chinese(plugin_root: Path):
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def reports(fx: Dict, folder: str):
    dock = make_dock(fx["project"])
    try:
        dock.report_folder = fx["dir"] / folder
        pdfs = {p.name.split("_")[1]: p for p in dock.export_reports()}
        return pdfs, dock.message
    finally:
        close_dock(dock)


def test_no_ledger_no_page(fx: Dict) -> None:
    pdfs, message = reports(fx, "plain")
    assert sorted(pdfs) == ["V1", "V2"], message
    for pdf in pdfs.values():
        assert not any("L1 " in page for page in pages_text(pdf))
    assert "unit ledger" not in message


@pytest.mark.parametrize("language", ["en", "zh"])
def test_village_reports_have_the_unit_page(fx: Dict, plugin_root: Path, language: str) -> None:
    plain, _message = reports(fx, f"plain_{language}")
    ledger = run_ledger(fx["dir"], write_village_units(fx["dir"] / "village_units.gpkg"))
    for key in ("UNIT_LEDGER", "UNIT_GRADES", "CERTIFICATES"):
        fx["project"].addMapLayer(ledger[key])
    if language == "zh":
        with chinese(plugin_root):
            pdfs, message = reports(fx, "zh")
    else:
        pdfs, message = reports(fx, "en")
    assert sorted(pdfs) == ["V1", "V2"], message
    words = {"en": {"unit": "Unit", "passed": "passed", "failed": "failed", "sheet": "Cultivated land (ha)",
                    "grades": "Cultivated land by grade (ha)", "rules": "Rules", "page": "Page 2 of {n}"},
             "zh": {"unit": "单元", "passed": "通过", "failed": "不通过", "sheet": "耕地（公顷）",
                    "grades": "分等别耕地（公顷）", "rules": "规则", "page": "第 2 页，共 {n} 页"}}[language]
    grades = {}
    for f in ledger["UNIT_GRADES"].getFeatures():
        grades.setdefault(f["unit_id"], []).append((f["grade"], f["opening_ha"], f["closing_ha"]))
    for village, pdf in pdfs.items():
        # One page more than the same report without the ledger: page 2, right after the overview.
        n = page_count(pdf)
        assert n == page_count(plain[village]) + 1, village
        pages = pages_text(pdf)
        overview, sheet = pages[0], pages[1]
        assert "L1 " not in overview
        assert f"{words['unit']} {village}" in sheet, sheet
        assert words["sheet"] in sheet and words["grades"] in sheet and words["rules"] in sheet
        assert words["page"].format(n=n) in sheet
        for rule in ("L1", "L2", "L3", "L4", "L5", "L6", "L7"):
            assert rule in sheet, (village, rule)
        # The grade table: each grade's opening and closing as the unit_grades table has them.
        for grade, opening, closing in grades[village]:
            if grade:
                assert f"{opening:.4f}" in sheet and f"{closing:.4f}" in sheet, (village, grade)
        # The rest of the report follows: the parcel pages and tables are not displaced.
        assert pages[2:] and all("L1 " not in page for page in pages[2:])
    v1, v2 = pages_text(pdfs["V1"])[1], pages_text(pdfs["V2"])[1]
    # V1 = the fixture's U1 by hand: 1.7 − 0.8 lost + 0.9 reclaimed + 1.0 from grassland + 0.05 田坎 = 2.85.
    for value in ("1.7000", "0.8000", "0.9000", "1.0000", "0.0500", "2.8500"):
        assert value in v1, value
    heading = next(line for line in v1.split("\n") if f"{words['unit']} V1" in line)
    assert words["passed"] in heading and words["failed"] not in heading, heading
    # V2 = U2: 0.9 opening → 3.0 closing, standard forest 1.19 → 1.0, one parcel changed in the red line.
    for value in ("0.9000", "3.0000", "1.1900"):
        assert value in v2, value
    assert words["failed"] in next(line for line in v2.split("\n") if f"{words['unit']} V2" in line)
    # The unit's map is drawn coloured by the verdict: green for V1, red for V2 (the map's 5 %
    # margin shows a strip of the neighbouring unit).
    green, red = lf_colors()
    image1, image2 = page_image(pdfs["V1"], 2, fx["dir"]), page_image(pdfs["V2"], 2, fx["dir"])
    assert map_pixels(image1, green) > 10 * max(map_pixels(image1, red), 50)
    assert map_pixels(image2, red) > 10 * max(map_pixels(image2, green), 50)
    if language == "en":
        assert "Each has the balance sheet of its village from the unit ledger" in message, message


def lf_colors():
    from guotu.ledger.ledger_style import VERDICT_COLORS

    return VERDICT_COLORS["pass"][0], VERDICT_COLORS["fail"][0]


def test_village_without_a_unit_gets_no_page(fx: Dict) -> None:
    """A ledger that has V1 but not V2 among its units: V1's report has the page, V2's not,
    and the dock's message says which."""
    plain, _message = reports(fx, "plain")
    ledger = run_ledger(fx["dir"], write_village_units(fx["dir"] / "v1_only.gpkg", (("V1", 0, 2000),)))
    for key in ("UNIT_LEDGER", "UNIT_GRADES", "CERTIFICATES"):
        fx["project"].addMapLayer(ledger[key])
    pdfs, message = reports(fx, "partial")
    assert page_count(pdfs["V1"]) == page_count(plain["V1"]) + 1
    assert page_count(pdfs["V2"]) == page_count(plain["V2"])
    assert "1 of them have the balance sheet of their village" in message and "other 1" in message, message
    # V1 over [0,2000] is U1 and U2 together: 1.7 + 0.9 opening, 2.85 + 3.0 closing.
    sheet = pages_text(pdfs["V1"])[1]
    assert "2.6000" in sheet and "5.8500" in sheet
