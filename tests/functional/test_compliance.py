"""Compliance through the real command: for each of the five policies a clean session with
no error finding, and for each rule the policy turns on, a session that breaks it and gets
exactly that finding, with the policy's article.

Each policy gets one data directory, built once for its tests (module scope): a clean
session, a baseline, and one breaking session per rule, each made by the commands a
technician would type. "Exactly that finding" is read against the baseline: the breaking
session's rules are the baseline's plus the broken one. The baseline is the clean session
without its receipt where the policy wants one (receipts exist in that log, so a missing
one is reported), and the clean session itself elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli
from tests.functional.exports_data import TECHNICIAN

NOW = datetime.now(UTC).replace(microsecond=0)
OLD_ORDER = (NOW - timedelta(days=20)).isoformat()  # outside the 14-day withdrawal period
HOUR_AGO = (NOW - timedelta(hours=1)).isoformat()

Step = tuple[str, ...]
CONSENT: Step = ("consent", "{s}", "--channel", "oral", "--by", "Client Témoin")
CODE_CONSENT: Step = ("consent", "{s}", "--channel", "tool-code", "--by", "Client Témoin")
START: Step = ("start", "{s}")
STOP: Step = ("stop", "{s}")
NO_CONSENT_START: Step = ("start", "{s}", "--without-consent", "--reason",
                          "client au téléphone, accord à confirmer")
QUOTE: Step = ("record", "{s}", "quote-accepted", "--by", "Client Témoin", "--how",
               "electronic")
WAIVER: Step = ("record", "{s}", "withdrawal-waiver", "--medium", "email")
WARNED: Step = ("record", "{s}", "sensitive-docs-warned")
BACKUP: Step = ("record", "{s}", "backup", "--offered", "--declined")
DISCONNECT: Step = ("record", "{s}", "disconnect-confirmed")
RECEIPT: Step = ("receipt", "{s}", "--out", "{out}/")
SCREENSHOT: Step = ("record", "{s}", "artifact", "--kind", "screenshot")
REQUESTED_COPY: Step = ("record", "{s}", "artifact", "--kind", "file-copy", "--client-request",
                        "demandé par e-mail")
LATE_FACT: Step = ("record", "{s}", "control-returned", "--at", HOUR_AGO)
UNSCANNED_NOTE: Step = ("*unscanned-note", "{s}", "mdp admin : Soleil2024")


def pay(method: str) -> Step:
    return ("record", "{s}", "payment", "--amount", "45", "--method", method)


@dataclass(frozen=True)
class Plan:
    """A session: the client it is for, `session new` options, then its commands."""

    steps: tuple[Step, ...]
    client: str = "consumer"
    new: tuple[str, ...] = ("--ordered-at", OLD_ORDER)

    def without(self, *steps: Step) -> Plan:
        return Plan(tuple(s for s in self.steps if s not in steps), self.client, self.new)

    def replacing(self, old: Step, *new: Step) -> Plan:
        steps: list[Step] = []
        for s in self.steps:
            steps.extend(new if s == old else (s,))
        return Plan(tuple(steps), self.client, self.new)

    def before(self, anchor: Step, *extra: Step) -> Plan:
        return self.replacing(anchor, *extra, anchor)

    def after(self, anchor: Step, *extra: Step) -> Plan:
        return self.replacing(anchor, anchor, *extra)

    def options(self, *new: str, client: str | None = None) -> Plan:
        return Plan(self.steps, client or self.client, new)


@dataclass(frozen=True)
class Case:
    rule: str
    severity: str
    article: str
    plan: Plan


@dataclass
class Policy:
    id: str
    clean: Plan
    cases: list[Case]
    clients: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> client add
    credit: dict[str, str] = field(default_factory=dict)  # client key -> hours bought
    bought_today: tuple[str, ...] = ()  # clients whose package is bought now, not 20 days ago


# --- the five policies -----------------------------------------------------------------

_MD = Plan((CONSENT, pay("card"), WARNED, BACKUP, START, DISCONNECT, STOP),
           new=("--ordered-at", OLD_ORDER, "--client-os", "windows"))
MD = Policy("md-micro-services", _MD, [
    Case("consent-before-access", "error", "4, 7",
         _MD.without(CONSENT).replacing(START, NO_CONSENT_START)),
    Case("remote-os-supported", "error", "2",
         _MD.options("--ordered-at", OLD_ORDER, "--client-os", "macos")),
    Case("client-in-territory", "warning", "2",
         _MD.options("--ordered-at", OLD_ORDER, "--client-os", "windows", client="abroad")),
    Case("payment-before-start", "warning", "6", _MD.without(pay("card"))),
    Case("sensitive-docs-warning", "warning", "7", _MD.without(WARNED)),
    Case("disconnect-confirmed", "warning", "7", _MD.without(DISCONNECT)),
    Case("backup-status-recorded", "warning", "8", _MD.without(BACKUP)),
    Case("withdrawal-waiver", "error", "10", _MD.options("--client-os", "windows")),
    Case("artifact-requires-client-request", "error", "15", _MD.after(START, SCREENSHOT)),
    # a copy, even one the client asked for, made before his consent: an access before it
    Case("consent-before-access", "error", "4, 7", _MD.before(CONSENT, REQUESTED_COPY)),
    Case("notes-free-of-secrets", "error", "15", _MD.after(START, UNSCANNED_NOTE)),
    Case("clock-consistent", "warning", "5", _MD.before(START, LATE_FACT)),
], clients={"consumer": (), "abroad": ("--country", "BE")})

_MRI = Plan((CONSENT, BACKUP, START, STOP))
MRI87 = Policy("mri87", _MRI, [
    Case("client-in-territory", "error", "5", _MRI.options("--ordered-at", OLD_ORDER,
                                                          client="abroad")),
    # MRI87 8, 11: the contract is the purchase of the package that pays for the session
    # (issue 12): a package bought today needs the request, whatever the session's order
    Case("withdrawal-waiver", "error", "8, 11", _MRI.options(client="fresh")),
    Case("consent-before-access", "error", "13",
         _MRI.without(CONSENT).replacing(START, NO_CONSENT_START)),
    # Two minutes worked, the first hour is due, half an hour is left: the client had to
    # buy more first (paying the rest does not make it a package).
    Case("prepaid-credit-covers", "error", "13",
         Plan((*((*step, "--at", "{ago3}") for step in (CONSENT, BACKUP, pay("card"))),
               ("start", "{s}", "--at", "{ago2}"), STOP), client="short")),
    Case("payment-before-start", "error", "14.2",
         _MRI.options("--ordered-at", OLD_ORDER, client="no-credit")),
    Case("backup-status-recorded", "warning", "15", _MRI.without(BACKUP)),
    Case("clock-consistent", "warning", "7.1", _MRI.before(START, LATE_FACT)),
    # MRI87 2: remote only; on site, planned with the rate quoted for it (without one,
    # session new refuses it)
    Case("mode-offered", "error", "2",
         _MRI.options("--ordered-at", OLD_ORDER, "--mode", "onsite", "--rate", "50")),
    # MRI87 13: within 72 h of the support ticket's opening (4 days here)
    Case("intervention-within-delay", "warning", "13",
         _MRI.options("--ordered-at", OLD_ORDER, "--ticket-at",
                      (NOW - timedelta(days=4)).isoformat())),
    Case("client-category", "warning", "1", _MRI.options("--ordered-at", OLD_ORDER,
                                                        client="business")),
    # MRI87 and FGDMI say nothing of secrets: the refusal at entry cites the GDPR's
    # minimisation, and so does the check of one stored anyway
    Case("notes-free-of-secrets", "warning", "RGPD art. 5(1)(c)",
         _MRI.after(START, UNSCANNED_NOTE)),
    Case("payment-method-accepted", "warning", "8, 14.2", _MRI.before(START, pay("cheque"))),
], clients={"consumer": (), "abroad": ("--country", "BE"), "short": (), "no-credit": (),
            "business": ("--business",), "fresh": ()},
    credit={"consumer": "100", "abroad": "100", "short": "0.5", "business": "100",
            "fresh": "100"}, bought_today=("fresh",))

_MA = Plan((CODE_CONSENT, BACKUP, START, DISCONNECT, STOP, RECEIPT))
MICRO_ALPES = Policy("micro-alpes", _MA, [
    Case("withdrawal-waiver", "error", "2", _MA.options()),
    Case("consent-before-access", "error", "7, art. 1",
         _MA.without(CODE_CONSENT).replacing(START, NO_CONSENT_START)),
    Case("consent-before-access", "error", "7, art. 1", _MA.replacing(CODE_CONSENT, CONSENT)),
    Case("disconnect-confirmed", "error", "7, art. 1", _MA.without(DISCONNECT)),
    Case("backup-status-recorded", "warning", "13", _MA.without(BACKUP)),
    Case("notes-free-of-secrets", "warning", "13", _MA.after(START, UNSCANNED_NOTE)),
    Case("receipt-issued", "error", "13", _MA.without(RECEIPT)),
    Case("clock-consistent", "warning", "3", _MA.before(START, LATE_FACT)),
    # Micro-Alpes 5, 7: at the client's or remote, no workshop
    Case("mode-offered", "warning", "5, 7",
         _MA.options("--ordered-at", OLD_ORDER, "--mode", "workshop", "--rate", "40")),
    # on site: paid by card, where the terms say cheque or cash
    Case("payment-method-accepted", "warning", "3",
         Plan((CONSENT, BACKUP, pay("card"), START, STOP),
              new=("--ordered-at", OLD_ORDER, "--mode", "onsite"))),
])

_FG = Plan((CONSENT, START, STOP, RECEIPT))
FGDMI = Policy("fgdmi", _FG, [
    Case("receipt-issued", "error", "II.3", _FG.without(RECEIPT)),
    Case("client-category", "warning", "II.6", _FG.options(client="business")),
    Case("payment-method-accepted", "error", "II.2",
         _FG.after(START, pay("cheque")).options("--ordered-at", OLD_ORDER, "--mode", "onsite")),
    Case("consent-before-access", "warning", "Code pénal, art. 323-1",
         _FG.before(CONSENT, REQUESTED_COPY)),
    Case("notes-free-of-secrets", "warning", "RGPD art. 5(1)(c)",
         _FG.after(START, UNSCANNED_NOTE)),
], clients={"consumer": (), "business": ("--business",)})

_VLH = Plan((CONSENT, QUOTE, BACKUP, START, STOP, RECEIPT))
VLH = Policy("vlh", _VLH, [
    Case("quote-accepted-before-start", "error", "3.2", _VLH.without(QUOTE)),
    Case("consent-before-access", "error", "3.1, 4.2",
         _VLH.without(CONSENT).replacing(START, NO_CONSENT_START)),
    Case("notes-free-of-secrets", "error", "4.2", _VLH.after(START, UNSCANNED_NOTE)),
    Case("receipt-issued", "warning", "5.3", _VLH.without(RECEIPT)),
    Case("backup-status-recorded", "error", "6.2", _VLH.without(BACKUP)),
    Case("artifact-requires-client-request", "error", "4.2, 8.5",
         _VLH.after(START, SCREENSHOT)),
    Case("consent-before-access", "error", "3.1, 4.2", _VLH.before(CONSENT, REQUESTED_COPY)),
    Case("clock-consistent", "warning", "3.3", _VLH.before(START, LATE_FACT)),
    Case("client-category", "error", "1, 2", _VLH.options(client="business")),
    Case("payment-not-acceptance", "warning", "3.2", _VLH.before(QUOTE, pay("cash"))),
    Case("payment-method-accepted", "warning", "5.4", _VLH.after(QUOTE, pay("card"))),
], clients={"consumer": (), "business": ("--business",)})

POLICIES = {p.id: p for p in (MD, MRI87, MICRO_ALPES, FGDMI, VLH)}


# --- building the sessions -------------------------------------------------------------


@dataclass
class Built:
    cli: Cli
    clean: str
    baseline: str
    broken: list[str]
    reports: dict[str, dict[str, Any]]  # session -> its report in `check --day --json`
    log: list[dict[str, Any]]  # `sessiond log --json`

    def log_client(self, session: str) -> str:
        return next(e["client"] for e in self.log if e["session"] == session)


def _unscanned_note(home: Path, session: str, text: str) -> None:
    """A note the service's scan would refuse, stored as an older sessiond (or a scanner's
    false negative) would have stored it: what the check's re-scan is there to catch."""
    from sessiond import sessions

    with _IN_PROCESS:
        _store_note(sessions, home, session, text)


