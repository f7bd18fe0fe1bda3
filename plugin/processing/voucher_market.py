"""Processing algorithm guotu:vouchermarket — the ecological voucher market (生态券交易).

Takes a layer of zones with E (the accounting's voucher layer, or any layer
with an id and an E field), clears the market in libguotu and writes the
trades as lines seller → buyer plus a summary with every parameter.
"""

from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterNumber,
                       QgsWkbTypes)

from ..voucher.market import (ALLOCATION_NAMES, MarketRequest, MarketResult, market_balance_sentences,
                              market_summary_rows, run_market, trade_line)
from ..binding.native import library_version
from ..binding.voucher_native import Allocation, MarketOptions, Settlement
from ..i18n import tr
from ..inputs.table_schemas import table_schema
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (GUARDED, describe_layer, is_set, number_or_none, processing_error, style_when_loaded,
                     utc_now, write_sink)
from .voucher_accounting import SUMMARY_FIELDS, SUMMARY_ROW, make_fields, schema_fields

TRADE_FIELDS = schema_fields("voucher_trades")
# The values of a trade row below, in their order, put into the schema's.
TRADE_ROW = table_schema("voucher_trades").layout(
    ("seller_id", "buyer_id", "volume_ha", "price_yuan_per_ha", "amount_yuan"))[1]
ALLOCATIONS = [Allocation.PRO_RATA, Allocation.NEAREST]
SETTLEMENTS = [Settlement.PAYMENT, Settlement.EQUITY]


