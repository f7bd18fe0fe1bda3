"""guotu_ledger_job_run (guotu_io.h), the unit ledger the tool's `ledger` runs, called through
the I/O library shipped with the plugin: the tool's tables (and the fixture's hand-computed
balance sheet) from one layer and from two survey years; the finished ledger handed to the
report callback; cancel through the context's progress callback; errors naming the layer and
field; refused jobs; nothing left behind by a run that failed."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import ledger_fixture as lf  # noqa: E402
from job_tables import status_name, table

TABLES = ("unit_ledger", "unit_grades", "certificates", "project_certificates")
FIELDS = dict(parcel_id_field="BSM", current_field="DLBM", current_system="SANDIAO_WORK", planned_field="GHDL",
              planned_system="SANDIAO_WORK", kcxs_field="KCXS", planned_kcxs_field="GHKCXS", grade_field="GDDB",
              planned_grade_field="GHGDDB", farmland_field="YJJBNT", planned_farmland_field="GHJBNT",
              project_field="XMBH", type_field="ZZLX")
TOOL_FIELDS = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
               "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS",
               "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB", "--planned-grade-field", "GHGDDB",
               "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH",
               "--type-field", "ZZLX", "--area", "planar"]


@pytest.fixture
def fx(tmp_path: Path) -> dict:
    return {"parcels": lf.write_parcels(tmp_path / "dltb.gpkg"), "redline": lf.write_redline(tmp_path / "hx.gpkg"),
            "beaches": lf.write_beaches(tmp_path / "htd.gpkg"), "units": lf.write_units(tmp_path / "dy.gpkg")}


def make_job(io, lib, fx: dict, out_path: Path, **fields):
    job = io._LedgerJob()
    lib.guotu_ledger_job_init(ctypes.byref(job))
    values = dict(FIELDS, parcels=str(fx["parcels"]), redline=str(fx["redline"]), river_beaches=str(fx["beaches"]),
                  units=str(fx["units"]), unit_id_field="DYBH", unit_name_field="DYMC", output=str(out_path))
    values.update(fields)
    keep = []
    for name, value in values.items():
        keep.append(None if value is None else value.encode("utf-8"))
        setattr(job, name, keep[-1])
    job.area_method = 1  # GUOTU_AREA_PLANAR, as the tool's --area planar
    return job, keep


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.rglob("*.tmp-*"))


def run_job(ctx, io_lib, job) -> int:
    return io_lib.guotu_ledger_job_run(ctx.handle, ctypes.byref(job))


def test_the_job_writes_what_the_tool_writes(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--parcels", str(fx["parcels"]), *TOOL_FIELDS,
                          "--redline", str(fx["redline"]), "--river-beaches", str(fx["beaches"]), "--units",
                          str(fx["units"]), "--unit-id", "DYBH", "--unit-name", "DYMC", "-o",
                          str(tmp_path / "tool.gpkg"), "--xlsx", str(tmp_path / "tool.xlsx")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    reported = []

    def report(_ctx, ledger, _user) -> None:
        lib.guotu_ledger_unit_count.restype = ctypes.c_size_t
        lib.guotu_ledger_unit_count.argtypes = [ctypes.c_void_p]
        reported.append(lib.guotu_ledger_unit_count(ledger))

    with native.Context() as ctx:
        lib = ctx.lib
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "job.gpkg", xlsx=str(tmp_path / "job.xlsx"))
        job.report = io._LEDGER_REPORT_FN(report)
        assert run_job(ctx, io_lib, job) == 0, ctx.last_error()
    assert reported == [2]  # U1 and U2, once
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
        assert table(tmp_path / "job.xlsx", name) == table(tmp_path / "tool.xlsx", name), name
    units = {row[1][0]: dict(zip(table(tmp_path / "job.gpkg", "unit_ledger")[0], row[1]))
             for row in table(tmp_path / "job.gpkg", "unit_ledger")[2:]}
    for uid, expected in lf.EXPECTED.items():  # the fixture's hand-computed sheet
        for key, value in expected.items():
            if isinstance(value, str):
                assert units[uid][key] == value, (uid, key)
            else:
                assert units[uid][key] == pytest.approx(value, abs=1e-9), (uid, key)
    assert leftovers(tmp_path) == []


def test_two_survey_years_as_the_tool(guotu, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    current, planned = lf.write_years(tmp_path / "2019.gpkg", tmp_path / "2020.gpkg")
    year_fields = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
                   "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--area", "planar"]
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "ledger", "--current", str(current), "--planned",
                          str(planned), *year_fields, "-o", str(tmp_path / "tool.gpkg")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job = io._LedgerJob()
        io_lib.guotu_ledger_job_init(ctypes.byref(job))
        keep = [str(p).encode() for p in (current, planned, tmp_path / "job.gpkg")]
        job.current, job.planned, job.output = keep
        job.parcel_id_field, job.current_field, job.planned_field = b"BSM", b"DLBM", b"GHDL"
        job.current_system = job.planned_system = b"SANDIAO_WORK"
        job.area_method = 1
        assert run_job(ctx, io_lib, job) == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert len(table(tmp_path / "job.gpkg", "unit_ledger")) > 2


def test_cancel_through_the_context_leaves_nothing(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or True)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", xlsx=str(tmp_path / "out.xlsx"))
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_CANCELLED", ctx.last_error()
    assert len(calls) == 1
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "out.xlsx").exists()
    assert leftovers(tmp_path) == []


def test_errors_name_the_layer_and_field_and_bad_jobs_are_refused(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", grade_field="GDDB_X")
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_IO"
        assert "GDDB_X" in ctx.last_error() and "dltb" in ctx.last_error(), ctx.last_error()
        for fields, words in (({"output": None}, "output are required"),
                              ({"current": str(fx["parcels"])}, "not both"),
                              ({"planned_farmland_field": None}, "go together"),
                              ({"unit_field": "DLBM"}, "not both"),
                              ({"output": str(tmp_path / "out.sqlite")}, ".gpkg")):
            job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", **fields)
            assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT", fields
            assert words in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg")
        job.unit_prefix = 65
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT"
        job, keep = make_job(io, io_lib, fx, fx["units"])  # an output over an input
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT"
    assert not (tmp_path / "out.gpkg").exists() and leftovers(tmp_path) == []
