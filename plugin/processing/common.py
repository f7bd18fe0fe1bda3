"""Helpers shared by the Processing algorithms: whether a parameter was given, the known field
names a field box starts on, advanced parameters, the one error message of a core failure,
audit descriptions of inputs, sinks, and styling of outputs loaded into QGIS."""

import os
import time
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsFields, QgsGeometry,
                       QgsMapLayer, QgsProcessingAlgorithm, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingFeatureSourceDefinition, QgsProcessingFeedback,
                       QgsProcessingLayerPostProcessorInterface, QgsProcessingParameterDefinition,
                       QgsVectorLayer)

from qgis.PyQt.QtCore import QVariant

from ..binding.errors import GuotuCancelled, GuotuError, GuotuInputError, GuotuLibraryError
from ..voucher.voucher_style import style_trades_layer, style_voucher_layer
from ..i18n import tr


def is_set(value: Any) -> bool:
    """Whether a parameter value was given. An optional parameter left empty reaches the
    algorithm as None from processing.run, as '' from qgis_process (``NAME=``) and as a
    NULL QVariant from the Processing dialog (its file and field widgets): all three mean
    "not given", never the path "." or the number 0."""
    if value is None:
        return False
    if isinstance(value, QVariant):
        return not value.isNull() and is_set(value.value())
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, (list, tuple)):
        return len(value) > 0
    return True


# Field names of delivered data (三调 packages and planning databases, upper case). A field
# parameter's default is its known name: the dialog's field box starts on it when the layer
# has it (case-insensitively) and stays empty otherwise, so that a field is chosen, never
# guessed (without a default QGIS preselects a mandatory field's first field, often "fid").
ADMIN_CODE_FIELD = "XZQDM"
ADMIN_NAME_FIELD = "XZQMC"
LAND_USE_CODE_FIELD = "DLBM"
TIANKAN_SHARE_FIELD = "KCXS"  # 扣除地类系数: the 田坎 share of a cultivated parcel
GDP_FIELD = "GDP"
POPULATION_FIELD = "POP"
PARCEL_ID_FIELD = "DKBH"  # 地块编号
PARCEL_TYPE_FIELD = "ZZLX"  # 整治类型
PARCEL_PROJECT_FIELD = "XMBH"  # 项目编号
PARCEL_CURRENT_FIELD = "XZDL"  # 现状地类
PARCEL_PLANNED_FIELD = "GHDL"  # 规划地类
REDLINE_TYPE_FIELD = "HXLX"  # 生态保护红线类型（功能类型）
REDLINE_NAME_FIELD = "HXMC"  # 生态保护红线名称
VILLAGE_CODE_FIELD = "ZLDWDM"  # 村级调查区 CJDCQ: 坐落单位代码
VILLAGE_NAME_FIELD = "ZLDWMC"  # 村级调查区 CJDCQ: 坐落单位名称


def add_advanced(algorithm: QgsProcessingAlgorithm, parameter: QgsProcessingParameterDefinition) -> None:
    """Adds a parameter shown under the dialog's "Advanced parameters"."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
    algorithm.addParameter(parameter)


def processing_error(error: Exception) -> QgsProcessingException:
    """The one message a user sees for a failure of the plugin's core."""
    if isinstance(error, GuotuCancelled):
        return QgsProcessingException(tr("The calculation was cancelled."))
    if isinstance(error, GuotuError):
        return QgsProcessingException(tr("The Guotu core failed ({status}): {message}").format(
            status=error.status_name, message=error.message))
    return QgsProcessingException(str(error))


GUARDED = (GuotuCancelled, GuotuError, GuotuInputError, GuotuLibraryError)


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def describe_file(path: str) -> str:
    """"path (N bytes, modified T)" like the CLI's audit trail, or the path alone."""
    try:
        stat = os.stat(path)
    except OSError:
        return path
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stat.st_mtime))
    return f"{path} ({stat.st_size} bytes, modified {when})"


def describe_layer(layer: Optional[QgsMapLayer], value: Any) -> str:
    """Layer name and source (with file size and date) of an input, for the audit trail."""
    if not is_set(value):
        return "(none)"
    if layer is None:
        return str(value)
    source = layer.publicSource()
    path = source.split("|", 1)[0]
    if os.path.isfile(path):
        source = describe_file(path) + (source[len(path):] if len(source) > len(path) else "")
    text = f"{layer.name()}: {source}"
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
        text += " [selected features only]"
    subset = layer.subsetString() if isinstance(layer, QgsVectorLayer) else ""
    if subset:
        text += f" [filter: {subset}]"
    return text


def number_or_none(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
                   context: QgsProcessingContext) -> Optional[float]:
    """An optional number parameter: None when left empty."""
    if not is_set(parameters.get(name)):
        return None
    return alg.parameterAsDouble(parameters, name, context)


Row = Tuple[Sequence[Any], Optional[QgsGeometry]]


def write_sink(alg: QgsProcessingAlgorithm, parameters: Dict[str, Any], name: str,
               context: QgsProcessingContext, fields: QgsFields, wkb_type: int,
               crs: QgsCoordinateReferenceSystem, rows: Iterable[Row],
               optional: bool = False) -> Optional[str]:
    """Writes ``rows`` to the sink parameter ``name``; returns its destination id
    (None for an optional output the user did not ask for)."""
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        if optional:
            return None
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    for attributes, geometry in rows:
        feature = QgsFeature(fields)
        feature.setAttributes(list(attributes))
        if geometry is not None:
            feature.setGeometry(geometry)
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
    return dest_id


class VoucherLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer once QGIS has loaded it into the project (Processing
    dialog, processing.runAndLoadResults, the plugin's own dialog)."""

    # Processing keeps only a C++ pointer: the Python objects must be kept alive here.
    _alive: List["VoucherLayerStyler"] = []

    def __init__(self, style: Callable[[QgsVectorLayer], None]) -> None:
        super().__init__()
        self._style = style

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,  # noqa: N802
                         feedback: QgsProcessingFeedback) -> None:
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            self._style(layer)

    @classmethod
    def create(cls, style: Callable[[QgsVectorLayer], None]) -> "VoucherLayerStyler":
        instance = cls(style)
        cls._alive.append(instance)
        del cls._alive[:-64]  # a long session must not keep every styler forever
        return instance


STYLES: Dict[str, Callable[[QgsVectorLayer], None]] = {
    "voucher": style_voucher_layer,
    "trades": style_trades_layer,
}


def style_when_loaded(context: QgsProcessingContext, dest_id: Optional[str], kind: str) -> None:
    """Asks for the output ``dest_id`` to be styled as ``kind`` when it is loaded."""
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(VoucherLayerStyler.create(STYLES[kind]))
