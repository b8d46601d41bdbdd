"""Issue 12, "every article right": each item through the real command, the article of the
terms (or of the law, where they are silent) in the expected finding or bill line.

Dates are fixed days of 2025 (declared with --at and --yes), read in the configured zone,
Europe/Paris: the withdrawal period is counted in those local days.
"""

from __future__ import annotations

import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli

NOW = datetime.now(UTC).replace(microsecond=0)


def iso(instant: datetime) -> str:
    return instant.isoformat()


def client(cli: Cli, *options: str, name: str = "Camille Durand") -> str:
    return str(cli("client", "add", name, *options).out.strip())


def findings(cli: Cli, session: str, rule: str) -> list[dict[str, Any]]:
    report = cli("check", session, "--json", check=False).json
    return [f for f in report["findings"] if f["rule"] == rule]


def run_session(cli: Cli, who: str, policy: str, start: str, *, new: tuple[str, ...] = (),
                before: tuple[tuple[str, ...], ...] = (), minutes: int = 30) -> str:
    """Plan, consent 5 min before `start` (local ISO), start, stop `minutes` later."""
    session = cli("session", "new", who, "--policy", policy, *new).out.strip()
    begin = datetime.fromisoformat(start)
    cli("consent", session, "--channel", "tool-code", "--by", "Camille Durand", "--at",
        iso(begin - timedelta(minutes=5)), "--yes")
    for step in before:
        cli("record", session, *step, "--at", iso(begin - timedelta(minutes=2)), "--yes")
    cli("start", session, "--at", start, "--yes")
    cli("stop", session, "--at", iso(begin + timedelta(minutes=minutes)), "--yes")
    return session


# --- 1. the withdrawal period counted in days (C. consom. L221-18, reg. 1182/71 art. 3) ---

def _withdrawal(cli: Cli, ordered: str, start: str) -> list[dict[str, Any]]:
    who = client(cli)
    session = run_session(cli, who, "md-micro-services", start,
                          new=("--ordered-at", ordered, "--client-os", "windows"))
    return findings(cli, session, "withdrawal-waiver")


def test_day_14_at_23_59_is_still_within_the_period(cli: Cli) -> None:
    found = _withdrawal(cli, "2025-06-02T10:00", "2025-06-16T23:59")  # Monday + 14 days
    assert [(f["severity"], f["article"]) for f in found] == [("error", "10")]
    assert "16 juin 2025" in found[0]["message"] and "L221-18" in found[0]["message"]


def test_day_15_at_midnight_is_past_the_period(cli: Cli) -> None:
    assert _withdrawal(cli, "2025-06-02T10:00", "2025-06-17T00:00") == []


def test_a_period_ending_on_a_saturday_runs_to_the_monday(cli: Cli) -> None:
    # ordered Saturday 3 May 2025: day 14 is Saturday 17 May, extended to Monday 19 May
    sunday = _withdrawal(cli, "2025-05-03T09:00", "2025-05-18T10:00")
    monday = _withdrawal(cli, "2025-05-03T09:00", "2025-05-19T23:59")
    assert [f["article"] for f in sunday + monday] == ["10", "10"]
    assert "19 mai 2025" in monday[0]["message"]
    assert _withdrawal(cli, "2025-05-03T09:00", "2025-05-20T00:00") == []


def test_a_period_ending_on_easter_monday_runs_to_the_tuesday(cli: Cli) -> None:
    # ordered Monday 7 April 2025: day 14 is Easter Monday 21 April, a public holiday
    easter_monday = _withdrawal(cli, "2025-04-07T11:00", "2025-04-21T15:00")
    tuesday = _withdrawal(cli, "2025-04-07T11:00", "2025-04-22T23:59")
    assert [f["article"] for f in easter_monday + tuesday] == ["10", "10"]
    assert "22 avril 2025" in tuesday[0]["message"]
    assert _withdrawal(cli, "2025-04-07T11:00", "2025-04-23T00:00") == []


def test_a_waiver_before_the_start_keeps_the_rule(cli: Cli) -> None:
    who = client(cli)
    session = run_session(cli, who, "md-micro-services", "2025-06-16T23:59",
                          new=("--ordered-at", "2025-06-02T10:00", "--client-os", "windows"),
                          before=(("withdrawal-waiver", "--medium", "email"),))
    assert findings(cli, session, "withdrawal-waiver") == []


# --- 2. MRI87 8, 11: the contract of a prepaid session is the package's purchase --------

def test_a_session_paid_by_an_old_package_needs_no_withdrawal_request(cli: Cli) -> None:
    old, new = client(cli, name="Paul Martin"), client(cli, name="Lina Roux")
    cli("credit", "add", old, "--hours", "3", "--at", iso(NOW - timedelta(days=20)), "--yes")
    cli("credit", "add", new, "--hours", "3")
    sessions = {}
    for who in (old, new):
        sessions[who] = session = cli("session", "new", who, "--policy", "mri87").out.strip()
        cli("consent", session, "--channel", "oral", "--by", "Client")
        cli("record", session, "backup", "--offered", "--declined")
        cli("start", session)
        cli("stop", session)
    assert findings(cli, sessions[old], "withdrawal-waiver") == []
    found = findings(cli, sessions[new], "withdrawal-waiver")
    assert [(f["severity"], f["article"]) for f in found] == [("error", "8, 11")]
    assert "forfait" in found[0]["message"]


