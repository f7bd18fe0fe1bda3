"""Processing algorithm guotu:threelinesworkspace — a new three-lines workspace (三区三线工作空间).

The same GeoPackage as `guotu lines init`: layers and fields from the workspace schema,
default styles stored in it. An existing file is never replaced.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessing, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingOutputString, QgsProcessingParameterCrs,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterFileDestination)

from ..binding.errors import GuotuInputError
from ..inputs.metric_zone import choose_work_zone
from ..lines.lines_workspace import create_workspace
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import is_set

DEFAULT_CRS = "EPSG:4527"  # CGCS2000 / 3-degree Gauss-Kruger zone 39 (Beijing, Hebei)


class ThreeLinesWorkspaceAlgorithm(GuotuAlgorithm):
    CRS = "CRS"
    ZONE_FROM = "ZONE_FROM"
    OUTPUT = "OUTPUT"
    LAYERS = "LAYERS"

    def name(self) -> str:
        return "threelinesworkspace"

    def displayName(self) -> str:
        return tr("New three-lines workspace")

    def group(self) -> str:
        return tr("Three control lines")

    def groupId(self) -> str:
        return "threelines"

    def tags(self) -> List[str]:
        return tr("three control lines,red line,farmland,urban development boundary,workspace,GeoPackage"
                  ).split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Creates a three-lines workspace (三区三线工作空间): one GeoPackage with the layers "
            "ecological_redline, permanent_farmland, urban_boundary, eco_units and admin_units (multipolygons in "
            "the chosen CRS) and the table exceptions, with the fields and Chinese field names of the workspace "
            "schema and each layer's default style stored in the file.</p>"
            "<p>An existing file is never replaced: a workspace holds drawing work.</p>") + tr(
            "<p>Widths and gaps are metres: for a geographic CRS (CGCS2000 or WGS 84, e.g. EPSG:4490) give the data "
            "the workspace is for; the workspace is then made in the 3-degree Gauss-Krüger zone of that data's "
            "centre (EPSG:4534–4554, central meridian 3·round(lon/3)), as <i>guotu lines init --zone-from</i> "
            "does, and the log says so.</p>")

    def createInstance(self) -> "ThreeLinesWorkspaceAlgorithm":
        return ThreeLinesWorkspaceAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("CRS of the workspace"),
                                                    QgsCoordinateReferenceSystem(DEFAULT_CRS)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONE_FROM, tr("Data the workspace is for (a geographic CRS becomes its Gauss-Krüger zone)"),
            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Workspace GeoPackage"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputString(self.LAYERS, tr("Layers of the workspace")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        data = self.parameterAsSource(parameters, self.ZONE_FROM, context) if is_set(parameters.get(self.ZONE_FROM)) \
            else None
        try:
            if data is not None:
                # Widths and gaps are metres: a geographic CRS becomes the zone of the data's centre.
                zone = choose_work_zone(crs, [(data.sourceExtent(), data.sourceCrs())], context.transformContext(),
                                        data.sourceName())
                if zone is not None:
                    crs = zone.crs
                    feedback.pushInfo(zone.message)
            layers = create_workspace(path, crs)
        except GuotuInputError as e:
            hint = tr("Or give the data the workspace is for: it is then made in the Gauss-Krüger zone of that "
                      "data's centre.") if crs.isGeographic() and data is None else ""
            raise QgsProcessingException(f"{e} {hint}".strip()) from e
        feedback.pushInfo(tr("Three-lines workspace {path} ({crs}): {layers}").format(
            path=path, crs=crs.authid() or crs.description(), layers=", ".join(layers)))
        return {self.OUTPUT: str(path), self.LAYERS: ",".join(layers)}
