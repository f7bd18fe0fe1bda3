"""Processing algorithm guotu:voucherledger — voucher accounts over years (生态指标账户 in spirit).

The accounting's inputs with several later surveys in place of one target year: every period
runs from the previous survey to its own, a market clears under that period's cap, and each
zone's closing balance opens the next period. Outputs: the ledger (per zone and period), the
trades of every period, and the last period's account as the accounting writes it. The
numbers equal ``guotu voucher --period`` on the same files.
"""

import csv
import io
import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingFeatureSource, QgsProcessingFeedback,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterString, QgsVectorLayer, QgsWkbTypes)

from ..binding.errors import GuotuInputError
from ..binding.voucher_native import Allocation, MarketOptions, Settlement
from ..i18n import tr
from ..inputs.conversions import is_null
from ..inputs.output_files import write_bytes_atomically
from ..inputs.table_schemas import table_schema
from ..voucher.ledger import LedgerPeriod, LedgerRequest, LedgerResult, run_ledger
from ..voucher.voucher import SYSTEMS, LandUseInput, summary_rows
from .common import GUARDED, LAND_USE_CODE_FIELD, describe_layer, is_set, number_or_none, processing_error, \
    style_when_loaded, write_sink
from .voucher_accounting import VoucherAccountingAlgorithm, bottom_line_audit, make_fields, schema_fields

LEDGER_FIELDS = schema_fields("voucher_ledger")
LEDGER_TRADE_FIELDS = schema_fields("voucher_ledger_trades")
# The values of the rows below, in their order, put into the schema's.
_LEDGER_ROW = table_schema("voucher_ledger").layout(
    ("period", "year_from", "year_to", "zone_id", "zone_name", "opening_ha", "dm_ha", "e_ha", "position_ha",
     "bought_ha", "sold_ha", "closing_ha", "in_market", "redline_loss_ha", "violation"))[1]
_LEDGER_TRADE_ROW = table_schema("voucher_ledger_trades").layout(
    ("period", "year_to", "seller_id", "buyer_id", "volume_ha", "price_yuan_per_ha", "amount_yuan"))[1]

# The accounting's single target year is replaced by the list of later surveys; its price by the market's.
_REPLACED = ("TARGET", "TARGET_CLASS_FIELD", "TARGET_RASTER", "TARGET_SYSTEM", "TARGET_YEAR", "PRICE",
             "COUNTIES", "COUNTY_ID", "COUNTY_NAME", "COUNTIES_OUTPUT")


def parse_list(text: Optional[str]) -> List[str]:
    """Comma-separated items, spaces around them ignored, empty items dropped."""
    return [item.strip() for item in (text or "").split(",") if item.strip()]


def ledger_row_values(row) -> List[Any]:
    return _LEDGER_ROW([row.period, row.year_from, row.year_to, row.zone_id, row.zone_name, row.opening_ha, row.dm_ha,
                        row.e_ha, row.position_ha, row.bought_ha, row.sold_ha, row.closing_ha, int(row.in_market),
                        row.redline_loss_ha, None if row.violation is None else int(row.violation)])


