"""The three-lines fixture of the CLI tests (tests/cli/test_cli_lines_check.py), reused.

The workspace that triggers every rule once, with hand-computed values (planar metres
from the GK-39 origin X0, Y0), is made by the CLI test's own ``workspace()`` and
``cultivated()`` — run in a child process with the built ``guotu`` binary, so that the
plugin tests check the very file the CLI tests check, and GDAL settings of the CLI
helpers (gdal.UseExceptions) stay out of this QGIS process:

  A1 [0,1000]²: red line 20 + 1 = 21 ha < target 30 (L13); farmland 41.0175 ha < 50 (L12)
     and 41 % of 100 ha cultivated < 80 % (L14); urban 4.25 ha ÷ 3 ha = 1.417 > 1.3 (L11).
  L04 R1∩F1 5 ha; L05 U2 inside R1 0.25 ha; L06 U1∩F1 2 ha; L02 F3 = F4; L03 F2∩F3, F2∩F4
  2 ha each, F7∩F8 0.5 m² minor; L07 F6 width 0.499 m; L08 F5 25 m²; L10 R2 across A1|A2;
  L01 the bow-tie R3.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from conftest import BUILD_DIR, REPO

CLI_TESTS = REPO / "tests" / "cli"
GUOTU_CLI = BUILD_DIR / "core" / "guotu"
X0, Y0 = 39_500_000.0, 4_400_000.0

# Hand values of the CLI test (planar areas).
HAND = {"L04": 5.0, "L05": 0.25, "L06": 2.0, "L07": 300 / 601, "L11": 4.25 / 3, "L12": 41.0175 - 50,
        "L13": -9.0, "L14": 0.410175}
EVERY_RULE_ONCE = ("L01", "L02", "L04", "L05", "L06", "L07", "L08", "L10", "L11", "L12", "L13", "L14")

_MAKE = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_lines_check as t
out = Path(sys.argv[2])
t.workspace(out)
t.cultivated(out)
print(json.dumps({"features": t.FEATURES}))
"""


def make_fixture(folder: Path) -> Dict[str, Any]:
    """Writes ws.gpkg (the workspace) and dltb.gpkg (land use: A1 0101 水田, A2 0301) into
    ``folder`` with the CLI test's code; returns the CLI test's FEATURES (WKT per layer)."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GUOTU_CLI=str(GUOTU_CLI))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", _MAKE, str(CLI_TESTS), str(folder)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def copy_fixture(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in ("ws.gpkg", "dltb.gpkg"):
        shutil.copy(source / name, target / name)
    return target


def b(x0: float, y0: float, x1: float, y1: float) -> str:
    """A box in fixture coordinates (metres from X0, Y0), as WKT."""
    return (f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},{X0 + x0} {Y0 + y1},"
            f"{X0 + x0} {Y0 + y0}))")


def ws_layer(ws: Path, table: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{ws}|layername={table}", table, "ogr")
    assert layer.isValid(), table
    return layer


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU_CLI), *args], capture_output=True, text=True, timeout=300)


def cli_check(folder: Path, ws: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """`guotu lines check` as the CLI test runs it (planar, land use SANDIAO_WORK)."""
    return run_cli("lines", "check", "--workspace", str(ws), "--area", "planar", "--landuse",
                   str(folder / "dltb.gpkg"), "--class-field", "dlbm", "--system", "SANDIAO_WORK", "-o", str(out),
                   *extra)


def rows(layer: QgsVectorLayer) -> List[Dict[str, Any]]:
    """Features as dicts (NULL as None), in the layer's order."""
    names = layer.fields().names()
    out = []
    for feature in layer.getFeatures(QgsFeatureRequest()):
        row = {}
        for name in names:
            value = feature[name]
            row[name] = None if value is None or (hasattr(value, "isNull") and value.isNull()) else value
        row["_wkb"] = bytes(feature.geometry().asWkb()) if feature.hasGeometry() else b""
        out.append(row)
    return out


def by_rule(issue_rows: List[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    found: Dict[str, List[Dict[str, Any]]] = {}
    for row in issue_rows:
        found.setdefault(row["rule_id"], []).append(row)
    return found


_made: Dict[str, Any] = {}


def shared_fixture(tmp_path_factory) -> Path:
    """The CLI-made fixture, made once per session (tests copy it before changing it)."""
    if "dir" not in _made:
        folder = tmp_path_factory.mktemp("lines_fixture")
        _made["features"] = make_fixture(folder)["features"]
        _made["dir"] = folder
    return _made["dir"]


def features() -> Dict[str, List[str]]:
    return _made["features"]


_DELIVER = """
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_lines_check as t
out = Path(sys.argv[2])
fields = json.loads(sys.argv[3]) or t.ADMIN_FIELDS
gdb, shp = t.delivered(out, out / "ws.gpkg", fields)
print(json.dumps({"gdb": str(gdb), "shp": str(shp), "layers": t.GDB_LAYERS}))
"""


def make_delivered(folder: Path, admin_fields: Dict[str, str] = None) -> Dict[str, Any]:
    """The fixture's workspace in ``folder`` as a planner receives it (the CLI test's
    ``delivered()``): the lines in 规划成果.gdb (layers 生态保护红线, 永久基本农田, 城镇开发边界), the
    admin units in the GBK shapefile xzq.shp (.cpg) with the fields ``admin_fields`` (workspace
    name -> delivered name; default XZQDM, XZQMC, HXRWMJ, NTRWMJ, CZYD2020, no cap field)."""
    env = dict(os.environ, GUOTU_CLI=str(GUOTU_CLI))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", _DELIVER, str(CLI_TESTS), str(folder),
                             json.dumps(admin_fields or {})], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def delivered_layers(made: Dict[str, Any]) -> Dict[str, QgsVectorLayer]:
    """The delivered layers opened in QGIS as a planner would add them to the project."""
    layers = {}
    for param, table in (("REDLINE", "ecological_redline"), ("FARMLAND", "permanent_farmland"),
                         ("URBAN", "urban_boundary")):
        name = made["layers"][table]
        layers[param] = QgsVectorLayer(f"{made['gdb']}|layername={name}", name, "ogr")
    layers["ADMIN"] = QgsVectorLayer(made["shp"], "xzq", "ogr")
    assert all(layer.isValid() for layer in layers.values())
    return layers


def delivered_cli_args(made: Dict[str, Any]) -> List[str]:
    args = []
    for table, option in (("ecological_redline", "--redline"), ("permanent_farmland", "--farmland"),
                          ("urban_boundary", "--urban")):
        args += [option, made["gdb"], f"{option}-layer", made["layers"][table]]
    return args + ["--admin", made["shp"]]
