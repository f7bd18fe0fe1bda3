"""The bad-input catalogue of issue 14 for the guotu tool: every subcommand against damaged
GeoPackages and GeoTIFFs, missing and foreign files, degrees where metres are needed, GBK
shapefiles without .cpg, outputs over inputs, missing fields, invalid geometry, a full disk
and signals. One table of cases (data, not code): each names its arguments, the exit status
and the words its message must hold — an error naming the layer, feature or field, or the
issue in the output, or the right result (checked by a function with the hand values of
tests/catalogue_data.py). After every case the inputs are byte for byte what they were, no
temporary file or journal is left anywhere, and a failed run wrote no output."""
from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Sequence

import pytest
from osgeo import ogr

from cli_support import guotu_binary, run_guotu

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import catalogue_data as cd  # noqa: E402
import damaged_files  # noqa: E402


class Case(NamedTuple):
    id: str
    args: Sequence[str]          # "{name}" is a path of catalogue_data, "{o}" the case's output folder
    status: int                  # exit status
    says: Sequence[str] = ()     # words of stderr (errors) or stdout+stderr (results)
    check: Optional[Callable[[Path], None]] = None  # the result, from the output folder
    outputs: Sequence[str] = ()  # files a successful run writes into {o}


# ---------------------------------------------------------------- the hand values of the results

def rows(path: Path, layer: str) -> list:
    ds = ogr.Open(str(path))
    return [f.items() for f in ds.GetLayerByName(layer)]


def tally_csv(path: Path) -> dict:
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["zone_id"], r["class_code"]): float(r["area_ha"]) for r in csv.DictReader(f)}


def base_table(name: str, rel: float = 0.0, zones=("A", "B")) -> Callable[[Path], None]:
    """The tally of the 2010 land use: BASE_HA (exact when planar; within rel when ellipsoidal)."""
    def check(o: Path) -> None:
        got = tally_csv(o / name)
        expected = {(dict(zip(("A", "B"), zones))[z], c): v for (z, c), v in cd.BASE_HA.items()}
        assert set(got) == set(expected), got
        for key, value in expected.items():
            assert got[key] == pytest.approx(value, rel=rel, abs=1e-6), key
    return check


def class_table(o: Path) -> None:
    """Every class listed with its hand area; no row for the zones' other values."""
    base_table("t.csv")(o)


def empty_class(o: Path) -> None:
    assert tally_csv(o / "t.csv") == {("A", "21"): pytest.approx(1.0), ("A", ""): pytest.approx(1.0)}


def overlapping_zones(o: Path) -> None:
    got = tally_csv(o / "t.csv")  # B = [500,2000]: its rows hold A's 12 and 21 as well
    assert got[("B", "12")] == pytest.approx(40.0) and got[("A", "12")] == pytest.approx(20.0)
    assert got[("B", "21")] == pytest.approx(25.0 + 0.0) and got[("A", "21")] == pytest.approx(16.0)


def conversion(o: Path, rel: float = 0.0) -> None:
    status = {r["status"]: r["area_ha"] for r in rows(o / "c.gpkg", "status_summary") if not r["zone_id"]}
    assert status == {"same": pytest.approx(141.0, rel=rel), "path": pytest.approx(16.0, rel=rel)}, status
    pieces = rows(o / "c.gpkg", "conversions")
    assert len(pieces) == 4


def conversion_degrees(o: Path) -> None:
    conversion(o, rel=1e-4)


def unknown_codes(o: Path) -> None:
    unknown = {r["class_code"]: r["area_ha"] for r in rows(o / "c.gpkg", "unknown_codes") if r["layer"] == "before"}
    assert unknown == {"0301": pytest.approx(116.0, rel=1e-4), "0101": pytest.approx(40.0, rel=1e-4),
                       "1101": pytest.approx(1.0, rel=1e-4)}


def raster_conversion(o: Path) -> None:
    status = {r["status"]: r["area_ha"] for r in rows(o / "c.gpkg", "status_summary")}
    assert status == {"same": pytest.approx(141.0), "path": pytest.approx(16.0)}, status


