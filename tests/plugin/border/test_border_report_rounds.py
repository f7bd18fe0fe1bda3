"""The pair report (边界审查) with the round comparison of the three-down-three-up check, on
the CLI tests' two rounds (test_cli_framework.make_rounds, round n's discontinuity reviewed as
an exception) — hand-checked for the pair A | B as in tests/plugin/ui/test_border_rounds_dock.py:
the discontinuity (100 m) persists with its exception and note, not returned; the category
mismatch (100 m) is new and returned; round n's two overlaps (A's element 40 m into B over
100 m: 0.40 ha) are resolved; A's slope threshold raised to 10 resolves outside_threshold A
slope_mean and threshold_differs; forest_share A and B, threshold_missing B and value_jump
A/B persist, returned. So 4 resolved, 5 persisting, 1 new, 5 on the return list.

The report's page 5 holds those rows in the dock's order (after the map, the conflicts, and
the framework's indicators and findings), in English and in Chinese, every cell within the
page's margins (pdftotext -bbox)."""

import subprocess
from pathlib import Path
from typing import List

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

import frame_data as fd
from pdf_tables import squeeze, table_cells, words_past_margin

pytestmark = pytest.mark.usefixtures("provider")

EXPECTED = [  # status, conflict or finding, where, length (m), area (ha), return list, review — the dock's rows
    ["persisting", "Discontinuity", "A | B", "100.0", "", "major, accepted in review", "exception: 河道自然断开"],
    ["new", "Category mismatch", "A | B", "100.0", "", "returned", ""],
    ["persisting", "Outside the city's threshold", "M01 A forest_share", "", "", "returned", ""],
    ["persisting", "City threshold missing", "M01 B elevation_mean", "", "", "returned", ""],
    ["persisting", "Outside the city's threshold", "M01 B forest_share", "", "", "returned", ""],
    ["persisting", "Indicator jumps at the border", "M01 A → B elevation_mean", "", "", "returned", ""],
    ["resolved", "Overlap (crossing)", "A | B", "100.0", "0.40", "", ""],
    ["resolved", "Overlap (double claim)", "A | B", "100.0", "0.40", "", ""],
    ["resolved", "Outside the city's threshold", "M01 A slope_mean", "", "", "", ""],
    ["resolved", "Thresholds differ across the border", "M01 A → B slope_mean", "", "", "", ""],
]
HEADINGS = ["Round status", "Conflict or finding", "Where", "Length (m)", "Area (ha)", "Return list",
            "Review and note"]


@pytest.fixture(scope="module")
def rounds(tmp_path_factory) -> Path:
    folder = fd.make_rounds_fixture(tmp_path_factory.mktemp("pair_rounds"))
    cli = fd.run_rounds_cli(folder, folder / "rounds.gpkg")
    assert cli.returncode == 0, cli.stderr
    return folder


