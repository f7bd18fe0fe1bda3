#!/usr/bin/env python3
"""Times an earlier guotu build and the current one on the guotu commands of the old sample's
re-measurement (bench/run_old_sample_recheck.sh writes them to WORK/timings/*.run1.cmd), in the
same run, alternately, each pinned to one CPU, so that whether guotu itself got slower on the old
data is told apart from the load of the machine. Writes a JSON of the runs and the ratios.

    /usr/bin/python3 bench/recheck_binaries.py EARLIER_GUOTU OUT.json [--cpu 1] [--repeat 3]
        [--data build/bench-data]

Every command's output goes to a temporary directory (not the bench's own outputs); the tools are
those whose .cmd runs the current build (build/core/guotu), with the same arguments for both builds.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from typing import Dict, List


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


def timed(cmd: List[str], cpu: int) -> Dict[str, object]:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        before = load()
        p = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name, "taskset", "-c", str(cpu)] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall, user, sys_, kb = open(t.name).read().split()[-4:]
    r = {"wall_s": float(wall), "cpu_s": round(float(user) + float(sys_), 2), "peak_rss_mb": round(int(kb) / 1024),
         "rc": p.returncode, "loadavg": f"{before} -> {load()}"}
    if p.returncode:
        r["stderr_tail"] = p.stderr[-400:]
    return r


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("earlier")
    ap.add_argument("out")
    ap.add_argument("--cpu", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", default=os.path.join(root, "build", "bench-data"))
    ap.add_argument("--current", default=os.path.join(root, "build", "core", "guotu"))
    ap.add_argument("--only", default="", help="time only the commands whose name contains this")
    a = ap.parse_args()
    current = os.path.realpath(a.current)
    tmp = tempfile.mkdtemp(prefix="guotu-recheck-")
    jobs = []
    for cmd_file in sorted(glob.glob(f"{a.data}/recheck-*/timings/guotu_*.run1.cmd")):
        argv = shlex.split(open(cmd_file).read())
        if "taskset" in argv[:1]:
            argv = argv[3:]  # pinned here anyway
        if not argv or os.path.realpath(argv[0]) != current:
            continue
        name = os.path.basename(os.path.dirname(os.path.dirname(cmd_file))) + "/" + \
            re.sub(r"\.run1\.cmd$", "", os.path.basename(cmd_file))
        jobs.append((name, argv[1:]))
    lines_ws = f"{a.data}/recheck-lines5/ws.gpkg"
    if os.path.exists(lines_ws):
        jobs.append(("recheck-lines5/guotu_lines_L04", ["lines", "check", "--workspace", lines_ws, "--rules", "L04",
                                                        "-o", "OUT.gpkg"]))
    border = f"{a.data}/border"
    if os.path.exists(f"{border}/elements.gpkg"):
        jobs.append(("recheck-border1/guotu_border_1t", [
            "border", "--admin", f"{border}/admin.gpkg", "--admin-id", "code", "--admin-name", "name", "--elements",
            f"{border}/elements.gpkg", "--city-field", "city", "--category-field", "category", "--name-field", "name",
            "--threads", "1", "-o", "OUT.gpkg"]))
    jobs = [(n, args) for n, args in jobs if a.only in n]
    results = {}
    for name, args in jobs:
        out_ext = None
        for i, x in enumerate(args):
            if x == "-o" and i + 1 < len(args):
                out_ext = os.path.splitext(args[i + 1])[1]
        runs: Dict[str, List[Dict[str, object]]] = {"earlier": [], "now": []}
        for k in range(a.repeat):
            for which, binary in (("earlier", a.earlier), ("now", current)):
                out = os.path.join(tmp, f"{which}{out_ext or ''}")
                if os.path.exists(out):
                    os.remove(out)
                argv = [binary] + [out if (i > 0 and args[i - 1] == "-o") else x for i, x in enumerate(args)]
                runs[which].append(timed(argv, a.cpu))
        ok = {w: [r for r in rs if r["rc"] == 0] for w, rs in runs.items()}
        entry: Dict[str, object] = {"args": args, "runs": runs}
        if ok["earlier"] and ok["now"]:
            e = min(r["cpu_s"] for r in ok["earlier"])
            n = min(r["cpu_s"] for r in ok["now"])
            entry.update(earlier_best_cpu_s=e, now_best_cpu_s=n, earlier_over_now_cpu=round(e / n, 3))
        results[name] = entry
        print(f"{name}: earlier {entry.get('earlier_best_cpu_s')} s, now {entry.get('now_best_cpu_s')} s CPU "
              f"(earlier / now {entry.get('earlier_over_now_cpu')})", flush=True)
    info = {"earlier_binary": a.earlier, "earlier_version": subprocess.run([a.earlier, "--version"], capture_output=True,
                                                                            text=True).stdout.strip(),
            "current_binary": current,
            "git_head": subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                       text=True).stdout.strip(),
            "pinned_to_cpu": a.cpu, "repeat": a.repeat, "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": f"{os.cpu_count()} cores",
            "note": "each command alternately with the earlier and the current build, best CPU seconds (user + sys) kept",
            "only": a.only}
    json.dump({"info": info, "tools": results}, open(a.out, "w"), indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
