#!/usr/bin/python3
"""Gather run_tally_bench.sh's raw timings, the output checks and the machine into one JSON.

    /usr/bin/python3 bench/collect_results.py --scale 5 --data DATA --work WORK \
        --guotu build/core/guotu --out bench/results/tally_scale5.json

Also prints the results table (Markdown) used in bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_results  # noqa: E402

# What each tool's speed is compared with (same method, same kind of area).
BASELINE = {
    "qgis_vector": "guotu_vector_ellipsoidal",
    "qgis_vector_nocheck": "guotu_vector_ellipsoidal",
    "spatialite_planar": "guotu_vector_planar",
    "qgis_zonalhist": "guotu_raster_centre",
}
LABELS = {
    "guotu_vector_ellipsoidal": "guotu tally, vector, ellipsoidal",
    "guotu_vector_planar": "guotu tally, vector, --area planar",
    "guotu_raster_exact": "guotu tally, raster, exact coverage",
    "guotu_raster_centre": "guotu tally, raster, --raster-mode centre",
    "guotu_raster_centre_planar": "guotu tally, raster, centre, planar (check only)",
    "guotu_raster_exact_1t": "guotu tally, raster, exact coverage, --threads 1",
    "guotu_raster_centre_1t": "guotu tally, raster, --raster-mode centre, --threads 1",
    "guotu_raster_centre_planar_1t": "guotu tally, raster, centre, planar, --threads 1 (check only)",
    "spatialite_planar": "OGR/SpatiaLite SQL, R-tree + ST_Intersection (planar)",
    "qgis_zonalhist": "QGIS native:zonalhistogram",
    "qgis_vector": "QGIS intersection + field calc $area + stats by categories",
    "qgis_vector_nocheck": "QGIS chain, GeometryNoCheck",
}
ORDER = list(LABELS)


def parse_time_file(path):
    txt = open(path, encoding="utf-8", errors="replace").read()

    def grab(label):
        for line in txt.splitlines():
            if line.strip().startswith(label):
                return line.rsplit(": ", 1)[1].strip()
        return None

    el = grab("Elapsed (wall clock) time")
    wall = None
    if el:
        parts = [float(p) for p in el.split(":")]
        wall = 0.0
        for p in parts:
            wall = wall * 60 + p
    rss = grab("Maximum resident set size")
    return {
        "wall_s": wall,
        "user_s": float(grab("User time (seconds)") or "nan"),
        "sys_s": float(grab("System time (seconds)") or "nan"),
        "cpu_percent": grab("Percent of CPU this job got"),
        "peak_rss_mb": int(rss) / 1024.0 if rss else None,
        "exit_status": int(grab("Exit status") or -1),
    }


# Further ratios recorded for a tool: tool -> guotu tools its best wall time is divided by.
EXTRA_RATIOS = {
    "qgis_zonalhist": ["guotu_raster_exact", "guotu_raster_centre_planar", "guotu_raster_exact_1t",
                       "guotu_raster_centre_1t", "guotu_raster_centre_planar_1t"],
}


def collect_timings(work, labels=None, baseline=None, extra_ratios=None):
    """Every timed run in WORK/timings, by tool; best wall time and ratios to baselines.

    labels, baseline and extra_ratios default to this module's LABELS, BASELINE and
    EXTRA_RATIOS (the other benchmarks' collectors pass their own)."""
    labels = LABELS if labels is None else labels
    baseline = BASELINE if baseline is None else baseline
    extra_ratios = EXTRA_RATIOS if extra_ratios is None else extra_ratios
    tools = {}
    for tf in sorted(glob.glob(os.path.join(work, "timings", "*.run*.time"))):
        base = tf[:-len(".time")]
        name, run = re.match(r"(.+)\.run(\d+)$", os.path.basename(base)).groups()
        r = parse_time_file(tf)
        r["run"] = int(run)
        for ext, key in ((".cmd", "command"), (".load", "loadavg_before"),
                         (".load_after", "loadavg_after"),
                         (".sha256", "guotu_sha256")):
            if os.path.exists(base + ext):
                r[key] = open(base + ext, encoding="utf-8").read().strip()
        if os.path.exists(base + ".steps.json"):
            r["steps"] = json.load(open(base + ".steps.json", encoding="utf-8"))
        log = base + ".log"
        if r["exit_status"] != 0 and os.path.exists(log):
            r["log_tail"] = open(log, encoding="utf-8", errors="replace").read()[-1500:]
        tools.setdefault(name, []).append(r)
    out = {}
    for name, runs in tools.items():
        runs.sort(key=lambda r: r["run"])
        ok = [r for r in runs if r["exit_status"] == 0]
        best = min(ok, key=lambda r: r["wall_s"]) if ok else None
        out[name] = {
            "label": labels.get(name, name),
            "runs": runs,
            "n_runs": len(runs),
            "ok": bool(ok),
            "best_wall_s": best["wall_s"] if best else None,
            "best_run_peak_rss_mb": best["peak_rss_mb"] if best else None,
            "max_peak_rss_mb": max(r["peak_rss_mb"] or 0 for r in runs),
            "command": runs[0].get("command"),
        }
        setup = os.path.join(work, "timings", name + ".setup.cmd")
        if os.path.exists(setup):
            out[name]["setup_commands_not_timed"] = open(setup, encoding="utf-8").read().strip()
    for name, t in out.items():
        b = baseline.get(name)
        if b and b in out and t["best_wall_s"] and out[b]["best_wall_s"]:
            t["baseline"] = b
            t["wall_ratio_vs_baseline"] = t["best_wall_s"] / out[b]["best_wall_s"]
            t["rss_ratio_vs_baseline"] = t["best_run_peak_rss_mb"] / out[b]["best_run_peak_rss_mb"]
        if t["best_wall_s"]:
            for other in extra_ratios.get(name, ()):
                if other in out and out[other]["best_wall_s"]:
                    t[f"wall_ratio_vs_{other}"] = t["best_wall_s"] / out[other]["best_wall_s"]
    return out


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
    except Exception as e:  # noqa: BLE001
        return f"? ({e})"


def machine_info(guotu, data):
    cpu = "?"
    for line in open("/proc/cpuinfo", encoding="utf-8"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in open("/proc/meminfo", encoding="utf-8"):
        if line.startswith("MemTotal"):
            mem_kb = int(line.split()[1])
    osname = "?"
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"')
    info = {
        "cpu_model": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "os": f"{osname} (debian_version {sh('cat /etc/debian_version')}), kernel {platform.release()}",
        "guotu_version": sh(f"'{guotu}' --version"),
        "git_head": sh(f"git -C '{os.path.dirname(HERE)}' rev-parse --short HEAD"),
    }
    try:
        from osgeo import gdal, ogr, osr
        info["gdal"] = gdal.__version__
        info["geos_gdal"] = f"{ogr.GetGEOSVersionMajor()}.{ogr.GetGEOSVersionMinor()}.{ogr.GetGEOSVersionMicro()}"
        info["proj"] = f"{osr.GetPROJVersionMajor()}.{osr.GetPROJVersionMinor()}.{osr.GetPROJVersionMicro()}"
        ds = gdal.OpenEx(os.path.join(data, "zones.gpkg"))
        lyr = ds.ExecuteSQL("SELECT spatialite_version() AS s, sqlite_version() AS q", dialect="SQLite")
        f = lyr.GetNextFeature()
        info["spatialite"], info["sqlite"] = f.GetField(0), f.GetField(1)
        ds.ReleaseResultSet(lyr)
    except Exception as e:  # noqa: BLE001
        info["gdal_error"] = str(e)
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from qgis.core import Qgis
        info["qgis"] = Qgis.QGIS_VERSION
        info["geos_qgis"] = Qgis.geosVersion() if hasattr(Qgis, "geosVersion") else None
    except Exception as e:  # noqa: BLE001
        info["qgis_error"] = str(e)
    return info


def fmt_table(timings, checks):
    status = {c["candidate"]: c for c in checks}
    rows = ["| tool | wall s | peak RSS MB | vs guotu (time) | vs guotu (RSS) | output check |",
            "|---|---:|---:|---|---|---|"]
    for name in ORDER + sorted(set(timings) - set(ORDER)):
        if name not in timings:
            continue
        t = timings[name]
        if not t["ok"]:
            rows.append(f"| {t['label']} | failed (exit {t['runs'][-1]['exit_status']}) | | | | |")
            continue
        ratio = rss = ""
        if "wall_ratio_vs_baseline" in t:
            ratio = f"{t['wall_ratio_vs_baseline']:.1f}x ({t['baseline']})"
            rss = f"{t['rss_ratio_vs_baseline']:.1f}x"
        chk = ""
        key = name if name != "qgis_vector_nocheck" else "qgis_vector"
        if key in status:
            c = status[key]
            if c.get("ok") is None:
                chk = c["status"]
            else:
                chk = (f"{c['status']}: max abs {c['max_abs_diff_ha']:.2g} ha, max rel "
                       f"{c[f'max_rel_diff_pairs_ge_{compare_results.REL_MIN_HA}ha']:.2g} "
                       f"(pairs >= 1 ha: {c['max_rel_diff_pairs_ge_1ha']:.2g})")
        runs = f" (best of {t['n_runs']})" if t["n_runs"] > 1 else ""
        rows.append(f"| {t['label']} | {t['best_wall_s']:.2f}{runs} | {t['best_run_peak_rss_mb']:.0f} | "
                    f"{ratio} | {rss} | {chk} |")
    for name, t in timings.items():
        best = min((r for r in t["runs"] if r["exit_status"] == 0 and "steps" in r),
                   key=lambda r: r["wall_s"], default=None)
        if best:
            steps = ", ".join(f"{s['step']} {s['wall_s']:.1f} s" for s in best["steps"]["steps"])
            rows.append(f"\n{name} steps (run {best['run']}, invalid-geometry check "
                        f"{best['steps'].get('invalid_geometry_check')}): {steps}")
    for name, t in timings.items():
        for k, v in t.items():
            if k.startswith("wall_ratio_vs_guotu"):
                rows.append(f"{name} {k}: {v:.1f}x")
    return "\n".join(rows)


def write_results(doc, work, out, order, table):
    """Completes a benchmark's JSON (run info, guotu binaries timed, commands), writes it
    and the commands file, prints the table, and exits 1 when any output check failed."""
    doc["run_info"] = [
        dict(line.split(": ", 1) for line in open(p, encoding="utf-8").read().splitlines()
             if ": " in line)
        for p in sorted(glob.glob(os.path.join(work, "run_info*.txt")))]
    shas = sorted({r["guotu_sha256"] for t in doc["tools"].values() for r in t["runs"]
                   if r.get("guotu_sha256")})
    doc["guotu_binaries_timed"] = shas
    if len(shas) > 1:
        print("WARNING: guotu was rebuilt between runs: " + ", ".join(shas), file=sys.stderr)
    lines = []
    for name in list(order) + sorted(set(doc["tools"]) - set(order)):
        if name in doc["tools"]:
            t = doc["tools"][name]
            if t.get("setup_commands_not_timed"):
                lines.append(f"# {name} set-up (not timed)\n{t['setup_commands_not_timed']}")
            lines.append(f"# {name}\n{t['command']}")
    doc["commands"] = "\n".join(lines) + "\n"
    with open(doc["commands_file"], "w", encoding="utf-8") as f:
        f.write(doc["commands"])
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1, ensure_ascii=False)
    print()
    print(table)
    print(f"\nwritten {out}")
    bad = [c["comparison"] for c in doc["checks"]["checks"] if c["ok"] is False]
    if bad:
        print("OUTPUTS DISAGREE: " + "; ".join(bad), file=sys.stderr)
        sys.exit(1)


def parse_collector_args(description):
    """The arguments every collect_*.py takes (--scale --data --work --guotu --out)."""
    ap = argparse.ArgumentParser(description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("--scale", "--data", "--work", "--guotu", "--out"):
        ap.add_argument(name, required=True)
    return ap.parse_args()


def base_doc(args, benchmark, manifest_keys, note, timings, checks):
    """The part of a results JSON every benchmark has: what, when, which data (the sample
    manifest's `manifest_keys`), the machine, the note, timings, checks, commands file."""
    manifest = json.load(open(os.path.join(args.data, "sample_manifest.json"), encoding="utf-8"))
    return {
        "benchmark": benchmark,
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "scale": float(args.scale),
        "data": {"dir": args.data, **{k: manifest.get(k) for k in manifest_keys}},
        "machine": machine_info(args.guotu, args.data),
        "note": note,
        "tools": timings,
        "checks": checks,
        "commands_file": os.path.join(args.work, "commands.txt"),
    }


def main():
    args = parse_collector_args(__doc__)
    timings = collect_timings(args.work)
    rep = compare_results.run_all(args.work, os.path.join(args.data, "landuse_2020.tif"))
    compare_results.print_report(rep)
    doc = base_doc(args, "guotu tally vs QGIS Processing / OGR-SpatiaLite, same data, same run",
                   ("counts", "crs", "pixel_size_m", "params", "label"),
                   "2-core machine shared with other work; other processes may have been running "
                   "(loadavg_before is recorded per run). guotu and SpatiaLite: best of "
                   "GUOTU_BENCH_REPEAT_FAST runs; QGIS: GUOTU_BENCH_REPEAT_SLOW runs.", timings, rep)
    write_results(doc, args.work, args.out, ORDER, fmt_table(timings, rep["checks"]))


if __name__ == "__main__":
    main()
