"""The command palette (ctrl+p): navigation, and opening any open session by name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from sessiond.i18n import _

if TYPE_CHECKING:
    from sessiond.tui.app import SessiondApp


class SessiondCommands(Provider):
    async def startup(self) -> None:
        app = cast("SessiondApp", self.app)
        sessions = await app.backend.run(app.service.open_sessions)
        names = {}
        for s in sessions:
            if s.client_id not in names:
                client = await app.backend.run(app.service.client, s.client_id)
                names[s.client_id] = client.name or _("(erased)")
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
                _("Session {state}", state=_(s.state.value)),
                partial(app.open_session, s.id)))

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands:
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
