"""Compares the city-part indicators of `guotu framework indicators` with the QGIS chain's
(bench/qgis_frame_chain.py), part by part (joined on city and element id), and prints the
differences as JSON. Run with /usr/bin/python3.

The two do not compute quite the same thing: QGIS's zonal statistics count the cells whose
centre is in a part, guotu weights every cell by the share of it the part covers and by its
ground area; QGIS's slope uses the grid's cell size, guotu the geodesic one (a Gauss-Krüger
scale of up to ~1.0002 here). The differences are therefore small, not zero.

Usage: /usr/bin/python3 bench/compare_frame.py GUOTU_OUT.gpkg QGIS_PARTS.gpkg
"""
from __future__ import annotations

import json
import statistics
import sys

from osgeo import ogr


def main() -> None:
    ours = {}
    ds = ogr.Open(sys.argv[1])
    for f in ds.GetLayerByName("element_indicators"):
        if f.GetField("zone") == "part":
            ours[(f.GetField("city_id"), f.GetField("element_id"))] = f
    theirs = {}
    ds2 = ogr.Open(sys.argv[2])
    for f in ds2.GetLayer(0):
        theirs[(f.GetField("XZQDM"), f.GetField("YSBH"))] = f
    pairs = [("elevation_mean", "dem_mean"), ("elevation_min", "dem_min"), ("elevation_max", "dem_max"),
             ("slope_mean", "slope_mean"), ("slope_share", "steep_mean")]
    out = {"parts_guotu": len(ours), "parts_qgis": len(theirs), "joined": len(set(ours) & set(theirs))}
    for a, b in pairs:
        diffs = [abs(ours[k].GetField(a) - theirs[k].GetField(b)) for k in set(ours) & set(theirs)
                 if ours[k].GetField(a) is not None and theirs[k].GetField(b) is not None]
        out[a] = {"max_abs_diff": max(diffs), "mean_abs_diff": statistics.fmean(diffs), "n": len(diffs)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
