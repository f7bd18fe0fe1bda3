"""The unit-ledger page of the parcel review dock driven offscreen on the shared ledger
fixture (tests/ledger_fixture.py): the units with their verdicts, a unit chosen in the list
or selected on the map shows its hand-computed balance sheet and the certificates of its
reclaimed parcels, "Zoom to reclaimed parcels" zooms to and selects them; the CLI's
GeoPackage works as well as the algorithm's layers; without a ledger the page says how to
get one."""

import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsRectangle, QgsVectorLayer

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


def ledger_params(tmp: Path) -> dict:
    return {"PARCELS": f"{lf.write_parcels(tmp / 'dltb.gpkg')}|layername=dltb", "PARCEL_ID": "BSM",
            "CURRENT_FIELD": "DLBM", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "GHDL", "PLANNED_SYSTEM": 1,
            "UNITS": f"{lf.write_units(tmp / 'dy.gpkg')}|layername=units", "UNIT_ID": "DYBH", "UNIT_NAME": "DYMC",
            "KCXS_FIELD": "KCXS", "PLANNED_KCXS_FIELD": "GHKCXS", "GRADE_FIELD": "GDDB",
            "PLANNED_GRADE_FIELD": "GHGDDB", "FARMLAND_FIELD": "YJJBNT", "PLANNED_FARMLAND_FIELD": "GHJBNT",
            "PROJECT_FIELD": "XMBH", "TYPE_FIELD": "ZZLX",
            "REDLINE": f"{lf.write_redline(tmp / 'hx.gpkg')}|layername=stbhhx",
            "BEACHES": f"{lf.write_beaches(tmp / 'htd.gpkg')}|layername=hdtd", "AREA_METHOD": 1,
            "UNIT_LEDGER": "memory:", "UNIT_GRADES": "memory:", "CERTIFICATES": "memory:",
            "PROJECT_CERTIFICATES": "memory:"}


def make_dock(project: QgsProject):
    from qgis.gui import QgsMapCanvas

    from guotu.ui.parcels_dock import ParcelsDock

    canvas = QgsMapCanvas()
    canvas.resize(600, 400)
    canvas.setExtent(QgsRectangle(lf.X0 - 50000, lf.Y0 - 50000, lf.X0 + 50000, lf.Y0 + 50000))
    return ParcelsDock(project=project, canvas=canvas), canvas


@pytest.fixture
def page(guotu, tmp_path: Path):
    import processing

    result = processing.run("guotu:unitledger", ledger_params(tmp_path))
    project = QgsProject.instance()
    for key in ("CERTIFICATES", "UNIT_LEDGER"):
        project.addMapLayer(result[key])
    dock, canvas = make_dock(project)
    canvas.setDestinationCrs(result["UNIT_LEDGER"].crs())
    dock.show_ledger()
    dock.ledger_page.result = result
    yield dock.ledger_page
    dock.cleanup()
    dock.deleteLater()
    project.clear()


def sheet(page) -> dict:
    return {item.text(0).split(": ")[0]: (item.text(0), item.text(1)) for item in page.sheet_items()}


def test_units_listed_and_sheet_of_the_first(page) -> None:
    assert page.layer() is page.result["UNIT_LEDGER"]
    assert [(i.text(0), i.text(1), i.text(2)) for i in page.unit_items()] == [
        ("U1", "一号单元", "pass"), ("U2", "二号单元", "fail")]
    lines = sheet(page)
    assert page.current.unit_id == "U1"
    # L1 of U1 by hand: 1.7 − 0.8 lost + 1.9 gained + 0.05 田坎 = 2.85, 0.9 by reclamation.
    assert lines["L1 cultivated land (ha, net of 田坎)"] == (
        "L1 cultivated land (ha, net of 田坎): 1.7000 → 2.8500: lost 0.8000, gained 1.9000 (0.9000 reclaimed), "
        "田坎 0.0500", "pass")
    assert lines["L3 permanent farmland in ÷ out"][0].endswith("0.9000 ÷ 0.8000 ha = 1.125, at least 1.050")
    assert lines["L4 construction land (ha)"][0].endswith("2.0000 → 1.0000; reclaimed 2.0000, newly built 1.0000")
    assert lines["Verdict"][1] == "pass"
    assert [(i.text(0), i.text(1), i.text(3), i.text(4)) for i in page.certificate_items()] == [
        ("PJ1-0001", "C", "0.9000", "yes"), ("PJ1-0002", "D", "0.0000", "yes")]
    assert page.zoomButton.isEnabled()


