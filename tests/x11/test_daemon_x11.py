"""Under a real X server (Xvfb): xdotool presses the real hotkeys and the session starts,
pauses and stops; ordinary text typed while the listener runs leaves no trace anywhere;
idle time comes from the screensaver extension."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.conftest import Cli
from tests.functional.test_daemon_support import Daemon, start_daemon, wait_for

pytestmark = [
    pytest.mark.x11,
    pytest.mark.skipif(shutil.which("Xvfb") is None or shutil.which("xdotool") is None,
                       reason="needs Xvfb and xdotool (apt-get install xvfb xdotool)"),
]


def xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb; -displayfd lets the server pick a free display number."""
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp",
                               "-screen", "0", "1024x768x24"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number.isdigit():
        server.kill()
        raise AssertionError("Xvfb did not start")
    return server, f":{number}"


@pytest.fixture
def display() -> Iterator[str]:
    server, name = xvfb()
    try:
        yield name
    finally:
        server.terminate()
        server.wait(10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True,
                   timeout=10)


def state(cli: Cli, session: str) -> str:
    return str(cli.json("session", "show", session)["state"])


def x_daemon(cli: Cli, display: str) -> Daemon:
    daemon = start_daemon(cli, env={"DISPLAY": display, "XDG_SESSION_TYPE": "x11"})
    wait_for(lambda: "raccourcis\u202f: en service" in daemon.text(), 10, daemon.text)
    return daemon


def stop(daemon: Daemon, display: str) -> None:
    # A stopped pynput listener blocks until the next key event (pynput #167).
    os.kill(daemon.pid, 15)
    time.sleep(0.2)
    xdotool(display, "key", "shift")
    assert daemon.proc.wait(20) == 0, daemon.text()


def test_hotkeys_start_pause_resume_stop(cli: Cli, display: str) -> None:
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Lucie")
    daemon = x_daemon(cli, display)
    try:
        status = cli.json("daemon", "status")
        assert status["hotkeys"] == {"on": True, "reason": None}
        assert status["idle"] == {"on": True, "reason": None}
        for keys, expected in (("ctrl+alt+shift+s", "running"), ("ctrl+alt+shift+p", "paused"),
                               ("ctrl+alt+shift+s", "running"), ("ctrl+alt+shift+e", "stopped")):
            xdotool(display, "key", keys)
            wait_for(lambda e=expected: state(cli, session) == e, 10,  # type: ignore[misc]
                     lambda: daemon.text())
    finally:
        stop(daemon, display)
    kinds = [e["kind"] for e in cli.events()]
    assert [k for k in kinds if k in ("session-started", "session-paused", "session-resumed",
                                      "session-stopped")] == [
        "session-started", "session-paused", "session-resumed", "session-stopped"]
    said = [n["message"] for n in cli.json("daemon", "questions", "--all")["notifications"]]
    assert f"Intervention {session} démarrée." in said  # one word for it: "intervention"
    assert f"Intervention {session} terminée." in said
    assert cli("verify").code == 0


def test_configured_hotkeys(cli: Cli, display: str) -> None:
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text(
        # Letters: under XKB, Ctrl+Alt+F1..F12 are the VT-switch keysyms, not F-keys.
        '[daemon]\nhotkey_start = "<ctrl>+<alt>+j"\nhotkey_pause = "<ctrl>+<alt>+k"\n'
        'hotkey_stop = "<ctrl>+<alt>+l"\n', encoding="utf-8")
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Lucie")
    daemon = x_daemon(cli, display)
    try:
        xdotool(display, "key", "ctrl+alt+shift+s")  # the default no longer does anything
        time.sleep(1)
        assert state(cli, session) == "planned"
        xdotool(display, "key", "ctrl+alt+j")
        wait_for(lambda: state(cli, session) == "running", 10, daemon.text)
    finally:
        stop(daemon, display)


def test_typed_text_leaves_no_trace(cli: Cli, display: str) -> None:
    secret = "ZebreMauve4817"
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Lucie")
    daemon = x_daemon(cli, display)
    try:
        xdotool(display, "key", "ctrl+alt+shift+s")
        wait_for(lambda: state(cli, session) == "running", 10, daemon.text)
        # The technician types into the remote window while the listener runs, with
        # modifiers too (a near-miss of a hotkey must not leak anything either).
        xdotool(display, "type", "--delay", "20", f"{secret} mot de passe: {secret}!")
        xdotool(display, "key", "ctrl+alt+z", "ctrl+shift+s", "alt+p")
        time.sleep(2)  # heartbeats, polls and notices keep writing meanwhile
        xdotool(display, "key", "ctrl+alt+shift+e")
        wait_for(lambda: state(cli, session) == "stopped", 10, daemon.text)
    finally:
        stop(daemon, display)
    needles = [secret.encode(), secret.lower().encode(), b"mot de passe", b"Zebre"]
    searched = 0
    for path in [*cli.home.rglob("*"), daemon.log]:
        if path.is_file():
            data = path.read_bytes()
            searched += 1
            for needle in needles:
                assert needle.lower() not in data.lower(), f"{needle!r} found in {path}"
    assert searched >= 4  # database, WAL, keys, status file, the daemon's log


def test_idle_counter_from_the_screensaver_extension(display: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from sessiond.daemon.x11 import open_idle_source

    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    source, reason = open_idle_source()
    assert source is not None, reason
    try:
        time.sleep(1.2)
        assert source.idle_seconds() >= 1.0
        xdotool(display, "mousemove", "10", "10")
        assert source.idle_seconds() < 0.5
    finally:
        source.close()


@pytest.mark.slow
def test_idle_span_becomes_a_question(cli: Cli, display: str) -> None:
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text("[daemon]\nidle_minutes = 1\n", encoding="utf-8")
    client = cli("client", "add", "Lucie Petit").out.strip()
    session = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Lucie")
    cli("start", session)
    daemon = x_daemon(cli, display)
    try:
        xdotool(display, "mousemove", "5", "5")
        notes = lambda: [n for n in cli.json("daemon", "questions", "--all")[  # noqa: E731
            "notifications"] if n["kind"].startswith("idle")]
        wait_for(lambda: any(n["kind"] == "idle-started" for n in notes()), 80, daemon.text,
                 every=1)
        xdotool(display, "mousemove", "50", "50")
        asked = wait_for(lambda: [n for n in notes() if n["question"]], 20, daemon.text)
    finally:
        stop(daemon, display)
    (question,) = asked
    assert question["kind"] == "idle" and question["session"] == session
    from sessiond.clock import from_text

    span = from_text(question["data"]["end"]) - from_text(question["data"]["start"])
    assert span.total_seconds() >= 60


def test_losing_the_x_server_turns_hotkeys_and_idle_off(cli: Cli) -> None:
    server, name = xvfb()
    try:
        daemon = x_daemon(cli, name)
    except BaseException:
        server.kill()
        raise
    try:
        server.terminate()
        server.wait(10)
        status = wait_for(lambda: (s := cli.json("daemon", "status"))["hotkeys"]["on"] is False
                          and s["idle"]["on"] is False and s, 20, daemon.text)
        assert status["running"] is True  # everything else keeps running
        assert "connexion X perdue" in status["hotkeys"]["reason"]
        beat = status["last_heartbeat"]
        wait_for(lambda: cli.json("daemon", "status")["last_heartbeat"] != beat, 10)
    finally:
        os.kill(daemon.pid, 15)
        assert daemon.proc.wait(20) == 0, daemon.text()
