"""guotu_priorities_rank_job_run (guotu_io.h), the Pareto fronts and lexicographic order of
candidate sites the tool's `priorities rank` runs, called through the I/O library shipped with
the plugin: the tool's ranked_sites from the fixtures of tests/priorities_fixture.py (fronts
known by construction; the computed objectives, also on geographic layers ranked in the
Gauss-Krüger zone with its note), the summary counts, cancel through the context's progress
callback leaving nothing, errors naming the layer, feature and field, refused jobs."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Sequence

import pytest
from osgeo import gdal

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import priorities_fixture as fx  # noqa: E402
from job_tables import status_name, table as read_table

GUOTU = BUILD_DIR / "core" / "guotu"
COMPUTED = ("area_ha:max", "forest_gain_ha:max", "cultivated_change_ha:max", "redline_distance_m:min",
            "redline_contact_m:max", "cost:min")


def table(path: Path, name: str = "ranked_sites") -> List[object]:
    return read_table(path, name, items=("crs_note",))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("rank")
    fx.write_sites(folder / "sites.gpkg")
    fx.write_scored(folder)
    return folder


def tool(out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU), "priorities", "rank", *args, "-o", str(out)], capture_output=True, text=True,
                          timeout=300)


def make_job(io, lib, out: Path, objectives: Sequence[str], **changes: Optional[str]):
    job = io._PrioritiesRankJob()
    lib.guotu_priorities_rank_job_init(ctypes.byref(job))
    keep = []
    names = (io.STR * max(1, len(objectives)))(*[o.encode("utf-8") for o in objectives])
    keep.append(names)
    job.objectives = ctypes.cast(names, ctypes.POINTER(io.STR))
    job.objective_count = len(objectives)
    changes.setdefault("output", str(out))
    for name, value in changes.items():
        keep.append(None if value is None else value.encode("utf-8"))
        setattr(job, name, keep[-1])
    return job, keep


def run_job(io, io_lib, ctx, job):
    info = io._PrioritiesRankJobInfo()
    status = io_lib.guotu_priorities_rank_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


def test_fronts_as_the_tool(guotu, folder: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    sites = str(folder / "sites.gpkg")
    res = tool(tmp_path / "tool.gpkg", "--sites", sites, "--objective", "cost:min", "--objective", "benefit:max",
               "--lexicographic", "cost,benefit", "--site-id", "DKBH")
    assert res.returncode == 0, res.stderr
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, tmp_path / "job.gpkg", ["cost:min", "benefit:max"], sites=sites,
                             lexicographic="cost,benefit", site_id_field="DKBH")
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    assert table(tmp_path / "job.gpkg") == table(tmp_path / "tool.gpkg")
    # The fixture's fronts by construction: 9 sites, 4 on the first of 4 fronts.
    assert (info.sites, info.on_front, info.fronts) == (9, fx.FRONTS.count(1), max(fx.FRONTS)) == (9, 4, 4)
    assert "9 sites on 2 objectives, 4 on the first front, 4 fronts" in res.stdout
    fields = table(tmp_path / "job.gpkg")[0]
    ranked = sorted((dict(zip(fields, row[1])) for row in table(tmp_path / "job.gpkg")[3:]),
                    key=lambda r: r["site_fid"])
    assert [r["front"] for r in ranked] == fx.FRONTS
    assert [r["lex_rank"] for r in ranked] == [1, 3, 7, 3, 6, 9, 2, 8, 5]


@pytest.mark.parametrize("geographic", [False, True])
def test_computed_objectives_as_the_tool(guotu, folder: Path, tmp_path: Path, geographic: bool) -> None:
    """The scored fixture's hand-computed objectives; delivered in EPSG:4490 with a red line, the
    run ranks in the Gauss-Krüger zone of the layers' centre and says so through crs_note."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    paths = {"sites": folder / "cand.gpkg", "landuse": folder / "site_land.gpkg", "redline": folder / "redline.gpkg"}
    if geographic:
        for name, path in list(paths.items()):
            paths[name] = tmp_path / f"{name}_4490.gpkg"
            gdal.VectorTranslate(str(paths[name]), str(path), dstSRS="EPSG:4490")
    area = "ellipsoidal" if geographic else "planar"
    args = [a for o in COMPUTED for a in ("--objective", o)]
    res = tool(tmp_path / "tool.gpkg", "--sites", str(paths["sites"]), *args, "--landuse", str(paths["landuse"]),
               "--deduction-field", "KCXS", "--target", "0301", "--redline", str(paths["redline"]), "--area", area)
    assert res.returncode == 0, res.stderr
    notes, crs_notes = [], []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, tmp_path / "job.gpkg", COMPUTED, sites=str(paths["sites"]),
                             landuse=str(paths["landuse"]), deduction_field="KCXS", target="0301",
                             redline=str(paths["redline"]))
        job.area_method = 0 if geographic else 1
        on_note = io._NOTE_FN(lambda message, _user: notes.append(message.decode("utf-8")))
        on_crs = io._NOTE_FN(lambda message, _user: crs_notes.append(message.decode("utf-8")))
        job.note, job.crs_note = on_note, on_crs
        status, info = run_job(io, io_lib, ctx, job)
        assert status == 0, ctx.last_error()
    assert table(tmp_path / "job.gpkg") == table(tmp_path / "tool.gpkg")
    assert info.sites == 3
    fields = table(tmp_path / "job.gpkg")[0]
    ranked = sorted((dict(zip(fields, row[1])) for row in table(tmp_path / "job.gpkg")[3:]),
                    key=lambda r: r["site_fid"])
    for got, want in zip(ranked, fx.SCORED_EXPECTED):
        for key, value in want.items():
            assert got[key] == pytest.approx(value, rel=1e-6, abs=1e-6), key
    printed = [line for line in res.stderr.splitlines() if "note:" in line]
    if geographic:
        assert crs_notes == [("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), "
                              "the zone of the data's centre; outputs are in EPSG:4548")]
        assert [n.split(" '")[0] for n in notes] == ["reprojecting the sites layer", "reprojecting the land-use layer",
                                                     "reprojecting the red line layer"]
        assert printed == [f"guotu priorities: note: {crs_notes[0]}"] + [f"guotu: note: {n}" for n in notes]
    else:
        assert crs_notes == [] and notes == [] and printed == []


