"""The daemon's notifications and questions: the store's `notifications` table.

The TUI and `sessiond daemon questions` read them from there; nothing else connects the
daemon to the front ends. A `dedup_key` makes a notice idempotent: a reminder for a given
tranche, or a question about a given span, is posted once even if the job runs again (a
restart, a catch-up). A question's answer is not the decision itself: the decision is the
`span-reviewed` event appended when the technician answers (see `questions`).

Rows hold metadata only (session ids, instants, amounts); never anything typed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime

from sessiond import clock
from sessiond.records import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

_COLUMNS = "id, created_at, kind, session_id, message, data, question, answered_at, answer"
_PENDING = "WHERE question = 1 AND answered_at IS NULL"  # a question nobody answered yet


class Notice(NamedTuple):
    """One row of the table (a named tuple, not a dataclass: `sessiond status` loads this
    module, and creating a dataclass costs a millisecond of its start-up)."""

    id: int
    created_at: datetime
    kind: str
    session_id: str | None
    message: str
    data: Mapping[str, Any]
    question: bool
    answered_at: datetime | None
    answer: str | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": clock.to_text(self.created_at), "kind": self.kind,
                "session": self.session_id, "message": self.message, "data": dict(self.data),
                "question": self.question,
                "answered_at": clock.to_text(self.answered_at) if self.answered_at else None,
                "answer": self.answer}


def _notice(row: tuple[Any, ...]) -> Notice:
    import json  # here: `sessiond status` only counts the questions

    return Notice(id=row[0], created_at=clock.from_text(row[1]), kind=row[2],
                  session_id=row[3], message=row[4], data=json.loads(row[5]),
                  question=bool(row[6]),
                  answered_at=clock.from_text(row[7]) if row[7] else None, answer=row[8])


def post(conn: sqlite3.Connection, *, now: datetime, kind: str, message: str,
         session_id: str | None = None, data: Mapping[str, Any] | None = None,
         question: bool = False, dedup_key: str | None = None) -> Notice | None:
    """Insert a notice; None when one with the same dedup_key already exists."""
    import json

    cur = conn.execute(
        "INSERT OR IGNORE INTO notifications "
        "(created_at, kind, session_id, message, data, question, dedup_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (clock.to_text(now), kind, session_id, message,
         json.dumps(dict(data or {}), sort_keys=True), int(question), dedup_key))
    if cur.rowcount == 0:
        return None
    return get(conn, int(cur.lastrowid or 0))


def get(conn: sqlite3.Connection, notice_id: int) -> Notice | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM notifications WHERE id = ?",
                       (notice_id,)).fetchone()
    return _notice(row) if row else None


def by_dedup_key(conn: sqlite3.Connection, dedup_key: str) -> Notice | None:
    """The notice posted under that key (the daemon's question about one connection)."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM notifications WHERE dedup_key = ?",
                       (dedup_key,)).fetchone()
    return _notice(row) if row else None


def pending_count(conn: sqlite3.Connection) -> int:
    """How many questions wait for an answer (what `pending_questions` would list)."""
    return int(conn.execute(f"SELECT count(*) FROM notifications {_PENDING}").fetchone()[0])


def pending_questions(conn: sqlite3.Connection) -> list[Notice]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM notifications "
                        f"{_PENDING} ORDER BY id")
    return [_notice(r) for r in rows]


def recent(conn: sqlite3.Connection, limit: int = 20) -> list[Notice]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM notifications ORDER BY id DESC LIMIT ?",
                        (limit,))
    return [_notice(r) for r in rows][::-1]


def answer(conn: sqlite3.Connection, notice_id: int, decision: str, now: datetime) -> None:
    """Mark a question answered (the decision itself is an event, see daemon.questions)."""
    conn.execute("UPDATE notifications SET answered_at = ?, answer = ? WHERE id = ?",
                 (clock.to_text(now), decision, notice_id))


def latest_id(conn: sqlite3.Connection) -> int:
    """The id of the newest notice, 0 when there is none."""
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM notifications").fetchone()[0])
