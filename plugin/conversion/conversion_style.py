"""Map style of land-use conversion pieces (the ``conversions`` layer), and the colours
and the names the matrix view and the report share with it.

Pieces are categorized by policy status: prohibited red, policy gap orange and hatched,
conditional yellow, same (not a conversion) light grey without outline, unknown codes
dark grey; pieces with a legal path get one colour per path, by what the path makes
(farmland browns, forest and grassland greens, construction purples, sea and water
blues; fixed for the preset's paths, so a path keeps its colour from map to map), and a
policy of one's own gets further colours, each distinct from all others. Legend labels are
in the user's language (a path in the policy table's Chinese or English words). Matrix
cells are shaded by area (AREA_RAMP).

Layers made with a three-lines workspace (field ``line``) get the same status classes as
rules, plus one rule drawn on top: prohibited and policy-gap pieces inside the red line
or the permanent farmland get a thick dark magenta outline, so they stand out.

``write_style_to_gpkg`` stores the style in a GeoPackage as the layer's default style,
so the file opens styled in any QGIS.
"""

import csv
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.PyQt.QtGui import QColor
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFeatureRenderer, QgsFeatureRequest, QgsFillSymbol,
                       QgsLinePatternFillSymbolLayer, QgsLineSymbol, QgsRendererCategory, QgsRuleBasedRenderer,
                       QgsVectorLayer)

from ..i18n import chinese_ui, tr
from ..paths import resources_dir

STYLE_NAME = "guotu"
CONVERSIONS_LAYER = "conversions"

STATUS_FIELD = "status"
PATH_FIELD = "path_zh"
# One value per category: the status, or "path: <legal path in Chinese>" for paths.
PATH_PREFIX = "path: "
CLASS_EXPRESSION = (f'CASE WHEN "{STATUS_FIELD}" = \'path\' THEN \'{PATH_PREFIX}\' || coalesce("{PATH_FIELD}", \'\') '
                    f'ELSE "{STATUS_FIELD}" END')

# Order of the legend: what needs action first.
STATUS_ORDER: Tuple[str, ...] = ("prohibited", "gap", "conditional", "path", "same", "unknown")
STATUS_COLORS: Dict[str, str] = {
    "prohibited": "#d7191c",   # red
    "gap": "#f28e2b",          # orange (hatched on the map)
    "conditional": "#ffd92f",  # yellow
    "path": "#4a90c8",         # blue (matrix cells; each path has its own colour on the map)
    "same": "#e3e3e3",         # light grey
    "unknown": "#8a8a8a",      # dark grey
}
GAP_HATCH_COLOR = "#8c4a00"
# Prohibited or gap pieces inside the red line or farmland: outline drawn over the fill.
LINE_FIELD = "line"
FLAGGED_LINES = ("ecological_redline", "permanent_farmland")
FLAGGED_STATUSES = ("prohibited", "gap")
FLAG_COLOR = "#7b0068"  # dark magenta: no status uses it
FLAG_FILTER = (f'"{LINE_FIELD}" IN (' + ", ".join(f"'{v}'" for v in FLAGGED_LINES) + f') AND "{STATUS_FIELD}" IN ('
               + ", ".join(f"'{v}'" for v in FLAGGED_STATUSES) + ")")
OUTLINE_COLOR = "#5f5f5f"


# Styles stored in files (the committed QML for the tool's outputs, the default style in a
# GeoPackage) are opened in QGIS of any language: they name each class in both.
BILINGUAL_FLAG_LABEL = "红线或永久基本农田内的禁止/空白转用 prohibited or gap inside the red line or farmland"
BILINGUAL_STATUS_LABELS: Dict[str, str] = {
    "prohibited": "禁止 prohibited",
    "gap": "政策空白 policy gap",
    "conditional": "有条件 conditional",
    "path": "路径 path",
    "same": "未转用 same (not a conversion)",
    "unknown": "未知 unknown (code in no category table)",
}


def flag_label(bilingual: bool = False) -> str:
    return BILINGUAL_FLAG_LABEL if bilingual else tr("prohibited or gap inside the red line or farmland")


def status_labels(bilingual: bool = False) -> Dict[str, str]:
    """Legend words of the statuses: in the user's language, or in both for a stored style."""
    if bilingual:
        return dict(BILINGUAL_STATUS_LABELS)
    return {"prohibited": tr("prohibited"), "gap": tr("policy gap"), "conditional": tr("conditional"),
            "path": tr("legal path"), "same": tr("same (not a conversion)"),
            "unknown": tr("unknown (code in no category table)")}


