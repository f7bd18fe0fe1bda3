"""Processing algorithm guotu:framecatalogue — the cities' submitted elements against the
province's catalogue of cross-city elements (名录, transmission framework, SPEC §10).

Maps parameters onto frame.catalogue_check.CatalogueRequest, runs it and writes the CLI's
tables (`guotu framework catalogue`): CATALOGUE_FINDINGS (with the submitted geometry where
there is one) and CATALOGUE_CITIES (per city).
"""

from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingFeedback, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingException,
                       QgsWkbTypes)

from ..frame.catalogue_check import (CITY_FIELDS, COUNTY_FIELDS, FINDING_FIELDS, CatalogueRequest, city_attributes,
                                     finding_attributes, run_catalogue_check, summary_lines)
from ..frame.frame_style import style_cities_table, style_findings_layer
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import ADMIN_CODE_FIELD, GUARDED, VoucherLayerStyler, is_set, processing_error
from .workspace_inputs import fields_of, layer_label, optional_source, optional_text, write_rows

# The element id (要素编号) and name (要素名称) fields of the submissions, as the sample data delivers them.
ELEMENT_ID_FIELD = "YSBH"
ELEMENT_NAME_FIELD = "YSMC"


def catalogue_problem(parameters: Dict[str, Any]) -> Optional[str]:
    """Why the catalogue inputs cannot run (both or neither of CSV and layer), or None. Shared by
    the catalogue check and the indicators, which take the same inputs."""
    if is_set(parameters.get("CATALOGUE")) == is_set(parameters.get("CATALOGUE_LAYER")):
        return tr("Give the catalogue as a CSV file or as a table layer — not both, not neither.")
    return None


def catalogue_request(alg: GuotuAlgorithm, parameters: Dict[str, Any], context: QgsProcessingContext,
                      labels: Optional[Dict[str, str]] = None) -> CatalogueRequest:
    """The catalogue check's request from the parameters CATALOGUE, CATALOGUE_LAYER, ELEMENTS,
    CITY_FIELD, ELEMENT_FIELD, NAME_FIELD and COUNTIES (``labels``: more layers named in messages)."""
    elements = optional_source(alg, parameters, "ELEMENTS", context)
    if elements is None:
        raise QgsProcessingException(alg.invalidSourceError(parameters, "ELEMENTS"))
    return CatalogueRequest(
        elements=elements, city_field=optional_text(alg, parameters, "CITY_FIELD", context) or "",
        element_field=optional_text(alg, parameters, "ELEMENT_FIELD", context) or "",
        name_field=optional_text(alg, parameters, "NAME_FIELD", context),
        catalogue_path=optional_text(alg, parameters, "CATALOGUE", context),
        catalogue_layer=optional_source(alg, parameters, "CATALOGUE_LAYER", context),
        counties_path=optional_text(alg, parameters, "COUNTIES", context),
        labels={"elements": layer_label(alg, parameters, "ELEMENTS", context, "elements"),
                "catalogue": layer_label(alg, parameters, "CATALOGUE_LAYER", context, "catalogue"), **(labels or {})})


class FrameCatalogueAlgorithm(GuotuAlgorithm):
    CATALOGUE = "CATALOGUE"
    CATALOGUE_LAYER = "CATALOGUE_LAYER"
    ELEMENTS = "ELEMENTS"
    CITY_FIELD = "CITY_FIELD"
    ELEMENT_FIELD = "ELEMENT_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CATALOGUE_FINDINGS = "CATALOGUE_FINDINGS"
    CATALOGUE_CITIES = "CATALOGUE_CITIES"
    COUNTIES = "COUNTIES"
    COUNTY_ROLLUP = "COUNTY_ROLLUP"

    def name(self) -> str:
        return "framecatalogue"

    def displayName(self) -> str:
        return tr("Element catalogue check")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def tags(self) -> List[str]:
        return tr("catalogue,名录,framework,transmission,三下三上,cross-city,element,submission").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Checks the elements the cities submitted against the province's catalogue of cross-city ecological "
            "elements (名录, provincial transmission framework).</p>"
            "<p>The catalogue is a CSV file (UTF-8) or a table layer with the columns element_id, name, type, "
            "cities and indicators. The cities an element spans are admin ids separated by ; , | 、 or ；; the "
            "indicators are names of the framework: area, elevation_min, elevation_mean, elevation_max, "
            "slope_mean, slope_share, forest_share. A misspelt indicator is refused.</p>"
            "<p>Each submitted feature names its city (admin id) and the catalogue id it stands for. Findings per "
            "city: a catalogue element listing the city that the city did not submit; a submitted feature whose "
            "element id is in no catalogue entry; a feature of an element the catalogue does not list for the "
            "city; a feature without a city. The city table counts, per city, the elements listed, submitted and "
            "missing.</p>")

    def createInstance(self) -> "FrameCatalogueAlgorithm":
        return FrameCatalogueAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOGUE, tr("Element catalogue (CSV)"), QgsProcessingParameterFile.File, "csv", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CATALOGUE_LAYER, tr("…or the catalogue as a table layer"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ELEMENTS, tr("Submitted elements"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFile(
            self.COUNTIES, tr("County → city table (CSV: county, city)"), QgsProcessingParameterFile.File, "csv",
            optional=True))
        self.addParameter(QgsProcessingParameterField(self.CITY_FIELD, tr("City field (admin id)"), ADMIN_CODE_FIELD,
                                                      parentLayerParameterName=self.ELEMENTS))
        self.addParameter(QgsProcessingParameterField(self.ELEMENT_FIELD, tr("Element id field (catalogue id)"),
                                                      ELEMENT_ID_FIELD, parentLayerParameterName=self.ELEMENTS))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr("Element name field"), ELEMENT_NAME_FIELD,
                                                      parentLayerParameterName=self.ELEMENTS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CATALOGUE_FINDINGS, tr("Catalogue findings"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CATALOGUE_CITIES, tr("Catalogue check by city"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.COUNTY_ROLLUP, tr("Submissions by county"), QgsProcessing.TypeVector, optional=True))
        self.addOutput(QgsProcessingOutputNumber("FINDING_COUNT", tr("Number of findings")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = catalogue_problem(parameters)
        return (False, problem) if problem else (True, "")

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = catalogue_request(self, parameters, context)
        try:
            result = run_catalogue_check(request, feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in summary_lines(result):
            feedback.pushInfo(line)
        outputs = {
            self.CATALOGUE_FINDINGS: write_rows(
                self, parameters, self.CATALOGUE_FINDINGS, context, fields_of(FINDING_FIELDS),
                QgsWkbTypes.MultiPolygon, result.crs, ((finding_attributes(f), g) for f, g in result.findings)),
            self.CATALOGUE_CITIES: write_rows(
                self, parameters, self.CATALOGUE_CITIES, context, fields_of(CITY_FIELDS), QgsWkbTypes.NoGeometry,
                result.crs, ((city_attributes(c), None) for c in result.cities)),
        }
        if result.counties and is_set(parameters.get(self.COUNTY_ROLLUP)):
            outputs[self.COUNTY_ROLLUP] = write_rows(
                self, parameters, self.COUNTY_ROLLUP, context, fields_of(COUNTY_FIELDS), QgsWkbTypes.NoGeometry,
                result.crs, ((row, None) for row in result.counties))
        for name, style in ((self.CATALOGUE_FINDINGS, style_findings_layer),
                            (self.CATALOGUE_CITIES, style_cities_table)):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        outputs["FINDING_COUNT"] = len(result.findings)
        return outputs
