"""Tables for a meeting as an XLSX workbook: one sheet per table, the column titles in the
user's language, written to a temporary file and renamed over the target so that a failure
never leaves half a workbook. Used by the parcel check and the unit ledger."""

import math
import os
from pathlib import Path
from typing import Any, List, Sequence, Tuple

from osgeo import ogr

from ..binding.errors import GuotuInputError
from ..i18n import column_title, tr
from ..inputs.conversions import is_null
from ..inputs.output_files import temporary_path

# (sheet name, [(field, kind "text" | "real" | "integer", Chinese title)], rows)
Table = Tuple[str, List[Tuple[str, str, str]], List[Sequence[Any]]]

_KINDS = {"text": ogr.OFTString, "real": ogr.OFTReal, "integer": ogr.OFTInteger64}


def write_workbook(path: Path, tables: List[Table]) -> None:
    """Writes ``tables`` to the workbook ``path``; empty and NaN cells stay empty."""
    temp = temporary_path(path)
    driver = ogr.GetDriverByName("XLSX")
    ds = driver.CreateDataSource(str(temp)) if driver is not None else None
    if ds is None:
        raise GuotuInputError(tr('Cannot create the workbook "{path}".').format(path=path))
    try:
        for name, fields, rows in tables:
            layer = ds.CreateLayer(name, None, ogr.wkbNone)
            for field_name, kind, alias in fields:
                layer.CreateField(ogr.FieldDefn(column_title(field_name, alias), _KINDS[kind]))
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
