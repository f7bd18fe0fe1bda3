"""Tests for resources/sample_data/generate_sample.py (SYNTHETIC demo data).

Run with:  /usr/bin/python3 -m pytest tests/test_sample_data.py

Generation runs at --scale 0.25 (30 km x 30 km, 2,500 parcels/year,
1000 x 1000 raster) so the whole module takes a few seconds.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

gdal = pytest.importorskip("osgeo.gdal")
from osgeo import ogr  # noqa: E402  (after importorskip on purpose)

gdal.UseExceptions()
ogr.UseExceptions()

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "resources" / "sample_data" / "generate_sample.py"
SCALE = "0.25"
SEED = int(os.environ.get("GUOTU_SAMPLE_TEST_SEED", "4242"))  # override to sweep seeds
REL_TOL = 1e-6
ECOLOGICAL = {21, 22, 23, 24, 31, 32, 33, 41, 42, 43, 46, 64}
CAS_LUCC = {11, 12, 21, 22, 23, 24, 31, 32, 33, 41, 42, 43, 46, 51, 52, 53, 61, 64, 65}
OUTPUTS = ["zones.gpkg", "urban_2020.gpkg", "landuse_2010.gpkg", "landuse_2020.gpkg",
           "landuse_2010.tif", "landuse_2020.tif"]
LABEL = "SYNTHETIC DEMO DATA - not real"


def generate(out: Path, *extra: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(SCRIPT), "--out", str(out), "--scale", SCALE, *extra]
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


def load_module():
    spec = importlib.util.spec_from_file_location("generate_sample", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules["generate_sample"] = mod  # dataclasses need the module registered
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample")
    generate(out, "--seed", str(SEED))
    return out


@pytest.fixture(scope="module")
def sample_same_seed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample_same")
    generate(out, "--seed", str(SEED), "--jobs", "1")  # also proves jobs don't matter
    return out


@pytest.fixture(scope="module")
def sample_other_seed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample_other")
    generate(out, "--seed", str(SEED + 1))
    return out


@pytest.fixture(scope="module")
def manifest(sample: Path) -> dict:
    return json.loads((sample / "sample_manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def region_area(manifest: dict) -> float:
    return manifest["region"]["side_m"] ** 2


def read_layer(path: Path, layer: str) -> list[tuple[dict, bytes]]:
    """(attributes, WKB) of every feature in FID order."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(layer)
    out = []
    for feat in lyr:
        attrs = {feat.GetFieldDefnRef(i).GetName():
                 (None if feat.IsFieldNull(i) else feat.GetField(i))
                 for i in range(feat.GetFieldCount())}
        out.append((attrs, bytes(feat.GetGeometryRef().ExportToWkb())))
    return out


def read_geoms(path: Path, layer: str) -> list[tuple[dict, ogr.Geometry]]:
    return [(a, ogr.CreateGeometryFromWkb(w)) for a, w in read_layer(path, layer)]


def union_area(geoms: list[ogr.Geometry]) -> float:
    """Area of the union (UnionCascaded wants one flat MultiPolygon)."""
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        if g.GetGeometryType() == ogr.wkbPolygon:
            multi.AddGeometry(g)
        else:
            for i in range(g.GetGeometryCount()):
                multi.AddGeometry(g.GetGeometryRef(i))
    return multi.UnionCascaded().GetArea()


def region_polygon(manifest: dict) -> ogr.Geometry:
    r = manifest["region"]
    return ogr.CreateGeometryFromWkt(
        f"POLYGON(({r['xmin']} {r['ymin']},{r['xmax']} {r['ymin']},{r['xmax']} {r['ymax']},"
        f"{r['xmin']} {r['ymax']},{r['xmin']} {r['ymin']}))")


# ---------------------------------------------------------------- manifest / labels

def test_manifest_written_last_and_complete(sample: Path, manifest: dict) -> None:
    assert manifest["label"] == LABEL
    assert manifest["params"]["seed"] == SEED
    assert manifest["params"]["scale"] == float(SCALE)
    assert manifest["crs"] == "EPSG:4527"
    mtime = (sample / "sample_manifest.json").stat().st_mtime_ns
    for name in OUTPUTS:
        p = sample / name
        assert p.is_file(), name
        assert manifest["files"][name]["size"] == p.stat().st_size
        assert p.stat().st_mtime_ns <= mtime, f"{name} newer than the manifest"
    # Atomic writes leave no temp files behind.
    assert not [p.name for p in sample.iterdir() if p.name.startswith(".tmp")]


