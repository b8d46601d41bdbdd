"""Today's times are to the minute (issue 17, idle CPU): a second that changes nothing
shown repaints nothing; a new minute repaints the running session's row only, and that
row shows the new time."""

from __future__ import annotations

import asyncio

import pytest
from textual.geometry import Region
from textual.widgets import DataTable

from sessiond.sessions import Sessiond
from sessiond.tui.app import SessiondApp
from sessiond.tui.screens.running import RunningScreen
from sessiond.tui.screens.today import SessionsTable, TodayScreen
from tests.tui.conftest import FakeClock, settle, wait_for
from tests.tui.test_day import running


async def test_a_tick_repaints_the_running_row_only(svc: Sessiond, clock: FakeClock,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    planned_client = svc.add_client("Mme Faure", at=clock.at)
    svc.new_session(planned_client, policy="vlh", problems=["Virus"], at=clock.at)
    client = svc.add_client("Mme Roux", at=clock.at)
    running = svc.new_session(client, policy="vlh", problems=["Virus"], at=clock.at)
    svc.consent(running, channel="oral", by="Mme Roux", at=clock.at)
    svc.start(running, at=clock.at)
    clock.advance(minutes=5)
    app = SessiondApp(svc, now=clock, jobs=False)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, TodayScreen)
                       and app.screen.query_one("#sessions", SessionsTable).row_count == 2)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        table = screen.query_one("#sessions", SessionsTable)
        index = table.get_row_index(running)
        assert str(table.get_cell(running, "worked")) == "0:05"

        # What reaches DataTable's own refresh (the repaint Textual then does).
        repainted: list[tuple[Region, ...]] = []
        real = DataTable.refresh

        def spy(self: DataTable[object], *regions: Region, **kwargs: bool) -> object:
            if self is table:
                repainted.append(regions)
            return real(self, *regions, **kwargs)

        with monkeypatch.context() as patched:
            patched.setattr(DataTable, "refresh", spy)
            for _second in range(59):  # 0:05:01 to 0:05:59: the same minute
                clock.advance(seconds=1)
                screen.tick(clock())
            assert repainted == []
            assert str(screen.query_one("#totals").render()).count("0:05") == 1
            clock.advance(seconds=1)
            screen.tick(clock())

        assert str(table.get_cell(running, "worked")) == "0:06"
        # One repaint, of that row's region (in the table's own coordinates): not the
        # whole table, which `DataTable.update_cell` would ask for.
        row = table._get_row_region(index).translate(-table.scroll_offset)
        assert repainted == [(row,)]
        assert row.height == 1 and row.width < table.size.width * 2
        await pilot.pause()
        assert "0:06" in "".join(s.text for s in table.render_lines(table.region.reset_offset))
        assert "0:06" in str(screen.query_one("#totals").render())

        # A tranche starts within a minute (VLH: the first hour, then 15 minutes): the
        # billed time and the amount change at that second, not at the next minute.
        clock.advance(minutes=54)  # 1:00:00 worked
        screen.tick(clock())
        assert str(table.get_cell(running, "billed")) == "1:00"
        clock.advance(seconds=1)
        screen.tick(clock())
        assert str(table.get_cell(running, "worked")) == "1:00"
        assert str(table.get_cell(running, "billed")) == "1:15"



async def test_the_clock_ticks_through_the_app_s_shutdown(svc: Sessiond,
                                                          clock: FakeClock) -> None:
    """Textual removes a screen's widgets before the screen itself, and the clock (a loop
    of the app) may tick in between: the screen being removed is not redrawn. The clock
    here ticks at every await of the shutdown, where the real one ticks once a second."""
    session = running(svc, clock)
    app = SessiondApp(svc, now=clock, jobs=False)
    ticks_while_removed = 0

    async def tick_always() -> None:
        nonlocal ticks_while_removed
        while True:
            if any(isinstance(s, RunningScreen) and not s.query("#clock")
                   for s in app.screen_stack):
                ticks_while_removed += 1
            app._tick()
            await asyncio.sleep(0)

    async with app.run_test(size=(80, 24)) as pilot:
        await app.open_session(session)
        await wait_for(pilot, lambda: isinstance(app.screen, RunningScreen))
        await settle(pilot)
        ticking = asyncio.create_task(tick_always())
    assert not ticking.done(), ticking.exception()  # a tick that raised ended the loop
    ticking.cancel()
    assert ticks_while_removed > 0
