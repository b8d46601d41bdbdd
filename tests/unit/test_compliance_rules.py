"""The compliance rules as pure functions of facts, where a real command cannot reach (a
clock that jumps, a receipt pending at the stop, an erased client), and the service's
`requirements` and stop hook."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from sessiond.compliance import PRECONDITIONS, RULES, Finding, Report
from sessiond.compliance.facts import Facts
from sessiond.compliance.rules import INFO
from sessiond.model import Client, Event, fold, validate
from sessiond.policy import RuleSpec, read_policy, shipped_dir
from sessiond.policy.schema import RULE_PARAMETERS

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")


@dataclass
class Log:
    """One session's events as the store would give them back."""

    events: list[Event] = field(default_factory=list)
    boot_ns: int = 10**12

    def add(self, kind: str, at: datetime, body: dict[str, Any] | None = None, *,
            recorded_at: datetime | None = None, boot_id: str = "boot-1",
            boottime_ns: int | None = None,
            personal: dict[str, Any] | None = None) -> Event:
        recorded = recorded_at or at
        if boottime_ns is None:
            boottime_ns = self.boot_ns + int((recorded - T0).total_seconds() * 1e9)
        event = Event(seq=len(self.events) + 1, id=f"e{len(self.events) + 1}", kind=kind,
                      session_id="s-1", client_id="c-1", at=at, recorded_at=recorded,
                      tz="Europe/Paris", boot_id=boot_id, boottime_ns=boottime_ns,
                      body=body or {}, personal={} if personal is None else personal,
                      prev_hash="0" * 64, hash="1" * 64)
        self.events.append(event)
        return event

    def planned(self, ordered: datetime | None = None, mode: str = "remote") -> Log:
        body: dict[str, Any] = {"policy": "vlh", "mode": mode, "tool": "anydesk",
                                "problem_count": 0}
        if ordered is not None:
            body["ordered_at"] = ordered.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.add("session-planned", T0, body)
        return self


def facts(log: Log, *, status: str = "consumer", at_stop: bool = False,
          receipts_in_log: bool = False) -> Facts:
    session = fold(log.events)
    assert session is not None
    start = next((e for e in log.events if e.kind == "session-started"), None)
    return Facts(session=session,
                 client=Client("c-1", status, "FR", T0, "Client"), client_seq=1,
                 policy=read_policy(shipped_dir() / "vlh.toml"), now=T0 + timedelta(hours=3),
                 tz=PARIS, start=session.started_at, start_seq=start.seq if start else None,
                 at_stop=at_stop, receipts_in_log=receipts_in_log)


def spec(rule_id: str, severity: str = "error", **params: Any) -> RuleSpec:
    return RuleSpec(rule_id, "9.9", "Texte de l'article.", severity,
                    params=MappingProxyType(params))


def run(rule_id: str, f: Facts, **params: Any) -> list[Finding]:
    return RULES[rule_id](f, spec(rule_id, **params))


def started(log: Log, at: datetime = T0 + timedelta(minutes=10)) -> Log:
    log.add("consent-recorded", at - timedelta(minutes=1), {"channel": "oral"})
    log.add("session-started", at, {"without_consent": False})
    return log


def stopped(log: Log, at: datetime = T0 + timedelta(minutes=40)) -> Log:
    log.add("session-stopped", at, {"ended_by": "technician"})
    return log


# --- the registry --------------------------------------------------------------------


def test_every_rule_a_policy_can_turn_on_has_its_function() -> None:
    assert set(RULES) == set(RULE_PARAMETERS)
    assert set(PRECONDITIONS) <= set(RULES)
    assert {i.id for i in INFO.values() if i.hint} <= set(PRECONDITIONS)


def test_a_report_is_a_valid_check_completed_body() -> None:
    long = Finding("clock-consistent", "warning", "3.3", "x" * 1000, (4, 5))
    report = Report("s-1", "vlh", "ab" * 32, (long, Finding("receipt-issued", "error",
                                                            "5.3", "y", (7,))))
    body = report.to_record()
    assert (body["errors"], body["warnings"]) == (1, 1)
    assert len(body["findings"][0]["message"]) == 400
    validate("check-completed", body, {})
    unread = Report("s-1", "vlh", None, ()).to_record()
    assert "policy_digest" not in unread
    validate("check-completed", unread, {})


# --- clocks --------------------------------------------------------------------------


def test_declared_instants_far_from_their_recording_are_reported() -> None:
    log = started(Log().planned())
    log.add("control-returned", T0 + timedelta(minutes=11),
            recorded_at=T0 + timedelta(minutes=30))  # 19 min late
    log.add("sensitive-docs-warned", T0 + timedelta(minutes=12),
            recorded_at=T0 + timedelta(minutes=15))  # 3 min: within the limit
    found = run("clock-consistent", facts(log), max_declared_gap_seconds=600)
    assert [f.events for f in found] == [(4,)]
    assert "19 min" in found[0].message


def test_a_clock_left_running_overnight_is_reported() -> None:
    """Started at 10:10 and stopped the next morning, no pause: 13 h billed as worked (MD 5
    'le temps effectivement passé'); a day with pauses between shorter spans is not."""
    from dataclasses import replace

    log = started(Log().planned())  # consent #2, start #3 at T0 + 10 min
    running = replace(facts(log), now=T0 + timedelta(hours=13))
    [found] = run("clock-consistent", running)
    assert found.events == (3,) and "sans pause" in found.message
    log.add("session-stopped", T0 + timedelta(hours=13, minutes=10), {"ended_by": "client"})
    [found] = run("clock-consistent", facts(log))
    assert found.events == (3, 4) and "13 h" in found.message
    assert "sessiond amend s-1 4 --at" in found.message
    short = started(Log().planned())
    for hour in (5, 10):  # 10:10-15:10, 15:40-20:10, 20:40-23:10: each span under 12 h
        short.add("session-paused", T0 + timedelta(hours=hour, minutes=10))
        short.add("session-resumed", T0 + timedelta(hours=hour, minutes=40))
    short.add("session-stopped", T0 + timedelta(hours=13, minutes=10), {"ended_by": "client"})
    assert run("clock-consistent", facts(short)) == []


def test_a_wall_clock_jump_within_one_boot_is_reported() -> None:
    log = started(Log().planned())
    before = log.events[-1]
    # Recorded an hour later by the wall clock, but only 20 s later by CLOCK_BOOTTIME.
    log.add("control-returned", T0 + timedelta(minutes=70),
            boottime_ns=before.boottime_ns + 20 * 10**9)
    found = run("clock-consistent", facts(log))
    assert len(found) == 1 and found[0].events == (3, 4)
    assert "+59 min 40 s" in found[0].message


