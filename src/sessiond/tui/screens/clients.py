"""Clients: the list, each one's history of sessions, and his prepaid credit."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Label, Static

from sessiond.billing.text import duration
from sessiond.i18n import _
from sessiond.tui.format import hms, label, money, short_day
from sessiond.tui.screens.base import SessiondScreen
from sessiond.tui.views import ClientView, load_clients
from sessiond.tui.widgets.badges import compliance_badge, state_text
from sessiond.tui.widgets.dialogs import AmountDialog, ClientDialog


class ClientsScreen(SessiondScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "New client", id="clients.add"),
        Binding("plus,+", "credit", "Prepaid hours", id="clients.credit"),
        Binding("escape", "app.pop_screen", "Today", id="clients.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.clients: list[ClientView] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal():
            yield DataTable(id="clients", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="client-detail"):
                yield Static(id="client-info")
                yield Label(_("Sessions"), classes="section")
                yield DataTable(id="history", cursor_type="row")
                yield Label(_("Prepaid credit"), classes="section")
                yield Static(id="credit")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = _("Clients")
        clients = self.query_one("#clients", DataTable)
        for key, heading in (("name", _("Client")), ("status", _("Status")),
                             ("sessions", _("Sessions")), ("credit", _("Credit left"))):
            clients.add_column(heading, key=key)
        history = self.query_one("#history", DataTable)
        for key, heading in (("day", _("Day")), ("session", _("Session")),
                             ("state", _("State")), ("worked", _("Worked")),
                             ("billed", _("Billed")), ("amount", _("Amount")),
                             ("check", _("Terms"))):
            history.add_column(heading, key=key)
        clients.focus()

    async def fetch(self) -> list[ClientView]:
        return await self.load(load_clients, self.sapp.service, self.sapp.now())

    async def show(self, data: list[ClientView]) -> None:
        self.clients = data
        table = self.query_one("#clients", DataTable)
        selected = self.selected()
        table.clear()
        for view in data:
            c = view.client
            left = view.credit_left
            table.add_row(c.name or _("(erased)"), f"{label(c.status)}, {c.country}",
                          str(len(view.sessions)), "—" if left is None else duration(left),
                          key=c.id)
        if selected is not None and selected.client.id in table.rows:
            table.move_cursor(row=table.get_row_index(selected.client.id))
        self._detail(self.selected())

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
        c = view.client
        text = Text(c.name or _("(erased)"), style="bold")
        text.append(f"  {c.id} · {label(c.status)}, {c.country}")
        for contact in (c.email, c.phone):
            if contact:
                text.append(f"\n{contact}")
        info.update(text)
        now = self.sapp.now()
        for s in reversed(view.sessions):
            bill = s.bill(now)
            history.add_row(short_day(s.session.planned_at, self.sapp.tz), s.id,
                            state_text(s.state), hms(s.worked(now)),
                            hms(bill.billed_seconds) if bill else "—",
                            money(bill.total) if bill else "—", compliance_badge(s),
                            key=s.id)
        credit.update(self._credit(view))

    def _credit(self, view: ClientView) -> Text:
        if not view.credit:
            return Text(_("His terms have no prepaid hours."), style="dim")
        text = Text()
        for st in view.credit:
            text.append(_("{policy} (art. {article}): {left} left",
                          policy=st.policy, article=st.article,
                          left=duration(st.remaining_seconds)) + "\n", style="bold")
            for ps in st.packages:
                p = ps.package
                line = _("bought {day}: {hours}, {left} left",
                         day=short_day(p.purchased_at, self.sapp.tz),
                         hours=duration(p.seconds), left=duration(ps.remaining_seconds))
                if ps.expired:
                    line += " · " + _("expired {day}", day=short_day(p.expires_at,
                                                                      self.sapp.tz))
                else:
                    line += " · " + _("valid until {day}", day=short_day(p.expires_at,
                                                                          self.sapp.tz))
                text.append("  " + line + "\n")
            if not st.packages:
                text.append("  " + _("No package bought yet.") + "\n", style="dim")
        return text

    @on(DataTable.RowSelected, "#history")
    async def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            await self.sapp.open_session(str(event.row_key.value))

    def action_add(self) -> None:
        self.app.push_screen(ClientDialog())

    def action_credit(self) -> None:
        view = self.selected()
        if view is None:
            return
        self.app.push_screen(
            AmountDialog(_("Prepaid hours for {client}", client=view.client.name or ""),
                         _("Hours bought (e.g. 3 or 1,5):")),
            lambda result: self._credit_added(view.client.id, result))

    async def _credit_added(self, client_id: str,
                            result: tuple[str, str | None] | None) -> None:
        if result is None:
            return
        await self.command(self.sapp.service.add_credit, client_id, hours=result[0],
                           at=self.sapp.instant())
