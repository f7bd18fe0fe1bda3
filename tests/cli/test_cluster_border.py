"""The border check partitioned by pairs of neighbouring cities (scripts/guotu_cluster.py border) on
a real dask-scheduler and two dask-workers on loopback, against one guotu border run.

Fixture (planar metres from the GK-39 origin X0, Y0; corridor 200 m, reach 5 m, snap 1 m):
  D [0,1000]x[1000,2000]
  A [0,1000]²  | B [1000,2000]x[0,1000] | C [2000,3000]x[0,1000] | 0.5 m sliver | E [3000.5,4000]x[0,1000]
  F [7000,8000]x[0,1000], an island.
  B and D meet at the point (1000, 1000) only: within snap, so a candidate pair, but no shared
  border (skipped with a note).
Hand values per pair:
  A-B border x = 1000: Taihang y 100-200 coordinated 100 m; River-A y 400-500 discontinuity 100 m;
      none 800 m; 1 conflict; weighted 0.5·100 = 50 m over 200 m faced by an element: score 25.
  B-C border x = 2000: Forest-B crosses 40 m into C over y 250-350: overlap 100 m, 4000 m²
      (crossing), Claim-C double-claims 40 x 50 = 2000 m²; Gap-C stops 50 m short of Gap-B's
      y 550-700: gap 150 m, 7500 m²; none 750 m; 3 conflicts; weighted 100 + 0.75·150 = 212.5 m
      over 250 m: score 85.
  A-D border y = 1000: Hills-A (red line) against Fields-D (farmland) x 300-500: category
      mismatch 200 m; none 800 m; 1 conflict; weighted 200 over 200: score 100.
  C-E: border 1000 m, no element, the sliver 0.5 x 1000 = 500 m² admin_gap.
Base map and input: admin_gap C-E 500 m²; an element without city, one of city Z, a bow-tie
element of B (found by pairs A-B and B-C, kept once), an element of A without geometry, and
F's bow-tie (F has no neighbour: only the _basemap partition sees it).
"""
from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
from osgeo import ogr

from cli_support import X0, Y0, box, guotu_binary, write_layer
from test_cli_border import FARM, RED, bowtie, write_elements
from test_cluster import PY, RUNNER, Cluster

pytest.importorskip("distributed")


def b(x0: float, y0: float, x1: float, y1: float) -> str:
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


ADMINS = [("A", "甲市", b(0, 0, 1000, 1000)), ("B", "乙市", b(1000, 0, 2000, 1000)),
          ("C", "丙市", b(2000, 0, 3000, 1000)), ("D", "丁市", b(0, 1000, 1000, 2000)),
          ("E", "戊市", b(3000.5, 0, 4000, 1000)), ("F", "己市", b(7000, 0, 8000, 1000))]
ELEMENTS = [
    ("A", RED, "Taihang-A", b(900, 100, 1000, 200)), ("B", RED, "Taihang-B", b(1000, 100, 1100, 200)),
    ("A", RED, "River-A", b(850, 400, 1000, 500)),
    ("B", RED, "Forest-B", b(1900, 250, 2040, 350)), ("C", FARM, "Claim-C", b(2000, 300, 2100, 350)),
    ("B", RED, "Gap-B", b(1900, 550, 2000, 700)), ("C", RED, "Gap-C", b(2050, 550, 2150, 700)),
    ("A", RED, "Hills-A", b(300, 900, 500, 1000)), ("D", FARM, "Fields-D", b(300, 1000, 500, 1100)),
    ("", RED, "Orphan", b(100, 100, 200, 200)), ("Z", RED, "Stranger", b(100, 300, 200, 400)),
    ("B", FARM, "", bowtie(1300)), ("A", FARM, "", None), ("F", RED, "", bowtie(7300)),
]
BORDER = ["--admin-id", "code", "--admin-name", "name", "--city-field", "city", "--category-field", "category",
          "--name-field", "name", "--area", "planar"]
LAYERS = ("pair_summary", "border_conflicts", "border_conflict_lines", "shared_borders", "basemap_issues",
          "basemap_issue_points")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("dask"))
    yield c
    c.close()