# --- 3. Micro-Alpes 13, FGDMI II.3: a receipt with every intervention, from the first ----

@pytest.mark.parametrize(("policy", "severity", "article"), [
    ("micro-alpes", "error", "13"), ("fgdmi", "error", "II.3"),
    ("vlh", "warning", "5.3")])  # VLH 5.3 is a warning under its own policy
def test_a_missing_receipt_from_the_first_session(cli: Cli, policy: str, severity: str,
                                                 article: str) -> None:
    who = client(cli)
    session = run_session(cli, who, policy, iso(NOW - timedelta(hours=2)), new=(
        "--ordered-at", iso(NOW - timedelta(days=30))))
    found = findings(cli, session, "receipt-issued")
    assert [(f["severity"], f["article"]) for f in found] == [(severity, article)]


# --- 4. MD 15: no screenshot, recording or session log, even at the client's request -----

def test_md_never_takes_a_screenshot_even_when_asked(cli: Cli) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", "md-micro-services", "--client-os",
                  "windows", "--ordered-at", iso(NOW - timedelta(days=30))).out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Camille Durand")
    cli("start", session)
    cli("record", session, "artifact", "--kind", "file-copy", "--client-request",
        "copie de facture.ods demandée par écrit")
    assert findings(cli, session, "artifact-requires-client-request") == []  # allowed
    for kind in ("screenshot", "session-log"):
        cli("record", session, "artifact", "--kind", kind, "--client-request",
            "le client l'a demandé")
    found = findings(cli, session, "artifact-requires-client-request")
    assert [(f["severity"], f["article"]) for f in found] == [("error", "15")]
    assert "même à la demande du client" in found[0]["message"]
    assert len(found[0]["events"]) == 2


# --- 5. Micro-Alpes 3, 10.2: the rates include travel, billed only on a no-show ----------

def test_micro_alpes_bills_travel_only_with_a_no_show(cli: Cli) -> None:
    who = client(cli)
    ordinary = run_session(cli, who, "micro-alpes", iso(NOW - timedelta(hours=3)),
                           new=("--mode", "onsite", "--ordered-at",
                                iso(NOW - timedelta(days=30))))
    cli("record", ordinary, "fee", "--kind", "travel", "--amount", "20")
    bill = cli.json("bill", ordinary)
    assert [line["kind"] for line in bill["lines"]] == ["time"]
    assert bill["total"] == "30.00"  # half an hour at 60 €/h, no travel
    assert any("art. 3, 10.2" in w and "non facturé" in w for w in bill["warnings"])

    absent = cli("session", "new", who, "--policy", "micro-alpes", "--mode", "onsite").out
    absent = absent.strip()
    cli("record", absent, "fee", "--kind", "no-show")
    cli("record", absent, "fee", "--kind", "travel", "--amount", "20")
    bill = cli.json("bill", absent)
    assert [(line["name"], line["amount"], line["article"]) for line in bill["lines"]] == [
        ("no-show", "60.00", "3, 10.2"), ("travel", "20.00", "3, 10.2")]


# --- 6. citations: the session's own terms, or the law; never "art. Code pénal" ----------

def test_findings_cite_the_law_as_it_names_itself(cli: Cli) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", "fgdmi").out.strip()
    cli("start", session, "--without-consent", "--reason", "client injoignable")
    cli("stop", session)
    text = cli("check", session, check=False).out
    assert "(Code pénal, art. 323-1)" in text
    assert "art. Code" not in text and "art. C. consom" not in text
    assert "(C. consom., art. L221-18 et L221-25)" in text  # withdrawal, FGDMI being silent


@pytest.mark.parametrize(("policy", "document"), [
    ("md-micro-services", "Conditions Générales de Services (CGS) — MD Micro Services"),
    ("mri87", "Conditions générales de vente — A distance — EI Micro Réseau Informatique 87"),
    ("micro-alpes", "Conditions générales de vente — Micro-Alpes (Landry, 73)"),
    ("fgdmi", "Conditions Générales d'Intervention (CGI) — FGDMI.fr"),
    ("vlh", "Conditions Générales d'Intervention (CGI) — Particuliers — VLH Dépannage")])
def test_a_check_names_the_document_its_articles_are_of(cli: Cli, policy: str,
                                                        document: str) -> None:
    """"art. 10" of which terms? The check names the document the policy encodes, in its
    text and its JSON, whether the session kept it or not."""
    who = client(cli)
    session = cli("session", "new", who, "--policy", policy, "--client-os", "windows").out.strip()
    cli("consent", session, "--channel", "tool-code", "--by", "Camille Durand")
    cli("start", session)
    cli("stop", session)
    text = cli("check", session, check=False).out
    [line] = [s for s in text.splitlines() if s.startswith("  Conditions")]
    assert document in line
    assert document in cli("check", session, "--json", check=False).json["document"]


