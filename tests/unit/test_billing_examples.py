"""Worked examples, computed by hand, for each policy; each quotes the article it applies.

Rates are the shipped defaults: VLH 50 €/h (remote and on site), MRI87 50 €/h, Micro-Alpes
60 €/h on site, MD Micro Services 50 €/h remote with 15-minute tranches, FGDMI 60 €/h on
site with 15-minute tranches.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from sessiond.billing import Bill, History, bill
from sessiond.i18n import set_language
from sessiond.model import Session
from sessiond.policy import Policy, read_policy, shipped_dir
from tests.unit.billing_factory import Builder, Log, paris, utc


@pytest.fixture(autouse=True)
def french() -> Iterator[None]:
    set_language("fr")
    yield
    set_language(None)


def policy(policy_id: str) -> Policy:
    return read_policy(shipped_dir() / f"{policy_id}.toml", "shipped")


def earlier(log: Log, policy_id: str, client_id: str = "c-1") -> Session:
    """A past intervention of the client: he is not a new client any more."""
    b = Builder(policy=policy_id, session_id="s-0", client_id=client_id, log=log,
                planned_at=utc("2025-06-01 08:00"))
    return b.start(utc("2025-06-01 09:00")).stop(utc("2025-06-01 09:30")).session()


def bill_of(b: Builder, policy_id: str, *, now: str = "2027-01-01 00:00",
            returning: bool = True) -> Bill:
    session = b.session()
    history = [session]
    if returning:
        history.append(earlier(b.log, policy_id, session.client_id))
    return bill(session, policy(policy_id), History(tuple(history),
                                                    b.log.client_events(session.client_id)),
                utc(now))


def amounts(result: Bill) -> list[str]:
    return [str(line.amount) for line in result.lines]


def minutes(m: int, s: int = 0) -> int:
    return m * 60 + s


# --- VLH, art. 3.3: « la première heure est indivisible puis la facturation s'effectue par
# tranches de 15 minutes supplémentaires » --------------------------------------------------


@pytest.mark.parametrize(("worked", "billed", "total"), [
    (minutes(45), 3600, "50.00"),  # under the first hour: the hour is due
    (minutes(60), 3600, "50.00"),
    (minutes(60, 1), 4500, "62.50"),  # one second into the next tranche: it is due
    (minutes(67), 4500, "62.50"),  # 1 h 07 -> 1 h 15
    (minutes(75), 4500, "62.50"),
    (minutes(75, 1), 5400, "75.00"),
])
def test_vlh_first_hour_then_quarters(worked: int, billed: int, total: str) -> None:
    start = utc("2026-11-23 09:00")
    b = Builder(policy="vlh").start(start).stop(start + timedelta(seconds=worked))
    result = bill_of(b, "vlh")
    assert (result.worked_seconds, result.billed_seconds, str(result.total)) == (
        worked, billed, total)


def test_vlh_explanation_in_words() -> None:
    b = Builder(policy="vlh").run(utc("2026-11-23 09:00"), minutes(67))
    assert bill_of(b, "vlh").explanation == (
        "1 h 07 min travaillées\u202f: première heure indivisible + 1 tranche de 15 min = "
        "1 h 15 min facturées.")
    b = Builder(policy="vlh").run(utc("2026-11-23 09:00"), minutes(45))
    assert bill_of(b, "vlh").explanation == (
        "45 min travaillées\u202f: première heure indivisible = 1\u00a0h facturée.")


def test_vlh_across_the_autumn_dst_change() -> None:
    """2026-10-25, Europe/Paris: 01:50 CEST to 02:10 CET is 1 h 20 min, not 20 min."""
    start, stop = paris("2026-10-25 01:50"), paris("2026-10-25 02:10", fold=1)
    b = Builder(policy="vlh").start(start).stop(stop)
    result = bill_of(b, "vlh")
    assert result.worked_seconds == minutes(80)
    assert result.billed_seconds == minutes(90)  # 1 h + 2 tranches of 15 min
    assert amounts(result) == ["75.00"]


def test_vlh_dst_session_started_in_the_repeated_hour() -> None:
    """02:30 CEST (first pass) to 02:20 CET (second pass): 50 min although 02:20 < 02:30."""
    b = Builder(policy="vlh").start(paris("2026-10-25 02:30")).stop(
        paris("2026-10-25 02:20", fold=1))
    result = bill_of(b, "vlh")
    assert (result.worked_seconds, result.billed_seconds, str(result.total)) == (
        minutes(50), 3600, "50.00")


def test_vlh_across_midnight() -> None:
    """23:40 to 00:52 (Paris) is 1 h 12 min: first hour + one quarter."""
    b = Builder(policy="vlh").start(paris("2026-11-22 23:40")).stop(paris("2026-11-23 00:52"))
    result = bill_of(b, "vlh")
    assert (result.worked_seconds, result.billed_seconds, str(result.total)) == (
        minutes(72), 4500, "62.50")


def test_vlh_new_client_first_intervention() -> None:
    """Art. 5.5: 30 % off a new client's first intervention; 62.50 - 18.75 = 43.75."""
    b = Builder(policy="vlh").run(utc("2026-11-23 09:00"), minutes(67))
    result = bill_of(b, "vlh", returning=False)
    assert amounts(result) == ["62.50", "-18.75"]
    assert str(result.total) == "43.75"
    assert result.lines[1].article == "5.5"
    # The client's second intervention: no discount.
    log = b.log
    second = Builder(policy="vlh", session_id="s-2", log=log,
                     planned_at=utc("2026-11-24 08:00"))
    second.run(utc("2026-11-24 09:00"), minutes(67))
    result = bill(second.session(), policy("vlh"),
                  History((b.session(), second.session())), utc("2026-12-01 00:00"))
    assert amounts(result) == ["62.50"]


