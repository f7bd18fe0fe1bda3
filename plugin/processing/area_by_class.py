"""Processing algorithm guotu:areabyclass — area of each land-use class per zone.

Inputs are read through QgsFeatureSource, so "selected features only", layer
filters and unsaved edits are honoured without any code here. The work itself
is core.tally.run_tally; this class only maps parameters and reports.
"""

from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsCoordinateReferenceSystem, QgsFeature, QgsFeatureSink, QgsProcessing,
                       QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer, QgsWkbTypes)

from ..binding.errors import GuotuCancelled, GuotuError, GuotuInputError, GuotuLibraryError
from ..binding.native import AreaMethod, InvalidPolicy, RasterMode
from ..inputs.raster_blocks import CategoricalRaster
from ..inputs.table_schemas import table_layout
from ..tally.area_check import DEFAULT_ABS_M2, DEFAULT_REL, OFFICIAL_AREA_FIELD, AreaCheckRequest
from ..tally.tally import TallyRequest, TallyResult, run_tally
from ..tally.tally_files import run_tally_files, tally_files_of
from ..inputs.layer_files import FileInput
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import ADMIN_CODE_FIELD, LAND_USE_CODE_FIELD, TIANKAN_SHARE_FIELD, add_advanced, is_set
from .tally_report import report_area_check, style_tally_outputs, write_area_check, report_tally


