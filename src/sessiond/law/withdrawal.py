"""The consumer's 14-day withdrawal period for a service contract.

Code de la consommation L221-18: 14 days from the day the contract is concluded. The period is
counted under regulation (EEC, Euratom) No 1182/71, art. 3, as L221-19 requires:

- art. 3(1): the day of the event that starts the period (the contract) does not count, so day 1
  is the day after;
- art. 3(2)(b): the period ends with the last hour (24:00) of its 14th day;
- art. 3(4): when that day is a Saturday, a Sunday or a public holiday, the period ends with the
  last hour of the next working day.

Days are the consumer's local days (`tz`): a contract signed at 00:10 in Paris is on that Paris
day even though it is still the day before in UTC. Whether the right still exists (an express
request to start at once, a service fully performed: L221-25, L221-28) is for the caller.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sessiond.law.holidays import next_working_day

WITHDRAWAL_DAYS = 14


def withdrawal_last_day(contract_day: date, *, alsace_moselle: bool = False,
                        days: int = WITHDRAWAL_DAYS) -> date:
    """The last day (inclusive) on which the consumer may withdraw from a contract concluded on
    `contract_day`: the 14th day after it, moved to the next working day when it is not one.

    Between 14 and 18 days after `contract_day` (18: a 14th day on Good Friday in
    Alsace-Moselle, moved past Easter Monday). `days`: a longer period the terms grant
    (counted the same way).
    """
    last = contract_day + timedelta(days=days)
    return next_working_day(last, alsace_moselle=alsace_moselle)


def local_day(instant: datetime, tz: ZoneInfo) -> date:
    """The calendar day of the aware `instant` in `tz`."""
    _require_aware(instant)
    return instant.astimezone(tz).date()


def within_withdrawal(contract_at: datetime, at: datetime, tz: ZoneInfo, *,
                      alsace_moselle: bool = False) -> bool:
    """True when `at`, read in `tz`, falls on or before the last day of the withdrawal period
    of a contract concluded at `contract_at`. Both instants must be aware.

    An `at` before `contract_at` also gives True: the function answers "has the period ended",
    not "has it begun".
    """
    last_day = withdrawal_last_day(local_day(contract_at, tz), alsace_moselle=alsace_moselle)
    return local_day(at, tz) <= last_day


def withdrawal_ends_at(contract_at: datetime, tz: ZoneInfo, *,
                       alsace_moselle: bool = False) -> datetime:
    """The instant the withdrawal period ends, in UTC: 00:00 local (`tz`) of the day after the
    last day, i.e. the first instant that is no longer inside. `at < end` is the same test as
    `within_withdrawal` wherever the clocks never go back across midnight (so in every French
    zone: Paris changes at 02:00/03:00, the overseas zones at 02:00 or not at all).
    """
    last_day = withdrawal_last_day(local_day(contract_at, tz), alsace_moselle=alsace_moselle)
    # fold=0: in a zone whose clocks jump at midnight (00:00 does not exist that day), PEP 495
    # reads the missing 00:00 with the offset before the jump, which is the jump itself: the
    # first instant of the new day. Where midnight occurs twice, fold=0 is its first occurrence.
    midnight = datetime.combine(last_day + timedelta(days=1), time(0), tzinfo=tz)
    return midnight.astimezone(UTC)


def _require_aware(instant: datetime) -> None:
    # A naive datetime has no instant: reading it as local or as UTC would move the deadline.
    if instant.utcoffset() is None:
        raise ValueError(f"{instant.isoformat()} has no time zone: give an aware datetime")