@pytest.mark.parametrize("segments", [(0,), (0, 1800, 0)])  # stopped at once; only a pause
def test_vlh_a_session_without_a_second_of_work_was_no_intervention(
        segments: tuple[int, ...]) -> None:
    """Art. 5.5: the 30 % go to the new client's "première intervention", the referral's
    10 % to "la prochaine prestation effectuée": a session started and stopped (or only
    paused) without any work billed nothing, performed nothing, and takes neither away
    from the intervention that follows. 1 h 07 -> 62.50, -18.75 (30 %), -6.25 (10 %)."""
    log = Log()
    log.event("referral-recorded", utc("2026-11-20 12:00"), client_id="c-1",
              body={"referred": "c-2"})
    empty = Builder(policy="vlh", session_id="s-1", log=log,
                    planned_at=utc("2026-11-23 08:00")).run(utc("2026-11-23 09:00"), *segments)
    real = Builder(policy="vlh", session_id="s-2", log=log,
                   planned_at=utc("2026-11-24 08:00")).run(utc("2026-11-24 09:00"), minutes(67))
    sessions = (empty.session(), real.session())
    history = History(sessions, log.client_events("c-1"))
    nothing = bill(sessions[0], policy("vlh"), history, utc("2026-12-01 00:00"))
    assert (nothing.worked_seconds, str(nothing.total)) == (0, "0.00")
    result = bill(sessions[1], policy("vlh"), history, utc("2026-12-01 00:00"))
    assert amounts(result) == ["62.50", "-18.75", "-6.25"]
    assert [line.name for line in result.lines[1:]] == ["new-client", "referral"]


def test_vlh_late_cancellation_is_half_the_planned_price() -> None:
    """Art. 5.6: less than 24 h before, 50 % of the planned price (first hour: 50.00)."""
    b = Builder(policy="vlh", appointment=utc("2026-11-23 14:00")).fee(
        "late-cancellation", utc("2026-11-23 08:00"))
    result = bill_of(b, "vlh")
    assert amounts(result) == ["25.00"]
    assert result.lines[0].kind == "fee" and result.lines[0].article == "5.6"


def test_vlh_no_travel_costs_for_remote_work() -> None:
    """Art. 4.3: « Aucun frais de déplacement ne s'applique pour les interventions à distance »."""
    b = Builder(policy="vlh", mode="remote").run(utc("2026-11-23 09:00"), minutes(30))
    b.fee("travel", utc("2026-11-23 10:00"), "20.00")
    result = bill_of(b, "vlh")
    assert amounts(result) == ["50.00"]
    assert any("4.3" in w for w in result.warnings)
    onsite = Builder(policy="vlh", mode="onsite").run(utc("2026-11-23 09:00"), minutes(30))
    onsite.fee("travel", utc("2026-11-23 10:00"), "20.00")
    assert amounts(bill_of(onsite, "vlh")) == ["50.00", "20.00"]


# --- MRI87, art. 7.1: « Toute tranche horaire commencée est due intégralement. » -----------


@pytest.mark.parametrize(("worked", "billed", "total"), [
    (minutes(1), 3600, "50.00"),
    (minutes(60), 3600, "50.00"),
    (minutes(67), 7200, "100.00"),
    (minutes(120, 1), 10800, "150.00"),
])
def test_mri87_every_started_hour(worked: int, billed: int, total: str) -> None:
    b = Builder(policy="mri87").run(utc("2026-11-23 09:00"), worked)
    result = bill_of(b, "mri87")
    assert (result.billed_seconds, str(result.total)) == (billed, total)
    # No package at all: the whole time is reported as not covered (art. 13).
    assert result.credit is not None and result.credit.shortfall_seconds == billed
    assert any("art. 13" in w for w in result.warnings)


def test_mri87_explanation_counts_hours() -> None:
    b = Builder(policy="mri87").run(utc("2026-11-23 09:00"), minutes(67))
    assert bill_of(b, "mri87").explanation.startswith(
        "1 h 07 min travaillées\u202f: 2 tranches de 1 h = 2 h facturées.")


