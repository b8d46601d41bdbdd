"""One small pure function per rule id: (facts, the policy's rule) -> findings.

A policy turns a rule on with a `[rules.<id>]` table (article, the article's words,
severity, modes, parameters: `sessiond.policy.schema.RULE_PARAMETERS`); the function here
decides whether the session kept it. Findings cite the events that show them.

Rules whose subject is the start (consent, quote, waiver, warning, backup, payment, scope)
compare events with the start; run against a hypothetical start they say what is still
required (`PRECONDITIONS`, `HINTS`). Rules about the end (disconnection, receipt) are only
pending when the check runs at the stop: they are recorded after it, so at that moment they
are reported as warnings saying what to do now.

Beyond the issue's list, the documents call for three more rules:
- `client-category`: FGDMI II.6 (prices for private clients, freelancers and very small
  businesses only), VLH 1-2 (private clients only; professionals have other terms), MRI87
  art. 1 (the buyer is a private person). A business client is reported.
- `payment-method-accepted`: FGDMI II.2 (card or cash; cheques and transfers refused),
  VLH 5.4 (cash, cheque, transfer), Micro-Alpes 3 (cheque or cash), MRI87 art. 8 and 14.2
  (card or PayPal, recorded as "other").
- `payment-not-acceptance`: VLH 3.2, "no payment alone is acceptance": a payment taken
  while no signed quote is on record is reported (the quote rule reports the start).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from sessiond import clock, labels
from sessiond.compliance.facts import Facts, bounding
from sessiond.compliance.findings import Finding
from sessiond.i18n import _
from sessiond.model import (
    AMENDABLE_FACTS,
    NO_CONTROL_TOOLS,
    SECRETS_RULE,
    Event,
    Interval,
    State,
    standing_invoices,
    undone_corrections,
)
from sessiond.policy import RuleSpec

if TYPE_CHECKING:
    from decimal import Decimal

    from sessiond.billing import CreditUse
    from sessiond.compliance.evidence import Observed

Rule = Callable[[Facts, RuleSpec], list[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    """Everything sessiond knows about a rule id besides its function, in one declaration.

    precondition: the rule speaks about the start, so it is asked before it as a
      requirement (scope rules have nothing to record: no hint, no item).
    hint: the command that records what is missing ({session}, {client}, {channels},
      {forms}, {methods} are filled in).
    item: the checklist item of the terminal interface that records it, if any.
    reads_history: the rule needs the client's other sessions and prepaid packages.
    confidentiality: its article is the terms' promise about screens and files (the
      receipt cites it).
    control: the rule speaks of the remote tool's control of the client's machine (the
      disconnection after it): it has nothing to check in a session by phone or video
      call (model.NO_CONTROL_TOOLS), where the technician never takes control.
    The parameters a policy may give the rule are in sessiond.policy.schema.RULE_PARAMETERS
    (the policy reader validates them without knowing the rules).
    """

    id: str
    check: Rule
    precondition: bool = False
    hint: str | None = None
    item: str | None = None
    reads_history: bool = False
    confidentiality: bool = False
    control: bool = False


RULES: dict[str, Rule] = {}
INFO: dict[str, RuleInfo] = {}

# The law's withdrawal period when a policy does not set one (C. consom. L221-18).
WITHDRAWAL_DAYS = 14
# Declared instants (--at) further than this from their recording are reported.
DECLARED_GAP_SECONDS = 600
# Within one boot, wall clock and CLOCK_BOOTTIME advance together; NTP slews by far less
# than this, so a larger disagreement is a jump of the wall clock (set by hand, or a bad
# RTC after a suspend).
CLOCK_JUMP_SECONDS = 60

def rule(rule_id: str, *, precondition: bool = False, hint: str | None = None,
         item: str | None = None, reads_history: bool = False,
         confidentiality: bool = False, control: bool = False) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[rule_id] = fn
        INFO[rule_id] = RuleInfo(rule_id, fn, precondition, hint, item, reads_history,
                                 confidentiality, control)
        return fn

    return register


def finding(spec: RuleSpec, message: str, events: Iterable[int] = (), *,
            severity: str | None = None) -> Finding:
    return Finding(spec.id, severity or spec.severity, spec.article, message,
                   tuple(sorted(set(events))))


def seqs(events: Iterable[Event]) -> list[int]:
    return [e.seq for e in events]


def numbers(events: Iterable[Event]) -> str:
    return ", ".join(f"#{e.seq}" for e in events)


def _late(facts: Facts, events: list[Event], what: str, spec: RuleSpec) -> list[Finding]:
    """The fact is on record, but dated after the start. Each fact is cited with the
    amendment that set its instant, if any (a consent's time corrected: the finding speaks
    of the corrected one)."""
    assert facts.start is not None
    at, start = events[0].at, facts.start
    cited = [s for e in events for s in (e.seq, *facts.amended(e.seq))]
    if at == start and facts.start_seq is not None:
        # Declared at the start's very second (two --at of one minute, say): only the log's
        # order tells which came first, and it puts the fact after the start.
        return [finding(spec, _("{what} is dated {at}, the very second of the start; the log "
                                "records it after the start (#{seq} after #{start}): it had "
                                "to be recorded before starting.", what=what,
                                at=facts.local(at, seconds=True), seq=events[0].seq,
                                start=facts.start_seq),
                        [*cited, *facts.start_events()])]
    # A second late is late: within one minute, "10:00, after the start (10:00)" would
    # read as no fault at all.
    same_minute = facts.local(at) == facts.local(start)
    return [finding(spec, _("{what} is dated {at}, after the start ({start}).", what=what,
                            at=facts.local(at, seconds=same_minute),
                            start=facts.local(start, seconds=same_minute)),
                    [*cited, *facts.start_events()])]


# --- before the start ------------------------------------------------------------------


@rule("consent-before-access", precondition=True, item="consent",
      hint="sessiond consent {session} --channel {channels} --by NAME")
def consent_before_access(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started:
        return []
    start = list(facts.start_events())
    if facts.session.without_consent:
        return [finding(spec, _("Started WITHOUT the client's consent (the reason is recorded "
                                "with the start)."), start)]
    consents = facts.events("consent-recorded")
    before = [e for e in consents if facts.before_start(e)]
    if not before:
        if consents:
            return _late(facts, consents, _("The client's consent"), spec)
        return [finding(spec, _("No consent of the client on record before the access."),
                        start)]
    channels = consent_channels(spec.params.get("channels") or (), facts.session.tool)
    if channels and not any(e.body["channel"] in channels for e in before):
        # Channels in words ("oralement", "code de l'outil de prise en main"), never ids.
        given = dict.fromkeys(labels.short(e.body["channel"]) for e in before)
        return [finding(spec, _("Consent given: {given}; the terms ask for: {wanted}.",
                                given=", ".join(given),
                                wanted=", ".join(labels.short(c) for c in channels)),
                        [*seqs(before), *start])]
    # A screenshot or a file copied from his machine before he consented shows an access
    # before consent, whatever the start says ("consent before any access").
    first = min(consents, key=facts.key)
    early = [e for e in facts.events("artifact-recorded") if facts.key(e) < facts.key(first)]
    if early:
        return [finding(spec, _("Made before the client's consent ({consent}, #{seq}): "
                                "{items}; his machine was accessed before he consented.",
                                items=_artifacts(early), consent=facts.local(first.at),
                                seq=first.seq),
                        [*seqs(early), first.seq, *facts.amended(first.seq)])]
    return _reconnected_without_consent(facts, spec, consents, channels)


def _reconnected_without_consent(facts: Facts, spec: RuleSpec, consents: list[Event],
                                 channels: tuple[str, ...]) -> list[Finding]:
    """Work resumed after a disconnection the technician recorded, with no consent given
    since: the disconnection ended the access the consent was given for (MD 7 "la session
    est temporaire", VLH 4.1 "codes d'accès temporaires", Micro-Alpes 7, art. 1: once
    disconnected he "ne peut plus prendre le contrôle", and the tool's code is the
    consent), so taking control again is a new access, which needs his consent again.
    Only a remote session through a tool that takes control: by phone or video call
    nothing is disconnected."""
    if facts.session.mode != "remote" or facts.session.tool in NO_CONTROL_TOOLS:
        return []
    assert facts.start is not None
    valid = [facts.key(e) for e in consents if not channels or e.body["channel"] in channels]
    resumes = sorted(facts.events("session-resumed"), key=facts.key)
    gone = sorted((e for e in facts.events("disconnect-confirmed")
                   if not facts.before_start(e)), key=facts.key)
    found, told = [], set()
    for resume in resumes:
        # The last disconnection before this resume; a consent between the two covers it.
        before = [d for d in gone if facts.key(d) < facts.key(resume)]
        if not before or before[-1].seq in told:
            continue
        last = before[-1]
        if any(facts.key(last) < k < facts.key(resume) for k in valid):
            continue
        told.add(last.seq)
        shown = [last.seq, resume.seq, *facts.amended(resume.seq)]
        since = [e for e in consents if facts.key(last) < facts.key(e) < facts.key(resume)]
        if since:
            # A consent, but by a channel the terms do not accept (Micro-Alpes: orally,
            # where giving the tool's new code is the consent).
            found.append(finding(spec, _(
                "Disconnected from the client's computer on {gone} (#{seq}), then the work "
                "resumed on {resumed} (#{resume}); consent given since: {given}; the terms "
                "ask for: {wanted}.", gone=facts.local(last.at), seq=last.seq,
                resumed=facts.local(resume.at), resume=resume.seq,
                given=", ".join(dict.fromkeys(labels.short(e.body["channel"]) for e in since)),
                wanted=", ".join(labels.short(c) for c in channels)),
                [*shown, *seqs(since)]))
            continue
        found.append(finding(spec, _(
            "Disconnected from the client's computer on {gone} (#{seq}), then the work "
            "resumed on {resumed} (#{resume}) with no new consent of the client on record: "
            "taking control again is a new access, which needs his consent.",
            gone=facts.local(last.at), seq=last.seq, resumed=facts.local(resume.at),
            resume=resume.seq), shown))
    # A screenshot or a file copied from his machine after the disconnection, with no
    # consent since, was made on it then: an access after it (beyond the seconds it takes
    # to record what was just made; after the stop, remote-access-after-stop tells).
    grace = timedelta(seconds=AFTER_STOP_SECONDS)
    stop_at = facts.session.stopped_at
    by_disconnection: dict[int, list[Event]] = {}
    for copy in facts.events("artifact-recorded"):
        before = [d for d in gone if d.at + grace < copy.at]
        if not before or (stop_at is not None and copy.at - stop_at > grace):
            continue
        if not any(facts.key(before[-1]) < k < facts.key(copy) for k in valid):
            by_disconnection.setdefault(before[-1].seq, []).append(copy)
    for seq, copies in by_disconnection.items():
        last = next(d for d in gone if d.seq == seq)
        found.append(finding(spec, _(
            "Made after the disconnection from the client's computer ({gone}, #{seq}), with "
            "no new consent of the client on record: {items}; his machine was accessed "
            "again.", gone=facts.local(last.at), seq=seq, items=_artifacts(copies)),
            [seq, *seqs(copies)]))
    return found


def consent_channels(channels: Iterable[str], tool: str) -> tuple[str, ...]:
    """The channels the terms accept for a session with this tool: the tool's one-time code
    (Micro-Alpes 7, art. 1: giving it is consenting to the remote control) is no channel
    of a session by phone or video call, which has no code and takes no control; terms
    that accept only it then ask for a consent on record, by whatever channel."""
    if tool in NO_CONTROL_TOOLS:
        return tuple(c for c in channels if c != "tool-code")
    return tuple(channels)


@rule("quote-accepted-before-start", precondition=True, item="quote", reads_history=True,
      hint="sessiond record {session} quote-accepted --by NAME --how {forms}")
def quote_accepted_before_start(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started or free_under_warranty(facts):
        # A re-intervention the warranty makes free carries out the earlier contract (VLH
        # 6.3): no new offer, so no new quote to sign.
        return []
    forms = spec.params.get("how") or ()
    quotes = facts.events("quote-accepted")
    valid = [e for e in quotes if not forms or e.body["how"] in forms]
    if any(facts.before_start(e) for e in valid):
        return []
    if valid:
        return _late(facts, valid, _("The acceptance of the quote"), spec)
    if quotes:
        return [finding(spec, _("The quote was accepted in {given} form; only the {wanted} "
                                "form counts.",
                                given=", ".join(labels.short(e.body["how"]) for e in quotes),
                                wanted=", ".join(labels.short(f) for f in forms)),
                        [*seqs(quotes), *facts.start_events()])]
    return [finding(spec, _("No signed quote on record before the start: nothing starts "
                            "before the client accepts the quote."), facts.start_events())]


@rule("withdrawal-waiver", precondition=True, item="waiver", reads_history=True,
      hint="sessiond record {session} withdrawal-waiver --medium {media}")
def withdrawal_waiver(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """A consumer's contract at distance or off premises can be withdrawn from until the
    end of its 14th day (C. consom. L221-18, counted in days as regulation 1182/71 art. 3
    says: from the day after, to 24:00, a last day that is not a working day moved to the
    next one); work starts within that period only at his express request (L221-25)."""
    if not facts.started or facts.client.status != "consumer" or free_under_warranty(facts):
        # A re-intervention the warranty makes free is no new contract to withdraw from:
        # it carries out the earlier one.
        return []
    assert facts.start is not None
    from sessiond.i18n.dates import long_date
    from sessiond.law.withdrawal import withdrawal_last_day

    contract, shown, package, declared = _contract(facts, spec)
    if not declared:
        # No order on record: planned at `planned_at`, or later than a start declared with
        # --at (planned after the fact); the order came at the latest with the start.
        contract = min(contract, facts.start)
    elif facts.start < contract:
        return [finding(spec, _("The start ({start}) is dated before the order ({ordered}): "
                                "correct the one that is wrong (sessiond amend, or the "
                                "session's --ordered-at).", start=facts.local(facts.start),
                                ordered=facts.local(contract)),
                        [*shown, *facts.start_events()])]
    days = int(spec.params.get("period_days") or WITHDRAWAL_DAYS)
    last_day = withdrawal_last_day(contract.astimezone(facts.tz).date(), days=days)
    if facts.start.astimezone(facts.tz).date() > last_day:
        return []
    waivers = facts.events("withdrawal-waiver")
    if any(facts.before_start(e) for e in waivers):
        return []
    if waivers:
        return _late(facts, waivers, _("The consumer's request to start within the "
                                       "withdrawal period"), spec)
    what = (_("The consumer bought the package that pays for this session on {ordered}",
              ordered=facts.local(contract)) if package else
            _("The consumer ordered on {ordered}", ordered=facts.local(contract)))
    return [finding(spec, _("{what}; his withdrawal period runs until the end of {last} "
                            "(C. consom. L221-18): his express request to start within it "
                            "must be on record first (L221-25).", what=what,
                            last=long_date(last_day)), [*shown, *facts.start_events()])]


def _contract(facts: Facts, spec: RuleSpec) -> tuple[datetime, list[int], bool, bool]:
    """When the contract was concluded, the events that show it, whether it is the purchase
    of a prepaid package (`package_is_contract`: MRI87 8, 11, the session draws on a package
    bought then; the latest of them when it draws on several), and whether that instant was
    declared (a package, --ordered-at) rather than taken from the planning."""
    if spec.params.get("package_is_contract"):
        use = credit_use(facts, at_start=True)
        if use is not None and use.draws:
            latest = max(use.draws, key=lambda d: d.purchased_at)
            return latest.purchased_at, [d.package_seq for d in use.draws], True, True
    planned = facts.first("session-planned")
    ordered_text = planned.body.get("ordered_at") if planned else None
    ordered = clock.from_text(ordered_text) if ordered_text else facts.session.planned_at
    return ordered, seqs([planned] if planned else []), False, ordered_text is not None


@rule("sensitive-docs-warning", precondition=True, item="sensitive",
      hint="sessiond record {session} sensitive-docs-warned")
def sensitive_docs_warning(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started:
        return []
    warned = facts.events("sensitive-docs-warned")
    if any(facts.before_start(e) for e in warned):
        return []
    if warned:
        return _late(facts, warned, _("The invitation to close sensitive documents"), spec)
    return [finding(spec, _("The client was not invited to close his sensitive documents "
                            "before the access."), facts.start_events())]


@rule("backup-status-recorded", precondition=True, item="backup",
      hint="sessiond record {session} backup --offered {answers}")
def backup_status_recorded(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started:
        return []
    statuses = facts.events("backup-status")
    before = [e for e in statuses if facts.before_start(e)]
    if any(e.body.get("answer") for e in before):
        return []
    start = list(facts.start_events())
    if before:
        what = (_("The backup was offered but the client's answer is not on record "
                  "(accepted, declined, or he has his own).")
                if any(e.body.get("offered") for e in before)
                else _("No backup was offered before the intervention."))
        return [finding(spec, what, [*seqs(before), *start])]
    if statuses:
        return _late(facts, statuses, _("The backup question"), spec)
    return [finding(spec, _("No backup question on record before the start: offer a backup "
                            "and record the client's answer."), start)]


@rule("payment-before-start", precondition=True, item="payment", reads_history=True,
      hint="sessiond record {session} payment --amount EUR --method {methods}")
def payment_before_start(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started:
        return []
    payments = facts.events("payment-recorded")
    before = [e for e in payments if facts.before_start(e)]
    in_full = bool(spec.params.get("in_full"))
    if before and not in_full:
        return []
    if free_under_warranty(facts):
        return []  # a re-intervention the warranty makes free: nothing to pay first
    if spec.params.get("prepaid_credit_counts"):
        use = credit_use(facts, at_start=True)
        if use is not None and use.covered_seconds and not use.shortfall_seconds:
            return []
    if before:
        from decimal import Decimal

        from sessiond.billing import text

        paid = sum((Decimal(e.body["amount"]) for e in before), Decimal(0))
        due = amount_due(facts)
        if due is None or paid >= due:
            return []
        return [finding(spec, _("{paid} paid before the start, less than the {due} this "
                                "intervention costs: the terms ask it paid in full before "
                                "it.", paid=text.money(paid), due=text.money(due)),
                        [*seqs(before), *facts.start_events()])]
    if payments:
        return _late(facts, payments, _("The payment"), spec)
    return [finding(spec, _("No payment on record before the start."), facts.start_events())]


@rule("prepaid-credit-covers", precondition=True, reads_history=True,
      hint="sessiond credit add {client} --hours H")
def prepaid_credit_covers(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.started or facts.history is None:
        return []
    packages = [e for e in facts.history.client_events if e.kind == "credit-added"]
    if not packages:
        return []  # no hour package: the client pays otherwise (MRI87 art. 4, 14.2)
    use = credit_use(facts)
    if use is None or not use.shortfall_seconds:
        return []
    from sessiond.billing import text

    return [finding(spec, _("The prepaid credit does not cover {missing} of this session: the "
                            "client must first buy a new package.",
                            missing=text.duration(use.shortfall_seconds)),
                    [*facts.start_events(), *seqs(packages)])]


def free_under_warranty(facts: Facts) -> bool:
    """The session re-does an earlier one under a warranty that makes it free (MRI87 16.2,
    Micro-Alpes 10, VLH 6.3, FGDMI III.3): the billing engine's decision."""
    if facts.history is None:
        return False
    from sessiond.billing.warranty import decide

    known = {s.id: s for s in facts.history.sessions if s.id != facts.session.id}
    decision = decide(facts.session, facts.policy, known)
    return decision is not None and decision.free


