"""The corrections of a session, as forms: pick what to correct, then say how and why.

A mistake is never edited: each form ends in one audited event of the service (amend,
reopen, cancel, move_session, redact, note with `replaces`), which names what it corrects
and carries the reason, scanned for secrets like any text. The declared time is read by
the CLI's own parser (clock.parse_instant), against the app's clock, with the same
refusals; the one the CLI answers with `--yes` (more than 7 days back) is a question here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from sessiond import clock
from sessiond.errors import InputError, SessiondError
from sessiond.i18n import _
from sessiond.model import (
    AMENDABLE,
    AMENDABLE_FACTS,
    WITHDRAWABLE,
    Client,
    Event,
    Session,
    State,
)
from sessiond.sessions import not_holding_work_of
from sessiond.tui.format import local_time, when
from sessiond.tui.screens.base import Dialog, SessiondScreen
from sessiond.tui.text import clean, plain
from sessiond.tui.widgets.dialogs import (
    ClientDialog,
    ConfirmDialog,
    ReasonDialog,
    reason_needed,
    required_text,
    sentence,
)
from sessiond.tui.widgets.facts import corrections_of, describe, marked, redacted
from sessiond.tui.widgets.picker import ClientPicker
from sessiond.tui.widgets.scanned import ScannedText, TextInput


@dataclass(frozen=True)
class Entry:
    """One line of the corrections' list: what `key` opens, and how it reads."""

    key: str  # "amend-SEQ", "note-SEQ", "reopen", "move", "cancel" or "duplicate-SESSION"
    prompt: Text


def entries(session: Session, tz: ZoneInfo, others: Sequence[Session] = ()) -> list[Entry]:
    """What can be corrected in the session as it stands, in the timeline's order: its
    transitions (their time), its notes still readable and not replaced (their text), then
    what applies to the whole session; `others`: the client's other sessions, that a started
    one may duplicate (those of its day that hold work)."""
    found: list[Entry] = []
    fixed = corrections_of(session.events)
    for event in session.events:
        if event.kind in AMENDABLE or event.kind in AMENDABLE_FACTS:
            what, hint = "amend", _("correct the time")
        elif event.kind == "note-added" and not redacted(event, fixed) and not any(
                c.kind == "note-added" for c in fixed.get(event.seq, ())):
            what, hint = "note", _("replace or redact")
        elif event.kind in WITHDRAWABLE:  # a withdrawn one is folded away already
            what, hint = "withdraw", _("withdraw: recorded by mistake")
        else:
            continue
        text = Text(local_time(event.at, tz, "%H:%M:%S") + "  ", style="dim")
        text.append_text(marked(event, tz, fixed))
        text.append("  → " + hint, style="dim")
        found.append(Entry(f"{what}-{event.seq}", text))
    if session.state is State.STOPPED:
        found.append(Entry("reopen", plain(_("Reopen the session: the stop was a mistake "
                                             "(it goes on, paused from the stop)"))))
    if session.state is not State.CANCELLED:
        found.append(Entry("move", plain(_("Change the client: the session is another "
                                           "client's"))))
    if session.state is State.PLANNED:
        found.append(Entry("cancel", plain(_("Cancel the session: it was planned by mistake "
                                             "(it leaves Today and the exports)"))))
    elif session.state is not State.CANCELLED:
        for other in _holders(session, others, tz):
            found.append(Entry(f"duplicate-{other.id}", plain(_(
                "Cancel the session: a duplicate of {other}, started at {time} (the same "
                "work timed twice; it leaves Today and the exports)", other=other.id,
                time=local_time(other.started_at, tz, "%H:%M") if other.started_at else ""))))
    return found


def _holders(session: Session, others: Sequence[Session], tz: ZoneInfo) -> list[Session]:
    """The sessions of the same day that `session` may be cancelled as a duplicate of."""
    if session.started_at is None:
        return []
    day = session.started_at.astimezone(tz).date()
    return [o for o in others if o.started_at is not None
            and o.started_at.astimezone(tz).date() == day
            and not_holding_work_of(session, o) is None]


