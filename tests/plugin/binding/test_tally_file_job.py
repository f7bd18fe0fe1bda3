"""guotu_tally_file_job_run (guotu_io.h), the tally the tool's `tally` runs and writes, called
through the I/O library shipped with the plugin: the same GeoPackage (tally, area_check,
metadata, styles) and the same CSV as the tool, only the time of writing and the run time
masked; the rows and findings as computed by hand; cancel through the context leaving nothing;
errors naming the file; bad jobs refused."""

import ctypes
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest
from osgeo import ogr

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
from cli_support import X0, Y0, box, make_landuse, make_zones, write_layer  # noqa: E402
from test_cli_tally import write_area_check_dltb  # noqa: E402  (4 三调 parcels, one 0.5 m² off its TBMJ)
from job_tables import status_name


def b(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


def tool(*args: str) -> subprocess.CompletedProcess:
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "tally", *args], capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    return res


def mask(text: str) -> str:
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "<TIME>", text)
    return re.sub(r'(<MDI key="seconds">|(^|\n)# seconds,?|seconds,)[\d.]+', r"\1<S>", text)


def dump(path: Path) -> List[str]:
    con = sqlite3.connect(str(path))
    try:
        return [mask(s) for s in con.iterdump()]
    finally:
        con.close()


def make_job(io, lib, out: Path, names: Optional[Path] = None, **fields):
    tally = io._TallyJob()
    lib.guotu_tally_job_init(ctypes.byref(tally))
    keep = []
    for name, value in fields.items():
        if isinstance(value, str):
            keep.append(b(value))
            value = keep[-1]
        setattr(tally, name, value)
    job = io._TallyFileJob()
    job.tally = ctypes.pointer(tally)
    keep += [tally, b(str(out))]
    job.output = keep[-1]
    if names:
        keep += [b(str(names)), b("XZQDM"), b("XZQMC")]
        job.names, job.names_id_field, job.names_name_field = keep[-3:]
    return job, keep


def run_job(io, lib, ctx, job):
    info = io._TallyJobInfo()
    status = lib.guotu_tally_file_job_run(ctx.handle, ctypes.byref(job), ctypes.byref(info))
    return status, info


@pytest.fixture
def io_lib(guotu):
    from guotu.binding import io_native as io
    from guotu.binding import native

    with native.Context() as ctx:
        lib = io.io_library(ctx)
        assert lib is not None, "libguotu_io missing beside libguotu"
        yield io, io.declare_tally_file_job(lib), ctx


def test_geopackage_with_the_area_check_as_the_tool(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    (tmp_path / "in").mkdir()
    zones, dltb = make_zones(tmp_path / "in"), write_area_check_dltb(tmp_path / "in")
    tool("--zones", str(zones), "--zone-id", "code", "--landuse", str(dltb), "--class-field", "DLBM",
         "--area", "planar", "--area-check", "TBMJ", "-o", str(tmp_path / "tool.gpkg"))
    job, keep = make_job(io, lib, tmp_path / "job.gpkg", zones=str(zones), zone_id_field="code",
                         landuse=str(dltb), class_field="DLBM", area_method=1, area_check_field="TBMJ",
                         deduction_field="auto")
    status, info = run_job(io, lib, ctx, job)
    assert status == 0, ctx.last_error()
    assert dump(tmp_path / "job.gpkg") == dump(tmp_path / "tool.gpkg")
    # Parcels 1, 2, 4 checked (3 has no TBMJ); parcel 2 is 0.5 m² off: the one finding.
    assert (info.area_checked, info.area_findings, info.area_no_official, info.area_largest_fid) == (3, 1, 1, 2)
    ds = ogr.Open(str(tmp_path / "job.gpkg"))
    (finding,) = list(ds.GetLayerByName("area_check"))
    assert (finding["bsm"], finding["class_code"], finding["official_m2"]) == ("2", "0103", 10000.5)
    # Zone A = [0,1000]²: parcels 1-3 whole (4 ha, 1 ha, 3 ha), parcel 4 from x 900 to 1000 (100 x 250 m).
    rows = {(f["zone_id"], f["class_code"]): round(f["area_ha"], 6) for f in ds.GetLayerByName("tally")}
    assert rows == {("A", "0101"): 4.0, ("A", "0103"): 1.0, ("A", "0201"): 3.0, ("A", "0301"): 2.5,
                    ("B", "0301"): 7.5}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "job.gpkg", "tool.gpkg"]


