"""Evidence from the remote tool (issue 14): connections recorded once, matched to their
session, folded back with their closing; the daemon's watcher on a real file that grows,
rotates and is truncated; the answers to its questions."""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sessiond import integrations, model
from sessiond.compliance import evidence
from sessiond.config import Evidence
from sessiond.daemon.evidence import EvidenceWatch
from sessiond.daemon.questions import answer
from sessiond.errors import InputError
from sessiond.integrations import Connection
from sessiond.model import State
from sessiond.sessions import Sessiond
from sessiond.store import notifications as notices

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PARTNER = "412736958"


@pytest.fixture
def svc(home: Path) -> Iterator[Sessiond]:
    service = Sessiond()
    yield service
    service.close()


def conn(start: datetime, end: datetime | None, *, partner: str | None = PARTNER,
         tool: str = "rustdesk", outcome: str = "accepted", first: str = "a",
         fmt: str = "rustdesk-log", lines: str = "") -> Connection:
    key = hashlib.sha256(f"{first}{start}".encode()).hexdigest()
    digest = hashlib.sha256(f"{key}{end}{lines}".encode()).hexdigest()
    return Connection(tool=tool, direction="outgoing", partner_id=partner,  # type: ignore[arg-type]
                      start=start, end=end, fmt=fmt, line=1, digest=digest, key=key,
                      outcome=outcome)  # type: ignore[arg-type]


def session(svc: Sessiond, *, partner: str | None = None, tool: str = "rustdesk",
            start: datetime | None = T0, stop: datetime | None = None,
            planned: datetime = T0 - timedelta(minutes=10)) -> str:
    client = svc.add_client("Jeanne Martin", at=planned - timedelta(minutes=1))
    sid = svc.new_session(client, policy="micro-alpes", tool=tool, partner_id=partner,
                          at=planned)
    if start is not None:
        svc.consent(sid, channel="tool-code", by="Jeanne", at=start - timedelta(minutes=1))
        svc.start(sid, at=start)
    if stop is not None:
        svc.stop(sid, at=stop)
    return sid


# --- the vocabulary: one list in the model, the same as the parsers' ----------------------


def test_the_models_lists_are_the_parsers() -> None:
    assert model.REMOTE_TOOLS == integrations.TOOLS
    assert model.CONNECTION_OUTCOMES == integrations.OUTCOMES
    assert set(model.LOG_FORMATS) == set(integrations.FORMATS)
    for raw in ("123 456 789", " 123456789 ", "123456789@ad", "-", "", "ab c"):
        assert evidence.normalise_partner(raw) == integrations.normalise_partner(raw) or (
            raw.strip() in ("-", ""))


def test_the_partner_id_is_never_public() -> None:
    kind = model.KINDS["connection-observed"]
    assert "partner_id" in kind.personal and "partner_id" not in kind.body


# --- recording: once, in its session --------------------------------------------------------


def test_recorded_once_in_the_session_of_its_partner(svc: Sessiond) -> None:
    other = session(svc, partner="999888777", start=T0)
    mine = session(svc, partner="412 736 958", start=T0)  # typed grouped, as tools print it
    c = conn(T0 - timedelta(minutes=3), T0 + timedelta(minutes=40))
    done = svc.record_connection(c)
    assert (done.session_id, done.new, done.matched_by) == (mine, True, "partner-id")
    again = svc.record_connection(c)
    assert (again.session_id, again.new, again.seq) == (mine, False, None)
    (seen,) = svc.connections(mine)
    assert seen.partner_id == PARTNER and seen.start == T0 - timedelta(minutes=3)
    assert seen.accepted and seen.events == (done.seq,)
    assert svc.connections(other) == []
    row = svc.store.event_at(done.seq)
    assert row is not None and PARTNER not in row.body and row.sealed  # sealed, not public


def test_open_then_closed_is_one_connection(svc: Sessiond) -> None:
    sid = session(svc, partner=PARTNER)
    start = T0 + timedelta(seconds=5, microseconds=147039)  # RustDesk's microseconds
    first = svc.record_connection(conn(start, None, outcome="unknown"))
    assert first.new
    (seen,) = svc.connections(sid)
    assert seen.end is None and seen.start == T0 + timedelta(seconds=5)  # to the second
    assert not svc.record_connection(conn(start, None, lines="more")).new  # still open
    end = T0 + timedelta(minutes=30, microseconds=999999)
    closed = svc.record_connection(conn(start, end, lines="end"))
    assert closed.new and closed.session_id == sid
    assert not svc.record_connection(conn(start, end, lines="end")).new
    (seen,) = svc.connections(sid)
    assert seen.end == T0 + timedelta(minutes=30) and seen.events == (first.seq, closed.seq)
    kinds = [e.kind for e in svc.session_events(sid)]
    assert kinds.count("connection-observed") == 1 and kinds.count("connection-closed") == 1


