"""Clients: the list (filtered as you type), each one's details, his history of sessions,
and his prepaid credit; `e` edits the details an invoice states (address, SIREN), `f`
invoices his month (tui/invoicing.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Input, Label, Static

from sessiond.client_search import matches
from sessiond.i18n import _
from sessiond.i18n.dates import long_date, until_date
from sessiond.law.periods import day_before
from sessiond.tui.format import client_kind, duration, hms, money, short_day
from sessiond.tui.screens.base import SessiondScreen, footer
from sessiond.tui.text import clean, plain
from sessiond.tui.views import ClientView, load_clients
from sessiond.tui.widgets.badges import compliance_badge, state_text
from sessiond.tui.widgets.dialogs import AmountDialog, ClientDialog
from sessiond.tui.widgets.scanned import TextInput

if TYPE_CHECKING:
    from sessiond.model import Client, Event
    from sessiond.tui.widgets.invoicing import Month

NAME_WIDTH = 20


class ClientsScreen(SessiondScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "New client", id="clients.add"),
        Binding("plus,+", "credit", "Prepaid hours", id="clients.credit"),
        Binding("e", "edit", "Edit", id="clients.edit"),
        Binding("f", "invoice", "Invoice a month", id="clients.invoice"),
        # Not in the footer, which 80 columns must hold: the filter field says "/" itself,
        # and escape goes back on every screen.
        Binding("slash", "find", "Find", id="clients.find", show=False),
        Binding("escape", "back", "Today", id="clients.back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.clients: list[ClientView] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            with Vertical(id="clients-box"):
                yield TextInput(placeholder=_("/ find a client"), id="clients-filter",
                                compact=True)
                yield DataTable(id="clients", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="client-detail"):
                yield Static(id="client-info")
                yield Label(_("Sessions"), classes="section")
                yield DataTable(id="history", cursor_type="row")
                yield Label(_("Prepaid credit"), classes="section")
                yield Static(id="credit")
        yield footer()

    def on_mount(self) -> None:
        self.sub_title = _("Clients")
        clients = self.query_one("#clients", DataTable)
        # Narrow (a terminal beside the remote window): the name and the credit left; his
        # sessions are listed beside, for the one highlighted.
        for key, heading in (("name", _("Client")), ("credit", _("Credit"))):
            clients.add_column(plain(heading), key=key)
        history = self.query_one("#history", DataTable)
        for key, heading in (("day", _("Day")), ("session", _("Session")),
                             ("state", _("State")), ("worked", _("Worked")),
                             ("billed", _("Billed")), ("amount", _("Amount")),
                             ("check", _("Terms"))):
            history.add_column(plain(heading), key=key)
        clients.focus()

    async def fetch(self) -> list[ClientView]:
        return await self.load(load_clients, self.sapp.service, self.sapp.now())

    async def show(self, data: list[ClientView]) -> None:
        self.clients = data
        self._fill()

    def _fill(self) -> None:
        table = self.query_one("#clients", DataTable)
        selected = self.selected()
        table.clear()
        query = self.query_one("#clients-filter", Input).value
        for view in self.clients:
            c = view.client
            if not matches(c, query):
                continue
            left = view.credit_left
            name = c.name or _("(erased)")
            if len(name) > NAME_WIDTH:
                name = name[:NAME_WIDTH - 1] + "…"
            table.add_row(plain(name, one_line=True),
                          plain("—" if left is None else duration(left)), key=c.id)
        if selected is not None and selected.client.id in table.rows:
            table.move_cursor(row=table.get_row_index(selected.client.id), animate=False)
        self._detail(self.selected())

    @on(Input.Changed, "#clients-filter")
    def _filtered(self) -> None:
        self._fill()

    @on(Input.Submitted, "#clients-filter")
    def _found(self) -> None:
        self.query_one("#clients", DataTable).focus()

    def action_find(self) -> None:
        self.query_one("#clients-filter", Input).focus()

    def action_back(self) -> None:
        field = self.query_one("#clients-filter", Input)
        if field.has_focus:
            self.query_one("#clients", DataTable).focus()
        else:
            self.app.pop_screen()

    def selected(self) -> ClientView | None:
        table = self.query_one("#clients", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((v for v in self.clients if v.client.id == key), None)

    @on(DataTable.RowHighlighted, "#clients")
    def _highlighted(self) -> None:
        self._detail(self.selected())

    def _detail(self, view: ClientView | None) -> None:
        info = self.query_one("#client-info", Static)
        history = self.query_one("#history", DataTable)
        credit = self.query_one("#credit", Static)
        history.clear()
        if view is None:
            info.update(_("No client yet. Press a to add one."))
            credit.update("")
            return
        info.update(client_text(view))
        now = self.sapp.now()
        for s in reversed(view.sessions):
            bill = s.bill(now)
            history.add_row(plain(short_day(s.session.service_at, self.sapp.tz)), plain(s.id),
                            state_text(s.state), plain(hms(s.worked(now))),
                            plain(hms(bill.billed_seconds) if bill else "—"),
                            plain(money(bill.total) if bill else "—"), compliance_badge(s),
                            key=s.id)
        credit.update(self._credit(view))

    def _credit(self, view: ClientView) -> Text:
        if not view.credit:
            return Text(_("His terms have no prepaid hours."), style="dim")
        text = Text()
        tz = self.sapp.tz
        for st in view.credit:
            text.append(_("{policy} (art. {article}): {left} left",
                          policy=st.policy, article=st.article,
                          left=duration(st.remaining_seconds)) + "\n", style="bold")
            for ps in st.packages:
                p = ps.package
                line = _("bought on {day}: {hours}, {left} left",
                         day=long_date(p.purchased_at.astimezone(tz).date()),
                         hours=duration(p.seconds), left=duration(ps.remaining_seconds))
                if ps.expired:
                    line += " · " + _("expired on {day}",
                                      day=long_date(p.expires_at.astimezone(tz).date()))
                else:  # it expires at 00:00 after its last day: that day is shown
                    line += " · " + _("valid {until}",
                                      until=until_date(day_before(p.expires_at, tz)))
                text.append("  " + line + "\n")
            if not st.packages:
                text.append("  " + _("No package bought yet.") + "\n", style="dim")
        return text

    @on(DataTable.RowSelected, "#history")
    async def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            await self.sapp.open_session(str(event.row_key.value))

    def action_add(self) -> None:
        self.app.push_screen(ClientDialog(self.query_one("#clients-filter", Input).value))

    def action_credit(self) -> None:
        view = self.selected()
        if view is None:
            return
        name = clean(view.client.name or _("(erased)"), one_line=True)
        self.app.push_screen(
            AmountDialog(_("Prepaid hours for {client}", client=name),
                         _("Hours bought (e.g. 3 or 1,5):")),
            lambda hours: self._credit_added(view.client.id, name, hours))

    async def _credit_added(self, client_id: str, name: str, hours: str | None) -> None:
        if hours is None:
            return
        event = await self.command(self.sapp.service.add_credit, client_id, hours=hours,
                                   at=self.sapp.instant())
        if event is None:
            return
        await self.show(await self.fetch())  # the credit as it is now, for the toast
        view = next((v for v in self.clients if v.client.id == client_id), None)
        left = view.credit_left if view is not None else None
        added = duration(int(Decimal(event.body["hours"]) * 3600))
        self.notify(_("{hours} of prepaid credit added for {client}.", hours=added,
                      client=name) + ("" if left is None else " " + _(
                          "Credit left: {left}.", left=duration(left))))

    def action_edit(self) -> None:
        """The selected client's address, SIREN, e-mail and phone (what an invoice states)."""
        from sessiond.tui.invoicing import edited_text
        from sessiond.tui.widgets.invoicing import ClientEditDialog

        view = self.selected()
        if view is None:
            return
        client = view.client
        if client.name is None:
            self.refused(_("Client {client} was erased: he can no longer be invoiced.",
                           client=client.id))
            return

        def saved(event: Event | None) -> None:
            if event is not None:
                self.notify(edited_text(client, event))

        self.app.push_screen(ClientEditDialog(client), saved)

    async def action_invoice(self) -> None:
        """The selected client's month on one invoice: this month, or one picked before."""
        from sessiond.tui.invoicing import months
        from sessiond.tui.widgets.invoicing import MonthDialog

        view = self.selected()
        if view is None:
            return
        client = view.client
        today = self.sapp.now().astimezone(self.sapp.tz).date()
        found = await self.command(months, self.sapp.service, client.id, today)
        if found is None:
            return
        self.app.push_screen(MonthDialog(client, found),
                             lambda month: self._invoice_month(client, month))

    async def _invoice_month(self, client: Client, month: Month | None) -> None:
        from sessiond.exports.invoice import uninvoiced
        from sessiond.tui.invoicing import invoice, period_invoice

        if month is None:
            return
        # Counted again: the log may have changed while the dialog was open.
        found = await self.command(uninvoiced, self.sapp.service, client.id, month.first,
                                   month.last)
        if found is None:
            return
        if not found:
            self.notify(_("Nothing to invoice for {client} in {month}: no finished session "
                          "that is not on an invoice already.",
                          client=clean(client.name or client.id, one_line=True),
                          month=month.name))
            return
        await invoice(self, client.id, period_invoice(client.id, month.first, month.last))


def client_text(view: ClientView) -> Text:
    """Who the client is: name, kind, contacts, address and business number."""
    c = view.client
    text = Text(clean(c.name or _("(erased)"), one_line=True), style="bold")
    text.append(f"  {c.id} · {client_kind(c.status, c.country)}")
    if c.siren:
        kind = _("SIRET") if len(c.siren) == 14 else _("SIREN")
        text.append(f"\n{kind} {c.siren}")
    if c.vat_number:
        text.append("\n" + _("VAT number") + " " + clean(c.vat_number, one_line=True))
    for value in (c.address, c.email, c.phone):
        if value:
            text.append("\n" + clean(value))
    return text
