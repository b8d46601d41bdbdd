"""`sessiond daemon` (run, status, questions, answer, catch-up) and `sessiond systemd install`.

Handlers import the daemon package inside themselves: the CLI must not pay for
APScheduler or pynput unless it runs the daemon.
"""

from __future__ import annotations

import argparse
from typing import Any

from sessiond.cli import options
from sessiond.cli.context import Context
from sessiond.i18n import _


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    daemon = sub.add_parser(
        "daemon", help=_("run the daemon: reminders, hotkeys, idle detection, daily export"),
        # SESSIOND_HEARTBEAT_SECONDS (tests only) sets the heartbeat interval, default 15 s:
        # not in the help, which is the technician's.
        description=_("Without an action, runs the daemon in the foreground (the systemd "
                      "unit does this)."))
    daemon.add_argument("--no-hotkeys", action="store_true",
                        help=_("do not listen for the global hotkeys"))
    daemon.add_argument("--no-idle", action="store_true",
                        help=_("do not watch for idle time"))
    daemon.set_defaults(handler=run_daemon)
    dsub = daemon.add_subparsers(dest="daemon_command", metavar="ACTION")
    st = dsub.add_parser("status", parents=[common],
                         help=_("is the daemon running; hotkeys and idle detection"))
    st.set_defaults(handler=daemon_status, readonly=True)
    qs = dsub.add_parser("questions", parents=[common],
                         help=_("the daemon's questions waiting for an answer"))
    qs.add_argument("--all", action="store_true",
                    help=_("also the recent notifications and answered questions"))
    qs.set_defaults(handler=daemon_questions, readonly=True)
    an = dsub.add_parser("answer", parents=[common],
                         help=_("answer a question: was that span work, or a pause? start, "
                                "stop or pause at the instant the remote tool logged?"))
    an.add_argument("question", type=options.whole_number, metavar="ID",
                    help=_("the question's number (sessiond daemon questions lists them)"))
    an.add_argument("decision", help=_("the answer: worked or paused for unseen time; "
                                       "start, stop, pause or ignore for a connection"),
                    choices=("worked", "paused", "start", "stop", "pause", "ignore", "erase",
                             "keep"))
    an.add_argument("session", nargs="?", metavar="SESSION",
                    help=_("for start, stop or pause: the session (default: the one the "
                           "question names)"))
    an.add_argument("--at", metavar="TIME",
                    help=_("for start, stop or pause: another instant than the logged one"))
    an.set_defaults(handler=daemon_answer)
    cu = dsub.add_parser("catch-up", parents=[common],
                         help=_("run the end-of-day export and day seal if due "
                                "(the systemd timer runs this)"))
    cu.set_defaults(handler=daemon_catch_up)

    systemd = sub.add_parser("systemd", help=_("systemd user units for the daemon"))
    ssub = systemd.add_subparsers(dest="systemd_command", metavar="ACTION", required=True)
    inst = ssub.add_parser("install", parents=[common],
                           help=_("write the user units (sessiond.service, "
                                  "sessiond-export.service and .timer)"))
    inst.add_argument("--dir", metavar="DIR",
                      help=_("where to write them (default ~/.config/systemd/user)"))
    inst.add_argument("--force", action="store_true",
                      help=_("replace unit files that were changed by hand"))
    inst.add_argument("--no-reload", action="store_true",
                      help=_("do not run systemctl --user daemon-reload"))
    inst.set_defaults(handler=systemd_install)


