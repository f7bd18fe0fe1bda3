"""Land-use conversion map (用途转用, SPEC §4) from QGIS inputs.

Two polygon land-use layers, each with a class field and its classification system,
are handed to libguotu's conversion overlay (optionally cut by zones). Every piece
before ∩ after (∩ zone) comes back with its codes, their policy categories, the policy
status — same, path, conditional, prohibited, gap (unknown: a code in no category
table) — the legal paths in Chinese and English, its area and the change in
standard-forest hectares; the core also sums the transition tables (by category and
by code, per zone and '*' for all zones), the area by status and the codes no category
table lists. The numbers are the core's and equal ``guotu convert`` on the same data.

With the three control lines of a workspace (``ConversionRequest.lines``), every piece is
also split by the red line, the permanent farmland and the urban boundary (the red line
wins where they overlap, then farmland) and says which it lies in (field ``line``); the
area by (zone, line, status) comes back as ``ConversionResult.lines``.

CRS rule (the CLI's): everything is put in the CRS of the "before" layer.
"""

from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple, Union

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureRequest,
                       QgsFeatureSource, QgsFeedback, QgsVectorLayer)

from ..i18n import tr
from ..paths import resources_dir
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..binding.convert_native import (CATEGORIES, LINES, STATUSES, CategoryMap, ConversionPiece, Convert, Policy,
                             StatusArea)
from ..binding.errors import GuotuCancelled, GuotuError, GuotuInputError
from ..inputs.feature_reading import geometry_in_target, read_features, source_label, transform_to
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context, InvalidPolicy
from ..binding.voucher_native import Coefficients
from ..inputs.progress import PhasedProgress
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs
from ..tally.code_units import name_of, unit_of_code

# Classification systems, each with a category preset (and a voucher coefficient preset
# for the standard-forest change) of the same name.
SYSTEMS: Tuple[str, ...] = ("CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023")
ALL_ZONES = "*"

# Share of the progress bar per phase (percent).
_TABLES = (0.0, 2.0)
_ZONES = (2.0, 6.0)
_BEFORE = (6.0, 22.0)
_LINES = (22.0, 25.0)
_PREPARE = (25.0, 28.0)
_AFTER = (28.0, 98.0)
_FINISH = (98.0, 100.0)

# Output tables, field names and types as `guotu convert` writes them.
CONVERSION_FIELDS = ("from_code", "to_code", "from_category", "to_category", "status", "path_zh", "path_en",
                     "area_ha", "dm_ha", "zone_id")
TRANSITION_FIELDS = ("zone_id", "level", "from_class", "to_class", "status", "area_ha", "dm_ha")
STATUS_FIELDS = ("zone_id", "status", "area_ha")
UNKNOWN_FIELDS = ("class_code", "layer", "area_ha")
LINE_FIELD = "line"  # on the conversions, only with the three lines
LINE_SUMMARY_FIELDS = ("zone_id", "line", "status", "area_ha")
REAL_FIELDS = {"area_ha", "dm_ha"}


def conversion_preset(name: str) -> Path:
    """A category preset (a system name) or the policy preset ("policy")."""
    return resources_dir() / "presets" / "conversion" / f"{name}.csv"


def coefficient_preset(system: str) -> Path:
    return resources_dir() / "presets" / "voucher" / f"{system}.csv"


def read_table(path: Union[str, Path]) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise GuotuInputError(tr('Cannot read the table "{path}": {error}').format(path=path, error=e)) from e


@dataclass
class LandUseInput:
    source: QgsFeatureSource
    class_field: str
    system: str
    categories: Optional[str] = None  # code,category CSV; None: the system's preset
    # Only features whose class code this accepts are overlaid; the others are read and passed
    # by (a run that counts some classes only, as the binding indicators' change). None: all.
    keep: Optional[Callable[[str], bool]] = None


