"""The three-lines check (三区三线检查) from QGIS inputs: the rules L01–L14 of
guotu_lines.h on the red line, farmland and urban boundary layers and the admin units,
with the workspace's accepted exceptions.

The inputs are QgsFeatureSources, so a layer's unsaved edits, selection or filter count
as the user sees them. Everything the CLI (`guotu lines check`) computes is computed the
same way: the features go to the core as they are (their WKB is what the fingerprints
hash), the admin values come from the admin layer's fields, cultivated land (L14) is a
tally of the land-use layer by admin unit keeping the codes whose category in the
system's conversion preset is "cultivated", net of 田坎 (the deducted share of a parcel,
by its KCXS coefficient, goes to 1203, which is left out, as `guotu lines check
--deduction` does), and an issue is accepted while its
fingerprint is in the exceptions table. Nothing here computes an area.

2020 urban land (L11) comes from the admin layer's urban_2020_ha, or from a polygon layer
whose area inside each admin unit is taken (all its features, whatever their class).

The layers may be the planner's own (a planning database, a File Geodatabase, shapefiles):
the admin layer's fields are named in the request and matched in any case, a target field
that is missing leaves its rule unchecked with a note (never an error, never a silent pass),
and line layers in another CRS are reprojected to the admin units' with a note, as
`guotu lines check` does, with the same notes in both languages.
"""

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsCsException, QgsFeatureSource, QgsFeedback, QgsGeometry, QgsWkbTypes)

from ..i18n import chinese_ui, tr
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..conversion.convert import SYSTEMS, conversion_preset  # systems with a conversion preset (code -> category)
from ..binding.convert_native import CategoryMap
from ..binding.errors import GuotuCancelled, GuotuInputError
from ..inputs.feature_reading import read_features
from ..binding.lines_native import LINE_NAMES, RULES, AdminValues, LineIssue, Lines, LinesOptions, LineStats, declare
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context
from ..binding.tally_native import Tally
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..tally.tally import TallyRequest, finished_tally
from ..inputs.metric_zone import WorkZone, choose_work_zone
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs

DEFAULT_SYSTEM = "SANDIAO_WORK"  # the CLI's default
CULTIVATED = "cultivated"

# SPEC §2 defaults, as guotu_lines_options_init sets them (a test compares the two).
DEFAULTS = {"minor_overlap_m2": 1.0, "sliver_width_m": 1.0, "min_patch_m2": 50.0, "gap_min_m": 0.0,
            "gap_max_m": 1.0, "expansion_cap": 1.3, "farmland_share": 0.8}

# Known names of the admin layer's fields (matched in any case: the workspace's xzqdm, xzqmc,
# delivered XZQ layers' XZQDM, XZQMC), the defaults of the CLI's --admin-id ... options.
ADMIN_CODE, ADMIN_NAME = "XZQDM", "XZQMC"
ADMIN_VALUE_FIELDS = ("erl_target_ha", "pbf_target_ha", "urban_2020_ha", "expansion_cap")

# issues and issue_points: (name, kind) as resources/schemas/line_issues.csv declares them for the tool's
# writer too, and the function that puts the values IssueRecord.attributes gives into that order.
ISSUE_FIELDS: List[Tuple[str, str]] = [(c.name, c.kind) for c in table_schema("line_issues").kept()]
_ISSUE_ROW = table_schema("line_issues").layout(
    ("rule_id", "severity", "status", "layer_a", "fid_a", "layer_b", "fid_b", "admin_code", "value", "message_zh",
     "message_en", "suggestion_zh", "suggestion_en", "fingerprint", "exception_reason"))[1]
# line_stats and notes: (name, kind, Chinese title) as resources/schemas declares them for the
# tool's writers too (line_stats.csv, line_notes.csv), and the functions that put the values
# stats_attributes and Note.attributes give, in their order, into the schema's order.
STATS_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("line_stats").kept()]
_STATS_ROW = table_schema("line_stats").layout(
    ("admin_code", "admin_name", "redline_ha", "redline_mu", "redline_target_ha", "redline_ok", "farmland_ha",
     "farmland_mu", "farmland_target_ha", "farmland_ok", "urban_ha", "urban_mu", "urban_2020_ha", "expansion",
     "expansion_cap", "expansion_ok", "cultivated_ha", "farmland_share", "share_ok"))[1]
