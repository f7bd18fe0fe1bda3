"""Processing algorithm guotu:returnlistreport — the return list (退回清单) of the round
comparison as one PDF per city (see frame.return_report), from the comparison's return_list
table or the CLI's GeoPackage."""

from typing import Any, Dict, Optional

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFile, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsProject)

from ..frame.return_report import (cities_of, export_return_report, read_thresholds, require_indicators,
                                   require_return_list, return_file_name)
from ..i18n import tr
from .common import is_set
from .review_reports import ReportAlgorithm


class ReturnListReportAlgorithm(ReportAlgorithm):
    RETURN_LIST = "RETURN_LIST"
    CITY = "CITY"
    INDICATORS = "INDICATORS"
    THRESHOLDS = "THRESHOLDS"

    def name(self) -> str:
        return "returnlistreport"

    def displayName(self) -> str:
        return tr("Return lists (PDF per city)")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def shortHelpString(self) -> str:
        return tr("<p>Prints the return list (退回清单) of a round comparison, one PDF per city (or for the city "
                  "given): every new or persisting major deviation the city must correct, with its length or area "
                  "and the reviewers' note. The input is the return list of <i>Compare rounds and return list</i> "
                  "or of <i>guotu framework rounds</i>.</p>"
                  "<p>With the round's element indicators (element_indicators of <i>Transmission indicators</i> or "
                  "<i>guotu framework indicators</i>) and the threshold table they were checked against, each "
                  "returned element's indicators in the city are set out against the city's thresholds (value, "
                  "minimum, maximum, within or outside), with the finding on the return list stated on the "
                  "indicator it concerns.</p>")

    def createInstance(self) -> "ReturnListReportAlgorithm":
        return ReturnListReportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(self.RETURN_LIST, tr("Return list (return_list)"),
                                                            [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.CITY, tr("Only this city (empty: every city)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.INDICATORS, tr("Element indicators of the round (element_indicators), optional"),
            [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THRESHOLDS, tr("Threshold table of the cities (CSV), with the element indicators"),
            extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Folder for the reports")))
        self.addOutput(QgsProcessingOutputNumber("REPORT_COUNT", tr("Number of reports")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        project = QgsProject()
        count = 0
        try:
            layer = self._layer(parameters, self.RETURN_LIST, context, project)
            require_return_list(layer)  # a wrong layer has no cities: it would give no report, silently
            indicators = self._layer(parameters, self.INDICATORS, context, project, required=False)
            thresholds_path = self.parameterAsFile(parameters, self.THRESHOLDS, context) \
                if is_set(parameters.get(self.THRESHOLDS)) else ""
            if (indicators is None) != (not thresholds_path):
                raise ValueError(tr("Give the element indicators and the threshold table together."))
            thresholds = None
            if indicators is not None:
                require_indicators(indicators)
                thresholds = read_thresholds(thresholds_path)
            cities = [self.parameterAsString(parameters, self.CITY, context).strip()] \
                if is_set(parameters.get(self.CITY)) else cities_of(layer)
            folder = self._folder(parameters, context)
            for city in cities:
                if feedback.isCanceled():
                    break
                result = export_return_report(layer, city, folder / return_file_name(city), project=project,
                                              indicators=indicators, thresholds=thresholds)
                count += 1
                feedback.pushInfo(tr("{path}: {pages} pages, {items} items.").format(
                    path=result.pdf, pages=result.pages, items=result.items))
                feedback.setProgress(100.0 * count / max(len(cities), 1))
        except (ValueError, RuntimeError, OSError) as e:
            raise QgsProcessingException(str(e)) from e
        finally:
            project.clear()
        return {self.OUTPUT_FOLDER: str(folder), "REPORT_COUNT": count}
