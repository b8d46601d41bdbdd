"""`sessiond config init`: the technician's identity and default terms, into config.toml.

Asked question by question on a terminal (each answer checked as the receipt checks it:
the name with "EI", the SIRET or SIREN by its check digit, the postal address), or given
as options (`--yes` never asks: a script or a test). An existing config.toml is updated in
place: the keys set here change, every other line stays. The file is written 0600.
Every key is described in docs/config.md.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from sessiond.cli.context import Context
from sessiond.i18n import LANGUAGES, _

IDENTITY = ("name", "trade_name", "siret", "address", "email", "phone", "vat_number")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    config = sub.add_parser("config", help=_("the settings file config.toml"))
    csub = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    init = csub.add_parser("init", parents=[common], help=_(
        "write your identity (as receipts state it) and your default terms into config.toml"))
    init.add_argument("--name", metavar="NAME",
                      help=_("your name followed by EI, e.g. \"Jean Dupont EI\""))
    init.add_argument("--trade-name", metavar="NAME", help=_("your trade name, if any"))
    init.add_argument("--siret", metavar="NUMBER",
                      help=_("your SIRET (14 digits) or SIREN (9 digits)"))
    init.add_argument("--address", metavar="TEXT", help=_("your postal address"))
    init.add_argument("--email", metavar="ADDRESS", help=_("your e-mail address"))
    init.add_argument("--phone", metavar="NUMBER", help=_("your phone number"))
    init.add_argument("--vat-number", metavar="NUMBER", help=_(
        "your intra-EU VAT number (FR and 11 characters), needed to invoice a business "
        "elsewhere in the EU"))
    init.add_argument("--policy", metavar="ID",
                      help=_("the terms of new sessions (sessiond policy list shows them)"))
    init.add_argument("--language", choices=LANGUAGES,
                      help=_("the language of the screens and documents"))
    init.add_argument("--yes", action="store_true",
                      help=_("ask nothing: take the options as given (for scripts)"))
    init.add_argument("--interactive", action="store_true",
                      help=_("ask even when the input is not a terminal"))
    init.set_defaults(handler=config_init)


def _ask(question: str, current: str) -> str:
    """One question on stderr (stdout stays for the result); Enter keeps `current`."""
    shown = f" [{current}]" if current else ""
    sys.stderr.write(f"{question}{shown}\u202f: " if _french() else f"{question}{shown}: ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:  # end of input: nothing more will be typed
        from sessiond.errors import InputError

        raise InputError(_("Input ended before every question was answered: nothing was "
                           "written."))
    return line.strip() or current


def _french() -> bool:
    from sessiond.i18n import language

    return language() == "fr"


def config_init(args: argparse.Namespace, ctx: Context) -> int:
    from sessiond.config import load_config, paths
    from sessiond.configfile import identity_problems, set_values
    from sessiond.errors import InputError
    from sessiond.i18n import set_language
    from sessiond.policy import list_policies, load_policy

    where = paths()
    current = load_config(where)  # a file sessiond cannot read is said before anything
    if args.language:
        set_language(args.language)
    else:
        set_language(current.language or None)
    technician = current.technician._replace(**{
        f: getattr(args, f) for f in IDENTITY if getattr(args, f) is not None})
    policy = args.policy or current.policy
    interactive = not args.yes and (args.interactive or sys.stdin.isatty())

    if interactive:
        questions = {"name": _("Your name followed by EI (e.g. Jean Dupont EI)"),
                     "trade_name": _("Trade name (Enter: none)"),
                     "siret": _("SIRET (14 digits) or SIREN (9 digits)"),
                     "address": _("Postal address (one line)"),
                     "email": _("E-mail (Enter: none)"),
                     "phone": _("Phone (Enter: none)")}
        # Not asked: the intra-EU VAT number (--vat-number) only matters to a technician
        # who invoices businesses elsewhere in the EU, and the invoice says when it lacks.
        for field in questions:
            while True:
                technician = technician._replace(**{field: _ask(
                    questions[field], getattr(technician, field))})
                problem = next((p for p in identity_problems(technician)
                                if p.field == field), None)
                if problem is None:
                    break
                sys.stderr.write("⚠ " + problem.message + "\n")
        known = [p.id for p in list_policies(where) if p.policy is not None]
        sys.stderr.write(_("Terms available: {ids}", ids=", ".join(known)) + "\n")
        while True:
            policy = _ask(_("Terms of your new sessions"), policy)
            try:
                load_policy(policy, where)
                break
            except InputError as e:
                sys.stderr.write(e.message + "\n")

    problems = identity_problems(technician)
    if problems:
        raise InputError(_("Your identity is not complete, nothing was written: {what}.",
                           what="; ".join(f"--{p.field.replace('_', '-')}: {p.message}"
                                          for p in problems)))
    load_policy(policy, where)  # an unknown id says which exist
    values: dict[str, str | int | bool] = {"policy": policy}
    if args.language:
        values["language"] = args.language
    set_values(where, None, values)
    fields = {f: getattr(technician, f) for f in IDENTITY
              if getattr(technician, f) or f in ("name", "siret", "address")}
    config = set_values(where, "technician", fields)
    lines = [_("{path} written (readable by you only).", path=where.config_file),
             _("Receipts will state: {name}, SIRET {siret}, {address}.",
               name=config.technician.name, siret=config.technician.siret,
               address=config.technician.address),
             _("New sessions follow the terms {policy}.", policy=config.policy)]
    ctx.emit("\n".join(lines), {"path": str(where.config_file), "policy": config.policy,
                                "technician": fields})
    return 0
