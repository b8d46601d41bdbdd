"""The client's receipt ("relevé d'intervention"): a supporting document that anchors the log.

What it states comes from the log only (exports.receipt_data): the technician's identity
(config), the client, the date, mode and tool, consent, start, pauses and stop, worked and
billed time with the tranche explanation, the bill's lines and total with the VAT
mention, what the log says about confidentiality, the remote connection the tool's log
shows, and the seal. It contains what a "note" for a service must hold (arrêté 83-50/A:
date, provider's name and address, client's name, date and place of the service, detail
and total) and the micro-entrepreneur's mentions (name with "EI", SIREN/SIRET, "TVA non
applicable, art. 293 B du CGI"). It never states the technician's compliance findings:
those go in his own report (exports.report). It is not an invoice.

Numbers: YEAR-NNNN, continuous per local year, given only when `[technician]` is complete
and valid (config.technician_problems). Issuing appends a `receipt-issued` event (its
number, the number it replaces, the seq its checkpoint signs, the digest of the session's
events and the digest of the signed data) and signs the checkpoint that covers it, in one
transaction, so the series has no gap. Issuing again for a session that has not changed
since (no event of it after its last receipt) appends nothing: the same number, the same
data, the same files. A session that changed (a payment, a correction...) gets the next
number, and its receipt states the number it replaces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sessiond import clock, labels
from sessiond.audit.canonical import canonical
from sessiond.audit.checkpoint import Checkpoint
from sessiond.compliance.findings import Finding
from sessiond.config import technician_problems
from sessiond.errors import InputError
from sessiond.exports import fmt
from sessiond.exports.files import refuse_target, write_private_file
from sessiond.exports.issue import consistent
from sessiond.exports.layout import Block, render_text
from sessiond.exports.proof import EventsProof, Scope, make_proof
from sessiond.exports.receipt_data import (
    Data,
    Facts,
    default_name,
    file_base,
    receipt_blocks,
    receipt_data,
)
from sessiond.exports.signed import (
    DATA_SUFFIX,
    KEY_SUFFIX,
    SIGNATURE_SUFFIX,
    armour,
    public_key_pem,
    sha256,
)
from sessiond.exports.sources import Ledger
from sessiond.i18n import _
from sessiond.i18n.plural import n_
from sessiond.model import Session, State
from sessiond.sessions import Sessiond
from sessiond.store.sqlite import Store, StoredEvent


@dataclass(frozen=True)
class ReceiptResult:
    pdf: Path
    text: Path
    number: str
    replaces: str | None
    session_id: str
    event_seq: int  # the receipt-issued event
    checkpoint: Checkpoint
    proof: EventsProof
    total: Decimal
    warnings: tuple[str, ...]  # for the technician (never printed on the receipt)
    reused: bool  # the session had not changed: its earlier receipt, written again
    data: Data


def require_identity(svc: Sessiond) -> None:
    """Refuse to number a receipt while `[technician]` is incomplete (exit 2, naming what
    to fill)."""
    problems = technician_problems(svc.config.technician)
    if problems:
        raise InputError(_(
            "A receipt is numbered only once your identity is complete. Under [technician] "
            "in {path}, fill in: {fields}.", path=svc.paths.config_file,
            fields="; ".join(f"{p.field} — {p.message}" for p in problems)))


def issue_receipt(service: Sessiond, session_id: str, out: Path | None = None, *,
                  now: datetime | None = None) -> ReceiptResult:
    """Issue (or issue again) the receipt of a finished session: event, checkpoint, files."""
    svc = service
    svc.session(session_id)  # an unknown id is refused before anything else
    require_identity(svc)
    for path in paths(out, "0000", session_id):  # the number changes the name, not the place
        refuse_target(path)
    now = now or clock.now()
    scope = Scope.session(session_id)
    loaded = [Ledger(svc, now)]  # read once for the warnings and the first attempt
    warnings = receipt_warnings(svc, session_id, now, loaded[0])
    previous = last_receipt(svc.store, session_id)
    if previous is not None and not changed_since(svc, session_id, previous):
        again = _reissue(svc, previous, now)
        if again is not None:
            data, raw, checkpoint, proof = again
            return _write(svc, data, raw, checkpoint, proof, out, warnings, reused=True)

    def build() -> Facts:
        # A later attempt (the log changed meanwhile) reads the log again.
        return receipt_facts(svc, session_id, now, ledger=loaded.pop() if loaded else None)

    with consistent(svc, scope, build) as (w, facts, proof):
        number = next_number(svc.store, now, svc)
        replaces = receipt_number(svc.store, previous, svc) if previous is not None else None
        issued_at = clock.whole_second(now)
        data = _data(svc, facts, number=number, replaces=replaces, issued_at=issued_at,
                     event_seq=proof.upto, proof=proof)
        raw = canonical(data)
        stored = svc.record_receipt(w, session_id=session_id, checkpoint_seq=proof.upto,
                                    digest=proof.digest, number=number, replaces=replaces,
                                    data_digest=sha256(raw), total=facts.bill.total,
                                    at=issued_at)
        assert stored.seq == proof.upto
        checkpoint = svc.sign_checkpoint(w, "receipt")
    return _write(svc, data, raw, checkpoint, proof, out, warnings, reused=False)


def receipt_facts(svc: Sessiond, session_id: str, now: datetime,
                  upto: int | None = None, *, ledger: Ledger | None = None) -> Facts:
    """The projections a receipt states, as the log stands (or stood before `upto`)."""
    ledger = ledger or Ledger(svc, now, upto)
    session = ledger.session(session_id)
    check_issuable(session)
    try:
        bill = ledger.bill(session)
    except InputError as e:
        raise InputError(_("The receipt of session {session} cannot be issued: {problem}",
                           session=session_id, problem=e.message)) from e
    count, hex_digest = ledger.covered([session.id])
    # The client the session counts for, as on its invoice: a duplicate merged away is
    # not the client's reference any more.
    client = ledger.clients[ledger.canonical(session.client_id)]
    return Facts(session, client, ledger.policy(session.policy),
                 bill, (1, count, hex_digest), tuple(ledger.duplicates(session)))


def check_issuable(session: Session) -> None:
    if session.state is State.STOPPED:
        return
    if session.state is State.PLANNED and any(e.kind == "fee-added" for e in session.events):
        return  # a no-show or a late cancellation: the fee is what the receipt shows
    if session.state is State.CANCELLED:
        raise InputError(_("Session {session} was cancelled: it gets no receipt.",
                           session=session.id))
    raise InputError(_("Session {session} is not finished ({state}): stop it first "
                       "(sessiond stop {session}), then issue its receipt.",
                       session=session.id, state=fmt.label(session.state.value)))


def compliance_errors(svc: Sessiond, session_id: str,
                      now: datetime | None = None) -> list[Finding]:
    """The session's error findings, checked now: what the technician is warned of before
    a receipt is issued (the receipt itself never shows them)."""
    return _errors(Ledger(svc, now or clock.now()), session_id)


def _errors(ledger: Ledger, session_id: str) -> list[Finding]:
    compliance = ledger.compliance(ledger.session(session_id), fresh=True)
    # This very document is the receipt the receipt-issued rule asks for.
    return [f for f in compliance.without("receipt-issued").findings
            if f.severity == "error"]


def receipt_warnings(svc: Sessiond, session_id: str, now: datetime,
                     ledger: Ledger | None = None) -> tuple[str, ...]:
    found = []
    ledger = ledger or Ledger(svc, now)
    errors = _errors(ledger, session_id)
    if errors:
        found.append(_(
            "Session {session} has {count} ({rules}): the receipt does "
            "not show them. Your report: sessiond check {session} --pdf FILE.",
            session=session_id,
            count=n_(len(errors), "{n} compliance error", "{n} compliance errors"),
            rules=", ".join(dict.fromkeys(labels.rule(f.rule) for f in errors))))
    bill, _problem = ledger.try_bill(ledger.session(session_id))
    if bill is not None:
        found.extend(bill.warnings)
    return tuple(found)


# --- numbers ---------------------------------------------------------------------------


def last_receipt(store: Store, session_id: str) -> StoredEvent | None:
    rows = [r for r in store.session_events(session_id) if r.kind == "receipt-issued"]
    return rows[-1] if rows else None


def changed_since(svc: Sessiond, session_id: str, receipt: StoredEvent) -> bool:
    """Whether the session has an event after `receipt` other than receipts, or a session
    cancelled as its duplicate has one (its cancellation, a connection matched to it):
    what the tool logged in a duplicate is the session's connection, which the receipt
    states."""
    rows = svc.store.session_events(session_id)
    if any(r.seq > receipt.seq and r.kind != "receipt-issued" for r in rows):
        # An instant amended, then back to where it stood, or a session moved and back
        # (undone_corrections), leaves the session as the receipt states it: issued
        # again, it keeps its number.
        from sessiond.model import undone_corrections

        undone = undone_corrections(svc.session_events(session_id), receipt.seq)
        if any(r.seq > receipt.seq and r.kind != "receipt-issued" and r.seq not in undone
               for r in rows):
            return True
    session = svc.session(session_id)
    return any(e.seq > receipt.seq for d in svc.duplicates_of(session) for e in d.events)


def _year_bounds(year: int, svc: Sessiond) -> tuple[str, str]:
    start = datetime(year, 1, 1, tzinfo=svc.tz)
    end = datetime(year + 1, 1, 1, tzinfo=svc.tz)
    return clock.to_text(start), clock.to_text(end)


def next_number(store: Store, now: datetime, svc: Sessiond) -> str:
    """YEAR-NNNN: one more than the receipts issued in the local year of `now`."""
    year = now.astimezone(svc.tz).year
    earlier = store.events_of_kind_between(("receipt-issued",), *_year_bounds(year, svc))
    return f"{year}-{len(earlier) + 1:04d}"


def receipt_number(store: Store, receipt: StoredEvent, svc: Sessiond) -> str:
    """The number of a `receipt-issued` event (its rank in its year, for the events
    recorded before numbers were stored)."""
    number = receipt.body_fields().get("number")
    if isinstance(number, str):
        return number
    year = clock.from_text(receipt.at).astimezone(svc.tz).year
    earlier = store.events_of_kind_between(("receipt-issued",), *_year_bounds(year, svc))
    rank = next((n for n, r in enumerate(earlier, start=1) if r.seq == receipt.seq),
                len(earlier))
    return f"{year}-{rank:04d}"


def numbers_of(store: Store, svc: Sessiond, session_ids: set[str] | None = None
               ) -> dict[str, list[str]]:
    """Receipt numbers by session, in the order they were issued."""
    by_year: dict[int, int] = {}
    found: dict[str, list[str]] = {}
    for row in store.events_of_kind("receipt-issued"):
        year = clock.from_text(row.at).astimezone(svc.tz).year
        by_year[year] = by_year.get(year, 0) + 1
        if row.session_id is None or (session_ids is not None
                                      and row.session_id not in session_ids):
            continue
        number = row.body_fields().get("number")
        found.setdefault(row.session_id, []).append(
            number if isinstance(number, str) else f"{year}-{by_year[year]:04d}")
    return found


# --- data and files --------------------------------------------------------------------


def _data(svc: Sessiond, facts: Facts, *, number: str, replaces: str | None,
          issued_at: datetime, event_seq: int, proof: EventsProof) -> Data:
    return receipt_data(facts, number=number, replaces=replaces, issued_at=issued_at,
                        event_seq=event_seq, events_line=proof.text(),
                        technician=svc.config.technician, tz=svc.tz,
                        fingerprint=svc.keyring.fingerprint,
                        public_key=public_key_pem(svc.keyring.public_raw))


def rebuild(svc: Sessiond, receipt: StoredEvent, now: datetime | None = None
            ) -> tuple[Data, bytes, EventsProof] | None:
    """The data of an issued receipt, computed again from the log as it stood then (None
    when that event carries no session)."""
    if receipt.session_id is None:
        return None
    body = receipt.body_fields()
    proof = make_proof(svc.store, Scope.session(receipt.session_id), receipt.seq)
    facts = receipt_facts(svc, receipt.session_id, now or clock.now(), upto=receipt.seq)
    data = _data(svc, facts, number=receipt_number(svc.store, receipt, svc),
                 replaces=body.get("replaces"), issued_at=clock.from_text(receipt.at),
                 event_seq=receipt.seq, proof=proof)
    return data, canonical(data), proof


def as_now(svc: Sessiond, receipt: StoredEvent, now: datetime | None = None) -> Data:
    """The data an issued receipt would hold if the log as it stands now were its source
    (its number, date and seal unchanged): what a session corrected since would state.
    InputError when the session cannot have a receipt now (reopened, cancelled)."""
    assert receipt.session_id is not None
    body = receipt.body_fields()
    now = now or clock.now()
    proof = make_proof(svc.store, Scope.session(receipt.session_id), receipt.seq)
    facts = receipt_facts(svc, receipt.session_id, now)
    return _data(svc, facts, number=receipt_number(svc.store, receipt, svc),
                 replaces=body.get("replaces"), issued_at=clock.from_text(receipt.at),
                 event_seq=receipt.seq, proof=proof)


def repriced(svc: Sessiond, receipt: StoredEvent, data: Data, now: datetime) -> bool:
    """Whether the log now prices the session otherwise than `data` (what `receipt`
    stated). A correction outside the session's own events reprices it (a duplicate
    client merged with an earlier intervention takes the new-client discount away, a
    package withdrawn takes the credit): the session's events alone do not tell."""
    try:
        current = as_now(svc, receipt, now)
    except InputError:
        return True
    return priced(current) != priced(data)


