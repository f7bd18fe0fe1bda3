"""The unit ledger (资源、权益"双挂钩", SPEC §9) from QGIS inputs: the balance sheet of every
planning or consolidation unit and the reclamation certificates, by guotu_ledger.h.

Inputs are QgsFeatureSources (unsaved edits, selections and filters count as the user sees
them); the other layers are brought into the parcels' CRS. The presets are those of
`guotu ledger`: each system's category map and voucher coefficients, the project types and
the river-beach codes of the current system. The output tables are the CLI's, column for
column (both read resources/schemas). Nothing here computes an area: the core does.
"""

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback,
                       QgsGeometry)

from ..binding.convert_native import CategoryMap
from ..binding.errors import GuotuInputError
from ..binding.ledger_native import Ledger, LedgerOptions, LedgerParcel, declare, default_options
from ..binding.native import AreaMethod, Context
from ..binding.voucher_native import Coefficients
from ..binding.parcels_native import ProjectTypes
from ..conversion.convert import SYSTEMS, coefficient_preset, conversion_preset, read_table
from ..i18n import chinese_ui, tr
from ..inputs.conversions import crs_for_core, is_null
from ..inputs.feature_reading import features_in_crs, text_value
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..inputs.validation import require_field, require_metric_crs, require_polygon_source, require_valid_crs
from ..parcels.parcels_check import project_types_preset, river_beach_codes
from ..paths import resources_dir

MU_PER_HA = 15.0
CATEGORY_ORDER = ("cultivated", "garden", "forest", "grassland", "farm_water", "aquaculture", "river_water",
                  "other_unused", "sea", "construction")

# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (unit_ledger.csv, unit_grades.csv, certificates.csv, project_certificates.csv).
UNIT_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("unit_ledger").kept()]
GRADE_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("unit_grades").kept()]
CERTIFICATE_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                                  for c in table_schema("certificates").kept()]
PROJECT_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                              for c in table_schema("project_certificates").kept()]
# The values the attribute functions below give, in their order, put into the schema's.
_UNIT_ROW = table_schema("unit_ledger").layout(
    ("unit_id", "name", "parcels", "area_ha", "cultivated_opening_ha", "lost_construction_ha", "lost_garden_ha",
     "lost_forest_ha", "lost_grassland_ha", "lost_other_ha", "gained_reclamation_ha", "gained_garden_ha",
     "gained_forest_ha", "gained_grassland_ha", "gained_other_ha", "tiankan_change_ha", "cultivated_closing_ha",
     "tiankan_opening_ha", "tiankan_closing_ha", "quantity_ok", "grade_opening_mean", "grade_closing_mean",
     "ungraded_opening_ha", "ungraded_closing_ha", "grade_tolerance", "quality_ok", "farmland_out_ha",
     "farmland_in_ha", "farmland_ratio", "farmland_gain_min", "farmland_out_grade", "farmland_in_grade",
     "farmland_ok", "farmland_quality_ok", "construction_opening_ha", "reclaimed_ha", "built_ha",
     "construction_closing_ha", "construction_ok", "linkage_min", "linkage_balance_ha", "beach_parcels", "beach_ha",
     "beach_parcel_ids", "linkage_ok", "forest_opening_ha", "forest_closing_ha", "forest_ok", "redline_parcels",
     "redline_changed_ha", "redline_ok", "verdict", "verdict_en", "reasons_zh"))[1]
_GRADE_ROW = table_schema("unit_grades").layout(("unit_id", "grade", "opening_ha", "closing_ha"))[1]
_CERTIFICATE_ROW = table_schema("certificates").layout(
    ("number", "parcel_id", "project_id", "unit_id", "current_code", "planned_code", "area_ha", "cultivated_ha",
     "tiankan_ha", "garden_ha", "forest_ha", "grass_ha", "standard_forest_ha", "area_mu", "on_river_beach",
     "issuable", "status_en"))[1]
_PROJECT_ROW = table_schema("project_certificates").layout(
    ("project_id", "certificates", "issuable", "area_ha", "cultivated_ha", "tiankan_ha", "garden_ha", "forest_ha",
     "grass_ha", "standard_forest_ha"))[1]

_YES = {"1", "是", "Y", "y", "true", "TRUE", "True", "yes", "YES"}
_NO = {"", "0", "否", "N", "n", "false", "FALSE", "False", "no", "NO"}


