"""Command line of partitioned runs (scripts/guotu_cluster.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional

from . import border
from .partitions import folder_partitions, postgis_partitions
from .run import COMMANDS, Cancelled, run_partitioned

USAGE = """guotu_cluster COMMAND (--partitions DIR | --postgis PG:... --postgis-layers T,T --partition-field F
         --partition-values V,V) [--scheduler ADDRESS | --workers N]
         (-o MERGED.gpkg | --to-postgis PG:... --schema NAME) -- GUOTU-OPTIONS
       guotu_cluster border [--pairs A-B,B-C] [--scheduler ADDRESS | --workers N] -o MERGED.gpkg
         -- GUOTU-BORDER-OPTIONS"""

DESCRIPTION = """County-partitioned runs of the guotu tool on a Dask cluster: voucher (`guotu voucher`),
convert (`guotu convert`), tally (`guotu tally`), ledger (`guotu ledger`), lines (`guotu lines
check`) and parcels (`guotu parcels check`). One task per partition runs the guotu tool on it;
the outputs are merged into one GeoPackage equal to the single run on the same data (areas
summed, pieces appended; for vouchers the accounts per partition and the market once on the
merged accounts; the tally's areas summed by zone and class; the ledger's units, the parcel
check's parcels, projects and villages and the lines check's issues appended with a column
'partition': ids are the county package's own, so an issue's fingerprint still matches its
workspace's exceptions). A unit, project, village or admin unit found in two partitions is
refused: its ratios and verdicts need all of its parcels. The lines check sees one county at a
time: overlaps and gaps between two counties' features are guotu border's.

Partitions: every folder (or .gdb) in --partitions DIR is a county package; or, with
--postgis, one partition per admin code of --partition-values: every table of
--postgis-layers is read with `FIELD = 'code'` (index the field). In GUOTU-OPTIONS,
{partition} stands for the partition's folder (PostGIS: a folder holding TABLE.gpkg per
table), e.g. --zones {partition}/XZQ.gpkg or --base {partition}/DLTB_2019.gdb.
--scheduler takes a running scheduler's address (tcp://host:8786); without it a local
cluster with one worker per core runs here. Workers need the same paths: a shared folder
for the data and the work folder, and the guotu tool (--guotu).

Output: -o MERGED.gpkg, and/or --to-postgis PG:... --schema NAME: every merged table (with
its geometries) into that schema, replacing the tables of an earlier run in one transaction
(staging tables renamed); a failure or a cancel leaves the schema as it was.

