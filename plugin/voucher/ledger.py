"""Voucher accounts over years (issue 16): an account per zone, carried from period to period.

Several survey years run as consecutive periods (e.g. 2019 base, 2020, 2021, 2022). Each period
is an ordinary voucher account from the previous survey to its own (run_voucher, with the
national values of its own year); then a market clears under that period's cap:

    position = opening + E          what the zone brings to the period's market
    closing  = position + bought − sold

and the closing balance opens the next period. Zones kept out of the market (key ecological
function zones) neither buy nor sell. The numbers equal ``guotu voucher --period`` on the same
files: the account, the clearing and the ledger (guotu_accounts) are libguotu's; Python only
chains the periods.
"""

import math
from dataclasses import dataclass, field, replace
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeedback

from ..binding.errors import GuotuError, GuotuInputError
from ..binding.native import Context, Status
from ..binding.voucher_native import Ledger, LedgerRow, Market, MarketOptions, MarketSummary, Trade, Voucher
from ..i18n import tr
from ..inputs.progress import PhasedProgress
from .voucher import LandUseInput, VoucherRequest, VoucherResult, data_year, run_voucher


@dataclass
class LedgerPeriod:
    """A later survey: its year and land use, and the zones' GDP and population fields of that year
    (None: the request's)."""
    year: int
    land: LandUseInput
    gdp_field: Optional[str] = None
    pop_field: Optional[str] = None


@dataclass
class LedgerRequest:
    # The account's inputs; its base is the base survey, its target is replaced period by period.
    voucher: VoucherRequest
    periods: List[LedgerPeriod]
    base_year: Optional[int] = None           # None: the year the base data states (SJNF)
    market: Optional[MarketOptions] = None    # None: no market (accounts only)
    caps: Optional[List[float]] = None        # one per period; None: market.cap_ha for every period
    opening: Dict[str, float] = field(default_factory=dict)  # balances the first period opens with


@dataclass
class LedgerTrade:
    period: int
    year_to: int
    trade: Trade


@dataclass
class LedgerResult:
    rows: List[LedgerRow]
    trades: List[LedgerTrade]
    base_year: int
    last: VoucherResult                        # the last period's account
    market_summaries: List[Optional[MarketSummary]]


def base_year_from_data(land: LandUseInput) -> Optional[int]:
    """The year every feature's SJNF states, or None without the field (or for a raster).
    Different years, or a value that is no year, are an error naming the layer."""
    return data_year(land, strict=True)


def check_ledger(request: LedgerRequest) -> int:
    """The base year (given, else the data's) after checking the periods; raises GuotuInputError."""
    if not request.periods:
        raise GuotuInputError(tr("Accounts over years need at least one later survey with its year."))
    base_year = request.base_year or base_year_from_data(request.voucher.base)
    if base_year is None:
        raise GuotuInputError(
            tr('The base year of "{layer}" is not in the data (no SJNF field): enter the base year.')
            .format(layer=request.voucher.base.label))
    previous = base_year
    for period in request.periods:
        stated = base_year_from_data(period.land)
        if stated is not None and stated != period.year:
            raise GuotuInputError(tr('The later survey "{layer}" is given the year {year}, but its data year (SJNF) '
                                     'is {stated}.').format(layer=period.land.label, year=period.year, stated=stated))
        if period.year <= previous:
            raise GuotuInputError(tr("The later surveys must come in order of year, each after the one before "
                                     "(and after the base year {base}).").format(base=base_year))
        previous = period.year
    if request.caps is not None and len(request.caps) != len(request.periods):
        raise GuotuInputError(tr("Give one cap per later survey ({periods}), or none.")
                              .format(periods=len(request.periods)))
    if request.voucher.counties is not None:
        raise GuotuInputError(tr("Accounts over years are kept for zones that trade themselves; with counties "
                                 "run each period on its own."))
    return base_year


def _clear(ctx: Context, options: MarketOptions, accounts: VoucherResult, ledger: Ledger) -> Market:
    """The period's market over the positions (balance + E) of the zones in the market, cleared."""
    market = Market(ctx, options)
    try:
        for account in accounts.zones:
            if not account.result.in_market:
                continue
            point = account.zone.geometry.pointOnSurface().asPoint()
            position = ledger.balance(account.zone.zone_id) + account.result.e_ha
            market.add(account.zone.zone_id, position, None, None, point.x(), point.y())
        market.clear()
    except GuotuError as e:
        market.close()
        if e.status not in (Status.ERR_DATA, Status.ERR_ARGUMENT):
            raise
        raise GuotuInputError(e.message) from e
    return market


def run_ledger(request: LedgerRequest, transform_context: QgsCoordinateTransformContext,
               feedback: Optional[QgsFeedback] = None) -> LedgerResult:
    """Runs every period; raises GuotuInputError, GuotuError or GuotuCancelled."""
    base_year = check_ledger(request)
    trades: List[LedgerTrade] = []
    summaries: List[Optional[MarketSummary]] = []
    previous_land, previous_year = request.voucher.base, base_year
    last: Optional[VoucherResult] = None
    count = len(request.periods)
    with Context() as ledger_ctx, Ledger(ledger_ctx) as ledger:
        for zone_id, balance in request.opening.items():
            ledger.set_balance(zone_id, balance)
        for k, period in enumerate(request.periods):
            span = (100.0 * k / count, 100.0 * (k + 1) / count)
            voucher = replace(request.voucher, base=previous_land, target=period.land, target_year=period.year,
                              gdp_field=period.gdp_field or request.voucher.gdp_field,
                              pop_field=period.pop_field or request.voucher.pop_field)
            if k:
                # Later periods read the earlier survey with the later surveys' class field and system.
                voucher = replace(voucher, base_coefficients=request.voucher.target_coefficients)

            def post(ctx: Context, account: Voucher, result: VoucherResult, k: int = k,
                     period: LedgerPeriod = period, year_from: int = previous_year) -> None:
                options = request.market
                if options is None:
                    ledger.post(year_from, period.year, account, None)
                    summaries.append(None)
                    return
                if request.caps is not None:
                    options = replace(options, cap_ha=request.caps[k])
                with _clear(ctx, options, result, ledger) as market:
                    ledger.post(year_from, period.year, account, market)
                    trades.extend(LedgerTrade(k + 1, period.year, t) for t in market.trades())
                    summaries.append(market.summary())

            last = run_voucher(voucher, transform_context, _Span(feedback, span) if feedback else None, post)
            PhasedProgress(feedback, span).check_cancel()
            previous_land, previous_year = period.land, period.year
        rows = ledger.rows()
    assert last is not None
    return LedgerResult(rows=rows, trades=trades, base_year=base_year, last=last, market_summaries=summaries)


class _Span(QgsFeedback):
    """A period's share of the progress bar, cancelling with the caller's feedback."""

    def __init__(self, outer: QgsFeedback, span: Tuple[float, float]) -> None:
        super().__init__()
        self._outer = outer
        self._span = span
        outer.canceled.connect(self.cancel)

    def setProgress(self, progress: float) -> None:  # noqa: N802 — QGIS API name
        super().setProgress(progress)
        low, high = self._span
        if not math.isnan(progress):
            self._outer.setProgress(low + (high - low) * progress / 100.0)

    def isCanceled(self) -> bool:  # noqa: N802
        return super().isCanceled() or self._outer.isCanceled()
