"""The merged output of a partitioned run written to a PostGIS schema, all of it or nothing.

Every layer of the merged GeoPackage is first copied by GDAL into a staging table of the schema
(``_guotu_stage_<run>_<layer>``, geometries with their CRS); then one transaction drops the tables
of the previous run and renames the staging tables to the layers' names, so a reader sees either
the previous output or the new one, never a mix. A failure or a cancel before that transaction
drops the staging tables and leaves the schema as it was.
"""
from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Callable, List, Optional, Tuple

from osgeo import gdal

STAGE_PREFIX = "_guotu_stage_"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class PublishCancelled(RuntimeError):
    pass


def check_target(connection: str, schema: str) -> str:
    """Refuses a connection that is not a GDAL 'PG:' string or a schema that is not a plain
    lower-case name; connects once (before hours of partitions) and creates the schema if
    missing. Returns the libpq connection string."""
    if not connection.startswith("PG:"):
        raise ValueError(f"the PostGIS output must be a GDAL 'PG:' connection string, not '{connection}'")
    if not _NAME.fullmatch(schema):
        raise ValueError(f"the output schema '{schema}' is not a plain lower-case name (letters, digits, _)")
    import psycopg2

    dsn = connection[3:]
    try:
        con = psycopg2.connect(dsn)
    except psycopg2.Error as exc:
        raise ValueError(f"cannot connect to the PostGIS output ({str(exc).strip()})") from None
    try:
        with con, con.cursor() as cur:
            cur.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    finally:
        con.close()
    return dsn


def _drop(dsn: str, schema: str, tables: List[str]) -> None:
    import psycopg2

    if not tables:
        return
    con = psycopg2.connect(dsn)
    try:
        with con, con.cursor() as cur:
            for table in tables:
                cur.execute(f'DROP TABLE IF EXISTS "{schema}"."{table}" CASCADE')
    finally:
        con.close()


def publish(gpkg: Path, connection: str, schema: str,
            cancelled: Optional[Callable[[], bool]] = None) -> List[Tuple[str, int]]:
    """Writes every layer of ``gpkg`` into ``schema`` as a table of the layer's name (a table of
    that name from an earlier run is replaced), atomically as the module says. Returns (table,
    rows) per layer. Raises PublishCancelled when ``cancelled()`` turns true before the swap."""
    dsn = check_target(connection, schema)
    run = uuid.uuid4().hex[:8]
    src = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR)
    layers = [(src.GetLayer(i).GetName(), src.GetLayer(i).GetFeatureCount()) for i in range(src.GetLayerCount())]
    src = None
    for name, _n in layers:
        if not _NAME.fullmatch(name) or len(STAGE_PREFIX) + 9 + len(name) > 63:
            raise ValueError(f"the layer '{name}' cannot be a PostGIS table name")
    staged: List[str] = []
    try:
        for name, _n in layers:
            if cancelled and cancelled():
                raise PublishCancelled("the partitioned run was cancelled while writing to PostGIS")
            stage = f"{STAGE_PREFIX}{run}_{name}"
            staged.append(stage)
            out = gdal.VectorTranslate(connection, str(gpkg), format="PostgreSQL", layers=[name], layerName=stage,
                                       accessMode="update",
                                       layerCreationOptions=[f"SCHEMA={schema}", "GEOMETRY_NAME=geom", "FID=fid",
                                                             "SPATIAL_INDEX=GIST", "LAUNDER=NO"])
            if out is None:
                raise RuntimeError(f"writing the layer '{name}' to PostGIS failed: {gdal.GetLastErrorMsg()}")
            out = None
        if cancelled and cancelled():
            raise PublishCancelled("the partitioned run was cancelled while writing to PostGIS")
        import psycopg2

        con = psycopg2.connect(dsn)
        try:
            with con, con.cursor() as cur:  # one transaction: the previous output or the new one
                for (name, _n), stage in zip(layers, staged):
                    cur.execute(f'DROP TABLE IF EXISTS "{schema}"."{name}" CASCADE')
                    cur.execute(f'ALTER TABLE "{schema}"."{stage}" RENAME TO "{name}"')
        finally:
            con.close()
        staged = []
    finally:
        _drop(dsn, schema, staged)  # after a failure or a cancel: nothing left
    return layers
