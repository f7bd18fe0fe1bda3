"""guotu:areabyclass on vector land use, compared with QGIS's own intersection + areas."""

import processing
import pytest
from qgis.core import (NULL, QgsProcessingFeatureSourceDefinition, QgsProcessingFeedback, QgsProject,
                       QgsWkbTypes)

import testdata as td

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture
def layers():
    zones, landuse = td.zones_layer(), td.landuse_layer()
    yield zones, landuse
    QgsProject.instance().removeAllMapLayers()


def test_output_table_has_exactly_the_three_fields(layers):
    zones, landuse = layers
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm"})
    assert [f.name() for f in out.fields()] == ["zone_id", "class_code", "area_ha"]
    assert [f.typeName().lower() for f in out.fields()] == ["string", "string", "double"]
    assert out.wkbType() == QgsWkbTypes.NoGeometry


def test_ellipsoidal_matches_qgis_intersection_and_distance_area(layers):
    zones, landuse = layers
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm"})
    actual = td.result_table(out)
    expected = td.qgis_reference(zones, landuse, "xzqdm", "dlbm", ellipsoidal=True)
    # Every zone/class combination the layout creates, including the empty class.
    assert set(expected) == {
        ("110101", "101"), ("110101", "301"), ("110101", ""), ("110102", "101"), ("110102", "1101"),
        ("110102", "201"), ("110105", "301"), ("110105", "1101"), ("110105", "201"), ("110105", "1201")}
    td.assert_tables_close(actual, expected, rel=1e-4)
    # The hole of the 1201 polygon is not counted: 250*300 - 100*100 m².
    assert actual[("110105", "1201")] == pytest.approx(6.5, rel=1e-4)


def test_planar_matches_qgis_planar_area(layers):
    zones, landuse = layers
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm",
                       "AREA_METHOD": 1})
    td.assert_tables_close(td.result_table(out),
                           td.qgis_reference(zones, landuse, "xzqdm", "dlbm", ellipsoidal=False), rel=1e-9)
    # A hand check on one piece: 101 in zone 110101 is x 200..1000, y 300..700.
    assert td.result_table(out)[("110101", "101")] == pytest.approx(32.0, rel=1e-12)


def test_text_class_field_and_ordering(layers):
    zones, landuse = layers
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlmc"})
    td.assert_tables_close(td.result_table(out), td.qgis_reference(zones, landuse, "xzqdm", "dlmc"),
                           rel=1e-4)
    rows = [(f["zone_id"], f["class_code"]) for f in out.getFeatures()]
    # Zones in input order; classes in natural order within a zone.
    assert [z for z, _ in rows] == sorted((z for z, _ in rows), key=["110101", "110102", "110105"].index)
    assert [c for z, c in rows if z == "110102"] == ["0101", "0201", "1101"]


def test_mask_excludes_its_area(layers):
    zones, landuse = layers
    mask = td.mask_layer()
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm",
                       "MASK": mask, "AREA_METHOD": 1})
    outside = processing.run("native:difference", {"INPUT": zones, "OVERLAY": mask,
                                                   "OUTPUT": "memory:"})["OUTPUT"]
    expected = td.qgis_reference(outside, landuse, "xzqdm", "dlbm", ellipsoidal=False)
    td.assert_tables_close(td.result_table(out), expected, rel=1e-9)
    without = td.result_table(td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse,
                                           "CLASS_FIELD": "dlbm", "AREA_METHOD": 1}))
    # Mask x 800..1400 over the 101 strip's y 500..700: 200x200 m in zone 1, 400x200 m in zone 2.
    assert without[("110101", "101")] - td.result_table(out)[("110101", "101")] == pytest.approx(4.0)
    assert without[("110102", "101")] - td.result_table(out)[("110102", "101")] == pytest.approx(8.0)


def test_landuse_in_another_crs_is_reprojected_to_the_zones_crs(layers):
    zones, landuse = layers
    geographic = processing.run("native:reprojectlayer", {
        "INPUT": landuse, "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"})["OUTPUT"]
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": geographic, "CLASS_FIELD": "dlbm"})
    td.assert_tables_close(td.result_table(out), td.qgis_reference(zones, landuse, "xzqdm", "dlbm"),
                           rel=1e-4)


