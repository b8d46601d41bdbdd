"""Commands that must not slow down as the log grows: `bill`, `session show`,
`export --day` and the TUI's first frame with the day's rows, on a year (2,000 sessions)
and on ten years of the same activity (20,000 sessions).

Usage: python -m bench.bench_scale [--runs 9] [--cache DIR] [--before SRC] [--no-tui]
Both logs end with the same period (bench.generate copies one period of activity), so a
command on the last generated session or its day, or on the running session, has the same
work to do in both: any difference is the cost of the log's size. Every command runs as a
new process, the logs in alternation; medians. The TUI runs in a pseudo-terminal
(bench.bench_tui.Terminal), timed from spawn to the first frame that shows the running
session's row.
Target (issue 17): each within 1.2x between the two logs.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path

from bench.common import (
    SESSIOND,
    alternate,
    before_env,
    copy_home,
    env_for,
    log_home,
    options,
    report,
    run_once,
    running_session,
    workdir,
)

LOGS = {"year": (2000, 365), "ten years": (20000, 3650)}


def last_day(home: Path) -> tuple[str, str]:
    """(the last generated session, its day) in the log of `home`: the same session of
    the same copied period in both logs."""
    os.environ["SESSIOND_HOME"] = str(home)
    from sessiond.sessions import Sessiond

    svc = Sessiond()
    running = running_session(home)
    last = next(s for s in reversed(svc.store.session_ids()) if s != running)
    day = svc.session(last).planned_at.astimezone(svc.tz).date()
    svc.close()
    return last, day.isoformat()


def first_frame(env: dict[str, str]) -> float:
    from bench.bench_tui import Terminal

    term = Terminal({**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"})
    try:
        return term.wait_for("Mme Benchmark")  # the running session's row on Today
    finally:
        term.close()


def main() -> None:
    parser = options(__doc__, runs=9)
    parser.add_argument("--no-tui", action="store_true", help="skip the TUI's first frame")
    args = parser.parse_args()
    with workdir(args.cache) as root, tempfile.TemporaryDirectory() as out:
        cases = {}
        for label, (sessions, days) in LOGS.items():
            # A copy: exports append their events, the cached log stays as generated.
            home = copy_home(log_home(root, sessions, days), Path(out) / label)
            stopped, day = last_day(home)
            running = running_session(home)
            envs = {"": env_for(home)}
            if args.before:
                envs[", before"] = before_env(env_for(home), args.before)
            for suffix, env in envs.items():
                for name, argv in (
                        ("bill, running session", ["bill", running]),
                        ("bill, a stopped session", ["bill", stopped]),
                        ("session show", ["session", "show", running]),
                        ("export --day, that day", ["export", "--day", day, "--out",
                                                     str(Path(out) / "exports")]),
                ):
                    cases[f"{name} ({label}){suffix}"] = partial(run_once, [SESSIOND, *argv],
                                                                 env)
                if not args.no_tui:
                    cases[f"TUI first frame with rows ({label}){suffix}"] = partial(
                        first_frame, env)
        t = alternate(cases, args.runs)
    names = list(dict.fromkeys(k.split(" (")[0] for k in cases))
    small, large = LOGS
    print(f"ten years ({LOGS[large][0]} sessions) against a year ({LOGS[small][0]}), "
          f"medians of {args.runs} alternating runs:")
    report([(name, t[f"{name} ({large})"], "a year", t[f"{name} ({small})"], "<= 1.2")
            for name in names])
    if args.before:
        print(f"before ({args.before}) and after, ten years:")
        report([(name, t[f"{name} ({large})"], "before", t[f"{name} ({large}), before"], "")
                for name in names])


if __name__ == "__main__":
    sys.exit(main())
