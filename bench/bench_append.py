"""Appends per second through the service, against a bare sqlite3 loop, at every log size;
and eight writers at once.

Usage: python -m bench.bench_append [--appends 300] [--runs 3] [--cache DIR] [--million]
                                    [--before SRC]
One writer plans sessions, records consent, starts them, pauses and resumes them (after one
untimed warm-up session: the one-time loading of the secret scanner is no append's cost), in a
copy of each generated log (a year, ten years, and with --million a log of about 1,000,000
events): every append is a durable commit (BEGIN IMMEDIATE, the chain's tail, the state
check, INSERT, COMMIT under WAL and synchronous=FULL). The floor (bench/floors/append.py)
is a bare loop of BEGIN IMMEDIATE + INSERT of a row of the same size + COMMIT under the
same settings, in a file beside it. Beside them, bench/floors/append_schema.py inserts the
events rows of the same working day, copied from the log, bare into a copy of it: the
schema's own floor (its indexes and triggers, none of sessiond's Python).
Median events/s of --runs runs, the two in alternation. Beside them, the same appends while
another process holds the log open, as the daemon or the TUI does all day: SQLite then keeps
the WAL file when the command closes (it deletes it at the last close), and the next
command's commits rewrite it in place instead of growing a new one (ext4 journals each
growth at fdatasync). Then bench.bench_contention runs eight writers into one log: none may
fail, and the chain must verify.
Target (issue 17): >= 0.5x the floor at any log size; 8 writers without errors.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import (
    FLOORS,
    ROOT,
    before_env,
    copy_home,
    env_for,
    log_home,
    options,
    running_session,
    settle,
    workdir,
)

# Appends through the service, each one durable commit, as a working day makes them: a
# session planned for the running session's client, consent, start, then pauses and
# resumes (a session keeps a working day's few events; folding hundreds would measure
# the fold).
APPEND = """
import sys, time
from sessiond.sessions import Sessiond
svc, running, count = Sessiond(), sys.argv[1], int(sys.argv[2])
client = svc.session(running).client_id  # the store opened, the policy read: not timed
svc.policy("vlh")
# Nor what a process pays once, on its first append of each kind: loading the secret
# scanner (its ~50 regular expressions: ~70 ms) and the sealing code. One warm-up session,
# as a running TUI or daemon has already made; the appends timed are the steady rate.
warm = svc.new_session(client, policy="vlh", problems=["Lenteurs"])
svc.consent(warm, channel="oral", by="Mme Benchmark")
svc.start(warm)
svc.pause(warm)
svc.resume(warm)
done = 0
began = time.perf_counter()
while done < count:
    session = svc.new_session(client, policy="vlh", problems=["Lenteurs"])
    svc.consent(session, channel="oral", by="Mme Benchmark")
    svc.start(session)
    done += 3
    for n in range(min(7, count - done)):
        (svc.pause if n % 2 == 0 else svc.resume)(session)
        done += 1
print(done / (time.perf_counter() - began))
"""


# A process that holds the log open until its stdin closes, as the daemon or the TUI does.
HOLD = """
import sys
from sessiond.sessions import Sessiond
Sessiond().store.tail()
print("open", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_open(home: Path) -> Iterator[None]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD], env=env_for(home), cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def rate(cmd: list[str], env: dict[str, str]) -> float:
    settle()  # each run's commits wait for their own writes only, not the run's before
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = options(__doc__, runs=3)
    parser.add_argument("--appends", type=int, default=300)
    parser.add_argument("--million", action="store_true")
    args = parser.parse_args()
    logs = [("a year", 2000, 365), ("ten years", 20000, 3650)]
    if args.million:
        logs.append(("1M events", 108_700, 3650))
    print(f"appends per second, medians of {args.runs} alternating runs of {args.appends}:")
    with workdir(args.cache) as root, tempfile.TemporaryDirectory() as tmp:
        for label, sessions, days in logs:
            cached = log_home(root, sessions, days)
            home = copy_home(cached, Path(tmp) / "log")
            session = running_session(home)
            events = int(subprocess.run(
                [sys.executable, "-c", "from sessiond.sessions import Sessiond; "
                 "print(Sessiond().store.tail()[0])"], env=env_for(home), check=True,
                capture_output=True, text=True).stdout)
            service = [sys.executable, "-c", APPEND, session, str(args.appends)]
            floor = [sys.executable, str(FLOORS / "append.py"), str(Path(tmp) / "floor.db"),
                     str(args.appends)]
            bare = Path(tmp) / "schema.sqlite3"
            schema = [sys.executable, str(FLOORS / "append_schema.py"), str(bare),
                      str(args.appends)]
            samples: dict[str, list[float]] = {"service": [], "floor": [], "schema": [],
                                               "held": [], "before": []}
            for _ in range(args.runs):
                samples["service"].append(rate(service, env_for(home)))
                with held_open(home):
                    rate(service, env_for(home))  # the WAL grown once, as by the day's first
                    samples["held"].append(rate(service, env_for(home)))
                samples["floor"].append(rate(floor, env_for()))
                shutil.copyfile(cached / "sessiond.sqlite3", bare)  # the log as generated
                samples["schema"].append(rate(schema, env_for()))
                if args.before:
                    samples["before"].append(rate(service, before_env(env_for(home),
                                                                      args.before)))
            got = {k: statistics.median(v) for k, v in samples.items() if v}
            line = (f"  {label:<10} ({events:>7} events): {got['service']:6.0f} events/s, "
                    f"floor {got['floor']:6.0f}/s, ratio {got['service'] / got['floor']:.2f} "
                    f"(target >= 0.5); the same rows bare into the log "
                    f"{got['schema']:6.0f}/s, ratio {got['schema'] / got['floor']:.2f}; "
                    f"the log held open (a daemon or the TUI running) {got['held']:6.0f}/s, "
                    f"ratio {got['held'] / got['floor']:.2f}")
            if "before" in got:
                line += f"; before {got['before']:6.0f}/s"
            print(line)
    print("eight writers into one log (bench.bench_contention):")
    done = subprocess.run([sys.executable, "-m", "bench.bench_contention", "--writers", "8",
                           "--appends", "50"], env=env_for(), cwd=ROOT, capture_output=True,
                          text=True)
    print("\n".join("  " + line for line in done.stdout.splitlines()))
    if done.returncode:
        print(f"  bench_contention exited {done.returncode}: {done.stderr[-500:]}")


if __name__ == "__main__":
    main()
