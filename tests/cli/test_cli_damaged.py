"""A damaged GeoPackage is never read as a shorter layer: one overwritten page in the middle
of a 1,600-parcel land-use table (or its root page) stops every command that reads it with
an error naming the layer and the file, exit status 1, no output written and a previous
output left as it was."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cli_support import run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import damaged_files as dmg  # noqa: E402


@pytest.fixture(scope="module")
def intact(tmp_path_factory) -> Path:
    return dmg.write_grid(tmp_path_factory.mktemp("intact") / "lu.gpkg")


def commands(data: Path, bad: Path, out: Path) -> dict:
    return {
        "tally": ["tally", "--zones", str(data), "--zones-layer", "zones", "--zone-id", "xzqdm", "--landuse", str(bad),
                  "--landuse-layer", "landuse", "--class-field", "dlbm", "-o", str(out.with_suffix(".csv"))],
        "convert": ["convert", "--before", str(bad), "--before-layer", "landuse", "--before-class-field", "dlbm",
                    "--before-system", "SANDIAO_WORK", "--after", str(data), "--after-layer", "landuse",
                    "--after-class-field", "dlbm", "--after-system", "SANDIAO_WORK", "-o", str(out)],
        "voucher": ["voucher", "--zones", str(data), "--zones-layer", "zones", "--zone-id", "xzqdm", "--gdp-field",
                    "gdp", "--pop-field", "pop", "--base", str(data), "--base-layer", "landuse",
                    "--base-class-field", "dlbm", "--base-system", "SANDIAO_WORK", "--target", str(bad),
                    "--target-layer", "landuse", "--target-class-field", "dlbm", "--target-system", "SANDIAO_WORK",
                    "-o", str(out)],
    }


@pytest.mark.parametrize("where", ["middle", "root"])
@pytest.mark.parametrize("command", ["tally", "convert", "voucher"])
def test_damaged_layer_is_an_error(intact: Path, tmp_path: Path, command: str, where: str) -> None:
    bad = dmg.damage(intact, tmp_path / "bad.gpkg", where=where)
    out = tmp_path / "out.gpkg"
    args = commands(intact, bad, out)[command]
    target = Path(args[-1])
    # The same command on the intact file works (the arguments are right) …
    good = run_guotu(*commands(intact, intact, out)[command])
    assert good.returncode == 0, good.stderr
    before = target.read_bytes()
    # … and on the damaged one fails, naming the layer and file, with the earlier output untouched.
    res = run_guotu(*args)
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert "layer 'landuse' of" in res.stderr and "bad.gpkg" in res.stderr, res.stderr
    assert "damaged" in res.stderr, res.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["bad.gpkg", target.name])


def test_intact_grid_is_read_whole(intact: Path, tmp_path: Path) -> None:
    """The check does not fire on a whole file: 1,600 parcels of 0.25 ha = 400 ha."""
    out = tmp_path / "t.csv"
    res = run_guotu(*commands(intact, intact, out)["tally"][:-1], str(out))
    assert res.returncode == 0, res.stderr
    rows = out.read_text().splitlines()[1:]
    assert sum(float(r.split(",")[2]) for r in rows) == pytest.approx(400.0, rel=1e-6)
