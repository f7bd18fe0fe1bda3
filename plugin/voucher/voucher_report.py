"""Printable voucher report: a QGIS print layout exported to PDF, and a PNG map.

Page 1: title, the supply/demand map with the trades, legend, scale bar and the
key figures of the summary. Page 2: the paper's maps of standard forest per zone,
M₀, Mₜ and ΔM, in classes of the supply/demand legend. Then the zones table (zone,
name, E, role — key ecological function zones marked —, amount; as many pages as it
needs), with accounts over years the ledger and a line chart of every zone's
balance, and the parameters and inputs of the run. The PNG is page 1.

The layers come from a voucher GeoPackage written by ``guotu voucher`` (layers
voucher, trades, summary) or by the plugin (same names, plus market_summary),
or straight from the Processing outputs. Works headless (QT_QPA_PLATFORM=
offscreen); Chinese text needs a CJK font on the machine (see cjk_font_family).
"""

import math
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.PyQt.QtCore import QPointF, QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter, QPen
from qgis.core import (QgsFeatureRequest, QgsLayoutItemMap, QgsPrintLayout, QgsProject,
                       QgsVectorLayer)

from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..inputs.conversions import is_null
from ..reporting.report_layout import LayoutBuilder, cjk_font_family, export_pdf, export_png, fit_extent
from ..binding.voucher_native import MarketOptions, MarketSummary
from .market import market_balance_sentences
from .bottom_lines import KEY_FUNCTION_MARKET_WORDS, REDLINE_LOSS_WORDS
from .voucher import balance_sentences, key_function_sentence, redline_loss_sentence, reference_text
from .voucher_style import (gpkg_layer_names, standard_forest_renderer, style_trades_layer, style_voucher_layer,
                            voucher_renderer)

MARGIN = 10.0
@dataclass
class ReportLayers:
    voucher: QgsVectorLayer
    trades: Optional[QgsVectorLayer] = None
    summary: Optional[QgsVectorLayer] = None
    market_summary: Optional[QgsVectorLayer] = None
    source: str = ""
    ledger: Optional[QgsVectorLayer] = None  # accounts over years (table ledger), or None


@dataclass
class ReportResult:
    pages: int
    pdf: Optional[Path] = None
    png: Optional[Path] = None
    font_family: Optional[str] = None
    warnings: List[str] = field(default_factory=list)


def load_gpkg_layers(path: Path) -> ReportLayers:
    """The voucher, trades and summary layers of a voucher GeoPackage."""
    names = set(gpkg_layer_names(path))
    if "voucher" not in names:
        raise ValueError(tr('"{path}" has no layer "voucher"; is it the output of the voucher accounting?')
                         .format(path=path))

    def open_layer(name: str, title: str) -> Optional[QgsVectorLayer]:
        if name not in names:
            return None
        layer = QgsVectorLayer(f"{path}|layername={name}", title, "ogr")
        return layer if layer.isValid() else None

    return ReportLayers(voucher=open_layer("voucher", tr("Vouchers (E, ha)")),
                        trades=open_layer("trades", tr("Voucher trades (width ∝ volume)")),
                        summary=open_layer("summary", tr("Voucher summary")),
                        market_summary=open_layer("market_summary", tr("Market summary")),
                        source=str(path), ledger=open_layer("ledger", tr("Voucher ledger")))


def summary_items(*layers: Optional[QgsVectorLayer]) -> Tuple[Dict[str, float], Dict[str, str]]:
    """(numbers, texts) of summary tables: item -> value, item -> text."""
    numbers: Dict[str, float] = {}
    texts: Dict[str, str] = {}
    for n, layer in enumerate(layers):
        if layer is None:
            continue
        for feature in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
            item, value, text = str(feature["item"]), feature["value"], feature["text"]
            if not is_null(value) and not (isinstance(value, float) and math.isnan(value)):
                numbers[item] = float(value)
            elif not is_null(text) and str(text):
                # A later table (the market's) keeps its own value of an item both record.
                if n and texts.get(item, str(text)) != str(text):
                    item = f"market: {item}"
                texts[item] = str(text)
    return numbers, texts


