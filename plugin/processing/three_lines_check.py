"""Processing algorithm guotu:threelinescheck — three control lines check (三区三线检查).

Maps parameters onto core.lines_check.LinesRequest, runs it and writes the CLI's three
tables: ISSUES (areas, MultiPolygon), ISSUE_POINTS (L01 locations) and LINE_STATS (per
admin unit), with the CLI's field names and numbers; optionally the statistics as CSV.
The layers are QGIS layers, so unsaved edits, selections and filters count. Layers not
given are read from WORKSPACE (a workspace GeoPackage); the exceptions table is the one
given, or else the one of the workspace the red line layer comes from. The admin layer's
fields are chosen (default: the known names XZQDM, XZQMC, erl_target_ha …, matched in any
case); a rule whose target is missing is not checked, and NOTES (and the log) say so, as the
CLI's table notes does.
"""

import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsFields, QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber, QgsProcessingOutputNumber,
                       QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes)

from ..lines.lines_check import (ADMIN_CODE, find_field, ADMIN_NAME, ADMIN_VALUE_FIELDS, DEFAULT_SYSTEM, DEFAULTS, ISSUE_FIELDS,
                                NOTE_FIELDS, STATS_FIELDS, SYSTEMS, LinesRequest, LinesResult, rule_titles,
                                run_check, stats_attributes, summary_lines)
from ..binding.lines_native import RULES, LinesOptions
from ..lines.lines_report import style_issues_layer, style_stats_layer, write_stats_csv
from ..lines.lines_workspace import ADMIN_LAYER, EXCEPTIONS_TABLE, LINE_LAYERS, gpkg_tables
from ..binding.native import AreaMethod
from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..paths import icon_path
from ..tally.code_units import UNIT_ID_FIELD, UNIT_NAME_FIELD, units_layer
from ..tally.tally_by_code import unit_names
from .area_by_unit_code import unit_code_length, unit_level_options
from .base import GuotuAlgorithm
from .common import (GUARDED, LAND_USE_CODE_FIELD, TIANKAN_SHARE_FIELD, VoucherLayerStyler, add_advanced, is_set,
                     processing_error)
from .workspace_inputs import (fields_of, layer_label, optional_source, optional_text, workspace_layer, workspace_path,
                               write_rows)

