"""Fixtures for the guotu CLI tests (helpers live in cli_support.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from cli_support import make_landuse, make_zones


@pytest.fixture
def zones(tmp_path: Path) -> Path:
    """Zone A = [0,1000]x[0,1000] and B = [1000,2000]x[0,1000] metres from the origin."""
    return make_zones(tmp_path)


@pytest.fixture
def landuse(tmp_path: Path) -> Path:
    return make_landuse(tmp_path)
