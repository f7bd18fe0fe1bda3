"""Processing algorithm guotu:parcelscheck — rectification parcel check of land
consolidation (整治地块审查, SPEC §5).

Maps parameters onto core.parcels_check.ParcelsRequest, runs it and writes the CLI's
tables: PARCEL_CHECKS (parcels with verdict and reasons), PARCEL_REASONS (the area at
fault of each reason), PROJECT_CHECKS (unit rules U01–U03) and VILLAGE_TOTALS; optionally
the meeting tables as XLSX and CSV. The three lines are the layers given, or those of
WORKSPACE (a three-lines workspace GeoPackage).
"""

import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterString, QgsVectorLayer, QgsWkbTypes)

from ..conversion.convert import SYSTEMS
from ..lines.lines_check import DEFAULT_SYSTEM
from ..lines.lines_workspace import LINE_LAYERS, gpkg_tables
from ..binding.native import AreaMethod
from ..parcels.parcels_check import (PARCEL_FIELDS, PROJECT_FIELDS, REASON_FIELDS, VILLAGE_FIELDS, ParcelsRequest,
                                  ParcelsResult, run_check, summary_lines, unit_attributes, village_attributes)
from ..binding.parcels_native import ParcelOptions
from ..parcels.parcels_style import (style_parcels_layer, style_projects_table, style_reasons_layer,
                                  style_villages_table)
from ..parcels.parcels_tables import write_csvs, write_xlsx
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, PARCEL_CURRENT_FIELD, PARCEL_ID_FIELD, PARCEL_PLANNED_FIELD,
                     PARCEL_PROJECT_FIELD, PARCEL_TYPE_FIELD, VILLAGE_CODE_FIELD, VILLAGE_NAME_FIELD,
                     VoucherLayerStyler, add_advanced, is_set, processing_error)
from .known_fields import start_on_known_names
from .workspace_inputs import (fields_of, layer_label, optional_source, optional_text, workspace_layer, workspace_path,
                               write_rows)

# The village fields of the layers villages are delivered as: 村级调查区 CJDCQ first, then XZQ.
VILLAGE_ID_FIELDS = (VILLAGE_CODE_FIELD, ADMIN_CODE_FIELD)
VILLAGE_NAME_FIELDS = (VILLAGE_NAME_FIELD, ADMIN_NAME_FIELD)


