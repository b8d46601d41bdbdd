"""Appends per second with several writers at once, through the service.

Usage: python -m bench.bench_contention [--writers 8] [--appends 200] [--cli 0]
       [--own-sessions]

Each writer is a process with its own `Sessiond` appending notes to one running session
(every note a durable commit: BEGIN IMMEDIATE, chain tail, INSERT, COMMIT with
synchronous=FULL). Writers wait for the write lock (SQLite's busy handler, then the
store's jittered retries); none may fail. `--cli N` also runs N real `sessiond note`
commands per writer, each a new process opening the store. Prints appends/s overall,
per-append latency percentiles, failures (must be 0) and whether `verify` passes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _writer(home: str, session_id: str, count: int, start: float, queue: object) -> None:
    os.environ["SESSIOND_HOME"] = home
    from sessiond.errors import SessiondError
    from sessiond.sessions import Sessiond

    svc = Sessiond()
    latencies, failures = [], []
    while time.time() < start:
        time.sleep(0.001)
    for i in range(count):
        t = time.perf_counter()
        try:
            svc.note(session_id, f"note {os.getpid()} {i}")
        except SessiondError as e:
            failures.append(e.message)
        latencies.append(time.perf_counter() - t)
    svc.close()
    queue.put((latencies, failures))  # type: ignore[attr-defined]


def _cli_writer(home: str, session_id: str, count: int, queue: object) -> None:
    exe = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"
    env = {**os.environ, "SESSIOND_HOME": home}
    latencies, failures = [], []
    for i in range(count):
        t = time.perf_counter()
        proc = subprocess.run([exe, "note", session_id, f"cli {os.getpid()} {i}"], env=env,
                              capture_output=True, text=True)
        latencies.append(time.perf_counter() - t)
        if proc.returncode != 0 or "Traceback" in proc.stderr:
            failures.append(proc.stderr.strip())
    queue.put((latencies, failures))  # type: ignore[attr-defined]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--appends", type=int, default=200, help="per writer")
    parser.add_argument("--cli", type=int, default=0, help="real `sessiond note` per writer")
    parser.add_argument("--own-sessions", action="store_true",
                        help="each writer notes its own session (default: all the same)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="sessiond-contention-")
    os.environ["SESSIOND_HOME"] = home
    from sessiond.sessions import Sessiond

    svc = Sessiond()
    client = svc.add_client("Bench Client")
    sessions = []
    for _ in range(args.writers if args.own_sessions else 1):
        session = svc.new_session(client, policy="vlh")
        svc.consent(session, channel="tool-code", by="Bench Client")
        svc.start(session)
        sessions.append(session)
    svc.close()

    results = []
    for label, count in (("service", args.appends), ("cli", args.cli)):
        if not count:
            continue
        queue: multiprocessing.Queue[tuple[list[float], list[str]]] = multiprocessing.Queue()
        start = time.time() + 0.5
        if label == "service":
            procs = [multiprocessing.Process(target=_writer,
                                             args=(home, sessions[i % len(sessions)],
                                                   count, start, queue))
                     for i in range(args.writers)]
        else:
            procs = [multiprocessing.Process(target=_cli_writer,
                                             args=(home, sessions[i % len(sessions)],
                                                   count, queue))
                     for i in range(args.writers)]
        t0 = time.time()
        for p in procs:
            p.start()
        gathered = [queue.get() for _ in procs]
        for p in procs:
            p.join()
        elapsed = time.time() - max(t0, start if label == "service" else t0)
        latencies = sorted(x for lat, _f in gathered for x in lat)
        failures = [f for _l, fs in gathered for f in fs]
        total = args.writers * count
        results.append((label, total, elapsed, latencies, failures))

    svc = Sessiond()
    report = svc.verify()
    svc.close()
    for label, total, elapsed, latencies, failures in results:
        q = statistics.quantiles(latencies, n=100)
        print(f"{label}: {args.writers} writers x {total // args.writers} appends = {total} "
              f"in {elapsed:.2f} s -> {total / elapsed:.0f} appends/s; latency p50 "
              f"{q[49] * 1000:.1f} ms, p99 {q[98] * 1000:.1f} ms, max "
              f"{latencies[-1] * 1000:.0f} ms; failures: {len(failures)}")
        for f in failures[:5]:
            print("   ", f)
    print(f"verify: {'intact' if report.ok else 'FAILED'}, {report.events} events")
    shutil.rmtree(home, ignore_errors=True)
    return 0 if report.ok and not any(r[4] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