@pytest.mark.parametrize("stop_at", ["reading the sites", "scoring sites", "writing the ranked sites"])
def test_cancel_through_the_context_leaves_nothing(guotu, folder: Path, tmp_path: Path, stop_at: str) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    calls = []
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        ctx.set_progress(lambda fraction, message: calls.append(message) or message == stop_at)
        job, keep = make_job(io, io_lib, tmp_path / "out.gpkg", ["area_ha:max", "cost:min"],
                             sites=str(folder / "cand.gpkg"))
        status, info = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert "cancelled" in ctx.last_error()
    assert calls[-1] == stop_at and calls.count(stop_at) == 1
    assert (info.sites, info.on_front, info.fronts) == (0, 0, 0)  # not filled on failure
    assert list(tmp_path.iterdir()) == []


def test_errors_name_the_feature_and_field_and_bad_jobs_are_refused(guotu, folder: Path, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    holes = fx.write_sites(tmp_path / "holes.gpkg", [(1.0, None), (2.0, 3.0)])
    sites = str(folder / "sites.gpkg")
    with native.Context() as ctx:
        io_lib = io.io_library(ctx)
        job, keep = make_job(io, io_lib, tmp_path / "out.gpkg", ["cost:min", "benefit:max"], sites=str(holes))
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) != "GUOTU_OK"
        assert "feature 1" in ctx.last_error() and "'benefit'" in ctx.last_error()
        res = tool(tmp_path / "tool.gpkg", "--sites", str(holes), "--objective", "cost:min", "--objective",
                   "benefit:max")
        assert res.returncode == 1 and res.stderr == f"guotu priorities rank: error: {ctx.last_error()}\n"
        job, keep = make_job(io, io_lib, tmp_path / "out.gpkg", ["price:min"], sites=sites)
        status, _ = run_job(io, io_lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_IO" and "'price'" in ctx.last_error()
        for objectives, changes, words in (
                (["cost:biggest"], {}, "write NAME:min or NAME:max"),
                (["cost:min", "cost:max"], {}, "objective 'cost' is given twice"),
                (["redline_distance_m:min"], {}, "needs --redline"),
                (["cost:min"], {"lexicographic": "area_ha"}, "'area_ha', which is not one of"),
                ([], {}, "1 to 16 objectives"),
                (["cost:min"], {"sites": None}, "the sites are required"),
                (["cost:min"], {"landuse": str(folder / "site_land.gpkg")}, "needs the target class"),
                (["cost:min"], {"output": str(tmp_path / "out.shp")}, "must be a .gpkg file"),
                (["cost:min"], {"output": sites}, "sites.gpkg")):
            changes.setdefault("sites", sites)
            job, keep = make_job(io, io_lib, tmp_path / "out.gpkg", objectives, **changes)
            status, _ = run_job(io, io_lib, ctx, job)
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and words in ctx.last_error(), ctx.last_error()
        status = io_lib.guotu_priorities_rank_job_run(ctx.handle, None, None)
        assert ctx.last_error() == "guotu_priorities_rank_job_run: no job"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["holes.gpkg"]
