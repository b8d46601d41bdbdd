"""The billing engine: a pure function of (session, policy, the client's history, now).

Order of the lines, each rounded to the cent half-up, the total being their sum:
1. time: billed time (tranches) at the hourly rate, the session's quoted rate winning
   over the policy's price list (FGDMI II.1); or, for a session planned with a price of
   its own (`session new --price`: a package, a quote, MD 5, VLH 5.2), that price once
   work began, whatever the time, unless the client's hardware proved defective and the
   terms then bill the cheaper of it and the time (FGDMI IV.2);
2. discounts on the time line (VLH 5.5: a new client's first intervention, unless he was
   known before sessiond; a referral, on the next intervention);
3. the result guarantee on the time line (FGDMI III.2): no valid solution, no fee; on
   request, a share off per unsolved listed problem, capped when a solution was given;
4. a re-intervention under warranty (billing.warranty): free, or a flat charge, or billed
   as any session, as the policy's [warranty] says;
5. prepaid credit (MRI87): the part of the billed time the client's packages cover;
6. fees (travel, no-show, late cancellation, waiting), each once per intervention
   (model.same_fee), only those the policy provides for (MRI87 has no travel, FGDMI no
   missed-appointment fee), and billed only when the policy's conditions hold: beside
   another fee (Micro-Alpes 3: travel only on a no-show), within the notice (VLH 5.6,
   MRI87 15; an appointment cancelled in time owes its travel neither), announced
   beforehand (MD 9, the travel to a missed appointment too). A partial result never
   reduces them (FGDMI III.2.3); no valid solution waives them with
   the time where the clause says `covers_fees` (FGDMI III.2.1: "ne pas le facturer").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sessiond import clock, labels
from sessiond.billing import credit as cr
from sessiond.billing import offers, text
from sessiond.billing import warranty as wr
from sessiond.billing.bill import Bill, CreditDraw, CreditUse, Line, NextTranche
from sessiond.billing.statement import demands
from sessiond.billing.worked import worked_seconds
from sessiond.errors import InputError
from sessiond.i18n import _
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.model import MISSED_FEES, Event, Session, State, same_fee
from sessiond.policy.schema import Fee, Guarantee, Policy

HOUR = Decimal(3600)
HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass(frozen=True)
class History:
    """What billing needs to know about the client beyond this session."""

    sessions: tuple[Session, ...] = ()  # his sessions (this one may be among them)
    # client-scope events: credit-added, client-added (known since), referral-recorded
    client_events: tuple[Event, ...] = ()
    # the client the sessions count for: a merged duplicate's session is billed to the
    # client he was merged into, as its invoice is (None: the session's own client)
    client: str | None = None


@dataclass(frozen=True)
class _Facts:
    """Everything that does not depend on how much time is billed."""

    session: Session
    policy: Policy
    rate: Decimal | None
    rate_source: str | None
    first_intervention: bool
    packages: tuple[cr.Package, ...] = ()
    balances: cr.Balances = field(default_factory=dict)  # after the earlier sessions
    window: tuple[datetime, datetime] | None = None  # when this session ran, for credit
    now: datetime | None = None
    known_before: date | None = None  # a client from before sessiond: no new-client offer
    referral: Event | None = None  # the referral whose discount goes to this session
    # a referral lost before this session, its next intervention, and its last valid day
    lapsed_referral: tuple[Event, date] | None = None
    warranty: wr.Decision | None = None  # a re-intervention under warranty
    price: Decimal | None = None  # the price agreed for the whole session
    defective: bool = False  # the client's hardware proved defective (FGDMI IV.2)


@dataclass(frozen=True)
class _Priced:
    lines: tuple[Line, ...]
    total: Decimal
    warnings: tuple[str, ...]
    credit: CreditUse | None
    notes: tuple[str, ...] = ()  # sentences the explanation adds (why no discount...)
    billed: int = 0  # the billed time as priced (a flat warranty charge replaces it)
    fixed: bool = False  # the session's agreed price was billed, not its time


def bill(session: Session, policy: Policy, history: History, now: datetime) -> Bill:
    """Price `session` under `policy` as of `now` (a running session: the amount so far)."""
    worked = worked_seconds(session, now)
    model = policy.tranches
    if session.cancelled:
        return _cancelled(session, policy, worked, now, history.client)
    facts = _facts(session, policy, history, now)
    priced = _price(facts, model.billed_seconds(worked))
    # A price for the session rounds nothing: the time worked is the time it paid for.
    billed = worked if priced.fixed else priced.billed
    return Bill(
        session=session.id, client=history.client or session.client_id, policy=policy.id,
        policy_digest=policy.digest, state=session.state.value, mode=session.mode,
        worked_seconds=worked, billed_seconds=billed,
        first_block_seconds=model.first_block_seconds,
        increment_seconds=model.increment_seconds,
        increments=0 if priced.fixed else model.increments(worked),
        rate_per_hour=facts.rate, rate_source=facts.rate_source, lines=priced.lines,
        total=priced.total, currency="EUR", vat_mention=policy.vat.mention,
        explanation=_explain(policy, worked, billed, priced.lines, priced.notes,
                             flat=bool(facts.warranty and facts.warranty.flat_seconds),
                             fixed=priced.fixed),
        warnings=priced.warnings, computed_at=now,
        next_tranche=_next_tranche(facts, worked, billed, priced.total, now),
        credit=priced.credit,
    )


def _cancelled(session: Session, policy: Policy, worked: int, now: datetime,
               client: str | None) -> Bill:
    """A cancelled session owes nothing: planned by mistake, or the duplicate of the
    session that holds its work (`cancel --duplicate-of`), whose bill has that time; a
    session with a fee or a payment is never cancelled. Its worked time stays shown."""
    rate, source = _hourly(session, policy)
    cancel = next(e for e in session.events if e.kind == "session-cancelled")
    holder = cancel.body.get("duplicate_of")
    explanation = (_("Cancelled as a duplicate of {session}, which bills this work: "
                     "nothing is due.", session=holder) if holder
                   else _("Cancelled: nothing is due."))
    return Bill(
        session=session.id, client=client or session.client_id, policy=policy.id,
        policy_digest=policy.digest, state=session.state.value, mode=session.mode,
        worked_seconds=worked, billed_seconds=0,
        first_block_seconds=policy.tranches.first_block_seconds,
        increment_seconds=policy.tranches.increment_seconds, increments=0,
        rate_per_hour=rate, rate_source=source, lines=(), total=Decimal("0.00"),
        currency="EUR", vat_mention=policy.vat.mention, explanation=explanation,
        warnings=(), computed_at=now)


# --- facts -----------------------------------------------------------------------------


def _hourly(session: Session, policy: Policy) -> tuple[Decimal | None, str | None]:
    """The hourly rate and where it comes from: the session's quote wins over the
    policy's price list (FGDMI II.1), as it stood when the session was ordered, or when it
    started where the rate says so (`in_force`, VLH 3.3); a session recorded before
    `listed_rate` was: the policy's list now."""
    if session.rate is not None:
        return Decimal(session.rate), "session"
    listed = policy.rate_for(session.mode)
    if listed is not None and listed.in_force == "intervention":
        # VLH 3.3: the price list "en vigueur au jour de l'intervention", kept at the start
        started = next((e.body.get("listed_rate") for e in session.events
                        if e.kind == "session-started"), None)
        if started is not None:
            return Decimal(started), "policy"
    ordered = wr.planned(session).get("listed_rate")
    if ordered is not None:  # the price list of the day it was ordered (MRI87 7.2, MD 19)
        return Decimal(ordered), "policy"
    return (listed.per_hour, "policy") if listed else (None, None)


