"""guotu:threelinescheck on the CLI tests' hand fixture (every rule once), parity with
`guotu lines check`, unsaved edits, fixing the drawing, exceptions, rule subsets."""

from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:threelinescheck"


@pytest.fixture
def fx(tmp_path_factory, tmp_path: Path) -> Path:
    """A private copy of the CLI fixture (ws.gpkg, dltb.gpkg)."""
    return ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")


def run(params: dict) -> dict:
    import processing

    full = {"AREA_METHOD": 1, "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:"}
    full.update(params)
    return processing.run(ALG, full)


def with_landuse(fx: Path, **extra) -> dict:
    params = {"LANDUSE": f"{fx / 'dltb.gpkg'}|layername=dltb", "CLASS_FIELD": "dlbm", "SYSTEM": 1}
    params.update(extra)
    return params


def issue_rows(result: dict) -> list:
    return ld.rows(result["ISSUES"]) + ld.rows(result["ISSUE_POINTS"])


def test_every_rule_once_with_the_hand_values(fx: Path) -> None:
    ws = fx / "ws.gpkg"
    result = run(with_landuse(fx, WORKSPACE=str(ws)))
    rules = ld.by_rule(issue_rows(result))
    for rule in ld.EVERY_RULE_ONCE:
        assert len(rules.get(rule, [])) == 1, (rule, rules.get(rule))
    assert sorted(r["severity"] for r in rules["L03"]) == ["error", "error", "minor"]
    for rule, value in ld.HAND.items():
        assert rules[rule][0]["value"] == pytest.approx(value, abs=1e-6), rule
    assert "让位于生态保护红线" in rules["L04"][0]["suggestion_zh"]
    assert rules["L01"][0]["layer_a"] == "ecological_redline" and rules["L01"][0]["fid_a"] == 3
    assert result["ISSUE_POINTS"].featureCount() == 1  # the bow-tie's self-intersection
    assert all(r["status"] == "open" and r["exception_reason"] == "" for r in issue_rows(result))
    assert rules["L11"][0]["fid_a"] is None and rules["L11"][0]["admin_code"] == "110101"
    stats = {r["admin_code"]: r for r in ld.rows(result["LINE_STATS"])}
    a1 = stats["110101"]
    assert a1["redline_ha"] == pytest.approx(21) and a1["farmland_mu"] == pytest.approx(41.0175 * 15)
    assert (a1["redline_ok"], a1["farmland_ok"], a1["expansion_ok"], a1["share_ok"]) == ("fail",) * 4
    assert a1["cultivated_ha"] == pytest.approx(100) and stats["110102"]["redline_ok"] == ""
    assert stats["110102"]["expansion"] is None  # no 2020 urban land known: NULL, not NaN
    assert result["ISSUE_COUNT"] == 15 and result["ACCEPTED_COUNT"] == 0


