#!/usr/bin/env python3
"""Reads the old sample's re-measurement (bench/run_old_sample_recheck.sh) and writes
bench/results/<bench>_recheck.json: for every ratio the earlier results recorded (a slower tool
against a guotu run), the same ratio now in CPU seconds (user + sys, every tool pinned to one CPU)
and in wall seconds, beside the recorded one, and whether it got worse.

    /usr/bin/python3 bench/collect_recheck.py [--data build/bench-data] [--results bench/results]

The earlier ratios are of wall seconds, mostly on a quiet machine with guotu's default threads on
both cores; now every tool shares one CPU with the other work on the machine, so the CPU ratio is
the one to compare (a single-threaded tool's wall on a quiet machine is its CPU time). A ratio
counts as worse when the CPU ratio now is below the recorded one by more than 10 % (the spread of
CPU seconds between runs on this shared machine).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import re
import sys
from typing import Dict, List, Optional, Tuple

WORSE_MARGIN = 0.10

# bench -> (work directory under --data, earlier results file, raw results name)
GNU_TIME_BENCHES = {
    "convert_scale1": ("recheck-convert1", "convert_scale1.json"),
    "tally_scale1": ("recheck-tally1", "tally_scale1.json"),
    "voucher_scale1": ("recheck-voucher1", "voucher_scale1.json"),
}


def gnu_time(path: str) -> Dict[str, float]:
    """wall, user, sys and peak RSS of one `/usr/bin/time -v` file."""
    text = open(path).read()

    def field(label: str) -> str:
        m = re.search(re.escape(label) + r".*?:\s*(\S+)\s*$", text, re.M)
        if not m:
            raise ValueError(f"{path}: no '{label}'")
        return m.group(1)

    wall = 0.0
    for part in field("Elapsed (wall clock) time").split(":"):
        wall = wall * 60 + float(part)
    user, sys_ = float(field("User time (seconds)")), float(field("System time (seconds)"))
    return {"wall_s": round(wall, 2), "user_s": user, "sys_s": sys_, "cpu_s": round(user + sys_, 2),
            "peak_rss_mb": round(int(field("Maximum resident set size (kbytes)")) / 1024)}


def tool_runs(work: str) -> Dict[str, Dict[str, object]]:
    """Every tool's runs from WORK/timings: the runs, the least CPU and the least wall."""
    tools: Dict[str, List[Dict[str, object]]] = {}
    for path in sorted(glob.glob(f"{work}/timings/*.run*.time")):
        name, run = re.match(r"(.+)\.run(\d+)\.time$", os.path.basename(path)).groups()
        rc_path = path[:-5] + ".rc"
        if os.path.exists(rc_path) and open(rc_path).read().strip() != "0":
            continue
        r: Dict[str, object] = dict(gnu_time(path), run=int(run))
        for key, suffix in (("load_before", ".load"), ("load_after", ".load_after")):
            p = path[:-5] + suffix
            if os.path.exists(p):
                r[key] = open(p).read().strip()
        tools.setdefault(name, []).append(r)
    out = {}
    for name, runs in tools.items():
        out[name] = {"runs": runs, "best_cpu_s": min(r["cpu_s"] for r in runs),
                     "best_wall_s": min(r["wall_s"] for r in runs)}
    return out


# Pairs the earlier results did not store as a ratio but whose two tools they timed (the README
# quotes them): the recorded ratio is made from the two best walls.
EXTRA_PAIRS = {"convert_scale1": [("qgis_convert", "guotu_convert_ellipsoidal_1cpu")]}


def earlier_ratios(old: dict, extra: List[Tuple[str, str]]) -> List[Tuple[str, str, float]]:
    """(slow tool, guotu tool, recorded wall ratio) of an earlier results file."""
    pairs = []
    tools = old.get("tools", {})
    for name, t in tools.items():
        for key, value in t.items():
            if not isinstance(value, (int, float)):
                continue
            if key == "wall_ratio_vs_baseline" and t.get("baseline"):
                pairs.append((name, t["baseline"], float(value)))
            elif key.startswith("wall_ratio_vs_guotu_"):
                pairs.append((name, key[len("wall_ratio_vs_"):], float(value)))
    for slow, fast in extra:
        if slow in tools and fast in tools:
            pairs.append((slow, fast, tools[slow]["best_wall_s"] / tools[fast]["best_wall_s"]))
    return pairs


def one_thread(tool: str) -> bool:
    """Whether the guotu run used one thread (then its wall on a quiet machine was its CPU time)."""
    return tool.endswith(("_1cpu", "_1t", "_1core")) or "vector" in tool


