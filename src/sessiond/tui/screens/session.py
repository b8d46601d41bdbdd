"""What the three screens of a session share (before start, running, end)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import client_kind, label, local_time
from sessiond.tui.screens.base import SessiondScreen
from sessiond.tui.text import clean
from sessiond.tui.views import SessionView, load_session
from sessiond.tui.widgets.dialogs import PaymentDialog, payment_recorded


class SessionScreen(SessiondScreen):
    STATES: ClassVar[frozenset[State]] = frozenset()
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Today", id="session.back", show=False),
    ]

    def __init__(self, view: SessionView) -> None:
        super().__init__()
        self.view = view
        self.sub_title = self.heading()

    @property
    def session_id(self) -> str:
        return self.view.id

    def heading(self) -> str:
        # The header is written to the terminal: a name's control characters never reach it.
        return clean(f"{self.view.client.name or _('(erased)')} · {self.view.id}",
                     one_line=True)

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
        self.sub_title = self.heading()
        await self.render_view(data)

    async def render_view(self, view: SessionView) -> None:
        """Draw the view (the state fits this screen)."""

    # Facts recorded the same way while the session runs and once it has stopped (each
    # screen binds its own keys to them).
    async def action_disconnected(self) -> None:
        if await self.command(self.sapp.service.confirm_disconnect, self.session_id,
                              at=self.sapp.instant()) is not None:
            self.notify(_("Recorded: disconnected."))

    def action_payment(self) -> None:
        view, now = self.view, self.sapp.now()
        self.app.push_screen(PaymentDialog(view.due(now), view.methods()), self._payment)

    async def _payment(self, result: tuple[str, str] | None) -> None:
        if result is None:
            return
        amount, method = result
        if await self.command(self.sapp.service.record_payment, self.session_id,
                              amount=amount, method=method,
                              at=self.sapp.instant()) is not None:
            self.notify(payment_recorded(amount, method))

    def summary(self, *, compact: bool = False) -> Text:
        """Client and how the session runs; `compact`: two lines, for the running
        screen at 80x24 (the problems follow the terms on the second line)."""
        v, s = self.view, self.view.session
        text = Text()
        text.append(clean(v.client.name or _("(erased)"), one_line=True), style="bold")
        text.append(f"  {client_kind(v.client.status, v.client.country)}")
        details = [label(s.mode), label(s.tool)]
        if v.partner_id:
            details.append(_("ID {partner}", partner=clean(v.partner_id, one_line=True)))
        if s.client_os:
            details.append(label(s.client_os))
        if not compact:
            details.append(_("planned at {time}",
                             time=local_time(s.planned_at, self.sapp.tz)))
        text.append((" · " if compact else "\n") + " · ".join(details) + "\n")
        policy = v.policy.title if v.policy else v.policy_error or s.policy
        text.append(clean(_("Terms: {policy}", policy=policy)), style="dim")
        if compact and v.problems:
            text.append("\n" + _("Asked: {problems}", problems=" · ".join(
                f"{n}. {clean(p, one_line=True)}" for n, p in enumerate(v.problems, 1))))
            return text
        for number, problem in enumerate(v.problems, 1):
            text.append(f"\n  {number}. {clean(problem, one_line=True)}")
        return text
