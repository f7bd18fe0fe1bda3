#!/usr/bin/env python3
"""The raster voucher (scale-1 sample: 40,000 parcels a year, 4000² GeoTIFFs) of several guotu
builds in the same session, alternately, each pinned to one CPU, as `perf stat -r 8` task-clock
(CPU ms, mean of 8 runs) per build and thread setting, plus one timed run for the wall clock;
every output's tables are compared (the summary's creation time and the preset paths aside).

    /usr/bin/python3 bench/voucher_raster_speed.py OUT.json NAME=GUOTU [NAME=GUOTU ...]
        [--data build/bench-data/scale1] [--cpu 0] [--rounds 4]

A NAME ending in @N runs that build with --threads N (e.g. branch@1=build/core/guotu); without
it the build's default threads (a build before --threads existed takes no @N).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from typing import Dict, List


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def command(guotu: str, data: str, out: str, threads: str) -> List[str]:
    argv = [guotu, "voucher", "--zones", f"{data}/zones.gpkg", "--zone-id", "code", "--zone-name", "name",
            "--gdp-field", "gdp", "--pop-field", "population", "--mask", f"{data}/urban_2020.gpkg",
            "--price", "30000", "--cap", "50000", "--reference", "zones",
            "--base", f"{data}/landuse_2010.tif", "--target", f"{data}/landuse_2020.tif", "-o", out]
    return argv + (["--threads", threads] if threads else [])


def tables_digest(path: str) -> str:
    """The table names, then a digest of the rows of every table (the summary without its
    creation time and preset paths)."""
    db = sqlite3.connect(path)
    h = hashlib.sha256()
    names = [t for (t,) in db.execute("select table_name from gpkg_contents order by table_name")]
    for t in names:
        rows = db.execute(f'select * from "{t}" order by 1').fetchall()
        if t == "summary":
            rows = [r for r in rows if r[1] not in ("created_utc", "base_coefficients", "target_coefficients")]
        h.update(repr((t, rows)).encode())
    db.close()
    return ",".join(names) + " " + h.hexdigest()[:16]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("builds", nargs="+")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--data", default=os.path.join(os.path.dirname(here), "build", "bench-data", "scale1"))
    ap.add_argument("--cpu", default="0")
    ap.add_argument("--rounds", type=int, default=4)
    a = ap.parse_args()
    tools: Dict[str, tuple] = {}
    for spec in a.builds:
        name, path = spec.split("=", 1)
        threads = name.split("@", 1)[1] if "@" in name else ""
        tools[name] = (os.path.realpath(path), threads)
    tmp = tempfile.mkdtemp(prefix="guotu-voucher-speed-")
    runs, digests = [], {}
    for r in range(1, a.rounds + 1):
        for name, (guotu, threads) in tools.items():
            out = os.path.join(tmp, name.replace("@", "_t") + ".gpkg")
            if os.path.exists(out):
                os.remove(out)
            before = load()
            stat = os.path.join(tmp, "perf.txt")
            # perf repeats the command: the output is removed by a shell before each run
            shell = f"rm -f '{out}'; exec " + " ".join(f"'{x}'" for x in command(guotu, a.data, out, threads))
            subprocess.run(["perf", "stat", "-r", "8", "-x,", "-e", "task-clock", "-o", stat,
                            "taskset", "-c", a.cpu, "sh", "-c", shell],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            fields = [l for l in open(stat) if "task-clock" in l][0].split(",")
            t0 = time.time()
            subprocess.run(["taskset", "-c", a.cpu, "sh", "-c", shell], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            wall = time.time() - t0
            digests.setdefault(name, tables_digest(out))
            rec = {"round": r, "tool": name, "task_clock_ms_mean_of_8": float(fields[0]), "variation": fields[3],
                   "one_run_wall_s": round(wall, 3), "loadavg": f"{before} -> {load()}"}
            runs.append(rec)
            print(rec, flush=True)
    # builds with the last build's tables (an earlier build may lack some) must agree to the bit
    last = digests[list(tools)[-1]]
    comparable = {n: d for n, d in digests.items() if d.split()[0] == last.split()[0]}
    same = len(set(comparable.values())) == 1
    result = {
        "what": "guotu voucher, raster, scale-1 sample, each build pinned to one CPU (taskset -c %s), alternately" % a.cpu,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform()},
        "builds": {n: {"guotu": g, "threads": t or "default"} for n, (g, t) in tools.items()},
        "runs": runs,
        "best_task_clock_ms": {n: min(x["task_clock_ms_mean_of_8"] for x in runs if x["tool"] == n) for n in tools},
        "median_task_clock_ms": {n: sorted(x["task_clock_ms_mean_of_8"] for x in runs if x["tool"] == n)[a.rounds // 2]
                                 for n in tools},
        "table_digests": digests,
        "outputs_identical": same,
        "outputs_compared": sorted(comparable),
    }
    json.dump(result, open(a.out, "w"), indent=1, ensure_ascii=False)
    print("outputs identical" if same else f"OUTPUTS DIFFER: {digests}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
