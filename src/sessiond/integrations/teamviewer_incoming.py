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

from sessiond.integrations.base import Parser
from sessiond.integrations.connection import normalise_partner
from sessiond.integrations.timeparse import utc_dmy

FMT = "teamviewer-incoming"


def parse_row(text: str) -> tuple[str | None, str, str] | None:
    """(partner, start text, end text) of a row, or None if the line is not a row."""
    fields = text.split("\t")
    if len(fields) < 4:
        return None
    return normalise_partner(fields[0]), fields[2], fields[3]


def looks_like(text: str) -> bool:
    row = parse_row(text)
    return row is not None and utc_dmy(row[1]) is not None and utc_dmy(row[2]) is not None


class IncomingParser(Parser):
    fmt = FMT
    tool = "teamviewer"

    def feed(self, text: str, line: int) -> None:
        row = parse_row(text)
        if row is None:
            return
        partner, start_text, end_text = row
        start, end = utc_dmy(start_text), utc_dmy(end_text)
        if start is None or end is None:
            return
        self.single("incoming", partner, start, end, line, text, "accepted")

    def tail_complete(self, text: str) -> bool:
        # TeamViewer writes "\n" + row: the last row has no newline after it. It is whole
        # once its 7 fields and the trailing TAB are there.
        return text.endswith("\t") and text.count("\t") >= 7 and looks_like(text)
