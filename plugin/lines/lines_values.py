"""The "value" of a three-lines issue as a reader needs it: with its unit, which depends
on the rule (the issues layer keeps the bare number the core computed):

  L02–L06, L08: area in hectares (overlap, duplicate, tiny patch);
  L12, L13: hectares below the target (negative);
  L07: mean width of a sliver in metres; L09: distance of a gap in metres;
  L10: number of admin units a feature crosses;
  L11: urban expansion multiple; L14: farmland share of the cultivated land (0–1);
  L01: no value (the geometry is invalid).

Areas under 0.01 ha read better in m² (a 0.5 m² overlap is "0.5 m²", not "0.00 ha")."""

import math
from typing import Any, Dict, Optional

from ..i18n import tr

AREA_HA, WIDTH_M, DISTANCE_M, UNITS, MULTIPLE, SHARE, NONE = (
    "area_ha", "width_m", "distance_m", "units", "multiple", "share", "none")

RULE_KINDS: Dict[str, str] = {
    "L01": NONE, "L02": AREA_HA, "L03": AREA_HA, "L04": AREA_HA, "L05": AREA_HA, "L06": AREA_HA,
    "L07": WIDTH_M, "L08": AREA_HA, "L09": DISTANCE_M, "L10": UNITS, "L11": MULTIPLE, "L12": AREA_HA,
    "L13": AREA_HA, "L14": SHARE,
}
SMALL_HA = 0.01  # below this an area is shown in m²


def _number(value: Any) -> Optional[float]:
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():  # a NULL QVariant
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def area_text(hectares: float) -> str:
    """Hectares to two decimals; under 0.01 ha, square metres to one decimal."""
    if abs(hectares) >= SMALL_HA:
        return tr("{value:.2f} ha").format(value=hectares)
    return tr("{value:.1f} m²").format(value=hectares * 10000.0)


def value_text(rule: str, value: Any) -> str:
    """The issue's value with its unit ("" when the rule has none or the value is missing).
    A rule this table does not know shows the bare number: never a made-up unit."""
    number = _number(value)
    kind = RULE_KINDS.get(rule)
    if number is None or kind == NONE:
        return ""
    if kind == AREA_HA:
        return area_text(number)
    if kind == WIDTH_M:
        return tr("{value:.2f} m").format(value=number)
    if kind == DISTANCE_M:
        return tr("{value:.3f} m").format(value=number)
    if kind == UNITS:
        return tr("{value:.0f} admin units").format(value=number)
    if kind == MULTIPLE:
        return tr("{value:.3f} times").format(value=number)
    if kind == SHARE:
        return tr("{value:.1f} %").format(value=number * 100.0)
    return f"{number:.4g}"


def value_tip(rule: str) -> str:
    """What the value of a rule's issues measures (the Value column's tooltip)."""
    kind = RULE_KINDS.get(rule)
    return {
        AREA_HA: tr("Area concerned (ha; under 0.01 ha in m²); L12/L13: hectares below the target"),
        WIDTH_M: tr("Mean width of the sliver (m)"),
        DISTANCE_M: tr("Distance between the two features (m)"),
        UNITS: tr("Number of admin units the feature lies in"),
        MULTIPLE: tr("Urban expansion multiple (urban boundary ÷ 2020 urban land)"),
        SHARE: tr("Permanent farmland as a share of the cultivated land"),
    }.get(kind, "")


__all__ = ["RULE_KINDS", "area_text", "value_text", "value_tip"]