_IN_PROCESS = threading.Lock()  # the patch and the environment are the process's own


def _store_note(sessions: Any, home: Path, session: str, text: str) -> None:
    saved = os.environ.get("SESSIOND_HOME")
    os.environ["SESSIOND_HOME"] = str(home)
    refuse, sessions.refuse_secrets = sessions.refuse_secrets, lambda personal, *_a: None
    try:
        service = sessions.Sessiond()
        service.note(session, text)
        service.close()
    finally:
        sessions.refuse_secrets = refuse
        if saved is None:
            del os.environ["SESSIOND_HOME"]
        else:
            os.environ["SESSIOND_HOME"] = saved


def _run(cli: Cli, policy_id: str, plan: Plan, clients: dict[str, str], out: Path) -> str:
    session = cli("session", "new", clients[plan.client], "--policy", policy_id,
                  *plan.new).out.strip()
    now = datetime.now(UTC).replace(microsecond=0)
    for step in plan.steps:
        args = [a.format(s=session, out=out, ago3=(now - timedelta(minutes=3)).isoformat(),
                         ago2=(now - timedelta(minutes=2)).isoformat()) for a in step]
        if args[0] == "*unscanned-note":
            _unscanned_note(cli.home, session, args[2])
        else:
            cli(*args)
    return session


