"""Processing algorithm guotu:frameindicators — transmission indicators of the catalogue's
cross-city elements per element, city part and border strip against the cities' thresholds
(provincial transmission framework, SPEC §10).

Maps parameters onto frame.indicator_check.IndicatorRequest and writes the tables of
`guotu framework indicators`: ELEMENT_INDICATORS, INDICATOR_FINDINGS, CATALOGUE_FINDINGS and
CATALOGUE_CITIES.
"""

import math
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString, QgsWkbTypes)

from ..binding.frame_native import FrameOptions
from ..binding.native import AreaMethod
from ..frame.catalogue_check import (CITY_FIELDS, FINDING_FIELDS, city_attributes,
                                     finding_attributes)
from ..frame.frame_style import (style_cities_table, style_findings_layer, style_indicator_findings_layer,
                                 style_indicators_layer)
from ..frame.indicator_check import (IFINDING_FIELDS, INDICATOR_FIELDS, IndicatorRequest, ifinding_attributes,
                                     indicator_attributes, run_indicator_check, summary_lines)
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, GUARDED, LAND_USE_CODE_FIELD, VoucherLayerStyler, add_advanced, is_set,
                     processing_error)
from .frame_catalogue import ELEMENT_ID_FIELD, ELEMENT_NAME_FIELD, catalogue_problem, catalogue_request
from .workspace_inputs import fields_of, layer_label, optional_source, optional_text, write_rows

FOREST_CODES = "0301;0302;0305;0307"


