"""The merged output of a partitioned run written to a PostGIS schema (a throw-away PostgreSQL from
pg_virtualenv): the partitions read by admin code from PostGIS, the merged tables and geometries
written to the schema equal to the single run; a rerun replaces them; a cancel while writing
leaves the previous tables as they were and no staging table."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cli_support import REPO, guotu_binary
from cluster_support import make_grid_province
from test_cluster import CONVERT, PY, RUNNER, assert_keyed_equal, assert_same_pieces, single_run, table
from pg_throwaway import pg_virtualenv  # test_cluster put tests/ on the import path

pytest.importorskip("distributed")

CANCEL = r'''
import json, os, sys
sys.path.insert(0, sys.argv[1])
import psycopg2
from plugin.cluster import postgis_output
pg = os.environ["PG"]
asked = []
def cancelled():  # the user cancels once the first staging table is written
    asked.append(1)
    return len(asked) > 1
try:
    postgis_output.publish(sys.argv[2], pg, "result", cancelled)
    outcome = "published"
except postgis_output.PublishCancelled as e:
    outcome = str(e)
con = psycopg2.connect(pg[3:])
cur = con.cursor()
cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'result' ORDER BY 1")
tables = [r[0] for r in cur.fetchall()]
cur.execute('SELECT count(*), round(sum(ST_Area(geom))::numeric, 3)::float FROM result.conversions')
count, area = cur.fetchone()
cur.execute("SELECT Find_SRID('result', 'conversions', 'geom')")
srid = cur.fetchone()[0]
json.dump({"outcome": outcome, "tables": tables, "count": count, "area": area, "srid": srid}, open(sys.argv[3], "w"))
'''


@pytest.mark.skipif(not shutil.which("pg_virtualenv"), reason="pg_virtualenv (postgresql-common) missing")
def test_merged_output_to_a_postgis_schema_all_or_nothing(tmp_path: Path) -> None:
    prov = tmp_path / "prov"
    parts = make_grid_province(prov)
    one = single_run("convert", tmp_path / "single", CONVERT, tmp_path / "single.gpkg")
    loads = []
    for name in parts:
        for layer, file in (("zones", "zones"), ("lu2010", "landuse_2010"), ("lu2020", "landuse_2020")):
            loads.append(f'ogr2ogr -f PostgreSQL "$PG" {prov / name / (file + ".gpkg")} -nln {layer} -append '
                         f"-lco GEOMETRY_NAME=geom -dialect SQLite -sql \"SELECT *, '{name}' AS county FROM "
                         f"{'zones' if file == 'zones' else 'landuse'}\"")
    opts = " ".join(f"'{a}'" for a in ["--zones", "{partition}/zones.gpkg", "--before", "{partition}/lu2010.gpkg",
                                       "--after", "{partition}/lu2020.gpkg", *CONVERT])
    gpkg = tmp_path / "also.gpkg"
    run = (f'GUOTU_CLI={guotu_binary()} {PY} {RUNNER} convert --postgis "$PG" --postgis-layers zones,lu2010,lu2020 '
           f"--partition-field county --partition-values {','.join(parts)} --workers 2 --to-postgis \"$PG\" "
           f"--schema result")
    cancel_py = tmp_path / "cancel.py"
    cancel_py.write_text(CANCEL)
    script = "set -e\npsql -qc 'create extension postgis'\n" \
        'export PG="PG:dbname=$PGDATABASE host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD"\n' + \
        "\n".join(loads) + "\n" + \
        "".join(f"psql -qc 'create index on {t} (county)'\n" for t in ("zones", "lu2010", "lu2020")) + \
        f"{run} -- {opts} > {tmp_path / 'run1.log'}\n" + \
        f'ogr2ogr -f GPKG {tmp_path / "first.gpkg"} "PG:dbname=$PGDATABASE host=$PGHOST port=$PGPORT ' \
        f'user=$PGUSER password=$PGPASSWORD schemas=result" -oo LIST_ALL_TABLES=YES\n' + \
        f"{run} -o {gpkg} -- {opts} > {tmp_path / 'run2.log'}\n" + \
        f"{PY} {cancel_py} {REPO} {gpkg} {tmp_path / 'cancel.json'}\n" + \
        f"psql -Atc \"SELECT count(*) FROM pg_tables WHERE tablename LIKE '_guotu_stage_%'\" > " \
        f"{tmp_path / 'stages.txt'}\n"
    res = subprocess.run(pg_virtualenv("sh", "-c", script), capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
    # the merged tables and pieces, read back from the schema, are the single run's
    first = tmp_path / "first.gpkg"
    assert_same_pieces(one, first)
    cols = "zone_id, level, from_class, to_class, status, area_ha, dm_ha"
    assert_keyed_equal(table(one, "transitions", cols), table(first, "transitions", cols), 5)
    assert_keyed_equal(table(one, "status_summary", "zone_id, status, area_ha"),
                       table(first, "status_summary", "zone_id, status, area_ha"), 2)
    assert sorted(r[0] for r in table(first, "partitions", "partition")) == sorted(parts)
    log = (tmp_path / "run1.log").read_text()
    assert "PostGIS schema result: conversions (600 rows)" in log, log
    # the rerun wrote the GeoPackage too and replaced the tables; then a cancel after the first
    # staging table: the rerun's tables are all there as they were, no staging table is left
    assert_same_pieces(one, gpkg)
    got = json.loads((tmp_path / "cancel.json").read_text())
    assert got["outcome"] == "the partitioned run was cancelled while writing to PostGIS"
    assert got["tables"] == table_names(gpkg) and "conversions" in got["tables"]
    assert got["count"] == 600 and got["srid"] == 4527
    # 6 counties of 3 km x 3 km: 5,400 ha of pieces in the plane
    assert got["area"] == pytest.approx(5400.0 * 10_000, rel=1e-9)
    assert (tmp_path / "stages.txt").read_text().strip() == "0"


def table_names(gpkg: Path) -> list:
    return sorted(r[0] for r in table(gpkg, "gpkg_contents", "table_name"))