def test_csv_with_zone_names_as_the_tool(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    (tmp_path / "in").mkdir()
    zones, landuse = make_zones(tmp_path / "in"), make_landuse(tmp_path / "in")
    names = write_layer(tmp_path / "in" / "xzq.gpkg", "xzq", 4527, [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)],
                        [({"XZQDM": "A", "XZQMC": "甲村"}, box(X0, Y0, X0 + 1000, Y0 + 1000))])
    tool("--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse), "--class-field", "lucc",
         "--area", "planar", "--zone-names", str(names), "--zone-names-id", "XZQDM", "--zone-names-name", "XZQMC",
         "-o", str(tmp_path / "tool.csv"))
    job, keep = make_job(io, lib, tmp_path / "job.csv", names, zones=str(zones), zone_id_field="code",
                         landuse=str(landuse), class_field="lucc", area_method=1, deduction_field="auto")
    status, info = run_job(io, lib, ctx, job)
    assert status == 0, ctx.last_error()
    got, want = (mask((tmp_path / n).read_text(encoding="utf-8")) for n in ("job.csv", "tool.csv"))
    assert got == want
    # A: 21 on 400 x 400 m, 12 on x 800-1000 (200 x 1000 m), 41 on 100 x 100 m; B: 12 on x 1000-1200,
    # 21 on x 1500-2000 x y 500-1000. B has no name.
    data = [line.split(",") for line in got.splitlines() if line and not line.startswith("#")]
    assert data[0] == ["zone_id", "zone_name", "class_code", "area_ha"]
    rows = {(r[0], r[1], r[2]): float(r[3]) for r in data[1:]}
    assert rows == {("A", "甲村", "12"): 20.0, ("A", "甲村", "21"): 16.0, ("A", "甲村", "41"): 1.0,
                    ("B", "", "12"): 20.0, ("B", "", "21"): 25.0}


def test_cancel_through_the_context_leaves_nothing(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    (tmp_path / "in").mkdir()
    zones, dltb = make_zones(tmp_path / "in"), write_area_check_dltb(tmp_path / "in")
    (tmp_path / "out").mkdir()
    ctx.set_progress(lambda fraction, message: True)
    for out in ("t.gpkg", "t.csv"):
        job, keep = make_job(io, lib, tmp_path / "out" / out, zones=str(zones), zone_id_field="code",
                             landuse=str(dltb), class_field="DLBM", area_check_field="TBMJ")
        status, info = run_job(io, lib, ctx, job)
        assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
        assert info.area_checked == 0  # not filled on failure
    assert list((tmp_path / "out").iterdir()) == []


def test_errors_name_the_file_and_bad_jobs_are_refused(io_lib, tmp_path: Path) -> None:
    io, lib, ctx = io_lib
    (tmp_path / "in").mkdir()
    zones, landuse = make_zones(tmp_path / "in"), make_landuse(tmp_path / "in")
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "t.gpkg"
    base = dict(zones=str(zones), zone_id_field="code", class_field="lucc")
    job, keep = make_job(io, lib, out, landuse=str(tmp_path / "in" / "nope.gpkg"), **base)
    status, _ = run_job(io, lib, ctx, job)
    assert status_name(ctx, status) == "GUOTU_ERR_IO" and str(tmp_path / "in" / "nope.gpkg") in ctx.last_error()
    job, keep = make_job(io, lib, out, tmp_path / "in" / "no_names.gpkg", landuse=str(landuse), **base)
    status, _ = run_job(io, lib, ctx, job)
    assert status_name(ctx, status) == "GUOTU_ERR_IO" and "no_names.gpkg" in ctx.last_error()
    job, keep = make_job(io, lib, landuse, landuse=str(landuse), **base)  # the output over an input
    status, _ = run_job(io, lib, ctx, job)
    assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "refusing" in ctx.last_error()
    job, keep = make_job(io, lib, tmp_path / "out" / "t.xlsx", landuse=str(landuse), **base)
    status, _ = run_job(io, lib, ctx, job)
    assert ctx.last_error() == "guotu_tally_file_job_run: the output must be a .gpkg or a .csv file"
    job, keep = make_job(io, lib, out, zones=str(zones), landuse=str(landuse))  # zones without their id field
    status, _ = run_job(io, lib, ctx, job)
    assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT" and "are required" in ctx.last_error()
    job, keep = make_job(io, lib, out, landuse=str(landuse), **base)
    job.names = b"names.gpkg"
    status, _ = run_job(io, lib, ctx, job)
    assert ctx.last_error() == "guotu_tally_file_job_run: zone names need their code and name fields"
    status = lib.guotu_tally_file_job_run(ctx.handle, None, None)
    assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT"
    assert list((tmp_path / "out").iterdir()) == []
