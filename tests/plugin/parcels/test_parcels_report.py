"""The village review reports (整治地块审查报告) page by page: the companion layers of temporary
outputs found by their columns whatever their names (English and Chinese), the red line on
the P10 parcel's map, the title and "Page N of M" on every page, a north arrow and a scale
bar on every map, progress and a Cancel that leaves no PDF half written."""

import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest
from qgis.PyQt.QtGui import QColor, QImage
from qgis.core import (QgsCoordinateTransformContext, QgsFeatureRequest, QgsProject, QgsVectorFileWriter,
                       QgsVectorLayer)

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

OUTPUTS = ("PARCEL_CHECKS", "PARCEL_REASONS", "PROJECT_CHECKS", "VILLAGE_TOTALS")
# What QGIS names the temporary outputs: the outputs' descriptions, in the user's language
# (the Chinese ones as guotu_zh_CN.ts translates them).
NAMES = {"en": ("Parcel verdicts", "Parcel reasons", "Project checks", "Village totals"),
         "zh": ("地块审查结论", "地块审查原因", "项目检查", "村汇总")}


@pytest.fixture
def fx(guotu, tmp_path: Path) -> Dict:
    import processing

    ws = pf.write_workspace(tmp_path / "ws.gpkg")
    result = processing.run("guotu:parcelscheck", {
        "PARCELS": f"{pf.write_parcels(tmp_path / 'zzdk.gpkg')}|layername=zzdk", "PARCEL_ID": "dkbh",
        "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1,
        "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1, "WORKSPACE": str(ws),
        "BEACHES": f"{pf.write_beaches(tmp_path / 'htd.gpkg')}|layername=htd",
        "VILLAGES": f"{pf.write_villages(tmp_path / 'cun.gpkg')}|layername=cun", "VILLAGE_ID": "cdm",
        "VILLAGE_NAME": "cmc", "AREA_METHOD": 1, **{key: "memory:" for key in OUTPUTS}})
    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

    style_parcels_layer(result["PARCEL_CHECKS"])
    style_reasons_layer(result["PARCEL_REASONS"])
    yield {"result": result, "ws": ws, "dir": tmp_path}
    QgsProject.instance().clear()


def report_layers(fx: Dict, context: List[QgsVectorLayer] = ()):
    from guotu.parcels.parcels_report import ParcelsReportLayers

    r = fx["result"]
    return ParcelsReportLayers(r["PARCEL_CHECKS"], r["PARCEL_REASONS"], r["PROJECT_CHECKS"], r["VILLAGE_TOTALS"],
                               list(context), source="test fixture")


def workspace_lines(ws: Path) -> List[QgsVectorLayer]:
    return [QgsVectorLayer(f"{ws}|layername={table}", title, "ogr") for table, title in
            (("ecological_redline", "生态保护红线"), ("permanent_farmland", "永久基本农田"))]


def page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_image(pdf: Path, page: int, folder: Path) -> QImage:
    stem = folder / f"{pdf.stem}_p{page}"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf),
                    str(stem)], check=True)
    return QImage(str(stem) + ".png")


def red_pixels(image: QImage, right: float = 0.55) -> int:
    """Pixels of the red line's colour (#e31a1c, or its light hatch over white) in the map,
    the left ``right`` share of the page."""
    hits = 0
    for y in range(0, image.height()):
        for x in range(0, int(image.width() * right)):
            c = QColor(image.pixel(x, y))
            if c.red() > 200 and c.green() < 80 and c.blue() < 80:
                hits += 1
    return hits


def close_dock(dock) -> None:
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    dock.cleanup()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the next test's layers


# ---- 1. companion layers of temporary outputs ----

def named_copy(layer: QgsVectorLayer, name: str) -> QgsVectorLayer:
    """The layer as a new temporary layer called ``name`` (its id made from the name, as
    QGIS makes the ids of the outputs it loads)."""
    layer.setName(name)
    return layer.materialize(QgsFeatureRequest())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_companions_are_found_by_their_columns_in_both_languages(fx: Dict, language: str) -> None:
    from guotu.reporting.companions import output_table
    from guotu.ui.parcels_dock import ParcelsDock

    project = QgsProject.instance()
    layers = {key: named_copy(fx["result"][key], name) for key, name in zip(OUTPUTS, NAMES[language])}
    for key in ("PROJECT_CHECKS", "VILLAGE_TOTALS", "PARCEL_REASONS", "PARCEL_CHECKS"):
        project.addMapLayer(layers[key])
    assert [output_table(layers[key]) for key in OUTPUTS] == ["parcel_checks", "parcel_reasons", "project_checks",
                                                               "village_totals"]
    dock = ParcelsDock(project=project)
    try:
        assert dock.layer() is layers["PARCEL_CHECKS"]
        # project_checks has a conditional_count column too: it must not pass for the village totals.
        assert dock._companion("village_totals") is layers["VILLAGE_TOTALS"]
        assert dock._companion("project_checks") is layers["PROJECT_CHECKS"]
        assert dock._companion("parcel_reasons") is layers["PARCEL_REASONS"]
        dock.report_folder = fx["dir"] / f"reports_{language}"
        pdfs = dock.export_reports()
        # The village names come from the village totals.
        assert sorted(p.name for p in pdfs) == ["审查报告_V1_东村.pdf", "审查报告_V2_西村.pdf"], dock.message
        assert "东村" in page_text(sorted(pdfs)[0], 1)
    finally:
        close_dock(dock)


