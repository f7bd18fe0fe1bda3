"""Translation helper shared by every module of the plugin.

All user-visible strings go through :func:`tr` with one fixed context, so a
single ``guotu_<locale>.ts`` file covers the whole plugin, whatever class or
module the string lives in.
"""

from qgis.PyQt.QtCore import QCoreApplication

# One context for the whole plugin: messages move between modules freely
# without their translations getting lost.
CONTEXT = "Guotu"


def tr(text: str) -> str:
    """Translate ``text`` (English source) into the installed locale."""
    return QCoreApplication.translate(CONTEXT, text)


def chinese_ui() -> bool:
    """Whether the plugin speaks Chinese now (its translation of "en" names the language)."""
    return tr("en").startswith("zh")


def column_title(name: str, chinese: str) -> str:
    """A table column as the user reads it: the Chinese title in the Chinese UI, the field
    name otherwise (no Chinese-only headers in the English UI)."""
    return chinese if chinese_ui() and chinese else name
