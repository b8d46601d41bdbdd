"""What the daemon's unit tests share (the export seam is a fixture in conftest.py)."""

from __future__ import annotations

from datetime import UTC, datetime

from sessiond.sessions import Sessiond


def with_a_session(service: Sessiond) -> Sessiond:
    """A log whose first session is long before the days these tests export."""
    at = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    service.new_session(service.add_client("Lucie", at=at), policy="vlh", at=at)
    return service
