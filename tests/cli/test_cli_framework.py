"""guotu framework catalogue on the fixture of core/tests/test_frame.c, with its hand-counted
findings. Catalogue: M01 紫金山 (3201;3202), R01 秦淮河 (3201、3203), C01 生态廊道 (3202；3203),
R02 滁河 (3201|3202|3203). Submitted: 3201 M01 ×2, R01, X99; 3202 M01, R01; 3203 C01, (no id);
(no city) M01.
  not_submitted: R01/3203, C01/3202, R02/3201, R02/3202, R02/3203          5
  not_in_catalogue: X99 (3201), the feature without id (3203)               2
  city_not_listed: R01 submitted by 3202                                    1
  no_city: the M01 feature without city                                     1
Per city (listed, submitted, not submitted, features, not in catalogue, not listed):
  3201 3 2 1 4 1 0 · 3202 3 1 2 2 0 1 · 3203 3 1 2 2 1 0
"""
from __future__ import annotations

from pathlib import Path

from osgeo import ogr

from cli_support import X0, Y0, box, run_guotu, write_layer

CATALOGUE = ("\ufeffelement_id,name,type,cities,indicators\r\n"
             "M01,紫金山,mountain,3201;3202,slope_mean;forest_share\r\n"
             "R01,秦淮河,river,3201、3203,area\r\n"
             "C01,生态廊道,corridor,3202；3203,\r\n"
             "R02,滁河,river,\"3201|3202|3203\",\r\n")

SUBMITTED = [("3201", "M01", "紫金山北"), ("3201", "M01", "紫金山南"), ("3201", "R01", "秦淮河"),
             ("3201", "X99", "无名山"), ("3202", "M01", "紫金山东"), ("3202", "R01", "秦淮河"),
             ("3203", "C01", "廊道"), ("3203", "", "未编号"), ("", "M01", "无城市")]


def write_inputs(tmp: Path, catalogue: str = CATALOGUE) -> tuple[Path, Path]:
    cat = tmp / "catalogue.csv"
    cat.write_text(catalogue, encoding="utf-8")
    features = [({"city": c, "ysbh": e, "ysmc": n}, box(X0 + 100 * i, Y0, X0 + 100 * i + 50, Y0 + 50))
                for i, (c, e, n) in enumerate(SUBMITTED)]
    elements = write_layer(tmp / "submitted.gpkg", "submitted", 4527,
                           [("city", ogr.OFTString), ("ysbh", ogr.OFTString), ("ysmc", ogr.OFTString)], features)
    return cat, elements


def run(tmp: Path, cat: Path, elements: Path, *extra: str):
    out = tmp / "out.gpkg"
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "ysbh", "--name-field", "ysmc", *extra, "-o", str(out))
    return r, out


def rows(path: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    out = []
    for f in lyr:
        row = {k: f.GetField(k) for k in f.keys()}
        g = f.GetGeometryRef()
        row["_geom"] = g.ExportToWkt() if g else None
        out.append(row)
    return out


def test_catalogue_findings_and_cities(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 0, r.stderr
    assert "5 not submitted, 2 not in the catalogue, 1 city not listed, 1 without city" in r.stdout
    findings = rows(out, "catalogue_findings")
    got = [(f["kind"], f["city_id"], f["element_id"], f["feature_id"]) for f in findings]
    assert got == [("not_submitted", "3203", "R01", None), ("not_submitted", "3202", "C01", None),
                   ("not_submitted", "3201", "R02", None), ("not_submitted", "3202", "R02", None),
                   ("not_submitted", "3203", "R02", None), ("not_in_catalogue", "3201", "X99", 4),
                   ("city_not_listed", "3202", "R01", 6), ("not_in_catalogue", "3203", "", 8),
                   ("no_city", "", "M01", 9)]
    # The catalogue's name and cities for a catalogue element, the submitted name otherwise.
    assert findings[0]["element_name"] == "秦淮河" and findings[0]["cities"] == "3201;3203"
    assert findings[0]["element_type"] == "river" and findings[0]["_geom"] is None
    assert findings[5]["element_name"] == "无名山" and findings[5]["cities"] == ""
    assert "X99" in findings[5]["message_zh"] and "not in the catalogue" in findings[5]["message_en"]
    # The submitted geometry comes with the feature's finding: X99 is the 4th feature (index 3).
    g = ogr.CreateGeometryFromWkt(findings[5]["_geom"])
    assert abs(g.GetArea() - 2500.0) < 1e-6
    assert abs(g.GetEnvelope()[0] - (X0 + 300)) < 1e-6
    cities = [(c["city_id"], c["listed"], c["submitted"], c["not_submitted"], c["features"], c["not_in_catalogue"],
               c["city_not_listed"]) for c in rows(out, "catalogue_cities")]
    assert cities == [("3201", 3, 2, 1, 4, 1, 0), ("3202", 3, 1, 2, 2, 0, 1), ("3203", 3, 1, 2, 2, 1, 0)]


def test_bad_catalogue_is_refused_naming_the_line(tmp_path: Path) -> None:
    bad = CATALOGUE.replace("slope_mean;forest_share", "slope_mean;forest")
    cat, elements = write_inputs(tmp_path, bad)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 1
    assert "line 2" in r.stderr and "unknown indicator 'forest'" in r.stderr
    assert not out.exists()


def test_missing_field_and_usage(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    out = tmp_path / "out.gpkg"
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "YSBH_X", "-o", str(out))
    assert r.returncode == 1 and "YSBH_X" in r.stderr and not out.exists()
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "-o", str(out))
    assert r.returncode == 2 and "--element-field" in r.stderr
    r = run_guotu("framework", "catalogue", "--catalogue", str(cat), "--elements", str(elements),
                  "--city-field", "city", "--element-field", "ysbh", "-o", str(elements))
    assert r.returncode != 0 and not (tmp_path / "catalogue_findings").exists()
    r = run_guotu("framework")
    assert r.returncode == 2 and "framework catalogue" in r.stderr


def test_outputs_open_styled(tmp_path: Path) -> None:
    cat, elements = write_inputs(tmp_path)
    r, out = run(tmp_path, cat, elements)
    assert r.returncode == 0, r.stderr
    ds = ogr.Open(str(out))
    styles = ds.ExecuteSQL("SELECT f_table_name, styleQML FROM layer_styles ORDER BY f_table_name")
    found = {f.GetField(0): f.GetField(1) for f in styles}
    ds.ReleaseResultSet(styles)
    assert set(found) == {"catalogue_cities", "catalogue_findings"}
    assert "not_in_catalogue" in found["catalogue_findings"] and "城市代码" in found["catalogue_cities"]
