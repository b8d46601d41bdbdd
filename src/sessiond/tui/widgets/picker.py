"""Picking a client by typing: a field, and the clients that match what is typed.

A technician with hundreds of clients types a few letters of a name, a town, an e-mail or
the end of a phone number; every word typed must match (accents and case aside). Enter
takes the highlighted client; with no match, the new-client form opens with the name typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sessiond.client_search import matches
from sessiond.i18n import _
from sessiond.model import Client
from sessiond.tui.format import client_kind
from sessiond.tui.text import clean, plain
from sessiond.tui.widgets.scanned import TextInput

SHOWN = 200  # matches listed at most: a few letters narrow hundreds down at once


def details(client: Client) -> str:
    """One line that tells two clients of the same name apart."""
    parts = [client_kind(client.status, client.country)]
    if client.address:
        parts.append(clean(client.address, one_line=True))
    parts.extend(clean(v, one_line=True) for v in (client.email, client.phone) if v)
    return " · ".join(parts)


def prompt(client: Client) -> Text:
    text = plain(client.name or _("(erased)"), "bold", one_line=True)
    text.append("  " + details(client), style="dim")
    return text


class ClientPicker(Vertical):
    """The field, the matching clients, and the one chosen."""

    class Picked(Message):
        def __init__(self, picker: ClientPicker, client_id: str) -> None:
            super().__init__()
            self.picker = picker
            self.client_id = client_id

        @property
        def control(self) -> ClientPicker:
            return self.picker

    class Missing(Message):
        """Enter with no client matching: the name typed, to add him."""

        def __init__(self, picker: ClientPicker, typed: str) -> None:
            super().__init__()
            self.picker = picker
            self.typed = typed

        @property
        def control(self) -> ClientPicker:
            return self.picker

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes="picker")
        self.clients: list[Client] = []
        self.value: str | None = None  # the id of the client chosen

    def compose(self) -> ComposeResult:
        yield TextInput(placeholder=_("type a name, a town, an e-mail or a phone number"),
                        id="client-search")
        yield OptionList(id="client-list")
        yield Static(id="client-chosen")

    def set_clients(self, clients: Sequence[Client]) -> None:
        self.clients = [c for c in clients if c.name]  # an erased client has no name
        self._filter()
        if self.value is not None and not any(c.id == self.value for c in self.clients):
            self.value = None
        self._chosen()

    def focus(self, scroll_visible: bool = True) -> ClientPicker:
        self.query_one("#client-search", Input).focus(scroll_visible)
        return self

    def choose(self, client_id: str) -> None:
        self.value = client_id
        self._chosen()
        self.post_message(self.Picked(self, client_id))

    def _found(self) -> list[Client]:
        query = self.query_one("#client-search", Input).value
        return [c for c in self.clients if matches(c, query)]

    def _filter(self) -> None:
        found = self._found()
        options = self.query_one("#client-list", OptionList)
        options.clear_options()
        options.add_options([Option(prompt(c), id=c.id) for c in found[:SHOWN]])
        if found:
            options.highlighted = 0
        hidden = len(found) - SHOWN
        if hidden > 0:
            options.add_option(Option(plain(_("… {count} more: type more letters",
                                              count=hidden), "dim"), disabled=True))

    def _chosen(self) -> None:
        chosen = next((c for c in self.clients if c.id == self.value), None)
        shown = self.query_one("#client-chosen", Static)
        if chosen is None:
            shown.update(plain(_("No client chosen yet (ctrl+n: a new client)."), "dim"))
        else:
            text = Text("✔ ", style="bold green")
            text.append_text(prompt(chosen))
            shown.update(text)

    @on(Input.Changed, "#client-search")
    def _typed(self) -> None:
        self._filter()

    @on(Input.Submitted, "#client-search")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#client-list", OptionList)
        index = options.highlighted
        if index is not None and not options.get_option_at_index(index).disabled:
            option_id = options.get_option_at_index(index).id
            if option_id is not None:
                self.choose(option_id)
                return
        self.post_message(self.Missing(self, event.value.strip()))

    @on(OptionList.OptionSelected, "#client-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(event.option.id)

    def on_key(self, event: events.Key) -> None:
        # Up and down move in the list while the keyboard stays in the field.
        search = self.query_one("#client-search", Input)
        if not search.has_focus or event.key not in ("up", "down"):
            return
        options = self.query_one("#client-list", OptionList)
        if event.key == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()
        event.stop()
        event.prevent_default()