PRICE = ("total", "credit_used_seconds", "credit_left_seconds", "left_to_pay",
         "paid_beyond")


def priced(data: Mapping[str, Any]) -> dict[str, Any]:
    """What a receipt's data says of the price, in numbers: the billed time, each line's
    amount, the total, the credit, what is left to pay. Words are left out (labels, the
    explanation): another version of sessiond may word them otherwise, which corrects
    nothing; so are names and identity, which change only with an event of the session
    or by no correction at all (an erasure, the technician's new address)."""
    bill: Mapping[str, Any] = data["bill"] if isinstance(data.get("bill"), dict) else {}
    times: Mapping[str, Any] = data["times"] if isinstance(data.get("times"), dict) else {}
    lines: list[Any] = bill["lines"] if isinstance(bill.get("lines"), list) else []
    return {"bill": {**{key: bill.get(key) for key in PRICE},
                     "lines": [line.get("amount") if isinstance(line, dict) else line
                               for line in lines]},
            "times": {"billed_seconds": times.get("billed_seconds")}}


def _reissue(svc: Sessiond, receipt: StoredEvent, now: datetime
             ) -> tuple[Data, bytes, Checkpoint, EventsProof] | None:
    """The earlier receipt exactly as it was issued, or None when it cannot be made again
    identical (issued before receipts carried data, or its terms or the technician's
    identity changed since): then a new number replaces it."""
    body = receipt.body_fields()
    if not body.get("data_digest"):
        return None
    try:
        rebuilt = rebuild(svc, receipt, now)
    except InputError:
        return None
    if rebuilt is None:
        return None
    data, raw, proof = rebuilt
    if sha256(raw) != body["data_digest"] or proof.digest != body.get("digest"):
        return None
    if repriced(svc, receipt, data, now):
        return None
    checkpoint = svc.store.checkpoint_of(receipt.seq, receipt.hash)
    return (data, raw, checkpoint, proof) if checkpoint is not None else None


