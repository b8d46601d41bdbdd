"""A long fuzz run of the whole command (issue 11): command lines, config.toml, policies,
documents to verify.

Usage: python -m bench.bench_fuzz_hostile [--inputs 2000] [--seed 1] [--target NAME]
Each input runs through the real `main()` in this process, on a prepared home (a client,
a running session). Prints, per target, the inputs run, the exit codes seen, and the
failures: a traceback, a bug exit (4) or a raw control character in the output. They must
be 0 (the exit code is 1 otherwise); the first few are shown with the seed to replay them.
"""

from __future__ import annotations

import argparse
import collections
import random
import shutil
import sys
import time

from tests.functional.fuzz_inputs import TARGETS, check, new_bench


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inputs", type=int, default=2000, help="per target")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", choices=sorted(TARGETS))
    args = parser.parse_args()
    failed = 0
    for name in [args.target] if args.target else sorted(TARGETS):
        bench = new_bench()
        codes: collections.Counter[int] = collections.Counter()
        problems: list[tuple[int, str]] = []
        runs = 0
        started = time.perf_counter()
        try:
            for i in range(args.inputs):
                seed = args.seed * 1_000_003 + i
                for result in TARGETS[name](random.Random(seed), bench):
                    runs += 1
                    codes[result.code] += 1
                    problem = check(result)
                    if problem:
                        problems.append((seed, problem))
        finally:
            shutil.rmtree(bench.out.parent, ignore_errors=True)
        elapsed = time.perf_counter() - started
        tracebacks = sum(1 for _s, p in problems if p == "traceback")
        print(f"{name:7} inputs {args.inputs:6}  commands run {runs:6}  "
              f"exit codes {dict(sorted(codes.items()))}  tracebacks {tracebacks}  "
              f"failures {len(problems)}  ({elapsed:.0f} s)")
        for seed, problem in problems[:5]:
            print(f"    seed {seed}: {problem}")
        failed += len(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