def build(policy: Policy, root: Path) -> Built:
    home = root / "home"
    home.mkdir(parents=True)
    (home / "config.toml").write_text(TECHNICIAN, "utf-8")  # receipts need an identity
    cli = Cli(home, {**os.environ, "SESSIOND_HOME": str(home), "SESSIOND_LANG": "fr",
                     "TZ": "UTC"})
    clients = {}
    for key, options in (policy.clients or {"consumer": ()}).items():
        clients[key] = cli("client", "add", f"Client {key}", *options).out.strip()
        if key in policy.credit:
            when = () if key in policy.bought_today else ("--at", OLD_ORDER, "--yes")
            cli("credit", "add", clients[key], "--hours", policy.credit[key], *when)
    out = root / "receipts"
    clean = _run(cli, policy.id, policy.clean, clients, out)
    baseline = clean
    if RECEIPT in policy.clean.steps:
        baseline = _run(cli, policy.id, policy.clean.without(RECEIPT), clients, out)
    # Breaking sessions are built like the baseline (no receipt), two at a time: each is
    # a chain of commands, independent of the others (the store serializes the writes).
    with ThreadPoolExecutor(max_workers=2) as pool:
        broken = list(pool.map(
            lambda case: _run(cli, policy.id, case.plan.without(RECEIPT), clients, out),
            policy.cases))
    day = cli("check", "--day", "today", "--json", check=False).json
    reports = {r["session"]: r for r in day["sessions"]}
    return Built(cli, clean, baseline, broken, reports, cli.json("log"))


_built: dict[str, Built] = {}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Built]]:
    def get(policy_id: str) -> Built:
        if policy_id not in _built:
            _built[policy_id] = build(POLICIES[policy_id], tmp_path_factory.mktemp(policy_id))
        return _built[policy_id]

    yield get
    _built.clear()


# The builder runs two sessions at once on the wall clock (and MRI87's prepaid case starts
# two minutes back): their clocks really overlap, the same minutes billed twice, whichever
# sessions the scheduling pairs. That rule has its own tests (test_overlapping_sessions.py);
# here it would only say how the threads interleaved.
BUILD_ARTEFACT = "overlapping-sessions"


def rules(report: dict[str, Any]) -> set[str]:
    return {f["rule"] for f in report["findings"]} - {BUILD_ARTEFACT}


# --- the tests -------------------------------------------------------------------------


@pytest.mark.parametrize("policy_id", list(POLICIES))
def test_clean_session_has_no_error_finding(built: Callable[[str], Built],
                                            policy_id: str) -> None:
    b = built(policy_id)
    report = b.reports[b.clean]
    assert report["errors"] == 0, report["findings"]
    assert report["findings"] == [], "a clean session keeps every promise of its terms"
    assert b.cli("check", b.clean).code == 0
    # The check ran at the stop and was recorded in the log, under the policy's version.
    recorded = [e for e in b.log if e["session"] == b.clean and e["kind"] == "check-completed"]
    assert len(recorded) == 1
    assert recorded[0]["body"]["policy"] == policy_id
    assert recorded[0]["body"]["policy_digest"] == report["policy_digest"]


