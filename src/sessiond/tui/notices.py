"""The daemon's reminders and questions (the store's `notifications` table), read on the
store thread. Reminders become toasts; a question about a span the daemon could not see
(idle, suspend, crash) is asked in a dialog and answered through the daemon's own
`questions.answer`, which appends the `span-reviewed` event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sessiond.errors import SessiondError
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.store.notifications import Notice

__all__ = ["Look", "Notice", "answer", "choices", "look", "pending_questions"]


@dataclass(frozen=True)
class Look:
    seq: int  # the log's tail
    notice_id: int  # the last notice
    posted: list[Notice]  # the notices after the one last seen
    texts: dict[int, str] = field(default_factory=dict)  # notice id -> what to show


def look(svc: Sessiond, notice_id: int | None, now: datetime | None = None) -> Look:
    """One cheap look at the store (two indexed reads); `None`: the first look, which
    takes the current state as seen."""
    conn = svc.store.conn
    seq = svc.store.tail()[0]
    top = notices.latest_id(conn)
    if notice_id is None or top <= notice_id:
        return Look(seq, top if notice_id is None else notice_id, [])
    posted = [n for n in notices.recent(conn, limit=50) if n.id > notice_id]
    return Look(seq, top, posted, {n.id: text(svc, n, now or n.created_at) for n in posted})


def text(svc: Sessiond, notice: Notice, now: datetime) -> str:
    """What a toast says. A notice stores metadata only (the session's id, never the
    client's name): a tranche reminder is worded again here, with the client's name."""
    if notice.kind != "tranche" or notice.session_id is None:
        return notice.message
    from decimal import Decimal, InvalidOperation

    from sessiond.clock import from_text
    from sessiond.daemon.reminders import wording

    try:
        client = svc.client(svc.session(notice.session_id).client_id)
        left = (from_text(str(notice.data["tranche_at"])) - now).total_seconds()
        return wording(client.name or notice.session_id, max(0, -(-int(left) // 60)),
                       int(notice.data["seconds"]), Decimal(str(notice.data["amount"])))
    except (SessiondError, KeyError, ValueError, InvalidOperation):
        return notice.message


def choices(notice: Notice) -> list[tuple[str, str]]:
    """The answers a question about the remote tool's log offers, as (decision, label);
    none for a span question (worked or paused)."""
    from sessiond.daemon.questions import choice_label

    return [(str(c), choice_label(str(c)))
            for c in (notice.data.get("choices", ()) if notice.question else ())]


def pending_questions(svc: Sessiond) -> list[Notice]:
    return notices.pending_questions(svc.store.conn)


def answer(svc: Sessiond, notice_id: int, decision: str, now: datetime) -> None:
    from sessiond.daemon import questions

    questions.answer(svc, notice_id, decision, now)
