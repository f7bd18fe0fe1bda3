"""Merging partition outputs into one GeoPackage equal to the single run on the same data.

Layers of pieces (conversions, violations, voucher accounts, class rows) are appended; tables of
areas (transitions, status summaries, unknown codes, line summaries) are summed by their key, so
the rows of all zones ('*') and of pieces outside every zone ('') add up over partitions while a
zone's own rows, found in one partition, are copied. The voucher market runs once on the merged
accounts (`merge_voucher`).
"""
from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from contextlib import contextmanager
from typing import Iterator

from osgeo import gdal, ogr


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    """GDAL's Python errors as exceptions for the merge only: switching them on for the whole
    process would change GDAL's behaviour for QGIS and every other plugin in it."""
    was_gdal, was_ogr = gdal.GetUseExceptions(), ogr.GetUseExceptions()
    gdal.UseExceptions()
    ogr.UseExceptions()
    try:
        yield
    finally:  # in the reverse order: GDAL keeps its error handlers on a stack
        if not was_ogr:
            ogr.DontUseExceptions()
        if not was_gdal:
            gdal.DontUseExceptions()

Row = Dict[str, object]


def read_table(path: str, table: str) -> Tuple[List[Tuple[str, str]], List[Row]]:
    """Columns (name, declared type) without fid and geometry, and the rows of a GeoPackage table;
    ([], []) when the table is absent."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone():
            return [], []
        geometry = {r[0] for r in con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name=?",
                                              (table,))}
        columns = [(r[1], (r[2] or "").upper()) for r in con.execute(f'PRAGMA table_info("{table}")')
                   if r[1] != "fid" and r[1] not in geometry]
        names = ", ".join(f'"{c}"' for c, _t in columns)
        rows = [dict(zip([c for c, _t in columns], r)) for r in con.execute(f'SELECT {names} FROM "{table}" ORDER BY fid')]
        return columns, rows
    finally:
        con.close()


def is_real(declared: str) -> bool:
    return declared in ("REAL", "DOUBLE", "FLOAT")


def sum_by_key(columns: Sequence[Tuple[str, str]], tables: Sequence[List[Row]]) -> List[Row]:
    """Rows with the same text and integer columns become one row whose real columns are summed
    (NULL stays NULL only when every part is NULL). Row order: first appearance."""
    reals = [c for c, t in columns if is_real(t)]
    keys = [c for c, t in columns if not is_real(t)]
    merged: Dict[tuple, Row] = {}
    for rows in tables:
        for row in rows:
            key = tuple(row[k] for k in keys)
            have = merged.get(key)
            if have is None:
                merged[key] = dict(row)
                continue
            for c in reals:
                if row[c] is not None:
                    have[c] = row[c] if have[c] is None else have[c] + row[c]  # type: ignore[operator]
    return list(merged.values())


_OGR_TYPES = {"TEXT": ogr.OFTString, "INTEGER": ogr.OFTInteger64, "MEDIUMINT": ogr.OFTInteger,
              "SMALLINT": ogr.OFTInteger, "BOOLEAN": ogr.OFTInteger}


def write_table(ds: ogr.DataSource, name: str, columns: Sequence[Tuple[str, str]], rows: Sequence[Row],
                metadata: Optional[Dict[str, str]] = None) -> None:
    layer = ds.CreateLayer(name, None, ogr.wkbNone)
    for column, declared in columns:
        layer.CreateField(ogr.FieldDefn(column, ogr.OFTReal if is_real(declared) else _OGR_TYPES.get(declared,
                                                                                                    ogr.OFTString)))
    if metadata:
        layer.SetMetadata(metadata)
    ds.StartTransaction()
    defn = layer.GetLayerDefn()
    for row in rows:
        f = ogr.Feature(defn)
        for column, _declared in columns:
            value = row.get(column)
            if value is None or (isinstance(value, float) and math.isnan(value)):
                f.SetFieldNull(column)
            else:
                f.SetField(column, value)
        layer.CreateFeature(f)
    ds.CommitTransaction()


def layer_names(path: str) -> List[str]:
    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]


def common_metadata(outputs: Sequence[str], layer: str) -> Dict[str, str]:
    """The layer metadata the partitions agree on; a key whose value differs (a partition's own
    file paths) reads 'per partition (see the partitions table)'."""
    found: List[Dict[str, str]] = []
    for path in outputs:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR)
        lyr = ds.GetLayerByName(layer)
        if lyr is not None:
            found.append(dict(lyr.GetMetadata() or {}))
    if not found:
        return {}
    meta: Dict[str, str] = {}
    for key in found[0]:
        values = {m.get(key) for m in found}
        meta[key] = found[0][key] if len(values) == 1 else "per partition (see the partitions table)"
    return meta


def set_metadata(target: str, layer: str, meta: Dict[str, str]) -> None:
    ds = gdal.OpenEx(target, gdal.OF_VECTOR | gdal.OF_UPDATE)
    lyr = ds.GetLayerByName(layer)
    if lyr is not None and meta:
        lyr.SetMetadata(meta)
    ds = None


PARTITION_COLUMNS = [("partition", "TEXT"), ("seconds", "REAL"), ("cpu_seconds", "REAL"), ("peak_rss_mb", "REAL"),
                     ("worker_peak_rss_mb", "REAL"), ("host", "TEXT"), ("worker_pid", "INTEGER"), ("output", "TEXT")]


def partition_rows(results: Sequence[Dict[str, object]]) -> List[Row]:
    """seconds: wall time of the partition on its worker; cpu_seconds and peak_rss_mb: the guotu
    tool's (user + system CPU, peak resident memory); worker_peak_rss_mb: the worker process's own
    peak so far."""
    return [{"partition": r["name"], "seconds": r["seconds"], "cpu_seconds": r.get("cpu_seconds"),
             "peak_rss_mb": r["peak_rss_mb"], "worker_peak_rss_mb": r.get("worker_peak_rss_mb"), "host": r["host"],
             "worker_pid": r["pid"], "output": r["output"]} for r in results]


def _fresh(target: Path) -> str:
    """A temporary GeoPackage beside the target (renamed over it when complete)."""
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}.gpkg")
    if partial.exists():
        partial.unlink()
    return str(partial)


def merge_convert(outputs: Sequence[str], results: Sequence[Dict[str, object]], target: Path, partial: str) -> None:
    """Into ``partial``, which holds the conversions of every partition appended (the pieces;
    appender.OrderedAppender): transitions / status_summary / unknown_codes / line_summary summed
    by key, plus a partitions table; then renamed to ``target``."""
    if not os.path.exists(partial):  # no partition has pieces
        ogr.GetDriverByName("GPKG").CreateDataSource(partial)
    ds = ogr.Open(partial, 1)
    for table in ("transitions", "status_summary", "unknown_codes", "line_summary"):
        parts = [read_table(p, table) for p in outputs]
        columns = next((c for c, _r in parts if c), [])
        if not columns:
            continue
        write_table(ds, table, columns, sum_by_key(columns, [r for _c, r in parts]),
                    common_metadata(outputs, table))
    write_table(ds, "partitions", PARTITION_COLUMNS, partition_rows(results))
    ds = None
    os.replace(partial, target)


# Summary items that add up over partitions (the zones of one partition are not in another).
SUMMED_ITEMS = ("total_m0_ha", "total_mt_ha", "total_supply_ha", "total_demand_ha", "net_ha", "sum_dm_ha",
                "sum_e_ha", "sum_dm_redline_ha", "sum_dm_farmland_ha", "redline_loss_ha", "redline_loss_area_ha",
                "violation_zones", "violation_pieces", "key_function_zones", "zones_out_of_market",
                "key_function_supply_ha", "key_function_demand_ha")
# Items every partition must agree on (the reference values and the options of the run).
SHARED_ITEMS = ("reference_gdp_per_capita_yuan", "reference_pop_density_per_km2", "redline_loss_counted",
                "key_function_in_market")


def _num(value: object) -> Optional[float]:
    if value is None:
        return None
    value = float(value)  # type: ignore[arg-type]
    return None if math.isnan(value) else value


def merged_summary(parts: Sequence[List[Row]], market: Optional[Dict[str, object]],
                   total_area_ha: float) -> List[Row]:
    """The summary table of the merged run: sums over partitions, the reference values they share
    (a partition disagreeing is refused: the accounts would not be comparable), the market's
    numbers from the one market on the merged accounts, and the parameters the partitions share."""
    values: Dict[str, Optional[float]] = {}
    texts: Dict[str, List[str]] = {}
    for rows in parts:
        for row in rows:
            item, value, text = str(row["item"]), _num(row["value"]), row["text"]
            if item in SUMMED_ITEMS:
                if value is not None:
                    values[item] = value + (values.get(item) or 0.0)
                else:
                    values.setdefault(item, None)
            elif item in SHARED_ITEMS:
                if item in values and values[item] is not None and value is not None and \
                        not math.isclose(values[item], value, rel_tol=1e-12, abs_tol=0.0):  # type: ignore[arg-type]
                    raise ValueError(f"the partitions disagree on {item} ({values[item]} and {value}): "
                                     "the accounts are not comparable; use one reference for all")
                values.setdefault(item, value)
            elif value is None and text not in (None, "") and item != "price_effect":
                texts.setdefault(item, []).append(str(text))
    supply = values.get("total_supply_ha") or 0.0
    demand = values.get("total_demand_ha") or 0.0
    values["demand_exceeding_supply_ha"] = max(0.0, demand - supply)
    values["supply_exceeding_demand_ha"] = max(0.0, supply - demand)
    values["unattributed_ha"] = None
    # The tool's rate over all zones: Σ base-year standard forest ÷ Σ zone area (a given
    # --protection-rate is the same in every partition and stays as given).
    rates = {_num(row["value"]) for rows in parts for row in rows if row["item"] == "protection_rate"}
    given = len(rates) == 1 and len(parts) > 1
    values["protection_rate"] = rates.pop() if given else (
        (values.get("total_m0_ha") or 0.0) / total_area_ha if total_area_ha > 0 else None)
    m = market or {}
    for item in ("traded_ha", "unmet_demand_ha", "unsold_supply_ha", "market_total_supply_ha",
                 "market_total_demand_ha", "market_supply_ha", "market_demand_ha", "floor_supply_ha",
                 "floor_demand_ha", "demand_exceeds_supply_at_floor", "price_above_floor_yuan_per_ha",
                 "clearing_price_yuan_per_ha", "traded_amount_yuan", "sellers", "buyers"):
        values[item] = _num(m.get(item)) if market else None
    order = ["total_m0_ha", "total_mt_ha", "total_supply_ha", "total_demand_ha", "net_ha", "sum_dm_ha", "sum_e_ha",
             "demand_exceeding_supply_ha", "supply_exceeding_demand_ha", "traded_ha", "unmet_demand_ha",
             "unsold_supply_ha", "market_total_supply_ha", "market_total_demand_ha", "market_supply_ha",
             "market_demand_ha", "floor_supply_ha", "floor_demand_ha", "demand_exceeds_supply_at_floor",
             "price_above_floor_yuan_per_ha", "clearing_price_yuan_per_ha", "traded_amount_yuan", "sellers",
             "buyers", "reference_gdp_per_capita_yuan", "reference_pop_density_per_km2", "protection_rate",
             "unattributed_ha", "sum_dm_redline_ha", "sum_dm_farmland_ha", "redline_loss_ha",
             "redline_loss_area_ha", "violation_zones", "violation_pieces", "redline_loss_counted",
             "key_function_zones", "zones_out_of_market", "key_function_supply_ha", "key_function_demand_ha",
             "key_function_in_market"]
    rows: List[Row] = [{"item": k, "value": values.get(k), "text": ""} for k in order]
    if market:
        rows.append({"item": "price_effect", "value": None, "text": market["price_effect"]})
    for item, found in texts.items():
        text = found[0] if len(set(found)) == 1 and len(found) == len(parts) else \
            "per partition (see the partitions table)"
        rows.append({"item": item, "value": None, "text": text})
    rows.append({"item": "partitions", "value": float(len(parts)), "text": "merged from county partitions"})
    return rows


def run_market(accounts: Sequence[Row], options: Dict[str, object]) -> Tuple[Dict[str, object], list]:
    """The market once on the merged accounts, through libguotu (imported here only: the workers
    never need it). ``accounts``: zone_id, e_ha, in_market, x, y in the accounts' order."""
    from ..binding.native import Context
    from ..binding.voucher_native import Allocation, Market, MarketOptions, Settlement

    opts = MarketOptions(price=options.get("price"), floor_price=options.get("floor_price"),  # type: ignore[arg-type]
                         cap_ha=options.get("cap_ha"),  # type: ignore[arg-type]
                         allocation=Allocation.NEAREST if options.get("allocation") == "nearest"
                         else Allocation.PRO_RATA,
                         settlement=Settlement.EQUITY if options.get("settlement") == "enclave"
                         else Settlement.PAYMENT)
    with Context() as ctx:
        market = Market(ctx, opts)
        try:
            for a in accounts:
                if a["in_market"]:
                    market.add(str(a["zone_id"]), float(a["e_ha"]), None, None, float(a["x"]), float(a["y"]))  # type: ignore[arg-type]
            market.clear()
            trades = market.trades()
            s = market.summary()
        finally:
            market.close()
    fixed = options.get("price") is not None
    floor = 0.0 if fixed else float(options.get("floor_price") or 0.0)  # type: ignore[arg-type]
    if s.demand_exceeds_supply_at_floor:
        effect = "demand_exceeds_supply_at_fixed_price" if fixed else (
            "demand_exceeds_supply_price_raised" if s.clearing_price > floor else "demand_exceeds_supply_price_at_floor")
    elif s.floor_supply_ha > s.floor_demand_ha:
        effect = "supply_exceeds_demand_at_fixed_price" if fixed else "supply_exceeds_demand_at_floor"
    else:
        effect = "balanced"
    summary = {"traded_ha": s.traded_ha, "unmet_demand_ha": s.unmet_demand_ha,
               "unsold_supply_ha": s.unsold_supply_ha, "market_total_supply_ha": s.total_supply_ha,
               "market_total_demand_ha": s.total_demand_ha, "market_supply_ha": s.supply_ha,
               "market_demand_ha": s.demand_ha, "floor_supply_ha": s.floor_supply_ha,
               "floor_demand_ha": s.floor_demand_ha,
               "demand_exceeds_supply_at_floor": float(s.demand_exceeds_supply_at_floor),
               "price_above_floor_yuan_per_ha": s.clearing_price - floor,
               "clearing_price_yuan_per_ha": s.clearing_price, "traded_amount_yuan": s.traded_amount_yuan,
               "sellers": float(s.sellers), "buyers": float(s.buyers), "price_effect": effect}
    return summary, trades


