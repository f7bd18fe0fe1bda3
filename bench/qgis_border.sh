#!/usr/bin/env bash
# The border-conflict analysis built from QGIS Processing steps, as a planner would chain
# them in the Processing toolbox or a model: one `qgis_process` call per step (buffer,
# polygons to lines, intersection, difference, extract by expression, dissolve). Per-pair
# totals are read from the last layers by bench/compare_border.py.
#
#   bash bench/qgis_border.sh ADMIN.gpkg ELEMENTS.gpkg WORK_DIR
#
# Step times go to WORK_DIR/steps.tsv (name, seconds); outputs to WORK_DIR/*.gpkg.
# Parameters are guotu's defaults: snap 1 m, corridor 200 m, reach 5 m.
set -euo pipefail
ADMIN="$1"
ELEMENTS="$2"
W="$3"
QP=/usr/bin/qgis_process.bin # Debian's qgis_process wrapper execs this binary
export QT_QPA_PLATFORM=offscreen
mkdir -p "$W"
rm -f "$W"/*.gpkg "$W/steps.tsv"

step() { # step NAME ALGORITHM KEY=VALUE...
    local name="$1" alg="$2"
    shift 2
    local args=() kv
    for kv in "$@"; do args+=("--$kv"); done
    local t0 t1
    t0=$(date +%s.%N)
    if ! "$QP" run "$alg" "${args[@]}" >"$W/$name.log" 2>&1; then
        echo "qgis step $name ($alg) failed; see $W/$name.log" >&2
        tail -5 "$W/$name.log" >&2
        exit 1
    fi
    t1=$(date +%s.%N)
    printf '%s\t%s\t%.3f\n' "$name" "$alg" "$(echo "$t1 - $t0" | bc)" | tee -a "$W/steps.tsv"
}
extract() { step "$1" native:extractbyexpression "INPUT=$2" "EXPRESSION=$3" "OUTPUT=$W/$1.gpkg"; }

A="$ADMIN|layername=admin"
E="$ELEMENTS|layername=elements"
# Shared borders: each unit's boundary within the snap of each other unit, one direction per pair.
step grown native:buffer "INPUT=$A" DISTANCE=1 SEGMENTS=8 END_CAP_STYLE=0 JOIN_STYLE=0 MITER_LIMIT=2 DISSOLVE=false "OUTPUT=$W/grown.gpkg"
step alines native:polygonstolines "INPUT=$A" "OUTPUT=$W/alines.gpkg"
step bpieces native:intersection "INPUT=$W/alines.gpkg" "OVERLAY=$W/grown.gpkg" INPUT_FIELDS=code OVERLAY_FIELDS=code OVERLAY_FIELDS_PREFIX=b_ "OUTPUT=$W/bpieces.gpkg"
extract bpairs "$W/bpieces.gpkg" '"code" < "b_code"'
step borders native:dissolve "INPUT=$W/bpairs.gpkg" 'FIELD=code;b_code' "OUTPUT=$W/borders.gpkg"
# The corridor along each border and the elements of the two cities inside it.
step corridors native:buffer "INPUT=$W/borders.gpkg" DISTANCE=200 SEGMENTS=8 END_CAP_STYLE=0 JOIN_STYLE=0 MITER_LIMIT=2 DISSOLVE=false "OUTPUT=$W/corridors.gpkg"
step epieces native:intersection "INPUT=$E" "OVERLAY=$W/corridors.gpkg" 'INPUT_FIELDS=city;category' 'OVERLAY_FIELDS=code;b_code' "OUTPUT=$W/epieces.gpkg"
extract sides "$W/epieces.gpkg" '"city" = "code" OR "city" = "b_code"'
# Overlaps: elements beyond their own city, and both cities' elements on the same ground
# (only elements near a border can cross it or meet the neighbour's: select them first, as
# guotu does).
step near_el native:extractbylocation "INPUT=$E" PREDICATE=0 "INTERSECT=$W/corridors.gpkg" "OUTPUT=$W/near_el.gpkg"
step eadmin native:intersection "INPUT=$W/near_el.gpkg" "OVERLAY=$A" INPUT_FIELDS=city OVERLAY_FIELDS=code OVERLAY_FIELDS_PREFIX=adm_ "OUTPUT=$W/eadmin.gpkg"
extract crossings "$W/eadmin.gpkg" '"city" <> "adm_code"'
step selfx native:intersection "INPUT=$W/near_el.gpkg" "OVERLAY=$W/near_el.gpkg" INPUT_FIELDS=city OVERLAY_FIELDS=city OVERLAY_FIELDS_PREFIX=o_ "OUTPUT=$W/selfx.gpkg"
extract claims "$W/selfx.gpkg" '"city" < "o_city"'
# Where each side reaches the border (elements within 5 m of it).
step reach native:buffer "INPUT=$W/sides.gpkg" DISTANCE=5 SEGMENTS=8 END_CAP_STYLE=0 JOIN_STYLE=0 MITER_LIMIT=2 DISSOLVE=false "OUTPUT=$W/reach.gpkg"
step reached native:intersection "INPUT=$W/borders.gpkg" "OVERLAY=$W/reach.gpkg" 'OVERLAY_FIELDS=city;category;code;b_code' OVERLAY_FIELDS_PREFIX=r_ "OUTPUT=$W/reached.gpkg"
extract reach_a "$W/reached.gpkg" '"code" = "r_code" AND "b_code" = "r_b_code" AND "r_city" = "code"'
extract reach_b "$W/reached.gpkg" '"code" = "r_code" AND "b_code" = "r_b_code" AND "r_city" = "b_code"'
extract reachpoly_a "$W/reach.gpkg" '"city" = "code"'
extract reachpoly_b "$W/reach.gpkg" '"city" = "b_code"'
# One side reaches the border, the other does not: gap or discontinuity.
step only_a native:difference "INPUT=$W/reach_a.gpkg" "OVERLAY=$W/reachpoly_b.gpkg" "OUTPUT=$W/only_a.gpkg"
step only_b native:difference "INPUT=$W/reach_b.gpkg" "OVERLAY=$W/reachpoly_a.gpkg" "OUTPUT=$W/only_b.gpkg"
# ... with nothing of the other side within the corridor: discontinuity (else a gap).
extract sides_a "$W/sides.gpkg" '"city" = "code"'
extract sides_b "$W/sides.gpkg" '"city" = "b_code"'
step near_a native:buffer "INPUT=$W/sides_a.gpkg" DISTANCE=200 SEGMENTS=8 END_CAP_STYLE=0 JOIN_STYLE=0 MITER_LIMIT=2 DISSOLVE=false "OUTPUT=$W/near_a.gpkg"
step near_b native:buffer "INPUT=$W/sides_b.gpkg" DISTANCE=200 SEGMENTS=8 END_CAP_STYLE=0 JOIN_STYLE=0 MITER_LIMIT=2 DISSOLVE=false "OUTPUT=$W/near_b.gpkg"
step disc_a native:difference "INPUT=$W/only_a.gpkg" "OVERLAY=$W/near_b.gpkg" "OUTPUT=$W/disc_a.gpkg"
step disc_b native:difference "INPUT=$W/only_b.gpkg" "OVERLAY=$W/near_a.gpkg" "OUTPUT=$W/disc_b.gpkg"
# Both sides reach the border with different categories.
step both native:intersection "INPUT=$W/reach_a.gpkg" "OVERLAY=$W/reachpoly_b.gpkg" 'INPUT_FIELDS=code;b_code;r_category' 'OVERLAY_FIELDS=category;code;b_code' OVERLAY_FIELDS_PREFIX=o_ "OUTPUT=$W/both.gpkg"
extract mismatch "$W/both.gpkg" '"code" = "o_code" AND "b_code" = "o_b_code" AND "r_category" <> "o_category"'
# Per-pair lines, each stretch once.
for layer in only_a only_b disc_a disc_b mismatch; do
    step "${layer}_d" native:dissolve "INPUT=$W/$layer.gpkg" 'FIELD=code;b_code' "OUTPUT=$W/${layer}_d.gpkg"
done
