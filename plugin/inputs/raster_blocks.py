"""Reading a categorical land-use raster as int32 blocks for the core.

Cells are never resampled: the core gets the raster's own grid (or the window
of it that covers the zones) and blocks read exactly on that grid. Only one
block is in memory at a time, so memory does not grow with the raster.
"""

import math
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Tuple

import numpy as np
from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsRasterDataProvider, QgsRasterLayer,
                       QgsRasterRange, QgsRectangle)

from ..i18n import tr
from ..binding.errors import GuotuInputError

BAND = 1
# 512 rows as asked of GDAL-backed providers; columns capped so that a very
# wide raster still gives blocks of at most 4 Mi cells (16 MiB as int32).
BLOCK_ROWS = 512
BLOCK_COLS = 8192

INT32_MIN = -2**31
INT32_MAX = 2**31 - 1

_TYPES = getattr(Qgis, "DataType", Qgis)
_DTYPES: Dict[int, np.dtype] = {
    _TYPES.Byte: np.dtype(np.uint8),
    _TYPES.UInt16: np.dtype(np.uint16),
    _TYPES.Int16: np.dtype(np.int16),
    _TYPES.UInt32: np.dtype(np.uint32),
    _TYPES.Int32: np.dtype(np.int32),
    _TYPES.Float32: np.dtype(np.float32),
    _TYPES.Float64: np.dtype(np.float64),
}
if hasattr(_TYPES, "Int8"):  # QGIS >= 3.30
    _DTYPES[_TYPES.Int8] = np.dtype(np.int8)


@dataclass
class RasterWindow:
    """Columns [col0, col0+width) and rows [row0, row0+height) of the raster,
    with the GDAL geotransform of that window."""
    col0: int
    row0: int
    width: int
    height: int
    geotransform: Tuple[float, float, float, float, float, float]


