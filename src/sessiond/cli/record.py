"""`sessiond record SESSION FACT ...`: the facts that billing and the terms need."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _

# fact name -> (event kind, help, how to add its options, args -> (body, personal))
Fact = tuple[str, str, Callable[[argparse.ArgumentParser], None],
             Callable[[argparse.Namespace], tuple[dict[str, Any], dict[str, Any]]]]


def _none(parser: argparse.ArgumentParser) -> None:
    pass


def _empty(args: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    return {}, {}


def _outcome(p: argparse.ArgumentParser) -> None:
    p.add_argument("--problem", type=int, required=True, metavar="N",
                   help=_("number of the listed problem, from 1"))
    p.add_argument("result", choices=("solved", "diagnosed", "unsolved"))


def _quote(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", required=True, metavar="NAME")
    p.add_argument("--how", required=True, choices=("handwritten", "electronic"))


def _waiver(p: argparse.ArgumentParser) -> None:
    p.add_argument("--medium", required=True, choices=("email", "paper", "sms", "signature"))


def _backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("--offered", action="store_true", required=True)
    answer = p.add_mutually_exclusive_group()
    for flag in ("accepted", "declined", "client-has-own"):
        answer.add_argument(f"--{flag}", dest="answer", action="store_const", const=flag)


def _payment(p: argparse.ArgumentParser) -> None:
    p.add_argument("--amount", required=True, metavar="EUR")
    p.add_argument("--method", required=True,
                   choices=("card", "cash", "cheque", "transfer", "other"))


def _artifact(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", required=True,
                   choices=("screenshot", "file-copy", "recording", "other"))
    p.add_argument("--client-request", metavar="TEXT",
                   help=_("the client's request, as he made it (where, when, how)"))


def _fee(p: argparse.ArgumentParser) -> None:
    p.add_argument("--kind", required=True,
                   choices=("travel", "no-show", "late-cancellation", "waiting"))
    p.add_argument("--amount", metavar="EUR", help=_("amount, when the policy leaves it open"))


def _money(text: str | None) -> str | None:
    from sessiond.amounts import parse_amount

    return None if text is None else parse_amount(text)


def _artifact_fields(a: argparse.Namespace) -> tuple[dict[str, Any], dict[str, Any]]:
    request = (a.client_request or "").strip() or None
    return ({"artifact": a.kind, "client_requested": request is not None},
            {"client_request": request})


FACTS: dict[str, Fact] = {
    "outcome": ("outcome-recorded", _("the outcome of a listed problem"), _outcome,
                lambda a: ({"problem": a.problem, "result": a.result}, {})),
    "reduction-requested": ("reduction-requested",
                            _("the client asked for the partial-result reduction"),
                            _none, _empty),
    "fee": ("fee-added", _("a fixed fee (travel, no-show, late cancellation, waiting)"), _fee,
            lambda a: ({"fee": a.kind, "amount": _money(a.amount)}, {})),
    "quote-accepted": ("quote-accepted", _("the client signed the quote"), _quote,
                       lambda a: ({"how": a.how}, {"by": a.by})),
    "withdrawal-waiver": ("withdrawal-waiver",
                          _("the consumer asked to start within the withdrawal period"),
                          _waiver, lambda a: ({"medium": a.medium}, {})),
    "sensitive-docs-warned": ("sensitive-docs-warned",
                              _("the client was asked to close sensitive documents"),
                              _none, _empty),
    "backup": ("backup-status", _("the backup question and the client's answer"), _backup,
               lambda a: ({"offered": a.offered, "answer": a.answer}, {})),
    "payment": ("payment-recorded", _("a payment received"), _payment,
                lambda a: ({"amount": _money(a.amount), "method": a.method}, {})),
    "artifact": ("artifact-recorded",
                 _("a screenshot, file copy or recording (only at the client's request)"),
                 _artifact, _artifact_fields),
    "control-returned": ("control-returned", _("the client took the mouse back"), _none,
                         _empty),
    "disconnect-confirmed": ("disconnect-confirmed",
                             _("disconnected: the technician can no longer take control"),
                             _none, _empty),
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    record = sub.add_parser("record", help=_("record a fact of a session"))
    record.add_argument("session_id")
    facts = record.add_subparsers(dest="fact", metavar="FACT", required=True)
    for name, (_kind, help_text, add_options, _fields) in FACTS.items():
        p = facts.add_parser(name, parents=[common], help=help_text)
        add_options(p)
        p.add_argument("--at", metavar="TIME", help=_("when it happened"))
        p.set_defaults(handler=do_record)


def do_record(args: argparse.Namespace, ctx: Context) -> int:
    kind, _help, _options, fields = FACTS[args.fact]
    body, personal = fields(args)
    svc = ctx.service
    event = svc.append(kind, session_id=args.session_id, at=svc.at(args.at), body=body,
                       personal=personal)
    ctx.emit(_("Recorded {kind} (event #{seq}).", kind=kind, seq=event.seq),
             {"session": args.session_id, "kind": kind, "event": event.seq})
    return 0
