"""The export files: CSV for a spreadsheet, JSON for other tools.

CSV (French): `;` separator, decimal comma, dates 22/11/2026 and date-times 22/11/2026
14:05, UTF-8 with a BOM (without it Excel reads UTF-8 as Windows-1252 and breaks the
accents), CRLF line ends. In English: `,`, a decimal point, ISO dates. One header row,
one row per session, and nothing after the table: the totals are in the command's output,
the JSON and the proof beside the file (sidecar), which also holds the signed checkpoint.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import Technician
from sessiond.exports import fmt
from sessiond.exports.jsonout import dumps_indented
from sessiond.exports.proof import EventsProof
from sessiond.exports.rows import Row, Totals, row_json, totals_json
from sessiond.i18n import _, language

FORMATS = ("csv", "json", "kimai", "book")


@dataclass(frozen=True)
class Seal:
    """What leaves the machine with a document: the signed checkpoint and what it covers."""

    checkpoint: Checkpoint
    proof: EventsProof
    fingerprint: str
    public_key: str  # raw Ed25519 public key, hex

    def checkpoint_json(self) -> dict[str, Any]:
        cp = self.checkpoint
        return {"seq": cp.seq, "hash": cp.hash, "at": cp.at, "key_id": cp.key_id,
                "signature": cp.signature, "text": cp.text(),
                "key_fingerprint": self.fingerprint, "public_key": self.public_key}

    def proof_json(self) -> dict[str, Any]:
        p = self.proof
        return {"scope": p.scope.text(), "upto": p.upto, "sessions": p.sessions,
                "events": p.events, "sha256": p.digest, "text": p.text()}


# What makes a spreadsheet read a cell as a formula. OWASP's CSV injection guidance: no
# cell may begin with = + - @, tab or carriage return, and one that does is prefixed with
# a single quote (Calc and Excel show the text without it). Tab, carriage return and line
# feed never begin a cell here: safe_line writes them out (\u0009, \u000d, \u000a), as it
# writes NUL and every other control. The rule is applied to the look-alikes too, as a
# rule and not a list: a cell is quoted when its first character, folded by NFKC, is one
# of = + - @ (the full-width ＝ ＋ － ＠ U+FF1D, U+FF0B, U+FF0D, U+FF20, the small forms
# U+FE62, U+FE63, U+FE66, U+FE6B, the superscript and subscript signs), or is the minus
# sign U+2212, which NFKC leaves but LibreOffice's formula parser reads as a minus. An
# import step that folds compatibility characters (NFKC is common in data pipelines, and
# a CJK locale's input method folds full-width signs) would otherwise turn the cell into
# a formula; a quote before a name that begins with such a sign costs nothing. Leading
# spaces do not hide a sign either: Calc's "trim spaces" import option removes them.
_FORMULA_SIGNS = frozenset("=+-@\u2212")


def formula_like(text: str) -> bool:
    """Whether a spreadsheet could read `text`, as a cell, as a formula (see above)."""
    import unicodedata

    first = text.lstrip()[:1]
    return bool(first) and (first in _FORMULA_SIGNS or unicodedata.normalize(
        "NFKC", first)[:1] in _FORMULA_SIGNS)


def cell(text: str) -> str:
    """Free text (a client's name) as a spreadsheet cell: never read as a formula, and
    with its control characters (escape sequences, bidi overrides) written out."""
    from sessiond.display import safe_line

    text = safe_line(text)
    return "'" + text if formula_like(text) else text


def header() -> list[str]:
    return [
        _("Day"), _("Session"), _("Client reference"), _("Client name"), _("Terms"),
        _("Session mode"), _("Start time"), _("End time"), _("Worked (h:mm)"),
        _("Worked (h)"), _("Billed (h:mm)"), _("Billed (h)"), _("Hourly rate (EUR)"),
        _("Discounts (EUR)"), _("Amount (EUR)"), _("Credit used (h)"), _("Receipts"),
        _("Invoice"), _("Paid (EUR)"), _("Payments"), _("Status"), _("Compliance status"),
        _("Remarks on the bill"),
    ]


def client_name(row: Row) -> str:
    return row.client_name if row.client_name is not None else _("(client erased)")


def payments_text(row: Row, tz: ZoneInfo) -> str:
    return " / ".join(_("{amount} {method} on {day}", amount=fmt.number(p.amount),
                        method=fmt.label(p.method), day=fmt.day(p.at.astimezone(tz).date()))
                      for p in row.payments)


def csv_row(row: Row, tz: ZoneInfo) -> list[str]:
    s = row.session
    return [
        fmt.day(row.day), s.id, row.client, cell(client_name(row)), s.policy,
        fmt.label(s.mode),
        fmt.moment(row.start, tz) if row.start else "",
        fmt.moment(row.end, tz) if row.end else "",
        fmt.h_mm(row.worked_minutes), fmt.number(row.worked_hours),
        fmt.h_mm(row.billed_minutes), fmt.number(row.billed_hours),
        fmt.number(row.rate) if row.rate is not None else "",
        fmt.number(row.discounts), fmt.number(row.amount), fmt.number(row.credit_hours),
        " / ".join(row.receipts), row.invoice or "", fmt.number(row.paid),
        payments_text(row, tz),
        row.status_text(), row.compliance_text(), cell(row.remarks()),
    ]


def render_csv(rows: Sequence[Row], tz: ZoneInfo) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if fmt.french() else ",", lineterminator="\r\n")
    writer.writerow(header())
    for row in rows:
        writer.writerow(csv_row(row, tz))
    return out.getvalue().encode("utf-8-sig")


def read_rows(raw: bytes) -> list[list[str]]:
    """An export's CSV as its rows of cells, however it was saved since (a byte order
    mark or not, line ends, UTF-16: signed.decode_text), its delimiter the one its header
    line uses most; blank lines left out."""
    from sessiond.exports.signed import decode_text

    text = decode_text(raw)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            if row]


def stated(raw: bytes) -> dict[str, tuple[str, Decimal]] | None:
    """What an export file (CSV or JSON, either language) states of each session: its
    client and its amount; None when it is neither. `verify --export` reads it once the
    file is known to be the one exported (its SHA-256), to compare with the log now."""
    from decimal import InvalidOperation

    from sessiond.exports.receipt_data import speaking
    from sessiond.exports.signed import decode_text

    text = decode_text(raw)
    found: dict[str, tuple[str, Decimal]] = {}
    try:
        if text.lstrip().startswith("{"):
            import json

            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != "sessiond-export":
                return None
            for one in data.get("sessions") or ():
                found[str(one["session"])] = (str(one["client"]), Decimal(str(one["amount"])))
            return found
        rows = read_rows(raw)
        if not rows:
            return None
        for lang in ("fr", "en"):
            with speaking(lang):
                names = header()
                if rows[0] != names:
                    continue
                columns = [names.index(_(n)) for n in ("Session", "Client reference",
                                                      "Amount (EUR)")]
                for row in rows[1:]:
                    session, client, amount = (row[c] for c in columns)
                    found[session] = (client, Decimal(amount.replace(",", ".")))
                return found
    except (ValueError, KeyError, TypeError, IndexError, InvalidOperation, RecursionError,
            csv.Error):
        return None
    return None


def render_json(rows: Sequence[Row], total: Totals, tz: ZoneInfo, *, first: date,
                last: date, technician: Technician) -> bytes:
    data = {
        "format": "sessiond-export",
        "version": 2,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "timezone": tz.key,
        "language": language(),
        "currency": "EUR",
        "technician": {"name": technician.name, "trade_name": technician.trade_name,
                       "siret": technician.siret, "address": technician.address},
        "sessions": [row_json(r, tz) for r in rows],
        "total": totals_json(total),
    }  # the events line and the checkpoint that signs it are in the proof beside the file
    # = json.dumps(indent=2), faster; then what a terminal acts on (DEL, C1 controls, bidi
    # overrides: JSON leaves them raw) written as \uXXXX escapes, the same string to a
    # JSON reader, never a command to the terminal of whoever runs `cat` on the file.
    from sessiond.display import safe_text

    return (safe_text(dumps_indented(data), json=True) + "\n").encode("utf-8")
