"""How long a client's personal data may be kept, and whether it is past that.

The terms' `[retention]` says it (MRI87 17.5: five years after the end of the relationship
for prospecting, ten years for accounting documents); where they are silent, the law: the
data is kept no longer than needed (RGPD art. 5(1)(e); the CNIL's reference for client
files: three years after the last contact) and accounting documents ten years (Code de
commerce L123-22), which erasure may not cut short (RGPD art. 17(3)(b)).

So the data of a client stays until the later of: his last event plus the years after the
relationship, and his last accounting document (a session that took place, a receipt, an
invoice or credit note) plus the accounting years. Past that, the daemon asks the
technician whether to erase it (crypto-shredding, `Sessiond.erase_client`); it never
decides.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sessiond.model import Event
from sessiond.policy.schema import Retention

# The law's retention where the terms say nothing.
LAW = Retention(
    years_after_relationship=3, accounting_years=10,
    article="RGPD art. 5(1)(e) ; C. com. art. L123-22",
    text="Les données à caractère personnel doivent être conservées sous une forme permettant "
         "l'identification des personnes concernées pendant une durée n'excédant pas celle "
         "nécessaire au regard des finalités pour lesquelles elles sont traitées […] Les "
         "documents comptables et les pièces justificatives sont conservés pendant dix ans.")

# Why an erasure request leaves invoices in force (`Sessiond.erase_client`).
ACCOUNTING_LAW = "C. com. art. L123-22 ; RGPD art. 17(3)(b)"

# The events that are accounting documents, or the facts they rest on.
ACCOUNTING = ("session-stopped", "receipt-issued", "invoice-issued", "credit-note-issued")


@dataclass(frozen=True)
class Due:
    """A client whose data is kept past its retention."""

    client_id: str
    policy: str
    article: str  # the terms' article, or the law's
    last_event: datetime
    last_accounting: datetime | None
    ends: date  # the last day the data may be kept
    members: tuple[str, ...]  # the client and the duplicates merged into him


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February."""
    year = day.year + years
    return day.replace(year=year, day=min(day.day, calendar.monthrange(year, day.month)[1]))


# A client's activity: the instant of his last event, and of his last accounting document.
Activity = tuple[datetime, datetime | None]


def activity(events: Iterable[Event]) -> Activity | None:
    """The last event among `events` and the last accounting one; None when there is none."""
    events = list(events)
    if not events:
        return None
    accounting = [e.at for e in events if e.kind in ACCOUNTING]
    return max(e.at for e in events), max(accounting) if accounting else None


def latest(*activities: Activity) -> Activity:
    """The activity of several sources taken together (a client and his duplicates)."""
    accounting = [a for _last, a in activities if a is not None]
    return max(last for last, _a in activities), max(accounting) if accounting else None


def ends_on(seen: Activity, terms: Retention, tz: tzinfo) -> date:
    """The last day the data of a client with this activity may be kept."""
    last, last_accounting = seen
    ends = add_years(last.astimezone(tz).date(), terms.years_after_relationship)
    if last_accounting is not None:
        ends = max(ends, add_years(last_accounting.astimezone(tz).date(),
                                   terms.accounting_years))
    return ends


def retention_end(events: Iterable[Event], terms: Retention, tz: tzinfo,
                  ) -> tuple[date, datetime, datetime | None] | None:
    """The last day the data of a client with these events may be kept, with his last
    event and last accounting document; None when he has no event."""
    seen = activity(events)
    if seen is None:
        return None
    return ends_on(seen, terms, tz), *seen


def due(client_id: str, policy: str, seen: Activity, terms: Retention | None,
        now: datetime, tz: tzinfo, members: tuple[str, ...] = ()) -> Due | None:
    """The client's retention, if it ended before today (`now`, local)."""
    terms = terms or LAW
    ends = ends_on(seen, terms, tz)
    if now.astimezone(tz).date() <= ends:
        return None
    return Due(client_id, policy, terms.article, *seen, ends, members or (client_id,))
