"""Processing algorithm guotu:unitledger — the unit ledger (资源、权益"双挂钩", SPEC §9).

Maps parameters onto ledger.ledger_run.LedgerRequest, runs it and writes the CLI's tables:
UNIT_LEDGER (the balance sheet per unit, on the unit polygons when a units layer is given),
UNIT_GRADES (cultivated land by grade), CERTIFICATES (reclamation certificates on the
reclaimed parcels) and PROJECT_CERTIFICATES; optionally the same as an XLSX workbook.
"""

import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterString, QgsProcessingUtils, QgsWkbTypes)

from ..binding.ledger_native import LedgerOptions
from ..binding.native import AreaMethod
from ..conversion.convert import SYSTEMS
from ..i18n import tr
from ..ledger.ledger_run import (CERTIFICATE_FIELDS, GRADE_FIELDS, PROJECT_FIELDS, UNIT_FIELDS, LedgerRequest,
                                 LedgerResult, certificate_attributes, grade_rows, project_attributes, run_ledger,
                                 summary_lines, unit_attributes)
from ..ledger.ledger_report import LedgerReportLayers, export_ledger_report
from ..ledger.ledger_style import (style_certificates_layer, style_grades_table, style_projects_table,
                                   style_units_layer)
from ..ledger.ledger_tables import write_xlsx
from ..lines.lines_check import DEFAULT_SYSTEM
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, LAND_USE_CODE_FIELD, PARCEL_PLANNED_FIELD,
                     PARCEL_PROJECT_FIELD, PARCEL_TYPE_FIELD, TIANKAN_SHARE_FIELD, VoucherLayerStyler, add_advanced,
                     is_set, processing_error)
from .workspace_inputs import fields_of, layer_label, optional_source, optional_text, write_rows

SURVEY_ID_FIELD = "BSM"  # 标识码 of the 三调 DLTB layer
GRADE_FIELD = "GDDB"  # 耕地等别
OFFICIAL_AREA_FIELD = "TBMJ"  # 图斑面积 (m²)


