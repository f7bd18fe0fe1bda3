"""Ecological voucher (生态券) accounting from QGIS inputs (SPEC §3).

    M_t = Σ_i A_i · k_i          standard-forest ha of a zone in year t
    E   = (M_t − M_0) · G · P    vouchers in ha; E > 0 supplies, E < 0 buys |E|

This module reads the zones (id, name, GDP, population, land area), loads the
coefficient tables, runs the base-year and target-year tallies through
core.tally and hands everything to libguotu's account. All arithmetic of the
account is the core's; Python only reads, validates and collects.

Behaviour follows ``guotu voucher`` (core/cli/cmd_voucher.c), so that the same
files give the same numbers: zone land area with the chosen area method on
the zone layer's own CRS, coefficient presets by classification system, esv
tables scaled by 21 (CAS) or 0301 (other systems), inputs in different CRSs
refused unless reprojection is asked for.
"""

import math
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureRequest,
                       QgsFeatureSource, QgsFeedback, QgsGeometry)

from ..i18n import tr
from ..paths import resources_dir
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..binding.errors import GuotuError, GuotuInputError
from ..inputs.feature_reading import read_features, source_label
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context, InvalidPolicy, RasterMode, Status
from ..binding.voucher_native import (Baseline, Coefficients, CountyVoucher, NationalReference, Voucher,
                                      VoucherClassRow, VoucherOptions, VoucherSummary, VoucherUnknown, VoucherZone,
                                      national_reference, role_name)
from ..inputs.progress import PhasedProgress
from ..inputs.raster_blocks import CategoricalRaster
from ..tally.tally import TallyRequest, TallyResult, finished_tally
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs
from .urban_mask import urban_mask_layer
from .bottom_lines import CELL_CLASS_FIELD, Violation, feed_lines, key_function_ids, raster_cells_layer

# Classification systems, each with a coefficient preset of the same name.
SYSTEMS: Tuple[str, ...] = ("CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023")

# Reference values of G and P (SPEC §3): the national values of the target year from a table
# (the default), computed over the zones given, or entered.
REFERENCES: Tuple[str, ...] = ("national", "zones", "entered")
DEFAULT_TARGET_YEAR = 2020
NATIONAL_PRESET = "national_reference"

# Share of the progress bar (percent) per step of the run.
_ZONES = (0.0, 4.0)
_BASE = (4.0, 46.0)
_TARGET = (46.0, 88.0)
_COUNTIES = (88.0, 97.0)


def preset_path(system: str) -> Path:
    return resources_dir() / "presets" / "voucher" / f"{system}.csv"


def default_esv_reference(system: str) -> str:
    """Class whose esv scales an esv table: 21 有林地 (CAS), else 0301 乔木林地."""
    return "21" if system == "CAS_LUCC" else "0301"


def resolve_coefficients(spec: str) -> Path:
    """A coefficient table given as a CSV path or as a preset name."""
    path = Path(spec)
    if path.is_file():
        return path
    if spec in SYSTEMS:
        return preset_path(spec)
    raise GuotuInputError(
        tr('The coefficient table "{spec}" is neither a CSV file nor a preset ({presets}).')
        .format(spec=spec, presets=", ".join(SYSTEMS)))


def national_table_path(spec: Optional[str]) -> Path:
    """The national reference table: a CSV file, or (None) the preset national_reference.csv."""
    if not spec:
        return preset_path(NATIONAL_PRESET)
    path = Path(spec)
    if not path.is_file():
        raise GuotuInputError(tr('The national reference table "{path}" is not a file.').format(path=spec))
    return path


def load_national_reference(ctx: Context, spec: Optional[str], year: int) -> Tuple[NationalReference, Path]:
    """The national values of ``year`` and the table they come from; a year the table lacks is
    an error naming the table and the years it has (the core's message)."""
    path = national_table_path(spec)
    try:
        text = path.read_bytes()
    except OSError as e:
        raise GuotuInputError(tr('Cannot read the national reference table "{path}": {error}')
                              .format(path=path, error=e)) from e
    try:
        return national_reference(ctx, text, str(path), year), path
    except GuotuError as e:
        if e.status != Status.ERR_DATA:
            raise
        raise GuotuInputError(e.message) from e


def load_coefficients(ctx: Context, spec: str, reference_code: Optional[str]) -> Coefficients:
    """Parses a preset or a CSV file in the core; the core's messages name the line."""
    path = resolve_coefficients(spec)
    try:
        text = path.read_bytes()
    except OSError as e:
        raise GuotuInputError(tr('Cannot read the coefficient table "{path}": {error}')
                              .format(path=path, error=e)) from e
    try:
        return Coefficients(ctx, text, str(path), reference_code)
    except GuotuError as e:
        if e.status != Status.ERR_DATA:
            raise
        # The core names the table and the line: that is the whole message.
        raise GuotuInputError(e.message) from e


