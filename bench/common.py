"""What the figure scripts share: generated logs (cached on request), timed processes.

Timing on a shared 2-core machine: every script runs the commands it compares in
alternation (A B A B ...), so that a burst of load elsewhere hits both, and reports
medians. Ratios printed side by side come from the same run.
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = Path(__file__).resolve().parent / "floors"
SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"


def options(doc: str | None, runs: int = 15) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=runs, help="alternating runs per command")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="keep the generated logs in DIR and reuse them next time")
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also time the sessiond importable from SRC (another checkout's "
                             "src/), in alternation: a before/after table")
    return parser


def before_env(env: dict[str, str], src: Path) -> dict[str, str]:
    """`env` running the sessiond of `src` instead of this one, on a log it can open."""
    env = {**env, "PYTHONPATH": os.pathsep.join(
        p for p in (str(src), env.get("PYTHONPATH")) if p)}
    if "SESSIOND_HOME" in env:
        env["SESSIOND_HOME"] = str(_readable_home(Path(env["SESSIOND_HOME"]), env))
    return env


@functools.cache
def _schema_known(pythonpath: str) -> int:
    """The schema version the sessiond importable from `pythonpath` knows."""
    done = subprocess.run(
        [sys.executable, "-c", "from sessiond.store.schema import SCHEMA_VERSION as v; print(v)"],
        env={**env_for(), "PYTHONPATH": pythonpath}, capture_output=True, text=True, check=True,
        cwd=ROOT)
    return int(done.stdout)


def _readable_home(home: Path, env: dict[str, str]) -> Path:
    """`home`, or when the sessiond of `env` knows an older schema, a copy beside it (made
    again whenever the log changed) without the tables later migrations added: they only
    ever add (store/schema.py), so its events and checkpoints are the same."""
    from sessiond.store.schema import MIGRATIONS, SCHEMA_VERSION

    known = _schema_known(env.get("PYTHONPATH", ""))
    database = home / "sessiond.sqlite3"
    if known >= SCHEMA_VERSION or not database.exists():
        return home
    copy = home.with_name(f"{home.name}-schema{known}")
    stamp = f"{database.stat().st_mtime_ns}\n"
    marker = copy / ".copied-from"
    if marker.exists() and marker.read_text() == stamp:
        return copy
    copy_home(home, copy)

    def tables(count: int) -> set[str]:
        memory = sqlite3.connect(":memory:")
        for script in MIGRATIONS[:count]:
            memory.executescript(script)
        names = {r[0] for r in memory.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}
        memory.close()
        return names

    conn = sqlite3.connect(copy / "sessiond.sqlite3")
    for table in sorted(tables(SCHEMA_VERSION) - tables(known)):
        conn.execute(f"DROP TABLE IF EXISTS {table}")  # a log not upgraded yet lacks them
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute(f"PRAGMA user_version = {min(version, known)}")
    conn.commit()
    conn.close()
    marker.write_text(stamp)
    return copy


@contextmanager
def workdir(cache: Path | None) -> Iterator[Path]:
    """Where the logs are generated: `cache` (kept), or a temporary directory."""
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        yield cache
        return
    with tempfile.TemporaryDirectory(prefix="sessiond-bench-") as tmp:
        yield Path(tmp)


# Appended after the generated log: a session running for ten minutes, as at work.
_RUNNING = """
from datetime import timedelta
from sessiond import clock
from sessiond.sessions import Sessiond
svc = Sessiond()
now = clock.whole_second(clock.now())
client = svc.add_client("Mme Benchmark", at=now - timedelta(minutes=15))
session = svc.new_session(client, policy="vlh", problems=["Lenteurs"],
                          at=now - timedelta(minutes=14))
svc.consent(session, channel="oral", by="Mme Benchmark", at=now - timedelta(minutes=11))
svc.start(session, at=now - timedelta(minutes=10))
print(session)
svc.close()
"""


def log_home(root: Path, sessions: int, days: int = 365) -> Path:
    """A SESSIOND_HOME holding a generated log of `sessions` sessions over `days` days,
    plus one running session (generated in child processes, once per root)."""
    home = root / f"log-{sessions}-{days}"
    done = home / ".generated"
    if not done.exists():
        if home.exists():
            shutil.rmtree(home)
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bench.generate", "--sessions", str(sessions),
                        "--days", str(days)], env=env_for(home), check=True, cwd=ROOT,
                       stderr=subprocess.DEVNULL)
        running = subprocess.run([sys.executable, "-c", _RUNNING], env=env_for(home),
                                 check=True, cwd=ROOT, capture_output=True, text=True)
        (home / ".running").write_text(running.stdout)
        done.write_text(f"{time.perf_counter() - began:.1f}\n")
        print(f"  (generated {sessions} sessions over {days} days in "
              f"{time.perf_counter() - began:.1f} s)", file=sys.stderr)
    return home


def running_session(home: Path) -> str:
    return (home / ".running").read_text().strip()


def copy_home(home: Path, into: Path) -> Path:
    """A copy of a generated log to write into (the cached one stays as generated)."""
    if into.exists():
        shutil.rmtree(into)
    shutil.copytree(home, into)
    settle()
    return into


def settle() -> None:
    """Write out what the page cache holds dirty (a log copied a moment ago: 150 MB at ten
    years). Else the kernel writes it back during the next timed commits, and their fsync
    waits for it: a bare loop of commits into a ten-year log just copied ran at half its
    speed after a sync."""
    os.sync()


def env_for(home: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a measured process. Bytecode is written (and then read), as an
    installed sessiond's is: a PYTHONDONTWRITEBYTECODE left by a test runner would have
    every edited module compiled again at each start."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if home is not None:
        env["SESSIOND_HOME"] = str(home)
    return {**env, "SESSIOND_LANG": "fr", **extra}


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of one process, start-up included; its output is discarded."""
    env = env if env is not None else env_for()
    began = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    return time.perf_counter() - began


def peak_rss_mb(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MB) of one child process."""
    env = env if env is not None else env_for()
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, cwd=ROOT)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return time.perf_counter() - began, usage.ru_maxrss / 1024


def alternate(cases: dict[str, Callable[[], float]], runs: int) -> dict[str, float]:
    """Each case `runs` times, in alternation; the median seconds of each."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for fn in cases.values():  # warm the page cache and the pyc files first
        fn()
    for _ in range(runs):
        for name, fn in cases.items():
            samples[name].append(fn())
    return {name: statistics.median(values) for name, values in samples.items()}


def report(rows: Sequence[tuple[str, float, str, float, str]]) -> None:
    """Print (measure, value, anchor name, anchor value, target) rows with their ratio."""
    width = max(len(r[0]) for r in rows)
    for measure, value, anchor, anchor_value, target in rows:
        ratio = value / anchor_value if anchor_value else float("nan")
        print(f"  {measure:<{width}}  {_fmt(value):>10}  vs {anchor:<28} {_fmt(anchor_value):>10}"
              f"  ratio {ratio:5.2f}  (target {target})")


def _fmt(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"


def cpu_count() -> int:
    return len(os.sched_getaffinity(0))


__all__ = ["FLOORS", "SESSIOND", "alternate", "before_env", "copy_home", "cpu_count", "env_for",
           "log_home", "options", "peak_rss_mb", "report", "run_once", "running_session",
           "settle", "workdir"]