def test_a_reboot_or_an_unknown_boot_is_no_jump() -> None:
    log = started(Log().planned())
    log.add("control-returned", T0 + timedelta(minutes=70), boot_id="boot-2",
            boottime_ns=5 * 10**9)  # rebooted: the boot clock restarted
    log.add("disconnect-confirmed", T0 + timedelta(minutes=90), boot_id="unknown",
            boottime_ns=0)
    log.add("control-returned", T0 + timedelta(minutes=95), boot_id="unknown",
            boottime_ns=0)
    assert run("clock-consistent", facts(log)) == []


# --- the end of a session ------------------------------------------------------------


def test_receipt_pending_at_the_stop_then_warning_then_error() -> None:
    log = stopped(started(Log().planned()))
    at_stop = run("receipt-issued", facts(log, at_stop=True))
    assert [(f.severity, f.events) for f in at_stop] == [("warning", (4,))]
    never = run("receipt-issued", facts(log))  # no receipt was ever issued in this log
    assert [f.severity for f in never] == ["warning"]
    missing = run("receipt-issued", facts(log, receipts_in_log=True))
    assert [f.severity for f in missing] == ["error"]
    log.add("receipt-issued", T0 + timedelta(minutes=41), {"checkpoint_seq": 4})
    assert run("receipt-issued", facts(log, receipts_in_log=True)) == []


def test_the_sessions_invoice_is_its_supporting_document() -> None:
    """VLH 5.3 "Une facture est systématiquement éditée à la fin de chaque intervention";
    Micro-Alpes 13 "un document justificatif": an invoice of the session is one, until a
    credit note cancels it."""
    from dataclasses import replace

    log = stopped(started(Log().planned()))
    invoice = Event(seq=90, id="e90", kind="invoice-issued", session_id=None,
                    client_id="c-1", at=T0 + timedelta(minutes=45),
                    recorded_at=T0 + timedelta(minutes=45), tz="Europe/Paris",
                    boot_id="boot-1", boottime_ns=0,
                    body={"number": "F-2026-0001", "sessions": ["s-1"]}, personal={},
                    prev_hash="0" * 64, hash="1" * 64)
    note = invoice._replace(seq=91, id="e91", kind="credit-note-issued",
                            body={"number": "A-2026-0002", "cites": "F-2026-0001",
                                  "cites_seq": 90, "sessions": ["s-1"]})
    for receipts_in_log in (False, True):
        f = facts(log, receipts_in_log=receipts_in_log)
        assert run("receipt-issued", replace(f, invoices=(invoice,))) == []
        cancelled = run("receipt-issued", replace(f, invoices=(invoice, note)))
        assert [x.rule for x in cancelled] == ["receipt-issued"]


def test_disconnect_pending_at_the_stop_and_only_after_the_start() -> None:
    log = Log().planned()
    log.add("disconnect-confirmed", T0 + timedelta(minutes=5))  # before the start: no
    stopped(started(log))
    assert [f.severity for f in run("disconnect-confirmed", facts(log, at_stop=True))] \
        == ["warning"]
    assert [f.severity for f in run("disconnect-confirmed", facts(log))] == ["error"]
    log.add("disconnect-confirmed", T0 + timedelta(minutes=41))
    assert run("disconnect-confirmed", facts(log)) == []


def test_a_disconnection_before_the_work_resumed_is_not_the_one_after_it() -> None:
    """Micro-Alpes 7, art. 1: "Après l'intervention, le technicien se déconnecte"."""
    log = started(Log().planned())  # started at T0 + 10 min
    log.add("disconnect-confirmed", T0 + timedelta(minutes=15))
    log.add("session-paused", T0 + timedelta(minutes=15))
    log.add("session-resumed", T0 + timedelta(minutes=25))
    stopped(log)  # T0 + 40 min, no disconnection after the work resumed
    [found] = run("disconnect-confirmed", facts(log))
    assert found.severity == "error" and found.events == (4, 7)  # it, and the stop
    assert "précède la reprise du travail" in found.message
    assert [f.severity for f in run("disconnect-confirmed", facts(log, at_stop=True))] \
        == ["warning"]  # at the stop: to do now
    log.add("disconnect-confirmed", T0 + timedelta(minutes=40))
    assert run("disconnect-confirmed", facts(log)) == []
    # Disconnected, then the clock ran on to the stop without a resume: after the work.
    log = started(Log().planned())
    log.add("disconnect-confirmed", T0 + timedelta(minutes=38))
    assert run("disconnect-confirmed", facts(stopped(log))) == []


@pytest.mark.parametrize(("client_os", "said"), [
    ("other", "Le système du client est un autre système\u202f;"),  # never the id "other"
    ("macos", "Le système du client est macOS\u202f;"), ("windows", None)])
def test_an_unsupported_system_is_named_in_words(client_os: str, said: str | None) -> None:
    """MD 2: "Windows uniquement ; Mac / Apple non pris en charge"."""
    log = Log().planned()
    log.events[0] = log.events[0]._replace(body={**log.events[0].body,
                                                 "client_os": client_os})
    found = run("remote-os-supported", facts(started(log)), os=["windows"])
    assert [f.message.split(" les conditions")[0] for f in found] == \
        ([said] if said else [])


# --- the start -----------------------------------------------------------------------


@pytest.mark.parametrize(("ordered_days_before", "status", "expected"), [
    (20, "consumer", 0), (13, "consumer", 1), (13, "business", 0), (None, "consumer", 1)])
def test_withdrawal_waiver_needed_within_the_period(ordered_days_before: int | None,
                                                    status: str, expected: int) -> None:
    start = T0 + timedelta(minutes=10)
    ordered = start - timedelta(days=ordered_days_before) if ordered_days_before else None
    log = started(Log().planned(ordered), start)
    found = run("withdrawal-waiver", facts(log, status=status), period_days=14)
    assert len(found) == expected
    if found:
        assert "L221-25" in found[0].message and found[0].events == (1, 3)


def test_a_waiver_recorded_after_the_start_is_late() -> None:
    log = started(Log().planned())
    log.add("withdrawal-waiver", T0 + timedelta(minutes=20), {"medium": "email"})
    [found] = run("withdrawal-waiver", facts(log))
    assert found.events == (3, 4)
    log.events[-1] = log.events[-1]._replace(at=T0 + timedelta(minutes=5))
    assert run("withdrawal-waiver", facts(log)) == []  # declared before the start: kept