def paths(out: Path | None, number: str, session_id: str) -> tuple[Path, Path]:
    name = default_name(number, session_id)
    if out is None:
        base = Path.cwd() / name
    else:
        out = out.expanduser()
        base = out / name if out.is_dir() else (
            out.with_suffix("") if out.suffix.lower() in (".pdf", ".txt") else out)
    return base.with_name(base.name + ".pdf"), base.with_name(base.name + ".txt")


def render_receipt(svc: Sessiond, data: Data, raw: bytes, checkpoint: Checkpoint
                   ) -> tuple[bytes, bytes]:
    """The PDF (with the signed data, its signature and the public key attached) and the
    text copy (the data and signature armoured after the visible text)."""
    from sessiond.exports.pdf import Attachment, render_pdf  # fpdf2: only for a PDF

    blocks = receipt_blocks(data, checkpoint.text())
    signature = svc.keyring.signing_key.sign(raw)
    base = file_base(data["number"])
    pem = ("\n".join(data["seal"]["public_key"]) + "\n").encode("ascii")
    issued = datetime.fromisoformat(data["issued_at"])
    technician = svc.config.technician
    pdf = render_pdf(
        blocks, title=_("Service record no. {number}", number=data["number"]),
        author=technician.name or "sessiond",
        keywords=f"{checkpoint.text()} {data['seal']['events']}",
        footer=_("Service record no. {number} — session {session}", number=data["number"],
                 session=data["session"]),
        created=issued,
        attachments=(
            Attachment(base + DATA_SUFFIX, raw, _("The data of this record, signed"),
                       "application/json"),
            Attachment(base + SIGNATURE_SUFFIX, signature, _("Ed25519 signature of the data")),
            Attachment(base + KEY_SUFFIX, pem, _("The technician's public key"),
                       "application/x-pem-file"),
        ))
    return pdf, text_copy(blocks, raw, signature)


