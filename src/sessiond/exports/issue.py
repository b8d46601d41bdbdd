"""Issuing a document: its event and the checkpoint that covers it, in one transaction.

A receipt or an export is computed from the log *outside* the write lock (a year of
sessions takes a moment to price; the TUI and the daemon must not wait for it), then,
inside the lock, the digest of what it covers is recomputed: if another process appended
an event to those sessions meanwhile, the document is computed again. The last attempt
is computed under the lock, so issuing always ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol, TypeVar

from sessiond.exports.proof import EventsProof, Scope, make_proof
from sessiond.sessions import Sessiond
from sessiond.store.sqlite import Writer

ATTEMPTS = 3


class Snapshot(Protocol):
    @property
    def covered(self) -> tuple[int, int, str]:
        """(sessions, events, digest) of what the document was computed from."""


S = TypeVar("S", bound=Snapshot)


@contextmanager
def consistent(svc: Sessiond, scope: Scope, build: Callable[[], S]
               ) -> Iterator[tuple[Writer, S, EventsProof]]:
    """Inside the write transaction: a snapshot that matches the log, and its proof.

    The proof's `upto` is the seq the next appended event will get: the document's own
    `receipt-issued` or `export-made` event.
    """
    for attempt in range(ATTEMPTS + 1):
        snapshot = build() if attempt < ATTEMPTS else None
        with svc.transaction() as w:
            if snapshot is None:
                snapshot = build()
            proof = make_proof(svc.store, scope, w.tail()[0] + 1)
            if snapshot.covered == (proof.sessions, proof.events, proof.digest):
                yield w, snapshot, proof
                return
    raise AssertionError("a snapshot taken under the write lock matches the log")