def test_selected_on_the_map(page) -> None:
    layer = page.result["UNIT_LEDGER"]
    u2 = next(f.id() for f in layer.getFeatures() if f["unit_id"] == "U2")
    layer.selectByIds([u2])
    assert page.current.unit_id == "U2"
    assert page.unitTree.currentItem().text(0) == "U2"
    lines = sheet(page)
    assert lines["L2 quality (mean grade, 1 best)"] == (
        "L2 quality (mean grade, 1 best): 3.00 → 8.33, may worsen by 0.00", "fail")
    assert lines["L5 linkage (增减挂钩)"][0].endswith("1 reclaimed parcels on river beaches H")
    assert lines["L7 ecological red line"] == (
        "L7 ecological red line: 1 parcels changed inside, 1.0000 ha, not restoration", "fail")
    assert lines["Verdict"][1] == "fail" and "L7" in lines["Verdict"][0]
    assert [(i.text(0), i.text(1), i.text(4)) for i in page.certificate_items()] == [
        ("PJ2-0001", "H", "no (river beach)")]


def test_zoom_to_reclaimed_parcels(page) -> None:
    page.select_unit("U1")
    page.zoomButton.click()
    certificates = page.certificates_layer()
    assert sorted(f["number"] for f in certificates.selectedFeatures()) == ["PJ1-0001", "PJ1-0002"]
    extent = page.canvas.extent()
    # C [200,300] and D [300,400] × [0,100] in view, the rest of the county (U2 from 1000) not.
    assert extent.contains(QgsRectangle(lf.X0 + 200, lf.Y0, lf.X0 + 400, lf.Y0 + 100))
    assert extent.width() < 1000


