"""Processing algorithm guotu:borderconflicts — cross-city boundary conflicts (三下三上, SPEC §6).

Maps parameters onto core.border_check.BorderRequest, runs it and writes the CLI's
tables: BORDER_CONFLICTS (areas) and CONFLICT_LINES (the border each conflict concerns),
both with the review fields the review dock fills in; SHARED_BORDERS (every border
segment with its status); PAIR_SUMMARY; BASEMAP_ISSUES (areas) and BASEMAP_ISSUE_POINTS.
"""

import math
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterCrs, QgsProcessingParameterEnum,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsVectorLayer, QgsWkbTypes)

from ..border.border_check import (CONFLICT_FIELDS, ISSUE_FIELDS, REVIEW_FIELDS, REVIEW_OPEN, SEGMENT_FIELDS,
                                 SUMMARY_FIELDS, BorderRequest, BorderResult, is_point, issue_attributes,
                                 pair_attributes, run_check, segment_attributes, summary_lines)
from ..binding.border_native import BorderOptions
from ..border.border_style import style_conflicts_layer, style_issues_layer, style_segments_layer, style_summary_table
from ..binding.native import AreaMethod
from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, REDLINE_NAME_FIELD, REDLINE_TYPE_FIELD,
                     VoucherLayerStyler, add_advanced, is_set, processing_error)
from .workspace_inputs import fields_of, optional_text, layer_label, optional_source, write_rows

