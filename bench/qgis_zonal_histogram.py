#!/usr/bin/python3
"""Cell count per (zone, raster class) the way a QGIS user does it: native:zonalhistogram.

Zonal histogram counts a cell when its centre is inside the zone, so it is
compared with `guotu tally --raster-mode centre --area planar` (counts x cell area).
Output: OUT_DIR/qgis_zonalhist.gpkg (zones with HISTO_<class> columns); step timings
in OUT_DIR/qgis_zonalhist_steps.json. Run with /usr/bin/python3 (PyQGIS 3.22).
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import qgis_common as qc  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zones", required=True)
    ap.add_argument("--zones-layer", default="zones")
    ap.add_argument("--raster", required=True)
    ap.add_argument("--out-dir", required=True)
    ap.add_argument("--invalid", choices=sorted(qc.INVALID_MODES), default="abort")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    out = os.path.join(args.out_dir, "qgis_zonalhist.gpkg")
    if os.path.exists(out):
        os.remove(out)

    timer = qc.StepTimer(os.path.join(args.out_dir, "qgis_zonalhist_steps.json"),
                         {"invalid_geometry_check": args.invalid, "outputs": {"histogram": out}})
    app, processing = timer.run("start_qgis", qc.start_qgis)
    from qgis.core import QgsProcessingException

    ctx = qc.make_context(args.invalid)

    def run():
        fb = qc.Feedback("zonalhistogram")
        try:
            return processing.run("native:zonalhistogram", {
                "INPUT_RASTER": args.raster,
                "RASTER_BAND": 1,
                "INPUT_VECTOR": f"{args.zones}|layername={args.zones_layer}",
                "COLUMN_PREFIX": "HISTO_",
                "OUTPUT": out,
            }, context=ctx, feedback=fb)
        except QgsProcessingException as e:
            msg = str(e) + " | " + " | ".join(fb.errors)
            timer.save(error={"step": "native:zonalhistogram", "message": msg[:2000]})
            print(f"FAILED: {msg[:2000]}", file=sys.stderr, flush=True)
            os._exit(qc.EXIT_INVALID_GEOMETRY if qc.is_invalid_geometry_error(msg) else 1)

    timer.run("native:zonalhistogram", run)
    timer.save(done=True, peak_rss_mb=round(qc.peak_rss_mb(), 1))
    print("done", flush=True)
    qc.stop_qgis()


if __name__ == "__main__":
    main()
