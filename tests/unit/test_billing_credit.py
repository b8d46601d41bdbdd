"""MRI87 prepaid hour packages: art. 4 (valid one year), 12 (e.g. 3 h), 13 (buy more first)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from sessiond.billing import History, bill
from sessiond.billing.statement import credit_statement
from sessiond.i18n import set_language
from sessiond.law.periods import add_months
from sessiond.policy import read_policy, shipped_dir
from tests.unit.billing_factory import Builder, Log, paris, utc

MRI87 = read_policy(shipped_dir() / "mri87.toml")


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language(None)


def session(log: Log, sid: str, start: str, minutes: int) -> Builder:
    b = Builder(policy="mri87", session_id=sid, log=log, planned_at=utc(start))
    return b.run(utc(start), minutes * 60)


def test_sessions_consume_the_package_oldest_first() -> None:
    """A 3 h package; 1 h 07 bills 2 h (art. 7.1), all from the credit; 1 h left.

    Then 1 h 30 bills 2 h: 1 h from the credit, 1 h not covered (art. 13), billed 50.00.
    """
    log = Log()
    log.credit("c-1", "3", utc("2026-01-10 09:00"))
    first = session(log, "s-1", "2026-02-01 09:00", 67)
    second = session(log, "s-2", "2026-02-08 09:00", 90)
    history = History((first.session(), second.session()), log.client_events("c-1"))
    now = utc("2026-03-01 00:00")

    one = bill(first.session(), MRI87, history, now)
    assert [str(line.amount) for line in one.lines] == ["100.00", "-100.00"]
    assert str(one.total) == "0.00" and not one.warnings
    assert one.credit is not None and one.credit.covered_seconds == 7200

    two = bill(second.session(), MRI87, history, now)
    assert [str(line.amount) for line in two.lines] == ["100.00", "-50.00"]
    assert str(two.total) == "50.00"
    assert two.credit is not None
    assert (two.credit.covered_seconds, two.credit.shortfall_seconds) == (3600, 3600)
    assert two.credit.remaining_seconds == 0
    assert any("1 h" in w and "art. 13" in w for w in two.warnings)


def test_oldest_valid_package_first_and_expired_ones_are_lost() -> None:
    log = Log()
    log.credit("c-1", "2", utc("2025-01-10 09:00"))  # expires 2026-01-10
    log.credit("c-1", "1.5", utc("2025-06-01 09:00"))
    log.credit("c-1", "3", utc("2025-09-01 09:00"))
    s = session(log, "s-1", "2026-02-01 09:00", 100)  # bills 2 h
    statement = credit_statement("c-1", MRI87, [s.session()], log.client_events("c-1"),
                                 utc("2026-03-01 00:00"))
    states = [(p.package.seconds, p.used_seconds, p.remaining_seconds, p.expired)
              for p in statement.packages]
    assert states == [(7200, 0, 7200, True), (5400, 5400, 0, False),
                      (10800, 1800, 9000, False)]
    assert statement.remaining_seconds == 9000
    assert statement.lost_seconds == 7200


def test_a_package_bought_during_the_session_counts() -> None:
    """Art. 13: the client buys more first; a purchase before the end of the session pays."""
    log = Log()
    s = session(log, "s-1", "2026-02-01 09:00", 30)
    log.credit("c-1", "1", utc("2026-02-01 09:15"))
    result = bill(s.session(), MRI87, History((s.session(),), log.client_events("c-1")),
                  utc("2026-02-02 00:00"))
    assert str(result.total) == "0.00"
    later = Log()
    s2 = session(later, "s-1", "2026-02-01 09:00", 30)
    later.credit("c-1", "1", utc("2026-02-01 10:00"))  # after the session: does not pay it
    result = bill(s2.session(), MRI87, History((s2.session(),), later.client_events("c-1")),
                  utc("2026-02-02 00:00"))
    assert str(result.total) == "50.00"


def test_later_sessions_do_not_change_an_earlier_bill() -> None:
    log = Log()
    log.credit("c-1", "1", utc("2026-01-10 09:00"))
    first = session(log, "s-1", "2026-02-01 09:00", 50)
    second = session(log, "s-2", "2026-02-02 09:00", 50)
    alone = bill(first.session(), MRI87, History((first.session(),), log.client_events("c-1")),
                 utc("2026-03-01 00:00"))
    both = bill(first.session(), MRI87, History((first.session(), second.session()),
                                                log.client_events("c-1")),
                utc("2026-03-01 00:00"))
    assert alone.total == both.total == 0


def test_running_session_draws_what_it_has_billed_so_far() -> None:
    log = Log()
    log.credit("c-1", "1", utc("2026-01-10 09:00"))
    b = Builder(policy="mri87", log=log).start(utc("2026-02-01 09:00"))
    at_50 = bill(b.session(), MRI87, History((b.session(),), log.client_events("c-1")),
                 utc("2026-02-01 09:50"))
    assert str(at_50.total) == "0.00"
    nxt = at_50.next_tranche
    assert nxt is not None and nxt.seconds_until == 600
    assert str(nxt.amount) == "50.00"  # the second hour is not covered any more


def test_one_year_is_calendar_months() -> None:
    assert add_months(datetime(2026, 3, 15, 8, 0, tzinfo=UTC), 12) == \
        datetime(2027, 3, 15, 8, 0, tzinfo=UTC)
    assert add_months(datetime(2028, 2, 29, tzinfo=UTC), 12) == datetime(2029, 2, 28,
                                                                         tzinfo=UTC)
    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28,
                                                                        tzinfo=UTC)


def test_credit_needs_a_policy_that_has_it() -> None:
    from sessiond.errors import InputError

    with pytest.raises(InputError):
        credit_statement("c-1", read_policy(shipped_dir() / "vlh.toml"), [], [],
                         utc("2026-01-01 00:00"))


def test_a_package_is_good_for_the_whole_day_it_turns_one_year_old() -> None:
    """Art. 4: "valable un an à compter de la date d'achat": bought on 20 November 2025 at
    08:00, it still pays a session at 15:00 on 20 November 2026 (a date is a whole day, C.
    proc. civ. 641-642), and is lost at 00:00 on the 21st (Paris)."""
    log = Log()
    log.credit("c-1", "3", paris("2025-11-20 08:00"))
    on_the_day = session(log, "s-1", "2026-11-20 14:00", 30)  # 15:00 in Paris
    result = bill(on_the_day.session(), MRI87,
                  History((on_the_day.session(),), log.client_events("c-1")),
                  utc("2026-12-01 00:00"))
    assert str(result.total) == "0.00" and not result.warnings
    log = Log()
    log.credit("c-1", "3", paris("2025-11-20 08:00"))
    next_day = Builder(policy="mri87", session_id="s-2", log=log,
                       planned_at=paris("2026-11-20 23:00"))
    next_day.run(paris("2026-11-21 00:00"), 1800)
    late = bill(next_day.session(), MRI87,
                History((next_day.session(),), log.client_events("c-1")),
                utc("2026-12-01 00:00"))
    assert str(late.total) == "50.00"
    statement = credit_statement("c-1", MRI87, [], log.client_events("c-1"),
                                 paris("2026-11-20 23:59"))
    assert not statement.packages[0].expired
    statement = credit_statement("c-1", MRI87, [], log.client_events("c-1"),
                                 paris("2026-11-21 00:00"))
    assert statement.packages[0].expired and statement.lost_seconds == 10800


def test_a_package_recorded_after_the_session_says_why_it_does_not_cover_it() -> None:
    """The purchase typed in at the end of the day, after the work: the bill says that
    this package is dated after the session, not only that the credit falls short."""
    log = Log()
    first = session(log, "s-1", "2026-02-01 09:00", 60)
    log.credit("c-1", "3", utc("2026-02-01 18:00"))
    history = History((first.session(),), log.client_events("c-1"))
    one = bill(first.session(), MRI87, history, utc("2026-02-01 19:00"))
    assert one.credit is not None and one.credit.shortfall_seconds == 3600
    assert any("acheté après la fin de cette intervention" in w for w in one.warnings)
    log2 = Log()
    log2.credit("c-1", "3", utc("2026-01-10 09:00"))
    covered = session(log2, "s-1", "2026-02-01 09:00", 60)
    history2 = History((covered.session(),), log2.client_events("c-1"))
    assert not bill(covered.session(), MRI87, history2, utc("2026-02-02 00:00")).warnings