def _accounts(path: str) -> List[Row]:
    """zone_id, e_ha, in_market and the zone's point on surface (the point the tool gives the
    market, so the nearest rule and the trade lines are the single run's)."""
    ds = ogr.Open(path)
    layer = ds.GetLayerByName("voucher")
    rows: List[Row] = []
    for f in layer:
        g = f.GetGeometryRef()
        p = g.PointOnSurface() if g is not None else None
        rows.append({"zone_id": f.GetField("zone_id"), "e_ha": f.GetField("e_ha"),
                     "in_market": f.GetField("in_market"), "x": p.GetX() if p else 0.0, "y": p.GetY() if p else 0.0})
    return rows


def merge_voucher(outputs: Sequence[str], results: Sequence[Dict[str, object]], target: Path,
                  market_options: Optional[Dict[str, object]], partial: str) -> Dict[str, object]:
    """Into ``partial``, which holds the voucher accounts, voucher_classes and violations of every
    partition appended (appender.OrderedAppender): unknown_codes summed; the market once on the
    merged accounts (trades, amount_yuan, the summary's market rows); a partitions table; then
    renamed to ``target``. Returns the merged summary as {item: value or text}."""
    accounts = _accounts(partial)
    ids = [a["zone_id"] for a in accounts]
    if len(set(ids)) != len(ids):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError("a zone is in more than one partition: " + ", ".join(map(str, dup[:10])) +
                         " (a county's zones belong to its own package)")
    market, trades = run_market(accounts, market_options) if market_options else (None, [])
    ds = ogr.Open(partial, 1)
    if market:
        ds.ExecuteSQL("UPDATE voucher SET amount_yuan = CASE WHEN in_market = 1 THEN e_ha * %r ELSE NULL END"
                      % float(market["clearing_price_yuan_per_ha"]))  # type: ignore[arg-type]
    srs = ds.GetLayerByName("voucher").GetSpatialRef()
    tl = ds.CreateLayer("trades", srs, ogr.wkbLineString)
    for name in ("seller_id", "buyer_id"):
        tl.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for name in ("volume_ha", "price_yuan_per_ha", "amount_yuan"):
        tl.CreateField(ogr.FieldDefn(name, ogr.OFTReal))
    ds.StartTransaction()
    for t in trades:
        f = ogr.Feature(tl.GetLayerDefn())
        f.SetField("seller_id", t.seller_id)
        f.SetField("buyer_id", t.buyer_id)
        f.SetField("volume_ha", t.volume_ha)
        f.SetField("price_yuan_per_ha", t.price_yuan_per_ha)
        f.SetField("amount_yuan", t.amount_yuan)
        line = ogr.Geometry(ogr.wkbLineString)
        line.AddPoint_2D(t.seller_x, t.seller_y)
        line.AddPoint_2D(t.buyer_x, t.buyer_y)
        f.SetGeometry(line)
        tl.CreateFeature(f)
    ds.CommitTransaction()
    parts = [read_table(p, "unknown_codes") for p in outputs]
    columns = next((c for c, _r in parts if c), [("class_code", "TEXT"), ("year", "TEXT"), ("area_ha", "REAL")])
    write_table(ds, "unknown_codes", columns, sum_by_key(columns, [r for _c, r in parts]))
    total_area = sum(float(r["area_ha"] or 0.0) for p in outputs for r in read_table(p, "voucher")[1])
    summary = merged_summary([read_table(p, "summary")[1] for p in outputs], market, total_area)
    write_table(ds, "summary", [("item", "TEXT"), ("value", "REAL"), ("text", "TEXT")], summary,
                common_metadata(outputs, "summary"))
    write_table(ds, "partitions", PARTITION_COLUMNS, partition_rows(results))
    ds = None
    os.replace(partial, target)
    return {str(r["item"]): (r["value"] if r["value"] is not None else r["text"]) for r in summary}


