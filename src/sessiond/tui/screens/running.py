"""The running session: a large clock of worked time, the tranche and the amount so far.

Everything on the clock side is recomputed at each tick from the events and the current
instant (billing.bill), so the clock is right after a suspend, a restart of the TUI, or a
pause typed in the CLI.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Footer, Header, Static

from sessiond.billing import Bill
from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import hms, local_time, money
from sessiond.tui.screens.session import SessionScreen
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.dialogs import ArtifactDialog, ReasonDialog, StopDialog
from sessiond.tui.widgets.facts import timeline
from sessiond.tui.widgets.scanned import ScannedText


class RunningScreen(SessionScreen):
    AUTO_FOCUS = ""  # letters are commands here; the note field is focused with n
    STATES: ClassVar[frozenset[State]] = frozenset({State.RUNNING, State.PAUSED})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pause", "Pause", id="session.pause"),
        Binding("r", "resume", "Resume", id="session.resume"),
        Binding("s", "stop", "Stop", id="session.stop"),
        Binding("n", "note", "Note", id="session.note"),
        Binding("k", "control_returned", "Client took control", id="session.control"),
        Binding("d", "disconnected", "Disconnected", id="session.disconnect"),
        Binding("a", "artifact", "Artifact", id="session.artifact"),
        Binding("escape", "back", "Today", id="session.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="running-top"):
            with Vertical(id="clock-box"):
                yield Static(id="state")
                yield Digits("0:00:00", id="clock")
                yield Static(id="since")
            with Vertical(id="bill-box"):
                yield Static(id="amount")
                yield Static(id="tranche")
                yield Static(id="next")
        yield Static(self.summary(), id="summary")
        yield Static(id="terms")
        yield Static(id="timeline")
        yield ScannedText(placeholder=_("Note: enter saves it; passwords and codes are "
                                        "refused"), id="note")
        yield Footer()

    def on_mount(self) -> None:
        self.tick(self.sapp.now())

    async def render_view(self, view: SessionView) -> None:
        self.put("#summary", self.summary())
        self.put("#terms", terms_text(view))
        self.put("#timeline", timeline(view.session.events[1:], self.sapp.tz))
        self.tick(self.sapp.now())
        self.refresh_bindings()

    def tick(self, now: datetime) -> None:
        if not self.is_mounted or self.view.state not in self.STATES:
            return
        session = self.view.session
        running = session.state is State.RUNNING
        if running:
            self.put("#state", Text(_("RUNNING"), style="bold"))
        else:
            pause = session.pauses[-1]
            self.put("#state", Text(_("PAUSED for {duration}",
                                      duration=hms(pause.seconds(now))), style="bold"),
                     layout=False)
        self.set_class(not running, "-paused")
        clock = self.query_one("#clock", Digits)
        worked = hms(self.view.worked(now))
        if clock.value != worked:
            clock.update(worked)
        paused = sum(p.seconds(now) for p in session.pauses)
        since = _("started at {time}", time=local_time(session.started_at, self.sapp.tz))
        if session.pauses:
            since += "\n" + _("{count} pause(s), {duration}", count=len(session.pauses),
                               duration=hms(paused))
        if session.without_consent:
            since += "\n" + _("started WITHOUT consent")
        self.put("#since", since, layout=False)
        self._bill(self.view.bill(now))

    def _bill(self, bill: Bill | None) -> None:
        if bill is None:
            self.put("#amount", Text(_("No bill: {problem}", problem=self.view.policy_error
                                       or ""), style="red"))
            self.put("#tranche", "")
            self.put("#next", "")
            return
        self.put("#amount", Text.assemble((_("Amount so far") + "  ", "dim"),
                                          (money(bill.total), "bold")))
        self.put("#tranche", Text.assemble((_("Billed") + "  ", "dim"),
                                           f"{hms(bill.billed_seconds)} · {bill.breakdown}"))
        if bill.next_tranche is None:
            self.put("#next", "")
            return
        n = bill.next_tranche
        text = Text.assemble((_("Next tranche") + "  ", "dim"),
                             _("in {duration} of work: +{amount}",
                               duration=hms(n.seconds_until), amount=money(n.amount)))
        if n.at is not None:
            text.append(" " + _("(at {time})", time=local_time(n.at, self.sapp.tz)),
                        style="dim")
        self.put("#next", text, layout=False)

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.view.state
        if action == "pause":
            return state is State.RUNNING or None
        if action == "resume":
            return state is State.PAUSED or None
        return True

    def action_pause(self) -> None:
        if self.view.state is not State.RUNNING:
            return
        self.app.push_screen(
            ReasonDialog(_("Pause"), _("Reason (optional), e.g. the client's call, "
                                       "a restart:"), required=False, confirm=_("Pause")),
            self._pause)

    async def _pause(self, reason: str | None) -> None:
        if reason is not None:
            await self.command(self.sapp.service.pause, self.session_id,
                               at=self.sapp.instant(), reason=reason or None)

    async def action_resume(self) -> None:
        if self.view.state is State.PAUSED:
            await self.command(self.sapp.service.resume, self.session_id,
                               at=self.sapp.instant())

    def action_stop(self) -> None:
        self.app.push_screen(StopDialog(), self._stop)

    async def _stop(self, by: str | None) -> None:
        if by is not None:
            await self.command(self.sapp.service.stop, self.session_id,
                               at=self.sapp.instant(), by=by)

    async def action_control_returned(self) -> None:
        await self.command(self.sapp.service.return_control, self.session_id,
                           at=self.sapp.instant())
        self.notify(_("Recorded: the client took control back."))

    async def action_disconnected(self) -> None:
        await self.command(self.sapp.service.confirm_disconnect, self.session_id,
                           at=self.sapp.instant())
        self.notify(_("Recorded: disconnected."))

    def action_artifact(self) -> None:
        self.app.push_screen(ArtifactDialog(), self._artifact)

    async def _artifact(self, result: tuple[str, str] | None) -> None:
        if result is None:
            return
        kind, request = result
        await self.command(self.sapp.service.record_artifact, self.session_id,
                           artifact=kind, client_request=request, at=self.sapp.instant())
        if not request:
            self.refused(_("Recorded without a request from the client: the terms allow "
                           "copies only at his request; this will be reported."))

    def action_note(self) -> None:
        self.query_one("#note", ScannedText).focus()

    def action_back(self) -> None:
        note = self.query_one("#note", ScannedText)
        if note.has_focus_within:
            self.set_focus(None)
        else:
            self.app.pop_screen()

    @on(ScannedText.Submitted, "#note")
    async def _note(self, event: ScannedText.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if await self.command(self.sapp.service.note, self.session_id, text,
                              at=self.sapp.instant()) is not None:
            event.field.clear()
            self.notify(_("Note recorded."))


def terms_text(view: SessionView) -> Text:
    """What the terms' check says so far (the rules about the end count at the stop)."""
    compliance = view.compliance
    if compliance is None or not compliance.checked:
        return Text(view.policy_error or "", style="red")
    if not compliance.findings:
        return Text("✔ " + _("Terms kept so far."), style="green")
    text = Text()
    for finding in compliance.findings:
        error = finding.severity == "error"
        text.append(("\n" if text else "") + ("✖ " if error else "⚠ ") + finding.message,
                    style="red" if error else "yellow")
        text.append(" " + _("(art. {article})", article=finding.article), style="dim")
    return text
