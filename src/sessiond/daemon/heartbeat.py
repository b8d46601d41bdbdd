"""Heartbeats, and the spans they reveal when nothing was watching.

The daemon writes a heartbeat every `interval` seconds (15 by default). A gap between two
heartbeats longer than `GAP_FACTOR` intervals means the daemon did not run: it crashed or
was killed (found at the next start), or the machine slept (found at the first heartbeat
after the resume). Elapsed time is measured on CLOCK_BOOTTIME when both heartbeats come
from the same boot, so a wall-clock jump (NTP, a manual change) is not taken for a gap;
across a reboot only the wall clock is left.

A gap is never decided silently: where it overlaps a running session it becomes a
question for the technician (see `jobs`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from sessiond import clock
from sessiond.model import Session
from sessiond.store.heartbeats import Beat

DEFAULT_INTERVAL = 15.0
# Test hook, documented in README: `SESSIOND_HEARTBEAT_SECONDS=1` makes the kill -9 test
# fast. Technicians have no reason to set it.
INTERVAL_ENV = "SESSIOND_HEARTBEAT_SECONDS"
GAP_FACTOR = 3


def interval() -> float:
    raw = os.environ.get(INTERVAL_ENV, "")
    try:
        value = float(raw) if raw else DEFAULT_INTERVAL
    except ValueError:
        value = DEFAULT_INTERVAL
    return min(max(value, 0.2), 300.0)


def threshold(every: float) -> float:
    """Seconds without a heartbeat that count as a gap."""
    return GAP_FACTOR * every


@dataclass(frozen=True)
class Gap:
    start: datetime
    end: datetime
    cause: str  # "gap" (daemon down, crash, power loss) or "suspend" (machine asleep)

    @property
    def seconds(self) -> int:
        return int((self.end - self.start).total_seconds())


def gap_since(prev: Beat, now: Beat, limit: float, *, suspended_seconds: float | None = None,
              ) -> Gap | None:
    """The gap between two heartbeats, or None when they are close enough.

    `suspended_seconds` is how long the machine slept in between (CLOCK_BOOTTIME minus
    CLOCK_MONOTONIC progress), known only when one process saw both heartbeats.
    """
    if prev.boot_id == now.boot_id:
        elapsed = (now.boottime_ns - prev.boottime_ns) / 1e9
    else:
        elapsed = (now.at - prev.at).total_seconds()
    if elapsed <= limit or now.at <= prev.at:
        return None
    cause = "gap"
    if suspended_seconds is not None and suspended_seconds > elapsed / 2:
        cause = "suspend"
    return Gap(clock.whole_second(prev.at), clock.whole_second(now.at), cause)


def running_overlaps(session: Session, gap: Gap, *, minimum: float = 1.0,
                     ) -> list[tuple[datetime, datetime]]:
    """The parts of `gap` during which `session`'s clock was running."""
    spans = []
    for interval in session.running:
        end = interval.end or gap.end
        start, stop = max(interval.start, gap.start), min(end, gap.end)
        if (stop - start).total_seconds() >= minimum:
            spans.append((start, stop))
    return spans
