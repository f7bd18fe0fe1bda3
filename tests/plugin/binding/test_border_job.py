"""guotu_border_job_run (guotu_io.h), the cross-city border comparison the tool's `border` runs,
called through the I/O library shipped with the plugin: the tool's six tables from the fixture of
tests/cli/test_cli_border.py with one thread and two, its hand-computed conflicts and counts, the
notes on the Gauss-Krüger zone and on reprojected layers as the tool prints them, cancel through
the context's progress callback (while comparing, and while reading with the other worker told
to stop) leaving nothing, errors naming the layer, feature and field, refused jobs."""

import ctypes
import sys
from pathlib import Path
from typing import List, Optional

import pytest
from osgeo import gdal

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
import test_cli_border as tb  # noqa: E402  (the fixture with every kind of conflict, hand-computed)
from job_tables import status_name, table as read_table

TABLES = ("border_conflicts", "border_conflict_lines", "shared_borders", "pair_summary", "basemap_issues",
          "basemap_issue_points")


def table(path: Path, name: str) -> List[object]:
    return read_table(path, name, metadata=True)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("border")
    return tb.write_admins(folder), tb.write_elements(folder / "el.gpkg", tb.ELEMENTS)


def make_job(io, lib, admin: Path, elements: Path, out: Path, **changes):
    job = io._BorderJob()
    lib.guotu_border_job_init(ctypes.byref(job))
    keep = []

    def text(value: Optional[str]) -> Optional[bytes]:
        keep.append(None if value is None else value.encode("utf-8"))
        return keep[-1]

    # The arguments of test_cli_border.run_border with --city-field city.
    values = {"admin": str(admin), "admin_id_field": "code", "admin_name_field": "name", "elements": str(elements),
              "category_field": "category", "name_field": "name", "city_field": "city", "output": str(out)}
    values.update(changes)
    for name, value in values.items():
        if name in ("threads", "city_from_layer"):
            setattr(job, name, value)
        else:
            setattr(job, name, text(value))
    job.options.area_method = 1  # GUOTU_AREA_PLANAR, as --area planar
    return job, keep


def run_job(io, io_lib, ctx, job):
    info = io._BorderJobInfo()
    status = io_lib.guotu_border_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


@pytest.mark.parametrize("threads", [1, 2])
def test_the_job_writes_what_the_tool_writes(guotu, inputs: tuple, tmp_path: Path, threads: int) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin, elements = inputs
    res = tb.run_border(admin, elements, tmp_path / "tool.gpkg", "--city-field", "city", "--threads", "1")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, admin, elements, tmp_path / "job.gpkg", threads=threads)
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # The fixture by hand (test_cli_border.py): two overlaps (crossing, double claim), a gap, a
    # discontinuity and a category mismatch, as the tool counts them.
    assert list(info.conflicts) == [2, 1, 1, 1]
    assert "  conflicts: 2 overlap, 1 gap, 1 discontinuity, 1 category mismatch" in res.stdout
    lines = [r["kind"] for r in tb.rows(tmp_path / "job.gpkg", "border_conflict_lines")]
    assert sorted(lines) == ["category_mismatch", "discontinuity", "gap", "overlap", "overlap"]
    assert sorted(r["conflict_id"] for r in tb.rows(tmp_path / "job.gpkg", "border_conflict_lines")) == [1, 2, 3, 4, 5]
    summary = (f"Cross-city borders: {info.stats.admins} admin units, {info.pairs} adjacent pairs, "
               f"{info.stats.elements} elements ({info.stats.elements_compared} near a shared border)")
    assert summary in res.stdout
    assert f"  {info.issues} base-map and input issues" in res.stdout
    assert info.issues == len(tb.rows(tmp_path / "job.gpkg", "basemap_issues")) + \
        len(tb.rows(tmp_path / "job.gpkg", "basemap_issue_points"))
    assert info.pairs == len(tb.rows(tmp_path / "job.gpkg", "pair_summary")) > 0
    assert info.crs_name.decode() == tb.metadata(tmp_path / "tool.gpkg", "pair_summary")["crs"] == \
        "CGCS2000 / 3-degree Gauss-Kruger zone 39"
    assert info.zone_note == b""


