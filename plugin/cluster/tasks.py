"""What a Dask worker runs for one partition: the guotu tool on the partition's data.

Self-contained on purpose (standard library and GDAL's Python bindings only): the client ships
this module to workers by value, so a worker needs Dask, GDAL and the `guotu` tool, not Guotu's
Python package.
"""
from __future__ import annotations

import os
import resource
import shutil
import socket
import subprocess
import time
import uuid
from pathlib import Path
from typing import Dict, List

PLACEHOLDER = "{partition}"


class PartitionFailed(RuntimeError):
    """The guotu tool refused or failed on a partition: its own message, the partition named."""


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def extract_postgis(spec: Dict[str, object], into: Path) -> Path:
    """Reads each table of the partition with ``field = value`` (answered by an index on the
    field) into a GeoPackage of the table's name in ``into``; returns ``into``."""
    from osgeo import gdal

    gdal.UseExceptions()
    into.mkdir(parents=True, exist_ok=True)
    where = f"{spec['field']} = {_quote(str(spec['value']))}"
    for table in spec["layers"]:  # type: ignore[union-attr]
        name = str(table).split(".")[-1]
        target = into / f"{name}.gpkg"
        partial = into / f".{name}.partial.gpkg"
        if partial.exists():
            partial.unlink()
        src = gdal.OpenEx(str(spec["connection"]), gdal.OF_VECTOR)
        if src is None or src.GetLayerByName(str(table)) is None:
            raise PartitionFailed(f"PostGIS table '{table}' not found for partition {spec['value']}")
        out = gdal.VectorTranslate(str(partial), src, format="GPKG", layers=[str(table)], layerName=name,
                                   where=where)
        if out is None:
            raise PartitionFailed(f"reading PostGIS table '{table}' where {where} failed")
        out = None
        src = None
        os.replace(partial, target)
    return into


def extract_files(copies: List[Dict[str, object]], into: Path) -> Path:
    """Copies the features of each source file's layers that match ``where`` (a city pair's admin
    units and elements) into ``into/TARGET``, keeping their feature ids (the tool names features
    by them); returns ``into``."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    into.mkdir(parents=True, exist_ok=True)
    for copy in copies:
        source, target = str(copy["source"]), into / str(copy["target"])
        partial = into / f".{target.name}.partial.gpkg"
        if partial.exists():
            partial.unlink()
        options = [f"ENCODING={copy['encoding']}"] if copy.get("encoding") and source.lower().endswith(".shp") else []
        src = gdal.OpenEx(source, gdal.OF_VECTOR, open_options=options)
        if src is None:
            raise PartitionFailed(f"cannot open '{source}'")
        created = False
        for layer in copy["layers"]:  # type: ignore[union-attr]
            out = gdal.VectorTranslate(str(partial), src, format="GPKG", layers=[str(layer)],
                                       layerName=str(copy["rename"] or layer), where=copy.get("where"),
                                       options=["-preserve_fid"], accessMode="update" if created else None)
            if out is None:
                raise PartitionFailed(f"copying layer '{layer}' of '{source}' failed")
            out = None
            created = True
        if copy.get("empty_layer"):  # one layer per city, none for this partition: an empty one
            ds = ogr.Open(str(partial), 1) if created else ogr.GetDriverByName("GPKG").CreateDataSource(str(partial))
            ref = src.GetLayer(0)
            ds.CreateLayer(str(copy["empty_layer"]), ref.GetSpatialRef() if ref else None, ogr.wkbMultiPolygon)
            ds = None
        src = None
        os.replace(partial, target)
    return into


def run_partition(job: Dict[str, object], partition: Dict[str, object]) -> Dict[str, object]:
    """Runs ``guotu COMMAND ARGS -o WORK/NAME/out.gpkg`` with ``{partition}`` in ARGS replaced by
    the partition's folder. Returns where the output is and what the run cost (wall seconds, the
    tool's peak resident memory); raises PartitionFailed with guotu's message on a failure."""
    name = str(partition["name"])
    work = Path(str(job["work_dir"])) / name
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    # Files of their own per attempt: a worker lost mid-run may leave its guotu running.
    attempt = uuid.uuid4().hex[:8]
    if "postgis" in partition:
        folder = extract_postgis(partition["postgis"], work / f"input-{attempt}")  # type: ignore[arg-type]
    elif "extract" in partition:
        folder = extract_files(partition["extract"], work / f"input-{attempt}")  # type: ignore[arg-type]
    else:
        folder = Path(str(partition["path"]))
    out = work / f"out-{attempt}.gpkg"
    args: List[str] = [str(a).replace(PLACEHOLDER, str(folder)) for a in job["args"]]  # type: ignore[union-attr]
    # "lines check" and "parcels check" are two words of the tool's command line
    command = [str(job["guotu"]), *str(job["command"]).split(), *args, "-o", str(out)]
    log = out.with_suffix(".log")
    with open(log, "wb") as sink:
        proc = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        lines = [line for line in text.splitlines() if line.strip()]
        raise PartitionFailed(f"partition {name}: guotu {job['command']} failed (exit {proc.returncode}): "
                              + " | ".join(lines[-3:]))
    if ("postgis" in partition or "extract" in partition) and not job.get("keep_inputs"):
        shutil.rmtree(folder, ignore_errors=True)
    return {"name": name, "pair": list(partition.get("pair") or []), "output": str(out), "seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_mb": usage.ru_maxrss / 1024.0,
            "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
            "host": socket.gethostname(), "pid": os.getpid(), "log": text}
