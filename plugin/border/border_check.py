"""Cross-city boundary conflicts (三下三上 coordination, SPEC §6) from QGIS inputs: the
comparison of guotu_border.h on an admin layer and the ecological elements the cities
submitted — one layer with a city field, or one layer per city named by its admin id.

Inputs are QgsFeatureSources (selections, filters and unsaved edits count). Everything is
brought into one projected CRS: the admin layer's, or the one given; corridors and lengths
are metres, so geographic data such as EPSG:4490 is compared in the 3-degree Gauss-Krüger
zone of the admin units' and elements' centre (inputs/metric_zone.py, as `guotu border`). The
output tables have the fields and numbers of `guotu border`; the conflict layers also
carry the review fields the review dock fills in (agreed / exception, note, who, when).
"""

from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource,
                       QgsFeedback, QgsGeometry, QgsWkbTypes)

from ..i18n import tr
from ..binding.border_native import BorderCheck, BorderOptions, Conflict, Issue, Pair, Segment, declare
from ..inputs.conversions import crs_for_core
from ..inputs.feature_reading import features_in_crs, text_value
from ..binding.errors import GuotuCancelled, GuotuInputError
from ..binding.native import Context
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import SchemaError, table_schema
from ..inputs.metric_zone import WorkZone, choose_work_zone
from ..inputs.validation import require_field, require_polygon_source, require_valid_crs

REVIEW_OPEN, REVIEW_AGREED, REVIEW_EXCEPTION = "open", "agreed", "exception"

# Output tables: (name, kind, Chinese title) of their columns as resources/schemas declares them for
# the tool's writers too (border_conflicts.csv for both conflict layers, shared_borders.csv,
# basemap_issues.csv for both issue layers, pair_summary.csv).


def _spec(table: str, *options: str) -> List[Tuple[str, str, str]]:
    return [(c.name, c.kind, c.title_zh) for c in table_schema(table).kept(*options)]


CONFLICT_FIELDS: List[Tuple[str, str, str]] = _spec("border_conflicts")
# What the review dock records, persisted in the output (the schema's columns "only_with" review:
# after the others, as the dock appends them to a layer the tool wrote).
REVIEW_FIELDS: List[Tuple[str, str, str]] = _spec("border_conflicts", "review")[len(CONFLICT_FIELDS):]
if _spec("border_conflicts", "review")[:len(CONFLICT_FIELDS)] != CONFLICT_FIELDS:
    raise SchemaError("table schema 'border_conflicts': the review columns must come after the others")
SEGMENT_FIELDS: List[Tuple[str, str, str]] = _spec("shared_borders")
ISSUE_FIELDS: List[Tuple[str, str, str]] = _spec("basemap_issues")
SUMMARY_FIELDS: List[Tuple[str, str, str]] = _spec("pair_summary")

# The values the attribute functions below give, in their order, put into the schema's order.
_CONFLICT_ROW = table_schema("border_conflicts").layout(
    ("conflict_id", "kind", "detail", "admin_a", "name_a", "admin_b", "name_b", "side", "categories_a", "categories_b",
     "elements_a", "elements_b", "fid_a", "fid_b", "length_m", "area_m2", "area_ha"))[1]
_SEGMENT_ROW = table_schema("shared_borders").layout(
    ("admin_a", "name_a", "admin_b", "name_b", "status", "categories_a", "categories_b", "elements_a", "elements_b",
     "length_m", "conflict_id"))[1]
_ISSUE_ROW = table_schema("basemap_issues").layout(
    ("kind", "admin_a", "admin_b", "feature_id", "city_id", "area_m2", "message_zh", "message_en"))[1]
_PAIR_ROW = table_schema("pair_summary").layout(
    ("admin_a", "name_a", "admin_b", "name_b", "border_m", "coordinated_m", "overlap_m", "gap_m", "discontinuity_m",
     "mismatch_m", "none_m", "overlap_area_m2", "gap_area_m2", "admin_overlap_m2", "admin_gap_m2", "conflicts",
     "weighted_conflict_m", "score"))[1]

