"""Printable land-use conversion report: a QGIS print layout exported to PDF (and PNG).

Page 1: title, the conversion map styled by status, its legend, a scale bar and the
area by status. Page 2: the category transition matrix coloured by status and a
Sankey diagram of the flows between categories (both drawn with matplotlib as SVG
pictures). Page 3, with zones: the area by status of every zone. Last: the matrix's
cells as a list of texts (before, after, status, area, share), which a reader can search
and copy (the PDF keeps its texts as text).

The layers come from a GeoPackage written by ``guotu convert`` or by the plugin
(conversions, transitions, status_summary, unknown_codes), or straight from the
Processing outputs. Works headless (QT_QPA_PLATFORM=offscreen); Chinese needs a CJK
font on the machine (WenQuanYi, Noto CJK...).
"""

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsFeatureRequest, QgsLayoutItemLegend, QgsLayoutItemMap,
                       QgsLayoutItemScaleBar, QgsLegendRenderer, QgsMapLayerLegendUtils, QgsPrintLayout, QgsProject,
                       QgsProviderRegistry, QgsUnitTypes, QgsVectorLayer)

from ..compat import LEGEND_STYLE_HIDDEN
from ..i18n import tr
from .conversion_style import (CATEGORY_COLORS, STATUS_COLORS, STATUS_ORDER, category_label, status_label,
                               status_short_labels, style_conversions_layer)
from ..inputs.conversions import is_null
from ..reporting.report_layout import (FONT_CANDIDATES, LayoutBuilder, cjk_font_family, export_pdf, export_png,
                                       fit_extent, scale_segment)
from .convert import ALL_ZONES, CATEGORIES, Cells, matrices_from_layer

MARGIN = 10.0
LAYER_NAMES = {"conversions": "conversions", "transitions": "transitions", "status_summary": "status_summary",
               "unknown": "unknown_codes"}


