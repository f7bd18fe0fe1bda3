"""A damaged GeoPackage is not read as a shorter layer inside QGIS either: QGIS ends the
iteration quietly at a malformed page, so the algorithms compare what they read with the
layer's feature count and stop with a message naming the layer."""

import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from conftest import REPO

sys.path.insert(0, str(REPO / "tests"))
import damaged_files as dmg  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture(scope="module")
def intact(tmp_path_factory) -> Path:
    return dmg.write_grid(tmp_path_factory.mktemp("intact") / "lu.gpkg")


def area_params(zones: Path, landuse: Path) -> dict:
    return {"ZONES": f"{zones}|layername=zones", "ZONE_ID": "xzqdm", "LANDUSE": f"{landuse}|layername=landuse",
            "CLASS_FIELD": "dlbm", "OUTPUT": "memory:"}


def test_intact_file_is_read_whole(intact: Path) -> None:
    import processing

    result = processing.run("guotu:areabyclass", area_params(intact, intact))
    total = sum(f["area_ha"] for f in result["OUTPUT"].getFeatures())
    assert total == pytest.approx(400.0, rel=1e-6)


@pytest.mark.parametrize("where", ["middle", "root"])
def test_damaged_land_use_stops_the_tally(intact: Path, tmp_path: Path, where: str) -> None:
    import processing

    bad = dmg.damage(intact, tmp_path / "bad.gpkg", where=where)
    layer = QgsVectorLayer(f"{bad}|layername=landuse", "landuse", "ogr")
    assert sum(1 for _ in layer.getFeatures()) < 1600 == layer.featureCount()  # QGIS itself reads it short
    # The core reads the file itself (a file layer as it is) ...
    with pytest.raises(QgsProcessingException, match=r"cannot read layer 'landuse' of '[^']*bad\.gpkg' after \d+ "
                                                     r"features: .*the file is damaged"):
        processing.run("guotu:areabyclass", area_params(intact, bad))
    # ... and QGIS reads it for the core (a layer with an unsaved edit): refused the same.
    from qgis.core import QgsProject
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.startEditing()
        layer.changeAttributeValue(1, layer.fields().indexOf("dlbm"), "0101")  # fid 1 need not be readable
        params = area_params(intact, bad)
        params["LANDUSE"] = layer.id()
        with pytest.raises(QgsProcessingException, match=r'Layer "(bad|landuse)" holds 1600 features but only \d+ '
                                                         r'could be read: the file is damaged'):
            processing.run("guotu:areabyclass", params)
        layer.rollBack()
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_damaged_land_use_stops_the_conversion(intact: Path, tmp_path: Path) -> None:
    import processing

    bad = dmg.damage(intact, tmp_path / "bad.gpkg")
    params = {"BEFORE": f"{bad}|layername=landuse", "BEFORE_CLASS_FIELD": "dlbm", "BEFORE_SYSTEM": 1,
              "AFTER": f"{intact}|layername=landuse", "AFTER_CLASS_FIELD": "dlbm", "AFTER_SYSTEM": 1,
              "CONVERSIONS": "memory:", "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:"}
    with pytest.raises(QgsProcessingException, match="the file is damaged"):
        processing.run("guotu:landuseconversion", params)