def workspace_of(layer: Optional[QgsVectorLayer]) -> Optional[Path]:
    """The GeoPackage an OGR layer comes from, or None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = Path(parts.get("path") or "")
    return path if path.suffix.lower() == ".gpkg" and path.is_file() else None


class ThreeLinesCheckAlgorithm(GuotuAlgorithm):
    WORKSPACE = "WORKSPACE"
    REDLINE = "REDLINE"
    FARMLAND = "FARMLAND"
    URBAN = "URBAN"
    ADMIN = "ADMIN"
    ADMIN_ID = "ADMIN_ID"
    ADMIN_NAME = "ADMIN_NAME"
    REDLINE_TARGET = "REDLINE_TARGET"
    FARMLAND_TARGET = "FARMLAND_TARGET"
    URBAN_2020_FIELD = "URBAN_2020_FIELD"
    EXPANSION_CAP_FIELD = "EXPANSION_CAP_FIELD"
    EXCEPTIONS = "EXCEPTIONS"
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    DEDUCT = "DEDUCT"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    SYSTEM = "SYSTEM"
    URBAN_2020 = "URBAN_2020"
    AREA_METHOD = "AREA_METHOD"
    SLIVER_WIDTH = "SLIVER_WIDTH"
    MIN_PATCH = "MIN_PATCH"
    MINOR_OVERLAP = "MINOR_OVERLAP"
    GAP_MIN = "GAP_MIN"
    GAP_MAX = "GAP_MAX"
    EXPANSION_CAP = "EXPANSION_CAP"
    FARMLAND_SHARE = "FARMLAND_SHARE"
    RULES = "RULES"
    ISSUES = "ISSUES"
    ISSUE_POINTS = "ISSUE_POINTS"
    LINE_STATS = "LINE_STATS"
    STATS_CSV = "STATS_CSV"
    NOTES = "NOTES"
    # Admin units from the land use's own unit codes (三调 ZLDWDM) instead of a layer.
    ADMIN_CODE_FIELD = "ADMIN_CODE_FIELD"
    ADMIN_CODE_LEVEL = "ADMIN_CODE_LEVEL"
    ADMIN_NAMES = "ADMIN_NAMES"
    ADMIN_NAMES_CODE_FIELD = "ADMIN_NAMES_CODE_FIELD"
    ADMIN_NAMES_NAME_FIELD = "ADMIN_NAMES_NAME_FIELD"

    # parameter -> workspace table
    TABLES = {REDLINE: LINE_LAYERS[0], FARMLAND: LINE_LAYERS[1], URBAN: LINE_LAYERS[2], ADMIN: ADMIN_LAYER}
    # admin value field parameter -> its known name (ADMIN_VALUE_FIELDS order)
    VALUE_FIELDS = {REDLINE_TARGET: ADMIN_VALUE_FIELDS[0], FARMLAND_TARGET: ADMIN_VALUE_FIELDS[1],
                    URBAN_2020_FIELD: ADMIN_VALUE_FIELDS[2], EXPANSION_CAP_FIELD: ADMIN_VALUE_FIELDS[3]}
    # threshold parameter -> (LinesOptions field, ...)
    THRESHOLDS = {SLIVER_WIDTH: "sliver_width_m", MIN_PATCH: "min_patch_m2", MINOR_OVERLAP: "minor_overlap_m2",
                  GAP_MIN: "gap_min_m", GAP_MAX: "gap_max_m", EXPANSION_CAP: "expansion_cap",
                  FARMLAND_SHARE: "farmland_share"}

    def __init__(self) -> None:
        super().__init__()
        self._owned: List[QgsVectorLayer] = []

    def name(self) -> str:
        return "threelinescheck"

    def displayName(self) -> str:
        return tr("Three control lines check")

    def group(self) -> str:
        return tr("Three control lines")

    def groupId(self) -> str:
        return "threelines"

    def tags(self) -> List[str]:
        return tr("three control lines,red line,farmland,urban development boundary,overlap,sliver,target,"
                  "check,quality").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Checks the three control lines (三区三线) of a workspace: the ecological protection red line, "
            "permanent basic farmland and the urban development boundary.</p>"
            "<p>Rules: L01 invalid geometry, L02 duplicate features, L03 overlaps within a line, L04–L06 overlaps "
            "between lines (with the resolution of the 2019 guideline: the urban boundary yields to both, farmland "
            "to the red line), L07 slivers, L08 tiny patches, L09 narrow gaps between features of one line, L10 "
            "features across admin boundaries; per admin unit L11 the urban expansion multiple over its cap, L12 "
            "farmland and L13 red line below target, L14 farmland below the share of cultivated land.</p>"
            "<p><b>Layers</b>: the workspace's layers as they are in the project (unsaved edits count), your own "
            "layers as delivered (a planning database, a File Geodatabase, shapefiles), or a workspace GeoPackage "
            "for the layers not given. Line layers in another CRS than the admin units are reprojected to theirs "
            "(the log and the notes say so). Widths and gaps are metres: with geographic (CGCS2000 or WGS 84) "
            "admin units every layer is read in the 3-degree Gauss-Krüger zone of all the layers' centre and the "
            "outputs are in that zone, as <i>guotu lines check</i> does (the notes say so).</p>"
            "<p><b>Admin fields</b>: the admin code and name and the targets, matched in any case (defaults: "
            "XZQDM, XZQMC, erl_target_ha, pbf_target_ha, urban_2020_ha, expansion_cap). A rule whose target is "
            "missing is not checked: L11 without 2020 urban land, L12 without a farmland target, L13 without a red "
            "line target, L14 without land use; the notes table says which and why, and the statistics show no "
            "value there. Without a cap field the expansion cap below applies to every unit.</p>"
            "<p><b>Land use</b> (optional): cultivated land for L14 is the area of the codes whose category in "
            "the classification system's conversion preset is cultivated. <b>2020 urban land</b> (optional): its "
            "area in each admin unit replaces the admin layer's urban_2020_ha.</p>"
            "<p>Defaults follow the specification: sliver width 1 m, minimum patch 50 m², expansion cap 1.3, "
            "farmland share 0.8; overlaps under 1 m² are minor. Issues whose fingerprint is in the workspace's "
            "exceptions table are marked accepted; the exception lapses when the features involved change.</p>"
            "<p>Outputs: issues (areas), issue points (invalid geometry) and statistics by admin unit, with the "
            "fields and numbers of <i>guotu lines check</i>.</p>") + tr(
            "<p><b>田坎</b>: cultivated land for L14 is net of 田坎 when the land use has the deduction coefficient "
            "(KCXS of a 三调 layer, or the field chosen): the deducted share of each parcel is left out, as "
            "<i>guotu lines check --deduction</i> does. Untick the option to count gross areas.</p>") + tr(
            "<p><b>No field</b>: emptying the admin name or a target field of a chosen admin layer means none, even "
            "when the layer has a field of the known name; the rule is then not checked and the notes say so.</p>")

    def createInstance(self) -> "ThreeLinesCheckAlgorithm":
        return ThreeLinesCheckAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFile(
            self.WORKSPACE, tr("Workspace GeoPackage (for the layers not given below)"), extension="gpkg",
            optional=True))
        for name, description in ((self.REDLINE, tr("Ecological protection red line")),
                                  (self.FARMLAND, tr("Permanent basic farmland")),
                                  (self.URBAN, tr("Urban development boundary")),
                                  (self.ADMIN, tr("Admin units with targets"))):
            self.addParameter(QgsProcessingParameterFeatureSource(name, description, polygons, optional=True))
        for name, description, known in (
                (self.ADMIN_ID, tr("Admin code field"), ADMIN_CODE),
                (self.ADMIN_NAME, tr("Admin name field"), ADMIN_NAME),
                (self.REDLINE_TARGET, tr("Red line target field (ha)"), ADMIN_VALUE_FIELDS[0]),
                (self.FARMLAND_TARGET, tr("Farmland target field (ha)"), ADMIN_VALUE_FIELDS[1]),
                (self.URBAN_2020_FIELD, tr("2020 urban construction land field (ha)"), ADMIN_VALUE_FIELDS[2]),
                (self.EXPANSION_CAP_FIELD, tr("Expansion cap field"), ADMIN_VALUE_FIELDS[3])):
            self.addParameter(QgsProcessingParameterField(name, description, known,
                                                          parentLayerParameterName=self.ADMIN, optional=True))
        add_advanced(self, QgsProcessingParameterFeatureSource(
            self.EXCEPTIONS, tr("Accepted exceptions (empty: the workspace's table)"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Land use, for cultivated land (L14)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Land-use class field"), LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE,
            optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEDUCT, tr("Deduct 田坎 (KCXS) from cultivated parcels"), defaultValue=True))
        self.addParameter(QgsProcessingParameterField(
            self.DEDUCTION_FIELD, tr("Deduction coefficient field (empty: KCXS when the layer has it)"),
            TIANKAN_SHARE_FIELD, parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE_FIELD, tr("Or admin units from the land use's unit codes: code field (三调 ZLDWDM)"),
            None, parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ADMIN_CODE_LEVEL, tr("Unit of the codes"), unit_level_options(), defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN_NAMES, tr("Unit names (e.g. XZQ or CJDCQ)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_NAMES_CODE_FIELD, tr("Unit names: code field"), ADMIN_CODE,
            parentLayerParameterName=self.ADMIN_NAMES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_NAMES_NAME_FIELD, tr("Unit names: name field"), ADMIN_NAME,
            parentLayerParameterName=self.ADMIN_NAMES, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.SYSTEM, tr("Classification system"), list(SYSTEMS), defaultValue=SYSTEMS.index(DEFAULT_SYSTEM)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.URBAN_2020, tr("2020 urban construction land (empty: the admin units' urban_2020_ha)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_METHOD, tr("Area method"), [tr("Ellipsoidal"), tr("Planar")],
            defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        for name, description in (
                (self.SLIVER_WIDTH, tr("Sliver: mean width below (m)")),
                (self.MIN_PATCH, tr("Tiny patch: area below (m²)")),
                (self.MINOR_OVERLAP, tr("Minor overlap: area below (m²)")),
                (self.GAP_MIN, tr("Narrow gap: wider than (m)")),
                (self.GAP_MAX, tr("Narrow gap: at most (m)")),
                (self.EXPANSION_CAP, tr("Urban expansion cap (urban boundary ÷ 2020 urban land)")),
                (self.FARMLAND_SHARE, tr("Farmland share of cultivated land, at least"))):
            parameter = QgsProcessingParameterNumber(name, description, QgsProcessingParameterNumber.Double,
                                                     defaultValue=DEFAULTS[self.THRESHOLDS[name]], minValue=0.0)
            if name in (self.MINOR_OVERLAP, self.GAP_MIN, self.GAP_MAX):
                add_advanced(self, parameter)
            else:
                self.addParameter(parameter)
        titles = rule_titles()
        self.addParameter(QgsProcessingParameterEnum(
            self.RULES, tr("Rules to run (none chosen: all)"), [f"{rule} {titles[rule]}" for rule in RULES],
            allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ISSUES, tr("Three-lines issues"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ISSUE_POINTS, tr("Three-lines issue points"), QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LINE_STATS, tr("Three-lines statistics"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.STATS_CSV, tr("Statistics as CSV"), tr("CSV files (*.csv)"), optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.NOTES, tr("Three-lines notes (rules not checked, layers reprojected)"), QgsProcessing.TypeVector,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("ISSUE_COUNT", tr("Number of issues")))
        self.addOutput(QgsProcessingOutputNumber("ACCEPTED_COUNT", tr("Number of accepted exceptions")))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        by_code = is_set(parameters.get(self.ADMIN_CODE_FIELD))
        if by_code and is_set(parameters.get(self.ADMIN)):
            return False, tr("Give the admin units as a layer or by the land use's unit codes, not both.")
        if by_code and not is_set(parameters.get(self.LANDUSE)):
            return False, tr("Admin units from unit codes need the land use whose codes they are.")
        if is_set(parameters.get(self.ADMIN_NAMES)) and not (is_set(parameters.get(self.ADMIN_NAMES_CODE_FIELD))
                                                             and is_set(parameters.get(self.ADMIN_NAMES_NAME_FIELD))):
            return False, tr("Choose the code and name fields of the unit names layer.")
        if not is_set(parameters.get(self.WORKSPACE)):
            missing = [name for name in self.TABLES if not is_set(parameters.get(name))
                       and not (name == self.ADMIN and by_code)]
            if missing:
                return False, tr("Give a workspace GeoPackage, or all four layers (red line, farmland, urban "
                                 "boundary and admin units).")
        if is_set(parameters.get(self.LANDUSE)) and not is_set(parameters.get(self.CLASS_FIELD)):
            return False, tr("Choose the land-use class field.")
        return True, ""

    # ---- parameters -> request ----

    def _workspace(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[Path]:
        return workspace_path(self, parameters, self.WORKSPACE, context)

    def _from_workspace(self, workspace: Path, table: str, tables: List[str]) -> QgsVectorLayer:
        return workspace_layer(workspace, table, tables, self._owned)

    def _source(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext):
        return optional_source(self, parameters, name, context)

    def _label(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, fallback: str) -> str:
        return layer_label(self, parameters, name, context, fallback)

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> LinesRequest:
        self._owned = []
        workspace = self._workspace(parameters, context)
        tables = gpkg_tables(workspace) if workspace is not None else []
        sources: Dict[str, Any] = {}
        labels: Dict[str, str] = {}
        for name, table in self.TABLES.items():
            if is_set(parameters.get(name)):
                sources[name] = self._source(parameters, name, context)
                labels[table] = self._label(parameters, name, context, table)
            elif workspace is not None:
                sources[name] = self._from_workspace(workspace, table, tables)
                labels[table] = table
            else:
                sources[name] = None
        exceptions = self._source(parameters, self.EXCEPTIONS, context)
        if exceptions is None:
            home = workspace
            if home is None and is_set(parameters.get(self.REDLINE)):
                try:
                    home = workspace_of(self.parameterAsVectorLayer(parameters, self.REDLINE, context))
                except QgsProcessingException:
                    home = None
            if home is not None and EXCEPTIONS_TABLE in (tables if home == workspace else gpkg_tables(home)):
                layer = QgsVectorLayer(f"{home}|layername={EXCEPTIONS_TABLE}", EXCEPTIONS_TABLE, "ogr")
                if layer.isValid():
                    self._owned.append(layer)
                    exceptions = layer
        landuse = self._source(parameters, self.LANDUSE, context)
        by_code = is_set(parameters.get(self.ADMIN_CODE_FIELD)) and landuse is not None
        if by_code:
            sources[self.ADMIN] = self._code_units(parameters, landuse, context)
            labels[self.TABLES[self.ADMIN]] = sources[self.ADMIN].name()
        urban_2020 = self._source(parameters, self.URBAN_2020, context)
        if landuse is not None:
            labels["landuse"] = self._label(parameters, self.LANDUSE, context, "landuse")
        if urban_2020 is not None:
            labels["urban_2020"] = self._label(parameters, self.URBAN_2020, context, "urban_2020")
        options = LinesOptions(area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        for name, option in self.THRESHOLDS.items():
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) \
                else DEFAULTS[option]
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)
        if options.gap_max_m < options.gap_min_m:
            raise QgsProcessingException(tr("The narrow-gap band is empty: its upper width is below its lower "
                                             "width."))
        chosen = self.parameterAsEnums(parameters, self.RULES, context) if is_set(parameters.get(self.RULES)) else []
        options.rules = tuple(RULES[i] for i in chosen)
        return LinesRequest(
            redline=sources[self.REDLINE], farmland=sources[self.FARMLAND], urban=sources[self.URBAN],
            admin=sources[self.ADMIN], exceptions=exceptions, landuse=landuse,
            class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context) or None,
            system=SYSTEMS[self.parameterAsEnum(parameters, self.SYSTEM, context)], urban_2020=urban_2020,
            deduction_field=self._deduction_field(parameters, context, landuse),
            options=options, labels=labels,
            admin_id_field=UNIT_ID_FIELD if by_code else self._field(parameters, self.ADMIN_ID, ADMIN_CODE, context),
            admin_name_field=UNIT_NAME_FIELD if by_code else self._field(parameters, self.ADMIN_NAME, ADMIN_NAME,
                                                                         context, sources[self.ADMIN]),
            value_fields=tuple(self._field(parameters, name, known, context, None if by_code else sources[self.ADMIN])
                               for name, known in self.VALUE_FIELDS.items()))

    def _code_units(self, parameters: Dict[str, Any], landuse, context: QgsProcessingContext) -> QgsVectorLayer:
        """The admin units made from the land use's unit codes, as guotu lines check
        --admin-code-field makes them: each the union of its parcels, named from the names layer."""
        names = None
        if is_set(parameters.get(self.ADMIN_NAMES)):
            source = self._source(parameters, self.ADMIN_NAMES, context)
            names = unit_names(source, self.parameterAsString(parameters, self.ADMIN_NAMES_CODE_FIELD, context),
                               self.parameterAsString(parameters, self.ADMIN_NAMES_NAME_FIELD, context))
        field = self.parameterAsString(parameters, self.ADMIN_CODE_FIELD, context)
        length = unit_code_length(self.parameterAsEnum(parameters, self.ADMIN_CODE_LEVEL, context))
        try:
            layer = units_layer(landuse, field, length, names)
        except GUARDED as e:
            raise processing_error(e) from e
        self._owned.append(layer)
        return layer

    def _deduction_field(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         landuse) -> Optional[str]:
        """The 田坎 coefficient field of the land use: the one chosen, else KCXS when the layer
        has it (in any case); None when switched off (guotu lines check --deduction none)."""
        if landuse is None or not self.parameterAsBoolean(parameters, self.DEDUCT, context):
            return None
        if is_set(parameters.get(self.DEDUCTION_FIELD)):
            return self.parameterAsString(parameters, self.DEDUCTION_FIELD, context)
        index = landuse.fields().lookupField(TIANKAN_SHARE_FIELD)
        return landuse.fields().at(index).name() if index >= 0 else None

    def _field(self, parameters: Dict[str, Any], name: str, known: str, context: QgsProcessingContext,
               admin=None) -> Optional[str]:
        """A chosen admin field; None for the known name (which may then be missing). The name
        or a target field of a chosen admin layer (``admin``) that has a field of the known name
        but arrives empty ('' from qgis_process NAME=, a NULL QVariant from the dialog's emptied
        field) is "" (none: the user switched it off). Not given at all (processing.run without
        it), or with the admin units from a workspace (no layer for the widgets to list), it
        stays the known name."""
        if (admin is not None and is_set(parameters.get(self.ADMIN)) and name in parameters
                and parameters[name] is not None and not is_set(parameters[name]) and find_field(admin, known) >= 0):
            return ""
        value = optional_text(self, parameters, name, context)
        return None if value is None or value.casefold() == known.casefold() else value

    # ---- run ----

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = run_check(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        finally:
            self._owned = []
        feedback.pushInfo(tr("Areas: {method}.").format(method=area_method_text(result.area_description)))
        for line in summary_lines(result):
            feedback.pushInfo(line)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        for note in result.notes:
            feedback.pushWarning(note.text())
        outputs = self._write(result, parameters, context)
        for name, style in ((self.ISSUES, style_issues_layer), (self.ISSUE_POINTS, style_issues_layer),
                            (self.LINE_STATS, style_stats_layer)):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                details = context.layerToLoadOnCompletionDetails(dest)
                details.setPostProcessor(VoucherLayerStyler.create(style))
        outputs["ISSUE_COUNT"] = len(result.issues)
        outputs["ACCEPTED_COUNT"] = result.accepted
        return outputs

    def _sink(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, fields: QgsFields,
              wkb_type: int, crs, rows) -> str:
        return write_rows(self, parameters, name, context, fields, wkb_type, crs, rows)

    def _write(self, result: LinesResult, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> Dict[str, Any]:
        fields = fields_of(ISSUE_FIELDS)
        outputs: Dict[str, Any] = {
            self.ISSUES: self._sink(parameters, self.ISSUES, context, fields, QgsWkbTypes.MultiPolygon, result.crs,
                                    ((r.attributes(), r.geometry) for r in result.issues if not r.is_point)),
            self.ISSUE_POINTS: self._sink(parameters, self.ISSUE_POINTS, context, fields, QgsWkbTypes.Point,
                                          result.crs,
                                          ((r.attributes(), r.geometry) for r in result.issues if r.is_point)),
        }
        if is_set(parameters.get(self.NOTES)):
            outputs[self.NOTES] = self._sink(parameters, self.NOTES, context, fields_of(NOTE_FIELDS),
                                             QgsWkbTypes.NoGeometry, result.crs,
                                             ((note.attributes(), None) for note in result.notes))
        rows = [stats_attributes(s) for s in result.stats]
        outputs[self.LINE_STATS] = self._sink(parameters, self.LINE_STATS, context, fields_of(STATS_FIELDS),
                                              QgsWkbTypes.NoGeometry, result.crs, ((row, None) for row in rows))
        if is_set(parameters.get(self.STATS_CSV)):
            path = self.parameterAsFileOutput(parameters, self.STATS_CSV, context)
            if path:
                try:
                    write_stats_csv(Path(path), rows)
                except OSError as e:
                    raise QgsProcessingException(tr('Cannot write "{path}": {error}').format(path=path, error=e)) \
                        from e
                outputs[self.STATS_CSV] = path
        return outputs