CASES = [pytest.param(policy.id, i, id=f"{policy.id}:{case.rule}:{i}")
         for policy in POLICIES.values() for i, case in enumerate(policy.cases)]


@pytest.mark.parametrize(("policy_id", "index"), CASES)
def test_breaking_a_rule_gives_exactly_that_finding(built: Callable[[str], Built],
                                                    policy_id: str, index: int) -> None:
    b = built(policy_id)
    case = POLICIES[policy_id].cases[index]
    session = b.broken[index]
    report = b.reports[session]
    baseline = rules(b.reports[b.baseline])
    assert rules(report) == baseline | {case.rule}, report["findings"]
    found = [f for f in report["findings"] if f["rule"] == case.rule]
    assert len(found) == 1, found
    finding = found[0]
    assert (finding["severity"], finding["article"]) == (case.severity, case.article)
    assert finding["message"] and finding["events"], finding
    # A payment method is named in words, never by its id ("Payé par carte", not "card").
    assert not re.search(r"\b(card|cash|cheque|transfer)\b", finding["message"]), finding
    # So is a consent channel ("code de l'outil de prise en main", not "tool-code"), and a
    # country ("Belgique", not "BE").
    assert "tool-code" not in finding["message"], finding
    assert not re.search(r"\b(BE|FR)\b", finding["message"]), finding
    # The events it cites are the session's own, or its client's (status, credit).
    client = b.log_client(session)
    shown = {e["seq"] for e in b.log if e["session"] == session or
             (e["session"] is None and e["client"] == client)}
    assert set(finding["events"]) <= shown


def test_a_copy_the_client_asked_for_after_his_consent_is_no_finding(cli: Cli) -> None:
    """The copy that shows an access before consent is reported by its date: the same copy
    once he consented (still before the start) breaks nothing."""
    client = cli("client", "add", "Client Témoin").out.strip()
    session = cli("session", "new", client, "--policy", "vlh", "--ordered-at",
                  OLD_ORDER).out.strip()
    for step in (CONSENT, REQUESTED_COPY, QUOTE, BACKUP, START, STOP):
        cli(*[a.format(s=session) for a in step])
    findings = cli.json("check", session)["findings"]
    assert {f["rule"] for f in findings} == {"receipt-issued"}, findings  # none given here


def test_help_by_phone_is_not_asked_for_the_remote_tool_code_or_a_disconnection(
        cli: Cli) -> None:
    """Micro-Alpes 7, art. 1: giving the tool's one-time code is consenting to its control
    of the machine, and after the work the technician disconnects. A session by phone
    (session new --tool phone) takes no control: its consent by phone and its end without a
    disconnection were two errors; the same session through TeamViewer still gets both."""
    client = cli("client", "add", "Client Témoin").out.strip()
    (cli.home / "config.toml").write_text(TECHNICIAN, "utf-8")  # receipts need an identity
    reports = {}
    for tool in ("phone", "teamviewer"):
        session = cli("session", "new", client, "--policy", "micro-alpes", "--tool", tool,
                      "--ordered-at", OLD_ORDER).out.strip()
        cli("consent", session, "--channel", "phone", "--by", "Client Témoin")
        for step in (BACKUP, START, STOP, RECEIPT):
            cli(*[a.format(s=session, out=cli.home / "receipts") for a in step])
        reports[tool] = cli("check", session, "--json", check=False).json
    assert reports["phone"]["findings"] == [], reports["phone"]["findings"]
    assert "disconnect-confirmed" in reports["phone"]["not_covered"]
    assert {(f["rule"], f["severity"], f["article"])
            for f in reports["teamviewer"]["findings"]} == {
        ("consent-before-access", "error", "7, art. 1"),
        ("disconnect-confirmed", "error", "7, art. 1")}


def test_an_intervention_begun_before_its_support_ticket_is_reported(cli: Cli) -> None:
    """MRI87 13: the intervention follows the ticket and the proposal made on it; begun
    before the ticket was opened, it was within no delay of it (it passed as 'on time')."""
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(minutes: int) -> str:
        return (now - timedelta(minutes=minutes)).isoformat()

    client = cli("client", "add", "Client Témoin").out.strip()
    cli("credit", "add", client, "--hours", "10", "--at", OLD_ORDER, "--yes")
    findings = {}
    for ticket in (30, 60):  # opened after the start (45 min ago), then before it
        session = cli("session", "new", client, "--policy", "mri87", "--ordered-at",
                      OLD_ORDER, "--ticket-at", ago(ticket)).out.strip()
        for step in (CONSENT, BACKUP):
            cli(*[a.format(s=session) for a in step], "--at", ago(50))
        cli("start", session, "--at", ago(45))
        cli("stop", session, "--at", ago(10))
        findings[ticket] = [f for f in cli.json("check", session)["findings"]
                            if f["rule"] == "intervention-within-delay"]
    [early] = findings[30]
    assert (early["severity"], early["article"]) == ("warning", "13")
    assert "avant l'ouverture du ticket" in early["message"]
    assert findings[60] == []


