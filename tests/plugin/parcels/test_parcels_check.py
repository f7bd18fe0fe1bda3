"""guotu:parcelscheck on the shared parcel fixture (tests/parcels_fixture.py): every rule
once with the hand values, parity with `guotu parcels check`, unsaved edits, meeting
tables, styles and bad input."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingException, QgsVectorLayer

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402
from lines_data import rows  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:parcelscheck"


@pytest.fixture
def fx(tmp_path: Path) -> dict:
    return {"parcels": pf.write_parcels(tmp_path / "zzdk.gpkg"), "ws": pf.write_workspace(tmp_path / "ws.gpkg"),
            "beaches": pf.write_beaches(tmp_path / "htd.gpkg"), "villages": pf.write_villages(tmp_path / "cun.gpkg"),
            "dir": tmp_path}


def params(fx: dict, **extra) -> dict:
    p = {"PARCELS": f"{fx['parcels']}|layername=zzdk", "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx",
         "PROJECT_FIELD": "xmbh", "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl",
         "PLANNED_SYSTEM": 1, "WORKSPACE": str(fx["ws"]), "BEACHES": f"{fx['beaches']}|layername=htd",
         "VILLAGES": f"{fx['villages']}|layername=cun", "VILLAGE_ID": "cdm", "VILLAGE_NAME": "cmc",
         "AREA_METHOD": 1, "PARCEL_CHECKS": "memory:", "PARCEL_REASONS": "memory:", "PROJECT_CHECKS": "memory:",
         "VILLAGE_TOTALS": "memory:"}
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_every_parcel_gets_its_verdict(fx: dict) -> None:
    result = run(params(fx))
    parcels = {r["parcel_id"]: r for r in rows(result["PARCEL_CHECKS"])}
    assert set(parcels) == set(pf.PARCELS)
    for pid, (verdict, rules) in pf.EXPECTED.items():
        assert (parcels[pid]["verdict_en"], parcels[pid]["rule_ids"]) == (verdict, rules), parcels[pid]["reasons_en"]
    assert parcels["A"]["redline_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["D"]["outside_urban_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["M"]["area_ha"] == pytest.approx(0.5, abs=1e-9)
    assert parcels["I"]["dm_ha"] is None  # unknown code: NULL, not NaN
    assert (result["PASS_COUNT"], result["CONDITIONAL_COUNT"], result["FAIL_COUNT"]) == (3, 2, 9)
    reasons = rows(result["PARCEL_REASONS"])
    assert len(reasons) == 20
    p10 = next(r for r in reasons if r["parcel_id"] == "A" and r["rule_id"] == "P10")
    assert result["PARCEL_REASONS"].getFeature(1).geometry().area() > 0
    assert p10["share"] == pytest.approx(0.5)
    projects = {r["project_id"]: r for r in rows(result["PROJECT_CHECKS"])}
    assert projects["P1"]["verdict_en"] == "fail" and projects["P1"]["new_cultivated_ratio"] == pytest.approx(-0.75)
    assert projects["P2"]["new_cultivated_ratio"] == pytest.approx(3 / 5.5)
    assert projects["P2"]["farmland_ratio"] is None
    villages = {r["village_id"]: r for r in rows(result["VILLAGE_TOTALS"])}
    assert villages["V1"]["parcels"] == 7 and villages["V2"]["area_ha"] == pytest.approx(6.5)


def test_same_numbers_as_the_cli(fx: dict, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = subprocess.run(
        [str(BUILD_DIR / "core" / "guotu"), "parcels", "check", "--parcels", str(fx["parcels"]), "--parcel-id", "dkbh",
         "--type-field", "zzlx", "--project-field", "xmbh", "--current-field", "xzdl", "--current-system",
         "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(fx["ws"]),
         "--river-beaches", str(fx["beaches"]), "--villages", str(fx["villages"]), "--village-id", "cdm",
         "--village-name", "cmc", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, AREA_METHOD=0))
    for table, key in (("parcel_checks", "parcel_id"), ("project_checks", "project_id"),
                       ("village_totals", "village_id")):
        ours = {r[key]: r for r in rows(result[table.upper()])}
        theirs = {r[key]: r for r in rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))}
        assert set(ours) == set(theirs), table
        for k, row in ours.items():
            for name, value in row.items():
                if name in ("_wkb", "fid"):
                    continue
                other = theirs[k][name]
                if isinstance(value, float):
                    assert other == pytest.approx(value, rel=1e-12, abs=1e-12), (table, k, name)
                else:
                    assert value == other, (table, k, name)


def test_unsaved_edits_count(fx: dict) -> None:
    layer = QgsVectorLayer(f"{fx['parcels']}|layername=zzdk", "整治地块", "ogr")
    assert layer.isValid()
    fid = next(f.id() for f in layer.getFeatures() if f["dkbh"] == "G")
    layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf("xzdl"), "0404")  # grassland, not a beach
    try:
        result = run(params(fx, PARCELS=layer))
    finally:
        layer.rollBack()
    parcels = {r["parcel_id"]: r for r in rows(result["PARCEL_CHECKS"])}
    assert (parcels["G"]["verdict_en"], parcels["G"]["rule_ids"]) == ("conditional", "P14")


def test_meeting_tables(fx: dict, tmp_path: Path) -> None:
    xlsx, folder = tmp_path / "review.xlsx", tmp_path / "tables"
    result = run(params(fx, XLSX=str(xlsx), CSV_FOLDER=str(folder)))
    assert result["XLSX"] == str(xlsx)
    sheet = QgsVectorLayer(f"{xlsx}|layername=parcel_checks", "s", "ogr")
    assert sheet.isValid() and sheet.featureCount() == 14
    assert sheet.fields().names()[0] == "parcel_id"  # English UI: field names
    text = (folder / "project_checks.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "project_id" in text.decode("utf-8-sig").splitlines()[0]
    assert len((folder / "parcel_checks.csv").read_text(encoding="utf-8-sig").splitlines()) == 15
    assert not list(tmp_path.glob("*.tmp-*")) and not list(folder.glob("*.tmp-*"))


def test_outputs_are_styled_by_verdict(fx: dict) -> None:
    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

    result = run(params(fx))
    layer = result["PARCEL_CHECKS"]
    style_parcels_layer(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert {c.value() for c in renderer.categories()} == {"pass", "conditional", "fail"}
    assert any(c.label() == "failed" for c in renderer.categories())  # the English UI's words
    assert layer.labelsEnabled()
    assert layer.attributeDisplayName(layer.fields().indexOf("verdict")) == "verdict"
    reasons = result["PARCEL_REASONS"]
    style_reasons_layer(reasons)
    assert reasons.renderer().rootRule().children()[0].filterExpression() == "\"severity\" = 'fail'"


def test_bad_input_is_named(fx: dict) -> None:
    with pytest.raises(QgsProcessingException, match="has no field \"nope\""):
        run(params(fx, TYPE_FIELD="nope"))
    with pytest.raises(QgsProcessingException, match="workspace"):
        run(params(fx, WORKSPACE=None))
    bad = fx["dir"] / "types.csv"
    bad.write_text("value,kind\n农用地整理,farmland\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="unknown kind 'farmland'"):
        run(params(fx, TYPES=str(bad)))
    empty_ws = fx["dir"] / "empty.gpkg"
    pf.write_beaches(empty_ws)  # a GeoPackage without the lines
    with pytest.raises(QgsProcessingException, match="missing the layer \"ecological_redline\""):
        run(params(fx, WORKSPACE=str(empty_ws)))


def test_village_report_pages(fx: dict, tmp_path: Path) -> None:
    """V1 holds A, A2, B, C, D, E, G; A, B, D, E and G are not a plain pass: overview +
    5 parcel pages + the parcel table + the project checks = 8 pages."""
    from qgis.core import QgsProject

    from guotu.parcels.parcels_report import ParcelsReportLayers, export_village_report, export_village_reports
    from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

    result = run(params(fx))
    style_parcels_layer(result["PARCEL_CHECKS"])
    style_reasons_layer(result["PARCEL_REASONS"])
    layers = ParcelsReportLayers(result["PARCEL_CHECKS"], result["PARCEL_REASONS"], result["PROJECT_CHECKS"],
                                 result["VILLAGE_TOTALS"], source="test fixture")
    pdf = tmp_path / "v1.pdf"
    report = export_village_report(layers, pdf, "V1", "东村", project=QgsProject.instance())
    assert report.parcel_pages == 5 and report.pages == 8
    assert pdf.read_bytes()[:5] == b"%PDF-"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    assert re.search(r"^Pages:\s+8$", info.stdout, re.M), info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    # The English UI's words for the verdicts (the Chinese report is checked below with --locale zh_CN).
    assert "failed" in text and "不通过" not in text and "red line" in text.lower() and "东村" in text
    reports = export_village_reports(layers, tmp_path / "all", project=QgsProject.instance())
    assert sorted(r.village_id for r in reports) == ["V1", "V2"]
    v2 = next(r for r in reports if r.village_id == "V2")
    assert v2.parcel_pages == 6  # H, I, J, K, L, M
    assert sorted(p.name for p in (tmp_path / "all").glob("*.pdf")) == ["审查报告_V1_东村.pdf", "审查报告_V2_西村.pdf"]
    assert not list((tmp_path / "all").glob("*.tmp*"))
    QgsProject.instance().clear()


def test_cli_output_opens_styled(fx: dict, tmp_path: Path) -> None:
    """`guotu parcels check` stores the plugin's styles in its GeoPackage."""
    out = tmp_path / "cli.gpkg"
    cli = subprocess.run(
        [str(BUILD_DIR / "core" / "guotu"), "parcels", "check", "--parcels", str(fx["parcels"]), "--parcel-id", "dkbh",
         "--type-field", "zzlx", "--current-field", "xzdl", "--current-system", "SANDIAO_WORK", "--planned-field",
         "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(fx["ws"]), "-o", str(out)],
        capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    layer = QgsVectorLayer(f"{out}|layername=parcel_checks", "p", "ogr")
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert {c.value() for c in layer.renderer().categories()} == {"pass", "conditional", "fail"}
    # The tool's file carries its Chinese column titles itself.
    assert layer.attributeDisplayName(layer.fields().indexOf("verdict")) == "审查结论"


def _cli_verdicts(fx: dict, out: Path) -> Path:
    """`guotu parcels check` with projects, river beaches and villages into ``out``."""
    cli = subprocess.run(
        [str(BUILD_DIR / "core" / "guotu"), "parcels", "check", "--parcels", str(fx["parcels"]), "--parcel-id", "dkbh",
         "--type-field", "zzlx", "--project-field", "xmbh", "--current-field", "xzdl", "--current-system",
         "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(fx["ws"]),
         "--river-beaches", str(fx["beaches"]), "--villages", str(fx["villages"]), "--village-id", "cdm",
         "--village-name", "cmc", "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    return out


def test_report_script_writes_one_pdf_per_village(fx: dict, tmp_path: Path) -> None:
    """scripts/parcels_report.py (the demo's report step), with the workspace for context."""
    out = _cli_verdicts(fx, tmp_path / "cli.gpkg")
    script = [sys.executable, str(REPO / "scripts" / "parcels_report.py")]
    run = subprocess.run(script + [str(out), "--out", str(tmp_path / "pdf"), "--workspace", str(fx["ws"]),
                                   "--dpi", "80", "--locale", "zh_CN"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["审查报告_V1_东村.pdf", "审查报告_V2_西村.pdf"]
    assert f"{pdfs[0]} (8 pages, 5 parcels to review)" in run.stdout
    text = subprocess.run(["pdftotext", str(pdfs[1]), "-"], capture_output=True, text=True).stdout
    assert "西村" in text and "不通过" in text
    bad = subprocess.run(script + [str(fx["ws"]), "--out", str(tmp_path / "bad")], capture_output=True, text=True,
                         timeout=180)
    assert bad.returncode == 1
    assert "has no layer parcel_checks" in bad.stderr
    assert not list((tmp_path / "bad").glob("*.pdf"))


def test_report_algorithm_writes_one_pdf_per_village(fx: dict, tmp_path: Path) -> None:
    """guotu:parcelsreport on the CLI's GeoPackage (as in a model or qgis_process)."""
    import processing
    from qgis.core import QgsProject

    out = _cli_verdicts(fx, tmp_path / "cli.gpkg")
    layers_before = len(QgsProject.instance().mapLayers())
    result = processing.run("guotu:parcelsreport", {
        "PARCEL_CHECKS": f"{out}|layername=parcel_checks", "PARCEL_REASONS": f"{out}|layername=parcel_reasons",
        "PROJECT_CHECKS": f"{out}|layername=project_checks", "VILLAGE_TOTALS": f"{out}|layername=village_totals",
        "OUTPUT_FOLDER": str(tmp_path / "reports")})
    assert result["REPORT_COUNT"] == 2
    pdfs = sorted((tmp_path / "reports").glob("*.pdf"))
    assert [p.name for p in pdfs] == ["审查报告_V1_东村.pdf", "审查报告_V2_西村.pdf"]
    info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+8$", info, re.M), info
    assert len(QgsProject.instance().mapLayers()) == layers_before  # the user's project is untouched
    one = processing.run("guotu:parcelsreport", {
        "PARCEL_CHECKS": f"{out}|layername=parcel_checks", "PARCEL_REASONS": f"{out}|layername=parcel_reasons",
        "VILLAGE": "V2", "OUTPUT_FOLDER": str(tmp_path / "one")})
    assert one["REPORT_COUNT"] == 1 and (tmp_path / "one" / "审查报告_V2.pdf").is_file()
    # One village with the village totals: named as in the run over every village.
    named = processing.run("guotu:parcelsreport", {
        "PARCEL_CHECKS": f"{out}|layername=parcel_checks", "PARCEL_REASONS": f"{out}|layername=parcel_reasons",
        "VILLAGE_TOTALS": f"{out}|layername=village_totals", "VILLAGE": "V2", "OUTPUT_FOLDER": str(tmp_path / "named")})
    assert [p.name for p in (tmp_path / "named").glob("*.pdf")] == ["审查报告_V2_西村.pdf"]
    assert named["REPORT_COUNT"] == 1
    with pytest.raises(QgsProcessingException, match='is in village "V9" \\(village ids: V1, V2\\)'):
        processing.run("guotu:parcelsreport", {
            "PARCEL_CHECKS": f"{out}|layername=parcel_checks", "PARCEL_REASONS": f"{out}|layername=parcel_reasons",
            "VILLAGE": "V9", "OUTPUT_FOLDER": str(tmp_path / "none")})
    assert not list((tmp_path / "none").glob("*.pdf"))


def test_algorithm_defaults_are_the_core_defaults(guotu) -> None:
    """The dialog's default thresholds are guotu_parcels_options_init's (SPEC §5)."""
    from guotu.binding.native import Context
    from guotu.binding.parcels_native import default_options
    from guotu.processing.parcels_check import ParcelsCheckAlgorithm as A

    with Context() as ctx:
        library = default_options(ctx)
    assert {"tolerance_m2": A.DEFAULTS[A.TOLERANCE], "new_cultivated_min": A.DEFAULTS[A.NEW_CULTIVATED_MIN],
            "farmland_gain_min": A.DEFAULTS[A.FARMLAND_GAIN_MIN]} == pytest.approx(library)
