"""Conversion matrix per village from the 三调 ZLDWDM prefix (SYNTHETIC data), run by hand:

    /usr/bin/python3 bench/bench_unit_matrix.py WORK_DIR [--cells 150] [--runs 2]

On two years of bench/make_sandiao_data.py (a county of CELLS × CELLS parcels), in the same run:
- `guotu convert --zone-code-field ZLDWDM --zone-code-length 12` (each piece in the village of
  its before-year parcel; table unit_transitions), and the same overlay without it (what the
  per-unit table costs);
- what a planner would otherwise do in QGIS 3.22 Processing (one PyQGIS process, the desktop
  default of stopping on invalid geometry): native:intersection of the two years (before fields
  DLBM and ZLDWDM, after field DLBM) → native:fieldcalculator unit = left(ZLDWDM, 12) →
  native:fieldcalculator area_m2 = $area (ellipsoid EPSG:7019, GRS 1980 = CGCS2000's a and 1/f)
  → qgis:statisticsbycategories by unit, DLBM, DLBM_2.
Every cell of the QGIS table is checked against guotu's (relative difference over cells of at
least 0.01 ha), and guotu's per-unit cells against its own whole matrix. Wall and CPU seconds of
each process, and the load average before and after each run, go to
bench/results/unit_matrix_cellsN.json.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUOTU = Path(os.environ.get("GUOTU_CLI", REPO / "build" / "core" / "guotu"))

QGIS_CHAIN = r'''
import os, sys, time, json
sys.path.insert(0, os.path.join(sys.argv[1], "bench"))
import qgis_common as qc
app, processing = qc.start_qgis()
ctx = qc.make_context("abort", "EPSG:7019")
before, after, out = sys.argv[2], sys.argv[3], sys.argv[4]
steps = {}
def run(alg, params):
    t = time.perf_counter()
    result = processing.run(alg, params, context=ctx, feedback=qc.Feedback(alg))
    steps[alg + str(len(steps))] = round(time.perf_counter() - t, 3)
    return result
run("native:intersection", {"INPUT": f"{before}|layername=landuse", "OVERLAY": f"{after}|layername=landuse",
                            "INPUT_FIELDS": ["DLBM", "ZLDWDM"], "OVERLAY_FIELDS": ["DLBM"],
                            "OVERLAY_FIELDS_PREFIX": "after_", "OUTPUT": out + "/qgis_pieces.gpkg"})
run("native:fieldcalculator", {"INPUT": out + "/qgis_pieces.gpkg", "FIELD_NAME": "unit", "FIELD_TYPE": 2,
                               "FIELD_LENGTH": 12, "FORMULA": "left(\"ZLDWDM\", 12)",
                               "OUTPUT": out + "/qgis_units.gpkg"})
run("native:fieldcalculator", {"INPUT": out + "/qgis_units.gpkg", "FIELD_NAME": "area_m2", "FIELD_TYPE": 0,
                               "FIELD_LENGTH": 20, "FIELD_PRECISION": 6, "FORMULA": "$area",
                               "OUTPUT": out + "/qgis_area.gpkg"})
run("qgis:statisticsbycategories", {"INPUT": out + "/qgis_area.gpkg", "VALUES_FIELD_NAME": "area_m2",
                                    "CATEGORIES_FIELD_NAME": ["unit", "DLBM", "after_DLBM"],
                                    "OUTPUT": out + "/qgis_stats.csv"})
json.dump(steps, open(out + "/qgis_steps.json", "w"))
os._exit(0)
'''


def load() -> list:
    return [round(x, 2) for x in os.getloadavg()]


def timed(cmd: list, label: str) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = load()
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if res.returncode:
        sys.exit(f"{label} failed: {res.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU", flush=True)
    return {"wall_s": round(wall, 3), "cpu_s": round(cpu, 3), "loadavg_before": load_before, "loadavg_after": load()}


def guotu_cells(path: Path) -> tuple:
    from osgeo import ogr
    ds = ogr.Open(str(path))
    cells = {(f["unit_id"], f["from_code"], f["to_code"]): f["area_ha"] for f in ds.GetLayerByName("unit_transitions")}
    whole = {(f["from_class"], f["to_class"]): f["area_ha"] for f in ds.GetLayerByName("transitions")
             if f["level"] == "code"}
    ds = None
    return cells, whole


def qgis_cells(path: Path) -> dict:
    cells = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            cells[(row["unit"], row["DLBM"], row["after_DLBM"])] = float(row["sum"]) / 10000.0
    return cells


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("work", type=Path)
    ap.add_argument("--cells", type=int, default=150)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    data = args.work / f"sandiao{args.cells}"
    if not (data / "landuse_2020.gpkg").exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "make_sandiao_data.py"), str(data), "--cells",
                        str(args.cells)], check=True)
    before, after = data / "landuse_2010.gpkg", data / "landuse_2020.gpkg"
    common = [str(GUOTU), "convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
              "SANDIAO_WORK", "--after", str(after), "--after-class-field", "DLBM", "--after-system", "SANDIAO_WORK"]
    runs: dict = {"guotu_units": [], "guotu_plain": [], "qgis_chain": []}
    for k in range(args.runs):
        runs["guotu_units"].append(timed(common + ["--zone-code-field", "ZLDWDM", "--zone-code-length", "12", "-o",
                                                   str(args.work / "units.gpkg")], f"guotu per village (run {k + 1})"))
        runs["guotu_plain"].append(timed(common + ["-o", str(args.work / "plain.gpkg")],
                                         f"guotu without units (run {k + 1})"))
    for k in range(args.runs):
        for name in ("qgis_pieces", "qgis_units", "qgis_area"):
            (args.work / f"{name}.gpkg").unlink(missing_ok=True)
        runs["qgis_chain"].append(timed(["/usr/bin/python3", "-c", QGIS_CHAIN, str(REPO), str(before), str(after),
                                         str(args.work)], f"QGIS chain (run {k + 1})"))
        runs["qgis_chain"][-1]["steps_s"] = json.loads((args.work / "qgis_steps.json").read_text())
    cells, whole = guotu_cells(args.work / "units.gpkg")
    summed: dict = {}
    for (_unit, a, b), ha in cells.items():
        summed[(a, b)] = summed.get((a, b), 0.0) + ha
    sums_diff = max(abs(summed.get(k, 0.0) - whole.get(k, 0.0)) for k in set(summed) | set(whole))
    theirs = qgis_cells(args.work / "qgis_stats.csv")
    big = [k for k in set(cells) | set(theirs) if max(cells.get(k, 0.0), theirs.get(k, 0.0)) >= 0.01]
    rel = max(abs(cells.get(k, 0.0) - theirs.get(k, 0.0)) / max(cells.get(k, 0.0), theirs.get(k, 0.0)) for k in big)
    best = {name: min(r["wall_s"] for r in rs) for name, rs in runs.items()}
    best_cpu = {name: min(r["cpu_s"] for r in rs) for name, rs in runs.items()}
    from osgeo import ogr
    ds = ogr.Open(str(before))
    parcels = ds.GetLayer(0).GetFeatureCount()
    ds = None
    result = {
        "what": "conversion matrix per village (ZLDWDM[:12]) of two 三调-shaped years, SYNTHETIC",
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "data": {"cells": args.cells, "before_parcels": parcels, "villages": len({k[0] for k in cells})},
        "runs": runs, "best_wall_s": best, "best_cpu_s": best_cpu,
        "qgis_over_guotu_wall": round(best["qgis_chain"] / best["guotu_units"], 2),
        "units_overhead_wall": round(best["guotu_units"] / best["guotu_plain"], 3),
        "check": {"cells_guotu": len(cells), "cells_qgis": len(theirs),
                  "max_rel_diff_cells_ge_0.01ha": rel, "max_abs_diff_unit_sums_vs_whole_ha": sums_diff},
    }
    out = REPO / "bench" / "results" / f"unit_matrix_cells{args.cells}.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("best_wall_s", "best_cpu_s", "qgis_over_guotu_wall",
                                             "units_overhead_wall", "check")}, indent=2))


if __name__ == "__main__":
    main()