@dataclass
class LedgerRequest:
    """Inputs of one ledger. Field names "" or None are not given. ``labels`` names the
    inputs in messages (layer names).

    Two survey years as separate layers: ``parcels`` is the current land use and ``planned``
    the planned or later one (overlaid by the core, each piece a parcel). The current_*,
    kcxs, grade and farmland fields are then the current layer's, the planned_* fields the
    planned layer's, ``planned_id_field`` its id (default: id_field); the unit, project and
    type fields are read from each layer that has them, the planned one first (as
    ``guotu ledger --current/--planned``)."""
    parcels: QgsFeatureSource
    id_field: str
    current_field: str
    planned_field: str
    current_system: str
    planned_system: str
    unit_field: Optional[str] = None
    unit_prefix: int = 0  # > 0: the unit is the first N characters of unit_field (ZLDWDM: 12 village, 9 town)
    units: Optional[QgsFeatureSource] = None
    unit_id_field: Optional[str] = None
    unit_name_field: Optional[str] = None
    project_field: Optional[str] = None
    type_field: Optional[str] = None
    area_field: Optional[str] = None
    kcxs_field: Optional[str] = None
    planned_kcxs_field: Optional[str] = None
    grade_field: Optional[str] = None
    planned_grade_field: Optional[str] = None
    farmland_field: Optional[str] = None
    planned_farmland_field: Optional[str] = None
    redline: Optional[QgsFeatureSource] = None
    beaches: Optional[QgsFeatureSource] = None
    types_csv: Optional[str] = None
    beach_codes: Optional[str] = None
    options: LedgerOptions = field(default_factory=LedgerOptions)
    labels: Dict[str, str] = field(default_factory=dict)
    planned: Optional[QgsFeatureSource] = None
    planned_id_field: Optional[str] = None


@dataclass
class LedgerResult:
    units: List[Dict[str, Any]]
    unit_geometries: Dict[str, QgsGeometry]
    certificates: List[Dict[str, Any]]
    certificate_geometries: Dict[int, QgsGeometry]
    projects: List[Dict[str, Any]]
    crs: QgsCoordinateReferenceSystem
    parameters: Dict[str, float]
    reprojected: List[str] = field(default_factory=list)
    slivers: Optional[Tuple[int, float]] = None  # two survey years: overlay slivers left out (count, m²)


def cultivated_codes(system: str) -> str:
    """The codes of cultivated land (耕地) of a system (presets/ledger/cultivated_codes.csv): the
    conversion category "cultivated" also holds 设施农用地 and 田坎, which a ledger does not count."""
    text = read_table(resources_dir() / "presets" / "ledger" / "cultivated_codes.csv").decode("utf-8-sig")
    for row in csv.DictReader(io.StringIO(text)):
        if row.get("system") == system:
            return row.get("codes") or ""
    return ""


def _real(value: Any) -> Optional[float]:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def ok_text(value: int) -> str:
    return "pass" if value == 1 else "fail" if value == 0 else "not_checked"


def verdict_texts(value: int) -> Tuple[str, str]:
    return ("通过", "pass") if value == 1 else ("不通过", "fail") if value == 0 else ("待定", "undetermined")


def unit_attributes(u: Dict[str, Any], parameters: Dict[str, float]) -> List[Any]:
    """Values in UNIT_FIELDS (the schema's) order, as the CLI writes unit_ledger (NaN: NULL)."""
    lost, gained = u["cultivated_lost_ha"], u["cultivated_gained_ha"]
    other = [c for c in range(len(CATEGORY_ORDER)) if c not in (1, 2, 3, 9)]
    zh, en = verdict_texts(u["verdict"])
    values = [u["unit_id"], u["name"], u["parcels"], u["area_ha"], u["cultivated_opening_ha"], lost[9], lost[1],
              lost[2], lost[3], sum(lost[c] for c in other), gained[9], gained[1], gained[2], gained[3],
              sum(gained[c] for c in other), u["tiankan_change_ha"], u["cultivated_closing_ha"],
              u["tiankan_opening_ha"], u["tiankan_closing_ha"], ok_text(u["quantity_ok"]), u["grade_opening_mean"],
              u["grade_closing_mean"], u["grade_opening_ha"][0], u["grade_closing_ha"][0],
              parameters["grade_tolerance"], ok_text(u["quality_ok"]), u["farmland_out_ha"], u["farmland_in_ha"],
              u["farmland_ratio"], parameters["farmland_gain_min"], u["farmland_out_grade"], u["farmland_in_grade"],
              ok_text(u["farmland_ok"]), ok_text(u["farmland_quality_ok"]), u["construction_opening_ha"],
              u["reclaimed_ha"], u["built_ha"], u["construction_closing_ha"], ok_text(u["construction_ok"]),
              parameters["linkage_min"], u["linkage_balance_ha"], u["beach_parcels"], u["beach_ha"],
              u["beach_parcel_ids"], ok_text(u["linkage_ok"]), u["forest_opening_ha"], u["forest_closing_ha"],
              ok_text(u["forest_ok"]), u["redline_parcels"], u["redline_changed_ha"], ok_text(u["redline_ok"]), zh,
              en, u["reasons_zh"]]
    return _UNIT_ROW([_real(v) for v in values])