def test_cli_geopackage_and_no_ledger(guotu, tmp_path: Path) -> None:
    project = QgsProject.instance()
    dock, canvas = make_dock(project)
    try:
        page = dock.ledger_page
        assert page.layer() is None and page.unit_items() == []
        assert "run the unit ledger" in page.hintLabel.text()
        assert page.ledgerRunButton.isDefault()
        p = ledger_params(tmp_path)
        out = tmp_path / "ledger.gpkg"
        cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--parcels", p["PARCELS"].split("|")[0],
                              "--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
                              "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--units",
                              p["UNITS"].split("|")[0], "--unit-id", "DYBH", "--unit-name", "DYMC", "--kcxs-field",
                              "KCXS", "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB",
                              "--planned-grade-field", "GHGDDB", "--farmland-field", "YJJBNT",
                              "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH", "--type-field",
                              "ZZLX", "--redline", p["REDLINE"].split("|")[0], "--river-beaches",
                              p["BEACHES"].split("|")[0], "--area", "planar", "-o", str(out)],
                             capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        # Only the balance sheets loaded: the certificates come from the same GeoPackage.
        project.addMapLayer(QgsVectorLayer(f"{out}|layername=unit_ledger", "unit_ledger", "ogr"))
        assert [i.text(0) for i in page.unit_items()] == ["U1", "U2"]
        assert not page.ledgerRunButton.isDefault()
        page.select_unit("U2")
        assert [i.text(0) for i in page.certificate_items()] == ["PJ2-0001"]
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def test_follows_the_parcel_under_review(guotu, tmp_path: Path) -> None:
    """A parcel chosen on the first page brings its village's unit onto the ledger page when the
    ledger's units are those villages (V1 [0,600], V2 [600,1600] of the parcel fixture)."""
    import processing
    from osgeo import ogr

    import parcels_fixture as pf

    parcels = pf.write_parcels(tmp_path / "zzdk.gpkg")
    villages = pf.write_villages(tmp_path / "cun.gpkg")
    ws = pf.write_workspace(tmp_path / "ws.gpkg")
    checks = processing.run("guotu:parcelscheck", {"WORKSPACE": str(ws),
        "PARCELS": f"{parcels}|layername=zzdk", "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh",
        "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1,
        "VILLAGES": f"{villages}|layername=cun", "VILLAGE_ID": "cdm", "AREA_METHOD": 1,
        "PARCEL_CHECKS": "memory:", "PARCEL_REASONS": "memory:", "PROJECT_CHECKS": "memory:",
        "VILLAGE_TOTALS": "memory:"})
    units = tmp_path / "villages_as_units.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(units))
    srs = ogr.osr.SpatialReference()
    srs.ImportFromEPSG(lf.EPSG)
    layer = ds.CreateLayer("units", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DYBH", ogr.OFTString))
    for uid, x0, x1 in (("V1", 0, 1000), ("V2", 1000, 2000)):
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("DYBH", uid)
        f.SetGeometry(ogr.CreateGeometryFromWkt(lf.box(x0, -10, x1, 110)))
        layer.CreateFeature(f)
    ds = None
    params = ledger_params(tmp_path)
    params.update(UNITS=f"{units}|layername=units", UNIT_NAME=None)
    ledger = processing.run("guotu:unitledger", params)
    project = QgsProject.instance()
    for layer in (checks["PARCEL_CHECKS"], ledger["UNIT_LEDGER"], ledger["CERTIFICATES"]):
        project.addMapLayer(layer)
    dock, _canvas = make_dock(project)
    try:
        assert dock.layer() is checks["PARCEL_CHECKS"] and dock.ledger_page.layer() is ledger["UNIT_LEDGER"]
        dock.set_filter()
        for parcel, village in (("L", "V2"), ("G", "V1")):
            dock.parcelTree.setCurrentItem(next(i for i in dock.items() if i.text(0) == parcel))
            assert dock.ledger_page.current.unit_id == village, parcel
        assert [i.text(0) for i in dock.ledger_page.certificate_items()] == ["PJ1-0001", "PJ1-0002"]
    finally:
        dock.cleanup()
        dock.deleteLater()
        project.clear()


def _pixels(canvas, color: str) -> int:
    from qgis.PyQt.QtGui import QColor

    image = canvas.grab().toImage()
    want = QColor(color)
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - want.red()) < 20 and abs(c.green() - want.green()) < 20 and \
                    abs(c.blue() - want.blue()) < 20:
                hits += 1
    return hits


def test_unit_outlined_in_its_verdict_colour_and_lines_coloured(page) -> None:
    """The unit shown is outlined on the map in its verdict's colour (U1 green, U2 red), the
    outline follows the unit chosen, and every sheet line — rule text and result — is coloured
    by its result."""
    from qgis.PyQt.QtCore import QCoreApplication

    from guotu.ledger.ledger_review import RESULT_COLORS

    canvas = page.canvas
    canvas.setExtent(QgsRectangle(lf.X0 - 100, lf.Y0 - 500, lf.X0 + 2100, lf.Y0 + 600))
    canvas.refresh()
    canvas.waitWhileRendering()
    page.select_unit("U1")
    QCoreApplication.processEvents()
    green, red = RESULT_COLORS["pass"], RESULT_COLORS["fail"]
    assert page.highlight is not None and page.highlight.scene() is canvas.scene()
    assert _pixels(canvas, green) > 100 and _pixels(canvas, red) == 0
    page.select_unit("U2")
    QCoreApplication.processEvents()
    assert _pixels(canvas, red) > 100 and _pixels(canvas, green) == 0
    for item in page.sheet_items():
        if item.text(1) in ("pass", "fail"):
            want = green if item.text(1) == "pass" else red
            assert item.foreground(0).color().name() == want and item.foreground(1).color().name() == want
    page.cleanup()
    QCoreApplication.processEvents()
    assert page.highlight is None and _pixels(canvas, red) == 0
