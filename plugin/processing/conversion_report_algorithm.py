"""Processing algorithm guotu:conversionreport — the printable land-use conversion report
(PDF, see conversion.conversion_report) from the outputs of guotu:landuseconversion or of
``guotu convert``: the map by policy status, the area by status, the transition matrix and
its Sankey diagram, the area by zone. Tables not given are taken from the map's GeoPackage
when they are there (the CLI's and the plugin's one-file results), else summed from the
pieces."""

from pathlib import Path
from typing import Any, Dict, Optional

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFileDestination, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer, QgsProject)

from ..conversion.conversion_report import ReportLayers, export_report, tables_beside
from ..conversion.convert import missing_matrix_fields
from ..i18n import tr
from .common import is_set
from .review_reports import ReportAlgorithm


class ConversionReportAlgorithm(ReportAlgorithm):
    CONVERSIONS = "CONVERSIONS"
    TRANSITIONS = "TRANSITIONS"
    STATUS_SUMMARY = "STATUS_SUMMARY"
    UNKNOWN = "UNKNOWN"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    PAGES = "PAGES"

    def name(self) -> str:
        return "conversionreport"

    def displayName(self) -> str:
        return tr("Land-use conversion report (PDF)")

    def group(self) -> str:
        return tr("Land-use conversion")

    def groupId(self) -> str:
        return "conversion"

    def shortHelpString(self) -> str:
        return tr("<p>Prints the land-use conversion report as a PDF: the conversion map by policy status with "
                  "its legend and the area by status, the transition matrix between policy categories and its "
                  "Sankey diagram, and (with zones) the area by zone and status. The inputs are the outputs of "
                  "<i>Land-use conversion map</i> or of <i>guotu convert</i>. Tables not given are taken from "
                  "the GeoPackage of the conversion map when they are there, else summed from the pieces.</p>")

    def createInstance(self) -> "ConversionReportAlgorithm":
        return ConversionReportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.CONVERSIONS, tr("Land-use conversions (conversions)"), [QgsProcessing.TypeVectorPolygon]))
        for name, text in ((self.TRANSITIONS, tr("Transitions (transitions)")),
                           (self.STATUS_SUMMARY, tr("Status summary (status_summary)")),
                           (self.UNKNOWN, tr("Unknown codes (unknown_codes)"))):
            self.addParameter(QgsProcessingParameterVectorLayer(name, text, [QgsProcessing.TypeVector],
                                                                optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title (empty: the default title)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Report (PDF)"),
                                                                tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        project = QgsProject()
        try:
            conversions = self._layer(parameters, self.CONVERSIONS, context, project)
            missing = missing_matrix_fields(conversions)
            if missing:
                raise QgsProcessingException(tr('Layer "{layer}" has no fields {fields}: is it an output of the '
                                                'land-use conversion?').format(layer=conversions.name(),
                                                                               fields=", ".join(missing)))
            given = {key: self._layer(parameters, name, context, project, False)
                     for key, name in (("transitions", self.TRANSITIONS), ("status_summary", self.STATUS_SUMMARY),
                                       ("unknown", self.UNKNOWN))}
            found = tables_beside(conversions)
            for key, layer in found.items():
                if given.get(key) is None:
                    given[key] = layer
                    feedback.pushInfo(tr('Table "{table}" taken from "{path}".').format(
                        table=layer.name(), path=conversions.source().split("|")[0]))
            layers = ReportLayers(conversions, given["transitions"], given["status_summary"], given["unknown"],
                                  source=conversions.name())
            pdf = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
            pdf.parent.mkdir(parents=True, exist_ok=True)
            title = self.parameterAsString(parameters, self.TITLE, context) if is_set(
                parameters.get(self.TITLE)) else None
            result = export_report(layers, pdf=pdf, project=project, title=title or None)
            for warning in result.warnings:
                feedback.pushWarning(warning)
            feedback.pushInfo(tr("{path}: {pages} pages.").format(path=pdf, pages=result.pages))
        except (ValueError, RuntimeError, OSError) as e:
            raise QgsProcessingException(str(e)) from e
        finally:
            project.clear()
        return {self.OUTPUT: str(pdf), self.PAGES: result.pages}
