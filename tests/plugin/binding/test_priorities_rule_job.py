"""guotu_priorities_rule_job_run (guotu_io.h), the ruling objective of each zone the tool's
`priorities rule` runs, called through the I/O library shipped with the plugin: the tool's
three tables from the fixture of tests/priorities_fixture.py, its hand-computed zone sums read
from the finished run in the report callback, the note on the deduction field, cancel through
the context's progress callback leaving nothing, errors naming the layer, feature and field,
refused jobs."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest
from osgeo import ogr

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import priorities_fixture as fx  # noqa: E402
from job_tables import status_name, table

TABLES = ("controlled_land", "zone_summary", "admin_summary")
GUOTU = BUILD_DIR / "core" / "guotu"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("rule")
    return {"zones": fx.write_zones(folder / "hx.gpkg"), "landuse": fx.write_landuse(folder / "dltb.gpkg"),
            "admin": fx.write_admin(folder / "xzq.gpkg"), "folder": folder}


def tool(inputs: dict, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), "priorities", "rule", "--zones", str(inputs["zones"]), "--type-field", "GNLX",
                           "--landuse", str(inputs["landuse"]), "--admin", str(inputs["admin"]), "--area", "planar",
                           "-o", str(out), *extra], capture_output=True, text=True, timeout=300)


def make_job(io, lib, inputs: dict, out: Path, **changes: Optional[str]):
    job = io._PrioritiesRuleJob()
    lib.guotu_priorities_rule_job_init(ctypes.byref(job))
    values = {"zones": str(inputs["zones"]), "type_field": "GNLX", "landuse": str(inputs["landuse"]),
              "admin": str(inputs["admin"]), "output": str(out)}
    values.update(changes)
    keep = []
    for name, value in values.items():
        keep.append(None if value is None else value.encode("utf-8"))
        setattr(job, name, keep[-1])
    job.area_method = 1  # GUOTU_AREA_PLANAR, as --area planar
    return job, keep


def test_the_job_writes_what_the_tool_writes(guotu, inputs: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native
    from guotu.binding import priorities_native as pn

    res = tool(inputs, tmp_path / "tool.gpkg")
    assert res.returncode == 0, res.stderr
    zones, notes = {}, []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        lib = pn.declare(ctx.lib)

        def report(ctx_handle, run, _user) -> None:
            for i in range(lib.guotu_rule_run_zone_count(run)):
                s = pn._RuleSummary()
                assert lib.guotu_rule_run_zone(ctx_handle, run, i, ctypes.byref(s)) == 0
                zones[s.fid] = (s.controlled_ha, s.net_ha, s.pieces, s.objective.decode("utf-8"))

        on_report = io._RULE_REPORT_FN(report)
        on_note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        job, keep = make_job(io, io_lib, inputs, tmp_path / "job.gpkg")
        job.report, job.note = on_report, on_note
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # The fixture's hand sums per zone (controlled ha, net of 田坎, pieces); zone 3's type is not
    # in the table: nothing flagged, as the tool warns.
    assert set(zones) == set(fx.ZONE_EXPECTED)
    for fid, (ha, net, n) in fx.ZONE_EXPECTED.items():
        assert zones[fid][:3] == (pytest.approx(ha, abs=1e-9), pytest.approx(net, abs=1e-9), n)
    assert zones[1][3] == "水源涵养" and zones[3][3] == ""
    assert "zone 3 has type '其他', which the rule table does not list" in res.stderr
    assert "Ruling objective: 7 pieces of controlled land in 3 zones, 25.0000 ha (23.0000 ha net" in res.stdout
    # The land use has KCXS: taken as the deduction coefficient, said once, as the tool prints it.
    assert notes == ["cultivated land net of 田坎: deduction coefficient from the land use's field KCXS "
                     "(--deduction-field none for gross areas)"]
    assert f"guotu: note: {notes[0]}" in res.stderr


def test_gross_areas_and_no_admin_as_the_tool(guotu, inputs: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = tool(inputs, tmp_path / "tool.gpkg", "--deduction-field", "none", "--admin-name", "none")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, inputs, tmp_path / "job.gpkg", deduction_field="none",
                             admin_name_field="none")
        assert io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job)) == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    pieces = table(tmp_path / "job.gpkg", "controlled_land")
    fields = pieces[0]
    gross = [dict(zip(fields, row[1])) for row in pieces[2:]]
    # Gross: net equals the area everywhere (the farmland piece has 9 ha net with KCXS 0.1).
    assert all(p["net_ha"] == pytest.approx(p["area_ha"], abs=1e-12) for p in gross)
    names = {row[1][2] for row in table(tmp_path / "job.gpkg", "admin_summary")[2:]}
    assert names <= {None, ""}


@pytest.mark.parametrize("stop_at", ["reading the zones", "writing the controlled land"])
def test_cancel_through_the_context_leaves_nothing(guotu, inputs: dict, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == stop_at)
        job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg")
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert ctx.last_error() == f"cancelled while {stop_at}"
    assert calls[-1] == stop_at and calls.count(stop_at) == 1
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_layer_and_field_and_bad_jobs_are_refused(guotu, inputs: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    folder = inputs["folder"]
    numeric = fx.write(folder / "num.gpkg", "DLTB", [("DLBM", ogr.OFTInteger)], [({"DLBM": 101}, fx.box(0, 0, 9, 9))])
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg", landuse=str(numeric))
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_DATA"
        assert ctx.last_error().startswith("land-use layer 'DLTB': the class field 'DLBM' is numeric")
        res = tool(dict(inputs, landuse=numeric), tmp_path / "tool.gpkg")
        assert res.returncode == 1 and res.stderr == f"guotu priorities rule: error: {ctx.last_error()}\n"
        job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg", type_field="TYP")
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        assert "'TYP'" in ctx.last_error() and "hx.gpkg" in ctx.last_error()
        job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg", rules="no_such_preset")
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_IO" and "no_such_preset" in ctx.last_error()
        for changes, words in (({"zones": None}, "the zones, their type field and the land use are required"),
                               ({"landuse": None}, "the land use are required"),
                               ({"output": str(tmp_path / "out.sqlite")}, "must be a .gpkg file"),
                               ({"output": str(inputs["admin"])}, "xzq.gpkg")):
            job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg", **changes)
            status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and words in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, inputs, tmp_path / "out.gpkg")
        job.area_method = 7
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "area method" in ctx.last_error()
        status = io_lib.guotu_priorities_rule_job_run(ctx.handle, None)
        assert ctx.last_error() == "guotu_priorities_rule_job_run: no job"
    assert list(tmp_path.iterdir()) == []
