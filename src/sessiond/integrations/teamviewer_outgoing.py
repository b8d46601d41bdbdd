"""TeamViewer `Connections.txt`: one row per outgoing session, in the user's AppData.

Layout (remote_logs.md 1.2, plaso sample plus one independent sample): records start with
a newline like the incoming file; fields are left-justified and space-padded to
32-character columns: partner ID, start, end (`DD-MM-YYYY HH:MM:SS`, UTC), local user,
connection type, then the GUID unpadded. A value of 32 characters or more may leave no
separator, and older versions may use TABs, so the row is read with a whitespace-tolerant
pattern on the three first fields (the only ones sessiond needs), not by slicing columns.
The file holds successful outgoing connections (WiredPulse's notes), hence "accepted".
"""

from __future__ import annotations

import re

from sessiond.integrations.base import Parser
from sessiond.integrations.connection import normalise_partner
from sessiond.integrations.timeparse import utc_dmy

FMT = "teamviewer-outgoing"

_ROW = re.compile(
    r"\s*(\S+?)\s+(\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2})\s+(\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2})"
    r"(?:\s|$)")
_GUID_END = re.compile(r"\{[0-9A-Fa-f-]{36}\}\s*$")


def looks_like(text: str) -> bool:
    return _parse(text) is not None


def _parse(text: str) -> tuple[str | None, str, str] | None:
    match = _ROW.match(text)
    if not match:
        return None
    if utc_dmy(match.group(2)) is None or utc_dmy(match.group(3)) is None:
        return None
    return normalise_partner(match.group(1)), match.group(2), match.group(3)


class OutgoingParser(Parser):
    fmt = FMT
    tool = "teamviewer"

    def feed(self, text: str, line: int) -> None:
        row = _parse(text)
        if row is None:
            return
        partner, start_text, end_text = row
        start, end = utc_dmy(start_text), utc_dmy(end_text)
        if start is None or end is None:
            return
        self.single("outgoing", partner, start, end, line, text, "accepted")

    def tail_complete(self, text: str) -> bool:
        # The GUID closes a row; a row without a GUID waits for the next record's newline.
        return _GUID_END.search(text) is not None and _parse(text) is not None
