"""The three-lines workspace (三区三线工作空间): create it, open it in a project.

A workspace is one GeoPackage with the layers ecological_redline, permanent_farmland,
urban_boundary, eco_units and admin_units (MultiPolygon) and the table exceptions. The
layers, fields and Chinese names come from resources/presets/lines/workspace_schema.csv
and the default styles from resources/styles/lines/<layer>.qml — the files `guotu lines
init` reads — so the plugin and the CLI make the same workspace. Each style is stored in
the GeoPackage's layer_styles table as the layer's default, so the workspace opens styled
in any QGIS. An existing file is never replaced: a workspace holds drawing work.

Opening a workspace adds its layers to the project as one group and sets up drawing:

* snapping (vertex and segment) on the three lines and the admin units;
* avoid overlaps: the project's "avoid intersections" list holds the three line layers, so
  a polygon digitized on one line is clipped against the other two (QGIS 3.22 has one
  project-wide list, not one per layer: a new polygon also avoids the other polygons
  of its own line, which L03 asks for anyway);
* the fields filled by the tool (schema column filled_by = tool) get default values that
  QGIS re-evaluates whenever a feature is added or its geometry changes (apply on
  update): area_ha = $area / 10000 and area_mu = area_ha × 15, with the project's
  ellipsoid set from the workspace CRS and areas in m², so $area is the ellipsoidal area
  (QgsDistanceArea; it agrees with the core's ellipsoidal area to about 1e-5);
  admin_code = the xzqdm of the admin unit that contains the feature's point on surface
  (a point inside the polygon: for a feature inside one unit that is its unit; a feature
  across units is reported by L10 and gets the unit of its interior point).
"""

import csv
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from osgeo import gdal, ogr, osr
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsDefaultValue, QgsLayerTreeGroup, QgsProject, QgsRectangle, QgsSnappingConfig, QgsTolerance,
                       QgsUnitTypes, QgsVectorLayer)

from ..i18n import tr
from ..paths import resources_dir
from ..inputs.conversions import crs_for_core
from ..binding.errors import GuotuInputError

LINE_LAYERS = ("ecological_redline", "permanent_farmland", "urban_boundary")
ADMIN_LAYER = "admin_units"
EXCEPTIONS_TABLE = "exceptions"
# Custom properties that mark the workspace's layers and group in a project.
ROLE_PROPERTY = "guotu/lines_role"        # on a layer: its table name
WORKSPACE_PROPERTY = "guotu/lines_workspace"  # on a layer and its group: the GeoPackage path
STYLE_DESCRIPTION = "Guotu default style"  # as `guotu lines init` writes it
GEOMETRY_COLUMN = "geom"
# Layer order in the group, top first: outlines over fills.
GROUP_ORDER = ("admin_units", "urban_boundary", "ecological_redline", "permanent_farmland", "eco_units",
               "exceptions")
SNAP_LAYERS = LINE_LAYERS + (ADMIN_LAYER,)
SNAP_TOLERANCE_PX = 10.0


@dataclass
class SchemaField:
    name: str
    type: str  # "text", "real" or "integer"
    width: int
    filled_by: str  # "user", "tool" or "reviewer"
    name_zh: str
    description_en: str


@dataclass
class SchemaLayer:
    name: str
    fields: List[SchemaField] = field(default_factory=list)

    @property
    def has_geometry(self) -> bool:
        return self.name != EXCEPTIONS_TABLE


def schema_path() -> Path:
    return resources_dir() / "presets" / "lines" / "workspace_schema.csv"


def style_path(layer: str) -> Path:
    return resources_dir() / "styles" / "lines" / f"{layer}.qml"


def read_schema(path: Optional[Path] = None) -> List[SchemaLayer]:
    """The workspace's layers and fields, in the order of the schema file."""
    path = path or schema_path()
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise GuotuInputError(tr("Cannot read the workspace schema {path}: {error}").format(path=path, error=e)) \
            from e
    layers: Dict[str, SchemaLayer] = {}
    for row in rows:
        layer = layers.setdefault(row["layer"], SchemaLayer(row["layer"]))
        width = row.get("width") or "0"
        layer.fields.append(SchemaField(row["field"], row["type"], int(width) if width.isdigit() else 0,
                                        row.get("filled_by", ""), row.get("name_zh", ""),
                                        row.get("description_en", "")))
    return list(layers.values())


def layer_titles() -> Dict[str, str]:
    """Names of the workspace's layers in the project."""
    return {
        "ecological_redline": tr("Ecological protection red line"),
        "permanent_farmland": tr("Permanent basic farmland"),
        "urban_boundary": tr("Urban development boundary"),
        "eco_units": tr("Ecological units"),
        "admin_units": tr("Admin units"),
        "exceptions": tr("Accepted exceptions"),
    }


