"""guotu ledger with two survey years as separate layers (--current / --planned): the layers
are overlaid and every piece carries both sides. Hand-computed on parcels cut differently in
the two years (tests/ledger_fixture.py SPLIT_*), equal to the one-layer ledger where both are
possible, and refused when the layers do not cover the same land."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from osgeo import ogr

from cli_support import run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ledger_fixture as fx  # noqa: E402

YEAR_FIELDS = ["--parcel-id", "BSM", "--current-field", "DLBM", "--current-system", "SANDIAO_WORK",
               "--planned-field", "GHDL", "--planned-system", "SANDIAO_WORK", "--kcxs-field", "KCXS",
               "--planned-kcxs-field", "GHKCXS", "--grade-field", "GDDB", "--planned-grade-field", "GHGDDB",
               "--farmland-field", "YJJBNT", "--planned-farmland-field", "GHJBNT", "--project-field", "XMBH",
               "--type-field", "ZZLX", "--area", "planar"]


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayerByName(layer)]


def context_args(tmp: Path) -> list[str]:
    return ["--redline", str(fx.write_redline(tmp / "hx.gpkg")),
            "--river-beaches", str(fx.write_beaches(tmp / "htd.gpkg")),
            "--units", str(fx.write_units(tmp / "dy.gpkg")), "--unit-id", "DYBH", "--unit-name", "DYMC"]


def test_split_parcels_hand_computed(tmp_path):
    cur, plan = fx.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    out = tmp_path / "out.gpkg"
    res = run_guotu("ledger", "--current", str(cur), "--planned", str(plan), *YEAR_FIELDS, "--unit-field", "DYBH",
                    "-o", str(out))
    assert res.returncode == 0, res.stderr
    units = rows(out, "unit_ledger")
    assert [u["unit_id"] for u in units] == ["U"]
    u = units[0]
    for key, value in fx.SPLIT_EXPECTED.items():
        if isinstance(value, str):
            assert u[key] == value, (key, u["reasons_zh"])
        else:
            assert u[key] == pytest.approx(value, abs=1e-9), key
    assert u["verdict"] == "不通过"
    certs = rows(out, "certificates")
    assert len(certs) == 1
    c = certs[0]
    assert (c["number"], c["parcel_id"], c["current_code"], c["planned_code"]) == ("PJ1-0001", "P2/Q3", "0702", "0103")
    assert (c["area_ha"], c["cultivated_ha"], c["tiankan_ha"]) == pytest.approx((.5, .4, .1), abs=1e-9)
    # The certificate is drawn as the piece, not as either year's polygon.
    ds = ogr.Open(str(out))
    feature = ds.GetLayerByName("certificates").GetNextFeature()
    geom = feature.GetGeometryRef()
    assert geom.GetArea() == pytest.approx(50 * 100)
    assert geom.GetEnvelope()[0] == pytest.approx(fx.X0 + 250)
    meta = ds.GetLayerByName("unit_ledger")
    assert meta.GetMetadataItem("current") == str(cur) and meta.GetMetadataItem("planned") == str(plan)


def test_two_layers_equal_one_layer(tmp_path):
    one = tmp_path / "one.gpkg"
    two = tmp_path / "two.gpkg"
    parcels = fx.write_parcels(tmp_path / "dltb.gpkg")
    res = run_guotu("ledger", "--parcels", str(parcels), *YEAR_FIELDS, *context_args(tmp_path), "-o", str(one))
    assert res.returncode == 0, res.stderr
    cur, plan = fx.write_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    res = run_guotu("ledger", "--current", str(cur), "--planned", str(plan), *YEAR_FIELDS, *context_args(tmp_path),
                    "-o", str(two))
    assert res.returncode == 0, res.stderr
    a, b = rows(one, "unit_ledger"), rows(two, "unit_ledger")
    assert [u["unit_id"] for u in a] == [u["unit_id"] for u in b] == ["U1", "U2"]
    for ua, ub in zip(a, b):
        for key, value in ua.items():
            if key in ("beach_parcel_ids", "reasons_zh"):  # the piece H/H is the parcel H
                assert re.sub(r"([A-J])/\1", r"\1", ub[key]) == value, key
            elif isinstance(value, float):
                assert ub[key] == pytest.approx(value, abs=1e-9), key
            else:
                assert ub[key] == value, key
    for ta in ("unit_grades", "project_certificates"):
        assert _same(rows(one, ta), rows(two, ta))
    ca, cb = rows(one, "certificates"), rows(two, "certificates")
    assert [c["number"] for c in ca] == [c["number"] for c in cb] == list(fx.CERTIFICATES)
    for x, y in zip(ca, cb):
        assert y["parcel_id"] == f"{x['parcel_id']}/{x['parcel_id']}"
        for key in ("area_ha", "cultivated_ha", "tiankan_ha", "forest_ha", "standard_forest_ha", "issuable"):
            assert y[key] == pytest.approx(x[key], abs=1e-9) if isinstance(x[key], float) else y[key] == x[key]


def _same(a: list[dict], b: list[dict]) -> bool:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        for key, value in x.items():
            assert y[key] == (pytest.approx(value, abs=1e-9) if isinstance(value, float) else value), key
    return True


def test_layers_not_covering_the_same_land_refused(tmp_path):
    short = list(fx.SPLIT_PLANNED)
    wkt, values = short[2]
    short[2] = (fx.box(250, 0, 290, 100), values)  # 10 m × 100 m = 0.1 ha of P2 in no planned polygon
    cur, plan = fx.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg", short)
    res = run_guotu("ledger", "--current", str(cur), "--planned", str(plan), *YEAR_FIELDS, "--unit-field", "DYBH",
                    "-o", str(tmp_path / "out.gpkg"))
    assert res.returncode == 1
    assert "do not cover the same land" in res.stderr
    assert "1 current polygon(s) have 0.1000 ha" in res.stderr and "'P2'" in res.stderr, res.stderr
    assert not (tmp_path / "out.gpkg").exists()


@pytest.mark.parametrize("extra, message", [
    (["--parcels", "x.gpkg"], "not both"),
    (["--area-field", "TBMJ"], "--area-field is refused"),
])
def test_bad_two_layer_options(tmp_path, extra, message):
    cur, plan = fx.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    res = run_guotu("ledger", "--current", str(cur), "--planned", str(plan), *YEAR_FIELDS, *extra,
                    "-o", str(tmp_path / "out.gpkg"))
    assert res.returncode == 2 and message in res.stderr, res.stderr


def test_unit_field_in_neither_layer_refused(tmp_path):
    cur, plan = fx.write_split_years(tmp_path / "y2019.gpkg", tmp_path / "y2020.gpkg")
    res = run_guotu("ledger", "--current", str(cur), "--planned", str(plan), *YEAR_FIELDS, "--unit-field", "CUNDM",
                    "-o", str(tmp_path / "out.gpkg"))
    assert res.returncode == 1 and "has a field CUNDM" in res.stderr, res.stderr
