"""A planner's first afternoon with the county package (resources/sample_data/generate_county_package.py,
SYNTHETIC) in the real QGIS desktop (under Xvfb), in English and in QGIS's own Chinese: the package's
layers in the project as delivered (File Geodatabase layers, the GBK shapefiles set to GBK as the
plugin's message asks, the statistical yearbook CSV with its codes read as integers), each algorithm's
dialog opened from Processing, only the layers chosen, the field boxes left on what the dialog
picked, run from the dialog's own Run button and its log read as the user reads it.

- the ruling objective and the border check start on the red line's delivered type and name fields
  (HXLX, HXMC), which they used to leave empty and then refuse;
- the voucher accounting starts on the yearbook's XZQDM, GDP and POP columns;
- the conversion's log speaks the user's language (area method, status totals), and a layer none of
  whose codes is in the category table of the chosen system (三调 codes read as CAS_LUCC) is
  named as such, not left to a list of "unknown" codes;
- the parcel check's project verdict in the log is in the user's language, and with 村级调查区 CJDCQ as
  its villages it starts on CJDCQ's ZLDWDM and ZLDWMC;
- the ruling objective without admin units adds no empty table by admin unit."""

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

import desktop_harness
from conftest import BUILD_DIR, REPO
from desktop_harness import PRELUDE, needs_desktop, run_desktop

sys.path.insert(0, str(REPO / "tests" / "cli"))
import county_expected as ce  # noqa: E402

GUOTU = BUILD_DIR / "core" / "guotu"

# Each case: the dialog made by processing.createAlgorithmDialog, the layers (project layer names
# after "@") set, the dialog shown, the values its widgets then hold, the run started with the
# dialog's Run (runAlgorithm) and waited for (algorithmFinished; a refusal's message box is
# closed and its text kept), the log as the dialog shows it, the layers the run added (small
# ones with their rows).
CODE = PRELUDE + r'''
import processing
from processing.core.ProcessingConfig import ProcessingConfig
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QTextEdit

PACKAGE = os.environ["GUOTU_PACKAGE"]
LAYERS = (("130101_2019_三调.gdb|layername=DLTB", "DLTB"), ("130101_2019_三调.gdb|layername=XZQ", "XZQ"),
          ("130101_2019_三调.gdb|layername=CJDCQ", "CJDCQ"), ("130101_2020_变更/DLTB.shp", "DLTB_2020"),
          ("规划成果.gdb|layername=生态保护红线", "生态保护红线"), ("规划成果.gdb|layername=永久基本农田", "永久基本农田"),
          ("规划成果.gdb|layername=城镇开发边界", "城镇开发边界"), ("整治项目/ZZDK.shp", "ZZDK"))
ids = {}
boxes = []
state = {"next": 0}


def plain(value):
    if value is None:
        return None
    if value.__class__.__name__ == "QVariant":
        return None if value.isNull() else plain(value.value())
    if isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def close_boxes():
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and isinstance(widget, QMessageBox):
            boxes.append(widget.text())
            widget.close()


def resolve(value):
    return ids[value[1:]] if isinstance(value, str) and value.startswith("@") else value


def next_case():
    with open(os.environ["GUOTU_CASES"], encoding="utf-8") as stream:
        cases = json.load(stream)
    if state["next"] >= len(cases):
        finish()
        return
    case = cases[state["next"]]
    state["next"] += 1
    entry = {}
    result["cases"][case["label"]] = entry
    before = set(QgsProject.instance().mapLayers())
    dialog = processing.createAlgorithmDialog(case["alg"])
    dialog.setParameters({k: resolve(v) for k, v in case["given"].items()})
    dialog.show()
    QgsApplication.processEvents()
    entry["values"] = {name: plain(w.parameterValue()) for name, w in dialog.mainWidget().wrappers.items()
                       if name in case["read"]}
    done = {}
    dialog.algorithmFinished.connect(lambda ok, res: done.update(ok=ok))
    del boxes[:]
    dialog.runAlgorithm()

    def after():
        entry["ok"] = done.get("ok")
        entry["boxes"] = list(boxes)
        entry["log"] = dialog.findChild(QTextEdit, "txtLog").toPlainText()
        entry["layers"] = {}
        for layer_id, layer in QgsProject.instance().mapLayers().items():
            if layer_id in before or not isinstance(layer, QgsVectorLayer):
                continue
            rows = [{f.name(): plain(v) for f, v in zip(layer.fields(), feature.attributes())}
                    for feature in layer.getFeatures()] if layer.featureCount() <= 60 else None
            entry["layers"][layer.name()] = {"count": layer.featureCount(), "rows": rows}
        dialog.close()
        dialog.deleteLater()
        QTimer.singleShot(100, next_case)

    wait_until(lambda: (close_boxes() or "ok" in done or bool(boxes)), after, case["label"], limit=120)


def main():
    try:
        ProcessingConfig.setSettingValue(ProcessingConfig.KEEP_DIALOG_OPEN, True)
        timer = QTimer()
        timer.timeout.connect(close_boxes)
        timer.start(300)
        builtins._guotu_box_timer = timer  # kept alive
        for source, name in LAYERS:
            layer = QgsVectorLayer(os.path.join(PACKAGE, source), name, "ogr")
            if source.endswith(".shp"):
                layer.setProviderEncoding("GBK")  # as the plugin's message about GBK shapefiles says
            QgsProject.instance().addMapLayer(layer)
            ids[name] = layer.id()
        yearbook = QgsVectorLayer(QUrl.fromLocalFile(os.path.join(PACKAGE, "统计年鉴_2020.csv")).toString(
            QUrl.FullyEncoded) + "?type=csv&detectTypes=yes&geomType=none", "统计年鉴_2020", "delimitedtext")
        QgsProject.instance().addMapLayer(yearbook)
        ids["统计年鉴_2020"] = yearbook.id()
        result["yearbook_code_type"] = yearbook.fields().field("XZQDM").typeName()
        result["cases"] = {}
        next_case()
    except Exception:
        result["error"] = traceback.format_exc()
        finish()


QTimer.singleShot(500, main)
'''

