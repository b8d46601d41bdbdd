"""Shared fixtures: a private SESSIOND_HOME per test and a runner for the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

# The installed console script of this interpreter's environment: tests run the real
# command, as a technician would.
SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Cli:
    home: Path
    env: dict[str, str]

    def __call__(self, *args: str, check: bool = True,
                 input: str | None = None) -> Result:  # noqa: A002 - as subprocess.run
        proc = subprocess.run([SESSIOND, *args], env=self.env, capture_output=True,
                              text=True, input=input, timeout=60)
        result = Result(proc.returncode, proc.stdout, proc.stderr)
        if check and proc.returncode != 0:
            raise AssertionError(f"sessiond {' '.join(args)} -> {proc.returncode}\n"
                                 f"{proc.stderr}")
        return result

    def json(self, *args: str) -> Any:
        return self(*args, "--json").json

    def events(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = self.json("log")
        return result


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "home"
    monkeypatch.setenv("SESSIOND_HOME", str(path))
    monkeypatch.setenv("SESSIOND_LANG", "fr")
    yield path


@pytest.fixture
def cli(home: Path) -> Cli:
    env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr", "TZ": "UTC"}
    return Cli(home, env)
