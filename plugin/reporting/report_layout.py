"""Print-layout building blocks shared by the reports (vouchers, conversions, three lines):
an A4 landscape layout, a font with Chinese glyphs, placing items in millimetres per
page, labels, text tables, pictures, and map extents fitted to a frame."""

import math
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.core import (QgsFeatureRequest, QgsLayoutExporter, QgsLayoutFrame, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemPage, QgsLayoutItemPicture, QgsLayoutItemScaleBar,
                       QgsLayoutItemTextTable, QgsLayoutMultiFrame, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable,
                       QgsLayoutTableColumn, QgsLegendStyle, QgsMapLayer, QgsPrintLayout, QgsProject, QgsRectangle,
                       QgsRenderContext, QgsTextFormat, QgsUnitTypes, QgsVectorLayer)

from ..i18n import tr
from ..inputs.conversions import is_null

MM = QgsUnitTypes.LayoutMillimeters
PAGE_SIZE = "A4"
TEXT_COLOR = "#202020"
FONT_CANDIDATES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                   "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN",
                   "Microsoft YaHei", "SimHei", "PingFang SC")


def cjk_font_family() -> Optional[str]:
    """A font family with Simplified Chinese glyphs, or None when the machine has none
    (Chinese text then renders as boxes; install e.g. fonts-wqy-microhei)."""
    database = QFontDatabase()
    families = database.families()
    for name in FONT_CANDIDATES:
        if name in families:
            return name
    for name in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in database.writingSystems(name):
            return name
    return None


def fit_extent(extent: QgsRectangle, aspect: float, margin: float = 0.03) -> QgsRectangle:
    """``extent`` with a margin, widened or heightened to the aspect (width / height)."""
    width = max(extent.width(), 1e-9) * (1 + 2 * margin)
    height = max(extent.height(), 1e-9) * (1 + 2 * margin)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    centre = extent.center()
    return QgsRectangle(centre.x() - width / 2, centre.y() - height / 2, centre.x() + width / 2,
                        centre.y() + height / 2)


def scale_segment(width: float, segments: float) -> float:
    """A round length (1, 2 or 5 times a power of ten) for one scale-bar segment, about
    width / segments, in the unit of `width`."""
    target = max(width / segments, 1e-9)
    step = 10 ** math.floor(math.log10(target))
    for factor in (1, 2, 5, 10):
        if step * factor >= target:
            return step * factor
    return step * 10


def layer_rows(layer: Optional[QgsVectorLayer], where: Optional[str] = None) -> List[Dict[str, Any]]:
    """The features of a layer (those matching the expression ``where``) as dicts, NULL as
    None, with the geometry under "_geometry" (None without one)."""
    if layer is None:
        return []
    request = QgsFeatureRequest()
    if where:
        request.setFilterExpression(where)
    names = layer.fields().names()
    out = []
    for feature in layer.getFeatures(request):
        row = {name: (None if is_null(feature[name]) else feature[name]) for name in names}
        row["_geometry"] = feature.geometry() if feature.hasGeometry() else None
        out.append(row)
    return out


