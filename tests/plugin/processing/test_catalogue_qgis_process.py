"""The bad-input catalogue of issue 14 through qgis_process, as a user runs the algorithms
from a shell or a batch: every Guotu Processing algorithm against damaged GeoPackages and
GeoTIFFs, degrees where metres are needed, GBK shapefiles without .cpg, outputs over inputs,
missing fields and layers of the wrong kind, with empty optional inputs given as `NAME=`.
One table of cases (the inputs of tests/catalogue_data.py): each names its parameters, whether
the run succeeds, the words its message must hold, and the files it writes; results are
checked against hand values and against the guotu tool on the same files. After every case
the inputs are byte for byte what they were and nothing temporary is left; a failed run
writes nothing."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

import pytest

from conftest import BUILD_DIR, REPO

sys.path.insert(0, str(REPO / "tests"))
import catalogue_data as cd  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
GUOTU = BUILD_DIR / "core" / "guotu"


class Case(NamedTuple):
    id: str
    algorithm: str
    params: Sequence[str]        # NAME=VALUE; "{name}" a path of catalogue_data, "{o}" the case's folder
    ok: bool                     # the run succeeds (exit 0) or fails (exit 1)
    says: Sequence[str] = ()     # words of qgis_process's stdout+stderr
    outputs: Sequence[str] = ()  # files written into {o}
    check: Optional[Callable[[Path, dict], None]] = None


def ogr_rows(path: Path, layer: Optional[str] = None) -> list:
    from osgeo import ogr
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    return [f.items() for f in lyr]


def csv_rows(path: Path) -> list:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def tally_equals_cli(zones: Sequence[str] = ("A", "B"), landuse: str = "base", *cli_extra: str):
    """The table has BASE_HA (planar, exact) and equals guotu tally on the same files."""
    def check(o: Path, paths: dict) -> None:
        got = {(r["zone_id"], r["class_code"]): float(r["area_ha"]) for r in csv_rows(o / "t.csv")}
        names = dict(zip(("A", "B"), zones))
        assert got == {(names[z], c): pytest.approx(v, abs=1e-9) for (z, c), v in cd.BASE_HA.items()}, got
        cli = o.parent / (o.name + "-cli.csv")
        zones_path = paths["zones_gbk"] if zones[0] != "A" else paths["zones"]
        args = [str(GUOTU), "tally", "--zones", zones_path, "--zone-id", "code", "--landuse", paths[landuse],
                "--area", "planar", "-o", str(cli), *cli_extra]
        if landuse == "base":
            args += ["--class-field", "lucc"]
        res = subprocess.run(args, capture_output=True, text=True)
        assert res.returncode == 0, res.stderr
        tool = {(r["zone_id"], r["class_code"]): float(r["area_ha"]) for r in csv_rows(cli)}
        assert set(tool) == set(got) and all(abs(tool[k] - got[k]) <= 1e-9 * max(1.0, got[k]) for k in got)
    return check


def voucher_check(o: Path, _paths: dict) -> None:
    zones = {r["zone_id"]: r for r in ogr_rows(o / "v.gpkg")}
    assert zones["A"]["dm_ha"] == pytest.approx(-16.0) and zones["B"]["dm_ha"] == 0.0


def market_check(o: Path, _paths: dict) -> None:
    # Only A has a negative E (a buyer) and nobody sells: no trade, A's demand unmet.
    assert ogr_rows(o / "trades.gpkg") == []
    summary = {r["item"]: r for r in csv_rows(o / "market.csv")}
    assert float(summary["unmet_demand_ha"]["value"]) == pytest.approx(8.0), summary


def workspace_check(o: Path, _paths: dict) -> None:
    from osgeo import ogr
    ds = ogr.Open(str(o / "ws.gpkg"))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"ecological_redline", "permanent_farmland", "urban_boundary", "admin_units"} <= names


def lines_check(o: Path, _paths: dict) -> None:
    found = sorted((r["rule_id"], r["admin_code"] or "", round(r["value"], 2)) for r in ogr_rows(o / "i.gpkg"))
    assert found == [("L07", "", 0.4), ("L13", "110101", -10.0), ("L13", "110102", -10.0)], found
    with open(o / "s.csv", newline="", encoding="utf-8-sig") as f:
        names = [row[1] for row in list(csv.reader(f))[1:]]
    assert names == ["甲区", 'Bei "North",\nside'], names


def conversion_check(o: Path, _paths: dict) -> None:
    status = {r["status"]: r["area_ha"] for r in csv_rows(o / "s.csv") if not r["zone_id"]}
    assert {k: float(v) for k, v in status.items()} == {"same": pytest.approx(141.0), "path": pytest.approx(16.0)}


def parcels_check(o: Path, _paths: dict) -> None:
    verdicts = {r["parcel_id"]: r["verdict_en"] for r in ogr_rows(o / "p.gpkg")}
    assert len(verdicts) == 14 and list(verdicts.values()).count("fail") == 8 and verdicts["H"] == "fail"
    assert [r for r in ogr_rows(o / "p.gpkg") if r["parcel_id"] == "H"][0]["rule_ids"].startswith("P02")


def border_check(o: Path, _paths: dict) -> None:
    lines = [(r["kind"], r["admin_a"], r["admin_b"], r["length_m"]) for r in ogr_rows(o / "lines.gpkg")]
    assert lines == [("discontinuity", "A", "B", pytest.approx(100.0))], lines


def pdf_check(name: str, words: str) -> Callable[[Path, dict], None]:
    def check(o: Path, _paths: dict) -> None:
        pdfs = sorted(o.rglob("*.pdf"))
        assert pdfs, list(o.rglob("*"))
        text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True).stdout
        assert words in text, text[:500]
    return check


AREA = ["ZONES={zones}", "ZONE_ID=code", "CLASS_FIELD=lucc", "AREA_METHOD=1", "MASK=", "OUTPUT={o}/t.csv"]
VOUCHER = ["ZONES={zones}", "ZONE_ID=code", "ZONE_NAME=name", "GDP_FIELD=gdp", "POP_FIELD=pop", "ZONE_TABLE=",
           "BASE={base}", "BASE_CLASS_FIELD=lucc", "TARGET={target}", "TARGET_CLASS_FIELD=lucc", "MASK=",
           "COEFFICIENTS=", "AREA_METHOD=1", "REFERENCE=1", "PRICE=", "VOUCHER={o}/v.gpkg"]
GRID_VOUCHER = ["ZONES={grid}|layername=zones", "ZONE_ID=xzqdm", "GDP_FIELD=gdp", "POP_FIELD=pop",
                "BASE={grid}|layername=landuse", "BASE_CLASS_FIELD=dlbm", "BASE_SYSTEM=1", "TARGET_CLASS_FIELD=dlbm",
                "TARGET_SYSTEM=1", "VOUCHER={o}/v.gpkg"]
CONVERT = ["BEFORE_CLASS_FIELD=lucc", "BEFORE_SYSTEM=0", "AFTER_CLASS_FIELD=lucc", "AFTER_SYSTEM=0", "ZONES=",
           "WORKSPACE=", "POLICY=", "AREA_METHOD=1", "CONVERSIONS={o}/c.gpkg", "STATUS_SUMMARY={o}/s.csv"]
LINES = ["AREA_METHOD=1", "REDLINE=", "FARMLAND=", "URBAN=", "ADMIN=", "LANDUSE=", "ISSUES={o}/i.gpkg"]
PARCELS = ["PARCEL_ID=dkbh", "TYPE_FIELD=zzlx", "PROJECT_FIELD=xmbh", "CURRENT_FIELD=xzdl", "CURRENT_SYSTEM=1",
           "PLANNED_FIELD=ghdl", "PLANNED_SYSTEM=1", "WORKSPACE={parcels_ws}", "BEACHES=", "VILLAGES=", "UNITS=",
           "AREA_METHOD=1", "PARCEL_CHECKS={o}/p.gpkg"]
BORDER = ["ADMIN_ID=code", "CITY_FIELD=city", "CATEGORY_FIELD=category", "NAME_FIELD=", "CRS=",
          "CONFLICT_LINES={o}/lines.gpkg"]
# Outputs every run of an algorithm needs (qgis_process asks for each mandatory sink): left
# temporary unless a case names them.
SINKS = {"voucheraccounting": ["CLASSES", "SUMMARY", "UNKNOWN"], "vouchermarket": ["SUMMARY"],
         "threelinescheck": ["ISSUE_POINTS", "LINE_STATS", "NOTES"],
         "landuseconversion": ["TRANSITIONS", "STATUS_SUMMARY", "UNKNOWN"],
         "landuseconversionraster": ["TRANSITIONS", "UNKNOWN"],
         "parcelscheck": ["PARCEL_REASONS", "PROJECT_CHECKS", "VILLAGE_TOTALS"],
         "rulingobjective": ["ZONE_SUMMARY", "ADMIN_SUMMARY"],
         "bindingindicators": ["TABLE"], "unitledger": ["UNIT_GRADES", "CERTIFICATES", "PROJECT_CERTIFICATES"],
         "voucherledger": ["LEDGER_TRADES"], "framecatalogue": ["CATALOGUE_CITIES"],
         "frameindicators": ["INDICATOR_FINDINGS", "CATALOGUE_FINDINGS", "CATALOGUE_CITIES"],
         "framerounds": ["RETURN_LIST", "RETURN_SUMMARY"],
         "borderconflicts": ["BORDER_CONFLICTS", "SHARED_BORDERS", "PAIR_SUMMARY", "BASEMAP_ISSUES",
                             "BASEMAP_ISSUE_POINTS"]}
DAMAGED = ["holds 400 features but only", "could be read: the file is damaged"]
CORE_DAMAGED = ["cannot read layer 'landuse' of", "grid_mid.gpkg' after", "the file is damaged"]
DEGREES = ["metres", "Gauss-Kr"]
# Where metres are needed, data in degrees is worked on in the Gauss-Krüger zone of its centre.
ZONE_NOTE = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
             "data's centre; outputs are in EPSG:4548")
OVER_INPUT = ["over"]

CASES = [
    # Area by zone and class (tally)
    Case("area-vector", "areabyclass", AREA + ["LANDUSE={base}", "LANDUSE_RASTER="], True, [], ["t.csv"],
         tally_equals_cli()),
    Case("area-raster", "areabyclass", AREA[:2] + AREA[3:] + ["LANDUSE=", "CLASS_FIELD=", "LANDUSE_RASTER={base_tif}"],
         True, [], ["t.csv"], tally_equals_cli(("A", "B"), "base_tif")),
    # a file layer is read by the core itself: its read error names the layer, file and cause
    Case("area-damaged-page", "areabyclass", ["ZONES={grid}|layername=zones", "ZONE_ID=xzqdm",
                                              "LANDUSE={grid_mid}|layername=landuse", "CLASS_FIELD=dlbm",
                                              "OUTPUT={o}/t.csv"], False, CORE_DAMAGED),
    Case("area-damaged-root", "areabyclass", ["ZONES={grid}|layername=zones", "ZONE_ID=xzqdm",
                                              "LANDUSE={grid_root}|layername=landuse", "CLASS_FIELD=dlbm",
                                              "OUTPUT={o}/t.csv"], False, ["grid_root"]),
    Case("area-damaged-tiff", "areabyclass", AREA[:2] + AREA[4:] + ["LANDUSE_RASTER={tif_bad}"], False,
         ["target_bad"]),
    Case("area-truncated-tiff", "areabyclass", AREA[:2] + AREA[4:] + ["LANDUSE_RASTER={tif_cut}"], False,
         ["target_cut"]),
    Case("area-degrees-planar", "areabyclass", ["ZONES={zones_deg}", "ZONE_ID=code", "LANDUSE={base_deg}",
                                                "CLASS_FIELD=lucc", "AREA_METHOD=1", "OUTPUT={o}/t.csv"], False,
         DEGREES),
    Case("area-degrees-raster-planar", "areabyclass", ["ZONES={zones}", "ZONE_ID=code", "LANDUSE_RASTER={tif_deg}",
                                                       "AREA_METHOD=1", "OUTPUT={o}/t.csv"], False, DEGREES),
    Case("area-gbk-without-cpg", "areabyclass", ["ZONES={zones_gbk}"] + AREA[1:] + ["LANDUSE={base}"], False,
         ["zones_gbk", "GBK", "936"]),
    Case("area-empty-zone", "areabyclass", ["ZONES={zones_empty}"] + AREA[1:] + ["LANDUSE={base}"], False,
         ["zone 'B' (feature 2 of layer 'zones') has no geometry (an empty polygon)"]),
    # Area by survey unit (ZLDWDM): the land use's own codes
    Case("unit-no-code-field", "areabyunitcode", ["LANDUSE={base}", "CLASS_FIELD=lucc", "UNIT_CODE_FIELD=nocode",
                                                  "NAMES=", "OUTPUT={o}/t.csv"], False, ["nocode"]),
    Case("unit-damaged-page", "areabyunitcode", ["LANDUSE={grid_mid}|layername=landuse", "CLASS_FIELD=dlbm",
                                                 "UNIT_CODE_FIELD=dlbm", "LEVEL=3", "NAMES=", "OUTPUT={o}/t.csv"],
         False, CORE_DAMAGED),
    # Import into a workspace
    Case("import-nothing", "threelinesimport", ["REDLINE=", "FARMLAND=", "URBAN=", "ADMIN=", "ECO_UNITS=", "CRS=",
                                                "OUTPUT={o}/w.gpkg"], False, ["at least one layer"]),
    Case("import-over-input", "threelinesimport", ["ADMIN={zones}", "ADMIN_ID=code", "OUTPUT={zones}"], False,
         OVER_INPUT),
    # Priorities
    Case("ruling-no-type-field", "rulingobjective", ["ZONES={zones}", "TYPE_FIELD=notype", "LANDUSE={base}",
                                                     "CLASS_FIELD=lucc", "ADMIN=", "CONTROLLED={o}/r.gpkg"], False,
         ["notype"]),
    # Binding plan indicators, unit ledger, voucher accounts over years, the provincial framework
    Case("indicators-no-code-field", "bindingindicators", ["ADMIN={zones}", "ADMIN_CODE=nocode", "ADMIN_NAME=",
                                                           "LANDUSE={base}", "CLASS_FIELD=lucc", "BEFORE=",
                                                           "FARMLAND=", "CSV=", "UNITS={o}/u.gpkg"], False,
         ["nocode"]),
    Case("ledger-no-parcel-id", "unitledger", ["PARCELS={base}", "PARCEL_ID=noid", "CURRENT_FIELD=lucc",
                                               "PLANNED_FIELD=lucc", "UNITS=", "REDLINE=", "BEACHES=",
                                               "UNIT_LEDGER={o}/l.gpkg"], False, ["noid"]),
    Case("accounts-years-mismatch", "voucherledger", [p for p in VOUCHER if not p.startswith(("TARGET", "VOUCHER"))]
         + ["SURVEYS={target}", "SURVEY_YEARS=2020,2021", "SURVEY_CLASS_FIELD=lucc", "LEDGER={o}/l.gpkg"], False,
         ["2020,2021"]),
    Case("frame-catalogue-missing", "framecatalogue", ["CATALOGUE={o}/none.csv", "CATALOGUE_LAYER=", "COUNTIES=",
                                                       "ELEMENTS={zones}", "CITY_FIELD=code", "ELEMENT_FIELD=code",
                                                       "NAME_FIELD=", "CATALOGUE_FINDINGS={o}/f.gpkg"], False,
         ["none.csv"]),
    Case("frame-indicators-no-city-field", "frameindicators", ["CATALOGUE={o}/none.csv", "CATALOGUE_LAYER=",
                                                               "THRESHOLDS=", "COUNTIES=", "ELEMENTS={zones}",
                                                               "CITY_FIELD=nocity", "ELEMENT_FIELD=code",
                                                               "NAME_FIELD=", "DEM=", "LANDUSE=", "CRS=",
                                                               "ELEMENT_INDICATORS={o}/e.gpkg"], False,
         ["nocity"]),
    Case("frame-rounds-not-a-gpkg", "framerounds", ["PREVIOUS={notgpkg}", "PREVIOUS_MORE=", "CURRENT={notgpkg}",
                                                    "CURRENT_MORE=", "ROUND_COMPARISON={o}/r.gpkg"], False,
         ["notgpkg"]),
    Case("return-report-wrong-layer", "returnlistreport", ["RETURN_LIST={zones}", "CITY=",
                                                           "OUTPUT_FOLDER={o}/reports"], False,
         ["is not a return list: it lacks the fields city_id"]),
    Case("partitioned-no-counties", "partitionedrun", ["COMMAND=0", "PARTITIONS={o}", "OPTIONS=--zones x",
                                                       "SCHEDULER=", "GUOTU=", "OUTPUT={o}/p.gpkg"], False,
         ["county"]),
    Case("pareto-unknown-objective", "paretosites", ["SITES={zones}", "OBJECTIVES=nosuch:max", "LANDUSE=",
                                                     "REDLINE=", "RANKED={o}/r.gpkg"], False, ["nosuch"]),
    Case("area-output-over-input", "areabyclass", AREA[:-1] + ["LANDUSE={base}", "OUTPUT={zones}"], False,
         OVER_INPUT),
    Case("area-no-zone-field", "areabyclass", ["ZONES={zones}", "ZONE_ID=nocode", "LANDUSE={base}",
                                               "CLASS_FIELD=lucc", "OUTPUT={o}/t.csv"], False, ["nocode"]),
    Case("area-not-a-gpkg", "areabyclass", AREA + ["LANDUSE={notgpkg}"], False, ["notgpkg"]),
    # Voucher accounting and market
    Case("voucher", "voucheraccounting", VOUCHER, True, [], ["v.gpkg"], voucher_check),
    Case("voucher-damaged-target", "voucheraccounting", GRID_VOUCHER + ["TARGET={grid_mid}|layername=landuse"],
         False, DAMAGED),
    Case("voucher-damaged-tiff", "voucheraccounting",
         [p for p in VOUCHER if not p.startswith(("BASE", "TARGET"))] +
         ["BASE=", "TARGET=", "BASE_RASTER={base_tif}", "TARGET_RASTER={tif_bad}"], False, ["target_bad"]),
    Case("voucher-empty-gdp", "voucheraccounting",
         ["ZONES={zones_nogdp}", "ZONE_NAME="] + [p for p in VOUCHER if not p.startswith(("ZONES=", "ZONE_NAME"))],
         False, ["gdp"]),
    Case("voucher-gbk-without-cpg", "voucheraccounting",
         ["ZONES={zones_gbk}", "ZONE_NAME="] + [p for p in VOUCHER if not p.startswith(("ZONES=", "ZONE_NAME"))],
         False, ["zones_gbk", "GBK", "936"]),
    Case("voucher-table-nan", "voucheraccounting",
         [p for p in VOUCHER if not p.startswith("ZONE_TABLE=")] +
         ["ZONE_TABLE={table_nan}", "TABLE_ID=code", "TABLE_GDP=gdp", "TABLE_POP=pop"], False,
         ['the GDP field "gdp" is "nan"; a number is needed']),
    Case("voucher-output-over-input", "voucheraccounting", VOUCHER[:-1] + ["VOUCHER={target}"], False, OVER_INPUT),
    Case("voucher-degrees-planar", "voucheraccounting",
         ["ZONES={zones_deg}", "BASE={base_deg}", "TARGET={target_deg}"] +
         [p for p in VOUCHER if not p.startswith(("ZONES=", "BASE=", "TARGET="))], False, DEGREES),
    Case("market", "vouchermarket", ["VOUCHERS={vouchers}", "PRICE=1000", "CAP=", "TRADES={o}/trades.gpkg",
                                     "SUMMARY={o}/market.csv"], True, [], ["trades.gpkg", "market.csv"],
         market_check),
    Case("market-no-e-field", "vouchermarket", ["VOUCHERS={zones}", "ZONE_ID=code", "PRICE=1000",
                                                "TRADES={o}/trades.gpkg"], False, ["e_ha"]),
    # Three lines
    Case("workspace", "threelinesworkspace", ["CRS=EPSG:4527", "OUTPUT={o}/ws.gpkg"], True, [], ["ws.gpkg"],
         workspace_check),
    Case("workspace-degrees", "threelinesworkspace", ["CRS=EPSG:4490", "OUTPUT={o}/ws.gpkg"], False,
         DEGREES + ["the data the workspace is for"]),
    Case("workspace-degrees-zone-from", "threelinesworkspace", ["CRS=EPSG:4490", "ZONE_FROM={admin_deg}",
                                                                "OUTPUT={o}/ws.gpkg"], True, ["EPSG:4548"],
         ["ws.gpkg"], workspace_check),
    Case("workspace-over-workspace", "threelinesworkspace", ["CRS=EPSG:4527", "OUTPUT={ws}"], False, ["ws.gpkg"]),
    Case("lines", "threelinescheck", ["WORKSPACE={ws}", "STATS_CSV={o}/s.csv"] + LINES, True, [],
         ["i.gpkg", "s.csv"], lines_check),
    Case("lines-degrees", "threelinescheck", ["WORKSPACE={ws_deg}", "STATS_CSV={o}/s.csv"] + LINES, True,
         [ZONE_NOTE], ["i.gpkg", "s.csv"], lines_check),
    Case("lines-stats-over-workspace", "threelinescheck", ["WORKSPACE={ws}", "STATS_CSV={ws}"] + LINES, False,
         OVER_INPUT),
    Case("lines-negative-target", "threelinescheck", ["WORKSPACE={ws_neg}"] + LINES, False,
         ["admin unit '110101' (feature 1): its red-line target (ha) is -5"]),
    Case("lines-damaged-red-line", "threelinescheck",
         ["WORKSPACE={ws}", "REDLINE={grid_mid}|layername=landuse"] + [p for p in LINES if p != "REDLINE="], False,
         DAMAGED),
    Case("lines-damaged-workspace", "threelinescheck", ["WORKSPACE={ws_bad}"] + LINES, False,
         ["ws_bad.gpkg\" cannot be read: the file is damaged."]),
    # Land-use conversion (vector, raster) and its report
    Case("conversion", "landuseconversion", ["BEFORE={base}", "AFTER={target}"] + CONVERT, True, [],
         ["c.gpkg", "s.csv"], conversion_check),
    Case("conversion-damaged-before", "landuseconversion",
         ["BEFORE={grid_mid}|layername=landuse", "AFTER={grid}|layername=landuse", "BEFORE_CLASS_FIELD=dlbm",
          "AFTER_CLASS_FIELD=dlbm", "BEFORE_SYSTEM=1", "AFTER_SYSTEM=1", "CONVERSIONS={o}/c.gpkg"], False,
         ["cannot read layer 'landuse' of", "grid_mid.gpkg", "the file is damaged"]),  # the core's file reader
    Case("conversion-degrees-planar", "landuseconversion", ["BEFORE={base_deg}", "AFTER={target_deg}"] + CONVERT,
         False, DEGREES),
    Case("conversion-raster-damaged", "landuseconversionraster",
         ["BEFORE={base_tif}", "AFTER={tif_bad}", "BEFORE_SYSTEM=0", "AFTER_SYSTEM=0", "POLICY=",
          "STATUS_RASTER={o}/status.tif", "STATUS_SUMMARY={o}/s.csv"], False, ["target_bad"]),
    Case("conversion-raster", "landuseconversionraster",
         ["BEFORE={base_tif}", "AFTER={target_tif}", "BEFORE_SYSTEM=0", "AFTER_SYSTEM=0", "POLICY=", "AREA_METHOD=1",
          "STATUS_RASTER={o}/status.tif", "STATUS_SUMMARY={o}/s.csv"], True, [], ["status.tif", "s.csv"],
         conversion_check),
    Case("conversion-report-wrong-layer", "conversionreport",
         ["CONVERSIONS={base}", "TRANSITIONS={base}", "STATUS_SUMMARY={base}", "UNKNOWN={base}",
          "OUTPUT={o}/r.pdf"], False, ['Layer "base" has no fields from_category, to_category, status, area_ha, '
                                        'zone_id: is it an output of the land-use conversion?']),
    # Parcels, border and their reports
    Case("parcels", "parcelscheck", ["PARCELS={parcels}"] + PARCELS, True, [], ["p.gpkg"], parcels_check),
    Case("parcels-gbk-without-cpg", "parcelscheck", ["PARCELS={parcels_gbk}"] + PARCELS, False,
         ["zzdk_gbk", "GBK", "936"]),
    Case("parcels-degrees-planar", "parcelscheck", ["PARCELS={parcels_deg}"] + PARCELS, False, DEGREES),
    Case("parcels-damaged-workspace", "parcelscheck", ["PARCELS={parcels}", "WORKSPACE={ws_bad}"] +
         [p for p in PARCELS if not p.startswith("WORKSPACE=")], False,
         ["ws_bad.gpkg\" cannot be read: the file is damaged."]),
    Case("parcels-report-wrong-layer", "parcelsreport", ["PARCEL_CHECKS={base}", "PARCEL_REASONS={base}",
                                                          "OUTPUT_FOLDER={o}/r"], False,
         ['Layer "base" has no field "verdict_en": is it an output of the parcel check?']),
    Case("border", "borderconflicts", ["ADMIN={admin}", "ELEMENTS={elements}"] + BORDER, True, [], ["lines.gpkg"],
         border_check),
    Case("border-degrees", "borderconflicts", ["ADMIN={admin_deg}", "ELEMENTS={elements_deg}"] + BORDER, True,
         ["EPSG:4548", "Gauss-Krüger zone of the data's centre"], ["lines.gpkg"], border_check),
    Case("border-damaged-elements", "borderconflicts", ["ADMIN={admin}", "ELEMENTS={grid_mid}|layername=landuse",
                                                         "CITY_FIELD=dlbm", "CATEGORY_FIELD=dlbm", "ADMIN_ID=code",
                                                         "NAME_FIELD=", "CRS=", "CONFLICT_LINES={o}/lines.gpkg"],
         False, DAMAGED),
    Case("border-report-wrong-layer", "borderreport", ["SHARED_BORDERS={base}", "CONFLICT_LINES={base}",
                                                        "OUTPUT_FOLDER={o}/r"], False,
         ['Layer "base" has no field "status": is it an output of the border comparison?']),
]


@pytest.fixture(scope="module")
def environment(plugin_root: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("home")
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "xdg"), QT_QPA_PLATFORM="offscreen",
               QGIS_PLUGINPATH=str(plugin_root), LC_ALL="C.UTF-8")
    env.pop("GUOTU_LIBRARY", None)
    enable = subprocess.run([QGIS_PROCESS, "plugins", "enable", "guotu"], env=env, capture_output=True, text=True)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    return env


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("catalogue") / "data"
    paths = {k: str(v) for k, v in cd.write_all(folder, GUOTU).items()}
    # The market's input: the tool's voucher accounting of the hand zones.
    vouchers = folder / "vouchers.gpkg"
    res = subprocess.run([str(GUOTU), "voucher", "--zones", paths["zones"], "--zone-id", "code", "--gdp-field", "gdp",
                          "--pop-field", "pop", "--base", paths["base"], "--base-class-field", "lucc", "--target",
                          paths["target"], "--target-class-field", "lucc", "--reference", "zones", "--area", "planar",
                          "-o", str(vouchers)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    paths["vouchers"] = f"{vouchers}|layername=voucher"
    return folder, paths


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, data: tuple, environment: dict, tmp_path: Path) -> None:
    folder, paths = data
    before = cd.fingerprint(folder)
    params = [p.format(o=tmp_path, **paths) for p in case.params]
    given = {p.split("=", 1)[0] for p in params}
    params += [f"{name}=TEMPORARY_OUTPUT" for name in SINKS.get(case.algorithm, []) if name not in given]
    run = subprocess.run([QGIS_PROCESS, "run", f"guotu:{case.algorithm}", "--", *params], env=environment,
                         capture_output=True, text=True, timeout=120)
    said = run.stdout + run.stderr
    assert (run.returncode == 0) == case.ok, said
    for words in case.says:
        assert words in said, (words, said)
    after = cd.fingerprint(folder)
    # QGIS itself stores a raster's min/max statistics beside it (GDAL's .aux.xml) whenever it
    # opens one, plugin or not; the raster's own bytes are compared like every other input.
    sidecars = {name for name in set(after) - set(before) if name.endswith(".tif.aux.xml")}
    assert {k: v for k, v in after.items() if k not in sidecars} == before, "an input was changed"
    assert cd.leftovers(folder) == [] and cd.leftovers(tmp_path) == []
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    if case.ok:
        assert set(case.outputs) <= set(written), written
        case.check(tmp_path, paths)
    else:
        assert written == [], written


def test_catalogue_covers_every_algorithm(guotu) -> None:
    from guotu.processing.provider import GuotuProvider

    provider = GuotuProvider()
    provider.loadAlgorithms()
    assert {a.name() for a in provider.algorithms()} == {c.algorithm for c in CASES}


# ---------------------------------------------------------------- a full disk

FULL_DISK = [
    ("area-csv", "areabyclass", AREA + ["LANDUSE={base}"]),  # QGIS's CSV writer loses it without an error
    ("area-gpkg", "areabyclass", AREA[:-1] + ["LANDUSE={base}", "OUTPUT={o}/t.gpkg"]),
    ("conversion", "landuseconversion", ["BEFORE={base}", "AFTER={target}"] + CONVERT),
    ("lines-stats-csv", "threelinescheck", ["WORKSPACE={ws}", "STATS_CSV={o}/s.csv"] + LINES),
]


@pytest.fixture(scope="module")
def full_disk(tmp_path_factory):
    """A 64 kB tmpfs, mounted when the machine allows it (root in a container that may mount)."""
    mount = tmp_path_factory.mktemp("full")
    res = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True,
                         text=True)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill ({res.stderr.strip() or 'mount failed'})")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


@pytest.mark.parametrize("name,algorithm,params", FULL_DISK, ids=[n for n, _a, _p in FULL_DISK])
def test_full_disk(name: str, algorithm: str, params: list, data: tuple, environment: dict,
                   full_disk: Path) -> None:
    """Outputs on a full disk: the run fails saying so, and leaves nothing on the disk."""
    folder, paths = data
    for p in full_disk.iterdir():
        p.unlink()
    f = open(full_disk / "filler", "wb", buffering=0)
    try:
        while True:
            f.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        f.close()
    params = [p.format(o=full_disk, **paths) for p in params]
    given = {p.split("=", 1)[0] for p in params}
    params += [f"{n}=TEMPORARY_OUTPUT" for n in SINKS.get(algorithm, []) if n not in given]
    run = subprocess.run([QGIS_PROCESS, "run", f"guotu:{algorithm}", "--", *params], env=environment,
                         capture_output=True, text=True, timeout=120)
    said = run.stdout + run.stderr
    assert run.returncode != 0, said
    assert "disk is full" in said, said  # ours, or SQLite's "database or disk is full"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
