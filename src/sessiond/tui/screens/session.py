"""What the three screens of a session share (before start, running, end)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import label, local_time
from sessiond.tui.screens.base import SessiondScreen
from sessiond.tui.views import SessionView, load_session


class SessionScreen(SessiondScreen):
    STATES: ClassVar[frozenset[State]] = frozenset()
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Today", id="session.back"),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.sub_title = self.heading()

    @property
    def session_id(self) -> str:
        return self.view.id

    def heading(self) -> str:
        return f"{self.view.client.name or _('(erased)')} · {self.view.id}"

    async def fetch(self) -> SessionView:
        return await self.load(load_session, self.sapp.service, self.session_id,
                               self.sapp.now())

    async def show(self, data: SessionView) -> None:
        self.view = data
        if data.state not in self.STATES:
            # Started, paused or stopped here or by another process: change screen.
            # Switch from the app, not from this screen's worker, which the switch ends.
            if self.sapp.screen is self:
                self.sapp.call_later(self.sapp.reroute, data)
            return
        await self.render_view(data)

    async def render_view(self, view: SessionView) -> None:
        """Draw the view (the state fits this screen)."""

    def summary(self) -> Text:
        """Client and how the session runs, one line each."""
        v, s = self.view, self.view.session
        text = Text()
        text.append(v.client.name or _("(erased)"), style="bold")
        text.append(f"  {label(v.client.status)}, {v.client.country}\n")
        details = [label(s.mode), label(s.tool)]
        if v.partner_id:
            details.append(_("ID {partner}", partner=v.partner_id))
        if s.client_os:
            details.append(label(s.client_os))
        details.append(_("planned at {time}", time=local_time(s.planned_at, self.sapp.tz)))
        text.append(" · ".join(details) + "\n")
        policy = v.policy.title if v.policy else v.policy_error or s.policy
        text.append(_("Terms: {policy}", policy=policy), style="dim")
        for number, problem in enumerate(v.problems, 1):
            text.append(f"\n  {number}. {problem}")
        return text