def gbk_codes(o: Path) -> None:
    unknown = [(r["layer"], r["class_code"], r["area_ha"]) for r in rows(o / "c.gpkg", "unknown_codes")]
    assert unknown == [("after", "9999", pytest.approx(1.0))], unknown


def voucher_result(o: Path) -> None:
    zones = {r["zone_id"]: r for r in rows(o / "v.gpkg", "voucher")}
    assert zones["A"]["dm_ha"] == pytest.approx(-16.0) and zones["B"]["dm_ha"] == 0.0
    assert zones["A"]["zone_name"] == "甲乡"


def voucher_gbk(o: Path) -> None:
    zones = {r["zone_id"]: r for r in rows(o / "v.gpkg", "voucher")}
    assert zones["甲乡"]["dm_ha"] == pytest.approx(-16.0) and zones["乙镇"]["dm_ha"] == 0.0


def workspace_made(o: Path) -> None:
    ds = ogr.Open(str(o / "ws.gpkg"))
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    assert {"ecological_redline", "permanent_farmland", "urban_boundary", "admin_units"} <= names


def lines_result(o: Path) -> None:
    found = sorted((r["rule_id"], r["admin_code"], round(r["value"], 2)) for r in rows(o / "i.gpkg", "issues"))
    # The 0.4 m sliver of farmland; red lines of 20 and 0 ha under targets of 30 and 10 ha.
    assert found == [("L07", "", 0.4), ("L13", "110101", -10.0), ("L13", "110102", -10.0)], found
    # Names with quotes, a comma and a newline stay one CSV field.
    with open(o / "s.csv", newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    names = [row[1] for row in table[1:]]
    assert names == ["甲区", 'Bei "North",\nside'], table


def parcels_result(o: Path) -> None:
    verdicts = {r["parcel_id"]: r["verdict_en"] for r in rows(o / "p.gpkg", "parcel_checks")}
    assert len(verdicts) == 14 and sorted(verdicts.values()).count("fail") == 8
    assert verdicts["H"] == "fail"  # 未知类型: P02 unknown project type, read in its own characters


def border_result(o: Path) -> None:
    lines = [(r["kind"], r["admin_a"], r["admin_b"], r["side"], r["length_m"])
             for r in rows(o / "b.gpkg", "border_conflict_lines")]
    # A's red line at y 400-500 has nothing across the border in B.
    assert lines == [("discontinuity", "A", "B", "B", pytest.approx(100.0))], lines
    assert rows(o / "b.gpkg", "border_conflicts") == []


def grid_table(o: Path) -> None:
    # 400 parcels of 0.25 ha: 100 ha, half 0101, half 0301.
    assert tally_csv(o / "t.csv") == {("Z1", "0101"): pytest.approx(50.0, rel=1e-6),
                                      ("Z1", "0301"): pytest.approx(50.0, rel=1e-6)}


# ---------------------------------------------------------------- the commands

def tally(*extra: str, zones: str = "{zones}", landuse: str = "{base}", out: str = "{o}/t.csv") -> list:
    args = ["tally", "--zones", zones, "--zone-id", "code", "--landuse", landuse, "-o", out, *extra]
    return args if "tif" in landuse else args + ["--class-field", "lucc"]


def grid_tally(landuse: str, out: str = "{o}/t.csv") -> list:
    return ["tally", "--zones", "{grid}", "--zones-layer", "zones", "--zone-id", "xzqdm", "--landuse", landuse,
            "--landuse-layer", "landuse", "--class-field", "dlbm", "-o", out]


def convert(*extra: str, before: str = "{base}", after: str = "{target}", out: str = "{o}/c.gpkg",
            field: str = "lucc") -> list:
    classes = [] if "tif" in before else ["--before-class-field", field, "--after-class-field", "lucc"]
    return ["convert", "--before", before, "--before-system", "CAS_LUCC", "--after", after, "--after-system",
            "CAS_LUCC", *classes, "-o", out, *extra]


def grid_convert(before: str, after: str) -> list:
    return ["convert", "--before", before, "--before-layer", "landuse", "--before-class-field", "dlbm",
            "--before-system", "SANDIAO_WORK", "--after", after, "--after-layer", "landuse", "--after-class-field",
            "dlbm", "--after-system", "SANDIAO_WORK", "-o", "{o}/c.gpkg"]


def voucher(*extra: str, zones: str = "{zones}", base: str = "{base}", target: str = "{target}",
            out: str = "{o}/v.gpkg", gdp: str = "gdp") -> list:
    classes = [] if "tif" in target else ["--base-class-field", "lucc", "--target-class-field", "lucc"]
    return ["voucher", "--zones", zones, "--zone-id", "code", "--zone-name", "name", "--gdp-field", gdp,
            "--pop-field", "pop", "--base", base, "--target", target, *classes, "--reference", "zones", "-o", out,
            *extra]


def lines(*extra: str, ws: str = "{ws}", out: str = "{o}/i.gpkg") -> list:
    return ["lines", "check", "--workspace", ws, "--area", "planar", "-o", out, *extra]


def parcels(*extra: str, parcels_: str = "{parcels}", out: str = "{o}/p.gpkg", ws: str = "{parcels_ws}",
            type_field: str = "zzlx") -> list:
    return ["parcels", "check", "--parcels", parcels_, "--parcel-id", "dkbh", "--type-field", type_field,
            "--project-field", "xmbh", "--current-field", "xzdl", "--current-system", "SANDIAO_WORK",
            "--planned-field", "ghdl", "--planned-system", "SANDIAO_WORK", "--workspace", ws, "--area", "planar",
            "-o", out, *extra]


def border(*extra: str, admin: str = "{admin}", elements: str = "{elements}", out: str = "{o}/b.gpkg",
           city: str = "city") -> list:
    return ["border", "--admin", admin, "--admin-id", "code", "--elements", elements, "--city-field", city,
            "--category-field", "category", "-o", out, *extra]


DAMAGED = ["layer 'landuse' of", "the file is damaged"]
DEGREES = ["needs metres", "geographic (degrees)", "Gauss-Krüger"]
# Where metres are needed, data in degrees is worked on in the Gauss-Krüger zone of its centre.
ZONE_NOTE = ("reprojected from EPSG:4490 to EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E), the zone of the "
             "data's centre; outputs are in EPSG:4548")
OVER_INPUT = ["refusing to write the output", "over the input"]
NO_SUCH = ["no such file"]
NOT_GIS = ["it is empty, damaged or in no format GDAL reads"]
BAD_TIFF = ["cannot read rows", "TIFFReadEncodedTile() failed"]
GBK = ["is not UTF-8 text (a GBK file read without its encoding?)"]

CASES = [
    # tally: right results first, then every way a land use or zones can be wrong
    Case("tally-planar", tally("--area", "planar"), 0, ["tallied: 82.00 ha in 5 (zone, class) rows"], class_table,
         ["t.csv"]),
    Case("tally-ellipsoidal", tally(), 0, ["land use: 4 polygons"], base_table("t.csv", rel=1e-4), ["t.csv"]),
    Case("tally-raster-planar", tally("--area", "planar", landuse="{base_tif}"), 0, [],
         base_table("t.csv"), ["t.csv"]),
    Case("tally-grid-intact", grid_tally("{grid}"), 0, [], grid_table, ["t.csv"]),
    Case("tally-damaged-gpkg-page", grid_tally("{grid_mid}"), 1, DAMAGED + ["grid_mid.gpkg"]),
    Case("tally-damaged-gpkg-root", grid_tally("{grid_root}"), 1, ["grid_root.gpkg", "damaged"]),
    Case("tally-damaged-zones", ["tally", "--zones", "{grid_root}", "--zones-layer", "landuse", "--zone-id", "dlbm",
                                 "--landuse", "{base}", "--class-field", "lucc", "-o", "{o}/t.csv"], 1,
         ["grid_root.gpkg", "damaged"]),
    Case("tally-damaged-tiff-tile", tally(landuse="{tif_bad}"), 1, BAD_TIFF + ["target_bad.tif"]),
    Case("tally-truncated-tiff", tally(landuse="{tif_cut}"), 1, BAD_TIFF + ["target_cut.tif"]),
    Case("tally-missing-land-use", tally(landuse="{o}/nothere.gpkg"), 1, NO_SUCH + ["nothere.gpkg"]),
    Case("tally-missing-raster", tally(landuse="{o}/nothere.tif"), 1,
         ["the land-use layer", "nothere.tif' does not exist"]),
    Case("tally-missing-zones", tally(zones="{o}/nothere.gpkg"), 1, NO_SUCH),
    Case("tally-not-a-gpkg", tally(landuse="{notgpkg}"), 1, NOT_GIS + ["notgpkg.gpkg"]),
    Case("tally-empty-file", tally(landuse="{empty}"), 1, NOT_GIS + ["empty.gpkg"]),
    Case("tally-degrees-planar", tally("--area", "planar", zones="{zones_deg}", landuse="{base_deg}"), 1,
         ["planar area"] + DEGREES),
    Case("tally-degrees-ellipsoidal", tally(zones="{zones_deg}", landuse="{base_deg}"), 0, [],
         base_table("t.csv", rel=1e-4), ["t.csv"]),
    Case("tally-degrees-raster-planar", tally("--area", "planar", landuse="{tif_deg}"), 1, ["planar area"] + DEGREES),
    Case("tally-gbk-without-cpg", tally(zones="{zones_gbk}"), 1, GBK + ["layer 'zones_gbk'"]),
    Case("tally-gbk-with-encoding", tally("--encoding", "CP936", "--area", "planar", zones="{zones_gbk}"), 0, [],
         base_table("t.csv", zones=("甲乡", "乙镇")), ["t.csv"]),
    Case("tally-output-over-input", tally(out="{base}"), 1, OVER_INPUT + ["base.gpkg"]),
    Case("tally-output-folder-missing", tally(out="{o}/no/t.csv"), 1, ["cannot write", "no/t.csv"]),
    Case("tally-no-zone-field", ["tally", "--zones", "{zones}", "--zone-id", "nocode", "--landuse", "{base}",
                                 "--class-field", "lucc", "-o", "{o}/t.csv"], 1,
         ["layer 'zones' of", "has no field 'nocode' (fields: code, name, gdp, pop)"]),
    Case("tally-no-class-field", tally()[:-1] + ["kind"], 1, ["layer 'landuse' of", "has no field 'kind'"]),
    Case("tally-invalid-fail", tally("--invalid", "fail", landuse="{bowtie}"), 1,
         ["invalid geometry in layer 'landuse', feature 2", "Self-intersection"]),
    Case("tally-invalid-repair", tally("--area", "planar", landuse="{bowtie}"), 0,
         ["repaired"], None, ["t.csv"]),
    Case("tally-no-geometry", tally(landuse="{nullgeom}"), 1, ["feature 2 of layer 'landuse' has no geometry"]),
    Case("tally-empty-class", tally("--area", "planar", landuse="{nullclass}"), 0,
         ["empty class: 1 polygons, 1.00 ha inside zones (reported as class '')"], empty_class, ["t.csv"]),
    Case("tally-empty-zone", tally(zones="{zones_empty}"), 1,
         ["zone 'B' (feature 2 of layer 'zones') has no geometry (an empty polygon)"]),
    Case("tally-overlapping-zones", tally("--area", "planar", zones="{zones_overlap}"), 0,
         ["1 pairs of zones overlap (50.0000 ha in all", "counts that ground twice"], overlapping_zones, ["t.csv"]),
    # convert
    Case("convert-vector", convert("--area", "planar"), 0, ["same                 141.00 ha"], conversion, ["c.gpkg"]),
    Case("convert-degrees-ellipsoidal", convert(after="{target_deg}"), 0, ["reprojecting the after layer"],
         conversion_degrees, ["c.gpkg"]),
    Case("convert-degrees-planar", convert("--area", "planar", before="{base_deg}", after="{target_deg}"), 1,
         ["planar area"] + DEGREES),
    Case("convert-unknown-codes", convert(field="dlbm"), 0, ["code '0301' of the before layer has no category"],
         unknown_codes, ["c.gpkg"]),
    Case("convert-empty-zone", convert("--zones", "{zones_empty}", "--zone-id", "code"), 1,
         ["zone 'B' (feature 2 of layer 'zones') has no geometry (an empty polygon)"]),
    Case("convert-category-twice", convert("--before-categories", "{categories_twice}"), 1,
         ["category map", "categories_twice.csv', line 3: code '21' is listed twice"]),
    Case("convert-policy-unknown-category", convert("--policy", "{policy_unknown}"), 1,
         ["policy_unknown.csv', line 2: unknown category 'cropland'"]),
    Case("convert-damaged-before", grid_convert("{grid_mid}", "{grid}"), 1, DAMAGED + ["grid_mid.gpkg"]),
    Case("convert-damaged-after-root", grid_convert("{grid}", "{grid_root}"), 1, ["grid_root.gpkg", "damaged"]),
    Case("convert-raster", convert("--area", "planar", before="{base_tif}", after="{target_tif}"), 0, [],
         raster_conversion, ["c.gpkg", "c_conversions.tif", "c_conversions.tif.aux.xml"]),
    Case("convert-damaged-tiff", convert(before="{base_tif}", after="{tif_bad}"), 1, BAD_TIFF),
    Case("convert-truncated-tiff", convert(before="{tif_cut}", after="{target_tif}"), 1, BAD_TIFF),
    Case("convert-rasters-on-other-grids", convert(before="{base_tif}", after="{tif_deg}"), 1,
         ["the rasters are on different grids", "--resample-to"]),
    Case("convert-output-over-input", convert(out="{target}"), 1, OVER_INPUT + ["target.gpkg"]),
    Case("convert-unknown-system", convert()[:4] + ["NOPE"] + convert()[5:], 2,
         ["systems must be CAS_LUCC, SANDIAO_WORK, GBT21010_2017 or YDYH_2023"]),
    Case("convert-not-a-gpkg", convert(before="{notgpkg}"), 1, NOT_GIS),
    Case("convert-no-class-field", convert(field="kind"), 1, ["has no field 'kind'"]),
    # A GBK shapefile whose class codes are ASCII digits: the codes are read right, the Chinese
    # project types are not used (only 9999 of parcel I is unknown).
    Case("convert-gbk-ascii-codes", ["convert", "--before", "{parcels_gbk}", "--before-class-field", "xzdl",
                                     "--before-system", "SANDIAO_WORK", "--after", "{parcels_gbk}",
                                     "--after-class-field", "ghdl", "--after-system", "SANDIAO_WORK", "--area",
                                     "planar", "-o", "{o}/c.gpkg"], 0, ["code '9999' of the after layer"],
         gbk_codes, ["c.gpkg"]),
    # voucher
    Case("voucher-vector", voucher("--area", "planar"), 0, ["standard forest: 43.10 ha (base) -> 27.10 ha (target)"],
         voucher_result, ["v.gpkg"]),
    Case("voucher-damaged-target", ["voucher", "--zones", "{grid}", "--zones-layer", "zones", "--zone-id", "xzqdm",
                                    "--gdp-field", "gdp", "--pop-field", "pop", "--base", "{grid}", "--base-layer",
                                    "landuse", "--base-class-field", "dlbm", "--base-system", "SANDIAO_WORK",
                                    "--target", "{grid_mid}", "--target-layer", "landuse", "--target-class-field",
                                    "dlbm", "--target-system", "SANDIAO_WORK", "-o", "{o}/v.gpkg"], 1,
         DAMAGED + ["grid_mid.gpkg"]),
    Case("voucher-damaged-tiff", voucher(base="{base_tif}", target="{tif_bad}"), 1, BAD_TIFF),
    Case("voucher-empty-gdp", voucher(zones="{zones_nogdp}")[:5] + voucher(zones="{zones_nogdp}")[7:], 1,
         ["feature 2 of layer 'zones': the GDP field 'gdp' is empty; a number is needed"]),
    Case("voucher-no-gdp-field", voucher(gdp="nogdp"), 1, ["layer 'zones' of", "has no field 'nogdp'"]),
    Case("voucher-degrees-planar", voucher("--area", "planar", zones="{zones_deg}", base="{base_deg}",
                                           target="{target_deg}"), 1, ["planar area"] + DEGREES),
    Case("voucher-crs-mismatch", voucher(base="{base_deg}", target="{target_deg}"), 1,
         ["the base-year land-use layer 'landuse' of '{base_deg}' is in China Geodetic Coordinate System 2000 "
          "(EPSG:4490), another CRS than the zones (CGCS2000 / 3-degree Gauss-Kruger zone 39 (EPSG:4527)) "
          "(--crs-mismatch fail)"]),
    Case("voucher-gbk-without-cpg", voucher(zones="{zones_gbk}"), 1, GBK),
    Case("voucher-gbk-with-encoding", voucher("--encoding", "CP936", "--area", "planar", zones="{zones_gbk}"), 0, [],
         voucher_gbk, ["v.gpkg"]),
    Case("voucher-table-nan", voucher("--zone-table", "{table_nan}"), 1,
         ["the zone table", "zones_nan.csv': zone 'A' has GDP 'nan' and population '1000'; numbers are needed"]),
    Case("voucher-table-open-quote", voucher("--zone-table", "{table_quote}"), 1,
         ["zones_quote.csv' has no row for zone 'A' (1 rows read)"]),
    Case("voucher-output-over-zones", voucher(out="{zones}"), 1, OVER_INPUT + ["zones.gpkg"]),
    Case("voucher-missing-base", voucher(base="{o}/nothere.gpkg"), 1, NO_SUCH),
    # lines init / check
    Case("lines-init", ["lines", "init", "{o}/ws.gpkg", "--crs", "EPSG:4527"], 0, [], workspace_made, ["ws.gpkg"]),
    Case("lines-init-degrees", ["lines", "init", "{o}/ws.gpkg", "--crs", "EPSG:4490"], 1,
         ["a three-lines workspace"] + DEGREES + ["--zone-from"]),
    Case("lines-init-degrees-zone-from", ["lines", "init", "{o}/ws.gpkg", "--crs", "EPSG:4490", "--zone-from",
                                          "{admin_deg}"], 0, ["the workspace is made in EPSG:4548"], workspace_made,
         ["ws.gpkg"]),
    Case("lines-init-unknown-crs", ["lines", "init", "{o}/ws.gpkg", "--crs", "EPSG:999999"], 1,
         ["'EPSG:999999' is not a CRS GDAL knows"]),
    Case("lines-init-over-workspace", ["lines", "init", "{ws}", "--crs", "EPSG:4527"], 1,
         ["exists: a workspace holds drawing work, so it is never replaced"]),
    Case("lines-check", lines("--stats-csv", "{o}/s.csv"), 0,
         ["L07 slivers", "L13 red line below target", '\n  110102 Bei "North", side: red line 0.00 ha'],
         lines_result, ["i.gpkg", "s.csv"]),
    Case("lines-check-degrees", lines("--stats-csv", "{o}/s.csv", ws="{ws_deg}"), 0,
         [ZONE_NOTE, "L07 slivers", "L13 red line below target"], lines_result, ["i.gpkg", "s.csv"]),
    Case("lines-check-stats-over-workspace", lines("--stats-csv", "{ws}"), 1, OVER_INPUT + ["ws.gpkg"]),
    Case("lines-check-output-over-workspace", lines(out="{ws}"), 1, OVER_INPUT),
    Case("lines-check-damaged-workspace", lines(ws="{ws_bad}"), 1,
         ["ws_bad.gpkg", "the file is damaged (SQLite: database disk image is malformed)"]),
    Case("lines-check-missing-workspace", lines(ws="{o}/nothere.gpkg"), 1, ["nothere.gpkg", "no such file"]),
    Case("lines-check-negative-target", lines(ws="{ws_neg}"), 1,
         ["layer 'admin_units': admin unit '110101' (feature 1): its red-line target (ha) is -5; it cannot be "
          "negative"]),
    Case("lines-check-land-use-without-class", lines("--landuse", "{base}"), 2,
         ["--landuse and --class-field go together"]),
    # parcels check
    Case("parcels", parcels(), 0, ["14 parcels", "通过 pass 4, 有条件通过 conditional 2, 不通过 fail 8"], parcels_result,
         ["p.gpkg"]),
    Case("parcels-gbk-without-cpg", parcels(parcels_="{parcels_gbk}"), 1,
         ["zzdk_gbk feature 0: an attribute is not UTF-8"]),
    Case("parcels-gbk-with-encoding", parcels("--encoding", "CP936", parcels_="{parcels_gbk}"), 0,
         ["通过 pass 4, 有条件通过 conditional 2, 不通过 fail 8"], parcels_result, ["p.gpkg"]),
    Case("parcels-degrees-planar", parcels(parcels_="{parcels_deg}"), 1, ["planar area"] + DEGREES),
    Case("parcels-output-over-input", parcels(out="{parcels}"), 1, OVER_INPUT + ["zzdk.gpkg"]),
    Case("parcels-xlsx-over-workspace", parcels("--xlsx", "{parcels_ws}"), 2, ["--xlsx must be a .xlsx file"]),
    Case("parcels-no-type-field", parcels(type_field="kind"), 1, ["has no field 'kind'"]),
    Case("parcels-types-unknown-kind", parcels("--types", "{types_unknown}"), 1,
         ["types_unknown.csv', line 2: unknown kind 'farmland' (kinds: farmland_consolidation"]),
    Case("parcels-negative-tolerance", parcels("--tolerance", "-1"), 2, ["--tolerance needs a number >= 0, not '-1'"]),
    Case("parcels-damaged-workspace", parcels(ws="{ws_bad}"), 1, ["ws_bad.gpkg", "damaged"]),
    # border
    Case("border", border(), 0, ["1 adjacent pairs", "1 discontinuity"], border_result, ["b.gpkg"]),
    Case("border-degrees", border(admin="{admin_deg}", elements="{elements_deg}"), 0,
         [ZONE_NOTE, "1 adjacent pairs", "1 discontinuity"], border_result, ["b.gpkg"]),
    Case("border-output-over-input", border(out="{elements}"), 1, OVER_INPUT + ["elements.gpkg"]),
    Case("border-no-city-field", border(city="nocity"), 1,
         ["layer 'elements' of", "has no field 'nocity' (fields: city, category)"]),
    Case("border-damaged-admin", border("--admin-layer", "landuse", admin="{grid_mid}")[:4] + ["dlbm"] +
         border("--admin-layer", "landuse", admin="{grid_mid}")[5:], 1, DAMAGED + ["grid_mid.gpkg"]),
    Case("border-not-a-gpkg", border(elements="{notgpkg}"), 1, NOT_GIS),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> tuple:
    folder = tmp_path_factory.mktemp("catalogue") / "data"
    paths = cd.write_all(folder, guotu_binary())
    return folder, {k: str(v) for k, v in paths.items()}


def expand(args: Sequence[str], paths: dict, out: Path) -> list:
    return [a.format(o=out, **paths) for a in args]


def assert_clean(data_folder: Path, before: dict, out: Path) -> None:
    assert cd.fingerprint(data_folder) == before, "an input was changed"
    assert cd.leftovers(data_folder) == [] and cd.leftovers(out) == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, data: tuple, tmp_path: Path) -> None:
    folder, paths = data
    before = cd.fingerprint(folder)
    res = run_guotu(*expand(case.args, paths, tmp_path))
    said = res.stderr if case.status else res.stdout + res.stderr
    assert res.returncode == case.status, (res.stdout, res.stderr)
    for words in case.says:
        assert words.format(o=tmp_path, **paths) in said, (words, said)
    assert_clean(folder, before, tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == sorted(case.outputs), written
    if case.check:
        case.check(tmp_path)


# ---------------------------------------------------------------- a full disk

FULL_DISK = [
    ("tally-gpkg", tally(out="{o}/t.gpkg")),
    ("tally-csv-big", grid_tally("{grid}", out="{o}/t.csv")),
    ("convert", convert()),
    ("convert-raster", convert(before="{base_tif}", after="{target_tif}")),
    ("voucher", voucher()),
    ("lines-init", ["lines", "init", "{o}/ws.gpkg", "--crs", "EPSG:4527"]),
    ("lines-check", lines()),
    ("parcels", parcels()),
    ("border", border()),
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


@pytest.mark.parametrize("name,args", FULL_DISK, ids=[n for n, _ in FULL_DISK])
def test_full_disk(name: str, args: list, data: tuple, full_disk: Path) -> None:
    """An output on a full disk: exit 1, the message says the disk is full and names the user's
    path (never the temporary one), and nothing is left on the disk."""
    folder, paths = data
    for p in full_disk.iterdir():
        p.unlink()
    before = cd.fingerprint(folder)
    # Fill it to the last byte: no output fits.
    f = open(full_disk / "filler", "wb", buffering=0)
    try:
        while True:
            f.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        f.close()
    res = run_guotu(*expand(args, paths, full_disk))
    assert res.returncode == 1, (res.stdout, res.stderr)
    assert "the disk is full" in res.stderr or "No space left on device" in res.stderr, res.stderr
    assert ".tmp-" not in res.stderr and str(full_disk) in res.stderr, res.stderr
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
    assert_clean(folder, before, full_disk)


# ---------------------------------------------------------------- signals

@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    damaged_files.write_grid(folder / "big.gpkg", n=40000, columns=200)
    return folder / "big.gpkg"


SIGNALLED = {
    "convert": lambda b, o: ["convert", "--before", b, "--before-layer", "landuse", "--before-class-field", "dlbm",
                             "--before-system", "SANDIAO_WORK", "--after", b, "--after-layer", "landuse",
                             "--after-class-field", "dlbm", "--after-system", "SANDIAO_WORK", "-o", f"{o}/c.gpkg"],
    "voucher": lambda b, o: ["voucher", "--zones", b, "--zones-layer", "zones", "--zone-id", "xzqdm", "--gdp-field",
                             "gdp", "--pop-field", "pop", "--base", b, "--base-layer", "landuse",
                             "--base-class-field", "dlbm", "--base-system", "SANDIAO_WORK", "--target", b,
                             "--target-layer", "landuse", "--target-class-field", "dlbm", "--target-system",
                             "SANDIAO_WORK", "-o", f"{o}/v.gpkg"],
}


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("command", sorted(SIGNALLED))
def test_signal_mid_run(command: str, sig: int, big: Path, tmp_path: Path) -> None:
    """Interrupted while it writes: ended by the signal, the earlier output as it was, no
    temporary file or journal left, the input unchanged."""
    args = SIGNALLED[command](str(big), tmp_path)
    target = Path(args[-1])
    target.write_bytes(b"an earlier output")
    before = cd.fingerprint(big.parent)
    process = subprocess.Popen([str(guotu_binary()), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not cd.leftovers(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert cd.leftovers(tmp_path), "the run ended before its temporary output was seen"
    process.send_signal(sig)
    process.wait(timeout=60)
    assert process.returncode == -sig
    assert cd.leftovers(tmp_path) == [] and target.read_bytes() == b"an earlier output"
    assert cd.fingerprint(big.parent) == before


def test_catalogue_size() -> None:
    """At least 80 cases over every subcommand (the issue's bar), counting the qgis_process ones apart."""
    commands = {c.args[0] if c.args[0] not in ("lines", "parcels") else " ".join(c.args[:2]) for c in CASES}
    assert commands == {"tally", "convert", "voucher", "lines init", "lines check", "parcels check", "border"}
    assert len(CASES) + len(FULL_DISK) + 2 * len(SIGNALLED) >= 80
