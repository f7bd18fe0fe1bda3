"""guotu_lines_workspace_job_run (guotu_io.h), the workspace the tool's `lines init` writes,
called through the I/O library shipped with the plugin: the same GeoPackage as the tool (every
table, the styles included, times masked) in a metric CRS and, asked for in degrees, in the
Gauss-Krüger zone of the data given (the tool's note through the job's callback); cancel
through the context's progress callback leaving nothing; errors naming the file; bad jobs
refused before anything is written."""

import ctypes
import re
import sqlite3
import subprocess
from pathlib import Path
from typing import List, Optional

import pytest
from osgeo import ogr, osr

from conftest import BUILD_DIR
from job_tables import status_name

# resources/presets/lines/workspace_schema.csv, layers in file order
LAYERS = "ecological_redline permanent_farmland urban_boundary eco_units admin_units exceptions"


def b(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


def tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BUILD_DIR / "core" / "guotu"), "lines", "init", *args], capture_output=True,
                          text=True, timeout=120)


def make_job(io, lib, out: Path, crs: Optional[str], zone_from: Optional[Path] = None):
    job = io._LinesWorkspaceJob()
    lib.guotu_lines_workspace_job_init(ctypes.byref(job))
    keep = [b(str(out)), b(crs), b(str(zone_from) if zone_from else None)]
    job.output, job.crs, job.zone_from = keep
    return job, keep


def run_job(io, lib, ctx, job):
    info = io._LinesWorkspaceJobInfo()
    status = lib.guotu_lines_workspace_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