def test_a_fact_one_second_late_says_so_to_the_second() -> None:
    """One second after the start is late (MD 6, VLH 3.2): within the same minute, the
    sentence shows the seconds, or it would read "10:00, after the start (10:00)"."""
    start = T0.replace(second=0) + timedelta(minutes=10)
    log = started(Log().planned(), at=start)
    log.add("payment-recorded", start + timedelta(seconds=1),
            {"amount": "50.00", "method": "card"})
    [found] = run("payment-before-start", facts(log))
    local = start.astimezone(PARIS)
    assert f"à {local:%H:%M}:01, après le début" in found.message
    assert f"({local:%-d} " in found.message and f"à {local:%H:%M}:00)" in found.message
    log.events[-1] = log.events[-1]._replace(at=start + timedelta(minutes=5))
    [found] = run("payment-before-start", facts(log))
    assert ":05" not in found.message and ":00)" not in found.message  # minutes suffice


@pytest.mark.parametrize(("rule_id", "kind", "body"), [
    ("consent-before-access", "consent-recorded", {"channel": "oral"}),
    ("payment-before-start", "payment-recorded", {"amount": "50.00", "method": "card"}),
    ("sensitive-docs-warning", "sensitive-docs-warned", {}),
])
def test_a_fact_of_the_starts_very_second_logged_after_it(rule_id: str, kind: str,
                                                          body: dict[str, Any]) -> None:
    """`start --at 10:10` then `consent --at 10:10`: the same second, the log's order puts
    the fact after the start. The sentence read "dated 10:10:00, after the start
    (10:10:00)"; it says why it is late."""
    start = T0.replace(second=0) + timedelta(minutes=10)
    log = Log().planned()
    log.add("session-started", start, {"without_consent": False})
    late = log.add(kind, start, body)
    [found] = run(rule_id, facts(log))
    local = start.astimezone(PARIS)
    assert f"à {local:%H:%M}:00, la seconde même du début" in found.message
    assert f"(#{late.seq} après #2)" in found.message
    assert f", après le début ({local:%-d} " not in found.message
    assert found.events == (2, late.seq)


def test_a_fact_late_in_the_hour_the_clocks_go_back_gives_its_offset() -> None:
    """On 25 October 2026 Paris reads 02:00-02:59 twice: a consent at 02:10 of the second
    pass (CET) is later than a start at 02:50 of the first (CEST); without the offsets the
    sentence read "dated 02:10, after the start (02:50)"."""
    start = datetime(2026, 10, 25, 0, 50, tzinfo=UTC)  # 02:50 CEST
    log = Log().planned()
    log.add("session-started", start, {"without_consent": False})
    log.add("consent-recorded", start + timedelta(minutes=20), {"channel": "oral"})  # 02:10 CET
    [found] = run("consent-before-access", facts(log))
    assert "à 02:10 (UTC+01:00), après le début" in found.message
    assert "à 02:50 (UTC+02:00))" in found.message
    # An hour that comes once is shown as it always was.
    [found] = run("consent-before-access", facts(_shifted(log, timedelta(days=1))))
    assert "à 02:10, après le début" in found.message and "UTC" not in found.message


def _shifted(log: Log, delta: timedelta) -> Log:
    return Log([e._replace(at=e.at + delta, recorded_at=e.recorded_at + delta)
                for e in log.events])


def test_consent_channel_and_quote_form_the_terms_ask_for() -> None:
    log = started(Log().planned())
    [channel] = run("consent-before-access", facts(log), channels=("tool-code",))
    # In words: "à l'oral", "code de l'outil de prise en main", never the ids.
    assert "oral" in channel.message and "code de l'outil" in channel.message
    assert "tool-code" not in channel.message
    assert run("consent-before-access", facts(log)) == []
    log.add("quote-accepted", T0 + timedelta(minutes=2), {"how": "electronic"})
    [form] = run("quote-accepted-before-start", facts(log), how=("handwritten",))
    assert form.events == (3, 4)
    assert run("quote-accepted-before-start", facts(log), how=("electronic",)) == []


def test_backup_offered_needs_the_answer() -> None:
    log = Log().planned()
    log.add("backup-status", T0 + timedelta(minutes=1), {"offered": True})
    started(log)
    [found] = run("backup-status-recorded", facts(log))
    assert found.events == (2, 4)
    log.events[1] = log.events[1]._replace(body={"offered": True, "answer": "client-has-own"})
    assert run("backup-status-recorded", facts(log)) == []


def test_a_payment_before_the_signed_quote_is_not_acceptance() -> None:
    log = Log().planned()
    log.add("payment-recorded", T0 + timedelta(minutes=1), {"amount": "50.00",
                                                           "method": "cash"})
    log.add("quote-accepted", T0 + timedelta(minutes=2), {"how": "handwritten"})
    log.add("payment-recorded", T0 + timedelta(minutes=3), {"amount": "10.00",
                                                           "method": "cash"})
    started(log)
    [found] = run("payment-not-acceptance", facts(log))
    assert found.events == (2,)
    assert run("quote-accepted-before-start", facts(log)) == []


# --- free text -----------------------------------------------------------------------


def test_stored_secrets_are_found_and_never_echoed() -> None:
    log = started(Log().planned())
    log.add("note-added", T0 + timedelta(minutes=15),
            personal={"text": "mot de passe admin : Soleil2024"})
    log.add("note-added", T0 + timedelta(minutes=16),
            personal={"text": "changer le mot de passe Windows à la demande du client"})
    log.add("note-added", T0 + timedelta(minutes=17), personal=None)  # erased client
    log.events[-1] = log.events[-1]._replace(personal=None)
    [found] = run("notes-free-of-secrets", facts(log))
    assert found.events == (4,)
    assert "Soleil2024" not in found.message


# --- through the service -------------------------------------------------------------


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setenv("SESSIOND_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SESSIOND_LANG", "en")
    from sessiond.sessions import Sessiond

    svc = Sessiond()
    yield svc
    svc.close()


def test_requirements_before_a_start(service: Any) -> None:

    client = service.add_client("Client", status="business")
    session = service.new_session(client, policy="vlh", client_os="windows")
    found = {r.rule: r for r in service.requirements(service.session(session))}
    assert set(found) == {"consent-before-access", "quote-accepted-before-start",
                          "backup-status-recorded", "client-category"}
    assert found["consent-before-access"].blocking
    assert not any(r.blocking for r in found.values() if r.rule != "consent-before-access")
    assert found["quote-accepted-before-start"].hint == (
        f"sessiond record {session} quote-accepted --by NAME --how handwritten|electronic")
    assert found["client-category"].hint is None and found["client-category"].article == \
        "1, 2"
    service.consent(session, channel="phone", by="Client")
    service.accept_quote(session, how="handwritten", by="Client")
    left = service.requirements(service.session(session))
    assert {r.rule for r in left} == {"backup-status-recorded", "client-category"}
    service.start(session)
    assert service.requirements(service.session(session)) == []  # started: nothing left


