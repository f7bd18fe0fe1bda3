"""guotu:threelinescheck through its real dialog (QGIS desktop under Xvfb): an admin layer that has
the known target fields starts its field boxes on them; a field box the user empties reaches the
algorithm empty and means none — L12 is not checked (one issue fewer: 110101's farmland
41.0175 ha < 50 is the fixture's only L12 finding) — while a workspace run from the dialog, whose
field boxes have no layer to list, still uses the workspace's fields."""

import json
from pathlib import Path

import pytest

from desktop_harness import needs_desktop, run_desktop
from lines_data import make_fixture
from test_dialogs_gui import CODE

pytestmark = [pytest.mark.usefixtures("provider"), needs_desktop]


def test_an_emptied_target_field_from_the_dialog_is_none(plugin_root: Path, tmp_path: Path) -> None:
    lines = tmp_path / "lines"
    make_fixture(lines)
    ws = lines / "ws.gpkg"
    layers = {"REDLINE": f"{ws}|layername=ecological_redline", "FARMLAND": f"{ws}|layername=permanent_farmland",
              "URBAN": f"{ws}|layername=urban_boundary", "ADMIN": f"{ws}|layername=admin_units",
              "AREA_METHOD": 1}
    cases = [{"label": "own_layers", "alg": "guotu:threelinescheck", "given": dict(layers)},
             {"label": "no_farmland_target", "alg": "guotu:threelinescheck",
              "given": dict(layers, FARMLAND_TARGET="")},
             {"label": "workspace", "alg": "guotu:threelinescheck", "given": {"WORKSPACE": str(ws), "AREA_METHOD": 1}}]
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    result, _log, _shot = run_desktop(plugin_root, tmp_path, CODE, "lines_fields_dialog",
                                      {"GUOTU_CASES": str(tmp_path / "cases.json"),
                                       "GUOTU_SHOTS": str(tmp_path / "shots")}, locale="en_US")
    done = {entry["label"]: entry for entry in result["cases"]}
    for label, entry in done.items():
        assert not {k: entry[k] for k in ("refused", "check", "error") if k in entry}, (label, entry)
    own, off, workspace = done["own_layers"], done["no_farmland_target"], done["workspace"]
    # the boxes start on the layer's known fields …
    assert own["values"]["FARMLAND_TARGET"] == "'pbf_target_ha'"
    assert own["values"]["REDLINE_TARGET"] == "'erl_target_ha'"
    # … an emptied one arrives empty and switches its rule off
    assert off["values"]["FARMLAND_TARGET"] in ("NULL", "''"), off["values"]["FARMLAND_TARGET"]
    assert off["counts"]["ISSUES"] == own["counts"]["ISSUES"] - 1
    # the workspace's boxes have no layer: empty, yet the workspace's fields are used (L12 found)
    assert workspace["values"]["FARMLAND_TARGET"] in ("NULL", "''")
    assert workspace["counts"]["ISSUES"] == own["counts"]["ISSUES"]
