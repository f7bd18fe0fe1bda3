"""Checks of the lines benchmark (bench/run_lines_bench.sh).

    python3 compare_lines.py guotu GUOTU.gpkg [GUOTU_BEFORE.gpkg]
        every overlap issue (L02-L06) of GUOTU.gpkg: pieces and hectares per rule; with a
        second file (the same check by an earlier build) the two must hold the same issues
        (rule, features, severity, fingerprint), values within 1e-9 relative and issue
        shapes of the same planar area within 1e-9 relative. Prints JSON.
    python3 compare_lines.py qgis GUOTU.gpkg QGIS.log
        QGIS's pieces and hectares per rule (bench/qgis_lines_overlap.py's output) against
        guotu's: total hectares within 1e-6 relative, same number of pieces. Prints JSON.
Exit status 1 when a check fails."""
import json
import re
import sys

from osgeo import ogr

RULES = ("L02", "L03", "L04", "L05", "L06")


def ring_area(ring):
    """Shoelace area about the ring's first point (coordinates of ~4e7 m would cost digits)."""
    pts = ring.GetPoints()
    x0, y0 = pts[0][0], pts[0][1]
    return abs(sum((xa - x0) * (yb - y0) - (xb - x0) * (ya - y0)
                   for (xa, ya, *_), (xb, yb, *_) in zip(pts, pts[1:]))) / 2.0


def area(g):
    if g is None:
        return 0.0
    kind = ogr.GT_Flatten(g.GetGeometryType())
    if kind == ogr.wkbPolygon:
        rings = [ring_area(g.GetGeometryRef(k)) for k in range(g.GetGeometryCount())]
        return rings[0] - sum(rings[1:]) if rings else 0.0
    if kind in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        return sum(area(g.GetGeometryRef(k)) for k in range(g.GetGeometryCount()))
    return 0.0


def issues(path):
    ds = ogr.Open(path)
    layer = ds.GetLayerByName("issues")
    out = {}
    for f in layer:
        rule = f.GetField("rule_id")
        if rule not in RULES:
            continue
        key = (rule, f.GetField("layer_a"), f.GetField("fid_a"), f.GetField("layer_b"), f.GetField("fid_b"))
        g = f.GetGeometryRef()
        out[key] = {"value": f.GetField("value"), "severity": f.GetField("severity"),
                    "fingerprint": f.GetField("fingerprint"), "area": area(g)}
    return out


def per_rule(found):
    rules = {}
    for (rule, *_), v in found.items():
        r = rules.setdefault(rule, {"pieces": 0, "total_ha": 0.0})
        r["pieces"] += 1
        r["total_ha"] += v["value"]
    return rules


def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300) if a != b else 0.0


def main():
    mode, path = sys.argv[1], sys.argv[2]
    now = issues(path)
    report = {"guotu": per_rule(now)}
    ok = True
    if mode == "guotu" and len(sys.argv) > 3:
        before = issues(sys.argv[3])
        same_keys = set(now) == set(before)
        worst_value = max((rel(now[k]["value"], before[k]["value"]) for k in now if k in before), default=0.0)
        worst_area = max((rel(now[k]["area"], before[k]["area"]) for k in now if k in before), default=0.0)
        same_text = all(now[k]["severity"] == before[k]["severity"] and now[k]["fingerprint"] == before[k]["fingerprint"]
                        for k in now if k in before)
        check = {"issues": len(now), "issues_before": len(before), "same_issues": same_keys,
                 "only_now": len(set(now) - set(before)), "only_before": len(set(before) - set(now)),
                 "max_rel_value": worst_value, "max_rel_shape_area": worst_area, "same_severity_and_fingerprint": same_text}
        check["ok"] = same_keys and same_text and worst_value <= 1e-9 and worst_area <= 1e-9
        ok = check["ok"]
        report["against_before"] = check
    elif mode == "qgis":
        qgis = {}
        for line in open(sys.argv[3], encoding="utf-8"):
            m = re.match(r"(L0\d) intersection_s=(\S+) area_s=(\S+) pieces=(\d+) total_ha=(\S+)", line)
            if m:
                qgis[m.group(1)] = {"intersection_s": float(m.group(2)), "area_s": float(m.group(3)),
                                    "pieces": int(m.group(4)), "total_ha": float(m.group(5))}
        report["qgis"] = qgis
        checks = {}
        for rule, q in qgis.items():
            g = report["guotu"].get(rule, {"pieces": 0, "total_ha": 0.0})
            c = {"pieces_guotu": g["pieces"], "pieces_qgis": q["pieces"], "total_ha_guotu": g["total_ha"],
                 "total_ha_qgis": q["total_ha"], "rel_total": rel(g["total_ha"], q["total_ha"])}
            c["ok"] = c["rel_total"] <= 1e-6 and g["pieces"] == q["pieces"]
            ok = ok and c["ok"]
            checks[rule] = c
        report["against_qgis"] = checks
    report["ok"] = ok
    print(json.dumps(report, indent=1, sort_keys=True))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
