"""Writes every default QML style the `guotu` tool stores in its GeoPackages (and the
conversion style shipped for CLI outputs opened by hand): resources/styles/<folder>/<name>.qml.

GDAL 3.6 writes no field aliases into a GeoPackage, so the tool copies these files into the
layer_styles table and QGIS opens the layers styled, with the Chinese column titles as
aliases. One table below (STYLES) lists every stored style: its file, its geometry, where its
columns come from and which styler draws it.

* Columns: resources/schemas/<table>.csv (names, types and the Chinese titles that become the
  aliases), the one source of the output columns; the three-lines workspace layers take
  theirs from resources/presets/lines/workspace_schema.csv.
* Looks: the plugin's own styler (its package path in the table). A stored file is opened
  later in a QGIS of either language, so a stored style speaks both: the stylers run under
  BilingualTranslator, which answers each of the plugin's texts with "<Chinese> <English>"
  from resources/i18n/guotu_zh_CN.ts (the texts without a Chinese translation stay English);
  the conversion legend, whose paths have their own Chinese and English words, uses its
  stored form (bilingual=True), as the plugin does when it stores the style in a GeoPackage.
  The workspace layers, drawn by planners, have no plugin styler: their looks are in
  WORKSPACE_LOOKS here.

Run with QGIS's Python after changing a styler, a schema's titles or this table:

    /usr/bin/python3 resources/styles/make_styles.py            # rewrite the committed files
    /usr/bin/python3 resources/styles/make_styles.py --out DIR  # write them into DIR instead
    /usr/bin/python3 resources/styles/make_styles.py --check    # exit 1 naming every stale file

The output is deterministic: QGIS writes XML attributes in hash order and random rule keys,
so the attributes are sorted and the keys derived from the file name; the label font is
STORED_FONT whatever fonts the machine has. The files are written by QGIS 3.22 (Debian 12),
the oldest version the plugin supports; --check refuses to compare under another version.
"""

import argparse
import csv
import difflib
import importlib
import importlib.util
import os
import re
import string
import sys
import tempfile
import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Dict, List, Optional, Sequence, Tuple

if TYPE_CHECKING:  # QGIS is imported when the styles are written, after its application exists
    from qgis.core import QgsVectorLayer
    from qgis.PyQt.QtCore import QTranslator

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SCHEMAS = REPO / "resources" / "schemas"
WORKSPACE_SCHEMA = REPO / "resources" / "presets" / "lines" / "workspace_schema.csv"
TRANSLATIONS = REPO / "resources" / "i18n" / "guotu_zh_CN.ts"
# The QGIS the committed files are written with (the version in their <qgis> element).
QGIS_VERSION = "3.22."
# Labels name places and codes in Chinese: a font with the glyphs (Debian fonts-wqy-microhei).
STORED_FONT = "WenQuanYi Micro Hei"
KINDS = {"text": "string", "real": "double", "integer": "integer"}
Column = Tuple[str, str, str]  # name, kind (text/real/integer), Chinese title ('' = none)


@dataclass(frozen=True)
class Stored:
    """One stored style: resources/styles/<path>.qml."""
    path: str                  # folder/name: the folder the tool passes, the layer's name
    geometry: str              # memory-layer geometry: MultiPolygon, MultiLineString, Point, None
    columns: str               # 'schema:<table>' or 'workspace:<layer>'
    styler: str                # 'guotu.<package>.<module>:<function>' or 'local:<function>'
    options: Tuple[str, ...] = ()   # only_with options whose columns the style knows too
    arguments: Dict[str, object] = field(default_factory=dict)  # further styler arguments