def grade_rows(u: Dict[str, Any]) -> List[List[Any]]:
    return [_GRADE_ROW([u["unit_id"], g, u["grade_opening_ha"][g], u["grade_closing_ha"][g]])
            for g in range(len(u["grade_opening_ha"]))
            if u["grade_opening_ha"][g] > 0 or u["grade_closing_ha"][g] > 0]


def certificate_attributes(c: Dict[str, Any]) -> List[Any]:
    values = [c["number"], c["parcel_id"], c["project_id"], c["unit_id"], c["current_code"], c["planned_code"],
              c["area_ha"], c["cultivated_ha"], c["tiankan_ha"], c["garden_ha"], c["forest_ha"], c["grass_ha"],
              c["standard_forest_ha"], c["area_ha"] * MU_PER_HA, "是" if c["on_river_beach"] else "否",
              "是" if c["issuable"] else "否", "issuable" if c["issuable"] else "river_beach"]
    return _CERTIFICATE_ROW([_real(v) for v in values])


def project_attributes(p: Dict[str, Any]) -> List[Any]:
    values = [p["project_id"], p["certificates"], p["issuable"], p["area_ha"], p["cultivated_ha"], p["tiankan_ha"],
              p["garden_ha"], p["forest_ha"], p["grass_ha"], p["standard_forest_ha"]]
    return _PROJECT_ROW([_real(v) for v in values])