# Share of the progress bar per step (percent).
_READ = (0.0, 20.0)
_RUN = (20.0, 100.0)


def detail_titles() -> Dict[str, str]:
    """The user's words for the core's overlap and gap details (SPEC §6; a gap where one side
    reaches the border and the other stops short, or where both stop short of it)."""
    return {"crossing": tr("crossing"), "double_claim": tr("double claim"),
            "one_side": tr("one side"), "both_sides": tr("both sides")}


def conflict_title(kind: str, detail: str) -> str:
    """"Overlap (double claim)": a conflict's kind and detail in the user's language
    (an id the plugin does not know stays as it is)."""
    title = kind_titles().get(kind, kind)
    if not detail:
        return title
    return f"{title} ({detail_titles().get(detail, detail)})"


def kind_titles() -> Dict[str, str]:
    return {"overlap": tr("Overlap"), "gap": tr("Gap"), "discontinuity": tr("Discontinuity"),
            "category_mismatch": tr("Category mismatch"), "coordinated": tr("Coordinated"),
            "none": tr("No element on either side")}


@dataclass
class BorderRequest:
    admin: QgsFeatureSource
    admin_id_field: str
    admin_name_field: Optional[str] = None
    elements: Optional[QgsFeatureSource] = None      # one layer with a city field ...
    city_field: Optional[str] = None
    element_layers: Dict[str, QgsFeatureSource] = field(default_factory=dict)  # ... or city id -> layer
    category_field: str = ""
    name_field: Optional[str] = None
    crs: Optional[QgsCoordinateReferenceSystem] = None  # projected; None: the admin layer's
    options: BorderOptions = field(default_factory=BorderOptions)
    labels: Dict[str, str] = field(default_factory=dict)


@dataclass
class ConflictRecord:
    conflict: Conflict
    line: QgsGeometry
    area: QgsGeometry

    def attributes(self, names: Dict[str, str]) -> List[Any]:
        c = self.conflict
        return _CONFLICT_ROW([c.id, c.kind, c.detail, c.admin_a, names.get(c.admin_a, ""), c.admin_b,
                              names.get(c.admin_b, ""), c.side, c.categories_a, c.categories_b, c.names_a, c.names_b,
                              c.fid_a if c.fid_a >= 0 else None, c.fid_b if c.fid_b >= 0 else None, c.length_m,
                              c.area_m2, c.area_m2 / 10000.0])


@dataclass
class BorderResult:
    segments: List[Tuple[Segment, QgsGeometry]]
    conflicts: List[ConflictRecord]
    issues: List[Tuple[Issue, QgsGeometry]]
    pairs: List[Pair]
    stats: Dict[str, int]
    names: Dict[str, str]  # admin id -> name
    crs: QgsCoordinateReferenceSystem
    reprojected: List[str] = field(default_factory=list)
    zone: Optional[WorkZone] = None  # geographic data: the Gauss-Krüger zone of the comparison

    def kind_counts(self) -> Dict[str, int]:
        counts = {kind: 0 for kind in ("overlap", "gap", "discontinuity", "category_mismatch")}
        for record in self.conflicts:
            counts[record.conflict.kind] = counts.get(record.conflict.kind, 0) + 1
        return counts


def segment_attributes(s: Segment, names: Dict[str, str]) -> List[Any]:
    return _SEGMENT_ROW([s.admin_a, names.get(s.admin_a, ""), s.admin_b, names.get(s.admin_b, ""), s.status,
                         s.categories_a, s.categories_b, s.names_a, s.names_b, s.length_m,
                         s.conflict_id if s.conflict_id >= 0 else None])


def issue_attributes(i: Issue) -> List[Any]:
    return _ISSUE_ROW([i.kind, i.admin_a, i.admin_b, i.fid if i.fid >= 0 else None, i.city_id, i.area_m2,
                       i.message_zh, i.message_en])


def pair_attributes(p: Pair) -> List[Any]:
    return _PAIR_ROW([p.admin_a, p.name_a, p.admin_b, p.name_b, p.border_m, p.coordinated_m, p.overlap_m, p.gap_m,
                      p.discontinuity_m, p.mismatch_m, p.none_m, p.overlap_area_m2, p.gap_area_m2, p.admin_overlap_m2,
                      p.admin_gap_m2, p.conflicts, p.weighted_conflict_m, p.score])