def params(rounds: Path, folder: Path, **extra) -> dict:
    border, ind = rounds / "r1_border.gpkg", rounds / "r1_ind.gpkg"
    p = {"SHARED_BORDERS": f"{border}|layername=shared_borders",
         "CONFLICT_LINES": f"{border}|layername=border_conflict_lines",
         "BORDER_CONFLICTS": f"{border}|layername=border_conflicts", "PAIR_SUMMARY": f"{border}|layername=pair_summary",
         "INDICATORS": f"{ind}|layername=element_indicators",
         "INDICATOR_FINDINGS": f"{ind}|layername=indicator_findings",
         "ROUND_COMPARISON": f"{rounds / 'rounds.gpkg'}|layername=round_comparison", "PAIR": "A,B",
         "OUTPUT_FOLDER": str(folder)}
    p.update(extra)
    return p


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_lines(pdf: Path, page: int) -> List[str]:
    """The page's lines of text (pdftotext without -layout), without spaces."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [line.replace(" ", "") for line in text.splitlines() if line.strip()]


def test_round_page_of_the_pair(rounds: Path, tmp_path: Path) -> None:
    import processing

    result = processing.run("guotu:borderreport", params(rounds, tmp_path / "en"))
    assert result["REPORT_COUNT"] == 1
    pdf = tmp_path / "en" / "边界审查_A-B.pdf"
    assert page_count(pdf) == 5
    lines = page_lines(pdf, 5)
    assert lines[1] == "Roundcomparisonofthisborder(三下三上)"
    assert "Rounds:4resolved,5persisting,1new;5onthereturnlist" in lines
    assert "Source:rounds" in lines  # the layer as Processing names it: the file
    assert table_cells(pdf, 5, HEADINGS) == [squeeze(row) for row in EXPECTED]
    # The rounds come last: the framework's pages stay where they were.
    assert "Transmissionindicatorsoftheelementsacrossthisborder" in page_lines(pdf, 3)
    assert "Indicatorfindingsontheseelements" in page_lines(pdf, 4)
    assert not words_past_margin(pdf)
    # Without the round comparison, four pages as before.
    processing.run("guotu:borderreport", params(rounds, tmp_path / "none", ROUND_COMPARISON=None))
    assert page_count(tmp_path / "none" / "边界审查_A-B.pdf") == 4
    # A table that is not a round comparison is refused, named.
    with pytest.raises(QgsProcessingException, match='Layer "rounds" is not a round comparison'):
        processing.run("guotu:borderreport", params(rounds, tmp_path / "bad", ROUND_COMPARISON=(
            f"{rounds / 'rounds.gpkg'}|layername=return_list")))


def test_round_page_in_chinese_fits_the_page(rounds: Path, tmp_path: Path, plugin_root: Path) -> None:
    """The Chinese report (the rows as the dock shows them in Chinese, from the same
    function) with every cell inside the margins; the reviewer's note carried over."""
    from guotu.border.border_report import BorderReportLayers, export_pair_report
    from guotu.frame.round_review import pair_round_rows, round_table_headings

    border = rounds / "r1_border.gpkg"
    layers = {t: QgsVectorLayer(f"{border}|layername={t}", t, "ogr") for t in
              ("shared_borders", "border_conflict_lines", "border_conflicts", "pair_summary")}
    comparison = QgsVectorLayer(f"{rounds / 'rounds.gpkg'}|layername=round_comparison", "round_comparison", "ogr")
    indicators = QgsVectorLayer(f"{rounds / 'r1_ind.gpkg'}|layername=element_indicators", "element_indicators",
                                "ogr")
    report = BorderReportLayers(layers["shared_borders"], layers["border_conflict_lines"], layers["border_conflicts"],
                                layers["pair_summary"], source="r1", indicators=indicators, rounds=comparison)
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    pdf = tmp_path / "zh.pdf"
    try:
        result = export_pair_report(report, pdf, "A", "B", project=QgsProject.instance(), dpi=50)
        rows = [row.cells for row in pair_round_rows(comparison, "A", "B", {"M01"})]
        headings = round_table_headings()
    finally:
        QCoreApplication.removeTranslator(translator)
        QgsProject.instance().clear()
    assert result.round_items == 10 and result.pages == page_count(pdf) == 5
    assert "轮次比对：已解决4项，持续5项，新增1项；退回清单5项" in page_lines(pdf, 5)  # the counts, as the .ts has them
    assert headings[0] != "Round status" and rows[0][0] != "persisting"  # translated
    assert [row[2] for row in rows] == [row[2] for row in EXPECTED]
    cells = table_cells(pdf, 5, headings)
    assert cells == [squeeze(row) for row in rows]
    assert cells[0][6].endswith("河道自然断开") and cells[1][5] == squeeze([rows[1][5]])[0] != ""
    assert not words_past_margin(pdf)


def test_pair_with_nothing_in_the_rounds(rounds: Path, tmp_path: Path) -> None:
    """A comparison holding nothing of the pair says so on the page (the counts all zero)."""
    import processing

    empty = f"{rounds / 'rounds.gpkg'}|layername=round_comparison|subset=\"source\" = 'none'"
    assert QgsVectorLayer(empty, "empty", "ogr").featureCount() == 0
    processing.run("guotu:borderreport", params(rounds, tmp_path, ROUND_COMPARISON=empty))
    lines = page_lines(tmp_path / "边界审查_A-B.pdf", 5)
    assert "Rounds:0resolved,0persisting,0new;0onthereturnlist" in lines
    cells = table_cells(tmp_path / "边界审查_A-B.pdf", 5, HEADINGS, key_column=1)  # its one cell, wrapped
    assert [row[1] for row in cells] == ["Neitherroundhasaconflictorfinding", "betweenAandB."]
    assert all(cell == "" for row in cells for i, cell in enumerate(row) if i != 1)


def test_framework_pages_hold_the_docks_rows(rounds: Path, tmp_path: Path) -> None:
    """Page 3 lists the framework's zones of the pair as the dock's table does (the same
    function's rows: M01's parts in A and B and the strips A → B and B → A, hand values of the
    plane fixture: 12 ha parts, 6 ha strips, elevation means 30 / 50 / 35 / 45 m); page 4 one
    row per finding the dock attaches to them."""
    import processing

    from guotu.border.border_report import framework_table_headings, pair_framework_table

    processing.run("guotu:borderreport", params(rounds, tmp_path, ROUND_COMPARISON=None))
    pdf = tmp_path / "边界审查_A-B.pdf"
    ind = rounds / "r1_ind.gpkg"
    dock_rows = pair_framework_table(
        QgsVectorLayer(f"{ind}|layername=element_indicators", "element_indicators", "ogr"),
        QgsVectorLayer(f"{ind}|layername=indicator_findings", "indicator_findings", "ogr"), "A", "B")
    zones = table_cells(pdf, 3, framework_table_headings()[:-1])
    assert zones == [squeeze([row.element, row.zone] + row.cells) for row in dock_rows]
    assert [(z[1], z[2], z[3]) for z in zones] == [("partA", "12.00", "30.0"), ("partB", "12.00", "50.0"),
                                                   ("stripA→B", "6.00", "35.0"), ("stripB→A", "6.00", "45.0")]
    findings = table_cells(pdf, 4, ["Kind", "Element", "City", "Indicator", "Value", "Threshold", "Message"])
    assert len(findings) == sum(len(row.findings) for row in dock_rows) == 4
    assert sorted(f[0] for f in findings) == sorted(squeeze([t.split(":")[0] for row in dock_rows
                                                             for t in row.findings]))
