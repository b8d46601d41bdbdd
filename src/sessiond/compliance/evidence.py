"""Evidence from the remote-control tool, as the log holds it, and how it finds its session.

A connection read from TeamViewer's, AnyDesk's or RustDesk's own log becomes a
`connection-observed` event of the session it is matched to (its partner ID sealed under
that client's key); a connection recorded while still open is completed later by one
`connection-closed` event that names it, and one read again still without its end but
further by a `connection-seen` event (its new `seen_until`). `observed` folds those events back into
connections; `match` decides which session a connection belongs to. Both are pure: the
service gathers the events and the candidate sessions.

Matching, in this order:
1. the technician said so (he answered the daemon's question "start S?" for it);
2. the session's partner ID (`session new --partner-id`) equals the connection's, and the
   connection is within `PARTNER_MARGIN` of the session (from its planning to its stop);
   among several, the one whose running time is nearest to the connection's opening (a
   connection is the session's it was opened in), then the nearest;
3. the connection overlaps the running time of a remote session of the same tool, give or
   take `TIME_MARGIN` (a connection opened a few minutes before the start is that session's:
   it is what `remote-access-before-consent` is about); a session planned with another
   partner ID comes after one planned with none, then the largest overlap.
A connection that matches no session is not recorded: a personal field cannot be sealed
without a client, and a connection of no session proves nothing about one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.model import Event, Session
from sessiond.partner import normalise_partner

PARTNER_MARGIN = timedelta(hours=2)
TIME_MARGIN = timedelta(minutes=15)
KINDS = ("connection-observed", "connection-closed", "connection-seen")



@dataclass(frozen=True)
class Observed:
    """One connection as the log holds it (its closing applied)."""

    seq: int  # the connection-observed event
    session_id: str
    tool: str
    direction: str
    fmt: str
    outcome: str
    start: datetime  # UTC, to the second
    end: datetime | None  # None: still open when last seen, or end unknown (seen_until)
    key: str
    digest: str
    matched_by: str
    last_seen: datetime  # when sessiond last read it in the tool's log (recorded_at)
    events: tuple[int, ...]  # the seq of its events (observed, then closed)
    personal: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)
    # Read from a whole log that has no end for it, up to this instant: its end is
    # unknown (the log stops there, or its end line is missing), not "still open".
    seen_until: datetime | None = None

    @property
    def end_unknown(self) -> bool:
        return self.end is None and self.seen_until is not None

    @property
    def accepted(self) -> bool:
        """Only an established session counts as a connection to the client."""
        return self.outcome == "accepted"

    @property
    def partner_id(self) -> str | None:
        """The partner ID (decrypted on demand; None if absent or the client is erased)."""
        value = self.personal.get("partner_id") if self.personal else None
        return normalise_partner(value) if isinstance(value, str) else None

    def other_machine(self, partner: str | None) -> bool:
        """Whether this connection reached another machine than the client's, the session
        being planned with `partner` (None: with none). Only an outgoing connection's
        partner ID is the machine it reached. An incoming one names the machine that
        connected to the one whose log it is: matched to the session (by time, say), it is
        access to the client's computer, whichever ID it names (the technician's, a
        colleague's), never a machine reached elsewhere."""
        return (self.direction == "outgoing" and partner is not None
                and self.partner_id is not None and self.partner_id != partner)


def observed(events: Iterable[Event]) -> list[Observed]:
    """The connections among `events` (any order of seq), in the order they started."""
    found: dict[int, Observed] = {}
    closings: list[Event] = []
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind == "connection-observed" and event.session_id is not None:
            b = event.body
            found[event.seq] = Observed(
                seq=event.seq, session_id=event.session_id, tool=b["tool"],
                direction=b["direction"], fmt=b["format"], outcome=b["outcome"],
                start=clock.from_text(b["start"]),
                end=clock.from_text(b["end"]) if b.get("end") else None, key=b["key"],
                digest=b["digest"], matched_by=b["matched_by"],
                last_seen=event.recorded_at, events=(event.seq,), personal=event.personal,
                seen_until=(clock.from_text(b["seen_until"]) if b.get("seen_until") and
                            not b.get("end") else None))
        elif event.kind in ("connection-closed", "connection-seen"):
            closings.append(event)
    for event in closings:  # in seq order
        seen = found.get(event.body["observed"])
        if seen is None or seen.end is not None:
            continue  # a second closing (two importers raced) changes nothing
        if event.kind == "connection-seen":
            # Read again without its end, further: the log shows it that much longer.
            until = clock.from_text(event.body["seen_until"])
            if seen.seen_until is None or until > seen.seen_until:
                found[seen.seq] = replace(seen, seen_until=until,
                                          last_seen=event.recorded_at,
                                          events=(*seen.events, event.seq))
            continue
        end = max(clock.from_text(event.body["end"]), seen.start)
        found[seen.seq] = Observed(
            seq=seen.seq, session_id=seen.session_id, tool=seen.tool,
            direction=seen.direction, fmt=seen.fmt, outcome=event.body["outcome"],
            start=seen.start, end=end, key=seen.key, digest=event.body["digest"],
            matched_by=seen.matched_by, last_seen=event.recorded_at,
            events=(*seen.events, event.seq), personal=seen.personal)
    return sorted(found.values(), key=lambda o: (o.start, o.seq))


