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


def test_voucher_report_parameters_in_the_readers_language(guotu, plugin_root: Path):
    """The parameters page of the voucher report: titles and values of the audit table in
    Chinese in the Chinese UI (the raw key kept beside the title for the audit)."""
    from guotu.voucher.voucher_report import parameter_title, parameter_value

    assert parameter_title("baseline") == "Baseline M0 (baseline)"
    assert parameter_value("baseline", "base-year") == "base year"
    assert parameter_value("base", "/data/lu.gpkg") == "/data/lu.gpkg"  # paths as they are
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for item, value in (("baseline", "base-year"), ("baseline", "protection-rate"), ("area_method", "ellipsoidal"),
                            ("invalid_policy", "repair"), ("allocation", "pro-rata"), ("settlement", "enclave"),
                            ("raster_mode", "exact"), ("reference", "zones")):
            assert not re.search(r"[A-Za-z]", parameter_value(item, value)), (item, value)
            assert parameter_title(item).endswith(f"({item})") and re.search(r"[\u4e00-\u9fff]", parameter_title(item))
        from guotu.voucher.voucher_report import key_figures

        figures = dict(key_figures({}, {"baseline": "base-year", "area_method": "planar"}))
        assert figures and not any(re.search(r"[A-Za-z]", value) for value in figures.values()), figures
        description = "ellipsoidal on China 2000 (CGCS2000, a=6378137.000, 1/f=298.257222101)"
        assert parameter_value("area_description", description).startswith("椭球面积")
    finally:
        QCoreApplication.removeTranslator(translator)
