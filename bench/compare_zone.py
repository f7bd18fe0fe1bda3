"""Checks of the zone benchmark (bench/run_zone_bench.sh).

    python3 compare_zone.py PROJECTED.gpkg ZONE.gpkg [BY_HAND.gpkg]
        the issues of the run on the EPSG:4490 copy (and of the copy reprojected by hand) against
        the run on the projected original: the same number of issues per rule and the same
        hectares per rule within 1e-6 relative; the note of the zone in ZONE.gpkg's notes.
        Prints JSON; exit status 1 when a check fails."""
import json
import sys

from osgeo import ogr


def per_rule(path):
    ds = ogr.Open(path)
    found = {}
    for f in ds.GetLayerByName("issues"):
        n, ha = found.get(f["rule_id"], (0, 0.0))
        found[f["rule_id"]] = (n + 1, ha + (f["value"] or 0.0))
    notes = [f["note_en"] for f in ds.GetLayerByName("notes")]
    return found, notes


def main():
    base, _ = per_rule(sys.argv[1])
    out = {"projected": {k: {"issues": n, "value_sum": round(v, 6)} for k, (n, v) in sorted(base.items())}}
    ok = True
    for name, path in zip(("zone", "by_hand"), sys.argv[2:]):
        got, notes = per_rule(path)
        same = set(got) == set(base) and all(
            got[k][0] == base[k][0] and abs(got[k][1] - base[k][1]) <= 1e-6 * max(1.0, abs(base[k][1])) for k in base)
        out[name] = {"same_issues_and_values_1e-6": same,
                     "max_rel_diff": max((abs(got[k][1] - base[k][1]) / max(1e-12, abs(base[k][1]))
                                          for k in base if k in got), default=0.0),
                     "zone_note": [n for n in notes if "the zone of the data's centre" in n]}
        ok = ok and same
    print(json.dumps(out, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
