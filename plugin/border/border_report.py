"""The printable report of one city pair's border (跨市边界协调审查): page 1 the map of the
border strip — shared border segments coloured by status, the conflict areas and lines,
the pair's elements for context when given — with a legend and the pair's numbers; then
every conflict with its kind, length, area, responsible side and review (status and note);
then, with the results of the transmission framework (省级定框架: the element_indicators and
indicator_findings tables), the indicators of the catalogue elements the two cities share
(each city's part and the border strips on both sides) and the findings on them; with a round
comparison of the three-down-three-up check (三下三上: guotu:framerounds' or `guotu framework
rounds`' round_comparison), the pair's conflicts and findings across the two rounds — resolved,
persisting or new, on the return list or not, the review carried over — with their counts (the
rows of the review dock, frame.round_review).

The report reads the layers of a border comparison (the algorithm's outputs or the CLI's
GeoPackage tables) by field name.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple


from qgis.core import (QgsExpression, QgsFillSymbol, QgsLayoutItemMap, QgsMapLayer, QgsProject, QgsRectangle,
                       QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsVectorLayer, QgsWkbTypes)

from ..frame.frame_layers import FINDING_TABLE_FIELDS, INDICATOR_TABLE_FIELDS, is_indicator_findings, is_indicator_table
from ..i18n import tr
from ..reporting.report_layout import (LayoutBuilder, cjk_font_family, export_pdf, fit_extent, format_number, layer_rows,
                                       safe_file_part)
from .border_check import conflict_title, kind_titles
from .border_style import style_conflicts_layer, style_segments_layer


@dataclass
class BorderReportLayers:
    segments: QgsVectorLayer                       # shared_borders
    conflict_lines: QgsVectorLayer                 # border_conflict_lines
    conflict_areas: Optional[QgsVectorLayer] = None  # border_conflicts
    summary: Optional[QgsVectorLayer] = None       # pair_summary
    context: List[QgsVectorLayer] = field(default_factory=list)  # further layers drawn for context
    source: str = ""
    admin: Optional[QgsVectorLayer] = None         # the admin units compared (else found in the project)
    elements: List[QgsVectorLayer] = field(default_factory=list)  # the cities' elements (else found)
    indicators: Optional[QgsVectorLayer] = None          # framework: element_indicators (else found)
    indicator_findings: Optional[QgsVectorLayer] = None  # framework: indicator_findings (else found)
    rounds: Optional[QgsVectorLayer] = None  # the rounds (三下三上): a round_comparison table (else found)
    find_rounds: bool = True  # look for a round comparison in the project when none is given


@dataclass
class BorderReportResult:
    pdf: Path
    pages: int
    conflicts: int
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)
    round_items: Optional[int] = None  # the pair's rows of the round comparison (None: no comparison given)


def _pair_filter(a: str, b: str) -> str:
    return f"\"admin_a\" = {QgsExpression.quotedString(a)} AND \"admin_b\" = {QgsExpression.quotedString(b)}"


def _number(value: Any, decimals: int = 1) -> str:
    return format_number(value, decimals)


def _is_output(layer: QgsVectorLayer) -> bool:
    """A table the comparison writes (conflicts, borders, summary, base-map issues) or the
    transmission framework's indicators and findings."""
    names = set(layer.fields().names())
    return bool(names & {"conflict_id", "review_status", "border_m"}) or {"admin_a", "admin_b"} <= names or \
        INDICATOR_TABLE_FIELDS <= names or FINDING_TABLE_FIELDS <= names  # the framework's tables


def _values(layer: QgsVectorLayer, index: int, limit: int = 100_000) -> List[str]:
    return [str(v) for v in layer.uniqueValues(index, limit)]


