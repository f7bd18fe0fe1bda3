"""guotu:framerounds on the CLI tests' two rounds (a conflict fixed, one persisting and
reviewed as an exception, one new; threshold findings resolved by a corrected threshold
table): the statuses, the carried review, the return list, the same rows as
`guotu framework rounds`."""

from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtGui import QColor

import frame_data as fd
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:framerounds"
TABLES = {"ROUND_COMPARISON": "round_comparison", "RETURN_LIST": "return_list", "RETURN_SUMMARY": "return_summary"}


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return fd.make_rounds_fixture(tmp_path_factory.mktemp("frame_rounds"))


def params(fx: Path, **extra) -> dict:
    p = {"PREVIOUS": str(fx / "r0_border.gpkg"), "PREVIOUS_MORE": str(fx / "r0_ind.gpkg"),
         "CURRENT": str(fx / "r1_border.gpkg"), "CURRENT_MORE": str(fx / "r1_ind.gpkg")}
    p.update({name: "memory:" for name in TABLES})
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_statuses_review_and_return_list(fx: Path) -> None:
    result = run(params(fx))
    items = rows(result["ROUND_COMPARISON"])
    assert [(x["status"], x["kind"]) for x in items] == [
        ("persisting", "discontinuity"), ("new", "category_mismatch"), ("persisting", "outside_threshold"),
        ("persisting", "threshold_missing"), ("persisting", "outside_threshold"), ("persisting", "value_jump"),
        ("resolved", "overlap"), ("resolved", "overlap"), ("resolved", "outside_threshold"),
        ("resolved", "threshold_differs")]
    assert (items[0]["review_status"], items[0]["review_note"], items[0]["returned"]) == \
        ("exception", "河道自然断开", 0)
    assert [(x["city_id"], x["kind"]) for x in rows(result["RETURN_LIST"])] == [
        ("A", "category_mismatch"), ("B", "category_mismatch"), ("A", "outside_threshold"),
        ("B", "threshold_missing"), ("B", "outside_threshold"), ("A", "value_jump"), ("B", "value_jump")]
    assert {x["city_id"]: x["returned"] for x in rows(result["RETURN_SUMMARY"])} == {"A": 3, "B": 4}


def test_same_rows_as_the_cli(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = fd.run_rounds_cli(fx, out)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx))
    for output, table in TABLES.items():
        ours, theirs = rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        assert len(ours) == len(theirs) and ours, table
        for a, b in zip(ours, theirs):
            wa, wb = a.pop("_wkb"), b.pop("_wkb")
            assert bool(wa) == bool(wb), table
            if wa:
                ga, gb = QgsGeometry(), QgsGeometry()
                ga.fromWkb(wa)
                gb.fromWkb(wb)
                assert ga.equals(gb), table
            a.pop("fid", None)
            b.pop("fid", None)
            assert a == b, table


def test_not_a_check_output(fx: Path, tmp_path: Path) -> None:
    with pytest.raises(QgsProcessingException, match="none of the layers"):
        run(params(fx, CURRENT=str(fx / "parts.gpkg"), CURRENT_MORE=None))  # submitted elements, not a check


def test_return_list_pdf_per_city(fx: Path, tmp_path: Path) -> None:
    """The CLI's return list printed, one PDF per city, with its items and the reviewers' words."""
    import subprocess

    out = tmp_path / "cli.gpkg"
    assert fd.run_rounds_cli(fx, out).returncode == 0
    import processing
    result = processing.run("guotu:returnlistreport", {"RETURN_LIST": f"{out}|layername=return_list",
                                                       "OUTPUT_FOLDER": str(tmp_path / "pdf")})
    assert result["REPORT_COUNT"] == 2
    texts = {}
    for city in ("A", "B"):
        pdf = tmp_path / "pdf" / f"退回清单_{city}.pdf"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        texts[city] = text.stdout
    assert "退回清单" in texts["A"] and "city A" in texts["A"]
    # A: the new mismatch and two persisting findings; B: the mismatch and three findings (its
    # discontinuity was accepted as an exception in round n).
    assert "3 items to correct: 1 new, 2 persisting" in texts["A"]
    assert "4 items to correct: 1 new, 3 persisting" in texts["B"]
    assert "Category mismatch" in texts["B"] and "City threshold missing" in texts["B"]
    assert "City threshold missing" not in texts["A"]
    with pytest.raises(QgsProcessingException, match="nothing on the return list"):
        processing.run("guotu:returnlistreport", {"RETURN_LIST": f"{out}|layername=return_list", "CITY": "Z",
                                                  "OUTPUT_FOLDER": str(tmp_path / "pdf2")})


def _pages(pdf: Path) -> list:
    """The text of each page of a PDF (pdftotext page by page)."""
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, count + 1)]


