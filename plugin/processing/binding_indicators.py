"""Processing algorithm guotu:bindingindicators — binding plan indicators (约束性指标) per admin
unit: measured from land use, compared with the targets handed down (SPEC §12).

The work is indicators.indicators_check.run_indicators; this class maps parameters, reports
and writes the unit map (styled by the number of failed indicators), the table and the
CSV for the meeting.
"""

import csv
import io
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsGeometry, QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingParameterBoolean, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsWkbTypes)

from ..binding.indicators_native import KEYS
from ..i18n import chinese_ui, tr
from ..indicators.indicators_check import (ROW_FIELDS, UNIT_FIELDS, IndicatorsRequest, IndicatorsResult,
                                           TargetTable, row_attributes, run_indicators, unit_attributes)
from ..indicators.indicators_style import style_rows_table, style_units_layer
from ..inputs.layer_files import FileInput
from ..inputs.output_files import write_bytes_atomically
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, LAND_USE_CODE_FIELD, TIANKAN_SHARE_FIELD,
                     VoucherLayerStyler, add_advanced, is_set, processing_error)
from .workspace_inputs import fields_of, write_rows


def target_titles() -> List[str]:
    """The target parameters' titles, in KEYS order."""
    return [tr("Target: cultivated land to keep 耕地保有量 (ha)"),
            tr("Target: permanent farmland protection task 永久基本农田保护任务 (ha)"),
            tr("Target: total construction land 建设用地总规模 (ha, ceiling)"),
            tr("Target: urban-rural construction land 城乡建设用地规模 (ha, ceiling)"),
            tr("Target: new construction on cultivated land 新增建设占用耕地规模 (ha, ceiling)"),
            tr("Target: forest cover 森林覆盖率 (%)"),
            tr("Target: forest land to keep 林地保有量 (ha)"),
            tr("Target: forest land taken 占用征收林地 (ha, ceiling)")]


def table_target_titles() -> List[str]:
    """The targets table's column parameters' titles, in KEYS order."""
    return [tr("Targets table: column of 耕地保有量 cultivated land to keep"),
            tr("Targets table: column of 永久基本农田保护任务 permanent farmland"),
            tr("Targets table: column of 建设用地总规模 total construction land"),
            tr("Targets table: column of 城乡建设用地规模 urban-rural construction land"),
            tr("Targets table: column of 新增建设占用耕地规模 new construction on cultivated land"),
            tr("Targets table: column of 森林覆盖率 forest cover (%)"),
            tr("Targets table: column of 林地保有量 forest land to keep"),
            tr("Targets table: column of 占用征收林地 forest land taken")]


