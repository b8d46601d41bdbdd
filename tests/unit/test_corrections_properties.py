"""For any valid sequence of commands and corrections: worked time is the sum of the
corrected intervals, the bill is the bill of the corrected events, and the log verifies.

The oracle is a list of (transition, instant) kept by the test itself: an amendment moves
one instant, a reopen turns the last stop into a pause; the worked time is summed from
it, independently of sessiond's projection (model.effective).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessiond.billing import bill
from sessiond.config import Paths
from sessiond.model import fold
from sessiond.sessions import Sessiond

Step = tuple[str, int]  # ("pause" | "resume" | "stop" | "reopen" | "amend", a number)


def worked(transitions: list[list[object]]) -> int:
    """Seconds of running time of an oracle list of [kind, instant]."""
    total, running_since = 0, None
    for kind, at in transitions:
        assert isinstance(at, datetime)
        if kind in ("start", "resume"):
            running_since = at
        elif running_since is not None:
            total += int((at - running_since).total_seconds())
            running_since = None
    return total


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("props")


steps = st.lists(st.tuples(st.sampled_from(["pause", "resume", "stop", "reopen", "amend"]),
                           st.integers(min_value=0, max_value=10_000)),
                 min_size=1, max_size=12)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_worked_time_and_bill_follow_the_corrections(root: Path, plan: list[Step]) -> None:
    home = root / f"h{abs(hash(tuple(plan)))}"
    svc = Sessiond(Paths(data=home, config=home))
    try:
        t0 = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=20)
        client = svc.add_client("Client", at=t0)
        session = svc.new_session(client, policy="vlh", at=t0)
        svc.consent(session, channel="oral", by="Client", at=t0)
        svc.start(session, at=t0)
        oracle: list[list[object]] = [["start", t0]]
        seqs = [svc.session_events(session)[-1].seq]  # the oracle's rows, as log seqs
        clock = t0
        for action, n in plan:
            state = fold(svc.session_events(session)).state  # type: ignore[union-attr]
            clock += timedelta(minutes=1 + n % 50)
            if action == "pause" and state.value == "running":
                seqs.append(svc.pause(session, at=clock).seq)
                oracle.append(["pause", clock])
            elif action == "resume" and state.value == "paused":
                seqs.append(svc.resume(session, at=clock).seq)
                oracle.append(["resume", clock])
            elif action == "stop" and state.value in ("running", "paused"):
                seqs.append(svc.stop(session, at=clock).seq)
                oracle.append(["stop", clock])
            elif action == "reopen" and state.value == "stopped":
                svc.reopen(session, reason="arrêt trop tôt")
                if oracle[-2][0] == "pause":  # stopped while paused: the pause goes on
                    oracle.pop()
                    seqs.pop()
                else:
                    oracle[-1][0] = "pause"  # paused from the stop's instant
            elif action == "amend":
                i = n % len(oracle)
                lo = oracle[i - 1][1] if i else t0 - timedelta(hours=2)
                hi = oracle[i + 1][1] if i + 1 < len(oracle) else clock
                assert isinstance(lo, datetime) and isinstance(hi, datetime)
                new = lo + (hi - lo) * (n % 97) / 97
                new = new.replace(microsecond=0)
                if lo <= new <= hi:
                    svc.amend(session, seqs[i], at=new, reason="heure corrigée")
                    oracle[i][1] = new
        now = clock + timedelta(minutes=5)
        corrected = svc.session(session)
        assert corrected.elapsed_seconds(now) == worked(oracle) + (
            int((now - oracle[-1][1]).total_seconds())  # type: ignore[operator]
            if oracle[-1][0] in ("start", "resume") else 0)
        # The same day typed right the first time, in a log of its own: same bill.
        right = Sessiond(Paths(data=home / "right", config=home / "right"))
        try:
            other = right.add_client("Client", at=t0)
            typed = right.new_session(other, policy="vlh", at=t0)
            right.consent(typed, channel="oral", by="Client", at=t0)
            verbs = {"start": right.start, "pause": right.pause, "resume": right.resume,
                     "stop": right.stop}
            for kind, at in oracle:
                verbs[str(kind)](typed, at=at)  # type: ignore[operator]
            expected = bill(right.session(typed), right.policy("vlh"), right.history(other),
                            now)
        finally:
            right.close()
        got = bill(corrected, svc.policy("vlh"), svc.history(client), now)
        assert (got.worked_seconds, got.billed_seconds, got.total) == (
            expected.worked_seconds, expected.billed_seconds, expected.total)
        assert [(ln.name, ln.amount) for ln in got.lines] == [
            (ln.name, ln.amount) for ln in expected.lines]
        assert svc.verify().ok
    finally:
        svc.close()
