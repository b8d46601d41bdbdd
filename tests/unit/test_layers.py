"""The core never imports a front-end library; CLI commands never import Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["sessiond.model", "sessiond.clock", "sessiond.config", "sessiond.sessions",
        "sessiond.store", "sessiond.audit.verify", "sessiond.display", "sessiond.cli",
        "sessiond.compliance", "sessiond.cli.compliance"]
FRONT_END = ("textual", "pynput", "apscheduler")


@pytest.mark.parametrize("module", CORE)
def test_core_imports_no_front_end(module: str) -> None:
    code = (f"import sys, {module}; "
            f"print([m for m in {FRONT_END!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_cli_command_does_not_import_textual(tmp_path: pytest.TempPathFactory) -> None:
    code = ("import sys; from sessiond.cli import main; main(['status']); "
            "print('textual' in sys.modules, 'apscheduler' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"SESSIOND_HOME": str(tmp_path), "PATH": ""}).stdout
    assert out.strip().splitlines()[-1] == "False False"
