"""Today: the day's sessions, the running one on top, and the totals of the day.

At 80 columns (a terminal beside the remote window) the table keeps what the technician
reads during the day: state, client, start, worked, billed, amount and the terms' badge
with its counts; the session id, which the CLI needs, joins them from 100 columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Self

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.widgets import DataTable, Header, Static

from sessiond.clock import whole_second
from sessiond.i18n import _
from sessiond.model import State
from sessiond.tui.format import day_and_time, hm, money
from sessiond.tui.screens.base import SessiondScreen, footer
from sessiond.tui.text import plain
from sessiond.tui.widgets.badges import compliance_badge, state_mark, state_text

if TYPE_CHECKING:
    from sessiond.sessions import Sessiond
    from sessiond.tui.views import SessionView, TodayView

COLUMNS = ("state", "client", "session", "start", "worked", "billed", "amount", "check")
NARROW = ("state", "client", "start", "worked", "billed", "amount", "check")
WIDE_FROM = 100  # columns from which the session id has room
CLIENT_WIDTH = 18  # a long name is cut at 80 columns ("Société Dupont et F…")


class SessionsTable(DataTable[Text]):
    """The day's table. When the running row's time or amount changes, only that row is
    repainted (`DataTable.update_cell` repaints the whole table, every row rendered
    again)."""

    _row_only: int | None = None

    def update_row_cells(self, row_key: str, values: Mapping[str, Text]) -> None:
        self._row_only = self.get_row_index(row_key)
        try:
            for column, value in values.items():
                self.update_cell(row_key, column, value)
        finally:
            self._row_only = None

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        if self._row_only is not None and not (regions or layout or recompose):
            return self.refresh_row(self._row_only)  # update_cell's own refresh()
        return super().refresh(*regions, repaint=repaint, layout=layout,
                               recompose=recompose)


class TodayScreen(SessiondScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_session", "New session", id="today.new-session"),
        Binding("enter", "open", "Open", id="today.open"),
        Binding("c", "app.clients", "Clients", id="today.clients"),
        Binding("t", "app.policies", "Terms", id="today.policies"),
        # Shown on a planned session's row only (check_action): one planned by mistake.
        Binding("x", "cancel_session", "Cancel it", id="today.cancel"),
        Binding("ctrl+q", "app.quit", "Quit", id="today.quit", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: TodayView | None = None
        self.columns: tuple[str, ...] = ()
        self.running: set[str] = set()  # the running sessions as last shown
        self.due: datetime | None = None  # when a figure shown changes next (None: never)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static(id="today-empty", classes="hint")
        yield SessionsTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="totals")
        yield footer()

    def on_mount(self) -> None:
        self._columns()
        self.query_one("#sessions", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if self._wanted() != self.columns:
            self._columns()
            if self.view is not None:
                self._fill(self.view, keep=self._selected_id())

    def _wanted(self) -> tuple[str, ...]:
        return COLUMNS if self.size.width >= WIDE_FROM else NARROW

    def _columns(self) -> None:
        table = self.query_one("#sessions", DataTable)
        self.columns = self._wanted()
        wide = self.columns == COLUMNS
        headings = {"state": _("State") if wide else "", "client": _("Client"),
                    "session": _("Session"), "start": _("Start"), "worked": _("Worked"),
                    "billed": _("Billed"), "amount": _("Amount"), "check": _("Terms")}
        table.clear(columns=True)
        for key in self.columns:
            table.add_column(plain(headings[key]), key=key)

    async def fetch(self) -> TodayView:
        return await self.load(today_view, self.sapp.service, self.sapp.now())

    async def show(self, data: TodayView) -> None:
        self.view = data
        self.sub_title = _("Today, {day}", day=data.day.strftime("%d/%m/%Y"))
        selected = self._selected_id()
        table = self.query_one("#sessions", DataTable)
        running = {r.id for r in data.rows if r.state is State.RUNNING}
        started = running - self.running
        first = table.row_count == 0 or table.cursor_row == 0
        self.running = running
        # Where the cursor goes: on a session that has just started running (it is on
        # top, and it is the one the technician opens next), else on the row it was on
        # top (the top is the running one), else on the same session as before.
        keep: str | None
        if started:
            keep = next(r.id for r in data.rows if r.id in started)
        elif first and data.rows:
            keep = data.rows[0].id
        else:
            keep = selected
        self._fill(data, keep=keep)
        empty = self.query_one("#today-empty", Static)
        empty.update(plain(_("No session today. Press n to plan one.")))
        empty.display = not data.rows
        self._totals(self.sapp.now())
        self.refresh_bindings()

    def _fill(self, data: TodayView, *, keep: str | None) -> None:
        table = self.query_one("#sessions", DataTable)
        table.clear()
        now = self.sapp.now()
        for row in data.rows:
            table.add_row(*self._cells(row, now), key=row.id)
        if keep is not None and keep in table.rows:
            table.move_cursor(row=table.get_row_index(keep), animate=False)

    def _cells(self, row: SessionView, now: datetime) -> tuple[Text, ...]:
        assert self.view is not None
        started = row.state is not State.PLANNED
        bill = row.bill(now) if started else None
        name = row.client.name or _("(erased)")
        wide = self.columns == COLUMNS
        if not wide and len(name) > CLIENT_WIDTH:
            name = name[:CLIENT_WIDTH - 1] + "…"
        start = row.session.started_at
        cells = {
            "state": state_text(row.state) if wide else state_mark(row.state),
            "client": plain(name, one_line=True),
            "session": plain(row.id),
            "start": plain(day_and_time(start, self.sapp.tz, self.view.day)
                           if start else "—"),
            "worked": plain(hm(row.worked(now)) if started else "—"),
            "billed": plain(hm(bill.billed_seconds) if bill else "—"),
            "amount": plain(money(bill.total) if bill else "—"),
            "check": compliance_badge(row),
        }
        return tuple(cells[key] for key in self.columns)

    def tick(self, now: datetime) -> None:
        """Times on Today are to the minute: a line repainted each second costs, by itself,
        about three times an idle Textual app (bench/bench_tui.py), and this screen is the
        overview left open for hours; the running session's screen has the seconds. The
        cells are worked out again when one of them is due to change (a new minute, a
        tranche that starts), and repainted only if their text did."""
        if self.view is None or not self.is_mounted:
            return
        if now.astimezone(self.sapp.tz).date() != self.view.day:
            self.view = None  # midnight: load the new day (no tick until it is shown)
            self.reload()
            return
        if self.due is None or timedelta(0) < self.due - now <= timedelta(minutes=1):
            return  # nothing runs, or its next change is to come (not a clock set back)
        table = self.query_one("#sessions", SessionsTable)
        for row in self.view.rows:
            if row.state is State.RUNNING and row.id in table.rows:
                cells = dict(zip(self.columns, self._cells(row, now), strict=True))
                changed = {column: cells[column] for column in ("worked", "billed", "amount")
                           if table.get_cell(row.id, column) != cells[column]}
                if changed:
                    table.update_row_cells(row.id, changed)
        self._totals(now)

    def _totals(self, now: datetime) -> None:
        """The listed sessions' totals: a session still open from yesterday is today's
        work too, and is counted (its start shows its day). Also when a figure shown
        changes next (`due`): the minute of a running session or of the day's total, or a
        tranche that starts; None when nothing runs."""
        assert self.view is not None
        worked = billed = running = 0
        amount = Decimal(0)
        base = whole_second(now)  # worked seconds are whole: so are the instants they change
        due: list[datetime] = []
        for row in self.view.rows:
            if row.session.started_at is None:
                continue
            seconds = row.worked(now)
            worked += seconds
            bill = row.bill(now)
            if bill is not None:
                billed += bill.billed_seconds
                amount += bill.total
            if row.state is State.RUNNING:
                running += 1
                due.append(base + timedelta(seconds=60 - seconds % 60))
                if bill is not None and bill.next_tranche is not None and bill.next_tranche.at:
                    due.append(bill.next_tranche.at)
        self.put("#totals", _("Day total: {worked} worked · {billed} billed · {amount}",
                              worked=hm(worked), billed=hm(billed), amount=money(amount)),
                 layout=False)
        if running:  # the total grows by `running` seconds a second
            due.append(base + timedelta(seconds=-(-(60 - worked % 60) // running)))
        self.due = min(due, default=None)

    def _selected_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def _selected_row(self) -> SessionView | None:
        session_id = self._selected_id()
        if self.view is None or session_id is None:
            return None
        return next((r for r in self.view.rows if r.id == session_id), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_session":
            row = self._selected_row()
            return row is not None and row.state is State.PLANNED
        return True

    @on(DataTable.RowHighlighted, "#sessions")
    def _highlighted(self) -> None:
        self.refresh_bindings()  # x shows on a planned session only

    def action_cancel_session(self) -> None:
        from sessiond.tui.widgets.corrections import ask_cancel

        row = self._selected_row()
        if row is not None and row.state is State.PLANNED:
            ask_cancel(self, row.id)

    @on(DataTable.RowSelected, "#sessions")
    async def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        # The row under the cursor now, not the one the event was made for: a reload
        # between the key and this handler may have moved the rows.
        session_id = self._selected_id()
        if session_id is not None:
            await self.sapp.open_session(session_id)

    async def action_open(self) -> None:
        session_id = self._selected_id()
        if session_id is not None:
            await self.sapp.open_session(session_id)


def today_view(svc: Sessiond, now: datetime) -> TodayView:
    # Imported here, on the store thread: billing, compliance and exports are not needed
    # for the first frame, and importing them on the event loop would delay it.
    from sessiond.tui.views import load_today

    return load_today(svc, now)
