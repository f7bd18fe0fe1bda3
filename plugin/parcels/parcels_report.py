"""The printable review report of the parcel check (整治地块审查报告), one PDF per village.

Page 1: an overview map of the village's parcels coloured by verdict (with the three
lines for context), the verdict counts and a legend. Then one page per parcel that is not
a plain pass — a map zoomed to the parcel with the areas at fault, and every reason with
its rule, area and share. Then the tables: the village's parcels, and the project /
consolidation-unit checks (U01–U03) of the projects its parcels belong to.

The report reads the check's layers (the algorithm's outputs or the CLI's GeoPackage
tables) by field name, so it works on results saved earlier as well.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from qgis.core import QgsExpression, QgsLayoutItemMap, QgsProject, QgsRectangle, QgsVectorLayer

from ..i18n import tr
from ..conversion.conversion_style import CATEGORY_NAMES_ZH
from .parcels_check import rule_titles
from .parcels_style import severity_titles, verdict_titles
from ..reporting.report_layout import (LayoutBuilder, cjk_font_family, export_pdf, fit_extent, format_number, layer_rows,
                            safe_file_part, wrap_text)

NO_VILLAGE = ""


@dataclass
class ParcelsReportLayers:
    parcels: QgsVectorLayer                   # parcel_checks
    reasons: QgsVectorLayer                   # parcel_reasons
    projects: Optional[QgsVectorLayer] = None  # project_checks
    villages: Optional[QgsVectorLayer] = None  # village_totals
    context: List[QgsVectorLayer] = field(default_factory=list)  # e.g. the three lines
    source: str = ""


@dataclass
class ParcelsReportResult:
    pdf: Path
    village_id: str
    pages: int
    parcel_pages: int
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)


def _number(value: Any, decimals: int = 4) -> str:
    return format_number(value, decimals)


def _percent(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return "" if math.isnan(number) else f"{100 * number:.1f}%"


def _fit(text: str, width_mm: float) -> str:
    """Chinese text broken into lines that fit a table column ``width_mm`` wide (7 pt:
    about 2.6 mm per character)."""
    # One reason per line: the reasons are joined with the full-width semicolon.
    return wrap_text(text.replace("；", "；\n"), max(4, int((width_mm - 1.5) / 2.6)))


def _category(name: Any) -> str:
    """A policy category with its Chinese name: "耕地 cultivated"."""
    name = name or ""
    return f"{CATEGORY_NAMES_ZH.get(name, '')} {name}".strip() or "?"


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

    def _map(self, page: int, x: float, y: float, width: float, height: float, extent: QgsRectangle,
             with_reasons: bool) -> QgsLayoutItemMap:
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        layers = ([self.report.reasons] if with_reasons else []) + [self.report.parcels] + list(self.report.context)
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(self.report.parcels.crs())
        self.layout.addLayoutItem(item)
        self.place(item, page, x, y, width, height)
        if not extent.isEmpty():
            item.setExtent(fit_extent(extent, width / height, margin=0.15 if with_reasons else 0.05))
            self.km_scale_bar(item, item.extent().width() / 1000.0, page, x, y + height + 1)
        return item

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
                                 (tr("Area (ha)"), 0.0)], rows, 0, right, top + 7, right_width, 40)
        table.recalculateFrameSizes()
        legend = self.legend(item, tr("Legend"), [self.report.parcels] + list(self.report.context))
        legend.model().rootGroup().findLayer(self.report.parcels).setName("整治地块审查结论 " + tr("Parcel verdicts"))
        self.layout.addLayoutItem(legend)
        legend.attemptMove(self.at(0, right, top + 7 + table.totalHeight() + 6))
        legend.adjustBoxSize()

    def parcel_page(self, row: Dict[str, Any]) -> None:
        page = self.add_page()
        size = self.page_size()
        width, height, margin = size.width(), size.height(), self.MARGIN
        verdict = row.get("verdict") or ""
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
        self._map(page, margin, top, map_width, bottom - top, _extent([row]), with_reasons=True)
        right = margin + map_width + 6
        right_width = width - margin - right
        reasons = layer_rows(self.report.reasons, f"\"parcel_id\" = {QgsExpression.quotedString(str(row['parcel_id']))}")
        titles = rule_titles()
        severity = severity_titles()
        table_rows = [(f"{r['rule_id']} {titles.get(r['rule_id'], '')}", severity.get(r.get("severity"), ""),
                       _number(r.get("area_ha")), _percent(r.get("share")), r.get("message_zh") or "")
                      for r in sorted(reasons, key=lambda r: r["rule_id"])]
        self.label(tr("Reasons"), page, right, top, right_width, 6, 10, bold=True)
        widths = [right_width * 0.2, right_width * 0.1, right_width * 0.11, right_width * 0.09]
        widths.append(right_width - sum(widths) - 5 * 1.7)  # cell margins and grid lines
        table_rows = [row[:4] + (_fit(row[4], widths[4]),) for row in table_rows]
        self.text_table(list(zip((tr("Rule"), tr("Kind"), tr("Area (ha)"), tr("Share"), tr("Explanation")),
                                 widths)), table_rows, page, right, top + 7, right_width, bottom - top - 7)
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
                 r.get("verdict") or "", r.get("rule_ids") or "", _fit(r.get("reasons_zh") or "", reasons_width))
                for r in sorted(self.parcels, key=lambda r: str(r["parcel_id"]))]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True)
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
                 u.get("new_cultivated_ok") or "", _percent(u.get("farmland_ratio")), u.get("farmland_ok") or "",
                 _number(u.get("dm_ha")), u.get("ecology_ok") or "", u.get("verdict") or "",
                 _fit(u.get("reasons_zh") or "", notes_width)) for u in unit_rows]
        self.text_table(headings, rows, page, margin, 16, available, height - 16 - margin, repeat=True)

    def build(self):
        self.overview()
        for row in sorted(self.parcels, key=lambda r: str(r["parcel_id"])):
            if row.get("verdict_en") != "pass":
                self.parcel_page(row)
        self.tables()
        self.layout.refresh()
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
                          dpi: float = 150.0) -> ParcelsReportResult:
    """The report of one village as PDF. Layers not in ``project`` are added to it, hidden
    from its layer tree (print layouts draw project layers only)."""
    project = project if project is not None else QgsProject.instance()
    for layer in [layers.parcels, layers.reasons, layers.projects, layers.villages] + list(layers.context):
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, village_id, village_name, title)
    layout = builder.build()
    result = ParcelsReportResult(pdf=Path(pdf), village_id=village_id, pages=layout.pageCollection().pageCount(),
                                 parcel_pages=builder.parcel_pages, font_family=cjk_font_family())
    if result.font_family is None:
        result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not render "
                                  "(install e.g. fonts-wqy-microhei)."))
    export_pdf(layout, Path(pdf), dpi)
    return result


def village_report_path(folder: Path, village_id: str, name: str = "") -> Path:
    """FOLDER/审查报告_<village id>[_<name>].pdf (Chinese kept, path separators dropped)."""
    label = f"{village_id}_{name}" if name else village_id
    return Path(folder) / f"审查报告_{safe_file_part(label, 'no_village')}.pdf"


def export_village_reports(layers: ParcelsReportLayers, folder: Path, project: Optional[QgsProject] = None,
                           dpi: float = 150.0) -> List[ParcelsReportResult]:
    """One PDF per village (and one for parcels in no village), named 审查报告_<village>.pdf."""
    results = []
    for village_id, name in village_ids(layers).items():
        if not layer_rows(layers.parcels, f"coalesce(\"village_id\", '') = {QgsExpression.quotedString(village_id)}"):
            continue
        results.append(export_village_report(layers, village_report_path(folder, village_id, name), village_id, name,
                                             project=project, dpi=dpi))
    return results
