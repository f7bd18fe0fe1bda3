"""The village report (parcel check) of villages with the long names real villages have, with
the unit ledger page: every cell of its tables read back from the PDF whole (wrapped inside
its column, not clipped at its edge) and every word inside the right margin, in English and
Chinese. Data: the parcel-check fixture (tests/parcels_fixture.py), its villages renamed, and
the ledger fixture run with units named as the villages (tests/plugin/ui/test_ledger_village_report.py)."""

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Dict, Iterator

import pytest
from osgeo import ogr
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

VILLAGES = {"V1": "鄂温克族自治旗巴彦托海镇锡尼河东苏木孟根楚鲁嘎查村民委员会",
            "V2": "新疆生产建设兵团第八师石河子市北泉镇东湖村股份经济合作社"}
CHECK_OUTPUTS = ("PARCEL_CHECKS", "PARCEL_REASONS", "PROJECT_CHECKS", "VILLAGE_TOTALS")


@contextmanager
def ui_language(plugin_root: Path, language: str) -> Iterator[None]:
    translator = QTranslator()
    if language == "zh":
        assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
        QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _villages(path: Path) -> Path:
    pf.write_villages(path)
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("cun")
    for feature in layer:
        feature.SetField("cmc", VILLAGES[feature.GetField("cdm")])
        layer.SetFeature(feature)
    ds = None
    return path


@pytest.fixture
def fx(guotu, tmp_path: Path) -> Iterator[Dict]:
    import processing

    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

    checks = processing.run("guotu:parcelscheck", {
        "PARCELS": f"{pf.write_parcels(tmp_path / 'zzdk.gpkg')}|layername=zzdk", "PARCEL_ID": "dkbh",
        "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1,
        "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1, "WORKSPACE": str(pf.write_workspace(tmp_path / "ws.gpkg")),
        "BEACHES": f"{pf.write_beaches(tmp_path / 'htd.gpkg')}|layername=htd",
        "VILLAGES": f"{_villages(tmp_path / 'cun.gpkg')}|layername=cun", "VILLAGE_ID": "cdm",
        "VILLAGE_NAME": "cmc", "AREA_METHOD": 1, **{key: "memory:" for key in CHECK_OUTPUTS}})
    style_parcels_layer(checks["PARCEL_CHECKS"])
    style_reasons_layer(checks["PARCEL_REASONS"])
    yield {"dir": tmp_path, "checks": checks}
    QgsProject.instance().clear()


