"""The inputs of the bad-input catalogue (issue 14), written once into one folder and shared by
the CLI catalogue (tests/cli/test_cli_catalogue.py) and the qgis_process one
(tests/plugin/processing/test_catalogue_qgis_process.py): small hand-made layers in EPSG:4527 metres from
the Gauss-Krüger origin X0, Y0, their copies in EPSG:4490 degrees, damaged GeoPackages and
GeoTIFFs, a GBK shapefile without its .cpg, a three-lines workspace, parcels and border data.
Pure GDAL/OGR and sqlite3, plus `guotu lines init` for the workspace.

Hand values (planar): zone A = [0,1000]², B = [1000,2000]×[0,1000];
  A: class 21 16 ha, 12 20 ha, 41 1 ha;  B: class 12 20 ha, 21 25 ha (65 ha of 2010 land use
  inside the zones, one 21 parcel reaching 25 ha beyond B)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict

from osgeo import gdal, ogr, osr

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import damaged_files  # noqa: E402
import parcels_fixture  # noqa: E402

X0, Y0 = 39_500_000.0, 4_400_000.0
RED, FARM = "ecological_redline", "permanent_farmland"


def box(x0: float, y0: float, x1: float, y1: float) -> str:
    x0, x1, y0, y1 = X0 + x0, X0 + x1, Y0 + y0, Y0 + y1
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


BOWTIE = f"POLYGON(({X0 + 100} {Y0},{X0 + 300} {Y0 + 200},{X0 + 300} {Y0},{X0 + 100} {Y0 + 200},{X0 + 100} {Y0}))"

ZONES = [("A", "甲乡", 2e8, 1000, box(0, 0, 1000, 1000)), ("B", "乙镇", 6e8, 4000, box(1000, 0, 2000, 1000))]
# (CAS_LUCC class, 三调 class, box) of both years; the target year turns A's forest into built-up land.
BASE = [(21, "0301", (100, 100, 500, 500)), (12, "0101", (800, 0, 1200, 1000)), (21, "0301", (1500, 500, 2500, 1500)),
        (41, "1101", (0, 0, 100, 100))]
TARGET = [(51, "0702", (100, 100, 500, 500)), (12, "0101", (800, 0, 1200, 1000)),
          (21, "0301", (1500, 500, 2500, 1500)), (41, "1101", (0, 0, 100, 100))]
# Expected planar hectares by (zone, CAS_LUCC class) of BASE.
BASE_HA = {("A", "12"): 20.0, ("A", "21"): 16.0, ("A", "41"): 1.0, ("B", "12"): 20.0, ("B", "21"): 25.0}


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _layer(path: Path, name: str, fields, rows, driver: str = "GPKG", options=()) -> Path:
    ds = (ogr.Open(str(path), 1) if path.exists() and driver == "GPKG"
          else ogr.GetDriverByName(driver).CreateDataSource(str(path)))
    layer = ds.CreateLayer(name, _srs(4527), ogr.wkbPolygon, options=list(options))
    for field, kind in fields:
        definition = ogr.FieldDefn(field, kind)
        if kind == ogr.OFTReal:
            definition.SetWidth(24)
            definition.SetPrecision(3)
        layer.CreateField(definition)
    for attrs, wkt in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        for key, value in attrs.items():
            f[key] = value
        if wkt:
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    return path


def _landuse(path: Path, rows) -> Path:
    return _layer(path, "landuse", [("lucc", ogr.OFTInteger), ("dlbm", ogr.OFTString)],
                  [({"lucc": c, "dlbm": d}, box(*b)) for c, d, b in rows])


def _degrees(source: Path, target: Path) -> Path:
    gdal.VectorTranslate(str(target), str(source), dstSRS="EPSG:4490", reproject=True)
    return target


def _damage_tiff(source: Path, target: Path) -> Path:
    """A copy whose middle tile is overwritten: DEFLATE cannot decode it."""
    shutil.copy(source, target)
    ds = gdal.Open(str(target))
    band = ds.GetRasterBand(1)
    nx = (ds.RasterXSize + 15) // 16
    tile = (ds.RasterYSize // 32) * nx + nx // 2
    offset = int(band.GetMetadataItem(f"BLOCK_OFFSET_{tile % nx}_{tile // nx}", "TIFF"))
    size = int(band.GetMetadataItem(f"BLOCK_SIZE_{tile % nx}_{tile // nx}", "TIFF"))
    ds = None
    with open(target, "r+b") as f:
        f.seek(offset)
        f.write(b"\xa5" * size)
    return target


def _workspace(guotu: Path, path: Path) -> Path:
    """A three-lines workspace: admin units 甲区 (A) and 'Bei "North",\\nside' (B, a name with
    quotes, a comma and a newline); a red line of 20 ha in A with a 0.4 m sliver of farmland."""
    subprocess.run([str(guotu), "lines", "init", str(path), "--crs", "EPSG:4527"], check=True,
                   capture_output=True)
    ds = ogr.Open(str(path), 1)
    for name, wkts in ((RED, [box(0, 0, 200, 1000)]), (FARM, [box(400, 0, 800, 1000), box(900, 0, 900.4, 500)])):
        layer = ds.GetLayerByName(name)
        for wkt in wkts:
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
            layer.CreateFeature(f)
    admins = ds.GetLayerByName("admin_units")
    for code, name, wkt, red in (("110101", "甲区", box(0, 0, 1000, 1000), 30.0),
                                 ("110102", 'Bei "North",\nside', box(1000, 0, 2000, 1000), 10.0)):
        f = ogr.Feature(admins.GetLayerDefn())
        f["xzqdm"], f["xzqmc"], f["erl_target_ha"] = code, name, red
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(wkt)))
        admins.CreateFeature(f)
    ds = None
    return path


def write_all(folder: Path, guotu: Path) -> Dict[str, Path]:
    """Every input of the catalogue in ``folder``; returns name -> path. QGIS sets GDAL's
    SHAPE_ENCODING to "" in its process (it decodes shapefiles itself), which would make the
    "GBK" shapefiles UTF-8: it is cleared while they are written."""
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    was = gdal.GetUseExceptions()  # on for the writing only: not for the QGIS process of the plugin tests
    gdal.UseExceptions()
    try:
        return _write_all(folder, guotu)
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
        if not was:
            gdal.DontUseExceptions()


def _write_all(folder: Path, guotu: Path) -> Dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    p: Dict[str, Path] = {}
    p["zones"] = _layer(folder / "zones.gpkg", "zones", [("code", ogr.OFTString), ("name", ogr.OFTString),
                                                         ("gdp", ogr.OFTReal), ("pop", ogr.OFTReal)],
                        [({"code": c, "name": n, "gdp": g, "pop": q}, w) for c, n, g, q, w in ZONES])
    p["base"] = _landuse(folder / "base.gpkg", BASE)
    p["target"] = _landuse(folder / "target.gpkg", TARGET)
    p["bowtie"] = _layer(folder / "bowtie.gpkg", "landuse", [("lucc", ogr.OFTInteger)],
                         [({"lucc": 21}, box(500, 500, 600, 600)), ({"lucc": 12}, BOWTIE)])
    p["nullgeom"] = _layer(folder / "nullgeom.gpkg", "landuse", [("lucc", ogr.OFTInteger)],
                           [({"lucc": 21}, box(500, 500, 600, 600)), ({"lucc": 12}, None)])
    p["nullclass"] = _layer(folder / "nullclass.gpkg", "landuse", [("lucc", ogr.OFTInteger)],
                            [({"lucc": 21}, box(500, 500, 600, 600)), ({}, box(0, 0, 100, 100))])
    p["zones_nogdp"] = _layer(folder / "zones_nogdp.gpkg", "zones", [("code", ogr.OFTString), ("gdp", ogr.OFTReal),
                                                                     ("pop", ogr.OFTReal)],
                              [({"code": "A", "gdp": 2e8, "pop": 1000}, ZONES[0][4]),
                               ({"code": "B", "pop": 4000}, ZONES[1][4])])
    p["zones_empty"] = _layer(folder / "zones_empty.gpkg", "zones", [("code", ogr.OFTString)],
                              [({"code": "A"}, box(0, 0, 1000, 1000)), ({"code": "B"}, "POLYGON EMPTY")])
    p["zones_overlap"] = _layer(folder / "zones_overlap.gpkg", "zones", [("code", ogr.OFTString)],
                                [({"code": "A"}, box(0, 0, 1000, 1000)), ({"code": "B"}, box(500, 0, 2000, 1000))])
    # Zone tables: 'nan' is text strtod reads as a number; a quote left open swallows the rest.
    p["table_nan"] = folder / "zones_nan.csv"
    p["table_nan"].write_text("code,gdp,pop\nA,nan,1000\nB,6e8,4000\n", encoding="utf-8")
    p["table_quote"] = folder / "zones_quote.csv"
    p["table_quote"].write_text('code,gdp,pop\n"A,2e8,1000\nB,6e8,4000\n', encoding="utf-8")
    # Tables of the user's own: a code listed twice, an unknown category, an unknown project kind.
    p["categories_twice"] = folder / "categories_twice.csv"
    p["categories_twice"].write_text("code,category\n21,forest\n21,cultivated\n", encoding="utf-8")
    p["policy_unknown"] = folder / "policy_unknown.csv"
    p["policy_unknown"].write_text("from,to,status,paths_zh,paths_en\nforest,cropland,path,a,b\n", encoding="utf-8")
    p["types_unknown"] = folder / "types_unknown.csv"
    p["types_unknown"].write_text("value,kind\n农用地整理,farmland\n", encoding="utf-8")
    # Degrees.
    p["zones_deg"] = _degrees(p["zones"], folder / "zones_deg.gpkg")
    p["base_deg"] = _degrees(p["base"], folder / "base_deg.gpkg")
    p["target_deg"] = _degrees(p["target"], folder / "target_deg.gpkg")
    # GBK shapefiles without .cpg: zone names and 三调 classes in CP936.
    shp = folder / "zones_gbk.shp"
    _layer(shp, "zones_gbk", [("code", ogr.OFTString), ("name", ogr.OFTString), ("gdp", ogr.OFTReal),
                              ("pop", ogr.OFTReal)],
           [({"code": n, "name": n, "gdp": g, "pop": q}, w) for _c, n, g, q, w in ZONES],
           driver="ESRI Shapefile", options=["ENCODING=CP936"])
    (folder / "zones_gbk.cpg").unlink()
    p["zones_gbk"] = shp
    p["zones_utf8"] = _layer(folder / "zones_utf8.gpkg", "zones", [("code", ogr.OFTString)],
                             [({"code": n}, w) for _c, n, _g, _q, w in ZONES])
    # Damaged GeoPackages (a 400-parcel grid, one page overwritten) and GeoTIFFs.
    p["grid"] = damaged_files.write_grid(folder / "grid.gpkg", n=400, columns=20)
    p["grid_mid"] = damaged_files.damage(p["grid"], folder / "grid_mid.gpkg", where="middle")
    p["grid_root"] = damaged_files.damage(p["grid"], folder / "grid_root.gpkg", where="root")
    p["notgpkg"] = folder / "notgpkg.gpkg"
    p["notgpkg"].write_text("this is no GeoPackage\n")
    p["empty"] = folder / "empty.gpkg"
    p["empty"].write_bytes(b"")
    opts = ["TILED=YES", "BLOCKXSIZE=16", "BLOCKYSIZE=16", "COMPRESS=DEFLATE"]
    for year in ("base", "target"):
        p[f"{year}_tif"] = folder / f"{year}.tif"
        gdal.Rasterize(str(p[f"{year}_tif"]), str(p[year]), attribute="lucc", xRes=10, yRes=10,
                       outputBounds=(X0, Y0, X0 + 2500, Y0 + 1500), noData=255, initValues=255,
                       outputType=gdal.GDT_Byte, creationOptions=opts)
    p["tif_bad"] = _damage_tiff(p["target_tif"], folder / "target_bad.tif")
    p["tif_cut"] = folder / "target_cut.tif"
    data = p["target_tif"].read_bytes()
    p["tif_cut"].write_bytes(data[: len(data) * 2 // 3])
    p["tif_deg"] = folder / "target_deg.tif"
    gdal.Warp(str(p["tif_deg"]), str(p["target_tif"]), dstSRS="EPSG:4490", creationOptions=opts)
    # Three lines, parcels, border.
    p["ws"] = _workspace(guotu, folder / "ws.gpkg")
    p["ws_deg"] = _degrees(p["ws"], folder / "ws_deg.gpkg")
    p["ws_neg"] = folder / "ws_neg.gpkg"  # 甲区's red-line target typed as -5 ha
    shutil.copy(p["ws"], p["ws_neg"])
    ds = ogr.Open(str(p["ws_neg"]), 1)
    ds.ExecuteSQL("UPDATE admin_units SET erl_target_ha = -5 WHERE xzqdm = '110101'")
    ds = None
    p["ws_bad"] = folder / "ws_bad.gpkg"
    shutil.copy(p["ws"], p["ws_bad"])
    with open(p["ws_bad"], "r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 4096 * 4)
    p["parcels"] = parcels_fixture.write_parcels(folder / "zzdk.gpkg")
    p["parcels_gbk"] = parcels_fixture.write_parcels(folder / "zzdk_gbk.shp", driver="ESRI Shapefile",
                                                     encoding="CP936")
    cpg = folder / "zzdk_gbk.cpg"
    if cpg.exists():
        cpg.unlink()
    p["parcels_deg"] = _degrees(p["parcels"], folder / "zzdk_deg.gpkg")
    p["parcels_ws"] = parcels_fixture.write_workspace(folder / "parcels_ws.gpkg")
    p["admin"] = _layer(folder / "admin.gpkg", "admin", [("code", ogr.OFTString), ("name", ogr.OFTString)],
                        [({"code": "A", "name": "甲市"}, box(0, 0, 1000, 1000)),
                         ({"code": "B", "name": "乙市"}, box(1000, 0, 2000, 1000))])
    p["elements"] = _layer(folder / "elements.gpkg", "elements", [("city", ogr.OFTString),
                                                                   ("category", ogr.OFTString)],
                           [({"city": "A", "category": RED}, box(900, 100, 1000, 200)),
                            ({"city": "B", "category": RED}, box(1000, 100, 1100, 200)),
                            ({"city": "A", "category": RED}, box(900, 400, 1000, 500))])
    p["admin_deg"] = _degrees(p["admin"], folder / "admin_deg.gpkg")
    p["elements_deg"] = _degrees(p["elements"], folder / "elements_deg.gpkg")
    return p


def fingerprint(folder: Path) -> Dict[str, str]:
    """Name -> SHA-256 of every file in ``folder`` (recursively): inputs unchanged means equal."""
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            out[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def leftovers(folder: Path) -> list:
    """Temporary files and SQLite journals a run left in ``folder``."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if ".tmp-" in p.name or p.name.endswith(("-journal", "-wal", "-shm")))
