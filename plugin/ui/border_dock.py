"""The cross-city border review dock, 跨市边界冲突审查 (form: ui/border_dock.ui).

Lists the conflicts of a border comparison by city pair, worst pair first (the pair
summary's score); a click zooms the map to the conflict and flashes it. "Mark agreed",
"Mark exception…" (with a note) and "Reopen" write the review into the conflict layers
themselves (areas and border lines), so it persists with the output. "Pair report" writes
the printable report of the selected pair (with the framework's indicators and the round
comparison chosen here, when there are). Selecting a pair shows, when the transmission
framework's results (element_indicators, indicator_findings) are in the project, the
indicators of the elements both cities share and the findings on them (border.border_report):
in a table of the elements' parts and border strips with their findings, where choosing a row
selects that part in the indicators layer and zooms the map to it.
When a round comparison of the three-down-three-up check (guotu:framerounds or `guotu framework
rounds`) is in the project, chosen in "Round comparison" (or added from its GeoPackage with "Open round
comparison…", with the element indicators the file holds), the pair also shows its conflicts and
findings across the rounds (frame.round_review): resolved, persisting or new, the review and
note carried over, those on the return list marked; choosing a row zooms the map to the
conflict's border line or the finding's part, and the pair's summary counts them by status.
Grouping and reviews live in core.border_review; this class only wires widgets to it.

A comparison in temporary layers (Processing's default outputs) would lose its review when
QGIS closes: the dock says so in a warning line with "Save review…", which writes the
comparison into a GeoPackage and swaps the project's layers for the saved ones
(border.border_keep); the first review on temporary layers offers it, and so does the
project being closed (QGIS exits, a new or another project is opened) while reviews are
unsaved. Areas are listed in hectares (border.border_values).
"""

from pathlib import Path
from typing import Any, List, Optional, Tuple

from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                                 QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QTreeWidgetItem, QWidget)
from qgis.core import QgsFeatureRequest, QgsMapLayerProxyModel, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox

from ..border.border_keep import DEFAULT_NAME, free_path, is_temporary, keep_comparison, unsaved_reviews
from ..border.border_values import area_description, area_ha_text, length_m_text
from ..border.border_check import REVIEW_AGREED, REVIEW_EXCEPTION, REVIEW_OPEN, conflict_title
from ..border.border_report import (BorderReportLayers, FrameworkTableRow, export_pair_report, find_framework_results,
                                   framework_table_headings, pair_file_name, pair_framework_table,
                                   pair_framework_text)
from ..border.border_review import (ConflictRow, PairRow, apply_review, conflict_rows, is_conflict_layer, is_line_layer,
                                  pair_rows)
from ..border.border_style import REVIEWED_COLOR, STATUS_COLORS, style_conflicts_layer
from ..frame.round_review import (STATUS_COLORS as ROUND_COLORS, RoundRow, finding_zone, find_round_comparisons,
                                  is_round_comparison, pair_round_rows, read_round_file, round_summary_text,
                                  round_table_headings)
from ..reporting.companions import companion_layer, has_fields
from ..i18n import tr
from ..paths import ui_path
from .dock_layout import DockFitter, configure_review_list
from .map_focus import zoom_and_flash
from .start_folder import remember_folder, start_folder, start_path

ALG = "guotu:borderconflicts"
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 1  # leaves: conflict id
PAIR_ROLE = Qt.ItemDataRole.UserRole + 2      # top level: (admin_a, admin_b)
ALL = "*"
REPORT_FOLDER, KEEP_FOLDER = "border_report", "border_review"  # file dialogs' remembered folders
ROUNDS_FOLDER = "border_rounds"


FORM_CLASS, _BASE = uic.loadUiType(ui_path("border_dock.ui"))


