"""The merge of a partitioned run done while the partitions compute: each finished partition's
layers of pieces, accounts or findings are appended to the merged (temporary) GeoPackage as soon
as every partition before it is in, so the driver's serial work after the last partition is only
the summed tables, the metadata and the rename.

Order: partitions are appended in the order of the partition list whatever order they finish
in; one that finishes early waits in a buffer (its output stays in the work folder, only its
result is held) until those before it are in. The merged file is therefore the same as a merge
after the run. A partition is appended once: a second result under its name (a task rerun after
its worker was lost, reported twice) is ignored.

How: the first partition holding a layer creates it in the merged file through GDAL (empty,
with its fields, CRS and spatial index); every partition's rows are then copied by SQLite
(``INSERT … SELECT`` from the attached partition file, in fid order, one transaction per
partition, no fsync: the merged file is a temporary one that a failure deletes). The
GeoPackage's R-tree triggers call the ST_ functions GDAL registers in its own SQLite; here the
same functions read the envelope each GeoPackage geometry carries in its header, so the spatial
index is kept while appending instead of being built at the end. A cancel interrupts the copy
(SQLite's progress handler) and the merged file is removed.
"""
from __future__ import annotations

import os
import sqlite3
import struct
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple
from urllib.parse import quote

from osgeo import gdal, ogr

from . import merge

# command -> the layers its merge appends partition by partition (the tables summed by key and
# the voucher market come at the end, in merge.py)
APPENDED: Dict[str, Tuple[str, ...]] = {"convert": ("conversions",),
                                        "voucher": ("voucher", "voucher_classes", "violations"),
                                        **{command: spec[0] for command, spec in merge.CHECKS.items()}}


class Interrupted(RuntimeError):
    """The append was stopped because the run was cancelled."""


Envelope = Tuple[float, float, float, float]


def envelope(blob: Optional[bytes]) -> Optional[Envelope]:
    """(min x, max x, min y, max y) of a GeoPackage geometry blob: the envelope of its header
    when it has one (GDAL writes it), otherwise from the geometry itself; None when empty."""
    if blob is None or len(blob) < 8 or blob[0:2] != b"GP":
        return None
    flags = blob[3]
    kind = (flags >> 1) & 7
    if flags & 0x10:  # the empty-geometry flag
        return None
    if kind:
        minx, maxx, miny, maxy = struct.unpack_from("<4d" if flags & 1 else ">4d", blob, 8)
        return minx, maxx, miny, maxy
    geom = ogr.CreateGeometryFromWkb(bytes(blob[8:]))
    if geom is None or geom.IsEmpty():
        return None
    minx, maxx, miny, maxy = geom.GetEnvelope()
    return minx, maxx, miny, maxy


def _is_empty(blob: Optional[bytes]) -> int:
    return 1 if envelope(blob) is None else 0


def _coordinate(i: int) -> Callable[[Optional[bytes]], Optional[float]]:
    def value(blob: Optional[bytes]) -> Optional[float]:
        env = envelope(blob)
        return None if env is None else env[i]
    return value


def gpkg_connection(path: str) -> sqlite3.Connection:
    """A SQLite connection to a GeoPackage with the functions its R-tree triggers call, set for
    bulk appends to a temporary file (no fsync, the journal in memory). SQLite's default page
    cache: 64 MiB more gave no speed (bench/cluster_append_bench.py) and 64 MB more memory."""
    con = sqlite3.connect(_uri(path), uri=True, isolation_level=None)
    con.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for i, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        con.create_function(name, 1, _coordinate(i), deterministic=True)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA journal_mode = MEMORY")
    return con


def _uri(path: str, mode: str = "") -> str:
    return "file:" + quote(os.path.abspath(path)) + (f"?mode={mode}" if mode else "")


def _columns(con: sqlite3.Connection, schema: str, table: str) -> List[str]:
    return [r[1] for r in con.execute(f'PRAGMA {schema}.table_info("{table}")') if r[1] != "fid"]


