"""guotu reads PostGIS as it reads files: the same tally from a throw-away PostGIS cluster
(pg_virtualenv, from Debian's postgresql-common) as from the GeoPackages it was loaded from."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cli_support import guotu_binary

pytestmark = pytest.mark.skipif(not shutil.which("pg_virtualenv"), reason="pg_virtualenv (postgresql-common) missing")


def test_tally_from_postgis_equals_tally_from_geopackage(tmp_path: Path, zones: Path, landuse: Path) -> None:
    guotu = guotu_binary()
    from_files = tmp_path / "files.csv"
    res = subprocess.run([str(guotu), "tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse),
                          "--class-field", "lucc", "-o", str(from_files)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    from_pg = tmp_path / "pg.csv"
    script = f"""set -e
psql -qc 'create extension postgis'
PG="PG:dbname=$PGDATABASE host=$PGHOST port=$PGPORT user=$PGUSER password=$PGPASSWORD"
ogr2ogr -f PostgreSQL "$PG" {zones} -nln zones
ogr2ogr -f PostgreSQL "$PG" {landuse} -nln landuse
{guotu} tally --zones "$PG" --zones-layer zones --zone-id code --landuse "$PG" --landuse-layer landuse \\
    --class-field lucc -o {from_pg}
"""
    res = subprocess.run(["pg_virtualenv", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr
    assert from_pg.read_text() == from_files.read_text()