class UnitLedgerAlgorithm(GuotuAlgorithm):
    PARCELS = "PARCELS"
    PLANNED_LAYER = "PLANNED_LAYER"
    PLANNED_LAYER_ID = "PLANNED_LAYER_ID"
    PLANNED_LAYER_CODE = "PLANNED_LAYER_CODE"
    PLANNED_LAYER_KCXS = "PLANNED_LAYER_KCXS"
    PLANNED_LAYER_GRADE = "PLANNED_LAYER_GRADE"
    PLANNED_LAYER_FARMLAND = "PLANNED_LAYER_FARMLAND"
    PLANNED_LAYER_PROJECT = "PLANNED_LAYER_PROJECT"
    PLANNED_LAYER_TYPE = "PLANNED_LAYER_TYPE"
    PARCEL_ID = "PARCEL_ID"
    CURRENT_FIELD = "CURRENT_FIELD"
    CURRENT_SYSTEM = "CURRENT_SYSTEM"
    PLANNED_FIELD = "PLANNED_FIELD"
    PLANNED_SYSTEM = "PLANNED_SYSTEM"
    UNIT_FIELD = "UNIT_FIELD"
    UNIT_PREFIX = "UNIT_PREFIX"
    UNITS = "UNITS"
    UNIT_ID = "UNIT_ID"
    UNIT_NAME = "UNIT_NAME"
    PROJECT_FIELD = "PROJECT_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    AREA_FIELD = "AREA_FIELD"
    KCXS_FIELD = "KCXS_FIELD"
    PLANNED_KCXS_FIELD = "PLANNED_KCXS_FIELD"
    GRADE_FIELD = "GRADE_FIELD"
    PLANNED_GRADE_FIELD = "PLANNED_GRADE_FIELD"
    FARMLAND_FIELD = "FARMLAND_FIELD"
    PLANNED_FARMLAND_FIELD = "PLANNED_FARMLAND_FIELD"
    REDLINE = "REDLINE"
    BEACHES = "BEACHES"
    TYPES = "TYPES"
    BEACH_CODES = "BEACH_CODES"
    TOLERANCE = "TOLERANCE"
    FARMLAND_GAIN_MIN = "FARMLAND_GAIN_MIN"
    LINKAGE_MIN = "LINKAGE_MIN"
    GRADE_TOLERANCE = "GRADE_TOLERANCE"
    AREA_METHOD = "AREA_METHOD"
    UNIT_LEDGER = "UNIT_LEDGER"
    UNIT_GRADES = "UNIT_GRADES"
    CERTIFICATES = "CERTIFICATES"
    PROJECT_CERTIFICATES = "PROJECT_CERTIFICATES"
    XLSX = "XLSX"
    REPORT = "REPORT"

    DEFAULTS = {TOLERANCE: 1.0, FARMLAND_GAIN_MIN: 1.05, LINKAGE_MIN: 1.0, GRADE_TOLERANCE: 0.0}
    OPTIONS = {TOLERANCE: "tolerance_m2", FARMLAND_GAIN_MIN: "farmland_gain_min", LINKAGE_MIN: "linkage_min",
               GRADE_TOLERANCE: "grade_tolerance"}

    def name(self) -> str:
        return "unitledger"

    def displayName(self) -> str:
        return tr("Unit ledger (balance sheet per unit)")

    def group(self) -> str:
        return tr("Land consolidation")

    def groupId(self) -> str:
        return "consolidation"

    def tags(self) -> List[str]:
        return tr("unit ledger,balance sheet,双挂钩,增减挂钩,占补平衡,cultivated land,permanent farmland,reclamation,"
                  "certificate,复垦券").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>The balance sheet of every planning or consolidation unit between the current and the planned land "
            "use of each parcel (or two survey years). Units come from a field of the parcels (a unit code, or "
            "ZLDWDM) or from a units layer (each parcel in the unit it overlaps most).</p>"
            "<p>L1 cultivated land (耕地 codes: 设施农用地 and 田坎 are not) net of 田坎 (KCXS): opening, lost by cause, gained by cause, 田坎 change, "
            "closing; not decreasing. L2 quality (GDDB, 1 best … 15): area by grade and area-weighted mean grade, "
            "not worse. L3 permanent farmland adjusted in at least 105 % of what is adjusted out, with a mean "
            "grade not worse. L4 construction land reclaimed (拆旧) and newly built (建新): total not increasing. "
            "L5 linkage (增减挂钩): reclaimed at least the newly built, no reclaimed parcel on a river beach. L6 "
            "standard forest (the voucher coefficients) not decreasing. L7 nothing changed inside the ecological "
            "red line except ecological restoration.</p>"
            "<p>Two survey years (or a plan) as separate layers: give the later land use as its own layer. The "
            "parcels layer is then the current land use; the two are overlaid and every piece carries both "
            "years' codes, 田坎 coefficients, grades and farmland flags, with its computed area. The layers must "
            "cover the same land.</p>"
            "<p>A unit passes when every rule passes, fails when one fails, and is undetermined when a rule could "
            "not be checked (no grade, no red-line layer, a code without a coefficient). Every threshold is a "
            "parameter and is written into the table.</p>"
            "<p>Reclaimed parcels planned as cultivated, garden, forest or grassland get reclamation certificates "
            "(复垦券) numbered per project, with the area reclaimed to each and its standard-forest hectares; a "
            "parcel on a river beach is not issuable.</p>")

    def createInstance(self) -> "UnitLedgerAlgorithm":
        return UnitLedgerAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.PARCELS, tr("Parcels (current and planned land "
                                                                               "use)"), polygons))
        self.addParameter(QgsProcessingParameterField(self.PARCEL_ID, tr("Parcel id field"), SURVEY_ID_FIELD,
                                                      parentLayerParameterName=self.PARCELS))
        self.addParameter(QgsProcessingParameterField(self.CURRENT_FIELD, tr("Current land-use code field"),
                                                      LAND_USE_CODE_FIELD, parentLayerParameterName=self.PARCELS))
        self.addParameter(QgsProcessingParameterEnum(self.CURRENT_SYSTEM, tr("Current classification system"),
                                                     list(SYSTEMS), defaultValue=SYSTEMS.index(DEFAULT_SYSTEM)))
        self.addParameter(QgsProcessingParameterField(self.PLANNED_FIELD, tr("Planned land-use code field"),
                                                      PARCEL_PLANNED_FIELD, parentLayerParameterName=self.PARCELS,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PLANNED_SYSTEM, tr("Planned classification system"),
                                                     list(SYSTEMS), defaultValue=SYSTEMS.index(DEFAULT_SYSTEM)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNED_LAYER, tr("Planned or later land use as a layer of its own (two survey years; optional)"),
            polygons, optional=True))
        for name, description, known in (
                (self.PLANNED_LAYER_ID, tr("Parcel id field of the later layer"), SURVEY_ID_FIELD),
                (self.PLANNED_LAYER_CODE, tr("Land-use code field of the later layer"), LAND_USE_CODE_FIELD),
                (self.PLANNED_LAYER_KCXS, tr("田坎 coefficient field of the later layer"), TIANKAN_SHARE_FIELD),
                (self.PLANNED_LAYER_GRADE, tr("Cultivated land grade field of the later layer"), GRADE_FIELD),
                (self.PLANNED_LAYER_FARMLAND, tr("In permanent farmland in the later layer (1/0 field)"), None),
                (self.PLANNED_LAYER_PROJECT, tr("Project field of the later layer"), None),
                (self.PLANNED_LAYER_TYPE, tr("Project type field of the later layer"), None)):
            self.addParameter(QgsProcessingParameterField(name, description, known,
                                                          parentLayerParameterName=self.PLANNED_LAYER,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterField(self.UNIT_FIELD, tr("Unit field of the parcels (or a units "
                                                                          "layer below)"),
                                                      parentLayerParameterName=self.PARCELS, optional=True))
        add_advanced(self, QgsProcessingParameterNumber(
            self.UNIT_PREFIX, tr("Unit: the first N characters of the unit field (ZLDWDM: 12 village, 9 town; 0: "
                                 "all)"), QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0,
            maxValue=64))
        self.addParameter(QgsProcessingParameterFeatureSource(self.UNITS, tr("Units layer (optional)"), polygons,
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(self.UNIT_ID, tr("Unit id field"), ADMIN_CODE_FIELD,
                                                      parentLayerParameterName=self.UNITS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.UNIT_NAME, tr("Unit name field"), ADMIN_NAME_FIELD,
                                                      parentLayerParameterName=self.UNITS, optional=True))
        for name, description, known in (
                (self.KCXS_FIELD, tr("田坎 coefficient field (current)"), TIANKAN_SHARE_FIELD),
                (self.PLANNED_KCXS_FIELD, tr("田坎 coefficient field (planned; empty: the current one)"), None),
                (self.GRADE_FIELD, tr("Cultivated land grade field (current)"), GRADE_FIELD),
                (self.PLANNED_GRADE_FIELD, tr("Cultivated land grade field (planned)"), None),
                (self.FARMLAND_FIELD, tr("In permanent farmland now (1/0 field)"), None),
                (self.PLANNED_FARMLAND_FIELD, tr("In permanent farmland after the adjustment plan (1/0 field)"),
                 None),
                (self.PROJECT_FIELD, tr("Project field (numbers the certificates)"), PARCEL_PROJECT_FIELD),
                (self.TYPE_FIELD, tr("Project type field (ecological restoration may change the red line)"),
                 PARCEL_TYPE_FIELD)):
            self.addParameter(QgsProcessingParameterField(name, description, known,
                                                          parentLayerParameterName=self.PARCELS, optional=True))
        add_advanced(self, QgsProcessingParameterField(self.AREA_FIELD, tr("Official area field (m²; empty: "
                                                                           "computed)"),
                                                       parentLayerParameterName=self.PARCELS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.REDLINE, tr("Ecological protection red line"),
                                                              polygons, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.BEACHES, tr("River beaches (optional)"), polygons,
                                                              optional=True))
        add_advanced(self, QgsProcessingParameterFile(self.TYPES, tr("Project types table (value,kind; empty: "
                                                                     "preset)"), extension="csv", optional=True))
        add_advanced(self, QgsProcessingParameterString(
            self.BEACH_CODES, tr("River-beach codes (space separated; empty: the system's preset)"), optional=True))
        for name, description in ((self.FARMLAND_GAIN_MIN, tr("Farmland adjusted in ÷ out, at least")),
                                  (self.LINKAGE_MIN, tr("Construction land reclaimed ÷ newly built, at least")),
                                  (self.GRADE_TOLERANCE, tr("Mean grade may worsen by at most")),
                                  (self.TOLERANCE, tr("Ignore red-line and river-beach overlaps below (m²)"))):
            self.addParameter(QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Double,
                                                           defaultValue=self.DEFAULTS[name], minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.UNIT_LEDGER, tr("Unit balance sheets"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.UNIT_GRADES, tr("Cultivated land by grade"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CERTIFICATES, tr("Reclamation certificates"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.PROJECT_CERTIFICATES,
                                                            tr("Reclamation certificates per project"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.XLSX, tr("Ledger tables (XLSX)"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Ledger report, a page per unit (PDF)"), tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        for name, description in (("PASS_COUNT", tr("Units passed")), ("FAIL_COUNT", tr("Units failed")),
                                  ("UNDETERMINED_COUNT", tr("Units undetermined"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if is_set(parameters.get(self.UNITS)) and is_set(parameters.get(self.UNIT_FIELD)):
            return False, tr("Give the units either by a field of the parcels or by a units layer, not both.")
        if is_set(parameters.get(self.UNITS)) and not is_set(parameters.get(self.UNIT_ID)):
            return False, tr("Choose the unit id field.")
        years = is_set(parameters.get(self.PLANNED_LAYER))
        later = self.PLANNED_LAYER_FARMLAND if years else self.PLANNED_FARMLAND_FIELD
        if is_set(parameters.get(self.FARMLAND_FIELD)) != is_set(parameters.get(later)):
            return False, tr("Permanent farmland needs both fields: inside now and inside after the adjustment "
                             "plan.")
        if years and not is_set(parameters.get(self.PLANNED_LAYER_CODE)):
            return False, tr("Choose the land-use code field of the later layer.")
        if years and is_set(parameters.get(self.AREA_FIELD)):
            return False, tr("An official area field cannot be used with two land-use layers: every piece of "
                             "their overlay gets its computed area.")
        if not years and not is_set(parameters.get(self.PLANNED_FIELD)):
            return False, tr("Choose the planned land-use code field, or give the later land use as a layer of "
                             "its own.")
        return True, ""

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> LedgerRequest:
        parcels = optional_source(self, parameters, self.PARCELS, context)
        if parcels is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.PARCELS))
        labels = {"parcels": layer_label(self, parameters, self.PARCELS, context, "parcels")}
        for name, role in ((self.UNITS, "units"), (self.REDLINE, "redline"), (self.BEACHES, "beaches")):
            labels[role] = layer_label(self, parameters, name, context, role)
        options = LedgerOptions(area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        for name, option in self.OPTIONS.items():
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) \
                else self.DEFAULTS[name]
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)

        def text(name: str) -> Optional[str]:
            return optional_text(self, parameters, name, context) or None

        planned = optional_source(self, parameters, self.PLANNED_LAYER, context)
        if planned is not None:
            return self._years_request(parameters, context, parcels, planned, labels, options, text)
        return LedgerRequest(
            parcels=parcels, id_field=text(self.PARCEL_ID) or "", current_field=text(self.CURRENT_FIELD) or "",
            planned_field=text(self.PLANNED_FIELD) or "",
            current_system=SYSTEMS[self.parameterAsEnum(parameters, self.CURRENT_SYSTEM, context)],
            planned_system=SYSTEMS[self.parameterAsEnum(parameters, self.PLANNED_SYSTEM, context)],
            unit_field=text(self.UNIT_FIELD),
            unit_prefix=self.parameterAsInt(parameters, self.UNIT_PREFIX, context)
            if is_set(parameters.get(self.UNIT_PREFIX)) else 0,
            units=optional_source(self, parameters, self.UNITS, context),
            unit_id_field=text(self.UNIT_ID), unit_name_field=text(self.UNIT_NAME),
            project_field=text(self.PROJECT_FIELD), type_field=text(self.TYPE_FIELD),
            area_field=text(self.AREA_FIELD), kcxs_field=text(self.KCXS_FIELD),
            planned_kcxs_field=text(self.PLANNED_KCXS_FIELD), grade_field=text(self.GRADE_FIELD),
            planned_grade_field=text(self.PLANNED_GRADE_FIELD), farmland_field=text(self.FARMLAND_FIELD),
            planned_farmland_field=text(self.PLANNED_FARMLAND_FIELD),
            redline=optional_source(self, parameters, self.REDLINE, context),
            beaches=optional_source(self, parameters, self.BEACHES, context), types_csv=text(self.TYPES),
            beach_codes=text(self.BEACH_CODES), options=options, labels=labels)

    def _years_request(self, parameters: Dict[str, Any], context: QgsProcessingContext, current: Any,
                       planned: Any, labels: Dict[str, str], options: LedgerOptions,
                       text: Any) -> LedgerRequest:
        """Two survey years: PARCELS is the current land use, PLANNED_LAYER the later one; the
        project and type fields of the later layer, else those of the parcels when it has them."""
        labels["planned"] = layer_label(self, parameters, self.PLANNED_LAYER, context, "planned")

        def current_field(name: str) -> Optional[str]:
            value = text(name)
            return value if value and current.fields().lookupField(value) >= 0 else None

        return LedgerRequest(
            parcels=current, planned=planned, id_field=text(self.PARCEL_ID) or "",
            planned_id_field=text(self.PLANNED_LAYER_ID) or text(self.PARCEL_ID) or "",
            current_field=text(self.CURRENT_FIELD) or "", planned_field=text(self.PLANNED_LAYER_CODE) or "",
            current_system=SYSTEMS[self.parameterAsEnum(parameters, self.CURRENT_SYSTEM, context)],
            planned_system=SYSTEMS[self.parameterAsEnum(parameters, self.PLANNED_SYSTEM, context)],
            unit_field=text(self.UNIT_FIELD),
            unit_prefix=self.parameterAsInt(parameters, self.UNIT_PREFIX, context)
            if is_set(parameters.get(self.UNIT_PREFIX)) else 0,
            units=optional_source(self, parameters, self.UNITS, context),
            unit_id_field=text(self.UNIT_ID), unit_name_field=text(self.UNIT_NAME),
            project_field=text(self.PLANNED_LAYER_PROJECT) or current_field(self.PROJECT_FIELD),
            type_field=text(self.PLANNED_LAYER_TYPE) or current_field(self.TYPE_FIELD),
            kcxs_field=text(self.KCXS_FIELD), planned_kcxs_field=text(self.PLANNED_LAYER_KCXS),
            grade_field=text(self.GRADE_FIELD), planned_grade_field=text(self.PLANNED_LAYER_GRADE),
            farmland_field=text(self.FARMLAND_FIELD), planned_farmland_field=text(self.PLANNED_LAYER_FARMLAND),
            redline=optional_source(self, parameters, self.REDLINE, context),
            beaches=optional_source(self, parameters, self.BEACHES, context), types_csv=text(self.TYPES),
            beach_codes=text(self.BEACH_CODES), options=options, labels=labels)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = run_ledger(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in summary_lines(result):
            feedback.pushInfo(line)
        outputs = self._write(result, parameters, context)
        styles = ((self.UNIT_LEDGER, style_units_layer), (self.UNIT_GRADES, style_grades_table),
                  (self.CERTIFICATES, style_certificates_layer), (self.PROJECT_CERTIFICATES, style_projects_table))
        for name, style in styles:
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        if is_set(parameters.get(self.REPORT)):
            path = self.parameterAsFileOutput(parameters, self.REPORT, context)
            if path:
                outputs[self.REPORT] = self._report(outputs, Path(path), parameters, context, feedback)
        verdicts = [u["verdict"] for u in result.units]
        outputs.update(PASS_COUNT=verdicts.count(1), FAIL_COUNT=verdicts.count(0),
                       UNDETERMINED_COUNT=verdicts.count(-1))
        return outputs

    def _report(self, outputs: Dict[str, Any], pdf: Path, parameters: Dict[str, Any], context: QgsProcessingContext,
                feedback: QgsProcessingFeedback) -> str:
        """The PDF of the ledger just written, a page per unit, from the output layers."""
        layers = {name: QgsProcessingUtils.mapLayerFromString(outputs[name], context)
                  for name in (self.UNIT_LEDGER, self.UNIT_GRADES, self.CERTIFICATES)}
        if layers[self.UNIT_LEDGER] is None:
            raise QgsProcessingException(tr("The ledger report needs the unit balance sheets as a layer."))
        style_units_layer(layers[self.UNIT_LEDGER])
        if layers[self.CERTIFICATES] is not None:
            style_certificates_layer(layers[self.CERTIFICATES])
        source = layer_label(self, parameters, self.PARCELS, context, "parcels")
        try:
            result = export_ledger_report(LedgerReportLayers(layers[self.UNIT_LEDGER], layers[self.UNIT_GRADES],
                                                             layers[self.CERTIFICATES], source), pdf,
                                          project=context.project(), feedback=None)
        except GUARDED as e:
            raise processing_error(e) from e
        for warning in result.warnings:
            feedback.pushWarning(warning)
        return str(pdf)

    def _write(self, result: LedgerResult, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> Dict[str, Any]:
        spatial = bool(result.unit_geometries)
        outputs: Dict[str, Any] = {
            self.UNIT_LEDGER: write_rows(self, parameters, self.UNIT_LEDGER, context, fields_of(UNIT_FIELDS),
                                         QgsWkbTypes.MultiPolygon if spatial else QgsWkbTypes.NoGeometry, result.crs,
                                         ((unit_attributes(u, result.parameters),
                                           result.unit_geometries.get(u["unit_id"]) if spatial else None)
                                          for u in result.units)),
            self.UNIT_GRADES: write_rows(self, parameters, self.UNIT_GRADES, context, fields_of(GRADE_FIELDS),
                                         QgsWkbTypes.NoGeometry, result.crs,
                                         ((row, None) for u in result.units for row in grade_rows(u))),
            self.CERTIFICATES: write_rows(self, parameters, self.CERTIFICATES, context,
                                          fields_of(CERTIFICATE_FIELDS), QgsWkbTypes.MultiPolygon, result.crs,
                                          ((certificate_attributes(c),
                                            result.certificate_geometries[c["parcel_index"]])
                                           for c in result.certificates)),
            self.PROJECT_CERTIFICATES: write_rows(self, parameters, self.PROJECT_CERTIFICATES, context,
                                                  fields_of(PROJECT_FIELDS), QgsWkbTypes.NoGeometry, result.crs,
                                                  ((project_attributes(p), None) for p in result.projects)),
        }
        if is_set(parameters.get(self.XLSX)):
            path = self.parameterAsFileOutput(parameters, self.XLSX, context)
            if path:
                try:
                    write_xlsx(Path(path), result)
                except GUARDED as e:
                    raise processing_error(e) from e
                outputs[self.XLSX] = path
        return outputs