@pytest.mark.parametrize("policy_id", list(POLICIES))
def test_a_clean_session_says_what_its_terms_leave_unchecked(built: Callable[[str], Built],
                                                            policy_id: str) -> None:
    """No finding vouches only for the points the terms (or the law) cover: VLH says
    nothing of a disconnection, FGDMI nothing of a backup, MD nothing of a quote."""
    b = built(policy_id)
    report = b.reports[b.clean]
    uncovered = set(report["not_covered"])
    expected = {"vlh": "disconnect-confirmed", "fgdmi": "backup-status-recorded",
                "md-micro-services": "quote-accepted-before-start",
                "mri87": "sensitive-docs-warning", "micro-alpes": "payment-before-start"}
    assert expected[policy_id] in uncovered
    assert not uncovered & rules(report)  # a rule that found something was in force
    assert "consent-before-access" not in uncovered  # the law's, where the terms are silent
    text = b.cli("check", b.clean).out
    assert "conditions respectées" not in text
    assert "aucun constat sur les points que couvrent ces conditions" in text
    line = next(x for x in text.splitlines() if "Non couverts par ces conditions" in x)
    assert ("Déconnexion" in line) == ("disconnect-confirmed" in uncovered)
    assert "disconnect-confirmed" not in line  # the rules by their titles
    if shutil.which("pdftotext") is not None:  # the technician's report says the same
        pdf = b.cli.home.parent / f"{policy_id}.pdf"
        b.cli("check", b.clean, "--pdf", str(pdf))
        written = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                          capture_output=True, text=True).stdout.split())
        assert "respecté les conditions" not in written
        assert "Aucune anomalie sur les points que couvrent ces conditions" in written
        assert "Non couverts par ces conditions" in written


@pytest.mark.parametrize(("policy_id", "severity", "article"), [
    ("micro-alpes", "error", "7, art. 1"), ("vlh", "warning", "Code pénal, art. 323-1")])
def test_a_copy_made_after_the_stop_is_an_access_after_it(cli: Cli, policy_id: str,
                                                          severity: str, article: str) -> None:
    """Micro-Alpes 7, art. 1: after the work the technician disconnects and can no longer
    take control (the law where the terms are silent). A copy made 10 min after the stop,
    even at the client's request, was made on his machine then; one within the two minutes
    it takes to close the window is not reported."""
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(minutes: float) -> str:
        return (now - timedelta(minutes=minutes)).isoformat()

    client = cli("client", "add", "Client Témoin").out.strip()
    found = {}
    for after in (10, 1):
        session = cli("session", "new", client, "--policy", policy_id, "--ordered-at",
                      OLD_ORDER).out.strip()
        for step in (CODE_CONSENT, QUOTE, BACKUP):
            if policy_id == "vlh" or step != QUOTE:
                cli(*[a.format(s=session) for a in step], "--at", ago(60))
        cli("start", session, "--at", ago(50))
        cli(*[a.format(s=session) for a in DISCONNECT], "--at", ago(30))
        cli("stop", session, "--at", ago(30))
        cli(*[a.format(s=session) for a in REQUESTED_COPY], "--at", ago(30 - after))
        report = cli("check", session, "--json", check=False).json
        found[after] = [f for f in report["findings"]
                        if f["rule"] == "remote-access-after-stop"]
    [late] = found[10]
    assert (late["severity"], late["article"]) == (severity, article)
    assert "après l'arrêt" in late["message"] and "une copie de fichier" in late["message"]
    assert found[1] == []


@pytest.mark.parametrize(("policy_id", "severity", "article"), [
    ("micro-alpes", "error", "7, art. 1"), ("md-micro-services", "error", "4, 7"),
    ("fgdmi", "warning", "Code pénal, art. 323-1")])
def test_work_resumed_after_a_disconnection_needs_a_new_consent(
        cli: Cli, policy_id: str, severity: str, article: str) -> None:
    """Micro-Alpes 7, art. 1: once disconnected the technician 'ne peut plus prendre le
    contrôle', and giving the tool's code is the consent to it; MD 7 'la session est
    temporaire'. Disconnected for lunch, then resumed, the access taken again had no
    consent: it passed without a word. A new code given before the resume keeps it."""
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(minutes: float) -> str:
        return (now - timedelta(minutes=minutes)).isoformat()

    client = cli("client", "add", "Client Témoin").out.strip()
    found, said = {}, {}
    for again in (False, True):
        session = cli("session", "new", client, "--policy", policy_id, "--ordered-at",
                      OLD_ORDER, "--client-os", "windows").out.strip()
        for step in (CODE_CONSENT, BACKUP, WARNED, pay("card")):
            cli(*[a.format(s=session) for a in step], "--at", ago(9))
        cli("start", session, "--at", ago(8))
        cli("pause", session, "--at", ago(7))
        cli(*[a.format(s=session) for a in DISCONNECT], "--at", ago(7))
        if again:
            cli(*[a.format(s=session) for a in CODE_CONSENT], "--at", ago(5))
        said[again] = cli("resume", session, "--at", ago(4)).err
        cli("stop", session, "--at", ago(2))
        cli(*[a.format(s=session) for a in DISCONNECT], "--at", ago(2))
        report = cli("check", session, "--json", check=False).json
        found[again] = [f for f in report["findings"] if f["rule"] == "consent-before-access"]
    # The resume says so at once, with the command that records the consent.
    assert "sans nouveau consentement" in said[False]
    assert "→ sessiond consent s-" in said[False]
    assert said[True] == ""
    [resumed] = found[False]
    assert (resumed["severity"], resumed["article"]) == (severity, article)
    assert "sans nouveau consentement" in resumed["message"], resumed["message"]
    assert found[True] == []


@pytest.mark.parametrize(("policy_id", "severity", "article"), [
    ("micro-alpes", "error", "7, art. 1"), ("md-micro-services", "warning", "7")])
