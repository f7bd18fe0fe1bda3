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


def test_a_line_layer_in_another_crs_is_reprojected_with_a_note(fx: Path) -> None:
    """As `guotu lines check` (and the conversion, the tally): a line layer in another CRS than
    the admin units is reprojected to theirs, and the log and the notes say so."""
    farmland = QgsVectorLayer("MultiPolygon?crs=EPSG:4490", "农田4490", "memory")
    feature = QgsFeature()
    # A 0.001° square inside admin unit 110101 (the GK-39 origin is at 117°E).
    x0, y0 = 117.0012, 39.7350
    feature.setGeometry(QgsGeometry.fromWkt(f"MULTIPOLYGON((({x0} {y0},{x0 + 0.001} {y0},{x0 + 0.001} {y0 + 0.001},"
                                            f"{x0} {y0 + 0.001},{x0} {y0})))"))
    farmland.dataProvider().addFeatures([feature])
    result = run({"WORKSPACE": str(fx / "ws.gpkg"), "FARMLAND": farmland, "NOTES": "memory:"})
    notes = [r["note_en"] for r in ld.rows(result["NOTES"])]
    assert any(n.startswith("the permanent farmland layer '农田4490' was reprojected from EPSG:4490") and
               "EPSG:4527" in n for n in notes), notes
    stats = {r["admin_code"]: r for r in ld.rows(result["LINE_STATS"])}
    # 0.001° x 0.001° at 39.7°N: about 85.6 m x 111.0 m
    assert stats["110101"]["farmland_ha"] == pytest.approx(0.95, abs=0.02)


def test_admin_units_in_degrees_work_in_the_zone_of_the_data(fx: Path) -> None:
    """Admin units in EPSG:4490 are no longer refused: the run works in the Gauss-Krüger zone of all
    the layers' centre (117°E: EPSG:4548), with the CLI's note, and writes its outputs there."""
    admin = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=XZQDM:string", "县界4490", "memory")
    feature = QgsFeature(admin.fields())
    feature.setAttributes(["110101"])
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((117 39.7,117.01 39.7,117.01 39.71,117 39.71,117 39.7)))"))
    admin.dataProvider().addFeatures([feature])
    result = run({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin, "NOTES": "memory:"})
    notes = [r["note_en"] for r in ld.rows(result["NOTES"])]
    assert ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
            "data's centre; outputs are in EPSG:4548") in notes, notes
    assert result["ISSUES"].crs().authid() == "EPSG:4548"


def test_admin_units_no_zone_fits_are_refused_by_name(fx: Path) -> None:
    admin = QgsVectorLayer("MultiPolygon?crs=EPSG:4490&field=XZQDM:string", "巴黎", "memory")
    feature = QgsFeature(admin.fields())
    feature.setAttributes(["110101"])
    feature.setGeometry(QgsGeometry.fromWkt("MULTIPOLYGON(((2 48,2.1 48,2.1 48.1,2 48.1,2 48)))"))
    admin.dataProvider().addFeatures([feature])
    layers = {name: ld.ws_layer(fx / "ws.gpkg", name) for name in ("ecological_redline", "permanent_farmland",
                                                                      "urban_boundary")}
    # Only the admin units are far away: the union's centre is still in China; alone, they are refused.
    for name, layer in layers.items():
        layer.setSubsetString("1 = 0")
    message = fails({"REDLINE": layers["ecological_redline"], "FARMLAND": layers["permanent_farmland"],
                     "URBAN": layers["urban_boundary"], "ADMIN": admin})
    assert "巴黎" in message and "outside China's 3-degree Gauss-Krüger zones" in message, message


def test_admin_units_without_their_fields(fx: Path) -> None:
    admin = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=code:string", "县界", "memory")
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin})
    assert "县界" in message and "XZQDM" in message and "code" in message


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


def test_gbk_admin_shapefile_without_cpg_is_refused_with_the_fix(fx: Path) -> None:
    """A delivered XZQ shapefile in GBK whose .cpg was lost would give garbled names: refused
    before anything is read, naming the fix (as the CLI asks for --encoding CP936)."""
    made = ld.make_delivered(fx)
    Path(made["shp"]).with_suffix(".cpg").unlink()
    admin = QgsVectorLayer(made["shp"], "xzq", "ogr")
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin})
    assert "xzq" in message and "GBK" in message and ".cpg" in message


def test_admin_code_field_neither_known_nor_chosen(fx: Path) -> None:
    made = ld.make_delivered(fx, {"xzqdm": "DM", "xzqmc": "MC"})
    admin = QgsVectorLayer(made["shp"], "xzq", "ogr")
    message = fails({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin})
    assert '"XZQDM"' in message and "DM, MC" in message
    result = run({"WORKSPACE": str(fx / "ws.gpkg"), "ADMIN": admin, "ADMIN_ID": "dm", "ADMIN_NAME": "mc",
                  "AREA_METHOD": 1})
    assert {r["admin_code"]: r["admin_name"] for r in ld.rows(result["LINE_STATS"])} == \
        {"110101": "甲区", "110102": "乙区"}
