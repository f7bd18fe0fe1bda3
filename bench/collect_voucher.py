#!/usr/bin/python3
"""Gather run_voucher_bench.sh's raw timings, the output checks and the machine into one JSON.

    /usr/bin/python3 bench/collect_voucher.py --scale 5 --data DATA --work WORK \
        --guotu build/core/guotu --out bench/results/voucher_scale5.json

Also prints the results table (Markdown) used in bench/README.md.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import collect_results as cr  # noqa: E402
import compare_voucher  # noqa: E402

LABELS = {
    "guotu_voucher_vector": "guotu voucher, vector, ellipsoidal",
    "guotu_voucher_raster": "guotu voucher, raster, exact coverage, ellipsoidal (default; 2 threads)",
    "guotu_voucher_raster_centre_planar": "guotu voucher, raster, --raster-mode centre --area planar (2 threads)",
    "guotu_voucher_raster_1core": "guotu voucher, raster, default, one core (taskset -c 0)",
    "guotu_voucher_raster_centre_planar_1core": "guotu voucher, raster, centre, planar, one core (taskset -c 0)",
    "qgis_voucher_vector": "QGIS difference -> intersection -> $area -> stats (x2 years) + Python",
    "qgis_voucher_raster": "QGIS difference (zones - mask) -> zonal histogram (x2 years) + Python",
}
ORDER = list(LABELS)
BASELINE = {
    "qgis_voucher_vector": "guotu_voucher_vector",
    "qgis_voucher_raster": "guotu_voucher_raster_centre_planar",
}
EXTRA_RATIOS = {
    "qgis_voucher_raster": ["guotu_voucher_raster", "guotu_voucher_raster_1core",
                            "guotu_voucher_raster_centre_planar_1core"],
}
# Which check row goes with which QGIS tool in the table.
CHECK_OF = {
    "qgis_voucher_vector": "qgis_voucher_vector vs guotu_voucher_vector",
    "qgis_voucher_raster": "qgis_voucher_raster_planar vs guotu_voucher_raster_centre_planar",
    "guotu_voucher_raster_1core": "guotu_voucher_raster_1core vs guotu_voucher_raster",
}


def fmt_table(timings, rep):
    checks = {c["comparison"]: c for c in rep["checks"]}
    rows = ["| tool | wall s | peak RSS MB | CPU % | QGIS / guotu (time) | QGIS / guotu (RSS) | output check |",
            "|---|---:|---:|---:|---|---|---|"]
    for name in ORDER + sorted(set(timings) - set(ORDER)):
        if name not in timings:
            continue
        t = timings[name]
        if not t["ok"]:
            rows.append(f"| {t['label']} | failed (exit {t['runs'][-1]['exit_status']}) | | | | | |")
            continue
        best = min((r for r in t["runs"] if r["exit_status"] == 0), key=lambda r: r["wall_s"])
        ratio = rss = ""
        if "wall_ratio_vs_baseline" in t:
            ratio = f"{t['wall_ratio_vs_baseline']:.1f}x ({t['baseline']})"
            rss = f"{t['rss_ratio_vs_baseline']:.1f}x"
        for k, v in t.items():
            if k.startswith("wall_ratio_vs_guotu"):
                ratio += f"; {v:.1f}x ({k[len('wall_ratio_vs_'):]})"
        chk = ""
        c = checks.get(CHECK_OF.get(name, ""))
        if c:
            chk = f"{c['status']}: {compare_voucher.summary_line(c)}"
        runs = f" (best of {t['n_runs']})" if t["n_runs"] > 1 else " (1 run)"
        rows.append(f"| {t['label']} | {t['best_wall_s']:.2f}{runs} | {t['best_run_peak_rss_mb']:.0f} | "
                    f"{best['cpu_percent']} | {ratio} | {rss} | {chk} |")
    for name, t in timings.items():
        best = min((r for r in t["runs"] if r["exit_status"] == 0 and "steps" in r),
                   key=lambda r: r["wall_s"], default=None)
        if best:
            steps = ", ".join(f"{s['step']} {s['wall_s']:.2f} s" for s in best["steps"]["steps"])
            rows.append(f"\n{name} steps (run {best['run']}): {steps}")
    return "\n".join(rows)


def main():
    args = cr.parse_collector_args(__doc__)
    timings = cr.collect_timings(args.work, LABELS, BASELINE, EXTRA_RATIOS)
    rep = compare_voucher.run_all(args.work)
    compare_voucher.print_report(rep)
    doc = cr.base_doc(args, "guotu voucher vs QGIS Processing + Python arithmetic, same data, same run",
                      ("counts", "crs", "pixel_size_m", "params", "label"),
                      "2-core machine shared with other work; other processes may have been running "
                      "(loadavg_before/after recorded per run). guotu: best of GUOTU_BENCH_REPEAT_FAST "
                      "runs; QGIS: GUOTU_BENCH_REPEAT_SLOW runs, once when the first took more than "
                      "GUOTU_BENCH_SLOW_ONCE_S. QGIS Processing is single-threaded here; guotu voucher "
                      "on rasters runs one worker thread per CPU (2), *_1core pins it to CPU 0.", timings, rep)
    doc["parameters"] = {"price": 30000, "cap": 50000, "system": "CAS_LUCC",
                         "coefficients": "resources/presets/voucher/CAS_LUCC.csv",
                         "reference": "zones (guotu default)", "baseline": "base-year (guotu default)"}
    cr.write_results(doc, args.work, args.out, ORDER, fmt_table(timings, rep))


if __name__ == "__main__":
    main()
