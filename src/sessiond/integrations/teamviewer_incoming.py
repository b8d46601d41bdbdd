"""TeamViewer `Connections_incoming.txt`: one TAB-separated row per ended incoming session.

Layout (remote_logs.md 1.1, checked on four real files): each record is a newline followed
by 7 fields joined by TAB and a trailing TAB, so the file starts with an empty line and has
no final newline. Fields: partner ID, partner display name, start, end (both
`DD-MM-YYYY HH:MM:SS`, UTC), local Windows user, connection type, connection GUID (may be
empty). Names and users contain spaces, so only TAB separates fields. Rows are appended
when the session ends (sorted by end), and only for sessions that were established, so
every row is an accepted connection.
"""

from __future__ import annotations

from datetime import datetime

from sessiond.integrations.base import ConnectionListParser
from sessiond.integrations.timeparse import utc_dmy
from sessiond.partner import normalise_partner

FMT = "teamviewer-incoming"


def parse_row(text: str) -> tuple[str | None, datetime, datetime] | None:
    """(partner, start, end) of a row, or None if the line is not a row."""
    fields = text.split("\t")
    if len(fields) < 4:
        return None
    start, end = utc_dmy(fields[2]), utc_dmy(fields[3])
    if start is None or end is None:
        return None
    return normalise_partner(fields[0]), start, end


def looks_like(text: str) -> bool:
    return parse_row(text) is not None


class IncomingParser(ConnectionListParser):
    fmt = FMT
    tool = "teamviewer"
    direction = "incoming"
    row = staticmethod(parse_row)

    def tail_complete(self, text: str) -> bool:
        # TeamViewer writes "\n" + row: the last row has no newline after it. It is whole
        # once its 7 fields and the trailing TAB are there.
        return text.endswith("\t") and text.count("\t") >= 7 and looks_like(text)
