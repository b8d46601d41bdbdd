"""Local wall-clock times of the logs to UTC instants, deterministically and without errors.

Rules for a zone with daylight saving time (AnyDesk traces, TeamViewer logs read with the
machine's zone):
- a time that does not exist (the hour skipped in spring) is read with fold=0, i.e. with
  the offset in force before the change (02:30 in Paris on the last Sunday of March is
  read as 01:30 UTC);
- a time that exists twice (the hour repeated in autumn) is read with fold=0, the first
  pass (summer time), unless that would put the line more than FOLD_TOLERANCE before a
  line already read: then the log has gone back in time and the second pass (fold=1) is
  taken. A log that starts inside the repeated hour is thus read as the first pass.
Every function returns None instead of raising on impossible dates or overflow.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import pairwise
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

FOLD_TOLERANCE = timedelta(minutes=5)  # lines of concurrent threads come a little out of order


def naive(year: int, month: int, day: int, hour: int, minute: int, second: int,
          micro: int = 0) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None


def micros(fraction: str | None) -> int:
    """The digits after the seconds' point as microseconds: milliseconds (TeamViewer,
    AnyDesk), microseconds (RustDesk) or any other count of digits; past 6 they are cut."""
    return int((fraction or "0")[:6].ljust(6, "0"))


def with_offset(local: datetime, offset_minutes: int) -> datetime | None:
    """`local` read at a fixed offset from UTC."""
    try:
        return (local - timedelta(minutes=offset_minutes)).replace(tzinfo=UTC)
    except OverflowError:
        return None


def in_zone(local: datetime, tz: ZoneInfo, after: datetime | None) -> datetime | None:
    """`local` read in `tz`; `after` is the latest instant already read from the same log."""
    try:
        first = local.replace(fold=0, tzinfo=tz).astimezone(UTC)
        second = local.replace(fold=1, tzinfo=tz).astimezone(UTC)
        if first >= second:  # unambiguous (equal) or skipped (fold=0 is the later instant)
            return first
        if after is not None and first < after - FOLD_TOLERANCE <= second:
            return second
    except (OverflowError, ValueError):
        return None
    return first


def skipped(local: datetime, tz: ZoneInfo) -> bool:
    """Whether wall time `local` does not exist in `tz` (the hour its clocks skip in
    spring): read before the change it is later than read after it."""
    try:
        before = local.replace(fold=0, tzinfo=tz).utcoffset()
        after = local.replace(fold=1, tzinfo=tz).utcoffset()
    except (OverflowError, ValueError):
        return False
    return before is not None and after is not None and before < after


def offsets_of(local: datetime, tz: ZoneInfo) -> set[int]:
    """The offsets (minutes) `tz` can have at wall time `local` (two around a change)."""
    found: set[int] = set()
    for fold in (0, 1):
        try:
            delta = local.replace(fold=fold, tzinfo=tz).utcoffset()
        except (OverflowError, ValueError):
            continue
        if delta is not None:
            found.add(int(delta.total_seconds()) // 60)
    return found


_UTC_OFFSET = re.compile(r"(?:UTC|GMT)\s*(?:([+-])\s*([0-9]{1,2})(?::?([0-9]{2}))?)?",
                         re.IGNORECASE)
# Abbreviations a TeamViewer build writes instead of an offset (the iOS build writes `CDT`).
# Ambiguous ones (IST, CST in China, BST...) are left out: the caller's zone decides then.
_ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "CET": 60, "CEST": 120, "EET": 120,
    "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420,
    "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
    "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
}
MAX_OFFSET = 14 * 60


def parse_zone(text: str) -> int | None:
    """Minutes east of UTC from `UTC-8:00`, `UTC+5:30`, `UTC`, `GMT+1` or `CDT`, else None."""
    value = text.strip()
    match = _UTC_OFFSET.fullmatch(value)
    if match:
        sign, hours, minutes = match.groups()
        if sign is None:
            return 0
        total = int(hours) * 60 + int(minutes or 0)
        if int(minutes or 0) >= 60 or total > MAX_OFFSET:
            return None
        return -total if sign == "-" else total
    return _ABBREVIATIONS.get(value.upper())


_DMY = re.compile(r"([0-9]{2})-([0-9]{2})-([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2})")


def utc_dmy(text: str) -> datetime | None:
    """`DD-MM-YYYY HH:MM:SS` in UTC, as TeamViewer's connection files write instants."""
    match = _DMY.fullmatch(text.strip())
    if not match:
        return None
    day, month, year, hour, minute, second = (int(g) for g in match.groups())
    local = naive(year, month, day, hour, minute, second)
    return None if local is None else local.replace(tzinfo=UTC)


MAX_CHANGE = timedelta(hours=3)  # no zone has moved its clocks back by more


@lru_cache(maxsize=1)
def _zones() -> tuple[ZoneInfo, ...]:
    """Every zone of the tz database on this host (or the tzdata package), once."""
    found = []
    for key in sorted(available_timezones()):
        try:
            found.append(ZoneInfo(key))
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return tuple(found)


