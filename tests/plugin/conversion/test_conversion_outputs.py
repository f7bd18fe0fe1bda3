"""Where guotu:landuseconversion keeps its results: a map saved to a GeoPackage takes the
tables left temporary into the same file (the CLI's layer names) and stores its style there
as the default, so the file reopens styled; a temporary map is warned about; a cancelled
run leaves no file behind."""

import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import (QgsCategorizedSymbolRenderer, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputLayerDefinition, QgsRuleBasedRenderer, QgsVectorLayer)

import conversion_data as cd
from test_conversion_style import assert_conversion_style
from test_conversion_workspace import make_workspace

pytestmark = pytest.mark.usefixtures("provider")
TABLES = ("TRANSITIONS", "STATUS_SUMMARY", "UNKNOWN")


class _Log(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.infos.append(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.warnings.append(warning)


def gpkg_layers(path: Path) -> list:
    """The data layers of a GeoPackage (not QGIS's layer_styles)."""
    ds = ogr.Open(str(path))
    names = (ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount()))
    return sorted(n for n in names if n != "layer_styles")


def saved_styles(path: Path) -> list:
    with sqlite3.connect(str(path)) as db:
        return db.execute("SELECT f_table_name, styleName, useAsDefault FROM layer_styles").fetchall()


def test_map_in_a_geopackage_takes_the_temporary_tables_and_its_style(tmp_path: Path):
    layers = cd.fixture_layers()
    out = tmp_path / "result.gpkg"
    log = _Log()
    params = cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS=str(out),
                       **{name: "TEMPORARY_OUTPUT" for name in TABLES})
    result = cd.run_algorithm(params, log)
    # One file with the CLI's layers: the map and its three tables.
    assert gpkg_layers(out) == ["conversions", "status_summary", "transitions", "unknown_codes"]
    assert all(str(out) in str(result[name]) for name in ("CONVERSIONS",) + TABLES), result
    # The tables hold the run's numbers (the same as in memory).
    memory = cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"]))
    for name, table in (("TRANSITIONS", "transitions"), ("STATUS_SUMMARY", "status_summary"),
                        ("UNKNOWN", "unknown_codes")):
        saved = sorted(tuple(sorted(r.items())) for r in cd.ogr_rows(out, table))
        expected = sorted(tuple(sorted(r.items())) for r in cd.layer_rows(memory[name]))
        assert saved == expected, table
    assert cd.status_areas(cd.ogr_rows(out, "status_summary"), "*") == pytest.approx(cd.STATUS_ALL)
    # The style is the layer's default in the file: a fresh layer opens styled.
    assert saved_styles(out) == [("conversions", "guotu", 1)]
    reopened = QgsVectorLayer(f"{out}|layername=conversions", "reopened", "ogr")
    assert reopened.isValid()
    assert_conversion_style(reopened, bilingual=True)  # the stored style, for QGIS of any language
    assert any("transitions" in m and str(out) in m for m in log.infos), log.infos
    assert not any("temporary" in w for w in log.warnings), log.warnings


def test_tables_with_a_destination_of_their_own_stay_there(tmp_path: Path):
    layers = cd.fixture_layers()
    out, other = tmp_path / "map.gpkg", tmp_path / "status.gpkg"
    params = cd.params(layers["before"], layers["after"], CONVERSIONS=str(out), STATUS_SUMMARY=str(other))
    result = cd.run_algorithm(params)  # TRANSITIONS and UNKNOWN: explicit memory layers
    assert gpkg_layers(out) == ["conversions"]
    assert isinstance(result["TRANSITIONS"], QgsVectorLayer) and result["TRANSITIONS"].featureCount() > 0
    assert cd.status_areas(cd.ogr_rows(other, gpkg_layers(other)[0]), "") == pytest.approx(cd.STATUS_ALL)


def test_a_map_path_that_exists_is_replaced_not_mixed(tmp_path: Path):
    """A plain path is replaced, as Processing replaces it: no layer of an earlier run
    (here a stale line_summary) is left beside the new results."""
    layers = cd.fixture_layers()
    out = tmp_path / "result.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(out))
    ds.CreateLayer("line_summary", geom_type=ogr.wkbNone)
    ds = None
    log = _Log()
    cd.run_algorithm(cd.params(layers["before"], layers["after"], CONVERSIONS=str(out),
                               **{name: "TEMPORARY_OUTPUT" for name in TABLES}), log)
    assert "line_summary" not in gpkg_layers(out)
    assert {"conversions", "transitions", "status_summary", "unknown_codes"} <= set(gpkg_layers(out))
    assert any("replaced" in m for m in log.infos), log.infos


def test_workspace_run_keeps_line_summary_and_rule_style(tmp_path: Path):
    ws = make_workspace(tmp_path)
    layers = cd.fixture_layers()
    out = tmp_path / "lines.gpkg"
    cd.run_algorithm(cd.params(layers["before"], layers["after"], WORKSPACE=str(ws), CONVERSIONS=str(out),
                               LINE_SUMMARY="TEMPORARY_OUTPUT", **{name: "TEMPORARY_OUTPUT" for name in TABLES}))
    assert "line_summary" in gpkg_layers(out)
    summary = {(r["line"], r["status"]): r["area_ha"] for r in cd.ogr_rows(out, "line_summary") if r["zone_id"] == ""}
    assert summary[("ecological_redline", "prohibited")] == pytest.approx(0.5)
    reopened = QgsVectorLayer(f"{out}|layername=conversions", "reopened", "ogr")
    assert isinstance(reopened.renderer(), QgsRuleBasedRenderer), type(reopened.renderer())


def test_geopackage_layer_destination_keeps_its_name(tmp_path: Path):
    layers = cd.fixture_layers()
    out = tmp_path / "named.gpkg"
    params = cd.params(layers["before"], layers["after"],
                       CONVERSIONS=QgsProcessingOutputLayerDefinition(f"ogr:dbname='{out}' table=\"yongtu\" (geom)"),
                       **{name: "TEMPORARY_OUTPUT" for name in TABLES})
    cd.run_algorithm(params)
    assert {"yongtu", "transitions", "status_summary", "unknown_codes"} <= set(gpkg_layers(out))
    assert saved_styles(out) == [("yongtu", "guotu", 1)]
    reopened = QgsVectorLayer(f"{out}|layername=yongtu", "reopened", "ogr")
    assert isinstance(reopened.renderer(), QgsCategorizedSymbolRenderer)


def test_a_temporary_map_is_warned_about():
    layers = cd.fixture_layers()
    log = _Log()
    cd.run_algorithm(cd.params(layers["before"], layers["after"], CONVERSIONS="TEMPORARY_OUTPUT"), log)
    assert any("temporary" in w and "GeoPackage" in w for w in log.warnings), log.warnings


@pytest.mark.parametrize("destination", ["path", "ogr"])
def test_cancelled_run_leaves_no_geopackage_with_its_tables(tmp_path: Path, destination: str):
    """Cancelled in the overlay: the new GeoPackage of the map, into which the tables were
    to go, is removed again, however its destination was written."""
    layers = cd.fixture_layers()
    out = tmp_path / "cancelled.gpkg"
    value = str(out) if destination == "path" else \
        QgsProcessingOutputLayerDefinition(f"ogr:dbname='{out}' table=\"conversions\" (geom)")
    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 40.0 else None)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        cd.run_algorithm(cd.params(layers["before"], layers["after"], layers["zones"], CONVERSIONS=value,
                                   **{name: "TEMPORARY_OUTPUT" for name in TABLES}), feedback)
    assert not list(tmp_path.iterdir())
