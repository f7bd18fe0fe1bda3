"""Ecological voucher market (SPEC §3, paper §2.2) from a layer of zones with E.

Sellers (E > 0) and buyers (E < 0) meet on one platform: a fixed price, or a
government floor price with optional asks and bids setting a uniform clearing
price; the annual cap limits the traded volume; trades are allocated pro rata
or nearest pairs first; settlement is a payment or an enclave (飞地) equity
share. The clearing and allocation are libguotu's; this module reads the layer,
checks it and turns trades into lines from a point inside the seller to a
point inside the buyer (the same points the nearest rule measures).
"""

import math
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource, QgsFeedback, QgsGeometry, QgsPointXY

from ..i18n import tr
from ..inputs.conversions import code_from_value
from ..binding.errors import GuotuError, GuotuInputError
from ..inputs.feature_reading import read_features, source_label
from ..binding.native import Context, Status
from ..binding.voucher_native import Allocation, Market, MarketOptions, MarketSummary, Settlement, Trade
from ..inputs.progress import PhasedProgress
from ..inputs.validation import require_field, require_valid_crs
from .voucher import number_from_value

SETTLEMENT_NAMES = {Settlement.PAYMENT: "payment", Settlement.EQUITY: "enclave"}
ALLOCATION_NAMES = {Allocation.PRO_RATA: "pro-rata", Allocation.NEAREST: "nearest"}


@dataclass
class MarketRequest:
    vouchers: QgsFeatureSource
    options: MarketOptions
    zone_id_field: str = "zone_id"
    e_field: str = "e_ha"
    ask_field: Optional[str] = None
    bid_field: Optional[str] = None
    # Zones whose field of this name is 0 stay out of the market (key ecological function zones,
    # SPEC §3, as the accounting writes them); a layer without the field trades every zone.
    in_market_field: str = "in_market"


@dataclass
class Participant:
    fid: int
    zone_id: str
    e_ha: float
    ask: Optional[float]
    bid: Optional[float]
    point: QgsPointXY


@dataclass
class MarketResult:
    trades: List[Trade]
    summary: MarketSummary
    crs: QgsCoordinateReferenceSystem
    options: MarketOptions
    participants: List[Participant] = field(default_factory=list)
    kept_out: List[str] = field(default_factory=list)  # zone ids left out (in_market 0)

    @property
    def settlement_text(self) -> str:
        """As the CLI records it: enclave amounts are equity value, not payments."""
        if self.options.settlement == Settlement.EQUITY:
            return "enclave (amounts are equity value)"
        return "payment"


def trade_line(trade: Trade) -> QgsGeometry:
    return QgsGeometry.fromPolylineXY([QgsPointXY(trade.seller_x, trade.seller_y),
                                       QgsPointXY(trade.buyer_x, trade.buyer_y)])


def _optional_price(value: object, fid: int, layer: str, field_name: str) -> Optional[float]:
    try:
        price = number_from_value(value)
    except ValueError:
        price = math.nan
    if price is not None and not math.isfinite(price):
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}": the price field "{field}" is "{value}"; '
               'a number (yuan/ha) or nothing is needed.')
            .format(fid=fid, layer=layer, field=field_name, value=value))
    return price


def check_options(request: MarketRequest) -> None:
    o = request.options
    has_price = o.price is not None and o.price > 0
    has_floor = o.floor_price is not None and o.floor_price > 0
    if has_price == has_floor:
        raise GuotuInputError(tr("Give either a fixed price or a floor price (yuan per ha, above 0), "
                                 "not both and not neither."))
    if (request.ask_field or request.bid_field) and has_price:
        raise GuotuInputError(tr("Ask and bid prices need a floor price: with a fixed price every trade is "
                                 "at that price."))
    if o.cap_ha is not None and not (math.isfinite(o.cap_ha) and o.cap_ha >= 0):
        raise GuotuInputError(tr("The cap must be a volume of 0 ha or more."))


