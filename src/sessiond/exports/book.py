"""The livre des recettes: `sessiond export --book --from DATE --to DATE`.

A micro-entrepreneur keeps a chronological register of his takings (CGI art. 50-0 and
286; BOI-BIC-DECLA-10-10-20): for each payment received, its date, the client, the nature
of the service, the amount, the means of payment and the reference of the supporting
document. Here: one row per `payment-recorded` event whose local date is in the range, in
the order the payments were received, whatever day the session itself was on; a refund
(`refund-recorded`) is a row of its own on the day the money went back, its amount
negative, so the day it came in keeps its takings. The reference is the session's
invoice, else its last receipt number (the session id when none was issued).
CSV with the export's French conventions, and nothing after the table: the total is in
the command's output and in the proof beside the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sessiond.billing.text import duration
from sessiond.exports import fmt
from sessiond.exports.rows import Payment, Row
from sessiond.exports.table import cell, client_name
from sessiond.i18n import _
from sessiond.i18n.plural import n_


@dataclass(frozen=True)
class Entry:
    payment: Payment
    row: Row

    @property
    def at(self) -> datetime:
        return self.payment.at


def entries(rows: Sequence[Row], tz: ZoneInfo, first: date, last: date) -> list[Entry]:
    found = [Entry(p, row) for row in rows for p in row.payments
             if first <= p.at.astimezone(tz).date() <= last]
    found.sort(key=lambda e: (e.payment.at, e.payment.seq))
    return found


def total(found: Sequence[Entry]) -> Decimal:
    return sum((e.payment.amount for e in found), Decimal(0))


def refunds(found: Sequence[Entry]) -> int:
    return sum(1 for e in found if e.payment.amount < 0)


def counted(entries: int, refunded: int) -> str:
    """The book's rows in words: "3 payments", or "3 payments, 1 refund"."""
    text = n_(entries - refunded, "{n} payment", "{n} payments")
    if refunded:
        text += ", " + n_(refunded, "{n} refund", "{n} refunds")
    return text


def header() -> list[str]:
    return [_("Date received"), _("Client name"), _("Nature of the service"), _("Amount (EUR)"),
            _("Payment method"), _("Document reference"), _("Session")]


def nature(row: Row) -> str:
    if row.bill is None:
        return fmt.label(row.session.mode)
    if row.status == "fee-only":
        return "; ".join(line.label for line in row.bill.lines)
    return _("{mode}, {billed} billed", mode=fmt.label(row.session.mode),
             billed=duration(row.bill.billed_seconds))


def reference(row: Row) -> str:
    if row.invoice:  # the invoice is the accounting document
        return _("invoice no. {number}", number=row.invoice)
    if row.receipts:
        return _("receipt no. {number}", number=row.receipts[-1])
    return _("session {session}", session=row.session.id)


def render_book(found: Sequence[Entry], tz: ZoneInfo) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if fmt.french() else ",", lineterminator="\r\n")
    writer.writerow(header())
    for entry in found:
        row, payment = entry.row, entry.payment
        writer.writerow([
            fmt.day(payment.at.astimezone(tz).date()), cell(client_name(row)),
            cell(nature(row)), fmt.number(payment.amount), fmt.label(payment.method),
            reference(row), row.session.id,
        ])
    return out.getvalue().encode("utf-8-sig")