MU_PER_HA = 15.0

# Share of the progress bar (percent) per step.
_LINES = (0.0, 30.0)
_ADMINS = (30.0, 35.0)
_LANDUSE = (35.0, 60.0)
_URBAN = (60.0, 75.0)
_RUN = (75.0, 100.0)


def rule_titles() -> Dict[str, str]:
    return {
        "L01": tr("Invalid geometry"),
        "L02": tr("Duplicate features"),
        "L03": tr("Overlaps within a line"),
        "L04": tr("Red line overlaps farmland"),
        "L05": tr("Red line overlaps urban boundary"),
        "L06": tr("Farmland overlaps urban boundary"),
        "L07": tr("Slivers"),
        "L08": tr("Tiny patches"),
        "L09": tr("Narrow gaps within a line"),
        "L10": tr("Features across admin boundaries"),
        "L11": tr("Urban expansion over the cap"),
        "L12": tr("Farmland below target"),
        "L13": tr("Red line below target"),
        "L14": tr("Farmland below the share of cultivated land"),
    }


def role_titles() -> Dict[str, str]:
    return {"ecological_redline": tr("red line"), "permanent_farmland": tr("permanent farmland"),
            "urban_boundary": tr("urban boundary"), "admin_units": tr("admin units")}


@dataclass
class LinesRequest:
    """Inputs of one check. ``labels`` names the inputs in messages (layer names)."""
    redline: Optional[QgsFeatureSource]
    farmland: Optional[QgsFeatureSource]
    urban: Optional[QgsFeatureSource]
    admin: Optional[QgsFeatureSource]
    exceptions: Optional[QgsFeatureSource] = None
    landuse: Optional[QgsFeatureSource] = None
    class_field: Optional[str] = None
    system: str = DEFAULT_SYSTEM
    # 田坎: the land use's deduction coefficient field (KCXS of a 三调 layer); None for none.
    deduction_field: Optional[str] = None
    urban_2020: Optional[QgsFeatureSource] = None
    options: LinesOptions = field(default_factory=LinesOptions)
    labels: Dict[str, str] = field(default_factory=dict)
    # Fields of the admin layer; None = the known name (ADMIN_CODE, ADMIN_NAME,
    # ADMIN_VALUE_FIELDS), which may be missing (its rule is then noted as not checked). A
    # name given here must exist. Matched in any case. An empty name ("") for the admin name or a
    # target means none: the units are named by their codes, the rule is not checked (with a note),
    # as `guotu lines check --redline-target ''` does.
    admin_id_field: Optional[str] = None
    admin_name_field: Optional[str] = None
    value_fields: Tuple[Optional[str], ...] = (None, None, None, None)  # ADMIN_VALUE_FIELDS order


@dataclass
class IssueRecord:
    """One issue with its verdict against the exceptions and its geometry in the lines' CRS."""
    issue: LineIssue
    status: str  # "open" or "accepted"
    exception_reason: str
    geometry: QgsGeometry

    @property
    def is_point(self) -> bool:
        return QgsWkbTypes.geometryType(self.geometry.wkbType()) == QgsWkbTypes.PointGeometry

    def attributes(self) -> List[Any]:
        """Values in ISSUE_FIELDS order, as the CLI writes them (NaN and no feature: NULL)."""
        i = self.issue
        return _ISSUE_ROW([i.rule_id, i.severity, self.status, i.layer_a, i.fid_a if i.line_a >= 0 else None,
                           i.layer_b, i.fid_b if i.line_b >= 0 else None, i.admin_code, _real(i.value), i.message_zh,
                           i.message_en, i.suggestion_zh, i.suggestion_en, i.fingerprint, self.exception_reason])


@dataclass
class LinesResult:
    issues: List[IssueRecord]
    stats: List[LineStats]
    crs: QgsCoordinateReferenceSystem
    area_description: str
    features: Dict[str, int]           # line -> features checked
    accepted: int = 0
    warnings: List[str] = field(default_factory=list)
    notes: List["Note"] = field(default_factory=list)
    reprojected: List[str] = field(default_factory=list)  # labels of the layers reprojected

    def counts(self) -> Dict[str, Dict[str, int]]:
        """rule -> severity -> number of issues."""
        found: Dict[str, Dict[str, int]] = {}
        for record in self.issues:
            by_severity = found.setdefault(record.issue.rule_id, {})
            by_severity[record.issue.severity] = by_severity.get(record.issue.severity, 0) + 1
        return found


