#!/usr/bin/env python3
"""Checks that the plugin's Qt names exist in PyQt6, which QGIS 4 (Qt6 only) ships.

Every name the plugin imports from ``qgis.PyQt.<module>`` and every attribute chain read
from it (``Qt.AlignmentFlag.AlignLeft``, ``QMessageBox.StandardButton.Yes``) is looked up
in the PyQt6 module of the same name: PyQt6 has scoped enums only, no ``exec_``, no
``QRegExp``, no ``QDesktopWidget``. QGIS's Qt6 shim ``qgis.PyQt.QtWidgets`` also serves the
classes Qt6 moved from QtWidgets to QtGui (QAction, QActionGroup, QShortcut), so those are
looked up in QtGui too. compat.py, which spells both generations on purpose, is skipped.

Needs Debian's python3-pyqt6 (imported here only, in a process of its own). Prints one
line per name PyQt6 lacks and exits 1 when there is any.

    /usr/bin/python3 scripts/check_qt6.py [PLUGIN_DIR]
"""

import ast
import importlib
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoStack", "QFileSystemModel"}
SKIPPED = {"compat.py"}


def qt_imports(tree: ast.AST) -> Dict[str, Tuple[str, str]]:
    """Local name -> (Qt module, imported name) for ``from qgis.PyQt.QtX import Y [as Z]``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis.PyQt."):
            module = node.module.split(".", 2)[2]
            for alias in node.names:
                names[alias.asname or alias.name] = (module, alias.name)
    return names


def attribute_chains(tree: ast.AST) -> Iterator[Tuple[int, List[str]]]:
    """(line, [root, attr, attr …]) of the outermost attribute chains rooted at a name."""
    inner = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            inner.add(id(node.value))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner:
            continue
        chain, value = [], node
        while isinstance(value, ast.Attribute):
            chain.append(value.attr)
            value = value.value
        if isinstance(value, ast.Name):
            yield node.lineno, [value.id] + chain[::-1]


def lookup(module: str, name: str):
    qt6 = importlib.import_module(f"PyQt6.{module}")
    if hasattr(qt6, name):
        return getattr(qt6, name)
    if module == "QtWidgets" and name in MOVED_TO_QTGUI:
        return getattr(importlib.import_module("PyQt6.QtGui"), name, None)
    return None


def problems_in(path: Path) -> List[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = qt_imports(tree)
    found = []
    for local, (module, name) in sorted(imported.items()):
        try:
            if lookup(module, name) is None:
                found.append(f"{path}: qgis.PyQt.{module}.{name} is not in PyQt6")
        except ImportError:
            found.append(f"{path}: qgis.PyQt.{module} has no PyQt6 module")
    for line, chain in attribute_chains(tree):
        if chain[0] not in imported:
            continue
        module, name = imported[chain[0]]
        try:
            obj = lookup(module, name)
        except ImportError:
            continue
        for depth, attr in enumerate(chain[1:], start=1):
            if obj is None:
                break
            # Instance attributes and methods of a class are checked by name only where the
            # class itself is read from (enum members, static functions): stop at a call.
            if not hasattr(obj, attr):
                found.append(f"{path}:{line}: {'.'.join(chain[:depth + 1])} is not in PyQt6")
                break
            obj = getattr(obj, attr)
    return found


def main(argv: List[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "plugin"
    try:
        importlib.import_module("PyQt6.QtCore")
    except ImportError:
        print("check_qt6: PyQt6 is missing (Debian: python3-pyqt6)", file=sys.stderr)
        return 2
    problems = []
    files = sorted(p for p in root.rglob("*.py") if p.name not in SKIPPED)
    for path in files:
        problems += problems_in(path)
    for problem in problems:
        print(problem)
    print(f"check_qt6: {len(files)} files, {len(problems)} names missing from PyQt6")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
