"""Instants and the machine's clocks.

Stored instants are UTC, to the second for declared instants (`at`) and to the microsecond
for recording instants (`recorded_at`). CLOCK_BOOTTIME and the boot id travel with each event
so that a jump of the wall clock, or a suspend, can be detected afterwards.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, tzinfo

from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.i18n.dates import long_date

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import re
    from zoneinfo import ZoneInfo

# How far in the future a declared instant may lie: clocks of two processes drift a little.
FUTURE_TOLERANCE = timedelta(seconds=60)
# Within one boot, wall clock and CLOCK_BOOTTIME advance together; NTP slews by far less
# than this, so a larger disagreement is a jump of the wall clock.
JUMP_TOLERANCE = timedelta(seconds=60)
# HH:MM names a time within this past window: "09:50" typed at 09:45 is a typo, not
# yesterday evening, and is refused with the instant it would have meant.
HHMM_WINDOW = timedelta(hours=12)
# A declared instant further back than this needs a confirmation (--yes).
OLD_DECLARATION = timedelta(days=7)
# No declared instant before this: a typed 1971 is a mistake, and stored instants keep a
# four-digit year.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


def now() -> datetime:
    return datetime.now(UTC)


def boottime_ns() -> int:
    return time.clock_gettime_ns(time.CLOCK_BOOTTIME)


_boot_id: str | None = None


def boot_id() -> str:
    global _boot_id
    if _boot_id is None:
        try:
            with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
                _boot_id = f.read().strip()
        except OSError:
            _boot_id = "unknown"
    return _boot_id


def zone(name: str) -> ZoneInfo:
    # Imported here: `sessiond status` shows no local time and does without it.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as e:  # a directory, a long name
        raise InputError(_("Unknown time zone {zone!r} in the configuration.", zone=name)) from e


def to_text(instant: datetime) -> str:
    """The one textual form of a stored instant: ISO 8601, UTC, `Z` suffix."""
    # isoformat writes the fraction only when there is one, as six digits (strftime's
    # %f), and pads the year to four digits; in UTC it ends in +00:00, which Z replaces.
    return instant.astimezone(UTC).isoformat()[:-6] + "Z"


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def whole_second(instant: datetime) -> datetime:
    return instant.replace(microsecond=0)


def local_iso(instant: datetime, tz: ZoneInfo) -> str:
    """ISO 8601 with the local offset, as the JSON outputs show instants."""
    return instant.astimezone(tz).isoformat(timespec="seconds")


def local_wall(instant: datetime, tz: tzinfo, layout: str = "%Y-%m-%d %H:%M:%S") -> str:
    """The local wall time in `layout`, with its UTC offset in the hour the clocks go
    back, where the same wall time comes twice and only the offset tells which."""
    local = instant.astimezone(tz)
    text = local.strftime(layout)
    wall = local.replace(tzinfo=None)
    if wall.replace(tzinfo=tz, fold=0).utcoffset() != wall.replace(tzinfo=tz, fold=1).utcoffset():
        text += f" (UTC{local.isoformat()[-6:]})"
    return text


# The days a log can speak of: a local day and its neighbours must convert to UTC and back
# (datetime stops at year 9999), and stored instants are written with four-digit years.
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(9998, 12, 31)


def check_day(day: date) -> date:
    """`day`, or InputError when it lies outside FIRST_DAY..LAST_DAY."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(_("The day {day} is out of range: give a day from {first} to "
                           "{last}.", day=long_date(day), first=long_date(FIRST_DAY),
                           last=long_date(LAST_DAY)))
    return day