class AreaByClassAlgorithm(GuotuAlgorithm):
    ZONES = "ZONES"
    ZONE_ID = "ZONE_ID"
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    LANDUSE_RASTER = "LANDUSE_RASTER"
    MASK = "MASK"
    AREA_METHOD = "AREA_METHOD"
    INVALID = "INVALID"
    RASTER_MODE = "RASTER_MODE"
    DEDUCT = "DEDUCT_TIANKAN"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    CHECK_AREAS = "CHECK_AREAS"
    OFFICIAL_AREA_FIELD = "OFFICIAL_AREA_FIELD"
    AREA_CHECK_ABS = "AREA_CHECK_ABS"
    AREA_CHECK_REL = "AREA_CHECK_REL"
    OUTPUT = "OUTPUT"
    AREA_CHECK = "AREA_CHECK"

    def __init__(self) -> None:
        super().__init__()
        self._raster: Optional[CategoricalRaster] = None

    def name(self) -> str:
        return "areabyclass"

    def displayName(self) -> str:
        return tr("Area by zone and land-use class")

    def group(self) -> str:
        return tr("Statistics")

    def groupId(self) -> str:
        return "statistics"

    def tags(self) -> List[str]:
        return tr("area,land use,zone,statistics,hectare,ellipsoidal,tally").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Computes the area in hectares of every land-use class inside every zone "
            "(county, township, ecological unit...), as a table with the fields "
            "<b>zone_id</b>, <b>class_code</b> and <b>area_ha</b>.</p>"
            "<p><b>Land use</b> is either a polygon layer with a class field (integer or text; "
            "features with an empty class are reported with an empty class_code) or a "
            "categorical integer raster (band 1; nodata cells are skipped). Give exactly one "
            "of the two.</p>"
            "<p><b>Mask</b> (optional): the area inside these polygons is excluded, e.g. urban "
            "space when counting ecological land.</p>"
            "<p><b>Area method</b>: ellipsoidal area (椭球面积, as the Third National Land "
            "Survey reports it) on the ellipsoid of the CRS, or planar area in a projected "
            "CRS in metres.</p>"
            "<p><b>Invalid geometries</b>: repaired (and counted in the log) or the run stops "
            "naming the layer and feature.</p>"
            "<p><b>Raster mode</b>: exact coverage counts cells cut by a zone boundary by their "
            "covered fraction; cell centre counts a cell whole when its centre is inside "
            "the zone.</p>"
            "<p>Vector land use and the mask are reprojected to the CRS of the zones; with "
            "raster land use the zones and the mask are reprojected to the raster's CRS "
            "instead, so cells are never resampled. Selected features, layer filters and "
            "unsaved edits are taken into account.</p>"
            "<p><b>Area check</b>: every parcel's ellipsoidal area, computed on the parcel as read "
            "(in its own CRS, whatever the area method), is compared with its official area "
            "(三调 TBMJ, m²; the field TBMJ is taken when the layer has it). A parcel differing by more "
            "than the absolute tolerance (0.1 m²) plus the relative tolerance (1e-6) times its official "
            "area was edited after the survey or is in a wrong CRS: it is a finding, listed in the "
            "optional table of findings. Parcels without an official area are counted apart.</p>")

    def createInstance(self) -> "AreaByClassAlgorithm":
        return AreaByClassAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Zones"), polygons))
        self.addParameter(QgsProcessingParameterField(
            self.ZONE_ID, tr("Zone id field"), ADMIN_CODE_FIELD, parentLayerParameterName=self.ZONES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LANDUSE, tr("Land use (polygons)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.CLASS_FIELD, tr("Land-use class field"), LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE,
            optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LANDUSE_RASTER, tr("Land use (raster)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MASK, tr("Mask: area inside is excluded, e.g. urban space"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_METHOD, tr("Area method"), [tr("Ellipsoidal"), tr("Planar")],
            defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterEnum(
            self.INVALID, tr("Invalid geometries"), [tr("Repair"), tr("Fail")],
            defaultValue=int(InvalidPolicy.REPAIR)))
        self.addParameter(QgsProcessingParameterEnum(
            self.RASTER_MODE, tr("Raster mode"), [tr("Exact coverage"), tr("Cell centre")],
            defaultValue=int(RasterMode.EXACT)))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DEDUCT, tr("Deduct 田坎 (KCXS) from cultivated parcels"), defaultValue=True))
        self.addParameter(QgsProcessingParameterField(
            self.DEDUCTION_FIELD, tr("Deduction coefficient field (empty: KCXS when the layer has it)"),
            TIANKAN_SHARE_FIELD, parentLayerParameterName=self.LANDUSE, optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CHECK_AREAS, tr("Check each parcel's area against its official area (TBMJ)"), defaultValue=True))
        self.addParameter(QgsProcessingParameterField(
            self.OFFICIAL_AREA_FIELD, tr("Official area field, m² (empty: TBMJ when the layer has it)"),
            OFFICIAL_AREA_FIELD, parentLayerParameterName=self.LANDUSE, optional=True))
        add_advanced(self, QgsProcessingParameterNumber(
            self.AREA_CHECK_ABS, tr("Area check: absolute tolerance (m²)"), QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_ABS_M2, minValue=0.0))
        add_advanced(self, QgsProcessingParameterNumber(
            self.AREA_CHECK_REL, tr("Area check: relative tolerance (share of the official area)"),
            QgsProcessingParameterNumber.Double, defaultValue=DEFAULT_REL, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Area by zone and class"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.AREA_CHECK, tr("Parcels whose area differs from the official area"), QgsProcessing.TypeVector,
            optional=True, createByDefault=False))

    def checkParameterValues(self, parameters: Dict[str, Any],
                             context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        has_vector = is_set(parameters.get(self.LANDUSE))
        has_raster = is_set(parameters.get(self.LANDUSE_RASTER))
        if has_vector == has_raster:
            return False, tr("Give exactly one land-use input: a polygon layer or a raster layer.")
        if has_vector and not is_set(parameters.get(self.CLASS_FIELD)):
            return False, tr("Choose the land-use class field.")
        if has_raster and is_set(parameters.get(self.OFFICIAL_AREA_FIELD)):
            return False, tr("The area check compares each parcel's area with its official area: it needs "
                             "polygon land use, not a raster.")
        return True, ""

    def prepareAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> bool:
        # Runs in the main thread: clone the raster provider here so that the
        # task thread never touches the layer's own provider.
        layer = self.parameterAsRasterLayer(parameters, self.LANDUSE_RASTER, context)
        self._raster = None
        if layer is not None:
            try:
                self._raster = CategoricalRaster.from_layer(layer)
            except GuotuInputError as e:
                raise QgsProcessingException(str(e)) from e
        return True

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = self._run_from_files(parameters, context, feedback, request)
            if result is None:
                result = run_tally(request, context.transformContext(), feedback)
        except GuotuCancelled as e:
            raise QgsProcessingException(tr("The calculation was cancelled.")) from e
        except GuotuError as e:
            raise QgsProcessingException(
                tr("The Guotu core failed ({status}): {message}").format(
                    status=e.status_name, message=e.message)) from e
        except (GuotuInputError, GuotuLibraryError) as e:
            raise QgsProcessingException(str(e)) from e
        report_tally(result, feedback)
        report_area_check(result.area_check, feedback)
        outputs = {self.OUTPUT: self._write(result, parameters, context)}
        findings = write_area_check(self, parameters, self.AREA_CHECK, context, result.area_check)
        if findings is not None:
            outputs[self.AREA_CHECK] = findings
        style_tally_outputs(context, outputs, self.OUTPUT, self.AREA_CHECK)
        return outputs

    def _run_from_files(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                        feedback: QgsProcessingFeedback, request: TallyRequest) -> Optional[TallyResult]:
        """The tally with the core reading the input files itself, or None to read features
        through QGIS (the log says why)."""
        if request.raster is not None:
            return None
        inputs = [FileInput(role, self.input_layer(parameters, name, context), parameters.get(name))
                  for role, name in (("zones", self.ZONES), ("landuse", self.LANDUSE), ("mask", self.MASK))
                  if role != "mask" or request.mask is not None]
        files, why = tally_files_of(request, inputs)
        if files is None:
            feedback.pushInfo(tr("Features are read through QGIS ({reason}).").format(reason=why))
            return None
        result = run_tally_files(request, files, context.transformContext(), feedback)
        if result is None:
            feedback.pushInfo(tr("Features are read through QGIS (the plugin has no I/O library)."))
        else:
            feedback.pushInfo(tr("The core read the input files itself."))
        return result

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> TallyRequest:
        zones = self.parameterAsSource(parameters, self.ZONES, context)
        if zones is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        landuse = self.parameterAsSource(parameters, self.LANDUSE, context)
        if is_set(parameters.get(self.LANDUSE)) and landuse is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.LANDUSE))
        mask = self.parameterAsSource(parameters, self.MASK, context)
        if is_set(parameters.get(self.MASK)) and mask is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.MASK))
        return TallyRequest(
            zones=zones,
            zone_id_field=self.parameterAsString(parameters, self.ZONE_ID, context),
            landuse=landuse,
            class_field=self.parameterAsString(parameters, self.CLASS_FIELD, context) or None,
            raster=self._raster,
            mask=mask,
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)),
            invalid=InvalidPolicy(self.parameterAsEnum(parameters, self.INVALID, context)),
            raster_mode=RasterMode(self.parameterAsEnum(parameters, self.RASTER_MODE, context)),
            deduction_field=self._deduction_field(parameters, context, landuse),
            area_check=self._area_check(parameters, context, landuse))

    def _deduction_field(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         landuse) -> Optional[str]:
        """The 田坎 coefficient field: the one chosen, else KCXS when the land use has it
        (case-insensitive, as delivered data is upper case); None when switched off."""
        if landuse is None or not self.parameterAsBoolean(parameters, self.DEDUCT, context):
            return None
        if is_set(parameters.get(self.DEDUCTION_FIELD)):
            return self.parameterAsString(parameters, self.DEDUCTION_FIELD, context)
        index = landuse.fields().lookupField(TIANKAN_SHARE_FIELD)
        return landuse.fields().at(index).name() if index >= 0 else None

    def _area_check(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                    landuse) -> Optional[AreaCheckRequest]:
        """The area check: against the field chosen, else TBMJ when the land use has it (in
        any case, as delivered data is upper case; never another field); None when switched
        off or without a field."""
        if landuse is None or not self.parameterAsBoolean(parameters, self.CHECK_AREAS, context):
            return None
        if is_set(parameters.get(self.OFFICIAL_AREA_FIELD)):
            name = self.parameterAsString(parameters, self.OFFICIAL_AREA_FIELD, context)
        else:
            index = landuse.fields().lookupField(OFFICIAL_AREA_FIELD)
            if index < 0:
                return None
            name = landuse.fields().at(index).name()
        return AreaCheckRequest(field=name,
                                abs_m2=self._tolerance(parameters, self.AREA_CHECK_ABS, DEFAULT_ABS_M2, context),
                                rel=self._tolerance(parameters, self.AREA_CHECK_REL, DEFAULT_REL, context))

    def _tolerance(self, parameters: Dict[str, Any], name: str, default: float,
                   context: QgsProcessingContext) -> float:
        """A tolerance given, or its default when left empty ('' or NULL from a dialog)."""
        if not is_set(parameters.get(name)):
            return default
        return self.parameterAsDouble(parameters, name, context)

    def _write(self, result: TallyResult, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> str:
        fields, arrange = table_layout("tally", ("zone_id", "class_code", "area_ha"))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for zone_id, class_code, area_ha in result.rows:
            feature = QgsFeature(fields)
            feature.setAttributes(arrange((zone_id, class_code, area_ha)))
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
        return dest_id
