"""guotu:landuseconversionraster on the raster pair of the CLI tests (4 × 3 cells of 10 m,
CAS_LUCC; tests/cli/test_cli_convert.py): hand values, parity with `guotu convert` on the
same files, the status raster, grids refused."""

import subprocess
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, osr
from qgis.core import QgsProcessingException, QgsRasterLayer

from conftest import BUILD_DIR
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

X0, Y0 = 39_500_000.0, 4_400_000.0
# The CLI test's pair (255 = nodata) and the expected status codes of every cell.
BEFORE = [[21, 21, 12, 12], [41, 41, 12, 12], [12, 21, 255, 12]]
AFTER = [[51, 21, 12, 51], [12, 12, 12, 77], [12, 255, 12, 12]]
STATUS = [[2, 1, 1, 2], [4, 4, 1, 6], [1, 0, 0, 1]]


def write_raster(path: Path, values, cell: float = 10.0, x0: float = X0) -> Path:
    data = np.array(values, dtype=np.uint8)
    ds = gdal.GetDriverByName("GTiff").Create(str(path), data.shape[1], data.shape[0], 1, gdal.GDT_Byte)
    ds.SetGeoTransform((x0, cell, 0, Y0 + 30, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(255)
    band.WriteArray(data)
    ds = None
    return path


def run(before: Path, after: Path, out: Path, feedback=None, **extra) -> dict:
    import processing

    params = {"BEFORE": str(before), "BEFORE_SYSTEM": 0, "AFTER": str(after), "AFTER_SYSTEM": 0, "AREA_METHOD": 1,
              "STATUS_RASTER": str(out), "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:"}
    params.update(extra)
    return processing.run("guotu:landuseconversionraster", params, feedback=feedback)


def test_hand_values_and_status_raster(tmp_path: Path) -> None:
    from qgis.core import QgsProcessingFeedback

    class Warnings(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list = []

        def pushWarning(self, text: str) -> None:  # noqa: N802 (QGIS's name)
            self.seen.append(text)

    b, a = write_raster(tmp_path / "b.tif", BEFORE), write_raster(tmp_path / "a.tif", AFTER)
    warnings = Warnings()
    result = run(b, a, tmp_path / "status.tif", feedback=warnings)
    # the unknown code named with its raster in words, not a key filled into a sentence
    assert 'Code "77" of the after raster has no category (0.01 ha reported as "unknown").' in warnings.seen, \
        warnings.seen
    statuses = {r["status"]: r["area_ha"] for r in rows(result["STATUS_SUMMARY"]) if r["zone_id"] == ""}
    assert statuses == pytest.approx({"path": 0.02, "same": 0.05, "prohibited": 0.02, "unknown": 0.01})
    codes = {(r["from_class"], r["to_class"]): r["area_ha"] for r in rows(result["TRANSITIONS"])
             if r["level"] == "code"}
    assert codes == pytest.approx({("12", "12"): 0.04, ("12", "51"): 0.01, ("12", "77"): 0.01, ("21", "21"): 0.01,
                                   ("21", "51"): 0.01, ("41", "12"): 0.02})
    assert [(r["class_code"], r["layer"]) for r in rows(result["UNKNOWN"])] == [("77", "after")]
    status = QgsRasterLayer(result["STATUS_RASTER"], "status")
    assert status.isValid()
    ds = gdal.Open(result["STATUS_RASTER"])
    band = ds.GetRasterBand(1)
    assert band.ReadAsArray().tolist() == STATUS
    assert band.GetColorTable().GetColorEntry(4)[:3] == (0xd7, 0x19, 0x1c)
    assert band.GetCategoryNames()[4] == "禁止 prohibited"
    ds = None
    assert not list(tmp_path.glob("*.tmp-*"))


def test_same_numbers_as_the_cli(tmp_path: Path) -> None:
    # 100 km east of the central meridian, where ellipsoidal area is 1.2e-4 below planar
    b = write_raster(tmp_path / "b.tif", BEFORE, x0=X0 + 100_000)
    a = write_raster(tmp_path / "a.tif", AFTER, x0=X0 + 100_000)
    out = tmp_path / "cli.gpkg"
    cli = subprocess.run([str(BUILD_DIR / "core" / "guotu"), "convert", "--before", str(b), "--before-system",
                          "CAS_LUCC", "--after", str(a), "--after-system", "CAS_LUCC", "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr
    result = run(b, a, tmp_path / "status.tif", AREA_METHOD=0)
    from qgis.core import QgsVectorLayer

    theirs = {(r["zone_id"], r["level"], r["from_class"], r["to_class"]): r["area_ha"]
              for r in rows(QgsVectorLayer(f"{out}|layername=transitions", "t", "ogr"))}
    ours = {(r["zone_id"], r["level"], r["from_class"], r["to_class"]): r["area_ha"]
            for r in rows(result["TRANSITIONS"])}
    assert set(ours) == set(theirs)
    for key, value in ours.items():
        assert theirs[key] == pytest.approx(value, rel=1e-12), key
    total = sum(v for k, v in ours.items() if k[1] == "category")
    assert total == pytest.approx(0.10, rel=1e-3) and total != pytest.approx(0.10, rel=1e-5)  # ellipsoidal


def test_different_grids_refused(tmp_path: Path) -> None:
    b = write_raster(tmp_path / "b.tif", BEFORE)
    fine = write_raster(tmp_path / "a5.tif", np.kron(np.array(AFTER), np.ones((2, 2), dtype=int)).tolist(), cell=5.0)
    with pytest.raises(QgsProcessingException, match="different grids") as info:
        run(b, fine, tmp_path / "status.tif")
    assert "4 × 3 cells of 10 × 10" in str(info.value) and "8 × 6 cells of 5 × 5" in str(info.value)
    assert not (tmp_path / "status.tif").exists()
