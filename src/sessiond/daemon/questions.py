"""The technician's answers to the daemon's questions.

Spans it could not see (idle, suspend, crash), answered worked or paused: answering
appends a `span-reviewed` event (start, end, cause, decision): billing cuts spans reviewed
as "paused" out of the worked time. Answering again with the other decision appends a
correcting event (the later one wins, as billing reads them).

What the remote tool logged (daemon.evidence), answered with what to do at the logged
instant: "start S" for a connection opened while no session ran, "stop S" or "pause S" for
a connection closed while S ran, or "ignore". The answer is the ordinary start, stop or
pause, declared at the connection's instant (`at` overrides it). In both cases the
notification row only records that the question was answered; the event is the decision.

A client's personal data kept past its retention (daemon.jobs.retention), answered erase
(his key and those of the duplicates merged into him are deleted: crypto-shredding) or keep
(the question comes back next year).
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
# Personal data kept past its retention: erase it (crypto-shredding) or keep it
# (asked again next year).
RETENTION = ("erase", "keep")
# Answers to the questions about connections, by the kind of question.
ACTIONS = {"connection-opened": ("start", "ignore"),
           "connection-closed": ("stop", "pause", "ignore")}


def answer(svc: Sessiond, notice_id: int, decision: str, now: datetime | None = None, *,
           session_id: str | None = None, at: datetime | None = None,
           ) -> tuple[Notice, Event | None]:
    """Record `decision` for question `notice_id`; the event is None if it was already so.

    `decision` is worked|paused for a span; start|stop|pause|ignore for a connection,
    possibly followed by the session ("start s-7hq3xr", or `session_id`)."""
    now = now or clock.now()
    conn = svc.store.conn
    notice = notices.get(conn, notice_id)
    if notice is None or not notice.question:
        raise InputError(_("No question #{id}. sessiond daemon questions lists them.",
                           id=notice_id))
    if notice.kind in ACTIONS:
        return _act(svc, notice, decision, now, session_id, at)
    if notice.kind == "retention":
        return _retention(svc, notice, decision, now)
    if decision not in DECISIONS:
        raise InputError(_("Answer worked or paused."))
    if notice.session_id is None:
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


def _retention(svc: Sessiond, notice: Notice, decision: str, now: datetime,
               ) -> tuple[Notice, Event | None]:
    """Erase the client (and the duplicates merged into him) for good, or keep him."""
    if decision not in RETENTION:
        raise InputError(_("Question #{id} is answered with erase or keep.", id=notice.id))
    if notice.answered_at is not None and notice.answer == "erase":
        raise InputError(_("Question #{id} was answered already: {answer}.", id=notice.id,
                           answer=notice.answer))
    if decision == "erase":
        for client_id in notice.data.get("members") or [notice.data["client"]]:
            # Asked once the retention ended: the invoices' accounting years included.
            svc.erase_client(client_id, despite_invoices=True)
    conn = svc.store.conn
    notices.answer(conn, notice.id, decision, now)
    updated = notices.get(conn, notice.id)
    assert updated is not None
    return updated, None


def choice_label(choice: str) -> str:
    """A button's words for one answer of a connection question ("start s-7hq3xr")."""
    verb, _space, session = choice.partition(" ")
    verbs = {"start": _("Start {session}"), "stop": _("Stop {session}"),
             "pause": _("Pause {session}")}
    return verbs[verb].format(session=session) if verb in verbs else _("Ignore")


def _act(svc: Sessiond, notice: Notice, decision: str, now: datetime,
         session_id: str | None, at: datetime | None) -> tuple[Notice, Event | None]:
    """Start, stop or pause at the instant the remote tool logged (or ignore)."""
    words = decision.split()
    verb = words[0] if words else ""
    allowed = ACTIONS[notice.kind]
    if verb not in allowed or len(words) > 2:
        raise InputError(_("Question #{id} is answered with {choices}.", id=notice.id,
                           choices=_(" or ").join(
                               f"{a} SESSION" if a != "ignore" else a for a in allowed)))
    conn = svc.store.conn
    if notice.answered_at is not None and notice.kind == "connection-opened" and (
            notice.answer or "").startswith("start "):
        raise InputError(_("Question #{id} was answered already: {answer}.", id=notice.id,
                           answer=notice.answer))
    event: Event | None = None
    if verb == "ignore":
        text = "ignore"
    else:
        session = session_id or (words[1] if len(words) > 1 else None) or notice.session_id
        if session is None:
            raise InputError(_("Say which session: sessiond daemon answer {id} {verb} "
                               "SESSION.", id=notice.id, verb=verb))
        instant = at or clock.from_text(notice.data["at"])
        if verb == "start":
            event = svc.start(session, at=instant)
        elif verb == "stop":
            event = svc.stop(session, at=instant)
        else:
            event = svc.pause(session, at=instant)
        text = f"{verb} {session} at {clock.to_text(instant)}"
    notices.answer(conn, notice.id, text, now)
    updated = notices.get(conn, notice.id)
    assert updated is not None
    return updated, event
