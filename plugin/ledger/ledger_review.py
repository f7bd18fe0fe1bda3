"""What the unit-ledger page of the parcel review dock shows, without any widget: the units
of a unit_ledger layer (guotu:unitledger's output or the CLI's table), the balance-sheet
lines of one unit with each rule's numbers and result, and the reclamation certificates of
its reclaimed parcels (the certificates table of the same run)."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from qgis.core import QgsFeatureRequest, QgsMapLayer, QgsRectangle, QgsVectorLayer

from ..i18n import tr
from ..inputs.conversions import is_null

REQUIRED = ("unit_id", "verdict_en", "quantity_ok", "cultivated_opening_ha", "cultivated_closing_ha", "redline_ok")
CERTIFICATE_REQUIRED = ("number", "parcel_id", "unit_id", "cultivated_ha", "issuable", "status_en")
RESULT_COLORS = {"pass": "#1a7f37", "fail": "#c62828", "not_checked": "#8a6d00", "undetermined": "#8a6d00"}


@dataclass
class LedgerUnit:
    fid: int
    unit_id: str
    name: str
    verdict: str  # pass / fail / undetermined
    values: Dict[str, Any]


@dataclass
class SheetLine:
    rule: str
    numbers: str
    result: str  # pass / fail / not_checked; "" for a line without a rule


@dataclass
class CertificateRow:
    fid: int
    number: str
    parcel_id: str
    project_id: str
    area_ha: float
    cultivated_ha: float
    standard_forest_ha: Optional[float]
    issuable: bool


def is_unit_ledger_layer(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().lookupField(name) >= 0 for name in REQUIRED)


def is_certificates_layer(layer: Optional[QgsMapLayer]) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.isValid() and \
        all(layer.fields().lookupField(name) >= 0 for name in CERTIFICATE_REQUIRED)


def _text(value: Any) -> str:
    return "" if value is None or is_null(value) else str(value)


def _number(value: Any) -> Optional[float]:
    if value is None or is_null(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def ledger_units(layer: QgsVectorLayer) -> List[LedgerUnit]:
    names = layer.fields().names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    units = []
    for f in layer.getFeatures(request):
        values = {name: f[name] for name in names}
        units.append(LedgerUnit(f.id(), _text(values["unit_id"]), _text(values.get("name")),
                                _text(values["verdict_en"]), values))
    return units


def result_titles() -> Dict[str, str]:
    return {"pass": tr("pass"), "fail": tr("fail"), "not_checked": tr("not checked"),
            "undetermined": tr("undetermined")}


def _ha(value: Any) -> str:
    number = _number(value)
    return "—" if number is None else f"{number:.4f}"


def _plain(value: Any, digits: int = 2) -> str:
    number = _number(value)
    return "—" if number is None else f"{number:.{digits}f}"


def sheet_lines(unit: LedgerUnit) -> List[SheetLine]:
    """The balance sheet of one unit: a line per rule with its numbers (ha; grades 1 best …
    15) and its result as the table holds it, then the unit's verdict."""
    v = unit.values

    def get(name: str) -> Any:
        return v.get(name)

    lost = sum(_number(get(n)) or 0.0 for n in ("lost_construction_ha", "lost_garden_ha", "lost_forest_ha",
                                                "lost_grassland_ha", "lost_other_ha"))
    gained = sum(_number(get(n)) or 0.0 for n in ("gained_reclamation_ha", "gained_garden_ha", "gained_forest_ha",
                                                  "gained_grassland_ha", "gained_other_ha"))
    lines = [
        SheetLine(tr("L1 cultivated land (ha, net of 田坎)"),
                  tr("{opening} → {closing}: lost {lost}, gained {gained} ({reclaimed} reclaimed), 田坎 "
                     "{tiankan}").format(
                      opening=_ha(get("cultivated_opening_ha")), lost=f"{lost:.4f}", gained=f"{gained:.4f}",
                      tiankan=_ha(get("tiankan_change_ha")), closing=_ha(get("cultivated_closing_ha")),
                      reclaimed=_ha(get("gained_reclamation_ha"))), _text(get("quantity_ok"))),
        SheetLine(tr("L2 quality (mean grade, 1 best)"),
                  tr("{opening} → {closing}, may worsen by {tolerance}").format(
                      opening=_plain(get("grade_opening_mean")), closing=_plain(get("grade_closing_mean")),
                      tolerance=_plain(get("grade_tolerance"))), _text(get("quality_ok"))),
        SheetLine(tr("L3 permanent farmland in ÷ out"),
                  tr("{inside} ÷ {out} ha = {ratio}, at least {minimum}").format(
                      inside=_ha(get("farmland_in_ha")), out=_ha(get("farmland_out_ha")),
                      ratio=_plain(get("farmland_ratio"), 3), minimum=_plain(get("farmland_gain_min"), 3)),
                  _text(get("farmland_ok"))),
        SheetLine(tr("L3 quality of farmland in and out"),
                  tr("mean grade in {inside}, out {out}").format(inside=_plain(get("farmland_in_grade")),
                                                                 out=_plain(get("farmland_out_grade"))),
                  _text(get("farmland_quality_ok"))),
        SheetLine(tr("L4 construction land (ha)"),
                  tr("{opening} → {closing}; reclaimed {reclaimed}, newly built {built}").format(
                      opening=_ha(get("construction_opening_ha")), closing=_ha(get("construction_closing_ha")),
                      reclaimed=_ha(get("reclaimed_ha")), built=_ha(get("built_ha"))),
                  _text(get("construction_ok"))),
        SheetLine(tr("L5 linkage (增减挂钩)"),
                  tr("balance {balance} ha (reclaimed − {minimum} × newly built); {n} reclaimed parcels on river "
                     "beaches {ids}").format(balance=_ha(get("linkage_balance_ha")),
                                             minimum=_plain(get("linkage_min"), 3),
                                             n=_text(get("beach_parcels")) or "0",
                                             ids=_text(get("beach_parcel_ids"))).rstrip(),
                  _text(get("linkage_ok"))),
        SheetLine(tr("L6 standard forest (ha)"),
                  tr("{opening} → {closing}").format(opening=_ha(get("forest_opening_ha")),
                                                     closing=_ha(get("forest_closing_ha"))),
                  _text(get("forest_ok"))),
        SheetLine(tr("L7 ecological red line"),
                  tr("{n} parcels changed inside, {area} ha, not restoration").format(
                      n=_text(get("redline_parcels")) or "0", area=_ha(get("redline_changed_ha"))),
                  _text(get("redline_ok"))),
        SheetLine(tr("Verdict"), _text(get("reasons_zh")), unit.verdict),
    ]
    return lines