def status_short_labels() -> Dict[str, str]:
    """The same in a word, for narrow table columns."""
    return {"prohibited": tr("prohibited"), "gap": tr("gap"), "conditional": tr("conditional"),
            "path": tr("legal path"), "same": tr("same"), "unknown": tr("unknown")}


# One colour per legal path of the policy preset, by what the path makes (no reds, oranges,
# yellows or greys, which mean a status): farmland from consolidation and reclamation in
# browns and tans, forest and grassland in greens, construction land in purples, the sea
# and water paths in blues. Paths of a policy of one's own get colours made after these,
# each at a visible distance from every colour already used.
PRESET_PATH_COLORS: Dict[str, str] = {
    "土地整理；园地山坡地改造": "#8c6d31",            # garden → cultivated: olive brown
    "土地整理": "#bd9e39",                           # farm water → cultivated: ochre
    "土地整治；开垦": "#e7cb94",                      # unused → farmland: light tan
    "填海、围海": "#6baed6",                          # sea → farmland: sea blue
    "城乡增减挂钩；拆旧复垦；矿山治理": "#c49c94",      # construction → farmland: rosy tan
    "退耕还林": "#1b7837",                           # cultivated → forest: dark green
    "土地整治；开垦森林；森林生态修复": "#5aae61",      # unused → forest: green
    "退耕还草": "#a6dba0",                           # cultivated → grassland: light green
    "土地整治；开垦；草原综合治理": "#35978f",          # unused → grassland: teal
    "农用地转用；占用耕地、林地总量控制": "#762a83",    # farmland → construction: purple
    "水、河道主管部门审查；不得占用河道滩地": "#2166ac",  # water → construction: blue
    "参照农转用执行": "#c2a5cf",                      # unused → construction: lilac
    "填海、围海；围填海年度计划指标": "#08306b",        # sea → construction: navy
}
PATH_PALETTE: Tuple[str, ...] = tuple(PRESET_PATH_COLORS.values())
# Two colours closer than this (RGB distance) are hard to tell apart on a map.
MIN_COLOR_DISTANCE = 40.0
# Matrix cells: a sequential scale by area (ColorBrewer Blues), light = small, dark = large.
AREA_RAMP: Tuple[str, ...] = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5",
                              "#08519c", "#08306b")

# Colours of the categories themselves (Sankey nodes): land-use map conventions.
CATEGORY_COLORS: Dict[str, str] = {
    "cultivated": "#f3e28b", "garden": "#c8a2d8", "forest": "#3d8b3d", "grassland": "#a6d96a",
    "farm_water": "#7fcdbb", "aquaculture_water": "#41b6c4", "river_water": "#2c7fb8", "other_unused": "#c9b18f",
    "sea": "#253494", "construction": "#d95f5f", "": "#9e9e9e",
}


def category_names() -> Dict[str, str]:
    """The ten policy categories (and "" for codes in no table) in the user's language."""
    return {"cultivated": tr("cultivated land"), "garden": tr("garden land"), "forest": tr("forest land"),
            "grassland": tr("grassland"), "farm_water": tr("farmland water"),
            "aquaculture_water": tr("aquaculture water"), "river_water": tr("river water"),
            "other_unused": tr("other unused land"), "sea": tr("sea area"), "construction": tr("construction land"),
            "": tr("unknown")}


def category_label(category: str) -> str:
    """A policy category as the user reads it ("cultivated land" / "耕地")."""
    return category_names().get(category, category)


def status_label(status: str) -> str:
    return status_labels().get(status, status)