@dataclass
class Note:
    """What the run could not check, or changed on the way: a row of the CLI's table `notes`."""
    rule_id: str  # "L13", or "" for the run as a whole
    zh: str
    en: str

    def text(self) -> str:
        """The note in the UI's language."""
        return self.zh if chinese_ui() else self.en

    def attributes(self) -> List[str]:
        return _NOTE_ROW([self.rule_id, self.zh, self.en])


# The table of notes.
NOTE_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("line_notes").kept()]
_NOTE_ROW = table_schema("line_notes").layout(("rule_id", "note_zh", "note_en"))[1]
_ROLES_ZH = {"ecological_redline": "生态保护红线", "permanent_farmland": "永久基本农田",
             "urban_boundary": "城镇开发边界"}
_ROLES_EN = {"ecological_redline": "red line", "permanent_farmland": "permanent farmland",
             "urban_boundary": "urban boundary"}


def find_field(source: QgsFeatureSource, name: str) -> int:
    """Index of field ``name``: the exact name, else the same name in another case (delivered
    data is upper case); -1. Never an alias, never another field."""
    names = source.fields().names()
    if name in names:
        return names.index(name)
    folded = [n.casefold() for n in names]
    return folded.index(name.casefold()) if name.casefold() in folded else -1


def _crs_label(crs: QgsCoordinateReferenceSystem) -> str:
    return f"{crs.authid()} ({crs.description()})" if crs.authid() else crs.description()


def _real(value: Optional[float]) -> Optional[float]:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _verdict(ok: int) -> str:
    return "pass" if ok == 1 else "fail" if ok == 0 else ""


def stats_attributes(s: LineStats) -> List[Any]:
    """A statistics row in STATS_FIELDS order, as the CLI writes line_stats."""
    v = s.values
    return _STATS_ROW([s.admin_code, s.admin_name, s.redline_ha, s.redline_ha * MU_PER_HA,
                       _real(v.redline_target_ha), _verdict(s.redline_ok), s.farmland_ha, s.farmland_ha * MU_PER_HA,
                       _real(v.farmland_target_ha), _verdict(s.farmland_ok), s.urban_ha, s.urban_ha * MU_PER_HA,
                       _real(v.urban_2020_ha), _real(s.expansion), _real(v.expansion_cap), _verdict(s.expansion_ok),
                       _real(v.cultivated_ha), _real(s.farmland_share), _verdict(s.share_ok)])


def issue_geometry(wkb: bytes) -> QgsGeometry:
    """The problem's geometry: a point (L01) or an area (MultiPolygon); empty if none."""
    geometry = QgsGeometry()
    if not wkb:
        return geometry
    geometry.fromWkb(wkb)
    kind = QgsWkbTypes.geometryType(geometry.wkbType())
    if kind == QgsWkbTypes.PolygonGeometry:
        geometry.convertToMultiType()
    elif kind != QgsWkbTypes.PointGeometry:
        polygons = geometry.convertToType(QgsWkbTypes.PolygonGeometry, True)
        geometry = polygons if polygons is not None and not polygons.isNull() else QgsGeometry()
    return geometry


def _number(value: Any) -> float:
    """A target or area from an attribute: NULL or text that is no number is NaN (not known)."""
    if is_null(value):
        return math.nan
    try:
        return float(value.value() if hasattr(value, "value") and not isinstance(value, (int, float, str))
                     else value)
    except (TypeError, ValueError):
        return math.nan


