"""The real QGIS desktop (under Xvfb) loads the installed plugin without errors."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
QGIS = shutil.which("qgis")
XVFB_RUN = shutil.which("xvfb-run")
TIMEOUT = 60


def _supports(option: str) -> bool:
    """Whether this QGIS knows a command-line option (--skipbadlayers is 3.28+)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    help_text = subprocess.run([QGIS, "--help"], capture_output=True, text=True, env=env, timeout=30)
    return option in help_text.stdout + help_text.stderr


@pytest.mark.skipif(QGIS is None or XVFB_RUN is None, reason="needs the qgis binary and xvfb-run")
def test_plugin_loads_in_qgis_desktop(plugin_root: Path, tmp_path: Path):
    profiles = tmp_path / "profiles_root"
    profile = profiles / "profiles" / "guotu_test"
    shutil.copytree(plugin_root / "guotu", profile / "python" / "plugins" / "guotu")
    (profile / "QGIS").mkdir(parents=True)
    # Enabled plugin, and Chinese UI so the plugin's translator is exercised too.
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nguotu=true\n\n[locale]\noverrideFlag=true\nuserLocale=zh_CN\n", encoding="utf-8")
    result_file = tmp_path / "result.json"
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server (Xvfb) this time
    env.pop("GUOTU_LIBRARY", None)
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "xdg_config"),
               GUOTU_GUI_RESULT=str(result_file), GUOTU_GUI_LOG=str(tmp_path / "log.jsonl"),
               PYQGIS_STARTUP=str(HERE / "gui" / "startup_hook.py"))
    command = [XVFB_RUN, "-a", QGIS, "--profiles-path", str(profiles), "--profile", "guotu_test",
               "--nologo", "--noversioncheck"]
    if _supports("--skipbadlayers"):
        command.append("--skipbadlayers")
    command += ["--code", str(HERE / "gui" / "check_plugin.py")]
    # start_new_session: on timeout the whole group (xvfb-run, Xvfb, qgis) is killed.
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               start_new_session=True)
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        output, _ = process.communicate()
        log_file = tmp_path / "log.jsonl"
        log = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        pytest.fail(f"QGIS did not finish within {TIMEOUT} s.\nMessage log:\n{log[-5000:]}\n"
                    f"Output:\n{output.decode(errors='replace')[-3000:]}")
    assert result_file.exists(), f"no result written:\n{output.decode(errors='replace')[-3000:]}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    log = result.pop("log")
    assert "error" not in result, result["error"]
    python_errors = [e for e in log if e["tag"] in ("Python error", "Error dialog")
                     or (e["tag"] == "Python warning" and "guotu" in e["message"].lower())]
    assert not python_errors, python_errors
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
