"""The plugin leaves GDAL's process-wide state as QGIS set it: loading every algorithm and
importing every module must not switch GDAL's Python bindings to exceptions (that changes what
gdal.Rasterize, gdal.Open … do for QGIS and every other plugin in the process)."""

import importlib
import pkgutil

from osgeo import gdal, ogr


def test_importing_the_plugin_keeps_gdal_exceptions_as_they_were(guotu) -> None:
    gdal.DontUseExceptions()
    ogr.DontUseExceptions()
    from guotu.processing.provider import GuotuProvider

    provider = GuotuProvider()
    provider.loadAlgorithms()
    assert len(provider.algorithms()) > 20
    for module in pkgutil.walk_packages(guotu.__path__, prefix="guotu."):
        importlib.import_module(module.name)
    assert not gdal.GetUseExceptions() and not ogr.GetUseExceptions()
