"""Options several commands share, defined once so their names and help agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sessiond.i18n import _

if TYPE_CHECKING:  # cli.sessions imports this module, and `status` runs without argparse
    import argparse


def reason(parser: argparse.ArgumentParser) -> None:
    """The reason every correction carries."""
    parser.add_argument("--reason", required=True, metavar="TEXT",
                        help=_("why the correction is made (kept in the log)"))


def confirm_old_time(parser: argparse.ArgumentParser) -> None:
    """--yes: a declared instant more than 7 days ago is taken only when confirmed."""
    parser.add_argument("--yes", action="store_true",
                        help=_("confirm a time more than 7 days ago"))


def client_details(parser: argparse.ArgumentParser) -> None:
    """What an invoice or a receipt needs of a client, besides the name."""
    parser.add_argument("--email", help=_("the client's e-mail address"))
    parser.add_argument("--phone", help=_("the client's phone number"))
    parser.add_argument("--address", metavar="TEXT", help=_("the client's postal address"))
    parser.add_argument("--siren", metavar="NUMBER",
                        help=_("a business client's SIREN or SIRET (its check digit is "
                               "checked)"))
