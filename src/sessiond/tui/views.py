"""What the screens show, loaded on the store thread (see backend.py).

A view is a frozen snapshot of projections the services compute; the screens only format
it. Anything that depends on the current instant (the clock, the bill of a running
session) is computed from the view and `now` at each tick, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sessiond.billing import Bill, History, bill, worked_seconds
from sessiond.billing.statement import CreditStatement, credit_statement
from sessiond.compliance import Requirement
from sessiond.errors import InputError
from sessiond.exports.sources import Compliance, Ledger
from sessiond.model import PAYMENT_METHODS, Client, Event, Session, State
from sessiond.policy import Listed, Policy, list_policies
from sessiond.sessions import Sessiond


@dataclass(frozen=True)
class SessionView:
    session: Session
    client: Client
    policy: Policy | None
    policy_error: str | None  # why the session's policy could not be read
    partner_id: str | None
    problems: tuple[str, ...]
    history: History  # the client's other sessions and credit, for the bill
    # The terms: what a planned session still needs before its start; for a started one,
    # the check recorded at its stop, or a check run at load time (open, or facts since).
    requirements: tuple[Requirement, ...] = ()
    compliance: Compliance | None = None

    @property
    def id(self) -> str:
        return self.session.id

    @property
    def state(self) -> State:
        return self.session.state

    def facts(self, kind: str) -> list[Event]:
        return [e for e in self.session.events if e.kind == kind]

    def last(self, kind: str) -> Event | None:
        found = self.facts(kind)
        return found[-1] if found else None

    def worked(self, now: datetime) -> int:
        """Worked seconds as billing counts them (pauses and reviewed spans excluded)."""
        return worked_seconds(self.session, now)

    def bill(self, now: datetime) -> Bill | None:
        """The bill as of `now`; None when it cannot be priced (see `bill_problem`)."""
        if self.policy is None:
            return None
        try:
            return bill(self.session, self.policy, self.history, now)
        except InputError:
            return None

    def paid(self) -> Decimal:
        """What the client paid for this session so far."""
        return self.session.paid

    def due(self, now: datetime) -> Decimal | None:
        """What is left to pay as of `now` (never below zero); None without a bill."""
        b = self.bill(now)
        return None if b is None else max(Decimal(0), b.total - self.paid())

    def methods(self) -> tuple[str, ...]:
        """The payment methods the terms accept (rule payment-method-accepted), in the
        order the policy lists them; every method when the terms say nothing."""
        rule = self.policy.rules.get("payment-method-accepted") if self.policy else None
        listed = tuple(m for m in (rule.params.get("methods") or ()) if m in PAYMENT_METHODS
                       ) if rule is not None else ()
        return listed or PAYMENT_METHODS

    def bill_problem(self, now: datetime) -> str | None:
        """Why there is no bill (an unreadable policy, no rate for the mode...)."""
        if self.policy is None:
            return self.policy_error
        try:
            bill(self.session, self.policy, self.history, now)
        except InputError as e:
            return e.message
        return None


class Policies:
    """Policies read once per load: many sessions share one."""

    def __init__(self, svc: Sessiond) -> None:
        self.svc = svc
        self._cache: dict[str, tuple[Policy | None, str | None]] = {}

    def get(self, policy_id: str) -> tuple[Policy | None, str | None]:
        if policy_id not in self._cache:
            try:
                self._cache[policy_id] = (self.svc.policy(policy_id), None)
            except InputError as e:
                self._cache[policy_id] = (None, e.message)
        return self._cache[policy_id]


class Loader:
    """Builds session views for one load, sharing policies and client histories."""

    def __init__(self, svc: Sessiond, now: datetime) -> None:
        self.svc = svc
        self.now = now
        self.policies = Policies(svc)
        self.histories: dict[str, History] = {}

    def history(self, client_id: str) -> History:
        # What the service's own bill reads (sessions.client_history: merged duplicates,
        # withdrawn packages and cancelled sessions), so that the screens show its amounts.
        if client_id not in self.histories:
            self.histories[client_id] = self.svc.history(client_id)
        return self.histories[client_id]

    def view(self, session: Session) -> SessionView:
        svc = self.svc
        policy, error = self.policies.get(session.policy)
        personal: dict[str, Any] = dict(session.events[0].personal or {})
        needs: tuple[Requirement, ...] = ()
        compliance = None
        if policy is not None:
            if session.state is State.PLANNED:
                needs = tuple(svc.requirements(session, at=self.now))
            else:
                compliance = Ledger(svc, self.now).compliance(session)
        return SessionView(
            session=session, client=svc.client(session.client_id), policy=policy,
            policy_error=error, partner_id=personal.get("partner_id"),
            problems=tuple(personal.get("problems") or ()),
            history=self.history(session.client_id), requirements=needs,
            compliance=compliance,
        )


def load_session(svc: Sessiond, session_id: str, now: datetime) -> SessionView:
    return Loader(svc, now).view(svc.session(session_id))


@dataclass(frozen=True)
class TodayView:
    day: date
    rows: tuple[SessionView, ...]  # the open sessions first (running on top), then the day's


def load_today(svc: Sessiond, now: datetime) -> TodayView:
    day = now.astimezone(svc.tz).date()
    loader = Loader(svc, now)
    open_ = svc.open_sessions()
    seen = {s.id for s in open_}
    rest = [s for s in svc.day_sessions(day) if s.id not in seen]
    return TodayView(day=day, rows=tuple(loader.view(s) for s in (*open_, *rest)))


@dataclass(frozen=True)
class ClientView:
    client: Client
    sessions: tuple[SessionView, ...]
    credit: tuple[CreditStatement, ...]  # one per policy with prepaid credit he is under

    @property
    def credit_left(self) -> int | None:
        return sum(c.remaining_seconds for c in self.credit) if self.credit else None


def load_clients(svc: Sessiond, now: datetime) -> list[ClientView]:
    loader = Loader(svc, now)
    found = []
    # The terms that sell prepaid hours: a client who bought some is under one of them
    # even before his first session there.
    prepaid = [listed.policy for listed in list_policies(svc.paths)
               if listed.policy is not None and listed.policy.credit is not None]
    for client in svc.clients():
        history = loader.history(client.id)
        sessions = tuple(loader.view(s) for s in history.sessions)
        with_credit = {v.policy.id: v.policy for v in sessions
                       if v.policy is not None and v.policy.credit is not None}
        default, _error = loader.policies.get(svc.config.policy)
        if not with_credit and default is not None and default.credit is not None:
            with_credit[default.id] = default
        bought = any(e.kind == "credit-added" for e in history.client_events)
        if not with_credit and bought:
            with_credit = {p.id: p for p in prepaid}
        credit = tuple(credit_statement(client.id, p, history.sessions, history.client_events,
                                        now) for p in with_credit.values())
        found.append(ClientView(client, sessions, credit))
    return found


def load_policies(svc: Sessiond) -> list[Listed]:
    return list_policies(svc.paths)
