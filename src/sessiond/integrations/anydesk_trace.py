"""AnyDesk trace logs: the user trace (`ad.trace`, `~/.anydesk/anydesk.trace`) and the
service trace (`ad_svc.trace`, `/var/log/anydesk.trace`). One line layout, two formats
names, one parser: the markers of the two roles are on different components, so the
parser reads both and the format name only says which file it is.

Lines (remote_logs.md 2.1, fixed-width but read with a whitespace-tolerant pattern that
matched every line of both real Linux traces): level (right-aligned: `info`, `warning`,
`error`, `auth`, `explode`), `YYYY-MM-DD HH:MM:SS.mmm` with no zone, process tag, a thread
name on Linux and macOS only, PID, TID, an optional fiber id, the component, ` - `, the
message. Runs of NUL bytes before restart banners end what was written before them (the
reader). A time with microseconds (6 digits) is read as such: the precision changes no field.

The time has no zone, so the caller gives one (`tz`). Third-party parsers (dissect, rvt2,
artemis) say these traces are in UTC; that was not verified from first principles, so the
caller decides (pass ZoneInfo("UTC") to follow them).

Markers used, verbatim from the real AnyDesk 7.1.0 Linux traces unless marked GUESS:
service trace, sessions keyed by PID and fiber:
- incoming: `anynet.any_socket - Accept request from <ID> (via relay).` (start, partner),
  then `app.session - 1 - Connecting to console session ...` on the session's fiber
  (binds the request to that fiber), `3: Authenticated by local user.` (an `auth` level
  line; `Authenticated ...` unless it says it failed) or `5: Entering processing loop.`
  (accepted; another `auth` line accepts nothing, one saying the authentication failed,
  denied, wrong... is a refusal), and the end: `Session closed by remote side: <reason>.`,
  `5: Processing done.` or `app.service - Fiber exit (net).`;
- outgoing: `app.service - Received outgoing connection request for address <ID>
  (direct).` (start), then on the same fiber `Session closed by remote side: <reason>.`
  before any acceptance (rejected: the three real ones say display_server_not_supported)
  or `Fiber exit (ipc).`, else `app.service - Stop monitoring <ID>.` when its window
  closes (the partner's ID on Windows, per a third-party tool written against a real
  ad_svc.trace; `0` in the Linux sample, after the end). The line of an accepted outgoing
  session is absent from the samples: the acceptance markers of the incoming side are
  assumed (GUESS).
user trace, sessions keyed by PID and role:
- incoming (backend): `app.backend_session - Incoming session request: <alias> (<ID>)`,
  `Session started (ok).` (accepted), `The socket was closed remotely.` or
  `Session stopped.` (end);
- outgoing (frontend): `Sending a connection request for address <ID>.` (start),
  `app.frontend_session - The socket was closed remotely.` before acceptance (rejected),
  `Session stopped.` / `unix_app.frontend - Close Session` (end). Acceptance:
  `app.frontend_session - Session started` (GUESS, by symmetry with the backend).
both: `main - Exiting normally.` ends what that process still had open; a service start
(`main - Command Line params: '--service'`, after the start banner) ends what other
service processes left open, end unknown, seen up to the line before its banner.
An incoming request that never reached a session fiber is dropped when the next request
comes (it never reached AnyDesk's session logic); one that did but never authenticated
ends as "failed".
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sessiond.integrations.base import (
    JSON,
    BadState,
    Open,
    Parser,
    dump_instant,
    get_opt_instant,
)
from sessiond.integrations.connection import Outcome
from sessiond.integrations.timeparse import in_zone, micros, naive
from sessiond.partner import normalise_partner

FMT_USER = "anydesk-trace"
FMT_SERVICE = "anydesk-service-trace"

LINE = re.compile(
    r"\s*([a-z]+) ([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})"
    r"\.([0-9]{3,6})\s+(\S+)\s+"
    r"(?:[A-Za-z]\w*\s+)?([0-9]+)\s+[0-9]+\s+(?:([0-9]+)\s+)?(\S+) - ?(.*)")
_HINT = re.compile(
    r"Accept request from|Connecting to console|outgoing connection request|Authenticated|"
    r"processing loop|closed by remote side|Processing done|Fiber exit|Incoming session req|"
    r"Session st|connection request for address|socket was closed remotely|Close Session|"
    r"Exiting normally|Stop monitoring|uthentication|assword|assphrase|Login|^\s*auth |"
    r"Startup \*|Command Line params")
# An ID is digits (grouped by single spaces where a build prints it as the GUI does) or
# one word (an alias such as `user1@ad`).
_ID = r"([0-9]+(?: [0-9]+)*|\S+?)"
_ACCEPT = re.compile(rf"Accept request from {_ID}\.?(?: \(.*)?")
_CONSOLE = re.compile(r"[0-9]+ - Connecting to console session")
_OUTGOING = re.compile(rf"Received outgoing connection request for address {_ID}\.?(?: \(.*)?")
# The service stops following an outgoing session when its window closes: `Stop monitoring
# <n>.`, <n> the partner's ID in Windows traces (a third-party tool pairs it with the
# request's ID on a real ad_svc.trace), 0 in the Linux sample (where the attempt had ended).
_STOP = re.compile(rf"Stop monitoring {_ID}\.?")
_REQUEST = re.compile(r"Incoming session request: .*\(([^()]*)\)\s*")
_SENDING = re.compile(rf"Sending a connection request for address {_ID}\.?")
_PROCESSING_DONE = re.compile(r"[0-9]+: Processing done\.?")
# The verdict of the authentication, on the session's fiber. The one real line is
# `auth ... app.session - 3: Authenticated by local user.` (the attempts refused in the
# samples never reached it: their fiber exits first); analysts quote `Authenticated by
# password`, `Authenticated with permanent token`, `Authenticated with correct passphrase`,
# `Authenticated by local user (elevated)`. The message decides, not the `auth` level: a
# line of that level that is no such success is no acceptance, and one that says the
# authentication failed (wrong password, denied...) is a refusal.
_AUTHENTICATED = re.compile(r"(?:[0-9]+: )?Authenticated\b(?P<method> (?:by|with)\b)?.*")
_AUTH_FAILED = re.compile(r".*?\b(?:fail(?:ed|ure)?|denied|"
                          r"reject(?:ed)?|refused|declined|wrong|invalid|incorrect|bad)\b.*",
                          re.IGNORECASE)
_AUTH_WORD = re.compile(r"(?:[0-9]+: )?(?:Authentication|Password|Passphrase|Login)\b",
                        re.IGNORECASE)

SERVICE_TAGS = frozenset({"service", "gsvc", "lsvc", "svc"})
USER_TAGS = frozenset({"frontend", "backend", "front", "back", "tray", "ctrl"})


# Every process start writes a banner (`main - * AnyDesk Linux Startup *`, `* AnyDesk
# Windows Startup *`...), then its arguments a few lines on: `main - Command Line params:
# '--service'` is the service starting (the real Linux service trace has seven of them).
_STARTUP = re.compile(r"\* AnyDesk .{0,40}Startup \*\s*")
_SERVICE_START = re.compile(r"Command Line params: .*'--service'.*")
RING = 4  # lines kept before a banner: the separator line, then the old process's last


def parse_line(text: str) -> re.Match[str] | None:
    return LINE.fullmatch(text)


class TraceParser(Parser):
    fmt = FMT_USER
    tool = "anydesk"

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        super().__init__(tz)
        self.last: datetime | None = None  # latest instant read, for the DST fold rule
        self.tail = ""  # the last line fed: its instant is the log's horizon
        # The instant of the last line of an earlier read (the daemon's): the horizon
        # until a line of this read has one (marker lines alone set `last`).
        self.tail_when: datetime | None = None
        self.recent: list[str] = []  # the last lines fed before `tail`, newest last
        # The process whose start banner was read last, and the horizon just before it:
        # what its `--service` arguments end was seen up to there.
        self.boot: tuple[str, datetime | None] | None = None

    def dump_vars(self) -> JSON:
        boot = None if self.boot is None else [self.boot[0], dump_instant(self.boot[1])]
        return {"last": dump_instant(self.last), "tail": dump_instant(self.horizon()),
                "boot": boot}

    def load_vars(self, data: JSON) -> None:
        self.last = get_opt_instant(data, "last")
        self.tail_when = get_opt_instant(data, "tail")
        boot = data.get("boot")
        if boot is None:
            self.boot = None
        elif (isinstance(boot, list) and len(boot) == 2 and isinstance(boot[0], str)
              and boot[0].isdigit() and len(boot[0]) <= 12):
            self.boot = (boot[0], get_opt_instant({"s": boot[1]}, "s"))
        else:
            raise BadState

    def feed(self, text: str, line: int) -> None:
        if text:
            if self.tail:
                self.recent = [*self.recent[-(RING - 1):], self.tail]
            self.tail = text
        # The marker test first: most trace lines are noise, and it is far cheaper than
        # the full line pattern.
        if not _HINT.search(text):
            return
        self._line(text, line)

    def horizon(self) -> datetime | None:
        """The latest instant read, or the last line's: only marker lines are read whole,
        and the log goes on after the last of them."""
        return self._dated([*self.recent, self.tail] if self.tail else self.recent)

    def _before(self) -> datetime | None:
        """The horizon before the line just fed (the start banner follows a separator)."""
        return self._dated(self.recent)

    def _dated(self, lines: list[str]) -> datetime | None:
        """The instant of the newest of `lines` that has one (a separator line, a message's
        second line have none), or of the latest line read before, if later."""
        when = None
        for text in reversed(lines):
            match = LINE.fullmatch(text)
            when = self._when(match) if match is not None else None
            if when is not None:
                break
        known = [t for t in (when, self.last, self.tail_when) if t is not None]
        return max(known) if known else None

    def _when(self, match: re.Match[str]) -> datetime | None:
        if self.tz is None:
            return None
        _level, y, mo, d, h, mi, s, ms = match.groups()[:8]
        local = naive(int(y), int(mo), int(d), int(h), int(mi), int(s), micros(ms))
        return None if local is None else in_zone(local, self.tz, self.last)

    def _line(self, text: str, line: int) -> None:
        match = LINE.fullmatch(text)
        if match is None or self.tz is None:
            return
        level, _y, _mo, _d, _h, _mi, _s, _ms, _proc, pid, fiber, comp, msg = match.groups()
        when = self._when(match)
        if when is None:
            return
        before = self._before() if _STARTUP.fullmatch(msg) else None
        if self.last is None or when > self.last:
            self.last = when
        msg = msg.rstrip()
        if comp == "main" and _STARTUP.fullmatch(msg):
            self.boot = (pid, before)
            self.began = True  # a process start: what ends after it began after it
            return
        if comp == "main" and _SERVICE_START.fullmatch(msg):
            self._service_started(pid)
            return
        self._event(level, pid, fiber or "-", comp, msg, when, line, text)

    def _event(self, level: str, pid: str, fiber: str, comp: str, msg: str, when: datetime,
               line: int, text: str) -> None:
        own = f"{pid}/{fiber}"
        if comp == "anynet.any_socket" and (m := _ACCEPT.fullmatch(msg)):
            pending = self.latest(key=f"{pid}/accept", tag="pending")
            if pending is not None:
                self.open.remove(pending)
            self.begin(f"{pid}/accept", "incoming", normalise_partner(m[1]), when, line, text,
                       tag="pending")
        elif comp == "app.session" and _CONSOLE.match(msg):
            pending = self.latest(key=f"{pid}/accept", tag="pending")
            if pending is not None:
                self.give_up(self.latest(key=own))
                pending.key, pending.tag = own, ""
                self.touch(pending, text)
        elif comp == "app.service" and (m := _OUTGOING.fullmatch(msg)):
            self.give_up(self.latest(key=own))
            self.begin(own, "outgoing", normalise_partner(m[1]), when, line, text)
        elif comp == "app.service" and (m := _STOP.fullmatch(msg)):
            partner = normalise_partner(m[1])
            rec = next((r for r in reversed(self.open) if r.direction == "outgoing"
                        and r.partner == partner and r.key.split("/")[0] == pid), None)
            if rec is not None:
                self.close(rec, when, text, self._verdict(rec))
            elif partner not in (None, "0"):
                self.orphan_end(line, when)
        elif comp == "app.backend_session" and (m := _REQUEST.fullmatch(msg)):
            self.give_up(self.latest(key=f"{pid}/backend"))
            self.begin(f"{pid}/backend", "incoming", normalise_partner(m[1]), when, line, text)
        elif m := _SENDING.fullmatch(msg):
            self.give_up(self.latest(key=f"{pid}/frontend"))
            self.begin(f"{pid}/frontend", "outgoing", normalise_partner(m[1]), when, line, text)
        elif ((m := _AUTHENTICATED.fullmatch(msg)) and (
                m["method"] or not _AUTH_FAILED.fullmatch(msg))) or (
                comp == "app.session" and "Entering processing loop" in msg):
            self.accept(self.latest(key=own), text)
        elif (level == "auth" or _AUTH_WORD.match(msg)) and _AUTH_FAILED.fullmatch(msg):
            self.fail(self.latest(key=own), "rejected", text)
        elif comp in ("app.backend_session", "app.frontend_session"):
            role = f"{pid}/{'backend' if comp == 'app.backend_session' else 'frontend'}"
            rec = self.latest(key=role)
            if rec is None:
                if msg.startswith(("The socket was closed remotely", "Session stopped")):
                    self.orphan_end(line, when)
                return
            if msg.startswith("Session started"):
                if "(ok)" in msg or comp == "app.frontend_session":
                    self.accept(rec, text)
            elif msg.startswith("The socket was closed remotely"):
                self.close(rec, when, text, "accepted" if rec.outcome == "accepted"
                           else "rejected")
            elif msg.startswith("Session stopped"):
                self.close(rec, when, text, self._verdict(rec))
        elif comp == "app.session" and msg.startswith("Session closed by remote side"):
            rec = self.latest(key=own)
            if rec is not None:
                self.close(rec, when, text, "accepted" if rec.outcome == "accepted"
                           else "rejected")
            else:
                self.orphan_end(line, when)
        elif (comp == "app.session" and _PROCESSING_DONE.fullmatch(msg)) or (
                comp == "app.service" and msg.startswith("Fiber exit")):
            rec = self.latest(key=own)
            if rec is not None:
                self.close(rec, when, text, self._verdict(rec))
            elif comp == "app.session":  # every fiber exits; a session's alone is done
                self.orphan_end(line, when)
        elif msg == "Close Session" and comp.endswith("frontend"):
            rec = self.latest(key=f"{pid}/frontend")
            if rec is not None:
                self.close(rec, when, text, self._verdict(rec))
            else:
                self.orphan_end(line, when)
        elif comp == "main" and msg.startswith("Exiting normally"):
            for rec in [r for r in self.open if r.key.split("/")[0] == pid]:
                if rec.tag == "pending":
                    self.open.remove(rec)  # never reached a session, as when superseded
                else:
                    self.close(rec, when, text, self._verdict(rec))


    def _service_started(self, pid: str) -> None:
        """The service process `pid` started (its arguments say `--service`): the service
        restarted (killed, updated, the machine rebooted without a crash's NULs). The
        sessions another service process held died with it, without their end, and no
        line of the new one ends them (its own fibers): each ends here, end unknown, seen
        up to the last line before the new process's banner. The user trace's sessions
        (a backend's, a frontend's) are their processes' own, and go on."""
        seen = self.boot[1] if self.boot is not None and self.boot[0] == pid else (
            self._before())
        for rec in list(self.open):
            owner, _sep, role = rec.key.partition("/")
            if owner == pid or role in ("backend", "frontend"):
                continue
            self.open.remove(rec)
            if rec.tag != "pending":  # a request that never reached a session: dropped
                self.done.append(self._lost(rec, seen))

    def crashed(self) -> None:
        # A request that never reached a session is dropped, as when the process exits.
        self.open = [rec for rec in self.open if rec.tag != "pending"]
        super().crashed()

    @staticmethod
    def _verdict(rec: Open) -> Outcome:
        """Accepted, refused (the authentication said so), else failed: the attempt ended
        with no verdict line."""
        return "accepted" if rec.outcome == "accepted" else (
            "rejected" if rec.outcome == "rejected" else "failed")


class ServiceTraceParser(TraceParser):
    fmt = FMT_SERVICE
