"""guotu:borderconflicts on the CLI tests' border fixture: the hand values, parity with
`guotu border`, one layer per city, unsaved edits, styles, bad input."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer

import border_data as bd
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:borderconflicts"
OUTPUTS = ("BORDER_CONFLICTS", "CONFLICT_LINES", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
           "BASEMAP_ISSUE_POINTS")


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return bd.make_fixture(tmp_path_factory.mktemp("border"))


def params(fx: Path, **extra) -> dict:
    p = {"ADMIN": f"{fx / 'admin.gpkg'}|layername=admin", "ADMIN_ID": "code", "ADMIN_NAME": "name",
         "ELEMENTS": f"{fx / 'el.gpkg'}|layername=elements", "CITY_FIELD": "city", "CATEGORY_FIELD": "category",
         "NAME_FIELD": "name", "AREA_METHOD": 1}
    p.update({name: "memory:" for name in OUTPUTS})
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_hand_values(fx: Path) -> None:
    result = run(params(fx))
    polys, lines = rows(result["BORDER_CONFLICTS"]), rows(result["CONFLICT_LINES"])
    assert sorted((r["kind"], r["detail"]) for r in lines) == [
        ("category_mismatch", ""), ("discontinuity", ""), ("gap", "one_side"), ("overlap", "crossing"),
        ("overlap", "double_claim")]
    crossing = next(r for r in polys if r["detail"] == "crossing")
    assert crossing["area_m2"] == pytest.approx(4000, abs=1e-6) and crossing["name_a"] == "甲市"
    gap = next(r for r in polys if r["kind"] == "gap")
    assert gap["area_m2"] == pytest.approx(7500, abs=1e-6) and gap["side"] == "B"
    assert {r["review_status"] for r in polys + lines} == {"open"}
    summary = {(r["admin_a"], r["admin_b"]): r for r in rows(result["PAIR_SUMMARY"])}
    assert set(summary) == {("A", "B"), ("C", "D"), ("C", "E")}
    assert summary[("A", "B")]["score"] == pytest.approx(bd.SCORE_AB, abs=1e-6)
    assert summary[("C", "D")]["admin_gap_m2"] == pytest.approx(500, abs=1e-6)
    lengths = {}
    for r in rows(result["SHARED_BORDERS"]):
        if r["admin_a"] == "A":
            lengths[r["status"]] = lengths.get(r["status"], 0) + r["length_m"]
    assert lengths == pytest.approx({"coordinated": 100, "category_mismatch": 100, "discontinuity": 100, "gap": 150,
                                     "overlap": 100, "none": 450}, abs=1e-6)
    kinds = sorted(r["kind"] for r in rows(result["BASEMAP_ISSUES"]) + rows(result["BASEMAP_ISSUE_POINTS"]))
    assert kinds == ["admin_gap", "admin_invalid", "admin_overlap", "element_invalid", "element_no_city",
                     "element_no_geometry", "element_unknown_city"]
    assert (result["CONFLICT_COUNT"], result["PAIR_COUNT"]) == (5, 3)


def test_same_numbers_as_the_cli(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = bd.run_cli(fx, out, "--threads", "1")  # conflict ids are numbered in the order found
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, AREA_METHOD=0))
    for output, table, key in (("PAIR_SUMMARY", "pair_summary", ("admin_a", "admin_b")),
                               ("BORDER_CONFLICTS", "border_conflicts", ("conflict_id",)),
                               ("CONFLICT_LINES", "border_conflict_lines", ("conflict_id",)),
                               ("SHARED_BORDERS", "shared_borders", ("admin_a", "admin_b", "status", "length_m"))):
        ours = {tuple(r[k] for k in key): r for r in rows(result[output])}
        theirs = {tuple(r[k] for k in key): r for r in rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))}
        assert set(ours) == set(theirs), table
        for k, row in ours.items():
            for name, value in row.items():
                if name in ("fid", "_wkb") or name.startswith("review") or name == "reviewed_by":
                    continue
                if isinstance(value, float):
                    assert theirs[k][name] == pytest.approx(value, rel=1e-12, abs=1e-9), (table, k, name)
                else:
                    assert theirs[k][name] == value, (table, k, name)


def test_one_layer_per_city(fx: Path) -> None:
    layers = [QgsVectorLayer(f"{fx / 'per_city.gpkg'}|layername={city}", city, "ogr") for city in ("A", "B")]
    assert all(layer.isValid() for layer in layers)
    result = run(params(fx, ELEMENTS=None, CITY_FIELD=None, ELEMENT_LAYERS=layers))
    summary = {(r["admin_a"], r["admin_b"]): r for r in rows(result["PAIR_SUMMARY"])}
    assert summary[("A", "B")]["score"] == pytest.approx(bd.SCORE_AB, abs=1e-6)
    assert result["CONFLICT_COUNT"] == 5


def test_unsaved_edits_count(fx: Path) -> None:
    layer = QgsVectorLayer(f"{fx / 'el.gpkg'}|layername=elements", "elements", "ogr")
    fid = next(f.id() for f in layer.getFeatures() if f["name"] == "Fields-B")
    layer.startEditing()
    layer.changeAttributeValue(fid, layer.fields().indexOf("category"), "ecological_redline")
    try:
        result = run(params(fx, ELEMENTS=layer))
    finally:
        layer.rollBack()
    kinds = sorted(r["kind"] for r in rows(result["CONFLICT_LINES"]))
    assert "category_mismatch" not in kinds  # red line now on both sides: coordinated
    summary = {(r["admin_a"], r["admin_b"]): r for r in rows(result["PAIR_SUMMARY"])}
    assert summary[("A", "B")]["coordinated_m"] == pytest.approx(200, abs=1e-6)


def test_styles(fx: Path) -> None:
    from guotu.border.border_style import style_conflicts_layer, style_segments_layer

    result = run(params(fx))
    segments = result["SHARED_BORDERS"]
    style_segments_layer(segments)
    assert isinstance(segments.renderer(), QgsRuleBasedRenderer)
    filters = [r.filterExpression() for r in segments.renderer().rootRule().children()]
    assert "\"status\" = 'coordinated'" in filters and "\"status\" = 'gap'" in filters
    conflicts = result["BORDER_CONFLICTS"]
    style_conflicts_layer(conflicts)
    labels = [r.label() for r in conflicts.renderer().rootRule().children()]
    assert len(labels) == 5  # reviewed + four kinds
    # English UI: the field names (the Chinese titles are for the Chinese UI, test_column_titles.py).
    assert conflicts.attributeDisplayName(conflicts.fields().indexOf("review_status")) == "review_status"
    QgsProject.instance().clear()


def test_bad_input(fx: Path) -> None:
    with pytest.raises(QgsProcessingException, match="not both, not neither"):
        run(params(fx, ELEMENTS=None, CITY_FIELD=None))
    with pytest.raises(QgsProcessingException, match="has no field \"nope\""):
        run(params(fx, CATEGORY_FIELD="nope"))


def test_fixture_in_degrees_equals_the_cli_and_the_projected_run(fx: Path, tmp_path: Path) -> None:
    """The fixture reprojected to EPSG:4490 (ogr2ogr): the comparison works in EPSG:4548, the zone of
    the data's centre (CM 117E, the original's meridian), says so in the log, and gives the pairs,
    lengths and areas of `guotu border` on the same files (1e-9) and of the run on the EPSG:4527
    original (1e-6 relative: the round trip through degrees). A --crs EPSG:4490 gets the same zone."""
    from osgeo import gdal
    from qgis.core import QgsProcessingFeedback

    deg = {}
    for name in ("admin", "el"):
        deg[name] = tmp_path / f"{name}_4490.gpkg"
        gdal.VectorTranslate(str(deg[name]), str(fx / f"{name}.gpkg"), dstSRS="EPSG:4490", format="GPKG")
    note = "to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the data's centre"
    cli_out = tmp_path / "cli.gpkg"
    cli = bd.run_cli(fx, cli_out, "--threads", "1", "--admin", str(deg["admin"]), "--elements", str(deg["el"]))
    assert cli.returncode == 0 and note in cli.stderr, cli.stderr

    class Log(QgsProcessingFeedback):
        infos: list = []

        def pushInfo(self, info):  # noqa: N802 — QGIS API name
            self.infos.append(info)

    import processing
    log = Log()
    deg_params = params(fx, AREA_METHOD=0, ADMIN=f"{deg['admin']}|layername=admin",
                        ELEMENTS=f"{deg['el']}|layername=elements")
    result = processing.run(ALG, deg_params, feedback=log)
    assert any("EPSG:4548" in i and "Gauss-Krüger zone of the data's centre" in i for i in log.infos), log.infos
    assert result["BORDER_CONFLICTS"].crs().authid() == "EPSG:4548"
    base = run(params(fx, AREA_METHOD=0))
    cli_pairs = {(r["admin_a"], r["admin_b"]): r
                 for r in rows(QgsVectorLayer(f"{cli_out}|layername=pair_summary", "p", "ogr"))}
    for other, rel in ((cli_pairs, 1e-9), ({(r["admin_a"], r["admin_b"]): r for r in rows(base["PAIR_SUMMARY"])},
                                            1e-6)):
        ours = {(r["admin_a"], r["admin_b"]): r for r in rows(result["PAIR_SUMMARY"])}
        assert set(ours) == set(other)
        for k, row in ours.items():
            for name, value in row.items():
                if isinstance(value, float):
                    assert other[k][name] == pytest.approx(value, rel=rel, abs=1e-3), (k, name)
    kinds = sorted((r["kind"], r["detail"], round(r["area_m2"], 2)) for r in rows(result["BORDER_CONFLICTS"]))
    assert kinds == sorted((r["kind"], r["detail"], round(r["area_m2"], 2)) for r in rows(base["BORDER_CONFLICTS"]))
    asked = run(dict(params(fx, AREA_METHOD=0), CRS="EPSG:4490"))
    assert asked["BORDER_CONFLICTS"].crs().authid() == "EPSG:4548"


def test_algorithm_defaults_are_the_core_defaults(guotu) -> None:
    """The algorithm's default distances and thresholds are guotu_border_options_init's."""
    from guotu.binding.border_native import default_options
    from guotu.binding.native import Context
    from guotu.processing.border_conflicts import BorderConflictsAlgorithm as A

    with Context() as ctx:
        library = default_options(ctx)
    assert {option: default for option, default in A.NUMBERS.values()} == \
        pytest.approx({option: library[option] for option, _ in A.NUMBERS.values()})
