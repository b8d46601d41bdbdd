"""Proof that the events behind a receipt or an export are still in the log, unchanged.

A signed checkpoint proves that the log still holds the event it signs. A receipt or an
export also prints an *events line*: which sessions it covers (one session, or the
sessions of a range of local days: `started` those that started then, as exports select
them; `paid` those with a payment then, for the livre des recettes; `days`, the first
exports' selection, those planned, started or stopped then), the `receipt-issued` or
`export-made` event it was issued with (`upto`), and a SHA-256 over the (seq, hash) of
every event of those sessions before that event. The same digest is stored in that
event's body, which the checkpoint covers, so the printed line cannot be edited without
the verification noticing; and the digest is recomputed from the log, so a deleted,
altered or rolled-back event of those sessions shows up as a mismatch, even where the
chain itself was rebuilt.

The line uses only `;`, `=`, `:`, `/` and word characters: like the checkpoint, it
survives PDF text extraction and line wrapping (whitespace is ignored when reading it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sessiond import clock
from sessiond.audit.verify import Problem
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.model import MONEY_KINDS
from sessiond.store.sqlite import Store

MARKER = "SESSIOND-EVENTS"
_DOMAIN = b"sessiond-events-v1\n"
_FIELDS = re.compile(
    r"v1;scope=(?P<scope>session:[a-z0-9-]{1,40}|(?:days|started|paid):[0-9]{4}-[0-9]{2}-[0-9]{2}:"
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}:"
    r"[A-Za-z0-9_+\-/]{1,60});upto=(?P<upto>[0-9]+);sessions=(?P<sessions>[0-9]+);"
    r"events=(?P<events>[0-9]+);sha256=(?P<digest>[0-9a-f]{64})"
)
# The kinds that placed a session on a day in the first exports ("days" scopes).
DAY_KINDS = ("session-planned", "session-started", "session-stopped")
# "started" scopes: a session belongs to the local day it started (a never-started one
# with a fee, to the day of the fee). Candidates: the sessions whose recorded start (or
# fee) is in the range, and those with a start amended into it (`instant-amended` holds
# the corrected instant; corrections are few, so all of them are read); the rows keep
# only the sessions whose corrected start falls in the range, and the digest covers every
# candidate.
START_KINDS = ("session-started", "fee-added")
BASES = ("days", "started", "paid")


@dataclass(frozen=True)
class Scope:
    """What a document covers: one session, or the sessions of local days FIRST to LAST."""

    session_id: str | None = None
    first: date | None = None
    last: date | None = None
    tz: str | None = None
    basis: str = "days"  # for days scopes: days, started or paid (see BASES)

    @classmethod
    def session(cls, session_id: str) -> Scope:
        return cls(session_id=session_id)

    @classmethod
    def days(cls, first: date, last: date, tz: str, basis: str = "days") -> Scope:
        return cls(first=first, last=last, tz=tz, basis=basis)

    @classmethod
    def started(cls, first: date, last: date, tz: str) -> Scope:
        return cls.days(first, last, tz, "started")

    @classmethod
    def paid(cls, first: date, last: date, tz: str) -> Scope:
        return cls.days(first, last, tz, "paid")

    @classmethod
    def parse(cls, text: str) -> Scope:
        kind, _sep, rest = text.partition(":")
        if kind == "session":
            return cls.session(rest)
        if kind not in BASES:
            raise ValueError(kind)
        first, last, tz = rest.split(":", 2)
        return cls.days(date.fromisoformat(first), date.fromisoformat(last), tz, kind)

    def text(self) -> str:
        if self.session_id is not None:
            return f"session:{self.session_id}"
        assert self.first is not None and self.last is not None and self.tz is not None
        return f"{self.basis}:{self.first.isoformat()}:{self.last.isoformat()}:{self.tz}"

    @property
    def issued_kind(self) -> str:
        """The kind of the event a document of this scope is issued with."""
        return "receipt-issued" if self.session_id is not None else "export-made"

    def describe(self) -> str:
        if self.session_id is not None:
            return _("the receipt of session {session}", session=self.session_id)
        assert self.first is not None and self.last is not None
        if self.basis == "paid":
            return _("the book of takings of {first} to {last}", first=long_date(self.first),
                     last=long_date(self.last))
        if self.first == self.last:
            return _("the export of {day}", day=long_date(self.first))
        return _("the export of {first} to {last}", first=long_date(self.first),
                 last=long_date(self.last))


@dataclass(frozen=True)
class EventsProof:
    scope: Scope
    upto: int  # seq of the receipt-issued / export-made event; covers the events before it
    sessions: int
    events: int
    digest: str

    def text(self) -> str:
        return (f"{MARKER} v1;scope={self.scope.text()};upto={self.upto};"
                f"sessions={self.sessions};events={self.events};sha256={self.digest}")


def digest(events: Iterable[tuple[str, int, str]]) -> tuple[int, str]:
    """(count, SHA-256) over (session id, seq, hash) triples, in session then log order."""
    h = hashlib.sha256(_DOMAIN)
    count = 0
    current = None
    for session_id, seq, event_hash in sorted(events):
        if session_id != current:
            h.update(f"session {session_id}\n".encode())
            current = session_id
        h.update(f"{seq} {event_hash}\n".encode())
        count += 1
    return count, h.hexdigest()


def covered_sessions(store: Store, scope: Scope, upto: int | None = None) -> list[str]:
    """The sessions a scope covers, as the log stood before event `upto` (None: now)."""
    if scope.session_id is not None:
        return [scope.session_id]
    assert scope.first is not None and scope.last is not None and scope.tz is not None
    tz = ZoneInfo(scope.tz)
    first, last = scope.first, scope.last
    kinds: tuple[str, ...] = DAY_KINDS
    if scope.basis == "started":
        kinds = START_KINDS
    elif scope.basis == "paid":
        kinds = MONEY_KINDS
    lo = clock.local_day_bounds(first, tz)[0]
    hi = clock.local_day_bounds(last, tz)[1]
    rows = store.events_of_kind_between(kinds, clock.to_text(lo), clock.to_text(hi),
                                        upto=upto)
    found = {r.session_id for r in rows if r.session_id}
    if scope.basis == "started":
        for row in store.events_of_kind("instant-amended"):
            at = row.body_fields().get("at")
            if (row.session_id and (upto is None or row.seq < upto) and isinstance(at, str)
                    and lo <= clock.from_text(at) < hi):
                found.add(row.session_id)
    return sorted(found)


def covered_events(store: Store, session_ids: Sequence[str],
                   upto: int | None = None) -> list[tuple[str, int, str]]:
    """(session id, seq, hash) of the events of those sessions before event `upto`."""
    return [(session_id or "", seq, event_hash) for session_id, seq, event_hash
            in store.sessions_event_hashes(session_ids, upto=upto)]


def make_proof(store: Store, scope: Scope, upto: int) -> EventsProof:
    """The proof of what `scope` holds before event `upto` (inside the issuing transaction)."""
    ids = covered_sessions(store, scope, upto)
    count, hex_digest = digest(covered_events(store, ids, upto))
    return EventsProof(scope, upto, len(ids), count, hex_digest)


def parse_proofs(text: str) -> list[EventsProof]:
    """Every events line printed in `text` (a receipt or an export, PDF bytes included)."""
    found = []
    for part in text.split(MARKER)[1:]:
        compact = re.sub(r"\s+", "", part[:600])
        match = _FIELDS.match(compact)
        if not match:
            continue
        try:
            scope = Scope.parse(match["scope"])
        except ValueError:
            continue
        found.append(EventsProof(scope, int(match["upto"]), int(match["sessions"]),
                                 int(match["events"]), match["digest"]))
    return found


def check_proof(store: Store, proof: EventsProof) -> list[Problem]:
    """Problems with one printed events line; empty when the log still matches it."""
    what = proof.scope.describe()
    last = store.tail()[0]
    issued = store.event_at(proof.upto)
    if issued is None:
        return [Problem(proof.upto, _(
            "{what} covers the log up to event #{upto} but the log ends at event #{last}: "
            "the log was truncated or rolled back", what=what, upto=proof.upto, last=last))]
    body = issued.body_fields()
    if (issued.kind != proof.scope.issued_kind or body.get("digest") != proof.digest
            or (proof.scope.session_id is not None
                and issued.session_id != proof.scope.session_id)):
        return [Problem(proof.upto, _(
            "{what} was issued with event #{upto}, but the log holds another event there "
            "(the log was rewritten)", what=what, upto=proof.upto))]
    try:
        ids = covered_sessions(store, proof.scope, proof.upto)
    except (ZoneInfoNotFoundError, ValueError):
        return [Problem(None, _("{what}: its events line names an unknown time zone",
                                what=what))]
    count, hex_digest = digest(covered_events(store, ids, proof.upto))
    if (len(ids), count, hex_digest) != (proof.sessions, proof.events, proof.digest):
        return [Problem(None, _(
            "{what}: the sessions' events are not those it was issued with ({printed} events "
            "of {sessions} printed, {found} of {found_sessions} in the log): "
            "events were deleted, altered or rolled back", what=what, printed=proof.events,
            sessions=n_(proof.sessions, "{n} session", "{n} sessions"), found=count,
            found_sessions=len(ids)))]
    return []
