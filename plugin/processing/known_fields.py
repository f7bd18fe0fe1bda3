"""Field boxes of the Processing dialog that start on the first of several known delivered names
the chosen layer has.

A field parameter's default is one name (common.py): the dialog's box starts on it when the
layer has it. Some inputs are delivered as different layers with their own names for the same
role — a parcel check's villages are 村级调查区 CJDCQ (ZLDWDM, ZLDWMC) or the towns of XZQ
(XZQDM, XZQMC) — so such a box starts on the first known name of the list the layer has
(matched in any case, as delivered data is upper case), and stays empty when it has none:
a field is chosen, never guessed. The parameter keeps its one default for scripts, models and
qgis_process; only the standard dialog's box follows the list (the batch and model dialogs
keep QGIS's own box)."""

from typing import Any, List, Optional, Sequence

from qgis.core import (QgsFieldProxyModel, QgsProcessingContext, QgsProcessingFeatureSourceDefinition, QgsProcessingParameterDefinition,
                       QgsProcessingParameterField, QgsProcessingParameters, QgsProcessingUtils, QgsProject,
                       QgsProperty, QgsVectorLayer)
from qgis.gui import QgsAbstractProcessingParameterWidgetWrapper, QgsFieldComboBox, QgsGui, QgsProcessingGui
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QWidget

from .common import is_set

# The dialogs QGIS's Processing builds its widgets for (processing/gui/wrappers.py names them so).
_DIALOG_TYPES = {"AlgorithmDialog": QgsProcessingGui.Standard, "BatchAlgorithmDialog": QgsProcessingGui.Batch,
                 "ModelerParametersDialog": QgsProcessingGui.Modeler}


def known_field_index(layer: Optional[QgsVectorLayer], names: Sequence[str]) -> int:
    """Index of the first of ``names`` that ``layer`` has (any case); -1 for none."""
    if layer is None:
        return -1
    for name in names:
        index = layer.fields().lookupField(name)
        if index >= 0:
            return index
    return -1


def known_field(layer: Optional[QgsVectorLayer], names: Sequence[str]) -> str:
    """The layer's own spelling of the first known name it has; '' for none."""
    index = known_field_index(layer, names)
    return layer.fields().at(index).name() if index >= 0 else ""


class KnownFieldWrapper(QgsAbstractProcessingParameterWidgetWrapper):
    """The standard dialog's box of a field parameter: the parent layer's fields, starting on the
    first known name the layer has, empty when it has none."""

    def __init__(self, parameter: QgsProcessingParameterDefinition, names: Sequence[str]) -> None:
        super().__init__(parameter, QgsProcessingGui.Standard)
        self.names: List[str] = list(names)
        # keeps a layer read from a path alive while the box shows its fields
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())

    def createWidget(self) -> QWidget:  # noqa: N802 — QGIS API name
        combo = QgsFieldComboBox()
        combo.setAllowEmptyFieldName(True)  # no known name: empty, never the first field
        if isinstance(self.parameterDefinition(), QgsProcessingParameterField):
            kind = self.parameterDefinition().dataType()
            if kind == QgsProcessingParameterField.Numeric:
                combo.setFilters(QgsFieldProxyModel.Numeric)
            elif kind == QgsProcessingParameterField.String:
                combo.setFilters(QgsFieldProxyModel.String)
        combo.setToolTip(self.parameterDefinition().toolTip())
        return combo

    def combo(self) -> Optional[QgsFieldComboBox]:
        """The box (the wrapper keeps it; its Python object does not outlive createWidget)."""
        widget = self.wrappedWidget()
        return sip.cast(widget, QgsFieldComboBox) if widget is not None else None

    def setWidgetValue(self, value: Any, context: QgsProcessingContext) -> None:  # noqa: N802 — QGIS API name
        combo = self.combo()
        if combo is not None:
            combo.setField(QgsProcessingParameters.parameterAsString(self.parameterDefinition(), value, context)
                           if is_set(value) else "")

    def widgetValue(self) -> Any:  # noqa: N802 — QGIS API name
        combo = self.combo()
        return (combo.currentField() if combo is not None else "") or None

    def postInitialize(self, wrappers: List[QgsAbstractProcessingParameterWidgetWrapper]) -> None:  # noqa: N802
        super().postInitialize(wrappers)
        combo = self.combo()
        if combo is None:
            return
        combo.fieldChanged.connect(lambda _name: self.widgetValueHasChanged.emit(self))
        parent = self.parameterDefinition().parentLayerParameterName()
        for wrapper in wrappers:
            if wrapper.parameterDefinition().name() == parent:
                wrapper.widgetValueHasChanged.connect(self.parent_changed)
                self.parent_changed(wrapper)
                break

    def parent_changed(self, wrapper: QgsAbstractProcessingParameterWidgetWrapper) -> None:
        """Another layer chosen: its fields, starting on the first known name it has."""
        combo = self.combo()
        if combo is None:
            return
        layer = self.layer_of(wrapper.parameterValue())
        combo.setLayer(layer)
        combo.setField(known_field(layer, self.names))

    def layer_of(self, value: Any) -> Optional[QgsVectorLayer]:
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source
        if isinstance(value, QgsProperty):
            value = value.staticValue()
        if isinstance(value, QgsVectorLayer):
            return value
        if not is_set(value):
            return None
        layer = QgsProcessingUtils.mapLayerFromString(str(value), self.context)
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None


class KnownFieldWidget:
    """The widget_wrapper class Processing's dialogs are given (parameter metadata): the known-name
    box in the standard dialog, QGIS's own box in the batch and model dialogs."""

    def __new__(cls, param: QgsProcessingParameterDefinition, dialog: Any, row: int = 0, col: int = 0,
                names: Sequence[str] = ()) -> QgsAbstractProcessingParameterWidgetWrapper:
        kind = dialog.__class__.__name__
        if _DIALOG_TYPES.get(kind, QgsProcessingGui.Standard) == QgsProcessingGui.Standard:
            wrapper = KnownFieldWrapper(param, names)
        elif kind == "ModelerParametersDialog":
            wrapper = QgsGui.processingGuiRegistry().createModelerParameterWidget(dialog.model, dialog.childId,
                                                                                 param, dialog.context)
        else:
            wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(param, _DIALOG_TYPES[kind])
        wrapper.setDialog(dialog)
        return wrapper


def start_on_known_names(parameter: QgsProcessingParameterField, names: Sequence[str]) -> QgsProcessingParameterField:
    """``parameter`` whose box in the dialog starts on the first of ``names`` the layer has."""
    metadata = parameter.metadata()
    metadata["widget_wrapper"] = {"class": KnownFieldWidget, "names": list(names)}
    parameter.setMetadata(metadata)
    return parameter
