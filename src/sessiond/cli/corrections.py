"""Corrections: `amend`, `reopen`, `cancel`, `redact`, and the handlers of `session move`,
`client merge` and `note --replaces` (registered with their parent commands in
cli/sessions.py). A mistake is never edited: each writes an audited event naming what it
corrects and why; `--json` prints the new event."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from sessiond.cli import options
from sessiond.cli.context import Context
from sessiond.i18n import _

if TYPE_CHECKING:
    from collections.abc import Collection
    from datetime import datetime

    from sessiond.compliance.facts import Overlap
    from sessiond.model import Event

    Shared = tuple[datetime, list[Overlap]]


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    amend = sub.add_parser("amend", parents=[common],
                           help=_("correct the time of a start, pause, resume or stop, or of "
                                  "the consent"))
    amend.add_argument("session_id", help=_("the session"))
    amend.add_argument("seq", type=options.event_number,
                       help=_("the event to correct, as `sessiond log` "
                               "numbers it"))
    amend.add_argument("--at", required=True, metavar="TIME",
                       help=_("the right time: HH:MM, ISO date-time, or with offset"))
    options.confirm_old_time(amend)
    options.reason(amend)
    amend.set_defaults(handler=do_amend)

    reopen = sub.add_parser("reopen", parents=[common],
                            help=_("undo a stop pressed by mistake (the session is paused "
                                   "from the stop)"))
    reopen.add_argument("session_id", help=_("the session"))
    options.reason(reopen)
    reopen.set_defaults(handler=do_reopen)

    cancel = sub.add_parser("cancel", parents=[common],
                            help=_("cancel a session planned by mistake (never started), or "
                                   "a duplicate of another"))
    cancel.add_argument("session_id", help=_("the session"))
    cancel.add_argument("--duplicate-of", metavar="SESSION",
                        help=_("the session that holds the work this one timed twice (a "
                               "started session is cancelled only so)"))
    options.reason(cancel)
    cancel.set_defaults(handler=do_cancel)

    redact = sub.add_parser("redact", parents=[common],
                            help=_("make the text of a note, reason or problem unreadable "
                                   "for good"))
    redact.add_argument("session_id", help=_("the session"))
    redact.add_argument("seq", type=options.event_number,
                        help=_("the event whose text goes, as `sessiond log` "
                                "numbers it"))
    options.reason(redact)
    redact.set_defaults(handler=do_redact)

    withdraw = sub.add_parser("withdraw", parents=[common],
                              help=_("take back a fee, its announcement or a payment recorded "
                                     "by mistake"))
    withdraw.add_argument("session_id", help=_("the session"))
    withdraw.add_argument("seq", type=options.event_number,
                          help=_("the fee or payment, as `sessiond log` "
                                  "numbers it"))
    options.reason(withdraw)
    withdraw.set_defaults(handler=do_withdraw)


def emit(ctx: Context, event: Event, text: str, *, broken: set[str] | None = None,
         behind: set[str] | None = None) -> int:
    """Print the correction; `broken`: the session's errors before it, so that an error
    the correction brings (a start moved before the consent) is said at once; `behind`:
    what the documents of the client's other sessions were said to be before it (see
    Sessiond.neighbours_behind), so that those it reprices are named too."""
    if broken is not None and event.session_id is not None:
        warn_new_errors(ctx, event.session_id, broken)
    if event.session_id is not None:
        warn_outdated_documents(ctx, [event.session_id])
        if behind is not None:
            from sessiond.cli.compliance import finding_line

            # Their prices hang on this session (a warranty re-intervention within its
            # window, the new client's first intervention).
            for finding in ctx.service.neighbours_outdated(event.session_id):
                if finding.message not in behind:
                    ctx.warn(finding_line(finding).strip())
    elif event.kind == "client-merged":  # his sessions and the other's are repriced
        warn_outdated_documents(ctx, [s.id for s in ctx.service.client_sessions(
            event.body["into"])])
    ctx.emit(text, {"events": [event_json(ctx, event)]})
    return 0


def warn_outdated_documents(ctx: Context, session_ids: list[str]) -> None:
    """After a correction: the receipts and invoices it leaves behind (they no longer
    state the sessions as the log holds them), in the check's words, with what to do, so
    that no document the client holds goes out of date silently."""
    from sessiond.cli.compliance import finding_line

    for session_id in session_ids:
        for finding in ctx.service.outdated_documents(session_id):
            ctx.warn(finding_line(finding).strip())


def warn_new_errors(ctx: Context, session_id: str, before: set[str]) -> None:
    from sessiond.cli.compliance import finding_line

    for finding in ctx.service.new_errors(session_id, before):
        ctx.warn(_("After this correction the session breaks its terms: {finding}",
                   finding=finding_line(finding).strip()))


def overlaps_now(ctx: Context, session_id: str) -> Shared:
    """The session's overlaps with other sessions before a command that sets one of its
    instants (see `warn_new_overlaps`), read up to now."""
    from sessiond import clock

    upto = clock.whole_second(clock.now())
    return upto, ctx.service.overlaps(session_id, upto=upto)


def warn_new_overlaps(ctx: Context, session_id: str, before: Shared, *,
                      saying: Collection[str] = ()) -> None:
    """After a time given or corrected: the minutes it bills twice, another session's
    clock running then too (a start typed 09:30 for 10:30 beside the session that ran
    until 10:00), said at once with what to do; `saying`: the sessions a warning named
    already."""
    upto, shared = before
    svc = ctx.service
    for overlap in svc.new_overlaps(session_id, shared, upto=upto):
        if overlap.other not in saying:
            ctx.warn(svc.overlap_message(session_id, overlap))


def event_json(ctx: Context, event: Event) -> dict[str, Any]:
    from sessiond import clock

    return {"seq": event.seq, "kind": event.kind, "session": event.session_id,
            "client": event.client_id, "at": clock.local_iso(event.at, ctx.tz),
            "body": dict(event.body)}


def do_amend(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.errors import InputError

    svc = ctx.service
    at = svc.at(args.at, allow_old=args.yes)
    if at is None:
        raise InputError(_("Give the right time: --at TIME."))
    broken = ctx.service.broken_rules(args.session_id)
    behind = ctx.service.neighbours_behind(args.session_id)
    shared = overlaps_now(ctx, args.session_id)
    event = svc.amend(args.session_id, args.seq, at=at, reason=args.reason, typed=args.at)
    warn_new_overlaps(ctx, args.session_id, shared)
    return emit(ctx, event, _("Event #{seq} corrected (event #{event}).", seq=args.seq,
                              event=event.seq), broken=broken, behind=behind)


def do_reopen(args: argparse.Namespace, ctx: Context) -> int:
    broken = ctx.service.broken_rules(args.session_id)
    behind = ctx.service.neighbours_behind(args.session_id)
    event = ctx.service.reopen(args.session_id, reason=args.reason)
    return emit(ctx, event, _("Session {session} reopened, paused since its stop: sessiond "
                              "resume {session} continues it (event #{event}).",
                              session=args.session_id, event=event.seq), broken=broken,
                behind=behind)


def do_cancel(args: argparse.Namespace, ctx: Context) -> int:
    behind = ctx.service.neighbours_behind(args.session_id)
    event = ctx.service.cancel(args.session_id, reason=args.reason,
                               duplicate_of=args.duplicate_of)
    return emit(ctx, event, _("Session {session} cancelled (event #{event}).",
                              session=args.session_id, event=event.seq), behind=behind)


def do_withdraw(args: argparse.Namespace, ctx: Context) -> int:
    broken = ctx.service.broken_rules(args.session_id)
    behind = ctx.service.neighbours_behind(args.session_id)
    event = ctx.service.withdraw(args.session_id, args.seq, reason=args.reason)
    return emit(ctx, event, _("Event #{seq} withdrawn: the bill and the documents leave it "
                              "out (event #{event}).", seq=args.seq, event=event.seq),
                broken=broken, behind=behind)


def do_redact(args: argparse.Namespace, ctx: Context) -> int:
    event = ctx.service.redact(args.session_id, args.seq, reason=args.reason)
    return emit(ctx, event, _("The text of event #{seq} can no longer be read (event "
                              "#{event}).", seq=args.seq, event=event.seq))


def do_move(args: argparse.Namespace, ctx: Context) -> int:
    broken = ctx.service.broken_rules(args.session_id)
    behind = ctx.service.neighbours_behind(args.session_id)
    event = ctx.service.move_session(args.session_id, client_id=args.client,
                                     reason=args.reason)
    return emit(ctx, event, _("Session {session} now belongs to client {client} (event "
                              "#{event}).", session=args.session_id, client=args.client,
                              event=event.seq), broken=broken, behind=behind)


def do_merge(args: argparse.Namespace, ctx: Context) -> int:
    event = ctx.service.merge_client(args.duplicate, into=args.into, reason=args.reason)
    # The client the log says (a duplicate named as --into stands for the one he was
    # merged into himself), not the id as typed.
    return emit(ctx, event, _("Client {client} merged into {into}: his sessions and credit "
                              "count as {into}'s (event #{event}).", client=event.client_id,
                              into=event.body["into"], event=event.seq))