def _facts(session: Session, policy: Policy, history: History, now: datetime) -> _Facts:
    rate, source = _hourly(session, policy)
    others = {s.id: s for s in history.sessions if s.id != session.id}
    # A session started and stopped (or only paused) without a second of work was no
    # intervention (VLH 5.5 "lors de leur première intervention", "la prochaine prestation
    # effectuée"): it neither ends the client's being new nor uses up a referral.
    idle = {s.id for s in (*others.values(), session)
            if s.started_at is not None and worked_seconds(s, now) <= 0}
    referral_terms = policy.discounts.get("referral")
    referral = lapsed = None
    if referral_terms is not None:
        known = {**others, session.id: session}
        free = {s.id for s in known.values()
                if (d := wr.decide(s, policy, known)) is not None and d.free}
        referral = offers.referral_for(session, others.values(), history.client_events,
                                       referral_terms, free=free | idle)
        lapsed = offers.lapsed_referral(session, others.values(), history.client_events,
                                        referral_terms, free=free | idle)
    facts = _Facts(session, policy, rate, source,
                   first_intervention=not any(_before(s, session) for s in others.values()
                                              if s.id not in idle),
                   now=now, known_before=offers.known_before(history.client_events, session),
                   referral=referral, lapsed_referral=lapsed,
                   warranty=wr.decide(session, policy, others),
                   price=_agreed_price(session),
                   defective=any(e.kind == "hardware-defective" for e in session.events))
    if policy.credit is None:
        return facts
    packages = cr.packages(history.client_events, policy.credit.validity_months)
    earlier = demands(policy, (s for s in others.values() if _before(s, session)), now,
                      known=others)
    _usages, balances = cr.ledger(packages, earlier)
    start = session.started_at or session.planned_at
    return replace(facts, packages=packages, balances=balances,
                   window=(start, session.stopped_at or now))


