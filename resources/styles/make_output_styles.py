"""Writes the default QML styles of the parcel-check and border-comparison outputs
(resources/styles/parcels/*.qml, resources/styles/border/*.qml), which `guotu parcels check`
and `guotu border` store in their GeoPackages so that the layers open styled, with their
Chinese field names as aliases (GDAL 3.6 does not store aliases in a GeoPackage). The styles
are the plugin's own (plugin/core/parcels_style.py, border_style.py). Run by hand with
/usr/bin/python3 after changing a style or a field list; the .qml files are committed."""
import importlib.util
import sys
from pathlib import Path

from qgis.core import QgsApplication, QgsVectorLayer

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
KINDS = {"text": "string", "real": "double", "integer": "integer"}


def import_plugin() -> None:
    spec = importlib.util.spec_from_file_location("guotu", REPO / "plugin" / "__init__.py",
                                                  submodule_search_locations=[str(REPO / "plugin")])
    module = importlib.util.module_from_spec(spec)
    sys.modules["guotu"] = module
    spec.loader.exec_module(module)


def write(folder: Path, name: str, geometry: str, fields, style) -> Path:
    uri = f"{geometry}?crs=EPSG:4527" + "".join(f"&field={f}:{KINDS[kind]}" for f, kind, _ in fields)
    layer = QgsVectorLayer(uri, name, "memory")
    style(layer)
    path = folder / f"{name}.qml"
    message, ok = layer.saveNamedStyle(str(path))
    assert ok, message
    return path


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    import_plugin()
    from guotu.core import border_check as bc
    from guotu.core import border_style as bs
    from guotu.core import parcels_check as pc
    from guotu.core import parcels_style as ps
    from guotu.frame import catalogue_check as fc
    from guotu.frame import frame_style as fs
    from guotu.frame import indicator_check as fi
    from guotu.frame import rounds as fr

    outputs = [
        (HERE / "parcels", "parcel_checks", "MultiPolygon", pc.PARCEL_FIELDS, ps.style_parcels_layer),
        (HERE / "parcels", "parcel_reasons", "MultiPolygon", pc.REASON_FIELDS, ps.style_reasons_layer),
        (HERE / "parcels", "project_checks", "None", pc.PROJECT_FIELDS, ps.style_projects_table),
        (HERE / "parcels", "village_totals", "None", pc.VILLAGE_FIELDS, ps.style_villages_table),
        (HERE / "border", "shared_borders", "MultiLineString", bc.SEGMENT_FIELDS, bs.style_segments_layer),
        (HERE / "border", "border_conflicts", "MultiPolygon", bc.CONFLICT_FIELDS, bs.style_conflicts_layer),
        (HERE / "border", "border_conflict_lines", "MultiLineString", bc.CONFLICT_FIELDS, bs.style_conflicts_layer),
        (HERE / "border", "basemap_issues", "MultiPolygon", bc.ISSUE_FIELDS, bs.style_issues_layer),
        (HERE / "border", "basemap_issue_points", "Point", bc.ISSUE_FIELDS, bs.style_issues_layer),
        (HERE / "border", "pair_summary", "None", bc.SUMMARY_FIELDS, bs.style_summary_table),
        (HERE / "framework", "catalogue_findings", "MultiPolygon", fc.FINDING_FIELDS, fs.style_findings_layer),
        (HERE / "framework", "catalogue_cities", "None", fc.CITY_FIELDS, fs.style_cities_table),
        (HERE / "framework", "element_indicators", "MultiPolygon", fi.INDICATOR_FIELDS, fs.style_indicators_layer),
        (HERE / "framework", "indicator_findings", "MultiPolygon", fi.IFINDING_FIELDS,
         fs.style_indicator_findings_layer),
        (HERE / "framework", "round_comparison", "MultiLineString", fr.COMPARISON_FIELDS, fs.style_comparison_layer),
        (HERE / "framework", "return_list", "None", fr.RETURN_FIELDS, fs.style_return_table),
        (HERE / "framework", "return_summary", "None", fr.SUMMARY_FIELDS, fs.style_return_table),
    ]
    for folder, name, geometry, fields, style in outputs:
        folder.mkdir(exist_ok=True)
        print(write(folder, name, geometry, fields, style))
    app.exitQgis()


if __name__ == "__main__":
    main()
