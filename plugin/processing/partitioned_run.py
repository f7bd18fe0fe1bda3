"""Processing algorithm guotu:partitionedrun — a voucher accounting or a conversion of a province
(or the nation) by county on a Dask cluster: one task per county package runs the guotu tool, the
outputs are merged into one GeoPackage (plugin/cluster). It runs as a Processing task: progress per
county, and Cancel stops the run (the Dask tasks are cancelled)."""

import re
import shlex
from pathlib import Path
from typing import Any, Dict, List, Optional

from qgis.PyQt.QtGui import QIcon
from qgis.core import (QgsDataSourceUri, QgsProcessingContext, QgsProcessingException,
                       QgsProcessingParameterDatabaseSchema, QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber,
                       QgsProcessingParameterProviderConnection, QgsProcessingParameterString, QgsProviderRegistry)

from ..i18n import tr
from ..paths import icon_path
from .base import GuotuAlgorithm
from .common import is_set

COMMANDS = ["voucher", "convert", "tally", "ledger", "lines", "parcels", "border"]
_DONE = re.compile(r"^\[(\d+)/(\d+)\]")


def postgis_connection(name: str) -> str:
    """The GDAL 'PG:' string of the QGIS PostgreSQL connection ``name``, its authentication
    configuration (if any) expanded into user and password for GDAL and the merge."""
    connection = QgsProviderRegistry.instance().providerMetadata("postgres").findConnection(name)
    if connection is None:
        raise QgsProcessingException(tr("The PostGIS connection '{name}' was not found.").format(name=name))
    return "PG:" + QgsDataSourceUri(connection.uri()).connectionInfo(True)


