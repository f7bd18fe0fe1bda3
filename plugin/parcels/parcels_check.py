"""The rectification parcel check (整治地块审查, SPEC §5) from QGIS inputs: the rules of
guotu_parcels.h on a parcel layer against the three lines of a workspace, river beaches,
villages and consolidation units.

Inputs are QgsFeatureSources, so unsaved edits, selections and filters count as the
user sees them. Every other layer is brought into the parcels' CRS. The same presets as
`guotu parcels check` are used: the category map and voucher coefficients of each
system, the policy table, the project types, and the river-beach codes of the current
system. Nothing here computes an area: the core does.
"""

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeature, QgsFeatureSource,
                       QgsFeedback, QgsGeometry)

from ..i18n import chinese_ui, tr
from ..paths import resources_dir
from ..inputs.conversions import crs_for_core, is_null
from ..inputs.feature_reading import features_in_crs, text_value
from ..conversion.convert import SYSTEMS, coefficient_preset, conversion_preset, read_table
from ..binding.convert_native import CategoryMap, Policy
from ..binding.errors import GuotuCancelled, GuotuInputError
from ..lines.lines_check import issue_geometry
from ..binding.lines_native import LINE_NAMES
from ..binding.native import AreaMethod, Context
from ..binding.voucher_native import Coefficients
from ..binding.parcels_native import (VERDICTS, VERDICTS_ZH, ParcelCheck, ParcelOptions, ParcelReason, ParcelResult,
                             ProjectTypes, UnitResult, VillageResult, declare, default_options)
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs

MU_PER_HA = 15.0

# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (parcel_checks.csv, parcel_reasons.csv, project_checks.csv, village_totals.csv).
PARCEL_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("parcel_checks").kept()]
REASON_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                             for c in table_schema("parcel_reasons").kept()]
PROJECT_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                              for c in table_schema("project_checks").kept()]
VILLAGE_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                              for c in table_schema("village_totals").kept()]
# The values the attribute functions below give, in their order, put into the schema's.
_PARCEL_ROW = table_schema("parcel_checks").layout(
    ("parcel_id", "project_type", "kind", "project_id", "village_id", "current_code", "planned_code",
     "current_category", "planned_category", "status", "path_zh", "area_ha", "area_mu", "redline_ha", "farmland_ha",
     "outside_urban_ha", "dm_ha", "verdict", "verdict_en", "rule_ids", "reasons_zh", "reasons_en"))[1]
_REASON_ROW = table_schema("parcel_reasons").layout(
    ("parcel_id", "rule_id", "severity", "area_ha", "share", "other_parcel_id", "message_zh", "message_en"))[1]
_PROJECT_ROW = table_schema("project_checks").layout(
    ("project_id", "name", "parcels", "area_ha", "original_cultivated_ha", "new_cultivated_ha", "lost_cultivated_ha",
     "new_cultivated_ratio", "new_cultivated_ok", "farmland_out_ha", "farmland_added_ha", "farmland_ratio",
     "farmland_ok", "dm_ha", "ecology_ok", "pass_count", "conditional_count", "fail_count", "verdict", "verdict_en",
     "tolerance_m2", "reasons_zh", "reasons_en"))[1]
_VILLAGE_ROW = table_schema("village_totals").layout(
    ("village_id", "name", "parcels", "pass_count", "conditional_count", "fail_count", "area_ha", "new_cultivated_ha",
     "lost_cultivated_ha", "dm_ha", "area_mu"))[1]

# Share of the progress bar per step (percent).
_READ = (0.0, 30.0)
_RUN = (30.0, 100.0)


def rule_titles() -> Dict[str, str]:
    return {
        "P01": tr("Invalid parcel geometry"),
        "P02": tr("Unknown project type"),
        "P03": tr("Unknown land-use code"),
        "P10": tr("Inside the ecological red line"),
        "P11": tr("Planned construction on permanent farmland"),
        "P12": tr("Prohibited conversion"),
        "P13": tr("Conversion is a policy gap"),
        "P14": tr("Conditional conversion"),
        "P15": tr("Conversion with a legal path"),
        "P16": tr("Reclamation on a river beach"),
        "P17": tr("New construction outside the urban boundary"),
        "P18": tr("Parcels overlap (double counting)"),
    }


def project_types_preset():
    return resources_dir() / "presets" / "parcels" / "project_types.csv"


