"""Where the plugin's file dialogs start: never in QGIS's working directory.

The last folder the user chose for the same kind of file (kept in QgsSettings under
``guotu/last_folder/<kind>``) when it still exists and belongs to the open project (it
lies inside the project's folder) or no project is saved; otherwise the project's folder;
otherwise the last folder; otherwise the home folder."""

from pathlib import Path
from typing import Optional, Union

from qgis.core import QgsProject, QgsSettings

SETTINGS_PREFIX = "guotu/last_folder/"


def _inside(folder: Path, parent: Path) -> bool:
    try:
        folder.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def choose_start_folder(remembered: Optional[str], project_folder: Optional[str], home: Optional[str] = None) -> str:
    """The rule above, on plain paths (``None`` or "" for "none"); folders that do not
    exist (any more) are skipped."""
    last = Path(remembered) if remembered and Path(remembered).is_dir() else None
    project = Path(project_folder) if project_folder and Path(project_folder).is_dir() else None
    if last is not None and (project is None or _inside(last, project)):
        return str(last)
    if project is not None:
        return str(project)
    return str(Path(home) if home else Path.home())


def project_folder(project: Optional[QgsProject] = None) -> Optional[str]:
    """The folder of the project file, ``None`` for a project never saved."""
    project = project if project is not None else QgsProject.instance()
    if not project.fileName():
        return None
    return project.absolutePath() or None


def remembered_folder(kind: str) -> Optional[str]:
    value = QgsSettings().value(SETTINGS_PREFIX + kind, "")
    return str(value) if value else None


def start_folder(kind: str, project: Optional[QgsProject] = None) -> str:
    """The folder a file dialog for ``kind`` (e.g. "border_report") starts in."""
    return choose_start_folder(remembered_folder(kind), project_folder(project))


def start_path(kind: str, file_name: str, project: Optional[QgsProject] = None) -> str:
    """``file_name`` in the start folder: what a save dialog proposes."""
    return str(Path(start_folder(kind, project)) / file_name)


def remember_folder(kind: str, chosen: Union[str, Path]) -> None:
    """Keeps the folder of ``chosen`` (a file, or a folder) for the next dialog of ``kind``."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    QgsSettings().setValue(SETTINGS_PREFIX + kind, str(folder))


__all__ = ["SETTINGS_PREFIX", "choose_start_folder", "project_folder", "remember_folder", "remembered_folder",
           "start_folder", "start_path"]
