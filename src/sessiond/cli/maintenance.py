"""`sessiond backup`, `sessiond restore`, `sessiond doctor`, and `verify --backup`.

A backup's keys are sealed under a secret: `--passphrase-file FILE` (its content: a
passphrase, or random bytes kept on a USB stick), else `SESSIOND_BACKUP_PASSPHRASE`, else
a prompt when a terminal is attached.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import _
from sessiond.i18n.plural import n_

PASSPHRASE_ENV = "SESSIOND_BACKUP_PASSPHRASE"


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    backup = sub.add_parser(
        "backup", parents=[common],
        help=_("copy the log, the keys (sealed under a passphrase) and the settings into "
               "a new directory"))
    backup.add_argument("dest", metavar="DIR", help=_("a new (or empty) directory"))
    add_secret_option(backup)
    backup.set_defaults(handler=do_backup, readonly=True)

    restore = sub.add_parser(
        "restore", parents=[common],
        help=_("bring back the keys, the log and the settings from a backup"))
    restore.add_argument("dest", metavar="DIR", help=_("a directory made by sessiond backup"))
    add_secret_option(restore)
    restore.add_argument("--force", action="store_true",
                         help=_("also replace a log or keys that differ from the backup's "
                                "(they are set aside, never deleted)"))
    restore.set_defaults(handler=do_restore)

    doctor = sub.add_parser(
        "doctor", parents=[common],
        help=_("check the data directory, the keys, the database, the display, fonts, "
               "units, free space and backups; say what to do"))
    doctor.set_defaults(handler=do_doctor, readonly=True)


def add_secret_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help=_("a file holding the backup's secret (default: {env}, or a "
                               "prompt)", env=PASSPHRASE_ENV))


def add_verify_options(verify: argparse.ArgumentParser) -> None:
    """`verify --backup DIR` (cli.audit registers the verify command)."""
    verify.add_argument("--backup", metavar="DIR",
                        help=_("check a backup instead of the log: its files, database, "
                               "chain and, with its secret, its keys"))
    add_secret_option(verify)


def _events(count: int) -> str:
    from sessiond.i18n.plural import n_

    return n_(count, "{n} event", "{n} events")


def _checkpoints(count: int) -> str:
    from sessiond.i18n.plural import n_

    return n_(count, "{n} checkpoint", "{n} checkpoints")


def _secret(args: argparse.Namespace, *, confirm: bool, required: bool = True
            ) -> bytes | None:
    from sessiond.errors import InputError

    if getattr(args, "passphrase_file", None):
        from sessiond.backup import read_secret

        return read_secret(Path(args.passphrase_file))
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV].encode("utf-8", "surrogateescape")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass(_("Backup passphrase: "))
        if confirm and getpass.getpass(_("Again: ")) != first:
            raise InputError(_("The two passphrases differ: nothing was written."))
        return first.encode("utf-8", "surrogateescape")
    if not required:
        return None
    raise InputError(_("The backup's keys are sealed under a secret: give --passphrase-file "
                       "FILE, or set {env}.", env=PASSPHRASE_ENV))


# --- backup ------------------------------------------------------------------------------


def do_backup(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.backup import make_backup

    secret = _secret(args, confirm=True)
    assert secret is not None
    made = make_backup(ctx.service, Path(args.dest), secret)
    ctx.emit(_("Backup written to {path}: {events} up to #{seq}, keys sealed (key "
               "{fingerprint}). Check it with: sessiond verify --backup {path}",
               path=made.path, events=_events(made.events), seq=made.tail_seq,
               fingerprint=made.fingerprint or "-"),
             {"path": str(made.path), "events": made.events, "tail_seq": made.tail_seq,
              "key_fingerprint": made.fingerprint})
    return 0


def verify_backup(args: argparse.Namespace, ctx: Context) -> int:
    """`sessiond verify --backup DIR`: exit 1 when the backup fails its check."""
    from sessiond.backup import check_backup

    secret = _secret(args, confirm=False, required=False)
    checked = check_backup(Path(args.backup), secret)
    keys = (_("keys opened with the secret") if checked.keys is not None
            else _("keys not opened (no secret given)"))
    if checked.ok:
        text = _("Backup {path} intact: {events} and {checkpoints} verified; {keys}.",
                 path=checked.path, events=_events(checked.events),
                 checkpoints=_checkpoints(checked.checkpoints), keys=keys)
    else:
        text = "\n".join([_("The backup {path} FAILED verification:", path=checked.path)]
                         + [f"  - {p.message}" for p in checked.problems])
    ctx.emit(text, {"ok": checked.ok, "path": str(checked.path), "events": checked.events,
                    "checkpoints": checked.checkpoints, "keys_checked": checked.keys is not None,
                    "problems": [{"event": p.seq, "message": p.message}
                                 for p in checked.problems]})
    return 0 if checked.ok else 1


# --- restore -----------------------------------------------------------------------------


def do_restore(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.backup import restore
    from sessiond.config import paths
    from sessiond.daemon.owner import DAEMON_LOCK, JOBS_LOCK, is_locked
    from sessiond.errors import InputError
    from sessiond.sessions import Sessiond

    where = paths()  # not the service: a broken config.toml is one thing to restore
    if any(is_locked(where.data / name) for name in (DAEMON_LOCK, JOBS_LOCK)):
        raise InputError(_("The daemon or the terminal interface is running on this data: "
                           "stop them (systemctl --user stop sessiond; quit the TUI) and "
                           "run the restore again."))
    secret = _secret(args, confirm=False)
    assert secret is not None
    done = restore(where, Path(args.dest), secret, force=args.force)
    from sessiond.audit.verify import Problem, Report
    from sessiond.errors import SessiondError

    try:  # what was restored stays restored; a config.toml to fix is said, not raised
        report = Sessiond(where, readonly=True).verify()
    except SessiondError as e:
        report = Report(problems=[Problem(None, e.message)])
    state = {"restored": _("restored"), "replaced": _("replaced (the old one set aside)"),
             "kept": _("kept (it already holds everything in the backup)")}[done.database]
    lines = [_("Restored from {path}: keys {keys}; log {state}; settings {settings}.",
               path=Path(args.dest), keys=", ".join(done.keys) or _("already in place"),
               state=state, settings=len(done.settings))]
    lines += [_("Set aside: {path}", path=p) for p in done.set_aside]
    lines += [_("The backup's config.toml is refused ({problem}): it was restored as "
                "{file}. Fix it, then rename it config.toml.", file=name, problem=problem)
              for name, problem in done.skipped]
    lines.append(_("Log intact: {events} and {checkpoints} verified.",
                   events=_events(report.events),
                   checkpoints=_checkpoints(report.checkpoints)) if report.ok else
                 _("The log FAILED verification after the restore: {problem}",
                   problem=report.problems[0].message))
    ctx.emit("\n".join(lines), {
        "keys": done.keys, "database": done.database, "settings": done.settings,
        "set_aside": [str(p) for p in done.set_aside], "verified": report.ok,
        "skipped": [{"file": name, "problem": problem} for name, problem in done.skipped],
        "problems": [{"event": p.seq, "message": p.message} for p in report.problems]})
    return 0 if report.ok else 1


# --- doctor ------------------------------------------------------------------------------


def do_doctor(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.cli.doctor import diagnose

    checks = diagnose()
    marks = {"ok": "✓", "warning": "!", "problem": "✗"}
    lines = []
    for c in checks:
        lines.append(f"{marks[c.status]} " + _("{label}: {value}", label=c.title,
                                                 value=c.message))
        if c.advice:
            lines.append(f"    → {c.advice}")
    problems = sum(c.status == "problem" for c in checks)
    warnings = sum(c.status == "warning" for c in checks)
    if problems:
        lines.append(_("Problems found: {count}.", count=problems))
    elif warnings:
        # "No problem" under five "!" lines reads as a contradiction: say what they are.
        lines.append(n_(warnings, "No problem found; {n} point to look at (!).",
                        "No problem found; {n} points to look at (!)."))
    else:
        lines.append(_("No problem found."))
    ctx.emit("\n".join(lines), {"ok": not problems, "checks": [c.to_json() for c in checks]})
    return 1 if problems else 0
