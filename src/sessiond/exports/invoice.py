"""Invoices (factures) and credit notes (avoirs) from the log.

An invoice covers one or more finished sessions of one client. Its lines come from each
session's bill (`sessiond.billing.bill`): the time in the policy's tranches, discounts,
guarantee reductions, prepaid hours used, fees; payments already recorded are deducted.
The seller is `[technician]` of config.toml, the buyer the client's sealed details
(address, and SIREN for a business: `sessiond client edit`); due date and terms come from
`[invoice]` of config.toml (`config.Invoicing`), with the law's defaults.

Issuing happens in one write transaction: the next number of the year's series
(`audit.series`), the document built and rendered (so that nothing is numbered when the
PDF cannot be made), the `invoice-issued` event with the SHA-256 of the document's data,
and the signed checkpoint that covers it. A kill at any moment leaves a complete invoice
event or none, and never a gap: the number is the event's. The PDF is written after the
commit.

A session is on one current invoice at most. An invoice is never changed: a credit note
(`cancel_invoice`) cancels it whole, citing it, and its sessions can be invoiced again.
Business clients get Factur-X (EN 16931, the XML embedded in the PDF/A-3); private
clients a PDF/A-3 invoice, and the e-reporting summary (`exports.ereporting`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sessiond import clock, labels
from sessiond.audit import series
from sessiond.audit.canonical import canonical
from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import technician_problems
from sessiond.errors import InputError
from sessiond.exports.files import output_path, write_private_file
from sessiond.exports.invoice_doc import (
    InvoiceDoc,
    InvoiceLine,
    Party,
    Payment,
    address_parts,
    invoice_doc,
    seller_number_missing,
)
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.law.sole_trader import with_mention
from sessiond.law.vat import Treatment, of_event, technician_number_problem, treatment
from sessiond.model import (
    MONEY_KINDS,
    Client,
    Event,
    Session,
    State,
    fold,
    signed_amount,
    standing_invoices,
)
from sessiond.policy import PaymentTerms
from sessiond.sessions import Sessiond
from sessiond.spelling import did_you_mean

HOUR = Decimal(3600)
MAX_SESSIONS = 50  # an event lists at most 50 sessions (model.texts)


@dataclass(frozen=True)
class InvoiceResult:
    kind: str  # "invoice" or "credit-note"
    number: str
    pdf: Path
    total: Decimal
    client_id: str
    sessions: tuple[str, ...]
    event_seq: int
    checkpoint: Checkpoint
    facturx: bool
    doc: InvoiceDoc
    cites: str | None = None  # a credit note: the invoice it cancels

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "number": self.number, "pdf": str(self.pdf),
                "total": str(self.total), "client": self.client_id,
                "sessions": list(self.sessions), "event": self.event_seq,
                "checkpoint": self.checkpoint.text(), "facturx": self.facturx,
                "cites": self.cites, "issued": self.doc.issue_date.isoformat(),
                "due": self.doc.due_date.isoformat() if self.doc.due_date else None}


# --- what the log says of invoices ------------------------------------------------------


def current_invoices(events: Iterable[Event]) -> dict[str, Event]:
    """Session id -> the invoice that covers it and no credit note cancelled."""
    return {session_id: event for event in standing_invoices(events)
            for session_id in event.body["sessions"]}


def invoice_numbers(svc: Sessiond) -> dict[str, str]:
    """Session id -> the number of its current invoice (for exports and the book)."""
    return {s: e.body["number"] for s, e in current_invoices(svc.invoice_events()).items()}


def find_invoice(svc: Sessiond, number: str) -> tuple[Event, Event | None]:
    """The invoice-issued event of `number`, and the credit note that cancelled it."""
    invoice = _numbered(svc, number)
    if invoice.kind != "invoice-issued":
        raise InputError(_("{number} is a credit note: only an invoice can be cancelled.",
                           number=invoice.body["number"]))
    credit = next((e for e in svc.invoice_events() if e.kind == "credit-note-issued"
                   and e.body["cites_seq"] == invoice.seq), None)
    return invoice, credit


def _numbered(svc: Sessiond, number: str) -> Event:
    """The invoice-issued or credit-note-issued event of `number` (one series: F- and A-
    numbers never meet)."""
    wanted = number.strip().upper()
    events = svc.invoice_events()
    found = next((e for e in events if e.body["number"].upper() == wanted), None)
    if found is None:
        raise InputError(_("No invoice {number}. `sessiond invoice list` shows them.",
                           number=number)
                         + did_you_mean(number, [e.body["number"] for e in events]))
    return found


def _next_serial(events: Sequence[Event], year: int) -> int:
    years = [e.body["year"] for e in events]
    if years and max(years) > year:
        raise InputError(_("The last invoice is of {year}, after today ({today}): check the "
                           "computer's date; invoice numbers follow the calendar.",
                           year=max(years), today=year))
    return 1 + max((e.body["serial"] for e in events if e.body["year"] == year), default=0)


# --- the sessions of an invoice ----------------------------------------------------------


def service_day(session: Session, svc: Sessiond) -> date:
    """The local day of the service: the start, or the day of a fee-only one's fee (the
    missed appointment, as the day's export places it), not the day it was planned."""
    return session.service_at.astimezone(svc.tz).date()


