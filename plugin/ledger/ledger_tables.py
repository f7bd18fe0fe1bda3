"""The unit ledger's tables for the meeting, as `guotu ledger --xlsx` writes them: an XLSX
workbook with the sheets unit_ledger, unit_grades, certificates and project_certificates
(Chinese column titles in the Chinese UI), written to a temporary file and renamed over the
target, so a failure never leaves half a workbook."""

import math
import os
from pathlib import Path
from typing import Any, List, Sequence, Tuple

from osgeo import ogr

from ..binding.errors import GuotuInputError
from ..i18n import column_title, tr
from ..inputs.conversions import is_null
from ..inputs.output_files import temporary_path
from .ledger_run import (CERTIFICATE_FIELDS, GRADE_FIELDS, PROJECT_FIELDS, UNIT_FIELDS, LedgerResult,
                         certificate_attributes, grade_rows, project_attributes, unit_attributes)

Table = Tuple[str, List[Tuple[str, str, str]], List[Sequence[Any]]]


def tables(result: LedgerResult) -> List[Table]:
    return [("unit_ledger", UNIT_FIELDS, [unit_attributes(u, result.parameters) for u in result.units]),
            ("unit_grades", GRADE_FIELDS, [row for u in result.units for row in grade_rows(u)]),
            ("certificates", CERTIFICATE_FIELDS, [certificate_attributes(c) for c in result.certificates]),
            ("project_certificates", PROJECT_FIELDS, [project_attributes(p) for p in result.projects])]


def write_xlsx(path: Path, result: LedgerResult) -> None:
    temp = temporary_path(path)
    driver = ogr.GetDriverByName("XLSX")
    ds = driver.CreateDataSource(str(temp)) if driver is not None else None
    if ds is None:
        raise GuotuInputError(tr('Cannot create the workbook "{path}".').format(path=path))
    kinds = {"text": ogr.OFTString, "real": ogr.OFTReal, "integer": ogr.OFTInteger64}
    try:
        for name, fields, rows in tables(result):
            layer = ds.CreateLayer(name, None, ogr.wkbNone)
            for field_name, kind, alias in fields:
                layer.CreateField(ogr.FieldDefn(column_title(field_name, alias), kinds[kind]))
            for row in rows:
                feature = ogr.Feature(layer.GetLayerDefn())
                for i, value in enumerate(row):
                    if is_null(value) or (isinstance(value, float) and math.isnan(value)):
                        continue
                    feature.SetField(i, value)
                layer.CreateFeature(feature)
        ds = None  # written on close
        if not temp.exists():
            raise GuotuInputError(tr('Cannot write the workbook "{path}".').format(path=path))
        os.replace(temp, path)
    except BaseException:
        ds = None
        temp.unlink(missing_ok=True)
        raise
