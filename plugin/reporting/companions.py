"""Finding the other outputs of the run a layer came from (the reasons of a parcel check,
the shared borders of a border comparison...), for the review docks."""

from pathlib import Path
from typing import Callable, Optional

from qgis.core import QgsProject, QgsVectorLayer


def companion_layer(project: QgsProject, layer: Optional[QgsVectorLayer], table: str,
                    matches: Callable[[QgsVectorLayer], bool]) -> Optional[QgsVectorLayer]:
    """Table ``table`` of the GeoPackage ``layer`` comes from — the project's layer of it when
    loaded, else the table opened — or, for layers not from a GeoPackage (memory outputs),
    the first project layer other than ``layer`` that ``matches``."""
    source = layer.source().split("|", 1)[0] if layer is not None else ""
    if source.lower().endswith(".gpkg") and Path(source).is_file():
        for candidate in project.mapLayers().values():
            if isinstance(candidate, QgsVectorLayer) and candidate.source().split("|", 1)[0] == source and \
                    f"layername={table}" in candidate.source():
                return candidate
        candidate = QgsVectorLayer(f"{source}|layername={table}", table, "ogr")
        if candidate.isValid():
            return candidate
    for candidate in project.mapLayers().values():
        if isinstance(candidate, QgsVectorLayer) and candidate is not layer and matches(candidate):
            return candidate
    return None


def has_fields(*names: str) -> Callable[[QgsVectorLayer], bool]:
    return lambda layer: all(layer.fields().lookupField(name) >= 0 for name in names)