def read_participants(request: MarketRequest, progress: PhasedProgress,
                      kept_out: Optional[List[str]] = None) -> List[Participant]:
    source = request.vouchers
    label = source_label(source)
    require_valid_crs(source.sourceCrs(), label)
    id_index = require_field(source, request.zone_id_field, label)
    e_index = require_field(source, request.e_field, label)
    ask_index = require_field(source, request.ask_field, label) if request.ask_field else -1
    bid_index = require_field(source, request.bid_field, label) if request.bid_field else -1
    in_market_index = source.fields().lookupField(request.in_market_field) if request.in_market_field else -1
    attributes = [i for i in (id_index, e_index, ask_index, bid_index, in_market_index) if i >= 0]
    features = read_features(source, attributes)
    total = max(1, source.featureCount())
    seen: Dict[str, int] = {}
    people: List[Participant] = []
    for n, feature in enumerate(features):
        progress.check_cancel()
        fid = feature.id()
        zone_id = code_from_value(feature.attribute(id_index))
        if zone_id is None or not zone_id.strip():
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}" has an empty zone id in field "{field}"; '
                   'every zone needs an id.').format(fid=fid, layer=label, field=request.zone_id_field))
        if zone_id in seen:
            raise GuotuInputError(
                tr('Features {first} and {second} of layer "{layer}" have the same zone id "{id}" '
                   'in field "{field}"; zone ids must be unique (dissolve the zones first).')
                .format(first=seen[zone_id], second=fid, layer=label, id=zone_id, field=request.zone_id_field))
        seen[zone_id] = fid
        if in_market_index >= 0 and number_from_value(feature.attribute(in_market_index)) == 0:
            if kept_out is not None:
                kept_out.append(zone_id)
            continue
        try:
            e_ha = number_from_value(feature.attribute(e_index))
        except ValueError:
            e_ha = math.nan
        if e_ha is None or not math.isfinite(e_ha):
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}" (zone "{id}"): the voucher field "{field}" is "{value}"; '
                   'a number of hectares is needed.')
                .format(fid=fid, layer=label, id=zone_id, field=request.e_field,
                        value=feature.attribute(e_index)))
        if not feature.hasGeometry() or feature.geometry().isEmpty():
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}" (zone "{id}") has no geometry; trades are drawn '
                   'between points inside the zones.').format(fid=fid, layer=label, id=zone_id))
        surface = feature.geometry().pointOnSurface()
        if surface.isNull():
            raise GuotuInputError(
                tr('Feature {fid} of layer "{layer}" (zone "{id}"): no point inside its geometry could be '
                   'found ({error}).').format(fid=fid, layer=label, id=zone_id, error=surface.lastError()))
        ask = (_optional_price(feature.attribute(ask_index), fid, label, request.ask_field)
               if ask_index >= 0 else None)
        bid = (_optional_price(feature.attribute(bid_index), fid, label, request.bid_field)
               if bid_index >= 0 else None)
        people.append(Participant(fid, zone_id, e_ha, ask, bid, surface.asPoint()))
        progress.report((n + 1) / total)
    if not people and not seen:
        raise GuotuInputError(
            tr('Layer "{layer}" has no zones (check its selection and filter).').format(layer=label))
    return people


def run_market(request: MarketRequest, feedback: Optional[QgsFeedback] = None) -> MarketResult:
    """Clears the market; raises GuotuInputError, GuotuError or GuotuCancelled."""
    check_options(request)
    progress = PhasedProgress(feedback)
    progress.phase(0.0, 80.0)
    kept_out: List[str] = []
    people = read_participants(request, progress, kept_out)
    label = source_label(request.vouchers)
    progress.phase(80.0, 100.0)
    with Context() as ctx, Market(ctx, request.options) as market:
        for person in people:
            try:
                market.add(person.zone_id, person.e_ha, person.ask, person.bid, person.point.x(),
                           person.point.y())
            except GuotuError as e:
                if e.status not in (Status.ERR_DATA, Status.ERR_ARGUMENT):
                    raise
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}": {message}')
                                      .format(fid=person.fid, layer=label, message=e.message)) from e
        market.clear()
        progress.report(1.0)
        return MarketResult(trades=market.trades(), summary=market.summary(),
                            crs=request.vouchers.sourceCrs(), options=request.options, participants=people,
                            kept_out=kept_out)


SummaryRow = Tuple[str, Optional[float], str]


def floor_of(options: MarketOptions) -> float:
    """The price supply and demand are compared at: the floor, or the fixed price."""
    fixed = options.price is not None and options.price > 0
    return float(options.price if fixed else (options.floor_price or 0.0))


def price_effect(summary: MarketSummary, options: MarketOptions) -> str:
    """What the price does when supply and demand differ at the floor (or fixed) price; the
    keys of the CLI's price_effect item (core/cli/voucher_output.c)."""
    fixed = options.price is not None and options.price > 0
    if summary.demand_exceeds_supply_at_floor:
        if fixed:
            return "demand_exceeds_supply_at_fixed_price"
        return ("demand_exceeds_supply_price_raised" if summary.clearing_price > floor_of(options)
                else "demand_exceeds_supply_price_at_floor")
    if summary.floor_supply_ha > summary.floor_demand_ha + 1e-9:
        return "supply_exceeds_demand_at_fixed_price" if fixed else "supply_exceeds_demand_at_floor"
    return "balanced"


