"""What the screens show, loaded on the store thread (see backend.py).

A view is a frozen snapshot of projections the services compute; the screens only format
it. Anything that depends on the current instant (the clock, the bill of a running
session) is computed from the view and `now` at each tick, never counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sessiond.billing import Bill, History, bill, worked_seconds
from sessiond.billing.statement import CreditStatement, credit_statement
from sessiond.errors import InputError
from sessiond.model import Event, Session, State
from sessiond.policy import Listed, Policy, list_policies, load_policy
from sessiond.sessions import Client, Sessiond


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error or warning
    article: str
    message: str


@dataclass(frozen=True)
class Check:
    """The compliance check of a session, as recorded at its stop."""

    errors: int
    warnings: int
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class SessionView:
    session: Session
    client: Client
    policy: Policy | None
    policy_error: str | None  # why the session's policy could not be read
    partner_id: str | None
    problems: tuple[str, ...]
    history: History  # the client's other sessions and credit, for the bill

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

    @property
    def check(self) -> Check | None:
        event = self.last("check-completed")
        if event is None:
            return None
        b = event.body
        return Check(b["errors"], b["warnings"], tuple(
            Finding(str(f.get("rule", "")), str(f.get("severity", "")),
                    str(f.get("article", "")), str(f.get("message", "")))
            for f in b["findings"]))

    def worked(self, now: datetime) -> int:
        """Worked seconds as billing counts them (pauses and reviewed spans excluded)."""
        return worked_seconds(self.session, now)

    def bill(self, now: datetime) -> Bill | None:
        """The bill as of `now`; None when the session's policy cannot be read."""
        if self.policy is None:
            return None
        return bill(self.session, self.policy, self.history, now)


class Policies:
    """Policies read once per load: many sessions share one."""

    def __init__(self, svc: Sessiond) -> None:
        self.svc = svc
        self._cache: dict[str, tuple[Policy | None, str | None]] = {}

    def get(self, policy_id: str) -> tuple[Policy | None, str | None]:
        if policy_id not in self._cache:
            try:
                self._cache[policy_id] = (load_policy(policy_id, self.svc.paths), None)
            except InputError as e:
                self._cache[policy_id] = (None, e.message)
        return self._cache[policy_id]


def session_view(svc: Sessiond, session: Session, policies: Policies | None = None,
                 histories: dict[str, History] | None = None) -> SessionView:
    policy, error = (policies or Policies(svc)).get(session.policy)
    planned = session.events[0]
    personal: dict[str, Any] = dict(planned.personal or {})
    histories = {} if histories is None else histories
    if session.client_id not in histories:
        histories[session.client_id] = client_history(svc, session.client_id)
    return SessionView(
        session=session, client=svc.client(session.client_id), policy=policy,
        policy_error=error, partner_id=personal.get("partner_id"),
        problems=tuple(personal.get("problems") or ()),
        history=histories[session.client_id],
    )


def client_history(svc: Sessiond, client_id: str) -> History:
    return History(sessions=tuple(svc.client_sessions(client_id)),
                   client_events=tuple(e for e in svc.client_events(client_id)
                                       if e.session_id is None))


def load_session(svc: Sessiond, session_id: str) -> SessionView:
    return session_view(svc, svc.session(session_id))


@dataclass(frozen=True)
class TodayView:
    day: date
    rows: tuple[SessionView, ...]  # the open sessions first (running on top), then the day's


def load_today(svc: Sessiond, now: datetime) -> TodayView:
    day = now.astimezone(svc.tz).date()
    policies, histories = Policies(svc), {}  # type: ignore[var-annotated]
    open_ = svc.open_sessions()
    seen = {s.id for s in open_}
    rest = [s for s in svc.day_sessions(day) if s.id not in seen]
    return TodayView(day=day, rows=tuple(session_view(svc, s, policies, histories)
                                         for s in (*open_, *rest)))


@dataclass(frozen=True)
class ClientView:
    client: Client
    sessions: tuple[SessionView, ...]
    credit: tuple[CreditStatement, ...]  # one per policy with prepaid credit he is under

    @property
    def credit_left(self) -> int | None:
        return sum(c.remaining_seconds for c in self.credit) if self.credit else None


def load_clients(svc: Sessiond, now: datetime) -> list[ClientView]:
    policies, histories = Policies(svc), {}  # type: ignore[var-annotated]
    found = []
    for client in svc.clients():
        sessions = tuple(session_view(svc, s, policies, histories)
                         for s in svc.client_sessions(client.id))
        history = histories.get(client.id) or client_history(svc, client.id)
        with_credit = {v.policy.id: v.policy for v in sessions
                       if v.policy is not None and v.policy.credit is not None}
        default, _error = policies.get(svc.config.policy)
        if not with_credit and default is not None and default.credit is not None:
            with_credit[default.id] = default
        credit = tuple(credit_statement(client.id, p, history.sessions, history.client_events,
                                        now) for p in with_credit.values())
        found.append(ClientView(client, sessions, credit))
    return found


def load_policies(svc: Sessiond) -> list[Listed]:
    return list_policies(svc.paths)
