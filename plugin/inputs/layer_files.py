"""The file behind a QGIS layer, when the core's I/O library may read it itself.

A layer qualifies when it is an OGR layer of a file (GeoPackage, File Geodatabase, shapefile
…) holding exactly what the user sees: no unsaved edits, no selection-only run, no feature
limit, no CRS or field that QGIS adds (a CRS set on the layer, an expression, a join). Its
subset string (the layer's filter) goes with it as an attribute filter, and a shapefile's
text encoding is the one QGIS reads it with. Anything else is read through QGIS; the reason
is given for the log. Used by the conversion and the tally.
"""

import os
from dataclasses import dataclass
from typing import Any, List, Optional, Tuple

from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProviderRegistry, QgsVectorLayer

from ..binding.io_native import LayerFile
from ..compat import FIELD_ORIGIN_PROVIDER
from ..i18n import tr

# Drivers whose files hold the text QGIS shows (no encoding override as with shapefiles).
FILE_DRIVERS = ("GPKG", "OpenFileGDB", "FileGDB", "SQLite", "GeoJSON", "FlatGeobuf", "GML", "KML", "MapInfo File",
                "ESRI Shapefile")
SHAPEFILE = "ESRI Shapefile"  # its text encoding is QGIS's choice (.cpg, or the layer's setting)


@dataclass
class FileInput:
    role: str
    layer: Optional[QgsVectorLayer]
    value: Any  # the parameter value (a layer, a source definition …)


def layer_file(item: FileInput, field: Optional[str], role: str) -> Tuple[Optional[LayerFile], str]:
    """The file behind one input (``field`` the attribute the run reads with each feature), or
    None and why it must be read through QGIS; ``role`` names the input in that reason."""
    layer, value = item.layer, item.value
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None, tr("{role}: not a layer of this project or a file").format(role=role)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly:
            return None, tr("{role}: selected features only").format(role=role)
        if getattr(value, "featureLimit", -1) not in (-1, None):
            return None, tr("{role}: a feature limit").format(role=role)
        if value.flags & QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck:
            return None, tr("{role}: its own geometry check").format(role=role)
    if layer.providerType() != "ogr":
        return None, tr("{role}: a {provider} layer").format(role=role, provider=layer.providerType())
    if layer.isModified():
        return None, tr("{role}: unsaved edits").format(role=role)
    storage = layer.dataProvider().storageType()
    if storage not in FILE_DRIVERS:
        return None, tr("{role}: a {format} file").format(role=role, format=storage or "?")
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not os.path.exists(path):
        return None, tr("{role}: no file").format(role=role)
    subset = layer.subsetString().strip()
    if subset.lower().startswith("select"):
        return None, tr("{role}: an SQL query as filter").format(role=role)
    layer_name = parts.get("layerName") or None
    if layer_name is None and parts.get("layerId") not in (None, 0, "0"):
        return None, tr("{role}: a layer chosen by number").format(role=role)
    # The core reads what the file says: a CRS the user set on the layer in QGIS, or a field
    # that QGIS adds (an expression, a join), is not in it.
    if layer.crs() != layer.dataProvider().crs():
        return None, tr("{role}: a CRS set in QGIS, not the file's").format(role=role)
    index = layer.fields().lookupField(field) if field else -1
    if field and (index < 0 or layer.fields().fieldOrigin(index) != FIELD_ORIGIN_PROVIDER):
        return None, tr("{role}: the field {field} is not in the file (an expression or a join)").format(
            role=role, field=field)
    return LayerFile(path, layer_name, subset or None, field), ""


def shapefile_encoding(inputs: List[FileInput]) -> Tuple[Optional[str], bool]:
    """(the text encoding QGIS reads the shapefile inputs with, or None without shapefiles;
    whether they agree — the core's run takes one encoding for all)."""
    encodings = {item.layer.dataProvider().encoding() for item in inputs
                 if isinstance(item.layer, QgsVectorLayer) and item.layer.providerType() == "ogr"
                 and item.layer.dataProvider().storageType() == SHAPEFILE}
    return (next(iter(encodings)) if encodings else None), len(encodings) <= 1
