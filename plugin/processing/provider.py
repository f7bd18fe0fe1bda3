"""The "guotu" Processing provider."""

from qgis.PyQt.QtGui import QIcon
from qgis.core import QgsProcessingProvider

from ..i18n import tr
from ..paths import icon_path
from .area_by_class import AreaByClassAlgorithm
from .area_by_unit_code import AreaByUnitCodeAlgorithm
from .border_conflicts import BorderConflictsAlgorithm
from .binding_indicators import BindingIndicatorsAlgorithm
from .border_report_algorithm import BorderReportAlgorithm
from .frame_catalogue import FrameCatalogueAlgorithm
from .frame_indicators import FrameIndicatorsAlgorithm
from .frame_rounds import FrameRoundsAlgorithm
from .return_report_algorithm import ReturnListReportAlgorithm
from .conversion_report_algorithm import ConversionReportAlgorithm
from .land_use_conversion import LandUseConversionAlgorithm
from .land_use_conversion_raster import LandUseConversionRasterAlgorithm
from .parcels_check import ParcelsCheckAlgorithm
from .parcels_report_algorithm import ParcelsReportAlgorithm
from .pareto_sites import ParetoSitesAlgorithm
from .ruling_objective import RulingObjectiveAlgorithm
from .partitioned_run import PartitionedRunAlgorithm
from .three_lines_check import ThreeLinesCheckAlgorithm
from .three_lines_import import ThreeLinesImportAlgorithm
from .three_lines_workspace import ThreeLinesWorkspaceAlgorithm
from .unit_ledger import UnitLedgerAlgorithm
from .voucher_accounting import VoucherAccountingAlgorithm
from .voucher_market import VoucherMarketAlgorithm
from .voucher_ledger import VoucherLedgerAlgorithm

PROVIDER_ID = "guotu"
# The product name is written in both scripts on purpose and is not translated.
PROVIDER_NAME = "Guotu 国土"


class GuotuProvider(QgsProcessingProvider):

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return PROVIDER_NAME

    def longName(self) -> str:
        return tr("Guotu 国土 — territorial spatial planning tools")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def svgIconPath(self) -> str:
        return icon_path()

    def loadAlgorithms(self) -> None:
        self.addAlgorithm(AreaByClassAlgorithm())
        self.addAlgorithm(AreaByUnitCodeAlgorithm())
        self.addAlgorithm(VoucherAccountingAlgorithm())
        self.addAlgorithm(VoucherMarketAlgorithm())
        self.addAlgorithm(VoucherLedgerAlgorithm())
        self.addAlgorithm(ThreeLinesWorkspaceAlgorithm())
        self.addAlgorithm(ThreeLinesCheckAlgorithm())
        self.addAlgorithm(ThreeLinesImportAlgorithm())
        self.addAlgorithm(LandUseConversionAlgorithm())
        self.addAlgorithm(LandUseConversionRasterAlgorithm())
        self.addAlgorithm(ConversionReportAlgorithm())
        self.addAlgorithm(ParcelsCheckAlgorithm())
        self.addAlgorithm(BorderConflictsAlgorithm())
        self.addAlgorithm(ParcelsReportAlgorithm())
        self.addAlgorithm(BorderReportAlgorithm())
        self.addAlgorithm(RulingObjectiveAlgorithm())
        self.addAlgorithm(ParetoSitesAlgorithm())
        self.addAlgorithm(FrameCatalogueAlgorithm())
        self.addAlgorithm(FrameIndicatorsAlgorithm())
        self.addAlgorithm(FrameRoundsAlgorithm())
        self.addAlgorithm(ReturnListReportAlgorithm())
        self.addAlgorithm(UnitLedgerAlgorithm())
        self.addAlgorithm(BindingIndicatorsAlgorithm())
        self.addAlgorithm(PartitionedRunAlgorithm())
