"""guotu:threelinesimport: the county package's planning layers (a File Geodatabase with Chinese
layer names and its own field names) imported into a workspace give the same check as the
delivered layers themselves; the originals are kept; a failed import leaves nothing."""

import json
import subprocess
import sys
from pathlib import Path

import processing
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from conftest import BUILD_DIR, REPO

pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("county") / "pkg"
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_county_package.py"), "--out",
                    str(out), "--cells", "30"], check=True, capture_output=True, timeout=300)
    return out


def params(package: Path, output: Path) -> dict:
    plan = package / "规划成果.gdb"
    return {"REDLINE": f"{plan}|layername=生态保护红线", "FARMLAND": f"{plan}|layername=永久基本农田",
            "URBAN": f"{plan}|layername=城镇开发边界", "ADMIN": f"{plan}|layername=XZQ_GHZB",
            "FARMLAND_TARGET": "NTRWMJ", "REDLINE_TARGET": "HXRWMJ", "URBAN_2020": "CZYD2020", "OUTPUT": str(output)}


def check(*args: str) -> Path:
    out = Path(args[-1])
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "lines", "check", "--area", "planar", *args[:-1],
                          "-o", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return out


def rows(path: Path, layer: str, keys: tuple) -> list:
    ds = ogr.Open(str(path))
    found = sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in (f[k] for k in keys))
                   for f in ds.GetLayerByName(layer))
    ds = None
    return found


def test_imported_workspace_checks_like_the_delivered_layers(package: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws.gpkg"
    result = processing.run("guotu:threelinesimport", params(package, ws))
    assert result["OUTPUT"] == str(ws) and "ecological_redline" in result["IMPORTED"]
    plan = str(package / "规划成果.gdb")
    delivered = check("--redline", plan, "--redline-layer", "生态保护红线", "--farmland", plan, "--farmland-layer",
                      "永久基本农田", "--urban", plan, "--urban-layer", "城镇开发边界", "--admin", plan, "--admin-layer",
                      "XZQ_GHZB", "--farmland-target", "NTRWMJ", "--redline-target", "HXRWMJ", "--urban-2020-field",
                      "CZYD2020", str(tmp_path / "delivered.gpkg"))
    imported = check("--workspace", str(ws), str(tmp_path / "imported.gpkg"))
    keys = ("admin_code", "admin_name", "redline_ha", "redline_target_ha", "farmland_ha", "farmland_target_ha",
            "urban_ha", "urban_2020_ha")
    assert rows(imported, "line_stats", keys) == rows(delivered, "line_stats", keys)
    issue_keys = ("rule_id", "admin_code", "severity")
    assert rows(imported, "issues", issue_keys) == rows(delivered, "issues", issue_keys)
    assert any(r[0] == "L12" for r in rows(imported, "issues", issue_keys))  # a town short of its task

    # The originals are kept, the mapped fields filled, the tool's fields computed.
    ds = ogr.Open(str(ws))
    red = ds.GetLayerByName("ecological_redline")
    feature = red.GetNextFeature()
    source = json.loads(feature["src_attrs"])
    assert feature["src_layer"] and feature["src_fid"] >= 1
    assert feature["hx_code"] == source["HXBH"] and feature["hx_name"] == source["HXMC"] == f"生态保护红线{1}区"
    assert feature["hx_type"] in ("水源涵养", "生物多样性维护", "水土保持")
    assert feature["area_ha"] > 30 and feature["area_mu"] == pytest.approx(feature["area_ha"] * 15)
    assert feature["admin_code"] in {"130101100", "130101101"}
    admin = {f["xzqdm"]: (f["xzqmc"], f["pbf_target_ha"]) for f in ds.GetLayerByName("admin_units")}
    farmland_codes = {f["jbnt_code"] for f in ds.GetLayerByName("permanent_farmland")}
    ds = None
    assert admin["130101100"][0] == "城关镇" and admin["130101100"][1] > 0
    assert all(c and c.startswith("JB") for c in farmland_codes)


def test_existing_file_is_kept_and_a_failed_import_leaves_nothing(package: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws.gpkg"
    ws.write_bytes(b"drawing work")
    with pytest.raises(QgsProcessingException, match="never replaced"):
        processing.run("guotu:threelinesimport", params(package, ws))
    assert ws.read_bytes() == b"drawing work"
    bad = tmp_path / "bad.gpkg"
    with pytest.raises(QgsProcessingException, match=r'field "XZQMC" is "[^"]+"; a number is needed'):
        processing.run("guotu:threelinesimport", dict(params(package, bad), FARMLAND_TARGET="XZQMC"))
    assert not bad.exists() and not list(tmp_path.glob(".bad.gpkg*"))
    with pytest.raises(QgsProcessingException, match="no field|XYZ"):
        processing.run("guotu:threelinesimport", dict(params(package, bad), REDLINE_NAME="XYZ"))
    assert not bad.exists()
