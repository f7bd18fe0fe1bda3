"""The border fixture of the CLI tests (tests/cli/test_cli_border.py), reused: written by
the CLI test's own helpers in a child process (so that their GDAL settings stay out of
this QGIS process), with its hand values:

  A | B (x = 1000, 1000 m): coordinated 100, category_mismatch 100, discontinuity 100,
  gap 150 (7,500 m²), overlap 100 (crossing 4,000 m², double claim 2,000 m²), none 450;
  score 100 × 362.5 / 550. C | D: a 500 m² base-map gap; C | E: a 2,000 m² overlap;
  F a bow-tie; elements without city, of city "Z", invalid, without geometry.
"""

import os
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_DIR, REPO

CLI_TESTS = REPO / "tests" / "cli"
GUOTU_CLI = BUILD_DIR / "core" / "guotu"
SCORE_AB = 100 * 362.5 / 550

_MAKE = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import test_cli_border as t
out = Path(sys.argv[2])
t.write_admins(out)
t.write_elements(out / "el.gpkg", t.ELEMENTS)
# One layer per city (the ones with a city), named by the admin id.
for city in sorted({c for c, *_ in t.ELEMENTS if c in {"A", "B"}}):
    t.write_elements(out / "per_city.gpkg", [e for e in t.ELEMENTS if e[0] == city and e[3]], layer=city)
"""


def make_fixture(folder: Path) -> Path:
    """admin.gpkg (layer admin: code, name), el.gpkg (layer elements: city, category, name)
    and per_city.gpkg (layers A and B) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, GUOTU_CLI=str(GUOTU_CLI))
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run([sys.executable, "-c", _MAKE, str(CLI_TESTS), str(folder)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return folder


def run_cli(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(GUOTU_CLI), "border", "--admin", str(folder / "admin.gpkg"), "--admin-id", "code",
                           "--admin-name", "name", "--elements", str(folder / "el.gpkg"), "--city-field", "city",
                           "--category-field", "category", "--name-field", "name", "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=300)
