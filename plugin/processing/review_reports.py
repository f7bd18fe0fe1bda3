"""What the report algorithms share (guotu:parcelsreport, guotu:borderreport: the review
reports in models, in batch and from qgis_process as well as from the docks).

Print layouts render project layers: the layers given are cloned into a project of the
run's own, so the user's project is left as it is. Layouts are drawn in the main thread
(FlagNoThreading), as QGIS's own layout export algorithms do.
"""

from pathlib import Path
from typing import Any, Dict, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException, QgsProject,
                       QgsVectorLayer)

from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import is_set


class ReportAlgorithm(GuotuAlgorithm):
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def _layer(self, parameters: Dict[str, Any], name: str, context: QgsProcessingContext,
               project: QgsProject, required: bool = True) -> Optional[QgsVectorLayer]:
        if not is_set(parameters.get(name)):
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, name))
            return None
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        copy = layer.clone()  # the run's own project takes ownership of the copy
        copy.setName(layer.name())
        project.addMapLayer(copy, False)
        return copy

    def _folder(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Path:
        folder = Path(self.parameterAsString(parameters, self.OUTPUT_FOLDER, context))
        folder.mkdir(parents=True, exist_ok=True)
        return folder