def find_border_inputs(project: QgsProject, admin_a: str, admin_b: str,
                       skip: List[QgsMapLayer]) -> Tuple[Optional[QgsVectorLayer], List[QgsVectorLayer]]:
    """The admin units and the elements the comparison of ``admin_a`` and ``admin_b`` read,
    among the polygon layers of ``project``, by their contents (display names are the
    user's): the admin units have a column holding both ids, one feature per id; element
    layers have a column holding either id on several features, or are named by the id
    (one layer per city)."""
    admin: Optional[QgsVectorLayer] = None
    elements: List[QgsVectorLayer] = []
    skipped = {layer.id() for layer in skip if layer is not None}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or layer.id() in skipped or not layer.isValid() or \
                layer.geometryType() != QgsWkbTypes.PolygonGeometry or _is_output(layer):
            continue
        if layer.name() in (admin_a, admin_b):
            elements.append(layer)
            continue
        count = layer.featureCount()
        for index, fld in enumerate(layer.fields()):
            if fld.isNumeric():  # ids are texts
                continue
            values = _values(layer, index)
            if admin_a in values and admin_b in values and len(values) == count and admin is None:
                admin = layer
                break
            if (admin_a in values or admin_b in values) and len(values) < count:
                elements.append(layer)
                break
    return admin, elements


def find_framework_results(project: QgsProject) -> Tuple[Optional[QgsVectorLayer], Optional[QgsVectorLayer]]:
    """The transmission framework's element_indicators and indicator_findings among the
    project's layers, by their fields (the first of each)."""
    layers = [layer for layer in project.mapLayers().values() if isinstance(layer, QgsVectorLayer) and layer.isValid()]
    return (next((layer for layer in layers if is_indicator_table(layer)), None),
            next((layer for layer in layers if is_indicator_findings(layer)), None))


def framework_rows(indicators: Optional[QgsVectorLayer], findings: Optional[QgsVectorLayer], a: str,
                   b: str) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]]]:
    """The framework's rows for the pair: the catalogue elements both cities have a part of
    (their parts in A and B and the strips between A and B, in the table's order) and the
    findings on those elements that concern A or B (a part's finding, or one between the two
    cities)."""
    pair = {a, b}
    zones = layer_rows(indicators)
    cities_of: Dict[str, set] = {}
    for z in zones:
        if z.get("zone") == "part":
            cities_of.setdefault(z.get("element_id") or "", set()).add(z.get("city_id") or "")
    shared = {e for e, cities in cities_of.items() if pair <= cities}
    zone_rows = [z for z in zones if z.get("element_id") in shared and (
        (z.get("zone") == "part" and z.get("city_id") in pair) or
        (z.get("zone") == "strip" and {z.get("city_id"), z.get("other_city_id")} == pair))]
    finding_rows = [f for f in layer_rows(findings) if f.get("element_id") in shared and f.get("city_id") in pair and
                    (f.get("other_city_id") or "") in pair | {""}]
    return zone_rows, finding_rows


def pair_framework_text(indicators: Optional[QgsVectorLayer], findings: Optional[QgsVectorLayer], a: str,
                        b: str) -> str:
    """The framework's results for a city pair as text (the review dock's pair view): each
    shared element's parts and strips with their indicators, then the findings on them; ""
    without the framework's tables."""
    if indicators is None:
        return ""
    from ..frame.indicator_check import indicator_finding_titles

    zones, found = framework_rows(indicators, findings, a, b)
    lines = [tr("Transmission indicators of the elements across this border")]
    if not zones:
        lines.append(tr("No catalogue element has a part in both {a} and {b}.").format(a=a, b=b))
    for z in zones:
        where = tr("strip {city} → {other}").format(city=z.get("city_id"), other=z.get("other_city_id")) \
            if z.get("zone") == "strip" else tr("part {city}").format(city=z.get("city_id"))
        lines.append(tr("{element} {name}, {zone}: {area} ha, elevation {elevation} m, slope {slope}°, steep share "
                        "{steep}, forest share {forest}").format(
            element=z.get("element_id"), name=z.get("element_name") or "", zone=where,
            area=_number((z.get("area_m2") or 0.0) / 10000.0, 2), elevation=_number(z.get("elevation_mean"), 1),
            slope=_number(z.get("slope_mean"), 2), steep=_number(z.get("slope_share"), 3),
            forest=_number(z.get("forest_share"), 3)))
    if findings is not None:
        titles = indicator_finding_titles()
        message = "message_zh" if tr("en").startswith("zh") else "message_en"
        lines.append("")
        lines.append(tr("Indicator findings on these elements"))
        if not found:
            lines.append(tr("No findings: the two cities' parts meet their thresholds."))
        for f in found:
            lines.append(f"{titles.get(f.get('kind'), f.get('kind') or '')}: {f.get(message) or ''}")
    return "\n".join(lines)


