"""Scaling of county-partitioned runs on Dask (scripts/guotu_cluster.py): the same counties with a
local cluster of 1 and of 2 workers, each worker one thread (one guotu at a time), on a province
of 三调-shaped counties made by bench/make_province.py (generated on first use). One command,
which prints the 1 → 2 workers ratio at the end:

    /usr/bin/python3 bench/cluster_bench.py [--counties 8] [--province DIR] [--jobs convert]
                                            [--workers 1,2] [--sequential] [--out FILE.json]

Recorded per run: wall time; CPU seconds of the whole run (the runner, its Dask workers and
every guotu they ran: /usr/bin/time's user + system of the process tree); the machine's busy CPU
seconds during the run from /proc/stat and what of it was other work (busy − the run's own);
the load average sampled every second (mean, max); per worker: its partitions, guotu's CPU
seconds, guotu's peak resident memory and the worker process's own peak. --sequential also
times the counties one after another with the guotu tool and its default threads (what a
planner does without a cluster). The province is SYNTHETIC: the counties replicate the seeds'
land use (hard links), each with its own zones.
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
import threading
import time
from pathlib import Path
from typing import Dict, List, Optional

REPO = Path(__file__).resolve().parents[1]
GUOTU = REPO / "build" / "core" / "guotu"
RUNNER = REPO / "scripts" / "guotu_cluster.py"
TICK = os.sysconf("SC_CLK_TCK")


def files(folder: str) -> Dict[str, List[str]]:
    return {"voucher": ["--zones", f"{folder}/zones.gpkg", "--zone-id", "code", "--gdp-field", "gdp", "--pop-field",
                        "population", "--base", f"{folder}/landuse_2010.gpkg", "--base-class-field", "DLBM",
                        "--base-system", "SANDIAO_WORK", "--target", f"{folder}/landuse_2020.gpkg",
                        "--target-class-field", "DLBM", "--target-system", "SANDIAO_WORK", "--floor-price", "1000"],
            "convert": ["--zones", f"{folder}/zones.gpkg", "--zone-id", "code", "--before", f"{folder}/landuse_2010.gpkg",
                        "--before-class-field", "DLBM", "--before-system", "SANDIAO_WORK", "--after",
                        f"{folder}/landuse_2020.gpkg", "--after-class-field", "DLBM", "--after-system", "SANDIAO_WORK"],
            "tally": ["--zones", f"{folder}/zones.gpkg", "--zone-id", "code", "--landuse", f"{folder}/landuse_2020.gpkg",
                      "--class-field", "DLBM"]}


def busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (every core), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / TICK


class LoadSampler(threading.Thread):
    """The 1-minute load average every second while a run goes on."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.samples: List[float] = []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.samples.append(float(Path("/proc/loadavg").read_text().split()[0]))
            self.stop.wait(1.0)

    def summary(self) -> Dict[str, float]:
        s = self.samples or [float("nan")]
        return {"load1_mean": round(sum(s) / len(s), 2), "load1_max": max(s), "load1_samples": len(self.samples)}


def measured(cmd: List[str], env: Optional[dict] = None) -> Dict[str, object]:
    sampler = LoadSampler()
    busy0 = busy_seconds()
    sampler.start()
    t = time.monotonic()
    res = subprocess.run(["/usr/bin/time", "-f", "TIME %U %S %M", *cmd], capture_output=True, text=True, env=env)
    wall = time.monotonic() - t
    sampler.stop.set()
    sampler.join()
    busy = busy_seconds() - busy0
    if res.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{res.stdout}\n{res.stderr}")
    user, system, rss_kb = re.findall(r"TIME ([0-9.]+) ([0-9.]+) (\d+)", res.stderr)[-1]
    cpu = float(user) + float(system)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "machine_busy_cpu_s": round(busy, 2),
            "other_work_cpu_s": round(max(0.0, busy - cpu), 2),
            "cores_used_by_run": round(cpu / wall, 2), **sampler.summary(),
            "runner_peak_rss_mb": round(int(rss_kb) / 1024, 1), "stdout": res.stdout}