class FrameIndicatorsAlgorithm(GuotuAlgorithm):
    CATALOGUE = "CATALOGUE"
    CATALOGUE_LAYER = "CATALOGUE_LAYER"
    THRESHOLDS = "THRESHOLDS"
    ELEMENTS = "ELEMENTS"
    CITY_FIELD = "CITY_FIELD"
    ELEMENT_FIELD = "ELEMENT_FIELD"
    NAME_FIELD = "NAME_FIELD"
    DEM = "DEM"
    LANDUSE = "LANDUSE"
    LANDUSE_CODE = "LANDUSE_CODE"
    LANDUSE_RASTER = "LANDUSE_RASTER"
    FOREST_CODES = "FOREST_CODES"
    CRS = "CRS"
    AREA_METHOD = "AREA_METHOD"
    SLOPE_THRESHOLD = "SLOPE_THRESHOLD"
    BAND = "BAND"
    TOLERANCE_ELEVATION = "TOLERANCE_ELEVATION"
    TOLERANCE_SLOPE = "TOLERANCE_SLOPE"
    TOLERANCE_FOREST = "TOLERANCE_FOREST"
    ELEMENT_INDICATORS = "ELEMENT_INDICATORS"
    INDICATOR_FINDINGS = "INDICATOR_FINDINGS"
    CATALOGUE_FINDINGS = "CATALOGUE_FINDINGS"
    CATALOGUE_CITIES = "CATALOGUE_CITIES"
    COUNTIES = "COUNTIES"
    COUNTY_ROLLUP = "COUNTY_ROLLUP"

    # parameter -> (FrameOptions field, default)
    NUMBERS = {SLOPE_THRESHOLD: ("slope_threshold_deg", 25.0), BAND: ("band_m", 500.0),
               TOLERANCE_ELEVATION: ("tolerance_elevation_m", 100.0), TOLERANCE_SLOPE: ("tolerance_slope_deg", 5.0),
               TOLERANCE_FOREST: ("tolerance_forest_share", 0.2)}

    def _number_titles(self) -> Dict[str, str]:
        return {self.SLOPE_THRESHOLD: tr("Steep slope threshold (degrees)"),
                self.BAND: tr("Width of the border strips (m)"),
                self.TOLERANCE_ELEVATION: tr("Largest elevation jump at a border (m)"),
                self.TOLERANCE_SLOPE: tr("Largest slope jump at a border (degrees)"),
                self.TOLERANCE_FOREST: tr("Largest forest share jump at a border (0–1)")}

    def name(self) -> str:
        return "frameindicators"

    def displayName(self) -> str:
        return tr("Transmission indicators of cross-city elements")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def tags(self) -> List[str]:
        return tr("indicator,transmission,framework,DEM,slope,elevation,forest,threshold,三下三上").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Computes the transmission indicators of the catalogue's cross-city elements per element, per city "
            "part (the city's submitted features of the element) and per border strip (each part within the strip "
            "width of another city's part), and checks each city part against the city's thresholds.</p>"
            "<p>Indicators: area; elevation min, mean and max and slope mean and share steeper than the threshold "
            "from the DEM (slope by Horn's method on the ground size of the cells, exact cell fractions at the "
            "element boundary); forest share from the land use (the forest codes, by default the 三调 forest "
            "classes), polygons with a code field or a raster of class values (0301 matches the cell value 301; "
            "exact cell fractions at the boundary).</p>"
            "<p>Thresholds: a CSV with the columns city, element_type, indicator, min, max (an empty bound is "
            "open; shares are fractions). Findings: a part outside its city's threshold; a threshold the city did "
            "not set; two cities holding one element to different thresholds; indicators that jump between the "
            "strips on the two sides of a border; a DEM or a land-use raster that does not cover a part. The "
            "catalogue check runs as "
            "well.</p>"
            "<p>The work CRS is the DEM's; elements and land-use polygons are reprojected to it; a land-use raster "
            "must be in it (it is never resampled). Strips and slopes are metres: a geographic (CGCS2000 or WGS 84) "
            "work CRS becomes the 3-degree Gauss-Krüger zone of the data's centre, a geographic DEM is warped to it "
            "(bilinear), and the outputs are in that zone (the log says so).</p>")

    def createInstance(self) -> "FrameIndicatorsAlgorithm":
        return FrameIndicatorsAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOGUE, tr("Element catalogue (CSV)"), QgsProcessingParameterFile.File, "csv", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CATALOGUE_LAYER, tr("…or the catalogue as a table layer"), [QgsProcessing.TypeVector],
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.THRESHOLDS, tr("City thresholds (CSV)"), QgsProcessingParameterFile.File, "csv", optional=True))
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
        self.addParameter(QgsProcessingParameterRasterLayer(self.DEM, tr("DEM (elevation raster)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Land use (for the forest share)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(self.LANDUSE_CODE, tr("Land-use code field"),
                                                      LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDUSE_RASTER, tr("…or land use as a raster of class values"), optional=True))
        add_advanced(self, QgsProcessingParameterString(self.FOREST_CODES, tr("Forest land-use codes"),
                                                        FOREST_CODES))
        add_advanced(self, QgsProcessingParameterCrs(self.CRS, tr("Projected CRS of the work (empty: the DEM's)"),
                                                     optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        titles = self._number_titles()
        for name, (_option, default) in self.NUMBERS.items():
            parameter = QgsProcessingParameterNumber(name, titles[name], QgsProcessingParameterNumber.Double,
                                                     defaultValue=default, minValue=0.0)
            if name in (self.SLOPE_THRESHOLD, self.BAND):
                self.addParameter(parameter)
            else:
                add_advanced(self, parameter)
        for name, description, kind in (
                (self.ELEMENT_INDICATORS, tr("Indicators by element, city part and border strip"),
                 QgsProcessing.TypeVectorPolygon),
                (self.INDICATOR_FINDINGS, tr("Indicator findings"), QgsProcessing.TypeVectorPolygon),
                (self.CATALOGUE_FINDINGS, tr("Catalogue findings"), QgsProcessing.TypeVectorPolygon),
                (self.CATALOGUE_CITIES, tr("Catalogue check by city"), QgsProcessing.TypeVector)):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))
        self.addOutput(QgsProcessingOutputNumber("FINDING_COUNT", tr("Number of indicator findings")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = catalogue_problem(parameters)
        if problem:
            return False, problem
        if is_set(parameters.get(self.LANDUSE)) and not is_set(parameters.get(self.LANDUSE_CODE)):
            return False, tr("Choose the land-use code field.")
        if is_set(parameters.get(self.LANDUSE)) and is_set(parameters.get(self.LANDUSE_RASTER)):
            return False, tr("Give the land use as polygons or as a raster, not both.")
        return True, ""

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        catalogue = catalogue_request(self, parameters, context,
                                      {"landuse": layer_label(self, parameters, self.LANDUSE, context, "landuse")})
        options = FrameOptions(area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        for name, (option, default) in self.NUMBERS.items():
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) else default
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context) if is_set(parameters.get(self.DEM)) else None
        request = IndicatorRequest(
            catalogue=catalogue, thresholds_path=optional_text(self, parameters, self.THRESHOLDS, context), dem=dem,
            landuse=optional_source(self, parameters, self.LANDUSE, context),
            landuse_code_field=optional_text(self, parameters, self.LANDUSE_CODE, context),
            landuse_raster=(self.parameterAsRasterLayer(parameters, self.LANDUSE_RASTER, context)
                            if is_set(parameters.get(self.LANDUSE_RASTER)) else None),
            forest_codes=optional_text(self, parameters, self.FOREST_CODES, context),
            crs=self.parameterAsCrs(parameters, self.CRS, context) if is_set(parameters.get(self.CRS)) else None,
            options=options)
        try:
            result = run_indicator_check(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in summary_lines(result):
            feedback.pushInfo(line)
        crs = result.crs
        outputs = {
            self.ELEMENT_INDICATORS: write_rows(
                self, parameters, self.ELEMENT_INDICATORS, context, fields_of(INDICATOR_FIELDS),
                QgsWkbTypes.MultiPolygon, crs, ((indicator_attributes(r), g) for r, g in result.indicators)),
            self.INDICATOR_FINDINGS: write_rows(
                self, parameters, self.INDICATOR_FINDINGS, context, fields_of(IFINDING_FIELDS),
                QgsWkbTypes.MultiPolygon, crs, ((ifinding_attributes(f), g) for f, g in result.findings)),
            self.CATALOGUE_FINDINGS: write_rows(
                self, parameters, self.CATALOGUE_FINDINGS, context, fields_of(FINDING_FIELDS),
                QgsWkbTypes.MultiPolygon, crs, ((finding_attributes(f), g) for f, g in result.catalogue_findings)),
            self.CATALOGUE_CITIES: write_rows(
                self, parameters, self.CATALOGUE_CITIES, context, fields_of(CITY_FIELDS), QgsWkbTypes.NoGeometry,
                crs, ((city_attributes(c), None) for c in result.cities)),
        }
        for name, style in ((self.ELEMENT_INDICATORS, style_indicators_layer),
                            (self.INDICATOR_FINDINGS, style_indicator_findings_layer),
                            (self.CATALOGUE_FINDINGS, style_findings_layer),
                            (self.CATALOGUE_CITIES, style_cities_table)):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        outputs["FINDING_COUNT"] = len(result.findings)
        return outputs
