"""The printable review report of the parcel check (整治地块审查报告), one PDF per village.

Page 1: an overview map of the village's parcels coloured by verdict (with the three
lines for context), the verdict counts and a legend. When a unit ledger is given and its
units are the villages, page 2 is the village's unit: its balance sheet, cultivated land by
grade and the rules L1–L7 (the page of the ledger's own report). Then one page per parcel
that is not
a plain pass — a map zoomed to the parcel with the areas at fault, and every reason with
its rule, area and share. Then the tables: the village's parcels, and the project /
consolidation-unit checks (U01–U03) of the projects its parcels belong to.

The report reads the check's layers (the algorithm's outputs or the CLI's GeoPackage
tables) by field name, so it works on results saved earlier as well.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsCoordinateTransform, QgsExpression, QgsFeature, QgsFeatureRequest, QgsFeedback, QgsFillSymbol,
                       QgsLayoutItemMap, QgsMapLayer, QgsProject, QgsRectangle, QgsSingleSymbolRenderer,
                       QgsVectorLayer, QgsWkbTypes)

from ..binding.errors import GuotuCancelled
from ..i18n import chinese_ui, tr
from ..lines.lines_workspace import ROLE_PROPERTY
from ..conversion.conversion_style import category_label
from ..ledger.ledger_report import LedgerReportLayers, draw_unit_page, unit_rows
from .parcels_check import rule_titles
from .parcels_style import reasons_text, severity_titles, verdict_text, verdict_titles
from ..reporting.report_layout import (LayoutBuilder, cjk_font_family, export_pdf, fit_extent, format_number, layer_rows,
                            safe_file_part)

NO_VILLAGE = ""


@dataclass
class ParcelsReportLayers:
    parcels: QgsVectorLayer                   # parcel_checks
    reasons: QgsVectorLayer                   # parcel_reasons
    projects: Optional[QgsVectorLayer] = None  # project_checks
    villages: Optional[QgsVectorLayer] = None  # village_totals
    context: List[QgsVectorLayer] = field(default_factory=list)  # e.g. the three lines
    source: str = ""
    redline: Optional[QgsVectorLayer] = None  # the ecological red line (else found in context / project)
    ledger: Optional[LedgerReportLayers] = None  # a unit ledger whose units are the villages: a page each


@dataclass
class ParcelsReportResult:
    pdf: Path
    village_id: str
    pages: int
    parcel_pages: int
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)
    ledger_pages: int = 0  # pages of the village's unit from the unit ledger (0: no ledger, or no such unit)


def _explanation(reason: dict) -> str:
    """A reason's explanation in the user's language (the core writes both)."""
    text = reason.get("message_zh") if chinese_ui() else reason.get("message_en")
    return text or reason.get("message_zh") or reason.get("message_en") or ""


def _number(value: Any, decimals: int = 4) -> str:
    return format_number(value, decimals)


def _percent(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return "" if math.isnan(number) else f"{100 * number:.1f}%"


def _one_reason_a_line(text: str) -> str:
    """Reasons joined with the full-width semicolon, one a line (the table then fits each line
    to its column)."""
    return text.replace("；", "；\n")


def _rule_result(value: Any) -> str:
    """A project rule's result (pass / fail) in the user's language."""
    return {"pass": tr("passed"), "fail": tr("failed")}.get(str(value or ""), str(value or ""))


def _category(name: Any) -> str:
    """A policy category in the user's language ("cultivated land" / "耕地")."""
    name = name or ""
    return category_label(name) if name else "?"


def _extent(rows: Sequence[Dict[str, Any]]) -> QgsRectangle:
    extent = QgsRectangle()
    for row in rows:
        geometry = row.get("_geometry")
        if geometry is None or geometry.isEmpty():
            continue
        box = geometry.boundingBox()
        if extent.isEmpty():
            extent = QgsRectangle(box)
        else:
            extent.combineExtentWith(box)
    return extent


REDLINE_TABLE = "ecological_redline"
REDLINE_RULES = ("P10",)  # rules about the ecological red line: their pages draw it
REDLINE_COLOR = "#e31a1c"