class ParcelsCheckAlgorithm(GuotuAlgorithm):
    PARCELS = "PARCELS"
    PARCEL_ID = "PARCEL_ID"
    TYPE_FIELD = "TYPE_FIELD"
    PROJECT_FIELD = "PROJECT_FIELD"
    CURRENT_FIELD = "CURRENT_FIELD"
    CURRENT_SYSTEM = "CURRENT_SYSTEM"
    PLANNED_FIELD = "PLANNED_FIELD"
    PLANNED_SYSTEM = "PLANNED_SYSTEM"
    WORKSPACE = "WORKSPACE"
    REDLINE = "REDLINE"
    FARMLAND = "FARMLAND"
    URBAN = "URBAN"
    BEACHES = "BEACHES"
    VILLAGES = "VILLAGES"
    VILLAGE_ID = "VILLAGE_ID"
    VILLAGE_NAME = "VILLAGE_NAME"
    UNITS = "UNITS"
    UNIT_ID = "UNIT_ID"
    UNIT_NAME = "UNIT_NAME"
    UNIT_CULTIVATED = "UNIT_CULTIVATED"
    TYPES = "TYPES"
    POLICY = "POLICY"
    BEACH_CODES = "BEACH_CODES"
    TOLERANCE = "TOLERANCE"
    NEW_CULTIVATED_MIN = "NEW_CULTIVATED_MIN"
    FARMLAND_GAIN_MIN = "FARMLAND_GAIN_MIN"
    AREA_METHOD = "AREA_METHOD"
    PARCEL_CHECKS = "PARCEL_CHECKS"
    PARCEL_REASONS = "PARCEL_REASONS"
    PROJECT_CHECKS = "PROJECT_CHECKS"
    VILLAGE_TOTALS = "VILLAGE_TOTALS"
    XLSX = "XLSX"
    CSV_FOLDER = "CSV_FOLDER"

    LINES = {REDLINE: LINE_LAYERS[0], FARMLAND: LINE_LAYERS[1], URBAN: LINE_LAYERS[2]}
    DEFAULTS = {TOLERANCE: 1.0, NEW_CULTIVATED_MIN: 0.05, FARMLAND_GAIN_MIN: 1.05}

    def __init__(self) -> None:
        super().__init__()
        self._owned: List[QgsVectorLayer] = []

    def name(self) -> str:
        return "parcelscheck"

    def displayName(self) -> str:
        return tr("Rectification parcel check")

    def group(self) -> str:
        return tr("Land consolidation")

    def groupId(self) -> str:
        return "consolidation"

    def tags(self) -> List[str]:
        return tr("land consolidation,rectification parcel,整治地块,reclamation,red line,farmland,verdict,"
                  "review").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Checks the rectification parcels (整治地块) of a comprehensive land consolidation project against "
            "the three control lines, the conversion policy and the consolidation rules, and gives every parcel a "
            "verdict: 通过 pass, 有条件通过 pass with conditions or 不通过 fail, with every reason, its rule, area "
            "and share.</p>"
            "<p>Parcel rules: P01 invalid geometry, P02 unknown project type, P03 unknown land-use code, P10 inside "
            "the red line (allowed for ecological restoration), P11 planned construction on permanent farmland, "
            "P12 prohibited / P13 policy gap / P14 conditional / P15 path of the current → planned conversion, P16 "
            "reclamation on a river beach, P17 new construction outside the urban boundary, P18 parcels "
            "overlapping each other. Overlaps below the tolerance are ignored.</p>"
            "<p>Per consolidation unit (the unit holding most of a parcel) or project (the project field; otherwise "
            "one project '*'): U01 net new cultivated land at least 5 % of the original, U02 new cultivated land "
            "outside farmland at least 105 % of the farmland adjusted out, U03 standard-forest land does not "
            "decrease. Per village: totals.</p>"
            "<p>River beaches come from the river-beach layer and from the current codes of the system "
            "(e.g. 1106 内陆滩涂). Other layers are reprojected into the parcels' CRS.</p>")

    def createInstance(self) -> "ParcelsCheckAlgorithm":
        return ParcelsCheckAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARCELS, tr("Rectification parcels"), polygons))
        for name, description, known, optional in (
                (self.PARCEL_ID, tr("Parcel id field"), PARCEL_ID_FIELD, False),
                (self.TYPE_FIELD, tr("Project type field"), PARCEL_TYPE_FIELD, False),
                (self.PROJECT_FIELD, tr("Project field (groups parcels)"), PARCEL_PROJECT_FIELD, True),
                (self.CURRENT_FIELD, tr("Current land-use code field"), PARCEL_CURRENT_FIELD, False)):
            self.addParameter(QgsProcessingParameterField(name, description, known,
                                                          parentLayerParameterName=self.PARCELS, optional=optional))
        self.addParameter(QgsProcessingParameterEnum(self.CURRENT_SYSTEM, tr("Current classification system"),
                                                     list(SYSTEMS), defaultValue=SYSTEMS.index(DEFAULT_SYSTEM)))
        self.addParameter(QgsProcessingParameterField(self.PLANNED_FIELD, tr("Planned land-use code field"),
                                                      PARCEL_PLANNED_FIELD, parentLayerParameterName=self.PARCELS))
        self.addParameter(QgsProcessingParameterEnum(self.PLANNED_SYSTEM, tr("Planned classification system"),
                                                     list(SYSTEMS), defaultValue=SYSTEMS.index(DEFAULT_SYSTEM)))
        self.addParameter(QgsProcessingParameterFile(
            self.WORKSPACE, tr("Three-lines workspace GeoPackage (for the lines not given below)"), extension="gpkg",
            optional=True))
        for name, description in ((self.REDLINE, tr("Ecological protection red line")),
                                  (self.FARMLAND, tr("Permanent basic farmland")),
                                  (self.URBAN, tr("Urban development boundary")),
                                  (self.BEACHES, tr("River beaches (optional)"))):
            self.addParameter(QgsProcessingParameterFeatureSource(name, description, polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.VILLAGES, tr("Villages (optional)"), polygons,
                                                              optional=True))
        # The villages are delivered as 村级调查区 CJDCQ (ZLDWDM, ZLDWMC) or as the towns of XZQ (XZQDM,
        # XZQMC): the dialog's boxes start on the first of those the layer has.
        self.addParameter(start_on_known_names(QgsProcessingParameterField(
            self.VILLAGE_ID, tr("Village id field"), ADMIN_CODE_FIELD, parentLayerParameterName=self.VILLAGES,
            optional=True), VILLAGE_ID_FIELDS))
        self.addParameter(start_on_known_names(QgsProcessingParameterField(
            self.VILLAGE_NAME, tr("Village name field"), ADMIN_NAME_FIELD, parentLayerParameterName=self.VILLAGES,
            optional=True), VILLAGE_NAME_FIELDS))
        add_advanced(self, QgsProcessingParameterFeatureSource(self.UNITS, tr("Consolidation units (optional)"),
                                                           polygons, optional=True))
        for name, description in ((self.UNIT_ID, tr("Unit id field")), (self.UNIT_NAME, tr("Unit name field")),
                                  (self.UNIT_CULTIVATED, tr("Unit original cultivated land field (ha)"))):
            add_advanced(self, QgsProcessingParameterField(name, description, parentLayerParameterName=self.UNITS,
                                                       optional=True))
        add_advanced(self, QgsProcessingParameterFile(self.TYPES, tr("Project types table (value,kind; empty: preset)"),
                                                  extension="csv", optional=True))
        add_advanced(self, QgsProcessingParameterFile(self.POLICY, tr("Conversion policy table (empty: preset)"),
                                                  extension="csv", optional=True))
        add_advanced(self, QgsProcessingParameterString(
            self.BEACH_CODES, tr("River-beach codes (space separated; empty: the system's preset)"), optional=True))
        for name, description in ((self.TOLERANCE, tr("Ignore overlaps below (m²)")),
                                  (self.NEW_CULTIVATED_MIN, tr("New cultivated land, at least (share of original)")),
                                  (self.FARMLAND_GAIN_MIN, tr("Farmland added ÷ adjusted out, at least"))):
            self.addParameter(QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Double,
                                                           defaultValue=self.DEFAULTS[name], minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PARCEL_CHECKS, tr("Parcel verdicts"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PARCEL_REASONS, tr("Parcel reasons"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PROJECT_CHECKS, tr("Project checks"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.VILLAGE_TOTALS, tr("Village totals"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.XLSX, tr("Tables for the review meeting (XLSX)"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CSV_FOLDER, tr("Tables for the review meeting (CSV folder)"), optional=True, createByDefault=False))
        for name, description in (("PASS_COUNT", tr("Parcels passed")),
                                  ("CONDITIONAL_COUNT", tr("Parcels passed with conditions")),
                                  ("FAIL_COUNT", tr("Parcels failed"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if not is_set(parameters.get(self.WORKSPACE)) and \
                not all(is_set(parameters.get(name)) for name in self.LINES):
            return False, tr("Give a three-lines workspace GeoPackage, or the red line, farmland and urban boundary "
                             "layers.")
        if is_set(parameters.get(self.VILLAGES)) and not is_set(parameters.get(self.VILLAGE_ID)):
            return False, tr("Choose the village id field.")
        if is_set(parameters.get(self.UNITS)) and not is_set(parameters.get(self.UNIT_ID)):
            return False, tr("Choose the consolidation unit id field.")
        return True, ""

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> ParcelsRequest:
        self._owned = []
        workspace = workspace_path(self, parameters, self.WORKSPACE, context)
        tables = gpkg_tables(workspace) if workspace is not None else []
        lines: Dict[str, Any] = {}
        labels: Dict[str, str] = {"parcels": layer_label(self, parameters, self.PARCELS, context, "parcels")}
        for name, table in self.LINES.items():
            if is_set(parameters.get(name)):
                lines[name] = optional_source(self, parameters, name, context)
                labels[table] = layer_label(self, parameters, name, context, table)
            else:
                lines[name] = workspace_layer(workspace, table, tables, self._owned)
                labels[table] = table
        for name, role in ((self.BEACHES, "beaches"), (self.VILLAGES, "villages"), (self.UNITS, "units")):
            labels[role] = layer_label(self, parameters, name, context, role)
        parcels = optional_source(self, parameters, self.PARCELS, context)
        if parcels is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PARCELS))
        options = ParcelOptions(area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        for name, option in ((self.TOLERANCE, "tolerance_m2"), (self.NEW_CULTIVATED_MIN, "new_cultivated_min"),
                             (self.FARMLAND_GAIN_MIN, "farmland_gain_min")):
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) \
                else self.DEFAULTS[name]
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)
        beach_codes = optional_text(self, parameters, self.BEACH_CODES, context)
        return ParcelsRequest(
            parcels=parcels, id_field=optional_text(self, parameters, self.PARCEL_ID, context) or "",
            type_field=optional_text(self, parameters, self.TYPE_FIELD, context) or "",
            current_field=optional_text(self, parameters, self.CURRENT_FIELD, context) or "",
            planned_field=optional_text(self, parameters, self.PLANNED_FIELD, context) or "",
            current_system=SYSTEMS[self.parameterAsEnum(parameters, self.CURRENT_SYSTEM, context)],
            planned_system=SYSTEMS[self.parameterAsEnum(parameters, self.PLANNED_SYSTEM, context)],
            redline=lines[self.REDLINE], farmland=lines[self.FARMLAND], urban=lines[self.URBAN],
            project_field=optional_text(self, parameters, self.PROJECT_FIELD, context),
            beaches=optional_source(self, parameters, self.BEACHES, context),
            villages=optional_source(self, parameters, self.VILLAGES, context),
            village_id_field=optional_text(self, parameters, self.VILLAGE_ID, context),
            village_name_field=optional_text(self, parameters, self.VILLAGE_NAME, context),
            units=optional_source(self, parameters, self.UNITS, context),
            unit_id_field=optional_text(self, parameters, self.UNIT_ID, context),
            unit_name_field=optional_text(self, parameters, self.UNIT_NAME, context),
            unit_cultivated_field=optional_text(self, parameters, self.UNIT_CULTIVATED, context),
            types_csv=optional_text(self, parameters, self.TYPES, context),
            policy_csv=optional_text(self, parameters, self.POLICY, context),
            beach_codes=beach_codes, options=options, labels=labels)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = run_check(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        finally:
            self._owned = []
        for line in summary_lines(result):
            feedback.pushInfo(line)
        outputs = self._write(result, parameters, context)
        styles = ((self.PARCEL_CHECKS, style_parcels_layer), (self.PARCEL_REASONS, style_reasons_layer),
                  (self.PROJECT_CHECKS, style_projects_table), (self.VILLAGE_TOTALS, style_villages_table))
        for name, style in styles:
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        counts = result.verdict_counts()
        outputs.update(PASS_COUNT=counts["pass"], CONDITIONAL_COUNT=counts["conditional"],
                       FAIL_COUNT=counts["fail"])
        return outputs

    def _write(self, result: ParcelsResult, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> Dict[str, Any]:
        outputs: Dict[str, Any] = {
            self.PARCEL_CHECKS: write_rows(self, parameters, self.PARCEL_CHECKS, context, fields_of(PARCEL_FIELDS),
                                           QgsWkbTypes.MultiPolygon, result.crs,
                                           ((r.attributes(), r.geometry) for r in result.parcels)),
            self.PARCEL_REASONS: write_rows(self, parameters, self.PARCEL_REASONS, context, fields_of(REASON_FIELDS),
                                            QgsWkbTypes.MultiPolygon, result.crs,
                                            ((r.attributes(), r.geometry) for r in result.reasons)),
            self.PROJECT_CHECKS: write_rows(self, parameters, self.PROJECT_CHECKS, context, fields_of(PROJECT_FIELDS),
                                            QgsWkbTypes.NoGeometry, result.crs,
                                            ((unit_attributes(u, result.tolerance_m2), None) for u in result.units)),
            self.VILLAGE_TOTALS: write_rows(self, parameters, self.VILLAGE_TOTALS, context, fields_of(VILLAGE_FIELDS),
                                            QgsWkbTypes.NoGeometry, result.crs,
                                            ((village_attributes(v), None) for v in result.villages)),
        }
        try:
            if is_set(parameters.get(self.XLSX)):
                path = self.parameterAsFileOutput(parameters, self.XLSX, context)
                if path:
                    write_xlsx(Path(path), result)
                    outputs[self.XLSX] = path
            if is_set(parameters.get(self.CSV_FOLDER)):
                folder = self.parameterAsString(parameters, self.CSV_FOLDER, context)
                if folder:
                    Path(folder).mkdir(parents=True, exist_ok=True)
                    write_csvs(Path(folder), result)
                    outputs[self.CSV_FOLDER] = folder
        except GUARDED as e:
            raise processing_error(e) from e
        return outputs
