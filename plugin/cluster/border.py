"""The border check partitioned by pairs of neighbouring cities (guotu border, SPEC §6).

Each partition is one pair of admin units that share a border: `guotu border` runs on those two
units and on the elements of those two cities only (the files filtered by the city codes on the
worker). One more partition, `_basemap`, runs on every admin unit with only the elements no pair
compares (no city, a city id that is no admin unit's, a city without a neighbour): it gives the
base map's own issues (gaps, overlaps, invalid units) and those elements' issues exactly as the
single run does. The merge appends the pairs' rows (pair_summary, conflicts, shared borders) with
the conflict ids renumbered so that every conflict keeps its lines and border segments.

Pairs come from the admin layer: a cheap bounding-box test, then the distance between the two
units (within --snap, the tool's own tolerance for small gaps between neighbours). Two units
that only meet at a corner pass that test but share no border: guotu finds none, and the merge
skips the pair with a note.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from osgeo import ogr, osr

from .partitions import Partition, safe_name

BASEMAP = "_basemap"
PLACEHOLDER = "{partition}"
# guotu border options the runner reads (their values are rewritten to the partition's copies)
_VALUED = ("--admin", "--admin-layer", "--admin-id", "--elements", "--elements-layer", "--city-field", "--snap",
           "--crs", "--encoding")


def _options(args: Sequence[str]) -> Tuple[Dict[str, str], List[str], bool]:
    """The runner's own options of the border arguments, the other arguments, --city-from-layer."""
    own: Dict[str, str] = {}
    rest: List[str] = []
    from_layer = False
    i = 0
    args = list(args)
    while i < len(args):
        name, eq, inline = args[i].partition("=")
        if name in _VALUED:
            if eq:
                own[name] = inline
            elif i + 1 < len(args):
                own[name] = args[i + 1]
                i += 1
            else:
                raise ValueError(f"{name} needs a value")
        elif name == "--city-from-layer":
            from_layer = True
        else:
            rest.append(args[i])
        i += 1
    for needed in ("--admin", "--admin-id", "--elements"):
        if not own.get(needed):
            raise ValueError(f"the partitioned border check needs {needed}")
    if PLACEHOLDER in " ".join(args):
        raise ValueError("the border check's partitions are the city pairs: give the whole admin and elements "
                         "files, not {partition}")
    if not from_layer and not own.get("--city-field"):
        raise ValueError("give --city-field F or --city-from-layer")
    return own, rest, from_layer


def _open(path: str, encoding: Optional[str]) -> ogr.DataSource:
    from osgeo import gdal

    options = [f"ENCODING={encoding}"] if encoding and path.lower().endswith(".shp") else []
    ds = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=options)
    if ds is None:
        raise ValueError(f"cannot open '{path}'")
    return ds


def _is_polygon(layer) -> bool:
    return ogr.GT_Flatten(layer.GetGeomType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon,
                                                     ogr.wkbMultiSurface)


def _layer(ds, name: Optional[str], what: str, path: str):
    if name:
        layer = ds.GetLayerByName(name)
        if layer is None:
            raise ValueError(f"{what} '{path}' has no layer '{name}'")
        return layer
    for i in range(ds.GetLayerCount()):
        if _is_polygon(ds.GetLayer(i)):
            return ds.GetLayer(i)
    raise ValueError(f"{what} '{path}' has no polygon layer")


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def admin_units(path: str, layer: Optional[str], id_field: str, crs: Optional[str],
                encoding: Optional[str]) -> Dict[str, ogr.Geometry]:
    """The admin units by id (the union of the features of one id), in --crs when given."""
    ds = _open(path, encoding)
    lyr = _layer(ds, layer, "the admin file", path)
    if lyr.GetLayerDefn().GetFieldIndex(id_field) < 0:
        raise ValueError(f"the admin layer '{lyr.GetName()}' of '{path}' has no field '{id_field}'")
    transform = None
    source_srs = lyr.GetSpatialRef()
    if source_srs is not None and source_srs.IsGeographic() and not crs:
        raise ValueError(f"the admin layer '{lyr.GetName()}' of '{path}' is in degrees: give --crs with a projected "
                         "CRS (e.g. EPSG:4527); borders, corridors and --snap are metres")
    if crs:
        target = osr.SpatialReference()
        if target.SetFromUserInput(crs) != 0:
            raise ValueError(f"unknown CRS '{crs}'")
        source = lyr.GetSpatialRef()
        if source is not None:
            for srs in (source, target):
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(source, target)
    units: Dict[str, ogr.Geometry] = {}
    for f in lyr:
        unit, g = _text(f.GetField(id_field)), f.GetGeometryRef()
        if not unit or g is None or g.IsEmpty():
            continue  # guotu reports these in basemap_issues (the _basemap partition)
        g = g.Clone()
        if transform is not None:
            g.Transform(transform)
        units[unit] = units[unit].Union(g) if unit in units else g
    if not units:
        raise ValueError(f"the admin layer '{lyr.GetName()}' of '{path}' holds no unit with an id in '{id_field}'")
    return units


