"""Reading a DEM layer as float32 rows for the transmission indicators.

Rows of the raster's own grid (never resampled), in bands of a few million cells with the
row above and below each band for the slope, read only in the columns the core needs (the
provider decodes the blocks those windows meet); no-data cells (the source value, the
user's no-data ranges, NaN) become NaN. Only one band is in memory at a time.
"""

import math
from typing import Callable, Iterator, List, Optional, Tuple

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsRasterDataProvider, QgsRasterLayer, QgsRectangle

from ..binding.errors import GuotuInputError
from ..i18n import tr
from ..inputs.raster_blocks import _DTYPES, _in_range

BAND = 1
BAND_CELLS = 2 * 1024 * 1024


class DemRows:
    """Band 1 of a raster layer as elevations (float32, NaN = no value). Built in the main
    thread from the layer (the provider is cloned for the task thread)."""

    def __init__(self, provider: QgsRasterDataProvider, crs: QgsCoordinateReferenceSystem, label: str) -> None:
        self.provider = provider
        self.crs = crs
        self.label = label
        self.columns = provider.xSize()
        self.rows = provider.ySize()
        if self.columns <= 0 or self.rows <= 0:
            raise GuotuInputError(tr('Raster layer "{layer}" has no cell grid (is it a web service?); use a raster '
                                     'file.').format(layer=label))
        if provider.dataType(BAND) not in _DTYPES:
            raise GuotuInputError(tr('Raster layer "{layer}" has data type {type}, which is not read as '
                                     'elevations.').format(layer=label, type=provider.dataType(BAND)))
        self.dtype = _DTYPES[provider.dataType(BAND)]
        extent = provider.extent()
        self.x0, self.y0 = extent.xMinimum(), extent.yMaximum()
        self.xres, self.yres = extent.width() / self.columns, extent.height() / self.rows
        self.source_nodata: Optional[float] = None
        if provider.sourceHasNoDataValue(BAND) and provider.useSourceNoDataValue(BAND):
            self.source_nodata = provider.sourceNoDataValue(BAND)
        self.user_ranges = list(provider.userNoDataValues(BAND))

    @classmethod
    def from_layer(cls, layer: QgsRasterLayer) -> "DemRows":
        if not layer.isValid():
            raise GuotuInputError(tr('Raster layer "{layer}" is not valid.').format(layer=layer.name()))
        return cls(layer.dataProvider().clone(), layer.crs(), layer.name())

    @property
    def geotransform(self) -> Tuple[float, float, float, float, float, float]:
        return (self.x0, self.xres, 0.0, self.y0, 0.0, -self.yres)

    def band_rows(self) -> int:
        return max(1, min(4096, BAND_CELLS // max(1, self.columns)))

    def bands(self, row0: int, row1: int,
              columns: Callable[[int, int], List[Tuple[int, int]]]) -> Iterator[Tuple[int, int, np.ndarray]]:
        """(first row, number of rows, values) for rows [row0, row1): values hold the rows
        with the row above and below where the raster has them, read only in the column
        spans ``columns(row, nrows)`` names (the core's guotu_frame_dem_columns_needed: for the
        band's rows, for the row above those of the band's first row, for the row below those
        of its last row); the other cells are NaN and never read by the core."""
        step = self.band_rows()
        for r in range(row0, row1, step):
            n = min(step, row1 - r)
            first, last = max(0, r - 1), min(self.rows, r + n + 1)
            values = np.full((last - first, self.columns), np.nan, dtype=np.float32)
            reads = [(r, n, r, n)]
            if r > 0:
                reads.append((r, 1, r - 1, 1))
            if r + n < self.rows:
                reads.append((r + n - 1, 1, r + n, 1))
            for ask0, ask_n, read0, read_n in reads:
                for c0, c1 in columns(ask0, ask_n):
                    values[read0 - first:read0 - first + read_n, c0:c1] = self._read(read0, read_n, c0, c1 - c0)
            yield r, n, values

    def _read(self, row0: int, nrows: int, col0: int, ncols: int) -> np.ndarray:
        rect = QgsRectangle(self.x0 + col0 * self.xres, self.y0 - (row0 + nrows) * self.yres,
                            self.x0 + (col0 + ncols) * self.xres, self.y0 - row0 * self.yres)
        block = self.provider.block(BAND, rect, ncols, nrows)
        if not block.isValid() or block.width() != ncols or block.height() != nrows:
            raise GuotuInputError(tr('Could not read rows {row0}–{row1} of raster layer "{layer}".').format(
                row0=row0, row1=row0 + nrows - 1, layer=self.label))
        raw = np.frombuffer(block.data(), dtype=self.dtype, count=nrows * ncols).reshape(nrows, ncols)
        values = raw.astype(np.float32)
        mask = np.zeros(raw.shape, dtype=bool)
        if self.source_nodata is not None and not math.isnan(self.source_nodata):
            mask |= raw == self.source_nodata
        for rng in self.user_ranges:
            mask |= _in_range(raw, rng)
        values[mask] = np.nan
        return np.ascontiguousarray(values)


def read_tiling(provider: QgsRasterDataProvider, columns: int, rows: int) -> Tuple[int, int]:
    """The block (rows, columns) in which a raster is read so that only what the elements
    meet is decoded: the file's own blocks (GDAL decodes whole blocks), a strip-organised
    file's strips gathered into up to 256 rows; 256 x 256 when GDAL cannot tell."""
    try:
        from osgeo import gdal  # GDAL ships with QGIS
        dataset = gdal.Open(provider.dataSourceUri().split("|")[0]) if provider.name() == "gdal" else None
        block_cols, block_rows = dataset.GetRasterBand(BAND).GetBlockSize() if dataset is not None else (0, 0)
    except RuntimeError:
        block_cols, block_rows = 0, 0
    if block_cols <= 0 or block_rows <= 0:
        return min(256, rows), min(256, columns)
    if block_cols >= columns:  # strips: whole rows, gathered
        block_rows *= max(1, 256 // block_rows)
    return block_rows, block_cols
