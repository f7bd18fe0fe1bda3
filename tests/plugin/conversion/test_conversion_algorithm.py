"""guotu:landuseconversion on the hand-worked fixture (conversion_data.py): two
classification systems at once, every status, per-zone matrices, area conservation,
reprojection and cancelling."""

from collections import defaultdict

import pytest
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsProcessingException,
                       QgsProcessingFeedback, QgsProcessingParameterDefinition, QgsProject, QgsVectorLayer, QgsWkbTypes)

import conversion_data as cd

pytestmark = pytest.mark.usefixtures("provider")

CLI_FIELDS = ["from_code", "to_code", "from_category", "to_category", "status", "path_zh", "path_en", "area_ha",
              "dm_ha", "zone_id"]


def test_two_systems_every_status_without_zones():
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"]))
    conversions = result["CONVERSIONS"]
    assert conversions.fields().names() == CLI_FIELDS
    assert conversions.wkbType() == QgsWkbTypes.MultiPolygon
    assert conversions.crs().authid() == "EPSG:4527"
    pieces = cd.layer_rows(conversions)
    assert {p["status"] for p in pieces} == {"same", "path", "conditional", "prohibited", "gap", "unknown"}
    assert sum(p["area_ha"] for p in pieces) == pytest.approx(6.0)
    assert sum(p["dm_ha"] for p in pieces) == pytest.approx(cd.DM_TOTAL)
    assert {p["zone_id"] for p in pieces} == {""}
    # The geometry of every piece has the area it reports (planar metres).
    for feature in conversions.getFeatures():
        assert feature.geometry().area() / 1e4 == pytest.approx(feature["area_ha"], rel=1e-9)

    prohibited = [p for p in pieces if p["status"] == "prohibited"]
    assert len(prohibited) == 1
    p = prohibited[0]
    # CAS_LUCC 41 (river water) before, SANDIAO_WORK 0103 (dry land) after.
    assert (p["from_code"], p["to_code"], p["from_category"], p["to_category"]) == \
        ("41", "0103", "river_water", "cultivated")
    assert "禁止围湖造田" in p["path_zh"] and "prohibited" in p["path_en"]
    assert p["dm_ha"] == pytest.approx(-2.10)
    unknown_piece = next(p for p in pieces if p["status"] == "unknown")
    assert (unknown_piece["to_code"], unknown_piece["to_category"]) == ("9999", "")

    assert cd.status_areas(cd.layer_rows(result["STATUS_SUMMARY"]), "") == pytest.approx(cd.STATUS_ALL)
    transitions = cd.layer_rows(result["TRANSITIONS"])
    assert result["TRANSITIONS"].fields().names() == ["zone_id", "level", "from_class", "to_class", "status",
                                                       "area_ha", "dm_ha"]
    categories = {(r["from_class"], r["to_class"]): (r["area_ha"], r["status"])
                  for r in transitions if r["level"] == "category"}
    assert categories.keys() == cd.CATEGORY_ALL.keys()
    for key, (area, status) in cd.CATEGORY_ALL.items():
        assert categories[key][0] == pytest.approx(area), key
        assert categories[key][1] == status, key
    codes = {(r["from_class"], r["to_class"]): r["area_ha"] for r in transitions if r["level"] == "code"}
    assert codes[("12", "0701")] == pytest.approx(0.5)
    assert codes[("21", "0701")] == pytest.approx(1.0)
    assert all(r["status"] == "" for r in transitions if r["level"] == "code")
    assert cd.layer_rows(result["UNKNOWN"]) == [{"class_code": "9999", "layer": "after", "area_ha": pytest.approx(1.0)}]


def test_per_zone_matrices_and_area_conservation():
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]))
    statuses = cd.layer_rows(result["STATUS_SUMMARY"])
    assert cd.status_areas(statuses, "Z1") == pytest.approx(cd.STATUS_Z1)
    assert cd.status_areas(statuses, "Z2") == pytest.approx(cd.STATUS_Z2)
    assert cd.status_areas(statuses, "*") == pytest.approx(cd.STATUS_ALL)
    pieces = cd.layer_rows(result["CONVERSIONS"])
    assert {p["zone_id"] for p in pieces} == {"Z1", "Z2"}
    transitions = [r for r in cd.layer_rows(result["TRANSITIONS"]) if r["level"] == "category"]
    matrix = defaultdict(dict)
    for r in transitions:
        matrix[r["zone_id"]][(r["from_class"], r["to_class"])] = r["area_ha"]
    # Z1 = [0,250]: 21→0701 1.0, 12→0701 0.5, 12→1101 0.5, 41→0103 0.5 (the half in Z1).
    assert matrix["Z1"] == pytest.approx({("forest", "construction"): 1.0, ("cultivated", "construction"): 0.5,
                                          ("cultivated", "river_water"): 0.5, ("river_water", "cultivated"): 0.5})
    assert matrix["Z2"] == pytest.approx({("river_water", "cultivated"): 0.5, ("forest", "cultivated"): 1.0,
                                          ("cultivated", "cultivated"): 1.0, ("cultivated", ""): 1.0})
    # Conservation: every cell of '*' is the sum of the zones' cells, the matrix sums to
    # the area of each layer, and the pieces of each zone sum to its row total.
    for key, area in matrix["*"].items():
        assert area == pytest.approx(matrix["Z1"].get(key, 0.0) + matrix["Z2"].get(key, 0.0)), key
    assert sum(matrix["*"].values()) == pytest.approx(6.0)
    for zone, width in (("Z1", 250), ("Z2", 350)):
        assert sum(p["area_ha"] for p in pieces if p["zone_id"] == zone) == pytest.approx(width * 100 / 1e4)
        assert sum(matrix[zone].values()) == pytest.approx(width * 100 / 1e4)