def run_daemon(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.daemon.main import run

    return run(ctx.service, hotkeys=not args.no_hotkeys, idle=not args.no_idle)


def daemon_catch_up(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.daemon.main import catch_up

    return catch_up(ctx.service)


def status_data(service: Any) -> dict[str, Any]:
    """The daemon's part of `sessiond status` (used by the status command too)."""
    from sessiond.daemon import status

    return status.collect(service.paths.data, service.store.conn)


def status_text(data: dict[str, Any]) -> str:
    from sessiond.daemon import status

    return status.describe(data)


def daemon_status(args: argparse.Namespace, ctx: Context) -> int:
    data = status_data(ctx.service)
    ctx.emit(status_text(data), data)
    return 0


def daemon_questions(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.store import notifications as notices

    conn = ctx.service.store.conn
    found = notices.recent(conn, 50) if args.all else notices.pending_questions(conn)
    lines = []
    for n in found:
        local = n.created_at.astimezone(ctx.tz).strftime("%Y-%m-%d %H:%M")
        mark = "?" if n.question and n.answer is None else (n.answer or "")
        lines.append(f"#{n.id}  {local}  {mark:<7} {n.message}")
    if not args.all and found:
        if any(n.kind not in ("connection-opened", "connection-closed", "retention")
               for n in found):
            lines.append(_("Answer with: sessiond daemon answer ID worked|paused"))
        if any(n.kind == "retention" for n in found):
            lines.append(_("Answer with: sessiond daemon answer ID erase|keep"))
        if any(n.kind in ("connection-opened", "connection-closed") for n in found):
            lines.append(_("Answer with: sessiond daemon answer ID start|stop|pause "
                           "[SESSION] [--at TIME], or ignore"))
    ctx.emit("\n".join(lines) or _("No question waiting."),
             {"notifications": [n.to_json() for n in found]})
    return 0


def daemon_answer(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.daemon.questions import answer

    svc = ctx.service
    notice, event = answer(svc, args.question, args.decision, session_id=args.session,
                           at=svc.at(args.at))
    acted = {"start": _("Question #{id}: session {session} started at {at} (event #{seq})."),
             "stop": _("Question #{id}: session {session} stopped at {at} (event #{seq})."),
             "pause": _("Question #{id}: session {session} paused at {at} (event #{seq}).")}
    if args.decision in ("erase", "keep"):
        client = notice.data.get("client")
        text = (_("Question #{id}: the personal data of client {client} is erased for good.",
                  id=notice.id, client=client) if args.decision == "erase" else
                _("Question #{id}: the data of client {client} is kept; asked again next "
                  "year.", id=notice.id, client=client))
        ctx.emit(text, {"notification": notice.to_json(), "event": None})
        return 0
    if args.decision in acted or args.decision == "ignore":
        text = (acted[args.decision].format(
            id=notice.id, session=event.session_id, seq=event.seq,
            at=event.at.astimezone(ctx.tz).strftime("%H:%M:%S")) if event is not None else
            _("Question #{id}: ignored.", id=notice.id))
        ctx.emit(text, {"notification": notice.to_json(),
                        "event": event.seq if event else None})
        return 0
    text = (_("Question #{id}: recorded as worked (event #{seq}).", id=notice.id,
              seq=event.seq) if event and args.decision == "worked" else
            _("Question #{id}: recorded as a pause (event #{seq}).", id=notice.id,
              seq=event.seq) if event else
            _("Question #{id} was already answered that way.", id=notice.id))
    ctx.emit(text, {"notification": notice.to_json(), "event": event.seq if event else None})
    return 0


def systemd_install(args: argparse.Namespace, ctx: Context) -> int:
    from pathlib import Path

    from sessiond.daemon.units import install
    from sessiond.errors import InputError

    try:
        done = install(ctx.service.config, Path(args.dir) if args.dir else None,
                       force=args.force, reload=not args.no_reload)
    except FileNotFoundError:
        raise InputError(_("Cannot find the sessiond executable to put in ExecStart=; "
                           "install sessiond (pip install .) and run this again.")) from None
    lines = [_("Units written to {dir}: {names}.", dir=done.directory,
               names=", ".join(done.written) or _("none (already up to date)"))]
    if done.written and not done.reloaded and not args.no_reload:
        lines.append(_("Run: systemctl --user daemon-reload"))
    lines += [
        _("Start the daemon with your graphical session: "
          "systemctl --user enable --now sessiond.service"),
        _("It needs DISPLAY: if your desktop does not start graphical-session.target or "
          "import DISPLAY, run systemctl --user import-environment DISPLAY XAUTHORITY in "
          "your session start-up."),
        _("Without the daemon, the timer still makes the end-of-day export: "
          "systemctl --user enable --now sessiond-export.timer"),
    ]
    ctx.emit("\n".join(lines), {"directory": str(done.directory), "written": done.written,
                                "unchanged": done.unchanged, "reloaded": done.reloaded})
    return 0