# --- Micro-Alpes, art. 3: « facturation minimale d'une demi-heure [...] Toute demi-heure
# entamée est due. » ----------------------------------------------------------------------


@pytest.mark.parametrize(("worked", "billed", "total"), [
    (minutes(10), 1800, "30.00"),
    (minutes(30), 1800, "30.00"),
    (minutes(31), 3600, "60.00"),
    (minutes(95), 7200, "120.00"),
])
def test_micro_alpes_half_hours(worked: int, billed: int, total: str) -> None:
    b = Builder(policy="micro-alpes", mode="onsite").run(utc("2026-11-23 09:00"), worked)
    result = bill_of(b, "micro-alpes")
    assert (result.billed_seconds, str(result.total)) == (billed, total)


def test_micro_alpes_interrupted_by_the_technician_still_bills_half_an_hour() -> None:
    """Art. 5: interrupted by the technician, « facturation minimale d'une demi-heure »."""
    b = Builder(policy="micro-alpes", mode="onsite").start(utc("2026-11-23 09:00"))
    b.stop(utc("2026-11-23 09:05"), by="technician")
    assert amounts(bill_of(b, "micro-alpes")) == ["30.00"]


def test_micro_alpes_pauses_are_not_billed() -> None:
    """20 min, a 40 min pause, 15 min: 35 min worked -> two half hours."""
    b = Builder(policy="micro-alpes", mode="onsite").run(utc("2026-11-23 09:00"),
                                                         minutes(20), minutes(40), minutes(15))
    result = bill_of(b, "micro-alpes")
    assert (result.worked_seconds, result.billed_seconds, str(result.total)) == (
        minutes(35), 3600, "60.00")


def test_micro_alpes_no_show() -> None:
    """Art. 3 / 10.2: travel + waiting, minimum one hour (60.00) plus travel (12.00)."""
    b = Builder(policy="micro-alpes", mode="onsite")
    b.fee("no-show", utc("2026-11-23 09:30")).fee("travel", utc("2026-11-23 09:30"), "12.00")
    result = bill_of(b, "micro-alpes")
    assert amounts(result) == ["60.00", "12.00"]
    assert str(result.total) == "72.00"
    assert result.billed_seconds == 0


# --- MD Micro Services, art. 5: « Le temps de Prestation est décompté par tranches
# (paliers) et tout temps commencé est dû » (tranche size on the price page: 15 min) ------


def test_md_tranches_of_the_default_size() -> None:
    b = Builder(policy="md-micro-services").run(utc("2026-11-23 09:00"), minutes(67))
    result = bill_of(b, "md-micro-services")
    assert (result.billed_seconds, str(result.total)) == (4500, "62.50")
    assert result.explanation == ("1 h 07 min travaillées\u202f: 5 tranches de 15 min = "
                                  "1 h 15 min facturées.")


def test_md_client_interruption_keeps_the_time_due() -> None:
    """Art. 6: « le montant correspondant au temps déjà mobilisé reste dû »."""
    b = Builder(policy="md-micro-services").start(utc("2026-11-23 09:00"))
    b.stop(utc("2026-11-23 09:20"), by="client")
    assert amounts(bill_of(b, "md-micro-services")) == ["25.00"]


def test_md_reviewed_idle_span_is_not_worked_and_can_be_corrected() -> None:
    start = utc("2026-11-23 10:00")
    b = Builder(policy="md-micro-services").run(start, minutes(120))
    b.span(utc("2026-11-23 10:30"), utc("2026-11-23 11:00"), "paused", utc("2026-11-23 12:01"))
    result = bill_of(b, "md-micro-services")
    assert (result.worked_seconds, str(result.total)) == (minutes(90), "75.00")
    # The technician corrects himself: that span was work after all.
    b.span(utc("2026-11-23 10:30"), utc("2026-11-23 11:00"), "worked", utc("2026-11-23 12:05"))
    assert bill_of(b, "md-micro-services").worked_seconds == minutes(120)


def test_md_fee_left_open_needs_an_amount() -> None:
    # art. 9: a no-show fee is due only once announced to the client (issue 12)
    b = Builder(policy="md-micro-services").announce("no-show", utc("2026-11-20 10:00"))
    b.fee("no-show", utc("2026-11-23 09:30"))
    result = bill_of(b, "md-micro-services")
    assert amounts(result) == ["0.00"]  # only the (empty) time line
    assert any("--amount" in w for w in result.warnings)
    b.fee("no-show", utc("2026-11-23 09:31"), "25.00")
    assert amounts(bill_of(b, "md-micro-services")) == ["25.00"]


# --- FGDMI, III.2: « dépanné ou remboursé » and partial results ---------------------------


