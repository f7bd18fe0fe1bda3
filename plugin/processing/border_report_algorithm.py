"""Processing algorithm guotu:borderreport — the border comparison's review report, one PDF
per city pair (see core.border_report), from the comparison's outputs or the CLI's GeoPackage."""

from typing import Any, Dict, List, Optional

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsProject, QgsVectorLayer)

from ..border.border_report import (BorderReportLayers, export_pair_report, pair_file_name, style_admin_outline,
                                   style_elements_fill)
from ..frame.frame_layers import is_indicator_findings, is_indicator_table
from ..border.border_review import conflict_rows, pair_rows
from ..frame.round_review import is_round_comparison
from ..i18n import tr
from .common import is_set
from .review_reports import ReportAlgorithm


class BorderReportAlgorithm(ReportAlgorithm):
    SHARED_BORDERS = "SHARED_BORDERS"
    CONFLICT_LINES = "CONFLICT_LINES"
    BORDER_CONFLICTS = "BORDER_CONFLICTS"
    PAIR_SUMMARY = "PAIR_SUMMARY"
    PAIR = "PAIR"
    ADMIN = "ADMIN"
    ELEMENTS = "ELEMENTS"
    INDICATORS = "INDICATORS"
    INDICATOR_FINDINGS = "INDICATOR_FINDINGS"
    ROUND_COMPARISON = "ROUND_COMPARISON"

    def name(self) -> str:
        return "borderreport"

    def displayName(self) -> str:
        return tr("Border review reports (PDF per city pair)")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def shortHelpString(self) -> str:
        return tr("<p>Prints the review report of the border comparison, one PDF per city pair with conflicts "
                  "(or the pair given as <i>A,B</i>): the border strip by status with the conflicts, the pair's "
                  "numbers, and every conflict with its review. The inputs are the outputs of <i>Cross-city "
                  "boundary conflicts</i> or of <i>guotu border</i>.</p>"
                  "<p>With the results of <i>Transmission indicators of cross-city elements</i> (or of "
                  "<i>guotu framework indicators</i>), the report adds the indicators of the catalogue elements "
                  "both cities have a part of — each city's part and the border strips on both sides — and the "
                  "findings on them.</p>"
                  "<p>With the round comparison of <i>Compare rounds and return list</i> (or of <i>guotu framework "
                  "rounds</i>), the report adds the pair's conflicts and findings across the two rounds: resolved, "
                  "persisting or new, whether each is on the return list, the review carried over, and their "
                  "counts.</p>")

    def createInstance(self) -> "BorderReportAlgorithm":
        return BorderReportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        for name, text, types, optional in (
                (self.SHARED_BORDERS, tr("Shared borders (shared_borders)"), [QgsProcessing.TypeVectorLine], False),
                (self.CONFLICT_LINES, tr("Conflict lines (border_conflict_lines)"), [QgsProcessing.TypeVectorLine],
                 False),
                (self.BORDER_CONFLICTS, tr("Conflict areas (border_conflicts)"), [QgsProcessing.TypeVectorPolygon],
                 True),
                (self.PAIR_SUMMARY, tr("Pair summary (pair_summary)"), [QgsProcessing.TypeVector], True)):
            self.addParameter(QgsProcessingParameterVectorLayer(name, text, types, optional=optional))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.ADMIN, tr("Admin units compared (drawn on the map)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ELEMENTS, tr("Elements of the cities (drawn on the map)"), QgsProcessing.TypeVectorPolygon,
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INDICATORS, tr("Transmission indicators (element_indicators)"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INDICATOR_FINDINGS, tr("Indicator findings (indicator_findings)"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.ROUND_COMPARISON, tr("Round comparison (round_comparison)"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterString(self.PAIR, tr("Only this pair, as A,B (empty: every pair "
                                                                     "with conflicts)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Folder for the reports")))
        self.addOutput(QgsProcessingOutputNumber("REPORT_COUNT", tr("Number of reports")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        project = QgsProject()
        count = 0
        try:
            segments = self._layer(parameters, self.SHARED_BORDERS, context, project)
            lines = self._layer(parameters, self.CONFLICT_LINES, context, project)
            for layer, field in ((segments, "status"), (lines, "conflict_id"), (lines, "kind")):
                if layer.fields().lookupField(field) < 0:
                    raise QgsProcessingException(tr('Layer "{layer}" has no field "{field}": is it an output of the '
                                                    'border comparison?').format(layer=layer.name(), field=field))
            layers = BorderReportLayers(segments, lines,
                                        self._layer(parameters, self.BORDER_CONFLICTS, context, project, False),
                                        self._layer(parameters, self.PAIR_SUMMARY, context, project, False),
                                        source=lines.name(),
                                        admin=self._layer(parameters, self.ADMIN, context, project, False),
                                        elements=self._elements(parameters, context, project),
                                        indicators=self._layer(parameters, self.INDICATORS, context, project, False),
                                        indicator_findings=self._layer(parameters, self.INDICATOR_FINDINGS, context,
                                                                       project, False),
                                        rounds=self._layer(parameters, self.ROUND_COMPARISON, context, project, False))
            if layers.rounds is not None and not is_round_comparison(layers.rounds):
                raise QgsProcessingException(tr('Layer "{layer}" is not a round comparison (the round_comparison '
                                                'table of the rounds).').format(layer=layers.rounds.name()))
            for layer, check, table in ((layers.indicators, is_indicator_table, "element_indicators"),
                                        (layers.indicator_findings, is_indicator_findings, "indicator_findings")):
                if layer is not None and not check(layer):
                    raise QgsProcessingException(tr('Layer "{layer}" is not the {table} table of the transmission '
                                                    'indicators.').format(layer=layer.name(), table=table))
            if layers.admin is not None and self._unstyled(parameters, self.ADMIN, context):
                style_admin_outline(layers.admin)
            if is_set(parameters.get(self.PAIR)):
                parts = [p.strip() for p in self.parameterAsString(parameters, self.PAIR, context).split(",")]
                if len(parts) != 2 or not all(parts):
                    raise QgsProcessingException(tr('Give the pair as two admin ids separated by a comma, e.g. '
                                                    '"A,B".'))
                pairs: List[tuple] = [tuple(parts)]
            else:
                pairs = [(p.admin_a, p.admin_b) for p in pair_rows(conflict_rows(lines), layers.summary)]
            folder = self._folder(parameters, context)
            for a, b in pairs:
                if feedback.isCanceled():
                    break
                result = export_pair_report(layers, folder / pair_file_name(a, b), a, b, project=project)
                count += 1
                feedback.pushInfo(tr("{path}: {pages} pages, {conflicts} conflicts.").format(
                    path=result.pdf, pages=result.pages, conflicts=result.conflicts))
                if result.round_items is not None:
                    feedback.pushInfo(tr("{path}: {items} conflicts and findings across the rounds.").format(
                        path=result.pdf, items=result.round_items))
                for warning in result.warnings:
                    feedback.pushWarning(warning)
        except (ValueError, RuntimeError, OSError) as e:
            raise QgsProcessingException(str(e)) from e
        finally:
            project.clear()
        return {self.OUTPUT_FOLDER: str(folder), "REPORT_COUNT": count}

    def _unstyled(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> bool:
        """A layer given as a file (not a layer of the project, which has the user's style)."""
        value = parameters.get(name)
        return isinstance(value, str) and (context.project() is None or context.project().mapLayer(value) is None)

    def _elements(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                  project: QgsProject) -> List[QgsVectorLayer]:
        if not is_set(parameters.get(self.ELEMENTS)):
            return []
        found = []
        values = parameters.get(self.ELEMENTS)
        given = values if isinstance(values, list) else [values]
        for index, layer in enumerate(self.parameterAsLayerList(parameters, self.ELEMENTS, context)):
            if not isinstance(layer, QgsVectorLayer):
                continue
            copy = layer.clone()
            copy.setName(layer.name())
            value = given[index] if index < len(given) else None
            if isinstance(value, str) and (context.project() is None or context.project().mapLayer(value) is None):
                style_elements_fill(copy)
            project.addMapLayer(copy, False)
            found.append(copy)
        return found