class PartitionedRunAlgorithm(GuotuAlgorithm):
    COMMAND = "COMMAND"
    PARTITIONS = "PARTITIONS"
    PAIRS = "PAIRS"
    OPTIONS = "OPTIONS"
    SCHEDULER = "SCHEDULER"
    WORKERS = "WORKERS"
    GUOTU = "GUOTU"
    OUTPUT = "OUTPUT"
    POSTGIS = "POSTGIS"
    SCHEMA = "SCHEMA"

    def name(self) -> str:
        return "partitionedrun"

    def displayName(self) -> str:  # noqa: N802
        return tr("Partitioned run by county (Dask cluster)")

    def group(self) -> str:
        return tr("Province and nation")

    def groupId(self) -> str:  # noqa: N802
        return "cluster"

    def tags(self) -> List[str]:
        return tr("province,nation,county,partition,cluster,dask,parallel").split(",")

    def icon(self) -> QIcon:
        return QIcon(icon_path())

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "<p>Runs an ecological voucher accounting, a land-use conversion, an area by zone and class, "
            "a unit ledger, a three control lines check or a rectification parcel check of a province or "
            "the nation county by county on a Dask cluster, and merges the results into one GeoPackage "
            "equal to one run over all counties: voucher accounts per county with the market run once "
            "on the merged accounts; conversion pieces appended and the matrices summed; areas by zone "
            "and class summed; units, parcels, projects, villages and issues appended with their county "
            "in the column 'partition' (ids stay the county's own). A unit, project, village or admin unit "
            "found in two counties is refused. The lines check sees one county at a time: overlaps and "
            "gaps between two counties' features are the border check's.</p>"
            "<p><b>County packages</b>: a folder holding one folder (or File Geodatabase) per county.</p>"
            "<p><b>guotu options</b>: the options of <code>guotu voucher</code>, <code>convert</code>, "
            "<code>tally</code>, <code>ledger</code>, <code>lines check</code> or <code>parcels check</code> "
            "(see the README), where {partition} stands for a county's folder, e.g. "
            "<code>--zones {partition}/XZQ.gpkg --zone-id XZQDM ...</code>.</p>"
            "<p><b>Scheduler</b>: the address of a running <code>dask-scheduler</code> "
            "(tcp://host:8786); empty: a local cluster with one worker per core of this machine. "
            "Workers need the same paths (a shared folder) and the guotu tool.</p>"
            "<p><b>Cross-city borders, by pair of neighbouring cities</b>: no county packages; the "
            "options are those of <code>guotu border</code> with the whole admin and elements files. One "
            "partition per pair of admin units that share a border (found from the admin layer, or the "
            "pairs given as A-B,B-C) runs on those two units and their two cities' elements only; one more "
            "gives the base map's own issues. The merged pair summary, conflicts and shared borders equal "
            "one run over all cities. A pair meeting only at a point is skipped with a note.</p>"
            "<p>The log shows a line per county (its time, memory and worker); the GeoPackage has a "
            "partitions table with the same. Cancel stops the run.</p>"
            "<p><b>PostGIS connection</b> and <b>schema</b> (optional): the merged tables and geometries "
            "are also written to that schema, replacing the tables of the same names from an earlier run "
            "in one transaction; a failure or a cancel leaves the schema as it was.</p>")

    def createInstance(self) -> "PartitionedRunAlgorithm":  # noqa: N802
        return PartitionedRunAlgorithm()

    def initAlgorithm(self, config: Optional[Dict[str, Any]] = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            self.COMMAND, tr("Job"), [tr("Ecological voucher accounting and market"), tr("Land-use conversion"),
                                      tr("Area by zone and land-use class"), tr("Unit ledger (balance sheet per unit)"),
                                      tr("Three control lines check"), tr("Rectification parcel check"),
                                      tr("Cross-city borders, by pair of neighbouring cities")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.PARTITIONS, tr("County packages (a folder with one folder or .gdb per county)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PAIRS, tr("City pairs of the border check, e.g. A-B,B-C (empty: every pair of neighbours)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.OPTIONS, tr("guotu options ({partition} is a county's folder)"), multiLine=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEDULER, tr("Dask scheduler address (empty: a local cluster on this machine)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.WORKERS, tr("Workers of the local cluster (empty: one per core)"),
            QgsProcessingParameterNumber.Integer, optional=True, minValue=1))
        self.addParameter(QgsProcessingParameterFile(
            self.GUOTU, tr("guotu tool (empty: GUOTU_CLI or guotu on PATH)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Merged GeoPackage"), tr("GeoPackage (*.gpkg)")))
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.POSTGIS, tr("PostGIS connection for the merged tables (optional)"), "postgres", optional=True))
        self.addParameter(QgsProcessingParameterDatabaseSchema(
            self.SCHEMA, tr("Schema of the merged tables"), self.POSTGIS, optional=True))

    def run_algorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                      feedback) -> Dict[str, Any]:
        from ..cluster import border
        from ..cluster.partitions import folder_partitions
        from ..cluster.run import Cancelled, run_partitioned

        command = COMMANDS[self.parameterAsEnum(parameters, self.COMMAND, context)]
        text = self.parameterAsString(parameters, self.OPTIONS, context)
        try:
            options = shlex.split(text)
        except ValueError as e:
            raise QgsProcessingException(tr("The guotu options cannot be read: {error}").format(error=e)) from e
        scheduler = self.parameterAsString(parameters, self.SCHEDULER, context).strip() or None
        workers = self.parameterAsInt(parameters, self.WORKERS, context) if is_set(parameters.get(self.WORKERS)) \
            else None
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        tool = self.parameterAsFile(parameters, self.GUOTU, context) if is_set(parameters.get(self.GUOTU)) else None
        postgis = None
        if is_set(parameters.get(self.POSTGIS)):
            schema = self.parameterAsSchema(parameters, self.SCHEMA, context) if is_set(parameters.get(self.SCHEMA)) \
                else ""
            if not schema:
                raise QgsProcessingException(tr("Choose the schema of the merged tables in PostGIS."))
            postgis = (postgis_connection(self.parameterAsConnectionName(parameters, self.POSTGIS, context)), schema)

        def progress(line: str) -> None:
            feedback.pushInfo(line)
            done = _DONE.match(line)
            if done:
                feedback.setProgress(100.0 * int(done.group(1)) / max(1, int(done.group(2))))

        pairs = self.parameterAsString(parameters, self.PAIRS, context).strip() \
            if is_set(parameters.get(self.PAIRS)) else ""
        try:
            if command == "border":
                partitions, options, notes = border.plan(options, border.parse_pairs(pairs) if pairs else None)
                for note in notes:
                    feedback.pushInfo(note)
            else:
                if not is_set(parameters.get(self.PARTITIONS)):
                    raise ValueError(tr("Choose the folder of the county packages."))
                if pairs:
                    raise ValueError(tr("City pairs are the border check's: leave them empty for this job."))
                partitions = folder_partitions(Path(self.parameterAsFile(parameters, self.PARTITIONS, context)))
            result = run_partitioned(command, partitions, options, output, scheduler=scheduler,
                                     workers=workers, guotu=tool or None, progress=progress,
                                     cancelled=feedback.isCanceled, postgis=postgis)
        except Cancelled as e:
            raise QgsProcessingException(tr("The partitioned run was cancelled.")) from e
        except Exception as e:  # the cluster's and guotu's own messages name the county and the option
            raise QgsProcessingException(tr("The partitioned run failed: {error}").format(error=e)) from e
        if command == "border":
            s = result.summary
            for skipped in s["skipped"]:
                feedback.pushInfo(tr("Pair {pair} skipped: the two units share no border.").format(pair=skipped))
            feedback.pushInfo(tr("{n} city pairs merged into {path}: {conflicts} conflicts.").format(
                n=s["pairs"], path=result.output, conflicts=s["conflicts"]))
            return {self.OUTPUT: str(result.output)}
        feedback.pushInfo(tr("{n} counties merged into {path} in {seconds:.1f} s on {workers} workers.").format(
            n=len(result.results), path=result.output, seconds=result.seconds, workers=result.workers))
        return {self.OUTPUT: str(result.output)}
