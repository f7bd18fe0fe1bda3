"""Writes the default QML style of `guotu indicators`' unit map (indicator_units.qml), which
the tool stores in its GeoPackage so that the layer opens coloured by the number of failed
indicators, with the Chinese field names as aliases. The style is the plugin's own
(plugin/indicators/indicators_style.py) with bilingual legend entries, as the tool has no
user language. Run by hand with /usr/bin/python3 after changing the style; the .qml is
committed."""
import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
KINDS = {"text": "string", "real": "double", "integer": "integer"}
TITLES = ["全部达标 all indicators met", "1 项未达标 1 indicator failed", "2 项未达标 2 indicators failed",
          "3 项及以上未达标 3 or more failed"]


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)
    from guotu.indicators.indicators_check import UNIT_FIELDS
    from guotu.indicators.indicators_style import style_units_layer

    uri = "MultiPolygon?crs=EPSG:4527" + "".join(f"&field={f}:{KINDS[kind]}" for f, kind, _ in UNIT_FIELDS)
    layer = QgsVectorLayer(uri, "indicator_units", "memory")
    style_units_layer(layer, TITLES)
    for index, (_name, _kind, alias) in enumerate(UNIT_FIELDS):
        layer.setFieldAlias(index, alias)
    path = HERE / "indicator_units.qml"
    message, ok = layer.saveNamedStyle(str(path))
    assert ok, message
    print(path)
    app.exitQgis()


if __name__ == "__main__":
    main()
