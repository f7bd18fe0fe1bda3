"""Every Processing algorithm through its real dialog in the QGIS desktop (under Xvfb), in
English and in QGIS's own Chinese (zh-Hans): only the mandatory inputs are set in the
dialog's widgets, every optional one is left as the dialog leaves it (a NULL value, not
None), the dialog's own parameter values are checked and run. Field boxes start on a known
field name (XZQDM, DLBM, DKBH …) or stay empty: a dialog never guesses "fid".

Screenshots of every dialog are kept in build/test-artifacts/dialogs_<locale>/."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

import border_data as bd
import frame_data as fd
import conversion_data as cd
import testdata as td
import voucher_data as vd
from conftest import BUILD_DIR, REPO
from desktop_harness import PRELUDE, needs_desktop, run_desktop
from lines_data import make_fixture as make_lines_fixture
from test_conversion_raster import AFTER as RASTER_AFTER
from test_conversion_raster import BEFORE as RASTER_BEFORE
from test_conversion_raster import write_raster

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402
import priorities_fixture as prf  # noqa: E402
import ledger_fixture as lf  # noqa: E402
sys.path.insert(0, str(REPO / "tests" / "cli"))
import indicators_fixture as ind  # noqa: E402

# The dialog's run, step by step: widgets set from "given" (a value "=ALG:OUTPUT" is the
# output of an earlier case, added to the project as a user would have it), the dialog's
# createProcessingParameters(), the algorithm's checkParameterValues() as the dialog calls
# it, then the run with exactly those values.
CODE = PRELUDE + r'''
import processing
from processing.gui.AlgorithmDialogBase import AlgorithmDialogBase
from qgis.core import QgsMapLayer, QgsProcessingContext, QgsProcessingFeedback


def value_text(value):
    if value is None:
        return "None"
    if value.__class__.__name__ == "QVariant":
        return "NULL" if value.isNull() else repr(value.value())
    return repr(value)


def run_cases():
    with open(os.environ["GUOTU_CASES"], encoding="utf-8") as stream:
        cases = json.load(stream)
    shots = os.environ["GUOTU_SHOTS"]
    os.makedirs(shots, exist_ok=True)
    outputs = {}
    result["cases"] = []
    for case in cases:
        entry = {"alg": case["alg"], "label": case["label"]}
        result["cases"].append(entry)
        given = {}
        for name, value in case["given"].items():
            if isinstance(value, str) and value.startswith("="):
                layer = outputs[value[1:]]
                QgsProject.instance().addMapLayer(layer)
                value = layer.id()
            given[name] = value
        dialog = processing.createAlgorithmDialog(case["alg"])
        try:
            entry["title"] = dialog.windowTitle()
            dialog.setParameters(given)
            dialog.show()
            QgsApplication.processEvents()
            dialog.grab().save(os.path.join(shots, case["label"] + ".png"))
            try:
                params = dialog.createProcessingParameters()
            except AlgorithmDialogBase.InvalidParameterValue as refused:
                entry["refused"] = refused.parameter.name()
                continue
            entry["values"] = {name: value_text(value) for name, value in params.items()}
            context = QgsProcessingContext()
            context.setProject(QgsProject.instance())
            ok, message = dialog.algorithm().checkParameterValues(params, context)
            if not ok:
                entry["check"] = message
                continue
            try:
                out = processing.run(case["alg"], params, feedback=QgsProcessingFeedback())
            except Exception as error:
                entry["error"] = str(error)
                continue
            entry["outputs"] = sorted(out)
            for name, value in out.items():
                if isinstance(value, QgsMapLayer):
                    outputs[case["alg"] + ":" + name] = value
                    entry.setdefault("counts", {})[name] = value.featureCount() if hasattr(value, "featureCount") else -1
                    entry.setdefault("providers", {})[name] = value.providerType()
        finally:
            dialog.close()
            dialog.deleteLater()


def main():
    try:
        run_cases()
    except Exception:
        result["error"] = traceback.format_exc()
    finish()


QTimer.singleShot(500, main)
'''


def _cases(folder: Path) -> List[Dict]:
    """The cases with their data written into ``folder``; only mandatory inputs are given."""
    area = folder / "area"
    area.mkdir()
    zones = td.write_gpkg(td.zones_layer(), area / "zones.gpkg", "zones")          # field xzqdm
    landuse = td.write_gpkg(td.landuse_layer(), area / "landuse.gpkg", "landuse")  # field dlbm
    odd_zones = td.write_gpkg(td.memory_layer("MultiPolygon", "&field=code:string",
                                              (([z], w) for z, w in td.ZONES), "odd"), area / "odd.gpkg", "odd")
    voucher = vd.write_fixture(_mkdir(folder / "voucher"))                         # code, name, gdp, pop, lucc
    conversion = cd.write_fixture(_mkdir(folder / "conversion"))                   # dlbm, zones: code
    rasters = _mkdir(folder / "raster")
    before_tif = write_raster(rasters / "before.tif", RASTER_BEFORE)
    after_tif = write_raster(rasters / "after.tif", RASTER_AFTER)
    lines = _mkdir(folder / "lines")
    make_lines_fixture(lines)
    parcels = _mkdir(folder / "parcels")
    parcel_layer = pf.write_parcels(parcels / "zzdk.gpkg")                         # dkbh, zzlx, xmbh, xzdl, ghdl
    parcel_ws = pf.write_workspace(parcels / "ws.gpkg")
    border = bd.make_fixture(folder / "border")
    from sandiao_package import make_package
    sandiao = make_package(_mkdir(folder / "sandiao"))                             # DLTB: DLBM, ZLDWDM, TBMJ
    priorities = _mkdir(folder / "priorities")
    frame = fd.make_rounds_fixture(_mkdir(folder / "frame"))  # cat.csv, parts.gpkg, dem.tif, two rounds
    catalogue = fd.make_fixture(_mkdir(folder / "catalogue"))
    ledger_layer = lf.write_parcels(_mkdir(folder / "ledger") / "dltb.gpkg")  # BSM, DLBM, GHDL, KCXS, GDDB …
    indicators = ind.make_fixture(_mkdir(folder / "indicators"))               # XZQDM, XZQMC, DLBM, KCXS
    counties = _mkdir(folder / "counties")
    vd.write_fixture(_mkdir(counties / "c1"))  # one county package: zones, base, target
    county_options = ("--zones {partition}/zones.gpkg --zone-id code --gdp-field gdp --pop-field pop "
                      "--base {partition}/base.gpkg --base-class-field lucc "
                      "--target {partition}/target.gpkg --target-class-field lucc")
    return [
        {"label": "area", "alg": "guotu:areabyclass", "given": {"ZONES": zones, "LANDUSE": landuse}},
        {"label": "area_unknown_zone_field", "alg": "guotu:areabyclass",
         "given": {"ZONES": odd_zones, "LANDUSE": landuse}},
        {"label": "area_unit", "alg": "guotu:areabyunitcode", "given": {"LANDUSE": f"{sandiao}|layername=DLTB"}},
        {"label": "voucher", "alg": "guotu:voucheraccounting",
         "given": {"ZONES": voucher["zones"], "ZONE_ID": "code", "BASE": voucher["base"],
                   "BASE_CLASS_FIELD": "lucc", "TARGET": voucher["target"], "TARGET_CLASS_FIELD": "lucc"}},
        {"label": "market", "alg": "guotu:vouchermarket",
         "given": {"VOUCHERS": "=guotu:voucheraccounting:VOUCHER", "PRICE": 30000}},
        {"label": "ledger", "alg": "guotu:voucherledger",
         "given": {"ZONES": voucher["zones"], "ZONE_ID": "code", "BASE": voucher["base"], "BASE_CLASS_FIELD": "lucc",
                   "SURVEYS": [voucher["target"]], "SURVEY_YEARS": "2020", "SURVEY_CLASS_FIELD": "lucc",
                   "BASE_YEAR": 2019}},
        {"label": "partitioned", "alg": "guotu:partitionedrun",
         "given": {"PARTITIONS": str(counties), "OPTIONS": county_options}},
        {"label": "conversion", "alg": "guotu:landuseconversion",
         "given": {"BEFORE": str(conversion["before"]), "AFTER": str(conversion["after"])}},
        {"label": "conversion_report", "alg": "guotu:conversionreport",
         "given": {"CONVERSIONS": "=guotu:landuseconversion:CONVERSIONS",
                   "OUTPUT": str(folder / "conversion_report.pdf")}},
        {"label": "conversion_raster", "alg": "guotu:landuseconversionraster",
         "given": {"BEFORE": str(before_tif), "AFTER": str(after_tif)}},
        {"label": "workspace", "alg": "guotu:threelinesworkspace", "given": {"OUTPUT": str(folder / "new_ws.gpkg")}},
        {"label": "lines", "alg": "guotu:threelinescheck", "given": {"WORKSPACE": str(lines / "ws.gpkg")}},
        {"label": "lines_import", "alg": "guotu:threelinesimport",
         "given": {"ADMIN": f"{sandiao}|layername=XZQ", "OUTPUT": str(folder / "imported_ws.gpkg")}},
        {"label": "parcels", "alg": "guotu:parcelscheck",
         "given": {"PARCELS": f"{parcel_layer}|layername=zzdk", "WORKSPACE": str(parcel_ws)}},
        {"label": "parcels_report", "alg": "guotu:parcelsreport",
         "given": {"PARCEL_CHECKS": "=guotu:parcelscheck:PARCEL_CHECKS",
                   "PARCEL_REASONS": "=guotu:parcelscheck:PARCEL_REASONS",
                   "OUTPUT_FOLDER": str(folder / "parcel_reports")}},
        {"label": "border", "alg": "guotu:borderconflicts",
         "given": {"ADMIN": f"{border / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code",
                   "ELEMENTS": f"{border / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city",
                   "CATEGORY_FIELD": "category"}},
        {"label": "border_report", "alg": "guotu:borderreport",
         "given": {"SHARED_BORDERS": "=guotu:borderconflicts:SHARED_BORDERS",
                   "CONFLICT_LINES": "=guotu:borderconflicts:CONFLICT_LINES",
                   "BORDER_CONFLICTS": "=guotu:borderconflicts:BORDER_CONFLICTS",
                   "PAIR_SUMMARY": "=guotu:borderconflicts:PAIR_SUMMARY",
                   "OUTPUT_FOLDER": str(folder / "border_reports")}},
        {"label": "ruling", "alg": "guotu:rulingobjective",
         "given": {"ZONES": str(prf.write_zones(priorities / "hx.gpkg")), "TYPE_FIELD": "GNLX",
                   "LANDUSE": str(prf.write_landuse(priorities / "dltb.gpkg"))}},
        {"label": "pareto", "alg": "guotu:paretosites",
         "given": {"SITES": str(prf.write_sites(priorities / "sites.gpkg"))}},
        {"label": "frame_catalogue", "alg": "guotu:framecatalogue",
         "given": {"CATALOGUE": str(catalogue / "catalogue.csv"),
                   "ELEMENTS": f"{catalogue / 'submitted.gpkg'}|layername=submitted", "CITY_FIELD": "city",
                   "ELEMENT_FIELD": "ysbh"}},
        {"label": "frame_indicators", "alg": "guotu:frameindicators",
         "given": {"CATALOGUE": str(frame / "cat.csv"), "ELEMENTS": f"{frame / 'parts.gpkg'}|layername=parts",
                   "CITY_FIELD": "city", "ELEMENT_FIELD": "ysbh", "DEM": str(frame / "dem.tif")}},
        {"label": "frame_rounds", "alg": "guotu:framerounds",
         "given": {"PREVIOUS": str(frame / "r0_border.gpkg"), "CURRENT": str(frame / "r1_border.gpkg")}},
        {"label": "unit_ledger", "alg": "guotu:unitledger", "given": {"PARCELS": f"{ledger_layer}|layername=dltb"}},
        {"label": "indicators", "alg": "guotu:bindingindicators",
         "given": {"ADMIN": str(indicators["admin"]), "LANDUSE": str(indicators["landuse"]),
                   "TARGET_CULTIVATED_LAND": "GDBYL"}},
    ]


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


@needs_desktop
@pytest.mark.parametrize("locale", ["en_US", "zh-Hans"])
def test_every_algorithm_from_its_dialog(plugin_root: Path, tmp_path: Path, provider, locale: str) -> None:
    data = _mkdir(tmp_path / "data")
    cases = _cases(data)
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    shots = BUILD_DIR / "test-artifacts" / f"dialogs_{locale}"
    result, _log, _shot = run_desktop(plugin_root, tmp_path, CODE, f"dialogs_{locale}",
                                      {"GUOTU_CASES": str(tmp_path / "cases.json"), "GUOTU_SHOTS": str(shots),
                                       # the guotu tool of this machine, for the partitioned run
                                       "GUOTU_CLI": str(BUILD_DIR / "core" / "guotu")},
                                      locale=locale)
    done = {entry["label"]: entry for entry in result["cases"]}
    assert [c["label"] for c in cases] == list(done), done

    # The dialogs speak the user's language.
    chinese = locale.startswith("zh")
    assert (done["area"]["title"] == "按分区统计地类面积") == chinese, done["area"]["title"]
    assert (done["voucher"]["title"].lower() == "ecological voucher accounting") != chinese, done["voucher"]["title"]

    # Every algorithm ran from its dialog with only the mandatory inputs set.
    for label, entry in done.items():
        if label == "area_unknown_zone_field":
            continue
        problems = {k: entry[k] for k in ("refused", "check", "error") if k in entry}
        assert not problems, (label, problems, entry.get("values"))
        assert entry["outputs"], label

    # Optional inputs left empty arrive as the dialog's NULL (the case that read an empty
    # workspace as the path "."), and nothing was guessed for them.
    for label, name in (("conversion", "WORKSPACE"), ("conversion", "ZONE_ID"), ("parcels", "BEACHES"),
                        ("lines", "CLASS_FIELD"), ("voucher", "ZONE_NAME"), ("border", "ADMIN_NAME"),
                        ("market", "FLOOR_PRICE"), ("area_unit", "NAMES"), ("ledger", "MARKET_PRICE"),
                        ("ledger", "CAPS"), ("ledger", "OPENING"), ("indicators", "BEFORE"),
                        ("indicators", "FARMLAND"), ("indicators", "TARGET_FOREST_COVER"), ("partitioned", "POSTGIS"), ("partitioned", "PAIRS"),
                        ("partitioned", "SCHEMA")):
        assert done[label]["values"][name] in ("NULL", "None", "''"), (label, name, done[label]["values"][name])

    # Mandatory fields start on their known names, matched case-insensitively …
    assert done["area"]["values"]["ZONE_ID"] == "'xzqdm'"
    assert done["area"]["values"]["CLASS_FIELD"] == "'dlbm'"
    assert (done["area_unit"]["values"]["CLASS_FIELD"], done["area_unit"]["values"]["UNIT_CODE_FIELD"]) == \
        ("'DLBM'", "'ZLDWDM'")
    assert done["conversion"]["values"]["BEFORE_CLASS_FIELD"] == "'dlbm'"
    assert {done["parcels"]["values"][n] for n in ("PARCEL_ID", "TYPE_FIELD", "CURRENT_FIELD", "PLANNED_FIELD")} \
        == {"'dkbh'", "'zzlx'", "'xzdl'", "'ghdl'"}
    assert done["voucher"]["values"]["GDP_FIELD"] == "'gdp'" and done["voucher"]["values"]["POP_FIELD"] == "'pop'"
    # … and without one the dialog refuses to run rather than pick "fid".
    assert done["area_unknown_zone_field"].get("refused") == "ZONE_ID", done["area_unknown_zone_field"]

    # Real results came out.
    assert done["area"]["counts"]["OUTPUT"] > 0
    assert done["area_unit"]["counts"]["OUTPUT"] > 0
    assert done["voucher"]["counts"]["VOUCHER"] == 2
    # Accounts over years from the dialog: one period here, an account per zone in the ledger.
    assert done["ledger"]["counts"]["LEDGER"] == 2 and done["ledger"]["values"]["SURVEY_YEARS"] == "'2020'"
    assert done["parcels"]["counts"]["PARCEL_CHECKS"] == 14
    assert done["lines"]["counts"]["ISSUES"] > 0
    assert done["border"]["counts"]["PAIR_SUMMARY"] > 0
    # without admin units the pieces are not split: L1, L3 and L5 in their zones (5 pieces)
    assert done["ruling"]["counts"]["CONTROLLED"] == 5 and done["pareto"]["counts"]["RANKED"] == 9
    assert done["frame_catalogue"]["counts"]["CATALOGUE_FINDINGS"] == 9
    assert done["frame_indicators"]["counts"]["ELEMENT_INDICATORS"] == 5
    assert done["frame_rounds"]["counts"]["ROUND_COMPARISON"] == 4
    # The ledger from the parcels alone: field boxes on the delivered names, one unit ("" = all).
    assert {done["unit_ledger"]["values"][n] for n in ("PARCEL_ID", "CURRENT_FIELD", "PLANNED_FIELD")} \
        == {"'BSM'", "'DLBM'", "'GHDL'"}, done["unit_ledger"]["values"]
    assert done["unit_ledger"]["values"]["UNIT_FIELD"] in ("NULL", "None", "''")
    assert done["unit_ledger"]["counts"]["UNIT_LEDGER"] == 1 and done["unit_ledger"]["counts"]["CERTIFICATES"] == 3
    assert done["indicators"]["values"]["ADMIN_CODE"] == "'XZQDM'"
    assert done["indicators"]["values"]["DEDUCTION_FIELD"] == "'KCXS'"
    assert done["indicators"]["counts"]["UNITS"] == 2 and done["indicators"]["counts"]["TABLE"] == 16
    assert any((data / "parcel_reports").glob("*.pdf")) and any((data / "border_reports").glob("*.pdf"))
    assert (data / "new_ws.gpkg").is_file() and (data / "imported_ws.gpkg").is_file()
    assert (done["lines_import"]["values"]["ADMIN_ID"], done["lines_import"]["values"]["ADMIN_NAME"]) == \
        ("'XZQDM'", "'XZQMC'")
    report = subprocess.run(["pdftotext", str(data / "conversion_report.pdf"), "-"], capture_output=True, text=True)
    assert report.returncode == 0 and "用途转用" in report.stdout, report.stderr
    assert done["conversion_report"]["outputs"] == ["OUTPUT", "PAGES"]
    # The conversion's inputs are plain GeoPackage layers: the core read them itself and its
    # GeoPackage came back as the (temporary) outputs, not memory layers filled through Python.
    assert done["conversion"]["counts"]["CONVERSIONS"] > 0
    assert done["conversion"]["providers"]["CONVERSIONS"] == "ogr", done["conversion"]["providers"]
    assert len(list(shots.glob("*.png"))) == len(cases)