def matplotlib_family() -> List[str]:
    """Font families for matplotlib: a CJK one first when matplotlib knows one."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in FONT_CANDIDATES if name in known][:1] + ["DejaVu Sans"]


@dataclass
class ReportLayers:
    conversions: QgsVectorLayer
    transitions: Optional[QgsVectorLayer] = None
    status_summary: Optional[QgsVectorLayer] = None
    unknown: Optional[QgsVectorLayer] = None
    source: str = ""


@dataclass
class ReportData:
    zone_key: str                    # '*' with zones, '' without
    cells: Cells                     # all zones
    statuses: Dict[str, float]       # all zones
    by_zone: Dict[str, Dict[str, float]]  # zone -> status -> ha (zones only)
    dm_ha: Optional[float]           # standard-forest change, all zones
    pieces: int
    unknown: List[Tuple[str, str, float]]


@dataclass
class ReportResult:
    pages: int
    pdf: Optional[Path] = None
    pngs: List[Path] = field(default_factory=list)
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)


def gpkg_layer_names(path: Path) -> List[str]:
    from osgeo import ogr  # GDAL ships with QGIS; only needed to list a file's layers

    dataset = ogr.Open(str(path))
    if dataset is None:
        return []
    return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]


def load_gpkg_layers(path: Path) -> ReportLayers:
    names = set(gpkg_layer_names(path))
    if LAYER_NAMES["conversions"] not in names:
        raise ValueError(tr('"{path}" has no layer "conversions"; is it the output of the land-use conversion?')
                         .format(path=path))

    def open_layer(key: str, title: str) -> Optional[QgsVectorLayer]:
        if LAYER_NAMES[key] not in names:
            return None
        layer = QgsVectorLayer(f"{path}|layername={LAYER_NAMES[key]}", title, "ogr")
        return layer if layer.isValid() else None

    return ReportLayers(conversions=open_layer("conversions", tr("Land-use conversions")),
                        transitions=open_layer("transitions", tr("Transitions")),
                        status_summary=open_layer("status_summary", tr("Status summary")),
                        unknown=open_layer("unknown", tr("Unknown codes")), source=str(path))


def tables_beside(conversions: QgsVectorLayer) -> Dict[str, QgsVectorLayer]:
    """The tables (keys of LAYER_NAMES but "conversions") found in the GeoPackage of a
    conversions layer: the CLI's and the plugin's one-file results; {} for other layers."""
    if conversions.providerType() != "ogr":
        return {}
    parts = QgsProviderRegistry.instance().decodeUri("ogr", conversions.source())
    path = Path(parts.get("path") or "")
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return {}
    names = set(gpkg_layer_names(path))
    titles = {"transitions": tr("Transitions"), "status_summary": tr("Status summary"), "unknown": tr("Unknown codes")}
    found: Dict[str, QgsVectorLayer] = {}
    for key, title in titles.items():
        if LAYER_NAMES[key] in names and LAYER_NAMES[key] != parts.get("layerName"):
            layer = QgsVectorLayer(f"{path}|layername={LAYER_NAMES[key]}", title, "ogr")
            if layer.isValid():
                found[key] = layer
    return found


def _rows(layer: Optional[QgsVectorLayer]) -> List[dict]:
    if layer is None:
        return []
    names = layer.fields().names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    return [{n: (None if is_null(v) else v) for n, v in zip(names, f.attributes())}
            for f in layer.getFeatures(request)]


def _status_sums(cells: Cells) -> Dict[str, float]:
    sums: Dict[str, float] = {}
    for area, status in cells.values():
        sums[status] = sums.get(status, 0.0) + area
    return sums


def report_data(layers: ReportLayers) -> ReportData:
    """The numbers of the report: the tables when present, else sums of the pieces."""
    status_rows = _rows(layers.status_summary)
    transitions = [r for r in _rows(layers.transitions) if r.get("level") == "category"]
    matrices: Dict[str, Cells] = {}
    if not status_rows or not transitions:
        matrices = matrices_from_layer(layers.conversions)
    zone_ids = [str(r.get("zone_id") or "") for r in status_rows + transitions] + list(matrices)
    has_zones = any(z not in ("", ALL_ZONES) for z in zone_ids)
    zone_key = ALL_ZONES if has_zones else ""
    if transitions:
        rows = [r for r in transitions if str(r["zone_id"] or "") == zone_key]
        cells = {(str(r["from_class"] or ""), str(r["to_class"] or "")): (float(r["area_ha"]), str(r["status"] or ""))
                 for r in rows}
        dm: Optional[float] = sum(float(r["dm_ha"] or 0.0) for r in rows)
    else:
        cells, dm = matrices[ALL_ZONES], None
    by_zone: Dict[str, Dict[str, float]] = {}
    if status_rows:
        for r in status_rows:
            by_zone.setdefault(str(r["zone_id"] or ""), {})[str(r["status"])] = float(r["area_ha"])
    else:
        by_zone = {zone: _status_sums(zone_cells) for zone, zone_cells in matrices.items() if zone != ALL_ZONES}
        by_zone[zone_key] = _status_sums(matrices[ALL_ZONES])
    statuses = by_zone.pop(zone_key, {})
    unknown = [(str(r["class_code"]), str(r["layer"]), float(r["area_ha"])) for r in _rows(layers.unknown)]
    return ReportData(zone_key=zone_key, cells=cells, statuses=statuses, by_zone=by_zone if has_zones else {},
                      dm_ha=dm, pieces=layers.conversions.featureCount(), unknown=unknown)


# ---- figures (matplotlib, object API: no pyplot, no global backend) ----------------

def _short(category: str) -> str:
    return category_label(category)


def _number(area: float, total: float) -> str:
    return f"{area:,.0f}" if total >= 10_000 else f"{area:,.1f}" if total >= 100 else f"{area:,.2f}"


def _categories_of(cells: Cells) -> List[str]:
    present = {c for key in cells for c in key}
    return [c for c in CATEGORIES if c in present] + ([""] if "" in present else [])


def draw_matrix(cells: Cells, path: Path, size_mm: Tuple[float, float] = (165.0, 150.0)) -> Path:
    """The category matrix (rows before, columns after) with totals, cells coloured by status."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    categories = _categories_of(cells) or list(CATEGORIES)
    n = len(categories)
    total = sum(area for area, _s in cells.values())
    figure = Figure(figsize=(size_mm[0] / 25.4, size_mm[1] / 25.4))
    family = matplotlib_family()
    axes = figure.add_axes([0.2, 0.12, 0.78, 0.7])
    axes.set_xlim(0, n + 1)
    axes.set_ylim(n + 1, 0)
    axes.set_axis_off()
    font = {"family": family, "size": 6.5 if n <= 8 else 5.5}
    row_sums = {c: 0.0 for c in categories}
    column_sums = {c: 0.0 for c in categories}
    for (f, t), (area, _status) in cells.items():
        row_sums[f] = row_sums.get(f, 0.0) + area
        column_sums[t] = column_sums.get(t, 0.0) + area
    for i, f in enumerate(categories + [None]):
        for j, t in enumerate(categories + [None]):
            if f is None or t is None:
                value = total if f is None and t is None else row_sums[f] if t is None else column_sums[t]
                axes.add_patch(Rectangle((j, i), 1, 1, facecolor="#f2f2f2", edgecolor="#9a9a9a", linewidth=0.4))
                axes.text(j + 0.5, i + 0.5, _number(value, total), ha="center", va="center", fontweight="bold",
                          **font)
                continue
            area, status = cells.get((f, t), (0.0, ""))
            color = STATUS_COLORS.get(status, STATUS_COLORS["unknown"]) if (f, t) in cells else "#ffffff"
            axes.add_patch(Rectangle((j, i), 1, 1, facecolor=color, edgecolor="#9a9a9a", linewidth=0.4))
            if (f, t) in cells:
                q = QColor(color)
                light = 0.299 * q.red() + 0.587 * q.green() + 0.114 * q.blue() > 140
                axes.text(j + 0.5, i + 0.5, _number(area, total), ha="center", va="center",
                          color="#000000" if light else "#ffffff", **font)
    labels = [_short(c) for c in categories] + [tr("Total")]
    for i, label in enumerate(labels):
        axes.text(-0.1, i + 0.5, label.replace("\n", " "), ha="right", va="center", **font)
        axes.text(i + 0.5, -0.1, label, ha="center", va="bottom", rotation=0 if n <= 6 else 90, **font)
    axes.text(-0.1, -0.1, tr("before ↓ / after →"), ha="right", va="bottom", style="italic", **font)
    handles = [Patch(facecolor=STATUS_COLORS[s], edgecolor="#9a9a9a", label=status_label(s)) for s in STATUS_ORDER]
    figure.legend(handles=handles, loc="lower center", ncol=3, frameon=False, prop={"family": family, "size": 6.5})
    figure.savefig(str(path), format=path.suffix.lstrip(".") or "svg", dpi=200)
    return path