def test_everything_labelled_synthetic_and_in_epsg4527(sample: Path) -> None:
    for name, layer in (("zones.gpkg", "zones"), ("urban_2020.gpkg", "urban"),
                        ("landuse_2010.gpkg", "landuse"), ("landuse_2020.gpkg", "landuse")):
        ds = ogr.Open(str(sample / name))
        lyr = ds.GetLayer(layer)
        assert lyr is not None, name
        assert LABEL in lyr.GetMetadataItem("DESCRIPTION"), name
        assert ds.GetMetadataItem("SYNTHETIC") == LABEL
        srs = lyr.GetSpatialRef()
        assert srs.GetAuthorityName(None) == "EPSG" and srs.GetAuthorityCode(None) == "4527"
    for year in (2010, 2020):
        ds = gdal.Open(str(sample / f"landuse_{year}.tif"))
        assert ds.GetMetadataItem("SYNTHETIC") == LABEL


def test_region_geometry_rules() -> None:
    """Scale semantics without generating anything big."""
    mod = load_module()
    r1, r5 = mod.make_region(1), mod.make_region(5)
    assert r1.side == 120_000.0
    assert r5.n_parcels ** 2 >= 1_000_000 and r5.n_pixels >= 20_000
    for r in (r1, r5, mod.make_region(0.25)):
        assert r.xmin < 39_500_000 < r.xmax  # straddles the 117E central meridian
        assert r.ymin > 4_000_000
        assert r.xmin % 30 == 0 and r.ymin % 30 == 0 and r.side % 600 == 0


# ---------------------------------------------------------------- zones

def test_zones_count_validity_and_attributes(sample: Path) -> None:
    zones = read_geoms(sample / "zones.gpkg", "zones")
    assert 140 <= len(zones) <= 160
    codes = [a["code"] for a, _ in zones]
    assert len(set(codes)) == len(codes)
    for attrs, geom in zones:
        assert geom.IsValid(), attrs["code"]
        assert len(attrs["code"]) == 6 and attrs["code"].isdigit()
        assert "(synthetic)" in attrs["name"] and "合成" in attrs["name"]
        assert 5e9 <= attrs["gdp"] <= 2e11
        assert 1e5 <= attrs["population"] <= 2e6
    big = [a for a, _ in zones if a["population"] >= 1e6 and a["gdp"] >= 1e11]
    assert 2 <= len(big) <= 3, "expected 2-3 clearly urban zones"


def test_zones_tile_region_exactly(sample: Path, manifest: dict, region_area: float) -> None:
    geoms = [g for _, g in read_geoms(sample / "zones.gpkg", "zones")]
    total = sum(g.GetArea() for g in geoms)
    assert total == pytest.approx(region_area, rel=REL_TOL)
    assert union_area(geoms) == pytest.approx(total, rel=REL_TOL)  # no overlaps
    union = ogr.Geometry(ogr.wkbGeometryCollection)
    for g in geoms:
        union.AddGeometry(g)
    env = union.GetEnvelope()
    r = manifest["region"]
    assert env == (r["xmin"], r["xmax"], r["ymin"], r["ymax"])


def ring_edges(geom: ogr.Geometry) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    edges = []
    for i in range(geom.GetGeometryCount()):
        poly = geom.GetGeometryRef(i)
        for j in range(poly.GetGeometryCount()):
            pts = poly.GetGeometryRef(j).GetPoints()
            edges.extend(zip(pts[:-1], pts[1:]))
    return edges


