"""guotu:landuseconversion with a matrix per survey unit of the before parcels' codes (三调
ZLDWDM, no zones layer): hand-computed on a small survey, the core's file path equal to reading
features through QGIS, both equal to `guotu convert --zone-code-field`."""

from pathlib import Path
from typing import Dict, Tuple

import pytest
from osgeo import ogr, osr
from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsVectorLayer

import conversion_data as cd
import voucher_data as vd

pytestmark = pytest.mark.usefixtures("provider")

X0, Y0 = 39_500_000.0, 4_400_000.0
A, B, C = "130101100001", "130101100002", "130101101001"
BEFORE = [(A, "0301", (0, 0, 100, 100)), (A, "0101", (100, 0, 200, 100)), (B, "0301", (0, 100, 100, 200)),
          (C, "0101", (100, 100, 200, 200))]
AFTER = [("0301", (0, 0, 150, 200)), ("0702", (150, 0, 200, 200))]  # forest west of x = 150 m, homesteads east


NAMES = {A: "东村", B: "西村", C: "南村"}


def _write(path: Path, rows, names: Dict[str, str] = None) -> Path:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("landuse", srs, ogr.wkbPolygon)
    for name in ("ZLDWDM", "DLBM") + (("ZLDWMC",) if names else ()):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for code, dlbm, (a, b, c, d) in rows:
        f = ogr.Feature(layer.GetLayerDefn())
        f["ZLDWDM"], f["DLBM"] = code, dlbm
        if names:
            f["ZLDWMC"] = names[code[:12]]
        f.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({X0 + a} {Y0 + b},{X0 + c} {Y0 + b},{X0 + c} {Y0 + d},{X0 + a} {Y0 + d},{X0 + a} {Y0 + b}))"))
        layer.CreateFeature(f)
    ds = None
    return path


class Log(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 — QGIS API name
        self.lines.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802 — QGIS API name
        self.lines.append(warning)
        super().pushWarning(warning)


def _cells(layer) -> Dict[Tuple[str, str, str], float]:
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "u", "ogr")
    return {(r["unit_id"], r["from_code"], r["to_code"]): r["area_ha"] for r in cd.layer_rows(layer)}


def test_matrix_per_village_qgis_equals_files_equals_cli(tmp_path: Path) -> None:
    before = _write(tmp_path / "before.gpkg", [(v + "0000000", k, b) for v, k, b in BEFORE])
    after = _write(tmp_path / "after.gpkg", [("", k, b) for k, b in AFTER])
    expected = {(A, "0101", "0301"): 0.5, (A, "0101", "0702"): 0.5, (A, "0301", "0301"): 1.0,
                (B, "0301", "0301"): 1.0, (C, "0101", "0301"): 0.5, (C, "0101", "0702"): 0.5}
    common = dict(BEFORE_CLASS_FIELD="DLBM", BEFORE_SYSTEM=1, AFTER_CLASS_FIELD="DLBM", AFTER_SYSTEM=1, AREA_METHOD=1,
                  UNIT_CODE_FIELD="ZLDWDM", UNIT_LEVEL=2)
    # read through QGIS: memory copies of the layers
    layers = [QgsVectorLayer(str(p), p.stem, "ogr").materialize(QgsFeatureRequest()) for p in (before, after)]
    through_qgis = cd.run_algorithm({**common, "BEFORE": layers[0], "AFTER": layers[1], "CONVERSIONS": "memory:",
                                     "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:",
                                     "UNIT_TRANSITIONS": "memory:"})
    assert _cells(through_qgis["UNIT_TRANSITIONS"]) == pytest.approx(expected, rel=1e-12)
    pieces: Dict[str, float] = {}
    for row in cd.layer_rows(through_qgis["CONVERSIONS"]):
        pieces[row["zone_id"]] = pieces.get(row["zone_id"], 0.0) + row["area_ha"]
    assert pieces == pytest.approx({A: 2.0, B: 1.0, C: 1.0}, rel=1e-12)
    # read by the core from the files, written into one GeoPackage
    log = Log()
    by_core = cd.run_algorithm({**common, "BEFORE": str(before), "AFTER": str(after),
                                "CONVERSIONS": str(tmp_path / "qgis.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT",
                                "STATUS_SUMMARY": "TEMPORARY_OUTPUT", "UNKNOWN": "TEMPORARY_OUTPUT",
                                "UNIT_TRANSITIONS": "TEMPORARY_OUTPUT"}, feedback=log)
    assert any("The core read the input files itself" in line for line in log.lines), log.lines
    assert "unit_transitions" in str(by_core["UNIT_TRANSITIONS"])
    assert _cells(by_core["UNIT_TRANSITIONS"]) == pytest.approx(expected, rel=1e-12)
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
                     "SANDIAO_WORK", "--after", str(after), "--after-class-field", "DLBM", "--after-system",
                     "SANDIAO_WORK", "--area", "planar", "--zone-code-field", "ZLDWDM", "--zone-code-length", "12",
                     "-o", str(out))
    assert res.returncode == 0, res.stderr
    cli = {(r["unit_id"], r["from_code"], r["to_code"]): r for r in vd.ogr_rows(out, "unit_transitions")}
    mine = {(r["unit_id"], r["from_code"], r["to_code"]): r
            for r in cd.layer_rows(through_qgis["UNIT_TRANSITIONS"])}
    assert mine.keys() == cli.keys()
    for key, row in cli.items():
        for name in ("from_category", "to_category", "status"):
            assert mine[key][name] == row[name], (key, name)
        for name in ("area_ha", "dm_ha"):
            assert mine[key][name] == pytest.approx(row[name], rel=1e-12, abs=1e-12), (key, name)