@dataclass
class LandUseInput:
    """Land use of one year: a polygon source with a class field, or a raster."""
    source: Optional[QgsFeatureSource] = None
    class_field: Optional[str] = None
    raster: Optional[CategoricalRaster] = None
    system: str = "CAS_LUCC"

    @property
    def label(self) -> str:
        if self.raster is not None:
            return self.raster.label
        return self.source.sourceName() if self.source is not None else ""

    @property
    def crs(self) -> QgsCoordinateReferenceSystem:
        return self.raster.crs if self.raster is not None else self.source.sourceCrs()


@dataclass
class ZoneTable:
    """GDP and population from a second table, joined to the zones by id."""
    source: QgsFeatureSource
    id_field: str
    gdp_field: str
    pop_field: str


@dataclass
class VoucherRequest:
    zones: QgsFeatureSource
    zone_id_field: str
    base: LandUseInput
    target: LandUseInput
    zone_name_field: Optional[str] = None
    gdp_field: Optional[str] = None
    pop_field: Optional[str] = None
    zone_table: Optional[ZoneTable] = None
    # Preset name or CSV path for both years; per-year ones win; default: each year's system.
    coefficients: Optional[str] = None
    base_coefficients: Optional[str] = None
    target_coefficients: Optional[str] = None
    esv_reference: Optional[str] = None
    # "national" | "zones" | "entered"; None: "entered" when the two values are given, else "national".
    reference: Optional[str] = None
    target_year: int = DEFAULT_TARGET_YEAR            # year of the national reference values
    reference_table: Optional[str] = None             # CSV of national values by year; None: the preset
    reference_gdp_per_capita: Optional[float] = None  # yuan/person, with reference "entered"
    reference_pop_density: Optional[float] = None     # persons/km²
    baseline: Baseline = Baseline.BASE_YEAR
    protection_rate: Optional[float] = None           # None: computed over the zones
    mask: Optional[QgsFeatureSource] = None
    # Or the urban space from the target survey's 城镇村属性码 (e.g. ["201", "202"]), built per run
    # from the target layer (each period's own survey in accounts over years).
    mask_czcsxm: Optional[List[str]] = None
    price: Optional[float] = None                     # yuan per standard-forest ha
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    invalid: InvalidPolicy = InvalidPolicy.REPAIR
    raster_mode: RasterMode = RasterMode.EXACT
    reproject: bool = False                           # False: inputs in other CRSs are refused
    counties: Optional[QgsFeatureSource] = None       # zones are ecological units attributed to these
    county_id_field: Optional[str] = None
    county_name_field: Optional[str] = None
    # Within the plan's bottom lines (SPEC §3): the red line and permanent farmland, keyed
    # "ecological_redline" and "permanent_farmland"; None: no lines.
    lines: Optional[Dict[str, QgsFeatureSource]] = None
    lines_description: str = "(none)"                 # what the lines are, for the audit trail
    redline_loss: str = "exclude"                     # "exclude" from E (default) or "count" and flag
    # Counties in national key ecological function zones: a field of the trading subjects
    # (the zones, or the counties) and/or a list of ids; out of the market unless asked.
    key_function_field: Optional[str] = None
    key_function_ids: List[str] = field(default_factory=list)
    key_function_in_market: bool = False

    def coefficient_spec(self, year: int) -> str:
        own = self.target_coefficients if year else self.base_coefficients
        system = (self.target if year else self.base).system
        return own or self.coefficients or system

    def esv_reference_for(self, year: int) -> str:
        return self.esv_reference or default_esv_reference((self.target if year else self.base).system)

    def reference_choice(self) -> str:
        if self.reference:
            return self.reference
        return "entered" if self.reference_gdp_per_capita is not None else "national"


@dataclass
class ZoneRecord:
    """A zone as read from the layer (geometry in the layer's CRS)."""
    fid: int
    zone_id: str
    name: str
    area_ha: float
    gdp: Optional[float]
    population: Optional[float]
    geometry: QgsGeometry


@dataclass
class ZoneAccount:
    zone: ZoneRecord
    result: VoucherZone
    role: str                    # "supply" | "demand" | "balanced"
    amount_yuan: Optional[float]  # None without a price


@dataclass
class CountyAccount:
    county: ZoneRecord
    result: Optional[CountyVoucher]  # None: no unit overlaps the county
    e_ha: float
    role: str
    units: int
    amount_yuan: Optional[float]
    key_function: bool = False
    in_market: bool = True


