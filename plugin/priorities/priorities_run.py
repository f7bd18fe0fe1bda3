"""Running the priorities on QGIS sources: features read as the user sees them (selection,
filters, unsaved edits), brought into one CRS and handed to the core (guotu_priorities.h).

* Ruling objective (次序最优): zones with a type, optional admin units, land use with a class
  and a deduction coefficient, against a rule table → every piece of controlled land with its
  ruling objective, rule and area, and sums per zone and admin unit.
* Pareto ranking (帕累托最优): candidate sites scored on objectives the core computes (area,
  standard-forest gain, cultivated change, distance to and contact with the red line) or read
  from the sites' fields → front, crowding distance and, when an order is given, lex_rank.
The output columns are the CLI's (guotu priorities rule / rank)."""

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback,
                       QgsGeometry)

from ..binding.errors import GuotuCancelled, GuotuInputError
from ..binding.native import AreaMethod, Context
from ..binding.voucher_native import Coefficients
from ..binding.priorities_native import (COMPUTED, MAXIMISE, MINIMISE, RulePiece, RuleRun, RuleSummary, RuleTable,
                                         Sites, lexicographic_rank, pareto_rank)
from ..i18n import tr
from ..inputs.conversions import crs_for_core, is_null
from ..inputs.feature_reading import features_in_crs, source_label, text_value
from ..inputs.metric_zone import WorkZone, choose_work_zone
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..paths import resources_dir

# Output columns: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (controlled_land.csv; rule_summary.csv for the zone and admin summaries).
PIECE_FIELDS = tuple((c.name, c.kind, c.title_zh) for c in table_schema("controlled_land").kept())
SUMMARY_FIELDS = tuple((c.name, c.kind, c.title_zh) for c in table_schema("rule_summary").kept())
# The values piece_attributes and summary_attributes give, in their order, put into the schema's.
_PIECE_ROW = table_schema("controlled_land").layout(
    ("landuse_fid", "zone_fid", "zone_type", "land_class", "objective", "rank", "rule", "admin_code", "area_ha",
     "net_ha"))[1]
_SUMMARY_ROW = table_schema("rule_summary").layout(
    ("fid_in", "code", "name", "objective", "area_ha", "controlled_ha", "net_ha", "pieces"))[1]
# ranked_sites (ranked_sites.csv): the row {objectives} stands for one column per objective.
OBJECTIVES_COLUMN = "{objectives}"
_RANKED_NAMES = table_schema("ranked_sites").names()
_RANKED_ROW = table_schema("ranked_sites").layout(
    ("site_fid", "site_id", OBJECTIVES_COLUMN, "front", "crowding", "lex_rank"))[1]
DEFAULT_RULES = "redline_functions"


def preset_path(kind: str, name: str) -> Path:
    return resources_dir() / "presets" / kind / f"{name}.csv"


def read_table(path_or_preset: Optional[str], kind: str, default: str) -> Tuple[bytes, str]:
    """(text, label) of a table file, or of the preset of that name (the default when empty)."""
    spec = path_or_preset or default
    path = Path(spec)
    if not path.is_file():
        path = preset_path(kind, spec)
    try:
        return path.read_bytes(), str(path)
    except OSError as e:
        raise GuotuInputError(tr("The table {table} cannot be read: {error}").format(table=spec, error=e)) from e


@dataclass
class RuleRequest:
    zones: QgsFeatureSource
    type_field: str
    landuse: QgsFeatureSource
    class_field: str
    deduction_field: Optional[str] = None
    admin: Optional[QgsFeatureSource] = None
    admin_id_field: str = "XZQDM"
    admin_name_field: Optional[str] = None
    rules: Optional[str] = None  # a CSV file; None = the red-line function preset
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL


@dataclass
class RuleResult:
    pieces: List[Tuple[RulePiece, QgsGeometry]]
    zones: List[RuleSummary]
    admins: List[RuleSummary]
    crs: QgsCoordinateReferenceSystem
    rules_label: str
    unlisted_types: List[str] = field(default_factory=list)


def _field_index(source: QgsFeatureSource, name: Optional[str], what: str) -> int:
    if not name:
        return -1
    index = source.fields().lookupField(name)
    if index < 0:
        raise GuotuInputError(tr('Layer "{layer}" has no field "{field}" ({what}).').format(
            layer=source_label(source), field=name, what=what))
    return index


