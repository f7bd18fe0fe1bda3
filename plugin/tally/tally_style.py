"""The area tally's output tables in the user's language: the Chinese column names of
resources/schemas/tally.csv and area_check.csv as field aliases in the Chinese UI (the titles
the tool gives GDAL as alternative names), the field names in the English UI."""

from typing import List, Tuple

from qgis.core import QgsVectorLayer

from ..inputs.table_schemas import table_schema
from ..reporting.style_helpers import set_aliases


def _fields(table: str) -> List[Tuple[str, str, str]]:
    return [(c.name, c.kind, c.title_zh) for c in table_schema(table).columns]


def style_tally_table(layer: QgsVectorLayer) -> None:
    """The tally (zone, zone name when given, class, area)."""
    set_aliases(layer, _fields("tally"))


def style_area_check_table(layer: QgsVectorLayer) -> None:
    """The parcels whose area differs from their official area."""
    set_aliases(layer, _fields("area_check"))
