"""The user's words, never the core's ids: every conflict kind and detail the core's header
names has a title, in English and in Chinese (no "double_claim" in the Chinese UI)."""

import re
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from conftest import REPO

HEADER = REPO / "core" / "include" / "guotu" / "guotu_border.h"


def core_ids():
    text = HEADER.read_text(encoding="utf-8")
    kinds = set(re.findall(r'^ \*  - "(\w+)"', text, re.M))
    details = set(re.findall(r'detail "(\w+)"', text))
    return kinds, details


def test_every_conflict_kind_and_detail_has_words_in_both_languages(guotu, plugin_root: Path):
    from guotu.border.border_check import conflict_title

    kinds, details = core_ids()
    assert {"overlap", "gap", "discontinuity"} <= kinds and details == {"crossing", "double_claim"}
    for kind in kinds:
        for detail in details | {""}:
            assert "_" not in conflict_title(kind, detail), (kind, detail)
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for kind in kinds:
            for detail in details | {""}:
                title = conflict_title(kind, detail)
                assert not re.search(r"[A-Za-z]", title), (kind, detail, title)
    finally:
        QCoreApplication.removeTranslator(translator)