def test_the_same_connection_from_another_file_is_not_recorded_twice(svc: Sessiond) -> None:
    session(svc, partner=PARTNER, tool="teamviewer")
    log = conn(T0 + timedelta(seconds=2, microseconds=444000),
               T0 + timedelta(minutes=2, seconds=4, microseconds=100000), tool="teamviewer",
               fmt="teamviewer-log", first="log")
    row = conn(T0 + timedelta(seconds=2), T0 + timedelta(minutes=2, seconds=4),
               tool="teamviewer", fmt="teamviewer-incoming", first="row")
    assert svc.record_connection(log).new
    twin = svc.record_connection(row)
    assert twin.session_id is not None and not twin.new


def test_the_same_anydesk_session_in_both_traces_is_recorded_once(svc: Sessiond) -> None:
    # The service trace's `Accept request` (00:53:50.850) comes before the user trace's
    # `Incoming session request` (00:53:51.221): another second, the same connection.
    sid = session(svc, partner=PARTNER, tool="anydesk")
    service = conn(T0 + timedelta(seconds=50, microseconds=850000),
                   T0 + timedelta(minutes=4, seconds=14, microseconds=134000),
                   tool="anydesk", fmt="anydesk-service-trace", first="svc")
    user = conn(T0 + timedelta(seconds=51, microseconds=221000),
                T0 + timedelta(minutes=4, seconds=14, microseconds=900000),
                tool="anydesk", fmt="anydesk-trace", first="user")
    assert svc.record_connection(service).new
    assert not svc.record_connection(user).new
    # Two attempts of one file a few seconds apart stay two (the service trace's failed
    # requests at 00:46:40 and 00:46:45).
    first = conn(T0 + timedelta(minutes=10), T0 + timedelta(minutes=10, seconds=1),
                 tool="anydesk", fmt="anydesk-service-trace", first="a1", outcome="failed")
    second = conn(T0 + timedelta(minutes=10, seconds=4),
                  T0 + timedelta(minutes=10, seconds=5), tool="anydesk",
                  fmt="anydesk-service-trace", first="a2", outcome="failed")
    assert svc.record_connection(first).new and svc.record_connection(second).new
    assert len(svc.connections(sid)) == 3


def test_the_same_session_in_the_daemons_and_the_users_log_is_recorded_once(
        svc: Sessiond) -> None:
    # TeamViewer on Linux writes two TeamViewer15_Logfile.log (the daemon's, the GUI and
    # desktop processes'): the daemon's CreatePassiveSession at 14:16:32.444, the desktop
    # process's IncomingConnection at 14:16:33.262; the ends 36 ms apart. One format,
    # another second, overlapping: one connection. Attempts that follow each other stay two.
    sid = session(svc, partner=PARTNER, tool="teamviewer")
    daemon = conn(T0 + timedelta(seconds=2, microseconds=444000),
                  T0 + timedelta(minutes=2, seconds=6, microseconds=100000),
                  tool="teamviewer", fmt="teamviewer-log", first="daemon")
    desktop = conn(T0 + timedelta(seconds=3, microseconds=262000),
                   T0 + timedelta(minutes=2, seconds=6, microseconds=136000),
                   tool="teamviewer", fmt="teamviewer-log", first="desktop")
    assert svc.record_connection(daemon).new
    assert not svc.record_connection(desktop).new
    first = conn(T0 + timedelta(minutes=10), T0 + timedelta(minutes=10, seconds=2),
                 tool="teamviewer", fmt="teamviewer-log", first="t1", outcome="failed")
    second = conn(T0 + timedelta(minutes=10, seconds=2),
                  T0 + timedelta(minutes=10, seconds=4), tool="teamviewer",
                  fmt="teamviewer-log", first="t2", outcome="failed")
    assert svc.record_connection(first).new and svc.record_connection(second).new
    assert len(svc.connections(sid)) == 3