@pytest.mark.parametrize(("policy", "cited"), [
    ("vlh", "VLH Dépannage Informatique (Sévignac, 22), art. 4.2"),
    ("micro-alpes", "Micro-Alpes (Landry, 73), art. 13"),
    ("fgdmi", "RGPD art. 5(1)(c)")])  # FGDMI says nothing of secrets: the law
def test_a_refused_secret_cites_the_sessions_own_terms(cli: Cli, policy: str,
                                                        cited: str) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", policy).out.strip()
    refused = cli("note", session, "mot de passe du wifi : Zx81-Kq27", check=False)
    assert refused.code == 2
    assert cited in refused.err
    assert "MD Micro Services" not in refused.err and "Zx81-Kq27" not in refused.err


# --- 7. names typed with --by are scanned; no start before the order ---------------------

def test_a_password_typed_as_a_name_is_refused(cli: Cli) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", "vlh").out.strip()
    for command in (("consent", session, "--channel", "oral", "--by"),
                    ("record", session, "quote-accepted", "--how", "electronic", "--by")):
        refused = cli(*command, "Jean, mot de passe : Soleil2024", check=False)
        assert refused.code == 2, refused.err
        assert "Soleil2024" not in refused.out + refused.err
        assert "art. 4.2" in refused.err
    assert not [e for e in cli.events() if e["kind"] in ("consent-recorded", "quote-accepted")]


def test_a_start_declared_before_the_order_is_refused(cli: Cli) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", "md-micro-services", "--ordered-at",
                  "2025-06-02T10:00").out.strip()
    cli("consent", session, "--channel", "oral", "--by", "Camille", "--at",
        "2025-05-30T09:00", "--yes")
    refused = cli("start", session, "--at", "2025-06-01T09:00", "--yes", check=False)
    assert refused.code == 2
    assert "commandée" in refused.err and "--at" in refused.err
    assert not [e for e in cli.events() if e["kind"] == "session-started"]
    # nor can a correction move it there: an amendment is refused as `start --at` is
    started = cli.json("start", session, "--at", "2025-06-02T11:00", "--yes")["event"]
    cli("stop", session, "--at", "2025-06-02T11:30", "--yes")
    amended = cli("amend", session, str(started), "--at", "2025-06-01T09:00", "--yes",
                  "--reason", "heure de début mal saisie", check=False)
    assert amended.code == 2 and "commandée" in amended.err
    assert not [e for e in cli.events() if e["kind"] == "instant-amended"]


def test_a_session_planned_after_its_declared_start_is_no_order_after_the_start(
        cli: Cli) -> None:
    """Planned after the fact (no --ordered-at), started with --at earlier: the order came
    at the latest with the start, within the withdrawal period."""
    who = client(cli)
    session = cli("session", "new", who, "--policy", "md-micro-services").out.strip()
    begin = NOW - timedelta(minutes=20)
    cli("consent", session, "--channel", "oral", "--by", "Camille", "--at",
        iso(begin - timedelta(minutes=1)))
    cli("start", session, "--at", iso(begin))
    cli("stop", session)
    found = findings(cli, session, "withdrawal-waiver")
    assert len(found) == 1 and "avant la commande" not in found[0]["message"]
    assert "a commandé le" in found[0]["message"]


# --- not encoded before: withdrawal under silent terms (VLH, FGDMI) -----------------------

@pytest.mark.parametrize("policy", ["vlh", "fgdmi"])
def test_the_law_asks_for_the_withdrawal_request_when_the_terms_are_silent(
        cli: Cli, policy: str) -> None:
    consumer, business = client(cli), client(cli, "--business", name="SARL Atelier")
    ordered = ("--ordered-at", iso(NOW - timedelta(days=2)))
    start = iso(NOW - timedelta(hours=2))
    found = findings(cli, run_session(cli, consumer, policy, start, new=ordered),
                     "withdrawal-waiver")
    assert [(f["severity"], f["article"]) for f in found] == [
        ("warning", "C. consom., art. L221-18 et L221-25")]
    assert findings(cli, run_session(cli, business, policy, start, new=ordered),
                    "withdrawal-waiver") == []
    # Neither VLH (2) nor FGDMI (II.2) offers the workshop: planned with a quoted rate.
    workshop = run_session(cli, consumer, policy, start,
                           new=(*ordered, "--mode", "workshop", "--rate", "50"))
    assert findings(cli, workshop, "withdrawal-waiver") == []  # on premises


# --- warranty re-interventions ----------------------------------------------------------

def _warranty(cli: Cli, policy: str, earlier_start: datetime, *options: str,
              mode: str = "remote", who: str | None = None) -> dict[str, Any]:
    who = who or client(cli)
    earlier = run_session(cli, who, policy, iso(earlier_start),
                          new=("--mode", mode, "--ordered-at",
                               iso(earlier_start - timedelta(days=30))))
    again = cli("session", "new", who, "--policy", policy, "--mode", mode, "--warranty-of",
                earlier, *options).out.strip()
    begin = NOW - timedelta(hours=1)
    cli("consent", again, "--channel", "tool-code", "--by", "Camille", "--at",
        iso(begin - timedelta(minutes=1)))
    cli("record", again, "withdrawal-waiver", "--medium", "email", "--at",
        iso(begin - timedelta(minutes=1)))
    cli("start", again, "--at", iso(begin))
    cli("stop", again, "--at", iso(begin + timedelta(minutes=40)))
    bill: dict[str, Any] = cli.json("bill", again)
    return bill


