"""Where the plugin's files are, in an installed plugin or in a dev checkout."""

from pathlib import Path

PLUGIN_DIR: Path = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder.

    The packaged plugin carries its own ``resources/``; in the repository the
    package is ``plugin/`` and ``resources/`` is its sibling.
    """
    packaged = PLUGIN_DIR / "resources"
    if packaged.is_dir():
        return packaged
    return PLUGIN_DIR.parent / "resources"


def icon_path() -> str:
    return str(resources_dir() / "icons" / "guotu.svg")


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def ui_path(name: str) -> str:
    """A Qt Designer form of the ``ui`` folder: packaged next to the code, or the
    repository's top-level ``ui/`` beside ``plugin/``."""
    packaged = PLUGIN_DIR / "ui" / name
    return str(packaged if packaged.is_file() else PLUGIN_DIR.parent / "ui" / name)
