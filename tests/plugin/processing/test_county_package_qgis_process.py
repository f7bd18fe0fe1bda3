"""The county package (resources/sample_data/generate_county_package.py, SYNTHETIC) through qgis_process,
as a planner runs the algorithms from a shell or a batch on the layers as delivered (File Geodatabase
layers with Chinese names, upper-case 三调 fields, the plan's own field names), the empty optional
inputs given as `NAME=` as a dialog's script gives them: the border check between the two XZQ towns,
the ruling objective in the red line, the binding indicators of XZQ_GHZB and the frame indicators of
the red-line patches. Each result is checked against values computed with OGR/pyproj
(tests/cli/county_expected.py) and against the guotu tool on the same files."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
import county_expected as ce  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"  # the /usr/bin/qgis_process wrapper is broken here
GUOTU = BUILD_DIR / "core" / "guotu"

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture(scope="module")
def environment(plugin_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    enable = qgis_process(["plugins", "enable", "guotu"], env)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    return env


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ce.make_package(tmp_path_factory.mktemp("county") / "pkg")


def qgis_process(args: List[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([QGIS_PROCESS] + args, env=env, capture_output=True, text=True, timeout=300)


def run_algorithm(env: dict, algorithm: str, params: Dict[str, object]) -> subprocess.CompletedProcess:
    return qgis_process(["run", algorithm, "--"] + [f"{k}={v}" for k, v in params.items()], env)


def guotu(*args: str) -> None:
    res = subprocess.run([str(GUOTU), *args], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr


def layer(package: Path, gdb: str, name: str) -> str:
    return f"{package / gdb}|layername={name}"


def rows(path: Path, table: str = "") -> List[dict]:
    return [v for v, _ in ce.features(path, table)]


def same_rows(qgis: List[dict], cli: List[dict], key, numbers, texts=(), rel: float = 1e-9) -> None:
    q, c = {key(r): r for r in qgis}, {key(r): r for r in cli}
    assert set(q) == set(c) and len(q) == len(qgis) == len(cli)
    for k, row in c.items():
        for name in texts:
            assert (q[k][name] or "") == (row[name] or ""), (k, name)
        for name in numbers:
            if row[name] is None:
                assert q[k][name] is None, (k, name)
            else:
                assert q[k][name] == pytest.approx(row[name], rel=rel, abs=1e-9), (k, name)


def test_border_between_the_two_towns(environment: dict, package: Path, tmp_path: Path) -> None:
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in (
        "BORDER_CONFLICTS", "CONFLICT_LINES", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
        "BASEMAP_ISSUE_POINTS")}
    run = run_algorithm(environment, "guotu:borderconflicts", {
        "ADMIN": layer(package, ce.BASE_GDB, "XZQ"), "ADMIN_ID": "XZQDM", "ADMIN_NAME": "XZQMC",
        "ELEMENTS": layer(package, ce.PLAN_GDB, "生态保护红线"), "CITY_FIELD": "XZQDM", "ELEMENT_LAYERS": "",
        "CATEGORY_FIELD": "HXLX", "NAME_FIELD": "HXMC", "CRS": "", "AREA_METHOD": 0, **outputs})
    assert run.returncode == 0, run.stdout + run.stderr
    cli = tmp_path / "cli.gpkg"
    guotu("border", "--admin", str(package / ce.BASE_GDB), "--admin-layer", "XZQ", "--admin-id", "XZQDM",
          "--admin-name", "XZQMC", "--elements", str(package / ce.PLAN_GDB), "--elements-layer", "生态保护红线",
          "--city-field", "XZQDM", "--category-field", "HXLX", "--name-field", "HXMC", "-o", str(cli))
    crossing = ce.crossing_patches(package)
    overlaps = {r["elements_a"]: r for r in rows(outputs["BORDER_CONFLICTS"]) if r["kind"] == "overlap"}
    assert {n: (r["admin_b"], r["area_m2"]) for n, r in overlaps.items()} == {
        n: (town, pytest.approx(m2, rel=1e-7)) for n, (town, m2) in crossing.items()}
    summary = rows(outputs["PAIR_SUMMARY"])
    assert f"CONFLICT_COUNT:\t{rows(cli, 'pair_summary')[0]['conflicts']}" in run.stdout, run.stdout
    assert len(overlaps) == len(crossing) < summary[0]["conflicts"]  # the overlaps, and where the line stops
    assert summary[0]["border_m"] == pytest.approx(ce.shared_border_m(package), rel=1e-9)
    numbers = ("border_m", "coordinated_m", "overlap_m", "gap_m", "discontinuity_m", "mismatch_m", "none_m",
               "overlap_area_m2", "conflicts", "score")
    same_rows(summary, rows(cli, "pair_summary"), lambda r: (r["admin_a"], r["admin_b"]), numbers, ("name_a", "name_b"))
    same_rows(rows(outputs["BORDER_CONFLICTS"]), rows(cli, "border_conflicts"),
              lambda r: (r["kind"], r["elements_a"], r["elements_b"]), ("area_m2", "length_m"),
              ("admin_a", "admin_b", "side", "categories_a", "categories_b"))
    same_rows(rows(outputs["SHARED_BORDERS"]), rows(cli, "shared_borders"),
              lambda r: (r["status"], round(r["length_m"], 6)), ("length_m",), ("elements_a", "elements_b"))


def test_ruling_objective_in_the_delivered_red_line(environment: dict, package: Path, tmp_path: Path) -> None:
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("CONTROLLED", "ZONE_SUMMARY", "ADMIN_SUMMARY")}
    run = run_algorithm(environment, "guotu:rulingobjective", {
        "ZONES": layer(package, ce.PLAN_GDB, "生态保护红线"), "TYPE_FIELD": "HXLX",
        "LANDUSE": layer(package, ce.BASE_GDB, "DLTB"), "CLASS_FIELD": "DLBM", "DEDUCTION_FIELD": "KCXS",
        "ADMIN": layer(package, ce.BASE_GDB, "XZQ"), "ADMIN_ID": "XZQDM", "ADMIN_NAME": "XZQMC", "RULES": "",
        "AREA_METHOD": 0, **outputs})
    assert run.returncode == 0, run.stdout + run.stderr
    cli = tmp_path / "cli.gpkg"
    sandiao = str(package / ce.BASE_GDB)
    guotu("priorities", "rule", "--zones", str(package / ce.PLAN_GDB), "--zones-layer", "生态保护红线", "--type-field",
          "HXLX", "--landuse", sandiao, "--landuse-layer", "DLTB", "--class-field", "DLBM", "--deduction-field", "KCXS",
          "--admin", sandiao, "--admin-layer", "XZQ", "--admin-id", "XZQDM", "--admin-name", "XZQMC", "-o", str(cli))
    expected = ce.controlled_by_zone(package)
    hxbh = {k + 1: v["HXBH"] for k, (v, _) in enumerate(ce.redline(package))}  # FileGDB FIDs start at 1
    zones = {hxbh[r["fid_in"]]: r for r in rows(outputs["ZONE_SUMMARY"])}
    assert {c: (r["objective"], pytest.approx(r["controlled_ha"], rel=1e-7, abs=1e-9),
                pytest.approx(r["net_ha"], rel=1e-7, abs=1e-9)) for c, r in zones.items()} == expected
    numbers = ("area_ha", "controlled_ha", "net_ha", "pieces")
    same_rows(rows(outputs["ZONE_SUMMARY"]), rows(cli, "zone_summary"), lambda r: r["fid_in"], numbers,
              ("code", "objective"))
    same_rows(rows(outputs["ADMIN_SUMMARY"]), rows(cli, "admin_summary"), lambda r: r["code"], numbers, ("name",))
    same_rows(rows(outputs["CONTROLLED"]), rows(cli, "controlled_land"),
              lambda r: (r["landuse_fid"], r["zone_fid"]), ("area_ha", "net_ha", "rank"),
              ("land_class", "objective", "admin_code"))


def test_binding_indicators_of_the_towns(environment: dict, package: Path, tmp_path: Path) -> None:
    """The change survey is a GBK shapefile without .cpg: QGIS refuses to read it garbled and names the
    fix; with the .cpg QGIS asks for, the same table as the tool's --encoding CP936."""
    change = package / ce.CHANGE_SHP
    units, table = tmp_path / "units.gpkg", tmp_path / "table.gpkg"
    keys = ("cultivated_land", "permanent_farmland", "construction_land", "urban_rural_construction",
            "new_construction_on_cultivated", "forest_cover", "forest_land", "forest_land_taken")
    params: Dict[str, object] = {
        "ADMIN": layer(package, ce.PLAN_GDB, "XZQ_GHZB"), "ADMIN_CODE": "XZQDM", "ADMIN_NAME": "XZQMC",
        **{f"TARGET_{k.upper()}": "" for k in keys}, "TARGET_PERMANENT_FARMLAND": "NTRWMJ",
        "TARGETS_TABLE": "", "TARGETS_CODE": "", **{f"TABLE_TARGET_{k.upper()}": "" for k in keys},
        "TARGET_UNIT": 0, "LANDUSE": str(change), "CLASS_FIELD": "DLBM", "DEDUCT_TIANKAN": "true",
        "DEDUCTION_FIELD": "KCXS", "BEFORE": layer(package, ce.BASE_GDB, "DLTB"), "BEFORE_CLASS_FIELD": "DLBM",
        "FARMLAND": layer(package, ce.PLAN_GDB, "永久基本农田"), "UNITS": units, "TABLE": table,
        "CSV": ""}
    cpg = change.with_suffix(".cpg")
    assert not cpg.exists()
    run = run_algorithm(environment, "guotu:bindingindicators", params)
    assert run.returncode != 0 and "GBK" in run.stdout + run.stderr and "DLTB.cpg" in run.stdout + run.stderr
    assert not units.exists() and not table.exists()
    cpg.write_text("936", encoding="ascii")  # the fix the message names
    try:
        run = run_algorithm(environment, "guotu:bindingindicators", params)
    finally:
        cpg.unlink()
    assert run.returncode == 0, run.stdout + run.stderr
    cli = tmp_path / "cli.gpkg"
    plan = str(package / ce.PLAN_GDB)
    guotu("indicators", "--admin", plan, "--admin-layer", "XZQ_GHZB", "--admin-code", "XZQDM", "--admin-name", "XZQMC",
          "--landuse", str(change), "--encoding", "CP936", "--class-field", "DLBM", "--before",
          str(package / ce.BASE_GDB), "--before-layer", "DLTB", "--farmland", plan, "--farmland-layer", "永久基本农田",
          "--target", "permanent_farmland=NTRWMJ", "-o", str(cli))
    measured = {(r["admin_code"], r["indicator"]): r for r in rows(table)}
    for town, (drawn, task) in ce.farmland_ha(package).items():
        assert measured[town, "permanent_farmland"]["measured"] == pytest.approx(drawn, rel=1e-7)
        assert measured[town, "permanent_farmland"]["result"] == ("pass" if drawn >= task else "fail")
    for town, net in ce.cultivated_net_ha(package).items():
        assert measured[town, "cultivated_land"]["measured"] == pytest.approx(net, rel=1e-7)
    assert "FAILED_COUNT:\t1" in run.stdout, run.stdout
    same_rows(rows(table), rows(cli, "indicators"), lambda r: (r["admin_code"], r["indicator"]),
              ("target", "measured", "difference", "ratio"), ("admin_name", "result", "rule", "note"))
    same_rows(rows(units), rows(cli, "indicator_units"), lambda r: r["admin_code"], ("failed", "passed", "skipped"),
              ("admin_name",))


