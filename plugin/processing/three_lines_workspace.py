"""Processing algorithm guotu:threelinesworkspace — a new three-lines workspace (三区三线工作空间).

The same GeoPackage as `guotu lines init`: layers and fields from the workspace schema,
default styles stored in it. An existing file is never replaced.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingOutputString, QgsProcessingParameterCrs,
                       QgsProcessingParameterFileDestination)

from ..binding.errors import GuotuInputError
from ..lines.lines_workspace import create_workspace
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm

DEFAULT_CRS = "EPSG:4527"  # CGCS2000 / 3-degree Gauss-Kruger zone 39 (Beijing, Hebei)


class ThreeLinesWorkspaceAlgorithm(GuotuAlgorithm):
    CRS = "CRS"
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
            "<p>An existing file is never replaced: a workspace holds drawing work.</p>")

    def createInstance(self) -> "ThreeLinesWorkspaceAlgorithm":
        return ThreeLinesWorkspaceAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("CRS of the workspace"),
                                                    QgsCoordinateReferenceSystem(DEFAULT_CRS)))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Workspace GeoPackage"), tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputString(self.LAYERS, tr("Layers of the workspace")))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            layers = create_workspace(path, crs)
        except GuotuInputError as e:
            raise QgsProcessingException(str(e)) from e
        feedback.pushInfo(tr("Three-lines workspace {path} ({crs}): {layers}").format(
            path=path, crs=crs.authid() or crs.description(), layers=", ".join(layers)))
        return {self.OUTPUT: str(path), self.LAYERS: ",".join(layers)}
