"""The TUI's cost: time to first frame, and CPU while a running session's clock updates.

Usage: python -m bench.bench_tui [--runs 7] [--sessions 2000] [--seconds 30]

The real `sessiond` runs in a pseudo-terminal (120x36), as in a terminal emulator, on a
year of data (bench.generate) plus a session running for ten minutes. Measured:
- first frame: from spawning the process to the first full screen written (the footer's
  keys are in it), then to the first frame showing the day's sessions (the running one);
- CPU: the process's user+system time (/proc/PID/stat) over a window, as a share of one
  core, on the Today screen and on the running session's screen (big clock redrawn each
  second, log polled, the daemon's jobs embedded since no daemon runs).
Targets (issue 5): first frame under 0.5 s; under 2 % of a core while idle.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import timedelta
from pathlib import Path

from bench.generate import generate
from sessiond import clock
from sessiond.sessions import Sessiond

SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"
TICKS = os.sysconf("SC_CLK_TCK")


# For scale: the least a Textual app with the same kind of screen costs here.
BASELINE = """
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

class Baseline(App):
    BINDINGS = [("q", "quit", "Quitter")]

    def compose(self):
        yield Header()
        yield DataTable()
        yield Static("Mme Benchmark")
        yield Footer()

Baseline().run()
"""


class Terminal:
    """A program in a pseudo-terminal; a thread drains its output (as an emulator does)."""

    def __init__(self, env: dict[str, str], argv: list[str] | None = None) -> None:
        argv = argv or [SESSIOND]
        self.output = bytearray()
        self.lock = threading.Lock()
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _w, _x = select.select([self.fd], [], [], 0.5)
                if ready:
                    data = os.read(self.fd, 65536)
                    if not data:
                        return
                    with self.lock:
                        self.output += data
            except OSError:
                return

    def wait_for(self, marker: str, timeout: float = 20.0) -> float:
        """Seconds from the spawn until `marker` was written."""
        needle = marker.encode()
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            with self.lock:
                if needle in self.output:
                    return time.perf_counter() - self.started
            time.sleep(0.002)
        raise TimeoutError(marker)

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime

    def cpu_share(self, seconds: float) -> float:
        """Share of one core used over `seconds` of wall time."""
        cpu, wall = self.cpu_seconds(), time.perf_counter()
        time.sleep(seconds)
        return (self.cpu_seconds() - cpu) / (time.perf_counter() - wall)

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def prepare(home: Path, sessions: int) -> str:
    os.environ["SESSIOND_HOME"] = str(home)
    svc = Sessiond()
    generate(svc, sessions, 365 if sessions > 100 else 5)
    now = clock.whole_second(clock.now())
    client = svc.add_client("Mme Benchmark", at=now - timedelta(minutes=15))
    session = svc.new_session(client, policy="vlh", problems=["Lenteurs"],
                              at=now - timedelta(minutes=14))
    svc.consent(session, channel="oral", by="Mme Benchmark", at=now - timedelta(minutes=11))
    svc.start(session, at=now - timedelta(minutes=10))
    events = svc.store.tail()[0]
    svc.close()
    print(f"log: {sessions} sessions over a year + 1 running, {events} events")
    return session


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sessions", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=30.0, help="CPU window")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        prepare(home, args.sessions)
        env = {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr",
               "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}

        imports = []
        for _ in range(args.runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import textual.app"], check=True)
            imports.append(time.perf_counter() - t)
        baseline_py = Path(tmp) / "baseline.py"
        baseline_py.write_text(BASELINE)
        rows = {"python -c 'import textual.app'": imports,
                "baseline Textual app, first frame": [], "sessiond, first frame": [],
                "sessiond, first frame with the day's sessions": []}
        for _ in range(args.runs):  # interleaved, so that the machine's load hits both
            term = Terminal(env, [sys.executable, str(baseline_py)])
            try:
                rows["baseline Textual app, first frame"].append(term.wait_for("Quitter"))
            finally:
                term.close()
            term = Terminal(env)
            try:
                rows["sessiond, first frame"].append(term.wait_for("Quitter"))  # the footer
                rows["sessiond, first frame with the day's sessions"].append(
                    term.wait_for("Mme Benchmark"))
            finally:
                term.close()
        for label, samples in rows.items():
            print(f"{label}: median {statistics.median(samples) * 1000:.0f} ms, "
                  f"min {min(samples) * 1000:.0f} ms ({args.runs} runs)")

        term = Terminal(env)
        try:
            term.wait_for("Mme Benchmark")
            time.sleep(3)  # the daemon's jobs start after the first frame
            today = term.cpu_share(args.seconds)
            term.send(b"\r")  # open the running session
            term.wait_for("EN COURS")
            time.sleep(2)
            running = term.cpu_share(args.seconds)
        finally:
            term.close()
        print(f"CPU on Today (running session's row updated each second): "
              f"{today * 100:.2f} % of a core")
        print(f"CPU on the running session (big clock each second): "
              f"{running * 100:.2f} % of a core  ({args.seconds:.0f} s windows)")


if __name__ == "__main__":
    main()
