"""Issue 12, the pure parts the commands rest on: who a referral discount goes to (VLH
5.5), how long a client's data is kept (MRI87 17.5, the law), and the warranty window."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from sessiond.billing import History, bill
from sessiond.billing.offers import known_before, referral_for
from sessiond.compliance.retention import LAW, activity, add_years, due, retention_end
from sessiond.errors import InputError
from sessiond.policy import Policy, read_policy, shipped_dir
from tests.unit.billing_factory import PARIS, Builder, Log, paris, utc

VLH = read_policy(shipped_dir() / "vlh.toml")
MRI87 = read_policy(shipped_dir() / "mri87.toml")
MICRO_ALPES = read_policy(shipped_dir() / "micro-alpes.toml")
REFERRAL = VLH.discounts["referral"]


def _sessions(log: Log, *starts: datetime) -> list[Builder]:
    built = []
    for n, start in enumerate(starts):
        b = Builder(policy="vlh", session_id=f"s-{n}", planned_at=start - timedelta(days=1),
                    log=log)
        built.append(b.run(start, 1800))
    return built


def test_each_referral_goes_to_one_next_intervention() -> None:
    log = Log()
    first, second, third, fourth = _sessions(
        log, utc("2026-01-05 09:00"), utc("2026-02-05 09:00"), utc("2026-03-05 09:00"),
        utc("2026-04-05 09:00"))
    log.event("referral-recorded", utc("2026-01-20 12:00"), client_id="c-1",
              body={"referred": "c-2"})
    log.event("referral-recorded", utc("2026-01-25 12:00"), client_id="c-1",
              body={"referred": "c-3"})
    sessions = [b.session() for b in (first, second, third, fourth)]
    events = log.client_events("c-1")
    got = {s.id: referral_for(s, sessions, events, REFERRAL) for s in sessions}
    assert got["s-0"] is None  # over before the client mentioned anyone
    assert got["s-1"] is not None and got["s-1"].body["referred"] == "c-2"
    assert got["s-2"] is not None and got["s-2"].body["referred"] == "c-3"
    assert got["s-3"] is None  # two referrals, two discounts


def test_a_referral_is_lost_after_a_year() -> None:
    log = Log()
    (late,) = _sessions(log, utc("2027-02-01 09:00"))
    log.event("referral-recorded", utc("2026-01-20 12:00"), client_id="c-1",
              body={"referred": "c-2"})
    session = late.session()
    assert referral_for(session, [session], log.client_events("c-1"), REFERRAL) is None


def test_a_referral_is_good_for_the_whole_day_it_turns_one_year_old() -> None:
    """VLH 5.5 "La remise, valable 1 an": mentioned on 20 January 2026, it still goes to an
    intervention on 20 January 2027 in the afternoon, not to one on the 21st (law.periods)."""
    for start, discounted in (("2027-01-20 15:00", True), ("2027-01-21 09:00", False)):
        log = Log()
        (late,) = _sessions(log, paris(start))
        log.event("referral-recorded", paris("2026-01-20 12:00"), client_id="c-1",
                  body={"referred": "c-2"})
        session = late.session()
        got = referral_for(session, [session], log.client_events("c-1"), REFERRAL)
        assert (got is not None) is discounted, start


def test_the_bill_says_a_referral_was_lost_before_the_intervention() -> None:
    """VLH 5.5 "La remise, valable 1 an": a referral mentioned on 20 January 2026 and no
    intervention until 21 January 2027 gives nothing, and the bill says so with the last
    day it was valid (the 10 % silently missing looked like a forgotten referral)."""
    for start, lapsed in (("2027-01-21 09:00", True), ("2027-01-20 15:00", False)):
        log = Log()
        first = Builder(policy="vlh", session_id="s-a", log=log,
                        planned_at=paris("2026-01-10 08:00")).run(paris("2026-01-11 09:00"),
                                                                  3600)
        log.event("referral-recorded", paris("2026-01-20 12:00"), client_id="c-1",
                  body={"referred": "c-2"})
        (late,) = _sessions(log, paris(start))
        history = History((first.session(), late.session()), log.client_events("c-1"))
        result = bill(late.session(), VLH, history, paris("2027-02-01 00:00"))
        names = [line.name for line in result.lines]
        said = "valable jusqu'au 20 janvier 2027" in result.explanation
        assert ("referral" not in names, said) == (lapsed, lapsed), start
        assert ("art. 5.5" in result.explanation) is True, start


def test_a_client_known_before_sessiond_gets_no_welcome_discount() -> None:
    log = Log()
    log.event("client-added", utc("2026-03-01 08:00"), client_id="c-1",
              body={"status": "consumer", "country": "FR", "known_since": "2018-06-01"})
    (first,) = _sessions(log, utc("2026-03-02 09:00"))
    session = first.session()
    events = log.client_events("c-1")
    assert known_before(events, session) == date(2018, 6, 1)
    result = bill(session, VLH, History(sessions=(session,), client_events=events),
                  utc("2026-03-03 00:00"))
    assert [line.kind for line in result.lines] == ["time"]
    assert "1er juin 2018" in result.explanation  # the day in words, as the receipt says it
    fresh = bill(session, VLH, History(sessions=(session,)), utc("2026-03-03 00:00"))
    assert [line.name for line in fresh.lines] == [None, "new-client"]


def test_retention_is_the_later_of_the_relationship_and_the_accounts() -> None:
    log = Log()
    log.event("client-added", utc("2020-02-29 10:00"), client_id="c-1")
    assert add_years(date(2020, 2, 29), 5) == date(2025, 2, 28)
    prospect = retention_end(log.events, MRI87.retention or LAW, PARIS)
    assert prospect is not None and prospect[0] == date(2025, 2, 28)  # MRI87 17.5: 5 years
    log.event("session-stopped", utc("2021-06-10 16:00"), session_id="s-1", client_id="c-1")
    client = retention_end(log.events, MRI87.retention or LAW, PARIS)
    assert client is not None and client[0] == date(2031, 6, 10)  # accounts: 10 years
    seen = activity(log.events)
    assert seen is not None and seen[1] == utc("2021-06-10 16:00")
    assert due("c-1", "mri87", seen, MRI87.retention, utc("2031-06-10 21:00"),
               PARIS) is None  # still the 10th of June in Paris until 22:00 UTC
    late = due("c-1", "mri87", seen, MRI87.retention, utc("2031-06-10 22:30"), PARIS)
    assert late is not None and late.article == "17.5"
    first = activity(log.events[:1])
    assert first is not None and first[1] is None
    silent = due("c-1", "md-micro-services", first, None, utc("2023-03-01 12:00"),
                 PARIS)
    assert silent is not None and silent.article == LAW.article  # the law: 3 years


def test_the_warranty_window_and_the_flat_charge() -> None:
    log = Log()
    earlier = Builder(policy="mri87", session_id="s-a", log=log,
                      planned_at=utc("2026-05-01 08:00")).run(utc("2026-05-02 09:00"), 3000)
    for n, (delay, cause) in enumerate(((timedelta(hours=20), "intervention"),
                                        (timedelta(hours=30), "intervention"),
                                        (timedelta(hours=3), "client"),
                                        (timedelta(days=3), "client"))):
        planned = utc("2026-05-02 09:50") + delay
        again = Builder(policy="mri87", session_id=f"s-{n}", log=log, planned_at=planned,
                        planned={"warranty_of": "s-a", "warranty_cause": cause})
        again.run(planned + timedelta(minutes=5), 2400)
        session = again.session()
        history = History(sessions=(earlier.session(), session))
        result = bill(session, MRI87, history, planned + timedelta(hours=2))
        if n == 0:  # within the 24 hours of art. 16.2: free
            assert result.total == 0 and any(line.kind == "warranty" for line in result.lines)
        elif n == 1:  # claimed too late: billed as any session
            assert result.billed_seconds == 3600 and result.total > 0
            assert "24" in result.explanation
        elif n == 2:  # caused by the client, claimed within the 24 hours: a flat half hour
            assert result.billed_seconds == 1800
        else:  # caused by the client, claimed after them: no warranty case, no flat charge
            assert result.billed_seconds == 3600 and "24" in result.explanation
            assert "forfait" not in result.explanation


@pytest.mark.parametrize(("terms", "ended", "ordered", "free"), [
    # VLH 6.3 "2 mois à compter de la date de fin d'intervention": the whole 20 November
    (VLH, "2026-09-20 11:00", "2026-11-20 14:00", True),
    (VLH, "2026-09-20 11:00", "2026-11-21 08:00", False),
    # Micro-Alpes 10 "dans les dix jours précédents": the 10th day after the 10th is the 20th
    (MICRO_ALPES, "2026-11-10 11:00", "2026-11-20 14:00", True),
    (MICRO_ALPES, "2026-11-10 11:00", "2026-11-21 08:00", False),
])
def test_a_warranty_in_days_or_months_runs_to_the_end_of_its_last_day(
        terms: Policy, ended: str, ordered: str, free: bool) -> None:
    log = Log()
    end = paris(ended)
    earlier = Builder(policy=terms.id, session_id="s-a", log=log, mode="onsite",
                      planned_at=end - timedelta(days=1)).run(end - timedelta(hours=1), 3600)
    order = paris(ordered)
    again = Builder(policy=terms.id, session_id="s-b", log=log, mode="onsite",
                    planned_at=order, planned={"warranty_of": "s-a"})
    again.run(order + timedelta(hours=1), 1800)
    session = again.session()
    result = bill(session, terms, History(sessions=(earlier.session(), session)),
                  order + timedelta(days=1))
    assert (result.total == 0) is free, result.explanation
    assert any(line.kind == "warranty" for line in result.lines) is free


@pytest.mark.parametrize(("change", "key"), [
    (("free = true\nwindow_months = 2", "free = true\nwindow_months = 2\nwindow_days = 10"),
     "window_hours, window_days, window_months"),
    (("free = true\nwindow_months = 2", "covers_fees = true\nwindow_months = 2"),
     "warranty.covers_fees"),
    (("percent_of_planned = \"50\"\nnotice_hours = 24", "percent_of_planned = \"50\""),
     None),
    (("[discounts.new-client]\npercent = \"30\"",
      "[discounts.new-client]\npercent = \"30\"\nvalidity_months = 12"),
     "discounts.new-client.validity_months"),
    (("[fees.travel]\narticle = \"4.3, 5.2\"",
      "[fees.travel]\narticle = \"4.3, 5.2\"\nnotice_hours = 24\nonly_with = [\"travel\"]"),
     "fees.travel.notice_hours"),
])
def test_new_policy_keys_are_checked(tmp_path: Path, change: tuple[str, str],
                                     key: str | None) -> None:
    """The issue-12 keys are validated like the others: a wrong one names itself."""
    text = (shipped_dir() / "vlh.toml").read_text("utf-8")
    assert change[0] in text
    path = tmp_path / "vlh.toml"
    path.write_text(text.replace(change[0], change[1]), "utf-8")
    if key is None:  # a late cancellation without its notice is still a valid policy
        assert read_policy(path).fees["late-cancellation"].notice_hours is None
        return
    with pytest.raises(InputError) as e:
        read_policy(path)
    assert key in e.value.message


@pytest.mark.parametrize(("delay", "free"), [
    (timedelta(hours=23, minutes=59, seconds=59), True),
    (timedelta(hours=24), True),  # "dans un délai maximum de 24h": the 24th hour is in it
    (timedelta(hours=24, seconds=1), False),
])
def test_mri87_warranty_claim_within_at_most_24_hours(delay: timedelta, free: bool) -> None:
    """MRI87 16.2: the client informs "dans un délai maximum de 24h à compter de
    l'exécution des prestations"; a claim exactly 24 h after the end is still on time."""
    log = Log()
    end = utc("2026-05-02 10:00")
    earlier = Builder(policy="mri87", session_id="s-a", log=log,
                      planned_at=utc("2026-05-01 08:00")).run(end - timedelta(minutes=50), 3000)
    again = Builder(policy="mri87", session_id="s-b", log=log, planned_at=end + delay,
                    planned={"warranty_of": "s-a"})
    again.run(end + delay + timedelta(minutes=5), 1200)
    session = again.session()
    result = bill(session, MRI87, History(sessions=(earlier.session(), session)),
                  utc("2026-06-01 00:00"))
    assert (result.total == 0) is free, result.explanation
    assert str(result.total) == ("0.00" if free else "50.00")