def fgdmi(problems: int, *outcomes: str, requested: bool = True, rate: str | None = None,
          travel: str | None = "30.00") -> Bill:
    b = Builder(policy="fgdmi", mode="onsite", problem_count=problems, rate=rate)
    b.run(utc("2026-11-23 09:00"), minutes(90))
    for number, result in enumerate(outcomes, 1):
        b.outcome(number, result, utc("2026-11-23 10:31"))
    if requested:
        b.reduction_requested(utc("2026-11-23 10:32"))
    if travel:
        b.fee("travel", utc("2026-11-23 10:33"), travel)
    return bill_of(b, "fgdmi")


def test_fgdmi_partial_results() -> None:
    """III.2.3: 20 % per unsolved listed problem on request; travel is not reduced.

    1 h 30 at 60 €/h = 90.00; 2 unsolved -> 40 % = 36.00 off; travel 30.00: total 84.00.
    """
    result = fgdmi(3, "solved", "unsolved", "unsolved")
    assert amounts(result) == ["90.00", "-36.00", "30.00"]
    assert str(result.total) == "84.00"
    assert result.lines[1].article == "III.2.3"


def test_fgdmi_reduction_is_capped_at_70_percent() -> None:
    """4 unsolved × 20 % = 80 %, capped at 70 % since one valid solution was given: 63.00."""
    result = fgdmi(5, "solved", "unsolved", "unsolved", "unsolved", "unsolved")
    assert amounts(result) == ["90.00", "-63.00", "30.00"]
    assert "70\u00a0%" in result.lines[1].label


def test_fgdmi_no_valid_solution_is_not_billed_travel_included() -> None:
    """III.2.1 "ne pas le facturer": the client, travel included. III.2.3's "frais de
    déplacement non déductibles" is said of a partial result (the test above), and a
    doubtful clause reads in the consumer's favour (C. consom. L211-1)."""
    result = fgdmi(2, "unsolved", "unsolved", requested=False)
    assert amounts(result) == ["90.00", "-90.00", "30.00", "-30.00"]
    assert str(result.total) == "0.00"
    assert [line.article for line in result.lines[1::2]] == ["III.2.1", "III.2.1"]
    assert "frais" in result.lines[3].label or "fees" in result.lines[3].label
    # A diagnosis is a valid solution (III.2.2): the time is billed, and the travel.
    assert amounts(fgdmi(1, "diagnosed")) == ["90.00", "30.00"]


def test_fgdmi_diagnosis_counts_as_a_valid_solution() -> None:
    """III.2.2: a diagnosis of an unsolvable problem is valid; 1 unsolved -> 20 % off."""
    result = fgdmi(2, "diagnosed", "unsolved", travel=None)
    assert amounts(result) == ["90.00", "-18.00"]
    result = fgdmi(1, "diagnosed", travel=None)  # IV.3: diagnosis given, billable
    assert amounts(result) == ["90.00"]


@pytest.mark.parametrize(("mode", "outcomes", "expected"), [
    # 6.5: irreparable hardware (diagnosed): the hour is not billed, home travel stays
    ("onsite", ("diagnosed",), ["50.00", "-50.00", "20.00"]),
    ("onsite", ("unsolved",), ["50.00", "-50.00", "20.00"]),  # 6.3: "dépanné ou remboursé"
    ("remote", ("diagnosed",), ["50.00", "-50.00"]),  # 4.3: no travel at a distance
    ("onsite", ("solved", "diagnosed"), ["50.00", "20.00"]),  # a repair was made: billed
    ("onsite", (), ["50.00", "20.00"]),  # nothing on record: an ordinary bill
])
def test_vlh_irreparable_hardware_costs_only_the_travel(mode: str, outcomes: tuple[str, ...],
                                                        expected: list[str]) -> None:
    """VLH 6.5: "Dans les cas où le matériel serait jugé irréparable, aucun frais de
    réparation ne sera facturé, à l'exception des frais de déplacement si l'intervention est
    effectuée à domicile." A returning client (no new-client discount), 1 h at 50 €/h."""
    b = Builder(policy="vlh", mode=mode, problem_count=len(outcomes)).run(
        utc("2026-11-23 09:00"), minutes(50))
    for n, outcome in enumerate(outcomes, 1):
        b.outcome(n, outcome, utc("2026-11-23 09:55"))
    if mode == "onsite":
        b.fee("travel", utc("2026-11-23 09:56"), "20.00")
    result = bill_of(b, "vlh")
    assert amounts(result) == expected
    guarantee = [line.article for line in result.lines if line.kind == "guarantee"]
    assert guarantee == (["6.3, 6.5"] if "-50.00" in expected else [])
    assert result.warnings == ()


def test_fgdmi_reduction_only_on_request() -> None:
    result = fgdmi(3, "solved", "unsolved", "unsolved", requested=False, travel=None)
    assert amounts(result) == ["90.00"]
    assert any("reduction-requested" in w for w in result.warnings)