def _agreed_price(session: Session) -> Decimal | None:
    price = wr.planned(session).get("price")
    return Decimal(price) if price is not None else None


def _before(other: Session, session: Session) -> bool:
    """Did `other` start before `session`? A session never started is no intervention."""
    if other.started_at is None:
        return False
    if session.started_at is None:
        return True
    return (other.started_at, other.planned_at, other.id) < (
        session.started_at, session.planned_at, session.id)


# --- pricing ---------------------------------------------------------------------------


def _price(facts: _Facts, billed: int) -> _Priced:
    session, policy = facts.session, facts.policy
    warnings: list[str] = []
    notes: list[str] = []
    lines: list[Line] = []
    decision = facts.warranty
    if decision is not None:
        notes.append(decision.note)
        if decision.flat_seconds and billed > 0:
            billed = decision.flat_seconds  # MRI87 16.2: a flat charge, whatever the time
    free = decision is not None and decision.free
    fee_lines = _fees(facts, warnings)
    credit_use = None
    fixed = None
    if billed > 0 and facts.price is not None and not (decision and decision.flat_seconds):
        fixed = _fixed_price(facts, billed, notes)
    if billed > 0 or not fee_lines:
        if fixed is not None:
            time_amount = fixed.amount
            lines.append(fixed)
        else:
            rate = _rate(facts) if billed > 0 else (facts.rate or ZERO)
            time_amount = text.cents(rate * billed / HOUR)
            lines.append(Line("time", _("Time: {billed} at {rate}/h",
                                        billed=text.duration(billed), rate=text.money(rate)),
                              time_amount, policy.tranches.article))
        if free and decision is not None and time_amount > 0:
            lines.append(Line("warranty", _("Warranty: the time is not billed (art. "
                                            "{article})", article=decision.article),
                              -time_amount, decision.article, "warranty"))
        else:
            lines.extend(_discounts(facts, time_amount, notes))
            if policy.guarantee is not None and billed > 0:
                lines.extend(_guarantee(policy.guarantee, session, time_amount, warnings,
                                        notes))
        _clamp(lines, time_amount)
        if policy.credit is not None and billed > 0 and not free and fixed is None:
            # prepaid hours pay for time; a price agreed for the session is no time
            net_time = sum((line.amount for line in lines), ZERO)
            credit_line, credit_use = _credit(facts, billed, net_time, warnings)
            if credit_line is not None:
                lines.append(credit_line)
    lines.extend(fee_lines)
    fees_total = sum((line.amount for line in fee_lines), ZERO)
    missed = next((line for line in fee_lines if line.name in MISSED_FEES), None)
    if free and decision is not None and decision.covers_fees and missed is not None:
        # The warranty takes on the costs the failure's return causes (Micro-Alpes 10:
        # "les frais d'intervention et de déplacement entraînés par la reproduction
        # d'une panne"); a missed appointment is owed for the absence, "quelle que soit la
        # prestation commandée" (Micro-Alpes 3): its fees stay due.
        notes.append(_("Missed appointment: its fees are due whatever intervention was "
                       "ordered; the warranty does not cover them (art. {article})",
                       article=missed.article or "-"))
    elif free and decision is not None and decision.covers_fees and fees_total > 0:
        lines.append(Line("warranty", _("Warranty: the fees are not billed either (art. "
                                        "{article})", article=decision.article),
                          -fees_total, decision.article, "warranty-fees"))
    elif fees_total > 0 and missed is None:
        lines.extend(_guarantee_fees(policy, lines, fees_total))
    return _Priced(tuple(lines), sum((line.amount for line in lines), ZERO), tuple(warnings),
                   credit_use, tuple(notes), billed, fixed=fixed is not None)


