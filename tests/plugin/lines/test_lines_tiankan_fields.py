"""guotu:threelinescheck on real data, the defects of issue #15 closed: cultivated land for L14 net
of 田坎 (KCXS) exactly as `guotu lines check --deduction` computes it, and target fields that can
be switched off (an empty value means none, through qgis_process ``NAME=`` and the CLI's
``--X-target ''``), each by hand on the CLI tests' fixture (planar metres).

Fixture (tests/cli/test_cli_lines_check.py): admin unit 110101 = [0,1000]² (100 ha) with farmland
41.0175 ha and targets red line 30, farmland 50, 2020 urban land 3; 110102 = [1000,2000]×[0,1000]
without targets. The land use here: 110101 split into two 50 ha parcels, 0101 水田 with KCXS 0.1
and 0103 旱地 with KCXS 0.2, so cultivated land net of 田坎 is 50 × 0.9 + 50 × 0.8 = 85 ha (gross
100 ha); 110102 one 0301 forest parcel with KCXS 0.3 (not cultivated: 0 ha either way).
"""

import os
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr, osr

import lines_data as ld

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:threelinescheck"
FARMLAND_A1 = 41.0175
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture
def fx(tmp_path_factory, tmp_path: Path) -> Path:
    return ld.copy_fixture(ld.shared_fixture(tmp_path_factory), tmp_path / "fx")