def credit_use(facts: Facts, *, at_start: bool = False) -> CreditUse | None:
    """What the client's prepaid packages cover of this session, from the billing engine.

    `at_start`: the session as it stood one second after its start, when its first block
    was due; that is what had to be paid before the start (and, before a start, what the
    credit must cover for it to begin).
    """
    if facts.policy.credit is None or facts.history is None or facts.start is None:
        return None
    from sessiond.billing import bill
    from sessiond.errors import InputError

    session, now = facts.session, facts.now
    if at_start:
        now = facts.start + timedelta(seconds=1)
        session = session._replace(state=State.RUNNING, stopped_at=None, stopped_by=None,
                                   running=(Interval(facts.start, None),), pauses=())
    try:
        return bill(session, facts.policy, facts.history, now).credit
    except InputError:
        return None  # no rate for this mode: billing reports it, not compliance


def amount_due(facts: Facts) -> Decimal | None:
    """The session's total as the billing engine prices it (what is left once the prepaid
    credit is drawn), at least that of its first block, due from its first second: before a
    start and while it runs, that is what had to be paid; once it ended, its whole price."""
    if facts.start is None:
        return None
    from sessiond.billing import History, bill
    from sessiond.errors import InputError

    history = facts.history or History(sessions=(facts.session,))
    first = facts.session._replace(state=State.RUNNING, stopped_at=None, stopped_by=None,
                                   running=(Interval(facts.start, None),), pauses=())
    try:
        totals = [bill(first, facts.policy, history,
                       facts.start + timedelta(seconds=1)).total]
        if facts.stopped:
            totals.append(bill(facts.session, facts.policy, history, facts.now).total)
    except InputError:
        return None  # no rate for this mode: billing reports it, not compliance
    return max(totals)


