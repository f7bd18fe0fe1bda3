"""Where guotu:landuseconversion writes: the conversion map and its tables in one GeoPackage.

Processing's default for every output is a temporary layer, which is lost when QGIS
closes. A planner who saves the conversion map to a GeoPackage gets the tables that were
left at that default written into the same file, under the names ``guotu convert`` uses
(conversions, transitions, status_summary, unknown_codes, line_summary), so one file holds
the whole result, as the CLI's does; the map's style is then stored in it as the layer's
default (see land_use_conversion.py). A table given a destination of its own (a file, a
layer of another GeoPackage, an explicit ``memory:``) is written where it was asked.

A map given as a plain ``.gpkg`` path becomes the layer ``conversions`` of that file; the
file is replaced, as Processing itself replaces a file given as a plain path, so no layer
of an earlier run is left beside the new ones.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsDataSourceUri, QgsProcessing, QgsProcessingOutputLayerDefinition, QgsProperty

MAP_TABLE = "conversions"


def sink_text(value: Any) -> str:
    """The destination text of a sink value ("" when none was given)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if value is None or not isinstance(value, str):
        return "" if value is None or value.__class__.__name__ == "QVariant" else str(value)
    return value


def is_default_temporary(value: Any) -> bool:
    """Whether a sink was left at Processing's default: a temporary layer (not an explicit
    ``memory:`` layer, which the caller asked for by name)."""
    return sink_text(value) in ("", QgsProcessing.TEMPORARY_OUTPUT)


def is_temporary(value: Any) -> bool:
    """Whether a sink is a layer that lives only in memory."""
    text = sink_text(value)
    return is_default_temporary(value) or text.startswith("memory:")


def geopackage_of(value: Any) -> Optional[Tuple[Path, Optional[str]]]:
    """(file, layer name or None) of a sink written to a GeoPackage file, else None.
    Understands a plain path, ``path|layername=NAME`` and Processing's
    ``ogr:dbname='path' table="NAME" (geom)``."""
    text = sink_text(value)
    if text.startswith("ogr:"):
        uri = QgsDataSourceUri(text[4:])
        database = uri.database()
        if database.lower().endswith(".gpkg"):
            return Path(database), uri.table() or None
        return None
    path, _bar, options = text.partition("|")
    if not path.lower().endswith(".gpkg") or path.startswith(("memory:", "postgres:", "postgis:")):
        return None
    layer = None
    for option in options.split("|"):
        key, _eq, name = option.partition("=")
        if key.strip().lower() == "layername" and name.strip():
            layer = name.strip()
    return Path(path), layer


def plain_file_destinations(parameters: Dict[str, Any]) -> Dict[str, Any]:
    """``parameters`` with every ``ogr:dbname='file.gpkg' …`` sink given as the plain file
    (what the base algorithm's clean-up of new outputs understands)."""
    plain = dict(parameters)
    for name, value in parameters.items():
        target = geopackage_of(value)
        if target is not None and sink_text(value).startswith("ogr:"):
            plain[name] = str(target[0])
    return plain


def gpkg_destination(path: Path, table: str, geometry: bool, like: Any) -> QgsProcessingOutputLayerDefinition:
    """A sink writing ``table`` into the GeoPackage ``path``; loading into a project and the
    layer's display name are those of ``like`` (the value it replaces)."""
    quoted = str(path).replace("'", "\\'")
    definition = QgsProcessingOutputLayerDefinition(
        f"ogr:dbname='{quoted}' table=\"{table}\"" + (" (geom)" if geometry else ""))
    if isinstance(like, QgsProcessingOutputLayerDefinition):
        definition.destinationProject = like.destinationProject
        definition.destinationName = like.destinationName
        definition.createOptions = like.createOptions
    return definition


@dataclass
class OutputPlan:
    """The parameters to run with, and where the map went."""
    parameters: Dict[str, Any]
    gpkg: Optional[Path] = None           # the GeoPackage holding the map, if any
    map_layer: Optional[str] = None       # the map's layer in it
    moved: Dict[str, str] = field(default_factory=dict)  # output parameter -> table written into gpkg
    replaced: bool = False                # an earlier file of that name was removed

    @property
    def temporary_map(self) -> bool:
        return self.gpkg is None and is_temporary(self.parameters.get("CONVERSIONS"))


def plan_outputs(parameters: Dict[str, Any], map_name: str, tables: Dict[str, str],
                 wanted: List[str]) -> OutputPlan:
    """The run's parameters with the tables of ``tables`` (output name -> table name) that
    are in ``wanted`` and were left temporary by default moved into the map's GeoPackage.
    The file of a map given as a plain path is removed here (Processing would replace it):
    call this only after checkParameterValues (an output is never an input)."""
    result = dict(parameters)
    target = geopackage_of(parameters.get(map_name))
    if target is None:
        return OutputPlan(result)
    path, layer = target
    plan = OutputPlan(result, gpkg=path, map_layer=layer)
    if layer is None:  # a plain path: the map is the layer "conversions" of a new file
        plan.map_layer = MAP_TABLE
        if path.exists():
            for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
                try:
                    os.remove(leftover)
                except FileNotFoundError:
                    pass
            plan.replaced = True
        result[map_name] = gpkg_destination(path, MAP_TABLE, True, parameters.get(map_name))
    for name, table in tables.items():
        if name not in wanted or not is_default_temporary(parameters.get(name)):
            continue
        if table == plan.map_layer:
            table = f"{plan.map_layer}_{table}"
        result[name] = gpkg_destination(path, table, False, parameters.get(name))
        plan.moved[name] = table
    return plan