def _geometry(con: sqlite3.Connection, schema: str, table: str) -> Optional[Tuple[str, int, str]]:
    """(geometry column, srs_id, the CRS: 'EPSG:code' or its definition) of a layer, None for an
    attribute table."""
    row = con.execute(f"SELECT column_name, srs_id FROM {schema}.gpkg_geometry_columns WHERE lower(table_name) = "
                      "lower(?)", (table,)).fetchone()
    if row is None:
        return None
    crs = con.execute(f"SELECT organization, organization_coordsys_id, definition FROM {schema}.gpkg_spatial_ref_sys "
                      "WHERE srs_id = ?", (row[1],)).fetchone()
    if crs is None:
        return str(row[0]), int(row[1]), ""
    organization, code, definition = crs
    return str(row[0]), int(row[1]), (f"EPSG:{code}" if str(organization or "").upper() == "EPSG"
                                      else str(definition or ""))


def same_crs(a: str, b: str) -> bool:
    """Whether two CRSs ('EPSG:code' or a definition) are the same one."""
    if a == b:
        return True
    from osgeo import osr
    x, y = osr.SpatialReference(), osr.SpatialReference()
    try:
        for srs, text in ((x, a), (y, b)):
            if srs.SetFromUserInput(text) != 0:
                return False
    except RuntimeError:
        return False
    return bool(x.IsSame(y))


