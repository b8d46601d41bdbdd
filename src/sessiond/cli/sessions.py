"""Clients and the session life cycle: client, session, consent, start, pause, resume,
stop, note (status: cli/status.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sessiond.cli import options
from sessiond.cli.context import Context
from sessiond.cli.status import describe
from sessiond.i18n import _
from sessiond.model import CHANNELS, MODES, OSES, TOOLS, WARRANTY_CAUSES

if TYPE_CHECKING:  # argparse loads when the parser is built, not for these annotations
    import argparse


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    client = sub.add_parser("client", help=_("add or list clients"))
    csub = client.add_subparsers(dest="client_command", metavar="ACTION", required=True)
    add = csub.add_parser("add", parents=[common], help=_("add a client, print his id"))
    add.add_argument("name", help=_("the client's name, as on his documents"))
    status = add.add_mutually_exclusive_group()
    status.add_argument("--consumer", dest="status", action="store_const", const="consumer",
                        help=_("a private person (default)"))
    status.add_argument("--business", dest="status", action="store_const", const="business",
                        help=_("a business client"))
    options.client_details(add)
    add.add_argument("--country", default="FR", help=_("ISO country code (default FR)"))
    add.add_argument("--known-since", metavar="DATE",
                     help=_("a client from before sessiond: the day you first worked for him "
                            "(he gets no new-client discount)"))
    add.set_defaults(handler=client_add, status="consumer")
    edit = csub.add_parser("edit", parents=[common],
                           help=_("record a client's address, SIREN, VAT number, e-mail or "
                                  "phone"))
    edit.add_argument("client_id", help=_("the client"))
    options.client_details(edit)
    edit.set_defaults(handler=_invoices("client_edit"))
    lst = csub.add_parser("list", parents=[common], help=_("list clients"))
    lst.add_argument("words", nargs="*", metavar="WORDS",
                     help=_("only the clients each word matches: a name, a town, an e-mail, "
                            "the end of a phone number (case and accents aside)"))
    lst.set_defaults(handler=client_list, readonly=True)
    show = csub.add_parser("show", parents=[common],
                           help=_("show a client: his details and his sessions"))
    show.add_argument("client_id", help=_("the client"))
    show.set_defaults(handler=client_show, readonly=True)
    erase = csub.add_parser("erase", parents=[common],
                            help=_("erase a client's personal data for good (GDPR)"))
    erase.add_argument("client_id", help=_("the client"))
    erase.add_argument("--yes", action="store_true", help=_("confirm the erasure"))
    erase.add_argument("--despite-invoices", action="store_true",
                       help=_("erase a client whose invoices are still kept for the "
                              "accounts"))
    erase.set_defaults(handler=client_erase)
    export = csub.add_parser("export", parents=[common],
                             help=_("everything about a client, decrypted, as JSON (his "
                                    "rights of access and portability)"))
    export.add_argument("client_id", help=_("the client"))
    export.add_argument("--out", metavar="FILE",
                        help=_("write it to this file (or directory) instead of printing it"))
    export.set_defaults(handler=_client_data("client_export"))
    referral = csub.add_parser("referral", parents=[common],
                               help=_("the client recommended a new client (referral "
                                      "discount on his next intervention)"))
    referral.add_argument("client_id", help=_("the client who recommended"))
    referral.add_argument("--referred", required=True, metavar="CLIENT",
                          help=_("the new client he recommended (who had an intervention "
                                 "and paid it)"))
    referral.add_argument("--at", metavar="TIME", help=_("when he mentioned it"))
    options.confirm_old_time(referral)
    referral.set_defaults(handler=_client_data("client_referral"))
    merge = csub.add_parser("merge", parents=[common],
                            help=_("a client added twice: count the duplicate as the other"))
    merge.add_argument("duplicate", help=_("the client added by mistake"))
    merge.add_argument("--into", required=True, metavar="CLIENT",
                       help=_("the client he really is"))
    options.reason(merge)
    merge.set_defaults(handler=_corrections("do_merge"))

    session = sub.add_parser("session", help=_("plan or show a session"))
    ssub = session.add_subparsers(dest="session_command", metavar="ACTION", required=True)
    new = ssub.add_parser("new", parents=[common], help=_("plan a session, print its id"))
    new.add_argument("client_id", help=_("the client (sessiond client list shows them)"))
    new.add_argument("--policy", help=_("policy id (default from the configuration)"))
    new.add_argument("--mode", choices=MODES, type=options.allow_list(MODES), default="remote",
                     help=_("remote (default), on site or in the workshop"))
    new.add_argument("--tool", choices=TOOLS, type=options.allow_list(TOOLS), default="teamviewer",
                     help=_("the remote tool (default teamviewer)"))
    new.add_argument("--partner-id", help=_("the client's ID in the remote tool"))
    new.add_argument("--client-os", choices=OSES,
                     type=options.allow_list(OSES), help=_("the client's system"))
    new.add_argument("--problem", action="append", default=[],
                     help=_("a problem the client listed (repeat for each)"))
    new.add_argument("--ordered-at", metavar="TIME", help=_("when the client ordered"))
    new.add_argument("--rate", metavar="EUR_PER_HOUR", help=_("quoted hourly rate"))
    new.add_argument("--price", metavar="EUR",
                     help=_("a price agreed for the whole session (a package, a quote)"))
    new.add_argument("--warranty-of", metavar="SESSION",
                     help=_("this session re-does that one under warranty"))
    new.add_argument("--warranty-cause", choices=WARRANTY_CAUSES,
                     type=options.allow_list(WARRANTY_CAUSES),
                     help=_("what made it necessary (default: that intervention)"))
    new.add_argument("--appointment", metavar="TIME",
                     help=_("the agreed date and time of the intervention"))
    new.add_argument("--ticket-at", metavar="TIME",
                     help=_("when the client opened the support ticket"))
    new.set_defaults(handler=session_new)
    show = ssub.add_parser("show", parents=[common], help=_("show a session"))
    show.add_argument("session_id", help=_("the session"))
    show.set_defaults(handler=session_show, readonly=True)
    move = ssub.add_parser("move", parents=[common],
                           help=_("the session belongs to another client"))
    move.add_argument("session_id", help=_("the session"))
    move.add_argument("--client", required=True, metavar="CLIENT",
                      help=_("the client it belongs to"))
    options.reason(move)
    move.set_defaults(handler=_corrections("do_move"))

    consent = sub.add_parser("consent", parents=[common],
                             help=_("record the client's consent"))
    consent.add_argument("session_id", help=_("the session"))
    consent.add_argument("--channel", choices=CHANNELS,
                         type=options.allow_list(CHANNELS), required=True,
                         help=_("how the client gave it: orally, by phone, e-mail, SMS, the "
                                "remote tool's code, a signature"))
    consent.add_argument("--by", required=True, metavar="NAME",
                         help=_("who gave consent"))
    _at(consent)
    consent.set_defaults(handler=do_consent)

    start = sub.add_parser("start", parents=[common], help=_("start the clock"))
    start.add_argument("session_id", help=_("the session"))
    start.add_argument("--without-consent", action="store_true",
                       help=_("start although no consent is recorded (needs --reason)"))
    start.add_argument("--reason", metavar="TEXT",
                       help=_("with --without-consent: why access starts before it (kept "
                              "in the log and reported)"))
    _at(start)
    start.set_defaults(handler=do_start)

    pause = sub.add_parser("pause", parents=[common], help=_("pause the clock"))
    pause.add_argument("session_id", help=_("the session"))
    pause.add_argument("--reason", metavar="TEXT",
                       help=_("why (optional), e.g. the client's call"))
    _at(pause)
    pause.set_defaults(handler=do_pause)

    resume = sub.add_parser("resume", parents=[common], help=_("resume the clock"))
    resume.add_argument("session_id", help=_("the session"))
    _at(resume)
    resume.set_defaults(handler=do_resume)

    stop = sub.add_parser("stop", parents=[common], help=_("stop the session"))
    stop.add_argument("session_id", help=_("the session"))
    stop.add_argument("--by", choices=("technician", "client"), default="technician",
                      help=_("who ended it"))
    _at(stop)
    stop.set_defaults(handler=do_stop)

    note = sub.add_parser("note", parents=[common],
                          help=_("add a note (scanned for secrets first)"))
    note.add_argument("session_id", help=_("the session"))
    note.add_argument("text", help=_("the note (a password or a code in it is refused)"))
    note.add_argument("--replaces", type=options.event_number, metavar="SEQ",
                      help=_("the note it corrects, as `sessiond log` numbers it"))
    note.set_defaults(handler=do_note)


def _corrections(name: str) -> Any:
    """A handler of cli/corrections.py, imported only when that command runs."""
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        from sessiond.cli import corrections

        result: int = getattr(corrections, name)(args, ctx)
        return result

    return handler


def _invoices(name: str) -> Any:
    """A handler of cli/invoices.py (client edit), imported only when it runs."""
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        from sessiond.cli import invoices

        result: int = getattr(invoices, name)(args, ctx)
        return result

    return handler


def _client_data(name: str) -> Any:
    """A handler of cli/client_data.py, imported only when that command runs."""
    def handler(args: argparse.Namespace, ctx: Context) -> int:
        from sessiond.cli import client_data

        result: int = getattr(client_data, name)(args, ctx)
        return result

    return handler


def _at(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", metavar="TIME",
                        help=_("when it happened: HH:MM, ISO date-time, or with offset"))
    options.confirm_old_time(parser)


def client_add(args: argparse.Namespace, ctx: Context) -> int:

    svc = ctx.service
    known_since = None
    if args.known_since:
        from sessiond import clock
        from sessiond.cli.exports import parse_day

        known_since = parse_day(args.known_since, clock.now().astimezone(ctx.tz).date())
    duplicates = svc.possible_duplicates(args.name, args.email)
    client_id = svc.add_client(args.name, status=args.status, country=args.country,
                               email=args.email, phone=args.phone, address=args.address,
                               siren=args.siren, vat_number=args.vat_number,
                               known_since=known_since)
    from sessiond.law.vat import treatment

    if treatment(args.country.upper(), args.status == "business").vat_numbers \
            and not (args.vat_number or "").strip():  # said now, not at his first invoice
        ctx.warn(_("a business elsewhere in the EU is invoiced under the reverse charge, "
                   "which states its intra-EU VAT number: sessiond client edit {client} "
                   "--vat-number NUMBER.", client=client_id))
    if duplicates:
        ctx.warn(_(
            "a client with the same name or e-mail exists already: {clients}. If it is the "
            "same person: sessiond client merge {client} --into {first} --reason TEXT.",
            clients=", ".join(duplicates), client=client_id, first=duplicates[0]))
    ctx.emit(client_id, {"client": client_id, "duplicates": duplicates})
    return 0


def client_list(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import labels
    from sessiond.display import safe_line

    query = " ".join(args.words)
    clients = ctx.service.clients(query)
    # One client a row: a line break in a name would print a row of its own.
    lines = [f"{c.id}  {labels.short(c.status):<13} {c.country}  "
             f"{safe_line(c.name) if c.name else _('(erased)')}" for c in clients]
    nothing = _("No client matches {query!r}.", query=query) if query else _("No clients yet.")
    ctx.emit("\n".join(lines) or nothing,
             [{"client": c.id, "status": c.status, "country": c.country, "name": c.name}
              for c in clients])
    return 0


def client_show(args: argparse.Namespace, ctx: Context) -> int:
    """One client as the technician looks him up: details, duplicates merged into him, and
    his sessions with what each is billed (as `bill` prices it)."""
    from sessiond import clock, labels
    from sessiond.billing import bill
    from sessiond.billing.text import duration, money
    from sessiond.errors import InputError
    from sessiond.exports.fmt import day

    svc = ctx.service
    asked = svc.client(args.client_id).id
    client = svc.client(svc.canonical_client(asked))
    now = clock.now()
    merged = sorted(svc.client_group(client.id) - {client.id})
    rows, table = [], []
    for session in svc.client_sessions(client.id):
        worked, total = session.elapsed_seconds(now), None
        try:
            priced = bill(session, svc.policy(session.policy), svc.history(session.client_id),
                          now)
            worked, total = priced.worked_seconds, priced.total
        except InputError:  # a policy that can no longer be read: shown without its bill
            pass
        # the day of the service, as its invoice and the day's export give it (a missed
        # appointment: its fee's day); a session still only planned has none yet
        held = session.started_at is not None or any(e.kind == "fee-added"
                                                     for e in session.events)
        started = session.service_at.astimezone(ctx.tz).date() if held else None
        rows.append({"session": session.id, "state": session.state.value,
                     "day": started.isoformat() if started else None,
                     "policy": session.policy, "worked_seconds": worked,
                     "total": None if total is None else str(total)})
        table.append(f"  {session.id}  {day(started) if started else '—':<10}  "
                     f"{labels.short(session.state.value):<9} {duration(worked):>14}  "
                     f"{money(total) if total is not None else '—':>12}")
    data = {"client": client.id, "name": client.name, "status": client.status,
            "country": client.country, "email": client.email, "phone": client.phone,
            "address": client.address, "siren": client.siren,
            "vat_number": client.vat_number, "merged": merged,
            "sessions": rows}
    lines = []
    if asked != client.id:
        lines.append(_("Client {client} was merged into {into}.", client=asked,
                       into=client.id))
    from sessiond.display import safe_line

    lines.append(f"{client.id}  {safe_line(client.name) if client.name else _('(erased)')}  "
                 f"{labels.short(client.status)}  {client.country}")
    for label, value in ((_("E-mail"), client.email), (_("Phone"), client.phone),
                         (_("Address"), client.address), (_("SIREN"), client.siren),
                         (_("VAT number"), client.vat_number),
                         (_("Duplicates merged into him"), ", ".join(merged))):
        if value:
            lines.append("  " + _("{label}: {value}", label=label,
                                  value=" ".join(value.split())))
    lines.extend(table or ["  " + _("No session yet: sessiond session new {client}.",
                                    client=client.id)])
    ctx.emit("\n".join(lines), data)
    return 0


def client_erase(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.errors import InputError

    if not args.yes:
        raise InputError(_("Erasing {client} cannot be undone: add --yes to confirm.",
                           client=args.client_id))
    ctx.service.erase_client(args.client_id, despite_invoices=args.despite_invoices)
    ctx.emit(_("Client {client} erased: his personal data can no longer be read.",
               client=args.client_id), {"client": args.client_id, "erased": True})
    return 0


def session_new(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.amounts import MAX_RATE, parse_amount, parse_rate

    svc = ctx.service
    rate = None if args.rate is None else parse_rate(
        args.rate,
        message=_("--rate {rate!r}: give an hourly rate in euros, e.g. 60, 52,50 or 55 €/h.",
                  rate=args.rate))
    # A price, not a rate: "80 €/h" typed here is refused rather than read as 80 €.
    price = None if args.price is None else parse_amount(
        args.price, maximum=MAX_RATE,
        message=_("--price {price!r}: give the session's price in euros, e.g. 80, 79,90 or "
                  "80 €.", price=args.price))
    # An order days or weeks before the intervention is ordinary (the withdrawal period).
    ordered_at = svc.at(args.ordered_at, allow_old=True)
    problems = [p.strip() for p in args.problem if p.strip()]
    appointment = None
    if args.appointment:
        from sessiond import clock

        appointment = clock.parse_appointment(args.appointment, svc.tz)
    warranty_of = args.warranty_of.strip().lower() if args.warranty_of else None
    session_id = svc.new_session(
        args.client_id, policy=args.policy, mode=args.mode, tool=args.tool,
        partner_id=args.partner_id, client_os=args.client_os, problems=problems,
        ordered_at=ordered_at, rate=rate, price=price, warranty_of=warranty_of,
        warranty_cause=args.warranty_cause, appointment=appointment,
        ticket_at=svc.at(args.ticket_at, allow_old=True))
    ctx.emit(session_id, {"session": session_id})
    return 0


def session_show(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond import clock
    from sessiond.display import session_data

    session = ctx.service.session(args.session_id)
    data = session_data(session, ctx.tz, clock.now(),
                        client=ctx.service.canonical_client(session.client_id))
    ctx.emit(describe(data), data)
    return 0


def _transition(ctx: Context, event: Any, session_id: str) -> int:
    from sessiond import clock
    from sessiond.display import session_data

    session = ctx.service.session(session_id)
    data = session_data(session, ctx.tz, clock.now(),
                        client=ctx.service.canonical_client(session.client_id))
    data["event"] = event.seq
    ctx.emit(describe(data), data)
    return 0


def do_consent(args: argparse.Namespace, ctx: Context) -> int:
    svc = ctx.service
    event = svc.consent(args.session_id, channel=args.channel, by=args.by,
                        at=svc.at(args.at, allow_old=args.yes))
    return _transition(ctx, event, args.session_id)


def do_start(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.cli.compliance import warn_requirements
    from sessiond.cli.corrections import overlaps_now, warn_new_overlaps

    svc = ctx.service
    at = svc.at(args.at, allow_old=args.yes)
    warn_requirements(ctx, args.session_id, at)
    shared = overlaps_now(ctx, args.session_id) if at is not None else None
    event = svc.start(args.session_id, at=at,
                      without_consent=args.without_consent, reason=args.reason)
    running = _warn_running_too(ctx, event.session_id or args.session_id)
    if shared is not None:  # a start in the past: another clock may have run since
        warn_new_overlaps(ctx, event.session_id or args.session_id, shared, saying=running)
    return _transition(ctx, event, args.session_id)


def _warn_running_too(ctx: Context, started: str) -> list[str]:
    """Two clocks running at once bill the same minutes twice: say so (the terminal
    interface asks before it starts one). The sessions named."""

    from sessiond.i18n.plural import n_
    from sessiond.model import State

    others = [s.id for s in ctx.service.open_sessions()
              if s.state is State.RUNNING and s.id != started]
    if others:
        ctx.warn(n_(
            len(others), "warning: session {sessions} is running too: the same minutes "
            "are billed twice; pause it if it is not worked on (sessiond pause ID).",
            "warning: sessions {sessions} are running too: the same minutes are billed "
            "twice; pause those not worked on (sessiond pause ID).",
            sessions=", ".join(others)))
    return others


def do_pause(args: argparse.Namespace, ctx: Context) -> int:
    svc = ctx.service
    event = svc.pause(args.session_id, at=svc.at(args.at, allow_old=args.yes),
                      reason=args.reason)
    return _transition(ctx, event, args.session_id)


def do_resume(args: argparse.Namespace, ctx: Context) -> int:
    svc = ctx.service
    event = svc.resume(args.session_id, at=svc.at(args.at, allow_old=args.yes))
    if any(e.kind == "disconnect-confirmed" for e in svc.session(args.session_id).events):
        from sessiond.cli.compliance import warn_resumed_without_consent

        warn_resumed_without_consent(ctx, event.session_id or args.session_id, event.seq)
    return _transition(ctx, event, args.session_id)


def do_stop(args: argparse.Namespace, ctx: Context) -> int:
    svc = ctx.service
    event = svc.stop(args.session_id, at=svc.at(args.at, allow_old=args.yes),
                     by=args.by)
    from sessiond.cli.compliance import summarize_stop_check

    summarize_stop_check(ctx, args.session_id)
    return _transition(ctx, event, args.session_id)


def do_note(args: argparse.Namespace, ctx: Context) -> int:
    event = ctx.service.note(args.session_id, args.text, replaces=args.replaces)
    if args.replaces is not None:
        from sessiond.cli.corrections import emit

        return emit(ctx, event, _("Note #{seq} replaced (event #{event}).",
                                  seq=args.replaces, event=event.seq))
    ctx.emit(_("Note recorded (event #{seq}).", seq=event.seq),
             {"session": args.session_id, "event": event.seq})
    return 0
