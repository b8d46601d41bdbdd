"""The client's receipt ("relevé d'intervention"): a supporting document that anchors the log.

What it states comes from the log only: the technician's identity (config), the client,
the date, mode and tool, consent, start, pauses and stop, worked and billed time with the
tranche explanation, the bill's lines and total with the VAT mention, what the log says
about confidentiality, the compliance findings, and the seal (signed checkpoint, events
line, public key). It contains what a "note" for a service must hold (arrêté 83-50/A:
date, provider's name and address, client's name, date and place of the service, detail
and total) and the micro-entrepreneur's mentions (name with "EI", SIRET, "TVA non
applicable, art. 293 B du CGI"). It is not an invoice: it has no invoice number series.

Issuing it appends a `receipt-issued` event (the seq its checkpoint signs, and the digest
of the session's events) and signs the checkpoint that covers it, in one transaction.
Receipts are numbered YEAR-NNNN in the order they were issued: the rank of their event
among the year's `receipt-issued` events, so the series has no gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.audit.checkpoint import Checkpoint
from sessiond.billing import Bill
from sessiond.billing.text import duration, money
from sessiond.billing.worked import reviewed_pauses
from sessiond.config import Technician
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.exports.files import write_private_file
from sessiond.exports.issue import consistent
from sessiond.exports.layout import Amount, Block, Code, Field, Para, Section, Title, render_text
from sessiond.exports.proof import EventsProof, Scope, digest
from sessiond.exports.sources import Compliance, Ledger
from sessiond.exports.table import Seal
from sessiond.i18n import _
from sessiond.model import Client, Event, Session, State
from sessiond.policy import Policy
from sessiond.sessions import Sessiond
from sessiond.store.sqlite import Store


@dataclass(frozen=True)
class ReceiptResult:
    pdf: Path
    text: Path
    number: str
    session_id: str
    event_seq: int  # the receipt-issued event
    checkpoint: Checkpoint
    proof: EventsProof
    total: Decimal
    warnings: tuple[str, ...]  # for the technician (not printed on the receipt)


@dataclass(frozen=True)
class _Snapshot:
    session: Session
    client: Client
    policy: Policy
    bill: Bill
    compliance: Compliance
    covered: tuple[int, int, str]


def issue_receipt(service: Sessiond, session_id: str, out: Path | None = None, *,
                  now: datetime | None = None) -> ReceiptResult:
    """Issue the receipt of a finished session: its event, checkpoint, PDF and text."""
    svc = service
    svc.session(session_id)  # an unknown id is refused before anything else
    now = now or clock.now()
    scope = Scope.session(session_id)

    def build() -> _Snapshot:
        ledger = Ledger(svc, now)
        session = ledger.session(session_id)
        _check_issuable(session)
        try:
            bill = ledger.bill(session)
        except InputError as e:
            raise InputError(_("The receipt of session {session} cannot be issued: {problem}",
                               session=session_id, problem=e.message)) from e
        # This document is the receipt the receipt-issued rule asks for.
        compliance = ledger.compliance(session, fresh=True).without("receipt-issued")
        count, hex_digest = digest((session.id, e.seq, e.hash) for e in session.events)
        return _Snapshot(session, ledger.clients[session.client_id],
                         ledger.policy(session.policy), bill, compliance,
                         (1, count, hex_digest))

    with consistent(svc, scope, build) as (w, snap, proof):
        number = _number(svc.store, now, svc.tz)
        stored = svc.record_receipt(w, session_id=session_id, checkpoint_seq=proof.upto,
                                    digest=proof.digest, at=clock.whole_second(now))
        assert stored.seq == proof.upto
        checkpoint = svc.sign_checkpoint(w, "receipt")

    seal = Seal(checkpoint, proof, svc.keyring.fingerprint, svc.keyring.public_raw.hex())
    technician = svc.config.technician
    blocks = receipt_blocks(snap, number=number, issued_at=now, technician=technician,
                            seal=seal, tz=svc.tz)
    pdf_path, text_path = _paths(out, number, session_id)
    from sessiond.exports.pdf import render_pdf  # fpdf2 loads only when a PDF is made

    pdf = render_pdf(blocks, title=_("Service record no. {number}", number=number),
                     author=technician.name or "sessiond",
                     keywords=f"{checkpoint.text()} {proof.text()}",
                     footer=_("Service record no. {number} — session {session}",
                              number=number, session=session_id), created=now)
    write_private_file(pdf_path, pdf)
    write_private_file(text_path, render_text(blocks).encode("utf-8"))
    return ReceiptResult(pdf_path, text_path, number, session_id, stored.seq, checkpoint,
                         proof, snap.bill.total, _warnings(technician, snap))


def _check_issuable(session: Session) -> None:
    if session.state is State.STOPPED:
        return
    if session.state is State.PLANNED and any(e.kind == "fee-added" for e in session.events):
        return  # a no-show or a late cancellation: the fee is what the receipt shows
    raise InputError(_("Session {session} is not finished ({state}): stop it first "
                       "(sessiond stop {session}), then issue its receipt.",
                       session=session.id, state=fmt.label(session.state.value)))


def _number(store: Store, now: datetime, tz: ZoneInfo) -> str:
    year = now.astimezone(tz).year
    start = datetime(year, 1, 1, tzinfo=tz)
    end = datetime(year + 1, 1, 1, tzinfo=tz)
    earlier = store.events_of_kind_between(("receipt-issued",), clock.to_text(start),
                                           clock.to_text(end))
    return f"{year}-{len(earlier) + 1:04d}"


def _paths(out: Path | None, number: str, session_id: str) -> tuple[Path, Path]:
    name = f"{_('receipt')}-{number}-{session_id}"
    if out is None:
        base = Path.cwd() / name
    else:
        out = out.expanduser()
        base = out / name if out.is_dir() else (
            out.with_suffix("") if out.suffix.lower() in (".pdf", ".txt") else out)
    return base.with_name(base.name + ".pdf"), base.with_name(base.name + ".txt")


def _warnings(technician: Technician, snap: _Snapshot) -> tuple[str, ...]:
    found = []
    missing = [name for name, value in (("name", technician.name),
                                        ("siret", technician.siret),
                                        ("address", technician.address)) if not value]
    if missing:
        found.append(_("Your identity is incomplete on the receipt: set {fields} under "
                       "[technician] in config.toml (a micro-entrepreneur's documents must "
                       "carry them).", fields=", ".join(missing)))
    found.extend(snap.bill.warnings)
    return tuple(found)


# --- layout ----------------------------------------------------------------------------


def receipt_blocks(snap: _Snapshot, *, number: str, issued_at: datetime,
                   technician: Technician, seal: Seal, tz: ZoneInfo) -> list[Block]:
    session, bill = snap.session, snap.bill
    blocks: list[Block] = [Title(
        _("Service record"),
        _("Supporting document no. {number}, issued on {moment}",
          number=number, moment=fmt.moment(issued_at, tz)))]
    blocks += _technician(technician)
    blocks += _client(snap.client)
    blocks += _intervention(snap, tz)
    blocks += _consent(session, tz)
    blocks += _timeline(session, bill, tz)
    blocks += _lines(session, bill, tz)
    blocks += _confidentiality(session, snap.policy, tz)
    blocks += _compliance(snap.compliance)
    blocks += _seal(seal)
    return blocks


def _personal(event: Event, name: str) -> str | None:
    value = event.personal.get(name) if event.personal else None
    return str(value) if value else None


def _technician(t: Technician) -> list[Block]:
    siret = "".join(t.siret.split())
    ids = "—"
    if siret:
        ids = (f"SIREN {siret[:3]} {siret[3:6]} {siret[6:9]} — SIRET {siret[:3]} "
               f"{siret[3:6]} {siret[6:9]} {siret[9:]}" if len(siret) == 14 and
               siret.isdigit() else f"SIRET {t.siret}")
    blocks: list[Block] = [
        Section(_("Service provider")),
        Field(_("Full name"), _("{name}, sole trader (EI)", name=t.name) if t.name else "—"),
    ]
    if t.trade_name:
        blocks.append(Field(_("Trade name"), t.trade_name))
    blocks.append(Field(_("Registration"), ids))
    blocks.append(Field(_("Postal address"), t.address or "—"))
    contact = " — ".join(v for v in (t.email, t.phone) if v)
    if contact:
        blocks.append(Field(_("Contact details"), contact))
    return blocks


def _client(client: Client) -> list[Block]:
    return [
        Section(_("The client")),
        Field(_("Full name"), client.name if client.name is not None else _("(client erased)")),
        Field(_("Client reference"), client.id),
        Field(_("Client status"), fmt.label(client.status)),
    ]


def _intervention(snap: _Snapshot, tz: ZoneInfo) -> list[Block]:
    session, policy = snap.session, snap.policy
    when = session.started_at or session.planned_at
    how = fmt.label(session.mode)
    if session.tool:
        how = f"{how} ({fmt.label(session.tool)})"
    document = policy.document.name + " — " + policy.document.business
    if policy.document.date is not None:
        document += " — " + fmt.day(policy.document.date)
    blocks: list[Block] = [
        Section(_("The intervention")),
        Field(_("Session reference"), session.id),
        Field(_("Date of the intervention"), fmt.day(when.astimezone(tz).date())),
        Field(_("Mode and place"), how),
    ]
    if session.client_os:
        blocks.append(Field(_("Client's system"), fmt.label(session.client_os)))
    blocks.append(Field(_("Terms applied"), document))
    planned = session.events[0]
    problems = planned.personal.get("problems", []) if planned.personal else []
    outcomes = {e.body["problem"]: e.body["result"] for e in session.events
                if e.kind == "outcome-recorded"}
    for n, problem in enumerate(problems, start=1):
        result = outcomes.get(n)
        text = f"{problem} — {fmt.label(result)}" if result else str(problem)
        blocks.append(Field(_("Problem {n}", n=n), text))
    return blocks


def _consent(session: Session, tz: ZoneInfo) -> list[Block]:
    blocks: list[Block] = [Section(_("Client's consent"))]
    for consent in session.consents:
        blocks.append(Field(_("Consent given"), _(
            "{channel}, on {moment}, by {by}", channel=fmt.label(consent.channel),
            moment=fmt.moment(consent.at, tz), by=consent.by or "—")))
    if not session.consents:
        blocks.append(Para(_("No consent is on record for this session.")))
    for event in session.events:
        if event.kind == "session-started" and event.body.get("without_consent"):
            blocks.append(Para(_("Started without consent on record; reason given: {reason}",
                                 reason=_personal(event, "reason") or "—"), strong=True))
        elif event.kind == "quote-accepted":
            how = (_("handwritten signature") if event.body["how"] == "handwritten"
                   else _("electronic signature"))
            blocks.append(Field(_("Quote accepted"), _(
                "{how}, on {moment}, by {by}", how=how, moment=fmt.moment(event.at, tz),
                by=_personal(event, "by") or "—")))
        elif event.kind == "withdrawal-waiver":
            blocks.append(Field(_("Immediate start requested"), _(
                "express request to start within the withdrawal period, received {medium} "
                "on {moment}", medium=_medium(event.body["medium"]),
                moment=fmt.moment(event.at, tz))))
    return blocks


def _medium(medium: str) -> str:
    return {"email": _("by e-mail"), "paper": _("on paper"), "sms": _("by text message"),
            "signature": _("with a signature")}.get(medium, medium)


def _timeline(session: Session, bill: Bill, tz: ZoneInfo) -> list[Block]:
    blocks: list[Block] = [Section(_("Course of the session"))]
    blocks.append(Field(_("Started at"), fmt.moment(session.started_at, tz)))
    for n, pause in enumerate(session.pauses, start=1):
        end = pause.end or session.stopped_at
        length = duration(int((end - pause.start).total_seconds())) if end else "—"
        blocks.append(Field(_("Pause {n}", n=n), _(
            "{start} to {end} ({duration})", start=fmt.moment(pause.start, tz),
            end=fmt.time_of_day(end, tz) or "—", duration=length)))
    for start, end in reviewed_pauses(session):
        blocks.append(Field(_("Not counted"), _(
            "{start} to {end}: inactivity reviewed as not worked",
            start=fmt.moment(start, tz), end=fmt.time_of_day(end, tz))))
    stop = fmt.moment(session.stopped_at, tz)
    if session.stopped_by:
        stop = f"{stop}, {fmt.label(session.stopped_by)}"
    blocks.append(Field(_("Stopped at"), stop))
    blocks.append(Field(_("Time worked"), duration(bill.worked_seconds)))
    blocks.append(Field(_("Time billed"), duration(bill.billed_seconds)))
    blocks.append(Para(bill.explanation))
    return blocks


def _lines(session: Session, bill: Bill, tz: ZoneInfo) -> list[Block]:
    blocks: list[Block] = [Section(_("Detail of the amount"))]
    for line in bill.lines:
        blocks.append(Amount(line.label, money(line.amount)))
    blocks.append(Amount(_("Total (excl. VAT = incl. VAT)"), money(bill.total), strong=True))
    blocks.append(Para(bill.vat_mention))
    if bill.credit is not None:
        blocks.append(Field(_("Prepaid credit used"), duration(bill.credit.covered_seconds)))
        blocks.append(Field(_("Prepaid credit left"), duration(bill.credit.remaining_seconds)))
    paid = Decimal(0)
    for event in session.events:
        if event.kind == "payment-recorded":
            amount = Decimal(event.body["amount"])
            paid += amount
            blocks.append(Amount(_("Payment received on {moment} ({method})",
                                   moment=fmt.moment(event.at, tz),
                                   method=fmt.label(event.body["method"])), money(-amount)))
    if paid:
        blocks.append(Amount(_("Left to pay"), money(max(Decimal(0), bill.total - paid)),
                             strong=True))
    return blocks


def _confidentiality(session: Session, policy: Policy, tz: ZoneInfo) -> list[Block]:
    from sessiond.compliance import INFO

    articles = sorted({policy.rules[r].article for r, info in INFO.items()
                       if info.confidentiality and r in policy.rules})
    cited = _(" (art. {articles})", articles=", ".join(articles)) if articles else ""
    blocks: list[Block] = [Section(_("Confidentiality"))]
    artifacts = [e for e in session.events if e.kind == "artifact-recorded"]
    if not artifacts:
        # Printed only because the log supports it: no artifact event in this session.
        blocks.append(Para(_("No screen capture, no file kept{cited}.", cited=cited)))
    else:
        blocks.append(Para(_("Kept during the session{cited}:", cited=cited)))
        for event in artifacts:
            request = _personal(event, "client_request")
            said = (_("at the client's request: \u00ab {request} \u00bb", request=request)
                    if request else _("WITHOUT a documented request from the client"))
            kind = event.body["artifact"]
            what = _("other item") if kind == "other" else fmt.label(kind)
            blocks.append(Field(what, f"{fmt.moment(event.at, tz)}, {said}"))
    blocks.append(Para(_("sessiond records no screen content, keystroke or file content: "
                         "only the facts above (times, consent, outcome).")))
    return blocks


def _compliance(compliance: Compliance) -> list[Block]:
    if not compliance.checked:
        return []
    blocks: list[Block] = [Section(_("Compliance with the terms"))]
    if not compliance.findings:
        blocks.append(Para(_("No finding: the session kept the terms applied.")))
    for finding in compliance.findings:
        blocks.append(Field(_("{severity} (art. {article})", severity=fmt.label(
            finding.severity), article=finding.article), finding.message))
    return blocks


def _seal(seal: Seal) -> list[Block]:
    return [
        Section(_("How to verify this document")),
        Para(_("The technician's log is hash-chained and signed (Ed25519). The checkpoint "
               "below proves that the log holds this session, unchanged, as it was when "
               "this document was issued: keep this document. Check it with "
               "sessiond verify --receipt FILE.")),
        Field(_("Signing key fingerprint"), seal.fingerprint),
        Field(_("Public signing key"), seal.public_key),
        Code(seal.proof.text()),
        Code(seal.checkpoint.text()),
    ]
