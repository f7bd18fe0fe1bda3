"""guotu_lines_job_run (guotu_io.h), the three-lines check the tool's `lines check` runs,
called through the I/O library shipped with the plugin: the same tables and statistics CSV as
the tool, byte for byte; the counts of the finished check handed to the report callback; the
notes of the table through the job's callback; cancel through the context's progress callback
leaving nothing; a bad job refused before anything is read."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest
from osgeo import ogr

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
import test_cli_lines_check as lc  # noqa: E402  (the workspace of every rule once, hand-computed)
from job_tables import status_name, table

TABLES = ("issues", "issue_points", "line_stats", "notes")


def b(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


def make_job(io, lib, ws: Path, landuse: Path, out: Path, stats_csv: Optional[Path] = None, **fields):
    job = io._LinesJob()
    lib.guotu_lines_job_init(ctypes.byref(job))
    keep = []
    values = dict(workspace=str(ws), landuse=str(landuse), class_field="dlbm", system="SANDIAO_WORK",
                  output=str(out), stats_csv=str(stats_csv) if stats_csv else None)
    values.update(fields)
    for name, value in values.items():
        keep.append(b(value))
        setattr(job, name, keep[-1])
    job.options.area_method = 1  # planar, as the tool's --area planar
    return job, keep


def tool(ws: Path, landuse: Path, out: Path, stats_csv: Path) -> subprocess.CompletedProcess:
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "lines", "check", "--workspace", str(ws), "--area",
                          "planar", "--landuse", str(landuse), "--class-field", "dlbm", "--system", "SANDIAO_WORK",
                          "-o", str(out), "--stats-csv", str(stats_csv)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return res


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.rglob("*.tmp-*"))


@pytest.fixture
def inputs(tmp_path: Path):
    (tmp_path / "in").mkdir()
    return lc.workspace(tmp_path / "in"), lc.cultivated(tmp_path / "in")


def test_the_job_writes_what_the_tool_writes(guotu, inputs, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    ws, landuse = inputs
    res = tool(ws, landuse, tmp_path / "tool.gpkg", tmp_path / "tool.csv")
    reported, notes = [], []

    def report(ctx_handle, lines, summary, _user) -> None:
        s = summary.contents
        lib.guotu_lines_stats_count.restype = ctypes.c_size_t
        lib.guotu_lines_stats_count.argtypes = [ctypes.c_void_p]
        reported.append({"issues": [list(row) for row in s.issues], "accepted": s.accepted, "notes": s.notes,
                         "skipped": s.skipped, "units": s.units, "stats": lib.guotu_lines_stats_count(lines),
                         "layers": [bytes(name.value).decode() for name in s.layer_names]})

    def table_note(rule, zh, en, hint, _user) -> None:
        notes.append((rule.decode(), zh.decode(), en.decode(), hint.decode() if hint else None))

    with native.Context() as ctx:
        lib = ctx.lib
        io_lib = io.io_library(ctx)
        assert io_lib is not None
        job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "job.gpkg", tmp_path / "job.csv")
        job.report = io._LINES_REPORT_FN(report)
        job.table_note = io._LINES_NOTE_FN(table_note)
        status = io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert (tmp_path / "job.csv").read_bytes() == (tmp_path / "tool.csv").read_bytes()
    # the fixture's hand count: every rule once but L03 (two overlaps, one minor) and L09 (none)
    assert len(reported) == 1
    r = reported[0]
    expected = [[0, 0, 0]] + [[1, 0, 0]] * 14
    expected[3], expected[9] = [2, 0, 1], [0, 0, 0]
    for warning in (7, 8, 10, 14):  # slivers, tiny patches, across admin boundaries, farmland share
        expected[warning] = [0, 1, 0]
    assert r["issues"] == expected and sum(map(sum, r["issues"])) == 15 and "15 issues" in res.stdout
    assert (r["accepted"], r["skipped"], r["units"], r["stats"]) == (0, 0, 0, 2)
    assert r["layers"] == ["ecological_redline", "permanent_farmland", "urban_boundary", "admin_units"]
    # the notes as the table holds them, each once, with the tool's hint where it prints one
    rows = [row[1] for row in table(tmp_path / "job.gpkg", "notes")[2:]]
    assert [(rule, zh, en) for rule, zh, en, _hint in notes] == [tuple(row) for row in rows]
    # 乙区 (110102) has no targets and no cultivated land: L11-L14 undecided there
    assert r["notes"] == len(notes) == 4
    assert notes[0] == ("L11", "L11：2 个行政区中 1 个未检查（没有2020年城镇建设用地）：110102",
                        "L11 not checked in 1 of 2 admin units (no 2020 urban land): 110102", None)
    assert [n[0] for n in notes] == ["L11", "L12", "L13", "L14"]
    for rule, zh, en, hint in notes:
        assert f"guotu lines check: note: {en}\n" in res.stderr
    assert leftovers(tmp_path) == []


def test_a_note_carries_the_option_that_gives_what_is_missing(guotu, inputs, tmp_path: Path) -> None:
    """No red-line target field chosen (""): L13 is not checked, with a note and its hint, as the
    tool prints it for --redline-target ''."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    ws, landuse = inputs
    notes = []
    note = io._LINES_NOTE_FN(lambda rule, zh, en, hint, _u: notes.append(
        (rule.decode(), en.decode(), hint.decode() if hint else None)))
    summaries = []
    report = io._LINES_REPORT_FN(lambda c, lines, s, _u: summaries.append(s.contents.skipped))
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg")
        keep.append(b"")
        job.target_field[0] = keep[-1]
        job.table_note, job.report = note, report
        assert io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job)) == 0, ctx.last_error()
    assert ("L13", "L13 red line below target: not checked, no target field was chosen",
            "name the field with --redline-target") in notes
    assert summaries == [1 << 13]
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "lines", "check", "--workspace", str(ws), "--area",
                          "planar", "--landuse", str(landuse), "--class-field", "dlbm", "--redline-target", "",
                          "-o", str(tmp_path / "tool.gpkg")], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    for name in TABLES:
        assert table(tmp_path / "out.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert ("guotu lines check: note: L13 red line below target: not checked, no target field was chosen "
            "(name the field with --redline-target)") in res.stderr