def _invoiceable(session: Session) -> str | None:
    """Why the session cannot be invoiced (None: it can)."""
    if session.state is State.CANCELLED:
        return _("Session {session} was cancelled: it cannot be invoiced.",
                 session=session.id)
    if session.state is State.STOPPED:
        return None
    if session.state is State.PLANNED and any(e.kind == "fee-added" for e in session.events):
        return None  # a no-show or a late cancellation: the fee is invoiced
    return _("Session {session} is not finished: stop it first (sessiond stop {session}), "
             "then invoice it.", session=session.id)


def uninvoiced(svc: Sessiond, client_id: str, first: date, last: date) -> list[str]:
    """The client's finished sessions of the local days `first` to `last` that are on no
    current invoice, in service order."""
    current = current_invoices(svc.invoice_events())
    found = [s for s in svc.client_sessions(svc.canonical_client(client_id))
             if _invoiceable(s) is None and s.id not in current
             and first <= service_day(s, svc) <= last]
    return [s.id for s in sorted(found, key=lambda s: (s.service_at, s.id))]


def _sessions(svc: Sessiond, session_ids: Sequence[str]) -> list[Session]:
    ids = list(dict.fromkeys(s.strip().lower() for s in session_ids if s.strip()))
    if not ids:
        raise InputError(_("Name the sessions to invoice (sessiond invoice SESSION...), or "
                           "a client and a period (--client CLIENT --from DATE --to DATE)."))
    if len(ids) > MAX_SESSIONS:
        raise InputError(_("An invoice covers at most {count} sessions: split the period.",
                           count=MAX_SESSIONS))
    sessions = [svc.session(i) for i in ids]
    for session in sessions:
        problem = _invoiceable(session)
        if problem:
            raise InputError(problem)
    clients = {svc.canonical_client(s.client_id) for s in sessions}
    if len(clients) > 1:
        raise InputError(_("These sessions belong to different clients ({clients}): an "
                           "invoice is for one client.", clients=", ".join(sorted(clients))))
    return sorted(sessions, key=lambda s: (s.service_at, s.id))


def _as_of(svc: Sessiond, session_ids: Sequence[str], upto: int) -> list[Session]:
    """The sessions as they stood before event `upto` (an invoice as it was issued)."""
    found = []
    for session_id in session_ids:
        session = fold(e for e in svc.session_events(session_id) if e.seq < upto)
        if session is not None:
            found.append(session)
    return found


# --- the parties and the terms -------------------------------------------------------------