def _fixed_price(facts: _Facts, billed: int, notes: list[str]) -> Line | None:
    """The line of the price agreed for the session, once work began (None: the time is
    billed instead). A price wins over the time whatever the time worked (MD 5 "forfaits
    atelier", VLH 5.2 "au forfait", FGDMI II.1 "la formule tarifaire [...] acceptée avant
    l'intervention"); when the client's hardware proved defective and the terms say so
    (FGDMI IV.2 "la tarification applicable la plus avantageuse pour le client, entre le
    tarif à l'heure, le forfait éventuel [...] et le devis"), the cheaper of the two."""
    assert facts.price is not None
    price = text.cents(facts.price)
    terms = facts.policy.fixed_price
    article = terms.article if terms is not None else facts.policy.tranches.article
    clause = terms.defective_hardware if terms is not None else None
    if facts.defective and clause is not None:
        if facts.rate is None:
            notes.append(_("Defective hardware: no hourly rate to compare the agreed price "
                           "with; the price is billed (art. {article})",
                           article=clause.article))
        else:
            hourly = text.cents(facts.rate * billed / HOUR)
            if hourly < price:
                notes.append(_("Defective hardware: the time at the hourly rate, {hourly}, "
                               "costs less than the agreed price of {price}; the cheaper is "
                               "billed (art. {article})", hourly=text.money(hourly),
                               price=text.money(price), article=clause.article))
                return None
            notes.append(_("Defective hardware: the agreed price of {price} costs no more "
                           "than the time at the hourly rate, {hourly}; the cheaper is "
                           "billed (art. {article})", hourly=text.money(hourly),
                           price=text.money(price), article=clause.article))
    return Line("price", _("Agreed price for the session (art. {article})", article=article),
                price, article, "fixed-price")


def _rate(facts: _Facts) -> Decimal:
    if facts.rate is None:
        mode = facts.session.mode
        raise InputError(_(
            "Policy {policy} has no hourly rate for {mode} sessions: give the session a "
            "quoted rate (sessiond session new --rate) or add [rates.{mode}] to the policy.",
            policy=facts.policy.id, mode=mode))
    return facts.rate


def _discounts(facts: _Facts, time_amount: Decimal, notes: list[str]) -> list[Line]:
    found = []
    new_client = facts.policy.discounts.get("new-client")
    if new_client is not None and facts.first_intervention and time_amount > 0:
        if facts.known_before is not None:
            notes.append(_("Client known since {day}, before sessiond: this is not his first "
                           "intervention, no new-client discount (art. {article})",
                           day=long_date(facts.known_before), article=new_client.article))
        else:
            found.append(Line(
                "discount",
                _("New client's first intervention: {percent} % off (art. {article})",
                  percent=text.percent(new_client.percent), article=new_client.article),
                -text.cents(time_amount * new_client.percent / HUNDRED), new_client.article,
                "new-client"))
    referral = facts.policy.discounts.get("referral")
    if referral is not None and facts.referral is not None and time_amount > 0:
        found.append(Line(
            "discount",
            _("Referral of client {referred}: {percent} % off (art. {article})",
              referred=facts.referral.body["referred"], percent=text.percent(referral.percent),
              article=referral.article),
            -text.cents(time_amount * referral.percent / HUNDRED), referral.article,
            "referral"))
    elif referral is not None and facts.lapsed_referral is not None and time_amount > 0:
        # VLH 5.5 "La remise, valable 1 an": the bill says why the client mentioned does
        # not take 10 % off, rather than leaving the technician to wonder.
        lapsed, last_day = facts.lapsed_referral
        notes.append(_("Referral of client {referred}: its discount was valid until {day}, "
                       "before this intervention; no referral discount (art. {article})",
                       referred=lapsed.body["referred"], day=long_date(last_day),
                       article=referral.article))
    return found


def _outcomes(session: Session) -> dict[int, str]:
    """The last recorded outcome of each listed problem (a later record corrects)."""
    results: dict[int, str] = {}
    for event in session.events:
        if event.kind == "outcome-recorded":
            results[event.body["problem"]] = event.body["result"]
    if session.problem_count:
        results = {p: r for p, r in results.items() if 1 <= p <= session.problem_count}
    return results