STYLES: Tuple[Stored, ...] = (
    # guotu parcels check
    Stored("parcels/parcel_checks", "MultiPolygon", "schema:parcel_checks",
           "guotu.parcels.parcels_style:style_parcels_layer"),
    Stored("parcels/parcel_reasons", "MultiPolygon", "schema:parcel_reasons",
           "guotu.parcels.parcels_style:style_reasons_layer"),
    Stored("parcels/project_checks", "None", "schema:project_checks",
           "guotu.parcels.parcels_style:style_projects_table"),
    Stored("parcels/village_totals", "None", "schema:village_totals",
           "guotu.parcels.parcels_style:style_villages_table"),
    # guotu border (a CLI output has no review columns: the styler draws it unreviewed)
    Stored("border/shared_borders", "MultiLineString", "schema:shared_borders",
           "guotu.border.border_style:style_segments_layer"),
    Stored("border/border_conflicts", "MultiPolygon", "schema:border_conflicts",
           "guotu.border.border_style:style_conflicts_layer"),
    Stored("border/border_conflict_lines", "MultiLineString", "schema:border_conflicts",
           "guotu.border.border_style:style_conflicts_layer"),
    Stored("border/basemap_issues", "MultiPolygon", "schema:basemap_issues",
           "guotu.border.border_style:style_issues_layer"),
    Stored("border/basemap_issue_points", "Point", "schema:basemap_issues",
           "guotu.border.border_style:style_issues_layer"),
    Stored("border/pair_summary", "None", "schema:pair_summary", "guotu.border.border_style:style_summary_table"),
    # guotu framework catalogue, indicators, rounds
    Stored("framework/catalogue_findings", "MultiPolygon", "schema:catalogue_findings",
           "guotu.frame.frame_style:style_findings_layer"),
    Stored("framework/catalogue_cities", "None", "schema:catalogue_cities",
           "guotu.frame.frame_style:style_cities_table"),
    Stored("framework/element_indicators", "MultiPolygon", "schema:element_indicators",
           "guotu.frame.frame_style:style_indicators_layer"),
    Stored("framework/indicator_findings", "MultiPolygon", "schema:indicator_findings",
           "guotu.frame.frame_style:style_indicator_findings_layer"),
    Stored("framework/round_comparison", "MultiLineString", "schema:round_comparison",
           "guotu.frame.frame_style:style_comparison_layer"),
    Stored("framework/return_list", "None", "schema:return_list", "guotu.frame.frame_style:style_return_table"),
    Stored("framework/return_summary", "None", "schema:return_summary",
           "guotu.frame.frame_style:style_return_table"),
    # guotu ledger
    Stored("ledger/unit_ledger", "MultiPolygon", "schema:unit_ledger", "guotu.ledger.ledger_style:style_units_layer"),
    Stored("ledger/unit_grades", "None", "schema:unit_grades", "guotu.ledger.ledger_style:style_grades_table"),
    Stored("ledger/certificates", "MultiPolygon", "schema:certificates",
           "guotu.ledger.ledger_style:style_certificates_layer"),
    Stored("ledger/project_certificates", "None", "schema:project_certificates",
           "guotu.ledger.ledger_style:style_projects_table"),
    # guotu tally (the zone name's title too: the tool writes it with --zone-name)
    Stored("tally/tally", "None", "schema:tally", "guotu.tally.tally_style:style_tally_table", ("zone_names",)),
    Stored("tally/area_check", "None", "schema:area_check", "guotu.tally.tally_style:style_area_check_table"),
    # guotu indicators
    Stored("indicators/indicator_units", "MultiPolygon", "schema:indicator_units",
           "guotu.indicators.indicators_style:style_units_layer"),
    # guotu priorities rule / rank
    Stored("priorities/controlled_land", "MultiPolygon", "schema:controlled_land",
           "guotu.priorities.priorities_style:style_controlled_layer"),
    Stored("priorities/zone_summary", "None", "schema:rule_summary",
           "guotu.priorities.priorities_style:style_summary_table"),
    Stored("priorities/admin_summary", "None", "schema:rule_summary",
           "guotu.priorities.priorities_style:style_summary_table"),
    Stored("priorities/ranked_sites", "MultiPolygon", "schema:ranked_sites",
           "guotu.priorities.priorities_style:style_ranked_layer"),
    # guotu convert: not stored by the tool; loaded by hand onto its conversions layer
    Stored("conversion/conversions", "MultiPolygon", "schema:conversions", "local:conversion_preset_style"),
    # guotu lines init: the three-lines workspace
    Stored("lines/ecological_redline", "MultiPolygon", "workspace:ecological_redline", "local:workspace_style"),
    Stored("lines/permanent_farmland", "MultiPolygon", "workspace:permanent_farmland", "local:workspace_style"),
    Stored("lines/urban_boundary", "MultiPolygon", "workspace:urban_boundary", "local:workspace_style"),
    Stored("lines/eco_units", "MultiPolygon", "workspace:eco_units", "local:workspace_style"),
    Stored("lines/admin_units", "MultiPolygon", "workspace:admin_units", "local:workspace_style"),
)

