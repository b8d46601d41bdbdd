"""Small modal forms: each returns what was typed, or None when cancelled (escape).

Their sentences are Statics that wrap (a Label is one line: "…et le journ" was cut at
120 columns), and every text they show from the log is shown as text (tui/text.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from sessiond.amounts import parse_amount
from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.model import ARTIFACTS, CLIENT_STATUSES, Client
from sessiond.tui.format import label, money
from sessiond.tui.screens.base import Dialog
from sessiond.tui.text import clean, plain
from sessiond.tui.widgets.picker import details
from sessiond.tui.widgets.scanned import ScannedText, TextInput

if TYPE_CHECKING:
    from sessiond.sessions import Sessiond


def options(values: Sequence[str]) -> list[tuple[str, str]]:
    return [(label(v), v) for v in values]


def sentence(text: str, *, classes: str = "dialog-text") -> Static:
    """A sentence of a dialog: it wraps, and is never read as markup."""
    return Static(plain(text), classes=classes)


def payment_recorded(amount: str, method: str) -> str:
    return _("Payment recorded: {amount} ({method}).", amount=money(Decimal(amount)),
             method=label(method))


def reason_needed() -> str:
    return _("Give a reason: it is recorded and reported.")


def required_text(field: ScannedText, tell: Callable[[str], None], empty: str | None
                  ) -> str | None:
    """The field's text, or None with the focus left on it to correct: a secret in it
    rings (the field already says what it found); an empty one is told `empty`, unless
    `empty` is None (the text may be left empty)."""
    text = field.value.strip()
    if field.refused:
        field.app.bell()
    elif not text and empty is not None:
        tell(empty)
    else:
        return text
    field.focus()
    return None


class TextDialog(Dialog[str]):
    """A text in words (a reason, a note's new text), scanned for secrets. `empty` is what
    is said when it is left empty (None: it may be); `text` fills it in (a note to correct
    is edited, not typed again)."""

    FIELD: ClassVar[str] = "text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Confirm", id="dialog.confirm"),
    ]

    def __init__(self, title: str, prompt: str, *, confirm: str, empty: str | None,
                 text: str = "") -> None:
        super().__init__()
        self.title_text, self.prompt, self.confirm_label = title, prompt, confirm
        self.empty, self.text = empty, text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(self.title_text, classes="dialog-title")
            yield sentence(self.prompt)
            yield ScannedText(id=self.FIELD)
            with Horizontal(classes="buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        field = self.query_one(f"#{self.FIELD}", ScannedText)
        if self.text:
            field.set_text(self.text)
        field.focus()

    @on(ScannedText.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        text = required_text(self.query_one(f"#{self.FIELD}", ScannedText), self.refused,
                             self.empty)
        if text is not None:
            self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ReasonDialog(TextDialog):
    """A reason (pause, start without consent, a correction)."""

    FIELD: ClassVar[str] = "reason"

    def __init__(self, title: str, prompt: str, *, required: bool, confirm: str) -> None:
        super().__init__(title, prompt, confirm=confirm,
                         empty=reason_needed() if required else None)


class StopDialog(Dialog[str]):
    """Stop the session: who ended it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "by('technician')", "Stop", id="dialog.stop"),
        Binding("c", "by('client')", "The client ended it", id="dialog.stop-client"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(_("Stop the session?"), classes="dialog-title")
            yield sentence(_("The clock stops, the terms are checked and the log is signed."))
            with Horizontal(classes="buttons"):
                yield Button(_("Stop"), variant="error", id="technician")
                yield Button(_("The client ended it (c)"), id="client")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#technician", Button).focus()

    def action_by(self, who: str) -> None:
        self.dismiss(who)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)


