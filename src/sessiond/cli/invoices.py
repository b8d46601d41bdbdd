"""`sessiond invoice`: invoices and credit notes from the log, and `client edit`.

    sessiond invoice SESSION... [--out FILE]           one client's sessions on one invoice
    sessiond invoice --client CLIENT --from DATE --to DATE    the period's uninvoiced ones
    sessiond invoice cancel NUMBER --reason TEXT       a credit note that cancels it
    sessiond invoice list                              the series, with what became of each
    sessiond invoice show NUMBER [--out FILE]          its PDF again, rebuilt from the log
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    invoice = sub.add_parser(
        "invoice", parents=[common],
        help=_("issue the invoice of finished sessions (PDF, Factur-X for a business), or "
               "cancel one with a credit note"),
        description=_("sessiond invoice SESSION...; sessiond invoice --client CLIENT --from "
                      "DATE --to DATE; sessiond invoice cancel NUMBER --reason TEXT; "
                      "sessiond invoice list; sessiond invoice show NUMBER."))
    invoice.add_argument("targets", nargs="*", metavar="SESSION",
                         help=_("sessions of one client; or cancel NUMBER; or list; or "
                                "show NUMBER"))
    invoice.add_argument("--client", metavar="CLIENT",
                         help=_("invoice this client's uninvoiced sessions of a period"))
    invoice.add_argument("--from", dest="first", metavar="DATE",
                         help=_("first day of the period (with --client)"))
    invoice.add_argument("--to", dest="last", metavar="DATE",
                         help=_("last day of the period (default: today)"))
    invoice.add_argument("--reason", metavar="TEXT",
                         help=_("why the invoice is cancelled (cancel; kept sealed in the "
                                "log)"))
    invoice.add_argument("--out", metavar="FILE",
                         help=_("the PDF's path or directory (default: the current "
                                "directory)"))
    invoice.set_defaults(handler=do_invoice)


def do_invoice(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.errors import InputError

    targets = [t.strip() for t in args.targets]
    verb = targets[0].lower() if targets else None
    if verb == "list":
        if len(targets) > 1 or args.client or args.first or args.reason:
            raise InputError(_("sessiond invoice list takes no other argument."))
        return _list(ctx)
    if verb == "show":
        if len(targets) != 2:
            raise InputError(_("Name the invoice: sessiond invoice show NUMBER."))
        from sessiond.exports.invoice import reprint

        return _print(ctx, reprint(ctx.service, targets[1], _out(args.out)))
    if verb == "cancel":
        if len(targets) != 2:
            raise InputError(_("Name the invoice to cancel: sessiond invoice cancel NUMBER "
                               "--reason TEXT."))
        if not args.reason:
            raise InputError(_("A credit note says why: --reason TEXT."))
        return _cancel(ctx, targets[1], args.reason, args.out)
    if args.reason:
        raise InputError(_("--reason goes with cancel: sessiond invoice cancel NUMBER "
                           "--reason TEXT."))
    return _issue(args, ctx, targets)


def _out(text: str | None) -> Path | None:
    return Path(text).expanduser() if text else None


def _issue(args: argparse.Namespace, ctx: Context, targets: list[str]) -> int:
    from sessiond import clock
    from sessiond.cli.exports import parse_day
    from sessiond.errors import InputError
    from sessiond.exports.invoice import invoice_period, issue_invoice

    svc = ctx.service
    if args.client:
        if targets:
            raise InputError(_("Give sessions or --client with a period, not both."))
        if not args.first:
            raise InputError(_("--client needs the period: --from DATE [--to DATE]."))
        today = clock.now().astimezone(ctx.tz).date()
        first = parse_day(args.first, today)
        last = parse_day(args.last, today) if args.last else today
        result = invoice_period(svc, args.client.strip().lower(), first, last,
                                _out(args.out))
    else:
        if args.first or args.last:
            raise InputError(_("--from and --to go with --client CLIENT."))
        result = issue_invoice(svc, targets, _out(args.out))
    return _print(ctx, result)


def _cancel(ctx: Context, number: str, reason: str, out: str | None) -> int:
    from sessiond.exports.invoice import cancel_invoice

    return _print(ctx, cancel_invoice(ctx.service, number, reason, _out(out)))


def _print(ctx: Context, result: Any) -> int:
    from sessiond.billing.text import money

    if result.kind == "credit-note":
        head = _("Credit note {number} cancels invoice {invoice}: {total}.",
                 number=result.number, invoice=result.cites, total=money(result.total))
    else:
        head = _("Invoice {number} for {sessions}: {total}.", number=result.number,
                 sessions=", ".join(result.sessions), total=money(result.total))
    lines = [head, "  " + _("PDF: {path}", path=result.pdf)]
    if result.facturx:
        lines.append("  " + _("Factur-X (EN 16931): the XML is embedded as factur-x.xml."))
    lines.append("  " + _("event #{seq}, signed checkpoint #{seq}", seq=result.event_seq))
    lines.append(result.checkpoint.text())
    ctx.emit("\n".join(lines), result.to_json())
    return 0


def _list(ctx: Context) -> int:
    from datetime import date
    from decimal import Decimal

    from sessiond.billing.text import money
    from sessiond.exports.fmt import day
    from sessiond.exports.invoice import invoice_list

    rows = invoice_list(ctx.service)
    text = []
    for row in rows:
        state = (_("cancelled by {number}", number=row["cancelled_by"]) if row["cancelled_by"]
                 else _("cancels {number}", number=row["cites"]) if row["cites"] else "")
        # The date as the invoice prints it (22/11/2026 in French); JSON keeps ISO 8601.
        text.append(f"{row['number']}  {day(date.fromisoformat(row['issued']))}  "
                    f"{row['client']}  "
                    f"{money(Decimal(row['total'])):>12}  {' '.join(row['sessions'])}"
                    + (f"  ({state})" if state else ""))
    ctx.emit("\n".join(text) or _("No invoice yet."), rows)
    return 0


# --- client edit (registered by cli.sessions under `client`) ----------------------------


def client_edit(args: argparse.Namespace, ctx: Context) -> int:
    event = ctx.service.edit_client(args.client_id, address=args.address, siren=args.siren,
                                    email=args.email, phone=args.phone,
                                    vat_number=args.vat_number)
    ctx.emit(_("Client {client} updated (event #{seq}).", client=args.client_id,
               seq=event.seq), {"client": args.client_id, "event": event.seq})
    return 0