def ledger_csv(result: LedgerResult) -> bytes:
    """The ledger as the CLI writes OUT_ledger.csv (six decimals, whole-number years)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in LEDGER_FIELDS])
    for row in result.rows:
        values = ledger_row_values(row)
        writer.writerow(["" if v is None else f"{v:.6f}" if isinstance(v, float) else v for v in values])
    return out.getvalue().encode("utf-8")


class VoucherLedgerAlgorithm(VoucherAccountingAlgorithm):
    SURVEYS = "SURVEYS"
    SURVEY_YEARS = "SURVEY_YEARS"
    SURVEY_CLASS_FIELD = "SURVEY_CLASS_FIELD"
    SURVEY_SYSTEM = "SURVEY_SYSTEM"
    SURVEY_GDP_FIELDS = "SURVEY_GDP_FIELDS"
    SURVEY_POP_FIELDS = "SURVEY_POP_FIELDS"
    BASE_YEAR = "BASE_YEAR"
    MARKET_PRICE = "MARKET_PRICE"
    FLOOR_PRICE = "FLOOR_PRICE"
    CAPS = "CAPS"
    OPENING = "OPENING"
    LEDGER = "LEDGER"
    LEDGER_TRADES = "LEDGER_TRADES"
    LEDGER_CSV = "LEDGER_CSV"

    def name(self) -> str:
        return "voucherledger"

    def displayName(self) -> str:
        return tr("Voucher accounts over years")

    def tags(self) -> List[str]:
        return tr("ecological voucher,ledger,account,balance,annual change survey,years,market").split(",")

    def createInstance(self) -> "VoucherLedgerAlgorithm":
        return VoucherLedgerAlgorithm()

    def shortHelpString(self) -> str:
        return tr(
            "<p>Voucher accounts over years: an account per zone over several surveys (e.g. the 2019 base of "
            "三调 and the annual change surveys of 2020, 2021 and 2022). Every period runs the voucher "
            "accounting from the previous survey to its own, with the national reference values of its own "
            "year, then a market clears under that period's cap.</p>"
            "<p>Per zone and period the <b>ledger</b> gives the opening balance, ΔM, E, the position (opening + "
            "E: what the zone brings to the period's market; above 0 it sells, below 0 it buys), bought, sold "
            "and the <b>closing balance</b> = position + bought − sold, which opens the next period. Zones kept "
            "out of the market (key ecological function zones) neither buy nor sell.</p>"
            "<p><b>Later surveys</b>: polygon layers in order of year, with their years (comma-separated, one "
            "per layer), one class field and one classification system. <b>Base year</b>: empty takes the year "
            "every feature's SJNF states (三调: 2019, its standard time 2019-12-31). GDP and population of each "
            "year: comma-separated field names, one per later survey (empty: the zones' fields).</p>"
            "<p><b>Market</b>: a fixed or a floor price, pro rata, paid; caps one per period (comma-separated) "
            "or none. <b>Opening balances</b> (optional): a CSV zone_id,balance_ha, or an earlier run's GeoPackage or "
            "ledger CSV (its latest closing balances), so that runs can be chained.</p>"
            "<p>Besides the ledger and the trades of every period, the vouchers, classes and summary of the "
            "last period are written as the accounting writes them. The bottom lines and key ecological "
            "function zones work as in the accounting.</p>")

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        super().initAlgorithm(config)
        for name in _REPLACED:
            self.removeParameter(name)
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.SURVEYS, tr("Later surveys: land use (polygons, in order of year)"),
            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterString(
            self.SURVEY_YEARS, tr("Years of the later surveys (comma-separated, e.g. 2020,2021,2022)")))
        self.addParameter(QgsProcessingParameterString(
            self.SURVEY_CLASS_FIELD, tr("Later surveys: land-use class field"), LAND_USE_CODE_FIELD))
        self.addParameter(QgsProcessingParameterEnum(
            self.SURVEY_SYSTEM, tr("Later surveys: classification system"), list(SYSTEMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.BASE_YEAR, tr("Base year (empty: the year of the data, SJNF)"),
            QgsProcessingParameterNumber.Integer, optional=True, minValue=1, maxValue=9999))
        self.addParameter(QgsProcessingParameterString(
            self.SURVEY_GDP_FIELDS, tr("GDP field of each later year (comma-separated; empty: the zones' field)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SURVEY_POP_FIELDS,
            tr("Population field of each later year (comma-separated; empty: the zones' field)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MARKET_PRICE, tr("Fixed price (yuan/ha)"), QgsProcessingParameterNumber.Double, optional=True,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.FLOOR_PRICE, tr("Floor price (yuan/ha), instead of a fixed price"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.CAPS, tr("Cap of each period (ha, comma-separated; empty: no cap)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.OPENING, tr("Opening balances (CSV: zone_id,balance_ha, or an earlier ledger)"), optional=True,
            fileFilter=tr("Ledgers and balances (*.csv *.gpkg)")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LEDGER, tr("Voucher ledger"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LEDGER_TRADES, tr("Voucher trades by period"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.LEDGER_CSV, tr("Voucher ledger (CSV)"), tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        layers = self.parameterAsLayerList(parameters, self.SURVEYS, context)
        if not layers:
            return False, tr("Choose the later surveys (polygon layers in order of year).")
        # The accounting's checks, with the first later survey as its target year.
        checked = dict(parameters)
        checked[self.TARGET] = layers[0].id()
        checked[self.TARGET_CLASS_FIELD] = self.parameterAsString(parameters, self.SURVEY_CLASS_FIELD, context)
        ok, message = super().checkParameterValues(checked, context)
        if not ok:
            return ok, message
        try:
            self._years(parameters, context, len(layers))
            self._caps(parameters, context, len(layers))
            self._per_year(parameters, self.SURVEY_GDP_FIELDS, context, len(layers))
            self._per_year(parameters, self.SURVEY_POP_FIELDS, context, len(layers))
        except GuotuInputError as e:
            return False, str(e)
        if is_set(parameters.get(self.MARKET_PRICE)) and is_set(parameters.get(self.FLOOR_PRICE)):
            return False, tr("Give either a fixed price or a floor price, not both.")
        return True, ""

    # ---- parameters ----

    def _years(self, parameters: Dict[str, Any], context: QgsProcessingContext, count: int) -> List[int]:
        items = parse_list(self.parameterAsString(parameters, self.SURVEY_YEARS, context))
        try:
            years = [int(item) for item in items]
        except ValueError:
            years = []
        if len(years) != count or len(items) != count:
            raise GuotuInputError(tr("Give one year per later survey ({count}), comma-separated, e.g. "
                                     "2020,2021,2022.").format(count=count))
        return years

    def _caps(self, parameters: Dict[str, Any], context: QgsProcessingContext, count: int) -> Optional[List[float]]:
        items = parse_list(self._string(parameters, self.CAPS, context))
        if not items:
            return None
        try:
            caps = [float(item) for item in items]
        except ValueError:
            caps = []
        if len(caps) != count or not all(math.isfinite(c) and c >= 0 for c in caps):
            raise GuotuInputError(tr("Give one cap per period ({count}; ha, numbers of 0 or more), "
                                     "comma-separated, or none.").format(count=count))
        return caps

    def _per_year(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext,
                  count: int) -> List[Optional[str]]:
        items = parse_list(self._string(parameters, name, context))
        if not items:
            return [None] * count
        if len(items) != count:
            raise GuotuInputError(tr("Give one field per later survey ({count}), comma-separated, or none.")
                                  .format(count=count))
        return list(items)

    def _opening(self, path: Optional[str]) -> Dict[str, float]:
        """Balances from zone_id,balance_ha, or a ledger CSV (the latest closing_ha of each zone)."""
        if not path:
            return {}
        if Path(path).suffix.lower() == ".gpkg":
            rows = self._ledger_table(path)
        else:
            try:
                with open(path, encoding="utf-8-sig", newline="") as f:
                    rows = list(csv.DictReader(f))
            except OSError as e:
                raise GuotuInputError(tr('Cannot read the opening balances "{path}": {error}')
                                      .format(path=path, error=e)) from e
        column = "balance_ha" if rows and "balance_ha" in rows[0] else "closing_ha"
        if not rows or "zone_id" not in rows[0] or column not in rows[0]:
            raise GuotuInputError(tr('The opening balances "{path}" need the columns zone_id and balance_ha (or '
                                     'a ledger with zone_id, year_to and closing_ha).').format(path=path))
        balances: Dict[str, Tuple[int, float]] = {}
        for n, row in enumerate(rows, start=2):
            try:
                value = float(row[column])
                year = int(row.get("year_to") or 0) if column == "closing_ha" else 0
            except (TypeError, ValueError):
                raise GuotuInputError(tr('The opening balances "{path}", line {line}: zone "{zone}" has the balance '
                                         '"{value}"; a number of hectares is needed.')
                                      .format(path=path, line=n, zone=row["zone_id"], value=row[column])) from None
            zone = row["zone_id"]
            if zone not in balances or year > balances[zone][0]:
                balances[zone] = (year, value)
        return {zone: value for zone, (_year, value) in balances.items()}

    @staticmethod
    def _ledger_table(path: str) -> List[Dict[str, str]]:
        """The table ledger of an earlier run's GeoPackage, as text rows like a CSV's."""
        layer = QgsVectorLayer(f"{path}|layername=ledger", "ledger", "ogr")
        if not layer.isValid():
            raise GuotuInputError(tr('"{path}" has no table "ledger"; give the GeoPackage of an earlier run over '
                                     'years, or a CSV.').format(path=path))
        names = layer.fields().names()
        return [{name: "" if is_null(feature[name]) else str(feature[name]) for name in names}
                for feature in layer.getFeatures()]

    def prepareAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        super().prepareAlgorithm(parameters, context, feedback)
        layers = self.parameterAsLayerList(parameters, self.SURVEYS, context)
        self._surveys = [describe_layer(layer, layer.source()) for layer in layers]
        return True

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        # As the accounting reads its layers: feature sources that follow the context's settings
        # (invalid geometries, selections of the dialog).
        layers = [QgsProcessingFeatureSource(layer, context)
                  for layer in self.parameterAsLayerList(parameters, self.SURVEYS, context)]
        try:
            request = self._ledger_request(parameters, context, layers)
            result = run_ledger(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        self._report(result.last, feedback)
        self._report_ledger(result, feedback)
        audit = self._audit(parameters, context, request.voucher, result.last)
        audit += bottom_line_audit(request.voucher)
        audit += self._ledger_audit(request, result)
        outputs = self._write(result.last, parameters, context, summary_rows(result.last, None, audit))
        style_when_loaded(context, outputs.get(self.VOUCHER), "voucher")
        crs = result.last.crs
        outputs[self.LEDGER] = write_sink(
            self, parameters, self.LEDGER, context, make_fields(LEDGER_FIELDS), QgsWkbTypes.NoGeometry, crs,
            ((ledger_row_values(row), None) for row in result.rows))
        outputs[self.LEDGER_TRADES] = write_sink(
            self, parameters, self.LEDGER_TRADES, context, make_fields(LEDGER_TRADE_FIELDS), QgsWkbTypes.NoGeometry,
            crs, ((_LEDGER_TRADE_ROW([t.period, t.year_to, t.trade.seller_id, t.trade.buyer_id, t.trade.volume_ha,
                                      t.trade.price_yuan_per_ha, t.trade.amount_yuan]), None) for t in result.trades))
        path = self.parameterAsFileOutput(parameters, self.LEDGER_CSV, context) if is_set(
            parameters.get(self.LEDGER_CSV)) else ""
        if path:
            write_bytes_atomically(Path(path), ledger_csv(result))
            outputs[self.LEDGER_CSV] = path
        return outputs

    def _ledger_request(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                        layers: list) -> LedgerRequest:
        count = len(layers)
        years = self._years(parameters, context, count)
        gdp = self._per_year(parameters, self.SURVEY_GDP_FIELDS, context, count)
        pop = self._per_year(parameters, self.SURVEY_POP_FIELDS, context, count)
        class_field = self.parameterAsString(parameters, self.SURVEY_CLASS_FIELD, context) or LAND_USE_CODE_FIELD
        system = SYSTEMS[self.parameterAsEnum(parameters, self.SURVEY_SYSTEM, context)]
        periods = [LedgerPeriod(year, LandUseInput(source=layer, class_field=class_field, system=system), g, p)
                   for year, layer, g, p in zip(years, layers, gdp, pop)]
        voucher = self._request(parameters, context)
        price = number_or_none(self, parameters, self.MARKET_PRICE, context)
        floor = number_or_none(self, parameters, self.FLOOR_PRICE, context)
        market = None
        if price is not None or floor is not None:
            market = MarketOptions(price=price, floor_price=floor, cap_ha=None, allocation=Allocation.PRO_RATA,
                                   settlement=Settlement.PAYMENT)
        base_year = (self.parameterAsInt(parameters, self.BASE_YEAR, context)
                     if is_set(parameters.get(self.BASE_YEAR)) else None)
        return LedgerRequest(voucher=voucher, periods=periods, base_year=base_year, market=market,
                             caps=self._caps(parameters, context, count),
                             opening=self._opening(self._string(parameters, self.OPENING, context)))

    def _ledger_audit(self, request: LedgerRequest, result: LedgerResult) -> List[Tuple[str, str]]:
        periods = []
        previous = str(result.base_year)
        for k, period in enumerate(request.periods):
            label = self._surveys[k] if k < len(self._surveys) else period.land.label
            periods.append(f"{k + 1}: {previous} -> {period.year} ({label})")
            previous = str(period.year)
        market = request.market
        return [("base_year", str(result.base_year)), ("periods", "; ".join(periods)),
                ("caps", ",".join(f"{c:g}" for c in request.caps) if request.caps else "(none)"),
                ("market_price", f"{market.price:g}" if market and market.price else "(none)"),
                ("market_floor_price", f"{market.floor_price:g}" if market and market.floor_price else "(none)"),
                ("opening", ",".join(f"{k}={v:g}" for k, v in sorted(request.opening.items())) or "(none)")]

    def _report_ledger(self, result: LedgerResult, feedback: QgsProcessingFeedback) -> None:
        for k in sorted({row.period for row in result.rows}):
            rows = [row for row in result.rows if row.period == k]
            traded = sum(t.trade.volume_ha for t in result.trades if t.period == k)
            feedback.pushInfo(tr("Period {period} ({start} → {end}): traded {traded:.2f} ha.").format(
                period=k, start=rows[0].year_from, end=rows[0].year_to, traded=traded))
            for row in rows:
                feedback.pushInfo(tr("  {zone}: opening {opening:.2f}, E {e:.2f}, bought {bought:.2f}, sold "
                                     "{sold:.2f}, closing {closing:.2f} ha.").format(
                    zone=row.zone_id, opening=row.opening_ha, e=row.e_ha, bought=row.bought_ha, sold=row.sold_ha,
                    closing=row.closing_ha))
