"""The service layer: commands become validated events, queries become projections.

Every front end (CLI, TUI, daemon) goes through `Sessiond`. A command validates its input
and the session's state inside the write transaction that appends its events, so that two
processes cannot both start the same session and a refused command writes nothing.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import Config, Paths, load_config, paths
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import (
    KINDS,
    Event,
    Personal,
    Session,
    State,
    check_transition,
    fold,
    validate,
)
from sessiond.store.sqlite import Store, StoredEvent, Writer

# Personal fields that hold free text: scanned for secrets before anything is written
# (MD art. 15: no password is ever written down). Names and contacts are not scanned.
FREE_TEXT = ("text", "problems", "client_request", "reason")

if TYPE_CHECKING:  # cryptography is loaded only by the commands that need it
    from sessiond.audit.keys import Keyring
    from sessiond.audit.verify import Report

_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: ids are read aloud


def new_id(prefix: str) -> str:
    return prefix + "-" + "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))


@dataclass(frozen=True)
class Client:
    id: str
    status: str
    country: str
    added_at: datetime
    name: str | None  # None once the client is erased
    email: str | None = None
    phone: str | None = None




def refuse_secrets(personal: Mapping[str, Any]) -> None:
    """Refuse free text that holds a secret, saying what was found but never echoing it."""
    texts = [personal.get(name) for name in FREE_TEXT]
    flat = [t for v in texts for t in (v if isinstance(v, list) else [v]) if t]
    if not flat:
        return
    from sessiond.policy.secrets import describe, scan

    for text in flat:
        findings = scan(text)
        if findings:
            raise InputError(describe(findings))


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

    def append(
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
        from sessiond.policy import load_policy  # validates the id, says which exist

        load_policy(policy, self.paths)
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
        return self.append("consent-recorded", session_id=session_id, at=at,
                           body={"channel": channel}, personal={"by": by})

    def start(self, session_id: str, *, at: datetime | None = None,
              without_consent: bool = False, reason: str | None = None) -> Event:
        if without_consent and not (reason and reason.strip()):
            raise InputError(_("Starting without consent needs a reason: "
                               "--without-consent --reason TEXT."))
        return self.append("session-started", session_id=session_id, at=at,
                           body={"without_consent": without_consent},
                           personal={"reason": reason if without_consent else None})

    def pause(self, session_id: str, *, at: datetime | None = None,
              reason: str | None = None) -> Event:
        return self.append("session-paused", session_id=session_id, at=at,
                           personal={"reason": reason})

    def resume(self, session_id: str, *, at: datetime | None = None) -> Event:
        return self.append("session-resumed", session_id=session_id, at=at)

    def stop(self, session_id: str, *, at: datetime | None = None,
             by: str = "technician") -> Event:
        """Stop, check the session against its policy, and sign a checkpoint, in one
        commit: the log shows what was checked, when, and under which policy version."""
        from sessiond.compliance.check import record_check  # the rules: only when stopping

        at = at or clock.whole_second(clock.now())
        with self.store.writing() as w:
            session = self._session(session_id)
            check_transition(session, "session-stopped", at)
            stored = self._append(w, "session-stopped", at=at, session_id=session_id,
                                  client_id=session.client_id, body={"ended_by": by})
            stopped = self._session(session_id)
            record_check(self, w, stopped)
            self._checkpoint(w, "session-stop")
        return self._event(stored)

    def note(self, session_id: str, text: str, *, at: datetime | None = None) -> Event:
        return self.append("note-added", session_id=session_id, at=at,
                           personal={"text": text})

    # --- checkpoints and verification ----------------------------------------------------

    def _checkpoint(self, w: Writer, reason: str) -> Checkpoint:
        seq, hash_ = w.tail()
        unsigned = Checkpoint(seq=seq, hash=hash_, at=clock.to_text(clock.whole_second(
            clock.now())), key_id=self.keyring.key_id, signature="", reason=reason)
        signature = self.keyring.signing_key.sign(unsigned.message()).hex()
        cp = Checkpoint(seq, hash_, unsigned.at, unsigned.key_id, signature, reason)
        w.add_checkpoint(cp)
        return cp

    def checkpoint(self, reason: str) -> Checkpoint:
        with self.store.writing() as w:
            return self._checkpoint(w, reason)

    def verify(self, external: Iterable[Checkpoint] = ()) -> Report:
        from sessiond.audit.verify import verify

        return verify(self.store, self.keyring.public_key, self.keyring.key_id, external)

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
        rows = self.store.events(
            "WHERE kind IN ('session-planned', 'session-started', 'session-stopped') "
            "AND at >= ? AND at < ?", (lo, hi))
        seen = dict.fromkeys(r.session_id for r in rows if r.session_id)
        return self.sessions(seen)

    def client(self, client_id: str) -> Client:
        rows = self.store.events("WHERE client_id = ? AND kind = 'client-added'", (client_id,))
        if not rows:
            raise InputError(_("No client {client}. `sessiond client list` shows them.",
                               client=client_id))
        event = self._event(rows[0])
        p = event.personal or {}
        return Client(id=client_id, status=event.body["status"], country=event.body["country"],
                      added_at=event.at, name=p.get("name"), email=p.get("email"),
                      phone=p.get("phone"))

    def clients(self) -> list[Client]:
        return [self.client(r.client_id) for r in self.store.events_of_kind("client-added")
                if r.client_id]

    def client_events(self, client_id: str) -> list[Event]:
        return self.events(self.store.client_events(client_id))

    def client_sessions(self, client_id: str) -> list[Session]:
        rows = self.store.events("WHERE client_id = ? AND kind = 'session-planned'",
                                 (client_id,))
        return self.sessions(r.session_id for r in rows if r.session_id)

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
