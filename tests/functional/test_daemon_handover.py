"""One owner of the jobs: the TUI runs them when no daemon runs, and hands them over to a
daemon that starts."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from sessiond.config import paths
from sessiond.daemon import exporting, owner
from sessiond.daemon.embedded import EmbeddedJobs
from sessiond.sessions import Sessiond
from tests.conftest import Cli
from tests.functional.test_daemon_support import running_session, start_daemon


@pytest.fixture(autouse=True)
def no_real_export(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(svc: Sessiond, first: date, last: date, now: datetime) -> None:
        svc.record_export(first_day=first, last_day=last, fmt="csv", sessions=0,
                          at=now.replace(microsecond=0))

    monkeypatch.setattr(exporting, "export_days", fake)


async def test_tui_runs_the_jobs_then_hands_them_to_a_daemon(cli: Cli) -> None:
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
    running_session(cli, started=two_days_ago)  # so there are days to export
    embedded = EmbeddedJobs(paths())
    assert embedded.start()
    try:
        assert owner.is_locked(paths().data / owner.JOBS_LOCK)
        assert not EmbeddedJobs(paths()).start()  # a second TUI leaves them alone
        status = cli.json("daemon", "status")
        assert status["running"] is False and status["jobs_owner"] == "tui"
        assert "l'interface du terminal exécute les tâches" in cli("status").out

        daemon = start_daemon(cli, env={"DISPLAY": ""}, wait_ready=False)
        try:
            deadline = time.monotonic() + 20
            while embedded.running and time.monotonic() < deadline:
                await asyncio.sleep(0.2)  # the TUI's loop keeps turning
            assert not embedded.running
            while "ready" not in daemon.text() and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            assert "ready" in daemon.text(), daemon.text()
            assert "waiting for the terminal interface" in daemon.text()
            assert cli.json("daemon", "status")["jobs_owner"] == "daemon"
            assert not EmbeddedJobs(paths()).start()  # while a daemon runs, never
        finally:
            assert daemon.stop() == 0
    finally:
        embedded.stop()
    exports = [e for e in cli.events() if e["kind"] == "export-made"]
    assert len(exports) == 1  # both owners caught up; the store made it happen once