def test_micro_alpes_redoes_the_same_failure_within_ten_days_free(cli: Cli) -> None:
    bill = _warranty(cli, "micro-alpes", NOW - timedelta(days=6), mode="onsite")
    assert bill["total"] == "0.00"
    warranty = [line for line in bill["lines"] if line["kind"] == "warranty"]
    assert [line["article"] for line in warranty] == ["10"]
    assert "art. 10" in bill["explanation"] and "sous garantie" in bill["explanation"]


def test_micro_alpes_warranty_ends_after_ten_days(cli: Cli) -> None:
    bill = _warranty(cli, "micro-alpes", NOW - timedelta(days=15), mode="onsite")
    assert bill["total"] == "60.00"  # 40 min: two half hours at 60 €/h
    assert not [line for line in bill["lines"] if line["kind"] == "warranty"]
    assert "au-delà de la garantie de 10\u00a0jours (art. 10)" in bill["explanation"]


def test_a_warranty_re_intervention_the_client_caused_is_billed(cli: Cli) -> None:
    bill = _warranty(cli, "micro-alpes", NOW - timedelta(days=3), "--warranty-cause",
                     "client", mode="onsite")
    assert bill["total"] == "60.00"
    assert "hors garantie (art. 10)" in bill["explanation"]


def test_vlh_repairs_are_covered_for_two_months(cli: Cli) -> None:
    within = _warranty(cli, "vlh", NOW - timedelta(days=50))
    assert within["total"] == "0.00"
    assert [line["article"] for line in within["lines"] if line["kind"] == "warranty"] == [
        "6.3"]
    beyond = _warranty(cli, "vlh", NOW - timedelta(days=70))
    assert beyond["total"] == "50.00"  # the first hour; no new-client discount: not his first
    assert "2\u00a0mois (art. 6.3)" in beyond["explanation"]


def test_fgdmi_corrects_a_bad_resolution_free_whenever_it_comes_back(cli: Cli) -> None:
    bill = _warranty(cli, "fgdmi", NOW - timedelta(days=400), mode="onsite")
    assert bill["total"] == "0.00"
    assert [line["article"] for line in bill["lines"] if line["kind"] == "warranty"] == [
        "III.3"]


def test_md_promises_a_solution_not_a_free_one(cli: Cli) -> None:
    bill = _warranty(cli, "md-micro-services", NOW - timedelta(days=5), "--client-os",
                     "windows")
    assert bill["total"] == "37.50"  # 40 min: three tranches of 15 min at 50 €/h
    assert "art. 11" in bill["explanation"] and "pas une solution gratuite" in \
        bill["explanation"]


def test_mri87_charges_a_flat_half_hour_of_credit_when_the_client_caused_it(cli: Cli) -> None:
    who = client(cli)
    cli("credit", "add", who, "--hours", "5", "--at", iso(NOW - timedelta(days=40)), "--yes")
    caused = _warranty(cli, "mri87", NOW - timedelta(hours=10), "--warranty-cause", "client",
                       who=who)
    assert caused["billed_seconds"] == 1800 and caused["credit"]["covered_seconds"] == 1800
    assert caused["total"] == "0.00"  # paid from the credit
    assert "30 min" in caused["explanation"] and "art. 16.2" in caused["explanation"]
    hidden_defect = _warranty(cli, "mri87", NOW - timedelta(hours=10), who=who)
    assert hidden_defect["credit"] is None or hidden_defect["credit"]["covered_seconds"] == 0
    assert "art. 16.2" in hidden_defect["explanation"]
    statement = cli.json("credit", "show", who, "--policy", "mri87")
    # the two first sessions draw one hour each (40 min worked), the re-intervention the
    # client caused its flat 30 min, the hidden defect nothing
    assert sorted(u["covered_seconds"] for u in statement["sessions"]) == [0, 1800, 3600, 3600]


def test_mri87_a_claim_after_24_hours_is_no_warranty_case_even_when_the_client_caused_it(
        cli: Cli) -> None:
    """MRI87 16.2: the flat 30 min is the price of "une nouvelle assistance à distance pour
    l'application de la garantie"; a claim made after "un délai maximum de 24h" forfeits the
    warranty ("sous peine de déchéance"): the return is an ordinary intervention, billed by
    the started hour (7.1)."""
    who = client(cli)
    cli("credit", "add", who, "--hours", "5", "--at", iso(NOW - timedelta(days=40)), "--yes")
    late = _warranty(cli, "mri87", NOW - timedelta(days=2), "--warranty-cause", "client",
                     who=who)
    assert late["billed_seconds"] == 3600 and late["credit"]["covered_seconds"] == 3600
    assert "forfait" not in late["explanation"]
    assert "au-delà de la garantie de 24\u00a0heures (art. 16.2)" in late["explanation"]


