"""Print-layout building blocks shared by the reports (vouchers, conversions, three lines):
an A4 landscape layout, a font with Chinese glyphs, placing items in millimetres per
page, labels, text tables, pictures, and map extents fitted to a frame."""

import math
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QPolygonF
from qgis.core import (QgsApplication, QgsFeatureRequest, QgsFeedback, QgsFillSymbol, QgsLayoutExporter, QgsLayoutFrame,
                       QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutItemPage,
                       QgsLayoutItemPicture, QgsLayoutItemPolygon, QgsLayoutItemScaleBar, QgsLayoutItemTextTable,
                       QgsLayoutUtils,
                       QgsLayoutMultiFrame, QgsLayoutPoint, QgsLayoutSize, QgsLayoutTable, QgsLayoutTableColumn,
                       QgsLegendRenderer, QgsLegendStyle, QgsMapLayer, QgsPrintLayout, QgsProject, QgsRectangle, QgsRenderContext,
                       QgsTextFormat, QgsUnitTypes, QgsVectorLayer)

from ..binding.errors import GuotuCancelled
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
    None, with the geometry under "_geometry" (None without one) and the feature id under
    "_fid"."""
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
        row["_fid"] = feature.id()
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
    if math.isnan(number):
        return ""
    text = f"{number:,.{decimals}f}"
    # A negative value that rounds to zero (the core's -0.0 too) is 0, not "-0.000".
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


def export_pdf(layout: QgsPrintLayout, pdf: Path, dpi: float = 150.0, feedback: Optional[QgsFeedback] = None) -> None:
    """The layout as a PDF with searchable text, written beside the target and renamed over
    it only when complete; RuntimeError naming the file otherwise. When ``feedback`` is
    cancelled during the export, the unfinished file is removed and GuotuCancelled raised:
    a cancelled report leaves no PDF behind."""
    pdf = Path(pdf)
    pdf.parent.mkdir(parents=True, exist_ok=True)
    temp = pdf.with_name(f"{pdf.stem}.tmp{pdf.suffix}")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable, copyable text
    exporter = QgsLayoutExporter(layout)
    status = exporter.exportToPdf(str(temp), settings)
    if status != QgsLayoutExporter.Success:
        temp.unlink(missing_ok=True)
        raise RuntimeError(tr("Exporting the PDF {path} failed: {error}").format(
            path=pdf, error=export_error_text(exporter, status)))
    if feedback is not None and feedback.isCanceled():
        temp.unlink(missing_ok=True)
        raise GuotuCancelled()
    temp.replace(pdf)


def export_png(layout: QgsPrintLayout, png: Path, dpi: float = 150.0, pages: Optional[List[int]] = None) -> None:
    """The layout's pages (all, or ``pages``, 0-based) as PNG: page 1 at ``png``, further pages
    as STEM_2.png, STEM_3.png …; RuntimeError naming the file on failure."""
    from osgeo import gdal

    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    if pages is not None:
        settings.pages = pages
    exporter = QgsLayoutExporter(layout)
    # QGIS then tries to georeference the PNG through GDAL, which cannot update PNGs and says
    # so on stderr: harmless, keep it quiet.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        status = exporter.exportToImage(str(png), settings)
    finally:
        gdal.PopErrorHandler()
    if status != QgsLayoutExporter.Success:
        raise RuntimeError(tr("Exporting the image {path} failed: {error}").format(
            path=png, error=export_error_text(exporter, status)))


def export_error_text(exporter: QgsLayoutExporter, status: int) -> str:
    """Why an export failed, in words (QGIS 3.22's exporter has a status and the file, no message)."""
    message = getattr(exporter, "errorMessage", None)  # QGIS >= 3.26
    if callable(message) and message():
        return message()
    words = {QgsLayoutExporter.FileError: tr("the file could not be written"),
             QgsLayoutExporter.MemoryError: tr("out of memory"),
             QgsLayoutExporter.PrintError: tr("the page could not be printed"),
             QgsLayoutExporter.SvgLayerError: tr("an SVG layer could not be made"),
             QgsLayoutExporter.IteratorError: tr("the atlas could not be iterated"),
             QgsLayoutExporter.Canceled: tr("cancelled")}
    text = words.get(status, tr("error {code}").format(code=int(status)))
    return f"{text} ({exporter.errorFile()})" if exporter.errorFile() else text


def north_arrow_svg() -> Optional[Path]:
    """QGIS's north arrow SVG, or None when QGIS's SVG folders do not have it."""
    for folder in QgsApplication.svgPaths():
        path = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if path.is_file():
            return path
    return None


class LayoutBuilder:
    """A print layout of A4 landscape pages and the helpers to fill it. Reports subclass it
    and add one method per part; table looks are class attributes a report may change."""

    TABLE_CELL_MARGIN = 0.7
    TABLE_WRAP_TEXT = True
    TABLE_NUMBERS_RIGHT = False  # right-align every column but the first
    TABLE_HEADER_SIZE = 7.5  # points, bold
    TABLE_CELL_SIZE = 7.0

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
        """A four-segment scale bar under a map `width_km` wide: in kilometres, or in metres
        for maps narrower than 5 km (a parcel's map)."""
        scalebar = QgsLayoutItemScaleBar(self.layout)
        scalebar.setId("scale_bar")
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(linked_map)
        if width_km >= 5:
            scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
            scalebar.setUnitLabel("km")
            scalebar.setUnitsPerSegment(scale_segment(width_km, 12))
        else:
            scalebar.setUnits(QgsUnitTypes.DistanceMeters)
            scalebar.setUnitLabel("m")
            scalebar.setUnitsPerSegment(scale_segment(width_km * 1000.0, 12))
        scalebar.setNumberOfSegments(4)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setTextFormat(self.text_format(7))
        self.layout.addLayoutItem(scalebar)
        scalebar.attemptMove(self.at(page, x, y))

    def north_arrow(self, linked_map: QgsLayoutItemMap, page: int, x: float, y: float, size: float = 11.0) -> None:
        """A north arrow (QGIS's own SVG, turned with the map) at (x, y), ``size`` mm high;
        a drawn arrow with an "N" where QGIS's SVGs are not installed."""
        svg = north_arrow_svg()
        if svg is not None:
            item = QgsLayoutItemPicture(self.layout)
            item.setId("north_arrow")
            item.setMode(QgsLayoutItemPicture.FormatSVG)
            item.setPicturePath(str(svg))
            item.setResizeMode(QgsLayoutItemPicture.Zoom)
            item.setLinkedMap(linked_map)
            item.setNorthMode(QgsLayoutItemPicture.GridNorth)
            item.setBackgroundEnabled(True)
            item.setBackgroundColor(QColor(255, 255, 255, 200))
            self.layout.addLayoutItem(item)
            self.place(item, page, x, y, size * 0.7, size)
            return
        origin = self.at(page, x, y)
        half = size * 0.25
        triangle = QPolygonF([QPointF(origin.x() + half, origin.y() + size * 0.35),
                              QPointF(origin.x(), origin.y() + size),
                              QPointF(origin.x() + half, origin.y() + size * 0.8),
                              QPointF(origin.x() + 2 * half, origin.y() + size)])
        item = QgsLayoutItemPolygon(triangle, self.layout)
        item.setId("north_arrow")
        item.setSymbol(QgsFillSymbol.createSimple({"color": TEXT_COLOR, "outline_color": TEXT_COLOR,
                                                   "outline_width": "0.2"}))
        self.layout.addLayoutItem(item)
        letter = self.label("N", page, x, y, 2 * half, size * 0.35, 9, bold=True)
        letter.setHAlign(Qt.AlignmentFlag.AlignHCenter)

    def map_furniture(self, linked_map: QgsLayoutItemMap, page: int, x: float, y: float, width: float,
                      height: float) -> None:
        """What every report map carries: a north arrow in its top right corner and a scale
        bar under it."""
        self.north_arrow(linked_map, page, x + width - 10.5, y + 2.5)
        self.km_scale_bar(linked_map, linked_map.extent().width() / 1000.0, page, x, y + height + 1)

    def fit_legend(self, legend: QgsLayoutItemLegend, page: int, x: float, y: float, width: float,
                   height: float) -> bool:
        """Adds ``legend`` at (x, y) in a box of ``width`` × ``height`` mm: in one column at
        its size when it fits, else in more columns, then in smaller type. False when even
        the smallest does not fit (the legend is then cut at the box, never spilled onto
        the next page)."""
        self.layout.addLayoutItem(legend)
        legend.attemptMove(self.at(page, x, y))
        label_size = legend.styleFont(QgsLegendStyle.SymbolLabel).pointSizeF()
        attempts = [(1, label_size), (2, label_size), (1, 6.5), (2, 6.5), (3, 6.5), (2, 5.5), (3, 5.5), (3, 5.0)]
        for columns, size in attempts:
            if size > label_size:
                continue
            legend.setColumnCount(columns)
            legend.setSplitLayer(columns > 1)
            legend.setStyleFont(QgsLegendStyle.SymbolLabel, self.font(size))
            legend.setStyleFont(QgsLegendStyle.Subgroup, self.font(size + 0.5, True))
            if size < label_size:
                legend.setSymbolWidth(min(legend.symbolWidth(), 5.0))
                legend.setSymbolHeight(min(legend.symbolHeight(), 3.0))
            # The legend sizes itself only once painted: measure it with its renderer.
            needed = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize()
            if needed.width() <= width + 0.01 and needed.height() <= height + 0.01:
                legend.setResizeToContents(True)
                legend.attemptResize(QgsLayoutSize(needed.width(), needed.height(), MM))
                return True
        legend.setResizeToContents(False)
        legend.attemptResize(QgsLayoutSize(width, height, MM))
        return False

    def finish_pages(self) -> None:
        """Every page but the first (which has the title in large) gets the report's title
        as a running header, and every page "Page N of M" at its foot. Called once the
        layout is complete: tables running on have added their pages."""
        for table in self.layout.multiFrames():
            table.recalculateFrameSizes()
        self.layout.refresh()
        count = self.layout.pageCollection().pageCount()
        size = self.page_size()
        width, height = size.width(), size.height()
        for index in range(count):
            if index > 0:
                header = self.label(self.title, index, 10.0, 1.0, width - 20.0, 4.5, 7)
                header.setId("page_header")
                header.setFontColor(QColor("#606060"))
            footer = self.label(tr("Page {page} of {pages}").format(page=index + 1, pages=count), index,
                                width - 70.0, height - 7.0, 60.0, 5.0, 7)
            footer.setId("page_footer")
            footer.setHAlign(Qt.AlignmentFlag.AlignRight)

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

    def fit_cell(self, text: str, width: float, size: float = 7.0, bold: bool = False) -> str:
        """``text`` cut into lines that fit a table column ``width`` mm wide at ``size`` points,
        measured in the report's font: at spaces where a line has them, else between any two
        characters (layout tables only wrap at spaces, so a Chinese text without them would run
        over its cell; counting characters fails too, a Chinese character being twice as wide)."""
        font = self.font(size, bold)
        room = max(width - 0.3, 1.0)  # a column's width is its text's; the cell margins come on top

        def fits(part: str) -> bool:
            return QgsLayoutUtils.textWidthMM(font, part) <= room

        lines: List[str] = []
        for part in str(text or "").split("\n"):
            before = len(lines)
            while part and not fits(part):
                low, high = 1, len(part) - 1  # the longest start that fits (one character at least)
                while low < high:
                    middle = (low + high + 1) // 2
                    if fits(part[:middle]):
                        low = middle
                    else:
                        high = middle - 1
                cut = part.rfind(" ", 0, low + 1)
                cut = cut if cut > low // 2 else low
                lines.append(part[:cut].rstrip())
                part = part[cut:].lstrip()
            if part or len(lines) == before:  # no empty line after the last cut
                lines.append(part)
        return "\n".join(lines)

    def style_table(self, table: QgsLayoutTable) -> None:
        table.setHeaderTextFormat(self.text_format(self.TABLE_HEADER_SIZE, bold=True))
        table.setContentTextFormat(self.text_format(self.TABLE_CELL_SIZE))
        if self.TABLE_WRAP_TEXT:
            table.setWrapBehavior(QgsLayoutTable.WrapText)
        table.setHeaderHAlignment(QgsLayoutTable.HeaderLeft)
        table.setCellMargin(self.TABLE_CELL_MARGIN)
        table.setGridStrokeWidth(0.15)
        table.setGridColor(QColor("#9a9a9a"))

    def text_table(self, headings: Sequence[Tuple[str, float]], rows: List[Sequence[str]], page: int, x: float,
                   y: float, width: float, height: float, repeat: bool = False,
                   fit: bool = False) -> QgsLayoutItemTextTable:
        """A table of texts in a frame; with `repeat`, continued on frames of later pages. With
        `fit`, every heading and cell of a column of a set width is cut into lines that fit it
        (fit_cell; a column of width 0 sizes itself to its texts; headings only where the table
        wraps text)."""
        if fit:
            # A header row is as high as the lines QGIS wraps it into, at spaces; it does not grow
            # for line breaks of the text's own. A heading's breaks are therefore spaces (one put
            # between two Chinese characters where the heading is cut), where QGIS wraps it.
            headings = [(self.fit_cell(heading, w, self.TABLE_HEADER_SIZE, bold=True).replace("\n", " ")
                         if w > 0 and self.TABLE_WRAP_TEXT else heading, w) for heading, w in headings]
            rows = [[self.fit_cell(text, w, self.TABLE_CELL_SIZE) if w > 0 else text
                     for text, (_h, w) in zip(row, headings)] for row in rows]
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
        if repeat:
            table.recalculateFrameSizes()  # the pages it runs onto, before the next part adds its own
        return table