def test_fgdmi_quoted_price_wins() -> None:
    """II.1: the price formula accepted before the intervention prevails: 1 h 30 × 45."""
    result = fgdmi(1, "solved", rate="45", travel=None)
    assert amounts(result) == ["67.50"] and result.rate_source == "session"


def test_fgdmi_later_outcome_corrects_an_earlier_one() -> None:
    b = Builder(policy="fgdmi", mode="onsite", problem_count=1)
    b.run(utc("2026-11-23 09:00"), minutes(30))
    b.outcome(1, "unsolved", utc("2026-11-23 09:31")).outcome(1, "solved",
                                                               utc("2026-11-23 09:32"))
    assert amounts(bill_of(b, "fgdmi")) == ["30.00"]


def test_fgdmi_without_outcomes_warns() -> None:
    b = Builder(policy="fgdmi", mode="onsite", problem_count=2)
    b.run(utc("2026-11-23 09:00"), minutes(30))
    result = bill_of(b, "fgdmi")
    assert amounts(result) == ["30.00"]
    assert any("outcome" in w for w in result.warnings)


# --- money and running sessions ---------------------------------------------------------


def test_each_line_rounds_half_up_and_the_total_is_their_sum() -> None:
    # 1 h 15 at 37.37 €/h = 46.7125 -> 46.71; 30 % of 46.71 = 14.013 -> 14.01.
    b = Builder(policy="vlh", rate="37.37").run(utc("2026-11-23 09:00"), minutes(67))
    result = bill_of(b, "vlh", returning=False)
    assert amounts(result) == ["46.71", "-14.01"] and str(result.total) == "32.70"
    # 15 min at 0.02 €/h = 0.005 €: half up gives 0.01 (half even would give 0.00).
    b = Builder(policy="md-micro-services", rate="0.02").run(utc("2026-11-23 09:00"),
                                                             minutes(10))
    assert amounts(bill_of(b, "md-micro-services")) == ["0.01"]


def test_running_session_amount_so_far_and_next_tranche() -> None:
    b = Builder(policy="vlh").start(utc("2026-11-23 10:00"))
    result = bill_of(b, "vlh", now="2026-11-23 10:50")
    assert result.running and str(result.amount_so_far) == "50.00"
    nxt = result.next_tranche
    assert nxt is not None
    assert (nxt.seconds_until, nxt.seconds, str(nxt.amount)) == (600, 900, "12.50")
    assert nxt.at == utc("2026-11-23 11:00")
    result = bill_of(b, "vlh", now="2026-11-23 11:00:01")
    assert result.billed_seconds == 4500 and result.next_tranche is not None
    assert result.next_tranche.at == utc("2026-11-23 11:15")
    b.pause(utc("2026-11-23 11:05"))
    paused = bill_of(b, "vlh", now="2026-11-23 12:00")
    assert paused.next_tranche is not None and paused.next_tranche.at is None
    assert paused.next_tranche.seconds_until == minutes(10)
    assert paused.worked_seconds == minutes(65)


def test_stopped_and_planned_sessions_have_no_next_tranche() -> None:
    b = Builder(policy="vlh")
    planned = bill_of(b, "vlh")
    assert planned.next_tranche is None and str(planned.total) == "0.00"
    assert planned.explanation.startswith("Aucun temps travaillé")
    b.run(utc("2026-11-23 09:00"), minutes(10))
    assert bill_of(b, "vlh").next_tranche is None


def test_json_has_the_documented_keys() -> None:
    b = Builder(policy="vlh").run(utc("2026-11-23 09:00"), minutes(67))
    data = bill_of(b, "vlh").to_json()
    assert {"session", "policy", "worked_seconds", "billed_seconds", "lines", "total",
            "currency", "explanation"} <= set(data)
    assert data["total"] == "62.50" and data["currency"] == "EUR"
    assert data["lines"][0]["label"] and data["lines"][0]["amount"] == "62.50"
    assert data["vat_mention"] == "TVA non applicable, art. 293 B du CGI"
    assert len(data["policy_digest"]) == 64


def test_missing_rate_is_a_clear_error() -> None:
    from sessiond.errors import InputError

    b = Builder(policy="mri87", mode="onsite").run(utc("2026-11-23 09:00"), minutes(10))
    with pytest.raises(InputError) as e:
        bill_of(b, "mri87")
    assert "--rate" in e.value.message
    b = Builder(policy="mri87", mode="onsite", rate="40").run(utc("2026-11-23 09:00"),
                                                              minutes(10))
    assert bill_of(b, "mri87").total == Decimal("40.00")