class IdentityIncomplete(InputError):
    """[technician] lacks what an invoice states: a front end may offer the form."""


class ClientDetailsMissing(InputError):
    """The client lacks what his invoice states (his address, a business's SIREN): a front
    end may offer the client's form."""


def seller(svc: Sessiond) -> Party:
    """The technician, from `[technician]` (refused, naming the fields, while incomplete)."""
    t = svc.config.technician
    problems = technician_problems(t)
    if problems:
        raise IdentityIncomplete(_(
            "An invoice is numbered only once your identity is complete. Under [technician] "
            "in {path}, fill in: {fields}.", path=svc.paths.config_file,
            fields="; ".join(f"{p.field} — {p.message}" for p in problems)))
    name = with_mention(t.name)
    streets, postcode, city = address_parts(t.address)
    siren = "".join(c for c in t.siret if c.isdigit())
    number = technician_number_problem(t.vat_number, siren[:9])[0] if t.vat_number.strip() \
        else None  # checked above, with the SIREN: as printed
    return Party(name, streets, postcode, city, "FR", siren=siren,
                 email=t.email.strip() or None, vat_number=number)


def buyer(client: Client, rule: Treatment | None = None) -> Party:
    """The client as the invoice names him; InputError naming what is missing. `rule`:
    the VAT rule a document was issued under (else law.vat's for the client)."""
    if client.name is None:
        raise InputError(_("Client {client} was erased: he can no longer be invoiced.",
                           client=client.id))
    if not (client.address or "").strip():
        raise ClientDetailsMissing(_(
            "Client {client} has no postal address (address), which an invoice must state: "
            "sessiond client edit {client} --address \"12 rue des Lilas, 75011 Paris\".",
            client=client.id))
    streets, postcode, city = address_parts(client.address or "")
    if client.country == "FR" and not (postcode and city and streets):
        raise ClientDetailsMissing(_(
            "The address of client {client} (address) needs a street, then the postcode "
            "and city as its last part: sessiond client edit {client} --address "
            "\"12 rue des Lilas, 75011 Paris\".", client=client.id))
    if not city:  # abroad: the last part is the city
        streets, city = streets[:-1], streets[-1] if streets else ""
    business = client.status == "business"
    if business and client.country == "FR" and not client.siren:
        raise ClientDetailsMissing(_(
            "Client {client} is a business: its invoice must state its SIREN (siren): "
            "sessiond client edit {client} --siren NUMBER.", client=client.id))
    if (rule or treatment(client.country, business)).vat_numbers and not client.vat_number:
        raise ClientDetailsMissing(_(
            "Client {client} is a business in another EU country: its invoice is under the "
            "reverse charge (autoliquidation, CGI art. 283-2) and must state its intra-EU "
            "VAT number: sessiond client edit {client} --vat-number NUMBER.",
            client=client.id))
    return Party(client.name, streets, postcode, city, client.country, siren=client.siren,
                 email=client.email, is_business=business, vat_number=client.vat_number)


def _default_late_penalty() -> str:
    return _("the European Central Bank's most recent refinancing rate plus 10 percentage "
             "points")


@dataclass(frozen=True)
class Terms:
    due_date: date
    payment_terms: str
    late_penalty: str | None
    early_payment: str | None


DEFAULT_BUSINESS_DUE_DAYS = 30  # C. com. L441-10: 30 days after the service, unless agreed


