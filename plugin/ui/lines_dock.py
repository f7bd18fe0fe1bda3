"""The three control lines check dock, 三区三线检查 (form: ui/lines_dock.ui).

Lists the issues of the last check grouped by rule and admin unit; a click zooms the map
to the issue and flashes it. "Re-check" runs guotu:threelinescheck in the background on
the workspace's layers as they are in the project (unsaved edits included), with its
progress shown and a Cancel button (a cancelled re-check keeps the previous results), and
loads the issue layers styled into a group "检查结果"; the Value column says its unit per
rule (lines.lines_values); "Accept as exception" asks for a reason and
writes (rule_id, fingerprint, reason, accepted_by, accepted_at) to the workspace's
exceptions table; "Export statistics" writes the statistics as CSV (UTF-8 with a BOM)
and a PDF report.

The admin unit of an issue is its admin_code when the rule has one (L10–L14), otherwise
the unit containing the issue's point on surface.

The layers come from a workspace, or from the project as delivered ("Project layers"): the
red line, farmland, urban boundary and admin units picked from the project and the admin
layer's fields mapped (code and name; the targets optional — a rule whose target is not
mapped is not checked, and the notes say so). The fields default to the delivered names
matched in any case (XZQDM, XZQMC, erl_target_ha …), never to another field; the choice is
kept in the project. Accepted exceptions live in the workspace's table, or for project layers
in a small GeoPackage beside the project that the user chooses (the workspace's exceptions
table, same fingerprints; saved with the mapping).

The Statistics tab shows per admin unit the areas of the three lines (the check's
line_stats, ellipsoidal ha) and the binding indicators (guotu:bindingindicators' table in
the project whose units are those of the admin layer): value, target and the result. Its
button opens guotu:bindingindicators filled with the dock's layers and fields; its link
writes the three-lines report and opens it at the indicators' page.

Also here: the "New three-lines workspace" and "Open three-lines workspace" actions'
dialogs (file and CRS choice), so that the plugin class only wires actions.
"""

import json

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QDesktopServices
from qgis.PyQt.QtWidgets import (QAbstractItemView, QFileDialog, QHeaderView, QInputDialog, QMessageBox, QTableWidgetItem,
                                 QTreeWidgetItem, QWidget)
from qgis.gui import QgsDockWidget
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature,
                       QgsFeatureRequest, QgsGeometry, QgsLayerTreeGroup, QgsMapLayerProxyModel,
                       QgsProcessingAlgRunnerTask, QgsProcessingFeedback, QgsProject,
                       QgsSpatialIndex, QgsVectorLayer)

from ..binding.errors import GuotuInputError
from ..reporting.reviewer import reviewer_name, utc_now
from ..processing.common import LAND_USE_CODE_FIELD
from ..lines.lines_check import (ADMIN_CODE, ADMIN_NAME, ADMIN_VALUE_FIELDS, DEFAULT_SYSTEM, SYSTEMS, find_field,
                                 rule_titles)
from ..binding.indicators_native import KEYS
from ..indicators.indicators_check import known_target_fields
from ..indicators.indicators_report import is_indicators_layer
from ..i18n import chinese_ui
from ..inputs.conversions import is_null
from ..lines.lines_report import (SEVERITY_COLORS, LinesReportLayers, export_lines_report, severity_titles,
                                 stats_rows, style_issues_layer, style_stats_layer, write_stats_csv)
from ..lines.lines_values import value_text, value_tip
from ..lines.lines_workspace import (ADMIN_LAYER, EXCEPTIONS_TABLE, LINE_LAYERS, ROLE_PROPERTY, WORKSPACE_PROPERTY,
                                    create_workspace, open_workspace, project_workspaces, workspace_extent,
                                    open_exceptions_file, workspace_layer)
from ..i18n import tr
from ..paths import ui_path
from .dock_layout import DockFitter, configure_wrapping_list
from .map_focus import zoom_and_flash
from .start_folder import remember_folder, start_folder, start_path

CHECK_ID = "guotu:threelinescheck"
INDICATORS_ID = "guotu:bindingindicators"
SOURCE_WORKSPACE, SOURCE_PROJECT = 0, 1  # sourceCombo's items
MAPPING_SCOPE, MAPPING_KEY = "guotu", "lines_dock/mapping"  # the project's entry: layers and fields chosen
# The project-layer roles and the algorithm's parameters they fill.
LAYER_ROLES = {"redline": "REDLINE", "farmland": "FARMLAND", "urban": "URBAN", "admin": "ADMIN"}
# The admin layer's fields: role -> (the algorithm's parameter, the delivered name it defaults to).
FIELD_ROLES = {"admin_id": ("ADMIN_ID", ADMIN_CODE), "admin_name": ("ADMIN_NAME", ADMIN_NAME),
               "redline_target": ("REDLINE_TARGET", ADMIN_VALUE_FIELDS[0]),
               "farmland_target": ("FARMLAND_TARGET", ADMIN_VALUE_FIELDS[1]),
               "urban_2020": ("URBAN_2020_FIELD", ADMIN_VALUE_FIELDS[2]),
               "expansion_cap": ("EXPANSION_CAP_FIELD", ADMIN_VALUE_FIELDS[3])}
WORKSPACE_ADMIN_FIELDS = ("xzqdm", "xzqmc")
RESULT_COLORS = {"pass": "#1a7f37", "fail": "#c62828", "no_target": "#808080", "not_measured": "#808080"}
RESULTS_PROPERTY = "guotu/lines_results"  # on the results group: the workspace path
ROLE_ISSUES, ROLE_POINTS, ROLE_STATS = "issues", "issue_points", "line_stats"
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1  # tree leaves: {"layer", "fid", "rule", "fingerprint"}
WORKSPACE_FOLDER, STATS_FOLDER = "lines_workspace", "lines_stats"  # file dialogs' remembered folders


FORM_CLASS, _BASE = uic.loadUiType(ui_path("lines_dock.ui"))


def _zh() -> bool:
    locale = QgsApplication.locale() or ""
    return locale.lower().startswith("zh")


class _Feedback(QgsProcessingFeedback):
    logged = pyqtSignal(str)

    def __init__(self) -> None:
        super().__init__()
        self.last_error = ""

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802,N803 — QGIS API
        super().reportError(error, fatalError)
        self.last_error = error
        self.logged.emit(error)


class _IssueRef:
    """What a tree leaf points at: a feature of an issues layer."""

    def __init__(self, layer_id: str, fid: int, rule: str, fingerprint: str) -> None:
        self.layer_id = layer_id
        self.fid = fid
        self.rule = rule
        self.fingerprint = fingerprint


