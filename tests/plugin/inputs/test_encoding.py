"""GBK shapefiles without a .cpg file, as 三调 packages deliver them: QGIS would decode their
Chinese as garbage, so every algorithm refuses such a layer with the fix named; once the
layer's encoding is set to GBK (as the message says) the same run gives the right verdicts."""

import sys
from pathlib import Path

import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from conftest import REPO
from lines_data import rows

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


def write_shapefile(path: Path, encoding: str) -> Path:
    """The parcel fixture as a shapefile in ``encoding``, without its .cpg. QGIS sets GDAL's
    SHAPE_ENCODING to "" for the whole process (it decodes shapefiles itself), which would
    make GDAL write UTF-8 whatever the ENCODING option: cleared while writing."""
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        shp = pf.write_parcels(path, driver="ESRI Shapefile", encoding=encoding)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    path.with_suffix(".cpg").unlink()  # delivered without it
    assert "农用地整理".encode(encoding) in path.with_suffix(".dbf").read_bytes()
    return shp


@pytest.fixture
def gbk(tmp_path: Path) -> dict:
    return {"shp": write_shapefile(tmp_path / "zzdk.shp", "CP936"), "ws": pf.write_workspace(tmp_path / "ws.gpkg")}


def params(parcels, ws: Path) -> dict:
    return {"PARCELS": parcels, "PARCEL_ID": "dkbh", "TYPE_FIELD": "zzlx", "PROJECT_FIELD": "xmbh",
            "CURRENT_FIELD": "xzdl", "CURRENT_SYSTEM": 1, "PLANNED_FIELD": "ghdl", "PLANNED_SYSTEM": 1,
            "WORKSPACE": str(ws), "AREA_METHOD": 1, "PARCEL_CHECKS": "memory:", "PARCEL_REASONS": "memory:",
            "PROJECT_CHECKS": "memory:", "VILLAGE_TOTALS": "memory:"}


def test_gbk_without_cpg_is_refused_with_the_fix(gbk: dict) -> None:
    import processing

    layer = QgsVectorLayer(str(gbk["shp"]), "zzdk", "ogr")
    assert "农用地整理" not in {f["zzlx"] for f in layer.getFeatures()}  # QGIS itself reads it garbled
    with pytest.raises(QgsProcessingException, match=r'The text of layer "zzdk" \(zzdk.shp\) is not UTF-8 .* '
                                                     r'Data source encoding to GBK'):
        processing.run("guotu:parcelscheck", params(str(gbk["shp"]), gbk["ws"]))


def test_gbk_with_its_encoding_chosen_is_read_right(gbk: dict, tmp_path: Path) -> None:
    import processing

    layer = QgsVectorLayer(str(gbk["shp"]), "zzdk", "ogr")
    layer.setProviderEncoding("GBK")
    QgsProject.instance().addMapLayer(layer)
    try:
        result = processing.run("guotu:parcelscheck", params(layer, gbk["ws"]))
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    verdicts = {r["parcel_id"]: r["verdict"] for r in rows(result["PARCEL_CHECKS"])}
    reference = processing.run("guotu:parcelscheck", params(f"{pf.write_parcels(tmp_path / 'ref.gpkg')}|layername=zzdk",
                                                             gbk["ws"]))
    assert verdicts == {r["parcel_id"]: r["verdict"] for r in rows(reference["PARCEL_CHECKS"])}
    assert verdicts["H"] == "不通过" and verdicts["C"] == "通过"  # H: unknown type; C: passes


def test_a_utf8_shapefile_without_cpg_is_fine(tmp_path: Path) -> None:
    from guotu.inputs.text_encoding import garbled_text_problem

    shp = write_shapefile(tmp_path / "utf8.shp", "UTF-8")
    assert garbled_text_problem(QgsVectorLayer(str(shp), "utf8", "ogr")) is None
