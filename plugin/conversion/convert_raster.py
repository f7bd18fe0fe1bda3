"""Land-use conversion between two categorical rasters on one grid, from QGIS layers.

The cells are never resampled: both rasters must share CRS, extent and cell size (align
them first, e.g. Raster ▸ Align Rasters, or use `guotu convert --resample-to`). Blocks of
both are read in step and handed to the core (guotu_convert_add_cells), which counts each
cell with its own ellipsoidal (or planar) area and returns the cell's status; the statuses
go into a GeoTIFF with a colour table (0 nodata, 1 same … 6 unknown), written to a
temporary file and renamed at the end. The tables are those of the polygon overlay.
"""

import os
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np
from osgeo import gdal
from qgis.core import QgsCoordinateTransformContext, QgsFeedback, QgsRasterLayer

from ..i18n import tr
from ..inputs.conversions import crs_for_core
from .convert import ConversionResult, load_tables, tables_of
from ..binding.convert_native import CELL_STATUSES, Convert
from ..binding.errors import GuotuInputError
from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context
from ..inputs.progress import PhasedProgress
from ..inputs.raster_blocks import CategoricalRaster

# Colours and names of the status codes, as the conversion style and the CLI's status raster.
CELL_STYLES = {"nodata": ((0, 0, 0, 0), "无数据 nodata"),
               "same": ((0xe3, 0xe3, 0xe3, 255), "未转用 same (not a conversion)"),
               "path": ((0x4a, 0x90, 0xc8, 255), "路径 path"),
               "conditional": ((0xff, 0xd9, 0x2f, 255), "有条件 conditional"),
               "prohibited": ((0xd7, 0x19, 0x1c, 255), "禁止 prohibited"),
               "gap": ((0xf2, 0x8e, 0x2b, 255), "政策空白 policy gap"),
               "unknown": ((0x8a, 0x8a, 0x8a, 255), "未知 unknown (code in no category table)")}
_CELLS = (8.0, 98.0)
_FINISH = (98.0, 100.0)


@dataclass
class RasterLandUse:
    layer: QgsRasterLayer
    system: str
    categories: Optional[str] = None  # code,category CSV; None: the system's preset


@dataclass
class RasterConversionRequest:
    before: RasterLandUse
    after: RasterLandUse
    policy: Optional[str] = None
    area_method: AreaMethod = AreaMethod.ELLIPSOIDAL


def same_grid(a: CategoricalRaster, b: CategoricalRaster) -> bool:
    tolerance = 1e-9 * max(abs(a.xres), abs(a.yres), 1.0)
    return (a.crs == b.crs and a.columns == b.columns and a.rows == b.rows and
            abs(a.x0 - b.x0) <= tolerance * max(1.0, abs(a.x0)) and
            abs(a.y0 - b.y0) <= tolerance * max(1.0, abs(a.y0)) and
            abs(a.xres - b.xres) <= tolerance and abs(a.yres - b.yres) <= tolerance)


def _describe(r: CategoricalRaster) -> str:
    return tr("{columns} × {rows} cells of {xres:g} × {yres:g} from ({x0:g}, {y0:g}) in {crs}").format(
        columns=r.columns, rows=r.rows, xres=r.xres, yres=r.yres, x0=r.x0, y0=r.y0,
        crs=r.crs.userFriendlyIdentifier())