def test_frame_indicators_of_the_red_line(environment: dict, package: Path, tmp_path: Path) -> None:
    catalogue, thresholds = tmp_path / "catalogue.csv", tmp_path / "thresholds.csv"
    ce.catalogue_csv(package, catalogue)
    ce.thresholds_csv(package, thresholds)
    outputs = {name: tmp_path / f"{name.lower()}.gpkg" for name in (
        "ELEMENT_INDICATORS", "INDICATOR_FINDINGS", "CATALOGUE_FINDINGS", "CATALOGUE_CITIES", "COUNTY_ROLLUP")}
    run = run_algorithm(environment, "guotu:frameindicators", {
        "CATALOGUE": catalogue, "CATALOGUE_LAYER": "", "THRESHOLDS": thresholds, "COUNTIES": "",
        "ELEMENTS": layer(package, ce.PLAN_GDB, "生态保护红线"), "CITY_FIELD": "XZQDM", "ELEMENT_FIELD": "HXBH",
        "NAME_FIELD": "HXMC", "DEM": "", "LANDUSE": layer(package, ce.BASE_GDB, "DLTB"), "LANDUSE_CODE": "DLBM",
        "LANDUSE_RASTER": "", "CRS": "", "AREA_METHOD": 0, **outputs})
    assert run.returncode == 0, run.stdout + run.stderr
    cli = tmp_path / "cli.gpkg"
    guotu("framework", "indicators", "--catalogue", str(catalogue), "--thresholds", str(thresholds), "--elements",
          str(package / ce.PLAN_GDB), "--elements-layer", "生态保护红线", "--city-field", "XZQDM", "--element-field",
          "HXBH", "--name-field", "HXMC", "--landuse", str(package / ce.BASE_GDB), "--landuse-layer", "DLTB",
          "--landuse-code", "DLBM", "-o", str(cli))
    parts = {r["element_id"]: r for r in rows(outputs["ELEMENT_INDICATORS"]) if r["zone"] == "part"}
    shares = ce.forest_shares(package)
    assert {c: (r["city_id"], r["area_m2"], r["forest_share"]) for c, r in parts.items()} == {
        c: (town, pytest.approx(m2, rel=1e-7), pytest.approx(share, rel=1e-7)) for c, (town, m2, share) in shares.items()}
    below = {r["element_id"] for r in rows(outputs["INDICATOR_FINDINGS"]) if r["kind"] == "outside_threshold"}
    assert below == {c for c, (_, _, share) in shares.items() if share < ce.FOREST_SHARE_MIN} != set()
    key = lambda r: (r["element_id"], r["zone"], r["city_id"] or "", r["other_city_id"] or "")  # noqa: E731
    same_rows(rows(outputs["ELEMENT_INDICATORS"]), rows(cli, "element_indicators"), key,
              ("area_m2", "forest_share", "elevation_mean", "slope_mean"), ("element_name", "element_type"))
    same_rows(rows(outputs["INDICATOR_FINDINGS"]), rows(cli, "indicator_findings"),
              lambda r: (r["kind"], r["element_id"], r["city_id"] or "", r["indicator"]), ("value", "min", "max"),
              ("message_en", "message_zh"))
    same_rows(rows(outputs["CATALOGUE_FINDINGS"]), rows(cli, "catalogue_findings"),
              lambda r: (r["kind"], r["element_id"], r["city_id"] or ""), (), ("message_en", "message_zh"))


