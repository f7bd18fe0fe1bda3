"""Reading the text tables of the reports back from their PDFs, cell by cell, from the
positions of the words (pdftotext -bbox): pdftotext's plain text runs a table's cells in an
order of its own, and -layout drops the lines of wrapped cells. Also: words that reach into a
page's right margin (a cell that ran over its column and off the page)."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

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


def table_cells(pdf: Path, page: int, headings: Sequence[str], key_column: int = 0) -> List[List[str]]:
    """The rows of the table headed by ``headings`` on ``page`` (1-based), each a list of its
    cells' texts without spaces (a wrapped cell's lines joined). A cell belongs to the column
    whose heading starts left of it, and to the row of the nearest text of ``key_column``
    (every row has one; the cells are centred in their row's height)."""
    sheet = pages(pdf)[page - 1]
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
    body = [w for w in words if w.y0 > anchor.y1 + 0.5 and w.y1 < sheet.height - MARGIN_PT - 8]

    def column(w: Word) -> int:
        return max(i for i, x in enumerate(starts) if x <= w.x0 + 0.5) if w.x0 + 0.5 >= starts[0] else -1

    middles: List[float] = []
    for w in sorted((w for w in body if column(w) == key_column), key=lambda w: w.middle):
        if not middles or w.middle - middles[-1] > 1.0:
            middles.append(w.middle)
    rows: List[List[List[Word]]] = [[[] for _ in headings] for _ in middles]
    for w in body:
        c = column(w)
        if c < 0 or not middles:
            continue
        r = min(range(len(middles)), key=lambda i: abs(middles[i] - w.middle))
        rows[r][c].append(w)
    return [["".join(w.text for w in sorted(cell, key=lambda w: (round(w.y0), w.x0))) for cell in row] for row in rows]


def squeeze(cells: Sequence[Optional[str]]) -> List[str]:
    """Cells as table_cells gives them: without spaces or line breaks."""
    return [re.sub(r"\s+", "", c or "") for c in cells]
