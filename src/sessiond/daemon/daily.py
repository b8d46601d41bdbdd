"""When the daily jobs are due: pure functions of (now, zone, local time, what is done).

The end-of-day export and the day seal run at a local wall time (Europe/Paris by default).
Whether a day still needs its run is decided from the store (an `export-made` event
covering the day, a checkpoint whose reason names the day), never from memory, so a run
missed while the machine slept or the daemon was down happens once on the next chance,
and a run fired twice (APScheduler fires a wall time twice on the autumn DST day, or a
restart catches up what the scheduler also fires) does nothing the second time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sessiond.audit.checkpoint import day_seal_reason
from sessiond.errors import InputError
from sessiond.i18n import _

# The day seal closes the local day; 23:59 keeps it on the day it seals.
SEAL_TIME = time(23, 59)
# A daemon down for weeks exports the days it missed, but not beyond this many.
MAX_CATCH_UP_DAYS = 31

_HHMM = re.compile(r"^([0-9]{1,2}):([0-9]{2})\Z")  # not `\d`: int() reads "١٩" too


def parse_daily_time(text: str, setting: str = "daemon.export_time") -> time:
    """"19:30" -> 19:30. Times in 02:00-02:59 are refused: DST skips or repeats them."""
    match = _HHMM.match(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(_("{setting} = {value!r}: give a local time as HH:MM, e.g. 19:30.",
                           setting=setting, value=text))
    at = time(int(match[1]), int(match[2]))
    if at.hour == 2:
        raise InputError(_("{setting} = {value!r}: the clocks change between 02:00 and 03:00 "
                           "(that hour is skipped in March and repeated in October); choose "
                           "another time.", setting=setting, value=text))
    return at


def occurrence(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of local `day` at `at` (never in the DST hour, see above)."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def last_due_day(now: datetime, tz: ZoneInfo, at: time) -> date:
    """The local day of the most recent occurrence of `at` not after `now`."""
    today = now.astimezone(tz).date()
    if occurrence(today, at, tz) <= now:
        return today
    return today - timedelta(days=1)


def export_range(now: datetime, tz: ZoneInfo, at: time,
                 exported: Iterable[tuple[date, date]],
                 since: date | None) -> tuple[date, date] | None:
    """The days the end-of-day export must cover now, or None when nothing is due.

    `exported` lists the (first_day, last_day) of every export already made; `since` is
    the first local day with a session in the log (None: no session yet), so that a new
    installation does not export the empty days before its first session. The run is
    due for the last day whose export time has passed; if that day is covered, nothing is
    due. Otherwise the days since the last export that were missed are included (at most
    MAX_CATCH_UP_DAYS), so a machine off for a long weekend exports them in one run.
    """
    due = last_due_day(now, tz, at)
    if since is None or since > due:
        return None
    ranges = list(exported)
    if any(first <= due <= last for first, last in ranges):
        return None
    before = [last for _first, last in ranges if last < due]
    first = due
    if before:
        first = max(max(before) + timedelta(days=1), due - timedelta(days=MAX_CATCH_UP_DAYS - 1))
    return max(first, since), due


def seal_due(now: datetime, tz: ZoneInfo, reasons: Iterable[str],
             at: time = SEAL_TIME) -> date | None:
    """The local day to seal now, or None if its seal is already in the store.

    One seal covers the whole log up to it, so only the most recent due day is sealed
    after a long absence.
    """
    due = last_due_day(now, tz, at)
    return None if day_seal_reason(due) in set(reasons) else due
