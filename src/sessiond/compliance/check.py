"""Checking a session against its policy, and telling what the policy asks before a start.

Pure: the service gathers the `Facts` (the session's events, the client, the policy, the
client's history when a rule reads it) and these functions run the rules the session's
policy turns on for its mode. The service records the result (`check-completed`) in the
stop's own transaction, so the log shows what was checked, when, and under which version
of the policy (its digest).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from sessiond.compliance.facts import Facts
from sessiond.compliance.findings import Finding, Outcome, Report, Requirement
from sessiond.compliance.rules import INFO, RULES, consent_channels
from sessiond.i18n import _
from sessiond.model import (
    BACKUP_ANSWERS,
    CHANNELS,
    NO_CONTROL_TOOLS,
    PAYMENT_METHODS,
    QUOTE_FORMS,
    SECRETS_RULE,
    WAIVER_MEDIA,
    Interval,
    Session,
    State,
)

if TYPE_CHECKING:
    from sessiond.policy import Policy, RuleSpec


def evaluate(facts: Facts) -> Report:
    """The findings of the rules the session's policy turns on for its mode."""
    policy, session = facts.policy, facts.session
    specs = {rule_id: active(policy, rule_id, session) for rule_id in RULES}
    findings = [f for rule_id, spec in specs.items() if spec
                for f in RULES[rule_id](facts, spec)]
    not_covered, not_started = coverage(policy, session, started=facts.started)
    return Report(session.id, policy.id, policy.digest, tuple(findings),
                  document=f"{policy.document.name} — {policy.document.business}",
                  not_covered=not_covered, not_started=not_started)


def coverage(policy: Policy, session: Session, *, started: bool
             ) -> tuple[tuple[str, ...], str | None]:
    """The rules nothing in force checks for the session (its terms for its mode, or the
    law's baseline), and its state when it never started (else None)."""
    # A session that never started is no intervention: nothing of the terms was due yet
    # (planned) or ever (cancelled), so no point is "not covered" either.
    if not started:
        return (), session.state.value
    return tuple(r for r in RULES if active(policy, r, session) is None), None


# What a session cancelled as a duplicate still answers for: facts recorded in it alone,
# that the check of the session holding the work does not see (a copy made, a secret
# kept in its text). Its start, its payment, its disconnection and its receipt are the
# work's, and the other session's check reports them.
DUPLICATE_OWN = ("artifact-requires-client-request", SECRETS_RULE)


# The rules that say a document handed to the client (a receipt, an invoice) no longer
# states the session as the log holds it: a correction reports them at once.
DOCUMENT_RULES = ("receipt-current", "invoice-current")


def as_duplicate(report: Report, holder: str) -> Report:
    """The report of a session cancelled as the duplicate of `holder`."""
    return replace(report, duplicate_of=holder, not_covered=(),
                   findings=tuple(f for f in report.findings if f.rule in DUPLICATE_OWN))


def duplicate_note(holder: str) -> str:
    """What the check and the report of a cancelled duplicate say of it."""
    return _("Cancelled as a duplicate of {holder}: the work and its check are {holder}'s "
             "(sessiond check {holder}); only what was recorded in this session alone is "
             "reported here.", holder=holder)


def summary(report: Outcome) -> str | None:
    """What a report without a finding says of the session, or None when it has some:
    never that it kept its terms when nothing was checked, or not everything was."""
    if report.findings:
        return None
    if report.duplicate_of is not None:
        # Its work is the other session's: "kept its terms" would vouch for what this
        # check did not look at.
        return _("a duplicate: nothing of its own to report")
    if report.not_started == "cancelled":
        return _("cancelled before it started: no intervention to check")
    if report.not_started is not None:
        return _("not started yet: nothing to check")
    if report.not_covered:
        return _("no finding on the points these terms cover")
    return _("kept its terms: no finding")


def not_covered_note(report: Outcome) -> str | None:
    """What the check and the report say of the points its terms leave unchecked for this
    session (each rule by its title), or None when every point is covered."""
    if not report.not_covered:
        return None
    from sessiond.labels import rule

    return _("Not covered by these terms for this session, so not checked: {rules}.",
             rules=", ".join(rule(r) for r in report.not_covered))


def hypothetical_start(session: Session, at: datetime) -> Session:
    """The session as if it started at `at`, after everything recorded so far."""
    return session._replace(state=State.RUNNING, started_at=at, last_transition=at,
                            running=(Interval(at, None),))