@dataclass
class FrameworkTableRow:
    """One row of the pair's framework table (the review dock): an element's part in a city
    or a border strip, its indicators as shown, the findings on it, and where it is."""
    element: str
    zone: str
    cells: List[str]        # area (ha), elevation mean, elevation min–max, slope, steep, forest share
    findings: List[str]     # "title: message" in the user's language
    fid: Optional[int] = None  # feature of the element_indicators layer (None for a finding without zone)
    geometry: Any = None    # QgsGeometry of the zone, in the indicators layer's CRS


def framework_table_headings() -> List[str]:
    return [tr("Element"), tr("Zone"), tr("Area (ha)"), tr("Elevation mean (m)"), tr("Elevation min–max (m)"),
            tr("Slope mean (°)"), tr("Steep share"), tr("Forest share"), tr("Findings")]


def _zone_of_finding(f: Dict[str, Any], zones: List[Dict[str, Any]]) -> Optional[int]:
    """The row a finding is shown on: a part's finding on that city's part; a finding between
    two cities (thresholds that differ, a jump at the border) on the strip of its city facing
    the other, else on its city's part."""
    element, city, other = f.get("element_id"), f.get("city_id"), f.get("other_city_id") or ""
    wanted = [("strip", other), ("part", "")] if other else [("part", "")]
    for zone, facing in wanted:
        for i, z in enumerate(zones):
            if z.get("element_id") == element and z.get("zone") == zone and z.get("city_id") == city and \
                    (zone == "part" or (z.get("other_city_id") or "") == facing):
                return i
    return None


def pair_framework_table(indicators: Optional[QgsVectorLayer], findings: Optional[QgsVectorLayer], a: str,
                         b: str) -> List[FrameworkTableRow]:
    """The framework's results for a city pair as table rows (the review dock's pair view):
    the parts in A and B and the strips between them of each element both cities share, each
    with its indicators and the findings on it; a finding that concerns no listed zone gets a
    row of its own. Empty without the framework's indicators."""
    if indicators is None:
        return []
    from ..frame.indicator_check import indicator_finding_titles

    zones, found = framework_rows(indicators, findings, a, b)
    titles = indicator_finding_titles()
    message = "message_zh" if tr("en").startswith("zh") else "message_en"
    rows: List[FrameworkTableRow] = []
    for z in zones:
        zone = tr("strip {city} → {other}").format(city=z.get("city_id"), other=z.get("other_city_id")) \
            if z.get("zone") == "strip" else tr("part {city}").format(city=z.get("city_id"))
        cells = [_number((z.get("area_m2") or 0.0) / 10000.0, 2), _number(z.get("elevation_mean"), 1),
                 f"{_number(z.get('elevation_min'), 1)}–{_number(z.get('elevation_max'), 1)}",
                 _number(z.get("slope_mean"), 2), _number(z.get("slope_share"), 3), _number(z.get("forest_share"), 3)]
        rows.append(FrameworkTableRow(f"{z.get('element_id')} {z.get('element_name') or ''}".strip(), zone, cells, [],
                                      z.get("_fid"), z.get("_geometry")))
    for f in found:
        text = f"{titles.get(f.get('kind'), f.get('kind') or '')}: {f.get(message) or ''}"
        index = _zone_of_finding(f, zones)
        if index is None:
            rows.append(FrameworkTableRow(f"{f.get('element_id')} {f.get('element_name') or ''}".strip(),
                                          str(f.get("city_id") or ""), [""] * 6, [text]))
        else:
            rows[index].findings.append(text)
    return rows


