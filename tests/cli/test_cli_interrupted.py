"""Interrupted and killed runs leave nothing behind: SIGINT or SIGTERM while an output is
being written removes its temporary file (and SQLite's journal) and leaves an earlier output
as it was; the temporary file of a run killed outright (SIGKILL) is removed by the next run
that writes the same output."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cli_support import guotu_binary

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import damaged_files as grid  # noqa: E402


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("interrupted")
    grid.write_grid(folder / "big.gpkg", n=40000, columns=200)
    grid.write_grid(folder / "small.gpkg")
    return folder


def convert_args(data: Path, out: Path) -> list:
    return [str(guotu_binary()), "convert", "--before", str(data / "big.gpkg"), "--before-layer", "landuse",
            "--before-class-field", "dlbm", "--before-system", "SANDIAO_WORK", "--after", str(data / "small.gpkg"),
            "--after-layer", "landuse", "--after-class-field", "dlbm", "--after-system", "SANDIAO_WORK", "-o", str(out)]


def temporaries(folder: Path) -> list:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_while_writing_leaves_nothing(data: Path, tmp_path: Path, sig: int) -> None:
    out = tmp_path / "conversions.gpkg"
    out.write_bytes(b"an earlier output")
    process = subprocess.Popen(convert_args(data, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not temporaries(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert temporaries(tmp_path), "the run finished before its temporary output was seen"
    process.send_signal(sig)
    process.wait(timeout=30)
    assert process.returncode == -sig
    assert temporaries(tmp_path) == []
    assert out.read_bytes() == b"an earlier output"


def test_temporary_of_a_killed_run_is_removed_by_the_next(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "conversions.gpkg"
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs
    stale = tmp_path / f"conversions.tmp-{dead.pid}.gpkg"
    stale.write_bytes(b"half a GeoPackage")
    (tmp_path / f"{stale.name}-journal").write_bytes(b"journal")
    alive = tmp_path / f"conversions.tmp-{os.getpid()}.gpkg"  # this test's process: still running
    alive.write_bytes(b"another run's work in progress")
    other = tmp_path / f"other.tmp-{dead.pid}.gpkg"  # another output's: not ours to remove
    other.write_bytes(b"x")
    res = subprocess.run(convert_args(data, out), capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert out.is_file()
    assert temporaries(tmp_path) == sorted([alive.name, other.name])
