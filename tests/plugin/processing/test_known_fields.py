"""The parcel check's village boxes in the Processing dialog start on the delivered names of the
layer chosen: 村级调查区 CJDCQ's ZLDWDM and ZLDWMC, else XZQ's XZQDM and XZQMC (in the layer's own
case), else nothing (a field is chosen, never guessed); a value given stays; the batch and model
dialogs keep QGIS's own box."""

import pytest
from qgis.PyQt.QtWidgets import QDialog
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

pytestmark = pytest.mark.usefixtures("provider")


def _layer(name: str, fields: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4527{fields}", name, "memory")
    assert layer.isValid()
    return layer


@pytest.fixture
def villages():
    layers = {"CJDCQ": _layer("CJDCQ", "&field=BSM:string&field=ZLDWDM:string&field=ZLDWMC:string&field=XZQDM:string"),
              "XZQ": _layer("XZQ", "&field=fid_1:integer&field=xzqdm:string&field=XZQMC:string"),
              "other": _layer("other", "&field=code:string&field=name:string")}
    QgsProject.instance().addMapLayers(list(layers.values()))
    yield layers
    QgsProject.instance().removeAllMapLayers()


def _dialog():
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    return AlgorithmDialog(QgsApplication.processingRegistry().createAlgorithmById("guotu:parcelscheck"), False, None)


def test_village_boxes_start_on_the_delivered_names(villages) -> None:
    dialog = _dialog()
    wrappers = dialog.mainWidget().wrappers

    def boxes(layer):
        dialog.setParameters({"VILLAGES": layer.id()})
        return wrappers["VILLAGE_ID"].parameterValue(), wrappers["VILLAGE_NAME"].parameterValue()

    # CJDCQ has XZQDM too: its own ZLDWDM comes first
    assert boxes(villages["CJDCQ"]) == ("ZLDWDM", "ZLDWMC")
    assert boxes(villages["XZQ"]) == ("xzqdm", "XZQMC")
    assert boxes(villages["other"]) == (None, None)  # no known name: empty, not the first field
    assert boxes(villages["CJDCQ"]) == ("ZLDWDM", "ZLDWMC")
    # a field given is kept, and the box offers the layer's fields
    dialog.setParameters({"VILLAGES": villages["CJDCQ"].id(), "VILLAGE_ID": "BSM", "VILLAGE_NAME": "XZQDM"})
    assert (wrappers["VILLAGE_ID"].parameterValue(), wrappers["VILLAGE_NAME"].parameterValue()) == ("BSM", "XZQDM")
    dialog.close()
    dialog.deleteLater()


def test_batch_and_model_dialogs_keep_the_qgis_box(guotu) -> None:
    from guotu.processing.known_fields import KnownFieldWidget, KnownFieldWrapper

    alg = QgsApplication.processingRegistry().createAlgorithmById("guotu:parcelscheck")
    param = alg.parameterDefinition("VILLAGE_ID")
    assert param.metadata()["widget_wrapper"]["names"] == ["ZLDWDM", "XZQDM"]
    assert param.defaultValue() == "XZQDM"  # scripts, models and qgis_process: the one default as before

    class AlgorithmDialog(QDialog):  # the class names Processing tells its dialogs by
        pass

    class BatchAlgorithmDialog(QDialog):
        pass

    assert isinstance(KnownFieldWidget(param, AlgorithmDialog(), names=["ZLDWDM"]), KnownFieldWrapper)
    batch = KnownFieldWidget(param, BatchAlgorithmDialog(), names=["ZLDWDM"])
    assert batch is not None and not isinstance(batch, KnownFieldWrapper)
