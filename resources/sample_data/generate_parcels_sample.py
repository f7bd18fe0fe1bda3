#!/usr/bin/env python3
"""SYNTHETIC DEMO DATA for the rectification parcel check (整治地块审查): a land
consolidation project on six villages of the generated sample region.

Reads the sample made by generate_sample.py (zones.gpkg, landuse_2020.gpkg, urban_2020.gpkg)
and writes into --out:

* ``workspace.gpkg`` — a three-lines workspace made with ``guotu lines init`` (schema and
  styles), with red line = the forest, high-cover grassland, lake and marsh polygons, permanent farmland = about 70 % of the
  cultivated (11, 12) polygons, urban boundary = the 2020 urban land grown by 200 m;
* ``zzdk.gpkg`` layer ``zzdk`` — rectification parcels: the land-use polygons of six zones
  with a parcel id (dkbh), project type (zzlx), project (xmbh), current and planned CAS_LUCC
  codes (xzdl, ghdl). The planned uses follow typical consolidation works — demolished
  settlements reclaimed (拆旧复垦), grassland opened up, high-standard farmland kept,
  restoration of forest — plus the mistakes reviewers meet: forest on the red line turned
  into farmland, beaches reclaimed, a parcel digitised twice, a misspelt project type;
* ``cun.gpkg`` layer ``cun`` — the six zones as villages (cdm, cmc).

Deterministic for a given sample (seeded). Everything is clearly labelled synthetic.
"""

import argparse
import subprocess
import sys
from pathlib import Path

import numpy as np
from osgeo import ogr

ogr.UseExceptions()

SYNTHETIC = "SYNTHETIC DEMO DATA - not real"
VILLAGES = 6  # zones taken, from the middle of the code list
CULTIVATED, FOREST, GRASS, BEACH, SETTLEMENT = ("11", "12"), ("21", "22"), ("31", "32", "33"), ("46",), ("52",)
# The red line of the sample: forest, high-cover grassland, lakes and marshes.
RED_SOURCES = ("21", "22", "31", "42", "64")


def plan(rng: np.random.RandomState, current: str, careful: bool) -> tuple:
    """(project type, planned code) of a parcel whose current code is ``current``. A careful
    project reclaims every demolished settlement, keeps its cultivated land and opens up no
    grassland, forest or beach; the other one does a bit of everything."""
    r = rng.uniform()
    if current in SETTLEMENT:
        return ("拆旧复垦", "12") if careful or r < 0.6 else ("建设用地整理", current)
    if current in GRASS:
        return ("农用地整理", "12") if r < 0.05 and not careful else ("生态保护修复", current)
    if current in CULTIVATED:
        if careful or r < 0.96:
            return "高标准农田", current
        if r < 0.97:
            return "建设用地整理", "53"  # planned construction: on farmland or outside the boundary
        return "生态保护修复", "21"
    if current in FOREST:
        return ("农用地整理", "12") if r < 0.01 and not careful else ("生态保护修复", current)
    if current in BEACH:
        return ("农用地整理", "12") if r < 0.1 and not careful else ("生态保护修复", current)
    return "生态保护修复", current


