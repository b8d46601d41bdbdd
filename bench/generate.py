"""Generate a realistic log for benchmarks: a year of sessions (about 2,000), or ten years.

Usage: SESSIOND_HOME=/tmp/bench python -m bench.generate [--sessions N] [--days D]
Each session: client (one in four is new), plan, consent, start, one or two pauses, a
note, outcome, stop (with its check and signed checkpoint). Instants are spread over the
past D days, working hours, Paris time.

Up to `TEMPLATE` sessions go through the service, one command each, as a technician would
record them. A larger log is made of copies of such a period: TEMPLATE sessions written
through the service once, into a scratch log, then copied into the log period after
period, each copy with new ids, new client keys and its personal fields sealed again,
appended through the store's own Writer (its hashing, its chain) in large transactions,
with a checkpoint signed wherever the template has one. A 20k-session log takes seconds
instead of the many minutes of 180k service calls (each a durable commit, each slower as
the log grows); `sessiond verify` passes on it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sessiond import clock
from sessiond.audit.seal import seal_fields
from sessiond.config import Paths
from sessiond.model import FREE_TEXT
from sessiond.sessions import Sessiond, new_id
from sessiond.store.sqlite import StoredEvent, Writer

POLICIES = ("md-micro-services", "mri87", "micro-alpes", "fgdmi", "vlh")
TEMPLATE = 1000  # sessions written through the service; the rest are copies of them
_BATCH = 20_000  # events per transaction when copying (one commit, one fsync)


def through_service(svc: Sessiond, sessions: int, days: int, start_day: datetime,
                    seed: int = 7) -> list[str]:
    """`sessions` sessions from `start_day` over `days` days, one service call per fact."""
    rng = random.Random(seed)
    clients: list[str] = []
    ids = []
    for n in range(sessions):
        day = start_day + timedelta(days=n * days // sessions)
        t = day + timedelta(minutes=rng.randrange(0, 9 * 60))
        if not clients or rng.random() < 0.25:
            clients.append(svc.add_client(f"Client {n}", country="FR", at=t,
                                          status=rng.choice(("consumer", "business"))))
        client = rng.choice(clients)
        sid = svc.new_session(client, policy=rng.choice(POLICIES), client_os="windows",
                              problems=["Imprimante", "Lenteur"], at=t)
        svc.consent(sid, channel="tool-code", by="Client", at=t)
        t += timedelta(minutes=1)
        svc.start(sid, at=t)
        for _ in range(rng.randrange(0, 3)):
            t += timedelta(minutes=rng.randrange(5, 40))
            svc.pause(sid, at=t)
            t += timedelta(minutes=rng.randrange(1, 10))
            svc.resume(sid, at=t)
        svc.note(sid, "Pilote réinstallé, test d'impression correct", at=t)
        svc.record_outcome(sid, problem=1, result=rng.choice(("solved", "diagnosed")), at=t)
        t += timedelta(minutes=rng.randrange(3, 50), seconds=rng.randrange(60))
        svc.stop(sid, at=t)
        ids.append(sid)
    return ids


@dataclass(frozen=True)
class _Row:
    """One template event, ready to be copied."""

    stored: StoredEvent
    at: datetime
    body: dict[str, Any]
    personal: dict[str, Any]
    checkpoint: str | None  # the reason of the checkpoint signed right after it, if any


def _template(svc: Sessiond, upto: int) -> list[_Row]:
    """The log's first `upto` events with their personal fields opened (copies seal them
    again under their own client keys and event ids)."""
    rows = [r for r in svc.store.iter_events() if r.seq <= upto]
    signed = {cp.seq: cp.reason for cp in svc.store.checkpoints() if cp.seq <= upto}
    template = []
    for row, event in zip(rows, svc.events(rows), strict=True):
        at = event.at
        if row.kind == "check-completed":  # appended at the stop, declared "now"
            at = template[-1].at
        template.append(_Row(row, at, json.loads(row.body),
                             dict(event.personal) if event.personal else {},
                             signed.get(row.seq)))
    return template


class _Copier:
    """Appends copies of the template: copy k shifted by k * `shift`, with new ids and
    client keys, its personal fields sealed again (the event id is their associated
    data), its findings' event numbers moved with it."""

    def __init__(self, svc: Sessiond, template: list[_Row], shift: timedelta,
                 taken: set[str]) -> None:
        self.svc, self.template, self.shift, self.taken = svc, template, shift, taken

    def _new_id(self, prefix: str) -> str:
        new = new_id(prefix)
        while new in self.taken:  # 6 characters: a 100k-session log has collisions
            new = new_id(prefix)
        self.taken.add(new)
        return new

    def rows(self, sessions: int) -> Iterator[tuple[int, _Row]]:
        """(copy number, template row) until `sessions` sessions are copied (copy 0 is the
        template where it stands, copy k is k periods later)."""
        copied, k = 0, 0
        while True:
            for row in self.template:
                if copied == sessions and row.stored.kind in ("client-added",
                                                              "session-planned"):
                    return
                yield k, row
                copied += row.stored.kind == "session-planned"
            k += 1

    def append(self, w: Writer, copy: int, row: _Row, state: dict[str, Any]) -> str | None:
        """Append one copied event; a planned session returns its new id. `state` holds
        the copy's id map, client keys and seq offset."""
        if state.get("copy") != copy:
            state.clear()
            state.update(copy=copy, ids={}, keys={}, offset=w.tail()[0] + 1 - row.stored.seq)
        ids, keys = state["ids"], state["keys"]
        stored = row.stored
        for old, prefix in ((stored.client_id, "c"), (stored.session_id, "s")):
            if old is not None and old not in ids:
                ids[old] = self._new_id(prefix)
        client = ids.get(stored.client_id) if stored.client_id else None
        session = ids.get(stored.session_id) if stored.session_id else None
        if stored.kind == "client-added" and client is not None:
            key, wrapped = self.svc.keyring.new_data_key(client)
            w.put_wrapped_key(client, wrapped)
            keys[client] = key
        body = row.body
        if stored.kind == "check-completed":
            body = {**body, "findings": [
                {**f, "events": [s + state["offset"] for s in f.get("events", ())]}
                for f in body["findings"]]}
        personal = dict(row.personal)
        if stored.kind == "client-added":
            personal["name"] = f"{personal['name']} ({copy})"
        seal: Callable[[str], str] | None = None
        if personal:
            assert client is not None
            key = keys[client]

            def seal(event_id: str) -> str:
                sealed, wrapped = seal_fields(personal, key, event_id,
                                              frozenset(FREE_TEXT) & set(personal))
                for name, field_key in wrapped.items():
                    w.put_field_key(event_id, name, field_key)
                return sealed
        at = clock.to_text(row.at + copy * self.shift)
        w.append(kind=stored.kind, session_id=session, client_id=client, at=at,
                 recorded_at=at,  # as if recorded live (the template's were recorded now)
                 tz=stored.tz, boot_id=stored.boot_id, boottime_ns=stored.boottime_ns,
                 body=body, seal=seal)
        if row.checkpoint is not None:
            self.svc.sign_checkpoint(w, row.checkpoint)
        return session if stored.kind == "session-planned" else None


