"""guotu lines check on a workspace that triggers every rule once (the fixture of
core/tests/test_lines.c, with the same hand-computed areas; planar metres from the GK-39
origin X0, Y0):
  A1 [0,1000]²: red line 20 + 1 = 21 ha < target 30 (L13); farmland 41.0175 ha < 50 (L12)
     and 41 % of 100 ha cultivated < 80 % (L14); urban 4.25 ha ÷ 3 ha = 1.417 > 1.3 (L11).
  L04 R1∩F1 5 ha; L05 U2 inside R1 0.25 ha; L06 U1∩F1 2 ha; L02 F3 = F4; L03 F2∩F3, F2∩F4
  2 ha each, F7∩F8 0.5 m² minor; L07 F6 width 0.499 m; L08 F5 25 m²; L10 R2 across A1|A2;
  L01 the bow-tie R3.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal, ogr

from cli_support import X0, Y0, box, run_guotu, write_layer

BOWTIE = f"POLYGON(({X0+1200} {Y0},{X0+1400} {Y0+200},{X0+1400} {Y0},{X0+1200} {Y0+200},{X0+1200} {Y0}))"


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


FEATURES = {
    "ecological_redline": [b(0, 0, 200, 1000), b(900, 800, 1100, 900), BOWTIE],
    "permanent_farmland": [b(150, 0, 400, 1000), b(400, 0, 600, 400), b(550, 0, 650, 400), b(550, 0, 650, 400),
                           b(700, 0, 705, 5), b(700, 100, 1000, 100.5), b(1500, 0, 1600, 100),
                           b(1599.995, 0, 1700, 100)],
    "urban_boundary": [b(300, 500, 500, 700), b(50, 950, 100, 1000)],
}


def workspace(tmp: Path, features=FEATURES) -> Path:
    ws = tmp / "ws.gpkg"
    assert run_guotu("lines", "init", str(ws), "--crs", "EPSG:4527").returncode == 0
    ds = ogr.Open(str(ws), 1)
    for layer_name, wkts in features.items():
        layer = ds.GetLayerByName(layer_name)
        for wkt in wkts:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
            layer.CreateFeature(f)
    admins = ds.GetLayerByName("admin_units")
    for code, name, geom, targets in (("110101", "甲区", b(0, 0, 1000, 1000), (30, 50, 3)),
                                      ("110102", "乙区", b(1000, 0, 2000, 1000), (None, None, None))):
        f = ogr.Feature(admins.GetLayerDefn())
        f["xzqdm"], f["xzqmc"] = code, name
        for field, value in zip(("erl_target_ha", "pbf_target_ha", "urban_2020_ha"), targets):
            if value is not None:
                f[field] = value
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(geom)))
        admins.CreateFeature(f)
    ds = None
    return ws


def cultivated(tmp: Path) -> Path:
    """Land use: A1 entirely cultivated (0101 水田), A2 forest (0301)."""
    return write_layer(tmp / "dltb.gpkg", "dltb", 4527, [("dlbm", ogr.OFTString)],
                       [({"dlbm": "0101"}, b(0, 0, 1000, 1000)), ({"dlbm": "0301"}, b(1000, 0, 2000, 1000))])


def check(tmp: Path, ws: Path, *extra: str):
    out = tmp / "issues.gpkg"
    res = run_guotu("lines", "check", "--workspace", str(ws), "--area", "planar", "--landuse", str(cultivated(tmp)),
                    "--class-field", "dlbm", "--system", "SANDIAO_WORK", "-o", str(out), *extra)
    return res, out


def issues(out: Path) -> list[dict]:
    ds = ogr.Open(str(out))
    return [f.items() for name in ("issues", "issue_points") for f in ds.GetLayerByName(name)]


def by_rule(rows):
    found: dict[str, list] = {}
    for r in rows:
        found.setdefault(r["rule_id"], []).append(r)
    return found


def test_every_rule_once_with_hand_values(tmp_path: Path) -> None:
    res, out = check(tmp_path, workspace(tmp_path), "--stats-csv", str(tmp_path / "stats.csv"))
    assert res.returncode == 0, res.stderr
    rules = by_rule(issues(out))
    for rule in ("L01", "L02", "L04", "L05", "L06", "L07", "L08", "L10", "L11", "L12", "L13", "L14"):
        assert len(rules.get(rule, [])) == 1, (rule, rules.get(rule))
    assert sorted(r["severity"] for r in rules["L03"]) == ["error", "error", "minor"]
    assert rules["L10"][0]["severity"] == "warning"  # R2 lies across A1|A2 by hectares: a crossing
    assert rules["L04"][0]["value"] == pytest.approx(5.0)
    assert "让位于生态保护红线" in rules["L04"][0]["suggestion_zh"]
    assert rules["L05"][0]["value"] == pytest.approx(0.25)
    assert rules["L06"][0]["value"] == pytest.approx(2.0)
    assert rules["L07"][0]["value"] == pytest.approx(300 / 601, abs=1e-6)
    assert rules["L11"][0]["value"] == pytest.approx(4.25 / 3)
    assert rules["L12"][0]["value"] == pytest.approx(41.0175 - 50)
    assert rules["L13"][0]["value"] == pytest.approx(-9.0)
    assert rules["L14"][0]["value"] == pytest.approx(0.410175)
    assert rules["L01"][0]["layer_a"] == "ecological_redline"
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("issue_points").GetFeatureCount() == 1  # the bow-tie's self-intersection
    stats = {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}
    a1 = stats["110101"]
    assert a1["redline_ha"] == pytest.approx(21) and a1["farmland_mu"] == pytest.approx(41.0175 * 15)
    assert (a1["redline_ok"], a1["farmland_ok"], a1["expansion_ok"], a1["share_ok"]) == ("fail",) * 4
    assert a1["cultivated_ha"] == pytest.approx(100) and stats["110102"]["redline_ok"] == ""
    csv_text = (tmp_path / "stats.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("行政区代码,行政区名称,生态保护红线（公顷）")
    assert "L04 red line x farmland" in res.stdout and "15 issues" in res.stdout


def test_fixing_the_drawing_clears_the_issue(tmp_path: Path) -> None:
    fixed = dict(FEATURES)
    fixed["permanent_farmland"] = [b(200, 0, 400, 1000)] + FEATURES["permanent_farmland"][1:]  # out of the red line
    res, out = check(tmp_path, workspace(tmp_path, fixed))
    assert res.returncode == 0, res.stderr
    rules = by_rule(issues(out))
    assert "L04" not in rules and len(rules["L06"]) == 1


def test_exceptions_survive_reruns_while_features_are_unchanged(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    res, out = check(tmp_path, ws)
    l05 = by_rule(issues(out))["L05"][0]
    ds = ogr.Open(str(ws), 1)
    exc = ds.GetLayerByName("exceptions")
    f = ogr.Feature(exc.GetLayerDefn())
    f["rule_id"], f["fingerprint"], f["reason"] = "L05", l05["fingerprint"], "市政道路线性工程，经论证允许"
    exc.CreateFeature(f)
    ds = None
    res, out = check(tmp_path, ws)
    rules = by_rule(issues(out))
    assert rules["L05"][0]["status"] == "accepted"
    assert rules["L05"][0]["exception_reason"] == "市政道路线性工程，经论证允许"
    assert rules["L04"][0]["status"] == "open"
    assert "1 accepted" in res.stdout
    # Redraw the urban patch involved: the exception lapses.
    ds = ogr.Open(str(ws), 1)
    ub = ds.GetLayerByName("urban_boundary")
    for feat in ub:
        if feat.GetGeometryRef().GetArea() < 3000:
            feat.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(b(40, 950, 100, 1000))))
            ub.SetFeature(feat)
    ds = None
    res, out = check(tmp_path, ws)
    assert by_rule(issues(out))["L05"][0]["status"] == "open"


def test_bad_workspaces(tmp_path: Path) -> None:
    partial = write_layer(tmp_path / "partial.gpkg", "ecological_redline", 4527, [], [({}, b(0, 0, 10, 10))])
    res = run_guotu("lines", "check", "--workspace", str(partial), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "missing the layer 'admin_units'" in res.stderr
    empty = tmp_path / "empty.gpkg"
    assert run_guotu("lines", "init", str(empty), "--crs", "EPSG:4527").returncode == 0
    res = run_guotu("lines", "check", "--workspace", str(empty), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "nothing to check" in res.stderr
    lines_ws = tmp_path / "lines.gpkg"
    assert run_guotu("lines", "init", str(lines_ws), "--crs", "EPSG:4527").returncode == 0
    ds = ogr.Open(str(lines_ws), 1)
    ds.DeleteLayer("urban_boundary")
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.CreateLayer("urban_boundary", srs, ogr.wkbLineString)
    ds = None
    res = run_guotu("lines", "check", "--workspace", str(lines_ws), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "urban_boundary" in res.stderr and "polygons are needed" in res.stderr
    mixed = tmp_path / "mixed.gpkg"
    assert run_guotu("lines", "init", str(mixed), "--crs", "EPSG:4527").returncode == 0
    ds = ogr.Open(str(mixed), 1)
    ds.DeleteLayer("permanent_farmland")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    ds.CreateLayer("permanent_farmland", srs, ogr.wkbMultiPolygon)
    ds = None
    res = run_guotu("lines", "check", "--workspace", str(mixed), "--crs-mismatch", "fail", "-o",
                    str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "permanent_farmland" in res.stderr and "another CRS" in res.stderr
    assert not (tmp_path / "o.gpkg").exists()


def test_narrow_gaps_within_the_band(tmp_path: Path) -> None:
    """F9 lies 0.4 m above F7 (and above the end of F8): two gaps of 0.4 m (L09); a band
    that starts at 0.5 m reports none."""
    gappy = dict(FEATURES)
    gappy["permanent_farmland"] = FEATURES["permanent_farmland"] + [b(1500, 100.4, 1600, 200)]
    ws = workspace(tmp_path, gappy)
    res, out = check(tmp_path, ws)
    assert res.returncode == 0, res.stderr
    gaps = by_rule(issues(out)).get("L09", [])
    assert len(gaps) == 2 and all(g["value"] == pytest.approx(0.4, abs=1e-6) for g in gaps)
    res, out = check(tmp_path, ws, "--gap-min", "0.5", "--gap-max", "2")
    assert "L09" not in by_rule(issues(out))


def test_a_subset_of_rules(tmp_path: Path) -> None:
    res, out = check(tmp_path, workspace(tmp_path), "--rules", "L04,L06")
    assert res.returncode == 0, res.stderr
    assert {r["rule_id"] for r in issues(out)} == {"L04", "L06"}
    other = tmp_path / "other"
    other.mkdir()
    res, _ = check(other, workspace(other), "--rules", "L99")
    assert res.returncode == 2 and "L99" in res.stderr


def test_urban_2020_from_a_layer(tmp_path: Path) -> None:
    """2020 urban land measured from a layer: 2.5 ha in A1, so 4.25 ÷ 2.5 = 1.7 > 1.3 (L11)."""
    urban = write_layer(tmp_path / "urban2020.gpkg", "cz2020", 4527, [], [({}, b(600, 600, 850, 700))])
    res, out = check(tmp_path, workspace(tmp_path), "--urban-2020", str(urban))
    assert res.returncode == 0, res.stderr
    l11 = by_rule(issues(out))["L11"][0]
    assert l11["value"] == pytest.approx(4.25 / 2.5)
    ds = ogr.Open(str(out))
    stats = {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}
    assert stats["110101"]["urban_2020_ha"] == pytest.approx(2.5)


def test_no_output_may_replace_the_workspace_or_another_output(tmp_path: Path) -> None:
    """--stats-csv naming the workspace once replaced the drawing work with a CSV: every
    output is checked against every input (and the other outputs) before anything runs."""
    ws = workspace(tmp_path)
    drawing = ws.read_bytes()
    for extra in (("--stats-csv", str(ws)), ("--stats-csv", str(tmp_path / "issues.gpkg")),
                  ("--stats-csv", str(tmp_path / "dltb.gpkg"))):
        res, out = check(tmp_path, ws, *extra)
        assert res.returncode == 1, res.stderr
        assert "refusing to write" in res.stderr or "two outputs are the same file" in res.stderr, res.stderr
        assert ws.read_bytes() == drawing
        assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


def test_stats_csv_quotes_names_and_is_published_with_the_issues(tmp_path: Path) -> None:
    """Admin names with a comma, a quote and a line break stay one cell; the CSV appears
    only together with the issues (a failed run leaves neither)."""
    ws = workspace(tmp_path)
    ds = ogr.Open(str(ws), 1)
    admins = ds.GetLayerByName("admin_units")
    for f in admins:
        if f["xzqdm"] == "110101":
            f["xzqmc"] = '甲区, "新区"\n东片'
            admins.SetFeature(f)
    ds = None
    stats = tmp_path / "stats.csv"
    res, _out = check(tmp_path, ws, "--stats-csv", str(stats))
    assert res.returncode == 0, res.stderr
    import csv

    with open(stats, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 3 and all(len(r) == len(rows[0]) for r in rows), rows
    assert rows[1][:2] == ["110101", '甲区, "新区"\n东片']
    # A run that fails (the issues cannot be put in place) publishes no statistics either.
    stats.unlink()
    blocked = tmp_path / "blocked.gpkg"
    blocked.mkdir()
    res = run_guotu("lines", "check", "--workspace", str(ws), "--stats-csv", str(stats), "-o", str(blocked))
    assert res.returncode == 1
    assert not stats.exists() and not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


def test_l14_counts_cultivated_land_net_of_tiankan(tmp_path: Path) -> None:
    """A1 is 100 ha of 水田 with KCXS 0.5 (half of it 田坎): cultivated land net is 50 ha, so the
    41.0175 ha of farmland are 82 % of it and L14 (farmland ≥ 80 % of cultivated) passes; the
    same layer without KCXS fails L14 at 41 %."""
    ws = workspace(tmp_path)
    dltb = write_layer(tmp_path / "dltb_kc.gpkg", "DLTB", 4527, [("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal)],
                       [({"DLBM": "0101", "KCXS": 0.5}, b(0, 0, 1000, 1000)),
                        ({"DLBM": "0301", "KCXS": 0.0}, b(1000, 0, 2000, 1000))])
    out = tmp_path / "issues.gpkg"
    res = run_guotu("lines", "check", "--workspace", str(ws), "--area", "planar", "--landuse", str(dltb),
                    "--class-field", "DLBM", "--system", "SANDIAO_WORK", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "L14" not in by_rule(issues(out))
    ds = ogr.Open(str(out))
    a1 = {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}["110101"]
    assert a1["cultivated_ha"] == pytest.approx(50.0) and a1["farmland_share"] == pytest.approx(41.0175 / 50)
    res, out = check(tmp_path, ws)  # the same ground without KCXS
    assert by_rule(issues(out))["L14"][0]["value"] == pytest.approx(0.410175)


def test_stats_csv_headers_chinese_by_default_or_field_names(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    res, _out = check(tmp_path, ws, "--stats-csv", str(tmp_path / "zh.csv"))
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()[0].startswith("行政区代码,行政区名称")
    other = tmp_path / "names"
    other.mkdir()
    res, _out = check(other, ws, "--stats-csv", str(other / "names.csv"), "--csv-headers", "names")
    assert res.returncode == 0, res.stderr
    zh_rows = (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()
    names_rows = (other / "names.csv").read_text(encoding="utf-8-sig").splitlines()
    assert names_rows[0].startswith("admin_code,admin_name,redline_ha") and names_rows[1:] == zh_rows[1:]
    bad = tmp_path / "bad"
    bad.mkdir()
    res, _out = check(bad, ws, "--stats-csv", str(bad / "x.csv"), "--csv-headers", "english")
    assert res.returncode == 2 and "--csv-headers must be chinese or names" in res.stderr


# ---- the planner's own layers (issue #15): separate sources with a field mapping ----

LINE_TABLES = ("ecological_redline", "permanent_farmland", "urban_boundary")
GDB_LAYERS = {"ecological_redline": "生态保护红线", "permanent_farmland": "永久基本农田", "urban_boundary": "城镇开发边界"}
# Admin fields as a planning database spells them (upper case, its own names; no cap field).
ADMIN_FIELDS = {"xzqdm": "XZQDM", "xzqmc": "XZQMC", "erl_target_ha": "HXRWMJ", "pbf_target_ha": "NTRWMJ",
                "urban_2020_ha": "CZYD2020"}


def split_workspace(tmp: Path, ws: Path) -> dict[str, Path]:
    """Each layer of the workspace in a GeoPackage of its own (same features, fids, fields)."""
    out = {}
    for table in LINE_TABLES + ("admin_units",):
        path = tmp / f"{table}.gpkg"
        gdal.VectorTranslate(str(path), str(ws), layers=[table], format="GPKG")
        out[table] = path
    return out


def delivered(tmp: Path, ws: Path, admin_fields: dict[str, str] = ADMIN_FIELDS) -> tuple[Path, Path]:
    """The workspace's layers as a planner receives them: the three lines in a File Geodatabase
    (规划成果.gdb, layers named 生态保护红线, 永久基本农田, 城镇开发边界) and the admin units as a
    GBK shapefile with its .cpg, its fields renamed (upper case, own names) as `admin_fields` says."""
    gdb = tmp / "规划成果.gdb"
    for k, table in enumerate(LINE_TABLES):
        gdal.VectorTranslate(str(gdb), str(ws), layers=[table], layerName=GDB_LAYERS[table], format="OpenFileGDB",
                             accessMode="update" if k else None)
    shp = tmp / "xzq.shp"
    src_ds = ogr.Open(str(ws))
    src = src_ds.GetLayerByName("admin_units")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(shp))
    layer = ds.CreateLayer("xzq", src.GetSpatialRef(), ogr.wkbPolygon, options=["ENCODING=CP936"])
    for old, new in admin_fields.items():
        layer.CreateField(ogr.FieldDefn(new, ogr.OFTString if old in ("xzqdm", "xzqmc") else ogr.OFTReal))
    for f in src:
        g = ogr.Feature(layer.GetLayerDefn())
        for old, new in admin_fields.items():
            if f.IsFieldSetAndNotNull(old):
                g[new] = f[old]
        g.SetGeometry(f.GetGeometryRef())
        layer.CreateFeature(g)
    ds = None
    return gdb, shp


def delivered_args(gdb: Path, shp: Path) -> list[str]:
    args = []
    for table, option in zip(LINE_TABLES, ("--redline", "--farmland", "--urban")):
        args += [option, str(gdb), f"{option}-layer", GDB_LAYERS[table]]
    return args + ["--admin", str(shp)]


def run_check(tmp: Path, name: str, *args: str):
    out = tmp / f"{name}.gpkg"
    res = run_guotu("lines", "check", "--area", "planar", "--landuse", str(tmp / "dltb.gpkg"), "--class-field",
                    "dlbm", "-o", str(out), *args)
    return res, out


def table(out: Path, name: str) -> list[dict]:
    ds = ogr.Open(str(out))
    return [f.items() for f in ds.GetLayerByName(name)]


def stats_meta(out: Path) -> dict[str, str]:
    ds = ogr.Open(str(out))
    return ds.GetLayerByName("line_stats").GetMetadata()


def notes(out: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in table(out, "notes"):
        found.setdefault(row["rule_id"] or "", []).append(row["note_en"])
    return found


def comparable(rows: list[dict], keep_fingerprint: bool = True, digits: int = 9) -> list[tuple]:
    drop = {"message_zh", "message_en"} | (set() if keep_fingerprint else {"fingerprint"})
    return sorted((tuple((k, round(v, digits) if isinstance(v, float) else v) for k, v in sorted(r.items())
                         if k not in drop) for r in rows), key=repr)


def test_the_workspace_split_into_files_gives_the_same_issues_and_statistics(tmp_path: Path) -> None:
    """Parity: the four layers of the workspace as separate GeoPackages (no workspace), or one
    of them replacing the workspace's, give the workspace's issues (fingerprints too) and
    statistics; only the exceptions table is gone without the workspace, and a note says so."""
    ws = workspace(tmp_path)
    cultivated(tmp_path)
    res, base = run_check(tmp_path, "base", "--workspace", str(ws))
    assert res.returncode == 0, res.stderr
    parts = split_workspace(tmp_path, ws)
    res, split = run_check(tmp_path, "split", "--redline", str(parts["ecological_redline"]), "--farmland",
                           str(parts["permanent_farmland"]), "--urban", str(parts["urban_boundary"]), "--admin",
                           str(parts["admin_units"]))
    assert res.returncode == 0, res.stderr
    res, mixed = run_check(tmp_path, "mixed", "--workspace", str(ws), "--farmland", str(parts["permanent_farmland"]))
    assert res.returncode == 0, res.stderr
    for out in (split, mixed):
        for name in ("issues", "issue_points", "line_stats"):
            assert table(out, name) == table(base, name), (out, name)
    assert len(table(base, "issues")) == 14
    assert notes(split)[""] == ["no exceptions table: every issue is open"]
    assert "" not in notes(base) and "" not in notes(mixed)
    meta = stats_meta(split)
    assert meta["workspace"] == "(none)" and meta["admin_id_field"] == "xzqdm"
    assert meta["farmland"].endswith("permanent_farmland.gpkg|layername=permanent_farmland")


def test_delivered_layers_file_geodatabase_and_gbk_shapefile_with_own_fields(tmp_path: Path) -> None:
    """The lines in a File Geodatabase under Chinese layer names, the admin units in a GBK
    shapefile (.cpg) with upper-case fields of their own: mapped on the command line, the
    workspace's issues and statistics come out; the missing cap field is a note (the cap of
    --expansion-cap for every unit), not an error."""
    ws = workspace(tmp_path)
    cultivated(tmp_path)
    res, base = run_check(tmp_path, "base", "--workspace", str(ws))
    assert res.returncode == 0, res.stderr
    gdb, shp = delivered(tmp_path, ws)
    assert (tmp_path / "xzq.cpg").exists()
    mapping = ["--redline-target", "hxrwmj", "--farmland-target", "NTRWMJ", "--urban-2020-field", "CzYd2020"]
    res, out = run_check(tmp_path, "delivered", *delivered_args(gdb, shp), *mapping)
    assert res.returncode == 0, res.stderr
    # A File Geodatabase stores rings in its own orientation and coordinates on a 0.1 mm grid:
    # the same problems, the WKB (so the fingerprint) and the last digits may differ.
    assert comparable(table(out, "issues") + table(out, "issue_points"), False, 6) == \
        comparable(table(base, "issues") + table(base, "issue_points"), False, 6)
    stats = table(out, "line_stats")
    assert comparable(stats, digits=6) == comparable(table(base, "line_stats"), digits=6)
    assert stats[0]["admin_name"] == "甲区" and stats[0]["expansion_cap"] == pytest.approx(1.3)
    found = notes(out)
    assert found["L11"][0] == "L11: the admin units have no field 'expansion_cap'; the cap 1.3 applies to every unit"
    assert "no field 'expansion_cap'" in res.stderr and "no exceptions table" in res.stderr
    assert "Three-lines check of the layers 生态保护红线, 永久基本农田, 城镇开发边界 and xzq" in res.stdout
    meta = stats_meta(out)
    assert (meta["admin_id_field"], meta["redline_target_field"], meta["urban_2020_field"],
            meta["expansion_cap_field"]) == ("XZQDM", "HXRWMJ", "CZYD2020", "(none)")


def test_missing_targets_skip_their_rules_with_a_note(tmp_path: Path) -> None:
    """Admin units with only a code and a name: L11, L12 and L13 cannot be checked — no issue,
    no verdict and no value in the statistics (NULL, not 0), a note per rule; without land use
    L14 is noted too. The geometry rules run as before."""
    ws = workspace(tmp_path)
    gdb, shp = delivered(tmp_path, ws, {"xzqdm": "XZQDM", "xzqmc": "XZQMC"})
    out = tmp_path / "o.gpkg"
    res = run_guotu("lines", "check", "--area", "planar", *delivered_args(gdb, shp), "-o", str(out))
    assert res.returncode == 0, res.stderr
    rules = by_rule(issues(out))
    assert not {"L11", "L12", "L13", "L14"} & set(rules)
    assert {"L01", "L02", "L04", "L05", "L06", "L07", "L08", "L10"} <= set(rules)
    a1 = {r["admin_code"]: r for r in table(out, "line_stats")}["110101"]
    assert a1["redline_ha"] == pytest.approx(21)
    for column in ("redline_target_ha", "farmland_target_ha", "urban_2020_ha", "expansion", "cultivated_ha",
                   "farmland_share"):
        assert a1[column] is None, column
    assert (a1["redline_ok"], a1["farmland_ok"], a1["expansion_ok"], a1["share_ok"]) == ("", "", "", "")
    found = notes(out)
    assert found["L13"] == ["L13 red line below target: not checked, the admin units have no field 'erl_target_ha'"]
    assert found["L12"] == ["L12 farmland below target: not checked, the admin units have no field 'pbf_target_ha'"]
    assert found["L11"][0].startswith("L11 urban expansion over the cap: not checked, no 2020 urban construction "
                                      "land (the admin units have no field 'urban_2020_ha'")
    assert found["L14"][0].startswith("L14 farmland below the share of cultivated land: not checked")
    zh = {r["rule_id"]: r["note_zh"] for r in table(out, "notes")}
    assert zh["L13"] == "L13 生态保护红线低于保护任务：未检查，行政区没有字段 erl_target_ha"
    for rule in ("L11", "L12", "L13", "L14"):
        assert f"note: {rule}" in res.stderr
    assert "(name the field with --redline-target)" in res.stderr
    assert "not checked: L11 L12 L13 L14" in res.stdout
    meta = stats_meta(out)
    assert meta["rules_not_checked"] == "L11,L12,L13,L14"
    # A rule left out with --rules is not noted; a 2020 urban land layer brings L11 back.
    urban = write_layer(tmp_path / "cz2020.gpkg", "cz2020", 4527, [], [({}, b(600, 600, 850, 700))])
    res = run_guotu("lines", "check", "--area", "planar", *delivered_args(gdb, shp), "--rules", "L11,L13",
                    "--urban-2020", str(urban), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert by_rule(issues(out))["L11"][0]["value"] == pytest.approx(4.25 / 2.5)
    assert set(notes(out)) == {"", "L11", "L13"} and "cap 1.3" in notes(out)["L11"][0]
    # 乙区 has no 2020 urban land in that layer: L11 cannot be decided there, and says so.
    assert "L11 not checked in 1 of 2 admin units (no 2020 urban land): 110102" in notes(out)["L11"]


def test_units_without_a_value_are_named_in_a_note(tmp_path: Path) -> None:
    """The workspace's 乙区 (110102) has no targets and no 2020 urban land: L11-L13 ran but
    could not decide there, and a note names the unit for each."""
    res, out = check(tmp_path, workspace(tmp_path))
    assert res.returncode == 0, res.stderr
    found = notes(out)
    assert found["L12"] == ["L12 not checked in 1 of 2 admin units (no farmland target): 110102"]
    assert found["L13"] == ["L13 not checked in 1 of 2 admin units (no red-line target): 110102"]
    assert found["L11"] == ["L11 not checked in 1 of 2 admin units (no 2020 urban land): 110102"]
    assert found["L14"] == ["L14 not checked in 1 of 2 admin units (no cultivated land): 110102"]
    zh = {r["rule_id"]: r["note_zh"] for r in table(out, "notes")}
    assert zh["L12"] == "L12：2 个行政区中 1 个未检查（没有永久基本农田保护任务）：110102"


def test_fields_named_on_the_command_line_must_exist(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    gdb, shp = delivered(tmp_path, ws)
    out = tmp_path / "o.gpkg"
    res = run_guotu("lines", "check", *delivered_args(gdb, shp), "--redline-target", "ERL", "-o", str(out))
    assert res.returncode == 1 and "no field 'ERL'" in res.stderr and "--redline-target" in res.stderr
    assert "HXRWMJ" in res.stderr  # the fields it has
    renamed, shp2 = delivered(tmp_path / "b" if (tmp_path / "b").mkdir() is None else tmp_path, ws,
                              {"xzqdm": "CODE", "xzqmc": "NAME"})
    res = run_guotu("lines", "check", *delivered_args(renamed, shp2), "-o", str(out))
    assert res.returncode == 1 and "no field 'XZQDM'" in res.stderr and "--admin-id" in res.stderr
    res = run_guotu("lines", "check", *delivered_args(renamed, shp2), "--admin-id", "code", "--admin-name", "name",
                    "--area", "planar", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert {r["admin_code"]: r["admin_name"] for r in table(out, "line_stats")} == {"110101": "甲区", "110102": "乙区"}
    assert not out.with_suffix(".gpkg-journal").exists()


def test_a_file_of_several_layers_needs_the_layer_named(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    gdb, shp = delivered(tmp_path, ws)
    res = run_guotu("lines", "check", "--redline", str(gdb), "--farmland", str(gdb), "--farmland-layer", "永久基本农田",
                    "--urban", str(gdb), "--urban-layer", "城镇开发边界", "--admin", str(shp), "-o",
                    str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "several polygon layers" in res.stderr and "--redline-layer" in res.stderr
    assert "生态保护红线" in res.stderr
    res = run_guotu("lines", "check", "--redline", str(gdb), "--redline-layer", "红线", "--farmland", str(gdb),
                    "--urban", str(gdb), "--admin", str(shp), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 1 and "no layer '红线'" in res.stderr
    assert not (tmp_path / "o.gpkg").exists()


def test_usage_without_a_workspace_needs_all_four_layers(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    parts = split_workspace(tmp_path, ws)
    res = run_guotu("lines", "check", "--redline", str(parts["ecological_redline"]), "--admin",
                    str(parts["admin_units"]), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 2 and "--farmland, --urban are missing" in res.stderr
    res = run_guotu("lines", "check", "--workspace", str(ws), "--urban-layer", "x", "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 2 and "--urban-layer names a layer of the file given with --urban" in res.stderr
    res = run_guotu("lines", "check", "--workspace", str(ws), "--crs-mismatch", "maybe", "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 2 and "--crs-mismatch must be reproject or fail" in res.stderr
    res = run_guotu("lines", "check", "--help")
    assert res.returncode == 0 and "--redline-target" in res.stdout and "--admin-id" in res.stdout
    # An input is never an output.
    before = parts["permanent_farmland"].read_bytes()
    res = run_guotu("lines", "check", "--workspace", str(ws), "--farmland", str(parts["permanent_farmland"]), "-o",
                    str(parts["permanent_farmland"]))
    assert res.returncode == 1 and "refusing" in res.stderr
    assert parts["permanent_farmland"].read_bytes() == before


def test_a_layer_in_another_crs_is_reprojected_with_a_note_or_refused(tmp_path: Path) -> None:
    """The farmland delivered in geographic CGCS2000 (EPSG:4490): reprojected to the admin
    units' Gauss-Krüger zone with a note (the same rules fire, areas within a few m²), or
    refused with --crs-mismatch fail."""
    ws = workspace(tmp_path)
    cultivated(tmp_path)
    parts = split_workspace(tmp_path, ws)
    degrees = tmp_path / "farmland_4490.gpkg"
    gdal.VectorTranslate(str(degrees), str(parts["permanent_farmland"]), dstSRS="EPSG:4490", format="GPKG")
    res, base = run_check(tmp_path, "base", "--workspace", str(ws))
    res, out = run_check(tmp_path, "reprojected", "--workspace", str(ws), "--farmland", str(degrees))
    assert res.returncode == 0, res.stderr
    assert "permanent farmland layer 'permanent_farmland' was reprojected from EPSG:4490" in res.stderr
    assert any("reprojected" in n for n in notes(out)[""])
    got, want = by_rule(issues(out)), by_rule(issues(base))
    assert set(got) == set(want)
    assert got["L04"][0]["value"] == pytest.approx(want["L04"][0]["value"], abs=1e-3)
    res, out = run_check(tmp_path, "refused", "--workspace", str(ws), "--farmland", str(degrees), "--crs-mismatch",
                         "fail")
    assert res.returncode == 1 and "another CRS than the admin units" in res.stderr and "4490" in res.stderr
    assert not out.exists()


def test_geographic_admin_units_work_in_the_gauss_kruger_zone_of_the_data(tmp_path: Path) -> None:
    """Admin units in geographic CGCS2000 (EPSG:4490): the run works in the 3-degree zone of the
    data's centre (the fixture sits at 117.0°E: CM 117E, EPSG:4548 without zone prefix), says so in
    a note and writes the issues in that zone. The zone has the same meridian and scale as the
    original EPSG:4527 (zone 39 with its prefix): every issue, value and area is the one of the run
    in EPSG:4527, and the geometries are the same, 39,000,000 m (the prefix) to the west."""
    # The 0.5 m strip ends 1 m inside A1 here instead of on A1's border: the border through degrees
    # and back moves by nanometres, and L10 (exact predicates) would see a strip along it cross.
    features = dict(FEATURES, permanent_farmland=[b(699, 100, 999, 100.5) if w == b(700, 100, 1000, 100.5) else w
                                                  for w in FEATURES["permanent_farmland"]])
    ws = workspace(tmp_path, features)
    cultivated(tmp_path)
    degrees = tmp_path / "ws_4490.gpkg"
    gdal.VectorTranslate(str(degrees), str(ws), dstSRS="EPSG:4490", format="GPKG")
    res, base = run_check(tmp_path, "base", "--workspace", str(ws), "--area", "ellipsoidal")
    res, out = run_check(tmp_path, "geographic", "--workspace", str(degrees), "--area", "ellipsoidal")
    assert res.returncode == 0, res.stderr
    zone_note = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of "
                 "the data's centre; outputs are in EPSG:4548")
    assert zone_note in res.stderr
    assert zone_note in notes(out)[""]
    assert "permanent farmland layer 'permanent_farmland' was reprojected from EPSG:4490" in res.stderr
    ds = ogr.Open(str(out))
    assert ds.GetLayerByName("issues").GetSpatialRef().GetAuthorityCode(None) == "4548"
    ds = None
    # Planar areas too: the land use's tally by admin unit (L14) is made in the zone, not refused.
    res, planar = run_check(tmp_path, "planar_deg", "--workspace", str(degrees))
    assert res.returncode == 0, res.stderr
    res, planar_base = run_check(tmp_path, "planar_base", "--workspace", str(ws))
    want = {r["admin_code"]: r for r in table(planar_base, "line_stats")}
    for row in table(planar, "line_stats"):
        for name in ("cultivated_ha", "farmland_ha", "redline_ha", "urban_ha"):
            assert row[name] == pytest.approx(want[row["admin_code"]][name], rel=1e-6), name
    assert row["cultivated_ha"] > 0 or want[row["admin_code"]]["cultivated_ha"] == 0
    # Every layer in the admin units' own CRS: --crs-mismatch fail has nothing to refuse (the land
    # use in EPSG:4527 it does refuse, as before).
    strict_out = tmp_path / "strict.gpkg"
    dltb = tmp_path / "dltb_4490.gpkg"
    gdal.VectorTranslate(str(dltb), str(tmp_path / "dltb.gpkg"), dstSRS="EPSG:4490", format="GPKG")
    strict = run_guotu("lines", "check", "--workspace", str(degrees), "--landuse", str(dltb), "--class-field", "dlbm",
                       "--crs-mismatch", "fail", "-o", str(strict_out))
    assert strict.returncode == 0 and zone_note in strict.stderr, strict.stderr
    assert sorted(r["fingerprint"] for r in issues(strict_out)) == sorted(r["fingerprint"] for r in issues(out))
    got, want = by_rule(issues(out)), by_rule(issues(base))
    assert set(got) == set(want) and all(len(got[k]) == len(want[k]) for k in want)
    for rule in want:
        def key(r):
            return r["fid_a"] or 0, r["fid_b"] or 0, r["admin_code"] or ""
        for g, w in zip(sorted(got[rule], key=key), sorted(want[rule], key=key)):
            assert key(g) == key(w)
            if isinstance(w["value"], float):
                assert g["value"] == pytest.approx(w["value"], rel=1e-6, abs=1e-6), (rule, g, w)
    areas = {}
    for path, shift in ((base, 0.0), (out, 39_000_000.0)):
        ds = ogr.Open(str(path))
        layer = ds.GetLayerByName("issues")
        areas[path] = sorted(round(f.GetGeometryRef().GetArea(), 3) for f in layer)
        env = layer.GetExtent()
        areas[path, "x"] = round(env[0] + shift, 3), round(env[1] + shift, 3)
    assert areas[out] == areas[base] and areas[out, "x"] == areas[base, "x"]


def test_gbk_admin_shapefile_without_cpg_needs_its_encoding(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    gdb, shp = delivered(tmp_path, ws)
    (tmp_path / "xzq.cpg").unlink()  # as in many real deliveries: GBK bytes, no .cpg
    out = tmp_path / "o.gpkg"
    res = run_guotu("lines", "check", "--area", "planar", *delivered_args(gdb, shp), "-o", str(out))
    assert res.returncode == 1 and "UTF-8" in res.stderr and "--encoding CP936" in res.stderr
    res = run_guotu("lines", "check", "--area", "planar", *delivered_args(gdb, shp), "--encoding", "CP936", "-o",
                    str(out))
    assert res.returncode == 0, res.stderr
    assert [r["admin_name"] for r in table(out, "line_stats")] == ["甲区", "乙区"]


def test_cultivated_land_net_of_tiankan_and_targets_switched_off(tmp_path: Path) -> None:
    """L14's cultivated land net of 田坎 by hand: 110101 = 50 ha of 0101 (KCXS 0.1) + 50 ha of 0103
    (KCXS 0.2) → 45 + 40 = 85 ha, farmland share 41.0175 / 85; --deduction none: 100 ha. An empty
    --farmland-target switches L12 off (the admin units have pbf_target_ha) with its own note;
    --deduction '' is refused."""
    ws = workspace(tmp_path)
    dltb = write_layer(tmp_path / "dltb_kc.gpkg", "DLTB", 4527, [("DLBM", ogr.OFTString), ("KCXS", ogr.OFTReal)],
                       [({"DLBM": "0101", "KCXS": 0.1}, b(0, 0, 500, 1000)),
                        ({"DLBM": "0103", "KCXS": 0.2}, b(500, 0, 1000, 1000)),
                        ({"DLBM": "0301", "KCXS": 0.3}, b(1000, 0, 2000, 1000))])
    landuse = ["--landuse", str(dltb), "--class-field", "DLBM", "--system", "SANDIAO_WORK"]

    def stats(out: Path) -> dict:
        ds = ogr.Open(str(out))  # kept while its layer is read
        return {f["admin_code"]: f.items() for f in ds.GetLayerByName("line_stats")}

    def table(out: Path, name: str):
        ds = ogr.Open(str(out))
        layer = ds.GetLayerByName(name)
        return [f.items() for f in layer], layer.GetMetadataItem("tiankan_deduction")

    net, gross, off = tmp_path / "net.gpkg", tmp_path / "gross.gpkg", tmp_path / "off.gpkg"
    for out, extra in ((net, []), (gross, ["--deduction", "none"]), (off, ["--farmland-target", ""])):
        res = run_guotu("lines", "check", "--workspace", str(ws), "--area", "planar", *landuse, *extra, "-o", str(out))
        assert res.returncode == 0, res.stderr
    assert stats(net)["110101"]["cultivated_ha"] == pytest.approx(85.0, abs=1e-9)
    assert stats(net)["110101"]["farmland_share"] == pytest.approx(41.0175 / 85.0, rel=1e-12)
    assert stats(gross)["110101"]["cultivated_ha"] == pytest.approx(100.0, abs=1e-9)
    assert table(net, "line_stats")[1] == "KCXS"
    assert "L12" in by_rule(issues(net)) and "L12" not in by_rule(issues(off))
    notes = [f["note_en"] for f in table(off, "notes")[0]]
    assert "L12 farmland below target: not checked, no target field was chosen" in notes
    assert stats(off)["110101"]["farmland_target_ha"] is None
    res = run_guotu("lines", "check", "--workspace", str(ws), *landuse, "--deduction", "", "-o",
                    str(tmp_path / "x.gpkg"))
    assert res.returncode == 2 and "--deduction must be auto, none or a field name" in res.stderr