@dataclass
class VoucherResult:
    zones: List[ZoneAccount]
    classes: List[VoucherClassRow]
    unknown: List[VoucherUnknown]
    summary: VoucherSummary
    crs: QgsCoordinateReferenceSystem
    coefficient_sources: Tuple[str, str]
    tallies: Tuple[TallyResult, TallyResult]
    counties: List[CountyAccount] = field(default_factory=list)
    counties_crs: Optional[QgsCoordinateReferenceSystem] = None
    unattributed_ha: Optional[float] = None
    reference: str = "zones"                       # the reference used: national, zones or entered
    target_year: Optional[int] = None
    national: Optional[NationalReference] = None   # the table row used (reference "national")
    reference_table: Optional[Path] = None
    violations: Optional[List[Violation]] = None   # with the bottom lines: pieces lost inside the red line
    key_function_in_market: bool = False


# ---- reading zones ----------------------------------------------------------

def number_from_value(value: Any) -> Optional[float]:
    """A numeric attribute (or numeric text) as float; None for NULL; raises ValueError
    for anything else."""
    if is_null(value):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    return float(text)  # ValueError for text that is not a number


def _read_number(value: Any, fid: int, layer: str, field_name: str, what: str) -> float:
    try:
        number = number_from_value(value)
    except ValueError:
        number = math.nan
    if number is None:
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}": the {what} field "{field}" is empty; a number is needed.')
            .format(fid=fid, layer=layer, what=what, field=field_name))
    if not math.isfinite(number):
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}": the {what} field "{field}" is "{value}"; a number is needed.')
            .format(fid=fid, layer=layer, what=what, field=field_name, value=value))
    return number


def _check_economy(zone: ZoneRecord, layer: str, gdp_field: str, pop_field: str) -> None:
    if zone.population is not None and not zone.population > 0:
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}" (zone "{id}"): the population in field "{field}" is {value}; '
               'it must be more than 0 persons.')
            .format(fid=zone.fid, layer=layer, id=zone.zone_id, field=pop_field, value=zone.population))
    if zone.gdp is not None and zone.gdp < 0:
        raise GuotuInputError(
            tr('Feature {fid} of layer "{layer}" (zone "{id}"): the GDP in field "{field}" is {value}; '
               'it must not be negative.')
            .format(fid=zone.fid, layer=layer, id=zone.zone_id, field=gdp_field, value=zone.gdp))


def read_zones(ctx: Context, source: QgsFeatureSource, id_field: str, name_field: Optional[str],
               gdp_field: Optional[str], pop_field: Optional[str], area_method: AreaMethod,
               progress: PhasedProgress) -> List[ZoneRecord]:
    """Every zone with its land area (ha, ``area_method`` on the layer's CRS) and, when
    the fields are given, GDP and population, checked."""
    label = source_label(source)
    require_polygon_source(source, label)
    require_valid_crs(source.sourceCrs(), label)
    if area_method == AreaMethod.PLANAR:
        require_metric_crs(source.sourceCrs(), label)
    id_index = require_field(source, id_field, label)
    name_index = require_field(source, name_field, label) if name_field else -1
    gdp_index = require_field(source, gdp_field, label) if gdp_field else -1
    pop_index = require_field(source, pop_field, label) if pop_field else -1
    attributes = [i for i in (id_index, name_index, gdp_index, pop_index) if i >= 0]
    zones: List[ZoneRecord] = []
    seen: Dict[str, int] = {}
    total = max(1, source.featureCount())
    progress.phase(0.0, 100.0)
    with AreaCalculator(ctx, crs_for_core(source.sourceCrs()), area_method) as calc:
        for n, feature in enumerate(read_features(source, attributes)):
            progress.check_cancel()
            zone_id = code_from_value(feature.attribute(id_index))
            if zone_id is None or not zone_id.strip():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" has an empty zone id in field "{field}"; '
                       'every zone needs an id.').format(fid=feature.id(), layer=label, field=id_field))
            if zone_id in seen:
                raise GuotuInputError(
                    tr('Features {first} and {second} of layer "{layer}" have the same zone id "{id}" '
                       'in field "{field}"; zone ids must be unique (dissolve the zones first).')
                    .format(first=seen[zone_id], second=feature.id(), layer=label, id=zone_id, field=id_field))
            seen[zone_id] = feature.id()
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" (zone "{id}") has no geometry.')
                    .format(fid=feature.id(), layer=label, id=zone_id))
            geometry = QgsGeometry(feature.geometry())
            name = code_from_value(feature.attribute(name_index)) if name_index >= 0 else None
            gdp = (_read_number(feature.attribute(gdp_index), feature.id(), label, gdp_field, tr("GDP"))
                   if gdp_index >= 0 else None)
            population = (_read_number(feature.attribute(pop_index), feature.id(), label, pop_field,
                                       tr("population")) if pop_index >= 0 else None)
            area_ha = calc.area_of_wkb(geometry_wkb(geometry)) / 10_000.0
            zone = ZoneRecord(feature.id(), zone_id, name or "", area_ha, gdp, population, geometry)
            if not area_ha > 0:
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" (zone "{id}") has a land area of {area} ha; '
                       'a zone needs an area above 0.').format(fid=feature.id(), layer=label, id=zone_id,
                                                              area=area_ha))
            _check_economy(zone, label, gdp_field or "", pop_field or "")
            zones.append(zone)
            progress.report((n + 1) / total)
    if not zones:
        raise GuotuInputError(
            tr('Layer "{layer}" has no zones (check its selection and filter).').format(layer=label))
    return zones


