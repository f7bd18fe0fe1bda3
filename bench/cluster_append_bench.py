"""What appending partition outputs to a merged GeoPackage costs, three ways, on the conversion
pieces of one 三调-shaped county (guotu convert on a county of bench/make_province.py):

- ``gdal_append``: gdal.VectorTranslate in append mode (the merge before the appends during the
  run; the R-tree kept by its triggers with GDAL's own functions);
- ``sqlite_rtree``: what plugin/cluster/appender.py does: the empty layer made by GDAL, then
  ``INSERT … SELECT`` from the attached partition file, the R-tree kept by its triggers with the
  envelope read from each geometry's header;
- ``sqlite_index_at_end``: the same copy into a layer made without a spatial index, and the index
  built once at the end (GDAL's CreateSpatialIndex) — the index's cost then falls after the run.

    /usr/bin/python3 bench/cluster_append_bench.py [--county DIR] [--copies 4] [--out FILE.json]

Each way appends the same county ``--copies`` times into a new file; wall and CPU seconds of this
process, the 1-minute load before and after. One run each, in one session.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
GUOTU = REPO / "build" / "core" / "guotu"

from osgeo import gdal, ogr  # noqa: E402

from plugin.cluster import appender  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def load() -> float:
    return float(Path("/proc/loadavg").read_text().split()[0])


def copy_sqlite(target: str, part: str) -> None:
    con = appender.gpkg_connection(target)
    try:
        con.execute("ATTACH DATABASE ? AS part", (appender._uri(part, "ro"),))
        names = ", ".join(f'"{c}"' for c in appender._columns(con, "part", "conversions"))
        con.execute("BEGIN")
        con.execute(f'INSERT INTO main.conversions ({names}) SELECT {names} FROM part.conversions ORDER BY fid')
        con.execute("COMMIT")
    finally:
        con.close()


def gdal_append(target: str, part: str, copies: int) -> None:
    for i in range(copies):
        gdal.VectorTranslate(target, part, format="GPKG", layers=["conversions"], accessMode="append" if i else None)


def sqlite_rtree(target: str, part: str, copies: int) -> None:
    gdal.VectorTranslate(target, part, format="GPKG", layers=["conversions"], where="1 = 0")
    for _ in range(copies):
        copy_sqlite(target, part)


def sqlite_index_at_end(target: str, part: str, copies: int) -> None:
    gdal.VectorTranslate(target, part, format="GPKG", layers=["conversions"], where="1 = 0",
                         layerCreationOptions=["SPATIAL_INDEX=NO"])
    for _ in range(copies):
        copy_sqlite(target, part)
    ds = ogr.Open(target, 1)
    ds.ExecuteSQL("SELECT CreateSpatialIndex('conversions', 'geom')")
    ds = None


def gdal_sql(target: str, part: str, copies: int) -> None:
    gdal.VectorTranslate(target, part, format="GPKG", layers=["conversions"], where="1 = 0")
    for _ in range(copies):
        ds = ogr.Open(target, 1)
        layer = ds.GetLayerByName("conversions")
        defn = layer.GetLayerDefn()
        names = ", ".join(f'"{defn.GetFieldDefn(i).GetName()}"' for i in range(defn.GetFieldCount()))
        names += f', "{layer.GetGeometryColumn()}"'
        ds.ExecuteSQL(f"ATTACH DATABASE '{part}' AS part")
        ds.StartTransaction()
        ds.ExecuteSQL(f"INSERT INTO main.conversions ({names}) SELECT {names} FROM part.conversions ORDER BY fid")
        ds.CommitTransaction()
        ds.ExecuteSQL("DETACH DATABASE part")
        ds = None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--county", type=Path, default=Path("/tmp/guotu_bench/province8/counties/c000"))
    p.add_argument("--copies", type=int, default=4)
    p.add_argument("--work", type=Path, default=Path("/tmp/guotu_append_bench"))
    p.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "cluster_append.json")
    a = p.parse_args()
    a.work.mkdir(parents=True, exist_ok=True)
    part = a.work / "county.gpkg"
    if not part.exists():
        c = a.county
        subprocess.run([str(GUOTU), "convert", "--threads", "1", "--zones", f"{c}/zones.gpkg", "--zone-id", "code",
                        "--before", f"{c}/landuse_2010.gpkg", "--before-class-field", "DLBM", "--before-system",
                        "SANDIAO_WORK", "--after", f"{c}/landuse_2020.gpkg", "--after-class-field", "DLBM",
                        "--after-system", "SANDIAO_WORK", "-o", str(part)], check=True, capture_output=True)
    ds = ogr.Open(str(part))
    pieces = ds.GetLayerByName("conversions").GetFeatureCount()
    ds = None
    ways: Dict[str, Callable[[str, str, int], None]] = {"gdal_append": gdal_append, "sqlite_rtree": sqlite_rtree,
                                                        "sqlite_index_at_end": sqlite_index_at_end,
                                                        "gdal_sql": gdal_sql}
    result = {"benchmark": "appending a county's conversion pieces to a merged GeoPackage", "county": str(a.county),
              "pieces_per_copy": pieces, "mb_per_copy": round(part.stat().st_size / 2**20, 1), "copies": a.copies,
              "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cores": os.cpu_count(), "ways": {}}
    for name, way in ways.items():
        target = a.work / f"{name}.gpkg"
        if target.exists():
            target.unlink()
        before, c0, t0 = load(), cpu(), time.monotonic()
        way(str(target), str(part), a.copies)
        wall, used = time.monotonic() - t0, cpu() - c0
        ds = ogr.Open(str(target))
        count = ds.GetLayerByName("conversions").GetFeatureCount()
        ds = None
        assert count == pieces * a.copies, (name, count)
        result["ways"][name] = {"wall_s": round(wall, 2), "cpu_s": round(used, 2),
                                "wall_s_per_copy": round(wall / a.copies, 3), "load1_before": before,
                                "load1_after": load()}
        print(name, result["ways"][name], flush=True)
        target.unlink()
    a.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print("written", a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
