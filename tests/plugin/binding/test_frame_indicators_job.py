"""guotu_frame_indicators_job_run (guotu_io.h), the transmission indicators the tool's
`framework indicators` runs, called through the I/O library shipped with the plugin: the tool's
four tables from the plane fixture of tests/cli/test_cli_framework.py (land use as polygons and
as a raster of classes, one DEM reader and two), the fixture's hand-computed values and
counts, the notes on the work CRS and on reprojected layers, cancel through the context's
progress callback (at each stage and while the core reads the DEM) leaving nothing, errors
naming the file, refused jobs."""

import ctypes
import math
from pathlib import Path
from typing import Optional

import pytest
from osgeo import gdal, ogr

import frame_data as fd
from job_tables import status_name, table

TABLES = ("element_indicators", "indicator_findings", "catalogue_findings", "catalogue_cities")


@pytest.fixture(scope="module")
def plane(tmp_path_factory) -> Path:
    folder = fd.make_indicator_fixture(tmp_path_factory.mktemp("plane"))
    fd.make_landuse_raster(folder / "landuse.tif")
    return folder


def make_job(io, lib, folder: Path, out: Path, **changes: Optional[str]):
    job = io._FrameIndicatorsJob()
    lib.guotu_frame_indicators_job_init(ctypes.byref(job))
    keep = []

    def text(value: Optional[str]) -> Optional[bytes]:
        keep.append(None if value is None else value.encode("utf-8"))
        return keep[-1]

    catalogue = {"catalogue": str(folder / "cat.csv"), "elements": str(folder / "parts.gpkg"), "city_field": "city",
                 "element_field": "ysbh", "output": str(out)}
    own = {"thresholds": str(folder / "thr.csv"), "dem": str(folder / "dem.tif"),
           "landuse": str(folder / "landuse.gpkg"), "landuse_code": "dlbm"}
    for name, value in changes.items():
        (catalogue if name in catalogue or name in ("counties", "name_field") else own)[name] = value
    for name, value in catalogue.items():
        setattr(job.catalogue, name, text(value))
    for name, value in own.items():
        setattr(job, name, text(value))
    # The options of frame_data.run_indicators_cli.
    job.options.band_m = 100
    job.options.tolerance_elevation_m = 5
    job.threads = 1
    return job, keep


def run_job(io, io_lib, ctx, job):
    info = io._FrameIndicatorsJobInfo()
    status = io_lib.guotu_frame_indicators_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


def counts(info) -> tuple:
    return (info.catalogue.features, info.zones, info.outside_threshold, info.threshold_missing,
            info.threshold_differs, info.value_jump, info.dem_incomplete, info.landuse_incomplete)


@pytest.mark.parametrize("threads", [1, 2])
def test_the_job_writes_what_the_tool_writes(guotu, plane: Path, tmp_path: Path, threads: int) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = fd.run_indicators_cli(plane, tmp_path / "tool.gpkg", "--area", "planar", "--threads", str(threads))
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, plane, tmp_path / "job.gpkg")
        job.options.area_method = 1  # GUOTU_AREA_PLANAR
        job.threads = threads
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # The fixture's hand count: 2 parts, 5 zones (the element, parts A and B, strips A|B and
    # B|A); A's slope and forest and B's forest outside, B's elevation_mean missing, the slope
    # thresholds differ, the strips' elevations 35 and 45 jump by more than 5.
    assert counts(info) == (2, 5, 3, 1, 1, 1, 0, 0)
    assert "Transmission indicators: 2 submitted features, 5 zones" in res.stdout
    assert "3 outside threshold, 1 threshold missing, 1 thresholds differ, 1 value jumps, 0 DEM" in res.stdout
    zones = {(r[1][3], r[1][4], r[1][5]): r[1] for r in table(tmp_path / "job.gpkg", "element_indicators")[2:]}
    fields = table(tmp_path / "job.gpkg", "element_indicators")[0]
    part_a = dict(zip(fields, zones[("part", "A", "")]))
    assert part_a["area_m2"] == pytest.approx(120000, abs=1e-6)
    assert part_a["elevation_mean"] == pytest.approx(30, abs=1e-4)
    assert part_a["slope_mean"] == pytest.approx(math.degrees(math.atan(0.1)), abs=1e-5)
    assert part_a["forest_share"] == pytest.approx(35000 / 120000, abs=1e-9)
    ds = ogr.Open(str(tmp_path / "job.gpkg"))
    meta = ds.GetLayerByName("element_indicators")
    assert (meta.GetMetadataItem("area_method"), meta.GetMetadataItem("band_m")) == ("planar", "100")