# Mistakes reviewers meet, made once each in the second project: (current codes, type, planned).
MISTAKES = (
    (("31", "32", "33"), "农用地整理", "12"),  # grassland on the red line opened up: P10, P14
    (BEACH, "农用地整理", "12"),                # a beach reclaimed: P12 prohibited, P16
    (CULTIVATED, "农用地整理", "43"),           # farmland dug into ponds: P13 policy gap
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=Path, required=True, help="folder of generate_sample.py's output")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--guotu", type=Path, required=True, help="the guotu binary (for `lines init`)")
    parser.add_argument("--seed", type=int, default=20261121)
    args = parser.parse_args()
    rng = np.random.RandomState(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in ("workspace.gpkg", "zzdk.gpkg", "cun.gpkg"):
        (args.out / name).unlink(missing_ok=True)

    zones_ds = ogr.Open(str(args.sample / "zones.gpkg"))
    zones = zones_ds.GetLayer(0)
    # Villages with towns in them (urban land for the urban boundary), from the middle of the list.
    urban_ds = ogr.Open(str(args.sample / "urban_2020.gpkg"))
    urban_layer = urban_ds.GetLayer(0)
    towns = [u.GetGeometryRef().Clone() for u in urban_layer]
    codes = sorted(f["code"] for f in zones if any(t.Intersects(f.GetGeometryRef()) for t in towns))
    zones.ResetReading()
    chosen = codes[len(codes) // 3: len(codes) // 3 + VILLAGES]
    srs = zones.GetSpatialRef()
    epsg = srs.GetAuthorityCode(None)

    # Villages: the chosen zones.
    villages_ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(args.out / "cun.gpkg"))
    villages = villages_ds.CreateLayer("cun", srs, ogr.wkbMultiPolygon)
    villages.CreateField(ogr.FieldDefn("cdm", ogr.OFTString))
    villages.CreateField(ogr.FieldDefn("cmc", ogr.OFTString))
    area = None
    zones.SetAttributeFilter("code IN ({})".format(",".join(f"'{c}'" for c in chosen)))
    for n, zone in enumerate(zones):
        f = ogr.Feature(villages.GetLayerDefn())
        f["cdm"], f["cmc"] = zone["code"], f"示范{n + 1}村"
        f.SetGeometry(zone.GetGeometryRef().Clone())
        villages.CreateFeature(f)
        area = zone.GetGeometryRef().Clone() if area is None else area.Union(zone.GetGeometryRef())
    villages_ds.SetMetadataItem("SYNTHETIC", SYNTHETIC)
    villages_ds = None

    # Parcels: the land-use polygons inside the villages (by centroid).
    landuse_ds = ogr.Open(str(args.sample / "landuse_2020.gpkg"))
    landuse = landuse_ds.GetLayer(0)
    landuse.SetSpatialFilter(area)
    parcels_ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(args.out / "zzdk.gpkg"))
    parcels = parcels_ds.CreateLayer("zzdk", srs, ogr.wkbMultiPolygon)
    for name in ("dkbh", "zzlx", "xmbh", "xzdl", "ghdl"):
        parcels.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    village_of = {}
    villages_ds = ogr.Open(str(args.out / "cun.gpkg"))  # kept open while its layer is read
    for village in villages_ds.GetLayer(0):
        village_of[village["cdm"]] = village.GetGeometryRef().Clone()
    villages_ds = None
    red, farm = [], []
    kept = []
    for feature in landuse:
        geometry = feature.GetGeometryRef()
        centre = geometry.Centroid()
        if not area.Contains(centre):
            continue
        project = "XM01" if any(village_of[c].Contains(centre) for c in chosen[:VILLAGES // 2]) else "XM02"
        current = str(feature["lucc_code"])
        if current in RED_SOURCES:
            red.append(geometry.Clone())
        if current in CULTIVATED and rng.uniform() < 0.7:
            farm.append(geometry.Clone())
        kept.append((current, project, geometry.Clone()))
    parcels.StartTransaction()
    pending = list(MISTAKES)
    for n, (current, project, geometry) in enumerate(kept):
        kind, planned = plan(rng, current, careful=project == "XM01")
        mistake = next((m for m in pending if current in m[0]), None) if project == "XM02" else None
        if mistake is not None:
            pending.remove(mistake)
            kind, planned = mistake[1], mistake[2]
        if n == 7:
            kind = "土地整里"  # a misspelt type: P02
        f = ogr.Feature(parcels.GetLayerDefn())
        f["dkbh"], f["zzlx"], f["xmbh"] = f"ZZ{n + 1:05d}", kind, project
        f["xzdl"], f["ghdl"] = current, planned
        f.SetGeometry(ogr.ForceToMultiPolygon(geometry))
        parcels.CreateFeature(f)
    # A parcel digitised twice (shifted 20 m): P18 on both.
    shifted = ogr.CreateGeometryFromWkt(kept[11][2].ExportToWkt())
    for ring_index in range(shifted.GetGeometryCount()):
        ring = shifted.GetGeometryRef(ring_index)
        for i in range(ring.GetPointCount()):
            x, y = ring.GetX(i), ring.GetY(i)
            ring.SetPoint_2D(i, x + 20.0, y)
    f = ogr.Feature(parcels.GetLayerDefn())
    f["dkbh"], f["zzlx"], f["xmbh"], f["xzdl"], f["ghdl"] = f"ZZ{len(kept) + 1:05d}", "高标准农田", kept[11][1], \
        kept[11][0], kept[11][0]
    f.SetGeometry(ogr.ForceToMultiPolygon(shifted))
    parcels.CreateFeature(f)
    parcels.CommitTransaction()
    parcels_ds.SetMetadataItem("SYNTHETIC", SYNTHETIC)
    parcels_ds = None

    # Workspace: made by guotu (schema, Chinese field names, styles), filled here.
    init = subprocess.run([str(args.guotu), "lines", "init", str(args.out / "workspace.gpkg"), "--crs",
                           f"EPSG:{epsg}"], capture_output=True, text=True)
    if init.returncode != 0:
        sys.stderr.write(init.stderr)
        return 1
    ws = ogr.Open(str(args.out / "workspace.gpkg"), 1)
    urban = [t.Buffer(200.0, 4).Intersection(area) for t in towns if t.Intersects(area)]
    for name, geometries in (("ecological_redline", red), ("permanent_farmland", farm), ("urban_boundary", urban)):
        layer = ws.GetLayerByName(name)
        layer.StartTransaction()
        for geometry in geometries:
            if geometry is None or geometry.IsEmpty():
                continue
            f = ogr.Feature(layer.GetLayerDefn())
            f.SetGeometry(ogr.ForceToMultiPolygon(geometry))
            layer.CreateFeature(f)
        layer.CommitTransaction()
    ws = None
    print(f"{len(kept) + 1} parcels in {VILLAGES} villages; red line {len(red)}, farmland {len(farm)}, urban "
          f"boundary {len(urban)} features -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
