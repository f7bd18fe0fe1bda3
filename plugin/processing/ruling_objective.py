"""Processing algorithm guotu:rulingobjective — the ruling objective of each zone (次序最优,
SPEC §11): every piece of land under control in a zone with the objective that rules it, its
rule and area; sums per zone and per admin unit. The CLI's `guotu priorities rule`."""

from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField, QgsProcessingParameterFile,
                       QgsWkbTypes)

from ..binding.native import AreaMethod
from ..i18n import tr
from ..paths import icon_path
from ..priorities.priorities_run import (PIECE_FIELDS, SUMMARY_FIELDS, RuleRequest, piece_attributes,
                                         rule_summary_lines, run_rule, summary_attributes)
from ..priorities.priorities_style import style_controlled_layer, style_summary_table
from .base import GuotuAlgorithm
from .common import (ADMIN_CODE_FIELD, ADMIN_NAME_FIELD, GUARDED, LAND_USE_CODE_FIELD, REDLINE_TYPE_FIELD,
                     TIANKAN_SHARE_FIELD, VoucherLayerStyler, is_set, processing_error)
from .workspace_inputs import fields_of, optional_source, optional_text, write_rows


class RulingObjectiveAlgorithm(GuotuAlgorithm):
    ZONES = "ZONES"
    TYPE_FIELD = "TYPE_FIELD"
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    ADMIN = "ADMIN"
    ADMIN_ID = "ADMIN_ID"
    ADMIN_NAME = "ADMIN_NAME"
    RULES = "RULES"
    AREA_METHOD = "AREA_METHOD"
    CONTROLLED = "CONTROLLED"
    ZONE_SUMMARY = "ZONE_SUMMARY"
    ADMIN_SUMMARY = "ADMIN_SUMMARY"

    def name(self) -> str:
        return "rulingobjective"

    def displayName(self) -> str:
        return tr("Ruling objective per zone")

    def group(self) -> str:
        return tr("Priorities between objectives")

    def groupId(self) -> str:
        return "priorities"

    def tags(self) -> List[str]:
        return tr("priority,objective,次序最优,red line,water conservation,zone,control,ruling").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Where the objectives of an area have an order (次序最优), the highest-preference objective rules: "
            "in a water-conservation zone water conservation comes first, and cultivated or garden land inside "
            "it is to be controlled.</p>"
            "<p>A rule table gives, per zone type, the objectives in order (rank 1 first) and the land-use codes "
            "or code prefixes each puts under control (columns zone_type, rank, objective, controls, rule). "
            "Every piece of land of a controlled class inside a zone is flagged with the objective that rules "
            "it — the highest-ranked objective of the zone's type that controls its class — with the rule and "
            "its area in ha (ellipsoidal by default; net of the deduction coefficient 田坎 in net_ha), and "
            "summed per zone and per admin unit.</p>"
            "<p>Without a table, the preset for the red line's function types is used (水源涵养, 生物多样性维护, "
            "水土保持, 防风固沙, 海岸生态稳定 and the sensitive-area types): every row of it is a judgement call, "
            "to be checked against the local rules. Zone types the table does not list are named in the log; "
            "nothing in them is flagged.</p>")

    def createInstance(self) -> "RulingObjectiveAlgorithm":
        return RulingObjectiveAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.ZONES, tr("Zones (e.g. the red line)"), polygons))
        self.addParameter(QgsProcessingParameterField(self.TYPE_FIELD, tr("Zone type field"), REDLINE_TYPE_FIELD,
                                                      parentLayerParameterName=self.ZONES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LANDUSE, tr("Land use"), polygons))
        self.addParameter(QgsProcessingParameterField(self.CLASS_FIELD, tr("Land-use class field"),
                                                      LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE))
        self.addParameter(QgsProcessingParameterField(self.DEDUCTION_FIELD, tr("Deduction coefficient field (田坎)"),
                                                      TIANKAN_SHARE_FIELD, parentLayerParameterName=self.LANDUSE,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.ADMIN, tr("Admin units"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(self.ADMIN_ID, tr("Admin code field"), ADMIN_CODE_FIELD,
                                                      parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterField(self.ADMIN_NAME, tr("Admin name field"), ADMIN_NAME_FIELD,
                                                      parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterFile(self.RULES, tr("Rule table (CSV; empty: the red-line preset)"),
                                                     extension="csv", optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CONTROLLED, tr("Controlled land"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(self.ZONE_SUMMARY, tr("Controlled land by zone"),
                                                            QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(self.ADMIN_SUMMARY, tr("Controlled land by admin unit"),
                                                            QgsProcessing.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("PIECES", tr("Number of controlled pieces")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        if not is_set(parameters.get(self.TYPE_FIELD)):
            return False, tr("Choose the zone type field.")
        if is_set(parameters.get(self.ADMIN)) and not is_set(parameters.get(self.ADMIN_ID)):
            return False, tr("Choose the admin code field.")
        return True, ""

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        zones = optional_source(self, parameters, self.ZONES, context)
        landuse = optional_source(self, parameters, self.LANDUSE, context)
        if zones is None or landuse is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES if zones is None
                                                                 else self.LANDUSE))
        request = RuleRequest(
            zones=zones, type_field=optional_text(self, parameters, self.TYPE_FIELD, context) or "",
            landuse=landuse, class_field=optional_text(self, parameters, self.CLASS_FIELD, context) or "",
            deduction_field=optional_text(self, parameters, self.DEDUCTION_FIELD, context),
            admin=optional_source(self, parameters, self.ADMIN, context),
            admin_id_field=optional_text(self, parameters, self.ADMIN_ID, context) or "",
            admin_name_field=optional_text(self, parameters, self.ADMIN_NAME, context),
            rules=self.parameterAsFile(parameters, self.RULES, context) if is_set(parameters.get(self.RULES))
            else None,
            area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
        try:
            result = run_rule(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in rule_summary_lines(result):
            feedback.pushInfo(line)
        outputs = {
            self.CONTROLLED: write_rows(self, parameters, self.CONTROLLED, context, fields_of(PIECE_FIELDS),
                                        QgsWkbTypes.MultiPolygon, result.crs,
                                        ((piece_attributes(p), g) for p, g in result.pieces)),
            self.ZONE_SUMMARY: write_rows(self, parameters, self.ZONE_SUMMARY, context, fields_of(SUMMARY_FIELDS),
                                          QgsWkbTypes.NoGeometry, result.crs,
                                          ((summary_attributes(z), None) for z in result.zones)),
            self.ADMIN_SUMMARY: write_rows(self, parameters, self.ADMIN_SUMMARY, context, fields_of(SUMMARY_FIELDS),
                                           QgsWkbTypes.NoGeometry, result.crs,
                                           ((summary_attributes(a), None) for a in result.admins)),
        }
        if request.admin is None:
            # Without admin units the table by admin unit has no row: it is written (the output
            # exists for models and scripts) but not added to the project.
            dest = outputs[self.ADMIN_SUMMARY]
            if dest and context.willLoadLayerOnCompletion(dest):
                layers = context.layersToLoadOnCompletion()
                layers.pop(dest, None)
                context.setLayersToLoadOnCompletion(layers)
                feedback.pushInfo(tr("No admin units were given: the table of controlled land by admin unit is "
                                     "empty and is not added to the project."))
        for name, style in ((self.CONTROLLED, style_controlled_layer), (self.ZONE_SUMMARY, style_summary_table),
                            (self.ADMIN_SUMMARY, style_summary_table)):
            dest = outputs.get(name)
            if dest and context.willLoadLayerOnCompletion(dest):
                context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style))
        outputs["PIECES"] = len(result.pieces)
        return outputs
