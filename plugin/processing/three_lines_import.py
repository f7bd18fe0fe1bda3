"""Processing algorithm guotu:threelinesimport — the three lines as delivered into a new
three-lines workspace, fields mapped, originals kept (lines/lines_import.py)."""

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputString, QgsProcessingParameterCrs, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination)

from ..i18n import tr
from ..lines.lines_import import ImportRequest, ImportSource, import_workspace
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, is_set, processing_error

# (layer parameter, workspace layer)
LAYERS = (("REDLINE", "ecological_redline"), ("FARMLAND", "permanent_farmland"), ("URBAN", "urban_boundary"),
          ("ECO_UNITS", "eco_units"), ("ADMIN", "admin_units"))
# (field parameter, its layer parameter, workspace field, the field's name in delivered data or None)
FIELDS = (("REDLINE_CODE", "REDLINE", "hx_code", "HXBH"), ("REDLINE_NAME", "REDLINE", "hx_name", "HXMC"),
          ("REDLINE_TYPE", "REDLINE", "hx_type", "HXLX"),
          ("FARMLAND_CODE", "FARMLAND", "jbnt_code", "JBNTBH"), ("FARMLAND_CLASS", "FARMLAND", "dlbm", "DLBM"),
          ("FARMLAND_GRADE", "FARMLAND", "quality_grade", "GDDB"),
          ("URBAN_CODE", "URBAN", "kfbj_code", "KFBJBH"), ("URBAN_TYPE", "URBAN", "zone_type", None),
          ("ECO_CODE", "ECO_UNITS", "unit_code", None), ("ECO_NAME", "ECO_UNITS", "unit_name", None),
          ("ECO_TYPE", "ECO_UNITS", "unit_type", None),
          ("ADMIN_ID", "ADMIN", "xzqdm", ADMIN_CODE_FIELD), ("ADMIN_NAME", "ADMIN", "xzqmc", ADMIN_NAME_FIELD),
          ("REDLINE_TARGET", "ADMIN", "erl_target_ha", None), ("FARMLAND_TARGET", "ADMIN", "pbf_target_ha", None),
          ("URBAN_2020", "ADMIN", "urban_2020_ha", None), ("EXPANSION_CAP", "ADMIN", "expansion_cap", None))


class ThreeLinesImportAlgorithm(GuotuAlgorithm):
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    IMPORTED = "IMPORTED"

    def name(self) -> str:
        return "threelinesimport"

    def displayName(self) -> str:
        return tr("Import delivered layers into a three-lines workspace")

    def group(self) -> str:
        return tr("Three control lines")

    def groupId(self) -> str:
        return "threelines"

    def tags(self) -> List[str]:
        return tr("三区三线,import,workspace,red line,farmland,urban boundary,field mapping").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Copies the three lines as delivered — the red line, permanent farmland, urban "
            "development boundary, ecological units and admin units, each a layer of its own with its "
            "own field names — into a new three-lines workspace, for drawing, review and accepted "
            "exceptions. Each workspace field takes the field you map to it (a field left empty stays "
            "empty: nothing is guessed); fields with the names of delivered data (HXBH, JBNTBH, XZQDM "
            "…) are preselected when a layer has them. Every imported feature keeps its source layer, "
            "feature id and all its attributes (src_layer, src_fid, src_attrs). Areas are filled on the "
            "ellipsoid of the workspace CRS, and each feature's admin code from the imported admin "
            "unit holding it. The layers given are reprojected to the workspace CRS (by default the "
            "CRS of the first layer given). An existing file is never replaced.</p>")

    def createInstance(self) -> "ThreeLinesImportAlgorithm":
        return ThreeLinesImportAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        titles = {"REDLINE": tr("Ecological protection red line"), "FARMLAND": tr("Permanent basic farmland"),
                  "URBAN": tr("Urban development boundary"), "ECO_UNITS": tr("Ecological units"),
                  "ADMIN": tr("Admin units")}
        field_titles = {
            "REDLINE_CODE": tr("Red line: code field"), "REDLINE_NAME": tr("Red line: name field"),
            "REDLINE_TYPE": tr("Red line: type field"), "FARMLAND_CODE": tr("Farmland: patch code field"),
            "FARMLAND_CLASS": tr("Farmland: land-use class field"),
            "FARMLAND_GRADE": tr("Farmland: quality grade field"), "URBAN_CODE": tr("Urban boundary: code field"),
            "URBAN_TYPE": tr("Urban boundary: zone type field"), "ECO_CODE": tr("Ecological units: code field"),
            "ECO_NAME": tr("Ecological units: name field"), "ECO_TYPE": tr("Ecological units: type field"),
            "ADMIN_ID": tr("Admin units: code field"), "ADMIN_NAME": tr("Admin units: name field"),
            "REDLINE_TARGET": tr("Admin units: red-line target field (ha)"),
            "FARMLAND_TARGET": tr("Admin units: farmland protection target field (ha)"),
            "URBAN_2020": tr("Admin units: 2020 urban land field (ha)"),
            "EXPANSION_CAP": tr("Admin units: expansion cap field")}
        for param, _layer in LAYERS:
            self.addParameter(QgsProcessingParameterFeatureSource(param, titles[param], polygons, optional=True))
            for name, parent, _target, default in FIELDS:
                if parent == param:
                    self.addParameter(QgsProcessingParameterField(name, field_titles[name], default,
                                                                  parentLayerParameterName=param, optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("CRS of the workspace (empty: the first layer's)"),
                                                    optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Workspace GeoPackage"),
                                                                tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputString(self.IMPORTED, tr("Features imported per layer")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if not any(is_set(parameters.get(param)) for param, _layer in LAYERS):
            return False, tr("Give at least one layer to import.")
        return True, ""

    def _mapping(self, parameters: Dict[str, Any], context: QgsProcessingContext, param: str, source,
                 feedback: QgsProcessingFeedback) -> Dict[str, str]:
        """Workspace field -> the layer's field. A field of delivered data preselected by name
        (HXBH …) that the layer does not have is left unmapped; one chosen must exist."""
        mapping: Dict[str, str] = {}
        for name, parent, target, default in FIELDS:
            if parent != param:
                continue
            given = parameters.get(name)
            chosen = self.parameterAsString(parameters, name, context) if is_set(given) else default
            if not chosen:
                continue
            index = source.fields().lookupField(chosen)
            if index < 0 and not is_set(given):
                continue  # the default name, absent from this layer: nothing guessed
            mapping[target] = source.fields().at(index).name() if index >= 0 else chosen
        return mapping

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        sources: Dict[str, ImportSource] = {}
        first_crs = None
        for param, layer in LAYERS:
            if not is_set(parameters.get(param)):
                continue
            source = self.parameterAsSource(parameters, param, context)
            if source is None:
                raise QgsProcessingException(self.invalidSourceError(parameters, param))
            first_crs = first_crs or source.sourceCrs()
            sources[layer] = ImportSource(source, self._mapping(parameters, context, param, source, feedback))
        crs = self.parameterAsCrs(parameters, self.CRS, context) if is_set(parameters.get(self.CRS)) else first_crs
        path = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            counts = import_workspace(path, ImportRequest(crs, sources), context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        summary = ", ".join(f"{name} {count}" for name, count in counts.items())
        feedback.pushInfo(tr("Imported into {path}: {summary}.").format(path=path, summary=summary))
        return {self.OUTPUT: str(path), self.IMPORTED: summary}