def geometry_of(wkb: bytes, kind: int) -> QgsGeometry:
    """The WKB as a multi geometry of ``kind`` (a QgsWkbTypes geometry type); null when empty."""
    geometry = QgsGeometry()
    if not wkb:
        return geometry
    geometry.fromWkb(wkb)
    if kind != QgsWkbTypes.PointGeometry and QgsWkbTypes.geometryType(geometry.wkbType()) == kind:
        geometry.convertToMultiType()
    return geometry


class _Check:
    def __init__(self, request: BorderRequest, context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.context = context
        self.progress = progress
        self.reprojected: List[str] = []
        self.names: Dict[str, str] = {}
        self.zone: Optional[WorkZone] = None
        self.crs = self._validate()

    def label(self, role: str) -> str:
        return self.request.labels.get(role) or role

    def _validate(self) -> QgsCoordinateReferenceSystem:
        r = self.request
        admin = self.label("admin")
        require_polygon_source(r.admin, admin)
        require_valid_crs(r.admin.sourceCrs(), admin)
        require_field(r.admin, r.admin_id_field, admin)
        if r.admin_name_field:
            require_field(r.admin, r.admin_name_field, admin)
        if (r.elements is None) == (not r.element_layers):
            raise GuotuInputError(tr("Give the elements as one layer with a city field, or as one layer per city "
                                     "(named by its admin id) — not both, not neither."))
        sources = {"elements": r.elements} if r.elements is not None else \
            {f"elements:{city}": source for city, source in r.element_layers.items()}
        for role, source in sources.items():
            label = self.label(role)
            require_polygon_source(source, label)
            require_valid_crs(source.sourceCrs(), label)
            require_field(source, r.category_field, label)
            if r.name_field:
                require_field(source, r.name_field, label)
        if r.elements is not None:
            if not r.city_field:
                raise GuotuInputError(tr('Choose the city field of layer "{layer}".').format(
                    layer=self.label("elements")))
            require_field(r.elements, r.city_field, self.label("elements"))
        crs = r.crs if r.crs is not None and r.crs.isValid() else r.admin.sourceCrs()
        # Corridors and lengths are metres: geographic data is compared in the Gauss-Krüger zone of
        # the admin units' and elements' centre, as `guotu border` does.
        extents = [(source.sourceExtent(), source.sourceCrs()) for source in [r.admin, *sources.values()]]
        self.zone = choose_work_zone(crs, extents, self.context, admin)
        return self.zone.crs if self.zone is not None else crs

    def _each(self, source: QgsFeatureSource, role: str, attributes: List[int]) -> Iterator[Tuple[QgsFeature, bytes]]:
        return features_in_crs(source, self.crs, self.context, self.label(role), attributes, self.progress,
                               self.reprojected)

    def add_admins(self, check: BorderCheck) -> None:
        r = self.request
        fields = r.admin.fields()
        idx = fields.lookupField(r.admin_id_field)
        name_idx = fields.lookupField(r.admin_name_field) if r.admin_name_field else -1
        count = 0
        for feature, wkb in self._each(r.admin, "admin", [i for i in (idx, name_idx) if i >= 0]):
            admin_id = text_value(feature.attribute(idx))
            if not wkb:
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (admin unit "{id}") has no geometry.')
                                      .format(fid=feature.id(), layer=self.label("admin"), id=admin_id))
            name = text_value(feature.attribute(name_idx)) if name_idx >= 0 else ""
            check.add_admin(admin_id, name, feature.id(), wkb)
            self.names[admin_id] = name
            count += 1
        if count < 2:
            raise GuotuInputError(tr('Layer "{layer}" has {n} admin units: at least two are needed to have a border.')
                                  .format(layer=self.label("admin"), n=count))

    def add_elements(self, check: BorderCheck) -> int:
        r = self.request
        sources = [(None, r.elements, "elements")] if r.elements is not None else \
            [(city, source, f"elements:{city}") for city, source in r.element_layers.items()]
        count = 0
        for city, source, role in sources:
            fields = source.fields()
            cat_idx = fields.lookupField(r.category_field)
            name_idx = fields.lookupField(r.name_field) if r.name_field else -1
            city_idx = fields.lookupField(r.city_field) if city is None else -1
            for feature, wkb in self._each(source, role, [i for i in (cat_idx, name_idx, city_idx) if i >= 0]):
                city_id = city if city is not None else text_value(feature.attribute(city_idx))
                category = text_value(feature.attribute(cat_idx))
                if not category:
                    raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no category in field "{field}".')
                                          .format(fid=feature.id(), layer=self.label(role), field=r.category_field))
                name = text_value(feature.attribute(name_idx)) if name_idx >= 0 else ""
                check.add_element(city_id, category, name, feature.id(), wkb)
                count += 1
        return count


