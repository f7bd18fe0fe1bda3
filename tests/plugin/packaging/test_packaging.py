"""scripts/package_plugin.py output and metadata.txt."""

import ast
import configparser
import filecmp
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import BUILD_DIR, REPO


def _package(out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "scripts" / "package_plugin.py"),
                           "--build-dir", str(BUILD_DIR), "--out", str(out), *extra],
                          capture_output=True, text=True)


def test_assembled_folder_layout(plugin_root: Path):
    root = plugin_root / "guotu"
    for relative in ("__init__.py", "guotu_plugin.py", "metadata.txt", "i18n.py", "binding/native.py",
                     "tally/tally.py", "processing/provider.py", "processing/area_by_class.py",
                     "resources/icons/guotu.svg", "resources/i18n/guotu_zh_CN.qm", "lib/libguotu.so",
                     "voucher/voucher.py", "voucher/market.py", "inputs/feature_reading.py",
                     "conversion/convert.py", "lines/lines_check.py", "parcels/parcels_check.py",
                     "border/border_check.py", "reporting/report_layout.py", "processing/voucher_accounting.py",
                     "processing/voucher_market.py", "ui/voucher_dialog.py", "ui/voucher_dialog.ui",
                     "resources/presets/voucher/CAS_LUCC.csv", "resources/presets/voucher/SANDIAO_WORK.csv",
                     "resources/presets/voucher/GBT21010_2017.csv", "resources/presets/voucher/YDYH_2023.csv"):
        assert (root / relative).is_file(), relative
    assert not list(root.rglob("*.ts")), "sources of translations are not shipped"
    assert not list(root.rglob("__pycache__"))
    assert not (root / "lib" / "libguotu.so").is_symlink()
    assert (root / "lib" / "libguotu.so").read_bytes()[:4] == b"\x7fELF"
    # Only the plugin folder is left in the output: no staging leftovers.
    assert [p.name for p in plugin_root.iterdir()] == ["guotu"]


def test_packaging_is_idempotent_and_zips(tmp_path: Path):
    first = _package(tmp_path, "--zip")
    assert first.returncode == 0, first.stderr
    snapshot = tmp_path.parent / (tmp_path.name + "_first")
    (tmp_path / "guotu").rename(snapshot)
    zip_bytes = (tmp_path / "guotu-0.1.0.zip").read_bytes()
    again = _package(tmp_path, "--zip")
    assert again.returncode == 0, again.stderr
    third = _package(tmp_path, "--zip")  # over an existing folder
    assert third.returncode == 0, third.stderr
    comparison = filecmp.dircmp(snapshot, tmp_path / "guotu")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    assert (tmp_path / "guotu-0.1.0.zip").read_bytes() == zip_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guotu", "guotu-0.1.0.zip"]
    with zipfile.ZipFile(tmp_path / "guotu-0.1.0.zip") as zf:
        names = zf.namelist()
        assert all(n.startswith("guotu/") for n in names)
        assert "guotu/metadata.txt" in names and "guotu/lib/libguotu.so" in names
        assert (zf.getinfo("guotu/lib/libguotu.so").external_attr >> 16) & 0o111


def test_missing_library_fails_clearly(tmp_path: Path):
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "package_plugin.py"),
                             "--build-dir", str(tmp_path / "nobuild"), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "libguotu.so not found" in result.stderr
    assert not (tmp_path / "out" / "guotu").exists()


def test_metadata_is_valid_for_the_plugin_repository():
    parser = configparser.ConfigParser()
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    meta = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "icon", "category", "tags"):
        assert meta.get(key, "").strip(), key
    assert meta["name"] == "Guotu 国土"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["qgisMaximumVersion"].startswith("4.")  # QGIS 4 blocks plugins without it
    assert meta["version"] == "0.1.0"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["supportsQt6"] == "True"
    assert meta["experimental"] == "True"
    assert meta["category"] == "Analysis"
    assert meta["icon"] == "resources/icons/guotu.svg" and (REPO / meta["icon"]).is_file()
    for key in ("repository", "tracker", "homepage"):
        assert meta[key].startswith("https://example.invalid/")
    # English for everyone, Chinese for zh_CN (QGIS reads key[locale] first).
    assert "planning" in meta["about"] and "国土" in meta["about"]
    assert "地类" in meta["description[zh_CN]"] and "椭球面积" in meta["about[zh_CN]"]
    # The plugin manager's text names every feature, not only the first two that were built.
    for term in ("Three control lines", "Ecological vouchers", "Land-use conversion", "Rectification parcels",
                 "Cross-city border", "Area by zone"):
        assert term in meta["about"] and term.split()[0].lower() in meta["description"].lower(), term
    for term in ("三区三线", "生态券", "土地用途转换", "整治地块", "跨市边界", "田坎"):
        assert term in meta["about[zh_CN]"], term


def test_plugin_imports_qt_only_through_qgis_pyqt():
    """Qt6 builds of QGIS ship PyQt6; qgis.PyQt picks the right one."""
    offenders = []
    for path in (REPO / "plugin").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("PyQt5", "PyQt6", "sip")]
    assert not offenders, offenders


def test_every_qt_name_exists_in_pyqt6():
    """QGIS 4 is Qt6 only: every Qt name and enum member the plugin reads is in PyQt6 (scoped
    enums, no exec_, no QRegExp), checked by scripts/check_qt6.py in a process of its own."""

    check = subprocess.run([sys.executable, str(REPO / "scripts" / "check_qt6.py"), str(REPO / "plugin")],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert " 0 names missing from PyQt6" in check.stdout


@pytest.mark.parametrize("spelling", ["exec_(", "QVariant.String", "QVariant.Double", "QVariant.Int", "QRegExp",
                                      "resources_rc"])
def test_no_qt5_only_spellings_outside_compat(spelling: str):
    """exec_() and QVariant field types are gone in Qt6 builds; only compat.py names them."""
    hits = [p.name for p in (REPO / "plugin").rglob("*.py")
            if p.name != "compat.py" and spelling in p.read_text(encoding="utf-8")]
    assert not hits, hits