# ---- creating ----

_OGR_TYPES = {"real": ogr.OFTReal, "integer": ogr.OFTInteger, "text": ogr.OFTString}
_STYLE_COLUMNS = [("f_table_catalog", ogr.OFTString, 256), ("f_table_schema", ogr.OFTString, 256),
                  ("f_table_name", ogr.OFTString, 256), ("f_geometry_column", ogr.OFTString, 256),
                  ("styleName", ogr.OFTString, 30), ("styleQML", ogr.OFTString, 0),
                  ("styleSLD", ogr.OFTString, 0), ("useAsDefault", ogr.OFTInteger, 0),
                  ("description", ogr.OFTString, 0), ("owner", ogr.OFTString, 30), ("ui", ogr.OFTString, 30),
                  ("update_time", ogr.OFTString, 0)]


def _srs(crs: QgsCoordinateReferenceSystem) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    if srs.SetFromUserInput(crs_for_core(crs)) != 0:
        raise GuotuInputError(tr("The CRS {crs} cannot be used for a workspace.").format(
            crs=crs.userFriendlyIdentifier()))
    return srs


def _fail(message: str) -> None:
    raise GuotuInputError(message)


def create_workspace(path: Path, crs: QgsCoordinateReferenceSystem,
                     fill: Optional[Callable[[Path], None]] = None) -> List[str]:
    """Creates the workspace GeoPackage ``path`` in ``crs``; returns its layer names.
    ``fill`` (optional) writes features into the new, still temporary file before it is put
    in place (an import: a failure or cancel there leaves nothing behind).

    Never replaces an existing file. The file is written under a temporary name and
    linked into place only when complete (a link, unlike a rename, fails if a file of
    that name appeared in the meantime)."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        _fail(tr('A three-lines workspace is a GeoPackage: "{path}" must end in .gpkg.').format(path=path))
    if path.exists():
        _fail(tr('"{path}" exists: a workspace holds drawing work, so it is never replaced; choose another '
                 'name.').format(path=path))
    if not path.parent.is_dir():
        _fail(tr('The folder of "{path}" does not exist.').format(path=path))
    if not crs.isValid():
        _fail(tr("Choose a valid CRS for the workspace (for example EPSG:4527, CGCS2000 / 3-degree "
                 "Gauss-Kruger zone 39)."))
    if crs.isGeographic():  # as guotu lines init: widths, gaps and slivers are metres
        _fail(tr("A three-lines workspace needs metres, but {crs} is geographic (degrees): choose a projected CRS "
                 "in metres — for CGCS2000 the 3-degree Gauss-Krüger zone of the area's central meridian "
                 "(EPSG:4534–4554, e.g. EPSG:4527 for 117°E).").format(crs=crs.userFriendlyIdentifier()))
    layers = read_schema()
    srs = _srs(crs)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp.gpkg")
    try:
        _write_workspace(temp, layers, srs)
        if fill is not None:
            fill(temp)
        try:
            os.link(temp, path)
        except FileExistsError:
            _fail(tr('"{path}" exists: a workspace holds drawing work, so it is never replaced; choose another '
                     'name.').format(path=path))
        except OSError:
            # No hard links on this file system: rename after one more look.
            if path.exists():
                _fail(tr('"{path}" exists: a workspace holds drawing work, so it is never replaced; choose '
                         'another name.').format(path=path))
            os.rename(temp, path)
    finally:
        for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            if leftover.exists():
                leftover.unlink()
    return [layer.name for layer in layers]


def open_exceptions_file(path: Path) -> QgsVectorLayer:
    """The exceptions table of ``path``, a small GeoPackage kept beside a project whose three-lines
    layers are the planner's own (no workspace): created with the workspace's exceptions table
    (the same fields, so `guotu lines check --workspace FILE` reads it too) when the file does not
    exist, used as it is when it has that table; any other existing file is refused, never
    changed. The file is written under a temporary name and linked into place when complete."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg":
        _fail(tr('An exceptions file is a GeoPackage: "{path}" must end in .gpkg.').format(path=path))
    if path.exists():
        if EXCEPTIONS_TABLE not in gpkg_tables(path):
            _fail(tr('"{path}" has no table "{table}": choose an exceptions file, or a new name.').format(
                path=path, table=EXCEPTIONS_TABLE))
    else:
        if not path.parent.is_dir():
            _fail(tr('The folder of "{path}" does not exist.').format(path=path))
        schema = [layer for layer in read_schema() if layer.name == EXCEPTIONS_TABLE]
        temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp.gpkg")
        try:
            _write_workspace(temp, schema, None)
            try:
                os.link(temp, path)
            except FileExistsError:
                pass  # made in the meantime: checked below like any existing file
            except OSError:
                if not path.exists():
                    os.rename(temp, path)
        finally:
            for leftover in (temp, Path(f"{temp}-journal"), Path(f"{temp}-wal"), Path(f"{temp}-shm")):
                if leftover.exists():
                    leftover.unlink()
        if EXCEPTIONS_TABLE not in gpkg_tables(path):
            _fail(tr('"{path}" has no table "{table}": choose an exceptions file, or a new name.').format(
                path=path, table=EXCEPTIONS_TABLE))
    layer = QgsVectorLayer(f"{path}|layername={EXCEPTIONS_TABLE}", EXCEPTIONS_TABLE, "ogr")
    if not layer.isValid():
        _fail(tr('Cannot open the table "{table}" of "{path}".').format(table=EXCEPTIONS_TABLE, path=path))
    return layer