class BorderDock(QgsDockWidget, FORM_CLASS):
    """Browse and review the conflicts of a border comparison."""

    def __init__(self, iface=None, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None,
                 canvas=None) -> None:
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GuotuBorderDock")
        self.iface = iface
        self.project = project if project is not None else QgsProject.instance()
        self.canvas = canvas if canvas is not None else (iface.mapCanvas() if iface is not None else None)
        self.pairs: List[PairRow] = []
        self.message = ""
        self.report_path: Optional[Path] = None  # tests set it; else asked for
        self.note_for_exception: Optional[str] = None  # tests set it; else asked for
        self.keep_path: Optional[Path] = None  # tests set it; else asked for
        self.round_path: Optional[Path] = None  # tests set it; else asked for
        self.ask_questions = iface is not None  # offscreen tests answer through keep_path
        self._offered_keep: set = set()  # ids of temporary layers whose first review offered saving
        self.framework_rows: List[FrameworkTableRow] = []  # the pair's framework table, row by row
        self.framework_layer: Optional[QgsVectorLayer] = None  # the element_indicators layer shown
        self.frameworkTable = self._make_framework_table()
        self.round_rows: List[RoundRow] = []  # the pair's conflicts and findings across the rounds
        self.round_selected: Optional[QgsVectorLayer] = None  # the layer whose feature the round table selected
        self.roundLabel, self.roundCombo, self.roundOpenButton, self.roundTable = self._make_round_widgets()
        self._retranslate()
        self.layerCombo.setFilters(QgsMapLayerProxyModel.LineLayer)
        configure_review_list(self.conflictTree)
        # Every column exactly as wide as its content, the review column too: stretched as the
        # last one it kept a width of its own beyond the dock, and its Chinese title and values
        # ("4 处待审", "已认可") were cut at the dock's default width.
        self.conflictTree.header().setStretchLastSection(False)
        self._fitter = DockFitter(self, self.conflictTree)
        self.keepFrame.setVisible(False)
        self.keepLabel.setStyleSheet("color: #b35900;")
        self.layerCombo.layerChanged.connect(self.reload)
        self.reviewCombo.currentIndexChanged.connect(self.fill_tree)
        self.conflictTree.currentItemChanged.connect(lambda item, _old: self.show_item(item))
        self.conflictTree.itemClicked.connect(lambda item, _column: self.show_item(item))
        self.agreeButton.clicked.connect(lambda: self.review_selected(REVIEW_AGREED))
        self.exceptionButton.clicked.connect(lambda: self.review_selected(REVIEW_EXCEPTION))
        self.reopenButton.clicked.connect(lambda: self.review_selected(REVIEW_OPEN))
        self.runButton.clicked.connect(self.open_algorithm)
        self.reportButton.clicked.connect(self.export_report)
        self.saveButton.clicked.connect(self._save_clicked)
        self.project.layersAdded.connect(self._pick_layer)
        self.project.layersAdded.connect(self._pick_round_layer)
        self.project.layersRemoved.connect(self._pick_round_layer)
        self.roundCombo.layerChanged.connect(self._round_layer_changed)
        self.project.removeAll.connect(self._before_clear)  # before clear() removes them
        self._pick_layer()
        self._pick_round_layer()

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Cross-city border review (跨市边界冲突审查)"))
        self.layerLabel.setText(tr("Border conflicts"))
        self.reviewLabel.setText(tr("Review"))
        self.agreeButton.setText(tr("Mark agreed"))
        self.exceptionButton.setText(tr("Mark exception…"))
        self.reopenButton.setText(tr("Reopen"))
        self.runButton.setText(tr("Compare borders…"))
        self.reportButton.setText(tr("Pair report (PDF)…"))
        self.conflictTree.setHeaderLabels([tr("Conflict"), tr("Length (m)"), tr("Area (ha)"), tr("Review")])
        self.frameworkTable.setHorizontalHeaderLabels(framework_table_headings())
        self.roundLabel.setText(tr("Round comparison"))
        self.roundOpenButton.setText(tr("Open round comparison…"))
        self.roundOpenButton.setToolTip(tr("Adds the round comparison of a GeoPackage (guotu:framerounds or guotu "
                                           "framework rounds), and its element indicators when the file holds them, "
                                           "to the project and shows it here."))
        self.roundTable.setHorizontalHeaderLabels(round_table_headings())
        self.keepLabel.setText(tr("These conflicts are in temporary layers: the review is lost when QGIS closes. "
                                  "Save them to a GeoPackage to keep it."))
        self.saveButton.setText(tr("Save review…"))
        self.reviewCombo.clear()
        for text, value in ((tr("All conflicts"), ALL), (tr("Open"), REVIEW_OPEN), (tr("Agreed"), REVIEW_AGREED),
                            (tr("Exception"), REVIEW_EXCEPTION)):
            self.reviewCombo.addItem(text, value)

    def _make_framework_table(self) -> QTableWidget:
        """The table of the pair's framework results, under the detail text (hidden until a
        pair with framework results is chosen)."""
        table = QTableWidget(0, len(framework_table_headings()), self.detailBrowser.parentWidget())
        table.setObjectName("frameworkTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(120)
        table.setVisible(False)
        layout = self.detailBrowser.parentWidget().layout()
        layout.insertWidget(layout.indexOf(self.detailBrowser) + 1, table)
        table.currentCellChanged.connect(lambda row, _col, _row0, _col0: self.show_framework_row(row))
        return table

    def _make_round_widgets(self) -> Tuple[QLabel, QgsMapLayerComboBox, QPushButton, QTableWidget]:
        """The round comparison's chooser, the button opening one from a file, and the table of
        the pair's conflicts and findings across the rounds, under the framework table (the
        table hidden until a pair is chosen with a round comparison in the project)."""
        parent = self.detailBrowser.parentWidget()
        label = QLabel(parent)
        combo = QgsMapLayerComboBox(parent)
        combo.setObjectName("roundCombo")
        combo.setAllowEmptyLayer(True)
        button = QPushButton(parent)
        button.setObjectName("roundOpenButton")
        button.clicked.connect(self._open_rounds_clicked)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(combo, 1)
        row.addWidget(button)
        table = QTableWidget(0, len(round_table_headings()), parent)
        table.setObjectName("roundTable")
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMinimumHeight(120)
        table.setVisible(False)
        layout = parent.layout()
        at = layout.indexOf(self.frameworkTable) + 1
        layout.insertLayout(at, row)
        layout.insertWidget(at + 1, table)
        table.currentCellChanged.connect(lambda r, _col, _row0, _col0: self.show_round_row(r))
        return label, combo, button, table

    def _pick_round_layer(self, *_args: Any) -> None:
        """Offers the project's round comparison tables in the chooser; a newly added one is
        chosen, else the one chosen stays, else the last one."""
        found = find_round_comparisons(self.project)
        ids = {layer.id() for layer in found}
        others = [layer for layer in self.project.mapLayers().values() if layer.id() not in ids]
        self.roundCombo.blockSignals(True)
        self.roundCombo.setExceptedLayerList(others)
        added = [layer for layer in (_args[0] if _args and isinstance(_args[0], list) else [])
                 if is_round_comparison(layer)]
        current = self.roundCombo.currentLayer()
        if added:
            self.roundCombo.setLayer(added[-1])
        elif current is None or current.id() not in ids:
            self.roundCombo.setLayer(found[-1] if found else None)
        self.roundCombo.blockSignals(False)
        self.show_item(self.conflictTree.currentItem())

    def _round_layer_changed(self, *_args: Any) -> None:
        """Another round comparison chosen: the pair's view is refreshed once the event is
        over (the chooser also changes while the project is removing its layers)."""
        QTimer.singleShot(0, self._refresh_selection)

    def _refresh_selection(self) -> None:
        try:
            self.show_item(self.conflictTree.currentItem())
        except RuntimeError:  # the dock was closed in the meantime
            pass

    def _open_rounds_clicked(self) -> None:
        self.open_round_comparison()

    def open_round_comparison(self, path: Optional[Path] = None) -> Optional[QgsVectorLayer]:
        """Adds the round comparison of a GeoPackage (``path``, else ``round_path``, else asked
        for), and the framework's tables the same file holds, to the project and chooses it;
        a file without a round comparison is refused, named. Returns the layer chosen."""
        path = path if path is not None else self.round_path
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(self, tr("Open round comparison"),
                                                          start_folder(ROUNDS_FOLDER, self.project),
                                                          tr("GeoPackage (*.gpkg)"))
            if not chosen:
                return None
            remember_folder(ROUNDS_FOLDER, chosen)
            path = Path(chosen)
        try:
            found = read_round_file(Path(path))
        except ValueError as e:
            self.message = str(e)
            if self.iface is not None:
                QMessageBox.warning(self, self.windowTitle(), self.message)
            return None
        pair = self.selected_pair()
        comparison = found.add_to_project(self.project)  # the tree is filled anew: the pair chosen again
        self.roundCombo.setLayer(comparison)
        item = next((top for top in self.pair_items() if top.data(0, PAIR_ROLE) == pair), None)
        if item is not None and item is not self.conflictTree.currentItem():
            self.conflictTree.setCurrentItem(item)
        else:
            self.show_item(self.conflictTree.currentItem())
        self.message = tr("Round comparison {layer} opened from {path}.").format(layer=comparison.name(), path=path)
        if self.iface is not None:
            self.iface.messageBar().pushSuccess(self.windowTitle(), self.message)
        return comparison

    def round_layer(self) -> Optional[QgsVectorLayer]:
        """The round comparison chosen (None without one)."""
        layer = self.roundCombo.currentLayer()
        return layer if is_round_comparison(layer) else None

    def _pair_round_rows(self, pair: Tuple[str, str]) -> List[RoundRow]:
        indicators, findings = find_framework_results(self.project)
        shared = {z.element.split()[0] for z in pair_framework_table(indicators, findings, pair[0], pair[1])
                  if z.fid is not None and z.element}
        return pair_round_rows(self.round_layer(), pair[0], pair[1], shared)

    def fill_round_table(self, pair: Optional[Tuple[str, str]]) -> None:
        """Shows the pair's conflicts and findings across the rounds (hidden for no pair, a
        conflict, or without a round comparison)."""
        self._clear_round_selection()
        self.round_rows = self._pair_round_rows(pair) if pair is not None and self.round_layer() else []
        table = self.roundTable
        table.blockSignals(True)
        table.clearContents()
        table.setRowCount(len(self.round_rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for r, row in enumerate(self.round_rows):
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setForeground(QBrush(QColor(ROUND_COLORS.get(row.status, "#202020"))))
                if c in (3, 4):
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if row.returned:
                    item.setFont(bold)
                if c == 6 and row.review_note:
                    item.setToolTip(row.review_note)
                table.setItem(r, c, item)
        table.blockSignals(False)
        table.setVisible(bool(self.round_rows))
        self.roundLabel.setVisible(pair is not None and self.selected_conflict() is None)
        self.roundCombo.setVisible(self.roundLabel.isVisibleTo(self))
        self.roundOpenButton.setVisible(self.roundLabel.isVisibleTo(self))

    def _clear_round_selection(self) -> None:
        try:
            if self.round_selected is not None and self.round_selected.id() in self.project.mapLayers():
                self.round_selected.removeSelection()
        except RuntimeError:  # the layer was deleted with the project
            pass
        self.round_selected = None

    def show_round_row(self, row: int) -> bool:
        """Brings the chosen conflict (its border line, round n's for a resolved one) or
        finding (its element's part, or strip facing the other city, in the framework's
        element_indicators) into view and selects it; False when it has no place to show."""
        if not 0 <= row < len(self.round_rows):
            return False
        self._clear_round_selection()
        chosen = self.round_rows[row]
        layer, fid, geometry = self.round_layer(), chosen.fid, chosen.geometry
        crs = layer.crs() if layer is not None else None
        if geometry is None or geometry.isEmpty():
            indicators, _findings = find_framework_results(self.project)
            zone = finding_zone(indicators, chosen)
            if zone is None or zone[1] is None:
                return False
            layer, (fid, geometry), crs = indicators, zone, indicators.crs()
        elif crs is None or not crs.isValid() or not crs.authid() or \
                (crs.isGeographic() and not QgsRectangle(-180, -90, 180, 90).contains(geometry.boundingBox())):
            # The comparison's lines are the rounds' conflict lines; a comparison written without
            # their CRS (the CLI's GeoPackage has an undefined one, so had Processing's memory
            # output) has them in the CRS of the conflict layers compared, the ones this dock reviews.
            conflicts = self.layer()
            crs = conflicts.crs() if conflicts is not None else crs
        if layer is not None and fid is not None:
            layer.selectByIds([fid])
            self.round_selected = layer
        zoom_and_flash(self.canvas, self.project, geometry, crs)
        return True

    # ---- layers ----

    def layer(self) -> Optional[QgsVectorLayer]:
        """The conflict border lines (every conflict has one)."""
        layer = self.layerCombo.currentLayer()
        return layer if is_conflict_layer(layer) and is_line_layer(layer) else None

    def _pick_layer(self, added: Any = None) -> None:
        fresh = [layer for layer in (added or []) if is_conflict_layer(layer) and is_line_layer(layer)]
        if fresh and fresh[-1] is not self.layerCombo.currentLayer():
            self.layerCombo.setLayer(fresh[-1])
            return
        if self.layer() is None:
            candidates = [layer for layer in self.project.mapLayers().values()
                          if is_conflict_layer(layer) and is_line_layer(layer)]
            if candidates:
                self.layerCombo.setLayer(candidates[-1])
                return
        self.reload()

    def _companion(self, kind: str) -> Optional[QgsVectorLayer]:
        """A layer of the same comparison: "areas" (border_conflicts), "segments"
        (shared_borders) or "summary" (pair_summary)."""
        table, matches = {
            "areas": ("border_conflicts", lambda x: is_conflict_layer(x) and not is_line_layer(x)),
            "segments": ("shared_borders", has_fields("status", "conflict_id", "length_m")),
            "summary": ("pair_summary", has_fields("score", "border_m")),
        }[kind]
        return companion_layer(self.project, self.layer(), table, matches)

    def reload(self, *_args: Any) -> None:
        layer = self.layer()
        self.pairs = pair_rows(conflict_rows(layer), self._companion("summary")) if layer is not None else []
        self.fill_tree()

    # ---- tree ----

    def fill_tree(self, *_args: Any) -> None:
        wanted = self.reviewCombo.currentData() or ALL
        reviews = {REVIEW_OPEN: tr("open"), REVIEW_AGREED: tr("agreed"), REVIEW_EXCEPTION: tr("exception")}
        self.conflictTree.clear()
        shown = 0
        for pair in self.pairs:
            conflicts = [c for c in pair.conflicts if wanted == ALL or c.review_status == wanted]
            if not conflicts:
                continue
            score = "" if pair.score is None else tr(" — score {score:.1f}").format(score=pair.score)
            top = QTreeWidgetItem([f"{pair.admin_a} {pair.name_a} | {pair.admin_b} {pair.name_b}{score}",
                                   "", "", tr("{open} open").format(open=pair.open_count)])
            top.setData(0, PAIR_ROLE, (pair.admin_a, pair.admin_b))
            for c in conflicts:
                label = f"#{c.conflict_id} {conflict_title(c.kind, c.detail)}"
                item = QTreeWidgetItem([label, length_m_text(c.length_m), area_ha_text(c.area_m2),
                                        reviews.get(c.review_status, c.review_status)])
                for column in (1, 2):
                    item.setTextAlignment(column, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                item.setData(0, CONFLICT_ROLE, c.conflict_id)
                color = REVIEWED_COLOR if c.review_status != REVIEW_OPEN else STATUS_COLORS.get(c.kind, "#202020")
                item.setForeground(0, QBrush(QColor(color)))
                top.addChild(item)
                shown += 1
            self.conflictTree.addTopLevelItem(top)
            top.setExpanded(True)
        self.countLabel.setText(tr("{n} conflicts on {pairs} borders").format(n=shown,
                                                                            pairs=self.conflictTree.topLevelItemCount()))
        self.detailBrowser.clear()
        self.keepFrame.setVisible(self.is_temporary())
        self._fitter.contents_changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.conflictTree.currentItem()
        has_conflict = item is not None and item.data(0, CONFLICT_ROLE) is not None
        for button in (self.agreeButton, self.exceptionButton, self.reopenButton):
            button.setEnabled(has_conflict)
        self.reportButton.setEnabled(self.selected_pair() is not None)

    def conflict_items(self) -> List[QTreeWidgetItem]:
        items = []
        for i in range(self.conflictTree.topLevelItemCount()):
            top = self.conflictTree.topLevelItem(i)
            items.extend(top.child(k) for k in range(top.childCount()))
        return items

    def pair_items(self) -> List[QTreeWidgetItem]:
        return [self.conflictTree.topLevelItem(i) for i in range(self.conflictTree.topLevelItemCount())]

    def selected_conflict(self) -> Optional[ConflictRow]:
        item = self.conflictTree.currentItem()
        conflict_id = item.data(0, CONFLICT_ROLE) if item is not None else None
        if conflict_id is None:
            return None
        return next((c for p in self.pairs for c in p.conflicts if c.conflict_id == conflict_id), None)

    def selected_pair(self) -> Optional[Tuple[str, str]]:
        item = self.conflictTree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return item.data(0, PAIR_ROLE) if item is not None else None

    def show_item(self, item: Optional[QTreeWidgetItem]) -> None:
        self._update_buttons()
        conflict = self.selected_conflict()
        layer = self.layer()
        pair = self.selected_pair()
        if conflict is None and pair is not None:
            self.detailBrowser.setPlainText(self._describe_pair(pair))
        self.fill_framework_table(pair if conflict is None else None)
        self.fill_round_table(pair if conflict is None else None)
        if conflict is None or layer is None:
            return
        self.detailBrowser.setPlainText(self._describe(conflict))
        areas = self._companion("areas")
        request = QgsFeatureRequest().setFilterExpression(f"\"conflict_id\" = {conflict.conflict_id}")
        for source in (areas, layer):
            feature = next(source.getFeatures(request), None) if source is not None else None
            if feature is not None and feature.hasGeometry():
                zoom_and_flash(self.canvas, self.project, feature.geometry(), source.crs())
                break

    def _describe_pair(self, pair: Tuple[str, str]) -> str:
        """The pair's line and, when the transmission framework's results are in the project,
        the indicators and findings of the elements the two cities share."""
        row = next((p for p in self.pairs if (p.admin_a, p.admin_b) == pair), None)
        head = f"{pair[0]} {row.name_a if row else ''} | {pair[1]} {row.name_b if row else ''}"
        indicators, findings = find_framework_results(self.project)
        framework = pair_framework_text(indicators, findings, pair[0], pair[1])
        if self.round_layer() is not None:
            head += "\n" + round_summary_text(self._pair_round_rows(pair))
        return f"{head}\n\n{framework}" if framework else head

    def fill_framework_table(self, pair: Optional[Tuple[str, str]]) -> None:
        """Shows the framework table of ``pair`` (hidden for no pair, a conflict, or without
        the framework's results in the project)."""
        try:
            if self.framework_layer is not None and self.framework_layer.id() in self.project.mapLayers():
                self.framework_layer.removeSelection()  # the zone chosen before
        except RuntimeError:  # the layer was deleted with the project
            pass
        indicators, findings = find_framework_results(self.project) if pair is not None else (None, None)
        self.framework_layer = indicators
        self.framework_rows = pair_framework_table(indicators, findings, pair[0], pair[1]) if pair else []
        table = self.frameworkTable
        table.blockSignals(True)
        table.clearContents()
        table.setRowCount(len(self.framework_rows))
        for r, row in enumerate(self.framework_rows):
            for c, text in enumerate([row.element, row.zone] + row.cells + ["; ".join(row.findings)]):
                item = QTableWidgetItem(text)
                if row.findings:
                    item.setToolTip("\n".join(row.findings))
                if 2 <= c < 8:
                    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
                if row.findings:
                    item.setForeground(QBrush(QColor("#b30000")))
                table.setItem(r, c, item)
        table.blockSignals(False)
        table.setVisible(bool(self.framework_rows))

    def show_framework_row(self, row: int) -> bool:
        """Selects the chosen part or strip in the indicators layer and zooms the map to it;
        False for a row without a place (a finding on no listed zone)."""
        if not 0 <= row < len(self.framework_rows) or self.framework_layer is None:
            return False
        chosen = self.framework_rows[row]
        if chosen.fid is None:
            self.framework_layer.removeSelection()
            return False
        self.framework_layer.selectByIds([chosen.fid])
        if chosen.geometry is not None:
            zoom_and_flash(self.canvas, self.project, chosen.geometry, self.framework_layer.crs())
        return True

    @staticmethod
    def _describe(c: ConflictRow) -> str:
        lines = [f"#{c.conflict_id} {conflict_title(c.kind, c.detail)}",
                 f"{c.admin_a} {c.name_a} | {c.admin_b} {c.name_b}",
                 tr("Border {length} m, area {area}, side {side}").format(
                     length=length_m_text(c.length_m), area=area_description(c.area_m2), side=c.side or "—")]
        if c.review_note:
            lines.append(tr("Note: {note}").format(note=c.review_note))
        return "\n".join(lines)

    # ---- actions ----

    def review_selected(self, status: str) -> bool:
        conflict = self.selected_conflict()
        layer = self.layer()
        if conflict is None or layer is None:
            return False
        note = ""
        if status == REVIEW_EXCEPTION:
            note = self.note_for_exception
            if note is None:
                note, ok = QInputDialog.getText(self, tr("Mark exception"),
                                                tr("Why is conflict #{id} accepted?").format(id=conflict.conflict_id))
                if not ok:
                    return False
        if self.is_temporary() and layer.id() not in self._offered_keep:
            self._offered_keep.add(layer.id())
            if self._offer_keep():
                layer = self.layer()
                if layer is None:
                    return False
        layers = [layer] + [x for x in (self._companion("areas"),) if x is not None]
        had_review = [x.fields().lookupField("review_status") >= 0 for x in layers]
        try:
            apply_review(layers, conflict.conflict_id, status, note)
        except ValueError as e:
            self.message = str(e)
            if self.iface is not None:
                QMessageBox.warning(self, self.windowTitle(), self.message)
            return False
        for x, had in zip(layers, had_review):
            if not had:  # a CLI output just got its review fields: show reviewed conflicts grey
                style_conflicts_layer(x)
        selected = conflict.conflict_id
        self.reload()
        for item in self.conflict_items():
            if item.data(0, CONFLICT_ROLE) == selected:
                self.conflictTree.setCurrentItem(item)
        self.message = tr("Conflict #{id}: {status}.").format(id=selected, status=status)
        return True

    def open_algorithm(self) -> None:
        try:
            from processing import execAlgorithmDialog
        except ImportError:
            return
        execAlgorithmDialog(ALG, {})

    def export_report(self) -> Optional[Path]:
        pair = self.selected_pair()
        layer = self.layer()
        segments = self._companion("segments")
        if pair is None or layer is None or segments is None:
            self.message = tr("Choose a city pair, with the shared borders of the same comparison loaded.")
            if self.iface is not None:
                QMessageBox.warning(self, self.windowTitle(), self.message)
            return None
        path = self.report_path
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, tr("Pair report"),
                                                          start_path(REPORT_FOLDER, pair_file_name(*pair), self.project),
                                                          tr("PDF files (*.pdf)"))
            if not chosen:
                return None
            remember_folder(REPORT_FOLDER, chosen)
            path = Path(chosen)
        layers = BorderReportLayers(segments, layer, self._companion("areas"), self._companion("summary"),
                                    source=layer.name(), rounds=self.round_layer(), find_rounds=False)
        try:
            export_pair_report(layers, path, pair[0], pair[1], project=self.project)
        except (ValueError, RuntimeError, OSError) as e:
            self.message = str(e)
            if self.iface is not None:
                QMessageBox.critical(self, self.windowTitle(), self.message)
            return None
        self.message = tr("Report written to {path}.").format(path=path)
        if self.iface is not None:
            self.iface.messageBar().pushSuccess(self.windowTitle(), self.message)
        return path

    # ---- keeping the review ----

    def comparison_layers(self) -> dict:
        """The comparison's layers the dock knows: lines, areas, segments, summary."""
        return {"lines": self.layer(), "areas": self._companion("areas"), "segments": self._companion("segments"),
                "summary": self._companion("summary")}

    def is_temporary(self) -> bool:
        """Whether the review would be lost with QGIS: the conflict layers are temporary."""
        layers = self.comparison_layers()
        return any(is_temporary(layers[kind]) for kind in ("lines", "areas"))

    def _save_clicked(self) -> None:
        self.save_review()

    def keep_default(self) -> str:
        """What the save dialog proposes: border_review.gpkg (a free name) in the folder last
        used for it, else the project's folder."""
        return str(free_path(Path(start_path(KEEP_FOLDER, DEFAULT_NAME, self.project))))

    def save_review(self, path: Optional[Path] = None) -> Optional[Path]:
        """Writes the temporary layers of the comparison into a GeoPackage (``path``, else
        ``keep_path``, else asked for) and shows the saved ones; returns the file."""
        if not self.is_temporary():
            return None
        path = path if path is not None else self.keep_path
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, tr("Save the border review"), self.keep_default(),
                                                          tr("GeoPackage (*.gpkg)"))
            if not chosen:
                return None
            if not chosen.lower().endswith(".gpkg"):
                chosen += ".gpkg"
            remember_folder(KEEP_FOLDER, chosen)
            path = Path(chosen)
        try:
            kept = keep_comparison(self.comparison_layers(), path, self.project)
        except (OSError, ValueError) as e:
            self.message = str(e)
            if self.iface is not None:
                QMessageBox.critical(self, self.windowTitle(), self.message)
            return None
        self.layerCombo.setLayer(kept["lines"])
        self.reload()
        self.message = tr("Review saved to {path}; later reviews are saved there too.").format(path=path)
        if self.iface is not None:
            self.iface.messageBar().pushSuccess(self.windowTitle(), self.message)
        return path

    def _offer_keep(self) -> bool:
        """Before the first review on temporary layers: offers to save them first. True when
        saved (the dock then shows the saved layers)."""
        if not self.ask_questions:
            return self.keep_path is not None and self.save_review() is not None
        answer = QMessageBox.question(
            self, self.windowTitle(),
            tr("These conflicts are in temporary layers: a review written into them is lost when QGIS closes. "
               "Save the comparison to a GeoPackage first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Ignore, QMessageBox.StandardButton.Save)
        return answer == QMessageBox.StandardButton.Save and self.save_review() is not None

    def _before_clear(self) -> None:
        """The project is being closed (QGIS exits, another project is opened): reviews in
        temporary layers are about to be lost; offers to save them."""
        if not unsaved_reviews(self.project) or not self.is_temporary():
            return
        if self.ask_questions:
            answer = QMessageBox.warning(
                self, self.windowTitle(),
                tr("The border review in temporary layers has not been saved and will be lost. Save it to a "
                   "GeoPackage now?"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Save)
            if answer != QMessageBox.StandardButton.Save:
                return
        elif self.keep_path is None:
            return
        self.save_review()

    def cleanup(self) -> None:
        for signal, slot in ((self.roundCombo.layerChanged, self._round_layer_changed),
                             (self.project.layersAdded, self._pick_layer),
                             (self.project.layersAdded, self._pick_round_layer),
                             (self.project.layersRemoved, self._pick_round_layer),
                             (self.project.removeAll, self._before_clear)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
