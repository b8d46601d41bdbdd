"""Storage of the event log."""

from sessiond.store.sqlite import Store, StoredEvent, Writer

__all__ = ["Store", "StoredEvent", "Writer"]