@dataclass
class ConversionRequest:
    before: LandUseInput
    after: LandUseInput
    zones: Optional[QgsFeatureSource] = None
    zone_id_field: Optional[str] = None
    policy: Optional[str] = None  # from,to,status,paths_zh,paths_en CSV; None: the preset
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL
    invalid: InvalidPolicy = InvalidPolicy.REPAIR
    # The three control lines (a workspace's layers), keyed by LINES names; None: no lines.
    lines: Optional[Dict[str, QgsFeatureSource]] = None
    # Or a matrix per survey unit without zones: the unit of a piece is the first
    # unit_code_length characters (0: all) of its before parcel's code in this field (三调 ZLDWDM).
    unit_code_field: Optional[str] = None
    unit_code_length: int = 0
    # The units' names (code -> name, e.g. XZQ's XZQMC, CJDCQ's or the survey's ZLDWMC), looked up
    # as the tally does (code_units.name_of: a code padded with zeros names its unit); None: none.
    unit_names: Optional[Dict[str, str]] = None


def conversion_fields(with_lines: bool) -> Tuple[str, ...]:
    """Fields of the conversions output: CONVERSION_FIELDS, and ``line`` with the three lines."""
    return CONVERSION_FIELDS + ((LINE_FIELD,) if with_lines else ())


TransitionRow = Tuple[str, str, str, str, str, float, float]  # TRANSITION_FIELDS
StatusRow = Tuple[str, str, float]                          # STATUS_FIELDS
UnknownRow = Tuple[str, str, float]                         # UNKNOWN_FIELDS
LineRow = Tuple[str, str, str, float]                       # LINE_SUMMARY_FIELDS
UnitRow = Tuple[str, str, str, str, str, str, str, float, float]  # UNIT_TRANSITION_FIELDS
# The matrix per unit of the before parcels' codes (guotu convert --zone-code-field).
UNIT_TRANSITION_FIELDS = ("unit_id", "unit_name", "from_code", "to_code", "from_category", "to_category", "status", "area_ha",
                          "dm_ha")


@dataclass
class ConversionResult:
    transitions: List[TransitionRow]   # category rows, then code rows (the CLI's order)
    statuses: List[StatusRow]
    unknown: List[UnknownRow]
    stats: Dict[str, float]            # guotu_convert_stats
    crs: QgsCoordinateReferenceSystem  # CRS of the pieces (the before layer's)
    area_description: str
    tables: Dict[str, str] = field(default_factory=dict)   # role -> file used
    skipped: Dict[str, int] = field(default_factory=dict)  # layer role -> features without geometry
    reprojected: List[str] = field(default_factory=list)   # labels of layers reprojected
    lines: List[LineRow] = field(default_factory=list)     # area by (zone, line, status)
    units: List[UnitRow] = field(default_factory=list)     # the matrix per unit (unit_code_field)
    unnamed_units: List[str] = field(default_factory=list)  # units the names layer does not name

    def all_zones_key(self) -> str:
        """Zone id of the totals over all zones: '*' with zones, '' without."""
        return ALL_ZONES if any(row[0] == ALL_ZONES for row in self.statuses) else ""

    def status_areas(self, zone_id: Optional[str] = None) -> Dict[str, float]:
        zone = self.all_zones_key() if zone_id is None else zone_id
        return {status: area for z, status, area in self.statuses if z == zone}


def piece_row(piece: ConversionPiece, with_line: bool = False) -> tuple:
    """Attribute values of a piece in conversion_fields(with_line) order."""
    row = (piece.from_code, piece.to_code, piece.from_category, piece.to_category, piece.status,
           piece.paths_zh, piece.paths_en, piece.area_ha, piece.dm_ha, piece.zone_id)
    return row + (piece.line,) if with_line else row


