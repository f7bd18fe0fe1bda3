"""guotu:conversionreport: the conversion report PDF through Processing (processing.run), from
the outputs of guotu:landuseconversion in memory and from its one-file GeoPackage; the text
of the PDF (pdftotext) has the title, the area by status and every cell of the transition
matrix with the numbers of the transitions table."""

import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple

import processing
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import conversion_data as cd

pytestmark = [pytest.mark.usefixtures("provider"),
              pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")]
LIST_TITLE = "Transitions between policy categories: list (ha)"


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def category_cells(rows: List[dict], zone: str) -> Dict[Tuple[str, str], float]:
    return {(r["from_class"] or "", r["to_class"] or ""): r["area_ha"] for r in rows
            if r["level"] == "category" and (r["zone_id"] or "") == zone and r["area_ha"] > 0}


def assert_matrix_in_pdf(text: str, cells: Dict[Tuple[str, str], float]) -> None:
    """Every cell is a line of the list page: before, after … area; and nothing else is."""
    from guotu.conversion.conversion_style import category_label

    listed = [line.strip() for line in text.split(LIST_TITLE, 1)[1].splitlines() if line.strip()]
    body = [line for line in listed[1:] if not line.startswith("Total")]
    assert len(body) == len(cells), body
    for (f, t), area in cells.items():
        before, after = category_label(f), category_label(t)
        hits = [line for line in body if line.startswith(before) and after in line[len(before):]
                and line.split()[-3] == f"{area:,.2f}"]
        assert len(hits) == 1, ((f, t), area, body)
    total = next(line for line in listed if line.startswith("Total"))
    assert total.split()[-3] == f"{sum(cells.values()):,.2f}"


def test_report_of_the_processing_outputs(tmp_path: Path):
    layers = cd.fixture_layers()
    outputs = cd.run_algorithm(cd.params(layers["before"], layers["after"]))
    pdf = tmp_path / "报告" / "report.pdf"
    result = processing.run("guotu:conversionreport", {
        "CONVERSIONS": outputs["CONVERSIONS"], "TRANSITIONS": outputs["TRANSITIONS"],
        "STATUS_SUMMARY": outputs["STATUS_SUMMARY"], "UNKNOWN": outputs["UNKNOWN"], "TITLE": "甲县用途转用 2024",
        "OUTPUT": str(pdf)})
    assert result["OUTPUT"] == str(pdf) and pdf.is_file()
    assert result["PAGES"] == 3  # map; matrix and Sankey; the matrix as a list (no zones)
    text = pdf_text(pdf)
    assert text.lstrip().startswith("甲县用途转用 2024")
    # The area by status on page 1 is the status table's.
    from guotu.conversion.conversion_style import status_label

    lines = [line.split() for line in text.splitlines() if line.strip()]
    for status, area in cd.STATUS_ALL.items():
        label = status_label(status).split()
        assert any(words[:len(label)] == label and words[-3] == f"{area:,.2f}" for words in lines), status
    cells = category_cells(cd.layer_rows(outputs["TRANSITIONS"]), "")
    assert cells == pytest.approx({key: area for key, (area, _status) in cd.CATEGORY_ALL.items()})  # hand values
    assert_matrix_in_pdf(text, cells)


def test_report_of_the_one_file_geopackage_finds_its_tables(tmp_path: Path):
    layers = cd.fixture_layers()
    gpkg = tmp_path / "result.gpkg"
    cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS=str(gpkg),
                               TRANSITIONS="TEMPORARY_OUTPUT", STATUS_SUMMARY="TEMPORARY_OUTPUT",
                               UNKNOWN="TEMPORARY_OUTPUT"))
    pdf = tmp_path / "report.pdf"
    infos: List[str] = []
    feedback = QgsProcessingFeedback()
    feedback.pushInfo = infos.append  # noqa: E731 — collect the log
    result = processing.run("guotu:conversionreport", {"CONVERSIONS": f"{gpkg}|layername=conversions",
                                                       "OUTPUT": str(pdf)}, feedback=feedback)
    assert sum("taken from" in m for m in infos) == 3, infos
    assert result["PAGES"] == 4  # map; matrix and Sankey; zones; the list
    text = pdf_text(pdf)
    assert text.lstrip().startswith("Land-use conversion map (用途转用)")
    assert "Area by zone and policy status (ha)" in text
    assert_matrix_in_pdf(text, category_cells(cd.ogr_rows(gpkg, "transitions"), "*"))


def test_a_layer_that_is_not_a_conversion_layer_is_refused(tmp_path: Path):
    layers = cd.fixture_layers()
    with pytest.raises(QgsProcessingException, match="is it an output of the land-use conversion"):
        processing.run("guotu:conversionreport", {"CONVERSIONS": layers["zones"], "OUTPUT": str(tmp_path / "x.pdf")})
    assert not (tmp_path / "x.pdf").exists()


def test_algorithm_metadata(provider):
    algorithm = provider.algorithm("conversionreport")
    assert algorithm.displayName() == "Land-use conversion report (PDF)"
    assert algorithm.group() == provider.algorithm("landuseconversion").group()
    mandatory = {p.name() for p in algorithm.parameterDefinitions()
                 if not p.flags() & p.FlagOptional and not p.isDestination()}
    assert mandatory == {"CONVERSIONS"}
