"""Fuzzing the whole command: hostile command lines, config.toml files, policies and
documents to verify never give a traceback or a bug exit, and nothing raw reaches the
terminal. A fixed, derandomized budget per target keeps the suite quick; the longer run is
`python -m bench.bench_fuzz_hostile`."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.functional.fuzz_inputs import TARGETS, Bench, check, new_bench

BUDGET = {"cli": 150, "config": 60, "policy": 40, "verify": 60}


@pytest.fixture(scope="module")
def bench() -> Iterator[Bench]:
    made = new_bench()
    yield made
    shutil.rmtree(made.out.parent, ignore_errors=True)


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_fuzz(target: str, bench: Bench) -> None:
    @settings(max_examples=BUDGET[target], derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(seed=st.integers(min_value=0, max_value=2**32 - 1))
    def one(seed: int) -> None:
        for result in TARGETS[target](random.Random(seed), bench):
            problem = check(result)
            assert problem is None, (target, seed, problem)

    one()
