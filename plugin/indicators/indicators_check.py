"""Binding plan indicators per admin unit from QGIS inputs (SPEC §12).

The measuring is the tally's and the conversion's (every area is the core's, ellipsoidal):
land use by admin unit, with 田坎 deducted, gives cultivated, forest, construction and
urban-rural construction land through the class groups of the preset; permanent farmland
inside each unit comes from a tally of the farmland layer; the change-based indicators from
the conversion overlay of two survey years by unit. The comparison is the core's
(guotu_indicators.h). The row texts are the ones the CLI writes, in both languages.
"""

import math
from pathlib import Path
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeatureSource, QgsFeedback

from ..binding.errors import GuotuInputError
from ..binding.indicators_native import (CONSTRUCTION, CULTIVATED, FARMLAND, FOREST, FOREST_COVER, FOREST_TAKEN,
                                         GROUP_CULTIVATED, GROUP_FOREST, GROUP_OTHER_CONSTRUCTION, GROUP_URBAN_RURAL,
                                         KEYS, NEW_ON_CULTIVATED, NO_TARGET, STATUSES, URBAN_RURAL, ClassGroups,
                                         IndicatorInfo, IndicatorRow, Indicators, UnitSummary, indicator_infos)
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context
from ..conversion.convert import ConversionRequest, LandUseInput, run_conversion
from ..i18n import tr
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..inputs.feature_reading import read_features, source_label, text_value
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..inputs.validation import require_field, require_polygon_source, require_valid_crs
from ..paths import resources_dir
from ..inputs.layer_files import FileInput
from ..tally.tally import TallyRequest, run_tally
from ..tally.tally_files import run_tally_files, tally_files_of

MU_PER_HA = 15.0
# Target fields known by name (matched in any case), by indicator key: the lines workspace's
# admin_units carry the farmland protection task as pbf_target_ha, which `guotu indicators
# --workspace` reads. No other target has a delivered name: those fields are chosen, never guessed.
KNOWN_TARGET_FIELDS: Dict[str, Tuple[str, ...]] = {"permanent_farmland": ("pbf_target_ha",)}
SYSTEM = "SANDIAO_WORK"  # the classification the conversion overlay reads the codes in


def class_groups_preset(name: str = SYSTEM) -> str:
    return str(resources_dir() / "presets" / "indicators" / f"{name}.csv")


@dataclass
class TargetTable:
    """Targets from a table apart from the admin layer (a CSV or a table layer), as the CLI's
    --targets: one row per admin unit, keyed by its code, a column per target given."""
    source: QgsFeatureSource
    code_field: str                          # the admin code column (the CLI's --targets-code)
    columns: Dict[int, str]                  # indicator -> column holding its target


@dataclass
class IndicatorsRequest:
    admin: QgsFeatureSource
    admin_code_field: str
    landuse: QgsFeatureSource
    class_field: str
    targets: Dict[int, str]                  # indicator -> field of the admin layer holding its target
    admin_name_field: Optional[str] = None   # None: the units are named by their codes
    deduction_field: Optional[str] = None    # KCXS; None: no 田坎 deduction
    before: Optional[QgsFeatureSource] = None  # the earlier survey year
    before_class_field: Optional[str] = None
    farmland: Optional[QgsFeatureSource] = None
    targets_in_mu: bool = False              # area targets in mu (15 mu = 1 ha); forest cover is always %
    tolerance: float = 0.0
    classes: Optional[str] = None            # code,group CSV; None: the preset
    target_table: Optional[TargetTable] = None  # the targets apart; then ``targets`` is not read
    # "admin" and "landuse": the layers behind those inputs, so that the core reads the land use's
    # file itself when it holds what the user sees (tally/tally_files.py); else through QGIS.
    files: Dict[str, FileInput] = field(default_factory=dict)


