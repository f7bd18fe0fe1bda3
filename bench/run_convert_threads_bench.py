#!/usr/bin/python3
"""Scaling of `guotu convert` from 1 to 2 threads on 三调-shaped data (bench/make_sandiao_data.py).

Runs `guotu convert` (the command line of run_convert_bench.sh: lucc_code, CAS_LUCC both,
ellipsoidal) with --threads 1 and 2, alternating, REPEAT times each, every run under GNU
`time -v`: wall clock, CPU seconds (user + system) and peak RSS, with the 1-minute load just
before and after. On a shared machine the wall ratio measures the share of the cores the run
got; the CPU seconds measure the work: the goal is that 2 threads cost about the CPU of 1 (then
the wall ratio on a quiet machine approaches 2x). A run that starts with a 1-minute load below
--quiet-load counts as quiet; the wall ratio is also given over quiet runs only.

--base BINARY times an earlier guotu the same way in the same run (e.g. one built from the
commit before a change), so the two are compared under the same load.

Checks (the run fails otherwise): the outputs of --threads 1, 2 and 3 have the same tables to
the last bit (transitions, status_summary, unknown_codes) and the same pieces (attributes and
geometry, sorted: the threads hand them over in an order of their own); with --base, also the
same as the earlier binary's.

  /usr/bin/python3 bench/run_convert_threads_bench.py [--data build/bench-data/sandiao250]
      [--repeat 3] [--base /path/to/old/guotu] [--out bench/results/convert_threads_sandiao250.json]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from osgeo import ogr

ROOT = Path(__file__).resolve().parent.parent


def load1() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def timed(cmd: list[str], log: Path) -> dict:
    """Runs cmd under GNU time -v; wall, user, sys, peak RSS and the load around it."""
    before = load1()
    tfile = log.with_suffix(".time")
    with open(log, "w") as out:
        rc = subprocess.run(["/usr/bin/time", "-v", "-o", str(tfile), *cmd], stdout=out, stderr=subprocess.STDOUT).returncode
    text = tfile.read_text()

    def field(name: str) -> str:
        return re.search(rf"{re.escape(name)}: (.*)", text).group(1).strip()

    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    user, system = float(field("User time (seconds)")), float(field("System time (seconds)"))
    return {"rc": rc, "wall_s": round(wall, 2), "user_s": user, "sys_s": system, "cpu_s": round(user + system, 2),
            "peak_rss_mb": round(int(field("Maximum resident set size (kbytes)")) / 1024, 1),
            "cpu_percent": field("Percent of CPU this job got"), "load1_before": before, "load1_after": load1()}


def digest(gpkg: Path) -> dict:
    """sha256 of every table's rows and of the sorted pieces (attributes and WKB)."""
    ds = ogr.Open(str(gpkg))
    found = {}
    for name in ("transitions", "status_summary", "unknown_codes", "conversions"):
        layer = ds.GetLayerByName(name)
        rows = []
        for f in layer:
            g = f.GetGeometryRef()
            rows.append(repr(sorted(f.items().items())) + (g.ExportToIsoWkb().hex() if g else ""))
        if name == "conversions":
            rows.sort()
        found[name] = {"rows": len(rows), "sha256": hashlib.sha256("\n".join(rows).encode()).hexdigest()}
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT / "build/bench-data/sandiao250"))
    ap.add_argument("--guotu", default=str(ROOT / "build/core/guotu"))
    ap.add_argument("--base", help="an earlier guotu binary to time in the same run")
    ap.add_argument("--base-label", default="base", help="what the earlier binary is (e.g. its commit)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--quiet-load", type=float, default=0.5)
    ap.add_argument("--work", default="/tmp/guotu_bench/convert_threads")
    ap.add_argument("--out", default=str(ROOT / "bench/results/convert_threads_sandiao250.json"))
    args = ap.parse_args()
    data, work = Path(args.data), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    before, after = data / "landuse_2010.gpkg", data / "landuse_2020.gpkg"
    for f in (before, after):
        f.read_bytes()  # warm the page cache: no run pays for the first read from disk
    common = ["convert", "--before", str(before), "--before-class-field", "lucc_code", "--before-system", "CAS_LUCC",
              "--after", str(after), "--after-class-field", "lucc_code", "--after-system", "CAS_LUCC"]
    binaries = {"guotu": args.guotu}
    if args.base:
        binaries[args.base_label] = args.base
    runs = []
    digests = {}
    for rep in range(1, args.repeat + 1):
        for label, exe in binaries.items():
            for threads in ("1", "2"):
                out = work / f"{label}_t{threads}.gpkg"
                out.unlink(missing_ok=True)
                r = timed([exe, *common, "--threads", threads, "-o", str(out)], work / f"{label}_t{threads}_{rep}.log")
                r.update({"binary": label, "threads": int(threads), "repeat": rep,
                          "quiet": r["load1_before"] < args.quiet_load})
                print(f"{label} --threads {threads} #{rep}: wall {r['wall_s']} s, CPU {r['cpu_s']} s, "
                      f"RSS {r['peak_rss_mb']} MB, load {r['load1_before']} -> {r['load1_after']}", flush=True)
                if r["rc"] != 0:
                    print((work / f"{label}_t{threads}_{rep}.log").read_text(), file=sys.stderr)
                    return 1
                runs.append(r)
                if rep == 1:
                    digests[f"{label} --threads {threads}"] = digest(out)
    out3 = work / "guotu_t3.gpkg"
    out3.unlink(missing_ok=True)
    r3 = subprocess.run([args.guotu, *common, "--threads", "3", "-o", str(out3)], capture_output=True, text=True)
    if r3.returncode != 0:
        print(r3.stderr, file=sys.stderr)
        return 1
    digests["guotu --threads 3"] = digest(out3)
    reference = digests["guotu --threads 1"]
    identical = {k: v == reference for k, v in digests.items()}

    summary = {}
    for label in binaries:
        s = {}
        for threads in (1, 2):
            mine = [r for r in runs if r["binary"] == label and r["threads"] == threads]
            quiet = [r["wall_s"] for r in mine if r["quiet"]]
            s[f"threads_{threads}"] = {
                "best_wall_s": min(r["wall_s"] for r in mine),
                "median_cpu_s": round(statistics.median(r["cpu_s"] for r in mine), 2),
                "min_cpu_s": min(r["cpu_s"] for r in mine),
                "max_peak_rss_mb": max(r["peak_rss_mb"] for r in mine),
                "best_quiet_wall_s": min(quiet) if quiet else None}
        one, two = s["threads_1"], s["threads_2"]
        s["wall_ratio_best"] = round(one["best_wall_s"] / two["best_wall_s"], 3)
        s["cpu_ratio_2_over_1"] = round(two["median_cpu_s"] / one["median_cpu_s"], 3)
        s["ideal_wall_ratio_from_cpu"] = round(2 * one["median_cpu_s"] / two["median_cpu_s"], 3)
        if one["best_quiet_wall_s"] and two["best_quiet_wall_s"]:
            s["wall_ratio_quiet"] = round(one["best_quiet_wall_s"] / two["best_quiet_wall_s"], 3)
        summary[label] = s
    manifest = json.loads((data / "sample_manifest.json").read_text())
    result = {
        "benchmark": "convert threads 1 -> 2",
        "data": str(data), "data_params": manifest.get("params"),
        "command": " ".join(["guotu", *common, "--threads", "N", "-o", "OUT.gpkg"]),
        "git_head": subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                   text=True).stdout.strip(),
        "base": {"label": args.base_label, "binary": args.base} if args.base else None,
        "machine": {"nproc": os.cpu_count(), "platform": platform.platform(),
                    "cpu": next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                                 if l.startswith("model name")), "?")},
        "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "quiet_load_below": args.quiet_load,
        "runs": runs, "summary": summary,
        "outputs": digests, "identical_to_guotu_threads_1": identical,
    }
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(summary, indent=2))
    print("identical:", identical)
    return 0 if all(identical.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