def _guarantee(g: Guarantee, session: Session, time_amount: Decimal,
               warnings: list[str], notes: list[str]) -> list[Line]:
    results = _outcomes(session)
    if results and not session.problem_count and g.partial_results is not None:
        # FGDMI III.2.1 (4): the guarantee "s'applique uniquement pour les besoins et
        # problématiques préalablement mentionnés dans la demande d'intervention", and
        # III.2.3 reduces for "chaque problématique mentionnée par le client dans sa
        # demande": a session planned with no problem listed has none it could fail.
        listed = g.no_valid_solution or g.partial_results
        notes.append(_("No problem was listed when the session was planned: the result "
                       "guarantee covers only the problems the client mentioned in his "
                       "request (art. {article})", article=listed.article))
        return []
    if not results:
        if g.partial_results is None or not session.problem_count:
            # VLH 6.5: only an outcome on record (irreparable, unsolved) changes the bill;
            # the reminder is for terms whose reductions hang on each listed problem, and
            # a session planned with none listed has no outcome to record (FGDMI III.2.1
            # (4): the guarantee covers the problems mentioned in the request only).
            return []
        warnings.append(_("No outcome is recorded: the result guarantee cannot be applied. "
                          "Record each listed problem: sessiond record {session} outcome "
                          "--problem N solved|diagnosed|unsolved.", session=session.id))
        return []
    missing = [str(p) for p in range(1, session.problem_count + 1) if p not in results]
    if missing:
        warnings.append(_("Listed problems without a recorded outcome: {problems}.",
                          problems=", ".join(missing)))
    valid_results = {"solved", "diagnosed"} if g.diagnosis_is_valid else {"solved"}
    valid = sum(1 for r in results.values() if r in valid_results)
    unsolved = len(results) - valid
    if unsolved and session.stopped_by == "client":
        # FGDMI III.2.1 promises "not billed" only when the technician could work "sans
        # interruption [...] résultant de la responsabilité du client", and III.2.4 says an
        # intervention the client keeps from being carried out does not meet the conditions
        # of the result guarantee: the partial-result reductions (III.2.3) belong to it.
        clause = g.no_valid_solution or g.partial_results
        notes.append(_("The client ended the intervention: the result guarantee does not "
                       "apply to what was left unsolved (art. {article})",
                       article=clause.article if clause else "-"))
        return []
    if valid == 0 and g.no_valid_solution is not None:
        article = g.no_valid_solution.article
        return [Line("guarantee", _("No valid solution: the intervention is not billed "
                                    "(art. {article})", article=article),
                     -time_amount, article, "no-valid-solution")]
    partial = g.partial_results
    if partial is None or unsolved == 0:
        return []
    raw = partial.percent_per_problem * unsolved
    share = min(raw, partial.cap_percent) if valid else min(raw, HUNDRED)
    requested = any(e.kind == "reduction-requested" for e in session.events)
    if not requested:
        warnings.append(n_(unsolved, "{n} listed problem unsolved: on request the client "
                           "gets {percent} % off (art. {article}); record it with sessiond "
                           "record {session} reduction-requested.", "{n} listed problems "
                           "unsolved: on request the client gets {percent} % off (art. "
                           "{article}); record it with sessiond record {session} "
                           "reduction-requested.", percent=text.percent(share),
                           article=partial.article, session=session.id))
        return []
    if share < raw:
        label = _("Partial results: {count} × {each} % = {raw} %, capped "
                  "at {share} % (art. {article})",
                  count=n_(unsolved, "{n} unsolved problem", "{n} unsolved problems"),
                  each=text.percent(partial.percent_per_problem), raw=text.percent(raw),
                  share=text.percent(share), article=partial.article)
    else:
        label = _("Partial results: {count} × {each} % = {share} % "
                  "(art. {article})", count=unsolved,
                  each=text.percent(partial.percent_per_problem), share=text.percent(share),
                  article=partial.article)
    return [Line("guarantee", label, -text.cents(time_amount * share / HUNDRED),
                 partial.article, "partial-results")]


def _guarantee_fees(policy: Policy, lines: list[Line], fees_total: Decimal) -> list[Line]:
    """The fees off too when no valid solution was given and the clause covers them:
    FGDMI III.2.1 promises "ne pas le facturer", the client, not only his time (its "frais
    de déplacement non déductibles" is said of a partial result, III.2.3; and a doubtful
    clause reads in the consumer's favour, C. consom. L211-1, against its drafter, C. civ.
    1190). A missed appointment's fees are owed for the absence: never covered."""
    clause = policy.guarantee.no_valid_solution if policy.guarantee else None
    if clause is None or not clause.covers_fees or not any(
            line.name == "no-valid-solution" for line in lines):
        return []
    return [Line("guarantee", _("No valid solution: the fees are not billed either (art. "
                                "{article})", article=clause.article),
                 -fees_total, clause.article, "no-valid-solution-fees")]


