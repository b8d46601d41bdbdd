"""`sessiond record SESSION FACT ...`: the facts that billing and the terms need."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sessiond.cli import options
from sessiond.cli.context import Context
from sessiond.i18n import _
from sessiond.model import (
    ARTIFACTS,
    BACKUP_ANSWERS,
    CHANNELS,
    FEE_KINDS,
    OUTCOMES,
    PAYMENT_METHODS,
    QUOTE_FORMS,
    WAIVER_MEDIA,
)

if TYPE_CHECKING:
    from datetime import datetime

    from sessiond.model import Event
    from sessiond.sessions import Sessiond

Fact = tuple[str, Callable[[argparse.ArgumentParser], None],
             Callable[["Sessiond", argparse.Namespace, "datetime | None"], "Event"]]


def _none(parser: argparse.ArgumentParser) -> None:
    pass


def _outcome(p: argparse.ArgumentParser) -> None:
    p.add_argument("--problem", type=options.whole_number, required=True, metavar="N",
                   help=_("number of the listed problem, from 1"))
    p.add_argument("result", choices=OUTCOMES, type=options.allow_list(OUTCOMES),
                   help=_("solved, diagnosed (the cause is found) or unsolved"))


def _quote(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", required=True, metavar="NAME", help=_("who signed the quote"))
    p.add_argument("--how", required=True, choices=QUOTE_FORMS,
                   type=options.allow_list(QUOTE_FORMS),
                   help=_("how it was signed: by hand or electronically"))


def _waiver(p: argparse.ArgumentParser) -> None:
    p.add_argument("--medium", required=True, choices=WAIVER_MEDIA,
                   type=options.allow_list(WAIVER_MEDIA),
                   help=_("how the client made his request"))


def _backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--offered", action="store_true", required=True,
                   help=_("a backup was offered to the client"))
    answer = p.add_mutually_exclusive_group()
    words = {"accepted": _("he accepted it"), "declined": _("he declined it"),
             "client-has-own": _("he has his own backup")}
    for flag in BACKUP_ANSWERS:
        answer.add_argument(f"--{flag}", dest="answer", action="store_const", const=flag,
                            help=words.get(flag, flag))


def _money(p: argparse.ArgumentParser, amount: str, method: str) -> None:
    p.add_argument("--amount", required=True, metavar="EUR", help=amount)
    p.add_argument("--method", required=True, choices=PAYMENT_METHODS,
                   type=options.allow_list(PAYMENT_METHODS), help=method)


def _payment(p: argparse.ArgumentParser) -> None:
    _money(p, _("the amount received, in euros (e.g. 45 or 45,50)"), _("how the client paid"))


def _refund(p: argparse.ArgumentParser) -> None:
    _money(p, _("the amount given back, in euros (e.g. 45 or 45,50)"),
           _("how the money was given back"))


def _artifact(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", required=True, choices=ARTIFACTS, type=options.allow_list(ARTIFACTS),
                   help=_("what was copied or captured"))
    p.add_argument("--client-request", metavar="TEXT",
                   help=_("the client's request, as he made it (where, when, how)"))


def _fee(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", required=True, choices=FEE_KINDS,
                   type=options.allow_list(FEE_KINDS), help=_("which fee"))
    p.add_argument("--amount", metavar="EUR", help=_("amount, when the policy leaves it open"))


def _announced(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", required=True, choices=FEE_KINDS,
                   type=options.allow_list(FEE_KINDS), help=_("which fee"))
    p.add_argument("--channel", choices=CHANNELS,
                   type=options.allow_list(CHANNELS), help=_("how the client was told"))


# fact name -> (help, how to add its options, the service method that records it)
FACTS: dict[str, Fact] = {
    "outcome": (_("the outcome of a listed problem"), _outcome,
                lambda svc, a, at: svc.record_outcome(a.session_id, problem=a.problem,
                                                      result=a.result, at=at)),
    "reduction-requested": (_("the client asked for the partial-result reduction"), _none,
                            lambda svc, a, at: svc.request_reduction(a.session_id, at=at)),
    "hardware-defective": (_("the client's hardware proved defective"), _none,
                           lambda svc, a, at: svc.hardware_defective(a.session_id, at=at)),
    "fee": (_("a fixed fee (travel, no-show, late cancellation, waiting)"), _fee,
            lambda svc, a, at: svc.add_fee(a.session_id, fee=a.kind, amount=a.amount, at=at)),
    "fee-announced": (_("the client was told beforehand that this fee may be charged"),
                      _announced,
                      lambda svc, a, at: svc.announce_fee(a.session_id, fee=a.kind,
                                                          channel=a.channel, at=at)),
    "quote-accepted": (_("the client signed the quote"), _quote,
                       lambda svc, a, at: svc.accept_quote(a.session_id, how=a.how, by=a.by,
                                                           at=at)),
    "withdrawal-waiver": (_("the consumer asked to start within the withdrawal period"),
                          _waiver,
                          lambda svc, a, at: svc.waive_withdrawal(a.session_id,
                                                                  medium=a.medium, at=at)),
    "sensitive-docs-warned": (_("the client was asked to close sensitive documents"), _none,
                              lambda svc, a, at: svc.warn_sensitive_docs(a.session_id, at=at)),
    "backup": (_("the backup question and the client's answer"), _backup,
               lambda svc, a, at: svc.record_backup(a.session_id, answer=a.answer, at=at)),
    "payment": (_("a payment received"), _payment,
                lambda svc, a, at: svc.record_payment(a.session_id, amount=a.amount,
                                                      method=a.method, at=at)),
    "refund": (_("money given back to the client (a guarantee, a withdrawal, paid twice)"),
               _refund,
               lambda svc, a, at: svc.record_refund(a.session_id, amount=a.amount,
                                                    method=a.method, at=at)),
    "artifact": (_("a screenshot, file copy or recording (only at the client's request)"),
                 _artifact,
                 lambda svc, a, at: svc.record_artifact(a.session_id, artifact=a.kind,
                                                        client_request=a.client_request,
                                                        at=at)),
    "control-returned": (_("the client took the mouse back"), _none,
                         lambda svc, a, at: svc.return_control(a.session_id, at=at)),
    "disconnect-confirmed": (_("disconnected: the technician can no longer take control"),
                             _none,
                             lambda svc, a, at: svc.confirm_disconnect(a.session_id, at=at)),
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    record = sub.add_parser("record", help=_("record a fact of a session"))
    record.add_argument("session_id", help=_("the session"))
    facts = record.add_subparsers(dest="fact", metavar="FACT", required=True)
    for name, (help_text, add_options, _record) in FACTS.items():
        p = facts.add_parser(name, parents=[common], help=help_text)
        add_options(p)
        p.add_argument("--at", metavar="TIME", help=_("when it happened"))
        options.confirm_old_time(p)
        p.set_defaults(handler=do_record)


def do_record(args: argparse.Namespace, ctx: Context) -> int:
    _help, _options, record = FACTS[args.fact]
    svc = ctx.service
    event = record(svc, args, svc.at(args.at, allow_old=args.yes))
    kind = event.kind
    from sessiond import labels

    shown: dict[str, object] = {"session": event.session_id, "kind": kind,
                                "event": event.seq}
    if kind == "payment-recorded":
        beyond = svc.paid_beyond_bill(event.session_id or args.session_id)
        if beyond > 0:
            from sessiond.billing.text import money

            shown["paid_beyond_bill"] = str(beyond)
            ctx.warn(_(
                "warning: the payments of session {session} exceed its bill by {amount}. "
                "If this one was mistyped: sessiond withdraw {session} {seq} --reason TEXT, "
                "then record the right amount.", session=event.session_id,
                amount=money(beyond), seq=event.seq))
    ctx.emit(_("Recorded: {what} (event #{seq}).", what=labels.kind(kind), seq=event.seq),
             shown)
    return 0
