"""The daemon's reminders and questions (the store's `notifications` table), read on the
store thread. Reminders become toasts; a question about a span the daemon could not see
(idle, suspend, crash) is asked in a dialog and answered through the daemon's own
`questions.answer`, which appends the `span-reviewed` event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.store.notifications import Notice

__all__ = ["Look", "Notice", "answer", "look", "pending_questions"]


@dataclass(frozen=True)
class Look:
    seq: int  # the log's tail
    notice_id: int  # the last notice
    posted: list[Notice]  # the notices after the one last seen


def look(svc: Sessiond, notice_id: int | None) -> Look:
    """One cheap look at the store (two indexed reads); `None`: the first look, which
    takes the current state as seen."""
    conn = svc.store.conn
    seq = svc.store.tail()[0]
    top = notices.latest_id(conn)
    if notice_id is None or top <= notice_id:
        return Look(seq, top if notice_id is None else notice_id, [])
    return Look(seq, top, [n for n in notices.recent(conn, limit=50) if n.id > notice_id])


def pending_questions(svc: Sessiond) -> list[Notice]:
    return notices.pending_questions(svc.store.conn)


def answer(svc: Sessiond, notice_id: int, decision: str, now: datetime) -> None:
    from sessiond.daemon import questions

    questions.answer(svc, notice_id, decision, now)
