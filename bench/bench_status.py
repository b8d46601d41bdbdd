"""Start-up: `sessiond status` against `watson status` and a bare floor; `--version`.

Usage: python -m bench.bench_status [--runs 15] [--cache DIR] [--watson PATH] [--before SRC]
Logs of a year (2,000 sessions) and of ten years of the same activity (20,000 sessions),
each with one session running. Every command runs as a new process, in alternation with the
others; medians. `status` shows the status view (store/glance.py) while nothing was appended
since the last call; the first call after a change folds the open sessions and writes the
view. Both are timed, the second with the view dropped (untimed) before each run. Watson
(`pip install td-watson` into a venv of its own, never into sessiond's) is found on PATH,
in /tmp/watson-venv, or at --watson; it is skipped when absent.
Targets (issue 17): status <= 0.4x `watson status`, status within 1.2x between the two
logs, `--version` <= 1.5x `python -c pass`.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

from bench.common import (
    FLOORS,
    SESSIOND,
    alternate,
    before_env,
    env_for,
    log_home,
    options,
    report,
    run_once,
    workdir,
)


def find_watson(given: Path | None) -> str | None:
    for candidate in (str(given) if given else None, shutil.which("watson"),
                      "/tmp/watson-venv/bin/watson"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def after_a_change(cmd: list[str], env: dict[str, str], home: Path) -> float:
    """`status` as the first call after an append runs it: the view is stale."""
    conn = sqlite3.connect(home / "sessiond.sqlite3")
    with conn:
        conn.execute("DELETE FROM status_head")
    conn.close()
    return run_once(cmd, env)


def main() -> None:
    parser = options(__doc__)
    parser.add_argument("--watson", type=Path, help="the watson executable")
    parser.add_argument("--small", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000)
    args = parser.parse_args()
    watson = find_watson(args.watson)
    with workdir(args.cache) as root, tempfile.TemporaryDirectory() as watson_dir:
        small = log_home(root, args.small, 365)
        large = log_home(root, args.large, 3650)
        cases = {
            "python -c pass": partial(run_once, [sys.executable, "-c", "pass"]),
            "sessiond --version": partial(run_once, [SESSIOND, "--version"], env_for(small)),
            "status (small)": partial(run_once, [SESSIOND, "status"], env_for(small)),
            "status (large)": partial(run_once, [SESSIOND, "status"], env_for(large)),
            "status after a change (small)": partial(after_a_change, [SESSIOND, "status"],
                                                     env_for(small), small),
            "status after a change (large)": partial(after_a_change, [SESSIOND, "status"],
                                                     env_for(large), large),
            "floor (large)": partial(run_once, [sys.executable, str(FLOORS / "status.py"),
                                                str(large / "sessiond.sqlite3")]),
        }
        if watson:
            wenv = env_for(small, WATSON_DIR=watson_dir)
            subprocess.run([watson, "start", "bench", "+remote"], env=wenv, check=True,
                           capture_output=True)
            cases["watson status"] = partial(run_once, [watson, "status"], wenv)
        else:
            print("watson not found: pip install td-watson into /tmp/watson-venv",
                  file=sys.stderr)
        if args.before:
            for name in ("sessiond --version", "status (small)", "status (large)"):
                cmd, env = cases[name].args[0], cases[name].args[1]
                cases[f"{name}, before"] = partial(run_once, cmd, before_env(env, args.before))
        t = alternate(cases, args.runs)
    print(f"start-up, medians of {args.runs} alternating runs "
          f"({args.small} and {args.large} sessions):")
    rows = []
    if watson:
        rows.append((f"status, {args.small} sessions", t["status (small)"], "watson status",
                     t["watson status"], "<= 0.4"))
    rows += [
        (f"status, {args.large} sessions", t["status (large)"],
         f"status, {args.small} sessions", t["status (small)"], "<= 1.2"),
        (f"status, {args.large} sessions", t["status (large)"], "floor script",
         t["floor (large)"], "for scale"),
        (f"status after a change, {args.small} s.", t["status after a change (small)"],
         "watson status", t.get("watson status", float("nan")), "for scale"),
        (f"status after a change, {args.large} s.", t["status after a change (large)"],
         f"after a change, {args.small} s.", t["status after a change (small)"], "<= 1.2"),
        ("--version", t["sessiond --version"], "python -c pass", t["python -c pass"],
         "<= 1.5"),
    ]
    report(rows)
    if args.before:
        print(f"before ({args.before}) and after:")
        report([(name, t[name], "before", t[f"{name}, before"], "")
                for name in ("status (small)", "status (large)", "sessiond --version")])


if __name__ == "__main__":
    main()
