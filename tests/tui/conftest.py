"""TUI fixtures: a private SESSIOND_HOME, a clock the test moves, and waiting helpers."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from sessiond.i18n import set_language
from sessiond.sessions import Sessiond

# 2026-03-10 is a Tuesday; 14:00 in Paris is 13:00 UTC (winter time).
T0 = datetime(2026, 3, 10, 13, 0, 0, tzinfo=UTC)


class FakeClock:
    """The app's `now`: stands still until the test moves it."""

    def __init__(self, start: datetime = T0) -> None:
        self.at = start

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@pytest.fixture(autouse=True)
def french(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SESSIOND_LANG", "fr")
    set_language("fr")
    yield
    set_language(None)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("SESSIOND_HOME", str(path))
    return path


@pytest.fixture
def svc(home: Path) -> Iterator[Sessiond]:
    service = Sessiond()
    yield service
    service.close()


@pytest.fixture
def other(svc: Sessiond) -> Iterator[Sessiond]:
    """The same store through a connection of its own, as another process sees it: the
    test reads and writes with it while the app uses `svc` on its store thread."""
    service = Sessiond(svc.paths)
    yield service
    service.close()


@pytest.fixture
def fixed_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """Predictable ids (c-000001, s-000002...) so that snapshots do not change."""
    counter = itertools.count(1)
    monkeypatch.setattr("sessiond.sessions.new_id",
                        lambda prefix: f"{prefix}-{next(counter):06d}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def wait_for(pilot: Pilot[None], condition: Callable[[], object],
                   timeout: float = 5.0) -> None:
    """Let the app run until `condition()` holds (store calls and reloads are async)."""
    deadline = asyncio_time() + timeout
    while True:
        await pilot.pause()
        if condition():
            await finish(pilot.app)
            await pilot.pause()
            return
        if asyncio_time() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)


def asyncio_time() -> float:
    import asyncio

    return asyncio.get_running_loop().time()


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no store call or reload is pending."""
    app = pilot.app
    for _ in range(200):
        await pilot.pause()
        await finish(app)
        if not app.backend.busy and not busy(app):  # type: ignore[attr-defined]
            await pilot.pause()
            if not app.backend.busy and not busy(app):  # type: ignore[attr-defined]
                return
        await pilot.pause(0.01)
    raise AssertionError("the app did not settle")


async def open_new_session(pilot: Pilot[None], app: Any) -> None:
    """From Today, settled: `n`, and the new-session form shown and settled."""
    from sessiond.tui.screens.new_session import NewSessionScreen

    await settle(pilot)
    await pilot.press("n")
    await wait_for(pilot, lambda: isinstance(app.screen, NewSessionScreen))
    await settle(pilot)


async def finish(app: object) -> None:
    # Not wait_for_complete([]): an empty list means every worker, the watcher included.
    workers = busy(app)
    if workers:
        await app.workers.wait_for_complete(workers)  # type: ignore[attr-defined]


def busy(app: object) -> list[Any]:
    """Running workers, except the one that watches the store for the app's whole life."""
    return [w for w in app.workers  # type: ignore[attr-defined]
            if w.is_running and w.group != "watch"]


def shown(app: object, selector: str) -> str:
    """The plain text of a Static on the current screen (text, Rich Text or table)."""
    import io

    from rich.console import Console
    from rich.text import Text
    from textual.widgets import Static

    content = app.screen.query_one(selector, Static).content  # type: ignore[attr-defined]
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    console.print(content)
    return console.export_text()


def screen_text(app: object) -> str:
    """What the terminal shows, as plain lines (the screen and the dialogs over it): what a
    technician reads, to assert that nothing that carries meaning is cut."""
    import io

    from rich.console import Console

    width, height = app.size  # type: ignore[attr-defined]
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      color_system=None, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(  # type: ignore[attr-defined]
        full=True, screen_stack=app._background_screens, simplify=True))  # type: ignore[attr-defined]
    return console.export_text()


def toasts(app: object) -> list[str]:
    """The messages of the notifications on screen, as the toasts show them."""
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


def toasts_shown(app: object) -> list[str]:
    """The text of the toasts as they are drawn (title and message), markup applied."""
    from textual.widgets._toast import Toast

    return [str(toast.render()) for toast in app.screen.query(Toast)]  # type: ignore[attr-defined]
