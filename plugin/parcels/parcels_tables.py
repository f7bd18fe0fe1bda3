"""The parcel check's tables for the review meeting, as `guotu parcels check` writes
them: an XLSX workbook (sheets parcel_checks, project_checks, village_totals with the
Chinese column names as headers) and CSV files (UTF-8 with a BOM so that Excel reads the
Chinese, Chinese headers, texts quoted). Both written to a temporary file first and
renamed over the target, so a failure never leaves half a file."""

import math
import os
from pathlib import Path
from typing import Any, List, Tuple

from ..i18n import column_title, tr
from ..inputs.conversions import is_null
from ..binding.errors import GuotuInputError
from ..inputs.output_files import temporary_path
from ..reporting.workbook import Table, write_workbook
from .parcels_check import PARCEL_FIELDS, PROJECT_FIELDS, VILLAGE_FIELDS, ParcelsResult, unit_attributes, \
    village_attributes

def tables(result: ParcelsResult) -> List[Table]:
    return [("parcel_checks", PARCEL_FIELDS, [r.attributes() for r in result.parcels]),
            ("project_checks", PROJECT_FIELDS, [unit_attributes(u, result.tolerance_m2) for u in result.units]),
            ("village_totals", VILLAGE_FIELDS, [village_attributes(v) for v in result.villages])]


def write_xlsx(path: Path, result: ParcelsResult) -> None:
    write_workbook(path, tables(result))


def _cell(kind: str, value: Any) -> str:
    if kind == "text":
        text = "" if is_null(value) else str(value)
        return '"{}"'.format(text.replace('"', '""'))
    if is_null(value) or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{float(value):.0f}" if kind == "integer" else f"{float(value):.6f}"


def write_csvs(folder: Path, result: ParcelsResult) -> List[Path]:
    written: List[Path] = []
    temps: List[Tuple[Path, Path]] = []
    try:
        for name, fields, rows in tables(result):
            path = folder / f"{name}.csv"
            temp = temporary_path(path)
            lines = [",".join(_cell("text", column_title(name, alias)) for name, _k, alias in fields)]
            lines += [",".join(_cell(kind, value) for (_f, kind, _a), value in zip(fields, row)) for row in rows]
            temp.write_bytes(b"\xef\xbb\xbf" + ("\n".join(lines) + "\n").encode("utf-8"))
            temps.append((temp, path))
        for temp, path in temps:
            os.replace(temp, path)
            written.append(path)
    except OSError as e:
        for temp, _path in temps:
            temp.unlink(missing_ok=True)
        raise GuotuInputError(tr('Cannot write the tables in "{folder}": {error}').format(folder=folder,
                                                                                         error=e)) from e
    return written