def river_beach_codes(system: str) -> str:
    """The river-beach codes of a system's preset (presets/parcels/river_beach_codes.csv)."""
    text = read_table(resources_dir() / "presets" / "parcels" / "river_beach_codes.csv").decode("utf-8-sig")
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("system") == system:
            return row.get("codes") or ""
    return ""


@dataclass
class ParcelsRequest:
    """Inputs of one check. ``labels`` names the inputs in messages (layer names)."""
    parcels: QgsFeatureSource
    id_field: str
    type_field: str
    current_field: str
    planned_field: str
    current_system: str
    planned_system: str
    redline: QgsFeatureSource
    farmland: QgsFeatureSource
    urban: QgsFeatureSource
    project_field: Optional[str] = None
    beaches: Optional[QgsFeatureSource] = None
    villages: Optional[QgsFeatureSource] = None
    village_id_field: Optional[str] = None
    village_name_field: Optional[str] = None
    units: Optional[QgsFeatureSource] = None
    unit_id_field: Optional[str] = None
    unit_name_field: Optional[str] = None
    unit_cultivated_field: Optional[str] = None
    types_csv: Optional[str] = None   # value,kind; None: the preset
    policy_csv: Optional[str] = None  # None: the preset
    beach_codes: Optional[str] = None  # None: the current system's preset codes
    options: ParcelOptions = field(default_factory=ParcelOptions)
    labels: Dict[str, str] = field(default_factory=dict)


@dataclass
class ParcelRecord:
    result: ParcelResult
    geometry: QgsGeometry

    def attributes(self) -> List[Any]:
        """Values in PARCEL_FIELDS (the schema's) order, as the CLI writes parcel_checks (NaN: NULL)."""
        p = self.result
        return _PARCEL_ROW([p.parcel_id, p.type, p.kind, p.project_id, p.village_id, p.current_code, p.planned_code,
                            p.current_category, p.planned_category, p.status, p.paths_zh, p.area_ha,
                            p.area_ha * MU_PER_HA, p.redline_ha, p.farmland_ha, p.outside_urban_ha, _real(p.dm_ha),
                            p.verdict_zh, p.verdict_en, p.rule_ids, p.reasons_zh, p.reasons_en])


@dataclass
class ReasonRecord:
    reason: ParcelReason
    geometry: QgsGeometry  # the area at fault, or the parcel for whole-parcel reasons

    def attributes(self) -> List[Any]:
        r = self.reason
        return _REASON_ROW([r.parcel_id, r.rule_id, r.severity, r.area_ha, r.share, r.other_parcel_id, r.message_zh,
                            r.message_en])


@dataclass
class ParcelsResult:
    parcels: List[ParcelRecord]
    reasons: List[ReasonRecord]
    units: List[UnitResult]
    villages: List[VillageResult]
    crs: QgsCoordinateReferenceSystem
    tolerance_m2: float
    beach_codes: str
    reprojected: List[str] = field(default_factory=list)

    def verdict_counts(self) -> Dict[str, int]:
        counts = {"pass": 0, "conditional": 0, "fail": 0}
        for record in self.parcels:
            counts[record.result.verdict_en] += 1
        return counts


def _real(value: Optional[float]) -> Optional[float]:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def _ok(value: int) -> str:
    return "pass" if value == 1 else "fail" if value == 0 else ""


def unit_attributes(u: UnitResult, tolerance_m2: float) -> List[Any]:
    return _PROJECT_ROW([u.project_id, u.name, u.parcels, u.area_ha, u.original_cultivated_ha, u.new_cultivated_ha,
                         u.lost_cultivated_ha, _real(u.new_cultivated_ratio), _ok(u.new_cultivated_ok),
                         u.farmland_out_ha, u.farmland_added_ha, _real(u.farmland_ratio), _ok(u.farmland_ok),
                         _real(u.dm_ha), _ok(u.ecology_ok), u.pass_count, u.conditional_count, u.fail_count,
                         VERDICTS_ZH[u.verdict], VERDICTS[u.verdict], tolerance_m2, u.reasons_zh, u.reasons_en])


def village_attributes(v: VillageResult) -> List[Any]:
    return _VILLAGE_ROW([v.village_id, v.name, v.parcels, v.pass_count, v.conditional_count, v.fail_count,
                         v.area_ha, v.new_cultivated_ha, v.lost_cultivated_ha, _real(v.dm_ha),
                         v.area_ha * MU_PER_HA])


