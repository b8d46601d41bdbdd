"""Build sessions for billing tests by folding events, as the service would store them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.model import Event, Session, fold

PARIS = ZoneInfo("Europe/Paris")


def utc(text: str) -> datetime:
    """'2026-11-22 10:00' read as UTC."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def paris(text: str, fold: int = 0) -> datetime:
    """'2026-10-25 02:30' read as Paris local time (fold=1: the second 02:30 of that day)."""
    return datetime.fromisoformat(text).replace(tzinfo=PARIS, fold=fold).astimezone(UTC)


@dataclass
class Log:
    """A shared sequence counter, so that events of several sessions interleave."""

    seq: int = 0
    events: list[Event] = field(default_factory=list)

    def event(self, kind: str, at: datetime, *, session_id: str | None = None,
              client_id: str | None = None, body: dict[str, Any] | None = None,
              personal: dict[str, Any] | None = None) -> Event:
        self.seq += 1
        event = Event(seq=self.seq, id=f"e{self.seq}", kind=kind, session_id=session_id,
                      client_id=client_id, at=at, recorded_at=at, tz="Europe/Paris",
                      boot_id="boot", boottime_ns=self.seq, body=body or {},
                      personal=personal or {}, prev_hash="0" * 64, hash=f"{self.seq:064x}")
        self.events.append(event)
        return event

    def credit(self, client_id: str, hours: str, at: datetime) -> Event:
        return self.event("credit-added", at, client_id=client_id, body={"hours": hours})

    def client_events(self, client_id: str) -> tuple[Event, ...]:
        return tuple(e for e in self.events if e.client_id == client_id
                     and e.session_id is None)


class Builder:
    """One session's events, appended in order; `session()` folds them."""

    def __init__(self, *, policy: str = "vlh", mode: str = "remote", rate: str | None = None,
                 problem_count: int = 0, session_id: str = "s-1", client_id: str = "c-1",
                 planned_at: datetime | None = None, log: Log | None = None,
                 appointment: datetime | None = None,
                 planned: dict[str, Any] | None = None) -> None:
        self.log = log or Log()
        self.session_id = session_id
        self.client_id = client_id
        self.seqs: list[int] = []
        body: dict[str, Any] = {"policy": policy, "mode": mode, "tool": "teamviewer",
                                "problem_count": problem_count}
        if rate is not None:
            body["rate"] = rate
        if appointment is not None:  # the agreed time (late-cancellation notice)
            body["appointment"] = clock.to_text(appointment)
        body.update(planned or {})  # other fields of session-planned (warranty_of...)
        self._add("session-planned", planned_at or utc("2026-01-01 00:00"), body)

    def _add(self, kind: str, at: datetime, body: dict[str, Any] | None = None) -> Builder:
        event = self.log.event(kind, at, session_id=self.session_id, client_id=self.client_id,
                               body=body)
        self.seqs.append(event.seq)
        return self

    def consent(self, at: datetime) -> Builder:
        self.log.event("consent-recorded", at, session_id=self.session_id,
                       client_id=self.client_id, body={"channel": "oral"},
                       personal={"by": "Client"})
        return self

    def start(self, at: datetime) -> Builder:
        return self._add("session-started", at, {"without_consent": False})

    def pause(self, at: datetime) -> Builder:
        return self._add("session-paused", at)

    def resume(self, at: datetime) -> Builder:
        return self._add("session-resumed", at)

    def stop(self, at: datetime, by: str = "technician") -> Builder:
        return self._add("session-stopped", at, {"ended_by": by})

    def outcome(self, problem: int, result: str, at: datetime) -> Builder:
        return self._add("outcome-recorded", at, {"problem": problem, "result": result})

    def reduction_requested(self, at: datetime) -> Builder:
        return self._add("reduction-requested", at)

    def announce(self, fee: str, at: datetime) -> Builder:
        """The client was told beforehand that `fee` may be charged (MD 9)."""
        return self._add("fee-announced", at, {"fee": fee})

    def fee(self, fee: str, at: datetime, amount: str | None = None) -> Builder:
        body: dict[str, Any] = {"fee": fee}
        if amount is not None:
            body["amount"] = amount
        return self._add("fee-added", at, body)

    def span(self, start: datetime, end: datetime, decision: str, at: datetime,
             cause: str = "idle") -> Builder:
        return self._add("span-reviewed", at, {"start": clock.to_text(start),
                                               "end": clock.to_text(end), "cause": cause,
                                               "decision": decision})

    def run(self, start: datetime, *segments: int) -> Builder:
        """Start at `start`, then alternate running and paused spans (seconds); stop."""
        self.start(start)
        at = start
        for i, seconds in enumerate(segments):
            at += timedelta(seconds=seconds)
            if i == len(segments) - 1:
                break
            (self.pause if i % 2 == 0 else self.resume)(at)
        return self.stop(at) if len(segments) % 2 == 1 else self.resume(at).stop(at)

    def session(self) -> Session:
        events = [e for e in self.log.events if e.session_id == self.session_id]
        session = fold(events)
        assert session is not None
        return session
