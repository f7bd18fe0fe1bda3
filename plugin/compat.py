"""Spellings that differ between QGIS 3.22 (Qt5) and Qt6 builds (QGIS >= 3.38)."""

from qgis.core import Qgis

if Qgis.QGIS_VERSION_INT >= 33800:
    # QgsField takes QMetaType.Type since 3.38; QVariant.Type is gone in Qt6.
    from qgis.PyQt.QtCore import QMetaType

    FIELD_STRING = QMetaType.Type.QString
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT64 = QMetaType.Type.LongLong
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_STRING = QVariant.String
    FIELD_DOUBLE = QVariant.Double
    FIELD_INT64 = QVariant.LongLong

# Qgis.DistanceUnit replaced QgsUnitTypes.DistanceUnit in 3.30.
_distance_units = getattr(Qgis, "DistanceUnit", None)
if _distance_units is not None:
    DISTANCE_METERS = _distance_units.Meters
else:
    from qgis.core import QgsUnitTypes

    DISTANCE_METERS = QgsUnitTypes.DistanceMeters

# QgsLegendStyle.Style is an enum class in Qt6 builds; Qgis.LegendComponent since 3.32.
_legend_components = getattr(Qgis, "LegendComponent", None)
if _legend_components is not None:
    LEGEND_STYLE_HIDDEN = _legend_components.Hidden
else:
    from qgis.core import QgsLegendStyle

    LEGEND_STYLE_HIDDEN = QgsLegendStyle.Hidden

# QgsFields.FieldOrigin became Qgis.FieldOrigin in 3.38 (the old name is gone in QGIS 4).
_field_origin = getattr(Qgis, "FieldOrigin", None)
if _field_origin is not None:
    FIELD_ORIGIN_PROVIDER = _field_origin.Provider
else:
    from qgis.core import QgsFields

    FIELD_ORIGIN_PROVIDER = QgsFields.OriginProvider