class _Check:
    """State of one run_check call; one method per input."""

    def __init__(self, request: ParcelsRequest, transform_context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.context = transform_context
        self.progress = progress
        self.reprojected: List[str] = []
        self.geometries: Dict[int, QgsGeometry] = {}
        self.crs = self._validate()

    def label(self, role: str) -> str:
        return self.request.labels.get(role) or role

    def _validate(self) -> QgsCoordinateReferenceSystem:
        r = self.request
        label = self.label("parcels")
        require_polygon_source(r.parcels, label)
        require_valid_crs(r.parcels.sourceCrs(), label)
        for name in (r.id_field, r.type_field, r.current_field, r.planned_field):
            require_field(r.parcels, name, label)
        if r.project_field:
            require_field(r.parcels, r.project_field, label)
        for system in (r.current_system, r.planned_system):
            if system not in SYSTEMS:
                raise GuotuInputError(tr('"{system}" is not a classification system with a conversion preset '
                                         '({systems}).').format(system=system, systems=", ".join(SYSTEMS)))
        for role, source in ((LINE_NAMES[0], r.redline), (LINE_NAMES[1], r.farmland), (LINE_NAMES[2], r.urban)):
            if source is None:
                raise GuotuInputError(
                    tr('The parcel check needs the "{layer}" layer of a three-lines workspace, but it is missing. '
                       'Make workspaces with "New three-lines workspace".').format(layer=role))
            require_polygon_source(source, self.label(role))
            require_valid_crs(source.sourceCrs(), self.label(role))
        optional = (("beaches", r.beaches, []), ("villages", r.villages, [r.village_id_field, r.village_name_field]),
                    ("units", r.units, [r.unit_id_field, r.unit_name_field, r.unit_cultivated_field]))
        for role, source, fields in optional:
            if source is None:
                continue
            require_polygon_source(source, self.label(role))
            require_valid_crs(source.sourceCrs(), self.label(role))
            if role != "beaches" and not fields[0]:
                raise GuotuInputError(tr('Choose the id field of layer "{layer}".').format(layer=self.label(role)))
            for name in fields:
                if name:
                    require_field(source, name, self.label(role))
        crs = r.parcels.sourceCrs()
        if r.options.area_method == AreaMethod.PLANAR:
            require_metric_crs(crs, label)
        return crs

    def _each(self, source: QgsFeatureSource, role: str, attributes: List[int]) -> Iterator[Tuple[QgsFeature, bytes]]:
        """Features with geometry, in the parcels' CRS, as WKB."""
        for feature, wkb in features_in_crs(source, self.crs, self.context, self.label(role), attributes,
                                            self.progress, self.reprojected):
            if wkb:
                yield feature, wkb

    def add_context(self, check: ParcelCheck) -> None:
        r = self.request
        for line, source in enumerate((r.redline, r.farmland, r.urban)):
            for feature, wkb in self._each(source, LINE_NAMES[line], []):
                check.add_line(line, feature.id(), wkb)
        if r.beaches is not None:
            for feature, wkb in self._each(r.beaches, "beaches", []):
                check.add_river_beach(feature.id(), wkb)
        for role, source, id_field, name_field in (("villages", r.villages, r.village_id_field, r.village_name_field),
                                                   ("units", r.units, r.unit_id_field, r.unit_name_field)):
            if source is None:
                continue
            fields = source.fields()
            idx = fields.lookupField(id_field)
            name_idx = fields.lookupField(name_field) if name_field else -1
            cult_idx = fields.lookupField(r.unit_cultivated_field) if role == "units" and r.unit_cultivated_field \
                else -1
            count = 0
            for feature, wkb in self._each(source, role, [i for i in (idx, name_idx, cult_idx) if i >= 0]):
                count += 1
                key = text_value(feature.attribute(idx))
                name = text_value(feature.attribute(name_idx)) if name_idx >= 0 else ""
                if role == "villages":
                    check.add_village(key, name, feature.id(), wkb)
                else:
                    value = feature.attribute(cult_idx) if cult_idx >= 0 else None
                    original = math.nan if value is None or is_null(value) else float(value)
                    check.add_unit(key, name, original, feature.id(), wkb)
            if not count:
                raise GuotuInputError(tr('Layer "{layer}" has no features.').format(layer=self.label(role)))

    def add_parcels(self, check: ParcelCheck) -> None:
        r = self.request
        fields = r.parcels.fields()
        names = [r.id_field, r.type_field, r.project_field or "", r.current_field, r.planned_field]
        index = [fields.lookupField(n) if n else -1 for n in names]
        total = max(1, r.parcels.featureCount())
        label = self.label("parcels")
        reading = features_in_crs(r.parcels, self.crs, self.context, label, [i for i in index if i >= 0],
                                  self.progress)
        for n, (feature, wkb) in enumerate(reading):
            values = [text_value(feature.attribute(i)) if i >= 0 else "" for i in index]
            if not wkb:
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (parcel "{id}") has no geometry.')
                                      .format(fid=feature.id(), layer=label, id=values[0]))
            if not values[0]:
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" has no parcel id in field "{field}".')
                                      .format(fid=feature.id(), layer=label, field=r.id_field))
            self.geometries[feature.id()] = QgsGeometry(feature.geometry())
            check.add(values[0], values[1], values[2], values[3], values[4], feature.id(), wkb)
            self.progress.report((n + 1) / total)
        if not self.geometries:
            raise GuotuInputError(tr('Layer "{layer}" has no parcels.').format(layer=label))


