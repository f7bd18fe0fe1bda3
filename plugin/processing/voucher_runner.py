"""Runs guotu:voucheraccounting and then guotu:vouchermarket in the background with
Processing's own task machinery (QgsProcessingAlgRunnerTask), for the plugin's dialog.

Each algorithm is prepared in the main thread and run in a task; its outputs are
loaded into the project by Processing's result handler, which also applies the
algorithms' styling post-processors, exactly as after a run from the Processing
dialog. Progress, messages and the end of the chain are Qt signals; ``cancel``
stops the running task at its next progress check.
"""

from functools import partial
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingAlgRunnerTask, QgsProcessingContext,
                       QgsProcessingFeedback, QgsProcessingOutputLayerDefinition, QgsProject, QgsVectorLayer)

from ..binding.errors import GuotuInputError
from ..voucher.voucher_prices import ASK_FIELD, BID_FIELD, write_prices, zone_prices
from ..voucher.voucher_style import write_styles_to_gpkg
from ..i18n import tr
from .provider import PROVIDER_ID

ACCOUNTING_ID = f"{PROVIDER_ID}:voucheraccounting"
MARKET_ID = f"{PROVIDER_ID}:vouchermarket"
LEDGER_ID = f"{PROVIDER_ID}:voucherledger"

# Output parameter -> table of the GeoPackage (the names `guotu voucher` uses).
ACCOUNTING_TABLES = {"VOUCHER": "voucher", "CLASSES": "voucher_classes", "SUMMARY": "summary",
                     "UNKNOWN": "unknown_codes"}
MARKET_TABLES = {"TRADES": "trades", "SUMMARY": "market_summary"}
LEDGER_TABLES = {"LEDGER": "ledger", "LEDGER_TRADES": "ledger_trades"}
COUNTIES_TABLE = "voucher_counties"
VIOLATIONS_TABLE = "violations"


def free_path(folder: Path, stem: str = "vouchers", suffix: str = ".gpkg") -> Path:
    """``folder/stem.gpkg``, or ``stem_2.gpkg``… when taken (results are never overwritten)."""
    path = folder / f"{stem}{suffix}"
    n = 2
    while path.exists():
        path = folder / f"{stem}_{n}{suffix}"
        n += 1
    return path


# Outputs without geometry (attribute tables).
TABLES_WITHOUT_GEOMETRY = {"voucher_classes", "summary", "unknown_codes", "market_summary"}


def gpkg_destination(gpkg: Path, table: str, project: Optional[QgsProject]) -> QgsProcessingOutputLayerDefinition:
    """An output written as ``table`` into the GeoPackage (created by the first output)."""
    quoted = str(gpkg).replace("'", "\\'")
    geometry = "" if table in TABLES_WITHOUT_GEOMETRY else " (geom)"
    definition = QgsProcessingOutputLayerDefinition(f"ogr:dbname='{quoted}' table=\"{table}\"{geometry}")
    if project is not None:
        definition.destinationProject = project
    return definition


class _Feedback(QgsProcessingFeedback):
    """Feedback whose log lines become a Qt signal (queued into the GUI thread)."""

    logged = pyqtSignal(str, int)  # text, 0 info / 1 warning / 2 error

    def __init__(self) -> None:
        super().__init__()
        self.last_error = ""

    def pushInfo(self, info: str) -> None:  # noqa: N802 — QGIS API name
        super().pushInfo(info)
        self.logged.emit(info, 0)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        super().pushWarning(warning)
        self.logged.emit(warning, 1)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802,N803
        super().reportError(error, fatalError)
        self.last_error = error
        # A cancelled run ends in the algorithm's "cancelled" exception: the runner says so
        # once, as a cancellation; repeating it here as an error read as a failure.
        if not self.isCanceled():
            self.logged.emit(error, 2)


