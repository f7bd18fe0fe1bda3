"""Writes conversions.qml, the style of land-use conversion pieces with every legal path of
the policy preset (run by hand with /usr/bin/python3 after changing a colour or the policy
preset; the .qml is committed). The style is the plugin's own (plugin/core/conversion_style.py):
categorized on status, one colour per legal path, bilingual legend. Load it onto the
``conversions`` layer of ``guotu convert`` output (Layer Properties ▸ Symbology ▸ Style ▸
Load Style); the plugin styles its outputs by itself and stores the style in GeoPackages."""
import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
FIELDS = "&".join(f"field={name}:{'double' if name in ('area_ha', 'dm_ha') else 'string'}" for name in (
    "from_code", "to_code", "from_category", "to_category", "status", "path_zh", "path_en", "area_ha", "dm_ha",
    "zone_id"))


def import_plugin():
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    import_plugin()
    from guotu.conversion.conversion_style import conversion_renderer, preset_path_order

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4527&{FIELDS}", "conversions", "memory")
    layer.setRenderer(conversion_renderer(preset_path_order(), bilingual=True))
    message, ok = layer.saveNamedStyle(str(HERE / "conversions.qml"))
    assert ok, message
    print(HERE / "conversions.qml")
    app.exitQgis()


if __name__ == "__main__":
    main()
