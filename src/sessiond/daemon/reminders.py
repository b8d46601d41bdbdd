"""Tranche reminders: N minutes before a running session's bill grows by one tranche.

The bill (`sessiond.billing.bill`) says when the next tranche starts and what it adds;
this module turns that into the instant to remind at. Bills are computed at a whole
second: session instants are whole seconds, so the tranche's instant is exact and the
reminder fires at the right second, not up to a second late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sessiond import clock
from sessiond.billing import NextTranche
from sessiond.i18n import _
from sessiond.model import Session, State
from sessiond.sessions import Sessiond


@dataclass(frozen=True)
class Reminder:
    session_id: str
    tranche_at: datetime  # when the bill grows
    fire_at: datetime  # when to remind
    boundary: int  # worked seconds at which the tranche starts: identifies it
    seconds: int  # length of the tranche
    amount: Decimal  # what it adds to the bill

    @property
    def dedup_key(self) -> str:
        return f"tranche:{self.session_id}:{self.boundary}"


def plan(session_id: str, worked: int, nxt: NextTranche | None, lead: timedelta,
         ) -> Reminder | None:
    """The reminder for the next tranche, or None (paused, stopped, not started)."""
    if nxt is None or nxt.at is None or lead <= timedelta(0):
        return None
    boundary = worked + nxt.seconds_until
    if boundary <= 0:  # the clock has not run yet: the first block is not a "next tranche"
        return None
    return Reminder(session_id, nxt.at, nxt.at - lead, boundary, nxt.seconds, nxt.amount)


def due(reminder: Reminder | None, now: datetime) -> bool:
    return reminder is not None and reminder.fire_at <= now < reminder.tranche_at


def next_tranche(svc: Sessiond, session: Session, now: datetime,
                 ) -> tuple[int, NextTranche | None]:
    """(worked seconds, next tranche) of `session` as its bill says at `now`."""
    from sessiond.billing import bill

    if session.state is not State.RUNNING:
        return 0, None
    policy = svc.policy(session.policy)
    history = svc.history(session.client_id)
    at = clock.whole_second(now)
    b = bill(session, policy, history, at)
    if b.worked_seconds == 0:
        # At the very second the clock starts nothing is billed yet and the "next tranche"
        # is the first block, due at once; one second on, the bill knows the real one.
        b = bill(session, policy, history, at + timedelta(seconds=1))
    return b.worked_seconds, b.next_tranche


def for_session(svc: Sessiond, session: Session, now: datetime, lead: timedelta,
                ) -> Reminder | None:
    worked, nxt = next_tranche(svc, session, now)
    return plan(session.id, worked, nxt, lead)


def message(reminder: Reminder, now: datetime, client: str | None = None) -> str:
    """"Intervention de Mme Dupont : dans 2 min, tranche suivante, +15 min / +12,50 €";
    without `client` (what a notice stores: metadata only) the session's id."""
    left = max(0, int((reminder.tranche_at - now).total_seconds()))
    return wording(client or reminder.session_id, -(-left // 60), reminder.seconds,
                   reminder.amount)


def wording(who: str, minutes: int, seconds: int, amount: Decimal) -> str:
    """The reminder's sentence, shared by the desktop notification and the TUI's toast."""
    from sessiond.billing.text import duration, money

    return _("Session with {client}: in {minutes} min, next tranche, +{length} / +{amount}",
             client=who, minutes=minutes, length=duration(seconds), amount=money(amount))
