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
import sys
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_support import headless_qgis  # noqa: E402


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

    try:
        with headless_qgis(args.locale, "voucher_report"):  # in the user's language
            from qgis.core import QgsProject

            from guotu.voucher.voucher_report import export_report, load_gpkg_layers, style_report_layers
            from guotu.voucher.voucher_style import write_styles_to_gpkg

            gpkg = args.gpkg.resolve()
            if not args.no_save_styles:
                for name, error in write_styles_to_gpkg(gpkg).items():
                    if error:
                        print(f"voucher_report: warning: style of layer {name} not saved: {error}",
                              file=sys.stderr)
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
            project.clear()
        return 0
    except (ValueError, RuntimeError) as e:
        print(f"voucher_report: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