def test_selected_features_only(layers):
    zones, landuse = layers
    QgsProject.instance().addMapLayers([zones, landuse])
    # Select the zone 110102 and the 1101 water polygon.
    zones.selectByExpression("\"xzqdm\" = '110102'")
    landuse.selectByExpression('"dlbm" = 1101')
    out = td.run_area({
        "ZONES": QgsProcessingFeatureSourceDefinition(zones.id(), selectedFeaturesOnly=True),
        "ZONE_ID": "xzqdm",
        "LANDUSE": QgsProcessingFeatureSourceDefinition(landuse.id(), selectedFeaturesOnly=True),
        "CLASS_FIELD": "dlbm", "AREA_METHOD": 1})
    table = td.result_table(out)
    assert set(table) == {("110102", "1101")}
    full = td.qgis_reference(zones, landuse, "xzqdm", "dlbm", ellipsoidal=False)
    assert table[("110102", "1101")] == pytest.approx(full[("110102", "1101")], rel=1e-9)


def test_subset_string_filter(layers):
    zones, landuse = layers
    assert landuse.setSubsetString('"dlbm" <> 101')
    assert zones.setSubsetString("\"xzqdm\" <> '110105'")
    table = td.result_table(td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse,
                                         "CLASS_FIELD": "dlbm"}))
    assert not any(code == "101" for _, code in table)
    assert not any(zone == "110105" for zone, _ in table)
    # SQL semantics: NULL <> 101 is not true, so the empty-class polygon is filtered out too.
    assert set(table) == {("110101", "301"), ("110102", "1101"), ("110102", "201")}


def test_unsaved_edit_is_used(layers):
    zones, landuse = layers
    feature = next(f for f in landuse.getFeatures() if f["dlbm"] == 1201)
    before = td.result_table(td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse,
                                          "CLASS_FIELD": "dlbm"}))
    assert landuse.startEditing()
    assert landuse.changeAttributeValue(feature.id(), landuse.fields().indexOf("dlbm"), 1202)
    try:
        after = td.result_table(td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse,
                                             "CLASS_FIELD": "dlbm"}))
    finally:
        landuse.rollBack()
    assert ("110105", "1201") in before and ("110105", "1202") not in before
    assert ("110105", "1201") not in after
    assert after[("110105", "1202")] == pytest.approx(before[("110105", "1201")], rel=1e-12)


def test_empty_class_area_is_reported(layers):
    zones, landuse = layers
    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, message: str) -> None:
            warnings.append(message)

    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm",
                       "AREA_METHOD": 1}, feedback=Feedback())
    assert td.result_table(out)[("110101", "")] == pytest.approx(3.0)
    assert any("no class" in w and "3.0000 ha" in w for w in warnings), warnings


def test_tiankan_deduction_by_kcxs() -> None:
    """A 三调 layer's KCXS: a cultivated parcel counts A·(1 − KCXS) as its class and A·KCXS as
    1203 田坎 (hand values, planar, the same as `guotu tally`); found as kcxs too (delivered
    data is upper case, any case works); switched off on request."""
    zones = td.memory_layer("Polygon", "&field=code:string", [(["A"], td.wkt_polygon(td.rect(0, 0, 1000, 1000))),
                                                              (["B"], td.wkt_polygon(td.rect(1000, 0, 2000, 1000)))],
                            "zones")
    dltb = td.memory_layer("Polygon", "&field=DLBM:string&field=kcxs:double", [
        (["0103", 0.1], td.wkt_polygon(td.rect(800, 0, 1200, 1000))),
        (["0301", 0.0], td.wkt_polygon(td.rect(100, 100, 500, 500))),
        (["0101", None], td.wkt_polygon(td.rect(1500, 0, 1600, 1000)))], "DLTB")
    params = {"ZONES": zones, "ZONE_ID": "code", "LANDUSE": dltb, "CLASS_FIELD": "DLBM", "AREA_METHOD": 1}
    got = td.result_table(td.run_area(params))
    assert got == pytest.approx({("A", "0103"): 18.0, ("A", "1203"): 2.0, ("A", "0301"): 16.0,
                                 ("B", "0103"): 18.0, ("B", "1203"): 2.0, ("B", "0101"): 10.0})
    got = td.result_table(td.run_area(dict(params, DEDUCT_TIANKAN=False)))
    assert got == pytest.approx({("A", "0103"): 20.0, ("A", "0301"): 16.0, ("B", "0103"): 20.0, ("B", "0101"): 10.0})