def is_redline_layer(layer: Optional[QgsMapLayer]) -> bool:
    """A layer of a three-lines workspace's ecological red line: by the role an opened
    workspace gives its layers, or by its table in a GeoPackage (not by its display name,
    which is the user's or a translation)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    if layer.customProperty(ROLE_PROPERTY) == REDLINE_TABLE:
        return True
    return f"layername={REDLINE_TABLE}" in layer.source().split("|", 1)[-1] and \
        layer.geometryType() == QgsWkbTypes.PolygonGeometry


def find_redline(layers: ParcelsReportLayers, project: Optional[QgsProject]) -> Optional[QgsVectorLayer]:
    """The red line to draw: the one given, else one among the context layers, else one of
    a workspace open in ``project``; None when there is none."""
    if layers.redline is not None:
        return layers.redline
    for layer in layers.context:
        if is_redline_layer(layer):
            return layer
    if project is not None:
        for layer in project.mapLayers().values():
            if is_redline_layer(layer):
                return layer
    return None


def redline_overlay(redline: QgsVectorLayer, project: QgsProject, crs, extent: QgsRectangle) -> QgsVectorLayer:
    """The red-line polygons over ``extent`` (in ``crs``) as a report-only layer: a red
    outline over a light red hatch, so that it shows over the parcel even where the line
    itself is off the map."""
    overlay = QgsVectorLayer(f"Polygon?crs={crs.authid() or 'EPSG:4326'}", tr("Ecological protection red line"),
                             "memory")
    overlay.setCrs(crs)
    transform = QgsCoordinateTransform(redline.crs(), crs, project.transformContext())
    area = extent
    if redline.crs() != crs:
        area = QgsCoordinateTransform(crs, redline.crs(), project.transformContext()).transformBoundingBox(extent)
    features = []
    for source in redline.getFeatures(QgsFeatureRequest().setFilterRect(area).setNoAttributes()):
        if not source.hasGeometry():
            continue
        geometry = source.geometry()
        if redline.crs() != crs:
            geometry.transform(transform)
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    overlay.dataProvider().addFeatures(features)
    overlay.updateExtents()
    symbol = QgsFillSymbol.createSimple({"color": "227,26,28,45", "outline_color": REDLINE_COLOR,
                                         "outline_width": "0.9"})
    overlay.setRenderer(QgsSingleSymbolRenderer(symbol))
    return overlay


class _Builder(LayoutBuilder):
    MARGIN = 10.0

    def __init__(self, project: QgsProject, layers: ParcelsReportLayers, village_id: str, village_name: str,
                 title: Optional[str]) -> None:
        name = village_name or village_id or tr("parcels in no village")
        super().__init__(project, title or tr("Rectification parcel review — {village}").format(village=name))
        self.report = layers
        self.village_id = village_id
        where = f"coalesce(\"village_id\", '') = {QgsExpression.quotedString(village_id)}"
        self.parcels = layer_rows(layers.parcels, where)
        self.parcel_pages = 0
        self.ledger_pages = 0
        self.redline = find_redline(layers, project)
        self.temporary: List[QgsVectorLayer] = []  # report-only layers, removed after the export
        self.warnings: List[str] = []

    def _map(self, page: int, x: float, y: float, width: float, height: float, extent: QgsRectangle,
             with_reasons: bool, on_top: Optional[List[QgsVectorLayer]] = None) -> QgsLayoutItemMap:
        item = QgsLayoutItemMap(self.layout)
        item.setCrs(self.report.parcels.crs())  # first: a map item without a CRS makes PROJ complain on stderr
        item.setFrameEnabled(True)
        layers = list(on_top or []) + ([self.report.reasons] if with_reasons else []) + [self.report.parcels] + \
            list(self.report.context)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        self.layout.addLayoutItem(item)
        self.place(item, page, x, y, width, height)
        if not extent.isEmpty():
            item.setExtent(fit_extent(extent, width / height, margin=0.15 if with_reasons else 0.05))
            self.map_furniture(item, page, x, y, width, height)
        return item

    def _redline_for(self, page: int, row: Dict[str, Any], extent: QgsRectangle,
                     aspect: float) -> Optional[List[QgsVectorLayer]]:
        """The red line over a parcel page's map when the parcel is at fault for it; a note
        on the page (and a warning) when the red line is not available."""
        rules = str(row.get("rule_ids") or "").replace(";", ",").split(",")
        if not any(rule.strip() in REDLINE_RULES for rule in rules):
            return None
        if self.redline is None:
            note = tr("The ecological protection red line is not drawn: it was not given (open the three-lines "
                      "workspace in the project or give it to the report).")
            size = self.page_size()
            bottom = size.height() - self.MARGIN - 8
            label = self.label(note, page, self.MARGIN + 2, bottom - 11, size.width() * 0.5 - 14, 9, 7.5)
            label.setBackgroundEnabled(True)
            label.setBackgroundColor(QColor(255, 255, 255, 220))
            if note not in self.warnings:
                self.warnings.append(note)
            return None
        overlay = redline_overlay(self.redline, self.project, self.report.parcels.crs(),
                                  fit_extent(extent, aspect, margin=0.5))
        self.project.addMapLayer(overlay, False)
        self.temporary.append(overlay)
        return [overlay]

    def overview(self) -> None:
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        self.label(self.title, 0, margin, 6, width - 2 * margin, 9, 16, bold=True)
        if self.report.source:
            self.label(tr("Source: {source}").format(source=self.report.source), 0, margin, 15, width - 2 * margin, 5,
                       8)
        top, bottom = 22.0, height - margin - 8
        map_width = width * 0.62
        item = self._map(0, margin, top, map_width, bottom - top, _extent(self.parcels), with_reasons=False)
        right = margin + map_width + 6
        right_width = width - margin - right
        titles = verdict_titles()
        counts = {verdict: 0 for verdict in titles}
        areas = {verdict: 0.0 for verdict in titles}
        for row in self.parcels:
            verdict = row.get("verdict_en") or ""
            if verdict in counts:
                counts[verdict] += 1
                areas[verdict] += float(row.get("area_ha") or 0.0)
        self.label(tr("Verdicts"), 0, right, top, right_width, 6, 10, bold=True)
        rows = [(titles[v], str(counts[v]), _number(areas[v], 2)) for v in titles]
        rows.append((tr("Total"), str(len(self.parcels)), _number(sum(areas.values()), 2)))
        table = self.text_table([(tr("Verdict"), right_width * 0.5), (tr("Parcels"), right_width * 0.2),
                                 (tr("Area (ha)"), 0.0)], rows, 0, right, top + 7, right_width, 40, fit=True)
        table.recalculateFrameSizes()
        legend = self.legend(item, tr("Legend"), [self.report.parcels] + list(self.report.context))
        node = legend.model().rootGroup().findLayer(self.report.parcels)
        node.setUseLayerName(False)  # the legend's own label: the user's layer keeps its name
        node.setName(tr("Parcel verdicts"))
        legend_top = top + 7 + table.totalHeight() + 6
        if not self.fit_legend(legend, 0, right, legend_top, right_width, bottom - legend_top):
            self.warnings.append(tr("The legend is cut to fit page 1."))

    def ledger_page(self) -> None:
        """The village's unit of the unit ledger, when one is given: its balance sheet page.
        A ledger without this village among its units (units that are not the villages) adds
        no page and says so in the warnings."""
        ledger = self.report.ledger
        if ledger is None:
            return
        rows = unit_rows(ledger, self.village_id) if self.village_id else []
        if not rows:
            self.warnings.append(tr("The unit ledger {ledger} has no unit {village}: the village's balance sheet "
                                    "is not in its report.").format(ledger=ledger.units.name(),
                                                                     village=self.village_id or tr("(no village)")))
            return
        for row in rows:
            draw_unit_page(self, ledger, row, self.add_page(), self.MARGIN)
            self.ledger_pages += 1

    def parcel_page(self, row: Dict[str, Any]) -> None:
        page = self.add_page()
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        verdict = verdict_text(row)
        self.label(tr("Parcel {id}: {verdict}").format(id=row["parcel_id"], verdict=verdict), page, margin, 6,
                   width - 2 * margin, 9, 15, bold=True)
        facts = tr("{type} · {current} ({current_category}) → {planned} ({planned_category}) · {area} ha · "
                   "project {project}").format(
            type=row.get("project_type") or "", current=row.get("current_code") or "",
            current_category=_category(row.get("current_category")), planned=row.get("planned_code") or "",
            planned_category=_category(row.get("planned_category")), area=_number(row.get("area_ha"), 4),
            project=row.get("project_id") or "")
        self.label(facts, page, margin, 15, width - 2 * margin, 6, 9)
        top, bottom = 23.0, height - margin - 8
        map_width = width * 0.5
        extent = _extent([row])
        on_top = self._redline_for(page, row, extent, map_width / (bottom - top))
        item = self._map(page, margin, top, map_width, bottom - top, extent, with_reasons=True, on_top=on_top)
        if on_top:
            key = self.legend(item, "", on_top)
            key.setBackgroundEnabled(True)
            self.fit_legend(key, page, margin + 2, bottom - 12, map_width - 20, 10)
        right = margin + map_width + 6
        right_width = width - margin - right
        reasons = layer_rows(self.report.reasons, f"\"parcel_id\" = {QgsExpression.quotedString(str(row['parcel_id']))}")
        titles = rule_titles()
        severity = severity_titles()
        table_rows = [(f"{r['rule_id']} {titles.get(r['rule_id'], '')}", severity.get(r.get("severity"), ""),
                       _number(r.get("area_ha")), _percent(r.get("share")), _explanation(r))
                      for r in sorted(reasons, key=lambda r: r["rule_id"])]
        self.label(tr("Reasons"), page, right, top, right_width, 6, 10, bold=True)
        widths = [right_width * 0.2, right_width * 0.1, right_width * 0.11, right_width * 0.09]
        widths.append(right_width - sum(widths) - 5 * 1.7)  # cell margins and grid lines
        table_rows = [row[:4] + (_one_reason_a_line(row[4]),) for row in table_rows]
        self.text_table(list(zip((tr("Rule"), tr("Kind"), tr("Area (ha)"), tr("Share"), tr("Explanation")),
                                 widths)), table_rows, page, right, top + 7, right_width, bottom - top - 7, fit=True)
        self.parcel_pages += 1

    def tables(self) -> None:
        page = self.add_page()
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        available = width - 2 * margin
        self.label(tr("Parcels of the village"), page, margin, 6, available, 8, 12, bold=True)
        headings = [(tr("Parcel"), 18.0), (tr("Type"), 24.0), (tr("Current"), 14.0), (tr("Planned"), 14.0),
                    (tr("Conversion"), 20.0), (tr("Area (ha)"), 18.0), (tr("Verdict"), 20.0), (tr("Rules"), 24.0)]
        reasons_width = available - sum(w for _h, w in headings) - 9 * 1.7
        headings.append((tr("Reasons"), reasons_width))
        rows = [(str(r["parcel_id"]), r.get("project_type") or "", r.get("current_code") or "",
                 r.get("planned_code") or "", r.get("status") or "", _number(r.get("area_ha")),
                 verdict_text(r), r.get("rule_ids") or "", _one_reason_a_line(reasons_text(r)))
                for r in sorted(self.parcels, key=lambda r: str(r["parcel_id"]))]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True, fit=True)
        projects = sorted({str(r.get("project_id") or "") for r in self.parcels})
        unit_rows = [r for r in layer_rows(self.report.projects) if str(r.get("project_id") or "") in projects]
        if not unit_rows:
            return
        page = self.add_page()
        self.label(tr("Project and consolidation-unit checks (U01 new cultivated land, U02 farmland balance, U03 "
                      "ecological land)"), page, margin, 6, available, 8, 12, bold=True)
        headings = [(tr("Project"), 22.0), (tr("Parcels"), 14.0), (tr("Area (ha)"), 18.0),
                    (tr("Original cultivated (ha)"), 22.0), (tr("Net new share"), 18.0), ("U01", 10.0),
                    (tr("Farmland added ÷ out"), 20.0), ("U02", 10.0), (tr("Standard-forest change (ha)"), 24.0),
                    ("U03", 10.0), (tr("Verdict"), 16.0)]
        notes_width = available - sum(w for _h, w in headings) - 12 * 1.7
        headings.append((tr("Notes"), notes_width))
        rows = [(str(u.get("project_id") or ""), str(u.get("parcels") or 0), _number(u.get("area_ha")),
                 _number(u.get("original_cultivated_ha")), _percent(u.get("new_cultivated_ratio")),
                 _rule_result(u.get("new_cultivated_ok")), _percent(u.get("farmland_ratio")),
                 _rule_result(u.get("farmland_ok")), _number(u.get("dm_ha")), _rule_result(u.get("ecology_ok")),
                 verdict_text(u), _one_reason_a_line(reasons_text(u))) for u in unit_rows]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True, fit=True)

    def build(self, feedback: Optional[QgsFeedback] = None):
        self.overview()
        self.ledger_page()
        for row in sorted(self.parcels, key=lambda r: str(r["parcel_id"])):
            if feedback is not None and feedback.isCanceled():
                raise GuotuCancelled()
            if row.get("verdict_en") != "pass":
                self.parcel_page(row)
        self.tables()
        self.finish_pages()
        return self.layout


def village_ids(layers: ParcelsReportLayers) -> Dict[str, str]:
    """village id -> name, from village_totals when given, else the parcels' village ids."""
    found: Dict[str, str] = {}
    for row in layer_rows(layers.villages):
        found[str(row.get("village_id") or "")] = str(row.get("name") or "")
    for row in layer_rows(layers.parcels):
        found.setdefault(str(row.get("village_id") or ""), "")
    return found


