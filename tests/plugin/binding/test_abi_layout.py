"""The ctypes structures of the plugin's binding against the C structs of the headers, and
the C layout against the one recorded for the current ABI version.

A C program generated here prints sizeof and offsetof of every public struct (compiled
against core/include and the generated guotu_version.h); each ctypes Structure names its C
struct in `_c_name_` (and a field whose C name is a Python keyword in `_c_fields_`). Every field must sit at the same offset and every struct have the
same size — else the plugin reads garbage from the library. And a layout that changed since
tests/abi/layout.json was recorded fails until GUOTU_ABI_VERSION is bumped and the layout
recorded again:

    GUOTU_RECORD_ABI=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 -m pytest tests/plugin/binding/test_abi_layout.py
"""

import ctypes
import importlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Type

import pytest

from conftest import BUILD_DIR, REPO

RECORD = REPO / "tests" / "abi" / "layout.json"
HEADERS = sorted((REPO / "core" / "include" / "guotu").glob("*.h"))
# native.py and one *_native.py per header: every module of the binding that declares structs.
MODULES = tuple(sorted(p.stem for p in (REPO / "plugin" / "binding").glob("*native.py")))


def binding_structs(guotu) -> List[Type[ctypes.Structure]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"guotu.binding.{name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, ctypes.Structure) and value.__module__ == module.__name__:
                found.append(value)
    return found


def c_field(cls, field: str) -> str:
    return getattr(cls, "_c_fields_", {}).get(field, field)


def c_struct_names() -> List[str]:
    names = set()
    for header in HEADERS:
        names.update(re.findall(r"typedef struct (guotu_\w+) \{", header.read_text(encoding="utf-8")))
    return sorted(names)


def c_layout(structs: Dict[str, List[str]], tmp_path: Path) -> Dict[str, Dict[str, int]]:
    """{struct: {"sizeof": n, field: offset, ...}} as the C compiler lays them out."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.fail("no C compiler to measure the C structs with")
    lines = ["#include <stddef.h>", "#include <stdio.h>"]
    lines += [f'#include "guotu/{h.name}"' for h in HEADERS]
    lines.append("int main(void) {")
    for struct, fields in sorted(structs.items()):
        lines.append(f'    printf("{struct} sizeof %zu\\n", sizeof({struct}));')
        for field in fields:
            lines.append(f'    printf("{struct} {field} %zu\\n", offsetof({struct}, {field}));')
    lines += ["    return 0;", "}"]
    source, program = tmp_path / "abi_layout.c", tmp_path / "abi_layout"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = subprocess.run([compiler, "-std=c11", "-Wall", "-Werror", "-I", str(REPO / "core" / "include"), "-I",
                            str(BUILD_DIR / "core" / "include"), str(source), "-o", str(program)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr  # a field the C struct does not have fails here
    layout: Dict[str, Dict[str, int]] = {}
    for line in subprocess.run([str(program)], capture_output=True, text=True, check=True).stdout.splitlines():
        struct, field, value = line.split()
        layout.setdefault(struct, {})[field] = int(value)
    return layout


def abi_version() -> int:
    header = (BUILD_DIR / "core" / "include" / "guotu" / "guotu_version.h").read_text(encoding="utf-8")
    return int(re.search(r"#define GUOTU_ABI_VERSION (\d+)", header).group(1))


def test_ctypes_structures_match_the_c_structs(guotu, tmp_path: Path) -> None:
    structs = binding_structs(guotu)
    named = {getattr(s, "_c_name_", None): s for s in structs}
    assert None not in named, [s.__name__ for s in structs if not hasattr(s, "_c_name_")]
    assert sorted(named) == c_struct_names(), "every public C struct has exactly one ctypes twin"
    layout = c_layout({name: [c_field(cls, f[0]) for f in cls._fields_] for name, cls in named.items()}, tmp_path)
    wrong = []
    for name, cls in sorted(named.items()):
        if ctypes.sizeof(cls) != layout[name]["sizeof"]:
            wrong.append(f"{name}: sizeof C {layout[name]['sizeof']}, ctypes {ctypes.sizeof(cls)}")
        for field, _kind in cls._fields_:
            offset, c_offset = getattr(cls, field).offset, layout[name][c_field(cls, field)]
            if offset != c_offset:
                wrong.append(f"{name}.{field}: offset C {c_offset}, ctypes {offset}")
    assert not wrong, wrong
    from guotu.binding.native import ABI_VERSION

    assert ABI_VERSION == abi_version(), "the binding's ABI_VERSION must be the headers' GUOTU_ABI_VERSION"


def test_layout_changes_bump_the_abi_version(guotu, tmp_path: Path) -> None:
    named = {s._c_name_: s for s in binding_structs(guotu)}
    layout = c_layout({name: [c_field(cls, f[0]) for f in cls._fields_] for name, cls in named.items()}, tmp_path)
    current = {"abi_version": abi_version(), "layout": layout}
    if os.environ.get("GUOTU_RECORD_ABI"):
        RECORD.parent.mkdir(parents=True, exist_ok=True)
        RECORD.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    if recorded["layout"] != layout:
        assert current["abi_version"] > recorded["abi_version"], (
            "a public struct changed its layout: bump GUOTU_ABI_VERSION in core/CMakeLists.txt (and ABI_VERSION in "
            "plugin/binding/native.py), then record it with GUOTU_RECORD_ABI=1")
        pytest.fail(f"ABI {current['abi_version']} is not recorded yet: run this test with GUOTU_RECORD_ABI=1")
    assert recorded["abi_version"] == current["abi_version"], \
        "the ABI version changed but the layout did not: record it with GUOTU_RECORD_ABI=1"
