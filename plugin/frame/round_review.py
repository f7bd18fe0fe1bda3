"""The round comparison of one city pair, for the border review dock (三下三上, SPEC §10).

Reads a round comparison table (guotu:framerounds' ROUND_COMPARISON or the `round_comparison`
table of `guotu framework rounds`) and keeps the items that concern the pair A | B:
- border conflicts between A and B (key "A|B" or "B|A");
- indicator findings between the two cities (key "element|A|B|indicator", either order);
- indicator findings on A's or B's own part of an element the two cities share (an element
  with a finding between them in the comparison, or a part in both cities in the framework's
  element_indicators when given).
Catalogue findings (an element a city did not submit) concern one city, not a border: they
are on the return list, not in a pair's comparison.

Each row carries its status across the rounds (resolved / persisting / new), the review and
note carried over, and whether it is on the return list (退回清单) or a major deviation.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry, QgsVectorLayer

from ..border.border_check import conflict_title
from ..i18n import tr
from ..reporting.report_layout import layer_rows
from .frame_layers import is_indicator_findings, is_indicator_table
from .indicator_check import indicator_finding_titles

ROUND_COMPARISON_FIELDS = {"status", "source", "kind", "key", "cities", "label", "material", "returned",
                           "review_status", "review_note", "previous_index", "current_index"}
STATUSES = ("resolved", "persisting", "new")
STATUS_COLORS = {"resolved": "#2e7d32", "persisting": "#b35900", "new": "#b30000"}


def is_round_comparison(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        ROUND_COMPARISON_FIELDS <= set(layer.fields().names())


def find_round_comparisons(project: QgsProject) -> List[QgsVectorLayer]:
    """The round comparison tables among the project's layers, by their fields."""
    return [layer for layer in project.mapLayers().values() if is_round_comparison(layer)]


def status_titles() -> Dict[str, str]:
    return {"resolved": tr("resolved"), "persisting": tr("persisting"), "new": tr("new")}


def round_table_headings() -> List[str]:
    return [tr("Round status"), tr("Conflict or finding"), tr("Where"), tr("Length (m)"), tr("Area (ha)"),
            tr("Return list"), tr("Review and note")]


@dataclass
class RoundRow:
    """One conflict or finding of the pair in the round comparison."""
    status: str             # resolved / persisting / new
    source: str             # conflict / indicator
    kind: str
    title: str              # the conflict's or finding's kind in the user's language
    where: str              # "A | B" for a conflict, "M01 A → B forest_share" for a finding
    length_m: float
    area_m2: float
    material: bool          # a major deviation (at least the minimum length or area)
    returned: bool          # on the return list (material, not agreed, not an exception, not resolved)
    review_status: str
    review_note: str
    element_id: str = ""    # findings: the element, the city, the other city
    city_id: str = ""
    other_city_id: str = ""
    fid: Optional[int] = None  # feature of the round comparison layer
    geometry: Any = None    # the conflict's border line (None for findings)
    cells: List[str] = field(default_factory=list)


def _split_key(key: str) -> List[str]:
    return (key or "").split("|")


def _conflict_detail(label: str) -> str:
    """The conflict's detail from the comparison's label "kind detail A|B elements/elements"."""
    words = (label or "").split()
    return words[1] if len(words) > 2 and "|" not in words[1] else ""


def _number(value: Optional[float], decimals: int) -> str:
    return f"{value:,.{decimals}f}" if value else ""


def review_text(status: str, note: str) -> str:
    words = {"open": tr("open"), "agreed": tr("agreed"), "exception": tr("exception")}
    text = words.get(status, status or "")
    return f"{text}: {note}" if note and text else (note or text)


def return_text(returned: bool, material: bool, status: str) -> str:
    """"returned"; a major deviation kept off the list because the review agreed it or
    accepted it as an exception; "" otherwise (minor, or resolved)."""
    if returned:
        return tr("returned")
    return tr("major, accepted in review") if material and status != "resolved" else ""