class BorderConflictsAlgorithm(GuotuAlgorithm):
    ADMIN = "ADMIN"
    ADMIN_ID = "ADMIN_ID"
    ADMIN_NAME = "ADMIN_NAME"
    ELEMENTS = "ELEMENTS"
    CITY_FIELD = "CITY_FIELD"
    ELEMENT_LAYERS = "ELEMENT_LAYERS"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CRS = "CRS"
    AREA_METHOD = "AREA_METHOD"
    CORRIDOR = "CORRIDOR"
    REACH = "REACH"
    SNAP = "SNAP"
    MIN_LENGTH = "MIN_LENGTH"
    MIN_AREA = "MIN_AREA"
    BASEMAP_MIN = "BASEMAP_MIN"
    BORDER_CONFLICTS = "BORDER_CONFLICTS"
    CONFLICT_LINES = "CONFLICT_LINES"
    SHARED_BORDERS = "SHARED_BORDERS"
    PAIR_SUMMARY = "PAIR_SUMMARY"
    BASEMAP_ISSUES = "BASEMAP_ISSUES"
    BASEMAP_ISSUE_POINTS = "BASEMAP_ISSUE_POINTS"

    # parameter -> (BorderOptions field, default)
    NUMBERS = {CORRIDOR: ("corridor_m", 200.0), REACH: ("reach_m", 5.0), SNAP: ("snap_m", 1.0),
               MIN_LENGTH: ("min_length_m", 10.0), MIN_AREA: ("min_area_m2", 100.0),
               BASEMAP_MIN: ("basemap_min_m2", 1.0)}

    def _number_titles(self) -> Dict[str, str]:
        return {self.CORRIDOR: tr("Search corridor on each side of a border (m)"),
                self.REACH: tr("An element this close to the border reaches it (m)"),
                self.SNAP: tr("Tolerance of the admin base map (m)"),
                self.MIN_LENGTH: tr("Shortest gap, discontinuity or mismatch reported (m)"),
                self.MIN_AREA: tr("Smallest overlap reported (m²)"),
                self.BASEMAP_MIN: tr("Smallest admin overlap or gap reported (m²)")}

    def name(self) -> str:
        return "borderconflicts"

    def displayName(self) -> str:
        return tr("Cross-city boundary conflicts")

    def group(self) -> str:
        return tr("Cross-city borders")

    def groupId(self) -> str:
        return "border"

    def tags(self) -> List[str]:
        return tr("border,boundary,cross-city,coordination,三下三上,red line,gap,overlap,conflict").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Finds where adjacent cities' (or counties') submitted ecological elements disagree along their "
            "shared borders (三下三上 coordination).</p>"
            "<p>Shared borders are found robustly: small gaps and overlaps between neighbours within the base-map "
            "tolerance still give one border; the base map's own overlaps, gaps and invalid geometry are "
            "reported as base-map issues.</p>"
            "<p>Within the corridor on each side of a border: <b>overlap</b> — an element beyond its own city, or "
            "both cities' elements on the same ground; <b>gap</b> — one side's element reaches the border, the "
            "other's stops short: an unprotected strip; <b>discontinuity</b> — one side's element reaches the "
            "border, the other side has nothing; <b>category mismatch</b> — both reach it with different "
            "categories (red line against farmland...).</p>"
            "<p>Elements: one layer with a city field (the admin id) and a category field, or one layer per city "
            "named by its admin id. Elements with no city or an unknown city are reported, not compared.</p>"
            "<p>Lengths and corridors are metres: geographic data (CGCS2000 or WGS 84) is compared in the "
            "3-degree Gauss-Krüger zone of the admin units' and elements' centre, in which the outputs are written "
            "(the log says so). Per "
            "city pair: the length of coordinated border and of each conflict kind, and a score (weighted "
            "conflict length per 100 m of border faced by an element) to sort by.</p>")

    def createInstance(self) -> "BorderConflictsAlgorithm":
        return BorderConflictsAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.ADMIN, tr("Admin units (cities or counties)"),
                                                              polygons))
        self.addParameter(QgsProcessingParameterField(self.ADMIN_ID, tr("Admin id field"), ADMIN_CODE_FIELD,
                                                      parentLayerParameterName=self.ADMIN))
        self.addParameter(QgsProcessingParameterField(self.ADMIN_NAME, tr("Admin name field"), ADMIN_NAME_FIELD,
                                                      parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ELEMENTS, tr("Ecological elements (one layer with a city field)"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CITY_FIELD, tr("City field (admin id)"),
                                                      parentLayerParameterName=self.ELEMENTS, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ELEMENT_LAYERS, tr("…or one element layer per city (layer name = admin id)"),
            QgsProcessing.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CATEGORY_FIELD, tr("Category field"), REDLINE_TYPE_FIELD,
                                                      parentLayerParameterName=self.ELEMENTS, optional=True))
        self.addParameter(QgsProcessingParameterField(self.NAME_FIELD, tr("Element name field"), REDLINE_NAME_FIELD,
                                                      parentLayerParameterName=self.ELEMENTS, optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, tr("Projected CRS of the comparison (empty: the "
                                                                 "admin layer's)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        titles = self._number_titles()
        for name, (_option, default) in self.NUMBERS.items():
            parameter = QgsProcessingParameterNumber(name, titles[name], QgsProcessingParameterNumber.Double,
                                                     defaultValue=default, minValue=0.0)
            if name in (self.CORRIDOR, self.MIN_LENGTH, self.MIN_AREA):
                self.addParameter(parameter)
            else:
                add_advanced(self, parameter)
        for name, description, kind in (
                (self.BORDER_CONFLICTS, tr("Border conflicts (areas)"), QgsProcessing.TypeVectorPolygon),
                (self.CONFLICT_LINES, tr("Border conflicts (border lines)"), QgsProcessing.TypeVectorLine),
                (self.SHARED_BORDERS, tr("Shared borders by status"), QgsProcessing.TypeVectorLine),
                (self.PAIR_SUMMARY, tr("Conflicts by city pair"), QgsProcessing.TypeVector),
                (self.BASEMAP_ISSUES, tr("Base-map and input issues"), QgsProcessing.TypeVectorPolygon),
                (self.BASEMAP_ISSUE_POINTS, tr("Base-map issue points"), QgsProcessing.TypeVectorPoint)):
            self.addParameter(QgsProcessingParameterFeatureSink(name, description, kind))
        self.addOutput(QgsProcessingOutputNumber("CONFLICT_COUNT", tr("Number of conflicts")))
        self.addOutput(QgsProcessingOutputNumber("PAIR_COUNT", tr("Number of adjacent pairs")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        single, several = is_set(parameters.get(self.ELEMENTS)), is_set(parameters.get(self.ELEMENT_LAYERS))
        if single == several:
            return False, tr("Give the elements as one layer with a city field, or as one layer per city — not "
                             "both, not neither.")
        if single and not is_set(parameters.get(self.CITY_FIELD)):
            return False, tr("Choose the city field of the elements.")
        if not is_set(parameters.get(self.CATEGORY_FIELD)):
            return False, tr("Choose the category field of the elements.")
        return True, ""

    def _request(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> BorderRequest:
        admin = optional_source(self, parameters, self.ADMIN, context)
        if admin is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ADMIN))
        labels = {"admin": layer_label(self, parameters, self.ADMIN, context, "admin"),
                  "elements": layer_label(self, parameters, self.ELEMENTS, context, "elements")}
        layers: Dict[str, Any] = {}
        for layer in self.parameterAsLayerList(parameters, self.ELEMENT_LAYERS, context) or []:
            if not isinstance(layer, QgsVectorLayer):
                raise QgsProcessingException(tr('"{layer}" is not a vector layer.').format(layer=layer.name()))
            layers[layer.name()] = layer
            labels[f"elements:{layer.name()}"] = layer.name()
        options = BorderOptions(area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        for name, (option, default) in self.NUMBERS.items():
            value = self.parameterAsDouble(parameters, name, context) if is_set(parameters.get(name)) else default
            if not (value >= 0 and math.isfinite(value)):
                raise QgsProcessingException(tr("{parameter} needs a number >= 0.").format(parameter=name))
            setattr(options, option, value)
        crs = self.parameterAsCrs(parameters, self.CRS, context) if is_set(parameters.get(self.CRS)) else None
        return BorderRequest(
            admin=admin, admin_id_field=optional_text(self, parameters, self.ADMIN_ID, context) or "",
            admin_name_field=optional_text(self, parameters, self.ADMIN_NAME, context),
            elements=optional_source(self, parameters, self.ELEMENTS, context), element_layers=layers,
            city_field=optional_text(self, parameters, self.CITY_FIELD, context),
            category_field=optional_text(self, parameters, self.CATEGORY_FIELD, context) or "",
            name_field=optional_text(self, parameters, self.NAME_FIELD, context), crs=crs, options=options, labels=labels)

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        request = self._request(parameters, context)
        try:
            result = run_check(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in summary_lines(result):
            feedback.pushInfo(line)
        outputs = self._write(result, parameters, context)
        styles = ((self.BORDER_CONFLICTS, style_conflicts_layer), (self.CONFLICT_LINES, style_conflicts_layer),
                  (self.SHARED_BORDERS, style_segments_layer), (self.PAIR_SUMMARY, style_summary_table),
                  (self.BASEMAP_ISSUES, style_issues_layer), (self.BASEMAP_ISSUE_POINTS, style_issues_layer))
        for name, style in styles:
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        outputs["CONFLICT_COUNT"] = len(result.conflicts)
        outputs["PAIR_COUNT"] = len(result.pairs)
        return outputs

    def _write(self, result: BorderResult, parameters: Dict[str, Any],
               context: QgsProcessingContext) -> Dict[str, Any]:
        names, crs = result.names, result.crs
        review = [REVIEW_OPEN, "", "", ""]
        conflict_fields = fields_of(CONFLICT_FIELDS + REVIEW_FIELDS)
        return {
            self.BORDER_CONFLICTS: write_rows(
                self, parameters, self.BORDER_CONFLICTS, context, conflict_fields, QgsWkbTypes.MultiPolygon, crs,
                ((r.attributes(names) + review, r.area) for r in result.conflicts if not r.area.isNull())),
            self.CONFLICT_LINES: write_rows(
                self, parameters, self.CONFLICT_LINES, context, conflict_fields, QgsWkbTypes.MultiLineString, crs,
                ((r.attributes(names) + review, r.line) for r in result.conflicts if not r.line.isNull())),
            self.SHARED_BORDERS: write_rows(
                self, parameters, self.SHARED_BORDERS, context, fields_of(SEGMENT_FIELDS), QgsWkbTypes.MultiLineString,
                crs, ((segment_attributes(s, names), g) for s, g in result.segments)),
            self.PAIR_SUMMARY: write_rows(
                self, parameters, self.PAIR_SUMMARY, context, fields_of(SUMMARY_FIELDS), QgsWkbTypes.NoGeometry, crs,
                ((pair_attributes(p), None) for p in result.pairs)),
            self.BASEMAP_ISSUES: write_rows(
                self, parameters, self.BASEMAP_ISSUES, context, fields_of(ISSUE_FIELDS), QgsWkbTypes.MultiPolygon, crs,
                ((issue_attributes(i), g) for i, g in result.issues if not is_point(g))),
            self.BASEMAP_ISSUE_POINTS: write_rows(
                self, parameters, self.BASEMAP_ISSUE_POINTS, context, fields_of(ISSUE_FIELDS), QgsWkbTypes.Point,
                crs, ((issue_attributes(i), g) for i, g in result.issues if is_point(g))),
        }