CASES = [
    {"label": "ruling", "alg": "guotu:rulingobjective", "given": {"ZONES": "@生态保护红线", "LANDUSE": "@DLTB"},
     "read": ["TYPE_FIELD", "CLASS_FIELD"]},
    {"label": "border", "alg": "guotu:borderconflicts",
     "given": {"ADMIN": "@XZQ", "ELEMENTS": "@生态保护红线", "CITY_FIELD": "XZQDM"},
     "read": ["ADMIN_ID", "CATEGORY_FIELD", "NAME_FIELD"]},
    {"label": "voucher", "alg": "guotu:voucheraccounting",
     "given": {"ZONES": "@XZQ", "ZONE_TABLE": "@统计年鉴_2020", "BASE": "@DLTB", "TARGET": "@DLTB_2020",
               "BASE_SYSTEM": 1, "TARGET_SYSTEM": 1},
     "read": ["TABLE_ID", "TABLE_GDP", "TABLE_POP"]},
    {"label": "conversion_defaults", "alg": "guotu:landuseconversion",
     "given": {"BEFORE": "@DLTB", "AFTER": "@DLTB_2020"}, "read": ["BEFORE_SYSTEM", "BEFORE_CLASS_FIELD"]},
    {"label": "conversion_cas", "alg": "guotu:landuseconversion",
     "given": {"BEFORE": "@DLTB", "AFTER": "@DLTB_2020", "BEFORE_SYSTEM": 0}, "read": []},
    {"label": "conversion", "alg": "guotu:landuseconversion",
     "given": {"BEFORE": "@DLTB", "AFTER": "@DLTB_2020", "BEFORE_SYSTEM": 1, "AFTER_SYSTEM": 1}, "read": []},
    {"label": "conversion_names", "alg": "guotu:landuseconversion",
     "given": {"BEFORE": "@DLTB", "AFTER": "@DLTB_2020", "BEFORE_SYSTEM": 1, "AFTER_SYSTEM": 1,
               "AFTER_CLASS_FIELD": "DLMC"}, "read": []},
    {"label": "ledger", "alg": "guotu:unitledger",
     "given": {"PARCELS": "@DLTB", "PLANNED_LAYER": "@DLTB_2020", "UNIT_FIELD": "ZLDWDM", "UNIT_PREFIX": 9},
     "read": ["PARCEL_ID", "CURRENT_FIELD", "PLANNED_LAYER_CODE"]},
    {"label": "parcels", "alg": "guotu:parcelscheck",
     "given": {"PARCELS": "@ZZDK", "REDLINE": "@生态保护红线", "FARMLAND": "@永久基本农田", "URBAN": "@城镇开发边界",
               "VILLAGES": "@CJDCQ"}, "read": ["PARCEL_ID", "VILLAGE_ID", "VILLAGE_NAME"]},
]

