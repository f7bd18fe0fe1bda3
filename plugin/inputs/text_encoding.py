"""Shapefiles whose text is not what QGIS decodes it as.

三调 packages often come as GBK shapefiles without a .cpg file. QGIS then decodes the DBF's
bytes with its default (UTF-8 here), and every Chinese code and name arrives as garbage —
replacement characters or wrong characters, but valid text, so nothing downstream can tell.
Garbled text is not a code: such a layer is refused before anything is computed, with the fix
(set the layer's data source encoding, or add a .cpg), unless the user already chose an
encoding for it."""

from pathlib import Path
from typing import Optional

from qgis.core import QgsMapLayer, QgsProviderRegistry, QgsVectorLayer

from ..i18n import tr

# Encodings QGIS falls back to when it was told nothing: reading GBK bytes with them garbles.
_DEFAULTS = {"", "system", "utf-8", "utf8"}
# How much of a DBF is looked at: enough rows to meet the Chinese text, bounded for large files.
_SCAN_BYTES = 8 * 1024 * 1024


def _dbf_text_is_utf8(dbf: Path) -> Optional[bool]:
    """True when every text field of the DBF (its first 8 MB of records) is ASCII or valid
    UTF-8; False when some is not; None when the file cannot be read as a DBF or declares its
    code page itself (language driver id)."""
    try:
        with open(dbf, "rb") as f:
            header = f.read(32)
            if len(header) < 32:
                return None
            if header[29] != 0:
                return None  # a language driver id names the code page: GDAL recodes by it
            header_size = int.from_bytes(header[8:10], "little")
            record_size = int.from_bytes(header[10:12], "little")
            descriptors = f.read(header_size - 32)
            fields, offset = [], 1  # each record starts with a deletion flag byte
            for start in range(0, len(descriptors) - 31, 32):
                if descriptors[start] == 0x0D:
                    break
                kind, length = chr(descriptors[start + 11]), descriptors[start + 16]
                if kind == "C":
                    fields.append((offset, length))
                offset += length
            if not fields or record_size <= 0:
                return True
            f.seek(header_size)
            data = f.read(_SCAN_BYTES - _SCAN_BYTES % record_size)
    except OSError:
        return None
    for start in range(0, len(data) - record_size + 1, record_size):
        record = data[start:start + record_size]
        for offset, length in fields:
            cell = record[offset:offset + length]
            if max(cell, default=0) < 0x80:
                continue
            try:
                cell.rstrip(b" \x00").decode("utf-8")
            except UnicodeDecodeError:
                return False
    return True


def garbled_text_problem(layer: Optional[QgsMapLayer]) -> Optional[str]:
    """A message when ``layer`` is a shapefile whose text QGIS is decoding with a default that
    cannot be right (not UTF-8 bytes, no .cpg, no code page in the DBF, no encoding chosen in
    QGIS); None when the text can be trusted."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    if layer.dataProvider().encoding().strip().lower() not in _DEFAULTS:
        return None  # the user chose an encoding for this layer
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = Path(parts.get("path") or "")
    if path.suffix.lower() != ".shp":
        return None
    if path.with_suffix(".cpg").exists() or path.with_suffix(".CPG").exists():
        return None
    dbf = next((p for p in (path.with_suffix(".dbf"), path.with_suffix(".DBF")) if p.exists()), None)
    if dbf is None or _dbf_text_is_utf8(dbf) is not False:
        return None
    return tr('The text of layer "{layer}" ({file}) is not UTF-8 and the shapefile has no .cpg file saying its '
              'encoding, so its codes and names would be read garbled. It is most likely GBK: set Layer Properties '
              '▸ Source ▸ Data source encoding to GBK (or put a {cpg} file containing 936 beside it) and run again.'
              ).format(layer=layer.name(), file=path.name, cpg=path.with_suffix(".cpg").name)
