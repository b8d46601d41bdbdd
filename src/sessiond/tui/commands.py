"""The command palette (ctrl+p): navigation, and opening any open session by name.

Textual's own words in the palette ("Search for commands…", "No matches found", its
system commands) are English in the library: they are given here in the user's language.
A client's name is shown as text (a name with brackets is no markup).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.widgets.option_list import Option

from sessiond.i18n import _
from sessiond.tui.format import label
from sessiond.tui.text import clean

if TYPE_CHECKING:
    from textual.app import App, SystemCommand
    from textual.screen import Screen

    from sessiond.tui.app import SessiondApp


class SessiondCommands(Provider):
    async def startup(self) -> None:
        app = cast("SessiondApp", self.app)
        sessions = await app.backend.run(app.service.open_sessions)
        names = {}
        for s in sessions:
            if s.client_id not in names:
                client = await app.backend.run(app.service.client, s.client_id)
                names[s.client_id] = clean(client.name or _("(erased)"), one_line=True)
        self.commands: list[tuple[str, str, Callable[[], Awaitable[None]]]] = [
            (_("New session"), _("Plan a session for a client"), app.action_new_session),
            (_("Today"), _("The day's sessions"), app.action_today),
            (_("Clients"), _("Clients, their sessions and prepaid hours"), app.action_clients),
            (_("Terms"), _("The policies and their rules"), app.action_policies),
            (_("Help"), _("Keys and how the clock works"), app.action_help),
        ]
        for s in sessions:
            self.commands.append((
                _("Open {client} ({session})", client=names[s.client_id], session=s.id),
                _("Session {state}", state=label(s.state.value)),
                partial(app.open_session, s.id)))

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands:
            yield DiscoveryHit(Content(title), callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), callback, help=help_text,
                          text=title)


def highlight(matcher: Any, title: str) -> Content:
    """The title with the matched letters styled, read as text: Textual's own highlight
    reads the title as markup."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher._match_style, offset, offset + 1)
    return content


class SessiondPalette(CommandPalette):
    """Textual's palette with its placeholder and "no matches" in the user's language."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=_("Search for commands…"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("No matches found"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, no_matches)


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's system commands, in the user's language (the ones sessiond keeps)."""
    from textual.app import SystemCommand

    yield SystemCommand(_("Theme"), _("Change the colours of the screens"),
                        app.action_change_theme)
    yield SystemCommand(_("Quit"), _("Quit sessiond (the log keeps everything)"),
                        app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(_("Keys"), _("Hide the panel of keys"), app.action_hide_help_panel)
    else:
        yield SystemCommand(_("Keys"), _("Show the keys of this screen in a panel"),
                            app.action_show_help_panel)
