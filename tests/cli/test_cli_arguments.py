"""Argument errors every subcommand reports the same way: exit status 2, the subcommand
named, the offending option, then the usage — before any file is opened."""
from __future__ import annotations

import pytest

from cli_support import run_guotu

SUBCOMMANDS = [("tally",), ("voucher",), ("convert",), ("lines", "check"), ("parcels", "check"), ("border",),
               ("priorities", "rule"), ("priorities", "rank"),
               ("framework", "catalogue"), ("framework", "indicators"), ("framework", "rounds"), ("ledger",),
               ("indicators",)]


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


@pytest.mark.parametrize("command", SUBCOMMANDS + [("lines", "init")], ids=" ".join)
def test_help_names_the_command_asked_for(command: tuple) -> None:
    """`guotu help lines check` and `guotu help "lines check"` print that command's own usage
    (the lines check's, not the lines init's), the same as `guotu lines check --help`."""
    own = run_guotu(*command, "--help")
    assert own.returncode == 0, own.stderr
    for words in (command, (" ".join(command),)):
        res = run_guotu("help", *words)
        assert res.returncode == 0, res.stderr
        assert res.stdout == own.stdout
    if len(command) == 2 and command[1] == "check":
        assert res.stdout.startswith(f"usage: guotu {' '.join(command)} ")


def test_help_lists_every_command_and_refuses_unknown_ones() -> None:
    res = run_guotu("help")
    assert res.returncode == 0
    listed = [line.split()[0] for line in res.stdout.split("commands:\n")[1].split("\n\n")[0].splitlines()]
    assert listed == ["tally", "voucher", "convert", "lines", "parcels", "border", "priorities", "framework", "ledger",
                      "indicators", "help"]
    res = run_guotu("help", "nope")
    assert res.returncode == 2 and res.stderr.startswith("guotu help: unknown command 'nope'")
    res = run_guotu("nope")
    assert res.returncode == 2 and res.stderr.startswith("guotu: unknown command 'nope'")
