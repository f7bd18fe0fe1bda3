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