def test_fgdmi_no_guarantee_when_the_client_ended_the_intervention() -> None:
    """III.2.1: "not billed" only when the technician could work "sans interruption [...]
    résultant de la responsabilité du client"; III.2.4: the guarantee's conditions are not
    met when the client keeps the intervention from being carried out. Neither the whole
    fee nor the 20 % per unsolved problem is taken off; travel is billed as always."""
    for outcomes in (("unsolved", "unsolved"), ("solved", "unsolved")):
        b = Builder(policy="fgdmi", mode="onsite", problem_count=len(outcomes))
        b.start(utc("2026-11-23 09:00")).stop(utc("2026-11-23 10:30"), by="client")
        for number, result in enumerate(outcomes, 1):
            b.outcome(number, result, utc("2026-11-23 10:31"))
        b.reduction_requested(utc("2026-11-23 10:32"))
        b.fee("travel", utc("2026-11-23 10:33"), "30.00")
        bill_ = bill_of(b, "fgdmi")
        assert amounts(bill_) == ["90.00", "30.00"], outcomes
        assert "interrompu" in bill_.explanation and "III.2.1" in bill_.explanation
    # ended by the technician, the same outcomes keep the guarantee (the tests above)
    assert amounts(fgdmi(2, "unsolved", "unsolved")) == ["90.00", "-90.00", "30.00", "-30.00"]


def test_micro_alpes_no_show_of_a_remote_appointment() -> None:
    """Art. 3: the no-show fee is due "quelle que soit la prestation commandée", so a
    remote appointment missed costs the minimum hour too (50.00 at the remote rate); there
    is no travel to add to it."""
    b = Builder(policy="micro-alpes", mode="remote")
    b.fee("no-show", utc("2026-11-23 09:30")).fee("travel", utc("2026-11-23 09:30"), "12.00")
    result = bill_of(b, "micro-alpes")
    assert amounts(result) == ["50.00"]
    assert result.lines[0].name == "no-show" and result.lines[0].article == "3, 10.2"
    assert any("distance" in w for w in result.warnings)  # the travel fee: not billed


# --- boundaries to the second, by hand from each policy's tranche article ------------------
# (policy, mode, running/paused spans in seconds as Builder.run takes them, total)
# VLH 3.3 first hour then 15 min; MRI87 7.1 every started hour; Micro-Alpes 3 every
# started half hour; MD 5 tranches of 15 min (default size); FGDMI 15 min (default).


@pytest.mark.parametrize(("policy_id", "mode", "segments", "total"), [
    ("vlh", "remote", (1,), "50.00"),
    ("vlh", "remote", (3599,), "50.00"),
    ("vlh", "remote", (4501,), "75.00"),
    ("vlh", "remote", (36000,), "500.00"),  # ten hours: 1 h + 36 quarters
    ("vlh", "remote", (36001,), "512.50"),
    ("vlh", "remote", (3000, 1200, 600), "50.00"),  # a pause across the hour: 1 h worked
    ("vlh", "remote", (3000, 1200, 601), "62.50"),
    ("vlh", "remote", (1200, 600, 1200, 600, 1201), "62.50"),  # three spans, 1 h 00:01
    ("vlh", "remote", (0, 1800, 3600), "50.00"),  # paused at the very start
    ("vlh", "remote", (3601, 1800), "62.50"),  # stopped while paused
    ("vlh", "onsite", (3601,), "62.50"),
    ("mri87", "remote", (1,), "50.00"),
    ("mri87", "remote", (3600,), "50.00"),
    ("mri87", "remote", (3601,), "100.00"),
    ("mri87", "remote", (7201,), "150.00"),
    ("micro-alpes", "onsite", (1,), "30.00"),
    ("micro-alpes", "onsite", (1800,), "30.00"),
    ("micro-alpes", "onsite", (1801,), "60.00"),
    ("micro-alpes", "onsite", (3601,), "90.00"),
    ("micro-alpes", "remote", (1860,), "50.00"),
    ("md-micro-services", "remote", (1,), "12.50"),
    ("md-micro-services", "remote", (900,), "12.50"),
    ("md-micro-services", "remote", (901,), "25.00"),
    ("md-micro-services", "workshop", (1000,), "25.00"),
    ("md-micro-services", "remote", (1800, 1800, 1800), "50.00"),  # the pause is not worked
    ("fgdmi", "onsite", (901,), "30.00"),
    ("fgdmi", "remote", (901,), "25.00"),
])
def test_tranche_boundaries_to_the_second(policy_id: str, mode: str,
                                          segments: tuple[int, ...], total: str) -> None:
    b = Builder(policy=policy_id, mode=mode).run(utc("2026-11-23 09:00"), *segments)
    result = bill_of(b, policy_id)
    assert str(result.total) == total
    assert sum(line.amount for line in result.lines) == result.total


