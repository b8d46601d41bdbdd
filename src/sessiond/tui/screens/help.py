"""Help: the keys of the screen underneath, and how sessiond keeps time."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from sessiond.i18n import _
from sessiond.tui.screens.base import Dialog


class HelpScreen(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark,q", "cancel", "Close", id="help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(_("Help"), classes="dialog-title")
            yield Static(self._keys())
            yield Static(Text(_(
                "The clock is computed from the recorded events and the current time: it "
                "stays right after a suspend or a restart, and a start, pause or stop typed "
                "in another terminal (sessiond pause …) shows here within a second.\n"
                "Notes and reasons are scanned as you type: a password, a code or a card "
                "number is refused before anything is written.\n"
                "Keys can be changed in config.toml, section [keymap], by the ids shown "
                "above (e.g. \"session.pause\" = \"f5\").\n"
                "Ctrl+P opens the command palette.")), classes="help-text")

    def _keys(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column(_("Key"))
        table.add_column(_("Action"))
        table.add_column("id", style="dim")
        rows: dict[tuple[str, str], tuple[list[str], str]] = {}
        for active in self.under.active_bindings.values():
            binding = active.binding
            if not binding.id or not binding.description:
                continue  # Textual's own (tab, copy): not ours to document
            keys, _ids = rows.setdefault((binding.action, binding.description),
                                         ([], binding.id))
            keys.append(self.app.get_key_display(binding))
        for (_action, description), (keys, binding_id) in rows.items():
            table.add_row(Text(", ".join(keys), style="bold"), description, binding_id)
        return table
