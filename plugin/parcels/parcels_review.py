"""What the parcel review dock shows, without any widget: the rows of a parcel_checks
layer (the algorithm's output or the CLI's table), filtered by verdict and village, and
the reasons of one parcel as HTML."""

import html
from dataclasses import dataclass
from typing import Dict, List, Optional

from qgis.core import QgsFeatureRequest, QgsMapLayer, QgsVectorLayer

from ..i18n import tr
from ..inputs.conversions import is_null
from .parcels_style import VERDICT_COLORS, verdict_titles

REQUIRED = ("parcel_id", "verdict_en", "village_id", "rule_ids", "reasons_zh", "reasons_en")
ALL = "*"  # filter value meaning "any"


@dataclass
class ReviewRow:
    fid: int
    parcel_id: str
    verdict: str  # pass / conditional / fail
    village_id: str
    project_id: str
    area_ha: float
    rule_ids: str
    reasons_zh: str
    reasons_en: str


def is_parcel_checks_layer(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().lookupField(name) >= 0 for name in REQUIRED)


def _text(value) -> str:
    return "" if is_null(value) else str(value)


def review_rows(layer: QgsVectorLayer) -> List[ReviewRow]:
    fields = layer.fields()
    has = {name: fields.lookupField(name) >= 0 for name in ("project_id", "area_ha")}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    rows = []
    for f in layer.getFeatures(request):
        area = f["area_ha"] if has["area_ha"] else None
        rows.append(ReviewRow(f.id(), _text(f["parcel_id"]), _text(f["verdict_en"]), _text(f["village_id"]),
                              _text(f["project_id"]) if has["project_id"] else "",
                              0.0 if is_null(area) or area is None else float(area), _text(f["rule_ids"]),
                              _text(f["reasons_zh"]), _text(f["reasons_en"])))
    return rows


def filter_rows(rows: List[ReviewRow], verdict: str = ALL, village: str = ALL) -> List[ReviewRow]:
    return [r for r in rows if (verdict == ALL or r.verdict == verdict) and (village == ALL or r.village_id == village)]


def villages(rows: List[ReviewRow]) -> List[str]:
    return sorted({r.village_id for r in rows})


def village_names(layer: Optional[QgsVectorLayer]) -> Dict[str, str]:
    """Village code -> name from a layer with ``village_id`` and a name field (the check's
    village_totals has "name" when the villages layer had one); {} when there is none."""
    if layer is None or not layer.isValid() or layer.fields().lookupField("village_id") < 0:
        return {}
    name_field = next((name for name in ("name", "village_name")
                       if layer.fields().lookupField(name) >= 0), None)
    if name_field is None:
        return {}
    names: Dict[str, str] = {}
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for f in layer.getFeatures(request):
        code, name = _text(f["village_id"]), _text(f[name_field]).strip()
        if code and name and name != code:
            names.setdefault(code, name)
    return names


def village_label(code: str, names: Dict[str, str]) -> str:
    """"name (code)" when the village has a name, else the code ("(no village)" for none)."""
    if not code:
        return tr("(no village)")
    name = names.get(code, "")
    return f"{name} ({code})" if name else code


def counts(rows: List[ReviewRow]) -> Dict[str, int]:
    found = {verdict: 0 for verdict in VERDICT_COLORS}
    for r in rows:
        if r.verdict in found:
            found[r.verdict] += 1
    return found


def reasons_html(row: ReviewRow, chinese: bool) -> str:
    """The parcel's verdict and every reason, one per line, in the user's language."""
    title = verdict_titles().get(row.verdict, row.verdict)
    color = VERDICT_COLORS.get(row.verdict, ("#808080", "#404040"))[1]
    text = row.reasons_zh if chinese else row.reasons_en
    parts = [p.strip() for p in text.replace("；", "; ").split("; ") if p.strip()] if text else []
    plain = tr("No reasons: a plain pass.")
    items = "".join(f"<li>{html.escape(p)}</li>" for p in parts) or f"<li>{html.escape(plain)}</li>"
    area = f"{row.area_ha:.4f} 公顷" if chinese else f"{row.area_ha:.4f} ha"  # the reasons' own unit word
    return (f"<p><b>{html.escape(row.parcel_id)}</b> — <span style='color:{color}'><b>{html.escape(title)}</b></span>"
            f" · {area} · {html.escape(row.rule_ids)}</p><ul>{items}</ul>")
