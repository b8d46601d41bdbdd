"""Today: the day's sessions, the running one on top, and the totals of the day."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header, Static

from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import hms, local_time, money
from sessiond.tui.screens.base import SessiondScreen
from sessiond.tui.widgets.badges import compliance_badge, state_text

if TYPE_CHECKING:
    from sessiond.sessions import Sessiond
    from sessiond.tui.views import SessionView, TodayView

COLUMNS = ("state", "client", "session", "start", "worked", "billed", "amount", "check")


class TodayScreen(SessiondScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_session", "New session", id="today.new-session"),
        Binding("enter", "open", "Open", id="today.open"),
        Binding("c", "app.clients", "Clients", id="today.clients"),
        Binding("t", "app.policies", "Terms", id="today.policies"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="today-empty", classes="hint")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="totals")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        headings = (_("State"), _("Client"), _("Session"), _("Start"), _("Worked"),
                    _("Billed"), _("Amount"), _("Terms"))
        for key, heading in zip(COLUMNS, headings, strict=True):
            table.add_column(heading, key=key)
        table.focus()

    async def fetch(self) -> TodayView:
        return await self.load(today_view, self.sapp.service, self.sapp.now())

    async def show(self, data: TodayView) -> None:
        self.view = data
        self.sub_title = _("Today, {day}", day=data.day.strftime("%d/%m/%Y"))
        table = self.query_one("#sessions", DataTable)
        selected = self._selected_id()
        table.clear()
        now = self.sapp.now()
        for row in data.rows:
            table.add_row(*self._cells(row, now), key=row.id)
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected))
        empty = self.query_one("#today-empty", Static)
        empty.update(_("No session today. Press n to plan one."))
        empty.display = not data.rows
        self._totals(now)

    def _cells(self, row: SessionView, now: datetime) -> tuple[Text | str, ...]:
        started = row.state is not State.PLANNED
        bill = row.bill(now) if started else None
        return (
            state_text(row.state),
            row.client.name or _("(erased)"),
            row.id,
            local_time(row.session.started_at, self.sapp.tz),
            hms(row.worked(now)) if started else "—",
            hms(bill.billed_seconds) if bill else "—",
            money(bill.total) if bill else "—",
            compliance_badge(row),
        )

    def tick(self, now: datetime) -> None:
        if self.view is None or not self.is_mounted:
            return
        if now.astimezone(self.sapp.tz).date() != self.view.day:
            self.view = None  # midnight: load the new day (no tick until it is shown)
            self.reload()
            return
        table = self.query_one("#sessions", DataTable)
        for row in self.view.rows:
            if row.state is State.RUNNING and row.id in table.rows:
                cells = self._cells(row, now)
                for column in ("worked", "billed", "amount"):
                    value = cells[COLUMNS.index(column)]
                    if table.get_cell(row.id, column) != value:
                        table.update_cell(row.id, column, value)
        self._totals(now)

    def _totals(self, now: datetime) -> None:
        assert self.view is not None
        worked = billed = 0
        amount = Decimal(0)
        for row in self.view.rows:
            started = row.session.started_at
            if started is None or started.astimezone(self.sapp.tz).date() != self.view.day:
                continue
            worked += row.worked(now)
            bill = row.bill(now)
            if bill is not None:
                billed += bill.billed_seconds
                amount += bill.total
        self.put("#totals", _("Day total: {worked} worked · {billed} billed · {amount}",
                              worked=hms(worked), billed=hms(billed), amount=money(amount)),
                 layout=False)

    def _selected_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    @on(DataTable.RowSelected, "#sessions")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            await self.sapp.open_session(str(event.row_key.value))

    async def action_open(self) -> None:
        session_id = self._selected_id()
        if session_id is not None:
            await self.sapp.open_session(session_id)


def today_view(svc: Sessiond, now: datetime) -> TodayView:
    # Imported here, on the store thread: billing, compliance and exports are not needed
    # for the first frame, and importing them on the event loop would delay it.
    from sessiond.tui.views import load_today

    return load_today(svc, now)
