"""Processing algorithm guotu:paretosites — Pareto fronts of candidate sites (帕累托最优,
SPEC §11): non-dominated sorting on objectives the core computes or the sites carry, the
front and crowding distance of every site, a lexicographic order when one is given, and a
report with a scatter plot of two objectives and the first front drawn. The CLI's
`guotu priorities rank`."""

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsProcessing, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback,
                       QgsProcessingOutputNumber, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterString, QgsWkbTypes)

from ..binding.errors import GuotuInputError
from ..binding.native import AreaMethod
from ..i18n import tr
from ..paths import icon_path
from ..priorities.priorities_report import export_rank_report
from ..priorities.priorities_run import (RankRequest, parse_objectives, rank_summary_lines, ranked_fields,
                                         run_rank)
from ..priorities.priorities_style import style_ranked_layer
from .base import GuotuAlgorithm
from .common import (GUARDED, LAND_USE_CODE_FIELD, TIANKAN_SHARE_FIELD, VoucherLayerStyler, is_set,
                     processing_error)
from .workspace_inputs import fields_of, optional_source, optional_text, write_rows

SYSTEMS = ("SANDIAO_WORK", "GBT21010_2017", "YDYH_2023", "CAS_LUCC")


class ParetoSitesAlgorithm(GuotuAlgorithm):
    SITES = "SITES"
    SITE_ID = "SITE_ID"
    OBJECTIVES = "OBJECTIVES"
    LEXICOGRAPHIC = "LEXICOGRAPHIC"
    LANDUSE = "LANDUSE"
    CLASS_FIELD = "CLASS_FIELD"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    TARGET = "TARGET"
    SYSTEM = "SYSTEM"
    CULTIVATED = "CULTIVATED"
    REDLINE = "REDLINE"
    AREA_METHOD = "AREA_METHOD"
    PLOT_X = "PLOT_X"
    PLOT_Y = "PLOT_Y"
    RANKED = "RANKED"
    REPORT = "REPORT"

    def name(self) -> str:
        return "paretosites"

    def displayName(self) -> str:
        return tr("Pareto ranking of candidate sites")

    def group(self) -> str:
        return tr("Priorities between objectives")

    def groupId(self) -> str:
        return "priorities"

    def tags(self) -> List[str]:
        return tr("pareto,帕累托最优,non-dominated,front,restoration,consolidation,site,ranking").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:
        return tr(
            "<p>Where objectives have no order (帕累托最优), keep the options no other option beats on every "
            "objective. Candidate restoration or consolidation sites are scored on objectives, each to minimise "
            "or maximise, written as NAME:min or NAME:max separated by commas.</p>"
            "<p>Objectives the core computes: area_ha; forest_gain_ha — standard-forest ha gained if the site is "
            "restored to the target class (the voucher coefficients of the land-use classification); "
            "cultivated_change_ha — cultivated land gained when the target is cultivated, otherwise cultivated "
            "land lost (negative, net of 田坎); redline_distance_m and redline_contact_m — distance to the red "
            "line and length of boundary on or inside it (geographic data is measured in the 3-degree "
            "Gauss-Krüger zone of the layers' centre). Any other name is a numeric field "
            "of the sites (e.g. cost). A site without a value is refused, never ranked last silently.</p>"
            "<p>Every site gets its front (1 = the Pareto front: not dominated by any site; 2 = dominated only "
            "by front 1 …) and its crowding distance within the front (larger = a more isolated trade-off; "
            "the ends of a front are infinite). Sites with equal scores share a front. A lexicographic order "
            "(objective names separated by commas) adds lex_rank, equal scores sharing a rank.</p>"
            "<p>The report plots two objectives (the first two unless chosen) with the first front drawn.</p>")

    def createInstance(self) -> "ParetoSitesAlgorithm":
        return ParetoSitesAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:
        polygons = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(self.SITES, tr("Candidate sites"), polygons))
        self.addParameter(QgsProcessingParameterField(self.SITE_ID, tr("Site id field (copied to the output)"),
                                                      parentLayerParameterName=self.SITES, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OBJECTIVES, tr("Objectives (NAME:min or NAME:max, separated by commas)"), "area_ha:max"))
        self.addParameter(QgsProcessingParameterString(
            self.LEXICOGRAPHIC, tr("Lexicographic order (objective names, first = most important; empty: none)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(self.LANDUSE, tr("Land use"), polygons, optional=True))
        self.addParameter(QgsProcessingParameterField(self.CLASS_FIELD, tr("Land-use class field"),
                                                      LAND_USE_CODE_FIELD, parentLayerParameterName=self.LANDUSE,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterField(self.DEDUCTION_FIELD, tr("Deduction coefficient field (田坎)"),
                                                      TIANKAN_SHARE_FIELD, parentLayerParameterName=self.LANDUSE,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterString(self.TARGET, tr("Target class of the sites (e.g. 0301)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.SYSTEM, tr("Classification of the land use"),
                                                     list(SYSTEMS), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.CULTIVATED, tr("Cultivated land codes or prefixes"),
                                                       "01"))
        self.addParameter(QgsProcessingParameterFeatureSource(self.REDLINE, tr("Ecological red line"), polygons,
                                                              optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_METHOD, tr("Area method"),
                                                     [tr("Ellipsoidal"), tr("Planar")],
                                                     defaultValue=int(AreaMethod.ELLIPSOIDAL)))
        self.addParameter(QgsProcessingParameterString(self.PLOT_X, tr("Objective across the plot (empty: the "
                                                                       "first)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.PLOT_Y, tr("Objective up the plot (empty: the "
                                                                       "second)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.RANKED, tr("Ranked sites"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(self.REPORT, tr("Report (PDF)"), "PDF (*.pdf)",
                                                                optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("FIRST_FRONT", tr("Sites on the first front")))

    def checkParameterValues(self, parameters: Dict[str, Any], context: QgsProcessingContext) -> Tuple[bool, str]:
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        try:
            parse_objectives(self.parameterAsString(parameters, self.OBJECTIVES, context))
        except GuotuInputError as e:
            return False, str(e)
        if is_set(parameters.get(self.LANDUSE)) and not is_set(parameters.get(self.TARGET)):
            return False, tr("With a land-use layer, give the target class the sites are restored to.")
        return True, ""

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        sites = optional_source(self, parameters, self.SITES, context)
        if sites is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITES))
        lex = optional_text(self, parameters, self.LEXICOGRAPHIC, context) or ""
        try:
            request = RankRequest(
                sites=sites, objectives=parse_objectives(self.parameterAsString(parameters, self.OBJECTIVES, context)),
                site_id_field=optional_text(self, parameters, self.SITE_ID, context),
                lexicographic=[n.strip() for n in lex.split(",") if n.strip()],
                landuse=optional_source(self, parameters, self.LANDUSE, context),
                class_field=optional_text(self, parameters, self.CLASS_FIELD, context) or LAND_USE_CODE_FIELD,
                deduction_field=optional_text(self, parameters, self.DEDUCTION_FIELD, context),
                target_class=optional_text(self, parameters, self.TARGET, context),
                coefficients=SYSTEMS[self.parameterAsEnum(parameters, self.SYSTEM, context)],
                cultivated=optional_text(self, parameters, self.CULTIVATED, context) or "01",
                redline=optional_source(self, parameters, self.REDLINE, context),
                area_method=AreaMethod(self.parameterAsEnum(parameters, self.AREA_METHOD, context)))
            result = run_rank(request, context.transformContext(), feedback)
        except GUARDED as e:
            raise processing_error(e) from e
        for line in rank_summary_lines(result):
            feedback.pushInfo(line)
        dest = write_rows(self, parameters, self.RANKED, context, fields_of(ranked_fields(result.objectives)),
                          QgsWkbTypes.MultiPolygon, result.crs,
                          ((result.attributes(s), s.geometry) for s in result.sites))
        if dest and context.willLoadLayerOnCompletion(dest):
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(VoucherLayerStyler.create(style_ranked_layer))
        outputs: Dict[str, Any] = {self.RANKED: dest, "FIRST_FRONT": sum(1 for s in result.sites if s.front == 1)}
        if is_set(parameters.get(self.REPORT)):
            names = [o.name for o in result.objectives]
            x = optional_text(self, parameters, self.PLOT_X, context) or names[0]
            y = optional_text(self, parameters, self.PLOT_Y, context) or (names[1] if len(names) > 1 else names[0])
            pdf = Path(self.parameterAsFileOutput(parameters, self.REPORT, context))
            try:
                export_rank_report(result, pdf, x, y, context.project(), feedback)
            except (ValueError, RuntimeError) as e:
                raise QgsProcessingException(str(e)) from e
            outputs[self.REPORT] = str(pdf)
        return outputs
