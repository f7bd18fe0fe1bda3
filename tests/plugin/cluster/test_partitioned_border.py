"""guotu:partitionedrun, job "Cross-city borders, by pair of neighbouring cities": the border check
partitioned by city pairs as a Processing task equals one guotu border run on the fixture of
tests/cli/test_cluster_border.py (its hand values are checked there), with the pair without a
shared border named in the log."""
import sqlite3
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

pytest.importorskip("distributed")
pytestmark = pytest.mark.usefixtures("provider")
REPO = Path(__file__).resolve().parents[3]
GUOTU = REPO / "build" / "core" / "guotu"
BORDER_JOB = 6


def make_fixture(tmp: Path) -> list:
    """The CLI test's admin units and elements, written by a separate Python (the CLI helpers
    switch GDAL's exceptions on process-wide; QGIS must keep its own setting)."""
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
            "from test_cluster_border import fixture; print('\\n'.join(fixture(Path(sys.argv[2]))))")
    res = subprocess.run(["/usr/bin/python3", "-c", code, str(REPO / "tests" / "cli"), str(tmp)],
                         capture_output=True, text=True, check=True)
    return res.stdout.split("\n")[:-1] if res.stdout.endswith("\n") else res.stdout.split("\n")


def rows(path: Path, sql: str) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


class Recorder(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.lines = []

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.lines.append(info)
        super().pushInfo(info)


def test_border_by_city_pair_task_equals_one_run(tmp_path: Path, monkeypatch) -> None:
    import processing
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    args = make_fixture(tmp_path)
    one = tmp_path / "one.gpkg"
    subprocess.run([str(GUOTU), "border", *args, "-o", str(one)], check=True, capture_output=True)
    out = tmp_path / "merged.gpkg"
    feedback = Recorder()
    result = processing.run("guotu:partitionedrun", {"COMMAND": BORDER_JOB, "PARTITIONS": "",
                                                     "OPTIONS": " ".join(args), "WORKERS": 2, "OUTPUT": str(out)},
                            feedback=feedback)
    assert result["OUTPUT"] == str(out)
    pairs = ("SELECT admin_a, admin_b, round(border_m, 6), round(coordinated_m, 6), round(overlap_m, 6), "
             "round(gap_m, 6), round(discontinuity_m, 6), round(mismatch_m, 6), round(none_m, 6), "
             "round(overlap_area_m2, 6), round(gap_area_m2, 6), round(admin_gap_m2, 6), conflicts, "
             "round(score, 6) FROM pair_summary")
    assert sorted(rows(out, pairs)) == sorted(rows(one, pairs))
    assert [r[:2] for r in sorted(rows(out, pairs))] == [("A", "B"), ("A", "D"), ("B", "C"), ("C", "E")]
    lines = ("SELECT kind, detail, admin_a, admin_b, side, elements_a, elements_b, round(length_m, 6), "
             "round(area_m2, 6) FROM border_conflict_lines")
    assert sorted(rows(out, lines)) == sorted(rows(one, lines))
    issues = "SELECT kind, city_id, feature_id FROM basemap_issues UNION ALL SELECT kind, city_id, feature_id " \
             "FROM basemap_issue_points"
    assert sorted(rows(out, issues)) == sorted(rows(one, issues))
    assert any("B-D" in line and "share no border" in line for line in feedback.lines)
    assert any("4 city pairs merged" in line and "5 conflicts" in line for line in feedback.lines)
    # one log line per partition: 5 candidate pairs and the base map
    assert sum(line.startswith("[") for line in feedback.lines) == 6


def test_border_job_refusals(tmp_path: Path, monkeypatch) -> None:
    import processing
    monkeypatch.setenv("GUOTU_CLI", str(GUOTU))
    args = make_fixture(tmp_path)
    with pytest.raises(QgsProcessingException, match="'Q' is no admin unit's id"):
        processing.run("guotu:partitionedrun", {"COMMAND": BORDER_JOB, "OPTIONS": " ".join(args), "PAIRS": "A-Q",
                                                "WORKERS": 1, "OUTPUT": str(tmp_path / "x.gpkg")})
    with pytest.raises(QgsProcessingException, match="county packages"):
        processing.run("guotu:partitionedrun", {"COMMAND": 1, "OPTIONS": "--zones x", "WORKERS": 1,
                                                "OUTPUT": str(tmp_path / "x.gpkg")})
    assert not (tmp_path / "x.gpkg").exists()
