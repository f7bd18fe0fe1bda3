"""Reading the text tables of the reports back from their PDFs, cell by cell, from the
positions of the words (pdftotext -bbox): pdftotext's plain text runs a table's cells in an
order of its own, and -layout drops the lines of wrapped cells. Also: words that reach into a
page's right margin (a cell that ran over its column and off the page)."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

MARGIN_PT = 10.0 / 25.4 * 72.0  # the reports' 10 mm margins

_PAGE = re.compile(r'<page width="([0-9.]+)" height="([0-9.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>')


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def middle(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass
class Page:
    width: float
    height: float
    words: List[Word]


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


def pages(pdf: Path) -> List[Page]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [Page(float(m.group(1)), float(m.group(2)),
                 [Word(*(float(w.group(i)) for i in range(1, 5)), _unescape(w.group(5))) for w in _WORD.finditer(m.group(3))])
            for m in _PAGE.finditer(html)]


def words_past_margin(pdf: Path) -> List[str]:
    """Words of any page reaching into its right margin."""
    return [w.text for page in pages(pdf) for w in page.words if w.x1 > page.width - MARGIN_PT + 0.5]


def _header_starts(sheet: Page, headings: Sequence[str]) -> Tuple[List[float], float, float]:
    """The left edges of the columns' texts, the top of the header line and where the rows
    begin (the middle of a row's first line lies below; glyph boxes of Chinese text are
    taller than the line, so their tops may not)."""
    words = sheet.words
    firsts = [h.split()[0] for h in headings]
    # The heading line: the words of the second heading's first word's line (the first one,
    # e.g. "Round", may begin the page's title too).
    anchor = next(w for w in words if w.text == firsts[1])
    top = [w for w in words if abs(w.middle - anchor.middle) < 1.0]
    starts: List[float] = []
    for first in firsts:
        word = next(w for w in sorted(top, key=lambda w: w.x0) if w.text == first and
                    (not starts or w.x0 > starts[-1]))
        starts.append(word.x0)
    return starts, anchor.y0, anchor.middle + 2.5


def _names_starts(sheet: Page, first_row: Sequence[str]) -> Tuple[List[float], float, float]:
    """As _header_starts, for a header or a first row holding the column names that may be
    wrapped (each centred in the row's height, so not on one line): the row is where most
    names start near the first one (a page's title may begin with the first name too)."""
    words = sheet.words
    names = [re.sub(r"\s+", "", n) for n in first_row]

    def starts_near(anchor: Word) -> List[Word]:
        # A name's first line: near the anchor's line (above it when wrapped and centred), before
        # a word of the first row below it that merely begins like the name ("A" of "Area").
        band = sorted((w for w in words if abs(w.middle - anchor.middle) < 16.0),
                      key=lambda w: (not -10.0 < w.middle - anchor.middle < 6.0, w.x0))
        found: List[Word] = []
        for name in names:
            word = next((w for w in band if w.text and name.startswith(w.text) and
                         (not found or w.x0 > found[-1].x0 + 1.0)), None)
            if word is None:
                return found
            found.append(word)
        return found

    anchor = max((w for w in words if w.text and names[0].startswith(w.text)), key=lambda w: len(starts_near(w)))
    found = starts_near(anchor)
    assert len(found) == len(names), f"no row of the column names {names}"
    starts = [w.x0 for w in found]
    head, bottom = anchor.y0, anchor.middle
    edges = starts + [sheet.width]
    for i, name in enumerate(names):  # the names' row: from the first line of a name to its last
        column = sorted((w for w in words if abs(w.middle - anchor.middle) < 16.0 and edges[i] <= w.x0 + 0.5 <
                         edges[i + 1]), key=lambda w: (w.middle, w.x0))
        text = ""
        for w in column:
            if not name.startswith(text + w.text) or text == name:
                continue
            text += w.text
            head, bottom = min(head, w.y0), max(bottom, w.middle)
    return starts, head, bottom + 2.5


def table_cells(pdf: Path, page: int, headings: Sequence[str], key_column: int = 0) -> List[List[str]]:
    """The rows of the table headed by ``headings`` on ``page`` (1-based), each a list of its
    cells' texts without spaces (a wrapped cell's lines joined). A cell belongs to the column
    whose heading starts left of it, and to the row of the nearest text of ``key_column``
    (every row has one; the cells are centred in their row's height)."""
    sheet = pages(pdf)[page - 1]
    starts, _head, top = _header_starts(sheet, headings)
    return _rows(sheet, starts, top, len(headings), key_column)


def grid_cells(pdf: Path, page: int, first_row: Sequence[str], key_column: int = 0) -> List[List[str]]:
    """As table_cells, for a table whose header or first row holds the column names wrapped
    onto more lines: ``first_row`` the names. Its rows follow, the names' row left out."""
    sheet = pages(pdf)[page - 1]
    starts, _head, top = _names_starts(sheet, first_row)
    return _rows(sheet, starts, top, len(first_row), key_column)


def words_over_columns(pdf: Path, page: int, headings: Sequence[str] = (), first_row: Sequence[str] = ()) -> List[str]:
    """The words of the table (headed by ``headings`` on one line, or with the column names,
    wrapped or not, in its ``first_row`` or header) running into the next column: a cell too
    narrow for a word, clipped on the page — its text still in the PDF, so table_cells reads
    it whole."""
    sheet = pages(pdf)[page - 1]
    starts, head, _top = _header_starts(sheet, headings) if headings else _names_starts(sheet, first_row)
    # A text ends a cell margin left of its column's edge, the next starts one right of it.
    return [w.text for w in sheet.words if w.y0 > head - 0.5 and w.y1 < sheet.height - MARGIN_PT - 8
            for i in range(len(starts) - 1) if starts[i] <= w.x0 + 0.5 < starts[i + 1] and w.x1 > starts[i + 1] - 1.0]


def _rows(sheet: Page, starts: List[float], top: float, count: int, key_column: int) -> List[List[str]]:
    """The rows below ``top`` of the table whose columns' texts start at ``starts``."""
    return [["".join(_lines(cell)) for cell in row] for row in _words(sheet, starts, top, count, key_column)]


def _words(sheet: Page, starts: List[float], top: float, count: int, key_column: int) -> List[List[List[Word]]]:
    """The words of each cell of the rows below ``top``."""
    words = sheet.words
    body = [w for w in words if w.middle > top and w.y1 < sheet.height - MARGIN_PT - 8]

    def column(w: Word) -> int:
        return max(i for i, x in enumerate(starts) if x <= w.x0 + 0.5) if w.x0 + 0.5 >= starts[0] else -1

    middles: List[float] = []
    for w in sorted((w for w in body if column(w) == key_column), key=lambda w: w.middle):
        if not middles or w.middle - middles[-1] > 1.0:
            middles.append(w.middle)
    rows: List[List[List[Word]]] = [[[] for _ in range(count)] for _ in middles]
    for w in body:
        c = column(w)
        if c < 0 or not middles:
            continue
        r = min(range(len(middles)), key=lambda i: abs(middles[i] - w.middle))
        rows[r][c].append(w)
    return rows


def _lines(cell: List[Word]) -> List[str]:
    """A cell's lines (top to bottom), each its words joined without spaces."""
    lines: List[List[Word]] = []
    for w in sorted(cell, key=lambda w: (w.middle, w.x0)):
        if lines and abs(lines[-1][0].middle - w.middle) < 1.0:
            lines[-1].append(w)
        else:
            lines.append([w])
    return ["".join(w.text for w in sorted(line, key=lambda w: w.x0)) for line in lines]


def table_lines(pdf: Path, page: int, headings: Sequence[str], key_column: int = 0) -> List[List[List[str]]]:
    """As table_cells, each cell as its lines: where a wrapped cell was cut."""
    sheet = pages(pdf)[page - 1]
    starts, _head, top = _header_starts(sheet, headings)
    return [[_lines(cell) for cell in row] for row in _words(sheet, starts, top, len(headings), key_column)]


def squeeze(cells: Sequence[Optional[str]]) -> List[str]:
    """Cells as table_cells gives them: without spaces or line breaks."""
    return [re.sub(r"\s+", "", c or "") for c in cells]
