"""Rounds of the three-down-three-up check (三下三上, SPEC §10) from QGIS: the outputs of the
border comparison and of the framework checks of round n and round n+1 (GeoPackages, as
written or as reviewed in the review dock) compared by the core as `guotu framework rounds`
does — every conflict and finding resolved, persisting or new, reviews carried over, and
the return list (退回清单) per city.
"""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry, QgsVectorLayer

from ..binding.errors import GuotuCancelled, GuotuInputError
from ..binding.frame_native import RoundItem, RoundResult, Rounds, RoundsOptions, declare
from ..binding.native import Context
from ..i18n import tr
from ..inputs.feature_reading import read_features, text_value
from ..inputs.table_schemas import table_schema

SOURCE_LAYERS: Tuple[Tuple[str, str], ...] = (("conflict", "border_conflict_lines"),
                                              ("indicator", "indicator_findings"),
                                              ("catalogue", "catalogue_findings"))

# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (round_comparison.csv, return_list.csv, return_summary.csv).
COMPARISON_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                                  for c in table_schema("round_comparison").kept()]
RETURN_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                              for c in table_schema("return_list").kept()]
SUMMARY_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                               for c in table_schema("return_summary").kept()]
# The values the attribute functions give, in their order, put into the schema's.
_COMPARISON_ROW = table_schema("round_comparison").layout(
    ("status", "source", "kind", "key", "cities", "label", "length_m", "area_m2", "material", "returned",
     "review_status", "review_note", "reviewed_by", "reviewed_at", "previous_index", "current_index"))[1]
_RETURN_ROW = table_schema("return_list").layout(
    ("city_id", "status", "source", "kind", "key", "label", "length_m", "area_m2", "review_note"))[1]
_SUMMARY_ROW = table_schema("return_summary").layout(
    ("city_id", "returned", "returned_new", "returned_persisting"))[1]


@dataclass
class RoundsResult:
    results: List[Tuple[RoundResult, QgsGeometry]]
    returns: List[List[Any]]
    summary: List[List[Any]]
    items: Tuple[int, int]
    crs: Optional[QgsCoordinateReferenceSystem] = None  # of the rounds' conflict lines (the comparison's lines)

    def counts(self) -> Dict[str, int]:
        out = {"resolved": 0, "persisting": 0, "new": 0}
        for r, _g in self.results:
            out[r.status] += 1
        return out


def _text(feature, fields, name: str) -> str:
    i = fields.lookupField(name)
    return text_value(feature.attribute(i)) if i >= 0 else ""


def _real(feature, fields, name: str) -> float:
    i = fields.lookupField(name)
    value = feature.attribute(i) if i >= 0 else None
    try:
        return float(value) if value is not None and not (hasattr(value, "isNull") and value.isNull()) else 0.0
    except (TypeError, ValueError):
        return 0.0


def item_of(source: str, feature, fields) -> RoundItem:
    """A round item from a feature of a check's output layer, as the CLI builds it."""
    t = lambda name: _text(feature, fields, name)  # noqa: E731
    kind = t("kind")
    length = area = 0.0
    if source == "conflict":
        a, b, side = t("admin_a"), t("admin_b"), t("side")
        key, cities = f"{a}|{b}", side or f"{a};{b}"
        label = f"{kind} {t('detail')} {a}|{b} {t('elements_a')}/{t('elements_b')}"
        length, area = _real(feature, fields, "length_m"), _real(feature, fields, "area_m2")
    elif source == "indicator":
        city, other = t("city_id"), t("other_city_id")
        key = f"{t('element_id')}|{city}|{other}|{t('indicator')}"
        cities = f"{city};{other}" if other else city
        label = f"{t('element_id')} {t('element_name')} {t('indicator')}"
    else:
        key = f"{t('element_id')}|{t('city_id')}|{'' if t('element_id') else t('element_name')}"
        cities = t("city_id")
        label = f"{t('element_id')} {t('element_name')}"
    wkb = bytes(feature.geometry().asWkb()) if feature.hasGeometry() and not feature.geometry().isEmpty() else b""
    return RoundItem(source, kind, key, cities, label, length, area, t("review_status"), t("review_note"),
                     t("reviewed_by"), t("reviewed_at"), wkb if source == "conflict" else b"", wkb)


def _layers(path: str) -> List[Tuple[str, QgsVectorLayer]]:
    found = []
    for source, table in SOURCE_LAYERS:
        layer = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
        if layer.isValid():
            found.append((source, layer))
    if not found:
        raise GuotuInputError(tr('"{path}" has none of the layers border_conflict_lines, indicator_findings, '
                                 'catalogue_findings (an output of the border comparison or of the framework '
                                 'checks).').format(path=path))
    return found


def run_rounds(previous: Sequence[str], current: Sequence[str], options: RoundsOptions,
               feedback: Optional[QgsFeedback] = None) -> RoundsResult:
    """Compares the rounds; raises GuotuInputError, GuotuError or GuotuCancelled."""
    feedback = feedback or QgsFeedback()
    results: List[Tuple[RoundResult, QgsGeometry]] = []
    returns: List[List[Any]] = []
    cities: Dict[str, List[int]] = {}
    counts = [0, 0]
    crs: Optional[QgsCoordinateReferenceSystem] = None

    def on_result(r: RoundResult) -> None:
        if feedback.isCanceled():
            raise GuotuCancelled()
        geometry = QgsGeometry()
        if r.item.line_wkb:
            geometry.fromWkb(r.item.line_wkb)
            geometry.convertToMultiType()
        results.append((r, geometry))
        if not r.returned:
            return
        for city in [c for c in r.item.cities.split(";") if c]:
            row = cities.setdefault(city, [0, 0, 0])
            row[0] += 1
            row[1 if r.status == "new" else 2] += 1
            returns.append(_RETURN_ROW([city, r.status, r.item.source, r.item.kind, r.item.key, r.item.label,
                                        r.item.length_m, r.item.area_m2, r.item.review_note]))

    with Context() as ctx:
        declare(ctx.lib)
        with Rounds(ctx, options) as rounds:
            for index, paths in enumerate((previous, current)):
                for path in paths:
                    for source, layer in _layers(path):
                        if crs is None and source == "conflict" and layer.crs().isValid():
                            crs = layer.crs()
                        for feature in read_features(layer):
                            rounds.add(index, item_of(source, feature, layer.fields()))
                            counts[index] += 1
            rounds.run(on_result)
    summary = [_SUMMARY_ROW([city] + values) for city, values in cities.items()]
    return RoundsResult(results, returns, summary, (counts[0], counts[1]), crs)


def comparison_attributes(r: RoundResult) -> List[Any]:
    x = r.item
    return _COMPARISON_ROW([r.status, x.source, x.kind, x.key, x.cities, x.label, x.length_m, x.area_m2,
                            int(r.material), int(r.returned), x.review_status, x.review_note, x.reviewed_by,
                            x.reviewed_at, r.index0 if r.index0 >= 0 else None, r.index1 if r.index1 >= 0 else None])
