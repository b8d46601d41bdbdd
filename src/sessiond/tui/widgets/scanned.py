"""Free text scanned for secrets at each keystroke.

The service refuses a secret anyway (sessions.refuse_secrets); the field says so while the
technician types, with the scanner's reason, and never submits such text: nothing is sent,
let alone stored.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, TextArea
from textual.widgets.text_area import EditResult

from sessiond.model import SECRETS_RULE
from sessiond.policy import Policy
from sessiond.privacy.scanner import Finding, describe, scan
from sessiond.tui.text import editable


class TextInput(Input):
    """A one-line input whose text is always one a terminal can draw (text.editable): the
    stored text a form is filled with (a note to correct, a client's address, the identity
    read from config.toml), typed or pasted text alike: it holds only what it shows, a
    zero-width space or a direction override pasted from an e-mail is not saved unseen."""

    def validate_value(self, value: str) -> str:
        return editable(value)

    def replace(self, text: str, start: int, end: int) -> None:
        # What is typed or pasted is made editable before it goes in, so that the cursor
        # lands after what the field kept (validate_value alone left it one further for
        # each character dropped).
        super().replace(editable(text), start, end)


class TextBox(TextArea):
    """The multi-line field, its text always one a terminal can draw: what is pasted
    (or typed) loses what a field cannot show (text.editable), line ends kept."""

    def _replace_via_keyboard(self, insert: str, start: tuple[int, int],
                              end: tuple[int, int]) -> EditResult | None:
        return super()._replace_via_keyboard(editable(insert, one_line=False), start, end)


class Field(TextInput):
    """The one-line field: Enter gives the keyboard back at once.

    Textual forwards each key to the widget focused when it reads the key, and runs Enter's
    binding only once the key has come back up to the app: the `p` typed right after Enter
    would already be in this field. So Enter is handled here, in the field's own turn (the
    letters before it are in, those after it are not), the focus leaves at once, and a key
    that reaches the field once it has left is the screen's (pause).
    """

    async def action_submit(self) -> None:
        parent = self.parent
        if not (isinstance(parent, ScannedText) and parent.refused):
            self.screen.set_focus(None)  # a refused text stays in the field, focused
            self.screen.refresh_bindings()
        await super().action_submit()

    async def _on_key(self, event: events.Key) -> None:
        # The screen's own record, not `has_focus`: that one follows when the Blur event is
        # handled, after the keys already queued here.
        if self.screen.focused is not self:
            event.stop()
            event.prevent_default()
            self.app.simulate_key(event.key)  # handled again, as the screen's key
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
            return
        await super()._on_key(event)


class ScannedText(Vertical):
    class Submitted(Message):
        """Enter in a single-line field whose text holds no secret."""

        def __init__(self, field: ScannedText, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ScannedText:
            return self.field

    def __init__(self, *, placeholder: str = "", multiline: bool = False,
                 compact: bool = False, id: str | None = None,  # noqa: A002
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.placeholder = placeholder
        self.multiline = multiline
        self.compact = compact  # one line without borders (the note beside the clock)
        self.findings: list[Finding] = []
        # The article of the session's terms that forbids writing a secret down, as the
        # service cites it when it refuses one (Policy.cites); None: the law is cited.
        self.citation: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        if self.multiline:
            yield TextBox(placeholder=self.placeholder, show_line_numbers=False)
        else:
            yield Field(placeholder=self.placeholder, compact=self.compact)
        yield Static("", classes="secret-warning", markup=False)

    @property
    def editor(self) -> Input | TextArea:
        return self.query_one(TextArea) if self.multiline else self.query_one(Input)

    @property
    def value(self) -> str:
        editor = self.editor
        return editor.text if isinstance(editor, TextArea) else editor.value

    @property
    def refused(self) -> bool:
        return bool(self.findings)

    def clear(self) -> None:
        self.editor.clear()
        self._scan("")

    def set_text(self, text: str) -> None:
        """Put `text` back in the field (a write the service refused), scanned again."""
        editor = self.editor
        if isinstance(editor, TextArea):
            editor.text = editable(text, one_line=False)
        else:
            editor.value = text  # made editable by the field itself
        self._scan(self.value)

    def focus(self, scroll_visible: bool = True) -> ScannedText:
        # At once, not after the messages already queued (Widget.focus): the letters typed
        # right after `n` are the note's.
        self.screen.set_focus(self.editor, scroll_visible=scroll_visible)
        return self

    def cite(self, policy: Policy | None) -> None:
        """Cite `policy`'s article on secrets from now on (the session's terms)."""
        self.citation = policy.cites(SECRETS_RULE) if policy is not None else None
        self._scan(self.value)

    def _scan(self, text: str) -> None:
        self.findings = scan(text) if text.strip() else []
        self.query_one(".secret-warning", Static).update(
            describe(self.findings, citation=self.citation[0] if self.citation else None,
                     words=self.citation[1] if self.citation else None))
        self.set_class(self.refused, "-refused")

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._scan(event.value)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        self._scan(event.text_area.text)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._scan(event.value)
        if self.refused:
            self.app.bell()
            return
        self.post_message(self.Submitted(self, event.value))
