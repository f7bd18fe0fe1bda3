"""guotu_frame_catalogue_job_run (guotu_io.h), the catalogue check the tool's `framework
catalogue` runs, called through the I/O library shipped with the plugin: the tool's tables
from the catalogue fixture of tests/cli/test_cli_framework.py (with and without the county
roll-up), the counts of the summary as hand-counted there, cancel through the context's
progress callback leaving nothing, errors naming the file, layer and field, refused jobs."""

import ctypes
from pathlib import Path
from typing import Optional

import pytest
from osgeo import ogr

import frame_data as fd
from job_tables import status_name, table

TABLES = ("catalogue_findings", "catalogue_cities")


@pytest.fixture(scope="module")
def cat(tmp_path_factory) -> Path:
    folder = fd.make_fixture(tmp_path_factory.mktemp("catalogue"))
    # The roll-up: what 3203 submitted (C01 and the feature without id) counts for 3201.
    (folder / "counties.csv").write_text("county,city\n3203,3201\n", encoding="utf-8")
    return folder


def make_job(io, lib, folder: Path, out: Path, **changes: Optional[str]):
    job = io._FrameCatalogueJob()
    lib.guotu_frame_catalogue_job_init(ctypes.byref(job))
    values = {"catalogue": str(folder / "catalogue.csv"), "elements": str(folder / "submitted.gpkg"),
              "city_field": "city", "element_field": "ysbh", "name_field": "ysmc", "output": str(out)}
    values.update(changes)
    keep = []
    for name, value in values.items():
        keep.append(None if value is None else value.encode("utf-8"))
        setattr(job, name, keep[-1])
    return job, keep


def run_job(io, io_lib, ctx, job):
    info = io._FrameCatalogueJobInfo()
    status = io_lib.guotu_frame_catalogue_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


def test_the_job_writes_what_the_tool_writes(guotu, cat: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = fd.run_cli(cat, tmp_path / "tool.gpkg")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, cat, tmp_path / "job.gpkg")
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # The fixture's hand count (test_cli_framework.py): 9 features, 3 cities; 5 not submitted,
    # 2 not in the catalogue, 1 city not listed, 1 without city.
    got = (info.features, info.cities, info.not_submitted, info.not_in_catalogue, info.city_not_listed, info.no_city)
    assert got == (9, 3, 5, 2, 1, 1)
    assert "Catalogue check: 9 submitted features, 3 cities" in res.stdout
    assert "5 not submitted, 2 not in the catalogue, 1 city not listed, 1 without city" in res.stdout
    cities = {row[1][0]: row[1][1:] for row in table(tmp_path / "job.gpkg", "catalogue_cities")[2:]}
    assert cities == {"3201": (3, 2, 1, 4, 1, 0), "3202": (3, 1, 2, 2, 0, 1), "3203": (3, 1, 2, 2, 1, 0)}
    assert ogr.Open(str(tmp_path / "job.gpkg")).GetLayerByName("county_rollup") is None


def test_county_rollup_as_the_tool(guotu, cat: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    counties = str(cat / "counties.csv")
    res = fd.run_cli(cat, tmp_path / "tool.gpkg", "--counties", counties)
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, cat, tmp_path / "job.gpkg", counties=counties)
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES + ("county_rollup",):
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # 3203 as a county of 3201: its 2 features, no element the catalogue lists for 3201 (C01
    # spans 3202 and 3203: now a city_not_listed of 3201, next to R01 of 3202), 1 without id.
    rollup = [row[1] for row in table(tmp_path / "job.gpkg", "county_rollup")[2:]]
    assert rollup == [("3203", "3201", 2, 0, 1)]
    assert (info.features, info.not_in_catalogue, info.city_not_listed) == (9, 2, 2)


@pytest.mark.parametrize("stop_at", ["reading the catalogue", "reading the elements", "checking the catalogue",
                                     "writing the findings"])
def test_cancel_through_the_context_leaves_nothing(guotu, cat: Path, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == stop_at)
        job, keep = make_job(io, io_lib, cat, tmp_path / "out.gpkg")
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert ctx.last_error() == f"cancelled while {stop_at}"
    assert calls[-1] == stop_at and calls.count(stop_at) == 1
    assert info.features == 0 and info.cities == 0  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_file_and_field_and_bad_jobs_are_refused(guotu, cat: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, cat, tmp_path / "out.gpkg", city_field="stadt")
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        assert "'stadt'" in ctx.last_error() and "submitted.gpkg" in ctx.last_error()
        res = fd.run_cli(cat, tmp_path / "tool.gpkg", "--city-field", "stadt")
        assert res.returncode == 1 and res.stderr == f"guotu framework catalogue: error: {ctx.last_error()}\n"
        job, keep = make_job(io, io_lib, cat, tmp_path / "out.gpkg", elements=str(cat / "nope.gpkg"))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO" and "nope.gpkg" in ctx.last_error()
        # A catalogue line without cities: the core's status, naming the file and the line.
        (tmp_path / "bad.csv").write_text("element_id,name,type,cities,indicators\nM01,x,mountain,,\n",
                                          encoding="utf-8")
        job, keep = make_job(io, io_lib, cat, tmp_path / "out.gpkg", catalogue=str(tmp_path / "bad.csv"))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_DATA", ctx.last_error()
        assert "bad.csv" in ctx.last_error() and "line 2" in ctx.last_error()
        (tmp_path / "bad.csv").unlink()
        for changes, words in (({"catalogue": None}, "the catalogue is required"),
                               ({"element_field": None}, "element field are required"),
                               ({"output": str(tmp_path / "out.sqlite")}, "must be a .gpkg file"),
                               ({"output": None}, "must be a .gpkg file"),
                               ({"output": str(cat / "submitted.gpkg")}, "submitted.gpkg")):
            job, keep = make_job(io, io_lib, cat, tmp_path / "out.gpkg", **changes)
            status, _ = run_job(io, io_lib, ctx, job)
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and words in ctx.last_error(), ctx.last_error()
        status = io_lib.guotu_frame_catalogue_job_run(ctx.handle, None, None)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT"
        assert ctx.last_error() == "guotu_frame_catalogue_job_run: no job"
    assert list(tmp_path.iterdir()) == []
