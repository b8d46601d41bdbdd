"""When the end-of-day export and the day seal are due: DST days, sleeps, restarts.

The scheduler's own fire times come from APScheduler's CronTrigger (as the daemon arms
it); what runs at each fire time, or at a start or a wake-up, is `Jobs.catch_up`, whose
idempotency comes from the store. A simulated clock walks across the 2026 DST changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger

from sessiond.daemon import daily, exporting
from sessiond.daemon.host import export_trigger, seal_trigger
from sessiond.daemon.jobs import Jobs
from sessiond.errors import InputError
from sessiond.sessions import Sessiond
from tests.unit.daemon_support import with_a_session

PARIS = ZoneInfo("Europe/Paris")
AT = time(19, 30)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- pure timing ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["19:30", "7:05", "23:59", "00:00", "03:00"])
def test_daily_time_accepted(text: str) -> None:
    at = daily.parse_daily_time(text)
    assert f"{at.hour}:{at.minute:02d}" == text.lstrip("0") or at.hour == 0


@pytest.mark.parametrize("text", ["2:30", "02:00", "02:59", "24:00", "19h30", "7", "19:60"])
def test_daily_time_refused(text: str) -> None:
    with pytest.raises(InputError):
        daily.parse_daily_time(text)


def test_last_due_day_around_the_export_time() -> None:
    # 19:30 Paris on 2026-11-22 (CET, UTC+1) is 18:30 UTC.
    assert daily.last_due_day(utc(2026, 11, 22, 18, 29, 59), PARIS, AT) == date(2026, 11, 21)
    assert daily.last_due_day(utc(2026, 11, 22, 18, 30), PARIS, AT) == date(2026, 11, 22)
    # Summer (CEST, UTC+2): 17:30 UTC.
    assert daily.last_due_day(utc(2026, 7, 1, 17, 29), PARIS, AT) == date(2026, 6, 30)
    assert daily.last_due_day(utc(2026, 7, 1, 17, 30), PARIS, AT) == date(2026, 7, 1)


def test_export_range() -> None:
    now = utc(2026, 11, 25, 8, 0)  # Wednesday morning: Tuesday's export is the due one
    since = date(2024, 1, 1)  # first session long ago
    assert daily.export_range(now, PARIS, AT, [], since) == (date(2026, 11, 24),
                                                             date(2026, 11, 24))
    done = [(date(2026, 11, 24), date(2026, 11, 24))]
    assert daily.export_range(now, PARIS, AT, done, since) is None
    # Off since Friday's export: the missed days are exported in one run.
    friday = [(date(2026, 11, 20), date(2026, 11, 20))]
    assert daily.export_range(now, PARIS, AT, friday, since) == (date(2026, 11, 21),
                                                                 date(2026, 11, 24))
    # A range export covering the day counts as done.
    assert daily.export_range(now, PARIS, AT, [(date(2026, 11, 1), date(2026, 11, 30))],
                              since) is None
    # Never more than MAX_CATCH_UP_DAYS.
    old = [(date(2025, 1, 1), date(2025, 1, 1))]
    first, last = daily.export_range(now, PARIS, AT, old, since) or (None, None)
    assert last == date(2026, 11, 24)
    assert first is not None and (last - first).days == daily.MAX_CATCH_UP_DAYS - 1


def test_no_export_of_the_empty_days_before_the_first_session() -> None:
    now = utc(2026, 11, 25, 8, 0)
    assert daily.export_range(now, PARIS, AT, [], None) is None  # no session at all
    assert daily.export_range(now, PARIS, AT, [], date(2026, 11, 25)) is None  # today only
    old = [(date(2025, 1, 1), date(2025, 1, 1))]
    assert daily.export_range(now, PARIS, AT, old, date(2026, 11, 23)) == (
        date(2026, 11, 23), date(2026, 11, 24))


def test_seal_due() -> None:
    now = utc(2026, 11, 23, 8, 0)
    assert daily.seal_due(now, PARIS, []) == date(2026, 11, 22)
    assert daily.seal_due(now, PARIS, ["day-seal 2026-11-22"]) is None
    # 23:59 Paris on the 23rd = 22:59 UTC.
    assert daily.seal_due(utc(2026, 11, 23, 22, 59), PARIS, ["day-seal 2026-11-22"]) == \
        date(2026, 11, 23)


# --- APScheduler triggers across DST ---------------------------------------------------------


def fire_times(trigger: CronTrigger, start: datetime, end: datetime) -> list[datetime]:
    found: list[datetime] = []
    prev = None
    now = start
    while True:
        nxt = trigger.get_next_fire_time(prev, now)
        if nxt is None or nxt > end:
            return found
        found.append(nxt.astimezone(UTC))
        prev, now = nxt, nxt


@pytest.mark.parametrize(("first", "last", "offsets"), [
    # Autumn: 25 Oct 2026 03:00 CEST -> 02:00 CET.
    (date(2026, 10, 23), date(2026, 10, 27), [2, 2, 1, 1, 1]),
    # Spring: 29 Mar 2026 02:00 CET -> 03:00 CEST.
    (date(2026, 3, 27), date(2026, 3, 31), [1, 1, 2, 2, 2]),
])
def test_cron_fires_once_a_day_at_local_time_across_dst(first: date, last: date,
                                                        offsets: list[int]) -> None:
    for trigger, at in ((CronTrigger(hour=19, minute=30, timezone=PARIS), time(19, 30)),
                        (CronTrigger(hour=23, minute=59, timezone=PARIS), time(23, 59))):
        times = fire_times(trigger, datetime.combine(first, time(0), PARIS),
                           datetime.combine(last, time(23, 59, 59), PARIS))
        assert len(times) == 5
        for day, offset, fired in zip(
                [first + timedelta(days=i) for i in range(5)], offsets, times, strict=True):
            assert fired == datetime.combine(day, at, tzinfo=UTC) - timedelta(hours=offset)


# --- the jobs, on a simulated clock -------------------------------------------------------


@pytest.fixture
def svc(home: Path) -> Iterator[Sessiond]:
    service = with_a_session(Sessiond())
    yield service
    service.close()


def export_events(svc: Sessiond) -> list[tuple[str, str]]:
    return [(e.body["first_day"], e.body["last_day"])
            for e in svc.events(svc.store.events_of_kind("export-made"))]


def test_no_double_export_across_the_autumn_dst_change(
        svc: Sessiond, exports: list[tuple[date, date]]) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    start = datetime(2026, 10, 23, 12, 0, tzinfo=PARIS)
    end = datetime(2026, 10, 28, 12, 0, tzinfo=PARIS)
    jobs.catch_up(start.astimezone(UTC))  # the daemon starts; yesterday's run is due
    runs = fire_times(export_trigger(jobs), start, end) + fire_times(seal_trigger(jobs),
                                                                     start, end)
    # Restarts and wake-ups at awkward moments, among them inside the repeated hour.
    extra = [datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=0),
             datetime(2026, 10, 25, 2, 30, tzinfo=PARIS, fold=1),
             datetime(2026, 10, 25, 19, 30, 1, tzinfo=PARIS),
             datetime(2026, 10, 25, 20, 0, tzinfo=PARIS)]
    for now in sorted([*runs, *(e.astimezone(UTC) for e in extra)]):
        jobs.catch_up(now)
        jobs.catch_up(now + timedelta(seconds=1))  # the misfire run after a catch-up
    assert export_events(svc) == [(d, d) for d in
                                  ["2026-10-22", "2026-10-23", "2026-10-24", "2026-10-25",
                                   "2026-10-26", "2026-10-27"]]
    reasons = [cp.reason for cp in svc.store.checkpoints() if cp.reason.startswith("day-")]
    assert reasons == [f"day-seal 2026-10-{d}" for d in (22, 23, 24, 25, 26, 27)]


def test_missed_export_runs_once_after_a_sleep(svc: Sessiond,
                                               exports: list[tuple[date, date]]) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.catch_up(datetime(2026, 11, 23, 18, 0, tzinfo=PARIS))  # Monday, before 19:30
    assert exports == [(date(2026, 11, 22), date(2026, 11, 22))]
    # The lid closes at 19:00 and opens Tuesday 08:00: the 19:30 run was missed.
    wake = datetime(2026, 11, 24, 8, 0, tzinfo=PARIS)
    jobs.catch_up(wake)  # the heartbeat notices the sleep and catches up
    jobs.catch_up(wake + timedelta(seconds=2))  # APScheduler's late (misfired) cron run
    assert exports[1:] == [(date(2026, 11, 23), date(2026, 11, 23))]
    # That evening's run is the next one.
    jobs.catch_up(datetime(2026, 11, 24, 19, 30, tzinfo=PARIS))
    assert exports[2:] == [(date(2026, 11, 24), date(2026, 11, 24))]


def test_missed_export_runs_once_after_a_restart(home: Path,
                                                 exports: list[tuple[date, date]]) -> None:
    first = with_a_session(Sessiond())
    Jobs(first, heartbeat_every=15).catch_up(datetime(2026, 11, 20, 19, 30, tzinfo=PARIS))
    first.close()
    # The daemon was down from Friday evening to Monday morning; it starts twice in a row.
    for minute in (0, 1):
        again = Sessiond()
        Jobs(again, heartbeat_every=15).catch_up(
            datetime(2026, 11, 23, 9, minute, tzinfo=PARIS))
        again.close()
    assert exports == [(date(2026, 11, 20), date(2026, 11, 20)),
                       (date(2026, 11, 21), date(2026, 11, 22))]


def test_export_failure_is_a_notice_not_a_crash(svc: Sessiond,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from sessiond.errors import SessiondError
    from sessiond.store import notifications as notices

    def broken(*args: object) -> None:
        raise SessiondError("disk full")

    monkeypatch.setattr(exporting, "export_days", broken)
    jobs = Jobs(svc, heartbeat_every=15)
    now = datetime(2026, 11, 23, 20, 0, tzinfo=PARIS)
    jobs.catch_up(now)
    jobs.catch_up(now + timedelta(minutes=1))
    failed = [n for n in notices.recent(svc.store.conn) if n.kind == "export-failed"]
    assert len(failed) == 1 and "disk full" in failed[0].message
    assert export_events(svc) == []  # and it is tried again next time


def test_empty_log_is_not_sealed(home: Path) -> None:
    svc = Sessiond()
    assert Jobs(svc, heartbeat_every=15).seal(datetime(2026, 11, 23, 8, 0, tzinfo=PARIS)) \
        is None


def test_an_export_made_by_hand_in_another_format_does_not_stand_for_the_days_csv(
        svc: Sessiond, exports: list[tuple[date, date]]) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.catch_up(datetime(2026, 11, 23, 18, 0, tzinfo=PARIS))
    assert exports == [(date(2026, 11, 22), date(2026, 11, 22))]
    svc.record_export(first_day=date(2026, 11, 23), last_day=date(2026, 11, 23), fmt="kimai",
                      sessions=0, at=datetime(2026, 11, 23, 19, 0, tzinfo=PARIS))
    jobs.catch_up(datetime(2026, 11, 23, 19, 30, tzinfo=PARIS))
    assert exports[1:] == [(date(2026, 11, 23), date(2026, 11, 23))]


def test_a_session_of_the_evening_is_exported_before_the_day_is_sealed(
        svc: Sessiond, exports: list[tuple[date, date]]) -> None:
    jobs = Jobs(svc, heartbeat_every=15)
    monday = date(2026, 11, 23)
    jobs.catch_up(datetime(2026, 11, 23, 19, 30, tzinfo=PARIS))
    assert exports[-1] == (monday, monday)
    calls = len(exports)
    jobs.catch_up(datetime(2026, 11, 23, 23, 59, tzinfo=PARIS))  # nothing changed: no export
    assert len(exports) == calls
    # Tuesday: exported at 19:30, then a client calls at 21:00; the day is exported again,
    # with that session, before it is sealed.
    jobs.catch_up(datetime(2026, 11, 24, 19, 30, tzinfo=PARIS))
    tuesday = date(2026, 11, 24)
    assert exports[-1] == (tuesday, tuesday)
    calls = len(exports)
    evening = datetime(2026, 11, 24, 21, 0, tzinfo=PARIS)
    client = svc.add_client("Marc", at=evening)
    session = svc.new_session(client, policy="vlh", at=evening)
    svc.consent(session, channel="phone", by="Marc", at=evening)
    svc.start(session, at=evening)
    svc.stop(session, at=evening + timedelta(minutes=40))
    jobs.catch_up(datetime(2026, 11, 24, 23, 59, tzinfo=PARIS))
    assert exports[calls:] == [(tuesday, tuesday)]
    reasons = [cp.reason for cp in svc.store.checkpoints()]
    assert "day-seal 2026-11-24" in reasons


def test_a_session_corrected_out_of_the_day_has_the_day_exported_again(
        svc: Sessiond, exports: list[tuple[date, date]]) -> None:
    """Exported at 19:30 with a session started at 00:10; at 21:00 its start and stop are
    corrected to the evening before. The day's sessions no longer hold it, so the day was
    sealed with an export that still listed it."""
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    planned = datetime(2026, 11, 23, 22, 0, tzinfo=PARIS)
    client = svc.add_client("Marc", at=planned)
    session = svc.new_session(client, policy="vlh", at=planned)
    svc.consent(session, channel="phone", by="Marc", at=planned)
    start = svc.start(session, at=datetime(2026, 11, 24, 0, 10, tzinfo=PARIS))
    stop = svc.stop(session, at=datetime(2026, 11, 24, 0, 50, tzinfo=PARIS))
    jobs = Jobs(svc, heartbeat_every=15)
    jobs.catch_up(datetime(2026, 11, 24, 19, 30, tzinfo=PARIS))
    assert exports[-1] == (tuesday, tuesday)
    calls = len(exports)
    svc.amend(session, start.seq, at=datetime(2026, 11, 23, 23, 0, tzinfo=PARIS),
              reason="début noté le lendemain")
    svc.amend(session, stop.seq, at=datetime(2026, 11, 23, 23, 40, tzinfo=PARIS),
              reason="arrêt noté le lendemain")
    assert session not in [s.id for s in svc.day_sessions(tuesday)]
    assert session in [s.id for s in svc.day_sessions(monday)]
    jobs.catch_up(datetime(2026, 11, 24, 23, 59, tzinfo=PARIS))
    assert exports[calls:] == [(tuesday, tuesday)]
