#!/usr/bin/python3
"""Stands in for the guotu binary in the CLI tests (GUOTU_CLI=scripts/parity/keep_outputs.py) and
keeps what each call gave, so that two builds can be compared call by call (compare_kept.py).

Environment: GUOTU_REAL the binary to run, GUOTU_KEEP the folder for the records, GUOTU_LIBDIR
(optional) its libraries' folder. Each call is kept as TEST.N.json: the arguments, exit status,
stdout, stderr and, for -o OUT.gpkg, the GeoPackage as an SQL dump (and OUT_ledger.csv), with
pytest's temporary folders, times and file modification times masked. Signals are not passed
on: leave out the tests that interrupt the tool."""
import json
import os
import re
import sqlite3
import subprocess
import sys

TMP = re.compile(r"/tmp/pytest-of-[^/]+/pytest-\d+/|/tmp/tmp\w+/")


def mask(text: str) -> str:
    text = TMP.sub("<TMP>/", text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?", "<TIME>", text)
    text = re.sub(r"modified [^)]*\)", "modified <T>)", text)
    return re.sub(r"/vsimem/guotu_voucher_units_\d+(_0x[0-9a-f]+)?", "/vsimem/units", text)


def main() -> int:
    env = dict(os.environ)
    if os.environ.get("GUOTU_LIBDIR"):
        env["LD_LIBRARY_PATH"] = os.environ["GUOTU_LIBDIR"]
    args = sys.argv[1:]
    p = subprocess.run([os.environ["GUOTU_REAL"]] + args, capture_output=True, env=env)
    sys.stdout.buffer.write(p.stdout)
    sys.stderr.buffer.write(p.stderr)
    keep = os.environ["GUOTU_KEEP"]
    os.makedirs(keep, exist_ok=True)
    test = re.sub(r"[^\w.-]", "_", os.environ.get("PYTEST_CURRENT_TEST", "none").split(" ")[0])
    n = 0
    while True:  # tests that run the tool in parallel (the cluster) must not share a record
        try:
            os.close(os.open(os.path.join(keep, f"{test}.{n}.json"), os.O_CREAT | os.O_EXCL))
            break
        except FileExistsError:
            n += 1
    record = {"args": [mask(a) for a in args], "rc": p.returncode,
              "stdout": mask(p.stdout.decode("utf-8", "replace")), "stderr": mask(p.stderr.decode("utf-8", "replace"))}
    out = next((args[i + 1] for i, a in enumerate(args[:-1]) if a in ("-o", "--output")), None)
    if out is None and args[:2] == ["lines", "init"]:  # the workspace is the positional OUT.gpkg
        out = next((a for i, a in enumerate(args[2:], 2) if a.endswith(".gpkg") and args[i - 1] != "--zone-from"),
                   None)
    if out and os.path.exists(out):
        try:
            record["gpkg"] = mask("\n".join(sqlite3.connect(out).iterdump()))
        except sqlite3.Error as e:
            record["gpkg"] = f"undumpable: {e}"
        csv = out[:-5] + "_ledger.csv"
        if os.path.exists(csv):
            with open(csv, encoding="utf-8", errors="replace") as f:
                record["csv"] = mask(f.read())
    elif out:
        record["gpkg"] = "(none)"
    with open(os.path.join(keep, f"{test}.{n}.json"), "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False, indent=0)
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
