"""The border pair report (边界审查) page by page: the admin units and the elements on the
map (given to the algorithm, or found in the project whatever their names), the legend
kept on page 1, the title and "Page N of M" on every page, a north arrow on the map."""

import subprocess
from pathlib import Path
from typing import Dict

import pytest
from qgis.PyQt.QtGui import QColor, QImage
from qgis.core import QgsProject, QgsVectorLayer

import border_data as bd

pytestmark = pytest.mark.usefixtures("provider")

OUTPUT_LAYERS = {"BORDER_CONFLICTS": "border_conflicts", "CONFLICT_LINES": "border_conflict_lines",
                 "SHARED_BORDERS": "shared_borders", "PAIR_SUMMARY": "pair_summary",
                 "BASEMAP_ISSUES": "basemap_issues", "BASEMAP_ISSUE_POINTS": "basemap_issue_points"}
ELEMENTS_FILL = QColor(200, 233, 196)  # the elements' fill (161, 217, 155 at alpha 150) over white


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return bd.make_fixture(tmp_path_factory.mktemp("border_report"))


@pytest.fixture
def gpkg(guotu, fx: Path, tmp_path: Path) -> Path:
    import processing

    out = tmp_path / "border.gpkg"
    params = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
              "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
              "NAME_FIELD": "name", "AREA_METHOD": 1}
    params.update({key: f"ogr:dbname='{out}' table=\"{table}\" (geom)" for key, table in OUTPUT_LAYERS.items()})
    processing.run("guotu:borderconflicts", params)
    yield out
    QgsProject.instance().clear()


def outputs(gpkg: Path) -> Dict[str, QgsVectorLayer]:
    return {table: QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr") for table in OUTPUT_LAYERS.values()}


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def share_of(pdf: Path, colour: QColor, folder: Path, tolerance: int = 10) -> float:
    """Share of the map's pixels (the left 60 % of page 1) of ``colour``."""
    stem = folder / f"{pdf.stem}_p1"
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)],
                   check=True)
    image = QImage(str(stem) + ".png")
    hits = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, int(image.width() * 0.6), 2):
            c = QColor(image.pixel(x, y))
            total += 1
            hits += abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green()) <= tolerance and \
                abs(c.blue() - colour.blue()) <= tolerance
    return hits / total


def test_algorithm_draws_the_admin_units_and_the_elements(fx: Path, gpkg: Path, tmp_path: Path) -> None:
    import processing

    params = {"SHARED_BORDERS": f"{gpkg}|layername=shared_borders",
              "CONFLICT_LINES": f"{gpkg}|layername=border_conflict_lines",
              "BORDER_CONFLICTS": f"{gpkg}|layername=border_conflicts", "PAIR_SUMMARY": f"{gpkg}|layername=pair_summary",
              "PAIR": "A,B"}
    processing.run("guotu:borderreport", dict(params, OUTPUT_FOLDER=str(tmp_path / "plain")))
    processing.run("guotu:borderreport", dict(params, OUTPUT_FOLDER=str(tmp_path / "full"),
                                              ADMIN=f"{fx / 'admin.gpkg'}|layername=admin",
                                              ELEMENTS=[f"{fx / 'el.gpkg'}|layername=elements"]))
    plain, full = tmp_path / "plain" / "边界审查_A-B.pdf", tmp_path / "full" / "边界审查_A-B.pdf"
    # Without them the report says what is missing; with them the legend lists them.
    assert "Not drawn on the map" in page_text(plain, 1) and "admin units, elements" in page_text(plain, 1)
    text = page_text(full, 1)
    assert "Not drawn on the map" not in text
    assert "Admin units" in text and "\nel\n" in text  # the elements layer, under its name
    # The elements are drawn: their fill shows on the map.
    assert share_of(full, ELEMENTS_FILL, tmp_path) > 0.01
    assert share_of(plain, ELEMENTS_FILL, tmp_path) < 0.001
    # The legend stays on page 1: still two pages, the second the conflicts only.
    assert page_count(full) == 2
    assert "Legend" not in page_text(full, 2) and "Shared borders" not in page_text(full, 2)


def test_admin_units_and_elements_found_in_the_project(fx: Path, gpkg: Path, tmp_path: Path) -> None:
    from guotu.border.border_report import BorderReportLayers, export_pair_report, find_border_inputs

    project = QgsProject.instance()
    admin = QgsVectorLayer(f"{fx / 'admin.gpkg'}|layername=admin", "市级行政区", "ogr")
    elements = QgsVectorLayer(f"{fx / 'el.gpkg'}|layername=elements", "各市要素", "ogr")
    layers = outputs(gpkg)
    project.addMapLayers([admin, elements] + list(layers.values()))
    found_admin, found_elements = find_border_inputs(project, "A", "B", [])
    assert found_admin is admin and found_elements == [elements]
    report = BorderReportLayers(layers["shared_borders"], layers["border_conflict_lines"], layers["border_conflicts"],
                                layers["pair_summary"], source="test")
    pdf = tmp_path / "pair.pdf"
    result = export_pair_report(report, pdf, "A", "B", project=project, dpi=50)
    text = page_text(pdf, 1)
    assert "Admin units" in text and "各市要素" in text and "Not drawn" not in text
    assert not result.warnings or not any("Not drawn" in w for w in result.warnings)