def preset_path_order() -> List[Tuple[str, str]]:
    """(paths_zh, paths_en) of the policy preset's "path" rules, in first-appearance order."""
    order: List[Tuple[str, str]] = []
    try:
        with open(resources_dir() / "presets" / "conversion" / "policy.csv", encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row.get("status") == "path":
                    pair = (row.get("paths_zh", ""), row.get("paths_en", ""))
                    if pair[0] not in (p[0] for p in order):
                        order.append(pair)
    except OSError:
        pass
    return order


def color_distance(a: str, b: str) -> float:
    ca, cb = QColor(a), QColor(b)
    return ((ca.red() - cb.red()) ** 2 + (ca.green() - cb.green()) ** 2 + (ca.blue() - cb.blue()) ** 2) ** 0.5


def _status_hue(color: QColor) -> bool:
    """Reds, oranges, yellows and greys mean a status; a path colour is none of them."""
    hue = color.hsvHue()
    return color.hsvSaturation() < 60 or hue < 0 or hue < 62 or hue > 335


def _new_path_color(used: List[str]) -> str:
    """A colour for a path of one's own: golden-angle hues outside the status hues, three
    lightnesses in turn, the first at MIN_COLOR_DISTANCE from every colour in ``used``
    (then at a shorter distance, should the space run out); always a colour not used."""
    for minimum in (MIN_COLOR_DISTANCE, MIN_COLOR_DISTANCE / 2, 1.0):
        for n in range(720):
            hue = (70 + n * 137.508) % 265 + 62  # 62..327: greens, blues, purples, magentas
            saturation, value = ((200, 170), (130, 220), (230, 110))[(n // 7) % 3]
            color = QColor.fromHsv(int(hue), saturation, value)
            if _status_hue(color):
                continue
            name = color.name()
            if all(color_distance(name, other) >= minimum for other in used) and name not in used:
                return name
    raise AssertionError("unreachable: 720 hues × 3 lightnesses give a new colour")


def path_colors(paths: Iterable[str]) -> Dict[str, str]:
    """A distinct colour per legal path: the preset's paths their own colour (so a path
    keeps its colour from map to map), others made after them in sorted order, each
    distinct from the statuses' and from every other path's."""
    preset = list(PRESET_PATH_COLORS)
    wanted = sorted(set(paths), key=lambda p: (preset.index(p) if p in PRESET_PATH_COLORS else len(preset), p))
    used = list(STATUS_COLORS.values()) + list(PRESET_PATH_COLORS.values())
    colors: Dict[str, str] = {}
    for path in wanted:
        if path in PRESET_PATH_COLORS:
            colors[path] = PRESET_PATH_COLORS[path]
        else:
            colors[path] = _new_path_color(used)
            used.append(colors[path])
    return colors


def area_color(area: float, largest: float) -> str:
    """The colour of a matrix cell of ``area`` on the AREA_RAMP, ``largest`` the darkest
    (square-root scale, so the small changes a planner reviews still show)."""
    if largest <= 0 or area <= 0:
        return AREA_RAMP[0]
    t = min(1.0, (area / largest) ** 0.5) * (len(AREA_RAMP) - 1)
    low = int(t)
    if low >= len(AREA_RAMP) - 1:
        return AREA_RAMP[-1]
    a, b, f = QColor(AREA_RAMP[low]), QColor(AREA_RAMP[low + 1]), t - low
    return QColor(round(a.red() + (b.red() - a.red()) * f), round(a.green() + (b.green() - a.green()) * f),
                  round(a.blue() + (b.blue() - a.blue()) * f)).name()


def _fill(color: str, outline: bool = True) -> QgsFillSymbol:
    props = {"color": color, "outline_color": OUTLINE_COLOR, "outline_width": "0.1"}
    if not outline:
        props["outline_style"] = "no"
    return QgsFillSymbol.createSimple(props)


def _hatched(color: str) -> QgsFillSymbol:
    symbol = _fill(color)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45.0)
    hatch.setDistance(1.2)
    hatch.setLineWidth(0.25)
    hatch.setColor(QColor(GAP_HATCH_COLOR))
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": GAP_HATCH_COLOR, "width": "0.25"}))
    symbol.appendSymbolLayer(hatch)
    return symbol


def status_symbol(status: str) -> QgsFillSymbol:
    if status == "gap":
        return _hatched(STATUS_COLORS["gap"])
    if status == "same":
        return _fill(STATUS_COLORS["same"], outline=False)
    return _fill(STATUS_COLORS.get(status, STATUS_COLORS["unknown"]))


def conversion_renderer(paths: Sequence[Tuple[str, str]], statuses: Optional[Iterable[str]] = None,
                        bilingual: bool = False) -> QgsCategorizedSymbolRenderer:
    """Categorized on status (paths split by their Chinese text). ``paths``: the (zh, en)
    legal paths to list; ``statuses``: the statuses to list (default: all); ``bilingual``:
    labels in both languages (a style stored in a file), else in the user's."""
    wanted = set(statuses) if statuses is not None else set(STATUS_ORDER)
    colors = path_colors(zh for zh, _en in paths)
    english = dict(paths)
    labels = status_labels(bilingual)
    categories: List[QgsRendererCategory] = []
    for status in STATUS_ORDER:
        if status == "path":
            for zh in colors:
                en = english.get(zh, "")
                # The policy table has the path in both languages: the legend shows the user's.
                if bilingual:
                    label = f"{labels['path']}: {zh}" + (f" ({en})" if en else "")
                elif chinese_ui() or not en:
                    label = f"{labels['path']}：{zh}"
                else:
                    label = f"{labels['path']}: {en}"
                categories.append(QgsRendererCategory(PATH_PREFIX + zh, _fill(colors[zh]), label))
        elif status in wanted:
            categories.append(QgsRendererCategory(status, status_symbol(status), labels[status]))
    return QgsCategorizedSymbolRenderer(CLASS_EXPRESSION, categories)


def layer_paths(layer: QgsVectorLayer) -> Tuple[List[Tuple[str, str]], List[str]]:
    """The legal paths (zh, en) and the statuses found in a conversions layer."""
    fields = layer.fields()
    indexes = [fields.lookupField(name) for name in (STATUS_FIELD, PATH_FIELD, "path_en")]
    if indexes[0] < 0:
        return [], []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes(
        [i for i in indexes if i >= 0])
    paths: Dict[str, str] = {}
    statuses = set()
    for feature in layer.getFeatures(request):
        status = feature.attribute(indexes[0])
        statuses.add(str(status))
        if status == "path" and indexes[1] >= 0:
            zh = feature.attribute(indexes[1])
            en = feature.attribute(indexes[2]) if indexes[2] >= 0 else ""
            paths.setdefault(str(zh or ""), str(en or ""))
    return list(paths.items()), sorted(statuses)


def flagged_rule(bilingual: bool = False) -> QgsRuleBasedRenderer.Rule:
    """The rule that outlines prohibited and gap pieces inside the red line or farmland."""
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": FLAG_COLOR, "outline_width": "0.8",
                                         "joinstyle": "miter"})
    return QgsRuleBasedRenderer.Rule(symbol, 0, 0, FLAG_FILTER, flag_label(bilingual))


