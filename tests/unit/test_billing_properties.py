"""Properties of tranche billing over random sessions (hypothesis).

For any tranche model (first block F, increment I, no grace) and any session:
billed >= worked; billed - worked < I once past F (billed = F up to F); billed is F plus
whole increments; more worked time never bills less; pauses never bill; the total is the
sum of its lines, each to the cent.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from sessiond.billing import History, bill
from sessiond.policy import Policy, TrancheModel, read_policy, shipped_dir
from tests.unit.billing_factory import Builder, utc

POLICIES = {i: read_policy(shipped_dir() / f"{i}.toml")
            for i in ("md-micro-services", "mri87", "micro-alpes", "fgdmi", "vlh")}

models = st.builds(
    lambda first, inc: TrancheModel(first, inc, 0, "1", "x"),
    st.integers(1, 4 * 3600), st.integers(1, 2 * 3600))
graced = st.builds(
    lambda first, inc, grace: TrancheModel(first, inc, grace, "1", "x"),
    st.integers(1, 4 * 3600), st.integers(1, 2 * 3600), st.integers(0, 600))
worked_times = st.integers(0, 30 * 3600)
# Start instants over two years, DST changes included (UTC instants, any second).
starts = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31),
                      timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))
# Alternating running and paused spans, in seconds; runs at odd positions are pauses.
segments = st.lists(st.integers(1, 5 * 3600), min_size=1, max_size=9)


def with_model(policy: Policy, model: TrancheModel) -> Policy:
    return replace(policy, tranches=model)


@given(models, worked_times)
def test_billed_covers_worked_and_no_more_than_one_increment(model: TrancheModel,
                                                             worked: int) -> None:
    billed = model.billed_seconds(worked)
    first, inc = model.first_block_seconds, model.increment_seconds
    if worked == 0:
        assert billed == 0
        return
    assert billed >= worked
    assert billed >= first
    assert (billed - first) % inc == 0  # first block + whole increments
    if worked <= first:
        assert billed == first
    else:
        assert billed - worked < inc


@given(models, worked_times, worked_times)
def test_more_work_never_bills_less(model: TrancheModel, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert model.billed_seconds(low) <= model.billed_seconds(high)


@given(graced, worked_times)
def test_grace_forgives_at_most_the_grace(model: TrancheModel, worked: int) -> None:
    billed = model.billed_seconds(worked)
    if worked:
        assert billed >= min(worked, model.first_block_seconds)
        assert billed >= worked - model.grace_seconds
        assert billed - worked < max(model.first_block_seconds, model.increment_seconds)
        assert (billed - model.first_block_seconds) % model.increment_seconds == 0


def _session(policy_id: str, start: datetime, spans: list[int]) -> Builder:
    return Builder(policy=policy_id, planned_at=start - timedelta(hours=1)).run(start, *spans)


@settings(max_examples=150)
@given(st.sampled_from(sorted(POLICIES)), models, starts, segments)
def test_pauses_never_bill(policy_id: str, model: TrancheModel, start: datetime,
                           spans: list[int]) -> None:
    """The same running time, with or without pauses between, bills the same."""
    policy = with_model(POLICIES[policy_id], model)
    runs = spans[0::2]
    paused = _session(policy_id, start, spans).session()
    straight = _session(policy_id, start, [sum(runs)]).session()
    now = start + timedelta(days=3)
    with_pauses = bill(paused, policy, History((paused,)), now)
    without = bill(straight, policy, History((straight,)), now)
    assert with_pauses.worked_seconds == sum(runs)
    assert with_pauses.billed_seconds == without.billed_seconds == model.billed_seconds(
        sum(runs))
    assert with_pauses.total == without.total


@settings(max_examples=150)
@given(st.sampled_from(sorted(POLICIES)), starts, segments, st.integers(1, 3 * 3600))
def test_longer_work_never_costs_less(policy_id: str, start: datetime, spans: list[int],
                                      extra: int) -> None:
    policy = POLICIES[policy_id]
    mode = next(iter(policy.rates))
    short = Builder(policy=policy_id, mode=mode).run(start, *spans).session()
    longer_spans = [*spans[:-1], spans[-1] + extra] if len(spans) % 2 else [*spans, extra]
    long = Builder(policy=policy_id, mode=mode).run(start, *longer_spans).session()
    now = start + timedelta(days=3)
    a = bill(short, policy, History((short,)), now)
    b = bill(long, policy, History((long,)), now)
    assert b.worked_seconds == a.worked_seconds + extra
    assert b.billed_seconds >= a.billed_seconds
    assert b.total >= a.total


@settings(max_examples=150)
@given(st.sampled_from(sorted(POLICIES)), starts, segments,
       st.lists(st.tuples(st.sampled_from(["solved", "diagnosed", "unsolved"])), max_size=5),
       st.booleans(), st.sampled_from([None, "0.01", "37.37", "45.55", "120"]),
       st.booleans())
def test_total_is_the_sum_of_lines_to_the_cent(policy_id: str, start: datetime,
                                               spans: list[int], outcomes: list[tuple[str]],
                                               requested: bool, rate: str | None,
                                               new_client: bool) -> None:
    policy = POLICIES[policy_id]
    mode = next(iter(policy.rates))
    b = Builder(policy=policy_id, mode=mode, rate=rate, problem_count=len(outcomes))
    b.run(start, *spans)
    end = start + timedelta(seconds=sum(spans) + 1)
    for number, (result,) in enumerate(outcomes, 1):
        b.outcome(number, result, end)
    if requested:
        b.reduction_requested(end)
    b.fee("travel", end, "12.34")
    b.log.credit("c-1", "2.5", start - timedelta(days=2))
    session = b.session()
    others: tuple[object, ...] = () if new_client else (
        Builder(policy=policy_id, session_id="s-0", log=b.log).run(utc("2025-01-01 09:00"), 60)
        .session(),)
    result = bill(session, policy, History((session, *others),  # type: ignore[arg-type]
                                           b.log.client_events("c-1")),
                  end + timedelta(days=1))
    assert result.total == sum((line.amount for line in result.lines), Decimal(0))
    for line in result.lines:
        assert line.amount == line.amount.quantize(Decimal("0.01"))
    # A waiver of the fees ("warranty-fees", "no-valid-solution-fees") is on their side.
    on_fees = [line.kind == "fee" or (line.name or "").endswith("-fees")
               for line in result.lines]
    time_and_reductions = sum((line.amount for line, fee in zip(result.lines, on_fees,
                                                                 strict=True) if not fee),
                              Decimal(0))
    assert time_and_reductions >= 0, "reductions never take the time below zero"
    fees = sum((line.amount for line, fee in zip(result.lines, on_fees, strict=True) if fee),
               Decimal(0))
    assert fees >= 0, "a waiver never takes the fees below zero"
    assert result.total >= 0
