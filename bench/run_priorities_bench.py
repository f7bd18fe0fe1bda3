"""Priorities benchmark (issue #19): `guotu priorities rank` on 100,000 candidate sites against
the Python way (PyQGIS reading + QgsDistanceArea areas + DEAP's non-dominated sorts), on the same
data in the same run, every Python ranking checked site by site against guotu's fronts.
Wall time and peak RSS from GNU time; the load average before each run is recorded.

usage: /usr/bin/python3 bench/run_priorities_bench.py [--work build/bench-data/priorities]
           [--n 100000] [--deb-sizes 5000,10000] [--out bench/results/priorities_100k.json]"""
import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUOTU = REPO / "build" / "core" / "guotu"
PY = "/usr/bin/python3"


def timed(cmd, env=None) -> dict:
    load = open("/proc/loadavg").read().split()[:3]
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", p.stderr)
    user = re.search(r"User time \(seconds\): ([\d.]+)", p.stderr)
    system = re.search(r"System time \(seconds\): ([\d.]+)", p.stderr)
    if p.returncode:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stdout}\n{p.stderr[-2000:]}")
    out = {"wall_s": round(wall, 3), "peak_rss_mb": round(int(rss.group(1)) / 1024, 1) if rss else None,
           "cpu_percent": int(cpu.group(1)) if cpu else None,
           "cpu_s": round(float(user.group(1)) + float(system.group(1)), 2) if user and system else None,
           "loadavg_before": load,
           "stdout": p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""}
    print(json.dumps(out, ensure_ascii=False), flush=True)
    return out


def guotu_rank(sites: Path, out: Path, objectives, lex=None) -> dict:
    out.unlink(missing_ok=True)
    cmd = [str(GUOTU), "priorities", "rank", "--sites", str(sites)]
    for o in objectives:
        cmd += ["--objective", o]
    if lex:
        cmd += ["--lexicographic", lex]
    return timed(cmd + ["-o", str(out)])


def python_rank(sites: Path, out: Path, objectives, deb=False) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = timed([PY, str(REPO / "bench" / "python_pareto_sites.py"), str(sites), str(out), ",".join(objectives)] +
              (["--deb"] if deb else []), env=env)
    r["steps"] = json.loads(r.pop("stdout"))
    return r


def compare(gpkg: Path, csv: Path) -> dict:
    p = subprocess.run([PY, str(REPO / "bench" / "compare_priorities.py"), str(gpkg), str(csv)], capture_output=True,
                       text=True)
    result = json.loads(p.stdout)
    result["agree"] = p.returncode == 0
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default=str(REPO / "build" / "bench-data" / "priorities"))
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--deb-sizes", default="5000,10000")
    ap.add_argument("--out", default=str(REPO / "bench" / "results" / "priorities_100k.json"))
    a = ap.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    sites = work / f"sites_{a.n}.gpkg"
    if not sites.exists():
        subprocess.run([PY, str(REPO / "bench" / "make_priority_sites.py"), str(sites), "--n", str(a.n)], check=True)
    two = ["cost:min", "benefit:max"]
    three = two + ["area_ha:max"]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    result = {"issue": 19, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "git_head": subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                                         capture_output=True, text=True).stdout.strip(),
              "guotu_version": subprocess.run([str(GUOTU), "--version"], capture_output=True,
                                              text=True).stdout.strip(),
              "machine": {"cpu": cpu, "nproc": os.cpu_count(), "shared": "2 cores shared with other engineers"},
              "data": {"sites": a.n, "file": sites.name,
                       "generator": f"bench/make_priority_sites.py --n {a.n} --seed 7"},
              "runs": {}}
    runs = result["runs"]
    for label, objectives in (("2_objectives", two), ("3_objectives", three)):
        g = [guotu_rank(sites, work / f"guotu_{label}_{i}.gpkg", objectives) for i in (1, 2)]
        runs[f"guotu_{label}"] = {"objectives": objectives, "runs": g, "best_wall_s": min(r["wall_s"] for r in g),
                                  "best_cpu_s": min(r["cpu_s"] for r in g)}
        p = [python_rank(sites, work / f"python_{label}_{i}.csv", objectives) for i in (1, 2)]
        runs[f"python_fortin_{label}"] = {"objectives": objectives, "runs": p,
                                          "best_wall_s": min(r["wall_s"] for r in p),
                                          "best_cpu_s": min(r["cpu_s"] for r in p),
                                          "check": compare(work / f"guotu_{label}_1.gpkg",
                                                           work / f"python_{label}_1.csv")}
    runs["guotu_3_objectives_lexicographic"] = {
        "objectives": three, "lexicographic": "benefit,cost",
        "runs": [guotu_rank(sites, work / "guotu_lex.gpkg", three, "benefit,cost")]}
    for size in [int(s) for s in a.deb_sizes.split(",") if s]:
        small = work / f"sites_{size}.gpkg"
        if not small.exists():
            subprocess.run([PY, str(REPO / "bench" / "make_priority_sites.py"), str(small), "--n", str(size)],
                           check=True)
        g = guotu_rank(small, work / f"guotu_deb_{size}.gpkg", three)
        d = python_rank(small, work / f"python_deb_{size}.csv", three, deb=True)
        runs[f"deb_{size}"] = {"objectives": three, "guotu": g, "python_deb": d,
                               "check": compare(work / f"guotu_deb_{size}.gpkg", work / f"python_deb_{size}.csv")}
    result["finished"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    Path(a.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(f"written {a.out}")


if __name__ == "__main__":
    main()