class VoucherMarketAlgorithm(GuotuAlgorithm):
    VOUCHERS = "VOUCHERS"
    ZONE_ID = "ZONE_ID"
    E_FIELD = "E_FIELD"
    PRICE = "PRICE"
    FLOOR_PRICE = "FLOOR_PRICE"
    CAP = "CAP"
    ALLOCATION = "ALLOCATION"
    SETTLEMENT = "SETTLEMENT"
    ASK_FIELD = "ASK_FIELD"
    BID_FIELD = "BID_FIELD"
    TRADES = "TRADES"
    SUMMARY = "SUMMARY"

    def __init__(self) -> None:
        super().__init__()
        self._inputs: Dict[str, str] = {}

    def name(self) -> str:
        return "vouchermarket"

    def displayName(self) -> str:
        return tr("Ecological voucher market")

    def group(self) -> str:
        return tr("Ecological vouchers")

    def groupId(self) -> str:
        return "vouchers"

    def tags(self) -> List[str]:
        return tr("ecological voucher,market,trade,price,cap,enclave,supply,demand").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Trades ecological vouchers between zones: zones with E &gt; 0 sell, zones with E &lt; 0 "
            "buy |E|. The input is the voucher layer of <i>Ecological voucher accounting</i>, or any "
            "layer with a zone id and an E field in hectares.</p>"
            "<p><b>Price</b>: a fixed price for every trade; or a government <b>floor price</b>, "
            "where the zones' optional ask (sellers) and bid (buyers) fields, in yuan/ha, set one "
            "clearing price at or above the floor that trades the most.</p>"
            "<p><b>Cap</b>: the annual limit on the traded volume (ha); empty for none. The volume "
            "traded is min(supply, demand, cap) at the clearing price.</p>"
            "<p><b>Allocation</b>: pro rata (every seller and buyer in proportion to its volume) or "
            "nearest (closest seller-buyer pairs first, between points inside the zones).</p>"
            "<p><b>Settlement</b>: payment (direct sale), or enclave (飞地): the amounts are the "
            "value of the seller's equity share in a joint development in the buyer's urban area.</p>"
            "<p>Trades are lines from a point inside the seller to a point inside the buyer, with "
            "seller_id, buyer_id, volume_ha, price_yuan_per_ha and amount_yuan. The summary records "
            "the totals and every parameter.</p>"
            "<p>E is not conserved, so the market need not clear: the summary and the log give the "
            "<b>unmet demand</b> (demand − traded) and the <b>unsold supply</b> (supply − traded), supply "
            "and demand at the floor price, and what happens to the price when demand exceeds supply "
            "there (price_effect).</p>")

    def createInstance(self) -> "VoucherMarketAlgorithm":
        return VoucherMarketAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.VOUCHERS, tr("Vouchers (zones with E)"), [QgsProcessing.TypeVectorAnyGeometry]))
        # Optional with the accounting's names as defaults, so that batch runs and
        # qgis_process need not repeat them.
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID, tr("Zone id field"), "zone_id", self.VOUCHERS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.E_FIELD, tr("Voucher field E (ha)"), "e_ha", self.VOUCHERS, QgsProcessingParameterField.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PRICE, tr("Fixed price (yuan/ha)"), QgsProcessingParameterNumber.Double, optional=True,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.FLOOR_PRICE, tr("Floor price (yuan/ha), instead of a fixed price"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CAP, tr("Cap on the traded volume (ha; empty: no cap)"), QgsProcessingParameterNumber.Double,
            optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.ALLOCATION, tr("Allocation"), [tr("Pro rata"), tr("Nearest first")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.SETTLEMENT, tr("Settlement"), [tr("Payment"), tr("Enclave (equity share)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterField(
            self.ASK_FIELD, tr("Ask price field of sellers (yuan/ha; floor-price mode)"), None, self.VOUCHERS,
            QgsProcessingParameterField.Any, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BID_FIELD, tr("Bid price field of buyers (yuan/ha; floor-price mode)"), None, self.VOUCHERS,
            QgsProcessingParameterField.Any, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TRADES, tr("Voucher trades"), QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Market summary"), QgsProcessing.TypeVector))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        has_price, has_floor = is_set(parameters.get(self.PRICE)), is_set(parameters.get(self.FLOOR_PRICE))
        if has_price == has_floor:
            return False, tr("Give either a fixed price or a floor price, not both and not neither.")
        if has_price and (is_set(parameters.get(self.ASK_FIELD)) or is_set(parameters.get(self.BID_FIELD))):
            return False, tr("Ask and bid prices need a floor price: with a fixed price every trade is at "
                             "that price.")
        return True, ""

    def prepareAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        value = parameters.get(self.VOUCHERS)
        layer = self.parameterAsVectorLayer(parameters, self.VOUCHERS, context) if is_set(value) else None
        self._inputs[self.VOUCHERS] = describe_layer(layer, value)
        return True

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        source = self.parameterAsSource(parameters, self.VOUCHERS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.VOUCHERS))
        options = MarketOptions(
            price=number_or_none(self, parameters, self.PRICE, context),
            floor_price=number_or_none(self, parameters, self.FLOOR_PRICE, context),
            cap_ha=number_or_none(self, parameters, self.CAP, context),
            allocation=ALLOCATIONS[self.parameterAsEnum(parameters, self.ALLOCATION, context)],
            settlement=SETTLEMENTS[self.parameterAsEnum(parameters, self.SETTLEMENT, context)])
        request = MarketRequest(
            vouchers=source, options=options,
            zone_id_field=self.parameterAsString(parameters, self.ZONE_ID, context) or "zone_id",
            e_field=self.parameterAsString(parameters, self.E_FIELD, context) or "e_ha",
            ask_field=self.parameterAsString(parameters, self.ASK_FIELD, context) or None,
            bid_field=self.parameterAsString(parameters, self.BID_FIELD, context) or None)
        try:
            result = run_market(request, feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        self._report(result, feedback)
        audit = [("guotu_version", library_version()), ("created_utc", utc_now()),
                 ("algorithm", f"guotu:{self.name()}"), ("vouchers", self._inputs.get(self.VOUCHERS, "(none)")),
                 ("zone_id_field", request.zone_id_field), ("e_field", request.e_field),
                 ("ask_field", request.ask_field or "(none)"), ("bid_field", request.bid_field or "(none)")]
        trades = write_sink(
            self, parameters, self.TRADES, context, make_fields(TRADE_FIELDS), QgsWkbTypes.LineString, result.crs,
            ((TRADE_ROW([t.seller_id, t.buyer_id, t.volume_ha, t.price_yuan_per_ha, t.amount_yuan]), trade_line(t))
             for t in result.trades))
        summary = write_sink(
            self, parameters, self.SUMMARY, context, make_fields(SUMMARY_FIELDS), QgsWkbTypes.NoGeometry,
            result.crs, ((SUMMARY_ROW([item, value, text]), None)
                         for item, value, text in market_summary_rows(result, audit)))
        style_when_loaded(context, trades, "trades")
        return {self.TRADES: trades, self.SUMMARY: summary}

    def _report(self, result: MarketResult, feedback: QgsProcessingFeedback) -> None:
        s = result.summary
        feedback.pushInfo(tr("Market: {traded:.2f} ha traded at {price:.2f} yuan/ha = {amount:.2f} yuan "
                             "({settlement}, {allocation}; {sellers} sellers, {buyers} buyers, {trades} trades).")
                          .format(traded=s.traded_ha, price=s.clearing_price, amount=s.traded_amount_yuan,
                                  settlement=result.settlement_text,
                                  allocation=ALLOCATION_NAMES[Allocation(result.options.allocation)],
                                  sellers=s.sellers, buyers=s.buyers, trades=len(result.trades)))
        feedback.pushInfo(tr("Offered {supply:.2f} ha, asked {demand:.2f} ha at the clearing price.")
                          .format(supply=s.supply_ha, demand=s.demand_ha))
        # A market that does not clear is worth the reader's attention, not a footnote.
        uncleared = s.unmet_demand_ha > 1e-9 or s.unsold_supply_ha > 1e-9
        for line in market_balance_sentences(s, result.options):
            if uncleared:
                feedback.pushWarning(line)
            else:
                feedback.pushInfo(line)
        if result.kept_out:
            feedback.pushInfo(tr("Kept out of the market (in_market 0: key ecological function zones): {ids}.")
                              .format(ids=", ".join(result.kept_out)))
        if result.options.settlement == Settlement.EQUITY:
            feedback.pushInfo(tr("Enclave settlement: the amounts are the value of equity shares, not payments."))
