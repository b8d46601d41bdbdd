"""How a client's e-mail and phone number must look: one rule for what the service accepts
and for what an invoice may print (exports.invoice_doc checks its parties with it)."""

from __future__ import annotations

import re

# One @, and a domain of dot-separated labels with at least one dot ("jeanne@example.fr").
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
# Digits and the separators people write ("06 12 34 56 78", "+33 (0)6.12.34.56.78"). The
# digits 0 to 9: `\d` also takes Arabic-Indic or full-width ones (amounts.py says why).
_PHONE = re.compile(r"\+?[0-9\s.\-()/]+")
# The shortest numbers a client gives (a short international one) have this many digits.
MIN_PHONE_DIGITS = 6


def is_email(text: str) -> bool:
    # Printable too: a zero-width space or a control makes another address that looks
    # the same.
    return _EMAIL.fullmatch(text) is not None and text.isprintable()


def is_phone(text: str) -> bool:
    return (_PHONE.fullmatch(text) is not None
            and sum(c in "0123456789" for c in text) >= MIN_PHONE_DIGITS)