def _page_with(pdf: Path, text: str) -> int:
    """The first page (1-based) whose words, joined, hold ``text`` (without spaces)."""
    from pdf_tables import pages

    wanted = "".join(text.split())
    return next(i + 1 for i, page in enumerate(pages(pdf)) if wanted in "".join(w.text for w in page.words))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_village_report_cells_fit(fx: Dict, plugin_root: Path, language: str) -> None:
    """V2 (parcels H to N, projects P1 and P2) with its unit's ledger page: the parcels table,
    the projects table and each parcel's reasons read back row by row, whole; no word over a
    column's edge (the Chinese heading 标准林地变化（公顷） was clipped) nor the page's margin;
    the projects' rule results in words of the language (P1 fails U01 and U02, passes U03)."""
    from guotu.i18n import tr
    from guotu.ledger.ledger_report import LedgerReportLayers
    from guotu.parcels.parcels_report import ParcelsReportLayers, export_village_report
    from guotu.parcels.parcels_style import reasons_text, verdict_text
    from pdf_tables import grid_cells, squeeze, words_over_columns, words_past_margin
    from test_ledger_village_report import run_ledger, write_village_units

    ledger = run_ledger(fx["dir"], write_village_units(fx["dir"] / "village_units.gpkg"))
    r = fx["checks"]
    layers = ParcelsReportLayers(r["PARCEL_CHECKS"], r["PARCEL_REASONS"], r["PROJECT_CHECKS"], r["VILLAGE_TOTALS"],
                                 [], source="zzdk.gpkg",
                                 ledger=LedgerReportLayers(ledger["UNIT_LEDGER"], ledger["UNIT_GRADES"],
                                                           ledger["CERTIFICATES"]))
    parcels = sorted((f for f in r["PARCEL_CHECKS"].getFeatures() if f["village_id"] == "V2"),
                     key=lambda f: f["parcel_id"])
    pdf = fx["dir"] / f"village_V2_{language}.pdf"
    with ui_language(plugin_root, language):
        report = export_village_report(layers, pdf, "V2", VILLAGES["V2"], project=QgsProject.instance(), dpi=60)
        rows = {f["parcel_id"]: {name: f[name] for name in f.fields().names()} for f in parcels}
        expected = [squeeze([p["parcel_id"], p["project_type"], p["current_code"], p["planned_code"], p["status"],
                             f"{p['area_ha']:.4f}", verdict_text(p), p["rule_ids"] or "", reasons_text(p)])
                    for p in rows.values()]
        titles = {k: tr(k) for k in ("Parcels of the village", "Parcel", "Type", "Current", "Planned", "Conversion",
                                     "Area (ha)", "Verdict", "Rules", "Reasons", "Project", "Parcels",
                                     "Original cultivated (ha)", "Net new share", "Farmland added ÷ out",
                                     "Standard-forest change (ha)", "Notes", "passed", "failed", "Rule", "Kind",
                                     "Share", "Explanation", "Numbers and parameters", "Result")}
        parcel_titles = {p: tr("Parcel {id}: {verdict}").format(id=p, verdict=verdict_text(rows[p])) for p in rows}
    assert report.ledger_pages == 1 and [p for p in rows] == ["H", "I", "J", "K", "L", "M", "N"]
    assert words_past_margin(pdf) == []
    # The village's parcels, one row each.
    page = _page_with(pdf, titles["Parcels of the village"])
    headings = [titles[k] for k in ("Parcel", "Type", "Current", "Planned", "Conversion", "Area (ha)", "Verdict",
                                    "Rules", "Reasons")]
    assert grid_cells(pdf, page, headings, key_column=5) == expected
    assert words_over_columns(pdf, page, first_row=headings) == []
    # The projects: P1 fails U01 (net new -75 %) and U02, passes U03; P2 passes U01.
    page = _page_with(pdf, "U01") if language == "en" else _page_with(pdf, "项目与整治单元检查")
    headings = [titles["Project"], titles["Parcels"], titles["Area (ha)"], titles["Original cultivated (ha)"],
                titles["Net new share"], "U01", titles["Farmland added ÷ out"], "U02",
                titles["Standard-forest change (ha)"], "U03", titles["Verdict"], titles["Notes"]]
    projects = grid_cells(pdf, page, headings, key_column=1)
    assert [row[:11] for row in projects] == [
        ["P1", "5", "5.0000", "4.0000", "-75.0%", titles["failed"], "100.0%", titles["failed"], "0.8100",
         titles["passed"], titles["failed"]],
        ["P2", "9", "8.5000", "5.5000", "54.5%", titles["passed"], "", "", "", "", titles["passed"]]], projects
    assert words_over_columns(pdf, page, first_row=headings) == []
    # Each failing parcel's reasons, on its page; the ledger page's rules.
    for parcel in ("H", "I", "J", "M"):
        page = _page_with(pdf, parcel_titles[parcel])
        headings = [titles[k] for k in ("Rule", "Kind", "Area (ha)", "Share", "Explanation")]
        reasons = grid_cells(pdf, page, headings, key_column=2)
        assert len(reasons) >= 1 and all(row[0][:1] == "P" for row in reasons), (parcel, reasons)
        assert words_over_columns(pdf, page, first_row=headings) == []
    headings = [titles["Rule"], titles["Numbers and parameters"], titles["Result"]]
    page = _page_with(pdf, titles["Numbers and parameters"])
    assert page == 2 and len(grid_cells(pdf, page, headings, key_column=2)) == 8
    assert words_over_columns(pdf, page, first_row=headings) == []
