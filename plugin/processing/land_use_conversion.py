"""Processing algorithm guotu:landuseconversion — land-use conversion map (用途转用图).

Maps parameters onto core.convert.ConversionRequest and streams the overlay's pieces
into the CONVERSIONS sink as the core makes them; then writes the transition, status
and unknown-code tables. Field names and numbers are those of ``guotu convert``.
With a three-lines WORKSPACE (a GeoPackage of ``guotu lines init`` / "New three-lines
workspace"), the pieces are split by the lines and carry the field ``line``; the optional
LINE_SUMMARY output has the area by zone, line and status (``guotu convert --workspace``).
"""

import os
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from osgeo import gdal
from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry, QgsMapLayer, QgsProcessing,
                       QgsProcessingContext, QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingFeedback, QgsProcessingLayerPostProcessorInterface, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingUtils, QgsProperty,
                       QgsRasterLayer, QgsVectorLayer, QgsWkbTypes)

from ..conversion.conversion_style import status_label, style_conversions_layer, write_style_to_gpkg
from ..conversion.convert import (LINE_SUMMARY_FIELDS, LINES, STATUS_FIELDS, SYSTEMS, TRANSITION_FIELDS,
                            UNIT_TRANSITION_FIELDS, UNKNOWN_FIELDS, ConversionPiece, ConversionRequest,
                            ConversionResult, LandUseInput,
                            conversion_fields, piece_row, run_conversion)
from ..lines.lines_workspace import gpkg_tables, workspace_layer
from ..binding.errors import GuotuError, GuotuInputError, GuotuLibraryError
from ..binding.native import AreaMethod, InvalidPolicy
from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..paths import icon_path
from ..tally.tally_by_code import unit_names
from .area_by_unit_code import unit_code_length, unit_level_options
from .base import GuotuAlgorithm
from .common import ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, LAND_USE_CODE_FIELD, add_advanced, is_set, processing_error
from ..inputs.layer_files import FileInput
from .land_use_conversion_files import run_from_files
from .land_use_conversion_outputs import MAP_TABLE, OutputPlan, plain_file_destinations, plan_outputs
from ..inputs.table_schemas import Arrange, table_layout

ALGORITHM_ID = "landuseconversion"


# The output tables (resources/schemas/<table>.csv) by output parameter, and the values the
# plugin's rows give, in their order (convert.py's tuples).
TABLES = {"TRANSITIONS": ("transitions", TRANSITION_FIELDS), "STATUS_SUMMARY": ("status_summary", STATUS_FIELDS),
          "UNKNOWN": ("unknown_codes", UNKNOWN_FIELDS), "LINE_SUMMARY": ("line_summary", LINE_SUMMARY_FIELDS),
          "UNIT_TRANSITIONS": ("unit_transitions", UNIT_TRANSITION_FIELDS)}


def table_output(name: str) -> Tuple[QgsFields, Arrange]:
    """The fields of output table ``name`` (a parameter name of TABLES) as its schema
    declares them, and the reordering of the plugin's rows into them."""
    table, filled = TABLES[name]
    return table_layout(table, filled)


def conversions_output(with_lines: bool) -> Tuple[QgsFields, Arrange]:
    """The conversion map's fields as resources/schemas/conversions.csv declares them."""
    return table_layout("conversions", conversion_fields(with_lines), *(("lines",) if with_lines else ()))


def raster_input(value: Any, context: QgsProcessingContext) -> Optional[str]:
    """The name of ``value`` when it is a raster (layer or file), else None."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.name() if isinstance(value, QgsRasterLayer) else None
    if not isinstance(value, str) or not value:
        return None
    layer = QgsProcessingUtils.mapLayerFromString(value, context, False)
    if layer is not None:
        return layer.name() if isinstance(layer, QgsRasterLayer) else None
    path = value.split("|", 1)[0]
    if not os.path.isfile(path):
        return None
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        vector = gdal.OpenEx(path, gdal.OF_VECTOR)
        if vector is not None and vector.GetLayerCount() > 0:
            return None
        return path if gdal.OpenEx(path, gdal.OF_RASTER) is not None else None
    finally:
        gdal.PopErrorHandler()


def status_area_text(status: str, area: float) -> str:
    """A status total of the log in the user's language."""
    return tr("  {status}: {area:.2f} ha").format(status=status_label(status), area=area)


