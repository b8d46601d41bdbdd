"""One owner of the scheduled jobs at a time, through two advisory locks in the data dir.

- `daemon.lock` is held by a running `sessiond daemon` for its whole life (a second daemon
  refuses to start). It holds the daemon's pid, for `sessiond status`.
- `jobs.lock` is held by whoever runs the jobs: the daemon, or the TUI when no daemon runs,
  or `sessiond daemon catch-up` (the systemd timer) for the time of one run. A daemon that
  starts while the TUI runs the jobs waits for it: the TUI sees `daemon.lock` taken and
  hands the jobs over.

flock(2) locks die with their process, so a kill -9 never leaves a stale owner.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import time

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:  # `sessiond status` probes the locks without pathlib (sessiond.places)
    from pathlib import Path

    from sessiond.config import Paths

DAEMON_LOCK = "daemon.lock"
JOBS_LOCK = "jobs.lock"


class Lock:
    """An exclusive flock on one file; `acquire` never blocks unless told to wait."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0, poll: float = 0.2) -> bool:
        if self._fd is not None:
            return True
        from sessiond.config import private_dir

        private_dir(self.path.parent)
        # Never through a link, never anything but a file: a daemon.lock linked to a file
        # had that file emptied and given the daemon's pid, and one that was /dev/null or
        # a FIFO ended the daemon with 'system error on ?: Invalid argument'.
        flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW | os.O_NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as e:
            if e.errno != errno.ELOOP:
                raise
            fd = -1
        if fd < 0 or not stat.S_ISREG(os.fstat(fd).st_mode):
            if fd >= 0:
                os.close(fd)
            from sessiond.errors import InputError
            from sessiond.i18n import _

            raise InputError(_("{path} is a link or no regular file where sessiond keeps a "
                               "lock: remove it (sessiond makes it again).", path=self.path))
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(poll)
                continue
            self._fd = fd
            return True

    def write_pid(self) -> None:
        assert self._fd is not None
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, f"{os.getpid()}\n".encode("ascii"), 0)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def daemon_lock(p: Paths) -> Lock:
    return Lock(p.data / DAEMON_LOCK)


def jobs_lock(p: Paths) -> Lock:
    return Lock(p.data / JOBS_LOCK)


def is_locked(path: str | os.PathLike[str]) -> bool:
    """Whether another process holds the lock (probes by taking it for an instant).

    The instant is short, and a daemon starting at that very moment retries (see
    `main`), so the probe never makes it fail.
    """
    if not os.path.exists(path):
        return False
    try:  # read-only is enough to probe: it works on a read-only copy of the data
        # Non-blocking: a FIFO in the lock's place is never waited on for a writer.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing releases the probe's lock
    return False


def daemon_pid(directory: str | os.PathLike[str]) -> int | None:
    """The pid written in the data directory's daemon.lock if that process is alive and a
    sessiond daemon."""
    from sessiond.files import read_own

    try:  # a pid is a few digits: a longer content is none
        pid = int((read_own(os.path.join(directory, DAEMON_LOCK), 20) or b"").strip() or 0)
    except (OSError, ValueError):
        return None
    if pid <= 0:
        return None
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as proc:
            cmdline = proc.read().split(b"\0")
    except OSError:
        return None
    return pid if b"daemon" in cmdline else None
