"""The core's area-method description reaches the user in the user's language (the audit
tables keep the core's English text)."""

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, QTranslator


def _descriptions():
    from guotu.binding.native import AreaCalculator, AreaMethod, Context

    with Context() as ctx:
        with AreaCalculator(ctx, "EPSG:4490", AreaMethod.ELLIPSOIDAL) as ellipsoidal, \
                AreaCalculator(ctx, "EPSG:4527", AreaMethod.PLANAR) as planar:
            return ellipsoidal.describe(), planar.describe()


def test_area_method_text_in_english_and_chinese(guotu, plugin_root: Path):
    from guotu.inputs.area_text import area_method_text

    ellipsoidal, planar = _descriptions()
    assert ellipsoidal.startswith("ellipsoidal on ")
    english = area_method_text(ellipsoidal)
    assert english.startswith("ellipsoidal: datum ") and "a = 6378137.000 m" in english
    translator = QTranslator()
    assert translator.load(str(plugin_root / "guotu" / "resources" / "i18n" / "guotu_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        chinese = area_method_text(ellipsoidal)
        assert chinese.startswith("椭球面积") and "ellipsoidal" not in chinese and "6378137.000" in chinese
        assert area_method_text(planar).startswith("平面面积")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert area_method_text("something new") == "something new"  # unknown text is shown as it is