def _item_labels() -> Dict[str, str]:
    return {
        "total_m0_ha": tr("Standard forest, base year (ha)"),
        "total_mt_ha": tr("Standard forest, target year (ha)"),
        "sum_dm_ha": tr("Raw change ΣΔM (ha)"),
        "total_supply_ha": tr("Supply: Σ E of sellers (ha)"),
        "total_demand_ha": tr("Demand: Σ |E| of buyers (ha)"),
        "net_ha": tr("ΣE = supply − demand (ha; not ΣΔM)"),
        "traded_ha": tr("Traded (ha)"),
        "unmet_demand_ha": tr("Unmet demand (ha)"),
        "unsold_supply_ha": tr("Unsold supply (ha)"),
        "clearing_price_yuan_per_ha": tr("Clearing price (yuan/ha)"),
        "traded_amount_yuan": tr("Traded amount (yuan)"),
        "sellers": tr("Sellers"),
        "buyers": tr("Buyers"),
        "reference_gdp_per_capita_yuan": tr("Reference GDP per capita (yuan/person)"),
        "reference_pop_density_per_km2": tr("Reference population density (persons/km²)"),
        "protection_rate": tr("Protection rate"),
    }


def _format(value: float) -> str:
    if abs(value) >= 1000 or float(value).is_integer():
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.0f}"
    return f"{value:,.2f}"


def protection_rate_applies(texts: Dict[str, str]) -> bool:
    """Whether the run's baseline used the protection rate (a base-year baseline does not:
    its rate is only recorded)."""
    return texts.get("baseline", "protection-rate") != "base-year"


def key_figures(numbers: Dict[str, float], texts: Dict[str, str]) -> List[Tuple[str, str]]:
    rows = []
    for item, label in _item_labels().items():
        if item not in numbers:
            continue
        if item == "protection_rate" and not protection_rate_applies(texts):
            rows.append((label, tr("not used (base-year baseline)")))
            continue
        rows.append((label, _format(numbers[item])))
    if "settlement" in texts:
        rows.append((tr("Settlement"), _settlement_text(texts["settlement"])))
    if "reference" in texts:
        rows.append((tr("Reference values"), reference_words(texts)))
    for item, label in (("baseline", tr("Baseline")), ("area_method", tr("Area method"))):
        if item in texts:
            rows.append((label, parameter_value(item, texts[item])))
    return rows


def reference_words(texts: Dict[str, str]) -> str:
    """The reference G and P were computed against, in words: national values of which year."""
    reference = texts.get("reference", "")
    if reference == "national":
        return tr("national values of {year}").format(year=texts.get("target_year", "?"))
    return reference_text(reference)


def _number_text(texts: Dict[str, str], *items: str) -> Optional[float]:
    for item in items:
        try:
            value = float(texts[item])
        except (KeyError, ValueError):
            continue
        if math.isfinite(value):
            return value
    return None


def balance_lines(numbers: Dict[str, float], texts: Dict[str, str]) -> List[str]:
    """What the report says about the balance of the region (SPEC §3): the reference used with
    its source, E not conserved, and with a market the unmet demand, unsold supply and price
    effect. Never a balance that is not there."""
    lines = []
    if texts.get("reference") == "national":
        lines.append(tr("Reference: national values of {year} (table {table}, line {line}; source: {source}).")
                     .format(year=texts.get("target_year", "?"), table=texts.get("reference_table", "?"),
                             line=texts.get("reference_table_line", "?"), source=texts.get("reference_source", "?")))
    elif "reference" in texts:
        lines.append(tr("Reference: {how}.").format(how=reference_text(texts["reference"])))
    lines += bottom_line_lines(numbers, texts)
    if {"total_m0_ha", "total_mt_ha", "total_supply_ha", "total_demand_ha"} <= set(numbers):
        lines += balance_sentences(numbers["total_mt_ha"] - numbers["total_m0_ha"], numbers["total_supply_ha"],
                                   numbers["total_demand_ha"])
    if "unmet_demand_ha" in numbers and "traded_ha" in numbers:
        n = numbers
        summary = MarketSummary(
            n.get("market_supply_ha", 0.0), n.get("market_demand_ha", 0.0), n["traded_ha"],
            n.get("clearing_price_yuan_per_ha", 0.0), n.get("traded_amount_yuan", 0.0), int(n.get("sellers", 0)),
            int(n.get("buyers", 0)), n.get("market_total_supply_ha", 0.0), n.get("market_total_demand_ha", 0.0),
            n.get("unsold_supply_ha", 0.0), n["unmet_demand_ha"], n.get("floor_supply_ha", 0.0),
            n.get("floor_demand_ha", 0.0), bool(n.get("demand_exceeds_supply_at_floor", 0.0)))
        options = MarketOptions(price=_number_text(texts, "market: price", "price"),
                                floor_price=_number_text(texts, "market: floor_price", "floor_price"))
        lines += market_balance_sentences(summary, options)
    return lines