def ensure_province(path: Path, counties: int, cells: int) -> dict:
    info = path / "province.json"
    if not info.exists() or json.loads(info.read_text()).get("counties") != counties:
        print(f"generating {counties} counties in {path} (bench/make_province.py, --cells {cells}) ...", flush=True)
        subprocess.run([sys.executable, str(REPO / "bench" / "make_province.py"), str(path), "--counties",
                        str(counties), "--cells", str(cells)], check=True, stdout=subprocess.DEVNULL)
    return json.loads(info.read_text())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("province_dir", type=Path, nargs="?", help="(as --province)")
    p.add_argument("--province", type=Path, help="the province folder (default /tmp/guotu_bench/provinceN); "
                                                 "generated when missing")
    p.add_argument("--counties", type=int, default=8)
    p.add_argument("--cells", type=int, default=250, help="make_sandiao_data.py cells (250: ~62,000 parcels a year)")
    p.add_argument("--workers", default="1,2")
    p.add_argument("--jobs", "--commands", dest="jobs", default="convert", help="comma-separated: convert,voucher,tally")
    p.add_argument("--sequential", action="store_true", help="also the counties one after another with guotu")
    p.add_argument("--note", default="", help="what else ran on the machine (recorded)")
    p.add_argument("--work", type=Path, help="folder of the merged outputs and partition outputs (default "
                                             "PROVINCE/work)")
    p.add_argument("--baseline-runner", type=Path,
                   help="another scripts/guotu_cluster.py (e.g. an earlier commit's, from `git archive`) run "
                        "with the same workers in the same session, recorded as dask_N_workers_baseline")
    p.add_argument("--out", type=Path)
    a = p.parse_args()
    province = a.province or a.province_dir or Path("/tmp/guotu_bench") / f"province{a.counties}"
    if a.counties < 8:
        print("note: fewer than 8 counties cannot show the scaling of 2 workers fairly", file=sys.stderr)
    info = ensure_province(province, a.counties, a.cells)
    counties = sorted((province / "counties").iterdir())
    work = a.work or province / "work"
    work.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": "county-partitioned runs on Dask: 1 against 2 local workers, one thread each",
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "province": info,
              "machine": {"cpu": platform.processor() or platform.machine(), "cores": os.cpu_count(),
                          "ram_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
                          "guotu": subprocess.run([str(GUOTU), "--version"], capture_output=True,
                                                  text=True).stdout.strip(),
                          "git_head": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                                     capture_output=True, text=True).stdout.strip()},
              "note": a.note or "one run each (no best-of); other_work_cpu_s is the CPU other processes of the "
                                "machine used during the run",
              "runs": {}}
    env = dict(os.environ, GUOTU_CLI=str(GUOTU))
    for job in a.jobs.split(","):
        runs: Dict[str, object] = {}
        if a.sequential:
            seq = measured(["/bin/sh", "-c", " && ".join(
                " ".join([str(GUOTU), job, *[f"'{x}'" for x in files(str(c))[job]], "-o",
                          str(work / f"seq-{c.name}.gpkg")]) for c in counties)])
            seq.pop("stdout")
            runs["sequential_guotu"] = seq
            for f in work.glob("seq-*.gpkg"):
                f.unlink()
            print(job, "sequential", seq, flush=True)
        runners = [("", RUNNER)] + ([("_baseline", a.baseline_runner.resolve())] if a.baseline_runner else [])
        for (label, runner), w in [(r, int(x)) for x in a.workers.split(",") for r in runners]:
            out = work / f"{job}-{w}{label}.gpkg"
            r = measured([sys.executable, str(runner), job, "--partitions", str(province / "counties"), "--workers",
                          str(w), "-o", str(out), "--", *files("{partition}")[job]], env)
            con = sqlite3.connect(out)
            parts = con.execute("SELECT partition, seconds, cpu_seconds, peak_rss_mb, worker_peak_rss_mb, worker_pid "
                                "FROM partitions").fetchall()
            con.close()
            per_worker: Dict[str, dict] = {}
            for name, seconds, cpu, rss, wrss, pid in parts:
                wk = per_worker.setdefault(str(pid), {"partitions": [], "busy_s": 0.0, "guotu_cpu_s": 0.0,
                                                      "guotu_peak_rss_mb": 0.0, "worker_process_peak_rss_mb": 0.0})
                wk["partitions"].append(name)
                wk["busy_s"] = round(wk["busy_s"] + seconds, 2)
                wk["guotu_cpu_s"] = round(wk["guotu_cpu_s"] + cpu, 2)
                wk["guotu_peak_rss_mb"] = round(max(wk["guotu_peak_rss_mb"], rss), 1)
                wk["worker_process_peak_rss_mb"] = round(max(wk["worker_process_peak_rss_mb"], wrss), 1)
            merge = re.search(r"merged in ([0-9.]+) s", str(r["stdout"]))
            appends = re.search(r"appending the partitions as they finished: ([0-9.]+) s", str(r["stdout"]))
            r.pop("stdout")
            r.update({"workers": w, "workers_used": len(per_worker), "per_worker": per_worker,
                      "partition_seconds": {x[0]: round(x[1], 2) for x in parts},
                      "merge_s": float(merge.group(1)) if merge else None,
                      "appends_during_run_s": float(appends.group(1)) if appends else None,
                      "runner": str(runner),
                      "output_mb": round(out.stat().st_size / 2**20, 1)})
            runs[f"dask_{w}_workers{label}"] = r
            print(job, f"{w} worker(s){label}:", {k: v for k, v in r.items() if k not in ("partition_seconds", "per_worker")},
                  flush=True)
            out.unlink()
        for label, _runner in runners:
            w1, w2 = runs.get(f"dask_1_workers{label}"), runs.get(f"dask_2_workers{label}")
            if w1 and w2:
                runs[f"scaling_1_to_2{label}"] = round(w1["wall_s"] / w2["wall_s"], 2)  # type: ignore[index]
        result["runs"][job] = runs
    out_file = a.out or REPO / "bench" / "results" / f"cluster_scaling_{len(counties)}counties.json"
    out_file.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print("written", out_file)
    for job, runs in result["runs"].items():
        for label in ("", "_baseline"):
            if f"scaling_1_to_2{label}" in runs:
                w1, w2 = runs[f"dask_1_workers{label}"], runs[f"dask_2_workers{label}"]
                print(f"{job}{label}: 1 worker {w1['wall_s']} s, 2 workers {w2['wall_s']} s: scaling "
                      f"{runs[f'scaling_1_to_2{label}']}x (merge after the last partition {w1['merge_s']} and "
                      f"{w2['merge_s']} s; other work on the machine: {w1['other_work_cpu_s']} and "
                      f"{w2['other_work_cpu_s']} CPU s; load {w1['load1_mean']} and {w2['load1_mean']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
