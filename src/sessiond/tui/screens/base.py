"""What every screen shares: translated bindings, commands through the store thread,
and reloading its view when the log changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, ParamSpec, TypeVar, cast

from rich.console import RenderableType
from textual import work
from textual.binding import BindingType
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.tui.bindings import translate_bindings
from sessiond.tui.messages import StoreChanged
from sessiond.tui.text import plain

if TYPE_CHECKING:
    from sessiond.tui.app import SessiondApp

P = ParamSpec("P")
T = TypeVar("T")


def footer() -> Footer:
    """The keys of the screen on one line: at 80 columns every key of a screen shows
    (the palette's own entry is in the help, F1, and works all the same)."""
    return Footer(show_command_palette=False, compact=True)


class Commands:
    """Mixin: run service calls on the store thread and report refusals."""

    @property
    def sapp(self) -> SessiondApp:
        return cast("SessiondApp", self.app)  # type: ignore[attr-defined]

    async def load(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self.sapp.backend.run(fn, *args, **kwargs)

    async def command(self, fn: Callable[P, T], /, *args: P.args,
                      **kwargs: P.kwargs) -> T | None:
        """Run a command; on refusal say why (nothing was written) and return None."""
        try:
            result = await self.sapp.backend.run(fn, *args, **kwargs)
        except SessiondError as e:
            self.refused(e.message)
            return None
        await self.sapp.poll()  # show the change now, not at the next poll
        return result

    def refused(self, message: str) -> None:
        self.sapp.notify(message, title=_("Refused"), severity="error", timeout=10)


class SessiondScreen(Commands, Screen[None]):
    """A full screen whose content is a view loaded from the store."""

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)
        self._shown: dict[str, object] = {}

    def put(self, selector: str, content: str | RenderableType, *,
            layout: bool = True) -> None:
        """Show `content` in a Static, unless it already shows it: most of what is
        redrawn each second has not changed, and an update costs a repaint. Lines that
        change each second have a fixed height (app.tcss) and pass `layout=False`: a
        repaint of the line, not a layout of the screen."""
        if isinstance(content, str):
            content = plain(content)  # shown as text, never read as markup
        if self._shown.get(selector) != content:
            self._shown[selector] = content
            self.query_one(selector, Static).update(content, layout=layout)

    def on_screen_resume(self) -> None:
        # After the frame: on start-up the first frame comes before the first load.
        self.call_after_refresh(self.reload)

    @property
    def showing(self) -> bool:
        """Whether the screen is in the app's stack with its widgets: when it is popped,
        or the app shuts down, Textual removes its widgets first (`display` is False from
        then on) while its workers and the app's clock still run."""
        return self.is_mounted and self.display and self in self.app.screen_stack

    def on_store_changed(self, message: StoreChanged) -> None:
        self.reload()

    @work(exclusive=True, group="load")
    async def reload(self) -> None:
        try:
            data = await self.fetch()
        except SessiondError as e:
            self.refused(e.message)
            data = None
        # The screen may have been closed while its view was loading.
        if data is not None and self.showing:
            await self.show(data)
        self.sapp.view_loaded.set()

    async def fetch(self) -> Any:
        """Load the view (on the store thread, through `self.load`)."""
        return None

    async def show(self, data: Any) -> None:
        """Display a freshly loaded view."""

    def tick(self, now: datetime) -> None:
        """Redraw what depends on the current instant (called each second, while the
        screen is `showing`)."""


class Dialog(Commands, ModalScreen[T]):
    """A modal form: escape cancels (dismisses with None)."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "Cancel")]

    def __init__(self) -> None:
        super().__init__()
        translate_bindings(self)

    def action_cancel(self) -> None:
        self.dismiss(None)