def test_file_geodatabase_layers_as_delivered(tmp_path) -> None:
    """DLTB and XZQ of a File Geodatabase, upper-case fields, 田坎 deducted by KCXS: the same
    table as `guotu tally` on the same package."""
    import subprocess
    import sys

    from conftest import BUILD_DIR, REPO

    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    gdb = make_package(tmp_path)
    result = td.run_area({"ZONES": f"{gdb}|layername=XZQ", "ZONE_ID": "XZQDM", "LANDUSE": f"{gdb}|layername=DLTB",
                          "CLASS_FIELD": "DLBM"})
    got = td.result_table(result)
    out = tmp_path / "cli.csv"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "tally", "--zones", str(gdb), "--zones-layer", "XZQ",
                          "--zone-id", "XZQDM", "--landuse", str(gdb), "--landuse-layer", "DLTB", "--class-field",
                          "DLBM", "-o", str(out)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    want = {(r.split(",")[0], r.split(",")[1]): float(r.split(",")[2])
            for r in out.read_text(encoding="utf-8").splitlines()[1:]}
    assert any(code == "1203" for _zone, code in want)
    td.assert_tables_close(got, want, rel=1e-6)


def test_overlapping_zones_are_warned_about(guotu):
    """Two zones sharing 50 ha (planar): each zone's area is right, and the log says that a total
    over the zones counts the overlap twice (zones that only touch are no overlap)."""
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.warnings = []

        def pushWarning(self, warning):  # noqa: N802 — QGIS API name
            self.warnings.append(warning)
            super().pushWarning(warning)

    zones = td.zones_layer([("A", td.wkt_polygon(td.rect(0, 0, 1000, 1000))),
                            ("B", td.wkt_polygon(td.rect(500, 0, 1500, 1000))),
                            ("C", td.wkt_polygon(td.rect(1500, 0, 2500, 1000)))])
    landuse = td.landuse_layer([(1, "x", td.wkt_polygon(td.rect(0, 0, 2500, 1000)))])
    log = Log()
    out = td.run_area({"ZONES": zones, "ZONE_ID": "xzqdm", "LANDUSE": landuse, "CLASS_FIELD": "dlbm",
                       "AREA_METHOD": 1}, feedback=log)
    areas = {f["zone_id"]: f["area_ha"] for f in out.getFeatures()}
    assert areas == pytest.approx({"A": 100.0, "B": 100.0, "C": 100.0})
    overlap = [w for w in log.warnings if "pairs of zones overlap" in w]
    assert len(overlap) == 1 and '"A" and "B", 50.0000 ha' in overlap[0], log.warnings


# ---- the area check against the official area (三调 TBMJ, SPEC §8) ----
# Parcels within 1.3 km of zone 39's central meridian (X0), where the Gauss-Krüger projection
# keeps area to (x/R)² < 5e-8: a W x H metre box has the ellipsoidal area W·H m² to 0.005 m². The
# same parcels as the CLI's test (tests/cli/test_cli_tally.py), fid 1..4 in this order.
AREA_CHECK_PARCELS = [  # (BSM, DLBM, TBMJ, box)
    ("1", "0101", 40000.0, (100, 100, 300, 300)),      # 200 x 200 = 40000 m²: passes
    ("2", "0103", 10000.5, (400, 100, 500, 200)),      # 100 x 100 = 10000 m², 0.5 m² off: a finding
    ("3", "0201", None, (600, 100, 900, 200)),         # TBMJ NULL: no official area
    ("4", "0301", 100000.15, (900, 500, 1300, 750)),   # 400 x 250, 0.15 m² off: within 0.1 + 1e-6 x 1e5
]


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 — QGIS API name
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802 — QGIS API name
        self.warnings.append(warning)
        super().pushWarning(warning)