def terms(svc: Sessiond, issued: date, business: bool,
          payment: PaymentTerms | None = None) -> Terms:
    """Due date and payment terms: what `[invoice]` sets, else (a business client) what
    the sessions' terms say (`payment`, a policy's [payment]), else the law's defaults.
    A consumer's are `[invoice]`'s alone: payable on receipt, no penalty unless it sets
    one, never the recovery indemnity (owed by professionals only, L441-10)."""
    c = svc.config.invoice
    agreed = payment if business else None
    if not business:
        days = c.due_days
    elif c.business_due_days is not None:
        days = c.business_due_days
    elif agreed is not None and agreed.due_days is not None:
        days = agreed.due_days
    else:
        days = DEFAULT_BUSINESS_DUE_DAYS
    due = issued + timedelta(days=days)
    text = c.payment_terms.strip() or (
        _("Payable on receipt of the invoice.") if days == 0 else
        _("Payable within {days} days of the invoice date.", days=days))
    penalty = c.late_penalty.strip() or (agreed.late_penalty if agreed else None) or (
        _default_late_penalty() if business else None)
    early = c.early_payment.strip() or (agreed.early_payment if agreed else None)
    return Terms(due, text, penalty, early)


def agreed_terms(svc: Sessiond, sessions: Sequence[Session], issued: date,
                 business: bool) -> Terms:
    """The terms of one invoice of `sessions`: those of their policies, which must agree.
    Sessions under terms that set different payment terms are invoiced apart (a due date
    and a late-payment rate are the invoice's, not a line's)."""
    found: dict[Terms, list[str]] = {}
    for session in sessions:
        payment = svc.policy(session.policy).payment
        found.setdefault(terms(svc, issued, business, payment), []).append(session.id)
    if len(found) == 1:
        return next(iter(found))
    groups = _("; ").join(f"{', '.join(ids)} ({_terms_summary(agreed)})"
                       for agreed, ids in found.items())
    raise InputError(_(
        "These sessions are under terms that set different payment terms (due date, "
        "late-payment rate or early-payment discount): {groups}. Invoice them apart, one "
        "invoice per terms.", groups=groups))


def _terms_summary(agreed: Terms) -> str:
    parts = [_("due {date}", date=_day(agreed.due_date))]
    if agreed.late_penalty:
        parts.append(_("late payment: {rate}", rate=agreed.late_penalty.rstrip(". ")))
    if agreed.early_payment:
        parts.append(_("early payment: {terms}", terms=agreed.early_payment.rstrip(". ")))
    return ", ".join(parts)


# --- the lines -----------------------------------------------------------------------------


def _quantity_hours(seconds: int) -> Decimal | None:
    """Billed seconds as hours with at most 4 decimals (None when they do not divide)."""
    hours = Decimal(seconds) / HOUR
    exact = hours.quantize(Decimal("0.0001"))
    return exact.normalize() if exact == hours else None


def session_lines(svc: Sessiond, session: Session, now: datetime) -> list[InvoiceLine]:
    """The invoice lines of one session, from its bill."""
    from sessiond.billing import bill
    from sessiond.billing.text import cents, duration

    try:
        priced = bill(session, svc.policy(session.policy), svc.history(session.client_id),
                      now)
    except InputError as e:
        raise InputError(_("Session {session} cannot be invoiced: {problem}",
                           session=session.id, problem=e.message)) from e
    day = service_day(session, svc)
    what = f"{labels.formal(session.mode).capitalize()} ({session.id})"
    lines: list[InvoiceLine] = []
    for line in priced.lines:
        if line.kind == "time":
            if priced.billed_seconds == 0 and line.amount == 0:
                continue
            text = _("{what}: {breakdown} ({billed})", what=what, breakdown=priced.breakdown,
                     billed=duration(priced.billed_seconds))
            hours = _quantity_hours(priced.billed_seconds)
            rate = priced.rate_per_hour
            if (hours is not None and rate is not None and rate == cents(rate)
                    and cents(hours * rate) == line.amount):
                lines.append(InvoiceLine(text, hours, "HUR", rate, line.amount, day))
            else:  # a tranche that is not a whole number of cents: one unit at its price
                lines.append(InvoiceLine(text, Decimal(1), "C62", line.amount, line.amount,
                                         day))
            continue
        if line.amount == 0:
            continue
        text = f"{line.label} ({session.id})"
        if line.amount < 0:  # discounts, guarantees, prepaid hours: a negative quantity
            lines.append(InvoiceLine(text, Decimal(-1), "C62", -line.amount, line.amount, day))
        else:
            lines.append(InvoiceLine(text, Decimal(1), "C62", line.amount, line.amount, day))
    if not lines:  # nothing billed at all: the service still appears, at zero
        lines.append(InvoiceLine(what, Decimal(1), "C62", Decimal("0.00"), Decimal("0.00"),
                                 day))
    return lines