class _Check:
    """State of one run_check call; one method per step."""

    def __init__(self, request: LinesRequest, transform_context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.transform_context = transform_context
        self.progress = progress
        self.sources = {LINE_NAMES[0]: request.redline, LINE_NAMES[1]: request.farmland,
                        LINE_NAMES[2]: request.urban, "admin_units": request.admin}
        self.warnings: List[str] = []
        self.notes: List[Note] = []
        self.reprojected: List[str] = []
        self.transforms: Dict[str, QgsCoordinateTransform] = {}
        self.fields: Dict[str, int] = {}  # "id", "name", ADMIN_VALUE_FIELDS -> index (-1: missing)
        self.none_chosen: set = set()  # keys of self.fields switched off with an empty name
        self.skipped: Dict[str, bool] = {}
        self.zone: Optional[WorkZone] = None  # geographic data: the Gauss-Krüger zone the run works in
        self.crs = self._validate()

    def label(self, role: str) -> str:
        return self.request.labels.get(role) or role

    def _validate(self) -> QgsCoordinateReferenceSystem:
        titles = role_titles()
        for role, source in self.sources.items():
            if source is None:
                raise GuotuInputError(
                    tr('The three-lines check needs the {what} layer ("{layer}" of a workspace), but it is missing. '
                       'Make workspaces with "New three-lines workspace".').format(what=titles[role], layer=role))
            label = self.label(role)
            require_polygon_source(source, label)
            require_valid_crs(source.sourceCrs(), label)
        # Every line is read in the admin units' CRS; a layer in another is reprojected, with a note.
        # Geographic admin units: the run works in the Gauss-Krüger zone of all the layers' centre.
        crs = self.request.admin.sourceCrs()
        first = self.label("admin_units")
        zone = choose_work_zone(crs, [(s.sourceExtent(), s.sourceCrs()) for s in self.sources.values()],
                                self.transform_context, first)
        if zone is not None:
            self.zone = zone
            self.notes.append(Note("", zone.note_zh, zone.note_en))
            self.transforms["admin_units"] = QgsCoordinateTransform(crs, zone.crs, self.transform_context)
            crs = zone.crs
        for role in LINE_NAMES:
            have = self.sources[role].sourceCrs()
            if have == crs:
                continue
            self.transforms[role] = QgsCoordinateTransform(have, crs, self.transform_context)
            layer = self.label(role)
            self.reprojected.append(layer)
            to_zh, to_en = ("数据中心所在的高斯-克吕格投影带", "the Gauss-Krüger zone of the data's centre") if zone \
                else ("行政区的坐标系", "the CRS of the admin units")
            self.notes.append(Note(
                "", f"{_ROLES_ZH[role]}图层 {layer} 已从 {_crs_label(have)} 投影转换到{to_zh} {_crs_label(crs)}",
                f"the {_ROLES_EN[role]} layer '{layer}' was reprojected from {_crs_label(have)} to "
                f"{_crs_label(crs)}, {to_en}"))
        self._admin_fields()
        r = self.request
        if r.landuse is not None:
            label = self.label("landuse")
            require_polygon_source(r.landuse, label)
            require_valid_crs(r.landuse.sourceCrs(), label)
            if not r.class_field:
                raise GuotuInputError(tr('Choose the land-use class field of layer "{layer}".').format(layer=label))
            require_field(r.landuse, r.class_field, label)
            if r.system not in SYSTEMS:
                raise GuotuInputError(tr('"{system}" is not a classification system with a conversion preset '
                                         '({systems}).').format(system=r.system, systems=", ".join(SYSTEMS)))
        if r.urban_2020 is not None:
            label = self.label("urban_2020")
            require_polygon_source(r.urban_2020, label)
            require_valid_crs(r.urban_2020.sourceCrs(), label)
        if r.options.area_method == AreaMethod.PLANAR:
            require_metric_crs(crs, first)
        self._rule_notes()
        return crs

    def _admin_fields(self) -> None:
        """Finds the admin layer's fields: the code must exist, and so must a field the request
        names; a known name may be missing (index -1)."""
        r = self.request
        admin, label = r.admin, self.label("admin_units")
        wanted = [("id", r.admin_id_field, ADMIN_CODE), ("name", r.admin_name_field, ADMIN_NAME)]
        wanted += [(known, given, known) for known, given in zip(ADMIN_VALUE_FIELDS, r.value_fields)]
        self.none_chosen = {key for key, given, _known in wanted if given == "" and key != "id"}
        for key, given, known in wanted:
            if key in self.none_chosen:
                self.fields[key] = -1
                continue
            index = find_field(admin, given or known)
            if index < 0 and (given or key == "id"):
                raise GuotuInputError(
                    tr('Layer "{layer}" has no field "{field}". Its fields are: {fields}.').format(
                        layer=label, field=given or known, fields=", ".join(admin.fields().names())))
            self.fields[key] = index

    def _wanted(self, rule: str) -> bool:
        rules = self.request.options.rules
        return not rules or rule in rules

    def _rule_notes(self) -> None:
        """Notes for the rules that cannot be checked at all for want of their target (the
        CLI's, word for word)."""
        r, f = self.request, self.fields
        self.skipped = {"L13": f["erl_target_ha"] < 0, "L12": f["pbf_target_ha"] < 0,
                        "L11": f["urban_2020_ha"] < 0 and r.urban_2020 is None, "L14": r.landuse is None}
        none = self.none_chosen
        if self._wanted("L13") and self.skipped["L13"] and "erl_target_ha" in none:
            self.notes.append(Note("L13", "L13 生态保护红线低于保护任务：未检查，未选择保护任务字段",
                                   "L13 red line below target: not checked, no target field was chosen"))
        elif self._wanted("L13") and self.skipped["L13"]:
            self.notes.append(Note(
                "L13", "L13 生态保护红线低于保护任务：未检查，行政区没有字段 erl_target_ha",
                "L13 red line below target: not checked, the admin units have no field 'erl_target_ha'"))
        if self._wanted("L12") and self.skipped["L12"] and "pbf_target_ha" in none:
            self.notes.append(Note("L12", "L12 永久基本农田低于保护任务：未检查，未选择保护任务字段",
                                   "L12 farmland below target: not checked, no target field was chosen"))
        elif self._wanted("L12") and self.skipped["L12"]:
            self.notes.append(Note(
                "L12", "L12 永久基本农田低于保护任务：未检查，行政区没有字段 pbf_target_ha",
                "L12 farmland below target: not checked, the admin units have no field 'pbf_target_ha'"))
        if self._wanted("L11") and self.skipped["L11"] and "urban_2020_ha" in none:
            self.notes.append(Note(
                "L11", "L11 城镇开发边界扩展倍数超过上限：未检查，没有2020年城镇建设用地（未选择其字段，"
                       "也未给出2020年城镇建设用地图层）",
                "L11 urban expansion over the cap: not checked, no 2020 urban construction land (no field of it "
                "was chosen and no 2020 urban land layer was given)"))
        elif self._wanted("L11") and self.skipped["L11"]:
            self.notes.append(Note(
                "L11", "L11 城镇开发边界扩展倍数超过上限：未检查，没有2020年城镇建设用地（行政区没有字段 "
                       "urban_2020_ha，也未给出2020年城镇建设用地图层）",
                "L11 urban expansion over the cap: not checked, no 2020 urban construction land (the admin units "
                "have no field 'urban_2020_ha' and no 2020 urban land layer was given)"))
        elif self._wanted("L11") and f["expansion_cap"] < 0 and "expansion_cap" in none:
            cap = f"{r.options.expansion_cap:g}"  # as C's %g (the CLI's note)
            self.notes.append(Note(
                "L11", f"L11：未选择扩展倍数上限字段，各行政区的扩展倍数上限均为 {cap}",
                f"L11: no expansion cap field was chosen; the cap {cap} applies to every unit"))
        elif self._wanted("L11") and f["expansion_cap"] < 0:
            cap = f"{r.options.expansion_cap:g}"  # as C's %g (the CLI's note)
            self.notes.append(Note(
                "L11", f"L11：行政区没有字段 expansion_cap，各行政区的扩展倍数上限均为 {cap}",
                f"L11: the admin units have no field 'expansion_cap'; the cap {cap} applies to every unit"))
        if self._wanted("L14") and self.skipped["L14"]:
            self.notes.append(Note(
                "L14", "L14 永久基本农田占耕地比例不足：未检查，未给出用于计算耕地的土地利用图层",
                "L14 farmland below the share of cultivated land: not checked, no land use was given for the "
                "cultivated land"))
        if f["name"] < 0 and "name" in none:
            self.notes.append(Note("", "未选择行政区名称字段：以行政区代码代替名称",
                                   "no admin name field was chosen: the units are named by their codes"))
        elif f["name"] < 0:
            self.notes.append(Note("", f"行政区没有字段 {ADMIN_NAME}：以行政区代码代替名称",
                                   f"the admin units have no field '{ADMIN_NAME}': they are named by their codes"))

    def unit_notes(self, stats: List[LineStats]) -> None:
        """Rules L11-L14 that ran but could not be decided in some admin units: named, with
        the units (a target or base without a value there)."""
        why = {"L11": ("没有2020年城镇建设用地", "no 2020 urban land"),
               "L12": ("没有永久基本农田保护任务", "no farmland target"),
               "L13": ("没有生态保护红线保护任务", "no red-line target"),
               "L14": ("没有耕地", "no cultivated land")}
        verdicts = {"L11": "expansion_ok", "L12": "farmland_ok", "L13": "redline_ok", "L14": "share_ok"}
        for rule, attribute in verdicts.items():
            if not self._wanted(rule) or self.skipped.get(rule):
                continue
            codes = [s.admin_code for s in stats if getattr(s, attribute) == -1]
            if not codes:
                continue
            listed = ", ".join(c[:40] for c in codes[:10]) + (", …" if len(codes) > 10 else "")
            zh, en = why[rule]
            self.notes.append(Note(
                rule, f"{rule}：{len(stats)} 个行政区中 {len(codes)} 个未检查（{zh}）：{listed}",
                f"{rule} not checked in {len(codes)} of {len(stats)} admin units ({en}): {listed}"))

    # ---- steps ----

    def add_lines(self, lines: Lines) -> Dict[str, int]:
        self.progress.phase(*_LINES)
        counts: Dict[str, int] = {}
        totals = [max(0, self.sources[name].featureCount()) for name in LINE_NAMES]
        total, done = max(1, sum(totals)), 0
        for line, name in enumerate(LINE_NAMES):
            n = 0
            transform = self.transforms.get(name)
            for feature in read_features(self.sources[name], []):
                self.progress.check_cancel()
                done += 1
                if not feature.hasGeometry() or feature.geometry().isEmpty():
                    continue  # nothing to check (as the CLI)
                geometry = feature.geometry()
                if transform is not None:
                    geometry = QgsGeometry(geometry)
                    try:
                        geometry.transform(transform)
                    except QgsCsException as e:
                        raise GuotuInputError(
                            tr('Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}')
                            .format(fid=feature.id(), layer=self.label(name), crs=self.crs.userFriendlyIdentifier(),
                                    error=e)) from e
                lines.add(line, feature.id(), geometry_wkb(geometry))
                n += 1
                self.progress.report(done / total)
            counts[name] = n
        if not sum(counts.values()):
            raise GuotuInputError(
                tr("The layers {layers} have no features: nothing to check.").format(
                    layers=", ".join(f'"{self.label(name)}"' for name in LINE_NAMES)))
        return counts

    def read_admins(self) -> List[Tuple[str, str, AdminValues, int, bytes]]:
        self.progress.phase(*_ADMINS)
        admin = self.request.admin
        label = self.label("admin_units")
        fields = admin.fields()
        index = self.fields
        code_field = fields.at(index["id"]).name()
        rows = []
        total = max(1, admin.featureCount())
        for n, feature in enumerate(read_features(admin, [i for i in index.values() if i >= 0])):
            self.progress.check_cancel()
            code = code_from_value(feature.attribute(index["id"]))
            if code is None or not code.strip():
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no admin code in field "{field}".')
                                      .format(fid=feature.id(), layer=label, field=code_field))
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (admin unit "{code}") has no geometry.')
                                      .format(fid=feature.id(), layer=label, code=code))
            name = feature.attribute(index["name"]) if index["name"] >= 0 else None
            numbers = []
            for f in ADMIN_VALUE_FIELDS:
                if index[f] < 0:
                    numbers.append(math.nan)  # no such field: its rule is noted as not checked
                    continue
                value = feature.attribute(index[f])
                number = _number(value)
                if math.isnan(number) and not is_null(value) and str(value).strip():
                    # The CLI's note, word for word (the log shows it in the UI's language).
                    name, text = fields.at(index[f]).name(), str(value)[:200]
                    self.notes.append(Note(
                        "", f"图层 {label} 要素 {feature.id()}：字段 {name} 的值“{text}”不是数字，行政区 {code} "
                            f"跳过需要它的规则",
                        f"feature {feature.id()} of layer '{label}': '{text}' in field '{name}' is not a number; "
                        f"the rules that need it are skipped for admin unit '{code}'"))
                numbers.append(number)
            values = AdminValues(*numbers)
            geometry = feature.geometry()
            transform = self.transforms.get("admin_units")
            if transform is not None:
                geometry = QgsGeometry(geometry)
                try:
                    geometry.transform(transform)
                except QgsCsException as e:
                    raise GuotuInputError(
                        tr('Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}')
                        .format(fid=feature.id(), layer=label, crs=self.crs.userFriendlyIdentifier(),
                                error=e)) from e
            rows.append((code, "" if is_null(name) else str(name), values, feature.id(), geometry_wkb(geometry)))
            self.progress.report((n + 1) / total)
        return rows

    def cultivated(self, codes: List[str]) -> Dict[str, float]:
        """Cultivated hectares per admin code (L14), from the land-use layer."""
        r = self.request
        request = TallyRequest(zones=r.admin, zone_id_field=r.admin.fields().at(self.fields["id"]).name(),
                               landuse=r.landuse, class_field=r.class_field, area_method=r.options.area_method,
                               deduction_field=r.deduction_field,
                               work_crs=self.zone.crs if self.zone is not None else None)
        preset = conversion_preset(r.system)
        try:
            text = preset.read_bytes()
        except OSError as e:
            raise GuotuInputError(tr('Cannot read the conversion preset "{path}": {error}').format(
                path=preset, error=e)) from e
        out = {code: 0.0 for code in codes}
        progress = PhasedProgress(self.progress.feedback, _LANDUSE)
        with Context() as ctx, CategoryMap(ctx, text, str(preset)) as categories:
            with finished_tally(ctx, request, self.transform_context, progress) as (_tally, result):
                for zone, code, ha in result.rows:
                    # 田坎 is cultivated in the conversion preset, but cultivated land is counted
                    # net of it (SPEC §8): the deducted share (class 1203) is left out.
                    if zone in out and code != request.deducted_class and categories.lookup(code) == CULTIVATED:
                        out[zone] += ha
        return out

    def urban_2020(self, admins: List[Tuple[str, str, AdminValues, int, bytes]]) -> Dict[str, float]:
        """Hectares of the 2020 urban land layer inside each admin unit (every feature)."""
        r = self.request
        self.progress.phase(*_URBAN)
        source = r.urban_2020
        label = self.label("urban_2020")
        transform = None
        if source.sourceCrs() != self.crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), self.crs, self.transform_context)
        out: Dict[str, float] = {}
        total = max(1, source.featureCount())
        with Context() as ctx:
            with Tally(ctx, crs_for_core(self.crs), area_method=r.options.area_method,
                       zones_label=self.label("admin_units"), landuse_label=label) as tally:
                for code, _name, _values, fid, wkb in admins:
                    tally.add_zone(code, fid, wkb)
                tally.prepare()
                for n, feature in enumerate(read_features(source, [])):
                    self.progress.check_cancel()
                    if not feature.hasGeometry() or feature.geometry().isEmpty():
                        continue
                    geometry = feature.geometry()
                    if transform is not None:
                        geometry = QgsGeometry(geometry)
                        try:
                            geometry.transform(transform)
                        except QgsCsException as e:
                            raise GuotuInputError(
                                tr('Feature {fid} of layer "{layer}" could not be transformed to {crs}: {error}')
                                .format(fid=feature.id(), layer=label, crs=self.crs.userFriendlyIdentifier(),
                                        error=e)) from e
                    tally.add_landuse("urban", feature.id(), geometry_wkb(geometry))
                    self.progress.report((n + 1) / total)
                tally.finish()
                for zone, _code, ha in tally.results():
                    out[zone] = out.get(zone, 0.0) + ha
        return {code: out.get(code, 0.0) for code, *_ in admins}

    def exceptions(self) -> Dict[str, str]:
        """fingerprint -> reason of the accepted exceptions (first row of a fingerprint wins)."""
        source = self.request.exceptions
        if source is None:
            self.notes.append(Note("", "没有例外表：所有问题均为未处理（open）", "no exceptions table: every issue is open"))
            return {}
        fp, reason = source.fields().lookupField("fingerprint"), source.fields().lookupField("reason")
        if fp < 0:
            return {}
        found: Dict[str, str] = {}
        for feature in read_features(source, [i for i in (fp, reason) if i >= 0], geometry=False):
            value = feature.attribute(fp)
            if is_null(value):
                continue
            text = "" if reason < 0 or is_null(feature.attribute(reason)) else str(feature.attribute(reason))
            found.setdefault(str(value), text)
        return found


