"""The core's area-method description in the user's language.

The core describes its area calculator in English for the audit trail
("ellipsoidal on China 2000 (CGCS2000, a=6378137.000, 1/f=298.257222101)" or
"planar"); the audit tables keep that text as it is, and messages a person reads
get it through :func:`area_method_text`.
"""

import re

from ..i18n import tr

_ELLIPSOIDAL = re.compile(r"^ellipsoidal on (?P<datum>.*) \((?P<ellipsoid>.*), a=(?P<a>[0-9.]+), "
                          r"1/f=(?P<f>[0-9.]+)\)$")


def area_method_text(description: str) -> str:
    """Translate a description from ``guotu_area_calc_describe``; unknown text stays as it is."""
    if description == "planar":
        return tr("planar (in the layer's projected coordinates)")
    match = _ELLIPSOIDAL.match(description)
    if match is None:
        return description
    return tr("ellipsoidal: datum {datum}, ellipsoid {ellipsoid} (a = {a} m, 1/f = {f})").format(**match.groupdict())