@dataclass
class IndicatorsResult:
    rows: List[IndicatorRow]
    units: List[UnitSummary]
    wkb: Dict[str, bytes]                  # admin code -> geometry (the admin layer's CRS)
    crs: QgsCoordinateReferenceSystem
    infos: List[IndicatorInfo]
    tolerance: float
    notes: List[Tuple[str, str]] = field(default_factory=list)  # (English, Chinese), as the CLI's notes table


def row_texts(info: IndicatorInfo, indicator: int, status: int, tolerance: float) -> Tuple[str, str, str]:
    """(result in Chinese, note, note in Chinese) of a row: the texts the CLI writes."""
    result_zh = ("达标", "未达标", "未比较", "未比较")[status]
    floor = info.rule == ">="
    if status in (0, 1):
        en = "measured {} target{}".format(info.rule, (" x (1 - tolerance)" if floor else " x (1 + tolerance)")
                                           if tolerance > 0 else "")
        zh = "实测值{}目标值{}".format("不低于" if floor else "不高于", "（含容差）" if tolerance > 0 else "")
    elif status == NO_TARGET:
        en, zh = "no target: not compared", "无目标值：未比较"
    elif indicator == FARMLAND:
        en = "not measured: no permanent farmland layer (--farmland or --workspace)"
        zh = "未测算：未给出永久基本农田图层"
    else:
        en, zh = "not measured: no earlier survey year (--before)", "未测算：未给出前一期调查数据"
    return result_zh, en, zh


def _number(value: object) -> Optional[float]:
    if is_null(value) or (isinstance(value, str) and not value.strip()):
        return None
    return float(value)


