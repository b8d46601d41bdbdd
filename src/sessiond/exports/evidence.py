"""What a receipt states of the remote-control tool's own log.

The connections the tool logged to the client's machine: accepted ones only (an attempt
the peer refused, or that never authenticated, never reached it), each with its end once
seen (a connection recorded while open is completed by its `connection-closed` event).
The receipt renders them as "connexion AnyDesk observée de 14:02 à 14:47".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.model import Session


def connections(session: Session, tz: ZoneInfo, duplicates: Iterable[Session] = ()
                ) -> list[dict[str, Any]]:
    """The receipt's data: {"tool", "start", "end"} per connection, instants in ISO 8601
    with the local offset, end None while the log showed it open. The sessions cancelled
    as duplicates of `session` timed its work: what the tool logged in them is its
    connection, as its check counts it (Sessiond.facts)."""
    from sessiond.compliance.evidence import observed

    events = [*session.events, *(e for d in duplicates for e in d.events)]
    return [{"tool": c.tool, "start": clock.local_iso(c.start, tz),
             "end": clock.local_iso(c.end, tz) if c.end is not None else None}
            for c in observed(events) if c.accepted]
