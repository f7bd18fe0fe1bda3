"""Processing algorithm guotu:areabyunitcode — area of each land-use class per survey unit,
the unit read from each parcel's own code (三调 ZLDWDM) instead of a zones layer; names of
the units from a layer as delivered (XZQ, CJDCQ). The work is tally/tally_by_code.py."""

from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeedback, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsWkbTypes)

from ..binding.native import AreaMethod, InvalidPolicy
from ..i18n import tr
from ..inputs.layer_files import FileInput
from ..inputs.table_schemas import table_layout
from ..paths import icon_path
from ..tally.area_check import DEFAULT_ABS_M2, DEFAULT_REL, OFFICIAL_AREA_FIELD, AreaCheckRequest
from ..tally.code_units import name_of
from ..tally.tally_by_code import LEVELS, CodeTallyRequest, CodeTallyResult, run_code_tally, unit_names
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, LAND_USE_CODE_FIELD, TIANKAN_SHARE_FIELD,
                     add_advanced, is_set, processing_error, write_sink)
from .tally_report import report_area_check, style_tally_outputs, write_area_check

UNIT_CODE_FIELD = "ZLDWDM"  # 坐落单位代码: the parcel's unit, 6 county + 3 town + 3 village digits


def unit_level_options() -> List[str]:
    """The unit levels of a 三调 ZLDWDM code, in the order of LEVELS, then the whole code."""
    return [tr("County (6 characters)"), tr("Town (9 characters)"), tr("Village (12 characters)"),
            tr("The whole code")]


def unit_code_length(level: int) -> int:
    """Characters of the code that make the unit of option ``level`` (0: the whole code)."""
    return LEVELS[level][0] if level < len(LEVELS) else 0


