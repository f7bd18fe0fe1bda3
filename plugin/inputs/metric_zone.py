"""The CRS a run computes metres in when its data is geographic (SPEC §8), as the tool's
core/io/metric_zone.c chooses it: the 3-degree Gauss-Krüger zone (no zone prefix) whose central
meridian is nearest to the centre of the union of all the inputs' extents, chosen by the core
(guotu_crs_metric_zone), so that QGIS and the CLI pick the same zone for the same data.

Callers read every input through a QgsCoordinateTransform into ``WorkZone.crs``, write their
outputs in it and record ``note_en`` / ``note_zh`` (the CLI's words) and ``message`` (the log,
in the user's language)."""

from dataclasses import dataclass
from typing import Iterable, Optional, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsCsException, QgsRectangle)

from ..binding.area_native import metric_zone
from ..binding.errors import GuotuError, GuotuInputError
from ..binding.native import Context
from ..i18n import tr
from .conversions import crs_for_core

# An input's extent and the CRS it is in (a layer's sourceExtent() / extent() and sourceCrs() / crs()).
Extent = Tuple[QgsRectangle, QgsCoordinateReferenceSystem]


@dataclass
class WorkZone:
    crs: QgsCoordinateReferenceSystem  # the zone, e.g. EPSG:4548
    note_en: str  # "reprojected from EPSG:4490 to EPSG:4548 (…), the zone of the data's centre; outputs are in …"
    note_zh: str
    message: str  # the same in the user's language, for the log


def union_extent(extents: Iterable[Extent], crs: QgsCoordinateReferenceSystem,
                 transform_context: QgsCoordinateTransformContext) -> QgsRectangle:
    """The union of ``extents`` in ``crs`` (each transformed, edges densified); empty ones skipped."""
    union = QgsRectangle()
    union.setMinimal()
    for rect, have in extents:
        if rect is None or rect.isNull():
            continue
        box = QgsRectangle(rect)
        if have.isValid() and have != crs:
            try:
                box = QgsCoordinateTransform(have, crs, transform_context).transformBoundingBox(box)
            except QgsCsException:
                continue
        union.combineExtentWith(box)
    return union


def choose_work_zone(crs: QgsCoordinateReferenceSystem, extents: Iterable[Extent],
                     transform_context: QgsCoordinateTransformContext, label: str) -> Optional[WorkZone]:
    """None when ``crs`` is not geographic (the run keeps it; the core checks it is metres);
    otherwise the zone of the union of ``extents``. Raises GuotuInputError naming ``label`` (the
    layer that set the CRS) when no zone fits."""
    if not crs.isValid() or not crs.isGeographic():
        return None
    union = union_extent(extents, crs, transform_context)
    nan = float("nan")
    empty = union.xMinimum() > union.xMaximum() or union.yMinimum() > union.yMaximum()
    box = (nan,) * 4 if empty else (union.xMinimum(), union.yMinimum(), union.xMaximum(), union.yMaximum())
    try:
        with Context() as ctx:
            epsg, note = metric_zone(ctx, crs_for_core(crs), *box)
    except GuotuError as e:
        raise GuotuInputError(tr('Layer "{layer}": {error}').format(layer=label, error=e.message)) from e
    if not epsg:
        return None
    zone = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    source = note.split("reprojected from ", 1)[-1].split(" to ", 1)[0]
    target = f"EPSG:{epsg}"
    cm = 75 + 3 * (epsg - 4534)
    wgs84 = "WGS 84" in note
    note_en = f"{note}; outputs are in {target}"
    note_zh = (f"已从 {source} 投影转换到 {target}（{zone.description()}），即数据中心所在的中央经线 {cm}°E "
               f"高斯-克吕格 3 度带{'（WGS 84 按 CGCS2000 处理，两者相差仅几厘米）' if wgs84 else ''}；输出为 {target}")
    message = tr("Reprojected from {source} to {target} ({name}), the Gauss-Krüger zone of the data's centre "
                 "(central meridian {cm}°E); the outputs are in {target}.").format(
        source=source, target=target, name=zone.description(), cm=cm)
    if wgs84:
        message += " " + tr("WGS 84 is taken as CGCS2000 (they agree to a few centimetres).")
    return WorkZone(zone, note_en, note_zh, message)
