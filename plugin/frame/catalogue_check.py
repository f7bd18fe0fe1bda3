"""The catalogue check of the transmission framework (SPEC §10) from QGIS inputs: the
province's catalogue of cross-city elements (名录) — a CSV file, read by the core exactly as
`guotu framework catalogue` reads it, or a table layer with the same columns — against the
elements the cities submitted (one layer with a city field and an element id field).

Findings per city: catalogue elements the city did not submit, submitted features matching
no catalogue entry, features of an element the catalogue does not list for the city, and
features without a city. The output tables have the fields and rows of the CLI.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureSource, QgsFeedback, QgsGeometry

from ..binding.errors import GuotuError, GuotuInputError
from ..binding.frame_native import CityRow, Finding, Frame, declare
from ..binding.native import Context
from ..i18n import tr
from ..inputs.conversions import geometry_wkb
from ..inputs.feature_reading import read_features, text_value
from ..inputs.progress import PhasedProgress
from ..inputs.table_schemas import table_schema
from ..inputs.validation import require_field, require_polygon_source

CATALOGUE_COLUMNS: Tuple[str, ...] = ("element_id", "name", "type", "cities", "indicators")

# Output tables: (name, kind, Chinese title) as resources/schemas declares them for the tool's
# writers too (catalogue_findings.csv, county_rollup.csv, catalogue_cities.csv).
FINDING_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                               for c in table_schema("catalogue_findings").kept()]
COUNTY_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                              for c in table_schema("county_rollup").kept()]
CITY_FIELDS: List[Tuple[str, str, str]] = [(c.name, c.kind, c.title_zh)
                                            for c in table_schema("catalogue_cities").kept()]
# The values the attribute functions give, in their order, put into the schema's.
_FINDING_ROW = table_schema("catalogue_findings").layout(
    ("kind", "city_id", "element_id", "element_name", "element_type", "cities", "feature_id", "message_zh",
     "message_en"))[1]
_COUNTY_ROW = table_schema("county_rollup").layout(
    ("county_id", "city_id", "features", "elements", "not_in_catalogue"))[1]
_CITY_ROW = table_schema("catalogue_cities").layout(
    ("city_id", "listed", "submitted", "not_submitted", "features", "not_in_catalogue", "city_not_listed"))[1]


def finding_titles() -> Dict[str, str]:
    """The user's words for the kinds of catalogue findings."""
    return {"not_submitted": tr("Catalogue element not submitted"),
            "not_in_catalogue": tr("Submitted element not in the catalogue"),
            "city_not_listed": tr("Element submitted by a city the catalogue does not list"),
            "no_city": tr("Submitted element without a city")}


@dataclass
class CatalogueRequest:
    elements: QgsFeatureSource
    city_field: str
    element_field: str
    name_field: Optional[str] = None
    catalogue_path: Optional[str] = None              # a CSV file ...
    catalogue_layer: Optional[QgsFeatureSource] = None  # ... or a table with CATALOGUE_COLUMNS
    counties_path: Optional[str] = None                 # county -> city table (CSV: county, city)
    labels: Dict[str, str] = field(default_factory=dict)

    def label(self, role: str) -> str:
        return self.labels.get(role) or role


@dataclass
class CatalogueResult:
    findings: List[Tuple[Finding, QgsGeometry]]
    cities: List[CityRow]
    features: int
    crs: QgsCoordinateReferenceSystem
    counties: List[list] = field(default_factory=list)

    def kind_counts(self) -> Dict[str, int]:
        counts = {kind: 0 for kind in finding_titles()}
        for finding, _geometry in self.findings:
            counts[finding.kind] = counts.get(finding.kind, 0) + 1
        return counts


def finding_attributes(f: Finding) -> List[Any]:
    return _FINDING_ROW([f.kind, f.city_id, f.element_id, f.element_name, f.element_type, f.cities,
                         f.fid if f.fid >= 0 else None, f.message_zh, f.message_en])


def city_attributes(c: CityRow) -> List[Any]:
    return _CITY_ROW([c.city_id, c.listed, c.submitted, c.not_submitted, c.features, c.not_in_catalogue,
                      c.city_not_listed])


