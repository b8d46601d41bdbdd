"""End of session: the bill with its explanation, the compliance findings with their
articles, the outcome of each listed problem, payment, disconnection and the receipt.

Everything the check asks for after the stop is done from here with one key: `d` the
disconnection, `$` the payment (the amount still due and the terms' methods filled in),
`e` the receipt (`i` first fills in the technician's identity it states).
"""

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
from textual.widgets import Header, Label, Select, Static

from sessiond import labels
from sessiond.compliance.check import not_covered_note, summary
from sessiond.config import Config, technician_problems
from sessiond.files import make_dirs
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.model import OUTCOMES, State
from sessiond.tui.format import hms, label, local_time, money
from sessiond.tui.messages import ConfigChanged
from sessiond.tui.screens.base import footer
from sessiond.tui.screens.corrections import CorrectableScreen
from sessiond.tui.text import clean, plain
from sessiond.tui.views import SessionView
from sessiond.tui.widgets.dialogs import (
    ConfirmDialog,
    options,
)
from sessiond.tui.widgets.findings import findings_text
from sessiond.tui.widgets.identity import IdentityDialog


def keys() -> dict[str, str]:
    """What the end screen says to press, for the findings a key of it resolves."""
    return {
        "disconnect-confirmed": _("Disconnect from the client's computer, then press d."),
        "receipt-issued": _("Give the client his receipt: press e."),
    }


