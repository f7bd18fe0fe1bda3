"""The merge of a partitioned run done while the partitions compute (guotu.cluster.appender): the
partitions appended in their order whatever order they finish in, each once, with the R-tree and
the extent of the merged layer right; and a cancel landing in the middle of an append leaves
nothing behind."""
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import pytest

pytest.importorskip("distributed")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cluster_support import X0, Y0, make_grid_province  # noqa: E402

pytestmark = pytest.mark.usefixtures("provider")
REPO = Path(__file__).resolve().parents[3]
GUOTU = REPO / "build" / "core" / "guotu"
OPTIONS = ("--zones {partition}/zones.gpkg --zone-id code --before {partition}/landuse_2010.gpkg "
           "--before-class-field lucc_code --before-system CAS_LUCC --after {partition}/landuse_2020.gpkg "
           "--after-class-field lucc_code --after-system CAS_LUCC")


def rows(path: Path, sql: str) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def convert(folder: Path, out: Path) -> Path:
    subprocess.run([str(GUOTU), "convert", *OPTIONS.replace("{partition}", str(folder)).split(), "-o", str(out)],
                   check=True, capture_output=True)
    return out


def merged_in(order: List[str], outputs: Dict[str, Path], names: List[str], target: Path) -> List[List[str]]:
    """Merges the outputs given to the appender in ``order``; returns what each add appended."""
    from guotu.cluster import appender, merge
    results = {n: {"name": n, "output": str(outputs[n]), "seconds": 1.0, "peak_rss_mb": 1.0, "host": "h", "pid": 1}
               for n in names}
    stream = appender.OrderedAppender("convert", names, target)
    try:
        with merge.gdal_exceptions():
            steps = [stream.add(results[n]) for n in order]
            merge.merge_convert([str(outputs[n]) for n in names], [results[n] for n in names], target,
                                stream.finish())
    finally:
        stream.discard()
    return steps


def test_partitions_are_appended_in_order_whatever_order_they_finish(tmp_path: Path) -> None:
    parts = make_grid_province(tmp_path / "prov")
    names = sorted(parts)
    assert len(names) == 6
    outputs = {n: convert(tmp_path / "prov" / n, tmp_path / f"{n}.gpkg") for n in names}
    in_order, shuffled = tmp_path / "in_order.gpkg", tmp_path / "shuffled.gpkg"
    assert merged_in(names, outputs, names, in_order) == [[n] for n in names]
    c = names
    # c5 and c3 finish first and wait; c1 is reported twice (a rerun task) and appended once
    steps = merged_in([c[5], c[3], c[0], c[1], c[1], c[4], c[2]], outputs, names, shuffled)
    assert steps == [[], [], [c[0]], [c[1]], [], [], [c[2], c[3], c[4], c[5]]]
    # the same file, row for row and geometry for geometry
    sql = "SELECT fid, zone_id, from_code, to_code, status, area_ha, dm_ha, geom FROM conversions ORDER BY fid"
    assert rows(shuffled, sql) == rows(in_order, sql)
    # the pieces of one guotu run over all counties: 6 counties x 10 x 10
    one = convert(tmp_path / "single", tmp_path / "one.gpkg")
    pieces = "SELECT zone_id, from_code, to_code, status, round(area_ha, 6) FROM conversions"
    assert sorted(rows(shuffled, pieces)) == sorted(rows(one, pieces))
    assert len(rows(shuffled, "SELECT fid FROM conversions")) == 600
    # in partition order: the first county's 100 pieces first
    zones = [r[0] for r in rows(shuffled, "SELECT zone_id FROM conversions ORDER BY fid")]
    assert {z[:6] for z in zones[:100]} == {c[0][1:]} and {z[:6] for z in zones[500:]} == {c[5][1:]}
    # the R-tree holds every piece: counties of 3 km in 3 columns and 2 rows; the first county's
    # window finds its 100 pieces, a 10 m window in its corner the one piece of 500 m x 500 m
    assert rows(shuffled, "SELECT count(*) FROM rtree_conversions_geom") == [(600,)]
    from osgeo import ogr
    ds = ogr.Open(str(shuffled))
    layer = ds.GetLayerByName("conversions")
    layer.SetSpatialFilterRect(X0 + 1, Y0 + 1, X0 + 2999, Y0 + 2999)
    assert sorted({f.GetField("zone_id")[:6] for f in layer}) == [c[0][1:]]
    assert layer.GetFeatureCount() == 100
    layer.SetSpatialFilterRect(X0 + 10, Y0 + 10, X0 + 20, Y0 + 20)
    found = [f for f in layer]
    assert len(found) == 1 and found[0].GetGeometryRef().GetArea() == pytest.approx(500.0 * 500.0)
    ds = None
    extent = rows(shuffled, "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'conversions'")
    assert extent == [(X0, Y0, X0 + 9000.0, Y0 + 6000.0)]
    assert rows(shuffled, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'conversions'") == [(600,)]
    # the summed tables: the '*' rows add up to the 6 x 900 ha
    total = sum(r[0] for r in rows(shuffled, "SELECT area_ha FROM status_summary WHERE zone_id = '*'"))
    assert total == pytest.approx(5400.0, rel=1e-3)
    assert [r[0] for r in rows(shuffled, "SELECT partition FROM partitions")] == names
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_a_cancel_during_an_append_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    """Cancel when the second county has finished, i.e. while it is being appended: the copy is
    interrupted inside SQLite, the run ends as cancelled, and neither the merged output, its
    temporary file nor the partition outputs remain."""
    from guotu.cluster import appender, run
    from guotu.cluster.partitions import folder_partitions
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    make_grid_province(tmp_path / "prov")
    out = tmp_path / "merged.gpkg"
    lines: List[str] = []
    with pytest.raises(run.Cancelled) as raised:
        run.run_partitioned("convert", folder_partitions(tmp_path / "prov"), OPTIONS.split(), out, workers=1,
                            progress=lines.append, cancelled=lambda: any(x.startswith("[2/") for x in lines))
    assert isinstance(raised.value.__cause__, appender.Interrupted), lines  # stopped inside the copy
    appended = [x for x in lines if "appended" in x]
    assert len(appended) == 1 and "c139100" in appended[0], lines  # the first county only
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prov", "single"]


def test_a_partition_unlike_the_others_is_refused_with_nothing_left(tmp_path: Path) -> None:
    """A county output with a column the ones before it lack (another tool or other options) is
    refused by name rather than appended without it; the temporary merged file goes."""
    from osgeo import ogr
    from guotu.cluster import appender, merge
    parts = make_grid_province(tmp_path / "prov", cols=2, rows=1)
    names = sorted(parts)
    outputs = {n: convert(tmp_path / "prov" / n, tmp_path / f"{n}.gpkg") for n in names}
    ds = ogr.Open(str(outputs[names[1]]), 1)
    ds.GetLayerByName("conversions").CreateField(ogr.FieldDefn("extra", ogr.OFTString))
    ds = None
    stream = appender.OrderedAppender("convert", names, tmp_path / "merged.gpkg")
    try:
        with merge.gdal_exceptions():
            assert stream.add({"name": names[0], "output": str(outputs[names[0]])}) == [names[0]]
            assert Path(stream.partial).exists()
            with pytest.raises(ValueError, match=f"partition {names[1]}: layer conversions has columns .*extra"):
                stream.add({"name": names[1], "output": str(outputs[names[1]])})
    finally:
        stream.discard()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".merged")]
    assert not (tmp_path / "merged.gpkg").exists()