def bottom_line_lines(numbers: Dict[str, float], texts: Dict[str, str]) -> List[str]:
    """The plan's bottom lines and the key ecological function zones, from the summary (SPEC §3)."""
    lines: List[str] = []
    n = numbers
    if "redline_loss_ha" in n:
        lines.append(tr("Bottom lines: ΔM inside the ecological red line {redline:,.2f} ha, inside permanent "
                        "farmland {farmland:,.2f} ha.").format(redline=n.get("sum_dm_redline_ha", 0.0),
                                                               farmland=n.get("sum_dm_farmland_ha", 0.0)))
        lines.append(tr("Violations: {loss:,.2f} ha of standard forest ({area:,.2f} ha of land, {pieces} pieces) "
                        "lost inside the red line in {zones} zones.").format(
            loss=n["redline_loss_ha"], area=n.get("redline_loss_area_ha", 0.0),
            pieces=int(n.get("violation_pieces", 0)), zones=int(n.get("violation_zones", 0))))
        lines.append(redline_loss_sentence("count" if texts.get("redline_loss", "").startswith("count")
                                           else "exclude"))
    if n.get("key_function_zones", 0) > 0:
        lines.append(key_function_sentence(int(n["key_function_zones"]), n.get("key_function_in_market", 0) > 0,
                                           n.get("key_function_supply_ha", 0.0), n.get("key_function_demand_ha", 0.0)))
    return lines


def _settlement_text(value: str) -> str:
    if value.startswith("enclave"):
        return tr("Enclave (飞地): amounts are equity value")
    return tr("Payment")


def _flag(feature, name: str) -> Optional[bool]:
    """A 1/0 field of the voucher layer, None when the layer has no such field or it is NULL."""
    if feature.fields().lookupField(name) < 0 or is_null(feature[name]):
        return None
    return float(feature[name]) != 0


def role_text(feature, roles: Dict[str, str]) -> str:
    """The zone's role, marked when it lies in a national key ecological function zone (SPEC §3)."""
    role = roles.get(str(feature["role"]), tr("balanced"))
    if _flag(feature, "key_function"):
        if _flag(feature, "in_market") is False:
            return tr("{role}; key ecological function zone, out of the market").format(role=role)
        return tr("{role}; key ecological function zone").format(role=role)
    return role


@dataclass
class LedgerLine:
    zone_id: str
    name: str
    period: int
    year_from: Optional[int]
    year_to: int
    opening: float
    e: float
    bought: float
    sold: float
    closing: float


def ledger_lines(layer: QgsVectorLayer) -> List[LedgerLine]:
    """The ledger's rows by zone, then period."""
    def number(value) -> float:
        return 0.0 if is_null(value) else float(value)
    lines = [LedgerLine(str(f["zone_id"]), "" if is_null(f["zone_name"]) else str(f["zone_name"]), int(f["period"]),
                        None if is_null(f["year_from"]) else int(f["year_from"]), int(f["year_to"]),
                        number(f["opening_ha"]), number(f["e_ha"]), number(f["bought_ha"]), number(f["sold_ha"]),
                        number(f["closing_ha"]))
             for f in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry))]
    order = {}
    for line in lines:
        order.setdefault(line.zone_id, len(order))
    return sorted(lines, key=lambda line: (order[line.zone_id], line.period))


