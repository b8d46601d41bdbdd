"""`sessiond evidence import FILE` and `sessiond evidence list`: what the remote-control
tool itself logged (TeamViewer, AnyDesk, RustDesk), matched to the sessions.

The parsers and the service are imported inside the handlers: other commands do not pay
for them.
"""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sessiond.cli.context import Context
from sessiond.errors import system_problem
from sessiond.i18n import _, one_line
from sessiond.i18n.dates import long_date
from sessiond.i18n.plural import n_
from sessiond.model import REMOTE_TOOLS

if TYPE_CHECKING:
    from sessiond.compliance.evidence import Observed


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    evidence = sub.add_parser(
        "evidence", help=_("connections logged by the remote-control tool itself"),
        description=_("Reads TeamViewer's connection files and log, AnyDesk's traces and "
                      "RustDesk's logs; each connection is recorded in the session it "
                      "matches (by the session's partner ID, else by time with a session of "
                      "that tool). Its partner ID is sealed like the session's."))
    esub = evidence.add_subparsers(dest="evidence_command", metavar="ACTION", required=True)
    imp = esub.add_parser("import", parents=[common],
                          help=_("read a remote tool's log and record its connections"))
    imp.add_argument("file", metavar="FILE", nargs="+",
                     help=_("the remote tool's logs or connection files to read; a log "
                            "and its rotated copy (TeamViewer's _OLD file, RustDesk's "
                            "dated files) are read together, oldest first"))
    imp.add_argument("--tool", choices=REMOTE_TOOLS,
                     help=_("the tool that wrote it (default: recognised from its content)"))
    imp.set_defaults(handler=do_import)
    ls = esub.add_parser("list", parents=[common],
                         help=_("the connections recorded for a session or a day"))
    ls.add_argument("--session", metavar="SESSION", help=_("one session's connections"))
    ls.add_argument("--day", metavar="DATE",
                    help=_("a local day: YYYY-MM-DD, DD/MM/YYYY, today or yesterday "
                           "(default: today)"))
    ls.set_defaults(handler=do_list)


def _instant(value: datetime | None, ctx: Context) -> str | None:
    from sessiond import clock

    return clock.local_iso(value, ctx.tz) if value is not None else None


def _span(start: datetime, end: datetime | None, ctx: Context,
          seen_until: datetime | None = None) -> str:
    """`seen_until`: the log was read whole without the connection's end, up to then."""
    from sessiond import clock

    first = clock.local_wall(start, ctx.tz)
    if end is None and seen_until is not None:
        same_day = seen_until.astimezone(ctx.tz).date() == start.astimezone(ctx.tz).date()
        layout = "%H:%M:%S" if same_day else "%Y-%m-%d %H:%M:%S"
        return _("{start} → end unknown (the log stops at {seen} without it)", start=first,
                 seen=clock.local_wall(seen_until, ctx.tz, layout))
    if end is None:
        return _("{start} → still open", start=first)
    same_day = end.astimezone(ctx.tz).date() == start.astimezone(ctx.tz).date()
    layout = "%H:%M:%S" if same_day else "%Y-%m-%d %H:%M:%S"
    return f"{first} → {clock.local_wall(end, ctx.tz, layout)}"


def _line(tool: str, direction: str, outcome: str, partner: str | None, span: str) -> str:
    from sessiond import labels

    return (f"{labels.short(tool):<10} {labels.short(direction):<9} {span}  "
            f"{partner or '—':<12} {labels.connection_outcome(outcome)}")


