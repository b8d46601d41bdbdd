"""The daemon follows the technician's own remote-control tools' logs.

Each configured log (`[evidence]` of config.toml; Linux defaults per tool) is polled once a
second with one `stat`: nothing else happens while it does not change, so an idle daemon
pays six failed or unchanged stats a second. When a file grows, the new complete lines
are read (`integrations.read_increment`, bounded per poll); when it is replaced (TeamViewer
renames a full log to `_OLD`, RustDesk starts a new file each day, logrotate) the rest of
the old file is read through the descriptor still open on it, then the new file from its
start; when it shrinks (truncated) it is read again from its start. The parser's state
crosses both, so a connection opened before a rotation closes after it. Nothing of a log
is written to disk by sessiond: at start the logs are read again from their beginning
(what is already recorded is recognised by its key).

What is seen becomes facts and questions, never decisions:
- a connection that matches a session is recorded in it (`Sessiond.record_connection`);
- a connection opened while no session runs asks "start which session at its instant?"
  (the session it matches by partner ID first; or plan one, then answer);
- a connection closed while its session runs asks "stop (or pause) it at that instant?".
The answers (`sessiond daemon answer`, the TUI's F2) go through `daemon.questions`.
Questions are asked only about what happened within `HORIZON`: reading an old log at start
does not ask about last month. Stored questions never hold the partner ID (personal data
is only ever stored sealed).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from sessiond import clock
from sessiond.config import Evidence
from sessiond.errors import SessiondError, system_problem
from sessiond.i18n import _
from sessiond.integrations import Connection, TailState, open_log, read_increment
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.store.notifications import Notice

log = logging.getLogger("sessiond.daemon")

HORIZON = timedelta(hours=12)
MAX_BYTES = 1024 * 1024  # read per file and poll: the loop never waits long on a big log
MAX_TRACKED = 256  # connections remembered between polls (open, or waiting for a session)
OPENED, CLOSED = "connection-opened", "connection-closed"
KINDS = (OPENED, CLOSED)


def question_key(kind: str, key: str) -> str:
    return f"{kind}:{key}"


@dataclass
class Followed:
    """One log file and where its reading is."""

    path: Path
    tool: str
    stream: BinaryIO | None = None
    inode: tuple[int, int] | None = None
    offset: int = 0
    state: TailState | None = None
    problem: str | None = None  # the last problem logged (each is logged once)

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None


@dataclass
class Tracked:
    connection: Connection
    session_id: str | None = None  # the session it was recorded in


def _reading(c: Connection) -> tuple[object, ...]:
    """What a new reading of a connection can change (more lines only touch its digest)."""
    return (c.end, c.outcome, c.partner_id)


class EvidenceWatch:
    def __init__(self, svc: Sessiond, settings: Evidence, *, desktop: Any = None) -> None:
        self.svc = svc
        self.desktop = desktop
        self.files = [Followed(Path(os.path.expanduser(p)), tool)
                      for tool in ("teamviewer", "anydesk", "rustdesk")
                      for p in getattr(settings, tool)]
        self.tracked: dict[str, Tracked] = {}
        self._version: int | None = None
        self._announced = False

    @property
    def conn(self) -> Any:
        return self.svc.store.conn

    def close(self) -> None:
        for f in self.files:
            f.close()

    # --- reading -------------------------------------------------------------------------

    def poll(self, now: datetime) -> list[Notice]:
        """One look at every log; what it changed in the store, as posted notices."""
        if not self._announced:
            self._announced = True
            present = [str(f.path) for f in self.files if f.path.exists()]
            log.info("following %d remote-tool log(s), present now: %s", len(self.files),
                     ", ".join(present) or "none")
        clicked = self._clicked(now)
        seen: list[Connection] = []
        for followed in self.files:
            seen += self._read(followed)
        if not seen and not self.tracked:
            return clicked  # the usual second: nothing changed, nothing waits
        version = self.svc.store.data_version()
        store_changed = version != self._version
        self._version = version
        posted: list[Notice] = []
        fresh = {c.key for c in seen}
        for connection in seen:
            posted += self._consider(connection, now, retry=False)
        if store_changed:
            # A session was planned, started or stopped elsewhere: what matched nothing may
            # match now, and what was asked may be moot.
            for key, item in list(self.tracked.items()):
                if key not in fresh:
                    posted += self._consider(item.connection, now, retry=True)
        self._prune(now)
        return clicked + posted

    def _read(self, f: Followed) -> list[Connection]:
        try:
            st = os.stat(f.path)
        except FileNotFoundError:
            return self._drain(f)  # renamed away: the rest of it, then wait for the new one
        except OSError as e:
            self._problem(f, system_problem(e))
            return []
        found: list[Connection] = []
        inode = (st.st_dev, st.st_ino)
        if f.stream is not None and inode != f.inode:
            found += self._drain(f)  # rotated: finish the old file first
        if f.stream is None:
            try:
                f.stream = open_log(f.path)  # kept open across polls
            except SessiondError as e:  # a FIFO or a device in its place too, never a hang
                self._problem(f, e.message)
                return found
            opened = os.fstat(f.stream.fileno())
            f.inode = (opened.st_dev, opened.st_ino)
            f.offset = 0
            if f.state is not None:
                log.info("remote-tool log %s was replaced: reading the new file", f.path)
        elif st.st_size < f.offset:
            log.info("remote-tool log %s was truncated: reading it again", f.path)
            f.offset = 0
        elif st.st_size == f.offset:
            return found  # unchanged: the one stat was all this poll cost
        found += self._increment(f)
        return found

    def _increment(self, f: Followed) -> list[Connection]:
        from sessiond.compliance.evidence import log_zone

        assert f.stream is not None
        try:
            step = read_increment(f.stream, f.offset, f.state, tool=f.tool,
                                  tz=log_zone(f.tool, self.svc.tz), name=str(f.path),
                                  max_bytes=MAX_BYTES)
        except SessiondError as e:
            self._problem(f, e.message)
            return []
        if f.problem is not None:
            log.info("remote-tool log %s: readable again", f.path)
            f.problem = None
        f.offset, f.state = step.offset, step.state
        return [*step.connections, *step.open]

    def _drain(self, f: Followed) -> list[Connection]:
        """What is left in a file that was renamed or deleted (its descriptor still reads
        it); then let it go, keeping the parser's state for the next file."""
        found: list[Connection] = []
        if f.stream is None:
            return found
        for _round in range(64):
            before = f.offset
            found += self._increment(f)
            if f.offset == before:
                break
        f.close()
        f.inode = None
        return found

    def _problem(self, f: Followed, problem: str) -> None:
        if problem != f.problem:
            log.warning("remote-tool log %s: %s", f.path, problem)
            f.problem = problem

    # --- what it means -------------------------------------------------------------------

    def _consider(self, connection: Connection, now: datetime, *, retry: bool
                  ) -> list[Notice]:
        item = self.tracked.get(connection.key)
        if item is None:
            item = self.tracked[connection.key] = Tracked(connection)
        elif not retry and _reading(item.connection) == _reading(connection):
            item.connection = connection
            return []  # more lines of a connection already considered: nothing new
        item.connection = connection
        posted: list[Notice] = []
        opened = notices.by_dedup_key(self.conn, question_key(OPENED, connection.key))
        chosen = _started(opened)
        try:
            done = self.svc.record_connection(connection, session_id=chosen, now=now)
        except SessiondError as e:
            log.warning("connection of %s at %s not recorded: %s", connection.tool,
                        clock.to_text(connection.start), e.message)
            return posted
        item.session_id = done.session_id
        if done.new:
            log.info("%s connection at %s recorded in session %s (%s)", connection.tool,
                     clock.to_text(clock.whole_second(connection.start)), done.session_id,
                     done.matched_by)
        if (opened is not None and opened.answered_at is None and done.session_id is not None
                and self.svc.session(done.session_id).state is not State.PLANNED):
            # Started some other way (the CLI, a hotkey): the question has its answer.
            notices.answer(self.conn, opened.id, f"matched {done.session_id}", now)
            opened = notices.get(self.conn, opened.id)
        if connection.end_unknown:
            pass  # its place was taken in the log (its end lost): nothing to start or stop
        elif connection.end is None:
            if connection.outcome in ("accepted", "unknown"):
                posted += self._ask_start(connection, done.session_id, opened, now)
        elif connection.outcome in ("rejected", "failed"):
            if opened is not None and opened.answered_at is None:
                # Refused or broken: it never was a session, there is nothing to start.
                notices.answer(self.conn, opened.id, "moot", now)
        elif connection.outcome == "accepted" and done.session_id is not None:
            posted += self._ask_stop(connection, done.session_id, now)
        return posted

    def _ask_start(self, c: Connection, session_id: str | None, opened: Notice | None,
                   now: datetime) -> list[Notice]:
        if opened is not None or now - c.start > HORIZON:
            return []
        sessions = self.svc.open_sessions()
        if any(s.state is State.RUNNING for s in sessions):
            return []  # a session runs: this is its connection, or a second one
        planned = [s for s in sessions if s.state is State.PLANNED]
        if session_id is not None:
            planned.sort(key=lambda s: s.id != session_id)
        else:
            planned.sort(key=lambda s: s.tool != c.tool)
        at = self._local(c.start)
        tool = _tool(c.tool)
        if planned:
            first = planned[0].id
            message = _("{tool} connected at {at} ({direction}) and no session runs: start "
                        "{session} at {at}? (sessiond daemon questions)", tool=tool, at=at,
                        direction=_direction(c.direction), session=first)
        else:
            message = _("{tool} connected at {at} ({direction}) and no session runs: plan "
                        "the session (sessiond session new CLIENT --tool {name}), then "
                        "answer start SESSION.", tool=tool, at=at,
                        direction=_direction(c.direction), name=c.tool)
        choices = [f"start {s.id}" for s in planned[:5]] + ["ignore"]
        return self._post(now, OPENED, message, c, session_id or (
            planned[0].id if planned else None), clock.whole_second(c.start), choices)

    def _ask_stop(self, c: Connection, session_id: str, now: datetime) -> list[Notice]:
        assert c.end is not None
        if now - c.end > HORIZON or notices.by_dedup_key(
                self.conn, question_key(CLOSED, c.key)) is not None:
            return []
        session = self.svc.session(session_id)
        if session.state is not State.RUNNING:
            return []
        at = self._local(c.end)
        message = _("{tool} disconnected at {at} while session {session} runs: stop it (or "
                    "pause it) at {at}? (sessiond daemon questions)", tool=_tool(c.tool),
                    at=at, session=session_id)
        choices = [f"stop {session_id}", f"pause {session_id}", "ignore"]
        return self._post(now, CLOSED, message, c, session_id, clock.whole_second(c.end),
                          choices)

    def _post(self, now: datetime, kind: str, message: str, c: Connection,
              session_id: str | None, at: datetime, choices: list[str]) -> list[Notice]:
        notice = notices.post(self.conn, now=now, kind=kind, message=message,
                              session_id=session_id, question=True,
                              dedup_key=question_key(kind, c.key),
                              data={"at": clock.to_text(at), "tool": c.tool,
                                    "direction": c.direction, "key": c.key,
                                    "choices": choices})
        if notice is None:
            return []
        log.info("notice #%d (%s): %s", notice.id, kind, message)
        if self.desktop is not None:
            from sessiond.daemon.questions import choice_label

            self.desktop.ask("sessiond", message, [choice_label(c) for c in choices],
                             (notice.id, tuple(choices)))
        return [notice]

    def _clicked(self, now: datetime) -> list[Notice]:
        """Answers given with the buttons of a desktop notification."""
        from sessiond.daemon.questions import answer

        done: list[Notice] = []
        for key, index in self.desktop.answers() if self.desktop is not None else []:
            notice_id, choices = key
            try:
                notice, _event = answer(self.svc, notice_id, choices[index], now)
            except (SessiondError, IndexError) as e:
                log.warning("desktop answer to question #%d refused: %s", notice_id,
                            getattr(e, "message", e))
                continue
            log.info("question #%d answered from the desktop: %s", notice_id, notice.answer)
            done.append(notice)
        return done

    def _local(self, instant: datetime) -> str:
        return instant.astimezone(self.svc.tz).strftime("%H:%M:%S")

    def _prune(self, now: datetime) -> None:
        """Forget what needs nothing more: closed and recorded, or too old to ask about."""
        for key, item in list(self.tracked.items()):
            c = item.connection
            old = now - (c.end or c.start) > HORIZON
            if (c.end is not None and (item.session_id is not None or old)) or (
                    c.end is None and old and item.session_id is not None):
                del self.tracked[key]
        while len(self.tracked) > MAX_TRACKED:
            oldest = min(self.tracked, key=lambda k: self.tracked[k].connection.start)
            del self.tracked[oldest]


def _started(opened: Notice | None) -> str | None:
    """The session the technician started for this connection (his answer)."""
    if opened is None or not opened.answer or not opened.answer.startswith("start "):
        return None
    parts = opened.answer.split()
    return parts[1] if len(parts) > 1 else None


def _tool(tool: str) -> str:
    from sessiond import labels

    return labels.short(tool)


def _direction(direction: str) -> str:
    from sessiond import labels

    return labels.short(direction)
