"""Re-interventions under warranty (`session new --warranty-of SESSION`): what they cost.

The five documents differ, and the policy's `[warranty]` says which way: a re-intervention
made necessary by the earlier work is free (Micro-Alpes 10 within ten days, travel too; VLH
6.3 within two months; FGDMI III.3 with no limit; MRI87 16.2, claimed within 24 hours), or
the terms only promise a suitable solution (MD 11: billed as any session). One caused by the
client is not covered: billed as any session, or, under MRI87 16.2, a flat half hour taken
from his prepaid credit (`[credit.warranty]`) when he claimed within the warranty's 24
hours (a later claim is no warranty case at all). A cancelled session, or one that never
started, is never an earlier intervention.

Pure: a session, its policy and the client's other sessions in, a decision out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sessiond import clock, labels
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.law.periods import period_end, recorded_zone
from sessiond.model import Session
from sessiond.policy.schema import Policy, WarrantyTerms


@dataclass(frozen=True)
class Decision:
    """How a warranty re-intervention is billed, and the sentence the bill says it with."""

    earlier: str  # the session it re-does
    cause: str
    free: bool  # its time (and, with covers_fees, its fees) is not billed
    covers_fees: bool
    flat_seconds: int | None  # billed this much, whatever the time worked (MRI87 16.2)
    article: str | None
    note: str


def planned(session: Session) -> Mapping[str, Any]:
    """The body of the session's session-planned event (what it was planned with)."""
    first = session.events[0] if session.events else None
    return first.body if first is not None and first.kind == "session-planned" else {}


def ordered_at(session: Session) -> datetime:
    """When the session was ordered: its --ordered-at, else when it was planned."""
    text = planned(session).get("ordered_at")
    return clock.from_text(text) if text else session.planned_at


def decide(session: Session, policy: Policy, sessions: Mapping[str, Session],
           ) -> Decision | None:
    """None when the session is no warranty re-intervention. `sessions`: the client's
    sessions by id (the earlier one among them)."""
    body = planned(session)
    earlier_id = body.get("warranty_of")
    if not earlier_id:
        return None
    cause = body.get("warranty_cause") or "intervention"
    terms = policy.warranty
    article = terms.article if terms is not None else None
    earlier = sessions.get(earlier_id)
    if earlier is None or earlier.cancelled or earlier.started_at is None:
        return Decision(earlier_id, cause, False, False, None, article, _(
            "Session {session} is no earlier intervention of this client (cancelled, never "
            "started, or another client's): billed as any session", session=earlier_id))
    end = earlier.stopped_at or earlier.started_at
    order = ordered_at(session)
    late = terms is not None and terms.free and _beyond(terms, end, earlier.events[-1].tz,
                                                         order)
    if cause != "intervention":
        flat = policy.credit.warranty if policy.credit is not None else None
        if cause == "client" and flat is not None:
            # MRI87 16.2: the flat half hour is the price of "une nouvelle assistance à
            # distance pour l'application de la garantie", and the warranty is applied only
            # to a claim made "dans un délai maximum de 24h [...] sous peine de déchéance":
            # a later claim is no warranty case at all, but an ordinary intervention.
            if late:
                return _too_late(earlier_id, cause, terms, end, order)
            return Decision(earlier_id, cause, False, False, flat.seconds, flat.article, _(
                "Re-intervention for session {session}, made necessary by the client: the "
                "warranty does not apply, a flat {flat} is due, taken from the prepaid "
                "credit (art. {article})", session=earlier_id,
                flat=_duration(flat.seconds), article=flat.article))
        why = labels.warranty_cause(cause)
        if terms is None:
            return Decision(earlier_id, cause, False, False, None, None, _(
                "Re-intervention for session {session}, made necessary by {why}: billed as "
                "any session", session=earlier_id, why=why))
        return Decision(earlier_id, cause, False, False, None, article, _(
            "Re-intervention for session {session}, made necessary by {why}: not covered by "
            "the warranty (art. {article}), billed as any session", session=earlier_id,
            why=why, article=article))
    if terms is None:
        return Decision(earlier_id, cause, False, False, None, None, _(
            "Re-intervention for session {session}: these terms state no warranty, billed "
            "as any session", session=earlier_id))
    if not terms.free:
        return Decision(earlier_id, cause, False, False, None, article, _(
            "Re-intervention for session {session}: the terms promise a suitable solution, "
            "not a free one (art. {article}); billed as any session", session=earlier_id,
            article=article))
    if late:
        return _too_late(earlier_id, cause, terms, end, order)
    covered = (_("free, its fees included") if terms.covers_fees else _("its time is free"))
    return Decision(earlier_id, cause, True, terms.covers_fees, None, article, _(
        "Re-intervention under warranty for session {session}, made necessary by that "
        "intervention: {covered} (art. {article})", session=earlier_id, covered=covered,
        article=article))


def _too_late(earlier_id: str, cause: str, terms: WarrantyTerms | None, end: datetime,
              order: datetime) -> Decision:
    assert terms is not None
    return Decision(earlier_id, cause, False, False, None, terms.article, _(
        "Re-intervention for session {session}, ordered {late} after it ended: beyond the "
        "warranty of {window} (art. {article}), billed as any session",
        session=earlier_id, late=_duration(int((order - end).total_seconds())),
        window=_window(terms), article=terms.article))


def credit_seconds(session: Session, policy: Policy, sessions: Mapping[str, Session],
                   billed: int) -> int:
    """What the session takes from a prepaid credit, `billed` being its tranches."""
    decision = decide(session, policy, sessions)
    if decision is None or billed <= 0:
        return billed
    if decision.free:
        return 0
    return decision.flat_seconds or billed


def _beyond(terms: WarrantyTerms, end: datetime, tz_name: str, order: datetime) -> bool:
    """Was the re-intervention ordered past the warranty of an intervention that ended at
    `end`? Hours run from the instant, their last one included (MRI87 16.2: "dans un délai
    maximum de 24h à compter de l'exécution": 24 h after is still within it); days and
    months from the date, to 24:00 of their last day (VLH 6.3 "à compter de la date de fin
    d'intervention", Micro-Alpes 10 "dans les dix jours": law.periods, whose end is the
    first instant past)."""
    if terms.window_hours is not None:
        return order > end + timedelta(hours=terms.window_hours)
    if terms.window_days is not None or terms.window_months is not None:
        return order >= period_end(end, recorded_zone(tz_name), days=terms.window_days or 0,
                                   months=terms.window_months or 0)
    return False


def _window(terms: WarrantyTerms) -> str:
    if terms.window_hours is not None:
        return n_(terms.window_hours, "{n} hour", "{n} hours")
    if terms.window_days is not None:
        return n_(terms.window_days, "{n} day", "{n} days")
    months = terms.window_months or 0
    return n_(months, "{n} month", "{n} months")


def _duration(seconds: int) -> str:
    from sessiond.billing.text import duration

    if seconds >= 2 * 86400:
        return n_(seconds // 86400, "{n} day", "{n} days")
    return duration(seconds)
