"""Cancelling a run stops it cleanly, and QGIS keeps working afterwards."""

import numpy as np
import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

import testdata as td

pytestmark = pytest.mark.usefixtures("provider")


class CancelOnFirstProgress(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.reports = []
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, percent: float) -> None:
        self.reports.append(percent)
        if len(self.reports) == 1:
            self.cancel()


def test_core_progress_callback_cancels_prepare(guotu):
    """Subtracting a big mask from the zones can take long: prepare reports and stops too."""
    from guotu.binding import native
    from guotu.binding.errors import GuotuCancelled
    from qgis.core import QgsGeometry

    seen = []
    with native.Context() as ctx:
        ctx.set_progress(lambda fraction, message: seen.append(message) or True)
        with native.Tally(ctx, "EPSG:4527") as tally:
            tally.add_zone("z", 1, bytes(QgsGeometry.fromWkt(td.ZONES[0][1]).asWkb()))
            with pytest.raises(GuotuCancelled):
                tally.prepare()
    assert seen == ["preparing zones"]


def test_cancel_after_first_progress_report_stops_the_algorithm():
    feedback = CancelOnFirstProgress()
    params = {"ZONES": td.zones_layer(), "ZONE_ID": "xzqdm", "LANDUSE": td.landuse_layer(),
              "CLASS_FIELD": "dlbm"}
    with pytest.raises(QgsProcessingException, match="cancelled"):
        td.run_area(params, feedback=feedback)
    assert feedback.isCanceled()
    assert feedback.reports and max(feedback.reports) < 20  # stopped while reading zones
    # QGIS and the plugin are still fine: the same run completes.
    assert td.result_table(td.run_area(params))


def test_core_progress_callback_cancels_a_vector_tally(guotu):
    """The C core asks the callback while adding land use and stops on request."""
    from guotu.binding import native
    from guotu.binding.errors import GuotuCancelled
    from qgis.core import QgsGeometry

    seen = []

    def cancel_on_first(fraction, message):
        seen.append((fraction, message))
        return True

    wkb = bytes(QgsGeometry.fromWkt(td.wkt_polygon(td.rect(10, 10, 20, 20))).asWkb())
    with native.Context() as ctx:
        with native.Tally(ctx, "EPSG:4527") as tally:
            tally.add_zone("z", 1, bytes(QgsGeometry.fromWkt(td.ZONES[0][1]).asWkb()))
            tally.prepare()  # reports "preparing zones" too; this test is about land use
            ctx.set_progress(cancel_on_first)
            tally.set_expected(10)
            with pytest.raises(GuotuCancelled) as info:
                for fid in range(10):
                    tally.add_landuse("101", fid, wkb)
            assert info.value.status_name == "GUOTU_ERR_CANCELLED"
            # After a failure the tally may only be destroyed; further calls are refused.
            with pytest.raises(native.GuotuError, match="GUOTU_ERR_STATE"):
                tally.finish()
    assert len(seen) == 1 and 0 < seen[0][0] <= 1


def test_core_progress_callback_cancels_a_raster_tally(guotu):
    from guotu.binding import native
    from guotu.binding.errors import GuotuCancelled
    from qgis.core import QgsGeometry

    calls = []
    with native.Context() as ctx:
        with native.Tally(ctx, "EPSG:4527", area_method=native.AreaMethod.PLANAR) as tally:
            tally.add_zone("z", 1, bytes(QgsGeometry.fromWkt(td.ZONES[0][1]).asWkb()))
            tally.prepare()
            ctx.set_progress(lambda fraction, message: calls.append(fraction) or True)
            tally.set_raster((td.X0, 10.0, 0.0, td.Y0 + 1000, 0.0, -10.0), 100, 100, None)
            with pytest.raises(GuotuCancelled):
                tally.add_raster_block(0, 0, np.ones((50, 100), dtype=np.int32))
    assert len(calls) == 1


def test_exception_in_progress_callback_is_reraised_not_lost(guotu):
    from guotu.binding import native
    from qgis.core import QgsGeometry

    def broken(fraction, message):
        raise KeyError("from the callback")

    with native.Context() as ctx:
        with native.Tally(ctx, "EPSG:4527") as tally:
            tally.add_zone("z", 1, bytes(QgsGeometry.fromWkt(td.ZONES[0][1]).asWkb()))
            tally.prepare()
            ctx.set_progress(broken)
            tally.set_raster((td.X0, 10.0, 0.0, td.Y0 + 1000, 0.0, -10.0), 10, 10, None)
            with pytest.raises(KeyError, match="from the callback"):
                tally.add_raster_block(0, 0, np.ones((10, 10), dtype=np.int32))
