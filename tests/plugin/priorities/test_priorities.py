"""guotu:rulingobjective and guotu:paretosites on the shared fixture (tests/priorities_fixture.py):
hand-computed areas, fronts known by construction, the same rows as `guotu priorities rule /
rank`, styles, the report with its scatter plot, and refusals."""

import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRuleBasedRenderer, QgsVectorLayer

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import priorities_fixture as fx  # noqa: E402
from lines_data import rows  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


def run(alg: str, p: dict) -> dict:
    import processing

    return processing.run(alg, p)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BUILD_DIR / "core" / "guotu"), "priorities", *args], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def rule_inputs(tmp_path: Path) -> dict:
    return {"zones": fx.write_zones(tmp_path / "hx.gpkg"), "landuse": fx.write_landuse(tmp_path / "dltb.gpkg"),
            "admin": fx.write_admin(tmp_path / "xzq.gpkg"), "dir": tmp_path}


def rule_params(i: dict, **extra) -> dict:
    p = {"ZONES": str(i["zones"]), "TYPE_FIELD": "GNLX", "LANDUSE": str(i["landuse"]), "CLASS_FIELD": "DLBM",
         "DEDUCTION_FIELD": "KCXS", "ADMIN": str(i["admin"]), "ADMIN_ID": "XZQDM", "ADMIN_NAME": "XZQMC",
         "AREA_METHOD": 1, "CONTROLLED": "memory:", "ZONE_SUMMARY": "memory:", "ADMIN_SUMMARY": "memory:"}
    p.update(extra)
    return p


def test_water_source_zone_flags_farmland(rule_inputs: dict) -> None:
    result = run("guotu:rulingobjective", rule_params(rule_inputs))
    pieces = rows(result["CONTROLLED"])
    assert result["PIECES"] == len(pieces) == 7
    farmland = [p for p in pieces if p["landuse_fid"] == 1 and p["zone_fid"] == 1]
    assert len(farmland) == 1
    assert (farmland[0]["zone_type"], farmland[0]["objective"], farmland[0]["rank"]) == ("水源涵养", "水源涵养", 1)
    assert farmland[0]["area_ha"] == pytest.approx(10.0, abs=1e-9)
    assert farmland[0]["net_ha"] == pytest.approx(9.0, abs=1e-9)
    zones = {z["fid_in"]: z for z in rows(result["ZONE_SUMMARY"])}
    for fid, (ha, net, n) in fx.ZONE_EXPECTED.items():
        assert zones[fid]["controlled_ha"] == pytest.approx(ha, abs=1e-9)
        assert zones[fid]["net_ha"] == pytest.approx(net, abs=1e-9)
        assert zones[fid]["pieces"] == n
    admins = {a["code"]: a for a in rows(result["ADMIN_SUMMARY"])}
    for code, ha in fx.ADMIN_EXPECTED.items():
        assert admins[code]["controlled_ha"] == pytest.approx(ha, abs=1e-9)


def _same_rows(ours: list, theirs: list, key, skip=("_wkb",)) -> None:
    assert len(ours) == len(theirs)
    ours = sorted(ours, key=key)
    theirs = sorted(theirs, key=key)
    for a, b in zip(ours, theirs):
        for name, value in a.items():
            if name in skip:
                continue
            if isinstance(value, float):
                assert value == pytest.approx(b[name], rel=1e-12, abs=1e-12) or (
                    math.isinf(value) and math.isinf(b[name])), name
            else:
                assert value == b[name], name


def test_rule_same_rows_as_the_cli(rule_inputs: dict) -> None:
    out = rule_inputs["dir"] / "cli.gpkg"
    res = cli("rule", "--zones", str(rule_inputs["zones"]), "--type-field", "GNLX", "--landuse",
              str(rule_inputs["landuse"]), "--deduction-field", "KCXS", "--admin", str(rule_inputs["admin"]),
              "--admin-name", "XZQMC", "-o", str(out))
    assert res.returncode == 0, res.stderr
    result = run("guotu:rulingobjective", rule_params(rule_inputs, AREA_METHOD=0))  # ellipsoidal, as the CLI
    for name, table in (("CONTROLLED", "controlled_land"), ("ZONE_SUMMARY", "zone_summary"),
                        ("ADMIN_SUMMARY", "admin_summary")):
        theirs = rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        ours = rows(result[name])
        for r in theirs:
            r.pop("fid", None)
        key = (lambda r: (r["landuse_fid"], r["zone_fid"], r["admin_code"])) if table == "controlled_land" \
            else (lambda r: r["fid_in"])
        _same_rows(ours, theirs, key)
    layer = result["CONTROLLED"]
    assert sum(r["area_ha"] for r in rows(layer)) != pytest.approx(25.0, abs=1e-9)  # ellipsoidal, not planar


