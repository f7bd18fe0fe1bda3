"""Partitioned runs on Dask (scripts/guotu_cluster.py) with 1 and 2 local workers against the same
counties run one after another by the guotu tool (what a planner does without a cluster), on a
province made by bench/make_province.py. Records wall time, per-partition seconds and peak memory
of guotu, the merge time, the client's peak memory and the load average around every run.

    /usr/bin/python3 bench/cluster_bench.py PROVINCE_DIR [--workers 1,2] [--out bench/results/cluster_N.json]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUOTU = REPO / "build" / "core" / "guotu"
RUNNER = REPO / "scripts" / "guotu_cluster.py"


def files(folder: str) -> dict:
    return {"voucher": ["--zones", f"{folder}/zones.gpkg", "--zone-id", "code", "--gdp-field", "gdp", "--pop-field",
                        "population", "--base", f"{folder}/landuse_2010.gpkg", "--base-class-field", "DLBM",
                        "--base-system", "SANDIAO_WORK", "--target", f"{folder}/landuse_2020.gpkg",
                        "--target-class-field", "DLBM", "--target-system", "SANDIAO_WORK", "--floor-price", "1000"],
            "convert": ["--zones", f"{folder}/zones.gpkg", "--zone-id", "code", "--before", f"{folder}/landuse_2010.gpkg",
                        "--before-class-field", "DLBM", "--before-system", "SANDIAO_WORK", "--after",
                        f"{folder}/landuse_2020.gpkg", "--after-class-field", "DLBM", "--after-system", "SANDIAO_WORK"]}


def loadavg() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def timed(cmd: list, env: dict | None = None) -> dict:
    before = loadavg()
    t = time.monotonic()
    res = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env)
    wall = time.monotonic() - t
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    if res.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{res.stdout}\n{res.stderr}")
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(int(rss.group(1)) / 1024, 1) if rss else None,
            "loadavg_before": before, "loadavg_after": loadavg(), "stdout": res.stdout}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("province", type=Path)
    p.add_argument("--workers", default="1,2")
    p.add_argument("--commands", default="voucher,convert")
    p.add_argument("--out", type=Path)
    a = p.parse_args()
    counties = sorted((a.province / "counties").iterdir())
    work = a.province / "work"
    work.mkdir(exist_ok=True)
    info = json.loads((a.province / "province.json").read_text())
    result = {"benchmark": "county-partitioned runs on Dask vs the counties one after another with guotu",
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "province": info,
              "machine": {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
                          "ram_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                          "guotu": subprocess.run([str(GUOTU), "--version"], capture_output=True, text=True).stdout.strip(),
                          "git_head": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                                     capture_output=True, text=True).stdout.strip()},
              "note": "2-core machine shared with six other engineers' builds and tests: the load average "
                      "around every run is recorded; one run each (no best-of).",
              "runs": {}}
    env = dict(os.environ, GUOTU_CLI=str(GUOTU))
    for command in a.commands.split(","):
        runs = {}
        # without a cluster: the counties one after another, guotu with its default threads
        t = time.monotonic()
        before = loadavg()
        for c in counties:
            subprocess.run([str(GUOTU), command, *files(str(c))[command], "-o", str(work / f"seq-{c.name}.gpkg")],
                           check=True, capture_output=True)
        runs["sequential_guotu"] = {"wall_s": round(time.monotonic() - t, 2), "loadavg_before": before,
                                    "loadavg_after": loadavg()}
        for f in work.glob("seq-*.gpkg"):
            f.unlink()
        print(command, "sequential", runs["sequential_guotu"], flush=True)
        for w in [int(x) for x in a.workers.split(",")]:
            out = work / f"{command}-{w}.gpkg"
            r = timed([sys.executable, str(RUNNER), command, "--partitions", str(a.province / "counties"),
                       "--workers", str(w), "-o", str(out), "--", *files("{partition}")[command]], env)
            con = sqlite3.connect(out)
            parts = con.execute("SELECT partition, seconds, peak_rss_mb, worker_pid FROM partitions").fetchall()
            con.close()
            merge = re.search(r"merged in ([0-9.]+) s", r["stdout"])
            r.update({"client_peak_rss_mb": r.pop("peak_rss_mb"),
                      "partition_seconds": [round(x[1], 2) for x in parts],
                      "partition_peak_rss_mb": [round(x[2], 1) for x in parts],
                      "workers_used": len({x[3] for x in parts}),
                      "merge_s": float(merge.group(1)) if merge else None,
                      "output_mb": round(out.stat().st_size / 2**20, 1)})
            r.pop("stdout")
            runs[f"dask_{w}_workers"] = r
            print(command, w, {k: v for k, v in r.items() if not k.startswith("partition_")}, flush=True)
            out.unlink()
        w1, w2 = runs.get("dask_1_workers"), runs.get("dask_2_workers")
        if w1 and w2:
            runs["scaling_1_to_2"] = round(w1["wall_s"] / w2["wall_s"], 2)
        result["runs"][command] = runs
    out = a.out or REPO / "bench" / "results" / f"cluster_{len(counties)}counties.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print("written", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