def test_a_missed_warranty_appointment_is_owed_like_any_other() -> None:
    """Micro-Alpes 10 takes on "les frais d'intervention et de déplacement entraînés par la
    reproduction d'une panne"; art. 3 makes a missed appointment (travel + waiting, at least
    one hour) due "quelle que soit la prestation commandée": the warranty does not cancel
    it. 1 h at 60 €/h + travel 12.00 = 72.00; the re-intervention carried out stays free."""
    log = Log()
    end = paris("2026-11-10 11:00")
    earlier = Builder(policy="micro-alpes", session_id="s-a", log=log, mode="onsite",
                      planned_at=end - timedelta(days=1)).run(end - timedelta(hours=1), 3600)
    missed = Builder(policy="micro-alpes", session_id="s-b", log=log, mode="onsite",
                     planned_at=paris("2026-11-15 09:00"), planned={"warranty_of": "s-a"})
    missed.fee("no-show", paris("2026-11-16 09:30"))
    missed.fee("travel", paris("2026-11-16 09:30"), "12.00")
    session = missed.session()
    result = bill(session, MICRO_ALPES, History(sessions=(earlier.session(), session)),
                  utc("2026-12-01 00:00"))
    assert [str(line.amount) for line in result.lines] == ["60.00", "12.00"]
    assert str(result.total) == "72.00"
    assert "3, 10.2" in result.explanation
    done = Builder(policy="micro-alpes", session_id="s-c", log=log, mode="onsite",
                   planned_at=paris("2026-11-15 09:00"), planned={"warranty_of": "s-a"})
    done.run(paris("2026-11-16 09:30"), 2000)
    session = done.session()
    result = bill(session, MICRO_ALPES, History(sessions=(earlier.session(), session)),
                  utc("2026-12-01 00:00"))
    assert str(result.total) == "0.00"