def run_check(request: LinesRequest, transform_context: QgsCoordinateTransformContext,
              feedback: Optional[QgsFeedback] = None) -> LinesResult:
    """Runs the three-lines check; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    check = _Check(request, transform_context, progress)
    exceptions = check.exceptions()
    records: List[IssueRecord] = []

    def on_issue(issue: LineIssue) -> None:
        if progress.feedback.isCanceled():
            raise GuotuCancelled()
        reason = exceptions.get(issue.fingerprint)
        records.append(IssueRecord(issue, "open" if reason is None else "accepted", reason or "",
                                   issue_geometry(issue.wkb)))

    with Context() as ctx:
        declare(ctx.lib)
        ctx.set_progress(progress.native_callback)
        crs_text = crs_for_core(check.crs)
        with AreaCalculator(ctx, crs_text, request.options.area_method) as calc:
            description = calc.describe()
        with Lines(ctx, crs_text, request.options) as lines:
            counts = check.add_lines(lines)
            admins = check.read_admins()
            codes = [code for code, *_ in admins]
            cultivated = check.cultivated(codes) if request.landuse is not None and admins else {}
            urban = check.urban_2020(admins) if request.urban_2020 is not None and admins else {}
            for code, name, values, fid, wkb in admins:
                if code in urban:
                    values.urban_2020_ha = urban[code]
                if code in cultivated:
                    values.cultivated_ha = cultivated[code]
                lines.add_admin(code, name, values, fid, wkb)
            progress.phase(*_RUN)
            ctx.set_progress(progress.native_callback)
            lines.run(on_issue)
            stats = lines.stats()
        progress.report(1.0)
    check.unit_notes(stats)
    return LinesResult(records, stats, check.crs, description, counts,
                       accepted=sum(1 for r in records if r.status == "accepted"), warnings=check.warnings,
                       notes=check.notes, reprojected=check.reprojected)


def summary_lines(result: LinesResult) -> List[str]:
    """The run in a few lines (the CLI's summary, translated)."""
    titles = rule_titles()
    out = []
    for rule, by_severity in sorted(result.counts().items()):
        n = sum(by_severity.values())
        out.append(tr("{rule} {title}: {count} (error {error}, warning {warning}, minor {minor})").format(
            rule=rule, title=titles.get(rule, rule), count=n, error=by_severity.get("error", 0),
            warning=by_severity.get("warning", 0), minor=by_severity.get("minor", 0)))
    out.append(tr("{count} issues, {accepted} accepted as exceptions.").format(count=len(result.issues),
                                                                             accepted=result.accepted))
    for s in result.stats:
        out.append(tr("{code} {name}: red line {redline:.2f} ha, farmland {farmland:.2f} ha ({mu:.1f} mu), urban "
                      "boundary {urban:.2f} ha").format(code=s.admin_code, name=s.admin_name,
                                                       redline=s.redline_ha, farmland=s.farmland_ha,
                                                       mu=s.farmland_ha * MU_PER_HA, urban=s.urban_ha))
    return out


__all__ = ["RULES", "SYSTEMS", "DEFAULTS", "LinesRequest", "LinesResult", "IssueRecord", "Note", "NOTE_FIELDS",
           "ADMIN_CODE", "ADMIN_NAME", "ADMIN_VALUE_FIELDS", "find_field", "run_check",
           "stats_attributes", "summary_lines", "rule_titles", "issue_geometry", "ISSUE_FIELDS", "STATS_FIELDS"]
