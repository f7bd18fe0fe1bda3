"""The return list (退回清单) of one city as a PDF: what the province sends back to the city
after a round of the three-down-three-up check — every new or persisting major deviation not
agreed or accepted, with its source, kind, what it concerns, its length or area and the
reviewers' note — with the counts on top. Read from the return_list table of the round
comparison (the algorithm's output or the CLI's GeoPackage) by field name.

Given the round's element_indicators and the threshold table the indicators were checked
against, a further page sets out every returned element of the city: the indicators of the
city's part against the city's thresholds for the element's type (value, minimum, maximum,
within or outside) with the finding on the return list that concerns it.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsExpression, QgsProject, QgsVectorLayer

from ..i18n import tr
from ..reporting.report_layout import LayoutBuilder, export_pdf, format_number, layer_rows, safe_file_part

REQUIRED = ("city_id", "status", "source", "kind", "key", "label", "length_m", "area_m2", "review_note")


@dataclass
class ReturnReportResult:
    pdf: Path
    pages: int
    items: int
    elements: int = 0  # returned elements whose indicators are set out


# The indicators of a part as the threshold table names them, and the element_indicators
# field holding each (SPEC §10: area in m², elevation in m, slope in degrees, shares as fractions).
INDICATORS: Tuple[Tuple[str, str], ...] = (
    ("area", "area_m2"), ("elevation_min", "elevation_min"), ("elevation_mean", "elevation_mean"),
    ("elevation_max", "elevation_max"), ("slope_mean", "slope_mean"), ("slope_share", "slope_share"),
    ("forest_share", "forest_share"))
Thresholds = Dict[Tuple[str, str, str], Tuple[Optional[float], Optional[float]]]


@dataclass
class IndicatorCheck:
    """One indicator of a returned element's part against the city's threshold."""
    indicator: str
    value: Optional[float]
    minimum: Optional[float]
    maximum: Optional[float]
    verdict: str  # within, below, above, no_threshold, no_value
    findings: List[str] = field(default_factory=list)  # the return list's items on it, as stated


@dataclass
class ReturnedElement:
    element_id: str
    name: str
    element_type: str
    checks: List[IndicatorCheck]
    other: List[str] = field(default_factory=list)  # returned items on the element not tied to one indicator


def _threshold_number(text: str, path: str, line: int, column: str) -> Optional[float]:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(tr('The thresholds "{path}", line {line}: {column} "{value}" is not a number.').format(
            path=path, line=line, column=column, value=text)) from None


def read_thresholds(path: Path) -> Thresholds:
    """The threshold table (city, element_type, indicator, min, max; an empty min or max is
    open), as `guotu framework indicators --thresholds` reads it."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(tr('The thresholds "{path}" cannot be read: {error}').format(
            path=str(path), error=getattr(e, "strerror", None) or str(e))) from e
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("city", "element_type", "indicator", "min", "max") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(tr('The thresholds "{path}" lack the columns {columns}.').format(
            path=str(path), columns=", ".join(missing)))
    out: Thresholds = {}
    for line, row in enumerate(reader, start=2):
        key = (row["city"].strip(), row["element_type"].strip(), row["indicator"].strip())
        out[key] = (_threshold_number(row["min"], str(path), line, "min"),
                    _threshold_number(row["max"], str(path), line, "max"))
    return out


def verdict_of(value: Optional[float], limits: Optional[Tuple[Optional[float], Optional[float]]]) -> str:
    if limits is None:
        return "no_threshold"
    if value is None or value != value:
        return "no_value"
    low, high = limits
    if low is not None and value < low:
        return "below"
    if high is not None and value > high:
        return "above"
    return "within"


def verdict_titles() -> Dict[str, str]:
    return {"within": tr("within"), "below": tr("below the minimum"), "above": tr("above the maximum"),
            "no_threshold": tr("no threshold set"), "no_value": tr("not measured")}


