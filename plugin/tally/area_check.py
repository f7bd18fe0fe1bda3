"""The survey's own area as a data-quality check (SPEC §8).

三调 records each parcel's official ellipsoidal area in TBMJ. A parcel whose ellipsoidal
area, computed by the core from its geometry, differs from it by more than a tolerance
(0.1 m² + 1e-6 × TBMJ by default) was edited after the survey or is in a wrong CRS. The
area is computed on the parcel as read, in the land use's own CRS (before any reprojection
for the tally) and always on the ellipsoid, whatever the tally's area method; the same as
``guotu tally --area-check``. Nothing here computes an area: AreaCalculator is the core's.
"""

import math
from dataclasses import dataclass, field
from typing import Any, List, Optional

from qgis.core import QgsFeature, QgsFeatureSource

from ..binding.area_native import AreaCalculator
from ..binding.native import AreaMethod, Context
from ..inputs.conversions import code_from_value, crs_for_core, geometry_wkb, is_null
from ..inputs.validation import require_field, require_valid_crs

OFFICIAL_AREA_FIELD = "TBMJ"  # 图斑面积: the parcel's official ellipsoidal area in m²
DEFAULT_ABS_M2 = 0.1
DEFAULT_REL = 1e-6
NO_OFFICIAL_FIDS_KEPT = 5  # fids of parcels without an official area named in the log


@dataclass
class AreaCheckRequest:
    """Which field holds the official area (as the layer spells it, or in any case) and the
    tolerance: a parcel is a finding when |computed − official| > abs_m2 + rel × |official|."""
    field: str = OFFICIAL_AREA_FIELD
    abs_m2: float = DEFAULT_ABS_M2
    rel: float = DEFAULT_REL


@dataclass
class AreaFinding:
    fid: int
    bsm: str         # the parcel's BSM, "" when the layer has none
    tbbh: str        # the parcel's TBBH, "" when the layer has none
    class_code: str  # the class field's value
    official_m2: float
    computed_m2: float

    @property
    def difference_m2(self) -> float:
        """computed − official"""
        return self.computed_m2 - self.official_m2

    @property
    def difference_ppm(self) -> Optional[float]:
        """The difference in parts per million of the official area; None when that is 0."""
        return self.difference_m2 / self.official_m2 * 1e6 if self.official_m2 else None


@dataclass
class AreaCheckResult:
    field: str        # the field as the layer spells it
    abs_m2: float
    rel: float
    method: str       # the core's description of the area computed, e.g. "ellipsoidal on CGCS2000 (…)"
    checked: int = 0  # parcels with an official area
    findings: List[AreaFinding] = field(default_factory=list)
    no_official: int = 0  # parcels whose official area is NULL or not a number
    no_official_fids: List[int] = field(default_factory=list)  # the first few of them
    largest_m2: float = 0.0  # the largest |difference| of any checked parcel
    largest_fid: Optional[int] = None

    def tolerance_text(self) -> str:
        """"0.1 m² + 1e-06 × |TBMJ|", as the CLI records it."""
        return "{a:g} m² + {r:g} × |{f}|".format(a=self.abs_m2, r=self.rel, f=self.field)


def official_area(value: Any) -> Optional[float]:
    """The official area of an attribute value: a number, or text holding one; None for NULL,
    empty or other text, and for a number that is not finite."""
    if is_null(value) or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


class AreaChecker:
    """Checks the parcels of one land-use source, one feature at a time."""

    def __init__(self, ctx: Context, source: QgsFeatureSource, request: AreaCheckRequest, label: str) -> None:
        self.request = request
        self.index = require_field(source, request.field, label)
        fields = source.fields()
        self.bsm_index = fields.lookupField("BSM")
        self.tbbh_index = fields.lookupField("TBBH")
        require_valid_crs(source.sourceCrs(), label)
        self._calc = AreaCalculator(ctx, crs_for_core(source.sourceCrs()), AreaMethod.ELLIPSOIDAL)
        self.result = AreaCheckResult(field=fields.at(self.index).name(), abs_m2=request.abs_m2, rel=request.rel,
                                      method=self._calc.describe())

    def attributes(self) -> List[int]:
        """The attribute indexes the check reads."""
        return [i for i in (self.index, self.bsm_index, self.tbbh_index) if i >= 0]

    def check(self, feature: QgsFeature, class_code: Optional[str]) -> None:
        """Compares one parcel (as read: a parcel without geometry measures 0 m²)."""
        r = self.result
        official = official_area(feature.attribute(self.index))
        if official is None:
            if len(r.no_official_fids) < NO_OFFICIAL_FIDS_KEPT:
                r.no_official_fids.append(feature.id())
            r.no_official += 1
            return
        computed = 0.0
        if feature.hasGeometry() and not feature.geometry().isEmpty():
            computed = self._calc.area_of_wkb(geometry_wkb(feature.geometry()))
        r.checked += 1
        difference = abs(computed - official)
        if r.largest_fid is None or difference > r.largest_m2:
            r.largest_m2, r.largest_fid = difference, feature.id()
        if difference > self.request.abs_m2 + self.request.rel * abs(official):
            r.findings.append(AreaFinding(feature.id(), self._text(self.bsm_index, feature),
                                          self._text(self.tbbh_index, feature), class_code or "", official,
                                          computed))

    @staticmethod
    def _text(index: int, feature: QgsFeature) -> str:
        if index < 0:
            return ""
        return code_from_value(feature.attribute(index)) or ""

    def close(self) -> None:
        self._calc.close()

