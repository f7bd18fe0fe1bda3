"""The partitions of a run: one per county package in a folder, or one per admin code in PostGIS.

A partition is a plain dict (it travels to Dask workers): ``name``, and either ``path`` (the
county package: a folder of files or a File Geodatabase) or ``postgis`` (connection, layers,
the admin-code field and this partition's value).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional, Sequence

Partition = Dict[str, object]

_SAFE_NAME = re.compile(r"[^0-9A-Za-z_.\-\u4e00-\u9fff]")


def safe_name(text: str) -> str:
    """A partition name usable as a folder name (admin codes and county names stay as they are)."""
    name = _SAFE_NAME.sub("_", text).strip("._")
    return name or "partition"


def folder_partitions(root: Path, only: Optional[Sequence[str]] = None) -> List[Partition]:
    """One partition per entry of ``root`` that is a folder (a county package, a .gdb included),
    sorted by name; ``only`` keeps the named ones. Refuses an empty list with the folder named."""
    if not root.is_dir():
        raise ValueError(f"the partitions folder '{root}' does not exist or is not a folder")
    entries = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if only:
        wanted = set(only)
        missing = wanted - {p.name for p in entries}
        if missing:
            raise ValueError(f"no partition folder named {', '.join(sorted(missing))} in '{root}'")
        entries = [p for p in entries if p.name in wanted]
    if not entries:
        raise ValueError(f"the partitions folder '{root}' holds no county package (one folder or .gdb per county)")
    return [{"name": p.name, "path": str(p.resolve())} for p in entries]


def postgis_partitions(connection: str, layers: Sequence[str], field: str, values: Sequence[str]) -> List[Partition]:
    """One partition per admin code in ``values``: each layer of ``layers`` is read with the filter
    ``field = 'value'`` (a query an index on ``field`` answers; nothing reads the whole table)."""
    if not connection.startswith("PG:"):
        raise ValueError(f"the PostGIS connection must be a GDAL 'PG:' string, not '{connection}'")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", field):
        raise ValueError(f"the partition field '{field}' is not a plain column name")
    if not layers:
        raise ValueError("give the PostGIS tables to read per partition (--postgis-layers)")
    if not values:
        raise ValueError("give the admin codes of the partitions (--partition-values)")
    names = [safe_name(v) for v in values]
    if len(set(names)) != len(names):
        raise ValueError("two partition values give the same partition name: " + ", ".join(values))
    return [{"name": name, "postgis": {"connection": connection, "layers": list(layers), "field": field,
                                       "value": value}}
            for name, value in zip(names, values)]
