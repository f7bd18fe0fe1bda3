#!/usr/bin/env python3
"""SYNTHETIC DEMO DATA for the provincial transmission framework and the rounds of
three-down-three-up (省级定框架、三下三上): three cities, a DEM, a catalogue of cross-city
elements, the cities' thresholds and two rounds of submissions. Nothing here is a real
place; the numbers are shaped like real inputs (CGCS2000 / Gauss-Krüger zone 39, 10 m DEM).

Writes into --out:

* ``cities.gpkg`` layer ``cities`` — three cities side by side, 6 km x 6 km each (XZQDM, XZQMC);
* ``dem.tif`` — 1800 x 600 cells of 10 m (Float32, metadata SYNTHETIC): a ridge running
  east–west through all three cities with a peak in the middle city, slopes of 5–30°;
* ``landuse.gpkg`` layer ``landuse`` — 三调 codes (DLBM): forest 0301 on the ridge, 0305
  shrubs on its flanks, 0101 cultivated elsewhere;
* ``catalogue.csv`` — four elements: the ridge M01 (mountain, all three cities), the river
  R01 (between the first two), the corridor C01 (between the last two) and the hills M02
  (only the first city);
* ``thresholds.csv`` — per city: elevation, slope, steep share and forest share bounds
  (city 320200 allows a steeper mountain than the others: a standard that differs);
* ``counties.csv`` — the counties of the three cities (county submissions roll up);
* ``round1/`` and ``round2/`` — ``submitted.gpkg`` (layer ``submitted``: XZQDM, YSBH,
  YSMC, category) and ``border.gpkg`` (``guotu border`` on it, when the tool is built).
  Round 1: city 320300 has not drawn C01 (not submitted); the river R01 of 320100 runs 40 m
  into 320200 (overlaps). Round 2: the overlap is fixed (resolved); 320300 draws C01 up to the
  border while 320200's part stops 60 m short (a new gap); the hills M02 of 320100 now run
  to the border where 320200 has nothing (a new discontinuity); the threshold findings of
  the ridge (320200's steep share, the slope standards that differ) persist.

Deterministic. Everything is clearly labelled synthetic.
"""

import argparse
import subprocess
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

SYNTHETIC = "SYNTHETIC DEMO DATA - not real"
X0, Y0 = 39_480_000.0, 4_390_000.0
CITY = 6000.0
CITIES = [("320100", "甲市"), ("320200", "乙市"), ("320300", "丙市")]
COUNTIES = [("320101", "320100"), ("320102", "320100"), ("320201", "320200"), ("320301", "320300")]


def box(x0, y0, x1, y1):
    return ogr.CreateGeometryFromWkt(
        f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))")


def srs():
    s = osr.SpatialReference()
    s.ImportFromEPSG(4527)
    return s


def layer(path: Path, name: str, fields, rows):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(name, srs(), ogr.wkbMultiPolygon)
    for f in fields:
        lyr.CreateField(ogr.FieldDefn(f, ogr.OFTString))
    ds.SetMetadataItem("SYNTHETIC", SYNTHETIC)
    for attrs, geom in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            feature.SetField(k, v)
        feature.SetGeometry(ogr.ForceToMultiPolygon(geom))
        lyr.CreateFeature(feature)
    ds = None


def elevation(x, y):
    """The ridge along y = 3000 m, highest in the middle city."""
    peak = 900 + 500 * np.exp(-((x - 9000) / 4000) ** 2)
    return 300 + (peak - 300) * np.exp(-((y - 3000) / 1200) ** 2) + 15 * np.sin(x / 230) * np.cos(y / 310)


def write_dem(path: Path) -> None:
    cols, rows = int(3 * CITY / 10), int(CITY / 10)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32, ["COMPRESS=DEFLATE"])
    ds.SetGeoTransform((X0, 10, 0, Y0 + CITY, 0, -10))
    ds.SetProjection(srs().ExportToWkt())
    ds.SetMetadataItem("SYNTHETIC", SYNTHETIC)
    x = (np.arange(cols) + 0.5) * 10
    y = CITY - (np.arange(rows) + 0.5) * 10
    ds.GetRasterBand(1).WriteArray(elevation(x[None, :], y[:, None]).astype(np.float32))
    ds.GetRasterBand(1).SetNoDataValue(-9999)
    ds = None