def load_tables(ctx: Context, stack: ExitStack, progress: PhasedProgress, before, after,
                policy: Optional[str]) -> Tuple[Dict[str, object], Dict[str, str]]:
    """Category maps, policy and coefficient tables parsed by the core (``before`` and
    ``after`` have a ``system`` and optional ``categories`` file); the core's messages name
    the file and the line (or the missing pair). Entered into ``stack``."""
    progress.phase(*_TABLES)
    files: Dict[str, str] = {}
    tables: Dict[str, object] = {}
    for role, land in (("before", before), ("after", after)):
        path = str(land.categories) if land.categories else str(conversion_preset(land.system))
        files[f"{role}_categories"] = path
        try:
            tables[f"{role}_map"] = stack.enter_context(CategoryMap(ctx, read_table(path), path))
        except GuotuError as e:
            message = (tr('The category table "{path}" of the before layer cannot be used: {message}')
                       if role == "before" else
                       tr('The category table "{path}" of the after layer cannot be used: {message}'))
            raise GuotuInputError(message.format(path=path, message=e.message)) from e
        # The standard-forest change per piece uses each system's voucher preset, as the CLI.
        k_path = str(coefficient_preset(land.system))
        files[f"{role}_coefficients"] = k_path
        tables[f"{role}_k"] = stack.enter_context(Coefficients(ctx, read_table(k_path), k_path))
    path = str(policy) if policy else str(conversion_preset("policy"))
    files["policy"] = path
    try:
        tables["policy"] = stack.enter_context(Policy(ctx, read_table(path), path))
    except GuotuError as e:
        raise GuotuInputError(tr('The policy table "{path}" cannot be used: {message}')
                              .format(path=path, message=e.message)) from e
    progress.report(1.0)
    return tables, files


