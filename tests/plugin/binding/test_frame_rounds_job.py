"""guotu_frame_rounds_job_run (guotu_io.h), the round comparison the tool's `framework rounds`
runs, called through the I/O library shipped with the plugin: the tool's three tables from the
two rounds of tests/plugin/frame_data.py (round n's discontinuity reviewed as an exception),
the counts of the summary as derived by hand, cancel through the context's progress callback
leaving nothing, errors naming the file and layer, refused jobs."""

import ctypes
from pathlib import Path

import pytest

import frame_data as fd
from job_tables import status_name, table

TABLES = ("round_comparison", "return_list", "return_summary")
ROUNDS = (("r0_border.gpkg", "r0_ind.gpkg"), ("r1_border.gpkg", "r1_ind.gpkg"))


@pytest.fixture(scope="module")
def rounds(tmp_path_factory) -> Path:
    return fd.make_rounds_fixture(tmp_path_factory.mktemp("rounds"))


def make_job(io, lib, folder: Path, out: Path, previous=ROUNDS[0], current=ROUNDS[1]):
    job = io._FrameRoundsJob()
    lib.guotu_frame_rounds_job_init(ctypes.byref(job))
    keep = []
    for side, names in (("previous", previous), ("current", current)):
        files = (io.STR * max(1, len(names)))(*[str(folder / n).encode("utf-8") for n in names])
        keep.append(files)
        setattr(job, side, ctypes.cast(files, ctypes.POINTER(io.STR)))
        setattr(job, f"{side}_count", len(names))
    keep.append(str(out).encode("utf-8"))
    job.output = keep[-1]
    return job, keep


def run_job(io, io_lib, ctx, job):
    info = io._FrameRoundsJobInfo()
    status = io_lib.guotu_frame_rounds_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


def test_the_job_writes_what_the_tool_writes(guotu, rounds: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = fd.run_rounds_cli(rounds, tmp_path / "tool.gpkg")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, rounds, tmp_path / "job.gpkg")
        assert (job.options.match_m, job.options.min_length_m, job.options.min_area_m2) == (50, 100, 10000)
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # Round n: 3 conflicts (the discontinuity, two overlaps) and 6 findings; round n+1: 2 conflicts
    # and 4 findings. The overlaps and A's two slope findings resolved, the mismatch new, 5
    # persisting; returned: every new or persisting item but the discontinuity (an accepted
    # exception), to each of its cities: the mismatch and the value jump to A and B, 3 more.
    got = (info.items_previous, info.items_current, info.resolved, info.persisting, info.new_items, info.returned,
           info.return_cities)
    assert got == (9, 6, 4, 5, 1, 7, 2)
    assert "Rounds: 9 items in round n, 6 in round n+1" in res.stdout
    assert "4 resolved, 5 persisting, 1 new; 7 returns to 2 cities" in res.stdout
    summary = {row[1][0]: row[1][1:] for row in table(tmp_path / "job.gpkg", "return_summary")[2:]}
    assert summary == {"A": (3, 1, 2), "B": (4, 1, 3)}


def test_materiality_options_as_the_tool(guotu, rounds: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = fd.run_rounds_cli(rounds, tmp_path / "tool.gpkg", "--min-length", "150", "--min-area", "3000")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, rounds, tmp_path / "job.gpkg")
        job.options.min_length_m, job.options.min_area_m2 = 150, 3000
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # The 100 m category mismatch is no longer material: returned are only the 4 persisting
    # findings, the value jump to both cities (5 rows).
    assert (info.returned, info.return_cities) == (5, 2)


@pytest.mark.parametrize("stop_at", ["reading round n", "reading round n+1", "comparing the rounds",
                                     "writing the comparison"])
def test_cancel_through_the_context_leaves_nothing(guotu, rounds: Path, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == stop_at)
        job, keep = make_job(io, io_lib, rounds, tmp_path / "out.gpkg")
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert ctx.last_error() == f"cancelled while {stop_at}"
    assert calls[-1] == stop_at and calls.count(stop_at) == 1
    assert info.items_previous == 0 and info.returned == 0  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_file_and_bad_jobs_are_refused(guotu, rounds: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin = rounds / "admin.gpkg"  # an input of guotu border, not an output
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, rounds, tmp_path / "out.gpkg", current=("r1_border.gpkg", "admin.gpkg"))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT"
        assert ctx.last_error() == (f"'{admin}' has none of the layers border_conflict_lines, indicator_findings, "
                                    "catalogue_findings (an output of guotu border or guotu framework)")
        job, keep = make_job(io, io_lib, rounds, tmp_path / "out.gpkg", current=("nope.gpkg",))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        assert ctx.last_error().startswith(f"cannot open '{rounds / 'nope.gpkg'}' as a vector file")
        for kwargs, words in (({"previous": ()}, "at least one file each"),
                              ({"current": ()}, "at least one file each")):
            job, keep = make_job(io, io_lib, rounds, tmp_path / "out.gpkg", **kwargs)
            status, _ = run_job(io, io_lib, ctx, job)
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and words in ctx.last_error()
        job, keep = make_job(io, io_lib, rounds, tmp_path / "out.sqlite")
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and ".gpkg" in ctx.last_error()
        job, keep = make_job(io, io_lib, rounds, tmp_path / "out.gpkg")
        job.options.match_m = -1
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and ">= 0" in ctx.last_error()
        job, keep = make_job(io, io_lib, rounds, rounds / "r1_ind.gpkg")  # an output over an input
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "refusing" in ctx.last_error()
    assert list(tmp_path.iterdir()) == []