def fixture(tmp: Path) -> List[str]:
    admin = write_layer(tmp / "admin.gpkg", "admin", 4527, [("code", ogr.OFTString), ("name", ogr.OFTString)],
                        [({"code": c, "name": n}, g) for c, n, g in ADMINS])
    elements = write_elements(tmp / "elements.gpkg", ELEMENTS)
    return ["--admin", str(admin), "--elements", str(elements), *BORDER]


def partitioned(args: List[str], out: Path, *own: str) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(RUNNER), "border", *own, "-o", str(out), "--", *args], capture_output=True,
                          text=True, timeout=300, env=dict(os.environ, GUOTU_CLI=str(guotu_binary())))


def single(args: List[str], out: Path) -> Path:
    res = subprocess.run([str(guotu_binary()), "border", *args, "-o", str(out)], capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, res.stderr
    return out


def features(path: Path, layer: str) -> List[Dict[str, object]]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, f"{path.name} has no layer {layer}"
    found = []
    for f in lyr:
        row = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in f.items().items()}
        g = f.GetGeometryRef()
        if g is not None:
            g = g.Clone()
            g.Normalize()
            row["_geom"] = g.ExportToIsoWkt()
        found.append(row)
    return found


def conflict_names(path: Path) -> Dict[int, tuple]:
    """conflict_id → what the conflict is (ids are numbered per run; the relation is what counts)."""
    return {r["conflict_id"]: (r["kind"], r["detail"], r["admin_a"], r["admin_b"], r["side"], r["elements_a"],
                               r["elements_b"], r["length_m"]) for r in features(path, "border_conflict_lines")}


def bag(path: Path, layer: str) -> Counter:
    names = conflict_names(path)
    rows = []
    for r in features(path, layer):
        if "conflict_id" in r:
            r["conflict_id"] = names.get(r["conflict_id"]) if r["conflict_id"] is not None else None
        rows.append(tuple(sorted((k, v) for k, v in r.items() if k != "fid")))
    return Counter(rows)