def same_run_builds(data: str) -> Dict[str, List[dict]]:
    """Earlier builds against the current one on the same commands (bench/recheck_binaries.py)."""
    out: Dict[str, List[dict]] = {}
    for path in sorted(glob.glob(f"{data}/recheck-binaries-*.json")):
        d = json.load(open(path))
        for name, t in d["tools"].items():
            m = re.search(r"recheck-binaries-([0-9a-f]{7,40})", os.path.basename(path))
            out.setdefault(name, []).append({"earlier_commit": m.group(1) if m else None,
                         "earlier_best_cpu_s": t.get("earlier_best_cpu_s"), "now_best_cpu_s": t.get("now_best_cpu_s"),
                         "earlier_over_now_cpu": t.get("earlier_over_now_cpu"), "file": os.path.basename(path),
                         "date_utc": d["info"].get("date_utc"), "pinned_to_cpu": d["info"].get("pinned_to_cpu")})
    return out


def verdict(now_cpu: Optional[float], then: Optional[float]) -> str:
    if now_cpu is None or then is None:
        return "no earlier ratio"
    if now_cpu < then * (1 - WORSE_MARGIN):
        return f"worse by {100 * (1 - now_cpu / then):.0f} %"
    if now_cpu > then * (1 + WORSE_MARGIN):
        return f"better by {100 * (now_cpu / then - 1):.0f} %"
    return "same within 10 %"


def collect_gnu_time(bench: str, data: str, results: str) -> dict:
    workdir, old_name = GNU_TIME_BENCHES[bench]
    work = f"{data}/{workdir}"
    raw = json.load(open(f"{work}/raw.json"))
    old = json.load(open(f"{results}/{old_name}"))
    tools = tool_runs(work)
    ratios = []
    seen = set()
    for slow, fast, then in earlier_ratios(old, EXTRA_PAIRS.get(bench, [])):
        if slow not in tools or fast not in tools:
            continue
        seen.add((slow, fast))
        cpu = round(tools[slow]["best_cpu_s"] / tools[fast]["best_cpu_s"], 2)
        wall = round(tools[slow]["best_wall_s"] / tools[fast]["best_wall_s"], 2)
        ratios.append({"slower": slow, "guotu": fast, "cpu_ratio_now": cpu, "wall_ratio_now": wall,
                       "wall_ratio_recorded": round(then, 2), "verdict": verdict(cpu, then),
                       "guotu_one_thread": one_thread(fast)})
    # Tools the earlier run did not have (e.g. GeoPandas, guotu inside qgis_process): now only.
    for slow, t in raw.get("tools", {}).items():
        fast = t.get("baseline")
        if fast and (slow, fast) not in seen and slow in tools and fast in tools:
            cpu = round(tools[slow]["best_cpu_s"] / tools[fast]["best_cpu_s"], 2)
            wall = round(tools[slow]["best_wall_s"] / tools[fast]["best_wall_s"], 2)
            ratios.append({"slower": slow, "guotu": fast, "cpu_ratio_now": cpu, "wall_ratio_now": wall,
                           "wall_ratio_recorded": None, "verdict": "no earlier ratio",
                           "guotu_one_thread": one_thread(fast)})
    checks = raw.get("checks", {})
    check_list = checks.get("checks", []) if isinstance(checks, dict) else []
    return {
        "benchmark": raw.get("benchmark"), "data": raw.get("data"), "machine": raw.get("machine"),
        "run_info": raw.get("run_info"), "date": raw.get("date"),
        "pinned": "every tool under taskset -c GUOTU_BENCH_CPU (one CPU); guotu's default threads share it",
        "earlier": {"file": f"bench/results/{old_name}", "git_head": old.get("machine", {}).get("git_head"),
                    "date": old.get("date")},
        "tools": tools, "ratios": ratios,
        "guotu_same_run_earlier_build": {k.split("/", 1)[1]: v for k, v in same_run_builds(data).items()
                                         if k.startswith(workdir + "/")},
        "checks_ok": all(c.get("ok") for c in check_list) if check_list else None,
        "checks": [{k: c.get(k) for k in ("comparison", "ok", "status", "max_rel_diff_all_pairs")} for c in check_list],
    }


