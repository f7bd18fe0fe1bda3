"""How the I/O-library job tests read a GeoPackage table back to compare a job's output with the
tool's: the column names, the layer's CRS, every row (fid, values, WKB) in the file's order, and on
request metadata items and the layer's metadata (its time of writing left out)."""

from pathlib import Path
from typing import Callable, List, Optional, Sequence

from osgeo import ogr


def table(path: Path, name: str, items: Sequence[str] = (), metadata: bool = False,
          mask: Optional[Callable[[tuple], tuple]] = None) -> List[object]:
    """Table ``name`` of ``path`` whole; ``items``: metadata items read with it; ``metadata``: the
    layer's whole metadata but created_utc; ``mask``: applied to each row's values (a time)."""
    ds = ogr.Open(str(path))
    assert ds is not None, path
    layer = ds.GetLayerByName(name)
    assert layer is not None, name
    defn = layer.GetLayerDefn()
    fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    srs = layer.GetSpatialRef()
    out: List[object] = [tuple(fields), srs.ExportToWkt() if srs else None]
    out.extend(layer.GetMetadataItem(item) for item in items)
    for f in layer:
        g = f.GetGeometryRef()
        values = tuple(f.GetField(n) for n in fields)
        out.append((f.GetFID(), mask(values) if mask else values, bytes(g.ExportToWkb()) if g else None))
    if metadata:
        meta = dict(layer.GetMetadata())
        meta.pop("created_utc", None)
        out.append(meta)
    return out


def records(path: Path, name: str) -> List[dict]:
    """The rows of table ``name`` of ``path`` as dicts by column name, in the file's order."""
    t = table(path, name)
    return [dict(zip(t[0], row[1])) for row in t[2:]]


def status_name(ctx, status: int) -> str:
    """The name of a guotu_status (GUOTU_ERR_CANCELLED …)."""
    return ctx.lib.guotu_status_name(status).decode()