class _Reader:
    """State of one run_ledger call: validation, then one method per input."""

    def __init__(self, request: LedgerRequest, context: QgsCoordinateTransformContext,
                 progress: PhasedProgress) -> None:
        self.request = request
        self.context = context
        self.progress = progress
        self.reprojected: List[str] = []
        self.unit_geometries: Dict[str, QgsGeometry] = {}
        self.parcel_geometries: Dict[int, QgsGeometry] = {}
        self.crs = self._validate()

    def label(self, role: str) -> str:
        return self.request.labels.get(role) or role

    def _parcel_fields(self) -> List[Optional[str]]:
        r = self.request
        return [r.id_field, r.current_field, r.planned_field, r.unit_field, r.project_field, r.type_field,
                r.area_field, r.kcxs_field, r.planned_kcxs_field, r.grade_field, r.planned_grade_field,
                r.farmland_field, r.planned_farmland_field]

    def _year_fields(self, side: int) -> List[Optional[str]]:
        """id, code, 田坎, grade and farmland fields of one layer of two survey years."""
        r = self.request
        if side == 0:
            return [r.id_field, r.current_field, r.kcxs_field, r.grade_field, r.farmland_field]
        return [r.planned_id_field or r.id_field, r.planned_field, r.planned_kcxs_field, r.planned_grade_field,
                r.planned_farmland_field]

    def _validate_years(self) -> None:
        r = self.request
        assert r.planned is not None
        label = self.label("planned")
        require_polygon_source(r.planned, label)
        require_valid_crs(r.planned.sourceCrs(), label)
        if r.area_field:
            raise GuotuInputError(tr("An official area field cannot be used with two land-use layers: every piece "
                                     "of their overlay gets its computed area."))
        for side, source in ((0, r.parcels), (1, r.planned)):
            for name in self._year_fields(side):
                if name:
                    require_field(source, name, self.label("parcels" if side == 0 else "planned"))
        for name in (r.unit_field, r.project_field, r.type_field):
            if name and r.parcels.fields().lookupField(name) < 0 and r.planned.fields().lookupField(name) < 0:
                raise GuotuInputError(tr('Neither layer "{current}" nor layer "{planned}" has a field {field}.')
                                      .format(current=self.label("parcels"), planned=label, field=name))

    def _validate(self) -> QgsCoordinateReferenceSystem:
        r = self.request
        label = self.label("parcels")
        require_polygon_source(r.parcels, label)
        require_valid_crs(r.parcels.sourceCrs(), label)
        if r.planned is not None:
            self._validate_years()
        for name in self._parcel_fields() if r.planned is None else []:
            if name:
                require_field(r.parcels, name, label)
        for system in (r.current_system, r.planned_system):
            if system not in SYSTEMS:
                raise GuotuInputError(tr('"{system}" is not a classification system with a conversion preset '
                                         '({systems}).').format(system=system, systems=", ".join(SYSTEMS)))
        if r.units is not None and r.unit_field:
            raise GuotuInputError(tr("Give the units either by a field of the parcels or by a units layer, not "
                                     "both."))
        if bool(r.farmland_field) != bool(r.planned_farmland_field):
            raise GuotuInputError(tr("Permanent farmland needs both fields: inside now and inside after the "
                                     "adjustment plan."))
        for role, source in (("units", r.units), ("redline", r.redline), ("beaches", r.beaches)):
            if source is None:
                continue
            require_polygon_source(source, self.label(role))
            require_valid_crs(source.sourceCrs(), self.label(role))
        if r.units is not None:
            if not r.unit_id_field:
                raise GuotuInputError(tr('Choose the id field of layer "{layer}".').format(layer=self.label("units")))
            for name in (r.unit_id_field, r.unit_name_field):
                if name:
                    require_field(r.units, name, self.label("units"))
        crs = r.parcels.sourceCrs()
        if r.options.area_method == AreaMethod.PLANAR:
            require_metric_crs(crs, label)
        return crs

    def add_context(self, ledger: Ledger) -> None:
        r = self.request
        if r.units is not None:
            fields = r.units.fields()
            idx = fields.lookupField(r.unit_id_field)
            name_idx = fields.lookupField(r.unit_name_field) if r.unit_name_field else -1
            count = 0
            for feature, wkb in features_in_crs(r.units, self.crs, self.context, self.label("units"),
                                                [i for i in (idx, name_idx) if i >= 0], self.progress,
                                                self.reprojected):
                if not wkb:
                    continue
                count += 1
                key = text_value(feature.attribute(idx))
                ledger.add_unit(key, text_value(feature.attribute(name_idx)) if name_idx >= 0 else "", feature.id(),
                                wkb)
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                geometry.convertToMultiType()
                self.unit_geometries[key] = geometry
            if not count:
                raise GuotuInputError(tr('Layer "{layer}" has no features.').format(layer=self.label("units")))
        for role, source, add in (("redline", r.redline, ledger.add_redline),
                                  ("beaches", r.beaches, ledger.add_river_beach)):
            if source is None:
                continue
            for feature, wkb in features_in_crs(source, self.crs, self.context, self.label(role), [], self.progress,
                                                self.reprojected):
                if wkb:
                    add(feature.id(), wkb)

    def _number(self, value: Any, name: str, parcel_id: str, layer: Optional[str] = None) -> float:
        if value is None or is_null(value):
            return math.nan
        text = text_value(value)
        if not text:
            return math.nan
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise GuotuInputError(tr('Layer "{layer}", parcel "{id}": field {field} holds "{value}", not a number.')
                                  .format(layer=layer or self.label("parcels"), id=parcel_id, field=name,
                                          value=text[:100]))
        return number

    def _flag(self, value: Any, name: str, parcel_id: str, layer: Optional[str] = None) -> bool:
        text = "" if value is None or is_null(value) else text_value(value)
        if text in _YES:
            return True
        if text in _NO:
            return False
        try:
            number = float(text)
        except ValueError:
            number = math.nan
        if number in (0.0, 1.0):
            return number == 1.0
        raise GuotuInputError(tr('Layer "{layer}", parcel "{id}": field {field} holds "{value}"; permanent farmland '
                                 'flags are 1/0 (是/否).').format(layer=layer or self.label("parcels"), id=parcel_id,
                                                                 field=name, value=text[:100]))

    def add_parcels(self, ledger: Ledger, current_map: CategoryMap, planned_map: CategoryMap) -> None:
        r = self.request
        names = self._parcel_fields()
        fields = r.parcels.fields()
        index = [fields.lookupField(n) if n else -1 for n in names]
        total = max(1, r.parcels.featureCount())
        label = self.label("parcels")
        reading = features_in_crs(r.parcels, self.crs, self.context, label, [i for i in index if i >= 0],
                                  self.progress, self.reprojected)
        count = 0
        for n, (feature, wkb) in enumerate(reading):
            raw = [feature.attribute(i) if i >= 0 else None for i in index]
            texts = [text_value(v) if i >= 0 else "" for v, i in zip(raw, index)]
            pid = texts[0]
            if not wkb:
                raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (parcel "{id}") has no geometry.')
                                      .format(fid=feature.id(), layer=label, id=pid))
            parcel = LedgerParcel(
                parcel_id=pid, current_code=texts[1], planned_code=texts[2], fid=feature.id(),
                unit_id=texts[3][:r.unit_prefix] if r.unit_prefix > 0 else texts[3],
                project_id=texts[4], project_type=texts[5], area_m2=self._number(raw[6], names[6] or "", pid),
                current_kcxs=self._number(raw[7], names[7] or "", pid),
                planned_kcxs=self._number(raw[8], names[8] or "", pid),
                current_grade=self._number(raw[9], names[9] or "", pid),
                planned_grade=self._number(raw[10], names[10] or "", pid),
                current_farmland=self._flag(raw[11], names[11] or "", pid) if index[11] >= 0 else False,
                planned_farmland=self._flag(raw[12], names[12] or "", pid) if index[12] >= 0 else False)
            ledger.add_parcel(parcel, wkb)
            if current_map.lookup(parcel.current_code) == "construction" and \
                    planned_map.lookup(parcel.planned_code) != "construction":
                geometry = QgsGeometry(feature.geometry())
                geometry.convertToMultiType()
                self.parcel_geometries[n] = geometry
            count += 1
            self.progress.report((n + 1) / total)
        if not count:
            raise GuotuInputError(tr('Layer "{layer}" has no parcels.').format(layer=label))


    def add_years(self, ledger: Ledger, current_map: CategoryMap, planned_map: CategoryMap) -> None:
        """Two survey years: the current polygons, then the planned ones; the core overlays them
        and hands back every piece, whose geometry is kept when it may get a certificate."""
        r = self.request
        pieces = [0]

        def keep(piece: LedgerParcel, wkb: bytes) -> None:
            if current_map.lookup(piece.current_code) == "construction" and \
                    planned_map.lookup(piece.planned_code) != "construction":
                geometry = QgsGeometry()
                geometry.fromWkb(wkb)
                geometry.convertToMultiType()
                self.parcel_geometries[pieces[0]] = geometry
            pieces[0] += 1

        ledger.set_piece_callback(keep)
        sources = ((0, r.parcels, self.label("parcels")), (1, r.planned, self.label("planned")))
        total = max(1, sum(source.featureCount() for _, source, _ in sources))
        done = 0
        for side, source, label in sources:
            names = self._year_fields(side)
            fields = source.fields()
            index = [fields.lookupField(n) if n else -1 for n in names]
            shared = [fields.lookupField(n) if n else -1 for n in (r.unit_field, r.project_field, r.type_field)]
            count = 0
            for feature, wkb in features_in_crs(source, self.crs, self.context, label,
                                                [i for i in index + shared if i >= 0], self.progress,
                                                self.reprojected):
                raw = [feature.attribute(i) if i >= 0 else None for i in index]
                texts = [text_value(v) if i >= 0 else "" for v, i in zip(raw, index)]
                other = [text_value(feature.attribute(i)) if i >= 0 else "" for i in shared]
                pid = texts[0]
                if not wkb:
                    raise GuotuInputError(tr('Feature {fid} of layer "{layer}" (parcel "{id}") has no geometry.')
                                          .format(fid=feature.id(), layer=label, id=pid))
                kcxs = self._number(raw[2], names[2] or "", pid, label)
                grade = self._number(raw[3], names[3] or "", pid, label)
                farmland = self._flag(raw[4], names[4] or "", pid, label) if index[4] >= 0 else False
                parcel = LedgerParcel(parcel_id=pid, current_code=texts[1] if side == 0 else "",
                                      planned_code=texts[1] if side == 1 else "", fid=feature.id(),
                                      unit_id=other[0][:r.unit_prefix] if r.unit_prefix > 0 else other[0],
                                      project_id=other[1], project_type=other[2])
                if side == 0:
                    parcel.current_kcxs, parcel.current_grade, parcel.current_farmland = kcxs, grade, farmland
                    ledger.add_current(parcel, wkb)
                else:
                    parcel.planned_kcxs, parcel.planned_grade, parcel.planned_farmland = kcxs, grade, farmland
                    ledger.add_planned(parcel, wkb)
                count += 1
                done += 1
                self.progress.report(done / total)
            if not count:
                raise GuotuInputError(tr('Layer "{layer}" has no parcels.').format(layer=label))
        ledger.set_piece_callback(None)


