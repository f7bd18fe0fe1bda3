"""guotu_voucher_job_run (guotu_io.h), the voucher accounting and market the tool's `voucher`
runs, called through the I/O library shipped with the plugin: the same tables as the tool; the
finished account, market and ledger with the run's counts handed to the report; cancel through
the context's progress callback leaving nothing; an error naming the layer and field; a bad
job refused before anything is read.

The fixture is test_cli_voucher.py's hand-computed one (its docstring works the numbers out):
zones Z1 and Z2, reference over the zones, E1 = 22.5 ha (supply), E2 = -118.125 ha (demand),
at a fixed 1000 yuan/ha 22.5 ha traded Z1 -> Z2."""

import ctypes
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
import test_cli_voucher as cv  # noqa: E402  (the hand-computed fixture)
from job_tables import status_name, table as read_table

TABLES = ("voucher", "voucher_classes", "summary", "trades", "unknown_codes", "ledger", "ledger_trades")
GUOTU_AREA_PLANAR = 1


def _created_masked(values: tuple) -> tuple:
    if values and values[0] == "created_utc":  # the summary's time of writing
        return (values[0],) + tuple("<time>" if isinstance(v, str) else v for v in values[1:])
    return values


def table(path: Path, name: str) -> List[object]:
    return read_table(path, name, mask=_created_masked)


def b(text: Optional[str]) -> Optional[bytes]:
    return None if text is None else text.encode("utf-8")


def make_job(io, lib, files: dict, out: Path, **fields):
    job = io._VoucherJob()
    lib.guotu_voucher_job_init(ctypes.byref(job))
    keep = []
    values = dict(zones=str(files["zones"]), zone_id_field="code", zone_name_field="name", gdp_field="gdp",
                  pop_field="pop", base=str(files["base"]), target=str(files["target"]), base_class_field="lucc",
                  target_class_field="lucc", reference="zones", output=str(out) if out else None)
    values.update(fields)
    for name, value in values.items():
        if isinstance(value, (int, float)):
            setattr(job, name, value)
        else:
            keep.append(b(value))
            setattr(job, name, keep[-1])
    job.area_method = GUOTU_AREA_PLANAR
    job.price = 1000.0
    return job, keep


def tool(files: dict, out: Path) -> subprocess.CompletedProcess:
    res = cv.voucher(files, out, "--area", "planar", "--price", "1000", "--reference", "zones")
    assert res.returncode == 0, res.stderr
    return res


def leftovers(folder: Path) -> List[str]:
    return sorted(p.name for p in folder.rglob("*.tmp-*"))


@pytest.fixture
def files(tmp_path: Path) -> dict:
    (tmp_path / "in").mkdir()
    return cv.make_fixture(tmp_path / "in")


