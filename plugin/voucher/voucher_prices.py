"""Sellers' asks and buyers' bids (yuan per standard-forest ha) for the floor-price market,
taken from the zones layer into the accounting's voucher table, where the market reads
them (as `guotu voucher --ask-field/--bid-field` does in one go)."""

import math
from typing import Any, Dict, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsField, QgsVectorLayer

from ..compat import FIELD_DOUBLE
from ..i18n import tr
from ..inputs.conversions import code_from_value, is_null
from ..binding.errors import GuotuInputError

ASK_FIELD, BID_FIELD = "ask_yuan_ha", "bid_yuan_ha"


def _price(value: Any, fid: int, layer: str, field: str) -> Optional[float]:
    if is_null(value) or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < 0:
        raise GuotuInputError(tr('Feature {fid} of layer "{layer}": "{value}" in field "{field}" is not a price '
                                 '(yuan per ha, >= 0).').format(fid=fid, layer=layer, value=value, field=field))
    return number


def zone_prices(zones: QgsFeatureSource, zone_id_field: str, ask_field: Optional[str], bid_field: Optional[str],
                label: str) -> Dict[str, Tuple[Optional[float], Optional[float]]]:
    """zone id -> (ask, bid) from the zones layer; None where a zone has none."""
    fields = zones.fields()
    id_index = fields.lookupField(zone_id_field)
    indexes = [fields.lookupField(f) if f else -1 for f in (ask_field, bid_field)]
    for name, index in zip((ask_field, bid_field), indexes):
        if name and index < 0:
            raise GuotuInputError(tr('Layer "{layer}" has no field "{field}".').format(layer=label, field=name))
    out: Dict[str, Tuple[Optional[float], Optional[float]]] = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for f in zones.getFeatures(request):
        zone = code_from_value(f.attribute(id_index))
        if zone is None:
            continue
        ask = _price(f.attribute(indexes[0]), f.id(), label, ask_field) if indexes[0] >= 0 else None
        bid = _price(f.attribute(indexes[1]), f.id(), label, bid_field) if indexes[1] >= 0 else None
        out[zone] = (ask, bid)
    return out


def write_prices(vouchers: QgsVectorLayer, prices: Dict[str, Tuple[Optional[float], Optional[float]]],
                 zone_id_field: str = "zone_id") -> None:
    """Adds (or refills) the fields ask_yuan_ha and bid_yuan_ha of the voucher table."""
    provider = vouchers.dataProvider()
    missing = [QgsField(name, FIELD_DOUBLE) for name in (ASK_FIELD, BID_FIELD)
               if vouchers.fields().lookupField(name) < 0]
    if missing and not provider.addAttributes(missing):
        raise GuotuInputError(tr('Cannot add the price fields to layer "{layer}".').format(layer=vouchers.name()))
    vouchers.updateFields()
    ask_index, bid_index = (vouchers.fields().lookupField(n) for n in (ASK_FIELD, BID_FIELD))
    changes = {}
    for f in vouchers.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
        ask, bid = prices.get(code_from_value(f[zone_id_field]) or "", (None, None))
        changes[f.id()] = {ask_index: ask, bid_index: bid}
    if not provider.changeAttributeValues(changes):
        raise GuotuInputError(tr('Cannot write the prices into layer "{layer}".').format(layer=vouchers.name()))