def _offset_at(zone: ZoneInfo, instant: datetime) -> int | None:
    try:
        delta = instant.astimezone(zone).utcoffset()
    except (OverflowError, ValueError):
        return None
    return None if delta is None else int(delta.total_seconds()) // 60


def clock_change_back(before: datetime, after: datetime, offset: int,
                      tz: ZoneInfo | None = None) -> int | None:
    """The minutes a real zone's clocks went back between two lines of a log read at a
    fixed `offset` (minutes east of UTC), or None if no zone did.

    `before` is the wall time of the last line, `after` the earlier wall time of the
    line read now. A zone accounts for the jump only if it had `offset` at the instant of
    `before`, moved its clocks back by some amount after it, and the line at `after`, read
    with the new offset, is not earlier than `before`: the change happened between the two
    lines (at its instant) and the clock went back by no more than the change (by its
    amount). `tz` (the caller's zone) is tried first; then every zone on this host."""
    return _change_back(before, after, offset, tz)


@lru_cache(maxsize=256)
def _change_back(before: datetime, after: datetime, offset: int,
                 tz: ZoneInfo | None) -> int | None:
    if not timedelta(0) < before - after <= MAX_CHANGE:
        return None
    first = with_offset(before, offset)
    if first is None:
        return None
    for zone in ((tz,) if tz is not None else ()) + _zones():
        if _offset_at(zone, first) != offset:
            continue
        for new in sorted(offsets_of(after, zone), reverse=True):
            amount = offset - new
            if not 0 < amount <= MAX_CHANGE.total_seconds() // 60:
                continue
            second = with_offset(after, new)
            if second is not None and second >= first and _offset_at(zone, second) == new:
                return amount
    return None


# A forward change is told from a quiet spell by the lines around it: those just before
# the skipped hour and just after it are this close in real time (the wall clock jumped by
# the change's amount, plus at most this). A longer silence across the change hour is not
# read as one (a zone with no DST, say Martinique at UTC-4, is quiet across Halifax's).
FORWARD_GAP = timedelta(minutes=30)


def clock_change_forward(before: datetime, after: datetime, offset: int, *,
                         confirmed: bool = False) -> int | None:
    """The minutes a real zone's clocks went forward between two lines of a log read at a
    fixed `offset` (minutes east of UTC), or None if no zone did.

    `before` is the wall time of the last line, `after` the later wall time of the line
    read now. A zone accounts for the jump only if it went forward from `offset` at an
    instant between the two lines, `after` read with its new offset (so the wall clock
    skipped the time it skipped), and the two lines are then at most FORWARD_GAP apart in
    real time, or whatever the silence when `confirmed` (the log says elsewhere that its
    offset grew: a later Start: block)."""
    jump = after - before
    if jump <= timedelta(0) or (not confirmed and jump > MAX_CHANGE + FORWARD_GAP):
        return None
    first = with_offset(before, offset)
    if first is None:
        return None
    try:
        years = range(first.year, (first + jump).year + 1)
    except OverflowError:
        return None
    for year in years[:2]:
        for instant, amount in _forward_changes(year, offset):
            if not first < instant <= first + jump:
                continue
            second = with_offset(after, offset + amount)
            if second is not None and instant <= second and first < second and (
                    confirmed or second <= first + FORWARD_GAP):
                return amount
    return None


_SAMPLE = timedelta(days=3)  # no zone changes its clocks twice within this
_COARSE = 5  # every 15 days: no zone keeps an offset for less (Morocco's Ramadan: a month)


@lru_cache(maxsize=16)
def _forward_changes(year: int, offset: int) -> tuple[tuple[datetime, int], ...]:
    """(instant, minutes) of every change forward from `offset` in `year`, of any zone on
    this host, in order. Built once per year and offset: a log's quiet spells are many,
    changes few, and asking every zone at each spell took seconds on a big log."""
    try:
        start = datetime(year, 1, 1, tzinfo=UTC)
    except ValueError:
        return ()
    found: set[tuple[datetime, int]] = set()
    steps = [start + _SAMPLE * n for n in range(int(timedelta(days=367) / _SAMPLE) + 1)]
    coarse = steps[::_COARSE]
    for zone in _zones():
        if offset not in (_offset_at(zone, at) for at in coarse):
            continue  # never at `offset` this year (it holds an offset weeks, not days)
        offsets = [_offset_at(zone, at) for at in steps]
        for (lo, old), (hi, new) in pairwise(zip(steps, offsets, strict=True)):
            if old != offset or new is None or new <= old:
                continue
            while hi - lo > timedelta(seconds=1):  # the change's instant, to the second
                mid = lo + (hi - lo) / 2
                if _offset_at(zone, mid) == old:
                    lo = mid
                else:
                    hi = mid
            amount = new - old
            if amount <= MAX_CHANGE.total_seconds() // 60:
                found.add((hi.replace(microsecond=0), amount))
    return tuple(sorted(found))