def join_zone_table(zones: List[ZoneRecord], table: ZoneTable) -> None:
    """Fills GDP and population of every zone from ``table`` (rows joined by id)."""
    label = source_label(table.source)
    indexes = [require_field(table.source, name, label)
               for name in (table.id_field, table.gdp_field, table.pop_field)]
    rows: Dict[str, Tuple[int, float, float]] = {}
    for feature in read_features(table.source, indexes, geometry=False):
        zone_id = code_from_value(feature.attribute(indexes[0]))
        if zone_id is None:
            continue
        if zone_id in rows:
            raise GuotuInputError(
                tr('Features {first} and {second} of the zone table "{layer}" have the same zone id "{id}" '
                   'in field "{field}"; each zone needs one row.')
                .format(first=rows[zone_id][0], second=feature.id(), layer=label, id=zone_id,
                        field=table.id_field))
        gdp = _read_number(feature.attribute(indexes[1]), feature.id(), label, table.gdp_field, tr("GDP"))
        population = _read_number(feature.attribute(indexes[2]), feature.id(), label, table.pop_field,
                                  tr("population"))
        rows[zone_id] = (feature.id(), gdp, population)
    for zone in zones:
        row = rows.get(zone.zone_id)
        if row is None:
            raise GuotuInputError(
                tr('The zone table "{layer}" has no row for zone "{id}" (field "{field}").')
                .format(layer=label, id=zone.zone_id, field=table.id_field))
        fid, zone.gdp, zone.population = row
        _check_economy(ZoneRecord(fid, zone.zone_id, zone.name, zone.area_ha, zone.gdp, zone.population,
                                  zone.geometry), label, table.gdp_field, table.pop_field)


# ---- checks -------------------------------------------------------------------

def _crs_text(crs: QgsCoordinateReferenceSystem) -> str:
    return crs.userFriendlyIdentifier()


# The data year field of 三调 land use (数据年份); 2019 is the survey's standard time (2019-12-31).
DATA_YEAR_FIELD = "SJNF"


def data_year(land: LandUseInput, strict: bool = True) -> Optional[int]:
    """The year every feature's SJNF (数据年份) states, or None without the field (or for a raster).
    Different years, or a value that is no year, are an error naming the layer (``strict``), or
    None: the data does not say."""
    source = land.source
    if source is None:
        return None
    index = source.fields().lookupField(DATA_YEAR_FIELD)
    if index < 0:
        return None
    label = source_label(source)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
    year: Optional[int] = None
    for feature in source.getFeatures(request):
        value = feature.attribute(index)
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            number = -1
        if not 1900 <= number <= 9999:
            if not strict:
                return None
            raise GuotuInputError(tr('Feature {fid} of layer "{layer}": the data year SJNF is "{value}", not a year.')
                                  .format(fid=feature.id(), layer=label, value=value))
        if year is not None and number != year:
            if not strict:
                return None
            raise GuotuInputError(tr('Layer "{layer}" holds data of the years {first} and {second} (SJNF): enter '
                                     'the base year.').format(layer=label, first=year, second=number))
        year = number
    return year


def check_same_crs(request: VoucherRequest) -> None:
    """Refuses inputs in different CRSs (the CLI's --crs-mismatch fail): a base and a
    target year in different CRSs is usually a mistake worth seeing."""
    base, target = request.base, request.target
    if base.crs.isValid() and target.crs.isValid() and base.crs != target.crs:
        raise GuotuInputError(
            tr('The base-year land use "{base}" is in {base_crs} but the target-year land use "{target}" '
               'is in {target_crs}. Put both in one CRS, or allow reprojection ("Inputs in different CRSs": '
               'reproject).')
            .format(base=base.label, base_crs=_crs_text(base.crs), target=target.label,
                    target_crs=_crs_text(target.crs)))
    zones_crs = request.zones.sourceCrs()
    others = [(tr("base-year land use"), base.label, base.crs),
              (tr("target-year land use"), target.label, target.crs)]
    if request.mask is not None:
        others.append((tr("mask"), source_label(request.mask), request.mask.sourceCrs()))
    if request.counties is not None:
        others.append((tr("counties"), source_label(request.counties), request.counties.sourceCrs()))
    for role, layer, crs in others:
        if crs.isValid() and zones_crs.isValid() and crs != zones_crs:
            raise GuotuInputError(
                tr('The {role} layer "{layer}" is in {crs} but the zones layer "{zones}" is in {zones_crs}. '
                   'Put them in one CRS, or allow reprojection ("Inputs in different CRSs": reproject).')
                .format(role=role, layer=layer, crs=_crs_text(crs), zones=source_label(request.zones),
                        zones_crs=_crs_text(zones_crs)))