def test_zones_share_bit_identical_vertices(sample: Path, manifest: dict) -> None:
    """Every interior boundary edge appears exactly once reversed in a neighbour."""
    r = manifest["region"]
    owner: dict = {}
    for attrs, geom in read_geoms(sample / "zones.gpkg", "zones"):
        for e in ring_edges(geom):
            assert e not in owner
            owner[e] = attrs["code"]

    def on_outline(a, b) -> bool:
        return (a[0] == b[0] in (r["xmin"], r["xmax"])) or (a[1] == b[1] in (r["ymin"], r["ymax"]))

    interior = [(a, b) for a, b in owner if not on_outline(a, b)]
    assert interior
    for a, b in interior:
        assert (b, a) in owner, "neighbour lacks the identical reversed edge"
        assert owner[(b, a)] != owner[(a, b)]


# ---------------------------------------------------------------- land use vectors

@pytest.mark.parametrize("year", [2010, 2020])
def test_parcels_valid_and_tile_region(sample: Path, manifest: dict, region_area: float,
                                       year: int) -> None:
    parcels = read_geoms(sample / f"landuse_{year}.gpkg", "landuse")
    n = round(manifest["region"]["side_m"] / 600)
    assert len(parcels) == n * n
    geoms = []
    for attrs, geom in parcels:
        assert geom.IsValid()
        assert geom.GetGeometryType() == ogr.wkbPolygon
        assert geom.GetGeometryRef(0).GetPointCount() == 5  # quadrilateral
        assert attrs["lucc_code"] in CAS_LUCC  # and never NULL by default
        geoms.append(geom)
    total = sum(g.GetArea() for g in geoms)
    assert total == pytest.approx(region_area, rel=REL_TOL)
    assert union_area(geoms) == pytest.approx(region_area, rel=REL_TOL)
    assert len({a["lucc_code"] for a, _ in parcels}) >= 12  # a varied landscape


def test_2010_and_2020_geometries_differ(sample: Path) -> None:
    w10 = [w for _, w in read_layer(sample / "landuse_2010.gpkg", "landuse")]
    w20 = [w for _, w in read_layer(sample / "landuse_2020.gpkg", "landuse")]
    assert len(w10) == len(w20)
    same = sum(a == b for a, b in zip(w10, w20))
    assert same < 0.05 * len(w10)


def ecological_area_by_zone(sample: Path, year: int) -> dict[str, float]:
    ds = ogr.Open(str(sample / f"landuse_{year}.gpkg"))
    lyr = ds.GetLayer("landuse")
    lyr.SetAttributeFilter(f"lucc_code IN ({','.join(map(str, sorted(ECOLOGICAL)))})")
    out = {}
    for attrs, zone in read_geoms(sample / "zones.gpkg", "zones"):
        lyr.SetSpatialFilter(zone)
        area = 0.0
        for feat in lyr:
            area += zone.Intersection(feat.GetGeometryRef()).GetArea()
        out[attrs["code"]] = area
    return out


def test_ecological_change_has_both_signs(sample: Path) -> None:
    zones = {a["code"]: g.GetArea() for a, g in read_geoms(sample / "zones.gpkg", "zones")}
    e10 = ecological_area_by_zone(sample, 2010)
    e20 = ecological_area_by_zone(sample, 2020)
    rel = {c: (e20[c] - e10[c]) / zones[c] for c in zones}
    gains = [c for c, d in rel.items() if d > 0.05]
    losses = [c for c, d in rel.items() if d < -0.05]
    assert len(gains) >= 3, rel
    assert len(losses) >= 3, rel


def test_urban_mask_valid_and_covers_2020_city(sample: Path, manifest: dict) -> None:
    urban = read_geoms(sample / "urban_2020.gpkg", "urban")
    assert 2 <= len(urban) <= 3
    region = region_polygon(manifest)
    ds = ogr.Open(str(sample / "landuse_2020.gpkg"))
    lyr = ds.GetLayer("landuse")
    lyr.SetAttributeFilter("lucc_code = 51")
    built_total = mask_total = 0.0
    for attrs, geom in urban:
        assert geom.IsValid()
        assert region.Contains(geom)
        lyr.SetSpatialFilter(geom)
        built = sum(geom.Intersection(f.GetGeometryRef()).GetArea() for f in lyr)
        # At this tiny test scale a river may cross a ~1 km city, so only
        # demand a clear share per city and a majority overall.
        assert built / geom.GetArea() > 0.2, attrs
        built_total += built
        mask_total += geom.GetArea()
    assert built_total / mask_total > 0.5