def rank_params(sites: Path, **extra) -> dict:
    p = {"SITES": str(sites), "SITE_ID": "DKBH", "OBJECTIVES": "cost:min, benefit:max",
         "LEXICOGRAPHIC": "cost,benefit", "RANKED": "memory:"}
    p.update(extra)
    return p


def test_fronts_known_by_construction_and_the_cli(tmp_path: Path) -> None:
    sites = fx.write_sites(tmp_path / "sites.gpkg")
    result = run("guotu:paretosites", rank_params(sites))
    ranked = sorted(rows(result["RANKED"]), key=lambda r: r["site_fid"])
    assert [r["front"] for r in ranked] == fx.FRONTS
    assert [r["site_id"] for r in ranked] == [f"S{i}" for i in range(1, 10)]
    assert result["FIRST_FRONT"] == 4
    assert [r["lex_rank"] for r in ranked] == [1, 3, 7, 3, 6, 9, 2, 8, 5]
    assert ranked[1]["crowding"] == pytest.approx(2.0) and math.isinf(ranked[0]["crowding"])
    out = tmp_path / "cli.gpkg"
    res = cli("rank", "--sites", str(sites), "--site-id", "DKBH", "--objective", "cost:min", "--objective",
              "benefit:max", "--lexicographic", "cost,benefit", "-o", str(out))
    assert res.returncode == 0, res.stderr
    theirs = rows(QgsVectorLayer(f"{out}|layername=ranked_sites", "r", "ogr"))
    for r in theirs:
        r.pop("fid", None)
    _same_rows(ranked, theirs, lambda r: r["site_fid"])


