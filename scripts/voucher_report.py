#!/usr/bin/python3
"""Styled map (PNG) and printable report (PDF) of a voucher GeoPackage, headless.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/voucher_report.py OUT.gpkg \\
        [--png MAP.png] [--pdf REPORT.pdf] [--no-save-styles] [--dpi 150] [--locale zh_CN]

OUT.gpkg is the output of ``guotu voucher ... -o OUT.gpkg`` (layers voucher,
trades, summary) or of the plugin's voucher algorithms saved to a GeoPackage
(same layer names; market_summary too). The voucher and trades layers are
styled (supply/demand map, trade arrows by volume), the styles are written
into the GeoPackage as the layers' default styles (so the file opens styled in
any QGIS), and the print layout is exported. Needs QGIS's Python
(/usr/bin/python3 on Debian); no display.
"""

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

REPO = Path(__file__).resolve().parents[1]
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


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


def install_translation(locale: Optional[str], workdir: Path):
    """The plugin's translation for ``locale``: the compiled .qm of an installed plugin,
    or, in the repository (which holds only the .ts), one compiled here with lrelease."""
    from guotu.translator import candidate_names, install_translator
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    from qgis.core import QgsApplication

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
        print(f"voucher_report: warning: no translation for {locale}: {e}", file=sys.stderr)
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gpkg", type=Path, help="voucher GeoPackage (guotu voucher -o, or the plugin's output)")
    parser.add_argument("--png", type=Path, help="write the map page as PNG")
    parser.add_argument("--pdf", type=Path, help="write the report as PDF")
    parser.add_argument("--dpi", type=float, default=150.0)
    parser.add_argument("--title", help="report title")
    parser.add_argument("--locale", help="language of the report, e.g. zh_CN (default: QGIS's locale)")
    parser.add_argument("--no-save-styles", action="store_true",
                        help="do not write the styles into the GeoPackage")
    args = parser.parse_args(argv)
    if not args.gpkg.is_file():
        print(f"voucher_report: {args.gpkg} not found", file=sys.stderr)
        return 1
    if args.png is None and args.pdf is None and args.no_save_styles:
        parser.error("nothing to do: give --png and/or --pdf")

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProject

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    try:
        import_plugin()
        from guotu.core.voucher_report import export_report, load_gpkg_layers, style_report_layers
        from guotu.core.voucher_style import write_styles_to_gpkg

        workdir = tempfile.TemporaryDirectory(prefix="voucher_report_")
        translator = install_translation(args.locale, Path(workdir.name))  # the user's language
        gpkg = args.gpkg.resolve()
        if not args.no_save_styles:
            for name, error in write_styles_to_gpkg(gpkg).items():
                if error:
                    print(f"voucher_report: warning: style of layer {name} not saved: {error}", file=sys.stderr)
        layers = load_gpkg_layers(gpkg)
        style_report_layers(layers)
        project = QgsProject()
        for path in (args.png, args.pdf):
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
        result = export_report(layers, pdf=args.pdf, png=args.png, project=project, title=args.title,
                               dpi=args.dpi)
        for warning in result.warnings:
            print(f"voucher_report: warning: {warning}", file=sys.stderr)
        if args.pdf:
            print(f"{args.pdf} ({result.pages} pages)")
        if args.png:
            print(args.png)
        del translator
        workdir.cleanup()
        project.clear()
        return 0
    except (ValueError, RuntimeError) as e:
        print(f"voucher_report: {e}", file=sys.stderr)
        return 1
    finally:
        app.exitQgis()


if __name__ == "__main__":
    sys.exit(main())
