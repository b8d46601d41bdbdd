"""kill -9 the daemon during a running session, restart it: the heartbeat gap becomes a
question, and the technician's answer becomes a `span-reviewed` event."""

from __future__ import annotations

import signal
import time

from tests.conftest import Cli
from tests.functional.test_daemon_support import running_session, start_daemon, wait_for


def heartbeats(cli: Cli) -> int:
    import sqlite3

    with sqlite3.connect(cli.home / "sessiond.sqlite3") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM heartbeats").fetchone()[0])


def test_kill_9_then_restart_reports_the_gap(cli: Cli) -> None:
    session = running_session(cli)
    daemon = start_daemon(cli, env={"DISPLAY": ""})
    wait_for(lambda: heartbeats(cli) >= 3, 20)
    assert cli.json("status")["daemon"]["running"] is True
    killed_at = time.time()
    assert daemon.stop(signal.SIGKILL) == -signal.SIGKILL
    assert cli.json("status")["daemon"]["running"] is False  # no stale owner
    time.sleep(5)  # > 3 heartbeat intervals: a gap

    again = start_daemon(cli, env={"DISPLAY": ""})
    try:
        asked = wait_for(lambda: cli.json("daemon", "questions")["notifications"], 20)
        (question,) = asked
        assert question["kind"] == "gap" and question["session"] == session
        assert question["question"] is True and question["answer"] is None
        assert "sans trace" in question["message"]
        start, end = question["data"]["start"], question["data"]["end"]
        # The span runs from the last heartbeat before the kill to the restart.
        from sessiond.clock import from_text

        assert from_text(start).timestamp() <= killed_at + 1
        assert from_text(end).timestamp() - from_text(start).timestamp() >= 4
        assert "Démon\u202f: en marche" in cli("status").out
        assert "1 question en attente" in cli("status").out
        # A further restart does not ask twice about the same span. (On a loaded machine
        # the restart itself may come after more than three heartbeat intervals: that
        # later span is a gap of its own, asked about once too.)
        assert again.stop() == 0
        third = start_daemon(cli, env={"DISPLAY": ""})
        time.sleep(1.5)
        spans = [(q["data"]["start"], q["data"]["end"])
                 for q in cli.json("daemon", "questions")["notifications"]]
        assert spans.count((start, end)) == 1 and len(set(spans)) == len(spans)
        assert all(later >= end for later, until in spans if (later, until) != (start, end))
        assert third.stop() == 0
    finally:
        again.stop()

    answered = cli.json("daemon", "answer", str(question["id"]), "paused")
    assert answered["notification"]["answer"] == "paused"
    review = [e for e in cli.events() if e["kind"] == "span-reviewed"]
    assert len(review) == 1
    assert review[0]["body"] == {"start": start, "end": end, "cause": "gap",
                                 "decision": "paused"}
    assert cli.json("daemon", "questions")["notifications"] == []
    assert cli("verify").code == 0