def neighbour_pairs(units: Dict[str, ogr.Geometry], snap_m: float) -> List[Tuple[str, str]]:
    """Pairs (a < b) of units whose bounding boxes, grown by ``snap_m``, meet and whose distance is
    at most ``snap_m`` (a shared border, or a small gap the tool snaps). Includes units meeting only
    at a corner: the tool decides, and the merge notes the pairs without a shared border."""
    ids = sorted(units)
    boxes = {u: units[u].GetEnvelope() for u in ids}  # minx, maxx, miny, maxy
    pairs = []
    for i, a in enumerate(ids):
        ax0, ax1, ay0, ay1 = boxes[a]
        for b in ids[i + 1:]:
            bx0, bx1, by0, by1 = boxes[b]
            if bx0 > ax1 + snap_m or ax0 > bx1 + snap_m or by0 > ay1 + snap_m or ay0 > by1 + snap_m:
                continue
            if units[a].Distance(units[b]) <= snap_m:
                pairs.append((a, b))
    return pairs


def _in(field: str, values: Sequence[str], numeric: bool) -> str:
    column = f'CAST("{field}" AS CHARACTER)' if numeric else f'"{field}"'
    return f"{column} IN ({', '.join(_quote(v) for v in values)})"


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def plan(guotu_args: Sequence[str], pairs: Optional[Sequence[Tuple[str, str]]] = None
         ) -> Tuple[List[Partition], List[str], List[str]]:
    """The partitions of a border check (one per pair of neighbouring units, plus `_basemap`), the
    guotu border arguments with the admin and elements files replaced by the partition's copies,
    and notes. ``pairs`` replaces the pairs found from the admin layer; a pair naming a unit that
    is not in the admin layer is refused."""
    own, rest, from_layer = _options(guotu_args)
    encoding = own.get("--encoding")
    try:
        snap = float(own.get("--snap", "1"))
    except ValueError:
        raise ValueError(f"--snap takes metres, not '{own['--snap']}'") from None
    admin_path = str(Path(own["--admin"]).resolve())
    elements_path = str(Path(own["--elements"]).resolve())
    units = admin_units(admin_path, own.get("--admin-layer"), own["--admin-id"], own.get("--crs"), encoding)
    notes: List[str] = []
    if pairs is None:
        found = neighbour_pairs(units, snap)
    else:
        found = []
        for a, b in pairs:
            for unit in (a, b):
                if unit not in units:
                    raise ValueError(f"the pair {a}-{b}: '{unit}' is no admin unit's id in '{admin_path}'")
            if a == b:
                raise ValueError(f"the pair {a}-{b} names one admin unit twice")
            found.append((min(a, b), max(a, b)))
        found = sorted(set(found))
    if not found:
        raise ValueError(f"no two admin units of '{admin_path}' are neighbours (within --snap {snap:g} m)")
    paired = {u for pair in found for u in pair}
    alone = sorted(set(units) - paired)
    if alone:
        notes.append("admin units without a neighbour (no pair; their elements are only checked for base-map "
                     "issues): " + ", ".join(alone))

    ads = _open(admin_path, encoding)
    alyr = _layer(ads, own.get("--admin-layer"), "the admin file", admin_path)
    admin_numeric = alyr.GetLayerDefn().GetFieldDefn(alyr.GetLayerDefn().GetFieldIndex(own["--admin-id"])) \
        .GetType() not in (ogr.OFTString, ogr.OFTWideString)
    eds = _open(elements_path, encoding)
    if from_layer:
        element_layers = [eds.GetLayer(i).GetName() for i in range(eds.GetLayerCount()) if _is_polygon(eds.GetLayer(i))]
    else:
        elyr = _layer(eds, own.get("--elements-layer"), "the elements file", elements_path)
        index = elyr.GetLayerDefn().GetFieldIndex(own["--city-field"])
        if index < 0:
            raise ValueError(f"the elements layer '{elyr.GetName()}' of '{elements_path}' has no field "
                             f"'{own['--city-field']}'")
        elements_layer = elyr.GetName()
        city_numeric = elyr.GetLayerDefn().GetFieldDefn(index).GetType() not in (ogr.OFTString, ogr.OFTWideString)

    def admin_copy(values: Optional[Sequence[str]]) -> Dict[str, object]:
        return {"source": admin_path, "layers": [alyr.GetName()], "target": "admin.gpkg", "rename": "admin",
                "where": _in(own["--admin-id"], values, admin_numeric) if values is not None else None,
                "encoding": encoding}

    def elements_copy(cities: Sequence[str], strays: bool) -> Dict[str, object]:
        if from_layer:
            layers = [n for n in element_layers if n in cities or (strays and n not in units)]
            return {"source": elements_path, "layers": layers, "target": "elements.gpkg", "rename": None,
                    "where": None, "encoding": encoding, "empty_layer": None if layers else (cities or sorted(units))[0]}
        where = _in(own["--city-field"], cities, city_numeric) if cities else None
        if strays:
            field = f'"{own["--city-field"]}"'
            known = _in(own["--city-field"], sorted(units), city_numeric)
            stray = f"({field} IS NULL OR TRIM(CAST({field} AS CHARACTER)) = '' OR NOT ({known}))"
            where = f"({where}) OR {stray}" if where else stray
        return {"source": elements_path, "layers": [elements_layer], "target": "elements.gpkg",
                "rename": "elements", "where": where or "0 = 1", "encoding": encoding, "empty_layer": None}

    partitions: List[Partition] = []
    for a, b in found:
        partitions.append({"name": safe_name(f"{a}-{b}"), "pair": [a, b],
                           "extract": [admin_copy([a, b]), elements_copy([a, b], False)]})
    names = [str(p["name"]) for p in partitions]
    if len(set(names)) != len(names):
        raise ValueError("two city pairs give the same partition name: " + ", ".join(names))
    partitions.append({"name": BASEMAP, "pair": [], "extract": [admin_copy(None), elements_copy(alone, True)]})
    args = ["--admin", f"{PLACEHOLDER}/admin.gpkg", "--admin-layer", "admin", "--admin-id", own["--admin-id"],
            "--elements", f"{PLACEHOLDER}/elements.gpkg"]
    if from_layer:
        args.append("--city-from-layer")
    else:
        args += ["--elements-layer", "elements", "--city-field", own["--city-field"]]
    for name in ("--snap", "--crs"):
        if own.get(name):
            args += [name, own[name]]
    return partitions, args + rest, notes


