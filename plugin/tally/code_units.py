"""Survey units known only by the parcels' own codes (三调 ZLDWDM: the first 6, 9 or 12
characters are the county, town and village, SPEC §8), as polygons: each unit the union of its
parcels. For the algorithms that need zone polygons (vouchers: mask, bottom lines, counties and
the market's trade lines work on them), as ``guotu voucher --zone-code-field`` makes them."""

from typing import Dict, List, Optional

from qgis.core import (QgsFeature, QgsFeatureSource, QgsFeedback, QgsField, QgsFields, QgsGeometry,
                       QgsMemoryProviderUtils, QgsVectorLayer, QgsWkbTypes)

from ..binding.errors import GuotuCancelled, GuotuInputError
from ..compat import FIELD_STRING
from ..i18n import tr
from ..inputs.conversions import code_from_value
from ..inputs.feature_reading import read_features, source_label
from ..inputs.validation import require_field, require_polygon_source

UNIT_ID_FIELD = "zone_id"
UNIT_NAME_FIELD = "zone_name"


def unit_of_code(code: Optional[str], length: int, fid: int, layer: str, field: str) -> str:
    """The unit of a parcel's code: its first ``length`` characters (0: the whole code). A code
    shorter than that is an error naming the feature, layer and field."""
    code = code or ""
    if length and len(code) < length:
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}": the unit code "{code}" of field "{field}" has {have} characters; '
               '{want} are needed.').format(fid=fid, layer=layer, code=code, field=field, have=len(code),
                                            want=length))
    return code[:length] if length else code


def name_of(names: Dict[str, str], code: str) -> Optional[str]:
    """The name of unit ``code``: its own entry, else one whose code is ``code`` followed only
    by zeros (a 三调 unit code padded to 19 characters). None when there is none."""
    if code in names:
        return names[code]
    for other, name in names.items():
        if other.startswith(code) and set(other[len(code):]) == {"0"}:
            return name
    return None


def units_layer(source: QgsFeatureSource, code_field: str, code_length: int,
                names: Optional[Dict[str, str]] = None, feedback: Optional[QgsFeedback] = None) -> QgsVectorLayer:
    """A memory layer of the units of ``source``'s parcels (as the user sees them): one
    MultiPolygon per unit, the union of its parcels, in the source's CRS, with the fields
    zone_id (the unit code) and zone_name (from ``names`` by name_of, "" without), in order of
    code. Parcels without geometry cover nothing and are skipped; a parcel without a code is an
    error naming it."""
    label = source_label(source)
    require_polygon_source(source, label)
    code_index = require_field(source, code_field, label)
    parts: Dict[str, List[QgsGeometry]] = {}
    total = max(1, source.featureCount())
    for n, feature in enumerate(read_features(source, [code_index])):
        if feedback is not None and feedback.isCanceled():
            raise GuotuCancelled()
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            continue
        code = code_from_value(feature.attribute(code_index))
        if not code:
            raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no unit code (field "{field}").')
                                  .format(fid=feature.id(), layer=label, field=code_field))
        unit = unit_of_code(code, code_length, feature.id(), label, code_field)
        parts.setdefault(unit, []).append(QgsGeometry(feature.geometry()))
        if feedback is not None:
            feedback.setProgress(50.0 * (n + 1) / total)
    if not parts:
        raise GuotuInputError(tr('Layer "{layer}" has no parcel with a geometry to make units of.')
                              .format(layer=label))
    fields = QgsFields()
    fields.append(QgsField(UNIT_ID_FIELD, FIELD_STRING))
    fields.append(QgsField(UNIT_NAME_FIELD, FIELD_STRING))
    layer = QgsMemoryProviderUtils.createMemoryLayer(tr("Units of {field}").format(field=code_field), fields,
                                                     QgsWkbTypes.MultiPolygon, source.sourceCrs())
    features = []
    for i, unit in enumerate(sorted(parts)):
        if feedback is not None and feedback.isCanceled():
            raise GuotuCancelled()
        geometry = QgsGeometry.unaryUnion(parts[unit])
        if geometry.isNull() or geometry.isEmpty():
            raise GuotuInputError(tr('The parcels of unit "{unit}" of layer "{layer}" could not be merged into one '
                                     'polygon.').format(unit=unit, layer=label))
        geometry.convertToMultiType()
        feature = QgsFeature(fields)
        feature.setAttributes([unit, (name_of(names, unit) or "") if names else ""])
        feature.setGeometry(geometry)
        features.append(feature)
        if feedback is not None:
            feedback.setProgress(50.0 + 50.0 * (i + 1) / len(parts))
    layer.dataProvider().addFeatures(features)
    return layer
