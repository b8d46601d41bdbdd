"""The service layer: commands become validated events, queries become projections.

Every front end (CLI, TUI, daemon) goes through `Sessiond`. A command validates its input
and the session's state inside the write transaction that appends its events, so that two
processes cannot both start the same session and a refused command writes nothing.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import Config, Paths, load_config, paths
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import (
    FREE_TEXT,
    KINDS,
    Client,
    Event,
    Personal,
    Session,
    State,
    check_transition,
    fold,
    validate,
)
from sessiond.store.sqlite import Store, StoredEvent, Writer

if TYPE_CHECKING:  # cryptography, the rules and billing load only where they are needed
    from sessiond.audit.keys import Keyring
    from sessiond.audit.verify import Report as VerifyReport
    from sessiond.billing import History
    from sessiond.compliance import Report, Requirement
    from sessiond.compliance.facts import Facts
    from sessiond.policy import Policy

# The kinds whose instant puts a session on a day (planned, started or stopped then).
DAY_KINDS = ("session-planned", "session-started", "session-stopped")

_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: ids are read aloud


def new_id(prefix: str) -> str:
    return prefix + "-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


def refuse_secrets(personal: Mapping[str, Any]) -> None:
    """Refuse free text that holds a secret, saying what was found but never echoing it."""
    texts = [personal.get(name) for name in FREE_TEXT]
    flat = [t for v in texts for t in (v if isinstance(v, list) else [v]) if t]
    if not flat:
        return
    from sessiond.privacy.scanner import describe, scan

    for text in flat:
        findings = scan(text)
        if findings:
            raise InputError(describe(findings))


def _now() -> datetime:
    return clock.whole_second(clock.now())


def money(amount: str | Decimal) -> str:
    """An amount as events carry it, from what a person typed or a Decimal."""
    from sessiond.amounts import parse_amount

    return parse_amount(amount if isinstance(amount, str) else f"{amount:f}")


MAX_CREDIT_HOURS = 10_000  # a package larger than this is a typing mistake


def credit_hours(hours: str | Decimal) -> str:
    """Hours of a prepaid package, as events carry them ("3", "1.5")."""
    from sessiond.amounts import read_decimal
    from sessiond.model import decimal

    value = read_decimal(hours) if isinstance(hours, str) else hours
    normalized = f"{value.normalize():f}" if value is not None else ""
    if value is None or not 0 < value <= MAX_CREDIT_HOURS or not decimal(normalized):
        raise InputError(_("--hours {hours!r}: give a positive number of hours, e.g. 3 or "
                           "1.5.", hours=str(hours)))
    return normalized


def _named(name: str) -> str:
    """Who gave consent or signed: a name, never blank."""
    if not name.strip():
        raise InputError(_("Say who: --by NAME."))
    return name.strip()


class Sessiond:
    def __init__(self, where: Paths | None = None, config: Config | None = None) -> None:
        self.paths = where or paths()
        self.config = config or load_config(self.paths)
        self._wrapped: dict[str, bytes | None] = {}  # client id -> wrapped data key
        self._data_keys: dict[str, bytes] = {}

    @cached_property
    def tz(self) -> ZoneInfo:
        return clock.zone(self.config.timezone)

    @cached_property
    def store(self) -> Store:
        return Store(self.paths.database)

    @cached_property
    def keyring(self) -> Keyring:
        from sessiond.audit.keys import Keyring

        return Keyring(self.paths.keys)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()

    def at(self, text: str | None) -> datetime:
        """A declared instant from `--at`, or now (to the second)."""
        if text is None:
            return clock.whole_second(clock.now())
        return clock.parse_instant(text, self.tz)

    # --- appending -----------------------------------------------------------------------

    def _append(
        self,
        w: Writer,
        kind: str,
        *,
        at: datetime,
        session_id: str | None = None,
        client_id: str | None = None,
        body: Mapping[str, Any] | None = None,
        personal: Mapping[str, Any] | None = None,
    ) -> StoredEvent:
        body = {k: v for k, v in (body or {}).items() if v is not None}
        personal = {k: v for k, v in (personal or {}).items() if v not in (None, [], "")}
        spec = validate(kind, body, personal)
        refuse_secrets(personal)
        if spec.scope == "session" and not (session_id and client_id):
            raise InputError(_("A {kind} event needs a session.", kind=kind))
        if spec.scope == "client" and not client_id:
            raise InputError(_("A {kind} event needs a client.", kind=kind))
        sealer = None
        if personal:
            assert client_id is not None
            key = self._data_key(client_id)
            if key is None:
                raise InputError(_("Client {client} was erased: nothing personal can be "
                                   "recorded for him any more.", client=client_id))
            from sessiond.audit.seal import seal

            sealer = lambda event_id: seal(personal, key, event_id)  # noqa: E731
        return w.append(
            kind=kind, session_id=session_id, client_id=client_id, at=clock.to_text(at),
            recorded_at=clock.to_text(clock.now()), tz=self.config.timezone,
            boot_id=clock.boot_id(), boottime_ns=clock.boottime_ns(), body=body, seal=sealer,
        )

    def _record(
        self,
        kind: str,
        *,
        session_id: str | None = None,
        client_id: str | None = None,
        at: datetime | None = None,
        body: Mapping[str, Any] | None = None,
        personal: Mapping[str, Any] | None = None,
    ) -> Event:
        """Append one fact. Session facts are checked against the session's state."""
        at = at or clock.whole_second(clock.now())
        with self.store.writing() as w:
            if session_id is not None:
                session = self._session(session_id)
                client_id = session.client_id
                check_transition(session, kind, at, body)
            elif client_id is not None:
                self.client(client_id)
            stored = self._append(w, kind, at=at, session_id=session_id, client_id=client_id,
                                  body=body, personal=personal)
        return self._event(stored)

    def _wrapped_key(self, client_id: str) -> bytes | None:
        if client_id not in self._wrapped:
            self._wrapped[client_id] = self.store.wrapped_key(client_id)
        return self._wrapped[client_id]

    def _data_key(self, client_id: str) -> bytes | None:
        """The client's data key; None once he is erased."""
        wrapped = self._wrapped_key(client_id)
        if wrapped is None:
            return None
        if client_id not in self._data_keys:
            self._data_keys[client_id] = self.keyring.unwrap(client_id, wrapped)
        return self._data_keys[client_id]

    # --- commands ------------------------------------------------------------------------

    def add_client(self, name: str, *, status: str = "consumer", country: str = "FR",
                   email: str | None = None, phone: str | None = None,
                   at: datetime | None = None) -> str:
        at = at or clock.whole_second(clock.now())
        client_id = new_id("c")
        key, wrapped = self.keyring.new_data_key(client_id)
        with self.store.writing() as w:
            w.put_wrapped_key(client_id, wrapped)
            self._wrapped[client_id], self._data_keys[client_id] = wrapped, key
            self._append(w, "client-added", at=at, client_id=client_id,
                         body={"status": status, "country": country.upper()},
                         personal={"name": name.strip(), "email": email, "phone": phone})
        return client_id

    def new_session(self, client_id: str, *, policy: str | None = None, mode: str = "remote",
                    tool: str = "teamviewer", partner_id: str | None = None,
                    client_os: str | None = None, problems: Sequence[str] = (),
                    ordered_at: datetime | None = None, rate: str | None = None,
                    at: datetime | None = None) -> str:
        at = at or clock.whole_second(clock.now())
        self.client(client_id)
        policy = policy or self.config.policy
        self.policy(policy)  # validates the id, says which exist
        session_id = new_id("s")
        with self.store.writing() as w:
            self._append(
                w, "session-planned", at=at, session_id=session_id, client_id=client_id,
                body={"policy": policy, "mode": mode, "tool": tool, "client_os": client_os,
                      "ordered_at": clock.to_text(ordered_at) if ordered_at else None,
                      "rate": rate, "problem_count": len(problems)},
                personal={"partner_id": partner_id, "problems": list(problems)},
            )
        return session_id

    def consent(self, session_id: str, *, channel: str, by: str,
                at: datetime | None = None) -> Event:
        return self._record("consent-recorded", session_id=session_id, at=at,
                           body={"channel": channel}, personal={"by": by})

    def start(self, session_id: str, *, at: datetime | None = None,
              without_consent: bool = False, reason: str | None = None) -> Event:
        if without_consent and not (reason and reason.strip()):
            raise InputError(_("Starting without consent needs a reason: "
                               "--without-consent --reason TEXT."))
        return self._record("session-started", session_id=session_id, at=at,
                           body={"without_consent": without_consent},
                           personal={"reason": reason if without_consent else None})

    def pause(self, session_id: str, *, at: datetime | None = None,
              reason: str | None = None) -> Event:
        return self._record("session-paused", session_id=session_id, at=at,
                           personal={"reason": reason})

    def resume(self, session_id: str, *, at: datetime | None = None) -> Event:
        return self._record("session-resumed", session_id=session_id, at=at)

    def stop(self, session_id: str, *, at: datetime | None = None,
             by: str = "technician") -> Event:
        """Stop, check the session against its policy, and sign a checkpoint, in one
        commit: the log shows what was checked, when, and under which policy version."""
        at = at or clock.whole_second(clock.now())
        with self.store.writing() as w:
            session = self._session(session_id)
            check_transition(session, "session-stopped", at)
            stored = self._append(w, "session-stopped", at=at, session_id=session_id,
                                  client_id=session.client_id, body={"ended_by": by})
            report = self.check_anyway(self._session(session_id), at_stop=True)
            self._append(w, "check-completed", at=clock.whole_second(clock.now()),
                         session_id=session_id, client_id=session.client_id,
                         body=report.to_record())
            self.sign_checkpoint(w, "session-stop")
        return self._event(stored)

    def note(self, session_id: str, text: str, *, at: datetime | None = None) -> Event:
        return self._record("note-added", session_id=session_id, at=at,
                           personal={"text": text})

    # --- facts of a session (one typed method per fact; front ends never build bodies) ---

    def accept_quote(self, session_id: str, *, how: str, by: str,
                     at: datetime | None = None) -> Event:
        """The client signed the quote (handwritten or electronic), by whom."""
        return self._record("quote-accepted", session_id=session_id, at=at,
                            body={"how": how}, personal={"by": _named(by)})

    def waive_withdrawal(self, session_id: str, *, medium: str,
                         at: datetime | None = None) -> Event:
        """The consumer asked to start within his withdrawal period."""
        return self._record("withdrawal-waiver", session_id=session_id, at=at,
                            body={"medium": medium})

    def warn_sensitive_docs(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client was invited to close his sensitive documents."""
        return self._record("sensitive-docs-warned", session_id=session_id, at=at)

    def record_backup(self, session_id: str, *, answer: str | None,
                      at: datetime | None = None) -> Event:
        """A backup was offered; `answer` is the client's (None: not answered yet)."""
        return self._record("backup-status", session_id=session_id, at=at,
                            body={"offered": True, "answer": answer})

    def record_payment(self, session_id: str, *, amount: str | Decimal, method: str,
                       at: datetime | None = None) -> Event:
        """A payment received; `amount` as typed ("52,50") or a Decimal."""
        return self._record("payment-recorded", session_id=session_id, at=at,
                            body={"amount": money(amount), "method": method})

    def record_outcome(self, session_id: str, *, problem: int, result: str,
                       at: datetime | None = None) -> Event:
        """The outcome of listed problem number `problem` (from 1)."""
        return self._record("outcome-recorded", session_id=session_id, at=at,
                            body={"problem": problem, "result": result})

    def request_reduction(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client asked for the partial-result reduction his terms offer."""
        return self._record("reduction-requested", session_id=session_id, at=at)

    def add_fee(self, session_id: str, *, fee: str, amount: str | Decimal | None = None,
                at: datetime | None = None) -> Event:
        """A fixed fee (travel, no-show...); `amount` when the policy leaves it open."""
        return self._record("fee-added", session_id=session_id, at=at,
                            body={"fee": fee,
                                  "amount": None if amount is None else money(amount)})

    def record_artifact(self, session_id: str, *, artifact: str,
                        client_request: str | None = None,
                        at: datetime | None = None) -> Event:
        """A screenshot, file copy or recording; with the client's request when he made
        one (the terms allow copies only at his documented request)."""
        request = (client_request or "").strip() or None
        return self._record("artifact-recorded", session_id=session_id, at=at,
                            body={"artifact": artifact, "client_requested": request is not None},
                            personal={"client_request": request})

    def return_control(self, session_id: str, *, at: datetime | None = None) -> Event:
        """The client took the mouse back."""
        return self._record("control-returned", session_id=session_id, at=at)

    def confirm_disconnect(self, session_id: str, *, at: datetime | None = None) -> Event:
        """Disconnected: the technician can no longer take control."""
        return self._record("disconnect-confirmed", session_id=session_id, at=at)

    def review_span(self, session_id: str, *, start: datetime, end: datetime, cause: str,
                    decision: str, at: datetime | None = None) -> Event:
        """The technician's decision about time the daemon could not see."""
        return self._record("span-reviewed", session_id=session_id, at=at,
                            body={"start": clock.to_text(start), "end": clock.to_text(end),
                                  "cause": cause, "decision": decision})

    def add_credit(self, client_id: str, *, hours: str | Decimal,
                   at: datetime | None = None) -> Event:
        """Prepaid hours bought by the client."""
        return self._record("credit-added", client_id=client_id, at=at,
                            body={"hours": credit_hours(hours)})

    # --- documents: recorded inside the transaction that builds their proof -------------

    def transaction(self) -> AbstractContextManager[Writer]:
        """One write transaction for operations that append several events and a
        checkpoint together (documents): all of it commits, or none."""
        return self.store.writing()

    def record_export(self, w: Writer | None = None, *, first_day: date, last_day: date,
                      fmt: str, sessions: int, digest: str | None = None,
                      at: datetime | None = None) -> StoredEvent:
        """An export of the days `first_day`..`last_day` was issued."""
        body = {"first_day": first_day.isoformat(), "last_day": last_day.isoformat(),
                "format": fmt, "sessions": sessions, "digest": digest}
        with self._within(w) as tx:
            return self._append(tx, "export-made", at=at or _now(), body=body)

    def record_receipt(self, w: Writer | None = None, *, session_id: str,
                       checkpoint_seq: int, digest: str,
                       at: datetime | None = None) -> StoredEvent:
        """A receipt of the session was issued; its proof covers events before
        `checkpoint_seq`."""
        with self._within(w) as tx:
            session = self._session(session_id)
            return self._append(tx, "receipt-issued", at=at or _now(), session_id=session_id,
                                client_id=session.client_id,
                                body={"checkpoint_seq": checkpoint_seq, "digest": digest})

    @contextmanager
    def _within(self, w: Writer | None) -> Iterator[Writer]:
        if w is not None:
            yield w
        else:
            with self.store.writing() as own:
                yield own

    # --- checkpoints and verification ----------------------------------------------------

    def sign_checkpoint(self, w: Writer, reason: str) -> Checkpoint:
        """A signed checkpoint of the log's tail, inside the transaction `w`."""
        seq, hash_ = w.tail()
        unsigned = Checkpoint(seq=seq, hash=hash_, at=clock.to_text(clock.whole_second(
            clock.now())), key_id=self.keyring.key_id, signature="", reason=reason)
        signature = self.keyring.signing_key.sign(unsigned.message()).hex()
        cp = Checkpoint(seq, hash_, unsigned.at, unsigned.key_id, signature, reason)
        w.add_checkpoint(cp)
        return cp

    def checkpoint(self, reason: str) -> Checkpoint:
        with self.store.writing() as w:
            return self.sign_checkpoint(w, reason)

    def verify(self, external: Iterable[Checkpoint] = ()) -> VerifyReport:
        from sessiond.audit.verify import verify

        return verify(self.store.iter_events(), self.store.checkpoints(),
                      self.keyring.public_key, self.keyring.key_id, external)

    # --- queries -------------------------------------------------------------------------

    def _event(self, row: StoredEvent) -> Event:
        personal: Mapping[str, Any] | None = {}
        if row.sealed is not None:
            erased = not row.client_id or self._wrapped_key(row.client_id) is None
            personal = None if erased else Personal(lambda: self._unseal(row))
        return Event(
            seq=row.seq, id=row.id, kind=row.kind, session_id=row.session_id,
            client_id=row.client_id, at=clock.from_text(row.at),
            recorded_at=clock.from_text(row.recorded_at), tz=row.tz, boot_id=row.boot_id,
            boottime_ns=row.boottime_ns, body=json.loads(row.body), personal=personal,
            prev_hash=row.prev_hash, hash=row.hash,
        )

    def _unseal(self, row: StoredEvent) -> Mapping[str, Any]:
        from sessiond.audit.seal import unseal

        assert row.sealed is not None and row.client_id is not None
        key = self._data_key(row.client_id)
        return unseal(row.sealed, key, row.id) if key else {}

    def events(self, rows: Iterable[StoredEvent] | None = None) -> list[Event]:
        return [self._event(r) for r in (self.store.iter_events() if rows is None else rows)]

    def session_events(self, session_id: str) -> list[Event]:
        return self.events(self.store.session_events(session_id))

    def _session(self, session_id: str) -> Session:
        session = fold(self.session_events(session_id))
        if session is None:
            raise InputError(_("No session {session}. `sessiond status` lists the open ones.",
                               session=session_id))
        return session

    def session(self, session_id: str) -> Session:
        return self._session(session_id)

    def sessions(self, ids: Iterable[str] | None = None) -> list[Session]:
        """Sessions in the order they were planned (all of them when `ids` is None)."""
        if ids is None:
            ids = self.store.session_ids()
        return [self._session(i) for i in ids]

    def open_sessions(self) -> list[Session]:
        """Sessions not stopped, the running ones first."""
        found = self.sessions(self.store.session_ids(open_only=True))
        order = {State.RUNNING: 0, State.PAUSED: 1, State.PLANNED: 2}
        return sorted(found, key=lambda s: order.get(s.state, 3))

    def day_sessions(self, day: date) -> list[Session]:
        """Sessions planned, started or stopped on `day` (local), in planning order."""
        start, end = clock.local_day_bounds(day, self.tz)
        lo, hi = clock.to_text(start), clock.to_text(end)
        rows = self.store.events_of_kind_between(DAY_KINDS, lo, hi)
        seen = dict.fromkeys(r.session_id for r in rows if r.session_id)
        return self.sessions(seen)

    def client(self, client_id: str) -> Client:
        row = self.store.client_added(client_id)
        if row is None:
            raise InputError(_("No client {client}. `sessiond client list` shows them.",
                               client=client_id))
        event = self._event(row)
        p = event.personal or {}
        return Client(id=client_id, status=event.body["status"], country=event.body["country"],
                      added_at=event.at, name=p.get("name"), email=p.get("email"),
                      phone=p.get("phone"), seq=event.seq)

    def clients(self) -> list[Client]:
        return [self.client(r.client_id) for r in self.store.events_of_kind("client-added")
                if r.client_id]

    def client_events(self, client_id: str, *kinds: str) -> list[Event]:
        """The client's events (only `kinds` when given), in log order."""
        return self.events(self.store.client_events(client_id, *kinds))

    def client_sessions(self, client_id: str) -> list[Session]:
        rows = self.store.client_events(client_id, "session-planned")
        return self.sessions(r.session_id for r in rows if r.session_id)

    def history(self, client_id: str, *, replacing: Session | None = None) -> History:
        """What billing and the prepaid rules read of a client: his sessions and packages
        (`replacing`: one of his sessions as the caller sees it, e.g. just stopped)."""
        from sessiond.billing import History

        sessions = tuple(replacing if replacing is not None and s.id == replacing.id else s
                         for s in self.client_sessions(client_id))
        return History(sessions=sessions,
                       client_events=tuple(self.client_events(client_id, "credit-added")))

    def policy(self, policy_id: str) -> Policy:
        """The policy of that id (the technician's own copy first); InputError names the
        known ones. Parsed once per version of its file."""
        from sessiond.policy import load_policy

        return load_policy(policy_id, self.paths)

    # --- compliance ----------------------------------------------------------------------

    def _facts(self, session: Session, policy: Policy, now: datetime, *, at_stop: bool,
               start: datetime | None, start_seq: int | None) -> Facts:
        from sessiond.compliance.check import active, reads_history
        from sessiond.compliance.facts import Facts

        client = self.client(session.client_id)
        history = (self.history(session.client_id, replacing=session)
                   if reads_history(policy, session) else None)
        receipts = (active(policy, "receipt-issued", session) is not None
                    and self.store.first_of_kind("receipt-issued") is not None)
        return Facts(session=session, client=client, client_seq=client.seq, policy=policy,
                     now=now, tz=self.tz, start=start, start_seq=start_seq, at_stop=at_stop,
                     history=history, receipts_in_log=receipts)

    def check(self, session: Session, *, at_stop: bool = False,
              now: datetime | None = None) -> Report:
        """The session against its terms. InputError when its policy cannot be read."""
        from sessiond.compliance import evaluate

        start = next((e for e in session.events if e.kind == "session-started"), None)
        return evaluate(self._facts(session, self.policy(session.policy), now or clock.now(),
                                    at_stop=at_stop, start=session.started_at,
                                    start_seq=start.seq if start else None))

    def check_anyway(self, session: Session, *, at_stop: bool = False) -> Report:
        """`check`, or a report that says the policy cannot be read (never an error: it
        must neither keep the clock from stopping nor hide the other sessions of a day)."""
        from sessiond.compliance.check import unreadable_policy

        try:
            return self.check(session, at_stop=at_stop)
        except InputError as e:
            return unreadable_policy(session, e.message)

    def requirements(self, session: Session, *, at: datetime | None = None
                     ) -> list[Requirement]:
        """What the policy still asks for before `session` starts (at `at`, default now)."""
        if session.state is not State.PLANNED:
            return []
        from sessiond.compliance import requirements
        from sessiond.compliance.check import hypothetical_start

        start = at or clock.whole_second(clock.now())
        started = hypothetical_start(session, start)
        return requirements(self._facts(started, self.policy(session.policy), start,
                                        at_stop=False, start=start, start_seq=None))

    def erase_client(self, client_id: str) -> None:
        """Crypto-shredding (GDPR erasure): delete the client's data key.

        The events stay, so the chain still verifies and the bills still add up; every
        personal field of the client becomes unreadable, for good.
        """
        self.client(client_id)
        with self.store.writing() as w:
            w.delete_wrapped_key(client_id)
        self._wrapped[client_id] = None
        self._data_keys.pop(client_id, None)


__all__ = ["KINDS", "Client", "Sessiond", "new_id"]
