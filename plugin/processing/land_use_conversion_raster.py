"""Processing algorithm guotu:landuseconversionraster — land-use conversion between two
categorical rasters on one grid (用途转用, SPEC §4).

Maps parameters onto core.convert_raster.RasterConversionRequest; writes the per-cell
status raster (GeoTIFF with a colour table) and the transition, status and unknown-code
tables of ``guotu convert`` on rasters. Rasters on different grids are refused with a
message naming both grids.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterRasterDestination, QgsProcessingParameterRasterLayer, QgsWkbTypes)

from ..conversion.convert import SYSTEMS, ConversionResult
from ..conversion.convert_raster import RasterConversionRequest, RasterLandUse, run_raster_conversion
from ..binding.native import AreaMethod
from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import GUARDED, add_advanced, is_set, processing_error
from .land_use_conversion import status_area_text, table_output
from .workspace_inputs import write_rows


class LandUseConversionRasterAlgorithm(GuotuAlgorithm):
    BEFORE = "BEFORE"
    BEFORE_SYSTEM = "BEFORE_SYSTEM"
    AFTER = "AFTER"
    AFTER_SYSTEM = "AFTER_SYSTEM"
    POLICY = "POLICY"
    BEFORE_CATEGORIES = "BEFORE_CATEGORIES"
    AFTER_CATEGORIES = "AFTER_CATEGORIES"
    AREA_METHOD = "AREA_METHOD"
    STATUS_RASTER = "STATUS_RASTER"
    TRANSITIONS = "TRANSITIONS"
    STATUS_SUMMARY = "STATUS_SUMMARY"
    UNKNOWN = "UNKNOWN"

    def name(self) -> str:
        return "landuseconversionraster"

    def displayName(self) -> str:
        return tr("Land-use conversion map (rasters)")

    def group(self) -> str:
        return tr("Land-use conversion")

    def groupId(self) -> str:
        return "conversion"

    def tags(self) -> List[str]:
        return tr("land use,conversion,transition matrix,raster,policy,用途转用").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Land-use conversion between two categorical rasters (class codes as cell values) on the same "
            "grid: every cell counts with its own ellipsoidal (or planar) area for its (before, after) pair, "
            "whose policy status comes from the classification systems' categories and the policy table.</p>"
            "<p>Outputs: a <b>status raster</b> (0 nodata, 1 same, 2 path, 3 conditional, 4 prohibited, 5 "
            "policy gap, 6 unknown, with a colour table), the <b>transitions</b> by category and by code, the "
            "<b>status summary</b> and the <b>unknown codes</b> — the tables of <i>guotu convert</i> on "
            "rasters.</p>"
            "<p>The rasters must share CRS, extent and cell size; cells are never resampled (align them first: "
            "Raster ▸ Align Rasters with nearest neighbour).</p>")

    def createInstance(self) -> "LandUseConversionRasterAlgorithm":
        return LandUseConversionRasterAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        for layer, system, layer_text, system_text, default in (
                (self.BEFORE, self.BEFORE_SYSTEM, tr("Land use before (raster)"),
                 tr("Classification system (before)"), 0),
                (self.AFTER, self.AFTER_SYSTEM, tr("Land use after (raster)"),
                 tr("Classification system (after)"), 1)):
            self.addParameter(QgsProcessingParameterRasterLayer(layer, layer_text))
            self.addParameter(QgsProcessingParameterEnum(system, system_text, list(SYSTEMS), defaultValue=default))
        self.addParameter(QgsProcessingParameterFile(
            self.POLICY, tr("Policy table (CSV; empty: the provincial policy preset)"), extension="csv",
            optional=True))
        for name, text in ((self.BEFORE_CATEGORIES, tr("Category table of the before layer (CSV code,category; "
                                                         "empty: the system's preset)")),
                           (self.AFTER_CATEGORIES, tr("Category table of the after layer (CSV code,category; "
                                                        "empty: the system's preset)"))):
            add_advanced(self, QgsProcessingParameterFile(name, text, extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterRasterDestination(self.STATUS_RASTER,
                                                                  tr("Conversion status raster")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.TRANSITIONS, tr("Transitions"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.STATUS_SUMMARY, tr("Status summary"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.UNKNOWN, tr("Unknown codes"),
                                                            QgsProcessing.TypeVector))

    def _side(self, parameters: Dict[str, Any], layer: str, system: str, categories: str,
              context: QgsProcessingContext) -> RasterLandUse:
        raster = self.parameterAsRasterLayer(parameters, layer, context)
        if raster is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, layer))
        return RasterLandUse(raster, SYSTEMS[self.parameterAsEnum(parameters, system, context)],
                             self.parameterAsFile(parameters, categories, context) or None
                             if is_set(parameters.get(categories)) else None)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = RasterConversionRequest(
            before=self._side(parameters, self.BEFORE, self.BEFORE_SYSTEM, self.BEFORE_CATEGORIES, context),
            after=self._side(parameters, self.AFTER, self.AFTER_SYSTEM, self.AFTER_CATEGORIES, context),
            policy=self.parameterAsFile(parameters, self.POLICY, context) or None
            if is_set(parameters.get(self.POLICY)) else None,
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        status_path = Path(self.parameterAsOutputLayer(parameters, self.STATUS_RASTER, context))
        try:
            result = run_raster_conversion(request, context.transformContext(), feedback, status_path)
        except GUARDED as e:
            raise processing_error(e) from e
        self._report(result, feedback)
        outputs: Dict[str, Any] = {self.STATUS_RASTER: str(status_path)}
        for name, rows in ((self.TRANSITIONS, result.transitions), (self.STATUS_SUMMARY, result.statuses),
                           (self.UNKNOWN, result.unknown)):
            fields, arrange = table_output(name)
            outputs[name] = write_rows(self, parameters, name, context, fields, QgsWkbTypes.NoGeometry, result.crs,
                                       ((arrange(row), None) for row in rows))
        return outputs

    @staticmethod
    def _report(result: ConversionResult, feedback: QgsProcessingFeedback) -> None:
        s = result.stats
        feedback.pushInfo(tr("Areas: {method}.").format(method=area_method_text(result.area_description)))
        feedback.pushInfo(tr("Cells counted: {cells}; nodata on either side: {nodata}.").format(
            cells=int(s.get("cells", 0)), nodata=int(s.get("nodata_cells", 0))))
        for status, area in result.status_areas().items():
            feedback.pushInfo(status_area_text(status, area))
        for code, layer, area in result.unknown:
            text = (tr('Code "{code}" of the before raster has no category ({area:.2f} ha reported as "unknown").')
                    if layer == "before" else
                    tr('Code "{code}" of the after raster has no category ({area:.2f} ha reported as "unknown").'))
            feedback.pushWarning(text.format(code=code, area=area))
