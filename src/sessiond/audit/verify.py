"""Recompute the whole chain and check every checkpoint.

The first problem of the chain is reported with the event it concerns; a later event can
only be judged against a sound prefix, so the walk stops counting chain problems there.
Checkpoints (stored ones, and any that left the machine in a receipt or export) are each
checked on their own: signature, and that the log still holds their event with their hash.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sessiond.audit.chain import GENESIS, event_hash
from sessiond.audit.checkpoint import Checkpoint
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import validate


class Row(Protocol):
    """An events row as the store keeps it (the store's StoredEvent is one)."""

    @property
    def seq(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def prev_hash(self) -> str: ...
    @property
    def hash(self) -> str: ...

    def envelope(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Problem:
    seq: int | None  # the event concerned; None when no event can be named
    message: str


@dataclass
class Report:
    events: int = 0
    checkpoints: int = 0
    external: int = 0
    last_seq: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad(self) -> int | None:
        seqs = [p.seq for p in self.problems if p.seq is not None]
        return min(seqs) if seqs else None


def verify(
    rows: Iterable[Row],
    stored: Iterable[Checkpoint],
    public_key: Ed25519PublicKey,
    key_id: str,
    external: Iterable[Checkpoint] = (),
) -> Report:
    """Walk `rows` (the whole log, in order, streamed) and check the `stored` checkpoints
    and the `external` ones that left the machine."""
    report = Report()
    hashes: dict[int, str] = {}
    expected_seq, prev = 1, GENESIS
    chain_sound = True
    for row in rows:
        report.events += 1
        report.last_seq = row.seq
        hashes[row.seq] = row.hash
        if not chain_sound:
            continue
        problem = None
        if row.seq != expected_seq:
            problem = _("events #{first} to #{last} are missing (deleted) before #{seq}",
                        first=expected_seq, last=row.seq - 1, seq=row.seq) \
                if row.seq > expected_seq else \
                _("event #{seq} is out of order", seq=row.seq)
        elif row.prev_hash != prev:
            problem = _("event #{seq} does not follow event #{previous} (an event was "
                        "inserted, deleted or moved)", seq=row.seq, previous=row.seq - 1)
        elif event_hash(row.envelope()) != row.hash:
            problem = _("event #{seq} was modified after it was written", seq=row.seq)
        else:
            try:
                validate(row.kind, json.loads(row.body), {}, complete=False)
            except (InputError, ValueError):
                problem = _("event #{seq} is not a valid sessiond event", seq=row.seq)
        if problem:
            report.problems.append(Problem(row.seq, problem))
            chain_sound = False
        expected_seq, prev = row.seq + 1, row.hash

    stored = list(stored)
    outside = list(external)
    report.checkpoints, report.external = len(stored), len(outside)
    for origin, checkpoints in ((_("checkpoint"), stored),
                                (_("checkpoint printed outside"), outside)):
        for cp in checkpoints:
            report.problems.extend(_check(cp, origin, hashes, report.last_seq, public_key,
                                          key_id))
    report.problems.sort(key=lambda p: (p.seq is None, p.seq or 0))
    return report


def _check(cp: Checkpoint, origin: str, hashes: dict[int, str], last_seq: int,
           public_key: Ed25519PublicKey, key_id: str) -> list[Problem]:
    if cp.key_id != key_id:
        return [Problem(cp.seq, _("{origin} of event #{seq} was signed by another key "
                                  "({key})", origin=origin, seq=cp.seq, key=cp.key_id))]
    if not cp.signature_valid(public_key):
        return [Problem(cp.seq, _("{origin} of event #{seq} has a forged signature",
                                  origin=origin, seq=cp.seq))]
    if cp.seq > last_seq:
        return [Problem(cp.seq, _("the log ends at event #{last} but a {origin} covers "
                                  "event #{seq}: the log was truncated or rolled back",
                                  last=last_seq, origin=origin, seq=cp.seq))]
    if hashes.get(cp.seq) != cp.hash:
        return [Problem(cp.seq, _("event #{seq} is not the one its {origin} signed (the "
                                  "log was rewritten)", seq=cp.seq, origin=origin))]
    return []