def _spread(centres: List[float], minimum: float) -> List[float]:
    """Label positions at least ``minimum`` apart, as close to ``centres`` as that allows."""
    placed: List[float] = []
    for c in centres:
        placed.append(max(c, placed[-1] + minimum) if placed else c)
    return placed


def draw_sankey(cells: Cells, path: Path, size_mm: Tuple[float, float] = (105.0, 150.0)) -> Path:
    """Flows between categories: before on the left, after on the right, bands coloured
    by status, nodes by category; band widths are proportional to the area."""
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch, Rectangle
    from matplotlib.path import Path as MplPath

    flows = [(f, t, area, status) for (f, t), (area, status) in cells.items() if area > 0]
    figure = Figure(figsize=(size_mm[0] / 25.4, size_mm[1] / 25.4))
    family = matplotlib_family()
    axes = figure.add_axes([0.3, 0.03, 0.4, 0.94])
    axes.set_axis_off()
    total = sum(f[2] for f in flows)
    if total <= 0:
        axes.text(0.5, 0.5, tr("No overlaid area"), ha="center", va="center", family=family)
        figure.savefig(str(path), format=path.suffix.lstrip(".") or "svg")
        return path
    order = list(CATEGORIES) + [""]
    left = [c for c in order if any(f == c for f, _t, _a, _s in flows)]
    right = [c for c in order if any(t == c for _f, t, _a, _s in flows)]
    gap = total * 0.025
    height = total + gap * (max(len(left), len(right)) - 1)
    axes.set_xlim(0, 1)
    axes.set_ylim(height, 0)

    def stack(nodes: List[str], side: int) -> Dict[str, Tuple[float, float]]:
        sums = {c: sum(a for f, t, a, _s in flows if (t if side else f) == c) for c in nodes}
        used = sum(sums.values()) + gap * (len(nodes) - 1)
        y = (height - used) / 2
        spans = {}
        for c in nodes:
            spans[c] = (y, y + sums[c])
            y += sums[c] + gap
        return spans

    left_spans, right_spans = stack(left, 0), stack(right, 1)
    bar = 0.05
    left_cursor = {c: span[0] for c, span in left_spans.items()}
    # Bands leave each node in the order of their targets and arrive in the order of their
    # sources, so they do not cross inside a node.
    for f, t, area, status in sorted(flows, key=lambda x: (order.index(x[0]), order.index(x[1]))):
        y0 = left_cursor[f]
        left_cursor[f] += area
        z0 = right_spans[t][0] + sum(a for ff, tt, a, _s in flows if tt == t and order.index(ff) < order.index(f))
        x0, x1 = bar, 1 - bar
        xm = (x0 + x1) / 2
        vertices = [(x0, y0), (xm, y0), (xm, z0), (x1, z0), (x1, z0 + area), (xm, z0 + area), (xm, y0 + area),
                    (x0, y0 + area), (x0, y0)]
        codes = [MplPath.MOVETO, MplPath.CURVE4, MplPath.CURVE4, MplPath.CURVE4, MplPath.LINETO, MplPath.CURVE4,
                 MplPath.CURVE4, MplPath.CURVE4, MplPath.CLOSEPOLY]
        axes.add_patch(PathPatch(MplPath(vertices, codes), facecolor=STATUS_COLORS.get(status, "#8a8a8a"),
                                 edgecolor="none", alpha=0.8))
    font = {"family": family, "size": 6.5}
    minimum = height * 0.032
    for spans, x, side in ((left_spans, 0.0, 0), (right_spans, 1 - bar, 1)):
        names = list(spans)
        for c in names:
            y0, y1 = spans[c]
            axes.add_patch(Rectangle((x, y0), bar, y1 - y0, facecolor=CATEGORY_COLORS.get(c, "#9e9e9e"),
                                     edgecolor="#404040", linewidth=0.3))
        positions = _spread([(spans[c][0] + spans[c][1]) / 2 for c in names], minimum)
        for c, y in zip(names, positions):
            y0, y1 = spans[c]
            label = f"{category_label(c)} {_number(y1 - y0, total)}"
            axes.text(-0.03 if side == 0 else 1.03, y, label, ha="right" if side == 0 else "left", va="center",
                      clip_on=False, **font)
    axes.text(0.0, -height * 0.005, tr("Before"), ha="left", va="bottom", fontweight="bold", **font)
    axes.text(1.0, -height * 0.005, tr("After"), ha="right", va="bottom", fontweight="bold", **font)
    figure.savefig(str(path), format=path.suffix.lstrip(".") or "svg", dpi=200)
    return path


