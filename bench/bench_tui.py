"""The TUI's cost: time to first frame, and CPU while a running session's clock updates.

Usage: python -m bench.bench_tui [--runs 7] [--sessions 2000] [--seconds 30]

The real `sessiond` runs in a pseudo-terminal (120x36), as in a terminal emulator, on a
year of data (bench.generate) plus a session running for ten minutes. Measured:
- first frame: from spawning the process to the first full screen written (the footer's
  keys are in it), then to the first frame showing the day's sessions (the running one);
- CPU: the process's user+system time (/proc/PID/stat) over a window, as a share of one
  core, on the Today screen and on the running session's screen (big clock redrawn each
  second, log polled, the daemon's jobs embedded since no daemon runs).
Targets (issue 5): first frame under 0.5 s; under 2 % of a core while idle; (issue 17)
Today's CPU <= 3x that of a minimal Textual app (a Static and a Footer) idle beside it over
the same window (/proc/PID/stat of each).
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
from contextlib import suppress
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

# The anchor of the idle CPU (issue 17): a minimal Textual app, a Static and a Footer,
# left idle in its own terminal over the same seconds as sessiond's Today screen.
MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Static

class Minimal(App):
    BINDINGS = [("q", "quit", "Quitter")]

    def compose(self):
        yield Static("Mme Benchmark")
        yield Footer()

Minimal().run()
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

    def cpu_seconds(self) -> tuple[float, float]:
        """(precise, coarse) CPU seconds of the process so far. Coarse: utime + stime of
        /proc/PID/stat, in clock ticks (10 ms: a 30 s window of a program idle at 0.13 %
        is 4 ticks, so a ratio read from ticks moved by a quarter from one run to the
        next). Precise: the nanoseconds each live thread ran (/proc/PID/task/*/schedstat),
        which leave out a thread that ended in between (`cpu_shares` checks the two)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        coarse = (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime
        precise = 0
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            with suppress(OSError):  # a thread that ended while this loop read the others
                precise += int((task / "schedstat").read_text().split()[0])
        return precise / 1e9, coarse

    def cpu_share(self, seconds: float) -> float:
        """Share of one core used over `seconds` of wall time."""
        return cpu_shares([self], seconds)[0]

    def close(self) -> None:
        if self.fd < 0:  # closed already
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)
        self.fd = -1


def cpu_shares(terms: list[Terminal], seconds: float) -> list[float]:
    """Each program's share of one core over the same `seconds` of wall time (side by
    side, so that the machine's load weighs on all of them alike)."""
    cpu, wall = [t.cpu_seconds() for t in terms], time.perf_counter()
    time.sleep(seconds)
    elapsed = time.perf_counter() - wall
    return [_used(before, t.cpu_seconds()) / elapsed for t, before in zip(terms, cpu,
                                                                         strict=True)]


def _used(before: tuple[float, float], after: tuple[float, float]) -> float:
    """CPU seconds between two readings: the threads' nanoseconds, unless the ticks say
    more by over two ticks (a thread that ran and ended in between took its time along)."""
    precise, coarse = after[0] - before[0], after[1] - before[1]
    return coarse if coarse - precise > 2 / TICKS else precise


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

        minimal_py = Path(tmp) / "minimal.py"
        minimal_py.write_text(MINIMAL)
        term, minimal = Terminal(env), Terminal(env, [sys.executable, str(minimal_py)])
        try:
            term.wait_for("Mme Benchmark")
            minimal.wait_for("Quitter")
            time.sleep(3)  # the daemon's jobs start after the first frame
            # The running session was started ten minutes back with no TUI or daemon to
            # see it: the TUI asks what that span was. "Later" (Escape): Today alone is
            # measured, not a dialog over it (a modal screen repaints the whole screen).
            term.send(b"\x1b")
            time.sleep(2)
            today, idle = cpu_shares([term, minimal], args.seconds)
            minimal.close()
            term.send(b"\r")  # open the running session
            term.wait_for("EN COURS")
            time.sleep(2)
            running = term.cpu_share(args.seconds)
        finally:
            term.close()
            minimal.close()
        ratio = today / idle if idle else float("inf")
        print(f"CPU on Today (times to the minute: the running row repainted at each new "
              f"minute or tranche): "
              f"{today * 100:.2f} % of a core; a minimal Textual app (Static + Footer) idle "
              f"over the same {args.seconds:.0f} s: {idle * 100:.2f} %; ratio {ratio:.1f} "
              f"(target <= 3)")
        print(f"CPU on the running session (big clock each second): "
              f"{running * 100:.2f} % of a core  ({args.seconds:.0f} s windows)")


if __name__ == "__main__":
    main()