def _day(value: date) -> str:
    from sessiond.exports import fmt

    return fmt.day(value)


def payments(svc: Sessiond, sessions: Iterable[Session]) -> list[Payment]:
    return [Payment(e.at.astimezone(svc.tz).date(), signed_amount(e),
                    labels.formal(e.body["method"]))
            for s in sessions for e in s.events if e.kind in MONEY_KINDS]


# --- the document's data -------------------------------------------------------------------


def doc_data(doc: InvoiceDoc) -> dict[str, Any]:
    """The document as canonical data (its digest goes in the event)."""

    def party(p: Party) -> dict[str, Any]:
        data = {"name": p.name, "address": list(p.address), "postcode": p.postcode,
                "city": p.city, "country": p.country, "siren": p.siren, "email": p.email,
                "business": p.is_business}
        # only where stated: the data (and digest) of an invoice issued before stays
        return {**data, "vat_number": p.vat_number} if p.vat_number else data

    def day(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "kind": doc.kind, "number": doc.number, "issue_date": day(doc.issue_date),
        "due_date": day(doc.due_date), "seller": party(doc.seller), "buyer": party(doc.buyer),
        "lines": [{"description": line.description, "quantity": str(line.quantity),
                   "unit": line.unit, "unit_price": str(line.unit_price),
                   "amount": str(line.amount), "service_date": day(line.service_date)}
                  for line in doc.lines],
        "total": str(doc.total), "currency": doc.currency, "vat_mention": doc.vat_mention,
        "payment_terms": doc.payment_terms, "cited_invoice": doc.cited_invoice,
        "cited_invoice_date": day(doc.cited_invoice_date), "reason": doc.reason,
        "late_penalty": doc.late_penalty,
        "recovery_indemnity": str(doc.recovery_indemnity)
        if doc.recovery_indemnity is not None else None,
        "early_payment": doc.early_payment,
        "payments": [{"received": day(p.received), "amount": str(p.amount),
                      "method": p.method} for p in doc.payments],
        "notes": list(doc.notes),
        # the rule of the franchise, the only one before, is implied by the mention
        **({"vat_category": doc.vat.category} if doc.vat.category != "E" else {}),
    }


def data_digest(doc: InvoiceDoc) -> str:
    from sessiond.exports.signed import sha256

    return sha256(canonical(doc_data(doc)))


def render(doc: InvoiceDoc) -> tuple[bytes, bool]:
    """The PDF/A-3 of the document; with the Factur-X XML embedded for a business buyer.
    (bytes, whether it is Factur-X)."""
    from sessiond.exports.invoice_pdf import render_invoice_pdf

    pdf = render_invoice_pdf(doc)
    if not doc.buyer.is_business:
        return pdf, False
    from sessiond.exports.facturx_xml import facturx_pdf, facturx_xml

    try:
        return facturx_pdf(pdf, facturx_xml(doc)), True
    except ValueError as e:  # the XML does not conform: a bug, said before any number
        raise InputError(_("The Factur-X XML of invoice {number} does not conform to its "
                           "schema: {problem}", number=doc.number, problem=str(e)[:300])) from e


def file_name(doc: InvoiceDoc) -> str:
    return file_name_of(doc.credit_note, doc.number)


def file_name_of(credit_note: bool, number: str) -> str:
    return f"{'avoir' if credit_note else 'facture'}-{number}.pdf"


# --- issuing -------------------------------------------------------------------------------


