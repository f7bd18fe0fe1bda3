"""Writes the default QML styles of the priorities outputs (run by hand with /usr/bin/python3
after changing a colour; the .qml files are committed). controlled_land is drawn by the rank
of the objective that rules each piece, ranked_sites by Pareto front (1 = the front)."""
from pathlib import Path

from qgis.core import (QgsApplication, QgsFeatureRenderer, QgsField, QgsFillSymbol, QgsRuleBasedRenderer,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import QVariant

PIECES = [("landuse_fid", QVariant.LongLong, "地类图斑要素号"), ("zone_fid", QVariant.LongLong, "分区要素号"),
          ("zone_type", QVariant.String, "分区类型"), ("land_class", QVariant.String, "地类编码"),
          ("objective", QVariant.String, "主导目标"), ("rank", QVariant.LongLong, "目标次序"),
          ("rule", QVariant.String, "管控规则"), ("admin_code", QVariant.String, "行政区代码"),
          ("area_ha", QVariant.Double, "面积(公顷)"), ("net_ha", QVariant.Double, "扣除后面积(公顷)")]
SITES = [("site_fid", QVariant.LongLong, "候选地块要素号"), ("site_id", QVariant.String, "候选地块编号"),
         ("front", QVariant.LongLong, "帕累托前沿序号"),
         ("crowding", QVariant.Double, "拥挤距离"), ("lex_rank", QVariant.LongLong, "字典序名次")]
SUMMARY = [("fid_in", QVariant.LongLong, "要素号"), ("code", QVariant.String, "类型或代码"),
           ("name", QVariant.String, "名称"), ("objective", QVariant.String, "主导目标"),
           ("area_ha", QVariant.Double, "面积(公顷)"), ("controlled_ha", QVariant.Double, "管控地类面积(公顷)"),
           ("net_ha", QVariant.Double, "扣除后面积(公顷)"), ("pieces", QVariant.LongLong, "图斑块数")]

RANK_RULES = [('"rank" = 1', "主导目标管控 ruled by the zone's first objective", "215,25,28,170", "128,0,0,255"),
              ('"rank" > 1', "次级目标管控 ruled by a lower objective", "253,174,97,170", "166,97,26,255")]
FRONT_RULES = [('"front" = 1', "第1前沿 front 1 (Pareto front)", "26,150,65,200", "0,68,27,255"),
               ('"front" = 2', "第2前沿 front 2", "166,217,106,190", "49,110,30,255"),
               ('"front" = 3', "第3前沿 front 3", "254,224,139,180", "140,110,20,255"),
               ('"front" >= 4', "第4及以后前沿 front 4 and after", "200,200,200,150", "120,120,120,255")]


def rule_renderer(rules) -> QgsFeatureRenderer:
    root = QgsRuleBasedRenderer.Rule(None)
    for expression, label, color, outline in rules:
        symbol = QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "outline_width": "0.3"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label))
    return QgsRuleBasedRenderer(root)


def layer(kind: str, fields) -> QgsVectorLayer:
    lyr = QgsVectorLayer(kind, "x", "memory")
    lyr.dataProvider().addAttributes([QgsField(name, t) for name, t, _ in fields])
    lyr.updateFields()
    for i, (_, _, alias) in enumerate(fields):
        lyr.setFieldAlias(i, alias)
    return lyr


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    here = Path(__file__).resolve().parent
    pieces = layer("MultiPolygon", PIECES)
    pieces.setRenderer(rule_renderer(RANK_RULES))
    pieces.saveNamedStyle(str(here / "controlled_land.qml"))
    sites = layer("MultiPolygon", SITES)
    sites.setRenderer(rule_renderer(FRONT_RULES))
    sites.saveNamedStyle(str(here / "ranked_sites.qml"))
    for name in ("zone_summary", "admin_summary"):
        layer("None", SUMMARY).saveNamedStyle(str(here / f"{name}.qml"))
    app.exitQgis()


if __name__ == "__main__":
    main()