# The workspace layers (drawn by planners): common practice in Chinese planning maps — red
# line red, farmland yellow, urban boundary orange with a purple dashed outline, ecological
# units green dots, admin units grey; unit names as labels.
WORKSPACE_LOOKS: Dict[str, Tuple[Dict[str, str], Optional[str]]] = {
    "ecological_redline": (dict(color="227,26,28,110", outline_color="165,0,38,255", outline_width="0.5"), None),
    "permanent_farmland": (dict(color="255,217,47,130", outline_color="153,112,0,255", outline_width="0.3"), None),
    "urban_boundary": (dict(color="255,127,0,40", outline_color="122,1,119,255", outline_width="0.8",
                            outline_style="dash"), None),
    "eco_units": (dict(color="0,0,0,0", outline_color="35,139,69,255", outline_width="0.6", outline_style="dot"),
                  "unit_name"),
    "admin_units": (dict(color="0,0,0,0", outline_color="80,80,80,255", outline_width="1.0"), "xzqmc"),
}


# ---- columns ----------------------------------------------------------------------------

def schema_columns(table: str, options: Sequence[str]) -> List[Column]:
    """The columns of resources/schemas/<table>.csv the tool writes by default, and those of
    ``options``; the run's objective columns of ranked_sites ({objectives}) are left out."""
    with (SCHEMAS / f"{table}.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return [(r["name"], r["type"], r["title_zh"]) for r in rows
            if not r["name"].startswith("{") and (not r["only_with"] or r["only_with"] in options)]


def workspace_columns(layer: str) -> List[Column]:
    with WORKSPACE_SCHEMA.open(encoding="utf-8-sig", newline="") as f:
        return [(r["field"], r["type"] if r["type"] in KINDS else "text", r["name_zh"])
                for r in csv.DictReader(f) if r["layer"] == layer]


def columns_of(style: Stored) -> List[Column]:
    source, _, name = style.columns.partition(":")
    if source == "schema":
        return schema_columns(name, style.options)
    if source == "workspace":
        return workspace_columns(name)
    raise ValueError(f"{style.path}: unknown column source '{style.columns}'")


# ---- stylers without a plugin function ----------------------------------------------------

def conversion_preset_style(layer: "QgsVectorLayer") -> None:
    """The plugin's conversion style with every legal path of the policy preset (an empty
    layer has none of its own), legend in both languages."""
    from guotu.conversion.conversion_style import conversion_renderer, preset_path_order

    layer.setRenderer(conversion_renderer(preset_path_order(), bilingual=True))


def workspace_style(layer: "QgsVectorLayer") -> None:
    from qgis.core import (QgsFillSymbol, QgsPalLayerSettings, QgsSingleSymbolRenderer, QgsTextFormat,
                           QgsVectorLayerSimpleLabeling)
    from qgis.PyQt.QtGui import QColor

    looks, label = WORKSPACE_LOOKS[layer.name()]
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(looks)))
    if label:
        settings = QgsPalLayerSettings()
        settings.fieldName = label
        text = QgsTextFormat()
        text.setColor(QColor(60, 60, 60))
        text.setSize(9)
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)


LOCAL: Dict[str, Callable] = {"conversion_preset_style": conversion_preset_style,
                              "workspace_style": workspace_style}


def styler_of(style: Stored) -> Callable:
    module, _, function = style.styler.partition(":")
    if module == "local":
        return LOCAL[function]
    return getattr(importlib.import_module(module), function)


# ---- languages ----------------------------------------------------------------------------

# The plugin's name of its language (i18n.chinese_ui() and the guide read tr("en")): never
# paired, so the stylers keep their English-UI choices (columns, which of two fields) and
# only the words they show change.
LANGUAGE_MARKER = "en"
# Messages lrelease leaves out of the .qm: the plugin never shows them.
_NOT_RELEASED = {"unfinished", "vanished", "obsolete"}


def _fields(template: str) -> List[str]:
    """The str.format fields of a text, sorted ([] for a text with none)."""
    return sorted(name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None)