def parse_pairs(text: str) -> List[Tuple[str, str]]:
    """'A-B,B-C' (or 'A:B') as pairs; refuses an entry that is not two ids."""
    pairs = []
    for item in (s.strip() for s in text.split(",")):
        if not item:
            continue
        sep = ":" if ":" in item else "-"
        parts = [p.strip() for p in item.split(sep)]
        if len(parts) != 2 or not all(parts):
            raise ValueError(f"a city pair is two admin ids as A-B or A:B, not '{item}'")
        pairs.append((parts[0], parts[1]))
    if not pairs:
        raise ValueError("no city pair given")
    return pairs


# ---- the merge ----

PAIR_LAYERS = ("pair_summary", "border_conflicts", "border_conflict_lines", "shared_borders")
ISSUE_LAYERS = ("basemap_issues", "basemap_issue_points")
# issues of an element of a paired city: found by each pair of that city, kept once
PAIR_ISSUE_KINDS_SKIPPED = ("admin_",)  # the base map's own: the _basemap partition's


def _copy_layer_def(target: ogr.DataSource, src_layer) -> "ogr.Layer":
    srs = src_layer.GetSpatialRef()
    layer = target.CreateLayer(src_layer.GetName(), srs, src_layer.GetGeomType(),
                               ["GEOMETRY_NAME=" + (src_layer.GetGeometryColumn() or "geom")]
                               if src_layer.GetGeomType() != ogr.wkbNone else [])
    defn = src_layer.GetLayerDefn()
    for i in range(defn.GetFieldCount()):
        layer.CreateField(defn.GetFieldDefn(i))
    meta = src_layer.GetMetadata()
    if meta:
        layer.SetMetadata(meta)
    return layer