class _Run:
    def __init__(self, request: IndicatorsRequest, transform_context: QgsCoordinateTransformContext,
                 feedback: Optional[QgsFeedback]) -> None:
        self.request = request
        self.transform_context = transform_context
        self.feedback = feedback
        self.progress = PhasedProgress(feedback)
        self.notes: List[Tuple[str, str]] = []
        self.admin_label = source_label(request.admin)
        require_polygon_source(request.admin, self.admin_label)
        require_valid_crs(request.admin.sourceCrs(), self.admin_label)
        self.code_index = require_field(request.admin, request.admin_code_field, self.admin_label)
        self.name_index = (require_field(request.admin, request.admin_name_field, self.admin_label)
                           if request.admin_name_field else -1)
        table = request.target_table
        self.target_index = {} if table is not None else \
            {k: require_field(request.admin, name, self.admin_label) for k, name in request.targets.items()}
        if table is not None:
            self.table_label = source_label(table.source)
            self.table_code = require_field(table.source, table.code_field, self.table_label)
            self.table_index = {k: require_field(table.source, name, self.table_label)
                                for k, name in table.columns.items()}
            if not self.table_index:
                raise GuotuInputError(tr('Choose at least one target column of the targets table "{table}".')
                                      .format(table=self.table_label))
        elif not self.target_index:
            raise GuotuInputError(tr("Choose at least one target field of the admin layer."))
        self.code_field = request.admin.fields().at(self.code_index).name()

    def note(self, en: str, zh: str) -> None:
        self.notes.append((en, zh))

    def read_admins(self, ind: Indicators, ctx: Context) -> Dict[str, bytes]:
        r = self.request
        wkbs: Dict[str, bytes] = {}
        if self.name_index < 0:
            self.note("the admin units have no name field: they are named by their codes",
                      "行政区没有名称字段：以行政区代码代替名称")
        attributes = sorted({self.code_index, *self.target_index.values()} |
                            ({self.name_index} if self.name_index >= 0 else set()))
        with AreaCalculator(ctx, crs_for_core(r.admin.sourceCrs()), AreaMethod.ELLIPSOIDAL) as calc:
            for feature in read_features(r.admin, attributes):
                self.progress.check_cancel()
                code = text_value(feature.attribute(self.code_index))
                where = tr('Feature {fid} of layer "{layer}"').format(fid=feature.id(), layer=self.admin_label)
                if not code:
                    raise GuotuInputError(tr('{where}: the admin code (field "{field}") is empty.').format(
                        where=where, field=self.code_field))
                if not feature.hasGeometry() or feature.geometry().isEmpty():
                    raise GuotuInputError(tr("{where} (admin unit {code}) has no geometry.").format(
                        where=where, code=code))
                wkb = geometry_wkb(feature.geometry())
                name = text_value(feature.attribute(self.name_index)) if self.name_index >= 0 else ""
                ind.add_unit(code, name or code, calc.area_of_wkb(wkb) / 10000.0)
                wkbs[code] = wkb
                for k, index in self.target_index.items():
                    value = feature.attribute(index)
                    try:
                        number = _number(value)
                    except (TypeError, ValueError):
                        raise GuotuInputError(
                            tr('{where}, field "{field}": the target "{value}" is not a number.').format(
                                where=where, field=r.targets[k], value=value)) from None
                    if number is not None:
                        scale = 1.0 / MU_PER_HA if r.targets_in_mu and k != FOREST_COVER else 1.0
                        ind.set_target(code, k, number * scale)
        if not wkbs:
            raise GuotuInputError(tr('The admin layer "{layer}" has no features.').format(layer=self.admin_label))
        return wkbs

    def read_target_table(self, ind: Indicators, codes: List[str]) -> None:
        """The targets of the table, as `guotu indicators --targets` reads them: the code as
        text, an empty cell no target, a unit without a row and a row naming no unit noted, a
        code twice refused."""
        r, table = self.request, self.request.target_table
        known, seen = set(codes), set()
        unmatched, first = 0, ""
        attributes = sorted({self.table_code, *self.table_index.values()})
        for n, feature in enumerate(read_features(table.source, attributes, geometry=False), start=1):
            self.progress.check_cancel()
            code = text_value(feature.attribute(self.table_code))
            if code not in known:
                unmatched += 1
                first = first or code[:60]
                continue
            if code in seen:
                raise GuotuInputError(tr('The targets table "{table}" has admin code "{code}" twice (row {row}).')
                                      .format(table=self.table_label, code=code, row=n))
            seen.add(code)
            for k, index in self.table_index.items():
                value = feature.attribute(index)
                try:
                    number = _number(value)
                    if number is not None and not (math.isfinite(number) and number >= 0):
                        raise ValueError
                except (TypeError, ValueError):
                    raise GuotuInputError(
                        tr('Targets table "{table}", row {row} (admin code "{code}"), column "{field}": the target '
                           '"{value}" is not a number >= 0.').format(table=self.table_label, row=n, code=code,
                                                                    field=table.columns[k], value=value)) from None
                if number is not None:
                    scale = 1.0 / MU_PER_HA if r.targets_in_mu and k != FOREST_COVER else 1.0
                    ind.set_target(code, k, number * scale)
        missing = len(known - seen)
        if missing:
            self.note(f"{missing} of {len(known)} admin units have no row in the targets table: their indicators "
                      "are skipped", f"{missing} 个行政区（共 {len(known)} 个）在目标表中没有记录：其指标未比较")
        if unmatched:
            self.note(f"{unmatched} rows of the targets table name no admin unit (the first: '{first}')",
                      f"目标表中 {unmatched} 条记录的行政区代码不在行政区图层中（第一条：{first}）")

    def measure_landuse(self, ind: Indicators, groups: ClassGroups) -> None:
        r = self.request
        request = TallyRequest(zones=r.admin, zone_id_field=self.code_field, landuse=r.landuse,
                               class_field=r.class_field, deduction_field=r.deduction_field)
        result = None
        if "admin" in r.files and "landuse" in r.files:
            inputs = [FileInput("zones", r.files["admin"].layer, r.files["admin"].value),
                      FileInput("landuse", r.files["landuse"].layer, r.files["landuse"].value)]
            files, _why = tally_files_of(request, inputs)
            if files is not None:
                result = run_tally_files(request, files, self.transform_context, self.feedback)
        if result is None:
            result = run_tally(request, self.transform_context, self.feedback)
        if r.deduction_field:
            self.note(f"cultivated land is net of 田坎: deduction coefficient from field '{r.deduction_field}'",
                      f"耕地为扣除田坎后的面积：扣除系数取自字段 {r.deduction_field}")
        else:
            self.note("the land use has no deduction field (KCXS): cultivated land is its gross area",
                      "土地利用图层没有扣除系数字段（KCXS）：耕地按图斑面积计，未扣除田坎")
        for zone, class_code, ha in result.rows:
            ind.add_class_area(groups, zone, class_code, ha)
        for k in (CULTIVATED, CONSTRUCTION, URBAN_RURAL, FOREST):
            ind.measured_everywhere(k)

    def measure_farmland(self, ind: Indicators) -> None:
        r = self.request
        result = run_tally(TallyRequest(zones=r.admin, zone_id_field=self.code_field, landuse=r.farmland,
                                        whole_area=True), self.transform_context, self.feedback)
        for zone, _class_code, ha in result.rows:
            ind.add_measured(zone, FARMLAND, ha)
        ind.measured_everywhere(FARMLAND)

    def measure_change(self, ind: Indicators, groups: ClassGroups, classes: str) -> None:
        """The change overlay on the classes that can count only, as `guotu indicators` runs
        it: cultivated and forest land of the earlier year against construction land of the
        later one; an earlier class no group lists is noted (its parcels count in no change)."""
        r = self.request
        unlisted: List[str] = []
        listed = [False]  # whether any code of the earlier year is in the class table

        def earlier(code: str) -> bool:
            group = groups.group_of(code)
            if group < 0 and code not in unlisted and len(unlisted) < 64:
                unlisted.append(code)
            listed[0] = listed[0] or group >= 0
            return group in (GROUP_CULTIVATED, GROUP_FOREST)

        def later(code: str) -> bool:
            return groups.group_of(code) in (GROUP_URBAN_RURAL, GROUP_OTHER_CONSTRUCTION)

        before_field = r.before_class_field or r.class_field
        index = r.before.fields().lookupField(before_field)
        # Nothing of the earlier year can count (a district without cultivated or forest land):
        # no overlay to run, both changes are 0. A missing field is the conversion's to name.
        counts = index < 0 or any(earlier(code_from_value(f.attribute(index)))
                                  for f in read_features(r.before, [index], geometry=False))
        if not counts and not listed[0]:
            # No code of the earlier year in the class table at all: the field holds something else
            # (names, another classification), and 0 would be a wrong answer.
            raise GuotuInputError(tr('None of the class codes of the earlier survey year (field "{field}" of layer '
                                     '"{layer}") is in the class table "{table}": check that the field holds 三调 '
                                     'codes (DLBM), not names (DLMC).').format(
                field=before_field, layer=source_label(r.before), table=classes))
        request = ConversionRequest(
            before=LandUseInput(r.before, before_field, SYSTEM, keep=earlier),
            after=LandUseInput(r.landuse, r.class_field, SYSTEM, keep=later),
            zones=r.admin, zone_id_field=self.code_field)
        result = run_conversion(request, self.transform_context, self.feedback) if counts else None
        for code in unlisted:
            self.note(f"class code '{code[:40]}' of the earlier survey year is in no group of the class table "
                      f"'{classes}': its parcels count in no change-based indicator",
                      f"前一期地类编码 {code[:40]} 不在分组表 {classes} 中：其图斑未计入变化类指标")
        for zone, kind, from_code, to_code, _status, ha, _dm in (result.transitions if result else []):
            if kind == "code" and zone not in ("", "*"):
                ind.add_transition(groups, zone, from_code, to_code, ha)
        ind.measured_everywhere(NEW_ON_CULTIVATED)
        ind.measured_everywhere(FOREST_TAKEN)
        self.note("new construction on cultivated land and forest land taken: the change between the two survey "
                  "years counts whole cultivated parcels (gross of 田坎)",
                  "新增建设占用耕地、占用征收林地：两期调查之间的变化按整个耕地图斑计（未扣除田坎）")


