"""Reading features of QGIS sources for the core: every feature as the user sees it
(selection, filter, unsaved edits), invalid geometry passed on (the core reports or
repairs it), geometry brought into one CRS and handed over as WKB.

A damaged file is never taken for a shorter layer: QGIS ends an iteration quietly when its
provider fails to read (a malformed GeoPackage page ends it half-way), so every full read
is checked against the number of features the source reports and a shortfall is an error
naming the layer."""

from typing import Any, Iterator, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsCsException, QgsFeature, QgsFeatureRequest, QgsFeatureSource, QgsGeometry,
                       QgsProcessingFeatureSource, QgsRectangle)

from ..i18n import tr
from .conversions import code_from_value, geometry_wkb
from ..binding.errors import GuotuInputError
from .progress import PhasedProgress


def text_value(value: Any) -> str:
    """An attribute as trimmed text ("" for NULL; 12.0 as "12")."""
    code = code_from_value(value)
    return "" if code is None else code.strip()


def source_label(source: QgsFeatureSource) -> str:
    """The name of a source for messages."""
    return source.sourceName() or tr("(unnamed layer)")


def transform_to(source_crs: QgsCoordinateReferenceSystem, target_crs: QgsCoordinateReferenceSystem,
                 context: QgsCoordinateTransformContext) -> Optional[QgsCoordinateTransform]:
    """The transform from ``source_crs`` into ``target_crs``; None when they are the same."""
    return None if source_crs == target_crs else QgsCoordinateTransform(source_crs, target_crs, context)


def geometry_in_target(feature: QgsFeature, transform: Optional[QgsCoordinateTransform], label: str) -> QgsGeometry:
    """The feature's geometry in the target CRS (a copy when transformed); an error naming
    the feature and layer when it cannot be transformed."""
    geometry = feature.geometry()
    if transform is None:
        return geometry
    geometry = QgsGeometry(geometry)
    try:
        geometry.transform(transform)
    except QgsCsException as e:
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}')
            .format(fid=feature.id(), layer=label,
                    crs=transform.destinationCrs().userFriendlyIdentifier(), error=e)) from e
    return geometry


def read_features(source: QgsFeatureSource, attributes: Optional[List[int]] = None, geometry: bool = True,
                  filter_rect: Optional[QgsRectangle] = None) -> Iterator[QgsFeature]:
    """Every feature of ``source`` with the given attributes (all when None), without
    geometry when ``geometry`` is False, inside ``filter_rect`` when given. Geometry validity
    is the core's business (repair, report or fail), so Processing's own check, which would
    stop at the first invalid feature, is off. A read that ends before the number of features
    the source reports raises GuotuInputError: the file is damaged."""
    request = QgsFeatureRequest()
    if attributes is not None:
        request.setSubsetOfAttributes(attributes)
    if not geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    if filter_rect is not None:
        request.setFilterRect(filter_rect)
    if isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(request, QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks)
    else:
        features = source.getFeatures(request)
    read = 0
    for feature in features:
        read += 1
        yield feature
    if filter_rect is None:
        expected = source.featureCount()
        if expected >= 0 and read < expected:
            raise GuotuInputError(
                tr('Layer "{layer}" holds {expected} features but only {read} could be read: the file is damaged '
                   'or unreadable (or the count is an estimate: for a PostGIS layer, switch off "use estimated '
                   'table metadata"). Nothing was computed from it.').format(layer=source_label(source),
                                                                            expected=expected, read=read))


def features_in_crs(source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem,
                    context: QgsCoordinateTransformContext, label: str, attributes: List[int],
                    progress: PhasedProgress, reprojected: Optional[List[str]] = None
                    ) -> Iterator[Tuple[QgsFeature, bytes]]:
    """(feature, WKB in ``crs``) of every feature; WKB b"" for a feature without geometry.
    The label of a reprojected layer is added to ``reprojected``."""
    transform = transform_to(source.sourceCrs(), crs, context)
    if transform is not None and reprojected is not None:
        reprojected.append(label)
    for feature in read_features(source, attributes):
        progress.check_cancel()
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            yield feature, b""
            continue
        yield feature, geometry_wkb(geometry_in_target(feature, transform, label))
