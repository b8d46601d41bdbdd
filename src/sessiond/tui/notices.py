"""The daemon's reminders and questions (the store's `notifications` table), read on the
store thread. Reminders become toasts; a question about a span the daemon could not see
(idle, suspend, crash) is asked in a dialog and answered through the daemon's own
`questions.answer`, which appends the `span-reviewed` event."""

from __future__ import annotations

from datetime import datetime

from sessiond.daemon import notices, questions
from sessiond.daemon.notices import Notice
from sessiond.sessions import Sessiond

__all__ = ["Notice", "answer", "latest_id", "new_since", "pending_questions"]


def latest_id(svc: Sessiond) -> int:
    row = svc.store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM notifications").fetchone()
    return int(row[0])


def new_since(svc: Sessiond, last_id: int) -> tuple[int, list[Notice]]:
    """The notices posted after `last_id`, and the new last id (cheap when none)."""
    top = latest_id(svc)
    if top <= last_id:
        return last_id, []
    return top, [n for n in notices.recent(svc.store.conn, limit=50) if n.id > last_id]


def pending_questions(svc: Sessiond) -> list[Notice]:
    return notices.pending_questions(svc.store.conn)


def answer(svc: Sessiond, notice_id: int, decision: str, now: datetime) -> None:
    questions.answer(svc, notice_id, decision, now)
