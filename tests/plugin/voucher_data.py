"""The hand-computed voucher fixture of tests/cli/test_cli_voucher.py, as QGIS layers.

Planar metres from the GK zone-39 origin (X0, Y0), CAS_LUCC preset, reference over the zones
(accounting_params chooses it; pass REFERENCE=None for the algorithm's default, the national values):
  zones  Z1 = [0,1000]x[0,1000]    = 100 ha, GDP 2e8, population 1000
         Z2 = [1000,3000]x[0,1000] = 200 ha, GDP 6e8, population 4000
  reference over zones: GDP/cap = 160000; density = 5000 / 3 km² = 1666.67
  G1 = 1.25, P1 = 0.6; G2 = 0.9375, P2 = 1.2
  base:   Z1 21 (k 1.00) 50 ha, 12 (k 0) 50 ha;  Z2 41 (k 2.10) 100 ha, 51 (k 0) 100 ha
  target: Z1 21 80 ha, 12 20 ha;                 Z2 41 50 ha, 51 150 ha
  E1 = (80 − 50) · 1.25 · 0.6 = 22.5 ha (supply); E2 = (105 − 210) · 0.9375 · 1.2 = −118.125 ha (demand)
  at 1000 yuan/ha: one trade Z1 → Z2 of 22.5 ha = 22500 yuan
"""

import subprocess
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import processing
from osgeo import gdal
from qgis.core import NULL, QgsProcessingFeedback, QgsVectorLayer

from conftest import BUILD_DIR, REPO
from testdata import X0, Y0, memory_layer, write_gpkg

Box = Tuple[float, float, float, float]
ZONES: List[Tuple[str, str, object, object, Box]] = [
    ("Z1", "一县", 2e8, 1000, (0, 0, 1000, 1000)),
    ("Z2", "二县", 6e8, 4000, (1000, 0, 3000, 1000)),
]
BASE: List[Tuple[int, Box]] = [(21, (0, 0, 500, 1000)), (12, (500, 0, 1000, 1000)),
                               (41, (1000, 0, 2000, 1000)), (51, (2000, 0, 3000, 1000))]
TARGET: List[Tuple[int, Box]] = [(21, (0, 0, 800, 1000)), (12, (800, 0, 1000, 1000)),
                                 (41, (1000, 0, 1500, 1000)), (51, (1500, 0, 3000, 1000))]
E1, E2 = 22.5, -118.125

# National reference values of the preset (SPEC §3), and the fixture's E against those of 2020:
# Z1 GDP/cap 200000, 1000 persons/km², ΔM 30; Z2 GDP/cap 150000, 2000 persons/km², ΔM −105.
NATIONAL_2020 = (72000.0, 1412.12e6 / 9.6e6)
E1_NATIONAL = 30 * (200000 / NATIONAL_2020[0]) * (1000 / NATIONAL_2020[1])
E2_NATIONAL = -105 * (150000 / NATIONAL_2020[0]) * (2000 / NATIONAL_2020[1])

GUOTU = BUILD_DIR / "core" / "guotu"

ToXY = Callable[[float, float], Tuple[float, float]]


def gk(x: float, y: float) -> Tuple[float, float]:
    return X0 + x, Y0 + y


def box_wkt(b: Box, to_xy: ToXY = gk) -> str:
    (x0, y0), (x1, y1) = to_xy(b[0], b[1]), to_xy(b[2], b[3])
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def zones_layer(crs: str = "EPSG:4527", to_xy: ToXY = gk, rows: Optional[Sequence] = None,
                gdp_type: str = "double", pop_type: str = "integer", name: str = "zones") -> QgsVectorLayer:
    rows = ZONES if rows is None else rows
    return memory_layer("MultiPolygon", f"&field=code:string&field=name:string&field=gdp:{gdp_type}"
                                        f"&field=pop:{pop_type}",
                        (([c, n, g, p], box_wkt(b, to_xy)) for c, n, g, p, b in rows), name, crs)


