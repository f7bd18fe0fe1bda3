#!/usr/bin/python3
"""Gather run_tally_sandiao_bench.sh's timings and output checks into one JSON and print the
Markdown table for bench/README.md.

    /usr/bin/python3 bench/collect_tally_sandiao.py --work WORK --data DATA --out RESULTS.json --tools "..."

Every table is compared with guotu_cli's: the largest absolute and relative difference per
(zone, class) row of at least 1 ha, and the total.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import platform
import re
from typing import Dict, Optional, Tuple

Table = Dict[Tuple[str, str], float]

LABELS = {
    "guotu_cli": "guotu tally, village zones layer (CLI)",
    "guotu_cli_by_code": "guotu tally --zone-code-field ZLDWDM (no zones layer)",
    "guotu_qgis_process": "guotu:areabyclass in QGIS (qgis_process; file layers read by the core)",
    "guotu_qgis_by_code": "guotu:areabyunitcode in QGIS (qgis_process)",
    "qgis_chain": "QGIS intersection -> field calc $area -> statistics by categories",
}


def read_time(path: str) -> Dict[str, float]:
    text = open(path, encoding="utf-8").read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (\S+)", text).group(1)
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", text)
    return {"wall_s": round(seconds, 3), "peak_rss_mb": round(rss / 1024, 1), "cpu_percent": int(cpu.group(1)) if cpu
            else None}


def runs_of(work: str, tool: str) -> list:
    runs = []
    for time_file in sorted(glob.glob(os.path.join(work, "timings", f"{tool}.run*.time"))):
        base = time_file[:-len(".time")]
        run = {"run": int(base.rsplit("run", 1)[1]), **read_time(time_file)}
        run["exit_status"] = int(open(base + ".rc").read().strip())
        run["load_before"] = open(base + ".load").read().strip()
        runs.append(run)
    return runs


def guotu_table(path: str) -> Optional[Table]:
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {(r["zone_id"], r["class_code"]): float(r["area_ha"]) for r in csv.DictReader(f)}


def chain_table(path: str) -> Optional[Table]:
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return {(r["code"], str(int(float(r["lucc_code"])))): float(r["sum"]) / 1e4 for r in csv.DictReader(f)}


def compare(ref: Table, other: Table) -> dict:
    keys = set(ref) | set(other)
    big = [k for k in keys if ref.get(k, 0) >= 1]
    return {"rows_ref": len(ref), "rows": len(other), "missing_rows": len(set(ref) - set(other)),
            "extra_rows": len(set(other) - set(ref)),
            "max_abs_diff_ha": max(abs(ref.get(k, 0) - other.get(k, 0)) for k in keys),
            "max_rel_diff_rows_ge_1ha": max((abs(ref[k] - other.get(k, 0)) / ref[k] for k in big), default=0.0),
            "total_rel_diff": abs(sum(ref.values()) - sum(other.values())) / sum(ref.values())}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--tools", required=True)
    args = ap.parse_args()
    tables = {"guotu_cli": guotu_table(os.path.join(args.work, "guotu_cli.csv")),
              "guotu_cli_by_code": guotu_table(os.path.join(args.work, "guotu_cli_by_code.csv")),
              "guotu_qgis_process": guotu_table(os.path.join(args.work, "guotu_qgis_process.csv")),
              "guotu_qgis_by_code": guotu_table(os.path.join(args.work, "guotu_qgis_by_code.csv")),
              "qgis_chain": chain_table(os.path.join(args.work, "qgis_stats.csv"))}
    manifest = json.load(open(os.path.join(args.data, "sample_manifest.json"), encoding="utf-8"))
    result = {"data": {"dir": args.data, "manifest": manifest},
              "machine": {"nproc": os.cpu_count(), "platform": platform.platform(),
                          "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)},
              "tools": {}}
    for tool in args.tools.split():
        runs = runs_of(args.work, tool)
        ok = [r for r in runs if r["exit_status"] == 0]
        entry = {"label": LABELS.get(tool, tool), "runs": runs}
        if ok:
            best = min(ok, key=lambda r: r["wall_s"])
            entry.update(best_wall_s=best["wall_s"], best_peak_rss_mb=best["peak_rss_mb"])
        if tables.get("guotu_cli") and tables.get(tool) and tool != "guotu_cli":
            entry["check_vs_guotu_cli"] = compare(tables["guotu_cli"], tables[tool])
        result["tools"][tool] = entry
    chain = result["tools"].get("qgis_chain", {}).get("best_wall_s")
    rows = ["| tool | wall s (pinned to one CPU) | peak RSS MB | QGIS chain / tool | check vs guotu CLI |",
            "|---|---:|---:|---:|---|"]
    for tool, entry in result["tools"].items():
        if "best_wall_s" not in entry:
            rows.append(f"| {entry['label']} | {'failed' if entry['runs'] else 'not run'} | | | |")
            continue
        if chain:
            entry["qgis_chain_over_tool"] = round(chain / entry["best_wall_s"], 2)
        c = entry.get("check_vs_guotu_cli")
        check = (f"max abs {c['max_abs_diff_ha']:.2g} ha, rows >= 1 ha rel {c['max_rel_diff_rows_ge_1ha']:.2g}, "
                 f"rows {c['rows']}/{c['rows_ref']}") if c else ""
        ratio = f"{entry['qgis_chain_over_tool']:.1f}x" if chain else ""
        rows.append(f"| {entry['label']} | {entry['best_wall_s']:.2f} ({len(entry['runs'])} runs) | "
                    f"{entry['best_peak_rss_mb']:.0f} | {ratio} | {check} |")
    result["table_markdown"] = "\n".join(rows)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
    print(result["table_markdown"])


if __name__ == "__main__":
    main()
