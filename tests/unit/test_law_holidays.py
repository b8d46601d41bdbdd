"""French public holidays: Easter by the computus, the 11 days (13 in Alsace-Moselle), working
days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessiond.law.holidays import (
    FIRST_YEAR,
    LAST_YEAR,
    easter_sunday,
    is_public_holiday,
    is_working_day,
    next_working_day,
    public_holidays,
)


@pytest.mark.parametrize("easter", [
    date(2024, 3, 31), date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28),
    date(2038, 4, 25),  # the latest possible date
    date(2285, 3, 22),  # the earliest possible date
    date(1583, 4, 10),  # the first Gregorian Easter
    date(1818, 3, 22), date(1943, 4, 25), date(2000, 4, 23), date(2008, 3, 23),
    date(2019, 4, 21),  # the full moon on Saturday 20 April: Easter the next day
    date(1981, 4, 19),  # Gauss's exception d=29, e=6 (full moon on 18 April)
    date(1954, 4, 18),  # Gauss's exception d=28, e=6
])
def test_known_easter_dates(easter: date) -> None:
    assert easter_sunday(easter.year) == easter


def _gauss_easter(year: int) -> date:
    """Gauss's Easter algorithm (with its 1816 correction of the lunar term), an independent
    derivation to check the Meeus algorithm against."""
    a, b, c = year % 19, year % 4, year % 7
    k = year // 100
    p = (13 + 8 * k) // 25
    q = k // 4
    m = (15 - p + k - q) % 30
    n = (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if d == 29 and e == 6:
        return date(year, 4, 19)
    if d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return date(year, 4, 18)
    return date(year, 3, 22) + timedelta(days=d + e)


def test_easter_agrees_with_gauss_every_year() -> None:
    wrong = [year for year in range(FIRST_YEAR, LAST_YEAR + 1)
             if easter_sunday(year) != _gauss_easter(year)]
    assert wrong == []


@given(st.integers(FIRST_YEAR, LAST_YEAR))
def test_easter_is_a_sunday_between_22_march_and_25_april(year: int) -> None:
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, 0, -1, LAST_YEAR + 1])
def test_years_outside_the_gregorian_range_are_refused(year: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        easter_sunday(year)
    with pytest.raises(ValueError, match="outside"):
        public_holidays(year)


def test_the_holidays_of_2026() -> None:
    assert sorted(public_holidays(2026)) == [
        date(2026, 1, 1), date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 8),
        date(2026, 5, 14), date(2026, 5, 25), date(2026, 7, 14), date(2026, 8, 15),
        date(2026, 11, 1), date(2026, 11, 11), date(2026, 12, 25)]


def test_alsace_moselle_adds_good_friday_and_26_december() -> None:
    local = public_holidays(2026, alsace_moselle=True)
    assert local - public_holidays(2026) == {date(2026, 4, 3), date(2026, 12, 26)}
    assert is_public_holiday(date(2026, 4, 3), alsace_moselle=True)
    assert not is_public_holiday(date(2026, 4, 3))
    assert not is_working_day(date(2026, 4, 3), alsace_moselle=True)
    assert is_working_day(date(2026, 4, 3))  # a Friday elsewhere in France


def test_ascension_on_1_may_makes_one_day_fewer() -> None:
    assert easter_sunday(2008) + timedelta(days=39) == date(2008, 5, 1)
    assert len(public_holidays(2008)) == 10
    assert len(public_holidays(2026)) == 11
    assert len(public_holidays(2026, alsace_moselle=True)) == 13


@given(st.integers(FIRST_YEAR, LAST_YEAR), st.booleans())
def test_every_year_has_its_movable_feasts(year: int, alsace_moselle: bool) -> None:
    easter = easter_sunday(year)
    days = public_holidays(year, alsace_moselle=alsace_moselle)
    assert {easter + timedelta(days=1), easter + timedelta(days=39),
            easter + timedelta(days=50)} <= days
    assert easter not in days  # a Sunday anyway, and not a holiday of the Code du travail
    assert all(day.year == year for day in days)
    assert (easter - timedelta(days=2) in days) is alsace_moselle


def test_holidays_are_cached_per_year_and_region() -> None:
    assert public_holidays(2030) is public_holidays(2030)
    assert public_holidays(2030) is not public_holidays(2030, alsace_moselle=True)
    assert isinstance(public_holidays(2030), frozenset)  # the cache cannot be altered


@pytest.mark.parametrize(("day", "working"), [
    (date(2026, 11, 20), True),    # Friday
    (date(2026, 11, 21), False),   # Saturday
    (date(2026, 11, 22), False),   # Sunday
    (date(2026, 11, 11), False),   # Wednesday, Armistice
    (date(2026, 4, 6), False),     # Easter Monday
    (date(2026, 4, 7), True),
    (date(2026, 5, 14), False),    # Ascension Thursday
    (date(2026, 5, 25), False),    # Whit Monday
    (date(2025, 12, 26), True),    # Friday: a holiday only in Alsace-Moselle
    (date(2026, 12, 26), False),   # Saturday
])
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_26_december_in_alsace_moselle() -> None:
    assert not is_working_day(date(2025, 12, 26), alsace_moselle=True)


def test_next_working_day() -> None:
    assert next_working_day(date(2026, 11, 20)) == date(2026, 11, 20)
    assert next_working_day(date(2026, 11, 21)) == date(2026, 11, 23)
    assert next_working_day(date(2026, 4, 4)) == date(2026, 4, 7)  # Sat, Sun, Easter Monday
    assert next_working_day(date(2026, 4, 3), alsace_moselle=True) == date(2026, 4, 7)
    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 28)