def test_notes_on_the_zone_and_reprojected_layers(guotu, inputs: tuple, tmp_path: Path) -> None:
    """Both layers in EPSG:4490: the run works in the zone of the data's centre; the zone's note
    goes to crs_note, the layers reprojected to note, as the tool prints them; the same tables."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin, elements = inputs
    geo = tmp_path / "geo"
    geo.mkdir()
    for src in (admin, elements):
        gdal.VectorTranslate(str(geo / src.name), str(src), dstSRS="EPSG:4490")
    res = tb.run_border(geo / admin.name, geo / elements.name, tmp_path / "tool.gpkg", "--city-field", "city")
    assert res.returncode == 0, res.stderr
    notes, crs_notes = [], []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, geo / admin.name, geo / elements.name, tmp_path / "job.gpkg", threads=2)
        on_note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        on_crs = io._NOTE_FN(lambda message, _user: crs_notes.append(message.decode("utf-8")))
        job.note, job.crs_note = on_note, on_crs
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    assert len(crs_notes) == 1 and "from EPSG:4490 to EPSG:4548" in crs_notes[0], crs_notes
    assert info.zone_note.decode() == crs_notes[0]
    assert notes and all(n.startswith("reprojecting the") for n in notes), notes
    printed = [line for line in res.stderr.splitlines() if "note:" in line]
    assert printed == [f"guotu border: note: {crs_notes[0]}"] + [f"guotu: note: {n}" for n in notes]


@pytest.mark.parametrize("threads", [1, 2])
def test_cancel_while_comparing_leaves_nothing(guotu, inputs: tuple, tmp_path: Path, threads: int) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin, elements = inputs
    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == "comparing borders")
        job, keep = make_job(io, io_lib, admin, elements, tmp_path / "out.gpkg", threads=threads)
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
    assert calls == ["comparing borders"]
    assert info.pairs == 0 and list(info.conflicts) == [0, 0, 0, 0]  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_cancel_while_reading_stops_every_worker(guotu, tmp_path: Path) -> None:
    """4096 elements: the first worker asks the callback after the 4096th and is cancelled;
    the second stops on its own at the same count; nothing is written."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    inputs = tmp_path / "in"
    inputs.mkdir()
    admin = tb.write_admins(inputs)
    many = [("A", tb.FARM, "", tb.b(10 + (k % 64) * 2, 10 + (k // 64) * 2, 11 + (k % 64) * 2, 11 + (k // 64) * 2))
            for k in range(4096)]
    elements = tb.write_elements(inputs / "many.gpkg", many)
    out = tmp_path / "out"
    out.mkdir()
    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == "reading the elements")
        job, keep = make_job(io, io_lib, admin, elements, out / "out.gpkg", threads=2)
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert ctx.last_error() == "cancelled while reading the elements layer 'elements'"
    assert calls == ["reading the elements"]
    assert list(out.iterdir()) == []


def test_errors_name_the_layer_feature_and_field(guotu, inputs: tuple, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin, elements = inputs
    # A category field the layer does not have: the tool's words.
    res = tb.run_border(admin, elements, tmp_path / "tool.gpkg", "--city-field", "city", "--category-field", "klass")
    assert res.returncode == 1
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, admin, elements, tmp_path / "job.gpkg", category_field="klass")
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO"
        message = ctx.last_error()
    assert res.stderr.strip().splitlines()[-1] == f"guotu border: error: {message}"
    assert "klass" in message and "elements" in message
    # An element with an empty category: the feature, layer and field.
    bad = tb.write_elements(tmp_path / "bad.gpkg", [("A", "", "", tb.ELEMENTS[0][3])])
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, admin, bad, tmp_path / "job.gpkg")
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_DATA"
        assert ctx.last_error() == (f"feature 1 of the elements layer 'elements' of '{bad}' has an empty category "
                                    "field 'category'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.gpkg"]


@pytest.mark.parametrize("change, problem", [
    ({"admin_id_field": None}, "the admin units and their id field are required"),
    ({"category_field": None}, "the elements and their category field are required"),
    ({"city_from_layer": 1}, "give either the city field or city_from_layer"),
    ({"city_field": None, "city_from_layer": 1, "elements_layer": "elements"},
     "city_from_layer reads every layer: no elements layer"),
    ({"threads": 65}, "threads must be 0 (one per CPU) to 64"),
    ({"corridor_m": -1.0}, "the distances, areas and weights must be numbers >= 0"),
    ({"weight_gap": float("nan")}, "the distances, areas and weights must be numbers >= 0"),
    ({"output": "out.shp"}, "the output must be a .gpkg file"),
])
def test_refused_jobs(guotu, inputs: tuple, tmp_path: Path, change: dict, problem: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    admin, elements = inputs
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        options = {k: v for k, v in change.items() if k.endswith("_m") or k.startswith("weight_")}
        job, keep = make_job(io, io_lib, admin, elements, tmp_path / "out.gpkg",
                             **{k: v for k, v in change.items() if k not in options})
        for name, value in options.items():
            setattr(job.options, name, value)
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT"
        assert ctx.last_error() == f"guotu_border_job_run: {problem}"
        assert status_name(ctx, io_lib.guotu_border_job_run(ctx.handle, None, None)) == "GUOTU_ERR_ARGUMENT"
        assert ctx.last_error() == "guotu_border_job_run: no job"
        # The output over an input is refused before anything is read.
        job, keep = make_job(io, io_lib, admin, elements, elements)
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT", ctx.last_error()
    assert list(tmp_path.iterdir()) == []