def test_a_cancelled_session_is_never_an_earlier_intervention(cli: Cli) -> None:
    who = client(cli)
    planned = cli("session", "new", who, "--policy", "vlh").out.strip()
    cli("cancel", planned, "--reason", "planifiée par erreur")
    refused = cli("session", "new", who, "--policy", "vlh", "--warranty-of", planned,
                  check=False)
    assert refused.code == 2 and "annulée" in refused.err


# --- VLH 5.5: referral and clients known before sessiond -----------------------------------

def _paid_session(cli: Cli, who: str, start: datetime) -> str:
    session = run_session(cli, who, "vlh", iso(start), new=(
        "--ordered-at", iso(start - timedelta(days=30))))
    cli("record", session, "payment", "--amount", "35", "--method", "cash")
    return session


def test_a_referral_takes_ten_percent_off_the_next_intervention(cli: Cli) -> None:
    sponsor, referred = client(cli, name="Marc Parrain"), client(cli, name="Zoé Filleule")
    _paid_session(cli, sponsor, NOW - timedelta(days=20))
    refused = cli("client", "referral", sponsor, "--referred", referred, check=False)
    assert refused.code == 2  # not a confirmed new client yet: no paid intervention
    _paid_session(cli, referred, NOW - timedelta(days=10))
    # mentioned at the start of his next intervention (VLH 5.5: "lors de sa prochaine")
    cli("client", "referral", sponsor, "--referred", referred, "--at",
        iso(NOW - timedelta(hours=5, minutes=10)))
    next_one = _paid_session(cli, sponsor, NOW - timedelta(hours=5))
    after = _paid_session(cli, sponsor, NOW - timedelta(hours=2))
    lines = cli.json("bill", next_one)["lines"]
    assert [(line["name"], line["amount"], line["article"]) for line in lines] == [
        (None, "50.00", "3.3"), ("referral", "-5.00", "5.5")]
    assert "referral" not in {line["name"] for line in cli.json("bill", after)["lines"]}


def test_a_referral_waits_for_the_referred_client_to_pay_in_full(cli: Cli) -> None:
    """VLH 5.5: "filleul confirmé [...] a réglé en totalité l'intervention": his first
    intervention costs 35.00 (1 h, new client -30 %); 20.00 on account does not confirm him."""
    sponsor, referred = client(cli, name="Marc Parrain"), client(cli, name="Zoé Filleule")
    session = run_session(cli, referred, "vlh", iso(NOW - timedelta(days=10)), new=(
        "--ordered-at", iso(NOW - timedelta(days=40))))
    cli("record", session, "payment", "--amount", "20", "--method", "cash")
    refused = cli("client", "referral", sponsor, "--referred", referred, check=False)
    assert refused.code == 2 and "totalité" in refused.err and "15,00" in refused.err
    cli("record", session, "payment", "--amount", "15", "--method", "cash")
    cli("client", "referral", sponsor, "--referred", referred)


def test_a_client_known_before_sessiond_is_no_new_client(cli: Cli) -> None:
    old, new = client(cli, "--known-since", "2019-05-01"), client(cli, name="Nina Nouvelle")
    start = iso(NOW - timedelta(hours=3))
    ordered = ("--ordered-at", iso(NOW - timedelta(days=30)))
    old_bill = cli.json("bill", run_session(cli, old, "vlh", start, new=ordered))
    new_bill = cli.json("bill", run_session(cli, new, "vlh", start, new=ordered))
    assert old_bill["total"] == "50.00"
    assert "1er mai 2019" in old_bill["explanation"] and "art. 5.5" in old_bill["explanation"]
    assert new_bill["total"] == "35.00"  # 30 % off his first intervention
    future = cli("client", "add", "X", "--known-since", iso(NOW + timedelta(days=3))[:10],
                 check=False)
    assert future.code == 2


# --- fee conditions: VLH 5.6, MRI87 15 (the notice), MD 9 (announced) --------------------

def test_vlh_late_cancellation_needs_less_than_24_hours_notice(cli: Cli) -> None:
    who = client(cli)
    soon = cli("session", "new", who, "--policy", "vlh", "--appointment",
               iso(NOW + timedelta(hours=3))).out.strip()
    cli("record", soon, "fee", "--kind", "late-cancellation")
    bill = cli.json("bill", soon)
    assert [(line["name"], line["amount"], line["article"]) for line in bill["lines"]] == [
        ("late-cancellation", "25.00", "5.6")]  # 50 % of the planned first hour
    early = cli("session", "new", who, "--policy", "vlh", "--appointment",
                iso(NOW + timedelta(hours=48))).out.strip()
    cli("record", early, "fee", "--kind", "late-cancellation")
    bill = cli.json("bill", early)
    assert bill["total"] == "0.00"
    assert any("art. 5.6" in w and "non facturé" in w for w in bill["warnings"])
    unknown = cli("session", "new", who, "--policy", "vlh").out.strip()
    cli("record", unknown, "fee", "--kind", "late-cancellation")
    assert any("--appointment" in w for w in cli.json("bill", unknown)["warnings"])


