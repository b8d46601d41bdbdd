"""Small parts of the daemon: sd_notify, owner locks, status, desktop notices, display
detection, systemd units."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sessiond.config import Config, paths
from sessiond.daemon import desktop, owner, sdnotify, status, units, x11
from sessiond.daemon.status import Feature
from sessiond.errors import InputError

REPO = Path(__file__).resolve().parents[2]


# --- sd_notify ------------------------------------------------------------------------------


def test_notify_sends_one_datagram(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(path))
        monkeypatch.setenv("NOTIFY_SOCKET", str(path))
        assert sdnotify.notify("READY=1\nSTATUS=ok")
        assert server.recv(4096) == b"READY=1\nSTATUS=ok"


def test_notify_abstract_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"sessiond-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind("\0" + name)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert sdnotify.notify("WATCHDOG=1")
        assert server.recv(64) == b"WATCHDOG=1"


def test_notify_outside_systemd_is_a_no_op(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not sdnotify.notify("READY=1")
    monkeypatch.setenv("NOTIFY_SOCKET", "relative/path")
    assert not sdnotify.notify("READY=1")
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody-listens"))
    assert not sdnotify.notify("READY=1")


def test_watchdog_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert sdnotify.watchdog_seconds() is None
    monkeypatch.setenv("WATCHDOG_USEC", "60000000")
    assert sdnotify.watchdog_seconds() == 60.0
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert sdnotify.watchdog_seconds() == 60.0
    monkeypatch.setenv("WATCHDOG_PID", "1")  # meant for another process
    assert sdnotify.watchdog_seconds() is None


# --- locks ----------------------------------------------------------------------------------


def test_one_owner_at_a_time(home: Path) -> None:
    p = paths()
    first, second = owner.jobs_lock(p), owner.jobs_lock(p)
    assert first.acquire()
    assert not second.acquire()
    assert owner.is_locked(first.path)
    first.release()
    assert not owner.is_locked(first.path)
    assert second.acquire()
    second.release()
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600


def test_lock_held_by_another_process_dies_with_it(home: Path) -> None:
    path = paths().data / owner.DAEMON_LOCK
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from sessiond.daemon.owner import Lock;"
         f"l = Lock(Path({str(path)!r})); assert l.acquire(); l.write_pid();"
         "print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert owner.is_locked(path)
        assert not owner.Lock(path).acquire(wait=0.3)
        assert path.read_text().strip() == str(child.pid)
    finally:
        child.kill()
        child.wait()
    assert not owner.is_locked(path)  # kill -9 leaves no stale owner


# --- status ---------------------------------------------------------------------------------


def test_status_without_a_daemon(home: Path) -> None:
    data = status.collect(paths().data)
    assert data["running"] is False and data["jobs_owner"] is None
    assert "Démon\u202f: arrêté" in status.describe(data)


def test_status_line_says_why_features_are_off(home: Path) -> None:
    text = status.describe({
        "running": True, "pid": 42, "jobs_owner": "daemon",
        "hotkeys": Feature(True).to_json(),
        "idle": Feature(False, "pas d'affichage (DISPLAY n'est pas défini)").to_json(),
        "pending_questions": 2})
    assert text.splitlines() == [
        "Démon\u202f: en marche (pid 42)\u202f; raccourcis\u202f: en service\u202f; "
        "détection d'inactivité\u202f: hors service (pas d'affichage (DISPLAY n'est pas "
        "défini)).",
        "2 questions en attente de réponse\u202f: sessiond daemon questions."]


def test_status_file_is_private(home: Path) -> None:
    status.write(paths(), hotkeys=Feature(True), idle=Feature(False, "x"))
    path = paths().data / status.STATUS_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert status.read_file(paths().data)["idle"] == {"on": False, "reason": "x"}  # type: ignore[index]


# --- display detection ----------------------------------------------------------------------


@pytest.mark.parametrize(("env", "problem"), [
    ({}, "DISPLAY"),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}, "Wayland"),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "Wayland"),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}, None),
])
def test_display_problem(env: dict[str, str], problem: str | None) -> None:
    found = x11.display_problem(env)
    assert (found is None) if problem is None else (problem in (found or ""))


def test_idle_source_without_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    source, reason = x11.open_idle_source()
    assert source is None and reason is not None and "DISPLAY" in reason


def test_idle_source_with_a_dead_display(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPLAY", ":87")  # nothing listens there
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    source, reason = x11.open_idle_source()
    assert source is None and reason is not None and ":87" in reason


# --- desktop notifications ------------------------------------------------------------------


def test_desktop_notification_through_notify_send(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "calls"
    stub = tmp_path / "bin" / "notify-send"
    stub.parent.mkdir()
    stub.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> {log}\necho >> {log}\n')
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{stub.parent}:{os.environ['PATH']}")
    notifier = desktop.Desktop()
    assert notifier.show("sessiond", "Session s-1 : dans 2 min : tranche suivante")
    notifier.close()
    assert log.read_text().strip() == ("--app-name=sessiond|--urgency=normal|--|sessiond|"
                                       "Session s-1 : dans 2 min : tranche suivante|")
    # after "--", a title or a body that begins with a dash is text, never an option
    assert notifier.show("-u critical", "--app-name=x")
    notifier.close()
    assert log.read_text().splitlines()[-1] == ("--app-name=sessiond|--urgency=normal|--|"
                                                "-u critical|--app-name=x|")


def test_a_notification_body_shows_stored_text_as_text(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The body is markup to the notification server: a client named with tags got them
    applied (a link, an image read from a file), an "&" made it drop the body, and his
    name's escape sequences went out raw."""
    log = tmp_path / "calls"
    stub = tmp_path / "bin" / "notify-send"
    stub.parent.mkdir()
    stub.write_text(f'#!/bin/sh\nprintf "%s|" "$@" >> {log}\necho >> {log}\n')
    stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{stub.parent}:{os.environ['PATH']}")
    notifier = desktop.Desktop()
    name = "<a href='http://x'>Dupont</a> & Fils <img src='file:///etc/passwd'/>\x1b[2J\u202e"
    assert notifier.show("sessiond", f"Intervention de {name} : dans 2 min")
    notifier.close()
    body = log.read_text().strip().split("|")[4]
    assert body == ("Intervention de &lt;a href='http://x'&gt;Dupont&lt;/a&gt; &amp; Fils "
                    "&lt;img src='file:///etc/passwd'/&gt;\\u001b[2J\\u202e : dans 2 min")