@pytest.mark.parametrize("gui_first", [True, False])
def test_an_outgoing_session_open_in_the_gui_log_and_closed_in_the_daemons_is_one(
        svc: Sessiond, gui_first: bool) -> None:
    # TeamViewer on Linux: the GUI's log has `Trying connection to <ID>` (16:42:56.838 in
    # a real TV12 log) and no end; the daemon's has CreateActiveSession half a second
    # later and `Session to <ID> ended`. One connection, closed, whichever comes first.
    sid = session(svc, partner=PARTNER, tool="teamviewer")
    gui = conn(T0 + timedelta(seconds=6, microseconds=838000), None, tool="teamviewer",
               fmt="teamviewer-log", first="gui", outcome="unknown")
    daemon = conn(T0 + timedelta(seconds=7, microseconds=339000),
                  T0 + timedelta(minutes=1, seconds=45), tool="teamviewer",
                  fmt="teamviewer-log", first="daemon")
    first, second = (gui, daemon) if gui_first else (daemon, gui)
    assert svc.record_connection(first).new
    svc.record_connection(second)
    (seen,) = svc.connections(sid)
    assert seen.end == T0 + timedelta(minutes=1, seconds=45)
    # An attempt begun after another ended is another, even while it is open.
    denied = conn(T0 + timedelta(minutes=5), T0 + timedelta(minutes=5, seconds=2),
                  tool="teamviewer", fmt="teamviewer-log", first="denied",
                  outcome="rejected")
    retry = conn(T0 + timedelta(minutes=5, seconds=3), None, tool="teamviewer",
                 fmt="teamviewer-log", first="retry", outcome="unknown")
    assert svc.record_connection(denied).new and svc.record_connection(retry).new
    assert len(svc.connections(sid)) == 3


@pytest.mark.parametrize("daemon_first", [True, False])
def test_teamviewers_two_linux_logs_give_each_session_once(svc: Sessiond,
                                                             daemon_first: bool) -> None:
    # The hand-written fixtures of the daemon's and the user's TeamViewer15_Logfile.log:
    # one incoming session and one outgoing, each once, both closed, in either order.
    logs = Path(__file__).resolve().parents[1] / "data" / "remote_logs" / "teamviewer"
    day = datetime(2026, 3, 2, tzinfo=UTC)
    incoming = session(svc, partner="809843398", tool="teamviewer",
                       start=day + timedelta(hours=8, minutes=10),
                       stop=day + timedelta(hours=8, minutes=40))
    outgoing = session(svc, partner="904 922 222", tool="teamviewer",
                       start=day + timedelta(hours=9), stop=day + timedelta(hours=9, minutes=30))
    files = ["linux-daemon", "linux-user"] if daemon_first else ["linux-user", "linux-daemon"]
    for name in files:
        for c in integrations.read_connections(logs / name / "TeamViewer15_Logfile.log",
                                               tz=ZoneInfo("Europe/Paris")):
            svc.record_connection(c, now=day + timedelta(hours=12))
    (seen_in,) = svc.connections(incoming)
    (seen_out,) = svc.connections(outgoing)
    assert seen_in.end == day + timedelta(hours=8, minutes=31, seconds=7)
    assert seen_out.end == day + timedelta(hours=9, minutes=26, seconds=55)


def test_matched_by_time_with_a_session_of_that_tool(svc: Sessiond) -> None:
    anydesk = session(svc, tool="anydesk", start=T0, stop=T0 + timedelta(hours=1))
    session(svc, tool="rustdesk", start=T0 + timedelta(hours=3))
    before = conn(T0 - timedelta(minutes=10), T0 - timedelta(minutes=5), tool="anydesk",
                  fmt="anydesk-trace", partner="111222333")
    assert svc.record_connection(before).matched_by == "time"  # within the margin
    far = conn(T0 - timedelta(hours=1), T0 - timedelta(minutes=20), tool="anydesk",
               fmt="anydesk-trace", partner="111222333", first="far")
    assert svc.record_connection(far).session_id is None  # too early: nothing recorded
    wrong_tool = conn(T0 + timedelta(minutes=5), None, tool="teamviewer",
                      fmt="teamviewer-log", partner=None)
    assert svc.record_connection(wrong_tool).session_id is None
    assert [o.session_id for o in svc.connections(anydesk)] == [anydesk]


def test_a_planned_session_matches_by_partner_only(svc: Sessiond) -> None:
    planned = session(svc, partner=PARTNER, start=None, planned=T0)
    assert svc.record_connection(conn(T0 + timedelta(minutes=3), None)).session_id == planned
    nameless = session(svc, start=None, planned=T0)
    assert svc.record_connection(conn(T0 + timedelta(minutes=4), None, partner="5",
                                      first="x")).session_id is None
    assert svc.connections(nameless) == []


