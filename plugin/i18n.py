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