def _ink_share(pdf: Path, page: int, folder: Path) -> float:
    """The share of non-white pixels of a page rendered by pdftoppm (a page is not blank)."""
    import subprocess

    from qgis.PyQt.QtGui import QImage

    stem = folder / f"p{page}"
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf),
                    str(stem)], check=True)
    image = QImage(str(stem) + ".png")
    dark = sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).lightness() < 200)
    return dark / ((image.height() // 2 + 1) * (image.width() // 2 + 1))


def _row(page: str, indicator: str) -> list:
    """The PDF table line of ``indicator`` and the lines either side (the findings of a row,
    one a line, run onto them), each as one line of words."""
    lines = page.splitlines()
    i = next(k for k, line in enumerate(lines) if indicator in line.split())
    return [" ".join(line.split()) for line in lines[max(i - 1, 0):i + 2]]


def _stated(page: str, indicator: str, finding: str) -> bool:
    """Whether ``finding`` is stated on the row of ``indicator`` (on one of its lines)."""
    return any(finding in line for line in _row(page, indicator))


def _cells(page: str, indicator: str) -> list:
    """The words of the table line of ``indicator``, from the indicator on."""
    line = next(line for line in page.splitlines() if indicator in line.split()).split()
    return line[line.index(indicator):]


@pytest.mark.parametrize("language", ["en", "zh"])
def test_return_list_pdf_sets_out_the_indicators(fx: Path, tmp_path: Path, plugin_root: Path,
                                                 language: str) -> None:
    """Each returned element's indicators in the city against the city's thresholds (thr1.csv
    of round n+1: A slope ≤ 10, forest ≥ 0.3, elevation mean 0–100; B slope ≤ 10, forest ≥ 0.3,
    no elevation standard), the finding stated on the indicator: hand values of the plane
    fixture (DEM z = 0.1 x; A's part x 200–400 m, B's 400–600 m, both 600 m tall: 12 ha; forest
    35,000 m² of A's 120,000, 5,000 m² of B's), page by page, in English and Chinese."""
    import processing
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from guotu.i18n import tr

    out = tmp_path / "cli.gpkg"
    assert fd.run_rounds_cli(fx, out).returncode == 0
    translator = QTranslator()
    if language == "zh":
        assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
        QCoreApplication.installTranslator(translator)
    try:
        result = processing.run("guotu:returnlistreport", {
            "RETURN_LIST": f"{out}|layername=return_list", "INDICATORS": f"{fx / 'r1_ind.gpkg'}|layername=element_indicators",
            "THRESHOLDS": str(fx / "thr1.csv"), "OUTPUT_FOLDER": str(tmp_path / "pdf")})
        words = {k: tr(k) for k in ("within", "below the minimum", "no threshold set", "Outside the city's threshold",
                                    "City threshold missing", "Indicator jumps at the border", "persisting", "{finding}, with city {other}",
                                    "{kind} ({status})",
                                    "Indicators of the returned elements against the thresholds of city {city}")}
    finally:
        QCoreApplication.removeTranslator(translator)
    if language == "zh":  # the finding titles as guotu_zh_CN.ts has them
        assert words["Outside the city's threshold"] != "Outside the city's threshold"
    assert result["REPORT_COUNT"] == 2
    pages = {city: _pages(tmp_path / "pdf" / f"退回清单_{city}.pdf") for city in ("A", "B")}
    # A: the return list on page 1, its element M01 on page 2.
    assert len(pages["A"]) == 2 and len(pages["B"]) == 2
    a, b = pages["A"][1], pages["B"][1]
    for city, page in (("A", a), ("B", b)):
        assert words["Indicators of the returned elements against the thresholds of city {city}"].format(
            city=city) in page
        assert "M01 Hills (mountain)" in page
    # Page 1 stays the list itself: no indicator table there.
    assert "forest_share 0.292" not in " ".join(pages["A"][0].split())
    no_threshold, within, below = words["no threshold set"], words["within"], words["below the minimum"]
    # A's part: 120,000 m²; elevation of the 10 m cells' centres x = 205 … 395 m: 20.5, mean 30, 39.5.
    assert " ".join(_cells(a, "area")) == f"area 120,000 {no_threshold}"
    assert " ".join(_cells(a, "elevation_min")) == f"elevation_min 20.50 {no_threshold}"
    jump = words["{kind} ({status})"].format(kind=words["Indicator jumps at the border"], status=words["persisting"])
    assert " ".join(_cells(a, "elevation_mean")).startswith(f"elevation_mean 30.00 0.00 100.00 {within}")
    assert _stated(a, "elevation_mean", words["{finding}, with city {other}"].format(finding=jump, other="B"))
    assert " ".join(_cells(a, "elevation_max")) == f"elevation_max 39.50 {no_threshold}"
    assert " ".join(_cells(a, "slope_mean")) == f"slope_mean 5.71 10.00 {within}"  # atan(0.1) = 5.71° ≤ 10
    # Forest 35,000 m² of 120,000: 0.292 < 0.3, the persisting finding stated on its line.
    outside = words["Outside the city's threshold"]
    assert " ".join(_cells(a, "forest_share")).startswith(f"forest_share 0.292 0.300 {below} {outside}")
    assert _stated(a, "forest_share", words["{kind} ({status})"].format(kind=outside, status=words["persisting"]))
    # B's part: x = 400 … 600 m, elevation 40.5 … 59.5, mean 50, no elevation standard (the
    # finding), forest 5,000 m² of 120,000 = 0.042; the jump at the border names city A.
    assert " ".join(_cells(b, "elevation_mean")).startswith(f"elevation_mean 50.00 {no_threshold}")
    assert _stated(b, "elevation_mean", words["{kind} ({status})"].format(kind=words["City threshold missing"],
                                                                          status=words["persisting"]))
    assert _stated(b, "elevation_mean", words["{finding}, with city {other}"].format(finding=jump, other="A"))
    assert " ".join(_cells(b, "forest_share")).startswith(f"forest_share 0.042 0.300 {below}")
    assert " ".join(_cells(b, "slope_mean")) == f"slope_mean 5.71 10.00 {within}"
    for city in ("A", "B"):
        for page in (1, 2):
            assert _ink_share(tmp_path / "pdf" / f"退回清单_{city}.pdf", page, tmp_path) > 0.005
    # The indicators without the thresholds (or the other way round) are refused.
    with pytest.raises(QgsProcessingException, match="together"):
        processing.run("guotu:returnlistreport", {
            "RETURN_LIST": f"{out}|layername=return_list", "THRESHOLDS": str(fx / "thr1.csv"),
            "OUTPUT_FOLDER": str(tmp_path / "pdf3")})
    with pytest.raises(QgsProcessingException, match="not the framework's element indicators"):
        processing.run("guotu:returnlistreport", {
            "RETURN_LIST": f"{out}|layername=return_list", "INDICATORS": f"{out}|layername=return_summary",
            "THRESHOLDS": str(fx / "thr1.csv"), "OUTPUT_FOLDER": str(tmp_path / "pdf4")})


NOTE = "第二轮提交仍未按省级框架调整，请市级自然资源部门会同县级核实边界走向后重新报送，并附说明材料"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_return_list_cells_fit_their_columns(fx: Path, tmp_path: Path, plugin_root: Path, language: str) -> None:
    """City B's return list with a long Chinese reviewer's note on every item: each cell read
    back from the PDF whole (the note wrapped inside its column, not cut at the page's edge),
    every word inside the right margin, in English and Chinese; the items' keys as a reader
    reads them and their source in words."""
    from qgis.core import QgsFeatureRequest
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from guotu.frame.return_report import export_return_report, kind_titles, read_thresholds, source_titles, \
        status_titles
    from guotu.i18n import tr
    from pdf_tables import squeeze, table_cells, words_past_margin

    out = tmp_path / "cli.gpkg"
    assert fd.run_rounds_cli(fx, out).returncode == 0
    layer = QgsVectorLayer(f"{out}|layername=return_list", "return_list", "ogr").materialize(QgsFeatureRequest())
    note = layer.fields().lookupField("review_note")
    assert layer.startEditing()
    for feature in layer.getFeatures():
        layer.changeAttributeValue(feature.id(), note, NOTE)
    assert layer.commitChanges()
    indicators = QgsVectorLayer(f"{fx / 'r1_ind.gpkg'}|layername=element_indicators", "element_indicators", "ogr")
    translator = QTranslator()
    if language == "zh":
        assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
        QCoreApplication.installTranslator(translator)
    pdf = tmp_path / "B.pdf"
    try:
        result = export_return_report(layer, "B", pdf, indicators=indicators,
                                      thresholds=read_thresholds(fx / "thr1.csv"))
        headings = [tr(h) for h in ("Round status", "Source", "Kind", "Concerns", "Description", "Length (m)",
                                    "Area (m²)", "Reviewer's note")]
        status, source, kind = status_titles(), source_titles(), kind_titles()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert result.pages == 2
    if language == "zh":
        assert status["persisting"] == "持续" and kind["value_jump"] != "Indicator jumps at the border"
    # B's four items (test_statuses_review_and_return_list), in the list's order.
    expected = [
        [status["new"], source["conflict"], kind["category_mismatch"], "A | B", "category_mismatch  A|B /", "100.0",
         "", NOTE],
        [status["persisting"], source["indicator"], kind["threshold_missing"], "M01 B elevation_mean",
         "M01 Hills elevation_mean", "", "", NOTE],
        [status["persisting"], source["indicator"], kind["outside_threshold"], "M01 B forest_share",
         "M01 Hills forest_share", "", "", NOTE],
        [status["persisting"], source["indicator"], kind["value_jump"], "M01 A → B elevation_mean",
         "M01 Hills elevation_mean", "", "", NOTE]]
    assert table_cells(pdf, 1, headings) == [squeeze(row) for row in expected]
    assert not words_past_margin(pdf)