# ---- 2. the red line on the P10 page ----

def test_p10_page_draws_the_red_line(fx: Dict) -> None:
    from guotu.parcels.parcels_report import export_village_report

    project = QgsProject()  # a project of the report's own (as the report algorithm has), without a red line
    folder = fx["dir"]
    without = export_village_report(report_layers(fx), folder / "without.pdf", "V1", "东村", project=project, dpi=60)
    with_line = export_village_report(report_layers(fx, workspace_lines(fx["ws"])), folder / "with.pdf", "V1", "东村",
                                      project=project, dpi=60)
    # Parcel A (P10, half inside the red line) is the first parcel page: page 2.
    assert "Parcel A" in page_text(with_line.pdf, 2) and "P10" in page_text(with_line.pdf, 2)
    assert "Ecological protection red line" in page_text(with_line.pdf, 2)  # its key on the map
    drawn = red_pixels(page_image(with_line.pdf, 2, folder))
    plain = red_pixels(page_image(without.pdf, 2, folder))
    assert drawn > plain + 300, (drawn, plain)
    # Parcel B has no P10: no red line key on its page.
    assert "Ecological protection red line" not in page_text(with_line.pdf, 3)
    # Without a red line anywhere, the page says it is not drawn (and the result warns).
    assert any("red line is not drawn" in w for w in without.warnings)
    assert "red line is not drawn" in page_text(without.pdf, 2)
    assert not any("red line" in w for w in with_line.warnings)
    # The report-only red-line layer does not stay in the project.
    assert not [layer for layer in project.mapLayers().values() if layer.name() == "Ecological protection red line"]
    project.clear()


def test_p10_red_line_of_an_open_workspace_and_of_the_algorithm(fx: Dict) -> None:
    """The dock's project with the three-lines workspace open: the red line is found by the
    role the workspace gives its layers, whatever its name; the report algorithm takes the
    workspace as a parameter."""
    import processing

    from guotu.lines.lines_workspace import ROLE_PROPERTY
    from guotu.parcels.parcels_report import export_village_report

    project = QgsProject()  # the project the report reads: a workspace open in it
    source = QgsVectorLayer(f"{fx['ws']}|layername=ecological_redline", "my red line", "ogr")
    redline = source.materialize(QgsFeatureRequest())  # a temporary layer: not known by its source
    redline.setCustomProperty(ROLE_PROPERTY, "ecological_redline")
    project.addMapLayer(redline)
    report = export_village_report(report_layers(fx), fx["dir"] / "open.pdf", "V1", "东村", project=project, dpi=60)
    assert not report.warnings or not any("red line" in w for w in report.warnings)
    assert "Ecological protection red line" in page_text(report.pdf, 2)
    gpkg = fx["dir"] / "verdicts.gpkg"
    for key, table in zip(OUTPUTS, ("parcel_checks", "parcel_reasons", "project_checks", "village_totals")):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.layerName = table
        if gpkg.exists():
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        error = QgsVectorFileWriter.writeAsVectorFormatV2(fx["result"][key], str(gpkg), QgsCoordinateTransformContext(),
                                                          options)
        assert error[0] == QgsVectorFileWriter.NoError, error
    out = fx["dir"] / "alg"
    result = processing.run("guotu:parcelsreport", {
        "PARCEL_CHECKS": f"{gpkg}|layername=parcel_checks", "PARCEL_REASONS": f"{gpkg}|layername=parcel_reasons",
        "WORKSPACE": str(fx["ws"]), "VILLAGE": "V1", "OUTPUT_FOLDER": str(out)})
    assert result["REPORT_COUNT"] == 1
    assert "Ecological protection red line" in page_text(out / "审查报告_V1.pdf", 2)
    project.clear()


# ---- 3. every page: title and page numbers; every map: north arrow and scale bar ----

