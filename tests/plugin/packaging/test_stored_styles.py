"""The QML styles the tool stores in its GeoPackages (resources/styles/<folder>/<name>.qml) are
what resources/styles/make_styles.py makes now from the plugin's stylers and the schemas: a
styler or a schema title changed without regenerating fails here, naming the file."""

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType
from typing import Dict, List

import pytest
from qgis.PyQt.QtCore import QCoreApplication
from qgis.core import QgsVectorLayer

from conftest import REPO

GENERATOR = REPO / "resources" / "styles" / "make_styles.py"
OTHER_QGIS = 3  # make_styles' exit code under a QGIS other than the one the files are written with


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_styles", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess:
    """The generator in a process of its own (its own QGIS application, the plugin of this
    checkout), as a developer runs it."""
    res = subprocess.run([sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=120)
    if res.returncode == OTHER_QGIS:
        pytest.skip(res.stderr.strip())
    return res


def test_committed_styles_are_what_the_generator_makes() -> None:
    res = _run("--check")
    assert res.returncode == 0, (res.stdout + res.stderr)
    assert f"{len(_generator().STYLES)} styles up to date" in res.stdout


def test_check_names_each_stale_or_unknown_file(tmp_path: Path) -> None:
    """A committed folder with one legend label edited by hand, one style missing and one file
    no entry of the table writes: --check exits 1 and names exactly those three."""
    committed = tmp_path / "styles"
    shutil.copytree(GENERATOR.parent, committed, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    issues = committed / "border" / "basemap_issues.qml"
    text = issues.read_text(encoding="utf-8")
    assert text.count('label="底图与输入问题 Base-map and input issues"') == 1
    issues.write_text(text.replace('label="底图与输入问题 Base-map and input issues"', 'label="Base-map and input issues"'),
                      encoding="utf-8")
    (committed / "tally" / "area_check.qml").unlink()
    (committed / "tally" / "old_table.qml").write_text("<qgis/>", encoding="utf-8")
    res = _run("--check", "--committed", str(committed))
    assert res.returncode == 1, res.stdout + res.stderr
    assert re.findall(r"^stale: (\S+)$", res.stdout, re.M) == [
        "border/basemap_issues.qml", "tally/area_check.qml", "tally/old_table.qml"]
    assert "make_styles.py" in res.stderr


def test_every_table_entry_has_its_file_and_every_file_an_entry() -> None:
    generator = _generator()
    listed = sorted(f"{s.path}.qml" for s in generator.STYLES)
    on_disk = sorted(str(p.relative_to(GENERATOR.parent)) for p in GENERATOR.parent.glob("*/*.qml"))
    assert listed == on_disk
    assert len(set(listed)) == len(listed) == 34


def test_the_files_load_with_the_schema_titles_as_aliases(qgis_app) -> None:
    """Sorted attributes and derived rule keys are still a style QGIS reads: each file loads
    onto a layer of its columns, gives them the schema's Chinese titles, and the labels of a
    labelled layer are in the stored font."""
    generator = _generator()
    for style in generator.STYLES:
        columns = generator.columns_of(style)
        uri = f"{style.geometry}?crs=EPSG:4527" + "".join(f"&field={n}:{generator.KINDS[k]}" for n, k, _ in columns)
        layer = QgsVectorLayer(uri, "check", "memory")
        message, ok = layer.loadNamedStyle(str(GENERATOR.parent / f"{style.path}.qml"))
        assert ok, (style.path, message)
        assert [layer.attributeAlias(i) for i in range(len(columns))] == [t for _, _, t in columns], style.path
        if layer.labelsEnabled():
            family = layer.labeling().settings().format().font().family()
            assert family == generator.STORED_FONT, style.path


def test_tables_take_their_titles_from_the_schemas() -> None:
    """The tally table's aliases follow resources/schemas/tally.csv, the optional zone name's too
    (the tool adds it with --zone-name); the conflicts style knows no review columns (a CLI
    output has none, so the style draws every conflict unreviewed)."""
    generator = _generator()
    by_path = {s.path: s for s in generator.STYLES}
    assert generator.columns_of(by_path["tally/tally"]) == [
        ("zone_id", "text", "分区编号"), ("zone_name", "text", "分区名称"), ("class_code", "text", "地类编码"),
        ("area_ha", "real", "面积（公顷）")]
    conflicts = [n for n, _, _ in generator.columns_of(by_path["border/border_conflicts"])]
    assert "conflict_id" in conflicts and "review_status" not in conflicts
    sites = [n for n, _, _ in generator.columns_of(by_path["priorities/ranked_sites"])]
    assert sites == ["site_fid", "site_id", "front", "crowding", "lex_rank"]


# ---- languages: a stored style speaks both ----------------------------------------------

CHINESE = re.compile("[\u4e00-\u9fff]")


def _legend_labels(path: Path) -> List[str]:
    """The legend entries of a QML file: the labels of its categories, ranges and rules."""
    root = ElementTree.parse(str(path)).getroot()
    return [e.get("label", "") for e in root.iter() if e.tag in ("category", "range", "rule") and e.get("label")]


def test_every_stored_legend_entry_is_in_chinese_then_english() -> None:
    """A file the tool writes is opened later in a QGIS of either language: each legend entry
    of each stored style has its Chinese words first and the English after them, once."""
    generator = _generator()
    labels = {s.path: _legend_labels(GENERATOR.parent / f"{s.path}.qml") for s in generator.STYLES}
    found = [(path, label) for path, names in labels.items() for label in names]
    assert len(found) >= 60 and len([p for p, names in labels.items() if names]) >= 15
    # Chinese somewhere, English words, the English last; never one half twice ("通过 passed 通过 passed")
    wrong = [(path, label) for path, label in found
             if not CHINESE.search(label) or not re.search("[A-Za-z]{2}", label)
             or CHINESE.search(label.split(" ")[-1]) or re.fullmatch(r"(.+) \1", label)]
    assert not wrong, wrong
    # the verdicts as the .ts names them, each language once (no "通过 passed 通过 passed")
    assert labels["parcels/parcel_checks"] == ["通过 passed", "有条件通过 passed with conditions", "不通过 failed"]
    assert labels["parcels/parcel_reasons"] == ["不通过 failed", "条件 Condition", "说明 Note"]
    assert labels["indicators/indicator_units"] == [
        "约束性指标全部达标 All binding indicators met", "1 项指标未达标 1 indicator failed",
        "2 项指标未达标 2 indicators failed", "3 项及以上指标未达标 3 or more indicators failed"]
    assert labels["priorities/ranked_sites"][0] == "第 1 前沿（帕累托前沿） Front 1 (Pareto front)"
    # the conversion legend has its own bilingual words (paths in both): not paired again
    conversion = labels["conversion/conversions"]
    assert conversion[:4] == ["禁止 prohibited", "政策空白 policy gap", "有条件 conditional",
                              "路径 path: 土地整理；园地山坡地改造 (land consolidation; hillside orchard conversion)"]
    assert all(label.count("禁止") <= 1 and label.count("路径") == (1 if "path:" in label else 0) for label in conversion)


TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context><name>Guotu</name>
<message><source>passed</source><translation>通过</translation></message>
<message><source>en</source><translation>zh_CN</translation></message>
<message><source>{n} parcels ({area:.1f} ha)</source><translation>{n} 个地块（{area:.1f} 公顷）</translation></message>
<message><source>{n} units</source><translation>{count} 个单元</translation></message>
<message><source>Gap</source><translation type="unfinished">缝隙</translation></message>
<message><source>Overlap</source><translation type="vanished">重叠</translation></message>
<message><source>Note</source><translation></translation></message>
<message><source>PDF</source><translation>PDF</translation></message>
</context>
<context><name>Other</name>
<message><source>failed</source><translation>不通过</translation></message>
</context>
</TS>
"""


def test_translations_read_as_lrelease_releases_them(tmp_path: Path) -> None:
    """Finished translations of the plugin's context only; a template whose Chinese names
    other fields is left out (pairing it would break .format)."""
    generator = _generator()
    ts = tmp_path / "guotu_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    found = generator.read_translations(ts, "Guotu")
    assert found == {"passed": "通过", "en": "zh_CN", "{n} parcels ({area:.1f} ha)": "{n} 个地块（{area:.1f} 公顷）",
                     "PDF": "PDF"}
    pairs: Dict[str, str] = {text: generator.bilingual(text, found) for text in
                             ("passed", "en", "PDF", "Gap", "{n} units", "{n} parcels ({area:.1f} ha)")}
    assert pairs == {"passed": "通过 passed", "en": "en", "PDF": "PDF", "Gap": "Gap", "{n} units": "{n} units",
                     "{n} parcels ({area:.1f} ha)": "{n} 个地块（{area:.1f} 公顷） {n} parcels ({area:.1f} ha)"}
    assert pairs["{n} parcels ({area:.1f} ha)"].format(n=3, area=1.25) == "3 个地块（1.2 公顷） 3 parcels (1.2 ha)"


def test_the_translator_pairs_the_plugins_texts_only(guotu) -> None:
    """Installed, it answers the plugin's context in both languages and leaves QGIS's own
    texts alone; the plugin still takes the run for an English one (tr("en") unpaired), so
    the stylers choose columns and fields as in English and only their words change."""
    from guotu.i18n import CONTEXT, chinese_ui, tr

    generator = _generator()
    translator = generator.bilingual_translator(generator.read_translations(generator.TRANSLATIONS, CONTEXT), CONTEXT)
    assert QCoreApplication.installTranslator(translator)
    try:
        assert tr("passed") == "通过 passed"
        assert tr("Invalid geometry") == "几何无效 Invalid geometry"
        assert tr("no such text in the plugin") == "no such text in the plugin"
        assert QCoreApplication.translate("QgsVectorLayer", "passed") == "passed"
        assert tr("en") == "en" and not chinese_ui()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("passed") == "passed"