def do_import(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.compliance.evidence import log_zone
    from sessiond.errors import InputError
    from sessiond.integrations import FORMATS, ReadNotes, detect, open_log, read_rotated
    from sessiond.integrations.errors import LogFormatError
    from sessiond.integrations.formats import rotation_order

    svc = ctx.service
    # Files of one format in one folder are one log and its rotated copies (TeamViewer
    # renames its log to _OLD beside it, RustDesk writes its dated files beside the current
    # one): read as one stream, so a session that began before the rotation ends after it
    # (each file alone would show it open, then lose its end). The same log of two machines
    # is two folders: read together, one machine's end line would close the other's session.
    series: dict[tuple[str, str], list[str]] = {}
    taken: set[tuple[int, int]] = set()  # (device, inode) of the files already taken
    for name in args.file:
        try:
            with open_log(name) as stream:
                status = os.fstat(stream.fileno())
                head = stream.read(64 * 1024)
        except OSError as e:
            raise InputError(_("Cannot read the log {name}: {error}.", name=one_line(name),
                               error=system_problem(e))) from None
        if (status.st_dev, status.st_ino) in taken:
            # The same file named twice (`a.log ./a.log`, a link): read once, or its
            # connections were listed and counted twice, and its sessions, read again
            # after themselves, seen as their own index reused with the end lost.
            continue
        taken.add((status.st_dev, status.st_ino))
        folder = os.path.dirname(os.path.abspath(name))
        series.setdefault((detect(head, name), folder), []).append(name)
    # Every file read to its end before anything is recorded: one refused once read (most
    # of its lines unreadable, Parser.unreadable; a row no reader knows; a read error) had
    # the connections read before recorded by a command that said it failed. Read again to
    # record: memory stays bounded whatever the log's size.
    for (fmt, _folder), given in series.items():
        try:
            for _connection in read_rotated(rotation_order(given), tool=args.tool,
                                            tz=log_zone(FORMATS[fmt].tool, ctx.tz)):
                pass
        except LogFormatError as e:  # "most lines of this log…": which of the files
            raise LogFormatError(_("{file}: {problem}", problem=e.message, file=", ".join(
                map(one_line, rotation_order(given))))) from None
    rows, lines, missing = [], [], []
    for (fmt, _folder), given in series.items():
        names = rotation_order(given)  # as read: the summary names them in that order
        tz = log_zone(FORMATS[fmt].tool, ctx.tz)
        found = new = unmatched = 0
        # The format detected again, not given: a detected file that its reader can mostly
        # not read is refused (Parser.unreadable), where a given format is read as it is.
        notes = ReadNotes()
        for connection in read_rotated(names, tool=args.tool, tz=tz, notes=notes):
            done = svc.record_connection(connection)
            start = clock.whole_second(connection.start)
            end = clock.whole_second(connection.end) if connection.end else None
            seen = (clock.whole_second(connection.seen_until) if connection.end_unknown
                    and connection.seen_until is not None else None)
            found += 1
            new += done.new
            unmatched += done.session_id is None
            where = (_("no session matches: not recorded") if done.session_id is None else
                     _("{session} (new)", session=done.session_id) if done.new else
                     _("{session} (already recorded)", session=done.session_id))
            lines.append(_line(connection.tool, connection.direction, connection.outcome,
                               connection.partner_id, _span(start, end, ctx, seen))
                         + f"  {where}")
            rows.append({"tool": connection.tool, "direction": connection.direction,
                         "partner_id": connection.partner_id, "start": _instant(start, ctx),
                         "end": _instant(end, ctx), **_unknown_end(seen, ctx),
                         "session": done.session_id, "new": done.new})
        lines.append(_("{found} in {file} ({fmt}): {new} recorded now, {unmatched} matching "
                       "no session.", found=n_(found, "{n} connection", "{n} connections"),
                       file=", ".join(map(one_line, names)), fmt=fmt, new=new,
                       unmatched=unmatched))
        if notes.start_missing is not None:
            # The connection whose end opens the log cannot be recorded (no start, no
            # partner): said, never left out unsaid.
            cut = notes.start_missing
            at = clock.whole_second(cut.at)
            lines.append(_("{file}: the log begins during a connection (line {line}, at "
                           "{at}, ends one whose start is not in it): give its earlier, "
                           "rotated file too, or that connection is missing.",
                           file=one_line(cut.file or "-"), line=cut.line,
                           at=clock.local_wall(at, ctx.tz, "%Y-%m-%d %H:%M:%S")))
            missing.append({"file": cut.file, "line": cut.line, "at": _instant(at, ctx)})
    if any(row["session"] is None for row in rows):
        lines.append(_("A connection is recorded once it matches a session: plan it with the "
                       "partner ID (sessiond session new CLIENT --tool TOOL --partner-id ID), "
                       "or start the session of that tool, then import again."))
    ctx.emit("\n".join(lines), {"connections": rows,
                                **({"start_missing": missing} if missing else {})})
    return 0


def do_list(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.cli.exports import parse_day
    from sessiond.errors import InputError

    svc = ctx.service
    if args.session and args.day:
        raise InputError(_("Give a session or --day, not both."))
    if args.session:
        found = svc.connections(args.session)
        empty = _("No connection recorded for session {session}.", session=args.session)
        scope: dict[str, Any] = {"session": args.session}
    else:
        today = clock.now().astimezone(ctx.tz).date()
        day = parse_day(args.day, today) if args.day else today
        found = svc.evidence_of_day(day)
        empty = _("No connection recorded on {day}.", day=long_date(day))
        scope = {"day": day.isoformat()}
    lines = [f"#{o.seq:<5} {o.session_id}  " + _line(o.tool, o.direction, o.outcome,
                                                      o.partner_id,
                                                      _span(o.start, o.end, ctx,
                                                            o.seen_until))
             for o in found]
    ctx.emit("\n".join(lines) or empty, {**scope, "connections": [_row(o, ctx)
                                                                  for o in found]})
    return 0


def _row(o: Observed, ctx: Context) -> dict[str, Any]:
    return {"tool": o.tool, "direction": o.direction, "partner_id": o.partner_id,
            "start": _instant(o.start, ctx), "end": _instant(o.end, ctx),
            **_unknown_end(o.seen_until if o.end_unknown else None, ctx),
            "session": o.session_id, "outcome": o.outcome, "format": o.fmt,
            "matched_by": o.matched_by, "events": list(o.events)}


def _unknown_end(seen_until: datetime | None, ctx: Context) -> dict[str, Any]:
    """A connection's row fields for an end the log does not have: `end` stays null (as
    for one still open) and `seen_until` says how far the log was read without it."""
    if seen_until is None:
        return {}
    return {"end_unknown": True, "seen_until": _instant(seen_until, ctx)}