def test_matrix_per_unit_refusals(tmp_path: Path) -> None:
    from qgis.core import QgsApplication, QgsProcessingContext

    before = _write(tmp_path / "before.gpkg", [(v + "0000000", k, b) for v, k, b in BEFORE])
    algorithm = QgsApplication.processingRegistry().algorithmById("guotu:landuseconversion")
    base = {"BEFORE": str(before), "BEFORE_CLASS_FIELD": "DLBM", "AFTER": str(before), "AFTER_CLASS_FIELD": "DLBM",
            "CONVERSIONS": "memory:", "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:"}
    ok, message = algorithm.checkParameterValues({**base, "UNIT_CODE_FIELD": "ZLDWDM"}, QgsProcessingContext())
    assert not ok and "transitions per unit" in message
    ok, message = algorithm.checkParameterValues({**base, "UNIT_CODE_FIELD": "ZLDWDM", "UNIT_TRANSITIONS": "memory:",
                                                  "ZONES": str(before), "ZONE_ID": "ZLDWDM"}, QgsProcessingContext())
    assert not ok and "not both" in message


def _towns(path: Path) -> Path:
    """An XZQ-like layer of town names, one town (130101101) left unnamed."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4527)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("XZQ", srs, ogr.wkbPolygon)
    for name in ("XZQDM", "XZQMC"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    f = ogr.Feature(layer.GetLayerDefn())
    f["XZQDM"], f["XZQMC"] = "130101100", "城关镇"
    f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({X0} {Y0},{X0 + 200} {Y0},{X0 + 200} {Y0 + 200},{X0} {Y0}))"))
    layer.CreateFeature(f)
    ds = None
    return path


@pytest.mark.parametrize("level, length, names, expected", [
    (2, "12", "survey", {A: "东村", B: "西村", C: "南村"}),   # villages named by the survey's own ZLDWMC
    (1, "9", "towns", {"130101100": "城关镇", "130101101": ""}),  # towns from XZQ; one without a name
])
def test_unit_names_qgis_equals_files_equals_cli(tmp_path: Path, level: int, length: str, names: str,
                                                 expected: Dict[str, str]) -> None:
    """unit_name of unit_transitions: from the survey itself (ZLDWDM, ZLDWMC; a village code padded
    with zeros names the village) or from a table of towns, the same through QGIS, through the core's
    file path and through `guotu convert --zone-names`."""
    before = _write(tmp_path / "before.gpkg", [(v + "0000000", k, b) for v, k, b in BEFORE], NAMES)
    after = _write(tmp_path / "after.gpkg", [("", k, b) for k, b in AFTER])
    if names == "survey":
        source, layer, code, name = before, "landuse", "ZLDWDM", "ZLDWMC"
    else:
        source, layer, code, name = _towns(tmp_path / "xzq.gpkg"), "XZQ", "XZQDM", "XZQMC"
    common = dict(BEFORE_CLASS_FIELD="DLBM", BEFORE_SYSTEM=1, AFTER_CLASS_FIELD="DLBM", AFTER_SYSTEM=1, AREA_METHOD=1,
                  UNIT_CODE_FIELD="ZLDWDM", UNIT_LEVEL=level, UNIT_NAMES=f"{source}|layername={layer}",
                  UNIT_NAMES_CODE_FIELD=code, UNIT_NAMES_NAME_FIELD=name)
    layers = [QgsVectorLayer(str(p), p.stem, "ogr").materialize(QgsFeatureRequest()) for p in (before, after)]
    through_qgis = cd.run_algorithm({**common, "BEFORE": layers[0], "AFTER": layers[1], "CONVERSIONS": "memory:",
                                     "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:",
                                     "UNIT_TRANSITIONS": "memory:"})
    log = Log()
    by_core = cd.run_algorithm({**common, "BEFORE": str(before), "AFTER": str(after),
                                "CONVERSIONS": str(tmp_path / "qgis.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT",
                                "STATUS_SUMMARY": "TEMPORARY_OUTPUT", "UNKNOWN": "TEMPORARY_OUTPUT",
                                "UNIT_TRANSITIONS": "TEMPORARY_OUTPUT"}, feedback=log)
    assert any("The core read the input files itself" in line for line in log.lines), log.lines
    unnamed = sorted(unit for unit, name in expected.items() if not name)
    warning = f'1 units have no name in the names layer (the first: "{unnamed[0]}")' if unnamed else None
    assert (warning is not None) == any("have no name" in line for line in log.lines), log.lines
    if warning:
        assert any(warning in line for line in log.lines), log.lines
    out = tmp_path / "cli.gpkg"
    res = vd.run_cli("convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
                     "SANDIAO_WORK", "--after", str(after), "--after-class-field", "DLBM", "--after-system",
                     "SANDIAO_WORK", "--area", "planar", "--zone-code-field", "ZLDWDM", "--zone-code-length", length,
                     "--zone-names", str(source), "--zone-names-layer", layer, "--zone-names-id", code,
                     "--zone-names-name", name, "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert ("units have no name" in res.stderr) == bool(unnamed), res.stderr
    if unnamed:
        assert f"1 units have no name in layer 'XZQ' (the first: '{unnamed[0]}')" in res.stderr, res.stderr
    cli_rows = vd.ogr_rows(out, "unit_transitions")
    assert {r["unit_id"]: r["unit_name"] for r in cli_rows} == expected
    for result in (through_qgis["UNIT_TRANSITIONS"], by_core["UNIT_TRANSITIONS"]):
        layer_ = result if isinstance(result, QgsVectorLayer) else QgsVectorLayer(result, "u", "ogr")
        mine = cd.layer_rows(layer_)
        assert layer_.fields().names()[:3] == ["unit_id", "unit_name", "from_code"] or \
            layer_.fields().names()[1:4] == ["unit_id", "unit_name", "from_code"]  # a GeoPackage adds fid
        assert [(r["unit_id"], r["unit_name"], r["from_code"], r["to_code"]) for r in mine] == \
            [(r["unit_id"], r["unit_name"], r["from_code"], r["to_code"]) for r in cli_rows]
        for m, c in zip(mine, cli_rows):
            assert m["area_ha"] == pytest.approx(c["area_ha"], rel=1e-12, abs=1e-12)


def test_unit_names_without_unit_codes_are_refused(tmp_path: Path) -> None:
    from qgis.core import QgsApplication, QgsProcessingContext

    before = _write(tmp_path / "before.gpkg", [(v + "0000000", k, b) for v, k, b in BEFORE], NAMES)
    algorithm = QgsApplication.processingRegistry().algorithmById("guotu:landuseconversion")
    base = {"BEFORE": str(before), "BEFORE_CLASS_FIELD": "DLBM", "AFTER": str(before), "AFTER_CLASS_FIELD": "DLBM",
            "CONVERSIONS": "memory:", "TRANSITIONS": "memory:", "STATUS_SUMMARY": "memory:", "UNKNOWN": "memory:",
            "UNIT_NAMES": str(before), "UNIT_NAMES_CODE_FIELD": "ZLDWDM", "UNIT_NAMES_NAME_FIELD": "ZLDWMC"}
    ok, message = algorithm.checkParameterValues(base, QgsProcessingContext())
    assert not ok and "unit code field" in message
    res = vd.run_cli("convert", "--before", str(before), "--before-class-field", "DLBM", "--before-system",
                     "SANDIAO_WORK", "--after", str(before), "--after-class-field", "DLBM", "--after-system",
                     "SANDIAO_WORK", "--zone-names", str(before), "-o", str(tmp_path / "o.gpkg"))
    assert res.returncode == 2 and "--zone-names names the units of --zone-code-field" in res.stderr