class VoucherRunner(QObject):
    """Accounting, then (optionally) the market, into one GeoPackage; outputs loaded and styled."""

    progressChanged = pyqtSignal(float)  # 0–100 over the whole chain
    logged = pyqtSignal(str, int)
    finished = pyqtSignal(bool, str)     # success, message

    def __init__(self, project: Optional[QgsProject] = None, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.project = project if project is not None else QgsProject.instance()
        self.gpkg: Optional[Path] = None
        self.results: Dict[str, Dict[str, Any]] = {}
        self._task: Optional[QgsProcessingAlgRunnerTask] = None
        self._context: Optional[QgsProcessingContext] = None
        self._feedback: Optional[_Feedback] = None
        self._market: Optional[Dict[str, Any]] = None
        self._traders = ACCOUNTING_TABLES["VOUCHER"]  # table of the zones that trade
        self._prices: Optional[Dict[str, Any]] = None
        self._cancelled = False

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def cancelled(self) -> bool:
        """The last run ended because the user cancelled it (not a failure)."""
        return self._cancelled

    def start(self, gpkg: Path, accounting: Dict[str, Any], market: Optional[Dict[str, Any]],
              prices: Optional[Dict[str, Any]] = None) -> None:
        """``accounting`` and ``market`` are the algorithms' parameters without outputs
        (and, for the market, without VOUCHERS: the accounting's voucher table). ``prices``:
        the zones layer, its id field and its ask / bid fields, copied into the voucher table
        for a floor-price market."""
        if self.running:
            raise RuntimeError("a voucher run is already going on")
        self.gpkg = gpkg
        self.results = {}
        self._cancelled = False
        params = dict(accounting)
        tables = dict(ACCOUNTING_TABLES)
        # With counties the zones are ecological units, and the counties trade (as in the CLI).
        self._traders = ACCOUNTING_TABLES["VOUCHER"]
        if params.get("COUNTIES") is not None:
            tables["COUNTIES_OUTPUT"] = COUNTIES_TABLE
            self._traders = COUNTIES_TABLE
        # With the bottom lines, the pieces lost inside the red line (as the CLI's table).
        if any(params.get(name) for name in ("WORKSPACE", "REDLINE", "FARMLAND")):
            tables["VIOLATIONS"] = VIOLATIONS_TABLE
        params.update({name: gpkg_destination(gpkg, table, self.project) for name, table in tables.items()})
        self._market = dict(market) if market is not None else None
        self._prices = dict(prices) if prices is not None else None
        span = (0.0, 70.0) if market is not None else (0.0, 100.0)
        self._run(ACCOUNTING_ID, params, span, self._after_accounting)

    def start_ledger(self, gpkg: Path, ledger: Dict[str, Any]) -> None:
        """Accounts over years: guotu:voucherledger (every period's account and market) into one
        GeoPackage with the CLI's tables (the last period's voucher, classes, summary and unknown codes,
        ledger, ledger_trades) and the ledger CSV beside it as the CLI writes it."""
        if self.running:
            raise RuntimeError("a voucher run is already going on")
        self.gpkg = gpkg
        self.results = {}
        self._cancelled = False
        self._market = None
        self._prices = None
        params = dict(ledger)
        tables = dict(ACCOUNTING_TABLES)
        tables.update(LEDGER_TABLES)
        if any(params.get(name) for name in ("WORKSPACE", "REDLINE", "FARMLAND")):
            tables["VIOLATIONS"] = VIOLATIONS_TABLE
        params.update({name: gpkg_destination(gpkg, table, self.project) for name, table in tables.items()})
        params["LEDGER_CSV"] = str(gpkg.with_name(gpkg.stem + "_ledger.csv"))
        self._run(LEDGER_ID, params, (0.0, 100.0), lambda _results: self._done())

    def cancel(self) -> None:
        self._cancelled = True
        if self._task is not None:
            self._task.cancel()

    # ---- chain ----

    def _run(self, algorithm_id: str, params: Dict[str, Any], span: tuple,
             then: Callable[[Dict[str, Any]], None]) -> None:
        from processing.tools import dataobjects  # QGIS's Processing plugin, present with Processing

        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        if algorithm is None:
            self._finish(False, tr("The algorithm {id} is not available; is the Guotu provider loaded?")
                         .format(id=algorithm_id))
            return
        self._feedback = _Feedback()
        self._feedback.logged.connect(self.logged)
        low, high = span
        self._feedback.progressChanged.connect(lambda p: self.progressChanged.emit(low + p * (high - low) / 100.0))
        self._context = dataobjects.createContext(self._feedback)
        self._context.setProject(self.project)
        self._task = QgsProcessingAlgRunnerTask(algorithm, params, self._context, self._feedback)
        self._task.executed.connect(partial(self._executed, algorithm, algorithm_id, then))
        QgsApplication.taskManager().addTask(self._task)

    def _executed(self, algorithm: QgsProcessingAlgorithm, algorithm_id: str,
                  then: Callable[[Dict[str, Any]], None], successful: bool, results: Dict[str, Any]) -> None:
        from processing.gui.Postprocessing import handleAlgorithmResults

        feedback, context = self._feedback, self._context
        self._task = None
        if not successful:
            if self._cancelled or feedback.isCanceled():
                self.progressChanged.emit(0.0)  # nothing of the run is left: the bar says so
                self._finish(False, tr("The calculation was cancelled."))
            else:
                self._finish(False, feedback.last_error or tr("The algorithm {id} failed.").format(id=algorithm_id))
            return
        self.results[algorithm_id] = dict(results)
        # Loads the outputs into the project and runs their styling post-processors.
        handleAlgorithmResults(algorithm, context, feedback)
        then(results)

    def _after_accounting(self, results: Dict[str, Any]) -> None:
        if self._market is None:
            self._done()
            return
        params = dict(self._market)
        params["VOUCHERS"] = f"{self.gpkg}|layername={self._traders}"
        if self._traders == COUNTIES_TABLE:
            params["ZONE_ID"] = "county_id"
        elif self._prices is not None:
            try:
                self._copy_prices(params)
            except GuotuInputError as e:
                self._finish(False, str(e))
                return
        params.update({name: gpkg_destination(self.gpkg, table, self.project) for name, table in MARKET_TABLES.items()})
        self._run(MARKET_ID, params, (70.0, 100.0), lambda _results: self._done())

    def _copy_prices(self, params: Dict[str, Any]) -> None:
        """The zones' asks and bids into the voucher table, named in the market's parameters."""
        p = self._prices
        zones = p["zones"]
        prices = zone_prices(zones, p["zone_id"], p.get("ask"), p.get("bid"), zones.name())
        table = QgsVectorLayer(f"{self.gpkg}|layername={self._traders}", self._traders, "ogr")
        write_prices(table, prices)
        if p.get("ask"):
            params["ASK_FIELD"] = ASK_FIELD
        if p.get("bid"):
            params["BID_FIELD"] = BID_FIELD
        for layer in self.project.mapLayers().values():  # the loaded voucher table shows the new fields
            if isinstance(layer, QgsVectorLayer) and layer.source() == table.source():
                layer.reload()

    def _done(self) -> None:
        problems = {name: error for name, error in write_styles_to_gpkg(self.gpkg).items() if error}
        for name, error in problems.items():
            self.logged.emit(tr('The style of layer "{layer}" was not saved in the GeoPackage: {error}')
                             .format(layer=name, error=error), 1)
        self.progressChanged.emit(100.0)
        self._finish(True, tr("Results written to {path}").format(path=self.gpkg))

    def _finish(self, ok: bool, message: str) -> None:
        self._task = None
        self.finished.emit(ok, message)
