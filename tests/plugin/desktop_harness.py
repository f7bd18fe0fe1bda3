"""Running a script inside the real QGIS desktop under Xvfb (Chinese UI), with the
assembled plugin enabled in a throw-away profile. The script writes a JSON result to
$GUOTU_GUI_RESULT (with the log the startup hook collected) and quits QGIS.

Also the set-up the dock tests share: in the desktop scripts (PRELUDE) the layers added, the map
zoomed, the dock opened from its menu entry, a run waited for, the dock's tables read; offscreen
(add_border_tables, border_dock, close_dock) the review dock on a border comparison's tables."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Dict, List, Tuple, Union

import pytest

HERE = Path(__file__).resolve().parent
QGIS = shutil.which("qgis")
XVFB_RUN = shutil.which("xvfb-run")
TIMEOUT = 90

# The start of every desktop script: the result dict, start_run() (the window sized, a menu
# action and a Processing algorithm looked up into the result, the fixture folder and an
# empty output folder in it), finish() (unload the plugin, write the result with the
# collected log, quit without questions; a run that ends in an error leaves a screenshot of the
# window as its artefact) and screenshot() (then finish). Then the dock tests' set-up:
# add_layers(), show_on_map(), open_lines_workspace(), open_dock(), wait_until(), save_dock(),
# table_cells() and pair_table().
PRELUDE = r'''
import builtins, json, os, time, traceback
import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

result = {}


def start_run(action_name, algorithm_id):
    window = qgis.utils.iface.mainWindow()
    window.resize(1400, 900)
    action = window.findChild(QAction, action_name)
    result["action"] = action.text() if action else None
    alg = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    result["algorithm"] = alg.displayName() if alg else None
    folder = os.environ["GUOTU_FX"]
    out = os.path.join(folder, "out")
    os.makedirs(out)
    return action, folder, out


def finish():
    if "error" in result and not os.path.exists(os.environ["GUOTU_GUI_SHOT"]):
        try:  # what the user would have seen: kept as the test's artefact
            qgis.utils.iface.mainWindow().grab().save(os.environ["GUOTU_GUI_SHOT"])
        except Exception:
            pass
    try:
        result["unloaded"] = qgis.utils.unloadPlugin("guotu")
    except Exception:
        result["error"] = traceback.format_exc()
    try:
        result["log"] = list(getattr(builtins, "_guotu_gui_log", []))
        with open(os.environ["GUOTU_GUI_RESULT"], "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
    finally:
        # No "save the project?" / "save the scratch layers?" questions on exit.
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().setDirty(False)
        qgis.utils.iface.actionExit().trigger()


def screenshot():
    try:
        qgis.utils.iface.mainWindow().grab().save(os.environ["GUOTU_GUI_SHOT"])
    except Exception:
        result["error"] = traceback.format_exc()
    finish()


def add_layers(source, tables):
    """Tables of a GeoPackage or File Geodatabase added to the project, each named by its table."""
    layers = {}
    for table in tables:
        layers[table] = QgsVectorLayer(f"{source}|layername={table}", table, "ogr")
        QgsProject.instance().addMapLayer(layers[table])
    return layers


def show_on_map(crs, extent=None):
    """The map in the layers' CRS at extent (else the full extent), as a user zooms before opening a dock."""
    canvas = qgis.utils.iface.mapCanvas()
    canvas.setDestinationCrs(crs)
    if extent is None:
        canvas.zoomToFullExtent()
    else:
        canvas.setExtent(extent)
    return canvas


def open_lines_workspace(path):
    from pathlib import Path
    from guotu.lines.lines_workspace import open_workspace

    open_workspace(Path(path), QgsProject.instance())


def open_dock(action_name, dock_name):
    """The dock as a user opens it: its menu entry triggered in the sized window; the plugin's dock."""
    window = qgis.utils.iface.mainWindow()
    window.resize(1400, 900)
    window.findChild(QAction, action_name).trigger()
    return getattr(qgis.utils.plugins["guotu"], dock_name)


def wait_until(ready, then, what, limit=40.0):
    """then() once ready() holds, looked at every 200 ms; after limit seconds the run ends with
    "<what> did not finish" as its error."""
    started = time.monotonic()

    def poll():
        try:
            if not ready():
                if time.monotonic() - started < limit:
                    QTimer.singleShot(200, poll)
                    return
                raise RuntimeError(f"{what} did not finish")
            then()
        except Exception:
            result["error"] = traceback.format_exc()
            finish()

    QTimer.singleShot(200, poll)


def save_dock(dock, name):
    """A picture of the dock beside the window's screenshot (qgis_NAME_<name>.png)."""
    dock.grab().save(os.environ["GUOTU_GUI_SHOT"].replace(".png", f"_{name}.png"))


def table_cells(table, numbers=()):
    """A table widget's rows as shown; the columns in numbers as the numbers they hold."""
    from qgis.PyQt.QtCore import Qt

    return [[table.item(r, c).data(Qt.ItemDataRole.UserRole) if c in numbers else table.item(r, c).text()
             for c in range(table.columnCount())] for r in range(table.rowCount())]


