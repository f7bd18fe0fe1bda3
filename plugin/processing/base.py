"""The base of every Guotu Processing algorithm: what all of them check before they run.

- no output may be written over an input: a planner who points the statistics CSV, a result
  layer or a workbook at the workspace or a land-use file would lose the drawing work;
- no shapefile is read with an encoding that garbles its text (a GBK file without .cpg).
The dialog, a model, a batch and qgis_process all call checkParameterValues first, so the
refusal comes before anything is read or written."""

import os
from contextlib import contextmanager
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import (QgsMapLayer, QgsProcessing, QgsProcessingAlgorithm, QgsProcessingContext,
                       QgsProcessingException, QgsProcessingFeatureSourceDefinition,
                       QgsProcessingOutputLayerDefinition, QgsProcessingParameterDefinition, QgsProcessingUtils,
                       QgsProperty, QgsProviderRegistry, QgsVectorLayer)

from ..binding.errors import GuotuInputError
from ..help.guide import provider_guide_url
from ..inputs.text_encoding import garbled_text_problem
from ..i18n import tr
from .common import is_set

_LAYER_TYPES = ("source", "vector", "raster", "layer", "multilayer")
_DESTINATION_TYPES = ("sink", "vectorDestination", "rasterDestination", "fileDestination")
# Less free space than this beside an output just written: the disk filled up while it was
# written. QGIS's file writers buffer features and lose what did not fit without an error
# (a CSV table on a full disk came out empty, the run a success).
_FULL_DISK_BYTES = 64 * 1024


def _free_bytes(path: str) -> Optional[int]:
    try:
        fs = os.statvfs(os.path.dirname(os.path.abspath(path)))
    except OSError:
        return None
    return fs.f_bavail * fs.f_frsize


def _layer_file(layer: QgsMapLayer) -> Optional[str]:
    """The file behind a layer (a GeoPackage, shapefile, GeoTIFF …), or None (memory, database)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") if parts else None
    return path or None


def _destination_file(value: Any) -> Optional[str]:
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if not isinstance(value, str) or not value:
        return None
    if value == QgsProcessing.TEMPORARY_OUTPUT or value.startswith(("memory:", "postgres:", "postgis:", "ogr:")):
        return None
    return value.split("|", 1)[0]


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


class GuotuAlgorithm(QgsProcessingAlgorithm):
    """QgsProcessingAlgorithm with the checks every Guotu algorithm shares."""

    def processAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,  # noqa: N802
                         feedback) -> Dict[str, Any]:
        """Runs the algorithm's run_algorithm; output files it started are removed again when it
        fails or is cancelled."""
        with self.new_outputs_removed_on_failure(parameters):
            try:
                return self.run_algorithm(parameters, context, feedback)
            except GuotuInputError as e:  # the user's input, in words: no Python traceback
                raise QgsProcessingException(str(e)) from e

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback) -> Dict[str, Any]:
        """What the algorithm does (each algorithm defines it)."""
        raise NotImplementedError

    def helpUrl(self) -> str:  # noqa: N802 — QGIS API name
        """The user guide at this algorithm's section (the dialog's Help button)."""
        return provider_guide_url(self.name())

    @contextmanager
    def new_outputs_removed_on_failure(self, parameters: Dict[str, Any]):
        """Around a run: output files that did not exist before it are removed again (with
        SQLite's journals) when it fails or is cancelled, so that no empty or half-written
        GeoPackage is left behind. Files that existed are QGIS's to overwrite or keep."""
        fresh = []
        for definition in self.destinationParameterDefinitions():
            path = _destination_file(parameters.get(definition.name()))
            if path and not os.path.exists(path):
                fresh.append(path)
        try:
            yield
            for path in fresh:
                free = _free_bytes(path)
                if os.path.exists(path) and free is not None and free < _FULL_DISK_BYTES:
                    raise QgsProcessingException(
                        tr('Cannot write "{path}": the disk is full ({free} kB free), so the output may be cut '
                           'short. Nothing was kept; free some space and run again.').format(
                            path=path, free=free // 1024))
        except BaseException:
            for path in fresh:
                for leftover in (path, path + "-journal", path + "-wal", path + "-shm"):
                    try:
                        os.remove(leftover)
                    except OSError:
                        pass
            raise

    def input_layer(self, parameters: Dict[str, Any], name: str,
                    context: QgsProcessingContext) -> Optional[QgsVectorLayer]:
        """The vector layer behind an input, also when it comes as a source definition (a
        selection, a feature limit)."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        value = parameters.get(name)
        if layer is None and isinstance(value, QgsProcessingFeatureSourceDefinition):
            found = QgsProcessingUtils.mapLayerFromString(value.source.staticValue(), context)
            layer = found if isinstance(found, QgsVectorLayer) else None
        return layer

    def input_files(self, parameters: Dict[str, Any], context: QgsProcessingContext
                    ) -> List[Tuple[QgsProcessingParameterDefinition, str]]:
        """(parameter, file) of every input given as or backed by a file."""
        files = []
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or not is_set(parameters.get(name)):
                continue
            if definition.type() == "file":
                path = self.parameterAsFile(parameters, name, context)
                if path:
                    files.append((definition, path))
        for definition, layer in self.input_layers(parameters, context):
            path = _layer_file(layer)
            if path:
                files.append((definition, path))
        return files

    def input_layers(self, parameters: Dict[str, Any], context: QgsProcessingContext
                     ) -> List[Tuple[QgsProcessingParameterDefinition, QgsMapLayer]]:
        """(parameter, layer) of every layer input that was given."""
        layers = []
        for definition in self.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or definition.type() not in _LAYER_TYPES or \
                    not is_set(parameters.get(name)):
                continue
            try:
                found = (self.parameterAsLayerList(parameters, name, context) if definition.type() == "multilayer"
                         else [self.parameterAsLayer(parameters, name, context)])
            except Exception:  # an unreadable input is reported by the algorithm itself
                found = []
            layers += [(definition, layer) for layer in found if layer is not None]
        return layers

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        for _definition, layer in self.input_layers(parameters, context):
            problem = garbled_text_problem(layer)
            if problem:
                return False, problem
        inputs = self.input_files(parameters, context)
        for definition in self.destinationParameterDefinitions():
            if definition.type() not in _DESTINATION_TYPES:
                continue
            path = _destination_file(parameters.get(definition.name()))
            if not path:
                continue
            for source, input_path in inputs:
                if _same(path, input_path):
                    return False, tr('The output "{output}" ({path}) is the file of the input "{input}": choose '
                                     'another file. Guotu never writes over an input.').format(
                        output=definition.description(), path=path, input=source.description())
        return True, ""
