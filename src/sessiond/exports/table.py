"""The export files: CSV for a spreadsheet, JSON for other tools.

CSV (French): `;` separator, decimal comma, dates 22/11/2026, UTF-8 with a BOM (without it
Excel reads UTF-8 as Windows-1252 and breaks the accents), CRLF line ends. In English:
`,` and a decimal point. One row per session, a total row that is the sum of the rows,
then the seal: the events line, the public key and, last, the signed checkpoint.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sessiond.audit.checkpoint import Checkpoint
from sessiond.config import Technician
from sessiond.exports import fmt
from sessiond.exports.proof import EventsProof
from sessiond.exports.rows import Row, Totals, row_json, totals_json
from sessiond.i18n import _, language

FORMATS = ("csv", "json")


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


def _cell(text: str) -> str:
    """Free text (a client's name) must not be read as a formula by the spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def header() -> list[str]:
    return [
        _("Day"), _("Client name"), _("Session mode"), _("Remote tool"), _("Start time"),
        _("End time"),
        _("Worked (h:mm)"), _("Worked (h)"), _("Billed (h:mm)"), _("Billed (h)"),
        _("Tranche model"), _("Hourly rate (EUR)"), _("Discounts (EUR)"), _("Amount (EUR)"),
        _("Credit used (h)"), _("Compliance status"), _("Remarks on the bill"),
    ]


def csv_row(row: Row, tz: ZoneInfo) -> list[str]:
    s = row.session
    return [
        fmt.day(row.day),
        _cell(row.client_name if row.client_name is not None else _("(client erased)")),
        fmt.label(s.mode), fmt.label(s.tool),
        fmt.time_of_day(row.start, tz), fmt.time_of_day(row.end, tz),
        fmt.h_mm(row.worked_minutes), fmt.number(row.worked_hours),
        fmt.h_mm(row.billed_minutes), fmt.number(row.billed_hours),
        row.tranche_model(),
        fmt.number(row.rate) if row.rate is not None else "",
        fmt.number(row.discounts), fmt.number(row.amount), fmt.number(row.credit_hours),
        row.compliance_text(), _cell(row.remarks()),
    ]


def csv_total(t: Totals) -> list[str]:
    return [
        _("Total"), _("{count} session(s)", count=t.sessions), "", "", "", "",
        fmt.h_mm(t.worked_minutes), fmt.number(t.worked_hours),
        fmt.h_mm(t.billed_minutes), fmt.number(t.billed_hours),
        "", "", fmt.number(t.discounts), fmt.number(t.amount), fmt.number(t.credit_hours),
        "", "",
    ]


def render_csv(rows: Sequence[Row], total: Totals, seal: Seal, tz: ZoneInfo) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if fmt.french() else ",", lineterminator="\r\n")
    writer.writerow(header())
    for row in rows:
        writer.writerow(csv_row(row, tz))
    writer.writerow(csv_total(total))
    writer.writerow([])
    writer.writerow([_("Sessions covered (events digest)"), seal.proof.text()])
    writer.writerow([_("Public key (Ed25519)"), seal.public_key])
    writer.writerow([_("Signing key fingerprint"), seal.fingerprint])
    writer.writerow([_("Signed checkpoint"), seal.checkpoint.text()])
    return out.getvalue().encode("utf-8-sig")


def render_json(rows: Sequence[Row], total: Totals, seal: Seal, tz: ZoneInfo, *,
                first: date, last: date, technician: Technician) -> bytes:
    data = {
        "format": "sessiond-export",
        "version": 1,
        "first_day": first.isoformat(),
        "last_day": last.isoformat(),
        "timezone": tz.key,
        "language": language(),
        "currency": "EUR",
        "technician": {"name": technician.name, "trade_name": technician.trade_name,
                       "siret": technician.siret, "address": technician.address},
        "sessions": [row_json(r, tz) for r in rows],
        "total": totals_json(total),
        "events": seal.proof_json(),
        "checkpoint": seal.checkpoint_json(),
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