def test_computed_objectives_and_the_cli(tmp_path: Path) -> None:
    paths = fx.write_scored(tmp_path)
    objectives = ["area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
                  "redline_contact_m:max", "cost:min"]
    result = run("guotu:paretosites", rank_params(
        paths["sites"], SITE_ID="", OBJECTIVES=",".join(objectives), LEXICOGRAPHIC="", LANDUSE=str(paths["landuse"]),
        DEDUCTION_FIELD="KCXS", TARGET="0301", REDLINE=str(paths["redline"]), AREA_METHOD=1))
    ranked = sorted(rows(result["RANKED"]), key=lambda r: r["site_fid"])
    for got, want in zip(ranked, fx.SCORED_EXPECTED):
        for key, value in want.items():
            assert got[key] == pytest.approx(value, abs=1e-9), key
    out = tmp_path / "cli.gpkg"
    args = [a for o in objectives for a in ("--objective", o)]
    res = cli("rank", "--sites", str(paths["sites"]), *args, "--landuse", str(paths["landuse"]), "--deduction-field",
              "KCXS", "--target", "0301", "--redline", str(paths["redline"]), "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    theirs = rows(QgsVectorLayer(f"{out}|layername=ranked_sites", "r", "ogr"))
    for r in theirs:
        r.pop("fid", None)
    _same_rows(ranked, theirs, lambda r: r["site_fid"])


def test_geographic_sites_ranked_in_the_zone_as_the_cli(tmp_path: Path) -> None:
    """The scored fixture in EPSG:4490 (ogr2ogr): the distances to the red line are measured in the
    Gauss-Krüger zone of all the layers' centre (EPSG:4548, the fixture's meridian), the log says so,
    the ranked layer is in it, and the rows are `guotu priorities rank`'s on the same files (and the
    scores of the projected fixture to 1e-6)."""
    from osgeo import gdal
    from qgis.core import QgsProcessingFeedback
    import processing

    paths = fx.write_scored(tmp_path)
    deg = {}
    for name in ("sites", "landuse", "redline"):
        deg[name] = tmp_path / f"{name}_4490.gpkg"
        gdal.VectorTranslate(str(deg[name]), str(paths[name]), dstSRS="EPSG:4490", format="GPKG")
    objectives = ["area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
                  "redline_contact_m:max", "cost:min"]

    class Log(QgsProcessingFeedback):
        infos: list = []

        def pushInfo(self, info):  # noqa: N802 — QGIS API name
            self.infos.append(info)

    log = Log()
    result = processing.run("guotu:paretosites", rank_params(
        deg["sites"], SITE_ID="", OBJECTIVES=",".join(objectives), LEXICOGRAPHIC="", LANDUSE=str(deg["landuse"]),
        DEDUCTION_FIELD="KCXS", TARGET="0301", REDLINE=str(deg["redline"]), AREA_METHOD=0), feedback=log)
    assert any("EPSG:4548" in i and "Gauss-Krüger zone of the data's centre" in i for i in log.infos), log.infos
    assert result["RANKED"].crs().authid() == "EPSG:4548"
    ranked = sorted(rows(result["RANKED"]), key=lambda r: r["site_fid"])
    out = tmp_path / "cli.gpkg"
    args = [a for o in objectives for a in ("--objective", o)]
    res = cli("rank", "--sites", str(deg["sites"]), *args, "--landuse", str(deg["landuse"]), "--deduction-field",
              "KCXS", "--target", "0301", "--redline", str(deg["redline"]), "-o", str(out))
    assert res.returncode == 0 and "to EPSG:4548" in res.stderr, res.stderr
    theirs = rows(QgsVectorLayer(f"{out}|layername=ranked_sites", "r", "ogr"))
    for r in theirs:
        r.pop("fid", None)
    _same_rows(ranked, theirs, lambda r: r["site_fid"])
    base = sorted(rows(run("guotu:paretosites", rank_params(
        paths["sites"], SITE_ID="", OBJECTIVES=",".join(objectives), LEXICOGRAPHIC="", LANDUSE=str(paths["landuse"]),
        DEDUCTION_FIELD="KCXS", TARGET="0301", REDLINE=str(paths["redline"]), AREA_METHOD=0))["RANKED"]),
        key=lambda r: r["site_fid"])
    for got, want in zip(ranked, base):
        for name in ("area_ha", "forest_gain_ha", "cultivated_change_ha", "redline_distance_m", "redline_contact_m"):
            assert got[name] == pytest.approx(want[name], rel=1e-6, abs=1e-6), name


def test_report_has_the_scatter_plot_and_the_first_front(tmp_path: Path) -> None:
    sites = fx.write_sites(tmp_path / "sites.gpkg")
    pdf = tmp_path / "report.pdf"
    result = run("guotu:paretosites", rank_params(sites, REPORT=str(pdf)))
    assert Path(result["REPORT"]) == pdf and pdf.is_file()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Pareto ranking of candidate sites" in text
    assert "cost (minimise)" in text and "benefit (maximise)" in text
    assert "4 sites on the first front" in text
    # the first-front table: sites 1, 2, 3, 4 (fids of the fixture), no others
    table = text[text.index("First front"):]
    names = set(re.findall(r"^(S\d+)$", table, re.M))
    assert names == {"S1", "S2", "S3", "S4"}
    # the plot is drawn: a rasterised page has the front colours in it
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "1", "-l", "1", str(pdf), str(png)], check=True)
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(next(tmp_path.glob("page*.png"))))
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())]

    def near(c, rgb) -> bool:
        return all(abs(a - b) <= 12 for a, b in zip((c.red(), c.green(), c.blue()), rgb))

    assert any(near(c, (26, 150, 65)) for c in colours)  # front 1 points
    assert any(near(c, (0, 68, 27)) for c in colours)  # the front line
    assert any(near(c, (200, 200, 200)) for c in colours)  # front 4