def test_pareto_fronts_of_the_project_parcels(environment: dict, package: Path, tmp_path: Path) -> None:
    """The project's GBK parcels (with the .cpg QGIS asks for) ranked on area and distance to the red line."""
    sites = package / "整治项目" / "ZZDK.shp"
    ranked = tmp_path / "ranked.gpkg"
    cpg = sites.with_suffix(".cpg")
    cpg.write_text("936", encoding="ascii")
    try:
        run = run_algorithm(environment, "guotu:paretosites", {
            "SITES": sites, "SITE_ID": "DKBH", "OBJECTIVES": "area_ha:max,redline_distance_m:min",
            "LEXICOGRAPHIC": "", "LANDUSE": "", "CLASS_FIELD": "", "DEDUCTION_FIELD": "", "TARGET": "",
            "REDLINE": layer(package, ce.PLAN_GDB, "生态保护红线"), "AREA_METHOD": 0, "PLOT_X": "", "PLOT_Y": "",
            "RANKED": ranked, "REPORT": ""})
    finally:
        cpg.unlink()
    assert run.returncode == 0, run.stdout + run.stderr
    cli = tmp_path / "cli.gpkg"
    guotu("priorities", "rank", "--sites", str(sites), "--encoding", "CP936", "--site-id", "DKBH", "--objective",
          "area_ha:max", "--objective", "redline_distance_m:min", "--redline", str(package / ce.PLAN_GDB),
          "--redline-layer", "生态保护红线", "-o", str(cli))
    expected = ce.site_fronts(package)
    assert {r["site_id"]: r["front"] for r in rows(ranked)} == {s: f for s, (_, _, f) in expected.items()}
    first = sum(1 for _, _, f in expected.values() if f == 1)
    assert f"FIRST_FRONT:\t{first}" in run.stdout, run.stdout
    same_rows(rows(ranked), rows(cli), lambda r: r["site_id"], ("area_ha", "redline_distance_m", "front", "crowding"))
