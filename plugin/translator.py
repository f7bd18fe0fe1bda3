"""Finding and installing the plugin's Qt translation for the QGIS locale."""

from pathlib import Path
from typing import List, Optional

from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.core import QgsApplication

from .paths import i18n_dir

# QGIS names its Chinese locales zh-Hans / zh-Hant; our file is zh_CN.
_ALIASES = {"zh_hans": "zh_CN", "zh": "zh_CN", "zh_sg": "zh_CN"}


def candidate_names(locale: str) -> List[str]:
    """guotu_<...>.qm names to try for a locale such as "zh-Hans" or "zh_CN"."""
    code = locale.replace("-", "_")
    names = [code]
    alias = _ALIASES.get(code.lower())
    if alias:
        names.append(alias)
    language = code.split("_")[0]
    if language != code:
        names.append(language)
    return [f"guotu_{name}.qm" for name in names]


def translation_file(locale: str, folder: Optional[Path] = None) -> Optional[Path]:
    folder = folder if folder is not None else i18n_dir()
    for name in candidate_names(locale):
        path = folder / name
        if path.is_file():
            return path
    return None


def install_translator(locale: Optional[str] = None) -> Optional[QTranslator]:
    """Installs the translation for ``locale`` (default: QGIS's user locale).

    Returns the installed translator (keep it to remove it on unload), or None
    when there is no translation for the locale (English stays).
    """
    path = translation_file(locale if locale is not None else QgsApplication.locale())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
