"""Shared fixtures: a private SESSIOND_HOME per test and a runner for the real command."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# Property tests assert what they find, not how fast: on two cores shared by the suite's
# workers (and CI's neighbours) an example's time varies tenfold, so neither hypothesis's
# 200 ms deadline nor its too-slow health check says anything about sessiond. Speed is
# measured in bench/.
settings.register_profile("suite", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("suite")

# The installed console script of this interpreter's environment: tests run the real
# command, as a technician would.
SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"

# An in-process command owns the process's environment and standard streams while it runs:
# tests that run commands from several threads take turns.
_IN_PROCESS = threading.Lock()


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
    """Runs `sessiond ARGS` with this test's environment.

    By default the command runs in this process through `sessiond.cli.main` (what the
    console script calls), with its own environment, standard streams and exit code, which
    is ten times cheaper than a new interpreter. `real=True` runs the installed command in
    a subprocess: the smoke tests keep one of those per command.
    """

    home: Path
    env: dict[str, str]
    real: bool = False

    def __call__(self, *args: str, check: bool = True,
                 input: str | None = None) -> Result:  # noqa: A002 - as subprocess.run
        result = self._subprocess(args, input) if self.real else self._in_process(args, input)
        if check and result.code != 0:
            raise AssertionError(f"sessiond {' '.join(args)} -> {result.code}\n"
                                 f"{result.err}")
        return result

    def _subprocess(self, args: tuple[str, ...], input: str | None) -> Result:  # noqa: A002
        proc = subprocess.run([SESSIOND, *args], env=self.env, capture_output=True,
                              text=True, input=input, timeout=60)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def _in_process(self, args: tuple[str, ...], input: str | None) -> Result:  # noqa: A002
        with _IN_PROCESS:
            return self._run_main(args, input)

    def _run_main(self, args: tuple[str, ...], input: str | None) -> Result:  # noqa: A002
        from sessiond.cli import main
        from sessiond.i18n import set_language

        saved_env, saved_streams = dict(os.environ), (sys.stdin, sys.stdout, sys.stderr)
        out, err = io.StringIO(), io.StringIO()
        os.environ.clear()
        os.environ.update(self.env)
        time.tzset()
        set_language(None)  # read afresh from this call's environment, as a new process does
        sys.stdin, sys.stdout, sys.stderr = io.StringIO(input or ""), out, err
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse: usage errors and --help
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved_streams
            os.environ.clear()
            os.environ.update(saved_env)
            time.tzset()
            set_language(None)
        return Result(code, out.getvalue(), err.getvalue())

    def json(self, *args: str) -> Any:
        return self(*args, "--json").json

    def at(self, home: Path) -> Cli:
        """The same command and environment on another home (another machine's data)."""
        return Cli(home, {**self.env, "SESSIOND_HOME": str(home)}, self.real)

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


@pytest.fixture
def real_cli(cli: Cli) -> Cli:
    """The installed `sessiond` command in a subprocess, on the same home as `cli`."""
    return Cli(cli.home, cli.env, real=True)
