"""Running the real `sessiond daemon` in tests (helpers; no tests here)."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.conftest import SESSIOND, Cli


@dataclass
class Daemon:
    proc: subprocess.Popen[str]
    log: Path
    extra: list[str] = field(default_factory=list)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20) -> int:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, sig)
        return self.proc.wait(timeout)


def start_daemon(cli: Cli, *args: str, env: dict[str, str] | None = None,
                 name: str = "daemon", wait_ready: bool = True) -> Daemon:
    log = cli.home.parent / f"{name}-{time.monotonic_ns()}.log"
    environment = {**cli.env, "SESSIOND_HEARTBEAT_SECONDS": "1", **(env or {})}
    with log.open("w") as out:
        proc = subprocess.Popen([SESSIOND, "daemon", *args], env=environment, stdout=out,
                                stderr=subprocess.STDOUT, text=True)
    daemon = Daemon(proc, log)
    if wait_ready:
        wait_for(lambda: "ready" in daemon.text() or proc.poll() is not None, 30,
                 lambda: daemon.text())
        assert proc.poll() is None, daemon.text()
    return daemon


def wait_for(check: Callable[[], Any], timeout: float = 20,
             explain: Callable[[], str] | None = None, every: float = 0.1) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out; {explain() if explain else ''}")
        time.sleep(every)


def running_session(cli: Cli, policy: str = "vlh", started: str | None = None) -> str:
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", policy).out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Lucie")
    cli("start", session, *(["--at", started] if started else []))
    return session
