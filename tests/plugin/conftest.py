"""Fixtures for the plugin tests.

The plugin under test is the ASSEMBLED package (scripts/package_plugin.py run
into a temporary folder), imported as ``guotu`` exactly as QGIS would load it,
with libguotu.so from its own lib/ folder. Run with QGIS's Python:

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest tests/plugin
"""

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator, Optional

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The tests must exercise the packaged lib/libguotu.so, not a developer override.
os.environ.pop("GUOTU_LIBRARY", None)

REPO = Path(__file__).resolve().parents[2]
# The tests live in folders that mirror the plugin's packages; a few reuse another folder's
# fixtures by module name (test_conversion_raster's rasters in the dialog test, ...): every
# folder is on the import path, whichever subset of the tests runs.
for _folder in sorted(Path(__file__).resolve().parent.iterdir()):
    if _folder.is_dir() and _folder.name not in ("gui", "__pycache__") and str(_folder) not in sys.path:
        sys.path.append(str(_folder))
BUILD_DIR = Path(os.environ.get("GUOTU_BUILD_DIR", REPO / "build"))
LIBRARY = BUILD_DIR / "core" / "libguotu.so"
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"  # QGIS's own "processing" package
if QGIS_PLUGINS not in sys.path:
    sys.path.append(QGIS_PLUGINS)

_app = None  # QgsApplication must outlive every test and every layer


@pytest.fixture(scope="session", autouse=True)
def qgis_app():
    global _app
    from qgis.core import QgsApplication

    if _app is None:
        QgsApplication.setPrefixPath("/usr", True)
        _app = QgsApplication([], False)
        _app.initQgis()
        from processing.core.Processing import Processing

        Processing.initialize()
    return _app


@pytest.fixture(autouse=True)
def collect_qt_objects_after_each_test(qgis_app) -> Iterator[None]:
    """Widgets a test made without a parent belong to Python and go when they are collected;
    a cycle (a widget connected to its own lambdas) waits for the cycle collector, which may
    run in the middle of a later test — in a worker thread a ctypes callback runs in, or after
    that test deleted the layers the widget's layer box lists. Collected here, on the main
    thread, with pending deletions processed, every test starts from the same state."""
    yield
    import gc

    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def gdal_errors_as_in_qgis() -> Iterator[None]:
    """GDAL's Python bindings as QGIS and the plugin have them: errors as return values, not
    exceptions. Some tests share fixtures with the tool's tests (tests/cli), whose helpers turn
    exceptions on for the whole process when imported; left on, the plugin code run by every
    later test would meet exceptions it never meets in QGIS. A test that wants them sets them
    itself."""
    from osgeo import gdal, ogr, osr

    for module in (gdal, ogr, osr):
        module.DontUseExceptions()
    yield


@pytest.fixture(scope="session")
def plugin_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Folder holding the assembled guotu/ (what QGIS_PLUGINPATH points at)."""
    if not LIBRARY.exists():
        # CI always builds the core before these tests: a missing library is a
        # broken pipeline, not a reason to skip.
        pytest.fail(f"{LIBRARY} is missing: build the core first "
                    f"(cmake -S . -B build && cmake --build build), or set GUOTU_BUILD_DIR")
    out = tmp_path_factory.mktemp("plugins")
    subprocess.run([sys.executable, str(REPO / "scripts" / "package_plugin.py"),
                    "--build-dir", str(BUILD_DIR), "--out", str(out)], check=True)
    assert (out / "guotu" / "lib" / "libguotu.so").is_file()
    return out


@pytest.fixture(scope="session")
def guotu(qgis_app, plugin_root: Path):
    """The assembled plugin package, imported as QGIS imports it."""
    sys.path.insert(0, str(plugin_root))
    import guotu as package

    assert Path(package.__file__).resolve().parent == (plugin_root / "guotu").resolve(), \
        "a 'guotu' package other than the assembled one was imported"
    return package


@pytest.fixture(scope="session")
def provider(guotu) -> Iterator[object]:
    from qgis.core import QgsApplication
    from guotu.processing.provider import GuotuProvider

    registry = QgsApplication.processingRegistry()
    instance = GuotuProvider()  # kept referenced: the registry does not own Python objects
    assert registry.addProvider(instance)
    yield instance
    registry.removeProvider(instance)


@pytest.fixture(scope="session")
def voucher_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic sample region at 1/4 scale (zones, land use 2010/2020 as GPKG and
    GeoTIFF, urban mask), generated once per session (about a second)."""
    out = tmp_path_factory.mktemp("sample")
    subprocess.run([sys.executable, str(REPO / "resources" / "sample_data" / "generate_sample.py"),
                    "--out", str(out), "--scale", "0.25"], check=True, capture_output=True)
    return out


# After the last test, Python's own shutdown destroys what is left of QGIS (layers, docks,
# the application) in no particular order, which can crash the process after every test has
# passed and been reported (seen once in CI: a segmentation fault after "353 passed"). The
# session's result is final by then: end the process with it instead.
_session_status: Optional[int] = None


def pytest_sessionfinish(session, exitstatus) -> None:
    global _session_status
    _session_status = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config) -> None:
    if _session_status is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_session_status)
