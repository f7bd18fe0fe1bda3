"""Degrees are never taken for metres. Planar areas of data in a geographic CRS (EPSG:4490) are
refused the same way everywhere — exit status 1, a message saying what needs metres and naming
the Gauss-Krüger zones — and nothing is written; ellipsoidal areas on the same data work. The
commands with metre parameters (lines init/check, border, framework indicators, priorities rank)
work in the 3-degree Gauss-Krüger zone of the data's centre instead (SPEC §8), with a note; data
that no zone fits is refused naming it."""
from __future__ import annotations

from pathlib import Path

from osgeo import gdal, ogr, osr

from cli_support import make_landuse, make_zones, run_guotu


def to_degrees(source: Path, target: Path) -> Path:
    gdal.VectorTranslate(str(target), str(source), dstSRS="EPSG:4490", reproject=True)
    return target


def assert_refused(res, what: str) -> None:
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert f"{what} needs metres" in res.stderr and "geographic (degrees)" in res.stderr, res.stderr
    assert "Gauss-Krüger" in res.stderr


def test_tally_planar_on_degrees_is_refused_ellipsoidal_works(tmp_path: Path) -> None:
    zones_m, landuse_m = make_zones(tmp_path), make_landuse(tmp_path)
    zones = to_degrees(zones_m, tmp_path / "zones_deg.gpkg")
    landuse = to_degrees(landuse_m, tmp_path / "landuse_deg.gpkg")
    out = tmp_path / "t.csv"
    args = ["tally", "--zones", str(zones), "--zone-id", "code", "--landuse", str(landuse), "--class-field", "lucc",
            "-o", str(out)]
    assert_refused(run_guotu(*args, "--area", "planar"), "planar area")
    assert not out.exists()
    res = run_guotu(*args, "--area", "ellipsoidal")
    assert res.returncode == 0, res.stderr
    total = sum(float(line.split(",")[2]) for line in out.read_text().splitlines()[1:])
    # The same ellipsoidal hectares as from the data in metres (not 0.000000 ha).
    metric = tmp_path / "m.csv"
    assert run_guotu("tally", "--zones", str(zones_m), "--zone-id", "code", "--landuse", str(landuse_m),
                     "--class-field", "lucc", "-o", str(metric)).returncode == 0
    expected = sum(float(line.split(",")[2]) for line in metric.read_text().splitlines()[1:])
    assert expected > 50 and abs(total - expected) < 1e-4 * expected


def test_convert_planar_on_degrees_is_refused(tmp_path: Path) -> None:
    landuse = to_degrees(make_landuse(tmp_path), tmp_path / "landuse_deg.gpkg")
    out = tmp_path / "c.gpkg"
    res = run_guotu("convert", "--before", str(landuse), "--before-class-field", "lucc", "--before-system", "CAS_LUCC",
                    "--after", str(landuse), "--after-class-field", "lucc", "--after-system", "CAS_LUCC",
                    "--area", "planar", "-o", str(out))
    assert_refused(res, "planar area")
    assert not out.exists() and not list(tmp_path.glob("*.tmp-*"))


def test_lines_workspace_in_degrees_takes_the_zone_of_its_data(tmp_path: Path) -> None:
    ws = tmp_path / "ws.gpkg"
    res = run_guotu("lines", "init", str(ws), "--crs", "EPSG:4490")
    assert_refused(res, "a three-lines workspace")
    assert "--zone-from" in res.stderr and not ws.exists()
    # With the data it is for, the workspace is made in the zone of that data's centre.
    zones = to_degrees(make_zones(tmp_path), tmp_path / "zones_deg.gpkg")  # around 117.0°E
    res = run_guotu("lines", "init", str(ws), "--crs", "EPSG:4490", "--zone-from", str(zones))
    assert res.returncode == 0, res.stderr
    assert "the workspace is made in EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)" in res.stderr
    ds = ogr.Open(str(ws))
    assert ds.GetLayerByName("admin_units").GetSpatialRef().GetAuthorityCode(None) == "4548"
    ds = None
    # A workspace made elsewhere in degrees is checked in the zone of its data, with a note.
    ws39 = tmp_path / "ws39.gpkg"
    assert run_guotu("lines", "init", str(ws39), "--crs", "EPSG:4527").returncode == 0
    degrees = to_degrees(ws39, tmp_path / "ws_deg.gpkg")
    out = tmp_path / "issues.gpkg"
    res = run_guotu("lines", "check", "--workspace", str(degrees), "-o", str(out))
    # An empty workspace has no extent: no zone can be chosen, and the run says why.
    assert res.returncode == 1 and "no extent" in res.stderr and "admin units" in res.stderr
    assert not out.exists()