def _check_request(request: VoucherRequest) -> None:
    for year, land in ((tr("base-year"), request.base), (tr("target-year"), request.target)):
        if (land.source is None) == (land.raster is None):
            raise GuotuInputError(
                tr("Give exactly one {year} land-use input: a polygon layer or a raster layer.").format(year=year))
        if land.system not in SYSTEMS:
            raise GuotuInputError(tr('Unknown classification system "{system}"; known: {systems}.')
                                  .format(system=land.system, systems=", ".join(SYSTEMS)))
    if request.zone_table is None and not (request.gdp_field and request.pop_field):
        raise GuotuInputError(tr("Choose the GDP and population fields of the zones, or a zone table "
                                 "with them."))
    entered = (request.reference_gdp_per_capita, request.reference_pop_density)
    if (entered[0] is None) != (entered[1] is None):
        raise GuotuInputError(tr("Enter both reference values (GDP per capita and population density), "
                                 "or neither to compute them over the zones."))
    reference = request.reference_choice()
    if reference not in REFERENCES:
        raise GuotuInputError(tr('Unknown reference "{reference}"; known: {known}.')
                              .format(reference=reference, known=", ".join(REFERENCES)))
    if reference == "entered" and entered[0] is None:
        raise GuotuInputError(tr("Entered reference values: enter the GDP per capita and the population density."))
    if reference != "entered" and entered[0] is not None:
        raise GuotuInputError(tr("Reference values were entered, but the reference is {reference}: choose "
                                 "entered values to use them, or leave them empty.")
                              .format(reference=reference_text(reference)))
    if request.counties is not None and not request.county_id_field:
        raise GuotuInputError(tr('Choose the county id field of layer "{layer}".')
                              .format(layer=source_label(request.counties)))
    if reference == "national":
        # The national values of another year than the target data's would be a wrong E, said nowhere.
        stated = data_year(request.target, strict=False)
        if stated is not None and stated != request.target_year:
            raise GuotuInputError(
                tr('The target-year land use "{layer}" states the data year {stated} (SJNF), but the target year '
                   'of the national values is {year}: set the target year to {stated}.')
                .format(layer=request.target.label, stated=stated, year=request.target_year))
    if not request.reproject:
        check_same_crs(request)


def _tally_request(request: VoucherRequest, land: LandUseInput) -> TallyRequest:
    return TallyRequest(zones=request.zones, zone_id_field=request.zone_id_field, landuse=land.source,
                        class_field=land.class_field, raster=land.raster, mask=request.mask,
                        area_method=request.area_method, invalid=request.invalid,
                        raster_mode=request.raster_mode)


def _add_zones(voucher: Voucher, zones: List[ZoneRecord], layer: str) -> None:
    for zone in zones:
        try:
            voucher.add_zone(zone.zone_id, zone.name, zone.area_ha, zone.gdp, zone.population)
        except GuotuError as e:
            if e.status != Status.ERR_DATA:
                raise
            raise GuotuInputError(tr('Feature {fid} of layer "{layer}": {message}')
                                  .format(fid=zone.fid, layer=layer, message=e.message)) from e


# ---- the run ---------------------------------------------------------------------

