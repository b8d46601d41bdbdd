"""The value every parser produces: one connection seen in a remote-control tool's log.

A connection is evidence, not a session: it says that the tool itself logged a connection
with a partner between two instants. Attempts that never became a session (the peer
refused, the password was wrong, the network failed) are kept too, with an `outcome` other
than "accepted", because they matter for the record (someone tried) but must never count
as time connected to the client.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Tool = Literal["teamviewer", "anydesk", "rustdesk"]
Direction = Literal["incoming", "outgoing"]
# accepted: the session was established (authenticated, or the tool logged it as done).
# rejected: the other side or the authentication refused it (peer refused, wrong password).
# failed:   it never got that far (network error, never authenticated, connect error).
# unknown:  the log shows the connection but no line that tells whether it was accepted
#           (RustDesk's incoming side, TeamViewer outgoing without a verdict line).
Outcome = Literal["accepted", "rejected", "failed", "unknown"]

TOOLS: tuple[Tool, ...] = ("teamviewer", "anydesk", "rustdesk")
OUTCOMES: tuple[Outcome, ...] = ("accepted", "rejected", "failed", "unknown")


@dataclass(frozen=True, slots=True)
class Connection:
    """One connection (or attempt) with a partner, as the tool logged it.

    `start` and `end` are aware UTC datetimes with the precision the tool wrote (seconds
    for TeamViewer's connection files, milliseconds or microseconds in the logs); `end` is
    None while the log shows no end yet. `line` is the 1-based number of the first line
    that shows the connection. `digest` identifies the connection by the lines that
    produced it, so importing the same file twice gives the same digests; `key` hashes the
    first line only, so an open connection and the same connection once closed share it.

    `seen_until` tells "still open" from "end unknown" when `end` is None: None while the
    log is being followed and may still write the end (the daemon's reading); else the
    whole log was read, or a later line took the connection's place (its routing index
    reused), without its end: the latest instant of the log read then. The end is then
    unknown, not now nor that instant: the log stops there (a Linux user's log, a copy) or
    its end line is missing, and neither closes the connection at that line nor keeps it
    open until whenever the log is read.
    """

    tool: Tool
    direction: Direction
    partner_id: str | None  # None where the log does not name the partner (RustDesk incoming)
    start: datetime
    end: datetime | None
    fmt: str
    line: int
    digest: str
    key: str
    outcome: Outcome
    seen_until: datetime | None = None

    @property
    def end_unknown(self) -> bool:
        """The log was read to its end (or past the connection's place) without its end."""
        return self.end is None and self.seen_until is not None

    @property
    def accepted(self) -> bool:
        """True when this counts as a connection to the partner (an established session)."""
        return self.outcome == "accepted"


def line_hash(text: str) -> str:
    """SHA-256 of one decoded source line (UTF-8, without its line terminator)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def digest_of(hashes: Sequence[str]) -> str:
    """The digest of a connection from the hashes of its source lines, in file order.

    Hashing the line hashes rather than the lines lets a parser keep only 64 characters
    per line in its (serialisable, bounded) state while a connection is open.
    """
    h = hashlib.sha256()
    for item in hashes:
        h.update(bytes.fromhex(item))
    return h.hexdigest()


