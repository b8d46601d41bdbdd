"""One export row per session, and the total row that is the sum of the printed rows.

Every number a row prints is rounded once, here (minutes and hundredths of an hour half
up, money already at the cent by the bill); the total row adds up those printed values,
never the raw seconds, so that a spreadsheet re-adding the column finds the same total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.billing import Bill
from sessiond.billing.text import duration
from sessiond.exports import fmt
from sessiond.exports.sources import Compliance, Ledger
from sessiond.i18n import _
from sessiond.model import Session, State

ZERO = Decimal(0)
REDUCTIONS = ("discount", "guarantee")


@dataclass(frozen=True)
class Row:
    session: Session
    client_name: str | None  # None once the client was erased
    day: date  # local day of the start (of the planning when never started)
    bill: Bill | None
    bill_problem: str | None  # why the session could not be priced
    compliance: Compliance
    # printed values, rounded once
    worked_minutes: int
    worked_hours: Decimal
    billed_minutes: int
    billed_hours: Decimal
    discounts: Decimal
    amount: Decimal
    credit_hours: Decimal

    @property
    def start(self) -> datetime | None:
        return self.session.started_at

    @property
    def end(self) -> datetime | None:
        return self.session.stopped_at

    @property
    def rate(self) -> Decimal | None:
        return self.bill.rate_per_hour if self.bill else None

    def tranche_model(self) -> str:
        if self.bill is None:
            return ""
        first, step = self.bill.first_block_seconds, self.bill.increment_seconds
        if first == step:
            return _("tranches of {increment}", increment=duration(step))
        return _("{first} then tranches of {increment}", first=duration(first),
                 increment=duration(step))

    def compliance_text(self) -> str:
        c = self.compliance
        if c.status == "unchecked":
            return _("not checked")
        if c.status == "ok":
            return _("compliant")
        parts = []
        if c.errors:
            parts.append(_("{count} error(s)", count=c.errors))
        if c.warnings:
            parts.append(_("{count} warning(s)", count=c.warnings))
        return ", ".join(parts)

    def remarks(self) -> str:
        notes = [self.bill_problem] if self.bill_problem else []
        if self.bill is not None:
            notes.extend(self.bill.warnings)
        if self.session.state is State.PLANNED:
            notes.insert(0, _("session not started."))
        elif self.session.state is not State.STOPPED:
            notes.insert(0, _("session not finished: amount so far."))
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


def build_row(ledger: Ledger, session: Session, tz: ZoneInfo) -> Row:
    bill, problem = ledger.try_bill(session)
    client = ledger.clients.get(session.client_id)
    worked = bill.worked_seconds if bill else 0
    billed = bill.billed_seconds if bill else 0
    credit = bill.credit.covered_seconds if bill and bill.credit else 0
    start = session.started_at or session.planned_at
    return Row(
        session=session, client_name=client.name if client else None,
        day=start.astimezone(tz).date(), bill=bill, bill_problem=problem,
        compliance=ledger.compliance(session),
        worked_minutes=fmt.minutes(worked), worked_hours=fmt.hours(worked),
        billed_minutes=fmt.minutes(billed), billed_hours=fmt.hours(billed),
        discounts=sum((line.amount for line in bill.lines if line.kind in REDUCTIONS), ZERO)
        if bill else ZERO,
        amount=bill.total if bill else ZERO,
        credit_hours=fmt.hours(credit),
    )


def build_rows(ledger: Ledger, session_ids: Sequence[str], tz: ZoneInfo) -> list[Row]:
    """Rows in the order the sessions started (planned, when never started)."""
    sessions = [ledger.session(sid) for sid in session_ids]
    sessions.sort(key=lambda s: (s.started_at or s.planned_at, s.planned_at, s.id))
    return [build_row(ledger, s, tz) for s in sessions]


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
    )


def row_json(row: Row, tz: ZoneInfo) -> dict[str, Any]:
    """A row for the JSON export: ids, instants with offset, amounts as decimal strings."""

    def iso(instant: datetime | None) -> str | None:
        return clock.local_iso(instant, tz) if instant else None

    s = row.session
    c = row.compliance
    return {
        "session": s.id,
        "client": s.client_id,
        "client_name": row.client_name,
        "date": row.day.isoformat(),
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
        "discounts": str(row.discounts),
        "amount": str(row.amount),
        "credit_used_hours": str(row.credit_hours),
        "compliance": {
            "status": c.status, "errors": c.errors, "warnings": c.warnings,
            "checked_at": iso(c.at), "check_event": c.seq, "policy_digest": c.policy_digest,
            "findings": [{"rule": f.rule, "severity": f.severity, "article": f.article,
                          "message": f.message, "events": list(f.events)}
                         for f in c.findings],
        },
        "bill": row.bill.to_json(tz) if row.bill else None,
        "explanation": row.bill.explanation if row.bill else None,
        "bill_problem": row.bill_problem,
    }


def totals_json(t: Totals) -> dict[str, Any]:
    return {
        "sessions": t.sessions, "worked_minutes": t.worked_minutes,
        "worked_hours": str(t.worked_hours), "billed_minutes": t.billed_minutes,
        "billed_hours": str(t.billed_hours), "discounts": str(t.discounts),
        "amount": str(t.amount), "credit_used_hours": str(t.credit_hours),
    }
