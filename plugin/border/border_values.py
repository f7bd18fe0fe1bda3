"""How the border review shows its measures: lengths in metres, areas in hectares with a
precision that suits their size (a 40 m² sliver still shows: 0.0040 ha; no eight-digit
square metres)."""

from ..i18n import tr


def area_ha_text(area_m2: float) -> str:
    """An area in m² as hectares, without the unit (the column title says it): four
    decimals (1 m²) under 1 ha, two under 100 ha, one above; "" for no area."""
    if not area_m2:
        return ""
    hectares = area_m2 / 10000.0
    if abs(hectares) < 1.0:
        return f"{hectares:.4f}"
    if abs(hectares) < 100.0:
        return f"{hectares:.2f}"
    return f"{hectares:,.1f}"


def length_m_text(length_m: float) -> str:
    """A length in metres, without the unit: one decimal."""
    return f"{length_m:,.1f}" if length_m >= 10000 else f"{length_m:.1f}"


def area_description(area_m2: float) -> str:
    """An area with its unit for a sentence: hectares, and square metres under 1 ha."""
    if not area_m2:
        return tr("no area")
    if abs(area_m2) < 10000.0:
        return tr("{ha} ha ({m2:.0f} m²)").format(ha=area_ha_text(area_m2), m2=area_m2)
    return tr("{ha} ha").format(ha=area_ha_text(area_m2))


__all__ = ["area_description", "area_ha_text", "length_m_text"]