class EndScreen(CorrectableScreen):
    AUTO_FOCUS = ""
    STATES: ClassVar[frozenset[State]] = frozenset({State.STOPPED})
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "receipt", "Receipt", id="end.receipt"),
        Binding("f", "invoice", "Invoice it", id="end.invoice"),
        Binding("dollar_sign,$", "payment", "Payment", id="end.payment"),
        Binding("d", "disconnected", "Disconnected", id="end.disconnect"),
        Binding("m", "reduction", "Reduction asked", id="end.reduction"),
        Binding("i", "identity", "Identity", id="end.identity"),
        Binding("r", "report", "Report", id="end.report"),
        # Not in the footer, full at 80 columns (the first finding too would leave the
        # screen for a line of hint): the same key as on the running screen, whose
        # timeline says it, and F1 lists both.
        Binding("c", "correct", "Correct", id="end.correct", show=False),
        Binding("o", "reopen", "Reopen", id="end.reopen", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="end"):
            yield Static(self.summary(), id="summary")
            yield Static(id="times")
            yield Label(_("Statement"), classes="section")
            yield Static(id="bill-lines")
            yield Static(id="explanation")
            yield Static(id="payments")
            yield Label(_("Terms"), classes="section")
            yield Static(id="check-summary")
            yield Static(id="findings")
            if self.view.problems:
                yield Label(_("Outcome of each problem the client listed"),
                            classes="section")
                for number, problem in enumerate(self.view.problems, 1):
                    with Horizontal(classes="outcome"):
                        yield Static(plain(f"{number}. {clean(problem, one_line=True)}"),
                                     classes="problem")
                        yield Select(options(OUTCOMES), prompt=_("outcome…"),
                                     id=f"outcome-{number}")
            yield Static(id="receipt")
            yield Static(id="identity")
        yield footer()

    async def render_view(self, view: SessionView) -> None:
        now = self.sapp.now()
        s = view.session
        self.put("#summary", self.summary())
        paused = sum(p.seconds(now) for p in s.pauses)
        pauses = n_(len(s.pauses), "{n} pause, {duration}", "{n} pauses, {duration}",
                    duration=hms(paused)) if s.pauses else _("no pause")
        times = _("{start} → {end} · worked {worked} · {pauses} · ended by {who}",
                  start=local_time(s.started_at, self.sapp.tz),
                  end=local_time(s.stopped_at, self.sapp.tz), worked=hms(view.worked(now)),
                  pauses=pauses, who=label(s.stopped_by))
        if s.without_consent:
            times += " · " + _("started WITHOUT consent")
        self.put("#times", times)
        self._bill(view, now)
        self._findings(view)
        self._outcomes(view)
        receipt = view.last("receipt-issued")
        self.put("#receipt", _("Receipt issued at {time}.",
                               time=local_time(receipt.at, self.sapp.tz)) if receipt else "")
        self._identity(self.sapp.service.config)
        self.refresh_bindings()

    def on_config_changed(self, message: ConfigChanged) -> None:
        self._identity(self.sapp.service.config)

    def _identity(self, config: Config) -> None:
        problems = technician_problems(config.technician)
        names = {"name": _("name"), "siret": _("SIRET"), "address": _("address")}
        self.put("#identity", Text(_(
            "Your identity is incomplete for the receipt ({fields}): press i to fill it in.",
            fields=", ".join(names.get(p.field, p.field) for p in problems)), style="yellow")
            if problems else "")

    def _bill(self, view: SessionView, now: datetime) -> None:
        bill = view.bill(now)
        if bill is None:
            self.put("#bill-lines", "")
            self.put("#explanation", plain(view.bill_problem(now) or "", style="red"))
            self.put("#payments", "")
            return
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(_("Line"), ratio=1)
        table.add_column(_("Art."))
        table.add_column(_("Amount"), justify="right", no_wrap=True)
        for line in bill.lines:
            table.add_row(plain(line.label), plain(line.article or ""),
                          plain(money(line.amount)))
        table.add_section()
        table.add_row(Text(_("Total"), style="bold"), "", Text(money(bill.total),
                                                                 style="bold"))
        self.put("#bill-lines", table)
        text = Text()
        text.append(_("Billed {billed} for {worked} worked.",
                      billed=hms(bill.billed_seconds), worked=hms(bill.worked_seconds)) + " ")
        text.append(bill.explanation)
        text.append("\n" + bill.vat_mention, style="dim")
        for warning in bill.warnings:
            text.append("\n⚠ " + warning, style="yellow")
        self.put("#explanation", text)
        self.put("#payments", self._payments(view, bill.total))

    def _payments(self, view: SessionView, total: Decimal) -> Text:
        payments, refunds = view.facts("payment-recorded"), view.facts("refund-recorded")
        text = Text()
        if payments:
            text.append(_("Paid: {payments}", payments=", ".join(
                f"{money(Decimal(e.body['amount']))} ({label(e.body['method'])})"
                for e in payments)), style="green")
        if refunds:
            text.append(("\n" if text else "") + _("Refunded: {refunds}", refunds=", ".join(
                f"{money(Decimal(e.body['amount']))} ({label(e.body['method'])})"
                for e in refunds)))
        due = max(Decimal(0), total - view.paid())
        if due:
            text.append(("\n" if text else "") + _("Still due: {amount} ($ to record the "
                                                   "payment)", amount=money(due)),
                        style="bold")
        return text

    def _findings(self, view: SessionView) -> None:
        compliance = view.compliance
        self.put("#findings", "")
        if compliance is None or not compliance.checked:
            self.put("#check-summary", plain(_("The terms could not be checked: {problem}",
                                               problem=view.policy_error or "—"),
                                             style="red"))
            return
        if not compliance.findings:
            # The check's own words: never "nothing to report" where its terms leave a
            # point unchecked (not_covered), which the screen then names.
            said = summary(compliance) or ""
            text = Text("✔ " + said[:1].upper() + said[1:] + ".", style="green")
            if (note := not_covered_note(compliance)) is not None:
                text.append("\n" + note, style="dim")
            self.put("#check-summary", text)
            return
        errors, warnings = compliance.errors, compliance.warnings
        self.put("#check-summary", _("{errors}, {warnings}:",
                                     errors=n_(errors, "{n} error", "{n} errors"),
                                     warnings=n_(warnings, "{n} warning", "{n} warnings")))
        self.put("#findings", findings_text(compliance.findings, keys()))

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
        if action == "disconnected":
            stop = self.view.last("session-stopped")
            done = self.view.last("disconnect-confirmed")
            return done is None or stop is None or done.seq < stop.seq
        return True

    async def action_reduction(self) -> None:
        await self.command(self.sapp.service.request_reduction, self.session_id,
                           at=self.sapp.instant())

    def action_identity(self) -> None:
        def saved(config: Config | None) -> None:
            if config is not None:
                self.sapp.config_written()
                self.notify(_("Your identity is saved in {path}.",
                              path=self.sapp.service.paths.config_file))

        self.app.push_screen(IdentityDialog(self.sapp.service.config.technician), saved)

    async def action_receipt(self) -> None:
        """The client's receipt, into the documents folder. A receipt is numbered only for
        a complete identity (the form opens instead), and the technician confirms first
        when the session has compliance errors: the receipt does not show them."""
        from sessiond.exports.receipt import compliance_errors

        if technician_problems(self.sapp.service.config.technician):
            self.notify(_("A receipt is numbered only once your identity is complete: fill "
                          "it in, then press e again."), severity="warning", timeout=10)
            self.action_identity()
            return
        errors = await self.command(compliance_errors, self.sapp.service, self.session_id,
                                    self.sapp.now())
        if errors is None:
            return
        if not errors:
            await self._issue_receipt()
            return

        async def answered(answer: str | None) -> None:
            if answer == "issue":
                await self._issue_receipt()
            elif answer == "report":
                await self.action_report()

        rules = ", ".join(dict.fromkeys(labels.rule(f.rule) for f in errors))
        self.app.push_screen(ConfirmDialog(
            _("The session has compliance errors"),
            n_(len(errors), "{n} error against the terms ({rules}). The receipt states the "
               "facts only and does not show it; your report (r) lists it. Issue the receipt?",
               "{n} errors against the terms ({rules}). The receipt states the facts only "
               "and does not show them; your report (r) lists them. Issue the receipt?",
               rules=rules),
            [("issue", _("Issue the receipt")), ("report", _("My report first"))]),
            answered)

    async def _issue_receipt(self) -> None:
        from sessiond.exports import issue_receipt

        folder = self.sapp.receipts_dir
        if await self.command(make_dirs, folder) is None:  # refused: said, nothing issued
            return
        self.notify(_("Issuing the receipt…"), timeout=3)
        result = await self.command(issue_receipt, self.sapp.service, self.session_id,
                                    folder, now=self.sapp.now())
        if result is None:
            return
        self.notify(_("Receipt no. {number}: {total}, in {folder} (PDF and text).",
                      number=result.number, total=money(result.total),
                      folder=result.pdf.parent), timeout=15)
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=15)

    async def action_report(self) -> None:
        """The technician's compliance report (PDF) of this session, into the documents
        folder."""
        from sessiond.exports.report import write_report

        folder = self.sapp.receipts_dir
        if await self.command(make_dirs, folder) is None:  # refused: said, nothing written
            return
        written = await self.command(write_report, self.sapp.service, self.session_id,
                                     folder, now=self.sapp.now())
        if written is not None:
            self.notify(_("Compliance report: {path}", path=written.path), timeout=15)

    async def action_invoice(self) -> None:
        """The session's invoice (PDF, Factur-X for a business), into the documents folder.
        A missing identity, address or SIREN opens its form, and the invoice follows."""
        from sessiond.tui.invoicing import invoice, session_invoice

        await invoice(self, self.view.client.id, session_invoice(self.session_id))