# ---- the county-separable checks and tables: tally, unit ledger, lines check, parcel check ----

def tag_partition(path: str, layers: Sequence[str], name: str) -> None:
    """Adds a column ``partition`` holding ``name`` to each of ``layers`` in a partition's output
    (a work file): ids of features, parcels and units are unique within a county package only, so
    in the merged output an issue or a parcel is named by its partition and its own id."""
    ds = ogr.Open(path, 1)  # GDAL's SQLite: the GeoPackage's triggers call its ST_ functions
    for layer in layers:
        lyr = ds.GetLayerByName(layer)
        if lyr is None:
            continue
        if lyr.GetLayerDefn().GetFieldIndex("partition") < 0:
            lyr.CreateField(ogr.FieldDefn("partition", ogr.OFTString))
        ds.ExecuteSQL(f'UPDATE "{layer}" SET "partition" = %s' % ("'" + name.replace("'", "''") + "'"))
    ds = None


# command -> (layers and tables appended with their partition, {table: (key column, what it is)}
# that must not repeat across partitions, tables summed by key)
CHECKS: Dict[str, Tuple[Tuple[str, ...], Dict[str, Tuple[str, str]], Tuple[str, ...]]] = {
    "tally": (("area_check",), {}, ("tally",)),
    "ledger": (("unit_ledger", "unit_grades", "certificates", "project_certificates"),
               {"unit_ledger": ("unit_id", "unit"), "project_certificates": ("project_id", "project")}, ()),
    "parcels": (("parcel_checks", "parcel_reasons", "project_checks", "village_totals"),
                {"project_checks": ("project_id", "project"), "village_totals": ("village_id", "village")},
                ()),
    "lines": (("issues", "issue_points", "line_stats", "notes"),
              {"line_stats": ("admin_code", "admin unit")}, ()),
}

