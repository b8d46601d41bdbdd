"""What every format parser shares: open connections, their bounded state, and output.

A parser is fed decoded lines one by one (`feed`), collects the connections whose end it
has seen, and keeps the connections still open in a small table that can be dumped to
JSON and loaded back, so that a daemon reading a growing file pairs an end line with a
start line it read in an earlier call (or in the file before a rotation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sessiond.i18n import _
from sessiond.integrations.connection import (
    OUTCOMES,
    Connection,
    Direction,
    Outcome,
    Tool,
    digest_of,
    line_hash,
)
from sessiond.integrations.errors import LogFormatError

MAX_OPEN = 64  # open connections kept (a technician has one or two); older ones are given up
MAX_HASHES = 16  # source lines remembered per connection (start, partner, verdict, end...)

JSON = dict[str, Any]
ANY = object()  # "any value" for `Parser.latest` criteria


class BadState(Exception):
    """A saved parser state that does not have the expected shape (internal)."""


@dataclass(slots=True)
class Open:
    """A connection whose end has not been seen yet."""

    key: str  # what later lines use to find it: a routing index, a process and fiber...
    direction: Direction
    partner: str | None
    start: datetime
    line: int
    hashes: list[str]
    outcome: Outcome | None = None  # the verdict so far; None: no evidence yet
    tag: str = ""  # a phase the parser needs (AnyDesk's accepted-but-not-bound requests)
    index: int | None = None  # TeamViewer's routing index, once known

    def dump(self) -> JSON:
        return {"k": self.key, "d": self.direction, "p": self.partner,
                "s": self.start.isoformat(), "l": self.line, "h": list(self.hashes),
                "o": self.outcome, "t": self.tag, "i": self.index}

    @classmethod
    def load(cls, data: object) -> Open:
        if not isinstance(data, dict):
            raise BadState
        direction = data.get("d")
        outcome = data.get("o")
        hashes = data.get("h")
        if direction not in ("incoming", "outgoing") or (
                outcome is not None and outcome not in OUTCOMES):
            raise BadState
        if not isinstance(hashes, list) or not 1 <= len(hashes) <= MAX_HASHES or not all(
                isinstance(h, str) and _HEX64.fullmatch(h) for h in hashes):
            raise BadState
        return cls(key=get_str(data, "k"), direction=direction,
                   partner=get_opt_str(data, "p"), start=get_instant(data, "s"),
                   line=get_int(data, "l", minimum=1), hashes=list(hashes),
                   outcome=outcome, tag=get_str(data, "t"), index=get_opt_int(data, "i"))


_HEX64 = re.compile(r"[0-9a-f]{64}")


def get_str(data: JSON, name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or len(value) > 256:
        raise BadState
    return value


def get_opt_str(data: JSON, name: str) -> str | None:
    return None if data.get(name) is None else get_str(data, name)


def get_int(data: JSON, name: str, minimum: int | None = None) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise BadState
    if minimum is not None and value < minimum:
        raise BadState
    return value


def get_opt_int(data: JSON, name: str) -> int | None:
    return None if data.get(name) is None else get_int(data, name)


def get_bool(data: JSON, name: str) -> bool:
    value = data.get(name)
    if not isinstance(value, bool):
        raise BadState
    return value


def get_instant(data: JSON, name: str) -> datetime:
    text = get_str(data, name)
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise BadState from None
    if value.utcoffset() is None or value.utcoffset():
        raise BadState
    return value.astimezone(UTC)


def get_opt_instant(data: JSON, name: str) -> datetime | None:
    return None if data.get(name) is None else get_instant(data, name)


def dump_instant(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


class Parser:
    """Base of the format parsers. Subclasses implement `feed` with the helpers below."""

    fmt: ClassVar[str]
    tool: ClassVar[Tool]

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        self.tz = tz
        self.open: list[Open] = []
        self.done: list[Connection] = []
        self.last: datetime | None = None  # the latest instant read (subclasses keep it)
        self.forced = False  # its format was given, not detected: read as it is
        # Whether the log showed a connection's start, or a process start, yet: an end line
        # before either is the end of a connection that began before the log (a rotated
        # file that begins mid-connection): (its line, its instant), see `start_missing`.
        self.began = False
        self.start_missing: tuple[int, datetime] | None = None

    # -- the interface the reader uses ---------------------------------------------------
    def feed(self, text: str, line: int) -> None:
        raise NotImplementedError

    def tail_complete(self, text: str) -> bool:
        """Whether an unterminated last line is a whole record already (formats whose
        records start, rather than end, with a newline)."""
        return False

    def final_complete(self, text: str) -> bool:
        """Whether the unterminated last line of a whole file is a record to read. The
        logs end every line with a newline (every real sample does): one without was cut
        while being written or copied, and its last field may be cut too (a partner ID
        `1660360496` read as `16603`), so it is not read, as `read_increment` never reads
        it. The connection files override this."""
        return False

    def crashed(self) -> None:
        """The machine went down here (a run of NULs: an unclean shutdown lost what was
        being written, see text.decode_line): every connection still open ended without its
        end written, and no line after the restart ends it (a new process, new keys). Each
        is reported with its end unknown, seen up to the last line read before."""
        horizon = self.horizon()
        for rec in list(self.open):
            self.open.remove(rec)
            self.done.append(self._lost(rec, horizon))

    def take(self) -> list[Connection]:
        """The connections closed since the last call."""
        done, self.done = self.done, []
        return done

    def still_open(self) -> list[Connection]:
        """The open connections, as connections with end None, in start order: the log is
        being followed (`read_increment`) and may still write their end."""
        return self._unended(None)

    def finish(self) -> list[Connection]:
        """At the end of a one-shot read: what was closed, then those whose end the log does
        not have (end None, `seen_until` the log's latest instant: end unknown). The whole
        log was read: nothing says they are open now, nor that they ended at its last
        line (the log stops there, or their end line is missing)."""
        result = self.take() + self._unended(self.horizon())
        self.open = []
        return result

    # Text whose lines the reader shows `prime` before reading the files from their start
    # (a look ahead over every file of the series); None: no look ahead.
    lookahead: ClassVar[str | None] = None

    def prime(self, text: str) -> None:
        """A line holding `lookahead`, from the files about to be read, in their order."""
        return None

    # Whether `unreadable` is asked of each increment of a growing file whose format was
    # detected (the daemon's): a file that holds only records, each a connection, where a
    # line that is none is a connection left out (TeamViewer's connection lists).
    strict: ClassVar[bool] = False

    def unreadable(self) -> LogFormatError | None:
        """Why the file read so far cannot be taken as this format, though it was detected
        as it (most of its lines of a layout the parser cannot read), or None. Asked at the
        end of a detected file, never of one whose format was given: that one is read as
        it is."""
        return None

    def horizon(self) -> datetime | None:
        """The latest instant of the log read so far."""
        return self.last

    def _unended(self, horizon: datetime | None) -> list[Connection]:
        return sorted((self._lost(rec, horizon) if horizon is not None else
                       self._connection(rec, None, rec.hashes, rec.outcome or "unknown")
                       for rec in self.open), key=lambda c: (c.start, c.line))

    def _lost(self, rec: Open, horizon: datetime | None) -> Connection:
        """`rec` as a connection whose end the log does not have, seen up to `horizon`."""
        seen = rec.start if horizon is None or horizon < rec.start else horizon
        return self._connection(rec, None, rec.hashes, rec.outcome or "unknown", seen)

    def dump(self) -> JSON:
        return {"open": [rec.dump() for rec in self.open], "vars": self.dump_vars()}

    def load(self, data: object) -> None:
        if not isinstance(data, dict):
            raise BadState
        records = data.get("open")
        variables = data.get("vars")
        if not isinstance(records, list) or len(records) > MAX_OPEN or not isinstance(
                variables, dict):
            raise BadState
        self.open = [Open.load(item) for item in records]
        self.began = True  # an earlier read of the log: what it began is in the state
        self.load_vars(variables)

    def dump_vars(self) -> JSON:
        return {}

    def load_vars(self, data: JSON) -> None:
        return None

    # -- helpers for subclasses ----------------------------------------------------------
    def orphan_end(self, line: int, when: datetime) -> None:
        """An end line that ends no open connection, at `line`: before any start (of a
        connection or of the process), the log begins during that connection, whose start
        (and partner) are in an earlier file. The first one is kept, to be reported: the
        connection cannot be recorded without its start, and must not vanish unsaid."""
        if not self.began and self.start_missing is None:
            self.start_missing = (line, when)

    def begin(self, key: str, direction: Direction, partner: str | None, start: datetime,
              line: int, text: str, *, tag: str = "", index: int | None = None) -> Open:
        if len(self.open) >= MAX_OPEN:
            # Bounded memory on any input: the oldest open connection is given up, as it
            # would be at the end of the file.
            oldest = self.open.pop(0)
            self.done.append(self._lost(oldest, self.horizon()))
        rec = Open(key, direction, partner, start, line, [line_hash(text)], tag=tag,
                   index=index)
        self.open.append(rec)
        self.began = True
        return rec

    def give_up(self, rec: Open | None) -> None:
        """Report `rec` with its end unknown and forget it: its key was reused while it was
        open (a new session on the same routing index, process or fiber), so its end was
        never logged. It is reported, never silently dropped, and never as still open."""
        if rec is not None:
            self.open.remove(rec)
            self.done.append(self._lost(rec, self.horizon()))

    @staticmethod
    def touch(rec: Open, text: str) -> None:
        """Record that `text` contributed to `rec` (its hash goes into the digest)."""
        if len(rec.hashes) < MAX_HASHES:
            rec.hashes.append(line_hash(text))

    def accept(self, rec: Open | None, text: str) -> None:
        """`rec` was accepted, from `text` on (an acceptance is final: a later denial in the
        log is of another attempt)."""
        if rec is not None and rec.outcome != "accepted":
            rec.outcome = "accepted"
            self.touch(rec, text)

    def fail(self, rec: Open | None, outcome: Outcome, text: str) -> None:
        """`rec` was refused or failed, unless the log already said what became of it."""
        if rec is not None and rec.outcome is None:
            rec.outcome = outcome
            self.touch(rec, text)

    def close(self, rec: Open, end: datetime, text: str, outcome: Outcome) -> None:
        self.touch(rec, text)
        self.open.remove(rec)
        self.done.append(self._connection(rec, end, rec.hashes, outcome))

    def single(self, direction: Direction, partner: str | None, start: datetime,
               end: datetime, line: int, text: str, outcome: Outcome) -> None:
        """A connection given whole by one line (TeamViewer's connection files)."""
        h = line_hash(text)
        self.began = True
        rec = Open(h, direction, partner, start, line, [h])
        self.done.append(self._connection(rec, end, rec.hashes, outcome))

    def latest(self, direction: Direction | None = None, *, partner: object = ANY,
               key: str | None = None, index: int | None = None, tag: str | None = None,
               unnamed: bool = False) -> Open | None:
        """The most recently started open connection matching every given criterion.

        `partner=None` matches nothing: an unreadable partner ID must not end or accept
        whichever connection happens to be open.
        """
        if partner is None:
            return None
        for rec in reversed(self.open):
            if direction is not None and rec.direction != direction:
                continue
            if partner is not ANY and rec.partner != partner:
                continue
            if key is not None and rec.key != key:
                continue
            if index is not None and rec.index != index:
                continue
            if tag is not None and rec.tag != tag:
                continue
            if unnamed and rec.partner is not None:
                continue
            return rec
        return None

    def _connection(self, rec: Open, end: datetime | None, hashes: list[str],
                    outcome: Outcome, seen_until: datetime | None = None) -> Connection:
        if end is not None and end < rec.start:
            end = rec.start  # a clock set back during the connection: never end < start
        return Connection(tool=self.tool, direction=rec.direction, partner_id=rec.partner,
                          start=rec.start, end=end, fmt=self.fmt, line=rec.line,
                          digest=digest_of(hashes), key=hashes[0], outcome=outcome,
                          seen_until=seen_until)


class ConnectionListParser(Parser):
    """A file of one row per connection, written when it ended, and only for established
    ones (TeamViewer's connection lists): each row is a whole, accepted connection."""

    direction: ClassVar[Direction]
    strict = True

    @staticmethod
    def row(text: str) -> tuple[str | None, datetime, datetime] | None:
        """(partner, start, end) of a row, or None if the line is not a row."""
        raise NotImplementedError

    def final_complete(self, text: str) -> bool:
        # Rows start with a newline: the last one never has one after it. A row cut short
        # is no row (its end is not a whole instant); one cut after the end is whole for
        # what sessiond reads of it. A last line that goes on past where a row's end
        # stands (a field after it, TAB-separated or past the 32-character columns) is no
        # row cut short: it is read, and refuses the file if it is no row (unreadable).
        return self.row(text) is not None or text.count("\t") >= 4 or len(
            text.rstrip()) > 3 * 32

    def __init__(self, tz: ZoneInfo | None = None) -> None:
        super().__init__(tz)
        self.stray: int | None = None  # the first line that holds text but is no row

    def feed(self, text: str, line: int) -> None:
        row = self.row(text)
        if row is not None:
            partner, start, end = row
            self.single(self.direction, partner, start, end, line, text, "accepted")
        elif text.strip() and self.stray is None:
            self.stray = line

    def dump_vars(self) -> JSON:
        return {"forced": self.forced}

    def load_vars(self, data: JSON) -> None:
        self.forced = data.get("forced") is True

    def unreadable(self) -> LogFormatError | None:
        # The file holds rows and nothing else (an empty line before the first): a line
        # of text that is no row is a connection the file shows and sessiond would not
        # record (another date layout, TABs lost, a row cut short by an edit), so the
        # file is refused as a whole file of another shape is, never read without it.
        if self.stray is None:
            return None
        return LogFormatError(_(
            "Line {line} of this TeamViewer connection list is not a row sessiond can read "
            "(the partner ID, then the start and the end as DD-MM-YYYY HH:MM:SS in UTC, "
            "separated by TABs or aligned columns): the connection it shows would be "
            "missing, so the file cannot be imported as it is (was it edited or rewritten "
            "by another program?).", line=self.stray))
