"""Bad input to guotu:threelinescheck: clear QgsProcessingException messages naming the layer."""

from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:threelinescheck"


def run(params: dict) -> dict:
    import processing

    full = {"ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:"}
    full.update(params)
    return processing.run(ALG, full)


def fails(params: dict) -> str:
    with pytest.raises(QgsProcessingException) as info:
        run(params)
    return str(info.value)


@pytest.fixture
def fx(tmp_path_factory, tmp_path: Path) -> Path:
    return ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")


def test_missing_layer_of_a_workspace(tmp_path: Path) -> None:
    partial = tmp_path / "partial.gpkg"
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "ecological_redline", "memory")
    from qgis.core import QgsVectorFileWriter, QgsCoordinateTransformContext

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "ecological_redline"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(partial), QgsCoordinateTransformContext(), options)
    message = fails({"WORKSPACE": str(partial)})
    assert "missing the layer" in message and "permanent_farmland" in message


def test_no_workspace_and_missing_layers() -> None:
    with pytest.raises(QgsProcessingException) as info:
        run({"REDLINE": QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "r", "memory")})
    assert "workspace" in str(info.value).lower()


def test_empty_workspace_has_nothing_to_check(tmp_path: Path, guotu) -> None:
    from guotu.lines.lines_workspace import create_workspace
    from qgis.core import QgsCoordinateReferenceSystem

    ws = tmp_path / "empty.gpkg"
    create_workspace(ws, QgsCoordinateReferenceSystem("EPSG:4527"))
    assert "nothing to check" in fails({"WORKSPACE": str(ws)})


def test_wrong_geometry_type(fx: Path) -> None:
    lines = QgsVectorLayer("LineString?crs=EPSG:4527", "开发边界线", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({ld.X0} {ld.Y0}, {ld.X0 + 10} {ld.Y0})"))
    lines.dataProvider().addFeatures([feature])
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "URBAN": lines})
    assert "开发边界线" in message and "polygon" in message.lower()


def test_mixed_crs(fx: Path) -> None:
    farmland = QgsVectorLayer("MultiPolygon?crs=EPSG:4490", "农田4490", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((116 39,116.01 39,116.01 39.01,116 39.01,116 39)))"))
    farmland.dataProvider().addFeatures([feature])
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "FARMLAND": farmland})
    assert "农田4490" in message and "another CRS" in message and "4490" in message


def test_admin_units_without_their_fields(fx: Path) -> None:
    admin = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=code:string", "县界", "memory")
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin})
    assert "县界" in message and "xzqdm" in message


def test_land_use_without_class_field(fx: Path) -> None:
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb"})
    assert "class field" in message


def test_land_use_with_an_unknown_class_field(fx: Path) -> None:
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb",
                     "CLASS_FIELD": "nope"})
    assert "nope" in message or "CLASS_FIELD" in message


def test_cancelled_run(fx: Path) -> None:
    import processing
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException) as info:
        processing.run(ALG, {"WORKSPACE": str(fx / "ws.gpkg"), "ISSUES": "memory:", "ISSUE_POINTS": "memory:",
                             "LINE_STATS": "memory:"}, feedback=feedback)
    assert "cancelled" in str(info.value)


def test_a_target_that_is_no_number_is_skipped_with_a_warning(fx: Path) -> None:
    import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, warning):  # noqa: N802 — QGIS API name
            self.warnings.append(warning)
            super().pushWarning(warning)

    admin = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=xzqdm:string&field=xzqmc:string"
                           "&field=erl_target_ha:string&field=pbf_target_ha:double&field=urban_2020_ha:double"
                           "&field=expansion_cap:double", "县界", "memory")
    feature = QgsFeature(admin.fields())
    feature.setAttributes(["110101", "甲区", "三十", 50.0, 3.0, None])
    g = QgsGeometry.fromWkt(ld.b(0, 0, 1000, 1000))
    g.convertToMultiType()
    feature.setGeometry(g)
    admin.dataProvider().addFeatures([feature])
    feedback = Feedback()
    result = processing.run(ALG, {"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin, "AREA_METHOD": 1,
                                  "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:"},
                            feedback=feedback)
    assert any("三十" in w and "erl_target_ha" in w and "县界" in w for w in feedback.warnings), feedback.warnings
    rules = ld.by_rule(ld.rows(result["ISSUES"]))
    assert "L13" not in rules and len(rules["L12"]) == 1


@pytest.mark.parametrize("output", ["STATS_CSV", "ISSUES"])
@pytest.mark.parametrize("target", ["ws.gpkg", "dltb.gpkg"])
def test_no_output_over_an_input(fx: Path, output: str, target: str) -> None:
    """The statistics CSV (or the issues layer) pointed at the workspace or the land-use file
    is refused before anything is read or written: the drawing work stays."""
    before = {name: (fx / name).read_bytes() for name in ("ws.gpkg", "dltb.gpkg")}
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb",
                     "CLASS_FIELD": "dlbm", output: str(fx / target)})
    assert "Guotu never writes over an input" in message and target in message, message
    assert {name: (fx / name).read_bytes() for name in before} == before
    assert not [p for p in fx.iterdir() if ".tmp-" in p.name]


def test_stats_csv_beside_the_inputs_is_written(fx: Path) -> None:
    result = run({"WORKSPACE": str(fx / "ws.gpkg"), "STATS_CSV": str(fx / "stats.csv")})
    assert Path(result["STATS_CSV"]).read_text(encoding="utf-8-sig").startswith("admin_code")
    assert not [p for p in fx.iterdir() if ".tmp-" in p.name]
