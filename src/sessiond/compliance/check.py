"""Checking a session against its policy, and telling what the policy asks before a start.

`check` and `requirements` gather the facts through the service (the session's events,
the client, the policy, the client's credit when a prepaid rule is on) and run the rules
the session's policy turns on for its mode. `record_check` is the stop hook: it appends
the result as a check-completed event in the stop's own transaction, so the log shows what
was checked, when, and under which version of the policy (its digest).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING

from sessiond import clock
from sessiond.compliance.facts import Facts
from sessiond.compliance.findings import Finding, Report, Requirement
from sessiond.compliance.rules import HINTS, PRECONDITIONS, RULES
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.model import Interval, Session, State

if TYPE_CHECKING:
    from sessiond.policy import Policy, RuleSpec
    from sessiond.sessions import Sessiond
    from sessiond.store.sqlite import Writer

# Rules that read the client's other sessions and prepaid packages.
_CREDIT_RULES = ("prepaid-credit-covers", "payment-before-start")


def check(service: Sessiond, session: Session, *, at_stop: bool = False,
          now: datetime | None = None) -> Report:
    """Evaluate the rules the session's policy turns on for its mode."""
    from sessiond.policy import load_policy

    policy = load_policy(session.policy, service.paths)
    start = next((e for e in session.events if e.kind == "session-started"), None)
    facts = _facts(service, session, policy, now or clock.now(), at_stop=at_stop,
                   start=session.started_at, start_seq=start.seq if start else None)
    findings = [f for rule_id in RULES if (spec := _active(policy, rule_id, session))
                for f in RULES[rule_id](facts, spec)]
    return Report(session.id, policy.id, policy.digest, tuple(findings))


def requirements(service: Sessiond, session: Session, *, at: datetime | None = None
                 ) -> list[Requirement]:
    """What the policy still asks for before `session` starts (at `at`, default now).

    The start rules run against a hypothetical start after everything recorded so far;
    each finding they would give is a requirement. Consent is always required (the model
    refuses a start without it), whether or not the policy has a rule for it.
    """
    if session.state is not State.PLANNED:
        return []
    from sessiond.policy import load_policy

    policy = load_policy(session.policy, service.paths)
    start = at or clock.whole_second(clock.now())
    started = replace(session, state=State.RUNNING, started_at=start, last_transition=start,
                      running=(Interval(start, None),))
    facts = _facts(service, started, policy, start, at_stop=False, start=start,
                   start_seq=None)
    found = []
    for rule_id in PRECONDITIONS:
        spec = _active(policy, rule_id, session)
        if spec is None:
            continue
        for f in RULES[rule_id](facts, spec):
            found.append(Requirement(
                f.rule, f.severity, f.article, f.message,
                _hint(rule_id, session, policy),
                blocking=rule_id == "consent-before-access" and not session.has_consent))
    if not session.has_consent and not any(r.blocking for r in found):
        found.insert(0, Requirement(
            "consent-before-access", "error", "",
            _("No consent of the client on record before the access."),
            _hint("consent-before-access", session, policy), blocking=True))
    return found


def check_anyway(service: Sessiond, session: Session, *, at_stop: bool = False) -> Report:
    """`check`, or, when the policy cannot be read any more (the technician broke his
    copy), a report saying so as an error: it must neither keep the clock from stopping
    nor hide the other sessions of a day."""
    try:
        return check(service, session, at_stop=at_stop)
    except InputError as e:
        return Report(session.id, session.policy, None, (
            Finding("policy-unreadable", "error", "-",
                    _("The policy could not be read, nothing was checked: {problem}",
                      problem=e.message)),))


def record_check(service: Sessiond, w: Writer, session: Session) -> None:
    """Stop hook: append the check of the stopped session to the stop's transaction."""
    report = check_anyway(service, session, at_stop=True)
    service._append(w, "check-completed", at=clock.whole_second(clock.now()),
                    session_id=session.id, client_id=session.client_id,
                    body=report.to_record())


def _active(policy: Policy, rule_id: str, session: Session) -> RuleSpec | None:
    spec = policy.rules.get(rule_id) or _baseline().get(rule_id)
    return spec if spec is not None and spec.applies_to(session.mode) else None


@cache
def _baseline() -> dict[str, RuleSpec]:
    """Rules that hold whatever the terms say: the law, not the document.

    Consent first (DESIGN.md): a start without consent is always reported, even under
    terms that state no consent rule (FGDMI's), because access to a client's machine
    without his consent is an offence.
    """
    from sessiond.policy import RuleSpec

    return {"consent-before-access": RuleSpec(
        id="consent-before-access", article="Code pénal, art. 323-1", severity="warning",
        modes=("remote",),
        text="Le fait d'accéder ou de se maintenir, frauduleusement, dans tout ou partie "
             "d'un système de traitement automatisé de données est puni […]")}


def _facts(service: Sessiond, session: Session, policy: Policy, now: datetime, *,
           at_stop: bool, start: datetime | None, start_seq: int | None) -> Facts:
    client = service.client(session.client_id)
    added = service.store.events("WHERE client_id = ? AND kind = 'client-added'",
                                 (session.client_id,))
    history = None
    if policy.credit is not None and any(_active(policy, r, session) for r in _CREDIT_RULES):
        from sessiond.billing import History

        sessions = tuple(s if s.id != session.id else session
                         for s in service.client_sessions(session.client_id))
        credit = service.events(service.store.events(
            "WHERE client_id = ? AND kind = 'credit-added'", (session.client_id,)))
        history = History(sessions=sessions, client_events=tuple(credit))
    receipts = _active(policy, "receipt-issued", session) is not None and bool(
        service.store.events(
            "WHERE seq = (SELECT MIN(seq) FROM events WHERE kind = 'receipt-issued')"))
    return Facts(
        session=session, client=client, client_seq=added[0].seq if added else None,
        policy=policy, now=now, tz=service.tz, start=start, start_seq=start_seq,
        at_stop=at_stop, history=history, receipts_in_log=receipts)


def _hint(rule_id: str, session: Session, policy: Policy) -> str | None:
    template = HINTS.get(rule_id)
    if template is None:
        return None

    def param(rule: str, name: str, default: tuple[str, ...]) -> str:
        spec = policy.rules.get(rule)
        return "|".join((spec.params.get(name) if spec else None) or default)

    from sessiond.model import CHANNELS, PAYMENT_METHODS
    from sessiond.policy.schema import QUOTE_FORMS

    return template.format(
        session=session.id, client=session.client_id,
        channels=param("consent-before-access", "channels", CHANNELS),
        forms=param("quote-accepted-before-start", "how", QUOTE_FORMS),
        methods=param("payment-method-accepted", "methods", PAYMENT_METHODS))
