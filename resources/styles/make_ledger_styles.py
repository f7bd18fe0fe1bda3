"""Writes the default QML styles of `guotu ledger`'s outputs (resources/styles/ledger/*.qml),
which the tool stores in its GeoPackage so that the layers open styled — the unit map by
verdict, the certificates by reclaimed land — with the Chinese column names as aliases. The
styles are the plugin's own (plugin/ledger/ledger_style.py). Run by hand with /usr/bin/python3
after changing a style or a field list; the .qml files are committed."""
import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
KINDS = {"text": "string", "real": "double", "integer": "integer"}


def import_plugin() -> None:
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    import_plugin()
    from guotu.ledger import ledger_run as lr
    from guotu.ledger import ledger_style as ls

    folder = HERE / "ledger"
    folder.mkdir(exist_ok=True)
    for name, geometry, fields, style in (
            ("unit_ledger", "MultiPolygon", lr.UNIT_FIELDS, ls.style_units_layer),
            ("unit_grades", "None", lr.GRADE_FIELDS, ls.style_grades_table),
            ("certificates", "MultiPolygon", lr.CERTIFICATE_FIELDS, ls.style_certificates_layer),
            ("project_certificates", "None", lr.PROJECT_FIELDS, ls.style_projects_table)):
        uri = f"{geometry}?crs=EPSG:4527" + "".join(f"&field={f}:{KINDS[kind]}" for f, kind, _ in fields)
        layer = QgsVectorLayer(uri, name, "memory")
        style(layer)
        for index, (_field, _kind, alias) in enumerate(fields):
            layer.setFieldAlias(index, alias)  # the tool's GeoPackage is read in Chinese
        path = folder / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(path))
        assert ok, message
        print(path)
    app.exitQgis()


if __name__ == "__main__":
    main()
