"""guotu:framecatalogue on the CLI tests' catalogue fixture: the hand-counted findings, the
same rows as `guotu framework catalogue`, the catalogue as a table layer, unsaved edits,
styles and bad input."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsRuleBasedRenderer, QgsVectorLayer

import frame_data as fd
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:framecatalogue"
OUTPUTS = ("CATALOGUE_FINDINGS", "CATALOGUE_CITIES")


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return fd.make_fixture(tmp_path_factory.mktemp("frame"))


def params(fx: Path, **extra) -> dict:
    p = {"CATALOGUE": str(fx / "catalogue.csv"), "ELEMENTS": f"{fx / 'submitted.gpkg'}|layername=submitted",
         "CITY_FIELD": "city", "ELEMENT_FIELD": "ysbh", "NAME_FIELD": "ysmc"}
    p.update({name: "memory:" for name in OUTPUTS})
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


HAND_FINDINGS = [("not_submitted", "3203", "R01", None), ("not_submitted", "3202", "C01", None),
                 ("not_submitted", "3201", "R02", None), ("not_submitted", "3202", "R02", None),
                 ("not_submitted", "3203", "R02", None), ("not_in_catalogue", "3201", "X99", 4),
                 ("city_not_listed", "3202", "R01", 6), ("not_in_catalogue", "3203", "", 8), ("no_city", "", "M01", 9)]
HAND_CITIES = [("3201", 3, 2, 1, 4, 1, 0), ("3202", 3, 1, 2, 2, 0, 1), ("3203", 3, 1, 2, 2, 1, 0)]


def city_tuples(layer: QgsVectorLayer) -> list:
    return [(r["city_id"], r["listed"], r["submitted"], r["not_submitted"], r["features"], r["not_in_catalogue"],
             r["city_not_listed"]) for r in rows(layer)]


def test_hand_counts(fx: Path) -> None:
    result = run(params(fx))
    findings = rows(result["CATALOGUE_FINDINGS"])
    assert [(r["kind"], r["city_id"], r["element_id"], r["feature_id"]) for r in findings] == HAND_FINDINGS
    assert result["FINDING_COUNT"] == 9
    # Findings of submitted features carry their geometry (a 50 m square), the others none.
    assert [bool(r["_wkb"]) for r in findings] == [False] * 5 + [True] * 4
    x99 = next(f for f in result["CATALOGUE_FINDINGS"].getFeatures() if f["element_id"] == "X99")
    assert x99.geometry().area() == pytest.approx(2500.0, abs=1e-6)
    assert city_tuples(result["CATALOGUE_CITIES"]) == HAND_CITIES


def test_same_rows_as_the_cli(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = fd.run_cli(fx, out)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx))
    for output, table in (("CATALOGUE_FINDINGS", "catalogue_findings"), ("CATALOGUE_CITIES", "catalogue_cities")):
        ours = rows(result[output])
        theirs = rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        assert len(ours) == len(theirs) and ours, table
        for a, b in zip(ours, theirs):
            a.pop("fid", None)
            b.pop("fid", None)
            if a["_wkb"] or b["_wkb"]:
                from qgis.core import QgsGeometry
                ga, gb = QgsGeometry(), QgsGeometry()
                ga.fromWkb(a.pop("_wkb"))
                gb.fromWkb(b.pop("_wkb"))
                assert ga.equals(gb), (table, a)
            assert {k: v for k, v in a.items() if k != "_wkb"} == {k: v for k, v in b.items() if k != "_wkb"}, table


def test_catalogue_as_a_table_layer(fx: Path) -> None:
    table = QgsVectorLayer(str(fx / "catalogue.csv"), "名录", "ogr")
    assert table.isValid()
    result = run(params(fx, CATALOGUE=None, CATALOGUE_LAYER=table))
    findings = rows(result["CATALOGUE_FINDINGS"])
    assert [(r["kind"], r["city_id"], r["element_id"], r["feature_id"]) for r in findings] == HAND_FINDINGS
    assert city_tuples(result["CATALOGUE_CITIES"]) == HAND_CITIES


def test_unsaved_edits_count(fx: Path) -> None:
    layer = QgsVectorLayer(f"{fx / 'submitted.gpkg'}|layername=submitted", "submitted", "ogr")
    assert layer.isValid()
    layer.startEditing()
    x99 = next(f for f in layer.getFeatures() if f["ysbh"] == "X99")
    layer.changeAttributeValue(x99.id(), layer.fields().indexOf("ysbh"), "R02")  # 3201 now submits R02
    try:
        result = run(params(fx, ELEMENTS=layer))
        kinds = [(r["kind"], r["city_id"], r["element_id"]) for r in rows(result["CATALOGUE_FINDINGS"])]
        assert ("not_submitted", "3201", "R02") not in kinds and ("not_in_catalogue", "3201", "X99") not in kinds
        assert city_tuples(result["CATALOGUE_CITIES"])[0] == ("3201", 3, 3, 0, 4, 0, 0)
    finally:
        layer.rollBack()


def test_styles(fx: Path) -> None:
    from guotu.frame.frame_style import style_cities_table, style_findings_layer

    result = run(params(fx))
    findings, cities = result["CATALOGUE_FINDINGS"], result["CATALOGUE_CITIES"]
    style_findings_layer(findings)
    assert isinstance(findings.renderer(), QgsRuleBasedRenderer)
    rules = [r.filterExpression() for r in findings.renderer().rootRule().children()]
    assert rules == ["\"kind\" = 'not_in_catalogue'", "\"kind\" = 'city_not_listed'", "\"kind\" = 'no_city'"]
    assert findings.labelsEnabled()
    style_cities_table(cities)  # aliases only: the table has no renderer to check
    assert cities.fields().names()[:3] == ["city_id", "listed", "submitted"]


def test_bad_input(fx: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text((fx / "catalogue.csv").read_text(encoding="utf-8").replace("forest_share", "forest"),
                   encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 2: catalogue element 'M01': unknown indicator 'forest'"):
        run(params(fx, CATALOGUE=str(bad)))
    with pytest.raises(QgsProcessingException, match="not both, not neither"):
        run(params(fx, CATALOGUE=None))
    with pytest.raises(QgsProcessingException, match='no field "YSBH_X"'):
        run(params(fx, ELEMENT_FIELD="YSBH_X"))
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes((fx / "catalogue.csv").read_text(encoding="utf-8-sig").encode("gbk"))
    with pytest.raises(QgsProcessingException, match="not valid UTF-8"):
        run(params(fx, CATALOGUE=str(gbk)))


def test_county_rollup_same_as_the_cli(fx: Path, tmp_path: Path) -> None:
    """The submissions of counties under their codes, rolled up to the cities by a county table:
    the same findings and county rows as `guotu framework catalogue --counties`."""
    counties = tmp_path / "counties.csv"
    counties.write_text("county,city\n3201,3202\n", encoding="utf-8")  # 3201's features count for 3202
    out = tmp_path / "cli.gpkg"
    cli = fd.run_cli(fx, out, "--counties", str(counties))
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, COUNTIES=str(counties), COUNTY_ROLLUP="memory:"))
    theirs = rows(QgsVectorLayer(f"{out}|layername=catalogue_findings", "f", "ogr"))
    ours = rows(result["CATALOGUE_FINDINGS"])
    assert [(r["kind"], r["city_id"], r["element_id"]) for r in ours] == \
        [(r["kind"], r["city_id"], r["element_id"]) for r in theirs]
    assert ("not_submitted", "3201", "M01") in [(r["kind"], r["city_id"], r["element_id"]) for r in ours]
    rollup = [(r["county_id"], r["city_id"], r["features"], r["elements"], r["not_in_catalogue"])
              for r in rows(result["COUNTY_ROLLUP"])]
    assert rollup == [(r["county_id"], r["city_id"], r["features"], r["elements"], r["not_in_catalogue"])
                      for r in rows(QgsVectorLayer(f"{out}|layername=county_rollup", "c", "ogr"))]
    assert rollup == [("3201", "3202", 4, 1, 1)]  # M01 (two features) counts; R01 (3202 not listed) and X99 do not