def refuse_numeric_codes(source: QgsFeatureSource, index: int, name: str) -> None:
    """Class codes are matched as text by prefix ("01" finds 0101): a numeric field has lost the
    leading zeros (0101 read as 101) and would match no rule — a silent wrong answer."""
    if index >= 0 and source.fields().at(index).isNumeric():
        raise GuotuInputError(tr('Layer "{layer}": the class field "{field}" is numeric, so codes such as 0101 have '
                                 'lost their leading zero and would match no rule; use the text field of the codes '
                                 '(DLBM in 三调 data).').format(layer=source_label(source), field=name))


def geometry_of(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    if wkb:
        geometry.fromWkb(wkb)
        geometry.convertToMultiType()
    return geometry


def _deduction(value) -> float:
    if is_null(value):
        return 0.0
    try:
        return float(value)
    except (TypeError, ValueError):
        return math.nan  # the core refuses it, naming the feature


def run_rule(request: RuleRequest, transform_context: QgsCoordinateTransformContext,
             feedback: Optional[QgsFeedback] = None) -> RuleResult:
    """The ruling objective of every zone; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    crs = request.zones.sourceCrs()
    text, label = read_table(request.rules, "priorities", DEFAULT_RULES)
    pieces: List[Tuple[RulePiece, QgsGeometry]] = []

    def on_piece(p: RulePiece) -> None:
        pieces.append((p, geometry_of(p.wkb)))

    type_index = _field_index(request.zones, request.type_field, tr("zone type"))
    class_index = _field_index(request.landuse, request.class_field, tr("land-use class"))
    refuse_numeric_codes(request.landuse, class_index, request.class_field)
    deduction_index = _field_index(request.landuse, request.deduction_field, tr("deduction coefficient"))
    with Context() as ctx:
        ctx.set_progress(progress.native_callback)
        with RuleTable(ctx, text, label) as table, RuleRun(ctx, table, crs_for_core(crs), request.area_method) as run:
            progress.phase(0, 10)
            zones_label = source_label(request.zones)
            for feature, wkb in features_in_crs(request.zones, crs, transform_context, zones_label, [type_index],
                                                progress):
                if not wkb:
                    continue
                zone_type = text_value(feature.attribute(type_index))
                if not zone_type:
                    raise GuotuInputError(tr('Layer "{layer}", feature {fid}: the zone type field "{field}" is '
                                             'empty.').format(layer=zones_label, fid=feature.id(),
                                                              field=request.type_field))
                run.add_zone(feature.id(), zone_type, wkb)
            if request.admin is not None:
                id_index = _field_index(request.admin, request.admin_id_field, tr("admin code"))
                name_index = _field_index(request.admin, request.admin_name_field, tr("admin name"))
                attributes = [i for i in (id_index, name_index) if i >= 0]
                for feature, wkb in features_in_crs(request.admin, crs, transform_context,
                                                    source_label(request.admin), attributes, progress):
                    if wkb:
                        name = text_value(feature.attribute(name_index)) if name_index >= 0 else ""
                        run.add_admin(feature.id(), text_value(feature.attribute(id_index)), name, wkb)
            progress.phase(10, 95)
            total = max(request.landuse.featureCount(), 1)
            attributes = [i for i in (class_index, deduction_index) if i >= 0]
            for n, (feature, wkb) in enumerate(features_in_crs(request.landuse, crs, transform_context,
                                                               source_label(request.landuse), attributes, progress)):
                if wkb:
                    deduction = _deduction(feature.attribute(deduction_index)) if deduction_index >= 0 else 0.0
                    run.add_landuse(feature.id(), text_value(feature.attribute(class_index)), deduction, wkb,
                                    on_piece)
                progress.report(n / total)
            zones, admins = run.zones(), run.admins()
    progress.report(1.0)
    unlisted = sorted({z.code for z in zones if not z.objective})
    return RuleResult(pieces, zones, admins, crs, label, unlisted)


def piece_attributes(p: RulePiece) -> list:
    return _PIECE_ROW([p.landuse_fid, p.zone_fid, p.zone_type, p.land_class, p.objective, p.rank, p.rule,
                       p.admin_code, p.area_ha, p.net_ha])


def summary_attributes(s: RuleSummary) -> list:
    return _SUMMARY_ROW([s.fid, s.code, s.name, s.objective, s.area_ha, s.controlled_ha, s.net_ha, s.pieces])


def rule_summary_lines(result: RuleResult) -> List[str]:
    total = sum(z.controlled_ha for z in result.zones)
    net = sum(z.net_ha for z in result.zones)
    lines = [tr("Ruling objective: {pieces} pieces of controlled land in {zones} zones, {area:.4f} ha "
                "({net:.4f} ha net of deductions).").format(pieces=len(result.pieces), zones=len(result.zones),
                                                           area=total, net=net)]
    if result.unlisted_types:
        lines.append(tr("Zone types the rule table does not list (nothing in them is flagged): {types}").format(
            types=", ".join(result.unlisted_types)))
    return lines


# ---- ranking ----

@dataclass
class Objective:
    name: str
    direction: int  # MINIMISE or MAXIMISE

    @property
    def computed(self) -> bool:
        return self.name in COMPUTED


def parse_objectives(text: str) -> List[Objective]:
    """"cost:min, forest_gain_ha:max" → objectives; GuotuInputError naming what is wrong."""
    out: List[Objective] = []
    for part in text.replace(";", ",").replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        name, _, direction = part.rpartition(":")
        if not name or direction.strip().lower() not in ("min", "max"):
            raise GuotuInputError(tr('Objective "{objective}": write NAME:min or NAME:max.').format(objective=part))
        name = name.strip()
        if any(o.name == name for o in out):
            raise GuotuInputError(tr('Objective "{name}" is given twice.').format(name=name))
        out.append(Objective(name, MAXIMISE if direction.strip().lower() == "max" else MINIMISE))
    if not out:
        raise GuotuInputError(tr("Give at least one objective (NAME:min or NAME:max)."))
    return out


@dataclass
class RankRequest:
    sites: QgsFeatureSource
    objectives: List[Objective]
    site_id_field: Optional[str] = None  # copied as site_id
    lexicographic: List[str] = field(default_factory=list)
    landuse: Optional[QgsFeatureSource] = None
    class_field: str = "DLBM"
    deduction_field: Optional[str] = None
    target_class: Optional[str] = None
    coefficients: str = "SANDIAO_WORK"  # a voucher preset or a CSV file
    cultivated: str = "01"
    redline: Optional[QgsFeatureSource] = None
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL


@dataclass
class RankedSite:
    fid: int
    site_id: str
    values: List[float]
    front: int
    crowding: float
    lex_rank: Optional[int]
    geometry: QgsGeometry


@dataclass
class RankResult:
    sites: List[RankedSite]
    objectives: List[Objective]
    crs: QgsCoordinateReferenceSystem
    zone: Optional[WorkZone] = None  # geographic data: the Gauss-Krüger zone of the ranking

    def attributes(self, site: RankedSite) -> list:
        """The values in ranked_fields' order: the schema's, the objectives where it places them."""
        row = _RANKED_ROW([site.fid, site.site_id, list(site.values), site.front, site.crowding, site.lex_rank])
        return [v for name, value in zip(_RANKED_NAMES, row)
                for v in (value if name == OBJECTIVES_COLUMN else [value])]


def ranked_fields(objectives: Sequence[Objective]) -> Tuple[Tuple[str, str, str], ...]:
    """(name, kind, Chinese title) of ranked_sites: the schema's columns, one real column per
    objective (titled by its name) where the schema's {objectives} row stands."""
    fields: List[Tuple[str, str, str]] = []
    for c in table_schema("ranked_sites").kept():
        fields += ([(o.name, "real", o.name) for o in objectives] if c.name == OBJECTIVES_COLUMN
                   else [(c.name, c.kind, c.title_zh)])
    return tuple(fields)


def _check_request(request: RankRequest) -> None:
    names = [o.name for o in request.objectives]
    for name in request.lexicographic:
        if name not in names:
            raise GuotuInputError(tr('The lexicographic order names "{name}", which is not one of the objectives.')
                                  .format(name=name))
    for o in request.objectives:
        if o.name in ("forest_gain_ha", "cultivated_change_ha") and (request.landuse is None or
                                                                     not request.target_class):
            raise GuotuInputError(tr('Objective "{name}" needs the land-use layer and the target class.').format(
                name=o.name))
        if o.name in ("redline_distance_m", "redline_contact_m") and request.redline is None:
            raise GuotuInputError(tr('Objective "{name}" needs the red-line layer.').format(name=o.name))
    if request.landuse is not None and not request.target_class:
        raise GuotuInputError(tr("With a land-use layer, give the target class the sites are restored to."))


def run_rank(request: RankRequest, transform_context: QgsCoordinateTransformContext,
             feedback: Optional[QgsFeedback] = None) -> RankResult:
    """Fronts (and the lexicographic order) of the sites; raises GuotuInputError, GuotuError or GuotuCancelled."""
    _check_request(request)
    progress = PhasedProgress(feedback)
    crs = request.sites.sourceCrs()
    sites_label = source_label(request.sites)
    zone = None
    if request.redline is not None:
        # Distances to the red line are metres: geographic data is ranked in the Gauss-Krüger zone of
        # all the layers' centre, as `guotu priorities rank` does.
        extents = [(s.sourceExtent(), s.sourceCrs()) for s in (request.sites, request.redline, request.landuse)
                   if s is not None]
        zone = choose_work_zone(crs, extents, transform_context, sites_label)
        if zone is not None:
            crs = zone.crs
    field_index = {o.name: _field_index(request.sites, o.name, tr("objective")) for o in request.objectives
                   if not o.computed}
    id_index = _field_index(request.sites, request.site_id_field, tr("site id"))
    fids: List[int] = []
    ids: List[str] = []
    values: List[List[float]] = []
    geometries: List[QgsGeometry] = []
    with Context() as ctx:
        ctx.set_progress(progress.native_callback)
        coefficients = None
        if request.landuse is not None:
            text, label = read_table(request.coefficients, "voucher", "SANDIAO_WORK")
            coefficients = Coefficients(ctx, text, label)
        try:
            with Sites(ctx, crs_for_core(crs), request.area_method, coefficients,
                       request.target_class if request.landuse is not None else None, request.cultivated) as sites:
                progress.phase(0, 30)
                attributes = list(field_index.values()) + ([id_index] if id_index >= 0 else [])
                for feature, wkb in features_in_crs(request.sites, crs, transform_context, sites_label, attributes,
                                                    progress):
                    if not wkb:
                        raise GuotuInputError(tr('Layer "{layer}", feature {fid} has no geometry.').format(
                            layer=sites_label, fid=feature.id()))
                    row = []
                    for o in request.objectives:
                        if o.computed:
                            row.append(math.nan)
                            continue
                        value = feature.attribute(field_index[o.name])
                        try:
                            row.append(math.nan if is_null(value) else float(value))
                        except (TypeError, ValueError):
                            row.append(math.nan)
                    sites.add_site(feature.id(), wkb)
                    fids.append(feature.id())
                    ids.append(text_value(feature.attribute(id_index)) if id_index >= 0 else "")
                    values.append(row)
                    geometries.append(geometry_of(wkb))
                if request.landuse is not None:
                    progress.phase(30, 60)
                    class_index = _field_index(request.landuse, request.class_field, tr("land-use class"))
                    refuse_numeric_codes(request.landuse, class_index, request.class_field)
                    deduction_index = _field_index(request.landuse, request.deduction_field,
                                                   tr("deduction coefficient"))
                    attributes = [i for i in (class_index, deduction_index) if i >= 0]
                    for feature, wkb in features_in_crs(request.landuse, crs, transform_context,
                                                        source_label(request.landuse), attributes, progress):
                        if wkb:
                            deduction = _deduction(feature.attribute(deduction_index)) if deduction_index >= 0 \
                                else 0.0
                            sites.add_landuse(feature.id(), text_value(feature.attribute(class_index)), deduction,
                                              wkb)
                if request.redline is not None:
                    for feature, wkb in features_in_crs(request.redline, crs, transform_context,
                                                        source_label(request.redline), [], progress):
                        if wkb:
                            sites.add_redline(feature.id(), wkb)
                progress.phase(60, 90)
                scores = sites.run()
        finally:
            if coefficients is not None:
                coefficients.close()
        for i, s in enumerate(scores):
            computed = {"area_ha": s.area_ha, "forest_gain_ha": s.forest_gain_ha,
                        "cultivated_change_ha": s.cultivated_change_ha, "redline_distance_m": s.redline_distance_m,
                        "redline_contact_m": s.redline_contact_m}
            for j, o in enumerate(request.objectives):
                if o.computed:
                    values[i][j] = computed[o.name]
        progress.phase(90, 100)
        directions = [o.direction for o in request.objectives]
        names = [o.name for o in request.objectives]
        fronts, crowding = pareto_rank(ctx, values, directions, fids, names)
        lex: List[Optional[int]] = [None] * len(fids)
        if request.lexicographic:
            order = [names.index(n) for n in request.lexicographic]
            lex = list(lexicographic_rank(ctx, values, directions, order, fids, names))
    if progress.feedback.isCanceled():
        raise GuotuCancelled()
    progress.report(1.0)
    ranked = [RankedSite(fids[i], ids[i], values[i], fronts[i], crowding[i], lex[i], geometries[i])
              for i in range(len(fids))]
    return RankResult(ranked, list(request.objectives), crs, zone)


def rank_summary_lines(result: RankResult) -> List[str]:
    fronts = [s.front for s in result.sites]
    lines = [tr("Pareto ranking: {n} sites on {k} objectives, {first} on the first front, {fronts} fronts.").format(
        n=len(fronts), k=len(result.objectives), first=sum(1 for f in fronts if f == 1),
        fronts=max(fronts) if fronts else 0)]
    if result.zone is not None:
        lines.append(result.zone.message)
    return lines
