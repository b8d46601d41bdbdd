"""Evidence from the remote-control tools: pure parsers of their logs, bytes to connections.

One module per format (TeamViewer's two connection files and its log, AnyDesk's traces,
RustDesk's logs); `read_connections` reads a whole log, `read_rotated` a log with its
rotated copies, `read_increment` a growing one.
Any bytes give connections or a LogFormatError / LogReadError (both InputError), never
another exception. Core package: it imports only the standard library and sessiond's
errors and i18n.
Numbers in a log (instants, partner IDs, session numbers) are matched with `[0-9]`,
never `\\d`: `\\d` and int() read Arabic-Indic or full-width digits too, and a log
rewritten in them gave the connections of the real one.

    from zoneinfo import ZoneInfo
    from sessiond.integrations import read_connections
    for c in read_connections("Connections_incoming.txt", tz=ZoneInfo("Europe/Paris")):
        if c.accepted: ...
"""

from __future__ import annotations

from sessiond.integrations.connection import (
    OUTCOMES,
    TOOLS,
    Connection,
    Direction,
    Outcome,
    Tool,
)
from sessiond.integrations.errors import LogFormatError, LogReadError
from sessiond.integrations.formats import FORMATS, detect, format_from_name
from sessiond.integrations.reader import (
    Increment,
    ReadNotes,
    StartMissing,
    TailState,
    open_log,
    read_connections,
    read_increment,
    read_rotated,
)
from sessiond.partner import normalise_partner

__all__ = [
    "FORMATS",
    "OUTCOMES",
    "TOOLS",
    "Connection",
    "Direction",
    "Increment",
    "LogFormatError",
    "LogReadError",
    "Outcome",
    "ReadNotes",
    "StartMissing",
    "TailState",
    "Tool",
    "detect",
    "format_from_name",
    "normalise_partner",
    "open_log",
    "read_connections",
    "read_increment",
    "read_rotated",
]
