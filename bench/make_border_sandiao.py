"""三调-shaped data for the border benchmark (bench/run_border_bench.sh, the default variant):
clearly labelled SYNTHETIC, from a county made by bench/make_sandiao_data.py.

Admin units: the county's villages (villages.gpkg, dissolved from the parcels: neighbours
share exactly the same vertices). Elements: each unit submits the parcels whose centroid
lies in it, as drawn in its own survey year — units of even index the 2010 parcels, of odd
index the 2020 parcels — with forest (21, 22) as red line, cultivated land (11, 12) as
permanent farmland and construction (52, 53) as urban boundary. Where the survey moved a
boundary or changed a parcel next to a unit border, the two neighbours' submissions
disagree there, as in real cross-boundary submissions.
Usage: make_border_sandiao.py COUNTY_DIR OUT_DIR
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from osgeo import ogr, osr

ogr.UseExceptions()
CATEGORY = {21: "ecological_redline", 22: "ecological_redline", 11: "permanent_farmland", 12: "permanent_farmland",
            52: "urban_boundary", 53: "urban_boundary"}


def main() -> None:
    county, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    vds = ogr.Open(str(county / "villages.gpkg"))
    units = []
    for f in vds.GetLayer(0):
        units.append((f["code"], f.GetGeometryRef().Clone()))
    units.sort()
    admin_path, elements_path = out / "admin.gpkg", out / "elements.gpkg"
    for p in (admin_path, elements_path):
        if p.exists():
            p.unlink()
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(admin_path))
    lyr = ds.CreateLayer("admin", srs, ogr.wkbMultiPolygon)
    lyr.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    lyr.StartTransaction()
    for code, g in units:
        f = ogr.Feature(lyr.GetLayerDefn())
        f["code"], f["name"] = code, f"合成村 {code} (synthetic)"
        f.SetGeometry(ogr.ForceToMultiPolygon(g))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None
    index = {code: k for k, (code, _) in enumerate(units)}
    eds = ogr.GetDriverByName("GPKG").CreateDataSource(str(elements_path))
    elyr = eds.CreateLayer("elements", srs, ogr.wkbMultiPolygon)
    for name in ("city", "category", "name"):
        elyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    elyr.StartTransaction()
    count = 0
    for year, parity in (("2010", 0), ("2020", 1)):
        src = ogr.Open(str(county / f"landuse_{year}.gpkg"))
        layer = src.GetLayer(0)
        for code, g in units:
            if index[code] % 2 != parity:
                continue
            layer.SetSpatialFilter(g)
            for f in layer:
                category = CATEGORY.get(f["lucc_code"])
                if category is None:
                    continue
                geom = f.GetGeometryRef()
                if not g.Contains(geom.PointOnSurface()):
                    continue
                e = ogr.Feature(elyr.GetLayerDefn())
                e["city"], e["category"], e["name"] = code, category, f"{code}-{year}-{f['BSM']}"
                e.SetGeometry(ogr.ForceToMultiPolygon(geom.Clone()))
                elyr.CreateFeature(e)
                count += 1
    elyr.CommitTransaction()
    eds = None
    manifest = {"synthetic": True, "crs": "EPSG:4527", "generator": "bench/make_border_sandiao.py",
                "county": str(county), "admin_units": len(units), "elements": count,
                "elements_rule": "parcels by PointOnSurface in the unit; even units 2010, odd units 2020"}
    (out / "border_manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(manifest, ensure_ascii=False))


if __name__ == "__main__":
    main()