def issue_invoice(svc: Sessiond, session_ids: Sequence[str], out: Path | None = None, *,
                  now: datetime | None = None) -> InvoiceResult:
    """Invoice the sessions (of one client): event, checkpoint, then the PDF."""
    output_path(out, file_name_of(False, "0000"))  # refused before a number is spent
    now = clock.whole_second(now or clock.now())
    issued = now.astimezone(svc.tz).date()
    the_seller = seller(svc)
    with svc.transaction() as w:  # checks, number, document, event, checkpoint: one commit
        sessions = _sessions(svc, session_ids)
        events = svc.invoice_events()
        current = current_invoices(events)
        for session in sessions:
            if session.id in current:
                number = current[session.id].body["number"]
                raise InputError(_(
                    "Session {session} is on invoice {number} already. To invoice it again, "
                    "cancel that invoice first: sessiond invoice cancel {number} --reason "
                    "TEXT.", session=session.id, number=number))
        client_id = svc.canonical_client(sessions[0].client_id)
        serial = _next_serial(events, issued.year)
        number = series.number("invoice-issued", issued.year, serial)
        the_buyer = buyer(svc.client(client_id))
        if treatment(the_buyer.country, the_buyer.is_business).vat_numbers \
                and not the_seller.vat_number:  # [technician]'s to fill: a front end's form
            raise IdentityIncomplete(_("Invoice {number}: {problem}", number=number,
                                       problem=seller_number_missing()))
        doc = _invoice(svc, sessions, the_seller, the_buyer, number, now)
        pdf, facturx = render(doc)
        stored = svc.record_invoice(w, client_id=client_id, number=number, year=issued.year,
                                    serial=serial, sessions=[s.id for s in sessions],
                                    total=doc.total, digest=data_digest(doc),
                                    facturx=facturx, at=now, vat=doc.vat.name)
        checkpoint = svc.sign_checkpoint(w, "invoice")
    path = _write_issued(output_path(out, file_name(doc)), pdf, doc, stored.seq)
    return InvoiceResult("invoice", number, path, doc.total, client_id,
                         tuple(s.id for s in sessions), stored.seq, checkpoint, facturx, doc)


def _invoice(svc: Sessiond, sessions: Sequence[Session], the_seller: Party, the_buyer: Party,
             number: str, now: datetime, rule: Treatment | None = None) -> InvoiceDoc:
    issued = now.astimezone(svc.tz).date()
    agreed = agreed_terms(svc, sessions, issued, the_buyer.is_business)
    lines = [line for s in sessions for line in session_lines(svc, s, now)]
    return invoice_doc(number=number, issue_date=issued, due_date=agreed.due_date,
                       seller=the_seller, buyer=the_buyer, lines=lines,
                       payment_terms=agreed.payment_terms, late_penalty=agreed.late_penalty,
                       early_payment=agreed.early_payment, payments=payments(svc, sessions),
                       vat_rule=rule)


def _write_issued(path: Path, pdf: bytes, doc: InvoiceDoc, seq: int) -> Path:
    """Write the PDF of a document just issued. Its number is spent and its event stands
    whatever happens to the file: a refusal says so, and how to write the PDF elsewhere,
    so that the technician does not cancel (a credit note) or issue again what exists."""
    try:
        return write_private_file(path, pdf)
    except InputError as e:
        raise InputError(e.message + " " + _(
            "Credit note {number} is issued all the same (event #{seq}): do not issue it "
            "again, write its PDF elsewhere: sessiond invoice show {number} --out FOLDER."
            if doc.credit_note else
            "Invoice {number} is issued all the same (event #{seq}): do not issue it again, "
            "write its PDF elsewhere: sessiond invoice show {number} --out FOLDER.",
            number=doc.number, seq=seq)) from e


