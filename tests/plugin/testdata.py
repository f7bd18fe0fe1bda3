"""Small test layers in EPSG:4527 (CGCS2000 / 3-degree GK zone 39, near Beijing)
and QGIS's own answers to compare the plugin with."""

from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import processing
from qgis.core import (NULL, QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeature, QgsGeometry,
                       QgsProject, QgsVectorFileWriter, QgsVectorLayer)

CRS = "EPSG:4527"
X0, Y0 = 39_500_000.0, 4_400_000.0  # false easting 39 500 000 m: x near the central meridian 117°E

Key = Tuple[str, str]  # (zone_id, class_code)


def _rings(rings: Sequence[Sequence[Tuple[float, float]]]) -> str:
    closed = (list(ring) + [ring[0]] for ring in rings)
    return "(" + ", ".join("(" + ", ".join(f"{X0 + x} {Y0 + y}" for x, y in ring) + ")"
                           for ring in closed) + ")"


def wkt_polygon(*rings: Sequence[Tuple[float, float]]) -> str:
    """Polygon WKT from rings given relative to (X0, Y0); the first ring is the shell."""
    return "POLYGON" + _rings(rings)


def wkt_multipolygon(*polygons: Sequence[Sequence[Tuple[float, float]]]) -> str:
    """MultiPolygon WKT; each polygon is a list of rings."""
    return "MULTIPOLYGON(" + ", ".join(_rings(p) for p in polygons) + ")"


def rect(x0: float, y0: float, x1: float, y1: float) -> List[Tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


ZONES: List[Tuple[object, str]] = [
    ("110101", wkt_polygon(rect(0, 0, 1000, 1000))),
    ("110102", wkt_polygon(rect(1000, 0, 2000, 1000))),
    ("110105", wkt_polygon([(0, 1000), (2000, 1000), (2000, 1600), (300, 1800)])),
]

# (dlbm integer class, dlmc text class, geometry). Non-overlapping; some inside one
# zone, some cut by zone boundaries, one partly and one wholly outside the zones.
LANDUSE: List[Tuple[object, object, str]] = [
    (101, "0101", wkt_polygon(rect(200, 300, 1700, 700))),                      # Z1/Z2
    (301, "0301", wkt_polygon(rect(100, 750, 400, 950))),                       # inside Z1
    (301, "0301", wkt_polygon([(500, 800), (900, 800), (900, 1300), (500, 1400)])),  # Z1/Z3
    (1101, "1101", wkt_polygon([(1750, 100), (1950, 100), (1950, 1500), (1300, 1550),
                                (1300, 1100), (1750, 900)])),                    # Z2/Z3
    (201, "0201", wkt_multipolygon([rect(1100, 750, 1300, 950)],                # Z2 + cut by Z3 edge
                                   [rect(0, 1100, 200, 1300)])),
    (NULL, NULL, wkt_polygon(rect(600, 100, 800, 250))),                        # empty class, Z1
    (101, "0101", wkt_polygon(rect(2100, 0, 2300, 200))),                       # outside
    (1201, "1201", wkt_polygon(rect(1000, 1150, 1250, 1450), rect(1050, 1200, 1150, 1300))),  # hole, Z3
]


def memory_layer(geometry: str, fields: str, rows: Iterable[Tuple[list, str]], name: str,
                 crs: str = CRS) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs={crs}{fields}", name, "memory")
    features = []
    for attributes, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(attributes))
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def zones_layer(rows: Optional[List[Tuple[object, str]]] = None, name: str = "zones") -> QgsVectorLayer:
    rows = ZONES if rows is None else rows
    return memory_layer("MultiPolygon", "&field=xzqdm:string", (([z], w) for z, w in rows), name)


def landuse_layer(rows: Optional[List[Tuple[object, object, str]]] = None,
                  name: str = "landuse") -> QgsVectorLayer:
    rows = LANDUSE if rows is None else rows
    return memory_layer("MultiPolygon", "&field=dlbm:integer&field=dlmc:string",
                        (([a, b], w) for a, b, w in rows), name)


def mask_layer() -> QgsVectorLayer:
    # An "urban space" polygon crossing Z1, Z2 and Z3.
    return memory_layer("Polygon", "&field=id:integer",
                        [([1], wkt_polygon(rect(800, 500, 1400, 1200)))], "urban")


def class_code(value: object) -> str:
    if value is None or value == NULL:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def qgis_reference(zones: QgsVectorLayer, landuse: QgsVectorLayer, zone_field: str, class_field: str,
                   ellipsoidal: bool = True) -> Dict[Key, float]:
    """Hectares per (zone, class) computed by QGIS alone: native:intersection, then
    QgsDistanceArea on the CRS's ellipsoid (or planar area)."""
    pieces = processing.run("native:intersection", {
        "INPUT": zones, "OVERLAY": landuse, "INPUT_FIELDS": [zone_field],
        "OVERLAY_FIELDS": [class_field], "OUTPUT": "memory:"})["OUTPUT"]
    crs = zones.crs()
    measure = QgsDistanceArea()
    measure.setSourceCrs(crs, QgsProject.instance().transformContext())
    assert measure.setEllipsoid(crs.ellipsoidAcronym())
    totals: Dict[Key, float] = defaultdict(float)
    for feature in pieces.getFeatures():
        geometry = feature.geometry()
        if ellipsoidal:
            area = measure.measureArea(geometry)
        else:
            # Shift to a local origin first: the shoelace sum on raw GK coordinates
            # (x ~ 4e7 m) loses ~1e-7 of the area to cancellation.
            geometry = QgsGeometry(geometry)
            geometry.translate(-X0, -Y0)
            area = geometry.area()
        totals[(str(feature[zone_field]), class_code(feature[class_field]))] += area / 10_000.0
    return {key: value for key, value in totals.items() if value > 0}


def result_table(layer: QgsVectorLayer) -> Dict[Key, float]:
    table: Dict[Key, float] = {}
    for feature in layer.getFeatures():
        key = (feature["zone_id"], feature["class_code"])
        assert key not in table, f"duplicate row {key}"
        table[key] = feature["area_ha"]
    return table


def assert_tables_close(actual: Dict[Key, float], expected: Dict[Key, float], rel: float,
                        abs_ha: float = 0.0) -> None:
    """Same (zone, class) keys and every area within ``rel`` relative (or ``abs_ha``)."""
    significant = {k for k, v in expected.items() if v > abs_ha}
    assert set(actual) >= significant, f"missing rows: {sorted(significant - set(actual))}"
    extra = {k for k in set(actual) - set(expected) if actual[k] > abs_ha}
    assert not extra, f"unexpected rows: {sorted(extra)}"
    for key, value in expected.items():
        got = actual.get(key, 0.0)
        assert abs(got - value) <= max(rel * abs(value), abs_ha), \
            f"{key}: plugin {got!r} ha, QGIS {value!r} ha (rel {abs(got - value) / value:.2e})"


def write_gpkg(layer: QgsVectorLayer, path: Path, name: str) -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    if path.exists():
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return f"{path}|layername={name}"


def run_area(params: dict, feedback=None) -> QgsVectorLayer:
    base = {"OUTPUT": "memory:"}
    base.update(params)
    return processing.run("guotu:areabyclass", base, feedback=feedback)["OUTPUT"]


def as_crs(authid: str) -> QgsCoordinateReferenceSystem:
    crs = QgsCoordinateReferenceSystem(authid)
    assert crs.isValid()
    return crs