def read_translations(path: Path, context: str) -> Dict[str, str]:
    """English source → Chinese of ``context`` in a Qt .ts file: the texts lrelease would
    release (a finished, non-empty translation), without the plural forms (the stylers have
    none). A template whose translation lacks or adds a field (a .ts error) is left out,
    so a pair never asks .format for a field the other half lacks."""
    found: Dict[str, str] = {}
    for node in ElementTree.parse(str(path)).getroot().iter("context"):
        if (node.findtext("name") or "") != context:
            continue
        for message in node.iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None or message.get("numerus") == "yes":
                continue
            if translation.get("type") in _NOT_RELEASED or not (translation.text or "").strip():
                continue
            english, chinese = source.text or "", translation.text or ""
            if _fields(english) == _fields(chinese):
                found[english] = chinese
    return found


def bilingual(english: str, translations: Dict[str, str]) -> str:
    """"<Chinese> <English>" for a text with a Chinese translation of its own, else the text."""
    chinese = translations.get(english, "")
    if english == LANGUAGE_MARKER or not chinese or chinese == english:
        return english
    return f"{chinese} {english}"


def bilingual_translator(translations: Dict[str, str], context: str) -> "QTranslator":
    """A translator answering the plugin's texts (``context``) in both languages."""
    from qgis.PyQt.QtCore import QTranslator

    class BilingualTranslator(QTranslator):
        def translate(self, context_: Optional[str], source: Optional[str], disambiguation: Optional[str] = None,
                      n: int = -1) -> Optional[str]:
            if context_ != context or source is None:
                return None  # a null string: Qt asks the next translator or keeps the source (QGIS's texts)
            return bilingual(source, translations)

        def isEmpty(self) -> bool:
            return False

    return BilingualTranslator()


# ---- writing ------------------------------------------------------------------------------

def import_plugin() -> None:
    """The plugin package of this checkout as ``guotu`` (as QGIS loads it)."""
    if "guotu" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)


def pin_label_font(layer: "QgsVectorLayer") -> None:
    """The labels in STORED_FONT (the styler takes the machine's first Chinese font)."""
    from qgis.core import QgsVectorLayerSimpleLabeling

    labeling = layer.labeling()
    if not isinstance(labeling, QgsVectorLayerSimpleLabeling):
        return
    settings = labeling.settings()
    text = settings.format()
    font = text.font()
    font.setFamily(STORED_FONT)
    text.setFont(font)
    settings.setFormat(text)
    enabled = layer.labelsEnabled()
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(enabled)


_TAG = re.compile(r'<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"]*")+)(\s*/?)>')
_ATTRIBUTE = re.compile(r'([\w.:-]+)="([^"]*)"')
# The same inside attribute values that hold escaped XML (a label callout's symbol).
_ESCAPED_TAG = re.compile(r'&lt;([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+=&quot;(?:(?!&quot;).)*&quot;)+)(\s*/?)>')
_ESCAPED_ATTRIBUTE = re.compile(r'([\w.:-]+)=&quot;((?:(?!&quot;).)*)&quot;')
_KEY = re.compile(r'key="\{[0-9a-f-]{36}\}"')
_NAMESPACE = uuid.UUID("6f1c3e2a-9a55-4f0c-8a43-5d0a7f1b2c11")


def normalise(qml: str, path: str) -> str:
    """The file's text independent of the run: attributes sorted, rule keys derived from the
    style's path and their order (QGIS writes attributes in hash order and random keys)."""
    def sort_attributes(match: "re.Match[str]") -> str:
        pairs = sorted(_ATTRIBUTE.findall(match.group(2)))
        return "<" + match.group(1) + "".join(f' {k}="{v}"' for k, v in pairs) + match.group(3) + ">"

    def sort_escaped(match: "re.Match[str]") -> str:
        pairs = sorted(_ESCAPED_ATTRIBUTE.findall(match.group(2)))
        return "&lt;" + match.group(1) + "".join(f" {k}=&quot;{v}&quot;" for k, v in pairs) + match.group(3) + ">"

    counter = iter(range(1_000_000))
    keyed = _KEY.sub(lambda _m: f'key="{{{uuid.uuid5(_NAMESPACE, f"{path}/{next(counter)}")}}}"', qml)
    return _TAG.sub(sort_attributes, _ESCAPED_TAG.sub(sort_escaped, keyed))


