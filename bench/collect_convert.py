#!/usr/bin/python3
"""Gather run_convert_bench.sh's raw timings, the output checks and the machine into one JSON.

    /usr/bin/python3 bench/collect_convert.py --scale 3.54 --data DATA --work WORK \
        --guotu build/core/guotu --out bench/results/convert_scale3.54.json

Also prints the results table (Markdown) used in bench/README.md.
"""

from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import collect_results as cr  # noqa: E402
import compare_convert  # noqa: E402

LABELS = {
    "guotu_convert_ellipsoidal": "guotu convert, ellipsoidal (writes all pieces + tables)",
    "guotu_convert_ellipsoidal_1cpu": "guotu convert, ellipsoidal, pinned to one CPU (taskset -c 0)",
    "guotu_convert_planar": "guotu convert, --area planar",
    "guotu_qgis_process": "guotu:landuseconversion in QGIS (qgis_process; file layers read by the core)",
    "spatialite_convert_planar": "OGR/SpatiaLite SQL, R-tree + ST_Intersection (planar)",
    "geopandas_convert_planar": "GeoPandas overlay(intersection) + area + groupby (planar)",
    "qgis_convert": "QGIS intersection -> field calc $area -> stats by categories",
    "qgis_convert_nocheck": "QGIS chain, GeometryNoCheck",
}
ORDER = list(LABELS)
BASELINE = {
    "guotu_qgis_process": "guotu_convert_ellipsoidal",
    "qgis_convert": "guotu_convert_ellipsoidal",
    "qgis_convert_nocheck": "guotu_convert_ellipsoidal",
    "spatialite_convert_planar": "guotu_convert_planar",
    "geopandas_convert_planar": "guotu_convert_planar",
}
CHECK_OF = {
    "guotu_qgis_process": "guotu_qgis_process vs guotu_convert_ellipsoidal",
    "qgis_convert": "qgis_convert vs guotu_convert_ellipsoidal",
    "qgis_convert_nocheck": "qgis_convert vs guotu_convert_ellipsoidal",
    "spatialite_convert_planar": "spatialite_convert_planar vs guotu_convert_planar",
    "geopandas_convert_planar": "geopandas_convert_planar vs guotu_convert_planar",
    "guotu_convert_ellipsoidal_1cpu": "guotu_convert_ellipsoidal_1cpu vs guotu_convert_ellipsoidal",
}


def fmt_table(timings, rep):
    checks = {c["comparison"]: c for c in rep["checks"]}
    key = f"max_rel_diff_pairs_ge_{compare_convert.cmp.REL_MIN_HA}ha"
    rows = ["| tool | wall s | peak RSS MB | CPU % | tool / guotu (time) | tool / guotu (RSS) | output check |",
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
        chk = ""
        c = checks.get(CHECK_OF.get(name, ""))
        if c and "max_abs_diff_ha" in c:
            chk = (f"{c['status']}: max abs {c['max_abs_diff_ha']:.2g} ha, max rel {c[key]:.2g} "
                   f"(pairs >= 1 ha: {c['max_rel_diff_pairs_ge_1ha']:.2g}), totals rel "
                   f"{c['total_rel_diff']:.2g}, pairs {c['pairs_cand']}/{c['pairs_ref']}")
        elif c:
            chk = c["status"]
        runs = f" (best of {t['n_runs']})" if t["n_runs"] > 1 else " (1 run)"
        rows.append(f"| {t['label']} | {t['best_wall_s']:.2f}{runs} | {t['best_run_peak_rss_mb']:.0f} | "
                    f"{best['cpu_percent']} | {ratio} | {rss} | {chk} |")
    for name, t in timings.items():
        best = min((r for r in t["runs"] if r["exit_status"] == 0 and "steps" in r),
                   key=lambda r: r["wall_s"], default=None)
        if best:
            steps = ", ".join(f"{s['step']} {s['wall_s']:.1f} s" for s in best["steps"]["steps"])
            rows.append(f"\n{name} steps (run {best['run']}): {steps}")
    return "\n".join(rows)


def main():
    args = cr.parse_collector_args(__doc__)
    timings = cr.collect_timings(args.work, LABELS, BASELINE, {})
    rep = compare_convert.run_all(args.work, args.data)
    compare_convert.print_report(rep)
    doc = cr.base_doc(args, "guotu convert vs QGIS Processing / OGR-SpatiaLite, same data, same run",
                      ("counts", "crs", "region", "params", "label"),
                      "2-core machine shared with other work; other processes may have been running "
                      "(loadavg_before/after recorded per run). guotu runs with its defaults (one overlay "
                      "worker per CPU but one, plus the thread that writes: 1 + 1 here), and as "
                      "guotu_convert_ellipsoidal_1cpu pinned to one CPU with taskset; "
                      "QGIS and SpatiaLite are single-threaded. "
                      "Best of GUOTU_BENCH_REPEAT_FAST (guotu, SpatiaLite) / GUOTU_BENCH_REPEAT_SLOW "
                      "(QGIS) runs; a tool whose first run took more than GUOTU_BENCH_SLOW_ONCE_S "
                      "seconds was run once.", timings, rep)
    cr.write_results(doc, args.work, args.out, ORDER, fmt_table(timings, rep))


if __name__ == "__main__":
    main()
