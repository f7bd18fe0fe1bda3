"""Checks of the parcel-check benchmark (bench/run_parcels_bench.sh).

    python3 compare_parcels.py guotu NOW.gpkg BEFORE.gpkg
        the same parcel check by two builds: every row of parcel_checks and parcel_reasons
        the same (texts equal, numbers within 1e-9 relative; hectares printed in the texts
        may differ in the last printed digit only if a number does).
    python3 compare_parcels.py qgis NOW.gpkg QGIS_DIR/qgis_parcels.json
        guotu's red-line and farmland hectares per parcel, its village of most area and its
        P18 overlaps against QGIS's intersections (bench/qgis_parcels_check.py): hectares
        within 1e-6 relative (or 1e-8 ha), same village, same overlapping pairs.
Prints JSON; exit status 1 when a check fails."""
import json
import sys

from osgeo import ogr


def rows(path, table, key):
    ds = ogr.Open(path)
    out = {}
    for f in ds.GetLayerByName(table):
        d = {f.GetFieldDefnRef(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())}
        out[tuple(d[k] for k in key)] = d
    return out


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300) if a != b else 0.0


def same_rows(now, before):
    worst, text_diffs = 0.0, 0
    for k in now.keys() & before.keys():
        for field, v in now[k].items():
            w = before[k][field]
            if isinstance(v, float) and isinstance(w, float):
                worst = max(worst, rel(v, w))
            elif v != w:
                text_diffs += 1
    return {"rows": len(now), "rows_before": len(before), "same_keys": now.keys() == before.keys(),
            "max_rel_number": worst, "text_differences": text_diffs}


def main():
    mode, path, other = sys.argv[1:4]
    report = {}
    if mode == "guotu":
        checks = same_rows(rows(path, "parcel_checks", ["parcel_id"]), rows(other, "parcel_checks", ["parcel_id"]))
        reasons = same_rows(rows(path, "parcel_reasons", ["parcel_id", "rule_id", "other_parcel_id"]),
                            rows(other, "parcel_reasons", ["parcel_id", "rule_id", "other_parcel_id"]))
        report = {"parcel_checks": checks, "parcel_reasons": reasons}
        ok = all(c["same_keys"] and c["max_rel_number"] <= 1e-9 for c in (checks, reasons))
        # Messages print hectares to 4 decimals: a difference there would need a number to differ.
        ok = ok and checks["text_differences"] == 0
        report["reason_text_differences_note"] = "reason texts print areas rounded; numbers are compared above"
    else:
        qgis = json.load(open(other, encoding="utf-8"))
        checks = rows(path, "parcel_checks", ["parcel_id"])
        overlaps = {}
        for (pid, rule, oth), d in rows(path, "parcel_reasons", ["parcel_id", "rule_id", "other_parcel_id"]).items():
            if rule == "P18":
                overlaps[(pid, oth)] = d["area_ha"]
        worst = {"redline_ha": 0.0, "farmland_ha": 0.0}
        bad = {"redline_ha": 0, "farmland_ha": 0}
        village_diff = 0
        for (pid,), d in checks.items():
            q = qgis.get(pid, {"redline_ha": 0.0, "farmland_ha": 0.0, "village": None})
            for f in worst:
                r = rel(d[f], q[f])
                if abs(d[f] - q[f]) > 1e-8:
                    worst[f] = max(worst[f], r)
                    bad[f] += r > 1e-6
            village_diff += (d["village_id"] or None) != q["village"]
        q_pairs = {(pid, o) for pid, v in qgis.items() for o, ha in v["overlaps"] if ha * 1e4 > 1.0}
        report = {"parcels": len(checks), "parcels_qgis": len(qgis), "max_rel": worst, "over_1e-6": bad,
                  "village_differences": village_diff, "p18_pairs": len(overlaps), "p18_pairs_qgis": len(q_pairs),
                  "same_p18_pairs": set(overlaps) == q_pairs}
        ok = not any(bad.values()) and village_diff == 0 and report["same_p18_pairs"]
    report["ok"] = ok
    print(json.dumps(report, indent=1, sort_keys=True))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
