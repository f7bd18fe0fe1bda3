"""The urban space of the voucher mask from the target survey's own 城镇村属性码 (三调 CZCSXM: 201
city, 202 town, 203 village, 204 salt pans and mining, 205 special use; an A suffix marks a
unit's independent industrial land, so 201A counts as 201 — SPEC §8), as ``guotu voucher
--mask-czcsxm`` reads it: the survey's parcels whose code starts with one of the codes given."""

import re
from typing import List, Optional

from qgis.core import QgsFeature, QgsFeatureSource, QgsFeedback, QgsGeometry, QgsMemoryProviderUtils, QgsVectorLayer

from ..binding.errors import GuotuCancelled, GuotuInputError
from ..i18n import tr
from ..inputs.conversions import code_from_value
from ..inputs.feature_reading import read_features, source_label
from ..inputs.validation import require_field

CZCSXM_FIELD = "CZCSXM"  # 城镇村属性码
_CODE = re.compile(r"^[0-9]{1,4}$|^[0-9]{1,3}[Aa]$")


def parse_czcsxm(text: str) -> List[str]:
    """The codes of a comma-separated list such as "201,202": digits, optionally ending in A."""
    codes = [part.strip() for part in (text or "").split(",")]
    if not codes or any(not _CODE.match(code) for code in codes):
        raise GuotuInputError(tr("城镇村属性码 separated by commas are needed, e.g. 201,202 (digits, optionally with "
                                 "the A of independent industrial land), not \"{text}\".").format(text=text))
    return codes


def czcsxm_where(codes: List[str]) -> str:
    """The codes as the filter the audit trail records (the CLI's words)."""
    return " OR ".join(f"{CZCSXM_FIELD} LIKE '{code}%'" for code in codes)


def urban_mask_layer(source: QgsFeatureSource, codes: List[str],
                     feedback: Optional[QgsFeedback] = None) -> QgsVectorLayer:
    """A memory layer of the parcels of ``source`` (as the user sees them) whose CZCSXM starts
    with one of ``codes`` (letters in any case), in the source's CRS."""
    label = source_label(source)
    index = require_field(source, CZCSXM_FIELD, label)
    wanted = [code.upper() for code in codes]
    layer = QgsMemoryProviderUtils.createMemoryLayer(tr("Urban space ({codes})").format(codes=",".join(codes)),
                                                     source.fields(), source.wkbType(), source.sourceCrs())
    features = []
    for feature in read_features(source, [index]):
        if feedback is not None and feedback.isCanceled():
            raise GuotuCancelled()
        value = (code_from_value(feature.attribute(index)) or "").upper()
        if not feature.hasGeometry() or not any(value.startswith(code) for code in wanted):
            continue
        copy = QgsFeature(source.fields())
        copy.setGeometry(QgsGeometry(feature.geometry()))
        features.append(copy)
    layer.dataProvider().addFeatures(features)
    return layer
