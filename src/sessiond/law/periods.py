"""When a period that terms state in days, months or years runs out.

The terms count from a date, not from an instant: MRI87 4 "valable un an à compter de la date
d'achat", VLH 6.3 "2 mois à compter de la date de fin d'intervention", VLH 5.5 "valable 1 an",
Micro-Alpes 10 "dans les dix jours précédents". French law reckons such periods by whole days
(Code de procédure civile, art. 641 and 642, the rule the courts apply to contractual periods
too; Regulation (EEC, Euratom) No 1182/71, art. 3, says the same for periods of EU law):

- art. 641: the day of the event that starts a period in days does not count; a period in
  months or years ends on the day that bears the same number as the starting day, or on the
  last day of the month when that month has no such day;
- art. 642: every period ends at 24:00 of its last day.

So a package bought on 20 November 2025 at 08:00 is still good for a session at 15:00 on
20 November 2026, the day it "is one year old". Art. 642's second paragraph (a period ending
on a Saturday, a Sunday or a holiday runs to the next working day) is left out: it gives time
to *do* something, as the consumer's withdrawal does (law.withdrawal), while these periods
say how long a right lasts, and the technician works on weekends too. Days are the local
days of `tz` (the zone the starting event was recorded in). Periods in hours (MRI87 16.2:
24 h) are instants and are not counted here.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def add_months(instant: datetime, months: int) -> datetime:
    """Same day and time `months` later; the 29th to 31st become the month's last day."""
    years, month0 = divmod(instant.month - 1 + months, 12)
    year, month = instant.year + years, month0 + 1
    day = min(instant.day, calendar.monthrange(year, month)[1])
    return instant.replace(year=year, month=month, day=day)


def last_day(start: datetime, tz: ZoneInfo, *, days: int = 0, months: int = 0) -> date:
    """The last day (inclusive, local to `tz`) of a period of `months` then `days` that
    starts with the aware instant `start` (art. 641)."""
    if start.utcoffset() is None:
        raise ValueError(f"{start.isoformat()} has no time zone: give an aware datetime")
    first = start.astimezone(tz).date()
    shifted = add_months(datetime.combine(first, time(12)), months).date()
    return shifted + timedelta(days=days)


def period_end(start: datetime, tz: ZoneInfo, *, days: int = 0, months: int = 0) -> datetime:
    """The first instant (UTC) past that period: 00:00 local of the day after its last day
    (art. 642), so `instant < period_end(...)` says "still within"."""
    after = last_day(start, tz, days=days, months=months) + timedelta(days=1)
    # fold=0: in a zone whose clocks jump at midnight, the missing 00:00 reads as the jump
    # itself, the first instant of the new day (as law.withdrawal does).
    return datetime.combine(after, time(0), tzinfo=tz).astimezone(UTC)


def recorded_zone(name: str) -> ZoneInfo:
    """The zone an event was recorded in (its `tz`); UTC for a name this system lacks, so
    that a log read elsewhere still prices (a day at most off, never an error)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


def day_before(end: datetime, tz: ZoneInfo) -> date:
    """The last day still inside a period whose first instant past it is `end`."""
    return (end - timedelta(microseconds=1)).astimezone(tz).date()