def csv_text(rows: List[list], chinese: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([title if chinese else name for name, _kind, title in ROW_FIELDS])
    for row in rows:
        writer.writerow(["" if v is None else (repr(v) if isinstance(v, float) else v) for v in row])
    return out.getvalue()


class BindingIndicatorsAlgorithm(GuotuAlgorithm):
    ADMIN = "ADMIN"
    ADMIN_CODE = "ADMIN_CODE"
    ADMIN_NAME = "ADMIN_NAME"
    TARGETS = [f"TARGET_{key.upper()}" for key in KEYS]
    TARGET_UNIT = "TARGET_UNIT"
    TARGETS_TABLE = "TARGETS_TABLE"
    TARGETS_CODE = "TARGETS_CODE"
    TABLE_TARGETS = [f"TABLE_TARGET_{key.upper()}" for key in KEYS]
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    DEDUCT = "DEDUCT_TIANKAN"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    BEFORE = "BEFORE"
    BEFORE_CLASS_FIELD = "BEFORE_CLASS_FIELD"
    FARMLAND = "FARMLAND"
    TOLERANCE = "TOLERANCE"
    UNITS = "UNITS"
    TABLE = "TABLE"
    CSV = "CSV"
    CSV_HEADERS = "CSV_HEADERS"

    def name(self) -> str:
        return "bindingindicators"

    def displayName(self) -> str:
        return tr("Binding plan indicators per admin unit")

    def group(self) -> str:
        return tr("Three control lines")

    def groupId(self) -> str:
        return "threelines"

    def tags(self) -> List[str]:
        return tr("binding indicators,target,cultivated land,farmland,construction land,forest cover,forest land,"
                  "admin unit,annual check").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Checks every admin unit against the binding indicators (约束性指标) handed down by the "
            "higher-level plan: the measured value, the target, the difference, the ratio and pass or fail "
            "with the rule.</p>"
            "<p><b>Floors</b> (measured ≥ target): cultivated land to keep 耕地保有量, permanent farmland "
            "protection task 永久基本农田保护任务, forest cover 森林覆盖率 (%), forest land to keep 林地保有量. "
            "<b>Ceilings</b> (measured ≤ target): total construction land 建设用地总规模, urban-rural "
            "construction land 城乡建设用地规模, new construction on cultivated land 新增建设占用耕地规模, "
            "forest land taken 占用征收林地.</p>"
            "<p><b>Targets</b> are fields of the admin layer, or columns of a targets table (a CSV file or a "
            "table layer with one row per admin unit, keyed by its admin code, as <code>guotu indicators "
            "--targets</code> reads it); choose the field or column of each target you have. A unit whose target "
            "is empty, or that has no row in the table, skips that indicator with a note: it never passes. Area "
            "targets are in hectares or mu.</p>"
            "<p><b>Measured</b>, with ellipsoidal areas inside each unit: cultivated land (net of 田坎 with "
            "the deduction coefficient KCXS), forest land, construction land and urban-rural construction "
            "land from the land use by the class groups of the 三调 working classification; forest cover is "
            "forest land ÷ the unit's area; permanent farmland from the farmland layer; with the earlier "
            "survey year, new construction on cultivated land (cultivated → construction) and forest land "
            "taken (forest → construction) from the overlay of the two years, whole parcels (gross of "
            "田坎). Without those layers the indicators are 'not measured'.</p>"
            "<p>Outputs: the admin units coloured by the number of failed indicators, the table (one row per "
            "unit and indicator, Chinese column names as aliases) and optionally a CSV for the meeting. The "
            "same as <code>guotu indicators</code> on the command line.</p>")

    def createInstance(self) -> "BindingIndicatorsAlgorithm":
        return BindingIndicatorsAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.ADMIN, tr("Admin units"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE, tr("Admin code field"), ADMIN_CODE_FIELD, parentLayerParameterName=self.ADMIN))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_NAME, tr("Admin name field"), ADMIN_NAME_FIELD, parentLayerParameterName=self.ADMIN,
            optional=True))
        for name, title in zip(self.TARGETS, target_titles()):
            self.addParameter(QgsProcessingParameterField(
                name, title, parentLayerParameterName=self.ADMIN, optional=True,
                type=QgsProcessingParameterField.Numeric))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGETS_TABLE, tr("Targets table (CSV or table layer; empty: the targets are fields of the admin "
                                   "layer)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.TARGETS_CODE, tr("Targets table: admin code column"), ADMIN_CODE_FIELD,
            parentLayerParameterName=self.TARGETS_TABLE, optional=True))
        for name, title in zip(self.TABLE_TARGETS, table_target_titles()):
            self.addParameter(QgsProcessingParameterField(
                name, title, parentLayerParameterName=self.TARGETS_TABLE, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TARGET_UNIT, tr("Area targets in"), [tr("hectares"), tr("mu (15 mu = 1 ha)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LANDUSE, tr("Land use (三调 DLTB)"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Land-use class field"), LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEDUCT, tr("Deduct 田坎 (KCXS) from cultivated parcels"), defaultValue=True))
        self.addParameter(QgsProcessingParameterField(
            self.DEDUCTION_FIELD, tr("Deduction coefficient field (empty: KCXS when the layer has it)"),
            TIANKAN_SHARE_FIELD, parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BEFORE, tr("Land use of the earlier survey year (for the change-based indicators)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BEFORE_CLASS_FIELD, tr("Class field of the earlier year"), LAND_USE_CODE_FIELD,
            parentLayerParameterName=self.BEFORE, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, tr("Permanent farmland"), polygons, optional=True))
        add_advanced(self, QgsProcessingParameterNumber(
            self.TOLERANCE, tr("Tolerance (share of the target)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.0, minValue=0.0, maxValue=0.99))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.UNITS, tr("Admin units by failed indicators"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TABLE, tr("Binding indicators"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.CSV, tr("Binding indicators as CSV"), tr("CSV files (*.csv)"), optional=True,
            createByDefault=False))
        add_advanced(self, QgsProcessingParameterEnum(
            self.CSV_HEADERS, tr("CSV column headers"), [tr("Chinese names"), tr("field names")], defaultValue=0))

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> IndicatorsRequest:
        def source(name: str, required: bool = True):
            value = self.parameterAsSource(parameters, name, context)
            if value is None and (required or is_set(parameters.get(name))):
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return value

        admin, landuse = source(self.ADMIN), source(self.LANDUSE)
        before, farmland = source(self.BEFORE, False), source(self.FARMLAND, False)
        targets = {k: self.parameterAsString(parameters, name, context)
                   for k, name in enumerate(self.TARGETS) if is_set(parameters.get(name))}
        table = self._target_table(parameters, context)
        if table is None and not targets:
            raise QgsProcessingException(tr("Choose at least one target field of the admin layer."))
        if table is not None and targets:
            raise QgsProcessingException(tr("The targets come from the targets table or from fields of the admin "
                                             "layer, not both: clear the admin layer's target fields."))
        deduction: Optional[str] = None
        if self.parameterAsBoolean(parameters, self.DEDUCT, context):
            if is_set(parameters.get(self.DEDUCTION_FIELD)):
                deduction = self.parameterAsString(parameters, self.DEDUCTION_FIELD, context)
            else:
                index = landuse.fields().lookupField(TIANKAN_SHARE_FIELD)
                deduction = landuse.fields().at(index).name() if index >= 0 else None
        name_field = (self.parameterAsString(parameters, self.ADMIN_NAME, context)
                      if is_set(parameters.get(self.ADMIN_NAME)) else None)
        if name_field and admin.fields().lookupField(name_field) < 0 and name_field == ADMIN_NAME_FIELD:
            name_field = None  # the delivered name field is missing: units are named by their codes
        return IndicatorsRequest(
            admin=admin, admin_code_field=self.parameterAsString(parameters, self.ADMIN_CODE, context),
            admin_name_field=name_field, landuse=landuse,
            class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context), targets=targets,
            deduction_field=deduction, before=before,
            before_class_field=(self.parameterAsString(parameters, self.BEFORE_CLASS_FIELD, context)
                                if is_set(parameters.get(self.BEFORE_CLASS_FIELD)) else None),
            farmland=farmland, targets_in_mu=self.parameterAsEnum(parameters, self.TARGET_UNIT, context) == 1,
            tolerance=(self.parameterAsDouble(parameters, self.TOLERANCE, context)
                       if is_set(parameters.get(self.TOLERANCE)) else 0.0), target_table=table,
            files={role: FileInput(role, self.input_layer(parameters, name, context), parameters.get(name))
                   for role, name in (("admin", self.ADMIN), ("landuse", self.LANDUSE))})

    def _target_table(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[TargetTable]:
        """The targets table with its columns, or None (targets from the admin layer's fields)."""
        if not is_set(parameters.get(self.TARGETS_TABLE)):
            return None
        source = self.parameterAsSource(parameters, self.TARGETS_TABLE, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.TARGETS_TABLE))
        columns = {k: self.parameterAsString(parameters, name, context)
                   for k, name in enumerate(self.TABLE_TARGETS) if is_set(parameters.get(name))}
        if not columns:
            raise QgsProcessingException(tr("Choose at least one target column of the targets table."))
        code = (self.parameterAsString(parameters, self.TARGETS_CODE, context)
                if is_set(parameters.get(self.TARGETS_CODE)) else ADMIN_CODE_FIELD)
        return TargetTable(source, code, columns)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = run_indicators(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        self._report(result, feedback)
        rows = [row_attributes(result, row) for row in result.rows]
        outputs: Dict[str, Any] = {
            self.UNITS: write_rows(self, parameters, self.UNITS, context, fields_of(UNIT_FIELDS),
                                   QgsWkbTypes.MultiPolygon, result.crs,
                                   ((unit_attributes(u), self._geometry(result, u.admin_code))
                                    for u in result.units)),
            self.TABLE: write_rows(self, parameters, self.TABLE, context, fields_of(ROW_FIELDS),
                                   QgsWkbTypes.NoGeometry, result.crs, ((row, None) for row in rows)),
        }
        for name, style in ((self.UNITS, style_units_layer), (self.TABLE, style_rows_table)):
            dest = outputs[name]
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        if is_set(parameters.get(self.CSV)):
            path = self.parameterAsFileOutput(parameters, self.CSV, context)
            if path:
                chinese = self.parameterAsEnum(parameters, self.CSV_HEADERS, context) == 0
                try:
                    write_bytes_atomically(Path(path), b"\xef\xbb\xbf" + csv_text(rows, chinese).encode("utf-8"))
                except OSError as e:
                    raise QgsProcessingException(tr('Cannot write "{path}": {error}').format(path=path, error=e)) \
                        from e
                outputs[self.CSV] = path
        outputs["FAILED_COUNT"] = sum(u.failed for u in result.units)
        return outputs

    @staticmethod
    def _geometry(result: IndicatorsResult, code: str) -> QgsGeometry:
        geometry = QgsGeometry()
        geometry.fromWkb(result.wkb[code])
        if not geometry.isMultipart():
            geometry.convertToMultiType()
        return geometry

    @staticmethod
    def _report(result: IndicatorsResult, feedback: QgsProcessingFeedback) -> None:
        passed = sum(u.passed for u in result.units)
        failed = sum(u.failed for u in result.units)
        skipped = sum(u.skipped for u in result.units)
        feedback.pushInfo(tr("Binding indicators of {n} admin units: {passed} passed, {failed} failed (in {units} "
                             "units), {skipped} not compared.").format(
            n=len(result.units), passed=passed, failed=failed, units=sum(1 for u in result.units if u.failed),
            skipped=skipped))
        for en, zh in result.notes:
            feedback.pushWarning(zh if chinese_ui() else en)