def test_every_page_has_the_title_and_its_number(fx: Dict) -> None:
    from guotu.parcels.parcels_report import export_village_report

    pdf = fx["dir"] / "v2.pdf"
    project = QgsProject()
    report = export_village_report(report_layers(fx), pdf, "V2", "西村", project=project, dpi=50)
    project.clear()
    pages = page_count(pdf)
    assert pages == report.pages and pages >= 8
    for page in range(1, pages + 1):
        text = page_text(pdf, page)
        assert "Rectification parcel review — 西村" in text, page
        assert f"Page {page} of {pages}" in text, page


def test_every_map_has_a_north_arrow_and_a_scale_bar(fx: Dict) -> None:
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar

    from guotu.parcels.parcels_report import _Builder

    project = QgsProject()
    layers = report_layers(fx)
    for layer in (layers.parcels, layers.reasons, layers.projects, layers.villages):
        project.addMapLayer(layer, False)
    layout = _Builder(project, layers, "V1", "东村", None).build()
    items = layout.items()
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    assert len(maps) == 6  # overview and 5 parcel pages
    for the_map in maps:
        arrows = [i for i in items if isinstance(i, QgsLayoutItemPicture) and i.linkedMap() is the_map]
        assert len(arrows) == 1 and arrows[0].id() == "north_arrow" and Path(arrows[0].picturePath()).is_file()
        assert the_map.sceneBoundingRect().contains(arrows[0].sceneBoundingRect())
        assert [i for i in items if isinstance(i, QgsLayoutItemScaleBar) and i.linkedMap() is the_map]
    # A parcel's map is a few hundred metres wide: its scale bar is in metres.
    bars = [i for i in items if isinstance(i, QgsLayoutItemScaleBar)]
    assert any(bar.unitLabel() == "m" for bar in bars)
    project.clear()


# ---- 4. progress and Cancel ----

def test_progress_and_cancel(fx: Dict) -> None:
    from qgis.core import QgsFeedback

    from guotu.binding.errors import GuotuCancelled
    from guotu.parcels.parcels_report import export_village_reports

    layers = report_layers(fx)
    project = QgsProject()
    feedback = QgsFeedback()
    seen: List[float] = []
    feedback.progressChanged.connect(seen.append)
    results = export_village_reports(layers, fx["dir"] / "all", project=project, dpi=50, feedback=feedback)
    assert len(results) == 2 and seen[-1] == 100.0 and seen == sorted(seen) and len(seen) >= 3
    # Cancelled once the first village is written: it is kept whole, the second never started.
    feedback = QgsFeedback()
    written: List[Path] = []

    def cancel_after_first(pdf: Path) -> None:
        written.append(pdf)
        feedback.cancel()

    folder = fx["dir"] / "cancelled"
    with pytest.raises(GuotuCancelled):
        export_village_reports(layers, folder, project=project, dpi=50, feedback=feedback,
                               on_report=cancel_after_first)
    assert [p.name for p in folder.iterdir()] == ["审查报告_V1_东村.pdf"] and page_count(written[0]) == 8
    # Cancelled while a village's PDF is being written: that PDF is not left behind.
    from guotu.parcels.parcels_report import export_village_report

    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda _p: None)
    project.layoutManager()  # the export runs in this thread: cancel before it finishes
    feedback.cancel()
    with pytest.raises(GuotuCancelled):
        export_village_report(layers, fx["dir"] / "half" / "v1.pdf", "V1", project=project, dpi=50,
                              feedback=feedback)
    assert not list((fx["dir"] / "half").glob("*")) if (fx["dir"] / "half").exists() else True
    project.clear()


def test_dock_cancel_leaves_no_pdf(fx: Dict) -> None:
    """The dock's button shows a progress dialog; its Cancel stops the reports."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QProgressDialog, QPushButton

    from guotu.reporting.report_progress import DIALOG_NAME
    from guotu.ui.parcels_dock import ParcelsDock

    project = QgsProject.instance()
    for key in OUTPUTS:
        project.addMapLayer(fx["result"][key])
    dock = ParcelsDock(project=project)
    seen = []

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() + dock.findChildren(QProgressDialog)
                   if isinstance(w, QProgressDialog) and w.objectName() == DIALOG_NAME and w.isVisible()]
        seen.extend(d.labelText() for d in dialogs)
        for dialog in dialogs[:1]:
            dialog.findChild(QPushButton).click()  # the Cancel button

    try:
        dock.report_folder = fx["dir"] / "dock"
        QTimer.singleShot(0, press_cancel)
        assert dock.export_reports() == []
        assert seen and "village reports" in seen[0]
        assert dock.message.startswith("Cancelled")
        assert not list((fx["dir"] / "dock").glob("*")) if (fx["dir"] / "dock").exists() else True
        pdfs = dock.export_reports()  # not cancelled: both villages
        assert len(pdfs) == 2 and dock.message.startswith("2 village reports")
    finally:
        close_dock(dock)
