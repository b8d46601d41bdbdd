"""Desktop notifications (`notify-send`), kept apart from the store's notices so that
`sessiond status`, which reads the notices, loads no process machinery."""

from __future__ import annotations

import logging
import shutil
import subprocess

log = logging.getLogger("sessiond.daemon")


class Desktop:
    """Desktop notifications through `notify-send`, when it is installed.

    Fire and forget: the child is reaped on the next call, so a slow notification daemon
    never blocks a job. Failures (no D-Bus session, no notification server) are logged
    once and otherwise ignored: the notice is in the store anyway.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.command = shutil.which("notify-send") if enabled else None
        self._children: list[subprocess.Popen[bytes]] = []
        self._warned = False

    def show(self, title: str, body: str, *, urgent: bool = False) -> bool:
        self._reap()
        if self.command is None:
            return False
        argv = [self.command, "--app-name=sessiond",
                f"--urgency={'critical' if urgent else 'normal'}", title, body]
        try:
            self._children.append(subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, close_fds=True))
        except OSError as e:
            if not self._warned:
                log.warning("notify-send failed: %s", e.strerror)
                self._warned = True
            return False
        return True

    def _reap(self) -> None:
        self._children = [c for c in self._children if c.poll() is None]

    def close(self) -> None:
        for child in self._children:
            try:
                child.wait(timeout=2)
            except subprocess.TimeoutExpired:
                child.kill()
        self._children = []
