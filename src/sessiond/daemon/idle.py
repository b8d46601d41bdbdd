"""Idle spans from the X screensaver's idle counter: a small state machine, no X in here.

`IdleWatch.observe(now, idle_seconds)` is fed the time since the last input (keyboard or
mouse, as the X server counts it) and reports when an idle span begins (no input for
`limit` seconds) and when it ends (input again). The span runs from the last input before
it to the first input after it. What to do with it is the technician's call: `jobs` turns
it into a question, never into a pause.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sessiond import clock


@dataclass(frozen=True)
class IdleStarted:
    since: datetime


@dataclass(frozen=True)
class IdleEnded:
    start: datetime
    end: datetime


class IdleWatch:
    def __init__(self, limit_seconds: float) -> None:
        self.limit = limit_seconds
        self.since: datetime | None = None

    def observe(self, now: datetime, idle_seconds: float) -> IdleStarted | IdleEnded | None:
        last_input = clock.whole_second(now - timedelta(seconds=idle_seconds))
        if idle_seconds >= self.limit:
            if self.since is None:
                self.since = last_input
                return IdleStarted(last_input)
            return None
        if self.since is not None:
            start, self.since = self.since, None
            if last_input > start:
                return IdleEnded(start, last_input)
        return None

    def flush(self, now: datetime) -> IdleEnded | None:
        """Close an open idle span (the daemon is stopping): it ends now."""
        if self.since is None:
            return None
        start, self.since = self.since, None
        end = clock.whole_second(now)
        return IdleEnded(start, end) if end > start else None
