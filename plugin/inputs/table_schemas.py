"""The columns of the output tables the command-line tool writes too, declared once as data in
``resources/schemas/<table>.csv`` (name, type, width, title_zh, only_with) and read here as the
tool's writers read them (core/io/table_schema.c): the same columns, in the same order, with
the same types, whichever of the two writes a table.

A column with ``only_with`` is kept only when that option is asked for (``zone_names``: a
tally with zone names; ``lines``: a conversion with the three lines). The code says which
values it fills, by name and in its own order; :meth:`TableSchema.layout` checks that they
are exactly the schema's kept columns and gives the fields and the reordering of a row.
"""

import csv
import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsField, QgsFields

from ..compat import FIELD_DOUBLE, FIELD_INT64, FIELD_STRING
from ..paths import resources_dir

HEADER = ("name", "type", "width", "title_zh", "only_with")
_KINDS = {"text": FIELD_STRING, "real": FIELD_DOUBLE, "integer": FIELD_INT64}


class SchemaError(ValueError):
    """A schema file that cannot be read, or a writer that does not fill exactly its columns."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str        # text, real or integer
    width: int       # text width, 0 = unbounded
    title_zh: str    # the Chinese title ('' when the table shows field names only)
    only_with: str   # the option that keeps the column ('' = always)


Arrange = Callable[[Sequence[Any]], List[Any]]


class TableSchema:
    """One table's columns as its schema file declares them."""

    def __init__(self, table: str, columns: Tuple[Column, ...], label: str) -> None:
        self.table = table
        self.columns = columns
        self.label = label

    def kept(self, *options: str) -> Tuple[Column, ...]:
        """The columns written when ``options`` are asked for, in the file's order."""
        return tuple(c for c in self.columns if not c.only_with or c.only_with in options)

    def names(self, *options: str) -> Tuple[str, ...]:
        return tuple(c.name for c in self.kept(*options))

    def fields(self, *options: str) -> QgsFields:
        """The kept columns as QGIS fields (names, types, widths)."""
        fields = QgsFields()
        for column in self.kept(*options):
            field = QgsField(column.name, _KINDS[column.kind])
            if column.width:
                field.setLength(column.width)
            fields.append(field)
        return fields

    def layout(self, filled: Sequence[str], *options: str) -> Tuple[QgsFields, Arrange]:
        """The fields, and the function that puts a row given in ``filled`` order into the
        fields' order. SchemaError when ``filled`` names a column the schema lacks, or leaves
        out a kept one (the writer and the schema disagree); a column an option left out is
        dropped from the row."""
        declared = {c.name for c in self.columns}
        unknown = [name for name in filled if name not in declared]
        if unknown:
            raise SchemaError(f"table schema '{self.label}' has no column '{unknown[0]}'")
        kept = self.names(*options)
        missing = [name for name in kept if name not in filled]
        if missing:
            raise SchemaError(f"table schema '{self.label}' has a column '{missing[0]}' this writer does not fill")
        order = [list(filled).index(name) for name in kept]
        return self.fields(*options), lambda row: [row[i] for i in order]


def parse_schema(text: str, table: str, label: str) -> TableSchema:
    """A schema from its CSV text; SchemaError naming ``label`` and the line of a bad row."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or tuple(f.strip() for f in rows[0]) != HEADER:
        raise SchemaError(f"table schema '{label}': the header must be {','.join(HEADER)}")
    columns: List[Column] = []
    for line, row in enumerate(rows[1:], start=2):
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        fields = [f.strip() for f in row]
        problem: Optional[str] = None
        if len(fields) != len(HEADER):
            problem = "needs the 5 fields name,type,width,title_zh,only_with"
        elif not fields[0]:
            problem = "has no column name"
        elif fields[1] not in _KINDS:
            problem = "has a type other than text, real or integer"
        elif not fields[2].isdigit():
            problem = "has a width that is not a whole number >= 0"
        elif any(c.name == fields[0] for c in columns):
            problem = "declares a column a second time"
        if problem:
            raise SchemaError(f"table schema '{label}', line {line}: the row {problem}")
        columns.append(Column(fields[0], fields[1], int(fields[2]), fields[3], fields[4]))
    if not columns:
        raise SchemaError(f"table schema '{label}' declares no column")
    return TableSchema(table, tuple(columns), label)


def schema_path(table: str, resources: Optional[Path] = None) -> Path:
    return (resources or resources_dir()) / "schemas" / f"{table}.csv"


_lock = threading.Lock()
_loaded: Dict[Path, TableSchema] = {}


def table_schema(table: str, resources: Optional[Path] = None) -> TableSchema:
    """The schema of ``table`` (read once per file)."""
    path = schema_path(table, resources)
    with _lock:
        if path not in _loaded:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as e:
                raise SchemaError(f"cannot read the table schema '{path}': {e.strerror}") from None
            _loaded[path] = parse_schema(text, table, str(path))
        return _loaded[path]


def table_layout(table: str, filled: Sequence[str], *options: str) -> Tuple[QgsFields, Arrange]:
    """Shorthand for ``table_schema(table).layout(filled, *options)``."""
    return table_schema(table).layout(filled, *options)