def test_consent_is_required_even_without_a_policy_rule(service: Any) -> None:

    session = service.new_session(service.add_client("Client"), policy="fgdmi")
    # FGDMI's terms say nothing of consent nor of withdrawal: both are the law's (issue 12)
    consent, withdrawal = service.requirements(service.session(session))
    assert consent.rule == "consent-before-access" and consent.blocking
    assert consent.hint is not None and consent.hint.startswith("sessiond consent")
    assert (withdrawal.rule, withdrawal.article, withdrawal.blocking) == (
        "withdrawal-waiver", "C. consom., art. L221-18 et L221-25", False)


def test_a_broken_policy_does_not_keep_the_clock_from_stopping(service: Any) -> None:
    session = service.new_session(service.add_client("Client"), policy="vlh")
    service.consent(session, channel="oral", by="Client")
    service.start(session)
    own = service.paths.policies
    own.mkdir(parents=True)
    (own / "vlh.toml").write_text("schema = 1\nid = \"vlh\"\n", "utf-8")  # broken copy
    service.stop(session)
    stopped_session = service.session(session)
    [check] = [e for e in stopped_session.events if e.kind == "check-completed"]
    assert check.body["errors"] == 1 and "policy_digest" not in check.body
    assert check.body["findings"][0]["rule"] == "policy-unreadable"
    assert stopped_session.state.value == "stopped"


@pytest.mark.parametrize(("kind", "words"), [
    ("screenshot", "ne pas enregistrer d’informations sensibles"),  # VLH 4.2
    ("recording", "ne pas enregistrer d’informations sensibles"),
    ("session-log", "ne pas enregistrer d’informations sensibles"),
    ("file-copy", "Aucun fichier personnel n’est copié"),  # VLH 8.5
])
def test_vlh_cites_what_it_says_of_each_kind_of_copy(kind: str, words: str) -> None:
    """VLH 4.2: "ne pas enregistrer d'informations sensibles sans le consentement préalable"
    (a screen captured, recorded or logged); 8.5: "Aucun fichier personnel n'est copié ni
    conservé, sauf accord explicite du client". A copy without the client's request cites
    both articles and quotes both, not only the one about files."""
    vlh = read_policy(shipped_dir() / "vlh.toml")
    rule = vlh.rules["artifact-requires-client-request"]
    assert rule.article == "4.2, 8.5" and words in rule.text
    log = started(Log().planned())
    log.add("artifact-recorded", T0 + timedelta(minutes=15),
            {"artifact": kind, "client_requested": False})
    [found] = RULES["artifact-requires-client-request"](facts(log), rule)
    assert (found.severity, found.article) == ("error", "4.2, 8.5")
    log.events[-1] = log.events[-1]._replace(body={"artifact": kind, "client_requested": True})
    assert RULES["artifact-requires-client-request"](facts(log), rule) == []


@pytest.mark.parametrize(("claimed_after", "expected"), [
    (timedelta(hours=20), []),  # free under the warranty: nothing to pay before it
    (timedelta(hours=30), [("payment-before-start", "error", "14.2")]),  # billed again
])
def test_a_free_warranty_re_intervention_needs_no_payment_first(
        claimed_after: timedelta, expected: list[tuple[str, str, str]]) -> None:
    """MRI87 14.2: "Le règlement d'une intervention à distance est honoré intégralement avant
    l'intervention"; a re-intervention free under 16.2 (claimed within 24 h) costs nothing,
    so no payment is missing before it. Claimed later, it is billed, and paid first."""
    from sessiond.billing import History
    from sessiond.compliance.check import evaluate
    from tests.unit.billing_factory import Builder
    from tests.unit.billing_factory import Log as Events

    log = Events()
    first = Builder(policy="mri87", session_id="s-a", log=log, planned_at=T0)
    first.consent(T0 + timedelta(minutes=1)).run(T0 + timedelta(minutes=2), 3000)
    end = T0 + timedelta(minutes=52)
    again = Builder(policy="mri87", session_id="s-b", log=log, planned_at=end + claimed_after,
                    planned={"warranty_of": "s-a"})
    start = end + claimed_after + timedelta(minutes=10)
    again.consent(start - timedelta(minutes=1)).run(start, 1200)
    session = again.session()
    start_seq = next(e.seq for e in session.events if e.kind == "session-started")
    mri87 = read_policy(shipped_dir() / "mri87.toml")
    report = evaluate(Facts(
        session=session, client=Client("c-1", "business", "FR", T0, "Client"), client_seq=1,
        policy=mri87, now=start + timedelta(hours=1), tz=PARIS, start=session.started_at,
        start_seq=start_seq, history=History((first.session(), session))))
    found = [(f.rule, f.severity, f.article) for f in report.findings
             if f.rule in ("payment-before-start", "prepaid-credit-covers")]
    assert found == expected


@pytest.mark.parametrize(("paid", "worked", "short"), [
    ("50.00", 1800, None),  # the first hour (7.1) paid before it: in full
    ("49.99", 1800, "49,99\u00a0€ payés avant le début, moins que les 50,00\u00a0€"),
    ("20", 3600, "20,00\u00a0€ payés avant le début, moins que les 50,00\u00a0€"),
    ("50.00", 3601, "50,00\u00a0€ payés avant le début, moins que les 100,00\u00a0€"),
    ("100", 5400, None),
])
def test_mri87_wants_the_intervention_paid_in_full_before_it(
        paid: str, worked: int, short: str | None) -> None:
    """MRI87 14.2: "Le règlement d'une intervention à distance est honoré intégralement
    avant l'intervention": a part of the price paid first is not the whole of it (every
    started hour at 50 €/h, 7.1)."""
    mri87 = read_policy(shipped_dir() / "mri87.toml")
    log = Log()
    log.add("session-planned", T0, {"policy": "mri87", "mode": "remote", "tool": "anydesk",
                                    "problem_count": 0})
    log.add("payment-recorded", T0 + timedelta(minutes=5), {"amount": paid, "method": "card"})
    stopped(started(log), at=T0 + timedelta(minutes=10, seconds=worked))
    session = fold(log.events)
    assert session is not None
    found = run_spec("payment-before-start", Facts(
        session=session, client=Client("c-1", "consumer", "FR", T0, "Client"), client_seq=1,
        policy=mri87, now=T0 + timedelta(hours=3), tz=PARIS, start=session.started_at,
        start_seq=next(e.seq for e in log.events if e.kind == "session-started")), mri87)
    if short is None:
        assert found == []
    else:
        [finding_] = found
        assert (finding_.severity, finding_.article) == ("error", "14.2")
        assert " ".join(short.split()) in " ".join(finding_.message.split())


