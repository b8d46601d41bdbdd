"""What a receipt states, as data, and the blocks that state it.

The receipt is built in two steps: `receipt_data` takes the facts of the log (the session
as its corrections leave it, its bill, the client, the terms) and returns everything the
receipt states as plain JSON values (amounts as decimal strings, instants in ISO 8601 with
the local offset, allow-list values as they are stored); `receipt_blocks` lays that data
out in the data's language. The data is what is signed and embedded; verifying a receipt
re-renders the blocks from it and compares them with the visible text, block by block,
each block naming the field it states.

The receipt states facts only: identity, consent, times, work, bill, the confidentiality
statements that are true of the log, the remote connection the tool's log shows. The
technician's compliance findings and hints belong to his own report (exports.report).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from sessiond import clock
from sessiond.billing import Bill
from sessiond.billing.text import duration, money
from sessiond.billing.worked import reviewed_pauses
from sessiond.config import Technician
from sessiond.exports import evidence, fmt
from sessiond.exports.layout import (
    Amount,
    Block,
    Code,
    Field,
    Para,
    Section,
    Title,
    machine_lines,
)
from sessiond.i18n import _, language, set_language
from sessiond.law.sole_trader import with_mention
from sessiond.model import MONEY_KINDS, Client, Event, Session, signed_amount
from sessiond.policy import Policy

FORMAT = "sessiond-receipt"
# The layout and wording of the visible text the data is rendered to. `verify --receipt`
# compares a receipt's text with the rendering of its version only: bump it whenever a
# block, a label or a French word of the receipt changes (tests/unit/test_receipt_layout.py
# pins the rendering, and fails until it is bumped). 2: the name with its "EI" mention once.
# 3: what was paid beyond the amount due, when it was. 4: an instant in the hour the clocks
# go back, where the same wall time comes twice, carries its UTC offset.
VERSION = 4
# The versions this code lays out as they were: a receipt of one of them has its visible
# text checked (a 3 differs from a 4 only in that hour, where it states no offset).
LAID_OUT = (3, 4)

Data = dict[str, Any]


@dataclass(frozen=True)
class Facts:
    """The projections a receipt is computed from (as the log stood when it was issued)."""

    session: Session
    client: Client
    policy: Policy
    bill: Bill
    covered: tuple[int, int, str]  # (sessions, events, digest) for issue.consistent
    duplicates: tuple[Session, ...] = ()  # cancelled as duplicates of `session`


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Render in `lang` (a receipt is verified in the language it was issued in)."""
    before = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def file_base(number: str) -> str:
    """releve-2026-0001: the stem of the files attached to receipt `number`."""
    return f"{_('receipt')}-{number}"


def default_name(number: str, session_id: str) -> str:
    return f"{file_base(number)}-{session_id}"


# --- the data --------------------------------------------------------------------------


