"""The 整治地块审查 dock driven offscreen on the shared parcel fixture: the list filtered by
verdict and village, a click zooms the map to the parcel and shows its reasons, "Select on
map" selects the listed parcels, village reports are written from the dock."""

import sys
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsRectangle

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture
def dock(guotu, tmp_path: Path):
    import processing
    from qgis.gui import QgsMapCanvas

    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer
    from guotu.ui.parcels_dock import ParcelsDock

    parcels = pf.write_parcels(tmp_path / "zzdk.gpkg")
    ws = pf.write_workspace(tmp_path / "ws.gpkg")
    villages = pf.write_villages(tmp_path / "cun.gpkg")
    beaches = pf.write_beaches(tmp_path / "htd.gpkg")
    result = processing.run("guotu:parcelscheck", {
        "PARCELS": f"{parcels}|layername=zzdk", "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh",
        "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1,
        "WORKSPACE": str(ws), "BEACHES": f"{beaches}|layername=htd",
        "VILLAGES": f"{villages}|layername=cun", "VILLAGE_ID": "cdm", "AREA_METHOD": 1,
        "PARCEL_CHECKS": "memory:", "PARCEL_REASONS": "memory:", "PROJECT_CHECKS": "memory:",
        "VILLAGE_TOTALS": "memory:"})
    project = QgsProject.instance()
    for key in ("PROJECT_CHECKS", "VILLAGE_TOTALS", "PARCEL_REASONS", "PARCEL_CHECKS"):
        project.addMapLayer(result[key])
    style_parcels_layer(result["PARCEL_CHECKS"])
    style_reasons_layer(result["PARCEL_REASONS"])
    canvas = QgsMapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(result["PARCEL_CHECKS"].crs())
    canvas.setLayers([result["PARCEL_CHECKS"]])
    canvas.setExtent(QgsRectangle(pf.X0 - 5000, pf.Y0 - 5000, pf.X0 + 5000, pf.Y0 + 5000))
    widget = ParcelsDock(project=project, canvas=canvas)
    widget.result = result
    widget.tmp = tmp_path
    yield widget
    widget.cleanup()
    widget.deleteLater()
    project.clear()


def listed(dock) -> list:
    return sorted(item.text(0) for item in dock.items())


def test_lists_and_filters(dock) -> None:
    assert dock.layer() is dock.result["PARCEL_CHECKS"]
    assert listed(dock) == sorted(pf.PARCELS)
    dock.set_filter("fail")
    assert listed(dock) == sorted(p for p, (v, _r) in pf.EXPECTED.items() if v == "fail")
    assert dock.countLabel.text().startswith("9 ")
    dock.set_filter("fail", "V1")
    assert listed(dock) == ["A", "B", "E", "G"]
    dock.set_filter("conditional", "V2")
    assert listed(dock) == ["L"]
    dock.set_filter()
    assert len(dock.items()) == 14


def test_click_zooms_and_shows_reasons(dock) -> None:
    dock.set_filter("fail", "V1")
    item = next(i for i in dock.items() if i.text(0) == "G")
    dock.parcelTree.setCurrentItem(item)
    extent = dock.canvas.extent()
    assert extent.contains(QgsRectangle(pf.X0 + 500, pf.Y0, pf.X0 + 600, pf.Y0 + 100))
    assert extent.width() < 400  # zoomed from the 10 km start to the parcel
    html = dock.reasonsBrowser.toHtml()
    assert "P12,P16" in html and ("prohibited" in html or "禁止" in html)


def test_select_and_reports(dock) -> None:
    dock.set_filter("conditional")
    dock.selectButton.click()
    selected = {f["parcel_id"] for f in dock.layer().selectedFeatures()}
    assert selected == {"D", "L"}
    dock.report_folder = dock.tmp / "reports"
    pdfs = dock.export_reports()
    assert sorted(p.name for p in pdfs) == ["审查报告_V1.pdf", "审查报告_V2.pdf"]
    assert all(p.read_bytes()[:5] == b"%PDF-" for p in pdfs)


# ---- issue #21: village names, size ----

def test_village_filter_shows_name_and_code(dock, tmp_path: Path) -> None:
    import processing

    from guotu.parcels.parcels_review import village_label

    assert village_label("", {}) == "(no village)" and village_label("110101001", {}) == "110101001"
    # Without village names: the codes, as before.
    codes = [dock.villageCombo.itemText(i) for i in range(1, dock.villageCombo.count())]
    assert codes and all(text == dock.villageCombo.itemData(i + 1) or text == "(no village)"
                         for i, text in enumerate(codes))
    # A check with the villages' name field: "name (code)" in the filter and the list.
    result = processing.run("guotu:parcelscheck", {
        "PARCELS": f"{dock.tmp / 'zzdk.gpkg'}|layername=zzdk", "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx",
        "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl",
        "PLANNED_SYSTEM": 1, "WORKSPACE": str(dock.tmp / "ws.gpkg"), "BEACHES": f"{dock.tmp / 'htd.gpkg'}|layername=htd",
        "VILLAGES": f"{dock.tmp / 'cun.gpkg'}|layername=cun", "VILLAGE_ID": "cdm", "VILLAGE_NAME": "cmc",
        "AREA_METHOD": 1, "PARCEL_CHECKS": "memory:", "PARCEL_REASONS": "memory:", "PROJECT_CHECKS": "memory:",
        "VILLAGE_TOTALS": "memory:"})
    project = QgsProject.instance()
    for key in ("PARCEL_CHECKS", "PARCEL_REASONS", "PROJECT_CHECKS"):
        project.addMapLayer(result[key])
    totals = result["VILLAGE_TOTALS"]
    names = {f["village_id"]: f["name"] for f in totals.getFeatures() if f["name"]}
    assert names, "the fixture's villages have names"
    for layer in [layer for layer in project.mapLayers().values() if layer.fields().lookupField("conditional_count") >= 0]:
        project.removeMapLayer(layer.id())  # only the named totals are loaded
    project.addMapLayer(totals)
    dock.layerCombo.setLayer(result["PARCEL_CHECKS"])
    labels = {dock.villageCombo.itemData(i): dock.villageCombo.itemText(i) for i in range(1, dock.villageCombo.count())}
    for code, name in names.items():
        assert labels[code] == f"{name} ({code})", labels
    code = next(iter(names))
    dock.set_filter(village=code)
    assert dock.items() and all(item.text(2) == f"{names[code]} ({code})" for item in dock.items())


def test_opens_at_a_usable_size_next_to_other_panels(dock) -> None:
    from dock_window import assert_usable, crowded_window, layout_facts

    window = crowded_window(dock)
    try:
        assert_usable(layout_facts(dock, dock.parcelTree))
    finally:
        dock.setParent(None)
        window.deleteLater()


def test_village_report_folder_dialog_starts_in_the_project_folder(dock, tmp_path: Path, monkeypatch) -> None:
    """Not in the working directory: the project's folder (or the folder last chosen there)."""
    from qgis.PyQt.QtWidgets import QFileDialog
    from qgis.core import QgsSettings

    from guotu.ui.parcels_dock import REPORT_FOLDER_KIND
    from guotu.ui.start_folder import SETTINGS_PREFIX

    QgsSettings().remove(SETTINGS_PREFIX + REPORT_FOLDER_KIND)
    project_dir = tmp_path / "project"
    project_dir.mkdir()
    QgsProject.instance().setFileName(str(project_dir / "review.qgz"))
    seen = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: (seen.append(a[2]), "")[1])
    dock.report_folder = None
    assert dock.export_reports() == []
    assert seen == [str(project_dir)], seen
