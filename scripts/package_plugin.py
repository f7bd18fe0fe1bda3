#!/usr/bin/env python3
"""Assemble the installable QGIS plugin folder ``guotu/`` (and optionally a zip).

    package_plugin.py --build-dir BUILD --out DIR [--zip]
    package_plugin.py --update-ts

The folder DIR/guotu/ holds: plugin/* (the Python package), metadata.txt,
ui/, resources/icons, resources/styles, resources/presets (voucher coefficient
tables), resources/schemas (the output tables' columns), resources/i18n/*.qm (compiled here
with lrelease from resources/i18n/*.ts) and lib/libguotu.so copied from
BUILD/core/. The folder is built in a temporary directory next to DIR/guotu
and then swapped in, so a failed run never leaves a half-built plugin and
running twice gives the same result.

--update-ts scans plugin/ for tr("...") calls and merges their texts into
every resources/i18n/guotu_*.ts: new texts come in unfinished, texts no longer
used are kept as "vanished" so their translations are not lost.

Needs only the Python standard library (no QGIS), plus lrelease to build.
"""

import argparse
import ast
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

REPO = Path(__file__).resolve().parents[1]
PLUGIN_NAME = "guotu"
LIBRARY = "libguotu.so"
IO_LIBRARY = "libguotu_io.so"
TS_CONTEXT = "Guotu"  # must equal plugin/i18n.py CONTEXT
TR_FUNCTION = "tr"
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".pytest_cache")
# Fixed zip timestamps make two zips of the same tree byte-identical.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class PackagingError(RuntimeError):
    pass


# ---- translations ---------------------------------------------------------

def tr_calls(plugin_dir: Path = REPO / "plugin") -> List[Tuple[str, Path, int]]:
    """(text, file, line) of every tr("literal") call under ``plugin_dir``.

    A tr() whose argument is not a string literal cannot be extracted and
    is reported as an error: translators would never see it.
    """
    found: List[Tuple[str, Path, int]] = []
    problems: List[str] = []
    for path in sorted(plugin_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == TR_FUNCTION):
                continue
            if len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.append((node.args[0].value, path, node.lineno))
            else:
                problems.append(f"{path}:{node.lineno}: tr() needs one string literal")
    if problems:
        raise PackagingError("\n".join(problems))
    return found


def _context(root: ET.Element) -> ET.Element:
    for context in root.findall("context"):
        if context.findtext("name") == TS_CONTEXT:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = TS_CONTEXT
    return context


def update_ts(ts_path: Path, texts: Iterable[str]) -> Tuple[int, int]:
    """Merges ``texts`` into ``ts_path``; returns (added, vanished)."""
    wanted = list(dict.fromkeys(texts))  # source order, no duplicates
    if ts_path.exists():
        root = ET.parse(ts_path).getroot()
    else:
        language = ts_path.stem.split("_", 1)[1] if "_" in ts_path.stem else ""
        root = ET.Element("TS", {"version": "2.1", "language": language, "sourcelanguage": "en"})
    context = _context(root)
    existing: Dict[str, ET.Element] = {}
    for message in context.findall("message"):
        existing[message.findtext("source") or ""] = message
        context.remove(message)
    added = vanished = 0
    for text in wanted:
        message = existing.pop(text, None)
        if message is None:
            message = ET.Element("message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation", {"type": "unfinished"})
            added += 1
        translation = message.find("translation")
        if translation is not None and translation.get("type") in ("vanished", "obsolete"):
            # Back in use: a kept translation is only a suggestion until reviewed.
            translation.set("type", "unfinished")
        context.append(message)
    for message in existing.values():
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "vanished":
            translation.set("type", "vanished")
            vanished += 1
        context.append(message)
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    ts_path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                       encoding="utf-8")
    return added, vanished


def compile_ts(ts_path: Path, qm_path: Path, lrelease: str) -> None:
    result = subprocess.run([lrelease, "-silent", str(ts_path), "-qm", str(qm_path)],
                            capture_output=True, text=True)
    if result.returncode != 0 or not qm_path.is_file():
        raise PackagingError(f"lrelease failed on {ts_path}:\n{result.stdout}{result.stderr}")


# ---- assembling -----------------------------------------------------------

def plugin_version(metadata: Path) -> str:
    parser = configparser.ConfigParser()
    parser.read(metadata, encoding="utf-8")
    return parser.get("general", "version")


def find_lrelease(explicit: Optional[str]) -> str:
    for candidate in (explicit, os.environ.get("LRELEASE"), "lrelease", "lrelease-qt5", "lrelease6"):
        if candidate and shutil.which(candidate):
            return shutil.which(candidate)
    raise PackagingError("lrelease not found (install qttools5-dev-tools or pass --lrelease)")


