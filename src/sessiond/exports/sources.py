"""What exports and receipts read: sessions, clients, bills and compliance findings.

Everything here is a projection of the log (and of the session's policy). Loading goes
client by client: one query returns every event of a client (his sessions' events carry
his id), which is what the billing engine needs anyway (first intervention, prepaid
credit), so a year of sessions costs one query per client, not one per session.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sessiond.billing import Bill, bill
from sessiond.compliance.findings import Finding
from sessiond.errors import InputError
from sessiond.model import Client, Event, Session, duplicate_of, fold
from sessiond.policy import Policy
from sessiond.sessions import HISTORY_KINDS, Sessiond, client_history

# The client-scope events that change what a check of one of his sessions finds.
HISTORY_CORRECTIONS = frozenset(("client-merged", *HISTORY_KINDS))


@dataclass(frozen=True)
class Compliance:
    """The compliance check of a session, as the log records it."""

    checked: bool
    findings: tuple[Finding, ...] = ()
    policy_digest: str | None = None
    at: datetime | None = None
    seq: int | None = None  # the check-completed event
    # What the summary of a check without findings reads (compliance.check.summary).
    duplicate_of: str | None = None
    not_covered: tuple[str, ...] = ()
    not_started: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity != "error")

    @property
    def status(self) -> str:
        """unchecked, ok, warnings or errors."""
        if not self.checked:
            return "unchecked"
        if self.errors:
            return "errors"
        return "warnings" if self.warnings else "ok"

    def without(self, rule: str) -> Compliance:
        return replace(self, findings=tuple(f for f in self.findings if f.rule != rule))


def recorded_compliance(session: Session) -> Compliance:
    """The last compliance check recorded for the session (`check-completed`).

    The check runs at every stop and its result is appended in the stop's transaction
   , so this is what was checked, when, and under which policy version.
    """
    last: Event | None = None
    for event in session.events:
        if event.kind == "check-completed":
            last = event
    if last is None:
        return Compliance(checked=False)
    findings = tuple(_finding(r) for r in last.body.get("findings", ()))
    return Compliance(True, findings, last.body.get("policy_digest"), last.at, last.seq)


def _finding(record: Mapping[str, Any]) -> Finding:
    events = record.get("events") or ()
    return Finding(rule=str(record.get("rule", "")), severity=str(record.get("severity", "")),
                   article=str(record.get("article", "")),
                   message=str(record.get("message", "")),
                   events=tuple(int(e) for e in events if isinstance(e, int)))


@dataclass(frozen=True)
class CreditNote:
    """A credit note as an export names it beside a session of the invoice it cancels."""

    number: str
    cancels: str  # the invoice's number
    issued: date  # local day of issue
    total: Decimal  # the whole credit note (of every session of its invoice)


@dataclass
class Ledger:
    """Sessions, clients and bills of the clients an export or a receipt touches."""

    svc: Sessiond
    now: datetime
    upto: int | None = None  # only the events before this seq (a document as issued then)
    sessions: dict[str, Session] = field(default_factory=dict)
    by_client: dict[str, list[Session]] = field(default_factory=lambda: defaultdict(list))
    client_events: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    clients: dict[str, Client] = field(default_factory=dict)
    policies: dict[str, Policy] = field(default_factory=dict)
    invoices: dict[str, str] | None = None  # session -> its current invoice
    # session -> the credit notes that cancelled an invoice of it (see credit_notes)
    credits: dict[str, tuple[CreditNote, ...]] | None = None
    # session -> the stored events it was folded from: what a document's proof covers,
    # also the ones a correction folds away (a withdrawn fee, a stop reopened in a pause)
    read: dict[str, tuple[Event, ...]] = field(default_factory=dict)
    moved: frozenset[str] | None = None  # see _moved
    # session -> the last invoice or credit note that covers it (see _recorded_outside)
    documents: dict[str, int] | None = None
    groups: dict[str, list[str]] = field(default_factory=dict)  # see _group
    canonicals: dict[str, str] = field(default_factory=dict)  # see canonical
    # (policy, mode, tool, started, without consent) -> compliance.check.coverage: see
    # _covered
    coverages: dict[tuple[str, str, str, bool, bool],
                    tuple[tuple[str, ...], str | None]] = field(default_factory=dict)

    def invoice_number(self, session_id: str) -> str | None:
        """The number of the session's current invoice (none cancelled it), as the log
        stood before `upto`."""
        if self.invoices is None:
            from sessiond.exports.invoice import current_invoices

            events = [e for e in self.svc.invoice_events()
                      if self.upto is None or e.seq < self.upto]
            self.invoices = {s: e.body["number"] for s, e in current_invoices(events).items()}
        return self.invoices.get(session_id)

    def credit_notes(self, session_id: str) -> tuple[CreditNote, ...]:
        """The credit notes that cancelled an invoice of the session, in the series'
        order, as the log stood before `upto`: an accountant who booked the invoice from
        an earlier export finds what cancelled it beside the session."""
        if self.credits is None:
            found: dict[str, list[CreditNote]] = defaultdict(list)
            for e in self.svc.invoice_events():
                if e.kind == "credit-note-issued" and (self.upto is None or e.seq < self.upto):
                    note = CreditNote(e.body["number"], e.body["cites"],
                                      e.at.astimezone(self.svc.tz).date(),
                                      Decimal(e.body["total"]))
                    for sid in e.body["sessions"]:
                        found[sid].append(note)
            self.credits = {sid: tuple(notes) for sid, notes in found.items()}
        return self.credits.get(session_id, ())

    def _moved(self) -> frozenset[str]:
        """The sessions moved from one client to another (before `upto`): their events
        carry either client's id, so no one client's events hold them whole."""
        if self.moved is None:
            self.moved = frozenset(
                r.session_id for r in self.svc.store.events_of_kind("session-moved")
                if r.session_id and (self.upto is None or r.seq < self.upto))
        return self.moved

    def load(self, client_ids: Iterable[str]) -> None:
        pending = list(client_ids)
        while pending:
            client_id = pending.pop(0)
            if client_id in self.clients:
                continue
            self.clients[client_id] = self.svc.client(client_id)
            grouped: dict[str, list[Event]] = defaultdict(list)
            for event in self.svc.client_events(client_id):
                if self.upto is not None and event.seq >= self.upto:
                    continue
                if event.session_id is None:
                    self.client_events[client_id].append(event)
                else:
                    grouped[event.session_id].append(event)
            for session_id, events in grouped.items():
                if session_id in self.sessions:
                    continue
                if events[0].kind != "session-planned" or session_id in self._moved():
                    # Moved from or to another client: read whole, whichever client's
                    # events are read first (the first client holds only its planning).
                    events = [e for e in self.svc.session_events(session_id)
                              if self.upto is None or e.seq < self.upto]
                session = fold(events)
                if session is not None:
                    self.read[session_id] = tuple(events)
                    self.sessions[session_id] = session
                    self.by_client[session.client_id].append(session)
                    # Its bill reads the history of the client it belongs to now.
                    pending.append(session.client_id)

    def covered(self, session_ids: Iterable[str]) -> tuple[int, str]:
        """(events, digest) of what the sessions were computed from, as their proof
        (exports.proof) counts it: every stored event, corrected or not."""
        from sessiond.exports.proof import digest

        return digest((sid, e.seq, e.hash) for sid in session_ids for e in self.read[sid])

    def session(self, session_id: str) -> Session:
        if session_id not in self.sessions:
            self.load([self.svc.session(session_id).client_id])
        return self.sessions[session_id]

    def policy(self, policy_id: str) -> Policy:
        if policy_id not in self.policies:
            self.policies[policy_id] = self.svc.policy(policy_id)
        return self.policies[policy_id]

    def bill(self, session: Session) -> Bill:
        """The session's bill (InputError when it cannot be priced, e.g. no rate)."""
        # The client's group (he, the one he was merged into, its other duplicates), as
        # the service's own bill reads it: one rule, sessions.client_history.
        group = self._group(session.client_id)
        history = client_history(
            (s for c in group for s in self.by_client[c]),
            (e for c in group for e in self.client_events[c]),
            client=self.canonical(session.client_id))
        return bill(session, self.policy(session.policy), history, self.now)

    def canonical(self, client_id: str) -> str:
        """The client `client_id` counts for (the one he was merged into, as the log
        stood before `upto`), loaded."""
        found = self.canonicals.get(client_id)
        if found is None:  # asked once per client: each is a read of every merge
            found = self.canonicals[client_id] = self.svc.canonical_client(
                client_id, upto=self.upto)
            self._group(found)
        return found

    def _group(self, client_id: str) -> list[str]:
        """The client's group (he, the one he was merged into, its other duplicates),
        loaded: asked once per client, however many of his sessions are read."""
        if client_id not in self.groups:
            self.groups[client_id] = sorted(self.svc.client_group(client_id, upto=self.upto))
            self.load(self.groups[client_id])
        return self.groups[client_id]

    def duplicates(self, session: Session) -> list[Session]:
        """The sessions cancelled as duplicates of `session` (as the log stood before
        `upto`), among its client's group, as Sessiond.duplicates_of finds them."""
        if session.cancelled:
            return []
        return [d for c in self._group(session.client_id) for d in self.by_client[c]
                if duplicate_of(d) == session.id]

    def _recorded_outside(self, session: Session, since: int | None) -> bool:
        """Whether a fact the check reads was recorded after event `since` outside the
        session's own events: an invoice or a credit note of it (`receipt-issued` counts
        the invoice, `invoice-current` compares it), or a correction of the client's
        history that reprices it (a duplicate merged, a package added or withdrawn)."""
        if since is None:
            return True
        if self.documents is None:
            self.documents = {}
            for e in self.svc.invoice_events():
                if self.upto is None or e.seq < self.upto:
                    for sid in e.body["sessions"]:
                        self.documents[sid] = max(self.documents.get(sid, 0), e.seq)
        if self.documents.get(session.id, 0) > since:
            return True
        group = self._group(session.client_id)
        if any(e.seq > since and e.kind in HISTORY_CORRECTIONS
               for c in group for e in self.client_events[c]):
            return True
        # A session cancelled as its duplicate since: what the tool logged in it is this
        # session's connection (Sessiond.duplicates_of), which its check now compares.
        return any(e.seq > since for c in group for d in self.by_client[c]
                   if duplicate_of(d) == session.id for e in self.read.get(d.id, ()))

    def try_bill(self, session: Session) -> tuple[Bill | None, str | None]:
        try:
            return self.bill(session), None
        except InputError as e:
            return None, e.message

    def compliance(self, session: Session, *, fresh: bool = False) -> Compliance:
        """The session's compliance: the check recorded at its stop, or a check run now.

        The check run at the stop (`check-completed`) is what the log says was checked,
        when, under which policy version; it is used as long as nothing was recorded for
        the session after it. When facts came later (a disconnection, a payment, a
        receipt), or the session has no check yet (not stopped), or `fresh` is asked, the
        session is checked now (sessiond.compliance), so that those facts count.
        """
        recorded = recorded_compliance(session)
        last_seq = session.events[-1].seq if session.events else None
        if (recorded.checked and recorded.seq == last_seq and not fresh
                and not self._recorded_outside(session, recorded.seq)):
            return self._covered(session, recorded)
        try:
            report = self.svc.check(session, now=self.now)
        except InputError:
            return recorded
        findings = tuple(Finding(f.rule, f.severity, f.article, f.message, tuple(f.events))
                         for f in report.findings)
        return Compliance(True, findings, report.policy_digest, self.now, None,
                          duplicate_of=report.duplicate_of, not_covered=report.not_covered,
                          not_started=report.not_started)

    def _covered(self, session: Session, recorded: Compliance) -> Compliance:
        """The recorded check with the points its terms leave unchecked, which its event
        does not keep: they follow from the policy, the session's mode and its tool."""
        from sessiond.compliance.check import coverage, started_before_consent

        started = session.started_at is not None
        # The same for every session of a policy, mode, tool and start (with or without
        # consent before it: check.active): worked out once.
        key = (session.policy, session.mode, session.tool, started,
               started_before_consent(session))
        if key not in self.coverages:
            try:
                policy = self.policy(session.policy)
            except InputError:
                return recorded
            self.coverages[key] = coverage(policy, session, started=started)
        not_covered, not_started = self.coverages[key]
        return replace(recorded, not_covered=not_covered, not_started=not_started)