class ConfirmDialog(Dialog[str]):
    """A question with a few answers; returns the id of the answer chosen."""

    def __init__(self, title: str, text: str, answers: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text, self.text, self.answers = title, text, answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(self.title_text, classes="dialog-title")
            yield sentence(self.text)
            with Horizontal(classes="buttons"):
                for number, (answer_id, words) in enumerate(self.answers):
                    yield Button(words, id=answer_id,
                                 variant="primary" if number == 0 else "default")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

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
            yield sentence(_("Copy made at the client's request"), classes="dialog-title")
            yield Select(options(ARTIFACTS),
                         value="file-copy", allow_blank=False, id="kind")
            yield sentence(_("The client's request, as he made it (when, how):"))
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


class AmountDialog(Dialog[str]):
    """An amount or a number of hours, read as the CLI reads it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Record", id="dialog.confirm"),
    ]

    def __init__(self, title: str, prompt: str, value: str = "") -> None:
        super().__init__()
        self.title_text, self.prompt, self.value = title, prompt, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(self.title_text, classes="dialog-title")
            yield sentence(self.prompt)
            yield Input(self.value, id="amount", restrict=r"[0-9., ]*")
            with Horizontal(classes="buttons"):
                yield Button(_("Record"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#amount", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        text = self.query_one("#amount", Input).value
        try:
            parse_amount(text)
        except SessiondError as e:
            self.refused(e.message)
            return
        self.dismiss(text.strip())

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def _typed(amount: Decimal | None) -> str:
    """An amount as the technician would type it (52,50 in French)."""
    from sessiond.i18n import language

    if not amount:
        return ""
    text = f"{amount.quantize(Decimal('0.01')):f}"
    return text.replace(".", ",") if language() == "fr" else text


class PaymentDialog(Dialog[tuple[str, str]]):
    """A payment received: the amount still due and the terms' first accepted method are
    filled in (VLH takes no card: its first method is cash)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Record", id="dialog.confirm"),
    ]

    def __init__(self, due: Decimal | None, methods: Sequence[str]) -> None:
        super().__init__()
        self.due, self.methods = due, tuple(methods)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(_("Payment received"), classes="dialog-title")
            if self.due is not None:
                yield sentence(_("Due so far: {amount}.", amount=money(self.due)))
            yield sentence(_("Amount in euros:"))
            yield Input(_typed(self.due), id="amount", restrict=r"[0-9., ]*")
            yield sentence(_("Method (those the terms accept):"))
            yield Select(options(self.methods), value=self.methods[0], allow_blank=False,
                         id="method")
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
        self.dismiss((amount, str(self.query_one("#method", Select).value)))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ClientDialog(Dialog[str]):
    """Add a client; returns his id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Add", id="dialog.confirm"),
    ]

    def __init__(self, name: str = "") -> None:
        super().__init__()
        self.name_typed = name  # what was typed in the picker, when it found no one
        # The (name, e-mail) the technician chose to add although a client had them.
        self.confirmed: tuple[str, str | None] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(_("New client"), classes="dialog-title")
            yield TextInput(self.name_typed, placeholder=_("name"), id="name")
            with Horizontal(classes="row"):
                yield Select(options(CLIENT_STATUSES), value="consumer",
                             allow_blank=False, id="status")
                yield TextInput(value="FR", max_length=2, id="country", classes="short")
            yield TextInput(placeholder=_("e-mail (optional)"), id="email")
            yield TextInput(placeholder=_("phone (optional)"), id="phone")
            yield TextInput(placeholder=_("postal address (optional)"), id="address")
            yield TextInput(placeholder=_("SIREN or SIRET of a business (optional)"),
                            id="siren", restrict=r"[0-9 .]*")
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
        email = text("email")
        if (name, email) != self.confirmed:
            found = await self.command(duplicates_of, self.sapp.service, name, email)
            if found is None:
                return
            if found:
                self._ask_duplicate(found, (name, email))
                return
        client_id = await self.command(
            self.sapp.service.add_client, name,
            status=str(self.query_one("#status", Select).value),
            country=(text("country") or "FR"), email=text("email"), phone=text("phone"),
            address=text("address"), siren=text("siren"), at=self.sapp.instant())
        if client_id is not None:
            self.dismiss(client_id)

    def _ask_duplicate(self, found: Sequence[Client], typed: tuple[str, str | None]) -> None:
        """A client added twice gets the new-client discount twice and two rows: offer the
        one(s) the log has first. Their names are in the sentence, shown as text; the
        buttons only number them."""
        shown = list(found)[:3]

        def answered(answer: str | None) -> None:
            if answer == "add":
                self.confirmed = typed
                self.run_worker(self.action_confirm(), group="add-client", exclusive=True)
            elif answer is not None and answer.startswith("use-"):
                self.dismiss(shown[int(answer.removeprefix("use-"))].id)

        lines = "\n".join(f"{n}. {clean(c.name or _('(erased)'), one_line=True)} — "
                          f"{details(c)}" for n, c in enumerate(shown, 1))
        answers = [("use-0", _("Use this client"))] if len(shown) == 1 else [
            (f"use-{i}", _("Use no. {number}", number=i + 1)) for i in range(len(shown))]
        self.app.push_screen(ConfirmDialog(
            _("This client may exist already"),
            _("A client with the same name or e-mail is on record:\n{clients}\nA client "
              "added twice is billed as new twice. Use the one on record, or add a new "
              "client anyway?", clients=lines),
            [*answers, ("add", _("Add anyway"))]), answered)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


def duplicates_of(svc: Sessiond, name: str, email: str | None) -> list[Client]:
    """The clients on record with this name or e-mail (blind indexes: never in clear)."""
    return [svc.client(c) for c in svc.possible_duplicates(name, email)]


class QuestionDialog(Dialog[str]):
    """The daemon asks what a span it could not see was: worked or paused?"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "answer('worked')", "Worked", id="question.worked"),
        Binding("p", "answer('paused')", "Paused", id="question.paused"),
    ]

    def __init__(self, message: str, choices: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.message = message
        # A question about what the remote tool logged offers its own answers
        # ("start s-7hq3xr", "ignore"...), as (decision, label); w and p are for spans.
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield sentence(_("What the remote tool logged") if self.choices
                           else _("A span without trace"), classes="dialog-title")
            yield sentence(self.message)
            with Horizontal(classes="buttons"):
                if self.choices:
                    for n, (_decision, label) in enumerate(self.choices):
                        yield Button(label, variant="primary" if n == 0 else "default",
                                     id=f"choice-{n}")
                else:
                    yield Button(_("Worked (w)"), variant="primary", id="worked")
                    yield Button(_("Paused (p)"), id="paused")
                yield Button(_("Later"), id="cancel")

    def action_answer(self, decision: str) -> None:
        if not self.choices:
            self.dismiss(decision)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or "cancel"
        if button.startswith("choice-"):
            self.dismiss(self.choices[int(button.removeprefix("choice-"))][0])
            return
        self.dismiss(None if button == "cancel" else button)