def lines_renderer(categorized: QgsCategorizedSymbolRenderer, bilingual: bool = False) -> QgsRuleBasedRenderer:
    """The status classes as rules, and the flag rule drawn over them (every matching rule
    draws: a flagged piece keeps its status fill)."""
    renderer = QgsRuleBasedRenderer.convertFromRenderer(categorized)
    renderer.rootRule().appendChild(flagged_rule(bilingual))
    return renderer


def style_conversions_layer(layer: QgsVectorLayer, bilingual: bool = False) -> None:
    """Styles a conversions layer (pieces with status and path_zh) in place. Statuses
    absent from the layer are left out of the legend, except the four main ones. With a
    field ``line`` the style is rule-based, with the flag rule on top. Labels in the user's
    language, or in both (``bilingual``) for a style stored in a file."""
    paths, statuses = layer_paths(layer)
    shown = set(statuses) | {"prohibited", "gap", "conditional", "same"}
    renderer: QgsFeatureRenderer = conversion_renderer(paths, shown, bilingual)
    if layer.fields().lookupField(LINE_FIELD) >= 0:
        renderer = lines_renderer(renderer, bilingual)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def _forget_saved_style(path: Path, layer_name: str) -> None:
    """Deletes an earlier Guotu style of the layer: QGIS 3.22's OGR provider would ask
    "overwrite?" in a modal dialog (which never returns when headless)."""
    try:
        with closing(sqlite3.connect(str(path))) as db, db:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'").fetchone():
                db.execute("DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?",
                           (layer_name, STYLE_NAME))
    except sqlite3.Error:
        pass  # not an SQLite file: saving will say what is wrong


def write_style_to_gpkg(path: Path, layer_name: str = CONVERSIONS_LAYER) -> str:
    """Styles ``layer_name`` of the GeoPackage ``path`` and stores the style as its default
    (table layer_styles; an earlier Guotu style of the layer is replaced). Returns "" or
    an error message."""
    _forget_saved_style(path, layer_name)
    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    if not layer.isValid():
        return tr('Layer "{layer}" of "{path}" could not be opened.').format(layer=layer_name, path=path)
    style_conversions_layer(layer, bilingual=True)  # opened later in QGIS of any language
    return layer.saveStyleToDatabase(STYLE_NAME, tr("Guotu land-use conversion style"), True, "") or ""
