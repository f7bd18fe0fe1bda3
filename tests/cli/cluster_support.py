"""The sample split into county packages, as a province's data is delivered: one folder per group
of counties, with its zones and the land use of both years cut at the counties' boundary (as 三调
parcels are cut at county boundaries), and the same data as one package for the single run."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Dict, List

from osgeo import gdal, ogr

# GDAL's exceptions are left as the importing process has them: the CLI tests switch them on
# (cli_support), the plugin tests must not (QGIS's process-wide state).
REPO = Path(__file__).resolve().parents[2]
LANDUSE = ("landuse_2010", "landuse_2020")


def make_sample(out: Path, scale: float = 0.25) -> Path:
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_sample.py"), "--out",
                    str(out), "--scale", str(scale), "--jobs", "1"], check=True, capture_output=True)
    return out


def zone_codes(zones: Path) -> List[str]:
    ds = ogr.Open(str(zones))
    return [f.GetField("code") for f in ds.GetLayer(0)]


def split_into_counties(sample: Path, root: Path, groups: int) -> Dict[str, List[str]]:
    """root/pNN/{zones,landuse_2010,landuse_2020}.gpkg for ``groups`` runs of consecutive zone codes,
    and root/../single/ with the zones and the union of the cut land use (the same data in one
    package). Returns partition name → its zone codes."""
    codes = zone_codes(sample / "zones.gpkg")
    size = -(-len(codes) // groups)
    parts = {f"p{i:02d}": codes[i * size:(i + 1) * size] for i in range(groups) if codes[i * size:(i + 1) * size]}
    single = root.parent / "single"
    single.mkdir(parents=True, exist_ok=True)
    gdal.VectorTranslate(str(single / "zones.gpkg"), str(sample / "zones.gpkg"))
    for name, members in parts.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        where = "code IN (" + ",".join(f"'{c}'" for c in members) + ")"
        gdal.VectorTranslate(str(folder / "zones.gpkg"), str(sample / "zones.gpkg"), where=where)
        ds = ogr.Open(str(folder / "zones.gpkg"))
        union = ogr.Geometry(ogr.wkbMultiPolygon)
        for f in ds.GetLayer(0):
            g = f.GetGeometryRef()
            for i in range(g.GetGeometryCount()) if g.GetGeometryType() == ogr.wkbMultiPolygon else [None]:
                union.AddGeometry(g.GetGeometryRef(i) if i is not None else g)
        boundary = union.UnionCascaded()
        ds = None
        for year in LANDUSE:
            target = folder / f"{year}.gpkg"
            gdal.VectorTranslate(str(target), str(sample / f"{year}.gpkg"), layerName="landuse",
                                 options=["-clipsrc", boundary.ExportToWkt(), "-nlt", "PROMOTE_TO_MULTI"])
            all_years = single / f"{year}.gpkg"
            gdal.VectorTranslate(str(all_years), str(target), layerName="landuse",
                                 accessMode="append" if all_years.exists() else None)
    return parts


# A province of square counties whose parcels never cross a county boundary (both years),
# so the single run and the partitioned run overlay exactly the same pairs.
X0, Y0 = 39_500_000.0, 4_400_000.0
CLASSES = [11, 12, 21, 22, 24, 31, 32, 41, 43, 51, 52, 53]


def _square(x0: float, y0: float, x1: float, y1: float) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)):
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    multi.AddGeometry(poly)
    return multi


def _layer(path: Path, name: str, fields: List[tuple]) -> tuple:
    from osgeo import osr
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path)) if not path.exists() else ogr.Open(str(path), 1)
    layer = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon)
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    return ds, layer


def make_grid_province(root: Path, cols: int = 3, rows: int = 2, side: float = 3000.0) -> Dict[str, List[str]]:
    """root/cCC/{zones,landuse_2010,landuse_2020}.gpkg for cols × rows square counties of
    ``side`` metres, two zones each (west and east half); 2010 parcels 6 × 6 squares and 2020
    parcels 5 × 5 squares per county, classes from a fixed sequence; and root/../single/ with
    everything in one package. Returns partition name → its zone codes."""
    single = root.parent / "single"
    single.mkdir(parents=True, exist_ok=True)
    zone_fields = [("code", ogr.OFTString), ("name", ogr.OFTString), ("gdp", ogr.OFTReal),
                   ("population", ogr.OFTInteger64)]
    all_ds = {n: _layer(single / f"{n}.gpkg", n if n == "zones" else "landuse",
                        zone_fields if n == "zones" else [("lucc_code", ogr.OFTInteger)])
              for n in ("zones",) + LANDUSE}
    parts: Dict[str, List[str]] = {}
    k = 0
    for r in range(rows):
        for c in range(cols):
            county = f"{139100 + r * cols + c}"
            folder = root / f"c{county}"
            folder.mkdir(parents=True, exist_ok=True)
            x0, y0 = X0 + c * side, Y0 + r * side
            own = {n: _layer(folder / f"{n}.gpkg", n if n == "zones" else "landuse",
                             zone_fields if n == "zones" else [("lucc_code", ogr.OFTInteger)])
                   for n in ("zones",) + LANDUSE}
            codes = []
            for half in range(2):
                code = f"{county}{half + 1:03d}"
                codes.append(code)
                geom = _square(x0 + half * side / 2, y0, x0 + (half + 1) * side / 2, y0 + side)
                attrs = {"code": code, "name": f"合成县{county}-{half + 1} (synthetic)",
                         "gdp": 2.0e9 + 7.0e8 * ((r * cols + c) * 2 + half), "population": 60000 + 9000 * half}
                for _ds, layer in (own["zones"], all_ds["zones"]):
                    f = ogr.Feature(layer.GetLayerDefn())
                    for key, value in attrs.items():
                        f.SetField(key, value)
                    f.SetGeometry(geom)
                    layer.CreateFeature(f)
            for year, n in (("landuse_2010", 6), ("landuse_2020", 5)):
                step = side / n
                for i in range(n):
                    for j in range(n):
                        k += 1
                        code = CLASSES[(k * 7 + (3 if year == "landuse_2020" else 0) * (i + j)) % len(CLASSES)]
                        geom = _square(x0 + i * step, y0 + j * step, x0 + (i + 1) * step, y0 + (j + 1) * step)
                        for _ds, layer in (own[year], all_ds[year]):
                            f = ogr.Feature(layer.GetLayerDefn())
                            f.SetField("lucc_code", code)
                            f.SetGeometry(geom)
                            layer.CreateFeature(f)
            for ds, _layer_ in own.values():
                ds.FlushCache()
            own = None
            parts[folder.name] = codes
    all_ds = None
    return parts


# ---- counties replicated from a hand-computed fixture (the unit ledger, parcel and lines checks) ----

def _shift(g: ogr.Geometry, dx: float) -> None:
    for i in range(g.GetGeometryCount()):
        _shift(g.GetGeometryRef(i), dx)
    for i in range(g.GetPointCount()):
        g.SetPoint_2D(i, g.GetX(i) + dx, g.GetY(i))


def append_county(src: Path, dst: Path, dx: float, prefix: str, id_fields: set) -> None:
    """Appends every feature layer and table of ``src`` to ``dst`` (created, or its layers, when
    missing): geometries moved ``dx`` metres east, the text fields named in ``id_fields`` (any
    case) prefixed with ``prefix`` — the fixture as a county of its own, its ids its own."""
    sds = ogr.Open(str(src))
    dds = ogr.Open(str(dst), 1) if dst.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(dst))
    for i in range(sds.GetLayerCount()):
        sl = sds.GetLayer(i)
        if sl.GetName() == "layer_styles":
            continue
        dl = dds.GetLayerByName(sl.GetName())
        if dl is None:
            dl = dds.CreateLayer(sl.GetName(), sl.GetSpatialRef(), sl.GetGeomType())
            defn = sl.GetLayerDefn()
            for j in range(defn.GetFieldCount()):
                dl.CreateField(defn.GetFieldDefn(j))
        dds.StartTransaction()
        for f in sl:
            out = ogr.Feature(dl.GetLayerDefn())
            for j in range(f.GetFieldCount()):
                name = f.GetFieldDefnRef(j).GetName()
                if not f.IsFieldSetAndNotNull(j) or dl.GetLayerDefn().GetFieldIndex(name) < 0:
                    continue
                value = f.GetField(j)
                if name.lower() in id_fields and isinstance(value, str) and value:
                    value = prefix + value
                out.SetField(name, value)
            g = f.GetGeometryRef()
            if g is not None:
                g = g.Clone()
                _shift(g, dx)
                out.SetGeometry(g)
            dl.CreateFeature(out)
        dds.CommitTransaction()
    dds = None
    sds = None


def replicate_counties(fixture: Dict[str, Path], root: Path, counties: int, id_fields: set,
                       dx: float = 10_000.0, prepare=None) -> Dict[str, str]:
    """root/prov/cK/NAME for K < ``counties``: the fixture's files moved K × ``dx`` east, ids
    prefixed 'cK-'; root/single/NAME all of them. ``prepare(path)`` makes a file first (a
    workspace from `guotu lines init`). Returns partition name → prefix."""
    parts = {}
    for k in range(counties):
        name, prefix = f"c{k}", f"c{k}-"
        for file_name, src in fixture.items():
            for dst in (root / "prov" / name / file_name, root / "single" / file_name):
                dst.parent.mkdir(parents=True, exist_ok=True)
                if prepare and not dst.exists():
                    prepare(dst)
                append_county(src, dst, k * dx, prefix, id_fields)
        parts[name] = prefix
    return parts
