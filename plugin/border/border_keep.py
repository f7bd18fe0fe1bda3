"""Keeping a border review: a comparison run into temporary outputs (Processing's default)
lives in memory layers, and the reviews written into them are gone when QGIS closes.

``keep_comparison`` writes the comparison's layers (border lines, areas, shared borders,
pair summary) into one GeoPackage and puts the saved tables in the project in place of the
temporary ones (same place in the layer tree, same name and style), so that every later
review is saved with them. ``unsaved_reviews`` names the temporary conflict layers that
hold reviews: what would be lost."""

from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (QgsFeatureRequest, QgsMapLayer, QgsMapLayerStyle, QgsProcessingUtils, QgsProject,
                       QgsVectorFileWriter, QgsVectorLayer)

from ..i18n import tr
from .border_check import REVIEW_OPEN
from .border_review import is_conflict_layer

# The dock's names of the comparison's layers -> their tables (as guotu:borderconflicts and the CLI name them).
KEEP_TABLES: Dict[str, str] = {"lines": "border_conflict_lines", "areas": "border_conflicts",
                               "segments": "shared_borders", "summary": "pair_summary"}
DEFAULT_NAME = "border_review.gpkg"


def is_temporary(layer: Optional[QgsMapLayer]) -> bool:
    """A layer gone when QGIS closes: a memory layer, or a file in Processing's temporary
    folder (which QGIS deletes on exit). Files elsewhere, even in the system's temporary
    folder, are the user's choice and count as kept."""
    if not isinstance(layer, QgsVectorLayer):
        return False
    if layer.providerType() == "memory":
        return True
    source = layer.source().split("|", 1)[0]
    return bool(source) and _inside(Path(source), Path(QgsProcessingUtils.tempFolder()))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


def has_reviews(layer: QgsVectorLayer) -> bool:
    """Whether a conflict has been reviewed (agreed or exception) in ``layer``."""
    index = layer.fields().lookupField("review_status")
    if index < 0:
        return False
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry).setSubsetOfAttributes([index])
    return any(f[index] not in (None, "", REVIEW_OPEN) and not (hasattr(f[index], "isNull") and f[index].isNull())
               for f in layer.getFeatures(request))


def unsaved_reviews(project: QgsProject) -> List[QgsVectorLayer]:
    """The project's temporary conflict layers holding reviews."""
    return [layer for layer in project.mapLayers().values()
            if is_temporary(layer) and is_conflict_layer(layer) and has_reviews(layer)]


def free_path(path: Path) -> Path:
    """``path``, or ``name_2.gpkg``, ``name_3.gpkg`` … when taken."""
    if not path.exists():
        return path
    n = 2
    while path.with_name(f"{path.stem}_{n}{path.suffix}").exists():
        n += 1
    return path.with_name(f"{path.stem}_{n}{path.suffix}")


def _write(layer: QgsVectorLayer, gpkg: Path, table: str, project: QgsProject) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.fileEncoding = "UTF-8"
    options.layerName = table
    options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer if gpkg.exists()
                                    else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
    result = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(gpkg), project.transformContext(), options)
    error, message = result[0], result[1]
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise OSError(tr('Cannot write layer "{layer}" to {path}: {error}').format(layer=layer.name(), path=gpkg,
                                                                                 error=message))


def _replace(project: QgsProject, old: QgsVectorLayer, new: QgsVectorLayer) -> None:
    """``new`` where ``old`` is in the layer tree (same name, style, visibility); ``old`` removed."""
    style = QgsMapLayerStyle()
    style.readFromLayer(old)
    style.writeToLayer(new)
    new.setName(old.name())
    root = project.layerTreeRoot()
    node = root.findLayer(old.id())
    project.addMapLayer(new, False)
    if node is not None and node.parent() is not None:
        parent = node.parent()
        inserted = parent.insertLayer(parent.children().index(node), new)
        inserted.setItemVisibilityChecked(node.itemVisibilityChecked())
    else:
        root.insertLayer(0, new)
    project.removeMapLayer(old.id())


def keep_comparison(layers: Dict[str, Optional[QgsVectorLayer]], gpkg: Path,
                    project: QgsProject) -> Dict[str, QgsVectorLayer]:
    """Writes the temporary ones of ``layers`` (keys of KEEP_TABLES) into ``gpkg`` (new
    tables in an existing file, the file made otherwise) and swaps them in the project for
    the saved tables; returns every layer of the comparison as it now is in the project."""
    temporary = {kind: layer for kind, layer in layers.items() if kind in KEEP_TABLES and is_temporary(layer)}
    if not temporary:
        return {kind: layer for kind, layer in layers.items() if layer is not None}
    gpkg = Path(gpkg)
    gpkg.parent.mkdir(parents=True, exist_ok=True)
    for kind, layer in temporary.items():
        _write(layer, gpkg, KEEP_TABLES[kind], project)
    kept: Dict[str, QgsVectorLayer] = {kind: layer for kind, layer in layers.items() if layer is not None}
    for kind, old in temporary.items():
        new = QgsVectorLayer(f"{gpkg}|layername={KEEP_TABLES[kind]}", old.name(), "ogr")
        if not new.isValid() or new.featureCount() != old.featureCount():
            raise OSError(tr("The saved table {table} in {path} cannot be read back.").format(
                table=KEEP_TABLES[kind], path=gpkg))
        _replace(project, old, new)
        kept[kind] = new
    return kept


__all__ = ["DEFAULT_NAME", "KEEP_TABLES", "free_path", "has_reviews", "is_temporary", "keep_comparison",
           "unsaved_reviews"]