def test_ranked_layer_is_styled_by_front(tmp_path: Path) -> None:
    from guotu.priorities.priorities_style import style_ranked_layer

    result = run("guotu:paretosites", rank_params(fx.write_sites(tmp_path / "s.gpkg")))
    layer = result["RANKED"]
    style_ranked_layer(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    rules = [r.filterExpression() for r in renderer.rootRule().children()]
    assert rules == ['"front" = 1', '"front" = 2', '"front" = 3', '"front" >= 4']


def test_refusals(tmp_path: Path) -> None:
    sites = fx.write_sites(tmp_path / "s.gpkg", [(1.0, None), (2.0, 3.0)])
    with pytest.raises(QgsProcessingException, match=r"feature 1.*'benefit'"):
        run("guotu:paretosites", rank_params(sites, LEXICOGRAPHIC=""))
    with pytest.raises(QgsProcessingException, match="NAME:min"):
        run("guotu:paretosites", rank_params(sites, OBJECTIVES="cost:lowest"))
    with pytest.raises(QgsProcessingException, match="red-line layer"):
        run("guotu:paretosites", rank_params(sites, OBJECTIVES="redline_distance_m:min", LEXICOGRAPHIC=""))
    zones = fx.write_zones(tmp_path / "hx.gpkg")
    from osgeo import ogr

    numeric = fx.write(tmp_path / "num.gpkg", "DLTB", [("DLBM", ogr.OFTInteger)], [({"DLBM": 101}, fx.box(0, 0, 9, 9))])
    with pytest.raises(QgsProcessingException, match="is numeric"):
        run("guotu:rulingobjective", {"ZONES": str(zones), "TYPE_FIELD": "GNLX", "LANDUSE": str(numeric),
                                      "CLASS_FIELD": "DLBM", "CONTROLLED": "memory:", "ZONE_SUMMARY": "memory:",
                                      "ADMIN_SUMMARY": "memory:"})
    with pytest.raises(QgsProcessingException, match="zone type field"):
        run("guotu:rulingobjective", {"ZONES": str(zones), "LANDUSE": str(fx.write_landuse(tmp_path / "l.gpkg")),
                                      "CLASS_FIELD": "DLBM",
                                      "CONTROLLED": "memory:", "ZONE_SUMMARY": "memory:", "ADMIN_SUMMARY": "memory:"})


def _crowding_by_definition(points, fronts, directions):
    """Deb's crowding distance as docs/domain.md §11 states it: per front, on distinct scores,
    (next − previous distinct value) ÷ (max − min) per objective, infinite at the extremes, no
    contribution from an objective the whole front shares; fronts of one or two distinct scores
    infinite; equal sites share their value."""
    k = len(directions)
    scores = [[v * -d for v, d in zip(p, directions)] for p in points]
    out = [0.0] * len(points)
    for front in set(fronts):
        groups = {}
        for i, f in enumerate(fronts):
            if f == front:
                groups.setdefault(tuple(scores[i]), []).append(i)
        distance = {key: (math.inf if len(groups) <= 2 else 0.0) for key in groups}
        for j in range(k if len(groups) > 2 else 0):
            values = sorted({key[j] for key in groups})
            low, high = values[0], values[-1]
            if high <= low:
                continue
            for key in groups:
                pos = values.index(key[j])
                distance[key] += math.inf if key[j] in (low, high) else \
                    (values[pos + 1] - values[pos - 1]) / (high - low)
        for key, members in groups.items():
            for i in members:
                out[i] = distance[key]
    return out


def test_crowding_distance_follows_its_definition() -> None:
    """Random scores with many ties, 2 to 4 objectives, mixed directions."""
    import random

    from guotu.binding.native import Context
    from guotu.binding.priorities_native import pareto_rank

    rng = random.Random(3)
    with Context() as ctx:
        for _ in range(30):
            k = rng.choice([2, 3, 4])
            points = [tuple(float(rng.randint(0, 6)) for _ in range(k)) for _ in range(rng.randint(5, 300))]
            directions = [rng.choice([-1, 1]) for _ in range(k)]
            fronts, crowding = pareto_rank(ctx, points, directions)
            for got, want in zip(crowding, _crowding_by_definition(points, fronts, directions)):
                assert (math.isinf(got) and math.isinf(want)) or got == pytest.approx(want, abs=1e-12)


class _CancelOnFirstProgress:
    """A feedback that cancels at its first progress report."""

    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        feedback = QgsProcessingFeedback()
        feedback.progressChanged.connect(lambda _percent: feedback.cancel())
        return feedback


def test_cancel_stops_both_algorithms_and_they_run_again(rule_inputs: dict, tmp_path: Path) -> None:
    import processing

    sites = fx.write_sites(tmp_path / "sites.gpkg")
    for alg, p in (("guotu:rulingobjective", rule_params(rule_inputs)), ("guotu:paretosites", rank_params(sites))):
        feedback = _CancelOnFirstProgress.make()
        with pytest.raises(QgsProcessingException, match="cancelled"):
            processing.run(alg, p, feedback=feedback)
        assert feedback.isCanceled()
        assert run(alg, p)  # QGIS and the plugin still work: the same run completes


def test_core_cancels_the_site_objectives(guotu) -> None:
    from guotu.binding.errors import GuotuCancelled
    from guotu.binding.native import AreaMethod, Context
    from guotu.binding.priorities_native import Sites
    from qgis.core import QgsGeometry

    seen = []
    with Context() as ctx:
        ctx.set_progress(lambda fraction, message: seen.append(message) or True)
        with Sites(ctx, "EPSG:4527", AreaMethod.PLANAR) as sites:
            sites.add_site(1, bytes(QgsGeometry.fromWkt(fx.box(0, 0, 10, 10)).asWkb()))
            with pytest.raises(GuotuCancelled):
                sites.run()
    assert seen == ["scoring sites"]


def test_headless_qgis_process(plugin_root: Path, tmp_path: Path) -> None:
    """qgis_process runs both algorithms as a batch job would, with the optional inputs left
    empty (NAME=, which arrives as ''), and the ranking writes its report."""
    import os

    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    qgis_process = "/usr/bin/qgis_process.bin"
    enable = subprocess.run([qgis_process, "plugins", "enable", "guotu"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    sites = fx.write_sites(tmp_path / "sites.gpkg")
    ranked, pdf = tmp_path / "ranked.gpkg", tmp_path / "ranking.pdf"
    run_ = subprocess.run([qgis_process, "run", "guotu:paretosites", "--", f"SITES={sites}", "SITE_ID=DKBH",
                           "OBJECTIVES=cost:min,benefit:max", "LEXICOGRAPHIC=", "LANDUSE=", "TARGET=", "REDLINE=",
                           "PLOT_X=", "PLOT_Y=", f"RANKED={ranked}", f"REPORT={pdf}"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert run_.returncode == 0, run_.stdout + run_.stderr
    layer = QgsVectorLayer(str(ranked), "ranked", "ogr")
    assert sorted((r["site_id"], r["front"]) for r in rows(layer)) == sorted(
        (f"S{i + 1}", f) for i, f in enumerate(fx.FRONTS))
    assert pdf.is_file()
    zones, landuse = fx.write_zones(tmp_path / "hx.gpkg"), fx.write_landuse(tmp_path / "dltb.gpkg")
    controlled = tmp_path / "controlled.gpkg"
    run_ = subprocess.run([qgis_process, "run", "guotu:rulingobjective", "--", f"ZONES={zones}", "TYPE_FIELD=GNLX",
                           f"LANDUSE={landuse}", "CLASS_FIELD=DLBM", "DEDUCTION_FIELD=KCXS", "ADMIN=", "ADMIN_ID=",
                           "ADMIN_NAME=", "RULES=", "AREA_METHOD=1", f"CONTROLLED={controlled}",
                           f"ZONE_SUMMARY={tmp_path / 'zones.gpkg'}", f"ADMIN_SUMMARY={tmp_path / 'admins.gpkg'}"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert run_.returncode == 0, run_.stdout + run_.stderr
    pieces = rows(QgsVectorLayer(str(controlled), "controlled", "ogr"))
    assert len(pieces) == 5 and sum(p["area_ha"] for p in pieces) == pytest.approx(25.0, abs=1e-9)


class _Log(QgsProcessingFeedback):
    """A feedback that keeps the log's lines."""

    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 — QGIS API name
        self.infos.append(info)
        super().pushInfo(info)


def test_without_admin_units_no_empty_admin_table_is_added(rule_inputs: dict) -> None:
    """Without admin units the table by admin unit has no row: the run adds the controlled land
    and the table by zone to the project, not an empty table, and its log says why; with admin
    units the table is added with its rows."""
    import processing
    from qgis.core import QgsProject

    project = QgsProject.instance()
    out = {"CONTROLLED": "TEMPORARY_OUTPUT", "ZONE_SUMMARY": "TEMPORARY_OUTPUT", "ADMIN_SUMMARY": "TEMPORARY_OUTPUT"}
    log = _Log()
    result = processing.runAndLoadResults("guotu:rulingobjective",
                                          rule_params(rule_inputs, ADMIN=None, ADMIN_ID=None, ADMIN_NAME=None, **out),
                                          feedback=log)
    loaded = {layer.name(): layer for layer in project.mapLayers().values()}
    assert set(loaded) == {"Controlled land", "Controlled land by zone"}, loaded.keys()
    assert loaded["Controlled land"].featureCount() == result["PIECES"] > 0
    assert project.mapLayer(result["ADMIN_SUMMARY"]) is None
    assert any("No admin units were given" in line for line in log.infos), log.infos
    project.removeAllMapLayers()

    log = _Log()
    result = processing.runAndLoadResults("guotu:rulingobjective", rule_params(rule_inputs, **out), feedback=log)
    admins = project.mapLayer(result["ADMIN_SUMMARY"])
    assert admins is not None and admins.name() == "Controlled land by admin unit"
    assert {a["code"] for a in admins.getFeatures()} == set(fx.ADMIN_EXPECTED)
    assert not any("No admin units were given" in line for line in log.infos)
    project.removeAllMapLayers()