def draw_balance_chart(path: Path, title: str, lines: List[LedgerLine], family: Optional[str],
                       size: Tuple[int, int] = (900, 560)) -> None:
    """A line chart of one zone's account: its balance at the start and the end of every period
    (opening of the first, then each closing) and the E of each period, in ha by year."""
    years: List[int] = []
    balance: List[float] = []
    if lines:
        years.append(lines[0].year_from if lines[0].year_from is not None else lines[0].year_to - 1)
        balance.append(lines[0].opening)
    for line in lines:
        years.append(line.year_to)
        balance.append(line.closing)
    e_points = [(line.year_to, line.e) for line in lines]
    values = balance + [e for _, e in e_points] + [0.0]
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1.0, high + 1.0
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(family) if family else QFont()
    font.setPixelSize(22)
    painter.setFont(font)
    left, right, top, bottom = 120.0, size[0] - 30.0, 60.0, size[1] - 60.0
    first, last = (years[0], years[-1]) if years else (0, 1)
    span = max(1, last - first)

    def x(year: float) -> float:
        return left + (right - left) * (year - first) / span

    def y(value: float) -> float:
        return bottom - (bottom - top) * (value - low) / (high - low)

    painter.setPen(QPen(QColor("#202020"), 2))
    painter.drawText(QRectF(0, 8, size[0], 40), int(Qt.AlignmentFlag.AlignHCenter), title)
    painter.drawLine(QPointF(left, top), QPointF(left, bottom))
    painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
    painter.setPen(QPen(QColor("#9a9a9a"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(left, y(0.0)), QPointF(right, y(0.0)))
    painter.setPen(QPen(QColor("#202020"), 1))
    for value in (low + pad, 0.0, high - pad):
        painter.drawText(QRectF(0, y(value) - 14, left - 10, 28),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{value:,.1f}")
    for year in years:
        painter.drawText(QRectF(x(year) - 40, bottom + 6, 80, 28), int(Qt.AlignmentFlag.AlignHCenter), str(year))
    series = ((balance, list(zip(years, balance)), "#01665e", tr("balance")),
              (None, e_points, "#b2182b", tr("E of the period")))
    for n, (_values, points, color, name) in enumerate(series):
        pen = QPen(QColor(color), 4 if n == 0 else 3, Qt.PenStyle.SolidLine if n == 0 else Qt.PenStyle.DashLine)
        painter.setPen(pen)
        for (x0, y0), (x1, y1) in zip(points, points[1:]):
            painter.drawLine(QPointF(x(x0), y(y0)), QPointF(x(x1), y(y1)))
        painter.setBrush(QColor(color))
        for px, py in points:
            painter.drawEllipse(QPointF(x(px), y(py)), 6, 6)
        painter.drawLine(QPointF(left + 20 + n * 300, size[1] - 18), QPointF(left + 70 + n * 300, size[1] - 18))
        painter.setPen(QPen(QColor("#202020"), 1))
        painter.drawText(QRectF(left + 80 + n * 300, size[1] - 34, 220, 30), int(Qt.AlignmentFlag.AlignVCenter),
                         name)
    painter.end()
    image.save(str(path), "PNG")


class _Builder(LayoutBuilder):
    """Builds the print layout; one method per part."""

    def __init__(self, project: QgsProject, layers: ReportLayers, title: Optional[str],
                 work_dir: Optional[Path] = None) -> None:
        super().__init__(project, title or tr("Ecological voucher account (生态券)"))
        self.layers = layers
        self.numbers, self.texts = summary_items(layers.summary, layers.market_summary)
        self.work_dir = work_dir        # where the ledger's charts are drawn (None: no charts)
        self.map_layers: List[QgsVectorLayer] = []  # styled copies of the voucher layer, kept alive

    # ---- parts ----

    def map_page(self) -> None:
        size = self.page_size()
        width, height = size.width(), size.height()
        self.label(self.title, 0, MARGIN, 6, width - 2 * MARGIN, 9, 16, bold=True)
        subtitle = tr("Source: {source}").format(source=self.layers.source or self.layers.voucher.name())
        if "created_utc" in self.texts:
            subtitle += " · " + tr("computed {when}").format(when=self.texts["created_utc"])
        self.label(subtitle, 0, MARGIN, 15, width - 2 * MARGIN, 5, 8)
        map_width = width * 0.64
        top, bottom = 22.0, height - MARGIN - 8
        item = QgsLayoutItemMap(self.layout)
        item.setFrameEnabled(True)
        layers = [layer for layer in (self.layers.trades, self.layers.voucher) if layer is not None]
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setCrs(self.layers.voucher.crs())
        self.layout.addLayoutItem(item)
        self.place(item, 0, MARGIN, top, map_width, bottom - top)
        extent = fit_extent(self.layers.voucher.extent(), map_width / (bottom - top))
        # setExtent, not zoomToExtent (which scales the item's current, still empty
        # extent: NaN); the extent already has the item's aspect, so no resize.
        item.setExtent(extent)
        self.map_item = item
        self.map_furniture(item, 0, MARGIN, top, map_width, bottom - top)
        legend = self.legend(item, tr("Legend"),
                             [layer for layer in (self.layers.voucher, self.layers.trades) if layer is not None])
        legend_x = MARGIN + map_width + 6
        self.fit_legend(legend, 0, legend_x, top, width - MARGIN - legend_x, 108 - top - 2)
        figures = key_figures(self.numbers, self.texts)
        if figures:
            right_width = width - MARGIN - legend_x
            self.label(tr("Key figures"), 0, legend_x, 108, right_width, 6, 10, bold=True)
            # Both columns of set widths (cell margins and grid lines: 1.7 mm a column), the values
            # wrapped in theirs: a column sized to its texts ran over the page's margin.
            item_width = right_width * 0.64
            self.text_table([(tr("Item"), item_width), (tr("Value"), right_width - item_width - 2 * 1.7 - 0.3)],
                            figures, 0, legend_x, 115, right_width, bottom - 115, repeat=False, fit=True)

    def standard_forest_page(self) -> None:
        """The paper's maps of standard forest per zone (its figures 2–3): M₀, Mₜ and ΔM, M in one
        scale for both years and ΔM diverging around 0, both with the classes of the E legend."""
        voucher = self.layers.voucher
        fields = voucher.fields()
        if any(fields.lookupField(name) < 0 for name in ("m0_ha", "mt_ha", "dm_ha")):
            return
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        values: Dict[str, List[float]] = {"m0_ha": [], "mt_ha": [], "dm_ha": []}
        for feature in voucher.getFeatures(request):
            for name in values:
                if not is_null(feature[name]):
                    values[name].append(float(feature[name]))
        page = self.add_page()
        size = self.page_size()
        width = size.width() - 2 * MARGIN
        self.label(tr("Standard forest by zone: base year M₀, target year Mₜ and change ΔM (ha)"), page, MARGIN, 6,
                   width, 8, 12, bold=True)
        gap = 6.0
        map_width = (width - 2 * gap) / 3
        top, map_height = 20.0, 110.0
        maps = (("m0_ha", tr("M₀, base year (ha)"), standard_forest_renderer(values["m0_ha"] + values["mt_ha"],
                                                                           "m0_ha")),
                ("mt_ha", tr("Mₜ, target year (ha)"), standard_forest_renderer(values["m0_ha"] + values["mt_ha"],
                                                                             "mt_ha")),
                ("dm_ha", tr("ΔM = Mₜ − M₀ (ha)"), voucher_renderer(values["dm_ha"], "dm_ha", change=True)))
        for n, (name, title, renderer) in enumerate(maps):
            layer = voucher.clone()
            layer.setName(title)
            layer.setRenderer(renderer)
            layer.setLabelsEnabled(False)
            self.project.addMapLayer(layer, False)
            self.map_layers.append(layer)
            x = MARGIN + n * (map_width + gap)
            self.label(title, page, x, top - 6, map_width, 6, 10, bold=True)
            item = QgsLayoutItemMap(self.layout)
            item.setFrameEnabled(True)
            item.setLayers([layer])
            item.setKeepLayerSet(True)
            item.setCrs(voucher.crs())
            self.layout.addLayoutItem(item)
            self.place(item, page, x, top, map_width, map_height)
            item.setExtent(fit_extent(voucher.extent(), map_width / map_height))
            self.map_furniture(item, page, x, top, map_width, map_height)
            legend = self.legend(item, title, [layer])
            self.fit_legend(legend, page, x, top + map_height + 10, map_width, size.height() - top - map_height - 10
                            - MARGIN)

    def ledger_pages(self) -> None:
        """Accounts over years: the ledger of every zone and period, and a line chart per zone."""
        if self.layers.ledger is None:
            return
        lines = ledger_lines(self.layers.ledger)
        # A single period opened at 0 is the account itself: its ledger would say nothing new.
        if not lines or (len({line.period for line in lines}) < 2 and all(abs(line.opening) < 1e-9
                                                                          for line in lines)):
            return
        page = self.add_page()
        size = self.page_size()
        width = size.width() - 2 * MARGIN
        self.label(tr("Accounts over years: opening balance, E, bought, sold and closing balance by period (ha)"),
                   page, MARGIN, 6, width, 8, 12, bold=True)
        self.label(tr("Position = opening + E is what a zone brings to the period's market; closing = position + "
                      "bought − sold opens the next period."), page, MARGIN, 14, width, 5, 8)
        rows = [[line.zone_id, line.name, f"{line.year_from if line.year_from is not None else '?'}–{line.year_to}",
                 f"{line.opening:,.2f}", f"{line.e:,.2f}", f"{line.bought:,.2f}", f"{line.sold:,.2f}",
                 f"{line.closing:,.2f}"] for line in lines]
        headings = [(tr("Zone"), 30.0), (tr("Name"), 60.0), (tr("Period"), 28.0), (tr("Opening (ha)"), 30.0),
                    (tr("E (ha)"), 28.0), (tr("Bought (ha)"), 28.0), (tr("Sold (ha)"), 28.0),
                    (tr("Closing (ha)"), 0.0)]
        table = self.text_table(headings, rows, page, MARGIN, 21, width, size.height() - 21 - MARGIN, repeat=True,
                                fit=True)
        table.recalculateFrameSizes()
        if self.work_dir is None:
            return
        zones: Dict[str, List[LedgerLine]] = {}
        for line in lines:
            zones.setdefault(line.zone_id, []).append(line)
        per_page, columns = 6, 3
        chart_width = (width - (columns - 1) * 5.0) / columns
        chart_height = chart_width * 560 / 900
        for n, (zone_id, zone_lines) in enumerate(zones.items()):
            if n % per_page == 0:
                page = self.add_page()
                self.label(tr("Balance of every zone's account by year (ha)"), page, MARGIN, 6, width, 8, 12,
                           bold=True)
            slot = n % per_page
            x = MARGIN + (slot % columns) * (chart_width + 5.0)
            y = 18.0 + (slot // columns) * (chart_height + 5.0)
            path = self.work_dir / f"ledger_{n}.png"
            title = f"{zone_id} {zone_lines[0].name}".strip()
            draw_balance_chart(path, title, zone_lines, self.family)
            self.picture(path, page, x, y, chart_width, chart_height)

    def zone_columns(self) -> Tuple[List[Tuple[str, float]], List[List[str]]]:
        """Headings and rows of the zones table, largest supply first. With the market's
        trades, the amount is what each zone sold or bought (the trades' amounts); without,
        the zone's E valued at the account's price, and headed so."""
        roles = {"supply": tr("sells"), "demand": tr("buys")}
        traded: Dict[str, Tuple[float, float]] = {}
        if self.layers.trades is not None:
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            for trade in self.layers.trades.getFeatures(request):
                volume = 0.0 if is_null(trade["volume_ha"]) else float(trade["volume_ha"])
                amount = 0.0 if is_null(trade["amount_yuan"]) else float(trade["amount_yuan"])
                for zone in (str(trade["seller_id"]), str(trade["buyer_id"])):
                    v, a = traded.get(zone, (0.0, 0.0))
                    traded[zone] = (v + volume, a + amount)
        rows = []
        zones = sorted(self.layers.voucher.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)),
                       key=lambda f: -(0.0 if is_null(f["e_ha"]) else float(f["e_ha"])))
        for zone in zones:
            zone_id = "" if is_null(zone["zone_id"]) else str(zone["zone_id"])
            row = [zone_id, "" if is_null(zone["zone_name"]) else str(zone["zone_name"]),
                   "" if is_null(zone["e_ha"]) else f"{float(zone['e_ha']):,.2f}",
                   role_text(zone, roles)]
            if self.layers.trades is not None:
                volume, amount = traded.get(zone_id, (0.0, 0.0))
                row += [f"{volume:,.2f}", f"{amount:,.0f}"]
            else:
                row.append("" if is_null(zone["amount_yuan"]) else f"{float(zone['amount_yuan']):,.0f}")
            rows.append(row)
        if self.layers.trades is not None:
            headings = [(tr("Zone"), 35.0), (tr("Name"), 80.0), (tr("E (ha)"), 35.0), (tr("Role"), 25.0),
                        (tr("Traded (ha)"), 35.0), (tr("Traded amount (yuan)"), 45.0)]
        else:
            headings = [(tr("Zone"), 35.0), (tr("Name"), 95.0), (tr("E (ha)"), 45.0), (tr("Role"), 35.0),
                        (tr("E × price, not traded (yuan)"), 52.0)]
        return headings, rows

    def zones_pages(self) -> None:
        page = self.add_page()
        size = self.page_size()
        width = size.width() - 2 * MARGIN
        top = 6.0
        # The balance of the region first: E is not conserved and the market need not clear.
        lines = balance_lines(self.numbers, self.texts)
        if lines:
            self.label(tr("Balance of the region"), page, MARGIN, top, width, 7, 12, bold=True)
            top += 8
            for line in lines:
                # Broken where the page's width (less the label's margins) is full, measured; the
                # label as high as its lines.
                text = self.fit_cell(line, width - 2.0, 8)
                height = 4.2 * (text.count("\n") + 1)
                self.label(text, page, MARGIN, top, width, height, 8)
                top += height + 0.5
            top += 3
        self.label(tr("Zones: vouchers by zone, largest supply first"), page, MARGIN, top, width, 8, 12, bold=True)
        top += 10
        headings, rows = self.zone_columns()
        table = self.text_table(headings, rows, page, MARGIN, top, width, size.height() - top - MARGIN,
                                repeat=True, fit=True)
        table.recalculateFrameSizes()  # adds the pages the table needs now, before the next part

    def parameters_pages(self) -> None:
        if not self.texts:
            return
        page = self.add_page()
        size = self.page_size()
        self.label(tr("Parameters and inputs of the run"), page, MARGIN, 6, size.width() - 2 * MARGIN, 8, 12,
                   bold=True)
        rows = [(parameter_title(item), tr("{value} (not used: base-year baseline)").format(value=value)
                 if item.startswith("protection_rate") and not protection_rate_applies(self.texts)
                 else parameter_value(item, value))
                for item, value in sorted(self.texts.items(), key=lambda kv: _PARAMETER_ORDER.get(kv[0], 999))
                if not _unused_bottom_line_item(item, self.texts)]
        self.text_table([(tr("Item"), 60.0), (tr("Value"), 200.0)], rows, page, MARGIN, 16,
                        size.width() - 2 * MARGIN, size.height() - 16 - MARGIN, repeat=True, fit=True)
        self.layout.refresh()

    def build(self) -> QgsPrintLayout:
        self.map_page()
        self.standard_forest_page()
        self.zones_pages()
        self.ledger_pages()
        self.parameters_pages()
        self.finish_pages()
        return self.layout


def _unused_bottom_line_item(item: str, texts: Dict[str, str]) -> bool:
    """Bottom-line items of a run without the lines, and key function inputs of a run without key
    function zones: the run's summary table records them, the report says what matters."""
    if item in ("bottom_lines", "redline_loss"):
        return texts.get("bottom_lines", "(none)") == "(none)"
    if item in ("key_function_field", "key_function_ids"):
        return texts.get(item) == "(none)"
    return False


def parameter_title(item: str) -> str:
    """A run parameter as the reader names it, with the audit table's key after it."""
    titles = {"baseline": tr("Baseline M0"), "area_method": tr("Area method"), "area_description": tr("Areas"),
              "invalid_policy": tr("Invalid geometries"), "raster_mode": tr("Raster cells"),
              "crs_mismatch": tr("Inputs in different CRSs"), "allocation": tr("Allocation"),
              "settlement": tr("Settlement"), "reference": tr("Reference values"), "price": tr("Price"),
              "target_year": tr("Target year"), "reference_table": tr("National reference table"),
              "reference_table_line": tr("Line of the table"), "reference_source": tr("Source of the reference"),
              "national_gdp_per_capita": tr("Reference GDP per capita (yuan/person)"),
              "national_pop_density": tr("Reference population density (persons/km²)"),
              "national_population": tr("National population (persons) on land area"),
              "price_effect": tr("Price effect"),
              "floor_price": tr("Floor price"), "cap_ha": tr("Cap (ha)"),
              "bottom_lines": tr("Bottom lines"), "redline_loss": tr("Loss of ecological land inside the red line"),
              "key_function_field": tr("Key ecological function zones: field"),
              "key_function_ids": tr("Key ecological function zones: ids"),
              "key_function_market": tr("Key ecological function zones in the market"),
              "base_year": tr("Base year"), "periods": tr("Periods"), "caps": tr("Cap of each period (ha)"),
              "opening": tr("Opening balances")}
    title = titles.get(item)
    return f"{title} ({item})" if title else item


def parameter_value(item: str, value: str) -> str:
    """A run parameter's value in the reader's language; names, paths and numbers as they are."""
    if item == "area_description":
        return area_method_text(value)
    words = {"base-year": tr("base year"), "protection-rate": tr("protection rate"),
             "ellipsoidal": tr("Ellipsoidal"), "planar": tr("Planar"), "repair": tr("Repair"), "fail": tr("Fail"),
             "reproject": tr("Reproject"), "exact": tr("exact cell fractions"), "centre": tr("cell centres"),
             "pro-rata": tr("Pro rata"), "nearest": tr("Nearest first"), "payment": tr("Payment"),
             "enclave": tr("Enclave (equity share)"), "zones": tr("over all zones"), "entered": tr("entered"),
             "national": tr("national values"),
             "(none)": tr("(none)"), "(default)": tr("(default)")}
    if item == "redline_loss" and value in REDLINE_LOSS_WORDS.values():
        return redline_loss_sentence("count" if value.startswith("count") else "exclude")
    if item == "key_function_market" and value in KEY_FUNCTION_MARKET_WORDS.values():
        return tr("In the market") if value.startswith("in") else tr("Out of the market (fiscal transfers)")
    return words.get(value, value)


# Parameters in the order a reader checks them; unknown items go last.
_PARAMETER_ORDER = {name: i for i, name in enumerate([
    "guotu_version", "created_utc", "algorithm", "zones", "zone_id_field", "zone_name_field", "gdp_field",
    "pop_field", "zone_table", "base", "base_class_field", "base_system", "base_coefficients", "target",
    "target_class_field", "target_system", "target_coefficients", "esv_reference", "mask", "baseline",
    "protection_rate", "reference", "target_year", "reference_table", "reference_table_line", "reference_source",
    "national_gdp_per_capita", "national_pop_density", "national_population", "price", "floor_price",
    "cap_ha", "allocation", "settlement", "area_method", "area_description", "invalid_policy", "raster_mode",
    "crs_mismatch", "counties", "county_id_field", "bottom_lines", "redline_loss", "key_function_field",
    "key_function_ids", "key_function_market", "base_year", "periods", "caps", "opening"])}


def build_layout(layers: ReportLayers, project: Optional[QgsProject] = None,
                 title: Optional[str] = None, work_dir: Optional[Path] = None) -> QgsPrintLayout:
    """The report layout. The layers are added to ``project`` (hidden from its layer
    tree) when they are not in it yet."""
    project = project if project is not None else QgsProject.instance()
    if not project.crs().isValid():
        crs = layers.voucher.crs()
        project.setCrs(crs)
        project.setEllipsoid(crs.ellipsoidAcronym())
    for layer in (layers.voucher, layers.trades, layers.summary, layers.market_summary, layers.ledger):
        if layer is not None and project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)
    return _Builder(project, layers, title, work_dir).build()


def style_report_layers(layers: ReportLayers) -> None:
    style_voucher_layer(layers.voucher)
    if layers.trades is not None:
        style_trades_layer(layers.trades)


def export_report(layers: ReportLayers, pdf: Optional[Path] = None, png: Optional[Path] = None,
                  project: Optional[QgsProject] = None, title: Optional[str] = None,
                  dpi: float = 150.0) -> ReportResult:
    """Exports the report to PDF and/or page 1 (the map) to PNG."""
    with tempfile.TemporaryDirectory(prefix="guotu_voucher_report_") as work:
        layout = build_layout(layers, project, title, Path(work))  # the ledger's charts are drawn in work
        result = ReportResult(pages=layout.pageCollection().pageCount(), font_family=cjk_font_family())
        if result.font_family is None:
            result.warnings.append(tr("No font with Chinese characters is installed; Chinese text will not "
                                      "render (install e.g. fonts-noto-cjk)."))
        if pdf is not None:
            export_pdf(layout, Path(pdf), dpi)  # beside the target, renamed over it when complete
            result.pdf = pdf
        if png is not None:
            export_png(layout, Path(png), dpi, pages=[0])
            result.png = png
        return result
