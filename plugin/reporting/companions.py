"""Finding the other outputs of the run a layer came from (the reasons of a parcel check,
the shared borders of a border comparison...), for the review docks and reports.

Layers are recognised by what they are — the GeoPackage table they come from, else the
columns of the output table — never by their display name: temporary outputs are named
after the algorithm's output descriptions, translated into the user's language, and the
user may rename any layer."""

from pathlib import Path
from typing import Callable, Dict, FrozenSet, List, Optional

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer


def _known_tables() -> Dict[str, FrozenSet[str]]:
    """Output table -> its columns, for the tables companion layers are looked up for."""
    from ..border.border_check import SEGMENT_FIELDS, SUMMARY_FIELDS
    from ..parcels.parcels_check import PARCEL_FIELDS, PROJECT_FIELDS, REASON_FIELDS, VILLAGE_FIELDS

    return {table: frozenset(name for name, _kind, _alias in fields) for table, fields in (
        ("parcel_checks", PARCEL_FIELDS), ("parcel_reasons", REASON_FIELDS), ("project_checks", PROJECT_FIELDS),
        ("village_totals", VILLAGE_FIELDS), ("shared_borders", SEGMENT_FIELDS), ("pair_summary", SUMMARY_FIELDS))}


def output_table(layer: Optional[QgsVectorLayer]) -> Optional[str]:
    """The output table ``layer`` is, by its columns: the known table whose every column
    it has (the one with the most columns when several fit); None when none fits."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    names = set(layer.fields().names())
    fitting = [(len(columns), table) for table, columns in _known_tables().items() if columns <= names]
    return max(fitting)[1] if fitting else None


def _tree_order(project: QgsProject, layer: Optional[QgsVectorLayer]) -> List[QgsVectorLayer]:
    """The project's vector layers, those in the same layer-tree group as ``layer`` first
    (the outputs of one run are loaded together), then in layer-tree order, then the ones
    not in the tree."""
    root = project.layerTreeRoot()
    group: Optional[QgsLayerTreeGroup] = None
    if layer is not None:
        node = root.findLayer(layer.id())
        group = node.parent() if node is not None else None
    ordered: List[QgsVectorLayer] = []
    if group is not None and group is not root:
        ordered += [n.layer() for n in group.findLayers() if isinstance(n.layer(), QgsVectorLayer)]
    ordered += [n.layer() for n in root.findLayers() if isinstance(n.layer(), QgsVectorLayer)]
    ordered += [x for x in project.mapLayers().values() if isinstance(x, QgsVectorLayer)]
    seen = set()
    unique = []
    for candidate in ordered:
        if candidate.id() not in seen:
            seen.add(candidate.id())
            unique.append(candidate)
    return unique


def companion_layer(project: QgsProject, layer: Optional[QgsVectorLayer], table: str,
                    matches: Callable[[QgsVectorLayer], bool]) -> Optional[QgsVectorLayer]:
    """Table ``table`` of the GeoPackage ``layer`` comes from — the project's layer of it when
    loaded, else the table opened — or, for layers not from a GeoPackage (temporary
    outputs), a project layer other than ``layer`` that ``matches`` and is that table by
    its columns (a layer of another known table is never taken, whatever its name)."""
    source = layer.source().split("|", 1)[0] if layer is not None else ""
    if source.lower().endswith(".gpkg") and Path(source).is_file():
        for candidate in project.mapLayers().values():
            if isinstance(candidate, QgsVectorLayer) and candidate.source().split("|", 1)[0] == source and \
                    f"layername={table}" in candidate.source():
                return candidate
        candidate = QgsVectorLayer(f"{source}|layername={table}", table, "ogr")
        if candidate.isValid():
            return candidate
    known = table in _known_tables()
    fallback: Optional[QgsVectorLayer] = None
    for candidate in _tree_order(project, layer):
        if candidate is layer or not matches(candidate):
            continue
        identity = output_table(candidate)
        if not known or identity == table:
            return candidate
        if identity is None and fallback is None:
            fallback = candidate  # an older output with fewer columns: only when nothing better
    return fallback


def has_fields(*names: str) -> Callable[[QgsVectorLayer], bool]:
    return lambda layer: all(layer.fields().lookupField(name) >= 0 for name in names)