@pytest.mark.parametrize(("policy_id", "amounts", "country", "article", "over"), [
    ("vlh", ("1000.00",), "FR", "5.4", False),  # the cap itself is allowed
    ("vlh", ("600", "400.01"), "FR", "5.4", True),  # one debt: its payments add up
    ("md-micro-services", ("1200",), "FR", "6", True),
    ("vlh", ("1200",), "BE", "5.4", False),  # a debtor abroad: 15 000 €
    ("vlh", ("1200",), "RE", "5.4", True),  # La Réunion is France: 1 000 €
])
def test_cash_only_within_the_legal_cap(policy_id: str, amounts: tuple[str, ...],
                                        country: str, article: str, over: bool) -> None:
    """VLH 5.4 "Espèces, dans la limite des plafonds légaux en vigueur", MD 6 "espèces (selon
    limites légales)": C. monét. fin. D112-3, 1 000 € (15 000 € for a private debtor whose
    tax home is abroad)."""
    terms = read_policy(shipped_dir() / f"{policy_id}.toml")
    log = started(Log().planned())
    for amount in amounts:
        log.add("payment-recorded", T0 + timedelta(minutes=20),
                {"amount": amount, "method": "cash"})
    stopped(log)
    session = fold(log.events)
    assert session is not None
    found = run_spec("payment-method-accepted", Facts(
        session=session, client=Client("c-1", "consumer", country, T0, "Client"),
        client_seq=1, policy=terms, now=T0 + timedelta(hours=3), tz=PARIS,
        start=session.started_at, start_seq=3), terms)
    assert [(f.article, "D112-3" in f.message) for f in found] == (
        [(article, True)] if over else [])


def run_spec(rule_id: str, f: Facts, policy: Any) -> list[Finding]:
    return RULES[rule_id](f, policy.rules[rule_id])


# --- each shipped policy's verdicts, severity and article, by hand from its text ----------

_S = T0 + timedelta(minutes=10)  # the start
Step = tuple[str, int, dict[str, Any]]  # kind, seconds from the start, body
_START: Step = ("session-started", 0, {"without_consent": False})
_BACKUP: Step = ("backup-status", -120, {"offered": True, "answer": "declined"})
_WARNED: Step = ("sensitive-docs-warned", -120, {})
_PAID: Step = ("payment-recorded", -180, {"amount": "50.00", "method": "card"})
_GONE: Step = ("disconnect-confirmed", 1860, {})
_QUOTE: Step = ("quote-accepted", -240, {"how": "electronic"})
# disconnected from the client's computer, paused, then the work resumed
_AWAY: tuple[Step, ...] = (("disconnect-confirmed", 300, {}), ("session-paused", 360, {}),
                           ("session-resumed", 600, {}))


def _consent(channel: str = "oral", at: int = -60) -> Step:
    return ("consent-recorded", at, {"channel": channel})


def _copy(kind: str, asked: bool) -> Step:
    return ("artifact-recorded", 300, {"artifact": kind, "client_requested": asked})


def _copied(at: int) -> Step:
    """A file copy the client asked for, `at` seconds from the start."""
    return ("artifact-recorded", at, {"artifact": "file-copy", "client_requested": True})


def _paid(method: str, at: int = 1200) -> Step:
    return ("payment-recorded", at, {"amount": "50.00", "method": method})


_MD = (_consent(), _PAID, _WARNED, _BACKUP, _START, _GONE)
_MA = (_consent("tool-code"), _BACKUP, _START, _GONE)
_VLH = (_QUOTE, _consent(), _BACKUP, _START)
_MRI = (_consent(), _BACKUP, _PAID, _START)
LAW = "C. consom., art. L221-18 et L221-25"


@pytest.mark.parametrize("policy_id", ["md-micro-services", "mri87", "micro-alpes", "vlh",
                                       "fgdmi"])
def test_a_connection_before_consent_cites_the_terms_consent_article(policy_id: str) -> None:
    """Terms that promise consent before access (MD 4, 7; MRI87 13; Micro-Alpes 7, art. 1;
    VLH 4.2) are broken by a connection the remote tool logged before it just as by a start
    before it: the finding cites the same document, at the same severity; only terms
    silent on consent (FGDMI) leave it to the law."""
    from sessiond.compliance.check import active

    terms = read_policy(shipped_dir() / f"{policy_id}.toml")
    session = fold(started(Log().planned()).events)
    assert session is not None
    consent = active(terms, "consent-before-access", session)
    connection = active(terms, "remote-access-before-consent", session)
    assert consent is not None and connection is not None
    if "consent-before-access" in terms.rules:
        assert connection.severity == consent.severity
        cited = {a.strip() for a in connection.article.split(",")}
        assert cited and cited <= {a.strip() for a in consent.article.split(",")}, (
            connection.article, consent.article)
    else:
        assert connection.article == "Code pénal, art. 323-1"


@pytest.mark.parametrize(("policy_id", "severity", "says"), [
    # VLH 1, 2: "tout client particulier [...] Les prestations destinées aux professionnels
    # font l'objet de conditions générales distinctes": a business is not served here.
    ("vlh", "error", "ces conditions ne valent que pour les particuliers"),
    # FGDMI II.6 (freelancers and very small businesses too), MRI87 1 (art. 10 speaks of
    # professional clients): the technician checks.
    ("fgdmi", "warning", "vérifiez que ces conditions le couvrent"),
    ("mri87", "warning", "vérifiez que ces conditions le couvrent"),
])
def test_a_business_client_is_told_as_the_terms_say(policy_id: str, severity: str,
                                                    says: str) -> None:
    terms = read_policy(shipped_dir() / f"{policy_id}.toml")
    log = stopped(started(Log().planned()))
    session = fold(log.events)
    assert session is not None
    found = run_spec("client-category", Facts(
        session=session, client=Client("c-1", "business", "FR", T0, "Client"),
        client_seq=1, policy=terms, now=T0 + timedelta(hours=3), tz=PARIS,
        start=session.started_at, start_seq=3), terms)
    assert [(f.severity, says in f.message) for f in found] == [(severity, True)]