def dump(path: Path) -> List[str]:
    """Every statement of the GeoPackage (schema, rows, styles), its times masked."""
    con = sqlite3.connect(str(path))
    try:
        return [re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", "<TIME>", s) for s in con.iterdump()]
    finally:
        con.close()


def degrees_box(path: Path, x0: float, y0: float, x1: float, y1: float) -> Path:
    """One polygon in CGCS2000 (EPSG:4490, degrees)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("admin", srs, ogr.wkbPolygon)
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
    layer.CreateFeature(f)
    ds = None
    return path


@pytest.fixture
def io_lib(guotu):
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        lib = io.io_library(ctx)
        assert lib is not None, "libguotu_io missing beside libguotu"
        yield io, io.declare_lines_workspace_job(lib), ctx


def test_the_job_writes_what_the_tool_writes(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    res = tool(str(tmp_path / "tool.gpkg"), "--crs", "EPSG:4527")
    assert res.returncode == 0, res.stderr
    assert res.stdout == f"Three-lines workspace {tmp_path / 'tool.gpkg'} (EPSG:4527): {LAYERS}\n"
    notes = []
    job, keep = make_job(io, lib, tmp_path / "job.gpkg", "EPSG:4527")
    job.note = io._NOTE_FN(lambda message, _user: notes.append(message.decode()))
    status, info = run_job(io, lib, ctx, job)
    assert status == 0, ctx.last_error()
    assert (info.zone_crs, info.layers, info.layer_names.decode()) == (b"", 6, LAYERS)
    assert notes == []  # a metric CRS is kept as given
    assert dump(tmp_path / "job.gpkg") == dump(tmp_path / "tool.gpkg")
    ds = ogr.Open(str(tmp_path / "job.gpkg"))
    assert ds.GetLayerByName("admin_units").GetSpatialRef().GetAuthorityCode(None) == "4527"
    assert ds.GetLayerByName("exceptions").GetGeomType() == ogr.wkbNone
    assert ds.GetLayerByName("layer_styles").GetFeatureCount() == 5  # the five drawn layers


def test_degrees_with_the_data_take_its_zone_as_the_tool(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    # Centre 117.1°E: CM = 3*round(117.1/3) = 117°E, EPSG:4534 + (117 - 75)/3 = EPSG:4548.
    data = degrees_box(tmp_path / "county.gpkg", 116.9, 39.0, 117.3, 39.2)
    res = tool(str(tmp_path / "tool.gpkg"), "--crs", "EPSG:4490", "--zone-from", str(data))
    assert res.returncode == 0, res.stderr
    notes = []
    job, keep = make_job(io, lib, tmp_path / "job.gpkg", "EPSG:4490", data)
    job.note = io._NOTE_FN(lambda message, _user: notes.append(message.decode()))
    status, info = run_job(io, lib, ctx, job)
    assert status == 0, ctx.last_error()
    assert notes == [f"the workspace is made in EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the "
                     f"Gauss-Krüger zone of the centre of '{data}', instead of EPSG:4490 (degrees)"]
    assert res.stderr == f"guotu lines init: note: {notes[0]}\n"
    assert info.zone_crs == b"EPSG:4548" and info.layers == 6
    assert res.stdout == f"Three-lines workspace {tmp_path / 'tool.gpkg'} (EPSG:4548): {LAYERS}\n"
    assert dump(tmp_path / "job.gpkg") == dump(tmp_path / "tool.gpkg")
    ds = ogr.Open(str(tmp_path / "job.gpkg"))
    assert ds.GetLayerByName("ecological_redline").GetSpatialRef().GetAuthorityCode(None) == "4548"


@pytest.mark.parametrize("stop_at", [1, 4, 7])
def test_cancel_through_the_context_leaves_nothing(io_lib, tmp_path: Path, stop_at: int) -> None:
    io, lib, ctx = io_lib
    calls = []
    ctx.set_progress(lambda fraction, message: calls.append((round(fraction, 4), message)) or len(calls) == stop_at)
    out = tmp_path / "ws.gpkg"
    job, keep = make_job(io, lib, out, "EPSG:4527")
    status, info = run_job(io, lib, ctx, job)
    assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
    assert ctx.last_error() == f"cancelled while writing the workspace '{out}'"
    # Before each of the 6 layers (k/7) and once before the commit (6/7).
    assert calls == [(round(k / 7, 4), "writing the workspace") for k in range(stop_at)]
    assert info.layers == 0 and info.layer_names == b""  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_file_and_bad_jobs_are_refused(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    data = tmp_path / "data"
    data.mkdir()
    out = tmp_path / "out" / "ws.gpkg"
    out.parent.mkdir()
    drawn = tmp_path / "out" / "drawn.gpkg"
    drawn.write_bytes(b"drawing work")
    cases = [
        ((drawn, "EPSG:4527", None), "GUOTU_ERR_ARGUMENT",
         f"'{drawn}' exists: a workspace holds drawing work, so it is never replaced; choose another name"),
        ((out, "EPSG:999999", None), "GUOTU_ERR_CRS", "'EPSG:999999' is not a CRS GDAL knows (try EPSG:4527)"),
        ((out, "EPSG:4490", None), "GUOTU_ERR_CRS", "a three-lines workspace needs metres"),
        ((out, "EPSG:4490", data / "nope.gpkg"), "GUOTU_ERR_IO",
         f"cannot open '{data / 'nope.gpkg'}' to find the extent of its data"),
        ((out, "EPSG:4490", degrees_box(data / "paris.gpkg", 2.0, 48.0, 2.2, 48.1)), "GUOTU_ERR_ARGUMENT",
         f"--zone-from '{data / 'paris.gpkg'}': the data's extent"),
        ((tmp_path / "out" / "ws.sqlite", "EPSG:4527", None), "GUOTU_ERR_ARGUMENT",
         "guotu_lines_workspace_job_run: the workspace must be a .gpkg file"),
        ((out, None, None), "GUOTU_ERR_ARGUMENT", "guotu_lines_workspace_job_run: no CRS"),
        ((out, "", None), "GUOTU_ERR_ARGUMENT", "guotu_lines_workspace_job_run: no CRS"),
    ]
    for (path, crs, zone_from), status_expected, message in cases:
        job, keep = make_job(io, lib, path, crs, zone_from)
        status, info = run_job(io, lib, ctx, job)
        assert status_name(ctx, status) == status_expected, (crs, zone_from, ctx.last_error())
        assert ctx.last_error().startswith(message), ctx.last_error()
    # Without zone_from a geographic CRS is refused with the way out named.
    job, keep = make_job(io, lib, out, "EPSG:4490")
    run_job(io, lib, ctx, job)
    assert ctx.last_error().endswith("or give --zone-from FILE (the data the workspace is for) to make it in the "
                                     "Gauss-Krüger zone of that data's centre")
    job, keep = make_job(io, lib, out, "EPSG:4490", data / "paris.gpkg")
    run_job(io, lib, ctx, job)
    assert "outside China's 3-degree Gauss-Krüger zones" in ctx.last_error()
    status = lib.guotu_lines_workspace_job_run(ctx.handle, None, None)
    assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT"
    assert ctx.last_error() == "guotu_lines_workspace_job_run: no job"
    assert lib.guotu_lines_workspace_job_run(None, None, None) == status  # no context: refused, nothing to say
    assert drawn.read_bytes() == b"drawing work"
    assert sorted(p.name for p in out.parent.iterdir()) == ["drawn.gpkg"]