def test_a_free_warranty_re_intervention_does_not_use_up_a_referral() -> None:
    """VLH 5.5: 10 % "sur la prochaine prestation effectuée [...] appliquée sur le tarif
    habituel des services"; a re-intervention free under 6.3 has no price to take it from,
    so the discount goes to the next intervention billed: 1 h at 50 €/h - 5.00 = 45.00."""
    log = Log()
    first = Builder(policy="vlh", session_id="s-a", log=log,
                    planned_at=utc("2026-03-01 08:00")).run(utc("2026-03-02 09:00"), 3600)
    log.event("referral-recorded", utc("2026-03-10 12:00"), client_id="c-1",
              body={"referred": "c-2"})
    warranty = Builder(policy="vlh", session_id="s-w", log=log,
                       planned_at=utc("2026-03-15 08:00"), planned={"warranty_of": "s-a"})
    warranty.run(utc("2026-03-16 09:00"), 1800)
    paid = Builder(policy="vlh", session_id="s-n", log=log,
                   planned_at=utc("2026-04-01 08:00")).run(utc("2026-04-02 09:00"), 3600)
    history = History(tuple(b.session() for b in (first, warranty, paid)),
                      log.client_events("c-1"))
    free = bill(warranty.session(), VLH, history, utc("2026-05-01 00:00"))
    assert str(free.total) == "0.00" and "referral" not in {ln.name for ln in free.lines}
    next_one = bill(paid.session(), VLH, history, utc("2026-05-01 00:00"))
    assert [str(line.amount) for line in next_one.lines] == ["50.00", "-5.00"]
    assert next_one.lines[1].name == "referral" and next_one.lines[1].article == "5.5"


