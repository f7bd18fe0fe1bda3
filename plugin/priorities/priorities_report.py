"""The Pareto ranking's report (PDF): a scatter plot of two chosen objectives with every
site coloured by its front and the first front drawn as a step line, and a table of the
first-front sites (best first by crowding distance: the most isolated trade-offs first)."""

import math
import tempfile
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen
from qgis.core import QgsFeedback, QgsProject

from ..binding.priorities_native import MAXIMISE
from ..i18n import tr
from ..reporting.report_layout import LayoutBuilder, cjk_font_family, export_pdf, format_number
from .priorities_run import RankResult, RankedSite
from .priorities_style import FRONT_COLORS

PLOT_W, PLOT_H = 1600, 1060  # pixels: about 250 dpi at the report's 165 mm
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 150, 40, 40, 170


def _color(front: int) -> QColor:
    r, g, b, _a = (int(c) for c in FRONT_COLORS[min(front, 4) - 1][1].split(","))
    return QColor(r, g, b)


def front_line(points: Sequence[Tuple[float, float]], x_max: bool) -> List[Tuple[float, float]]:
    """The first front of two objectives as a staircase through its points, from the best of
    the first objective to its worst: along the first objective, then along the second (the
    edge of what the front dominates, whichever way the second objective goes)."""
    pts = sorted(set(points), key=lambda p: (p[0], p[1]))
    if x_max:
        pts.reverse()
    stairs: List[Tuple[float, float]] = []
    for x, y in pts:
        if stairs:
            stairs.append((x, stairs[-1][1]))
        stairs.append((x, y))
    return stairs


def draw_scatter(png: Path, sites: Sequence[RankedSite], ix: int, iy: int, x_title: str, y_title: str,
                 x_max: bool, legend: Sequence[str] = ()) -> None:
    """The scatter plot as a PNG (QtSvg is not part of every PyQt6 that QGIS 4 ships with)."""
    image = QImage(PLOT_W, PLOT_H, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        family = cjk_font_family()
        font = QFont(family) if family else QFont()
        font.setPixelSize(30)
        painter.setFont(font)
        xs = [s.values[ix] for s in sites]
        ys = [s.values[iy] for s in sites]
        x0, x1 = (min(xs), max(xs)) if xs else (0.0, 1.0)
        y0, y1 = (min(ys), max(ys)) if ys else (0.0, 1.0)
        if x1 <= x0:
            x0, x1 = x0 - 1, x1 + 1
        if y1 <= y0:
            y0, y1 = y0 - 1, y1 + 1
        pad_x, pad_y = (x1 - x0) * 0.05, (y1 - y0) * 0.05
        x0, x1, y0, y1 = x0 - pad_x, x1 + pad_x, y0 - pad_y, y1 + pad_y
        w, h = PLOT_W - MARGIN_L - MARGIN_R, PLOT_H - MARGIN_T - MARGIN_B

        def at(x: float, y: float) -> QPointF:
            return QPointF(MARGIN_L + (x - x0) / (x1 - x0) * w, MARGIN_T + h - (y - y0) / (y1 - y0) * h)

        painter.setPen(QPen(QColor("#202020"), 2))
        painter.drawRect(QRectF(MARGIN_L, MARGIN_T, w, h))
        for t in range(6):  # ticks and their values
            fx, fy = x0 + (x1 - x0) * t / 5, y0 + (y1 - y0) * t / 5
            p = at(fx, y0)
            painter.drawLine(p, QPointF(p.x(), p.y() + 10))
            painter.drawText(QRectF(p.x() - 100, p.y() + 12, 200, 36), Qt.AlignmentFlag.AlignHCenter, f"{fx:.4g}")
            q = at(x0, fy)
            painter.drawLine(q, QPointF(q.x() - 10, q.y()))
            painter.drawText(QRectF(0, q.y() - 18, MARGIN_L - 16, 36), Qt.AlignmentFlag.AlignRight, f"{fy:.4g}")
        painter.drawText(QRectF(MARGIN_L, PLOT_H - 110, w, 50), Qt.AlignmentFlag.AlignHCenter, x_title)
        painter.save()
        painter.translate(30, MARGIN_T + h / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-h / 2, -30, h, 50), Qt.AlignmentFlag.AlignHCenter, y_title)
        painter.restore()
        # later fronts first, so that the first front is drawn on top
        for s in sorted(sites, key=lambda s: -s.front):
            painter.setPen(QPen(_color(s.front).darker(150), 1.5))
            painter.setBrush(_color(s.front))
            radius = 11 if s.front == 1 else 8
            painter.drawEllipse(at(s.values[ix], s.values[iy]), radius, radius)
        first = [(s.values[ix], s.values[iy]) for s in sites if s.front == 1]
        stairs = front_line(first, x_max)
        painter.setPen(QPen(QColor(0, 68, 27), 6))
        for a, b in zip(stairs, stairs[1:]):
            painter.drawLine(at(*a), at(*b))
        x = float(MARGIN_L)  # a key under the x axis title, entries as wide as their text
        y = PLOT_H - 20
        for i, title in enumerate(legend):
            if i < 4:
                painter.setPen(QPen(_color(i + 1).darker(150), 1.5))
                painter.setBrush(_color(i + 1))
                painter.drawEllipse(QPointF(x + 10, y - 10), 9, 9)
            else:
                painter.setPen(QPen(QColor(0, 68, 27), 6))
                painter.drawLine(QPointF(x, y - 10), QPointF(x + 22, y - 10))
            painter.setPen(QPen(QColor("#202020"), 2))
            width = painter.fontMetrics().horizontalAdvance(title)
            painter.drawText(QRectF(x + 28, y - 30, width + 10, 40), Qt.AlignmentFlag.AlignLeft, title)
            x += 28 + width + 40
    finally:
        painter.end()
    if not image.save(str(png), "PNG"):
        raise RuntimeError(tr("The plot {path} could not be written.").format(path=png))


