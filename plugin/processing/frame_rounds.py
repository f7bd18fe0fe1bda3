"""Processing algorithm guotu:framerounds — round n against round n+1 of the
three-down-three-up check (三下三上, SPEC §10): conflicts and findings resolved, persisting or
new, reviews carried over, and the return list per city (退回清单), as `guotu framework
rounds` writes them: ROUND_COMPARISON, RETURN_LIST and RETURN_SUMMARY.
"""

import math
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingParameterFeatureSink, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsWkbTypes)

from ..binding.frame_native import RoundsOptions
from ..frame.frame_style import style_comparison_layer, style_return_table
from ..frame.rounds import (COMPARISON_FIELDS, RETURN_FIELDS, SUMMARY_FIELDS, comparison_attributes, run_rounds)
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import GUARDED, VoucherLayerStyler, is_set, processing_error
from .workspace_inputs import fields_of, write_rows


class FrameRoundsAlgorithm(GuotuAlgorithm):
    PREVIOUS = "PREVIOUS"
    PREVIOUS_MORE = "PREVIOUS_MORE"
    CURRENT = "CURRENT"
    CURRENT_MORE = "CURRENT_MORE"
    MATCH = "MATCH"
    MIN_LENGTH = "MIN_LENGTH"
    MIN_AREA = "MIN_AREA"
    ROUND_COMPARISON = "ROUND_COMPARISON"
    RETURN_LIST = "RETURN_LIST"
    RETURN_SUMMARY = "RETURN_SUMMARY"

    NUMBERS = {MATCH: ("match_m", 50.0), MIN_LENGTH: ("min_length_m", 100.0), MIN_AREA: ("min_area_m2", 10000.0)}

    def name(self) -> str:
        return "framerounds"

    def displayName(self) -> str:
        return tr("Compare rounds and return list")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def tags(self) -> List[str]:
        return tr("round,三下三上,return list,退回清单,resolved,persisting,new,review").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Compares round n with round n+1 of the three-down-three-up check (三下三上). Each round is the "
            "output GeoPackage of the border comparison and / or of the framework checks, as written or as "
            "reviewed in the review dock.</p>"
            "<p>A conflict of round n+1 is the same as one of round n when kind and city pair agree and their "
            "border lines lie within the match distance; a finding when kind, element, cities and indicator "
            "agree. Each is resolved, persisting or new; a persisting item keeps round n's review and note.</p>"
            "<p>The return list (退回清单) names, per responsible city, every new or persisting item that is not "
            "agreed or accepted as an exception and is a major deviation: a conflict at least the minimum length "
            "or area; findings without length or area always are.</p>")

    def createInstance(self) -> "FrameRoundsAlgorithm":
        return FrameRoundsAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterFile(self.PREVIOUS, tr("Round n: a check's output (GeoPackage)"),
                                                     QgsProcessingParameterFile.File, "gpkg"))
        self.addParameter(QgsProcessingParameterFile(self.PREVIOUS_MORE, tr("Round n: another check's output"),
                                                     QgsProcessingParameterFile.File, "gpkg", optional=True))
        self.addParameter(QgsProcessingParameterFile(self.CURRENT, tr("Round n+1: a check's output (GeoPackage)"),
                                                     QgsProcessingParameterFile.File, "gpkg"))
        self.addParameter(QgsProcessingParameterFile(self.CURRENT_MORE, tr("Round n+1: another check's output"),
                                                     QgsProcessingParameterFile.File, "gpkg", optional=True))
        titles = {self.MATCH: tr("Same conflict when its border lines are within (m)"),
                  self.MIN_LENGTH: tr("Major deviation: conflicts at least this long (m)"),
                  self.MIN_AREA: tr("…or at least this large (m²)")}
        for name, (_option, default) in self.NUMBERS.items():
            self.addParameter(QgsProcessingParameterNumber(name, titles[name], QgsProcessingParameterNumber.Double,
                                                           defaultValue=default, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.ROUND_COMPARISON, tr("Round comparison"),
                                                            QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(self.RETURN_LIST, tr("Return list (per city)"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.RETURN_SUMMARY, tr("Returns by city"),
                                                            QgsProcessing.TypeVector))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        rounds = []
        for first, more in ((self.PREVIOUS, self.PREVIOUS_MORE), (self.CURRENT, self.CURRENT_MORE)):
            paths = [self.parameterAsFile(parameters, first, context)]
            if is_set(parameters.get(more)):
                paths.append(self.parameterAsFile(parameters, more, context))
            rounds.append(paths)
        options = RoundsOptions()
        for name, (option, default) in self.NUMBERS.items():
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) else default
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)
        try:
            result = run_rounds(rounds[0], rounds[1], options, feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        counts = result.counts()
        feedback.pushInfo(tr("{resolved} resolved, {persisting} persisting, {new} new; {returns} returns to {cities} "
                             "cities.").format(resolved=counts["resolved"], persisting=counts["persisting"],
                                               new=counts["new"], returns=len(result.returns),
                                               cities=len(result.summary)))
        crs = QgsCoordinateReferenceSystem()
        outputs = {
            self.ROUND_COMPARISON: write_rows(
                self, parameters, self.ROUND_COMPARISON, context, fields_of(COMPARISON_FIELDS),
                QgsWkbTypes.MultiLineString, result.crs or crs,
                ((comparison_attributes(r), g) for r, g in result.results)),
            self.RETURN_LIST: write_rows(self, parameters, self.RETURN_LIST, context, fields_of(RETURN_FIELDS),
                                         QgsWkbTypes.NoGeometry, crs, ((row, None) for row in result.returns)),
            self.RETURN_SUMMARY: write_rows(self, parameters, self.RETURN_SUMMARY, context,
                                            fields_of(SUMMARY_FIELDS), QgsWkbTypes.NoGeometry, crs,
                                            ((row, None) for row in result.summary)),
        }
        for name, style in ((self.ROUND_COMPARISON, style_comparison_layer), (self.RETURN_LIST, style_return_table),
                            (self.RETURN_SUMMARY, style_return_table)):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        return outputs