def collect_border(data: str, results: str) -> Optional[dict]:
    path = f"{data}/recheck-border1/raw.json"
    if not os.path.exists(path):
        return None
    raw = json.load(open(path))
    old = json.load(open(f"{results}/border_scale1.json"))
    f = lambda d, k: float(d[k]) if d.get(k) not in (None, "") else None
    ratios = [
        {"slower": "QGIS chain (34 qgis_process steps)", "guotu": "guotu border --threads 1",
         "cpu_ratio_now": f(raw, "ratio_cpu_qgis_over_guotu_1thread"),
         "wall_ratio_now": f(raw, "ratio_qgis_over_guotu_1thread"),
         "wall_ratio_recorded": f(old, "ratio_qgis_over_guotu_1thread")},
        {"slower": "QGIS chain without its start-ups", "guotu": "guotu border --threads 1",
         "cpu_ratio_now": f(raw, "ratio_cpu_without_qgis_startups_1thread"),
         "wall_ratio_now": f(raw, "ratio_without_qgis_startups_1thread"),
         "wall_ratio_recorded": f(old, "ratio_without_qgis_startups_1thread")},
    ]
    for r in ratios:
        r["verdict"] = verdict(r["cpu_ratio_now"], r["wall_ratio_recorded"])
    before_cpu = f(raw, "guotu_before_1thread_cpu_s")
    now_cpu = f(raw, "guotu_1thread_best_cpu_s")
    return {"benchmark": "border, old synthetic data (GUOTU_BENCH_VARIANT=synthetic)",
            "pinned": raw.get("pinned"), "machine": raw.get("machine"), "git_head": raw.get("git_head"),
            "earlier": {"file": "bench/results/border_scale1.json", "git_head": old.get("git_head")},
            "ratios": ratios,
            "guotu_now_vs_before_same_run": {
                "before_binary": raw.get("guotu_before"), "before_cpu_s": before_cpu, "now_best_cpu_s": now_cpu,
                "now_cpu_s_runs": raw.get("guotu_1thread_cpu_s_runs"),
                "before_over_now_cpu": round(before_cpu / now_cpu, 3) if before_cpu and now_cpu else None,
                "outputs_equal_within_tolerances": raw.get("guotu_before_outputs_equal")},
            "guotu_same_run_earlier_build": {k.split("/", 1)[1]: v for k, v in same_run_builds(data).items()
                                             if k.startswith("recheck-border1/")},
            "checks_ok": raw.get("all_checks_ok"), "raw": raw}


def collect_lines(data: str) -> Optional[dict]:
    path = f"{data}/recheck-lines5/raw.json"
    if not os.path.exists(path):
        return None
    raw = json.load(open(path))
    # The earlier run (bench/README.md, 2026-11-21 06:42 UTC, quiet): guotu 4.96 s, QGIS 66.23 s wall.
    then = round(66.23 / 4.96, 1)
    cpu = raw.get("ratio_cpu_qgis_over_guotu")
    return {"benchmark": raw.get("benchmark"), "machine": raw.get("machine"), "git_head": raw.get("git_head"),
            "pinned_to_cpu": raw.get("pinned_to_cpu"),
            "earlier": {"where": "bench/README.md, three control lines (issue #4), 2026-11-21 06:42 UTC, quiet",
                        "guotu_wall_s": 4.96, "qgis_wall_s": 66.23},
            "ratios": [{"slower": "QGIS native:intersection + $area", "guotu": "guotu lines check --rules L04",
                        "cpu_ratio_now": cpu, "wall_ratio_now": raw.get("ratio_wall_qgis_over_guotu"),
                        "wall_ratio_recorded": then, "verdict": verdict(cpu, then)}],
            "guotu_same_run_earlier_build": {k.split("/", 1)[1]: v for k, v in same_run_builds(data).items()
                                             if k.startswith("recheck-lines5/")},
            "checks_ok": (raw.get("check_qgis") or {}).get("ok"), "raw": raw}


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(here, "..", "build", "bench-data"))
    ap.add_argument("--results", default=os.path.join(here, "results"))
    a = ap.parse_args()
    written = []
    for bench in GNU_TIME_BENCHES:
        if os.path.exists(f"{a.data}/{GNU_TIME_BENCHES[bench][0]}/raw.json"):
            out = collect_gnu_time(bench, a.data, a.results)
            json.dump(out, open(f"{a.results}/{bench}_recheck.json", "w"), indent=1, ensure_ascii=False)
            written.append((bench, out))
    for bench, out in (("border_scale1", collect_border(a.data, a.results)), ("lines_sample5", collect_lines(a.data))):
        if out:
            json.dump(out, open(f"{a.results}/{bench}_recheck.json", "w"), indent=1, ensure_ascii=False)
            written.append((bench, out))
    for bench, out in written:
        print(f"{bench}: checks ok {out.get('checks_ok')}")
        for r in out["ratios"]:
            print(f"  {r['slower']} / {r['guotu']}: CPU {r['cpu_ratio_now']}x, wall {r['wall_ratio_now']}x now; "
                  f"recorded {r['wall_ratio_recorded']}x (wall) -> {r['verdict']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
