"""Storage of the event log.

`Store` and its rows load on first use (PEP 562): `sessiond status` reads through
store.glance, heartbeats and notifications alone, without the Store class and its imports.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from sessiond.store.sqlite import Store, StoredEvent, Writer

__all__ = ["Store", "StoredEvent", "Writer"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from sessiond.store import sqlite

        return getattr(sqlite, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
