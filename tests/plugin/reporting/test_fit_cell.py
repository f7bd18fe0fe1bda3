"""LayoutBuilder.fit_cell: a table cell's text cut into lines that fit its column, measured
in the report's font — Chinese between any two characters, other text at spaces."""

from qgis.core import QgsLayoutUtils, QgsProject

NOTE = "第二轮提交仍未按省级框架调整，请市级自然资源部门会同县级核实边界走向后重新报送"


def builder():
    from guotu.reporting.report_layout import LayoutBuilder

    return LayoutBuilder(QgsProject.instance(), "test")


def width(b, line: str) -> float:
    return QgsLayoutUtils.textWidthMM(b.font(7.0), line)


def test_chinese_is_cut_between_characters_to_the_column(guotu) -> None:
    b = builder()
    assert b.family is not None  # the reports need a font with Chinese glyphs
    lines = b.fit_cell(NOTE, 30.0).split("\n")
    assert "".join(lines) == NOTE  # nothing lost, nothing added
    assert len(lines) >= 3 and all(width(b, line) <= 30.0 for line in lines)
    # Each line is as long as fits: one more character would not.
    for line, following in zip(lines, lines[1:]):
        assert width(b, line + following[0]) > 29.7
    # The column wide enough: the text unchanged.
    assert b.fit_cell(NOTE, width(b, NOTE) + 1.0) == NOTE


def test_other_text_is_cut_at_spaces(guotu) -> None:
    b = builder()
    text = "Thresholds differ across the border of cities A and B"
    lines = b.fit_cell(text, 25.0).split("\n")
    assert " ".join(lines) == text and len(lines) >= 2
    assert all(width(b, line) <= 25.0 for line in lines)
    assert all(not line.startswith(" ") and not line.endswith(" ") for line in lines)
    # Breaks the text had stay; empty stays empty; a character wider than its column stands
    # alone, with no empty line after it.
    assert b.fit_cell("A\nB", 20.0) == "A\nB"
    assert b.fit_cell("", 20.0) == "" and b.fit_cell(None, 20.0) == ""
    assert b.fit_cell("界", 0.5) == "界"
    assert b.fit_cell("界界", 0.5) == "界\n界"