# --- scope: who the client is, what he runs --------------------------------------------


@rule("remote-os-supported", precondition=True)
def remote_os_supported(facts: Facts, spec: RuleSpec) -> list[Finding]:
    allowed = spec.params.get("os") or ()
    if not allowed or not facts.started:
        return []
    planned = seqs(facts.events("session-planned"))
    wanted = ", ".join(labels.short(o) for o in allowed)
    os_ = facts.session.client_os
    if os_ is None:
        return [finding(spec, _("The client's system is not on record (session new "
                                "--client-os); the terms cover {wanted} only.", wanted=wanted),
                        planned, severity="warning")]
    if os_ not in allowed:
        # "other" is no system's name: the sentence must not read "le système est autre".
        given = _("another system") if os_ == "other" else labels.short(os_)
        return [finding(spec, _("The client's system is {os}; the terms cover {wanted} only.",
                                os=given, wanted=wanted), planned)]
    return []


@rule("client-in-territory", precondition=True)
def client_in_territory(facts: Facts, spec: RuleSpec) -> list[Finding]:
    countries = spec.params.get("countries") or ()
    from sessiond.law.territory import in_countries

    if not countries or not facts.started or in_countries(facts.client.country, countries):
        return []
    shown = [facts.client_seq] if facts.client_seq is not None else []
    return [finding(spec, _("Client's country: {country}; the countries the terms cover: "
                            "{wanted}.", country=labels.country(facts.client.country),
                            wanted=", ".join(map(labels.country, countries))), shown)]