def test_the_job_writes_what_the_tool_writes(guotu, files, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = tool(files, tmp_path / "tool.gpkg")
    reported = []

    def report(_ctx, voucher, market, attribution, accounts, info, _user) -> None:
        i = info.contents
        reported.append({"handles": (bool(voucher), bool(market), bool(attribution), bool(accounts)),
                         "zones": i.zones, "units": i.units, "reference": i.reference.decode(),
                         "violations": i.violations, "key": i.key_function_marked,
                         "effect": i.price_effect.decode(), "base_year": i.base_year, "periods": i.period_count,
                         "traded": [i.period_traded_ha[k] for k in range(2)], "csv": i.ledger_csv})

    with native.Context() as ctx:
        lib = io.io_library(ctx)
        assert lib is not None
        io.declare_voucher_job(lib)
        job, keep = make_job(io, lib, files, tmp_path / "job.gpkg")
        job.report = io._VOUCHER_REPORT_FN(report)
        status = lib.guotu_voucher_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    # the hand-computed account: E1 22.5, E2 -118.125, 22.5 ha traded at the fixed price
    z = cv.by_zone(tmp_path / "job.gpkg")
    assert z["Z1"]["e_ha"] == pytest.approx(22.5) and z["Z2"]["e_ha"] == pytest.approx(-118.125)
    assert len(reported) == 1
    r = reported[0]
    assert r["handles"] == (True, True, False, True)  # a market; no counties; the ledger of one period
    assert (r["zones"], r["units"], r["reference"], r["violations"], r["key"]) == (2, 0, "zones", 0, 0)
    assert r["effect"] == "demand_exceeds_supply_at_fixed_price"  # 118.125 ha asked, 22.5 offered
    assert (r["base_year"], r["periods"], r["csv"]) == (0, 1, None)  # no SJNF in the fixture, no --period
    assert r["traded"] == [pytest.approx(22.5), 0.0]
    assert "22.50 ha traded at 1000.00 yuan/ha" in res.stdout and "period 1" not in res.stdout
    assert leftovers(tmp_path) == []


def test_cancel_through_the_context_leaves_nothing(guotu, files, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    for stop_at in (None, "writing the voucher outputs"):
        calls = []
        out = tmp_path / f"out-{bool(stop_at)}.gpkg"
        with native.Context() as ctx:
            lib = io.declare_voucher_job(io.io_library(ctx))
            ctx.set_progress(lambda fraction, message: calls.append(message) or stop_at in (None, message))
            job, keep = make_job(io, lib, files, out)
            status = lib.guotu_voucher_job_run(ctx.handle, ctypes.byref(job))
            assert status_name(ctx, status) == "GUOTU_ERR_CANCELLED", ctx.last_error()
            error = ctx.last_error()
        if stop_at is None:
            assert len(calls) == 1 and "cancelled" in error  # the first report stopped it, while reading
        else:
            assert calls[-1] == stop_at and calls.count(stop_at) == 1 and len(calls) > 1
            assert f"stopped before writing '{out}'" in error
        assert not out.exists() and not Path(str(out)[:-5] + "_ledger.csv").exists()
    assert leftovers(tmp_path) == []


def test_an_error_names_the_layer_and_field(guotu, files, tmp_path: Path) -> None:
    """A GDP field the zones layer does not have: the job's error is the tool's, naming both."""
    from guotu.binding import io_native as io
    from guotu.binding import native

    res = cv.run_guotu("voucher", "--zones", str(files["zones"]), "--zone-id", "code", "--gdp-field", "gdp_2020",
                       "--pop-field", "pop", "--base", str(files["base"]), "--target", str(files["target"]),
                       "--base-class-field", "lucc", "--target-class-field", "lucc", "--reference", "zones",
                       "--area", "planar", "--price", "1000", "-o", str(tmp_path / "tool.gpkg"))
    assert res.returncode == 1
    with native.Context() as ctx:
        lib = io.declare_voucher_job(io.io_library(ctx))
        job, keep = make_job(io, lib, files, tmp_path / "job.gpkg", gdp_field="gdp_2020", zone_name_field=None)
        status = lib.guotu_voucher_job_run(ctx.handle, ctypes.byref(job))
        assert status != 0
        error = ctx.last_error()
    assert "'zones'" in error and "gdp_2020" in error
    assert res.stderr == f"guotu voucher: error: {error}\n"
    assert not (tmp_path / "job.gpkg").exists() and not (tmp_path / "tool.gpkg").exists()
    assert leftovers(tmp_path) == []


def test_a_bad_job_is_refused_before_reading(guotu, files, tmp_path: Path) -> None:
    from guotu.binding import io_native as io
    from guotu.binding import native

    missing = str(tmp_path / "no such file.gpkg")  # read, it would fail with GUOTU_ERR_IO
    period = io._VoucherPeriod(2020, b(missing), None, None, None)
    with native.Context() as ctx:
        lib = io.declare_voucher_job(io.io_library(ctx))
        for fields, words in (({"output": None}, "output are required"),
                              ({"output": str(tmp_path / "out.shp")}, "the output must be a .gpkg file"),
                              ({"zones": missing, "floor_price": 500.0}, "a fixed price or a floor price, not both"),
                              ({"zones": missing, "base_system": "LUCC"}, "CAS_LUCC, SANDIAO_WORK"),
                              ({"zones": missing, "zone_code_field": "ZLDWDM"}, "no zones layer"),
                              ({"zones": missing, "reference": "world"}, "national, zones or entered"),
                              ({"zones": missing, "national_gdp_per_capita": 72000.0},
                               "GDP per capita and population density go together"),
                              ({"zones": missing, "redline": missing}, "a workspace, or both layers"),
                              ({"zones": missing, "caps": "10,20"}, "caps per period need periods"),
                              ({"zones": missing, "baseline": 7}, "an unknown baseline"),
                              ({"zones": missing, "period_count": 1}, "periods replace the target")):
            job, keep = make_job(io, lib, files, tmp_path / "out.gpkg", **fields)
            if fields.get("period_count"):
                job.periods = ctypes.pointer(period)
            status = lib.guotu_voucher_job_run(ctx.handle, ctypes.byref(job))
            assert status_name(ctx, status) == "GUOTU_ERR_ARGUMENT", (fields, ctx.last_error())
            assert ctx.last_error().startswith("guotu_voucher_job_run: ") and words in ctx.last_error(), fields
        assert status_name(ctx, lib.guotu_voucher_job_run(ctx.handle, None)) == "GUOTU_ERR_ARGUMENT"
        assert "no job" in ctx.last_error()
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "out.shp").exists()


def test_accounts_over_years_equal_the_tool(guotu, tmp_path: Path) -> None:
    """Three periods with caps 10, 100, 100 (test_cli_voucher_ledger.py's hand-computed ledger):
    the job's ledger table and CSV are the tool's, and the report has each period's volume."""
    import test_cli_voucher_ledger as vl
    from guotu.binding import io_native as io
    from guotu.binding import native

    (tmp_path / "in").mkdir()
    surveys = vl.make_surveys(tmp_path / "in")
    res = vl.three_periods(surveys, tmp_path / "tool.gpkg")
    assert res.returncode == 0, res.stderr
    reported = []

    def report(_ctx, voucher, market, attribution, accounts, info, _user) -> None:
        i = info.contents
        reported.append((i.base_year, i.period_count, [i.period_traded_ha[k] for k in range(4)],
                         i.ledger_csv.decode(), bool(accounts), bool(market)))

    keep = [b(str(surveys[year])) for year in (2020, 2021, 2022)]
    periods = (io._VoucherPeriod * 3)(*[io._VoucherPeriod(year, path, None, None, None)
                                        for year, path in zip((2020, 2021, 2022), keep)])
    files = {"zones": surveys["zones"], "base": surveys[2019], "target": None}
    with native.Context() as ctx:
        lib = io.declare_voucher_job(io.io_library(ctx))
        job, more = make_job(io, lib, files, tmp_path / "job.gpkg", target=None, caps="10,100,100")
        job.periods, job.period_count = ctypes.cast(periods, ctypes.POINTER(io._VoucherPeriod)), 3
        job.report = io._VOUCHER_REPORT_FN(report)
        status = lib.guotu_voucher_job_run(ctx.handle, ctypes.byref(job))
        assert status == 0, ctx.last_error()
    for name in TABLES:
        assert table(tmp_path / "job.gpkg", name) == table(tmp_path / "tool.gpkg", name), name
    vl.assert_rows(vl.ledger_rows(tmp_path / "job.gpkg"), vl.EXPECTED)
    assert (tmp_path / "job_ledger.csv").read_bytes() == (tmp_path / "tool_ledger.csv").read_bytes()
    # base year 2019 from SJNF; traded 10, 5, 15 ha (caps 10, 100, 100)
    assert reported == [(2019, 3, [pytest.approx(10), pytest.approx(5), pytest.approx(15), 0.0],
                         str(tmp_path / "job_ledger.csv"), True, True)]
    assert "period 3 (2021 -> 2022): traded 15.00 ha" in res.stdout
    assert leftovers(tmp_path) == []
