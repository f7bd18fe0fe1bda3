"""What the border review dock works on, without any widget: the conflicts of a border
comparison (guotu:borderconflicts' outputs or the CLI's GeoPackage) grouped by city pair,
and the review of a conflict — agreed or exception, with a note, who and when — written
into the conflict layers themselves, so that it persists with the output (fields added to a
CLI output that lacks them)."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import (QgsFeatureRequest, QgsField, QgsMapLayer, QgsVectorDataProvider,
                       QgsVectorLayer, QgsWkbTypes)

from ..compat import FIELD_STRING
from ..i18n import tr
from .border_check import REVIEW_AGREED, REVIEW_EXCEPTION, REVIEW_FIELDS, REVIEW_OPEN
from ..inputs.conversions import is_null
from ..reporting.reviewer import reviewer_name, utc_now

REQUIRED = ("conflict_id", "kind", "admin_a", "admin_b", "length_m", "area_m2")
STATUSES = (REVIEW_OPEN, REVIEW_AGREED, REVIEW_EXCEPTION)


def is_conflict_layer(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().lookupField(name) >= 0 for name in REQUIRED)


def is_line_layer(layer: QgsVectorLayer) -> bool:
    return QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.LineGeometry


@dataclass
class ConflictRow:
    conflict_id: int
    kind: str
    detail: str
    admin_a: str
    admin_b: str
    name_a: str
    name_b: str
    side: str
    length_m: float
    area_m2: float
    review_status: str
    review_note: str


@dataclass
class PairRow:
    admin_a: str
    admin_b: str
    name_a: str
    name_b: str
    score: Optional[float]
    conflicts: List[ConflictRow] = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return sum(1 for c in self.conflicts if c.review_status == REVIEW_OPEN)


def _text(value) -> str:
    return "" if is_null(value) else str(value)


def _number(value) -> float:
    return 0.0 if is_null(value) else float(value)


def conflict_rows(layer: QgsVectorLayer) -> List[ConflictRow]:
    fields = layer.fields()
    has = {name: fields.lookupField(name) >= 0 for name in ("detail", "name_a", "name_b", "side", "review_status",
                                                            "review_note")}
    out = []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for f in layer.getFeatures(request):
        get = (lambda name: _text(f[name]) if has.get(name, True) else "")
        out.append(ConflictRow(int(f["conflict_id"]), _text(f["kind"]), get("detail"), _text(f["admin_a"]),
                               _text(f["admin_b"]), get("name_a"), get("name_b"), get("side"), _number(f["length_m"]),
                               _number(f["area_m2"]), get("review_status") or REVIEW_OPEN, get("review_note")))
    return out


def pair_rows(conflicts: List[ConflictRow], summary: Optional[QgsVectorLayer] = None) -> List[PairRow]:
    """Conflicts grouped by pair, worst first: by the pair summary's score when given, else
    by the conflicting border length."""
    pairs: Dict[Tuple[str, str], PairRow] = {}
    for c in sorted(conflicts, key=lambda c: c.conflict_id):
        key = (c.admin_a, c.admin_b)
        if key not in pairs:
            pairs[key] = PairRow(c.admin_a, c.admin_b, c.name_a, c.name_b, None)
        pairs[key].conflicts.append(c)
    if summary is not None and summary.fields().lookupField("score") >= 0:
        for f in summary.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
            key = (_text(f["admin_a"]), _text(f["admin_b"]))
            if key in pairs:
                pairs[key].score = _number(f["score"])
    return sorted(pairs.values(), key=lambda p: (-(p.score if p.score is not None else
                                                  sum(c.length_m for c in p.conflicts)), p.admin_a, p.admin_b))


def ensure_review_fields(layer: QgsVectorLayer) -> None:
    """Adds the review fields to a conflict layer without them (a CLI output)."""
    missing = [QgsField(name, FIELD_STRING) for name, _kind, _alias in REVIEW_FIELDS
               if layer.fields().lookupField(name) < 0]
    if not missing:
        return
    if not layer.dataProvider().capabilities() & QgsVectorDataProvider.AddAttributes:
        raise ValueError(tr('Layer "{layer}" cannot store reviews: its format does not take new fields.').format(
            layer=layer.name()))
    if not layer.dataProvider().addAttributes(missing):
        raise ValueError(tr('Cannot add the review fields to layer "{layer}".').format(layer=layer.name()))
    layer.updateFields()


def apply_review(layers: List[QgsVectorLayer], conflict_id: int, status: str, note: str = "",
                 user: Optional[str] = None) -> int:
    """Writes the review of conflict ``conflict_id`` into every layer given (areas and
    border lines) and saves it; returns the number of features changed."""
    if status not in STATUSES:
        raise ValueError(f"unknown review status {status!r}")
    if status == REVIEW_EXCEPTION and not note.strip():
        raise ValueError(tr("An exception needs a note saying why the conflict is accepted."))
    changed = 0
    stamp = ("", "") if status == REVIEW_OPEN else (user if user is not None else reviewer_name(), utc_now())
    for layer in layers:
        ensure_review_fields(layer)
        indexes = [layer.fields().lookupField(name) for name, _k, _a in REVIEW_FIELDS]
        request = QgsFeatureRequest().setFilterExpression(f"\"conflict_id\" = {int(conflict_id)}")
        ids = [f.id() for f in layer.getFeatures(request)]
        if not ids:
            continue
        editing = layer.isEditable()
        if not editing and not layer.startEditing():
            raise ValueError(tr('Layer "{layer}" cannot be edited.').format(layer=layer.name()))
        for fid in ids:
            for index, value in zip(indexes, (status, note.strip(), *stamp)):
                layer.changeAttributeValue(fid, index, value)
            changed += 1
        if not editing and not layer.commitChanges():
            errors = "; ".join(layer.commitErrors())
            layer.rollBack()
            raise ValueError(tr('Cannot save the review in layer "{layer}": {errors}').format(layer=layer.name(),
                                                                                           errors=errors))
    return changed