def test_pairs_merge_to_the_single_run(tmp_path: Path, cluster: Cluster) -> None:
    args = fixture(tmp_path)
    one = single(args, tmp_path / "single.gpkg")
    out = tmp_path / "merged.gpkg"
    res = partitioned(args, out, "--scheduler", cluster.address)
    assert res.returncode == 0, res.stderr
    assert "pair B-D skipped: the two units share no border" in res.stdout
    assert "admin units without a neighbour" in res.stdout and ": F" in res.stdout
    assert "pairs 4, conflicts 5, skipped (no shared border): B-D" in res.stdout
    # the hand values of each pair
    summary = {(r["admin_a"], r["admin_b"]): r for r in features(out, "pair_summary")}
    assert set(summary) == {("A", "B"), ("A", "D"), ("B", "C"), ("C", "E")}
    expected = {
        ("A", "B"): {"border_m": 1000, "coordinated_m": 100, "discontinuity_m": 100, "overlap_m": 0, "gap_m": 0,
                     "mismatch_m": 0, "none_m": 800, "conflicts": 1, "weighted_conflict_m": 50, "score": 25},
        ("B", "C"): {"border_m": 1000, "coordinated_m": 0, "overlap_m": 100, "gap_m": 150, "discontinuity_m": 0,
                     "mismatch_m": 0, "none_m": 750, "overlap_area_m2": 4000, "gap_area_m2": 7500, "conflicts": 3,
                     "weighted_conflict_m": 212.5, "score": 85},
        ("A", "D"): {"border_m": 1000, "mismatch_m": 200, "none_m": 800, "conflicts": 1, "weighted_conflict_m": 200,
                     "score": 100},
        ("C", "E"): {"conflicts": 0, "admin_gap_m2": 500},
    }
    for pair, values in expected.items():
        assert {k: summary[pair][k] for k in values} == pytest.approx(values, abs=1e-6), pair
    assert (summary[("A", "D")]["name_a"], summary[("A", "D")]["name_b"]) == ("甲市", "丁市")
    polys = {(r["kind"], r["detail"]): r for r in features(out, "border_conflicts")}
    assert polys[("overlap", "crossing")]["area_m2"] == pytest.approx(4000)
    assert polys[("overlap", "double_claim")]["area_m2"] == pytest.approx(2000)
    assert polys[("gap", "one_side")]["area_m2"] == pytest.approx(7500)
    assert polys[("gap", "one_side")]["side"] == "C"
    # conflict ids: 1..5, each conflict's polygon, lines and border segments under one id
    lines = features(out, "border_conflict_lines")
    assert sorted(r["conflict_id"] for r in lines) == [1, 2, 3, 4, 5]
    by_id = {r["conflict_id"]: (r["admin_a"], r["admin_b"], r["kind"]) for r in lines}
    for r in features(out, "border_conflicts") + features(out, "shared_borders"):
        if r["conflict_id"] is not None:
            assert (r["admin_a"], r["admin_b"], r["kind"] if "kind" in r else r["status"]) == by_id[r["conflict_id"]]
    issues = Counter((r["kind"], r["city_id"], r["feature_id"]) for r in
                     features(out, "basemap_issues") + features(out, "basemap_issue_points"))
    assert issues == Counter({("admin_gap", "", None): 1, ("element_no_city", "", 10): 1,
                              ("element_unknown_city", "Z", 11): 1, ("element_invalid", "B", 12): 1,
                              ("element_no_geometry", "A", 13): 1, ("element_invalid", "F", 14): 1})
    # merged = single run, every layer, row by row (conflict ids by what they name)
    for layer in LAYERS:
        assert bag(out, layer) == bag(one, layer), layer
    partitions = {r["partition"]: r for r in features(out, "partitions")}
    assert set(partitions) == {"A-B", "A-D", "B-C", "B-D", "C-E", "_basemap"}
    assert partitions["B-D"]["shared_border"] == 0 and partitions["A-B"]["shared_border"] == 1
    notes = [r["note_en"] for r in features(out, "notes")]
    assert any("B-D" in n and "no shared border" in n for n in notes)
    ds = ogr.Open(str(out))
    meta = ds.GetLayerByName("pair_summary").GetMetadata()
    assert (meta["admin"], meta["admin_layer"], meta["elements"], meta["corridor_m"]) == \
        (str(tmp_path / "admin.gpkg"), "admin", str(tmp_path / "elements.gpkg"), "200")
    assert "layer_styles" in [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    styled = {f.GetField("f_table_name") for f in ds.GetLayerByName("layer_styles")}
    assert {"border_conflicts", "shared_borders", "basemap_issues"} <= styled


def test_given_pairs_and_refusals(tmp_path: Path, cluster: Cluster) -> None:
    args = fixture(tmp_path)
    one = single(args, tmp_path / "single.gpkg")
    out = tmp_path / "ab.gpkg"
    res = partitioned(args, out, "--scheduler", cluster.address, "--pairs", "B-A")
    assert res.returncode == 0, res.stderr
    assert [(r["admin_a"], r["admin_b"]) for r in features(out, "pair_summary")] == [("A", "B")]
    ab = [r for r in features(one, "pair_summary") if (r["admin_a"], r["admin_b"]) == ("A", "B")]
    assert Counter(tuple(sorted(r.items())) for r in features(out, "pair_summary")) == \
        Counter(tuple(sorted(r.items())) for r in ab)
    # B-D meet at a point only: the single pair is skipped, named
    res = partitioned(args, tmp_path / "bd.gpkg", "--scheduler", cluster.address, "--pairs", "B-D")
    assert res.returncode == 0, res.stderr
    assert "pair B-D skipped" in res.stdout and "pairs 0" in res.stdout
    res = partitioned(args, tmp_path / "x.gpkg", "--scheduler", cluster.address, "--pairs", "A-Q")
    assert res.returncode == 1 and "'Q' is no admin unit's id" in res.stderr
    res = partitioned(args, tmp_path / "x.gpkg", "--scheduler", cluster.address, "--pairs", "A")
    assert res.returncode == 1 and "two admin ids as A-B" in res.stderr
    res = partitioned([a for a in args if a not in ("--city-field", "city")], tmp_path / "x.gpkg")
    assert res.returncode == 1 and "--city-field F or --city-from-layer" in res.stderr
    # degrees: --snap and the pairs' distances are metres
    lonlat = write_layer(tmp_path / "lonlat.gpkg", "admin", 4490, [("code", ogr.OFTString)],
                         [({"code": "A"}, box(114, 30, 115, 31)), ({"code": "B"}, box(115, 30, 116, 31))])
    res = partitioned(["--admin", str(lonlat), *args[2:]], tmp_path / "x.gpkg")
    assert res.returncode == 1 and "is in degrees: give --crs" in res.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_one_layer_per_city(tmp_path: Path, cluster: Cluster) -> None:
    """Elements delivered per city (--city-from-layer): each pair copies its two cities' layers;
    the layer of city Z (no admin unit) goes to the _basemap partition."""
    args = fixture(tmp_path)
    elements = tmp_path / "per_city.gpkg"
    for city in ("A", "B", "C", "D", "Z"):
        write_elements(elements, [r for r in ELEMENTS if r[0] == city and r[3]], layer=city)
    args = [a for a in args if a not in ("--city-field", "city")]
    args[args.index("--elements") + 1] = str(elements)
    args.append("--city-from-layer")
    one = single(args, tmp_path / "single.gpkg")
    out = tmp_path / "merged.gpkg"
    res = partitioned(args, out, "--scheduler", cluster.address)
    assert res.returncode == 0, res.stderr
    for layer in LAYERS:
        assert bag(out, layer) == bag(one, layer), layer
    summary = {(r["admin_a"], r["admin_b"]): r for r in features(out, "pair_summary")}
    assert summary[("B", "C")]["score"] == pytest.approx(85) and summary[("A", "D")]["mismatch_m"] == 200
    assert "element_unknown_city" in {r["kind"] for r in features(out, "basemap_issues")}


def test_north_carolina_counties(tmp_path: Path, cluster: Cluster) -> None:
    """A real admin layer in degrees (the 100 North Carolina counties shipped by r-cran-sf, NAD27)
    with --crs: the pairs are found in metres; 231 share a border and the 14 meeting at a single
    point only are skipped (test_cli_border's independent OGR count); merged = single run. The
    elements: each county shrunk by 150 m (odd FIPS) or grown by 20 m (even)."""
    from osgeo import osr
    from test_cli_border import NC, require, reference_pairs

    require(NC)
    src = ogr.Open(str(NC))
    layer = src.GetLayer(0)
    target = osr.SpatialReference()
    target.ImportFromEPSG(32119)
    source = layer.GetSpatialRef().Clone()
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    rows = []
    for f in layer:
        g = f.GetGeometryRef().Clone()
        g.Transform(transform)
        fips = int(f["FIPS"])
        rows.append((f["FIPS"], RED if fips % 3 else FARM, f["NAME"], g.Buffer(-150 if fips % 2 else 20, 4).ExportToWkt()))
    elements = write_elements(tmp_path / "nc_elements.gpkg", rows, epsg=32119)
    args = ["--admin", str(NC), "--admin-id", "FIPS", "--admin-name", "NAME", "--elements", str(elements),
            "--city-field", "city", "--category-field", "category", "--name-field", "name", "--crs", "EPSG:32119"]
    one = single(args, tmp_path / "single.gpkg")
    out = tmp_path / "merged.gpkg"
    res = partitioned(args, out, "--scheduler", cluster.address)
    assert res.returncode == 0, res.stderr
    want, _ = reference_pairs(NC, "FIPS")
    got = {frozenset((r["admin_a"], r["admin_b"])) for r in features(out, "pair_summary")}
    assert len(got) == 231 and got == want
    skipped = {r["partition"] for r in features(out, "partitions") if r["shared_border"] == 0}
    assert len(skipped) == 14 and "37081-37169" in skipped
    assert not any(frozenset(s.split("-")) in want for s in skipped)
    for layer_name in LAYERS:
        assert bag(out, layer_name) == bag(one, layer_name), layer_name