class CategoricalRaster:
    """Band 1 of a raster layer, read as integer class codes.

    Built from a layer in the main thread (the provider is cloned, so blocks
    can then be read from a Processing task thread).
    """

    def __init__(self, provider: QgsRasterDataProvider, crs: QgsCoordinateReferenceSystem,
                 label: str) -> None:
        self.provider = provider
        self.crs = crs
        self.label = label
        self.columns = provider.xSize()
        self.rows = provider.ySize()
        if self.columns <= 0 or self.rows <= 0:
            raise GuotuInputError(
                tr('Raster layer "{layer}" has no cell grid (is it a web service?); '
                   'use a raster file.').format(layer=label))
        if provider.dataType(BAND) not in _DTYPES:
            raise GuotuInputError(
                tr('Raster layer "{layer}" has data type {type}; a land-use raster must hold '
                   'integer class codes.').format(layer=label, type=provider.dataType(BAND)))
        extent = provider.extent()
        self.x0 = extent.xMinimum()
        self.y0 = extent.yMaximum()
        self.xres = extent.width() / self.columns
        self.yres = extent.height() / self.rows
        self.dtype = _DTYPES[provider.dataType(BAND)]
        self.source_nodata: Optional[float] = None
        if provider.sourceHasNoDataValue(BAND) and provider.useSourceNoDataValue(BAND):
            self.source_nodata = provider.sourceNoDataValue(BAND)
        self.user_ranges: List[QgsRasterRange] = list(provider.userNoDataValues(BAND))
        self.nodata = self._choose_nodata()

    @classmethod
    def from_layer(cls, layer: QgsRasterLayer) -> "CategoricalRaster":
        if not layer.isValid():
            raise GuotuInputError(tr('Raster layer "{layer}" is not valid.').format(layer=layer.name()))
        return cls(layer.dataProvider().clone(), layer.crs(), layer.name())

    def _choose_nodata(self) -> Optional[int]:
        """The int32 value the core is told is nodata.

        The source nodata when it is an int32; otherwise (float nodata, NaN,
        user no-data ranges) INT32_MIN, to which all no-data cells are mapped.
        """
        value = self.source_nodata
        if value is not None and math.isfinite(value) and float(value).is_integer() \
                and INT32_MIN <= value <= INT32_MAX:
            return int(value)
        if value is not None or self.user_ranges or self.dtype.kind == "f":
            return INT32_MIN
        return None

    def window_covering(self, extent: QgsRectangle) -> Optional[RasterWindow]:
        """The cells touching ``extent`` (in the raster CRS); None if none do.

        Rounding outwards can add a row or column of cells outside the zones;
        they contribute nothing, whereas a missing one would lose area.
        """
        col0 = max(0, math.floor((extent.xMinimum() - self.x0) / self.xres))
        col1 = min(self.columns, math.ceil((extent.xMaximum() - self.x0) / self.xres))
        row0 = max(0, math.floor((self.y0 - extent.yMaximum()) / self.yres))
        row1 = min(self.rows, math.ceil((self.y0 - extent.yMinimum()) / self.yres))
        if col1 <= col0 or row1 <= row0:
            return None
        geotransform = (self.x0 + col0 * self.xres, self.xres, 0.0,
                        self.y0 - row0 * self.yres, 0.0, -self.yres)
        return RasterWindow(col0, row0, col1 - col0, row1 - row0, geotransform)

    def block_count(self, window: RasterWindow) -> int:
        return math.ceil(window.height / BLOCK_ROWS) * math.ceil(window.width / BLOCK_COLS)

    def blocks(self, window: RasterWindow) -> Iterator[Tuple[int, int, np.ndarray]]:
        """Yields (row0, col0, int32 values) with row0/col0 relative to the window."""
        for r in range(0, window.height, BLOCK_ROWS):
            nrows = min(BLOCK_ROWS, window.height - r)
            for c in range(0, window.width, BLOCK_COLS):
                ncols = min(BLOCK_COLS, window.width - c)
                yield r, c, self._read(window.row0 + r, window.col0 + c, nrows, ncols)

    def read(self, row0: int, col0: int, nrows: int, ncols: int) -> np.ndarray:
        """Rows [row0, row0+nrows) and columns [col0, col0+ncols) of the raster as int32
        class codes (no-data cells as ``nodata``)."""
        return self._read(row0, col0, nrows, ncols)

    def _read(self, row0: int, col0: int, nrows: int, ncols: int) -> np.ndarray:
        # An extent on cell edges with one output pixel per cell: the provider
        # copies cells without resampling.
        rect = QgsRectangle(self.x0 + col0 * self.xres, self.y0 - (row0 + nrows) * self.yres,
                            self.x0 + (col0 + ncols) * self.xres, self.y0 - row0 * self.yres)
        block = self.provider.block(BAND, rect, ncols, nrows)
        if not block.isValid() or block.width() != ncols or block.height() != nrows:
            raise GuotuInputError(
                tr('Could not read rows {row0}–{row1} of raster layer "{layer}".')
                .format(row0=row0, row1=row0 + nrows - 1, layer=self.label))
        raw = np.frombuffer(block.data(), dtype=self.dtype, count=nrows * ncols).reshape(nrows, ncols)
        return self._to_codes(raw, row0)

    def _nodata_mask(self, raw: np.ndarray) -> np.ndarray:
        mask = np.zeros(raw.shape, dtype=bool)
        if self.dtype.kind == "f":
            mask |= np.isnan(raw)
        if self.source_nodata is not None and not math.isnan(self.source_nodata):
            mask |= raw == self.source_nodata
        for rng in self.user_ranges:
            mask |= _in_range(raw, rng)
        return mask

    def _to_codes(self, raw: np.ndarray, row0: int) -> np.ndarray:
        mask = self._nodata_mask(raw)
        valid = raw[~mask]
        if valid.size:
            if self.dtype.kind == "f" and not np.all(np.floor(valid) == valid):
                bad = valid[np.floor(valid) != valid][0]
                raise GuotuInputError(
                    tr('Raster layer "{layer}" has the non-integer value {value} (near row {row}); '
                       'a land-use raster must hold integer class codes.')
                    .format(layer=self.label, value=bad, row=row0))
            low, high = valid.min(), valid.max()
            # A valid cell equal to the substitute nodata would silently vanish.
            if low < INT32_MIN or high > INT32_MAX or (self.nodata == INT32_MIN and low == INT32_MIN):
                raise GuotuInputError(
                    tr('Raster layer "{layer}" has class values outside the 32-bit integer range '
                       '({low} to {high}).').format(layer=self.label, low=low, high=high))
        codes = np.empty(raw.shape, dtype=np.int32)
        if self.nodata is None:
            codes[...] = raw
        else:
            codes[~mask] = valid
            codes[mask] = self.nodata
        return codes


def _in_range(raw: np.ndarray, rng: QgsRasterRange) -> np.ndarray:
    """Cells inside a user no-data range (NaN bounds are open ends)."""
    low, high, bounds = rng.min(), rng.max(), rng.bounds()
    include_min = bounds in (QgsRasterRange.IncludeMinAndMax, QgsRasterRange.IncludeMin)
    include_max = bounds in (QgsRasterRange.IncludeMinAndMax, QgsRasterRange.IncludeMax)
    inside = np.ones(raw.shape, dtype=bool)
    if not math.isnan(low):
        inside &= (raw >= low) if include_min else (raw > low)
    if not math.isnan(high):
        inside &= (raw <= high) if include_max else (raw < high)
    return inside
