"""Small modal forms: each returns what was typed, or None when cancelled (escape)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Select, Static

from sessiond.amounts import parse_amount
from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.model import ARTIFACTS
from sessiond.tui.format import label
from sessiond.tui.screens.base import Dialog
from sessiond.tui.widgets.scanned import ScannedText


def options(values: Sequence[str]) -> list[tuple[str, str]]:
    return [(label(v), v) for v in values]


class ReasonDialog(Dialog[str]):
    """A reason in words (pause, start without consent); scanned for secrets."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Confirm", id="dialog.confirm"),
    ]

    def __init__(self, title: str, prompt: str, *, required: bool, confirm: str) -> None:
        super().__init__()
        self.title_text, self.prompt, self.required, self.confirm_label = (
            title, prompt, required, confirm)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Label(self.prompt)
            yield ScannedText(id="reason")
            with Horizontal(classes="buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#reason", ScannedText).focus()

    @on(ScannedText.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        field = self.query_one("#reason", ScannedText)
        if field.refused:
            self.app.bell()
            return
        text = field.value.strip()
        if self.required and not text:
            self.refused(_("Give a reason: it is recorded and reported."))
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class StopDialog(Dialog[str]):
    """Stop the session: who ended it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "by('technician')", "Stop", id="dialog.stop"),
        Binding("c", "by('client')", "The client ended it", id="dialog.stop-client"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Stop the session?"), classes="dialog-title")
            yield Label(_("The clock stops, the terms are checked and the log is signed."))
            with Horizontal(classes="buttons"):
                yield Button(_("Stop"), variant="error", id="technician")
                yield Button(_("The client ended it"), id="client")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#technician", Button).focus()

    def action_by(self, who: str) -> None:
        self.dismiss(who)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)


class ArtifactDialog(Dialog[tuple[str, str]]):
    """A screenshot, file copy or recording, made only at the client's request."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Record", id="dialog.confirm"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("Artifact made at the client's request"), classes="dialog-title")
            yield Select(options(ARTIFACTS),
                         value="file-copy", allow_blank=False, id="kind")
            yield Label(_("The client's request, as he made it (when, how):"))
            yield ScannedText(id="request")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    @on(ScannedText.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        field = self.query_one("#request", ScannedText)
        if field.refused:
            self.app.bell()
            return
        self.dismiss((str(self.query_one("#kind", Select).value), field.value.strip()))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class AmountDialog(Dialog[tuple[str, str | None]]):
    """An amount (payment, prepaid hours), with a choice among `choices` if given."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Record", id="dialog.confirm"),
    ]

    def __init__(self, title: str, prompt: str, choices: Sequence[str] = ()) -> None:
        super().__init__()
        self.title_text, self.prompt, self.choices = title, prompt, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title")
            yield Label(self.prompt)
            yield Input(id="amount", restrict=r"[0-9., ]*")
            if self.choices:
                yield Select(options(self.choices), value=self.choices[0], allow_blank=False,
                             id="choice")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        try:
            amount = parse_amount(self.query_one("#amount", Input).value)
        except SessiondError as e:
            self.refused(e.message)
            return
        choice = str(self.query_one("#choice", Select).value) if self.choices else None
        self.dismiss((amount, choice))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ClientDialog(Dialog[str]):
    """Add a client; returns his id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Add", id="dialog.confirm"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("New client"), classes="dialog-title")
            yield Label(_("Name"))
            yield Input(id="name")
            with Horizontal(classes="row"):
                yield Select(options(("consumer", "business")), value="consumer",
                             allow_blank=False, id="status")
                yield Input(value="FR", max_length=2, id="country", classes="short")
            yield Input(placeholder=_("e-mail (optional)"), id="email")
            yield Input(placeholder=_("phone (optional)"), id="phone")
            with Horizontal(classes="buttons"):
                yield Button(_("Add"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    async def action_confirm(self) -> None:
        def text(widget_id: str) -> str | None:
            return self.query_one(f"#{widget_id}", Input).value.strip() or None

        name = text("name")
        if not name:
            self.refused(_("Give the client's name."))
            self.query_one("#name", Input).focus()
            return
        client_id = await self.command(
            self.sapp.service.add_client, name,
            status=str(self.query_one("#status", Select).value),
            country=(text("country") or "FR"), email=text("email"), phone=text("phone"),
            at=self.sapp.instant())
        if client_id is not None:
            self.dismiss(client_id)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class QuestionDialog(Dialog[str]):
    """The daemon asks what a span it could not see was: worked or paused?"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "answer('worked')", "Worked", id="question.worked"),
        Binding("p", "answer('paused')", "Paused", id="question.paused"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(_("A span without trace"), classes="dialog-title")
            yield Label(self.message)
            with Horizontal(classes="buttons"):
                yield Button(_("Worked (w)"), variant="primary", id="worked")
                yield Button(_("Paused (p)"), id="paused")
                yield Button(_("Later"), id="cancel")

    def action_answer(self, decision: str) -> None:
        self.dismiss(decision)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)
