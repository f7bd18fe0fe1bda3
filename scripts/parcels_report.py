#!/usr/bin/python3
"""Village review reports (PDF, one per village) of a parcel-check GeoPackage, headless.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/parcels_report.py VERDICTS.gpkg --out FOLDER \\
        [--workspace W.gpkg] [--dpi 150] [--locale zh_CN]

VERDICTS.gpkg is the output of ``guotu parcels check ... -o VERDICTS.gpkg`` (layers
parcel_checks, parcel_reasons, project_checks, village_totals). The parcels are styled by
verdict, the areas at fault by severity; with --workspace the three lines are drawn for
context. Writes FOLDER/审查报告_<village>.pdf. Needs QGIS's Python; no display.
"""

import argparse
import sys
from pathlib import Path
from typing import List, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_support import headless_qgis  # noqa: E402

TABLES = ("parcel_checks", "parcel_reasons", "project_checks", "village_totals")
LINES = {"ecological_redline": "生态保护红线", "permanent_farmland": "永久基本农田", "urban_boundary": "城镇开发边界"}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gpkg", type=Path, help="parcel-check GeoPackage (guotu parcels check -o)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PDFs")
    parser.add_argument("--workspace", type=Path, help="three-lines workspace drawn for context")
    parser.add_argument("--dpi", type=float, default=150.0)
    parser.add_argument("--locale", help="language of the report, e.g. zh_CN (default: QGIS's locale)")
    args = parser.parse_args(argv)
    if not args.gpkg.is_file():
        print(f"parcels_report: {args.gpkg} not found", file=sys.stderr)
        return 1
    try:
        with headless_qgis(args.locale, "parcels_report"):
            from qgis.core import QgsProject, QgsVectorLayer

            from guotu.parcels.parcels_report import ParcelsReportLayers, export_village_reports
            from guotu.parcels.parcels_style import style_parcels_layer, style_reasons_layer

            layers = {}
            for name in TABLES:
                layer = QgsVectorLayer(f"{args.gpkg.resolve()}|layername={name}", name, "ogr")
                if not layer.isValid():
                    raise ValueError(f"{args.gpkg} has no layer {name}: is it the output of guotu parcels check?")
                layers[name] = layer
            style_parcels_layer(layers["parcel_checks"])
            style_reasons_layer(layers["parcel_reasons"])
            context = []
            if args.workspace is not None:
                for name, title in LINES.items():
                    layer = QgsVectorLayer(f"{args.workspace.resolve()}|layername={name}", title, "ogr")
                    if layer.isValid():
                        layer.loadDefaultStyle()  # the workspace keeps its styles
                        context.append(layer)
            project = QgsProject()
            report_layers = ParcelsReportLayers(layers["parcel_checks"], layers["parcel_reasons"],
                                                layers["project_checks"], layers["village_totals"], context,
                                                source=str(args.gpkg))
            results = export_village_reports(report_layers, args.out, project=project, dpi=args.dpi)
            for result in results:
                for warning in result.warnings:
                    print(f"parcels_report: warning: {warning}", file=sys.stderr)
                print(f"{result.pdf} ({result.pages} pages, {result.parcel_pages} parcels to review)")
            project.clear()
        return 0
    except (ValueError, RuntimeError, OSError) as e:
        print(f"parcels_report: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
