"""Checks on QGIS inputs made before anything reaches the C core, so that
errors name the layer, field and feature the user can fix."""

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeatureSource, QgsUnitTypes,
                       QgsWkbTypes)

from ..compat import DISTANCE_METERS
from ..i18n import tr
from ..binding.errors import GuotuInputError


def require_polygon_source(source: QgsFeatureSource, label: str) -> None:
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
        raise GuotuInputError(
            tr('Layer "{layer}" must be a polygon layer, but its geometry type is {type}.')
            .format(layer=label, type=QgsWkbTypes.displayString(source.wkbType())))


def require_field(source: QgsFeatureSource, field: str, label: str) -> int:
    """Index of ``field`` in ``source``; raises if the name is empty or unknown."""
    if not field:
        raise GuotuInputError(tr('No field of layer "{layer}" was chosen.').format(layer=label))
    index = source.fields().lookupField(field)
    if index < 0:
        raise GuotuInputError(
            tr('Layer "{layer}" has no field "{field}". Its fields are: {fields}.')
            .format(layer=label, field=field, fields=", ".join(source.fields().names())))
    return index


def require_valid_crs(crs: QgsCoordinateReferenceSystem, label: str) -> None:
    if not crs.isValid():
        raise GuotuInputError(
            tr('Layer "{layer}" has no valid coordinate reference system; set its CRS first.')
            .format(layer=label))


def require_metric_crs(crs: QgsCoordinateReferenceSystem, label: str) -> None:
    """Planar areas are shoelace areas in CRS units: only metres give m²."""
    if crs.mapUnits() != DISTANCE_METERS:
        raise GuotuInputError(
            tr('Planar area needs a projected CRS in metres, but layer "{layer}" is in {crs} '
               '(units: {units}). Use the ellipsoidal method or reproject the layer: CGCS2000 data to the '
               '3-degree Gauss-Krüger zone of its central meridian (EPSG:4534–4554, e.g. EPSG:4527 for 117°E).')
            .format(layer=label, crs=crs.userFriendlyIdentifier(),
                    units=QgsUnitTypes.toString(crs.mapUnits())))