def run_indicators(request: IndicatorsRequest, transform_context: QgsCoordinateTransformContext,
                   feedback: Optional[QgsFeedback] = None) -> IndicatorsResult:
    """Measures and compares; raises GuotuInputError (naming layer, feature and field),
    GuotuError or GuotuCancelled."""
    run = _Run(request, transform_context, feedback)
    classes = request.classes or class_groups_preset()
    try:
        text = Path(classes).read_bytes()
    except OSError as e:
        raise GuotuInputError(tr('Cannot read the class groups table "{path}": {error}').format(
            path=classes, error=e)) from e
    with Context() as ctx, ClassGroups(ctx, text, classes) as groups, Indicators(ctx, request.tolerance) as ind:
        wkb = run.read_admins(ind, ctx)
        if request.target_table is not None:
            run.read_target_table(ind, list(wkb))
        run.measure_landuse(ind, groups)
        if request.farmland is not None:
            run.measure_farmland(ind)
        if request.before is not None:
            run.measure_change(ind, groups, classes)
        for code, ha in ind.unknown():
            run.note(f"class code '{code}' is in no group of the class table '{classes}' ({ha:.4f} ha, counted in "
                     "no indicator)", f"地类编码 {code} 不在分组表 {classes} 中（{ha:.4f} 公顷，未计入任何指标）")
        ind.finish()
        return IndicatorsResult(rows=ind.rows(), units=ind.units(), wkb=wkb, crs=request.admin.sourceCrs(),
                                infos=indicator_infos(ctx), tolerance=request.tolerance, notes=run.notes)


