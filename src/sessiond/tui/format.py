"""How the TUI writes amounts, instants and labels (the locale's conventions)."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sessiond import labels
from sessiond.clock import local_wall
from sessiond.display import hm, hms, local_time
from sessiond.i18n import _, language

__all__ = ["day_and_time", "duration", "hm", "hms", "label", "local_time", "money", "short_day",
           "when"]

# A number and its unit stay on one line ("62,50 €", "1 h 15 min").
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")
_UNIT = re.compile(r"(\d) (€|h|min|s)\b")


def _no_break(text: str) -> str:
    return _UNIT.sub("\\1\u00a0\\2", text)


def money(amount: Decimal) -> str:
    """As bills write it (62,50 € in French, €62.50 in English)."""
    # Imported at the first amount shown: the billing package is not needed for the
    # first frame.
    from sessiond.billing.text import money as bill_money

    return _no_break(bill_money(amount))


def duration(seconds: int) -> str:
    """1 h 07 min, 45 min: as bills write a length of time."""
    from sessiond.billing.text import duration as bill_duration

    return _no_break(bill_duration(seconds))


def short_day(instant: datetime | date, tz: ZoneInfo) -> str:
    day = instant.astimezone(tz).date() if isinstance(instant, datetime) else instant
    return day.strftime("%d/%m/%Y") if language() == "fr" else day.strftime("%Y-%m-%d")


def day_and_time(instant: datetime, tz: ZoneInfo, today: date) -> str:
    """09:50 today; "hier 09:50" the day before; "28/11 09:50" further back."""
    local = instant.astimezone(tz)
    clock = local_wall(instant, tz, "%H:%M")  # with its offset in the repeated hour
    days = (today - local.date()).days
    if days == 0:
        return clock
    if days == 1:
        return _("yesterday {time}", time=clock)
    if language() == "fr":
        return f"{local:%d/%m} {clock}"
    return f"{local.day} {_MONTHS[local.month - 1]} {clock}"  # not %b: the process locale


def when(instant: datetime, tz: ZoneInfo) -> str:
    """An instant inside a sentence: "le 1er décembre 2026 à 09:44"."""
    from sessiond.i18n.dates import date_at_time

    return date_at_time(instant, tz)


def label(value: str | None) -> str:
    """A translated label for an allow-list value (mode, tool, channel, state...)."""
    return labels.short(value)


def client_kind(status: str, country: str) -> str:
    """"particulier", or "professionnel, Belgique": the country only when it is not France,
    which every client of a technician in France would otherwise repeat."""
    kind = labels.short(status)
    return kind if country == "FR" else f"{kind}, {labels.country(country)}"