def test_legend_on_page_one_title_page_numbers_and_north_arrow(fx: Path, gpkg: Path, tmp_path: Path) -> None:
    from qgis.core import QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar

    from guotu.border.border_report import BorderReportLayers, _Builder, export_pair_report
    from guotu.border.border_style import style_conflicts_layer, style_segments_layer

    project = QgsProject.instance()
    layers = outputs(gpkg)
    style_segments_layer(layers["shared_borders"])
    style_conflicts_layer(layers["border_conflict_lines"])
    style_conflicts_layer(layers["border_conflicts"])
    admin = QgsVectorLayer(f"{fx / 'admin.gpkg'}|layername=admin", "admin", "ogr")
    elements = [QgsVectorLayer(f"{fx / 'per_city.gpkg'}|layername={city}", city, "ogr") for city in ("A", "B")]
    elements.append(QgsVectorLayer(f"{fx / 'el.gpkg'}|layername=elements", "elements", "ogr"))
    project.addMapLayers([admin] + elements + list(layers.values()), False)
    report = BorderReportLayers(layers["shared_borders"], layers["border_conflict_lines"], layers["border_conflicts"],
                                layers["pair_summary"], source="test", admin=admin, elements=elements)
    layout = _Builder(project, report, "A", "B", None).build()
    legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
    page1 = layout.pageCollection().page(0).sceneBoundingRect()
    assert page1.contains(legend.sceneBoundingRect()), (legend.sceneBoundingRect(), page1)
    the_map = next(i for i in layout.items() if isinstance(i, QgsLayoutItemMap))
    assert {admin.id()} | {e.id() for e in elements} <= {layer.id() for layer in the_map.layers()}
    arrow = next(i for i in layout.items() if isinstance(i, QgsLayoutItemPicture) and i.id() == "north_arrow")
    assert arrow.linkedMap() is the_map and the_map.sceneBoundingRect().contains(arrow.sceneBoundingRect())
    assert any(isinstance(i, QgsLayoutItemScaleBar) and i.linkedMap() is the_map for i in layout.items())
    pdf = tmp_path / "pair.pdf"
    result = export_pair_report(report, pdf, "A", "B", project=project, dpi=50)
    pages = page_count(pdf)
    assert pages == result.pages == 2
    for page in range(1, pages + 1):
        text = page_text(pdf, page)
        assert "Cross-city border review" in text and f"Page {page} of {pages}" in text, page


def test_framework_indicators_of_the_pair(fx: Path, gpkg: Path, tmp_path: Path) -> None:
    """With the transmission framework's tables (guotu framework indicators on the plane
    fixture, cities A and B as in the border fixture), the report adds a page of the
    indicators of the elements both cities share (parts and strips, hand values of
    test_cli_framework.py) and a page of the findings on them."""
    import processing
    from qgis.core import QgsProcessingException

    import frame_data as fd

    (tmp_path / "frame").mkdir()
    frame = fd.make_indicator_fixture(tmp_path / "frame")
    results = tmp_path / "frame.gpkg"
    cli = fd.run_indicators_cli(frame, results, "--area", "planar")
    assert cli.returncode == 0, cli.stderr
    params = {"SHARED_BORDERS": f"{gpkg}|layername=shared_borders",
              "CONFLICT_LINES": f"{gpkg}|layername=border_conflict_lines", "PAIR": "A,B",
              "INDICATORS": f"{results}|layername=element_indicators",
              "INDICATOR_FINDINGS": f"{results}|layername=indicator_findings",
              "OUTPUT_FOLDER": str(tmp_path / "with")}
    processing.run("guotu:borderreport", params)
    pdf = tmp_path / "with" / "边界审查_A-B.pdf"
    assert page_count(pdf) == 4
    zones = page_text(pdf, 3)
    assert "Transmission indicators of the elements across this border" in zones
    for text in ("M01", "part A", "part B", "strip A → B", "strip B → A", "12.00", "6.00", "30.0", "50.0", "35.0",
                 "45.0", "20.5–39.5", "40.5–59.5", "5.71", "0.292", "0.042", "0.083"):
        assert text in zones, text
    assert "24.00" not in zones  # the whole element is not a city's part
    findings = page_text(pdf, 4)
    for text in ("Outside the city's threshold", "City threshold missing", "Thresholds differ across the border",
                 "Indicator jumps at the border", "slope_mean", "forest_share", "elevation_mean", "A/B"):
        assert text in findings, text
    # A pair without a shared catalogue element says so.
    processing.run("guotu:borderreport", dict(params, PAIR="C,D", OUTPUT_FOLDER=str(tmp_path / "cd")))
    assert "No catalogue element has a part in both C and D" in page_text(tmp_path / "cd" / "边界审查_C-D.pdf", 3)
    with pytest.raises(QgsProcessingException, match="is not the element_indicators table"):
        processing.run("guotu:borderreport", dict(params, INDICATORS=f"{gpkg}|layername=shared_borders",
                                                  OUTPUT_FOLDER=str(tmp_path / "bad")))