def run_check(request: BorderRequest, transform_context: QgsCoordinateTransformContext,
              feedback: Optional[QgsFeedback] = None) -> BorderResult:
    """Runs the comparison; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    check = _Check(request, transform_context, progress)
    segments: List[Tuple[Segment, QgsGeometry]] = []
    conflicts: List[ConflictRecord] = []
    issues: List[Tuple[Issue, QgsGeometry]] = []

    def stop_if_cancelled() -> None:
        if progress.feedback.isCanceled():
            raise GuotuCancelled()

    def on_segment(s: Segment) -> None:
        stop_if_cancelled()
        segments.append((s, geometry_of(s.wkb, QgsWkbTypes.LineGeometry)))

    def on_conflict(c: Conflict) -> None:
        stop_if_cancelled()
        conflicts.append(ConflictRecord(c, geometry_of(c.line_wkb, QgsWkbTypes.LineGeometry),
                                        geometry_of(c.area_wkb, QgsWkbTypes.PolygonGeometry)))

    def on_issue(i: Issue) -> None:
        stop_if_cancelled()
        geometry = geometry_of(i.wkb, QgsWkbTypes.PolygonGeometry)
        issues.append((i, geometry))

    with Context() as ctx:
        declare(ctx.lib)
        ctx.set_progress(progress.native_callback)
        with BorderCheck(ctx, crs_for_core(check.crs), request.options) as border:
            progress.phase(*_READ)
            check.add_admins(border)
            check.add_elements(border)
            progress.phase(*_RUN)
            border.run(on_segment, on_conflict, on_issue)
            pairs = border.pairs()
            stats = border.stats()
    progress.report(1.0)
    return BorderResult(segments, conflicts, issues, pairs, stats, check.names, check.crs,
                        sorted(set(check.reprojected)), check.zone)


def is_point(geometry: QgsGeometry) -> bool:
    return not geometry.isNull() and QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PointGeometry


def summary_lines(result: BorderResult) -> List[str]:
    counts = result.kind_counts()
    titles = kind_titles()
    out = [tr("{pairs} adjacent pairs, {conflicts} conflicts: {detail}.").format(
        pairs=len(result.pairs), conflicts=len(result.conflicts),
        detail=", ".join(f"{titles[k]} {n}" for k, n in counts.items()))]
    problems = {k: v for k, v in result.stats.items() if k.startswith(("elements_no", "elements_unknown",
                                                                      "elements_invalid", "admins_invalid")) and v}
    if problems:
        out.append(tr("Input problems (see the base-map issues): {problems}.").format(
            problems=", ".join(f"{k} {v}" for k, v in problems.items())))
    for p in sorted(result.pairs, key=lambda p: -p.score)[:10]:
        out.append(tr("{a} {name_a} | {b} {name_b}: border {border:.0f} m, score {score:.1f}").format(
            a=p.admin_a, name_a=p.name_a, b=p.admin_b, name_b=p.name_b, border=p.border_m, score=p.score))
    if result.reprojected:
        out.append(tr("Reprojected into {crs}: {layers}.").format(crs=result.crs.userFriendlyIdentifier(),
                                                               layers=", ".join(result.reprojected)))
    if result.zone is not None:
        out.append(result.zone.message)
    return out

