#!/usr/bin/python3
"""Printable report (PDF) and pictures (PNG) of a land-use conversion GeoPackage, headless.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/conversion_report.py CONV.gpkg \\
        --pdf REPORT.pdf [--png PAGE.png] [--title TEXT] [--locale zh_CN] [--dpi 150] [--no-save-style]

CONV.gpkg is the output of ``guotu convert ... -o CONV.gpkg`` or of the plugin's
"Land-use conversion map" saved to one GeoPackage (layers conversions, transitions,
status_summary, unknown_codes). The conversions layer is styled by policy status and the
style is written into the GeoPackage as the layer's default (so the file opens styled in
any QGIS); then the print layout is exported: page 1 map, legend and area by status;
page 2 the coloured transition matrix and a Sankey diagram; page 3 (with zones) the area
by zone. --png writes page 1 to PAGE.png and the next pages to PAGE_2.png, PAGE_3.png.
Needs QGIS's Python (/usr/bin/python3 on Debian); no display.
"""

import argparse
import sys
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_support import headless_qgis  # noqa: E402


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gpkg", type=Path, help="conversion GeoPackage (guotu convert -o, or the plugin's output)")
    parser.add_argument("--pdf", type=Path, help="write the report as PDF")
    parser.add_argument("--png", type=Path, help="write the pages as PNG (page 1 here, then _2, _3...)")
    parser.add_argument("--dpi", type=float, default=150.0)
    parser.add_argument("--title", help="report title")
    parser.add_argument("--locale", help="language of the report, e.g. zh_CN (default: QGIS's user locale)")
    parser.add_argument("--no-save-style", action="store_true",
                        help="do not write the style into the GeoPackage")
    args = parser.parse_args(argv)
    if not args.gpkg.is_file():
        print(f"conversion_report: {args.gpkg} not found", file=sys.stderr)
        return 1
    if args.png is None and args.pdf is None and args.no_save_style:
        parser.error("nothing to do: give --pdf and/or --png")

    try:
        with headless_qgis(args.locale, "conversion_report"):  # in the user's language
            from qgis.core import QgsProject

            from guotu.conversion.conversion_report import export_report, load_gpkg_layers
            from guotu.conversion.conversion_style import write_style_to_gpkg

            gpkg = args.gpkg.resolve()
            if not args.no_save_style:
                error = write_style_to_gpkg(gpkg)
                if error:
                    print(f"conversion_report: warning: style not saved: {error}", file=sys.stderr)
            layers = load_gpkg_layers(gpkg)
            for path in (args.png, args.pdf):
                if path is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
            project = QgsProject()
            result = export_report(layers, pdf=args.pdf, png=args.png, project=project, title=args.title,
                                   dpi=args.dpi)
            for warning in result.warnings:
                print(f"conversion_report: warning: {warning}", file=sys.stderr)
            if args.pdf:
                print(f"{args.pdf} ({result.pages} pages)")
            for png in result.pngs:
                print(png)
            project.clear()
        return 0
    except (ValueError, RuntimeError) as e:
        print(f"conversion_report: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