def test_a_disconnection_long_after_the_stop_is_reported(cli: Cli, policy_id: str,
                                                         severity: str, article: str) -> None:
    """Micro-Alpes 7, art. 1: 'Après l'intervention, le technicien se déconnecte'. Stopped
    at 10 h, disconnected at 14 h: the disconnection was taken as the one after the work,
    though he could take control for four more hours. One five minutes after the stop (the
    technician pressing 'd' after closing the window) is it, and so is one recorded again
    at its right time."""
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(minutes: float) -> str:
        return (now - timedelta(minutes=minutes)).isoformat()

    client = cli("client", "add", "Client Témoin").out.strip()
    found = {}
    for gone in ((240,), (5,), (240, 1)):  # minutes after the stop
        session = cli("session", "new", client, "--policy", policy_id, "--ordered-at",
                      OLD_ORDER, "--client-os", "windows").out.strip()
        for step in (CODE_CONSENT, BACKUP, WARNED, pay("card")):
            cli(*[a.format(s=session) for a in step], "--at", ago(305))
        cli("start", session, "--at", ago(304), "--yes")
        cli("stop", session, "--at", ago(300), "--yes")
        for minutes in gone:
            cli(*[a.format(s=session) for a in DISCONNECT], "--at", ago(300 - minutes),
                "--yes")
        report = cli("check", session, "--json", check=False).json
        found[gone] = [f for f in report["findings"] if f["rule"] == "disconnect-confirmed"]
    [late] = found[(240,)]
    assert (late["severity"], late["article"]) == (severity, article)
    assert "4 h après l'arrêt" in late["message"], late["message"]
    assert found[(5,)] == [] and found[(240, 1)] == []


@pytest.mark.parametrize(("policy_id", "article"), [
    ("vlh", "5.3"), ("micro-alpes", "13"), ("md-micro-services", "5"), ("mri87", "7.1")])
def test_a_receipt_stale_after_a_correction_cites_an_article_of_the_terms(
        cli: Cli, policy_id: str, article: str) -> None:
    """Every finding cites an article: a receipt issued before the stop was amended was
    reported under MD and MRI87, whose terms promise no receipt, with none ('Relevé à
    jour :', article '-'); it cites what prices the time it states (MD 5, MRI87 7.1), and
    the receipt article where the terms have one (VLH 5.3, Micro-Alpes 13)."""
    now = datetime.now(UTC).replace(microsecond=0)

    def ago(minutes: float) -> str:
        return (now - timedelta(minutes=minutes)).isoformat()

    client = cli("client", "add", "Client Témoin").out.strip()
    (cli.home / "config.toml").write_text(TECHNICIAN, "utf-8")  # receipts need an identity
    if policy_id == "mri87":
        cli("credit", "add", client, "--hours", "10", "--at", OLD_ORDER, "--yes")
    session = cli("session", "new", client, "--policy", policy_id, "--ordered-at", OLD_ORDER,
                  "--client-os", "windows").out.strip()
    for step in (CODE_CONSENT, QUOTE, BACKUP, WARNED):
        cli(*[a.format(s=session) for a in step], "--at", ago(9))
    cli("start", session, "--at", ago(8))
    cli("stop", session, "--at", ago(3))
    cli(*[a.format(s=session, out=cli.home / "receipts") for a in RECEIPT])
    stop = next(e["seq"] for e in cli.json("log", session) if e["kind"] == "session-stopped")
    cli("amend", session, str(stop), "--at", ago(4), "--reason", "arrêté une minute plus tôt")
    report = cli("check", session, "--json", check=False).json
    [stale] = [f for f in report["findings"] if f["rule"] == "receipt-current"]
    assert stale["article"] == article
    assert all(f["article"] not in ("", "-") for f in report["findings"]), report["findings"]
    assert f"Relevé à jour (art. {article})" in cli("check", session, check=False).out



def test_a_session_that_never_started_is_not_said_to_have_kept_its_terms(cli: Cli) -> None:
    """No intervention took place: the check says so (planned, or cancelled), never
    'conditions respectées', and lists no point as unchecked."""
    client = cli("client", "add", "Client Témoin").out.strip()
    planned = cli("session", "new", client, "--policy", "vlh").out.strip()
    cancelled = cli("session", "new", client, "--policy", "vlh").out.strip()
    cli("cancel", cancelled, "--reason", "prévue par erreur")
    for session, said, state in ((planned, "pas encore commencée", "planned"),
                                 (cancelled, "annulée avant son début", "cancelled")):
        text = cli("check", session).out
        assert said in text.splitlines()[0] and "respectées" not in text
        assert "Non couverts" not in text
        report = cli.json("check", session)
        assert (report["not_started"], report["not_covered"]) == (state, [])
    if shutil.which("pdftotext") is not None:
        pdf = cli.home.parent / "annulee.pdf"
        cli("check", cancelled, "--pdf", str(pdf))
        written = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                          capture_output=True, text=True).stdout.split())
        assert "annulée avant son début" in written
        assert "respecté les conditions" not in written


def test_exit_codes_and_secret_never_echoed(built: Callable[[str], Built]) -> None:
    b = built("vlh")
    assert {b.clean, *b.broken} <= set(b.reports)
    result = b.cli("check", "--day", "today", check=False)
    assert result.code == 1  # some sessions of the day break error rules
    assert "Soleil2024" not in result.out + result.err
    assert "mot de passe" in result.out  # what was found is named, never the value
    warned_only = b.broken[[c.rule for c in VLH.cases].index("payment-not-acceptance")]
    assert b.reports[warned_only]["errors"] == 0
    assert b.cli("check", warned_only).code == 0  # warnings do not fail the check
    errors = b.broken[[c.rule for c in VLH.cases].index("quote-accepted-before-start")]
    assert b.cli("check", errors, check=False).code == 1