def requirements(facts: Facts) -> list[Requirement]:
    """What the policy still asks for before the start (`facts` describe a hypothetical
    start, see `hypothetical_start`).

    Each finding the start rules would give is a requirement. Consent is always required
    (the model refuses a start without it), whether or not the policy has a rule for it.
    """
    policy, session = facts.policy, facts.session
    found = []
    for info in INFO.values():
        spec = active(policy, info.id, session) if info.precondition else None
        if spec is None:
            continue
        for f in info.check(facts, spec):
            found.append(Requirement(
                f.rule, f.severity, f.article, f.message, hint(info.id, session, policy),
                blocking=info.id == "consent-before-access" and not session.has_consent))
    if not session.has_consent and not any(r.blocking for r in found):
        found.insert(0, Requirement(
            "consent-before-access", "error", "",
            _("No consent of the client on record before the access."),
            hint("consent-before-access", session, policy), blocking=True))
    return found


def unreadable_policy(session: Session, problem: str) -> Report:
    """The report of a session whose policy cannot be read any more (the technician broke
    his copy): an error saying so, that neither keeps the clock from stopping nor hides
    the other sessions of a day."""
    return Report(session.id, session.policy, None, (
        Finding("policy-unreadable", "error", "-",
                _("The policy could not be read, nothing was checked: {problem}",
                  problem=problem)),))


def active(policy: Policy, rule_id: str, session: Session) -> RuleSpec | None:
    info = INFO.get(rule_id)
    if info is not None and info.control and session.tool in NO_CONTROL_TOOLS:
        return None  # by phone or video call: no control of his machine to check
    # The terms' rule where it covers the session's mode; where they are silent, for the
    # mode too (MD 15 speaks of copies in remote sessions only), the law's.
    for spec in (policy.rules.get(rule_id), _baseline().get(rule_id)):
        if spec is not None and spec.applies_to(session.mode):
            return spec
    if rule_id == "consent-before-access" and started_before_consent(session):
        # Consent first (DESIGN.md): a start without consent is recorded and reported, in
        # every mode. Where the terms' consent article speaks of remote access only (VLH
        # 4.2, Micro-Alpes 7, art. 1; the law's baseline for FGDMI), working on the
        # client's machine at his home without his consent is still accessing it.
        return replace(_baseline()[rule_id], modes=())
    return None


def started_before_consent(session: Session) -> bool:
    """The session started with no consent of the client before it: started without
    consent (with its reason), or with his consent dated after the start (typed with
    --at, or its time corrected by amend; the same second counts if logged first). A
    start with neither is refused (model.check_transition): nothing else to report."""
    if session.without_consent:
        return True
    consents = [e for e in session.events if e.kind == "consent-recorded"]
    if session.started_at is None or not consents:
        return False
    start = next((e.seq for e in session.events if e.kind == "session-started"), None)
    key = (session.started_at, float("inf") if start is None else float(start))
    return not any((e.at, float(e.seq)) < key for e in consents)


def reads_history(policy: Policy, session: Session) -> bool:
    """Whether a rule in force needs the client's other sessions and prepaid packages (or,
    for a re-intervention under warranty, the session it re-does)."""
    from sessiond.billing.warranty import planned

    if policy.credit is None and not planned(session).get("warranty_of"):
        return False
    return any(info.reads_history and active(policy, info.id, session)
               for info in INFO.values())


def law_rules(policy: Policy) -> dict[str, RuleSpec]:
    """The rules the law adds where these terms are silent (`sessiond policy show`)."""
    return {rule_id: spec for rule_id, spec in _baseline().items()
            if rule_id not in policy.rules and spec.article != "-"}


