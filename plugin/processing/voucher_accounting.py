"""Processing algorithm guotu:voucheraccounting — ecological voucher (生态券) accounting.

Maps parameters onto core.voucher.VoucherRequest, runs it and writes four
tables (five with counties). The numbers are libguotu's and equal those of
``guotu voucher`` on the same files; field and summary item names are the CLI's.
"""

import math
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsFields, QgsField, QgsGeometry, QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer, QgsProcessingParameterString,
                       QgsVectorLayer, QgsWkbTypes)

from ..compat import FIELD_DOUBLE, FIELD_INT64, FIELD_STRING
from ..binding.errors import GuotuInputError
from ..binding.native import AreaMethod, InvalidPolicy, RasterMode, library_version
from ..binding.voucher_native import Baseline
from ..inputs.raster_blocks import CategoricalRaster
from ..inputs.table_schemas import table_schema
from ..voucher.voucher import (DEFAULT_TARGET_YEAR, REFERENCES, SYSTEMS, LandUseInput, VoucherRequest, VoucherResult,
                               ZoneTable, balance_sentences, reference_sentence, reference_text, run_voucher,
                               bottom_line_sentences, summary_rows)
from ..voucher.bottom_lines import (FARMLAND, KEY_FUNCTION_MARKET_WORDS, REDLINE, REDLINE_LOSS_CHOICES,
                                    REDLINE_LOSS_WORDS, parse_ids)
from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..paths import icon_path
from ..voucher.urban_mask import czcsxm_where, parse_czcsxm
from ..tally.code_units import UNIT_ID_FIELD, UNIT_NAME_FIELD, units_layer
from ..tally.tally_by_code import unit_names
from .area_by_unit_code import unit_code_length, unit_level_options
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GDP_FIELD, GUARDED, LAND_USE_CODE_FIELD, POPULATION_FIELD,
                     add_advanced, describe_file, describe_layer, is_set, number_or_none, processing_error,
                     style_when_loaded, utc_now, write_sink)

def schema_fields(table: str) -> List[Tuple[str, Any]]:
    """(name, QGIS type) of a table's columns as resources/schemas declares them for the tool's
    writers too."""
    kinds = {"text": FIELD_STRING, "real": FIELD_DOUBLE, "integer": FIELD_INT64}
    return [(c.name, kinds[c.kind]) for c in table_schema(table).kept()]


VOUCHER_FIELDS = schema_fields("voucher")
VIOLATION_FIELDS = schema_fields("voucher_violations")
CLASS_FIELDS = schema_fields("voucher_classes")
SUMMARY_FIELDS = schema_fields("voucher_summary")
UNKNOWN_FIELDS = schema_fields("voucher_unknown_codes")
COUNTY_FIELDS = schema_fields("voucher_counties")
# The values the rows below give, in their order, put into the schema's.
VOUCHER_ROW = table_schema("voucher").layout(
    ("zone_id", "zone_name", "area_ha", "m0_ha", "mt_ha", "dm_ha", "g_ratio", "p_ratio", "e_ha", "role",
     "amount_yuan", "dm_redline_ha", "dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha", "dm_tradable_ha",
     "violation", "key_function", "in_market"))[1]
VIOLATION_ROW = table_schema("voucher_violations").layout(
    ("zone_id", "zone_name", "from_code", "to_code", "area_ha", "dm_ha", "base_fid", "target_fid", "counted_in_e"))[1]
CLASS_ROW = table_schema("voucher_classes").layout(("zone_id", "class_code", "a0_ha", "at_ha", "k"))[1]
SUMMARY_ROW = table_schema("voucher_summary").layout(("item", "value", "text"))[1]
UNKNOWN_ROW = table_schema("voucher_unknown_codes").layout(("class_code", "year", "area_ha"))[1]
COUNTY_ROW = table_schema("voucher_counties").layout(
    ("county_id", "county_name", "area_ha", "units", "e_ha", "role", "amount_yuan", "key_function", "in_market"))[1]

BASELINES = [Baseline.BASE_YEAR, Baseline.PROTECTION_RATE]
BASELINE_NAMES = {Baseline.BASE_YEAR: "base-year", Baseline.PROTECTION_RATE: "protection-rate"}
AREA_NAMES = {AreaMethod.ELLIPSOIDAL: "ellipsoidal", AreaMethod.PLANAR: "planar"}
INVALID_NAMES = {InvalidPolicy.REPAIR: "repair", InvalidPolicy.FAIL: "fail"}
RASTER_NAMES = {RasterMode.EXACT: "exact", RasterMode.CENTRE: "centre"}


def make_fields(spec: List[Tuple[str, Any]]) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def _real(value: float) -> Optional[float]:
    """NaN (e.g. k of an unknown code) is written as NULL, as the CLI's GeoPackage has it."""
    return None if value is None or math.isnan(value) else value