def pair_round_rows(comparison: Optional[QgsVectorLayer], a: str, b: str,
                    shared_elements: Optional[Set[str]] = None) -> List[RoundRow]:
    """The pair's conflicts and findings in the round comparison, in the table's order
    (see the module's description); ``shared_elements`` adds the elements the framework's
    indicators show in both cities."""
    if comparison is None:
        return []
    pair = {a, b}
    items = layer_rows(comparison)
    shared: Set[str] = set(shared_elements or ())
    for x in items:
        parts = _split_key(x.get("key") or "")
        if x.get("source") == "indicator" and len(parts) == 4 and {parts[1], parts[2]} == pair:
            shared.add(parts[0])
    finding_titles = indicator_finding_titles()
    rows: List[RoundRow] = []
    for x in items:
        source, kind = x.get("source") or "", x.get("kind") or ""
        parts = _split_key(x.get("key") or "")
        element = city = other = ""
        if source == "conflict":
            if len(parts) != 2 or set(parts) != pair:
                continue
            title = conflict_title(kind, _conflict_detail(x.get("label") or ""))
            where = f"{parts[0]} | {parts[1]}"
        elif source == "indicator" and len(parts) == 4:
            element, city, other, indicator = parts
            if not ({city, other} == pair or (not other and city in pair and element in shared)):
                continue
            title = finding_titles.get(kind, kind)
            where = f"{element} {city} → {other} {indicator}" if other else f"{element} {city} {indicator}"
        else:
            continue
        row = RoundRow(x.get("status") or "", source, kind, title, where, float(x.get("length_m") or 0.0),
                       float(x.get("area_m2") or 0.0), bool(x.get("material")), bool(x.get("returned")),
                       x.get("review_status") or "", x.get("review_note") or "", element, city, other,
                       x.get("_fid"), x.get("_geometry"))
        row.cells = [status_titles().get(row.status, row.status), title, where, _number(row.length_m, 1),
                     _number(row.area_m2 / 10000.0, 2), return_text(row.returned, row.material, row.status),
                     review_text(row.review_status, row.review_note)]
        rows.append(row)
    return rows


def round_counts(rows: List[RoundRow]) -> Dict[str, int]:
    """Rows per status, and "returned": those on the return list."""
    counts = {status: 0 for status in STATUSES}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    counts["returned"] = sum(1 for row in rows if row.returned)
    return counts


def round_summary_text(rows: List[RoundRow]) -> str:
    """The pair's line for the dock's summary: counts per status and on the return list."""
    counts = round_counts(rows)
    return tr("Rounds: {resolved} resolved, {persisting} persisting, {new} new; {returned} on the return "
              "list").format(**counts)


def finding_zone(indicators: Optional[QgsVectorLayer], row: RoundRow) -> Optional[Tuple[int, Any]]:
    """The part (or, for a finding between the cities, the strip of its city facing the other)
    of the finding's element in the framework's element_indicators: (feature id, geometry)."""
    if indicators is None or not row.element_id:
        return None
    zones = [z for z in layer_rows(indicators) if z.get("element_id") == row.element_id and
             z.get("city_id") == row.city_id]
    wanted = [("strip", row.other_city_id), ("part", "")] if row.other_city_id else [("part", "")]
    for zone, facing in wanted:
        for z in zones:
            if z.get("zone") == zone and (zone == "part" or (z.get("other_city_id") or "") == facing):
                return z.get("_fid"), z.get("_geometry")
    return None


@dataclass
class RoundFile:
    """The tables of a file the review dock opens: its round comparison, and the framework's
    element_indicators and indicator_findings when the same file holds them."""
    comparison: QgsVectorLayer
    indicators: Optional[QgsVectorLayer] = None
    findings: Optional[QgsVectorLayer] = None

    def layers(self) -> List[QgsVectorLayer]:
        return [layer for layer in (self.indicators, self.findings, self.comparison) if layer is not None]

    def add_to_project(self, project: QgsProject) -> QgsVectorLayer:
        """Adds the file's tables to ``project``, but those it already shows (same source);
        returns the project's round comparison layer of the file."""
        shown = {layer.source(): layer for layer in project.mapLayers().values()}
        project.addMapLayers([layer for layer in self.layers() if layer.source() not in shown])
        return shown.get(self.comparison.source(), self.comparison)


def read_round_file(path: Path) -> RoundFile:
    """The round comparison in ``path`` (a GeoPackage of guotu:framerounds or `guotu framework
    rounds`), found by its fields whatever the table's name, with the element_indicators and
    indicator_findings of the same file; layers named "table (file)". ValueError naming the
    file when it cannot be read or holds no round comparison."""

    path = Path(path)
    if not path.is_file():
        raise ValueError(tr('"{path}" does not exist.').format(path=str(path)))
    details = [d for d in QgsProviderRegistry.instance().querySublayers(str(path)) if d.providerKey() == "ogr"]
    if not details:
        raise ValueError(tr('"{path}" cannot be read as a vector file.').format(path=str(path)))
    comparison = indicators = findings = None
    for detail in details:
        layer = QgsVectorLayer(detail.uri(), f"{detail.name()} ({path.stem})", "ogr")
        if not layer.isValid():
            continue
        if comparison is None and is_round_comparison(layer):
            comparison = layer
        elif indicators is None and is_indicator_table(layer):
            indicators = layer
        elif findings is None and is_indicator_findings(layer):
            findings = layer
    if comparison is None:
        raise ValueError(tr('"{path}" holds no round comparison: none of its tables has the fields of the '
                            'round_comparison table of guotu:framerounds or guotu framework rounds ({fields}).').format(
            path=str(path), fields=", ".join(sorted(ROUND_COMPARISON_FIELDS))))
    return RoundFile(comparison, indicators, findings)