def assemble(target: Path, library: Path, lrelease: str) -> None:
    """Fills the empty folder ``target`` with the plugin."""
    shutil.copytree(REPO / "plugin", target, ignore=IGNORED)
    shutil.copy2(REPO / "metadata.txt", target / "metadata.txt")
    if (REPO / "ui").is_dir():
        # Qt Designer forms (ui/*.ui) land next to their controllers (plugin/ui/*.py,
        # the package guotu.ui), so both share guotu/ui/; a name in both would be lost.
        clashes = sorted(p.name for p in (REPO / "ui").iterdir() if (target / "ui" / p.name).exists())
        if clashes:
            raise PackagingError(f"ui/ and plugin/ui/ both have: {', '.join(clashes)}")
        shutil.copytree(REPO / "ui", target / "ui", ignore=IGNORED, dirs_exist_ok=True)
    for sub in ("icons", "styles", "presets", "schemas"):
        source = REPO / "resources" / sub
        if source.is_dir():
            shutil.copytree(source, target / "resources" / sub, ignore=IGNORED)
    i18n = target / "resources" / "i18n"
    i18n.mkdir(parents=True)
    for ts_path in sorted((REPO / "resources" / "i18n").glob("*.ts")):
        compile_ts(ts_path, i18n / (ts_path.stem + ".qm"), lrelease)
    (target / "lib").mkdir()
    # copyfile follows the libguotu.so -> .so.0 -> .so.0.1.0 symlinks.
    shutil.copyfile(library, target / "lib" / LIBRARY)
    os.chmod(target / "lib" / LIBRARY, 0o755)
    # The I/O library (file runs) beside it; it finds libguotu by its SONAME, which the
    # plugin has loaded first.
    io_library = library.parent / IO_LIBRARY
    if io_library.exists():
        shutil.copyfile(io_library, target / "lib" / IO_LIBRARY)
        os.chmod(target / "lib" / IO_LIBRARY, 0o755)


def replace_dir(new: Path, final: Path) -> None:
    """Puts ``new`` at ``final`` with two renames, so ``final`` is never half-built."""
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.rename(final, old)
    os.rename(new, final)
    if old is not None:
        shutil.rmtree(old)


def write_zip(folder: Path, zip_path: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(dir=zip_path.parent, prefix=f".{zip_path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp_name, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(folder.rglob("*")):
                arcname = path.relative_to(folder.parent).as_posix()
                if path.is_dir():
                    info = zipfile.ZipInfo(arcname + "/", ZIP_DATE)
                    info.external_attr = (0o40755 << 16) | 0x10
                    zf.writestr(info, b"")
                    continue
                info = zipfile.ZipInfo(arcname, ZIP_DATE)
                info.external_attr = (0o100755 if os.access(path, os.X_OK) else 0o100644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
        os.chmod(tmp_name, 0o644)  # mkstemp makes it private
        os.replace(tmp_name, zip_path)
    except BaseException:
        os.unlink(tmp_name)
        raise


def package(build_dir: Path, out_dir: Path, make_zip: bool, lrelease: Optional[str]) -> Path:
    library = build_dir / "core" / LIBRARY
    if not library.exists():
        raise PackagingError(f"{library} not found: build the core first (cmake --build {build_dir})")
    tool = find_lrelease(lrelease)
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=f".{PLUGIN_NAME}.build-"))
    try:
        assemble(staging / PLUGIN_NAME, library.resolve(), tool)
        final = out_dir / PLUGIN_NAME
        replace_dir(staging / PLUGIN_NAME, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if make_zip:
        version = plugin_version(final / "metadata.txt")
        write_zip(final, out_dir / f"{PLUGIN_NAME}-{version}.zip")
    return final


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-dir", type=Path, help="CMake build directory holding core/libguotu.so")
    parser.add_argument("--out", type=Path, help="folder that receives guotu/ (and the zip)")
    parser.add_argument("--zip", action="store_true", help="also write guotu-<version>.zip")
    parser.add_argument("--lrelease", help="lrelease executable (default: from PATH)")
    parser.add_argument("--update-ts", action="store_true",
                        help="merge tr() texts of plugin/ into resources/i18n/*.ts and exit")
    args = parser.parse_args(argv)
    try:
        if args.update_ts:
            texts = [text for text, _, _ in tr_calls()]
            for ts_path in sorted((REPO / "resources" / "i18n").glob("guotu_*.ts")):
                added, vanished = update_ts(ts_path, texts)
                print(f"{ts_path.name}: {added} new, {vanished} vanished")
            return 0
        if args.build_dir is None or args.out is None:
            parser.error("--build-dir and --out are required")
        final = package(args.build_dir.resolve(), args.out.resolve(), args.zip, args.lrelease)
        print(final)
        return 0
    except PackagingError as e:
        print(f"package_plugin: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