def write_box(path: Path, epsg: int, boxes) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("admin", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    for code, (x0, y0, x1, y1) in boxes:
        f = ogr.Feature(layer.GetLayerDefn())
        f["code"] = code
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(f)
    ds = None
    return path


def test_data_straddling_two_zones_gets_the_zone_of_its_centre(tmp_path: Path) -> None:
    """A county from 118.2°E to 119.0°E straddles 118.5°E, the edge between the zones of CM 117E and
    120E: its centre 118.6°E picks CM 120E (EPSG:4549); the same county with a neighbour to the west
    (117.6°E – 118.2°E) centres on 118.3°E and picks CM 117E (EPSG:4548) — one zone for all inputs,
    from their union."""
    county = write_box(tmp_path / "county.gpkg", 4490, [("A", (118.2, 30.0, 119.0, 30.3))])
    west = write_box(tmp_path / "west.gpkg", 4490, [("B", (117.6, 30.0, 118.2, 30.3))])
    res = run_guotu("lines", "init", str(tmp_path / "a.gpkg"), "--crs", "EPSG:4490", "--zone-from", str(county))
    assert res.returncode == 0 and "EPSG:4549 (CGCS2000 / 3-degree Gauss-Kruger CM 120E)" in res.stderr
    # border: admin units = the county, elements = the neighbour's layer (the union decides)
    elements = tmp_path / "el.gpkg"
    gdal.VectorTranslate(str(elements), str(west), layerName="elements", SQLStatement=(
        "SELECT geom, code AS city, 'ecological_redline' AS category FROM admin"), SQLDialect="SQLITE")
    out = tmp_path / "b.gpkg"
    res = run_guotu("border", "--admin", str(county), "--admin-id", "code", "--elements", str(elements),
                    "--city-field", "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the data's centre" in res.stderr


def test_data_no_zone_fits_is_refused_by_name(tmp_path: Path) -> None:
    """A geographic layer outside China's zones (Paris), and one on another datum (Beijing 1954),
    are refused naming the layer and why; nothing is written."""
    paris = write_box(tmp_path / "paris.gpkg", 4490, [("A", (2.0, 48.0, 2.2, 48.1))])
    res = run_guotu("lines", "init", str(tmp_path / "p.gpkg"), "--crs", "EPSG:4490", "--zone-from", str(paris))
    assert res.returncode == 1 and "paris.gpkg" in res.stderr and "outside China's" in res.stderr
    beijing = write_box(tmp_path / "bj54.gpkg", 4214, [("A", (117.0, 39.0, 117.2, 39.1)), ("B", (117.2, 39.0, 117.4,
                                                                                                 39.1))])
    el = tmp_path / "el.gpkg"
    gdal.VectorTranslate(str(el), str(beijing), layerName="elements", SQLStatement=(
        "SELECT geom, code AS city, 'ecological_redline' AS category FROM admin"), SQLDialect="SQLITE")
    out = tmp_path / "b.gpkg"
    res = run_guotu("border", "--admin", str(beijing), "--admin-id", "code", "--elements", str(el), "--city-field",
                    "city", "--category-field", "category", "-o", str(out))
    assert res.returncode == 1 and "bj54.gpkg" in res.stderr and "only CGCS2000 and WGS 84" in res.stderr
    assert not out.exists()
