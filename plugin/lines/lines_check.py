"""The three-lines check (三区三线检查) from QGIS inputs: the rules L01–L14 of
guotu_lines.h on the red line, farmland and urban boundary layers and the admin units,
with the workspace's accepted exceptions.

The inputs are QgsFeatureSources, so a layer's unsaved edits, selection or filter count
as the user sees them. Everything the CLI (`guotu lines check`) computes is computed the
same way: the features go to the core as they are (their WKB is what the fingerprints
hash), the admin values come from the admin layer's fields, cultivated land (L14) is a
tally of the land-use layer by admin unit keeping the codes whose category in the
system's conversion preset is "cultivated", and an issue is accepted while its
fingerprint is in the exceptions table. Nothing here computes an area.

2020 urban land (L11) comes from the admin layer's urban_2020_ha, or from a polygon layer
whose area inside each admin unit is taken (all its features, whatever their class).
"""

import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsCsException, QgsFeatureSource, QgsFeedback, QgsGeometry, QgsWkbTypes)

from ..i18n import tr
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..conversion.convert import SYSTEMS, conversion_preset  # systems with a conversion preset (code -> category)
from ..binding.convert_native import CategoryMap
from ..binding.errors import GuotuCancelled, GuotuInputError
from ..inputs.feature_reading import read_features
from ..binding.lines_native import LINE_NAMES, RULES, AdminValues, LineIssue, Lines, LinesOptions, LineStats, declare
from ..binding.native import AreaCalculator, AreaMethod, Context, Tally
from ..inputs.progress import PhasedProgress
from ..tally.tally import TallyRequest, finished_tally
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs

DEFAULT_SYSTEM = "SANDIAO_WORK"  # the CLI's default
CULTIVATED = "cultivated"

# SPEC §2 defaults, as guotu_lines_options_init sets them (a test compares the two).
DEFAULTS = {"minor_overlap_m2": 1.0, "sliver_width_m": 1.0, "min_patch_m2": 50.0, "gap_min_m": 0.0,
            "gap_max_m": 1.0, "expansion_cap": 1.3, "farmland_share": 0.8}

ADMIN_CODE, ADMIN_NAME = "xzqdm", "xzqmc"
ADMIN_VALUE_FIELDS = ("erl_target_ha", "pbf_target_ha", "urban_2020_ha", "expansion_cap")

# Output tables: the CLI's columns, in its order (lines_check.c).
ISSUE_FIELDS: List[Tuple[str, str]] = [
    ("rule_id", "text"), ("severity", "text"), ("status", "text"), ("layer_a", "text"), ("fid_a", "integer"),
    ("layer_b", "text"), ("fid_b", "integer"), ("admin_code", "text"), ("value", "real"),
    ("message_zh", "text"), ("message_en", "text"), ("suggestion_zh", "text"), ("suggestion_en", "text"),
    ("fingerprint", "text"), ("exception_reason", "text")]
STATS_FIELDS: List[Tuple[str, str, str]] = [
    ("admin_code", "text", "行政区代码"), ("admin_name", "text", "行政区名称"),
    ("redline_ha", "real", "生态保护红线（公顷）"), ("redline_mu", "real", "生态保护红线（亩）"),
    ("redline_target_ha", "real", "红线保护任务（公顷）"), ("redline_ok", "text", "红线达标"),
    ("farmland_ha", "real", "永久基本农田（公顷）"), ("farmland_mu", "real", "永久基本农田（亩）"),
    ("farmland_target_ha", "real", "农田保护任务（公顷）"), ("farmland_ok", "text", "农田达标"),
    ("urban_ha", "real", "城镇开发边界（公顷）"), ("urban_mu", "real", "城镇开发边界（亩）"),
    ("urban_2020_ha", "real", "2020年城镇建设用地（公顷）"), ("expansion", "real", "扩展倍数"),
    ("expansion_cap", "real", "扩展倍数上限"), ("expansion_ok", "text", "扩展倍数达标"),
    ("cultivated_ha", "real", "耕地（公顷）"), ("farmland_share", "real", "农田占耕地比例"),
    ("share_ok", "text", "占比达标")]
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
    urban_2020: Optional[QgsFeatureSource] = None
    options: LinesOptions = field(default_factory=LinesOptions)
    labels: Dict[str, str] = field(default_factory=dict)


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
        return [i.rule_id, i.severity, self.status, i.layer_a, i.fid_a if i.line_a >= 0 else None, i.layer_b,
                i.fid_b if i.line_b >= 0 else None, i.admin_code, _real(i.value), i.message_zh, i.message_en,
                i.suggestion_zh, i.suggestion_en, i.fingerprint, self.exception_reason]


@dataclass
class LinesResult:
    issues: List[IssueRecord]
    stats: List[LineStats]
    crs: QgsCoordinateReferenceSystem
    area_description: str
    features: Dict[str, int]           # line -> features checked
    accepted: int = 0
    warnings: List[str] = field(default_factory=list)

    def counts(self) -> Dict[str, Dict[str, int]]:
        """rule -> severity -> number of issues."""
        found: Dict[str, Dict[str, int]] = {}
        for record in self.issues:
            by_severity = found.setdefault(record.issue.rule_id, {})
            by_severity[record.issue.severity] = by_severity.get(record.issue.severity, 0) + 1
        return found