def test_landuse_raster_as_the_tool(guotu, plane: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    raster = str(plane / "landuse.tif")
    res = fd.run_indicators_cli(plane, tmp_path / "tool.gpkg", "--threads", "1")
    # run_indicators_cli names the polygons; the raster run is spelled out here.
    args = [a for a in res.args]
    args[args.index("--landuse") + 1] = raster
    del args[args.index("--landuse-code"):args.index("--landuse-code") + 2]
    args[args.index("-o") + 1] = str(tmp_path / "tool_raster.gpkg")
    import subprocess
    res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, plane, tmp_path / "job.gpkg", landuse=raster, landuse_code=None)
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool_raster.gpkg", name), name
    # The block of 3 x 3 no-data cells lies in A (and A's strip): A's part has no class there.
    assert info.landuse_incomplete == 1
    assert "1 parts where it has no class on part of the area" in res.stdout


def test_notes_on_the_work_crs_and_reprojected_layers(guotu, plane: Path, tmp_path: Path) -> None:
    """The DEM, elements and land use in EPSG:4490: the work CRS becomes the zone of the data's
    centre (EPSG:4548), the DEM warped to it; the elements and land use reprojected to it. The
    notes go to the job's callbacks, as the tool prints them."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    geo = tmp_path / "geo"
    geo.mkdir()
    gdal.Warp(str(geo / "dem.tif"), str(plane / "dem.tif"), dstSRS="EPSG:4490", resampleAlg="bilinear")
    for name in ("parts", "landuse"):
        gdal.VectorTranslate(str(geo / f"{name}.gpkg"), str(plane / f"{name}.gpkg"), dstSRS="EPSG:4490")
    for name in ("cat.csv", "thr.csv"):
        (geo / name).write_bytes((plane / name).read_bytes())
    res = fd.run_indicators_cli(geo, tmp_path / "tool.gpkg", "--threads", "1")
    assert res.returncode == 0, res.stderr
    notes, crs_notes = [], []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, geo, tmp_path / "job.gpkg")
        on_note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        on_crs = io._NOTE_FN(lambda message, _user: crs_notes.append(message.decode("utf-8")))
        job.note, job.crs_note = on_note, on_crs
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    zone = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
            "data's centre; outputs are in EPSG:4548")
    assert crs_notes == [zone, f"the DEM '{geo / 'dem.tif'}' is warped to CGCS2000 / 3-degree Gauss-Kruger CM 117E "
                               "(bilinear)"]
    assert len(notes) == 2 and notes[0].startswith("reprojecting the elements layer 'parts'")
    assert notes[1].startswith("reprojecting the land-use layer 'landuse'")
    printed = [line for line in res.stderr.splitlines() if "note:" in line]
    assert printed == [f"guotu framework indicators: note: {n}" for n in crs_notes[:1]] + \
        [f"guotu framework indicators: note: {crs_notes[1]}"] + [f"guotu: note: {n}" for n in notes]


@pytest.mark.parametrize("stop_at", ["reading the catalogue", "reading the elements", "building element parts",
                                     "DEM rows against the elements", "writing the indicators"])
def test_cancel_through_the_context_leaves_nothing(guotu, plane: Path, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == stop_at)
        job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg")
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert "cancelled" in ctx.last_error()
    assert calls[-1] == stop_at and calls.count(stop_at) == 1
    assert counts(info) == (0,) * 8  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_file_and_bad_jobs_are_refused(guotu, plane: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg", dem=str(plane / "parts.gpkg"))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        assert ctx.last_error().startswith(f"cannot open '{plane / 'parts.gpkg'}' as a raster")
        job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg", landuse_code="klasse")
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        assert "'klasse'" in ctx.last_error() and "landuse.gpkg" in ctx.last_error()
        # A DEM in another projected CRS than the elements' is the work CRS; the land-use raster
        # in the elements' is refused naming it.
        job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg", landuse=str(plane / "landuse.tif"),
                             landuse_code=None, crs="EPSG:4528", dem=None)
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CRS", ctx.last_error()
        assert f"the land-use raster '{plane / 'landuse.tif'}' is in" in ctx.last_error()
        for changes, words in (({"catalogue": None}, "the catalogue is required"),
                               ({"landuse": None}, "the land-use code field needs the land use"),
                               ({"output": str(tmp_path / "out.sqlite")}, "must be a .gpkg file"),
                               ({"output": str(plane / "landuse.gpkg")}, "landuse.gpkg")):
            job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg", **changes)
            status, _ = run_job(io, io_lib, ctx, job)
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and words in ctx.last_error(), ctx.last_error()
        job, keep = make_job(io, io_lib, plane, tmp_path / "out.gpkg")
        job.options.band_m = -1
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "numbers >= 0" in ctx.last_error()
        job.options.band_m, job.threads = 100, 65
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "threads" in ctx.last_error()
        status = io_lib.guotu_frame_indicators_job_run(ctx.handle, None, None)
        assert ctx.last_error() == "guotu_frame_indicators_job_run: no job"
    assert list(tmp_path.iterdir()) == []