def test_mri87_absence_warned_a_day_ahead_costs_nothing(cli: Cli) -> None:
    who = client(cli)
    late = cli("session", "new", who, "--policy", "mri87", "--appointment",
               iso(NOW + timedelta(hours=2))).out.strip()
    cli("record", late, "fee", "--kind", "late-cancellation", "--amount", "20")
    assert cli.json("bill", late)["total"] == "20.00"
    warned = cli("session", "new", who, "--policy", "mri87", "--appointment",
                 iso(NOW + timedelta(hours=30))).out.strip()
    cli("record", warned, "fee", "--kind", "late-cancellation", "--amount", "20")
    bill = cli.json("bill", warned)
    assert bill["total"] == "0.00" and any("art. 15" in w for w in bill["warnings"])


def test_md_no_show_fee_only_if_announced_beforehand(cli: Cli) -> None:
    who = client(cli)
    silent = cli("session", "new", who, "--policy", "md-micro-services").out.strip()
    cli("record", silent, "fee", "--kind", "no-show", "--amount", "30")
    bill = cli.json("bill", silent)
    assert bill["total"] == "0.00"
    assert any("art. 9" in w and "fee-announced" in w for w in bill["warnings"])
    told = cli("session", "new", who, "--policy", "md-micro-services").out.strip()
    cli("record", told, "fee-announced", "--kind", "no-show", "--channel", "sms", "--at",
        iso(NOW - timedelta(hours=30)), "--yes")
    cli("record", told, "fee", "--kind", "no-show", "--amount", "30")
    assert [(line["name"], line["amount"], line["article"])
            for line in cli.json("bill", told)["lines"]] == [("no-show", "30.00", "9")]


# --- retention and rights (MRI87 17.5, VLH 8.4) ----------------------------------------

def test_client_export_holds_everything_decrypted(cli: Cli, tmp_path: Path) -> None:
    who = client(cli, "--email", "camille@exemple.fr", name="Camille Exportée")
    session = cli("session", "new", who, "--policy", "vlh", "--problem",
                  "Imprimante muette").out.strip()
    cli("note", session, "Pilote réinstallé")
    printed = json.loads(cli("client", "export", who).out)
    assert printed["client"]["name"] == "Camille Exportée"
    assert printed["client"]["email"] == "camille@exemple.fr"
    assert printed["retention"]["article"] == "8.2"
    texts = [e["personal"] for e in printed["events"] if e["personal"]]
    assert {"text": "Pilote réinstallé"} in texts
    assert any(p.get("problems") == ["Imprimante muette"] for p in texts)
    written = cli.json("client", "export", who, "--out", str(tmp_path) + "/")
    path = Path(written["path"])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text("utf-8"))["client"]["id"] == who
    exported = [e for e in cli.events() if e["kind"] == "client-exported"]
    assert len(exported) == 2 and exported[-1]["body"]["events"] >= 4


def test_the_daemon_asks_before_erasing_data_past_its_retention(cli: Cli) -> None:
    from sessiond.sessions import Sessiond

    # A prospect from 2015 who never had an intervention: 3 years after his last contact
    # under the law (MD's terms are silent), long past.
    svc = Sessiond()
    old = svc.add_client("Ancien Prospect", at=datetime(2015, 3, 2, 9, 0, tzinfo=UTC))
    svc.close()
    recent = client(cli, name="Client Récent")
    cli("daemon", "catch-up")
    cli("daemon", "catch-up")  # asked once, not at every run
    asked = [n for n in cli.json("daemon", "questions")["notifications"]
             if n["kind"] == "retention"]
    assert [n["data"]["client"] for n in asked] == [old]
    assert "RGPD art. 5(1)(e)" in asked[0]["message"]
    assert "Ancien Prospect" not in json.dumps(asked)  # metadata only
    names = {c["client"]: c["name"] for c in cli.json("client", "list")}
    assert names[old] == "Ancien Prospect"  # the daemon asked, it did not erase
    wrong = cli("daemon", "answer", str(asked[0]["id"]), "worked", check=False)
    assert wrong.code == 2 and "erase" in wrong.err
    cli("daemon", "answer", str(asked[0]["id"]), "erase")
    names = {c["client"]: c["name"] for c in cli.json("client", "list")}
    assert names[old] is None and names[recent] == "Client Récent"
    assert cli("verify").code == 0


# --- policy show: every new parameter with its citation --------------------------------

@pytest.mark.parametrize(("policy", "expected"), [
    ("mri87", ["package_is_contract=true", "art. 8, 11", "(art. 16.2)", "(art. 17.5)",
               "(art. 15)"]),
    ("micro-alpes", ["from_first_session=true", "(art. 3, 10.2)", "(art. 10)"]),
    ("fgdmi", ["from_first_session=true", "(art. III.3)",
               "withdrawal-waiver [avertissement] C. consom., art. L221-18 et L221-25"]),
    ("vlh", ["% (art. 5.5), valable 12\u00a0mois", "(art. 6.3)", "(art. 8.2)",
             "(art. 5.6)"]),
    ("md-micro-services", ["never=screenshot/recording/session-log", "(art. 11)",
                           "(art. 9)", "RGPD art. 5(1)(e)"]),
])
def test_policy_show_lists_each_new_parameter_with_its_article(cli: Cli, policy: str,
                                                               expected: list[str]) -> None:
    text = cli("policy", "show", policy).out
    for piece in expected:
        assert piece in text, (piece, text)


