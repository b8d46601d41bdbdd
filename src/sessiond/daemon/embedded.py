"""The jobs inside the TUI when no daemon runs (DESIGN.md "Processes").

The TUI calls `EmbeddedJobs.start()` from its running event loop (Textual's `on_mount`)
and `stop()` on unmount. It runs the daemon's jobs (heartbeats and gap questions, tranche
reminders, end-of-day export, day seal) on the TUI's loop with its own store connection;
hotkeys and idle detection stay the daemon's. When a daemon starts, it takes
`daemon.lock`; the TUI sees it within `HANDOVER_SECONDS`, stops its jobs and releases
`jobs.lock`, which the daemon is waiting for.
"""

from __future__ import annotations

import logging

from sessiond.config import Paths, paths
from sessiond.daemon import owner
from sessiond.daemon.desktop import Desktop
from sessiond.daemon.host import Host
from sessiond.daemon.jobs import Jobs
from sessiond.sessions import Sessiond

log = logging.getLogger("sessiond.daemon")
HANDOVER_SECONDS = 3.0


class EmbeddedJobs:
    def __init__(self, where: Paths | None = None) -> None:
        self.paths = where or paths()
        self._lock = owner.jobs_lock(self.paths)
        self._svc: Sessiond | None = None
        self.host: Host | None = None

    @property
    def running(self) -> bool:
        return self.host is not None

    def start(self) -> bool:
        """Run the jobs here if no daemon (and no other TUI) does; True if started."""
        if owner.is_locked(self.paths.data / owner.DAEMON_LOCK) or not self._lock.acquire():
            return False
        try:
            self._svc = Sessiond(self.paths)
            self.host = Host(Jobs(self._svc, desktop=Desktop()))
            self.host.start()
            self.host.every(HANDOVER_SECONDS, self._handover)
        except BaseException:
            self.stop()
            raise
        return True

    async def _handover(self) -> None:
        if owner.is_locked(self.paths.data / owner.DAEMON_LOCK):
            log.info("a sessiond daemon started: handing the scheduled jobs over")
            self.stop()

    def stop(self) -> None:
        if self.host is not None:
            self.host.stop()
            self.host = None
        if self._svc is not None:
            self._svc.close()
            self._svc = None
        self._lock.release()