def pair_table(dock, name):
    """The border dock's first city pair chosen; its table (object name) as the user sees it goes into
    the result (visible, headings, cells)."""
    from qgis.PyQt.QtWidgets import QTableWidget

    dock.conflictTree.setCurrentItem(dock.pair_items()[0])
    table = dock.findChild(QTableWidget, name)
    result["table_visible"] = table.isVisible()
    result["headings"] = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    result["cells"] = table_cells(table)
    return table
'''

needs_desktop = pytest.mark.skipif(QGIS is None or XVFB_RUN is None, reason="needs the qgis binary and xvfb-run")


def _supports(option: str) -> bool:
    """Whether this QGIS knows a command-line option (--skipbadlayers is 3.28+)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    help_text = subprocess.run([QGIS, "--help"], capture_output=True, text=True, env=env, timeout=30)
    return option in help_text.stdout + help_text.stderr


def run_desktop(plugin_root: Path, tmp_path: Path, code: Union[str, Path], name: str,
                env_extra: Dict[str, str], locale: str = "zh_CN") -> Tuple[dict, List[dict], Path]:
    """Runs ``code`` (Python text, or a script file) in QGIS with the user interface in
    ``locale`` (QGIS's own Chinese is "zh-Hans"; with "zh_CN" only the plugin speaks
    Chinese); returns the result dict, the log entries and the screenshot path. No Python
    error in the log, no "error" in the result."""
    profiles = tmp_path / "profiles_root"
    profile = profiles / "profiles" / "guotu_test"
    shutil.copytree(plugin_root / "guotu", profile / "python" / "plugins" / "guotu")
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS" / "QGIS3.ini").write_text(
        f"[PythonPlugins]\nguotu=true\n\n[locale]\noverrideFlag=true\nuserLocale={locale}\n", encoding="utf-8")
    if isinstance(code, Path):
        script = code
    else:
        script = tmp_path / f"{name}.py"
        script.write_text(code, encoding="utf-8")
    result_file, shot = tmp_path / "result.json", tmp_path / f"qgis_{name}.png"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("GUOTU_LIBRARY", None)
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg_config"), GUOTU_GUI_RESULT=str(result_file),
               GUOTU_GUI_LOG=str(tmp_path / "log.jsonl"), GUOTU_GUI_SHOT=str(shot),
               PYQGIS_STARTUP=str(HERE / "gui" / "startup_hook.py"), **env_extra)
    command = [XVFB_RUN, "-a", "-s", "-screen 0 1600x1000x24", QGIS, "--profiles-path", str(profiles), "--profile",
               "guotu_test", "--nologo", "--noversioncheck"]
    if _supports("--skipbadlayers"):
        command.append("--skipbadlayers")
    command += ["--code", str(script)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        output, _ = process.communicate()
        log_file = Path(env["GUOTU_GUI_LOG"])
        log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        pytest.fail(f"QGIS did not finish within {TIMEOUT} s.\nMessage log:\n{log[-5000:]}\n"
                    f"Output:\n{output.decode(errors='replace')[-3000:]}")
    assert result_file.exists(), output.decode(errors="replace")[-3000:]
    result = json.loads(result_file.read_text(encoding="utf-8"))
    log = result.pop("log")
    assert "error" not in result, f"{result['error']}\n(screenshot: {shot})"
    python_errors = [e for e in log if e["tag"] in ("Python error", "Error dialog")
                     or (e["tag"] == "Python warning" and "guotu" in e["message"].lower())]
    assert not python_errors, f"{python_errors}\n(screenshot: {shot})"
    return result, log, shot


# ---------------------------------------------------------------- the border dock offscreen
BORDER_TABLES = ("border_conflict_lines", "border_conflicts", "shared_borders", "pair_summary")
MAP_CENTRE = (39_500_000.0, 4_400_000.0)  # the border and framework fixtures' origin (EPSG:4527)


def add_border_tables(gpkg: Path) -> dict:
    """The tables the review dock reads, from a border comparison's GeoPackage, added to the project."""
    from qgis.core import QgsProject, QgsVectorLayer

    layers = {}
    for table in BORDER_TABLES:
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        assert layer.isValid(), table
        QgsProject.instance().addMapLayer(layer)
        layers[table] = layer
    return layers


def border_dock(layers: dict, centre: Tuple[float, float] = MAP_CENTRE):
    """The 跨市边界冲突审查 dock on those layers, with a 600 × 400 map 10 km wide around centre."""
    from qgis.core import QgsProject, QgsRectangle
    from qgis.gui import QgsMapCanvas

    from guotu.ui.border_dock import BorderDock

    x, y = centre
    canvas = QgsMapCanvas()
    canvas.resize(600, 400)
    canvas.setDestinationCrs(layers["border_conflict_lines"].crs())
    canvas.setExtent(QgsRectangle(x - 5000, y - 5000, x + 5000, y + 5000))
    dock = BorderDock(project=QgsProject.instance(), canvas=canvas)
    dock.layerCombo.setLayer(layers["border_conflict_lines"])
    dock.keep_canvas = canvas
    return dock


def close_dock(dock) -> None:
    """The dock's clean-up as the plugin does it, and an empty project for the next test."""
    from qgis.core import QgsProject

    dock.cleanup()
    dock.deleteLater()
    QgsProject.instance().clear()