@pytest.mark.parametrize(("policy_id", "steps", "options", "expected"), [
    ("md-micro-services", _MD, {}, set()),
    ("md-micro-services", (_consent(at=1), *_MD[1:]), {},
     {("consent-before-access", "error", "4, 7")}),  # one second after the start
    ("md-micro-services", (_consent("sms"), *_MD[1:]), {}, set()),
    ("md-micro-services", (*_MD, _copy("screenshot", True)), {},
     {("artifact-requires-client-request", "error", "15")}),  # never, even when asked
    ("md-micro-services", (*_MD, _copy("recording", True)), {},
     {("artifact-requires-client-request", "error", "15")}),
    ("md-micro-services", (*_MD, _copy("session-log", True)), {},
     {("artifact-requires-client-request", "error", "15")}),
    ("md-micro-services", (*_MD, _copy("file-copy", True)), {}, set()),
    ("md-micro-services", (*_MD, _copy("file-copy", False)), {},
     {("artifact-requires-client-request", "error", "15")}),
    # art. 15 speaks of remote assistance: on site the terms are silent on copies, and
    # the law's rule applies, as under terms silent in every mode (FGDMI's)
    ("md-micro-services", (_consent(), _BACKUP, _START, _copy("file-copy", False)),
     {"mode": "onsite"}, {("artifact-requires-client-request", "warning",
                           "Code pénal, art. 323-3")}),
    ("md-micro-services", (_consent(), _BACKUP, _START, _copy("file-copy", True)),
     {"mode": "onsite"}, set()),
    ("md-micro-services", _MD[:-1], {}, {("disconnect-confirmed", "warning", "7")}),
    ("md-micro-services", (*_MD[:2], _BACKUP, _START, _GONE, ("sensitive-docs-warned", 60, {})),
     {}, {("sensitive-docs-warning", "warning", "7")}),
    ("md-micro-services", _MD, {"os": "linux"}, {("remote-os-supported", "error", "2")}),
    ("md-micro-services", _MD, {"os": None}, {("remote-os-supported", "warning", "2")}),
    ("md-micro-services", (_consent(), _BACKUP, _START), {"os": "linux", "mode": "onsite"},
     set()),
    ("md-micro-services", _MD, {"country": "BE"}, {("client-in-territory", "warning", "2")}),
    # "France entière": the overseas departments are France (Constitution art. 73).
    ("md-micro-services", _MD, {"country": "RE"}, set()),
    ("md-micro-services", _MD, {"country": "PF"}, {("client-in-territory", "warning", "2")}),
    ("md-micro-services", _MD, {"ordered_days": 0}, {("withdrawal-waiver", "error", "10")}),
    ("md-micro-services", _MD, {"ordered_days": 0, "status": "business"}, set()),
    # MD 10: "lorsque [...] la commande est conclue à distance ou hors établissement": at
    # home too, but a machine left at the workshop is an order made on premises.
    ("md-micro-services", (_consent(), _BACKUP, _START), {"ordered_days": 0, "mode": "onsite"},
     {("withdrawal-waiver", "error", "10")}),
    ("md-micro-services", (_consent(), _BACKUP, _START),
     {"ordered_days": 0, "mode": "workshop"}, set()),
    ("md-micro-services", (*_MD, ("withdrawal-waiver", -300, {"medium": "email"})),
     {"ordered_days": 0}, set()),
    ("md-micro-services", tuple(s for s in _MD if s is not _PAID), {},
     {("payment-before-start", "warning", "6")}),
    ("md-micro-services", tuple(s for s in _MD if s is not _BACKUP), {},
     {("backup-status-recorded", "warning", "8")}),
    ("micro-alpes", _MA, {}, set()),
    ("micro-alpes", (_consent("oral"), *_MA[1:]), {},
     {("consent-before-access", "error", "7, art. 1")}),  # the tool's code is the consent
    ("micro-alpes", (_consent("tool-code", 0), *_MA[1:]), {}, set()),  # same second, first
    ("micro-alpes", (_consent("tool-code", 1), *_MA[1:]), {},
     {("consent-before-access", "error", "7, art. 1")}),
    ("micro-alpes", _MA[:-1], {}, {("disconnect-confirmed", "error", "7, art. 1")}),
    ("micro-alpes", (*_MA[:-1], ("disconnect-confirmed", 300, {}), ("session-paused", 360, {}),
                     _consent("tool-code", 590), ("session-resumed", 600, {})), {},
     {("disconnect-confirmed", "error", "7, art. 1")}),  # work resumed after it
    # Disconnected, then the work resumed: taking control again is a new access, whose
    # consent is a new code (7, art. 1 "ne peut plus prendre le contrôle").
    ("micro-alpes", (*_MA, *_AWAY), {}, {("consent-before-access", "error", "7, art. 1")}),
    ("micro-alpes", (*_MA, *_AWAY[:2], _consent("oral", 590), _AWAY[2]), {},
     {("consent-before-access", "error", "7, art. 1")}),  # not by the code
    ("micro-alpes", (*_MA, *_AWAY[:2], _consent("tool-code", 590), _AWAY[2]), {}, set()),
    ("micro-alpes", (*_MA, ("session-paused", 360, {}), ("session-resumed", 600, {})), {},
     set()),  # a pause without disconnecting: the same access goes on
    ("micro-alpes", (_consent("phone"), _BACKUP, _START, *_AWAY), {"tool": "phone"}, set()),
    # A copy made on his machine after the disconnection, with no new code given: an
    # access again; within the two minutes it takes to record it, the one just made.
    ("micro-alpes", (*_MA, ("disconnect-confirmed", 300, {}), _copied(600)), {},
     {("consent-before-access", "error", "7, art. 1")}),
    ("micro-alpes", (*_MA, ("disconnect-confirmed", 300, {}), _consent("tool-code", 590),
                     _copied(600)), {}, set()),
    ("micro-alpes", (*_MA, ("disconnect-confirmed", 300, {}), _copied(360)), {}, set()),
    ("vlh", (*_VLH, ("disconnect-confirmed", 300, {}), _copied(600)), {},
     {("consent-before-access", "error", "3.1, 4.2")}),
    ("md-micro-services", (*_MD, *_AWAY), {}, {("consent-before-access", "error", "4, 7")}),
    ("md-micro-services", (*_MD, *_AWAY[:2], _consent("sms", 590), _AWAY[2]), {}, set()),
    ("md-micro-services", (*_MD[:-1], *_AWAY), {"mode": "onsite"}, set()),
    ("vlh", (*_VLH, *_AWAY), {}, {("consent-before-access", "error", "3.1, 4.2")}),
    ("mri87", (*_MRI, *_AWAY), {}, {("consent-before-access", "error", "13")}),
    ("fgdmi", (_consent(), _START, *_AWAY), {},
     {("consent-before-access", "warning", "Code pénal, art. 323-1")}),
    # Disconnected twenty minutes after the stop: he could take control until then; within
    # the ten minutes a typed instant is trusted (clock-consistent), after the work (the
    # stop is at 1800).
    ("micro-alpes", (*_MA[:-1], ("disconnect-confirmed", 3000, {})), {},
     {("disconnect-confirmed", "error", "7, art. 1")}),
    ("micro-alpes", (*_MA[:-1], ("disconnect-confirmed", 2340, {})), {}, set()),
    ("micro-alpes", (*_MA[:-1], ("disconnect-confirmed", 3000, {}),
                     ("disconnect-confirmed", 1810, {})), {}, set()),  # recorded again, --at
    ("md-micro-services", (*_MD[:-1], ("disconnect-confirmed", 1800 + 3600 * 4, {})), {},
     {("disconnect-confirmed", "warning", "7")}),
    ("micro-alpes", _MA, {"receipt": False}, {("receipt-issued", "error", "13")}),
    ("micro-alpes", (_consent(), _BACKUP, _START, _paid("card")), {"mode": "onsite"},
     {("payment-method-accepted", "warning", "3")}),
    ("micro-alpes", (_consent(), _BACKUP, _START, _paid("cheque")), {"mode": "onsite"},
     set()),
    ("micro-alpes", (_BACKUP, _START), {"mode": "onsite"}, set()),  # 7, art. 1: remote
    ("micro-alpes", _MA, {"ordered_days": 3}, {("withdrawal-waiver", "error", "2")}),
    # Micro-Alpes 7, art. 1 speaks of the control the tool takes, by its one-time code, and
    # of the disconnection after it: help by phone or video call has neither.
    ("micro-alpes", (_consent("phone"), _BACKUP, _START), {"tool": "phone"}, set()),
    ("micro-alpes", (_consent("oral"), _BACKUP, _START), {"tool": "visio"}, set()),
    ("micro-alpes", (_consent("phone"), _BACKUP, _START), {"tool": "teamviewer"},
     {("consent-before-access", "error", "7, art. 1"),
      ("disconnect-confirmed", "error", "7, art. 1")}),
    ("micro-alpes", (_BACKUP, _START), {"tool": "phone"},
     {("consent-before-access", "error", "7, art. 1")}),  # a consent is still due
    ("md-micro-services", _MD[:-1], {"tool": "phone"}, set()),  # MD 7: nothing to cut off
    ("vlh", _VLH, {}, set()),
    ("vlh", _VLH[1:], {}, {("quote-accepted-before-start", "error", "3.2")}),
    ("vlh", (("quote-accepted", 1, {"how": "handwritten"}), *_VLH[1:]), {},
     {("quote-accepted-before-start", "error", "3.2")}),
    ("vlh", (*_VLH[1:], ("quote-accepted", 0, {"how": "handwritten"})), {},
     {("quote-accepted-before-start", "error", "3.2")}),  # same second, logged after
    ("vlh", (_QUOTE, _consent(), ("backup-status", -120, {"offered": True}), _START), {},
     {("backup-status-recorded", "error", "6.2")}),
    ("vlh", (_QUOTE, _consent(), _START), {}, {("backup-status-recorded", "error", "6.2")}),
    ("vlh", (_QUOTE, _consent(), ("backup-status", -120,
                                  {"offered": True, "answer": "client-has-own"}), _START),
     {}, set()),
    ("vlh", (*_VLH, _copy("file-copy", False)), {},
     {("artifact-requires-client-request", "error", "4.2, 8.5")}),
    ("vlh", (_QUOTE, _BACKUP, _START, _copy("file-copy", False)), {"mode": "onsite"},
     {("artifact-requires-client-request", "error", "4.2, 8.5")}),
    ("vlh", (_QUOTE, _BACKUP, _START), {"mode": "onsite"}, set()),  # 4.2: remote access
    ("vlh", _VLH, {"status": "business"}, {("client-category", "error", "1, 2")}),
    ("vlh", (*_VLH, _paid("card")), {}, {("payment-method-accepted", "warning", "5.4")}),
    ("vlh", (_paid("cash", -300), *_VLH), {}, {("payment-not-acceptance", "warning", "3.2")}),
    ("vlh", _VLH, {"receipt": False}, {("receipt-issued", "warning", "5.3")}),
    ("vlh", _VLH, {"ordered_days": 1}, {("withdrawal-waiver", "warning", LAW)}),
    ("fgdmi", (_START, _paid("cheque")), {"mode": "onsite"},
     {("payment-method-accepted", "error", "II.2")}),
    ("fgdmi", (_START, _paid("transfer")), {"mode": "onsite"},
     {("payment-method-accepted", "error", "II.2")}),
    ("fgdmi", (_START, _paid("cash")), {"mode": "onsite"}, set()),
    ("fgdmi", (_consent(), _START, _paid("transfer")), {}, set()),  # II.2: on site only
    # on premises: no withdrawal; but FGDMI II.2 bills at home and on site, no workshop
    ("fgdmi", (_START,), {"mode": "workshop", "ordered_days": 0},
     {("mode-offered", "warning", "II.2")}),
    ("fgdmi", (_START,), {}, {("consent-before-access", "warning", "Code pénal, art. 323-1")}),
    ("fgdmi", (_START,), {"mode": "onsite", "status": "business"},
     {("client-category", "warning", "II.6")}),
    ("mri87", _MRI, {}, set()),
    # Terms silent on copies (MRI87, Micro-Alpes, FGDMI): one made without the client's
    # request is the law's (reproducing a system's data without right), a warning.
    ("mri87", (*_MRI, _copy("screenshot", False)), {},
     {("artifact-requires-client-request", "warning", "Code pénal, art. 323-3")}),
    ("mri87", (*_MRI, _copy("file-copy", True)), {}, set()),
    ("micro-alpes", (*_MA, _copy("file-copy", False)), {},
     {("artifact-requires-client-request", "warning", "Code pénal, art. 323-3")}),
    ("fgdmi", (_START, _copy("recording", False)), {"mode": "onsite"},
     {("artifact-requires-client-request", "warning", "Code pénal, art. 323-3")}),
    ("mri87", _MRI[1:], {}, {("consent-before-access", "error", "13")}),
    ("mri87", _MRI, {"country": "BE"}, {("client-in-territory", "error", "5")}),
    ("mri87", _MRI, {"country": "GP"}, set()),  # art. 5 "en France": Guadeloupe is
    ("mri87", _MRI, {"country": "MC"}, {("client-in-territory", "error", "5")}),
    ("mri87", (_consent(), _BACKUP, _START), {}, {("payment-before-start", "error", "14.2")}),
    ("mri87", (*_MRI, _paid("cash")), {}, {("payment-method-accepted", "warning", "8, 14.2")}),
    ("mri87", _MRI, {"status": "business"}, {("client-category", "warning", "1")}),
])
def test_shipped_policies_verdicts(policy_id: str, steps: tuple[Step, ...],
                                   options: dict[str, Any],
                                   expected: set[tuple[str, str, str]]) -> None:
    from sessiond.compliance.check import evaluate

    log = Log()
    body: dict[str, Any] = {"policy": policy_id, "mode": options.get("mode", "remote"),
                            "tool": options.get("tool", "anydesk"), "problem_count": 0}
    if options.get("os", "windows") is not None:
        body["client_os"] = options.get("os", "windows")
    ordered = _S - timedelta(days=options.get("ordered_days", 20))
    body["ordered_at"] = ordered.strftime("%Y-%m-%dT%H:%M:%SZ")
    log.add("session-planned", T0, body)
    for kind, seconds, event_body in steps:
        log.add(kind, _S + timedelta(seconds=seconds), event_body)
    stop = _S + timedelta(minutes=30)
    log.add("session-stopped", stop, {"ended_by": "technician"})
    if options.get("receipt", True):
        log.add("receipt-issued", stop + timedelta(minutes=1), {})
    session = fold(log.events)
    assert session is not None
    start = next(e for e in log.events if e.kind == "session-started")
    report = evaluate(Facts(
        session=session, policy=read_policy(shipped_dir() / f"{policy_id}.toml"),
        client=Client("c-1", options.get("status", "consumer"),
                      options.get("country", "FR"), T0, "Client"), client_seq=1,
        now=stop + timedelta(hours=1), tz=PARIS, start=session.started_at,
        start_seq=start.seq, receipts_in_log=True))
    assert {(f.rule, f.severity, f.article) for f in report.findings} == expected