def test_the_real_command_runs_the_new_options(real_cli: Cli, tmp_path: Path) -> None:
    """One smoke test in a subprocess: client add --known-since, session new --warranty-of
    and --appointment, record fee-announced, client referral and client export."""
    who = real_cli("client", "add", "Rémi Réel", "--known-since", "2020-01-15").out.strip()
    first = real_cli("session", "new", who, "--policy", "vlh", "--appointment",
                     iso(NOW + timedelta(days=1))).out.strip()
    real_cli("record", first, "fee-announced", "--kind", "late-cancellation")
    real_cli("consent", first, "--channel", "oral", "--by", "Rémi Réel")
    real_cli("start", first)
    real_cli("record", first, "payment", "--amount", "50", "--method", "cash")
    real_cli("stop", first)
    real_cli("session", "new", who, "--policy", "vlh", "--warranty-of", first)
    sponsor = real_cli("client", "add", "Sam Parrain").out.strip()
    real_cli("client", "referral", sponsor, "--referred", who)
    out = real_cli("client", "export", who, "--out", str(tmp_path / "data.json")).out
    assert "data.json" in out
    assert os.path.exists(tmp_path / "data.json")


# --- who the client is, after a duplicate was merged -------------------------------------


def test_a_merged_duplicates_session_is_checked_as_the_kept_clients(cli: Cli) -> None:
    """VLH 1, 2 (private clients only), C. consom. L221-18 (a consumer's withdrawal): the
    session of a duplicate merged into another client is that client's, as on its invoice;
    what the kept record says of him (a business here) is what the check reads."""
    kept = client(cli, "--business", name="Durand Informatique SARL")
    duplicate = client(cli, name="Durand Informatique")
    start = iso(datetime(2025, 3, 12, 10, 0, tzinfo=UTC))
    session = run_session(cli, duplicate, "vlh", start,
                          new=("--ordered-at", iso(datetime(2025, 3, 11, 9, 0, tzinfo=UTC))),
                          before=(("quote-accepted", "--by", "M. Durand", "--how",
                                   "electronic"), ("backup", "--offered", "--declined")))
    assert findings(cli, session, "client-category") == []
    assert [f["article"] for f in findings(cli, session, "withdrawal-waiver")] == [
        "C. consom., art. L221-18 et L221-25"]
    cli("client", "merge", duplicate, "--into", kept, "--reason", "added twice")
    assert [(f["severity"], f["article"]) for f in findings(cli, session, "client-category")
            ] == [("error", "1, 2")]
    assert findings(cli, session, "withdrawal-waiver") == []  # a business has no such right


@pytest.mark.parametrize(("policy", "days_before", "cause", "free"), [
    ("vlh", 50, "intervention", True),  # 6.3: two months
    ("vlh", 70, "intervention", False),  # past them: a new, billed intervention
    ("micro-alpes", 6, "client", False),  # 10: the client caused it, billed
    ("fgdmi", 400, "intervention", True),  # III.3: no time limit
])
def test_a_free_warranty_re_intervention_is_no_new_contract(
        cli: Cli, policy: str, days_before: int, cause: str, free: bool) -> None:
    """A re-intervention the warranty makes free carries out the earlier contract: no new
    quote to sign (VLH 3.2) and no new withdrawal period to wait for or waive (C. consom.
    L221-18, 14 days; Micro-Alpes 2); a billed one is a new intervention like any other."""
    who = client(cli)
    earlier_start = NOW - timedelta(days=days_before)
    earlier = run_session(cli, who, policy, iso(earlier_start),
                          new=("--ordered-at", iso(earlier_start - timedelta(days=30))),
                          before=(("quote-accepted", "--by", "Camille", "--how", "electronic"),
                                  ("backup", "--offered", "--declined")))
    again = cli("session", "new", who, "--policy", policy, "--warranty-of", earlier,
                "--warranty-cause", cause).out.strip()
    begin = NOW - timedelta(hours=1)
    cli("consent", again, "--channel", "tool-code", "--by", "Camille", "--at",
        iso(begin - timedelta(minutes=2)))
    cli("record", again, "backup", "--offered", "--declined", "--at",
        iso(begin - timedelta(minutes=1)))
    cli("start", again, "--at", iso(begin))
    cli("stop", again, "--at", iso(begin + timedelta(minutes=40)))
    assert (cli.json("bill", again)["total"] == "0.00") is free
    rules = {f["rule"] for f in cli("check", again, "--json", check=False).json["findings"]}
    assert ("withdrawal-waiver" in rules) is not free
    if policy == "vlh":
        assert ("quote-accepted-before-start" in rules) is not free


# --- the modes the terms offer ------------------------------------------------------------

