"""One export row per session, each session on the one local day it started.

A session belongs to the day its (corrected) start falls on: a session from 23:30 to
00:30 is in the first day's export only, so the 19:30 export of the next day cannot bill
it again. Cancelled sessions and sessions that never started are left out, except a
never-started session that carries a fee (a no-show, a late cancellation): that fee is
takings, on the day it was recorded.

Every number a row prints is rounded once, here (minutes and hundredths of an hour half
up, money already at the cent by the bill); totals add up those printed values, never
the raw seconds, so that a spreadsheet re-adding the column finds the same total.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.billing import Bill
from sessiond.billing.text import duration
from sessiond.exports import fmt
from sessiond.exports.sources import Compliance, CreditNote, Ledger
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.model import MONEY_KINDS, Session, State, signed_amount

ZERO = Decimal(0)
REDUCTIONS = ("discount", "guarantee", "warranty")  # warranty: a free re-intervention
STATUSES = ("finished", "running", "paused", "fee-only")


@dataclass(frozen=True)
class Payment:
    """Money that changed hands: received, or given back (a refund, `amount` < 0)."""
    amount: Decimal
    method: str
    at: datetime
    seq: int


@dataclass(frozen=True)
class Row:
    session: Session
    # the client the session counts for: the one a duplicate was merged into, as on its
    # invoice (the session's own events keep the id it was planned or moved under)
    client: str
    client_name: str | None  # None once the client was erased
    day: date  # local day of the start (of the fee, for a never-started session)
    status: str  # one of STATUSES
    bill: Bill | None
    bill_problem: str | None  # why the session could not be priced
    compliance: Compliance
    receipts: tuple[str, ...]  # receipt numbers, in the order they were issued
    payments: tuple[Payment, ...]
    # printed values, rounded once
    worked_minutes: int
    worked_hours: Decimal
    billed_minutes: int
    billed_hours: Decimal
    discounts: Decimal
    amount: Decimal
    credit_hours: Decimal
    paid: Decimal
    invoice: str | None = None  # the number of its current invoice
    # the credit notes that cancelled an invoice of it (the accountant booked that one)
    credit_notes: tuple[CreditNote, ...] = ()

    @property
    def start(self) -> datetime | None:
        return self.session.started_at

    @property
    def end(self) -> datetime | None:
        return self.session.stopped_at

    @property
    def rate(self) -> Decimal | None:
        """The hourly rate that priced the session: none for a session billed at a price of
        its own (a package), which the amount holds."""
        if self.bill is None or any(line.kind == "price" for line in self.bill.lines):
            return None
        return self.bill.rate_per_hour

    def tranche_model(self) -> str:
        if self.bill is None:
            return ""
        first, step = self.bill.first_block_seconds, self.bill.increment_seconds
        if first == step:
            return _("tranches of {increment}", increment=duration(step))
        return _("{first} then tranches of {increment}", first=duration(first),
                 increment=duration(step))

    def status_text(self) -> str:
        return {"finished": _("finished"), "running": _("in progress (amount so far)"),
                "paused": _("paused (amount so far)"),
                "fee-only": _("fee only (not started)")}[self.status]

    def compliance_text(self) -> str:
        c = self.compliance
        if c.status == "unchecked":
            return _("not checked")
        if c.status == "ok":
            # What check says of it (compliance.check.summary): never "compliant" when its
            # terms leave points unchecked, nor for work that never started or is another
            # session's.
            from sessiond.compliance.check import summary

            return summary(c) or _("compliant")
        parts = []
        if c.errors:
            parts.append(n_(c.errors, "{n} error", "{n} errors"))
        if c.warnings:
            parts.append(n_(c.warnings, "{n} warning", "{n} warnings"))
        return ", ".join(parts)

    def remarks(self) -> str:
        notes = [self.bill_problem] if self.bill_problem else []
        if self.bill is not None:
            notes.extend(self.bill.warnings)
        notes.extend(_("Invoice {invoice} cancelled by credit note {number} of {day}.",
                       invoice=c.cancels, number=c.number, day=fmt.day(c.issued))
                     for c in self.credit_notes)
        return " ".join(notes)


@dataclass(frozen=True)
class Totals:
    sessions: int
    worked_minutes: int
    worked_hours: Decimal
    billed_minutes: int
    billed_hours: Decimal
    discounts: Decimal
    amount: Decimal
    credit_hours: Decimal
    paid: Decimal


def session_day(session: Session, tz: ZoneInfo) -> date | None:
    """The local day a session belongs to; None when it belongs to no export (cancelled,
    or never started and no fee)."""
    if session.state is State.CANCELLED or any(
            e.kind == "session-cancelled" for e in session.events):
        return None
    if session.started_at is None and not any(e.kind == "fee-added" for e in session.events):
        return None
    return session.service_at.astimezone(tz).date()


def _status(session: Session) -> str:
    return {State.STOPPED: "finished", State.RUNNING: "running",
            State.PAUSED: "paused"}.get(session.state, "fee-only")


def build_row(ledger: Ledger, session: Session, day: date,
              receipts: Mapping[str, Sequence[str]]) -> Row:
    bill, problem = ledger.try_bill(session)
    client_id = ledger.canonical(session.client_id)
    client = ledger.clients.get(client_id)
    worked = bill.worked_seconds if bill else 0
    billed = bill.billed_seconds if bill else 0
    credit = bill.credit.covered_seconds if bill and bill.credit else 0
    payments = tuple(Payment(signed_amount(e), e.body["method"], e.at, e.seq)
                     for e in session.events if e.kind in MONEY_KINDS)
    return Row(
        session=session, client=client_id, client_name=client.name if client else None,
        day=day,
        status=_status(session), bill=bill, bill_problem=problem,
        compliance=ledger.compliance(session),
        receipts=tuple(receipts.get(session.id, ())), payments=payments,
        worked_minutes=fmt.minutes(worked), worked_hours=fmt.hours(worked),
        billed_minutes=fmt.minutes(billed), billed_hours=fmt.hours(billed),
        discounts=sum((line.amount for line in bill.lines if line.kind in REDUCTIONS), ZERO)
        if bill else ZERO,
        amount=bill.total if bill else ZERO,
        credit_hours=fmt.hours(credit),
        paid=sum((p.amount for p in payments), ZERO),
        invoice=ledger.invoice_number(session.id),
        credit_notes=ledger.credit_notes(session.id),
    )


def build_rows(ledger: Ledger, session_ids: Sequence[str], tz: ZoneInfo, first: date,
               last: date, receipts: Mapping[str, Sequence[str]]) -> list[Row]:
    """Rows of the sessions that belong to a day of `first`..`last`, in start order."""
    placed = []
    for sid in session_ids:
        session = ledger.session(sid)
        day = session_day(session, tz)
        if day is not None and first <= day <= last:
            placed.append((session, day))
    placed.sort(key=lambda p: (p[0].service_at, p[0].planned_at, p[0].id))
    return [build_row(ledger, s, day, receipts) for s, day in placed]


def totals(rows: Sequence[Row]) -> Totals:
    return Totals(
        sessions=len(rows),
        worked_minutes=sum(r.worked_minutes for r in rows),
        worked_hours=sum((r.worked_hours for r in rows), ZERO),
        billed_minutes=sum(r.billed_minutes for r in rows),
        billed_hours=sum((r.billed_hours for r in rows), ZERO),
        discounts=sum((r.discounts for r in rows), ZERO),
        amount=sum((r.amount for r in rows), ZERO),
        credit_hours=sum((r.credit_hours for r in rows), ZERO),
        paid=sum((r.paid for r in rows), ZERO),
    )


def _money(value: Decimal) -> str:
    """An amount in euros as every amount of the export writes it, to the cent: a sum that
    started from nothing (no payment, no reduction) is "0.00", as the CSV and the bill
    write it, not "0"."""
    return f"{value.quantize(fmt.CENT):f}"


def row_json(row: Row, tz: ZoneInfo) -> dict[str, Any]:
    """A row for the JSON export: the CSV's fields with ids, instants with offset, amounts
    as decimal strings, and the details (pauses, bill, findings)."""

    def iso(instant: datetime | None) -> str | None:
        return clock.local_iso(instant, tz) if instant else None

    s = row.session
    c = row.compliance
    return {
        "session": s.id,
        "client": row.client,
        "client_name": row.client_name,
        "date": row.day.isoformat(),
        "status": row.status,
        "state": s.state.value,
        "policy": s.policy,
        "mode": s.mode,
        "tool": s.tool,
        "start": iso(s.started_at),
        "end": iso(s.stopped_at),
        "pauses": [{"start": iso(p.start), "end": iso(p.end)} for p in s.pauses],
        "worked_seconds": row.bill.worked_seconds if row.bill else None,
        "worked_minutes": row.worked_minutes,
        "worked_hours": str(row.worked_hours),
        "billed_seconds": row.bill.billed_seconds if row.bill else None,
        "billed_minutes": row.billed_minutes,
        "billed_hours": str(row.billed_hours),
        "tranche_model": {"first_block_seconds": row.bill.first_block_seconds,
                          "increment_seconds": row.bill.increment_seconds}
        if row.bill else None,
        "rate_per_hour": str(row.rate) if row.rate is not None else None,
        "discounts": _money(row.discounts),
        "amount": _money(row.amount),
        "credit_used_hours": str(row.credit_hours),
        "receipts": list(row.receipts),
        "invoice": row.invoice,
        # each credit note that cancelled an invoice of the session (its total is the
        # whole credit note's, of every session of that invoice)
        "credit_notes": [{"number": c.number, "cancels": c.cancels,
                          "issued": c.issued.isoformat(), "total": _money(c.total)}
                         for c in row.credit_notes],
        "paid": _money(row.paid),
        "payments": [{"amount": str(p.amount), "method": p.method, "at": iso(p.at)}
                     for p in row.payments],
        "compliance": {
            "status": c.status, "errors": c.errors, "warnings": c.warnings,
            # a check run for this export (not recorded) has no instant of its own: the
            # file must be the same when the log is (exports are reused then)
            "checked_at": iso(c.at) if c.seq is not None else None, "check_event": c.seq,
            "policy_digest": c.policy_digest,
            # the rules its terms leave unchecked for it (as check --json gives them)
            "not_covered": list(c.not_covered),
            "findings": [{"rule": f.rule, "severity": f.severity, "article": f.article,
                          "message": f.message, "events": list(f.events)}
                         for f in c.findings],
        },
        "bill": _bill_json(row, tz),
        "explanation": row.bill.explanation if row.bill else None,
        "bill_problem": row.bill_problem,
    }


def _bill_json(row: Row, tz: ZoneInfo) -> dict[str, Any] | None:
    if row.bill is None:
        return None
    data = row.bill.to_json(tz)
    if row.status in ("finished", "fee-only"):
        data.pop("computed_at", None)  # the bill of a finished session is the same any time
    return data


def totals_json(t: Totals) -> dict[str, Any]:
    return {
        "sessions": t.sessions, "worked_minutes": t.worked_minutes,
        "worked_hours": str(t.worked_hours), "billed_minutes": t.billed_minutes,
        "billed_hours": str(t.billed_hours), "discounts": _money(t.discounts),
        "amount": _money(t.amount), "credit_used_hours": str(t.credit_hours),
        "paid": _money(t.paid),
    }