def safe_file_part(text: str, fallback: str) -> str:
    """``text`` as part of a file name: Chinese kept, path separators and blanks replaced."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", text).strip("_") or fallback


def format_number(value: Any, decimals: int = 2) -> str:
    """A number for a report table, with thousands separators; "" for NULL or NaN."""
    if value is None:
        return ""
    number = float(value)
    return "" if math.isnan(number) else f"{number:,.{decimals}f}"


def export_pdf(layout: QgsPrintLayout, pdf: Path, dpi: float = 150.0) -> None:
    """The layout as a PDF with searchable text, written beside the target and renamed over
    it only when complete; RuntimeError naming the file otherwise."""
    pdf = Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    temp = pdf.with_name(f"{pdf.stem}.tmp{pdf.suffix}")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable, copyable text
    exporter = QgsLayoutExporter(layout)
    if exporter.exportToPdf(str(temp), settings) != QgsLayoutExporter.Success:
        temp.unlink(missing_ok=True)
        raise RuntimeError(tr("Exporting the PDF {path} failed: {error}").format(path=pdf,
                                                                                error=exporter.errorMessage()))
    temp.replace(pdf)


def wrap_text(text: str, width: int) -> str:
    """Text cut into lines of at most ``width`` characters: at spaces where there are,
    by length otherwise (Chinese has no spaces, and layout tables and legends only wrap
    at spaces)."""
    lines: List[str] = []
    for part in text.split("\n"):
        while len(part) > width:
            cut = part.rfind(" ", 0, width)
            cut = cut if cut > width // 2 else width
            lines.append(part[:cut].rstrip())
            part = part[cut:].lstrip()
        lines.append(part)
    return "\n".join(lines)


class LayoutBuilder:
    """A print layout of A4 landscape pages and the helpers to fill it. Reports subclass it
    and add one method per part; table looks are class attributes a report may change."""

    TABLE_CELL_MARGIN = 0.7
    TABLE_WRAP_TEXT = True
    TABLE_NUMBERS_RIGHT = False  # right-align every column but the first

    def __init__(self, project: QgsProject, title: str) -> None:
        self.project = project
        self.title = title
        self.family = cjk_font_family()
        self.layout = QgsPrintLayout(project)
        self.layout.initializeDefaults()
        self.layout.setName(title)
        self.page(0).setPageSize(PAGE_SIZE, QgsLayoutItemPage.Landscape)

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont(self.family) if self.family else QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def text_format(self, size: float, bold: bool = False) -> QgsTextFormat:
        text = QgsTextFormat.fromQFont(self.font(size, bold))
        text.setSize(size)
        text.setSizeUnit(QgsUnitTypes.RenderPoints)
        text.setColor(QColor(TEXT_COLOR))
        return text

    def page(self, index: int) -> QgsLayoutItemPage:
        return self.layout.pageCollection().page(index)

    def page_size(self) -> QgsLayoutSize:
        return self.page(0).pageSize()

    def add_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(PAGE_SIZE, QgsLayoutItemPage.Landscape)
        self.layout.pageCollection().addPage(page)
        return self.layout.pageCollection().pageCount() - 1

    def at(self, page: int, x: float, y: float) -> QgsLayoutPoint:
        point = self.layout.pageCollection().pagePositionToLayoutPosition(page, QgsLayoutPoint(x, y, MM))
        return QgsLayoutPoint(point.x(), point.y(), MM)

    def place(self, item, page: int, x: float, y: float, width: float, height: float) -> None:
        item.attemptMove(self.at(page, x, y))
        item.attemptResize(QgsLayoutSize(width, height, MM))

    def label(self, text: str, page: int, x: float, y: float, width: float, height: float, size: float,
              bold: bool = False) -> QgsLayoutItemLabel:
        item = QgsLayoutItemLabel(self.layout)
        item.setText(text)
        item.setFont(self.font(size, bold))
        item.setFontColor(QColor(TEXT_COLOR))
        self.layout.addLayoutItem(item)
        self.place(item, page, x, y, width, height)
        return item

    def picture(self, path: Path, page: int, x: float, y: float, width: float, height: float) -> None:
        item = QgsLayoutItemPicture(self.layout)
        item.setMode(QgsLayoutItemPicture.FormatSVG if path.suffix == ".svg" else QgsLayoutItemPicture.FormatRaster)
        item.setPicturePath(str(path))
        item.setResizeMode(QgsLayoutItemPicture.Zoom)
        self.layout.addLayoutItem(item)
        self.place(item, page, x, y, width, height)

    def km_scale_bar(self, linked_map: QgsLayoutItemMap, width_km: float, page: int, x: float, y: float) -> None:
        """A four-segment scale bar in kilometres under a map `width_km` wide."""
        scalebar = QgsLayoutItemScaleBar(self.layout)
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(linked_map)
        scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
        scalebar.setUnitLabel("km")
        scalebar.setNumberOfSegments(4)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setUnitsPerSegment(scale_segment(width_km, 12))
        scalebar.setTextFormat(self.text_format(7))
        self.layout.addLayoutItem(scalebar)
        scalebar.attemptMove(self.at(page, x, y))

    def legend(self, linked_map: QgsLayoutItemMap, title: str, layers: Sequence[QgsMapLayer],
               label_size: float = 7.5) -> QgsLayoutItemLegend:
        """A legend of exactly `layers` (not every layer of the project), in the report's
        font; the caller adds it to the layout once it has set columns or symbol sizes."""
        legend = QgsLayoutItemLegend(self.layout)
        legend.setTitle(title)
        legend.setLinkedMap(linked_map)
        legend.setAutoUpdateModel(False)
        root = legend.model().rootGroup()
        root.clear()
        for layer in layers:
            root.addLayer(layer)
        for style, size, bold in ((QgsLegendStyle.Title, 10, True), (QgsLegendStyle.Subgroup, 8, True),
                                  (QgsLegendStyle.SymbolLabel, label_size, False)):
            legend.setStyleFont(style, self.font(size, bold))
        return legend

    def style_table(self, table: QgsLayoutTable) -> None:
        table.setHeaderTextFormat(self.text_format(7.5, bold=True))
        table.setContentTextFormat(self.text_format(7))
        if self.TABLE_WRAP_TEXT:
            table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.setHeaderHAlignment(QgsLayoutTable.HeaderLeft)
        table.setCellMargin(self.TABLE_CELL_MARGIN)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#9a9a9a"))

    def text_table(self, headings: Sequence[Tuple[str, float]], rows: List[Sequence[str]], page: int, x: float,
                   y: float, width: float, height: float, repeat: bool = False) -> QgsLayoutItemTextTable:
        """A table of texts in a frame; with `repeat`, continued on frames of later pages."""
        table = QgsLayoutItemTextTable(self.layout)
        self.layout.addMultiFrame(table)
        columns = []
        for i, (heading, column_width) in enumerate(headings):
            column = QgsLayoutTableColumn(heading)
            column.setWidth(column_width)
            if self.TABLE_NUMBERS_RIGHT and i > 0:
                column.setHAlignment(Qt.AlignmentFlag.AlignRight)
            columns.append(column)
        # QGIS 3.22 keeps cached cells of old columns until the next refresh, and styling
        # the header before that refresh corrupts memory: refresh at once.
        table.setColumns(columns)
        table.refreshAttributes()
        for row in rows:
            table.addRow(list(row))
        self.style_table(table)
        if repeat:
            table.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished)
            table.setHeaderMode(QgsLayoutTable.AllFrames)
        frame = QgsLayoutFrame(self.layout, table)
        self.place(frame, page, x, y, width, height)
        table.addFrame(frame)
        return table
