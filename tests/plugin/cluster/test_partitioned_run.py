"""guotu:partitionedrun — the partitioned run as a Processing task: the same merged conversion as
one guotu run over all counties, progress per county, and Cancel stops it with nothing left."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

pytest.importorskip("distributed")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cluster_support import make_grid_province  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pg_throwaway import pg_virtualenv  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")
REPO = Path(__file__).resolve().parents[3]
GUOTU = REPO / "build" / "core" / "guotu"
OPTIONS = ("--zones {partition}/zones.gpkg --zone-id code --before {partition}/landuse_2010.gpkg "
           "--before-class-field lucc_code --before-system CAS_LUCC --after {partition}/landuse_2020.gpkg "
           "--after-class-field lucc_code --after-system CAS_LUCC")


def rows(path: Path, sql: str) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


class Recorder(QgsProcessingFeedback):
    def __init__(self, cancel_at: float = 101.0) -> None:
        super().__init__()
        self.progress, self.lines, self.cancel_at = [], [], cancel_at
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, percent: float) -> None:
        self.progress.append(percent)
        if percent >= self.cancel_at:
            self.cancel()

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)


def test_partitioned_conversion_task_equals_one_run(tmp_path: Path, monkeypatch) -> None:
    import processing
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    parts = make_grid_province(tmp_path / "prov")
    single = tmp_path / "single"
    one = tmp_path / "one.gpkg"
    subprocess.run([str(GUOTU), "convert", *OPTIONS.replace("{partition}", str(single)).split(), "-o", str(one)],
                   check=True, capture_output=True)
    out = tmp_path / "merged.gpkg"
    feedback = Recorder()
    result = processing.run("guotu:partitionedrun", {"COMMAND": 1, "PARTITIONS": str(tmp_path / "prov"),
                                                     "OPTIONS": OPTIONS, "WORKERS": 2, "OUTPUT": str(out)},
                            feedback=feedback)
    assert result["OUTPUT"] == str(out)
    sql = "SELECT zone_id, level, from_class, to_class, status, round(area_ha, 6) FROM transitions"
    assert sorted(rows(out, sql)) == sorted(rows(one, sql))
    assert len(rows(out, "SELECT fid FROM conversions")) == 6 * 10 * 10
    # a log line and a progress step per county, up to 100 %
    assert sum(line.startswith("[") for line in feedback.lines) == len(parts)
    assert max(feedback.progress) == pytest.approx(100.0)


def test_cancel_stops_the_partitioned_run(tmp_path: Path, monkeypatch) -> None:
    import processing
    slow = tmp_path / "slow_guotu.sh"
    slow.write_text(f"#!/bin/sh\nsleep 1\nexec {GUOTU} \"$@\"\n")
    slow.chmod(0o755)
    monkeypatch.setenv("GUOTU_CLI", str(slow))
    make_grid_province(tmp_path / "prov")
    out = tmp_path / "merged.gpkg"
    feedback = Recorder(cancel_at=1.0)  # cancel when the first county is done
    with pytest.raises(QgsProcessingException, match="cancelled"):
        processing.run("guotu:partitionedrun", {"COMMAND": 1, "PARTITIONS": str(tmp_path / "prov"),
                                                "OPTIONS": OPTIONS, "WORKERS": 1, "OUTPUT": str(out)},
                       feedback=feedback)
    assert feedback.isCanceled()
    assert sum(line.startswith("[") for line in feedback.lines) < 6  # not every county ran
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".merged")]  # no partition outputs left


def test_local_workers_inside_qgis_are_dask_worker_programs(tmp_path: Path, monkeypatch) -> None:
    """Inside QGIS, multiprocessing's executable is QGIS itself (a QGIS per worker, or an embedded
    Python on another Python's library path): the local workers are then `dask-worker` processes
    of the system Python, and the run still equals one guotu run."""
    import multiprocessing
    import multiprocessing.spawn
    from guotu.cluster import run
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    make_grid_province(tmp_path / "prov")
    before = multiprocessing.spawn.get_executable()
    try:
        multiprocessing.set_executable("/usr/bin/qgis")
        assert not run.runs_in_python()
        out = tmp_path / "merged.gpkg"
        from guotu.cluster.partitions import folder_partitions
        result = run.run_partitioned("convert", folder_partitions(tmp_path / "prov"), OPTIONS.split(), out, workers=2)
    finally:
        multiprocessing.set_executable(before)
    assert result.workers == 2 and len(result.results) == 6
    assert len({r["pid"] for r in result.results}) == 2  # two worker processes ran the counties
    single = tmp_path / "single"
    one = tmp_path / "one.gpkg"
    subprocess.run([str(GUOTU), "convert", *OPTIONS.replace("{partition}", str(single)).split(), "-o", str(one)],
                   check=True, capture_output=True)
    sql = "SELECT zone_id, level, from_class, to_class, status, round(area_ha, 6) FROM transitions"
    assert sorted(rows(out, sql)) == sorted(rows(one, sql))


def test_partitioned_tally_task_equals_the_runner_and_one_run(tmp_path: Path, monkeypatch) -> None:
    """The tally job from QGIS: the same merged table as the command-line runner on the same
    counties, and as one guotu tally over all of them."""
    import processing
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    make_grid_province(tmp_path / "prov")
    options = "--zones {partition}/zones.gpkg --zone-id code --landuse {partition}/landuse_2010.gpkg " \
              "--class-field lucc_code"
    one = tmp_path / "one.gpkg"
    subprocess.run([str(GUOTU), "tally", *options.replace("{partition}", str(tmp_path / "single")).split(), "-o",
                    str(one)], check=True, capture_output=True)
    out = tmp_path / "merged.gpkg"
    processing.run("guotu:partitionedrun", {"COMMAND": 2, "PARTITIONS": str(tmp_path / "prov"), "OPTIONS": options,
                                            "WORKERS": 2, "OUTPUT": str(out)}, feedback=Recorder())
    cli = tmp_path / "cli.gpkg"
    subprocess.run(["/usr/bin/python3", str(REPO / "scripts" / "guotu_cluster.py"), "tally", "--partitions",
                    str(tmp_path / "prov"), "--workers", "2", "-o", str(cli), "--", *options.split()],
                   check=True, capture_output=True, env=dict(os.environ, GUOTU_CLI=str(GUOTU)))
    sql = "SELECT zone_id, class_code, round(area_ha, 6) FROM tally"
    assert sorted(rows(out, sql)) == sorted(rows(cli, sql)) == sorted(rows(one, sql))
    # 12 zones of 450 ha (3 km x 1.5 km), 2010 parcels of 500 m x 500 m = 25 ha each
    assert len({r[0] for r in rows(out, sql)}) == 12
    assert sum(r[2] for r in rows(out, sql)) == pytest.approx(5400.0, rel=1e-3)
    assert all(r[2] == pytest.approx(25.0 * round(r[2] / 25.0), rel=1e-3) for r in rows(out, sql))


@pytest.fixture
def postgis_server(tmp_path: Path):
    """A throw-away PostgreSQL with PostGIS (pg_virtualenv) kept running for the test: its PG*
    settings as a dict."""
    import shutil
    import time
    if not shutil.which("pg_virtualenv"):
        pytest.skip("pg_virtualenv (postgresql-common) missing")
    env_file, stop = tmp_path / "pg.env", tmp_path / "pg.stop"
    script = (f"set -e\npsql -qc 'create extension postgis'\nenv | grep '^PG' > {env_file}.part\n"
              f"mv {env_file}.part {env_file}\nwhile [ ! -e {stop} ]; do sleep 0.2; done\n")
    server = subprocess.Popen(pg_virtualenv("sh", "-c", script), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not env_file.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("pg_virtualenv did not start: " + (server.stderr.read() if server.stderr else ""))
        time.sleep(0.2)
    settings = dict(line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    yield settings
    stop.touch()
    server.wait(timeout=60)
    server.stderr.close()


def test_partitioned_run_writes_the_merged_tables_to_a_postgis_connection(tmp_path: Path, monkeypatch,
                                                                         postgis_server) -> None:
    """A QGIS PostgreSQL connection and a schema as the algorithm's PostGIS output: the tables and
    pieces in the schema are those of the merged GeoPackage, which equals one guotu run."""
    import processing
    import psycopg2
    from qgis.core import QgsProviderRegistry
    pg = postgis_server
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    uri = (f"dbname='{pg['PGDATABASE']}' host={pg['PGHOST']} port={pg['PGPORT']} user='{pg['PGUSER']}' "
           f"password='{pg['PGPASSWORD']}'")
    metadata.saveConnection(metadata.createConnection(uri, {"saveUsername": True, "savePassword": True}),
                            "guotu partitioned test")
    make_grid_province(tmp_path / "prov")
    out = tmp_path / "merged.gpkg"
    processing.run("guotu:partitionedrun", {"COMMAND": 1, "PARTITIONS": str(tmp_path / "prov"), "OPTIONS": OPTIONS,
                                            "WORKERS": 2, "OUTPUT": str(out), "POSTGIS": "guotu partitioned test",
                                            "SCHEMA": "result"}, feedback=Recorder())
    con = psycopg2.connect(host=pg["PGHOST"], port=pg["PGPORT"], dbname=pg["PGDATABASE"], user=pg["PGUSER"],
                           password=pg["PGPASSWORD"])
    try:
        cur = con.cursor()
        cur.execute("SELECT zone_id, level, from_class, to_class, status, round(area_ha::numeric, 6)::float "
                    "FROM result.transitions")
        in_postgis = sorted(cur.fetchall())
        cur.execute("SELECT count(*), sum(ST_Area(geom)) / 10000, min(ST_SRID(geom)) FROM result.conversions")
        count, area_ha, srid = cur.fetchone()
        cur.execute("SELECT count(*) FROM pg_tables WHERE tablename LIKE '_guotu_stage_%'")
        stages = cur.fetchone()[0]
    finally:
        con.close()
    sql = "SELECT zone_id, level, from_class, to_class, status, round(area_ha, 6) FROM transitions"
    assert in_postgis == sorted(rows(out, sql)) and in_postgis
    # 6 counties x 10 x 10 pieces covering 6 x 900 ha, in the GeoPackage's CRS
    assert count == 600 and area_ha == pytest.approx(5400.0, rel=1e-9) and srid == 4527
    assert stages == 0
    with pytest.raises(QgsProcessingException, match="schema"):
        processing.run("guotu:partitionedrun", {"COMMAND": 1, "PARTITIONS": str(tmp_path / "prov"),
                                                "OPTIONS": OPTIONS, "WORKERS": 1, "OUTPUT": str(tmp_path / "x.gpkg"),
                                                "POSTGIS": "guotu partitioned test"}, feedback=Recorder())
