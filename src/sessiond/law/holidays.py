"""French public holidays (jours fériés) and working days.

The list is the one of the Code du travail (L3133-1) as it stands today; it is applied to any
year on purpose (no history of when each holiday was created), since the tool computes current
and future deadlines. Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and
26 December under its local law (Code du travail L3134-13).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

# The Gregorian computus only makes sense from the first Gregorian Easter; `date` stops at 9999.
FIRST_YEAR = 1583
LAST_YEAR = 9999

_SATURDAY = 5  # date.weekday(): Monday is 0


def easter_sunday(year: int) -> date:
    """Easter Sunday of `year` (Gregorian calendar), by the Anonymous Gregorian algorithm
    (Meeus, *Astronomical Algorithms*, ch. 8; also known as Meeus/Jones/Butcher).

    Raises ValueError outside 1583-9999.
    """
    _check_year(year)
    golden = year % 19  # position in the 19-year Metonic cycle of the moon
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    lunar_shift = (century - moon_correction + 1) // 3
    # Days from 21 March to the paschal full moon (the epact, corrected for the century).
    full_moon = (19 * golden + century - leap_centuries - lunar_shift + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    # Days from the paschal full moon to the next Sunday, less one.
    to_sunday = (32 + 2 * century_rest + 2 * leap_years - full_moon - year_rest) % 7
    # Pushes the two exceptional cases (full moon on 18/19 April) a week earlier.
    exception = (golden + 11 * full_moon + 22 * to_sunday) // 451
    month, day = divmod(full_moon + to_sunday - 7 * exception + 114, 31)
    return date(year, month, day + 1)


def public_holidays(year: int, *, alsace_moselle: bool = False) -> frozenset[date]:
    """The public holidays of `year`: 11 days, 13 with `alsace_moselle` (one fewer in the
    years when Ascension falls on 1 or 8 May, as in 2008).

    Cached per (year, region); the result is immutable so that the cache cannot be altered.
    Raises ValueError outside 1583-9999.
    """
    return _holidays(year, alsace_moselle)


def is_public_holiday(day: date, *, alsace_moselle: bool = False) -> bool:
    return day in _holidays(day.year, alsace_moselle)


def is_working_day(day: date, *, alsace_moselle: bool = False) -> bool:
    """Neither a Saturday, a Sunday nor a public holiday: the days regulation (EEC, Euratom)
    1182/71 art. 3(4) leaves out when it moves the last day of a period."""
    return day.weekday() < _SATURDAY and not is_public_holiday(day, alsace_moselle=alsace_moselle)


def next_working_day(day: date, *, alsace_moselle: bool = False) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, alsace_moselle=alsace_moselle):
        day += timedelta(days=1)
    return day


@cache
def _holidays(year: int, alsace_moselle: bool) -> frozenset[date]:
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1),  # Jour de l'an
        easter + timedelta(days=1),  # Lundi de Pâques
        date(year, 5, 1),  # Fête du travail
        date(year, 5, 8),  # Victoire 1945
        easter + timedelta(days=39),  # Ascension
        easter + timedelta(days=50),  # Lundi de Pentecôte
        date(year, 7, 14),  # Fête nationale
        date(year, 8, 15),  # Assomption
        date(year, 11, 1),  # Toussaint
        date(year, 11, 11),  # Armistice 1918
        date(year, 12, 25),  # Noël
    }
    if alsace_moselle:
        days |= {easter - timedelta(days=2), date(year, 12, 26)}  # Vendredi saint, Saint-Étienne
    return frozenset(days)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
