"""The ctypes binding: library lookup, ABI check, errors, areas."""

from pathlib import Path

import pytest
from qgis.core import QgsGeometry

import testdata as td


def test_packaged_library_is_used_and_abi_matches(guotu, plugin_root: Path):
    from guotu.binding import native

    candidates = native.library_candidates()
    assert candidates[0] == plugin_root / "guotu" / "lib" / "libguotu.so"
    lib = native.load_library()
    assert lib.guotu_abi_version() == native.ABI_VERSION == 3
    with native.Context(lib) as ctx:
        assert ctx.version() == "0.1.0"
        assert "GEOS" in ctx.dependency_versions() and "PROJ" in ctx.dependency_versions()


def test_environment_variable_comes_first(guotu, monkeypatch, tmp_path):
    from guotu.binding import native

    monkeypatch.setenv("GUOTU_LIBRARY", str(tmp_path / "custom.so"))
    assert native.library_candidates()[0] == tmp_path / "custom.so"


def test_missing_library_error_names_every_path_tried(guotu, tmp_path):
    from guotu.binding import native
    from guotu.binding.errors import GuotuLibraryError

    tried = [tmp_path / "a" / "libguotu.so", tmp_path / "b" / "libguotu.so"]
    with pytest.raises(GuotuLibraryError) as info:
        native.load_library(tried)
    message = str(info.value)
    assert all(str(p) in message for p in tried)
    assert "GUOTU_LIBRARY" in message


def test_wrong_library_is_rejected(guotu, tmp_path):
    from guotu.binding import native
    from guotu.binding.errors import GuotuLibraryError

    not_a_library = tmp_path / "libguotu.so"
    not_a_library.write_bytes(b"not an ELF file")
    with pytest.raises(GuotuLibraryError, match="could not be loaded"):
        native.load_library([not_a_library])


def test_failing_call_raises_status_name_and_context_message(guotu):
    from guotu.binding import native

    with native.Context() as ctx:
        with pytest.raises(native.GuotuError) as info:
            native.AreaCalculator(ctx, "EPSG:999999", native.AreaMethod.ELLIPSOIDAL)
        assert info.value.status_name == "GUOTU_ERR_CRS"
        assert "EPSG:999999" in info.value.message


def test_contexts_are_independent(guotu):
    from guotu.binding import native

    with native.Context() as good, native.Context() as bad:
        with pytest.raises(native.GuotuError):
            native.AreaCalculator(bad, "not a crs", native.AreaMethod.ELLIPSOIDAL)
        assert bad.last_error()
        assert good.last_error() == ""


def test_area_calculator_agrees_with_qgis(guotu):
    from guotu.binding import native
    from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject

    geometry = QgsGeometry.fromWkt(td.ZONES[2][1])
    with native.Context() as ctx:
        with native.AreaCalculator(ctx, "EPSG:4527", native.AreaMethod.ELLIPSOIDAL) as calc:
            assert "CGCS2000" in calc.describe()
            ellipsoidal = calc.area_of_wkb(bytes(geometry.asWkb()))
        with native.AreaCalculator(ctx, None, native.AreaMethod.PLANAR) as calc:
            planar = calc.area_of_wkb(bytes(geometry.asWkb()))
            ring = [0.0, 0.0, 10.0, 0.0, 10.0, 10.0, 0.0, 10.0]
            assert calc.area_of_ring(ring) == pytest.approx(100.0)
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4527"), QgsProject.instance().transformContext())
    measure.setEllipsoid("EPSG:1024")
    assert ellipsoidal == pytest.approx(measure.measureArea(geometry), rel=1e-6)
    # Shoelace of (0,0) (2000,0) (2000,600) (300,800): (1.2e6 + 1.42e6) / 2.
    assert planar == pytest.approx(1_310_000.0, rel=1e-9)


def test_codes_from_attribute_values(guotu):
    from guotu.inputs.conversions import code_from_value
    from qgis.core import NULL

    assert code_from_value(NULL) is None
    assert code_from_value(None) is None
    assert code_from_value(101) == "101"
    assert code_from_value(101.0) == "101"
    assert code_from_value(1.5) == "1.5"
    assert code_from_value("0101") == "0101"
    assert code_from_value("") == ""


def test_curved_and_3d_geometries_become_2d_linear_wkb(guotu):
    from guotu.inputs.conversions import geometry_wkb
    from qgis.core import QgsWkbTypes

    curved = QgsGeometry.fromWkt("CURVEPOLYGON Z (CIRCULARSTRING Z (0 0 1, 10 10 1, 20 0 1, 10 -10 1, 0 0 1))")
    linear = QgsGeometry()
    linear.fromWkb(geometry_wkb(curved))
    assert linear.wkbType() == QgsWkbTypes.Polygon
    assert linear.area() == pytest.approx(curved.area(), rel=1e-3)


def test_io_library_is_packaged_beside_the_core_and_shares_its_context(guotu, plugin_root: Path):
    """libguotu_io is found next to the loaded libguotu and runs on the same library: an
    error of a job comes back through the plugin's Context (one error funnel)."""
    from guotu.binding import native
    from guotu.binding.io_native import ConvertFileJob, LayerFile, io_library, run_convert_job
    from guotu.binding.errors import GuotuError

    with native.Context() as ctx:
        lib = io_library(ctx)
        assert lib is not None
        job = ConvertFileJob(before=LayerFile("/no/such.gpkg", None, None, "dlbm"), before_system="CAS_LUCC",
                             after=LayerFile("/no/such.gpkg", None, None, "dlbm"), after_system="CAS_LUCC",
                             output=str(plugin_root / "never.gpkg"),
                             resources=str(plugin_root / "guotu" / "resources"))
        with pytest.raises(GuotuError) as raised:
            run_convert_job(ctx, lib, job)
        assert raised.value.status_name == "GUOTU_ERR_IO" and "/no/such.gpkg" in raised.value.message
    assert not (plugin_root / "never.gpkg").exists()