def area_check_files(folder, area_field="TBMJ"):
    """The parcels as a DLTB GeoPackage in EPSG:4527 and, reprojected by QGIS, in EPSG:4490 (the
    OGR provider, as planners' files are read); zones A and B of the CLI's tests beside."""
    dltb = td.memory_layer("Polygon", f"&field=BSM:string&field=TBBH:string&field=DLBM:string"
                                      f"&field={area_field}:double",
                           [([bsm, "1" + bsm, code, NULL if tbmj is None else tbmj], td.wkt_polygon(td.rect(*b)))
                            for bsm, code, tbmj, b in AREA_CHECK_PARCELS], "DLTB")
    projected = td.write_gpkg(dltb, folder / "dltb.gpkg", "DLTB")
    processing.run("native:reprojectlayer", {"INPUT": projected, "TARGET_CRS": "EPSG:4490",
                                             "OUTPUT": str(folder / "dltb_4490.gpkg")})
    zones = td.memory_layer("Polygon", "&field=code:string", [(["A"], td.wkt_polygon(td.rect(0, 0, 1000, 1000))),
                                                              (["B"], td.wkt_polygon(td.rect(1000, 0, 2000, 1000)))],
                            "zones")
    return zones, {4527: projected, 4490: str(folder / "dltb_4490.gpkg")}


def run_checked(params, log=None):
    result = processing.run("guotu:areabyclass", dict({"OUTPUT": "memory:", "AREA_CHECK": "memory:"}, **params),
                            feedback=log)
    findings = result.get("AREA_CHECK")
    rows = {} if findings is None else {f["fid"]: {n: f[n] for n in findings.fields().names()}
                                        for f in findings.getFeatures()}
    return td.result_table(result["OUTPUT"]), rows


@pytest.mark.parametrize("epsg", [4527, 4490])
def test_area_check_against_tbmj(tmp_path, epsg):
    """Parcel 2, 0.5 m² off its TBMJ, is the one finding; parcel 1 passes; parcel 3 (TBMJ NULL) is
    counted as without an official area; parcel 4 is within the default tolerance. The check is on
    by default with TBMJ, measures the parcel as read (geographic EPSG:4490 or projected), and the
    tally is the same as without it (and, in EPSG:4490, as in EPSG:4527: the parcels reprojected
    from a file keep their geometry)."""
    zones, files = area_check_files(tmp_path)
    log = Log()
    params = {"ZONES": zones, "ZONE_ID": "code", "LANDUSE": files[epsg], "CLASS_FIELD": "DLBM"}
    table, findings = run_checked(params, log)
    assert list(findings) == [2]
    row = findings[2]
    assert (row["bsm"], row["tbbh"], row["class_code"], row["official_m2"]) == ("2", "12", "0103", 10000.5)
    assert row["computed_m2"] == pytest.approx(10000.0, abs=0.005)
    assert row["difference_m2"] == pytest.approx(-0.5, abs=0.005)
    assert row["difference_ppm"] == pytest.approx(-50.0, abs=0.5)
    text = "\n".join(log.infos + log.warnings)
    assert "tolerance 0.1 m² + 1e-06 × |TBMJ|): parcels checked: 3, findings: 1." in text, text
    assert "Largest difference from TBMJ: 0.500 m² (feature 2)." in text
    assert "Parcels without an official area (TBMJ NULL or not a number), not checked: 1 (features 3)." in text
    unchecked, none = run_checked(dict(params, CHECK_AREAS=False))
    assert none == {} and unchecked == table
    assert table == pytest.approx({("A", "0101"): 4.0, ("A", "0103"): 1.0, ("A", "0201"): 3.0,
                                   ("A", "0301"): 2.5, ("B", "0301"): 7.5}, abs=1e-5)


