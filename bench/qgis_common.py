"""Shared set-up for the QGIS Processing benchmark scripts (run with /usr/bin/python3).

Starts a headless QgsApplication, initialises Processing the way a standalone
PyQGIS 3.22 script does, and builds a QgsProcessingContext configured like a
QGIS desktop user's default: invalid geometries stop the algorithm
(Processing > Options > General > Invalid features filtering = "Stop algorithm
execution when a geometry is invalid", QgsFeatureRequest.GeometryAbortOnInvalid).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    Qgis,
    QgsApplication,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsUnitTypes,
)

INVALID_MODES = {
    "abort": QgsFeatureRequest.GeometryAbortOnInvalid,
    "skip": QgsFeatureRequest.GeometrySkipInvalid,
    "nocheck": QgsFeatureRequest.GeometryNoCheck,
}

# Exit code used when QGIS stopped because of an invalid geometry, so the
# driver script can record it and re-run with another mode.
EXIT_INVALID_GEOMETRY = 3

_APP = None


def start_qgis():
    """Start QGIS + Processing; returns (QgsApplication, processing module)."""
    global _APP
    QgsApplication.setPrefixPath("/usr", True)
    _APP = QgsApplication([], False)
    _APP.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing  # noqa: F401
    from processing.core.Processing import Processing

    Processing.initialize()  # registers native, qgis, gdal, ... providers
    return _APP, processing


def stop_qgis():
    # exitQgis() can crash at interpreter teardown in some 3.22 builds; the
    # outputs are already closed at this point, so skip the clean-up.
    os._exit(0)


class Feedback(QgsProcessingFeedback):
    """Collects reported errors and prints progress every 10 %."""

    def __init__(self, label):
        super().__init__()
        self.label = label
        self.errors = []
        self._last = -10
        self.progressChanged.connect(self._progress)

    def _progress(self, p):
        if p >= self._last + 10:
            self._last = int(p // 10) * 10
            print(f"  [{self.label}] {self._last:3d} %", flush=True)

    def reportError(self, error, fatalError=False):  # noqa: N802 (Qt API)
        self.errors.append(error)
        print(f"  [{self.label}] ERROR: {error}", flush=True)


def make_context(invalid: str, ellipsoid: str | None = None) -> QgsProcessingContext:
    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    ctx.setTransformContext(QgsCoordinateTransformContext())
    ctx.setInvalidGeometryCheck(INVALID_MODES[invalid])
    if ellipsoid:
        ctx.setEllipsoid(ellipsoid)
    ctx.setDistanceUnit(QgsUnitTypes.DistanceMeters)
    ctx.setAreaUnit(QgsUnitTypes.AreaSquareMeters)
    return ctx


def peak_rss_mb() -> float:
    """Peak RSS of this process so far (Linux ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def is_invalid_geometry_error(text: str) -> bool:
    t = text.lower()
    return "invalid geometr" in t or "geometry is invalid" in t


class StepTimer:
    """Times named steps and writes them (with QGIS version) to a JSON file."""

    def __init__(self, path, extra=None):
        self.path = path
        self.steps = []
        self.info = {"qgis_version": Qgis.QGIS_VERSION}
        if extra:
            self.info.update(extra)
        self.t0 = time.perf_counter()

    def run(self, label, fn):
        print(f"step {label} ...", flush=True)
        t = time.perf_counter()
        ok = False
        try:
            result = fn()
            ok = True
            return result
        finally:
            dt = time.perf_counter() - t
            self.steps.append(
                {
                    "step": label,
                    "wall_s": round(dt, 3),
                    "ok": ok,
                    "peak_rss_mb_so_far": round(peak_rss_mb(), 1),
                }
            )
            print(f"step {label}: {dt:.2f} s ok={ok} peak RSS so far {peak_rss_mb():.0f} MB",
                  flush=True)
            self.save()

    def save(self, **more):
        self.info.update(more)
        doc = dict(self.info)
        doc["steps"] = self.steps
        doc["steps_total_s"] = round(sum(s["wall_s"] for s in self.steps), 3)
        doc["script_wall_s"] = round(time.perf_counter() - self.t0, 3)
        with open(self.path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2)


# ---------------------------------------------------------------- Processing chains
# The set-up bench/qgis_ledger.py and bench/qgis_ledger_years.py share: fresh outputs, QGIS started
# under a step timer, algorithms run in one context, sums of field-calculator expressions per unit.

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def remove_outputs(paths) -> None:
    """Delete the outputs an earlier run left, so a failed step cannot pass for a finished one."""
    for p in paths:
        if os.path.exists(p):
            os.remove(p)


def start_chain(steps_path: str, info: dict, invalid: str = "nocheck", ellipsoid: str | None = None):
    """Start QGIS as the timer's first step; returns (timer, run). run(alg, params, label) runs a
    Processing algorithm in the chain's context; a failure is written into the step file and ends
    the script with exit code 1."""
    timer = StepTimer(steps_path, info)
    _app, processing = timer.run("start_qgis", start_qgis)
    from qgis.core import QgsProcessingException

    ctx = make_context(invalid, ellipsoid)

    def run(alg, params, label):
        fb = Feedback(label)
        try:
            return processing.run(alg, params, context=ctx, feedback=fb)
        except QgsProcessingException as e:
            msg = str(e) + " | " + " | ".join(fb.errors)
            timer.save(error={"step": label, "message": msg[:2000]})
            print(f"FAILED {label}: {msg[:2000]}", file=sys.stderr, flush=True)
            os._exit(1)

    return timer, run


def finish_chain(timer: StepTimer) -> None:
    timer.save(done=True, peak_rss_mb=round(peak_rss_mb(), 1))
    print("done", flush=True)
    stop_qgis()


def read_preset(relative: str) -> list:
    """Rows of a preset table under resources/presets (UTF-8, with or without BOM)."""
    import csv
    with open(os.path.join(REPO, "resources", "presets", relative), encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def in_list(field: str, codes) -> str:
    """A QGIS expression: the field's value is one of the codes."""
    return f"\"{field}\" IN (" + ",".join(f"'{c}'" for c in codes) + ")"


def sums_by_unit(exprs: dict, unit_expression: str, unit: str = "ZLDWDM", unit_length: int = 19):
    """(FIELDS_MAPPING of native:refactorfields, AGGREGATES of native:aggregate): the unit field from
    unit_expression and one real field per expression, then their sums grouped by the unit."""
    mapping = [{"expression": unit_expression, "length": unit_length, "name": unit, "precision": 0, "type": 10}]
    mapping += [{"expression": e, "length": 0, "name": n, "precision": 0, "type": 6} for n, e in exprs.items()]
    aggregates = [{"aggregate": "first_value", "delimiter": ",", "input": f'"{unit}"', "length": unit_length,
                   "name": unit, "precision": 0, "type": 10}]
    aggregates += [{"aggregate": "sum", "delimiter": ",", "input": f'"{n}"', "length": 0, "name": n,
                    "precision": 0, "type": 6} for n in exprs]
    return mapping, aggregates