def _clamp(lines: list[Line], time_amount: Decimal) -> None:
    """Reductions together never take the time line below zero."""
    net = sum((line.amount for line in lines), ZERO)
    if net < 0 and lines:
        last = lines[-1]
        lines[-1] = Line(last.kind, last.label, last.amount - net, last.article, last.name)


def _credit(facts: _Facts, billed: int, net_time: Decimal, warnings: list[str]
            ) -> tuple[Line | None, CreditUse]:
    assert facts.policy.credit is not None and facts.window is not None
    balances = dict(facts.balances)  # a copy: pricing a hypothetical must not consume
    usage = cr.draw(facts.packages, balances,
                    cr.Demand(facts.session.id, facts.window[0], facts.window[1], billed))
    now = facts.now or facts.window[1]
    remaining = sum(balances.get(p.seq, p.seconds) for p in facts.packages
                    if now < p.expires_at)
    use = CreditUse(
        covered_seconds=usage.covered_seconds, shortfall_seconds=usage.shortfall_seconds,
        draws=tuple(CreditDraw(d.package.seq, d.package.purchased_at, d.package.expires_at,
                               d.seconds) for d in usage.draws),
        remaining_seconds=remaining)
    article = facts.policy.credit.article
    if usage.shortfall_seconds:
        rule = facts.policy.rules.get("prepaid-credit-covers")
        warnings.append(_("Prepaid credit does not cover {missing} of this session: the client "
                          "must first buy a new package (art. {article}).",
                          missing=text.duration(usage.shortfall_seconds),
                          article=rule.article if rule else article))
        later = [p for p in facts.packages if p.purchased_at > facts.window[1]]
        if later:
            # The usual cause: the purchase was recorded after the work, at "now".
            warnings.append(_("Package #{seq} was recorded as bought after this session "
                              "ended: it does not cover it.", seq=later[0].seq))
    if not usage.covered_seconds:
        return None, use
    amount = net_time if usage.covered_seconds == billed else \
        text.cents(net_time * usage.covered_seconds / billed)
    line = Line("credit", _("Prepaid package: {covered} deducted from the credit "
                            "(art. {article})", covered=text.duration(usage.covered_seconds),
                            article=article), -amount, article, "prepaid")
    return line, use


def _fees(facts: _Facts, warnings: list[str]) -> list[Line]:
    session, policy = facts.session, facts.policy
    lines = []
    seen: list[Event] = []
    for event in session.events:
        if event.kind != "fee-added":
            continue
        name = event.body["fee"]
        label = labels.fee(name)
        spec = policy.fees.get(name)
        first = next((e for e in seen if same_fee(e.body["fee"], name)), None)
        if first is not None:
            # Recording refuses it (model.fee_refusal); a log written before that rule may
            # hold it: the same fee is billed once (one not billed, e.g. for want of its
            # amount, does not count).
            cited = labels.cite(spec.article if spec else None)
            warnings.append(_("{fee} (#{seq}): already charged in this intervention (#{first}); "
                              "each fee is charged once per intervention{where}: not billed "
                              "again.", fee=label, seq=event.seq, first=first.seq,
                              where=f" ({cited})" if cited else ""))
            continue
        if spec is None:
            # A fee is owed only where the terms provide for it (MRI87 prices remote
            # work alone, with no travel; FGDMI names no fee for a missed appointment):
            # the technician's own fees go into his policy, with their article.
            warnings.append(_("{fee}: these terms (policy {policy}) provide for no such fee; "
                              "not billed.", fee=label, policy=policy.id))
            continue
        if not spec.applies_to(session.mode):
            warnings.append(_("{fee}: not billed for a {mode} session under this policy "
                              "(art. {article}).", fee=label, mode=_(session.mode),
                              article=spec.article))
            continue
        refused = _fee_condition(facts, spec, event, label)
        if refused is not None:
            warnings.append(refused)
            continue
        amount, detail = _fee_amount(facts, spec, event.body.get("amount"))
        if amount is None:
            warnings.append(_("{fee}: no amount; the policy leaves it open (art. {article}). "
                              "Record the fee with its amount: sessiond record {session} fee "
                              "--kind {name} --amount EUR.", fee=label, article=spec.article,
                              session=session.id, name=name))
            continue
        if spec.minimum and event.body.get("amount") is not None:
            # Micro-Alpes 3, 10.2: "les frais de déplacement + son temps d'attente éventuel
            # (minimum de facturation : 1 heure)": the waiting typed as the fee's amount is
            # billed as typed beyond the hour, never below it.
            least, least_detail = _fee_amount(facts, spec, None)
            if least is not None and amount < least:
                warnings.append(_("{fee}: {amount} recorded, but the terms charge at least "
                                  "{least} (art. {article}): {least} billed.", fee=label,
                                  amount=text.money(text.cents(amount)),
                                  least=text.money(text.cents(least)), article=spec.article))
                amount, detail = least, least_detail
        if spec.max_amount is not None and amount > spec.max_amount:
            # FGDMI III.5: the client "est redevable du déplacement soit jusqu'à 60 euros":
            # he owes no more than the terms say, whatever was typed.
            warnings.append(_("{fee}: {amount} recorded, but the terms charge at most {most} "
                              "(art. {article}): {most} billed.", fee=label,
                              amount=text.money(text.cents(amount)),
                              most=text.money(spec.max_amount), article=spec.article))
            amount = spec.max_amount
        if detail:
            label = _("{label}: {detail}", label=label, detail=detail)
        label = _("{label} (art. {article})", label=label, article=spec.article)
        lines.append(Line("fee", label, text.cents(amount), spec.article, name))
        seen.append(event)
    return lines


