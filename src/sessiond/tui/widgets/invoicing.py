"""The forms of invoicing (issue 15): the client's details an invoice states, and the
month to invoice.

The client's details are recorded by `Sessiond.edit_client`, as `sessiond client edit`
records them: the SIREN is checked there (law.siren), by the same function, and a refusal
is shown in the form, with nothing written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from sessiond.errors import SessiondError
from sessiond.i18n import _
from sessiond.i18n.dates import month_year
from sessiond.i18n.plural import n_
from sessiond.model import Client, Event
from sessiond.tui.screens.base import Dialog
from sessiond.tui.text import clean, editable, plain
from sessiond.tui.widgets.dialogs import sentence
from sessiond.tui.widgets.scanned import TextInput

FIELDS = ("address", "siren", "vat_number", "email", "phone")


@dataclass(frozen=True)
class Month:
    """A calendar month of a client, with what it has to invoice."""

    first: date
    last: date
    sessions: int  # finished sessions not invoiced yet

    @property
    def name(self) -> str:
        return month_year(self.first)


def client_name(client: Client) -> str:
    return clean(client.name or _("(erased)"), one_line=True)


class ClientEditDialog(Dialog[Event]):
    """The client's postal address, SIREN, e-mail and phone; returns the client-edited
    event, or None when cancelled. `reason`: why the form opened (an invoice refused)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Save", id="client-edit.save"),
    ]

    def __init__(self, client: Client, *, reason: str = "") -> None:
        super().__init__()
        self.client, self.reason = client, reason

    def compose(self) -> ComposeResult:
        c = self.client
        placeholders = {
            "address": _("postal address, e.g. 12 rue des Lilas, 75011 Paris"),
            "siren": _("SIREN or SIRET of a business"),
            "vat_number": _("intra-EU VAT number of a business elsewhere in the EU"),
            "email": _("e-mail (optional)"),
            "phone": _("phone (optional)"),
        }
        with VerticalScroll(classes="dialog", id="client-edit"):
            yield sentence(_("Details of {client}", client=client_name(c)),
                           classes="dialog-title")
            if self.reason:
                yield Static(plain(self.reason, style="yellow"), classes="dialog-text",
                             id="client-edit-reason")
            yield sentence(_("An invoice states the client's postal address, and a "
                             "business's SIREN. A field left as it is keeps its value."))
            for name in FIELDS:
                yield TextInput(getattr(c, name) or "", placeholder=placeholders[name],
                                id=f"client-{name}", compact=True,
                                restrict=r"[0-9 .]*" if name == "siren" else None)
            yield Static(id="client-edit-problems", classes="dialog-problems")
            with Horizontal(classes="buttons"):
                yield Button(_("Save"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    def on_mount(self) -> None:
        c = self.client
        from sessiond.law.vat import treatment

        first = "address"
        if c.address and c.status == "business" and c.country == "FR" and not c.siren:
            first = "siren"
        elif c.address and treatment(c.country, c.status == "business").vat_numbers \
                and not c.vat_number:
            first = "vat_number"  # the reverse charge states it
        self.query_one(f"#client-{first}", Input).focus()

    def changed(self) -> dict[str, str]:
        """The fields typed that differ from what is recorded (an emptied field keeps its
        value: `edit_client` records no blank). A field is compared with what it was filled
        with: an address recorded on two lines, shown on one, is not changed by saving the
        SIREN."""
        found = {}
        for name in FIELDS:
            value = self.query_one(f"#client-{name}", Input).value.strip()
            if value and value != editable(getattr(self.client, name) or "").strip():
                found[name] = value
        return found

    def problem(self, text: str) -> None:
        self.query_one("#client-edit-problems", Static).update(
            Text("⚠ " + clean(text), style="red"))

    @on(Input.Submitted)
    @on(Button.Pressed, "#confirm")
    async def action_confirm(self) -> None:
        fields = self.changed()
        if not fields:
            self.problem(_("Nothing changed: type the address or the SIREN to record."))
            return
        svc = self.sapp.service
        try:
            event = await self.sapp.backend.run(
                svc.edit_client, self.client.id, address=fields.get("address"),
                siren=fields.get("siren"), email=fields.get("email"),
                phone=fields.get("phone"), vat_number=fields.get("vat_number"),
                at=self.sapp.instant())
        except SessiondError as e:  # nothing was written: said here, the form stays
            self.problem(e.message)
            for name in ("siren", "vat_number"):  # the checked fields: the likely culprit
                if name in fields:
                    self.query_one(f"#client-{name}", Input).focus()
                    break
            return
        await self.sapp.poll()
        self.dismiss(event)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class MonthDialog(Dialog[Month]):
    """Which month of the client to invoice: this one preselected, the one before next
    (the month a technician invoices on the 1st), each with what it has to invoice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Invoice it", id="month.confirm"),
    ]

    def __init__(self, client: Client, months: Sequence[Month]) -> None:
        super().__init__()
        self.client, self.months = client, tuple(months)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="month-dialog"):
            yield sentence(_("Invoice a month of {client}", client=client_name(self.client)),
                           classes="dialog-title")
            yield sentence(_("The month's finished sessions not yet invoiced go on one "
                             "invoice."))
            yield OptionList(*(Option(plain(self._line(m)), id=m.first.isoformat())
                               for m in self.months), id="months")
            with Horizontal(classes="buttons"):
                yield Button(_("Invoice it"), variant="primary", id="confirm")
                yield Button(_("Cancel"), id="cancel")

    @staticmethod
    def _line(month: Month) -> str:
        if not month.sessions:
            return _("{month}: nothing to invoice", month=month.name)
        return n_(month.sessions, "{month}: {n} session to invoice",
                  "{month}: {n} sessions to invoice", month=month.name)

    def on_mount(self) -> None:
        months = self.query_one("#months", OptionList)
        months.highlighted = 0
        months.focus()

    @on(OptionList.OptionSelected, "#months")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.months[event.option_index])

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        index = self.query_one("#months", OptionList).highlighted
        if index is not None:
            self.dismiss(self.months[index])

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