def order_problem(session: Session, seq: int, at: datetime, tz: ZoneInfo) -> str | None:
    """Why the transition `seq` cannot be at `at`, in the timeline's words, or None.

    The service checks the same order (and stays the judge: its refusal shows too); this
    one names the neighbour as the screen shows it, not by its kind and seq."""
    steps = [e for e in session.events if e.kind in AMENDABLE]
    index = next((i for i, e in enumerate(steps) if e.seq == seq), None)
    if index is None:
        return None
    event = steps[index]

    def words(e: Event) -> str:
        return clean(describe(e, tz), one_line=True)

    def time(instant: datetime) -> str:
        return local_time(instant, tz, "%H:%M:%S")

    if index > 0 and at < steps[index - 1].at:
        before = steps[index - 1]
        return _("“{event}” at {time} would come before “{other}” at {other_time}, which "
                 "happened first: give a later time.", event=words(event), time=time(at),
                 other=words(before), other_time=time(before.at))
    if index + 1 < len(steps) and at > steps[index + 1].at:
        after = steps[index + 1]
        return _("“{event}” at {time} would come after “{other}” at {other_time}, which "
                 "happened next: give an earlier time.", event=words(event), time=time(at),
                 other=words(after), other_time=time(after.at))
    return None


class CorrectionsDialog(Dialog[str]):
    """The list of what can be corrected; returns the key of the line chosen."""

    def __init__(self, found: Sequence[Entry]) -> None:
        super().__init__()
        self.found = tuple(found)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="corrections"):
            yield sentence(_("Correct the session"), classes="dialog-title")
            yield sentence(_("Nothing is erased: the correction is recorded with its reason, "
                             "and the log keeps what it corrects. Enter chooses, escape "
                             "closes."))
            yield OptionList(*(Option(e.prompt, id=e.key) for e in self.found),
                             id="correctable")

    def on_mount(self) -> None:
        options = self.query_one("#correctable", OptionList)
        options.focus()
        transitions = [i for i, e in enumerate(self.found) if e.key.startswith("amend-")]
        # The newest transition first under the cursor: the one most often mistyped.
        options.highlighted = transitions[-1] if transitions else 0

    @on(OptionList.OptionSelected, "#correctable")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class AmendDialog(Dialog[Event]):
    """The right time of one transition, and why: the service writes the correction, or
    the refusal shows here and nothing is written."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Correct", id="dialog.confirm"),
    ]

    def __init__(self, session: Session, event: Event) -> None:
        super().__init__()
        self.session, self.event = session, event
        self.session_id = session.id

    def compose(self) -> ComposeResult:
        tz = self.sapp.tz
        what = clean(describe(self.event, tz), one_line=True)
        with Vertical(classes="dialog", id="amend"):
            yield sentence(_("Correct the time of “{event}”", event=what),
                           classes="dialog-title")
            yield sentence(_("Recorded {time}. The right time, as --at takes it: HH:MM or "
                             "9h30 (last 12 hours), yesterday 18:30, 30/11 9h30 or "
                             "{example}.",
                             time=when(self.event.at, tz),
                             example=self.event.at.astimezone(tz).strftime("%Y-%m-%d %H:%M")))
            # Anything may be typed: the command line's parser reads it and refuses, in
            # its words, what it cannot read (a filter would silently drop "/" or "hier").
            yield TextInput(id="time", placeholder=self.event.at.astimezone(tz).strftime("%H:%M"))
            yield sentence(_("Why (kept in the log):"))
            yield ScannedText(id="reason")
            yield Static(id="refusal", classes="dialog-refusal")
            with Horizontal(classes="buttons"):
                yield Button(_("Correct"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#refusal", Static).display = False
        self.query_one("#time", Input).focus()

    def refuse(self, message: str) -> None:
        """Say here why nothing was written (the dialog stays, to correct the typing)."""
        refusal = self.query_one("#refusal", Static)
        refusal.update(plain(message))
        refusal.display = True
        self.app.bell()

    @on(Input.Submitted, "#time")
    def _time_typed(self) -> None:
        self.query_one("#reason", ScannedText).focus()

    @on(ScannedText.Submitted, "#reason")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        typed = self.query_one("#time", Input).value.strip()
        if not typed:
            self.refuse(_("Give the right time: HH:MM, or a date and time."))
            self.query_one("#time", Input).focus()
            return
        now = self.sapp.now()
        try:
            # The CLI's parser, against the app's clock; a time more than 7 days back is
            # asked about below instead of needing --yes.
            at = clock.parse_instant(typed, self.sapp.tz, reference=now, allow_old=True)
        except InputError as e:
            self.refuse(e.message)
            self.query_one("#time", Input).focus()
            return
        reason = required_text(self.query_one("#reason", ScannedText), self.refuse,
                               reason_needed())
        if reason is None:
            return
        problem = order_problem(self.session, self.event.seq, at, self.sapp.tz)
        if problem is not None:
            self.refuse(problem)
            self.query_one("#time", Input).focus()
            return
        if at < now - clock.OLD_DECLARATION:
            def answered(answer: str | None) -> None:
                if answer == "old":
                    self.run_worker(self._amend(at, reason, typed), group="amend",
                                    exclusive=True)

            self.app.push_screen(ConfirmDialog(
                _("More than 7 days ago"),
                _("{time} is more than 7 days ago. Is that really when it happened?",
                  time=when(at, self.sapp.tz)),
                [("old", _("Yes, correct it"))]), answered)
            return
        self.run_worker(self._amend(at, reason, typed), group="amend", exclusive=True)

    async def _amend(self, at: datetime, reason: str, typed: str) -> None:
        svc = self.sapp.service
        try:
            event = await self.sapp.backend.run(svc.amend, self.session_id, self.event.seq,
                                                at=at, reason=reason, typed=typed)
        except SessiondError as e:
            self.refuse(e.message)
            self.refused(e.message)
            return
        await self.sapp.poll()
        self.dismiss(event)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def reason_dialog(title: str, prompt: str, confirm: str) -> ReasonDialog:
    return ReasonDialog(title, prompt, required=True, confirm=confirm)


def ask_cancel(screen: SessiondScreen, session_id: str,
               duplicate_of: str | None = None) -> None:
    """Cancel a planned session, from its screen or its row of Today, or a started one as
    the duplicate of `duplicate_of`: the reason first."""
    async def cancel(reason: str | None) -> None:
        if reason is not None and await screen.command(
                screen.sapp.service.cancel, session_id, reason=reason,
                duplicate_of=duplicate_of) is not None:
            screen.notify(_("Session cancelled: it is gone from Today and the exports "
                            "(the log keeps it)."))

    why = (_("Why (kept in the log), e.g. planned by mistake? Only a session that never "
             "started can be cancelled.") if duplicate_of is None else
           _("Why (kept in the log), e.g. started twice? {other} keeps the work; nothing is "
             "due for this one.", other=duplicate_of))
    screen.app.push_screen(reason_dialog(_("Cancel the session"), why,
                                         _("Cancel the session")), cancel)


class MoveDialog(Dialog[tuple[str, str]]):
    """Another client for the session (picked by typing, or added: the new-client form
    warns of a duplicate), and why; returns (client id, reason)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Confirm", id="dialog.confirm"),
        Binding("ctrl+n", "new_client", "New client", id="dialog.new-client"),
    ]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current  # the session's client: not a choice

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="move"):
            yield sentence(_("Change the client"), classes="dialog-title")
            yield sentence(_("The client the session belongs to (ctrl+n: a new client):"))
            yield ClientPicker(id="move-client")
            yield sentence(_("Why (kept in the log):"))
            yield ScannedText(id="reason")
            with Horizontal(classes="buttons"):
                yield Button(_("Change the client"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    async def on_mount(self) -> None:
        self.query_one("#move-client", ClientPicker).focus()
        await self._clients()

    async def _clients(self) -> None:
        clients: list[Client] = await self.load(self.sapp.service.clients)
        self.query_one("#move-client", ClientPicker).set_clients(
            [c for c in clients if c.id != self.current])

    @on(ClientPicker.Picked, "#move-client")
    def _picked(self) -> None:
        self.query_one("#reason", ScannedText).focus()

    @on(ClientPicker.Missing, "#move-client")
    def _missing(self, event: ClientPicker.Missing) -> None:
        self.app.push_screen(ClientDialog(event.typed), self._added)

    def action_new_client(self) -> None:
        typed = self.query_one("#client-search", Input).value.strip()
        self.app.push_screen(ClientDialog(typed), self._added)

    async def _added(self, client_id: str | None) -> None:
        if client_id is None:
            return
        await self._clients()
        self.query_one("#move-client", ClientPicker).choose(client_id)

    @on(ScannedText.Submitted, "#reason")
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        picker = self.query_one("#move-client", ClientPicker)
        if picker.value is None:
            self.refused(_("Pick the client the session belongs to."))
            picker.focus()
            return
        reason = required_text(self.query_one("#reason", ScannedText), self.refused,
                               reason_needed())
        if reason is not None:
            self.dismiss((picker.value, reason))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