def test_plugin_equals_the_cli_on_the_same_workspace(fx: Path, tmp_path: Path) -> None:
    """Same rows, values, fingerprints and geometries as `guotu lines check`, and the same CSV bytes."""
    ws = fx / "ws.gpkg"
    out = tmp_path / "cli.gpkg"
    # The plugin heads the CSV in the UI's language (English here: the field names).
    res = ld.cli_check(fx, ws, out, "--stats-csv", str(tmp_path / "cli.csv"), "--csv-headers", "names")
    assert res.returncode == 0, res.stderr
    layers = {name: ld.ws_layer(ws, name) for name in ("ecological_redline", "permanent_farmland",
                                                       "urban_boundary", "admin_units")}
    result = run(with_landuse(fx, REDLINE=layers["ecological_redline"], FARMLAND=layers["permanent_farmland"],
                              URBAN=layers["urban_boundary"], ADMIN=layers["admin_units"],
                              STATS_CSV=str(tmp_path / "plugin.csv")))
    for table, key in (("issues", "ISSUES"), ("issue_points", "ISSUE_POINTS"), ("line_stats", "LINE_STATS")):
        cli = ld.rows(ld.ws_layer(out, table))
        plugin = ld.rows(result[key])
        assert len(cli) == len(plugin), table
        for c, p in zip(cli, plugin):
            cli_geometry, plugin_geometry = c.pop("_wkb"), p.pop("_wkb")
            c.pop("fid", None)
            assert set(c) == set(p), table
            for name, value in c.items():
                if isinstance(value, float):
                    assert p[name] == pytest.approx(value, rel=1e-12, abs=1e-12), (table, name)
                else:
                    assert p[name] == value, (table, name, c["rule_id"] if "rule_id" in c else c["admin_code"])
            assert cli_geometry == plugin_geometry, table  # the same WKB, byte for byte
    assert (tmp_path / "plugin.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    assert (tmp_path / "plugin.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_unsaved_edits_are_checked_and_fixing_clears_the_issue(fx: Path) -> None:
    """F1 moved out of the red line in the edit buffer (not saved): L04 is gone, L06 stays."""
    ws = fx / "ws.gpkg"
    farmland = ld.ws_layer(ws, "permanent_farmland")
    before = ld.by_rule(issue_rows(run({"WORKSPACE": str(ws), "FARMLAND": farmland})))
    assert len(before["L04"]) == 1
    assert farmland.startEditing()
    fixed = QgsGeometry.fromWkt(ld.b(200, 0, 400, 1000))
    fixed.convertToMultiType()
    assert farmland.changeGeometry(1, fixed)
    after = ld.by_rule(issue_rows(run({"WORKSPACE": str(ws), "FARMLAND": farmland})))
    assert "L04" not in after and len(after["L06"]) == 1
    # The file still holds the old drawing: the check read the edit buffer.
    assert len(ld.by_rule(issue_rows(run({"WORKSPACE": str(ws)})))["L04"]) == 1
    farmland.rollBack()


def _add_exception(ws: Path, rule: str, fingerprint: str, reason: str) -> None:
    table = ld.ws_layer(ws, "exceptions")
    from qgis.core import QgsFeature

    feature = QgsFeature(table.fields())
    feature["rule_id"], feature["fingerprint"], feature["reason"] = rule, fingerprint, reason
    assert table.dataProvider().addFeatures([feature])[0]


def test_an_exception_survives_reruns_and_lapses_when_the_feature_changes(fx: Path) -> None:
    ws = fx / "ws.gpkg"
    l05 = ld.by_rule(issue_rows(run({"WORKSPACE": str(ws)})))["L05"][0]
    _add_exception(ws, "L05", l05["fingerprint"], "市政道路线性工程，经论证允许")
    result = run({"WORKSPACE": str(ws)})
    rules = ld.by_rule(issue_rows(result))
    assert rules["L05"][0]["status"] == "accepted"
    assert rules["L05"][0]["exception_reason"] == "市政道路线性工程，经论证允许"
    assert rules["L04"][0]["status"] == "open" and result["ACCEPTED_COUNT"] == 1
    # The red line layer of a workspace brings its exceptions table along, without WORKSPACE.
    redline = ld.ws_layer(ws, "ecological_redline")
    layers = {"REDLINE": redline, "FARMLAND": ld.ws_layer(ws, "permanent_farmland"),
              "URBAN": ld.ws_layer(ws, "urban_boundary"), "ADMIN": ld.ws_layer(ws, "admin_units")}
    assert ld.by_rule(issue_rows(run(layers)))["L05"][0]["status"] == "accepted"
    # Redraw the urban patch involved (U2, fid 2): the exception lapses.
    urban = layers["URBAN"]
    assert urban.startEditing()
    moved = QgsGeometry.fromWkt(ld.b(40, 950, 100, 1000))
    moved.convertToMultiType()
    assert urban.changeGeometry(2, moved)
    assert ld.by_rule(issue_rows(run(layers)))["L05"][0]["status"] == "open"
    assert urban.commitChanges()
    assert ld.by_rule(issue_rows(run({"WORKSPACE": str(ws)})))["L05"][0]["status"] == "open"


def test_a_subset_of_rules_and_the_gap_band(fx: Path) -> None:
    ws = fx / "ws.gpkg"
    subset = run({"WORKSPACE": str(ws), "RULES": [3, 5]})  # L04, L06
    assert {r["rule_id"] for r in issue_rows(subset)} == {"L04", "L06"}
    farmland = ld.ws_layer(ws, "permanent_farmland")
    assert farmland.startEditing()
    from qgis.core import QgsFeature

    f9 = QgsFeature(farmland.fields())
    g = QgsGeometry.fromWkt(ld.b(1500, 100.4, 1600, 200))
    g.convertToMultiType()
    f9.setGeometry(g)
    assert farmland.addFeature(f9)  # an unsaved new feature (negative fid)
    gaps = ld.by_rule(issue_rows(run({"WORKSPACE": str(ws), "FARMLAND": farmland})))["L09"]
    assert len(gaps) == 2 and all(g["value"] == pytest.approx(0.4, abs=1e-6) for g in gaps)
    assert any(g["fid_a"] < 0 or (g["fid_b"] or 0) < 0 for g in gaps)
    none = run({"WORKSPACE": str(ws), "FARMLAND": farmland, "GAP_MIN": 0.5, "GAP_MAX": 2})
    assert "L09" not in ld.by_rule(issue_rows(none))
    farmland.rollBack()


def test_thresholds_default_to_the_library_and_spec(guotu) -> None:
    from guotu.lines.lines_check import DEFAULTS
    from guotu.binding.lines_native import default_options
    from guotu.binding.native import Context

    with Context() as ctx:
        library = default_options(ctx)
    assert {k: library[k] for k in DEFAULTS} == pytest.approx(DEFAULTS)
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    assert algorithm.parameterDefinition("SLIVER_WIDTH").defaultValue() == 1.0
    assert algorithm.parameterDefinition("MIN_PATCH").defaultValue() == 50.0
    assert algorithm.parameterDefinition("EXPANSION_CAP").defaultValue() == 1.3
    assert algorithm.parameterDefinition("FARMLAND_SHARE").defaultValue() == 0.8


def test_urban_2020_layer_replaces_the_attribute(fx: Path, tmp_path: Path) -> None:
    """3 ha of 2020 urban land drawn in A1 (the attribute says 3 too); drawing 4 ha gives
    4.25 ÷ 4 = 1.0625 ≤ 1.3: L11 passes."""
    from qgis.core import QgsFeature

    urban = QgsVectorLayer("MultiPolygon?crs=EPSG:4527&field=kind:string", "2020 urban", "memory")
    feature = QgsFeature(urban.fields())
    g = QgsGeometry.fromWkt(ld.b(600, 600, 800, 800))
    g.convertToMultiType()
    feature.setGeometry(g)
    urban.dataProvider().addFeatures([feature])
    result = run({"WORKSPACE": str(fx / "ws.gpkg"), "URBAN_2020": urban})
    stats = {r["admin_code"]: r for r in ld.rows(result["LINE_STATS"])}
    assert stats["110101"]["urban_2020_ha"] == pytest.approx(4.0)
    assert stats["110101"]["expansion"] == pytest.approx(4.25 / 4) and stats["110101"]["expansion_ok"] == "pass"
    assert stats["110102"]["urban_2020_ha"] == pytest.approx(0.0)
    assert "L11" not in ld.by_rule(issue_rows(result))


def test_outputs_loaded_styled_by_severity(fx: Path) -> None:
    import processing

    project = QgsProject.instance()
    try:
        processing.runAndLoadResults(ALG, {"WORKSPACE": str(fx / "ws.gpkg"), "AREA_METHOD": 1,
                                           "ISSUES": "memory:", "ISSUE_POINTS": "memory:",
                                           "LINE_STATS": "memory:"})
        loaded = {layer.name(): layer for layer in project.mapLayers().values()}
        issues, points = loaded["Three-lines issues"], loaded["Three-lines issue points"]
        for layer in (issues, points):
            renderer = layer.renderer()
            assert isinstance(renderer, QgsRuleBasedRenderer)
            rules = renderer.rootRule().children()
            colours = {rule.label(): rule.symbol().color().name() for rule in rules}
            assert colours["Error"] == "#e31a1c" and colours["Warning"] == "#ff7f00"
            assert colours["Minor"] == "#ffd92f" and colours["Accepted exception"] == "#bdbdbd"
            assert layer.labelsEnabled()
        assert points.renderer().rootRule().children()[1].symbol().type() == 0  # marker: L01 as points
        stats = loaded["Three-lines statistics"]
        assert stats.attributeDisplayName(stats.fields().indexOf("farmland_mu")) == "farmland_mu"  # English UI
    finally:
        project.removeAllMapLayers()


def test_headless_qgis_process(fx: Path, plugin_root: Path, tmp_path: Path) -> None:
    """qgis_process runs the check on a workspace file, as a batch job would."""
    import os
    import subprocess

    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    qgis_process = "/usr/bin/qgis_process.bin"
    enable = subprocess.run([qgis_process, "plugins", "enable", "guotu"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    out = tmp_path / "issues.gpkg"
    run_ = subprocess.run([qgis_process, "run", ALG, "--", f"WORKSPACE={fx / 'ws.gpkg'}", "AREA_METHOD=1",
                           f"ISSUES={out}", f"ISSUE_POINTS={tmp_path / 'points.gpkg'}",
                           f"LINE_STATS={tmp_path / 'stats.gpkg'}", f"STATS_CSV={tmp_path / 'stats.csv'}"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert run_.returncode == 0, run_.stdout + run_.stderr
    issues = QgsVectorLayer(str(out), "issues", "ogr")
    assert issues.featureCount() == 13  # 14 issues without land use (no L14), L01 in the points
    assert (tmp_path / "stats.csv").read_bytes().startswith(b"\xef\xbb\xbf")


# ---- the planner's own layers (issue #15) ----

class _Log:
    """A feedback that keeps the warnings pushed to the log."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.warnings = []

            def pushWarning(self, warning):  # noqa: N802 — QGIS API name
                self.warnings.append(warning)
                super().pushWarning(warning)

        return Feedback()


def _same_tables(cli_out: Path, result: dict) -> None:
    """The CLI's output tables and the plugin's outputs hold the same rows (geometries byte for
    byte, numbers to 1e-12)."""
    for table, key in (("issues", "ISSUES"), ("issue_points", "ISSUE_POINTS"), ("line_stats", "LINE_STATS"),
                       ("notes", "NOTES")):
        cli = ld.rows(ld.ws_layer(cli_out, table))
        plugin = ld.rows(result[key])
        assert len(cli) == len(plugin), (table, cli, plugin)
        for c, p in zip(cli, plugin):
            assert c.pop("_wkb") == p.pop("_wkb"), table
            c.pop("fid", None)
            assert set(c) == set(p), table
            for name, value in c.items():
                if isinstance(value, float):
                    assert p[name] == pytest.approx(value, rel=1e-12, abs=1e-12), (table, name)
                else:
                    assert p[name] == value, (table, name)


def test_delivered_layers_with_own_fields_equal_the_cli(fx: Path, tmp_path: Path) -> None:
    """The lines from a File Geodatabase, the admin units from a GBK shapefile (.cpg) with
    upper-case fields of their own, no workspace: the plugin maps the fields as the CLI's
    options do and gives the CLI's issues, statistics and notes; the workspace's issues come
    out (the missing cap field: the cap 1.3 for every unit, noted)."""
    made = ld.make_delivered(fx)
    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", "--area", "planar", "--landuse", str(fx / "dltb.gpkg"), "--class-field",
                     "dlbm", *ld.delivered_cli_args(made), "--redline-target", "HXRWMJ", "--farmland-target",
                     "NTRWMJ", "--urban-2020-field", "CZYD2020", "-o", str(out))
    assert res.returncode == 0, res.stderr
    import processing

    log = _Log()
    result = processing.run(ALG, {**ld.delivered_layers(made), **with_landuse(fx), "AREA_METHOD": 1,
                                  "REDLINE_TARGET": "hxrwmj", "FARMLAND_TARGET": "NTRWMJ",
                                  "URBAN_2020_FIELD": "CZYD2020", "ISSUES": "memory:", "ISSUE_POINTS": "memory:",
                                  "LINE_STATS": "memory:", "NOTES": "memory:"}, feedback=log)
    _same_tables(out, result)
    rules = ld.by_rule(issue_rows(result))
    for rule in ld.EVERY_RULE_ONCE:
        assert len(rules.get(rule, [])) == 1, rule
    for rule, value in ld.HAND.items():
        assert rules[rule][0]["value"] == pytest.approx(value, abs=1e-4), rule
    notes = [(r["rule_id"], r["note_en"]) for r in ld.rows(result["NOTES"])]
    assert ("L11", "L11: the admin units have no field 'expansion_cap'; the cap 1.3 applies to every unit") in notes
    assert ("L12", "L12 not checked in 1 of 2 admin units (no farmland target): 110102") in notes
    assert "no exceptions table: every issue is open" in log.warnings
    assert "L11: the admin units have no field 'expansion_cap'; the cap 1.3 applies to every unit" in log.warnings


def test_missing_targets_are_noted_not_checked_and_shown_empty(fx: Path, tmp_path: Path) -> None:
    """Admin units with only XZQDM and XZQMC: L11-L14 are not checked, the log and the notes
    say so in the CLI's words, the statistics show no target and no verdict (NULL, not 0),
    and CLI and plugin agree."""
    made = ld.make_delivered(fx, {"xzqdm": "XZQDM", "xzqmc": "XZQMC"})
    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", "--area", "planar", *ld.delivered_cli_args(made), "-o", str(out))
    assert res.returncode == 0, res.stderr
    import processing

    log = _Log()
    result = processing.run(ALG, {**ld.delivered_layers(made), "AREA_METHOD": 1, "ISSUES": "memory:",
                                  "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:", "NOTES": "memory:"},
                            feedback=log)
    _same_tables(out, result)
    assert not {"L11", "L12", "L13", "L14"} & set(ld.by_rule(issue_rows(result)))
    notes = {r["rule_id"]: r["note_en"] for r in ld.rows(result["NOTES"])}
    assert notes["L13"] == "L13 red line below target: not checked, the admin units have no field 'erl_target_ha'"
    assert notes["L12"].startswith("L12 farmland below target: not checked")
    assert notes["L11"].startswith("L11 urban expansion over the cap: not checked")
    assert notes["L14"].startswith("L14 farmland below the share of cultivated land: not checked")
    assert notes["L13"] in log.warnings
    a1 = {r["admin_code"]: r for r in ld.rows(result["LINE_STATS"])}["110101"]
    assert a1["admin_name"] == "甲区" and a1["redline_ha"] == pytest.approx(21)
    assert (a1["redline_target_ha"], a1["farmland_target_ha"], a1["urban_2020_ha"], a1["expansion"]) == (None,) * 4
    assert (a1["redline_ok"], a1["farmland_ok"], a1["expansion_ok"], a1["share_ok"]) == ("",) * 4


def test_upper_case_fields_and_a_mix_with_the_workspace_give_the_workspace_issues(fx: Path, tmp_path: Path) -> None:
    """Parity: the workspace's admin units delivered with every field in upper case (found by
    the known names in any case) replacing the workspace's, and the workspace's own run, give
    the same issues (fingerprints too) and statistics."""
    made = ld.make_delivered(fx, {"xzqdm": "XZQDM", "xzqmc": "XZQMC", "erl_target_ha": "ERL_TARGET",
                                  "pbf_target_ha": "PBF_TARGET", "urban_2020_ha": "URBAN_2020",
                                  "expansion_cap": "EXPANSION_"})
    ws = fx / "ws.gpkg"
    base = run(with_landuse(fx, WORKSPACE=str(ws), NOTES="memory:"))
    admin = QgsVectorLayer(made["shp"], "xzq", "ogr")
    mixed = run(with_landuse(fx, WORKSPACE=str(ws), ADMIN=admin, REDLINE_TARGET="erl_target",
                             FARMLAND_TARGET="pbf_target", URBAN_2020_FIELD="URBAN_2020",
                             EXPANSION_CAP_FIELD="expansion_", NOTES="memory:"))
    for key in ("ISSUES", "ISSUE_POINTS", "LINE_STATS", "NOTES"):
        got, want = ld.rows(mixed[key]), ld.rows(base[key])
        for row in got + want:
            if row.get("layer_a") == "":
                row.pop("_wkb")  # L11-L13 draw the admin unit: a shapefile stores its rings its own way
        assert got == want, key
    assert ld.by_rule(issue_rows(mixed))["L13"][0]["value"] == pytest.approx(-9.0)
    # A field chosen that the layer does not have is an error naming the layer and its fields.
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as info:
        run({"WORKSPACE": str(ws), "ADMIN": admin, "REDLINE_TARGET": "HXRW"})
    assert "HXRW" in str(info.value) and "xzq" in str(info.value) and "ERL_TARGET" in str(info.value)


def test_the_workspace_alone_still_needs_no_field_choice(fx: Path) -> None:
    """Field parameters left empty (a NULL from the dialog) fall back on the known names."""
    from qgis.PyQt.QtCore import QVariant

    result = run(with_landuse(fx, WORKSPACE=str(fx / "ws.gpkg"), ADMIN_ID=QVariant(), ADMIN_NAME="",
                              REDLINE_TARGET=QVariant(), NOTES="memory:"))
    rules = ld.by_rule(issue_rows(result))
    assert len(rules["L13"]) == 1 and result["ISSUE_COUNT"] == 15
    notes = {r["rule_id"]: r["note_en"] for r in ld.rows(result["NOTES"])}
    assert notes["L13"] == "L13 not checked in 1 of 2 admin units (no red-line target): 110102"


# ---- geographic data (SPEC §8: the Gauss-Krüger zone of the data's centre) ----

def _issues(layer_rows: list) -> list:
    """(rule, layer, fid, other fid, admin code, value) of each issue, sorted."""
    return sorted((r["rule_id"], r["layer_a"] or "", r["fid_a"] or 0, r["fid_b"] or 0, r["admin_code"] or "",
                   round(r["value"], 6)) for r in layer_rows)


def test_workspace_in_degrees_cli_and_qgis_process_agree_with_the_projected_run(fx: Path, tmp_path: Path,
                                                                                 plugin_root: Path) -> None:
    """The fixture's workspace reprojected to EPSG:4490 (ogr2ogr, as a province would deliver it):
    `guotu lines check`, qgis_process and processing.run all work in EPSG:4548 (CM 117E, the zone of
    the data's centre), say so in the notes, and give the issues of the run on the EPSG:4527
    original: values to 1e-6 (ellipsoidal areas; the zone has the original's meridian and scale).
    One issue more in degrees: the 0.5 m strip of farmland 6 ends exactly on the admin border
    x = 1000, which a nanometre of round trip through degrees turns into a crossing (L10) — a
    "minor" one, its part across the border far below a square metre, not a warning."""
    import os
    import subprocess
    from osgeo import gdal

    degrees = tmp_path / "ws_4490.gpkg"
    gdal.VectorTranslate(str(degrees), str(fx / "ws.gpkg"), dstSRS="EPSG:4490", format="GPKG")
    note = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
            "data's centre; outputs are in EPSG:4548")
    base, cli = tmp_path / "base.gpkg", tmp_path / "cli.gpkg"
    assert ld.run_cli("lines", "check", "--workspace", str(fx / "ws.gpkg"), "-o", str(base)).returncode == 0
    res = ld.run_cli("lines", "check", "--workspace", str(degrees), "-o", str(cli))
    assert res.returncode == 0 and note in res.stderr, res.stderr
    cli_rows = ld.rows(ld.ws_layer(cli, "issues")) + ld.rows(ld.ws_layer(cli, "issue_points"))
    want = _issues(ld.rows(ld.ws_layer(base, "issues")) + ld.rows(ld.ws_layer(base, "issue_points")))
    extra = [i for i in _issues(cli_rows) if i not in want]
    assert [(i[0], i[1], i[2]) for i in extra] == [("L10", "permanent_farmland", 6)], extra
    crossing = [r for r in cli_rows if r["rule_id"] == "L10" and r["fid_a"] == 6]
    assert [r["severity"] for r in crossing] == ["minor"], crossing
    assert "by only 0.0000 m²" in crossing[0]["message_en"], crossing
    assert [i for i in _issues(cli_rows) if i not in extra] == want
    # processing.run on the same file, ellipsoidal as the CLI's default
    result = run({"WORKSPACE": str(degrees), "AREA_METHOD": 0, "NOTES": "memory:"})
    assert note in [r["note_en"] for r in ld.rows(result["NOTES"])]
    assert result["ISSUES"].crs().authid() == "EPSG:4548"
    assert _issues(issue_rows(result)) == _issues(cli_rows)
    # Planar areas with the land use: its tally by unit (L14) is made in the zone too, as the CLI's.
    planar_cli = tmp_path / "planar_cli.gpkg"
    assert ld.cli_check(fx, degrees, planar_cli).returncode == 0
    planar = run(with_landuse(fx, WORKSPACE=str(degrees)))
    want = {r["admin_code"]: r for r in ld.rows(ld.ws_layer(planar_cli, "line_stats"))}
    for row in ld.rows(planar["LINE_STATS"]):
        assert row["cultivated_ha"] == pytest.approx(want[row["admin_code"]]["cultivated_ha"], rel=1e-9)
    assert want["110101"]["cultivated_ha"] == pytest.approx(100, rel=1e-6)
    # qgis_process, as a batch job would run it
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    qgis_process = "/usr/bin/qgis_process.bin"
    assert subprocess.run([qgis_process, "plugins", "enable", "guotu"], env=env, capture_output=True,
                          timeout=60).returncode == 0
    out = tmp_path / "qp.gpkg"
    run_ = subprocess.run([qgis_process, "run", ALG, "--", f"WORKSPACE={degrees}", "AREA_METHOD=0",
                           f"ISSUES={out}", f"ISSUE_POINTS={tmp_path / 'qp_points.gpkg'}",
                           f"LINE_STATS={tmp_path / 'qp_stats.gpkg'}", f"NOTES={tmp_path / 'qp_notes.gpkg'}"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert run_.returncode == 0, run_.stdout + run_.stderr
    issues = QgsVectorLayer(str(out), "issues", "ogr")
    points = QgsVectorLayer(str(tmp_path / "qp_points.gpkg"), "points", "ogr")
    assert issues.crs().authid() == "EPSG:4548"
    assert _issues(ld.rows(issues) + ld.rows(points)) == _issues(cli_rows)
    notes = QgsVectorLayer(str(tmp_path / "qp_notes.gpkg"), "notes", "ogr")
    assert note in [r["note_en"] for r in ld.rows(notes)]