class ConversionRun:
    """State of one run_conversion call; one method per phase."""

    def __init__(self, request: ConversionRequest, transform_context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.transform_context = transform_context
        self.progress = progress
        self.labels = {"before": source_label(request.before.source), "after": source_label(request.after.source),
                       "zones": source_label(request.zones) if request.zones is not None else ""}
        for name, source in (request.lines or {}).items():
            self.labels[name] = source_label(source) or name
        self.indexes = self._validate()
        self.crs = request.before.source.sourceCrs()
        self.reprojected: List[str] = []

    def _validate(self) -> Dict[str, int]:
        r = self.request
        indexes: Dict[str, int] = {}
        for role, land in (("before", r.before), ("after", r.after)):
            label = self.labels[role]
            if land.system not in SYSTEMS:
                raise GuotuInputError(tr('Unknown classification system "{system}"; known: {systems}.')
                                      .format(system=land.system, systems=", ".join(SYSTEMS)))
            require_polygon_source(land.source, label)
            require_valid_crs(land.source.sourceCrs(), label)
            if not land.class_field:
                raise GuotuInputError(
                    tr('Choose the land-use class field of layer "{layer}".').format(layer=label))
            indexes[role] = require_field(land.source, land.class_field, label)
        if r.zones is not None:
            require_polygon_source(r.zones, self.labels["zones"])
            require_valid_crs(r.zones.sourceCrs(), self.labels["zones"])
            if not r.zone_id_field:
                raise GuotuInputError(tr('Choose the zone id field of layer "{layer}".')
                                      .format(layer=self.labels["zones"]))
            indexes["zones"] = require_field(r.zones, r.zone_id_field, self.labels["zones"])
        if r.lines is not None:
            unknown = set(r.lines) - set(LINES)
            if unknown:
                raise GuotuInputError(tr("Unknown three-lines layers: {names}; known: {lines}.")
                                      .format(names=", ".join(sorted(unknown)), lines=", ".join(LINES)))
            for name, source in r.lines.items():
                require_polygon_source(source, self.labels[name])
                require_valid_crs(source.sourceCrs(), self.labels[name])
        if r.area_method == AreaMethod.PLANAR:
            require_metric_crs(r.before.source.sourceCrs(), self.labels["before"])
        return indexes

    # ---- tables ----

    def load_tables(self, ctx: Context, stack: ExitStack) -> Tuple[Dict[str, object], Dict[str, str]]:
        r = self.request
        return load_tables(ctx, stack, self.progress, r.before, r.after, r.policy)

    def create(self, ctx: Context, tables: Dict[str, object]) -> Convert:
        r = self.request
        return Convert(ctx, crs_for_core(self.crs), tables["before_map"], tables["after_map"], tables["policy"],
                       tables["before_k"], tables["after_k"], area_method=r.area_method, invalid=r.invalid,
                       before_label=self.labels["before"], after_label=self.labels["after"],
                       zones_label=self.labels["zones"] or None)

    def _transform_for(self, source: QgsFeatureSource, role: str):
        transform = transform_to(source.sourceCrs(), self.crs, self.transform_context)
        if transform is not None:
            self.reprojected.append(self.labels[role])
        return transform

    # ---- phases ----

    def add_zones(self, cv: Convert) -> None:
        r = self.request
        if r.zones is None:
            return
        self.progress.phase(*_ZONES)
        label, index = self.labels["zones"], self.indexes["zones"]
        transform = self._transform_for(r.zones, "zones")
        total = max(1, r.zones.featureCount())
        seen: Dict[str, int] = {}
        for n, feature in enumerate(read_features(r.zones, [index])):
            self.progress.check_cancel()
            zone_id = code_from_value(feature.attribute(index))
            if zone_id is None or not zone_id.strip():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" has an empty zone id in field "{field}"; '
                       'every zone needs an id.')
                    .format(fid=feature.id(), layer=label, field=r.zone_id_field))
            if zone_id in seen:
                raise GuotuInputError(
                    tr('Features {first} and {second} of layer "{layer}" have the same zone id "{id}" '
                       'in field "{field}"; zone ids must be unique (dissolve the zones first).')
                    .format(first=seen[zone_id], second=feature.id(), layer=label, id=zone_id,
                            field=r.zone_id_field))
            seen[zone_id] = feature.id()
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(
                    tr('Feature {fid} of layer "{layer}" (zone "{id}") has no geometry.')
                    .format(fid=feature.id(), layer=label, id=zone_id))
            geometry = geometry_in_target(feature, transform, label)
            cv.add_zone(zone_id, feature.id(), geometry_wkb(geometry))
            self.progress.report((n + 1) / total)
        if not seen:
            raise GuotuInputError(
                tr('Layer "{layer}" has no zones (check its selection and filter).').format(layer=label))

    def add_landuse(self, cv: Convert, role: str) -> int:
        """Feeds the before (all, then prepare) or after (one by one) layer; returns the
        number of features skipped for having no geometry."""
        land = self.request.before if role == "before" else self.request.after
        label, index = self.labels[role], self.indexes[role]
        self.progress.phase(*(_BEFORE if role == "before" else _AFTER))
        transform = self._transform_for(land.source, role) if role == "after" else None
        total = land.source.featureCount()
        if role == "after" and total > 0:
            cv.set_expected(total)
        add = cv.add_before if role == "before" else cv.add_after
        skipped = fed = passed = 0
        for n, feature in enumerate(read_features(land.source, [index])):
            self.progress.check_cancel()
            code = code_from_value(feature.attribute(index))
            if land.keep is not None and not land.keep(code):
                passed += 1
                continue
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                skipped += 1
                continue
            geometry = geometry_in_target(feature, transform, label)
            add(code, feature.id(), geometry_wkb(geometry))
            fed += 1
            self.progress.report((n + 1) / max(1, total))
        if role == "before" and fed == 0 and not passed:
            raise GuotuInputError(tr('Layer "{layer}" has no polygons (check its selection and filter).')
                                  .format(layer=label))
        return skipped

    def add_lines(self, cv: Convert) -> None:
        """The features of the three lines, reprojected like the other layers."""
        lines = self.request.lines
        if lines is None:
            return
        self.progress.phase(*_LINES)
        total = max(1, sum(max(0, source.featureCount()) for source in lines.values()))
        done = 0
        for line, name in enumerate(LINES):
            source = lines.get(name)
            if source is None:
                continue
            transform = self._transform_for(source, name)
            for feature in read_features(source, []):
                self.progress.check_cancel()
                done += 1
                if not feature.hasGeometry() or feature.geometry().isEmpty():
                    continue
                geometry = geometry_in_target(feature, transform, self.labels[name])
                cv.add_line(line, feature.id(), geometry_wkb(geometry))
                self.progress.report(done / total)

    def prepare(self, cv: Convert) -> None:
        self.progress.phase(*_PREPARE)
        cv.prepare()

    def finish(self, cv: Convert) -> None:
        self.progress.phase(*_FINISH)
        cv.finish()
        self.progress.report(1.0)