class _Builder(LayoutBuilder):
    pass


def export_rank_report(result: RankResult, pdf: Path, x_objective: str, y_objective: str,
                       project: Optional[QgsProject] = None, feedback: Optional[QgsFeedback] = None) -> Path:
    """Writes the report; ValueError when an objective to plot is not one of the ranking's."""
    names = [o.name for o in result.objectives]
    for name in (x_objective, y_objective):
        if name not in names:
            raise ValueError(tr('The plot objective "{name}" is not one of the ranking\'s objectives ({names}).')
                             .format(name=name, names=", ".join(names)))
    ix, iy = names.index(x_objective), names.index(y_objective)

    def title_of(i: int) -> str:
        o = result.objectives[i]
        if o.direction == MAXIMISE:
            return tr("{name} (maximise)").format(name=o.name)
        return tr("{name} (minimise)").format(name=o.name)

    builder = _Builder(project or QgsProject.instance(), tr("Pareto ranking of candidate sites"))
    size = builder.page_size()
    builder.label(builder.title, 0, 10, 8, size.width() - 20, 10, 16, bold=True)
    fronts = [s.front for s in result.sites]
    objectives = ", ".join(title_of(i) for i in range(len(names)))
    builder.label(tr("{n} sites, {k} objectives: {objectives}. {first} sites on the first front (not dominated "
                     "by any other site), {fronts} fronts in all.").format(
        n=len(fronts), k=len(names), objectives=objectives, first=sum(1 for f in fronts if f == 1),
        fronts=max(fronts) if fronts else 0), 0, 10, 19, size.width() - 20, 10, 9)
    with tempfile.TemporaryDirectory() as folder:
        plot = Path(folder) / "scatter.png"
        legend = (tr("Front 1 (Pareto front)"), tr("Front 2"), tr("Front 3"), tr("Front 4 and after"),
                  tr("the first front"))
        draw_scatter(plot, result.sites, ix, iy, title_of(ix), title_of(iy),
                     result.objectives[ix].direction == MAXIMISE, legend)
        builder.picture(plot, 0, 10, 30, 165, 109)
        first = sorted((s for s in result.sites if s.front == 1),
                       key=lambda s: (-(s.crowding if not math.isinf(s.crowding) else 1e300), s.fid))
        # The columns share the room right of the plot (cell margins and grid lines: 1.7 mm a
        # column): at fixed widths four objectives ran past the page's edge.
        available = size.width() - 192.0
        shown = names[:4]
        usable = available - 1.7 * (len(shown) + 2) - 0.3
        site_width, crowding_width = usable * 0.24, usable * 0.14
        objective_width = (usable - site_width - crowding_width) / max(len(shown), 1)
        headings = ([(tr("Site"), site_width)] + [(n, objective_width) for n in shown] +
                    [(tr("Crowding"), crowding_width)])
        rows = [[s.site_id or str(s.fid)] + [format_number(v, 3) for v in s.values[:4]] +
                ["∞" if math.isinf(s.crowding) else format_number(s.crowding, 3)] for s in first]
        builder.label(tr("First front"), 0, 182, 30, 100, 6, 10, bold=True)
        builder.text_table(headings, rows, 0, 182, 37, available, size.height() - 50, repeat=True, fit=True)
        builder.finish_pages()
        export_pdf(builder.layout, pdf, feedback=feedback)
    return pdf
