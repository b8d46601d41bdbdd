"""Policies, bills and prepaid credit: `policy list|show|lint`, `bill`, `credit add|show`.

Kept light at import: the policy and billing packages are imported inside the handlers,
so that `sessiond status` does not pay for them.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sessiond.cli import options
from sessiond.cli.context import Context
from sessiond.i18n import _
from sessiond.i18n.plural import n_

if TYPE_CHECKING:
    from sessiond.billing import Bill
    from sessiond.policy import Policy


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    policy = sub.add_parser("policy", help=_("list, show or check policies (your terms)"))
    psub = policy.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    lst = psub.add_parser("list", parents=[common], help=_("list the policies in effect"))
    lst.set_defaults(handler=policy_list, readonly=True)
    show = psub.add_parser("show", parents=[common],
                           help=_("show a policy: tranches, rates, fees, rules, articles"))
    show.add_argument("policy_id", help=_("the policy (sessiond policy list shows them)"))
    show.set_defaults(handler=policy_show, readonly=True)
    lint = psub.add_parser("lint", parents=[common], help=_("check a policy file"))
    lint.add_argument("file", help=_("the policy file (TOML) to check"))
    lint.set_defaults(handler=policy_lint, readonly=True)

    bill = sub.add_parser("bill", parents=[common],
                          help=_("bill a session: worked and billed time, lines, total"))
    bill.add_argument("session_id", help=_("the session"))
    bill.set_defaults(handler=do_bill, readonly=True)

    credit = sub.add_parser("credit", help=_("prepaid hour packages of a client"))
    csub = credit.add_subparsers(dest="credit_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", parents=[common], help=_("record a package bought"))
    add.add_argument("client_id", help=_("the client who bought the hours"))
    add.add_argument("--hours", required=True, metavar="H", help=_("hours bought, e.g. 3"))
    add.add_argument("--at", metavar="TIME", help=_("when it was bought (default: now)"))
    options.confirm_old_time(add)
    add.add_argument("--policy", help=_("policy whose validity applies (default: as for "
                                        "credit show)"))
    add.set_defaults(handler=credit_add)
    cshow = csub.add_parser("show", parents=[common],
                            help=_("packages, what each session used, what is left"))
    cshow.add_argument("client_id", help=_("the client"))
    cshow.add_argument("--policy", help=_("policy with prepaid credit (default: that of the "
                                          "client's latest such session, else the "
                                          "configured one)"))
    cshow.set_defaults(handler=credit_show, readonly=True)
    cwithdraw = csub.add_parser("withdraw", parents=[common],
                                help=_("take back a package recorded by mistake"))
    cwithdraw.add_argument("client_id", help=_("the client"))
    cwithdraw.add_argument("seq", type=options.event_number,
                           help=_("the package, as `sessiond credit show` numbers it"))
    options.reason(cwithdraw)
    cwithdraw.set_defaults(handler=credit_withdraw)


# --- policy ----------------------------------------------------------------------------


def policy_list(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.policy import list_policies

    entries = list_policies(ctx.service.paths)
    rows, data = [], []
    for e in entries:
        p = e.policy
        reviews = len(p.to_reviews()) if p else 0
        source = _("yours, replaces the shipped one") if e.overrides else (
            _("yours") if e.source == "user" else _("shipped"))
        if p is None:
            rows.append(f"{e.id:<20} {source:<12} " + _("BROKEN: {error}", error=e.error))
        else:
            todo = n_(reviews, "{n} value to review", "{n} values to review") \
                if reviews else ""
            rows.append(f"{e.id:<20} {source:<12} {p.title}" + (f"  [{todo}]" if todo else ""))
        data.append({"id": e.id, "source": e.source, "overrides": e.overrides,
                     "path": str(e.path), "title": p.title if p else None,
                     "digest": p.digest if p else None, "to_review": reviews,
                     "error": e.error})
    ctx.emit("\n".join(rows) or _("No policy found."), data)
    return 0


def policy_show(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.policy.describe import describe

    policy = ctx.service.policy(args.policy_id)
    ctx.emit(_policy_text(policy), describe(policy))
    return 0


def _policy_text(p: Policy) -> str:
    from sessiond import labels
    from sessiond.billing.text import duration, money, percent
    from sessiond.i18n.dates import long_date

    def flag(review: Any) -> str:
        return "  ⚠ " + _("to review: {note}", note=review.note) if review.needed else ""

    d = p.document
    out = [f"{p.title}  ({p.id}, {_(p.source)}, sha256 {p.digest[:12]})",
           _("Document: {name}, {business}, {date} ({file})", name=d.name,
             business=d.business, date=long_date(d.date) if d.date else _("undated"),
             file=d.file)]
    if d.note:
        out.append(f"  {d.note}")
    t = p.tranches
    out.append(_("Tranches: first block {first}, then {increment}, grace {grace} (art. "
                 "{article})", first=duration(t.first_block_seconds),
                 increment=duration(t.increment_seconds), grace=duration(t.grace_seconds),
                 article=t.article) + flag(t.review))
    out.append(f"      « {t.text} »")
    for mode, r in p.rates.items():
        # A rate of the day of the intervention (VLH 3.3) says so: a change of the list
        # reprices the sessions not yet started.
        words = dict(mode=_(mode), rate=money(r.per_hour), article=r.article)
        shown = _("Rate {mode}: {rate}/h (art. {article})", **words) \
            if r.in_force == "order" else \
            _("Rate {mode}: {rate}/h, the price list of the day of the intervention "
              "(art. {article})", **words)
        out.append(shown + flag(r.review))
    for name, f in p.fees.items():
        if f.amount is not None:
            how = money(f.amount)
        elif f.hours is not None:
            how = _("{hours} at the session's rate", hours=duration(int(f.hours * 3600)))
        elif f.percent_of_planned is not None:
            how = _("{percent} % of the planned price", percent=percent(f.percent_of_planned))
        else:
            how = _("amount given when recorded")
        how += _fee_conditions(f)
        out.append(_("{fee}: {how} (art. {article})", fee=labels.fee(name), how=how,
                     article=f.article) + flag(f.review))
    for name, disc in p.discounts.items():
        out.append(_("Discount for the {name}: {percent} % (art. {article})",
                     name=labels.discount(name), percent=percent(disc.percent),
                     article=disc.article)
                   + (", " + _("valid {months} months", months=disc.validity_months)
                      if disc.validity_months else ""))
        out.append(f"      « {disc.text} »")
    g = p.guarantee
    if g is not None:
        if g.no_valid_solution:
            out.append(_("Guarantee: no valid solution, no fee (art. {article})",
                         article=g.no_valid_solution.article)
                       + (_(", travel and other fees included")
                          if g.no_valid_solution.covers_fees else ""))
        if g.diagnosis_is_valid:
            out.append(_("Guarantee: a diagnosis of an unsolvable problem is a valid "
                         "solution (art. {article})", article=g.diagnosis_is_valid.article))
        if g.partial_results:
            pr = g.partial_results
            out.append(_("Guarantee: on request {each} % off per unsolved listed problem, "
                         "at most {cap} % (art. {article})",
                         each=percent(pr.percent_per_problem), cap=percent(pr.cap_percent),
                         article=pr.article))
    if p.credit is not None:
        out.append(_("Prepaid credit: packages valid {months} months (art. {article})",
                     months=p.credit.validity_months, article=p.credit.article))
        if p.credit.warranty is not None:
            out.append(_("Re-intervention under warranty caused by the client: {flat} taken "
                         "from the credit (art. {article})",
                         flat=duration(p.credit.warranty.seconds),
                         article=p.credit.warranty.article))
    if p.fixed_price is not None:
        out.append(_("A price agreed for the session (session new --price) is billed "
                     "whatever the time worked (art. {article})", article=p.fixed_price.article))
        if p.fixed_price.defective_hardware is not None:
            out.append(_("Defective hardware (sessiond record SESSION hardware-defective): "
                         "the cheaper of that price and the time at the hourly rate (art. "
                         "{article})",
                         article=p.fixed_price.defective_hardware.article))
    out.extend(_warranty_lines(p))
    out.append(_("VAT: {mention} (art. {article})", mention=p.vat.mention,
                 article=p.vat.article) + flag(p.vat.review))
    from sessiond.compliance.check import law_rules
    from sessiond.labels import cite

    law = law_rules(p)
    if law:
        out.append(_("The law, where these terms are silent:"))
        for rule_id, rule in law.items():
            out.append(f"  {rule_id} [{_(rule.severity)}] {cite(rule.article)}")
    if p.rules:
        out.append(_("Rules:"))
        for rule_id, rule in p.rules.items():
            params = ", ".join(f"{k}={_param(v)}" for k, v in rule.params.items())
            modes = ", ".join(rule.modes)
            extra = "; ".join(x for x in (modes, params) if x)
            out.append(f"  {rule_id} [{_(rule.severity)}] " + _("art. {article}",
                                                                article=rule.article)
                       + (f" ({extra})" if extra else ""))
            out.append(f"      « {rule.text} »")
    reviews = p.to_reviews()
    if reviews:
        out.append(_("To review before use ({count}): {keys}", count=len(reviews),
                     keys=", ".join(k for k, _a, _n in reviews)))
    return "\n".join(out)


def _fee_conditions(f: Any) -> str:
    """When a fee is due: beside another fee, within a notice, if announced."""
    from sessiond import labels

    conditions = []
    if f.only_with:
        conditions.append(_("only with {fees}", fees=_(" or ").join(
            labels.fee(o).lower() for o in f.only_with)))
    if f.notice_hours is not None:
        conditions.append(_("if cancelled less than {hours} h before the appointment",
                            hours=f.notice_hours))
    if f.announced:
        conditions.append(_("if announced to the client beforehand"))
    if f.minimum:
        conditions.append(_("a minimum: a larger amount recorded is billed"))
    if f.max_amount is not None:
        from sessiond.billing import text

        conditions.append(_("at most {amount}", amount=text.money(f.max_amount)))
    return "".join(", " + c for c in conditions)


def _warranty_lines(p: Policy) -> list[str]:
    """The warranty and retention parameters, each with its article."""
    from sessiond.compliance.retention import LAW
    from sessiond.labels import cite

    out = []
    w = p.warranty
    if w is not None:
        if w.window_hours is not None:
            window = n_(w.window_hours, "{n} hour", "{n} hours")
        elif w.window_days is not None:
            window = n_(w.window_days, "{n} day", "{n} days")
        elif w.window_months is not None:
            window = n_(w.window_months, "{n} month", "{n} months")
        else:
            window = None
        review = "  ⚠ " + _("to review: {note}", note=w.review.note) if w.review.needed else ""
        if not w.free:
            line = _("Warranty: a re-intervention is billed as any session (art. {article})",
                     article=w.article)
        else:
            what = _("free, fees included") if w.covers_fees else _("free")
            line = (_("Warranty: a re-intervention made necessary by the earlier work is "
                      "{what}, within {window} (art. {article})", what=what, window=window,
                      article=w.article) if window else
                    _("Warranty: a re-intervention made necessary by the earlier work is "
                      "{what}, with no time limit (art. {article})", what=what,
                      article=w.article))
        out.append(line + review)
        out.append(f"      « {w.text} »")
    kept = p.retention or LAW
    review = "  ⚠ " + _("to review: {note}", note=kept.review.note) if kept.review.needed \
        else ""
    out.append(_("Retention: personal data kept {years} years after the last contact, "
                 "{accounting} years after the last accounting document ({article})",
                 years=kept.years_after_relationship, accounting=kept.accounting_years,
                 article=cite(kept.article))
               + ("" if p.retention is not None else " " + _("(the law: the terms are silent)"))
               + review)
    return out


def _param(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "/".join(str(v) for v in value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def policy_lint(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.policy import read_policy

    ctx.service  # noqa: B018 - sets the user's language from his configuration
    path = Path(args.file)
    policy = read_policy(path)
    reviews = policy.to_reviews()
    lines = [_("{path}: valid (policy {id}, {rules}, {count})",
               path=path, id=policy.id,
               rules=n_(len(policy.rules), "{n} rule", "{n} rules"),
               count=n_(len(reviews), "{n} value to review", "{n} values to review"))]
    if policy.id != path.stem:
        lines.append(_("Note: to use it, save it as {name} in {dir}.",
                       name=f"{policy.id}.toml", dir=ctx.service.paths.policies))
    ctx.emit("\n".join(lines), {"path": str(path), "valid": True, "id": policy.id,
                                "digest": policy.digest, "rules": sorted(policy.rules),
                                "to_review": [k for k, _a, _n in reviews]})
    return 0


# --- bill ------------------------------------------------------------------------------


def do_bill(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.billing import bill
    from sessiond.model import MONEY_KINDS

    svc = ctx.service
    session = svc.session(args.session_id)
    result = bill(session, svc.policy(session.policy), svc.history(session.client_id),
                  clock.now())
    data = result.to_json(ctx.tz)
    text = _bill_text(result, ctx)
    if any(e.kind in MONEY_KINDS for e in session.events):
        # What the technician asks next, once the client paid: is anything still due?
        from decimal import Decimal

        from sessiond.billing.text import money

        left = result.total - session.paid
        data.update(paid=str(session.paid), left_to_pay=str(max(left, Decimal("0.00"))))
        text += "\n" + _("Paid: {paid}; left to pay: {left}.", paid=money(session.paid),
                         left=money(max(left, Decimal(0))))
        if left < 0:
            data["paid_beyond_bill"] = str(-left)
            text += " " + _("Paid beyond the bill: {amount}. Once it is given back: "
                            "sessiond record {session} refund --amount {value} --method "
                            "METHOD.", amount=money(-left), session=session.id,
                            value=str(-left).replace(".", ","))
    ctx.emit(text, data)
    return 0


def _bill_text(b: Bill, ctx: Context) -> str:
    from sessiond.billing.text import duration, money

    state = _(b.state)
    out = [_("Session {session} · client {client} · policy {policy} ({state})",
             session=b.session, client=b.client, policy=b.policy, state=state),
           _("Worked: {worked}   Billed: {billed}", worked=duration(b.worked_seconds),
             billed=duration(b.billed_seconds))]
    width = max([len(line.label) for line in b.lines] + [30])
    for line in b.lines:
        out.append(f"  {line.label:<{width}}  {money(line.amount):>12}")
    total = _("Total so far") if b.running else _("Total")
    out.append(f"  {total:<{width}}  {money(b.total):>12}")
    out.append(b.vat_mention)
    out.append(b.explanation)
    nxt = b.next_tranche
    if nxt is not None:
        if nxt.at is not None:
            out.append(_("Next tranche in {wait} (at {time}): +{amount}",
                         wait=duration(nxt.seconds_until),
                         time=nxt.at.astimezone(ctx.tz).strftime("%H:%M:%S"),
                         amount=money(nxt.amount)))
        else:
            out.append(_("Paused: the next tranche starts after {wait} more work: +{amount}",
                         wait=duration(nxt.seconds_until), amount=money(nxt.amount)))
    if b.credit is not None:
        out.append(_("Prepaid credit left after this session: {left}",
                     left=duration(b.credit.remaining_seconds)))
    out.extend("⚠ " + w for w in b.warnings)
    return "\n".join(out)


# --- credit ----------------------------------------------------------------------------


def _credit_policy(ctx: Context, client_id: str, wanted: str | None) -> Policy:
    from sessiond.errors import InputError

    svc = ctx.service
    if wanted:
        return svc.policy(wanted)
    for session in reversed(svc.client_sessions(client_id)):
        try:
            policy = svc.policy(session.policy)
        except InputError:
            continue
        if policy.credit is not None:
            return policy
    return svc.policy(svc.config.policy)


def credit_add(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.billing.credit import expires_at
    from sessiond.i18n.dates import long_date
    from sessiond.law.periods import day_before
    from sessiond.sessions import credit_hours

    svc = ctx.service
    credit_hours(args.hours)  # refused before the policy is looked up, as a typo is likelier
    svc.client(args.client_id)
    policy = _credit_policy(ctx, args.client_id, args.policy)
    event = svc.add_credit(args.client_id, hours=args.hours,
                           at=svc.at(args.at, allow_old=args.yes))
    hours = event.body["hours"]
    expires: datetime | None = None
    if policy.credit is not None:
        expires = expires_at(event.at, event.tz, policy.credit.validity_months)
    from decimal import Decimal

    from sessiond.billing.text import duration

    # "1 h 30 min", as the credit statement and the bills write it, not "1.5 h".
    text = _("Credit added: {length} for client {client} (event #{seq}).",
             length=duration(int(Decimal(hours) * 3600)), client=args.client_id,
             seq=event.seq)
    if expires is not None:
        text += " " + _("Valid until {day} (policy {policy}, art. {article}).",
                        day=long_date(day_before(expires, ctx.tz)), policy=policy.id,
                        article=policy.credit.article if policy.credit else "")
    ctx.emit(text, {"client": args.client_id, "hours": hours, "event": event.seq,
                    "at": event.at.astimezone(ctx.tz).isoformat(timespec="seconds"),
                    "expires_at": expires.astimezone(ctx.tz).isoformat(timespec="seconds")
                    if expires else None, "policy": policy.id})
    return 0


def credit_withdraw(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.cli.corrections import warn_outdated_documents

    event = ctx.service.withdraw_credit(args.client_id, args.seq, reason=args.reason)
    # The sessions the package paid for are billed again.
    warn_outdated_documents(ctx, [s.id for s in ctx.service.client_sessions(args.client_id)])
    ctx.emit(_("Package #{seq} withdrawn: the credit of client {client} no longer counts it "
               "(event #{event}).", seq=args.seq, client=args.client_id, event=event.seq),
             {"events": [{"seq": event.seq, "kind": event.kind, "client": event.client_id,
                          "body": dict(event.body)}]})
    return 0


def credit_show(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.billing.statement import credit_statement
    from sessiond.billing.text import duration

    svc = ctx.service
    svc.client(args.client_id)
    policy = _credit_policy(ctx, args.client_id, args.policy)
    # The client's credit as his bills read it (sessions.client_history): his merged
    # duplicates' packages included, withdrawn ones and cancelled sessions left out.
    history = svc.history(args.client_id)
    st = credit_statement(args.client_id, policy, list(history.sessions),
                          list(history.client_events), clock.now())

    def day(instant: datetime) -> str:
        from sessiond.i18n.dates import long_date

        return long_date(instant.astimezone(ctx.tz).date())

    def last(expires: datetime) -> str:
        """The last day a package is still good for (it expires at 00:00 the day after)."""
        from sessiond.i18n.dates import long_date
        from sessiond.law.periods import day_before

        return long_date(day_before(expires, ctx.tz))

    def iso(instant: datetime) -> str:
        return instant.astimezone(ctx.tz).isoformat(timespec="seconds")

    out = [_("Prepaid credit of client {client} (policy {policy}, art. {article})",
             client=st.client, policy=st.policy, article=st.article)]
    if not st.packages:
        out.append("  " + _("No package bought: sessiond credit add {client} --hours H",
                            client=st.client))
    for s in st.packages:
        pkg = s.package
        line = _("#{seq} bought {day}: {hours}, used {used}, left {left}",
                 seq=pkg.seq, day=day(pkg.purchased_at), hours=duration(pkg.seconds),
                 used=duration(s.used_seconds), left=duration(s.remaining_seconds))
        if s.expired:
            line += ", " + _("expired {day}: {left} lost", day=day(pkg.expires_at),
                             left=duration(s.remaining_seconds))
        else:
            line += ", " + _("valid until {day}", day=last(pkg.expires_at))
        out.append("  " + line)
    for u in st.usages:
        line = _("session {session}: {billed} billed, {covered} from the credit",
                 session=u.session_id, billed=duration(u.seconds),
                 covered=duration(u.covered_seconds))
        if u.shortfall_seconds:
            line += ", ⚠ " + _("{missing} not covered", missing=duration(u.shortfall_seconds))
        out.append("  " + line)
    out.append(_("Left: {left}", left=duration(st.remaining_seconds)))
    data = {
        "client": st.client, "policy": st.policy, "article": st.article,
        "remaining_seconds": st.remaining_seconds, "lost_seconds": st.lost_seconds,
        "packages": [{"event": s.package.seq, "purchased_at": iso(s.package.purchased_at),
                      "expires_at": iso(s.package.expires_at), "seconds": s.package.seconds,
                      "used_seconds": s.used_seconds,
                      "remaining_seconds": s.remaining_seconds, "expired": s.expired}
                     for s in st.packages],
        "sessions": [{"session": u.session_id, "billed_seconds": u.seconds,
                      "covered_seconds": u.covered_seconds,
                      "shortfall_seconds": u.shortfall_seconds} for u in st.usages],
    }
    ctx.emit("\n".join(out), data)
    return 0