@pytest.mark.parametrize(("start", "discounted"), [
    ("2026-03-02 00:30", False),  # 23:30 UTC on the 1st, but the 2nd in Paris
    ("2026-03-01 23:30", True),  # the day he was first known: still his first intervention
    ("2026-03-02 10:00", False),
])
def test_known_since_is_compared_with_the_sessions_local_day(start: str,
                                                             discounted: bool) -> None:
    """VLH 5.5, new clients: a client known since 1 March (client add --known-since, a day
    of the technician's calendar) is no new client at a session on 2 March at 00:30 in
    Paris, although it is still 1 March in UTC."""
    log = Log()
    log.event("client-added", utc("2026-02-01 08:00"), client_id="c-1",
              body={"status": "consumer", "country": "FR", "known_since": "2026-03-01"})
    b = Builder(policy="vlh", session_id="s-1", log=log,
                planned_at=paris(start) - timedelta(hours=2))
    b.run(paris(start), 3600)
    session = b.session()
    events = log.client_events("c-1")
    result = bill(session, VLH, History(sessions=(session,), client_events=events),
                  utc("2026-04-01 00:00"))
    assert str(result.total) == ("35.00" if discounted else "50.00")
    assert (known_before(events, session) is None) is discounted


@pytest.mark.parametrize(("warranty_of", "total"), [("s-a", "0.00"), (None, "25.00")])
def test_late_cancellation_of_a_free_warranty_re_intervention(warranty_of: str | None,
                                                              total: str) -> None:
    """VLH 5.6: "des frais d'annulation [...] équivalents à 50 % de la somme prévue pour la
    prestation"; a re-intervention free under 6.3 was planned at no price: 50 % of
    nothing. Any other intervention: 50 % of the first hour at 50 €/h."""
    log = Log()
    end = paris("2026-09-20 11:00")
    earlier = Builder(policy="vlh", session_id="s-a", log=log,
                      planned_at=end - timedelta(days=1)).run(end - timedelta(hours=1), 3600)
    appointment = paris("2026-10-01 14:00")
    again = Builder(policy="vlh", session_id="s-b", log=log,
                    planned_at=paris("2026-09-25 09:00"), appointment=appointment,
                    planned={"warranty_of": warranty_of} if warranty_of else None)
    again.fee("late-cancellation", appointment - timedelta(hours=3))
    session = again.session()
    result = bill(session, VLH, History(sessions=(earlier.session(), session)),
                  utc("2026-11-01 00:00"))
    assert str(result.total) == total
    assert [line.name for line in result.lines] == ["late-cancellation"]