@rule("mode-offered", precondition=True)
def mode_offered(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """A mode the terms do not offer (MRI87 2: remote only; VLH 2, Micro-Alpes 5, 7,
    FGDMI II.2: home and remote, no workshop) is planned only with a quoted rate
    (session new refuses it otherwise); the terms still do not cover it."""
    offered = facts.policy.modes
    if not facts.started or facts.session.mode in offered:
        return []
    return [finding(spec, _("A {mode} intervention: the modes these terms offer are {offered}; "
                            "the quoted rate prices it, but these terms do not cover it.",
                            mode=labels.short(facts.session.mode),
                            offered=", ".join(labels.short(m) for m in offered)),
                    seqs(facts.events("session-planned")))]


@rule("intervention-within-delay")
def intervention_within_delay(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """The intervention begins within the delay the terms promise from the support ticket
    (MRI87 13: 72 h). Only a session that records when the ticket was opened (session new
    --ticket-at) is checked: the order (--ordered-at) is the purchase, often months
    before, and says nothing of the ticket."""
    planned = facts.first("session-planned")
    ticket_text = planned.body.get("ticket_at") if planned else None
    limit = spec.params.get("max_delay_seconds")
    if not facts.started or not ticket_text or not limit or planned is None:
        return []
    assert facts.start is not None
    ticket = clock.from_text(ticket_text)
    if facts.start < ticket:
        # The intervention follows the ticket and the proposal made on it: begun before
        # the ticket was opened, it answered no ticket (or one of the two instants is wrong).
        return [finding(spec, _("The intervention began on {start}, before the support "
                                "ticket was opened ({ticket}): the terms have it follow the "
                                "ticket and the proposal the client confirmed; correct the "
                                "instant that is wrong (sessiond amend, or session new "
                                "--ticket-at).", start=facts.local(facts.start),
                                ticket=facts.local(ticket)),
                        [planned.seq, *facts.start_events()])]
    late = facts.start - ticket
    if late <= timedelta(seconds=int(limit)):
        return []
    return [finding(spec, _("The intervention began on {start}, {late} after the support "
                            "ticket was opened ({ticket}); the terms promise it within "
                            "{limit}.", start=facts.local(facts.start), late=_duration(late),
                            ticket=facts.local(ticket),
                            limit=_duration(timedelta(seconds=int(limit)))),
                    [planned.seq, *facts.start_events()])]


@rule("client-category", precondition=True)
def client_category(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if facts.client.status != "business" or not facts.started:
        return []
    shown = [facts.client_seq] if facts.client_seq is not None else []
    if spec.params.get("private_only"):
        return [finding(spec, _("The client is recorded as a business: these terms serve "
                                "private clients only, a business is served under other "
                                "terms."), shown)]
    return [finding(spec, _("The client is recorded as a business; check that these terms "
                            "cover him (see the article)."), shown)]


# --- during the session ----------------------------------------------------------------

@rule("artifact-requires-client-request", confidentiality=True)
def artifact_requires_client_request(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """Copies only at the client's documented request; `never`: kinds the terms exclude
    whatever he asks (MD 15: "sauf demande explicite" is said of copied files only)."""
    never = spec.params.get("never") or ()
    artifacts = facts.events("artifact-recorded")
    excluded = [e for e in artifacts if e.body["artifact"] in never]
    bad = [e for e in artifacts if e not in excluded and not e.body.get("client_requested")]
    if not bad and not excluded:
        return []

    parts = []
    if excluded:
        parts.append(_("Never made under these terms, even at the client's request: {items}.",
                       items=_artifacts(excluded)))
    if bad:
        parts.append(_("Kept without the client's explicit, documented request: {items}.",
                       items=_artifacts(bad)))
    return [finding(spec, " ".join(parts), seqs([*excluded, *bad]))]


def _artifacts(events: list[Event]) -> str:
    """Copies in words, each with its event: "une capture d'écran (#7)"."""
    return ", ".join(f"{labels.artifact(e.body['artifact'])} (#{e.seq})" for e in events)


@rule(SECRETS_RULE)
def notes_free_of_secrets(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """Defence in depth: the service refuses secrets before storing; re-scan what is stored.

    Catches text stored by an older version, or through a path that skipped the scan.
    Sealed fields of an erased client cannot be read and are not checked.
    """
    from sessiond.model import KINDS, SCANNED

    hits: list[tuple[Event, list[str]]] = []
    for event in facts.session.events:
        fields = [n for n in SCANNED if n in KINDS[event.kind].personal]
        if not fields or event.personal is None:
            continue  # nothing free to read (names are not free text), or erased
        texts = [t for name in fields for value in [event.personal.get(name)]
                 for t in (value if isinstance(value, list) else [value])
                 if isinstance(t, str)]
        if not texts:
            continue
        from sessiond.privacy.scanner import scan  # its regexes cost; only when there is text

        labels = [f.label for text in texts for f in scan(text)]
        if labels:
            hits.append((event, labels))
    if not hits:
        return []
    items = "; ".join(f"#{e.seq}: {', '.join(dict.fromkeys(labels))}" for e, labels in hits)
    return [finding(spec, _("Stored text seems to hold secrets ({items}); no password or "
                            "secret may be kept.", items=items), [e.seq for e, _l in hits])]


# Cash is accepted "dans la limite des plafonds légaux en vigueur" (VLH 5.4; MD 6 "selon
# limites légales"): C. monét. fin. art. L112-6 and D112-3, at most 1 000 € for a debt paid
# by a debtor whose tax home is in France or who acts for his business, 15 000 € otherwise.
CASH_LIMIT = 1000
CASH_LIMIT_ABROAD = 15000


@rule("payment-method-accepted")
def payment_method_accepted(facts: Facts, spec: RuleSpec) -> list[Finding]:
    methods = spec.params.get("methods") or ()
    payments = facts.events("payment-recorded")
    bad = [e for e in payments if methods and e.body["method"] not in methods]
    found = []
    if bad:
        found.append(finding(spec, _("Paid by {given} ({events}); the terms accept {wanted}.",
                                     given=", ".join(dict.fromkeys(
                                         labels.short(e.body["method"]) for e in bad)),
                                     events=numbers(bad),
                                     wanted=", ".join(labels.short(m) for m in methods)),
                             seqs(bad)))
    cash = [e for e in payments if e.body["method"] == "cash" and e not in bad]
    if cash:
        from decimal import Decimal

        from sessiond.billing import text
        from sessiond.law.territory import in_france

        limit = Decimal(CASH_LIMIT if in_france(facts.client.country)
                        or facts.client.status == "business" else CASH_LIMIT_ABROAD)
        paid = sum((Decimal(e.body["amount"]) for e in cash), Decimal(0))
        if paid > limit:
            found.append(finding(spec, _(
                "{paid} paid in cash for this intervention ({events}): above the legal cap "
                "of {limit} (C. monét. fin. art. L112-6, D112-3).", paid=text.money(paid),
                events=numbers(cash), limit=text.money(limit)), seqs(cash)))
    return found


@rule("payment-not-acceptance")
def payment_not_acceptance(facts: Facts, spec: RuleSpec) -> list[Finding]:
    quote_rule = facts.policy.rules.get("quote-accepted-before-start")
    forms = (quote_rule.params.get("how") if quote_rule else None) or ()
    accepted = [facts.key(e) for e in facts.events("quote-accepted")
                if not forms or e.body["how"] in forms]
    first = min(accepted) if accepted else None
    bad = [e for e in facts.events("payment-recorded")
           if first is None or facts.key(e) < first]
    if not bad:
        return []
    # One sentence per number: French agrees "reçu" / "reçus" with the payments.
    if len(bad) == 1:
        message = _("Payment {events} taken while no signed quote was on record: a payment "
                    "alone is not acceptance of the quote.", events=numbers(bad))
    else:
        message = _("Payments {events} taken while no signed quote was on record: a payment "
                    "alone is not acceptance of the quote.", events=numbers(bad))
    return [finding(spec, message, seqs(bad))]


# --- after the work --------------------------------------------------------------------


@rule("disconnect-confirmed", control=True)
def disconnect_confirmed(facts: Facts, spec: RuleSpec) -> list[Finding]:
    if not facts.stopped:
        return []
    # "Après l'intervention, le technicien se déconnecte" (Micro-Alpes 7, art. 1): a
    # disconnection followed by more work (the clock resumed) is not the one after it.
    resumed = max((i.start for i in facts.session.running), default=facts.start)
    done = [e for e in facts.events("disconnect-confirmed") if not facts.before_start(e)]
    stop = seqs(facts.events("session-stopped"))
    after_work = [e for e in done if resumed is None or e.at >= resumed]
    if after_work:
        return _disconnected_late(facts, spec, after_work)
    if done and not facts.at_stop:
        assert resumed is not None
        return [finding(spec, _("The disconnection {events} came before the work resumed "
                                "({resumed}): none is on record after the intervention.",
                                events=numbers(done), resumed=facts.local(resumed)),
                        [*seqs(done), *stop])]
    if facts.at_stop:
        return [finding(spec, _("To do now: disconnect from the client's computer and record "
                                "it (sessiond record {session} disconnect-confirmed).",
                                session=facts.session.id), stop, severity="warning")]
    return [finding(spec, _("No disconnection on record after the intervention: the "
                            "technician must no longer be able to take control."), stop)]


def _disconnected_late(facts: Facts, spec: RuleSpec, done: list[Event]) -> list[Finding]:
    """A disconnection after the work, dated long after the stop: until then the technician
    could still take control ("après l'intervention, le technicien se déconnecte"), as a
    connection the tool logged open then would show (remote-access-after-stop). Its grace
    is that rule's (the seconds it takes to close the window), or, being typed by the
    technician, the tolerance his declared instants have (clock-consistent: 10 min), the
    larger: "d" pressed on the end screen a few minutes after closing the window is it."""
    stop_at = facts.session.stopped_at
    if stop_at is None:
        return []
    after = facts.policy.rules.get("remote-access-after-stop")
    clocks = facts.policy.rules.get("clock-consistent")
    grace = timedelta(seconds=max(
        int((after.params.get("grace_seconds") if after else None) or AFTER_STOP_SECONDS),
        int((clocks.params.get("max_declared_gap_seconds") if clocks else None)
            or DECLARED_GAP_SECONDS)))
    if any(e.at - stop_at <= grace for e in done):
        return []
    first = min(done, key=facts.key)
    return [finding(spec, _("The disconnection #{seq} is dated {at}, {late} after the stop "
                            "({stop}): until then the technician could still take control of "
                            "the client's computer. If it came earlier, record it at its "
                            "time (sessiond record {session} disconnect-confirmed --at TIME).",
                            seq=first.seq, at=facts.local(first.at),
                            late=_duration(first.at - stop_at), stop=facts.local(stop_at),
                            session=facts.session.id), [first.seq, *facts.stop_events()])]


@rule("receipt-issued")
def receipt_issued(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """Every intervention comes with a document the client keeps: the receipt, or the
    invoice of the session (VLH 5.3 "Une facture est systématiquement éditée à la fin de
    chaque intervention"; Micro-Alpes 13 "un document justificatif"; FGDMI II.3 the receipt
    and "la facture électronique")."""
    if not facts.stopped or facts.events("receipt-issued") or standing_invoices(
            facts.invoices):
        return []
    stop = seqs(facts.events("session-stopped"))
    if facts.at_stop:
        return [finding(spec, _("To do now: give the client the supporting document of this "
                                "intervention."), stop, severity="warning")]
    if not facts.receipts_in_log and not spec.params.get("from_first_session"):
        # Until receipts are issued at all, a missing one is not held against
        # the technician as an error, unless his terms promise one with every
        # intervention (Micro-Alpes 13, FGDMI II.3).
        return [finding(spec, _("No receipt on record for this session: give the client a "
                                "supporting document."), stop, severity="warning")]
    return [finding(spec, _("No receipt was issued for this session."), stop)]


@rule("receipt-current")
def receipt_current(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """A receipt issued before a correction of its session no longer states the corrected
    facts: the technician issues a new one (which says which one it replaces)."""
    from sessiond.model import CORRECTIONS

    receipts = facts.events("receipt-issued")
    if not receipts:
        return []
    last = receipts[-1]
    undone = undone_corrections(facts.stored, last.seq)
    later = [e for e in facts.session.events if e.seq > last.seq and e.kind in CORRECTIONS
             and e.seq not in undone and _receipt_states(facts, e)]
    # Cited under the terms' receipt article; terms that promise no receipt (MD's,
    # MRI87's) still price the time it states by their tranches (MD 5, MRI87 7.1).
    receipt_rule = facts.policy.rules.get("receipt-issued")
    cited = (receipt_rule.article if receipt_rule else
             spec.article if spec.article != "-" else facts.policy.tranches.article)
    # Named by the number printed on it (YEAR-NNNN), as `verify --receipt` and the next
    # receipt name it, then by its event: "n° 9" alone would read as a receipt number.
    number = last.body.get("number")
    receipt = (_("no. {number} (event #{seq})", number=number, seq=last.seq) if number
               else _("#{seq}", seq=last.seq))
    if later:
        return [replace(finding(spec, _(
            "The receipt {receipt} was issued before the correction {events}: it no "
            "longer states this intervention; issue a new one (sessiond receipt {session}).",
            receipt=receipt, events=numbers(later), session=facts.session.id),
            [last.seq, *seqs(later)]), article=cited)]
    stated = last.body.get("total")
    if stated is None or facts.receipted_now is None:
        return []
    from decimal import Decimal

    from sessiond.billing.text import money

    if facts.receipted_now == Decimal(stated):
        return []
    # Repriced by a correction of the client's history, as for invoice-current.
    return [replace(finding(spec, _(
        "The receipt {receipt} states {stated}, but the session is billed {now} now (the "
        "client's history was corrected since: a duplicate merged, a package withdrawn, "
        "another of his sessions corrected); issue a new one (sessiond receipt "
        "{session}).", receipt=receipt,
        stated=money(Decimal(stated)), now=money(facts.receipted_now),
        session=facts.session.id), [last.seq]), article=cited)]


# The texts of a session no receipt prints (receipt_data): its notes and pause reasons.
_UNPRINTED_TEXTS = ("note-added", "session-paused")


def _receipt_states(facts: Facts, correction: Event) -> bool:
    """Whether `correction` may change what a receipt states. A note replaced or redacted,
    a pause's reason redacted, are on no receipt: `check` asked for a new receipt while
    `verify --receipt` found the one the client holds conform to the log."""
    if correction.kind == "text-redacted":
        target = _corrected(facts, correction)
        return target is None or target.kind not in _UNPRINTED_TEXTS
    return True


def _corrected(facts: Facts, correction: Event) -> Event | None:
    """The event of the session that `correction` names."""
    return next((e for e in facts.session.events if e.seq == correction.body["corrects"]),
                None)


@rule("invoice-current")
def invoice_current(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """An invoice issued before a correction of its session no longer states the service
    as the log holds it: it is never changed, a credit note cancels it (sessiond invoice
    cancel) and the session can then be invoiced again."""
    from sessiond.model import CORRECTIONS

    current = standing_invoices(facts.invoices)
    if not current:
        return []
    invoice = current[-1]
    undone = undone_corrections(facts.stored, invoice.seq)
    later = [e for e in facts.session.events if e.seq > invoice.seq and e.kind in CORRECTIONS
             and e.seq not in undone and _invoice_states(facts, e)]
    if not later:
        from decimal import Decimal

        from sessiond.billing import text

        stated = Decimal(invoice.body["total"])
        if facts.invoiced_now is None or facts.invoiced_now == stated:
            return []
        # Repriced by a correction of the client's history (a duplicate merged, a
        # package withdrawn): no event of the session says it, the amounts do.
        return [finding(spec, _(
            "Invoice {number} (#{seq}) states {stated}, but its sessions are billed {now} "
            "now (the client's history was corrected since: a duplicate merged, a package "
            "withdrawn, another of his sessions corrected). Cancel it with a credit note "
            "(sessiond invoice cancel {number} --reason TEXT), then invoice the session "
            "again.",
            number=invoice.body["number"], seq=invoice.seq, stated=text.money(stated),
            now=text.money(facts.invoiced_now)), [invoice.seq])]
    return [finding(spec, _(
        "Invoice {number} (#{seq}) was issued before the correction {events}: it no longer "
        "states this intervention. Cancel it with a credit note (sessiond invoice cancel "
        "{number} --reason TEXT), then invoice the session again.",
        number=invoice.body["number"], seq=invoice.seq, events=numbers(later)),
        [invoice.seq, *seqs(later)])]


def _invoice_states(facts: Facts, correction: Event) -> bool:
    """Whether `correction` may change what an invoice states of its session (the service,
    its dates, quantities and amounts, the client). A text redacted (a note, a reason, the
    problems) and the consent's time corrected are on no invoice: a consent typed 09:50
    for 08:50, corrected after the invoice, asked for a credit note for an invoice that
    states no consent."""
    if correction.kind == "text-redacted":
        return False
    if correction.kind == "instant-amended":
        target = _corrected(facts, correction)
        return target is None or target.kind not in AMENDABLE_FACTS
    return True


# --- evidence from the remote-control tool -----------------------------------
# The tool's own log against the technician's record. Only accepted connections count
# (an attempt the peer refused never reached the client's machine). Messages never quote a
# partner ID: findings are stored in clear in check-completed.


def _second(facts: Facts, instant: datetime) -> str:
    """To the second: a connection and a consent can be a few seconds apart."""
    return clock.local_wall(instant, facts.tz)


def _tool(c: Observed) -> str:
    return labels.short(c.tool)


def _named(connections: Iterable[Observed], facts: Facts) -> str:
    return ", ".join(_("{tool} {start} (#{seq})", tool=_tool(c),
                       start=_second(facts, c.start), seq=c.seq) for c in connections)


def _shown(connections: Iterable[Observed]) -> list[int]:
    return [seq for c in connections for seq in c.events]


def _to_partner(facts: Facts, c: Observed) -> bool:
    """A connection to the client's computer: any one that reached no other machine
    (Observed.other_machine: an incoming one, one whose log names no partner, any one
    when the session names none, matched to the session)."""
    from sessiond.compliance.evidence import session_partner

    return not c.other_machine(session_partner(facts.session))


@rule("remote-access-before-consent")
def remote_access_before_consent(facts: Facts, spec: RuleSpec) -> list[Finding]:
    connections = [c for c in facts.connections if c.accepted and _to_partner(facts, c)]
    if not connections:
        return []
    # The consents by a channel the terms accept (Micro-Alpes 7, art. 1: giving the tool's
    # code is consenting to its control; an "oui" by phone before it is not), as for the
    # start and for work resumed after a disconnection (consent-before-access).
    given = sorted(facts.events("consent-recorded"), key=facts.key)
    terms = facts.policy.rules.get("consent-before-access")
    channels = consent_channels((terms.params.get("channels") if terms else None) or (),
                                facts.session.tool)
    consents = [e for e in given if not channels or e.body["channel"] in channels]
    first = consents[0] if consents else None
    early = [c for c in connections if first is None or c.start < first.at]
    later = _reconnections(facts, spec, [c for c in connections if c not in early], consents,
                           given, channels)
    if not early:
        return later
    if first is None and given:
        named = dict.fromkeys(labels.short(e.body["channel"]) for e in given)
        return [finding(spec, _("Connection {connections} with no consent of the client on "
                                "record by a channel the terms accept (given: {given}; the "
                                "terms ask for: {wanted}).", connections=_named(early, facts),
                                given=", ".join(named),
                                wanted=", ".join(labels.short(c) for c in channels)),
                        [*_shown(early), *seqs(given)])]
    if first is None:
        return [finding(spec, _("Connection {connections} with no consent of the client on "
                                "record.", connections=_named(early, facts)), _shown(early))]
    return [finding(spec, _("Connection {connections} began before the client's consent was "
                            "on record ({consent}, #{seq}).", connections=_named(early, facts),
                            consent=_second(facts, first.at), seq=first.seq),
                    [*_shown(early), first.seq, *facts.amended(first.seq)]), *later]


def _reconnections(facts: Facts, spec: RuleSpec, connections: list[Observed],
                   consents: list[Event], given: list[Event],
                   channels: tuple[str, ...]) -> list[Finding]:
    """Connections the tool opened after a disconnection the technician recorded, with no
    consent given since: the disconnection ended the access the consent was given for, as
    for work resumed after it (consent-before-access). One opened after the stop is
    remote-access-after-stop's."""
    gone = sorted((e for e in facts.events("disconnect-confirmed")
                   if not facts.before_start(e)), key=facts.key)
    stop_at = facts.session.stopped_at
    if not gone or facts.session.tool in NO_CONTROL_TOOLS:
        return []
    by_disconnection: dict[int, list[Observed]] = {}
    for c in connections:
        if stop_at is not None and c.start > stop_at:
            continue
        before = [d for d in gone if d.at < c.start]
        if before and not any(before[-1].at <= e.at <= c.start for e in consents):
            by_disconnection.setdefault(before[-1].seq, []).append(c)
    found = []
    for seq, again in by_disconnection.items():
        gone_at = next(d.at for d in gone if d.seq == seq)
        # A consent given since by a channel the terms do not accept (an "oui" by phone
        # where the tool's new code is the consent) is named, as for a resume.
        since = [e for e in given if gone_at <= e.at <= max(c.start for c in again)]
        if since:
            named = dict.fromkeys(labels.short(e.body["channel"]) for e in since)
            found.append(finding(spec, _(
                "Connection {connections} began after the disconnection #{seq} ({gone}) with "
                "no new consent of the client by a channel the terms accept (given: {given}; "
                "the terms ask for: {wanted}).", connections=_named(again, facts), seq=seq,
                gone=_second(facts, gone_at), given=", ".join(named),
                wanted=", ".join(labels.short(c) for c in channels)),
                [*_shown(again), seq, *seqs(since)]))
            continue
        found.append(finding(spec, _(
            "Connection {connections} began after the disconnection #{seq} ({gone}) with no "
            "new consent of the client on record.", connections=_named(again, facts),
            seq=seq, gone=_second(facts, gone_at)), [*_shown(again), seq]))
    return found


# A connection open this long after the stop is a connection left open, not the seconds
# it takes to close the window.
AFTER_STOP_SECONDS = 120


@rule("remote-access-after-stop")
def remote_access_after_stop(facts: Facts, spec: RuleSpec) -> list[Finding]:
    stop_at = facts.session.stopped_at
    if not facts.stopped or stop_at is None:
        return []
    grace = timedelta(seconds=int(spec.params.get("grace_seconds") or AFTER_STOP_SECONDS))
    stop = facts.stop_events()
    found = []
    # A connection to another machine (the next client's, say) is no access to this
    # client's computer: connection-to-other-partner reports it.
    for c in (c for c in facts.connections if c.accepted and _to_partner(facts, c)):
        if c.start - stop_at > grace:
            # Opened after the work was over: no connection left open, a new access.
            found.append(finding(spec, _(
                "The {tool} connection #{seq} was opened at {start}, {late} after the stop "
                "({stop}).", tool=_tool(c), seq=c.seq, start=_second(facts, c.start),
                late=_duration(c.start - stop_at), stop=_second(facts, stop_at)),
                [*c.events, *stop]))
        elif c.end_unknown and c.start <= stop_at + grace:
            found.append(_end_unknown_after_stop(spec, facts, c, stop_at, stop))
        elif c.start > stop_at and (c.end or c.last_seen) - stop_at > grace:
            # Opened within the grace after the stop, then kept: it was not open at the
            # stop, so it did not "stay open"; it was opened after the work, and lasted.
            opened = _duration(c.start - stop_at)
            if c.end is not None:
                message = _(
                    "The {tool} connection #{seq} was opened at {start}, {opened} after the "
                    "stop ({stop}), and stayed open until {end}, {late} after the stop.",
                    tool=_tool(c), seq=c.seq, start=_second(facts, c.start), opened=opened,
                    stop=_second(facts, stop_at), end=_second(facts, c.end),
                    late=_duration(c.end - stop_at))
            else:
                message = _(
                    "The {tool} connection #{seq} was opened at {start}, {opened} after the "
                    "stop ({stop}), and had no end yet in the tool's log read at {seen}, "
                    "{late} after the stop.", tool=_tool(c), seq=c.seq,
                    start=_second(facts, c.start), opened=opened,
                    stop=_second(facts, stop_at), seen=_second(facts, c.last_seen),
                    late=_duration(c.last_seen - stop_at))
            found.append(finding(spec, message, [*c.events, *stop]))
        elif c.end is not None:
            if c.end - stop_at > grace:
                found.append(finding(spec, _(
                    "The {tool} connection #{seq} stayed open until {end}, {late} after the "
                    "stop ({stop}).", tool=_tool(c), seq=c.seq, end=_second(facts, c.end),
                    late=_duration(c.end - stop_at), stop=_second(facts, stop_at)),
                    [*c.events, *stop]))
        elif c.last_seen - stop_at > grace:
            found.append(finding(spec, _(
                "The {tool} connection #{seq} had no end yet in the tool's log read at {seen}, "
                "{late} after the stop ({stop}).", tool=_tool(c), seq=c.seq,
                seen=_second(facts, c.last_seen), late=_duration(c.last_seen - stop_at),
                stop=_second(facts, stop_at)),
                [*c.events, *stop]))
        elif facts.at_stop:
            found.append(finding(spec, _(
                "To do now: the {tool} connection #{seq} is still open; disconnect from the "
                "client's computer.", tool=_tool(c), seq=c.seq), [*c.events, *stop],
                severity="warning"))
    # The technician's own record shows it too: a screenshot or a file copied from the
    # client's machine after the work was over (even at his request) was made on it then.
    late = [e for e in facts.events("artifact-recorded") if e.at - stop_at > grace]
    if late:
        found.append(finding(spec, _(
            "Made after the stop ({stop}): {items}; the client's machine was still accessed "
            "once the work was over.", stop=facts.local(stop_at), items=_artifacts(late)),
            [*seqs(late), *stop]))
    return found


def _end_unknown_after_stop(spec: RuleSpec, facts: Facts, c: Observed, stop_at: datetime,
                            stop: list[int]) -> Finding:
    """A connection whose end the tool's log does not have (it stops, or its end line is
    missing): it is neither closed at the log's last line nor open until the log was read.
    The log shows it without an end up to `seen_until`; whether it was closed by the stop
    is not known, so this is a warning, whatever the terms' severity."""
    assert c.seen_until is not None
    seen = c.seen_until
    if seen - stop_at > timedelta(0):
        message = _(
            "The end of the {tool} connection #{seq} is not in the tool's log, which goes on "
            "without it until {seen}, {late} after the stop ({stop}): the log does not show "
            "when it was closed.", tool=_tool(c), seq=c.seq, seen=_second(facts, seen),
            late=_duration(seen - stop_at), stop=_second(facts, stop_at))
    else:
        message = _(
            "The end of the {tool} connection #{seq} is not in the tool's log, which stops "
            "at {seen}, before the stop ({stop}): the log does not show whether it was "
            "closed at the stop.", tool=_tool(c), seq=c.seq, seen=_second(facts, seen),
            stop=_second(facts, stop_at))
    return finding(spec, message, [*c.events, *stop], severity="warning")


@rule("billed-beyond-connection")
def billed_beyond_connection(facts: Facts, spec: RuleSpec) -> list[Finding]:
    from sessiond.billing.worked import running_spans, worked_seconds
    from sessiond.compliance.evidence import connected_seconds

    stop_at = facts.session.stopped_at
    accepted = [c for c in facts.connections if c.accepted]
    if not facts.stopped or stop_at is None or not accepted:
        return []
    worked = worked_seconds(facts.session, stop_at)
    # Connected to the client while the clock ran: a connection to another machine, or
    # the part of one before the start, after the stop or in a pause, covers no work.
    connected = connected_seconds([c for c in accepted if _to_partner(facts, c)], stop_at,
                                  running_spans(facts.session, stop_at))
    tranche = facts.policy.tranches.increment_seconds
    if worked - connected <= tranche:
        return []
    from sessiond.billing import text

    unknown = [c for c in accepted if c.end_unknown and _to_partner(facts, c)
               and c.seen_until is not None and c.seen_until < stop_at]
    if unknown:
        # The log stops (or lost the end line) while the connection had no end: the time
        # after it is not shown connected, nor shown disconnected. No claim, a warning.
        return [finding(spec, _(
            "Worked time {worked} exceeds the time the tool's log shows connected "
            "({connected}) by more than one tranche, but the end of connection {connections} "
            "is not in the log: the time after it cannot be checked.",
            worked=text.duration(worked), connected=text.duration(connected),
            connections=_named(unknown, facts)),
            [*_shown(accepted), *facts.start_events(), *facts.stop_events()],
            severity="warning")]
    tools = ", ".join(dict.fromkeys(_tool(c) for c in accepted))
    return [finding(spec, _(
        "Worked time {worked} exceeds the time connected through {tools} ({connected}) by "
        "more than one tranche ({tranche}).", worked=text.duration(worked), tools=tools,
        connected=text.duration(connected), tranche=text.duration(tranche)),
        [*_shown(accepted), *facts.start_events(), *facts.stop_events()])]


@rule("connection-to-other-partner")
def connection_to_other_partner(facts: Facts, spec: RuleSpec) -> list[Finding]:
    from sessiond.compliance.evidence import session_partner

    # Only an outgoing connection's partner is a machine reached (Observed.other_machine):
    # an incoming one's is the machine that connected to the client's.
    named = [c for c in facts.connections if c.accepted and c.partner_id is not None
             and c.direction == "outgoing"]
    if not named:
        return []
    partner = session_partner(facts.session)
    if partner is not None:
        others = [c for c in named if c.other_machine(partner)]
        if not others:
            return []
        return [finding(spec, _("Connection {connections} reached another partner ID than "
                                "the one the session was planned with.",
                                connections=_named(others, facts)), _shown(others))]
    partners = list(dict.fromkeys(c.partner_id for c in named))
    if len(partners) < 2:
        return []
    return [finding(spec, _("The connections of this session reached {count} different "
                            "partner IDs: {connections}.", count=len(partners),
                            connections=_named(named, facts)), _shown(named))]


def _duration(delta: timedelta) -> str:
    from sessiond.billing import text

    return text.duration(int(delta.total_seconds()))


# --- the clocks ------------------------------------------------------------------------


@rule("clock-consistent")
def clock_consistent(facts: Facts, spec: RuleSpec) -> list[Finding]:
    limit = int(spec.params.get("max_declared_gap_seconds") or DECLARED_GAP_SECONDS)
    found = []
    late = [e for e in facts.session.events
            if abs((e.recorded_at - e.at).total_seconds()) > limit]
    if late:
        found.append(finding(spec, _(
            "Declared instants (--at) more than {minutes} min from when they were recorded: "
            "{events}.", minutes=limit // 60, events=", ".join(
                f"#{e.seq} ({_gap(e)})" for e in late)), seqs(late)))
    jumps = []
    ordered = sorted(facts.session.events, key=lambda e: e.seq)
    for before, after in pairwise(ordered):
        if before.boot_id != after.boot_id or before.boot_id == "unknown":
            continue
        wall = (after.recorded_at - before.recorded_at).total_seconds()
        boot = (after.boottime_ns - before.boottime_ns) / 1e9
        if abs(wall - boot) > CLOCK_JUMP_SECONDS:
            jumps.append((before, after, wall - boot))
    if jumps:
        found.append(finding(spec, _(
            "The wall clock jumped while the machine ran (compared with its boot clock): "
            "{jumps}.", jumps=", ".join(
                _("{delta} between #{first} and #{second}", delta=_signed(d),
                  first=a.seq, second=b.seq) for a, b, d in jumps)),
            [s for a, b, _d in jumps for s in (a.seq, b.seq)]))
    found.extend(_left_running(facts, spec))
    return found


# A clock that ran this long without a pause was left running (overnight, say): the time
# the terms bill is the time actually spent (MD 5, VLH 3.3, MRI87 7.1, Micro-Alpes 3).
LEFT_RUNNING_SECONDS = 12 * 3600


def _left_running(facts: Facts, spec: RuleSpec) -> list[Finding]:
    steps = [e for e in facts.session.events if e.kind in (
        "session-started", "session-resumed", "session-paused", "session-stopped")]
    found = []
    for span in facts.session.running:
        if span.seconds(facts.now) <= LEFT_RUNNING_SECONDS:
            continue
        shown = [s for e in steps if e.at in (span.start, span.end)
                 for s in (e.seq, *facts.amended(e.seq))]
        if span.end is None:
            message = _("The clock has run {span} without a pause since {start}: a clock "
                        "left running bills time no one worked; pause or stop it at the time "
                        "the work ended (--at).", span=_duration(facts.now - span.start),
                        start=facts.local(span.start))
        else:
            close = next((e.seq for e in reversed(steps) if e.at == span.end
                          and e.kind in ("session-paused", "session-stopped")), None)
            message = _("The clock ran {span} without a pause, from {start} to {end}: a "
                        "clock left running (overnight, say) bills time no one worked; if the "
                        "work ended earlier, correct that instant (sessiond amend {session} "
                        "{seq} --at TIME --reason TEXT).", span=_duration(span.end - span.start),
                        start=facts.local(span.start), end=facts.local(span.end),
                        session=facts.session.id, seq=close if close is not None else "N")
        found.append(finding(spec, message, shown))
    return found


@rule("overlapping-sessions")
def overlapping_sessions(facts: Facts, spec: RuleSpec) -> list[Finding]:
    """The session's clock ran while another session's ran too (a stop forgotten, a start
    typed at the wrong time, two clients served "at once"): one technician works one
    session at a time, and the terms bill the time actually spent on this intervention
    (MD 5 "temps effectivement passé", VLH 3.3 "durée réelle de l'intervention"), so the
    same minutes billed twice, to one client or to two, are minutes one bill does not owe.
    Each session of the pair reports it, citing the clock events of both at the stretch's
    ends. The service finds the stretches (Sessiond.overlaps); a session cancelled as a
    duplicate shares none."""
    found = []
    for o in facts.overlaps:
        span = _("from {first} to {last}", first=facts.local(o.start, seconds=True),
                 last=facts.local(o.end, seconds=True))
        if o.same_client:
            message = _(
                "The clock ran {span} ({duration}) while that of session {other}, of the "
                "same client, ran too: the same minutes are billed twice. If a time is "
                "wrong, correct it (sessiond amend SESSION SEQ --at TIME --reason TEXT); if "
                "it is the same work timed twice: sessiond cancel {session} --duplicate-of "
                "{other} --reason TEXT.", span=span, duration=_duration(o.end - o.start),
                other=o.other, session=facts.session.id)
        else:
            message = _(
                "The clock ran {span} ({duration}) while that of session {other} ran too: "
                "the same minutes are billed to two clients. If a time is wrong, correct it "
                "(sessiond amend SESSION SEQ --at TIME --reason TEXT).", span=span,
                duration=_duration(o.end - o.start), other=o.other)
        found.append(finding(spec, message,
                             [*bounding(facts.session, o.start, o.end), *o.events]))
    return found


def _gap(event: Event) -> str:
    return _signed((event.at - event.recorded_at).total_seconds())


def _signed(seconds: float) -> str:
    from sessiond.billing import text

    sign = "+" if seconds >= 0 else "−"
    return sign + text.duration(round(abs(seconds)))
