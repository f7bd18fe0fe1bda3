"""The QML styles the tool stores in its GeoPackages (resources/styles/<folder>/<name>.qml) are
what resources/styles/make_styles.py makes now from the plugin's stylers and the schemas: a
styler or a schema title changed without regenerating fails here, naming the file."""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from qgis.core import QgsVectorLayer

from conftest import REPO

GENERATOR = REPO / "resources" / "styles" / "make_styles.py"
OTHER_QGIS = 3  # make_styles' exit code under a QGIS other than the one the files are written with


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_styles", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*args: str) -> subprocess.CompletedProcess:
    """The generator in a process of its own (its own QGIS application, the plugin of this
    checkout), as a developer runs it."""
    res = subprocess.run([sys.executable, str(GENERATOR), *args], capture_output=True, text=True, timeout=120)
    if res.returncode == OTHER_QGIS:
        pytest.skip(res.stderr.strip())
    return res


def test_committed_styles_are_what_the_generator_makes() -> None:
    res = _run("--check")
    assert res.returncode == 0, (res.stdout + res.stderr)
    assert f"{len(_generator().STYLES)} styles up to date" in res.stdout


def test_check_names_each_stale_or_unknown_file(tmp_path: Path) -> None:
    """A committed folder with one legend label edited by hand, one style missing and one file
    no entry of the table writes: --check exits 1 and names exactly those three."""
    committed = tmp_path / "styles"
    shutil.copytree(GENERATOR.parent, committed, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    issues = committed / "border" / "basemap_issues.qml"
    text = issues.read_text(encoding="utf-8")
    assert text.count('label="Base-map and input issues"') == 1
    issues.write_text(text.replace('label="Base-map and input issues"', 'label="底图问题 base-map issue"'),
                      encoding="utf-8")
    (committed / "tally" / "area_check.qml").unlink()
    (committed / "tally" / "old_table.qml").write_text("<qgis/>", encoding="utf-8")
    res = _run("--check", "--committed", str(committed))
    assert res.returncode == 1, res.stdout + res.stderr
    assert re.findall(r"^stale: (\S+)$", res.stdout, re.M) == [
        "border/basemap_issues.qml", "tally/area_check.qml", "tally/old_table.qml"]
    assert "make_styles.py" in res.stderr


def test_every_table_entry_has_its_file_and_every_file_an_entry() -> None:
    generator = _generator()
    listed = sorted(f"{s.path}.qml" for s in generator.STYLES)
    on_disk = sorted(str(p.relative_to(GENERATOR.parent)) for p in GENERATOR.parent.glob("*/*.qml"))
    assert listed == on_disk
    assert len(set(listed)) == len(listed) == 34


def test_the_files_load_with_the_schema_titles_as_aliases(qgis_app) -> None:
    """Sorted attributes and derived rule keys are still a style QGIS reads: each file loads
    onto a layer of its columns, gives them the schema's Chinese titles, and the labels of a
    labelled layer are in the stored font."""
    generator = _generator()
    for style in generator.STYLES:
        columns = generator.columns_of(style)
        uri = f"{style.geometry}?crs=EPSG:4527" + "".join(f"&field={n}:{generator.KINDS[k]}" for n, k, _ in columns)
        layer = QgsVectorLayer(uri, "check", "memory")
        message, ok = layer.loadNamedStyle(str(GENERATOR.parent / f"{style.path}.qml"))
        assert ok, (style.path, message)
        assert [layer.attributeAlias(i) for i in range(len(columns))] == [t for _, _, t in columns], style.path
        if layer.labelsEnabled():
            family = layer.labeling().settings().format().font().family()
            assert family == generator.STORED_FONT, style.path


def test_tables_take_their_titles_from_the_schemas() -> None:
    """The tally table's aliases follow resources/schemas/tally.csv, the optional zone name's too
    (the tool adds it with --zone-name); the conflicts style knows no review columns (a CLI
    output has none, so the style draws every conflict unreviewed)."""
    generator = _generator()
    by_path = {s.path: s for s in generator.STYLES}
    assert generator.columns_of(by_path["tally/tally"]) == [
        ("zone_id", "text", "分区编号"), ("zone_name", "text", "分区名称"), ("class_code", "text", "地类编码"),
        ("area_ha", "real", "面积（公顷）")]
    conflicts = [n for n, _, _ in generator.columns_of(by_path["border/border_conflicts"])]
    assert "conflict_id" in conflicts and "review_status" not in conflicts
    sites = [n for n, _, _ in generator.columns_of(by_path["priorities/ranked_sites"])]
    assert sites == ["site_fid", "site_id", "front", "crowding", "lex_rank"]