# The output fields: (name, kind, Chinese title), as the CLI's tables.
# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (indicators.csv, indicator_units.csv).
ROW_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh) for c in table_schema("indicators").kept()]
UNIT_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                           for c in table_schema("indicator_units").kept()]
# The values row_attributes and unit_attributes give, in their order, put into the schema's.
_ROW = table_schema("indicators").layout(
    ("admin_code", "admin_name", "indicator", "indicator_zh", "unit", "rule", "target", "measured", "difference",
     "ratio", "result", "result_zh", "note", "note_zh"))[1]
_UNIT_ROW = table_schema("indicator_units").layout(
    ("admin_code", "admin_name", "area_ha", "failed", "passed", "skipped"))[1]


def _real(value: float) -> Optional[float]:
    return None if math.isnan(value) else value


def row_attributes(result: IndicatorsResult, row: IndicatorRow) -> list:
    info = result.infos[row.indicator]
    result_zh, en, zh = row_texts(info, row.indicator, row.status, result.tolerance)
    return _ROW([row.admin_code, row.admin_name, KEYS[row.indicator], info.name_zh, info.unit, info.rule,
                 _real(row.target), _real(row.measured), _real(row.difference), _real(row.ratio),
                 STATUSES[row.status], result_zh, en, zh])


def unit_attributes(unit: UnitSummary) -> list:
    return _UNIT_ROW([unit.admin_code, unit.admin_name, unit.area_ha, unit.failed, unit.passed, unit.skipped])


def known_target_fields(admin: Optional[QgsFeatureSource]) -> Dict[str, str]:
    """Indicator key -> the admin layer's own spelling of the target field known for it (only
    the targets whose known name the layer has)."""
    found: Dict[str, str] = {}
    if admin is None:
        return found
    for key, names in KNOWN_TARGET_FIELDS.items():
        for name in names:
            index = admin.fields().lookupField(name)
            if index >= 0:
                found[key] = admin.fields().at(index).name()
                break
    return found