def style_admin_outline(layer: QgsVectorLayer) -> None:
    """Admin units as dark grey outlines (for layers read from a file, without a style)."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "style": "no", "outline_color": "#4d4d4d", "outline_width": "0.5"})))


def style_elements_fill(layer: QgsVectorLayer) -> None:
    """Elements as a light green fill (for layers read from a file, without a style)."""
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "161,217,155,150", "outline_color": "#41ab5d", "outline_width": "0.2"})))


class _Builder(LayoutBuilder):
    MARGIN = 10.0

    def __init__(self, project: QgsProject, layers: BorderReportLayers, a: str, b: str,
                 title: Optional[str]) -> None:
        where = _pair_filter(a, b)
        self.segments = layer_rows(layers.segments, where)
        self.conflicts = sorted(layer_rows(layers.conflict_lines, where), key=lambda r: r["conflict_id"])
        summary = layer_rows(layers.summary, where)
        self.summary = summary[0] if summary else None
        first = self.segments[0] if self.segments else (self.conflicts[0] if self.conflicts else {})
        self.names = (first.get("name_a") or "", first.get("name_b") or "")
        label = f"{a} {self.names[0]} | {b} {self.names[1]}".strip()
        super().__init__(project, title or tr("Cross-city border review — {pair}").format(pair=label))
        self.report = layers
        self.warnings: List[str] = []
        self.framework_zones, self.framework_findings = framework_rows(layers.indicators, layers.indicator_findings,
                                                                       a, b)
        self.pair = (a, b)
        self.round_rows: List[Any] = []
        if layers.rounds is not None:
            from ..frame.round_review import pair_round_rows
            shared = {str(z.get("element_id")) for z in self.framework_zones if z.get("element_id")}
            self.round_rows = pair_round_rows(layers.rounds, a, b, shared)

    def _extent(self) -> QgsRectangle:
        # Borders are often straight lines: a zero-width box is still a place (QgsRectangle
        # calls it empty), so the bounds are collected by hand.
        bounds: Optional[List[float]] = None
        for row in self.segments + self.conflicts:
            geometry = row.get("_geometry")
            if geometry is None or geometry.isEmpty():
                continue
            box = geometry.boundingBox()
            corners = [box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()]
            bounds = corners if bounds is None else [min(bounds[0], corners[0]), min(bounds[1], corners[1]),
                                                     max(bounds[2], corners[2]), max(bounds[3], corners[3])]
        if bounds is None:
            return QgsRectangle()
        grow = max(bounds[2] - bounds[0], bounds[3] - bounds[1]) * 0.08 + 50.0
        return QgsRectangle(bounds[0] - grow, bounds[1] - grow, bounds[2] + grow, bounds[3] + grow)

    def map_page(self) -> None:
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        self.label(self.title, 0, margin, 6, width - 2 * margin, 9, 15, bold=True)
        if self.report.source:
            self.label(tr("Source: {source}").format(source=self.report.source), 0, margin, 15, width - 2 * margin,
                       5, 8)
        top, bottom = 22.0, height - margin - 8
        map_width = width * 0.6
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        layers = [self.report.conflict_lines, self.report.segments] + \
            ([self.report.conflict_areas] if self.report.conflict_areas is not None else []) + \
            list(self.report.elements) + ([self.report.admin] if self.report.admin is not None else []) + \
            list(self.report.context)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(self.report.segments.crs())
        self.layout.addLayoutItem(item)
        self.place(item, 0, margin, top, map_width, bottom - top)
        extent = self._extent()
        if not extent.isEmpty():
            item.setExtent(fit_extent(extent, map_width / (bottom - top)))
            self.map_furniture(item, 0, margin, top, map_width, bottom - top)
        right = margin + map_width + 6
        right_width = width - margin - right
        self.label(tr("Border by status"), 0, right, top, right_width, 6, 10, bold=True)
        rows = self._statuslayer_rows()
        table = self.text_table([(tr("Status"), right_width * 0.6), (tr("Length (m)"), 0.0)], rows, 0, right,
                                top + 7, right_width, 60)
        table.recalculateFrameSizes()
        legend = self.legend(item, tr("Legend"), [self.report.segments, self.report.conflict_lines] +
                             ([self.report.conflict_areas] if self.report.conflict_areas is not None else []) +
                             list(self.report.elements) +
                             ([self.report.admin] if self.report.admin is not None else []))
        root = legend.model().rootGroup()
        for layer, title in ((self.report.segments, tr("Shared borders")),
                             (self.report.conflict_lines, tr("Conflicts (border)")),
                             (self.report.conflict_areas, tr("Conflicts (areas)")),
                             (self.report.admin, tr("Admin units"))):
            node = root.findLayer(layer) if layer is not None else None
            if node is not None:
                node.setName(title)
        legend_top = top + 7 + table.totalHeight() + 6
        if not self.fit_legend(legend, 0, right, legend_top, right_width, bottom + 8 - legend_top):
            self.warnings.append(tr("The legend is cut to fit page 1."))
        missing = [text for text, layer in ((tr("admin units"), self.report.admin),
                                            (tr("elements"), self.report.elements)) if not layer]
        if missing:
            note = tr("Not drawn on the map (not given, nor found in the project): {what}.").format(
                what=", ".join(missing))
            self.label(note, 0, margin, bottom + 9, map_width, 4, 7)
            self.warnings.append(note)

    def _statuslayer_rows(self) -> List[List[str]]:
        titles = kind_titles()
        lengths: Dict[str, float] = {}
        for row in self.segments:
            lengths[row["status"]] = lengths.get(row["status"], 0.0) + float(row.get("length_m") or 0.0)
        rows = [[titles.get(status, status), _number(length)] for status, length in
                sorted(lengths.items(), key=lambda item: -item[1])]
        rows.append([tr("Shared border"), _number(sum(lengths.values()))])
        if self.summary is not None:
            rows.append([tr("Score (sort by it)"), _number(self.summary.get("score"), 1)])
            rows.append([tr("Base-map overlap / gap (m²)"),
                         f"{_number(self.summary.get('admin_overlap_m2'), 0)} / "
                         f"{_number(self.summary.get('admin_gap_m2'), 0)}"])
        return rows

    def conflict_pages(self) -> None:
        page = self.add_page()
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        available = width - 2 * margin
        self.label(tr("Conflicts along the border"), page, margin, 6, available, 8, 12, bold=True)
        review = {"open": tr("open"), "agreed": tr("agreed"), "exception": tr("exception")}
        headings = [(tr("No."), 10.0), (tr("Kind"), 30.0), (tr("Side"), 16.0), (tr("Length (m)"), 20.0),
                    (tr("Area (m²)"), 22.0), (tr("Elements A"), 38.0), (tr("Elements B"), 38.0),
                    (tr("Review"), 20.0)]
        note_width = available - sum(w for _h, w in headings) - 9 * 1.7
        headings.append((tr("Note"), note_width))
        widths = [w for _h, w in headings]
        rows = [[self.fit_cell(text, w) for text, w in zip(
                [f"#{r['conflict_id']}", conflict_title(r["kind"], r.get("detail") or ""), r.get("side") or "",
                 _number(r.get("length_m")), _number(r.get("area_m2"), 0), r.get("elements_a") or "",
                 r.get("elements_b") or "", review.get(r.get("review_status") or "open", r.get("review_status") or ""),
                 r.get("review_note") or ""], widths)] for r in self.conflicts]
        if not rows:
            rows = [["", tr("No conflicts: the submissions agree along this border."), "", "", "", "", "", "", ""]]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True)

    def framework_pages(self) -> None:
        """The transmission indicators of the elements the two cities share, and the findings on
        them (when the framework's results are given)."""
        if self.report.indicators is None:
            return
        from ..frame.indicator_check import indicator_finding_titles

        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        available = width - 2 * margin
        page = self.add_page()
        self.label(tr("Transmission indicators of the elements across this border"), page, margin, 6, available, 8,
                   12, bold=True)
        headings = [(tr("Element"), 0.0), (tr("Zone"), 34.0), (tr("Area (ha)"), 20.0),
                    (tr("Elevation mean (m)"), 24.0), (tr("Elevation min–max (m)"), 30.0),
                    (tr("Slope mean (°)"), 20.0), (tr("Steep share"), 18.0), (tr("Forest share"), 18.0)]
        headings[0] = (headings[0][0], available - sum(w for _h, w in headings) - 9 * 1.7)

        def zone_text(z: Dict[str, Any]) -> str:
            if z.get("zone") == "strip":
                return tr("strip {city} → {other}").format(city=z.get("city_id"), other=z.get("other_city_id"))
            return tr("part {city}").format(city=z.get("city_id"))

        area = [(z.get("area_m2") or 0.0) / 10000.0 for z in self.framework_zones]
        rows = [[self.fit_cell(f"{z.get('element_id')} {z.get('element_name') or ''}".strip(), headings[0][1]),
                 self.fit_cell(zone_text(z), headings[1][1]), _number(ha, 2),
                 _number(z.get("elevation_mean"), 1),
                 f"{_number(z.get('elevation_min'), 1)}–{_number(z.get('elevation_max'), 1)}",
                 _number(z.get("slope_mean"), 2), _number(z.get("slope_share"), 3), _number(z.get("forest_share"), 3)]
                for z, ha in zip(self.framework_zones, area)]
        if not rows:
            rows = [[tr("No catalogue element has a part in both {a} and {b}.").format(a=self.pair[0], b=self.pair[1]),
                     "", "", "", "", "", "", ""]]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True)
        page = self.add_page()
        self.label(tr("Indicator findings on these elements"), page, margin, 6, available, 8, 12, bold=True)
        titles = indicator_finding_titles()
        headings = [(tr("Kind"), 40.0), (tr("Element"), 30.0), (tr("City"), 22.0), (tr("Indicator"), 28.0),
                    (tr("Value"), 20.0), (tr("Threshold"), 26.0), (tr("Message"), 0.0)]
        headings[-1] = (headings[-1][0], available - sum(w for _h, w in headings) - 8 * 1.7)
        message = "message_zh" if tr("en").startswith("zh") else "message_en"
        rows = []
        for f in self.framework_findings:
            cities = f.get("city_id") or ""
            if f.get("other_city_id"):
                cities = f"{cities} / {f.get('other_city_id')}"
            bounds = f"{_number(f.get('min'), 3) if f.get('min') is not None else ''}–" \
                     f"{_number(f.get('max'), 3) if f.get('max') is not None else ''}"
            value = _number(f.get("value"), 3) if f.get("value") is not None else ""
            cells = [titles.get(f.get("kind"), f.get("kind") or ""), f.get("element_id") or "", cities,
                     f.get("indicator") or "", value, bounds if bounds != "–" else "", f.get(message) or ""]
            rows.append([self.fit_cell(text, w) for text, (_h, w) in zip(cells, headings)])
        if not rows:
            rows = [[tr("No findings: the two cities' parts meet their thresholds."), "", "", "", "", "", ""]]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True)

    def round_pages(self) -> None:
        """The pair's conflicts and findings across the rounds (when a round comparison is
        given): their counts, then one row each as the review dock lists them."""
        if self.report.rounds is None:
            return
        from ..frame.round_review import round_summary_text, round_table_headings

        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        available = width - 2 * margin
        page = self.add_page()
        self.label(tr("Round comparison of this border (三下三上)"), page, margin, 6, available, 8, 12, bold=True)
        self.label(round_summary_text(self.round_rows), page, margin, 15, available, 5, 9)
        self.label(tr("Source: {source}").format(source=self.report.rounds.name()), page, margin, 20.5, available, 5,
                   8)
        names = round_table_headings()
        headings = [(names[0], 18.0), (names[1], 48.0), (names[2], 48.0), (names[3], 18.0), (names[4], 16.0),
                    (names[5], 36.0), (names[6], 0.0)]
        headings[-1] = (headings[-1][0], available - sum(w for _h, w in headings) - len(headings) * 1.7)
        rows = [[self.fit_cell(text, w) for text, (_h, w) in zip(row.cells, headings)] for row in self.round_rows]
        if not rows:
            rows = [["", self.fit_cell(tr("Neither round has a conflict or finding between {a} and {b}.").format(
                a=self.pair[0], b=self.pair[1]), headings[1][1]), "", "", "", "", ""]]
        self.text_table(headings, rows, page, margin, 27, available, height - 27 - margin, repeat=True)

    def build(self):
        self.map_page()
        self.conflict_pages()
        self.framework_pages()
        self.round_pages()
        self.finish_pages()
        return self.layout