# The lines check reads the lines of one county package: what lies between two packages is the
# border check's (guotu border), and the merged output says so.
LINES_NOTE = {"rule_id": "", "note_zh": "按县分区检查：两个县之间要素的重叠和缝隙不在此检查（请用 guotu border 检查县际接边）",
              "note_en": "checked county by county: overlaps and gaps between features of two counties are not "
                         "checked here (check county pairs with guotu border)"}


def merge_check(command: str, outputs: Sequence[str], results: Sequence[Dict[str, object]], target: Path,
                partial: str) -> None:
    """The tally, the unit ledger, the lines check or the parcel check of every partition in one
    GeoPackage: ``partial`` holds the findings, parcels and per-unit rows of every partition
    appended with their partition (appender.OrderedAppender: ids stay the partition's own, so an
    issue's fingerprint still matches the county workspace's exceptions; a unit found in two
    partitions was refused there); here the tally's areas summed by zone and class, the notes and
    the partitions table; then renamed to ``target``."""
    _appended, _unique, summed = CHECKS[command]
    if not os.path.exists(partial):
        ogr.GetDriverByName("GPKG").CreateDataSource(partial)
    ds = ogr.Open(partial, 1)
    for table in summed:
        parts = [read_table(p, table) for p in outputs]
        columns = next((c for c, _r in parts if c), [])
        if columns:
            write_table(ds, table, columns, sum_by_key(columns, [r for _c, r in parts]),
                        common_metadata(outputs, table))
    if command == "lines":
        notes = ds.GetLayerByName("notes")
        if notes is None:
            write_table(ds, "notes", [("rule_id", "TEXT"), ("note_zh", "TEXT"), ("note_en", "TEXT"),
                                      ("partition", "TEXT")], [dict(LINES_NOTE, partition="*")])
        else:
            f = ogr.Feature(notes.GetLayerDefn())
            for key, value in LINES_NOTE.items():
                f.SetField(key, value)
            f.SetField("partition", "*")
            notes.CreateFeature(f)
    write_table(ds, "partitions", PARTITION_COLUMNS, partition_rows(results))
    ds = None
    os.replace(partial, target)