def receipt_data(facts: Facts, *, number: str, replaces: str | None, issued_at: datetime,
                 event_seq: int, events_line: str, technician: Technician, tz: ZoneInfo,
                 fingerprint: str, public_key: tuple[str, ...]) -> Data:
    session, bill = facts.session, facts.bill

    def iso(instant: datetime | None) -> str | None:
        return clock.local_iso(instant, tz) if instant is not None else None

    planned = session.events[0]
    problems = list(planned.personal.get("problems", []) if planned.personal else [])
    outcomes = {e.body["problem"]: e.body["result"] for e in session.events
                if e.kind == "outcome-recorded"}
    when = session.service_at
    document = facts.policy.document
    start = next((e for e in session.events if e.kind == "session-started"), None)
    # a refund is a payment of a negative amount (receipts without one read as before)
    payments = [{"at": iso(e.at), "method": e.body["method"], "amount": str(signed_amount(e))}
                for e in session.events if e.kind in MONEY_KINDS]
    paid = session.paid
    return {
        "format": FORMAT,
        "version": VERSION,
        "language": language(),
        "timezone": tz.key,
        "number": number,
        "replaces": replaces,
        "issued_at": iso(issued_at),
        "session": session.id,
        "event": event_seq,
        "technician": {"name": technician.name, "trade_name": technician.trade_name,
                       "siret": "".join(technician.siret.split()).replace(".", ""),
                       "address": technician.address, "email": technician.email,
                       "phone": technician.phone},
        "client": {"id": facts.client.id, "name": facts.client.name,
                   "status": facts.client.status},
        "intervention": {
            "date": when.astimezone(tz).date().isoformat(),
            "mode": session.mode, "tool": session.tool, "client_os": session.client_os,
            "terms": {"name": document.name, "business": document.business,
                      "date": document.date.isoformat() if document.date else None},
            "problems": [{"text": str(p), "outcome": outcomes.get(n)}
                         for n, p in enumerate(problems, start=1)],
        },
        "consent": {
            "given": [{"channel": c.channel, "at": iso(c.at), "by": c.by}
                      for c in session.consents],
            "without_consent_reason": (_personal(start, "reason") or "—")
            if start is not None and start.body.get("without_consent") else None,
            "quotes": [{"how": e.body["how"], "at": iso(e.at), "by": _personal(e, "by")}
                       for e in session.events if e.kind == "quote-accepted"],
            "waivers": [{"medium": e.body["medium"], "at": iso(e.at)}
                        for e in session.events if e.kind == "withdrawal-waiver"],
        },
        # accepted, closings applied, its duplicates' too
        "connections": evidence.connections(session, tz, facts.duplicates),
        "times": {
            "start": iso(session.started_at),
            "pauses": [_pause(p.start, p.end or session.stopped_at, tz)
                       for p in session.pauses],
            "not_counted": [{"start": iso(s), "end": iso(e)}
                            for s, e in reviewed_pauses(session)],
            "stop": iso(session.stopped_at),
            "stopped_by": session.stopped_by,
            "worked_seconds": bill.worked_seconds,
            "billed_seconds": bill.billed_seconds,
            "explanation": bill.explanation,
        },
        "bill": {
            "lines": [{"label": line.label, "amount": _amount(line.amount)}
                      for line in bill.lines],
            "total": _amount(bill.total),
            "vat_mention": bill.vat_mention,
            "credit_used_seconds": bill.credit.covered_seconds if bill.credit else None,
            "credit_left_seconds": bill.credit.remaining_seconds if bill.credit else None,
            "payments": payments,
            "left_to_pay": _amount(max(Decimal(0), bill.total - paid)) if payments else None,
            # Paid beyond the amount due: what the technician owes back, said to the client.
            "paid_beyond": _amount(paid - bill.total) if payments and paid > bill.total
            else None,
        },
        "confidentiality": {
            "articles": _confidentiality_articles(facts.policy),
            "artifacts": [{"kind": e.body["artifact"], "at": iso(e.at),
                           "client_request": _personal(e, "client_request")}
                          for e in session.events if e.kind == "artifact-recorded"],
        },
        "seal": {"key_fingerprint": fingerprint, "public_key": list(public_key),
                 "events": events_line},
    }


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _personal(event: Event | None, name: str) -> str | None:
    if event is None:
        return None
    value = event.personal.get(name) if event.personal else None
    return str(value) if value else None


def _pause(start: datetime, end: datetime | None, tz: ZoneInfo) -> dict[str, Any]:
    return {"start": clock.local_iso(start, tz),
            "end": clock.local_iso(end, tz) if end is not None else None,
            "seconds": int((end - start).total_seconds()) if end is not None else None}


def _confidentiality_articles(policy: Policy) -> list[str]:
    from sessiond.compliance import INFO

    return sorted({policy.rules[r].article for r, info in INFO.items()
                   if info.confidentiality and r in policy.rules})


# --- the blocks ------------------------------------------------------------------------