def generate(svc: Sessiond, sessions: int, days: int, seed: int = 7) -> list[str]:
    """A log of `sessions` sessions over the `days` days before yesterday; their ids, in
    log order. Up to TEMPLATE sessions go through the service into `svc`'s log; a larger
    log is made of copies of TEMPLATE sessions written through the service in a scratch
    log (in memory, /dev/shm, when there is one: its commits cost no disk flush)."""
    end = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) \
        - timedelta(days=1)
    if sessions <= TEMPLATE:
        return through_service(svc, sessions, days, end - timedelta(days=days), seed)
    copies = -(-sessions // TEMPLATE)
    period = max(1, round(days / copies))
    began = time.perf_counter()
    shm = Path("/dev/shm")
    with tempfile.TemporaryDirectory(prefix="sessiond-template-",
                                     dir=shm if shm.is_dir() else None) as scratch:
        # The technician's own policies and settings, a log of its own.
        model = Sessiond(Paths(data=Path(scratch), config=svc.paths.config), svc.config)
        through_service(model, TEMPLATE, period, end - timedelta(days=period * copies), seed)
        template = _template(model, model.store.tail()[0])
        model.close()
    print(f"  through the service: {TEMPLATE} sessions in {time.perf_counter() - began:.1f} s",
          file=sys.stderr)
    copier = _Copier(svc, template, timedelta(days=period), set(svc.store.session_ids()))
    rows = copier.rows(sessions)
    state: dict[str, Any] = {}
    ids = []
    done = False
    while not done:
        with svc.store.bulk_writing() as w:
            for _ in range(_BATCH):
                item = next(rows, None)
                if item is None:
                    done = True
                    break
                sid = copier.append(w, *item, state)
                if sid is not None:
                    ids.append(sid)
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--days", type=int, default=365)
    args = parser.parse_args()
    svc = Sessiond()
    began = time.perf_counter()
    generate(svc, args.sessions, args.days)
    events = svc.store.tail()[0]
    svc.close()
    print(f"{args.sessions} sessions, {events} events in {time.perf_counter() - began:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
