"""Writes the default QML styles of `guotu tally`'s GeoPackage tables (resources/styles/tally/
tally.qml and area_check.qml), which the tool stores in its GeoPackage so that the tables open
with their Chinese column titles (resources/schemas/tally.csv, area_check.csv) as aliases, as
the plugin shows them in the Chinese UI (plugin/tally/tally_style.py). Run by hand with
/usr/bin/python3 after changing a schema's titles; the .qml files are committed."""
import csv
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE.parent / "schemas"
KINDS = {"text": "string", "real": "double", "integer": "integer"}


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    folder = HERE / "tally"
    folder.mkdir(exist_ok=True)
    for table in ("tally", "area_check"):
        with (SCHEMAS / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            columns = list(csv.DictReader(f))
        uri = "None" + "".join(f"{'?' if i == 0 else '&'}field={c['name']}:{KINDS[c['type']]}"
                               for i, c in enumerate(columns))
        layer = QgsVectorLayer(uri, table, "memory")
        assert layer.isValid(), uri
        for index, column in enumerate(columns):
            layer.setFieldAlias(index, column["title_zh"])  # the tool's GeoPackage is read in Chinese
        path = folder / f"{table}.qml"
        message, ok = layer.saveNamedStyle(str(path))
        assert ok, message
        print(path)
    app.exitQgis()


if __name__ == "__main__":
    main()
