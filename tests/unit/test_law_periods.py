"""Periods that terms state in days, months or years end at 24:00 of their last local day
(C. proc. civ. art. 641, 642): law.periods, which the package expiry (MRI87 4), the warranty
windows (VLH 6.3, Micro-Alpes 10) and the referral's validity (VLH 5.5) rest on."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sessiond.law.periods import day_before, last_day, period_end, recorded_zone
from tests.unit.billing_factory import PARIS, paris, utc


def test_a_year_ends_with_the_day_of_the_same_number() -> None:
    bought = paris("2025-11-20 08:00")
    end = period_end(bought, PARIS, months=12)
    assert end == paris("2026-11-21 00:00")  # all of 20 November 2026 is still inside
    assert day_before(end, PARIS) == date(2026, 11, 20)


def test_the_day_is_the_local_one_not_the_utc_one() -> None:
    # 00:30 in Paris is still the day before in UTC: the period counts from the Paris day
    bought = paris("2026-03-01 00:30")
    assert bought.astimezone(UTC).day == 28
    assert last_day(bought, PARIS, months=1) == date(2026, 4, 1)


def test_a_month_without_that_day_ends_on_its_last_day() -> None:
    assert last_day(paris("2026-01-31 10:00"), PARIS, months=1) == date(2026, 2, 28)
    assert last_day(paris("2028-02-29 10:00"), PARIS, months=12) == date(2029, 2, 28)


def test_days_do_not_count_the_starting_day() -> None:
    # Micro-Alpes 10: ten days after an intervention on the 10th end with the 20th
    assert last_day(paris("2026-11-10 23:59"), PARIS, days=10) == date(2026, 11, 20)
    assert period_end(paris("2026-11-10 11:00"), PARIS, days=10) == paris("2026-11-21 00:00")


def test_a_period_across_a_dst_change_still_ends_at_local_midnight() -> None:
    end = period_end(paris("2026-09-25 10:00"), PARIS, months=1)
    assert end == utc("2026-10-25 23:00")  # 00:00 on the 26th, winter time (UTC+1)


def test_an_unknown_zone_counts_in_utc_and_a_naive_instant_is_refused() -> None:
    assert str(recorded_zone("Mars/Olympus")) == "UTC"
    with pytest.raises(ValueError):
        last_day(datetime(2026, 1, 1), PARIS, days=1)
