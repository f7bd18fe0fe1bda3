"""Writes the default QML styles of the three-lines workspace layers (run by hand with
/usr/bin/python3 after changing a colour or the schema; the .qml files are committed).
PyQGIS writes them so that they are valid for the QGIS versions the plugin supports. The
styles also carry the Chinese field names of resources/presets/lines/workspace_schema.csv
as aliases (GDAL 3.6 does not store field aliases in a GeoPackage; QGIS reads them from
the default style)."""
import csv
from pathlib import Path

from qgis.core import (QgsApplication, QgsFillSymbol, QgsPalLayerSettings, QgsSingleSymbolRenderer,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtGui import QColor

# Colours follow common practice in Chinese planning maps: red line red, farmland yellow,
# urban boundary orange-purple outline, ecological units green dashes, admin units grey.
STYLES = {
    "ecological_redline": dict(color="227,26,28,110", outline_color="165,0,38,255", outline_width="0.5"),
    "permanent_farmland": dict(color="255,217,47,130", outline_color="153,112,0,255", outline_width="0.3"),
    "urban_boundary": dict(color="255,127,0,40", outline_color="122,1,119,255", outline_width="0.8",
                           outline_style="dash"),
    "eco_units": dict(color="0,0,0,0", outline_color="35,139,69,255", outline_width="0.6", outline_style="dot"),
    "admin_units": dict(color="0,0,0,0", outline_color="80,80,80,255", outline_width="1.0"),
}
LABELS = {"admin_units": "xzqmc", "eco_units": "unit_name"}


def schema_fields(schema: Path) -> dict:
    """layer -> [(field, type, Chinese name)] from the workspace schema."""
    fields: dict = {}
    for row in csv.DictReader(open(schema, encoding="utf-8")):
        kind = {"real": "double", "integer": "integer"}.get(row["type"], "string")
        fields.setdefault(row["layer"], []).append((row["field"], kind, row["name_zh"]))
    return fields


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    here = Path(__file__).resolve().parent
    fields = schema_fields(here.parents[1] / "presets" / "lines" / "workspace_schema.csv")
    for name, props in STYLES.items():
        uri = "MultiPolygon?crs=EPSG:4527" + "".join(f"&field={f}:{kind}" for f, kind, _ in fields[name])
        layer = QgsVectorLayer(uri, name, "memory")
        for index, (_, _, alias) in enumerate(fields[name]):
            layer.setFieldAlias(index, alias)
        layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(props)))
        if name in LABELS:
            settings = QgsPalLayerSettings()
            settings.fieldName = LABELS[name]
            text = QgsTextFormat()
            text.setColor(QColor(60, 60, 60))
            text.setSize(9)
            settings.setFormat(text)
            layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            layer.setLabelsEnabled(True)
        message, ok = layer.saveNamedStyle(str(here / f"{name}.qml"))
        assert ok, message
    app.exitQgis()


if __name__ == "__main__":
    main()