class VoucherAccountingAlgorithm(GuotuAlgorithm):
    ZONES = "ZONES"
    ZONE_ID = "ZONE_ID"
    ZONE_NAME = "ZONE_NAME"
    GDP_FIELD = "GDP_FIELD"
    POP_FIELD = "POP_FIELD"
    ZONE_TABLE = "ZONE_TABLE"
    TABLE_ID = "TABLE_ID"
    TABLE_GDP = "TABLE_GDP"
    TABLE_POP = "TABLE_POP"
    BASE = "BASE"
    BASE_CLASS_FIELD = "BASE_CLASS_FIELD"
    BASE_RASTER = "BASE_RASTER"
    BASE_SYSTEM = "BASE_SYSTEM"
    TARGET = "TARGET"
    TARGET_CLASS_FIELD = "TARGET_CLASS_FIELD"
    TARGET_RASTER = "TARGET_RASTER"
    TARGET_SYSTEM = "TARGET_SYSTEM"
    COEFFICIENTS = "COEFFICIENTS"
    BASE_COEFFICIENTS = "BASE_COEFFICIENTS"
    TARGET_COEFFICIENTS = "TARGET_COEFFICIENTS"
    ESV_REFERENCE = "ESV_REFERENCE"
    REFERENCE = "REFERENCE"
    TARGET_YEAR = "TARGET_YEAR"
    REFERENCE_TABLE = "REFERENCE_TABLE"
    REFERENCE_GDP_PER_CAPITA = "REFERENCE_GDP_PER_CAPITA"
    REFERENCE_POP_DENSITY = "REFERENCE_POP_DENSITY"
    BASELINE = "BASELINE"
    PROTECTION_RATE = "PROTECTION_RATE"
    MASK = "MASK"
    MASK_CZCSXM = "MASK_CZCSXM"
    PRICE = "PRICE"
    AREA_METHOD = "AREA_METHOD"
    INVALID = "INVALID"
    RASTER_MODE = "RASTER_MODE"
    CRS_MISMATCH = "CRS_MISMATCH"
    COUNTIES = "COUNTIES"
    COUNTY_ID = "COUNTY_ID"
    COUNTY_NAME = "COUNTY_NAME"
    VOUCHER = "VOUCHER"
    CLASSES = "CLASSES"
    SUMMARY = "SUMMARY"
    UNKNOWN = "UNKNOWN"
    COUNTIES_OUTPUT = "COUNTIES_OUTPUT"
    WORKSPACE = "WORKSPACE"
    REDLINE = "REDLINE"
    FARMLAND = "FARMLAND"
    REDLINE_LOSS = "REDLINE_LOSS"
    KEY_FUNCTION_FIELD = "KEY_FUNCTION_FIELD"
    KEY_FUNCTION_IDS = "KEY_FUNCTION_IDS"
    KEY_FUNCTION_MARKET = "KEY_FUNCTION_MARKET"
    VIOLATIONS = "VIOLATIONS"
    # Zones from the base survey's unit codes (三调 ZLDWDM) instead of a zones layer.
    ZONE_CODE_FIELD = "ZONE_CODE_FIELD"
    ZONE_CODE_LEVEL = "ZONE_CODE_LEVEL"
    ZONE_NAMES = "ZONE_NAMES"
    ZONE_NAMES_CODE_FIELD = "ZONE_NAMES_CODE_FIELD"
    ZONE_NAMES_NAME_FIELD = "ZONE_NAMES_NAME_FIELD"

    def __init__(self) -> None:
        super().__init__()
        self._rasters: Dict[str, Optional[CategoricalRaster]] = {}
        self._inputs: Dict[str, str] = {}
        self._code_layer: Optional[QgsVectorLayer] = None

    def name(self) -> str:
        return "voucheraccounting"

    def displayName(self) -> str:
        return tr("Ecological voucher accounting")

    def group(self) -> str:
        return tr("Ecological vouchers")

    def groupId(self) -> str:
        return "vouchers"

    def tags(self) -> List[str]:
        return tr("ecological voucher,standard forest,ecological land,compensation,GDP,population,"
                  "supply,demand").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Ecological vouchers (生态券): the change of each zone's ecological land between a base "
            "year and a target year, in standard-forest hectares, weighted by the zone's wealth and "
            "density.</p>"
            "<p><b>M<sub>t</sub> = Σ A<sub>i</sub> · k<sub>i</sub></b>: hectares A of each land-use class "
            "outside the mask (e.g. urban space) times its standard-forest coefficient k.<br/>"
            "<b>E = (M<sub>t</sub> − M<sub>0</sub>) · G · P</b>: G = GDP per capita ÷ reference GDP per "
            "capita, P = population density ÷ reference density. E &gt; 0: the zone can sell vouchers "
            "(supply); E &lt; 0: it must buy |E| (demand).</p>"
            "<p><b>Zones</b>: counties or ecological units with an id, GDP (yuan) and population "
            "(persons) of the target year, or a zone table joined by id. Land area is the zone's "
            "area with the chosen method.</p>"
            "<p><b>Land use</b> of each year: a polygon layer with a class field or a categorical "
            "raster, with its classification system. <b>Coefficients</b>: the system's preset, or a "
            "CSV table (code,k; or code,esv scaled by the esv of a reference class, 21 for CAS, "
            "0301 otherwise).</p>"
            "<p><b>Reference values</b> (G and P are ratios to them): the <b>national values</b> of the "
            "target year (default), from the national reference table (default: the preset "
            "national_reference.csv, one row per year with its source; add years from each year's NBS "
            "statistical communiqué; a year the table lacks is an error); or computed over all zones; or "
            "entered. "
            "<b>Baseline</b> M<sub>0</sub>: the base year, or zone area × protection rate (empty rate: "
            "the rate of all zones at the base year).</p>"
            "<p><b>Price</b> (optional): amount = E × price, yuan. <b>Counties</b> (optional): the zones "
            "are ecological units whose E is split over the counties by area share.</p>"
            "<p>Inputs in different CRSs are refused unless reprojection is allowed. The summary "
            "table records the totals, the reference values used with their source and every input and "
            "parameter. E is not conserved: the summary gives the raw change ΣΔM beside ΣE of supply "
            "and of demand, and by how much demand exceeds supply (a market inside these zones cannot "
            "meet it).</p>"
            "<p><b>Within the plan's bottom lines</b> (optional): a three-lines workspace (GeoPackage with "
            "ecological_redline and permanent_farmland) or the red line and farmland layers as delivered. ΔM "
            "inside the red line and inside farmland is reported per zone. A loss of ecological land inside "
            "the red line is a <b>violation</b> (the violations layer lists the pieces with their classes "
            "before and after), not demand a zone may buy away: by default E is computed without it; the other "
            "choice counts it in E and flags it. Raster land use is cut by the lines cell by cell (its cells as "
            "polygons, no-data cells left out).</p>"
            "<p><b>Key ecological function zones</b> (国家重点生态功能区; a field with 1/0 of the zones, or of "
            "the counties when units are attributed, or a list of ids): marked, their accounts computed, and "
            "kept out of the market by default (they receive fiscal transfers).</p>") + tr(
            "<p><b>Zones from unit codes</b> (no zones layer): the code field of the base year's land use "
            "(三调 ZLDWDM) and the unit — its first 6 characters are the county, 9 the town, 12 the village. "
            "Each unit is the union of its base-year parcels; GDP and population come from the zone table, "
            "joined by the unit code; names from a layer as delivered (XZQ: XZQDM → XZQMC; CJDCQ or the "
            "survey itself: ZLDWDM → ZLDWMC, a code padded with zeros names the unit it starts with). As "
            "guotu voucher --zone-code-field.</p>")

    def createInstance(self) -> "VoucherAccountingAlgorithm":
        return VoucherAccountingAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        any_field = QgsProcessingParameterField.Any
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones (counties or ecological units; empty: the units of the base year's codes)"),
            polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(self.ZONE_ID, tr("Zone id field"), ADMIN_CODE_FIELD,
                                                      parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterField(self.ZONE_NAME, tr("Zone name field"), ADMIN_NAME_FIELD,
                                                      parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterField(self.GDP_FIELD, tr("GDP field (yuan)"), GDP_FIELD, self.ZONES,
                                                      any_field, optional=True))
        self.addParameter(QgsProcessingParameterField(self.POP_FIELD, tr("Population field (persons)"), POPULATION_FIELD,
                                                      self.ZONES, any_field, optional=True))
        add_advanced(self, QgsProcessingParameterFeatureSource(
            self.ZONE_TABLE, tr("Zone table with GDP and population (joined by zone id)"),
            [QgsProcessing.TypeVector], optional=True))
        add_advanced(self, QgsProcessingParameterField(self.TABLE_ID, tr("Zone table: zone id field"), ADMIN_CODE_FIELD,
                                                   self.ZONE_TABLE, optional=True))
        add_advanced(self, QgsProcessingParameterField(self.TABLE_GDP, tr("Zone table: GDP field (yuan)"), GDP_FIELD,
                                                   self.ZONE_TABLE, any_field, optional=True))
        add_advanced(self, QgsProcessingParameterField(self.TABLE_POP, tr("Zone table: population field (persons)"),
                                                   POPULATION_FIELD, self.ZONE_TABLE, any_field, optional=True))
        self._add_code_zones()
        for year, layer, field, raster, system in (
                (tr("Base year"), self.BASE, self.BASE_CLASS_FIELD, self.BASE_RASTER, self.BASE_SYSTEM),
                (tr("Target year"), self.TARGET, self.TARGET_CLASS_FIELD, self.TARGET_RASTER, self.TARGET_SYSTEM)):
            self.addParameter(QgsProcessingParameterFeatureSource(
                layer, tr("{year}: land use (polygons)").format(year=year), polygons, optional=True))
            self.addParameter(QgsProcessingParameterField(
                field, tr("{year}: land-use class field").format(year=year), LAND_USE_CODE_FIELD,
                parentLayerParameterName=layer,
                optional=True))
            self.addParameter(QgsProcessingParameterRasterLayer(
                raster, tr("{year}: land use (raster)").format(year=year), optional=True))
            self.addParameter(QgsProcessingParameterEnum(
                system, tr("{year}: classification system").format(year=year), list(SYSTEMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.COEFFICIENTS, tr("Coefficient table (CSV; empty: the systems' presets)"),
            extension="csv", optional=True))
        add_advanced(self, QgsProcessingParameterFile(self.BASE_COEFFICIENTS, tr("Base year: coefficient table (CSV)"),
                                                  extension="csv", optional=True))
        add_advanced(self, QgsProcessingParameterFile(self.TARGET_COEFFICIENTS,
                                                  tr("Target year: coefficient table (CSV)"), extension="csv",
                                                  optional=True))
        add_advanced(self, QgsProcessingParameterString(
            self.ESV_REFERENCE, tr("Reference class of esv tables (empty: 21 for CAS, 0301 otherwise)"),
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.REFERENCE, tr("Reference values"), reference_options(), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.TARGET_YEAR, tr("Target year of the national reference values"),
            QgsProcessingParameterNumber.Integer, defaultValue=DEFAULT_TARGET_YEAR, minValue=1, maxValue=9999))
        self.addParameter(QgsProcessingParameterFile(
            self.REFERENCE_TABLE, tr("National reference table (CSV; empty: the preset)"), extension="csv",
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.REFERENCE_GDP_PER_CAPITA, tr("Entered reference GDP per capita (yuan/person)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.REFERENCE_POP_DENSITY, tr("Entered reference population density (persons/km²)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.BASELINE, tr("Baseline M0"), [tr("Base year"), tr("Protection rate")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.PROTECTION_RATE, tr("Protection rate (standard-forest ha per ha; empty: over all zones)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MASK, tr("Mask: area inside is excluded, e.g. urban space"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MASK_CZCSXM, tr("Or the mask from the target survey's 城镇村属性码 CZCSXM (e.g. 201,202)"),
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.PRICE, tr("Price (yuan per standard-forest ha; empty: no amounts)"),
            QgsProcessingParameterNumber.Double, optional=True, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_METHOD, tr("Area method"), [tr("Ellipsoidal"), tr("Planar")],
            defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        add_advanced(self, QgsProcessingParameterEnum(
            self.INVALID, tr("Invalid geometries"), [tr("Repair"), tr("Fail")],
            defaultValue=int(InvalidPolicy.REPAIR)))
        add_advanced(self, QgsProcessingParameterEnum(
            self.RASTER_MODE, tr("Raster mode"), [tr("Exact coverage"), tr("Cell centre")],
            defaultValue=int(RasterMode.EXACT)))
        add_advanced(self, QgsProcessingParameterEnum(
            self.CRS_MISMATCH, tr("Inputs in different CRSs"), [tr("Fail"), tr("Reproject")], defaultValue=0))
        add_advanced(self, QgsProcessingParameterFeatureSource(
            self.COUNTIES, tr("Counties the units are attributed to (trading subjects)"), polygons,
            optional=True))
        add_advanced(self, QgsProcessingParameterField(self.COUNTY_ID, tr("County id field"), ADMIN_CODE_FIELD,
                                                   parentLayerParameterName=self.COUNTIES, optional=True))
        add_advanced(self, QgsProcessingParameterField(self.COUNTY_NAME, tr("County name field"), ADMIN_NAME_FIELD,
                                                   parentLayerParameterName=self.COUNTIES, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.WORKSPACE, tr("Bottom lines: three-lines workspace (GeoPackage)"), extension="gpkg",
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REDLINE, tr("Bottom lines: ecological red line (replaces the workspace's)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.FARMLAND, tr("Bottom lines: permanent farmland (replaces the workspace's)"), polygons,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.REDLINE_LOSS, tr("Loss of ecological land inside the red line"), redline_loss_options(),
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_FUNCTION_FIELD, tr("Key ecological function zones: field with 1/0 (of the trading subjects)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEY_FUNCTION_IDS, tr("Key ecological function zones: ids (comma-separated)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.KEY_FUNCTION_MARKET, tr("Key ecological function zones in the market"), key_function_options(),
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.VOUCHER, tr("Vouchers"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CLASSES, tr("Voucher classes"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SUMMARY, tr("Voucher summary"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.UNKNOWN, tr("Class codes without coefficient"), QgsProcessing.TypeVector))
        counties = QgsProcessingParameterFeatureSink(
            self.COUNTIES_OUTPUT, tr("Vouchers by county"), QgsProcessing.TypeVectorPolygon, optional=True,
            createByDefault=False)
        add_advanced(self, counties)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.VIOLATIONS, tr("Violations inside the red line"), QgsProcessing.TypeVectorPolygon, optional=True))

    def _add_code_zones(self) -> None:
        """Zones without a zones layer: the units of the base survey's codes (三调 ZLDWDM)."""
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_CODE_FIELD, tr("Or zones from the base year's unit codes: code field (三调 ZLDWDM)"),
            None, parentLayerParameterName=self.BASE, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.ZONE_CODE_LEVEL, tr("Unit of the codes"), unit_level_options(), defaultValue=1))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONE_NAMES, tr("Unit names (e.g. XZQ or CJDCQ)"), [QgsProcessing.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_NAMES_CODE_FIELD, tr("Unit names: code field"), ADMIN_CODE_FIELD,
            parentLayerParameterName=self.ZONE_NAMES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_NAMES_NAME_FIELD, tr("Unit names: name field"), ADMIN_NAME_FIELD,
            parentLayerParameterName=self.ZONE_NAMES, optional=True))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        for year, layer, field, raster in ((tr("base-year"), self.BASE, self.BASE_CLASS_FIELD, self.BASE_RASTER),
                                           (tr("target-year"), self.TARGET, self.TARGET_CLASS_FIELD,
                                            self.TARGET_RASTER)):
            has_vector, has_raster = is_set(parameters.get(layer)), is_set(parameters.get(raster))
            if has_vector == has_raster:
                return False, tr("Give exactly one {year} land-use input: a polygon layer or a raster layer."
                                 ).format(year=year)
            if has_vector and not is_set(parameters.get(field)):
                return False, tr("Choose the {year} land-use class field.").format(year=year)
        by_code = is_set(parameters.get(self.ZONE_CODE_FIELD))
        if by_code == is_set(parameters.get(self.ZONES)):
            return False, tr("Give the zones as a layer, or the code field of the base year's units (三调 ZLDWDM), "
                             "not both.") if by_code else tr("Give the zones: a layer, or the code field of the base "
                                                             "year's units (三调 ZLDWDM).")
        if not by_code and not is_set(parameters.get(self.ZONE_ID)):
            return False, tr("Choose the zone id field.")
        if by_code and not is_set(parameters.get(self.BASE)):
            return False, tr("Zones from unit codes need the base year's land use as polygons.")
        if by_code and not is_set(parameters.get(self.ZONE_TABLE)):
            return False, tr("Zones from unit codes have no GDP or population fields: give a zone table with "
                             "them, joined by the unit code.")
        if is_set(parameters.get(self.MASK_CZCSXM)):
            if is_set(parameters.get(self.MASK)):
                return False, tr("Give the mask as a layer or as 城镇村属性码 of the target survey, not both.")
            try:
                parse_czcsxm(self.parameterAsString(parameters, self.MASK_CZCSXM, context))
            except GuotuInputError as e:
                return False, str(e)
        if is_set(parameters.get(self.ZONE_NAMES)) and not (is_set(parameters.get(self.ZONE_NAMES_CODE_FIELD))
                                                            and is_set(parameters.get(self.ZONE_NAMES_NAME_FIELD))):
            return False, tr("Choose the code and name fields of the unit names layer.")
        if is_set(parameters.get(self.ZONE_TABLE)):
            if not all(is_set(parameters.get(p)) for p in (self.TABLE_ID, self.TABLE_GDP, self.TABLE_POP)):
                return False, tr("Choose the zone id, GDP and population fields of the zone table.")
        elif not (is_set(parameters.get(self.GDP_FIELD)) and is_set(parameters.get(self.POP_FIELD))):
            return False, tr("Choose the GDP and population fields of the zones, or a zone table with them.")
        entered = is_set(parameters.get(self.REFERENCE_GDP_PER_CAPITA))
        if entered != is_set(parameters.get(self.REFERENCE_POP_DENSITY)):
            return False, tr("Enter both reference values (GDP per capita and population density), "
                             "or neither to compute them over the zones.")
        reference = self._reference(parameters, context)
        if reference == "entered" and not entered:
            return False, tr("Entered reference values: enter the GDP per capita and the population density.")
        if reference != "entered" and entered:
            return False, tr("Reference values were entered, but the reference is {reference}: choose "
                             "entered values to use them, or leave them empty.").format(
                reference=reference_text(reference))
        if reference != "national" and is_set(parameters.get(self.REFERENCE_TABLE)):
            return False, tr("The national reference table is used with the national reference values only.")
        if is_set(parameters.get(self.COUNTIES)) and not is_set(parameters.get(self.COUNTY_ID)):
            return False, tr("Choose the county id field.")
        has = {name: is_set(parameters.get(name)) for name in (self.WORKSPACE, self.REDLINE, self.FARMLAND)}
        if (has[self.REDLINE] or has[self.FARMLAND]) and not has[self.WORKSPACE] and not (
                has[self.REDLINE] and has[self.FARMLAND]):
            return False, tr("The bottom lines need the ecological red line and the permanent farmland: give a "
                             "three-lines workspace, or both layers.")
        return True, ""

    def prepareAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        # Main thread: clone raster providers, and describe the inputs for the audit trail.
        self._rasters = {}
        for name in (self.BASE_RASTER, self.TARGET_RASTER):
            layer = self.parameterAsRasterLayer(parameters, name, context)
            try:
                self._rasters[name] = CategoricalRaster.from_layer(layer) if layer is not None else None
            except GuotuInputError as e:
                raise QgsProcessingException(str(e)) from e
            self._inputs[name] = describe_layer(layer, parameters.get(name))
        for name in (self.ZONES, self.ZONE_NAMES, self.ZONE_TABLE, self.BASE, self.TARGET, self.MASK, self.COUNTIES, self.REDLINE,
                     self.FARMLAND):
            value = parameters.get(name)
            layer = self.parameterAsVectorLayer(parameters, name, context) if is_set(value) else None
            self._inputs[name] = describe_layer(layer, value)
        return True

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context, feedback)
        try:
            result = run_voucher(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        self._report(result, feedback)
        audit = self._audit(parameters, context, request, result)
        audit += bottom_line_audit(request)
        outputs = self._write(result, parameters, context, summary_rows(result, request.price, audit))
        style_when_loaded(context, outputs.get(self.VOUCHER), "voucher")
        style_when_loaded(context, outputs.get(self.COUNTIES_OUTPUT), "voucher")
        return outputs

    # ---- parameters -> request ----

    def _source(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext):
        source = self.parameterAsSource(parameters, name, context)
        if is_set(parameters.get(name)) and source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _reference(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> str:
        """The reference chosen; left out (a script, a model) it is entered when values are
        entered, else national."""
        if not is_set(parameters.get(self.REFERENCE)):
            return "entered" if is_set(parameters.get(self.REFERENCE_GDP_PER_CAPITA)) else "national"
        return REFERENCES[self.parameterAsEnum(parameters, self.REFERENCE, context)]

    def _string(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext) -> Optional[str]:
        return self.parameterAsString(parameters, name, context) or None if is_set(parameters.get(name)) else None

    def _code_zones(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                    feedback: Optional[QgsProcessingFeedback]):
        """The units of the base survey's codes as a zones layer (as guotu voucher
        --zone-code-field makes them): each the union of its parcels, named from the names layer."""
        names = None
        names_source = self._source(parameters, self.ZONE_NAMES, context)
        if names_source is not None:
            names = unit_names(names_source, self.parameterAsString(parameters, self.ZONE_NAMES_CODE_FIELD, context),
                               self.parameterAsString(parameters, self.ZONE_NAMES_NAME_FIELD, context))
        base = self._source(parameters, self.BASE, context)
        if base is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BASE))
        length = unit_code_length(self.parameterAsEnum(parameters, self.ZONE_CODE_LEVEL, context))
        field = self.parameterAsString(parameters, self.ZONE_CODE_FIELD, context)
        try:
            layer = units_layer(base, field, length, names, feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        if feedback is not None:
            feedback.pushInfo(tr("Zones: {n} units from the first {length} characters of {field} of the base year.")
                              .format(n=layer.featureCount(), length=length, field=field))
        self._code_layer = layer  # kept alive while the run reads it
        return layer

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                 feedback: Optional[QgsProcessingFeedback] = None) -> VoucherRequest:
        by_code = is_set(parameters.get(self.ZONE_CODE_FIELD))
        zones = self._code_zones(parameters, context, feedback) if by_code else self._source(parameters, self.ZONES,
                                                                                            context)
        if zones is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        table_source = self._source(parameters, self.ZONE_TABLE, context)
        table = None
        if table_source is not None:
            table = ZoneTable(table_source, self._string(parameters, self.TABLE_ID, context) or "",
                              self._string(parameters, self.TABLE_GDP, context) or "",
                              self._string(parameters, self.TABLE_POP, context) or "")
        lands = []
        for layer, field, raster, system in ((self.BASE, self.BASE_CLASS_FIELD, self.BASE_RASTER, self.BASE_SYSTEM),
                                             (self.TARGET, self.TARGET_CLASS_FIELD, self.TARGET_RASTER,
                                              self.TARGET_SYSTEM)):
            lands.append(LandUseInput(source=self._source(parameters, layer, context),
                                      class_field=self._string(parameters, field, context),
                                      raster=self._rasters.get(raster),
                                      system=SYSTEMS[self.parameterAsEnum(parameters, system, context)]))
        return VoucherRequest(
            zones=zones,
            zone_id_field=UNIT_ID_FIELD if by_code else self.parameterAsString(parameters, self.ZONE_ID, context),
            zone_name_field=UNIT_NAME_FIELD if by_code else self._string(parameters, self.ZONE_NAME, context),
            gdp_field=self._string(parameters, self.GDP_FIELD, context),
            pop_field=self._string(parameters, self.POP_FIELD, context),
            zone_table=table,
            base=lands[0],
            target=lands[1],
            coefficients=self._string(parameters, self.COEFFICIENTS, context),
            base_coefficients=self._string(parameters, self.BASE_COEFFICIENTS, context),
            target_coefficients=self._string(parameters, self.TARGET_COEFFICIENTS, context),
            esv_reference=self._string(parameters, self.ESV_REFERENCE, context),
            reference=self._reference(parameters, context),
            target_year=self.parameterAsInt(parameters, self.TARGET_YEAR, context),
            reference_table=self._string(parameters, self.REFERENCE_TABLE, context),
            reference_gdp_per_capita=number_or_none(self, parameters, self.REFERENCE_GDP_PER_CAPITA, context),
            reference_pop_density=number_or_none(self, parameters, self.REFERENCE_POP_DENSITY, context),
            baseline=BASELINES[self.parameterAsEnum(parameters, self.BASELINE, context)],
            protection_rate=number_or_none(self, parameters, self.PROTECTION_RATE, context),
            mask=self._source(parameters, self.MASK, context),
            mask_czcsxm=parse_czcsxm(self.parameterAsString(parameters, self.MASK_CZCSXM, context)) if is_set(
                parameters.get(self.MASK_CZCSXM)) else None,
            price=number_or_none(self, parameters, self.PRICE, context),
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)),
            invalid=InvalidPolicy(self.parameterAsEnum(parameters, self.INVALID, context)),
            raster_mode=RasterMode(self.parameterAsEnum(parameters, self.RASTER_MODE, context)),
            reproject=self.parameterAsEnum(parameters, self.CRS_MISMATCH, context) == 1,
            counties=self._source(parameters, self.COUNTIES, context),
            county_id_field=self._string(parameters, self.COUNTY_ID, context),
            county_name_field=self._string(parameters, self.COUNTY_NAME, context),
            **self._bottom_lines(parameters, context))

    def _bottom_lines(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Dict[str, Any]:
        """The bottom lines and key function zones of the request."""
        workspace = self._string(parameters, self.WORKSPACE, context)
        lines: Dict[str, Any] = {}
        described: List[str] = []
        for key, name in ((REDLINE, self.REDLINE), (FARMLAND, self.FARMLAND)):
            source = self._source(parameters, name, context)
            if source is None and workspace:
                layer = QgsVectorLayer(f"{workspace}|layername={key}", key, "ogr")
                if not layer.isValid():
                    raise QgsProcessingException(
                        tr('The workspace "{path}" has no layer "{layer}"; make workspaces with "New three-lines '
                           'workspace" or guotu lines init.').format(path=workspace, layer=key))
                self._keep = getattr(self, "_keep", []) + [layer]
                source, text = layer, f"{workspace} (layer {key})"
            else:
                text = self._inputs.get(name, "(none)")
            if source is not None:
                lines[key] = source
                described.append(f"{'red line' if key == REDLINE else 'permanent farmland'} {text}")
        ids = parse_ids(self._string(parameters, self.KEY_FUNCTION_IDS, context))
        return {"lines": lines or None, "lines_description": "; ".join(described) or "(none)",
                "redline_loss": REDLINE_LOSS_CHOICES[self.parameterAsEnum(parameters, self.REDLINE_LOSS, context)],
                "key_function_field": self._string(parameters, self.KEY_FUNCTION_FIELD, context),
                "key_function_ids": ids,
                "key_function_in_market": self.parameterAsEnum(parameters, self.KEY_FUNCTION_MARKET, context) == 1}

    # ---- audit trail ----

    def _audit(self, parameters: Dict[str, Any], context: QgsProcessingContext, request: VoucherRequest,
               result: VoucherResult) -> List[Tuple[str, str]]:
        """Every input and parameter as (item, text), with the CLI's item names."""
        def field(name: Optional[str], none: str = "(none)") -> str:
            return name if name else none

        def land(year: int) -> Tuple[str, str]:
            vector, raster = (self.TARGET, self.TARGET_RASTER) if year else (self.BASE, self.BASE_RASTER)
            chosen = vector if is_set(parameters.get(vector)) else raster
            return self._inputs.get(chosen, "(none)"), field((request.target if year else request.base).class_field,
                                                            "(raster values)")

        def number(value: Optional[float], none: str = "(none)") -> str:
            return none if value is None else f"{value:g}"

        base, base_field = land(0)
        target, target_field = land(1)
        table = request.zone_table
        rows = [
            ("guotu_version", library_version()),
            ("created_utc", utc_now()),
            ("algorithm", f"guotu:{self.name()}"),
            ("zones", self._zones_text(parameters, context)),
            ("zone_code_field", self._string(parameters, self.ZONE_CODE_FIELD, context) or "(none: a zones layer)"),
            ("zone_code_length", str(unit_code_length(self.parameterAsEnum(parameters, self.ZONE_CODE_LEVEL, context)))
             if is_set(parameters.get(self.ZONE_CODE_FIELD)) else "(none)"),
            ("zone_id_field", request.zone_id_field),
            ("zone_name_field", field(request.zone_name_field)),
            ("gdp_field", table.gdp_field if table else field(request.gdp_field)),
            ("pop_field", table.pop_field if table else field(request.pop_field)),
            ("zone_table", self._inputs.get(self.ZONE_TABLE, "(none)")),
            ("zone_table_id_field", table.id_field if table else "(none)"),
            ("base", base),
            ("base_class_field", base_field),
            ("base_system", request.base.system),
            ("base_coefficients", result.coefficient_sources[0]),
            ("target", target),
            ("target_class_field", target_field),
            ("target_system", request.target.system),
            ("target_coefficients", result.coefficient_sources[1]),
            ("esv_reference", request.esv_reference or "(default)"),
            ("mask", f"parcels of the target survey where {czcsxm_where(request.mask_czcsxm)}"
             if request.mask_czcsxm else self._inputs.get(self.MASK, "(none)")),
            ("baseline", BASELINE_NAMES[request.baseline]),
            ("protection_rate_parameter", number(request.protection_rate, "(from the zones)")),
            ("price", number(request.price)),
            ("area_method", AREA_NAMES[request.area_method]),
            ("area_description", result.tallies[0].area_description),
            ("invalid_policy", INVALID_NAMES[request.invalid]),
            ("raster_mode", RASTER_NAMES[request.raster_mode]),
            ("crs_mismatch", "reproject" if request.reproject else "fail"),
            ("crs", result.crs.authid() or result.crs.toWkt()),
            ("counties", self._inputs.get(self.COUNTIES, "(none)") if request.counties else
             "(none: the zones trade)"),
            ("county_id_field", field(request.county_id_field)),
        ]
        for source_path in {request.coefficient_spec(0), request.coefficient_spec(1)}:
            if source_path not in SYSTEMS:
                rows.append(("coefficient_file", describe_file(source_path)))
        return rows

    def _zones_text(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> str:
        """What the zones were, for the audit trail (in English, as the CLI's metadata)."""
        if not is_set(parameters.get(self.ZONE_CODE_FIELD)):
            return self._inputs.get(self.ZONES, "(none)")
        names = "no names"
        if is_set(parameters.get(self.ZONE_NAMES)):
            names = (f"names {self.parameterAsString(parameters, self.ZONE_NAMES_NAME_FIELD, context)} of "
                     f"{self._inputs.get(self.ZONE_NAMES, '')}")
        count = self._code_layer.featureCount() if self._code_layer is not None else 0
        length = unit_code_length(self.parameterAsEnum(parameters, self.ZONE_CODE_LEVEL, context))
        field = self.parameterAsString(parameters, self.ZONE_CODE_FIELD, context)
        return (f"{count} units: the first {length} characters of {field} of the base survey "
                f"{self._inputs.get(self.BASE, '')}, each the union of its parcels; {names}")

    def _report(self, result: VoucherResult, feedback: QgsProcessingFeedback) -> None:
        s = result.summary
        feedback.pushInfo(tr("Areas: {method}.").format(method=area_method_text(result.tallies[0].area_description)))
        feedback.pushInfo(tr("Standard forest: {m0:.2f} ha (base) → {mt:.2f} ha (target); supply {supply:.2f} ha, "
                             "demand {demand:.2f} ha, net {net:.2f} ha.").format(
            m0=s.m0_total_ha, mt=s.mt_total_ha, supply=s.supply_ha, demand=s.demand_ha,
            net=s.supply_ha - s.demand_ha))
        feedback.pushInfo(reference_sentence(result))
        for line in bottom_line_sentences(result):
            feedback.pushInfo(line)
        for line in balance_sentences(s.mt_total_ha - s.m0_total_ha, s.supply_ha, s.demand_ha):
            feedback.pushInfo(line)
        for row in result.unknown:
            feedback.pushWarning(tr('Class code "{code}" ({year} year, {area:.2f} ha) is not in the coefficient '
                                    'table; counted as k = 0.').format(
                code=row.class_code, year=tr("target") if row.year else tr("base"), area=row.area_ha))
        if result.unattributed_ha is not None:
            feedback.pushInfo(tr("Units attributed to {count} counties by area share; E outside every county: "
                                 "{outside:.2f} ha.").format(count=len(result.counties),
                                                             outside=result.unattributed_ha))

    # ---- outputs ----

    def _write(self, result: VoucherResult, parameters: Dict[str, Any], context: QgsProcessingContext,
               summary: List[Tuple[str, Optional[float], str]]) -> Dict[str, Any]:
        outputs: Dict[str, Any] = {}
        multi = QgsWkbTypes.MultiPolygon
        outputs[self.VOUCHER] = write_sink(
            self, parameters, self.VOUCHER, context, make_fields(VOUCHER_FIELDS), multi, result.crs,
            ((VOUCHER_ROW([a.zone.zone_id, a.zone.name, r.area_ha, r.m0_ha, r.mt_ha, r.dm_ha, r.g_ratio, r.p_ratio,
                           r.e_ha, a.role, a.amount_yuan, _real(r.dm_redline_ha), _real(r.dm_farmland_ha),
                           _real(r.redline_loss_ha), _real(r.redline_loss_area_ha), _real(r.dm_tradable_ha),
                           int(r.violation) if result.violations is not None else None, int(r.key_function),
                           int(r.in_market)]), _multi(a.zone.geometry))
             for a in result.zones for r in (a.result,)))
        if result.violations is not None:
            names = {a.zone.zone_id: a.zone.name for a in result.zones}
            counted = int(result.summary.redline_loss == "count")
            violations = write_sink(
                self, parameters, self.VIOLATIONS, context, make_fields(VIOLATION_FIELDS), multi, result.crs,
                ((VIOLATION_ROW([v.zone_id, names.get(v.zone_id, ""), v.from_code, v.to_code, v.area_ha, v.dm_ha,
                                 v.base_fid, v.target_fid, counted]), v.geometry) for v in result.violations),
                optional=True)
            if violations is not None:
                outputs[self.VIOLATIONS] = violations
        outputs[self.CLASSES] = write_sink(
            self, parameters, self.CLASSES, context, make_fields(CLASS_FIELDS), QgsWkbTypes.NoGeometry,
            result.crs, ((CLASS_ROW([c.zone_id, c.class_code, c.a0_ha, c.at_ha, _real(c.k)]), None)
                         for c in result.classes))
        outputs[self.SUMMARY] = write_sink(
            self, parameters, self.SUMMARY, context, make_fields(SUMMARY_FIELDS), QgsWkbTypes.NoGeometry,
            result.crs, ((SUMMARY_ROW([item, _real(value) if value is not None else None, text]), None)
                         for item, value, text in summary))
        outputs[self.UNKNOWN] = write_sink(
            self, parameters, self.UNKNOWN, context, make_fields(UNKNOWN_FIELDS), QgsWkbTypes.NoGeometry,
            result.crs, ((UNKNOWN_ROW([u.class_code, "target" if u.year else "base", u.area_ha]), None)
                         for u in result.unknown))
        if result.counties_crs is not None:
            counties = write_sink(
                self, parameters, self.COUNTIES_OUTPUT, context, make_fields(COUNTY_FIELDS), multi,
                result.counties_crs,
                ((COUNTY_ROW([c.county.zone_id, c.county.name, c.county.area_ha, float(c.units), c.e_ha, c.role,
                              c.amount_yuan, int(c.key_function), int(c.in_market)]), _multi(c.county.geometry))
                 for c in result.counties), optional=True)
            if counties is not None:
                outputs[self.COUNTIES_OUTPUT] = counties
        return outputs


def redline_loss_options() -> List[str]:
    """The choices of the red-line loss parameter, in the order of REDLINE_LOSS_CHOICES."""
    return [tr("A violation, left out of E (not demand to buy)"), tr("Counted in E and flagged")]


def key_function_options() -> List[str]:
    return [tr("Out of the market (fiscal transfers)"), tr("In the market")]


def bottom_line_audit(request: VoucherRequest) -> List[Tuple[str, str]]:
    """The bottom lines and key function choices as the tool records them."""
    return [
        ("bottom_lines", request.lines_description),
        ("redline_loss", REDLINE_LOSS_WORDS[request.redline_loss] if request.lines is not None else "(no lines)"),
        ("key_function_field", request.key_function_field or "(none)"),
        ("key_function_ids", ",".join(request.key_function_ids) or "(none)"),
        ("key_function_market", KEY_FUNCTION_MARKET_WORDS[request.key_function_in_market]),
    ]


def reference_options() -> List[str]:
    """The choices of the Reference values parameter, in the order of REFERENCES."""
    return [tr("National values of the target year (table)"), tr("Computed over all zones"),
            tr("Entered values")]


def _multi(geometry: QgsGeometry) -> QgsGeometry:
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    return geometry
