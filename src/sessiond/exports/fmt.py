"""How exports and receipts write numbers, dates and allow-list values, per language.

French first: decimal comma, dates as 22/11/2026, so that LibreOffice Calc and Excel set
to French read the numbers and dates of a CSV as such. English: decimal point, ISO dates.
Numbers in a CSV carry no thousands separator and no currency sign: a spreadsheet must be
able to add them up.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from sessiond import clock, labels
from sessiond.i18n import language

CENT = Decimal("0.01")


def french() -> bool:
    return language() == "fr"


def number(value: Decimal, places: int = 2) -> str:
    """A plain decimal for a spreadsheet: 1234,50 in French, 1234.50 in English."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):f}"
    return text.replace(".", ",") if french() else text


def hours(seconds: int) -> Decimal:
    """Decimal hours to the hundredth, half up: 1 h 07 min 30 s -> 1.13."""
    return (Decimal(seconds) / 3600).quantize(CENT, rounding=ROUND_HALF_UP)


def minutes(seconds: int) -> int:
    """Whole minutes, half up: 1 h 07 min 30 s -> 68."""
    return int((Decimal(seconds) / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def h_mm(total_minutes: int) -> str:
    """1:08 — hours and minutes, as a spreadsheet reads a duration."""
    h, m = divmod(total_minutes, 60)
    return f"{h}:{m:02d}"


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y") if french() else value.isoformat()


def time_of_day(instant: datetime | None, tz: ZoneInfo, *, offsets: bool = False) -> str:
    """14:05; with `offsets`, "02:40 (UTC+02:00)" in the hour the clocks go back, where the
    same wall time comes twice (a person reads it; a spreadsheet's cell stays a time)."""
    if instant is None:
        return ""
    if offsets:
        return clock.local_wall(instant, tz, "%H:%M")
    return instant.astimezone(tz).strftime("%H:%M")


def moment(instant: datetime | None, tz: ZoneInfo, *, offsets: bool = False) -> str:
    """22/11/2026 14:05 (French) or 2026-11-22 14:05 (English); `offsets` as time_of_day."""
    if instant is None:
        return "—"
    return f"{day(instant.astimezone(tz).date())} {time_of_day(instant, tz, offsets=offsets)}"


def label(value: str | None) -> str:
    """The words for an allow-list value (mode, tool, channel, artifact, status...)."""
    return labels.formal(value)
