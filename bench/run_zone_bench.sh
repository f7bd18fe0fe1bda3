#!/usr/bin/env bash
# Geographic data where metres are needed (issue #15, SPEC §8): the lines benchmark's workspace
# (bench/run_lines_bench.sh: the 三调-shaped sandiao250 county, 62,266 farmland parcels, 11,529
# red-line parcels, 100 urban patches) delivered in EPSG:4490, checked three ways, each pinned to
# one CPU, CPU seconds (user + sys) and wall with the load average:
#   projected   guotu lines check on the EPSG:4527 original (the reference)
#   zone        guotu lines check on the EPSG:4490 copy: read in the Gauss-Krüger zone of the
#               data's centre (EPSG:4548) by the tool itself
#   by_hand     what a planner does otherwise: ogr2ogr the EPSG:4490 copy to EPSG:4548, then
#               guotu lines check on it (both timed, summed)
# and the issues compared with the reference (bench/compare_zone.py): same pieces per rule,
# hectares within 1e-6 relative.
#
# Environment (optional):
#   GUOTU_BENCH_DATA     data directory (default build/bench-data/sandiao250)
#   GUOTU_BENCH_WORK     workspaces, outputs, timings (default build/bench-data/zone-sandiao250)
#   GUOTU_BENCH_RESULTS  results JSON (default bench/results/zone_sandiao250.json)
#   GUOTU_BENCH_REPEAT   runs of each way, best CPU time kept (default 3)
#   GUOTU_BENCH_CPU      the CPU every run is pinned to (default 0)
#   GUOTU                the guotu binary (default build/core/guotu)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PY=/usr/bin/python3
GUOTU="${GUOTU:-$ROOT/build/core/guotu}"
REPEAT="${GUOTU_BENCH_REPEAT:-3}"
CPU="${GUOTU_BENCH_CPU:-0}"
DATA="${GUOTU_BENCH_DATA:-$ROOT/build/bench-data/sandiao250}"
WORK="${GUOTU_BENCH_WORK:-$ROOT/build/bench-data/zone-sandiao250}"
RESULTS="${GUOTU_BENCH_RESULTS:-$HERE/results/zone_sandiao250.json}"
RULES=L04,L05,L06
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
WS="$WORK/ws.gpkg"
DEG="$WORK/ws_4490.gpkg"
if [[ ! -f "$WS" ]]; then
    "$GUOTU" lines init "$WS" --crs EPSG:4527 > /dev/null
    ogr2ogr -append -nln permanent_farmland -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2020.gpkg" \
        -sql "SELECT geom FROM landuse" -gt 100000
    ogr2ogr -append -nln ecological_redline -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
        -sql "SELECT geom FROM landuse WHERE lucc_code IN (21, 22)"
    ogr2ogr -append -nln urban_boundary -nlt MULTIPOLYGON "$WS" "$DATA/landuse_2010.gpkg" -dialect SQLite \
        -sql "SELECT ST_Union(geom) AS geom FROM landuse WHERE lucc_code IN (52, 53) GROUP BY substr(ZLDWDM, 1, 12)"
fi
[[ -f "$DEG" ]] || ogr2ogr -t_srs EPSG:4490 -gt 100000 "$DEG" "$WS"

timed() {
    local name="$1"; shift
    local before; before=$(load)
    log "$name (load $before)"
    /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.time" taskset -c "$CPU" "$@" > "$WORK/$name.log" 2>&1
    echo "$before -> $(load)" > "$WORK/$name.load"
    log "  $name: wall user sys KB = $(cat "$WORK/$name.time")"
}
for i in $(seq "$REPEAT"); do
    rm -f "$WORK/projected.gpkg" "$WORK/zone.gpkg" "$WORK/ws_4548.gpkg" "$WORK/by_hand.gpkg"
    timed "projected.run$i" "$GUOTU" lines check --workspace "$WS" --rules "$RULES" -o "$WORK/projected.gpkg"
    timed "zone.run$i" "$GUOTU" lines check --workspace "$DEG" --rules "$RULES" -o "$WORK/zone.gpkg"
    timed "ogr2ogr.run$i" ogr2ogr -t_srs EPSG:4548 -gt 100000 "$WORK/ws_4548.gpkg" "$DEG"
    timed "by_hand.run$i" "$GUOTU" lines check --workspace "$WORK/ws_4548.gpkg" --rules "$RULES" \
        -o "$WORK/by_hand.gpkg"
done
"$PY" "$HERE/compare_zone.py" "$WORK/projected.gpkg" "$WORK/zone.gpkg" "$WORK/by_hand.gpkg" > "$WORK/check.json" || true
"$PY" - "$WORK" "$RESULTS" "$REPEAT" <<PYEOF
import json, sys
work, results, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
def run(name):
    wall, user, sys_, kb = open(f"{work}/{name}.time").read().split()[-4:]
    return {"wall_s": float(wall), "user_s": float(user), "sys_s": float(sys_), "cpu_s": round(float(user) + float(sys_), 2),
            "peak_rss_mb": round(int(kb) / 1024), "loadavg": open(f"{work}/{name}.load").read().strip()}
runs = {way: [run(f"{way}.run{i}") for i in range(1, repeat + 1)] for way in ("projected", "zone", "ogr2ogr", "by_hand")}
best = {way: min(r, key=lambda x: x["cpu_s"]) for way, r in runs.items()}
hand_cpu = min(a["cpu_s"] + b["cpu_s"] for a, b in zip(runs["ogr2ogr"], runs["by_hand"]))
hand_wall = min(a["wall_s"] + b["wall_s"] for a, b in zip(runs["ogr2ogr"], runs["by_hand"]))
out = {"benchmark": "lines check L04-L06 on the sandiao250 workspace delivered in EPSG:4490", "rules": "$RULES",
       "machine": "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(. /etc/os-release; echo "$PRETTY_NAME")",
       "pinned_to_cpu": $CPU, "guotu_version": "$("$GUOTU" --version | head -1)",
       "guotu_sha256": "$(sha256sum "$GUOTU" | cut -d' ' -f1)", "git_head": "$(git -C "$ROOT" rev-parse --short HEAD)",
       "date_utc": "$(date -u +%FT%TZ)", "runs": runs, "best": best,
       "by_hand_best_cpu_s": round(hand_cpu, 2), "by_hand_best_wall_s": round(hand_wall, 2),
       "zone_overhead_cpu_s": round(best["zone"]["cpu_s"] - best["projected"]["cpu_s"], 2),
       "ratio_cpu_by_hand_over_zone": round(hand_cpu / best["zone"]["cpu_s"], 2)}
out["check"] = json.load(open(f"{work}/check.json"))
json.dump(out, open(results, "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: out[k] for k in ("best", "by_hand_best_cpu_s", "zone_overhead_cpu_s", "check")}, indent=1))
PYEOF
log "written $RESULTS"
