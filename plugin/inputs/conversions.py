"""Turning QGIS values into what the C core accepts: CRS strings, 2-D linear
WKB, and attribute values as UTF-8 codes."""

import math
from typing import Any, Optional

from qgis.PyQt.QtCore import QVariant
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsGeometry, QgsWkbTypes

# Authorities whose codes PROJ resolves by itself; anything else (USER:, custom
# CRSs) goes over as WKT.
_PROJ_AUTHORITIES = {"EPSG", "ESRI", "IGNF", "OGC"}


def _wkt_preferred() -> Any:
    # Became Qgis.CrsWktVariant.Preferred in QGIS 3.36 (Qt6 builds drop the old name).
    variants = getattr(Qgis, "CrsWktVariant", None)
    return variants.Preferred if variants is not None else QgsCoordinateReferenceSystem.WKT_PREFERRED


def crs_for_core(crs: QgsCoordinateReferenceSystem) -> str:
    """The CRS as the core's options want it: the authority code if PROJ knows
    it, otherwise the WKT of the CRS."""
    authid = crs.authid()
    if ":" in authid and authid.split(":", 1)[0].upper() in _PROJ_AUTHORITIES:
        return authid
    return crs.toWkt(_wkt_preferred())


def geometry_wkb(geometry: QgsGeometry) -> bytes:
    """ISO WKB of a 2-D linear geometry.

    Curves are segmentized and Z/M dropped because the core's contract is
    Polygon/MultiPolygon; areas are 2-D anyway.
    """
    wkb_type = geometry.wkbType()
    if QgsWkbTypes.isCurvedType(wkb_type) or QgsWkbTypes.hasZ(wkb_type) or QgsWkbTypes.hasM(wkb_type):
        part = geometry.constGet()
        linear = part.segmentize() if QgsWkbTypes.isCurvedType(wkb_type) else part.clone()
        linear.dropZValue()
        linear.dropMValue()
        geometry = QgsGeometry(linear)
    return bytes(geometry.asWkb())


def is_null(value: Any) -> bool:
    # PyQt5 returns NULL attributes as a null QVariant, Qt6 builds as None.
    return value is None or (isinstance(value, QVariant) and value.isNull())


def code_from_value(value: Any) -> Optional[str]:
    """Attribute value as a code string; None for NULL.

    Integer-valued reals become "12", not "12.0", so that a class stored as a
    double in one layer matches the same class stored as an integer in another.
    """
    if is_null(value):
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, QVariant):
        return str(value.value())
    return str(value)