def returned_elements(rows: List[Dict[str, Any]], city: str, indicators: QgsVectorLayer,
                      thresholds: Thresholds) -> List[ReturnedElement]:
    """The elements of ``city``'s return list items (indicator and catalogue findings), in
    the list's order, each with its part's indicators against the city's thresholds and the
    returned items stated on the indicator they concern."""
    kinds = kind_titles()
    statuses = status_titles()
    order: Dict[str, List[Dict[str, Any]]] = {}
    for r in rows:
        if r.get("source") in ("indicator", "catalogue"):
            element = str(r.get("key") or "").split("|")[0]
            if element:
                order.setdefault(element, []).append(r)
    parts = {str(z.get("element_id")): z for z in layer_rows(
        indicators, f"\"zone\" = 'part' AND \"city_id\" = {QgsExpression.quotedString(city)}")}
    out = []
    for element, items in order.items():
        part = parts.get(element)
        element_type = str(part.get("element_type") or "") if part else ""
        checks = []
        for name, column in INDICATORS:
            value = part.get(column) if part else None
            limits = thresholds.get((city, element_type, name))
            checks.append(IndicatorCheck(name, value, limits[0] if limits else None, limits[1] if limits else None,
                                         verdict_of(value, limits)))
        other = []
        for r in items:
            key = str(r.get("key") or "").split("|")
            stated = tr("{kind} ({status})").format(kind=kinds.get(str(r.get("kind")), str(r.get("kind") or "")),
                                                    status=statuses.get(str(r.get("status")), str(r.get("status"))))
            if len(key) > 2 and key[2]:  # element|city|other|indicator: a finding between two cities
                other_city = key[2] if key[1] == city else key[1]
                stated = tr("{finding}, with city {other}").format(finding=stated, other=other_city)
            target = next((c for c in checks if r.get("source") == "indicator" and len(key) > 3 and
                           c.indicator == key[3]), None)
            if target is not None:
                target.findings.append(stated)
            else:
                other.append(stated)
        name = str(part.get("element_name") or "") if part else ""
        out.append(ReturnedElement(element, name, element_type, checks, other))
    return out


def status_titles() -> Dict[str, str]:
    return {"new": tr("new"), "persisting": tr("persisting")}


def source_titles() -> Dict[str, str]:
    """What a return list item comes from, in the user's words."""
    return {"conflict": tr("Border conflict"), "indicator": tr("Indicator finding"),
            "catalogue": tr("Catalogue finding")}


def concerns_text(key: str) -> str:
    """An item's key as a reader reads it: "A | B" for a conflict between two cities,
    "M01 A → B elevation_mean" for a finding between two cities, "M01 B forest_share" for one
    on a city's own part; "M01 A" for a catalogue finding."""
    parts = key.split("|")
    if len(parts) == 2:
        return f"{parts[0]} | {parts[1]}"
    if len(parts) == 4:
        element, city, other, indicator = parts
        return " ".join(p for p in (element, f"{city} → {other}" if other else city, indicator) if p)
    return " ".join(p for p in parts if p)


def kind_titles() -> Dict[str, str]:
    """Every kind a return list holds, in the user's words (border conflicts, indicator and
    catalogue findings); an unknown id stays as it is."""
    from ..border.border_check import kind_titles as conflict_titles
    from .catalogue_check import finding_titles
    from .indicator_check import indicator_finding_titles
    return {**conflict_titles(), **finding_titles(), **indicator_finding_titles()}


def cities_of(layer: QgsVectorLayer) -> List[str]:
    """The cities of a return list, in the order they first appear."""
    seen: Dict[str, None] = {}
    for row in layer_rows(layer):
        seen.setdefault(str(row.get("city_id") or ""), None)
    return [c for c in seen if c]


def return_file_name(city: str) -> str:
    return f"退回清单_{safe_file_part(city, 'city')}.pdf"


