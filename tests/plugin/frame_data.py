"""The catalogue fixture of the CLI tests (tests/cli/test_cli_framework.py), reused: written
by the CLI test's own helpers in a child process (their GDAL settings stay out of this QGIS
process), with its hand-counted findings (see that file's docstring)."""

import subprocess
import sys
from pathlib import Path

from conftest import BUILD_DIR, REPO

CLI_TESTS = REPO / "tests" / "cli"
GUOTU_CLI = BUILD_DIR / "core" / "guotu"

_MAKE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_framework as t
t.write_inputs(Path(sys.argv[2]))
"""


def make_fixture(folder: Path) -> Path:
    """catalogue.csv and submitted.gpkg (layer submitted: city, ysbh, ysmc) in ``folder``."""
    subprocess.run([sys.executable, "-c", _MAKE, str(CLI_TESTS), str(folder)], check=True, timeout=120)
    return folder


def run_cli(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU_CLI), "framework", "catalogue", "--catalogue", str(folder / "catalogue.csv"),
                           "--elements", str(folder / "submitted.gpkg"), "--city-field", "city", "--element-field",
                           "ysbh", "--name-field", "ysmc", "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=300)


_MAKE_INDICATORS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_framework as t
t.write_frame_inputs(Path(sys.argv[2]))
"""


def make_indicator_fixture(folder: Path) -> Path:
    """The plane fixture of the indicators (see test_cli_framework.py): cat.csv, thr.csv,
    parts.gpkg (city, ysbh), landuse.gpkg (dlbm) and dem.tif in ``folder``."""
    subprocess.run([sys.executable, "-c", _MAKE_INDICATORS, str(CLI_TESTS), str(folder)], check=True, timeout=120)
    return folder


def run_indicators_cli(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU_CLI), "framework", "indicators", "--catalogue", str(folder / "cat.csv"),
                           "--elements", str(folder / "parts.gpkg"), "--city-field", "city", "--element-field",
                           "ysbh", "--thresholds", str(folder / "thr.csv"), "--dem", str(folder / "dem.tif"),
                           "--landuse", str(folder / "landuse.gpkg"), "--landuse-code", "dlbm", "--band", "100",
                           "--tolerance-elevation", "5", "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=300)


_MAKE_LANDUSE_RASTER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_framework as t
t.write_landuse_raster(Path(sys.argv[2]), nodata_block=True)
"""


def make_landuse_raster(path: Path) -> Path:
    """The plane fixture's land use as a raster of class values with a block of no-data cells
    in A (test_cli_framework.write_landuse_raster)."""
    subprocess.run([sys.executable, "-c", _MAKE_LANDUSE_RASTER, str(CLI_TESTS), str(path)], check=True, timeout=120)
    return path


_MAKE_ROUNDS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_framework as t
out = Path(sys.argv[2])
n0, i0, n1, i1 = t.make_rounds(out)
t.review(n0, "discontinuity", "exception", "河道自然断开")
"""


def make_rounds_fixture(folder: Path) -> Path:
    """Two rounds (see test_cli_framework.make_rounds): r0_border.gpkg (its discontinuity
    reviewed as an exception), r0_ind.gpkg, r1_border.gpkg, r1_ind.gpkg in ``folder``."""
    subprocess.run([sys.executable, "-c", _MAKE_ROUNDS, str(CLI_TESTS), str(folder)], check=True, timeout=300)
    return folder


def run_rounds_cli(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU_CLI), "framework", "rounds", "--previous", str(folder / "r0_border.gpkg"),
                           "--previous", str(folder / "r0_ind.gpkg"), "--current", str(folder / "r1_border.gpkg"),
                           "--current", str(folder / "r1_ind.gpkg"), "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=300)