def test_day_listing_and_connected_time(svc: Sessiond) -> None:
    sid = session(svc, partner=PARTNER)
    svc.record_connection(conn(T0, T0 + timedelta(minutes=20), first="1"))
    svc.record_connection(conn(T0 + timedelta(minutes=10), T0 + timedelta(minutes=30),
                               first="2"))
    svc.record_connection(conn(T0 + timedelta(minutes=40), T0 + timedelta(minutes=41),
                               first="3", outcome="rejected"))
    day = svc.evidence_of_day(T0.date())
    assert [o.session_id for o in day] == [sid] * 3
    assert svc.evidence_of_day(T0.date() + timedelta(days=1)) == []
    # overlaps counted once, a refused attempt not at all
    assert evidence.connected_seconds(day, T0 + timedelta(hours=1)) == 30 * 60


# --- the daemon's watcher on a real file ------------------------------------------------------


def rust(at: datetime, message: str) -> str:
    stamp = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return f"[{stamp} +00:00] INFO [src/flutter.rs:1408] {message}\n"


def watch(svc: Sessiond, path: Path) -> EvidenceWatch:
    return EvidenceWatch(svc, Evidence(teamviewer=(), anydesk=(), rustdesk=(str(path),)))


def test_watcher_follows_growth_rotation_and_truncation(svc: Sessiond, tmp_path: Path,
                                                         ) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    sid = session(svc, partner=PARTNER, start=None, planned=now - timedelta(minutes=30))
    path = tmp_path / "rustdesk_rCURRENT.log"
    w = watch(svc, path)
    assert w.poll(now) == []  # a missing file is no error
    path.write_text(rust(now - timedelta(minutes=5), "start with user jean"))
    assert w.poll(now) == []
    with path.open("a") as f:
        f.write(rust(now - timedelta(minutes=4), f"Session {PARTNER} start, use texture"))
    (question,) = w.poll(now)
    assert question.kind == "connection-opened" and question.session_id == sid
    assert question.data["choices"][0] == f"start {sid}"
    assert PARTNER not in question.message and PARTNER not in str(question.data)
    assert w.poll(now) == []  # asked once
    (seen,) = svc.connections(sid)
    assert seen.end is None

    # rotation: the old file renamed (its last line written just before), a new one started
    with path.open("a") as f:
        f.write(rust(now - timedelta(minutes=3), "handle_peer_info :PeerInfo { }"))
    path.rename(tmp_path / "rustdesk_r2026-11-20_09-00-00.log")
    path.write_text(rust(now - timedelta(minutes=2), "Set fps to 13"))
    assert w.poll(now) == []
    svc.consent(sid, channel="tool-code", by="Jeanne", at=now - timedelta(minutes=6))
    answer(svc, question.id, f"start {sid}", now)
    assert svc.session(sid).started_at == now - timedelta(minutes=4)
    with path.open("a") as f:
        f.write(rust(now - timedelta(minutes=1), f"Exit io_loop of id={PARTNER}"))
    (stop_question,) = w.poll(now)
    assert stop_question.kind == "connection-closed"
    assert stop_question.data["choices"] == [f"stop {sid}", f"pause {sid}", "ignore"]
    (seen,) = svc.connections(sid)
    assert seen.end == now - timedelta(minutes=1) and seen.outcome == "accepted"

    # truncation: read again from the start, nothing recorded twice
    path.write_text(rust(now, "Set fps to 29"))
    before = len(svc.events())
    w.poll(now)
    assert len(svc.events()) == before
    answer(svc, stop_question.id, "stop", now)
    session_now = svc.session(sid)
    assert session_now.state is State.STOPPED
    assert session_now.stopped_at == now - timedelta(minutes=1)
    w.close()