def _fee_condition(facts: _Facts, spec: Fee, event: Event, label: str) -> str | None:
    """Why the fee of `event` is not due under the policy's conditions (None: it is)."""
    session = facts.session
    recorded = {e.body["fee"] for e in session.events if e.kind == "fee-added"}
    if spec.only_with and not recorded & set(spec.only_with):
        return _("{fee}: included in the rates, billed only with {others} (art. {article}); "
                 "not billed.", fee=label,
                 others=_(" or ").join(labels.fee(f).lower() for f in spec.only_with),
                 article=spec.article)
    appointment_text = wr.planned(session).get("appointment")
    appointment = clock.from_text(appointment_text) if appointment_text else None
    if spec.notice_hours is not None:
        if appointment is None:
            return _("{fee}: the appointment is not on record (session new --appointment), so "
                     "the notice of {hours} h cannot be shown (art. {article}); not billed.",
                     fee=label, hours=spec.notice_hours, article=spec.article)
        notice = _timely_notice(spec, event, appointment)
        if notice is not None:
            return _("{fee}: cancelled {notice} before the appointment, at least {hours} h "
                     "ahead (art. {article}); not billed.", fee=label,
                     notice=text.duration(int(notice.total_seconds())),
                     hours=spec.notice_hours, article=spec.article)
    if session.started_at is None and event.body["fee"] not in MISSED_FEES and \
            appointment is not None:
        # VLH 5.6: "En cas de report, aucun frais ne sera facturé, à condition d'informer
        # le Prestataire au moins 24 heures avant [...]. Si le client ne prévient pas dans
        # ce délai et que le Prestataire a déjà effectué le déplacement, la totalité des
        # frais kilométriques dus seront facturés": an appointment cancelled in time owes
        # no fee, its travel included.
        for other in session.events:
            terms = facts.policy.fees.get(other.body.get("fee", "")) \
                if other.kind == "fee-added" else None
            if terms is None or terms.notice_hours is None or other.body["fee"] not in \
                    MISSED_FEES:
                continue
            notice = _timely_notice(terms, other, appointment)
            if notice is not None:
                return _("{fee}: the client cancelled {notice} before the appointment, at "
                         "least {hours} h ahead: no fee is due for it, travel included (art. "
                         "{article}); not billed.", fee=label,
                         notice=text.duration(int(notice.total_seconds())),
                         hours=terms.notice_hours, article=terms.article)
    announced, article = spec.announced, spec.article
    missed = [facts.policy.fees[f] for f in MISSED_FEES if f in facts.policy.fees]
    kinds = {event.body["fee"]}
    if session.started_at is None and event.body["fee"] not in MISSED_FEES and any(
            m.announced for m in missed):
        # An appointment that did not take place: its travel is one of the missed
        # appointment's costs (MD 9: "des frais correspondant au temps mobilisé et/ou au
        # déplacement, [...] porté à la connaissance du Client avant intervention"), due
        # on the same condition; announcing either fee says it.
        announced = True
        article = next(m.article for m in missed if m.announced)
        kinds |= {f for f in MISSED_FEES if f in facts.policy.fees}
    if announced:
        deadline = appointment or event.at
        told = [e for e in session.events if e.kind == "fee-announced"
                and e.body["fee"] in kinds and e.at <= deadline]
        if not told:
            return _("{fee}: not announced to the client before the intervention (art. "
                     "{article}); not billed. Announce it first: sessiond record {session} "
                     "fee-announced --kind {name}.", fee=label, article=article,
                     session=session.id, name=event.body["fee"])
    return None


