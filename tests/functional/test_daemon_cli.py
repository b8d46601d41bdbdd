"""The real `sessiond daemon`: start-up without a display, sd_notify, one owner, reminders
end to end, the timer's catch-up, `sessiond systemd install` verified by systemd-analyze."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sessiond.policy import shipped_dir
from tests.conftest import SESSIOND, Cli
from tests.functional.test_daemon_support import running_session, start_daemon, wait_for


def test_without_a_display_one_clear_line_and_everything_else_runs(cli: Cli) -> None:
    daemon = start_daemon(cli, env={"DISPLAY": "", "WAYLAND_DISPLAY": ""})
    try:
        log = daemon.text()
        off = [line for line in log.splitlines() if "DISPLAY" in line]
        assert off == ["WARNING Raccourcis et détection d'inactivité désactivés\u202f: pas "
                       "d'affichage (DISPLAY n'est pas défini)."]
        status = cli("status").out
        assert ("raccourcis\u202f: hors service (pas d'affichage (DISPLAY n'est pas défini))"
                in status)
        data = cli.json("daemon", "status")
        assert data["running"] and data["jobs_owner"] == "daemon"
        assert data["hotkeys"] == {"on": False,
                                   "reason": "pas d'affichage (DISPLAY n'est pas défini)"}
        assert data["idle"]["on"] is False
        wait_for(lambda: cli.json("daemon", "status")["last_heartbeat"], 10)
    finally:
        assert daemon.stop() == 0
    assert "stopping" in daemon.text()
    assert cli.json("daemon", "status")["running"] is False


def test_wayland_turns_hotkeys_and_idle_off(cli: Cli) -> None:
    daemon = start_daemon(cli, env={"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"})
    try:
        assert "session Wayland" in cli("daemon", "status").out
    finally:
        daemon.stop()


def test_a_second_daemon_is_refused(cli: Cli) -> None:
    daemon = start_daemon(cli, env={"DISPLAY": ""})
    try:
        second = cli("daemon", check=False)
        assert second.code == 2
        assert f"Un autre démon sessiond tourne déjà (pid {daemon.pid})" in second.err
    finally:
        daemon.stop()


def test_sd_notify_ready_watchdog_stopping(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        server.settimeout(20)
        daemon = start_daemon(cli, env={"DISPLAY": "", "NOTIFY_SOCKET": str(path),
                                        "WATCHDOG_USEC": "2000000"}, wait_ready=False)
        got: list[str] = []
        try:
            while "READY=1" not in got:
                got.append(server.recv(4096).decode())
            assert any(m.startswith("STATUS=sessiond: 0 running session(s)") for m in got)
            # Pings every WATCHDOG_USEC / 2 = 1 s, from the loop.
            pings = 0
            start = time.monotonic()
            while pings < 2:
                pings += server.recv(4096) == b"WATCHDOG=1"
            assert time.monotonic() - start < 5
        finally:
            daemon.stop()
        while (message := server.recv(4096).decode()) != "STOPPING=1":
            pass
        assert message == "STOPPING=1"


def test_tranche_reminder_end_to_end(cli: Cli) -> None:
    # A user policy with a 2 min 10 s first block: the 2-minute reminder is due 10 s in.
    own = cli.home / "policies"
    own.mkdir(parents=True, exist_ok=True)
    text = (shipped_dir() / "md-micro-services.toml").read_text(encoding="utf-8")
    assert "first_block_seconds = 900" in text
    (own / "md-micro-services.toml").write_text(
        text.replace("first_block_seconds = 900", "first_block_seconds = 130"),
        encoding="utf-8")
    daemon = start_daemon(cli, env={"DISPLAY": ""})
    try:
        session = running_session(cli, "md-micro-services")
        started = time.monotonic()

        def reminders() -> list[dict[str, object]]:
            return [n for n in cli.json("daemon", "questions", "--all")["notifications"]
                    if n["kind"] == "tranche"]

        (notice,) = wait_for(reminders, 30, daemon.text, every=0.25)
        assert time.monotonic() - started <= 25
        # Fired at its second: 2 min before the block ends, i.e. 10 s after the start.
        from sessiond.clock import from_text

        start_at = cli.json("session", "show", session)["started_at"]
        late = (from_text(str(notice["created_at"])) - from_text(start_at)).total_seconds()
        assert 10 <= late < 11.5
        assert notice["session"] == session
        assert "dans 2\u00a0min, tranche suivante, +15 min / +" in str(notice["message"])
        assert str(notice["message"]).endswith(" €")  # the amount as bills write it
    finally:
        daemon.stop()


def test_catch_up_runs_the_real_export_once(cli: Cli) -> None:
    pytest.importorskip("sessiond.exports.export", reason="the exports module has not landed")
    two_days_ago = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
    running_session(cli, started=two_days_ago)  # so there are days to export
    first = cli("daemon", "catch-up")
    assert first.code == 0
    made = [e for e in cli.events() if e["kind"] == "export-made"]
    assert len(made) == 1
    files = sorted((cli.home / "exports").glob("sessiond-*.csv"))
    assert len(files) == 1 and files[0].name == f"sessiond-{made[0]['body']['last_day']}.csv"
    assert oct(files[0].stat().st_mode & 0o777) == "0o600"
    said = cli.json("daemon", "questions", "--all")["notifications"]
    assert [n["data"]["path"] for n in said if n["kind"] == "export"] == [str(files[0])]
    assert len(_seals(cli)) == 1
    assert cli("daemon", "catch-up").code == 0
    assert len(_seals(cli)) == 1
    assert len([e for e in cli.events() if e["kind"] == "export-made"]) == 1
    assert cli("verify").code == 0


def test_catch_up_leaves_the_jobs_to_a_running_daemon(cli: Cli) -> None:
    daemon = start_daemon(cli, env={"DISPLAY": ""})
    try:
        before = len(cli.events())
        result = cli("daemon", "catch-up")
        assert result.code == 0 and "nothing to do" in result.err
        assert len(cli.events()) == before
    finally:
        daemon.stop()


def test_questions_and_answers_from_the_cli(cli: Cli) -> None:
    assert cli("daemon", "questions").out.strip() == "Aucune question en attente."
    bad = cli("daemon", "answer", "7", "worked", check=False)
    assert bad.code == 2 and "Aucune question n°\u00a07" in bad.err


@pytest.mark.systemd
@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_installed_units_pass_systemd_analyze_verify(cli: Cli, tmp_path: Path) -> None:
    home = tmp_path / "user"
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**cli.env, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_RUNTIME_DIR": str(runtime)}
    out = subprocess.run([SESSIOND, "systemd", "install", "--no-reload", "--json"],
                         env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    unit_dir = home / ".config" / "systemd" / "user"
    written = sorted(p.name for p in unit_dir.iterdir())
    assert written == ["sessiond-export.service", "sessiond-export.timer",
                       "sessiond.service"]
    service = (unit_dir / "sessiond.service").read_text()
    assert f"Environment=SESSIOND_HOME={cli.home}" in service.splitlines()
    verify = _verify(env, sorted(unit_dir.iterdir()))
    assert verify.returncode == 0 and verify.stderr.strip() == "", verify.stderr


@pytest.mark.systemd
@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_repository_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    # ExecStart=%h/.local/bin/sessiond must exist and be executable for verify.
    home = tmp_path / "user"
    stub = home / ".local" / "bin" / "sessiond"
    stub.parent.mkdir(parents=True)
    stub.write_text("#!/bin/sh\nexit 0\n")
    stub.chmod(0o755)
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    repo_units = Path(__file__).resolve().parents[2] / "systemd"
    verify = _verify(env, sorted(repo_units.iterdir()))
    assert verify.returncode == 0 and verify.stderr.strip() == "", verify.stderr
    # And a misspelt key would be caught: verify only warns, on stderr.
    broken = tmp_path / "sessiond.service"
    broken.write_text((repo_units / "sessiond.service").read_text().replace(
        "RestartSec=", "RestartSecs="))
    assert "Unknown key" in _verify(env, [broken]).stderr


def _verify(env: dict[str, str], files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["systemd-analyze", "--user", "verify", "--man=no",
                           *map(str, files)], env=env, capture_output=True, text=True,
                          timeout=60)


def _seals(cli: Cli) -> list[str]:
    import sqlite3

    with sqlite3.connect(cli.home / "sessiond.sqlite3") as conn:
        return [r[0] for r in conn.execute(
            "SELECT reason FROM checkpoints WHERE reason LIKE 'day-seal %'")]