# ---------------------------------------------------------------- determinism

def test_same_seed_is_identical(sample: Path, sample_same_seed: Path) -> None:
    for name, layer in (("zones.gpkg", "zones"), ("urban_2020.gpkg", "urban"),
                        ("landuse_2010.gpkg", "landuse"), ("landuse_2020.gpkg", "landuse")):
        a = read_layer(sample / name, layer)
        b = read_layer(sample_same_seed / name, layer)
        assert [x for x, _ in a] == [x for x, _ in b], name  # every attribute value
        assert [w for _, w in a[:50] + a[-50:]] == [w for _, w in b[:50] + b[-50:]], name
        assert [w for _, w in a] == [w for _, w in b], name
    for year in (2010, 2020):
        ra = gdal.Open(str(sample / f"landuse_{year}.tif")).ReadAsArray()
        rb = gdal.Open(str(sample_same_seed / f"landuse_{year}.tif")).ReadAsArray()
        assert np.array_equal(ra, rb)


def test_different_seed_differs(sample: Path, sample_other_seed: Path) -> None:
    for name, layer in (("zones.gpkg", "zones"), ("landuse_2010.gpkg", "landuse")):
        a = read_layer(sample / name, layer)
        b = read_layer(sample_other_seed / name, layer)
        assert [w for _, w in a[:50]] != [w for _, w in b[:50]], name
        assert [x for x, _ in a] != [x for x, _ in b], name


# ---------------------------------------------------------------- rasters

@pytest.mark.parametrize("year", [2010, 2020])
def test_raster_structure(sample: Path, manifest: dict, year: int) -> None:
    ds = gdal.Open(str(sample / f"landuse_{year}.tif"))
    r = manifest["region"]
    n = round(r["side_m"] / 30)
    assert (ds.RasterXSize, ds.RasterYSize, ds.RasterCount) == (n, n, 1)
    assert ds.GetGeoTransform() == (r["xmin"], 30.0, 0.0, r["ymax"], 0.0, -30.0)
    assert r["xmin"] % 30 == 0 and r["ymax"] % 30 == 0  # on the global 30 m grid
    srs = ds.GetSpatialRef()
    assert srs.GetAuthorityCode(None) == "4527"
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Byte
    assert band.GetNoDataValue() == 255
    assert band.GetBlockSize() == [512, 512]
    assert ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    data = band.ReadAsArray()
    assert not (data == 255).any(), "parcels tile the region, so no nodata by default"
    assert set(np.unique(data).tolist()) <= CAS_LUCC


@pytest.mark.parametrize("year", [2010, 2020])
def test_raster_histogram_matches_vector_areas(sample: Path, region_area: float,
                                               year: int) -> None:
    vec: dict[int, float] = {}
    for attrs, geom in read_geoms(sample / f"landuse_{year}.gpkg", "landuse"):
        vec[attrs["lucc_code"]] = vec.get(attrs["lucc_code"], 0.0) + geom.GetArea()
    data = gdal.Open(str(sample / f"landuse_{year}.tif")).ReadAsArray()
    counts = np.bincount(data.ravel(), minlength=256)
    major = [c for c, a in vec.items() if a > 0.03 * region_area]
    assert len(major) >= 3
    for c in major:
        assert counts[c] * 900.0 == pytest.approx(vec[c], rel=0.02), c


# ---------------------------------------------------------------- CLI behaviour

def test_rerun_skips_and_force_regenerates(tmp_path: Path) -> None:
    generate(tmp_path, "--seed", "7")
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    t0 = time.perf_counter()
    res = generate(tmp_path, "--seed", "7")
    assert time.perf_counter() - t0 < 5.0
    assert "skipping" in res.stdout
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
    # Different parameters must not be mistaken for a complete set.
    res = generate(tmp_path, "--seed", "8")
    assert "skipping" not in res.stdout
    manifest = json.loads((tmp_path / "sample_manifest.json").read_text(encoding="utf-8"))
    assert manifest["params"]["seed"] == 8
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    res = generate(tmp_path, "--seed", "8", "--force")
    assert "skipping" not in res.stdout
    after = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    assert all(after[name] > before[name] for name in OUTPUTS)