def _timely_notice(spec: Fee, event: Event, appointment: datetime) -> timedelta | None:
    """The notice the fee of `event` was given with, when it is enough for the fee not to
    be due (`spec.notice_hours` or more before the appointment); None otherwise."""
    notice = appointment - event.at
    if spec.notice_hours is not None and notice >= timedelta(hours=spec.notice_hours):
        return notice
    return None


def _fee_amount(facts: _Facts, spec: Fee | None, given: str | None
                ) -> tuple[Decimal | None, str | None]:
    if given is not None:
        return Decimal(given), None
    if spec is None:
        return None, None
    if spec.amount is not None:
        return spec.amount, None
    if spec.hours is not None:
        rate = _rate(facts)
        return rate * spec.hours, _("{hours} at {rate}/h",
                                    hours=text.duration(int(spec.hours * HOUR)),
                                    rate=text.money(rate))
    if spec.percent_of_planned is not None:
        # VLH 5.6: "50 % de la somme prévue pour la prestation"; a re-intervention the
        # warranty makes free was planned at no price, so its share is nothing.
        free = facts.warranty is not None and facts.warranty.free
        # a price agreed for the session is the sum planned for it
        planned = ZERO if free else facts.price if facts.price is not None else \
            _rate(facts) * facts.policy.tranches.first_block_seconds / HOUR
        return planned * spec.percent_of_planned / HUNDRED, _(
            "{percent} % of the planned {planned}", percent=text.percent(spec.percent_of_planned),
            planned=text.money(planned))
    return None, None


# --- words and what comes next ---------------------------------------------------------


def _explain(policy: Policy, worked: int, billed: int, lines: Sequence[Line],
             notes: Sequence[str] = (), *, flat: bool = False, fixed: bool = False) -> str:
    model = policy.tranches
    if worked <= 0:
        sentence = _("No time worked, no time billed")
    elif fixed:
        sentence = _("{worked}: a price agreed for the session, whatever the time worked",
                     worked=text.worked(worked))
    elif flat:
        sentence = _("{worked}: {billed}, a flat charge", worked=text.worked(worked),
                     billed=text.billed(billed))
    else:
        breakdown = text.breakdown(model.first_block_seconds, model.increment_seconds,
                                   model.increments(worked))
        sentence = _("{worked}: {breakdown} = {billed}", worked=text.worked(worked),
                     breakdown=breakdown, billed=text.billed(billed))
        if model.grace_seconds:
            sentence += _(" (grace of {duration} per tranche)",
                          duration=text.duration(model.grace_seconds))
    extra = [line.label for line in lines if line.kind in ("discount", "guarantee", "credit")]
    return " ".join([sentence + ".", *(f"{e}." for e in (*notes, *extra))])


def _next_tranche(facts: _Facts, worked: int, billed: int, total: Decimal, now: datetime
                  ) -> NextTranche | None:
    state = facts.session.state
    if state not in (State.RUNNING, State.PAUSED):
        return None
    if facts.warranty is not None and (facts.warranty.free or facts.warranty.flat_seconds):
        return None  # free, or a flat charge: more time does not change the bill
    terms = facts.policy.fixed_price
    if facts.price is not None and billed and not (
            facts.defective and terms is not None and terms.defective_hardware is not None):
        return None  # a price for the session: more time does not change the bill
    model = facts.policy.tranches
    boundary = billed + model.grace_seconds if billed else 0
    following = model.billed_seconds(boundary + 1)
    seconds_until = max(0, boundary - worked)
    grows = _price(facts, following).total - total
    return NextTranche(
        seconds_until=seconds_until,
        at=now + timedelta(seconds=seconds_until) if state is State.RUNNING else None,
        seconds=following - billed, amount=grows)
