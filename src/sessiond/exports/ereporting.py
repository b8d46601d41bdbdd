"""The e-reporting summary: sales to private clients and to businesses abroad, day by day.

From 1 September 2027 a micro-entreprise reports to the tax administration, through its
approved platform, the transactions it does not e-invoice: sales to private clients and
sales to businesses established outside France (loi de finances pour 2024, art. 91; CGI
art. 290 and 290 A). For services the report carries the amounts invoiced per day and
the payments received per day (VAT on services is due on collection). This file gives
those figures from the log, one row per local day of the range and VAT rule (law.vat)
that has an invoice, a credit note or a payment of such a client, with the VAT category
and its reason code (E and VATEX-FR-FRANCHISE for a private client, AE and VATEX-EU-AE
for a business elsewhere in the EU, O and VATEX-EU-O for one outside it), and a total row
that is the sum of the rows. Businesses established in France are left out: their
invoices are e-invoiced (Factur-X). A document says itself whether its buyer was a
business (it went as Factur-X), and a payment is of the client as he was added (his
status and country never change), so a private client merged since into a business keeps
his sales here.

Like every export it is an `export-made` event (format `e-reporting`) and a signed
checkpoint, with the proof beside the file (FILE.proof): the proof covers the sessions
paid in the range, and the digest of the file is in the event.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sessiond import clock
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.law import vat
from sessiond.model import MONEY_KINDS, Event, signed_amount
from sessiond.sessions import Sessiond

if TYPE_CHECKING:
    from sessiond.exports.export import ExportResult

FORMAT = "e-reporting"
SUFFIX = "e-reporting.csv"
ZERO = Decimal("0.00")


@dataclass
class Day:
    day: date
    rule: vat.Treatment = vat.FRANCHISE
    documents: list[str] = field(default_factory=list)  # invoice and credit note numbers
    invoiced: Decimal = ZERO
    credited: Decimal = ZERO
    paid: Decimal = ZERO
    payments: int = 0

    @property
    def net(self) -> Decimal:
        return self.invoiced - self.credited


def days(svc: Sessiond, first: date, last: date) -> list[Day]:
    """The invoices, credit notes and payments of each local day and VAT rule, of the
    clients that are not e-invoiced (vat.reported)."""
    found: dict[tuple[date, str], Day] = {}
    clients: dict[str, tuple[str, bool]] = {}

    def client(client_id: str) -> tuple[str, bool]:
        # The client as he was added: a client's status and country never change, and a
        # duplicate merged since into a business was a private client when he paid.
        if client_id not in clients:
            added = svc.client(client_id)
            clients[client_id] = (added.country, added.status == "business")
        return clients[client_id]

    def rule(event: Event) -> vat.Treatment | None:
        """The VAT rule of the event's sale, None when it is e-invoiced. A document says
        itself whether its buyer was a business (it went as Factur-X), whatever became of
        the client."""
        if event.client_id is None:
            return None
        country, business = client(event.client_id)
        if "facturx" in event.body:
            business = bool(event.body["facturx"])
        if not vat.reported(country, business):
            return None
        # the rule the document was issued under; a payment's is the client's
        return vat.of_event(event.body) if event.kind != "payment-recorded" \
            else vat.treatment(country, business)

    def entry(day: date, treatment: vat.Treatment) -> Day:
        return found.setdefault((day, treatment.name), Day(day, treatment))

    def local(instant: datetime) -> date:
        return instant.astimezone(svc.tz).date()

    for event in svc.invoice_events():
        day, treatment = local(event.at), rule(event)
        if not first <= day <= last or treatment is None:
            continue
        row = entry(day, treatment)
        row.documents.append(event.body["number"])
        if event.kind == "invoice-issued":
            row.invoiced += Decimal(event.body["total"])
        else:
            row.credited += Decimal(event.body["total"])
    lo, _hi = clock.local_day_bounds(first, svc.tz)
    _lo, hi = clock.local_day_bounds(last, svc.tz)
    rows = svc.store.events_of_kind_between(MONEY_KINDS, clock.to_text(lo), clock.to_text(hi))
    # A payment recorded by mistake and withdrawn (sessiond withdraw) was never received:
    # every projection folds it away, as the book and the session's bill do.
    withdrawn = {r.body_fields()["corrects"] for r in svc.store.events_of_kind("fact-withdrawn")}
    order = list(vat.TREATMENTS)
    for event in svc.events(rows):
        treatment = rule(event)
        if treatment is None or event.seq in withdrawn:
            continue
        row = entry(local(event.at), treatment)
        # a refund lowers the day's takings it was given back on (the money went out then)
        row.paid += signed_amount(event)
        if event.kind == "payment-recorded":
            row.payments += 1
    return [found[k] for k in sorted(found, key=lambda k: (k[0], order.index(k[1])))]


def header() -> list[str]:
    return [_("Day"), _("Invoices and credit notes"), _("Invoiced (EUR)"),
            _("Credit notes (EUR)"), _("Net invoiced (EUR)"), _("Payments received (EUR)"),
            _("Number of payments"), _("VAT category"), _("VAT exemption")]


def render(found: Sequence[Day]) -> bytes:
    """CSV as the other exports write it (French: `;`, decimal comma, UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if fmt.french() else ",", lineterminator="\r\n")
    writer.writerow(header())
    for d in found:
        writer.writerow([fmt.day(d.day), " ".join(d.documents), fmt.number(d.invoiced),
                         fmt.number(d.credited), fmt.number(d.net), fmt.number(d.paid),
                         str(d.payments), d.rule.category, d.rule.exemption_code])
    writer.writerow([_("Total"), str(sum(len(d.documents) for d in found)),
                     fmt.number(sum((d.invoiced for d in found), ZERO)),
                     fmt.number(sum((d.credited for d in found), ZERO)),
                     fmt.number(sum((d.net for d in found), ZERO)),
                     fmt.number(sum((d.paid for d in found), ZERO)),
                     str(sum(d.payments for d in found)), "", ""])
    return out.getvalue().encode("utf-8-sig")