def run_voucher(request: VoucherRequest, transform_context: QgsCoordinateTransformContext,
                feedback: Optional[QgsFeedback] = None,
                on_account: Optional[Callable[[Context, Voucher, "VoucherResult"], None]] = None) -> VoucherResult:
    """Runs the account; raises GuotuInputError, GuotuError or GuotuCancelled. ``on_account`` is
    called with the computed account while it is open (the accounts over years post it)."""
    if request.mask_czcsxm:
        if request.mask is not None:
            raise GuotuInputError(tr("Give the mask as a layer or as 城镇村属性码 of the target survey, not both."))
        if request.target.source is None:
            raise GuotuInputError(tr("The mask from 城镇村属性码 needs the target year's land use as polygons."))
        request = replace(request, mask=urban_mask_layer(request.target.source, request.mask_czcsxm, feedback))
    _check_request(request)
    zones_label = source_label(request.zones)
    with Context() as ctx, ExitStack() as stack:
        zones = read_zones(ctx, request.zones, request.zone_id_field, request.zone_name_field,
                           None if request.zone_table else request.gdp_field,
                           None if request.zone_table else request.pop_field,
                           request.area_method, PhasedProgress(feedback, _ZONES))
        if request.zone_table is not None:
            join_zone_table(zones, request.zone_table)
        # Tables before tallies: a bad table fails in a second, not after the long part.
        reference = request.reference_choice()
        national, table_path = (load_national_reference(ctx, request.reference_table, request.target_year)
                                if reference == "national" else (None, None))
        specs = [(request.coefficient_spec(y), request.esv_reference_for(y)) for y in (0, 1)]
        base_table = stack.enter_context(load_coefficients(ctx, *specs[0]))
        target_table = (base_table if specs[1] == specs[0]
                        else stack.enter_context(load_coefficients(ctx, *specs[1])))
        tallies = []
        for land, span in ((request.base, _BASE), (request.target, _TARGET)):
            tallies.append(stack.enter_context(finished_tally(
                ctx, _tally_request(request, land), transform_context, PhasedProgress(feedback, span))))
        gdp, density = ((national.gdp_per_capita, national.pop_density) if national is not None else
                        (request.reference_gdp_per_capita, request.reference_pop_density))
        options = VoucherOptions(baseline=request.baseline, protection_rate=request.protection_rate,
                                 reference_gdp_per_capita=gdp if reference != "zones" else None,
                                 reference_pop_density=density if reference != "zones" else None,
                                 price=request.price, lines=request.lines is not None,
                                 redline_loss=request.redline_loss,
                                 key_function_in_market=request.key_function_in_market)
        voucher = stack.enter_context(Voucher(ctx, options, base_table, target_table))
        _add_zones(voucher, zones, zones_label)
        if request.counties is None and (request.key_function_field or request.key_function_ids):
            for zone_id in sorted(key_function_ids(request.zones, request.zone_id_field,
                                                   request.key_function_field, request.key_function_ids)):
                voucher.mark_key_function(zone_id)
        violations = None
        if request.lines is not None:
            # Raster land use is cut by the lines cell by cell: its cells as polygons (as the CLI does).
            land = [(y.source, y.class_field, y.system) if y.raster is None else
                    (raster_cells_layer(y.raster), CELL_CLASS_FIELD, y.system) for y in (request.base, request.target)]
            violations = feed_lines(voucher, request.zones, request.zone_id_field, land[0], land[1], request.lines,
                                    request.mask, request.area_method, request.invalid, transform_context)
        for year, (tally, _result) in enumerate(tallies):
            voucher.add_tally(year, tally)
        voucher.compute()
        accounts = []
        for zone, row in zip(zones, voucher.zones()):
            amount = row.amount_yuan if request.price is not None and row.in_market else None
            accounts.append(ZoneAccount(zone, row, role_name(row.role), amount))
        result = VoucherResult(zones=accounts, classes=voucher.classes(), unknown=voucher.unknown(),
                               summary=voucher.summary(), crs=request.zones.sourceCrs(),
                               coefficient_sources=(base_table.label, target_table.label),
                               tallies=(tallies[0][1], tallies[1][1]), reference=reference,
                               target_year=request.target_year, national=national, reference_table=table_path,
                               violations=violations, key_function_in_market=request.key_function_in_market)
        if request.counties is not None:
            _attribute(ctx, request, voucher, result, transform_context, feedback)
        if on_account is not None:
            on_account(ctx, voucher, result)
        PhasedProgress(feedback, (97.0, 100.0)).phase(100.0, 100.0)
        return result


def _attribute(ctx: Context, request: VoucherRequest, voucher: Voucher, result: VoucherResult,
               transform_context: QgsCoordinateTransformContext, feedback: Optional[QgsFeedback]) -> None:
    """E of the units (the zones) split over the counties by area share."""
    counties = read_zones(ctx, request.counties, request.county_id_field, request.county_name_field, None, None,
                          request.area_method, PhasedProgress(feedback, (_COUNTIES[0], _COUNTIES[0])))
    # Counties as zones, units as land use whose class is the unit id: rows = area(unit ∩ county).
    overlap_request = TallyRequest(zones=request.counties, zone_id_field=request.county_id_field,
                                   landuse=request.zones, class_field=request.zone_id_field,
                                   area_method=request.area_method, invalid=request.invalid)
    with finished_tally(ctx, overlap_request, transform_context, PhasedProgress(feedback, _COUNTIES)) \
            as (overlap, _tally_result):
        with voucher.attribute(overlap) as attribution:
            shares = {row.county_id: row for row in attribution.results()}
            result.unattributed_ha = attribution.unattributed()
    marked = (key_function_ids(request.counties, request.county_id_field, request.key_function_field,
                               request.key_function_ids)
              if request.key_function_field or request.key_function_ids else set())
    for county in counties:
        share = shares.get(county.zone_id)
        e_ha = share.e_ha if share else 0.0
        role = role_name(share.role) if share else "balanced"
        key_function = county.zone_id in marked
        in_market = not key_function or request.key_function_in_market
        amount = e_ha * request.price if request.price is not None and in_market else None
        result.counties.append(CountyAccount(county, share, e_ha, role, share.units if share else 0, amount,
                                             key_function, in_market))
    result.counties_crs = request.counties.sourceCrs()