class _StatusRaster:
    """The per-cell statuses as a Byte GeoTIFF with a colour table, written atomically."""

    def __init__(self, path: Path, grid: CategoricalRaster) -> None:
        self.path = Path(path)
        self.temp = self.path.with_name(f"{self.path.stem}.tmp-{os.getpid()}{self.path.suffix}")
        driver = gdal.GetDriverByName("GTiff")
        self.ds = driver.Create(str(self.temp), grid.columns, grid.rows, 1, gdal.GDT_Byte,
                                ["COMPRESS=DEFLATE", "TILED=YES"])
        if self.ds is None:
            raise GuotuInputError(tr('Cannot create "{path}".').format(path=self.path))
        self.ds.SetGeoTransform((grid.x0, grid.xres, 0.0, grid.y0, 0.0, -grid.yres))
        self.ds.SetProjection(grid.crs.toWkt())
        band = self.ds.GetRasterBand(1)
        band.SetNoDataValue(0)
        colors = gdal.ColorTable()
        for code, status in enumerate(CELL_STATUSES):
            colors.SetColorEntry(code, CELL_STYLES[status][0])
        band.SetRasterColorTable(colors)
        band.SetCategoryNames([CELL_STYLES[status][1] for status in CELL_STATUSES])
        self.band = band

    def write(self, row0: int, col0: int, block: np.ndarray) -> None:
        self.band.WriteArray(block, xoff=col0, yoff=row0)

    def commit(self) -> None:
        self.band = None
        self.ds.FlushCache()
        self.ds = None
        # The category names live in GDAL's side file, which follows the GeoTIFF's name.
        aux = Path(f"{self.temp}.aux.xml")
        if aux.exists():
            os.replace(aux, f"{self.path}.aux.xml")
        os.replace(self.temp, self.path)

    def abort(self) -> None:
        self.band = None
        self.ds = None
        self.temp.unlink(missing_ok=True)
        Path(f"{self.temp}.aux.xml").unlink(missing_ok=True)


def run_raster_conversion(request: RasterConversionRequest, transform_context: QgsCoordinateTransformContext,
                          feedback: Optional[QgsFeedback] = None,
                          status_path: Optional[Path] = None) -> ConversionResult:
    """Runs the cell-by-cell conversion; raises GuotuInputError (grids differ, unusable
    tables), GuotuError or GuotuCancelled."""
    del transform_context  # one grid: nothing is reprojected
    progress = PhasedProgress(feedback)
    before = CategoricalRaster.from_layer(request.before.layer)
    after = CategoricalRaster.from_layer(request.after.layer)
    if not before.crs.isValid():
        raise GuotuInputError(tr('Raster layer "{layer}" has no valid CRS.').format(layer=before.label))
    if not same_grid(before, after):
        raise GuotuInputError(
            tr('The rasters are on different grids: "{before}" is {before_grid}, "{after}" is {after_grid}. Align '
               'them first (Raster ▸ Align Rasters, nearest neighbour) or use guotu convert --resample-to.').format(
                before=before.label, before_grid=_describe(before), after=after.label, after_grid=_describe(after)))
    window = before.window_covering(request.before.layer.dataProvider().extent())
    if window is None:
        raise GuotuInputError(tr('Raster layer "{layer}" has no cells.').format(layer=before.label))
    status = _StatusRaster(status_path, before) if status_path is not None else None
    try:
        with Context() as ctx, ExitStack() as stack:
            ctx.set_progress(progress.native_callback)
            crs = crs_for_core(before.crs)
            with AreaCalculator(ctx, crs, request.area_method) as calc:
                description = calc.describe()
            tables, files = load_tables(ctx, stack, progress, request.before, request.after, request.policy)
            cv = stack.enter_context(Convert(ctx, crs, tables["before_map"], tables["after_map"], tables["policy"],
                                             tables["before_k"], tables["after_k"], area_method=request.area_method,
                                             before_label=before.label, after_label=after.label))
            cv.set_grid(window.geotransform, window.width, window.height, (before.nodata, after.nodata))
            progress.phase(*_CELLS)
            total = max(1, before.block_count(window))
            for n, ((row0, col0, a), (_r, _c, b)) in enumerate(zip(before.blocks(window), after.blocks(window))):
                progress.check_cancel()
                a = np.ascontiguousarray(a, dtype=np.int32)
                b = np.ascontiguousarray(b, dtype=np.int32)
                out = np.zeros(a.shape, dtype=np.uint8) if status is not None else None
                cv.add_cells(row0, col0, a, b, out)
                if status is not None:
                    status.write(window.row0 + row0, window.col0 + col0, out)
                progress.report((n + 1) / total)
            progress.phase(*_FINISH)
            cv.finish()
            transitions, statuses, unknown = tables_of(cv)
            stats = cv.stats()
        if status is not None:
            status.commit()
    except BaseException:
        if status is not None:
            status.abort()
        raise
    progress.report(1.0)
    return ConversionResult(transitions, statuses, unknown, stats, before.crs, description, files)