def export_ereporting(svc: Sessiond, first: date, last: date, out_dir: Path, *,
                      now: datetime | None = None) -> ExportResult:
    """Write the summary of `first` to `last` into `out_dir`, with its event, checkpoint
    and proof."""
    from sessiond.exports.export import ExportResult
    from sessiond.exports.files import output_path, write_private_file
    from sessiond.exports.proof import Scope, make_proof
    from sessiond.exports.rows import Totals
    from sessiond.exports.sidecar import proof_path, proof_text, summary_digest
    from sessiond.exports.signed import public_key_pem, sha256

    if last < first:
        raise InputError(_("The range ends ({last}) before it starts ({first}).",
                           first=long_date(first), last=long_date(last)))
    now = now or clock.now()
    scope = Scope.paid(first, last, svc.config.timezone)
    name = first.isoformat() if first == last else f"{first.isoformat()}_{last.isoformat()}"
    path = output_path(out_dir, f"sessiond-{name}.{SUFFIX}")  # refused before the event
    with svc.transaction() as w:  # under the write lock: the figures match the event
        found = days(svc, first, last)
        data = render(found)
        net = sum((d.net for d in found), ZERO)
        paid = sum((d.paid for d in found), ZERO)
        # said apart when businesses abroad are in it: the clients are not all private
        summary = _("private clients and businesses abroad: {days}, {total} EUR invoiced, "
                    "{paid} EUR received" if any(d.rule != vat.FRANCHISE for d in found)
                    else "private clients: {days}, {total} EUR invoiced, {paid} EUR received",
                    days=n_(len({d.day for d in found}), "{n} day", "{n} days"),
                    total=fmt.number(net), paid=fmt.number(paid))
        proof = make_proof(svc.store, scope, w.tail()[0] + 1)
        stored = svc.record_export(w, first_day=first, last_day=last, fmt=FORMAT,
                                   sessions=proof.sessions, digest=proof.digest,
                                   file_digest=sha256(data),
                                   summary_digest=summary_digest(summary),
                                   at=clock.whole_second(now))
        checkpoint = svc.sign_checkpoint(w, "export")
    sidecar = proof_text(
        file_name=path.name, file_sha=sha256(data), events=proof.text(),
        checkpoint=checkpoint.text(), fingerprint=svc.keyring.fingerprint,
        public_key=public_key_pem(svc.keyring.public_raw), summary=summary)
    write_private_file(path, data)
    write_private_file(proof_path(path), sidecar.encode("utf-8"))
    totals = Totals(sessions=sum(len(d.documents) for d in found), worked_minutes=0,
                    worked_hours=ZERO, billed_minutes=0, billed_hours=ZERO, discounts=ZERO,
                    amount=net, credit_hours=ZERO, paid=paid)
    return ExportResult(path, proof_path(path), first, last, FORMAT, (), len(found), totals,
                        None, 0, stored.seq, checkpoint, proof, False, True)
