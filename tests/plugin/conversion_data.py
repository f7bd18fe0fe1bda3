"""The hand-worked conversion fixture of tests/cli/test_cli_convert.py, as QGIS layers.

Planar metres from the GK zone-39 origin (X0, Y0); both layers cover [0,600] x [0,100] = 6 ha:
  before (CAS_LUCC):     21 [0,100]  12 [100,200]  41 [200,300]  21 [300,400]  12 [400,500]  12 [500,600]
  after (SANDIAO_WORK):  0701 [0,150]  1101 [150,200]  0103 [200,300]  0101 [300,400]  0103 [400,500]
                         9999 [500,600]
  21 forest, 12 cultivated, 41 river_water; 0701 construction, 1101 river_water, 0103/0101
  cultivated; 9999 is in no category table.
  forest→construction 1.0 ha (path); cultivated→construction 0.5 (path); cultivated→river_water
  0.5 (gap); river_water→cultivated 1.0 (prohibited); forest→cultivated 1.0 (conditional);
  cultivated→cultivated 1.0 (same); cultivated→9999 1.0 (unknown).
  Standard forest: −1.0 + 0.5·2.10 − 1.0·2.10 − 1.0 = −3.05 ha.
  Zones Z1 = [0,250], Z2 = [250,600].

The strip lists are read from the CLI test itself (not imported: that module switches
GDAL's Python bindings to exceptions for the whole process).
"""

import ast
import subprocess
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import processing
from osgeo import ogr
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from conftest import BUILD_DIR, REPO
from testdata import X0, Y0, memory_layer, write_gpkg

GUOTU = BUILD_DIR / "core" / "guotu"
CLI_TEST = REPO / "tests" / "cli" / "test_cli_convert.py"
Strip = Tuple[str, float, float]


def _cli_constants(*names: str) -> List[list]:
    tree = ast.parse(CLI_TEST.read_text(encoding="utf-8"))
    found: Dict[str, list] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in names:
                found[node.targets[0].id] = ast.literal_eval(node.value)
    return [found[name] for name in names]


BEFORE, AFTER = _cli_constants("BEFORE", "AFTER")
ZONES: List[Strip] = [("Z1", 0, 250), ("Z2", 250, 600)]

# Hand-worked answers (the CLI test's).
STATUS_ALL = {"path": 1.5, "gap": 0.5, "prohibited": 1.0, "conditional": 1.0, "same": 1.0, "unknown": 1.0}
STATUS_Z1 = {"path": 1.5, "gap": 0.5, "prohibited": 0.5}
STATUS_Z2 = {"prohibited": 0.5, "conditional": 1.0, "same": 1.0, "unknown": 1.0}
DM_TOTAL = -1.0 + 0.5 * 2.10 - 1.0 * 2.10 - 1.0
CATEGORY_ALL = {("forest", "construction"): (1.0, "path"), ("cultivated", "construction"): (0.5, "path"),
                ("cultivated", "river_water"): (0.5, "gap"), ("river_water", "cultivated"): (1.0, "prohibited"),
                ("forest", "cultivated"): (1.0, "conditional"), ("cultivated", "cultivated"): (1.0, "same"),
                ("cultivated", ""): (1.0, "unknown")}


def strip_wkt(a: float, b: float) -> str:
    x0, x1, y0, y1 = X0 + a, X0 + b, Y0, Y0 + 100
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def strips_layer(rows: Sequence[Strip], name: str, field: str = "dlbm", crs: str = "EPSG:4527") -> QgsVectorLayer:
    return memory_layer("Polygon", f"&field={field}:string", (([code], strip_wkt(a, b)) for code, a, b in rows),
                        name, crs)


def zones_layer(rows: Sequence[Strip] = ZONES, name: str = "zones") -> QgsVectorLayer:
    return memory_layer("Polygon", "&field=code:string", (([z], strip_wkt(a, b)) for z, a, b in rows), name)


def fixture_layers() -> Dict[str, QgsVectorLayer]:
    return {"before": strips_layer(BEFORE, "before"), "after": strips_layer(AFTER, "after"),
            "zones": zones_layer()}


def write_fixture(folder: Path) -> Dict[str, Path]:
    """The fixture as GeoPackages (what the CLI reads)."""
    paths = {}
    for key, layer in fixture_layers().items():
        path = folder / f"{key}.gpkg"
        write_gpkg(layer, path, "zones" if key == "zones" else "landuse")
        paths[key] = path
    return paths


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), *args], capture_output=True, text=True, timeout=300)


def cli_convert(before: Path, after: Path, out: Path, *extra: str, before_field: str = "dlbm",
                after_field: str = "dlbm", before_system: str = "CAS_LUCC",
                after_system: str = "SANDIAO_WORK") -> subprocess.CompletedProcess:
    return run_cli("convert", "--before", str(before), "--before-class-field", before_field, "--before-system",
                   before_system, "--after", str(after), "--after-class-field", after_field, "--after-system",
                   after_system, "-o", str(out), *extra)


def ogr_rows(path: Path, layer: str) -> List[dict]:
    ds = ogr.Open(str(path))
    assert ds is not None, path
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, (path, layer)
    return [f.items() for f in lyr]


def layer_rows(layer: QgsVectorLayer) -> List[dict]:
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def params(before, after, zones=None, **extra) -> dict:
    p = {"BEFORE": before, "BEFORE_CLASS_FIELD": "dlbm", "BEFORE_SYSTEM": 0,  # CAS_LUCC
         "AFTER": after, "AFTER_CLASS_FIELD": "dlbm", "AFTER_SYSTEM": 1,       # SANDIAO_WORK
         "AREA_METHOD": 1,  # planar, as the CLI test
         "CONVERSIONS": "memory:", "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:"}
    if zones is not None:
        p.update(ZONES=zones, ZONE_ID="code")
    p.update(extra)
    return p


def run_algorithm(parameters: dict, feedback: Optional[QgsProcessingFeedback] = None, context=None) -> dict:
    return processing.run("guotu:landuseconversion", parameters, feedback=feedback, context=context)


def status_areas(rows: List[dict], zone: str) -> Dict[str, float]:
    return {r["status"]: r["area_ha"] for r in rows if r["zone_id"] == zone}