# ---- layout ---------------------------------------------------------------------

class _Builder(LayoutBuilder):
    TABLE_CELL_MARGIN = 1.0
    TABLE_WRAP_TEXT = False
    TABLE_NUMBERS_RIGHT = True

    def __init__(self, project: QgsProject, layers: ReportLayers, data: ReportData, title: Optional[str],
                 folder: Path) -> None:
        super().__init__(project, title or tr("Land-use conversion map (用途转用)"))
        self.layers = layers
        self.data = data
        self.folder = folder
        self.warnings: List[str] = []

    def legend_labels(self, legend: QgsLayoutItemLegend, width: float, size: float) -> None:
        """Wraps the long bilingual path labels of the legend (user labels of its nodes) to
        ``width`` mm at ``size`` points."""
        model = legend.model()
        for node in model.rootGroup().findLayers():
            for index, legend_node in enumerate(model.layerLegendNodes(node)):
                text = legend_node.data(Qt.ItemDataRole.DisplayRole) or ""
                wrapped = self.fit_cell(text, width, size)
                if wrapped != text:
                    QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrapped)
            model.refreshLayerLegend(node)

    # ---- parts ----

    def map_page(self) -> None:
        size = self.page(0).pageSize()
        width, height = size.width(), size.height()
        self.label(self.title, 0, MARGIN, 6, width - 2 * MARGIN, 9, 16, bold=True)
        self.label(tr("Source: {source}").format(source=self.layers.source or self.layers.conversions.name()),
                   0, MARGIN, 15, width - 2 * MARGIN, 5, 8)
        map_width = width * 0.58
        top, bottom = 22.0, height - MARGIN - 8
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        item.setLayers([self.layers.conversions])
        item.setKeepLayerSet(True)
        item.setCrs(self.layers.conversions.crs())
        self.layout.addLayoutItem(item)
        self.place(item, 0, MARGIN, top, map_width, bottom - top)
        extent = fit_extent(self.layers.conversions.extent(), map_width / (bottom - top))
        item.setExtent(extent)  # not zoomToExtent: the item's extent is still empty (NaN scale)
        scalebar = QgsLayoutItemScaleBar(self.layout)
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(item)
        metres = extent.width()
        if metres >= 5000:
            scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
            scalebar.setUnitLabel("km")
            scalebar.setUnitsPerSegment(scale_segment(metres / 1000.0, 10))
        else:
            scalebar.setUnits(QgsUnitTypes.DistanceMeters)
            scalebar.setUnitLabel("m")
            scalebar.setUnitsPerSegment(scale_segment(metres, 10))
        scalebar.setNumberOfSegments(4)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setTextFormat(self.text_format(7))
        self.layout.addLayoutItem(scalebar)
        scalebar.attemptMove(self.at(0, MARGIN, bottom + 1))
        self.north_arrow(item, 0, MARGIN + map_width - 10.5, top + 2.5)
        right_x = MARGIN + map_width + 6
        right_width = width - MARGIN - right_x
        # Right column, top down: area by status, notes, then the legend (which grows with
        # the number of legal paths).
        y = top
        self.label(tr("Area by policy status"), 0, right_x, y, right_width, 6, 10, bold=True)
        total = sum(self.data.statuses.values())
        rows = [(status_label(s), f"{self.data.statuses[s]:,.2f}",
                 f"{100 * self.data.statuses[s] / total:.1f} %" if total > 0 else "")
                for s in STATUS_ORDER if s in self.data.statuses]
        rows.append((tr("Total"), f"{total:,.2f}", "100.0 %" if total > 0 else ""))
        table_height = 6.5 + 5.0 * len(rows)
        self.text_table([(tr("Status"), right_width * 0.52), (tr("Area (ha)"), right_width * 0.22),
                         (tr("Share"), 0.0)], rows, 0, right_x, y + 7, right_width, table_height, fit=True)
        notes = [tr("{pieces} pieces.").format(pieces=self.data.pieces)]
        if self.data.dm_ha is not None:
            notes.append(tr("Standard-forest change: {dm:+,.2f} ha.").format(dm=self.data.dm_ha))
        for code, layer, area in self.data.unknown[:5]:
            notes.append((tr('Code "{code}" (before layer) has no category: {area:,.2f} ha.') if layer == "before"
                          else tr('Code "{code}" (after layer) has no category: {area:,.2f} ha.'))
                         .format(code=code, area=area))
        y += 7 + table_height + 2
        self.label("\n".join(notes), 0, right_x, y, right_width, 3.6 * len(notes) + 1, 7)
        y += 3.6 * len(notes) + 4
        legend = self.legend(item, tr("Policy status of the change"), [self.layers.conversions], label_size=6.5)
        # The legend's title says what the classes are; the layer's own name above them would
        # be a second heading for the same list.
        node = legend.model().rootGroup().findLayer(self.layers.conversions)
        QgsLegendRenderer.setNodeLegendStyle(node, LEGEND_STYLE_HIDDEN)
        legend.setSymbolWidth(6)
        legend.setSymbolHeight(3.5)
        self.layout.addLayoutItem(legend)
        self.legend_labels(legend, right_width - legend.symbolWidth() - 6.0, 6.5)
        legend.attemptMove(self.at(0, right_x, y))
        legend.adjustBoxSize()

    def matrix_page(self) -> None:
        page = self.add_page()
        size = self.page(page).pageSize()
        self.label(tr("Transitions between policy categories (ha)"), page, MARGIN, 6, size.width() - 2 * MARGIN,
                   8, 12, bold=True)
        self.label(tr("Rows: land use before; columns: land use after. Cells are coloured by the policy status "
                      "of the change."), page, MARGIN, 14, size.width() - 2 * MARGIN, 5, 8)
        matrix_size = (160.0, 170.0)
        sankey_size = (size.width() - 2 * MARGIN - matrix_size[0] - 4, 170.0)
        try:
            matrix = draw_matrix(self.data.cells, self.folder / "matrix.svg", matrix_size)
            sankey = draw_sankey(self.data.cells, self.folder / "sankey.svg", sankey_size)
        except ImportError as e:
            self.warnings.append(tr("matplotlib is not available ({error}): the matrix and the Sankey diagram "
                                    "are left out.").format(error=e))
            return
        self.picture(matrix, page, MARGIN, 22, *matrix_size)
        self.picture(sankey, page, MARGIN + matrix_size[0] + 4, 22, *sankey_size)

    def transitions_page(self) -> None:
        """The matrix's cells as a list (from, to, status, area, share): the numbers of the
        picture as text, to read, search and copy."""
        cells = [(key, value) for key, value in self.data.cells.items() if value[0] > 0]
        if not cells:
            return
        order = list(CATEGORIES) + [""]
        cells.sort(key=lambda item: (order.index(item[0][0]) if item[0][0] in order else len(order),
                                     order.index(item[0][1]) if item[0][1] in order else len(order)))
        page = self.add_page()
        size = self.page(page).pageSize()
        self.label(tr("Transitions between policy categories: list (ha)"), page, MARGIN, 6,
                   size.width() - 2 * MARGIN, 8, 12, bold=True)
        total = sum(area for _key, (area, _status) in cells)
        available = size.width() - 2 * MARGIN
        headings = [(tr("Before"), 60.0), (tr("After"), 60.0), (tr("Status"), 60.0), (tr("Area (ha)"), 35.0),
                    (tr("Share"), 0.0)]
        rows = [[category_label(f), category_label(t), status_label(status), f"{area:,.2f}",
                 f"{100 * area / total:.1f} %" if total > 0 else ""] for (f, t), (area, status) in cells]
        rows.append([tr("Total"), "", "", f"{total:,.2f}", "100.0 %" if total > 0 else ""])
        table = self.text_table(headings, rows, page, MARGIN, 16, available, size.height() - 16 - MARGIN,
                                repeat=True, fit=True)
        table.recalculateFrameSizes()

    def zones_page(self) -> None:
        if not self.data.by_zone:
            return
        page = self.add_page()
        size = self.page(page).pageSize()
        self.label(tr("Area by zone and policy status (ha)"), page, MARGIN, 6, size.width() - 2 * MARGIN, 8, 12,
                   bold=True)
        statuses = [s for s in STATUS_ORDER if any(s in z for z in self.data.by_zone.values())]
        available = size.width() - 2 * MARGIN
        # Column widths exclude the cell margins (1 mm each side) and the grid.
        column = (available - 63.0) / (len(statuses) + 1) - 3.0
        headings = ([(tr("Zone"), 60.0)] + [(status_short_labels()[s], column) for s in statuses]
                    + [(tr("Total"), column)])
        rows = []
        for zone, sums in self.data.by_zone.items():
            name = zone if zone else tr("(outside every zone)")
            rows.append([name] + [f"{sums.get(s, 0.0):,.2f}" for s in statuses] + [f"{sum(sums.values()):,.2f}"])
        totals = self.data.statuses
        rows.append([tr("All zones")] + [f"{totals.get(s, 0.0):,.2f}" for s in statuses]
                    + [f"{sum(totals.values()):,.2f}"])
        table = self.text_table(headings, rows, page, MARGIN, 16, available, size.height() - 16 - MARGIN,
                                repeat=True, fit=True)
        table.recalculateFrameSizes()

    def build(self) -> QgsPrintLayout:
        self.map_page()
        self.matrix_page()
        self.zones_page()
        self.transitions_page()
        self.layout.refresh()
        return self.layout


