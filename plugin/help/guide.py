"""The user guide: one HTML page, in the user's language, built from the Processing
algorithms' own help texts and parameters.

Built from the algorithms rather than written apart so that it never disagrees with the
dialogs (same names, same translations). The Processing dialogs' Help button opens it at
the algorithm's section (``helpUrl``), the Guotu menu and QGIS's Help ▸ Plugins menu at
its top. The page is rewritten when missing or when the plugin or the language changed.
"""

import html
import os
import tempfile
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from qgis.PyQt.QtCore import QUrl
from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingParameterDefinition

from ..i18n import tr

GUIDE_FOLDER = "guotu"
PROVIDER_ID = "guotu"  # the provider's id (processing/provider.py imports the algorithms, which import this)


def _version() -> str:
    """The loaded library's version, or "" when it cannot be loaded (the guide still helps)."""
    from ..binding.native import library_version

    try:
        return library_version()
    except Exception:  # noqa: BLE001 — any load failure only drops the version line
        return ""


def guide_folder() -> Path:
    """Where the page is kept: the QGIS profile's folder (writable, unlike a system plugin)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / GUIDE_FOLDER


def _language() -> str:
    # The translated word for "en" names the page's language; it is "en" without a translation.
    return tr("en")


def _parameter_items(algorithm: QgsProcessingAlgorithm) -> List[str]:
    items = []
    for parameter in algorithm.parameterDefinitions():
        if parameter.flags() & QgsProcessingParameterDefinition.FlagHidden:
            continue
        notes = []
        if parameter.flags() & QgsProcessingParameterDefinition.FlagOptional:
            notes.append(tr("optional"))
        if parameter.flags() & QgsProcessingParameterDefinition.FlagAdvanced:
            notes.append(tr("advanced"))
        note = f" <i>({html.escape(', '.join(notes))})</i>" if notes else ""
        items.append(f"<li><b>{html.escape(parameter.description())}</b>{note} "
                     f"<code>{html.escape(parameter.name())}</code></li>")
    return items


def guide_html(algorithms: Iterable[QgsProcessingAlgorithm], version: str = "") -> str:
    """The whole page: contents by group, then one section per algorithm (anchor: its name)."""
    groups: Dict[str, List[QgsProcessingAlgorithm]] = {}
    for algorithm in sorted(algorithms, key=lambda a: (a.group(), a.displayName())):
        groups.setdefault(algorithm.group(), []).append(algorithm)
    title = tr("Guotu 国土 — user guide")
    version_word, contents, parameters = tr("Version"), tr("Contents"), tr("Parameters")
    parts = [f'<!DOCTYPE html>\n<html lang="{html.escape(_language())}"><head><meta charset="utf-8">',
             f"<title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:1em;line-height:1.45}"
             "h2{border-top:1px solid #ccc;padding-top:.6em}code{color:#555}</style></head><body>",
             f"<h1>{html.escape(title)}</h1>",
             f"<p>{html.escape(version_word)} {html.escape(version)}</p>" if version else "",
             "<p>" + html.escape(tr("Every tool below is a Processing algorithm (Processing Toolbox ▸ Guotu 国土): "
                                    "it runs from its dialog, in the Model Builder, as a batch and with "
                                    "qgis_process. The Guotu 国土 menu and toolbar also open the review docks "
                                    "and the ecological voucher dialog.")) + "</p>",
             f"<h2>{html.escape(contents)}</h2><ul>"]
    for group, members in groups.items():
        links = ", ".join(f'<a href="#{html.escape(a.name())}">{html.escape(a.displayName())}</a>' for a in members)
        parts.append(f"<li><b>{html.escape(group)}</b>: {links}</li>")
    parts.append("</ul>")
    for group, members in groups.items():
        for algorithm in members:
            parts.append(f'<h2 id="{html.escape(algorithm.name())}">{html.escape(algorithm.displayName())}</h2>')
            parts.append(f"<p><i>{html.escape(group)}</i> · <code>{html.escape(algorithm.id())}</code></p>")
            parts.append(algorithm.shortHelpString())  # the algorithms' help is HTML already
            parts.append(f"<h3>{html.escape(parameters)}</h3><ul>")
            parts.extend(_parameter_items(algorithm))
            parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(part for part in parts if part)


def write_guide(algorithms: Iterable[QgsProcessingAlgorithm], folder: Optional[Path] = None,
                version: str = "") -> Path:
    """Writes the page (atomically) and returns its path: guide_<language>.html."""
    folder = folder if folder is not None else guide_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"guide_{_language()}.html"
    text = guide_html(algorithms, version)
    if path.is_file() and path.read_text(encoding="utf-8", errors="replace") == text:
        return path
    handle, temp = tempfile.mkstemp(prefix=path.name, suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


def provider_guide_url(anchor: str = "") -> str:
    """URL of the guide built from the registered Guotu algorithms, at ``anchor``; "" when the
    provider is not registered or the page cannot be written (the Help button then stays off)."""
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    if provider is None:
        return ""
    try:
        path = write_guide(provider.algorithms(), version=_version())
    except OSError:
        return ""
    url = QUrl.fromLocalFile(str(path))
    if anchor:
        url.setFragment(anchor)
    return url.toString()