# ---- summary ---------------------------------------------------------------------

SummaryRow = Tuple[str, Optional[float], str]


def summary_rows(result: VoucherResult, price: Optional[float],
                 parameters: List[Tuple[str, str]]) -> List[SummaryRow]:
    """(item, value, text) rows: the totals and reference values used (items as the CLI
    names them), then every input and parameter as text, so the table documents the run."""
    s = result.summary
    numbers: List[Tuple[str, Optional[float]]] = [
        ("zone_count", float(len(result.zones))),
        ("total_m0_ha", s.m0_total_ha),
        ("total_mt_ha", s.mt_total_ha),
        ("total_supply_ha", s.supply_ha),
        ("total_demand_ha", s.demand_ha),
        ("net_ha", s.supply_ha - s.demand_ha),
        # E is not conserved (SPEC §3): the raw change beside the weighted sum.
        ("sum_dm_ha", s.mt_total_ha - s.m0_total_ha),
        ("sum_e_ha", s.supply_ha - s.demand_ha),
        ("demand_exceeding_supply_ha", max(0.0, s.demand_ha - s.supply_ha)),
        ("supply_exceeding_demand_ha", max(0.0, s.supply_ha - s.demand_ha)),
        ("reference_gdp_per_capita_yuan", s.reference_gdp_per_capita),
        ("reference_pop_density_per_km2", s.reference_pop_density),
        ("protection_rate", s.protection_rate),
        ("price_yuan_per_ha", price),
        ("total_amount_supply_yuan", s.supply_ha * price if price is not None else None),
        ("total_amount_demand_yuan", s.demand_ha * price if price is not None else None),
        ("unattributed_ha", result.unattributed_ha),
    ]
    numbers += bottom_line_numbers(result)
    rows: List[SummaryRow] = [(item, value, "") for item, value in numbers]
    rows.extend((key, None, text) for key, text in reference_parameters(result))
    rows.extend((key, None, text) for key, text in parameters)
    return rows


def key_function_totals(result: VoucherResult) -> Tuple[int, int, float, float]:
    """Key ecological function zones of the trading subjects (the zones, or the counties):
    how many, how many out of the market, and the E > 0 and |E < 0| kept out."""
    if not result.counties:
        s = result.summary
        return s.key_function_zones, s.zones_out_of_market, s.key_function_supply_ha, s.key_function_demand_ha
    marked = [c for c in result.counties if c.key_function]
    out = [c for c in marked if not c.in_market]
    return (len(marked), len(out), sum(c.e_ha for c in out if c.role == "supply"),
            -sum(c.e_ha for c in out if c.role == "demand"))


def bottom_line_numbers(result: VoucherResult) -> List[Tuple[str, Optional[float]]]:
    """Summary items of the bottom lines and the key function zones, as the tool names them."""
    s = result.summary
    lines = result.violations is not None

    def value(number: float) -> Optional[float]:
        return number if lines else None
    zones, out, supply, demand = key_function_totals(result)
    return [
        ("sum_dm_redline_ha", value(s.dm_redline_ha)),
        ("sum_dm_farmland_ha", value(s.dm_farmland_ha)),
        ("redline_loss_ha", value(s.redline_loss_ha)),
        ("redline_loss_area_ha", value(s.redline_loss_area_ha)),
        ("violation_zones", value(float(s.violation_zones))),
        ("violation_pieces", float(len(result.violations)) if lines else None),
        ("redline_loss_counted", value(1.0 if s.redline_loss == "count" else 0.0)),
        ("key_function_zones", float(zones)),
        ("zones_out_of_market", float(out)),
        ("key_function_supply_ha", supply),
        ("key_function_demand_ha", demand),
        ("key_function_in_market", 1.0 if result.key_function_in_market else 0.0),
    ]


