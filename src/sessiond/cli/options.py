"""Options several commands share, defined once so their names and help agree."""

from __future__ import annotations

from collections.abc import Callable
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
    parser.add_argument("--vat-number", metavar="NUMBER",
                        help=_("a business client's intra-EU VAT number (e.g. DE123456789), "
                               "needed to invoice a business elsewhere in the EU"))


def allow_list(values: tuple[str, ...]) -> Callable[[str], str]:
    """An argparse `type` for an option whose `choices` are allow-list ids: the id, or its
    words as the interface names them (labels.short or labels.formal: "carte",
    "espèces", "chèque bancaire", "téléphone"), in any case and with or without accents,
    gives the id; anything else is left for argparse to refuse with the choices."""
    def read(text: str) -> str:
        from sessiond import labels
        from sessiond.spelling import folded

        typed = folded(text)
        for value in values:
            if typed in (folded(value), folded(labels.short(value)),
                         folded(labels.formal(value))):
                return value
        return text
    return read


def _ascii_digits(text: str) -> None:
    """An argparse refusal of a number in digits other than 0 to 9 (int() reads them)."""
    import argparse

    from sessiond.amounts import foreign_digit, foreign_digit_message

    digit = foreign_digit(text)
    if digit is not None:
        raise argparse.ArgumentTypeError(foreign_digit_message(text, digit))


def whole_number(text: str) -> int:
    """An argparse `type` for a count or a number (a problem's, a question's): digits 0
    to 9 (int() reads Arabic-Indic and full-width digits too)."""
    import argparse

    _ascii_digits(text)
    if not text.strip().isascii() or not text.strip().isdigit():
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number (e.g. 1).",
                                           text=text))
    return int(text)


def event_number(text: str) -> int:
    """An argparse `type` for an event's number as `sessiond log` and the messages print
    it: "16", "#16", "n° 16", "no16"."""
    import argparse
    import re

    _ascii_digits(text)
    match = re.fullmatch(r"\s*(?:#|n\s*[°º]|no\.?)?\s*([0-9]+)\s*", text, re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(_(
            "{text!r} is not an event number: give it as `sessiond log` shows it, e.g. 16 "
            "or #16.", text=text))
    return int(match.group(1))
