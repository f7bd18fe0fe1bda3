"""guotu border on the fixture of core/tests/test_border.c (planar metres from the GK-39
origin X0, Y0; corridor 200 m, reach 5 m, snap 1 m), with the same hand-computed values:
  A [0,1000]² | B [1000,2000]x[0,1000]: border x = 1000, 1000 m long.
    y 100-200 coordinated (red line both sides)                     100 m
    y 250-350 category_mismatch (red line A, farmland B)            100 m
    y 400-500 discontinuity (red line A, nothing in B)              100 m
    y 550-700 gap (B's red line stops 50 m short): 50 x 150 = 7500 m²  150 m
    y 750-850 overlap: A's red line 40 m into B = 4000 m²; B's farmland
              double-claims 40 x 50 = 2000 m²                        100 m
    none                                                            450 m
    weighted 100 + 100 + 0.75·150 + 0.5·100 = 362.5 m over 550 m: score 65.909
  C [3000,4000]x[0,1000] | D [4000.5,5000]x[0,1000]: a 0.5 m sliver, 500 m² (admin_gap);
  E [3000,4000]x[998,2000] overlaps C by 2000 m² (admin_overlap); F a bow-tie (admin_invalid).
  Bad input: an element without city, one of city "Z", a bow-tie element, one without geometry.
Plus adjacency on real admin layers shipped by Debian (r-cran-sf): the 100 North Carolina
counties and the 470 Olinda census tracts, against an independent OGR computation.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from osgeo import ogr, osr

from cli_support import X0, Y0, box, run_guotu, write_layer

NC = Path("/usr/lib/R/site-library/sf/gpkg/nc.gpkg")
OLINDA = Path("/usr/lib/R/site-library/sf/shape/olinda1.shp")
RED, FARM = "ecological_redline", "permanent_farmland"


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def bowtie(x0):
    x, y = X0 + x0, Y0
    return f"POLYGON(({x} {y},{x+200} {y+200},{x+200} {y},{x} {y+200},{x} {y}))"


ADMINS = [("A", "甲市", b(0, 0, 1000, 1000)), ("B", "乙市", b(1000, 0, 2000, 1000)),
          ("C", "丙市", b(3000, 0, 4000, 1000)), ("D", "丁市", b(4000.5, 0, 5000, 1000)),
          ("E", "戊市", b(3000, 998, 4000, 2000)), ("F", "己市", bowtie(7000))]

ELEMENTS = [  # city, category, name, geometry (None: no geometry)
    ("A", RED, "Taihang-A", b(900, 100, 1000, 200)), ("B", RED, "Taihang-B", b(1000, 100, 1100, 200)),
    ("A", RED, "Hills-A", b(900, 250, 1000, 350)), ("B", FARM, "Fields-B", b(1000, 250, 1100, 350)),
    ("A", RED, "River-A", b(850, 400, 1000, 500)),
    ("A", RED, "Gap-A", b(900, 550, 1000, 700)), ("B", RED, "Gap-B", b(1050, 550, 1150, 700)),
    ("A", RED, "Forest-A", b(900, 750, 1040, 850)), ("B", FARM, "Claim-B", b(1000, 800, 1100, 850)),
    ("A", RED, "Far-A", b(0, 0, 100, 100)),
    ("", RED, "Orphan", b(100, 100, 200, 200)), ("Z", RED, "Stranger", b(100, 300, 200, 400)),
    ("A", FARM, "", bowtie(200)), ("A", FARM, "", None),
]


def write_admins(tmp: Path) -> Path:
    return write_layer(tmp / "admin.gpkg", "admin", 4527, [("code", ogr.OFTString), ("name", ogr.OFTString)],
                       [({"code": c, "name": n}, g) for c, n, g in ADMINS])


def write_elements(path: Path, rows, layer: str = "elements", epsg: int = 4527) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.Open(str(path), 1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer(layer, srs, ogr.wkbPolygon)
    for name in ("city", "category", "name"):
        lyr.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for city, category, name, wkt in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        f["city"], f["category"], f["name"] = city, category, name
        if wkt:
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None
    return path


def run_border(admin: Path, elements: Path, out: Path, *extra: str):
    return run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--admin-name", "name",
                     "--elements", str(elements), "--category-field", "category", "--name-field", "name",
                     "--area", "planar", "-o", str(out), *extra)


def rows(out: Path, layer: str) -> list[dict]:
    ds = ogr.Open(str(out))
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, f"no layer {layer}"
    result = []
    for f in lyr:
        item = f.items()
        g = f.GetGeometryRef()
        item["_geom"] = g.ExportToWkt() if g else None
        item["_type"] = ogr.GeometryTypeToName(g.GetGeometryType()) if g else None
        result.append(item)
    return result


@pytest.fixture
def result(tmp_path: Path):
    out = tmp_path / "border.gpkg"
    res = run_border(write_admins(tmp_path), write_elements(tmp_path / "el.gpkg", ELEMENTS), out,
                     "--city-field", "city")
    assert res.returncode == 0, res.stderr
    return res, out


def metadata(out: Path, layer: str) -> dict:
    ds = ogr.Open(str(out))  # kept alive while the layer is used (GDAL's Python binding)
    return dict(ds.GetLayerByName(layer).GetMetadata())


def one(items, **match):
    found = [r for r in items if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def test_each_conflict_with_its_hand_values(result) -> None:
    res, out = result
    polys, lines = rows(out, "border_conflicts"), rows(out, "border_conflict_lines")
    assert sorted((r["kind"], r["detail"]) for r in lines) == [
        ("category_mismatch", ""), ("discontinuity", ""), ("gap", "one_side"), ("overlap", "crossing"),
        ("overlap", "double_claim")]
    assert sorted((r["kind"], r["detail"]) for r in polys) == [
        ("gap", "one_side"), ("overlap", "crossing"), ("overlap", "double_claim")]
    assert {r["_type"] for r in polys} == {"Multi Polygon"}
    assert {r["_type"] for r in lines} == {"Multi Line String"}
    crossing = one(polys, detail="crossing")
    assert crossing["area_m2"] == pytest.approx(4000, abs=1e-6)
    assert crossing["area_ha"] == pytest.approx(0.4, abs=1e-9)
    assert crossing["length_m"] == pytest.approx(100, abs=1e-6)
    assert (crossing["side"], crossing["elements_a"], crossing["name_a"], crossing["name_b"]) == \
        ("A", "Forest-A", "甲市", "乙市")
    claim = one(polys, detail="double_claim")
    assert claim["area_m2"] == pytest.approx(2000, abs=1e-6)
    assert (claim["elements_a"], claim["elements_b"], claim["categories_b"]) == ("Forest-A", "Claim-B", FARM)
    assert claim["fid_a"] is not None and claim["fid_b"] is not None
    gap = one(polys, kind="gap")
    assert gap["area_m2"] == pytest.approx(7500, abs=1e-6)
    assert gap["length_m"] == pytest.approx(150, abs=1e-6)
    assert (gap["side"], gap["elements_a"], gap["elements_b"]) == ("B", "Gap-A", "Gap-B")
    # The strip is B's ground between the border and Gap-B: x 1000..1050, y 550..700.
    env = ogr.CreateGeometryFromWkt(gap["_geom"]).GetEnvelope()
    assert env == pytest.approx((X0 + 1000, X0 + 1050, Y0 + 550, Y0 + 700), abs=1e-6)
    mismatch = one(lines, kind="category_mismatch")
    assert mismatch["length_m"] == pytest.approx(100, abs=1e-6)
    assert (mismatch["categories_a"], mismatch["categories_b"]) == (RED, FARM)
    assert (mismatch["elements_a"], mismatch["elements_b"]) == ("Hills-A", "Fields-B")
    disc = one(lines, kind="discontinuity")
    assert disc["length_m"] == pytest.approx(100, abs=1e-6)
    assert (disc["side"], disc["elements_a"], disc["elements_b"]) == ("B", "River-A", "")
    # Same conflict ids in both layers, so the plugin can relate them.
    assert {r["conflict_id"] for r in polys} <= {r["conflict_id"] for r in lines}
    assert "2 overlap, 1 gap, 1 discontinuity, 1 category mismatch" in res.stdout


def test_shared_borders_add_up_and_pair_summary(result) -> None:
    _, out = result
    segments = [r for r in rows(out, "shared_borders") if r["admin_a"] == "A"]
    by_status: dict[str, float] = {}
    for r in segments:
        by_status[r["status"]] = by_status.get(r["status"], 0) + r["length_m"]
        assert ogr.CreateGeometryFromWkt(r["_geom"]).Length() == pytest.approx(r["length_m"], abs=1e-6)
    assert by_status == pytest.approx({"coordinated": 100, "category_mismatch": 100, "discontinuity": 100,
                                       "gap": 150, "overlap": 100, "none": 450}, abs=1e-6)
    coordinated = one(segments, status="coordinated")
    assert (coordinated["elements_a"], coordinated["elements_b"], coordinated["categories_a"]) == \
        ("Taihang-A", "Taihang-B", RED)
    assert coordinated["conflict_id"] is None
    assert one(segments, status="gap")["conflict_id"] is not None
    summary = {(r["admin_a"], r["admin_b"]): r for r in rows(out, "pair_summary")}
    assert set(summary) == {("A", "B"), ("C", "D"), ("C", "E")}
    ab = summary[("A", "B")]
    expected = {"border_m": 1000, "coordinated_m": 100, "overlap_m": 100, "gap_m": 150, "discontinuity_m": 100,
                "mismatch_m": 100, "none_m": 450, "overlap_area_m2": 4000, "gap_area_m2": 7500,
                "admin_overlap_m2": 0, "admin_gap_m2": 0, "conflicts": 5, "weighted_conflict_m": 362.5,
                "score": 100 * 362.5 / 550}
    assert {k: ab[k] for k in expected} == pytest.approx(expected, abs=1e-6)
    assert (ab["name_a"], ab["name_b"]) == ("甲市", "乙市")
    assert summary[("C", "D")]["admin_gap_m2"] == pytest.approx(500, abs=1e-6)
    assert summary[("C", "E")]["admin_overlap_m2"] == pytest.approx(2000, abs=1e-6)


def test_base_map_and_bad_input_are_reported(result) -> None:
    res, out = result
    issues = rows(out, "basemap_issues")
    points = rows(out, "basemap_issue_points")
    kinds = sorted(r["kind"] for r in issues + points)
    assert kinds == ["admin_gap", "admin_invalid", "admin_overlap", "element_invalid", "element_no_city",
                     "element_no_geometry", "element_unknown_city"]
    assert one(issues, kind="admin_gap")["area_m2"] == pytest.approx(500, abs=1e-6)
    assert one(issues, kind="admin_overlap")["area_m2"] == pytest.approx(2000, abs=1e-6)
    assert {r["kind"] for r in points} == {"admin_invalid", "element_invalid"}
    assert one(issues, kind="element_no_geometry")["_geom"] is None
    unknown = one(issues, kind="element_unknown_city")
    assert unknown["city_id"] == "Z" and unknown["feature_id"] == 12 and "Z" in unknown["message_en"] and unknown["_geom"]
    assert one(issues, kind="element_no_city")["_geom"]
    assert "1 elements without city, 1 with a city id not in the admin layer, 1 without geometry" in res.stdout
    meta = metadata(out, "border_conflicts")
    assert meta["corridor_m"] == "200" and meta["reach_m"] == "5" and meta["snap_m"] == "1"
    assert meta["min_length_m"] == "10" and meta["min_area_m2"] == "100" and meta["area_method"] == "planar"
    assert meta["city_field"] == "city" and meta["category_field"] == "category"
    assert meta["weights_overlap_mismatch_gap_discontinuity"] == "1,1,0.75,0.5"
    assert metadata(out, "pair_summary")["corridor_m"] == "200"


def test_one_layer_per_city(tmp_path: Path, result) -> None:
    _, reference = result
    elements = tmp_path / "per_city.gpkg"
    for city in ("A", "B", "Z"):
        write_elements(elements, [r for r in ELEMENTS if r[0] == city], layer=city)
    out = tmp_path / "per_city_out.gpkg"
    res = run_border(write_admins(tmp_path), elements, out, "--city-from-layer")
    assert res.returncode == 0, res.stderr
    key = lambda r: (r["admin_a"], r["admin_b"])  # noqa: E731
    got = sorted(rows(out, "pair_summary"), key=key)
    want = sorted(rows(reference, "pair_summary"), key=key)
    for g, w in zip(got, want):
        assert {k: v for k, v in g.items() if isinstance(v, float)} == \
            pytest.approx({k: v for k, v in w.items() if isinstance(v, float)}, abs=1e-6)
    assert "element_unknown_city" in {r["kind"] for r in rows(out, "basemap_issues")}


def test_options_change_the_result(tmp_path: Path) -> None:
    out = tmp_path / "narrow.gpkg"
    res = run_border(write_admins(tmp_path), write_elements(tmp_path / "el.gpkg", ELEMENTS), out,
                     "--city-field", "city", "--corridor", "40", "--weights", "1,1,1,1")
    assert res.returncode == 0, res.stderr
    lines = rows(out, "border_conflict_lines")
    # Gap-B, 50 m from the border, is outside a 40 m corridor: a discontinuity of 150 + 100 m.
    assert sorted(r["length_m"] for r in lines if r["kind"] == "discontinuity") == pytest.approx([100, 150])
    assert not [r for r in lines if r["kind"] == "gap"]
    ab = one(rows(out, "pair_summary"), admin_a="A")
    assert ab["weighted_conflict_m"] == pytest.approx(100 + 100 + 250, abs=1e-6)
    assert metadata(out, "shared_borders")["corridor_m"] == "40"


def test_bad_input_is_named_and_keeps_the_old_output(tmp_path: Path, result) -> None:
    _, out = result
    before = out.read_bytes()
    admin = write_admins(tmp_path)
    elements = tmp_path / "el.gpkg"
    res = run_guotu("border", "--admin", str(admin), "--admin-id", "nope", "--elements", str(elements),
                    "--city-field", "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and "'nope'" in res.stderr and "code, name" in res.stderr
    res = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--elements", str(elements),
                    "--city-field", "town", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and "'town'" in res.stderr and "layer 'elements'" in res.stderr
    empty = write_elements(tmp_path / "empty_cat.gpkg", [("A", "", "x", b(900, 100, 1000, 200))])
    res = run_border(admin, empty, out, "--city-field", "city")
    assert res.returncode == 1 and "empty category field 'category'" in res.stderr and "feature 1" in res.stderr
    lines = write_layer(tmp_path / "lines.gpkg", "l", 4527, [("city", ogr.OFTString), ("category", ogr.OFTString)],
                        [({"city": "A", "category": RED}, f"LINESTRING({X0} {Y0},{X0+5} {Y0})")],
                        geom_type=ogr.wkbLineString)
    res = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--elements", str(lines),
                    "--city-field", "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and "polygon" in res.stderr
    dup = write_layer(tmp_path / "dup.gpkg", "admin", 4527, [("code", ogr.OFTString)],
                      [({"code": "A"}, b(0, 0, 10, 10)), ({"code": "A"}, b(10, 0, 20, 10))])
    res = run_guotu("border", "--admin", str(dup), "--admin-id", "code", "--elements", str(elements),
                    "--city-field", "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and "'A' appears twice" in res.stderr
    assert out.read_bytes() == before
    res = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--elements", str(elements),
                    "--city-field", "city", "--category-field", "category", "-o", str(admin))
    assert res.returncode == 1 and "refusing" in res.stderr


def test_geographic_data_works_in_the_gauss_kruger_zone_of_its_centre(tmp_path: Path) -> None:
    """Two cities in EPSG:4490 around 116.1°E: the run works in the 3-degree zone of the data's
    centre (CM 117E, EPSG:4548), with a note, and writes its outputs there; the lengths are the
    ones of the run with --crs EPSG:4527 (the same meridian with the zone prefix), 0.1° of latitude
    long. An explicit --crs EPSG:4490 gets the same zone."""
    admin = write_layer(tmp_path / "geo.gpkg", "admin", 4490, [("code", ogr.OFTString)],
                        [({"code": "A"}, box(116.0, 39.0, 116.1, 39.1)), ({"code": "B"}, box(116.1, 39.0, 116.2, 39.1))])
    elements = write_elements(tmp_path / "el.gpkg", [("A", RED, "r", box(116.09, 39.02, 116.1, 39.03))], epsg=4490)
    args = ["border", "--admin", str(admin), "--admin-id", "code", "--elements", str(elements), "--city-field",
            "city", "--category-field", "category"]
    res = run_guotu(*args, "-o", str(tmp_path / "zone.gpkg"))
    assert res.returncode == 0, res.stderr
    note = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
            "data's centre; outputs are in EPSG:4548")
    assert note in res.stderr
    ds = ogr.Open(str(tmp_path / "zone.gpkg"))
    assert ds.GetLayerByName("shared_borders").GetSpatialRef().GetAuthorityCode(None) == "4548"
    assert ds.GetLayerByName("pair_summary").GetMetadataItem("crs_note") == note
    assert run_guotu(*args, "--crs", "EPSG:4527", "-o", str(tmp_path / "gk39.gpkg")).returncode == 0
    res = run_guotu(*args, "--crs", "EPSG:4490", "-o", str(tmp_path / "asked.gpkg"))
    assert res.returncode == 0 and note in res.stderr
    for name in ("zone", "asked"):
        ab, want = (one(rows(tmp_path / f"{n}.gpkg", "pair_summary"), admin_a="A") for n in (name, "gk39"))
        assert ab["border_m"] == pytest.approx(11100, rel=0.01)  # 0.1° of latitude
        assert ab["discontinuity_m"] == pytest.approx(1110, rel=0.01)
        for key in ("border_m", "discontinuity_m", "none_m", "score"):
            assert ab[key] == pytest.approx(want[key], rel=1e-9), key


def test_projected_fixture_in_degrees_gives_the_same_conflicts(tmp_path: Path) -> None:
    """The whole fixture reprojected to EPSG:4490 (as a province delivers it): every pair, length
    and area equals the run on the EPSG:4527 original, to the reprojection's round trip (1e-6
    relative); the conflicts are the same, in EPSG:4548 (39,000,000 m west of zone 39). The gap's
    strip (7500 m²) stays one strip: an element edge a nanometre off the band's once joined it to the
    strip beyond the element (15000 m²)."""
    from osgeo import gdal
    admin, elements = write_admins(tmp_path), write_elements(tmp_path / "el.gpkg", ELEMENTS)
    base = tmp_path / "base.gpkg"
    assert run_border(admin, elements, base, "--city-field", "city").returncode == 0
    deg = {}
    for name, path in (("admin", admin), ("el", elements)):
        deg[name] = tmp_path / f"{name}_4490.gpkg"
        gdal.VectorTranslate(str(deg[name]), str(path), dstSRS="EPSG:4490", format="GPKG")
    out = tmp_path / "deg.gpkg"
    res = run_border(deg["admin"], deg["el"], out, "--city-field", "city")
    assert res.returncode == 0, res.stderr
    assert "to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the data's centre" in res.stderr
    got = {(r["admin_a"], r["admin_b"]): r for r in rows(out, "pair_summary")}
    want = {(r["admin_a"], r["admin_b"]): r for r in rows(base, "pair_summary")}
    assert set(got) == set(want)
    for pair, w in want.items():
        for key, value in w.items():
            if isinstance(value, float):
                assert got[pair][key] == pytest.approx(value, rel=1e-6, abs=1e-3), (pair, key)
    def kinds(path: Path) -> list:
        return sorted((r["kind"], r["side"], round(r["length_m"], 3), round(r["area_m2"], 3))
                      for r in rows(path, "border_conflicts"))
    assert kinds(out) == kinds(base)


def test_data_outside_china_is_refused_by_name(tmp_path: Path) -> None:
    admin = write_layer(tmp_path / "paris.gpkg", "admin", 4490, [("code", ogr.OFTString)],
                        [({"code": "A"}, box(2.0, 48.0, 2.1, 48.1)), ({"code": "B"}, box(2.1, 48.0, 2.2, 48.1))])
    elements = write_elements(tmp_path / "el.gpkg", [("A", RED, "r", box(2.09, 48.02, 2.1, 48.03))], epsg=4490)
    out = tmp_path / "o.gpkg"
    res = run_guotu("border", "--admin", str(admin), "--admin-id", "code", "--elements", str(elements),
                    "--city-field", "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and not out.exists()
    assert "the admin layer 'admin' of" in res.stderr and "paris.gpkg" in res.stderr
    assert "outside China's 3-degree Gauss-Krüger zones" in res.stderr
    assert "longitude 2.000000° – 2.200000°" in res.stderr


def test_gbk_shapefile_needs_its_encoding(tmp_path: Path) -> None:
    shp = tmp_path / "cities.shp"
    write_layer(shp, "cities", 4527, [("code", ogr.OFTString), ("name", ogr.OFTString)],
                [({"code": c, "name": n}, g) for c, n, g in ADMINS[:2]], driver="ESRI Shapefile",
                options=["ENCODING=CP936"])
    (tmp_path / "cities.cpg").unlink()  # GBK bytes and no .cpg, as delivered
    elements = write_elements(tmp_path / "el.gpkg", ELEMENTS[:2])
    out = tmp_path / "o.gpkg"
    args = ["border", "--admin", str(shp), "--admin-id", "code", "--admin-name", "name", "--elements",
            str(elements), "--city-field", "city", "--category-field", "category", "-o", str(out)]
    res = run_guotu(*args)
    assert res.returncode == 1 and "UTF-8" in res.stderr and "GBK" in res.stderr
    res = run_guotu(*args, "--encoding", "CP936")
    assert res.returncode == 0, res.stderr
    assert one(rows(out, "pair_summary"), admin_a="A")["name_a"] == "甲市"


# ---- adjacency on real admin layers (Debian's r-cran-sf) ----

def require(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path} is missing: install the Debian package r-cran-sf (scripts/setup.sh does)")


def empty_elements(tmp: Path, epsg: int) -> Path:
    return write_elements(tmp / "none.gpkg", [], epsg=epsg)


def reference_pairs(path: Path, id_field: str) -> tuple[set, dict]:
    """Pairs whose polygons share a boundary of positive length (OGR/GEOS, no tolerance)."""
    ds = ogr.Open(str(path))
    feats = {f[id_field]: f.GetGeometryRef().Clone() for f in ds.GetLayer(0)}
    ids = list(feats)
    pairs = set()
    for i, a in enumerate(ids):
        for c in ids[i + 1:]:
            if not feats[a].Intersects(feats[c]):
                continue
            x = feats[a].Intersection(feats[c])
            if x is not None and (x.GetArea() > 0 or ogr.ForceToMultiLineString(x).Length() > 0):
                pairs.add(frozenset((a, c)))
    return pairs, feats


def guotu_pairs(out: Path) -> dict:
    return {frozenset((r["admin_a"], r["admin_b"])): r for r in rows(out, "pair_summary")}


def test_adjacency_of_north_carolina_counties(tmp_path: Path) -> None:
    require(NC)
    out = tmp_path / "nc.gpkg"
    res = run_guotu("border", "--admin", str(NC), "--admin-id", "FIPS", "--admin-name", "NAME", "--elements",
                    str(empty_elements(tmp_path, 32119)), "--city-field", "city", "--category-field", "category",
                    "--crs", "EPSG:32119", "-o", str(out))
    assert res.returncode == 0, res.stderr
    want, _ = reference_pairs(NC, "FIPS")
    got = guotu_pairs(out)
    assert len(want) == 231  # and 14 more pairs meet at a single point only: not neighbours
    assert set(got) == want
    assert not rows(out, "basemap_issues")
    ashe_alleghany = got[frozenset(("37009", "37005"))]
    assert ashe_alleghany["border_m"] > 1000 and ashe_alleghany["none_m"] == pytest.approx(ashe_alleghany["border_m"])


def test_adjacency_of_olinda_tracts_tolerates_slivers(tmp_path: Path) -> None:
    """Census tracts with boundaries that run within a metre of each other without sharing
    vertices: guotu finds every pair the exact test finds, and the few more it finds are
    tracts whose boundaries run side by side within the snap (checked in metres here)."""
    require(OLINDA)
    out = tmp_path / "olinda.gpkg"
    res = run_guotu("border", "--admin", str(OLINDA), "--admin-id", "CD_GEOCODI", "--elements",
                    str(empty_elements(tmp_path, 31985)), "--city-field", "city", "--category-field", "category",
                    "--crs", "EPSG:31985", "-o", str(out))
    assert res.returncode == 0, res.stderr
    want, feats = reference_pairs(OLINDA, "CD_GEOCODI")
    got = guotu_pairs(out)
    assert want <= set(got)
    extra = set(got) - want
    assert len(extra) <= 0.01 * len(want)
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromEPSG(4674)
    dst.ImportFromEPSG(31985)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_m = osr.CoordinateTransformation(src, dst)
    for pair in extra:
        a, c = (feats[i].Clone() for i in sorted(pair))
        a.Transform(to_m)
        c.Transform(to_m)
        side_by_side = a.GetBoundary().Intersection(c.Buffer(1.0))
        assert ogr.ForceToMultiLineString(side_by_side).Length() >= 4.0, sorted(pair)
        assert got[pair]["border_m"] >= 4.0
    assert not math.isnan(sum(r["border_m"] for r in got.values()))


def test_threads_do_not_change_the_result(tmp_path: Path, result) -> None:
    _, one_thread_default = result
    outs = {}
    for n in ("1", "3"):
        out = tmp_path / f"t{n}.gpkg"
        res = run_border(write_admins(tmp_path), write_elements(tmp_path / f"el{n}.gpkg", ELEMENTS), out,
                         "--city-field", "city", "--threads", n)
        assert res.returncode == 0, res.stderr
        outs[n] = out

    def norm(out: Path, layer: str):
        return sorted(repr([(k, round(v, 6) if isinstance(v, float) else v) for k, v in sorted(r.items())
                            if k not in ("conflict_id", "_geom")]) for r in rows(out, layer))
    for layer in ("pair_summary", "border_conflicts", "border_conflict_lines", "shared_borders", "basemap_issues",
                  "basemap_issue_points"):
        assert norm(outs["1"], layer) == norm(outs["3"], layer), layer
    ids = [r["conflict_id"] for r in rows(outs["3"], "border_conflict_lines")]
    assert len(ids) == len(set(ids)) == 5
    res = run_guotu("border", "--threads", "0", "--admin", "a", "--admin-id", "b", "--elements", "c",
                    "--city-field", "d", "--category-field", "e", "-o", str(tmp_path / "x.gpkg"))
    assert res.returncode == 2 and "--threads" in res.stderr


def test_issues_of_features_with_the_same_id(tmp_path: Path) -> None:
    """An admin unit and an element both invalid and both feature 2: two issue points
    (the feature id is a column of its own, not the layer's primary key)."""
    admin = write_layer(tmp_path / "admin.gpkg", "admin", 4527, [("code", ogr.OFTString), ("name", ogr.OFTString)],
                        [({"code": "A", "name": "a"}, b(0, 0, 1000, 1000)), ({"code": "B", "name": "b"}, bowtie(1000))])
    elements = write_elements(tmp_path / "el.gpkg", [("A", RED, "x", b(900, 100, 1000, 200)), ("A", RED, "bow", bowtie(300))])
    out = tmp_path / "o.gpkg"
    res = run_border(admin, elements, out, "--city-field", "city")
    assert res.returncode == 0, res.stderr
    points = rows(out, "basemap_issue_points")
    assert sorted((r["kind"], r["feature_id"]) for r in points) == [("admin_invalid", 2), ("element_invalid", 2)]


def test_outputs_carry_their_default_styles(result) -> None:
    _, out = result
    ds = ogr.Open(str(out))
    styles = {f["f_table_name"]: f["styleQML"] for f in ds.GetLayerByName("layer_styles")}
    assert set(styles) == {"border_conflicts", "border_conflict_lines", "shared_borders", "basemap_issues",
                           "basemap_issue_points", "pair_summary"}
    assert "coordinated" in styles["shared_borders"] and "冲突类型" in styles["border_conflicts"]
    # a stored file is opened in QGIS of either language: every legend entry in both, Chinese first
    labels = {name: re.findall(r' label="([^"]*)"', qml) for name, qml in styles.items()}
    assert labels["basemap_issues"] == ["底图与输入问题 Base-map and input issues"]
    assert labels["basemap_issue_points"] == ["几何无效 Invalid geometry"]
    assert labels["shared_borders"][0] == "已协调 Coordinated"
    found = [label for names in labels.values() for label in names]
    assert len(found) >= 10
    assert not [label for label in found if not re.match("[\u4e00-\u9fff].* [A-Za-z]", label)], labels