def run_ledger(request: LedgerRequest, transform_context: QgsCoordinateTransformContext,
               feedback: Optional[QgsFeedback] = None) -> LedgerResult:
    """Runs the unit ledger; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    reader = _Reader(request, transform_context, progress)
    options = request.options
    options.river_beach_codes = request.beach_codes if request.beach_codes is not None else river_beach_codes(
        request.current_system)
    options.parcels_label = reader.label("parcels")
    options.current_cultivated_codes = cultivated_codes(request.current_system)
    options.planned_cultivated_codes = cultivated_codes(request.planned_system)
    types_path = request.types_csv or str(project_types_preset())
    with Context() as ctx:
        declare(ctx.lib)
        ctx.set_progress(progress.native_callback)
        parameters = default_options(ctx)
        for name in parameters:
            if getattr(options, name) is not None:
                parameters[name] = getattr(options, name)
        with ProjectTypes(ctx, read_table(types_path), types_path) as types, \
                CategoryMap(ctx, read_table(conversion_preset(request.current_system)),
                            request.current_system) as current_map, \
                CategoryMap(ctx, read_table(conversion_preset(request.planned_system)),
                            request.planned_system) as planned_map, \
                Coefficients(ctx, read_table(coefficient_preset(request.current_system)),
                             request.current_system) as current_k, \
                Coefficients(ctx, read_table(coefficient_preset(request.planned_system)),
                             request.planned_system) as planned_k:
            with Ledger(ctx, crs_for_core(reader.crs), options, current_map, planned_map, current_k, planned_k,
                        types) as ledger:
                progress.phase(0.0, 10.0)
                reader.add_context(ledger)
                progress.phase(10.0, 50.0)
                if request.planned is not None:
                    reader.add_years(ledger, current_map, planned_map)
                else:
                    reader.add_parcels(ledger, current_map, planned_map)
                progress.phase(50.0, 100.0)
                ledger.run()
                units = ledger.units()
                certificates = ledger.certificates()
                projects = ledger.projects()
                slivers = ledger.slivers()
    progress.report(1.0)
    geometries = {c["parcel_index"]: reader.parcel_geometries[c["parcel_index"]] for c in certificates}
    return LedgerResult(units, reader.unit_geometries, certificates, geometries, projects, reader.crs, parameters,
                        sorted(set(reader.reprojected)), slivers)


def summary_lines(result: LedgerResult) -> List[str]:
    out = [tr("{n} units, {c} reclamation certificates.").format(n=len(result.units), c=len(result.certificates))]
    chinese = chinese_ui()
    for u in result.units:
        zh, en = verdict_texts(u["verdict"])
        out.append(tr("{unit}: {verdict}; cultivated land {opening:.4f} → {closing:.4f} ha").format(
            unit=u["unit_id"] or tr("(no unit)"), verdict=zh if chinese else en, opening=u["cultivated_opening_ha"],
            closing=u["cultivated_closing_ha"]))
    if result.slivers is not None:
        out.append(tr("{n} overlay slivers below {tolerance} m² left out ({area:.6f} m² in all).").format(
            n=result.slivers[0], tolerance=result.parameters["tolerance_m2"], area=result.slivers[1]))
    if result.reprojected:
        out.append(tr("Reprojected into the parcels' CRS: {layers}.").format(layers=", ".join(result.reprojected)))
    return out
