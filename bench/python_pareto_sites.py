"""The Python way a planner would rank candidate sites without guotu: read the layer with
PyQGIS, measure each site's ellipsoidal area with QgsDistanceArea (CGCS2000's ellipsoid, as
QGIS's $area), then sort into non-dominated fronts with DEAP (Debian's python3-deap):
``sortLogNondominated`` (Fortin et al. 2013, O(N log^(M-1) N)) or the textbook
``sortNondominated`` (Deb's fast non-dominated sort, O(M N²)). Writes site fid and front to a
CSV for the comparison with guotu.

usage: /usr/bin/python3 bench/python_pareto_sites.py SITES.gpkg OUT.csv OBJECTIVES [--deb] [--limit N]
  OBJECTIVES like "cost:min,benefit:max,area_ha:max" (area_ha is measured, the rest are fields)"""
import argparse
import csv
import json
import sys
import time

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject, QgsVectorLayer


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sites")
    ap.add_argument("out")
    ap.add_argument("objectives")
    ap.add_argument("--deb", action="store_true", help="Deb's fast non-dominated sort instead of Fortin's")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sites")
    a = ap.parse_args()
    t0 = time.perf_counter()
    app = QgsApplication([], False)
    app.initQgis()
    from deap import base, creator, tools

    objectives = [(o.rsplit(":", 1)[0], o.rsplit(":", 1)[1]) for o in a.objectives.split(",")]
    layer = QgsVectorLayer(a.sites, "sites", "ogr")
    if not layer.isValid():
        sys.exit(f"cannot open {a.sites}")
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid(QgsCoordinateReferenceSystem("EPSG:4490").ellipsoidAcronym())
    weights = tuple(1.0 if d == "max" else -1.0 for _, d in objectives)
    creator.create("SiteFitness", base.Fitness, weights=weights)
    creator.create("Site", list, fitness=creator.SiteFitness)
    t1 = time.perf_counter()
    sites = []
    for n, f in enumerate(layer.getFeatures()):
        if a.limit and n >= a.limit:
            break
        values = []
        for name, _ in objectives:
            values.append(da.measureArea(f.geometry()) / 1e4 if name == "area_ha" else float(f[name]))
        site = creator.Site([f.id()])
        site.fitness.values = tuple(values)
        sites.append(site)
    t2 = time.perf_counter()
    sort = tools.sortNondominated if a.deb else tools.emo.sortLogNondominated
    fronts = sort(sites, len(sites))
    t3 = time.perf_counter()
    with open(a.out, "w", newline="") as out:
        w = csv.writer(out)
        w.writerow(["fid", "front"])
        for number, front in enumerate(fronts, 1):
            for site in front:
                w.writerow([site[0], number])
    t4 = time.perf_counter()
    print(json.dumps({"sites": len(sites), "fronts": len(fronts), "start_s": round(t1 - t0, 3),
                      "read_and_area_s": round(t2 - t1, 3), "sort_s": round(t3 - t2, 3),
                      "write_s": round(t4 - t3, 3), "sort": "deb" if a.deb else "fortin_log"}))
    del layer, da  # before exitQgis: a layer alive at exit crashes QGIS 3.22
    app.exitQgis()


if __name__ == "__main__":
    main()