@pytest.mark.parametrize(("start", "stop", "worked", "total"), [
    # 29 March 2026: 02:00 CET is 03:00 CEST; 01:30 to 03:30 is one hour
    (paris("2026-03-29 01:30"), paris("2026-03-29 03:30"), 3600, "50.00"),
    (paris("2026-03-29 01:59:30"), paris("2026-03-29 03:00:31"), 61, "50.00"),
    # 25 October 2026: 02:00 CEST to the second 02:00:01 (CET) is 1 h 00:01
    (paris("2026-10-25 02:00"), paris("2026-10-25 02:00:01", fold=1), 3601, "62.50"),
    # New Year's Eve to New Year's Day: 75 minutes
    (paris("2026-12-31 23:30"), paris("2027-01-01 00:45"), 4500, "62.50"),
])
def test_vlh_clock_changes_and_midnight(start: datetime, stop: datetime, worked: int,
                                        total: str) -> None:
    b = Builder(policy="vlh").start(start).stop(stop)
    result = bill_of(b, "vlh")
    assert (result.worked_seconds, str(result.total)) == (worked, total)


def test_a_session_stopped_the_second_it_started_bills_nothing() -> None:
    b = Builder(policy="vlh").start(utc("2026-11-23 09:00")).stop(utc("2026-11-23 09:00"))
    result = bill_of(b, "vlh")
    assert (result.worked_seconds, str(result.total)) == (0, "0.00")


@pytest.mark.parametrize(("notice", "rate", "total"), [
    (timedelta(hours=24), None, "0.00"),  # "au moins 24 heures à l'avance": not late
    (timedelta(hours=24) - timedelta(seconds=1), None, "25.00"),  # 50 % of the first hour
    (timedelta(hours=-1), None, "25.00"),  # cancelled after the appointment's time
    (timedelta(hours=2), "40", "20.00"),  # the quoted rate prices the planned hour
    (timedelta(hours=2), "33.33", "16.67"),  # 16.665 rounds half up
])
def test_vlh_late_cancellation_boundaries(notice: timedelta, rate: str | None,
                                          total: str) -> None:
    """VLH 5.6: "moins de 24 heures avant l'intervention [...] 50 % de la somme prévue"."""
    appointment = utc("2026-11-24 14:00")
    b = Builder(policy="vlh", appointment=appointment, rate=rate)
    b.fee("late-cancellation", appointment - notice)
    assert str(bill_of(b, "vlh").total) == total


@pytest.mark.parametrize(("notice", "total"), [
    (timedelta(hours=24), "0.00"),  # told in time: no fee, the travel included
    (timedelta(hours=24) - timedelta(seconds=1), "45.00"),  # 50 % of the hour + the travel
])
def test_vlh_travel_to_an_appointment_cancelled_in_time_is_not_due(notice: timedelta,
                                                                   total: str) -> None:
    """VLH 5.6: "En cas de report, aucun frais ne sera facturé, à condition d'informer le
    Prestataire au moins 24 heures avant [...]. Si le client ne prévient pas dans ce délai
    et que le Prestataire a déjà effectué le déplacement, la totalité des frais
    kilométriques dus seront facturés"."""
    appointment = utc("2026-11-24 14:00")
    b = Builder(policy="vlh", mode="onsite", appointment=appointment)
    b.fee("late-cancellation", appointment - notice)
    b.fee("travel", appointment, "20.00")
    result = bill_of(b, "vlh")
    assert str(result.total) == total
    # told in time, both fees say why they are not billed, each citing the article
    refused = [w for w in result.warnings if "(art. 5.6)" in w]
    assert len(refused) == (2 if total == "0.00" else 0)
    assert [line.name for line in result.lines if line.kind == "fee"] == (
        [] if total == "0.00" else ["late-cancellation", "travel"])


@pytest.mark.parametrize(("notice", "total"), [
    (timedelta(hours=23), "20.00"), (timedelta(hours=24), "0.00")])
def test_mri87_absence_notice_of_24_hours(notice: timedelta, total: str) -> None:
    """MRI87 15: "prévenir [...] au minimum 24 heures avant"."""
    appointment = utc("2026-11-24 14:00")
    b = Builder(policy="mri87", appointment=appointment)
    b.fee("late-cancellation", appointment - notice, "20")
    assert str(bill_of(b, "mri87").total) == total


@pytest.mark.parametrize(("announced", "total"), [
    (timedelta(minutes=1), "0.00"),  # told after the appointment: not due (MD 9)
    (timedelta(0), "20.00"),
    (timedelta(days=-2), "20.00"),
])
def test_md_no_show_announced_before_the_appointment(announced: timedelta,
                                                     total: str) -> None:
    appointment = utc("2026-11-24 14:00")
    b = Builder(policy="md-micro-services", appointment=appointment)
    b.announce("no-show", appointment + announced)
    b.fee("no-show", appointment + timedelta(minutes=30), "20.00")
    assert str(bill_of(b, "md-micro-services").total) == total