def test_start_tells_what_the_policy_still_requires(cli: Cli) -> None:
    client = cli("client", "add", "Client Témoin").out.strip()
    session = cli("session", "new", client, "--policy", "md-micro-services",
                  "--client-os", "macos").out.strip()
    refused = cli("start", session, check=False)
    assert refused.code == 2  # consent is the only hard block
    # Each rule by its title (labels.rule), with its article.
    for rule, article in (("Documents sensibles fermés", "art. 7"),
                          ("Paiement avant le début", "art. 6"),
                          ("Sauvegarde proposée", "art. 8"),
                          ("Demande de commencer pendant le délai de rétractation", "art. 10"),
                          ("Système pris en charge", "art. 2")):
        line = next(line for line in refused.err.splitlines() if rule in line)
        assert article in line
    assert f"sessiond record {session} sensitive-docs-warned" in refused.err
    assert "sessiond consent" in refused.err  # the start's own refusal says how
    cli(*[a.format(s=session) for a in CONSENT])
    for step in (WARNED, BACKUP, pay("card"), WAIVER):
        cli(*[a.format(s=session) for a in step])
    started = cli("start", session)  # warnings do not block
    assert started.err.count("\n") == 1 and "Système pris en charge" in started.err


def test_a_start_without_consent_is_reported_even_when_the_terms_are_silent(cli: Cli) -> None:
    """FGDMI's terms state no consent rule; the law does (Code pénal art. 323-1)."""
    client = cli("client", "add", "Noé Girard").out.strip()
    session = cli("session", "new", client, "--policy", "fgdmi").out.strip()
    cli("start", session, "--without-consent", "--reason", "client injoignable")
    cli("stop", session)
    findings = cli("check", session, "--json", check=False).json["findings"]
    consent = [f for f in findings if f["rule"] == "consent-before-access"]
    assert [(f["severity"], f["article"]) for f in consent] == [
        ("warning", "Code pénal, art. 323-1")]


@pytest.mark.parametrize(("policy_id", "article"), [
    ("md-micro-services", "5"), ("vlh", "3.3"), ("mri87", "7.1"), ("micro-alpes", "3")])
def test_a_clock_left_running_overnight_is_reported(cli: Cli, policy_id: str,
                                                    article: str) -> None:
    """Started one evening and stopped at noon the next day, no pause: 13 hours billed as
    worked passed without a word, though the terms bill the time actually spent (MD 5,
    VLH 3.3, MRI87 7.1, Micro-Alpes 3); the check says how long it ran and which event to
    correct."""
    now = datetime.now(UTC).replace(microsecond=0)
    client = cli("client", "add", "Client Témoin").out.strip()
    session = cli("session", "new", client, "--policy", policy_id, "--ordered-at", OLD_ORDER,
                  "--client-os", "windows").out.strip()
    cli(*[a.format(s=session) for a in CODE_CONSENT], "--at",
        (now - timedelta(hours=13, minutes=5)).isoformat(), "--yes")
    cli("start", session, "--at", (now - timedelta(hours=13)).isoformat(), "--yes")
    cli("stop", session, "--at", (now - timedelta(minutes=1)).isoformat())
    report = cli("check", session, "--json", check=False).json
    [left] = [f for f in report["findings"]
              if f["rule"] == "clock-consistent" and "sans pause" in f["message"]]
    assert (left["severity"], left["article"]) == ("warning", article)
    stop = next(e["seq"] for e in cli.json("log", session) if e["kind"] == "session-stopped")
    assert "12 h 59 min" in left["message"] and f"amend {session} {stop} --at" in left["message"]
    assert stop in left["events"]


@pytest.mark.parametrize("policy_id", ["vlh", "micro-alpes", "fgdmi"])
def test_a_start_without_consent_on_site_is_reported_too(cli: Cli, policy_id: str) -> None:
    """VLH 4.2 and Micro-Alpes 7, art. 1 speak of remote access, and the law's baseline
    was remote only: at the client's home, a start recorded WITHOUT his consent (his
    daughter let the technician in) gave no finding and listed consent as not covered,
    though DESIGN's 'consent first' has such an exception reported. A start on site after
    the client's consent still gives none."""
    client = cli("client", "add", "Noé Girard").out.strip()
    found = {}
    for without in (True, False):
        session = cli("session", "new", client, "--policy", policy_id, "--mode", "onsite",
                      "--ordered-at", OLD_ORDER).out.strip()
        if without:
            cli("start", session, "--without-consent", "--reason", "sa fille m'a ouvert")
        else:
            cli(*[a.format(s=session) for a in CONSENT])
            cli("start", session)
        cli("stop", session)
        report = cli("check", session, "--json", check=False).json
        found[without] = [f for f in report["findings"] if f["rule"] == "consent-before-access"]
        assert ("consent-before-access" in report["not_covered"]) is not without
    [consent] = found[True]
    assert (consent["severity"], consent["article"]) == ("warning", "Code pénal, art. 323-1")
    assert "SANS le consentement du client" in consent["message"]
    assert found[False] == []


