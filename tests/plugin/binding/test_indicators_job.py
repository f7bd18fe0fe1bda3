"""guotu_indicators_job_run (guotu_io.h), the binding plan indicators the tool's `indicators`
runs, called through the I/O library shipped with the plugin: the tool's tables, CSV and
workbook (and the fixture's hand-computed indicators) from the admin layer's targets and from
a targets CSV in mu; the finished comparison handed to the report callback; every note to the
note callback and the notes table; cancel through the context's progress callback, at the
start and while the change overlay runs, leaving nothing; errors naming the layer, feature and
field; refused jobs."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest
from osgeo import ogr

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
from indicators_fixture import (COUNTS, FIELDS, KEYS, MEASURED, RESULTS, TARGETS, _write, box,  # noqa: E402
                                make_fixture, target_options)
from job_tables import records, status_name, table

TABLES = ("indicator_units", "indicators", "notes")
GUOTU = BUILD_DIR / "core" / "guotu"


@pytest.fixture
def fx(tmp_path: Path) -> dict:
    (tmp_path / "in").mkdir()
    return make_fixture(tmp_path / "in")


def tool(*args: str) -> subprocess.CompletedProcess:
    res = subprocess.run([str(GUOTU), "indicators", *args], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res


def tool_args(fx: dict, out: Path, *extra: str) -> List[str]:
    return ["--admin", str(fx["admin"]), "--landuse", str(fx["landuse"]), "--before", str(fx["before"]),
            "--farmland", str(fx["farmland"]), "-o", str(out), *extra]


def make_job(io, lib, fx: dict, out: Path, target_fields=FIELDS, **fields):
    job = io._IndicatorsJob()
    lib.guotu_indicators_job_init(ctypes.byref(job))
    values = dict(admin=str(fx["admin"]), landuse=str(fx["landuse"]), before=str(fx["before"]),
                  farmland=str(fx["farmland"]), output=str(out))
    values.update(fields)
    keep = []
    for name, value in values.items():
        if isinstance(value, (int, float)):
            setattr(job, name, value)
            continue
        keep.append(None if value is None else value.encode("utf-8"))
        setattr(job, name, keep[-1])
    for k, name in enumerate(target_fields):
        keep.append(None if name is None else name.encode("utf-8"))
        job.target[k] = keep[-1]
    return job, keep


def rows(path: Path, name: str) -> List[dict]:
    return records(path, name)


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.rglob("*.tmp-*"))


def run_job(ctx, io_lib, job) -> int:
    return io_lib.guotu_indicators_job_run(ctx.handle, ctypes.byref(job))


def test_the_job_writes_what_the_tool_writes(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = tool(*tool_args(fx, tmp_path / "tool.gpkg", *target_options(), "--csv", str(tmp_path / "tool.csv"),
                          "--xlsx", str(tmp_path / "tool.xlsx")))
    reported, notes = [], []

    with native.Context() as ctx:
        lib = ctx.lib
        lib.guotu_indicators_row_count.restype = ctypes.c_size_t
        lib.guotu_indicators_row_count.argtypes = [ctypes.c_void_p]
        lib.guotu_indicators_unit_count.restype = ctypes.c_size_t
        lib.guotu_indicators_unit_count.argtypes = [ctypes.c_void_p]

        def report(_ctx, ind, _user) -> None:
            reported.append((lib.guotu_indicators_unit_count(ind), lib.guotu_indicators_row_count(ind)))

        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "job.gpkg", csv=str(tmp_path / "job.csv"),
                             xlsx=str(tmp_path / "job.xlsx"))
        job.report = io._INDICATORS_REPORT_FN(report)
        job.note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        assert run_job(ctx, io_lib, job) == 0, ctx.last_error()
    assert reported == [(2, 16)]  # two units × eight indicators, once
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert (tmp_path / "job.csv").read_bytes() == (tmp_path / "tool.csv").read_bytes()
    assert table(tmp_path / "job.xlsx", "约束性指标") == table(tmp_path / "tool.xlsx", "约束性指标")
    # the fixture's hand-computed indicators
    got = rows(tmp_path / "job.gpkg", "indicators")
    assert len(got) == 16
    for row in got:
        code, k = row["admin_code"], KEYS.index(row["indicator"])
        assert row["result"] == RESULTS[code][k], row
        assert row["measured"] == pytest.approx(MEASURED[code][k], rel=1e-6, abs=1e-9), row
        assert row["target"] == TARGETS[code][k]
    units = rows(tmp_path / "job.gpkg", "indicator_units")
    assert [(u["admin_code"], u["failed"], u["passed"], u["skipped"]) for u in units] == \
        [(c, *COUNTS[c]) for c in ("130101", "130102")]
    # every note went to the callback, in the order of the notes table, as the tool printed them
    assert notes == [n["note"] for n in rows(tmp_path / "job.gpkg", "notes")]
    assert any("net of 田坎" in n and "KCXS" in n for n in notes) and any("gross of 田坎" in n for n in notes)
    assert [line for line in res.stderr.splitlines() if line.startswith("guotu: note: ")] == \
        ["guotu: note: " + n for n in notes]
    assert leftovers(tmp_path) == []


def test_targets_csv_in_mu_with_tolerance_as_the_tool(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    # A's cultivated land target 552 mu = 36.8 ha: 36 ha measured fails exactly, passes with 5 %;
    # B has no row (skipped, with a note) and a row names an unknown unit (a note).
    csv = tmp_path / "targets.csv"
    csv.write_text("DM,GD,LD\n130101,552,525\n999999,1,1\n", encoding="utf-8")
    res = tool(*tool_args(fx, tmp_path / "tool.gpkg", "--targets", str(csv), "--targets-code", "DM", "--target",
                          "cultivated_land=GD", "--target", "forest_land=LD", "--target-unit", "mu", "--tolerance",
                          "0.05", "--csv", str(tmp_path / "tool.csv"), "--csv-headers", "names"))
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        targets = ["GD", None, None, None, None, None, "LD", None]
        job, keep = make_job(io, io_lib, fx, tmp_path / "job.gpkg", target_fields=targets, targets=str(csv),
                             targets_code_field="DM", targets_in_mu=1, tolerance=0.05, csv=str(tmp_path / "job.csv"),
                             field_name_headers=1)
        assert run_job(ctx, io_lib, job) == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert (tmp_path / "job.csv").read_bytes() == (tmp_path / "tool.csv").read_bytes()
    assert (tmp_path / "job.csv").read_text(encoding="utf-8-sig").startswith("admin_code,admin_name,indicator,")
    a = {r["indicator"]: r for r in rows(tmp_path / "job.gpkg", "indicators") if r["admin_code"] == "130101"}
    assert a["cultivated_land"]["target"] == pytest.approx(36.8)
    assert a["cultivated_land"]["result"] == "pass"  # 36 >= 36.8 x 0.95 = 34.96
    assert a["forest_land"]["target"] == pytest.approx(35) and a["forest_land"]["result"] == "fail"  # 30 < 33.25
    notes = [n["note"] for n in rows(tmp_path / "job.gpkg", "notes")]
    assert "1 of 2 admin units have no row in the targets table: their indicators are skipped" in notes
    assert "1 rows of the targets table name no admin unit (the first: '999999')" in notes
    assert "Binding indicators of 2 admin units" in res.stdout


CHANGE = "measuring the change between the survey years"


@pytest.mark.parametrize("stop_at", ["reading the admin units", CHANGE, "inside the overlay"])
def test_cancel_through_the_context_leaves_nothing(guotu, fx: dict, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []

    def progress(_fraction: float, message: str) -> bool:
        calls.append(message)
        if stop_at == "inside the overlay":  # the first report of the conversion job itself
            return CHANGE in calls and message != CHANGE
        return message == stop_at

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(progress)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", csv=str(tmp_path / "out.csv"),
                             xlsx=str(tmp_path / "out.xlsx"))
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        if stop_at == "inside the overlay":
            assert ctx.last_error().startswith("the change from "), ctx.last_error()
        else:
            assert ctx.last_error() == f"cancelled while {stop_at}"
    if stop_at != calls[0]:  # the land use and the farmland were tallied (their progress came through)
        assert calls.index("measuring the land use") < calls.index("measuring the permanent farmland") - 1
        assert calls.index("measuring the permanent farmland") < calls.index(CHANGE) - 1
    assert len(calls) == (1 if stop_at == calls[0] else calls.index(CHANGE) + 1 + (stop_at != CHANGE))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no table, no temporary, no overlay
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == sorted(Path(p).name for p in fx.values())
    assert leftovers(tmp_path) == []


def test_errors_name_the_layer_feature_and_field(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    bad = _write(tmp_path / "in" / "xzq_bad.gpkg", "XZQ", [("XZQDM", ogr.OFTString), ("GD", ogr.OFTString)],
                 [({"XZQDM": "130101", "GD": "38"}, box(0, 0, 1000, 1000)),
                  ({"XZQDM": "130102", "GD": "三十"}, box(1000, 0, 2000, 1000))])
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", target_fields=["GD"], admin=str(bad))
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_DATA"
        assert ctx.last_error() == "admin layer 'XZQ', feature 2, field 'GD': the target '三十' is not a number >= 0"
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", target_fields=["NOPE"])
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT"
        assert "layer 'XZQ'" in ctx.last_error() and "no field 'NOPE'" in ctx.last_error()
        assert ctx.last_error().endswith("(the target of cultivated_land)")
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", class_field="DLBM_X")
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_IO"  # as the tally job says it
        assert "DLTB" in ctx.last_error() and "DLBM_X" in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", admin_name_field="MC", admin_name_required=1)
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT"
        assert "no field 'MC'" in ctx.last_error(), ctx.last_error()
    assert not (tmp_path / "out.gpkg").exists() and leftovers(tmp_path) == []


def test_an_admin_layer_without_names_is_named_by_its_codes_with_a_note(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    notes = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", admin_name_field="MC", before=None,
                             farmland=None)
        job.note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        assert run_job(ctx, io_lib, job) == 0, ctx.last_error()
    assert notes[0] == "the admin units have no field 'MC': they are named by their codes"
    got = rows(tmp_path / "out.gpkg", "indicators")
    assert {r["admin_name"] for r in got} == {"130101", "130102"}
    by = {(r["admin_code"], r["indicator"]): r for r in got}
    assert by["130101", "permanent_farmland"]["result"] == "not_measured"
    assert by["130101", "forest_land_taken"]["result"] == "no_target"
    assert by["130102", "forest_land_taken"]["result"] == "not_measured"
    assert by["130101", "cultivated_land"]["measured"] == pytest.approx(36, rel=1e-6)


def test_bad_jobs_are_refused(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        for fields, words in (({"output": None}, "output are required"),
                              ({"landuse": None}, "output are required"),
                              ({"targets": None, "_no_targets": True}, "no target"),
                              ({"output": str(tmp_path / "out.sqlite")}, ".gpkg"),
                              ({"csv": str(tmp_path / "out.txt")}, ".csv"),
                              ({"xlsx": str(tmp_path / "out.xls")}, ".xlsx"),
                              ({"tolerance": 1.0}, "tolerance"),
                              ({"admin_code_field": ""}, "field name"),
                              ({"class_field": None}, "field name"),
                              ({"targets": str(fx["admin"]), "targets_code_field": None}, "admin code column"),
                              ({"output": str(fx["landuse"])}, "over the input")):
            no_targets = fields.pop("_no_targets", False)
            job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", target_fields=[] if no_targets else FIELDS,
                                 **fields)
            assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_ARGUMENT", fields
            assert words in ctx.last_error(), ctx.last_error()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"] and leftovers(tmp_path) == []


def test_a_meeting_table_that_cannot_be_written_leaves_no_geopackage(guotu, fx: dict, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", csv=str(tmp_path / "no" / "such" / "out.csv"))
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_IO"
        assert ctx.last_error().startswith(f"cannot write '{tmp_path / 'no' / 'such' / 'out.csv'}'"), ctx.last_error()
        job, keep = make_job(io, io_lib, fx, tmp_path / "out.gpkg", csv=str(tmp_path / "out.csv"),
                             xlsx=str(tmp_path / "no" / "out.xlsx"))
        assert status_name(ctx, run_job(ctx, io_lib, job)) == "GUOTU_ERR_IO"
        assert "out.xlsx" in ctx.last_error(), ctx.last_error()
    # The GeoPackage lands last: neither run left it (the CSV written before the workbook failed stays).
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.csv"] and leftovers(tmp_path) == []