def test_an_idle_poll_reads_nothing(svc: Sessiond, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rustdesk_rCURRENT.log"
    path.write_text(rust(T0, "start with user jean"))
    w = watch(svc, path)
    w.poll(T0)
    calls: list[str] = []
    import sessiond.daemon.evidence as module

    real = module.read_increment
    monkeypatch.setattr(module, "read_increment",
                        lambda *a, **k: calls.append("read") or real(*a, **k))
    for _ in range(50):
        w.poll(T0)
    assert calls == []
    with path.open("a") as f:
        f.write(rust(T0, "Set fps to 13"))
    w.poll(T0)
    assert calls == ["read"]
    w.close()


def test_old_connections_are_recorded_but_not_asked_about(svc: Sessiond, tmp_path: Path
                                                          ) -> None:
    sid = session(svc, partner=PARTNER, start=None, planned=T0)
    path = tmp_path / "rustdesk_rCURRENT.log"
    path.write_text(rust(T0 + timedelta(minutes=1), f"Session {PARTNER} start, use"))
    w = watch(svc, path)
    assert w.poll(T0 + timedelta(days=2)) == []
    assert len(svc.connections(sid)) == 1
    w.close()


def test_unreadable_log_is_reported_once(svc: Sessiond, tmp_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "anydesk.trace"
    path.mkdir()  # stat works, open fails (as a trace of root's mode 0600 would for a user)
    w = EvidenceWatch(svc, Evidence(teamviewer=(), rustdesk=(), anydesk=(str(path),)))
    for _ in range(3):
        w.poll(T0)
    # One warning (the info line that lists the followed logs names it too, when an
    # earlier test of this worker turned info on).
    assert sum("anydesk.trace" in r.getMessage() for r in caplog.records
               if r.levelno >= logging.WARNING) == 1


def test_a_fifo_in_place_of_a_log_is_reported_never_waited_on(
        svc: Sessiond, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """open() of a FIFO waits for a writer: the daemon's poll hung there for good."""
    import threading

    path = tmp_path / "anydesk.trace"
    os.mkfifo(path)
    w = EvidenceWatch(svc, Evidence(teamviewer=(), rustdesk=(), anydesk=(str(path),)))
    polled = threading.Thread(target=w.poll, args=(T0,), daemon=True)
    polled.start()
    polled.join(10)
    if polled.is_alive():  # unblock the thread's open(), or the test run never ends
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        polled.join(10)
        pytest.fail("the poll waited on the FIFO")
    w.close()
    assert any("anydesk.trace" in r.getMessage()
               and ("regular" in r.getMessage() or "ordinaire" in r.getMessage())
               for r in caplog.records if r.levelno >= logging.WARNING)


# --- answers ------------------------------------------------------------------------------


def test_answers_of_connection_questions(svc: Sessiond) -> None:
    sid = session(svc, partner=PARTNER, start=None, planned=T0)
    svc.consent(sid, channel="tool-code", by="Jeanne", at=T0)
    conn_ = svc.store.conn
    q = notices.post(conn_, now=T0, kind="connection-opened", message="m", session_id=sid,
                     question=True, dedup_key="connection-opened:k",
                     data={"at": "2026-11-20T09:02:00Z", "choices": [f"start {sid}"]})
    assert q is not None
    with pytest.raises(InputError):
        answer(svc, q.id, "worked", T0)  # a connection question is not about a span
    with pytest.raises(InputError):
        answer(svc, q.id, "stop", T0)  # nothing runs: start or ignore
    done, event = answer(svc, q.id, "start", T0 + timedelta(minutes=5))
    assert event is not None and event.kind == "session-started"
    assert event.at == datetime(2026, 11, 20, 9, 2, tzinfo=UTC)
    assert done.answer == f"start {sid} at 2026-11-20T09:02:00Z"
    with pytest.raises(InputError):
        answer(svc, q.id, f"start {sid}", T0)  # started already
    closed = notices.post(conn_, now=T0, kind="connection-closed", message="m",
                          session_id=sid, question=True, dedup_key="connection-closed:k",
                          data={"at": "2026-11-20T09:40:00Z"})
    assert closed is not None
    _, paused = answer(svc, closed.id, "pause", T0, at=T0 + timedelta(minutes=35))
    assert paused is not None and paused.at == T0 + timedelta(minutes=35)
    ignored, nothing = answer(svc, closed.id, "ignore", T0)
    assert nothing is None and ignored.answer == "ignore"


# --- the rules at the stop ----------------------------------------------------------------


def test_an_open_connection_at_the_stop_is_a_thing_to_do_now(svc: Sessiond) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(minutes=30)
    sid = session(svc, partner=PARTNER, start=start, planned=start - timedelta(minutes=5))
    svc.record_connection(conn(start, None))
    stop = svc.stop(sid).at
    check = next(e for e in svc.session_events(sid) if e.kind == "check-completed")
    (todo,) = [f for f in check.body["findings"] if f["rule"] == "remote-access-after-stop"]
    assert todo["severity"] == "warning" and todo["message"].startswith("À faire maintenant")
    # Seen closed a minute after the stop: within the 2 minutes, nothing to report.
    svc.record_connection(conn(start, stop + timedelta(minutes=1)))
    report = svc.check(svc.session(sid))
    assert [f for f in report.findings if f.rule == "remote-access-after-stop"] == []


def test_a_connection_that_names_no_partner_before_the_consent(svc: Sessiond) -> None:
    # RustDesk's incoming side names no partner; matched by time to a session planned with
    # one, opened before the consent: nothing says it reached another machine.
    sid = session(svc, partner=PARTNER, start=T0, stop=T0 + timedelta(minutes=40))
    done = svc.record_connection(conn(T0 - timedelta(minutes=5), T0 + timedelta(minutes=40),
                                      partner=None))
    assert (done.session_id, done.matched_by) == (sid, "time")
    report = svc.check(svc.session(sid))
    (found,) = [f for f in report.findings if f.rule == "remote-access-before-consent"]
    assert found.severity == "error" and done.seq in found.events


def test_a_duplicate_s_connections_are_compared_with_the_kept_session_s_consent(
        svc: Sessiond) -> None:
    """The same work timed twice: the connection the tool logged was matched to the session
    cancelled as the duplicate. The kept session's check compares it with its own consent
    (Micro-Alpes 7, art. 1), as if it had been matched there; one opened after that consent
    is no finding."""
    client = svc.add_client("Jeanne Martin", at=T0 - timedelta(minutes=20))
    kept = svc.new_session(client, policy="micro-alpes", tool="rustdesk",
                           at=T0 - timedelta(minutes=15))
    twice = svc.new_session(client, policy="micro-alpes", tool="rustdesk",
                            at=T0 - timedelta(minutes=14))
    svc.consent(twice, channel="tool-code", by="Jeanne", at=T0 - timedelta(minutes=1))
    svc.start(twice, at=T0)
    svc.consent(kept, channel="tool-code", by="Jeanne", at=T0 + timedelta(minutes=5))
    svc.start(kept, at=T0 + timedelta(minutes=5))
    early = svc.record_connection(conn(T0 + timedelta(minutes=1), T0 + timedelta(minutes=40)),
                                  session_id=twice)
    later = svc.record_connection(conn(T0 + timedelta(minutes=6), T0 + timedelta(minutes=40),
                                       first="b"), session_id=twice)
    assert (early.session_id, later.session_id) == (twice, twice)
    svc.stop(kept, at=T0 + timedelta(minutes=40))
    svc.cancel(twice, duplicate_of=kept, reason="lancée deux fois")
    report = svc.check(svc.session(kept))
    (found,) = [f for f in report.findings if f.rule == "remote-access-before-consent"]
    assert (found.severity, found.article) == ("error", "7, art. 1")
    assert early.seq in found.events and later.seq not in found.events
    assert "avant que le consentement du client" in found.message
    # The duplicate's own check leaves the work's connections to the kept session.
    assert svc.check(svc.session(twice)).findings == ()
    # The day's export and the TUI's badge read the check recorded at the stop unless a
    # fact came since: the cancellation came after it, so they check again.
    from sessiond.exports.sources import Ledger

    compliance = Ledger(svc, T0 + timedelta(hours=1)).compliance(svc.session(kept))
    assert "remote-access-before-consent" in {f.rule for f in compliance.findings}


def test_a_connection_read_open_long_after_the_stop(svc: Sessiond) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    sid = session(svc, partner=PARTNER, start=now - timedelta(hours=1),
                  stop=now - timedelta(minutes=30), planned=now - timedelta(hours=2))
    svc.record_connection(conn(now - timedelta(hours=1), None))
    report = svc.check(svc.session(sid))
    (found,) = [f for f in report.findings if f.rule == "remote-access-after-stop"]
    assert found.severity == "error" and "n'avait pas encore de fin" in found.message


def test_a_connection_opened_after_the_stop_is_no_connection_left_open(svc: Sessiond) -> None:
    """Micro-Alpes 7, art. 1: once the work is over the technician "ne peut plus prendre le
    contrôle". A connection to the client's machine an hour after the stop is a new access:
    the finding says when it opened, not that it "stayed open"."""
    sid = session(svc, partner=PARTNER, start=T0, stop=T0 + timedelta(minutes=30))
    svc.record_connection(conn(T0 + timedelta(minutes=90), T0 + timedelta(minutes=95)))
    report = svc.check(svc.session(sid))
    (found,) = [f for f in report.findings if f.rule == "remote-access-after-stop"]
    assert (found.severity, found.article) == ("error", "7, art. 1")
    assert "a été ouverte à 2026-11-20 11:30:00, 1 h après l'arrêt" in (
        found.message), found.message
    assert "restée ouverte" not in found.message


def test_a_desktop_button_answers_the_question(svc: Sessiond, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """notify-send --action prints the name of the button clicked: here a stand-in that
    clicks the first one (a real notification needs a D-Bus notification server)."""
    from sessiond.daemon.desktop import Desktop

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "notify-send"
    calls = tmp_path / "calls"
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n'
                    'case "$1" in --help) echo "  -A, --action=[NAME=]Text...";; '
                    '*) echo a0;; esac\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    now = datetime.now(UTC).replace(microsecond=0)
    sid = session(svc, partner=PARTNER, start=None, planned=now - timedelta(minutes=10))
    svc.consent(sid, channel="tool-code", by="Jeanne", at=now - timedelta(minutes=9))
    path = tmp_path / "rustdesk_rCURRENT.log"
    path.write_text(rust(now - timedelta(minutes=2), f"Session {PARTNER} start, use"))
    desktop = Desktop()
    w = EvidenceWatch(svc, Evidence(teamviewer=(), anydesk=(), rustdesk=(str(path),)),
                      desktop=desktop)
    (question,) = w.poll(now)
    for _ in range(50):
        answered = w.poll(now)
        if answered:
            break
        time.sleep(0.05)
    assert [n.id for n in answered] == [question.id]
    assert svc.session(sid).started_at == now - timedelta(minutes=2)
    assert f"--action=a0=Démarrer {sid}" in calls.read_text()
    desktop.close()
    w.close()


def test_the_evidence_section_of_the_config(home: Path) -> None:
    from sessiond.config import load_config, paths

    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text('[evidence]\nanydesk = ["/tmp/a.trace"]\n'
                                      "rustdesk = []\n", encoding="utf-8")
    settings = load_config(paths()).evidence
    assert settings.anydesk == ("/tmp/a.trace",) and settings.rustdesk == ()
    assert settings.teamviewer == Evidence().teamviewer and settings.watch
    for wrong in ('anydesk = "/tmp/a.trace"', "anydesk = [1]", 'anydesk = [""]',
                  "watch = 1", 'unknown = []'):
        (home / "config.toml").write_text(f"[evidence]\n{wrong}\n", encoding="utf-8")
        with pytest.raises(InputError, match="evidence"):
            load_config(paths())


def test_the_stores_connection_queries(tmp_path: Path) -> None:
    """The named queries any backend must answer alike (see test_store_contract)."""
    from sessiond.store.sqlite import Store

    store = Store(tmp_path / "contract.sqlite3")

    def append(kind: str, body: dict[str, object]) -> int:
        with store.writing() as w:
            return w.append(kind=kind, session_id="s-1", client_id="c-1",
                            at="2026-11-22T10:00:00Z", recorded_at="2026-11-22T10:00:00Z",
                            tz="Europe/Paris", boot_id="b", boottime_ns=1, body=body).seq

    first = append("connection-observed", {"key": "k1", "start": "2026-11-22T09:00:00Z"})
    second = append("connection-observed", {"key": "k2", "start": "2026-11-22T09:30:00Z"})
    closing = append("connection-closed", {"observed": first, "end": "2026-11-22T09:10:00Z"})
    append("note-added", {"key": "k1", "start": "2026-11-22T09:00:00Z"})  # not a connection
    assert [r.seq for r in store.connection_events("k1")] == [first, closing]
    assert [r.seq for r in store.connection_events("k2")] == [second]
    assert store.connection_events("k3") == []
    assert [r.seq for r in store.connections_started("2026-11-22T09:00:00Z",
                                                     "2026-11-22T09:30:00Z")] == [first, closing]
    assert [r.seq for r in store.connections_started("2026-11-22T09:00:01Z",
                                                     "2026-11-23T00:00:00Z")] == [second]
    store.close()


def test_a_session_started_another_way_answers_the_question(svc: Sessiond, tmp_path: Path
                                                             ) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    sid = session(svc, partner=PARTNER, start=None, planned=now - timedelta(minutes=10))
    path = tmp_path / "rustdesk_rCURRENT.log"
    path.write_text(rust(now - timedelta(minutes=2), f"Session {PARTNER} start, use"))
    w = watch(svc, path)
    (question,) = w.poll(now)
    other = Sessiond()  # the CLI, in its own process: the daemon sees the store change
    other.consent(sid, channel="tool-code", by="Jeanne", at=now - timedelta(minutes=3))
    other.start(sid, at=now - timedelta(minutes=1))
    other.close()
    assert w.poll(now) == []
    done = notices.get(svc.store.conn, question.id)
    assert done is not None and done.answer == f"matched {sid}"
    w.close()


def test_a_connection_is_the_session_s_it_was_opened_in(svc: Sessiond) -> None:
    # The same partner twice in a row: the first connection runs 30 s into the second
    # session; it was opened in the first (left open after its stop), not before the
    # second's consent.
    first = session(svc, partner=PARTNER, start=T0, stop=T0 + timedelta(hours=1))
    second = session(svc, partner=PARTNER, start=T0 + timedelta(hours=1),
                     stop=T0 + timedelta(hours=2), planned=T0 - timedelta(minutes=5))
    run_on = conn(T0 + timedelta(minutes=1), T0 + timedelta(hours=1, seconds=30))
    assert svc.record_connection(run_on).session_id == first
    own = conn(T0 + timedelta(hours=1, minutes=1), T0 + timedelta(hours=2), first="b")
    assert svc.record_connection(own).session_id == second
    # A session planned in the morning for the afternoon does not take the morning's
    # connection of a session started with the same partner.
    later = session(svc, partner=PARTNER, start=None, planned=T0 - timedelta(hours=1))
    morning = conn(T0 + timedelta(minutes=20), T0 + timedelta(minutes=30), first="c")
    assert svc.record_connection(morning).session_id == first
    assert svc.connections(later) == []


def test_by_time_a_session_of_another_partner_comes_last(svc: Sessiond) -> None:
    # Two clients helped at the same time: the connection to a partner neither session was
    # planned with goes to the one that names no partner, whichever was planned first.
    nameless = session(svc, start=T0, stop=T0 + timedelta(minutes=50))
    named = session(svc, partner="999888777", start=T0, stop=T0 + timedelta(hours=1))
    c = conn(T0 + timedelta(minutes=2), T0 + timedelta(minutes=45), partner="555666777")
    assert svc.record_connection(c).session_id == nameless
    assert svc.connections(named) == []


def test_billed_time_is_compared_with_the_time_connected_to_the_client_during_the_work(
        svc: Sessiond) -> None:
    def beyond(sid: str) -> list[str]:
        report = svc.check(svc.session(sid))
        return [f.message for f in report.findings if f.rule == "billed-beyond-connection"]

    # An hour worked, ten minutes connected to the client, fifty to another machine.
    other = session(svc, partner=PARTNER, start=T0, stop=T0 + timedelta(hours=1))
    svc.record_connection(conn(T0, T0 + timedelta(minutes=10)))
    svc.record_connection(conn(T0 + timedelta(minutes=10), T0 + timedelta(hours=1),
                               partner="555666777", first="other"))
    (found,) = beyond(other)
    assert "10 min" in found
    # An hour worked, connected from ten minutes before the stop to an hour after it.
    late = session(svc, partner="111222333", start=T0 + timedelta(hours=3),
                   stop=T0 + timedelta(hours=4))
    svc.record_connection(conn(T0 + timedelta(hours=3, minutes=50), T0 + timedelta(hours=5),
                               partner="111222333", first="late"))
    (found,) = beyond(late)
    assert "10 min" in found
    # Connected the whole time, pause included: nothing to say.
    paused = session(svc, partner="222333444", start=T0 + timedelta(hours=6))
    svc.pause(paused, at=T0 + timedelta(hours=6, minutes=10))
    svc.resume(paused, at=T0 + timedelta(hours=7))
    svc.stop(paused, at=T0 + timedelta(hours=7, minutes=20))
    svc.record_connection(conn(T0 + timedelta(hours=6), T0 + timedelta(hours=7, minutes=20),
                               partner="222333444", first="paused"))
    assert beyond(paused) == []


def test_instants_of_the_hour_that_comes_twice_carry_their_offset(svc: Sessiond) -> None:
    # 25 October 2026, Paris: 02:00-03:00 comes twice. The connection at 00:55 UTC (02:55
    # summer time) was opened before the consent at 01:05 UTC (02:05 winter time).
    fall = datetime(2026, 10, 25, 1, 6, tzinfo=UTC)
    sid = session(svc, partner=PARTNER, start=fall, stop=fall + timedelta(minutes=30),
                  planned=fall - timedelta(hours=1))
    svc.record_connection(conn(fall - timedelta(minutes=11), fall + timedelta(minutes=29)))
    report = svc.check(svc.session(sid))
    (found,) = [f for f in report.findings if f.rule == "remote-access-before-consent"]
    assert "02:55:00 (UTC+02:00)" in found.message
    assert "02:05:00 (UTC+01:00)" in found.message


def test_after_the_stop_a_connection_to_another_machine_is_not_this_client_s(
        svc: Sessiond) -> None:
    # The technician moved on to his next client (a session not started yet) five minutes
    # after the stop: matched here by time, reported as another partner, not as access to
    # this client's computer after the stop.
    sid = session(svc, partner=PARTNER, start=T0, stop=T0 + timedelta(minutes=40))
    svc.record_connection(conn(T0, T0 + timedelta(minutes=40)))
    nxt = conn(T0 + timedelta(minutes=45), T0 + timedelta(minutes=55), partner="555666777",
               first="next")
    assert svc.record_connection(nxt).session_id == sid
    rules = [f.rule for f in svc.check(svc.session(sid)).findings]
    assert "connection-to-other-partner" in rules
    assert "remote-access-after-stop" not in rules