def landuse_layer(rows: Sequence[Tuple[int, Box]], crs: str = "EPSG:4527", to_xy: ToXY = gk,
                  name: str = "landuse") -> QgsVectorLayer:
    return memory_layer("MultiPolygon", "&field=lucc:integer",
                        (([c], box_wkt(b, to_xy)) for c, b in rows), name, crs)


def fixture_layers(crs: str = "EPSG:4527", to_xy: ToXY = gk) -> Dict[str, QgsVectorLayer]:
    return {"zones": zones_layer(crs, to_xy), "base": landuse_layer(BASE, crs, to_xy, "base"),
            "target": landuse_layer(TARGET, crs, to_xy, "target")}


def write_fixture(folder: Path) -> Dict[str, str]:
    """The fixture as GeoPackages (what the CLI reads); returns QGIS sources."""
    layers = fixture_layers()
    return {key: write_gpkg(layer, folder / f"{key}.gpkg", "zones" if key == "zones" else "landuse")
            for key, layer in layers.items()}


def rasterize(gpkg: Path, out: Path, resolution: float = 10.0) -> Path:
    gdal.Rasterize(str(out), str(gpkg), attribute="lucc", xRes=resolution, yRes=resolution,
                   outputBounds=(X0, Y0, X0 + 3000, Y0 + 1000), noData=255, outputType=gdal.GDT_Byte)
    return out


def accounting_params(layers: Dict[str, object], **extra: object) -> dict:
    params = {"ZONES": layers["zones"], "ZONE_ID": "code", "ZONE_NAME": "name", "GDP_FIELD": "gdp", "REFERENCE": 1,
              "POP_FIELD": "pop", "BASE": layers.get("base"), "BASE_CLASS_FIELD": "lucc",
              "TARGET": layers.get("target"), "TARGET_CLASS_FIELD": "lucc",
              "VOUCHER": "memory:", "CLASSES": "memory:", "SUMMARY": "memory:", "UNKNOWN": "memory:"}
    params.update(extra)
    return {k: v for k, v in params.items() if v is not None}


def run_accounting(layers: Dict[str, object], feedback: Optional[QgsProcessingFeedback] = None,
                   **extra: object) -> dict:
    return processing.run("guotu:voucheraccounting", accounting_params(layers, **extra), feedback=feedback)


def run_market(vouchers: object, **extra: object) -> dict:
    params = {"VOUCHERS": vouchers, "ZONE_ID": "zone_id", "E_FIELD": "e_ha", "TRADES": "memory:",
              "SUMMARY": "memory:"}
    params.update(extra)
    return processing.run("guotu:vouchermarket", params)


def _python(value: object) -> object:
    """NULL (a null QVariant in PyQt5 builds) as None."""
    return None if value is None or value == NULL else value


def rows(layer: QgsVectorLayer) -> List[dict]:
    names = layer.fields().names()
    return [dict(zip(names, map(_python, f.attributes()))) for f in layer.getFeatures()]


def by_zone(layer: QgsVectorLayer) -> Dict[str, dict]:
    return {r["zone_id"]: r for r in rows(layer)}


def summary(layer: QgsVectorLayer) -> Dict[str, object]:
    """item -> value, or its text when the row has no value (as the CLI test reads it)."""
    return {r["item"]: (r["value"] if r["value"] is not None else r["text"]) for r in rows(layer)}


def summary_values(layer: QgsVectorLayer) -> Dict[str, float]:
    """The numeric rows only (an item such as protection_rate is also a text row: the parameter)."""
    return {r["item"]: r["value"] for r in rows(layer) if r["value"] is not None}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), *args], capture_output=True, text=True,
                          env={"GUOTU_RESOURCES": str(REPO / "resources"), "PATH": "/usr/bin:/bin"})


def ogr_rows(path: Path, layer: str) -> List[dict]:
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    return [f.items() for f in dataset.GetLayerByName(layer)]


def ogr_layer_names(path: Path) -> List[str]:
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    return [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
