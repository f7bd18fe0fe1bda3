"""The printable unit ledger (单元台账): one PDF with a page per unit.

Each page: the unit's map coloured by its verdict with its reclamation certificates (when the
ledger has unit polygons), the balance sheet of cultivated land (opening, lost by cause,
gained by cause, 田坎 change, closing), cultivated land by grade, and every rule L1–L7 with
its numbers, its parameter and its result.

The report reads the ledger's layers (the algorithm's outputs or the tables of
`guotu ledger`'s GeoPackage) by field name, so it works on results saved earlier as well.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsExpression, QgsFeedback, QgsLayoutItemMap, QgsProject, QgsRectangle, QgsVectorLayer

from ..binding.errors import GuotuCancelled
from ..i18n import tr
from ..reporting.report_layout import (LayoutBuilder, cjk_font_family, export_pdf, fit_extent, format_number,
                                       layer_rows)


@dataclass
class LedgerReportLayers:
    units: QgsVectorLayer                          # unit_ledger
    grades: Optional[QgsVectorLayer] = None        # unit_grades
    certificates: Optional[QgsVectorLayer] = None  # certificates
    source: str = ""


@dataclass
class LedgerReportResult:
    pdf: Path
    pages: int
    unit_pages: int
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)


def _ha(value: Any) -> str:
    return format_number(value, 4)


def _result(value: Any) -> str:
    return {"pass": tr("passed"), "fail": tr("failed"), "not_checked": tr("not checked")}.get(str(value or ""), "")


def _verdict(row: Dict[str, Any]) -> str:
    return {"pass": tr("passed"), "fail": tr("failed"),
            "undetermined": tr("undetermined (a rule could not be checked)")}.get(str(row.get("verdict_en") or ""),
                                                                                 str(row.get("verdict") or ""))


def balance_rows(u: Dict[str, Any]) -> List[Tuple[str, str]]:
    """The balance sheet of cultivated land (net of 田坎): opening, changes, closing."""
    rows = [(tr("Cultivated land, opening (net of 田坎)"), _ha(u.get("cultivated_opening_ha")))]
    for key, text in (("lost_construction_ha", tr("− to construction land")), ("lost_garden_ha", tr("− to garden")),
                      ("lost_forest_ha", tr("− to forest")), ("lost_grassland_ha", tr("− to grassland")),
                      ("lost_other_ha", tr("− to other land")),
                      ("gained_reclamation_ha", tr("+ reclaimed construction land")),
                      ("gained_garden_ha", tr("+ from garden")), ("gained_forest_ha", tr("+ from forest")),
                      ("gained_grassland_ha", tr("+ from grassland")), ("gained_other_ha", tr("+ from other land")),
                      ("tiankan_change_ha", tr("± change of the 田坎 deduction"))):
        value = u.get(key)
        if value:
            rows.append((text, _ha(value)))
    rows.append((tr("Cultivated land, closing (net of 田坎)"), _ha(u.get("cultivated_closing_ha"))))
    return rows


def rule_rows(u: Dict[str, Any]) -> List[Tuple[str, str, str]]:
    """Every rule with its numbers and parameter, and its result."""
    n = _ha
    return [
        ("L1 " + tr("Cultivated land not decreasing"),
         tr("{opening} → {closing} ha").format(opening=n(u.get("cultivated_opening_ha")),
                                               closing=n(u.get("cultivated_closing_ha"))), _result(u.get("quantity_ok"))),
        ("L2 " + tr("Quality not lower"),
         tr("mean grade {opening} → {closing} (tolerance {tolerance}); without a grade {ungraded} ha").format(
             opening=format_number(u.get("grade_opening_mean"), 3), closing=format_number(u.get("grade_closing_mean"), 3),
             tolerance=format_number(u.get("grade_tolerance"), 2),
             ungraded=n((u.get("ungraded_opening_ha") or 0) + (u.get("ungraded_closing_ha") or 0))),
         _result(u.get("quality_ok"))),
        ("L3 " + tr("Permanent farmland in ≥ out"),
         tr("out {out} ha, in {into} ha, at least {minimum} × out").format(
             out=n(u.get("farmland_out_ha")), into=n(u.get("farmland_in_ha")),
             minimum=format_number(u.get("farmland_gain_min"), 2)), _result(u.get("farmland_ok"))),
        ("L3 " + tr("Farmland quality in not lower"),
         tr("mean grade in {into}, out {out}").format(into=format_number(u.get("farmland_in_grade"), 3),
                                                     out=format_number(u.get("farmland_out_grade"), 3)),
         _result(u.get("farmland_quality_ok"))),
        ("L4 " + tr("Construction land not increasing"),
         tr("{opening} → {closing} ha (reclaimed {reclaimed}, newly built {built})").format(
             opening=n(u.get("construction_opening_ha")), closing=n(u.get("construction_closing_ha")),
             reclaimed=n(u.get("reclaimed_ha")), built=n(u.get("built_ha"))), _result(u.get("construction_ok"))),
        ("L5 " + tr("Linkage (增减挂钩)"),
         tr("balance {balance} ha (reclaimed − {minimum} × newly built); on river beaches {count} parcels, "
            "{area} ha {ids}").format(balance=n(u.get("linkage_balance_ha")),
                                      minimum=format_number(u.get("linkage_min"), 2),
                                      count=u.get("beach_parcels") or 0, area=n(u.get("beach_ha")),
                                      ids=u.get("beach_parcel_ids") or ""), _result(u.get("linkage_ok"))),
        ("L6 " + tr("Standard forest not decreasing"),
         tr("{opening} → {closing} ha").format(opening=n(u.get("forest_opening_ha")),
                                               closing=n(u.get("forest_closing_ha"))), _result(u.get("forest_ok"))),
        ("L7 " + tr("Red line unchanged but restoration"),
         tr("{count} parcels changed inside, {area} ha").format(count=u.get("redline_parcels") or 0,
                                                                area=n(u.get("redline_changed_ha"))),
         _result(u.get("redline_ok"))),
    ]


GRADES_REQUIRED = ("unit_id", "grade", "opening_ha", "closing_ha")


def is_grades_layer(layer: Any) -> bool:
    """A unit_grades table (the algorithm's output or the CLI's table)."""
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().lookupField(name) >= 0 for name in GRADES_REQUIRED)


def unit_rows(layers: LedgerReportLayers, unit_id: str) -> List[Dict[str, Any]]:
    """The balance sheets of the ledger's unit ``unit_id`` (one row, none when the ledger has
    no such unit)."""
    return layer_rows(layers.units, f"coalesce(\"unit_id\", '') = {QgsExpression.quotedString(unit_id)}")


def _unit_map(builder: LayoutBuilder, layers: LedgerReportLayers, page: int, x: float, y: float, width: float,
              height: float, extent: QgsRectangle) -> None:
    item = QgsLayoutItemMap(builder.layout)
    item.setCrs(layers.units.crs())
    item.setFrameEnabled(True)
    item.setLayers(([layers.certificates] if layers.certificates is not None else []) + [layers.units])
    item.setKeepLayerSet(True)
    builder.layout.addLayoutItem(item)
    builder.place(item, page, x, y, width, height)
    item.setExtent(fit_extent(extent, width / height, margin=0.05))
    builder.map_furniture(item, page, x, y, width, height)


def draw_unit_page(builder: LayoutBuilder, layers: LedgerReportLayers, u: Dict[str, Any], page: int,
                   margin: float = 10.0) -> None:
    """One unit's page on page ``page`` of ``builder``'s layout: its map coloured by verdict
    with its certificates (when the ledger has unit polygons), the balance sheet of
    cultivated land, cultivated land by grade and every rule with its numbers and result.
    Used by the ledger's own report and by the village reports of the parcel review dock."""
    size = builder.page_size()
    width, height = size.width(), size.height()
    unit = str(u.get("unit_id") or "") or tr("(no unit)")
    heading = tr("Unit {unit} {name}: {verdict}").format(unit=unit, name=u.get("name") or "", verdict=_verdict(u))
    builder.label(heading, page, margin, 6, width - 2 * margin, 9, 15, bold=True)
    facts = tr("{parcels} parcels, {area} ha").format(parcels=u.get("parcels") or 0, area=_ha(u.get("area_ha")))
    if layers.source:
        facts += " · " + tr("Source: {source}").format(source=layers.source)
    builder.label(facts, page, margin, 15, width - 2 * margin, 6, 9)
    top, bottom = 23.0, height - margin - 8
    geometry = u.get("_geometry")
    left = margin
    if geometry is not None and not geometry.isEmpty():
        map_width = width * 0.38
        _unit_map(builder, layers, page, margin, top, map_width, bottom - top, geometry.boundingBox())
        left = margin + map_width + 6
    available = width - margin - left
    column = (available - 6) / 2
    builder.label(tr("Cultivated land (ha)"), page, left, top, column, 6, 10, bold=True)
    sheet = builder.text_table([(tr("Item"), column * 0.68), (tr("ha"), 0.0)], balance_rows(u), page, left, top + 7,
                               column, 70, fit=True)
    sheet.recalculateFrameSizes()
    right = left + column + 6
    grades = layer_rows(layers.grades,
                        f"coalesce(\"unit_id\", '') = {QgsExpression.quotedString(str(u.get('unit_id') or ''))}")
    builder.label(tr("Cultivated land by grade (ha)"), page, right, top, column, 6, 10, bold=True)
    grade_rows = [(str(g.get("grade")) if g.get("grade") else tr("no grade"), _ha(g.get("opening_ha")),
                   _ha(g.get("closing_ha"))) for g in sorted(grades, key=lambda g: g.get("grade") or 0)]
    builder.text_table([(tr("Grade"), column * 0.3), (tr("Opening"), column * 0.33), (tr("Closing"), 0.0)],
                       grade_rows, page, right, top + 7, column, 70, fit=True)
    rules_top = top + 7 + max(sheet.totalHeight(), 20.0) + 6
    builder.label(tr("Rules"), page, left, rules_top, available, 6, 10, bold=True)
    numbers_width = available * 0.55
    builder.text_table([(tr("Rule"), available * 0.27), (tr("Numbers and parameters"), numbers_width),
                        (tr("Result"), 0.0)], rule_rows(u), page, left, rules_top + 7, available,
                       bottom - rules_top - 7, fit=True)


