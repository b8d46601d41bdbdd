"""How long a CLI call costs, end to end (process start included).

Usage: python -m bench.bench_cli [--runs 20]
Prints the median and 90th percentile wall time of common commands on a small log and on a
year of data (bench.generate), next to a bare `python -c pass` for scale. The target
(DESIGN.md) is well under 100 ms for a CLI call.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from sessiond.sessions import Sessiond

SESSIOND = shutil.which("sessiond", path=str(Path(sys.executable).parent)) or "sessiond"


def timed(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.9) - 1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for label, count in (("small log (20 sessions)", 20),
                             (f"a year ({args.sessions} sessions)", args.sessions)):
            home = Path(tmp) / label.split()[0]
            os.environ["SESSIOND_HOME"] = str(home)
            svc = Sessiond()
            t = time.perf_counter()
            ids = generate(svc, count, 365 if count > 100 else 5)
            gen = time.perf_counter() - t
            events = svc.store.tail()[0]
            svc.close()
            env = {**os.environ, "SESSIOND_HOME": str(home)}
            print(f"\n{label}: {events} events, generated in {gen:.1f} s "
                  f"({events / gen:.0f} events/s through the service)")
            for cmd in (["python -c pass"], ["--version"], ["status"], ["status", "--json"],
                        ["session", "show", ids[-1]], ["log", ids[-1]], ["verify"]):
                full = [sys.executable, "-c", "pass"] if cmd == ["python -c pass"] \
                    else [SESSIOND, *cmd]
                median, p90 = timed(full, env, args.runs)
                print(f"  {' '.join(cmd):<28} median {median:6.1f} ms   p90 {p90:6.1f} ms")


if __name__ == "__main__":
    main()
