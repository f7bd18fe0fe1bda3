"""The Processing dialogs show the essential inputs first: the tuning and the optional tables
sit under "Advanced parameters", the same in every algorithm of the provider."""

import pytest

ADVANCED = {
    "guotu:areabyclass": {"AREA_CHECK_ABS", "AREA_CHECK_REL"},
    "guotu:bindingindicators": {"CSV_HEADERS", "TOLERANCE"},
    "guotu:borderconflicts": {"BASEMAP_MIN", "REACH", "SNAP"},
    "guotu:landuseconversion": {"AFTER_CATEGORIES", "BEFORE_CATEGORIES", "INVALID"},
    "guotu:landuseconversionraster": {"AFTER_CATEGORIES", "BEFORE_CATEGORIES"},
    "guotu:parcelscheck": {"BEACH_CODES", "POLICY", "TYPES", "UNITS", "UNIT_CULTIVATED", "UNIT_ID", "UNIT_NAME"},
    "guotu:threelinescheck": {"EXCEPTIONS", "GAP_MAX", "GAP_MIN", "MINOR_OVERLAP"},
    "guotu:unitledger": {"AREA_FIELD", "BEACH_CODES", "TYPES", "UNIT_PREFIX"},
    "guotu:voucheraccounting": {"BASE_COEFFICIENTS", "COUNTIES", "COUNTIES_OUTPUT", "COUNTY_ID", "COUNTY_NAME",
                                "CRS_MISMATCH", "ESV_REFERENCE", "INVALID", "RASTER_MODE", "TABLE_GDP", "TABLE_ID",
                                "TABLE_POP", "TARGET_COEFFICIENTS", "ZONE_TABLE"},
}


@pytest.mark.parametrize("algorithm_id", sorted(ADVANCED))
def test_advanced_parameters(provider, algorithm_id: str) -> None:
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    assert algorithm is not None
    flagged = {p.name() for p in algorithm.parameterDefinitions()
               if p.flags() & QgsProcessingParameterDefinition.FlagAdvanced}
    assert flagged == ADVANCED[algorithm_id]
    # The main inputs stay in view.
    assert all(not p.flags() & QgsProcessingParameterDefinition.FlagAdvanced
               for p in algorithm.parameterDefinitions() if p.name() in ("AREA_METHOD", "PARCELS", "BEFORE"))
