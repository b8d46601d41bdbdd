"""What a document handed to `verify` is: a receipt, an export or its proof, an invoice,
a credit note, a compliance report.

A client or an accountant hands back whatever he has, and `verify --receipt` or
`verify --export` is often given the wrong one: an invoice for a receipt, the receipt
for the day's export. Each is recognised by what sessiond writes into it (its title on
the page and in its properties, its signed data, the header of its table, its proof
line), in either language, and refused saying what it is and how that document is
checked; "holds no sessiond checkpoint" left the reader with nothing to do, and a
receipt given as an export passed as one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sessiond.errors import InputError
from sessiond.exports.signed import Carried, pdf_start
from sessiond.i18n import _, one_line

RECEIPT, EXPORT, PROOF = "receipt", "export", "export-proof"
INVOICE, CREDIT_NOTE, REPORT = "invoice", "credit-note", "report"
LANGUAGES = ("fr", "en")
_HEAD = 400  # how far into a document its title is looked for
_NUMBER = r"(?P<number>[A-Za-z0-9][A-Za-z0-9/_.\-]{0,29})"
_SESSION = re.compile(r"\bs-[a-z0-9]{4,12}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Kind:
    kind: str  # RECEIPT, EXPORT, PROOF, INVOICE, CREDIT_NOTE or REPORT
    number: str | None = None  # an invoice's or a credit note's number
    session: str | None = None  # a report's session
    file: str | None = None  # the file an export's proof covers


def _speaking() -> Iterator[str]:
    from sessiond.exports.receipt_data import speaking

    for language in LANGUAGES:
        with speaking(language):
            yield language


def _squeezed(text: str) -> str:
    return "".join(text.split())


def receipt_title(text: str) -> bool:
    """Whether `text` begins as a receipt does, in either language."""
    head = _squeezed(text.lstrip()[:_HEAD]).casefold()
    return any(head.startswith(_squeezed(_("Service record")).casefold())
               for _language in _speaking())


def _titled(texts: list[str]) -> Kind | None:
    """An invoice, a credit note or a report, from the start of its page text or its
    Title property."""
    from sessiond.exports.invoice_doc import invoice_title
    from sessiond.exports.report import report_title

    shown = [t for t in texts if t]
    heads = [_squeezed(t.lstrip()[:_HEAD]) for t in shown]
    for _language in _speaking():
        for kind, credit in ((CREDIT_NOTE, True), (INVOICE, False)):
            before, _sep, after = invoice_title("\0", credit_note=credit).partition("\0")
            # Matched on the words as extracted (a line break may follow the number,
            # which squeezing would glue to it): "Facture n° F-2026-0001".
            title = re.compile(r"\s*".join(map(re.escape, before.split())) + r"\s*"
                               + _NUMBER + r"\s*" + r"\s*".join(map(re.escape, after.split()))
                               + r"(?!\S)")
            for text in shown:
                # The page opens with "Facture" then "Facture n° F-2026-0001".
                found = title.search(text.lstrip()[:160])
                if found:
                    return Kind(kind, number=found["number"])
        report = _squeezed(report_title()).casefold()
        for head, text in zip(heads, shown, strict=True):
            if head.casefold().startswith(report):
                session = _SESSION.search(text[:_HEAD])
                return Kind(REPORT, session=session.group().lower() if session else None)
    return None


def _export_table(raw: bytes) -> bool:
    """Whether `raw` is a table sessiond exports (CSV of a day, Kimai's, the livre des
    recettes, e-reporting; or the JSON export), whatever its language."""
    from sessiond.exports import book, ereporting, table
    from sessiond.exports.kimai import HEADER
    from sessiond.exports.signed import decode_text

    text = decode_text(raw[:64 * 1024]).lstrip()
    if text.startswith("{"):
        try:
            parsed = json.loads(decode_text(raw))
        except (ValueError, RecursionError):
            return False
        return isinstance(parsed, dict) and parsed.get("format") == "sessiond-export"
    first = text.split("\n", 1)[0]
    try:
        cells = [[c.strip() for c in row] for delimiter in (";", ",")
                 for row in csv.reader(io.StringIO(first), delimiter=delimiter)]
    except csv.Error:  # a field past the csv module's limit: no table of sessiond's
        return False
    headers = [list(HEADER)]
    for _language in _speaking():
        headers += [table.header(), book.header(), ereporting.header()]
    return any(row == header for row in cells for header in headers)


def _factur_x(raw: bytes) -> Kind | None:
    """The CII XML of a Factur-X invoice or credit note (its factur-x.xml, taken out of
    the PDF by an accountant's tool): its number and type code (facturx_xml)."""
    from sessiond.exports.facturx_xml import TYPE_CODES

    head = raw[:64 * 1024]
    if b"CrossIndustryInvoice" not in head:
        return None
    found = re.search(rb"<(?:\w+:)?ExchangedDocument>\s*<(?:\w+:)?ID>([^<]{1,30})</"
                      rb"(?:\w+:)?ID>\s*<(?:\w+:)?TypeCode>(\d{3})<", head)
    if found is None:
        return None
    kind = next((k for k, code in TYPE_CODES.items() if code.encode() == found[2]), None)
    number = found[1].decode("utf-8", errors="replace").strip()
    if kind is None or not re.fullmatch(_NUMBER, number):
        return None
    return Kind(CREDIT_NOTE if kind == "credit-note" else INVOICE, number=number)


def recognise(raw: bytes, carried: Carried) -> Kind | None:
    """What `raw` (read as `carried`) is, when it is one of sessiond's documents."""
    from sessiond.exports.receipt_data import FORMAT
    from sessiond.exports.sidecar import proof_file

    if carried.data is not None:
        try:
            data = json.loads(carried.data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            data = None
        if isinstance(data, dict) and data.get("format") == FORMAT:
            return Kind(RECEIPT)  # its signed data says so, whatever its page says
    if receipt_title(carried.text) or (carried.title is not None
                                       and receipt_title(carried.title)):
        return Kind(RECEIPT)
    titled = _titled([carried.text, carried.title or ""])
    if titled is not None:
        return titled
    if pdf_start(raw) >= 0:
        return None
    xml = _factur_x(raw)
    if xml is not None:
        return xml
    covered = proof_file(carried.text)
    if covered is not None:
        return Kind(PROOF, file=covered)
    if _export_table(raw):
        return Kind(EXPORT)
    return None


def refusal(path: str, kind: Kind, *, asked: str) -> InputError:
    """Why `path`, a document of `kind`, is not checked as the `asked` one (RECEIPT or
    EXPORT), and how it is checked."""
    from pathlib import Path

    covered = one_line(str(Path(path).with_name(kind.file))) if kind.file else ""
    path = one_line(path)
    what = {
        RECEIPT: lambda: _("a sessiond receipt"),
        EXPORT: lambda: _("a sessiond export"),
        PROOF: lambda: _("the proof of the export {file}", file=one_line(kind.file or "")),
        INVOICE: lambda: _("the invoice no. {number}", number=kind.number),
        CREDIT_NOTE: lambda: _("the credit note no. {number}", number=kind.number),
        REPORT: lambda: (_("the compliance report of session {session}", session=kind.session)
                         if kind.session else _("a compliance report")),
    }[kind.kind]()
    how = {
        RECEIPT: lambda: _("a receipt is checked with sessiond verify --receipt {path}",
                           path=path),
        EXPORT: lambda: _("an export is checked with sessiond verify --export {path}, its "
                          "proof (.proof) beside it", path=path),
        PROOF: lambda: _("an export is checked with sessiond verify --export {file}, this "
                         "proof beside it", file=covered),
        INVOICE: lambda: _(
            "an invoice carries no proof to check: it is checked by its number in the log's "
            "series (sessiond verify checks that the series has no gap and no number twice), "
            "and sessiond invoice show {number} writes it again from the log, to compare "
            "with this one", number=kind.number),
        CREDIT_NOTE: lambda: _(
            "a credit note carries no proof to check: it is checked by its number in the "
            "log's series (sessiond verify checks that the series has no gap and no number "
            "twice), and sessiond invoice show {number} writes it again from the log, to "
            "compare with this one", number=kind.number),
        REPORT: lambda: _(
            "a compliance report is the technician's own document and carries no proof: "
            "sessiond check {session} --pdf FILE writes it again from the log",
            session=kind.session or "SESSION"),
    }[kind.kind]()
    return InputError(_("{path} is {what}, not {asked}: {how}.", path=path, what=what,
                        asked=_("a receipt") if asked == RECEIPT else _("an export"),
                        how=how))
