"""The real QGIS desktop (under Xvfb) loads the installed plugin without errors."""

from pathlib import Path

from desktop_harness import HERE, needs_desktop, run_desktop


@needs_desktop
def test_plugin_loads_in_qgis_desktop(plugin_root: Path, tmp_path: Path):
    result, log, _shot = run_desktop(plugin_root, tmp_path, HERE / "gui" / "check_plugin.py", "check_plugin", {})
    assert result["loaded"] and result["active"], result
    assert result["provider"]
    assert result["algorithm"] == "按分区统计地类面积"
    assert "Guotu 国土" in result["menus"]
    assert result["action"] == "按分区统计地类面积…"
    assert result["dialogs"] == ["按分区统计地类面积"]
    assert result["voucher_action"] == "生态券…"
    assert result["voucher_dialog"] == ["生态券（Ecological vouchers）"]
    assert result["voucher_run_button"] == ["运行"]
    assert result["guotu:voucheraccounting"] == ["生态券核算"]
    assert result["guotu:vouchermarket"] == ["生态券交易"]
    assert result["unloaded"] and not result["provider_after_unload"]
    assert "Guotu 国土" not in result["menus_after_unload"]
    assert any(e["tag"] == "Plugins" and "package: guotu" in e["message"] for e in log), log


@needs_desktop
def test_a_failing_desktop_run_leaves_a_screenshot(plugin_root: Path, tmp_path: Path):
    """When a desktop script ends in an error, the window as the user saw it is kept as the
    test's artefact and named in the failure."""
    import pytest

    from desktop_harness import PRELUDE

    code = PRELUDE + '''
def go():
    result["error"] = "a deliberate failure"
    finish()

QTimer.singleShot(500, go)
'''
    with pytest.raises(AssertionError, match=r"a deliberate failure\n\(screenshot: .*qgis_failing\.png\)"):
        run_desktop(plugin_root, tmp_path, code, "failing", {"GUOTU_FX": str(tmp_path)})
    shot = tmp_path / "qgis_failing.png"
    assert shot.is_file() and shot.stat().st_size > 1000