def test_no_notify_send_no_problem(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not desktop.Desktop().show("sessiond", "x")


# --- systemd units --------------------------------------------------------------------------


def test_repository_units_are_the_rendered_ones() -> None:
    for name, text in units.render(units.REPO_EXEC).items():
        assert (REPO / "systemd" / name).read_text(encoding="utf-8") == text, name


def test_unit_contents() -> None:
    rendered = units.render("/opt/sessiond/bin/sessiond", "18:45", "Europe/Paris",
                            {"SESSIOND_HOME": "/home/jm/sessiond data"})
    service = rendered["sessiond.service"]
    for line in ("Type=notify", "WatchdogSec=60", "Restart=on-failure",
                 "ExecStart=/opt/sessiond/bin/sessiond daemon", "NoNewPrivileges=yes",
                 'Environment="SESSIOND_HOME=/home/jm/sessiond data"'):
        assert line in service.splitlines()
    for option in ("ProtectSystem", "PrivateTmp", "ProtectHome", "ProtectProc"):
        assert option not in service  # not valid, or harmful to X11, in a user unit
    timer = rendered["sessiond-export.timer"]
    assert "OnCalendar=*-*-* 18:45:00 Europe/Paris" in timer.splitlines()
    assert "Persistent=true" in timer.splitlines()
    assert "ExecStart=/opt/sessiond/bin/sessiond daemon catch-up" in \
        rendered["sessiond-export.service"].splitlines()


def test_exec_start_quoting() -> None:
    assert units.quote("/usr/bin/sessiond") == "/usr/bin/sessiond"
    assert units.quote("/home/jm/my tools/sessiond") == '"/home/jm/my tools/sessiond"'
    assert units.quote("/opt/100%/sessiond") == "/opt/100%%/sessiond"


def test_install_writes_and_refuses_to_clobber(tmp_path: Path) -> None:
    target = tmp_path / "units"
    done = units.install(Config(), target, reload=False, executable="/usr/bin/sessiond")
    assert set(done.written) == set(units.NAMES)
    again = units.install(Config(), target, reload=False, executable="/usr/bin/sessiond")
    assert again.written == () and set(again.unchanged) == set(units.NAMES)
    (target / "sessiond.service").write_text("[Unit]\n# mine\n")
    with pytest.raises(InputError, match="--force"):
        units.install(Config(), target, reload=False, executable="/usr/bin/sessiond")
    forced = units.install(Config(), target, reload=False, force=True,
                           executable="/usr/bin/sessiond")
    assert forced.written == ("sessiond.service",)


def test_install_refuses_an_export_time_in_the_dst_hour(tmp_path: Path) -> None:
    from sessiond.config import Daemon

    with pytest.raises(InputError, match="02:00"):
        units.install(Config(daemon=Daemon(export_time="02:30")), tmp_path, reload=False,
                      executable="/usr/bin/sessiond")


# --- privacy and layering -------------------------------------------------------------------


def test_pynput_is_imported_only_when_hotkeys_start() -> None:
    code = ("import sys; import sessiond.daemon.main, sessiond.daemon.embedded, "
            "sessiond.cli.daemon; print('pynput' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "DISPLAY": ""}).stdout
    assert out.strip() == "False"


def test_status_needs_neither_apscheduler_nor_pynput() -> None:
    code = ("import sys; import sessiond.daemon.status, sessiond.daemon.questions; "
            "print([m for m in ('apscheduler', 'pynput', 'Xlib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_no_code_reads_a_key_value() -> None:
    """The listener gets no key: nothing in src/ may read a pynput key's char or vk."""
    import re

    pattern = re.compile(r"\.(char|vk|keysym)\b")
    offenders = [f"{path}:{n}" for path in (REPO / "src" / "sessiond").rglob("*.py")
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []


def test_a_dying_thread_logs_its_exception_type_only(caplog: pytest.LogCaptureFixture,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     ) -> None:
    import threading

    from sessiond.daemon import main

    monkeypatch.setattr(threading, "excepthook", main._thread_died)

    def boom() -> None:
        raise KeyError("KeyCode(char='s')")

    with caplog.at_level("WARNING", logger="sessiond.daemon"):
        t = threading.Thread(target=boom, name="listener")
        t.start()
        t.join()
    assert caplog.messages == ["thread listener stopped: KeyError"]
