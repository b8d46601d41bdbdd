"""TeamViewer `Connections_incoming.txt`: one TAB-separated row per ended incoming session.

Layout (remote_logs.md 1.1, checked on four real files): each record is a newline followed
by 7 fields joined by TAB and a trailing TAB, so the file starts with an empty line and has
no final newline. Fields: partner ID, partner display name, start, end (both
`DD-MM-YYYY HH:MM:SS`, UTC), local Windows user, connection type, connection GUID (may be
empty). Names and users contain spaces, so only TAB separates fields. Rows are appended
when the session ends (sorted by end), and only for sessions that were established, so
every row is an accepted connection.

Variants read by the same rule: a missing trailing TAB or GUID, columns added after the
GUID, and a row without the display-name column (the instants right after the ID). Such a
row reads the same as Connections.txt with TABs, so the file's name tells which file it
is (formats.classify). The instants are always `DD-MM-YYYY HH:MM:SS` in 24 hours: the real
files come from machines at UTC-8, UTC-6, UTC+3 and UTC+8 and none follows its locale, so
another shape (12-hour, slashes, year first) is refused, never guessed.
"""

from __future__ import annotations

from datetime import datetime

from sessiond.integrations.base import ConnectionListParser
from sessiond.integrations.timeparse import utc_dmy
from sessiond.partner import normalise_partner

FMT = "teamviewer-incoming"


def _layout(fields: list[str]) -> tuple[int, datetime, datetime] | None:
    """(index of the start field, start, end) of a row split on TAB, or None.

    The documented layout has the display name between the ID and the instants. A row
    without that column (ID, start, end...) is read too: the instants are then the two
    fields after the ID. The ID is always first; nothing else is guessed.

    The display name is the partner's choice: one holding a TAB and an instant
    (`x<TAB>16-02-2024 14:20:00`) must not become the start. Nothing the partner chooses
    comes after the instants (the local user, the type, the GUID), so they are the last
    two consecutive instants of the row.
    """
    found = None
    for first in range(1, len(fields) - 1):
        start, end = utc_dmy(fields[first]), utc_dmy(fields[first + 1])
        if start is not None and end is not None:
            found = first, start, end
    return found


def parse_row(text: str) -> tuple[str | None, datetime, datetime] | None:
    """(partner, start, end) of a row, or None if the line is not a row."""
    fields = text.split("\t")
    found = _layout(fields)
    if found is None:
        return None
    return normalise_partner(fields[0]), found[1], found[2]


def looks_like(text: str) -> bool:
    return parse_row(text) is not None


def named(text: str) -> bool:
    """A row of the documented layout, with the display-name column: a row only this file
    has (Connections.txt has no name column, and its TAB variant would read the same as a
    row of this file without it)."""
    found = _layout(text.split("\t"))
    return found is not None and found[0] >= 2


class IncomingParser(ConnectionListParser):
    fmt = FMT
    tool = "teamviewer"
    direction = "incoming"
    row = staticmethod(parse_row)

    def tail_complete(self, text: str) -> bool:
        # TeamViewer writes "\n" + row: the last row has no newline after it. It is whole
        # once the fields after the end (user, type, GUID) and the trailing TAB are there.
        fields = text.split("\t")
        found = _layout(fields)
        return found is not None and text.endswith("\t") and len(fields) >= found[0] + 6
