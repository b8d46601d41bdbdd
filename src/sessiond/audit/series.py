"""The invoice series: invoices and credit notes numbered 1, 2, 3... per local year.

French law asks for invoice numbers in one continuous chronological series (CGI, annex II,
art. 242 nonies A, 7°): no gap, no number used twice, none out of order. Invoices and
credit notes share the series of their year; the printed number says which one a
document is (F-2026-0001 an invoice, A-2026-0002 a credit note) and where it stands.
Numbers are given inside the write transaction that appends the document's event, so a
crash leaves the series whole; `verify` proves it from the rows alone with `problems`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sessiond.i18n import _

KINDS = ("invoice-issued", "credit-note-issued")
PREFIXES = {"invoice-issued": "F", "credit-note-issued": "A"}


def number(kind: str, year: int, serial: int) -> str:
    """The printed number of the `serial`th document of `year`."""
    return f"{PREFIXES[kind]}-{year}-{serial:04d}"


def problems(numbered: Iterable[tuple[int, str, str | Mapping[str, Any]]]
             ) -> list[tuple[int, str]]:
    """(seq, message) for each break in the series, given the (seq, kind, body) of the
    invoice and credit-note events in log order (the body as stored JSON or a mapping)."""
    found: list[tuple[int, str]] = []
    last: dict[int, int] = {}  # year -> highest serial seen
    latest_year = 0
    for seq, kind, raw in numbered:
        try:
            body = json.loads(raw) if isinstance(raw, str) else raw
            year, serial, printed = int(body["year"]), int(body["serial"]), body["number"]
        except (ValueError, KeyError, TypeError, RecursionError):
            found.append((seq, _("invoice event #{seq} has no readable number", seq=seq)))
            continue
        expected = last.get(year, 0) + 1
        if year < latest_year:
            found.append((seq, _("invoice {number} (#{seq}) of {year} comes after a document "
                                 "of {later}: the series is not chronological",
                                 number=printed, seq=seq, year=year, later=latest_year)))
        elif serial > expected:
            found.append((seq, _("the invoice series of {year} has a gap: numbers {first} to "
                                 "{last} are missing before {number} (#{seq})", year=year,
                                 first=expected, last=serial - 1, number=printed, seq=seq)))
        elif serial < expected:
            found.append((seq, _("number {serial} of the invoice series of {year} is used "
                                 "again by {number} (#{seq})", serial=serial, year=year,
                                 number=printed, seq=seq)))
        if kind in PREFIXES and printed != number(kind, year, serial):
            found.append((seq, _("invoice event #{seq} prints {number}, not the number of its "
                                 "place in the series ({expected})", seq=seq,
                                 number=printed, expected=number(kind, year, serial))))
        last[year] = max(last.get(year, 0), serial)
        latest_year = max(latest_year, year)
    return found
