"""Processing algorithm guotu:returnlistreport — the return list (退回清单) of the round
comparison as one PDF per city (see frame.return_report), from the comparison's return_list
table or the CLI's GeoPackage."""

from typing import Any, Dict, Optional

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsProject)

from ..frame.return_report import cities_of, export_return_report, require_return_list, return_file_name
from ..i18n import tr
from .common import is_set
from .review_reports import ReportAlgorithm


class ReturnListReportAlgorithm(ReportAlgorithm):
    RETURN_LIST = "RETURN_LIST"
    CITY = "CITY"

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
                  "or of <i>guotu framework rounds</i>.</p>")

    def createInstance(self) -> "ReturnListReportAlgorithm":
        return ReturnListReportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(self.RETURN_LIST, tr("Return list (return_list)"),
                                                            [QgsProcessing.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.CITY, tr("Only this city (empty: every city)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Folder for the reports")))
        self.addOutput(QgsProcessingOutputNumber("REPORT_COUNT", tr("Number of reports")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        project = QgsProject()
        count = 0
        try:
            layer = self._layer(parameters, self.RETURN_LIST, context, project)
            require_return_list(layer)  # a wrong layer has no cities: it would give no report, silently
            cities = [self.parameterAsString(parameters, self.CITY, context).strip()] \
                if is_set(parameters.get(self.CITY)) else cities_of(layer)
            folder = self._folder(parameters, context)
            for city in cities:
                if feedback.isCanceled():
                    break
                result = export_return_report(layer, city, folder / return_file_name(city), project=project)
                count += 1
                feedback.pushInfo(tr("{path}: {pages} pages, {items} items.").format(
                    path=result.pdf, pages=result.pages, items=result.items))
        except (ValueError, RuntimeError, OSError) as e:
            raise QgsProcessingException(str(e)) from e
        finally:
            project.clear()
        return {self.OUTPUT_FOLDER: str(folder), "REPORT_COUNT": count}
