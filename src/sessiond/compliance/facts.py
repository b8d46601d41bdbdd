"""What a rule sees: the session's events and the facts around them, gathered once.

Rules are pure functions of `Facts`. The same rules answer two questions: "was this
session kept to the terms?" (`check`, the start is the recorded one) and "what do the terms
still ask for before I start?" (`requirements`, the start is a hypothetical one, now, after
every event recorded so far). `start` and `start_seq` carry that difference; a rule only
asks `before_start(event)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from sessiond.i18n import _
from sessiond.model import AMENDABLE, Event, Session, State

if TYPE_CHECKING:
    from decimal import Decimal

    from sessiond.billing import History
    from sessiond.compliance.evidence import Observed
    from sessiond.model import Client
    from sessiond.policy import Policy

# Orders events by their declared instant, then by their place in the log.
Key = tuple[datetime, float]


class Overlap(NamedTuple):
    """A stretch when a session's clock ran while `other`'s ran too (Sessiond.overlaps):
    the same minutes timed, so billed, twice."""

    other: str
    start: datetime
    end: datetime
    same_client: bool
    # the other session's starts, pauses, resumes and stops (and the amendments that set
    # their instants) at the stretch's ends: what shows it in that session's log
    events: tuple[int, ...] = ()


def bounding(session: Session, start: datetime, end: datetime) -> tuple[int, ...]:
    """The seq of the session's clock events dated at `start` or `end` (with the
    amendment that set each instant, if any): the events that show a stretch of its
    clock begin and end there."""
    found = [e.seq for e in session.events if e.kind in AMENDABLE and e.at in (start, end)]
    # the last amendment of an instant is the one in force (model.effective)
    last = {e.body["corrects"]: e.seq for e in session.events if e.kind == "instant-amended"}
    return tuple(sorted({*found, *(last[s] for s in found if s in last)}))


@dataclass(frozen=True)
class Facts:
    session: Session
    client: Client
    client_seq: int | None  # the client-added event: status and country come from it
    policy: Policy
    now: datetime
    tz: tzinfo
    start: datetime | None  # the declared start (or the hypothetical one); None: not started
    start_seq: int | None  # None with a start: the start is not recorded yet
    at_stop: bool = False  # the check that runs inside the stop's transaction
    history: History | None = None  # the client's sessions and credit (prepaid rules)
    receipts_in_log: bool = False  # some receipt was issued already
    # what the remote-control tool logged of this session, in start order
    connections: tuple[Observed, ...] = ()
    # the invoices and credit notes that cover this session, in log order
    invoices: tuple[Event, ...] = ()
    # what the sessions of its standing invoice are billed now (None: no standing invoice,
    # or one that cannot be priced): a correction of the client's history changes it with
    # no event of the session's own
    invoiced_now: Decimal | None = None
    # what the session is billed now, when its last receipt states its amount: the same
    # for its receipt
    receipted_now: Decimal | None = None
    # where its clock ran while another session's ran too, in the order of the others
    overlaps: tuple[Overlap, ...] = ()
    # the session's events as stored, when an instant was amended or the session moved
    # after its receipt or invoice (model.undone_corrections: a correction undone by a
    # later one corrects nothing)
    stored: tuple[Event, ...] = ()

    @property
    def started(self) -> bool:
        return self.start is not None

    @property
    def stopped(self) -> bool:
        return self.session.state is State.STOPPED

    def events(self, *kinds: str) -> list[Event]:
        return [e for e in self.session.events if e.kind in kinds]

    def first(self, kind: str) -> Event | None:
        return next(iter(self.events(kind)), None)

    @staticmethod
    def key(event: Event) -> Key:
        return (event.at, float(event.seq))

    def start_key(self) -> Key:
        assert self.start is not None
        return (self.start, float(self.start_seq) if self.start_seq is not None else
                float("inf"))

    def before_start(self, event: Event) -> bool:
        """Declared before the start (an event of the same second counts if logged first).

        The declared instant wins over the log order: a technician who records the quote
        after starting, with `--at` at the time it was signed, recorded a fact that held
        before the start (`clock-consistent` reports the late recording itself).
        """
        return self.started and self.key(event) < self.start_key()

    def start_events(self) -> Iterator[int]:
        """The seq of the start (nothing when it is hypothetical), and of the amendment
        that set its instant, if any: the start a finding speaks of is the corrected one."""
        if self.start_seq is not None:
            yield self.start_seq
            yield from self.amended(self.start_seq)

    def stop_events(self) -> list[int]:
        """The seq of the stops, each with the amendment that set its instant, if any."""
        return [s for e in self.events("session-stopped")
                for s in (e.seq, *self.amended(e.seq))]

    def amended(self, seq: int) -> Iterator[int]:
        """The seq of the amendment that set the instant of event `seq` (the last one
        wins, model.effective), if any."""
        amendments = [e.seq for e in self.session.events
                      if e.kind == "instant-amended" and e.body["corrects"] == seq]
        if amendments:
            yield amendments[-1]

    def local(self, instant: datetime, *, seconds: bool = False) -> str:
        """An instant inside a finding's sentence: "1er décembre 2026 à 09:44" (after
        "le"/"on" in the sentence), never an ISO date; `seconds`: "à 09:44:01", for two
        instants of one minute. In the hour the clocks go back the same wall time comes
        twice: its UTC offset says which ("à 02:10 (UTC+01:00)")."""
        from sessiond import clock
        from sessiond.i18n.dates import long_date

        local = instant.astimezone(self.tz)
        time = clock.local_wall(instant, self.tz, "%H:%M:%S" if seconds else "%H:%M")
        return _("{day} at {time}", day=long_date(local.date()), time=time)
