"""What a tally run tells the user in the Processing log, and its area check's findings table."""

from typing import Any, Dict, Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingAlgorithm,
                       QgsProcessingContext, QgsProcessingFeedback, QgsWkbTypes)

from .common import VoucherLayerStyler, write_sink

from ..tally.area_check import AreaCheckResult
from ..tally.tally_style import style_area_check_table, style_tally_table
from ..tally.tally import TallyResult
from ..i18n import tr
from ..inputs.area_text import area_method_text
from ..inputs.table_schemas import table_layout


def report_tally(result: TallyResult, feedback: QgsProcessingFeedback) -> None:
    s = result.stats
    feedback.pushInfo(tr("Areas: {method}, in {crs}.").format(
        method=area_method_text(result.area_description), crs=result.crs.userFriendlyIdentifier()))
    if not result.rows:
        feedback.pushWarning(tr("No land use lies over the zones; the table is empty."))
    if s["raster_cells"]:
        feedback.pushInfo(tr("{zones} zones, {cells} raster cells read ({nodata} nodata), "
                             "{mask} mask polygons.").format(
            zones=s["zones"], cells=s["raster_cells"], nodata=s["nodata_cells"],
            mask=s["mask_features"]))
    else:
        feedback.pushInfo(tr("{zones} zones, {features} land-use features, {mask} mask polygons.")
                          .format(zones=s["zones"], features=s["landuse_features"],
                                  mask=s["mask_features"]))
    repaired = s["repaired_zones"] + s["repaired_landuse"] + s["repaired_mask"]
    if repaired:
        feedback.pushWarning(tr("Repaired {total} invalid geometries: {zones} zones, {landuse} "
                                "land-use features, {mask} mask features.").format(
            total=repaired, zones=s["repaired_zones"], landuse=s["repaired_landuse"],
            mask=s["repaired_mask"]))
    else:
        feedback.pushInfo(tr("No invalid geometry needed repair."))
    if s["empty_class_features"]:
        feedback.pushWarning(tr("{features} land-use features have no class: {area:.4f} ha inside "
                                "the zones is reported with an empty class_code.").format(
            features=s["empty_class_features"], area=s["empty_class_area_ha"]))
    if result.zone_overlaps:
        zone_a, zone_b, largest = result.zone_overlaps[0]
        feedback.pushWarning(tr("{pairs} pairs of zones overlap ({area:.4f} ha in all; the largest: \"{a}\" and "
                                "\"{b}\", {largest:.4f} ha): each zone's rows are right, but a total over the "
                                "zones counts that ground twice.").format(
            pairs=len(result.zone_overlaps), area=s["zone_overlap_area_ha"], a=zone_a, b=zone_b, largest=largest))
    if result.skipped_landuse:
        feedback.pushWarning(tr("{count} land-use features without geometry were skipped.")
                             .format(count=result.skipped_landuse))
    if result.skipped_mask:
        feedback.pushWarning(tr("{count} mask features without geometry were skipped.")
                             .format(count=result.skipped_mask))
    feedback.pushInfo(tr("Zones: {zones:.4f} ha (mask excluded); tallied: {tallied:.4f} ha; "
                         "not covered by land use: {gap:.4f} ha.").format(
        zones=s["zones_area_ha"], tallied=s["tallied_area_ha"],
        gap=max(0.0, s["zones_area_ha"] - s["tallied_area_ha"])))
    overlap = s["tallied_area_ha"] - s["zones_area_ha"]
    if overlap > 1e-9 * max(1.0, s["zones_area_ha"]):
        # Only overlapping land-use polygons can count the same ground twice.
        feedback.pushWarning(tr("The tallied area exceeds the zones' area by {area:.4f} ha: "
                                "land-use features overlap each other.").format(area=overlap))


def report_area_check(check: Optional[AreaCheckResult], feedback: QgsProcessingFeedback) -> None:
    """Parcels checked, findings and the largest difference; parcels without an official area."""
    if check is None:
        return
    feedback.pushInfo(tr("Area check against {field} ({method}; tolerance {tolerance}): parcels checked: "
                         "{checked}, findings: {findings}.").format(
        field=check.field, method=area_method_text(check.method), tolerance=check.tolerance_text(),
        checked=check.checked, findings=len(check.findings)))
    if check.largest_fid is not None:
        feedback.pushInfo(tr("Largest difference from {field}: {area:.3f} m² (feature {fid}).").format(
            field=check.field, area=check.largest_m2, fid=check.largest_fid))
    if check.findings:
        feedback.pushWarning(tr("Parcels whose area differs from {field} by more than the tolerance: {count} "
                                "(edited after the survey, or in a wrong CRS; see the table of findings).")
                             .format(count=len(check.findings), field=check.field))
    if check.no_official:
        fids = ", ".join(str(fid) for fid in check.no_official_fids)
        if check.no_official > len(check.no_official_fids):
            fids += ", …"
        feedback.pushWarning(tr("Parcels without an official area ({field} NULL or not a number), not checked: "
                                "{count} (features {fids}).").format(count=check.no_official, field=check.field,
                                                                     fids=fids))


def write_area_check(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
                     context: QgsProcessingContext, check: Optional[AreaCheckResult]) -> Optional[str]:
    """The area check's findings into the optional sink ``name`` (None when not asked for)."""
    fields, arrange = table_layout("area_check", ("fid", "bsm", "tbbh", "class_code", "official_m2", "computed_m2",
                                                  "difference_m2", "difference_ppm"))
    findings = check.findings if check is not None else []
    return write_sink(alg, parameters, name, context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem(),
                      ((arrange((f.fid, f.bsm, f.tbbh, f.class_code, f.official_m2, f.computed_m2, f.difference_m2,
                                 f.difference_ppm)), None) for f in findings), optional=True)


def style_tally_outputs(context: QgsProcessingContext, outputs: Dict[str, Any], tally: str, check: str) -> None:
    """The tally (output ``tally``) and the area check's findings (``check``) get their
    column titles as aliases once QGIS loads them into the project."""
    for name, style in ((tally, style_tally_table), (check, style_area_check_table)):
        dest = outputs.get(name)
        if dest and context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