def build_layout(layers: ReportLayers, folder: Path, project: Optional[QgsProject] = None,
                 title: Optional[str] = None) -> Tuple[QgsPrintLayout, List[str]]:
    """The report layout (pictures written into ``folder``, which must outlive the export)
    and its warnings. The layers are added to ``project`` (hidden from its layer tree)
    when they are not in it yet."""
    project = project if project is not None else QgsProject.instance()
    if not project.crs().isValid():
        crs = layers.conversions.crs()
        project.setCrs(crs)
        project.setEllipsoid(crs.ellipsoidAcronym())
    for layer in (layers.conversions, layers.transitions, layers.status_summary, layers.unknown):
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    builder = _Builder(project, layers, report_data(layers), title, folder)
    return builder.build(), builder.warnings


def export_report(layers: ReportLayers, pdf: Optional[Path] = None, png: Optional[Path] = None,
                  project: Optional[QgsProject] = None, title: Optional[str] = None, dpi: float = 150.0,
                  style: bool = True) -> ReportResult:
    """Exports the report to PDF and/or PNG (``png`` is page 1; further pages get _2, _3...).
    With ``style`` the conversions layer is styled by status first."""
    if style:
        style_conversions_layer(layers.conversions)
    with tempfile.TemporaryDirectory(prefix="guotu_report_") as folder:
        layout, warnings = build_layout(layers, Path(folder), project, title)
        result = ReportResult(pages=layout.pageCollection().pageCount(), font_family=cjk_font_family(),
                              warnings=warnings)
        if result.font_family is None:
            result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not "
                                      "render (install e.g. fonts-wqy-microhei)."))
        if pdf is not None:
            export_pdf(layout, Path(pdf), dpi)  # beside the target, renamed over it when complete
            result.pdf = pdf
        if png is not None:
            export_png(layout, Path(png), dpi)
            result.pngs = [png] + [png.with_name(f"{png.stem}_{i}{png.suffix}") for i in range(2, result.pages + 1)]
    return result