class AreaByUnitCodeAlgorithm(GuotuAlgorithm):
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    UNIT_CODE_FIELD = "UNIT_CODE_FIELD"
    LEVEL = "LEVEL"
    NAMES = "NAMES"
    NAMES_CODE_FIELD = "NAMES_CODE_FIELD"
    NAMES_NAME_FIELD = "NAMES_NAME_FIELD"
    AREA_METHOD = "AREA_METHOD"
    INVALID = "INVALID"
    DEDUCT = "DEDUCT_TIANKAN"
    CHECK_AREAS = "CHECK_AREAS"
    AREA_CHECK_ABS = "AREA_CHECK_ABS"
    AREA_CHECK_REL = "AREA_CHECK_REL"
    OUTPUT = "OUTPUT"
    AREA_CHECK = "AREA_CHECK"

    def name(self) -> str:
        return "areabyunitcode"

    def displayName(self) -> str:
        return tr("Area by survey unit (ZLDWDM) and land-use class")

    def group(self) -> str:
        return tr("Statistics")

    def groupId(self) -> str:
        return "statistics"

    def tags(self) -> List[str]:
        return tr("area,land use,county,town,village,ZLDWDM,三调,statistics,hectare").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Area in hectares of each land-use class in each county, town or village, the unit "
            "read from each parcel's own code: the first 6 (county), 9 (town) or 12 (village) "
            "characters of the 三调 field ZLDWDM. No zones layer is needed, and no overlay: each "
            "parcel lies in the unit its code names. Areas are ellipsoidal unless planar is chosen; "
            "田坎 is deducted by KCXS as in the area by zone.</p>"
            "<p><b>Unit names</b> (optional): a layer as delivered holding the units' codes and "
            "names — XZQ (XZQDM, XZQMC) for counties and towns, CJDCQ (ZLDWDM, ZLDWMC) for "
            "villages; a code padded with zeros to 19 characters names the unit it starts with. A "
            "code named twice differently is refused; a unit without a name gets an empty name "
            "and a warning.</p>"
            "<p><b>Area check</b>: each parcel's ellipsoidal area against its official area (TBMJ), "
            "as in the area by zone.</p>")

    def createInstance(self) -> "AreaByUnitCodeAlgorithm":
        return AreaByUnitCodeAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.LANDUSE, tr("Land use (三调 DLTB)"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Land-use class field"), LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_CODE_FIELD, tr("Unit code field"), UNIT_CODE_FIELD, parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterEnum(
            self.LEVEL, tr("Unit"), unit_level_options(), defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.NAMES, tr("Unit names (e.g. XZQ or CJDCQ)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAMES_CODE_FIELD, tr("Unit names: code field"), ADMIN_CODE_FIELD, parentLayerParameterName=self.NAMES,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.NAMES_NAME_FIELD, tr("Unit names: name field"), ADMIN_NAME_FIELD, parentLayerParameterName=self.NAMES,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_METHOD, tr("Area method"), [tr("Ellipsoidal"), tr("Planar")],
            defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterEnum(
            self.INVALID, tr("Invalid geometries"), [tr("Repair"), tr("Fail")], defaultValue=int(InvalidPolicy.REPAIR)))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEDUCT, tr("Deduct 田坎 (KCXS) from cultivated parcels"), defaultValue=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CHECK_AREAS, tr("Check each parcel's area against its official area (TBMJ)"), defaultValue=True))
        add_advanced(self, QgsProcessingParameterNumber(
            self.AREA_CHECK_ABS, tr("Area check: absolute tolerance (m²)"), QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_ABS_M2, minValue=0.0))
        add_advanced(self, QgsProcessingParameterNumber(
            self.AREA_CHECK_REL, tr("Area check: relative tolerance (share of the official area)"),
            QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_REL, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Area by unit and class"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.AREA_CHECK, tr("Parcels whose area differs from the official area"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if is_set(parameters.get(self.NAMES)) and not (is_set(parameters.get(self.NAMES_CODE_FIELD))
                                                       and is_set(parameters.get(self.NAMES_NAME_FIELD))):
            return False, tr("Choose the code and name fields of the unit names layer.")
        return True, ""

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        try:
            request = self._request(parameters, context)
            names = self._names(parameters, context)
            land_use = FileInput("landuse", self.input_layer(parameters, self.LANDUSE, context),
                                 parameters.get(self.LANDUSE))
            result = run_code_tally(request, land_use, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        report_area_check(result.area_check, feedback)
        outputs = {self.OUTPUT: self._write(result, names, parameters, context, feedback)}
        findings = write_area_check(self, parameters, self.AREA_CHECK, context, result.area_check)
        if findings is not None:
            outputs[self.AREA_CHECK] = findings
        style_tally_outputs(context, outputs, self.OUTPUT, self.AREA_CHECK)
        return outputs

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> CodeTallyRequest:
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        if landuse is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LANDUSE))
        level = self.parameterAsEnum(parameters, self.LEVEL, context)
        deduction = None
        if self.parameterAsBoolean(parameters, self.DEDUCT, context):
            index = landuse.fields().lookupField(TIANKAN_SHARE_FIELD)
            deduction = landuse.fields().at(index).name() if index >= 0 else None
        check = None
        if self.parameterAsBoolean(parameters, self.CHECK_AREAS, context):
            index = landuse.fields().lookupField(OFFICIAL_AREA_FIELD)
            if index >= 0:
                check = AreaCheckRequest(field=landuse.fields().at(index).name(),
                                         abs_m2=self._number(parameters, self.AREA_CHECK_ABS, DEFAULT_ABS_M2, context),
                                         rel=self._number(parameters, self.AREA_CHECK_REL, DEFAULT_REL, context))
        return CodeTallyRequest(
            landuse=landuse, class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context),
            code_field=self.parameterAsString(parameters, self.UNIT_CODE_FIELD, context),
            code_length=unit_code_length(level),
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)),
            invalid=InvalidPolicy(self.parameterAsEnum(parameters, self.INVALID, context)),
            deduction_field=deduction, area_check=check)

    def _number(self, parameters: Dict[str, Any], name: str, default: float, context: QgsProcessingContext) -> float:
        return self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) else default

    def _names(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[Dict[str, str]]:
        if not is_set(parameters.get(self.NAMES)):
            return None
        source = self.parameterAsSource(parameters, self.NAMES, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.NAMES))
        return unit_names(source, self.parameterAsString(parameters, self.NAMES_CODE_FIELD, context),
                          self.parameterAsString(parameters, self.NAMES_NAME_FIELD, context))

    def _write(self, result: CodeTallyResult, names: Optional[Dict[str, str]], parameters: Dict[str, Any],
               context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> str:
        fields, arrange = table_layout("tally", ("zone_id", "zone_name", "class_code", "area_ha"),
                                       *(("zone_names",) if names is not None else ()))
        unnamed = sorted({zone for zone, _c, _a in result.rows if names is not None and name_of(names, zone) is None})
        if unnamed:
            feedback.pushWarning(tr("{count} units have no name in the names layer (the first: \"{first}\"): their "
                                    "zone_name is empty.").format(count=len(unnamed), first=unnamed[0]))
        rows = ((arrange((zone, name_of(names, zone) or "" if names is not None else None, code, ha)), None)
                for zone, code, ha in result.rows)
        dest = write_sink(self, parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry,
                          QgsCoordinateReferenceSystem(), rows)
        feedback.pushInfo(tr("{units} units, {rows} rows; tallied {ha:.4f} ha.").format(
            units=len({z for z, _c, _a in result.rows}), rows=len(result.rows), ha=result.stats["tallied_area_ha"]))
        return dest