def market_balance_sentences(summary: MarketSummary, options: MarketOptions) -> List[str]:
    """The market need not clear (SPEC §3): unmet demand, unsold supply and what the price does,
    in the reader's language (log and report)."""
    s = summary
    lines = [tr("Not cleared: unmet demand {unmet:,.2f} ha (demand {demand:,.2f} − traded {traded:,.2f}), unsold "
                "supply {unsold:,.2f} ha (supply {supply:,.2f} − traded {traded:,.2f}). Only traded volumes "
                "balance.").format(unmet=s.unmet_demand_ha, demand=s.total_demand_ha, traded=s.traded_ha,
                                   unsold=s.unsold_supply_ha, supply=s.total_supply_ha)]
    effect = price_effect(summary, options)
    floor = floor_of(options)
    if effect == "demand_exceeds_supply_price_raised":
        lines.append(tr("Demand exceeds supply at the floor price ({asked:,.2f} ha asked, {offered:,.2f} ha offered "
                        "at {floor:,.2f} yuan/ha): the buyers' bids raised the clearing price to {price:,.2f} "
                        "yuan/ha, {above:,.2f} above the floor.").format(
            asked=s.floor_demand_ha, offered=s.floor_supply_ha, floor=floor, price=s.clearing_price,
            above=s.clearing_price - floor))
    elif effect == "demand_exceeds_supply_price_at_floor":
        lines.append(tr("Demand exceeds supply at the floor price ({asked:,.2f} ha asked, {offered:,.2f} ha offered "
                        "at {floor:,.2f} yuan/ha): the floor does not bind and scarcity would raise the price, but "
                        "no buyer's bid sets a higher one, so the clearing price stays at the floor; the unmet demand "
                        "must be met outside these zones.").format(
            asked=s.floor_demand_ha, offered=s.floor_supply_ha, floor=floor))
    elif effect == "demand_exceeds_supply_at_fixed_price":
        lines.append(tr("Demand exceeds supply at the fixed price ({asked:,.2f} ha asked, {offered:,.2f} ha offered "
                        "at {floor:,.2f} yuan/ha): the price cannot rise to ration it; the unmet demand must be met "
                        "outside these zones.").format(asked=s.floor_demand_ha, offered=s.floor_supply_ha,
                                                       floor=floor))
    elif effect in ("supply_exceeds_demand_at_floor", "supply_exceeds_demand_at_fixed_price"):
        lines.append(tr("Supply exceeds demand at the {which} price ({offered:,.2f} ha offered, {asked:,.2f} ha "
                        "asked at {floor:,.2f} yuan/ha).").format(
            which=tr("floor") if effect.endswith("floor") else tr("fixed"), offered=s.floor_supply_ha,
            asked=s.floor_demand_ha, floor=floor))
    return lines


def market_summary_rows(result: MarketResult, parameters: List[Tuple[str, str]]) -> List[SummaryRow]:
    """(item, value, text) rows with the CLI's item names, then the parameters."""
    s = result.summary
    o = result.options
    numbers: List[Tuple[str, Optional[float]]] = [
        ("market_supply_ha", s.supply_ha),
        ("market_demand_ha", s.demand_ha),
        ("traded_ha", s.traded_ha),
        ("clearing_price_yuan_per_ha", s.clearing_price),
        ("traded_amount_yuan", s.traded_amount_yuan),
        ("sellers", float(s.sellers)),
        ("buyers", float(s.buyers)),
        ("trades", float(len(result.trades))),
        # The market need not clear: what is left over on either side, and the price effect.
        ("unmet_demand_ha", s.unmet_demand_ha),
        ("unsold_supply_ha", s.unsold_supply_ha),
        ("market_total_supply_ha", s.total_supply_ha),
        ("market_total_demand_ha", s.total_demand_ha),
        ("floor_supply_ha", s.floor_supply_ha),
        ("floor_demand_ha", s.floor_demand_ha),
        ("demand_exceeds_supply_at_floor", 1.0 if s.demand_exceeds_supply_at_floor else 0.0),
        ("price_above_floor_yuan_per_ha", s.clearing_price - floor_of(o)),
        ("zones_out_of_market", float(len(result.kept_out))),
    ]
    rows: List[SummaryRow] = [(item, value, "") for item, value in numbers]
    rows.append(("price_effect", None, price_effect(s, o)))
    texts = [
        ("price", f"{o.price:g}" if o.price is not None else "(none)"),
        ("floor_price", f"{o.floor_price:g}" if o.floor_price is not None else "(none)"),
        ("cap_ha", f"{o.cap_ha:g}" if o.cap_ha is not None else "(none)"),
        ("allocation", ALLOCATION_NAMES[Allocation(o.allocation)]),
        ("settlement", result.settlement_text),
    ]
    rows.extend((key, None, text) for key, text in texts + list(parameters))
    return rows