def connected_seconds(connections: Iterable[Observed], until: datetime,
                      within: Sequence[tuple[datetime, datetime]] | None = None) -> int:
    """Seconds connected (accepted connections only, overlaps counted once); a connection
    still open counts until `until`, one whose end the log does not have until the log's
    last instant (what the log shows of it, no more). With `within` (spans, e.g. when the
    clock ran), only the time inside them counts."""
    whole = [(c.start, c.end or max(c.seen_until or until, c.start)) for c in connections
             if c.accepted]
    if within is not None:
        whole = [(max(a, w[0]), min(b, w[1])) for a, b in whole for w in within
                 if min(b, w[1]) > max(a, w[0])]
    spans = sorted(whole)
    total = timedelta(0)
    current: tuple[datetime, datetime] | None = None
    for start, end in spans:
        if current is not None and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            total += current[1] - current[0]
        current = (start, end)
    if current is not None:
        total += current[1] - current[0]
    return int(total.total_seconds())


def log_zone(tool: str, local: ZoneInfo) -> ZoneInfo:
    """The zone a tool's log is read in where its lines carry none.

    AnyDesk's traces have no zone: they are read as UTC, as the forensic tools that parse
    them do (dissect, rvt2, artemis); no sample here proves it (see the README). TeamViewer's
    log states its offset in each start-up header and is read in the local zone when that
    agrees (DST changes inside the file are then followed); its connection files are UTC;
    RustDesk writes the offset on every line.
    """
    return ZoneInfo("UTC") if tool == "anydesk" else local


# --- matching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Sighting:
    """What matching needs of a connection read from a log."""

    tool: str
    partner: str | None  # normalised
    start: datetime
    end: datetime | None  # None: still open


@dataclass(frozen=True)
class Candidate:
    """A session that might be the connection's, with its partner ID (normalised)."""

    session: Session
    partner: str | None


@dataclass(frozen=True)
class Recorded:
    """What the service did with one connection read from a log."""

    session_id: str | None  # None: no session matches; nothing was recorded
    new: bool  # an event was appended (connection-observed, or its closing)
    seq: int | None  # that event
    matched_by: str | None


def _gap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> timedelta:
    """How far apart two spans are (zero when they overlap or touch)."""
    return max(timedelta(0), max(a[0], b[0]) - min(a[1], b[1]))


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> timedelta:
    return max(timedelta(0), min(a[1], b[1]) - max(a[0], b[0]))


def _opened_in(instant: datetime, session: Session, first: datetime, last: datetime
               ) -> tuple[timedelta, int]:
    """How far the connection's opening is from the session's running time (or, for a
    session not started yet, from its planning to now), started sessions first on a tie.

    A connection belongs to the session it was opened in: one that runs on past the stop
    into the next session of the same partner is the first one's (left open after its
    stop), not the second's (opened before its consent)."""
    if session.started_at is not None:
        span, waiting = (session.started_at, session.stopped_at or max(last,
                                                                        session.started_at)), 0
    else:
        span, waiting = (first, last), 1
    return max(timedelta(0), span[0] - instant, instant - span[1]), waiting


def match(sighting: Sighting, candidates: Sequence[Candidate], now: datetime
          ) -> tuple[str, str] | None:
    """(session id, how) of the session this connection belongs to, or None."""
    span = (sighting.start, sighting.end or max(now, sighting.start))
    live = [c for c in candidates if not c.session.cancelled]
    if sighting.partner is not None:
        near: list[tuple[tuple[timedelta, int], timedelta, int, Candidate]] = []
        for order, c in enumerate(live):
            if c.partner != sighting.partner:
                continue
            s = c.session
            first = min(s.planned_at, s.started_at or s.planned_at)
            last = s.stopped_at or max(now, first)
            gap = _gap(span, (first, last))
            if gap <= PARTNER_MARGIN:
                near.append((_opened_in(sighting.start, s, first, last), gap, -order, c))
        if near:
            return min(near, key=lambda t: (t[0], t[1], t[2]))[3].session.id, "partner-id"
    best: tuple[tuple[int, timedelta, int], Candidate] | None = None
    for order, c in enumerate(live):
        s = c.session
        if s.started_at is None or s.mode != "remote" or s.tool != sighting.tool:
            continue
        running = (s.started_at - TIME_MARGIN, (s.stopped_at or max(now, s.started_at))
                   + TIME_MARGIN)
        if _gap(span, running) > timedelta(0):
            continue
        # A session planned with another partner ID than the connection's is known not to
        # be its own: one that names none (or a connection that names none) comes first.
        named_other = int(sighting.partner is not None and c.partner is not None)
        rank = (-named_other, _overlap(span, running), order)
        if best is None or rank > best[0]:
            best = (rank, c)
    return (best[1].session.id, "time") if best is not None else None


def session_partner(session: Session) -> str | None:
    """The partner ID the session was planned with (normalised), if any and readable."""
    planned = next((e for e in session.events if e.kind == "session-planned"), None)
    value = planned.personal.get("partner_id") if planned and planned.personal else None
    return normalise_partner(value) if isinstance(value, str) else None
