"""County-partitioned tally, unit ledger, lines check and parcel check on Dask (a real scheduler and
two real workers on loopback): the merged output equals the single run over all county packages
(the tally's table up to summation order; findings, parcels and units as the same set, each named
by its partition and its own id), and each county's rows are the fixture's hand-computed ones."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

from cli_support import REPO, guotu_binary, run_guotu
from cluster_support import make_grid_province, replicate_counties
from test_cluster import PY, RUNNER, Cluster, assert_keyed_equal, table

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lfx  # noqa: E402
import parcels_fixture as pfx  # noqa: E402

pytest.importorskip("distributed")
COUNTIES = 3


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("dask"))
    yield c
    c.close()


def single(command: List[str], args: List[str], out: Path) -> Path:
    res = subprocess.run([str(guotu_binary()), *command, *args, "-o", str(out)], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    return out


def partitioned(job: str, prov: Path, args: List[str], out: Path, *own: str) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(RUNNER), job, "--partitions", str(prov), *own, "-o", str(out), "--", *args],
                          capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, GUOTU_CLI=str(guotu_binary())))


def rows(path: Path, name: str) -> List[Dict[str, object]]:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(f'SELECT * FROM "{name}" ORDER BY fid')]
    finally:
        con.close()


def without(row: Dict[str, object], *names: str) -> tuple:
    return tuple(sorted((k, round(v, 9) if isinstance(v, float) else v) for k, v in row.items()
                        if k not in ("fid", "geom", "partition", *names)))


def bag(found: List[Dict[str, object]], *names: str) -> Counter:
    return Counter(without(r, *names) for r in found)


# ---- tally ----

def test_partitioned_tally_equals_the_single_run(tmp_path: Path, cluster: Cluster) -> None:
    parts = make_grid_province(tmp_path / "prov")
    args = ["--zone-id", "code", "--class-field", "lucc_code", "--area-check", "lucc_code"]
    one = single(["tally"], ["--zones", str(tmp_path / "single" / "zones.gpkg"), "--landuse",
                             str(tmp_path / "single" / "landuse_2020.gpkg"), *args], tmp_path / "single.gpkg")
    merged = tmp_path / "merged.gpkg"
    res = partitioned("tally", tmp_path / "prov", ["--zones", "{partition}/zones.gpkg", "--landuse",
                                                   "{partition}/landuse_2020.gpkg", *args], merged,
                      "--scheduler", cluster.address)
    assert res.returncode == 0, res.stdout + res.stderr
    cols = "zone_id, class_code, area_ha"
    assert_keyed_equal(table(one, "tally", cols), table(merged, "tally", cols), 2)
    # 6 counties of 3 km x 3 km: 5,400 ha (ellipsoidal within 0.1 % of the plane's); 12 zones of 450 ha
    by_zone = Counter()
    for zone, _cls, area in table(merged, "tally", cols):
        by_zone[zone] += area
    assert len(by_zone) == 12 and set(by_zone) == {z for p in parts.values() for z in p}
    for area in by_zone.values():
        assert area == pytest.approx(450.0, rel=1e-3)
    # every 2020 parcel (25 per county) is a finding of the area check (its class code is no area),
    # named by its county package
    checks = rows(merged, "area_check")
    assert len(checks) == 6 * 25 == len(rows(one, "area_check"))
    assert Counter(r["partition"] for r in checks) == {name: 25 for name in parts}
    assert bag(checks) == bag(rows(one, "area_check"))


# ---- unit ledger ----

LEDGER = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK", "--planned-field",
          "GHDL", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS", "--planned-kcxs-field", "GHKCXS",
          "--grade-field", "GDDB", "--planned-grade-field", "GHGDDB", "--farmland-field", "YJJBNT",
          "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH", "--type-field", "ZZLX", "--area", "planar",
          "--unit-id", "DYBH", "--unit-name", "DYMC"]


def ledger_files(folder: str) -> List[str]:
    return ["--parcels", f"{folder}/dltb.gpkg", "--redline", f"{folder}/hx.gpkg", "--river-beaches",
            f"{folder}/htd.gpkg", "--units", f"{folder}/dy.gpkg"]


def test_partitioned_unit_ledger_equals_the_single_run(tmp_path: Path, cluster: Cluster) -> None:
    fx = tmp_path / "fixture"
    fx.mkdir()
    fixture = {"dltb.gpkg": lfx.write_parcels(fx / "dltb.gpkg"), "hx.gpkg": lfx.write_redline(fx / "hx.gpkg"),
               "htd.gpkg": lfx.write_beaches(fx / "htd.gpkg"), "dy.gpkg": lfx.write_units(fx / "dy.gpkg")}
    parts = replicate_counties(fixture, tmp_path, COUNTIES, {"bsm", "xmbh", "dybh"})
    one = single(["ledger"], ledger_files(str(tmp_path / "single")) + LEDGER, tmp_path / "single.gpkg")
    merged = tmp_path / "merged.gpkg"
    res = partitioned("ledger", tmp_path / "prov", ledger_files("{partition}") + LEDGER, merged,
                      "--scheduler", cluster.address)
    assert res.returncode == 0, res.stdout + res.stderr
    for name in ("unit_ledger", "unit_grades", "certificates", "project_certificates"):
        a, b = rows(one, name), rows(merged, name)
        assert bag(a) == bag(b), name
        assert all(r["partition"] in parts for r in b)
    # each county's units are the fixture's hand-computed sheet, under the county's own ids
    units = {r["unit_id"]: r for r in rows(merged, "unit_ledger")}
    assert len(units) == 2 * COUNTIES
    for name, prefix in parts.items():
        for uid, expected in lfx.EXPECTED.items():
            got = units[prefix + uid]
            assert got["partition"] == name
            for key, value in expected.items():
                if key == "beach_parcel_ids":
                    assert got[key] == prefix + value
                elif isinstance(value, str):
                    assert got[key] == value, (name, uid, key)
                else:
                    assert got[key] == pytest.approx(value, abs=1e-9), (name, uid, key)
    # certificates numbered per project, each project in its county
    numbers = {r["number"]: (r["parcel_id"], r["partition"]) for r in rows(merged, "certificates")}
    for name, prefix in parts.items():
        for number, (parcel, *_rest) in lfx.CERTIFICATES.items():
            assert numbers[prefix + number] == (prefix + parcel, name)


def test_a_unit_in_two_partitions_is_refused(tmp_path: Path) -> None:
    fx = tmp_path / "fixture"
    fx.mkdir()
    fixture = {"dltb.gpkg": lfx.write_parcels(fx / "dltb.gpkg"), "hx.gpkg": lfx.write_redline(fx / "hx.gpkg"),
               "htd.gpkg": lfx.write_beaches(fx / "htd.gpkg"), "dy.gpkg": lfx.write_units(fx / "dy.gpkg")}
    replicate_counties(fixture, tmp_path, 2, set())  # the same unit ids in both counties
    out = tmp_path / "merged.gpkg"
    res = partitioned("ledger", tmp_path / "prov", ledger_files("{partition}") + LEDGER, out, "--workers", "1")
    assert res.returncode == 1
    assert "the units 'U1' (c0 and c1), 'U2' (c0 and c1) are in more" in res.stderr and "more than one partition" in res.stderr, res.stderr
    assert not out.exists()
    res = partitioned("ledger", tmp_path / "prov", ledger_files("{partition}") + LEDGER + ["--xlsx", "x.xlsx"], out,
                      "--workers", "1")
    assert res.returncode == 1 and "--xlsx cannot be used in a partitioned run" in res.stderr


# ---- parcel check ----

PARCELS = ["--parcel-id", "dkbh", "--type-field", "zzlx", "--project-field", "xmbh", "--current-field", "xzdl",
           "--current-system", "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK",
           "--village-id", "cdm", "--village-name", "cmc", "--area", "planar"]


def parcel_files(folder: str) -> List[str]:
    return ["--parcels", f"{folder}/zzdk.gpkg", "--workspace", f"{folder}/ws.gpkg", "--river-beaches",
            f"{folder}/htd.gpkg", "--villages", f"{folder}/cun.gpkg"]


def test_partitioned_parcel_check_equals_the_single_run(tmp_path: Path, cluster: Cluster) -> None:
    fx = tmp_path / "fixture"
    fx.mkdir()
    fixture = {"zzdk.gpkg": pfx.write_parcels(fx / "zzdk.gpkg"), "ws.gpkg": pfx.write_workspace(fx / "ws.gpkg"),
               "htd.gpkg": pfx.write_beaches(fx / "htd.gpkg"), "cun.gpkg": pfx.write_villages(fx / "cun.gpkg")}
    parts = replicate_counties(fixture, tmp_path, COUNTIES, {"dkbh", "xmbh", "cdm"})
    one = single(["parcels", "check"], parcel_files(str(tmp_path / "single")) + PARCELS, tmp_path / "single.gpkg")
    merged = tmp_path / "merged.gpkg"
    res = partitioned("parcels", tmp_path / "prov", parcel_files("{partition}") + PARCELS, merged,
                      "--scheduler", cluster.address)
    assert res.returncode == 0, res.stdout + res.stderr
    for name in ("parcel_checks", "parcel_reasons", "project_checks", "village_totals"):
        a, b = rows(one, name), rows(merged, name)
        assert bag(a) == bag(b), name
    # every county's parcels get the fixture's hand-checked verdicts and reasons
    checks = {(r["partition"], r["parcel_id"]): r for r in rows(merged, "parcel_checks")}
    reasons = Counter((r["partition"], r["parcel_id"], r["rule_id"]) for r in rows(merged, "parcel_reasons"))
    assert len(checks) == COUNTIES * len(pfx.EXPECTED)
    for name, prefix in parts.items():
        for pid, (verdict, rules) in pfx.EXPECTED.items():
            assert checks[(name, prefix + pid)]["verdict_en"] == verdict, (name, pid)
            got = sorted(rule for (p, parcel, rule) in reasons if p == name and parcel == prefix + pid)
            assert got == sorted(set(filter(None, rules.split(",")))), (name, pid, got)
    projects = {r["project_id"]: r for r in rows(merged, "project_checks")}
    assert {projects[p + "P1"]["verdict_en"] for p in parts.values()} == {"fail"}
    assert [projects[p + "P2"]["new_cultivated_ratio"] for p in parts.values()] == [pytest.approx(3 / 5.5)] * COUNTIES


def test_the_whole_run_project_is_refused_across_partitions(tmp_path: Path) -> None:
    """Without --project-field every partition has the project '*', whose ratios cannot be added."""
    fx = tmp_path / "fixture"
    fx.mkdir()
    fixture = {"zzdk.gpkg": pfx.write_parcels(fx / "zzdk.gpkg"), "ws.gpkg": pfx.write_workspace(fx / "ws.gpkg")}
    replicate_counties(fixture, tmp_path, 2, {"dkbh"})
    args = ["--parcels", "{partition}/zzdk.gpkg", "--workspace", "{partition}/ws.gpkg",
            "--parcel-id", "dkbh", "--type-field", "zzlx", "--current-field", "xzdl", "--current-system",
            "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--area", "planar"]
    res = partitioned("parcels", tmp_path / "prov", args, tmp_path / "m.gpkg", "--workers", "1")
    assert res.returncode == 1 and "the project '*' (c0 and c1)" in res.stderr, res.stdout + res.stderr


# ---- lines check ----

def lines_fixture(tmp: Path) -> Dict[str, Path]:
    sys.path.insert(0, str(Path(__file__).parent))
    import test_cli_lines_check as lines
    fx = tmp / "fixture"
    fx.mkdir()
    return {"ws.gpkg": lines.workspace(fx), "dltb.gpkg": lines.cultivated(fx)}


def init_workspace(path: Path) -> None:
    if path.name == "ws.gpkg":
        assert run_guotu("lines", "init", str(path), "--crs", "EPSG:4527").returncode == 0


LINES = ["--area", "planar", "--class-field", "dlbm", "--system", "SANDIAO_WORK"]


def test_partitioned_lines_check_equals_the_single_run(tmp_path: Path, cluster: Cluster) -> None:
    parts = replicate_counties(lines_fixture(tmp_path), tmp_path, COUNTIES, {"xzqdm"}, prepare=init_workspace)
    folder = str(tmp_path / "single")
    one = single(["lines", "check"], ["--workspace", f"{folder}/ws.gpkg", "--landuse", f"{folder}/dltb.gpkg", *LINES],
                 tmp_path / "single.gpkg")
    merged = tmp_path / "merged.gpkg"
    res = partitioned("lines", tmp_path / "prov", ["--workspace", "{partition}/ws.gpkg", "--landuse",
                                                   "{partition}/dltb.gpkg", *LINES], merged,
                      "--scheduler", cluster.address)
    assert res.returncode == 0, res.stdout + res.stderr
    # The same findings: a feature's id is its county workspace's, so fids and the messages naming
    # them differ from the single workspace's (where the counties' features follow one another).
    ids = ("fid_a", "fid_b", "message_zh", "message_en", "fingerprint")
    for name in ("issues", "issue_points"):
        assert bag(rows(one, name), *ids) == bag(rows(merged, name), *ids)
    assert bag(rows(one, "line_stats")) == bag(rows(merged, "line_stats"))
    issues = rows(merged, "issues") + rows(merged, "issue_points")  # L01's place is a point
    # each county: every rule once as in the fixture (L03 three times), with the fixture's values
    for name, prefix in parts.items():
        mine = [r for r in issues if r["partition"] == name]
        rules = Counter(r["rule_id"] for r in mine)
        assert rules == Counter({"L03": 3, **{f"L{n:02d}": 1 for n in (1, 2, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14)}})
        values = {r["rule_id"]: r["value"] for r in mine if r["rule_id"] != "L03"}
        assert values["L04"] == pytest.approx(5.0) and values["L13"] == pytest.approx(-9.0)
        assert values["L14"] == pytest.approx(0.410175)
        assert {r["admin_code"] for r in mine if r["rule_id"] in ("L11", "L12", "L13", "L14")} == {prefix + "110101"}
    # ids stable: the first county's workspace is the single one's first features, so its issues
    # have the single run's fingerprints; (partition, fingerprint) names every issue once
    first = {r["fingerprint"] for r in issues if r["partition"] == "c0"}
    assert first <= {r["fingerprint"] for r in rows(one, "issues") + rows(one, "issue_points")}
    assert len({(r["partition"], r["fingerprint"]) for r in issues}) == len(issues)
    again = tmp_path / "again.gpkg"
    res = partitioned("lines", tmp_path / "prov", ["--workspace", "{partition}/ws.gpkg", "--landuse",
                                                   "{partition}/dltb.gpkg", *LINES], again,
                      "--scheduler", cluster.address)
    assert res.returncode == 0
    assert sorted((r["partition"], r["fingerprint"]) for r in rows(again, "issues") + rows(again, "issue_points")) == \
        sorted((r["partition"], r["fingerprint"]) for r in issues)
    # the merged notes say what a county-by-county check does not see
    assert any("guotu border" in r["note_en"] and r["partition"] == "*" for r in rows(merged, "notes"))