def reprint(svc: Sessiond, number: str, out: Path | None = None) -> InvoiceResult:
    """The PDF of invoice or credit note `number` again (lost, or never written: a crash
    right after the commit, a place that refused the file), rebuilt from the log as it
    stood when it was issued. Refused when the rebuilt data is not the issued data (its
    digest): `[technician]`, `[invoice]` or a policy changed since."""
    event = _numbered(svc, number)
    assert event.client_id is not None
    if event.kind == "credit-note-issued":
        invoice = next(e for e in svc.invoice_events() if e.seq == event.body["cites_seq"])
        reason = (event.personal or {}).get("reason")
        if reason is None:  # sealed under the key of a client since erased
            raise InputError(_("Client {client} was erased: he can no longer be invoiced.",
                               client=event.client_id))
        doc = _credit_note(svc, invoice, seller(svc), event.body["number"], event.at, reason)
    else:
        sessions = _as_of(svc, event.body["sessions"], event.seq)
        rule = of_event(event.body)  # as issued, whatever the rule says today
        doc = _invoice(svc, sessions, seller(svc), buyer(svc.client(event.client_id,
                                                                    upto=event.seq), rule),
                       event.body["number"], event.at, rule)
    if data_digest(doc) != event.body["digest"]:
        raise InputError(_(
            "Credit note {number} can no longer be rebuilt as it was issued (its data "
            "digest differs): [technician], [invoice] or the policy changed since. Its "
            "event #{seq} still proves what was credited." if doc.credit_note else
            "Invoice {number} can no longer be rebuilt as it was issued (its data digest "
            "differs): [technician], [invoice] or the policy changed since. Its event #{seq} "
            "still proves what was invoiced.", number=event.body["number"],
            seq=event.seq))
    pdf, facturx = render(doc)
    path = write_private_file(output_path(out, file_name(doc)), pdf)
    # the event and its checkpoint were committed together
    checkpoint = svc.store.checkpoint_of(event.seq, event.hash)
    assert checkpoint is not None
    return InvoiceResult(doc.kind, doc.number, path, doc.total, event.client_id,
                         tuple(event.body["sessions"]), event.seq, checkpoint, facturx, doc,
                         cites=doc.cited_invoice)


def invoice_period(svc: Sessiond, client_id: str, first: date, last: date,
                   out: Path | None = None, *, now: datetime | None = None) -> InvoiceResult:
    """Invoice the client's uninvoiced finished sessions of `first` to `last`."""
    if last < first:
        raise InputError(_("The range ends ({last}) before it starts ({first}).",
                           first=long_date(first), last=long_date(last)))
    svc.client(client_id)
    found = uninvoiced(svc, client_id, first, last)
    if not found:
        raise InputError(_("Client {client} has no finished session to invoice from {first} "
                           "to {last}.", client=client_id, first=long_date(first),
                           last=long_date(last)))
    return issue_invoice(svc, found, out, now=now)


def cancel_invoice(svc: Sessiond, number: str, reason: str, out: Path | None = None, *,
                   now: datetime | None = None) -> InvoiceResult:
    """A credit note that cancels invoice `number` whole and cites it; the invoice's
    sessions can then be invoiced again."""
    if not reason or not reason.strip():
        raise InputError(_("A credit note says why: --reason TEXT."))
    now = clock.whole_second(now or clock.now())
    issued = now.astimezone(svc.tz).date()
    the_seller = seller(svc)
    output_path(out, file_name_of(True, "0000"))  # refused before a number is spent
    with svc.transaction() as w:
        invoice, credit = find_invoice(svc, number)
        cited = invoice.body["number"]
        if credit is not None:
            raise InputError(_("Invoice {number} was already cancelled by credit note "
                               "{credit}.", number=cited, credit=credit.body["number"]))
        assert invoice.client_id is not None
        events = svc.invoice_events()
        serial = _next_serial(events, issued.year)
        credit_number = series.number("credit-note-issued", issued.year, serial)
        doc = _credit_note(svc, invoice, the_seller, credit_number, now, reason)
        pdf, facturx = render(doc)
        stored = svc.record_credit_note(
            w, client_id=invoice.client_id, number=credit_number, year=issued.year,
            serial=serial, cites=cited, cites_seq=invoice.seq,
            sessions=invoice.body["sessions"], total=doc.total, digest=data_digest(doc),
            facturx=facturx, reason=reason, at=now, vat=doc.vat.name)
        checkpoint = svc.sign_checkpoint(w, "credit-note")
    path = _write_issued(output_path(out, file_name(doc)), pdf, doc, stored.seq)
    return InvoiceResult("credit-note", credit_number, path, doc.total, invoice.client_id,
                         tuple(invoice.body["sessions"]), stored.seq, checkpoint, facturx, doc,
                         cites=cited)