def _real(value: Optional[float]) -> Optional[float]:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _verdict(ok: int) -> str:
    return "pass" if ok == 1 else "fail" if ok == 0 else ""


def stats_attributes(s: LineStats) -> List[Any]:
    """A statistics row in STATS_FIELDS order, as the CLI writes line_stats."""
    v = s.values
    return [s.admin_code, s.admin_name, s.redline_ha, s.redline_ha * MU_PER_HA, _real(v.redline_target_ha),
            _verdict(s.redline_ok), s.farmland_ha, s.farmland_ha * MU_PER_HA, _real(v.farmland_target_ha),
            _verdict(s.farmland_ok), s.urban_ha, s.urban_ha * MU_PER_HA, _real(v.urban_2020_ha),
            _real(s.expansion), _real(v.expansion_cap), _verdict(s.expansion_ok), _real(v.cultivated_ha),
            _real(s.farmland_share), _verdict(s.share_ok)]


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
        self.crs = self._validate()

    def label(self, role: str) -> str:
        return self.request.labels.get(role) or role

    def _validate(self) -> QgsCoordinateReferenceSystem:
        titles = role_titles()
        crs: Optional[QgsCoordinateReferenceSystem] = None
        first = ""
        for role, source in self.sources.items():
            if source is None:
                raise GuotuInputError(
                    tr('The three-lines check needs the {what} layer ("{layer}" of a workspace), but it is missing. '
                       'Make workspaces with "New three-lines workspace".').format(what=titles[role], layer=role))
            label = self.label(role)
            require_polygon_source(source, label)
            require_valid_crs(source.sourceCrs(), label)
            if crs is None:
                crs, first = source.sourceCrs(), label
            elif source.sourceCrs() != crs:
                raise GuotuInputError(
                    tr('Layer "{layer}" is in {crs}, another CRS than layer "{first}" ({first_crs}); the three lines '
                       'and the admin units must share one CRS.').format(
                        layer=label, crs=source.sourceCrs().userFriendlyIdentifier(), first=first,
                        first_crs=crs.userFriendlyIdentifier()))
        admin_label = self.label("admin_units")
        for name in (ADMIN_CODE, ADMIN_NAME) + ADMIN_VALUE_FIELDS:
            require_field(self.request.admin, name, admin_label)
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
        return crs

    # ---- steps ----

    def add_lines(self, lines: Lines) -> Dict[str, int]:
        self.progress.phase(*_LINES)
        counts: Dict[str, int] = {}
        totals = [max(0, self.sources[name].featureCount()) for name in LINE_NAMES]
        total, done = max(1, sum(totals)), 0
        for line, name in enumerate(LINE_NAMES):
            n = 0
            for feature in read_features(self.sources[name], []):
                self.progress.check_cancel()
                done += 1
                if not feature.hasGeometry() or feature.geometry().isEmpty():
                    continue  # nothing to check (as the CLI)
                lines.add(line, feature.id(), geometry_wkb(feature.geometry()))
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
        index = {name: fields.lookupField(name) for name in (ADMIN_CODE, ADMIN_NAME) + ADMIN_VALUE_FIELDS}
        rows = []
        total = max(1, admin.featureCount())
        for n, feature in enumerate(read_features(admin, list(index.values()))):
            self.progress.check_cancel()
            code = code_from_value(feature.attribute(index[ADMIN_CODE]))
            if code is None or not code.strip():
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no admin code in field "{field}".')
                                      .format(fid=feature.id(), layer=label, field=ADMIN_CODE))
            if not feature.hasGeometry() or feature.geometry().isEmpty():
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (admin unit "{code}") has no geometry.')
                                      .format(fid=feature.id(), layer=label, code=code))
            name = feature.attribute(index[ADMIN_NAME])
            numbers = []
            for f in ADMIN_VALUE_FIELDS:
                value = feature.attribute(index[f])
                number = _number(value)
                if math.isnan(number) and not is_null(value) and str(value).strip():
                    self.warnings.append(
                        tr('Feature {fid} of layer "{layer}": "{value}" in field "{field}" is not a number; the '
                           'rules that need it are skipped for admin unit "{code}".').format(
                            fid=feature.id(), layer=label, value=value, field=f, code=code))
                numbers.append(number)
            values = AdminValues(*numbers)
            rows.append((code, "" if is_null(name) else str(name), values, feature.id(),
                         geometry_wkb(feature.geometry())))
            self.progress.report((n + 1) / total)
        return rows

    def cultivated(self, codes: List[str]) -> Dict[str, float]:
        """Cultivated hectares per admin code (L14), from the land-use layer."""
        r = self.request
        request = TallyRequest(zones=r.admin, zone_id_field=ADMIN_CODE, landuse=r.landuse, class_field=r.class_field,
                               area_method=r.options.area_method)
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
                    if zone in out and categories.lookup(code) == CULTIVATED:
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
    return LinesResult(records, stats, check.crs, description, counts,
                       accepted=sum(1 for r in records if r.status == "accepted"), warnings=check.warnings)


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


__all__ = ["RULES", "SYSTEMS", "DEFAULTS", "LinesRequest", "LinesResult", "IssueRecord", "run_check",
           "stats_attributes", "summary_lines", "rule_titles", "issue_geometry", "ISSUE_FIELDS", "STATS_FIELDS"]