def _write_workspace(temp: Path, layers: List[SchemaLayer], srs: osr.SpatialReference) -> None:
    """The workspace's tables and styles into the new file ``temp`` (OGR errors as GuotuInputError,
    whether or not GDAL's Python exceptions are switched on)."""
    ds = None
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(temp))
        if ds is None:
            _fail(tr('Cannot create "{path}": {error}').format(path=temp, error=gdal.GetLastErrorMsg()))
        for layer in layers:
            geometry = ogr.wkbMultiPolygon if layer.has_geometry else ogr.wkbNone
            options = ["SPATIAL_INDEX=YES"] if layer.has_geometry else []
            created = ds.CreateLayer(layer.name, srs if layer.has_geometry else None, geometry, options=options)
            if created is None:
                _fail(tr('Cannot create layer "{layer}" in "{path}": {error}').format(
                    layer=layer.name, path=temp, error=gdal.GetLastErrorMsg()))
            for f in layer.fields:
                definition = ogr.FieldDefn(f.name, _OGR_TYPES.get(f.type, ogr.OFTString))
                if f.width > 0:
                    definition.SetWidth(f.width)
                if f.name_zh and hasattr(definition, "SetAlternativeName"):
                    definition.SetAlternativeName(f.name_zh)
                if created.CreateField(definition) != 0:
                    _fail(tr('Cannot create field "{field}" of layer "{layer}": {error}').format(
                        field=f.name, layer=layer.name, error=gdal.GetLastErrorMsg()))
        _add_styles(ds, layers)
    except RuntimeError as e:  # GDAL with exceptions on
        raise GuotuInputError(tr('Cannot create "{path}": {error}').format(path=temp, error=e)) from e
    finally:
        ds = None


def _add_styles(ds, layers: List[SchemaLayer]) -> None:
    """The default style of each layer, in the table QGIS reads styles from (layer_styles),
    with the rows `guotu lines init` writes."""
    table = ds.CreateLayer("layer_styles", None, ogr.wkbNone)
    for name, kind, width in _STYLE_COLUMNS:
        definition = ogr.FieldDefn(name, kind)
        if width:
            definition.SetWidth(width)
        table.CreateField(definition)
    for layer in layers:
        qml_file = style_path(layer.name)
        if not qml_file.is_file():
            continue  # tables such as exceptions have no style
        feature = ogr.Feature(table.GetLayerDefn())
        values = {"f_table_catalog": "", "f_table_schema": "", "f_table_name": layer.name,
                  "f_geometry_column": GEOMETRY_COLUMN, "styleName": layer.name,
                  "styleQML": qml_file.read_text(encoding="utf-8"), "styleSLD": "", "useAsDefault": 1,
                  "description": STYLE_DESCRIPTION, "owner": "", "ui": "", "update_time": ""}
        for key, value in values.items():
            feature.SetField(key, value)
        if table.CreateFeature(feature) != 0:
            _fail(tr('Cannot store the style of layer "{layer}": {error}').format(layer=layer.name,
                                                                                 error=gdal.GetLastErrorMsg()))


# ---- opening ----

def gpkg_tables(path: Path) -> List[str]:
    """The tables of a GeoPackage; [] when there is no file; an error naming the file when it
    exists but cannot be read (a damaged file is not a workspace with missing layers)."""
    if not Path(path).exists():
        return []
    gdal.ErrorReset()
    try:  # GDAL raises or returns None, as the process's exceptions setting says
        ds = ogr.Open(str(path))
        reason = gdal.GetLastErrorMsg()
    except RuntimeError as e:
        ds, reason = None, str(e)
    if ds is None:
        if "malformed" in reason or "not a database" in reason:
            reason = tr("the file is damaged")
        _fail(tr('"{path}" cannot be read: {reason}.').format(path=path, reason=reason.split(" failed: ")[-1]
                                                              or tr("not a GeoPackage")))
    try:
        return [ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())]
    finally:
        ds = None