def write_style(style: Stored, out: Path) -> Path:
    from qgis.core import QgsVectorLayer

    columns = columns_of(style)
    uri = f"{style.geometry}?crs=EPSG:4527" + "".join(f"&field={n}:{KINDS[k]}" for n, k, _ in columns)
    name = style.path.split("/")[1]
    layer = QgsVectorLayer(uri, name, "memory")
    if not layer.isValid() or layer.fields().count() != len(columns):
        raise RuntimeError(f"{style.path}: cannot make a layer of {uri}")
    styler_of(style)(layer, **style.arguments)
    pin_label_font(layer)
    for index, (_name, _kind, title) in enumerate(columns):
        layer.setFieldAlias(index, title)  # the tool's GeoPackage is read in Chinese
    path = out / f"{style.path}.qml"
    path.parent.mkdir(parents=True, exist_ok=True)
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise RuntimeError(f"{style.path}: {message}")
    path.write_text(normalise(path.read_text(encoding="utf-8"), style.path), encoding="utf-8")
    return path


class OtherQgis(RuntimeError):
    """This QGIS is not the one the committed files are written with."""


def write_all(out: Path) -> List[Path]:
    from qgis.core import Qgis, QgsApplication

    if not Qgis.version().startswith(QGIS_VERSION):
        raise OtherQgis(f"the styles are written with QGIS {QGIS_VERSION}x, this is QGIS {Qgis.version()}")
    app = QgsApplication.instance()
    own = app is None
    if own:
        app = QgsApplication([], False)
        app.initQgis()
    translator = None
    try:
        import_plugin()
        from guotu.i18n import CONTEXT
        from qgis.PyQt.QtCore import QCoreApplication

        # Stored files are opened in QGIS of either language: the stylers speak both.
        translator = bilingual_translator(read_translations(TRANSLATIONS, CONTEXT), CONTEXT)
        QCoreApplication.installTranslator(translator)
        return [write_style(style, out) for style in STYLES]
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)
        if own:
            app.exitQgis()


def stale(committed: Path, fresh: Path) -> List[str]:
    """The styles (folder/name.qml) whose committed file differs from the fresh one, and
    committed QML files no entry of the table writes."""
    found = []
    for style in STYLES:
        name = f"{style.path}.qml"
        old = committed / name
        if not old.is_file() or old.read_bytes() != (fresh / name).read_bytes():
            found.append(name)
    known = {f"{s.path}.qml" for s in STYLES}
    found += sorted(str(p.relative_to(committed)) for p in committed.glob("*/*.qml")
                    if str(p.relative_to(committed)) not in known)
    return found


def main(argv: Optional[Sequence[str]] = None) -> int:
    """0: written, or (--check) all current; 1: stale files (named on stdout); 3: another QGIS."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: the committed files)")
    parser.add_argument("--check", action="store_true",
                        help="write into a temporary folder and name every committed file that differs")
    parser.add_argument("--committed", type=Path, default=HERE,
                        help="with --check: the folder to compare with (default: the committed files)")
    parser.add_argument("--diff", action="store_true", help="with --check: print the differences too")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        if not args.check:
            for path in write_all(args.out):
                print(path)
            return 0
        with tempfile.TemporaryDirectory() as tmp:
            write_all(Path(tmp))
            found = stale(args.committed, Path(tmp))
            for name in found:
                print(f"stale: {name}")
                fresh, old = Path(tmp) / name, args.committed / name
                if args.diff and fresh.is_file() and old.is_file():
                    sys.stdout.writelines(difflib.unified_diff(
                        old.read_text(encoding="utf-8").splitlines(True),
                        fresh.read_text(encoding="utf-8").splitlines(True), f"committed/{name}", f"generated/{name}"))
    except OtherQgis as e:
        print(f"make_styles: {e}", file=sys.stderr)
        return 3
    if found:
        print("make_styles: the files named differ from what the stylers and schemas give now; regenerate with "
              "/usr/bin/python3 resources/styles/make_styles.py", file=sys.stderr)
        return 1
    print(f"{len(STYLES)} styles up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