def tables_of(cv: Convert) -> Tuple[List[TransitionRow], List[StatusRow], List[UnknownRow]]:
    transitions: List[TransitionRow] = [
        (t.zone_id, "category", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha) for t in cv.category_rows()]
    transitions += [(t.zone_id, "code", t.from_class, t.to_class, t.status, t.area_ha, t.dm_ha)
                    for t in cv.code_rows()]
    statuses: List[StatusRow] = [(s.zone_id, s.status, s.area_ha) for s in cv.status_rows()]
    unknown: List[UnknownRow] = [(u.code, "after" if u.side else "before", u.area_ha) for u in cv.unknown_rows()]
    return transitions, statuses, unknown


def _natural(code: str) -> tuple:
    """Codes in natural order, as the core sorts them: numerically where integers."""
    return (0, int(code), "") if code.isdigit() else (1, 0, code)


class UnitMatrix:
    """Sums the pieces per (unit of the before parcel, from code, to code), as ``guotu convert
    --zone-code-field`` does; each piece's zone_id becomes its unit."""

    def __init__(self, request: ConversionRequest, feedback: Optional[QgsFeedback] = None) -> None:
        source, field_name = request.before.source, request.unit_code_field or ""
        label = source_label(source)
        index = require_field(source, field_name, label)
        self.units: Dict[int, str] = {}
        for feature in read_features(source, [index], geometry=False):
            if feedback is not None and feedback.isCanceled():
                raise GuotuCancelled()
            code = code_from_value(feature.attribute(index))
            if not code:
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no unit code (field "{field}").')
                                      .format(fid=feature.id(), layer=label, field=field_name))
            self.units[feature.id()] = unit_of_code(code, request.unit_code_length, feature.id(), label, field_name)
        self.cells: Dict[Tuple[str, str, str], List] = {}

    def add(self, piece: ConversionPiece) -> None:
        unit = self.units[piece.before_fid]
        piece.zone_id = unit
        cell = self.cells.setdefault((unit, piece.from_code, piece.to_code),
                                     [piece.from_category, piece.to_category, piece.status, 0.0, 0.0])
        cell[3] += piece.area_ha
        cell[4] += piece.dm_ha

    def rows(self, namer: "UnitNamer") -> List[UnitRow]:
        keys = sorted(self.cells, key=lambda k: (k[0], _natural(k[1]), _natural(k[2])))
        return [(k[0], namer(k[0]), k[1], k[2], *self.cells[k]) for k in keys]


class UnitNamer:
    """The name of a unit in unit_transitions (as guotu convert --zone-names): "" without names or
    without an entry, and the units without one are kept (in order of first asking) for a warning."""

    def __init__(self, names: Optional[Dict[str, str]]) -> None:
        self.names = names
        self.unnamed: List[str] = []

    def __call__(self, unit: str) -> str:
        if not self.names:
            return ""
        name = name_of(self.names, unit)
        if name is None and unit not in self.unnamed:
            self.unnamed.append(unit)
        return name or ""


