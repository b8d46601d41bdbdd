"""Who a discount of the terms is for (VLH 5.5): new clients, and clients who referred one.

- New client: the 30 % of a first intervention is not his when the technician knew him
  before sessiond (`client add --known-since DATE`, a day before this session).
- Referral: each referral recorded on the client (`client referral`, once the new client is
  confirmed: he had an intervention and paid it) gives the discount to the client's next
  intervention, the one running or still to come when the referral was recorded ("lors de
  sa prochaine intervention"), if it starts within the discount's validity (one year, to
  24:00 of the day that bears the referral's date: law.periods; past it, the bill of that
  intervention says the discount lapsed and when: lapsed_referral). One
  referral per intervention; a second one goes to the intervention after. A re-intervention
  under warranty that is free (VLH 6.3) has no price to take 10 % from: it does not use
  the referral up.

Pure: the client's sessions and client events (his record, his referrals) in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, timedelta

from sessiond.law.periods import period_end, recorded_zone
from sessiond.model import Event, Session
from sessiond.policy.schema import Discount


def known_since(client_events: Iterable[Event]) -> date | None:
    """The earliest day the client (or a duplicate merged into him) was known before
    sessiond; None when nobody said."""
    days = [date.fromisoformat(e.body["known_since"]) for e in client_events
            if e.kind == "client-added" and e.body.get("known_since")]
    return min(days) if days else None


def known_before(client_events: Iterable[Event], session: Session) -> date | None:
    """The known-since day when it comes before the session's own day (so the session is
    not the first intervention for this client); None otherwise."""
    since = known_since(client_events)
    start = session.started_at or session.planned_at
    # The known-since day is a day of the technician's calendar: the session's day is read
    # in the zone it was recorded in, not in UTC (00:30 in Paris is still the day before
    # in UTC).
    zone = recorded_zone(session.events[0].tz) if session.events else None
    day = start.astimezone(zone).date() if zone is not None else start.date()
    return since if since is not None and since < day else None


def referral_for(session: Session, sessions: Iterable[Session],
                 client_events: Iterable[Event], discount: Discount, *,
                 free: Collection[str] = ()) -> Event | None:
    """The referral whose discount goes to `session`, if any. `free`: the sessions whose
    time is not billed (a re-intervention under warranty): no price to take the discount
    from, so they do not use it up; it waits for the next intervention that is billed."""
    given, _lapsed = _referrals(session, sessions, client_events, discount, free)
    return given


def lapsed_referral(session: Session, sessions: Iterable[Session],
                    client_events: Iterable[Event], discount: Discount, *,
                    free: Collection[str] = ()) -> tuple[Event, date] | None:
    """The referral whose next intervention `session` is, but whose discount was lost
    before it started ("la remise, valable 1 an"), with the last day it was valid; None
    when the session has a referral's discount, or no lapsed referral was waiting for it."""
    given, lapsed = _referrals(session, sessions, client_events, discount, free)
    return None if given is not None else lapsed


def _referrals(session: Session, sessions: Iterable[Session],
               client_events: Iterable[Event], discount: Discount,
               free: Collection[str]) -> tuple[Event | None, tuple[Event, date] | None]:
    """Walk the referrals in order, each to the client's next intervention: the one given
    to `session`, and the last one that lapsed before `session` was its next."""
    referrals = sorted((e for e in client_events if e.kind == "referral-recorded"),
                       key=lambda e: (e.at, e.seq))
    if not referrals:
        return None, None
    candidates = {s.id: s for s in sessions if not s.cancelled and s.started_at is not None
                  and s.id not in free}
    if session.started_at is not None and not session.cancelled and session.id not in free:
        candidates[session.id] = session
    ordered = sorted(candidates.values(),
                     key=lambda s: (s.started_at, s.planned_at, s.id))
    taken: set[str] = set()
    lapsed: tuple[Event, date] | None = None
    for referral in referrals:
        zone = recorded_zone(referral.tz)
        until = (period_end(referral.at, zone, months=discount.validity_months)
                 if discount.validity_months else None)
        for candidate in ordered:
            assert candidate.started_at is not None
            if candidate.id in taken:
                continue
            if candidate.stopped_at is not None and candidate.stopped_at < referral.at:
                continue  # over before the client mentioned it: not his next intervention
            if until is not None and candidate.started_at >= until:
                # the discount was lost before this intervention
                if candidate.id == session.id:
                    lapsed = (referral, (until - timedelta(seconds=1)).astimezone(zone).date())
                break
            taken.add(candidate.id)
            if candidate.id == session.id:
                return referral, lapsed
            break
    return None, lapsed
