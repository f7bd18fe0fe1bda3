"""Inputs and outputs of the algorithms that work on a three-lines workspace (and its
relatives, the parcel and border checks): the workspace GeoPackage parameter, its layers
opened for the run, optional feature sources, the names of the layers for messages, the
fields of an output table, and writing sinks."""

from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeatureSourceDefinition, QgsVectorLayer)

from ..compat import FIELD_DOUBLE, FIELD_INT64, FIELD_STRING
from ..i18n import tr
from .common import is_set

FIELD_KINDS = {"text": FIELD_STRING, "real": FIELD_DOUBLE, "integer": FIELD_INT64}


def fields_of(spec: Sequence[Tuple[str, ...]]) -> QgsFields:
    """The fields of an output table from (name, kind[, alias]) rows."""
    fields = QgsFields()
    for name, kind, *alias in spec:
        field = QgsField(name, FIELD_KINDS[kind])
        if alias:
            field.setAlias(alias[0])
        fields.append(field)
    return fields


def workspace_path(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
                   context: QgsProcessingContext) -> Optional[Path]:
    """The workspace GeoPackage parameter ``name``: None when not given; it must exist."""
    if not is_set(parameters.get(name)):
        return None
    path = Path(alg.parameterAsFile(parameters, name, context))
    if not path.is_file():
        raise QgsProcessingException(tr('The workspace "{path}" does not exist.').format(path=path))
    return path


def workspace_layer(workspace: Path, table: str, tables: List[str], owned: List[QgsVectorLayer]) -> QgsVectorLayer:
    """Layer ``table`` of the workspace, kept alive in ``owned`` for the run."""
    if table not in tables:
        raise QgsProcessingException(
            tr('The workspace "{path}" is missing the layer "{layer}"; make workspaces with "New three-lines '
               'workspace".').format(path=workspace, layer=table))
    layer = QgsVectorLayer(f"{workspace}|layername={table}", table, "ogr")
    if not layer.isValid():
        raise QgsProcessingException(tr('Layer "{layer}" of the workspace "{path}" cannot be opened.').format(
            layer=table, path=workspace))
    owned.append(layer)
    return layer


def optional_source(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
                    context: QgsProcessingContext):
    """The feature source of parameter ``name``, None when not given; an error when given
    but unreadable."""
    source = alg.parameterAsSource(parameters, name, context)
    if is_set(parameters.get(name)) and source is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, name))
    return source


def optional_text(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
                  context: QgsProcessingContext) -> Optional[str]:
    """A string parameter (a field name, a file): None when not given or empty."""
    if not is_set(parameters.get(name)):
        return None
    return alg.parameterAsString(parameters, name, context) or None


def layer_label(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str, context: QgsProcessingContext,
                fallback: str) -> str:
    """The layer name behind parameter ``name``, for messages; ``fallback`` otherwise."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    layer = value if isinstance(value, QgsVectorLayer) else None
    if layer is None and is_set(value):
        try:
            layer = alg.parameterAsVectorLayer(parameters, name, context)
        except QgsProcessingException:
            layer = None
    return layer.name() if layer is not None else fallback


def write_rows(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str, context: QgsProcessingContext,
               fields: QgsFields, wkb_type: int, crs, rows: Iterable) -> str:
    """Writes (attributes, geometry or None) rows to sink ``name``; its destination id."""
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    for attributes, geometry in rows:
        feature = QgsFeature(fields)
        feature.setAttributes(list(attributes))
        if geometry is not None and not geometry.isNull():
            feature.setGeometry(geometry)
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
    return dest_id
