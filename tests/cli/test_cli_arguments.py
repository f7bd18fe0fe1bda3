"""Argument errors every subcommand reports the same way: exit status 2, the subcommand
named, the offending option, then the usage — before any file is opened."""
from __future__ import annotations

import pytest

from cli_support import run_guotu

SUBCOMMANDS = [("tally",), ("voucher",), ("convert",), ("lines", "check"), ("parcels", "check"), ("border",)]


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=" ".join)
def test_unknown_option(command: tuple) -> None:
    res = run_guotu(*command, "--no-such-option", "x")
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith(f"guotu {' '.join(command)}: unknown or incomplete option '--no-such-option'")
    assert "usage:" in res.stderr


@pytest.mark.parametrize("command,option", [(("parcels", "check"), "--tolerance"), (("lines", "check"), "--gap-min"),
                                            (("border",), "--corridor")])
@pytest.mark.parametrize("value", ["inf", "nan", "-1", "2m", ""])
def test_numbers_must_be_finite_and_not_negative(command: tuple, option: str, value: str) -> None:
    res = run_guotu(*command, option, value)
    assert res.returncode == 2, res.stderr
    assert f"{option} needs a number >= 0, not '{value}'" in res.stderr