def receipt_blocks(data: Mapping[str, Any], checkpoint: str | None) -> list[Block]:
    """The receipt laid out from its data, in the current language (see `speaking`).

    `checkpoint` is the signed checkpoint's line (not part of the data: it is signed after
    the receipt's event, which holds the data's digest)."""
    tz = _Wall(ZoneInfo(data["timezone"]), offsets=data.get("version") != 3)
    blocks: list[Block] = [Title(
        _("Service record"),
        _("Supporting document no. {number}, issued on {moment}", number=data["number"],
          moment=_moment(data["issued_at"], tz)), key="number")]
    if data.get("replaces"):
        blocks.append(Para(_("This record replaces record no. {number}: the session's "
                             "record changed after it was issued.", number=data["replaces"]),
                           strong=True, key="replaces"))
    blocks += _technician(data["technician"])
    blocks += _client(data["client"])
    blocks += _intervention(data, tz)
    blocks += _consent(data["consent"], tz)
    blocks += _connections(data["connections"], tz)
    blocks += _timeline(data["times"], tz)
    blocks += _lines(data["bill"], tz)
    blocks += _confidentiality(data["confidentiality"], tz)
    blocks += _seal(data, checkpoint)
    return blocks


def _when(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class _Wall(NamedTuple):
    """How a receipt's instants are written: in its zone, and from layout 4 with their
    offset in the hour the clocks go back (a pause "02:40 to 02:05" otherwise)."""

    zone: ZoneInfo
    offsets: bool


def _moment(text: str | None, tz: _Wall) -> str:
    return fmt.moment(_when(text), tz.zone, offsets=tz.offsets)


def _time(text: str | None, tz: _Wall) -> str:
    return fmt.time_of_day(_when(text), tz.zone, offsets=tz.offsets) or "—"


def identity_line(siret: str) -> str:
    if len(siret) == 14 and siret.isdigit():
        return (f"SIREN {siret[:3]} {siret[3:6]} {siret[6:9]} — SIRET {siret[:3]} "
                f"{siret[3:6]} {siret[6:9]} {siret[9:]}")
    if len(siret) == 9 and siret.isdigit():
        return f"SIREN {siret[:3]} {siret[3:6]} {siret[6:9]}"
    return f"SIRET {siret}" if siret else "—"


def _technician(t: Mapping[str, Any]) -> list[Block]:
    blocks: list[Block] = [
        Section(_("Service provider")),
        Field(_("Full name"), with_mention(t["name"]) or "—", key="technician.name"),
    ]
    if t["trade_name"]:
        blocks.append(Field(_("Trade name"), t["trade_name"], key="technician.trade_name"))
    blocks.append(Field(_("Registration"), identity_line(t["siret"]), key="technician.siret"))
    blocks.append(Field(_("Postal address"), t["address"] or "—", key="technician.address"))
    contact = " — ".join(v for v in (t["email"], t["phone"]) if v)
    if contact:
        blocks.append(Field(_("Contact details"), contact, key="technician.email"))
    return blocks


def _client(c: Mapping[str, Any]) -> list[Block]:
    return [
        Section(_("The client")),
        Field(_("Full name"), c["name"] if c["name"] is not None else _("(client erased)"),
              key="client.name"),
        Field(_("Client reference"), c["id"], key="client.id"),
        Field(_("Client status"), fmt.label(c["status"]), key="client.status"),
    ]


def _intervention(data: Mapping[str, Any], tz: _Wall) -> list[Block]:
    i = data["intervention"]
    how = fmt.label(i["mode"])
    if i["tool"]:
        how = f"{how} ({fmt.label(i['tool'])})"
    blocks: list[Block] = [
        Section(_("The intervention")),
        Field(_("Session reference"), data["session"], key="session"),
        Field(_("Date of the intervention"), fmt.day(date.fromisoformat(i["date"])),
              key="intervention.date"),
        Field(_("Mode and place"), how, key="intervention.mode"),
    ]
    if i["client_os"]:
        blocks.append(Field(_("Client's system"), fmt.label(i["client_os"]),
                            key="intervention.client_os"))
    terms = i["terms"]["name"] + " — " + i["terms"]["business"]
    if i["terms"]["date"]:
        terms += " — " + fmt.day(date.fromisoformat(i["terms"]["date"]))
    blocks.append(Field(_("Terms applied"), terms, key="intervention.terms"))
    for n, problem in enumerate(i["problems"], start=1):
        text = problem["text"]
        if problem["outcome"]:
            text = f"{text} — {fmt.label(problem['outcome'])}"
        blocks.append(Field(_("Problem {n}", n=n), text, key=f"intervention.problems[{n}]"))
    return blocks


def _consent(c: Mapping[str, Any], tz: _Wall) -> list[Block]:
    blocks: list[Block] = [Section(_("Client's consent"))]
    for n, consent in enumerate(c["given"], start=1):
        blocks.append(Field(_("Consent given"), _(
            "{channel}, on {moment}, by {by}", channel=fmt.label(consent["channel"]),
            moment=_moment(consent["at"], tz), by=consent["by"] or "—"),
            key=f"consent.given[{n}]"))
    if not c["given"]:
        blocks.append(Para(_("No consent is on record for this session."), key="consent"))
    if c["without_consent_reason"] is not None:
        blocks.append(Para(_("Started without consent on record; reason given: {reason}",
                             reason=c["without_consent_reason"]), strong=True,
                           key="consent.without_consent_reason"))
    for n, quote in enumerate(c["quotes"], start=1):
        how = (_("handwritten signature") if quote["how"] == "handwritten"
               else _("electronic signature"))
        blocks.append(Field(_("Quote accepted"), _(
            "{how}, on {moment}, by {by}", how=how, moment=_moment(quote["at"], tz),
            by=quote["by"] or "—"), key=f"consent.quotes[{n}]"))
    for n, waiver in enumerate(c["waivers"], start=1):
        blocks.append(Field(_("Immediate start requested"), _(
            "express request to start within the withdrawal period, received {medium} "
            "on {moment}", medium=_medium(waiver["medium"]), moment=_moment(waiver["at"], tz)),
            key=f"consent.waivers[{n}]"))
    return blocks


def _medium(medium: str) -> str:
    return {"email": _("by e-mail"), "paper": _("on paper"), "sms": _("by text message"),
            "signature": _("with a signature")}.get(medium, medium)


def _connections(connections: list[Mapping[str, Any]], tz: _Wall) -> list[Block]:
    blocks: list[Block] = []
    for n, c in enumerate(connections, start=1):
        tool = fmt.label(c["tool"]) if c["tool"] else _("remote tool")
        if c["end"]:
            text = _("{tool} connection observed from {start} to {end}", tool=tool,
                     start=_moment(c["start"], tz), end=_time(c["end"], tz))
        else:
            text = _("{tool} connection observed from {start}, end not seen", tool=tool,
                     start=_moment(c["start"], tz))
        blocks.append(Field(_("Remote connection"), text, key=f"connections[{n}]"))
    return blocks


def _timeline(t: Mapping[str, Any], tz: _Wall) -> list[Block]:
    blocks: list[Block] = [Section(_("Course of the session"))]
    blocks.append(Field(_("Started at"), _moment(t["start"], tz), key="times.start"))
    for n, pause in enumerate(t["pauses"], start=1):
        length = duration(pause["seconds"]) if pause["seconds"] is not None else "—"
        blocks.append(Field(_("Pause {n}", n=n), _(
            "{start} to {end} ({duration})", start=_moment(pause["start"], tz),
            end=_time(pause["end"], tz), duration=length), key=f"times.pauses[{n}]"))
    for n, span in enumerate(t["not_counted"], start=1):
        blocks.append(Field(_("Not counted"), _(
            "{start} to {end}: inactivity reviewed as not worked",
            start=_moment(span["start"], tz), end=_time(span["end"], tz)),
            key=f"times.not_counted[{n}]"))
    stop = _moment(t["stop"], tz)
    if t["stopped_by"]:
        stop = f"{stop}, {fmt.label(t['stopped_by'])}"
    blocks.append(Field(_("Stopped at"), stop, key="times.stop"))
    blocks.append(Field(_("Time worked"), duration(t["worked_seconds"]),
                        key="times.worked_seconds"))
    blocks.append(Field(_("Time billed"), duration(t["billed_seconds"]),
                        key="times.billed_seconds"))
    blocks.append(Para(t["explanation"], key="times.explanation"))
    return blocks


def _lines(b: Mapping[str, Any], tz: _Wall) -> list[Block]:
    blocks: list[Block] = [Section(_("Detail of the amount"))]
    for n, line in enumerate(b["lines"], start=1):
        blocks.append(Amount(line["label"], money(Decimal(line["amount"])),
                             key=f"bill.lines[{n}]"))
    # A micro-entrepreneur charges no VAT: "Total HT = TTC" reads oddly to a client.
    blocks.append(Amount(_("Net amount due"), money(Decimal(b["total"])), strong=True,
                         key="bill.total"))
    blocks.append(Para(b["vat_mention"], key="bill.vat_mention"))
    if b["credit_used_seconds"] is not None:
        blocks.append(Field(_("Prepaid credit used"), duration(b["credit_used_seconds"]),
                            key="bill.credit_used_seconds"))
        blocks.append(Field(_("Prepaid credit left"), duration(b["credit_left_seconds"]),
                            key="bill.credit_left_seconds"))
    for n, payment in enumerate(b["payments"], start=1):
        amount = Decimal(payment["amount"])
        when, method = _moment(payment["at"], tz), fmt.label(payment["method"])
        said = (_("Payment received on {moment} ({method})", moment=when, method=method)
                if amount > 0 else _("Refunded on {moment} ({method})", moment=when,
                                     method=method))
        blocks.append(Amount(said, money(-amount), key=f"bill.payments[{n}]"))
    if b["left_to_pay"] is not None:
        blocks.append(Amount(_("Left to pay"), money(Decimal(b["left_to_pay"])), strong=True,
                             key="bill.left_to_pay"))
    if b.get("paid_beyond") is not None:
        blocks.append(Amount(_("Paid beyond the amount due (owed to the client)"),
                             money(Decimal(b["paid_beyond"])), strong=True,
                             key="bill.paid_beyond"))
    return blocks


def _confidentiality(c: Mapping[str, Any], tz: _Wall) -> list[Block]:
    articles = c["articles"]
    cited = _(" (art. {articles})", articles=", ".join(articles)) if articles else ""
    blocks: list[Block] = [Section(_("Confidentiality"))]
    if not c["artifacts"]:
        # Printed only because the log supports it: no artifact event in this session.
        blocks.append(Para(_("No screen capture, no file kept{cited}.", cited=cited),
                           key="confidentiality"))
    else:
        blocks.append(Para(_("Kept during the session{cited}:", cited=cited),
                           key="confidentiality"))
        for n, artifact in enumerate(c["artifacts"], start=1):
            request = artifact["client_request"]
            said = (_("at the client's request: \u00ab {request} \u00bb", request=request)
                    if request else _("WITHOUT a documented request from the client"))
            kind = artifact["kind"]
            what = _("other item") if kind == "other" else fmt.label(kind)
            blocks.append(Field(what, f"{_moment(artifact['at'], tz)}, {said}",
                                key=f"confidentiality.artifacts[{n}]"))
    blocks.append(Para(_("sessiond records no screen content, keystroke or file content: "
                         "only the facts above (times, consent, outcome).")))
    return blocks


def _seal(data: Mapping[str, Any], checkpoint: str | None) -> list[Block]:
    seal = data["seal"]
    base = file_base(data["number"])
    pdf = default_name(data["number"], data["session"]) + ".pdf"
    blocks: list[Block] = [
        Section(_("How to verify this document")),
        Para(_("Check this record without sessiond (poppler-utils and OpenSSL 3), in the "
               "folder of the PDF, with its name:")),
        Code((f"pdfdetach -saveall {pdf}",
              f"openssl pkeyutl -verify -pubin -inkey {base}.pem -rawin -in {base}.json "
              f"-sigfile {base}.sig"), key="seal"),
        Para(_("OpenSSL answers \u00ab Signature Verified Successfully \u00bb. {base}.json "
               "holds what this record states, signed by the technician; {base}.pem is his "
               "public key, printed below: compare its fingerprint with the one he gives "
               "you.", base=base)),
        Para(_("Signing key fingerprint")),
        Code((seal["key_fingerprint"],), key="seal.key_fingerprint"),
        Para(_("Public signing key")),
        Code(tuple(seal["public_key"]), key="seal.public_key"),
        Para(_("The lines below prove that the technician's log still holds this session, "
               "unchanged (sessiond verify --receipt FILE checks them).")),
        Code(machine_lines(seal["events"]), key="seal.events"),
    ]
    if checkpoint:
        blocks.append(Code(machine_lines(checkpoint), key="checkpoint"))
    return blocks
