"""The printable conversion report: map styled by status, legend, coloured matrix, Sankey
diagram and status table, exported to PDF (pages counted with pdfinfo) and PNG."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QColor, QImage
from qgis.core import QgsProject

import conversion_data as cd
from conftest import REPO

pytestmark = pytest.mark.usefixtures("provider")
PDFINFO = shutil.which("pdfinfo")


def pdf_pages(path: Path) -> int:
    out = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def colour_share(image: QImage, color: str, tolerance: int = 12, step: int = 3) -> float:
    """Share of (sampled) pixels within ``tolerance`` of ``color``."""
    want = QColor(color)
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = QColor(image.pixel(x, y))
            total += 1
            if abs(c.red() - want.red()) <= tolerance and abs(c.green() - want.green()) <= tolerance \
                    and abs(c.blue() - want.blue()) <= tolerance:
                hits += 1
    return hits / total


def distinct_colours(image: QImage, step: int = 4) -> int:
    return len({image.pixel(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step)})


@pytest.fixture(scope="module")
def cli_outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("conversion_report")
    files = cd.write_fixture(folder)
    zoned, plain = folder / "zoned.gpkg", folder / "plain.gpkg"
    for out, extra in ((zoned, ["--zones", str(files["zones"]), "--zone-id", "code"]), (plain, [])):
        res = cd.cli_convert(files["before"], files["after"], out, "--area", "planar", *extra)
        assert res.returncode == 0, res.stderr
    return zoned, plain


@pytest.mark.skipif(PDFINFO is None, reason="needs pdfinfo (poppler-utils)")
def test_report_of_a_zoned_run(guotu, cli_outputs, tmp_path: Path):
    from guotu.conversion.conversion_report import export_report, load_gpkg_layers, report_data
    from guotu.conversion.conversion_style import STATUS_COLORS

    zoned, _plain = cli_outputs
    layers = load_gpkg_layers(zoned)
    data = report_data(layers)
    assert data.zone_key == "*" and set(data.by_zone) == {"Z1", "Z2"}
    assert data.statuses == pytest.approx(cd.STATUS_ALL)
    assert data.dm_ha == pytest.approx(cd.DM_TOTAL)
    layers.conversions.setName("conv_output")  # a user's own layer name: the legend still says what it is
    project = QgsProject()
    pdf, png = tmp_path / "report.pdf", tmp_path / "report.png"
    result = export_report(layers, pdf=pdf, png=png, project=project, dpi=100)
    assert result.font_family is not None, "no CJK font: Chinese would not render"
    assert result.pages == 4  # map; matrix and Sankey; zones; the matrix as a list
    assert pdf_pages(pdf) == 4
    # The legend lists only the conversions layer's classes under the legend's own title: no
    # second heading (the layer's name) above them.
    page1_text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                                text=True, check=True).stdout
    assert page1_text.count("Policy status of the change") == 1
    assert "Land-use conversions" not in page1_text and "conv_output" not in page1_text
    assert "policy gap" in page1_text and "政策空白" not in page1_text  # the English UI's words only
    assert [p.name for p in result.pngs] == ["report.png", "report_2.png", "report_3.png", "report_4.png"]
    page1 = QImage(str(png))
    assert page1.width() > 1000 and page1.height() > 700  # A4 landscape at 100 dpi
    assert distinct_colours(page1) > 20
    # The map is drawn with the status colours: the prohibited strip (1 ha of 6) is red.
    assert colour_share(page1, STATUS_COLORS["prohibited"]) > 0.005
    assert colour_share(page1, STATUS_COLORS["conditional"]) > 0.005
    page2 = QImage(str(result.pngs[1]))
    assert distinct_colours(page2) > 20
    assert colour_share(page2, STATUS_COLORS["prohibited"], tolerance=30) > 0.002  # matrix cell, Sankey band
    project.clear()


@pytest.mark.skipif(PDFINFO is None, reason="needs pdfinfo (poppler-utils)")
def test_report_script_without_zones(cli_outputs, tmp_path: Path):
    _zoned, plain = cli_outputs
    gpkg = tmp_path / "plain.gpkg"
    shutil.copy(plain, gpkg)
    pdf, png = tmp_path / "out" / "report.pdf", tmp_path / "out" / "page.png"
    run = subprocess.run([sys.executable, str(REPO / "scripts" / "conversion_report.py"), str(gpkg), "--pdf",
                          str(pdf), "--png", str(png), "--dpi", "80"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "(3 pages)" in run.stdout
    assert pdf_pages(pdf) == 3
    assert png.is_file() and (tmp_path / "out" / "page_2.png").is_file()
    assert QImage(str(png)).width() > 800
    import sqlite3

    with sqlite3.connect(str(gpkg)) as db:
        assert db.execute("SELECT count(*) FROM layer_styles WHERE f_table_name = 'conversions' "
                          "AND useAsDefault").fetchone() == (1,)


def test_report_refuses_a_geopackage_without_conversions(guotu, tmp_path: Path):
    from guotu.conversion.conversion_report import load_gpkg_layers

    files = cd.write_fixture(tmp_path)
    with pytest.raises(ValueError, match="no layer \"conversions\""):
        load_gpkg_layers(files["zones"])


def test_a_failed_export_keeps_the_previous_pdf(guotu, cli_outputs, tmp_path: Path, monkeypatch):
    """The PDF is written beside the target and renamed over it when complete: an export that
    fails half-way leaves the previous report as it was and no partial file."""
    from qgis.core import QgsLayoutExporter

    from guotu.conversion.conversion_report import export_report, load_gpkg_layers

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-previous report")

    def half_written(_exporter, path, _settings):
        Path(path).write_bytes(b"%PDF-partial")
        return QgsLayoutExporter.FileError

    monkeypatch.setattr(QgsLayoutExporter, "exportToPdf", half_written)
    zoned, _plain = cli_outputs
    with pytest.raises(RuntimeError, match="report.pdf"):
        export_report(load_gpkg_layers(zoned), pdf=pdf, project=QgsProject(), dpi=60)
    assert pdf.read_bytes() == b"%PDF-previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]