def test_ellipsoidal_areas_conserve_each_layers_area():
    layers = cd.fixture_layers()
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], AREA_METHOD=0))
    pieces = cd.layer_rows(result["CONVERSIONS"])
    total = sum(p["area_ha"] for p in pieces)
    # At the central meridian of the GK zone the ellipsoidal area is the planar one to ~1e-4.
    assert total == pytest.approx(6.0, rel=2e-3)
    statuses = cd.layer_rows(result["STATUS_SUMMARY"])
    assert sum(cd.status_areas(statuses, "*").values()) == pytest.approx(total, rel=1e-12)
    assert sum(sum(cd.status_areas(statuses, z).values()) for z in ("Z1", "Z2")) == pytest.approx(total, rel=1e-12)


def _reprojected(layer: QgsVectorLayer, authid: str) -> QgsVectorLayer:
    target = QgsCoordinateReferenceSystem(authid)
    transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    out = QgsVectorLayer(f"Polygon?crs={authid}&field=dlbm:string&field=code:string", layer.name(), "memory")
    features = []
    for feature in layer.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        copy = QgsFeature(out.fields())
        copy.setAttributes([feature.attribute(0), feature.attribute(0)])
        copy.setGeometry(geometry)
        features.append(copy)
    out.dataProvider().addFeatures(features)
    return out


def test_after_layer_and_zones_are_reprojected_to_the_before_crs():
    layers = cd.fixture_layers()
    after = _reprojected(layers["after"], "EPSG:4490")
    zones = _reprojected(layers["zones"], "EPSG:4490")
    feedback = QgsProcessingFeedback()
    messages = []
    feedback.pushInfo = messages.append  # noqa: E731 — collect the log
    result = cd.run_algorithm(cd.params(layers["before"], after, zones, ZONE_ID="code"), feedback)
    assert result["CONVERSIONS"].crs().authid() == "EPSG:4527"
    statuses = cd.layer_rows(result["STATUS_SUMMARY"])
    # GK -> geographic -> GK moves vertices by far less than a millimetre.
    for zone, expected in (("Z1", cd.STATUS_Z1), ("Z2", cd.STATUS_Z2), ("*", cd.STATUS_ALL)):
        assert cd.status_areas(statuses, zone) == pytest.approx(expected, abs=1e-6), zone
    assert sum("reprojected" in m for m in messages) == 2, messages


def test_cancelled_run_stops_with_a_clear_message():
    layers = cd.fixture_layers()
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="cancelled"):
        cd.run_algorithm(cd.params(layers["before"], layers["after"]), feedback)


def test_progress_goes_up_to_100_and_a_run_can_be_cancelled_midway():
    layers = cd.fixture_layers()
    feedback = QgsProcessingFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]), feedback)
    assert seen and seen[-1] == pytest.approx(100.0)
    assert all(b >= a for a, b in zip(seen, seen[1:]))  # never backwards
    assert any(28.0 < p < 98.0 for p in seen)  # the overlay phase reports as it goes

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 40.0 else None)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]), feedback)


def test_algorithm_metadata(provider):
    algorithm = provider.algorithm("landuseconversion")
    assert algorithm is not None
    assert algorithm.displayName() == "Land-use conversion map"
    assert algorithm.id() == "guotu:landuseconversion"
    outputs = {o.name() for o in algorithm.outputDefinitions()}
    # LINE_SUMMARY: optional, only written when asked for (area by three-lines line and status);
    # UNIT_TRANSITIONS likewise (the matrix per unit of the before parcels' codes).
    assert outputs == {"CONVERSIONS", "TRANSITIONS", "STATUS_SUMMARY", "UNKNOWN", "LINE_SUMMARY", "UNIT_TRANSITIONS"}
    assert algorithm.parameterDefinition("LINE_SUMMARY").flags() & QgsProcessingParameterDefinition.FlagOptional
    assert algorithm.parameterDefinition("WORKSPACE").flags() & QgsProcessingParameterDefinition.FlagOptional
    systems = algorithm.parameterDefinition("BEFORE_SYSTEM").options()
    assert systems == ["CAS_LUCC", "SANDIAO_WORK", "GBT21010_2017", "YDYH_2023"]


def test_cancelled_run_leaves_no_new_geopackage(tmp_path):
    """A run cancelled mid-way (or failing) removes the GeoPackages it had started; a file
    that existed before is not this run's to delete."""
    layers = cd.fixture_layers()
    out = tmp_path / "conversions.gpkg"
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 40.0 else None)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS=str(out)),
                         feedback)
    assert not out.exists() and not list(tmp_path.iterdir())
    result = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS=str(out)))
    assert out.is_file() and result["CONVERSIONS"]
