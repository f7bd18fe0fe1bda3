"""Table columns in the user's language: Chinese titles (as the tool writes them for the
meeting) in the Chinese UI, the field names in the English UI — CSV headers, workbook
columns and the attribute table's aliases alike."""

from contextlib import contextmanager
from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.core import QgsVectorLayer


@contextmanager
def chinese(plugin_root: Path):
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _stats_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("None?field=admin_code:string&field=farmland_mu:double", "line_stats", "memory")
    assert layer.isValid()
    return layer


def test_headers_and_aliases_follow_the_ui_language(guotu, plugin_root: Path) -> None:
    from guotu.i18n import chinese_ui
    from guotu.lines.lines_report import stats_csv_text, style_stats_layer

    layer = _stats_layer()
    assert not chinese_ui()
    assert stats_csv_text([]).startswith("admin_code,admin_name,redline_ha")
    style_stats_layer(layer)
    assert layer.attributeDisplayName(1) == "farmland_mu"
    with chinese(plugin_root):
        assert chinese_ui()
        assert stats_csv_text([]).startswith("行政区代码,行政区名称,生态保护红线（公顷）")
        style_stats_layer(layer)
        assert layer.attributeDisplayName(1) == "永久基本农田（亩）"
    style_stats_layer(layer)  # back in English: the Chinese alias is removed again
    assert layer.attributeDisplayName(1) == "farmland_mu"


def test_the_chinese_csv_header_equals_the_tool_default(guotu, plugin_root: Path, tmp_path_factory,
                                                     tmp_path: Path) -> None:
    """In the Chinese UI the plugin's statistics CSV is headed as `guotu lines check --stats-csv`
    heads it by default; `--csv-headers names` heads it as the English UI does."""
    import lines_data as ld
    from guotu.lines.lines_report import stats_csv_text

    fx = ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")
    headers = {}
    for how in ("chinese", "names"):
        csv = tmp_path / f"{how}.csv"
        res = ld.cli_check(fx, fx / "ws.gpkg", tmp_path / f"{how}.gpkg", "--stats-csv", str(csv), "--csv-headers", how)
        assert res.returncode == 0, res.stderr
        headers[how] = csv.read_text(encoding="utf-8-sig").splitlines()[0]
    assert stats_csv_text([]).splitlines()[0] == headers["names"]
    with chinese(plugin_root):
        assert stats_csv_text([]).splitlines()[0] == headers["chinese"]
