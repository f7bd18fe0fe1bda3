"""Bringing one feature into view on the map canvas: zoom so that it fills about half of
the view (never closer than a minimum extent), then flash it. Shared by the review docks."""

from typing import Optional

from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject,
                       QgsRectangle)

MIN_ZOOM_M = 60.0  # smallest extent side (map units of a metric CRS)


def zoom_and_flash(canvas, project: QgsProject, geometry: Optional[QgsGeometry],
                   crs: QgsCoordinateReferenceSystem) -> None:
    if canvas is None or geometry is None or geometry.isNull():
        return
    target = canvas.mapSettings().destinationCrs()
    shown = QgsGeometry(geometry)
    if target.isValid() and target != crs:
        shown.transform(QgsCoordinateTransform(crs, target, project))
    box = shown.boundingBox()
    grow = max(box.width(), box.height()) * 0.25
    minimum = MIN_ZOOM_M if target.mapUnits() == crs.mapUnits() and not target.isGeographic() \
        else max(box.width(), box.height(), 1e-4) * 4
    half = max(max(box.width(), box.height()) / 2 + grow, minimum / 2)
    centre = box.center()
    canvas.setExtent(QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half))
    canvas.refresh()
    canvas.flashGeometries([geometry], crs)
