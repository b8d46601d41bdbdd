"""The real `sessiond` in a real terminal (tmux): start, pause and stop with the keyboard,
reading the state and the big clock back from the screen (capture-pane); and at 80x24, the
size of a terminal beside the remote window, a note then `p`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.renderables.digits import DIGITS, DIGITS3X3, DIGITS3X3_BOLD

from tests.conftest import SESSIOND

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

# The big clock is drawn with Textual's 3x3 font: read it back glyph by glyph.
GLYPHS = {
    tuple(table[i * 3 + row].ljust(3) for row in range(3)): char
    for table in (DIGITS3X3, DIGITS3X3_BOLD) for i, char in enumerate(DIGITS)
    if char != " "
}


def read_clock(screen: list[str]) -> str:
    """The value of the big clock: the three lines under the state label."""
    top = next(i for i, line in enumerate(screen) if "EN COURS" in line or "EN PAUSE" in line)
    rows = screen[top + 1:top + 4]
    start = min(len(r) - len(r.lstrip()) for r in rows if r.strip())
    value = ""
    for col in range(start, max(map(len, rows)), 3):
        cell = tuple(r[col:col + 3].ljust(3) for r in rows)
        if cell not in GLYPHS:
            break
        value += GLYPHS[cell]
    return value


def seconds(clock: str) -> int:
    h, m, s = (int(p) for p in clock.split(":"))
    return h * 3600 + m * 60 + s


class Terminal:
    def __init__(self, home: Path, env: dict[str, str]) -> None:
        self.name = f"sessiond-test-{uuid.uuid4().hex[:8]}"
        self.home, self.env = home, env

    def tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        # A server of our own (-L): a running tmux server would give the new session its
        # own environment, not ours (and the TUI would use the real data directory).
        return subprocess.run(["tmux", "-L", self.name, *args], capture_output=True,
                              text=True, check=True, env=self.env)

    def start(self, command: str, size: tuple[int, int] = (120, 36)) -> None:
        variables = [f"{k}={self.env[k]}" for k in ("SESSIOND_HOME", "SESSIOND_LANG", "TZ")]
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]),
                  "-c", str(self.home), "env", *variables, "sh", "-c", command)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> list[str]:
        return self.tmux("capture-pane", "-p", "-t", self.name).stdout.splitlines()

    def wait(self, found: Callable[[list[str]], bool], timeout: float = 10.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if found(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError("screen never matched:\n" + "\n".join(screen))
            time.sleep(0.1)

    def wait_text(self, text: str, timeout: float = 10.0) -> list[str]:
        return self.wait(lambda screen: any(text in line for line in screen), timeout)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    home = tmp_path / "home"
    home.mkdir()
    # COLUMNS/LINES (which a test runner may leave in the environment) would override
    # the pane's size in shutil.get_terminal_size(): the pane alone must decide.
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(SESSIOND_HOME=str(home), SESSIOND_LANG="fr", TERM="xterm-256color",
               TZ="Europe/Paris")
    term = Terminal(home, env)
    yield term
    term.close()


def cli(term: Terminal, *args: str) -> str:
    return subprocess.run([SESSIOND, *args], env=term.env, capture_output=True, text=True,
                          check=True, timeout=30).stdout.strip()


def test_start_pause_stop_in_a_real_terminal(terminal: Terminal) -> None:
    client = cli(terminal, "client", "add", "Mme Leroy")
    session = cli(terminal, "session", "new", client, "--policy", "vlh",
                  "--problem", "Ordinateur lent")
    cli(terminal, "consent", session, "--channel", "phone", "--by", "Mme Leroy")

    terminal.start(f"'{SESSIOND}'; echo sessiond exited $?; sleep 60")
    terminal.wait_text("Aujourd'hui")
    terminal.wait_text(session)
    terminal.keys("Enter")  # open the session on the cursor
    terminal.wait_text("Démarrer (ctrl+s)")

    terminal.keys("C-s")  # start (consent is on record)
    screen = terminal.wait_text("EN COURS")
    first = seconds(read_clock(screen))
    assert first <= 2
    time.sleep(2.5)
    running = seconds(read_clock(terminal.screen()))
    assert 2 <= running - first <= 4  # the clock runs

    terminal.keys("p")  # pause, at once
    screen = terminal.wait_text("EN PAUSE")
    paused = read_clock(screen)
    time.sleep(2.0)
    assert read_clock(terminal.screen()) == paused  # the clock stands still in a pause

    terminal.keys("s")  # stop: the dialog's default is "stopped by the technician"
    terminal.wait_text("Arrêter l'intervention\u202f?")
    terminal.keys("Enter")
    screen = terminal.wait_text("fin par le technicien")
    assert any(f"travaillé {paused}" in line for line in screen)
    terminal.wait_text("Relevé")

    terminal.keys("C-q")
    terminal.wait_text("sessiond exited 0", timeout=30)
    shown = json.loads(cli(terminal, "session", "show", session, "--json"))
    assert shown["state"] == "stopped"
    assert shown["elapsed_seconds"] == seconds(paused)
    cli(terminal, "verify")  # exit code 0: the log verifies


def test_note_then_p_pauses_at_80x24(terminal: Terminal) -> None:
    """The note field gives the keyboard back on Enter: the next `p` pauses the clock and
    the note holds exactly what was typed (with its own p's)."""
    client = cli(terminal, "client", "add", "Mme Leroy")
    session = cli(terminal, "session", "new", client, "--policy", "vlh")
    cli(terminal, "consent", session, "--channel", "phone", "--by", "Mme Leroy")
    cli(terminal, "start", session)

    terminal.start(f"'{SESSIOND}'; echo sessiond exited $?; sleep 60", size=(80, 24))
    terminal.wait_text("Mme Leroy")
    terminal.keys("Enter")  # the running session is on top
    terminal.wait_text("EN COURS")
    screen = terminal.wait_text("p Pause")  # the footer, once drawn
    footer = next(line for line in reversed(screen) if line.strip())
    for key in ("p Pause", "s Arrêter", "d Déconnecté", "a Copie", "$ Paiement"):
        assert key in footer, footer  # every key of the screen fits in 80 columns

    note = "Pilote imprimante reinstalle, pas de papier"
    terminal.keys("n")
    terminal.keys("-l", note)  # literally: "p", "a", "s" are letters of the note here
    terminal.keys("Enter")
    terminal.wait_text("Note enregistrée")
    terminal.keys("p")
    terminal.wait_text("EN PAUSE")

    shown = json.loads(cli(terminal, "session", "show", session, "--json"))
    assert shown["state"] == "paused"
    notes = [e["personal"]["text"] for e in json.loads(cli(terminal, "log", session, "--json"))
             if e["kind"] == "note-added"]
    assert notes == [note]
    terminal.keys("C-q")
    terminal.wait_text("sessiond exited 0", timeout=30)  # the daemon's jobs stop first


FAKETIME_LIB = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")


@pytest.mark.skipif(not FAKETIME_LIB.exists(), reason="libfaketime is not installed")
def test_a_wall_clock_jump_during_a_pause_neither_locks_nor_bills_in_the_tui(
        terminal: Terminal) -> None:
    """The TUI resumes on the service's steady now: the wall clock 3 h ahead (an NTP step,
    a VM resumed) is not the resume's instant, so the stop typed once the clock is back is
    not "before its previous step", and the 3 h are nowhere in the bill."""
    client = cli(terminal, "client", "add", "Mme Leroy")
    session = cli(terminal, "session", "new", client, "--policy", "vlh")
    cli(terminal, "consent", session, "--channel", "phone", "--by", "Mme Leroy")
    cli(terminal, "start", session)
    cli(terminal, "pause", session)

    ahead = f"env LD_PRELOAD={FAKETIME_LIB} FAKETIME=+3h DONT_FAKE_MONOTONIC=1"
    terminal.start(f"{ahead} '{SESSIOND}'; echo sessiond exited $?; sleep 60")
    terminal.wait_text("Mme Leroy")
    terminal.keys("Enter")
    terminal.wait_text("EN PAUSE")
    terminal.keys("r")
    terminal.wait_text("EN COURS")
    terminal.keys("C-q")
    terminal.wait_text("sessiond exited 0", timeout=30)

    cli(terminal, "stop", session)  # the wall clock is right again
    bill = json.loads(cli(terminal, "bill", session, "--json"))
    assert bill["worked_seconds"] < 120
