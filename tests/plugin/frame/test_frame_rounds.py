"""guotu:framerounds on the CLI tests' two rounds (a conflict fixed, one persisting and
reviewed as an exception, one new; threshold findings resolved by a corrected threshold
table): the statuses, the carried review, the return list, the same rows as
`guotu framework rounds`."""

from pathlib import Path

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer

import frame_data as fd
from lines_data import rows

pytestmark = pytest.mark.usefixtures("provider")

ALG = "guotu:framerounds"
TABLES = {"ROUND_COMPARISON": "round_comparison", "RETURN_LIST": "return_list", "RETURN_SUMMARY": "return_summary"}


@pytest.fixture(scope="module")
def fx(tmp_path_factory) -> Path:
    return fd.make_rounds_fixture(tmp_path_factory.mktemp("frame_rounds"))


def params(fx: Path, **extra) -> dict:
    p = {"PREVIOUS": str(fx / "r0_border.gpkg"), "PREVIOUS_MORE": str(fx / "r0_ind.gpkg"),
         "CURRENT": str(fx / "r1_border.gpkg"), "CURRENT_MORE": str(fx / "r1_ind.gpkg")}
    p.update({name: "memory:" for name in TABLES})
    p.update(extra)
    return p


def run(p: dict) -> dict:
    import processing

    return processing.run(ALG, p)


def test_statuses_review_and_return_list(fx: Path) -> None:
    result = run(params(fx))
    items = rows(result["ROUND_COMPARISON"])
    assert [(x["status"], x["kind"]) for x in items] == [
        ("persisting", "discontinuity"), ("new", "category_mismatch"), ("persisting", "outside_threshold"),
        ("persisting", "threshold_missing"), ("persisting", "outside_threshold"), ("persisting", "value_jump"),
        ("resolved", "overlap"), ("resolved", "overlap"), ("resolved", "outside_threshold"),
        ("resolved", "threshold_differs")]
    assert (items[0]["review_status"], items[0]["review_note"], items[0]["returned"]) == \
        ("exception", "河道自然断开", 0)
    assert [(x["city_id"], x["kind"]) for x in rows(result["RETURN_LIST"])] == [
        ("A", "category_mismatch"), ("B", "category_mismatch"), ("A", "outside_threshold"),
        ("B", "threshold_missing"), ("B", "outside_threshold"), ("A", "value_jump"), ("B", "value_jump")]
    assert {x["city_id"]: x["returned"] for x in rows(result["RETURN_SUMMARY"])} == {"A": 3, "B": 4}


def test_same_rows_as_the_cli(fx: Path, tmp_path: Path) -> None:
    out = tmp_path / "cli.gpkg"
    cli = fd.run_rounds_cli(fx, out)
    assert cli.returncode == 0, cli.stderr
    result = run(params(fx))
    for output, table in TABLES.items():
        ours, theirs = rows(result[output]), rows(QgsVectorLayer(f"{out}|layername={table}", table, "ogr"))
        assert len(ours) == len(theirs) and ours, table
        for a, b in zip(ours, theirs):
            wa, wb = a.pop("_wkb"), b.pop("_wkb")
            assert bool(wa) == bool(wb), table
            if wa:
                ga, gb = QgsGeometry(), QgsGeometry()
                ga.fromWkb(wa)
                gb.fromWkb(wb)
                assert ga.equals(gb), table
            a.pop("fid", None)
            b.pop("fid", None)
            assert a == b, table


def test_not_a_check_output(fx: Path, tmp_path: Path) -> None:
    with pytest.raises(QgsProcessingException, match="none of the layers"):
        run(params(fx, CURRENT=str(fx / "parts.gpkg"), CURRENT_MORE=None))  # submitted elements, not a check


def test_return_list_pdf_per_city(fx: Path, tmp_path: Path) -> None:
    """The CLI's return list printed, one PDF per city, with its items and the reviewers' words."""
    import subprocess

    out = tmp_path / "cli.gpkg"
    assert fd.run_rounds_cli(fx, out).returncode == 0
    import processing
    result = processing.run("guotu:returnlistreport", {"RETURN_LIST": f"{out}|layername=return_list",
                                                       "OUTPUT_FOLDER": str(tmp_path / "pdf")})
    assert result["REPORT_COUNT"] == 2
    texts = {}
    for city in ("A", "B"):
        pdf = tmp_path / "pdf" / f"退回清单_{city}.pdf"
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
        texts[city] = text.stdout
    assert "退回清单" in texts["A"] and "city A" in texts["A"]
    # A: the new mismatch and two persisting findings; B: the mismatch and three findings (its
    # discontinuity was accepted as an exception in round n).
    assert "3 items to correct: 1 new, 2 persisting" in texts["A"]
    assert "4 items to correct: 1 new, 3 persisting" in texts["B"]
    assert "Category mismatch" in texts["B"] and "City threshold missing" in texts["B"]
    assert "City threshold missing" not in texts["A"]
    with pytest.raises(QgsProcessingException, match="nothing on the return list"):
        processing.run("guotu:returnlistreport", {"RETURN_LIST": f"{out}|layername=return_list", "CITY": "Z",
                                                  "OUTPUT_FOLDER": str(tmp_path / "pdf2")})