@pytest.mark.parametrize("policy_id", ["vlh", "micro-alpes", "fgdmi"])
@pytest.mark.parametrize("mode", ["onsite", "workshop"])
def test_a_start_on_site_before_the_consent_is_reported_as_one_without(
        cli: Cli, policy_id: str, mode: str) -> None:
    """Consent first (DESIGN.md) in every mode: at the client's home, a consent dated
    after the start (typed with --at, or its time corrected by amend) is a start without
    his consent before it, reported under the law as a start WITHOUT consent is, though
    the terms' consent article speaks of remote access only (VLH 4.2, Micro-Alpes 7,
    art. 1). Its time corrected back to before the start, there is no finding again."""
    now = datetime.now(UTC).replace(microsecond=0)
    client = cli("client", "add", "Noé Girard").out.strip()
    session = cli("session", "new", client, "--policy", policy_id, "--mode", mode,
                  "--rate", "50", "--ordered-at", OLD_ORDER).out.strip()
    cli(*[a.format(s=session) for a in CONSENT], "--at",
        (now - timedelta(minutes=4)).isoformat())
    cli("start", session, "--at", (now - timedelta(minutes=5)).isoformat())
    cli("stop", session, "--at", (now - timedelta(minutes=1)).isoformat())

    def consent_findings() -> tuple[list[dict[str, Any]], list[str]]:
        report = cli("check", session, "--json", check=False).json
        return ([f for f in report["findings"] if f["rule"] == "consent-before-access"],
                report["not_covered"])

    [late], uncovered = consent_findings()
    assert (late["severity"], late["article"]) == ("warning", "Code pénal, art. 323-1")
    assert "après le début" in late["message"]
    assert "consent-before-access" not in uncovered
    events = cli.json("log", session)
    consent = next(e["seq"] for e in events if e["kind"] == "consent-recorded")
    start = next(e["seq"] for e in events if e["kind"] == "session-started")
    assert {consent, start} <= set(late["events"])
    # Corrected to before the start: the start on site after a consent gives no finding.
    cli("amend", session, str(consent), "--at", (now - timedelta(minutes=6)).isoformat(),
        "--reason", "heure mal saisie")
    found, uncovered = consent_findings()
    assert found == [] and "consent-before-access" in uncovered
    # Corrected to after it again: the finding cites the amendment that set its time.
    cli("amend", session, str(consent), "--at", (now - timedelta(minutes=3)).isoformat(),
        "--reason", "c'était bien après")
    [again], _ = consent_findings()
    amendment = [e for e in cli.json("log", session) if e["kind"] == "instant-amended"][-1]
    assert amendment["seq"] in again["events"]


@pytest.mark.parametrize(("policy_id", "words", "not_said"), [
    # VLH 4.2 and Micro-Alpes 13 promise confidentiality; only MD 15 says that no password
    # is written down: a refusal citing an article quotes what that article says.
    ("vlh", "ne pas enregistrer d’informations sensibles sans le consentement préalable",
     "aucun mot de passe n'est noté"),
    ("micro-alpes", "respecter la confidentialité de toutes les informations",
     "aucun mot de passe n'est noté"),
    ("md-micro-services", "Aucun mot de passe n’est noté ou stocké par le Prestataire",
     "seules les informations strictement nécessaires"),
])
def test_a_secret_refused_quotes_the_article_it_cites(cli: Cli, policy_id: str, words: str,
                                                       not_said: str) -> None:
    client = cli("client", "add", "Lucie Marchal").out.strip()
    session = cli("session", "new", client, "--policy", policy_id).out.strip()
    refused = cli("note", session, "mot de passe : Soleil2024!", check=False)
    assert refused.code == 2 and "Soleil2024" not in refused.err
    assert words in refused.err and not_said not in refused.err


def test_a_start_refused_for_consent_names_the_channel_the_terms_ask_for(cli: Cli) -> None:
    """Micro-Alpes 7, art. 1: giving the remote tool's code is the consent. The refusal
    lists every channel; the terms' own requirement says which one counts."""
    client = cli("client", "add", "Paul Favre").out.strip()
    session = cli("session", "new", client, "--policy", "micro-alpes").out.strip()
    refused = cli("start", session, check=False)
    assert refused.code == 2
    assert f"→ sessiond consent {session} --channel tool-code --by" in refused.err
    line = next(line for line in refused.err.splitlines() if "Consentement avant" in line)
    assert "art. 7, art. 1" in line
    # Terms that accept any channel: the refusal alone says it, once.
    other = cli("session", "new", client, "--policy", "md-micro-services").out.strip()
    assert "Consentement avant" not in cli("start", other, check=False).err


@pytest.mark.parametrize("mode", ["onsite", "workshop"])
def test_a_copy_on_site_under_terms_that_speak_of_remote_copies_only_is_the_law_s(
        cli: Cli, mode: str) -> None:
    """MD 15 forbids copies "dans le cadre d'une Assistance à distance": its rule covers
    remote sessions only, so a file copied without the client's request at his home or in
    the workshop went unreported, where terms silent on copies (FGDMI's) have the law's
    rule in every mode. Where the terms are silent for the mode, the law applies (Code
    pénal art. 323-3, a warning); the copy he asked for is no finding."""
    def copies(*artifact: str) -> list[dict[str, Any]]:
        client = cli("client", "add", "Client Témoin").out.strip()
        session = cli("session", "new", client, "--policy", "md-micro-services",
                      "--mode", mode, "--ordered-at", "2025-01-01T10:00:00+01:00"
                      ).out.strip()
        cli("consent", session, "--channel", "oral", "--by", "Client Témoin", "--at",
            "2025-01-20T09:55:00+01:00", "--yes")
        cli("start", session, "--at", "2025-01-20T10:00:00+01:00", "--yes")
        cli("record", session, "artifact", "--kind", "file-copy", *artifact, "--at",
            "2025-01-20T10:10:00+01:00", "--yes")
        cli("stop", session, "--at", "2025-01-20T10:30:00+01:00", "--yes")
        report = cli("check", session, "--json", check=False).json
        assert "artifact-requires-client-request" not in report["not_covered"], report
        return [f for f in report["findings"]
                if f["rule"] == "artifact-requires-client-request"]

    [unasked] = copies()
    assert (unasked["severity"], unasked["article"]) == ("warning", "Code pénal, art. 323-3")
    assert copies("--client-request", "demandé sur place") == []
