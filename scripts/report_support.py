"""What the headless report scripts share: the plugin imported from the checkout, its
translation, and a QGIS application for the length of a run."""

import importlib.util
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

REPO = Path(__file__).resolve().parents[1]


def import_plugin():
    """The repository's plugin/ package, imported under its installed name "guotu"."""
    if "guotu" in sys.modules:
        return sys.modules["guotu"]
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)
    return module


def install_translation(locale: Optional[str], workdir: Path, script: str):
    """The plugin's translation for ``locale``: the compiled .qm of an installed plugin,
    or, in the repository (which holds only the .ts), one compiled here with lrelease."""
    from guotu.translator import candidate_names, install_translator
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = install_translator(locale)
    if translator is not None:
        return translator
    locale = locale or QgsApplication.locale()
    sources = [REPO / "resources" / "i18n" / name.replace(".qm", ".ts") for name in candidate_names(locale)]
    source = next((path for path in sources if path.is_file()), None)
    if source is None:
        return None
    sys.path.insert(0, str(REPO / "scripts"))
    import package_plugin

    try:
        qm = workdir / (source.stem + ".qm")
        package_plugin.compile_ts(source, qm, package_plugin.find_lrelease(None))
    except package_plugin.PackagingError as e:
        print(f"{script}: warning: no translation for {locale}: {e}", file=sys.stderr)
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


@contextmanager
def headless_qgis(locale: Optional[str], script: str) -> Iterator[object]:
    """A QGIS application with the plugin imported and its translation installed; yields
    the translator (None when there is none), which must stay alive during the run."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    workdir = tempfile.TemporaryDirectory(prefix=f"{script}_")
    try:
        import_plugin()
        translator = install_translation(locale, Path(workdir.name), script)
        yield translator
        del translator
    finally:
        workdir.cleanup()
        app.exitQgis()
