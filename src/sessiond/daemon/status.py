"""What the daemon tells `sessiond status` and the TUI: a small JSON file it rewrites.

`daemon.json` (0600, data directory) holds the pid, when it started, and whether hotkeys
and idle detection are on, with the reason when they are off. It is read without any
import of APScheduler or pynput, so `sessiond status` stays fast. Whether the daemon is
alive is decided from its pid and lock, not from the file (a kill -9 leaves it behind).
"""

from __future__ import annotations

import os

from sessiond import clock
from sessiond.daemon.owner import DAEMON_LOCK, JOBS_LOCK, daemon_pid, is_locked
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

    from sessiond.config import Paths

STATUS_FILE = "daemon.json"
STATUS_LIMIT = 64 * 1024


class Feature(NamedTuple):
    on: bool
    reason: str | None = None  # why it is off

    def to_json(self) -> dict[str, Any]:
        return {"on": self.on, "reason": self.reason}


def write(p: Paths, *, hotkeys: Feature, idle: Feature, state: str = "running",
          extra: dict[str, Any] | None = None) -> None:
    import json

    from sessiond.config import write_private
    from sessiond.daemon import heartbeat  # the daemon's; `sessiond status` only reads

    data = {"pid": os.getpid(), "state": state, "updated_at": clock.to_text(clock.now()),
            "hotkeys": hotkeys.to_json(), "idle": idle.to_json(),
            "heartbeat_seconds": heartbeat.interval(), **(extra or {})}
    write_private(p.data / STATUS_FILE, json.dumps(data, sort_keys=True).encode("utf-8"))


def read_file(directory: str | os.PathLike[str]) -> dict[str, Any] | None:
    """daemon.json of the data directory."""
    from sessiond.files import read_own

    try:  # the daemon writes some 300 bytes; a FIFO or /dev/zero in its place reads b""
        data = read_own(os.path.join(directory, STATUS_FILE), STATUS_LIMIT)
    except OSError:
        return None
    if not data:  # no daemon ever ran here: `status` does without json
        return None
    import json

    try:
        value = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # damaged, cut at the limit, nested without end
        return None
    return value if isinstance(value, dict) else None


def collect(directory: str | os.PathLike[str], conn: Any | None = None) -> dict[str, Any]:
    """The daemon's status for JSON output (running, features, pending questions), from
    the data directory (a str on the path of `sessiond status` that does without pathlib)
    and the log's connection `conn`."""
    pid = daemon_pid(directory)
    running = pid is not None and is_locked(os.path.join(directory, DAEMON_LOCK))
    file = read_file(directory) or {}
    data: dict[str, Any] = {"running": running, "pid": pid if running else None,
                            "jobs_owner": None, "hotkeys": None, "idle": None,
                            "last_heartbeat": None, "pending_questions": None}
    if running:
        data["jobs_owner"] = "daemon"
        if file.get("pid") == pid:
            data["hotkeys"], data["idle"] = file.get("hotkeys"), file.get("idle")
            data["started_at"] = file.get("started_at")
    elif is_locked(os.path.join(directory, JOBS_LOCK)):
        data["jobs_owner"] = "tui"
    if conn is not None:
        from sessiond.store import heartbeats, notifications

        beat = heartbeats.last(conn)
        data["last_heartbeat"] = clock.to_text(beat.at) if beat else None
        data["pending_questions"] = notifications.pending_count(conn)
    return data


def describe(data: dict[str, Any]) -> str:
    """One or two lines for people: is the daemon up, are hotkeys and idle on, and why not."""

    def feature(name: str, value: dict[str, Any] | None) -> str:
        if not value:
            return _("{name}: unknown", name=name)
        if value.get("on"):
            return _("{name}: on", name=name)
        return _("{name}: off ({reason})", name=name, reason=value.get("reason") or "?")

    if data["running"]:
        line = _("Daemon: running (pid {pid}); {hotkeys}; {idle}.", pid=data["pid"],
                 hotkeys=feature(_("hotkeys"), data["hotkeys"]),
                 idle=feature(_("idle detection"), data["idle"]))
    elif data["jobs_owner"] == "tui":
        line = _("Daemon: not running; the terminal interface runs the scheduled jobs "
                 "(no hotkeys, no idle detection).")
    else:
        line = _("Daemon: not running (sessiond daemon, or sessiond systemd install); "
                 "hotkeys, idle detection and reminders are off.")
    if data.get("pending_questions"):
        line += "\n" + n_(data["pending_questions"], "{n} question waiting for an answer: "
                          "sessiond daemon questions.", "{n} questions waiting for an "
                          "answer: sessiond daemon questions.")
    return line
