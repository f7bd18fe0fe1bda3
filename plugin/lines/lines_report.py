"""Three-lines check results for people: map styles of the issues, the statistics as
CSV (the CLI's --stats-csv format) and a printable PDF report.

* Issues (areas) and issue points (L01): one colour per severity — error red, warning
  orange, minor yellow — and accepted exceptions grey; labels with the rule id.
* Statistics CSV: UTF-8 with a BOM (so Excel reads the Chinese names), the Chinese
  column names of line_stats as header, texts quoted, numbers with 4 decimals, empty
  where not known — byte for byte what `guotu lines check --stats-csv` writes.
* Report: page 1 the map of the three lines with the issues, a legend and the issue
  counts by rule; then the statistics by admin unit (line_stats) as a table.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsFeatureRequest, QgsFillSymbol, QgsLayoutItemMap, QgsLayoutTable, QgsLayoutTableStyle,
                       QgsMarkerSymbol, QgsPrintLayout, QgsProject, QgsRectangle, QgsRuleBasedRenderer,
                       QgsVectorLayer, QgsWkbTypes)

from ..i18n import column_title, tr
from ..inputs.conversions import is_null
from ..indicators.indicators_report import REPORT_COLUMNS, report_rows
from .lines_check import STATS_FIELDS, rule_titles
from ..inputs.output_files import write_bytes_atomically
from ..reporting.report_layout import LayoutBuilder, cjk_font_family, export_pdf, fit_extent
from ..reporting.style_helpers import halo_labeling, set_aliases

# Severity colours (fill, outline): ColorBrewer reds/oranges/yellows; accepted grey.
SEVERITY_COLORS = {"error": ("#e31a1c", "#99000d"), "warning": ("#ff7f00", "#a63603"),
                   "minor": ("#ffd92f", "#b8860b")}
ACCEPTED_COLORS = ("#bdbdbd", "#636363")
FILL_ALPHA = 150


def severity_titles() -> Dict[str, str]:
    return {"error": tr("Error"), "warning": tr("Warning"), "minor": tr("Minor"),
            "accepted": tr("Accepted exception")}


# Rules whose geometry is a whole admin unit (targets): drawn as an outline, not a fill.
ADMIN_RULES = ("L11", "L12", "L13", "L14")


def _symbol(point: bool, fill: str, outline: str, dashed: bool = False, outline_only: bool = False):
    color = QColor(fill)
    if point:
        return QgsMarkerSymbol.createSimple({"name": "circle", "color": color.name(), "outline_color": "#ffffff",
                                             "outline_width": "0.4", "size": "3.6"})
    if outline_only:
        return QgsFillSymbol.createSimple({"color": color.name(), "style": "no", "outline_color": fill,
                                           "outline_width": "1.2", "outline_style": "dash"})
    color.setAlpha(FILL_ALPHA)
    return QgsFillSymbol.createSimple({"color": ",".join(str(c) for c in color.getRgb()), "outline_color": outline,
                                       "outline_width": "0.6", "outline_style": "dash" if dashed else "solid"})


def issues_renderer(point: bool) -> QgsRuleBasedRenderer:
    """Accepted exceptions grey, open issues by severity; on the areas layer the rules on
    whole admin units (L11–L14) as dashed outlines so that they do not hide the lines."""
    titles = severity_titles()
    admin = "\"rule_id\" IN ({})".format(", ".join(f"'{rule}'" for rule in ADMIN_RULES))
    is_open = "coalesce(\"status\", '') <> 'accepted'"
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(_symbol(point, *ACCEPTED_COLORS, dashed=True), 0, 0,
                                               "\"status\" = 'accepted'", titles["accepted"]))
    for severity, (fill, outline) in SEVERITY_COLORS.items():
        where = f"{is_open} AND \"severity\" = '{severity}'"
        root.appendChild(QgsRuleBasedRenderer.Rule(_symbol(point, fill, outline), 0, 0,
                                                   where if point else f"{where} AND NOT {admin}",
                                                   titles[severity]))
    if not point:
        for severity in ("error", "warning"):
            fill, outline = SEVERITY_COLORS[severity]
            root.appendChild(QgsRuleBasedRenderer.Rule(
                _symbol(False, fill, outline, outline_only=True), 0, 0,
                f"{is_open} AND \"severity\" = '{severity}' AND {admin}",
                tr("{severity}: admin unit target").format(severity=titles[severity])))
    return QgsRuleBasedRenderer(root)


def style_issues_layer(layer: QgsVectorLayer) -> None:
    """Severity colours (and grey for accepted exceptions), points for L01, rule labels."""
    point = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.PointGeometry
    layer.setRenderer(issues_renderer(point))
    layer.setLabeling(halo_labeling("rule_id"))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()


def style_stats_layer(layer: QgsVectorLayer) -> None:
    """The Chinese column names of line_stats as field aliases (as the CLI's table has them)."""
    set_aliases(layer, STATS_FIELDS)


# ---- statistics CSV ----

def _csv_cell(kind: str, value: Any) -> str:
    if kind == "text":  # quoted, quotes doubled (RFC 4180): names may hold commas, quotes and newlines
        return '"{}"'.format("" if is_null(value) else str(value).replace('"', '""'))
    if is_null(value):
        return ""
    number = float(value)
    return "" if math.isnan(number) else f"{number:.4f}"


def stats_csv_text(rows: Sequence[Sequence[Any]]) -> str:
    """The statistics as `guotu lines check --stats-csv` writes them (without the BOM): headed
    by the Chinese column names in the Chinese UI, by the field names otherwise (the tool's
    --csv-headers names)."""
    lines = [",".join(column_title(name, alias) for name, _kind, alias in STATS_FIELDS)]
    for row in rows:
        lines.append(",".join(_csv_cell(kind, value) for (_name, kind, _alias), value in zip(STATS_FIELDS, row)))
    return "\n".join(lines) + "\n"


def stats_rows(layer: QgsVectorLayer) -> List[List[Any]]:
    """Rows of a line_stats layer (the algorithm's LINE_STATS or the CLI's table) in
    STATS_FIELDS order."""
    fields = layer.fields()
    indexes = [fields.lookupField(name) for name, _kind, _alias in STATS_FIELDS]
    missing = [name for (name, _k, _a), i in zip(STATS_FIELDS, indexes) if i < 0]
    if missing:
        raise ValueError(tr('Layer "{layer}" is not a three-lines statistics table: it has no {fields}.').format(
            layer=layer.name(), fields=", ".join(missing)))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    return [[feature.attribute(i) for i in indexes] for feature in layer.getFeatures(request)]


def write_stats_csv(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    """UTF-8 with a BOM, so that Excel reads the Chinese names; written atomically."""
    return write_bytes_atomically(Path(path), b"\xef\xbb\xbf" + stats_csv_text(rows).encode("utf-8"))


# ---- PDF report ----

@dataclass
class LinesReportLayers:
    lines: List[QgsVectorLayer]           # the workspace layers drawn on the map (admin units included)
    issues: Optional[QgsVectorLayer]
    issue_points: Optional[QgsVectorLayer]
    stats: QgsVectorLayer
    source: str = ""
    # Binding plan indicators (guotu:bindingindicators' table): a table of their own after the statistics.
    indicators: Optional[QgsVectorLayer] = None


@dataclass
class LinesReportResult:
    pages: int
    pdf: Path
    indicators_page: int = 0  # the first page of the binding indicators (1-based); 0: none
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)


def _format(value: Any, decimals: int = 2) -> str:
    if is_null(value):
        return ""
    if isinstance(value, str):
        return {"pass": tr("pass"), "fail": tr("fail")}.get(value, value)
    number = float(value)
    return "" if math.isnan(number) else f"{number:,.{decimals}f}"


def _heading_lines(text: str) -> str:
    """A Chinese column name with the unit in brackets on a line of its own (fit_cell then
    wraps the name to its column)."""
    main, bracket, unit = text.partition("（")
    return f"{main}\n{bracket}{unit}" if bracket else main


class _Builder(LayoutBuilder):
    def __init__(self, project: QgsProject, layers: LinesReportLayers, title: Optional[str]) -> None:
        super().__init__(project, title or tr("Three control lines check (三区三线检查)"))
        self.report = layers
        self.warnings: List[str] = []
        self.indicators_page = 0

    def _issue_layers(self) -> List[QgsVectorLayer]:
        return [layer for layer in (self.report.issue_points, self.report.issues) if layer is not None]

    def map_page(self) -> None:
        size = self.page_size()
        width, height = size.width(), size.height()
        margin = 10.0
        self.label(self.title, 0, margin, 6, width - 2 * margin, 9, 16, bold=True)
        self.label(tr("Source: {source}").format(source=self.report.source), 0, margin, 15, width - 2 * margin, 5, 8)
        map_width = width * 0.62
        top, bottom = 22.0, height - margin - 8
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        layers = self._issue_layers() + list(self.report.lines)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        base = self.report.lines[0] if self.report.lines else self.report.stats
        item.setCrs(base.crs())
        self.layout.addLayoutItem(item)
        self.place(item, 0, margin, top, map_width, bottom - top)
        extent = QgsRectangle()
        for layer in layers:
            if layer.featureCount() > 0:
                layer.updateExtents()
                if extent.isEmpty():
                    extent = QgsRectangle(layer.extent())
                else:
                    extent.combineExtentWith(layer.extent())
        if not extent.isEmpty():
            item.setExtent(fit_extent(extent, map_width / (bottom - top)))
            self.map_furniture(item, 0, margin, top, map_width, bottom - top)
        right = margin + map_width + 6
        right_width = width - margin - right
        rows = self._counts()
        self.label(tr("Issues by rule"), 0, right, top, right_width, 6, 10, bold=True)
        rows = [(self.fit_cell(rule, right_width * 0.62), opened, accepted) for rule, opened, accepted in rows]
        table = self.text_table([(tr("Rule"), right_width * 0.62), (tr("Open"), right_width * 0.16),
                                 (tr("Accepted"), 0.0)], rows, 0, right, top + 7, right_width, bottom - top - 7,
                                repeat=False)
        table.recalculateFrameSizes()
        legend = self.legend(item, tr("Legend"), layers)
        legend_top = min(top + 7 + table.totalHeight() + 5, bottom - 60)
        if not self.fit_legend(legend, 0, right, legend_top, right_width, bottom + 8 - legend_top):
            self.warnings.append(tr("The legend is cut to fit page 1."))

    def _counts(self) -> List[Sequence[str]]:
        titles = rule_titles()
        counts: Dict[str, List[int]] = {}
        for layer in self._issue_layers():
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            for feature in layer.getFeatures(request):
                rule = str(feature["rule_id"])
                entry = counts.setdefault(rule, [0, 0])
                entry[1 if feature["status"] == "accepted" else 0] += 1
        if not counts:
            return [(tr("No issues"), "0", "0")]
        return [(f"{rule} {titles.get(rule, '')}", str(n[0]), str(n[1])) for rule, n in sorted(counts.items())]

    def stats_pages(self) -> None:
        page = self.add_page()
        size = self.page_size()
        margin = 10.0
        self.label(tr("Statistics by admin unit (ha; 1 ha = 15 mu)"), page, margin, 6, size.width() - 2 * margin, 8,
                   12, bold=True)
        shown = ["admin_code", "admin_name", "redline_ha", "redline_target_ha", "redline_ok", "farmland_ha",
                 "farmland_mu", "farmland_target_ha", "farmland_ok", "urban_ha", "urban_2020_ha", "expansion",
                 "expansion_cap", "expansion_ok", "cultivated_ha", "farmland_share", "share_ok"]
        aliases = {name: alias for name, _kind, alias in STATS_FIELDS}
        order = [name for name, _kind, _alias in STATS_FIELDS]
        available = size.width() - 2 * margin
        widths = {"admin_code": 15.0, "admin_name": 20.0}
        per_column = 2 * 0.7 + 0.3  # cell margins and grid line of each column (see style_table)
        other = (available - sum(widths.values()) - per_column * len(shown)) / (len(shown) - len(widths))
        # The column names go in the first row: table headers do not wrap, and Chinese names
        # need two or three short lines in columns this narrow.
        headings = [("", widths.get(name, other)) for name in shown]
        rows = [[_heading_lines(aliases[name]) for name in shown]]
        for row in stats_rows(self.report.stats):
            values = dict(zip(order, row))
            rows.append([_format(values[name], 3 if name in ("expansion", "farmland_share") else 2)
                         for name in shown])
        rows = [[self.fit_cell(text, width) for text, (_h, width) in zip(row, headings)] for row in rows]
        table = self.text_table(headings, rows, page, margin, 16, available, size.height() - 16 - margin,
                                repeat=True)
        table.setHeaderMode(QgsLayoutTable.NoHeaders)
        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = QColor("#e6e6e6")
        table.setCellStyle(QgsLayoutTable.FirstRow, header)
        table.refreshAttributes()
        self.layout.refresh()

    def indicator_pages(self) -> None:
        page = self.add_page()
        self.indicators_page = page + 1
        size = self.page_size()
        margin = 10.0
        self.label(tr("Binding plan indicators by admin unit (约束性指标; ha, forest cover %)"), page, margin, 6,
                   size.width() - 2 * margin, 8, 12, bold=True)
        available = size.width() - 2 * margin
        per_column = 2 * 0.7 + 0.3  # cell margins and grid line of each column (see style_table)
        usable = available - per_column * len(REPORT_COLUMNS)
        headings = [("", usable * share) for _name, _title, share in REPORT_COLUMNS]
        rows = [[_heading_lines(title) for _name, title, _share in REPORT_COLUMNS]]
        rows += report_rows(self.report.indicators)
        rows = [[self.fit_cell(text, width) for text, (_h, width) in zip(row, headings)] for row in rows]
        table = self.text_table(headings, rows, page, margin, 16, available, size.height() - 16 - margin,
                                repeat=True)
        table.setHeaderMode(QgsLayoutTable.NoHeaders)
        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = QColor("#e6e6e6")
        table.setCellStyle(QgsLayoutTable.FirstRow, header)
        table.refreshAttributes()
        self.layout.refresh()

    def build(self) -> QgsPrintLayout:
        self.map_page()
        self.stats_pages()
        if self.report.indicators is not None:
            self.indicator_pages()
        self.finish_pages()
        return self.layout


def export_lines_report(layers: LinesReportLayers, pdf: Path, project: Optional[QgsProject] = None,
                        title: Optional[str] = None, dpi: float = 150.0) -> LinesReportResult:
    """The report as PDF. Layers not in ``project`` are added to it, hidden from its tree."""
    project = project if project is not None else QgsProject.instance()
    for layer in list(layers.lines) + [layers.issues, layers.issue_points, layers.stats, layers.indicators]:
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, title)
    layout = builder.build()
    result = LinesReportResult(pages=layout.pageCollection().pageCount(), pdf=Path(pdf),
                               indicators_page=builder.indicators_page,
                               font_family=cjk_font_family(), warnings=list(builder.warnings))
    if result.font_family is None:
        result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not render "
                                  "(install e.g. fonts-noto-cjk)."))
    export_pdf(layout, Path(pdf), dpi)
    return result
