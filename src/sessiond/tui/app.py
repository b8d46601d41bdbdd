"""The technician's terminal: `sessiond` with no subcommand.

The app owns the service (through the store thread, backend.py), the clock it reads the
current instant from, and two timers: one that ticks on each whole second so the screens
redraw the clock computed from the events, and one that polls the tail of the log so that
a change made by another process (the CLI, the daemon) shows within a second.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from sessiond import clock
from sessiond.i18n import set_language
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.tui.backend import Backend
from sessiond.tui.bindings import translate_bindings
from sessiond.tui.commands import SessiondCommands
from sessiond.tui.messages import StoreChanged
from sessiond.tui.views import SessionView, load_session

Now = Callable[[], datetime]

POLL_SECONDS = 0.4


class SessiondApp(App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "sessiond"
    COMMANDS = App.COMMANDS | {SessiondCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", id="app.help-key", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
    ]

    def __init__(self, service: Sessiond | None = None, *, now: Now = clock.now,
                 poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        translate_bindings(self)
        self.owns_service = service is None  # else whoever passed it closes it
        self.service = service or Sessiond()
        self.now = now
        self.backend = Backend(self.service)
        self.poll_seconds = poll_seconds
        self.seq = -1  # the log's tail as last seen

    @property
    def tz(self):  # type: ignore[no-untyped-def]
        return self.service.tz

    def instant(self) -> datetime:
        """The instant a command declares: now, to the second."""
        return clock.whole_second(self.now())

    # --- life cycle ----------------------------------------------------------------------

    def get_default_screen(self):  # type: ignore[no-untyped-def]
        from sessiond.tui.screens.today import TodayScreen

        return TodayScreen()

    async def on_mount(self) -> None:
        self.set_keymap(self.service.config.keymap)
        self.seq = (await self.backend.run(self.service.store.tail))[0]
        self.set_interval(self.poll_seconds, self.poll)
        self._schedule_tick()

    async def on_unmount(self) -> None:
        self.backend.close(close_service=self.owns_service)

    def _schedule_tick(self) -> None:
        # Fire just after the next whole second of the injected clock, so that the
        # displayed seconds change when the real ones do.
        fraction = self.now().microsecond / 1_000_000
        self.set_timer(1.0 - fraction + 0.005, self._tick)

    def _tick(self) -> None:
        now = self.now()
        for screen in self.screen_stack:
            tick = getattr(screen, "tick", None)
            if tick is not None:
                tick(now)
        self._schedule_tick()

    async def poll(self) -> None:
        """Tell the screens when the log has grown (by this TUI or another process)."""
        seq, _hash = await self.backend.run(self.service.store.tail)
        if seq != self.seq:
            self.seq = seq
            for screen in self.screen_stack:
                screen.post_message(StoreChanged(seq))

    # --- navigation ----------------------------------------------------------------------

    async def open_session(self, session_id: str) -> None:
        view = await self.backend.run(load_session, self.service, session_id)
        await self.push_screen(session_screen(view))

    async def reroute(self, view: SessionView) -> None:
        """Replace a session screen that no longer fits the session's state."""
        await self.switch_screen(session_screen(view))

    async def action_new_session(self) -> None:
        from sessiond.tui.screens.new_session import NewSessionScreen

        await self.push_screen(NewSessionScreen())

    async def action_clients(self) -> None:
        from sessiond.tui.screens.clients import ClientsScreen

        await self.push_screen(ClientsScreen())

    async def action_policies(self) -> None:
        from sessiond.tui.screens.policies import PoliciesScreen

        await self.push_screen(PoliciesScreen())

    async def action_today(self) -> None:
        while len(self.screen_stack) > 1:  # Today is the default screen
            await self.pop_screen()

    async def action_help(self) -> None:
        from sessiond.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            await self.push_screen(HelpScreen(self.screen))


def session_screen(view: SessionView):  # type: ignore[no-untyped-def]
    """The screen for a session in its state: checklist, clock, or bill."""
    from sessiond.tui.screens.before_start import BeforeStartScreen
    from sessiond.tui.screens.end import EndScreen
    from sessiond.tui.screens.running import RunningScreen

    if view.state is State.PLANNED:
        return BeforeStartScreen(view)
    if view.state is State.STOPPED:
        return EndScreen(view)
    return RunningScreen(view)


def run() -> int:
    service = Sessiond()
    set_language(service.config.language or None)
    SessiondApp(service).run()
    return 0