class OrderedAppender:
    """Appends the ``command``'s layers of each partition's output into a temporary GeoPackage
    beside ``target``, in the order of ``names``. ``cancelled`` is asked during a copy. Owns the
    temporary file until ``finish`` hands it over: ``discard`` removes it."""

    def __init__(self, command: str, names: Sequence[str], target: Path,
                 cancelled: Optional[Callable[[], bool]] = None) -> None:
        self.command = command
        self.layers = APPENDED[command]
        self.order = [str(n) for n in names]
        if len(set(self.order)) != len(self.order):
            raise ValueError("two partitions have the same name")
        self.partial = merge._fresh(target)
        self.cancelled = cancelled or (lambda: False)
        self.next = 0
        self.waiting: Dict[str, Dict[str, object]] = {}
        self.appended: List[Dict[str, object]] = []
        self.seconds = 0.0  # time spent appending
        self.created: Set[str] = set()
        # the checks: a unit, project, village or admin unit may lie in one partition only
        self.unique = merge.CHECKS[command][1] if command in merge.CHECKS else {}
        self.seen: Dict[str, Dict[object, str]] = {table: {} for table in self.unique}

    @property
    def done(self) -> bool:
        return self.next == len(self.order)

    def add(self, result: Dict[str, object]) -> List[str]:
        """Takes a finished partition's result (its 'name' and 'output') and appends every
        partition that is now next in order. Returns the names appended by this call."""
        name = str(result["name"])
        if name not in self.order:
            raise ValueError(f"partition '{name}' is not one of the run's")
        if name in self.waiting or self.order.index(name) < self.next:
            return []  # reported again (a rerun task): appended once only
        self.waiting[name] = result
        now: List[str] = []
        while self.next < len(self.order) and self.order[self.next] in self.waiting:
            r = self.waiting.pop(self.order[self.next])
            started = time.monotonic()
            self._append(r)
            self.seconds += time.monotonic() - started
            self.appended.append(r)
            self.next += 1
            now.append(str(r["name"]))
        return now

    def _interrupt(self) -> int:
        return 1 if self.cancelled() else 0

    def _append(self, result: Dict[str, object]) -> None:
        path, name = str(result["output"]), str(result["name"])
        present = set(merge.layer_names(path))
        if self.unique:
            self._refuse_shared_keys(path, name)
        if self.command in merge.CHECKS:
            merge.tag_partition(path, [layer for layer in self.layers if layer in present], name)
        for layer in self.layers:
            if layer not in present:
                continue
            if layer not in self.created:
                self._create(path, layer)
            self._copy(path, name, layer)

    def _refuse_shared_keys(self, path: str, name: str) -> None:
        """A unit, project, village or admin unit whose rows are computed from all its parcels must
        lie in one partition (its ratios and verdicts cannot be added up): refuses this
        partition's ones already seen in a partition before it, naming them and both partitions."""
        for table, (key, what) in self.unique.items():
            _columns, rows = merge.read_table(path, table)
            seen = self.seen[table]
            clashes = [f"'{value}' ({seen[value]} and {name})"
                       for value in dict.fromkeys(r.get(key) for r in rows) if value in seen]
            if clashes:
                one = len(clashes) == 1
                raise ValueError(f"the {what}{'' if one else 's'} {', '.join(clashes[:10])} {'is' if one else 'are'} "
                                 f"in more than one partition: {table} is computed from all of its parcels, so it "
                                 "cannot be merged; a county's units belong to its own package")
            for value in dict.fromkeys(r.get(key) for r in rows):
                seen[value] = name

    def _create(self, path: str, layer: str) -> None:
        """The layer in the merged file with the partition's fields, CRS and spatial index, empty."""
        src = gdal.OpenEx(path, gdal.OF_VECTOR)
        out = gdal.VectorTranslate(self.partial, src, format="GPKG", layers=[layer], where="1 = 0",
                                   accessMode="update" if os.path.exists(self.partial) else None)
        if out is None:
            raise RuntimeError(f"creating layer '{layer}' of the merged output failed")
        out = None
        src = None
        self.created.add(layer)

    def _copy(self, path: str, name: str, layer: str) -> None:
        con = gpkg_connection(self.partial)
        try:
            con.execute("ATTACH DATABASE ? AS part", (_uri(path, "ro"),))
            mine, theirs = _columns(con, "main", layer), _columns(con, "part", layer)
            extra = [c for c in theirs if c not in mine]
            if extra:
                raise ValueError(f"partition {name}: layer {layer} has columns the partitions before it do not "
                                 f"({', '.join(extra)}): were all partitions run with the same options and tool?")
            geometry, source = _geometry(con, "main", layer), _geometry(con, "part", layer)
            if geometry and source and (geometry[0] != source[0] or not same_crs(geometry[2], source[2])):
                raise ValueError(f"partition {name}: layer {layer} is in another CRS or has another geometry column "
                                 f"than the partitions before it ({source[0]} in {source[2][:80]} against {geometry[0]} in "
                                 f"{geometry[2][:80]}): the merged layer would mix coordinates")
            if geometry and source and geometry[1] != source[1]:
                con.close()
                self._translate(path, layer)  # the same CRS numbered otherwise: GDAL writes the target's number
                return
            names = ", ".join(f'"{c}"' for c in theirs)
            con.set_progress_handler(self._interrupt, 1000)
            try:
                con.execute("BEGIN")
                con.execute(f'INSERT INTO main."{layer}" ({names}) SELECT {names} FROM part."{layer}" ORDER BY fid')
                con.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self.cancelled():
                    raise Interrupted("the partitioned run was cancelled") from None
                raise RuntimeError(f"appending layer {layer} of partition {name} failed: {exc}") from exc
        finally:
            con.close()

    def _translate(self, path: str, layer: str) -> None:
        src = gdal.OpenEx(path, gdal.OF_VECTOR)
        out = gdal.VectorTranslate(self.partial, src, format="GPKG", layers=[layer], accessMode="append",
                                   callback=lambda *_args: 0 if self.cancelled() else 1)
        if out is None:
            raise Interrupted("the partitioned run was cancelled") if self.cancelled() else \
                RuntimeError(f"appending layer {layer} of '{path}' failed")
        out = None
        src = None

    def finish(self) -> str:
        """After the last partition: each layer's metadata (what the partitions agree on), extent
        (the union of theirs) and feature count. Returns the temporary file, now the caller's."""
        if not self.done:
            missing = [n for n in self.order[self.next:]]
            raise RuntimeError("partitions not appended: " + ", ".join(missing))
        outputs = [str(r["output"]) for r in self.appended]
        for layer in self.layers:
            if layer in self.created:
                merge.set_metadata(self.partial, layer, merge.common_metadata(outputs, layer))
        self._contents(outputs)
        return self.partial

    def _contents(self, outputs: Sequence[str]) -> None:
        if not self.created:
            return
        con = sqlite3.connect(self.partial, isolation_level=None)
        try:
            for layer in self.created:
                boxes = []
                for path in outputs:
                    src = sqlite3.connect(_uri(path, "ro"), uri=True)
                    try:
                        row = src.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE lower(table_name) "
                                          "= lower(?)", (layer,)).fetchone()
                    finally:
                        src.close()
                    if row and None not in row:
                        boxes.append(row)
                con.execute(f'UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) FROM "{layer}") '
                            "WHERE lower(table_name) = lower(?)", (layer,))
                if boxes:
                    con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? "
                                "WHERE lower(table_name) = lower(?)",
                                (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                                 max(b[3] for b in boxes), layer))
        finally:
            con.close()

    def discard(self) -> None:
        """Removes the temporary file (after a failure or a cancel)."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.remove(self.partial + suffix)
            except FileNotFoundError:
                pass
