"""Reading features of QGIS sources for the core: every feature as the user sees it
(selection, filter, unsaved edits), invalid geometry passed on (the core reports or
repairs it), geometry brought into one CRS and handed over as WKB."""

from typing import Any, Iterator, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource

from .conversions import code_from_value, geometry_wkb
from .progress import PhasedProgress
from .tally import _features, _geometry_in_target, _transform


def text_value(value: Any) -> str:
    """An attribute as trimmed text ("" for NULL; 12.0 as "12")."""
    code = code_from_value(value)
    return "" if code is None else code.strip()


def features_in_crs(source: QgsFeatureSource, crs: QgsCoordinateReferenceSystem,
                    context: QgsCoordinateTransformContext, label: str, attributes: List[int],
                    progress: PhasedProgress, reprojected: Optional[List[str]] = None
                    ) -> Iterator[Tuple[QgsFeature, bytes]]:
    """(feature, WKB in ``crs``) of every feature; WKB b"" for a feature without geometry.
    The label of a reprojected layer is added to ``reprojected``."""
    transform = _transform(source.sourceCrs(), crs, context)
    if transform is not None and reprojected is not None:
        reprojected.append(label)
    for feature in _features(source, attributes):
        progress.check_cancel()
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            yield feature, b""
            continue
        yield feature, geometry_wkb(_geometry_in_target(feature, transform, label))