@cache
def _baseline() -> dict[str, RuleSpec]:
    """Rules that hold whatever the terms say: the law, not the document.

    Consent first (DESIGN.md): a start without consent is always reported, even under
    terms that state no consent rule (FGDMI's), because access to a client's machine
    without his consent is an offence. Articles that name their code are cited as they
    are (labels.cite), never as "art. Code pénal, art. 323-1".
    """
    from sessiond.policy import RuleSpec

    return {
        "consent-before-access": RuleSpec(
            id="consent-before-access", article="Code pénal, art. 323-1", severity="warning",
            modes=("remote",),
            text="Le fait d'accéder ou de se maintenir, frauduleusement, dans tout ou partie "
                 "d'un système de traitement automatisé de données est puni […]"),
        # What the remote tool logged, where the terms are silent: connecting
        # before consent, staying connected after the work, or reaching another machine is
        # accessing or remaining in it without its owner's consent.
        **{rule_id: RuleSpec(
            id=rule_id, article="Code pénal, art. 323-1", severity=severity,
            modes=("remote",),
            text="Le fait d'accéder ou de se maintenir, frauduleusement, dans tout ou partie "
                 "d'un système de traitement automatisé de données est puni […]")
           for rule_id, severity in (("remote-access-before-consent", "error"),
                                     ("remote-access-after-stop", "warning"),
                                     ("connection-to-other-partner", "warning"))},
        # A copy of what the client's machine holds (a screenshot, a file, a recording),
        # made without his request, where the terms are silent on copies (MRI87's,
        # Micro-Alpes', FGDMI's): reproducing the data a system holds without right.
        "artifact-requires-client-request": RuleSpec(
            id="artifact-requires-client-request", article="Code pénal, art. 323-3",
            severity="warning", modes=("remote", "onsite", "workshop"),
            text="Le fait d'introduire frauduleusement des données dans un système de "
                 "traitement automatisé, d'extraire, de détenir, de reproduire, de "
                 "transmettre, de supprimer ou de modifier frauduleusement les données qu'il "
                 "contient est puni […]"),
        # A password kept in the log, where the terms say nothing of secrets (MRI87's,
        # FGDMI's): the service refuses it at entry citing the GDPR's minimisation
        # (privacy.scanner.describe), so the check's re-scan of what got stored anyway (an
        # older sessiond, a path that skipped the scan) cites the same article.
        SECRETS_RULE: RuleSpec(
            id=SECRETS_RULE, article="RGPD art. 5(1)(c)", severity="warning",
            modes=("remote", "onsite", "workshop"),
            text="Les données à caractère personnel doivent être adéquates, pertinentes et "
                 "limitées à ce qui est nécessaire au regard des finalités pour lesquelles "
                 "elles sont traitées (minimisation des données)"),
        # A consumer's contract at distance or off premises can be withdrawn from for 14
        # days, and work starts within them only at his express request: the law, where
        # the terms say nothing of it (VLH's, FGDMI's). The workshop is on premises.
        "withdrawal-waiver": RuleSpec(
            id="withdrawal-waiver", article="C. consom., art. L221-18 et L221-25",
            severity="warning", modes=("remote", "onsite"),
            text="Le consommateur dispose d'un délai de quatorze jours pour exercer son droit "
                 "de rétractation d'un contrat conclu à distance, à la suite d'un démarchage "
                 "téléphonique ou hors établissement […] Si le consommateur souhaite que "
                 "l'exécution d'une prestation de services […] commence avant la fin du délai "
                 "de rétractation […], le professionnel recueille sa demande expresse par "
                 "tout moyen pour les contrats conclus à distance et sur papier ou sur "
                 "support durable pour les contrats conclus hors établissement."),
        # The same minutes timed in two sessions (two clocks running at once), where the
        # terms say nothing of the time they bill: one of the two bills asks for work not
        # done for that client, a payment of what is not owed.
        "overlapping-sessions": RuleSpec(
            id="overlapping-sessions", article="Code civil, art. 1302", severity="warning",
            modes=("remote", "onsite", "workshop"),
            text="Tout paiement suppose une dette ; ce qui a été reçu sans être dû est sujet "
                 "à restitution."),
        # A document handed over must state the facts as the log holds them: a receipt
        # issued before a correction is reported under the terms' receipt article.
        "receipt-current": RuleSpec(
            id="receipt-current", article="-", severity="warning",
            modes=("remote", "onsite", "workshop"), text=""),
        # An invoice must state the service as the log holds it (CGI art. 289): one
        # issued before a correction of its session is cancelled by a credit note.
        "invoice-current": RuleSpec(
            id="invoice-current", article="CGI, art. 289", severity="error",
            modes=("remote", "onsite", "workshop"),
            text="Les factures et les factures rectificatives [...] mentionnent la date de "
                 "l'opération et le prix [...]"),
    }


def hint(rule_id: str, session: Session, policy: Policy) -> str | None:
    """The command that records what the rule still asks for, with the policy's choices."""
    info = INFO.get(rule_id)
    if info is None or info.hint is None:
        return None

    def param(rule: str, name: str, default: tuple[str, ...]) -> str:
        spec = policy.rules.get(rule)
        return "|".join((spec.params.get(name) if spec else None) or default)

    consent = policy.rules.get("consent-before-access")
    channels = (consent_channels((consent.params.get("channels") if consent else None) or (),
                                 session.tool)
                or consent_channels(CHANNELS, session.tool))
    return info.hint.format(
        session=session.id, client=session.client_id, channels="|".join(channels),
        forms=param("quote-accepted-before-start", "how", QUOTE_FORMS),
        methods=param("payment-method-accepted", "methods", PAYMENT_METHODS),
        media="|".join(WAIVER_MEDIA), answers="|".join(f"--{a}" for a in BACKUP_ANSWERS))
