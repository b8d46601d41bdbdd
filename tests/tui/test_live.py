"""The screen follows the log: changes by another process, and the clock after a gap."""

from __future__ import annotations

import asyncio
import os
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Digits

from sessiond import clock as real_clock
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.tui.app import SessiondApp
from sessiond.tui.screens.end import EndScreen
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import TodayScreen
from tests.conftest import SESSIOND
from tests.tui.conftest import FakeClock, settle, wait_for


def running_session(svc: Sessiond) -> str:
    client = svc.add_client("M. Bernard", status="consumer")
    session = svc.new_session(client, policy="md-micro-services", problems=["Lenteurs"])
    svc.consent(session, channel="phone", by="M. Bernard")
    svc.start(session)
    return session


def cli(home: Path, *args: str) -> None:
    env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr"}
    subprocess.run([SESSIOND, *args], env=env, check=True, capture_output=True, timeout=30)


async def test_cli_changes_show_within_a_second(svc: Sessiond, home: Path) -> None:
    session_id = running_session(svc)
    app = SessiondApp(svc, jobs=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.open_session(session_id)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))

        # `sessiond pause` in another terminal: the screen shows it within a second. The
        # app looks at the store every POLL_SECONDS (0.5 s), and the first look that
        # begins after the commit is the one that sees it, however loaded the machine
        # (a wall-clock bound measured 1.25 s with two test workers and three builds
        # beside them).
        assert app.poll_seconds <= 0.5
        looks: list[tuple[int, int]] = []  # (the look's number, the seq it left)
        real_look = app._look

        async def look() -> None:
            await real_look()
            looks.append((len(looks), app.seq))

        app._look = look  # type: ignore[method-assign]
        await asyncio.to_thread(cli, home, "pause", session_id, "--reason", "appel")
        after = len(looks) + 1  # a look under way may have begun before the commit
        await wait_for(pilot, lambda: app.screen.has_class("-paused"))
        seen = next(n for n, seq in looks if seq == svc.store.tail()[0])
        assert seen <= after, looks

        # (The same watch shows the next ones: their delay is the machine's load.)
        await asyncio.to_thread(cli, home, "resume", session_id)
        await wait_for(pilot, lambda: not app.screen.has_class("-paused"))

        # Stopped elsewhere: this screen becomes the end of the session.
        await asyncio.to_thread(cli, home, "stop", session_id)
        await wait_for(pilot, lambda: isinstance(app.screen, EndScreen))
    assert svc.session(session_id).state is State.STOPPED


async def test_clock_comes_from_the_events_not_from_ticks(svc: Sessiond) -> None:
    """A suspend (no tick for an hour) or a restart: the clock is right at once."""
    clock = FakeClock(real_clock.whole_second(real_clock.now()))
    client = svc.add_client("Mme Petit")
    session = svc.new_session(client, policy="vlh")
    svc.consent(session, channel="oral", by="Mme Petit", at=clock.at)
    svc.start(session, at=clock.at - timedelta(minutes=20))
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert "0:20" in [str(cell) for cell in table.get_row(session)]  # to the minute
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        assert app.screen.query_one("#clock", Digits).value == "0:20:00"
        clock.advance(hours=1, seconds=5)  # the machine slept: no tick in between
        await wait_for(pilot, lambda: app.screen.query_one("#clock", Digits).value
                       == "1:20:05")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen))
        await wait_for(pilot, lambda: "1:20" in [str(cell) for cell in app.screen.query_one(
            "#sessions", DataTable).get_row(session)])


async def test_today_turns_at_midnight(svc: Sessiond) -> None:
    clock = FakeClock(real_clock.from_text("2026-03-10T22:59:58Z"))  # 23:59:58 in Paris
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert "10/03/2026" in app.screen.sub_title
        clock.advance(seconds=3)
        await wait_for(pilot, lambda: "11/03/2026" in app.screen.sub_title)


async def test_the_jobs_start_once_the_day_is_on_screen(
        svc: Sessiond, monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded jobs' catch-up runs on the app's loop (a ten-year log's retention
    check takes a few hundred ms): it starts after the day's sessions are shown."""
    running_session(svc)
    seen: list[int] = []
    real = SessiondApp._start_jobs

    def spy(self: SessiondApp) -> None:
        seen.append(self.screen.query_one("#sessions", DataTable).row_count)
        real(self)

    monkeypatch.setattr(SessiondApp, "_start_jobs", spy)
    app = SessiondApp(svc)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: seen)
        assert app.jobs is not None  # no daemon runs: the jobs run here
    assert seen == [1]



async def test_the_watch_stops_before_its_watcher_closes(svc: Sessiond) -> None:
    """A look of the store left running when the app quits would resume on a closed
    connection (a WorkerFailed at exit, seen once in a loaded CI run)."""
    running_session(svc)
    app = SessiondApp(svc, jobs=False)
    seen: list[list[bool]] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: app.watcher is not None)
        watcher = app.watcher
        assert watcher is not None
        close = watcher.close

        def spy() -> None:
            seen.append([w.is_cancelled for w in app.workers if w.group == "watch"])
            close()

        watcher.close = spy  # type: ignore[method-assign]
    # Closed once, after the workers of the app's life (the watch and the clock) stopped.
    assert seen == [[True, True]]


async def test_a_running_session_is_not_said_to_keep_terms_that_leave_points_unchecked(
        svc: Sessiond) -> None:
    """FGDMI's terms say nothing of a backup or a quote: with no finding yet, the running
    screen said 'Conditions respectées jusqu'ici', where check says 'aucun constat sur les
    points que couvrent ces conditions'."""
    from tests.tui.conftest import shown

    client = svc.add_client("M. Bernard", status="consumer")
    # ordered a month ago: outside the withdrawal period, no request to start within it
    session = svc.new_session(client, policy="fgdmi", problems=["Lenteurs"],
                              ordered_at=real_clock.now() - timedelta(days=30))
    svc.consent(session, channel="oral", by="M. Bernard")
    svc.start(session)
    app = SessiondApp(svc, jobs=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        await wait_for(pilot, lambda: "✔" in shown(app, "#terms"))
        said = shown(app, "#terms")
        assert "Aucun constat jusqu'ici sur les points que couvrent ces conditions" in said
        assert "respectées" not in said