def test_area_check_tolerances_field_and_empty_values(tmp_path):
    """The tolerances change the outcome (1 m² absolute: no finding; no relative part: parcel 4,
    0.15 m² off with 0.1 m² allowed, too); an empty field value ('' or the dialog's NULL) means
    TBMJ, found in any case; a layer without TBMJ is not checked (no other field is guessed);
    the findings can be written to a GeoPackage."""
    from qgis.PyQt.QtCore import QVariant

    zones, files = area_check_files(tmp_path)
    params = {"ZONES": zones, "ZONE_ID": "code", "LANDUSE": files[4527], "CLASS_FIELD": "DLBM"}
    assert run_checked(dict(params, AREA_CHECK_ABS=1.0))[1] == {}
    assert set(run_checked(dict(params, AREA_CHECK_REL=0.0))[1]) == {2, 4}
    for empty in ("", QVariant()):
        assert set(run_checked(dict(params, OFFICIAL_AREA_FIELD=empty))[1]) == {2}
    (tmp_path / "lower").mkdir()
    zones, files = area_check_files(tmp_path / "lower", area_field="tbmj")
    params = dict(params, ZONES=zones, LANDUSE=files[4527])
    assert set(run_checked(params)[1]) == {2}
    log = Log()
    assert run_checked(dict(params, OFFICIAL_AREA_FIELD="tbmj", AREA_CHECK_REL=0.0), log)[1].keys() == {2, 4}
    assert any("against tbmj" in i for i in log.infos), log.infos
    (tmp_path / "other").mkdir()
    zones, files = area_check_files(tmp_path / "other", area_field="SHAPE_Area")
    log = Log()
    assert run_checked(dict(params, ZONES=zones, LANDUSE=files[4527]), log)[1] == {}
    assert not any("Area check" in i for i in log.infos)
    assert set(run_checked(dict(params, ZONES=zones, LANDUSE=files[4527], OFFICIAL_AREA_FIELD="SHAPE_Area"))[1]) \
        == {2}
    out = tmp_path / "findings.gpkg"
    result = processing.run("guotu:areabyclass", dict(params, OUTPUT="memory:", AREA_CHECK=str(out)))
    from osgeo import ogr
    ds = ogr.Open(str(result["AREA_CHECK"]).split("|")[0])
    layer = ds.GetLayer(0)
    assert [(f.GetFID(), f["bsm"], round(f["difference_m2"], 2)) for f in layer] == [(2, "2", -0.5)]


def test_area_check_agrees_with_the_cli(tmp_path):
    """The same findings, to the last micro-square-metre, as `guotu tally --area-check TBMJ` on
    the same files (projected and geographic), and on the 三调-shaped package as delivered (a File
    Geodatabase whose parcels all pass) the same count of parcels checked."""
    import csv
    import subprocess
    import sys

    from conftest import BUILD_DIR, REPO

    zones, files = area_check_files(tmp_path)
    zones_file = td.write_gpkg(zones, tmp_path / "zones.gpkg", "zones")
    for epsg, path in files.items():
        _table, plugin = run_checked({"ZONES": zones_file, "ZONE_ID": "code", "LANDUSE": path, "CLASS_FIELD": "DLBM",
                                      "AREA_CHECK_REL": 0.0})
        out = tmp_path / f"cli_{epsg}.csv"
        cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "tally", "--zones", str(tmp_path / "zones.gpkg"),
                              "--zone-id", "code", "--landuse", path.split("|")[0], "--class-field", "DLBM",
                              "--area-check", "TBMJ", "--area-check-rel", "0", "-o", str(out)],
                             capture_output=True, text=True)
        assert cli.returncode == 0, cli.stderr
        with open(tmp_path / f"cli_{epsg}_area_check.csv", newline="", encoding="utf-8") as f:
            rows = {int(r["fid"]): r for r in csv.DictReader(f)}
        assert set(rows) == set(plugin) == {2, 4}
        for fid, row in rows.items():
            assert (row["bsm"], row["tbbh"], row["class_code"]) == \
                (plugin[fid]["bsm"], plugin[fid]["tbbh"], plugin[fid]["class_code"])
            for name in ("official_m2", "computed_m2", "difference_m2"):
                assert float(row[name]) == pytest.approx(plugin[fid][name], abs=1e-6), (epsg, fid, name)
    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    (tmp_path / "pkg").mkdir()
    gdb = make_package(tmp_path / "pkg")
    log = Log()
    _table, findings = run_checked({"ZONES": f"{gdb}|layername=XZQ", "ZONE_ID": "XZQDM",
                                    "LANDUSE": f"{gdb}|layername=DLTB", "CLASS_FIELD": "DLBM"}, log)
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "tally", "--zones", str(gdb), "--zones-layer", "XZQ",
                          "--zone-id", "XZQDM", "--landuse", str(gdb), "--landuse-layer", "DLTB", "--class-field",
                          "DLBM", "--area-check", "TBMJ", "-o", str(tmp_path / "pkg.csv")], capture_output=True,
                         text=True)
    assert cli.returncode == 0, cli.stderr
    counted = [i for i in log.infos if "parcels checked" in i]
    assert findings == {} and len(counted) == 1
    checked = counted[0].split("parcels checked: ")[1].split(",")[0]
    assert int(checked) > 100 and f"parcels checked: {checked}, findings: 0" in cli.stdout, (counted, cli.stdout)