STATUS_ZH = {"same": "未转用", "path": "合法路径", "conditional": "有条件", "prohibited": "禁止", "gap": "政策空白",
             "unknown": "未知（代码不在任何地类对照表中）"}
STATUS_EN = {"same": "same (not a conversion)", "path": "legal path", "conditional": "conditional",
             "prohibited": "prohibited", "gap": "policy gap", "unknown": "unknown (code in no category table)"}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ce.make_package(tmp_path_factory.mktemp("county") / "pkg")


def _cli_conflicts(package: Path, out: Path) -> int:
    res = subprocess.run([str(GUOTU), "border", "--admin", str(package / ce.BASE_GDB), "--admin-layer", "XZQ",
                          "--admin-id", "XZQDM", "--admin-name", "XZQMC", "--elements", str(package / ce.PLAN_GDB),
                          "--elements-layer", "生态保护红线", "--city-field", "XZQDM", "--category-field", "HXLX",
                          "--name-field", "HXMC", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return sum(int(v["conflicts"]) for v, _ in ce.features(out, "pair_summary"))


def _has_total(log: str, label: str, area: float) -> bool:
    """Whether the log shows a status total: "label: 1.23 ha", or "label：1.23 公顷" once translated."""
    return f"{label}: {area:.2f} ha" in log or f"{label}：{area:.2f} 公顷" in log


def _rows(entry: Dict, name: str) -> List[Dict]:
    rows = entry["layers"][name]["rows"]
    assert rows is not None, name
    return rows


@needs_desktop
@pytest.mark.parametrize("locale", ["en_US", "zh-Hans"])
def test_the_county_package_through_the_dialogs(plugin_root: Path, tmp_path: Path, package: Path, locale: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(desktop_harness, "TIMEOUT", 300)
    (tmp_path / "cases.json").write_text(json.dumps(CASES, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "fx").mkdir()
    result, _log, shot = run_desktop(plugin_root, tmp_path, CODE, f"county_dialogs_{locale}",
                                     {"GUOTU_PACKAGE": str(package), "GUOTU_CASES": str(tmp_path / "cases.json"),
                                      "GUOTU_FX": str(tmp_path / "fx")}, locale=locale)
    zh = locale.startswith("zh")
    done = result["cases"]
    assert list(done) == [c["label"] for c in CASES], done.keys()
    redline = [v for v, _ in ce.redline(package)]

    # The ruling objective: the red line's type field is picked, the run needs nothing more.
    ruling = done["ruling"]
    assert ruling["values"] == {"TYPE_FIELD": "HXLX", "CLASS_FIELD": "DLBM"}, ruling
    assert ruling["ok"] and not ruling["boxes"], ruling
    zones = _rows(ruling, "按分区汇总的管控地类" if zh else "Controlled land by zone")
    assert len(zones) == len(redline)
    # no admin units chosen: no empty table by admin unit in the project, and the log says why
    assert set(ruling["layers"]) == ({"管控地类图斑", "按分区汇总的管控地类"} if zh
                                     else {"Controlled land", "Controlled land by zone"}), ruling["layers"].keys()
    assert "No admin units were given" in ruling["log"] or "未给出行政单元" in ruling["log"], ruling["log"]
    assert sorted(r["code"] for r in zones) == sorted(v["HXLX"] for v in redline), zones

    # The border check: category and name fields of the red line picked; the conflicts are the tool's.
    border = done["border"]
    assert border["values"] == {"ADMIN_ID": "XZQDM", "CATEGORY_FIELD": "HXLX", "NAME_FIELD": "HXMC"}, border
    assert border["ok"] and not border["boxes"], border
    pairs = _rows(border, "按城市对统计的冲突" if zh else "Conflicts by city pair")
    assert sum(r["conflicts"] for r in pairs) == _cli_conflicts(package, tmp_path / "cli_border.gpkg") > 0
    names = {v["HXMC"] for v in redline}
    lines = _rows(border, "边界冲突（边界线）" if zh else "Border conflicts (border lines)")
    named = {n for r in lines for n in (r["elements_a"] or "").split(";") + (r["elements_b"] or "").split(";") if n}
    assert named and named <= names, (named, names)

    # The voucher accounting: the yearbook's columns picked (its codes are integers there), joined
    # to the towns: each town's GDP and population are the yearbook's.
    voucher = done["voucher"]
    assert result["yearbook_code_type"] == "integer"
    assert voucher["values"] == {"TABLE_ID": "XZQDM", "TABLE_GDP": "GDP", "TABLE_POP": "POP"}, voucher
    assert voucher["ok"] and not voucher["boxes"], voucher
    with open(package / "统计年鉴_2020.csv", encoding="utf-8", newline="") as f:
        yearbook = {r["XZQDM"]: (float(r["GDP"]), float(r["POP"])) for r in csv.DictReader(f)}
    vouchers = _rows(voucher, "生态券" if zh else "Vouchers")
    # G = GDP per capita ÷ the national 72,000 yuan, P = persons per km² ÷ the national 1,412.12 million
    # persons on 9.6 million km² (SPEC eq. 2; the preset's 2020 row, which the log names)
    assert ("人均 72,000.00 元、每平方千米 147.10 人" if zh else "72,000.00") in voucher["log"], voucher["log"]
    assert {r["zone_id"] for r in vouchers} == set(yearbook)
    for r in vouchers:
        gdp, pop = yearbook[r["zone_id"]]
        assert r["g_ratio"] == pytest.approx(gdp / pop / 72000.0, rel=1e-9), r
        assert r["p_ratio"] == pytest.approx(pop / (r["area_ha"] / 100.0) / (1412.12e6 / 9.6e6), rel=1e-9), r

    # The dialog's defaults on the survey: DLBM read as the 三调 working classification in both years.
    defaults = done["conversion_defaults"]
    assert defaults["values"] == {"BEFORE_SYSTEM": 1, "BEFORE_CLASS_FIELD": "DLBM"}, defaults
    assert defaults["ok"] and "No code of" not in defaults["log"], defaults["log"]
    assert "unknown" not in {r["status"] for r in _rows(defaults, "政策状态汇总" if zh else "Status summary")}
    # CAS_LUCC chosen for the before layer's 三调 codes: every code unknown, and the log says so
    # about the layer, in the user's language where it was translated.
    log = done["conversion_cas"]["log"]
    assert "ellipsoidal on" not in log, log
    assert ("面积：椭球面积：大地基准" if zh else "Areas: ellipsoidal: datum") in log, log
    # (the Chinese of the new message arrives with the translation file)
    assert ("No code of the before layer is in the category table used (CAS_LUCC)" in log
            or (zh and "转换前图层" in log and "CAS_LUCC" in log and "SANDIAO_WORK" in log)), log
    assert "No code of the after layer" not in log and "转换后图层的地类代码都不" not in log
    summary = _rows(done["conversion_cas"], "政策状态汇总" if zh else "Status summary")
    assert [r["status"] for r in summary] == ["unknown"]
    labels = STATUS_ZH if zh else STATUS_EN
    assert _has_total(log, labels["unknown"], summary[0]["area_ha"]), log

    # Both layers as 三调: every status total of the log is the summary table's, in the user's words.
    conversion = done["conversion"]
    log = conversion["log"]
    assert conversion["ok"] and "No code of" not in log and "unknown" not in {
        r["status"] for r in _rows(conversion, "政策状态汇总" if zh else "Status summary")}
    totals = {r["status"]: r["area_ha"] for r in _rows(conversion, "政策状态汇总" if zh else "Status summary")}
    assert {"same", "path"} <= set(totals), totals
    for status, area in totals.items():
        assert _has_total(log, labels[status], area), (status, log)
    assert "  same " not in log and "  path " not in log

    # The land-use names (DLMC) taken for the after layer's codes: that layer is named, with what to check.
    log = done["conversion_names"]["log"]
    assert ('No code of the after layer is in the category table used (SANDIAO_WORK)' in log
            or (zh and "转换后图层" in log and "DLMC" in log)), log
    assert "No code of the before layer" not in log and "转换前图层的地类代码都不" not in log

    # The unit ledger of the towns (ZLDWDM's first 9 digits), 2019 → 2020: each town's verdict in the log in
    # the user's language only, as the balance sheet gives it.
    ledger = done["ledger"]
    assert ledger["ok"] and ledger["values"] == {"PARCEL_ID": "BSM", "CURRENT_FIELD": "DLBM",
                                                 "PLANNED_LAYER_CODE": "DLBM"}, ledger
    sheets = _rows(ledger, "单元平衡表" if zh else "Unit balance sheets")
    towns = {v["ZLDWDM"][:9] for v, _ in ce.features(package / ce.BASE_GDB, "DLTB")}
    assert {s["unit_id"] for s in sheets} == towns and len(towns) >= 2
    for sheet in sheets:
        line = next(x for x in ledger["log"].splitlines() if x.startswith(sheet["unit_id"]))
        verdict = sheet["verdict"] if zh else sheet["verdict_en"]
        assert line.startswith(f"{sheet['unit_id']}{'：' if zh else ': '}{verdict}{'；' if zh else ';'}"), line
        assert ("fail" not in line and "pass" not in line) if zh else not any("\u4e00" <= c <= "\u9fff" for c in line)

    # The parcel check: the project's verdict and reasons in the user's language.
    parcels = done["parcels"]
    # the villages as 村级调查区 CJDCQ: its own code and name fields picked (no XZQDM there)
    assert parcels["values"] == {"PARCEL_ID": "DKBH", "VILLAGE_ID": "ZLDWDM", "VILLAGE_NAME": "ZLDWMC"}, parcels
    assert parcels["ok"] and not parcels["boxes"], parcels
    projects = _rows(parcels, "项目检查" if zh else "Project checks")
    assert projects, parcels["layers"].keys()
    for project in projects:
        reasons = project["reasons_zh"] if zh else project["reasons_en"]
        verdict = project["verdict"] if zh else project["verdict_en"]
        assert f"{project['project_id']} {project['name'] or ''}: {verdict} — {reasons}" in parcels["log"], \
            (project, parcels["log"])
    assert ("U01 新增耕地" if zh else "U01 net new cultivated land") in parcels["log"]
    assert not zh or "net new cultivated land" not in parcels["log"]
    assert shot.parent == tmp_path