def local_day_bounds(day: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants where a local day starts and ends (23 or 25 hours on DST days)."""
    check_day(day)
    start = datetime(day.year, day.month, day.day, tzinfo=tz)
    nxt = day + timedelta(days=1)
    end = datetime(nxt.year, nxt.month, nxt.day, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


# Day words, in both languages whatever the interface's: a technician types what he says.
_DAY_WORDS = {"today": 0, "aujourd'hui": 0, "aujourd’hui": 0, "auj": 0,
              "yesterday": -1, "hier": -1, "avant-hier": -2,
              "tomorrow": 1, "demain": 1, "après-demain": 2}
# A day as written in France: 1/12, 01/12/2026, 1.12.26 (day first, year optional).
_DMY = r"^([0-9]{1,2})[/.]([0-9]{1,2})(?:[/.]([0-9]{2}|[0-9]{4}))?\Z"  # compiled on first use


def _refuse_foreign_digits(text: str) -> None:
    # "٩:٣٠" matched `\d` and int() read it as 9:30 (amounts.refuse_foreign_digits).
    if not text.isascii():
        from sessiond.amounts import refuse_foreign_digits

        refuse_foreign_digits(text)


def _match(pattern: str, text: str) -> re.Match[str] | None:
    import re  # on the first parse: `sessiond status` parses nothing

    return re.match(pattern, text)


def parse_day(text: str, today: date, *, past: bool = True) -> date:
    """A day as a technician types it: a day word (aujourd'hui, hier, demain...), ISO
    (2026-11-22) or day first (22/11/2026, 22/11/26, 22/11). A two-digit year is of this
    century; a day without its year is the most recent one not after `today` when `past`
    (the day of a check or an export), else the nearest one (an appointment)."""
    _refuse_foreign_digits(text)
    value = " ".join(text.strip().lower().split())
    if value in _DAY_WORDS:
        return check_day(today + timedelta(days=_DAY_WORDS[value]))
    try:
        match = _match(_DMY, value)
        if match is None:
            return check_day(date.fromisoformat(value))
        d, m, y = match.groups()
        if y is not None:
            return check_day(date(int(y) + (2000 if len(y) == 2 else 0), int(m), int(d)))
        return check_day(_without_year(int(d), int(m), today, past=past))
    except (ValueError, OverflowError):  # OverflowError: a year of 400 digits
        raise InputError(_("Cannot read the day {text!r}: give YYYY-MM-DD (2026-11-22), "
                           "DD/MM/YYYY (22/11/2026), DD/MM (22/11), today, yesterday or "
                           "tomorrow.", text=text)) from None


def _without_year(d: int, m: int, today: date, *, past: bool) -> date:
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, m, d))
        except ValueError:  # 29/02 of a common year
            continue
    if not candidates:
        raise ValueError(f"no day {d}/{m}")
    if past:
        earlier = [c for c in candidates if c <= today]
        if earlier:
            return max(earlier)
    return min(candidates, key=lambda c: abs((c - today).days))


# A time of day as technicians type it: "09:30", "9:30", "9h30", "9 h 30", "21h", and
# "09:30:15" to the second.
_HHMM = (r"^([0-9]{1,2})(?:(?::|\s*[hH]\s*)([0-9]{2})(?::([0-9]{2}))?|\s*[hH])\Z"
         )  # on first use; 0-9 only: `\d` (and int()) read Arabic-Indic digits too


def parse_instant(text: str, tz: ZoneInfo, *, reference: datetime | None = None,
                  allow_old: bool = False) -> datetime:
    """Read a declared instant: ISO 8601 with offset, naive ISO, or HH:MM in the local zone.

    HH:MM means the most recent such local time not in the future, within the past 12
    hours: "23:50" typed at 00:10 is yesterday evening, which is what a technician who
    forgot to press start means; "09:50" typed at 09:45 is refused (it would mean
    yesterday). Nothing in the future; nothing more than 7 days back unless `allow_old`;
    nothing before 2000. Local times that do not exist or happen twice (DST changes) are
    refused: only an offset makes them unambiguous.
    """
    reference = reference or now()
    text = text.strip()
    _refuse_foreign_digits(text)
    match = _match(_HHMM, text)
    if match:
        hour, minute, second = (int(g) if g else 0 for g in match.groups())
        if hour > 23 or minute > 59 or second > 59:
            raise _unreadable(text, tz, reference)
        local_today = reference.astimezone(tz).date()
        candidate = _resolve_local(
            datetime.combine(local_today, datetime.min.time()).replace(
                hour=hour, minute=minute, second=second
            ),
            tz,
            text,
        )
        if candidate > reference + FUTURE_TOLERANCE:
            candidate = _resolve_local(
                datetime.combine(local_today - timedelta(days=1), datetime.min.time()).replace(
                    hour=hour, minute=minute, second=second
                ),
                tz,
                text,
            )
        if candidate < reference - HHMM_WINDOW:
            meant = candidate.astimezone(tz)
            if meant.date() == local_today:  # this morning's, more than 12 hours back
                raise InputError(_(
                    "{text} would mean {meant}, more than 12 hours ago. For that instant "
                    "give the date too: --at {iso}.", text=text,
                    meant=meant.strftime("%Y-%m-%d %H:%M"),
                    iso=meant.strftime("%Y-%m-%dT%H:%M")))
            raise InputError(_(
                "{text} would mean {meant}, more than 12 hours ago (today's {text} is still "
                "to come). For that instant give the date too: --at {iso}.", text=text,
                meant=meant.strftime("%Y-%m-%d %H:%M"),
                iso=meant.strftime("%Y-%m-%dT%H:%M")))
        instant = candidate
    elif (typed := _day_and_time(text, reference.astimezone(tz).date(), past=True)):
        instant = _resolve_local(typed, tz, text)
    else:
        try:
            parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
            if parsed.tzinfo is None:
                instant = _resolve_local(parsed, tz, text)
            else:
                instant = parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            raise _unreadable(text, tz, reference) from None
    if instant < EARLIEST:
        raise InputError(_("The time {text} is before 2000: check the year.", text=text))
    if instant < reference - OLD_DECLARATION and not allow_old:
        raise InputError(_(
            "The time {text} is more than 7 days ago ({meant}); if that is really when it "
            "happened, add --yes.", text=text,
            meant=instant.astimezone(tz).strftime("%Y-%m-%d %H:%M")))
    if instant > reference + FUTURE_TOLERANCE:
        raise InputError(
            _("The time {text} is in the future; --at declares when something already happened.",
              text=text)
        )
    return whole_second(instant)


def _day_and_time(text: str, today: date, *, past: bool) -> datetime | None:
    """A local day then a time of day, as typed: "hier 18h30", "30/11 à 9:30",
    "30/11/2026 21h", "2026-11-30 09:30"; None when `text` is not one."""
    words = text.split()
    for cut in range(1, len(words)):
        day_text = " ".join(words[:cut])
        rest = words[cut:]
        if rest and rest[0].lower() in ("à", "a", "at") and len(rest) > 1:
            rest = rest[1:]
        time_match = _match(_HHMM, " ".join(rest))
        if time_match is None:
            continue
        try:
            day = parse_day(day_text, today, past=past)
        except InputError:
            continue
        hour, minute, second = (int(g) if g else 0 for g in time_match.groups())
        if hour > 23 or minute > 59 or second > 59:
            return None
        return datetime(day.year, day.month, day.day, hour, minute, second)
    return None


def _unreadable(text: str, tz: ZoneInfo, reference: datetime | None = None) -> InputError:
    # The examples are today's date, in the technician's zone: ready to edit and type.
    local = (reference or now()).astimezone(tz).replace(second=0, microsecond=0)
    return InputError(_(
        "Cannot read the time {text!r}: give HH:MM (or 9h30), a day and a time (yesterday "
        "18:30, 30/11 9h30), an ISO date-time such as {example}, or one with an offset such "
        "as {with_offset}.", text=text,
        example=f"{local:%Y-%m-%dT%H:%M}", with_offset=local.isoformat(timespec="minutes")))


def without_day(text: str) -> bool:
    """Whether `text` gives a time of day alone (HH:MM, 9h30, 21h): the day is the
    parser's guess, the most recent past one (see `parse_instant`)."""
    return _match(_HHMM, text.strip()) is not None


def _resolve_local(naive: datetime, tz: ZoneInfo, text: str) -> datetime:
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() != second.utcoffset():
        # Either the wall time happens twice (fall back) or never (spring forward):
        # a round trip through UTC keeps the wall time only if it exists.
        roundtrip = first.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
        if roundtrip != naive:
            example = first.astimezone(UTC).astimezone(tz).isoformat(timespec="minutes")
            raise InputError(
                _(
                    "The local time {text} does not exist in {zone} (clocks jump forward "
                    "that day): give it with an offset, e.g. {example}.",
                    text=text, zone=tz.key, example=example,
                )
            )
        raise InputError(
            _(
                "The local time {text} happens twice in {zone} (clocks go back that day): "
                "give it with an offset, {first} or {second}.",
                text=text, zone=tz.key,
                first=first.isoformat(timespec="minutes"),
                second=second.isoformat(timespec="minutes"),
            )
        )
    return first.astimezone(UTC)


# An appointment is agreed for the coming weeks, rarely further than this.
APPOINTMENT_AHEAD = timedelta(days=2 * 366)


def parse_appointment(text: str, tz: ZoneInfo) -> datetime:
    """When an intervention was agreed to take place (`session new --appointment`): a full
    date and time, past or future (HH:MM alone would not say which day), local or with an
    offset, from 2000 and at most two years ahead."""
    text = text.strip()
    _refuse_foreign_digits(text)
    if _match(_HHMM, text):
        raise InputError(_("--appointment {text}: give the day too, e.g. 2026-11-22T14:00.",
                           text=text))
    typed = _day_and_time(text, now().astimezone(tz).date(), past=False)
    try:
        parsed = typed or datetime.fromisoformat(text.replace(" ", "T", 1))
    except (ValueError, OverflowError):
        raise _unreadable(text, tz) from None
    instant = (_resolve_local(parsed, tz, text) if parsed.tzinfo is None
               else parsed.astimezone(UTC))
    if instant < EARLIEST:
        raise InputError(_("The time {text} is before 2000: check the year.", text=text))
    if instant > now() + APPOINTMENT_AHEAD:
        raise InputError(_("--appointment {text}: more than two years ahead; check the year.",
                           text=text))
    return whole_second(instant)