border (`guotu border`) is partitioned by pairs of neighbouring cities, not by county
package: give the whole --admin and --elements files in GUOTU-BORDER-OPTIONS. The pairs are
the admin units within --snap of each other (bounding boxes, then their distance), or
--pairs A-B,B-C. Each pair runs on its two units and the elements of its two cities only
(copied by city code on the worker); one more partition, _basemap, runs on every unit with
the elements no pair compares, for the base map's own issues. The merge appends pair_summary,
the conflicts and the shared borders (conflict ids renumbered): equal to one guotu border
run. A pair meeting only at a point has no shared border: it is skipped with a note."""


def parse(argv: List[str]) -> argparse.Namespace:
    if "--" in argv:
        cut = argv.index("--")
        own, guotu_args = argv[:cut], argv[cut + 1:]
    else:
        own, guotu_args = argv, []
    p = argparse.ArgumentParser(prog="guotu_cluster", usage=USAGE, description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=COMMANDS)
    p.add_argument("--partitions", type=Path, help="folder with one county package (folder or .gdb) per county")
    p.add_argument("--only", help="comma-separated partition names to run (default: all)")
    p.add_argument("--pairs", help="border: the city pairs to check, A-B,B-C (default: every pair of neighbours)")
    p.add_argument("--postgis", help="GDAL PostGIS connection, PG:dbname=... host=...")
    p.add_argument("--postgis-layers", help="comma-separated tables read per partition")
    p.add_argument("--partition-field", help="the admin-code column the tables are partitioned by")
    p.add_argument("--partition-values", help="comma-separated admin codes, one partition each")
    p.add_argument("--scheduler", help="address of a running dask-scheduler (default: a local cluster)")
    p.add_argument("--workers", type=int, help="workers of the local cluster (default: one per core)")
    p.add_argument("--work-dir", type=Path, help="partition outputs, on a folder every worker reaches "
                                                 "(default: beside the output)")
    p.add_argument("--keep-work", action="store_true", help="keep the partition outputs")
    p.add_argument("--guotu", help="path of the guotu tool on the workers (default: GUOTU_CLI, PATH, the build)")
    p.add_argument("--retries", type=int, default=2, help="Dask retries of a failed partition (default 2)")
    p.add_argument("-o", "--output", type=Path, help="the merged GeoPackage")
    p.add_argument("--to-postgis", help="write the merged tables to PostGIS too: GDAL connection PG:dbname=...")
    p.add_argument("--schema", help="the PostGIS schema of --to-postgis (created if missing)")
    ns = p.parse_args(own)
    ns.guotu_args = guotu_args
    if ns.command == "border":
        if ns.partitions or ns.postgis:
            p.error("border is partitioned by city pairs: give the whole --admin and --elements after --, "
                    "and --pairs to choose pairs")
    elif ns.pairs:
        p.error("--pairs is the border check's")
    elif bool(ns.partitions) == bool(ns.postgis):
        p.error("give either --partitions DIR or --postgis PG:...")
    if ns.postgis and not (ns.postgis_layers and ns.partition_field and ns.partition_values):
        p.error("--postgis needs --postgis-layers, --partition-field and --partition-values")
    if not guotu_args:
        p.error("give the guotu options after --")
    if not ns.output and not ns.to_postgis:
        p.error("give the merged output: -o MERGED.gpkg, --to-postgis PG:... --schema NAME, or both")
    if bool(ns.to_postgis) != bool(ns.schema):
        p.error("--to-postgis and --schema go together")
    return ns


def main(argv: Optional[List[str]] = None) -> int:
    ns = parse(list(sys.argv[1:] if argv is None else argv))
    try:
        if ns.command == "border":
            parts, ns.guotu_args, notes = border.plan(ns.guotu_args, border.parse_pairs(ns.pairs)
                                                      if ns.pairs else None)
            for note in notes:
                print(f"guotu cluster: {note}", flush=True)
        elif ns.partitions:
            only = [s for s in (ns.only or "").split(",") if s]
            parts = folder_partitions(ns.partitions, only)
        else:
            parts = postgis_partitions(ns.postgis, [s for s in ns.postgis_layers.split(",") if s],
                                       ns.partition_field, [s for s in ns.partition_values.split(",") if s])
        result = run_partitioned(ns.command, parts, ns.guotu_args, ns.output, scheduler=ns.scheduler,
                                 workers=ns.workers, work_dir=ns.work_dir, guotu=ns.guotu, retries=ns.retries,
                                 keep_work=ns.keep_work, progress=lambda text: print(text, flush=True),
                                 postgis=(ns.to_postgis, ns.schema) if ns.to_postgis else None)
    except Cancelled as exc:
        print(f"guotu_cluster: {exc}", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — every failure ends as one message and exit 1
        print(f"guotu_cluster: error: {exc}", file=sys.stderr)
        return 1
    if ns.command == "border":
        s = result.summary
        print(f"  pairs {s['pairs']}, conflicts {s['conflicts']}" +
              (f", skipped (no shared border): {', '.join(s['skipped'])}" if s["skipped"] else ""))  # type: ignore[arg-type]
    elif result.summary:
        s = result.summary
        for item in ("sum_dm_ha", "sum_e_ha", "total_supply_ha", "total_demand_ha", "traded_ha", "unmet_demand_ha",
                     "unsold_supply_ha"):
            if s.get(item) is not None:
                print(f"  {item:18s} {float(s[item]):14.2f}")
    return 0
