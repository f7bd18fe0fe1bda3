"""guotu:landuseconversion with the core reading the files behind the layers.

Taken when the inputs qualify (conversion/convert_files.py: files that hold what the user
sees, one CRS) and the outputs form one new GeoPackage — the map saved to a ``.gpkg`` path
with its tables beside it (the default, land_use_conversion_outputs.py), or everything
temporary (then a GeoPackage in Processing's temporary folder, its layers handed over as
temporary layers are). Otherwise the algorithm reads features through QGIS as before; the
log says which way it went and why.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingFeedback,
                       QgsProcessingOutputLayerDefinition, QgsProcessingUtils, QgsVectorLayer)

from ..conversion.convert import ConversionRequest, ConversionResult
from ..conversion.convert_files import files_of, run_conversion_files
from ..inputs.layer_files import FileInput, shapefile_encoding
from ..i18n import tr
from .land_use_conversion_outputs import MAP_TABLE, OutputPlan, geopackage_of, is_default_temporary


def _target(original: Dict[str, Any], plan: OutputPlan, map_name: str, tables: Dict[str, str],
            wanted: List[str]) -> Optional[Path]:
    """The GeoPackage the core may write whole, or None: the map saved to a plain .gpkg path
    with every wanted table beside it under the tool's names, or everything temporary."""
    if plan.gpkg is not None:
        saved = geopackage_of(original.get(map_name))
        if saved is None or saved[1] is not None:  # a layer of an existing file: never replace the file
            return None
        if any(plan.moved.get(name) != tables[name] for name in wanted):
            return None
        return plan.gpkg
    if plan.temporary_map and all(is_default_temporary(original.get(name)) for name in wanted):
        return Path(QgsProcessingUtils.generateTempFilename("conversions.gpkg"))
    return None


def _load_details(algorithm: QgsProcessingAlgorithm, context: QgsProcessingContext, name: str, value: Any,
                  layer_ref: str) -> None:
    """Loads ``layer_ref`` into the project on completion when the output asked for it (the
    dialog's "Open output file after running"), under the name the dialog gave it."""
    if not isinstance(value, QgsProcessingOutputLayerDefinition) or value.destinationProject is None:
        return
    title = value.destinationName or algorithm.parameterDefinition(name).description()
    context.addLayerToLoadOnCompletion(layer_ref, QgsProcessingContext.LayerDetails(title, value.destinationProject,
                                                                                     name))


def run_from_files(algorithm: QgsProcessingAlgorithm, parameters: Dict[str, Any], original: Dict[str, Any],
                   context: QgsProcessingContext, feedback: QgsProcessingFeedback, request: ConversionRequest,
                   plan: OutputPlan, map_name: str, tables: Dict[str, str], wanted: List[str],
                   inputs: List[FileInput], workspace: Optional[str]
                   ) -> Optional[tuple]:
    """(result, outputs) when the core read the files itself; None to read through QGIS."""
    files, why = files_of(request, inputs)
    if files is None:
        feedback.pushInfo(tr("Features are read through QGIS ({reason}).").format(reason=why))
        return None
    target = _target(original, plan, map_name, tables, wanted)
    if target is None:
        feedback.pushInfo(tr("Features are read through QGIS (the outputs do not form one new GeoPackage)."))
        return None
    encoding, _agree = shapefile_encoding(inputs)
    result: Optional[ConversionResult] = run_conversion_files(request, files, workspace, str(target),
                                                              context.transformContext(), feedback, encoding)
    if result is None:
        feedback.pushInfo(tr("Features are read through QGIS (the plugin has no I/O library)."))
        return None
    feedback.pushInfo(tr('The core read the input files itself and wrote "{path}".').format(path=target))
    temporary = plan.gpkg is None
    outputs: Dict[str, str] = {}
    names = {map_name: MAP_TABLE, **{name: tables[name] for name in wanted}}
    for name, table in names.items():
        uri = f"{target}|layername={table}"
        if temporary:
            # Handed over as Processing hands over temporary layers: owned by the context.
            layer = QgsVectorLayer(uri, table, "ogr")
            context.temporaryLayerStore().addMapLayer(layer)
            uri = layer.id()
        outputs[name] = uri
        _load_details(algorithm, context, name, plan.parameters.get(name), uri)
    return result, outputs