class LinesDock(QgsDockWidget, FORM_CLASS):
    """Issues of the three-lines check: browse, re-check, accept, export."""

    checkFinished = pyqtSignal(bool, str)  # success, message

    def __init__(self, iface=None, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None,
                 canvas=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GuotuLinesDock")
        self.iface = iface
        self.project = project if project is not None else QgsProject.instance()
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.results: Dict[str, QgsVectorLayer] = {}
        self._result_ids: Dict[str, str] = {}
        self.message = ""
        self.notes: List[str] = []  # the last check's notes (rules not checked, layers reprojected)
        self._task: Optional[QgsProcessingAlgRunnerTask] = None
        self._context = None
        self._feedback: Optional[_Feedback] = None
        self._cancel_requested = False
        self._restoring = False
        self._indicators_dialog = None
        # Project-layer mode: the GeoPackage beside the project that keeps accepted exceptions
        # (chosen by the user; saved with the mapping), "" until one is chosen.
        self._exceptions_file = ""
        self._retranslate()
        self._configure()
        self._connect()
        self.restore_mapping()
        self.refresh_workspaces()
        self._source_changed()

    # ---- set-up ----

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Three control lines check (三区三线检查)"))
        self.sourceLabel.setText(tr("Layers from"))
        self.sourceCombo.clear()
        self.sourceCombo.addItems([tr("A three-lines workspace"), tr("Project layers (as delivered)")])
        self.workspaceLabel.setText(tr("Workspace"))
        self.layersGroup.setTitle(tr("Layers and fields"))
        for label, text in ((self.redlineLabel, tr("Ecological protection red line")),
                            (self.farmlandLabel, tr("Permanent basic farmland")),
                            (self.urbanLayerLabel, tr("Urban development boundary")),
                            (self.adminLabel, tr("Admin units")),
                            (self.adminIdLabel, tr("Admin code field")),
                            (self.adminNameLabel, tr("Admin name field")),
                            (self.redlineTargetLabel, tr("Red line target field (ha)")),
                            (self.farmlandTargetLabel, tr("Farmland target field (ha)")),
                            (self.urban2020FieldLabel, tr("2020 urban construction land field (ha)")),
                            (self.capFieldLabel, tr("Expansion cap field"))):
            label.setText(text)
        self.tabs.setTabText(0, tr("Issues"))
        self.tabs.setTabText(1, tr("Statistics"))
        self.areasLabel.setText(tr("Areas of the three lines by admin unit (ellipsoidal, ha)"))
        self.indicatorsLabel.setText(tr("Binding plan indicators (约束性指标)"))
        self.indicatorsButton.setText(tr("Binding indicators…"))
        self.indicatorsButton.setToolTip(tr("Opens the binding indicators algorithm with this dock's admin units, "
                                            "land use and farmland; its table is shown here."))
        self.reportLink.setText('<a href="report">{}</a>'.format(tr("Indicators page of the report…")))
        self.areasTable.setColumnCount(5)
        self.areasTable.setHorizontalHeaderLabels([tr("Admin code"), tr("Name"), tr("Red line"), tr("Farmland"),
                                                   tr("Urban boundary")])
        self.indicatorsTable.setColumnCount(6)
        self.indicatorsTable.setHorizontalHeaderLabels([tr("Admin code"), tr("Name"), tr("Indicator"),
                                                        tr("Value"), tr("Target"), tr("Result")])
        self.optionsGroup.setTitle(tr("Options"))
        self.landuseLabel.setText(tr("Land use (for L14)"))
        self.classFieldLabel.setText(tr("Land-use class field"))
        self.systemLabel.setText(tr("Classification system"))
        self.urbanLabel.setText(tr("2020 urban construction land"))
        self.recheckButton.setText(tr("Re-check"))
        self.cancelButton.setText(tr("Cancel"))
        self.acceptButton.setText(tr("Accept as exception…"))
        self.exportButton.setText(tr("Export statistics…"))
        self.issuesTree.setHeaderLabels([tr("Issue"), tr("Severity"), tr("Review status"), tr("Value")])
        self.systemCombo.clear()
        self.systemCombo.addItems(list(SYSTEMS))
        self.systemCombo.setCurrentIndex(SYSTEMS.index(DEFAULT_SYSTEM))

    def _configure(self) -> None:
        for combo in (self.landuseCombo, self.urban2020Combo):
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        self.classFieldCombo.setAllowEmptyFieldName(True)  # never a guessed field (OBJECTID came first)
        self.classFieldCombo.setLayer(None)
        for combo in self.layer_combos().values():
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for combo in self.field_combos().values():
            combo.setAllowEmptyFieldName(True)  # never a guessed field: empty until one is chosen
            combo.setLayer(None)
        for table in (self.areasTable, self.indicatorsTable):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.reportLink.setTextFormat(Qt.TextFormat.RichText)
        configure_wrapping_list(self.issuesTree)
        self._fitter = DockFitter(self, self.issuesTree)
        self.progressBar.setValue(0)

    def _connect(self) -> None:
        self.project.layersAdded.connect(self.refresh_workspaces)
        self.project.layersRemoved.connect(self.refresh_workspaces)
        self.workspaceCombo.currentIndexChanged.connect(self._workspace_changed)
        self.landuseCombo.layerChanged.connect(self._landuse_changed)
        self.recheckButton.clicked.connect(self.recheck)
        self.cancelButton.clicked.connect(self.cancel)
        self.acceptButton.clicked.connect(self._accept_clicked)
        self.exportButton.clicked.connect(self._ask_export)
        self.sourceCombo.currentIndexChanged.connect(self._source_changed)
        for combo in self.layer_combos().values():
            combo.layerChanged.connect(self._layers_changed)
        self.adminCombo.layerChanged.connect(self._admin_changed)
        for combo in self.field_combos().values():
            combo.fieldChanged.connect(self._fields_changed)
        self.indicatorsButton.clicked.connect(self.open_indicators_dialog)
        self.reportLink.linkActivated.connect(lambda _link: self._ask_report())
        self.project.layersAdded.connect(self.refresh_indicators)
        self.project.layersRemoved.connect(self.refresh_indicators)
        self.project.readProject.connect(self._project_read)
        self.project.cleared.connect(self._project_cleared)
        self.issuesTree.currentItemChanged.connect(lambda item, _old: self.show_issue(item))
        self.issuesTree.itemClicked.connect(lambda item, _column: self.show_issue(item))

    # ---- state ----

    def refresh_workspaces(self, *_args: Any) -> None:
        self._prune_results()
        current = self.workspace_path()
        self.workspaceCombo.blockSignals(True)
        self.workspaceCombo.clear()
        for path in sorted(project_workspaces(self.project)):
            self.workspaceCombo.addItem(Path(path).name, path)
        index = self.workspaceCombo.findData(current) if current else -1
        self.workspaceCombo.setCurrentIndex(index if index >= 0 else (0 if self.workspaceCombo.count() else -1))
        self.workspaceCombo.blockSignals(False)
        self._update_state()

    def _prune_results(self) -> None:
        """Forgets result layers the user removed from the project."""
        gone = [role for role, layer_id in self._result_ids.items() if self.project.mapLayer(layer_id) is None]
        for role in gone:
            self.results.pop(role, None)
            self._result_ids.pop(role, None)
        if gone and ROLE_STATS not in self.results:
            self.issuesTree.clear()
            self.summaryLabel.clear()

    def _workspace_changed(self, *_args: Any) -> None:
        """Results belong to the workspace checked: another one starts with an empty list."""
        self.results, self._result_ids = {}, {}
        self.issuesTree.clear()
        self.summaryLabel.clear()
        self.progressBar.setValue(0)
        self.fill_statistics()
        self._update_state()

    def workspace_path(self) -> Optional[str]:
        data = self.workspaceCombo.currentData() if self.workspaceCombo.count() else None
        return str(data) if data else None

    def workspace_layers(self) -> Dict[str, QgsVectorLayer]:
        path = self.workspace_path()
        return project_workspaces(self.project).get(path, {}) if path else {}

    # ---- the project's own layers ----

    def layer_combos(self) -> Dict[str, Any]:
        return {"redline": self.redlineCombo, "farmland": self.farmlandCombo, "urban": self.urbanLayerCombo,
                "admin": self.adminCombo}

    def field_combos(self) -> Dict[str, Any]:
        return {"admin_id": self.adminIdCombo, "admin_name": self.adminNameCombo,
                "redline_target": self.redlineTargetCombo, "farmland_target": self.farmlandTargetCombo,
                "urban_2020": self.urban2020FieldCombo, "expansion_cap": self.capFieldCombo}

    def source(self) -> int:
        return SOURCE_PROJECT if self.sourceCombo.currentIndex() == SOURCE_PROJECT else SOURCE_WORKSPACE

    def set_source(self, source: int) -> None:
        self.sourceCombo.setCurrentIndex(source)

    def project_layers(self) -> Dict[str, Optional[QgsVectorLayer]]:
        """role -> the project layer chosen for it (None: none)."""
        return {role: combo.currentLayer() for role, combo in self.layer_combos().items()}

    def field_mapping(self) -> Dict[str, str]:
        """role -> the admin layer's field chosen for it ('' none)."""
        return {role: combo.currentField() or "" for role, combo in self.field_combos().items()}

    def _source_changed(self, *_args: Any) -> None:
        project = self.source() == SOURCE_PROJECT
        self.workspaceLabel.setVisible(not project)
        self.workspaceCombo.setVisible(not project)
        self.layersGroup.setVisible(project)
        if not self._restoring:
            self.save_mapping()
        self._workspace_changed()

    def _admin_changed(self, layer: Optional[QgsVectorLayer]) -> None:
        """The fields of another admin layer: each the delivered name, matched in any case, or none."""
        for role, combo in self.field_combos().items():
            combo.blockSignals(True)
            combo.setLayer(layer)
            index = find_field(layer, FIELD_ROLES[role][1]) if layer is not None else -1
            combo.setField(layer.fields().at(index).name() if index >= 0 else "")
            combo.blockSignals(False)
        self._fields_changed()

    def _landuse_changed(self, layer: Optional[QgsVectorLayer]) -> None:
        """The class field of another land-use layer: the delivered DLBM, matched in any case, or none."""
        self.classFieldCombo.setLayer(layer)
        index = find_field(layer, LAND_USE_CODE_FIELD) if layer is not None else -1
        self.classFieldCombo.setField(layer.fields().at(index).name() if index >= 0 else "")

    def _layers_changed(self, *_args: Any) -> None:
        if not self._restoring:
            self.save_mapping()
        if self.source() == SOURCE_PROJECT:
            self._workspace_changed()
        else:
            self._update_state()

    def _fields_changed(self, *_args: Any) -> None:
        if not self._restoring:
            self.save_mapping()
        self._update_state()

    def save_mapping(self) -> None:
        """The layers and fields chosen, in the project (saved with it)."""
        layers = {role: (layer.id() if layer is not None else "") for role, layer in self.project_layers().items()}
        data = {"source": self.source(), "layers": layers, "fields": self.field_mapping(),
                "exceptions": self.project.writePath(self._exceptions_file) if self._exceptions_file else ""}
        self.project.writeEntry(MAPPING_SCOPE, MAPPING_KEY, json.dumps(data, sort_keys=True))

    def restore_mapping(self) -> None:
        """The layers and fields the project remembers (those still in it)."""
        text, found = self.project.readEntry(MAPPING_SCOPE, MAPPING_KEY, "")
        try:
            data = json.loads(text) if found and text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            return
        self._restoring = True
        try:
            for role, combo in self.layer_combos().items():
                layer = self.project.mapLayer(str(data.get("layers", {}).get(role, "")))
                combo.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)
            admin = self.adminCombo.currentLayer()
            for role, combo in self.field_combos().items():
                combo.setLayer(admin)
                name = str(data.get("fields", {}).get(role, ""))
                combo.setField(name if admin is not None and admin.fields().indexOf(name) >= 0 else "")
            saved = str(data.get("exceptions", "") or "")
            self._exceptions_file = self.project.readPath(saved) if saved else ""
            self.sourceCombo.setCurrentIndex(SOURCE_PROJECT if data.get("source") == SOURCE_PROJECT
                                             else SOURCE_WORKSPACE)
        finally:
            self._restoring = False

    def _project_cleared(self) -> None:
        """A new or closed project: no layers chosen, and nothing of the last one written into it
        (the combos lost their layers while it was cleared)."""
        self._restoring = True
        try:
            self.sourceCombo.setCurrentIndex(SOURCE_WORKSPACE)
            self._exceptions_file = ""
        finally:
            self._restoring = False
        self.project.removeEntry(MAPPING_SCOPE, MAPPING_KEY)

    def _project_read(self, *_args: Any) -> None:
        self.restore_mapping()
        self.refresh_workspaces()
        self._source_changed()

    def admin_layer(self) -> Optional[QgsVectorLayer]:
        if self.source() == SOURCE_PROJECT:
            return self.adminCombo.currentLayer()
        return self.workspace_layers().get(ADMIN_LAYER)

    def admin_fields(self) -> Tuple[str, str]:
        """(code, name) fields of the admin layer ('' for a name not chosen)."""
        if self.source() == SOURCE_PROJECT:
            mapping = self.field_mapping()
            return mapping["admin_id"], mapping["admin_name"]
        return WORKSPACE_ADMIN_FIELDS

    def results_key(self) -> str:
        """What the results belong to: the workspace's path, or the project's admin layer."""
        if self.source() == SOURCE_PROJECT:
            admin = self.adminCombo.currentLayer()
            return f"project:{admin.id()}" if admin is not None else ""
        return self.workspace_path() or ""

    def results_name(self) -> str:
        if self.source() == SOURCE_PROJECT:
            admin = self.adminCombo.currentLayer()
            return admin.name() if admin is not None else ""
        path = self.workspace_path()
        return Path(path).stem if path else ""

    def can_check(self) -> bool:
        if self.source() == SOURCE_PROJECT:
            return all(layer is not None for layer in self.project_layers().values())
        return self.workspace_path() is not None

    def set_workspace(self, path: str) -> None:
        self.set_source(SOURCE_WORKSPACE)
        self.refresh_workspaces()
        index = self.workspaceCombo.findData(str(path))
        if index >= 0:
            self.workspaceCombo.setCurrentIndex(index)

    def is_running(self) -> bool:
        return self._task is not None

    def _update_state(self, *_args: Any) -> None:
        running = self.is_running()
        project = self.source() == SOURCE_PROJECT
        self.recheckButton.setEnabled(not running and self.can_check())
        self.cancelButton.setEnabled(running and not self._cancel_requested)
        # Exceptions are kept in the workspace's table, or for project layers in a GeoPackage beside
        # the project that the user chooses on the first acceptance.
        self.acceptButton.setEnabled(not running and self.selected_ref() is not None)
        if project:
            self.acceptButton.setToolTip(
                tr("Exceptions are kept in {path}.").format(path=self._exceptions_file) if self._exceptions_file
                else tr("Exceptions of project layers are kept in a GeoPackage beside the project: you choose it "
                        "when you accept the first issue."))
        else:
            self.acceptButton.setToolTip("")
        self.exportButton.setEnabled(not running and ROLE_STATS in self.results)
        self.optionsGroup.setEnabled(not running)
        self.layersGroup.setEnabled(not running)
        self.sourceCombo.setEnabled(not running)
        self.workspaceCombo.setEnabled(not running)
        self.indicatorsButton.setEnabled(not running and self.admin_layer() is not None)

    # ---- checking ----

    def parameters(self) -> Dict[str, Any]:
        """guotu:threelinescheck parameters for the current workspace or the project's layers
        (outputs in memory)."""
        if self.source() == SOURCE_PROJECT:
            return self._project_parameters()
        layers = self.workspace_layers()
        missing = [name for name in LINE_LAYERS + (ADMIN_LAYER,) if name not in layers]
        if missing:
            raise GuotuInputError(tr("The workspace's layers {layers} are not in the project; open the workspace "
                                     "again.").format(layers=", ".join(missing)))
        params: Dict[str, Any] = {"REDLINE": layers[LINE_LAYERS[0]], "FARMLAND": layers[LINE_LAYERS[1]],
                                  "URBAN": layers[LINE_LAYERS[2]], "ADMIN": layers[ADMIN_LAYER],
                                  "SYSTEM": self.systemCombo.currentIndex(),
                                  "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:",
                                  "NOTES": "memory:"}
        if EXCEPTIONS_TABLE in layers:
            params["EXCEPTIONS"] = layers[EXCEPTIONS_TABLE]
        return self._with_options(params)

    def _with_options(self, params: Dict[str, Any]) -> Dict[str, Any]:
        """The options group's land use and 2020 urban land added to ``params``."""
        if self.landuseCombo.currentLayer() is not None:
            params["LANDUSE"] = self.landuseCombo.currentLayer()
            params["CLASS_FIELD"] = self.classFieldCombo.currentField()
        if self.urban2020Combo.currentLayer() is not None:
            params["URBAN_2020"] = self.urban2020Combo.currentLayer()
        return params

    def _project_parameters(self) -> Dict[str, Any]:
        titles = {"redline": tr("red line"), "farmland": tr("permanent farmland"), "urban": tr("urban boundary"),
                  "admin": tr("admin units")}
        layers = self.project_layers()
        missing = [titles[role] for role, layer in layers.items() if layer is None]
        if missing:
            raise GuotuInputError(tr("Choose the layers of the {layers} from the project.").format(
                layers=", ".join(missing)))
        mapping = self.field_mapping()
        if not mapping["admin_id"]:
            raise GuotuInputError(tr('Choose the admin code field of layer "{layer}".').format(
                layer=layers["admin"].name()))
        params: Dict[str, Any] = {LAYER_ROLES[role]: layer for role, layer in layers.items()}
        for role, (parameter, _known) in FIELD_ROLES.items():
            # An emptied field is sent empty: none, so its rule is skipped with its note even
            # when the layer has a field of the delivered name.
            params[parameter] = mapping[role] or ""
        params.update({"SYSTEM": self.systemCombo.currentIndex(), "ISSUES": "memory:", "ISSUE_POINTS": "memory:",
                       "LINE_STATS": "memory:", "NOTES": "memory:"})
        if self._exceptions_file and Path(self._exceptions_file).is_file():
            params["EXCEPTIONS"] = f"{self._exceptions_file}|layername={EXCEPTIONS_TABLE}"
        return self._with_options(params)

    def recheck(self) -> None:
        """Runs the check in the background on the layers as they are now."""
        if self.is_running():
            return
        try:
            params = self.parameters()
        except GuotuInputError as e:
            self._finish(False, str(e))
            return
        from processing.tools import dataobjects  # QGIS's Processing plugin

        algorithm = QgsApplication.processingRegistry().algorithmById(CHECK_ID)
        if algorithm is None:
            self._finish(False, tr("The algorithm {id} is not available; is the Guotu provider loaded?")
                         .format(id=CHECK_ID))
            return
        self._feedback = _Feedback()
        self._feedback.progressChanged.connect(lambda value: self.progressBar.setValue(int(round(value))))
        self._context = dataobjects.createContext(self._feedback)
        self._context.setProject(self.project)
        # What the algorithm's dialog would refuse (a GBK shapefile read garbled, …) is refused here too.
        ok, problem = algorithm.checkParameterValues(params, self._context)
        if not ok:
            self._feedback, self._context = None, None
            self._finish(False, problem)
            return
        self.progressBar.setValue(0)
        self.summaryLabel.setText(tr("Checking…"))
        self._cancel_requested = False
        self._task = QgsProcessingAlgRunnerTask(algorithm, params, self._context, self._feedback)
        self._task.executed.connect(self._executed)
        self._update_state()
        QgsApplication.taskManager().addTask(self._task)

    def cancel(self) -> None:
        """Stops the running re-check; the results shown stay those of the last check."""
        if self._task is None:
            return
        self._cancel_requested = True
        self.summaryLabel.setText(tr("Cancelling…"))
        self._update_state()
        self._task.cancel()

    def _executed(self, successful: bool, results: Dict[str, Any]) -> None:
        context, feedback = self._context, self._feedback
        self._task = None
        if self._cancel_requested or (feedback is not None and feedback.isCanceled()):
            # Even a run that got to its end before the cancel took effect is dropped:
            # the user asked to keep what was shown.
            self._cancel_requested = False
            self.progressBar.setValue(0)
            self._finish(False, tr("The re-check was cancelled; the previous results are kept."), error=False)
            return
        if not successful:
            self._finish(False, feedback.last_error or tr("The three-lines check failed."))
            return
        layers: Dict[str, QgsVectorLayer] = {}
        for key, role in (("ISSUES", ROLE_ISSUES), ("ISSUE_POINTS", ROLE_POINTS), ("LINE_STATS", ROLE_STATS)):
            value = results.get(key)
            layer = value if isinstance(value, QgsVectorLayer) else context.takeResultLayer(str(value))
            if layer is None:
                self._finish(False, tr("The three-lines check returned no {output} layer.").format(output=key))
                return
            layers[role] = layer
        self.notes = _note_texts(results.get("NOTES"), context)
        self.set_results(layers)
        if self.source() == SOURCE_PROJECT:
            self.layersGroup.setCollapsed(True)  # room for the results; the choice stays one click away
        self.progressBar.setValue(100)
        self._finish(True, "\n".join([self.summary_text()] + self.notes))

    def _finish(self, ok: bool, message: str, error: bool = True) -> None:
        """Shows the outcome; ``error=False`` for a failure that is none (a cancel)."""
        self.message = message
        self.summaryLabel.setText(message if ok or not error else tr("Error: {message}").format(message=message))
        self._update_state()
        self.checkFinished.emit(ok, message)

    def set_results(self, layers: Dict[str, QgsVectorLayer]) -> None:
        """Shows the results: layers into the project (replacing the last ones), tree filled."""
        titles = {ROLE_ISSUES: tr("Three-lines issues"), ROLE_POINTS: tr("Three-lines issue points"),
                  ROLE_STATS: tr("Three-lines statistics")}
        group = self._results_group()
        old = [node.layerId() for node in group.findLayers()]
        self.results = {}
        self._result_ids = {}
        for role in (ROLE_POINTS, ROLE_ISSUES, ROLE_STATS):
            layer = layers[role]
            layer.setName(titles[role])
            layer.setCustomProperty(ROLE_PROPERTY, role)
            if role == ROLE_STATS:
                style_stats_layer(layer)
            else:
                style_issues_layer(layer)
            self.project.addMapLayer(layer, False)
            group.addLayer(layer)
            self.results[role] = layer
            self._result_ids[role] = layer.id()
        if old:
            self.project.removeMapLayers(old)
        self.populate()
        self.fill_statistics()

    def _results_group(self) -> QgsLayerTreeGroup:
        root = self.project.layerTreeRoot()
        path = self.results_key()
        for child in root.children():
            if isinstance(child, QgsLayerTreeGroup) and child.customProperty(RESULTS_PROPERTY) == path:
                return child
        group = root.insertGroup(0, tr("Check results: {name}").format(name=self.results_name()))
        group.setCustomProperty(RESULTS_PROPERTY, path)
        return group

    def summary_text(self) -> str:
        issues = [f for role in (ROLE_ISSUES, ROLE_POINTS) if role in self.results
                  for f in self.results[role].getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry))]
        accepted = sum(1 for f in issues if f["status"] == "accepted")
        return tr("{count} issues, {accepted} accepted as exceptions.").format(count=len(issues), accepted=accepted)

    # ---- the tree ----

    def _admin_finder(self):
        """A function geometry -> admin code by point on surface (the admin layer's codes)."""
        admin = self.admin_layer()
        code_field = self.admin_fields()[0]
        code_index = admin.fields().indexOf(code_field) if admin is not None and code_field else -1
        if code_index < 0:
            return lambda _geometry: ""
        index = QgsSpatialIndex()
        units: Dict[int, Tuple[str, QgsGeometry]] = {}
        for feature in admin.getFeatures():
            if feature.hasGeometry():
                index.addFeature(feature)
                units[feature.id()] = (_text(feature.attribute(code_index)), feature.geometry())

        def find(geometry: QgsGeometry) -> str:
            if geometry is None or geometry.isEmpty():
                return ""
            point = geometry.pointOnSurface()
            for fid in index.intersects(point.boundingBox()):
                code, unit = units[fid]
                if unit.intersects(point):
                    return code
            return ""

        return find

    def admin_names(self) -> Dict[str, str]:
        """admin code -> name ('' without a name field)."""
        admin = self.admin_layer()
        code_field, name_field = self.admin_fields()
        names: Dict[str, str] = {}
        if admin is None or not code_field or admin.fields().indexOf(code_field) < 0:
            return names
        code_index = admin.fields().indexOf(code_field)
        name_index = admin.fields().indexOf(name_field) if name_field else -1
        for feature in admin.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
            names[_text(feature.attribute(code_index))] = _text(feature.attribute(name_index)) if name_index >= 0 \
                else ""
        return names

    def populate(self) -> None:
        """Fills the tree: rule > admin unit > issue."""
        self.issuesTree.clear()
        find_admin = self._admin_finder()
        names = self.admin_names()
        titles, severities = rule_titles(), severity_titles()
        zh = _zh()
        grouped: Dict[str, Dict[str, List[Tuple[QgsVectorLayer, QgsFeature]]]] = {}
        for role in (ROLE_POINTS, ROLE_ISSUES):
            layer = self.results.get(role)
            if layer is None:
                continue
            for feature in layer.getFeatures():
                code = str(feature["admin_code"] or "") or find_admin(feature.geometry())
                grouped.setdefault(str(feature["rule_id"]), {}).setdefault(code, []).append((layer, feature))
        for rule in sorted(grouped):
            by_admin = grouped[rule]
            count = sum(len(v) for v in by_admin.values())
            top = QTreeWidgetItem([f"{rule} {titles.get(rule, '')} ({count})"])
            top.setData(0, Qt.ItemDataRole.UserRole, rule)
            self.issuesTree.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)  # group rows: the whole width for their title
            for code in sorted(by_admin):
                label = f"{code} {names.get(code, '')}".strip() if code else tr("(outside every admin unit)")
                unit = QTreeWidgetItem([f"{label} ({len(by_admin[code])})"])
                unit.setData(0, Qt.ItemDataRole.UserRole, code)
                top.addChild(unit)
                unit.setFirstColumnSpanned(True)
                for layer, feature in by_admin[code]:
                    unit.addChild(self._leaf(layer, feature, zh, severities))
            top.setExpanded(True)
        self.issuesTree.expandAll()
        self._fitter.contents_changed()
        self._update_state()

    def _leaf(self, layer: QgsVectorLayer, feature: QgsFeature, zh: bool, severities: Dict[str, str]):
        message = feature["message_zh"] if zh else feature["message_en"]
        suggestion = feature["suggestion_zh"] if zh else feature["suggestion_en"]
        severity = str(feature["severity"])
        status = str(feature["status"])
        rule = str(feature["rule_id"])
        item = QTreeWidgetItem([str(message), severities.get(severity, severity),
                                severities["accepted"] if status == "accepted" else tr("open"),
                                value_text(rule, feature["value"])])
        tip = str(message)
        if suggestion:
            tip += "\n" + tr("Suggestion: {text}").format(text=suggestion)
        item.setToolTip(0, tip)
        item.setToolTip(3, value_tip(rule))
        color = SEVERITY_COLORS.get(severity, ("#000000", "#000000"))[1]
        item.setForeground(1, QBrush(QColor(color)))
        if status == "accepted":
            for column in range(4):
                item.setForeground(column, QBrush(QColor("#808080")))
        item.setData(0, ISSUE_ROLE, {"layer": layer.id(), "fid": feature.id(), "rule": rule,
                                     "fingerprint": str(feature["fingerprint"])})
        return item

    def issue_items(self) -> List[QTreeWidgetItem]:
        items = []
        for i in range(self.issuesTree.topLevelItemCount()):
            top = self.issuesTree.topLevelItem(i)
            for j in range(top.childCount()):
                unit = top.child(j)
                items.extend(unit.child(k) for k in range(unit.childCount()))
        return items

    def ref_of(self, item: Optional[QTreeWidgetItem]) -> Optional[_IssueRef]:
        data = item.data(0, ISSUE_ROLE) if item is not None else None
        if not isinstance(data, dict):
            return None
        return _IssueRef(data["layer"], data["fid"], data["rule"], data["fingerprint"])

    def selected_ref(self) -> Optional[_IssueRef]:
        return self.ref_of(self.issuesTree.currentItem())

    def issue_geometry(self, ref: _IssueRef) -> Tuple[Optional[QgsGeometry], Optional[QgsVectorLayer]]:
        layer = self.project.mapLayer(ref.layer_id)
        if layer is None:
            return None, None
        feature = layer.getFeature(ref.fid)
        return (QgsGeometry(feature.geometry()) if feature.hasGeometry() else None), layer

    def show_issue(self, item: Optional[QTreeWidgetItem]) -> None:
        """Zooms the map to the issue of a leaf and flashes it."""
        self._update_state()
        ref = self.ref_of(item)
        if ref is None or self.canvas is None:
            return
        geometry, layer = self.issue_geometry(ref)
        if geometry is None:
            return
        zoom_and_flash(self.canvas, self.project, geometry, layer.crs())

    # ---- accepting ----

    def _accept_clicked(self) -> None:
        self.accept_selected()

    def exceptions_file(self) -> str:
        """Project-layer mode: the exceptions GeoPackage chosen ("" none yet)."""
        return self._exceptions_file

    def set_exceptions_file(self, path: str) -> None:
        """Keeps the project layers' exceptions in GeoPackage ``path`` (created with the
        workspace's exceptions table when new; an existing file must have that table), saved with
        the project's mapping. Raises GuotuInputError naming the file."""
        open_exceptions_file(Path(path))
        self._exceptions_file = str(Path(path))
        if not self._restoring:
            self.save_mapping()
        self._update_state()

    def exceptions_default(self) -> str:
        """Beside the project file (its name + _exceptions.gpkg), else in the last folder used."""
        project_file = self.project.fileName()
        if project_file:
            project_path = Path(project_file)
            return str(project_path.with_name(f"{project_path.stem}_exceptions.gpkg"))
        return start_path(WORKSPACE_FOLDER, "three_lines_exceptions.gpkg")

    def _ask_exceptions_file(self) -> bool:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("Keep the exceptions in"), self.exceptions_default(), tr("GeoPackage (*.gpkg)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing exceptions file is used, never replaced
        if not path:
            return False
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        try:
            self.set_exceptions_file(path)
        except GuotuInputError as e:
            self._finish(False, str(e))
            return False
        remember_folder(WORKSPACE_FOLDER, path)
        return True

    def exceptions_layer(self) -> Optional[QgsVectorLayer]:
        if self.source() == SOURCE_PROJECT:
            if not self._exceptions_file:
                return None
            try:
                return open_exceptions_file(Path(self._exceptions_file))
            except GuotuInputError:
                return None
        layers = self.workspace_layers()
        if EXCEPTIONS_TABLE in layers:
            return layers[EXCEPTIONS_TABLE]
        path = self.workspace_path()
        if path:
            layer = workspace_layer(Path(path), EXCEPTIONS_TABLE)
            return layer if layer.isValid() else None
        return None

    def accept_selected(self, reason: Optional[str] = None, accepted_by: Optional[str] = None) -> bool:
        """Writes the selected issue to the exceptions table (asks for the reason when not given)."""
        ref = self.selected_ref()
        if ref is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, tr("Accept as exception"),
                                              tr("Why is this {rule} issue acceptable (e.g. linear infrastructure "
                                                 "approved in the red line)?").format(rule=ref.rule))
            if not ok:
                return False
        reason = reason.strip()
        if not reason:
            self._finish(False, tr("An exception needs a reason."))
            return False
        if self.source() == SOURCE_PROJECT and not self._exceptions_file and not self._ask_exceptions_file():
            return False
        table = self.exceptions_layer()
        if table is None:
            self._finish(False, tr("The workspace has no exceptions table.") if self.source() != SOURCE_PROJECT
                         else tr('Cannot open the exceptions of "{path}".').format(path=self._exceptions_file))
            return False
        feature = QgsFeature(table.fields())
        values = {"rule_id": ref.rule, "fingerprint": ref.fingerprint, "reason": reason,
                  "accepted_by": accepted_by if accepted_by is not None else reviewer_name(), "accepted_at": utc_now()}
        for name, value in values.items():
            feature.setAttribute(table.fields().indexOf(name), value)
        if table.isEditable():
            ok = table.addFeature(feature)  # saved with the user's other edits
        else:
            ok, _added = table.dataProvider().addFeatures([feature])
            table.reload()
        if not ok:
            self._finish(False, tr("The exception could not be written to the exceptions table."))
            return False
        self._mark_accepted(ref.fingerprint, reason)
        self._finish(True, tr("Accepted as exception: {rule} ({fingerprint}).").format(rule=ref.rule,
                                                                                      fingerprint=ref.fingerprint))
        return True

    def _mark_accepted(self, fingerprint: str, reason: str) -> None:
        """The result layers and the tree show the issue (and any with its fingerprint) accepted."""
        for role in (ROLE_ISSUES, ROLE_POINTS):
            layer = self.results.get(role)
            if layer is None:
                continue
            status, why = layer.fields().indexOf("status"), layer.fields().indexOf("exception_reason")
            request = QgsFeatureRequest().setFilterExpression(f"\"fingerprint\" = '{fingerprint}'")
            changes = {f.id(): {status: "accepted", why: reason} for f in layer.getFeatures(request)}
            if changes:
                layer.dataProvider().changeAttributeValues(changes)
                layer.triggerRepaint()
        current = self.selected_ref()
        self.populate()
        if current is not None:
            for item in self.issue_items():
                ref = self.ref_of(item)
                if ref is not None and ref.layer_id == current.layer_id and ref.fid == current.fid:
                    self.issuesTree.setCurrentItem(item)
                    break

    # ---- export ----

    def _ask_export(self) -> None:
        csv_path, _filter = QFileDialog.getSaveFileName(self, tr("Export statistics"), self.export_default(),
                                                        tr("CSV files (*.csv)"))
        if csv_path:
            remember_folder(STATS_FOLDER, csv_path)
            if not csv_path.lower().endswith(".csv"):
                csv_path += ".csv"
            self.export_statistics(Path(csv_path), Path(csv_path).with_suffix(".pdf"))

    def export_default(self) -> str:
        """Where the export dialog starts: "<workspace>_stats.csv" in the folder last used for
        statistics, else the project's folder, else the workspace's own."""
        path = self.workspace_path() if self.source() == SOURCE_WORKSPACE else None
        name = (self.results_name() or "three_lines") + "_stats.csv"
        folder = start_folder(STATS_FOLDER, self.project)
        if path and folder == str(Path.home()):  # nothing better known: next to the workspace
            folder = str(Path(path).parent)
        return str(Path(folder) / name)

    def export_statistics(self, csv_path: Path, pdf_path: Optional[Path] = None) -> bool:
        """The statistics as CSV and, with ``pdf_path``, the PDF report."""
        stats = self.results.get(ROLE_STATS)
        if stats is None:
            self._finish(False, tr("Run the check first."))
            return False
        try:
            write_stats_csv(csv_path, stats_rows(stats))
            written = [str(csv_path)]
            if pdf_path is not None:
                report = self.write_report(pdf_path)
                written.append(str(pdf_path))
                for warning in report.warnings:
                    self.summaryLabel.setText(warning)
        except (OSError, ValueError, RuntimeError) as e:
            self._finish(False, str(e))
            return False
        self._finish(True, tr("Statistics written to {paths}.").format(paths=", ".join(written)))
        return True

    def shown_layers(self) -> List[QgsVectorLayer]:
        """The layers the report's map draws: the admin units and the three lines."""
        if self.source() == SOURCE_PROJECT:
            layers = self.project_layers()
            return [layers[role] for role in ("admin", "urban", "redline", "farmland") if layers[role] is not None]
        layers = self.workspace_layers()
        return [layers[name] for name in (ADMIN_LAYER, "urban_boundary", "ecological_redline", "permanent_farmland")
                if name in layers]

    def write_report(self, pdf_path: Path):
        """The three-lines report (with the indicators' page when a table of them is shown)."""
        source = self.workspace_path() if self.source() == SOURCE_WORKSPACE else self.results_name()
        return export_lines_report(
            LinesReportLayers(self.shown_layers(), self.results.get(ROLE_ISSUES), self.results.get(ROLE_POINTS),
                              self.results[ROLE_STATS], source=source or "", indicators=self.indicators_layer()),
            pdf_path, project=self.project)

    # ---- the statistics tab ----

    def fill_statistics(self) -> None:
        self.fill_areas()
        self.refresh_indicators()

    def fill_areas(self) -> None:
        """The areas of the lines by admin unit, from the last check's statistics."""
        stats = self.results.get(ROLE_STATS)
        rows = []
        if stats is not None:
            for feature in stats.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
                rows.append([_text(feature["admin_code"]), _text(feature["admin_name"]), feature["redline_ha"],
                             feature["farmland_ha"], feature["urban_ha"]])
        _fill_table(self.areasTable, rows, numbers=(2, 3, 4))

    def indicators_layer(self) -> Optional[QgsVectorLayer]:
        """The binding indicators' table of the admin units chosen: the highest in the layer tree
        (then any other in the project: one just added has no tree node yet) whose admin codes are
        all units of the admin layer."""
        codes = set(self.admin_names())
        if not codes:
            return None
        in_tree = [node.layer() for node in self.project.layerTreeRoot().findLayers()]
        seen = {layer.id() for layer in in_tree if layer is not None}
        others = [layer for layer_id, layer in self.project.mapLayers().items() if layer_id not in seen]
        for layer in in_tree + others:
            if not is_indicators_layer(layer):
                continue
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            found = {_text(f["admin_code"]) for f in layer.getFeatures(request)}
            if found and found <= codes:
                return layer
        return None

    def refresh_indicators(self, *_args: Any) -> None:
        """The indicators' table shown: value, target and the result of each unit and indicator."""
        self._prune_results()
        layer = self.indicators_layer()
        names = indicator_names()
        results = result_titles()
        zh = chinese_ui()
        rows, colors = [], []
        if layer is not None:
            for f in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
                key, result = _text(f["indicator"]), _text(f["result"])
                name = _text(f["indicator_zh"]) if zh else names.get(key, key)
                rows.append([_text(f["admin_code"]), _text(f["admin_name"]), name, f["measured"], f["target"],
                             results.get(result, result)])
                colors.append(RESULT_COLORS.get(result))
        _fill_table(self.indicatorsTable, rows, numbers=(3, 4))
        for row, color in enumerate(colors):
            if color:
                self.indicatorsTable.item(row, 5).setForeground(QBrush(QColor(color)))
        self.indicatorsSource.setText(tr("From the table “{layer}”.").format(layer=layer.name()) if layer is not None
                                      else tr("No binding indicators of these admin units in the project: run "
                                              "“Binding indicators…”."))
        self.reportLink.setEnabled(layer is not None and ROLE_STATS in self.results)

    def indicator_parameters(self) -> Dict[str, Any]:
        """guotu:bindingindicators' parameters from the dock: the admin units and their fields,
        the land use and its class field, the farmland, the farmland target as mapped and every
        other target whose known name (indicators_check.KNOWN_TARGET_FIELDS) the admin layer has."""
        admin = self.admin_layer()
        params: Dict[str, Any] = {"ADMIN": admin.id() if admin is not None else None}
        code_field, name_field = self.admin_fields()
        if code_field:
            params["ADMIN_CODE"] = code_field
        if name_field:
            params["ADMIN_NAME"] = name_field
        # Every target whose known name the admin layer has; the farmland target of the layers
        # chosen as mapped here (also when it was switched off).
        targets = known_target_fields(admin)
        if self.source() == SOURCE_PROJECT:
            farmland = self.farmlandCombo.currentLayer()
            targets["permanent_farmland"] = self.field_mapping()["farmland_target"]
        else:
            farmland = self.workspace_layers().get(LINE_LAYERS[1])
        if farmland is not None:
            params["FARMLAND"] = farmland.id()
        for key in KEYS:
            if targets.get(key):
                params[f"TARGET_{key.upper()}"] = targets[key]
        landuse = self.landuseCombo.currentLayer()
        if landuse is not None:
            params["LANDUSE"] = landuse.id()
            if self.classFieldCombo.currentField():
                params["CLASS_FIELD"] = self.classFieldCombo.currentField()
        return params

    def open_indicators_dialog(self) -> None:
        """guotu:bindingindicators' dialog filled from the dock (the targets are chosen there);
        its table, loaded into the project, shows up in the statistics."""
        import processing  # QGIS's Processing plugin

        try:
            dialog = processing.createAlgorithmDialog(INDICATORS_ID, self.indicator_parameters())
        except Exception as e:  # noqa: BLE001 — Processing raises plain exceptions for an unknown id
            self._finish(False, tr("The algorithm {id} is not available: {error}").format(id=INDICATORS_ID, error=e))
            return
        if dialog is None:
            self._finish(False, tr("The algorithm {id} is not available; is the Guotu provider loaded?")
                         .format(id=INDICATORS_ID))
            return
        self._indicators_dialog = dialog
        dialog.show()

    def _ask_report(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, tr("Indicators page of the report"),
                                                    str(Path(self.export_default()).with_suffix(".pdf")),
                                                    tr("PDF files (*.pdf)"))
        if path:
            remember_folder(STATS_FOLDER, path)
            self.open_report(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def open_report(self, pdf_path: Path, show: bool = True) -> int:
        """Writes the three-lines report and opens it at the indicators' first page; returns
        that page (0 on failure)."""
        if ROLE_STATS not in self.results:
            self._finish(False, tr("Run the check first."))
            return 0
        try:
            report = self.write_report(pdf_path)
        except (OSError, ValueError, RuntimeError) as e:
            self._finish(False, str(e))
            return 0
        url = QUrl.fromLocalFile(str(pdf_path))
        if report.indicators_page:
            url.setFragment(f"page={report.indicators_page}")
        if show:
            QDesktopServices.openUrl(url)
        self._finish(True, tr("Report written to {path} (the indicators from page {page}).").format(
            path=pdf_path, page=report.indicators_page))
        return report.indicators_page

    def closeEvent(self, event) -> None:  # noqa: N802 — Qt API name
        self.cancel()
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Stops a running re-check and disconnects from the project (the plugin unloads)."""
        self._restoring = True  # the layers leaving with the project are no choice of the user's
        self.cancel()
        for signal, slot in ((self.project.layersAdded, self.refresh_workspaces),
                             (self.project.layersRemoved, self.refresh_workspaces),
                             (self.project.layersAdded, self.refresh_indicators),
                             (self.project.layersRemoved, self.refresh_indicators),
                             (self.project.readProject, self._project_read),
                             (self.project.cleared, self._project_cleared)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        if self._indicators_dialog is not None:
            self._indicators_dialog.close()
            self._indicators_dialog = None


def _note_texts(value: Any, context) -> List[str]:
    """The check's notes in the UI's language (the table NOTES: rule_id, note_zh, note_en)."""
    layer = value if isinstance(value, QgsVectorLayer) else (context.takeResultLayer(str(value)) if value else None)
    if layer is None:
        return []
    column = "note_zh" if chinese_ui() else "note_en"
    return [_text(f[column]) for f in layer.getFeatures() if _text(f[column])]


def _text(value: Any) -> str:
    return "" if is_null(value) else str(value).strip()


def _fill_table(table, rows: List[List[Any]], numbers: Tuple[int, ...]) -> None:
    """Rows into a QTableWidget; the columns ``numbers`` as numbers with two decimals (the
    value itself in the item's UserRole; a NULL stays empty)."""
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if c in numbers:
                number = None if is_null(value) else float(value)
                item = QTableWidgetItem("" if number is None else f"{number:,.2f}")
                item.setData(Qt.ItemDataRole.UserRole, number)
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
            else:
                item = QTableWidgetItem(str(value))
            table.setItem(r, c, item)


def indicator_names() -> Dict[str, str]:
    """The indicators' names in the UI's language (by key)."""
    return {"cultivated_land": tr("Cultivated land to keep"), "permanent_farmland": tr("Permanent farmland task"),
            "construction_land": tr("Total construction land"),
            "urban_rural_construction": tr("Urban-rural construction land"),
            "new_construction_on_cultivated": tr("New construction on cultivated land"),
            "forest_cover": tr("Forest cover (%)"), "forest_land": tr("Forest land to keep"),
            "forest_land_taken": tr("Forest land taken")}


def result_titles() -> Dict[str, str]:
    return {"pass": tr("pass"), "fail": tr("fail"), "no_target": tr("no target"), "not_measured": tr("not measured")}


# ---- the workspace actions ----

def new_workspace_interactive(parent: Optional[QWidget], project: Optional[QgsProject] = None) -> Optional[Path]:
    """Asks for a file name and a CRS, creates the workspace and opens it; returns its path."""
    from qgis.gui import QgsProjectionSelectionDialog

    project = project if project is not None else QgsProject.instance()
    path, _filter = QFileDialog.getSaveFileName(parent, tr("New three-lines workspace"),
                                                start_path(WORKSPACE_FOLDER, "three_lines.gpkg", project),
                                                tr("GeoPackage (*.gpkg)"),
                                                options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    remember_folder(WORKSPACE_FOLDER, path)
    if not path.lower().endswith(".gpkg"):
        path += ".gpkg"
    dialog = QgsProjectionSelectionDialog(parent)
    crs = project.crs() if project.crs().isValid() and not project.crs().isGeographic() \
        else QgsCoordinateReferenceSystem("EPSG:4527")
    dialog.setCrs(crs)
    dialog.setWindowTitle(tr("CRS of the workspace"))
    if not dialog.exec():
        return None
    try:
        create_workspace(Path(path), dialog.crs())
        open_workspace(Path(path), project)
    except GuotuInputError as e:
        QMessageBox.warning(parent, tr("New three-lines workspace"), str(e))
        return None
    return Path(path)


def open_workspace_interactive(parent: Optional[QWidget], project: Optional[QgsProject] = None,
                               canvas=None) -> Optional[Path]:
    """Asks for a workspace, opens it (once: a second time reuses the group) and zooms
    ``canvas`` (optional) to what is drawn in it."""
    project = project if project is not None else QgsProject.instance()
    path, _filter = QFileDialog.getOpenFileName(parent, tr("Open three-lines workspace"),
                                                start_folder(WORKSPACE_FOLDER, project), tr("GeoPackage (*.gpkg)"))
    if not path:
        return None
    remember_folder(WORKSPACE_FOLDER, path)
    try:
        opened = open_workspace(Path(path), project)
    except GuotuInputError as e:
        QMessageBox.warning(parent, tr("Open three-lines workspace"), str(e))
        return None
    if canvas is not None:  # show what is drawn in it
        extent = workspace_extent(opened, canvas.mapSettings().destinationCrs(), project.transformContext())
        if extent is not None:
            canvas.setExtent(extent)
            canvas.refresh()
    return Path(path)


__all__ = ["LinesDock", "new_workspace_interactive", "open_workspace_interactive", "WORKSPACE_PROPERTY"]
