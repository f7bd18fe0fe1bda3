"""Processing algorithm guotu:parcelsreport — the parcel check's review report, one PDF per
village (see core.parcels_report), from the check's outputs or the CLI's GeoPackage."""

from typing import Any, Dict, List, Optional

from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterFile, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterString, QgsProcessingParameterVectorLayer, QgsProject, QgsVectorLayer)

from ..parcels.parcels_report import (ParcelsReportLayers, export_village_report, export_village_reports, village_ids,
                                   village_report_path)
from ..parcels.parcels_style import style_parcels_layer, style_reasons_layer
from ..binding.errors import GuotuCancelled
from ..i18n import tr
from ..lines.lines_workspace import LINE_LAYERS, layer_titles
from .common import is_set
from .review_reports import ReportAlgorithm


class ParcelsReportAlgorithm(ReportAlgorithm):
    PARCEL_CHECKS = "PARCEL_CHECKS"
    PARCEL_REASONS = "PARCEL_REASONS"
    PROJECT_CHECKS = "PROJECT_CHECKS"
    VILLAGE_TOTALS = "VILLAGE_TOTALS"
    VILLAGE = "VILLAGE"
    WORKSPACE = "WORKSPACE"

    def name(self) -> str:
        return "parcelsreport"

    def displayName(self) -> str:
        return tr("Parcel review reports (PDF per village)")

    def group(self) -> str:
        return tr("Land consolidation")

    def groupId(self) -> str:
        return "consolidation"

    def shortHelpString(self) -> str:
        return tr("<p>Prints the review report of the rectification parcel check, one PDF per village: an "
                  "overview map, one page per parcel that is not a plain pass (its map and every reason), the "
                  "parcels and the project checks. The inputs are the outputs of <i>Rectification parcel "
                  "check</i> or of <i>guotu parcels check</i>.</p>")

    def createInstance(self) -> "ParcelsReportAlgorithm":
        return ParcelsReportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        for name, text, optional in ((self.PARCEL_CHECKS, tr("Parcel verdicts (parcel_checks)"), False),
                                     (self.PARCEL_REASONS, tr("Parcel reasons (parcel_reasons)"), False),
                                     (self.PROJECT_CHECKS, tr("Project checks (project_checks)"), True),
                                     (self.VILLAGE_TOTALS, tr("Village totals (village_totals)"), True)):
            types = [QgsProcessing.TypeVectorPolygon] if not optional else [QgsProcessing.TypeVector]
            self.addParameter(QgsProcessingParameterVectorLayer(name, text, types, optional=optional))
        self.addParameter(QgsProcessingParameterFile(
            self.WORKSPACE, tr("Three-lines workspace GeoPackage (drawn for context; the red line on P10 pages)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterString(self.VILLAGE, tr("Only this village id (empty: every village)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Folder for the reports")))
        self.addOutput(QgsProcessingOutputNumber("REPORT_COUNT", tr("Number of reports")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        project = QgsProject()
        try:
            parcels = self._layer(parameters, self.PARCEL_CHECKS, context, project)
            reasons = self._layer(parameters, self.PARCEL_REASONS, context, project)
            for layer, field in ((parcels, "verdict_en"), (reasons, "rule_id")):
                if layer.fields().lookupField(field) < 0:
                    raise QgsProcessingException(tr('Layer "{layer}" has no field "{field}": is it an output of the '
                                                    'parcel check?').format(layer=layer.name(), field=field))
            style_parcels_layer(parcels)
            style_reasons_layer(reasons)
            layers = ParcelsReportLayers(parcels, reasons,
                                         self._layer(parameters, self.PROJECT_CHECKS, context, project, False),
                                         self._layer(parameters, self.VILLAGE_TOTALS, context, project, False),
                                         self._workspace_layers(parameters, context, project), source=parcels.name())
            folder = self._folder(parameters, context)
            village = self.parameterAsString(parameters, self.VILLAGE, context) if is_set(
                parameters.get(self.VILLAGE)) else None
            if village is not None:
                known = village_ids(layers)
                if village not in known:
                    raise QgsProcessingException(tr('No parcel of "{layer}" is in village "{village}" (village ids: '
                                                    '{ids}).').format(layer=parcels.name(), village=village,
                                                                      ids=", ".join(sorted(known)[:20])))
                name = known[village]
                results = [export_village_report(layers, village_report_path(folder, village, name), village, name,
                                                 project=project, feedback=feedback)]
            else:
                results = export_village_reports(layers, folder, project=project, feedback=feedback)
            for result in results:
                feedback.pushInfo(tr("{path}: {pages} pages, {parcels} parcels to review.").format(
                    path=result.pdf, pages=result.pages, parcels=result.parcel_pages))
                for warning in result.warnings:
                    feedback.pushWarning(warning)
        except GuotuCancelled as e:
            raise QgsProcessingException(tr("Cancelled: the reports finished before are kept, none is left half "
                                            "written.")) from e
        except (ValueError, RuntimeError, OSError) as e:
            raise QgsProcessingException(str(e)) from e
        finally:
            project.clear()
        return {self.OUTPUT_FOLDER: str(folder), "REPORT_COUNT": len(results)}

    def _workspace_layers(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                          project: QgsProject) -> List[QgsVectorLayer]:
        """The three lines of the workspace given, styled as the workspace keeps them."""
        if not is_set(parameters.get(self.WORKSPACE)):
            return []
        path = self.parameterAsFile(parameters, self.WORKSPACE, context)
        titles = layer_titles()
        found = []
        for table in LINE_LAYERS:
            layer = QgsVectorLayer(f"{path}|layername={table}", titles.get(table, table), "ogr")
            if layer.isValid():
                layer.loadDefaultStyle()
                project.addMapLayer(layer, False)
                found.append(layer)
        if not found:
            raise QgsProcessingException(tr('"{path}" has none of the layers {layers}: is it a three-lines '
                                            'workspace?').format(path=path, layers=", ".join(LINE_LAYERS)))
        return found
