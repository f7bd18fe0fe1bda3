"""Results do not depend on the number of threads: tally, convert and voucher on 三调-shaped
land use (bench/make_sandiao_data.py, 1,600 parcels a year, and the same as 20 m rasters)
with --threads 1, 2 and 3 give the same tables to the last bit — every row of every
GeoPackage table and CSV, the conversion pieces' geometries, the status raster's cells — and
the same printed summary byte for byte (fixed-point sums, numbers printed in fixed point;
only the run time and the output's folder are left out). `guotu lines check` has no threads
(its only tally is of vector land use, read in one pass), and parcels check neither."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import gdal, ogr

from cli_support import REPO, run_guotu

THREADS = ("1", "2", "3")


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("county")
    subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), str(folder), "--cells", "40"],
                   check=True, capture_output=True)
    paths = {"v2010": folder / "landuse_2010.gpkg", "v2020": folder / "landuse_2020.gpkg"}
    ds = ogr.Open(str(paths["v2010"]))
    xmin, xmax, ymin, ymax = ds.GetLayer(0).GetExtent()
    srs = ds.GetLayer(0).GetSpatialRef()
    # Four zones over the county, with GDP and population for the vouchers.
    zones = folder / "zones.gpkg"
    out = ogr.GetDriverByName("GPKG").CreateDataSource(str(zones))
    layer = out.CreateLayer("zones", srs, ogr.wkbPolygon)
    for name, kind in (("code", ogr.OFTString), ("gdp", ogr.OFTReal), ("pop", ogr.OFTReal)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    xm, ym = (xmin + xmax) / 2, (ymin + ymax) / 2
    for i, (x0, y0, x1, y1) in enumerate([(xmin, ymin, xm, ym), (xm, ymin, xmax, ym), (xmin, ym, xm, ymax),
                                          (xm, ym, xmax, ymax)]):
        f = ogr.Feature(layer.GetLayerDefn())
        f["code"], f["gdp"], f["pop"] = f"Z{i + 1}", 1e9 * (i + 1), 1e4 * (4 - i)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(f)
    out = ds = None
    paths["zones"] = zones
    for year in ("2010", "2020"):
        paths[f"r{year}"] = folder / f"lu{year}.tif"
        gdal.Rasterize(str(paths[f"r{year}"]), str(paths[f"v{year}"]), attribute="lucc_code", xRes=20, yRes=20,
                       noData=255, initValues=255, outputType=gdal.GDT_Byte,
                       creationOptions=["TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=32"])
    return {k: str(v) for k, v in paths.items()}


def commands(p: dict, out: Path) -> dict:
    zones = ["--zones", p["zones"], "--zone-id", "code"]
    money = ["--gdp-field", "gdp", "--pop-field", "pop", "--reference", "zones", "--price", "1000"]
    return {
        "tally-vector": ["tally", *zones, "--landuse", p["v2010"], "--class-field", "DLBM", "-o", f"{out}/t.csv"],
        "tally-raster": ["tally", *zones, "--landuse", p["r2010"], "-o", f"{out}/t.csv"],
        "tally-raster-gpkg": ["tally", *zones, "--landuse", p["r2010"], "-o", f"{out}/t.gpkg"],
        "convert-vector": ["convert", "--before", p["v2010"], "--before-class-field", "DLBM", "--before-system",
                           "SANDIAO_WORK", "--after", p["v2020"], "--after-class-field", "DLBM", "--after-system",
                           "SANDIAO_WORK", *zones, "-o", f"{out}/c.gpkg"],
        "convert-raster": ["convert", "--before", p["r2010"], "--before-system", "CAS_LUCC", "--after", p["r2020"],
                           "--after-system", "CAS_LUCC", "-o", f"{out}/c.gpkg"],
        "voucher-raster": ["voucher", *zones, *money, "--base", p["r2010"], "--target", p["r2020"],
                           "-o", f"{out}/v.gpkg"],
        "voucher-vector": ["voucher", *zones, *money, "--base", p["v2010"], "--base-class-field", "lucc_code",
                           "--target", p["v2020"], "--target-class-field", "lucc_code", "-o", f"{out}/v.gpkg"],
    }


def printed(text: str, out: Path) -> str:
    """The summary without what may differ between runs: the run time and the output's folder."""
    return re.sub(r"\b\d+\.\d s\b", "T s", text.replace(str(out), "OUT"))


def contents(out: Path) -> dict:
    """Every output file: CSVs as bytes, GeoPackage tables as their rows (attributes and WKB,
    in the order stored, but the conversion pieces), rasters as their cells."""
    found = {}
    for path in sorted(out.iterdir()):
        if path.suffix == ".csv":
            found[path.name] = path.read_bytes()
        elif path.suffix == ".gpkg":
            ds = ogr.Open(str(path))
            for i in range(ds.GetLayerCount()):
                layer = ds.GetLayer(i)
                rows = [(sorted(f.items().items()), bytes(f.GetGeometryRef().ExportToIsoWkb())
                         if f.GetGeometryRef() else b"") for f in layer]
                # When the run was made is no result.
                rows = [r for r in rows if ("item", "created_utc") not in r[0]]
                if layer.GetName() == "conversions":
                    # The pieces are written as the overlay threads hand them over: the same
                    # pieces to the last bit, in an order of their own.
                    rows.sort(key=repr)
                found[f"{path.name}:{layer.GetName()}"] = rows
        elif path.suffix == ".tif":
            found[path.name] = gdal.Open(str(path)).ReadAsArray().tobytes()
    return found


@pytest.mark.parametrize("name", ["tally-vector", "tally-raster", "tally-raster-gpkg", "convert-vector",
                                  "convert-raster", "voucher-raster", "voucher-vector"])
def test_one_two_three_threads_give_the_same_bits(county: dict, tmp_path: Path, name: str) -> None:
    runs = {}
    for n in THREADS:
        out = tmp_path / n
        out.mkdir()
        res = run_guotu(*commands(county, out)[name], "--threads", n)
        assert res.returncode == 0, res.stderr
        runs[n] = (printed(res.stdout, out), printed(res.stderr, out), contents(out))
    summary, notes, tables = runs["1"]
    assert tables and any(v for v in tables.values())
    for n in THREADS[1:]:
        assert runs[n][0] == summary, f"the summary printed with {n} threads differs"
        assert runs[n][1] == notes
        assert runs[n][2].keys() == tables.keys()
        for key, value in tables.items():
            assert runs[n][2][key] == value, f"{key} differs with {n} threads"


def test_voucher_threads_must_be_a_count() -> None:
    res = run_guotu("voucher", "--threads", "0")
    assert res.returncode == 2 and "--threads needs a whole number from 1 to 64, not '0'" in res.stderr
