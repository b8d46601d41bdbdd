"""The technician's terminal: `sessiond` with no subcommand.

The app owns the service (through the store thread, backend.py) and the clock it reads
the current instant from (injected in tests). A timer ticks just after each whole second
so that the screens redraw what they compute from the events and that instant; a worker
looks at the tail of the log a few times a second, so that a change made by another
process (the CLI, the daemon) shows within a second, and shows the daemon's reminders and
questions. When no daemon runs, the daemon's scheduled jobs run here.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar
from zoneinfo import ZoneInfo

from textual.app import App
from textual.binding import Binding, BindingType

from sessiond import clock
from sessiond.errors import SessiondError
from sessiond.i18n import _, set_language
from sessiond.model import Session, State
from sessiond.sessions import Sessiond, steady_now
from sessiond.tui import notices
from sessiond.tui.backend import Backend
from sessiond.tui.bindings import translate_bindings
from sessiond.tui.commands import SessiondCommands, SessiondPalette, system_commands
from sessiond.tui.messages import ConfigChanged, StoreChanged
from sessiond.tui.screens.base import SessiondScreen
from sessiond.tui.text import clean, keep_no_break_spaces

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import SystemCommand
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from sessiond.store.sqlite import Store
    from sessiond.tui.views import SessionView

Now = Callable[[], datetime]

# A change made elsewhere (the CLI, the daemon) shows within a second, reload included;
# each look is a pragma on this thread, and each wake of the loop costs CPU (issue 17).
POLL_SECONDS = 0.5


class SessiondApp(App[None]):
    CSS_PATH = Path(__file__).parent / "app.tcss"
    TITLE = "sessiond"
    COMMANDS = App.COMMANDS | {SessiondCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("f2", "questions", "Questions", id="app.questions", show=False),
        Binding("question_mark", "help", "Help", id="app.help-key", show=False),
        # Shown on Today only (its screen binding): at 80 columns a session's own keys
        # need the room, and ctrl+q works everywhere all the same.
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False),
    ]

    def __init__(self, service: Sessiond | None = None, *, now: Now = clock.now,
                 poll_seconds: float = POLL_SECONDS, receipts_dir: Path | None = None,
                 jobs: bool = True) -> None:
        super().__init__()
        keep_no_break_spaces()
        translate_bindings(self)
        self.owns_service = service is None  # else whoever passed it closes it
        self.service = service or Sessiond()
        self.now = now
        self.backend = Backend(self.service)
        self.poll_seconds = poll_seconds
        self._receipts_dir = receipts_dir  # None: the documents folder of the config
        self.seq = -1  # the log's tail as last seen
        self.notice_id: int | None = None  # the daemon's last notice seen
        self.watcher: Store | None = None  # the log's data_version, read on the loop
        self.version: int | None = None  # its value at the last look
        # One look at a time: the watch loop and a command's own look, run together, would
        # read the same last notice and toast what the daemon posted twice.
        self.looking = asyncio.Lock()
        self.view_loaded = asyncio.Event()  # the first screen's view is on screen
        self.run_jobs = jobs  # run the daemon's jobs here when no daemon does
        self.jobs: Any = None
        self.asking = False  # a question of the daemon is on screen
        self.config_stamp = self._config_stamp()  # config.toml as last read

    @property
    def tz(self) -> ZoneInfo:
        return self.service.tz

    @property
    def receipts_dir(self) -> Path:
        """Where receipts and reports go: `documents` in config.toml (read again when the
        config changes), by default ~/Documents/sessiond; never the directory the TUI was
        started from."""
        from sessiond.config import documents_dir

        return self._receipts_dir or documents_dir(self.service.paths, self.service.config)

    def instant(self, session: Session | None = None) -> datetime | None:
        """The instant a command declares. On the real clock: the service's own now, which
        rides out a wall-clock jump (NTP, a VM resumed) within one boot instead of billing
        it or refusing the step; taken now for `session` (a step a dialog confirms later),
        else None (the service takes it as it writes). A test's clock gives its instant."""
        if self.now is not clock.now:
            return self.moment()
        return steady_now(session) if session is not None else None

    def moment(self) -> datetime:
        """Now on the app's clock, to the second: when a key was pressed, for a step that
        a dialog confirms later (the start is when the technician asked for it)."""
        return clock.whole_second(self.now())

    def _handle_exception(self, error: Exception) -> None:
        """An error nothing on screen handled ends the interface (Textual's rule); a log
        edited behind sessiond's back into what it never writes (Sessiond.damage) is said
        as the CLI says it, in one line, not as a traceback of a bug to report."""
        import os

        from textual.worker import WorkerFailed

        cause = error.error if isinstance(error, WorkerFailed) else error
        fault = None
        if not os.environ.get("SESSIOND_DEBUG") and isinstance(cause, Exception):
            fault = cause if isinstance(cause, SessiondError) else self._damage()
        if fault is None:
            super()._handle_exception(error)
            return
        self.exit(return_code=fault.exit_code, message=clean("sessiond: " + fault.message))

    def _damage(self) -> SessiondError | None:
        """Sessiond.damage, on the store's thread (its connection is that thread's)."""
        try:
            return self.backend.call(self.service.damage)
        except Exception:  # the first failure is the one reported
            return None

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast. Its text is text: never markup ("[technician]" stays as written, a
        client named "[/]" is a name), and no control character reaches the terminal."""
        super().notify(clean(message), title=clean(title), severity=severity,
                       timeout=timeout, markup=False)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not any(isinstance(s, SessiondPalette)
                                                for s in self.screen_stack):
            self.push_screen(SessiondPalette(id="--command-palette"))

    # --- life cycle ----------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        from sessiond.tui.screens.today import TodayScreen

        return TodayScreen()

    def on_mount(self) -> None:
        self.set_keymap(self.service.config.keymap)
        self.call_after_refresh(self.run_worker, self._after_first_frame(), group="startup")
        # The workers of the app's whole life (group "watch"): the store's watch and the
        # clock.
        self.run_worker(self._watch(), group="watch")
        self.run_worker(self._clock(), group="watch")

    # The app's own handlers never wait for the store: while one waits, the app processes
    # no message, and repaints nothing. What waits runs in a worker (its own task).

    async def _watch(self) -> None:
        """Look at the store a few times a second, for as long as the app runs (one
        worker, not one per look: a worker's life costs messages)."""
        while True:
            await self.poll()
            await asyncio.sleep(self.poll_seconds)

    async def _after_first_frame(self) -> None:
        if self.run_jobs:
            # APScheduler and the jobs are imported on the store thread, and they start
            # once the first view is on screen: their catch-up (a missed export, the
            # retention check) runs on this loop, and the day's sessions do not wait for it.
            await self.backend.run(importlib.import_module, "sessiond.daemon.embedded")
            await self.view_loaded.wait()
            painted = asyncio.Event()
            self.call_after_refresh(painted.set)
            await painted.wait()
            self._start_jobs()
        await self._ask_questions()

    def _start_jobs(self) -> None:
        """Run the daemon's scheduled jobs here when no daemon runs (DESIGN "Processes")."""
        from sessiond.daemon.embedded import EmbeddedJobs

        jobs = EmbeddedJobs(self.service.paths)
        try:
            started = jobs.start()
        except Exception as e:  # the jobs are a convenience; the TUI works without them
            self.notify(str(e), title=_("Scheduled jobs not started"), severity="warning")
            return
        self.jobs = jobs if started else None

    async def on_unmount(self) -> None:
        # A look waiting on the store thread would resume after the watcher is closed.
        self.workers.cancel_group(self, "watch")
        if self.jobs is not None:
            self.jobs.stop()
        if self.watcher is not None:
            self.watcher.close()
        self.backend.close(close_service=self.owns_service)

    async def _clock(self) -> None:
        """Tick just after each whole second of the injected clock, so that the displayed
        seconds change when the real ones do. One loop, not a timer set again each second:
        a Textual timer's life (its task, its message) cost more than Today's tick, which
        most seconds finds nothing to redraw (bench/bench_tui.py)."""
        while True:
            fraction = self.now().microsecond / 1_000_000
            await asyncio.sleep(1.0 - fraction + 0.005)
            self._tick()

    def _tick(self) -> None:
        """Redraw the screens that can be seen: the top one, and those under dialogs."""
        now = self.now()
        for screen in reversed(self.screen_stack):
            if isinstance(screen, SessiondScreen) and screen.showing:
                screen.tick(now)
            if not screen.is_modal:
                break

    async def poll(self) -> None:
        """Tell the screens when the log has grown (by this TUI or another process), and
        show what the daemon posted. Most looks find nothing new: whether anyone has
        committed is asked on this thread (a pragma read in shared memory), and the store
        thread is called only when someone has."""
        async with self.looking:
            await self._look()

    async def _look(self) -> None:
        await self._follow_config()
        if self.watcher is not None:
            version = self.watcher.data_version()
            if version == self.version:
                return
            self.version = version
        first = self.notice_id is None
        seen = await self.backend.run(notices.look, self.service, self.notice_id, self.now())
        if self.watcher is None:  # after the first look, which opened (and upgraded) the log
            self.watcher = self.service.watcher()
        self.notice_id, posted = seen.notice_id, seen.posted
        if seen.seq != self.seq:
            self.seq = seen.seq
            if not first:  # at the first look the screens load their views on their own
                for screen in self.screen_stack:
                    screen.post_message(StoreChanged(seen.seq))
        for notice in posted:
            if not notice.question:
                self.notify(seen.texts.get(notice.id, notice.message), title=_("Reminder"),
                            timeout=20)
        if any(n.question for n in posted):
            self.run_worker(self._ask_questions(), group="questions")

    # --- config.toml, edited while the TUI runs --------------------------------------------

    def _config_stamp(self) -> tuple[int, int] | None:
        try:
            st = self.service.paths.config_file.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    async def _follow_config(self) -> None:
        """Read config.toml again when it changed (an editor, `sessiond config init`, the
        identity form): the technician's identity, default terms and keys apply at once.
        A file sessiond cannot read is said, and the last good settings stay."""
        stamp = self._config_stamp()
        if stamp == self.config_stamp:
            return
        self.config_stamp = stamp
        try:
            config = await self.backend.run(self.service.reload_config)
        except SessiondError as e:
            self.notify(e.message, title=_("config.toml not applied"), severity="error",
                        timeout=20)
            return
        self.set_keymap(config.keymap)
        for screen in self.screen_stack:
            screen.post_message(ConfigChanged())
        self.notify(_("config.toml reloaded."), timeout=4)

    def config_written(self) -> None:
        """This TUI wrote config.toml (identity form) and the service already read it:
        no toast about a change the technician made here."""
        self.config_stamp = self._config_stamp()
        for screen in self.screen_stack:
            screen.post_message(ConfigChanged())

    def action_questions(self) -> None:
        self.run_worker(self._ask_questions(asked=True), group="questions")

    async def _ask_questions(self, *, asked: bool = False) -> None:
        """Ask the daemon's open questions, one dialog at a time (`asked`: F2, which
        says so when there is none)."""
        if self.asking:
            return
        pending = await self.backend.run(notices.pending_questions, self.service)
        if not pending:
            if asked:
                self.notify(_("No question waiting. F2 shows the daemon's questions about "
                              "time it could not see (a suspend, a crash, idle time)."),
                            timeout=6)
            return
        from sessiond.tui.widgets.dialogs import QuestionDialog

        notice = pending[0]
        self.asking = True

        def answered(decision: str | None) -> None:
            self.asking = False
            if decision is not None:
                self.run_worker(self._answer(notice.id, decision), group="questions")

        await self.push_screen(QuestionDialog(notice.message, notices.choices(notice)),
                               answered)

    async def _answer(self, notice_id: int, decision: str) -> None:
        try:
            await self.backend.run(notices.answer, self.service, notice_id, decision,
                                   self.now())
        except SessiondError as e:
            self.notify(e.message, title=_("Refused"), severity="error")
            return
        await self.poll()
        await self._ask_questions()  # the next one, if any

    # --- navigation ----------------------------------------------------------------------

    async def open_session(self, session_id: str) -> None:
        from sessiond.tui.views import load_session

        view = await self.backend.run(load_session, self.service, session_id, self.now())
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


def session_screen(view: SessionView) -> Screen[None]:
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
    """`sessiond` with no subcommand. A bad configuration is said on stderr, as the CLI
    says it, before the screen is taken."""
    import sys

    try:
        service = Sessiond()
    except SessiondError as e:
        sys.stderr.write(f"sessiond: {e.message}\n")
        return e.exit_code
    set_language(service.config.language or None)
    from sessiond.tui.bindings import unknown_keymap_ids

    unknown = unknown_keymap_ids(service.config.keymap)
    if unknown:
        sys.stderr.write("sessiond: " + _(
            "{path}: keymap: unknown binding id {ids}; the ids are listed by F1 in the "
            "terminal interface.", path=service.paths.config_file, ids=", ".join(unknown))
            + "\n")
        service.close()
        return 2
    try:
        SessiondApp(service).run()
    finally:
        service.close()
    return 0