class _Builder(LayoutBuilder):
    TABLE_NUMBERS_RIGHT = False

    def __init__(self, project: QgsProject, rows: List[Dict[str, Any]], city: str, source: str,
                 elements: Optional[List[ReturnedElement]] = None) -> None:
        super().__init__(project, tr("Return list (退回清单) — city {city}").format(city=city))
        self.rows = rows
        self.city = city
        self.source = source
        self.elements = elements

    def build(self):
        width = self.page_size().width()
        self.label(self.title, 0, 10.0, 8.0, width - 20.0, 10.0, 16, bold=True)
        new = sum(1 for r in self.rows if r.get("status") == "new")
        self.label(tr("{items} items to correct: {new} new, {persisting} persisting from the previous round. "
                      "Source: {source}.").format(items=len(self.rows), new=new, persisting=len(self.rows) - new,
                                                  source=self.source),
                   0, 10.0, 20.0, width - 20.0, 10.0, 9)
        titles = status_titles()
        kinds = kind_titles()
        sources = source_titles()
        available = width - 20.0
        headings = [(tr("Round status"), 16.0), (tr("Source"), 22.0), (tr("Kind"), 30.0), (tr("Concerns"), 40.0),
                    (tr("Description"), 50.0), (tr("Length (m)"), 17.0), (tr("Area (m²)"), 21.0),
                    (tr("Reviewer's note"), 0.0)]
        headings[-1] = (headings[-1][0], available - sum(w for _h, w in headings) - len(headings) * 1.7)
        widths = [w for _h, w in headings]
        table_rows = []
        for r in self.rows:
            length, area = r.get("length_m") or 0, r.get("area_m2") or 0
            cells = [titles.get(str(r.get("status")), str(r.get("status"))),
                     sources.get(str(r.get("source") or ""), str(r.get("source") or "")),
                     kinds.get(str(r.get("kind")), str(r.get("kind") or "")), concerns_text(str(r.get("key") or "")),
                     str(r.get("label") or ""), format_number(length, 1) if length else "",
                     format_number(area, 0) if area else "", str(r.get("review_note") or "")]
            table_rows.append([self.fit_cell(text, w) for text, w in zip(cells, widths)])
        self.text_table(headings, table_rows, 0, 10.0, 32.0, available, self.page_size().height() - 45.0,
                        repeat=True)
        if self.elements is not None:
            self.indicator_pages()
        self.finish_pages()
        return self.layout

    def indicator_pages(self) -> None:
        """Every returned element's indicators in the city against the city's thresholds."""
        size = self.page_size()
        width, height = size.width(), size.height()
        page = self.add_page()
        self.label(tr("Indicators of the returned elements against the thresholds of city {city}").format(
            city=self.city), page, 10.0, 12.0, width - 20.0, 8.0, 12, bold=True)
        verdicts = verdict_titles()
        headings = [(tr("Element"), 40.0), (tr("Indicator"), 30.0), (tr("Value"), 24.0), (tr("Minimum"), 22.0),
                    (tr("Maximum"), 22.0), (tr("Result"), 30.0), (tr("Finding on the return list"), 0.0)]
        headings[-1] = (headings[-1][0], width - 20.0 - sum(w for _h, w in headings) - 7 * 1.7)
        rows: List[List[str]] = []
        for e in self.elements:
            title = self.fit_cell(f"{e.element_id} {e.name} ({e.element_type})" if e.element_type else
                                  tr("{element} (no part in this city)").format(element=e.element_id), headings[0][1])
            for i, c in enumerate(e.checks):
                decimals = 0 if c.indicator == "area" else 3 if c.indicator.endswith("share") else 2
                rows.append([title if i == 0 else "", c.indicator,
                             "" if c.value is None else format_number(c.value, decimals),
                             "" if c.minimum is None else format_number(c.minimum, decimals),
                             "" if c.maximum is None else format_number(c.maximum, decimals),
                             verdicts[c.verdict], self.fit_cell("\n".join(c.findings), headings[-1][1])])
            for stated in e.other:
                rows.append(["", "", "", "", "", "", self.fit_cell(stated, headings[-1][1])])
        if not rows:
            rows = [[tr("No element of the framework's indicators is on this city's return list."), "", "", "", "", "",
                     ""]]
        self.text_table(headings, rows, page, 10.0, 24.0, width - 20.0, height - 35.0, repeat=True)


def require_return_list(layer: QgsVectorLayer) -> None:
    """Refuses a layer that is not a return_list table (ValueError naming its missing fields)."""
    missing = [name for name in REQUIRED if layer.fields().lookupField(name) < 0]
    if missing:
        raise ValueError(tr('Layer "{layer}" is not a return list: it lacks the fields {fields}.').format(
            layer=layer.name(), fields=", ".join(missing)))


def require_indicators(layer: QgsVectorLayer) -> None:
    """Refuses a layer that is not an element_indicators table (ValueError naming its missing fields)."""
    needed = ["element_id", "element_name", "element_type", "zone", "city_id"] + [c for _n, c in INDICATORS]
    missing = [name for name in needed if layer.fields().lookupField(name) < 0]
    if missing:
        raise ValueError(tr('Layer "{layer}" is not the framework\'s element indicators: it lacks the fields '
                            '{fields}.').format(layer=layer.name(), fields=", ".join(missing)))


def export_return_report(layer: QgsVectorLayer, city: str, pdf: Path, project: Optional[QgsProject] = None,
                         dpi: float = 150.0, indicators: Optional[QgsVectorLayer] = None,
                         thresholds: Optional[Thresholds] = None) -> ReturnReportResult:
    """The return list of ``city`` from ``layer`` (a return_list table) as a PDF; with the
    round's ``indicators`` (element_indicators) and ``thresholds`` (read_thresholds), the
    returned elements' indicators against the city's thresholds too."""
    require_return_list(layer)
    if (indicators is None) != (thresholds is None):
        raise ValueError(tr("Give the element indicators and the threshold table together."))
    if indicators is not None:
        require_indicators(indicators)
    rows = layer_rows(layer, f"\"city_id\" = {QgsExpression.quotedString(city)}")
    if not rows:
        raise ValueError(tr('City "{city}" has nothing on the return list "{layer}".').format(city=city,
                                                                                          layer=layer.name()))
    elements = returned_elements(rows, city, indicators, thresholds) if indicators is not None else None
    project = project if project is not None else QgsProject.instance()
    layout = _Builder(project, rows, city, layer.name(), elements).build()
    export_pdf(layout, Path(pdf), dpi)
    return ReturnReportResult(Path(pdf), layout.pageCollection().pageCount(), len(rows), len(elements or []))