def all_unknown_layers(result: ConversionResult) -> List[str]:
    """The layers ("before", "after") whose every polygon was "unknown": no code of theirs is in
    the category table used (a wrong classification system or field, not a conversion)."""
    roles = []
    for role in ("before", "after"):
        total = result.stats.get(f"{role}_area_ha", 0.0)
        unknown = sum(area for _code, layer, area in result.unknown if layer == role)
        if total > 0 and unknown >= total * (1 - 1e-9):
            roles.append(role)
    return roles


def nothing_known_text(role: str, table: str) -> str:
    """Why a whole layer came out "unknown", and what to do about it."""
    texts = {"before": tr('No code of the before layer is in the category table used ({table}): all of its '
                          'area is "unknown" and the map shows no conversion. Check that the class field holds '
                          'the codes, not the names (DLBM, not DLMC), and choose the classification system of '
                          'its codes (三调 DLBM codes are SANDIAO_WORK) or a category table of its own; then run '
                          'again.'),
             "after": tr('No code of the after layer is in the category table used ({table}): all of its '
                         'area is "unknown" and the map shows no conversion. Check that the class field holds '
                         'the codes, not the names (DLBM, not DLMC), and choose the classification system of '
                         'its codes (三调 DLBM codes are SANDIAO_WORK) or a category table of its own; then run '
                         'again.')}
    return texts[role].format(table=table)


class ConversionLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles the conversions output once QGIS has loaded it into the project."""

    # Processing keeps only a C++ pointer: the Python objects must be kept alive here.
    _alive: List["ConversionLayerStyler"] = []

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,  # noqa: N802
                         feedback: QgsProcessingFeedback) -> None:
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            style_conversions_layer(layer)

    @classmethod
    def create(cls) -> "ConversionLayerStyler":
        instance = cls()
        cls._alive.append(instance)
        del cls._alive[:-64]  # a long session must not keep every styler forever
        return instance


class LandUseConversionAlgorithm(GuotuAlgorithm):
    BEFORE = "BEFORE"
    BEFORE_CLASS_FIELD = "BEFORE_CLASS_FIELD"
    BEFORE_SYSTEM = "BEFORE_SYSTEM"
    AFTER = "AFTER"
    AFTER_CLASS_FIELD = "AFTER_CLASS_FIELD"
    AFTER_SYSTEM = "AFTER_SYSTEM"
    ZONES = "ZONES"
    ZONE_ID = "ZONE_ID"
    # Or a matrix per survey unit of the before parcels' codes (三调 ZLDWDM), no zones layer.
    UNIT_CODE_FIELD = "UNIT_CODE_FIELD"
    UNIT_LEVEL = "UNIT_LEVEL"
    UNIT_TRANSITIONS = "UNIT_TRANSITIONS"
    # Their names in the table (guotu convert --zone-names): XZQ, CJDCQ or the survey itself.
    UNIT_NAMES = "UNIT_NAMES"
    UNIT_NAMES_CODE_FIELD = "UNIT_NAMES_CODE_FIELD"
    UNIT_NAMES_NAME_FIELD = "UNIT_NAMES_NAME_FIELD"
    POLICY = "POLICY"
    BEFORE_CATEGORIES = "BEFORE_CATEGORIES"
    AFTER_CATEGORIES = "AFTER_CATEGORIES"
    AREA_METHOD = "AREA_METHOD"
    INVALID = "INVALID"
    CONVERSIONS = "CONVERSIONS"
    TRANSITIONS = "TRANSITIONS"
    STATUS_SUMMARY = "STATUS_SUMMARY"
    UNKNOWN = "UNKNOWN"
    WORKSPACE = "WORKSPACE"
    LINE_SUMMARY = "LINE_SUMMARY"

    def __init__(self) -> None:
        super().__init__()
        self._owned: List[QgsVectorLayer] = []  # workspace layers, alive while the run reads them

    def name(self) -> str:
        return ALGORITHM_ID

    def displayName(self) -> str:
        return tr("Land-use conversion map")

    def group(self) -> str:
        return tr("Land-use conversion")

    def groupId(self) -> str:
        return "conversion"

    def tags(self) -> List[str]:
        return tr("land use,conversion,change,transition matrix,policy,prohibited,policy gap,"
                  "overlay").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Land-use conversion map (用途转用): overlays the land use <b>before</b> and <b>after</b> and "
            "gives every piece where the use changed, or not, its policy status.</p>"
            "<p>Each class code maps to one of ten policy categories (cultivated, garden, forest, grassland, "
            "farm water works, aquaculture water, river/lake water, other unused land, sea, construction) "
            "through the category table of its <b>classification system</b>, or a code,category CSV of "
            "your own. The <b>policy table</b> (default: the provincial table, 10 × 10 pairs; or a CSV with "
            "from,to,status,paths_zh,paths_en) gives each pair a status: <b>same</b> (not a conversion), "
            "<b>path</b> (legal paths named), <b>conditional</b>, <b>prohibited</b> or <b>gap</b> (no "
            "conversion policy exists). Codes in no category table are reported as <b>unknown</b>.</p>"
            "<p>Outputs: the <b>conversion pieces</b> (from_code, to_code, categories, status, legal paths "
            "in Chinese and English, area_ha, dm_ha = change in standard-forest ha from the voucher "
            "coefficients, zone_id); the <b>transitions</b> by category and by code, per zone and '*' for "
            "all zones; the <b>status summary</b>; the <b>unknown codes</b>. The pieces are styled by "
            "status when loaded.</p>"
            "<p><b>Three-lines workspace</b> (optional, a GeoPackage made with New three-lines workspace or "
            "<i>guotu lines init</i>): the pieces are also split by the ecological protection red line, the "
            "permanent basic farmland and the urban development boundary (the red line wins where they overlap, "
            "then farmland) and get a field <b>line</b>; the optional <b>line summary</b> gives the area by "
            "zone, line and status (e.g. prohibited conversions inside the red line). Prohibited and "
            "policy-gap pieces inside the red line or farmland are outlined on the map.</p>"
            "<p>Both inputs are polygon layers (two rasters: <i>Land-use conversion map (rasters)</i>). The "
            "after layer and the "
            "zones are reprojected to the CRS of the before layer. Areas are ellipsoidal or planar.</p>") + tr(
            "<p><b>Keeping the results</b>: save the conversion map to a GeoPackage file. The tables left as "
            "temporary layers are then written into the same file (layers conversions, transitions, "
            "status_summary, unknown_codes, line_summary: the names of <i>guotu convert</i>), and the map's style "
            "is stored in it, so the file opens styled in any QGIS. Temporary layers are lost when QGIS closes.</p>") + tr(
            "<p><b>Transitions per unit</b> without a zones layer: the unit code field of the before layer "
            "(三调 ZLDWDM) and the unit — its first 6 characters are the county, 9 the town, 12 the village. "
            "Each piece belongs to the unit of the before-year parcel it comes from (its zone_id); the table "
            "unit_transitions has the area and standard-forest change per unit, from code and to code, and its "
            "sums over the units are the whole matrix. As guotu convert --zone-code-field.</p>") + tr(
            "<p><b>Unit names</b> (optional) fill unit_name of the transitions per unit, as guotu convert "
            "--zone-names does: XZQ (XZQDM, XZQMC) for counties and towns, CJDCQ or the survey itself (ZLDWDM, "
            "ZLDWMC) for villages; a code padded with zeros names the unit it starts with.</p>")

    def createInstance(self) -> "LandUseConversionAlgorithm":
        return LandUseConversionAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        # Both years default to the 三调 working classification, as the class fields default to the
        # survey's DLBM: a default pair that disagreed made every code of a survey "unknown".
        for layer, field, system, layer_text, field_text, system_text, default in (
                (self.BEFORE, self.BEFORE_CLASS_FIELD, self.BEFORE_SYSTEM, tr("Land use before (polygons)"),
                 tr("Land-use class field (before)"), tr("Classification system (before)"), 1),
                (self.AFTER, self.AFTER_CLASS_FIELD, self.AFTER_SYSTEM, tr("Land use after (polygons)"),
                 tr("Land-use class field (after)"), tr("Classification system (after)"), 1)):
            self.addParameter(QgsProcessingParameterFeatureSource(layer, layer_text, polygons))
            self.addParameter(QgsProcessingParameterField(field, field_text, LAND_USE_CODE_FIELD,
                                                          parentLayerParameterName=layer))
            self.addParameter(QgsProcessingParameterEnum(system, system_text, list(SYSTEMS), defaultValue=default))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones (optional: a matrix per zone)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID, tr("Zone id field"), ADMIN_CODE_FIELD, parentLayerParameterName=self.ZONES,
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_CODE_FIELD, tr("Or a matrix per unit of the before parcels' codes: code field (三调 ZLDWDM)"),
            None, parentLayerParameterName=self.BEFORE, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.UNIT_LEVEL, tr("Unit of the codes"), unit_level_options(), defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNIT_NAMES, tr("Unit names (e.g. XZQ or CJDCQ)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_NAMES_CODE_FIELD, tr("Unit names: code field"), ADMIN_CODE_FIELD,
            parentLayerParameterName=self.UNIT_NAMES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.UNIT_NAMES_NAME_FIELD, tr("Unit names: name field"), ADMIN_NAME_FIELD,
            parentLayerParameterName=self.UNIT_NAMES, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.WORKSPACE, tr("Three-lines workspace (optional GeoPackage: flag conversions inside the red line "
                               "or farmland)"), extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.POLICY, tr("Policy table (CSV; empty: the provincial policy preset)"),
            extension="csv", optional=True))
        advanced = [
            QgsProcessingParameterFile(self.BEFORE_CATEGORIES,
                                       tr("Category table of the before layer (CSV code,category; empty: the "
                                          "system's preset)"), extension="csv", optional=True),
            QgsProcessingParameterFile(self.AFTER_CATEGORIES,
                                       tr("Category table of the after layer (CSV code,category; empty: the "
                                          "system's preset)"), extension="csv", optional=True),
            QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"), [tr("Ellipsoidal"), tr("Planar")],
                                       defaultValue=int(AreaMethod.ELLIPSOIDAL)),
            QgsProcessingParameterEnum(self.INVALID, tr("Invalid geometries"), [tr("Repair"), tr("Fail")],
                                       defaultValue=int(InvalidPolicy.REPAIR)),
        ]
        for parameter in advanced:
            if parameter.name() in (self.BEFORE_CATEGORIES, self.AFTER_CATEGORIES, self.INVALID):
                add_advanced(self, parameter)
            else:
                self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CONVERSIONS, tr("Land-use conversions"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TRANSITIONS, tr("Transitions"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.STATUS_SUMMARY, tr("Status summary"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.UNKNOWN, tr("Unknown codes"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.LINE_SUMMARY, tr("Area by three-lines line and status"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.UNIT_TRANSITIONS, tr("Transitions per unit (unit × from × to)"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        # Before the base check, which would only call a raster an "incorrect value".
        for name in (self.BEFORE, self.AFTER, self.ZONES):
            raster = raster_input(parameters.get(name), context)
            if raster is not None:
                return False, self._raster_message(raster)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if is_set(parameters.get(self.ZONES)) and not is_set(parameters.get(self.ZONE_ID)):
            return False, tr("Choose the zone id field.")
        by_code = is_set(parameters.get(self.UNIT_CODE_FIELD))
        if by_code and is_set(parameters.get(self.ZONES)):
            return False, tr("Give zones (polygons) or the unit code field of the before layer, not both.")
        if by_code != is_set(parameters.get(self.UNIT_TRANSITIONS)):
            return False, tr("The transitions per unit need the unit code field of the before layer, and the unit "
                             "code field needs an output for the transitions per unit.")
        if is_set(parameters.get(self.UNIT_NAMES)):
            if not by_code:
                return False, tr("Unit names name the units of the before layer's unit code field: choose that "
                                 "field.")
            if not (is_set(parameters.get(self.UNIT_NAMES_CODE_FIELD))
                    and is_set(parameters.get(self.UNIT_NAMES_NAME_FIELD))):
                return False, tr("Choose the code and name fields of the unit names layer.")
        return True, ""

    @staticmethod
    def _raster_message(name: str) -> str:
        return tr('"{layer}" is a raster: this algorithm overlays polygons. For two rasters on one grid use '
                  '"Land-use conversion map (rasters)"; to compare a raster with polygons, polygonize it first '
                  '(Raster ▸ Conversion ▸ Polygonize).').format(layer=name)

    def _source(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and is_set(parameters.get(name)):
            raster = raster_input(parameters.get(name), context)
            if raster is not None:
                raise QgsProcessingException(self._raster_message(raster))
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> ConversionRequest:
        sides = []
        for layer, field, system, categories in (
                (self.BEFORE, self.BEFORE_CLASS_FIELD, self.BEFORE_SYSTEM, self.BEFORE_CATEGORIES),
                (self.AFTER, self.AFTER_CLASS_FIELD, self.AFTER_SYSTEM, self.AFTER_CATEGORIES)):
            sides.append(LandUseInput(
                source=self._source(parameters, layer, context),
                class_field=self.parameterAsString(parameters, field, context),
                system=SYSTEMS[self.parameterAsEnum(parameters, system, context)],
                categories=self.parameterAsFile(parameters, categories, context) or None))
        zones = self._source(parameters, self.ZONES, context)
        lines = self._workspace_lines(parameters, context)
        return ConversionRequest(
            before=sides[0], after=sides[1], zones=zones,
            zone_id_field=self.parameterAsString(parameters, self.ZONE_ID, context) if zones is not None else None,
            policy=self.parameterAsFile(parameters, self.POLICY, context) or None,
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)),
            invalid=InvalidPolicy(self.parameterAsEnum(parameters, self.INVALID, context)),
            lines=lines,
            unit_code_field=self.parameterAsString(parameters, self.UNIT_CODE_FIELD, context) if is_set(
                parameters.get(self.UNIT_CODE_FIELD)) else None,
            unit_code_length=unit_code_length(self.parameterAsEnum(parameters, self.UNIT_LEVEL, context)),
            unit_names=self._unit_names(parameters, context))

    def _unit_names(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Optional[Dict[str, str]]:
        """The units' names (code -> name) from the names layer, read as the tally reads them."""
        if not (is_set(parameters.get(self.UNIT_NAMES)) and is_set(parameters.get(self.UNIT_CODE_FIELD))):
            return None
        source = self._source(parameters, self.UNIT_NAMES, context)
        try:
            return unit_names(source, self.parameterAsString(parameters, self.UNIT_NAMES_CODE_FIELD, context),
                              self.parameterAsString(parameters, self.UNIT_NAMES_NAME_FIELD, context))
        except GuotuInputError as e:
            raise processing_error(e) from e

    def _workspace_lines(self, parameters: Dict[str, Any],
                         context: QgsProcessingContext) -> Optional[Dict[str, QgsVectorLayer]]:
        """The three line layers of the WORKSPACE GeoPackage, or None without one."""
        self._owned = []
        if not is_set(parameters.get(self.WORKSPACE)):
            return None
        path = Path(self.parameterAsFile(parameters, self.WORKSPACE, context))
        if not path.is_file():
            raise QgsProcessingException(tr('The workspace "{path}" does not exist.').format(path=path))
        tables = gpkg_tables(path)
        lines: Dict[str, QgsVectorLayer] = {}
        for name in LINES:
            layer = workspace_layer(path, name, name) if name in tables else None
            if layer is None or not layer.isValid():
                raise QgsProcessingException(
                    tr('The workspace "{path}" has no layer "{layer}"; make workspaces with "New three-lines '
                       'workspace".').format(path=path, layer=name))
            self._owned.append(layer)
            lines[name] = layer
        return lines

    def new_outputs_removed_on_failure(self, parameters: Dict[str, Any]):
        """The base's clean-up, also for a new GeoPackage named in Processing's
        ``ogr:dbname='…' table="…"`` form (the base knows plain paths only)."""
        return super().new_outputs_removed_on_failure(plain_file_destinations(parameters))

    TABLE_NAMES = {TRANSITIONS: "transitions", STATUS_SUMMARY: "status_summary", UNKNOWN: "unknown_codes",
                   LINE_SUMMARY: "line_summary", UNIT_TRANSITIONS: "unit_transitions"}

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        wanted = [self.TRANSITIONS, self.STATUS_SUMMARY, self.UNKNOWN]
        if is_set(parameters.get(self.LINE_SUMMARY)):
            wanted.append(self.LINE_SUMMARY)
        if request.unit_code_field:
            wanted.append(self.UNIT_TRANSITIONS)
        original = parameters
        plan = plan_outputs(parameters, self.CONVERSIONS, self.TABLE_NAMES, wanted)
        parameters = plan.parameters
        from_files = self._run_from_files(original, context, feedback, request, plan, wanted)
        if from_files is not None:
            return from_files
        with_lines = request.lines is not None
        fields, arrange = conversions_output(with_lines)
        sink, conversions_id = self.parameterAsSink(parameters, self.CONVERSIONS, context, fields,
                                                    QgsWkbTypes.MultiPolygon, request.before.source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.CONVERSIONS))

        def write_piece(piece: ConversionPiece) -> None:
            geometry = QgsGeometry()
            geometry.fromWkb(piece.wkb)
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setAttributes(arrange(piece_row(piece, with_lines)))
            feature.setGeometry(geometry)
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.CONVERSIONS))

        try:
            result = run_conversion(request, context.transformContext(), feedback, write_piece)
        except (GuotuError, GuotuInputError, GuotuLibraryError) as e:  # GuotuCancelled is a GuotuError
            raise processing_error(e) from e
        finally:
            self._owned = []
        del sink  # closes the map's file before the tables and the style go into it
        self._report(result, feedback, self._tables_used(parameters, context))
        outputs = {self.CONVERSIONS: conversions_id}
        for name, rows in ((self.TRANSITIONS, result.transitions), (self.STATUS_SUMMARY, result.statuses),
                           (self.UNKNOWN, result.unknown)):
            outputs[name] = self._write_table(parameters, name, context, rows)
        if is_set(parameters.get(self.LINE_SUMMARY)):
            outputs[self.LINE_SUMMARY] = self._write_table(parameters, self.LINE_SUMMARY, context, result.lines)
        if request.unit_code_field:
            outputs[self.UNIT_TRANSITIONS] = self._write_table(parameters, self.UNIT_TRANSITIONS, context,
                                                               result.units)
        self._keep(plan, feedback)
        if context.willLoadLayerOnCompletion(conversions_id):
            details = context.layerToLoadOnCompletionDetails(conversions_id)
            details.setPostProcessor(ConversionLayerStyler.create())
        return outputs

    def _run_from_files(self, original: Dict[str, Any], context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback, request: ConversionRequest, plan: OutputPlan,
                        wanted: List[str]) -> Optional[Dict[str, Any]]:
        """The outputs when the core could read the input files itself (all CPUs, no feature
        through Python); None to read features through QGIS."""
        inputs = [FileInput(role, self.input_layer(original, name, context), original.get(name))
                  for role, name in (("before", self.BEFORE), ("after", self.AFTER), ("zones", self.ZONES))
                  if role != "zones" or request.zones is not None]
        workspace = self.parameterAsFile(original, self.WORKSPACE, context) if is_set(
            original.get(self.WORKSPACE)) else None
        if self.LINE_SUMMARY in wanted and workspace is None:
            return None  # an empty line summary asked for: the tool writes none without a workspace
        try:
            done = run_from_files(self, plan.parameters, original, context, feedback, request, plan,
                                  self.CONVERSIONS, self.TABLE_NAMES, wanted, inputs, workspace)
        except (GuotuError, GuotuInputError, GuotuLibraryError) as e:  # GuotuCancelled is a GuotuError
            raise processing_error(e) from e
        finally:
            self._owned = []
        if done is None:
            return None
        result, outputs = done
        self._report(result, feedback, self._tables_used(original, context))
        self._keep(plan, feedback)
        map_ref = outputs[self.CONVERSIONS]
        if context.willLoadLayerOnCompletion(map_ref):
            context.layerToLoadOnCompletionDetails(map_ref).setPostProcessor(ConversionLayerStyler.create())
        return outputs

    @staticmethod
    def _keep(plan: OutputPlan, feedback: QgsProcessingFeedback) -> None:
        """Stores the map's style in its GeoPackage and says where the results are, or warns
        that they are temporary."""
        if plan.gpkg is None:
            if plan.temporary_map:
                feedback.pushWarning(tr("The conversion map and its tables are temporary layers, lost when QGIS "
                                        "closes. To keep them, save the conversion map to a GeoPackage file: the "
                                        "tables left temporary are then written into the same file."))
            return
        error = write_style_to_gpkg(plan.gpkg, plan.map_layer or MAP_TABLE)
        if error:
            feedback.pushWarning(tr('The style of the conversion map could not be stored in "{path}": {error}')
                                 .format(path=plan.gpkg, error=error))
        if plan.replaced:
            feedback.pushInfo(tr('"{path}" was replaced by the new results.').format(path=plan.gpkg))
        if plan.moved:
            feedback.pushInfo(tr('The tables {tables} were written into "{path}" beside the conversion map '
                                 '(layer "{layer}").').format(tables=", ".join(plan.moved.values()), path=plan.gpkg,
                                                              layer=plan.map_layer))

    def _write_table(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext, rows) -> str:
        fields, arrange = table_output(name)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        for row in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(arrange(row))
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, name))
        return dest_id

    def _tables_used(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Dict[str, str]:
        """Per layer, the category table its codes were looked up in: its own file or its system's preset."""
        used = {}
        for role, system, categories in (("before", self.BEFORE_SYSTEM, self.BEFORE_CATEGORIES),
                                         ("after", self.AFTER_SYSTEM, self.AFTER_CATEGORIES)):
            own = parameters.get(categories)
            used[role] = (Path(self.parameterAsFile(parameters, categories, context)).name if is_set(own)
                          else SYSTEMS[self.parameterAsEnum(parameters, system, context)])
        return used

    @staticmethod
    def _report(result: ConversionResult, feedback: QgsProcessingFeedback,
                systems: Optional[Dict[str, str]] = None) -> None:
        s = result.stats
        feedback.pushInfo(tr("Areas: {method}.").format(method=area_method_text(result.area_description)))
        for layer in result.reprojected:
            feedback.pushInfo(tr('Layer "{layer}" was reprojected to {crs}.').format(
                layer=layer, crs=result.crs.userFriendlyIdentifier()))
        feedback.pushInfo(tr("Before: {n} polygons, {area:.2f} ha; after: {m} polygons, {area2:.2f} ha.").format(
            n=int(s["before_features"]), area=s["before_area_ha"], m=int(s["after_features"]),
            area2=s["after_area_ha"]))
        feedback.pushInfo(tr("Overlaid: {area:.2f} ha in {pieces} pieces.").format(
            area=s["overlaid_area_ha"], pieces=int(s["pieces"])))
        if result.unnamed_units:
            feedback.pushWarning(tr("{count} units have no name in the names layer (the first: \"{first}\"): their "
                                    "unit_name is empty.").format(count=len(result.unnamed_units),
                                                                  first=sorted(result.unnamed_units)[0]))
        for status, area in result.status_areas().items():
            feedback.pushInfo(status_area_text(status, area))
        if int(s.get("line_features", 0)):
            feedback.pushInfo(tr("Three lines: {count} features.").format(count=int(s["line_features"])))
        everywhere = result.all_zones_key()
        for zone, line, status, area in result.lines:
            if zone == everywhere and line:
                feedback.pushInfo(f"  {line:<19} {status_area_text(status, area).strip()}")
        repaired = int(s["repaired_before"] + s["repaired_after"] + s["repaired_zones"])
        if repaired:
            feedback.pushWarning(tr("{count} invalid geometries were repaired.").format(count=repaired))
        skipped = {"before": tr("{count} features of the before layer have no geometry and were skipped."),
                   "after": tr("{count} features of the after layer have no geometry and were skipped.")}
        for role, count in result.skipped.items():
            if count:
                feedback.pushWarning(skipped[role].format(count=count))
        unknown = {"before": tr('Code "{code}" of the before layer has no category ({area:.2f} ha reported as '
                                '"unknown").'),
                   "after": tr('Code "{code}" of the after layer has no category ({area:.2f} ha reported as '
                               '"unknown").')}
        for code, layer, area in result.unknown:
            feedback.pushWarning(unknown[layer].format(code=code, area=area))
        for role in all_unknown_layers(result):
            feedback.reportError(nothing_known_text(role, (systems or {}).get(role, "")), fatalError=False)
        feedback.pushInfo(tr("Tables: {tables}").format(
            tables="; ".join(f"{k} = {v}" for k, v in result.tables.items())))