def _read_text(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise GuotuInputError(tr('The {what} "{path}" cannot be read: {error}').format(
            what=what, path=path, error=e.strerror or str(e))) from e


def load_catalogue(frame: Frame, request: CatalogueRequest) -> None:
    if request.counties_path:
        frame.load_counties(_read_text(request.counties_path, tr("county table")), request.counties_path)
    if (request.catalogue_path is None) == (request.catalogue_layer is None):
        raise GuotuInputError(tr("Give the catalogue as a CSV file or as a table layer — not both, not neither."))
    if request.catalogue_path is not None:
        path = Path(request.catalogue_path)
        try:
            text = path.read_bytes()
        except OSError as e:
            raise GuotuInputError(tr('The catalogue "{path}" cannot be read: {error}').format(
                path=str(path), error=e.strerror or str(e))) from e
        frame.load_catalogue(text, str(path))
        return
    layer, label = request.catalogue_layer, request.label("catalogue")
    columns = [require_field(layer, name, label) for name in CATALOGUE_COLUMNS]
    count = 0
    for feature in read_features(layer, columns, geometry=False):
        values = [text_value(feature.attribute(i)) for i in columns]
        try:
            frame.add_entry(*values)
        except GuotuError as e:
            raise GuotuInputError(tr('Layer "{layer}", feature {fid}: {error}').format(
                layer=label, fid=feature.id(), error=e.message)) from e
        count += 1
    if not count:
        raise GuotuInputError(tr('The catalogue layer "{layer}" lists no element.').format(layer=label))


def run_catalogue_check(request: CatalogueRequest, feedback: Optional[QgsFeedback] = None) -> CatalogueResult:
    """Runs the check; raises GuotuInputError, GuotuError or GuotuCancelled."""
    progress = PhasedProgress(feedback)
    label = request.label("elements")
    require_polygon_source(request.elements, label)
    fields = [require_field(request.elements, request.city_field, label),
              require_field(request.elements, request.element_field, label)]
    if request.name_field:
        fields.append(require_field(request.elements, request.name_field, label))
    findings: List[Tuple[Finding, QgsGeometry]] = []

    def on_finding(f: Finding) -> None:
        progress.check_cancel()
        geometry = QgsGeometry()
        if f.wkb:
            geometry.fromWkb(f.wkb)
            geometry.convertToMultiType()
        findings.append((f, geometry))

    total = max(1, request.elements.featureCount())
    count = 0
    with Context() as ctx:
        declare(ctx.lib)
        with Frame(ctx) as frame:
            load_catalogue(frame, request)
            progress.phase(0.0, 90.0)
            for feature in read_features(request.elements, fields):
                progress.check_cancel()
                wkb = geometry_wkb(feature.geometry()) if feature.hasGeometry() else b""
                name = text_value(feature.attribute(fields[2])) if len(fields) > 2 else ""
                frame.add_submission(text_value(feature.attribute(fields[0])),
                                     text_value(feature.attribute(fields[1])), name, feature.id(), wkb)
                count += 1
                progress.report(count / total)
            progress.phase(90.0, 100.0)
            frame.check_catalogue(on_finding)
            cities = frame.cities()
            counties = [_COUNTY_ROW(row) for row in frame.counties()]
    progress.report(1.0)
    return CatalogueResult(findings, cities, count, request.elements.sourceCrs(), counties)


def summary_lines(result: CatalogueResult) -> List[str]:
    titles = finding_titles()
    counts = result.kind_counts()
    out = [tr("{features} submitted features, {cities} cities: {detail}.").format(
        features=result.features, cities=len(result.cities),
        detail=", ".join(f"{titles[k]} {n}" for k, n in counts.items()))]
    for c in result.cities:
        out.append(tr("City {city}: {submitted} of {listed} catalogue elements submitted, {missing} missing, "
                      "{unknown} features not in the catalogue").format(
            city=c.city_id, submitted=c.submitted, listed=c.listed, missing=c.not_submitted,
            unknown=c.not_in_catalogue + c.city_not_listed))
    return out
