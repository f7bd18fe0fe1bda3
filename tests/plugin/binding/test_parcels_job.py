"""guotu_parcels_job_run (guotu_io.h), the parcel check the tool's `parcels check` runs, called
through the I/O library shipped with the plugin: the same tables as the tool, byte for byte
the same meeting CSVs; the finished check handed to the report callback; cancel through the
context's progress callback; errors naming the layer and field; notes through the job's
callback; and nothing left behind by a run that failed."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest
from osgeo import gdal, ogr

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import parcels_fixture as pf  # noqa: E402
from job_tables import status_name, table

TABLES = ("parcel_checks", "parcel_reasons", "project_checks", "village_totals")
MEETING = ("parcel_checks", "project_checks", "village_totals")


@pytest.fixture
def fx(tmp_path: Path) -> dict:
    return {"parcels": pf.write_parcels(tmp_path / "zzdk.gpkg"), "ws": pf.write_workspace(tmp_path / "ws.gpkg"),
            "beaches": pf.write_beaches(tmp_path / "htd.gpkg"), "villages": pf.write_villages(tmp_path / "cun.gpkg")}


def b(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


def make_job(io, lib, fx: dict, out_path: Path, csv_dir: Optional[Path] = None, **fields):
    job = io._ParcelsJob()
    lib.guotu_parcels_job_init(ctypes.byref(job))
    values = dict(parcels=str(fx["parcels"]), parcel_id_field="dkbh", type_field="zzlx", project_field="xmbh",
                  current_field="xzdl", current_system="SANDIAO_WORK", planned_field="ghdl",
                  planned_system="SANDIAO_WORK", workspace=str(fx["ws"]), river_beaches=str(fx["beaches"]),
                  villages=str(fx["villages"]), village_id_field="cdm", village_name_field="cmc", output=str(out_path),
                  csv_dir=str(csv_dir) if csv_dir else None)
    values.update(fields)
    keep = []
    for name, value in values.items():
        keep.append(b(value))
        setattr(job, name, keep[-1])
    return job, keep


def tool(fx: dict, output: Path, csv_dir: Path) -> None:
    res = subprocess.run(
        [str(BUILD_DIR / "core" / "guotu"), "parcels", "check", "--parcels", str(fx["parcels"]), "--parcel-id", "dkbh",
         "--type-field", "zzlx", "--project-field", "xmbh", "--current-field", "xzdl", "--current-system",
         "SANDIAO_WORK", "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", str(fx["ws"]),
         "--river-beaches", str(fx["beaches"]), "--villages", str(fx["villages"]), "--village-id", "cdm",
         "--village-name", "cmc", "-o", str(output), "--csv-dir", str(csv_dir)],
        capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.rglob("*.tmp-*"))


def test_the_job_writes_what_the_tool_writes(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    (tmp_path / "tool").mkdir()
    (tmp_path / "job").mkdir()
    tool(fx, tmp_path / "tool.gpkg", tmp_path / "tool")
    reported = []

    def report(ctx_handle, check, _user) -> None:
        lib.guotu_parcels_count.restype = ctypes.c_size_t
        lib.guotu_parcels_count.argtypes = [ctypes.c_void_p]
        reported.append(lib.guotu_parcels_count(check))

    with native.Context() as ctx:
        lib = ctx.lib
        io_lib = io.io_library(ctx)
        assert io_lib is not None
        job, keep = make_job(io, io_lib, fx, tmp_path / "job.gpkg", tmp_path / "job")
        job.report = io._PARCELS_REPORT_FN(report)
        status = io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    assert reported == [14]  # once, with every parcel of the fixture
    for name in TABLES:
        ours, theirs = table(tmp_path / "job.gpkg", name), table(tmp_path / "tool.gpkg", name)
        assert ours == theirs, name
    assert len(table(tmp_path / "job.gpkg", "parcel_checks")) == 2 + 14  # names, CRS, 14 parcels
    assert len(table(tmp_path / "job.gpkg", "parcel_reasons")) == 2 + 20  # names, CRS, the 20 reasons of the fixture
    for name in MEETING:
        assert (tmp_path / "job" / f"{name}.csv").read_bytes() == (tmp_path / "tool" / f"{name}.csv").read_bytes()
    # the styles and the recorded parameters come with it
    ds = ogr.Open(str(tmp_path / "job.gpkg"))
    styles = ds.ExecuteSQL("SELECT f_table_name FROM layer_styles ORDER BY f_table_name")
    assert sorted(f.GetField(0) for f in styles) == sorted(TABLES)
    ds.ReleaseResultSet(styles)
    assert leftovers(tmp_path) == []


def test_cancel_through_the_context_leaves_nothing(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    (tmp_path / "csv").mkdir()
    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or True)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", tmp_path / "csv")
        status = io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert "cancel" in ctx.last_error()
    assert len(calls) == 1  # the first report stopped it
    assert not (tmp_path / "out.gpkg").exists() and list((tmp_path / "csv").iterdir()) == []
    assert leftovers(tmp_path) == []


def test_a_missing_field_names_the_layer_and_the_field(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", type_field="zzlx_x")
        status = io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        message = ctx.last_error()
    assert "'zzdk'" in message and "'zzlx_x'" in message and "zzdk.gpkg" in message, message
    assert not (tmp_path / "out.gpkg").exists() and leftovers(tmp_path) == []


def test_a_bad_job_is_refused_before_reading(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        for fields, words in (({"output": None}, "output are required"),
                              ({"output": str(tmp_path / "out.shp")}, ".gpkg"),
                              ({"workspace": None, "redline": str(fx["ws"])}, "all three"),
                              ({"village_id_field": None}, "villages need their id field"),
                              ({"xlsx": str(tmp_path / "t.xls")}, ".xlsx")):
            job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", **fields)
            status = io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT", fields
            assert words in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg")
        job.tolerance_m2 = float("nan")
        assert status_name(ctx, io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))) == "GUOTU_ERR_ARGUMENT"
        # an output over an input is refused too
        job, keep = make_job(io, io_lib, fx, fx["villages"])
        assert status_name(ctx, io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))) == "GUOTU_ERR_ARGUMENT"
    assert not (tmp_path / "out.gpkg").exists() and leftovers(tmp_path) == []


def test_a_layer_in_another_crs_is_reprojected_with_a_note(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    lonlat = tmp_path / "cun_4490.gpkg"
    gdal.VectorTranslate(str(lonlat), str(fx["villages"]), dstSRS="EPSG:4490", layerName="cun")
    notes: List[str] = []
    note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", villages=str(lonlat))
        job.note = note
        status = io_lib.guotu_parcels_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    assert len(notes) == 1 and notes[0].startswith("reprojecting the villages layer 'cun' from "), notes
    villages = {row[1][0]: row[1] for row in table(tmp_path / "out.gpkg", "village_totals")[2:]}
    assert villages["V1"][2] == 7  # the same seven parcels fall in 东村 after the round trip