class _Builder(LayoutBuilder):
    MARGIN = 10.0

    def __init__(self, project: QgsProject, layers: LedgerReportLayers, title: Optional[str]) -> None:
        super().__init__(project, title or tr("Unit ledger"))
        self.report = layers
        self.unit_pages = 0

    def unit_page(self, u: Dict[str, Any], first: bool) -> None:
        page = 0 if first else self.add_page()
        draw_unit_page(self, self.report, u, page, self.MARGIN)
        self.unit_pages += 1

    def build(self, feedback: Optional[QgsFeedback] = None):
        units = layer_rows(self.report.units)
        if not units:
            self.label(tr("The ledger has no units."), 0, self.MARGIN, 6, 200, 9, 12)
        for index, u in enumerate(units):
            if feedback is not None and feedback.isCanceled():
                raise GuotuCancelled()
            self.unit_page(u, index == 0)
            if feedback is not None:
                feedback.setProgress(50.0 * (index + 1) / len(units))
        self.finish_pages()
        return self.layout


def export_ledger_report(layers: LedgerReportLayers, pdf: Path, project: Optional[QgsProject] = None,
                         title: Optional[str] = None, dpi: float = 150.0,
                         feedback: Optional[QgsFeedback] = None) -> LedgerReportResult:
    """The ledger as one PDF, a page per unit. Layers not in ``project`` are added to it,
    hidden from its layer tree (print layouts draw project layers only)."""
    project = project if project is not None else QgsProject.instance()
    for layer in (layers.units, layers.grades, layers.certificates):
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, title)
    layout = builder.build(feedback)
    result = LedgerReportResult(pdf=Path(pdf), pages=layout.pageCollection().pageCount(),
                                unit_pages=builder.unit_pages, font_family=cjk_font_family())
    if result.font_family is None:
        result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not render "
                                  "(install e.g. fonts-wqy-microhei)."))
    export_pdf(layout, Path(pdf), dpi, feedback)
    if feedback is not None:
        feedback.setProgress(100.0)
    return result