# --- an amended instant is cited with the event it corrects ---------------------------


def test_a_finding_about_the_start_cites_the_amendment_that_set_it() -> None:
    """`sessiond amend S 3 --at 09:08`: the start the finding speaks of is 09:08, which
    only the amendment (#4) says; the finding cited the start (#3) alone. Only the last
    amendment counts (it is the one that set the instant)."""
    log = Log().planned()
    log.add("consent-recorded", T0 + timedelta(minutes=9), {"channel": "oral"})
    log.add("session-started", T0 + timedelta(minutes=10), {"without_consent": False})
    assert run("consent-before-access", facts(log)) == []
    log.add("instant-amended", T0 + timedelta(minutes=30),
            {"corrects": 3, "at": "2026-11-20T09:07:00Z"}, personal={"reason": "r"})
    log.add("instant-amended", T0 + timedelta(minutes=31),
            {"corrects": 3, "at": "2026-11-20T09:08:00Z"}, personal={"reason": "r"})
    [found] = run("consent-before-access", facts(log))
    assert found.events == (2, 3, 5)
    [found] = run("sensitive-docs-warning", facts(log))
    assert found.events == (3, 5)


def test_work_resumed_after_a_disconnection_is_told_at_its_corrected_resume() -> None:
    """The resume a reconnection finding speaks of is the amended one, cited with its
    amendment; a consent given before that corrected resume covers it."""
    log = started(Log().planned())  # consent #2, start #3 at 10:10 Paris time
    log.add("disconnect-confirmed", T0 + timedelta(minutes=15))  # 4
    log.add("session-paused", T0 + timedelta(minutes=16))  # 5
    log.add("session-resumed", T0 + timedelta(minutes=20))  # 6
    [found] = run("consent-before-access", facts(log))
    assert found.events == (4, 6) and "10:20" in found.message
    log.add("instant-amended", T0 + timedelta(minutes=40),
            {"corrects": 6, "at": "2026-11-20T09:25:00Z"}, personal={"reason": "r"})  # 7
    [found] = run("consent-before-access", facts(log))
    assert found.events == (4, 6, 7) and "10:25" in found.message
    log.add("consent-recorded", T0 + timedelta(minutes=24), {"channel": "oral"})
    assert run("consent-before-access", facts(log)) == []
    # Micro-Alpes 7, art. 1: the consent is the tool's code, a new one after the
    # disconnection; an oral one is named as the channel the terms do not accept.
    coded = Log().planned()
    coded.add("consent-recorded", T0 + timedelta(minutes=9), {"channel": "tool-code"})
    coded.add("session-started", T0 + timedelta(minutes=10), {"without_consent": False})
    coded.add("disconnect-confirmed", T0 + timedelta(minutes=15))  # 4
    coded.add("session-paused", T0 + timedelta(minutes=16))
    coded.add("consent-recorded", T0 + timedelta(minutes=18), {"channel": "oral"})  # 6
    coded.add("session-resumed", T0 + timedelta(minutes=20))  # 7
    [found] = run("consent-before-access", facts(coded), channels=("tool-code",))
    assert found.events == (4, 6, 7)
    assert "consentement donné depuis\u202f: à l'oral" in found.message


