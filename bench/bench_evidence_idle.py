"""What following the remote tools' logs costs the daemon (issue 14).

Usage: python -m bench.bench_evidence_idle [--seconds 60] [--polls 20000]
1. One idle poll of the watcher (the Linux default paths, none present here, plus one real
   log that does not change), in microseconds: the loop pays this once a second.
2. The real `sessiond daemon` for --seconds, twice: with `[evidence] watch = false` and with
   the watcher on (defaults plus that log); its CPU time (utime + stime from /proc) in each
   run. Idle, the difference is lost in the noise of the other jobs.
3. One poll reading a 1 MiB append of AnyDesk-like lines (what a busy session writes in a
   few minutes), in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_daemon(home: Path, seconds: float) -> float:
    sessiond = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"
    env = {**os.environ, "SESSIOND_HOME": str(home), "DISPLAY": ""}
    proc = subprocess.Popen([sessiond, "daemon", "--no-hotkeys", "--no-idle"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(3)  # start-up (imports, first reads) is not what is measured
        before = cpu_seconds(proc.pid)
        time.sleep(seconds)
        return cpu_seconds(proc.pid) - before
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


def trace_line(n: int) -> str:
    return (f"   info 2025-09-22 00:53:{n % 60:02d}.{n % 1000:03d}    backend   wrk0   6086   "
            f"6096                   app.backend_session - Remote OS: Linux, frame {n}\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--polls", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ["SESSIOND_HOME"] = str(root / "home")
        trace = root / "anydesk.trace"
        trace.write_text("".join(trace_line(n) for n in range(1000)))
        from sessiond.config import Evidence
        from sessiond.daemon.evidence import EvidenceWatch
        from sessiond.sessions import Sessiond

        svc = Sessiond()
        defaults = Evidence()
        settings = Evidence(anydesk=(*defaults.anydesk, str(trace)))
        watch = EvidenceWatch(svc, settings)
        now = datetime.now(UTC)
        watch.poll(now)
        start = time.perf_counter()
        for _ in range(args.polls):
            watch.poll(now)
        idle_us = (time.perf_counter() - start) / args.polls * 1e6
        print(f"idle poll, {len(watch.files)} logs ({sum(f.path.exists() for f in watch.files)} "
              f"present): {idle_us:.1f} us")
        with trace.open("a") as f:
            n = 0
            while f.tell() < 1024 * 1024:
                f.write(trace_line(n))
                n += 1
        start = time.perf_counter()
        watch.poll(now)
        print(f"poll reading a 1 MiB append: {(time.perf_counter() - start) * 1000:.0f} ms")
        watch.close()
        svc.close()

        home = root / "home"
        home.mkdir(parents=True, exist_ok=True)
        lists = ", ".join(f'"{p}"' for p in (*defaults.anydesk, str(trace)))
        results = {}
        for label, config in (("watch = false", "[evidence]\nwatch = false\n"),
                              ("watching", f"[evidence]\nanydesk = [{lists}]\n")):
            (home / "config.toml").write_text(config)
            results[label] = run_daemon(home, args.seconds)
            print(f"daemon CPU over {args.seconds:.0f} s, {label}: "
                  f"{results[label]:.2f} s ({results[label] / args.seconds * 100:.2f} %)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