def workspace_layer(path: Path, table: str, name: Optional[str] = None) -> QgsVectorLayer:
    """One table of a workspace as a QGIS layer (invalid when the table is missing)."""
    layer = QgsVectorLayer(f"{path}|layername={table}", name or layer_titles().get(table, table), "ogr")
    layer.setCustomProperty(ROLE_PROPERTY, table)
    layer.setCustomProperty(WORKSPACE_PROPERTY, str(path))
    return layer


@dataclass
class OpenedWorkspace:
    path: Path
    group: QgsLayerTreeGroup
    layers: Dict[str, QgsVectorLayer]


def admin_code_expression(admin: QgsVectorLayer, code_field: str = "xzqdm") -> str:
    """Default value of admin_code: the code of the admin unit containing the feature's
    point on surface (empty when no unit contains it)."""
    return ("array_first(aggregate(layer:={layer}, aggregate:='array_agg', expression:=\"{field}\", "
            "filter:=intersects($geometry, point_on_surface(geometry(@parent)))))").format(
        layer="'" + admin.id().replace("'", "''") + "'", field=code_field)


AREA_HA_EXPRESSION = "$area / 10000"
AREA_MU_EXPRESSION = "$area / 10000 * 15"


def set_filled_fields(layer: QgsVectorLayer, schema: SchemaLayer, admin: Optional[QgsVectorLayer]) -> List[str]:
    """Default values (applied on update) of the fields the tool fills; read-only in the
    attribute form. Returns the fields set."""
    expressions = {"area_ha": AREA_HA_EXPRESSION, "area_mu": AREA_MU_EXPRESSION}
    if admin is not None:
        expressions["admin_code"] = admin_code_expression(admin)
    done = []
    form = layer.editFormConfig()
    for f in schema.fields:
        index = layer.fields().indexOf(f.name)
        if f.filled_by != "tool" or index < 0 or f.name not in expressions:
            continue
        layer.setDefaultValueDefinition(index, QgsDefaultValue(expressions[f.name], True))
        form.setReadOnly(index, True)
        done.append(f.name)
    layer.setEditFormConfig(form)
    return done


def _snapping_type():
    flags = getattr(QgsSnappingConfig, "VertexFlag", None)
    if flags is not None:
        return QgsSnappingConfig.VertexFlag | QgsSnappingConfig.SegmentFlag
    from qgis.core import Qgis  # QGIS >= 3.26 spells them Qgis.SnappingType

    return Qgis.SnappingType.Vertex | Qgis.SnappingType.Segment


def set_snapping(project: QgsProject, layers: List[QgsVectorLayer]) -> None:
    """Vertex and segment snapping on ``layers`` (advanced configuration, other layers kept)."""
    config = project.snappingConfig()
    config.setEnabled(True)
    advanced = getattr(QgsSnappingConfig, "AdvancedConfiguration", None)
    if advanced is None:
        from qgis.core import Qgis

        advanced = Qgis.SnappingMode.AdvancedConfiguration
    config.setMode(advanced)
    for layer in layers:
        config.setIndividualLayerSettings(layer, QgsSnappingConfig.IndividualLayerSettings(
            True, _snapping_type(), SNAP_TOLERANCE_PX, QgsTolerance.Pixels, 0.0, 0.0))
    project.setSnappingConfig(config)


def set_avoid_overlaps(project: QgsProject, lines: List[QgsVectorLayer]) -> None:
    """New and reshaped polygons avoid the line layers (project-wide list, kept entries)."""
    project.setAvoidIntersectionsMode(QgsProject.AvoidIntersectionsMode.AvoidIntersectionsLayers)
    current = [layer for layer in project.avoidIntersectionsLayers() if layer is not None]
    ids = {layer.id() for layer in current}
    project.setAvoidIntersectionsLayers(current + [layer for layer in lines if layer.id() not in ids])


def set_ellipsoidal_areas(project: QgsProject, crs: QgsCoordinateReferenceSystem) -> None:
    """$area in m² on the ellipsoid of ``crs`` (CGCS2000 for EPSG:4490 and 4491–4554)."""
    if not project.crs().isValid():
        project.setCrs(crs)
    project.setEllipsoid(crs.ellipsoidAcronym())
    project.setAreaUnits(QgsUnitTypes.AreaSquareMeters)


