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

Also here: the "New three-lines workspace" and "Open three-lines workspace" actions'
dialogs (file and CRS choice), so that the plugin class only wires actions.
"""

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QTreeWidgetItem, QWidget
from qgis.gui import QgsDockWidget
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeature,
                       QgsFeatureRequest, QgsGeometry, QgsLayerTreeGroup, QgsMapLayerProxyModel,
                       QgsProcessingAlgRunnerTask, QgsProcessingFeedback, QgsProject,
                       QgsSpatialIndex, QgsVectorLayer)

from ..binding.errors import GuotuInputError
from ..reporting.reviewer import reviewer_name, utc_now
from ..lines.lines_check import DEFAULT_SYSTEM, SYSTEMS, rule_titles
from ..indicators.indicators_report import indicators_layer_in
from ..lines.lines_report import (SEVERITY_COLORS, LinesReportLayers, export_lines_report, severity_titles,
                                 stats_rows, style_issues_layer, style_stats_layer, write_stats_csv)
from ..lines.lines_values import value_text, value_tip
from ..lines.lines_workspace import (ADMIN_LAYER, EXCEPTIONS_TABLE, LINE_LAYERS, ROLE_PROPERTY, WORKSPACE_PROPERTY,
                                    create_workspace, open_workspace, project_workspaces, workspace_extent,
                                    workspace_layer)
from ..i18n import tr
from ..paths import ui_path
from .dock_layout import DockFitter, configure_wrapping_list
from .map_focus import zoom_and_flash
from .start_folder import remember_folder, start_folder, start_path

CHECK_ID = "guotu:threelinescheck"
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
        self._task: Optional[QgsProcessingAlgRunnerTask] = None
        self._context = None
        self._feedback: Optional[_Feedback] = None
        self._cancel_requested = False
        self._retranslate()
        self._configure()
        self._connect()
        self.refresh_workspaces()
        self._update_state()

    # ---- set-up ----

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Three control lines check (三区三线检查)"))
        self.workspaceLabel.setText(tr("Workspace"))
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
        self.classFieldCombo.setLayer(None)
        configure_wrapping_list(self.issuesTree)
        self._fitter = DockFitter(self, self.issuesTree)
        self.progressBar.setValue(0)

    def _connect(self) -> None:
        self.project.layersAdded.connect(self.refresh_workspaces)
        self.project.layersRemoved.connect(self.refresh_workspaces)
        self.workspaceCombo.currentIndexChanged.connect(self._workspace_changed)
        self.landuseCombo.layerChanged.connect(self.classFieldCombo.setLayer)
        self.recheckButton.clicked.connect(self.recheck)
        self.cancelButton.clicked.connect(self.cancel)
        self.acceptButton.clicked.connect(self._accept_clicked)
        self.exportButton.clicked.connect(self._ask_export)
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
        self._update_state()

    def workspace_path(self) -> Optional[str]:
        data = self.workspaceCombo.currentData() if self.workspaceCombo.count() else None
        return str(data) if data else None

    def workspace_layers(self) -> Dict[str, QgsVectorLayer]:
        path = self.workspace_path()
        return project_workspaces(self.project).get(path, {}) if path else {}

    def set_workspace(self, path: str) -> None:
        self.refresh_workspaces()
        index = self.workspaceCombo.findData(str(path))
        if index >= 0:
            self.workspaceCombo.setCurrentIndex(index)

    def is_running(self) -> bool:
        return self._task is not None

    def _update_state(self, *_args: Any) -> None:
        running = self.is_running()
        self.recheckButton.setEnabled(not running and self.workspace_path() is not None)
        self.cancelButton.setEnabled(running and not self._cancel_requested)
        self.acceptButton.setEnabled(not running and self.selected_ref() is not None)
        self.exportButton.setEnabled(not running and ROLE_STATS in self.results)
        self.optionsGroup.setEnabled(not running)

    # ---- checking ----

    def parameters(self) -> Dict[str, Any]:
        """guotu:threelinescheck parameters for the current workspace (outputs in memory)."""
        layers = self.workspace_layers()
        missing = [name for name in LINE_LAYERS + (ADMIN_LAYER,) if name not in layers]
        if missing:
            raise GuotuInputError(tr("The workspace's layers {layers} are not in the project; open the workspace "
                                     "again.").format(layers=", ".join(missing)))
        params: Dict[str, Any] = {"REDLINE": layers[LINE_LAYERS[0]], "FARMLAND": layers[LINE_LAYERS[1]],
                                  "URBAN": layers[LINE_LAYERS[2]], "ADMIN": layers[ADMIN_LAYER],
                                  "SYSTEM": self.systemCombo.currentIndex(),
                                  "ISSUES": "memory:", "ISSUE_POINTS": "memory:", "LINE_STATS": "memory:"}
        if EXCEPTIONS_TABLE in layers:
            params["EXCEPTIONS"] = layers[EXCEPTIONS_TABLE]
        if self.landuseCombo.currentLayer() is not None:
            params["LANDUSE"] = self.landuseCombo.currentLayer()
            params["CLASS_FIELD"] = self.classFieldCombo.currentField()
        if self.urban2020Combo.currentLayer() is not None:
            params["URBAN_2020"] = self.urban2020Combo.currentLayer()
        return params

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
        self.set_results(layers)
        self.progressBar.setValue(100)
        self._finish(True, self.summary_text())

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

    def _results_group(self) -> QgsLayerTreeGroup:
        root = self.project.layerTreeRoot()
        path = self.workspace_path() or ""
        for child in root.children():
            if isinstance(child, QgsLayerTreeGroup) and child.customProperty(RESULTS_PROPERTY) == path:
                return child
        group = root.insertGroup(0, tr("Check results: {name}").format(name=Path(path).stem))
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
        admin = self.workspace_layers().get(ADMIN_LAYER)
        if admin is None:
            return lambda _geometry: ""
        index = QgsSpatialIndex()
        units: Dict[int, Tuple[str, QgsGeometry]] = {}
        for feature in admin.getFeatures():
            if feature.hasGeometry():
                index.addFeature(feature)
                units[feature.id()] = (str(feature["xzqdm"] or ""), feature.geometry())

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
        admin = self.workspace_layers().get(ADMIN_LAYER)
        names: Dict[str, str] = {}
        if admin is not None:
            for feature in admin.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)):
                names[str(feature["xzqdm"] or "")] = "" if feature["xzqmc"] is None else str(feature["xzqmc"] or "")
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

    def exceptions_layer(self) -> Optional[QgsVectorLayer]:
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
        table = self.exceptions_layer()
        if table is None:
            self._finish(False, tr("The workspace has no exceptions table."))
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
        path = self.workspace_path()
        name = (Path(path).stem if path else "three_lines") + "_stats.csv"
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
                layers = self.workspace_layers()
                shown = [layers[name] for name in (ADMIN_LAYER, "urban_boundary", "ecological_redline",
                                                   "permanent_farmland") if name in layers]
                report = export_lines_report(
                    LinesReportLayers(shown, self.results.get(ROLE_ISSUES), self.results.get(ROLE_POINTS), stats,
                                      source=self.workspace_path() or "",
                                      indicators=indicators_layer_in(self.project)), pdf_path, project=self.project)
                written.append(str(pdf_path))
                for warning in report.warnings:
                    self.summaryLabel.setText(warning)
        except (OSError, ValueError, RuntimeError) as e:
            self._finish(False, str(e))
            return False
        self._finish(True, tr("Statistics written to {paths}.").format(paths=", ".join(written)))
        return True

    def closeEvent(self, event) -> None:  # noqa: N802 — Qt API name
        self.cancel()
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Stops a running re-check and disconnects from the project (the plugin unloads)."""
        self.cancel()
        for signal in (self.project.layersAdded, self.project.layersRemoved):
            try:
                signal.disconnect(self.refresh_workspaces)
            except TypeError:
                pass


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
