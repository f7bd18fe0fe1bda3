"""Every tr() text of the plugin is translated into Chinese, and the compiled
.qm really translates the plugin at run time."""

import importlib.util
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, Set

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

TS = REPO / "resources" / "i18n" / "guotu_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?[a-z]+>")


def _package_script():
    spec = importlib.util.spec_from_file_location("package_plugin", REPO / "scripts" / "package_plugin.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tr_texts() -> Set[str]:
    return {text for text, _, _ in _package_script().tr_calls(REPO / "plugin")}


def _ts_messages(path: Path = TS) -> Dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    contexts = root.findall("context")
    assert [c.findtext("name") for c in contexts] == ["Guotu"]
    return {m.findtext("source"): m.find("translation") for m in contexts[0].findall("message")}


def test_ast_scan_agrees_with_pylupdate5(tmp_path):
    if shutil.which("pylupdate5") is None:
        pytest.skip("pylupdate5 not installed")
    out = tmp_path / "scan.ts"
    sources = sorted(str(p) for p in (REPO / "plugin").rglob("*.py"))
    subprocess.run(["pylupdate5", *sources, "-ts", str(out)], check=True, capture_output=True)
    found = {m.findtext("source") for m in ET.parse(out).getroot().iter("message")}
    assert found == _tr_texts()


def test_every_tr_text_is_translated_and_finished():
    messages = _ts_messages()
    missing = sorted(_tr_texts() - set(messages))
    assert not missing, f"not in {TS.name} (run scripts/package_plugin.py --update-ts): {missing}"
    for text in _tr_texts():
        translation = messages[text]
        assert translation.get("type") is None, f"unfinished/vanished: {text!r}"
        assert (translation.text or "").strip(), f"empty translation: {text!r}"
    assert "unfinished" not in TS.read_text(encoding="utf-8")


def test_translations_keep_placeholders_and_markup():
    for source, translation in _ts_messages().items():
        if translation.get("type") == "vanished":
            continue
        target = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(target)), source
        assert sorted(TAG.findall(source)) == sorted(TAG.findall(target)), source
    # The algorithm's tags are one comma-separated text split after translation.
    tags = next(s for s in _ts_messages() if s.startswith("area,land use,"))
    assert "，" not in _ts_messages()[tags].text  # an ideographic comma would not split


def test_update_ts_is_a_no_op_on_the_committed_file(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    added, vanished = _package_script().update_ts(copy, sorted(_tr_texts()))
    assert (added, vanished) == (0, 0)
    assert _ts_messages(copy).keys() == _ts_messages().keys()


def test_update_ts_adds_new_texts_unfinished_and_keeps_old_ones(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    texts = sorted(_tr_texts())
    added, vanished = _package_script().update_ts(copy, texts[1:] + ["A brand new text"])
    assert (added, vanished) == (1, 1)
    messages = _ts_messages(copy)
    assert messages["A brand new text"].get("type") == "unfinished"
    assert messages[texts[0]].get("type") == "vanished" and messages[texts[0]].text


def test_compiled_qm_translates_the_algorithm(provider, plugin_root: Path):
    qm = plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"
    assert qm.is_file()
    translator = QTranslator()
    assert translator.load(str(qm))
    algorithm = provider.algorithm("areabyclass")
    assert algorithm.displayName() == "Area by zone and land-use class"
    QCoreApplication.installTranslator(translator)
    try:
        assert algorithm.displayName() == "按分区统计地类面积"
        assert algorithm.group() == "统计"
        assert "椭球面积" in algorithm.shortHelpString()
        # Parameters are built when an instance is created: a new one speaks Chinese.
        fresh = algorithm.create()
        assert fresh.parameterDefinition("AREA_METHOD").options() == ["椭球面积", "平面面积"]
        assert fresh.parameterDefinition("ZONES").description() == "分区"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert algorithm.displayName() == "Area by zone and land-use class"


def test_translator_file_lookup_for_qgis_locale_names(guotu, plugin_root: Path):
    from guotu.translator import translation_file

    folder = plugin_root / "guotu" / "resources" / "i18n"
    for locale in ("zh_CN", "zh-Hans", "zh", "zh_SG"):
        assert translation_file(locale, folder) == folder / "guotu_zh_CN.qm", locale
    assert translation_file("en_US", folder) is None
    assert translation_file("fr", folder) is None