def test_cancel_through_the_context_leaves_nothing(guotu, inputs, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    ws, landuse = inputs
    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or True)
        job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg", tmp_path / "stats.csv")
        status = io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert "cancelled while reading the red line layer 'ecological_redline'" in ctx.last_error()
    assert calls == ["reading the red line"]  # the first report stopped it
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "stats.csv").exists()
    assert leftovers(tmp_path) == []


def test_cancel_while_checking_leaves_nothing(guotu, inputs, tmp_path: Path) -> None:
    """5000 more farmland squares (10 m, 20 m apart, away from the rest): the core reports its
    overlap checks every 4096 features, and a cancel there, with the output open, leaves nothing."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    ws, landuse = inputs
    ds = ogr.Open(str(ws), 1)
    layer = ds.GetLayerByName("permanent_farmland")
    layer.StartTransaction()
    for k in range(5000):
        x, y = 3000 + 20 * (k % 100), 20 * (k // 100)
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(lc.b(x, y, x + 10, y + 10))))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None
    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == "checking overlaps")
        job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg", tmp_path / "stats.csv")
        status = io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
    assert calls[-1] == "checking overlaps" and calls.count("checking overlaps") == 1
    assert calls.count("reading the permanent farmland") == 6  # features 1, 1001 ... 5001 of 5008
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "stats.csv").exists()
    assert leftovers(tmp_path) == []


def test_a_bad_job_is_refused_before_reading(guotu, inputs, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    ws, landuse = inputs
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        for fields, words in (({"output": None}, "the output must be a .gpkg file"),
                              ({"output": str(tmp_path / "out.shp")}, ".gpkg"),
                              ({"class_field": None}, "the land use and its class field go together"),
                              ({"workspace": None}, "give the workspace, or all four layers"),
                              ({"admin_code_field": "ZLDWDM", "source": None}, None),
                              ({"system": "NOPE"}, "known")):
            if "source" in fields:  # admin units from codes and from a layer at once
                job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg", admin_code_field="ZLDWDM")
                keep.append(b(str(ws)))
                job.source[3] = keep[-1]
                words = "not both"
            else:
                job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg", **fields)
            status = io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT", fields
            assert ctx.last_error().startswith("guotu_lines_job_run: ") and words in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, ws, landuse, tmp_path / "out.gpkg")
        job.options.sliver_width_m = float("nan")
        assert status_name(ctx, io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))) == "GUOTU_ERR_ARGUMENT"
        # an output over an input is refused too
        job, keep = make_job(io, io_lib, ws, landuse, landuse.with_suffix(".gpkg"))
        assert status_name(ctx, io_lib.guotu_lines_job_run(ctx.handle, ctypes.byref(job))) == "GUOTU_ERR_ARGUMENT"
    assert not (tmp_path / "out.gpkg").exists() and leftovers(tmp_path) == []
