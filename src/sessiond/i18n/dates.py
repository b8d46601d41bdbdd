"""Dates inside sentences, in the current language (or `lang`).

The month names are written here rather than taken from strftime("%B"), which follows the
process locale: a French sentence must not get "December" because the host runs in C or en_US.
French writes the first of a month as "1er" (premier) and month names in lower case.

`lang` is "fr" or "en"; None means `sessiond.i18n.language()`. As for `_()`, anything other
than "fr" reads as English.
"""

from __future__ import annotations

from datetime import date, datetime

from sessiond.i18n import language

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    # Only a type here: `clock` imports this module, and `status` from its view loads no
    # zone (tests/unit/test_startup.py).
    from zoneinfo import ZoneInfo

_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def long_date(day: date, lang: str | None = None) -> str:
    """"1er décembre 2026", "2 décembre 2026"; "1 December 2026" in English."""
    if _french(lang):
        number = "1er" if day.day == 1 else str(day.day)
        return f"{number} {_MONTHS_FR[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def month_year(day: date, lang: str | None = None) -> str:
    """The month of `day`: "mars 2026"; "March 2026"."""
    names = _MONTHS_FR if _french(lang) else _MONTHS_EN
    return f"{names[day.month - 1]} {day.year}"


def date_at_time(instant: datetime, tz: ZoneInfo, lang: str | None = None) -> str:
    """"le 1er décembre 2026 à 09:44"; "on 1 December 2026 at 09:44": the aware `instant` read
    in `tz`, to the minute. Raises ValueError on a naive datetime, which is no instant."""
    if instant.utcoffset() is None:
        raise ValueError(f"{instant.isoformat()} has no time zone: give an aware datetime")
    local = instant.astimezone(tz)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if _french(lang):
        return f"le {long_date(local.date(), 'fr')} à {clock}"
    return f"on {long_date(local.date(), 'en')} at {clock}"


def until_date(day: date, lang: str | None = None) -> str:
    """"jusqu'au 1er décembre 2027"; "until 1 December 2027"."""
    # "jusqu'au" (jusque + au): a date is always "le 1er décembre", so the article contracts
    # with "à" and "jusque" elides before it; never "jusqu'à le" nor "jusque au".
    if _french(lang):
        return f"jusqu'au {long_date(day, 'fr')}"
    return f"until {long_date(day, 'en')}"


def _french(lang: str | None) -> bool:
    return (language() if lang is None else lang) == "fr"