def export_pair_report(layers: BorderReportLayers, pdf: Path, admin_a: str, admin_b: str,
                       project: Optional[QgsProject] = None, title: Optional[str] = None,
                       dpi: float = 150.0) -> BorderReportResult:
    """The report of the border between ``admin_a`` and ``admin_b`` as PDF. Layers not in
    ``project`` are added to it, hidden from its layer tree."""
    project = project if project is not None else QgsProject.instance()
    # Layers read straight from a file have QGIS's default look: give them the border styles.
    for layer, style in ((layers.segments, style_segments_layer), (layers.conflict_lines, style_conflicts_layer),
                         (layers.conflict_areas, style_conflicts_layer)):
        if layer is not None and not isinstance(layer.renderer(), QgsRuleBasedRenderer):
            style(layer)
    if layers.admin is None or not layers.elements:
        admin, elements = find_border_inputs(project, admin_a, admin_b,
                                             [layers.segments, layers.conflict_lines, layers.conflict_areas,
                                              layers.summary] + list(layers.context))
        layers = replace(layers, admin=layers.admin or admin, elements=list(layers.elements) or elements)
    if layers.indicators is None:
        indicators, findings = find_framework_results(project)
        layers = replace(layers, indicators=indicators, indicator_findings=layers.indicator_findings or findings)
    if layers.rounds is None and layers.find_rounds:
        from ..frame.round_review import find_round_comparisons
        found = find_round_comparisons(project)
        layers = replace(layers, rounds=found[-1] if found else None)
    for layer in [layers.segments, layers.conflict_lines, layers.conflict_areas, layers.summary, layers.admin,
                  layers.indicators, layers.indicator_findings, layers.rounds] + list(layers.elements) + \
            list(layers.context):
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, admin_a, admin_b, title)
    if not builder.segments:
        raise ValueError(tr('"{a}" and "{b}" share no border in these results.').format(a=admin_a, b=admin_b))
    layout = builder.build()
    result = BorderReportResult(Path(pdf), layout.pageCollection().pageCount(), len(builder.conflicts),
                                cjk_font_family(), list(builder.warnings),
                                len(builder.round_rows) if layers.rounds is not None else None)
    if result.font_family is None:
        result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not render "
                                  "(install e.g. fonts-wqy-microhei)."))
    export_pdf(layout, Path(pdf), dpi)
    return result


def pair_file_name(admin_a: str, admin_b: str) -> str:
    return f"边界审查_{safe_file_part(f'{admin_a}-{admin_b}', 'pair')}.pdf"
