"""TeamViewer `Connections.txt`: one row per outgoing session, in the user's AppData.

Layout (remote_logs.md 1.2, plaso sample plus one independent sample): records start with
a newline like the incoming file; fields are left-justified and space-padded to
32-character columns: partner ID, start, end (`DD-MM-YYYY HH:MM:SS`, UTC), local user,
connection type, then the GUID unpadded. A value of 32 characters or more may leave no
separator, and older versions may use TABs, so the row is read with a whitespace-tolerant
pattern on the three first fields (the only ones sessiond needs), not by slicing columns.
The ID is what comes before the first instant: digits, possibly grouped by single spaces as
the GUI shows them, or one word.
The file holds successful outgoing connections (WiredPulse's notes), hence "accepted".
"""

from __future__ import annotations

import re
from datetime import datetime

from sessiond.integrations.base import ConnectionListParser
from sessiond.integrations.timeparse import utc_dmy
from sessiond.partner import normalise_partner

FMT = "teamviewer-outgoing"

# The ID is digits, grouped by single spaces as the GUI shows them (`1 660 360 496`), or one
# word; never a name with spaces (the incoming file's layout read with spaces for TABs).
_ROW = re.compile(
    r"\s*([0-9]+(?: [0-9]+)*|\S+?)\s+([0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2})"
    r"\s+([0-9]{2}-[0-9]{2}-[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2})(?:\s|$)")
_GUID_END = re.compile(r"\{[0-9A-Fa-f-]{36}\}\s*$")


def parse_row(text: str) -> tuple[str | None, datetime, datetime] | None:
    """(partner, start, end) of a row, or None if the line is not a row."""
    match = _ROW.match(text)
    if not match:
        return None
    start, end = utc_dmy(match.group(2)), utc_dmy(match.group(3))
    if start is None or end is None:
        return None
    return normalise_partner(match.group(1)), start, end


def looks_like(text: str) -> bool:
    return parse_row(text) is not None


class OutgoingParser(ConnectionListParser):
    fmt = FMT
    tool = "teamviewer"
    direction = "outgoing"
    row = staticmethod(parse_row)

    def tail_complete(self, text: str) -> bool:
        # The GUID closes a row; a row without a GUID waits for the next record's newline.
        return _GUID_END.search(text) is not None and looks_like(text)
