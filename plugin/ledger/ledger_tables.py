"""The unit ledger's tables for the meeting, as `guotu ledger --xlsx` writes them: an XLSX
workbook with the sheets unit_ledger, unit_grades, certificates and project_certificates
(Chinese column titles in the Chinese UI), written to a temporary file and renamed over the
target, so a failure never leaves half a workbook."""

from pathlib import Path
from typing import List

from ..reporting.workbook import Table, write_workbook
from .ledger_run import (CERTIFICATE_FIELDS, GRADE_FIELDS, PROJECT_FIELDS, UNIT_FIELDS, LedgerResult,
                         certificate_attributes, grade_rows, project_attributes, unit_attributes)


def tables(result: LedgerResult) -> List[Table]:
    return [("unit_ledger", UNIT_FIELDS, [unit_attributes(u, result.parameters) for u in result.units]),
            ("unit_grades", GRADE_FIELDS, [row for u in result.units for row in grade_rows(u)]),
            ("certificates", CERTIFICATE_FIELDS, [certificate_attributes(c) for c in result.certificates]),
            ("project_certificates", PROJECT_FIELDS, [project_attributes(p) for p in result.projects])]


def write_xlsx(path: Path, result: LedgerResult) -> None:
    write_workbook(path, tables(result))
