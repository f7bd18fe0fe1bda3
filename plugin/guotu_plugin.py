"""The plugin object QGIS loads: provider registration, translation, menu."""

from typing import List, Optional

from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolBar
from qgis.core import QgsApplication

from .i18n import tr
from .processing.provider import PROVIDER_ID, GuotuProvider
from .translator import install_translator

MENU_TITLE = "Guotu 国土"
AREA_BY_CLASS_ID = f"{PROVIDER_ID}:areabyclass"
BINDING_INDICATORS_ID = f"{PROVIDER_ID}:bindingindicators"
CONVERSION_ID = f"{PROVIDER_ID}:landuseconversion"


class GuotuPlugin:

    def __init__(self, iface) -> None:  # iface: Optional[QgisInterface]
        self.iface = iface
        self.provider: Optional[GuotuProvider] = None
        self.translator: Optional[QTranslator] = None
        self.menu: Optional[QMenu] = None
        self.actions: List[QAction] = []
        self.voucher_dialog = None  # ui.voucher_dialog.VoucherDialog, made when first opened
        self.toolbar = None  # the Guotu 国土 toolbar
        self.conversion_dock = None  # ui.conversion_matrix.ConversionMatrixDock, made when first opened
        self.lines_dock = None  # ui.lines_dock.LinesDock (三区三线检查), made when first opened
        self.parcels_dock = None  # ui.parcels_dock.ParcelsDock (整治地块审查), made when first opened
        self.border_dock = None  # ui.border_dock.BorderDock (跨市边界冲突审查), made when first opened
        self.help_action: Optional[QAction] = None  # also in QGIS's Help ▸ Plugins menu

    def initProcessing(self) -> None:  # noqa: N802 — QGIS API name
        """Also called alone by qgis_process, which has no GUI."""
        if self.provider is None:
            self.provider = GuotuProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802 — QGIS API name
        # Translator first: the provider and menu read their names through it.
        self.translator = install_translator()
        self.initProcessing()
        self._add_menu()

    def _add_menu(self) -> None:
        """The Guotu 国土 menu (before Help) and its toolbar: every entry point, each with an
        icon that says what it does. The menu shows its name, not an icon, so that a new user
        finds it."""
        main_window = self.iface.mainWindow()
        self.menu = QMenu(MENU_TITLE, main_window)
        self.menu.setObjectName("mGuotuMenu")
        self.toolbar = QToolBar(MENU_TITLE, main_window)
        self.toolbar.setObjectName("mGuotuToolbar")
        groups = (
            (("mActionGuotuAreaByClass", tr("Area by zone and land-use class…"), "/mActionMeasureArea.svg",
              self._open_area_by_class, False),
             ("mActionGuotuVouchers", tr("Ecological vouchers…"), "/mActionCalculateField.svg", self._open_vouchers,
              True),
             ("mActionGuotuConversion", tr("Land-use conversion map…"), "/algorithms/mAlgorithmIntersect.svg",
              self._open_conversion, True),
             ("mActionGuotuConversionMatrix", tr("Land-use conversion matrix…"), "/mActionOpenTable.svg",
              self._open_conversion_matrix, False)),
            (("mActionGuotuNewLinesWorkspace", tr("New three-lines workspace…"), "/mActionNewGeoPackageLayer.svg",
              self._new_lines_workspace, False),
             ("mActionGuotuOpenLinesWorkspace", tr("Open three-lines workspace…"), "/mActionFileOpen.svg",
              self._open_lines_workspace, False),
             ("mActionGuotuImportLines", tr("Import delivered layers into a workspace…"), "/mActionAddOgrLayer.svg",
              self._import_lines, False),
             ("mActionGuotuLinesCheck", tr("Three control lines check…"), "/algorithms/mAlgorithmCheckGeometry.svg",
              self._show_lines_dock, True),
             ("mActionGuotuBindingIndicators", tr("Binding plan indicators…"),
              "/algorithms/mAlgorithmBasicStatistics.svg", self._open_binding_indicators, False)),
            (("mActionGuotuParcelsReview", tr("Rectification parcel review…"), "/mActionIdentify.svg",
              self._show_parcels_dock, True),),
            (("mActionGuotuBorderReview", tr("Cross-city border review…"),
              "/algorithms/mAlgorithmLineIntersections.svg", self._show_border_dock, True),),
        )
        for n, group in enumerate(groups):
            if n:
                self.menu.addSeparator()
            for name, text, icon, slot, on_toolbar in group:
                action = QAction(QgsApplication.getThemeIcon(icon), text, main_window)
                action.setObjectName(name)
                action.triggered.connect(slot)
                self.menu.addAction(action)
                if on_toolbar:
                    self.toolbar.addAction(action)
                self.actions.append(action)
        self.menu.addSeparator()
        self.help_action = QAction(QgsApplication.getThemeIcon("/mActionHelpContents.svg"), tr("Guotu user guide"),
                                   main_window)
        self.help_action.setObjectName("mActionGuotuHelp")
        self.help_action.triggered.connect(self._open_guide)
        self.menu.addAction(self.help_action)
        self.iface.pluginHelpMenu().addAction(self.help_action)
        self.actions.append(self.help_action)
        menu_bar = main_window.menuBar()
        # Sit just before Help, where plugin menus conventionally go.
        menu_bar.insertMenu(self.iface.helpMenu().menuAction(), self.menu)
        main_window.addToolBar(self.toolbar)

    def _open_guide(self) -> None:
        from qgis.PyQt.QtCore import QUrl
        from qgis.PyQt.QtGui import QDesktopServices

        from .help.guide import provider_guide_url

        url = provider_guide_url()
        if url:
            QDesktopServices.openUrl(QUrl(url))
        else:
            self.iface.messageBar().pushWarning(MENU_TITLE, tr("The user guide could not be written in the QGIS "
                                                               "profile folder."))

    def _open_area_by_class(self) -> None:
        import processing  # QGIS's Processing plugin, imported when first needed

        processing.execAlgorithmDialog(AREA_BY_CLASS_ID, {})

    def _import_lines(self) -> None:
        import processing  # QGIS's Processing plugin, imported when first needed

        processing.execAlgorithmDialog("guotu:threelinesimport", {})
    def _open_binding_indicators(self) -> None:
        import processing  # QGIS's Processing plugin, imported when first needed

        processing.execAlgorithmDialog(BINDING_INDICATORS_ID, {})

    def _open_vouchers(self) -> None:
        from .ui.voucher_dialog import VoucherDialog

        if self.voucher_dialog is None:
            self.voucher_dialog = VoucherDialog(self.iface.mainWindow())
        self.voucher_dialog.show()
        self.voucher_dialog.raise_()
        self.voucher_dialog.activateWindow()

    def _open_conversion(self) -> None:
        import processing  # QGIS's Processing plugin, imported when first needed

        processing.execAlgorithmDialog(CONVERSION_ID, {})

    def _open_conversion_matrix(self) -> None:
        from qgis.PyQt.QtCore import Qt

        from .ui.conversion_matrix import ConversionMatrixDock

        if self.conversion_dock is None:
            self.conversion_dock = ConversionMatrixDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.conversion_dock)
        self.conversion_dock.matrix.reload()
        self.conversion_dock.show()
        self.conversion_dock.raise_()

    def _new_lines_workspace(self) -> None:
        from .ui.lines_dock import new_workspace_interactive

        path = new_workspace_interactive(self.iface.mainWindow())
        if path is not None:
            self._show_lines_dock()
            self.lines_dock.set_workspace(str(path))

    def _open_lines_workspace(self) -> None:
        from .ui.lines_dock import open_workspace_interactive

        path = open_workspace_interactive(self.iface.mainWindow(), canvas=self.iface.mapCanvas())
        if path is not None:
            self._show_lines_dock()
            self.lines_dock.set_workspace(str(path))

    def _show_lines_dock(self) -> None:
        from qgis.PyQt.QtCore import Qt

        from .ui.lines_dock import LinesDock

        if self.lines_dock is None:
            self.lines_dock = LinesDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.lines_dock)
        self.lines_dock.refresh_workspaces()
        self.lines_dock.show()
        self.lines_dock.raise_()

    def _show_parcels_dock(self) -> None:
        from qgis.PyQt.QtCore import Qt

        from .ui.parcels_dock import ParcelsDock

        if self.parcels_dock is None:
            self.parcels_dock = ParcelsDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.parcels_dock)
        self.parcels_dock.reload()
        self.parcels_dock.show()
        self.parcels_dock.raise_()

    def _show_border_dock(self) -> None:
        from qgis.PyQt.QtCore import Qt

        from .ui.border_dock import BorderDock

        if self.border_dock is None:
            self.border_dock = BorderDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.border_dock)
        self.border_dock.reload()
        self.border_dock.show()
        self.border_dock.raise_()

    def unload(self) -> None:
        if self.border_dock is not None:
            self.border_dock.cleanup()
            self.iface.removeDockWidget(self.border_dock)
            self.border_dock.deleteLater()
            self.border_dock = None
        if self.parcels_dock is not None:
            self.parcels_dock.cleanup()
            self.iface.removeDockWidget(self.parcels_dock)
            self.parcels_dock.deleteLater()
            self.parcels_dock = None
        if self.lines_dock is not None:
            self.lines_dock.cleanup()
            self.iface.removeDockWidget(self.lines_dock)
            self.lines_dock.deleteLater()
            self.lines_dock = None
        if self.conversion_dock is not None:
            self.conversion_dock.cleanup()
            self.iface.removeDockWidget(self.conversion_dock)
            self.conversion_dock.deleteLater()
            self.conversion_dock = None
        if self.voucher_dialog is not None:
            self.voucher_dialog.close()
            self.voucher_dialog.deleteLater()
            self.voucher_dialog = None
        if self.help_action is not None:
            self.iface.pluginHelpMenu().removeAction(self.help_action)
            self.help_action = None
        for action in self.actions:
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.menu is not None:
            self.menu.menuAction().setVisible(False)
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