def open_workspace(path: Path, project: Optional[QgsProject] = None) -> OpenedWorkspace:
    """Adds the workspace's layers to ``project`` as one group and sets up drawing (see
    the module's documentation). Raises GuotuInputError naming what is missing."""
    project = project if project is not None else QgsProject.instance()
    path = Path(path)
    if not path.is_file():
        _fail(tr('The workspace "{path}" does not exist.').format(path=path))
    schema = read_schema()
    tables = set(gpkg_tables(path))
    missing = [layer.name for layer in schema if layer.name not in tables]
    if missing:
        _fail(tr('"{path}" is not a complete three-lines workspace: it has no {layers}. Make workspaces with '
                 '"New three-lines workspace".').format(path=path, layers=", ".join(missing)))
    layers: Dict[str, QgsVectorLayer] = {}
    for name in GROUP_ORDER:
        layer = workspace_layer(path, name)
        if not layer.isValid():
            _fail(tr('Layer "{layer}" of the workspace "{path}" cannot be opened.').format(layer=name, path=path))
        layers[name] = layer
    crs = layers[LINE_LAYERS[0]].crs()
    for name in LINE_LAYERS + (ADMIN_LAYER, "eco_units"):
        if layers[name].crs() != crs:
            _fail(tr('Layer "{layer}" of the workspace is in {crs}, another CRS than {first}; the layers of a '
                     'workspace share one CRS.').format(layer=name, crs=layers[name].crs().userFriendlyIdentifier(),
                                                        first=crs.userFriendlyIdentifier()))
    already = _opened_group(project, path)
    if already is not None:  # opened before: the same group and layers, not a second copy
        return already
    root = project.layerTreeRoot()
    group = root.insertGroup(0, tr("Three control lines: {name}").format(name=path.stem))
    group.setCustomProperty(WORKSPACE_PROPERTY, str(path))
    for name in GROUP_ORDER:
        project.addMapLayer(layers[name], False)
        group.addLayer(layers[name])
    set_ellipsoidal_areas(project, crs)
    by_name = {layer.name: layer for layer in schema}
    for name in LINE_LAYERS + ("eco_units",):
        set_filled_fields(layers[name], by_name[name], layers[ADMIN_LAYER])
    set_snapping(project, [layers[name] for name in SNAP_LAYERS])
    set_avoid_overlaps(project, [layers[name] for name in LINE_LAYERS])
    return OpenedWorkspace(path, group, layers)


def _opened_group(project: QgsProject, path: Path) -> Optional[OpenedWorkspace]:
    """The workspace at ``path`` when the project has it open already (its group and every
    layer), else None."""
    for group in project.layerTreeRoot().findGroups(True):
        opened = group.customProperty(WORKSPACE_PROPERTY)
        if not opened or not Path(str(opened)).exists() or not Path(str(opened)).samefile(path):
            continue
        layers = {str(node.layer().customProperty(ROLE_PROPERTY)): node.layer() for node in group.findLayers()
                  if node.layer() is not None}
        if all(name in layers for name in GROUP_ORDER):
            return OpenedWorkspace(path, group, layers)
    return None


def workspace_extent(opened: OpenedWorkspace, crs: QgsCoordinateReferenceSystem,
                     context: QgsCoordinateTransformContext) -> Optional[QgsRectangle]:
    """The extent of everything drawn in the workspace (lines, units, admin units) in ``crs``,
    a little larger; None while nothing is drawn."""
    extent = QgsRectangle()
    extent.setMinimal()
    for name in LINE_LAYERS + (ADMIN_LAYER, "eco_units"):
        layer = opened.layers[name]
        layer.updateExtents()
        if layer.featureCount() <= 0 or layer.extent().isEmpty():
            continue
        box = QgsCoordinateTransform(layer.crs(), crs, context).transformBoundingBox(layer.extent()) \
            if layer.crs() != crs else layer.extent()
        extent.combineExtentWith(box)
    if extent.isNull() or extent.isEmpty():
        return None
    extent.scale(1.05)
    return extent


def project_workspaces(project: Optional[QgsProject] = None) -> Dict[str, Dict[str, QgsVectorLayer]]:
    """Workspaces open in ``project``: path -> {table: layer}, from the layers' properties."""
    project = project if project is not None else QgsProject.instance()
    found: Dict[str, Dict[str, QgsVectorLayer]] = {}
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer):
            continue
        path, role = layer.customProperty(WORKSPACE_PROPERTY), layer.customProperty(ROLE_PROPERTY)
        if path and role:
            found.setdefault(str(path), {}).setdefault(str(role), layer)
    return found
