"""The receipt's visible text is pinned to its layout version.

`verify --receipt` compares a receipt's text with the rendering of its own version
(receipt_data.VERSION, carried in its signed data). If the rendering changed without a new
version, every receipt already handed to a client would fail that check once sessiond is
upgraded: so a change to a block, a label or a French word of the receipt fails here until
VERSION is bumped and the new rendering recorded:

    SESSIOND_RECORD_LAYOUT=1 python -m pytest tests/unit/test_receipt_layout.py
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sessiond.exports.layout import block_lines
from sessiond.exports.receipt_data import LAID_OUT, VERSION, receipt_blocks, speaking

DATA_DIR = Path(__file__).with_name("data")
CHECKPOINT = ("SESSIOND-CHECKPOINT v1;seq=21;hash=" + "ab" * 32 + ";at=2026-03-10T09:47:00Z;"
              "key=1d26d0e973805c02;sig=" + "cd" * 64)

# One receipt's data with every block filled in: consent, a quote, a waiver, problems and
# outcomes, a pause, a span not counted, a payment, an artifact the client asked for.
DATA: dict[str, Any] = {
    "format": "sessiond-receipt", "version": VERSION, "language": "fr",
    "timezone": "Europe/Paris", "number": "2026-0007", "replaces": "2026-0006",
    "issued_at": "2026-03-10T10:47:00+01:00", "session": "s-layout", "event": 21,
    "technician": {"name": "Jean Dupont", "trade_name": "Dépann'Info",
                   "siret": "73282932000074", "address": "3 rue de l'Église, 54230 Chaligny",
                   "email": "jean@example.fr", "phone": "06 12 34 56 78"},
    "client": {"id": "c-layout", "name": "Mme Hélène Müller", "status": "consumer"},
    "intervention": {
        "date": "2026-03-10", "mode": "remote", "tool": "anydesk", "client_os": "windows",
        "terms": {"name": "Conditions Générales d'Intervention (CGI) — Particuliers",
                  "business": "VLH Dépannage Informatique (Sévignac, 22)",
                  "date": "2026-02-08"},
        "problems": [{"text": "Imprimante hors ligne", "outcome": "solved"},
                     {"text": "Wifi lent", "outcome": "unsolved"}],
    },
    "consent": {
        "given": [{"channel": "phone", "at": "2026-03-10T09:28:00+01:00",
                   "by": "Mme Hélène Müller"}],
        "without_consent_reason": None,
        "quotes": [{"how": "electronic", "at": "2026-03-10T09:25:00+01:00",
                    "by": "Mme Hélène Müller"}],
        "waivers": [{"medium": "email", "at": "2026-03-10T09:26:00+01:00"}],
    },
    "connections": [],
    "times": {
        "start": "2026-03-10T09:30:00+01:00",
        "pauses": [{"start": "2026-03-10T10:00:00+01:00", "end": "2026-03-10T10:10:00+01:00",
                    "seconds": 600}],
        "not_counted": [{"start": "2026-03-10T10:20:00+01:00",
                         "end": "2026-03-10T10:25:00+01:00"}],
        "stop": "2026-03-10T10:45:00+01:00", "stopped_by": "technician",
        "worked_seconds": 3600, "billed_seconds": 3600,
        "explanation": "1 h travaillée : première heure indivisible = 1 h facturée.",
    },
    "bill": {
        "lines": [{"label": "Temps facturé : 1 h à 50,00 €/h", "amount": "50.00"}],
        "total": "50.00", "vat_mention": "TVA non applicable, art. 293 B du CGI",
        "credit_used_seconds": None, "credit_left_seconds": None,
        "payments": [{"at": "2026-03-10T10:46:00+01:00", "method": "card",
                      "amount": "30.00"}],
        "left_to_pay": "20.00",
    },
    "confidentiality": {
        "articles": ["4.2"],
        "artifacts": [{"kind": "screenshot", "at": "2026-03-10T10:30:00+01:00",
                       "client_request": "capture de l'erreur"}],
    },
    "seal": {"key_fingerprint": "1d26:d0e9:7380:5c02:2e92:be59:5145:2c34",
             "public_key": ["-----BEGIN PUBLIC KEY-----",
                            "MCowBQYDK2VwAyEAzv+sY1vBCVm70KGPJgkfXvVipA63pDrCLf9jplQeq2w=",
                            "-----END PUBLIC KEY-----"],
             "events": "SESSIOND-EVENTS v1;scope=session:s-layout;upto=21;sessions=1;"
                       "events=11;sha256=" + "ef" * 32},
}


def rendered(data: dict[str, Any]) -> str:
    lines = []
    for language in ("fr", "en"):
        with speaking(language):
            for block in receipt_blocks(data, CHECKPOINT):
                lines.extend(block_lines(block))
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize("version", LAID_OUT)
def test_the_receipt_renders_as_its_version_did(version: int) -> None:
    """Each version this code lays out, as it was recorded: receipts issued by an earlier
    sessiond keep their text checked."""
    golden = DATA_DIR / f"receipt_layout_v{version}.txt"
    text = rendered({**DATA, "version": version})
    if os.environ.get("SESSIOND_RECORD_LAYOUT") and version == VERSION:
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), (
        f"no rendering recorded for receipt layout version {version}: record it (see the "
        f"module's docstring)")
    assert text == golden.read_text(encoding="utf-8"), (
        "the receipt's visible text changed: bump sessiond.exports.receipt_data.VERSION "
        "(receipts already issued are checked against their own version's layout), keep "
        "the old one in LAID_OUT if it can still be rendered, and record the new rendering "
        "(see the module's docstring)")


def test_the_current_version_is_laid_out() -> None:
    assert VERSION in LAID_OUT


# A pause in the night the clocks go back in Paris (25 October 2026): from 02:40 summer
# time to 02:05 winter time, 25 minutes later; the stop at 02:30 winter time.
REPEATED_HOUR = {
    **DATA,
    "times": {**DATA["times"],
              "start": "2026-10-25T01:50:00+02:00",
              "pauses": [{"start": "2026-10-25T02:40:00+02:00",
                          "end": "2026-10-25T02:05:00+01:00", "seconds": 1500}],
              "not_counted": [], "stop": "2026-10-25T02:30:00+01:00"},
}


def test_an_instant_of_the_hour_the_clocks_go_back_carries_its_offset() -> None:
    text = rendered({**REPEATED_HOUR, "version": VERSION})
    assert "25/10/2026 02:40 (UTC+02:00) à 02:05 (UTC+01:00)" in text
    assert "25/10/2026 02:30 (UTC+01:00), par le technicien" in text
    assert "2026-10-25 02:40 (UTC+02:00) to 02:05 (UTC+01:00)" in text
    assert "25/10/2026 01:50 (" not in text  # an hour that comes once needs none
    # A receipt of version 3 is laid out as it was issued: without them.
    old = rendered({**REPEATED_HOUR, "version": 3})
    assert "25/10/2026 02:40 à 02:05 (25 min)" in old and "UTC+" not in old