def _credit_note(svc: Sessiond, invoice: Event, the_seller: Party, number: str,
                 now: datetime, reason: str) -> InvoiceDoc:
    """Credit note `number`, issued at `now`, that cancels `invoice` whole: its buyer and
    lines as the invoice stated them."""
    assert invoice.client_id is not None
    issued = now.astimezone(svc.tz).date()
    rule = of_event(invoice.body)  # a credit note cancels the invoice under its own rule
    the_buyer = buyer(svc.client(invoice.client_id, upto=invoice.seq), rule)
    invoice_day = invoice.at.astimezone(svc.tz).date()
    agreed = _cancelled_terms(svc, invoice, issued, the_buyer.is_business)
    return invoice_doc(kind="credit-note", number=number, issue_date=issued, due_date=None,
                       seller=the_seller, buyer=the_buyer,
                       lines=_cancelled_lines(svc, invoice, invoice_day),
                       payment_terms=_("Refund of the amounts paid, or deduction from the "
                                       "next invoice."),
                       cited_invoice=invoice.body["number"], cited_invoice_date=invoice_day,
                       reason=reason.strip(), late_penalty=agreed.late_penalty,
                       early_payment=agreed.early_payment, vat_rule=rule)


def _cancelled_terms(svc: Sessiond, invoice: Event, issued: date, business: bool) -> Terms:
    """The terms the cancelled invoice's sessions were under; the law's and `[invoice]`'s
    when they no longer agree (a policy changed since)."""
    try:
        return agreed_terms(svc, _as_of(svc, invoice.body["sessions"], invoice.seq), issued,
                            business)
    except InputError:
        return terms(svc, issued, business)


def _cancelled_lines(svc: Sessiond, invoice: Event, invoice_day: date) -> list[InvoiceLine]:
    """The invoice's lines as it was issued (its sessions as they stood then); one line of
    its recorded total when they no longer add up to it (a policy changed since)."""
    total = Decimal(invoice.body["total"])
    try:
        sessions = _as_of(svc, invoice.body["sessions"], invoice.seq)
        lines = [line for s in sessions for line in session_lines(svc, s, invoice.at)]
    except InputError:
        lines = []
    if lines and sum((line.amount for line in lines), Decimal(0)) == total:
        return lines
    return [InvoiceLine(_("Cancellation of invoice {number} of {day}",
                          number=invoice.body["number"], day=_day(invoice_day)),
                        Decimal(1), "C62", total, total, invoice_day)]


def invoice_list(svc: Sessiond) -> list[dict[str, Any]]:
    """Every invoice and credit note, in the series' order, with what became of each."""
    events = svc.invoice_events()
    cancelled_by = {e.body["cites_seq"]: e.body["number"] for e in events
                    if e.kind == "credit-note-issued"}
    return [{"number": e.body["number"],
             "kind": "invoice" if e.kind == "invoice-issued" else "credit-note",
             "issued": e.at.astimezone(svc.tz).date().isoformat(), "client": e.client_id,
             "sessions": list(e.body["sessions"]), "total": e.body["total"], "event": e.seq,
             "facturx": bool(e.body.get("facturx")), "cites": e.body.get("cites"),
             "cancelled_by": cancelled_by.get(e.seq)} for e in events]