def export_village_report(layers: ParcelsReportLayers, pdf: Path, village_id: str, village_name: str = "",
                          project: Optional[QgsProject] = None, title: Optional[str] = None,
                          dpi: float = 150.0, feedback: Optional[QgsFeedback] = None,
                          span: Tuple[float, float] = (0.0, 100.0)) -> ParcelsReportResult:
    """The report of one village as PDF. Layers not in ``project`` are added to it, hidden
    from its layer tree (print layouts draw project layers only). With ``feedback``, the
    progress within ``span`` (percent), and cancelling raises GuotuCancelled and leaves no
    PDF of the village."""
    project = project if project is not None else QgsProject.instance()
    ledger = [layers.ledger.units, layers.ledger.grades, layers.ledger.certificates] if layers.ledger else []
    for layer in [layers.parcels, layers.reasons, layers.projects, layers.villages, layers.redline] + \
            list(layers.context) + ledger:
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, village_id, village_name, title)
    try:
        layout = builder.build(feedback)
        if feedback is not None:
            feedback.setProgress(span[0] + 0.25 * (span[1] - span[0]))  # built; the export is the rest
        result = ParcelsReportResult(pdf=Path(pdf), village_id=village_id, pages=layout.pageCollection().pageCount(),
                                     parcel_pages=builder.parcel_pages, font_family=cjk_font_family(),
                                     warnings=list(builder.warnings), ledger_pages=builder.ledger_pages)
        if result.font_family is None:
            result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not render "
                                      "(install e.g. fonts-wqy-microhei)."))
        export_pdf(layout, Path(pdf), dpi, feedback)
        if feedback is not None:
            feedback.setProgress(span[1])
    finally:
        for layer in builder.temporary:
            project.removeMapLayer(layer.id())
    return result


