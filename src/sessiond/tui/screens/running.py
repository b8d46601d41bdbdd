"""The running session: a large clock of worked time, the tranche and the amount so far.

Everything on the clock side is recomputed at each tick from the events and the current
instant (billing.bill), so the clock is right after a suspend, a restart of the TUI, or a
pause typed in the CLI.

Letters are commands here. The note field takes the keyboard only after `n`, and gives it
back as soon as Enter sends the note (or escape leaves it): the next `p` pauses.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Digits, Header, Static

from sessiond.billing import Bill
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.model import State
from sessiond.tui.format import duration, hms, local_time, money
from sessiond.tui.screens.base import footer
from sessiond.tui.screens.corrections import CorrectableScreen
from sessiond.tui.text import plain
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.dialogs import (
    ArtifactDialog,
    ReasonDialog,
    StopDialog,
)
from sessiond.tui.widgets.facts import timeline
from sessiond.tui.widgets.findings import findings_text
from sessiond.tui.widgets.scanned import ScannedText


class RunningScreen(CorrectableScreen):
    AUTO_FOCUS = ""  # letters are commands here; the note field is focused with n
    STATES: ClassVar[frozenset[State]] = frozenset({State.RUNNING, State.PAUSED})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "pause", "Pause", id="session.pause"),
        Binding("P", "pause_why", "Pause, saying why", id="session.pause-reason",
                show=False),
        Binding("r", "resume", "Resume", id="session.resume"),
        Binding("s", "stop", "Stop", id="session.stop"),
        # Priority: the app runs it as it reads the key, before it routes the next one, so
        # the letters typed right after `n` are the note's (a screen's binding runs only
        # once the keys read before it went to the old focus). Enter, in the field, gives
        # the keyboard back in the field's own turn (widgets/scanned.py): a `p` typed
        # right after it pauses.
        Binding("n", "note", "Note", id="session.note", priority=True),
        Binding("k", "control_returned", "Control back", id="session.control"),
        Binding("d", "disconnected", "Disconnected", id="session.disconnect"),
        Binding("a", "artifact", "Copy", id="session.artifact"),
        Binding("dollar_sign,$", "payment", "Payment", id="session.payment"),
        Binding("escape", "back", "Today", id="session.back", show=False),
        # The footer is full at 80 columns: the timeline's title says it (on_mount).
        Binding("c", "correct", "Correct", id="session.correct", show=False),
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
                yield Static(id="credit")
        yield Static(self.summary(compact=True), id="summary")
        yield Static(id="terms")
        with VerticalScroll(id="timeline-box"):
            yield Static(id="timeline")
        yield ScannedText(placeholder=_("n: note (enter saves it; passwords and codes are "
                                        "refused)"), compact=True, id="note")
        yield footer()

    def on_mount(self) -> None:
        # The newest event stays in view as events are added (and after a resize).
        box = self.query_one("#timeline-box", VerticalScroll)
        box.anchor()
        box.border_title = Text(_("c: correct a time or a note"))
        self.tick(self.sapp.now())

    async def render_view(self, view: SessionView) -> None:
        self.query_one("#note", ScannedText).cite(view.policy)
        self.put("#summary", self.summary(compact=True))
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
        since = _("started at {time}", time=local_time(session.started_at, self.sapp.tz))
        if session.pauses:
            paused = sum(p.seconds(now) for p in session.pauses)
            since += "\n" + n_(len(session.pauses), "{n} pause, {duration}",
                               "{n} pauses, {duration}", duration=hms(paused))
        if session.without_consent:
            since += "\n" + _("started WITHOUT consent")
        self.put("#since", since, layout=False)
        self._bill(self.view.bill(now), now)

    def _bill(self, bill: Bill | None, now: datetime) -> None:
        if bill is None:
            self.put("#amount", plain(_("No bill: {problem}", problem=self.view.bill_problem(
                now) or ""), style="red"))
            self.put("#tranche", "")
            self.put("#next", "")
            self.put("#credit", "")
            return
        amount = Text.assemble((_("Amount so far") + "  ", "dim"), (money(bill.total), "bold"))
        paid = self.view.paid()
        if paid:
            amount.append("  " + _("paid {amount}", amount=money(paid)), style="green")
        self.put("#amount", amount)
        self.put("#tranche", Text.assemble((_("Billed") + "  ", "dim"),
                                           f"{hms(bill.billed_seconds)} · {bill.breakdown}"))
        self.put("#credit", credit_text(bill))
        if bill.next_tranche is None:
            self.put("#next", "")
            return
        n = bill.next_tranche
        text = Text.assemble((_("Next tranche") + "  ", "dim"),
                             _("in {duration}: +{amount}", duration=hms(n.seconds_until),
                               amount=money(n.amount)))
        if n.at is not None:
            text.append(" " + _("(at {time})", time=local_time(n.at, self.sapp.tz)),
                        style="dim")
        self.put("#next", text, layout=False)

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The key that cannot apply is hidden, not greyed: at 80 columns the footer has
        # room for the keys that do something now.
        if action == "note":  # while typing, `n` is a letter of the note
            return not (self.is_mounted
                        and self.query_one("#note", ScannedText).has_focus_within)
        state = self.view.state
        if action in ("pause", "pause_why"):
            return state is State.RUNNING
        if action == "resume":
            return state is State.PAUSED
        return True

    async def action_pause(self) -> None:
        """Pause at once, at the instant of the key: a pause is never late."""
        if self.view.state is State.RUNNING:
            await self.command(self.sapp.service.pause, self.session_id,
                               at=self.sapp.instant())

    def action_pause_why(self) -> None:
        if self.view.state is not State.RUNNING:
            return
        # The pause starts now, not when the reason is typed.
        at = self.sapp.instant(self.view.session)

        async def pause(reason: str | None) -> None:
            if reason is not None:
                await self.command(self.sapp.service.pause, self.session_id, at=at,
                                   reason=reason or None)

        self.app.push_screen(
            ReasonDialog(_("Pause"), _("Reason (optional), e.g. the client's call, "
                                       "a restart:"), required=False, confirm=_("Pause")),
            pause)

    async def action_resume(self) -> None:
        if self.view.state is State.PAUSED:
            await self.command(self.sapp.service.resume, self.session_id,
                               at=self.sapp.instant())

    def action_stop(self) -> None:
        # The clock stops at the key, not at the confirmation.
        at = self.sapp.instant(self.view.session)

        async def stop(by: str | None) -> None:
            if by is not None:
                await self.command(self.sapp.service.stop, self.session_id, at=at, by=by)

        self.app.push_screen(StopDialog(), stop)

    async def action_control_returned(self) -> None:
        if await self.command(self.sapp.service.return_control, self.session_id,
                              at=self.sapp.instant()) is not None:
            self.notify(_("Recorded: the client took control back."))

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
        self.refresh_bindings()

    @on(ScannedText.Submitted, "#note")
    async def _note(self, event: ScannedText.Submitted) -> None:
        """Enter in the note field (the field already gave the keyboard back)."""
        field = event.field
        text = event.value.strip()
        self.set_focus(None)
        self.refresh_bindings()
        if not text:
            return
        if field.value == event.value:
            field.clear()
        if await self.command(self.sapp.service.note, self.session_id, text,
                              at=self.sapp.instant()) is not None:
            self.notify(_("Note recorded."))
        elif not field.value:
            field.set_text(event.value)  # refused: nothing is lost, n edits it again

    def action_back(self) -> None:
        note = self.query_one("#note", ScannedText)
        if note.has_focus_within:
            self.set_focus(None)
            self.refresh_bindings()
        else:
            self.app.pop_screen()


def credit_text(bill: Bill) -> Text:
    """A package client's prepaid hours, as this session draws on them."""
    use = bill.credit
    if use is None:
        return Text()
    text = Text.assemble((_("Prepaid credit") + "  ", "dim"),
                         _("{left} left after this session",
                           left=duration(use.remaining_seconds)))
    if use.covered_seconds:
        text.append(" · " + _("{covered} drawn", covered=duration(use.covered_seconds)),
                    style="dim")
    if use.shortfall_seconds:
        text.append("\n⚠ " + _("{missing} not covered: a new package is needed",
                               missing=duration(use.shortfall_seconds)), style="yellow")
    return text


def terms_text(view: SessionView) -> Text:
    """What the terms' check says so far (the rules about the end count at the stop)."""
    compliance = view.compliance
    if compliance is None or not compliance.checked:
        return plain(view.policy_error or "", style="red")
    if not compliance.findings:
        # Never "kept" when the terms leave points unchecked (compliance.check.summary).
        if compliance.not_covered:
            return Text("✔ " + _("No finding so far on the points these terms cover."),
                        style="green")
        return Text("✔ " + _("Terms kept so far."), style="green")
    # A glance beside the clock: one line per finding, cut with "…" (app.tcss); the end
    # screen gives them whole.
    return findings_text(compliance.findings)