def run_check(request: ParcelsRequest, transform_context: QgsCoordinateTransformContext,
              feedback: Optional[QgsFeedback] = None) -> ParcelsResult:
    """Runs the parcel check; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    check = _Check(request, transform_context, progress)
    beach_codes = request.beach_codes if request.beach_codes is not None else river_beach_codes(
        request.current_system)
    options = request.options
    options.river_beach_codes = beach_codes
    options.parcels_label = check.label("parcels")
    reasons: List[ReasonRecord] = []

    def on_reason(reason: ParcelReason) -> None:
        if progress.feedback.isCanceled():
            raise GuotuCancelled()
        geometry = issue_geometry(reason.wkb) if reason.wkb else QgsGeometry(check.geometries[reason.fid])
        reasons.append(ReasonRecord(reason, geometry))

    types_path = request.types_csv or str(project_types_preset())
    policy_path = request.policy_csv or str(conversion_preset("policy"))
    with Context() as ctx:
        declare(ctx.lib)
        ctx.set_progress(progress.native_callback)
        with ProjectTypes(ctx, read_table(types_path), types_path) as types, \
                CategoryMap(ctx, read_table(conversion_preset(request.current_system)),
                            request.current_system) as current_map, \
                CategoryMap(ctx, read_table(conversion_preset(request.planned_system)),
                            request.planned_system) as planned_map, \
                Policy(ctx, read_table(policy_path), policy_path) as policy, \
                Coefficients(ctx, read_table(coefficient_preset(request.current_system)),
                             request.current_system) as current_k, \
                Coefficients(ctx, read_table(coefficient_preset(request.planned_system)),
                             request.planned_system) as planned_k:
            with ParcelCheck(ctx, crs_for_core(check.crs), options, types, current_map, planned_map, policy,
                             current_k, planned_k) as parcel_check:
                progress.phase(*_READ)
                check.add_parcels(parcel_check)
                check.add_context(parcel_check)
                progress.phase(*_RUN)
                parcel_check.run(on_reason)
                parcels = [ParcelRecord(p, QgsGeometry(check.geometries[p.fid])) for p in parcel_check.parcels()]
                units = parcel_check.units()
                villages = parcel_check.villages()
                tolerance = options.tolerance_m2 if options.tolerance_m2 is not None \
                    else default_options(ctx)["tolerance_m2"]
    progress.report(1.0)
    for record in parcels:
        record.geometry.convertToMultiType()
    return ParcelsResult(parcels, reasons, units, villages, check.crs, tolerance, beach_codes,
                         sorted(set(check.reprojected)))


def summary_lines(result: ParcelsResult) -> List[str]:
    counts = result.verdict_counts()
    out = [tr("{n} parcels: passed {p}, passed with conditions {c}, failed {f} (tolerance {t:g} m²).").format(
        n=len(result.parcels), p=counts["pass"], c=counts["conditional"], f=counts["fail"], t=result.tolerance_m2)]
    no_unit = tr("(no unit)")
    chinese = chinese_ui()  # the core words the reasons in both languages: the user's one in the log
    for u in result.units:
        verdict, reasons = (VERDICTS_ZH[u.verdict], u.reasons_zh) if chinese else (VERDICTS[u.verdict], u.reasons_en)
        out.append(f"{u.project_id or no_unit} {u.name}: {verdict} — {reasons}")
    if result.reprojected:
        out.append(tr("Reprojected into the parcels' CRS: {layers}.").format(layers=", ".join(result.reprojected)))
    return out
