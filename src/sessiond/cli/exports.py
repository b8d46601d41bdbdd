"""`sessiond export` (time export for invoicing) and `sessiond receipt` (client's receipt)."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _
from sessiond.i18n.plural import n_


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export", parents=[common],
        help=_("export the sessions of a day or of a range of days (CSV, JSON, Kimai), or "
               "the book of takings (--book)"))
    days = export.add_mutually_exclusive_group()
    days.add_argument("--day", metavar="DATE",
                      help=_("a local day: YYYY-MM-DD, DD/MM/YYYY, today or yesterday "
                             "(default: today)"))
    days.add_argument("--from", dest="first", metavar="DATE",
                      help=_("first day of a range (with --to)"))
    export.add_argument("--to", dest="last", metavar="DATE",
                        help=_("last day of the range (default: today)"))
    export.add_argument("--format", choices=("csv", "json", "kimai", "e-reporting"),
                        default="csv",
                        help=_("csv for a spreadsheet (default), json for other tools, kimai "
                               "for Kimai's import"))
    export.add_argument("--book", action="store_true",
                        help=_("the livre des recettes: the payments received in the range "
                               "(CSV)"))
    export.add_argument("--out", type=Path, default=Path("."), metavar="PATH",
                        help=_("the export file (a name with its suffix, e.g. day.csv), or "
                               "its directory (default: the current one)"))
    export.set_defaults(handler=do_export)

    receipt = sub.add_parser(
        "receipt", parents=[common],
        help=_("issue the client's receipt of a finished session (PDF and text)"))
    receipt.add_argument("session_id", help=_("the finished session"))
    receipt.add_argument("--out", metavar="FILE",
                         help=_("the PDF's path (the text version goes beside it, .txt); "
                                "default: the current directory"))
    receipt.set_defaults(handler=do_receipt)


def parse_day(text: str, today: date) -> date:
    """A day of a command's option (--day, --from, --to, --known-since): clock's rule."""
    from sessiond.clock import parse_day as read_day

    return read_day(text, today)


def do_export(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.billing.text import money
    from sessiond.errors import InputError
    from sessiond.exports import export_range
    from sessiond.exports.fmt import day as show_day

    today = clock.now().astimezone(ctx.tz).date()
    if args.last is not None and args.first is None:
        raise InputError(_("--to needs --from: sessiond export --from DATE --to DATE."))
    if args.first is not None:
        first = parse_day(args.first, today)
        last = parse_day(args.last, today) if args.last else today
    else:
        first = last = parse_day(args.day, today) if args.day else today
    if args.book and args.format != "csv":
        raise InputError(_("--book writes a CSV: leave out --format."))
    fmt_name = "book" if args.book else args.format
    result = export_range(ctx.service, first, last, args.out, fmt_name)
    span = (_("of {day}", day=show_day(first)) if first == last
            else _("from {first} to {last}", first=show_day(first), last=show_day(last)))
    if result.book_total is not None:
        from sessiond.exports import book

        lines = [_("Book of takings {span}: {payments}, total {total}, {path}",
                   span=span, payments=book.counted(result.lines, result.refunds),
                   total=money(result.book_total), path=result.path)]
    elif result.format == "e-reporting":
        # Its rows are days and its count documents (ereporting.export_ereporting): no
        # session is counted in it.
        lines = [_("E-reporting {span}: {documents}, net invoiced {total}, received {paid}, "
                   "{path}", span=span,
                   documents=n_(result.totals.sessions, "{n} invoice or credit note",
                                "{n} invoices and credit notes"),
                   total=money(result.totals.amount), paid=money(result.totals.paid),
                   path=result.path)]
    else:
        lines = [_("Export {span}: {sessions}, total {total}, {path}", span=span,
                   sessions=n_(result.totals.sessions, "{n} session", "{n} sessions"),
                   total=money(result.totals.amount), path=result.path)]
    lines.append(_("Its proof: {path} (sessiond verify --export {file})",
                   path=result.proof_path, file=result.path))
    if result.reused:
        lines.append(_("Nothing changed since the export of event #{seq}: no new event; "
                       "file {state}.", seq=result.event_seq,
                       state=_("written (again)") if result.written else _("kept as it was")))
    else:
        lines.append(_("Recorded as event #{seq}, signed checkpoint #{seq}.",
                       seq=result.event_seq))
    lines.append(result.checkpoint.text())
    for row in result.rows:
        if row.bill_problem:
            ctx.warn(_("warning: session {session} has no amount: {problem}",
                       session=row.session.id, problem=row.bill_problem))
    ctx.emit("\n".join(lines), {
        "path": str(result.path), "first_day": first.isoformat(),
        "last_day": last.isoformat(), "format": result.format,
        "sessions": result.totals.sessions, "total": str(result.totals.amount),
        "event": result.event_seq, "reused": result.reused, "written": result.written,
        "checkpoint": result.checkpoint.text(), "events": result.proof.text(),
        "proof": str(result.proof_path), "lines": result.lines,
        "paid": str(result.totals.paid),
        "book_total": str(result.book_total) if result.book_total is not None else None,
        "refunds": result.refunds,
    })
    return 0


def do_receipt(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.billing.text import money
    from sessiond.exports.receipt import issue_receipt, summary

    out = None
    if args.out:
        out = Path(args.out).expanduser()
        if args.out.endswith(("/", os.sep)):  # a directory, maybe not made yet
            from sessiond.files import make_dirs

            make_dirs(out)
    result = issue_receipt(ctx.service, args.session_id, out)
    for warning in result.warnings:
        ctx.warn(warning)
    if result.reused:
        state = _("unchanged since it was issued: same number, same content, no new event")
    elif result.replaces:
        state = _("replaces receipt no. {number} (the session changed since)",
                  number=result.replaces)
    else:
        state = _("event #{seq}, signed checkpoint #{seq}", seq=result.event_seq)
    ctx.emit(
        "\n".join([
            _("Receipt no. {number} of session {session}: total {total}.",
              number=result.number, session=result.session_id, total=money(result.total)),
            "  " + _("PDF: {path}", path=result.pdf),
            "  " + _("text version: {path}", path=result.text),
            f"  {state}",
            result.checkpoint.text(),
        ]),
        summary(result))
    return 0