def run_conversion(request: ConversionRequest, transform_context: QgsCoordinateTransformContext,
                   feedback: Optional[QgsFeedback] = None,
                   on_piece: Optional[Callable[[ConversionPiece], None]] = None) -> ConversionResult:
    """Runs the overlay; every piece goes to ``on_piece`` as it is made (a sink writer,
    say), the tables come back in the result. Raises GuotuInputError (the inputs or
    tables are unusable; the message names layer, field, feature, file and line),
    GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    run = ConversionRun(request, transform_context, progress)
    with Context() as ctx, ExitStack() as stack:
        ctx.set_progress(progress.native_callback)
        with AreaCalculator(ctx, crs_for_core(run.crs), request.area_method) as calc:
            description = calc.describe()
        tables, files = run.load_tables(ctx, stack)
        # Entered last, so closed first: the overlay borrows the tables.
        cv = stack.enter_context(run.create(ctx, tables))
        run.add_zones(cv)
        skipped = {"before": run.add_landuse(cv, "before")}
        run.add_lines(cv)
        run.prepare(cv)
        units = UnitMatrix(request, feedback) if request.unit_code_field else None
        namer = UnitNamer(request.unit_names)
        if units is not None:
            def unit_piece(piece: ConversionPiece) -> None:
                units.add(piece)
                if on_piece is not None:
                    on_piece(piece)
            cv.set_piece_callback(unit_piece)
        elif on_piece is not None:
            cv.set_piece_callback(on_piece)
        skipped["after"] = run.add_landuse(cv, "after")
        run.finish(cv)
        transitions, statuses, unknown = tables_of(cv)
        lines: List[LineRow] = [(row.zone_id, row.line, row.status, row.area_ha) for row in cv.line_rows()]
        return ConversionResult(transitions=transitions, statuses=statuses, unknown=unknown, stats=cv.stats(),
                                crs=run.crs, area_description=description, tables=files, skipped=skipped,
                                reprojected=run.reprojected, lines=lines,
                                units=units.rows(namer) if units is not None else [], unnamed_units=namer.unnamed)


# ---- transition matrices read back from outputs --------------------------------------

Cells = Dict[Tuple[str, str], Tuple[float, str]]  # (from, to) category -> (area_ha, status)
MATRIX_FIELDS = ("from_category", "to_category", "status", "area_ha", "zone_id")


def category_matrix(rows: List[TransitionRow], zone_id: str) -> Cells:
    """The category rows of ``zone_id`` of a transitions table."""
    return {(f, t): (area, status) for z, level, f, t, status, area, _dm in rows
            if level == "category" and z == zone_id}


def missing_matrix_fields(layer: QgsVectorLayer) -> List[str]:
    names = set(layer.fields().names())
    return [name for name in MATRIX_FIELDS if name not in names]


def _text(value: object) -> str:
    return "" if is_null(value) else str(value)


def matrices_from_layer(layer: QgsVectorLayer) -> Dict[str, Cells]:
    """Category matrices summed from a conversions layer: one per zone id found, and
    ALL_ZONES ('*') over every piece. Zone ids come in the layer's order."""
    fields = layer.fields()
    index = [fields.lookupField(name) for name in MATRIX_FIELDS]
    if min(index) < 0:
        raise GuotuInputError(
            tr('Layer "{layer}" is not a land-use conversion layer: it lacks the fields {fields}.')
            .format(layer=layer.name(), fields=", ".join(missing_matrix_fields(layer))))
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(index)
    sums: Dict[str, Dict[Tuple[str, str], List]] = {ALL_ZONES: {}}
    for feature in layer.getFeatures(request):
        from_category, to_category, status, area, zone = (feature.attribute(i) for i in index)
        area = 0.0 if is_null(area) else float(area)
        key = (_text(from_category), _text(to_category))
        for zone_key in (ALL_ZONES, _text(zone)):
            cell = sums.setdefault(zone_key, {}).setdefault(key, [0.0, _text(status)])
            cell[0] += area
    return {zone: {key: (cell[0], cell[1]) for key, cell in cells.items()} for zone, cells in sums.items()}


__all__ = ["ALL_ZONES", "CATEGORIES", "CONVERSION_FIELDS", "LINES", "LINE_FIELD", "LINE_SUMMARY_FIELDS",
           "LineRow", "conversion_fields", "Cells", "MATRIX_FIELDS", "matrices_from_layer",
           "missing_matrix_fields", "ConversionPiece", "ConversionRequest",
           "ConversionResult", "LandUseInput", "REAL_FIELDS", "STATUSES", "STATUS_FIELDS", "SYSTEMS",
           "StatusArea", "TRANSITION_FIELDS", "UNKNOWN_FIELDS", "category_matrix", "coefficient_preset",
           "conversion_preset", "piece_row", "read_table", "run_conversion"]