def test_incomplete_output_is_regenerated(tmp_path: Path) -> None:
    generate(tmp_path, "--seed", "7")
    (tmp_path / "landuse_2020.tif").unlink()
    res = generate(tmp_path, "--seed", "7")
    assert "skipping" not in res.stdout
    assert (tmp_path / "landuse_2020.tif").is_file()


def test_with_nulls_leaves_a_few_null_classes(tmp_path: Path) -> None:
    generate(tmp_path, "--seed", str(SEED), "--with-nulls")
    for year in (2010, 2020):
        parcels = read_layer(tmp_path / f"landuse_{year}.gpkg", "landuse")
        nulls = sum(a["lucc_code"] is None for a, _ in parcels)
        assert 3 <= nulls <= 0.01 * len(parcels)
        data = gdal.Open(str(tmp_path / f"landuse_{year}.tif")).ReadAsArray()
        nodata = int((data == 255).sum())
        # NULL parcels are not burned: roughly 400 cells (600 m / 30 m)^2 each.
        assert 0.5 * 400 * nulls < nodata < 1.5 * 400 * nulls


# ---- the rectification-parcel sample (generate_parcels_sample.py) ----

PARCELS_SCRIPT = ROOT / "resources" / "sample_data" / "generate_parcels_sample.py"


def guotu_binary() -> Path:
    path = Path(os.environ.get("GUOTU_CLI", ROOT / "build" / "core" / "guotu"))
    if not path.exists():
        pytest.fail(f"the guotu binary is missing at {path}: build first (scripts/setup.sh)")
    return path


def parcels_sample(sample: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(PARCELS_SCRIPT), "--sample", str(sample), "--out", str(out),
                           "--guotu", str(guotu_binary())], check=True, capture_output=True, text=True)


def test_parcels_sample_runs_through_the_check(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "parcels"
    parcels_sample(sample, out)
    for name in ("zzdk.gpkg", "cun.gpkg"):
        assert ogr.Open(str(out / name)).GetMetadataItem("SYNTHETIC") == LABEL
    ws = ogr.Open(str(out / "workspace.gpkg"))
    assert ws.GetLayerByName("ecological_redline").GetFeatureCount() > 0
    assert ws.GetLayerByName("permanent_farmland").GetFeatureCount() > 0
    result = tmp_path / "verdicts.gpkg"
    run = subprocess.run([str(guotu_binary()), "parcels", "check", "--parcels", str(out / "zzdk.gpkg"),
                          "--parcel-id", "dkbh", "--type-field", "zzlx", "--project-field", "xmbh",
                          "--current-field", "xzdl", "--current-system", "CAS_LUCC", "--planned-field", "ghdl",
                          "--planned-system", "CAS_LUCC", "--workspace", str(out / "workspace.gpkg"),
                          "--villages", str(out / "cun.gpkg"), "--village-id", "cdm", "--village-name", "cmc",
                          "-o", str(result)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    checks = ogr.Open(str(result))
    parcels = [f.items() for f in checks.GetLayerByName("parcel_checks")]
    source = ogr.Open(str(out / "zzdk.gpkg"))
    assert len(parcels) == source.GetLayer(0).GetFeatureCount()
    rules = {r for p in parcels for r in (p["rule_ids"] or "").split(",") if r}
    assert {"P02", "P18"} <= rules  # the misspelt type and the parcel digitised twice
    assert {p["verdict_en"] for p in parcels} >= {"pass", "fail"}
    assert all(p["village_id"] for p in parcels)  # every parcel lies in one of the villages
    projects = {f["project_id"]: f["verdict_en"] for f in checks.GetLayerByName("project_checks")}
    assert set(projects) == {"XM01", "XM02"}
    # Same sample, same parcels: deterministic.
    again = tmp_path / "again"
    parcels_sample(sample, again)
    first_ds, second_ds = ogr.Open(str(out / "zzdk.gpkg")), ogr.Open(str(again / "zzdk.gpkg"))
    first = [(f.items(), f.GetGeometryRef().ExportToWkb()) for f in first_ds.GetLayer(0)]
    second = [(f.items(), f.GetGeometryRef().ExportToWkb()) for f in second_ds.GetLayer(0)]
    assert first == second
