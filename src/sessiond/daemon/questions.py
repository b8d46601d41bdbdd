"""The technician's answers to the daemon's questions about spans it could not see.

Answering appends a `span-reviewed` event (start, end, cause, decision): billing cuts
spans reviewed as "paused" out of the worked time. The notification row only records that
the question was answered; the event is the decision. Answering again with the other
decision appends a correcting event (the later one wins, as billing reads them).
"""

from __future__ import annotations

from datetime import datetime

from sessiond import clock
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import Event
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices
from sessiond.store.notifications import Notice

DECISIONS = ("worked", "paused")


def answer(svc: Sessiond, notice_id: int, decision: str, now: datetime | None = None,
           ) -> tuple[Notice, Event | None]:
    """Record `decision` for question `notice_id`; the event is None if it was already so."""
    if decision not in DECISIONS:
        raise InputError(_("Answer worked or paused."))
    now = now or clock.now()
    conn = svc.store.conn
    notice = notices.get(conn, notice_id)
    if notice is None or not notice.question or notice.session_id is None:
        raise InputError(_("No question #{id}. sessiond daemon questions lists them.",
                           id=notice_id))
    body = {"start": notice.data["start"], "end": notice.data["end"],
            "cause": notice.data["cause"], "decision": decision}
    latest = None
    for seen in svc.session_events(notice.session_id):
        b = seen.body
        if seen.kind == "span-reviewed" and (b["start"], b["end"]) == (body["start"],
                                                                           body["end"]):
            latest = b["decision"]
    event: Event | None = None
    if latest != decision:
        event = svc.review_span(notice.session_id, start=clock.from_text(body["start"]),
                                end=clock.from_text(body["end"]), cause=body["cause"],
                                decision=decision, at=clock.whole_second(now))
    notices.answer(conn, notice_id, decision, now)
    updated = notices.get(conn, notice_id)
    assert updated is not None
    return updated, event