def text_copy(blocks: Sequence[Block], raw: bytes, signature: bytes) -> bytes:
    """The text copy of a receipt: its blocks laid out as text, then its data armoured
    (verify knows an untouched copy by it)."""
    return (render_text(blocks) + armour(raw, signature)).encode("utf-8")


def _write(svc: Sessiond, data: Data, raw: bytes, checkpoint: Checkpoint, proof: EventsProof,
           out: Path | None, warnings: tuple[str, ...], *, reused: bool) -> ReceiptResult:
    pdf, text = render_receipt(svc, data, raw, checkpoint)
    pdf_path, text_path = paths(out, data["number"], data["session"])
    write_private_file(pdf_path, pdf)
    write_private_file(text_path, text)
    return ReceiptResult(pdf_path, text_path, data["number"], data["replaces"],
                         data["session"], data["event"], checkpoint, proof,
                         Decimal(data["bill"]["total"]), warnings, reused, data)


def summary(result: ReceiptResult) -> dict[str, Any]:
    return {"session": result.session_id, "number": result.number,
            "replaces": result.replaces, "reused": result.reused, "pdf": str(result.pdf),
            "text": str(result.text), "total": str(result.total), "event": result.event_seq,
            "checkpoint": result.checkpoint.text(), "events": result.proof.text(),
            "warnings": list(result.warnings)}