def submissions(round_no: int):
    """(county or city code, element id, name, category, geometry) of a round."""
    rows = []
    for k, (city, _n) in enumerate(CITIES):  # the ridge, drawn by every city (by a county in 320100)
        code = "320101" if city == "320100" else city
        rows.append((code, "M01", "紫金山脉", "ecological_redline", box(k * CITY, 2400, (k + 1) * CITY, 3600)))
    # The river between 320100 and 320200: in round 1, 320100's part runs 40 m into 320200.
    rows.append(("320102", "R01", "秦淮河", "ecological_redline",
                 box(4000, 800, CITY + (40 if round_no == 1 else 0), 1400)))
    rows.append(("320200", "R01", "秦淮河", "ecological_redline", box(CITY, 800, 8000, 1400)))
    # The corridor between 320200 and 320300: 320200's part stops 60 m short in both rounds.
    rows.append(("320201", "C01", "生态廊道", "ecological_redline", box(10000, 4400, 2 * CITY - 60, 5000)))
    if round_no == 2:
        rows.append(("320301", "C01", "生态廊道", "ecological_redline", box(2 * CITY, 4400, 14000, 5000)))
    # The hills of 320100 only; in round 2 drawn up to the border where 320200 has nothing.
    rows.append(("320100", "M02", "栖霞山", "ecological_redline",
                 box(3000, 4600, CITY if round_no == 2 else 5000, 5400)))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--guotu", type=Path, default=Path(__file__).resolve().parents[2] / "build" / "core" / "guotu",
                    help="the guotu tool, to run guotu border on each round (skipped when missing)")
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    layer(a.out / "cities.gpkg", "cities", ["XZQDM", "XZQMC"],
          [({"XZQDM": c, "XZQMC": n}, box(k * CITY, 0, (k + 1) * CITY, CITY)) for k, (c, n) in enumerate(CITIES)])
    write_dem(a.out / "dem.tif")
    layer(a.out / "landuse.gpkg", "landuse", ["DLBM"],
          [({"DLBM": "0301"}, box(0, 2600, 3 * CITY, 3400)),
           ({"DLBM": "0305"}, box(0, 2200, 3 * CITY, 2600)), ({"DLBM": "0305"}, box(0, 3400, 3 * CITY, 3800)),
           ({"DLBM": "0101"}, box(0, 0, 3 * CITY, 2200)), ({"DLBM": "0101"}, box(0, 3800, 3 * CITY, CITY))])
    (a.out / "catalogue.csv").write_text(
        "element_id,name,type,cities,indicators\n"
        "M01,紫金山脉,mountain,320100;320200;320300,elevation_mean;elevation_max;slope_mean;slope_share;forest_share\n"
        "R01,秦淮河,river,320100;320200,area;elevation_mean\n"
        "C01,生态廊道,corridor,320200;320300,area;forest_share\n"
        "M02,栖霞山,mountain,320100,elevation_mean;slope_mean\n", encoding="utf-8")
    rows = ["city,element_type,indicator,min,max"]
    for city, _n in CITIES:
        steep = 30 if city == "320200" else 25
        rows += [f"{city},mountain,elevation_mean,300,1500", f"{city},mountain,elevation_max,,1500",
                 f"{city},mountain,slope_mean,,{steep}", f"{city},mountain,slope_share,,0.3",
                 f"{city},mountain,forest_share,0.5,", f"{city},river,area,100000,",
                 f"{city},river,elevation_mean,,600", f"{city},corridor,area,50000,",
                 f"{city},corridor,forest_share,0.3,"]
    (a.out / "thresholds.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (a.out / "counties.csv").write_text("county,city\n" + "".join(f"{c},{p}\n" for c, p in COUNTIES), encoding="utf-8")
    (a.out / "README.txt").write_text(f"{SYNTHETIC}: see resources/sample_data/generate_framework_sample.py\n",
                                      encoding="utf-8")
    county_city = dict(COUNTIES)
    for round_no in (1, 2):
        folder = a.out / f"round{round_no}"
        folder.mkdir(exist_ok=True)
        subs = submissions(round_no)
        layer(folder / "submitted.gpkg", "submitted", ["XZQDM", "YSBH", "YSMC", "category", "city"],
              [({"XZQDM": c, "YSBH": e, "YSMC": n, "category": k, "city": county_city.get(c, c)}, g)
               for c, e, n, k, g in subs])
        if a.guotu.exists():
            subprocess.run([str(a.guotu), "border", "--admin", str(a.out / "cities.gpkg"), "--admin-id", "XZQDM",
                            "--admin-name", "XZQMC", "--elements", str(folder / "submitted.gpkg"), "--city-field",
                            "city", "--category-field", "category", "--name-field", "YSMC", "--threads", "1",
                            "-o", str(folder / "border.gpkg")], check=True, capture_output=True)
    print(f"{SYNTHETIC}: written {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