def merge_border(outputs: Sequence[str], results: Sequence[Dict[str, object]], target: Path,
                 originals: Optional[Dict[str, str]] = None) -> Dict[str, object]:
    """One GeoPackage equal to the single guotu border run: the pairs' layers appended in pair
    order with conflict ids renumbered, base-map issues from the _basemap partition plus each
    paired element's issues once, the layer styles, a partitions table and notes (pairs without a
    shared border skipped). Returns {'pairs', 'skipped', 'conflicts'}."""
    from . import merge

    names = [str(r["name"]) for r in results]
    if BASEMAP not in names:
        raise ValueError("the border merge needs the _basemap partition")
    basemap = outputs[names.index(BASEMAP)]
    pair_outputs = [(n, o) for n, o in zip(names, outputs) if n != BASEMAP]
    partial = merge._fresh(target)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(partial)
    sources = {n: ogr.Open(o) for n, o in zip(names, outputs)}
    layers = {}
    reference = sources[BASEMAP]
    for name in PAIR_LAYERS + ISSUE_LAYERS:
        src = reference.GetLayerByName(name)
        if src is None:
            raise ValueError(f"the _basemap partition's output has no layer {name}")
        layers[name] = _copy_layer_def(out, src)
        meta = merge.common_metadata(outputs, name)
        if originals:
            meta.update({k: v for k, v in originals.items() if k in meta})
        layers[name].SetMetadata(meta)
    out.StartTransaction()
    next_id = 1
    skipped: List[str] = []
    seen_issues = set()
    for name, _path in pair_outputs:
        ds = sources[name]
        summary = ds.GetLayerByName("pair_summary")
        if summary.GetFeatureCount() == 0:
            skipped.append(name)
            continue
        ids: Dict[int, int] = {}
        for layer_name in ("border_conflicts", "border_conflict_lines", "shared_borders"):
            for f in ds.GetLayerByName(layer_name):
                old = f.GetField("conflict_id")
                if old is not None and old not in ids:
                    ids[old] = next_id
                    next_id += 1
        for layer_name in PAIR_LAYERS:
            dst = layers[layer_name]
            for f in ds.GetLayerByName(layer_name):
                g = ogr.Feature(dst.GetLayerDefn())
                g.SetFrom(f)
                if layer_name != "pair_summary" and f.GetField("conflict_id") is not None:
                    g.SetField("conflict_id", ids[f.GetField("conflict_id")])
                dst.CreateFeature(g)
        for layer_name in ISSUE_LAYERS:
            dst = layers[layer_name]
            for f in ds.GetLayerByName(layer_name):
                kind = f.GetField("kind") or ""
                if kind.startswith(PAIR_ISSUE_KINDS_SKIPPED):
                    continue
                key = (layer_name, kind, f.GetField("feature_id"), f.GetField("city_id"), f.GetField("message_en"))
                if key in seen_issues:
                    continue
                seen_issues.add(key)
                g = ogr.Feature(dst.GetLayerDefn())
                g.SetFrom(f)
                dst.CreateFeature(g)
    for layer_name in ISSUE_LAYERS:
        dst = layers[layer_name]
        for f in reference.GetLayerByName(layer_name):
            key = (layer_name, f.GetField("kind") or "", f.GetField("feature_id"), f.GetField("city_id"),
                   f.GetField("message_en"))
            if key in seen_issues:
                continue
            seen_issues.add(key)
            g = ogr.Feature(dst.GetLayerDefn())
            g.SetFrom(f)
            dst.CreateFeature(g)
    out.CommitTransaction()
    rows = merge.partition_rows(results)
    for row, r in zip(rows, results):
        pair = r.get("pair") or []
        row["pair"] = "-".join(pair) if pair else "*"
        row["shared_border"] = 0 if row["partition"] in skipped else 1
    merge.write_table(out, "partitions", merge.PARTITION_COLUMNS + [("pair", "TEXT"), ("shared_border", "INTEGER")],
                      rows)
    notes = [{"partition": n, "note_en": f"the admin units {n} meet only at a point or not at all: no shared "
                                         "border, the pair is skipped",
              "note_zh": f"行政单元 {n} 仅点接或不相接，无共同边界，已跳过该对"} for n in skipped]
    notes.append({"partition": BASEMAP, "note_en": "base-map issues and elements no pair compares (no city, an "
                                                    "unknown city, a city without a neighbour) from the whole "
                                                    "admin layer; conflicts per pair of neighbouring units",
                  "note_zh": "底图问题及未参与任何一对比较的要素（无城市、未知城市、无相邻城市）取自全部行政区；"
                             "冲突按相邻行政单元对计算"})
    merge.write_table(out, "notes", [("partition", "TEXT"), ("note_en", "TEXT"), ("note_zh", "TEXT")], notes)
    layers.clear()  # the layers keep their dataset open
    out = summary = reference = ds = None
    sources.clear()
    styles = merge.read_table(basemap, "layer_styles")
    if styles[1]:
        from osgeo import gdal

        src = gdal.OpenEx(basemap, gdal.OF_VECTOR)
        gdal.VectorTranslate(partial, src, format="GPKG", layers=["layer_styles"], accessMode="update")
        src = None
    os.replace(partial, target)
    return {"pairs": len(pair_outputs) - len(skipped), "skipped": skipped, "conflicts": next_id - 1}