def unit_certificates(layer: Optional[QgsVectorLayer], unit_id: str) -> List[CertificateRow]:
    """The certificates of one unit's reclaimed parcels, in their number order."""
    if layer is None or not is_certificates_layer(layer):
        return []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    out = []
    for f in layer.getFeatures(request):
        if _text(f["unit_id"]) != unit_id:
            continue
        out.append(CertificateRow(f.id(), _text(f["number"]), _text(f["parcel_id"]),
                                  _text(f["project_id"]) if layer.fields().lookupField("project_id") >= 0 else "",
                                  _number(f["area_ha"]) or 0.0 if layer.fields().lookupField("area_ha") >= 0
                                  else 0.0, _number(f["cultivated_ha"]) or 0.0,
                                  _number(f["standard_forest_ha"])
                                  if layer.fields().lookupField("standard_forest_ha") >= 0 else None,
                                  _text(f["status_en"]) == "issuable"))
    return sorted(out, key=lambda c: c.number)


def certificates_extent(layer: QgsVectorLayer, fids: List[int]) -> Optional[QgsRectangle]:
    """The bounding box of these certificates' parcels in the layer's CRS; None without geometry."""
    box: Optional[QgsRectangle] = None
    for f in layer.getFeatures(QgsFeatureRequest().setFilterFids(fids)):
        if not f.hasGeometry():
            continue
        if box is None:
            box = QgsRectangle(f.geometry().boundingBox())
        else:
            box.combineExtentWith(f.geometry().boundingBox())
    return box
