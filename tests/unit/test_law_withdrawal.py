"""The 14-day withdrawal period (L221-18) counted under regulation 1182/71 art. 3."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sessiond.law.holidays import is_working_day
from sessiond.law.withdrawal import (
    local_day,
    withdrawal_ends_at,
    withdrawal_last_day,
    within_withdrawal,
)

PARIS = ZoneInfo("Europe/Paris")
MARTINIQUE = ZoneInfo("America/Martinique")  # UTC-4 all year: its evenings are UTC's morrow


def paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0,
          microsecond: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=PARIS)


# --- the last day --------------------------------------------------------------------------

@pytest.mark.parametrize(("contract_day", "last_day"), [
    (date(2026, 11, 2), date(2026, 11, 16)),    # Monday: the 14th day is a Monday
    (date(2026, 11, 7), date(2026, 11, 23)),    # 14th day Saturday 21: to Monday
    (date(2026, 11, 8), date(2026, 11, 23)),    # 14th day Sunday 22: to Monday
    (date(2026, 5, 9), date(2026, 5, 26)),      # Saturday 23 May, Whit Monday 25: to Tuesday
    (date(2027, 10, 16), date(2027, 11, 2)),    # Saturday 30 Oct, Monday 1 Nov: to Tuesday
    (date(2026, 3, 21), date(2026, 4, 7)),      # Saturday 4 April, Easter Monday 6: Tuesday
    (date(2026, 3, 23), date(2026, 4, 7)),      # 14th day on Easter Monday: to Tuesday
    (date(2026, 10, 28), date(2026, 11, 12)),   # 14th day on 11 November: to Thursday
    (date(2026, 4, 30), date(2026, 5, 15)),     # 14th day on Ascension Thursday: to Friday
    (date(2026, 12, 11), date(2026, 12, 28)),   # Christmas on a Friday: to Monday 28
    (date(2026, 12, 18), date(2027, 1, 4)),     # across the year: Fri 1 Jan, to Monday 4
    (date(2026, 2, 14), date(2026, 3, 2)),      # February has 28 days
    (date(2028, 2, 15), date(2028, 2, 29)),     # ... 29 in a leap year
])
def test_last_day(contract_day: date, last_day: date) -> None:
    assert withdrawal_last_day(contract_day) == last_day


def test_alsace_moselle_moves_the_last_day_past_good_friday_and_26_december() -> None:
    assert withdrawal_last_day(date(2026, 3, 20)) == date(2026, 4, 3)  # Good Friday
    assert withdrawal_last_day(date(2026, 3, 20), alsace_moselle=True) == date(2026, 4, 7)
    assert withdrawal_last_day(date(2025, 12, 12)) == date(2025, 12, 26)
    assert withdrawal_last_day(date(2025, 12, 12), alsace_moselle=True) == date(2025, 12, 29)


# --- the instant it ends --------------------------------------------------------------------

def test_ordinary_period_ends_at_midnight_after_the_14th_day() -> None:
    contract = paris(2026, 11, 2, 15, 0)
    assert within_withdrawal(contract, paris(2026, 11, 16, 23, 59), PARIS)
    assert within_withdrawal(contract, paris(2026, 11, 16, 23, 59, 59, 999999), PARIS)
    assert not within_withdrawal(contract, paris(2026, 11, 17, 0, 0), PARIS)
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 11, 16, 23, 0, tzinfo=UTC)


def test_the_contract_day_itself_does_not_count() -> None:
    # Signed at 00:00 or at 23:59, the period ends the same instant: it starts the next day.
    early, late = paris(2026, 11, 2, 0, 0), paris(2026, 11, 2, 23, 59)
    assert withdrawal_ends_at(early, PARIS) == withdrawal_ends_at(late, PARIS)
    assert within_withdrawal(early, paris(2026, 11, 2, 12, 0), PARIS)


def test_a_14th_day_on_saturday_is_extended_to_monday() -> None:
    contract = paris(2026, 11, 7, 10, 0)
    assert within_withdrawal(contract, paris(2026, 11, 21, 23, 59), PARIS)  # Saturday
    assert within_withdrawal(contract, paris(2026, 11, 23, 23, 59), PARIS)  # Monday
    assert not within_withdrawal(contract, paris(2026, 11, 24, 0, 0), PARIS)
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)


def test_a_14th_day_on_saturday_before_a_monday_holiday_is_extended_to_tuesday() -> None:
    contract = paris(2026, 5, 9, 10, 0)  # Whit Monday is 25 May 2026
    assert within_withdrawal(contract, paris(2026, 5, 26, 23, 59), PARIS)
    assert not within_withdrawal(contract, paris(2026, 5, 27, 0, 0), PARIS)
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 5, 26, 22, 0, tzinfo=UTC)


def test_a_period_ending_on_easter_monday_is_extended_to_tuesday() -> None:
    contract = paris(2026, 3, 23, 9, 30)  # day 14: Monday 6 April 2026, Easter Monday
    assert within_withdrawal(contract, paris(2026, 4, 7, 23, 59), PARIS)
    assert not within_withdrawal(contract, paris(2026, 4, 8, 0, 0), PARIS)
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 4, 7, 22, 0, tzinfo=UTC)


@pytest.mark.parametrize(("contract", "tz", "last_day", "end"), [
    # 23:30 on 31 March in Paris: 21:30 UTC, the same day.
    (paris(2026, 3, 31, 23, 30), PARIS, date(2026, 4, 14),
     datetime(2026, 4, 14, 22, 0, tzinfo=UTC)),
    # 23:30 on 31 January: a 14th day on Saturday 14 February, so Monday 16.
    (paris(2026, 1, 31, 23, 30), PARIS, date(2026, 2, 16),
     datetime(2026, 2, 16, 23, 0, tzinfo=UTC)),
    # 23:30 on 31 March in Martinique is 03:30 UTC on 1 April: the local day still decides.
    (datetime(2026, 3, 31, 23, 30, tzinfo=MARTINIQUE), MARTINIQUE, date(2026, 4, 14),
     datetime(2026, 4, 15, 4, 0, tzinfo=UTC)),
])
def test_contract_late_on_the_last_day_of_a_month(contract: datetime, tz: ZoneInfo,
                                                   last_day: date, end: datetime) -> None:
    assert local_day(contract, tz) == contract.date()
    assert withdrawal_last_day(local_day(contract, tz)) == last_day
    assert withdrawal_ends_at(contract, tz) == end
    assert within_withdrawal(contract, end - timedelta(microseconds=1), tz)
    assert not within_withdrawal(contract, end, tz)


def test_contract_at_00_10_local_counts_from_the_local_day() -> None:
    contract = paris(2026, 6, 3, 0, 10)  # 22:10 UTC on 2 June
    assert contract.astimezone(UTC).date() == date(2026, 6, 2)
    assert local_day(contract, PARIS) == date(2026, 6, 3)
    # From the UTC day the period would end on 16 June; from the local day, on 17 June.
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 6, 17, 22, 0, tzinfo=UTC)
    assert within_withdrawal(contract, paris(2026, 6, 17, 23, 59), PARIS)
    # The same instant given in UTC gives the same answer: `at` is read in `tz`.
    assert within_withdrawal(contract.astimezone(UTC),
                             datetime(2026, 6, 17, 21, 59, tzinfo=UTC), PARIS)
    assert not within_withdrawal(contract, datetime(2026, 6, 17, 22, 0, tzinfo=UTC), PARIS)


def test_summer_time_starting_inside_the_period() -> None:
    contract = paris(2026, 3, 20, 10, 0)  # UTC+1; clocks go forward on 29 March
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 4, 3, 22, 0, tzinfo=UTC)
    assert within_withdrawal(contract, datetime(2026, 4, 3, 21, 59, tzinfo=UTC), PARIS)
    assert not within_withdrawal(contract, datetime(2026, 4, 3, 22, 0, tzinfo=UTC), PARIS)
    # 14 days of 24 hours from the contract's midnight would be one hour too late.
    assert withdrawal_ends_at(contract, PARIS) - paris(2026, 3, 21, 0, 0) == timedelta(
        days=14, hours=-1)


def test_winter_time_starting_inside_the_period() -> None:
    contract = paris(2026, 10, 20, 10, 0)  # UTC+2; clocks go back on 25 October
    assert withdrawal_ends_at(contract, PARIS) == datetime(2026, 11, 3, 23, 0, tzinfo=UTC)
    assert within_withdrawal(contract, datetime(2026, 11, 3, 22, 59, tzinfo=UTC), PARIS)
    assert not within_withdrawal(contract, datetime(2026, 11, 3, 23, 0, tzinfo=UTC), PARIS)


def test_contract_in_the_repeated_hour_of_the_autumn_change() -> None:
    first = paris(2026, 10, 25, 2, 30)             # 00:30 UTC, summer time
    second = paris(2026, 10, 25, 2, 30).replace(fold=1)  # 01:30 UTC, winter time
    assert withdrawal_ends_at(first, PARIS) == withdrawal_ends_at(second, PARIS)


def test_midnight_missing_at_the_end_in_cairo() -> None:
    # Egypt puts its clocks forward at 00:00 on the last Friday of April (26 April 2024):
    # that day starts at 01:00, 22:00 UTC the evening before.
    cairo = ZoneInfo("Africa/Cairo")
    contract = datetime(2024, 4, 11, 12, 0, tzinfo=cairo)
    end = withdrawal_ends_at(contract, cairo)
    assert end == datetime(2024, 4, 25, 22, 0, tzinfo=UTC)
    assert end.astimezone(cairo).date() == date(2024, 4, 26)
    assert (end - timedelta(microseconds=1)).astimezone(cairo).date() == date(2024, 4, 25)


def test_hour_repeated_before_midnight_at_the_end_in_cairo() -> None:
    # Egypt puts its clocks back at 24:00 on the last Thursday of October (31 October 2024):
    # 23:00-24:00 comes twice that evening, and both times are still inside.
    cairo = ZoneInfo("Africa/Cairo")
    contract = datetime(2024, 10, 17, 12, 0, tzinfo=cairo)
    assert withdrawal_ends_at(contract, cairo) == datetime(2024, 10, 31, 22, 0, tzinfo=UTC)
    for utc_hour in (20, 21):  # 23:30 summer time, then 23:30 winter time
        assert within_withdrawal(contract, datetime(2024, 10, 31, utc_hour, 30, tzinfo=UTC),
                                 cairo)
    assert not within_withdrawal(contract, datetime(2024, 10, 31, 22, 0, tzinfo=UTC), cairo)


def test_naive_datetimes_are_refused() -> None:
    aware = paris(2026, 11, 2, 15, 0)
    naive = datetime(2026, 11, 2, 15, 0)
    with pytest.raises(ValueError, match="time zone"):
        within_withdrawal(naive, aware, PARIS)
    with pytest.raises(ValueError, match="time zone"):
        within_withdrawal(aware, naive, PARIS)
    with pytest.raises(ValueError, match="time zone"):
        withdrawal_ends_at(naive, PARIS)


# --- properties ----------------------------------------------------------------------------

CONTRACT_DAYS = st.dates(date(1583, 1, 1), date(9999, 11, 30))


@given(CONTRACT_DAYS, st.booleans())
def test_last_day_is_the_first_working_day_from_the_14th(contract_day: date,
                                                         alsace_moselle: bool) -> None:
    last = withdrawal_last_day(contract_day, alsace_moselle=alsace_moselle)
    assert is_working_day(last, alsace_moselle=alsace_moselle)
    assert 14 <= (last - contract_day).days <= 18
    skipped = range(14, (last - contract_day).days)
    assert not any(is_working_day(contract_day + timedelta(days=n),
                                  alsace_moselle=alsace_moselle) for n in skipped)


def test_the_longest_extensions_happen() -> None:
    # The bound above is reached, so it is the true one: in Alsace-Moselle, Good Friday
    # before Easter Monday; everywhere, Ascension on Thursday 7 May before the Friday of
    # 8 May and a weekend (Easter on 29 March: 2043). In other years, a Saturday before a
    # Monday holiday gives 17.
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(3 * 366)]
    assert max((withdrawal_last_day(d) - d).days for d in days) == 17
    assert max((withdrawal_last_day(d, alsace_moselle=True) - d).days for d in days) == 18
    assert withdrawal_last_day(date(2043, 4, 23)) == date(2043, 5, 11)  # 18 days


INSTANTS = st.datetimes(datetime(1990, 1, 1), datetime(2090, 1, 1), timezones=st.just(UTC))


@given(INSTANTS, st.integers(0, 20 * 24 * 60))
def test_within_agrees_with_the_end_instant(contract: datetime, minutes: int) -> None:
    at = contract + timedelta(minutes=minutes)
    end = withdrawal_ends_at(contract, PARIS)
    assert within_withdrawal(contract, at, PARIS) is (at < end)
    assert end.utcoffset() == timedelta(0)
    assert end.astimezone(PARIS).time().isoformat() == "00:00:00"
