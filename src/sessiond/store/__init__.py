"""Storage of the event log."""

from sessiond.store.sqlite import StoredEvent, Store, Writer

__all__ = ["Store", "StoredEvent", "Writer"]
