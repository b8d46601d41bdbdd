"""A year's export (CSV and JSON) inside a ten-year log, against one SQL scan + fold +
csv.writer of the same sessions (bench/floors/year_export.py).

Usage: python -m bench.bench_year_export [--runs 3] [--cache DIR] [--before SRC]
The log: ten years of activity (20,000 sessions, bench.generate); the year: the 365 days
before yesterday. Each export is a new `sessiond export --from --to` process into a new
directory (a fresh export: no earlier file to reuse); medians of alternating runs.
Target (issue 17): <= 20x the floor.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from bench.common import (
    FLOORS,
    SESSIOND,
    alternate,
    before_env,
    copy_home,
    env_for,
    log_home,
    options,
    report,
    run_once,
    workdir,
)


def fresh(cmd: list[str], env: dict[str, str], out: Path) -> float:
    """One export into a directory of its own (nothing to reuse)."""
    target = Path(tempfile.mkdtemp(dir=out))
    return run_once([*cmd, "--out", str(target)], env)


def main() -> None:
    args = options(__doc__, runs=3).parse_args()
    last = (datetime.now(UTC) - timedelta(days=1)).date()
    first = last - timedelta(days=364)
    with workdir(args.cache) as root, tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        # A copy: exports append their events, the cached log stays as generated.
        home = copy_home(log_home(root, 20000, 3650), out / "log")
        env = env_for(home)
        span = ["--from", first.isoformat(), "--to", last.isoformat()]
        cases = {
            "floor": partial(run_once, [sys.executable, str(FLOORS / "year_export.py"),
                                        str(home / "sessiond.sqlite3"), first.isoformat(),
                                        last.isoformat(), str(out / "floor.csv")]),
            "CSV": partial(fresh, [SESSIOND, "export", *span], env, out),
            "JSON": partial(fresh, [SESSIOND, "export", *span, "--format", "json"], env, out),
        }
        if args.before:
            for name in ("CSV", "JSON"):
                cmd = cases[name].args[0]
                cases[f"{name}, before"] = partial(fresh, cmd, before_env(env, args.before),
                                                   out)
        t = alternate(cases, args.runs)
    print(f"the year {first} to {last} in a ten-year log, medians of {args.runs} runs:")
    rows = [(f"export, {name}", t[name], "SQL scan + fold + csv.writer", t["floor"], "<= 20")
            for name in ("CSV", "JSON")]
    rows += [(f"export, {name}", t[name], "before", t[f"{name}, before"], "")
             for name in ("CSV", "JSON") if f"{name}, before" in t]
    report(rows)
    os.environ.pop("SESSIOND_HOME", None)


if __name__ == "__main__":
    main()
