"""The plugin's conversion map equals ``guotu convert`` on the same files: pieces, the
transition tables (by category and by code, per zone and '*'), the status summary and the
unknown codes, with the same field names."""

import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, List, Tuple

import pytest
from osgeo import ogr
from qgis.core import QgsVectorLayer

import conversion_data as cd
from conftest import REPO

pytestmark = pytest.mark.usefixtures("provider")

TABLES = (("CONVERSIONS", "conversions"), ("TRANSITIONS", "transitions"), ("STATUS_SUMMARY", "status_summary"),
          ("UNKNOWN", "unknown_codes"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """The synthetic sample region at 1/4 scale (2 × 2500 parcels, 100 zones)."""
    out = tmp_path_factory.mktemp("conversion_sample")
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_sample.py"),
                    "--out", str(out), "--scale", "0.25"], check=True, capture_output=True)
    return out


def _close(a: float, b: float) -> bool:
    return a == pytest.approx(b, rel=1e-9, abs=1e-9)


def _field_names(path: Path, layer: str) -> List[str]:
    dataset = ogr.Open(str(path))  # kept referenced: its layers die with it
    return [d.GetName() for d in dataset.GetLayerByName(layer).schema]


def _pieces_by_key(rows: List[dict]) -> Dict[Tuple[str, ...], Tuple[int, float, float, tuple]]:
    """(zone, codes, categories, status, paths) -> (count, area, dm, sorted areas)."""
    groups: Dict[tuple, list] = defaultdict(list)
    for r in rows:
        key = tuple(r[f] or "" for f in ("zone_id", "from_code", "to_code", "from_category", "to_category", "status",
                                          "path_zh", "path_en"))
        groups[key].append((r["area_ha"], r["dm_ha"]))
    return {k: (len(v), sum(a for a, _ in v), sum(d for _, d in v), tuple(sorted(round(a, 6) for a, _ in v)))
            for k, v in groups.items()}


def assert_same_outputs(plugin: dict, cli: Path) -> None:
    for output, layer in TABLES:
        assert plugin[output].fields().names() == _field_names(cli, layer), layer
    mine, theirs = _pieces_by_key(cd.layer_rows(plugin["CONVERSIONS"])), _pieces_by_key(cd.ogr_rows(cli, "conversions"))
    assert mine.keys() == theirs.keys()
    for key, (count, area, dm, areas) in theirs.items():
        assert mine[key][0] == count, key
        assert _close(mine[key][1], area) and _close(mine[key][2], dm), key
        assert mine[key][3] == pytest.approx(areas, abs=2e-6), key

    def transitions(rows):
        return {(r["zone_id"], r["level"], r["from_class"], r["to_class"]): (r["status"], r["area_ha"], r["dm_ha"])
                for r in rows}

    mine, theirs = transitions(cd.layer_rows(plugin["TRANSITIONS"])), transitions(cd.ogr_rows(cli, "transitions"))
    assert mine.keys() == theirs.keys()
    for key, (status, area, dm) in theirs.items():
        assert mine[key][0] == status and _close(mine[key][1], area) and _close(mine[key][2], dm), key
    # Same rows in the same order (the core sorts them).
    assert [k[:4] for k in (tuple(r.values()) for r in cd.layer_rows(plugin["TRANSITIONS"]))] == \
        [k[:4] for k in (tuple(r.values()) for r in cd.ogr_rows(cli, "transitions"))]

    def statuses(rows):
        return {(r["zone_id"], r["status"]): r["area_ha"] for r in rows}

    mine, theirs = statuses(cd.layer_rows(plugin["STATUS_SUMMARY"])), statuses(cd.ogr_rows(cli, "status_summary"))
    assert mine.keys() == theirs.keys()
    assert all(_close(mine[k], v) for k, v in theirs.items())
    mine = {(r["class_code"], r["layer"]): r["area_ha"] for r in cd.layer_rows(plugin["UNKNOWN"])}
    theirs = {(r["class_code"], r["layer"]): r["area_ha"] for r in cd.ogr_rows(cli, "unknown_codes")}
    assert mine.keys() == theirs.keys() and all(_close(mine[k], v) for k, v in theirs.items())


def test_hand_fixture_with_zones_equals_cli(tmp_path: Path):
    files = cd.write_fixture(tmp_path)
    out = tmp_path / "cli.gpkg"
    res = cd.cli_convert(files["before"], files["after"], out, "--zones", str(files["zones"]), "--zone-id", "code",
                         "--area", "planar")
    assert res.returncode == 0, res.stderr
    plugin = cd.run_algorithm(cd.params(str(files["before"]), str(files["after"]), str(files["zones"])))
    assert_same_outputs(plugin, out)
    # And both are the hand-worked numbers.
    assert cd.status_areas(cd.ogr_rows(out, "status_summary"), "Z1") == pytest.approx(cd.STATUS_Z1)


def test_sample_region_equals_cli(sample: Path, tmp_path: Path):
    out = tmp_path / "cli.gpkg"
    res = cd.cli_convert(sample / "landuse_2010.gpkg", sample / "landuse_2020.gpkg", out, "--zones",
                         str(sample / "zones.gpkg"), "--zone-id", "code", before_field="lucc_code",
                         after_field="lucc_code", after_system="CAS_LUCC")
    assert res.returncode == 0, res.stderr
    plugin = cd.run_algorithm({
        "BEFORE": str(sample / "landuse_2010.gpkg"), "BEFORE_CLASS_FIELD": "lucc_code", "BEFORE_SYSTEM": 0,
        "AFTER": str(sample / "landuse_2020.gpkg"), "AFTER_CLASS_FIELD": "lucc_code", "AFTER_SYSTEM": 0,
        "ZONES": QgsVectorLayer(str(sample / "zones.gpkg"), "zones", "ogr"), "ZONE_ID": "code",
        "CONVERSIONS": "memory:", "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:"})
    assert plugin["CONVERSIONS"].featureCount() > 10_000
    assert_same_outputs(plugin, out)
    statuses = {r["status"] for r in cd.layer_rows(plugin["STATUS_SUMMARY"])}
    assert statuses >= {"same", "path", "gap", "prohibited", "conditional"}