def bottom_line_sentences(result: VoucherResult) -> List[str]:
    """The bottom lines and key function zones in words (log and report)."""
    s = result.summary
    lines: List[str] = []
    if result.violations is not None:
        lines.append(tr("Bottom lines: ΔM inside the ecological red line {redline:,.2f} ha, inside permanent "
                        "farmland {farmland:,.2f} ha.").format(redline=s.dm_redline_ha, farmland=s.dm_farmland_ha))
        lines.append(tr("Violations: {loss:,.2f} ha of standard forest ({area:,.2f} ha of land, {pieces} pieces) "
                        "lost inside the red line in {zones} zones.").format(
            loss=s.redline_loss_ha, area=s.redline_loss_area_ha, pieces=len(result.violations),
            zones=s.violation_zones))
        lines.append(redline_loss_sentence(s.redline_loss))
        for account in result.zones:
            if account.result.violation:
                lines.append(tr('Violation: zone {id} {name} lost {loss:,.2f} ha of standard forest ({area:,.2f} ha '
                                'of land) inside the red line.').format(
                    id=account.zone.zone_id, name=account.zone.name, loss=account.result.redline_loss_ha,
                    area=account.result.redline_loss_area_ha))
    zones, out, supply, demand = key_function_totals(result)
    if zones:
        lines.append(key_function_sentence(zones, result.key_function_in_market, supply, demand))
    return lines


def redline_loss_sentence(choice: str) -> str:
    """The red-line loss choice in the reader's words."""
    if choice == "count":
        return tr("A loss of ecological land inside the red line is counted in E (demand) and flagged as a "
                  "violation.")
    return tr("A loss of ecological land inside the red line is a violation, not demand a zone may buy away: E "
              "is computed without it.")


def key_function_sentence(zones: int, in_market: bool, supply: float, demand: float) -> str:
    if in_market:
        return tr("Key ecological function zones: {count}, in the market like the others.").format(count=zones)
    return tr("Key ecological function zones: {count}, accounts computed but kept out of the market (they "
              "receive fiscal transfers); their supply {supply:,.2f} ha and demand {demand:,.2f} ha are not "
              "traded.").format(count=zones, supply=supply, demand=demand)


def reference_parameters(result: VoucherResult) -> List[Tuple[str, str]]:
    """The reference used and, when national, its table row, as the CLI records them."""
    national = result.national
    none = "(none)"

    def number(value: float) -> str:
        return f"{value:.17g}"

    population = none
    if national is not None:
        population = ("(not in the table)" if math.isnan(national.population) else
                      f"{number(national.population)} on {number(national.land_area_km2)} km2")
    s = result.summary
    return [
        ("reference", result.reference),
        ("target_year", str(result.target_year) if result.target_year is not None else none),
        ("reference_table", str(result.reference_table) if national is not None else none),
        ("reference_table_line", str(national.line) if national is not None else none),
        ("reference_source", national.source if national is not None else none),
        ("national_gdp_per_capita", number(s.reference_gdp_per_capita) if result.reference != "zones" else none),
        ("national_pop_density", number(s.reference_pop_density) if result.reference != "zones" else none),
        ("national_population", population),
    ]


def reference_text(reference: str) -> str:
    """A reference choice in the reader's words."""
    return {"national": tr("national values"), "zones": tr("over all zones"),
            "entered": tr("entered")}.get(reference, reference)


def reference_sentence(result: VoucherResult) -> str:
    """Which reference G and P were computed against, with its source (log and report)."""
    s = result.summary
    if result.national is not None:
        return tr("Reference: national values of {year}, {gdp:,.2f} yuan/person and {density:.2f} persons/km² "
                  "(table {table}, line {line}; source: {source}).").format(
            year=result.national.year, gdp=s.reference_gdp_per_capita, density=s.reference_pop_density,
            table=result.reference_table, line=result.national.line, source=result.national.source)
    return tr("Reference: {gdp:.2f} yuan/person, {density:.2f} persons/km² ({how}).").format(
        gdp=s.reference_gdp_per_capita, density=s.reference_pop_density, how=reference_text(result.reference))


def balance_sentences(sum_dm: float, supply: float, demand: float) -> List[str]:
    """E is not conserved and a market inside the zones cannot clear (SPEC §3): what the account
    alone says about the balance (log and report)."""
    lines = [tr("Raw change of standard forest ΣΔM = {dm:,.2f} ha; ΣE = {e:,.2f} ha (supply {supply:,.2f} − "
                "demand {demand:,.2f}): E is weighted by G·P per zone and not conserved.")
             .format(dm=sum_dm, e=supply - demand, supply=supply, demand=demand)]
    if demand > supply:
        lines.append(tr("Demand exceeds supply by {gap:,.2f} ha: a market inside these zones cannot meet it.")
                     .format(gap=demand - supply))
    elif supply > demand:
        lines.append(tr("Supply exceeds demand by {gap:,.2f} ha: a market inside these zones cannot sell it.")
                     .format(gap=supply - demand))
    return lines
