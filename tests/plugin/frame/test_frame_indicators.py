"""guotu:frameindicators on the CLI tests' plane fixture: the hand values, the same rows as
`guotu framework indicators` (areas ellipsoidal), styles and refusals."""

import math
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsRuleBasedRenderer, QgsVectorLayer

import frame_data as fd
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:frameindicators"
OUTPUTS = ("ELEMENT_INDICATORS", "INDICATOR_FINDINGS", "CATALOGUE_FINDINGS", "CATALOGUE_CITIES")
TABLES = {"ELEMENT_INDICATORS": "element_indicators", "INDICATOR_FINDINGS": "indicator_findings",
          "CATALOGUE_FINDINGS": "catalogue_findings", "CATALOGUE_CITIES": "catalogue_cities"}


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return fd.make_indicator_fixture(tmp_path_factory.mktemp("frame_ind"))


def params(fx: Path, **extra) -> dict:
    p = {"CATALOGUE": str(fx / "cat.csv"), "THRESHOLDS": str(fx / "thr.csv"),
         "ELEMENTS": f"{fx / 'parts.gpkg'}|layername=parts", "CITY_FIELD": "city", "ELEMENT_FIELD": "ysbh",
         "NAME_FIELD": None, "DEM": str(fx / "dem.tif"), "LANDUSE": f"{fx / 'landuse.gpkg'}|layername=landuse",
         "LANDUSE_CODE": "dlbm", "BAND": 100, "TOLERANCE_ELEVATION": 5, "AREA_METHOD": 1}
    p.update({name: "memory:" for name in OUTPUTS})
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_hand_values(fx: Path) -> None:
    result = run(params(fx))
    zones = rows(result["ELEMENT_INDICATORS"])
    assert [(z["zone"], z["city_id"], z["other_city_id"]) for z in zones] == [
        ("element", "", ""), ("part", "A", ""), ("part", "B", ""), ("strip", "A", "B"), ("strip", "B", "A")]
    assert [z["elevation_mean"] for z in zones] == pytest.approx([40, 30, 50, 35, 45], abs=1e-4)
    assert [z["area_m2"] for z in zones] == pytest.approx([240000, 120000, 120000, 60000, 60000], abs=1e-6)
    assert all(z["slope_mean"] == pytest.approx(math.degrees(math.atan(0.1)), abs=1e-5) for z in zones)
    assert zones[1]["forest_share"] == pytest.approx(35000 / 120000, abs=1e-9)
    findings = [(f["kind"], f["city_id"], f["other_city_id"], f["indicator"])
                for f in rows(result["INDICATOR_FINDINGS"])]
    assert findings == [("outside_threshold", "A", "", "slope_mean"), ("outside_threshold", "A", "", "forest_share"),
                        ("threshold_missing", "B", "", "elevation_mean"),
                        ("outside_threshold", "B", "", "forest_share"),
                        ("threshold_differs", "A", "B", "slope_mean"), ("value_jump", "A", "B", "elevation_mean")]
    assert result["FINDING_COUNT"] == 6


def _same(ours: list, theirs: list, table: str) -> None:
    assert len(ours) == len(theirs), table
    assert ours or table == "catalogue_findings", table  # every catalogue element was submitted
    for a, b in zip(ours, theirs):
        ga, gb = QgsGeometry(), QgsGeometry()
        wa, wb = a.pop("_wkb"), b.pop("_wkb")
        assert bool(wa) == bool(wb), table
        if wa:
            ga.fromWkb(wa)
            gb.fromWkb(wb)
            assert ga.symDifference(gb).area() < 1e-6, (table, a)
        a.pop("fid", None)
        b.pop("fid", None)
        assert set(a) == set(b), table
        for k, v in a.items():
            if isinstance(v, float):
                assert b[k] == pytest.approx(v, rel=1e-12, abs=1e-9), (table, k)
            else:
                assert b[k] == v, (table, k)