@pytest.mark.parametrize(("policy", "mode", "offered", "article"), [
    ("mri87", "onsite", "à distance", "art. 2"),  # remote only
    ("mri87", "workshop", "à distance", "art. 2"),
    ("vlh", "workshop", "à distance, sur site", "art. 2"),  # at home or remote
    ("micro-alpes", "workshop", "à distance, sur site", "art. 5, 7"),
    ("fgdmi", "workshop", "à distance, sur site", "art. II.2"),
])
def test_a_mode_the_terms_do_not_offer_is_refused_at_planning(
        cli: Cli, policy: str, mode: str, offered: str, article: str) -> None:
    """`session new C --policy mri87 --mode onsite` was planned without a word; only `bill`
    refused it later for lack of a rate. It is refused (nothing written), naming the modes
    the terms offer and the ways out; with the rate quoted to the client it is planned,
    and the check reports it under the article that says what the terms cover."""
    who = client(cli)
    before = cli("log", "--json").json
    refused = cli("session", "new", who, "--policy", policy, "--mode", mode, check=False)
    assert refused.code == 2, refused.err
    assert f"modes prévus\u202f: {offered}, {article}" in refused.err
    assert "--rate" in refused.err and "--policy" in refused.err
    assert cli("log", "--json").json == before
    session = run_session(cli, who, policy, iso(NOW - timedelta(hours=1)),
                          new=("--mode", mode, "--rate", "45"))
    [found] = findings(cli, session, "mode-offered")
    assert found["article"] == article.removeprefix("art. ")
    assert f"sont\u202f: {offered}." in found["message"]
    # A mode the terms offer is planned as before and draws no such finding.
    session = run_session(cli, who, policy, iso(NOW - timedelta(hours=1)))
    assert findings(cli, session, "mode-offered") == []


def test_md_offers_remote_home_and_workshop(cli: Cli) -> None:
    who = client(cli)
    for mode in ("remote", "onsite", "workshop"):
        session = run_session(cli, who, "md-micro-services", iso(NOW - timedelta(hours=1)),
                              new=("--mode", mode))
        assert findings(cli, session, "mode-offered") == []


# --- MRI87 13: the intervention within 72 h of the support ticket -------------------------

@pytest.mark.parametrize(("hours_before", "late"),
                         [(71, False), (72, False), (73, True), (None, False)])
def test_mri87_intervenes_within_72_hours_of_the_ticket(cli: Cli, hours_before: int | None,
                                                        late: bool) -> None:
    """MRI87 13: "exécutée sous 24 heures à 72 heures maximum à compter de la date
    d'ouverture du ticket". Checked when the session records the ticket (--ticket-at);
    the order (--ordered-at, the package bought months before) says nothing of it."""
    who = client(cli)
    begin = NOW - timedelta(hours=1)
    new: tuple[str, ...] = ("--ordered-at", iso(NOW - timedelta(days=40)))
    if hours_before is not None:
        new = (*new, "--ticket-at", iso(begin - timedelta(hours=hours_before)))
    session = run_session(cli, who, "mri87", iso(begin), new=new)
    found = findings(cli, session, "intervention-within-delay")
    if not late:
        assert found == []
        return
    [finding] = found
    assert (finding["severity"], finding["article"]) == ("warning", "13")
    message = finding["message"].replace("\u202f", " ").replace("\u00a0", " ")
    assert ", 73 h après l'ouverture du ticket de support (" in message, message
    assert message.endswith("les conditions la promettent sous 72 h.")


# --- fees: only those the terms provide for ----------------------------------------------

def _missed(cli: Cli, policy: str, fee: str, mode: str = "remote") -> dict[str, Any]:
    """A planned session whose appointment, two hours ago, the client missed."""
    who = client(cli)
    appointment = NOW - timedelta(hours=2)
    session = cli("session", "new", who, "--policy", policy, "--mode", mode,
                  "--appointment", iso(appointment)).out.strip()
    cli("record", session, "fee", "--kind", fee, "--at", iso(appointment + timedelta(minutes=30)))
    bill: dict[str, Any] = cli.json("bill", session)
    return bill


@pytest.mark.parametrize(("policy", "mode", "fee", "amount"), [
    ("mri87", "remote", "travel", "40"),  # remote only: the CGV price no travel at all
    ("fgdmi", "onsite", "no-show", "30"),  # the CGI name no fee for a missed appointment
    ("micro-alpes", "onsite", "late-cancellation", "30"),  # art. 3, 10.2: a no-show only
    ("vlh", "remote", "waiting", "15"),
])
def test_a_fee_the_terms_do_not_provide_for_is_not_billed(cli: Cli, policy: str, mode: str,
                                                          fee: str, amount: str) -> None:
    who = client(cli)
    session = cli("session", "new", who, "--policy", policy, "--mode", mode,
                  "--appointment", iso(NOW - timedelta(hours=2))).out.strip()
    cli("record", session, "fee", "--kind", fee, "--amount", amount)
    bill = cli.json("bill", session)
    assert bill["total"] == "0.00"
    assert not [line for line in bill["lines"] if line["kind"] == "fee"]
    assert any(f"politique {policy}" in w and "non facturés" in w for w in bill["warnings"])


def test_vlh_no_show_costs_half_the_planned_first_hour(cli: Cli) -> None:
    """VLH 5.6: less than 24 h of notice costs "50 % de la somme prévue pour la
    prestation"; a client absent without a word gave none (the first hour at 50 €/h)."""
    bill = _missed(cli, "vlh", "no-show")
    assert bill["total"] == "25.00"
    assert [(line["kind"], line["article"]) for line in bill["lines"]] == [("fee", "5.6")]
