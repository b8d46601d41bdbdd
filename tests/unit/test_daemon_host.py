"""The APScheduler wiring, with a real AsyncIOScheduler on the test's event loop."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from sessiond import clock
from sessiond.daemon.host import Host
from sessiond.daemon.jobs import Jobs
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from tests.unit.daemon_support import with_a_session


@pytest.fixture
async def host(home: Path, exports: list[tuple[date, date]]) -> AsyncIterator[Host]:
    svc = with_a_session(Sessiond())
    h = Host(Jobs(svc, heartbeat_every=15))
    h.start()
    yield h
    h.stop()
    svc.close()


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0.05)


async def test_jobs_are_armed(host: Host, exports: list[tuple[date, date]]) -> None:
    ids = {job.id for job in host.scheduler.get_jobs()}
    # The calendar is the scheduler's; the watch (the store's version and the remote tools'
    # logs at their default places, issue 14) is a plain task a second (issue 17: a
    # scheduler's wake costs more than the looks).
    assert ids == {"heartbeat", "end-of-day-export", "day-seal"}
    assert len(host.polls) == 1 and not host.polls[0].done()
    export = host.scheduler.get_job("end-of-day-export")
    assert export.misfire_grace_time is None and export.coalesce
    nxt = export.next_run_time.astimezone(host.jobs.tz)
    assert (nxt.hour, nxt.minute) == (19, 30)
    assert len(exports) == 1  # the start caught up yesterday's (or today's) export


async def test_a_poll_runs_again_after_an_error_and_ends_with_the_host(
        host: Host, caplog: pytest.LogCaptureFixture) -> None:
    runs: list[float] = []

    async def flaky() -> None:
        runs.append(asyncio.get_running_loop().time())
        if len(runs) == 1:
            raise OSError("a log on a drive that went away")

    host.every(0.05, flaky)
    for _ in range(40):
        await asyncio.sleep(0.05)
        if len(runs) >= 3:
            break
    assert len(runs) >= 3  # the error was logged, and the looks went on
    assert "poll flaky failed" in caplog.text
    polls = list(host.polls)
    host.stop()
    await asyncio.sleep(0.15)
    assert all(task.done() for task in polls) and host.polls == []
    done = len(runs)
    await asyncio.sleep(0.15)
    assert len(runs) == done


async def test_a_late_run_runs_once_and_exports_nothing_twice(
        host: Host, exports: list[tuple[date, date]]) -> None:
    # As after a suspend: the scheduler wakes long after the run time.
    past = clock.now() - timedelta(hours=3)
    for job_id in ("end-of-day-export", "day-seal"):
        host.scheduler.modify_job(job_id, next_run_time=past)
    host.scheduler.wakeup()
    await settle()
    assert len(exports) == 1  # it ran (misfire_grace_time=None) and found the day done
    for job_id in ("end-of-day-export", "day-seal"):
        assert host.scheduler.get_job(job_id).next_run_time > clock.now()


async def test_reminders_are_armed_and_rearmed(host: Host) -> None:
    svc = host.jobs.svc
    client = svc.add_client("Jeanne Martin")
    session = svc.new_session(client, policy="md-micro-services")
    svc.consent(session, channel="oral", by="Jeanne")
    start = clock.whole_second(clock.now()) - timedelta(minutes=12, seconds=59)
    svc.start(session, at=start)
    host.arm_reminders(clock.now())
    job = host.scheduler.get_job(f"remind:{session}")
    # 15-minute block: the tranche at start+15:00, the reminder at start+13:00 (in 1 s).
    assert job.trigger.run_date == start + timedelta(minutes=13)
    await asyncio.sleep(1.5)
    await settle()
    said = [n for n in notices.recent(svc.store.conn) if n.kind == "tranche"]
    assert len(said) == 1 and session in said[0].message
    # Paused from another process: the store poll disarms it.
    svc.pause(session)
    host.arm_reminders(clock.now())
    assert host.scheduler.get_job(f"remind:{session}") is None


async def test_hotkey_on_the_loop(host: Host) -> None:
    svc = host.jobs.svc
    client = svc.add_client("Jeanne Martin")
    session = svc.new_session(client, policy="vlh")
    svc.consent(session, channel="oral", by="Jeanne")
    host.hotkey("start")
    assert svc.session(session).state.value == "running"
    assert host.scheduler.get_job(f"remind:{session}") is not None


def test_whole_second_reminder_instants() -> None:
    assert clock.whole_second(datetime(2026, 1, 1, 0, 0, 0, 999, tzinfo=UTC)).microsecond == 0
