"""Every conflict detail the border check writes has words of its own in the review dock and the
reports (border_check.conflict_title): on the county package (SYNTHETIC, red line between the
towns) the tool writes overlaps "crossing" and gaps "one_side"/"both_sides"; none is shown as its id."""

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests" / "cli"))
import county_expected as ce  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")


def test_every_detail_of_the_county_border_has_a_title(guotu, tmp_path: Path) -> None:
    from guotu.border.border_check import conflict_title, detail_titles, kind_titles

    package = ce.make_package(tmp_path / "pkg", cells=75)  # the gaps appear at the full 12 km
    out = tmp_path / "border.gpkg"
    res = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "border", "--admin", str(package / ce.BASE_GDB),
                          "--admin-layer", "XZQ", "--admin-id", "XZQDM", "--admin-name", "XZQMC", "--elements",
                          str(package / ce.PLAN_GDB), "--elements-layer", "生态保护红线", "--city-field", "XZQDM",
                          "--category-field", "HXLX", "--name-field", "HXMC", "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    pairs = {(v["kind"], v["detail"] or "") for v, _ in ce.features(out, "border_conflict_lines")}
    assert ("gap", "one_side") in pairs or ("gap", "both_sides") in pairs, pairs
    for kind, detail in pairs:  # words of the plugin's own for each, not the id passed through
        assert kind in kind_titles() and (not detail or detail in detail_titles()), (kind, detail)
    assert conflict_title("gap", "one_side") == "Gap (one side)"
    assert conflict_title("gap", "both_sides") == "Gap (both sides)"