def test_land_use_and_mask_files_in_another_crs(tmp_path, layers):
    """A land-use or mask file (OGR provider) in EPSG:4490 while the zones are in EPSG:4527 is read
    with its geometry and reprojected: the same table as with both in the zones' CRS (the
    polygons were once read without geometry there, leaving the table empty and the mask unused)."""
    zones, landuse = layers
    params = {"ZONES": zones, "ZONE_ID": "xzqdm", "CLASS_FIELD": "dlbm", "MASK": td.mask_layer()}
    want = td.result_table(td.run_area(dict(params, LANDUSE=landuse)))
    geographic = {}
    for name, layer in (("landuse", landuse), ("mask", td.mask_layer())):
        processing.run("native:reprojectlayer", {"INPUT": layer, "TARGET_CRS": "EPSG:4490",
                                                 "OUTPUT": str(tmp_path / f"{name}.gpkg")})
        geographic[name] = str(tmp_path / f"{name}.gpkg")
    got = td.result_table(td.run_area(dict(params, LANDUSE=geographic["landuse"], MASK=geographic["mask"])))
    td.assert_tables_close(got, want, rel=1e-6)


def test_file_layers_are_read_by_the_core_with_the_same_result(tmp_path):
    """Zones and land use backed by files holding what the user sees are read by the core's I/O
    library (the log says so); the same layers with every feature selected, and with an unsaved
    edit, go through QGIS. The tables and the area check agree between the two paths; the edit
    is in the QGIS path's table (a reclassified parcel), never lost to the file path."""
    import sys

    from conftest import REPO
    from qgis.core import QgsVectorLayer

    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    gdb = make_package(tmp_path)
    zones = QgsVectorLayer(f"{gdb}|layername=XZQ", "XZQ", "ogr")
    landuse = QgsVectorLayer(f"{tmp_path}/landuse_2020.gpkg|layername=landuse", "DLTB", "ogr")
    assert zones.isValid() and landuse.isValid()
    QgsProject.instance().addMapLayers([zones, landuse])
    params = {"ZONES": zones.id(), "ZONE_ID": "XZQDM", "CLASS_FIELD": "DLBM", "AREA_CHECK_REL": 0.0,
              "AREA_CHECK_ABS": 0.0}  # every parcel differs from its planar TBMJ by a little: all findings
    try:
        log = Log()
        fast, fast_findings = run_checked(dict(params, LANDUSE=landuse.id()), log)
        assert any("core read the input files itself" in i for i in log.infos), log.infos
        landuse.selectAll()
        log = Log()
        slow, slow_findings = run_checked(dict(params, LANDUSE=QgsProcessingFeatureSourceDefinition(
            landuse.id(), selectedFeaturesOnly=True)), log)
        assert any("selected features only" in i for i in log.infos), log.infos
        assert set(fast) == set(slow) and len(fast) > 10
        for key, value in slow.items():
            assert fast[key] == pytest.approx(value, rel=1e-12, abs=1e-9), key
        assert fast_findings.keys() == slow_findings.keys() and fast_findings
        for fid, row in slow_findings.items():
            assert fast_findings[fid]["computed_m2"] == pytest.approx(row["computed_m2"], abs=1e-6)

        # An unsaved edit: read through QGIS, and the table shows it.
        landuse.removeSelection()
        feature = next(landuse.getFeatures())
        zone = next(z["XZQDM"] for z in zones.getFeatures() if z.geometry().contains(feature.geometry().centroid()))
        landuse.startEditing()
        landuse.changeAttributeValue(feature.id(), landuse.fields().indexOf("DLBM"), "9999")
        log = Log()
        edited, _findings = run_checked(dict(params, LANDUSE=landuse.id()), log)
        assert any("unsaved edits" in i for i in log.infos), log.infos
        assert edited[(zone, "9999")] > 0
        landuse.rollBack()

        # A land use in another CRS than the zones: QGIS reprojects it (with the project's datum
        # transformations, which the core does not know), and the table is the same.
        processing.run("native:reprojectlayer", {"INPUT": landuse, "TARGET_CRS": "EPSG:4490",
                                                 "OUTPUT": str(tmp_path / "landuse_4490.gpkg")})
        log = Log()
        geographic, _findings = run_checked(dict(params, LANDUSE=str(tmp_path / "landuse_4490.gpkg"),
                                                 CHECK_AREAS=False), log)
        assert any("another CRS than the zones" in i for i in log.infos), log.infos
        for key, value in slow.items():
            assert geographic[key] == pytest.approx(value, rel=1e-6), key
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_area_by_unit_code_with_names_equals_the_cli(tmp_path):
    """guotu:areabyunitcode: towns (9 characters of ZLDWDM) named from XZQ, read by the core from
    the File Geodatabase, and the same land use through QGIS (an unsaved edit that changes
    nothing) give the CLI's table (its 6 decimals); villages named from the parcels' own ZLDWDM/ZLDWMC
    (19-character codes padded with zeros); a parcel whose code is too short is named."""
    import csv
    import subprocess
    import sys

    from conftest import BUILD_DIR, REPO
    from qgis.core import QgsVectorLayer

    sys.path.insert(0, str(REPO / "tests"))
    from sandiao_package import make_package

    gdb = make_package(tmp_path)
    cli_csv = tmp_path / "cli.csv"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "tally", "--zone-code-field", "ZLDWDM",
                          "--zone-code-length", "9", "--landuse", str(gdb), "--landuse-layer", "DLTB",
                          "--class-field", "DLBM", "--zone-names", str(gdb), "--zone-names-layer", "XZQ",
                          "-o", str(cli_csv)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    with cli_csv.open(encoding="utf-8") as f:
        want = {(r["zone_id"], r["zone_name"], r["class_code"]): float(r["area_ha"]) for r in csv.DictReader(f)}
    landuse = QgsVectorLayer(f"{gdb}|layername=DLTB", "DLTB", "ogr")
    QgsProject.instance().addMapLayer(landuse)
    params = {"LANDUSE": landuse.id(), "CLASS_FIELD": "DLBM", "UNIT_CODE_FIELD": "ZLDWDM", "LEVEL": 1,
              "NAMES": f"{gdb}|layername=XZQ", "NAMES_CODE_FIELD": "XZQDM", "NAMES_NAME_FIELD": "XZQMC",
              "OUTPUT": "memory:"}
    try:
        for edited in (False, True):
            if edited:  # an edit buffer (a value set to itself): QGIS reads the features
                landuse.startEditing()
                first = next(landuse.getFeatures())
                landuse.changeAttributeValue(first.id(), landuse.fields().indexOf("DLBM"), first["DLBM"])
            log = Log()
            out = processing.run("guotu:areabyunitcode", params, feedback=log)["OUTPUT"]
            assert any(("unsaved edits" if edited else "core read the input files itself") in i for i in log.infos)
            got = {(f["zone_id"], f["zone_name"], f["class_code"]): f["area_ha"] for f in out.getFeatures()}
            assert got.keys() == want.keys() and {k[1] for k in got} == {"西乡"}
            for key, value in want.items():
                assert got[key] == pytest.approx(value, abs=1e-6), key  # the CSV has 6 decimals
        landuse.rollBack()
        villages = processing.run("guotu:areabyunitcode", dict(
            params, LEVEL=2, NAMES=landuse.id(), NAMES_CODE_FIELD="ZLDWDM", NAMES_NAME_FIELD="ZLDWMC"))["OUTPUT"]
        pairs = {(f["zone_id"], f["zone_name"]) for f in villages.getFeatures()}
        assert pairs == {(f["ZLDWDM"][:12], f["ZLDWMC"]) for f in landuse.getFeatures()}
        with pytest.raises(Exception, match="has 4 characters; 9 are needed"):
            processing.run("guotu:areabyunitcode", dict(params, UNIT_CODE_FIELD="DLBM"))
    finally:
        QgsProject.instance().removeAllMapLayers()