def village_report_path(folder: Path, village_id: str, name: str = "") -> Path:
    """FOLDER/审查报告_<village id>[_<name>].pdf (Chinese kept, path separators dropped)."""
    label = f"{village_id}_{name}" if name else village_id
    return Path(folder) / f"审查报告_{safe_file_part(label, 'no_village')}.pdf"


def export_village_reports(layers: ParcelsReportLayers, folder: Path, project: Optional[QgsProject] = None,
                           dpi: float = 150.0, feedback: Optional[QgsFeedback] = None,
                           on_report: Optional[Callable[[Path], None]] = None) -> List[ParcelsReportResult]:
    """One PDF per village (and one for parcels in no village), named 审查报告_<village>.pdf.
    ``feedback`` gets the progress (one share per village) and can cancel: GuotuCancelled
    then, the reports finished before it kept whole, none left half written. ``on_report``
    is told each PDF as soon as it is written."""
    villages = [(village_id, name) for village_id, name in village_ids(layers).items()
                if layer_rows(layers.parcels, f"coalesce(\"village_id\", '') = {QgsExpression.quotedString(village_id)}")]
    results = []
    share = 100.0 / max(len(villages), 1)
    for index, (village_id, name) in enumerate(villages):
        if feedback is not None and feedback.isCanceled():
            raise GuotuCancelled()
        results.append(export_village_report(layers, village_report_path(folder, village_id, name), village_id, name,
                                             project=project, dpi=dpi, feedback=feedback,
                                             span=(index * share, (index + 1) * share)))
        if on_report is not None:
            on_report(results[-1].pdf)
    if feedback is not None:
        feedback.setProgress(100.0)
    return results