def _connection(log: Log, start: datetime, end: datetime | None) -> Event:
    body: dict[str, Any] = {
        "tool": "anydesk", "direction": "outgoing", "format": "anydesk-trace",
        "outcome": "accepted", "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "end": end.strftime("%Y-%m-%dT%H:%M:%SZ") if end else None, "key": "k",
        "digest": "d" * 64, "matched_by": "time"}
    return log.add("connection-observed", end or start, body)


def _with_connections(log: Log) -> Facts:
    from sessiond.compliance.evidence import observed

    f = facts(log)
    return Facts(**{**f.__dict__, "connections": tuple(observed(f.session.events))})


def test_a_connection_after_an_amended_stop_cites_the_amendment() -> None:
    log = started(Log().planned())
    _connection(log, T0 + timedelta(minutes=10), T0 + timedelta(minutes=41))
    stopped(log)  # 09:40, #5
    assert run("remote-access-after-stop", _with_connections(log)) == []
    log.add("instant-amended", T0 + timedelta(minutes=50),
            {"corrects": 5, "at": "2026-11-20T09:30:00Z"}, personal={"reason": "r"})
    [found] = run("remote-access-after-stop", _with_connections(log))
    assert found.events == (4, 5, 6)


# --- a connection left open after the stop ---------------------------------------------


def test_a_connection_opened_just_after_the_stop_is_not_one_left_open() -> None:
    """A connection opened within the grace after the stop (09:41, stop 09:40) and kept
    until 10:10 was not open at the stop: it was opened after it, and stayed open. The
    sentence said "restée ouverte", as of a connection opened during the work."""
    log = started(Log().planned())
    stopped(log)
    _connection(log, T0 + timedelta(minutes=41), T0 + timedelta(minutes=70))
    [found] = run("remote-access-after-stop", _with_connections(log))
    assert "a été ouverte à 2026-11-20 10:41:00, 1 min après l'arrêt (2026-11-20 " \
        "10:40:00), puis est restée ouverte jusqu'à 2026-11-20 11:10:00, 30 min après " \
        "l'arrêt." in found.message
    # Opened during the work: it stayed open.
    log = started(Log().planned())
    _connection(log, T0 + timedelta(minutes=30), T0 + timedelta(minutes=70))
    stopped(log)
    [found] = run("remote-access-after-stop", _with_connections(log))
    assert "est restée ouverte jusqu'à 2026-11-20 11:10:00, 30 min après l'arrêt (" \
        in found.message and "a été ouverte" not in found.message
