"""Plain renderings shared by the front ends (CLI, TUI, exports): durations and sessions."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.model import Session


def hms(seconds: int) -> str:
    """1:07:05 — the running clock."""
    sign = "-" if seconds < 0 else ""
    h, rest = divmod(abs(seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}"


def local_time(instant: datetime | None, tz: ZoneInfo, fmt: str = "%H:%M") -> str:
    return instant.astimezone(tz).strftime(fmt) if instant else "—"


def session_data(session: Session, tz: ZoneInfo, now: datetime) -> dict[str, Any]:
    """A session for JSON output: instants ISO 8601 with offset, durations in seconds."""

    def iso(instant: datetime | None) -> str | None:
        return clock.local_iso(instant, tz) if instant else None

    return {
        "session": session.id,
        "client": session.client_id,
        "state": session.state.value,
        "policy": session.policy,
        "mode": session.mode,
        "tool": session.tool,
        "client_os": session.client_os,
        "planned_at": iso(session.planned_at),
        "started_at": iso(session.started_at),
        "stopped_at": iso(session.stopped_at),
        "stopped_by": session.stopped_by,
        "consent": [{"channel": c.channel, "at": iso(c.at), "seq": c.seq}
                    for c in session.consents],
        "without_consent": session.without_consent,
        "elapsed_seconds": session.elapsed_seconds(now),
        "pauses": [{"start": iso(p.start), "end": iso(p.end),
                    "seconds": p.seconds(now)} for p in session.pauses],
    }