def _landuse(path: Path, kcxs: str = "KCXS") -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("DLTB", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DLBM", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn(kcxs, ogr.OFTReal))
    for code, share, box in (("0101", 0.1, (0, 0, 500, 1000)), ("0103", 0.2, (500, 0, 1000, 1000)),
                             ("0301", 0.3, (1000, 0, 2000, 1000))):
        f = ogr.Feature(layer.GetLayerDefn())
        f["DLBM"], f[kcxs] = code, share
        f.SetGeometry(ogr.CreateGeometryFromWkt(ld.b(*box)))
        layer.CreateFeature(f)
    ds = None
    return path


def _run(params: dict) -> dict:
    import processing

    full = {"AREA_METHOD": 1, "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:",
            "NOTES": "memory:"}
    full.update(params)
    return processing.run(ALG, full)


def _stats(rows) -> dict:
    return {r["admin_code"]: r for r in rows}


def _cli(fx: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return ld.run_cli("lines", "check", "--workspace", str(fx / "ws.gpkg"), "--area", "planar", "-o", str(out),
                      *extra)


def _meta(out: Path, key: str) -> str:
    ds = ogr.Open(str(out))
    return ds.GetLayerByName("line_stats").GetMetadataItem(key)


def test_cultivated_land_is_net_of_tiankan_as_the_cli_computes_it(fx: Path, tmp_path: Path) -> None:
    dltb = _landuse(tmp_path / "dltb_kc.gpkg")
    landuse = ["--landuse", str(dltb), "--class-field", "DLBM", "--system", "SANDIAO_WORK"]
    net_out, gross_out = tmp_path / "net.gpkg", tmp_path / "gross.gpkg"
    assert _cli(fx, net_out, *landuse).returncode == 0
    res = _cli(fx, gross_out, *landuse, "--deduction", "none")
    assert res.returncode == 0, res.stderr
    assert _meta(net_out, "tiankan_deduction") == "KCXS" and _meta(gross_out, "tiankan_deduction") == "(none)"
    cli_net = _stats(ld.rows(ld.ws_layer(net_out, "line_stats")))
    cli_gross = _stats(ld.rows(ld.ws_layer(gross_out, "line_stats")))
    # by hand
    assert cli_net["110101"]["cultivated_ha"] == pytest.approx(85.0, abs=1e-9)
    assert cli_net["110101"]["farmland_share"] == pytest.approx(FARMLAND_A1 / 85.0, rel=1e-12)
    assert cli_gross["110101"]["cultivated_ha"] == pytest.approx(100.0, abs=1e-9)
    assert cli_net["110102"]["cultivated_ha"] == pytest.approx(0.0, abs=1e-12)

    base = {"WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{dltb}|layername=DLTB", "CLASS_FIELD": "DLBM",
            "SYSTEM": 1}
    net = _stats(ld.rows(_run(base)["LINE_STATS"]))  # on by default: KCXS found
    named = _stats(ld.rows(_run(dict(base, DEDUCTION_FIELD="KCXS"))["LINE_STATS"]))
    gross = _stats(ld.rows(_run(dict(base, DEDUCT=False))["LINE_STATS"]))
    for mine, cli in ((net, cli_net), (named, cli_net), (gross, cli_gross)):
        assert mine.keys() == cli.keys() == {"110101", "110102"}
        for code, row in cli.items():
            for key in ("cultivated_ha", "farmland_share", "farmland_ha"):
                assert mine[code][key] == pytest.approx(row[key], rel=1e-12, abs=1e-12), (code, key)
            assert mine[code]["share_ok"] == row["share_ok"]
    assert net["110101"]["cultivated_ha"] == pytest.approx(85.0, abs=1e-9)
    assert gross["110101"]["cultivated_ha"] == pytest.approx(100.0, abs=1e-9)


def test_a_coefficient_field_of_another_name(fx: Path, tmp_path: Path) -> None:
    """`--deduction TKXS` = DEDUCTION_FIELD=TKXS; without it the layer has no KCXS: gross."""
    dltb = _landuse(tmp_path / "dltb_tk.gpkg", kcxs="TKXS")
    out = tmp_path / "tk.gpkg"
    res = _cli(fx, out, "--landuse", str(dltb), "--class-field", "DLBM", "--system", "SANDIAO_WORK",
               "--deduction", "TKXS")
    assert res.returncode == 0, res.stderr
    cli = _stats(ld.rows(ld.ws_layer(out, "line_stats")))
    base = {"WORKSPACE": str(fx / "ws.gpkg"), "LANDUSE": f"{dltb}|layername=DLTB", "CLASS_FIELD": "DLBM",
            "SYSTEM": 1}
    mine = _stats(ld.rows(_run(dict(base, DEDUCTION_FIELD="TKXS"))["LINE_STATS"]))
    assert cli["110101"]["cultivated_ha"] == pytest.approx(85.0, abs=1e-9)
    assert mine["110101"]["cultivated_ha"] == pytest.approx(85.0, abs=1e-9)
    plain = _stats(ld.rows(_run(base)["LINE_STATS"]))
    assert plain["110101"]["cultivated_ha"] == pytest.approx(100.0, abs=1e-9)


def _qgis_env(plugin_root: Path, tmp_path: Path) -> dict:
    home = tmp_path / "home"
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root))
    env.pop("GUOTU_LIBRARY", None)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "guotu"], env=env, capture_output=True, text=True,
                            timeout=60)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    return env


def _process(env: dict, tmp_path: Path, tag: str, *params: str) -> Path:
    ws = tmp_path / "fx" / "ws.gpkg"
    folder = tmp_path / tag
    folder.mkdir()
    args = [f"REDLINE={ws}|layername=ecological_redline", f"FARMLAND={ws}|layername=permanent_farmland",
            f"URBAN={ws}|layername=urban_boundary", f"ADMIN={ws}|layername=admin_units", "AREA_METHOD=1",
            f"ISSUES={folder / 'issues.gpkg'}", f"ISSUE_POINTS={folder / 'points.gpkg'}",
            f"LINE_STATS={folder / 'stats.gpkg'}", f"NOTES={folder / 'notes.gpkg'}", *params]
    res = subprocess.run([QGIS_PROCESS, "run", ALG, "--", *args], env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr
    return folder


def _one(path: Path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), path.stem, "ogr")
    assert layer.isValid(), path
    return ld.rows(layer)