@pytest.mark.parametrize(("outcomes", "rate", "travel", "lines"), [
    # 1 h 30 at 60 €/h = 90.00; III.2.3 20 % per unsolved problem, at most 70 %
    (("diagnosed", "unsolved", "unsolved", "unsolved"), None, "30.00",
     ["90.00", "-54.00", "30.00"]),
    (("solved",) + ("unsolved",) * 4, None, "30.00", ["90.00", "-63.00", "30.00"]),
    (("solved", "unsolved"), "33.33", None, ["50.00", "-10.00"]),  # 49.995 -> 50.00
    (("solved", "unsolved", "unsolved"), "47.47", "18.35", ["71.21", "-28.48", "18.35"]),
])
def test_fgdmi_partial_results_table(outcomes: tuple[str, ...], rate: str | None,
                                     travel: str | None, lines: list[str]) -> None:
    result = fgdmi(len(outcomes), *outcomes, rate=rate, travel=travel)
    assert amounts(result) == lines


def test_vlh_new_client_discount_rounds_each_line() -> None:
    """VLH 5.5: 30 % of 1 h 15 at 41.10 €/h: 51.375 -> 51.38, 15.414 -> 15.41; 35.97."""
    b = Builder(policy="vlh", rate="41.10").run(utc("2026-11-23 09:00"), 3601)
    result = bill_of(b, "vlh", returning=False)
    assert amounts(result) == ["51.38", "-15.41"] and str(result.total) == "35.97"


def test_a_fee_recorded_twice_is_billed_once() -> None:
    """A log written before recording refused it may hold two travel fees: the same fee is
    billed once, and the bill says why (FGDMI III.5, III.2.3: "redevable du déplacement")."""
    b = Builder(policy="fgdmi", mode="onsite", problem_count=1)
    b.run(utc("2026-11-23 09:00"), minutes(50)).outcome(1, "solved", utc("2026-11-23 09:51"))
    b.fee("travel", utc("2026-11-23 09:52"), "30.00").fee("travel", utc("2026-11-23 09:53"),
                                                          "30.00")
    result = bill_of(b, "fgdmi")
    assert amounts(result) == ["60.00", "30.00"]  # 4 quarters at 60 €/h, one travel
    assert str(result.total) == "90.00"
    assert any("une fois par intervention (art. III.5, III.2.3)" in w for w in result.warnings)


def test_fgdmi_travel_costs_at_most_what_the_terms_say() -> None:
    """III.5: "le client est redevable du déplacement soit jusqu'à 60 euros selon son
    adresse": 75 € typed bills 60 €, and the bill says why; 45 € is billed as typed."""
    b = Builder(policy="fgdmi", mode="onsite", problem_count=1)
    b.run(utc("2026-11-23 09:00"), minutes(30)).outcome(1, "solved", utc("2026-11-23 09:31"))
    b.fee("travel", utc("2026-11-23 09:32"), "75.00")
    result = bill_of(b, "fgdmi")
    assert amounts(result) == ["30.00", "60.00"]
    assert any("75,00 € enregistrés, mais les conditions en facturent au plus "
               "60,00 € (art. III.5, III.2.3)" in w for w in result.warnings), \
        result.warnings
    b = Builder(policy="fgdmi", mode="onsite", problem_count=1)
    b.run(utc("2026-11-23 09:00"), minutes(30)).outcome(1, "solved", utc("2026-11-23 09:31"))
    b.fee("travel", utc("2026-11-23 09:32"), "45.00")
    assert amounts(bill_of(b, "fgdmi")) == ["30.00", "45.00"]


def test_one_second_worked_is_said_in_the_singular() -> None:
    """MRI87 7.1: a started hour is due, from the first second; French agrees the
    participle with "1 s" as with "1 h" and "1 min"."""
    b = Builder(policy="mri87").start(utc("2026-11-23 09:00")).stop(
        utc("2026-11-23 09:00:01"))
    assert bill_of(b, "mri87").explanation.startswith(
        "1\u00a0s travaillée\u202f: 1 tranche de 1 h = 1\u00a0h facturée.")


@pytest.mark.parametrize(("announced", "total"), [(None, "0.00"), ("no-show", "40.00"),
                                                  ("travel", "40.00")])
def test_md_travel_to_a_missed_appointment_is_due_only_once_announced(
        announced: str | None, total: str) -> None:
    """MD 9: on a late cancellation or a no-show, "des frais correspondant au temps mobilisé
    et/ou au déplacement, lorsque cela est justifié et porté à la connaissance du Client
    avant intervention": the travel to an appointment the client missed is one of those."""
    b = Builder(policy="md-micro-services", mode="onsite", appointment=utc("2026-11-23 09:00"))
    if announced:
        b.announce(announced, utc("2026-11-20 09:00"))
    b.fee("travel", utc("2026-11-23 09:30"), "40.00")
    result = bill_of(b, "md-micro-services")
    assert str(result.total) == total
    if announced is None:
        assert any("(art. 9)" in w for w in result.warnings), result.warnings
