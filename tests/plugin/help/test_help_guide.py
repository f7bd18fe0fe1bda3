"""The user guide: every algorithm's Help button opens a page section built from its own
help and parameters, in the user's language; the menu opens the page."""

import html
from pathlib import Path
from urllib.parse import urlparse

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.core import QgsApplication

pytestmark = pytest.mark.usefixtures("provider")


def _guotu_algorithms():
    provider = QgsApplication.processingRegistry().providerById("guotu")
    assert provider is not None
    return provider.algorithms()


def test_every_algorithm_help_url_opens_its_section_of_the_guide(guotu):
    algorithms = _guotu_algorithms()
    assert len(algorithms) >= 11
    for algorithm in algorithms:
        url = urlparse(algorithm.helpUrl())
        assert url.scheme == "file" and url.fragment == algorithm.name(), algorithm.helpUrl()
        page = Path(url.path)
        assert page.is_file()
        text = page.read_text(encoding="utf-8")
        assert f'id="{algorithm.name()}"' in text
        assert algorithm.displayName() in text
        # The parameters a user fills in are listed with the names the dialog shows.
        for parameter in algorithm.parameterDefinitions():
            assert html.escape(parameter.description()) in text, parameter.name()


def test_guide_is_written_atomically_and_only_when_it_changed(guotu, tmp_path: Path):
    from guotu.help.guide import write_guide

    algorithms = _guotu_algorithms()
    path = write_guide(algorithms, tmp_path, version="9.9.9")
    first = path.stat().st_mtime_ns
    assert write_guide(algorithms, tmp_path, version="9.9.9") == path
    assert path.stat().st_mtime_ns == first
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind
    assert "9.9.9" in path.read_text(encoding="utf-8")


def test_guide_in_chinese_when_the_ui_is_chinese(guotu, plugin_root: Path, tmp_path: Path):
    from guotu.help.guide import write_guide

    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        algorithms = _guotu_algorithms()
        path = write_guide(algorithms, tmp_path)
        text = path.read_text(encoding="utf-8")
        assert path.name == "guide_zh_CN.html"
        assert "用户指南" in text and 'lang="zh_CN"' in text
        assert "Parameters" not in text and "参数" in text
    finally:
        QCoreApplication.removeTranslator(translator)


def test_algorithms_are_grouped_by_feature(guotu):
    """The toolbox groups the tools by what a planner does: border conflicts are not a
    three-lines tool (they were listed there)."""
    groups = {a.name(): a.groupId() for a in _guotu_algorithms()}
    assert groups["borderconflicts"] == groups["borderreport"] == "border"
    assert groups["threelinescheck"] == groups["threelinesworkspace"] == "threelines"
    assert len({a.group() for a in _guotu_algorithms()}) == len(set(groups.values()))