def test_an_emptied_target_field_is_none_through_qgis_process_as_in_the_cli(fx: Path, plugin_root: Path,
                                                                              tmp_path: Path) -> None:
    """The admin units have pbf_target_ha and xzqmc; `FARMLAND_TARGET=` and `ADMIN_NAME=` switch them off:
    no L12 (110101's farmland 41.0175 ha < 50 is otherwise a finding), the note says no field was
    chosen, the units are named by their codes — the CLI's tables with --farmland-target '' --admin-name ''."""
    env = _qgis_env(plugin_root, tmp_path)
    default = _process(env, tmp_path, "default")
    off = _process(env, tmp_path, "off", "FARMLAND_TARGET=", "ADMIN_NAME=")

    rules = {r["rule_id"] for r in _one(default / "issues.gpkg")}
    assert "L12" in rules and "L13" in rules
    rules_off = [r for r in _one(off / "issues.gpkg")]
    assert "L12" not in {r["rule_id"] for r in rules_off} and "L13" in {r["rule_id"] for r in rules_off}
    notes = [r["note_en"] for r in _one(off / "notes.gpkg")]
    assert "L12 farmland below target: not checked, no target field was chosen" in notes
    assert "no admin name field was chosen: the units are named by their codes" in notes
    stats = _stats(_one(off / "stats.gpkg"))
    assert stats["110101"]["farmland_target_ha"] is None and stats["110101"]["farmland_ok"] in ("", None)
    assert stats["110101"]["redline_target_ha"] == pytest.approx(30.0)
    assert _stats(_one(default / "stats.gpkg"))["110101"]["admin_name"] == "甲区"

    cli_out = tmp_path / "cli_off.gpkg"
    ws = fx / "ws.gpkg"
    res = ld.run_cli("lines", "check", "--workspace", str(ws), "--redline", str(ws), "--redline-layer", "ecological_redline",
                     "--farmland", str(ws), "--farmland-layer", "permanent_farmland", "--urban", str(ws),
                     "--urban-layer", "urban_boundary", "--admin", str(ws), "--admin-layer", "admin_units",
                     "--area", "planar", "--farmland-target", "", "--admin-name", "", "-o", str(cli_out))
    assert res.returncode == 0, res.stderr
    assert _meta(cli_out, "farmland_target_field") == "(none)"
    assert _meta(cli_out, "rules_not_checked") == "L12,L14"  # L14: no land use given
    for table, mine in (("issues", rules_off), ("line_stats", _one(off / "stats.gpkg")),
                        ("notes", _one(off / "notes.gpkg"))):
        cli = ld.rows(ld.ws_layer(cli_out, table))
        assert len(cli) == len(mine), table
        for c, p in zip(cli, mine):
            c.pop("fid", None)
            p.pop("fid", None)
            c.pop("_wkb")
            p.pop("_wkb")
            for name, value in c.items():
                if isinstance(value, float):
                    assert p[name] == pytest.approx(value, rel=1e-12, abs=1e-12), (table, name)
                else:
                    assert p[name] == value, (table, name)


def test_an_empty_name_for_a_field_the_layer_lacks_means_the_known_name(fx: Path, tmp_path: Path) -> None:
    """Emptying a field the admin layer does not have changes nothing: the known name's note (the
    Processing dialog sends an empty field for it), in the CLI and in QGIS alike."""
    made = ld.make_delivered(fx)  # HXRWMJ, NTRWMJ, CZYD2020: no known target names
    layers = ld.delivered_layers(made)
    result = _run(dict(layers, ADMIN_ID="XZQDM", ADMIN_NAME="XZQMC", REDLINE_TARGET="",
                       FARMLAND_TARGET=""))
    notes = [r["note_en"] for r in ld.rows(result["NOTES"])]
    assert "L13 red line below target: not checked, the admin units have no field 'erl_target_ha'" in notes
    out = tmp_path / "cli.gpkg"
    res = ld.run_cli("lines", "check", *ld.delivered_cli_args(made), "--area", "planar", "--redline-target", "",
                     "--farmland-target", "", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert [r["note_en"] for r in ld.rows(ld.ws_layer(out, "notes"))] == notes
