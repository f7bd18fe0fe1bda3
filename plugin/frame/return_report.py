"""The return list (退回清单) of one city as a PDF: what the province sends back to the city
after a round of the three-down-three-up check — every new or persisting major deviation not
agreed or accepted, with its source, kind, what it concerns, its length or area and the
reviewers' note — with the counts on top. Read from the return_list table of the round
comparison (the algorithm's output or the CLI's GeoPackage) by field name.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import QgsExpression, QgsProject, QgsVectorLayer

from ..i18n import tr
from ..reporting.report_layout import LayoutBuilder, export_pdf, format_number, layer_rows, safe_file_part, wrap_text

REQUIRED = ("city_id", "status", "source", "kind", "key", "label", "length_m", "area_m2", "review_note")


@dataclass
class ReturnReportResult:
    pdf: Path
    pages: int
    items: int


def status_titles() -> Dict[str, str]:
    return {"new": tr("new"), "persisting": tr("persisting")}


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

    def __init__(self, project: QgsProject, rows: List[Dict[str, Any]], city: str, source: str) -> None:
        super().__init__(project, tr("Return list (退回清单) — city {city}").format(city=city))
        self.rows = rows
        self.city = city
        self.source = source

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
        headings = [(tr("Status"), 18.0), (tr("Source"), 20.0), (tr("Kind"), 30.0), (tr("Concerns"), 62.0),
                    (tr("Description"), 62.0), (tr("Length (m)"), 18.0), (tr("Area (m²)"), 20.0),
                    (tr("Reviewer's note"), 42.0)]
        table_rows = []
        for r in self.rows:
            length, area = r.get("length_m") or 0, r.get("area_m2") or 0
            table_rows.append([titles.get(str(r.get("status")), str(r.get("status"))), str(r.get("source") or ""),
                               wrap_text(kinds.get(str(r.get("kind")), str(r.get("kind") or "")), 22),
                               wrap_text(str(r.get("key") or ""), 40),
                               wrap_text(str(r.get("label") or ""), 40),
                               format_number(length, 1) if length else "", format_number(area, 0) if area else "",
                               wrap_text(str(r.get("review_note") or ""), 28)])
        self.text_table(headings, table_rows, 0, 10.0, 32.0, width - 20.0, self.page_size().height() - 45.0,
                        repeat=True)
        self.finish_pages()
        return self.layout


def require_return_list(layer: QgsVectorLayer) -> None:
    """Refuses a layer that is not a return_list table (ValueError naming its missing fields)."""
    missing = [name for name in REQUIRED if layer.fields().lookupField(name) < 0]
    if missing:
        raise ValueError(tr('Layer "{layer}" is not a return list: it lacks the fields {fields}.').format(
            layer=layer.name(), fields=", ".join(missing)))


def export_return_report(layer: QgsVectorLayer, city: str, pdf: Path, project: Optional[QgsProject] = None,
                         dpi: float = 150.0) -> ReturnReportResult:
    """The return list of ``city`` from ``layer`` (a return_list table) as a PDF."""
    require_return_list(layer)
    rows = layer_rows(layer, f"\"city_id\" = {QgsExpression.quotedString(city)}")
    if not rows:
        raise ValueError(tr('City "{city}" has nothing on the return list "{layer}".').format(city=city,
                                                                                          layer=layer.name()))
    project = project if project is not None else QgsProject.instance()
    layout = _Builder(project, rows, city, layer.name()).build()
    export_pdf(layout, Path(pdf), dpi)
    return ReturnReportResult(Path(pdf), layout.pageCollection().pageCount(), len(rows))
