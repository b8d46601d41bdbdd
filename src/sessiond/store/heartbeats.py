"""The daemon's heartbeats: the store's `heartbeats` table (operational state, not audit).

Only the latest heartbeat matters for finding the spans when nothing ran (see
sessiond.daemon.heartbeat), so older ones are pruned.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from sessiond import clock
from sessiond.records import NamedTuple

# Heartbeats older than this are pruned: only the latest matters for gap detection.
KEEP = timedelta(days=2)


class Beat(NamedTuple):
    """A named tuple, not a dataclass: `sessiond status` reads one, and creating a
    dataclass costs a millisecond of its start-up."""

    at: datetime
    boot_id: str
    boottime_ns: int
    pid: int


def record(conn: sqlite3.Connection, beat: Beat) -> None:
    conn.execute("INSERT INTO heartbeats (at, boot_id, boottime_ns, pid) VALUES (?, ?, ?, ?)",
                 (clock.to_text(beat.at), beat.boot_id, beat.boottime_ns, beat.pid))


def last(conn: sqlite3.Connection) -> Beat | None:
    row = conn.execute("SELECT at, boot_id, boottime_ns, pid FROM heartbeats "
                       "ORDER BY id DESC LIMIT 1").fetchone()
    return Beat(clock.from_text(row[0]), row[1], row[2], row[3]) if row else None


def prune(conn: sqlite3.Connection, now: datetime) -> None:
    conn.execute("DELETE FROM heartbeats WHERE at < ? AND id < (SELECT MAX(id) FROM heartbeats)",
                 (clock.to_text(now - KEEP),))
