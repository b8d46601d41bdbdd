"""End of session: the bill with its explanation, the compliance findings with their
articles, the outcome of each listed problem, payment, and the receipt."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from rich import box
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Label, Select, Static

from sessiond.i18n import _
from sessiond.model import OUTCOMES, PAYMENT_METHODS, State
from sessiond.tui.format import hms, label, local_time, money
from sessiond.tui.screens.session import SessionScreen
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.dialogs import AmountDialog, options


class EndScreen(SessionScreen):
    AUTO_FOCUS = ""
    STATES: ClassVar[frozenset[State]] = frozenset({State.STOPPED})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "receipt", "Receipt", id="end.receipt"),
        Binding("dollar_sign,$", "payment", "Payment", id="end.payment"),
        Binding("m", "reduction", "Reduction asked", id="end.reduction"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="end"):
            yield Static(self.summary(), id="summary")
            yield Static(id="times")
            yield Label(_("Bill"), classes="section")
            yield Static(id="bill-lines")
            yield Static(id="explanation")
            yield Label(_("Terms"), classes="section")
            yield Static(id="check-summary")
            yield Static(id="findings")
            if self.view.problems:
                yield Label(_("Outcome of each problem the client listed"),
                            classes="section")
                for number, problem in enumerate(self.view.problems, 1):
                    with Horizontal(classes="outcome"):
                        yield Static(f"{number}. {problem}", classes="problem")
                        yield Select(options(OUTCOMES), prompt=_("outcome…"),
                                     id=f"outcome-{number}")
            yield Static(id="payments")
            yield Static(id="receipt")
        yield Footer()


    async def render_view(self, view: SessionView) -> None:
        now = self.sapp.now()
        s = view.session
        self.query_one("#summary", Static).update(self.summary())
        paused = sum(p.seconds(now) for p in s.pauses)
        times = _("{start} → {end} · worked {worked} · {count} pause(s), {paused} · "
                  "ended by {who}", start=local_time(s.started_at, self.sapp.tz),
                  end=local_time(s.stopped_at, self.sapp.tz), worked=hms(view.worked(now)),
                  count=len(s.pauses), paused=hms(paused), who=label(s.stopped_by))
        if s.without_consent:
            times += " · " + _("started WITHOUT consent")
        self.query_one("#times", Static).update(times)
        self._bill(view, now)
        self._findings(view)
        self._outcomes(view)
        payments = view.facts("payment-recorded")
        self.query_one("#payments", Static).update(
            _("Paid: {payments}", payments=", ".join(
                f"{money(Decimal(e.body['amount']))} ({label(e.body['method'])})"
                for e in payments)) if payments else "")
        receipt = view.last("receipt-issued")
        self.query_one("#receipt", Static).update(
            _("Receipt issued at {time}.", time=local_time(receipt.at, self.sapp.tz))
            if receipt else "")
        self.refresh_bindings()

    def _bill(self, view: SessionView, now: datetime) -> None:
        explanation = self.query_one("#explanation", Static)
        lines = self.query_one("#bill-lines", Static)
        bill = view.bill(now)
        if bill is None:
            lines.update("")
            explanation.update(Text(view.bill_problem(now) or "", style="red"))
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("Line"))
        table.add_column(_("Art."))
        table.add_column(_("Amount"), justify="right")
        for line in bill.lines:
            table.add_row(line.label, line.article or "", money(line.amount))
        table.add_section()
        table.add_row(Text(_("Total"), style="bold"), "", Text(money(bill.total),
                                                                 style="bold"))
        lines.update(table)
        text = Text()
        text.append(_("Billed {billed} for {worked} worked.",
                      billed=hms(bill.billed_seconds), worked=hms(bill.worked_seconds)) + " ")
        text.append(bill.explanation)
        text.append("\n" + bill.vat_mention, style="dim")
        for warning in bill.warnings:
            text.append("\n⚠ " + warning, style="yellow")
        explanation.update(text)

    def _findings(self, view: SessionView) -> None:
        table_view = self.query_one("#findings", Static)
        summary = self.query_one("#check-summary", Static)
        compliance = view.compliance
        table_view.update("")
        if compliance is None or not compliance.checked:
            summary.update(Text(_("The terms could not be checked: {problem}",
                                  problem=view.policy_error or "—"), style="red"))
            return
        if not compliance.findings:
            summary.update(Text(_("✔ Nothing to report against the terms."), style="green"))
            return
        summary.update(_("{errors} error(s), {warnings} warning(s):",
                         errors=compliance.errors, warnings=compliance.warnings))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("", no_wrap=True)
        table.add_column(_("Rule"), no_wrap=True)
        table.add_column(_("Art."), no_wrap=True)
        table.add_column(_("Finding"), ratio=1)
        for finding in compliance.findings:
            severity = Text(label(finding.severity), style="bold red"
                            if finding.severity == "error" else "yellow")
            table.add_row(severity, finding.rule, finding.article, finding.message)
        table_view.update(table)

    def _outcomes(self, view: SessionView) -> None:
        recorded = {e.body["problem"]: e.body["result"]
                    for e in view.facts("outcome-recorded")}
        for number in range(1, len(view.problems) + 1):
            select = self.query_one(f"#outcome-{number}", Select)
            value = recorded.get(number)
            if value is not None and select.value != value:
                with select.prevent(Select.Changed):
                    select.value = value

    @on(Select.Changed, ".outcome Select")
    async def _outcome(self, event: Select.Changed) -> None:
        if event.value == Select.NULL:
            return
        number = int((event.select.id or "").removeprefix("outcome-"))
        recorded = [e.body["result"] for e in self.view.facts("outcome-recorded")
                    if e.body["problem"] == number]
        if recorded and recorded[-1] == event.value:
            return
        await self.command(self.sapp.service.record_outcome, self.session_id,
                           problem=number, result=str(event.value), at=self.sapp.instant())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reduction":
            policy = self.view.policy
            has = policy is not None and policy.guarantee is not None and \
                policy.guarantee.partial_results is not None
            if not has:
                return False  # the terms have no such reduction: not even shown
            return not self.view.facts("reduction-requested") or None
        return True

    async def action_reduction(self) -> None:
        await self.command(self.sapp.service.request_reduction, self.session_id,
                           at=self.sapp.instant())

    def action_payment(self) -> None:
        self.app.push_screen(
            AmountDialog(_("Payment received"), _("Amount in euros:"),
                         PAYMENT_METHODS),
            self._payment)

    async def _payment(self, result: tuple[str, str | None] | None) -> None:
        if result is not None:
            amount, method = result
            assert method is not None  # the dialog was given the methods to choose from
            await self.command(self.sapp.service.record_payment, self.session_id,
                               amount=amount, method=method, at=self.sapp.instant())

    async def action_receipt(self) -> None:
        from sessiond.exports import issue_receipt

        self.notify(_("Issuing the receipt…"), timeout=3)
        result = await self.command(issue_receipt, self.sapp.service, self.session_id,
                                    self.sapp.receipts_dir, now=self.sapp.now())
        if result is None:
            return
        self.notify(_("Receipt no. {number}: {total}\n{path}", number=result.number,
                      total=money(result.total), path=result.pdf), timeout=15)
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=15)