def test_same_rows_as_the_cli(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = fd.run_indicators_cli(fx, out)  # ellipsoidal areas
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, AREA_METHOD=0))
    for output, table in TABLES.items():
        _same(rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr")), table)


def test_geographic_inputs_same_rows_as_the_cli_in_the_zone(fx: Path, tmp_path: Path) -> None:
    """DEM, elements and land use in EPSG:4490 (gdalwarp, ogr2ogr): QGIS works in EPSG:4548 (the zone
    of the data's centre), warps the DEM as `guotu framework indicators` does (the same virtual
    raster), says so in the log, and writes the CLI's rows; areas equal the projected run's to 1e-6."""
    from osgeo import gdal
    from qgis.core import QgsProcessingFeedback
    import processing

    geo = tmp_path / "geo"
    geo.mkdir()
    for name in ("cat.csv", "thr.csv"):
        (geo / name).write_bytes((fx / name).read_bytes())
    gdal.Warp(str(geo / "dem.tif"), str(fx / "dem.tif"), dstSRS="EPSG:4490", resampleAlg="bilinear")
    for name in ("parts", "landuse"):
        gdal.VectorTranslate(str(geo / f"{name}.gpkg"), str(fx / f"{name}.gpkg"), dstSRS="EPSG:4490")
    out = tmp_path / "cli.gpkg"
    cli = fd.run_indicators_cli(geo, out)
    assert cli.returncode == 0 and "to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E)" in cli.stderr, cli.stderr

    class Log(QgsProcessingFeedback):
        infos: list = []

        def pushInfo(self, info):  # noqa: N802 — QGIS API name
            self.infos.append(info)

    log = Log()
    result = processing.run(ALG, params(geo, AREA_METHOD=0), feedback=log)
    assert any("EPSG:4548" in i and "Gauss-Krüger zone of the data's centre" in i for i in log.infos), log.infos
    assert result["ELEMENT_INDICATORS"].crs().authid() == "EPSG:4548"
    for output, table in TABLES.items():
        _same(rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr")), table)
    base = run(params(fx, AREA_METHOD=0))
    for got, want in zip(rows(result["ELEMENT_INDICATORS"]), rows(base["ELEMENT_INDICATORS"])):
        assert got["area_m2"] == pytest.approx(want["area_m2"], rel=1e-6)
        assert got["elevation_mean"] == pytest.approx(want["elevation_mean"], abs=0.5)


def test_landuse_raster_same_rows_as_the_cli(fx: Path, tmp_path: Path) -> None:
    """Forest share from a raster of class values (with no-data cells in A): the rows of
    `guotu framework indicators --landuse lu.tif`, the landuse_incomplete finding included;
    polygons and a raster together are refused."""
    lu = fd.make_landuse_raster(tmp_path / "lu.tif")
    out = tmp_path / "cli_raster.gpkg"
    cli = subprocess.run([str(fd.GUOTU_CLI), "framework", "indicators", "--catalogue", str(fx / "cat.csv"),
                          "--elements", str(fx / "parts.gpkg"), "--city-field", "city", "--element-field", "ysbh",
                          "--thresholds", str(fx / "thr.csv"), "--dem", str(fx / "dem.tif"), "--landuse", str(lu),
                          "--band", "100", "--tolerance-elevation", "5", "-o", str(out), "--area", "planar"],
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, LANDUSE=None, LANDUSE_CODE=None, LANDUSE_RASTER=str(lu)))
    for output, table in TABLES.items():
        _same(rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr")), table)
    zones = rows(result["ELEMENT_INDICATORS"])
    assert zones[1]["forest_share"] == pytest.approx(35000 / 119100, rel=1e-12)
    assert [f["city_id"] for f in rows(result["INDICATOR_FINDINGS"]) if f["kind"] == "landuse_incomplete"] == ["A"]
    with pytest.raises(QgsProcessingException, match="polygons or as a raster, not both"):
        run(params(fx, LANDUSE_RASTER=str(lu)))


def test_styles(fx: Path) -> None:
    from guotu.frame.frame_style import style_indicator_findings_layer, style_indicators_layer

    result = run(params(fx))
    style_indicators_layer(result["ELEMENT_INDICATORS"])
    rules = [r.filterExpression() for r in result["ELEMENT_INDICATORS"].renderer().rootRule().children()]
    assert rules == ["\"zone\" = 'element'", "\"zone\" = 'part'", "\"zone\" = 'strip'"]
    style_indicator_findings_layer(result["INDICATOR_FINDINGS"])
    assert isinstance(result["INDICATOR_FINDINGS"].renderer(), QgsRuleBasedRenderer)
    assert len(result["INDICATOR_FINDINGS"].renderer().rootRule().children()) == 5


def test_refusals(fx: Path, tmp_path: Path) -> None:
    with pytest.raises(QgsProcessingException, match="land-use code field"):
        run(params(fx, LANDUSE_CODE=None))
    # Gauss-Krüger metres labelled EPSG:4490: no longitude and latitude, refused naming the DEM.
    from osgeo import gdal
    gdal.Translate(str(tmp_path / "geo.tif"), str(fx / "dem.tif"), outputSRS="EPSG:4490")
    with pytest.raises(QgsProcessingException, match="not longitude and latitude"):
        run(params(fx, DEM=str(tmp_path / "geo.tif")))
    bad = tmp_path / "thr.csv"
    bad.write_text((fx / "thr.csv").read_text(encoding="utf-8").replace("slope_mean,,5", "slope,,5"),
                   encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="line 3: threshold of city A for mountain: unknown indicator"):
        run(params(fx, THRESHOLDS=str(bad)))


def _mosaic(folder: Path) -> Path:
    """A 512 x 512 land-use raster of 20 m cells as a VRT (blocks of 128 x 128) from two files:
    near.tif holds the plane fixture's elements (rows 256-511, columns 0-255: forest 0301 in
    the columns of x 200-260 m, else 0101), far.tif the other corner (rows 0-255, columns
    256-511); far.tif is then deleted, so a reader of the whole raster fails on it."""
    from osgeo import gdal, osr

    import numpy as np

    x0, y0 = 39_500_000.0, 4_400_000.0  # the plane fixture's origin (test_cli_framework.X0, Y0)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    top = y0 + 512 * 20.0
    tiles = []
    for name, row0, col0 in (("near", 256, 0), ("far", 0, 256)):
        path = folder / f"{name}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(str(path), 256, 256, 1, gdal.GDT_Int16)
        ds.SetGeoTransform((x0 + col0 * 20.0, 20.0, 0, top - row0 * 20.0, 0, -20.0))
        ds.SetProjection(srs.ExportToWkt())
        values = np.full((256, 256), 101, dtype=np.int16)
        if name == "near":
            values[:, 10:13] = 301  # x 200-260 m
        ds.GetRasterBand(1).WriteArray(values)
        ds = None
        tiles.append(str(path))
    vrt = folder / "lu.vrt"
    gdal.BuildVRT(str(vrt), tiles, outputBounds=(x0, y0, x0 + 512 * 20.0, top))
    (folder / "far.tif").unlink()
    return vrt


def test_landuse_raster_read_only_over_the_elements(fx: Path, tmp_path: Path) -> None:
    """The land-use raster is read only in the blocks the elements meet, by the CLI and by
    QGIS: a raster whose far corner cannot be read gives the forest share of the near part
    (hand values: A's part x 200-400 m has forest on x 200-260 m, 36,000 of 120,000 m² = 0.3;
    B none; the whole element 36,000 of 240,000 = 0.15), and the same rows in both."""
    from osgeo import gdal

    vrt = _mosaic(tmp_path)
    ds = gdal.Open(str(vrt))
    assert ds.GetRasterBand(1).GetBlockSize() == [128, 128]
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:  # the whole raster is not readable: its far corner is gone
        whole = ds.GetRasterBand(1).ReadAsArray(256, 0, 256, 256)
    except RuntimeError:
        whole = None
    finally:
        gdal.PopErrorHandler()
    assert whole is None
    ds = None
    out = tmp_path / "cli_vrt.gpkg"
    cli = subprocess.run([str(fd.GUOTU_CLI), "framework", "indicators", "--catalogue", str(fx / "cat.csv"),
                          "--elements", str(fx / "parts.gpkg"), "--city-field", "city", "--element-field", "ysbh",
                          "--thresholds", str(fx / "thr.csv"), "--dem", str(fx / "dem.tif"), "--landuse", str(vrt),
                          "--band", "100", "--tolerance-elevation", "5", "-o", str(out), "--area", "planar"],
                         capture_output=True, text=True, timeout=300)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx, LANDUSE=None, LANDUSE_CODE=None, LANDUSE_RASTER=str(vrt)))
    for output, table in TABLES.items():
        _same(rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr")), table)
    shares = {(z["zone"], z["city_id"]): z["forest_share"] for z in rows(result["ELEMENT_INDICATORS"])}
    assert shares[("element", "")] == pytest.approx(0.15, rel=1e-12)
    assert shares[("part", "A")] == pytest.approx(0.3, rel=1e-12)
    assert shares[("part", "B")] == 0.0
    assert not [f for f in rows(result["INDICATOR_FINDINGS"]) if f["kind"] == "landuse_incomplete"]
