"""verify: time against the floor (read the rows, SHA-256 them, one Ed25519 check per
checkpoint, one core), and peak memory.

Usage: python -m bench.bench_verify [--runs 5] [--cache DIR] [--sessions 20000]
                                    [--million] [--before SRC]
Measured as separate processes, in alternation, medians: the floor script
(bench/floors/verify.py), the chain walk of `audit.verify` alone on one core and on every
core (rows from the store, checkpoints streamed), and `sessiond verify` end to end (which
adds SQLite's integrity check, the schema and the sealed data's keys). Peak memory is
the child's maximum resident set. --million adds a log of about 1,000,000 events (about
109,000 sessions; generating it takes a few minutes once, keep it with --cache).
Targets (issue 17): the walk <= 1.5x the floor on one core (less with both cores);
1M events under 100 MB.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from bench.common import (
    FLOORS,
    SESSIOND,
    before_env,
    cpu_count,
    env_for,
    log_home,
    options,
    peak_rss_mb,
    report,
    workdir,
)

# The walk alone, as `sessiond verify` runs it minus the file's other checks.
WALK = """
import sys
from pathlib import Path
from sessiond.audit.keys import Keyring
from sessiond.audit.verify import verify
from sessiond.store.sqlite import Store
home, workers = Path(sys.argv[1]), int(sys.argv[2])
db, keys = Store(home / "sessiond.sqlite3"), Keyring(home / "keys")
if hasattr(db, "iter_rows"):
    report = verify(db.iter_rows(), db.iter_checkpoints, keys.public_key, keys.key_id,
                    workers=workers)
else:  # sessiond before issue 17 (for the before/after table)
    report = verify(db.iter_events(), db.checkpoints(), keys.public_key, keys.key_id)
assert report.ok, report.problems[:3]
print(report.events, report.checkpoints)
"""


def measure(home: Path, runs: int, before: Path | None = None
            ) -> dict[str, tuple[float, float]]:
    """Median (seconds, MB) of each way of verifying `home`, in alternation."""
    cases = {
        "floor": [sys.executable, str(FLOORS / "verify.py"), str(home)],
        "walk, 1 core": [sys.executable, "-c", WALK, str(home), "1"],
        f"walk, {cpu_count()} cores": [sys.executable, "-c", WALK, str(home),
                                       str(cpu_count())],
        "sessiond verify": [SESSIOND, "verify"],
    }
    envs = {name: env_for(home) for name in cases}
    if before is not None:
        for name in ("walk, 1 core", "sessiond verify"):
            env = envs[f"{name}, before"] = before_env(env_for(home), before)
            # The log it can open (bench.common.before_env), named in the arguments too.
            cases[f"{name}, before"] = [env["SESSIOND_HOME"] if arg == str(home) else arg
                                        for arg in cases[name]]
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, cmd in cases.items():
            samples[name].append(peak_rss_mb(cmd, envs[name]))
    return {name: (statistics.median(s[0] for s in values),
                   statistics.median(s[1] for s in values))
            for name, values in samples.items()}


def main() -> None:
    parser = options(__doc__, runs=5)
    parser.add_argument("--sessions", type=int, default=20000)
    parser.add_argument("--million", action="store_true",
                        help="also a log of about a million events")
    args = parser.parse_args()
    sizes = [args.sessions] + ([108_700] if args.million else [])
    with workdir(args.cache) as root:
        for sessions in sizes:
            home = log_home(root, sessions, 365 if sessions <= 20000 else 3650)
            t = measure(home, args.runs, args.before)
            print(f"verify, {sessions} sessions, medians of {args.runs} alternating runs:")
            floor = t["floor"][0]
            report([(name, seconds, "floor (1 core)", floor,
                     "<= 1.5" if name == "walk, 1 core" else "for scale")
                    for name, (seconds, _mb) in t.items()
                    if name != "floor" and not name.endswith("before")])
            if args.before:
                print(f"  before ({args.before}) and after:")
                report([(name, t[name][0], "before", t[f"{name}, before"][0], "")
                        for name in ("walk, 1 core", "sessiond verify")])
            for name, (_s, mb) in t.items():
                print(f"  peak memory, {name:<18} {mb:6.1f} MB"
                      + ("  (target < 100 MB at 1M events)" if name.startswith("walk")
                         else ""))


if __name__ == "__main__":
    main()
